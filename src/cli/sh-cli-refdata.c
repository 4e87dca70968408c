/* sh-cli-refdata.c — "refdata": the reference data loaded in a database.
 *
 *   refdata version           which file of each kind is loaded
 *   refdata import FILE…      load updated files from the DoIT, all or none
 *   refdata list KIND         the rows of one kind, each with its tag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "sh-cli.h"
#include "sh-refdata.h"

/* The Vietnamese or the English column, whichever the user reads. */
static const char *
localized (ShRecord   *row,
           const char *base)
{
  const char * const *languages = g_get_language_names ();
  g_autofree char *vi = g_strconcat (base, "_vi", NULL);
  g_autofree char *en = g_strconcat (base, "_en", NULL);
  const char *text;

  text = sh_record_get_string (row, g_str_has_prefix (languages[0], "vi") ? vi : en);
  return text != NULL ? text : "";
}

static const char *
text_or_dash (ShRecord   *row,
              const char *column)
{
  const char *text = sh_record_get_string (row, column);

  return text != NULL && *text != '\0' ? text : "—";
}

static char *
number (ShRecord   *row,
        const char *column)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (sh_record_is_null (row, column))
    return g_strdup ("—");
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", sh_record_get_double (row, column, 0)));
}

static int
command_version (ShCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GString) line = g_string_new (NULL);

  if (argc != 2)
    return sh_cli_usage_error ("refdata version", _("“refdata version” takes no arguments."));
  if (!sh_cli_open_store (cli, &error))
    return sh_cli_fail (error);

  versions = sh_refdata_list_versions (cli->store, &error);
  if (versions == NULL)
    return sh_cli_fail (error);

  sh_cli_print_cell (line, _("Kind"), 10);
  sh_cli_print_cell (line, _("Version"), 9);
  sh_cli_print_cell (line, _("Dated"), 11);
  sh_cli_print_cell (line, _("Origin"), 9);
  sh_cli_print_cell (line, _("File"), 24);
  sh_cli_print_cell (line, _("Loaded at"), 20);
  sh_cli_print_line (line);

  for (guint i = 0; i < versions->len; i++)
    {
      ShRecord *row = versions->pdata[i];
      const char *origin = sh_record_get_string (row, "origin");

      g_string_truncate (line, 0);
      sh_cli_print_cell (line, sh_record_get_string (row, "kind"), 10);
      sh_cli_print_cell (line, sh_record_get_string (row, "version"), 9);
      sh_cli_print_cell (line, sh_record_get_string (row, "file_date"), 11);
      sh_cli_print_cell (line, g_strcmp0 (origin, "import") == 0 ? _("imported") : _("shipped"), 9);
      sh_cli_print_cell (line, sh_record_get_string (row, "file_name"), 24);
      sh_cli_print_cell (line, sh_record_get_string (row, "loaded_at"), 20);
      sh_cli_print_line (line);
    }

  return EXIT_SUCCESS;
}

static int
command_import (ShCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree ShRefdataKind *kinds = NULL;

  if (argc < 3)
    return sh_cli_usage_error ("refdata import", _("Give at least one reference data file to import."));
  if (!sh_cli_open_store (cli, &error))
    return sh_cli_fail (error);

  if (!sh_refdata_import_files (cli->store, (const char * const *) argv + 2, &kinds, &error))
    {
      g_printerr ("sachhon-cli: %s\n", error->message);
      g_printerr ("%s\n", _("Nothing was imported: the reference data is as it was."));
      return EXIT_FAILURE;
    }

  for (int i = 2; i < argc; i++)
    {
      ShRefdataKind kind = kinds[i - 2];
      g_autofree char *version = sh_refdata_get_version (cli->store, kind);

      /* Translators: a file name, the kind of reference data ("sectors"),
       * and the version now loaded. */
      g_print (_("%s: %s, version %s, loaded\n"), argv[i], sh_refdata_kind_to_string (kind), version);
    }

  return EXIT_SUCCESS;
}

typedef void (*ListFunc) (ShRecord *row,
                          GString  *line);

static void
list_sector (ShRecord *row,
             GString  *line)
{
  sh_cli_print_cell (line, sh_record_get_string (row, "code"), 10);
  sh_cli_print_cell (line, sh_record_get_string (row, "vsic_code"), 6);
  sh_cli_print_cell (line, localized (row, "name"), 44);
  sh_cli_print_cell (line, sh_record_get_string (row, "tag"), 2);
}

static void
list_option (ShRecord *row,
             GString  *line)
{
  g_autofree char *min = number (row, "saving_min_pct");
  g_autofree char *max = number (row, "saving_max_pct");
  g_autofree char *range = g_strdup_printf ("%s–%s %%", min, max);

  sh_cli_print_cell (line, sh_record_get_string (row, "code"), 12);
  sh_cli_print_cell (line, text_or_dash (row, "sector_code"), 9);
  sh_cli_print_cell (line, sh_record_get_string (row, "category"), 4);
  sh_cli_print_cell (line, sh_record_get_string (row, "cost_class"), 7);
  sh_cli_print_cell_right (line, range, 10);
  g_string_append_c (line, ' ');
  sh_cli_print_cell (line, localized (row, "title"), 50);
  sh_cli_print_cell (line, sh_record_get_string (row, "tag"), 2);
}

static void
list_value (ShRecord *row,
            GString  *line)
{
  sh_cli_print_cell (line, sh_record_get_string (row, "list"), 21);
  sh_cli_print_cell (line, sh_record_get_string (row, "code"), 12);
  sh_cli_print_cell (line, localized (row, "name"), 44);
  sh_cli_print_cell (line, sh_record_get_string (row, "tag"), 2);
}

static void
list_province (ShRecord *row,
               GString  *line)
{
  sh_cli_print_cell (line, sh_record_get_string (row, "code"), 3);
  sh_cli_print_cell (line, sh_record_get_string (row, "name_vi"), 22);
  sh_cli_print_cell (line, sh_record_get_string (row, "valid_from"), 11);
  sh_cli_print_cell (line, text_or_dash (row, "valid_to"), 11);
  sh_cli_print_cell (line, text_or_dash (row, "successor_code"), 3);
  sh_cli_print_cell (line, sh_record_get_string (row, "tag"), 2);
}

static void
list_plan (ShRecord *row,
           GString  *line)
{
  g_autofree char *years = g_strdup_printf ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT,
                                            sh_record_get_int (row, "from_year", 0),
                                            sh_record_get_int (row, "to_year", 0));

  sh_cli_print_cell (line, sh_record_get_string (row, "code"), 14);
  sh_cli_print_cell (line, sh_record_get_string (row, "province_code"), 3);
  sh_cli_print_cell (line, text_or_dash (row, "number"), 20);
  sh_cli_print_cell (line, years, 10);
  sh_cli_print_cell (line, sh_record_get_string (row, "tag"), 2);
}

static void
list_norm (ShRecord *row,
           GString  *line)
{
  g_autofree char *min = number (row, "capacity_min");
  g_autofree char *max = number (row, "capacity_max");
  g_autofree char *band = g_strdup_printf ("%s–%s %s", min, max, text_or_dash (row, "capacity_unit"));
  g_autofree char *value = number (row, "value");
  g_autofree char *limit = g_strdup_printf ("%s %s/%s", value, sh_record_get_string (row, "unit"),
                                            sh_record_get_string (row, "per_unit"));

  sh_cli_print_cell (line, sh_record_get_string (row, "sector_code"), 8);
  sh_cli_print_cell (line, sh_record_get_string (row, "product_code"), 22);
  sh_cli_print_cell (line, sh_record_get_string (row, "instrument"), 15);
  sh_cli_print_cell (line, band, 26);
  sh_cli_print_cell (line, sh_record_get_string (row, "valid_from"), 11);
  sh_cli_print_cell (line, sh_record_get_string (row, "valid_to"), 11);
  sh_cli_print_cell_right (line, limit, 14);
  g_string_append_c (line, ' ');
  sh_cli_print_cell (line, sh_record_get_string (row, "tag"), 2);
}

static const char * const list_kinds[] = {
  "sectors", "options", "lists", "provinces", "plans", "norms",
};

static GPtrArray *
list_rows (ShStore     *store,
           const char  *kind,
           ListFunc    *func,
           GError     **error)
{
  if (g_str_equal (kind, "sectors"))
    {
      *func = list_sector;
      return sh_refdata_list_sectors (store, error);
    }
  if (g_str_equal (kind, "options"))
    {
      *func = list_option;
      return sh_refdata_list_options (store, NULL, error);
    }
  if (g_str_equal (kind, "provinces"))
    {
      *func = list_province;
      return sh_refdata_list_provinces (store, NULL, error);
    }
  if (g_str_equal (kind, "lists") || g_str_equal (kind, "plans") || g_str_equal (kind, "norms"))
    {
      g_autoptr(GPtrArray) sectors = NULL;
      g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_record_unref);

      if (g_str_equal (kind, "lists"))
        {
          static const char * const lists[] = {
            "option_category", "cause_category", "screening", "cost_class", "waste_type",
            "observation_category", "evidence_kind",
          };

          *func = list_value;
          for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
            {
              g_autoptr(GPtrArray) rows = sh_refdata_list_values (store, lists[i], error);

              if (rows == NULL)
                return NULL;
              g_ptr_array_extend_and_steal (all, g_steal_pointer (&rows));
            }
          return g_steal_pointer (&all);
        }

      if (g_str_equal (kind, "plans"))
        {
          g_autoptr(GPtrArray) provinces = sh_refdata_list_provinces (store, "2025-06-30", error);

          *func = list_plan;
          if (provinces == NULL)
            return NULL;
          for (guint i = 0; i < provinces->len; i++)
            {
              g_autoptr(GPtrArray) rows = NULL;

              rows = sh_refdata_list_plans (store, sh_record_get_string (provinces->pdata[i], "code"), error);
              if (rows == NULL)
                return NULL;
              g_ptr_array_extend_and_steal (all, g_steal_pointer (&rows));
            }
          return g_steal_pointer (&all);
        }

      *func = list_norm;
      sectors = sh_refdata_list_sectors (store, error);
      if (sectors == NULL)
        return NULL;
      for (guint i = 0; i < sectors->len; i++)
        {
          g_autoptr(GPtrArray) rows = NULL;

          rows = sh_refdata_list_norms (store, sh_record_get_string (sectors->pdata[i], "code"), error);
          if (rows == NULL)
            return NULL;
          g_ptr_array_extend_and_steal (all, g_steal_pointer (&rows));
        }
      return g_steal_pointer (&all);
    }

  g_assert_not_reached ();
}

static int
command_list (ShCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *known = g_strjoinv (", ", (char **) list_kinds);
  ListFunc func = NULL;
  gboolean valid = FALSE;

  for (guint i = 0; argc == 3 && i < G_N_ELEMENTS (list_kinds); i++)
    valid = valid || g_str_equal (argv[2], list_kinds[i]);
  if (!valid)
    {
      /* Translators: the list of kinds, e.g. "sectors, options, lists". */
      g_autofree char *message = g_strdup_printf (_("Name one kind to list: %s."), known);

      return sh_cli_usage_error ("refdata list", message);
    }

  if (!sh_cli_open_store (cli, &error))
    return sh_cli_fail (error);

  rows = list_rows (cli->store, argv[2], &func, &error);
  if (rows == NULL)
    return sh_cli_fail (error);

  for (guint i = 0; i < rows->len; i++)
    {
      g_string_truncate (line, 0);
      func (rows->pdata[i], line);
      sh_cli_print_line (line);
    }

  return EXIT_SUCCESS;
}

int
sh_cli_command_refdata (ShCli  *cli,
                        int     argc,
                        char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "version"))
    return command_version (cli, argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "import"))
    return command_import (cli, argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return command_list (cli, argc, argv);

  return sh_cli_usage_error ("refdata", _("Say “version”, “import FILE…” or “list KIND”."));
}
