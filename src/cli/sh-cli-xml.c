/* sh-cli-xml.c — export, validate, import and rollup: the XML reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sh-cli.h"
#include "sh-format.h"
#include "sh-report-export.h"
#include "sh-report-import.h"
#include "sh-report-rollup.h"
#include "sh-report-validate.h"
#include "sh-xlsx.h"

static gboolean
parse_year (const char *command,
            const char *text,
            int        *out_year,
            int        *status)
{
  gint64 year = 0;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 2000, 2100, &year, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a year between 2000 and 2100."), text ? text : "");

      *status = sh_cli_usage_error (command, message);
      return FALSE;
    }

  *out_year = (int) year;
  return TRUE;
}

/* A whole number ≥ 0 given as an option, or -1 when the option is absent. */
static gboolean
parse_count (const char *command,
             const char *option,
             const char *text,
             gint64     *out_value,
             int        *status)
{
  guint64 value = 0;

  *out_value = -1;
  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &value, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("%s needs a whole number ≥ 0, not “%s”."), option, text);

      *status = sh_cli_usage_error (command, message);
      return FALSE;
    }

  *out_value = (gint64) value;
  return TRUE;
}

/* --format xml|xlsx, or the extension of @output when not given. */
static gboolean
parse_format (const char *command,
              const char *format,
              const char *output,
              gboolean   *out_xlsx,
              int        *status)
{
  if (format == NULL)
    {
      *out_xlsx = output != NULL && sh_xlsx_path_is_xlsx (output);
      return TRUE;
    }

  if (g_ascii_strcasecmp (format, "xml") != 0 && g_ascii_strcasecmp (format, "xlsx") != 0)
    {
      g_autofree char *message = g_strdup_printf (_("--format is xml or xlsx, not “%s”."), format);

      *status = sh_cli_usage_error (command, message);
      return FALSE;
    }

  *out_xlsx = g_ascii_strcasecmp (format, "xlsx") == 0;
  return TRUE;
}

static void
print_problems (GPtrArray  *problems,
                const char *file_name,
                const char *indent)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = sh_report_problem_to_string (problems->pdata[i], file_name);

      g_print ("%s%s\n", indent, line);
    }
}

/* -------------------------------------------------------------------------
 * export
 * ------------------------------------------------------------------------- */

int
sh_cli_command_export (ShCli *cli,
                       int    argc,
                       char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *output = NULL;
  g_autofree char *annual = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the document to FILE (an Excel workbook if FILE ends in .xlsx)"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("xml or xlsx (default: by the extension of FILE)"), N_("FORMAT") },
    { "annual", 0, 0, G_OPTION_ARG_STRING, &annual,
      N_("Write the annual CP report of this facility instead of a dossier"), N_("FACILITY") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year of the annual report"), N_("YEAR") },
    { NULL }
  };
  gboolean written;
  gboolean xlsx = FALSE;
  gint64 id = 0;
  int year = 0;
  int status = 0;

  if (!sh_cli_parse_options ("export", "[ASSESSMENT]", entries, &argc, &argv, &status))
    return status;
  if (output == NULL)
    return sh_cli_usage_error ("export", _("Say where to write the document with -o FILE."));
  if (!parse_format ("export", format, output, &xlsx, &status))
    return status;
  if (xlsx && annual != NULL)
    return sh_cli_usage_error ("export", _("The annual report is written as XML only; give an assessment for a workbook."));

  if (annual != NULL)
    {
      if (argc > 1)
        return sh_cli_usage_error ("export", _("--annual takes a facility; give no assessment."));
      if (year_text == NULL)
        return sh_cli_usage_error ("export", _("--annual needs --year YEAR."));
      if (!sh_cli_parse_id ("export", annual, &id, &status) ||
          !parse_year ("export", year_text, &year, &status))
        return status;
    }
  else
    {
      if (argc != 2)
        return sh_cli_usage_error ("export", _("Give one assessment (or --annual FACILITY --year YEAR)."));
      if (year_text != NULL)
        return sh_cli_usage_error ("export", _("--year goes with --annual."));
      if (!sh_cli_parse_id ("export", argv[1], &id, &status))
        return status;
    }

  if (!sh_cli_open_store (cli, &error))
    return sh_cli_fail (error);

  if (xlsx)
    {
      if (!sh_xlsx_write_assessment (cli->store, id, output, &error))
        return sh_cli_fail (error);

      g_print (_("Wrote the worksheets of assessment %" PRId64 " to %s.\n"), id, output);
      return EXIT_SUCCESS;
    }

  if (annual != NULL)
    written = sh_report_export_annual (cli->store, sh_units_get_default (), id, year, output, &problems, &error);
  else
    written = sh_report_export_dossier (cli->store, sh_units_get_default (), id, output, &problems, &error);

  if (!written)
    return sh_cli_fail (error);

  if (annual != NULL)
    g_print (_("Wrote the annual report %d of facility %" PRId64 " to %s.\n"), year, id, output);
  else
    g_print (_("Wrote the dossier of assessment %" PRId64 " to %s.\n"), id, output);
  return EXIT_SUCCESS;
}

/* -------------------------------------------------------------------------
 * validate
 * ------------------------------------------------------------------------- */

int
sh_cli_command_validate (ShCli *cli,
                         int    argc,
                         char **argv)
{
  guint valid = 0;
  guint invalid = 0;
  int status = 0;

  if (!sh_cli_parse_options ("validate", "FILE…", NULL, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return sh_cli_usage_error ("validate", _("Give at least one file to check."));

  /* Validation reads files only: it needs no database. */
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      ShReportKind kind = SH_REPORT_KIND_UNKNOWN;

      problems = sh_report_validate_file (sh_units_get_default (), argv[i], &kind);
      print_problems (problems, argv[i], "");

      if (sh_report_problems_count (problems, SH_REPORT_SEVERITY_ERROR) == 0)
        {
          valid++;
          g_print (_("%s: valid (%s).\n"), argv[i], sh_report_kind_get_label (kind));
        }
      else
        {
          invalid++;
          g_print (_("%s: INVALID.\n"), argv[i]);
        }
    }

  g_print (_("%u valid, %u invalid\n"), valid, invalid);
  return invalid > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* -------------------------------------------------------------------------
 * import
 * ------------------------------------------------------------------------- */

static const char *
import_status_label (ShReportImportStatus status)
{
  switch (status)
    {
    case SH_REPORT_IMPORT_IMPORTED:
      return _("imported");
    case SH_REPORT_IMPORT_REPLACED:
      return _("replaced");
    case SH_REPORT_IMPORT_UNCHANGED:
      return _("already here");
    case SH_REPORT_IMPORT_REFUSED:
      return _("REFUSED");
    default:
      g_return_val_if_reached (NULL);
    }
}

int
sh_cli_command_import (ShCli *cli,
                       int    argc,
                       char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  guint counts[SH_REPORT_IMPORT_REFUSED + 1] = { 0 };
  int status = 0;

  if (!sh_cli_parse_options ("import", "FILE…", NULL, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return sh_cli_usage_error ("import", _("Give at least one file to import."));

  if (!sh_cli_open_store (cli, &error))
    return sh_cli_fail (error);

  results = sh_report_import_files (cli->store, sh_units_get_default (), (const char * const *) argv + 1, NULL);
  for (guint i = 0; i < results->len; i++)
    {
      const ShReportImportResult *r = results->pdata[i];

      counts[r->status]++;
      g_print ("%s: %s — %s\n", argv[i + 1], import_status_label (r->status), r->summary);
      print_problems (r->problems, NULL, "    ");
    }

  g_print (_("Imported: %u, replaced: %u, already here: %u, refused: %u\n"),
           counts[SH_REPORT_IMPORT_IMPORTED], counts[SH_REPORT_IMPORT_REPLACED],
           counts[SH_REPORT_IMPORT_UNCHANGED], counts[SH_REPORT_IMPORT_REFUSED]);
  return counts[SH_REPORT_IMPORT_REFUSED] > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* -------------------------------------------------------------------------
 * rollup
 * ------------------------------------------------------------------------- */

static void
print_share (const char *label,
             gint64      count,
             gint64      total)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *number = g_strdup_printf ("%" PRId64, count);
  g_autofree char *percent = NULL;
  double value;

  if (sh_report_rollup_percent (count, total, &value))
    percent = sh_format_percent (value, 2, SH_NUMBER_STYLE_VI);

  sh_cli_print_cell (line, label, 44);
  sh_cli_print_cell_right (line, number, 6);
  sh_cli_print_cell_right (line, percent ? percent : "—", 9);
  sh_cli_print_line (line);
}

int
sh_cli_command_rollup (ShCli *cli,
                       int    argc,
                       char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShReportRollup) rollup = NULL;
  g_autofree char *province = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *total = NULL;
  g_autofree char *models = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *central = NULL;
  g_autofree char *local = NULL;
  g_autofree char *other = NULL;
  g_autofree char *difficulties = NULL;
  g_autofree char *proposals = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "province", 0, 0, G_OPTION_ARG_STRING, &province, N_("Province code (2 digits)"), N_("CODE") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("Year"), N_("YEAR") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Also write the roll-up document to FILE (an Excel workbook if FILE ends in .xlsx)"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("xml or xlsx (default: by the extension of FILE)"), N_("FORMAT") },
    { "total", 0, 0, G_OPTION_ARG_STRING, &total,
      N_("Number of industrial facilities of the province (default: those in the database)"), N_("N") },
    { "models", 0, 0, G_OPTION_ARG_STRING, &models, N_("Demonstration models"), N_("N") },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, N_("DoIT staff able to guide CP"), N_("N") },
    { "budget-central", 0, 0, G_OPTION_ARG_STRING, &central, N_("Central budget used (đồng)"), N_("VND") },
    { "budget-local", 0, 0, G_OPTION_ARG_STRING, &local, N_("Provincial budget used (đồng)"), N_("VND") },
    { "budget-other", 0, 0, G_OPTION_ARG_STRING, &other, N_("Other funds used (đồng)"), N_("VND") },
    { "difficulties", 0, 0, G_OPTION_ARG_STRING, &difficulties, N_("Difficulties"), N_("TEXT") },
    { "proposals", 0, 0, G_OPTION_ARG_STRING, &proposals, N_("Proposals"), N_("TEXT") },
    { NULL }
  };
  ShReportRollupParams params;
  g_autoptr(GString) line = g_string_new (NULL);
  gboolean xlsx = FALSE;
  int year = 0;
  int status = 0;

  if (!sh_cli_parse_options ("rollup", "", entries, &argc, &argv, &status))
    return status;
  if (format != NULL && output == NULL)
    return sh_cli_usage_error ("rollup", _("--format goes with -o FILE."));
  if (!parse_format ("rollup", format, output, &xlsx, &status))
    return status;
  if (argc > 1)
    return sh_cli_usage_error ("rollup", _("This command takes no arguments, only options."));
  if (province == NULL || strlen (province) != 2 || !g_ascii_isdigit (province[0]) || !g_ascii_isdigit (province[1]))
    return sh_cli_usage_error ("rollup", _("--province needs a province code of 2 digits."));
  if (!parse_year ("rollup", year_text, &year, &status))
    return status;

  sh_report_rollup_params_init (&params, province, year);
  params.difficulties = difficulties;
  params.proposals = proposals;
  if (!parse_count ("rollup", "--total", total, &params.declared_total, &status) ||
      !parse_count ("rollup", "--models", models, &params.demonstration_models, &status) ||
      !parse_count ("rollup", "--staff", staff, &params.doit_cp_staff, &status) ||
      !parse_count ("rollup", "--budget-central", central, &params.budget_central_vnd, &status) ||
      !parse_count ("rollup", "--budget-local", local, &params.budget_local_vnd, &status) ||
      !parse_count ("rollup", "--budget-other", other, &params.budget_other_vnd, &status))
    return status;

  if (!sh_cli_open_store (cli, &error))
    return sh_cli_fail (error);

  if (output != NULL && xlsx)
    {
      if (!sh_xlsx_write_rollup_full (cli->store, &params, output, &rollup, &error))
        return sh_cli_fail (error);
    }
  else if (output != NULL)
    {
      if (!sh_report_export_rollup (cli->store, sh_units_get_default (), &params, output, &rollup, NULL, &error))
        return sh_cli_fail (error);
    }
  else if (!(rollup = sh_report_rollup_compute (cli->store, sh_units_get_default (), &params, &error)))
    return sh_cli_fail (error);

  g_print (_("CP roll-up of province %s, %d\n"), province, year);
  print_share (rollup->total_declared ? _("Facilities (declared)") : _("Facilities (in the database)"),
               rollup->total, rollup->total);
  print_share (_("Aware of CP"), rollup->aware, rollup->total);
  print_share (_("Applying CP"), rollup->applying, rollup->total);
  print_share (_("Medium and large enterprises"), rollup->medium_large, rollup->medium_large);
  print_share (_("  with a CP unit"), rollup->with_cp_unit, rollup->medium_large);

  sh_cli_print_cell (line, _("Average saving per unit of product"), 44);
  if (rollup->has_average)
    {
      g_autofree char *percent = sh_format_percent (rollup->average_saving_percent, 2, SH_NUMBER_STYLE_VI);

      sh_cli_print_cell_right (line, percent, 16);
    }
  else
    sh_cli_print_cell_right (line, "—", 16);
  sh_cli_print_line (line);

  g_print (_("Training events: %" PRId64 " (%" PRId64 " participants); assessments ended: "
             "%" PRId64 " quick, %" PRId64 " detailed, %" PRId64 " follow-up\n"),
           rollup->trainings, rollup->participants, rollup->quick, rollup->detailed, rollup->follow_up);
  if (output != NULL)
    g_print (_("Wrote the roll-up to %s.\n"), output);

  return EXIT_SUCCESS;
}
