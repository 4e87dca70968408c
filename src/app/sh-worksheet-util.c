/* sh-worksheet-util.c — the pieces every worksheet is built from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sh-format.h"
#include "sh-worksheet-util.h"

GtkWidget *
sh_worksheet_section_new (const char *title,
                          const char *description,
                          GtkWidget  *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                     "label", title,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     NULL);

  gtk_widget_add_css_class (box, "worksheet-section");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  if (description != NULL)
    gtk_box_append (GTK_BOX (box), sh_worksheet_note_new (description));

  if (child != NULL)
    {
      gtk_widget_set_margin_top (child, 6);
      gtk_box_append (GTK_BOX (box), child);
    }

  return box;
}

GtkWidget *
sh_worksheet_form_new (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_widget_add_css_class (grid, "worksheet-form");

  return grid;
}

void
sh_worksheet_form_add (GtkWidget  *form,
                       const char *label,
                       GtkWidget  *field)
{
  GtkWidget *caption = gtk_label_new (label);
  int row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (form), "sh-rows"));

  g_return_if_fail (GTK_IS_GRID (form));

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_yalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 28);
  gtk_widget_set_margin_top (caption, 7);
  gtk_widget_add_css_class (caption, "dim-label");

  gtk_grid_attach (GTK_GRID (form), caption, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (form), field, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL,
                                  -1);
  g_object_set_data (G_OBJECT (form), "sh-rows", GINT_TO_POINTER (row + 1));
}

static void
tag_field (GtkWidget  *field,
           const char *table,
           gint64      id,
           const char *column)
{
  g_object_set_data_full (G_OBJECT (field), "sh-field-table", g_strdup (table), g_free);
  g_object_set_data_full (G_OBJECT (field), "sh-field-column", g_strdup (column), g_free);
  g_object_set_data_full (G_OBJECT (field), "sh-field-id", g_memdup2 (&id, sizeof id), g_free);
}

static gboolean
field_matches (GtkWidget  *widget,
               const char *table,
               gint64      id,
               const char *column)
{
  const gint64 *field_id;

  if (SH_IS_FIELD (widget))
    return g_strcmp0 (sh_field_get_table (SH_FIELD (widget)), table) == 0 &&
           g_strcmp0 (sh_field_get_column (SH_FIELD (widget)), column) == 0 &&
           (id == 0 || sh_field_get_row_id (SH_FIELD (widget)) == id);

  field_id = g_object_get_data (G_OBJECT (widget), "sh-field-id");
  return field_id != NULL &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "sh-field-table"), table) == 0 &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "sh-field-column"), column) == 0 &&
         (id == 0 || *field_id == id);
}

GtkWidget *
sh_worksheet_find_field (GtkWidget  *root,
                         const char *table,
                         gint64      id,
                         const char *column)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (field_matches (root, table, id, column))
    return root;

  if (SH_IS_RECORD_TABLE (root) &&
      g_strcmp0 (g_object_get_data (G_OBJECT (root), "sh-table"), table) == 0)
    {
      ShRecordTable *records = SH_RECORD_TABLE (root);

      for (guint i = 0; i < sh_record_table_get_n_rows (records); i++)
        {
          if (id == 0 || sh_record_table_get_row_id (records, i) == id)
            {
              GtkWidget *cell = sh_record_table_get_cell (records, i, column);

              if (cell != NULL)
                return cell;
            }
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sh_worksheet_find_field (child, table, id, column);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
sh_worksheet_record_table_new (ShEditContext      *ctx,
                               const char         *table,
                               const char         *parent_column,
                               gint64              parent_id,
                               const ShColumnSpec *columns,
                               guint               n_columns)
{
  GtkWidget *records = sh_record_table_new (ctx, table, parent_column, parent_id, columns, n_columns);

  g_object_set_data_full (G_OBJECT (records), "sh-table", g_strdup (table), g_free);

  return records;
}

ShRecordTable *
sh_worksheet_find_record_table (GtkWidget  *root,
                                const char *table)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (SH_IS_RECORD_TABLE (root) &&
      g_strcmp0 (g_object_get_data (G_OBJECT (root), "sh-table"), table) == 0)
    return SH_RECORD_TABLE (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ShRecordTable *found = sh_worksheet_find_record_table (child, table);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
sh_worksheet_check_new (ShEditContext *ctx,
                        const char    *table,
                        gint64         id,
                        const char    *column,
                        const char    *label)
{
  GtkWidget *check = sh_field_check_new (ctx, table, id, column, label);

  tag_field (check, table, id, column);

  return check;
}

char *
sh_worksheet_option_label (ShRecord *option)
{
  const char *code = sh_record_get_string (option, "code");
  const char *title = sh_record_get_string (option, "title");

  if (code != NULL && *code != '\0')
    /* Translators: an option in a list: its code, then its title. */
    return g_strdup_printf (_("%s · %s"), code, title);

  return g_strdup (title);
}

typedef struct
{
  ShEditContext *ctx;
  GArray        *ids;
  guint          idle_id;
} Picker;

static void
picker_free (gpointer data)
{
  Picker *picker = data;

  g_clear_handle_id (&picker->idle_id, g_source_remove);
  g_clear_pointer (&picker->ids, g_array_unref);
  g_clear_object (&picker->ctx);
  g_free (picker);
}

static void
picker_reload (GtkDropDown *drop_down)
{
  Picker *picker = g_object_get_data (G_OBJECT (drop_down), "sh-picker");
  ShStore *store = sh_edit_context_get_store (picker->ctx);
  gint64 current = sh_worksheet_option_picker_get_option (GTK_WIDGET (drop_down));
  g_autoptr(GPtrArray) options = NULL;
  g_autoptr(GError) error = NULL;
  GtkStringList *labels = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  options = sh_store_list (store, "cp_option", "assessment_id",
                           sh_edit_context_get_assessment_id (picker->ctx), &error);
  g_array_set_size (picker->ids, 0);
  if (options == NULL)
    sh_edit_context_report_error (picker->ctx, error);

  for (guint i = 0; options != NULL && i < options->len; i++)
    {
      ShRecord *option = options->pdata[i];
      gint64 id = sh_record_get_id (option);
      g_autofree char *label = sh_worksheet_option_label (option);

      gtk_string_list_append (labels, label);
      g_array_append_val (picker->ids, id);
      if (id == current)
        selected = i;
    }

  if (selected == GTK_INVALID_LIST_POSITION && picker->ids->len > 0)
    selected = 0;

  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (drop_down, selected);
  g_object_unref (labels);
}

static gboolean
picker_idle_cb (gpointer data)
{
  GtkDropDown *drop_down = data;
  Picker *picker = g_object_get_data (G_OBJECT (drop_down), "sh-picker");

  picker->idle_id = 0;
  picker_reload (drop_down);

  return G_SOURCE_REMOVE;
}

static void
picker_context_changed_cb (ShEditContext *ctx,
                           const char    *table,
                           gint64         id,
                           const char    *column,
                           gpointer       data)
{
  Picker *picker = g_object_get_data (G_OBJECT (data), "sh-picker");

  if (g_strcmp0 (table, "cp_option") != 0)
    return;
  if (column != NULL && g_strcmp0 (column, "code") != 0 && g_strcmp0 (column, "title") != 0)
    return;

  if (picker != NULL && picker->idle_id == 0)
    picker->idle_id = g_idle_add (picker_idle_cb, data);
}

GtkWidget *
sh_worksheet_option_picker_new (ShEditContext *ctx,
                                const char    *label)
{
  GtkWidget *drop_down = gtk_drop_down_new (NULL, NULL);
  Picker *picker = g_new0 (Picker, 1);

  picker->ctx = g_object_ref (ctx);
  picker->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_object_set_data_full (G_OBJECT (drop_down), "sh-picker", picker, picker_free);
  gtk_widget_set_halign (drop_down, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect_object (ctx, "changed", G_CALLBACK (picker_context_changed_cb), drop_down, 0);
  picker_reload (GTK_DROP_DOWN (drop_down));

  return drop_down;
}

gint64
sh_worksheet_option_picker_get_option (GtkWidget *picker_widget)
{
  Picker *picker = g_object_get_data (G_OBJECT (picker_widget), "sh-picker");
  guint selected;

  g_return_val_if_fail (picker != NULL, 0);

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (picker_widget));
  if (selected == GTK_INVALID_LIST_POSITION || selected >= picker->ids->len)
    return 0;

  return g_array_index (picker->ids, gint64, selected);
}

gboolean
sh_worksheet_option_picker_select (GtkWidget *picker_widget,
                                   gint64     option_id)
{
  Picker *picker = g_object_get_data (G_OBJECT (picker_widget), "sh-picker");

  g_return_val_if_fail (picker != NULL, FALSE);

  /* An option added a moment ago may not be listed yet. */
  if (picker->idle_id != 0)
    {
      g_clear_handle_id (&picker->idle_id, g_source_remove);
      picker_reload (GTK_DROP_DOWN (picker_widget));
    }

  for (guint i = 0; i < picker->ids->len; i++)
    {
      if (g_array_index (picker->ids, gint64, i) == option_id)
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (picker_widget), i);
          return TRUE;
        }
    }

  return FALSE;
}

GtkWidget *
sh_worksheet_entry_new (ShEditContext *ctx,
                        const char    *table,
                        gint64         id,
                        const char    *column,
                        ShFieldKind    kind,
                        const char    *label)
{
  GtkWidget *entry = sh_field_entry_new (ctx, table, id, column, kind);

  /* Text takes the width it is given; numbers, money and dates are short
   * and stay so, next to their label. */
  if (kind == SH_FIELD_KIND_TEXT || kind == SH_FIELD_KIND_MULTILINE)
    gtk_widget_set_hexpand (entry, TRUE);
  else
    {
      gtk_widget_set_halign (entry, GTK_ALIGN_START);
      sh_field_entry_set_width_chars (SH_FIELD_ENTRY (entry),
                                      kind == SH_FIELD_KIND_MONEY ? 18 : kind == SH_FIELD_KIND_DATE ? 12 : 10);
    }

  sh_field_set_label (SH_FIELD (entry), label);

  return entry;
}

GtkWidget *
sh_worksheet_choice_new (ShEditContext  *ctx,
                         const char     *table,
                         gint64          id,
                         const char     *column,
                         const ShChoice *choices,
                         gsize           n_choices,
                         const char     *label)
{
  GtkWidget *choice = sh_field_choice_new (ctx, table, id, column);

  sh_field_set_label (SH_FIELD (choice), label);
  tag_field (choice, table, id, column);
  if (choices != NULL)
    sh_field_choice_set_static (SH_FIELD_CHOICE (choice), choices, n_choices);
  gtk_widget_set_halign (choice, GTK_ALIGN_START);

  return choice;
}

GtkWidget *
sh_worksheet_metric_new (const char  *caption,
                         GtkLabel   **out_value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *value = gtk_label_new ("—");

  gtk_widget_add_css_class (box, "metric");
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_widget_add_css_class (caption_label, "caption");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_widget_add_css_class (value, "metric-value");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption_label, NULL,
                                  -1);

  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_box_append (GTK_BOX (box), value);

  if (out_value != NULL)
    *out_value = GTK_LABEL (value);

  return box;
}

GtkWidget *
sh_worksheet_metrics_new (void)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_widget_add_css_class (flow, "metrics");

  return flow;
}

void
sh_worksheet_metrics_add (GtkWidget *metrics,
                          GtkWidget *metric)
{
  g_return_if_fail (GTK_IS_FLOW_BOX (metrics));

  gtk_flow_box_append (GTK_FLOW_BOX (metrics), metric);
  /* The flow box children are not for keyboard focus: only the values. */
  gtk_widget_set_focusable (gtk_widget_get_parent (metric), FALSE);
}

GtkWidget *
sh_worksheet_note_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

void
sh_worksheet_set_state_class (GtkWidget  *widget,
                              const char *state)
{
  static const char * const states[] = { "good", "warning", "bad" };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      if (g_strcmp0 (state, states[i]) == 0)
        gtk_widget_add_css_class (widget, states[i]);
      else
        gtk_widget_remove_css_class (widget, states[i]);
    }
}

typedef struct
{
  GtkWidget              *owner;   /* weak */
  ShWorksheetRefreshFunc  refresh;
  guint                   idle_id;
  gboolean                stale;   /* changed while not shown */
} Watch;

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_clear_handle_id (&watch->idle_id, g_source_remove);
  g_free (watch);
}

/* A page that is not shown (another task is) is refreshed when it is
 * shown again, so an edit recomputes only what can be seen. */
static gboolean
watch_idle_cb (gpointer data)
{
  Watch *watch = data;

  watch->idle_id = 0;
  if (!gtk_widget_get_mapped (watch->owner))
    {
      watch->stale = TRUE;
      return G_SOURCE_REMOVE;
    }

  watch->stale = FALSE;
  watch->refresh (watch->owner);

  return G_SOURCE_REMOVE;
}

static void
watch_owner_map_cb (GtkWidget *owner,
                    gpointer   data)
{
  Watch *watch = g_object_get_data (G_OBJECT (owner), "sh-worksheet-watch");

  if (watch != NULL && watch->stale)
    {
      watch->stale = FALSE;
      watch->refresh (owner);
    }
}

static void
watch_context_changed_cb (ShEditContext *ctx,
                          const char    *table,
                          gint64         id,
                          const char    *column,
                          gpointer       data)
{
  Watch *watch = g_object_get_data (G_OBJECT (data), "sh-worksheet-watch");

  if (watch != NULL && watch->idle_id == 0)
    watch->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, watch_idle_cb, watch, NULL);
}

void
sh_worksheet_watch (GtkWidget             *owner,
                    ShEditContext         *ctx,
                    ShWorksheetRefreshFunc refresh)
{
  Watch *watch;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (SH_IS_EDIT_CONTEXT (ctx));

  watch = g_new0 (Watch, 1);
  watch->owner = owner;
  watch->refresh = refresh;

  /* The watch dies with the owner's data, which also removes its idle. */
  g_object_set_data_full (G_OBJECT (owner), "sh-worksheet-watch", watch, watch_free);
  g_signal_connect_object (ctx, "changed", G_CALLBACK (watch_context_changed_cb), owner, 0);
  g_signal_connect (owner, "map", G_CALLBACK (watch_owner_map_cb), NULL);

  refresh (owner);
}

gboolean
sh_worksheet_prefers_vietnamese (void)
{
  const char * const *languages = g_get_language_names ();

  return languages[0] != NULL && g_str_has_prefix (languages[0], "vi");
}

const char *
sh_worksheet_ref_text (ShRecord   *row,
                       const char *vi_column,
                       const char *en_column)
{
  const char *text = sh_record_get_string (row, sh_worksheet_prefers_vietnamese () ? vi_column
                                                                                  : en_column);

  if (text == NULL || *text == '\0')
    text = sh_record_get_string (row, vi_column);

  return text;
}

char *
sh_worksheet_format_decimal (double value,
                             int    decimals)
{
  char *text = sh_format_number (value, decimals, SH_NUMBER_STYLE_VI);

  /* "18,0" reads better as "18"; "2,50" as "2,5". */
  if (decimals > 0 && strchr (text, ',') != NULL)
    {
      gsize len = strlen (text);

      while (len > 0 && text[len - 1] == '0')
        text[--len] = '\0';
      if (len > 0 && text[len - 1] == ',')
        text[--len] = '\0';
    }

  return text;
}

char *
sh_worksheet_format_quantity (double value)
{
  double magnitude = fabs (value);
  int decimals;

  if (magnitude >= 1000 || magnitude == 0)
    decimals = 0;
  else if (magnitude >= 10)
    decimals = 1;
  else if (magnitude >= 0.1)
    decimals = 2;
  else
    decimals = 4;

  return sh_worksheet_format_decimal (value, decimals);
}

char *
sh_worksheet_format_percent (double percent)
{
  g_autofree char *number = sh_worksheet_format_decimal (percent, 1);

  return g_strconcat (number, "%", NULL);
}

const char *
sh_worksheet_completeness_icon (ShCompleteness completeness)
{
  switch (completeness)
    {
    case SH_COMPLETENESS_DONE:
      return "sh-task-done-symbolic";
    case SH_COMPLETENESS_PARTIAL:
      return "sh-task-partial-symbolic";
    case SH_COMPLETENESS_EMPTY:
    default:
      return "sh-task-empty-symbolic";
    }
}

const char *
sh_worksheet_completeness_label (ShCompleteness completeness)
{
  switch (completeness)
    {
    case SH_COMPLETENESS_DONE:
      return _("Complete");
    case SH_COMPLETENESS_PARTIAL:
      return _("In progress");
    case SH_COMPLETENESS_EMPTY:
    default:
      return _("Not started");
    }
}
