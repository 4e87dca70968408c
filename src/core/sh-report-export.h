/* sh-report-export.h — writing the XML reports of a facility.
 *
 * Each function writes one document to @path: it is built from the
 * database, validated against the schema and the semantic checks, written
 * to a temporary file next to @path and renamed over it, so a crash never
 * leaves half a file. The export is logged as "sent" in the submission
 * table with the document's revision (see docs/report-format.md).
 *
 * When data needed for a valid document is missing or wrong, nothing is
 * written and the error is SH_REPORT_ERROR_INCOMPLETE; its message lists
 * every problem in words, and @out_problems (if not NULL) receives them as
 * ShReportProblems. The functions keep no global state and may run in a
 * GTask thread with their own ShStore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-report-common.h"
#include "sh-store.h"
#include "sh-units.h"

G_BEGIN_DECLS

/* The annual CP effectiveness report (BaoCaoSXSH) of @facility_id for
 * @year. The facility needs an annual_report row for that year. */
gboolean     sh_report_export_annual      (ShStore      *store,
                                           ShUnits      *units,
                                           gint64        facility_id,
                                           int           year,
                                           const char   *path,
                                           GPtrArray   **out_problems,
                                           GError      **error);

/* The dossier (HoSoDanhGiaSXSH) of @assessment_id, with the earlier
 * assessments of the same facility it builds on. */
gboolean     sh_report_export_dossier     (ShStore      *store,
                                           ShUnits      *units,
                                           gint64        assessment_id,
                                           const char   *path,
                                           GPtrArray   **out_problems,
                                           GError      **error);

G_END_DECLS
