/* sh-cli-paper.c — `form enter`: typing a filled-in paper form back in.
 *
 * The file has one field a line, "CODE = value" with the codes printed on
 * the form (A01 = Nhà máy tinh bột sắn Đắk Tô), the cells of the lists by
 * row code and column letter (B2.3c = 12.500, D4b = Rò rỉ hơi ở van: an
 * empty row of the form becomes a new row); blank lines and lines that
 * start with "#" are skipped, and so is a field left empty. The values are
 * read as the app reads them (1.234,5; 31/12/2024) and written all at once:
 * a line that cannot be read stops the command with its line number, and
 * nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sh-cli.h"
#include "sh-paper-entry.h"

static char *
read_input (const char  *path,
            GError     **error)
{
  g_autoptr(GString) text = NULL;
  char buffer[4096];
  size_t n;
  char *contents = NULL;

  if (!g_str_equal (path, "-"))
    return g_file_get_contents (path, &contents, NULL, error) ? contents : NULL;

  text = g_string_new (NULL);
  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (text, buffer, (gssize) n);
  if (ferror (stdin))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not read the standard input."));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
fail_at_line (const char *path,
              guint       line,
              const char *message)
{
  g_printerr ("sachhon-cli: %s:%u: %s\n", g_str_equal (path, "-") ? _("standard input") : path, line, message);
  return EXIT_FAILURE;
}

static int
enter (ShCli      *cli,
       const char *id_text,
       const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) line_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_written = 0;
  guint failed = G_MAXUINT;
  gint64 id = 0;
  int status = 0;

  if (!sh_cli_parse_id ("form", id_text, &id, &status))
    return status;
  if (!(contents = read_input (path, &error)))
    return sh_cli_fail (error);
  if (!g_utf8_validate (contents, -1, NULL))
    return fail_at_line (path, 1, _("The file is not UTF-8 text."));

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *equals;
      guint number = i + 1;

      if (*line == '\0' || *line == '#')
        continue;
      if ((equals = strchr (line, '=')) == NULL)
        return fail_at_line (path, number, _("Expected “CODE = value”, such as “A11 = 120”."));
      *equals = '\0';
      g_ptr_array_add (codes, g_strstrip (g_strdup (line)));
      g_ptr_array_add (texts, g_strstrip (g_strdup (equals + 1)));
      g_array_append_val (line_numbers, number);
    }

  if (!sh_cli_open_store (cli, &error))
    return sh_cli_fail (error);
  if (!sh_paper_entry_apply (cli->store, NULL, id, (const char * const *) codes->pdata,
                             (const char * const *) texts->pdata, codes->len, &n_written, &failed, &error))
    {
      if (failed < line_numbers->len)
        return fail_at_line (path, g_array_index (line_numbers, guint, failed), error->message);
      return sh_cli_fail (error);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Typed in %u field of the paper form into assessment %s.\n",
                        "Typed in %u fields of the paper form into assessment %s.\n", n_written),
           n_written, id_text);
  return EXIT_SUCCESS;
}

int
sh_cli_command_form_any (ShCli *cli,
                         int    argc,
                         char **argv)
{
  int status = 0;

  if (argc < 2 || !g_str_equal (argv[1], "enter"))
    return sh_cli_command_form (cli, argc, argv);

  if (!sh_cli_parse_options ("form", "enter ASSESSMENT FILE", NULL, &argc, &argv, &status))
    return status;
  if (argc != 4)
    return sh_cli_usage_error ("form", _("Give the assessment and the file to type in: form enter ASSESSMENT FILE "
                                         "(“-” reads the standard input)."));
  return enter (cli, argv[2], argv[3]);
}
