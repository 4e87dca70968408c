/* sh-field-check.h — a check box bound to one 0/1 column.
 *
 * Toggling saves at once through the edit context; undo and redo show up
 * in it; it is insensitive while the context is read-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-field.h"

G_BEGIN_DECLS

#define SH_TYPE_FIELD_CHECK (sh_field_check_get_type ())

G_DECLARE_FINAL_TYPE (ShFieldCheck, sh_field_check, SH, FIELD_CHECK, ShField)

/* @label is shown beside the box and is its accessible name. */
GtkWidget   *sh_field_check_new        (ShEditContext *ctx,
                                        const char    *table,
                                        gint64         id,
                                        const char    *column,
                                        const char    *label);

gboolean     sh_field_check_get_active (ShFieldCheck  *self);
/* Sets the box as a click would, and saves. FALSE if the store refused. */
gboolean     sh_field_check_set_active (ShFieldCheck  *self,
                                        gboolean       active);

G_END_DECLS
