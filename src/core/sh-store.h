/* sh-store.h — the local database: one SQLite file per user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sh-record.h"

G_BEGIN_DECLS

#define SH_STORE_ERROR (sh_store_error_quark ())

typedef enum
{
  SH_STORE_ERROR_OPEN,        /* the file cannot be opened or created */
  SH_STORE_ERROR_CORRUPT,     /* not an SQLite file, or quick_check failed */
  SH_STORE_ERROR_TOO_NEW,     /* written by a newer version of Sạch Hơn */
  SH_STORE_ERROR_LOCKED,      /* another program holds the database */
  SH_STORE_ERROR_NOT_FOUND,   /* no record with that id */
  SH_STORE_ERROR_INVALID,     /* unknown table or column, or a value the schema refuses */
  SH_STORE_ERROR_READ_ONLY,   /* the assessment is finalized; reopen it first */
  SH_STORE_ERROR_IO,          /* disk full, read-only medium, I/O error */
  SH_STORE_ERROR_FAILED,
} ShStoreError;

/* The schema version this build writes (PRAGMA user_version). */
#define SH_STORE_SCHEMA_VERSION 5

#define SH_TYPE_STORE (sh_store_get_type ())

G_DECLARE_FINAL_TYPE (ShStore, sh_store, SH, STORE, GObject)

GQuark       sh_store_error_quark         (void);

/* $SACHHON_DB if set, else $XDG_DATA_HOME/sachhon/sachhon.db. */
char        *sh_store_default_path        (void);

/* Opens (creating if needed) and migrates the database at @path. */
ShStore     *sh_store_open                (const char   *path,
                                           GError      **error);
const char  *sh_store_get_path            (ShStore      *self);
int          sh_store_get_schema_version  (ShStore      *self);
/* The backup written before the last migration of this session, or NULL. */
const char  *sh_store_get_backup_path     (ShStore      *self);
/* The newest backup next to @path (for error messages), or NULL. */
char        *sh_store_find_latest_backup  (const char   *path);
/* Writes a consistent copy of the whole database to @dest. */
gboolean     sh_store_backup_to           (ShStore      *self,
                                           const char   *dest,
                                           GError      **error);

/* Who is editing, for the audit trail (defaults to the login name). */
void         sh_store_set_user            (ShStore      *self,
                                           const char   *user);
const char  *sh_store_get_user            (ShStore      *self);

/* Transactions nest: only the outermost commit reaches the disk. */
gboolean     sh_store_begin               (ShStore      *self,
                                           GError      **error);
gboolean     sh_store_commit              (ShStore      *self,
                                           GError      **error);
void         sh_store_rollback            (ShStore      *self);

/* Records. Table and column names are checked against the schema. */
gint64       sh_store_insert              (ShStore      *self,
                                           ShRecord     *record,
                                           GError      **error);
ShRecord    *sh_store_get                 (ShStore      *self,
                                           const char   *table,
                                           gint64        id,
                                           GError      **error);
/* Rows of @table whose @column equals @value (all rows if @column is NULL),
 * ordered by seq when the table has one, else by id. Element type: ShRecord. */
GPtrArray   *sh_store_list                (ShStore      *self,
                                           const char   *table,
                                           const char   *column,
                                           gint64        value,
                                           GError      **error);
gboolean     sh_store_delete              (ShStore      *self,
                                           const char   *table,
                                           gint64        id,
                                           GError      **error);

/* One field edit, committed at once (the app autosaves every field).
 * @old_value, when not NULL, receives the value it replaced (for undo). */
gboolean     sh_store_update              (ShStore      *self,
                                           const char   *table,
                                           gint64        id,
                                           const char   *column,
                                           const GValue *value,
                                           GValue       *old_value,
                                           GError      **error);
gboolean     sh_store_set_string          (ShStore      *self,
                                           const char   *table,
                                           gint64        id,
                                           const char   *column,
                                           const char   *value,
                                           GError      **error);
gboolean     sh_store_set_int             (ShStore      *self,
                                           const char   *table,
                                           gint64        id,
                                           const char   *column,
                                           gint64        value,
                                           GError      **error);
gboolean     sh_store_set_double          (ShStore      *self,
                                           const char   *table,
                                           gint64        id,
                                           const char   *column,
                                           double        value,
                                           GError      **error);
gboolean     sh_store_set_null            (ShStore      *self,
                                           const char   *table,
                                           gint64        id,
                                           const char   *column,
                                           GError      **error);

/* The assessment a row belongs to (itself for an assessment), 0 if none. */
gint64       sh_store_owner_assessment    (ShStore      *self,
                                           const char   *table,
                                           gint64        id,
                                           GError      **error);
/* Finalized and submitted assessments are read-only until reopened. */
gboolean     sh_store_is_assessment_locked (ShStore     *self,
                                           gint64        assessment_id);
gboolean     sh_store_finalize_assessment (ShStore      *self,
                                           gint64        assessment_id,
                                           GError      **error);
/* Reopening needs a non-empty @reason; it is kept in the audit trail and
 * applies to every change until the assessment is finalized again. */
gboolean     sh_store_reopen_assessment   (ShStore      *self,
                                           gint64        assessment_id,
                                           const char   *reason,
                                           GError      **error);
/* Audit rows (table "audit_log") of one assessment, oldest first. */
GPtrArray   *sh_store_list_audit          (ShStore      *self,
                                           gint64        assessment_id,
                                           GError      **error);

/* Runs PRAGMA quick_check over the whole file at @path on a connection of
 * its own (safe in a worker thread while the file is in use). Opening a
 * store checks the whole file only after an unclean shutdown; the app runs
 * this in the background after it starts. */
gboolean     sh_store_check_file          (const char    *path,
                                           GCancellable  *cancellable,
                                           GError       **error);

/* Whole-database checks. */
gboolean     sh_store_integrity_check     (ShStore      *self,
                                           GError      **error);

G_END_DECLS
