/* sh-store-private.h — for core modules that need SQL beyond records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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

/* For tests of migration itself: open with a custom list of migration
 * scripts (NULL-terminated, index 0 is version 1). */
ShStore     *sh_store_open_with_migrations (const char        *path,
                                            const char *const *migrations,
                                            GError           **error);

G_END_DECLS
