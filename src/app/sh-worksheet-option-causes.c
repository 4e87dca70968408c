/* sh-worksheet-option-causes.c — W10: which causes (W9) each option
 * addresses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-worksheet-option-causes.h"
#include "sh-worksheet-util.h"

/* One option's row: its causes list (a label) and the check buttons in its
 * popover, by cause id. */
typedef struct
{
  ShWorksheetOptionCauses *self;
  gint64                   option_id;
  GtkLabel                *summary;
  GtkMenuButton           *button;
  GHashTable              *checks;   /* cause id (gint64 *) → GtkCheckButton */
} OptionRow;

struct _ShWorksheetOptionCauses
{
  GtkWidget      parent_instance;

  ShEditContext *ctx;
  GtkWidget     *list;
  GtkWidget     *empty_label;

  /* What the rows were built from: "id\ttitle\n…" of the options and the
   * causes. Rows are rebuilt only when it changes, so that ticking a cause
   * (which changes only the links) leaves the open popover in place. */
  char          *shape;
  GPtrArray     *rows;        /* OptionRow */
};

G_DEFINE_FINAL_TYPE (ShWorksheetOptionCauses, sh_worksheet_option_causes, GTK_TYPE_WIDGET)

static void
option_row_free (gpointer data)
{
  OptionRow *row = data;

  g_clear_pointer (&row->checks, g_hash_table_unref);
  g_free (row);
}

static OptionRow *
find_row (ShWorksheetOptionCauses *self,
          gint64                   option_id)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      OptionRow *row = self->rows->pdata[i];

      if (row->option_id == option_id)
        return row;
    }
  return NULL;
}

/* The id of the link between @option_id and @cause_id, or 0. */
static gint64
find_link (ShWorksheetOptionCauses *self,
           gint64                   option_id,
           gint64                   cause_id)
{
  g_autoptr(GPtrArray) links = sh_store_list (sh_edit_context_get_store (self->ctx), "option_cause",
                                              "option_id", option_id, NULL);

  for (guint i = 0; links != NULL && i < links->len; i++)
    if (sh_record_get_int (links->pdata[i], "cause_id", 0) == cause_id)
      return sh_record_get_int (links->pdata[i], "id", 0);
  return 0;
}

static void
check_toggled_cb (GtkCheckButton *check,
                  OptionRow      *row)
{
  ShWorksheetOptionCauses *self = row->self;
  gint64 cause_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "sh-cause-id"));
  gint64 link_id = find_link (self, row->option_id, cause_id);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (gtk_check_button_get_active (check) && link_id == 0)
    {
      g_autoptr(ShRecord) link = sh_record_new ("option_cause");

      sh_record_set_int (link, "option_id", row->option_id);
      sh_record_set_int (link, "cause_id", cause_id);
      ok = sh_edit_context_insert (self->ctx, link, &error) != 0;
    }
  else if (!gtk_check_button_get_active (check) && link_id != 0)
    {
      ok = sh_edit_context_delete (self->ctx, "option_cause", link_id, &error);
    }

  /* A refused change (a finalized assessment, a full disk) is said in the
   * window; the check shows again what is saved. */
  if (!ok)
    {
      sh_edit_context_report_error (self->ctx, error);
      sh_worksheet_option_causes_refresh (self);
    }
}

static GtkWidget *
new_option_row (ShWorksheetOptionCauses *self,
                ShRecord                *option,
                GPtrArray               *causes)
{
  OptionRow *row = g_new0 (OptionRow, 1);
  g_autofree char *title = sh_worksheet_option_label (option);
  g_autofree char *button_label = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *checks = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  row->self = self;
  row->option_id = sh_record_get_int (option, "id", 0);
  row->summary = GTK_LABEL (summary);
  row->button = GTK_MENU_BUTTON (button);
  row->checks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_ptr_array_add (self->rows, row);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_box_append (GTK_BOX (text), title_label);
  gtk_box_append (GTK_BOX (text), summary);
  gtk_widget_set_hexpand (text, TRUE);

  for (guint i = 0; i < causes->len; i++)
    {
      ShRecord *cause = causes->pdata[i];
      gint64 cause_id = sh_record_get_int (cause, "id", 0);
      GtkWidget *check = gtk_check_button_new_with_label (sh_record_get_string (cause, "description"));
      GtkWidget *label = gtk_widget_get_last_child (check);

      if (GTK_IS_LABEL (label))
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
        }
      g_object_set_data (G_OBJECT (check), "sh-cause-id", GSIZE_TO_POINTER ((gsize) cause_id));
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), row);
      g_hash_table_insert (row->checks, g_memdup2 (&cause_id, sizeof cause_id), check);
      gtk_box_append (GTK_BOX (checks), check);
    }

  gtk_widget_set_margin_top (checks, 6);
  gtk_widget_set_margin_bottom (checks, 6);
  gtk_widget_set_margin_start (checks, 6);
  gtk_widget_set_margin_end (checks, 6);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), checks);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Causes…"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: the accessible name of the button that opens the list of
   * causes to link to the option %s. */
  button_label = g_strdup_printf (_("Causes addressed by %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
  if (causes->len == 0)
    {
      gtk_widget_set_sensitive (button, FALSE);
      gtk_widget_set_tooltip_text (button, _("Record the causes in task 7 first."));
    }
  else
    {
      /* The checks too: a popover open when the assessment is finalized
       * must not change it. */
      g_object_bind_property (self->ctx, "read-only", button, "sensitive",
                              G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
      g_object_bind_property (self->ctx, "read-only", checks, "sensitive",
                              G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
    }

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  return box;
}

static gboolean
array_has (GArray *ids,
           gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Ticks the checks and writes the summaries from the saved links. */
static void
sync_links (ShWorksheetOptionCauses *self,
            GPtrArray               *causes)
{
  ShStore *store = sh_edit_context_get_store (self->ctx);

  for (guint i = 0; i < self->rows->len; i++)
    {
      OptionRow *row = self->rows->pdata[i];
      g_autoptr(GPtrArray) links = sh_store_list (store, "option_cause", "option_id", row->option_id, NULL);
      g_autoptr(GArray) linked = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GString) summary = g_string_new (NULL);
      GHashTableIter iter;
      gpointer key, check;

      for (guint j = 0; links != NULL && j < links->len; j++)
        {
          gint64 cause_id = sh_record_get_int (links->pdata[j], "cause_id", 0);

          g_array_append_val (linked, cause_id);
        }

      /* In the order of the causes' table, whatever the order of linking. */
      for (guint j = 0; j < causes->len; j++)
        if (array_has (linked, sh_record_get_int (causes->pdata[j], "id", 0)))
          {
            if (summary->len > 0)
              g_string_append (summary, "; ");
            g_string_append (summary, sh_record_get_string (causes->pdata[j], "description"));
          }

      g_hash_table_iter_init (&iter, row->checks);
      while (g_hash_table_iter_next (&iter, &key, &check))
        {
          g_signal_handlers_block_by_func (check, check_toggled_cb, row);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), array_has (linked, *(gint64 *) key));
          g_signal_handlers_unblock_by_func (check, check_toggled_cb, row);
        }

      gtk_label_set_text (row->summary, summary->len > 0 ? summary->str : _("No cause linked yet."));
    }
}

static char *
describe_shape (GPtrArray *options,
                GPtrArray *causes)
{
  GString *shape = g_string_new (NULL);

  for (guint i = 0; i < options->len; i++)
    g_string_append_printf (shape, "o%" G_GINT64_FORMAT "\t%s\t%s\n",
                            sh_record_get_int (options->pdata[i], "id", 0),
                            sh_record_get_string (options->pdata[i], "code"),
                            sh_record_get_string (options->pdata[i], "title"));
  for (guint i = 0; i < causes->len; i++)
    g_string_append_printf (shape, "c%" G_GINT64_FORMAT "\t%s\n",
                            sh_record_get_int (causes->pdata[i], "id", 0),
                            sh_record_get_string (causes->pdata[i], "description"));

  return g_string_free (shape, FALSE);
}

void
sh_worksheet_option_causes_refresh (ShWorksheetOptionCauses *self)
{
  ShStore *store;
  gint64 assessment_id;
  g_autoptr(GPtrArray) options = NULL;
  g_autoptr(GPtrArray) causes = NULL;
  g_autofree char *shape = NULL;
  GtkWidget *child;

  g_return_if_fail (SH_IS_WORKSHEET_OPTION_CAUSES (self));

  store = sh_edit_context_get_store (self->ctx);
  assessment_id = sh_edit_context_get_assessment_id (self->ctx);
  options = sh_store_list (store, "cp_option", "assessment_id", assessment_id, NULL);
  causes = sh_store_list (store, "cause", "assessment_id", assessment_id, NULL);
  if (options == NULL)
    options = g_ptr_array_new ();
  if (causes == NULL)
    causes = g_ptr_array_new ();

  shape = describe_shape (options, causes);
  if (g_strcmp0 (shape, self->shape) != 0)
    {
      g_free (self->shape);
      self->shape = g_steal_pointer (&shape);

      while ((child = gtk_widget_get_first_child (self->list)) != NULL)
        gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
      g_ptr_array_set_size (self->rows, 0);

      for (guint i = 0; i < options->len; i++)
        gtk_list_box_append (GTK_LIST_BOX (self->list), new_option_row (self, options->pdata[i], causes));

      gtk_widget_set_visible (self->list, options->len > 0);
      gtk_widget_set_visible (self->empty_label, options->len == 0);
    }

  sync_links (self, causes);
}

static void
refresh_cb (GtkWidget *owner)
{
  sh_worksheet_option_causes_refresh (SH_WORKSHEET_OPTION_CAUSES (owner));
}

static void
sh_worksheet_option_causes_dispose (GObject *object)
{
  ShWorksheetOptionCauses *self = SH_WORKSHEET_OPTION_CAUSES (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  /* The rows' data goes after their widgets, whose handlers point at it. */
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->shape, g_free);
  g_clear_object (&self->ctx);

  G_OBJECT_CLASS (sh_worksheet_option_causes_parent_class)->dispose (object);
}

static void
sh_worksheet_option_causes_class_init (ShWorksheetOptionCausesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_worksheet_option_causes_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
sh_worksheet_option_causes_init (ShWorksheetOptionCauses *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  self->rows = g_ptr_array_new_with_free_func (option_row_free);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Causes addressed by each option"), -1);
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));

  self->empty_label = gtk_label_new (_("Add options above, then link each to the causes it addresses."));
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_parent (self->empty_label, GTK_WIDGET (self));
}

GtkWidget *
sh_worksheet_option_causes_new (ShEditContext *ctx)
{
  ShWorksheetOptionCauses *self;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);

  self = g_object_new (SH_TYPE_WORKSHEET_OPTION_CAUSES, NULL);
  self->ctx = g_object_ref (ctx);
  sh_worksheet_watch (GTK_WIDGET (self), ctx, refresh_cb);

  return GTK_WIDGET (self);
}

GtkWidget *
sh_worksheet_option_causes_get_check (ShWorksheetOptionCauses *self,
                                      gint64                   option_id,
                                      gint64                   cause_id)
{
  OptionRow *row;

  g_return_val_if_fail (SH_IS_WORKSHEET_OPTION_CAUSES (self), NULL);

  if ((row = find_row (self, option_id)) == NULL)
    return NULL;
  return g_hash_table_lookup (row->checks, &cause_id);
}

const char *
sh_worksheet_option_causes_get_summary (ShWorksheetOptionCauses *self,
                                        gint64                   option_id)
{
  OptionRow *row;

  g_return_val_if_fail (SH_IS_WORKSHEET_OPTION_CAUSES (self), NULL);

  if ((row = find_row (self, option_id)) == NULL)
    return NULL;
  return gtk_label_get_text (row->summary);
}
