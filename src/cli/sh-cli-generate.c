/* sh-cli-generate.c — generate: synthetic data for benchmarks and load tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "sh-cli.h"
#include "sh-generate.h"

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  /* The carriage return stays out of the message: translators never see it. */
  g_printerr ("\r");
  g_printerr (_("%u of %u facilities written"), done, total);
  if (done == total)
    g_printerr ("\n");
}

int
sh_cli_command_generate (ShCli  *cli,
                         int     argc,
                         char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *province = NULL;
  ShGenerateOptions options = { 0 };
  int facilities = -1;
  int assessments = -1;
  int seed = 1;
  int status = 0;
  GOptionEntry entries[] = {
    { "facilities", 'f', 0, G_OPTION_ARG_INT, &facilities, N_("Number of facilities"), "N" },
    { "assessments", 'a', 0, G_OPTION_ARG_INT, &assessments, N_("Number of assessments"), "M" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, N_("Seed: the same seed gives the same data (default 1)"), "S" },
    { "province", 'p', 0, G_OPTION_ARG_STRING, &province, N_("Province code of the facilities (default 62)"), N_("CODE") },
    { NULL }
  };

  if (!sh_cli_parse_options ("generate", "", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sh_cli_usage_error ("generate", _("This command takes no arguments."));
  if (facilities < 0 || assessments < 0)
    return sh_cli_usage_error ("generate", _("Give --facilities N and --assessments M (0 or more)."));

  options.n_facilities = (guint) facilities;
  options.n_assessments = (guint) assessments;
  options.seed = (guint32) seed;
  options.province_code = province;

  if (!sh_cli_open_store (cli, &error) ||
      !sh_generate (cli->store, &options, progress_cb, NULL, &error))
    return sh_cli_fail (error);

  g_print (_("Generated %d facilities and %d assessments in %s.\n"), facilities, assessments,
           sh_store_get_path (cli->store));
  return EXIT_SUCCESS;
}
