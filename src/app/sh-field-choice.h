/* sh-field-choice.h — a drop-down bound to one column that holds a code.
 *
 * The choices are (code, label) pairs: a static table, a reference list
 * (sh_refdata_list_values), the units of one dimension (ShUnits), or rows
 * added one by one (also with integer codes, for a foreign key such as
 * step_id). Picking a choice saves its code at once through the edit
 * context; undo and redo show up in the drop-down. A column value that is
 * not among the choices is shown as itself, so nothing is hidden or
 * overwritten by merely looking at it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-choices.h"
#include "sh-field.h"

G_BEGIN_DECLS

#define SH_TYPE_FIELD_CHOICE (sh_field_choice_get_type ())

G_DECLARE_FINAL_TYPE (ShFieldChoice, sh_field_choice, SH, FIELD_CHOICE, ShField)

GtkWidget   *sh_field_choice_new              (ShEditContext  *ctx,
                                               const char     *table,
                                               gint64          id,
                                               const char     *column);

/* Choice sources; each replaces the choices there were. */
void         sh_field_choice_set_static       (ShFieldChoice  *self,
                                               const ShChoice *choices,
                                               gsize           n_choices);
/* A list of ref_list_value ("cost_class", "waste_type", …), labels in the
 * language of the user interface. */
gboolean     sh_field_choice_set_list         (ShFieldChoice  *self,
                                               const char     *list,
                                               GError        **error);
/* The units of @dimension ("mass", "energy", …; NULL for all). */
void         sh_field_choice_set_units        (ShFieldChoice  *self,
                                               const char     *dimension);
void         sh_field_choice_clear            (ShFieldChoice  *self);
void         sh_field_choice_append           (ShFieldChoice  *self,
                                               const char     *code,
                                               const char     *label);
/* A choice whose code is an integer, saved as an INTEGER (foreign keys). */
void         sh_field_choice_append_id        (ShFieldChoice  *self,
                                               gint64          id,
                                               const char     *label);

/* Offer "no value" first, saved as NULL ("allow-none"; default FALSE).
 * @label NULL gives "—". */
void         sh_field_choice_set_allow_none   (ShFieldChoice  *self,
                                               gboolean        allow_none,
                                               const char     *label);

/* The code shown now (NULL for none); an integer code as its decimal text. */
const char  *sh_field_choice_get_code         (ShFieldChoice  *self);
/* Picks the choice with @code (NULL for none) as a person would, and saves
 * it. FALSE if there is no such choice or the store refused it. */
gboolean     sh_field_choice_select_code      (ShFieldChoice  *self,
                                               const char     *code);
guint        sh_field_choice_get_n_choices    (ShFieldChoice  *self);
/* The message under the drop-down, or NULL. */
const char  *sh_field_choice_get_error_message (ShFieldChoice *self);
GtkWidget   *sh_field_choice_get_drop_down    (ShFieldChoice  *self);

/* Reference rows carry "<base>_vi" and "<base>_en": the one for the
 * language of the user interface (English for any language but
 * Vietnamese), falling back to the other when it is empty. */
const char  *sh_field_choice_localized        (const ShRecord *row,
                                               const char     *base);

G_END_DECLS
