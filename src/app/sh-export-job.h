/* sh-export-job.h — writing an XML report from the app.
 *
 * The three reports (the annual report of a facility, the dossier of an
 * assessment, the roll-up of a province) are written by the core, which
 * builds the document, validates it and writes it to a temporary file that
 * is renamed over the chosen one. The worksheets of an assessment and the
 * roll-up also go to Excel workbooks (.xlsx, sh-xlsx.h), the same way. Here that runs in a worker thread on a
 * connection of its own, and the outcome is shown to the person: where the
 * file went, or the list of what is missing, in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-store.h"

G_BEGIN_DECLS

typedef enum
{
  SH_EXPORT_ANNUAL,   /* @id is a facility, with @year */
  SH_EXPORT_DOSSIER,  /* @id is an assessment */
  SH_EXPORT_ROLLUP,   /* @province_code and @year */
  SH_EXPORT_WORKBOOK, /* .xlsx: @id is an assessment */
  SH_EXPORT_ROLLUP_WORKBOOK, /* .xlsx: @province_code and @year */
} ShExportKind;

/* Writes the document to @path in a worker thread that opens the database
 * of @store on a connection of its own. */
void         sh_export_job_run_async     (ShStore             *store,
                                          ShExportKind         kind,
                                          gint64               id,
                                          const char          *province_code,
                                          int                  year,
                                          const char          *path,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* FALSE with @error set when nothing was written; @out_problems then holds
 * what is missing (ShReportProblem), possibly none for an I/O error. */
gboolean     sh_export_job_run_finish    (GAsyncResult        *result,
                                          GPtrArray          **out_problems,
                                          GError             **error);

/* Runs the export and then presents its outcome in a message dialog
 * transient for @parent (see sh_export_job_outcome_dialog()). */
void         sh_export_job_run_and_report (GtkWindow          *parent,
                                           ShStore            *store,
                                           ShExportKind        kind,
                                           gint64              id,
                                           const char         *province_code,
                                           int                 year,
                                           GFile              *file);

/* A save dialog for a report, with @suggested_name filled in (its
 * extension, .xml or .xlsx, picks the file filter). The caller connects
 * to "response" and unrefs it afterwards. */
GtkFileChooserNative *sh_export_job_new_chooser (GtkWindow   *parent,
                                                 const char  *title,
                                                 const char  *suggested_name);

/* The message dialog for an outcome: what was written where, or why not. */
GtkWidget   *sh_export_job_outcome_dialog (GtkWindow          *parent,
                                           ShExportKind        kind,
                                           const char         *path,
                                           GPtrArray          *problems,
                                           const GError       *error);

/* The file name offered for a report, e.g.
 * "bao-cao-sxsh-2024-nha-may-tinh-bot-san-dak-to.xml". */
char        *sh_export_job_suggest_name  (ShStore             *store,
                                          ShExportKind         kind,
                                          gint64               id,
                                          const char          *province_code,
                                          int                  year);

/* Asks where to write the report (a save dialog with the suggested name),
 * then runs sh_export_job_run_and_report(). */
void         sh_export_job_choose_and_run (GtkWindow          *parent,
                                           ShStore            *store,
                                           ShExportKind        kind,
                                           gint64              id,
                                           const char         *province_code,
                                           int                 year);

/* The same for the annual report of @facility_id, with the year chosen in
 * the save dialog among the years it has a report for (the latest first).
 * Without any, says that a report must be added first. */
void         sh_export_job_choose_annual  (GtkWindow          *parent,
                                           ShStore            *store,
                                           gint64              facility_id);

/* A file name safe on every system: lower-case ASCII letters, digits and
 * dashes, the Vietnamese marks taken off ("Nhà máy Đắk Tô" → "nha-may-dak-to"). */
char        *sh_export_job_slug          (const char          *text);

G_END_DECLS
