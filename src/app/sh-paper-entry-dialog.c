/* sh-paper-entry-dialog.c — "Type In Paper Form…" of a quick assessment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-paper-entry-dialog.h"
#include "sh-paper-entry.h"
#include "sh-tasks.h"

typedef struct
{
  const ShPaperField *field;
  GtkEntry           *entry;
  GtkLabel           *error;
} Row;

struct _ShPaperEntryDialog
{
  GtkWindow      parent_instance;

  ShEditContext *ctx;
  GArray        *rows;   /* Row, in print order */
  GPtrArray     *cells;  /* the fields of the lists' cells, as printed */

  GtkButton     *apply_button;
  GtkButton     *cancel_button;
  GtkGrid       *grid;
  GtkLabel      *intro_label;
  GtkLabel      *message_label;
  GtkScrolledWindow *scroller;
};

G_DEFINE_FINAL_TYPE (ShPaperEntryDialog, sh_paper_entry_dialog, GTK_TYPE_WINDOW)

static Row *
find_row (ShPaperEntryDialog *self,
          const char         *code)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      if (g_ascii_strcasecmp (row->field->code, code) == 0)
        return row;
    }
  return NULL;
}

static Row *
row_of_entry (ShPaperEntryDialog *self,
              GtkEntry           *entry,
              guint              *out_index)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      if (row->entry == entry)
        {
          *out_index = i;
          return row;
        }
    }
  g_return_val_if_reached (NULL);
}

static void
show_field_error (Row        *row,
                  const char *message)
{
  gtk_label_set_text (row->error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (row->error), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->entry), "error");
}

/* Reads the field as Apply will, and says at the field what is wrong. */
static gboolean
check_row (ShPaperEntryDialog *self,
           Row                *row)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (!sh_paper_parse_value (sh_edit_context_get_store (self->ctx), sh_edit_context_get_assessment_id (self->ctx),
                             row->field, gtk_editable_get_text (GTK_EDITABLE (row->entry)), &value, &error))
    {
      show_field_error (row, error->message);
      return FALSE;
    }
  show_field_error (row, NULL);
  return TRUE;
}

static void
entry_activate_cb (GtkEntry           *entry,
                   ShPaperEntryDialog *self)
{
  guint index = 0;
  Row *row = row_of_entry (self, entry, &index);

  if (!check_row (self, row))
    return;
  if (index + 1 < self->rows->len)
    gtk_widget_grab_focus (GTK_WIDGET (g_array_index (self->rows, Row, index + 1).entry));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->apply_button));
}

static void
entry_changed_cb (GtkEntry           *entry,
                  ShPaperEntryDialog *self)
{
  guint index = 0;

  /* A message about what was there before would only confuse. */
  show_field_error (row_of_entry (self, entry, &index), NULL);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                ShPaperEntryDialog      *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint index = 0;

  /* The focus leaves as the dialog closes, too. */
  if (self->ctx == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  check_row (self, row_of_entry (self, GTK_ENTRY (entry), &index));
}

static void
set_message (ShPaperEntryDialog *self,
             const char         *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

gboolean
sh_paper_entry_dialog_apply (ShPaperEntryDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  Row *first_bad = NULL;
  guint failed = G_MAXUINT;

  g_return_val_if_fail (SH_IS_PAPER_ENTRY_DIALOG (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      if (!check_row (self, row) && first_bad == NULL)
        first_bad = row;
      g_ptr_array_add (codes, (gpointer) row->field->code);
      g_ptr_array_add (texts, (gpointer) gtk_editable_get_text (GTK_EDITABLE (row->entry)));
    }
  if (first_bad != NULL)
    {
      set_message (self, _("Some fields cannot be read: see the messages under them. Nothing was written."));
      gtk_widget_grab_focus (GTK_WIDGET (first_bad->entry));
      return FALSE;
    }

  /* Typing not yet saved in the page goes first, so the entry comes after
   * it in the undo history. */
  sh_edit_context_flush (self->ctx);
  if (!sh_paper_entry_apply (sh_edit_context_get_store (self->ctx), sh_edit_context_get_undo_stack (self->ctx),
                             sh_edit_context_get_assessment_id (self->ctx),
                             (const char * const *) codes->pdata, (const char * const *) texts->pdata,
                             codes->len, NULL, &failed, &error))
    {
      g_autofree char *message = g_strdup_printf ("%s %s", error->message, _("Nothing was written."));

      set_message (self, message);
      if (failed < self->rows->len)
        {
          Row *row = &g_array_index (self->rows, Row, failed);

          show_field_error (row, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (row->entry));
        }
      return FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  sh_paper_entry_dialog_apply (SH_PAPER_ENTRY_DIALOG (widget));
}

static void
connect_entry (ShPaperEntryDialog *self,
               GtkWidget          *entry)
{
  GtkEventController *focus;

  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
}

static GtkWidget *
new_error_label (void)
{
  GtkWidget *error = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_add_css_class (error, "bad");
  gtk_widget_set_visible (error, FALSE);
  return error;
}

static GtkWidget *
new_code_label (const char *code)
{
  GtkWidget *label = gtk_label_new (code);

  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static void
add_field (ShPaperEntryDialog *self,
           const ShPaperField *field,
           int                *y)
{
  g_autofree char *expected = sh_paper_describe_field (field);
  GtkWidget *code, *label, *entry, *error;
  Row row;

  code = new_code_label (field->code);
  label = gtk_label_new (_(field->label));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  entry = gtk_entry_new ();
  gtk_widget_set_hexpand (entry, TRUE);
  if (field->type != SH_PAPER_VALUE_TEXT)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), expected);
  gtk_widget_set_tooltip_text (entry, expected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(field->label), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  code, label, NULL, -1);
  error = new_error_label ();

  gtk_grid_attach (self->grid, code, 0, *y, 1, 1);
  gtk_grid_attach (self->grid, label, 1, *y, 1, 1);
  gtk_grid_attach (self->grid, entry, 2, (*y)++, 1, 1);
  gtk_grid_attach (self->grid, error, 2, (*y)++, 1, 1);
  connect_entry (self, entry);

  row.field = field;
  row.entry = GTK_ENTRY (entry);
  row.error = GTK_LABEL (error);
  g_array_append_val (self->rows, row);
}

/* A list as on paper: one line per row, one entry per column, and one
 * line for what is wrong in the row. */
static void
add_list (ShPaperEntryDialog *self,
          const ShPaperList  *list,
          int                *y)
{
  GtkWidget *grid = gtk_grid_new ();
  /* Translators: a list of the paper form and its first row codes: "Observations (D1, D2…)". */
  g_autofree char *title = g_strdup_printf (_("%s (%s1, %s2…)"), _(list->label), list->prefix, list->prefix);
  GtkWidget *heading = gtk_label_new (title);
  guint first = 0;
  int line = 1;

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_grid_attach (self->grid, heading, 0, (*y)++, 3, 1);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  for (guint c = 0; c < list->n_columns; c++)
    {
      g_autofree char *text = g_strdup_printf ("%s  %s", list->columns[c].letter, _(list->columns[c].label));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (GTK_GRID (grid), label, (int) c + 1, 0, 1, 1);
    }

  while (first < self->cells->len)
    {
      const ShPaperField *field = self->cells->pdata[first];
      const char *row_code = sh_paper_cell_row_code (field);
      GtkWidget *code, *error;

      if (sh_paper_cell_list (field) != list)
        {
          first++;
          continue;
        }
      code = new_code_label (row_code);
      error = new_error_label ();
      gtk_grid_attach (GTK_GRID (grid), code, 0, line, 1, 1);
      for (guint c = 0; c < list->n_columns; c++)
        {
          const ShPaperField *cell = self->cells->pdata[first + c];
          g_autofree char *expected = sh_paper_describe_field (cell);
          /* What a recorded row holds, greyed in the empty entry, so the
           * rows on screen are told apart like the rows on paper. */
          g_autofree char *recorded = sh_paper_cell_recorded_text (sh_edit_context_get_store (self->ctx), cell);
          g_autofree char *name = g_strdup_printf ("%s %s", cell->code, _(cell->label));
          GtkWidget *entry = gtk_entry_new ();
          Row row;

          gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
          gtk_widget_set_hexpand (entry, TRUE);
          if (recorded != NULL)
            gtk_entry_set_placeholder_text (GTK_ENTRY (entry), recorded);
          gtk_widget_set_tooltip_text (entry, expected);
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          gtk_grid_attach (GTK_GRID (grid), entry, (int) c + 1, line, 1, 1);
          connect_entry (self, entry);

          row.field = cell;
          row.entry = GTK_ENTRY (entry);
          row.error = GTK_LABEL (error);
          g_array_append_val (self->rows, row);
        }
      gtk_grid_attach (GTK_GRID (grid), error, 1, line + 1, (int) list->n_columns, 1);
      line += 2;
      first += list->n_columns;
    }

  gtk_grid_attach (self->grid, grid, 0, (*y)++, 3, 1);
}

static void
build_rows (ShPaperEntryDialog *self)
{
  guint n_fields = 0;
  const ShPaperField *fields = sh_paper_fields_get (&n_fields);
  guint n_lists = 0;
  const ShPaperList *lists = sh_paper_lists_get (&n_lists);
  int y = 0;

  for (guint section = 1; section <= SH_TASKS_N_QUICK_SECTIONS; section++)
    {
      const ShTaskInfo *info = sh_tasks_get_quick_section (section);
      g_autofree char *title = g_strdup_printf ("%u. %s", info->number, _(info->name));
      GtkWidget *heading = gtk_label_new (title);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_top (heading, y > 0 ? 18 : 0);
      gtk_grid_attach (self->grid, heading, 0, y++, 3, 1);

      for (guint i = 0; i < n_fields; i++)
        if (fields[i].section == section)
          add_field (self, &fields[i], &y);
      for (guint l = 0; l < n_lists; l++)
        if (lists[l].section == section && self->cells != NULL)
          add_list (self, &lists[l], &y);
    }
}

/* Typing starts at the first field of the form. */
static void
sh_paper_entry_dialog_map (GtkWidget *widget)
{
  ShPaperEntryDialog *self = SH_PAPER_ENTRY_DIALOG (widget);

  GTK_WIDGET_CLASS (sh_paper_entry_dialog_parent_class)->map (widget);

  if (self->rows->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (g_array_index (self->rows, Row, 0).entry));
}

static void
sh_paper_entry_dialog_dispose (GObject *object)
{
  ShPaperEntryDialog *self = SH_PAPER_ENTRY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SH_TYPE_PAPER_ENTRY_DIALOG);
  g_clear_object (&self->ctx);

  G_OBJECT_CLASS (sh_paper_entry_dialog_parent_class)->dispose (object);
}

static void
sh_paper_entry_dialog_finalize (GObject *object)
{
  ShPaperEntryDialog *self = SH_PAPER_ENTRY_DIALOG (object);

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);

  G_OBJECT_CLASS (sh_paper_entry_dialog_parent_class)->finalize (object);
}

static void
sh_paper_entry_dialog_class_init (ShPaperEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_paper_entry_dialog_dispose;
  object_class->finalize = sh_paper_entry_dialog_finalize;
  widget_class->map = sh_paper_entry_dialog_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sachhon/SachHon/ui/sh-paper-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShPaperEntryDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, ShPaperEntryDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ShPaperEntryDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, ShPaperEntryDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, ShPaperEntryDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, ShPaperEntryDialog, scroller);

  gtk_widget_class_install_action (widget_class, "paper.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sh_paper_entry_dialog_init (ShPaperEntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
}

GtkWidget *
sh_paper_entry_dialog_new (ShEditContext *ctx)
{
  ShPaperEntryDialog *self;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);
  g_return_val_if_fail (sh_edit_context_get_undo_stack (ctx) != NULL, NULL);

  self = g_object_new (SH_TYPE_PAPER_ENTRY_DIALOG, NULL);
  self->ctx = g_object_ref (ctx);
  /* Without the lists (a store that cannot be read) the single fields
   * can still be typed in. */
  self->cells = sh_paper_list_cells (sh_edit_context_get_store (ctx), sh_edit_context_get_assessment_id (ctx), NULL);
  build_rows (self);

  return GTK_WIDGET (self);
}

GtkEntry *
sh_paper_entry_dialog_get_entry (ShPaperEntryDialog *self,
                                 const char         *code)
{
  Row *row;

  g_return_val_if_fail (SH_IS_PAPER_ENTRY_DIALOG (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  row = find_row (self, code);
  return row != NULL ? row->entry : NULL;
}

const char *
sh_paper_entry_dialog_get_field_error (ShPaperEntryDialog *self,
                                       const char         *code)
{
  Row *row;

  g_return_val_if_fail (SH_IS_PAPER_ENTRY_DIALOG (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  row = find_row (self, code);
  if (row == NULL || !gtk_widget_get_visible (GTK_WIDGET (row->error)))
    return NULL;
  return gtk_label_get_text (row->error);
}

const char *
sh_paper_entry_dialog_get_message (ShPaperEntryDialog *self)
{
  g_return_val_if_fail (SH_IS_PAPER_ENTRY_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_text (self->message_label);
}
