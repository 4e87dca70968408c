/* sh-import-dialog.h — importing XML reports, with progress and a summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-report-import.h"
#include "sh-store.h"

G_BEGIN_DECLS

#define SH_TYPE_IMPORT_DIALOG (sh_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ShImportDialog, sh_import_dialog, SH, IMPORT_DIALOG, GtkWindow)

/* A dialog that imports into the database of @store. */
GtkWidget   *sh_import_dialog_new           (GtkWindow      *parent,
                                             ShStore        *store);
/* Starts importing @files (GFile), one after the other, in a worker thread.
 * The dialog shows "file k of n", then the outcome of every file, and
 * emits ::finished. Call it once. */
void         sh_import_dialog_start         (ShImportDialog *self,
                                             GSList         *files);
gboolean     sh_import_dialog_is_running    (ShImportDialog *self);
/* After ::finished: one ShReportImportResult per file, in order (files not
 * reached after "Stop" are left out), and the counts in words. */
GPtrArray   *sh_import_dialog_get_results   (ShImportDialog *self);
const char  *sh_import_dialog_get_summary   (ShImportDialog *self);
/* How many files changed the database (imported or replaced). */
guint        sh_import_dialog_get_n_changed (ShImportDialog *self);

G_END_DECLS
