/* sh-report-common.h — what the XML report writer, validator and importer share.
 *
 * Sạch Hơn publishes its own XML format for cleaner-production reports
 * (data/schema/report-1.0.xsd, docs/report-format.md): the annual report a
 * facility sends to its DoIT, the dossier of an assessment, and the DoIT's
 * provincial roll-up. Problems found in a document, or data missing for one,
 * are reported as a list of ShReportProblem, each in words and, where it has
 * one, with the line of the file it is about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SH_REPORT_ERROR (sh_report_error_quark ())

typedef enum
{
  SH_REPORT_ERROR_INCOMPLETE,  /* data is missing or wrong for a valid document; see the problems */
  SH_REPORT_ERROR_NOT_FOUND,   /* no such facility, assessment or annual report */
  SH_REPORT_ERROR_INVALID,     /* the document does not validate */
  SH_REPORT_ERROR_IO,          /* the file cannot be written */
  SH_REPORT_ERROR_FAILED,
} ShReportError;

/* The namespace carries the major version; PhienBanLuocDo the full one. */
#define SH_REPORT_NAMESPACE        "urn:sachhon:report:1"
#define SH_REPORT_SCHEMA_VERSION   "1.0"
#define SH_REPORT_SCHEMA_RESOURCE  "/org/sachhon/SachHon/core/schema/report-1.0.xsd"

/* Files larger than this are refused before they are read. A dossier of a
 * large detailed assessment is well under 1 MB (evidence files are referred
 * to by their hash, not included). */
#define SH_REPORT_MAX_FILE_SIZE    (16 * 1024 * 1024)

typedef enum
{
  SH_REPORT_KIND_UNKNOWN,
  SH_REPORT_KIND_ANNUAL,   /* BaoCaoSXSH: báo cáo đánh giá hiệu quả áp dụng SXSH hằng năm */
  SH_REPORT_KIND_DOSSIER,  /* HoSoDanhGiaSXSH: hồ sơ đợt đánh giá */
  SH_REPORT_KIND_ROLLUP,   /* BaoCaoTongHopSXSH: báo cáo tổng hợp của Sở Công Thương */
} ShReportKind;

typedef enum
{
  SH_REPORT_SEVERITY_ERROR,    /* the document is refused */
  SH_REPORT_SEVERITY_WARNING,  /* worth reading, but the document stands */
} ShReportSeverity;

typedef struct
{
  ShReportSeverity  severity;
  int               line;     /* 1-based line in the file, 0 when not located */
  char             *where;    /* element path ("BaoCaoSXSH/CoSo/MaSoThue"), or NULL */
  char             *message;  /* in words, translated */
} ShReportProblem;

GQuark           sh_report_error_quark          (void);

/* "annual", "dossier", "rollup": the document_type stored in the submission log. */
const char      *sh_report_kind_to_string       (ShReportKind      kind);
ShReportKind     sh_report_kind_from_string     (const char       *text);
/* The kind in words, for people. */
const char      *sh_report_kind_get_label       (ShReportKind      kind);
/* The root element of a document of @kind. */
const char      *sh_report_kind_get_root        (ShReportKind      kind);

ShReportProblem *sh_report_problem_new          (ShReportSeverity  severity,
                                                 int               line,
                                                 const char       *where,
                                                 const char       *format,
                                                 ...) G_GNUC_PRINTF (4, 5);
void             sh_report_problem_free         (ShReportProblem  *problem);
/* "file.xml:12: error: message" (GNU style), for terminals and logs. */
char            *sh_report_problem_to_string    (const ShReportProblem *problem,
                                                 const char       *file_name);

/* An empty list that frees its ShReportProblems. */
GPtrArray       *sh_report_problems_new         (void);
guint            sh_report_problems_count       (GPtrArray        *problems,
                                                 ShReportSeverity  severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShReportProblem, sh_report_problem_free)

G_END_DECLS
