/* sh-summary-private.h — read snapshots shared by the summary and the reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-store.h"

G_BEGIN_DECLS

/* Outside a transaction SQLite takes and drops its shared lock (several
 * fcntl calls and a look at the WAL index) around every statement; a
 * computation that runs thousands of small queries spends most of its time
 * there. A read snapshot holds the lock once and lets every query see the
 * same state of the file. It is a deferred BEGIN, so writers elsewhere are
 * not blocked (WAL); it does nothing when a transaction is already open.
 * Nothing may be written through @store while the snapshot is open.
 *
 * Returns FALSE with @error set if the snapshot could not be opened;
 * *@out_began tells sh_summary_read_end() whether there is one to close. */
gboolean     sh_summary_read_begin        (ShStore      *store,
                                           gboolean     *out_began,
                                           GError      **error);
void         sh_summary_read_end          (ShStore      *store,
                                           gboolean      began);

G_END_DECLS
