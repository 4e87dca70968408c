/* sh-report-import.h — reading XML reports into the database.
 *
 * Each file is validated completely (see sh-report-validate.h) before
 * anything is written, then written in one transaction: a file that is
 * refused, for any reason, changes nothing.
 *
 * Records are matched by UUID: a record the database has is updated to the
 * document's values, one it lacks is added. Within the subject of a
 * document (the assessments of a dossier, the annual report and what it
 * lists) the document is complete, so child records it no longer lists are
 * removed; an annual report lists only some options, steps and training of
 * an assessment, so those lists are left alone. Finalized assessments are
 * reopened for the change, with the import as the reason in their audit
 * trail, and finalized again if the document says so.
 *
 * A document whose UUID was imported before is reported as already there,
 * as is one with the same content under another UUID. A newer revision
 * (LanBanHanh) of a subject replaces the older one and the change is
 * logged; an older or equal revision is refused.
 *
 * Roll-ups are validated but not imported: they are the ministry's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sh-report-common.h"
#include "sh-store.h"
#include "sh-units.h"

G_BEGIN_DECLS

typedef enum
{
  SH_REPORT_IMPORT_IMPORTED,   /* new to this database */
  SH_REPORT_IMPORT_REPLACED,   /* a newer revision replaced what was here */
  SH_REPORT_IMPORT_UNCHANGED,  /* already here: nothing was written */
  SH_REPORT_IMPORT_REFUSED,    /* invalid, unsafe, older, or in conflict: nothing was written */
} ShReportImportStatus;

typedef struct
{
  char                 *file_name;
  ShReportImportStatus  status;
  ShReportKind          kind;
  char                 *document_uuid;     /* NULL if the file could not be read */
  char                 *subject_uuid;
  gint64                revision;
  gint64                previous_revision; /* the highest one logged before, 0 if none */
  guint                 n_inserted;
  guint                 n_updated;
  guint                 n_deleted;
  char                 *summary;           /* one line in words */
  GPtrArray            *problems;          /* ShReportProblem: why refused, and warnings */
} ShReportImportResult;

void                  sh_report_import_result_free (ShReportImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShReportImportResult, sh_report_import_result_free)

/* Imports one document held in memory, called @name in messages. @units
 * may be NULL for sh_units_get_default(). Never returns NULL. */
ShReportImportResult *sh_report_import_bytes       (ShStore      *store,
                                                    ShUnits      *units,
                                                    GBytes       *bytes,
                                                    const char   *name);
ShReportImportResult *sh_report_import_file        (ShStore      *store,
                                                    ShUnits      *units,
                                                    const char   *path);
/* Imports @paths one after the other, each all or nothing (a savepoint of
 * its own; files are committed to disk in batches, so a crash may leave
 * out the last batch, never part of a file); stops before the next file
 * when @cancellable is cancelled. Element type:
 * ShReportImportResult, one per file imported or refused. */
GPtrArray            *sh_report_import_files       (ShStore             *store,
                                                    ShUnits             *units,
                                                    const char * const  *paths,
                                                    GCancellable        *cancellable);

G_END_DECLS
