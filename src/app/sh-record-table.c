/* sh-record-table.c — an editable table of the rows that belong to one parent.
 *
 * A GtkGrid of field widgets rather than a GtkColumnView: a column view
 * recycles its cells, and a field that is being typed in must stay the
 * same widget until it has saved. The tables here hold tens of rows, not
 * thousands, so building every cell is cheap. The grid is rebuilt when rows
 * come or go (the context's "changed" with no column); field edits leave it
 * alone, since each field follows its own column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-field-check.h"
#include "sh-format.h"
#include "sh-a11y.h"
#include "sh-record-table.h"

/* How long "Deleted … · Undo" stays. */
#define UNDO_SECONDS 8

typedef struct
{
  gint64     id;
  GPtrArray *cells;          /* GtkWidget, one per column spec (borrowed) */
  GtkWidget *delete_button;  /* borrowed */
} Row;

struct _ShRecordTable
{
  GtkWidget              parent_instance;

  ShEditContext         *ctx;
  char                  *table;
  char                  *parent_column;
  gint64                 parent_id;
  ShColumnSpec          *columns;
  guint                  n_columns;
  char                  *name_column;
  gboolean               activatable;

  ShRecordTableInitFunc  init_func;
  gpointer               init_data;
  GDestroyNotify         init_destroy;

  GArray                *rows;        /* Row */
  GPtrArray             *row_widgets; /* everything in the grid but the header */
  char                  *undo_text;
  guint                  undo_source;
  guint                  deleting : 1;

  GtkBox                *actions_box;
  GtkLabel              *add_label;
  GtkButton             *add_button;
  GtkLabel              *empty_label;
  GtkFrame              *frame;
  GtkGrid               *grid;
  GtkScrolledWindow     *scroller;
  GtkButton             *undo_button;
  GtkLabel              *undo_label;
  GtkRevealer           *undo_revealer;
};

G_DEFINE_FINAL_TYPE (ShRecordTable, sh_record_table, GTK_TYPE_WIDGET)

enum
{
  ROW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (ShRecordTable *self);

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->cells, g_ptr_array_unref);
}

static const char *
spec_title (const ShColumnSpec *spec)
{
  return spec->title != NULL ? gettext (spec->title) : spec->column;
}

static int
default_width (const ShColumnSpec *spec)
{
  if (spec->width_chars > 0)
    return spec->width_chars;

  switch (spec->kind)
    {
    case SH_FIELD_KIND_DATE:
      return 10;
    case SH_FIELD_KIND_INTEGER:
    case SH_FIELD_KIND_PERCENT:
      return 6;
    case SH_FIELD_KIND_YEAR:
      return 5;
    case SH_FIELD_KIND_NUMBER:
    case SH_FIELD_KIND_MONEY:
      return 10;
    case SH_FIELD_KIND_TEXT:
    case SH_FIELD_KIND_MULTILINE:
    default:
      return 12;
    }
}

/* -------------------------------------------------------------------------
 * Cells
 * ------------------------------------------------------------------------- */

static void
fill_choices (ShRecordTable      *self,
              ShFieldChoice      *choice,
              const ShColumnSpec *spec)
{
  g_autoptr(GError) error = NULL;

  if (spec->allow_none)
    sh_field_choice_set_allow_none (choice, TRUE, NULL);

  if (spec->choices != NULL)
    sh_field_choice_set_static (choice, spec->choices, spec->n_choices);
  else if (spec->list != NULL)
    {
      if (!sh_field_choice_set_list (choice, spec->list, &error))
        g_warning ("Cannot read the list “%s”: %s", spec->list, error->message);
    }
  else if (spec->unit_dimension != NULL)
    sh_field_choice_set_units (choice, *spec->unit_dimension != '\0' ? spec->unit_dimension : NULL);
  else if (spec->rows_table != NULL)
    {
      g_autoptr(GPtrArray) rows = sh_store_list (sh_edit_context_get_store (self->ctx),
                                                 spec->rows_table, self->parent_column,
                                                 self->parent_id, &error);

      if (rows == NULL)
        {
          g_warning ("Cannot list “%s”: %s", spec->rows_table, error->message);
          return;
        }
      for (guint i = 0; i < rows->len; i++)
        {
          ShRecord *row = g_ptr_array_index (rows, i);
          const char *label = sh_record_get_string (row, spec->rows_label != NULL ? spec->rows_label : "name");

          sh_field_choice_append_id (choice, sh_record_get_id (row), label != NULL ? label : "");
        }
    }
}

static char *
format_label_cell (const ShColumnSpec *spec,
                   ShRecord           *record)
{
  const GValue *value = sh_record_get_value (record, spec->column);

  if (value == NULL || !G_IS_VALUE (value))
    return g_strdup ("—");

  switch (spec->kind)
    {
    case SH_FIELD_KIND_DATE:
      {
        g_autofree char *iso = sh_value_to_string (value);
        char *text = sh_format_date (iso);

        return text != NULL ? text : g_steal_pointer (&iso);
      }
    case SH_FIELD_KIND_MONEY:
      return sh_format_vnd (sh_record_get_int (record, spec->column, 0));
    case SH_FIELD_KIND_INTEGER:
      return sh_format_number (sh_record_get_double (record, spec->column, 0), 0, SH_NUMBER_STYLE_VI);
    case SH_FIELD_KIND_YEAR:
      return g_strdup_printf ("%" G_GINT64_FORMAT, sh_record_get_int (record, spec->column, 0));
    case SH_FIELD_KIND_NUMBER:
      return sh_format_number (sh_record_get_double (record, spec->column, 0), 2, SH_NUMBER_STYLE_VI);
    case SH_FIELD_KIND_PERCENT:
      return sh_format_percent (sh_record_get_double (record, spec->column, 0), 1, SH_NUMBER_STYLE_VI);
    case SH_FIELD_KIND_TEXT:
    case SH_FIELD_KIND_MULTILINE:
    default:
      return sh_value_to_string (value);
    }
}

static GtkWidget *
make_cell (ShRecordTable      *self,
           const ShColumnSpec *spec,
           ShRecord           *record,
           guint               position)
{
  gint64 id = sh_record_get_id (record);
  /* Translators: the accessible name of a cell: a column title and the
   * row's number, e.g. "Name, row 2". */
  g_autofree char *name = g_strdup_printf (_("%s, row %u"), spec_title (spec), position + 1);
  GtkWidget *cell = NULL;

  switch (spec->type)
    {
    case SH_COLUMN_ENTRY:
      cell = sh_field_entry_new (self->ctx, self->table, id, spec->column, spec->kind);
      sh_field_set_label (SH_FIELD (cell), name);
      sh_field_entry_set_required (SH_FIELD_ENTRY (cell), spec->required);
      sh_field_entry_set_width_chars (SH_FIELD_ENTRY (cell), default_width (spec));
      sh_field_entry_set_allow_negative (SH_FIELD_ENTRY (cell), spec->allow_negative);
      if (spec->has_range)
        sh_field_entry_set_range (SH_FIELD_ENTRY (cell), spec->minimum, spec->maximum);
      break;

    case SH_COLUMN_CHOICE:
      cell = sh_field_choice_new (self->ctx, self->table, id, spec->column);
      sh_field_set_label (SH_FIELD (cell), name);
      fill_choices (self, SH_FIELD_CHOICE (cell), spec);
      break;

    case SH_COLUMN_CHECK:
      cell = sh_field_check_new (self->ctx, self->table, id, spec->column, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (sh_field_get_input (SH_FIELD (cell))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_widget_set_halign (cell, GTK_ALIGN_CENTER);
      break;

    case SH_COLUMN_LABEL:
      {
        g_autofree char *text = format_label_cell (spec, record);

        cell = gtk_label_new (text);
        gtk_label_set_xalign (GTK_LABEL (cell), 0);
        gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
        gtk_label_set_width_chars (GTK_LABEL (cell), default_width (spec));
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
        break;
      }

    default:
      g_assert_not_reached ();
    }

  gtk_widget_set_valign (cell, GTK_ALIGN_START);
  gtk_widget_set_hexpand (cell, spec->expand);
  return cell;
}

static const char *
name_column (ShRecordTable *self)
{
  if (self->name_column != NULL)
    return self->name_column;

  for (guint i = 0; i < self->n_columns; i++)
    if (self->columns[i].type == SH_COLUMN_ENTRY && self->columns[i].kind == SH_FIELD_KIND_TEXT)
      return self->columns[i].column;

  return NULL;
}

/* The words that name a row in "Deleted …". */
static char *
row_name (ShRecordTable *self,
          ShRecord      *record)
{
  const char *column = name_column (self);
  const char *text;

  text = column != NULL ? sh_record_get_string (record, column) : NULL;
  if (text != NULL && *text != '\0')
    return g_strdup (text);
  if (column != NULL && sh_record_get_value (record, column) != NULL)
    return sh_value_to_string (sh_record_get_value (record, column));
  return NULL;
}

static void
label_delete_button (GtkWidget  *button,
                     const char *name,
                     guint       position)
{
  g_autofree char *label = NULL;

  if (name != NULL)
    /* Translators: the accessible name of a row's delete button. */
    label = g_strdup_printf (_("Delete “%s”"), name);
  else
    label = g_strdup_printf (_("Delete row %u"), position + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
delete_button_clicked_cb (GtkButton *button,
                          gpointer   user_data)
{
  ShRecordTable *self = user_data;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "row-id"));

  /* The context has told the window if it failed. */
  sh_record_table_delete_row (self, id, NULL);
}

static void
open_button_clicked_cb (GtkButton *button,
                        gpointer   user_data)
{
  ShRecordTable *self = user_data;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "row-id"));

  sh_edit_context_flush (self->ctx);
  g_signal_emit (self, signals[ROW_ACTIVATED], 0, id);
}

static void
update_sensitivity (ShRecordTable *self)
{
  gboolean editable = !sh_edit_context_get_read_only (self->ctx);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), editable);
  for (guint i = 0; i < self->row_widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->row_widgets, i);

      if (g_object_get_data (G_OBJECT (widget), "delete-button") != NULL)
        gtk_widget_set_sensitive (widget, editable);
    }
}

static void
rebuild (ShRecordTable *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  guint n_grid_columns = self->n_columns;

  for (guint i = 0; i < self->row_widgets->len; i++)
    gtk_grid_remove (self->grid, g_ptr_array_index (self->row_widgets, i));
  g_ptr_array_set_size (self->row_widgets, 0);
  g_array_set_size (self->rows, 0);

  records = sh_store_list (sh_edit_context_get_store (self->ctx), self->table,
                           self->parent_column, self->parent_id, &error);
  if (records == NULL)
    {
      sh_edit_context_report_error (self->ctx, error);
      records = g_ptr_array_new ();
    }

  for (guint r = 0; r < records->len; r++)
    {
      ShRecord *record = g_ptr_array_index (records, r);
      g_autofree char *name = row_name (self, record);
      GtkWidget *button;
      Row row;

      row.id = sh_record_get_id (record);
      row.cells = g_ptr_array_new ();

      for (guint c = 0; c < self->n_columns; c++)
        {
          GtkWidget *cell = make_cell (self, &self->columns[c], record, r);

          gtk_grid_attach (self->grid, cell, c, r + 1, 1, 1);
          g_ptr_array_add (row.cells, cell);
          g_ptr_array_add (self->row_widgets, cell);
        }

      if (self->activatable)
        {
          button = gtk_button_new_from_icon_name ("go-next-symbolic");
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_valign (button, GTK_ALIGN_START);
          gtk_widget_set_tooltip_text (button, _("Open details"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open details"),
                                          -1);
          g_object_set_data (G_OBJECT (button), "row-id", GSIZE_TO_POINTER (row.id));
          g_signal_connect (button, "clicked", G_CALLBACK (open_button_clicked_cb), self);
          gtk_grid_attach (self->grid, button, self->n_columns, r + 1, 1, 1);
          g_ptr_array_add (self->row_widgets, button);
        }

      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (button, _("Delete row"));
      label_delete_button (button, name, r);
      row.delete_button = button;
      g_object_set_data (G_OBJECT (button), "row-id", GSIZE_TO_POINTER (row.id));
      g_object_set_data (G_OBJECT (button), "delete-button", GINT_TO_POINTER (TRUE));
      g_signal_connect (button, "clicked", G_CALLBACK (delete_button_clicked_cb), self);
      gtk_grid_attach (self->grid, button, n_grid_columns + (self->activatable ? 1 : 0), r + 1, 1, 1);
      g_ptr_array_add (self->row_widgets, button);

      g_array_append_val (self->rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->scroller), records->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), records->len == 0);
  update_sensitivity (self);
}

static void
build_header (ShRecordTable *self)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      const ShColumnSpec *spec = &self->columns[c];
      GtkWidget *label = gtk_label_new (spec_title (spec));

      gtk_label_set_xalign (GTK_LABEL (label), spec->type == SH_COLUMN_CHECK ? 0.5 : 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "column-title");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->grid, label, c, 0, 1, 1);
    }
}

/* -------------------------------------------------------------------------
 * Undo bar
 * ------------------------------------------------------------------------- */

static void
hide_undo (ShRecordTable *self)
{
  g_clear_handle_id (&self->undo_source, g_source_remove);
  g_clear_pointer (&self->undo_text, g_free);
  gtk_revealer_set_reveal_child (self->undo_revealer, FALSE);
}

static gboolean
undo_timeout_cb (gpointer user_data)
{
  ShRecordTable *self = user_data;

  self->undo_source = 0;
  hide_undo (self);
  return G_SOURCE_REMOVE;
}

static void
show_undo (ShRecordTable *self,
           const char    *name)
{
  g_clear_handle_id (&self->undo_source, g_source_remove);
  g_free (self->undo_text);
  if (name != NULL)
    /* Translators: shown for a few seconds after a row was deleted, beside
     * an Undo button. */
    self->undo_text = g_strdup_printf (_("Deleted “%s”"), name);
  else
    self->undo_text = g_strdup (_("Row deleted"));

  gtk_label_set_text (self->undo_label, self->undo_text);
  gtk_revealer_set_reveal_child (self->undo_revealer, TRUE);
  self->undo_source = g_timeout_add_seconds (UNDO_SECONDS, undo_timeout_cb, self);
}

static void
undo_button_clicked_cb (ShRecordTable *self,
                        GtkButton     *button)
{
  sh_record_table_undo_delete (self, NULL);
}

static void
dismiss_button_clicked_cb (ShRecordTable *self,
                           GtkButton     *button)
{
  hide_undo (self);
}

/* -------------------------------------------------------------------------
 * Signals
 * ------------------------------------------------------------------------- */

static void
add_button_clicked_cb (ShRecordTable *self,
                       GtkButton     *button)
{
  sh_record_table_add_row (self, NULL);
}

static gboolean
uses_rows_of (ShRecordTable *self,
              const char    *table)
{
  for (guint i = 0; i < self->n_columns; i++)
    if (g_strcmp0 (self->columns[i].rows_table, table) == 0)
      return TRUE;
  return FALSE;
}

static void
ctx_changed_cb (ShRecordTable *self,
                const char    *table,
                gint64         id,
                const char    *column,
                ShEditContext *ctx)
{
  /* Any other edit makes the bar's Undo mean something else. */
  if (!self->deleting && self->undo_text != NULL)
    hide_undo (self);

  if (column == NULL && g_strcmp0 (table, self->table) == 0)
    rebuild (self);
  else if (uses_rows_of (self, table))
    rebuild (self);
  else if (g_strcmp0 (table, self->table) == 0 && g_strcmp0 (column, name_column (self)) == 0)
    {
      /* A renamed row's delete button says the new name. */
      for (guint r = 0; r < self->rows->len; r++)
        {
          Row *row = &g_array_index (self->rows, Row, r);
          g_autoptr(ShRecord) record = NULL;
          g_autofree char *name = NULL;

          if (row->id != id)
            continue;
          if ((record = sh_edit_context_get_row (self->ctx, self->table, id, NULL)) != NULL)
            name = row_name (self, record);
          label_delete_button (row->delete_button, name, r);
        }
    }
}

static void
ctx_notify_read_only_cb (ShRecordTable *self,
                         GParamSpec    *pspec,
                         ShEditContext *ctx)
{
  update_sensitivity (self);
}

/* -------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static void
sh_record_table_dispose (GObject *object)
{
  ShRecordTable *self = SH_RECORD_TABLE (object);

  g_clear_handle_id (&self->undo_source, g_source_remove);
  if (self->ctx != NULL)
    g_signal_handlers_disconnect_by_data (self->ctx, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SH_TYPE_RECORD_TABLE);

  if (self->init_destroy != NULL)
    g_clear_pointer (&self->init_data, self->init_destroy);
  g_clear_object (&self->ctx);

  G_OBJECT_CLASS (sh_record_table_parent_class)->dispose (object);
}

static void
sh_record_table_finalize (GObject *object)
{
  ShRecordTable *self = SH_RECORD_TABLE (object);

  g_free (self->table);
  g_free (self->parent_column);
  g_free (self->columns);
  g_free (self->name_column);
  g_free (self->undo_text);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->row_widgets, g_ptr_array_unref);

  G_OBJECT_CLASS (sh_record_table_parent_class)->finalize (object);
}

static void
sh_record_table_class_init (ShRecordTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_record_table_dispose;
  object_class->finalize = sh_record_table_finalize;

  /* A row's "Open" button was clicked; the id of the row. */
  signals[ROW_ACTIVATED] =
    g_signal_new ("row-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sachhon/SachHon/ui/sh-record-table.ui");
  gtk_widget_class_bind_template_child (widget_class, ShRecordTable, actions_box);
  gtk_widget_class_bind_template_child (widget_class, ShRecordTable, add_button);
  gtk_widget_class_bind_template_child (widget_class, ShRecordTable, add_label);
  gtk_widget_class_bind_template_child (widget_class, ShRecordTable, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ShRecordTable, frame);
  gtk_widget_class_bind_template_child (widget_class, ShRecordTable, grid);
  gtk_widget_class_bind_template_child (widget_class, ShRecordTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, ShRecordTable, undo_button);
  gtk_widget_class_bind_template_child (widget_class, ShRecordTable, undo_label);
  gtk_widget_class_bind_template_child (widget_class, ShRecordTable, undo_revealer);
  gtk_widget_class_bind_template_callback (widget_class, add_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, undo_button_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "shrecordtable");
}

static void
sh_record_table_init (ShRecordTable *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  sh_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);

  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
  self->row_widgets = g_ptr_array_new ();

  gtk_label_set_text_with_mnemonic (self->add_label, _("_Add row"));
  gtk_label_set_text (self->empty_label, _("No rows yet"));
}

/* -------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

GtkWidget *
sh_record_table_new (ShEditContext      *ctx,
                     const char         *table,
                     const char         *parent_column,
                     gint64              parent_id,
                     const ShColumnSpec *columns,
                     guint               n_columns)
{
  ShRecordTable *self;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (parent_column != NULL, NULL);
  g_return_val_if_fail (columns != NULL && n_columns > 0, NULL);

  self = g_object_new (SH_TYPE_RECORD_TABLE, NULL);
  self->ctx = g_object_ref (ctx);
  self->table = g_strdup (table);
  self->parent_column = g_strdup (parent_column);
  self->parent_id = parent_id;
  self->columns = g_memdup2 (columns, sizeof (ShColumnSpec) * n_columns);
  self->n_columns = n_columns;

  g_signal_connect_object (ctx, "changed", G_CALLBACK (ctx_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ctx, "notify::read-only",
                           G_CALLBACK (ctx_notify_read_only_cb), self, G_CONNECT_SWAPPED);

  build_header (self);
  rebuild (self);

  return GTK_WIDGET (self);
}

void
sh_record_table_set_empty_text (ShRecordTable *self,
                                const char    *text)
{
  g_return_if_fail (SH_IS_RECORD_TABLE (self));

  gtk_label_set_text (self->empty_label, text != NULL ? text : _("No rows yet"));
}

void
sh_record_table_set_add_label (ShRecordTable *self,
                               const char    *label)
{
  g_return_if_fail (SH_IS_RECORD_TABLE (self));

  gtk_label_set_text_with_mnemonic (self->add_label, label != NULL ? label : _("_Add row"));
}

void
sh_record_table_set_name_column (ShRecordTable *self,
                                 const char    *column)
{
  g_return_if_fail (SH_IS_RECORD_TABLE (self));

  g_free (self->name_column);
  self->name_column = g_strdup (column);
  rebuild (self);
}

void
sh_record_table_set_init_func (ShRecordTable         *self,
                               ShRecordTableInitFunc  func,
                               gpointer               user_data,
                               GDestroyNotify         destroy)
{
  g_return_if_fail (SH_IS_RECORD_TABLE (self));

  if (self->init_destroy != NULL)
    g_clear_pointer (&self->init_data, self->init_destroy);
  self->init_func = func;
  self->init_data = user_data;
  self->init_destroy = destroy;
}

void
sh_record_table_set_activatable (ShRecordTable *self,
                                 gboolean       activatable)
{
  g_return_if_fail (SH_IS_RECORD_TABLE (self));

  activatable = !!activatable;
  if (activatable == self->activatable)
    return;

  self->activatable = activatable;
  rebuild (self);
}

/* Sets @spec's default on a new row. */
static void
set_default (ShRecordTable      *self,
             ShRecord           *record,
             const ShColumnSpec *spec)
{
  const char *text = spec->default_text;

  if (text == NULL && spec->required && spec->type == SH_COLUMN_ENTRY &&
      (spec->kind == SH_FIELD_KIND_TEXT || spec->kind == SH_FIELD_KIND_MULTILINE))
    text = spec->title;   /* a required name gets its column's title */
  if (text == NULL && spec->required && spec->kind == SH_FIELD_KIND_DATE)
    text = "today";
  if (text == NULL)
    return;

  if (spec->type == SH_COLUMN_CHECK)
    {
      sh_record_set_int (record, spec->column, g_ascii_strtoll (text, NULL, 10) != 0);
      return;
    }
  if (spec->type == SH_COLUMN_CHOICE)
    {
      if (spec->rows_table != NULL)
        sh_record_set_int (record, spec->column, g_ascii_strtoll (text, NULL, 10));
      else
        sh_record_set_string (record, spec->column, text);
      return;
    }

  switch (spec->kind)
    {
    case SH_FIELD_KIND_TEXT:
    case SH_FIELD_KIND_MULTILINE:
      sh_record_set_string (record, spec->column, gettext (text));
      break;

    case SH_FIELD_KIND_DATE:
      if (g_str_equal (text, "today"))
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

          sh_record_set_string (record, spec->column, today);
        }
      else
        sh_record_set_string (record, spec->column, text);
      break;

    case SH_FIELD_KIND_INTEGER:
    case SH_FIELD_KIND_MONEY:
    case SH_FIELD_KIND_YEAR:
      sh_record_set_int (record, spec->column, g_ascii_strtoll (text, NULL, 10));
      break;

    case SH_FIELD_KIND_NUMBER:
    case SH_FIELD_KIND_PERCENT:
      sh_record_set_double (record, spec->column, g_ascii_strtod (text, NULL));
      break;

    default:
      g_assert_not_reached ();
    }
}

gint64
sh_record_table_add_row (ShRecordTable  *self,
                         GError        **error)
{
  g_autoptr(ShRecord) record = NULL;
  g_autoptr(GError) local = NULL;
  gint64 id;

  g_return_val_if_fail (SH_IS_RECORD_TABLE (self), 0);

  sh_edit_context_flush (self->ctx);

  record = sh_record_new (self->table);
  for (guint i = 0; i < self->n_columns; i++)
    set_default (self, record, &self->columns[i]);
  sh_record_set_int (record, self->parent_column, self->parent_id);
  if (self->init_func != NULL)
    self->init_func (self, record, self->init_data);

  /* The context rebuilds the grid through "changed". A refusal of the
   * defaults is not shown by any field, so the window says it. */
  if ((id = sh_edit_context_insert (self->ctx, record, &local)) == 0)
    {
      if (g_error_matches (local, SH_STORE_ERROR, SH_STORE_ERROR_INVALID))
        sh_edit_context_report_error (self->ctx, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }

  /* The new row's first field takes the typing, its default selected. */
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = &g_array_index (self->rows, Row, r);

      if (row->id != id)
        continue;
      for (guint c = 0; c < row->cells->len; c++)
        {
          GtkWidget *cell = g_ptr_array_index (row->cells, c);

          if (SH_IS_FIELD_ENTRY (cell))
            {
              gtk_widget_grab_focus (sh_field_entry_get_input (SH_FIELD_ENTRY (cell)));
              break;
            }
        }
    }

  return id;
}

gboolean
sh_record_table_delete_row (ShRecordTable  *self,
                            gint64          id,
                            GError        **error)
{
  g_autoptr(ShRecord) record = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *name = NULL;
  gboolean ok;

  g_return_val_if_fail (SH_IS_RECORD_TABLE (self), FALSE);

  sh_edit_context_flush (self->ctx);

  record = sh_edit_context_get_row (self->ctx, self->table, id, NULL);
  if (record != NULL)
    name = row_name (self, record);

  self->deleting = TRUE;
  ok = sh_edit_context_delete (self->ctx, self->table, id, &local);
  self->deleting = FALSE;

  if (!ok)
    {
      if (g_error_matches (local, SH_STORE_ERROR, SH_STORE_ERROR_INVALID))
        sh_edit_context_report_error (self->ctx, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  show_undo (self, name);
  return TRUE;
}

void
sh_record_table_reload (ShRecordTable *self)
{
  g_return_if_fail (SH_IS_RECORD_TABLE (self));

  rebuild (self);
}

guint
sh_record_table_get_n_rows (ShRecordTable *self)
{
  g_return_val_if_fail (SH_IS_RECORD_TABLE (self), 0);

  return self->rows->len;
}

gint64
sh_record_table_get_row_id (ShRecordTable *self,
                            guint          position)
{
  g_return_val_if_fail (SH_IS_RECORD_TABLE (self), 0);
  g_return_val_if_fail (position < self->rows->len, 0);

  return g_array_index (self->rows, Row, position).id;
}

GtkWidget *
sh_record_table_get_cell (ShRecordTable *self,
                          guint          position,
                          const char    *column)
{
  Row *row;

  g_return_val_if_fail (SH_IS_RECORD_TABLE (self), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  if (position >= self->rows->len)
    return NULL;

  row = &g_array_index (self->rows, Row, position);
  for (guint c = 0; c < self->n_columns; c++)
    if (g_str_equal (self->columns[c].column, column))
      return g_ptr_array_index (row->cells, c);

  return NULL;
}

gboolean
sh_record_table_get_undo_visible (ShRecordTable *self)
{
  g_return_val_if_fail (SH_IS_RECORD_TABLE (self), FALSE);

  return self->undo_text != NULL;
}

const char *
sh_record_table_get_undo_text (ShRecordTable *self)
{
  g_return_val_if_fail (SH_IS_RECORD_TABLE (self), NULL);

  return self->undo_text;
}

gboolean
sh_record_table_undo_delete (ShRecordTable  *self,
                             GError        **error)
{
  g_return_val_if_fail (SH_IS_RECORD_TABLE (self), FALSE);

  if (self->undo_text == NULL)
    {
      g_set_error_literal (error, SH_STORE_ERROR, SH_STORE_ERROR_FAILED,
                           _("There is nothing to undo."));
      return FALSE;
    }

  hide_undo (self);
  return sh_edit_context_undo (self->ctx, error);
}
