/* sh-worksheet-ranking.c — W15: ranking the options and selecting them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-format.h"
#include "sh-summary.h"
#include "sh-worksheet-ranking.h"
#include "sh-worksheet-util.h"

struct _ShWorksheetRanking
{
  GtkWidget      parent_instance;

  ShEditContext *ctx;
  GtkWidget     *matrix_box;
  char          *structure;    /* the options and criteria the matrix was built for */
  GHashTable    *spins;        /* "option:criterion" → GtkSpinButton (borrowed) */
  GHashTable    *totals;       /* gint64 * → GtkLabel (borrowed) */
  GHashTable    *rank_texts;   /* gint64 * → char * */
  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (ShWorksheetRanking, sh_worksheet_ranking, GTK_TYPE_WIDGET)

static const ShColumnSpec criterion_columns[] = {
  { .column = "name", .title = N_("Criterion"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .required = TRUE, .default_text = N_("New criterion") },
  { .column = "weight", .title = N_("Weight"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_NUMBER,
    .default_text = "1" },
};

static ShRecord *
find_score (ShStore *store,
            gint64   option_id,
            gint64   criterion_id)
{
  g_autoptr(GPtrArray) scores = sh_store_list (store, "ranking_score", "option_id", option_id, NULL);

  for (guint i = 0; scores != NULL && i < scores->len; i++)
    {
      if (sh_record_get_int (scores->pdata[i], "criterion_id", 0) == criterion_id)
        return sh_record_ref (scores->pdata[i]);
    }

  return NULL;
}

gboolean
sh_worksheet_ranking_set_score (ShWorksheetRanking  *self,
                                gint64               option_id,
                                gint64               criterion_id,
                                double               score,
                                GError             **error)
{
  ShStore *store;
  g_autoptr(ShRecord) existing = NULL;
  g_autoptr(ShRecord) record = NULL;

  g_return_val_if_fail (SH_IS_WORKSHEET_RANKING (self), FALSE);

  store = sh_edit_context_get_store (self->ctx);
  existing = find_score (store, option_id, criterion_id);
  if (existing != NULL)
    return sh_edit_context_set_double (self->ctx, "ranking_score", sh_record_get_id (existing),
                                       "score", score, error);

  record = sh_record_new ("ranking_score");
  sh_record_set_int (record, "criterion_id", criterion_id);
  sh_record_set_int (record, "option_id", option_id);
  sh_record_set_double (record, "score", score);

  return sh_edit_context_insert (self->ctx, record, error) != 0;
}

static void
spin_value_changed_cb (GtkSpinButton      *spin,
                       ShWorksheetRanking *self)
{
  gint64 option_id = *(gint64 *) g_object_get_data (G_OBJECT (spin), "sh-option");
  gint64 criterion_id = *(gint64 *) g_object_get_data (G_OBJECT (spin), "sh-criterion");
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;

  if (!sh_worksheet_ranking_set_score (self, option_id, criterion_id,
                                       gtk_spin_button_get_value (spin), &error))
    sh_edit_context_report_error (self->ctx, error);
}

/* Scores show and read the Vietnamese way ("4,5"), like every number. */
static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = sh_worksheet_format_decimal (gtk_spin_button_get_value (spin), 1);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static int
spin_input_cb (GtkSpinButton *spin,
               double        *new_value,
               gpointer       user_data)
{
  if (!sh_parse_number (gtk_editable_get_text (GTK_EDITABLE (spin)), new_value, NULL))
    return GTK_INPUT_ERROR;

  return TRUE;
}

static char *
spin_key (gint64 option_id,
          gint64 criterion_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, option_id, criterion_id);
}

static GtkWidget *
header_label (const char *text,
              gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_widget_add_css_class (label, "column-header");

  return label;
}

static void
build_matrix (ShWorksheetRanking *self,
              GPtrArray          *options,
              GPtrArray          *criteria)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *child;
  gboolean read_only = sh_edit_context_get_read_only (self->ctx);
  guint n = criteria->len;

  while ((child = gtk_widget_get_first_child (self->matrix_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->matrix_box), child);
  g_hash_table_remove_all (self->spins);
  g_hash_table_remove_all (self->totals);

  if (options->len == 0 || criteria->len == 0)
    {
      g_object_ref_sink (grid);
      g_object_unref (grid);
      gtk_box_append (GTK_BOX (self->matrix_box),
                      sh_worksheet_note_new (criteria->len == 0 ? _("Add criteria above to score the options.")
                                                                : _("No option to score: options rejected at screening are left out.")));
      return;
    }

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "comparison");
  gtk_grid_attach (GTK_GRID (grid), header_label (_("Option"), FALSE), 0, 0, 1, 1);
  for (guint c = 0; c < n; c++)
    gtk_grid_attach (GTK_GRID (grid),
                     header_label (sh_record_get_string (criteria->pdata[c], "name"), TRUE), c + 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), header_label (_("Weighted score · rank"), TRUE), n + 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), header_label (_("Selected"), FALSE), n + 2, 0, 1, 1);

  for (guint o = 0; o < options->len; o++)
    {
      ShRecord *option = options->pdata[o];
      gint64 option_id = sh_record_get_id (option);
      g_autofree char *name = sh_worksheet_option_label (option);
      GtkWidget *name_label = gtk_label_new (name);
      GtkWidget *total = gtk_label_new ("—");
      GtkWidget *selected = sh_worksheet_check_new (self->ctx, "cp_option", option_id, "selected",
                                                    _("Implement"));

      gtk_label_set_xalign (GTK_LABEL (name_label), 0);
      gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (name_label), 36);
      gtk_widget_set_hexpand (name_label, TRUE);
      gtk_grid_attach (GTK_GRID (grid), name_label, 0, o + 1, 1, 1);

      for (guint c = 0; c < n; c++)
        {
          ShRecord *criterion = criteria->pdata[c];
          gint64 criterion_id = sh_record_get_id (criterion);
          GtkWidget *spin = gtk_spin_button_new_with_range (0, 10, 0.5);
          /* Translators: accessible name of a score cell: option, criterion. */
          g_autofree char *label = g_strdup_printf (_("Score of %s on %s"), name,
                                                    sh_record_get_string (criterion, "name"));

          gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
          gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
          gtk_widget_set_sensitive (spin, !read_only);
          gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          g_object_set_data_full (G_OBJECT (spin), "sh-option", g_memdup2 (&option_id, sizeof option_id), g_free);
          g_object_set_data_full (G_OBJECT (spin), "sh-criterion",
                                  g_memdup2 (&criterion_id, sizeof criterion_id), g_free);
          g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), NULL);
          g_signal_connect (spin, "input", G_CALLBACK (spin_input_cb), NULL);
          g_signal_connect (spin, "value-changed", G_CALLBACK (spin_value_changed_cb), self);
          gtk_grid_attach (GTK_GRID (grid), spin, c + 1, o + 1, 1, 1);
          g_hash_table_insert (self->spins, spin_key (option_id, criterion_id), spin);
        }

      gtk_label_set_xalign (GTK_LABEL (total), 1);
      gtk_widget_add_css_class (total, "numeric");
      gtk_widget_add_css_class (total, "heading");
      gtk_grid_attach (GTK_GRID (grid), total, n + 1, o + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), selected, n + 2, o + 1, 1, 1);
      g_hash_table_insert (self->totals, g_memdup2 (&option_id, sizeof option_id), total);
    }

  gtk_box_append (GTK_BOX (self->matrix_box), grid);
}

static void
refresh (GtkWidget *widget)
{
  ShWorksheetRanking *self = SH_WORKSHEET_RANKING (widget);
  ShStore *store = sh_edit_context_get_store (self->ctx);
  gint64 assessment_id = sh_edit_context_get_assessment_id (self->ctx);
  g_autoptr(GPtrArray) all = sh_store_list (store, "cp_option", "assessment_id", assessment_id, NULL);
  g_autoptr(GPtrArray) options = g_ptr_array_new ();
  g_autoptr(GPtrArray) criteria = sh_store_list (store, "ranking_criterion", "assessment_id", assessment_id, NULL);
  g_autoptr(ShSummary) summary = NULL;
  g_autoptr(GString) structure = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  if (all == NULL || criteria == NULL)
    return;

  for (guint i = 0; i < all->len; i++)
    {
      ShRecord *option = all->pdata[i];
      g_autofree char *name = sh_worksheet_option_label (option);

      if (g_strcmp0 (sh_record_get_string (option, "screening"), "reject") == 0)
        continue;
      g_ptr_array_add (options, option);
      g_string_append_printf (structure, "o%" G_GINT64_FORMAT "=%s;", sh_record_get_id (option), name);
    }
  for (guint c = 0; c < criteria->len; c++)
    g_string_append_printf (structure, "c%" G_GINT64_FORMAT "=%s;", sh_record_get_id (criteria->pdata[c]),
                            sh_record_get_string (criteria->pdata[c], "name"));
  g_string_append_printf (structure, "ro=%d", sh_edit_context_get_read_only (self->ctx));

  /* Rebuilding would take the focus from the spin button being used, so
   * the matrix is only rebuilt when its rows or columns change. */
  if (g_strcmp0 (structure->str, self->structure) != 0)
    {
      g_free (self->structure);
      self->structure = g_strdup (structure->str);
      build_matrix (self, options, criteria);
    }

  self->updating = TRUE;
  g_hash_table_iter_init (&iter, self->spins);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 option_id = *(gint64 *) g_object_get_data (G_OBJECT (value), "sh-option");
      gint64 criterion_id = *(gint64 *) g_object_get_data (G_OBJECT (value), "sh-criterion");
      g_autoptr(ShRecord) score = find_score (store, option_id, criterion_id);

      if (!gtk_widget_has_focus (gtk_widget_get_first_child (GTK_WIDGET (value))))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (value),
                                   score != NULL ? sh_record_get_double (score, "score", 0) : 0);
    }
  self->updating = FALSE;

  g_hash_table_remove_all (self->rank_texts);
  summary = sh_summary_compute (store, sh_units_get_default (), assessment_id, NULL);
  g_hash_table_iter_init (&iter, self->totals);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_label_set_text (GTK_LABEL (value), "—");
  for (guint i = 0; summary != NULL && i < summary->options->len; i++)
    {
      ShSummaryOption *o = summary->options->pdata[i];
      GtkLabel *total = g_hash_table_lookup (self->totals, &o->option_id);
      g_autofree char *score = NULL;
      char *text;

      if (!o->has_rank)
        continue;
      score = sh_worksheet_format_decimal (o->rank_score, 2);
      /* Translators: a weighted score and the rank it gives, e.g. "4,3 · #2". */
      text = g_strdup_printf (_("%s · #%u"), score, o->rank);
      if (total != NULL)
        gtk_label_set_text (total, text);
      g_hash_table_insert (self->rank_texts, g_memdup2 (&o->option_id, sizeof o->option_id), text);
    }
}

static void
context_notify_read_only_cb (ShWorksheetRanking *self)
{
  refresh (GTK_WIDGET (self));
}

static void
sh_worksheet_ranking_dispose (GObject *object)
{
  ShWorksheetRanking *self = SH_WORKSHEET_RANKING (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->spins, g_hash_table_unref);
  g_clear_pointer (&self->totals, g_hash_table_unref);
  g_clear_pointer (&self->rank_texts, g_hash_table_unref);
  g_clear_pointer (&self->structure, g_free);
  g_clear_object (&self->ctx);

  G_OBJECT_CLASS (sh_worksheet_ranking_parent_class)->dispose (object);
}

static void
sh_worksheet_ranking_class_init (ShWorksheetRankingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_worksheet_ranking_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "worksheet");
}

static void
sh_worksheet_ranking_init (ShWorksheetRanking *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  self->spins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->totals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->rank_texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

GtkWidget *
sh_worksheet_ranking_new (ShEditContext *ctx)
{
  ShWorksheetRanking *self;
  GtkWidget *table;
  GtkWidget *section;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);

  self = g_object_new (SH_TYPE_WORKSHEET_RANKING, NULL);
  self->ctx = g_object_ref (ctx);

  table = sh_worksheet_record_table_new (ctx, "ranking_criterion", "assessment_id",
                                         sh_edit_context_get_assessment_id (ctx),
                                         criterion_columns, G_N_ELEMENTS (criterion_columns));
  sh_record_table_set_empty_text (SH_RECORD_TABLE (table), _("No criterion yet: technical, economic and environmental are usual."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (table), _("Add criterion"));
  section = sh_worksheet_section_new (_("W15 · Criteria and weights"),
                                      _("Weights need not add up to 1: each is divided by their sum."),
                                      table);
  gtk_widget_set_parent (section, GTK_WIDGET (self));

  self->matrix_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  section = sh_worksheet_section_new (_("Scores and ranking (lựa chọn giải pháp)"),
                                      _("Score each option from 0 to 10 on each criterion; tick the options to implement."),
                                      self->matrix_box);
  gtk_widget_add_css_class (section, "card");
  gtk_widget_add_css_class (section, "live");
  gtk_widget_set_parent (section, GTK_WIDGET (self));

  g_signal_connect_object (ctx, "notify::read-only", G_CALLBACK (context_notify_read_only_cb), self,
                           G_CONNECT_SWAPPED);
  sh_worksheet_watch (GTK_WIDGET (self), ctx, refresh);

  return GTK_WIDGET (self);
}

const char *
sh_worksheet_ranking_get_rank_text (ShWorksheetRanking *self,
                                    gint64              option_id)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_RANKING (self), NULL);

  return g_hash_table_lookup (self->rank_texts, &option_id);
}
