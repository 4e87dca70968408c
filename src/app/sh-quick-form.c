/* sh-quick-form.c — the quick assessment (đánh giá nhanh) on one scrolling page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-quick-form.h"

#include "sh-chart-view.h"
#include "sh-paper-entry.h"
#include "sh-worksheet-checklist.h"
#include "sh-worksheet-economics.h"
#include "sh-worksheet-observations.h"
#include "sh-worksheet-production.h"
#include "sh-worksheet-simple.h"
#include "sh-worksheet-util.h"

#define N_SECTIONS SH_TASKS_N_QUICK_SECTIONS

struct _ShQuickForm
{
  GtkWidget          parent_instance;

  ShEditContext     *ctx;
  ShCompleteness     completeness[N_SECTIONS];
  GPtrArray         *paper_cells;   /* the list cells marked "entered from paper" */
  GtkWidget         *economics;

  GtkFlowBox        *contents;
  GtkScrolledWindow *scroller;
  GtkWidget         *page;
  GtkWidget         *sections[N_SECTIONS];
  GtkImage          *icons[N_SECTIONS];
  GtkLabel          *titles[N_SECTIONS];
  GtkLabel          *missing[N_SECTIONS];
  GtkBox            *content[N_SECTIONS];
  GtkImage          *contents_icons[N_SECTIONS];
};

G_DEFINE_FINAL_TYPE (ShQuickForm, sh_quick_form, GTK_TYPE_WIDGET)

static const char * const state_classes[] = {
  [SH_COMPLETENESS_EMPTY] = "task-state-empty",
  [SH_COMPLETENESS_PARTIAL] = "task-state-partial",
  [SH_COMPLETENESS_DONE] = "task-state-done",
};

/* Quick wins: options of the quick assessment, costed below the table. */
static const ShColumnSpec quick_win_columns[] = {
  { .column = "code", .title = N_("Code"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .width_chars = 5 },
  { .column = "title", .title = N_("Quick win"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .required = TRUE, .default_text = N_("New quick win") },
  { .column = "category", .title = N_("Category"), .type = SH_COLUMN_CHOICE, .list = "option_category",
    .default_text = "GH" },
  { .column = "cost_class", .title = N_("Cost"), .type = SH_COLUMN_CHOICE, .list = "cost_class",
    .default_text = "low" },
  { .column = "is_quick_win", .title = N_("Quick win"), .type = SH_COLUMN_CHECK, .default_text = "1" },
};

static void
init_quick_win_cb (ShRecordTable *table,
                   ShRecord      *record,
                   gpointer       user_data)
{
  g_autofree char *code = g_strdup_printf ("QW%02u", sh_record_table_get_n_rows (table) + 1);

  sh_record_set_string (record, "code", code);
  sh_record_set_int (record, "is_quick_win", 1);
  sh_record_set_string (record, "screening", "implement_now");
}

static void
quick_wins_row_activated_cb (ShRecordTable *table,
                             gint64         option_id,
                             ShQuickForm   *self)
{
  sh_worksheet_economics_select_option (SH_WORKSHEET_ECONOMICS (self->economics), option_id);
  gtk_widget_grab_focus (self->economics);
}

static GtkWidget *
build_quick_wins (ShQuickForm *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *table = sh_worksheet_record_table_new (self->ctx, "cp_option", "assessment_id",
                                                    sh_edit_context_get_assessment_id (self->ctx),
                                                    quick_win_columns, G_N_ELEMENTS (quick_win_columns));

  sh_record_table_set_empty_text (SH_RECORD_TABLE (table), _("No quick win recorded yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (table), _("Add quick win"));
  sh_record_table_set_name_column (SH_RECORD_TABLE (table), "title");
  sh_record_table_set_init_func (SH_RECORD_TABLE (table), init_quick_win_cb, NULL, NULL);
  sh_record_table_set_activatable (SH_RECORD_TABLE (table), TRUE);
  g_signal_connect_object (table, "row-activated", G_CALLBACK (quick_wins_row_activated_cb), self, 0);

  self->economics = sh_worksheet_economics_new (self->ctx, TRUE);

  gtk_box_append (GTK_BOX (box),
                  sh_worksheet_section_new (_("Low- and no-cost options (cơ hội cải thiện ngay)"),
                                            _("Mostly good housekeeping and process control. Open one to enter its savings and cost."),
                                            table));
  gtk_box_append (GTK_BOX (box), self->economics);

  return box;
}

static void
contents_child_activated_cb (GtkFlowBox      *box,
                             GtkFlowBoxChild *child,
                             ShQuickForm     *self)
{
  sh_quick_form_scroll_to_section (self, gtk_flow_box_child_get_index (child) + 1);
}

static void
build_contents (ShQuickForm *self)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      const ShTaskInfo *info = sh_tasks_get_quick_section (i + 1);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name (sh_worksheet_completeness_icon (SH_COMPLETENESS_EMPTY));
      g_autofree char *text = g_strdup_printf ("%u. %s", info->number, _(info->name));
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *child = gtk_flow_box_child_new ();

      gtk_widget_add_css_class (icon, "task-state");
      gtk_widget_add_css_class (icon, state_classes[SH_COMPLETENESS_EMPTY]);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
      gtk_widget_add_css_class (child, "contents-item");
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_flow_box_append (self->contents, child);
      self->contents_icons[i] = GTK_IMAGE (icon);
    }
}

/* Production and consumption, and the block flow diagram when the
 * assessment has flows (an imported one, or one typed in from paper). */
static GtkWidget *
build_production (ShQuickForm *self)
{
  ShStore *store = sh_edit_context_get_store (self->ctx);
  gint64 assessment_id = sh_edit_context_get_assessment_id (self->ctx);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  g_autoptr(GPtrArray) flows = sh_store_list (store, "flow", "assessment_id", assessment_id, NULL);

  gtk_box_append (GTK_BOX (box), sh_worksheet_production_new (self->ctx, FALSE));

  if (flows != NULL && flows->len > 0)
    {
      GtkWidget *chart = sh_chart_view_new ();

      gtk_widget_set_size_request (chart, -1, 420);
      gtk_widget_set_hexpand (chart, TRUE);
      sh_chart_view_show_sankey (SH_CHART_VIEW (chart), store, assessment_id, SH_FLOW_LAYER_WATER);
      gtk_box_append (GTK_BOX (box),
                      sh_worksheet_section_new (_("Block flow diagram (sơ đồ dòng)"),
                                                _("The main flows and waste streams of the facility, by layer."),
                                                chart));
    }

  return box;
}

static void
build_sections (ShQuickForm *self)
{
  ShEditContext *ctx = self->ctx;
  GtkWidget *content[N_SECTIONS] = {
    sh_worksheet_build_facility (ctx),
    build_production (self),
    sh_worksheet_checklist_new (ctx),
    sh_worksheet_observations_new (ctx),
    build_quick_wins (self),
    sh_worksheet_build_recommendation (ctx),
    sh_worksheet_build_signatures (ctx),
  };

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      const ShTaskInfo *info = sh_tasks_get_quick_section (i + 1);
      g_autofree char *title = g_strdup_printf ("%u. %s", info->number, _(info->name));

      gtk_label_set_text (self->titles[i], title);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->titles[i]), info->name_vi);
      gtk_box_append (self->content[i], content[i]);
    }
}

/* The cells of the lists' rows (record tables) have no column to spare for
 * a sign: they are outlined instead, with the same tooltip. */
static void
refresh_paper_cells (ShQuickForm *self,
                     GHashTable  *entered)
{
  const char * const single[] = { "facility", "assessment", "facility_product", NULL };
  GHashTableIter iter;
  gpointer key;

  if (self->paper_cells == NULL)
    return;
  for (guint i = 0; i < self->paper_cells->len; i++)
    {
      GtkWidget *input = self->paper_cells->pdata[i];

      gtk_widget_remove_css_class (input, "paper-entered");
      gtk_widget_set_tooltip_text (input, NULL);
    }
  g_ptr_array_set_size (self->paper_cells, 0);
  if (entered == NULL)
    return;

  g_hash_table_iter_init (&iter, entered);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\037", 3);
      GtkWidget *input;

      if (g_strv_length (parts) != 3 || g_strv_contains (single, parts[0]))
        continue;
      if (!(input = sh_worksheet_find_field (GTK_WIDGET (self), parts[0], g_ascii_strtoll (parts[1], NULL, 10),
                                             parts[2])))
        continue;
      gtk_widget_add_css_class (input, "paper-entered");
      gtk_widget_set_tooltip_text (input, _("Entered from paper form"));
      g_ptr_array_add (self->paper_cells, g_object_ref (input));
    }
}

/* A small sign beside each field whose value is the one typed in from the
 * paper form. Fields in a form grid get it in the grid's free column; the
 * cells of record tables are outlined (refresh_paper_cells). */
static void
refresh_paper_markers (GtkWidget *widget)
{
  ShQuickForm *self = SH_QUICK_FORM (widget);
  ShStore *store = sh_edit_context_get_store (self->ctx);
  gint64 assessment_id = sh_edit_context_get_assessment_id (self->ctx);
  g_autoptr(GHashTable) entered = sh_paper_list_entered (store, assessment_id, NULL);
  guint n_fields = 0;
  const ShPaperField *fields = sh_paper_fields_get (&n_fields);
  gint64 rows[] = { 0, 0, 0 };

  refresh_paper_cells (self, entered);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    if (!sh_paper_resolve_row (store, assessment_id, (ShPaperRow) r, &rows[r], NULL))
      return;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *key = NULL;
      GtkWidget *input, *parent, *marker;
      gboolean shown;
      gint64 id = rows[fields[i].row];

      if (id == 0 ||
          !(input = sh_worksheet_find_field (widget, fields[i].table, id, fields[i].column)))
        continue;

      key = sh_paper_field_key (fields[i].table, id, fields[i].column);
      shown = entered != NULL && g_hash_table_contains (entered, key);
      marker = g_object_get_data (G_OBJECT (input), "sh-paper-marker");
      parent = gtk_widget_get_parent (input);

      if (marker == NULL && shown && GTK_IS_GRID (parent))
        {
          int column, row, width, height;

          gtk_grid_query_child (GTK_GRID (parent), input, &column, &row, &width, &height);
          if (gtk_grid_get_child_at (GTK_GRID (parent), column + width, row) != NULL)
            continue;

          marker = gtk_image_new_from_icon_name ("document-edit-symbolic");
          gtk_widget_set_valign (marker, GTK_ALIGN_START);
          gtk_widget_set_margin_top (marker, 8);
          gtk_widget_add_css_class (marker, "dim-label");
          gtk_widget_set_tooltip_text (marker, _("Entered from paper form"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Entered from paper form"), -1);
          gtk_grid_attach (GTK_GRID (parent), marker, column + width, row, 1, 1);
          g_object_set_data (G_OBJECT (input), "sh-paper-marker", marker);
        }
      if (marker != NULL)
        gtk_widget_set_visible (marker, shown);
    }
}

static void
sh_quick_form_dispose (GObject *object)
{
  ShQuickForm *self = SH_QUICK_FORM (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SH_TYPE_QUICK_FORM);
  /* The template's top box has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->ctx);
  g_clear_pointer (&self->paper_cells, g_ptr_array_unref);

  G_OBJECT_CLASS (sh_quick_form_parent_class)->dispose (object);
}

static void
sh_quick_form_class_init (ShQuickFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_quick_form_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "quickform");
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sachhon/SachHon/ui/sh-quick-form.ui");
  gtk_widget_class_bind_template_child (widget_class, ShQuickForm, contents);
  gtk_widget_class_bind_template_child (widget_class, ShQuickForm, page);
  gtk_widget_class_bind_template_child (widget_class, ShQuickForm, scroller);

#define BIND_SECTION(n) \
  gtk_widget_class_bind_template_child_full (widget_class, "section" #n, FALSE, \
                                             G_STRUCT_OFFSET (ShQuickForm, sections[n - 1])); \
  gtk_widget_class_bind_template_child_full (widget_class, "icon" #n, FALSE, \
                                             G_STRUCT_OFFSET (ShQuickForm, icons[n - 1])); \
  gtk_widget_class_bind_template_child_full (widget_class, "title" #n, FALSE, \
                                             G_STRUCT_OFFSET (ShQuickForm, titles[n - 1])); \
  gtk_widget_class_bind_template_child_full (widget_class, "missing" #n, FALSE, \
                                             G_STRUCT_OFFSET (ShQuickForm, missing[n - 1])); \
  gtk_widget_class_bind_template_child_full (widget_class, "content" #n, FALSE, \
                                             G_STRUCT_OFFSET (ShQuickForm, content[n - 1]))
  BIND_SECTION (1);
  BIND_SECTION (2);
  BIND_SECTION (3);
  BIND_SECTION (4);
  BIND_SECTION (5);
  BIND_SECTION (6);
  BIND_SECTION (7);
#undef BIND_SECTION
}

static void
sh_quick_form_init (ShQuickForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->paper_cells = g_ptr_array_new_with_free_func (g_object_unref);

  g_signal_connect (self->contents, "child-activated", G_CALLBACK (contents_child_activated_cb), self);
}

GtkWidget *
sh_quick_form_new (ShEditContext *ctx)
{
  ShQuickForm *self;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);

  self = g_object_new (SH_TYPE_QUICK_FORM, NULL);
  self->ctx = g_object_ref (ctx);

  build_contents (self);
  build_sections (self);
  sh_quick_form_set_statuses (self, NULL);
  sh_worksheet_watch (GTK_WIDGET (self), ctx, refresh_paper_markers);

  return GTK_WIDGET (self);
}

void
sh_quick_form_set_statuses (ShQuickForm *self,
                            GPtrArray   *statuses)
{
  g_return_if_fail (SH_IS_QUICK_FORM (self));
  g_return_if_fail (statuses == NULL || statuses->len == N_SECTIONS);

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      ShTaskStatus *status = statuses != NULL ? statuses->pdata[i] : NULL;
      ShCompleteness state = status != NULL ? status->completeness : SH_COMPLETENESS_EMPTY;
      g_autoptr(GString) missing = g_string_new (NULL);
      GtkImage *images[] = { self->icons[i], self->contents_icons[i] };

      for (guint k = 0; k < G_N_ELEMENTS (images); k++)
        {
          gtk_widget_remove_css_class (GTK_WIDGET (images[k]), state_classes[self->completeness[i]]);
          gtk_widget_add_css_class (GTK_WIDGET (images[k]), state_classes[state]);
          gtk_image_set_from_icon_name (images[k], sh_worksheet_completeness_icon (state));
          gtk_widget_set_tooltip_text (GTK_WIDGET (images[k]), sh_worksheet_completeness_label (state));
        }
      self->completeness[i] = state;

      if (status != NULL && status->missing != NULL && status->missing->len > 0)
        {
          g_string_append (missing, _("Still missing: "));
          for (guint m = 0; m < status->missing->len; m++)
            {
              if (m > 0)
                g_string_append (missing, "; ");
              g_string_append (missing, status->missing->pdata[m]);
            }
        }
      else
        g_string_append (missing, sh_worksheet_completeness_label (state));
      gtk_label_set_text (self->missing[i], missing->str);
    }
}

ShCompleteness
sh_quick_form_get_completeness (ShQuickForm *self,
                                guint        section)
{
  g_return_val_if_fail (SH_IS_QUICK_FORM (self), SH_COMPLETENESS_EMPTY);
  g_return_val_if_fail (section >= 1 && section <= N_SECTIONS, SH_COMPLETENESS_EMPTY);

  return self->completeness[section - 1];
}

GtkWidget *
sh_quick_form_get_section (ShQuickForm *self,
                           guint        section)
{
  g_return_val_if_fail (SH_IS_QUICK_FORM (self), NULL);
  g_return_val_if_fail (section >= 1 && section <= N_SECTIONS, NULL);

  return GTK_WIDGET (self->content[section - 1]);
}

void
sh_quick_form_scroll_to_section (ShQuickForm *self,
                                 guint        section)
{
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_return_if_fail (SH_IS_QUICK_FORM (self));
  g_return_if_fail (section >= 1 && section <= N_SECTIONS);

  if (!gtk_widget_compute_point (self->sections[section - 1], self->page,
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adjustment, point.y);
}

GtkWidget *
sh_quick_form_get_paper_marker (ShQuickForm *self,
                                const char  *table,
                                gint64       id,
                                const char  *column)
{
  GtkWidget *input;
  GtkWidget *marker;

  g_return_val_if_fail (SH_IS_QUICK_FORM (self), NULL);
  g_return_val_if_fail (table != NULL && column != NULL, NULL);

  if (!(input = sh_worksheet_find_field (GTK_WIDGET (self), table, id, column)))
    return NULL;
  if (gtk_widget_has_css_class (input, "paper-entered"))
    return input;
  if (!(marker = g_object_get_data (G_OBJECT (input), "sh-paper-marker")) ||
      !gtk_widget_get_visible (marker))
    return NULL;
  return marker;
}
