/* sh-edit-context.h — what every form of one page edits through.
 *
 * A page (the facility page, an assessment view) creates one edit context
 * and hands it to its field widgets and record tables. The context owns the
 * page's undo history, knows whether the page is read-only, and tells the
 * window when something was saved or could not be.
 *
 * Two kinds:
 *  - for an assessment: an ShUndoStack (sh-undo.h) over the assessment, its
 *    rows, its facility and the facility's rows; read-only while the
 *    assessment is finalized or submitted;
 *  - for a facility: a facility's ShUndoStack over the facility row and
 *    its own rows (team_member, training_event, facility_product,
 *    annual_report), never an assessment's rows. A facility is never
 *    read-only.
 *
 * Every change is committed at once (sh_store_update and friends). After a
 * change the context emits "changed" (table, id, column; column NULL for a
 * row inserted or deleted), also for changes made by undo and redo, and
 * "saved". When the store refuses a change for a reason that is not the
 * value's fault (disk full, locked database, read-only assessment, a row
 * that no longer exists) it emits "failed" with the error, for the window's
 * error message; SH_STORE_ERROR_INVALID (a value the schema refuses) is only
 * returned to the caller, whose field shows it where it was typed.
 *
 * Field widgets with typing not yet saved connect to "flush" and save it
 * when it is emitted: sh_edit_context_flush() is called before undo, redo,
 * and before the page goes away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sh-store.h"
#include "sh-undo.h"

G_BEGIN_DECLS

#define SH_TYPE_EDIT_CONTEXT (sh_edit_context_get_type ())

G_DECLARE_FINAL_TYPE (ShEditContext, sh_edit_context, SH, EDIT_CONTEXT, GObject)

ShEditContext *sh_edit_context_new_for_assessment (ShStore        *store,
                                                   gint64          assessment_id,
                                                   GError        **error);
ShEditContext *sh_edit_context_new_for_facility   (ShStore        *store,
                                                   gint64          facility_id,
                                                   GError        **error);

ShStore       *sh_edit_context_get_store          (ShEditContext  *self);
/* The stack every change goes through. */
ShUndoStack   *sh_edit_context_get_undo_stack     (ShEditContext  *self);
/* 0 for a facility context. */
gint64         sh_edit_context_get_assessment_id  (ShEditContext  *self);
gint64         sh_edit_context_get_facility_id    (ShEditContext  *self);

/* Whether the assessment is finalized or submitted ("read-only" property).
 * Call sh_edit_context_update_read_only() after finalizing or reopening. */
gboolean       sh_edit_context_get_read_only      (ShEditContext  *self);
void           sh_edit_context_update_read_only   (ShEditContext  *self);

/* The current row, from the store (convenience for sh_store_get). */
ShRecord      *sh_edit_context_get_row            (ShEditContext  *self,
                                                   const char     *table,
                                                   gint64          id,
                                                   GError        **error);

/* Saves one field; @value NULL (or an unset GValue) saves SQL NULL. */
gboolean       sh_edit_context_set_value          (ShEditContext  *self,
                                                   const char     *table,
                                                   gint64          id,
                                                   const char     *column,
                                                   const GValue   *value,
                                                   GError        **error);
gboolean       sh_edit_context_set_string         (ShEditContext  *self,
                                                   const char     *table,
                                                   gint64          id,
                                                   const char     *column,
                                                   const char     *value,
                                                   GError        **error);
gboolean       sh_edit_context_set_int            (ShEditContext  *self,
                                                   const char     *table,
                                                   gint64          id,
                                                   const char     *column,
                                                   gint64          value,
                                                   GError        **error);
gboolean       sh_edit_context_set_double         (ShEditContext  *self,
                                                   const char     *table,
                                                   gint64          id,
                                                   const char     *column,
                                                   double          value,
                                                   GError        **error);
/* Inserts @record (its id and uuid are set); returns the new id or 0. */
gint64         sh_edit_context_insert             (ShEditContext  *self,
                                                   ShRecord       *record,
                                                   GError        **error);
/* Deletes a row and what the database deletes with it; undo brings it
 * back (with a new id, see sh-undo.h). */
gboolean       sh_edit_context_delete             (ShEditContext  *self,
                                                   const char     *table,
                                                   gint64          id,
                                                   GError        **error);

/* Edits between begin and end undo as one step. */
void           sh_edit_context_begin_group        (ShEditContext  *self);
void           sh_edit_context_end_group          (ShEditContext  *self);
/* The next edit of a field starts a new undo step (call on focus-out). */
void           sh_edit_context_stop_merging       (ShEditContext  *self);

/* Asks every field to save what is typed in it now ("flush" signal). */
void           sh_edit_context_flush              (ShEditContext  *self);

/* Flush, then undo or redo one step; "failed" is emitted on failure. */
gboolean       sh_edit_context_undo               (ShEditContext  *self,
                                                   GError        **error);
gboolean       sh_edit_context_redo               (ShEditContext  *self,
                                                   GError        **error);
/* Also the "can-undo" and "can-redo" properties. */
gboolean       sh_edit_context_get_can_undo       (ShEditContext  *self);
gboolean       sh_edit_context_get_can_redo       (ShEditContext  *self);

/* Emits "failed" for an error met elsewhere on this page. */
void           sh_edit_context_report_error       (ShEditContext  *self,
                                                   const GError   *error);

G_END_DECLS
