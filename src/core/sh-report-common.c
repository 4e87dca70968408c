/* sh-report-common.c — what the XML report writer, validator and importer share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sh-report-common.h"

G_DEFINE_QUARK (sh-report-error-quark, sh_report_error)

static const struct
{
  ShReportKind  kind;
  const char   *name;
  const char   *root;
} kinds[] = {
  { SH_REPORT_KIND_ANNUAL, "annual", "BaoCaoSXSH" },
  { SH_REPORT_KIND_DOSSIER, "dossier", "HoSoDanhGiaSXSH" },
  { SH_REPORT_KIND_ROLLUP, "rollup", "BaoCaoTongHopSXSH" },
};

const char *
sh_report_kind_to_string (ShReportKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return kinds[i].name;

  return "unknown";
}

ShReportKind
sh_report_kind_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].name, text) == 0)
      return kinds[i].kind;

  return SH_REPORT_KIND_UNKNOWN;
}

const char *
sh_report_kind_get_root (ShReportKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return kinds[i].root;

  return NULL;
}

const char *
sh_report_kind_get_label (ShReportKind kind)
{
  switch (kind)
    {
    case SH_REPORT_KIND_ANNUAL:
      return _("annual CP effectiveness report");
    case SH_REPORT_KIND_DOSSIER:
      return _("assessment dossier");
    case SH_REPORT_KIND_ROLLUP:
      return _("provincial roll-up");
    case SH_REPORT_KIND_UNKNOWN:
    default:
      return _("unknown document");
    }
}

ShReportProblem *
sh_report_problem_new (ShReportSeverity  severity,
                       int               line,
                       const char       *where,
                       const char       *format,
                       ...)
{
  ShReportProblem *problem;
  va_list args;

  g_return_val_if_fail (format != NULL, NULL);

  problem = g_new0 (ShReportProblem, 1);
  problem->severity = severity;
  problem->line = MAX (line, 0);
  problem->where = g_strdup (where);
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  return problem;
}

void
sh_report_problem_free (ShReportProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->where);
  g_free (problem->message);
  g_free (problem);
}

char *
sh_report_problem_to_string (const ShReportProblem *problem,
                             const char            *file_name)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (problem != NULL, NULL);

  if (file_name != NULL)
    g_string_append_printf (text, "%s:", file_name);
  if (problem->line > 0)
    g_string_append_printf (text, "%d:", problem->line);
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, problem->severity == SH_REPORT_SEVERITY_ERROR ? _("error") : _("warning"));
  g_string_append (text, ": ");
  g_string_append (text, problem->message);
  if (problem->where != NULL)
    g_string_append_printf (text, " [%s]", problem->where);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

GPtrArray *
sh_report_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) sh_report_problem_free);
}

guint
sh_report_problems_count (GPtrArray        *problems,
                          ShReportSeverity  severity)
{
  guint n = 0;

  g_return_val_if_fail (problems != NULL, 0);

  for (guint i = 0; i < problems->len; i++)
    if (((ShReportProblem *) problems->pdata[i])->severity == severity)
      n++;

  return n;
}
