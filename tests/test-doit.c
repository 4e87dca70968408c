/* test-doit.c — exporting and importing reports in the app, and the DoIT's
 * workspace, as real widgets under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "sh-application.h"
#include "sh-demo.h"
#include "sh-doit-page.h"
#include "sh-export-job.h"
#include "sh-facility-item.h"
#include "sh-facility-page.h"
#include "sh-import-dialog.h"
#include "sh-refdata.h"
#include "sh-report-export.h"
#include "sh-report-validate.h"
#include "sh-store-private.h"
#include "sh-test-utils.h"
#include "sh-ui-test-utils.h"
#include "sh-units.h"
#include "sh-window.h"

#define CASSAVA_UUID "5ac4d000-0000-4000-8000-000000000001"

typedef struct
{
  gint64 a, b, c, d, e;
} Province;

typedef struct
{
  char          *tmpdir;
  ShStore       *store;
  ShApplication *app;
  ShWindow      *window;
  Province       province;
} Fixture;

static void add_province (ShStore  *store,
                          Province *p);

/* Whether a label showing exactly @text is under @root. */
static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

/* Whether some label under @root contains @text. */
static gboolean
has_label_containing (GtkWidget  *root,
                      const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_containing (child, text))
      return TRUE;

  return FALSE;
}

static ShApplication *
new_registered_application (void)
{
  ShApplication *app = sh_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

static ShStore *
open_store (const char *tmpdir,
            const char *name,
            gboolean    with_demo)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  ShStore *store = sh_store_open (path, &error);

  g_assert_no_error (error);
  sh_refdata_ensure_loaded (store, &error);
  g_assert_no_error (error);
  if (with_demo)
    {
      sh_demo_ensure (store, &error);
      g_assert_no_error (error);
    }

  return store;
}

static void
open_window (Fixture *f)
{
  f->app = new_registered_application ();
  f->window = sh_window_new (f->app, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  SH_UI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
}

static void
fixture_set_up_demo (Fixture       *f,
                     gconstpointer  data)
{
  f->tmpdir = sh_test_make_tmpdir ("doit");
  f->store = open_store (f->tmpdir, "sachhon.db", TRUE);
  open_window (f);
}

/* A DoIT's database: the reference data and nothing else. */
static void
fixture_set_up_empty (Fixture       *f,
                      gconstpointer  data)
{
  f->tmpdir = sh_test_make_tmpdir ("doit");
  f->store = open_store (f->tmpdir, "sachhon.db", FALSE);
  open_window (f);
}

/* A DoIT's database with the facilities of add_province(). */
static void
fixture_set_up_province (Fixture       *f,
                         gconstpointer  data)
{
  f->tmpdir = sh_test_make_tmpdir ("doit");
  f->store = open_store (f->tmpdir, "sachhon.db", FALSE);
  add_province (f->store, &f->province);
  open_window (f);
}

static void
destroy_other_windows (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (f->window))
        gtk_window_destroy (window);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_other_windows (f);
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&f->window)));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->app);
  g_clear_object (&f->store);
  sh_test_rm_rf (f->tmpdir);
  g_clear_pointer (&f->tmpdir, g_free);
}

/* The message dialog on top of the main window, if one shows. */
static GtkMessageDialog *
find_message_dialog (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (f->window))
        return GTK_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static char *
message_text (GtkMessageDialog *dialog)
{
  char *text = NULL;

  g_object_get (dialog, "text", &text, NULL);
  return text;
}

static gint64
count_rows (ShStore    *store,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = sh_store_list (store, table, NULL, 0, &error);

  g_assert_no_error (error);
  return rows->len;
}

static gint64
find_cassava (ShStore *store)
{
  g_autoptr(GPtrArray) facilities = sh_store_list (store, "facility", NULL, 0, NULL);

  for (guint i = 0; facilities != NULL && i < facilities->len; i++)
    if (g_strcmp0 (sh_record_get_uuid (facilities->pdata[i]), CASSAVA_UUID) == 0)
      return sh_record_get_id (facilities->pdata[i]);

  return 0;
}

static void
assert_valid_report (const char   *path,
                     ShReportKind  kind)
{
  ShReportKind found = SH_REPORT_KIND_UNKNOWN;
  g_autoptr(GPtrArray) problems = sh_report_validate_file (sh_units_get_default (), path, &found);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = sh_report_problem_to_string (problems->pdata[i], path);

      g_test_message ("%s", line);
    }
  g_assert_cmpuint (sh_report_problems_count (problems, SH_REPORT_SEVERITY_ERROR), ==, 0);
  g_assert_cmpint (found, ==, kind);
}

/* -------------------------------------------------------------------------
 * Export from the facility page
 * ------------------------------------------------------------------------- */

static void
test_export_annual (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "bao-cao-2024.xml", NULL);
  g_autofree char *missing = g_build_filename (f->tmpdir, "bao-cao-2023.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autofree char *text = NULL;
  g_autofree char *secondary = NULL;
  GtkMessageDialog *dialog;
  GtkWidget *page;
  gint64 facility = find_cassava (f->store);

  g_assert_cmpint (facility, >, 0);
  sh_window_select_facility (f->window, facility);
  page = sh_window_get_facility_page (f->window);
  g_assert_nonnull (page);
  g_assert_true (GTK_IS_BUTTON (sh_facility_page_get_part (SH_FACILITY_PAGE (page), "export_annual_button")));

  /* The year with a report: written, valid, and said so. */
  sh_facility_page_export_annual (SH_FACILITY_PAGE (page), 2024, file);
  SH_UI_WAIT_FOR ((dialog = find_message_dialog (f)) != NULL);
  text = message_text (dialog);
  g_assert_cmpstr (text, ==, sh_ui_test_expected ("The annual report was exported",
                                       "Đã xuất báo cáo hằng năm"));
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, path));
  assert_valid_report (path, SH_REPORT_KIND_ANNUAL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&text, g_free);

  /* A year without a report: nothing is written, and the dialog says why. */
  sh_facility_page_export_annual (SH_FACILITY_PAGE (page), 2023, missing_file);
  SH_UI_WAIT_FOR ((dialog = find_message_dialog (f)) != NULL);
  text = message_text (dialog);
  g_assert_cmpstr (text, ==, sh_ui_test_expected ("The annual report cannot be exported yet",
                                       "Chưa thể xuất báo cáo hằng năm"));
  g_clear_pointer (&secondary, g_free);
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, "2023"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&text, g_free);

  /* A report without its signatory: the dialog lists what is missing, in
   * the core's words, and the file written before is left alone. */
  {
    g_autoptr(GPtrArray) reports = sh_store_list (f->store, "annual_report", "facility_id", facility, NULL);
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autofree char *scratch = g_build_filename (f->tmpdir, "scratch.xml", NULL);
    gint64 report = 0;

    for (guint i = 0; i < reports->len; i++)
      if (sh_record_get_int (reports->pdata[i], "year", 0) == 2024)
        report = sh_record_get_id (reports->pdata[i]);
    g_assert_cmpint (report, >, 0);
    g_assert_true (sh_store_set_null (f->store, "annual_report", report, "signatory", &error));
    g_assert_true (sh_store_set_string (f->store, "annual_report", report, "signatory_title", "  ", &error));
    g_assert_no_error (error);
    g_file_get_contents (path, &before, NULL, &error);
    g_assert_no_error (error);

    sh_facility_page_export_annual (SH_FACILITY_PAGE (page), 2024, file);
    SH_UI_WAIT_FOR ((dialog = find_message_dialog (f)) != NULL);
    text = message_text (dialog);
    g_assert_cmpstr (text, ==, sh_ui_test_expected ("The annual report cannot be exported yet",
                                         "Chưa thể xuất báo cáo hằng năm"));

    g_assert_false (sh_report_export_annual (f->store, sh_units_get_default (), facility, 2024, scratch,
                                             &problems, &error));
    g_assert_error (error, SH_REPORT_ERROR, SH_REPORT_ERROR_INCOMPLETE);
    g_clear_error (&error);
    g_assert_cmpuint (sh_report_problems_count (problems, SH_REPORT_SEVERITY_ERROR), ==, 2);
    for (guint i = 0; i < problems->len; i++)
      {
        g_autofree char *bullet = g_strconcat ("• ", ((ShReportProblem *) problems->pdata[i])->message, NULL);

        g_assert_true (has_label_containing (GTK_WIDGET (dialog), bullet));
      }
    g_file_get_contents (path, &after, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (before, ==, after);
    sh_ui_test_save_screenshot (GTK_WIDGET (dialog), "doit-export-missing");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
}

/* -------------------------------------------------------------------------
 * Import, as dropping files on the window does
 * ------------------------------------------------------------------------- */

/* The demo plant's 2024 report and its detailed assessment's dossier,
 * exported from a consultant's database. */
static void
export_demo_reports (const char *tmpdir,
                     char      **annual,
                     char      **dossier)
{
  g_autoptr(ShStore) consultant = open_store (tmpdir, "consultant.db", TRUE);
  g_autoptr(GError) error = NULL;

  *annual = g_build_filename (tmpdir, "bao-cao-sxsh-2024.xml", NULL);
  *dossier = g_build_filename (tmpdir, "ho-so-danh-gia.xml", NULL);
  g_assert_true (sh_report_export_dossier (consultant, sh_units_get_default (),
                                           sh_demo_cassava_assessment (consultant), *dossier, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sh_report_export_annual (consultant, sh_units_get_default (), find_cassava (consultant),
                                          2024, *annual, NULL, &error));
  g_assert_no_error (error);
}

static ShImportDialog *
import_and_wait (Fixture     *f,
                 const char  *first,
                 ...)
{
  g_autoslist(GFile) files = NULL;
  GtkWidget *dialog;
  va_list args;

  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    files = g_slist_append (files, g_file_new_for_path (path));
  va_end (args);

  dialog = sh_window_import_files (f->window, files);
  g_assert_true (SH_IS_IMPORT_DIALOG (dialog));
  SH_UI_WAIT_FOR (!sh_import_dialog_is_running (SH_IMPORT_DIALOG (dialog)));
  g_assert_nonnull (sh_import_dialog_get_results (SH_IMPORT_DIALOG (dialog)));

  return SH_IMPORT_DIALOG (dialog);
}

static void
test_import_two (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *annual = NULL;
  g_autofree char *dossier = NULL;
  ShImportDialog *dialog;
  GPtrArray *results;
  GListModel *list;
  gint64 facility;
  g_autoptr(GPtrArray) reports = NULL;

  export_demo_reports (f->tmpdir, &annual, &dossier);
  g_assert_cmpint (count_rows (f->store, "facility"), ==, 0);

  dialog = import_and_wait (f, dossier, annual, NULL);
  results = sh_import_dialog_get_results (dialog);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpint (((ShReportImportResult *) results->pdata[0])->status, ==, SH_REPORT_IMPORT_IMPORTED);
  g_assert_cmpint (((ShReportImportResult *) results->pdata[1])->status, ==, SH_REPORT_IMPORT_IMPORTED);
  g_assert_cmpstr (sh_import_dialog_get_summary (dialog), ==,
                   sh_ui_test_expected ("Imported: 2 · Replaced: 0 · Already present: 0 · Refused: 0",
                             "Đã nhập: 2 · Đã thay thế: 0 · Đã có sẵn: 0 · Bị từ chối: 0"));
  g_assert_true (has_label (GTK_WIDGET (dialog), "ho-so-danh-gia.xml"));
  g_assert_true (has_label (GTK_WIDGET (dialog), "bao-cao-sxsh-2024.xml"));
  g_assert_cmpuint (sh_import_dialog_get_n_changed (dialog), ==, 2);
  sh_ui_test_save_screenshot (GTK_WIDGET (dialog), "doit-import-summary");

  /* The database has the plant, its assessment and its 2024 report … */
  facility = find_cassava (f->store);
  g_assert_cmpint (facility, >, 0);
  g_assert_cmpint (count_rows (f->store, "assessment"), >=, 1);
  reports = sh_store_list (f->store, "annual_report", "facility_id", facility, NULL);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpint (sh_record_get_int (reports->pdata[0], "year", 0), ==, 2024);

  /* … and the sidebar lists the plant without a restart. */
  list = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (sh_ui_test_find_widget (GTK_WIDGET (f->window),
                                                                           GTK_TYPE_LIST_VIEW))));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  {
    g_autoptr(ShFacilityItem) item = g_list_model_get_item (list, 0);

    g_assert_cmpint (sh_facility_item_get_id (item), ==, facility);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The same files again, dropped on the window: already present,
   * nothing written. */
  {
    GtkEventController *target = NULL;
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
    g_autoslist(GFile) files = NULL;
    GValue value = G_VALUE_INIT;
    gboolean accepted = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = controller;
      }
    g_assert_nonnull (target);
    files = g_slist_append (files, g_file_new_for_path (dossier));
    files = g_slist_append (files, g_file_new_for_path (annual));
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
    g_value_unset (&value);
    g_assert_true (accepted);

    dialog = NULL;
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (SH_IS_IMPORT_DIALOG (window))
            dialog = SH_IMPORT_DIALOG (window);
        }
    }
    g_assert_nonnull (dialog);
    SH_UI_WAIT_FOR (!sh_import_dialog_is_running (dialog));
  }
  results = sh_import_dialog_get_results (dialog);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpint (((ShReportImportResult *) results->pdata[0])->status, ==, SH_REPORT_IMPORT_UNCHANGED);
  g_assert_cmpint (((ShReportImportResult *) results->pdata[1])->status, ==, SH_REPORT_IMPORT_UNCHANGED);
  g_assert_cmpuint (sh_import_dialog_get_n_changed (dialog), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_import_bad (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *annual = NULL;
  g_autofree char *dossier = NULL;
  g_autofree char *bad = g_build_filename (f->tmpdir, "sua-tay.xml", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) tampered = NULL;
  g_autoptr(GPtrArray) expected_problems = NULL;
  const char *tables[] = { "facility", "assessment", "annual_report", "cp_option", "submission" };
  gint64 before[G_N_ELEMENTS (tables)];
  ShReportImportResult *result;
  ShImportDialog *dialog;
  const ShReportProblem *first = NULL;

  /* A report whose total investment was changed by hand. */
  export_demo_reports (f->tmpdir, &annual, &dossier);
  text = read_text (annual);
  tampered = g_string_new (text);
  g_assert_cmpuint (g_string_replace (tampered, "<TongDauTuVND>13970000000<", "<TongDauTuVND>13000000000<", 1), ==, 1);
  write_text (bad, tampered->str);
  expected_problems = sh_report_validate_file (sh_units_get_default (), bad, NULL);
  for (guint i = 0; i < expected_problems->len && first == NULL; i++)
    if (((ShReportProblem *) expected_problems->pdata[i])->severity == SH_REPORT_SEVERITY_ERROR)
      first = expected_problems->pdata[i];
  g_assert_nonnull (first);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    before[i] = count_rows (f->store, tables[i]);

  dialog = import_and_wait (f, bad, NULL);
  result = sh_import_dialog_get_results (dialog)->pdata[0];
  g_assert_cmpint (result->status, ==, SH_REPORT_IMPORT_REFUSED);
  g_assert_cmpstr (sh_import_dialog_get_summary (dialog), ==,
                   sh_ui_test_expected ("Imported: 0 · Replaced: 0 · Already present: 0 · Refused: 1",
                             "Đã nhập: 0 · Đã thay thế: 0 · Đã có sẵn: 0 · Bị từ chối: 1"));
  /* The reason is shown in words, with its line. */
  g_assert_true (has_label_containing (GTK_WIDGET (dialog), first->message));
  g_assert_true (has_label (GTK_WIDGET (dialog), sh_ui_test_expected ("Import finished; some files were refused",
                                                           "Đã nhập xong; có tệp bị từ chối")));
  g_assert_cmpuint (sh_import_dialog_get_n_changed (dialog), ==, 0);
  sh_ui_test_save_screenshot (GTK_WIDGET (dialog), "doit-import-refused");

  /* Nothing was written. */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpint (count_rows (f->store, tables[i]), ==, before[i]);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* -------------------------------------------------------------------------
 * The DoIT's workspace
 * ------------------------------------------------------------------------- */

#define ADD(...) G_STMT_START { \
    id = sh_store_insert_fields (store, &error, __VA_ARGS__, NULL); \
    g_assert_no_error (error); \
    g_assert_cmpint (id, >, 0); \
  } G_STMT_END

/* An assessment of @facility with one implemented option and production
 * and consumption before and after; the report for 2024 submitted on
 * @submitted. */
static void
add_applying (ShStore    *store,
              gint64      facility,
              const char *kind,
              double      output_before,
              double      output_after,
              const char *output_unit,
              double      before,
              double      after,
              const char *submitted)
{
  g_autoptr(GError) error = NULL;
  gint64 assessment, id;

  ADD ("assessment", NULL, "r:facility_id", facility, "s:kind", kind, "s:start_date", "2024-02-01",
       "s:end_date", "2024-10-30");
  assessment = id;
  ADD ("production_record", NULL, "r:assessment_id", assessment, "s:phase", "baseline", "s:period_label", "2023",
       "s:period_start", "2023-01-01", "s:period_end", "2023-12-31", "s:product", "P",
       "d:quantity", output_before, "s:unit", output_unit);
  ADD ("production_record", NULL, "r:assessment_id", assessment, "s:phase", "after", "s:period_label", "2024",
       "s:period_start", "2024-01-01", "s:period_end", "2024-12-31", "s:product", "P",
       "d:quantity", output_after, "s:unit", output_unit);
  ADD ("resource_consumption", NULL, "r:assessment_id", assessment, "s:phase", "baseline", "s:period_label", "2023",
       "s:resource_code", "power", "s:category", "electricity", "d:quantity", before, "s:unit", "kWh");
  ADD ("resource_consumption", NULL, "r:assessment_id", assessment, "s:phase", "after", "s:period_label", "2024",
       "s:resource_code", "power", "s:category", "electricity", "d:quantity", after, "s:unit", "kWh");
  ADD ("cp_option", NULL, "r:assessment_id", assessment, "s:title", "Giải pháp", "s:category", "GH",
       "s:status", "implemented", "s:actual_end", "2024-06-30");
  ADD ("annual_report", NULL, "r:facility_id", facility, "i:year", 2024, "s:status", "submitted",
       "s:submitted_on", submitted, "s:signatory", "Giám đốc", "s:signatory_title", "Giám đốc");
}

/* Five facilities: four in Lạng Sơn (20), whose plan 93/KH-UBND wants
 * the reports by 15/12, and one in Kon Tum. */
static void
add_province (ShStore  *store,
              Province *p)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* A (medium): a CP team, trained in 2024; electricity 100 → 90 kWh/t
   * (10 %) on 100 t; its report sent on 10/12/2024: on time. */
  ADD ("facility", NULL, "s:name", "Công ty A", "s:province_code", "20", "s:size_class", "medium");
  p->a = id;
  ADD ("team_member", NULL, "r:facility_id", p->a, "s:name", "Trưởng nhóm", "s:role", "leader");
  ADD ("training_event", NULL, "r:facility_id", p->a, "s:date", "2024-03-10", "s:title", "Tập huấn",
       "i:participant_count", 5);
  add_applying (store, p->a, "detailed", 100, 100, "t", 10000, 9000, "2024-12-10");

  /* B (large): no CP unit; electricity 0.1 → 0.08 kWh/kg (20 %) on
   * 300 000 kg; its report sent on 20/12/2024: late. */
  ADD ("facility", NULL, "s:name", "Công ty B", "s:province_code", "20", "s:size_class", "large");
  p->b = id;
  add_applying (store, p->b, "quick", 250000, 300000, "kg", 25000, 24000, "2024-12-20");

  /* C (small): trained in 2023, so aware; a draft report never sent: missing. */
  ADD ("facility", NULL, "s:name", "Công ty C", "s:province_code", "20", "s:size_class", "small");
  p->c = id;
  ADD ("training_event", NULL, "r:facility_id", p->c, "s:date", "2023-06-01", "s:title", "Hội thảo",
       "i:participant_count", 3);
  ADD ("annual_report", NULL, "r:facility_id", p->c, "i:year", 2024, "s:status", "draft");

  /* D (medium): nothing at all: missing. */
  ADD ("facility", NULL, "s:name", "Công ty D", "s:province_code", "20", "s:size_class", "medium");
  p->d = id;

  /* E: another province, not counted. */
  ADD ("facility", NULL, "s:name", "Công ty E", "s:province_code", "62", "s:size_class", "large");
  p->e = id;
}

static void
test_doit_page (Fixture       *f,
                gconstpointer  data)
{
  Province p = f->province;
  ShDoitPage *page;
  ShDoitReportStatus status;
  g_autofree char *profile = NULL;
  double value, target;

  sh_window_show_doit (f->window);
  page = SH_DOIT_PAGE (sh_window_get_doit_page (f->window));
  g_assert_nonnull (page);
  /* Lạng Sơn has the most facilities, and 2024 is the latest report. */
  g_assert_cmpstr (sh_doit_page_get_province (page), ==, "20");
  g_assert_cmpint (sh_doit_page_get_year (page), ==, 2024);

  /* Statuses against 15/12/2024. */
  g_assert_true (sh_doit_page_get_report_status (page, p.a, &status));
  g_assert_cmpint (status, ==, SH_DOIT_REPORT_ON_TIME);
  g_assert_true (sh_doit_page_get_report_status (page, p.b, &status));
  g_assert_cmpint (status, ==, SH_DOIT_REPORT_LATE);
  g_assert_true (sh_doit_page_get_report_status (page, p.c, &status));
  g_assert_cmpint (status, ==, SH_DOIT_REPORT_MISSING);
  g_assert_true (sh_doit_page_get_report_status (page, p.d, &status));
  g_assert_cmpint (status, ==, SH_DOIT_REPORT_MISSING);
  g_assert_false (sh_doit_page_get_report_status (page, p.e, NULL));
  g_assert_true (has_label (GTK_WIDGET (page),
                            sh_ui_test_expected ("On time: 1 · Late: 1 · Submitted: 0 · Not yet due: 0 · Missing: 2",
                                      "Đúng hạn: 1 · Trễ hạn: 1 · Đã nộp: 0 · Chưa đến hạn: 0 · Còn thiếu: 2")));
  g_assert_true (has_label (GTK_WIDGET (page), "10/12/2024"));
  g_assert_true (has_label (GTK_WIDGET (page), "15/12/2024"));

  /* The profile from the reference data. */
  profile = sh_doit_page_get_profile_text (page);
  g_test_message ("%s", profile);
  g_assert_nonnull (strstr (profile, sh_ui_test_expected ("Department of Industry and Trade of Lang Son Province",
                                               "Sở Công Thương tỉnh Lạng Sơn")));
  g_assert_nonnull (strstr (profile, "93/KH-UBND"));
  g_assert_nonnull (strstr (profile, "16/08/2016"));
  g_assert_nonnull (strstr (profile, "2016–2020"));
  g_assert_nonnull (strstr (profile, sh_ui_test_expected ("15/12 each year", "15/12 hằng năm")));

  /* Aware: A, B (applying), C (trained) of 4 = 75 %; applying: A, B = 50 %;
   * a CP unit: A of the medium and large A, B, D = 1 of 3 = 33.33 %;
   * saving: A 10 % on 100 000 kg, B 20 % on 300 000 kg:
   * (10 × 100 000 + 20 × 300 000) / 400 000 = 17.5 %. */
  g_assert_cmpstr (sh_doit_page_get_indicator_text (page, SH_DOIT_INDICATOR_AWARE), ==,
                   sh_ui_test_expected ("3 of 4 (75%)", "3 trên 4 (75%)"));
  g_assert_cmpstr (sh_doit_page_get_indicator_text (page, SH_DOIT_INDICATOR_APPLYING), ==,
                   sh_ui_test_expected ("2 of 4 (50%)", "2 trên 4 (50%)"));
  g_assert_cmpstr (sh_doit_page_get_indicator_text (page, SH_DOIT_INDICATOR_CP_UNIT), ==,
                   sh_ui_test_expected ("1 of 3 (33,33%)", "1 trên 3 (33,33%)"));
  g_assert_cmpstr (sh_doit_page_get_indicator_text (page, SH_DOIT_INDICATOR_SAVING), ==,
                   sh_ui_test_expected ("17,5% (2 assessments)", "17,5% (2 đợt đánh giá)"));
  g_assert_true (sh_doit_page_get_indicator (page, SH_DOIT_INDICATOR_SAVING, &value, &target));
  g_assert_cmpfloat_with_epsilon (value, 17.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (target, 8, 1e-9);

  /* Targets of plan 93/KH-UBND: 90 % aware, 50 % applying, 8–13 %, 70 %. */
  g_assert_cmpstr (sh_doit_page_get_target_text (page, SH_DOIT_INDICATOR_AWARE), ==, "90%");
  g_assert_cmpstr (sh_doit_page_get_target_text (page, SH_DOIT_INDICATOR_APPLYING), ==, "50%");
  g_assert_cmpstr (sh_doit_page_get_target_text (page, SH_DOIT_INDICATOR_SAVING), ==, "8–13%");
  g_assert_cmpstr (sh_doit_page_get_target_text (page, SH_DOIT_INDICATOR_CP_UNIT), ==, "70%");
  g_assert_true (sh_doit_page_get_indicator (page, SH_DOIT_INDICATOR_AWARE, &value, &target));
  g_assert_cmpfloat_with_epsilon (value, 75, 1e-9);
  g_assert_cmpfloat_with_epsilon (target, 90, 1e-9);

  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "doit-page");
  {
    GtkWidget *scroller = sh_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "doit-page-indicators");
  }

  /* Kon Tum: one facility with nothing; its plan wants the reports by 30/11. */
  sh_doit_page_set_province (page, "62");
  g_assert_true (sh_doit_page_get_report_status (page, p.e, &status));
  g_assert_cmpint (status, ==, SH_DOIT_REPORT_MISSING);
  g_assert_false (sh_doit_page_get_report_status (page, p.a, NULL));
  g_assert_cmpstr (sh_doit_page_get_indicator_text (page, SH_DOIT_INDICATOR_AWARE), ==,
                   sh_ui_test_expected ("0 of 1 (0%)", "0 trên 1 (0%)"));
  g_assert_cmpstr (sh_doit_page_get_target_text (page, SH_DOIT_INDICATOR_CP_UNIT), ==, "90%");
  g_clear_pointer (&profile, g_free);
  profile = sh_doit_page_get_profile_text (page);
  g_assert_nonnull (strstr (profile, "2340/KH-UBND"));
  g_assert_nonnull (strstr (profile, sh_ui_test_expected ("30/11 each year", "30/11 hằng năm")));

  /* Next year in Lạng Sơn: nothing is sent yet, and nothing is late. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    int next = g_date_time_get_year (now) + 1;

    sh_doit_page_set_province (page, "20");
    sh_doit_page_set_year (page, next);
    g_assert_true (sh_doit_page_get_report_status (page, p.a, &status));
    g_assert_cmpint (status, ==, SH_DOIT_REPORT_NOT_DUE);
    g_assert_true (sh_doit_page_get_report_status (page, p.d, &status));
    g_assert_cmpint (status, ==, SH_DOIT_REPORT_NOT_DUE);
  }

  /* Selecting a facility leaves the workspace. */
  sh_window_select_facility (f->window, p.a);
  g_assert_nonnull (sh_window_get_facility_page (f->window));
}

static GtkFileChooser *find_chooser (Fixture *f);

/* An .xlsx file is a zip archive holding the workbook's parts. */
static void
assert_is_workbook (const char *path)
{
  static const char part[] = "xl/workbook.xml";
  g_autofree char *contents = NULL;
  gboolean found = FALSE;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpint (memcmp (contents, "PK\x03\x04", 4), ==, 0);
  /* The part names are stored as they are; the data between has NULs. */
  for (gsize i = 0; i + strlen (part) <= length && !found; i++)
    found = memcmp (contents + i, part, strlen (part)) == 0;
  g_assert_true (found);
}

static void
test_doit_rollup (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "tong-hop.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *workbook_path = g_build_filename (f->tmpdir, "tong-hop.xlsx", NULL);
  g_autoptr(GFile) workbook = g_file_new_for_path (workbook_path);
  g_autofree char *name = NULL;
  GtkFileChooser *chooser;
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  GtkMessageDialog *dialog;
  ShDoitPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-doit", NULL));
  page = SH_DOIT_PAGE (sh_window_get_doit_page (f->window));
  g_assert_nonnull (page);

  sh_doit_page_export_rollup (page, file);
  SH_UI_WAIT_FOR ((dialog = find_message_dialog (f)) != NULL);
  text = message_text (dialog);
  g_assert_cmpstr (text, ==, sh_ui_test_expected ("The provincial roll-up was exported",
                                       "Đã xuất báo cáo tổng hợp của tỉnh"));
  assert_valid_report (path, SH_REPORT_KIND_ROLLUP);
  contents = read_text (path);
  g_assert_nonnull (strstr (contents, "<MaTinh>20</MaTinh>"));
  g_assert_nonnull (strstr (contents, "<TongSo>4</TongSo>"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&text, g_free);

  /* The same roll-up as an Excel workbook, from the page's second button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "doit.export-rollup-workbook", NULL));
  SH_UI_WAIT_FOR ((chooser = find_chooser (f)) != NULL);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_suffix (name, ".xlsx"));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  SH_UI_WAIT_FOR (find_chooser (f) == NULL);

  sh_doit_page_export_rollup (page, workbook);
  SH_UI_WAIT_FOR ((dialog = find_message_dialog (f)) != NULL);
  text = message_text (dialog);
  g_assert_cmpstr (text, ==, sh_ui_test_expected ("The provincial roll-up was exported to Excel",
                                                  "Đã xuất báo cáo tổng hợp của tỉnh ra Excel"));
  assert_is_workbook (workbook_path);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkFileChooser *
find_chooser (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_FILE_CHOOSER (window);
    }

  return NULL;
}

/* The menu item and the buttons ask where to write, with a name made from
 * the facility; the dossier goes through the same job as the others. */
static void
test_export_hooks (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "ho-so.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *workbook_path = g_build_filename (f->tmpdir, "bieu-mau.xlsx", NULL);
  g_autoptr(GFile) workbook = g_file_new_for_path (workbook_path);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  GtkMessageDialog *message;
  GtkFileChooser *chooser;
  GtkWidget *page;
  GtkWidget *view;
  gint64 facility = find_cassava (f->store);
  gint64 assessment = sh_demo_cassava_assessment (f->store);

  g_autofree char *slug = sh_export_job_slug ("Nhà máy tinh bột sắn Đắk Tô – 2");

  g_assert_cmpstr (slug, ==, "nha-may-tinh-bot-san-dak-to-2");

  /* The facility page's button: the year is chosen in the save dialog. */
  sh_window_select_facility (f->window, facility);
  page = sh_window_get_facility_page (f->window);
  g_signal_emit_by_name (sh_facility_page_get_part (SH_FACILITY_PAGE (page), "export_annual_button"), "clicked");
  SH_UI_WAIT_FOR ((chooser = find_chooser (f)) != NULL);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_prefix (name, "bao-cao-sxsh-2024-"));
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "year"), ==, "2024");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  SH_UI_WAIT_FOR (find_chooser (f) == NULL);
  g_clear_pointer (&name, g_free);

  /* The assessment view's menu item. */
  g_signal_emit_by_name (sh_facility_page_get_part (SH_FACILITY_PAGE (page), "assessment_list"), "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (sh_facility_page_get_part (SH_FACILITY_PAGE (page),
                                                                                                 "assessment_list")), 0));
  SH_UI_WAIT_FOR ((view = sh_window_get_assessment_view (f->window)) != NULL);
  g_assert_true (gtk_widget_activate_action (view, "assessment.export-dossier", NULL));
  SH_UI_WAIT_FOR ((chooser = find_chooser (f)) != NULL);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_prefix (name, "ho-so-danh-gia-"));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  SH_UI_WAIT_FOR (find_chooser (f) == NULL);

  /* What it runs once a file is chosen. */
  sh_export_job_run_and_report (GTK_WINDOW (f->window), f->store, SH_EXPORT_DOSSIER, assessment, NULL, 0, file);
  SH_UI_WAIT_FOR ((message = find_message_dialog (f)) != NULL);
  text = message_text (message);
  g_assert_cmpstr (text, ==, sh_ui_test_expected ("The assessment dossier was exported", "Đã xuất hồ sơ đánh giá"));
  assert_valid_report (path, SH_REPORT_KIND_DOSSIER);
  gtk_window_destroy (GTK_WINDOW (message));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&name, g_free);

  /* The worksheets as an Excel workbook: the menu item, then the job. */
  g_assert_true (gtk_widget_activate_action (view, "assessment.export-workbook", NULL));
  SH_UI_WAIT_FOR ((chooser = find_chooser (f)) != NULL);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_prefix (name, "bieu-mau-danh-gia-"));
  g_assert_true (g_str_has_suffix (name, ".xlsx"));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  SH_UI_WAIT_FOR (find_chooser (f) == NULL);

  sh_export_job_run_and_report (GTK_WINDOW (f->window), f->store, SH_EXPORT_WORKBOOK, assessment, NULL, 0,
                                workbook);
  SH_UI_WAIT_FOR ((message = find_message_dialog (f)) != NULL);
  text = message_text (message);
  g_assert_cmpstr (text, ==, sh_ui_test_expected ("The worksheets were exported to Excel",
                                                  "Đã xuất các biểu mẫu ra Excel"));
  assert_is_workbook (workbook_path);
  gtk_window_destroy (GTK_WINDOW (message));
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);
  sh_application_init_i18n ();
  gtk_init ();

  g_test_add ("/doit/export-annual", Fixture, NULL, fixture_set_up_demo, test_export_annual, fixture_tear_down);
  g_test_add ("/doit/export-hooks", Fixture, NULL, fixture_set_up_demo, test_export_hooks, fixture_tear_down);
  g_test_add ("/doit/import-two", Fixture, NULL, fixture_set_up_empty, test_import_two, fixture_tear_down);
  g_test_add ("/doit/import-bad", Fixture, NULL, fixture_set_up_empty, test_import_bad, fixture_tear_down);
  g_test_add ("/doit/page", Fixture, NULL, fixture_set_up_province, test_doit_page, fixture_tear_down);
  g_test_add ("/doit/rollup", Fixture, NULL, fixture_set_up_province, test_doit_rollup, fixture_tear_down);

  return g_test_run ();
}
