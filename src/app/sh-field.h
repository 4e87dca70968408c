/* sh-field.h — the base of the widgets bound to one column of one row.
 *
 * A field knows its edit context, the table, the row id and the column it
 * shows, and an accessible label. It re-reads the column when the context
 * says it changed (undo, redo, an edit elsewhere on the page) unless it is
 * the field's own save, and it is insensitive while the context is
 * read-only. Subclasses (ShFieldEntry, ShFieldChoice, ShFieldCheck) show
 * the value and save what the person does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"

G_BEGIN_DECLS

#define SH_TYPE_FIELD (sh_field_get_type ())

G_DECLARE_DERIVABLE_TYPE (ShField, sh_field, SH, FIELD, GtkWidget)

struct _ShFieldClass
{
  GtkWidgetClass parent_class;

  /* Shows what the store holds, dropping anything not yet saved. */
  void         (*reload)        (ShField *self);
  /* The widget that gets the accessible label. */
  GtkWidget   *(*get_input)     (ShField *self);
  /* The label changed (also called once the field is constructed). */
  void         (*label_changed) (ShField *self);

  gpointer padding[8];
};

ShEditContext *sh_field_get_context  (ShField       *self);
const char    *sh_field_get_table    (ShField       *self);
gint64         sh_field_get_row_id   (ShField       *self);
const char    *sh_field_get_column   (ShField       *self);

/* The accessible name of the input ("label"). Give every field one. */
const char    *sh_field_get_label    (ShField       *self);
void           sh_field_set_label    (ShField       *self,
                                      const char    *label);

/* Re-reads the column from the store, dropping unsaved input. */
void           sh_field_reload       (ShField       *self);
/* The input widget: what has focus and the accessible label. */
GtkWidget     *sh_field_get_input    (ShField       *self);

/* For subclasses: the row as stored (NULL if it went away). */
ShRecord      *sh_field_get_row      (ShField       *self,
                                      GError       **error);
/* For subclasses: saves @value (NULL for SQL NULL) into the column without
 * reloading the field from its own change notification. */
gboolean       sh_field_save_value   (ShField       *self,
                                      const GValue  *value,
                                      GError       **error);

G_END_DECLS
