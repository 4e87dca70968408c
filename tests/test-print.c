/* test-print.c — the dossier and the form through GtkPrintOperation, and the
 * verify dialog, as real widgets under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "sh-demo.h"
#include "sh-evidence.h"
#include "sh-print.h"
#include "sh-quick-form-print.h"
#include "sh-refdata.h"
#include "sh-test-utils.h"
#include "sh-units.h"

typedef struct
{
  char    *dir;
  ShStore *store;
  gint64   assessment;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = sh_test_make_tmpdir ("print");
  path = g_build_filename (f->dir, "sachhon.db", NULL);
  f->store = sh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sh_refdata_ensure_loaded (f->store, &error));
  g_assert_true (sh_demo_ensure (f->store, &error));
  g_assert_no_error (error);
  f->assessment = sh_demo_cassava_assessment (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sh_test_rm_rf (f->dir);
  g_free (f->dir);
}

static guint
pdf_n_pages (const char *pdf)
{
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { program, pdf, NULL };
  const char *line;
  int status = 0;

  g_assert_nonnull (program);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  line = strstr (out, "\nPages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:") + strspn (line + strlen ("\nPages:"), " "), NULL, 10);
}

static gboolean
have_pdfinfo (void)
{
  g_autofree char *program = g_find_program_in_path ("pdfinfo");

  if (program == NULL)
    g_test_skip ("poppler-utils is not installed");
  return program != NULL;
}

/* The print operation, exporting, gives as many pages as the direct PDF. */
static void
test_print_dossier (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = g_build_filename (f->dir, "direct.xml", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "direct.pdf", NULL);
  g_autofree char *printed_xml = g_build_filename (f->dir, "printed.xml", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  guint direct_pages = 0;
  guint printed_pages = 0;

  g_assert_true (sh_evidence_export (f->store, sh_units_get_default (), f->assessment, xml, pdf, "vi",
                                     &direct_pages, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sh_print_evidence_full (NULL, f->store, f->assessment, printed_xml, "vi",
                                         GTK_PRINT_OPERATION_ACTION_EXPORT, printed, &printed_pages, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (printed, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (printed_pages, ==, direct_pages);
  if (have_pdfinfo ())
    {
      g_assert_cmpuint (pdf_n_pages (printed), ==, direct_pages);
      g_assert_cmpuint (pdf_n_pages (pdf), ==, direct_pages);
    }
}

static void
test_print_form (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShEvidencePages) pages = sh_quick_form_build_pages (NULL, 0, "vi", &error);
  g_autofree char *printed = g_build_filename (f->dir, "form.pdf", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (sh_print_pages (NULL, pages, GTK_PRINT_OPERATION_ACTION_EXPORT, printed, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  if (have_pdfinfo ())
    g_assert_cmpuint (pdf_n_pages (printed), ==, sh_evidence_pages_get_n_pages (pages));
}

static void
test_verify_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = g_build_filename (f->dir, "dossier.xml", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "dossier.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(ShEvidenceXmlInfo) info = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (xml);
  GtkWidget *dialog;
  gsize length = 0;

  g_assert_true (sh_evidence_export (f->store, sh_units_get_default (), f->assessment, xml, pdf, "vi",
                                     NULL, NULL, &error));
  g_assert_no_error (error);
  info = sh_evidence_xml_info_read (xml, &error);
  g_assert_no_error (error);

  dialog = sh_print_verify_dialog (NULL);
  g_assert_true (GTK_IS_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (dialog));

  /* Nothing chosen yet. */
  g_assert_false (sh_print_verify_dialog_check (dialog));

  sh_print_verify_dialog_set_file (dialog, file);
  sh_print_verify_dialog_set_fingerprint (dialog, info->sha256);
  g_assert_true (sh_print_verify_dialog_check (dialog));
  g_assert_nonnull (strstr (sh_print_verify_dialog_get_result (dialog), info->document_uuid));

  /* The file changed by one byte no longer matches. */
  g_assert_true (g_file_get_contents (xml, &contents, &length, &error));
  contents[length - 2] = contents[length - 2] == '>' ? ' ' : '>';
  g_assert_true (g_file_set_contents (xml, contents, (gssize) length, &error));
  g_assert_false (sh_print_verify_dialog_check (dialog));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_last_child (gtk_window_get_child (GTK_WINDOW (dialog))),
                                           "error"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);
  gtk_init ();

  g_test_add ("/print/dossier-export", Fixture, NULL, fixture_set_up, test_print_dossier, fixture_tear_down);
  g_test_add ("/print/form-export", Fixture, NULL, fixture_set_up, test_print_form, fixture_tear_down);
  g_test_add ("/print/verify-dialog", Fixture, NULL, fixture_set_up, test_verify_dialog, fixture_tear_down);

  return g_test_run ();
}
