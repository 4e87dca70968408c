/* sh-undo.h — undo and redo of the edits to one open assessment.
 *
 * The editor makes every change through an ShUndoStack instead of calling
 * the store directly: the stack performs the change (committed at once, as
 * every edit is) and remembers how to reverse it.
 *
 * What is recorded
 *  - Field edits: table, row, column, old and new value. Consecutive edits
 *    of the same field less than SH_UNDO_STACK_MERGE_USEC apart (measured
 *    from the previous edit) merge into one entry, so a word typed letter
 *    by letter undoes in one step; an edit that brings the field back to its
 *    original value removes the entry. sh_undo_stack_stop_merging() ends the
 *    merge early (call it when a field loses focus).
 *  - Row inserts: undo deletes the row (and anything added under it since);
 *    redo inserts it again.
 *  - Row deletes: before deleting, the stack captures the row, every row
 *    the database deletes with it (ON DELETE CASCADE, followed to any depth:
 *    a cp_option takes its option_cause, option_investment, option_saving,
 *    option_env_effect and ranking_score rows; a process_step its equipment
 *    and flows; a waste_stream its causes and their option_cause links; a
 *    ranking_criterion its scores), and every reference the database clears
 *    (ON DELETE SET NULL: action_item, monitoring_record and observation
 *    rows pointing at a deleted option; waste_stream, cp_option and
 *    observation rows pointing at a deleted step). Undo inserts them all
 *    again and restores the cleared references. The list of tables is read
 *    from the schema's foreign keys, so new tables are covered as they come.
 *
 * Identity. The store gives every inserted row a new id, so a row that is
 * deleted and brought back by undo has a new id (and the same uuid). Entries
 * therefore name rows, and rows they point to through foreign keys, by
 * uuid; the "changed" signal always carries the row's current id.
 *
 * Scope. A stack edits its assessment, the rows that belong to it, its
 * facility and the facility's rows (team, products, training): the things
 * the assessment editor shows. A facility's stack (the facility page's)
 * edits the facility and its own rows only: no assessment's rows. Anything
 * else is refused as SH_STORE_ERROR_INVALID, so one editor cannot damage
 * another assessment.
 *
 * Locks. (An assessment's stack.) While the assessment is finalized or submitted, every edit, undo
 * and redo fails with SH_STORE_ERROR_READ_ONLY and changes nothing; after
 * sh_store_reopen_assessment() the same history can be undone and redone
 * again (those changes then go into the audit trail like any other edit).
 *
 * Failures. An undo or redo runs in one transaction: if any part of it
 * fails, the database is rolled back and the entry stays where it was. A
 * failed edit records nothing.
 *
 * Groups. Edits between sh_undo_stack_begin_group() and
 * sh_undo_stack_end_group() (which nest) undo and redo as one step. Each
 * edit in a group is still saved at once. Undo and redo are not allowed
 * while a group is open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-store.h"

G_BEGIN_DECLS

#define SH_TYPE_UNDO_STACK (sh_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (ShUndoStack, sh_undo_stack, SH, UNDO_STACK, GObject)

/* Entries kept by default; the oldest are forgotten beyond it. */
#define SH_UNDO_STACK_DEFAULT_LIMIT 500
/* Edits of one field closer than this (µs) merge into one entry. */
#define SH_UNDO_STACK_MERGE_USEC (G_USEC_PER_SEC)

/* A monotonic clock in µs, for tests (default: g_get_monotonic_time). */
typedef gint64 (*ShUndoClockFunc) (gpointer user_data);

ShUndoStack *sh_undo_stack_new             (ShStore          *store,
                                            gint64            assessment_id,
                                            GError          **error);
/* The stack of a facility page: the facility and its own rows. */
ShUndoStack *sh_undo_stack_new_for_facility (ShStore         *store,
                                            gint64            facility_id,
                                            GError          **error);
ShStore     *sh_undo_stack_get_store       (ShUndoStack      *self);
/* 0 for a facility's stack. */
gint64       sh_undo_stack_get_assessment_id (ShUndoStack    *self);
gint64       sh_undo_stack_get_facility_id (ShUndoStack      *self);

/* Saves one field (as sh_store_update) and records the edit. Setting a
 * field to the value it has is not an edit and records nothing. */
gboolean     sh_undo_stack_set_field       (ShUndoStack      *self,
                                            const char       *table,
                                            gint64            id,
                                            const char       *column,
                                            const GValue     *value,
                                            GError          **error);
gboolean     sh_undo_stack_set_string      (ShUndoStack      *self,
                                            const char       *table,
                                            gint64            id,
                                            const char       *column,
                                            const char       *value,
                                            GError          **error);
gboolean     sh_undo_stack_set_int         (ShUndoStack      *self,
                                            const char       *table,
                                            gint64            id,
                                            const char       *column,
                                            gint64            value,
                                            GError          **error);
gboolean     sh_undo_stack_set_double      (ShUndoStack      *self,
                                            const char       *table,
                                            gint64            id,
                                            const char       *column,
                                            double            value,
                                            GError          **error);
gboolean     sh_undo_stack_set_null        (ShUndoStack      *self,
                                            const char       *table,
                                            gint64            id,
                                            const char       *column,
                                            GError          **error);

/* Inserts @record (as sh_store_insert, which sets its id and uuid) and
 * records it. Returns the new id, or 0 on failure. */
gint64       sh_undo_stack_insert          (ShUndoStack      *self,
                                            ShRecord         *record,
                                            GError          **error);
/* Deletes a row with everything the database deletes with it, and records
 * all of it. An assessment or a facility cannot be deleted here. */
gboolean     sh_undo_stack_delete          (ShUndoStack      *self,
                                            const char       *table,
                                            gint64            id,
                                            GError          **error);
/* sh_assessment_start_detailed() on this stack's (quick) assessment, as one
 * entry. Works on a finalized quick assessment too (it is only read), but
 * like every entry it can be undone only while the quick one is a draft.
 * Undo deletes the new detailed assessment, and is refused if anything in
 * it was changed since, so no work in it can be lost by an undo. */
gboolean     sh_undo_stack_start_detailed  (ShUndoStack      *self,
                                            gint64           *new_id,
                                            GError          **error);

void         sh_undo_stack_begin_group     (ShUndoStack      *self);
void         sh_undo_stack_end_group       (ShUndoStack      *self);
/* The next field edit starts a new entry even if it is quick. */
void         sh_undo_stack_stop_merging    (ShUndoStack      *self);

gboolean     sh_undo_stack_undo            (ShUndoStack      *self,
                                            GError          **error);
gboolean     sh_undo_stack_redo            (ShUndoStack      *self,
                                            GError          **error);
gboolean     sh_undo_stack_get_can_undo    (ShUndoStack      *self);
gboolean     sh_undo_stack_get_can_redo    (ShUndoStack      *self);
/* Entries (a group counts as one) that undo could take back. */
guint        sh_undo_stack_get_n_undo      (ShUndoStack      *self);
guint        sh_undo_stack_get_n_redo      (ShUndoStack      *self);

guint        sh_undo_stack_get_limit       (ShUndoStack      *self);
void         sh_undo_stack_set_limit       (ShUndoStack      *self,
                                            guint             limit);
void         sh_undo_stack_set_clock       (ShUndoStack      *self,
                                            ShUndoClockFunc   clock,
                                            gpointer          user_data);

G_END_DECLS
