/* sh-store-private.h — for core modules that need SQL beyond records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdarg.h>

#include <sqlite3.h>

#include "sh-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The connection, for read queries in the core (summaries, exports). Writes
 * go through the record API so the audit trail and locks hold. */
sqlite3     *sh_store_get_db              (ShStore      *self);

/* A cached prepared statement; reset before it is returned. Owned by the
 * store: do not finalize it. */
sqlite3_stmt *sh_store_prepare            (ShStore      *self,
                                           const char   *sql,
                                           GError      **error);

/* Turns the connection's last error into a GError in SH_STORE_ERROR. */
void         sh_store_set_sqlite_error    (ShStore      *self,
                                           int           rc,
                                           GError      **error,
                                           const char   *what);

/* Inserts one row from typed name/value pairs, NULL-terminated. The type
 * prefix of each name says how to read its value: "s:" const char *,
 * "i:" int, "m:" gint64 (money in đồng), "d:" double, "r:" gint64 id of
 * another record where 0 means none (NULL). For core code that writes many
 * rows (the demo, the generator); a wrong prefix is a programming error.
 * @uuid may be NULL for a random one. Returns the new id, 0 on error. */
gint64       sh_store_insert_fields       (ShStore      *self,
                                           GError      **error,
                                           const char   *table,
                                           const char   *uuid,
                                           ...) G_GNUC_NULL_TERMINATED;
gint64       sh_store_insert_fields_valist (ShStore     *self,
                                           GError      **error,
                                           const char   *table,
                                           const char   *uuid,
                                           va_list       args);

/* For tests of migration itself: open with a custom list of migration
 * scripts (NULL-terminated, index 0 is version 1). */
ShStore     *sh_store_open_with_migrations (const char        *path,
                                            const char *const *migrations,
                                            GError           **error);

G_END_DECLS
