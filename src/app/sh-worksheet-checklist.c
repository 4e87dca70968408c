/* sh-worksheet-checklist.c — the walk-through checklist of a quick assessment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-a11y.h"
#include "sh-refdata.h"
#include "sh-worksheet-checklist.h"
#include "sh-worksheet-util.h"

#define NOTE_SAVE_DELAY_MS 400

static const char * const answers[] = { "yes", "no", "na" };

typedef struct _ShWorksheetChecklist ShWorksheetChecklist;

typedef struct
{
  ShWorksheetChecklist *self;
  char                 *code;
  char                 *question;
  GtkToggleButton      *buttons[G_N_ELEMENTS (answers)];
  GtkEntry             *note;
  GtkWidget            *row;
  GtkWidget            *list;
  char                 *answer;
  guint                 note_timeout;
} Item;

struct _ShWorksheetChecklist
{
  GtkWidget      parent_instance;

  ShEditContext *ctx;
  GtkWidget     *sector_list;
  GtkWidget     *other_list;
  GtkWidget     *other_section;
  GtkWidget     *empty_label;
  GtkWidget     *question_entry;
  GtkWidget     *add_button;
  GPtrArray     *items;         /* Item */
  GHashTable    *reference;     /* codes of the sector's items */
  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (ShWorksheetChecklist, sh_worksheet_checklist, GTK_TYPE_WIDGET)

static void
item_free (gpointer data)
{
  Item *item = data;

  g_clear_handle_id (&item->note_timeout, g_source_remove);
  g_free (item->code);
  g_free (item->question);
  g_free (item->answer);
  g_free (item);
}

static Item *
find_item (ShWorksheetChecklist *self,
           const char           *code)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = self->items->pdata[i];

      if (g_strcmp0 (item->code, code) == 0)
        return item;
    }

  return NULL;
}

static ShRecord *
find_answer_row (ShWorksheetChecklist *self,
                 const char           *code)
{
  g_autoptr(GPtrArray) rows = sh_store_list (sh_edit_context_get_store (self->ctx), "checklist_answer",
                                             "assessment_id", sh_edit_context_get_assessment_id (self->ctx),
                                             NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      if (g_strcmp0 (sh_record_get_string (rows->pdata[i], "item_code"), code) == 0)
        return sh_record_ref (rows->pdata[i]);
    }

  return NULL;
}

/* Sets one column of the item's answer row, creating the row first. */
static gboolean
save_column (ShWorksheetChecklist *self,
             Item                 *item,
             const char           *column,
             const char           *value,
             GError              **error)
{
  g_autoptr(ShRecord) row = find_answer_row (self, item->code);
  g_autoptr(ShRecord) record = NULL;

  if (row != NULL)
    {
      if (value == NULL)
        return sh_edit_context_set_value (self->ctx, "checklist_answer", sh_record_get_id (row), column,
                                          NULL, error);
      return sh_edit_context_set_string (self->ctx, "checklist_answer", sh_record_get_id (row), column,
                                         value, error);
    }

  if (value == NULL)
    return TRUE;

  record = sh_record_new ("checklist_answer");
  sh_record_set_int (record, "assessment_id", sh_edit_context_get_assessment_id (self->ctx));
  sh_record_set_string (record, "item_code", item->code);
  sh_record_set_string (record, "question", item->question);
  sh_record_set_string (record, column, value);

  return sh_edit_context_insert (self->ctx, record, error) != 0;
}

static void
save_note (Item *item)
{
  ShWorksheetChecklist *self = item->self;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (item->note));
  g_autoptr(ShRecord) row = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&item->note_timeout, g_source_remove);

  /* Nothing to save if the note is what is stored. */
  row = find_answer_row (self, item->code);
  if (g_strcmp0 (row != NULL ? sh_record_get_string (row, "note") : NULL, *text != '\0' ? text : NULL) == 0)
    return;

  if (!save_column (self, item, "note", *text != '\0' ? text : NULL, &error))
    sh_edit_context_report_error (self->ctx, error);
}

static gboolean
note_timeout_cb (gpointer data)
{
  Item *item = data;

  item->note_timeout = 0;
  save_note (item);

  return G_SOURCE_REMOVE;
}

static void
note_changed_cb (GtkEditable *editable,
                 Item        *item)
{
  if (item->self->updating)
    return;

  g_clear_handle_id (&item->note_timeout, g_source_remove);
  item->note_timeout = g_timeout_add (NOTE_SAVE_DELAY_MS, note_timeout_cb, item);
}

static void
note_activate_cb (GtkEntry *entry,
                  Item     *item)
{
  save_note (item);
}

static void
note_focus_leave_cb (GtkEventControllerFocus *controller,
                     Item                    *item)
{
  if (item->note_timeout != 0)
    save_note (item);
  sh_edit_context_stop_merging (item->self->ctx);
}

static void
context_flush_cb (ShEditContext        *ctx,
                  ShWorksheetChecklist *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = self->items->pdata[i];

      if (item->note_timeout != 0)
        save_note (item);
    }
}

static void
show_answer (Item       *item,
             const char *answer)
{
  for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
    gtk_toggle_button_set_active (item->buttons[a], g_strcmp0 (answer, answers[a]) == 0);
  g_free (item->answer);
  item->answer = g_strdup (answer);
}

static void
answer_toggled_cb (GtkToggleButton *button,
                   Item            *item)
{
  ShWorksheetChecklist *self = item->self;
  const char *answer = g_object_get_data (G_OBJECT (button), "sh-answer");
  g_autoptr(GError) error = NULL;

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  if (!sh_worksheet_checklist_answer (self, item->code, answer, &error))
    sh_edit_context_report_error (self->ctx, error);
}

static GtkWidget *
build_row (ShWorksheetChecklist *self,
           Item                 *item,
           const char           *caption)
{
  static const char *labels[] = { N_("Yes"), N_("No"), N_("N/A") };
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *question = gtk_label_new (item->question);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *note = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *note_label = NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_label_set_xalign (GTK_LABEL (question), 0);
  gtk_label_set_wrap (GTK_LABEL (question), TRUE);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (text_box), question);
  if (caption != NULL)
    {
      GtkWidget *category = gtk_label_new (caption);

      gtk_label_set_xalign (GTK_LABEL (category), 0);
      gtk_widget_add_css_class (category, "caption");
      gtk_widget_add_css_class (category, "dim-label");
      gtk_box_append (GTK_BOX (text_box), category);
    }

  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_valign (buttons, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (buttons), GTK_ACCESSIBLE_PROPERTY_LABEL, item->question, -1);
  for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(labels[a]));
      /* Translators: accessible name of an answer button: the answer, then the question. */
      g_autofree char *label = g_strdup_printf (_("%s: %s"), _(labels[a]), item->question);

      if (a > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), item->buttons[0]);
      gtk_widget_add_css_class (button, "answer");
      gtk_widget_add_css_class (button, answers[a]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (button), "sh-answer", (gpointer) answers[a]);
      item->buttons[a] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
    g_signal_connect (item->buttons[a], "toggled", G_CALLBACK (answer_toggled_cb), item);

  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note (what was seen, where)"));
  /* Translators: accessible name of the note field of a checklist question. */
  note_label = g_strdup_printf (_("Note on: %s"), item->question);
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, note_label, -1);
  item->note = GTK_ENTRY (note);
  g_signal_connect (note, "changed", G_CALLBACK (note_changed_cb), item);
  g_signal_connect (note, "activate", G_CALLBACK (note_activate_cb), item);
  g_signal_connect (focus, "leave", G_CALLBACK (note_focus_leave_cb), item);
  gtk_widget_add_controller (note, focus);

  gtk_box_append (GTK_BOX (top), text_box);
  gtk_box_append (GTK_BOX (top), buttons);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), note);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_bind_property (self->ctx, "read-only", buttons, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->ctx, "read-only", note, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  return row;
}

static Item *
add_item (ShWorksheetChecklist *self,
          GtkWidget            *list,
          const char           *code,
          const char           *question,
          const char           *caption)
{
  Item *item = g_new0 (Item, 1);

  item->self = self;
  item->code = g_strdup (code);
  item->question = g_strdup (question != NULL ? question : code);
  item->list = list;
  item->row = build_row (self, item, caption);
  g_ptr_array_add (self->items, item);
  gtk_list_box_append (GTK_LIST_BOX (list), item->row);

  return item;
}

static void
refresh (GtkWidget *widget)
{
  ShWorksheetChecklist *self = SH_WORKSHEET_CHECKLIST (widget);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = sh_store_list (sh_edit_context_get_store (self->ctx), "checklist_answer", "assessment_id",
                        sh_edit_context_get_assessment_id (self->ctx), &error);
  if (rows == NULL)
    {
      sh_edit_context_report_error (self->ctx, error);
      return;
    }

  self->updating = TRUE;

  /* Questions of one's own whose row is gone (undo) go too. */
  for (guint i = self->items->len; i > 0; i--)
    {
      Item *item = self->items->pdata[i - 1];
      gboolean stored = FALSE;

      if (item->list != self->other_list)
        continue;
      for (guint r = 0; r < rows->len && !stored; r++)
        stored = g_strcmp0 (sh_record_get_string (rows->pdata[r], "item_code"), item->code) == 0;
      if (!stored)
        {
          gtk_list_box_remove (GTK_LIST_BOX (self->other_list), item->row);
          g_ptr_array_remove_index (self->items, i - 1);
        }
    }

  /* Answers to questions not in the sector's list get rows of their own. */
  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *row = rows->pdata[i];
      const char *code = sh_record_get_string (row, "item_code");

      if (find_item (self, code) == NULL)
        add_item (self, self->other_list, code, sh_record_get_string (row, "question"), NULL);
    }
  gtk_widget_set_visible (self->other_section, gtk_widget_get_first_child (self->other_list) != NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = self->items->pdata[i];
      ShRecord *found = NULL;

      for (guint r = 0; r < rows->len && found == NULL; r++)
        if (g_strcmp0 (sh_record_get_string (rows->pdata[r], "item_code"), item->code) == 0)
          found = rows->pdata[r];

      show_answer (item, found != NULL ? sh_record_get_string (found, "answer") : NULL);

      /* A note being typed is not overwritten by what is stored. */
      if (item->note_timeout == 0 && !gtk_widget_has_focus (GTK_WIDGET (item->note)))
        {
          const char *note = found != NULL ? sh_record_get_string (found, "note") : NULL;

          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (item->note)), note != NULL ? note : "") != 0)
            gtk_editable_set_text (GTK_EDITABLE (item->note), note != NULL ? note : "");
        }
    }

  self->updating = FALSE;
}

static void
add_button_clicked_cb (GtkButton            *button,
                       ShWorksheetChecklist *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->question_entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *question = g_strstrip (g_strdup (text));

  if (*question == '\0')
    return;

  if (sh_worksheet_checklist_add_question (self, question, &error))
    gtk_editable_set_text (GTK_EDITABLE (self->question_entry), "");
  else
    sh_edit_context_report_error (self->ctx, error);
}

static void
question_entry_changed_cb (GtkEditable          *editable,
                           ShWorksheetChecklist *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  gtk_widget_set_sensitive (self->add_button, *text != '\0');
}

static void
sh_worksheet_checklist_dispose (GObject *object)
{
  ShWorksheetChecklist *self = SH_WORKSHEET_CHECKLIST (object);
  GtkWidget *child;

  /* Notes not yet saved are saved before the page goes. */
  if (self->items != NULL && self->ctx != NULL && !sh_edit_context_get_read_only (self->ctx))
    context_flush_cb (self->ctx, self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->reference, g_hash_table_unref);
  g_clear_object (&self->ctx);

  G_OBJECT_CLASS (sh_worksheet_checklist_parent_class)->dispose (object);
}

static void
sh_worksheet_checklist_class_init (ShWorksheetChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_worksheet_checklist_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "worksheet");
}

static void
sh_worksheet_checklist_init (ShWorksheetChecklist *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->reference = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static GtkWidget *
new_list (const char *label)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return list;
}

GtkWidget *
sh_worksheet_checklist_new (ShEditContext *ctx)
{
  ShWorksheetChecklist *self;
  ShStore *store;
  g_autoptr(ShRecord) facility = NULL;
  g_autoptr(GPtrArray) checklist = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  const char *sector = NULL;
  GtkWidget *add_box;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);

  self = g_object_new (SH_TYPE_WORKSHEET_CHECKLIST, NULL);
  self->ctx = g_object_ref (ctx);
  store = sh_edit_context_get_store (ctx);

  facility = sh_store_get (store, "facility", sh_edit_context_get_facility_id (ctx), NULL);
  if (facility != NULL)
    sector = sh_record_get_string (facility, "sector_code");
  if (sector != NULL)
    checklist = sh_refdata_list_checklist (store, sector, NULL);
  categories = sh_refdata_list_values (store, "observation_category", NULL);

  self->sector_list = new_list (_("Checklist of the sector"));
  self->empty_label = sh_worksheet_note_new (_("The reference data has no checklist for this facility's sector. Add the questions you check below."));
  gtk_widget_set_parent (self->empty_label, GTK_WIDGET (self));
  gtk_widget_set_parent (self->sector_list, GTK_WIDGET (self));

  for (guint i = 0; checklist != NULL && i < checklist->len; i++)
    {
      ShRecord *ref = checklist->pdata[i];
      const char *category = sh_record_get_string (ref, "category");
      const char *caption = NULL;

      for (guint c = 0; categories != NULL && c < categories->len; c++)
        if (g_strcmp0 (sh_record_get_string (categories->pdata[c], "code"), category) == 0)
          caption = sh_worksheet_ref_text (categories->pdata[c], "name_vi", "name_en");

      g_hash_table_add (self->reference, g_strdup (sh_record_get_string (ref, "code")));
      add_item (self, self->sector_list, sh_record_get_string (ref, "code"),
                sh_worksheet_ref_text (ref, "question_vi", "question_en"), caption);
    }
  gtk_widget_set_visible (self->empty_label, self->items->len == 0);
  gtk_widget_set_visible (self->sector_list, self->items->len > 0);

  self->other_list = new_list (_("Other questions"));
  self->other_section = sh_worksheet_section_new (_("Other questions"), NULL, self->other_list);
  gtk_widget_set_parent (self->other_section, GTK_WIDGET (self));

  add_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->question_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->question_entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->question_entry), _("A question of your own"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->question_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New checklist question"), -1);
  self->add_button = gtk_button_new_with_mnemonic (_("_Add question"));
  sh_a11y_name_mnemonic_button (self->add_button);
  gtk_widget_set_sensitive (self->add_button, FALSE);
  g_signal_connect (self->question_entry, "changed", G_CALLBACK (question_entry_changed_cb), self);
  g_signal_connect_swapped (self->question_entry, "activate", G_CALLBACK (gtk_widget_activate), self->add_button);
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (add_button_clicked_cb), self);
  gtk_box_append (GTK_BOX (add_box), self->question_entry);
  gtk_box_append (GTK_BOX (add_box), self->add_button);
  g_object_bind_property (ctx, "read-only", add_box, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  gtk_widget_set_parent (add_box, GTK_WIDGET (self));

  g_signal_connect_object (ctx, "flush", G_CALLBACK (context_flush_cb), self, 0);
  sh_worksheet_watch (GTK_WIDGET (self), ctx, refresh);

  return GTK_WIDGET (self);
}

GStrv
sh_worksheet_checklist_get_items (ShWorksheetChecklist *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SH_IS_WORKSHEET_CHECKLIST (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    g_strv_builder_add (builder, ((Item *) self->items->pdata[i])->code);

  return g_strv_builder_end (builder);
}

gboolean
sh_worksheet_checklist_answer (ShWorksheetChecklist  *self,
                               const char            *item_code,
                               const char            *answer,
                               GError               **error)
{
  Item *item;

  g_return_val_if_fail (SH_IS_WORKSHEET_CHECKLIST (self), FALSE);
  g_return_val_if_fail (answer == NULL || g_strcmp0 (answer, "yes") == 0 ||
                        g_strcmp0 (answer, "no") == 0 || g_strcmp0 (answer, "na") == 0, FALSE);

  item = find_item (self, item_code);
  if (item == NULL)
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_NOT_FOUND,
                   _("The checklist has no question “%s”."), item_code);
      return FALSE;
    }

  if (!save_column (self, item, "answer", answer, error))
    {
      /* The buttons go back to what is stored. */
      self->updating = TRUE;
      show_answer (item, item->answer);
      self->updating = FALSE;
      return FALSE;
    }

  self->updating = TRUE;
  show_answer (item, answer);
  self->updating = FALSE;

  return TRUE;
}

gboolean
sh_worksheet_checklist_set_note (ShWorksheetChecklist  *self,
                                 const char            *item_code,
                                 const char            *note,
                                 GError               **error)
{
  Item *item;

  g_return_val_if_fail (SH_IS_WORKSHEET_CHECKLIST (self), FALSE);

  item = find_item (self, item_code);
  if (item == NULL)
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_NOT_FOUND,
                   _("The checklist has no question “%s”."), item_code);
      return FALSE;
    }

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (item->note), note != NULL ? note : "");
  self->updating = FALSE;
  g_clear_handle_id (&item->note_timeout, g_source_remove);

  return save_column (self, item, "note", note != NULL && *note != '\0' ? note : NULL, error);
}

const char *
sh_worksheet_checklist_get_answer (ShWorksheetChecklist *self,
                                   const char           *item_code)
{
  Item *item;

  g_return_val_if_fail (SH_IS_WORKSHEET_CHECKLIST (self), NULL);

  item = find_item (self, item_code);
  return item != NULL ? item->answer : NULL;
}

gboolean
sh_worksheet_checklist_add_question (ShWorksheetChecklist  *self,
                                     const char            *question,
                                     GError               **error)
{
  g_autoptr(ShRecord) record = sh_record_new ("checklist_answer");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *code = NULL;

  g_return_val_if_fail (SH_IS_WORKSHEET_CHECKLIST (self), FALSE);
  g_return_val_if_fail (question != NULL && *question != '\0', FALSE);

  /* Questions of one's own get a code no reference list uses. */
  code = g_strdup_printf ("own-%.8s", uuid);
  sh_record_set_int (record, "assessment_id", sh_edit_context_get_assessment_id (self->ctx));
  sh_record_set_string (record, "item_code", code);
  sh_record_set_string (record, "question", question);

  return sh_edit_context_insert (self->ctx, record, error) != 0;
}
