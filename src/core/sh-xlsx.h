/* sh-xlsx.h — worksheets and the provincial roll-up as Excel workbooks.
 *
 * DoIT staff and consultants work in Excel. An assessment is written as one
 * sheet per worksheet that holds data (team, process steps, production and
 * consumption, specific consumption, waste streams, flows, balances, causes,
 * options, economics, ranking, action plan, monitoring; for a quick
 * assessment the facility, consumption, checklist, observations and quick
 * wins); the roll-up as its indicators against the province's targets and
 * the facilities behind them. Headers are in the program's language;
 * numbers are stored as numbers (money as whole đồng, percentages as
 * fractions shown with %), dates as dates.
 *
 * A workbook is written to a temporary file beside @path and renamed over
 * it at the end, so a failure never leaves half a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-report-rollup.h"
#include "sh-store.h"

G_BEGIN_DECLS

#define SH_XLSX_ERROR (sh_xlsx_error_quark ())

typedef enum
{
  SH_XLSX_ERROR_NOT_FOUND,  /* no such assessment */
  SH_XLSX_ERROR_IO,         /* the file cannot be written */
  SH_XLSX_ERROR_FAILED,     /* the workbook could not be built */
} ShXlsxError;

GQuark       sh_xlsx_error_quark          (void);

/* Whether @path names an .xlsx file (by its extension, any case). */
gboolean     sh_xlsx_path_is_xlsx         (const char  *path);

gboolean     sh_xlsx_write_assessment     (ShStore     *store,
                                           gint64       assessment_id,
                                           const char  *path,
                                           GError     **error);

/* The roll-up of @province_code (2 digits) for @year, as computed by
 * sh_report_rollup_compute() with nothing declared by the DoIT. */
gboolean     sh_xlsx_write_rollup         (ShStore     *store,
                                           const char  *province_code,
                                           int          year,
                                           const char  *path,
                                           GError     **error);
/* The same with what the DoIT declares (the total number of facilities,
 * models, staff, budgets); @out_rollup, if not NULL, receives the numbers. */
gboolean     sh_xlsx_write_rollup_full    (ShStore                    *store,
                                           const ShReportRollupParams *params,
                                           const char                 *path,
                                           ShReportRollup            **out_rollup,
                                           GError                    **error);

G_END_DECLS
