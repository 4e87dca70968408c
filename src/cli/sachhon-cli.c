/* sachhon-cli.c — the headless front end: the same core as the app, for scripts.
 *
 * Exit status: 0 on success, 1 when the command failed (unknown id, bad or
 * locked database…), 2 when it was called wrongly (usage).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "sh-cli.h"

typedef int (*CommandFunc) (ShCli *cli,
                            int    argc,
                            char **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  func;
} Command;

/* ------------------------------------------------------------------------- */

static const Command commands[] = {
  { "demo", "", N_("Create the demo facilities and assessments (once)"), sh_cli_command_demo },
  { "facilities", "", N_("List the facilities"), sh_cli_command_facilities },
  { "assessments", "[--facility ID]", N_("List the assessments"), sh_cli_command_assessments },
  { "show", "ASSESSMENT", N_("Show an assessment's computed indicators"), sh_cli_command_show },
  { "generate", "--facilities N --assessments M [--seed S]",
    N_("Fill the database with synthetic data (benchmarks)"), sh_cli_command_generate },
  { "chart", "ASSESSMENT --kind KIND [--layer LAYER] [--width W --height H] -o FILE",
    N_("Draw a chart of an assessment to a PNG, PDF or SVG file"), sh_cli_command_chart },
  { "export", "ASSESSMENT -o FILE[.xlsx] | --annual FACILITY --year YEAR -o FILE",
    N_("Write an assessment dossier or an annual CP report as XML, or an assessment's worksheets as .xlsx"),
    sh_cli_command_export },
  { "validate", "FILE…", N_("Check XML reports against the schema and their own figures"), sh_cli_command_validate },
  { "import", "FILE…", N_("Import XML reports (dossiers, annual reports)"), sh_cli_command_import },
  { "rollup", "--province CODE --year YEAR [-o FILE[.xlsx]]",
    N_("Provincial CP roll-up for the ministry, as XML or .xlsx"),
    sh_cli_command_rollup },
  { "evidence", "ASSESSMENT -o FILE.pdf [--xml FILE | --use-xml FILE] [--language vi|en]",
    N_("Print the certification evidence dossier, tied to its XML, as PDF"), sh_cli_command_evidence },
  { "form", "quick [ASSESSMENT] -o FILE.pdf [--language vi|en]",
    N_("Print the quick-assessment form, blank or pre-filled, as PDF"), sh_cli_command_form_any },
  { "form", "enter ASSESSMENT FILE|-",
    N_("Type in a filled-in paper form: one “CODE = value” a line"), sh_cli_command_form_any },
  { "verify", "FILE.xml --fingerprint HEX", N_("Check that an XML file is the one a dossier was printed from"),
    sh_cli_command_verify },
  { "refdata", "version | import FILE… | list KIND", N_("Show, update or list the reference data"),
    sh_cli_command_refdata },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: sachhon-cli [--db FILE] COMMAND [ARGUMENTS…]"));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *call = g_strdup_printf ("%s %s", commands[i].name, commands[i].args);

      fprintf (stream, "  %-32s %s\n", call, _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-32s %s\n", "--db FILE", _("Use this database (default: $SACHHON_DB, else the user's)"));
  fprintf (stream, "  %-32s %s\n", "--version", _("Print the version"));
  fprintf (stream, "  %-32s %s\n", "-h, --help", _("Print this help"));
}

int
main (int   argc,
      char *argv[])
{
  ShCli cli = { 0 };
  int first = 1;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SACHHON_LOCALEDIR") ? g_getenv ("SACHHON_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command. */
  while (first < argc && argv[first][0] == '-')
    {
      const char *arg = argv[first];

      if (g_str_equal (arg, "--db"))
        {
          if (first + 1 >= argc)
            return sh_cli_usage_error ("--db", _("--db needs a file name."));
          g_free (cli.db_path);
          cli.db_path = g_strdup (argv[first + 1]);
          first += 2;
        }
      else if (g_str_has_prefix (arg, "--db="))
        {
          g_free (cli.db_path);
          cli.db_path = g_strdup (arg + strlen ("--db="));
          first++;
        }
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_usage (stdout);
          g_free (cli.db_path);
          return EXIT_SUCCESS;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("sachhon-cli %s\n", PACKAGE_VERSION);
          g_free (cli.db_path);
          return EXIT_SUCCESS;
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("Unknown option “%s”."), arg);

          g_free (cli.db_path);
          return sh_cli_usage_error ("", message);
        }
    }

  if (first >= argc)
    {
      print_usage (stderr);
      g_free (cli.db_path);
      return SH_CLI_EXIT_USAGE;
    }

  status = -1;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[first], commands[i].name))
      {
        status = commands[i].func (&cli, argc - first, argv + first);
        break;
      }

  if (status == -1)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), argv[first]);

      status = sh_cli_usage_error (argv[first], message);
    }

  g_clear_object (&cli.store);
  g_free (cli.db_path);

  /* The process ends here: let go of the fonts any drawing (charts, the
   * dossier, the paper form) loaded, so a leak checker sees only what our
   * own code keeps. */
  pango_cairo_font_map_set_default (NULL);

  return status;
}
