/* sh-cli.c — what the sachhon-cli commands share: errors, options, tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sh-cli.h"
#include "sh-refdata.h"

int
sh_cli_fail (GError *error)
{
  g_printerr ("sachhon-cli: %s\n", error->message);
  return EXIT_FAILURE;
}

int
sh_cli_usage_error (const char *command,
             const char *message)
{
  g_printerr ("sachhon-cli %s: %s\n", command, message);
  g_printerr (_("Run “sachhon-cli --help” for usage.\n"));
  return SH_CLI_EXIT_USAGE;
}

gboolean
sh_cli_open_store (ShCli   *cli,
                   GError **error)
{
  g_autofree char *path = cli->db_path ? g_strdup (cli->db_path) : sh_store_default_path ();

  cli->store = sh_store_open (path, error);
  if (cli->store == NULL)
    return FALSE;

  /* Reference data is loaded on first use and after an upgrade, as the
   * app does, so the CLI sees the same sectors, norms and provinces. */
  if (!sh_refdata_ensure_loaded (cli->store, error))
    {
      g_clear_object (&cli->store);
      return FALSE;
    }

  return TRUE;
}

/* Parses a command's options; on a usage problem prints it and returns
 * FALSE with *status set. */
gboolean
sh_cli_parse_options (const char    *command,
               const char    *parameter,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv,
               int           *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = sh_cli_usage_error (command, error->message);
      return FALSE;
    }

  return TRUE;
}

/* Parses a record id given on the command line. */
gboolean
sh_cli_parse_id (const char *command,
          const char *text,
          gint64     *out_id,
          int        *status)
{
  guint64 value = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a record number."), text ? text : "");

      *status = sh_cli_usage_error (command, message);
      return FALSE;
    }

  *out_id = (gint64) value;
  return TRUE;
}

/* Left-aligns @text in @width characters (not bytes: Vietnamese letters
 * take two or three bytes each). */
void
sh_cli_print_cell (GString    *line,
            const char *text,
            int         width)
{
  glong length;

  text = text != NULL ? text : "";
  length = g_utf8_strlen (text, -1);
  if (length > width)
    {
      const char *cut = g_utf8_offset_to_pointer (text, width - 1);

      g_string_append_len (line, text, cut - text);
      g_string_append (line, "…");
    }
  else
    {
      g_string_append (line, text);
      for (glong i = length; i < width; i++)
        g_string_append_c (line, ' ');
    }
  g_string_append_c (line, ' ');
}

void
sh_cli_print_cell_right (GString    *line,
                  const char *text,
                  int         width)
{
  glong length;

  text = text != NULL ? text : "";
  length = g_utf8_strlen (text, -1);
  for (glong i = length; i < width; i++)
    g_string_append_c (line, ' ');
  g_string_append (line, text);
  g_string_append_c (line, ' ');
}

void
sh_cli_print_line (GString *line)
{
  while (line->len > 0 && line->str[line->len - 1] == ' ')
    g_string_truncate (line, line->len - 1);
  g_print ("%s\n", line->str);
  g_string_truncate (line, 0);
}

const char *
sh_cli_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "quick") == 0)
    return _("quick");
  if (g_strcmp0 (kind, "detailed") == 0)
    return _("detailed");
  if (g_strcmp0 (kind, "follow_up") == 0)
    return _("follow-up");
  return kind;
}

const char *
sh_cli_status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return _("draft");
  if (g_strcmp0 (status, "finalized") == 0)
    return _("finalized");
  if (g_strcmp0 (status, "submitted") == 0)
    return _("submitted");
  return status;
}

const char *
sh_cli_option_status_label (const char *status)
{
  if (g_strcmp0 (status, "proposed") == 0)
    return _("proposed");
  if (g_strcmp0 (status, "selected") == 0)
    return _("selected");
  if (g_strcmp0 (status, "in_progress") == 0)
    return _("in progress");
  if (g_strcmp0 (status, "implemented") == 0)
    return _("implemented");
  if (g_strcmp0 (status, "rejected") == 0)
    return _("rejected");
  return status;
}

