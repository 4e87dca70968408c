/* sh-cli-evidence.c — evidence, form and verify: the printed dossier and form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sh-cli.h"
#include "sh-evidence.h"
#include "sh-quick-form-print.h"
#include "sh-report-export.h"

static gboolean
check_language (const char *command,
                const char *language,
                int        *status)
{
  if (language == NULL || sh_evidence_lang_is_supported (language))
    return TRUE;

  *status = sh_cli_usage_error (command, _("--language is “vi” (Vietnamese) or “en” (English)."));
  return FALSE;
}

/* "dossier.pdf" → "dossier.xml", beside it. */
static char *
xml_path_for (const char *pdf_path)
{
  if (g_str_has_suffix (pdf_path, ".pdf") || g_str_has_suffix (pdf_path, ".PDF"))
    {
      g_autofree char *stem = g_strndup (pdf_path, strlen (pdf_path) - 4);

      return g_strconcat (stem, ".xml", NULL);
    }
  return g_strconcat (pdf_path, ".xml", NULL);
}

int
sh_cli_command_evidence (ShCli *cli,
                         int    argc,
                         char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShEvidenceDossier) dossier = NULL;
  g_autoptr(ShEvidencePages) pages = NULL;
  g_autofree char *output = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *use_xml = NULL;
  g_autofree char *language = NULL;
  g_autofree char *grouped = NULL;
  const ShEvidenceXmlInfo *info;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { "xml", 0, 0, G_OPTION_ARG_FILENAME, &xml,
      N_("Export the XML dossier to FILE (default: the PDF's name with .xml)"), N_("FILE") },
    { "use-xml", 0, 0, G_OPTION_ARG_FILENAME, &use_xml,
      N_("Tie the printout to this XML dossier, exported before, instead of a new one"), N_("FILE") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Print in vi (default) or en"), N_("LANG") },
    { NULL }
  };
  gint64 id = 0;
  int status = 0;

  if (!sh_cli_parse_options ("evidence", "ASSESSMENT", entries, &argc, &argv, &status))
    return status;
  if (output == NULL)
    return sh_cli_usage_error ("evidence", _("Say where to write the PDF with -o FILE."));
  if (argc != 2)
    return sh_cli_usage_error ("evidence", _("Give one assessment."));
  if (xml != NULL && use_xml != NULL)
    return sh_cli_usage_error ("evidence", _("--xml writes a new XML file and --use-xml names an old one: give one."));
  if (!sh_cli_parse_id ("evidence", argv[1], &id, &status) ||
      !check_language ("evidence", language, &status))
    return status;

  if (!sh_cli_open_store (cli, &error))
    return sh_cli_fail (error);

  if (use_xml == NULL)
    {
      if (xml == NULL)
        xml = xml_path_for (output);
      if (!sh_report_export_dossier (cli->store, sh_units_get_default (), id, xml, NULL, &error))
        return sh_cli_fail (error);
    }

  if (!(dossier = sh_evidence_dossier_new (cli->store, sh_units_get_default (), id, use_xml ? use_xml : xml,
                                           language, &error)))
    return sh_cli_fail (error);
  pages = sh_evidence_dossier_build_pages (dossier);
  if (!sh_evidence_pages_write_pdf (pages, output, &error))
    return sh_cli_fail (error);

  info = sh_evidence_dossier_get_xml_info (dossier);
  grouped = sh_evidence_format_fingerprint (info->sha256);
  g_print (_("Wrote the evidence dossier of assessment %s (%u pages) to %s.\n"), argv[1],
           sh_evidence_pages_get_n_pages (pages), output);
  g_print (_("It is tied to the XML file %s:\n"), info->path);
  g_print ("  %s %s\n", _("Document UUID:"), info->document_uuid);
  g_print ("  %s %s\n", _("SHA-256:"), info->sha256);
  g_print ("  %s %s\n", _("Printed as:"), grouped);
  return EXIT_SUCCESS;
}

int
sh_cli_command_form (ShCli *cli,
                     int    argc,
                     char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *language = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Print in vi (default) or en"), N_("LANG") },
    { NULL }
  };
  gint64 id = 0;
  guint n_pages = 0;
  int status = 0;

  if (!sh_cli_parse_options ("form", "quick [ASSESSMENT]", entries, &argc, &argv, &status))
    return status;
  if (argc < 2 || !g_str_equal (argv[1], "quick"))
    return sh_cli_usage_error ("form", _("The only form is “quick”: form quick [ASSESSMENT] -o FILE."));
  if (argc > 3)
    return sh_cli_usage_error ("form", _("Give at most one assessment."));
  if (output == NULL)
    return sh_cli_usage_error ("form", _("Say where to write the PDF with -o FILE."));
  if ((argc == 3 && !sh_cli_parse_id ("form", argv[2], &id, &status)) ||
      !check_language ("form", language, &status))
    return status;

  if (id != 0 && !sh_cli_open_store (cli, &error))
    return sh_cli_fail (error);
  if (!sh_quick_form_write_pdf (cli->store, id, language, output, &n_pages, &error))
    return sh_cli_fail (error);

  if (id != 0)
    g_print (_("Wrote the quick-assessment form of assessment %s (%u pages) to %s.\n"),
             argv[2], n_pages, output);
  else
    g_print (_("Wrote a blank quick-assessment form (%u pages) to %s.\n"), n_pages, output);
  return EXIT_SUCCESS;
}

int
sh_cli_command_verify (ShCli *cli,
                       int    argc,
                       char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto (ShEvidenceVerifyResult) result = { 0 };
  g_autofree char *fingerprint = NULL;
  GOptionEntry entries[] = {
    { "fingerprint", 0, 0, G_OPTION_ARG_STRING, &fingerprint,
      N_("The SHA-256 printed on the dossier, or the text of its QR code"), N_("HEX") },
    { NULL }
  };
  int status = 0;

  if (!sh_cli_parse_options ("verify", "FILE.xml --fingerprint HEX", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sh_cli_usage_error ("verify", _("Give one XML file."));
  if (fingerprint == NULL)
    return sh_cli_usage_error ("verify", _("Give the fingerprint printed on the dossier with --fingerprint HEX."));

  /* Verification reads the file only: it needs no database. */
  if (!sh_evidence_verify (argv[1], fingerprint, &result, &error))
    {
      if (g_error_matches (error, SH_EVIDENCE_ERROR, SH_EVIDENCE_ERROR_FINGERPRINT))
        return sh_cli_usage_error ("verify", error->message);
      return sh_cli_fail (error);
    }

  if (result.matches && (!result.uuid_checked || result.uuid_matches))
    {
      g_print (_("%s: MATCHES — this is the file the dossier was printed from.\n"), argv[1]);
      if (result.file_document_uuid != NULL)
        g_print ("  %s %s\n", _("Document UUID:"), result.file_document_uuid);
      g_print ("  %s %s\n", _("SHA-256:"), result.file_sha256);
      return EXIT_SUCCESS;
    }

  g_print (_("%s: DOES NOT MATCH — this is not the file the dossier was printed from.\n"), argv[1]);
  g_print ("  %s %s\n", _("SHA-256 of the file:"), result.file_sha256);
  if (result.uuid_checked && !result.uuid_matches)
    g_print ("  %s\n", _("The document UUID differs too."));
  return EXIT_FAILURE;
}
