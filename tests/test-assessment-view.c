/* test-assessment-view.c — the assessment view, its quick form and task pages, under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "sh-application.h"
#include "sh-assessment-view.h"
#include "sh-chart-view.h"
#include "sh-store-private.h"
#include "sh-demo.h"
#include "sh-format.h"
#include "sh-quick-form.h"
#include "sh-refdata.h"
#include "sh-summary.h"
#include "sh-task-page.h"
#include "sh-task-sidebar.h"
#include "sh-tasks.h"
#include "sh-test-utils.h"
#include "sh-ui-test-utils.h"
#include "sh-worksheet-checklist.h"
#include "sh-worksheet-costing.h"
#include "sh-worksheet-economics.h"
#include "sh-worksheet-environment.h"
#include "sh-worksheet-flows.h"
#include "sh-worksheet-monitoring.h"
#include "sh-worksheet-observations.h"
#include "sh-worksheet-option-causes.h"
#include "sh-worksheet-production.h"
#include "sh-worksheet-ranking.h"
#include "sh-worksheet-util.h"

#define DEMO_UUID(n) "5ac4d000-0000-4000-8000-" n

typedef struct
{
  char             *tmpdir;
  ShStore          *store;
  ShApplication    *app;
  GtkWindow        *window;
  ShAssessmentView *view;
} Fixture;

/* Scrolls the first scrolled window under @root by @fraction of its length. */
static void
scroll_to (GtkWidget *root,
           double     fraction)
{
  GtkWidget *scroller = sh_ui_test_find_widget (root, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scroller);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_lower (adjustment) +
                            fraction * (gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment) -
                                        gtk_adjustment_get_lower (adjustment)));
}

static gint64
find_by_uuid (ShStore    *store,
              const char *table,
              const char *uuid)
{
  g_autoptr(GPtrArray) rows = sh_store_list (store, table, NULL, 0, NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (g_strcmp0 (sh_record_get_uuid (rows->pdata[i]), uuid) == 0)
      return sh_record_get_id (rows->pdata[i]);

  g_assert_not_reached ();
}

static ShRecord *
row_of (ShStore    *store,
        const char *table,
        gint64      id)
{
  g_autoptr(GError) error = NULL;
  ShRecord *row = sh_store_get (store, table, id, &error);

  g_assert_no_error (error);
  return row;
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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->tmpdir = sh_test_make_tmpdir ("assessment-view");
  path = g_build_filename (f->tmpdir, "sachhon.db", NULL);
  f->store = sh_store_open (path, &error);
  g_assert_no_error (error);
  sh_refdata_ensure_loaded (f->store, &error);
  g_assert_no_error (error);
  sh_demo_ensure (f->store, &error);
  g_assert_no_error (error);

  f->app = new_registered_application ();
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_application (f->window, GTK_APPLICATION (f->app));
  gtk_window_set_default_size (f->window, 1280, 900);
}

static void
open_view (Fixture *f,
           gint64   assessment_id)
{
  f->view = SH_ASSESSMENT_VIEW (sh_assessment_view_new (f->store, assessment_id));
  g_assert_nonnull (sh_assessment_view_get_context (f->view));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  SH_UI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->app);
  g_clear_object (&f->store);
  sh_test_rm_rf (f->tmpdir);
  g_clear_pointer (&f->tmpdir, g_free);
}

/* Types @text into the field bound to @table.@column of row @id under
 * @root and saves it, as leaving the field does; or picks a choice, or
 * ticks a box ("1"/"0"). */
static void
set_field (GtkWidget  *root,
           const char *table,
           gint64      id,
           const char *column,
           const char *text)
{
  GtkWidget *field = NULL;

  SH_UI_WAIT_FOR ((field = sh_worksheet_find_field (root, table, id, column)) != NULL);

  if (SH_IS_FIELD_ENTRY (field))
    {
      sh_field_entry_set_text (SH_FIELD_ENTRY (field), text);
      if (!sh_field_entry_commit (SH_FIELD_ENTRY (field)))
        g_error ("%s.%s refused “%s”: %s", table, column, text,
                 sh_field_entry_get_error_message (SH_FIELD_ENTRY (field)));
    }
  else if (SH_IS_FIELD_CHOICE (field))
    g_assert_true (sh_field_choice_select_code (SH_FIELD_CHOICE (field), text));
  else if (SH_IS_FIELD_CHECK (field))
    g_assert_true (sh_field_check_set_active (SH_FIELD_CHECK (field), g_strcmp0 (text, "1") == 0));
  else
    g_assert_not_reached ();
}

static gint64
add_row (GtkWidget  *root,
         const char *table)
{
  ShRecordTable *records = sh_worksheet_find_record_table (root, table);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_nonnull (records);
  id = sh_record_table_add_row (records, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
assert_text (ShStore    *store,
             const char *table,
             gint64      id,
             const char *column,
             const char *value)
{
  g_autoptr(ShRecord) row = row_of (store, table, id);

  g_assert_cmpstr (sh_record_get_string (row, column), ==, value);
}

static void
assert_double (ShStore    *store,
               const char *table,
               gint64      id,
               const char *column,
               double      value)
{
  g_autoptr(ShRecord) row = row_of (store, table, id);

  g_assert_false (sh_record_is_null (row, column));
  g_assert_cmpfloat_with_epsilon (sh_record_get_double (row, column, -1), value, 1e-9);
}

static void
assert_int (ShStore    *store,
            const char *table,
            gint64      id,
            const char *column,
            gint64      value)
{
  g_autoptr(ShRecord) row = row_of (store, table, id);

  g_assert_false (sh_record_is_null (row, column));
  g_assert_cmpint (sh_record_get_int (row, column, -1), ==, value);
}

static GPtrArray *
compute (ShStore *store,
         gint64   assessment_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *statuses = sh_tasks_compute (store, assessment_id, &error);

  g_assert_no_error (error);
  return statuses;
}

/* A small PNG, made here, to attach as a photo. */
static GFile *
make_photo (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "ro-ri-van.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 48, 32);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.5, 0.8);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.9, 0.9, 0.2);
  cairo_rectangle (cr, 8, 8, 16, 12);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_file_new_for_path (path);
}

/* -------------------------------------------------------------------------
 * The quick assessment, filled end to end
 * ------------------------------------------------------------------------- */

static void
test_quick_fill (Fixture       *f,
                 gconstpointer  data)
{
  gint64 quick = find_by_uuid (f->store, "assessment", DEMO_UUID ("000000000100"));
  gint64 facility = find_by_uuid (f->store, "facility", DEMO_UUID ("000000000001"));
  gint64 qw01 = find_by_uuid (f->store, "cp_option", DEMO_UUID ("000000000140"));
  g_autoptr(GPtrArray) before = compute (f->store, quick);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  ShQuickForm *form;
  GtkWidget *section;
  ShWorksheetProduction *production;
  ShWorksheetChecklist *checklist;
  ShWorksheetObservations *observations;
  ShWorksheetEconomics *economics;
  gint64 production_id, water_id, power_id, observation_id, evidence_id, saving_id, investment_id;
  g_auto(GStrv) items = NULL;
  g_autoptr(GFile) photo = NULL;
  g_autoptr(GBytes) photo_bytes = NULL;
  g_autofree char *photo_sha = NULL;
  g_autofree char *payback = NULL;

  open_view (f, quick);
  form = SH_QUICK_FORM (sh_assessment_view_get_part (f->view, "quick_form"));
  g_assert_nonnull (form);
  g_assert_null (sh_assessment_view_get_part (f->view, "sidebar"));
  g_assert_true (gtk_widget_get_visible (sh_assessment_view_get_part (f->view, "start_detailed_button")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sh_assessment_view_get_part (f->view, "title_label"))), ==,
                   "Đánh giá nhanh SXSH nhà máy tinh bột sắn");

  /* The section headings show the completeness computed from the store. */
  for (guint i = 0; i < SH_TASKS_N_QUICK_SECTIONS; i++)
    g_assert_cmpint (sh_quick_form_get_completeness (form, i + 1), ==,
                     ((ShTaskStatus *) before->pdata[i])->completeness);
  g_assert_cmpint (sh_quick_form_get_completeness (form, 2), ==, SH_COMPLETENESS_EMPTY);
  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "assessment-view-quick-before");

  /* 1. Facility data and operating regime. */
  section = sh_quick_form_get_section (form, 1);
  set_field (section, "facility", facility, "employees", "185");
  set_field (section, "facility", facility, "certifications", "ISO 9001:2015, ISO 14001:2015");
  set_field (section, "facility", facility, "shifts_per_day", "3");
  set_field (section, "assessment", quick, "operating_regime", "3 ca/ngày, 290 ngày/năm");
  set_field (section, "assessment", quick, "end_date", "12/05/2023");
  assert_int (f->store, "facility", facility, "employees", 185);
  assert_text (f->store, "facility", facility, "certifications", "ISO 9001:2015, ISO 14001:2015");
  assert_text (f->store, "assessment", quick, "operating_regime", "3 ca/ngày, 290 ngày/năm");
  assert_text (f->store, "assessment", quick, "end_date", "2023-05-12");

  /* 2. Production and consumption with unit costs: 30.000 t of starch,
   * 540.000 m³ of water (18 m³/t) and 6.300.000 kWh (210 kWh/t). */
  section = sh_quick_form_get_section (form, 2);
  production = SH_WORKSHEET_PRODUCTION (sh_ui_test_find_widget (section, SH_TYPE_WORKSHEET_PRODUCTION));
  production_id = add_row (section, "production_record");
  set_field (section, "production_record", production_id, "period_label", "2022");
  set_field (section, "production_record", production_id, "product", "Tinh bột sắn");
  set_field (section, "production_record", production_id, "quantity", "30.000");
  set_field (section, "production_record", production_id, "unit", "t");
  water_id = add_row (section, "resource_consumption");
  set_field (section, "resource_consumption", water_id, "resource_code", "water");
  set_field (section, "resource_consumption", water_id, "resource_name", "Nước giếng khoan");
  set_field (section, "resource_consumption", water_id, "category", "water");
  set_field (section, "resource_consumption", water_id, "quantity", "540.000");
  set_field (section, "resource_consumption", water_id, "unit", "m3");
  set_field (section, "resource_consumption", water_id, "unit_price_vnd", "6.000");
  power_id = add_row (section, "resource_consumption");
  set_field (section, "resource_consumption", power_id, "resource_code", "electricity");
  set_field (section, "resource_consumption", power_id, "resource_name", "Điện lưới");
  set_field (section, "resource_consumption", power_id, "quantity", "6.300.000");
  set_field (section, "resource_consumption", power_id, "unit", "kWh");
  set_field (section, "resource_consumption", power_id, "unit_price_vnd", "1.800");
  assert_double (f->store, "production_record", production_id, "quantity", 30000);
  assert_text (f->store, "production_record", production_id, "phase", "baseline");
  assert_text (f->store, "resource_consumption", water_id, "resource_code", "water");
  assert_double (f->store, "resource_consumption", water_id, "quantity", 540000);
  assert_text (f->store, "resource_consumption", water_id, "unit", "m3");
  assert_int (f->store, "resource_consumption", water_id, "unit_price_vnd", 6000);
  assert_double (f->store, "resource_consumption", power_id, "quantity", 6300000);
  assert_int (f->store, "resource_consumption", power_id, "unit_price_vnd", 1800);

  /* Specific consumption, live, against the cassava benchmarks: 18 m³/t is
   * above the 16,7 m³/t of the Thai plant; 210 kWh/t above 197,8 kWh/t. */
  SH_UI_WAIT_FOR (g_strcmp0 (sh_worksheet_production_get_sc_text (production, "water"), "18 m³/t") == 0);
  g_assert_cmpstr (sh_worksheet_production_get_sc_text (production, "electricity"), ==, "210 kWh/t");
  g_assert_nonnull (strstr (sh_worksheet_production_get_benchmark_text (production, "water"), "16,7 m³/t"));
  g_assert_nonnull (strstr (sh_worksheet_production_get_benchmark_text (production, "water"),
                            sh_ui_test_expected ("7,8% above", "cao hơn 7,8%")));
  g_assert_nonnull (strstr (sh_worksheet_production_get_benchmark_text (production, "electricity"),
                            "197,8 kWh/t"));

  /* 3. The walk-through checklist of the cassava sector, every item. */
  section = sh_quick_form_get_section (form, 3);
  checklist = SH_WORKSHEET_CHECKLIST (sh_ui_test_find_widget (section, SH_TYPE_WORKSHEET_CHECKLIST));
  items = sh_worksheet_checklist_get_items (checklist);
  g_assert_cmpuint (g_strv_length (items), >=, 20);
  g_assert_cmpstr (items[0], ==, "CAS-01");
  for (guint i = 0; items[i] != NULL; i++)
    {
      if (!g_str_has_prefix (items[i], "CAS-"))
        continue;
      g_assert_true (sh_worksheet_checklist_answer (checklist, items[i], i % 3 == 0 ? "no" : i % 3 == 1 ? "yes" : "na",
                                                    &error));
      g_assert_no_error (error);
    }
  g_assert_true (sh_worksheet_checklist_set_note (checklist, "CAS-01", "Củ tồn bãi 3 ngày", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) answers = sh_store_list (f->store, "checklist_answer", "assessment_id", quick, &error);
    gboolean saw_note = FALSE;
    guint n_sector = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < answers->len; i++)
      {
        ShRecord *answer = answers->pdata[i];
        const char *code = sh_record_get_string (answer, "item_code");

        if (!g_str_has_prefix (code, "CAS-"))
          continue;
        n_sector++;
        g_assert_nonnull (sh_record_get_string (answer, "answer"));
        g_assert_cmpstr (sh_worksheet_checklist_get_answer (checklist, code), ==,
                         sh_record_get_string (answer, "answer"));
        if (g_strcmp0 (code, "CAS-01") == 0)
          {
            g_assert_cmpstr (sh_record_get_string (answer, "answer"), ==, "no");
            g_assert_cmpstr (sh_record_get_string (answer, "note"), ==, "Củ tồn bãi 3 ngày");
            saw_note = TRUE;
          }
      }
    g_assert_true (saw_note);
    g_assert_cmpuint (n_sector, ==, g_strv_length (items) - 2);
  }

  /* 4. An observation with a photo: the file's bytes and SHA-256 go into
   * the database. */
  section = sh_quick_form_get_section (form, 4);
  observations = SH_WORKSHEET_OBSERVATIONS (sh_ui_test_find_widget (section, SH_TYPE_WORKSHEET_OBSERVATIONS));
  observation_id = add_row (section, "observation");
  set_field (section, "observation", observation_id, "location", "Bơm sữa tinh bột");
  set_field (section, "observation", observation_id, "issue", "Rò rỉ tại van xả bơm");
  set_field (section, "observation", observation_id, "category", "leak");
  set_field (section, "observation", observation_id, "severity", "high");
  assert_text (f->store, "observation", observation_id, "issue", "Rò rỉ tại van xả bơm");
  assert_text (f->store, "observation", observation_id, "category", "leak");
  assert_text (f->store, "observation", observation_id, "severity", "high");

  sh_worksheet_observations_open (observations, observation_id);
  g_assert_cmpuint (sh_worksheet_observations_get_n_photos (observations), ==, 0);
  photo = make_photo (f);
  photo_bytes = g_file_load_bytes (photo, NULL, NULL, &error);
  g_assert_no_error (error);
  photo_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, photo_bytes);
  evidence_id = sh_worksheet_observations_attach_file (observations, photo, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evidence_id, >, 0);
  g_assert_cmpuint (sh_worksheet_observations_get_n_photos (observations), ==, 1);
  {
    g_autoptr(ShRecord) evidence = row_of (f->store, "evidence", evidence_id);
    const GValue *content = sh_record_get_value (evidence, "content");

    g_assert_cmpstr (sh_record_get_string (evidence, "kind"), ==, "photo");
    g_assert_cmpstr (sh_record_get_string (evidence, "entity_table"), ==, "observation");
    g_assert_cmpint (sh_record_get_int (evidence, "entity_id", 0), ==, observation_id);
    g_assert_cmpint (sh_record_get_int (evidence, "assessment_id", 0), ==, quick);
    g_assert_cmpstr (sh_record_get_string (evidence, "file_name"), ==, "ro-ri-van.png");
    g_assert_cmpstr (sh_record_get_string (evidence, "media_type"), ==, "image/png");
    g_assert_cmpstr (sh_record_get_string (evidence, "sha256"), ==, photo_sha);
    g_assert_cmpint (sh_record_get_int (evidence, "size_bytes", 0), ==, g_bytes_get_size (photo_bytes));
    g_assert_nonnull (content);
    g_assert_true (g_bytes_equal (g_value_get_boxed (content), photo_bytes));
  }

  /* 5. The demo's quick win QW01 gets a saving and a cost: 30.000 m³ of
   * water a year at 6.000 ₫ = 180.000.000 ₫ for 45.000.000 ₫, paid back in
   * three months. */
  section = sh_quick_form_get_section (form, 5);
  economics = SH_WORKSHEET_ECONOMICS (sh_ui_test_find_widget (section, SH_TYPE_WORKSHEET_ECONOMICS));
  g_assert_true (sh_worksheet_economics_select_option (economics, qw01));
  saving_id = add_row (section, "option_saving");
  set_field (section, "option_saving", saving_id, "resource_code", "water");
  set_field (section, "option_saving", saving_id, "quantity", "30.000");
  set_field (section, "option_saving", saving_id, "unit", "m3");
  set_field (section, "option_saving", saving_id, "unit_price_vnd", "6.000");
  investment_id = add_row (section, "option_investment");
  set_field (section, "option_investment", investment_id, "amount_vnd", "45.000.000");
  assert_int (f->store, "option_saving", saving_id, "option_id", qw01);
  assert_double (f->store, "option_saving", saving_id, "quantity", 30000);
  assert_int (f->store, "option_investment", investment_id, "amount_vnd", 45000000);
  payback = g_strdup (sh_ui_test_expected ("3 months", "3 tháng"));
  SH_UI_WAIT_FOR (g_strcmp0 (sh_worksheet_economics_get_figure (economics, "payback"), payback) == 0);
  g_assert_cmpstr (sh_worksheet_economics_get_figure (economics, "benefit"), ==, "180.000.000 ₫");
  g_assert_cmpstr (sh_worksheet_economics_get_figure (economics, "investment"), ==, "45.000.000 ₫");

  /* 6. Focus and recommendation; 7. signatures. */
  section = sh_quick_form_get_section (form, 6);
  set_field (section, "assessment", quick, "cp_potential_pct", "12,5");
  set_field (section, "assessment", quick, "continue_recommended", "1");
  set_field (section, "assessment", quick, "recommendation", "Đánh giá chi tiết công đoạn rửa củ và ly tâm.");
  assert_double (f->store, "assessment", quick, "cp_potential_pct", 12.5);
  assert_int (f->store, "assessment", quick, "continue_recommended", 1);
  section = sh_quick_form_get_section (form, 7);
  set_field (section, "assessment", quick, "facility_signature_name", "Nguyễn Văn Hùng");
  set_field (section, "assessment", quick, "facility_signature_date", "11/05/2023");
  assert_text (f->store, "assessment", quick, "facility_signature_name", "Nguyễn Văn Hùng");
  assert_text (f->store, "assessment", quick, "facility_signature_date", "2023-05-11");

  /* Every section is complete now, and the headings say so. */
  after = compute (f->store, quick);
  for (guint i = 0; i < SH_TASKS_N_QUICK_SECTIONS; i++)
    g_assert_cmpint (((ShTaskStatus *) after->pdata[i])->completeness, ==, SH_COMPLETENESS_DONE);
  SH_UI_WAIT_FOR (sh_quick_form_get_completeness (form, 2) == SH_COMPLETENESS_DONE &&
            sh_quick_form_get_completeness (form, 5) == SH_COMPLETENESS_DONE &&
            sh_quick_form_get_completeness (form, 3) == SH_COMPLETENESS_DONE);

  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "assessment-view-quick");
  sh_quick_form_scroll_to_section (form, 2);
  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "assessment-view-quick-production");
  sh_quick_form_scroll_to_section (form, 4);
  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "assessment-view-quick-observations");
  sh_quick_form_scroll_to_section (form, 5);
  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "assessment-view-quick-wins");
}

/* -------------------------------------------------------------------------
 * Starting a detailed assessment from the quick one
 * ------------------------------------------------------------------------- */

static guint
count_rows (ShStore    *store,
            const char *table,
            gint64      assessment_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = sh_store_list (store, table, "assessment_id", assessment_id, &error);

  g_assert_no_error (error);
  return rows->len;
}

static void
record_created_cb (ShAssessmentView *view,
                   gint64            id,
                   gint64           *out)
{
  *out = id;
}

static void
test_quick_start_detailed (Fixture       *f,
                           gconstpointer  data)
{
  gint64 quick = find_by_uuid (f->store, "assessment", DEMO_UUID ("000000000100"));
  gint64 brick_quick = find_by_uuid (f->store, "assessment", DEMO_UUID ("000000002101"));
  g_autoptr(ShRecord) quick_row = row_of (f->store, "assessment", brick_quick);
  g_autoptr(ShRecord) detailed = NULL;
  g_autoptr(GPtrArray) options = NULL;
  g_autoptr(GError) error = NULL;
  gint64 created = 0;
  gint64 detailed_id;
  GtkWidget *sidebar;

  g_assert_cmpint (quick, !=, brick_quick);

  /* The brick plant's quick assessment has production, consumption and a
   * costed quick win to hand over. */
  open_view (f, brick_quick);
  g_signal_connect (f->view, "assessment-created", G_CALLBACK (record_created_cb), &created);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.start-detailed", NULL));
  SH_UI_WAIT_FOR (sh_assessment_view_get_assessment_id (f->view) != brick_quick);
  detailed_id = sh_assessment_view_get_assessment_id (f->view);
  g_assert_cmpint (created, ==, detailed_id);

  detailed = row_of (f->store, "assessment", detailed_id);
  g_assert_cmpstr (sh_record_get_string (detailed, "kind"), ==, "detailed");
  g_assert_cmpstr (sh_record_get_string (detailed, "status"), ==, "draft");
  g_assert_cmpint (sh_record_get_int (detailed, "parent_assessment_id", 0), ==, brick_quick);
  g_assert_cmpint (sh_record_get_int (detailed, "facility_id", 0), ==,
                   sh_record_get_int (quick_row, "facility_id", -1));
  g_assert_cmpstr (sh_record_get_string (detailed, "focus"), ==, sh_record_get_string (quick_row, "proposed_focus"));
  g_assert_cmpstr (sh_record_get_string (detailed, "baseline_from"), ==, "2023-01-01");
  g_assert_cmpstr (sh_record_get_string (detailed, "operating_regime"), ==, "2 ca/ngày, 300 ngày/năm");
  g_assert_cmpuint (count_rows (f->store, "production_record", detailed_id), ==, 1);
  g_assert_cmpuint (count_rows (f->store, "resource_consumption", detailed_id), ==, 2);
  g_assert_cmpuint (count_rows (f->store, "observation", detailed_id), ==, 0);
  options = sh_store_list (f->store, "cp_option", "assessment_id", detailed_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (options->len, ==, 1);
  g_assert_cmpstr (sh_record_get_string (options->pdata[0], "title"), ==, "Chèn kín cửa lò bằng bông gốm");
  g_assert_cmpstr (sh_record_get_string (options->pdata[0], "status"), ==, "proposed");
  {
    g_autoptr(GPtrArray) investments = sh_store_list (f->store, "option_investment", "option_id",
                                                      sh_record_get_id (options->pdata[0]), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (investments->len, ==, 1);
    g_assert_cmpint (sh_record_get_int (investments->pdata[0], "amount_vnd", 0), ==, 35000000);
  }

  /* The view now shows the detailed assessment: a sidebar of 18 tasks. */
  sidebar = sh_assessment_view_get_part (f->view, "sidebar");
  g_assert_nonnull (sidebar);
  g_assert_null (sh_assessment_view_get_part (f->view, "quick_form"));
  g_assert_false (gtk_widget_get_visible (sh_assessment_view_get_part (f->view, "start_detailed_button")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (sh_assessment_view_get_part (f->view, "subtitle_label"))),
                            sh_ui_test_expected ("Detailed assessment", "Đánh giá chi tiết")));
  g_assert_cmpuint (sh_task_sidebar_get_selected_task (SH_TASK_SIDEBAR (sidebar)), ==, 1);
  /* The quick one listed no process steps, so the detailed one starts with
   * the brick sector's step template, which completes task 2. */
  g_assert_cmpuint (count_rows (f->store, "process_step", detailed_id), >=, 3);
  g_assert_cmpint (sh_task_sidebar_get_completeness (SH_TASK_SIDEBAR (sidebar), 2), ==,
                   SH_COMPLETENESS_DONE);

  /* The new assessment is far from complete: finalizing lists it all. */
  {
    g_autoptr(GPtrArray) missing = NULL;
    GtkWindow *dialog;
    const char *listed;

    g_assert_false (sh_tasks_check_finalize (f->store, detailed_id, &missing, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (missing->len, >, 10);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.finalize", NULL));
    SH_UI_WAIT_FOR ((dialog = sh_assessment_view_get_dialog (f->view)) != NULL);
    listed = g_object_get_data (G_OBJECT (dialog), "sh-missing");
    for (guint i = 0; i < missing->len; i++)
      g_assert_nonnull (strstr (listed, missing->pdata[i]));
    sh_ui_test_save_screenshot (GTK_WIDGET (dialog), "assessment-view-finalize-missing-long");
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
    SH_UI_WAIT_FOR (sh_assessment_view_get_dialog (f->view) == NULL);
    assert_text (f->store, "assessment", detailed_id, "status", "draft");
  }

  /* The quick assessment keeps its walk-through record. */
  g_assert_cmpuint (count_rows (f->store, "observation", brick_quick), ==, 2);
  g_assert_cmpuint (count_rows (f->store, "observation", quick), ==, 2);
}

/* -------------------------------------------------------------------------
 * The detailed assessment: 18 tasks
 * ------------------------------------------------------------------------- */

static GtkWidget *
show_task (Fixture *f,
           guint    task)
{
  ShTaskSidebar *sidebar = SH_TASK_SIDEBAR (sh_assessment_view_get_part (f->view, "sidebar"));
  GtkStack *stack = GTK_STACK (sh_assessment_view_get_part (f->view, "task_stack"));
  GtkWidget *page;

  sh_task_sidebar_select_task (sidebar, task);
  page = sh_assessment_view_get_task_page (f->view, task);
  SH_UI_WAIT_FOR (gtk_stack_get_visible_child (stack) == page);
  SH_UI_WAIT_FOR (gtk_widget_get_mapped (page));
  g_assert_cmpuint (sh_task_sidebar_get_selected_task (sidebar), ==, task);

  return page;
}

static void
test_detailed_walk (Fixture       *f,
                    gconstpointer  data)
{
  gint64 detailed = sh_demo_cassava_assessment (f->store);
  gint64 leak = find_by_uuid (f->store, "cp_option", DEMO_UUID ("000000001001"));
  gint64 water_record = find_by_uuid (f->store, "monitoring_record", DEMO_UUID ("000000001801"));
  gint64 wastewater = find_by_uuid (f->store, "waste_stream", DEMO_UUID ("000000000801"));
  g_autoptr(GPtrArray) statuses = compute (f->store, detailed);
  const char *payback = sh_ui_test_expected ("3 months", "3 tháng");
  ShTaskSidebar *sidebar;

  open_view (f, detailed);
  sidebar = SH_TASK_SIDEBAR (sh_assessment_view_get_part (f->view, "sidebar"));
  g_assert_nonnull (sidebar);
  g_assert_null (sh_assessment_view_get_part (f->view, "quick_form"));

  for (guint task = 1; task <= SH_TASKS_N_TASKS; task++)
    {
      ShCompleteness state = ((ShTaskStatus *) statuses->pdata[task - 1])->completeness;
      GtkWidget *page = show_task (f, task);
      GPtrArray *worksheets = sh_task_page_get_worksheets (SH_TASK_PAGE (page));

      g_assert_cmpuint (sh_task_page_get_task (SH_TASK_PAGE (page)), ==, task);
      g_assert_cmpuint (worksheets->len, >=, 1);
      for (guint i = 0; i < worksheets->len; i++)
        g_assert_true (gtk_widget_get_mapped (worksheets->pdata[i]));

      /* The icons say what sh_tasks_compute says; the demo is complete. */
      g_assert_cmpint (state, ==, SH_COMPLETENESS_DONE);
      g_assert_cmpint (sh_task_sidebar_get_completeness (sidebar, task), ==, state);
      g_assert_cmpstr (sh_task_sidebar_get_icon_name (sidebar, task), ==, sh_worksheet_completeness_icon (state));
      g_assert_cmpint (sh_task_page_get_completeness (SH_TASK_PAGE (page)), ==, state);

      {
        g_autofree char *name = g_strdup_printf ("assessment-view-task-%02u", task);
        g_autofree char *bottom = g_strdup_printf ("assessment-view-task-%02u-end", task);

        sh_ui_test_save_screenshot (GTK_WIDGET (f->window), name);
        scroll_to (page, 1.0);
        sh_ui_test_save_screenshot (GTK_WIDGET (f->window), bottom);
        scroll_to (page, 0.0);
      }

      switch (task)
        {
        case 1:
          g_assert_cmpuint (sh_record_table_get_n_rows (sh_worksheet_find_record_table (page, "team_member")), ==, 4);
          break;

        case 2:
          {
            ShWorksheetProduction *production =
              SH_WORKSHEET_PRODUCTION (sh_task_page_find_worksheet (SH_TASK_PAGE (page), SH_TYPE_WORKSHEET_PRODUCTION));

            g_assert_cmpuint (sh_record_table_get_n_rows (sh_worksheet_find_record_table (page, "process_step")), ==, 7);
            SH_UI_WAIT_FOR (sh_worksheet_production_get_sc_text (production, "water") != NULL);
            g_assert_cmpstr (sh_worksheet_production_get_sc_text (production, "water"), ==, "18 m³/t");
            /* (18 − 15,3) ÷ 18 = 15 % */
            g_assert_cmpstr (sh_worksheet_production_get_saving_text (production, "water"), ==, "15%");
            /* The specific-consumption chart sits on its own page. */
            {
              GtkWidget *chart = sh_ui_test_find_widget (GTK_WIDGET (production), SH_TYPE_CHART_VIEW);

              g_assert_nonnull (chart);
              g_assert_cmpint (sh_chart_view_get_kind (SH_CHART_VIEW (chart)), ==, SH_CHART_CONSUMPTION);
              SH_UI_WAIT_FOR (sh_chart_view_get_chart (SH_CHART_VIEW (chart)) != NULL);
            }
          }
          break;

        case 4:
          g_assert_nonnull (sh_task_page_find_worksheet (SH_TASK_PAGE (page), SH_TYPE_WORKSHEET_FLOWS));
          break;

        case 5:
          break;

        case 6:
          {
            ShWorksheetCosting *costing =
              SH_WORKSHEET_COSTING (sh_task_page_find_worksheet (SH_TASK_PAGE (page), SH_TYPE_WORKSHEET_COSTING));

            /* 3.800.000.000 + 1.908.000.000 + 143.100.000 */
            g_assert_cmpstr (sh_worksheet_costing_get_total_text (costing, wastewater), ==, "5.851.100.000 ₫");
            g_assert_cmpstr (sh_worksheet_costing_get_grand_total_text (costing), ==, "8.658.100.000 ₫");
          }
          break;

        case 11:
          {
            ShWorksheetEconomics *economics =
              SH_WORKSHEET_ECONOMICS (sh_task_page_find_worksheet (SH_TASK_PAGE (page), SH_TYPE_WORKSHEET_ECONOMICS));

            g_assert_true (sh_worksheet_economics_select_option (economics, leak));
            /* 38.000.000 + 7.000.000 invested, 30.000 m³ × 6.000 ₫ saved a year. */
            SH_UI_WAIT_FOR (g_strcmp0 (sh_worksheet_economics_get_figure (economics, "payback"), payback) == 0);
            g_assert_cmpstr (sh_worksheet_economics_get_figure (economics, "investment"), ==, "45.000.000 ₫");
            g_assert_cmpstr (sh_worksheet_economics_get_figure (economics, "benefit"), ==, "180.000.000 ₫");
            g_assert_nonnull (sh_worksheet_economics_get_figure (economics, "npv"));
            g_assert_nonnull (sh_worksheet_economics_get_figure (economics, "irr"));
            g_assert_nonnull (sh_worksheet_economics_get_figure (economics, "bc"));
          }
          break;

        case 12:
          {
            ShWorksheetEnvironment *environment =
              SH_WORKSHEET_ENVIRONMENT (sh_task_page_find_worksheet (SH_TASK_PAGE (page),
                                                                     SH_TYPE_WORKSHEET_ENVIRONMENT));

            g_assert_nonnull (strstr (sh_worksheet_environment_get_summary (environment, leak), "30.000 m³"));
          }
          break;

        case 13:
          {
            ShWorksheetRanking *ranking =
              SH_WORKSHEET_RANKING (sh_task_page_find_worksheet (SH_TASK_PAGE (page), SH_TYPE_WORKSHEET_RANKING));

            /* 0,3 × 5 + 0,4 × 5 + 0,3 × 3 = 4,4: the best of the demo. */
            g_assert_cmpstr (sh_worksheet_ranking_get_rank_text (ranking, leak), ==, sh_ui_test_expected ("4,4 · #1", "4,4 · hạng 1"));
          }
          break;

        case 16:
          {
            ShWorksheetMonitoring *monitoring =
              SH_WORKSHEET_MONITORING (sh_task_page_find_worksheet (SH_TASK_PAGE (page),
                                                                    SH_TYPE_WORKSHEET_MONITORING));

            g_assert_cmpstr (sh_worksheet_monitoring_get_saving_text (monitoring, water_record), ==, "15%");
            g_assert_cmpstr (sh_worksheet_monitoring_get_state (monitoring, water_record), ==, "good");
          }
          break;

        default:
          break;
        }
    }
}

/* Completeness follows edits: emptying the KPIs makes task 17 partial. */
static void
test_detailed_live_completeness (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 detailed = sh_demo_cassava_assessment (f->store);
  ShTaskSidebar *sidebar;
  GtkWidget *page;

  open_view (f, detailed);
  sidebar = SH_TASK_SIDEBAR (sh_assessment_view_get_part (f->view, "sidebar"));
  page = show_task (f, 17);
  g_assert_cmpint (sh_task_sidebar_get_completeness (sidebar, 17), ==, SH_COMPLETENESS_DONE);

  set_field (page, "assessment", detailed, "sustain_kpis", "");
  {
    g_autoptr(ShRecord) row = row_of (f->store, "assessment", detailed);

    g_assert_null (sh_record_get_string (row, "sustain_kpis"));
  }
  SH_UI_WAIT_FOR (sh_task_sidebar_get_completeness (sidebar, 17) == SH_COMPLETENESS_PARTIAL);
  g_assert_cmpstr (sh_task_sidebar_get_icon_name (sidebar, 17), ==, "sh-task-partial-symbolic");
  g_assert_cmpint (sh_task_page_get_completeness (SH_TASK_PAGE (page)), ==, SH_COMPLETENESS_PARTIAL);

  /* Undo through the view's action brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.undo", NULL));
  SH_UI_WAIT_FOR (sh_task_sidebar_get_completeness (sidebar, 17) == SH_COMPLETENESS_DONE);
}

/* Clicking a flow in the diagram finds its row; the balances warn past
 * the tolerance. */
static void
test_detailed_flows (Fixture       *f,
                     gconstpointer  data)
{
  gint64 detailed = sh_demo_cassava_assessment (f->store);
  gint64 flow = find_by_uuid (f->store, "flow", DEMO_UUID ("000000000508"));
  gint64 refine = find_by_uuid (f->store, "process_step", DEMO_UUID ("000000000405"));
  g_autoptr(ShSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  ShWorksheetFlows *diagram;
  ShWorksheetFlows *balance;
  GtkWidget *chart;
  guint n_open = 0;

  open_view (f, detailed);
  diagram = SH_WORKSHEET_FLOWS (sh_task_page_find_worksheet (SH_TASK_PAGE (show_task (f, 4)),
                                                            SH_TYPE_WORKSHEET_FLOWS));
  chart = sh_ui_test_find_widget (GTK_WIDGET (diagram), SH_TYPE_CHART_VIEW);
  g_assert_nonnull (chart);

  sh_worksheet_flows_set_layer (diagram, SH_FLOW_LAYER_WATER);
  g_assert_cmpint (sh_worksheet_flows_get_layer (diagram), ==, SH_FLOW_LAYER_WATER);
  g_signal_emit_by_name (chart, "flow-activated", flow);
  g_assert_cmpint (sh_worksheet_flows_get_selected_flow (diagram), ==, flow);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
    GtkWidget *cell = sh_worksheet_find_field (GTK_WIDGET (diagram), "flow", flow, "substance");

    g_assert_nonnull (cell);
    SH_UI_WAIT_FOR ((focus = gtk_root_get_focus (GTK_ROOT (f->window))) != NULL &&
              gtk_widget_is_ancestor (focus, cell));
  }

  balance = SH_WORKSHEET_FLOWS (sh_task_page_find_worksheet (SH_TASK_PAGE (show_task (f, 5)),
                                                            SH_TYPE_WORKSHEET_FLOWS));
  summary = sh_summary_compute (f->store, sh_units_get_default (), detailed, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < summary->balances->len; i++)
    {
      ShSummaryBalance *b = summary->balances->pdata[i];
      g_autofree char *closure = sh_worksheet_format_percent (b->balance.closure_percent);

      if (!b->within_tolerance)
        n_open++;
      g_assert_cmpstr (sh_worksheet_flows_get_closure_text (balance, b->step_id, b->layer), ==, closure);
    }
  g_assert_cmpuint (n_open, >, 0);
  g_assert_cmpuint (sh_worksheet_flows_get_n_warnings (balance), ==, n_open);
  g_assert_nonnull (sh_worksheet_flows_get_closure_text (balance, refine, SH_FLOW_LAYER_WATER));

  /* A wider tolerance closes them all. */
  set_field (GTK_WIDGET (balance), "assessment", detailed, "tolerance_pct", "50");
  SH_UI_WAIT_FOR (sh_worksheet_flows_get_n_warnings (balance) == 0);
}

/* One step at a time: the flows in and out of a step, and its balance
 * and warning computed again as quantities are typed. */
static void
test_step_flows (Fixture       *f,
                 gconstpointer  data)
{
  gint64 detailed = sh_demo_cassava_assessment (f->store);
  g_autoptr(ShRecord) step = sh_record_new ("process_step");
  g_autoptr(GError) error = NULL;
  ShWorksheetFlows *balance;
  GtkWidget *page;
  gint64 step_id, in_id, out_id;

  sh_record_set_int (step, "assessment_id", detailed);
  sh_record_set_int (step, "seq", 99);
  sh_record_set_string (step, "name", "Sấy thử");
  step_id = sh_store_insert (f->store, step, &error);
  g_assert_no_error (error);

  open_view (f, detailed);
  page = show_task (f, 5);
  balance = SH_WORKSHEET_FLOWS (sh_task_page_find_worksheet (SH_TASK_PAGE (page), SH_TYPE_WORKSHEET_FLOWS));
  g_assert_nonnull (balance);
  /* The first step shows first. */
  g_assert_cmpint (sh_worksheet_flows_get_step (balance), !=, 0);

  g_assert_true (sh_worksheet_flows_select_step (balance, step_id));
  g_assert_cmpint (sh_worksheet_flows_get_step (balance), ==, step_id);
  g_assert_cmpuint (sh_worksheet_flows_get_step_n_flows (balance), ==, 0);
  g_assert_null (sh_worksheet_flows_get_step_closure_text (balance, SH_FLOW_LAYER_MASS));
  g_assert_null (sh_worksheet_flows_get_step_warning (balance));

  in_id = sh_worksheet_flows_add_step_flow (balance, FALSE, &error);
  g_assert_no_error (error);
  out_id = sh_worksheet_flows_add_step_flow (balance, TRUE, &error);
  g_assert_no_error (error);
  assert_int (f->store, "flow", in_id, "to_step_id", step_id);
  assert_int (f->store, "flow", out_id, "from_step_id", step_id);
  SH_UI_WAIT_FOR (sh_worksheet_flows_get_step_n_flows (balance) == 2);

  /* 100 t in, 90 t out: 10 % unaccounted, past the 5 % tolerance. */
  set_field (GTK_WIDGET (balance), "flow", in_id, "quantity", "100");
  set_field (GTK_WIDGET (balance), "flow", out_id, "quantity", "90");
  SH_UI_WAIT_FOR (g_strcmp0 (sh_worksheet_flows_get_step_closure_text (balance, SH_FLOW_LAYER_MASS), "10%") == 0);
  SH_UI_WAIT_FOR (sh_worksheet_flows_get_step_warning (balance) != NULL);
  g_assert_nonnull (strstr (sh_worksheet_flows_get_step_warning (balance), "10%"));
  g_assert_nonnull (strstr (sh_worksheet_flows_get_step_warning (balance), "5%"));
  g_assert_cmpuint (sh_worksheet_flows_get_step_n_flows (balance), ==, 2);
  /* Focusing the step's first quantity scrolls the page to the step. */
  {
    GtkWidget *quantity = sh_worksheet_find_field (GTK_WIDGET (balance), "flow", in_id, "quantity");

    GtkWidget *scroller = sh_ui_test_find_widget (page, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_point_t point;

    g_assert_nonnull (quantity);
    gtk_widget_grab_focus (sh_field_entry_get_input (SH_FIELD_ENTRY (quantity)));
    /* The step's section at the top of the page, not just its first row
     * at the bottom. */
    g_assert_true (gtk_widget_compute_point (quantity, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (adjustment, point.y - 160);
  }
  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "assessment-view-step-flows");

  /* 97 t out closes within 5 %. */
  set_field (GTK_WIDGET (balance), "flow", out_id, "quantity", "97");
  SH_UI_WAIT_FOR (g_strcmp0 (sh_worksheet_flows_get_step_closure_text (balance, SH_FLOW_LAYER_MASS), "3%") == 0);
  SH_UI_WAIT_FOR (sh_worksheet_flows_get_step_warning (balance) == NULL);

  /* A tighter tolerance warns again. */
  set_field (GTK_WIDGET (balance), "assessment", detailed, "tolerance_pct", "2");
  SH_UI_WAIT_FOR (sh_worksheet_flows_get_step_warning (balance) != NULL);

  /* Undo of the tolerance takes the warning away again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.undo", NULL));
  SH_UI_WAIT_FOR (sh_worksheet_flows_get_step_warning (balance) == NULL);
}

/* -------------------------------------------------------------------------
 * Options linked to the causes they address (W10 ↔ W9)
 * ------------------------------------------------------------------------- */

static gboolean
linked_on_disk (ShStore *store,
                gint64   option_id,
                gint64   cause_id)
{
  g_autoptr(GPtrArray) links = sh_store_list (store, "option_cause", "option_id", option_id, NULL);

  for (guint i = 0; links != NULL && i < links->len; i++)
    if (sh_record_get_int (links->pdata[i], "cause_id", 0) == cause_id)
      return TRUE;
  return FALSE;
}

static gboolean
check_active (ShWorksheetOptionCauses *links,
              gint64                   option_id,
              gint64                   cause_id)
{
  GtkWidget *check = sh_worksheet_option_causes_get_check (links, option_id, cause_id);

  g_assert_nonnull (check);
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
}

static void
test_option_causes (Fixture       *f,
                    gconstpointer  data)
{
  gint64 detailed = sh_demo_cassava_assessment (f->store);
  gint64 leak = find_by_uuid (f->store, "cp_option", DEMO_UUID ("000000001001"));
  gint64 leak_cause = find_by_uuid (f->store, "cause", DEMO_UUID ("000000000901"));
  gint64 meter_cause = find_by_uuid (f->store, "cause", DEMO_UUID ("000000000904"));
  g_autoptr(ShRecord) meter = row_of (f->store, "cause", meter_cause);
  g_autoptr(ShRecord) leak_row = row_of (f->store, "cause", leak_cause);
  g_autoptr(GError) error = NULL;
  ShWorksheetOptionCauses *links;
  GtkWidget *page;
  gint64 new_cause;

  open_view (f, detailed);
  page = show_task (f, 8);
  links = SH_WORKSHEET_OPTION_CAUSES (sh_ui_test_find_widget (page, SH_TYPE_WORKSHEET_OPTION_CAUSES));
  g_assert_nonnull (links);

  /* The demo links the leak to its cause; the list says so. */
  g_assert_true (check_active (links, leak, leak_cause));
  g_assert_false (check_active (links, leak, meter_cause));
  g_assert_cmpstr (sh_worksheet_option_causes_get_summary (links, leak), ==,
                   sh_record_get_string (leak_row, "description"));

  /* Ticking a cause saves the link at once. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (sh_worksheet_option_causes_get_check (links, leak, meter_cause)),
                               TRUE);
  g_assert_true (linked_on_disk (f->store, leak, meter_cause));
  SH_UI_WAIT_FOR (strstr (sh_worksheet_option_causes_get_summary (links, leak),
                    sh_record_get_string (meter, "description")) != NULL);
  scroll_to (page, 1);
  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "assessment-view-option-causes");

  /* Ctrl+Z takes it back, Ctrl+Shift+Z brings it again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.undo", NULL));
  g_assert_false (linked_on_disk (f->store, leak, meter_cause));
  SH_UI_WAIT_FOR (!check_active (links, leak, meter_cause));
  g_assert_cmpstr (sh_worksheet_option_causes_get_summary (links, leak), ==,
                   sh_record_get_string (leak_row, "description"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.redo", NULL));
  g_assert_true (linked_on_disk (f->store, leak, meter_cause));
  SH_UI_WAIT_FOR (check_active (links, leak, meter_cause));

  /* Clearing a tick deletes the link; the other stays. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (sh_worksheet_option_causes_get_check (links, leak, leak_cause)),
                               FALSE);
  g_assert_false (linked_on_disk (f->store, leak, leak_cause));
  g_assert_true (linked_on_disk (f->store, leak, meter_cause));
  SH_UI_WAIT_FOR (g_strcmp0 (sh_worksheet_option_causes_get_summary (links, leak),
                       sh_record_get_string (meter, "description")) == 0);

  /* A cause added in task 7 can be linked when the options show again. */
  new_cause = add_row (show_task (f, 7), "cause");
  show_task (f, 8);
  SH_UI_WAIT_FOR (sh_worksheet_option_causes_get_check (links, leak, new_cause) != NULL);
  g_assert_false (check_active (links, leak, new_cause));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (sh_worksheet_option_causes_get_check (links, leak, new_cause)),
                               TRUE);
  g_assert_true (linked_on_disk (f->store, leak, new_cause));

  /* An option tied to neither a step nor a cause leaves task 8
   * incomplete; a link to a cause completes it. */
  {
    ShTaskSidebar *sidebar = SH_TASK_SIDEBAR (sh_assessment_view_get_part (f->view, "sidebar"));
    gint64 option = add_row (page, "cp_option");

    SH_UI_WAIT_FOR (sh_task_sidebar_get_completeness (sidebar, 8) == SH_COMPLETENESS_PARTIAL);
    SH_UI_WAIT_FOR (sh_worksheet_option_causes_get_check (links, option, leak_cause) != NULL);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (sh_worksheet_option_causes_get_check (links, option,
                                                                                          leak_cause)),
                                 TRUE);
    SH_UI_WAIT_FOR (sh_task_sidebar_get_completeness (sidebar, 8) == SH_COMPLETENESS_DONE);
  }

  /* A finalized assessment's links cannot be changed. */
  sh_store_finalize_assessment (f->store, detailed, &error);
  g_assert_no_error (error);
  sh_edit_context_update_read_only (sh_assessment_view_get_context (f->view));
  SH_UI_WAIT_FOR (!gtk_widget_is_sensitive (sh_worksheet_option_causes_get_check (links, leak, new_cause)));
}

/* -------------------------------------------------------------------------
 * Finalize and reopen
 * ------------------------------------------------------------------------- */

static void
test_finalize_incomplete (Fixture       *f,
                          gconstpointer  data)
{
  gint64 brick_quick = find_by_uuid (f->store, "assessment", DEMO_UUID ("000000002101"));
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  const char *listed;

  open_view (f, brick_quick);
  g_assert_false (sh_tasks_check_finalize (f->store, brick_quick, &missing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.finalize", NULL));
  SH_UI_WAIT_FOR ((dialog = sh_assessment_view_get_dialog (f->view)) != NULL);
  g_assert_true (GTK_IS_MESSAGE_DIALOG (dialog));
  SH_UI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (dialog)));

  /* Every missing item is listed, in words. */
  listed = g_object_get_data (G_OBJECT (dialog), "sh-missing");
  g_assert_nonnull (listed);
  for (guint i = 0; i < missing->len; i++)
    g_assert_nonnull (strstr (listed, missing->pdata[i]));
  g_assert_nonnull (strstr (listed, sh_ui_test_expected ("The facility's address is missing", "Thiếu địa chỉ của doanh nghiệp")));
  sh_ui_test_save_screenshot (GTK_WIDGET (dialog), "assessment-view-finalize-missing");

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  SH_UI_WAIT_FOR (sh_assessment_view_get_dialog (f->view) == NULL);
  assert_text (f->store, "assessment", brick_quick, "status", "draft");
  g_assert_false (sh_edit_context_get_read_only (sh_assessment_view_get_context (f->view)));
}

static void
test_finalize_and_reopen (Fixture       *f,
                          gconstpointer  data)
{
  gint64 detailed = sh_demo_cassava_assessment (f->store);
  const char *reason = "Bổ sung số liệu quan trắc tháng 12/2024";
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *title;
  GtkWidget *entry;
  GtkWidget *page;
  gboolean reason_kept = FALSE;

  open_view (f, detailed);
  page = show_task (f, 1);
  title = sh_worksheet_find_field (page, "assessment", detailed, "title");
  g_assert_true (gtk_widget_is_sensitive (sh_field_entry_get_input (SH_FIELD_ENTRY (title))));
  g_assert_true (gtk_widget_get_visible (sh_assessment_view_get_part (f->view, "finalize_button")));
  g_assert_false (gtk_widget_get_visible (sh_assessment_view_get_part (f->view, "reopen_button")));

  /* Complete: a confirmation, then read-only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.finalize", NULL));
  SH_UI_WAIT_FOR ((dialog = sh_assessment_view_get_dialog (f->view)) != NULL);
  g_assert_null (g_object_get_data (G_OBJECT (dialog), "sh-missing"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  SH_UI_WAIT_FOR (sh_assessment_view_get_dialog (f->view) == NULL);
  assert_text (f->store, "assessment", detailed, "status", "finalized");
  g_assert_true (sh_edit_context_get_read_only (sh_assessment_view_get_context (f->view)));
  SH_UI_WAIT_FOR (!gtk_widget_is_sensitive (sh_field_entry_get_input (SH_FIELD_ENTRY (title))));
  g_assert_true (gtk_widget_get_visible (sh_assessment_view_get_part (f->view, "reopen_button")));
  g_assert_false (gtk_widget_get_visible (sh_assessment_view_get_part (f->view, "finalize_button")));
  g_assert_true (gtk_widget_get_visible (sh_assessment_view_get_part (f->view, "locked_banner")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sh_assessment_view_get_part (f->view, "status_label"))), ==,
                   sh_ui_test_expected ("Finalized", "Đã hoàn tất"));
  /* Finalize does nothing while finalized. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.finalize", NULL);
  sh_ui_test_drain ();
  g_assert_null (sh_assessment_view_get_dialog (f->view));
  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "assessment-view-finalized");

  /* Reopen: an empty reason is refused. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.reopen", NULL));
  SH_UI_WAIT_FOR ((dialog = sh_assessment_view_get_dialog (f->view)) != NULL);
  SH_UI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  entry = sh_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  g_assert_false (gtk_widget_is_sensitive (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                               GTK_RESPONSE_ACCEPT)));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (gtk_widget_is_sensitive (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                               GTK_RESPONSE_ACCEPT)));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  sh_ui_test_drain ();
  g_assert_true (sh_assessment_view_get_dialog (f->view) == dialog);
  assert_text (f->store, "assessment", detailed, "status", "finalized");
  sh_ui_test_save_screenshot (GTK_WIDGET (dialog), "assessment-view-reopen");

  gtk_editable_set_text (GTK_EDITABLE (entry), reason);
  g_assert_true (gtk_widget_is_sensitive (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                              GTK_RESPONSE_ACCEPT)));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  SH_UI_WAIT_FOR (sh_assessment_view_get_dialog (f->view) == NULL);
  assert_text (f->store, "assessment", detailed, "status", "draft");
  g_assert_false (sh_edit_context_get_read_only (sh_assessment_view_get_context (f->view)));
  SH_UI_WAIT_FOR (gtk_widget_is_sensitive (sh_field_entry_get_input (SH_FIELD_ENTRY (title))));
  g_assert_false (gtk_widget_get_visible (sh_assessment_view_get_part (f->view, "locked_banner")));

  /* The reason is in the audit trail, and so is the next change. */
  set_field (page, "assessment", detailed, "title", "Đánh giá chi tiết SXSH (bổ sung)");
  audit = sh_store_list_audit (f->store, detailed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, >, 0);
  for (guint i = 0; i < audit->len; i++)
    {
      ShRecord *entry_row = audit->pdata[i];

      if (g_strcmp0 (sh_record_get_string (entry_row, "why"), reason) == 0 &&
          g_strcmp0 (sh_record_get_string (entry_row, "column_name"), "title") == 0 &&
          g_strcmp0 (sh_record_get_string (entry_row, "new_value"), "Đánh giá chi tiết SXSH (bổ sung)") == 0)
        reason_kept = TRUE;
    }
  g_assert_true (reason_kept);
}

/* -------------------------------------------------------------------------
 * Undo and redo through the view's actions
 * ------------------------------------------------------------------------- */

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  gint64 detailed = sh_demo_cassava_assessment (f->store);
  g_autoptr(ShRecord) before = row_of (f->store, "assessment", detailed);
  g_autofree char *original = g_strdup (sh_record_get_string (before, "title"));
  const char *changed = "Đánh giá chi tiết – nước, tinh bột và năng lượng";
  GtkWidget *page;
  GtkWidget *title;
  GtkLabel *header;

  open_view (f, detailed);
  header = GTK_LABEL (sh_assessment_view_get_part (f->view, "title_label"));
  g_assert_cmpstr (gtk_label_get_text (header), ==, original);
  g_assert_false (gtk_widget_is_sensitive (sh_assessment_view_get_part (f->view, "undo_button")));

  page = show_task (f, 1);
  set_field (page, "assessment", detailed, "title", changed);
  assert_text (f->store, "assessment", detailed, "title", changed);
  SH_UI_WAIT_FOR (g_strcmp0 (gtk_label_get_text (header), changed) == 0);
  SH_UI_WAIT_FOR (gtk_widget_is_sensitive (sh_assessment_view_get_part (f->view, "undo_button")));
  g_assert_true (strlen (gtk_label_get_text (GTK_LABEL (sh_assessment_view_get_part (f->view, "saved_label")))) > 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.undo", NULL));
  assert_text (f->store, "assessment", detailed, "title", original);
  title = sh_worksheet_find_field (page, "assessment", detailed, "title");
  SH_UI_WAIT_FOR (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (sh_field_entry_get_input (SH_FIELD_ENTRY (title)))),
                       original) == 0);
  SH_UI_WAIT_FOR (g_strcmp0 (gtk_label_get_text (header), original) == 0);
  SH_UI_WAIT_FOR (gtk_widget_is_sensitive (sh_assessment_view_get_part (f->view, "redo_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.redo", NULL));
  assert_text (f->store, "assessment", detailed, "title", changed);
  SH_UI_WAIT_FOR (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (sh_field_entry_get_input (SH_FIELD_ENTRY (title)))),
                       changed) == 0);
}

/* Cancels the first print dialog that appears, and says so. */
static gboolean
cancel_print_dialog_cb (gpointer data)
{
  gboolean *found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog"))
        {
          *found = TRUE;
          gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_CANCEL);
          break;
        }
    }

  /* The test removes this source once it has seen the dialog. */
  return G_SOURCE_CONTINUE;
}

/* The first chart view of @kind under @root, or NULL. */
static GtkWidget *
find_chart (GtkWidget   *root,
            ShChartKind  kind)
{
  if (SH_IS_CHART_VIEW (root) && sh_chart_view_get_kind (SH_CHART_VIEW (root)) == kind)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_chart (child, kind);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_quick_flow_diagram (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 quick = find_by_uuid (f->store, "assessment", DEMO_UUID ("000000000100"));
  GtkWidget *chart;

  /* A quick assessment without flows has no diagram... */
  open_view (f, quick);
  g_assert_null (find_chart (sh_assessment_view_get_part (f->view, "quick_form"), SH_CHART_SANKEY));
  /* (The consumption chart is there either way.) */
  g_assert_nonnull (find_chart (sh_assessment_view_get_part (f->view, "quick_form"), SH_CHART_CONSUMPTION));
  gtk_window_set_child (f->window, NULL);

  /* ...one with flows shows them. */
  g_assert_cmpint (sh_store_insert_fields (f->store, &error, "flow", NULL,
                                           "r:assessment_id", quick, "s:from_label", "Nước giếng",
                                           "s:to_label", "Nước thải", "s:substance", "Nước rửa củ",
                                           "s:kind", "water", "d:quantity", 120000.0, "s:unit", "m3", NULL),
                   >, 0);
  g_assert_no_error (error);
  open_view (f, quick);
  chart = find_chart (sh_assessment_view_get_part (f->view, "quick_form"), SH_CHART_SANKEY);
  g_assert_nonnull (chart);
  SH_UI_WAIT_FOR (sh_chart_view_get_chart (SH_CHART_VIEW (chart)) != NULL);
  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "assessment-view-quick-flows");
}

static void
test_print_menu (Fixture       *f,
                 gconstpointer  data)
{
  gboolean found = FALSE;
  guint source;

  open_view (f, sh_demo_cassava_assessment (f->store));

  /* The header's print menu reaches the real print dialog. */
  source = g_timeout_add (50, cancel_print_dialog_cb, &found);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.print-form", NULL));
  SH_UI_WAIT_FOR (found);
  g_clear_handle_id (&source, g_source_remove);

  found = FALSE;
  source = g_timeout_add (50, cancel_print_dialog_cb, &found);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.print-evidence", NULL));
  SH_UI_WAIT_FOR (found);
  g_clear_handle_id (&source, g_source_remove);
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);
  sh_application_init_i18n ();
  gtk_init ();

#define VIEW_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  VIEW_TEST ("/assessment-view/quick/fill", test_quick_fill);
  VIEW_TEST ("/assessment-view/quick/start-detailed", test_quick_start_detailed);
  VIEW_TEST ("/assessment-view/detailed/walk", test_detailed_walk);
  VIEW_TEST ("/assessment-view/detailed/live-completeness", test_detailed_live_completeness);
  VIEW_TEST ("/assessment-view/detailed/flows", test_detailed_flows);
  VIEW_TEST ("/assessment-view/detailed/step-flows", test_step_flows);
  VIEW_TEST ("/assessment-view/detailed/option-causes", test_option_causes);
  VIEW_TEST ("/assessment-view/finalize/incomplete", test_finalize_incomplete);
  VIEW_TEST ("/assessment-view/finalize/reopen", test_finalize_and_reopen);
  VIEW_TEST ("/assessment-view/undo-redo", test_undo_redo);
  VIEW_TEST ("/assessment-view/print-menu", test_print_menu);
  VIEW_TEST ("/assessment-view/quick/flow-diagram", test_quick_flow_diagram);

  return g_test_run ();
}
