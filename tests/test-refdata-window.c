/* test-refdata-window.c — the reference-data window, as real widgets.
 *
 * Opened from the main window's menu action, it shows every kind of
 * reference data with its source and tag, filters by a search, and imports
 * an updated file all or nothing. Screenshots go to the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "sh-application.h"
#include "sh-assessment.h"
#include "sh-edit-context.h"
#include "sh-refdata.h"
#include "sh-refdata-window.h"
#include "sh-test-utils.h"
#include "sh-ui-test-utils.h"
#include "sh-window.h"
#include "sh-worksheet-production.h"

typedef struct
{
  char            *tmpdir;
  ShStore         *store;
  ShApplication   *app;
  ShWindow        *window;
  ShRefdataWindow *refdata;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->tmpdir = sh_test_make_tmpdir ("refdata-window");
  path = g_build_filename (f->tmpdir, "sachhon.db", NULL);
  f->store = sh_store_open (path, &error);
  g_assert_no_error (error);
  sh_refdata_ensure_loaded (f->store, &error);
  g_assert_no_error (error);

  f->app = sh_application_new ();
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);

  f->window = sh_window_new (f->app, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  SH_UI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)));

  /* The menu item's action opens the window, once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reference-data", NULL));
  f->refdata = g_object_get_data (G_OBJECT (f->window), "sh-refdata-window");
  g_assert_true (SH_IS_REFDATA_WINDOW (f->refdata));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reference-data", NULL));
  g_assert_true (g_object_get_data (G_OBJECT (f->window), "sh-refdata-window") == f->refdata);
  gtk_window_set_default_size (GTK_WINDOW (f->refdata), 1100, 800);
  SH_UI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->refdata)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&f->window)));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->app);
  g_assert_finalize_object (f->store);
  sh_test_rm_rf (f->tmpdir);
  g_free (f->tmpdir);
}

static const char *
label_text (Fixture    *f,
            const char *part)
{
  return gtk_label_get_text (GTK_LABEL (sh_refdata_window_get_part (f->refdata, part)));
}

static void
test_browse (Fixture       *f,
             gconstpointer  data)
{
  const char *versions = label_text (f, "versions_label");

  /* Each loaded file, its version, and the units table. */
  g_assert_nonnull (strstr (versions, "sectors.xml 1.0.0"));
  g_assert_nonnull (strstr (versions, "options.xml 1.0.0"));
  g_assert_nonnull (strstr (versions, "provinces.xml 1.0.0"));
  g_assert_nonnull (strstr (versions, "units.xml"));
  g_assert_nonnull (strstr (versions, sh_ui_test_expected ("shipped", "kèm ứng dụng")));

  /* A brewery's sector: its template, checklist, benchmarks and norms,
   * each with its source. */
  sh_refdata_window_show_page (f->refdata, "sectors");
  sh_refdata_window_show_sector (f->refdata, "beer");
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "sectors", "vsic 1103"), ==, 1);
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "sectors", "19/2016/tt-bct"), >=, 10);
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "sectors", "286 mj/hl"), ==, 1);
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "sectors", sh_ui_test_expected ("typical inputs", "đầu vào điển hình")),
                    >=, 3);
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "sectors", "campden bri"), >=, 2);
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "sectors", "cassava"), ==, 0);

  /* The plastics norms of 38/2016/TT-BCT have no values in the data, and
   * the page says so instead of showing nothing. */
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "sectors",
                                                   sh_ui_test_expected ("38/2016/tt-bct — energy-consumption norms for plastics production\nno values known",
                                                             "38/2016/tt-bct — định mức tiêu hao năng lượng trong ngành công nghiệp sản xuất nhựa\nchưa biết giá trị")),
                    ==, 1);
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "sectors",
                                                   sh_ui_test_expected ("19/2016/tt-bct — energy-consumption norms for beer and soft-drink production\n10 values",
                                                             "19/2016/tt-bct — định mức tiêu hao năng lượng trong ngành công nghiệp sản xuất bia và nước giải khát\n10 giá trị")),
                    ==, 1);
  sh_ui_test_save_screenshot (GTK_WIDGET (f->refdata), "refdata-window-sector");

  /* A search over all sectors finds every norm in MJ per hectolitre. */
  sh_refdata_window_show_sector (f->refdata, NULL);
  sh_refdata_window_set_search (f->refdata, "MJ/hl");
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "sectors", ""), >=, 10);
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "sectors", "24/2017/tt-bct"), ==, 0);
  sh_ui_test_save_screenshot (GTK_WIDGET (f->refdata), "refdata-window-norms");
  sh_refdata_window_set_search (f->refdata, "no such thing anywhere");
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "sectors", ""), ==, 0);
  sh_refdata_window_set_search (f->refdata, NULL);
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "sectors", ""), >, 300);

  /* The option library, with the saving range and its own tag. */
  sh_refdata_window_show_page (f->refdata, "options");
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "options", "gen-gh-01"), ==, 1);
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "options", ""), >, 50);
  sh_ui_test_save_screenshot (GTK_WIDGET (f->refdata), "refdata-window-options");

  sh_refdata_window_show_page (f->refdata, "lists");
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "lists", "bpc — "), ==, 1);

  /* Units with their factors, fuels, and the grid factor year by year. */
  sh_refdata_window_show_page (f->refdata, "units");
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "units", "tco2/mwh"), >=, 5);
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "units", "1 kwh = 3,6 mj"), ==, 1);

  /* 63 provinces before 1 July 2025 and 34 after, mapped both ways. */
  sh_refdata_window_show_page (f->refdata, "provinces");
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "provinces", ""), ==, 63 + 34);
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "provinces",
                                                   sh_ui_test_expected ("from 1 july 2025: quảng ngãi (51)",
                                                             "từ 1/7/2025: quảng ngãi (51)")), >=, 2);
  sh_refdata_window_set_search (f->refdata, "Kon Tum");
  sh_ui_test_save_screenshot (GTK_WIDGET (f->refdata), "refdata-window-provinces");
  sh_refdata_window_set_search (f->refdata, NULL);

  sh_refdata_window_show_page (f->refdata, "plans");
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "plans", "2340/kh-ubnd"), >=, 1);
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "plans", "1419/qđ-ttg"), >=, 2);
  sh_ui_test_save_screenshot (GTK_WIDGET (f->refdata), "refdata-window-plans");
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *update = sh_test_source_path ("tests", "data", "refdata", "options-update.xml", NULL);
  g_autofree char *invalid = sh_test_source_path ("tests", "data", "refdata", "options-invalid.xml", NULL);
  const char *good[] = { update, NULL };
  const char *bad[] = { invalid, NULL };
  g_autofree char *versions = NULL;
  g_autofree char *secondary = NULL;
  GtkWidget *message = sh_refdata_window_get_part (f->refdata, "message_label");
  GtkMessageDialog *dialog;
  char *text = NULL;

  g_assert_true (gtk_widget_get_visible (sh_refdata_window_get_part (f->refdata, "import_button")));
  g_assert_false (gtk_widget_get_visible (message));

  /* The update replaces the library; the page and the versions show it. */
  sh_refdata_window_import (f->refdata, good);
  g_assert_true (sh_refdata_window_is_importing (f->refdata));
  SH_UI_WAIT_FOR (!sh_refdata_window_is_importing (f->refdata));
  g_assert_null (sh_ui_test_find_message_dialog ());
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "options 1.1.0"));
  g_assert_nonnull (strstr (label_text (f, "versions_label"), "options-update.xml 1.1.0"));
  g_assert_nonnull (strstr (label_text (f, "versions_label"), sh_ui_test_expected ("imported", "đã nhập")));
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "options", "rub-gh-01"), ==, 0);
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "options", "gen-gh-01"), ==, 1);
  sh_refdata_window_show_page (f->refdata, "options");
  sh_ui_test_save_screenshot (GTK_WIDGET (f->refdata), "refdata-window-imported");

  /* A broken file is refused in a dialog that names its line, and
   * nothing changes. */
  versions = g_strdup (label_text (f, "versions_label"));
  sh_refdata_window_import (f->refdata, bad);
  SH_UI_WAIT_FOR (!sh_refdata_window_is_importing (f->refdata));
  dialog = sh_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_object_get (dialog, "text", &text, "secondary-text", &secondary, NULL);
  g_assert_cmpstr (text, ==, sh_ui_test_expected ("The reference data file was refused", "Tệp dữ liệu tham chiếu bị từ chối"));
  g_free (text);
  g_assert_nonnull (strstr (secondary, "options-invalid.xml:10:"));
  g_assert_nonnull (strstr (secondary, sh_ui_test_expected ("Nothing was imported", "Không nhập gì")));
  sh_ui_test_save_screenshot (GTK_WIDGET (dialog), "refdata-window-refused");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (label_text (f, "versions_label"), ==, versions);
  g_assert_cmpuint (sh_refdata_window_count_rows (f->refdata, "options", "gen-gh-01"), ==, 1);
  g_assert_false (gtk_widget_get_visible (message));
}

static void
insert (ShStore  *store,
        ShRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sh_store_insert (store, record, &error), >, 0);
  g_assert_no_error (error);
}

/* A brewery of 15 million litres a year (under 20 million: at most
 * 286 MJ/hl in 2023) that used 360 MJ/hl: its specific-consumption page
 * shows the benchmarks and flags the legal norm. */
static void
test_norm_flag (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) facility = sh_record_new ("facility");
  g_autoptr(ShRecord) assessment = sh_record_new ("assessment");
  g_autoptr(ShRecord) production = sh_record_new ("production_record");
  g_autoptr(ShRecord) electricity = sh_record_new ("resource_consumption");
  g_autoptr(ShRecord) water = sh_record_new ("resource_consumption");
  g_autoptr(ShEditContext) ctx = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *sheet;
  gboolean above = FALSE;
  gint64 id = 0;

  sh_record_set_string (facility, "name", "Nhà máy bia thử");
  sh_record_set_string (facility, "sector_code", "beer");
  insert (f->store, facility);
  sh_record_set_int (assessment, "facility_id", sh_record_get_id (facility));
  sh_record_set_string (assessment, "kind", "quick");
  g_assert_true (sh_assessment_create (f->store, assessment, &id, &error));
  g_assert_no_error (error);

  sh_record_set_int (production, "assessment_id", id);
  sh_record_set_string (production, "period_label", "2023");
  sh_record_set_string (production, "period_start", "2023-01-01");
  sh_record_set_string (production, "period_end", "2023-12-31");
  sh_record_set_string (production, "product", "Bia hơi");
  sh_record_set_double (production, "quantity", 150000);
  sh_record_set_string (production, "unit", "hl");
  insert (f->store, production);
  sh_record_set_int (electricity, "assessment_id", id);
  sh_record_set_string (electricity, "period_label", "2023");
  sh_record_set_string (electricity, "resource_code", "electricity");
  sh_record_set_string (electricity, "category", "electricity");
  sh_record_set_double (electricity, "quantity", 15000000);
  sh_record_set_string (electricity, "unit", "kWh");
  insert (f->store, electricity);
  sh_record_set_int (water, "assessment_id", id);
  sh_record_set_string (water, "period_label", "2023");
  sh_record_set_string (water, "resource_code", "water");
  sh_record_set_string (water, "category", "water");
  sh_record_set_double (water, "quantity", 75000);
  sh_record_set_string (water, "unit", "m3");
  insert (f->store, water);

  ctx = sh_edit_context_new_for_assessment (f->store, id, &error);
  g_assert_no_error (error);
  sheet = sh_worksheet_production_new (ctx, FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), sheet);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 900);
  gtk_window_present (GTK_WINDOW (window));
  SH_UI_WAIT_FOR (sh_worksheet_production_get_norm_text (SH_WORKSHEET_PRODUCTION (sheet), NULL) != NULL);

  g_assert_nonnull (strstr (sh_worksheet_production_get_norm_text (SH_WORKSHEET_PRODUCTION (sheet), &above),
                            sh_ui_test_expected ("Total energy 360 MJ/hl: ABOVE the legal norm of 286 MJ/hl",
                                      "Tổng năng lượng 360 MJ/hl: VƯỢT định mức 286 MJ/hl")));
  g_assert_true (above);
  g_assert_nonnull (strstr (sh_worksheet_production_get_norm_text (SH_WORKSHEET_PRODUCTION (sheet), NULL),
                            "19/2016/TT-BCT"));
  /* The sector's benchmarks stay beside it. */
  g_assert_nonnull (sh_worksheet_production_get_benchmark_text (SH_WORKSHEET_PRODUCTION (sheet), "water"));

  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    SH_UI_WAIT_FOR (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  sh_ui_test_save_screenshot (window, "refdata-norm-flag");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);
  sh_application_init_i18n ();
  gtk_init ();

#define WINDOW_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  WINDOW_TEST ("/refdata-window/browse", test_browse);
  WINDOW_TEST ("/refdata-window/import", test_import);
  WINDOW_TEST ("/refdata-window/norm-flag", test_norm_flag);
#undef WINDOW_TEST

  return g_test_run ();
}
