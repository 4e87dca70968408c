/* test-facility-page.c — the facility page in the main window, as real widgets.
 *
 * A consultant creates a facility, fills its profile, adds the CP team,
 * makes mistakes, undoes, starts an assessment and deletes a facility; each
 * test checks what a second connection to the database file reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "sh-application.h"
#include "sh-assessment-row.h"
#include "sh-demo.h"
#include "sh-facility-item.h"
#include "sh-facility-page.h"
#include "sh-field-check.h"
#include "sh-field-choice.h"
#include "sh-field-entry.h"
#include "sh-record-table.h"
#include "sh-refdata.h"
#include "sh-test-utils.h"
#include "sh-ui-test-utils.h"
#include "sh-window.h"

typedef struct
{
  char          *tmpdir;
  char          *path;
  ShStore       *store;
  ShApplication *app;
  ShWindow      *window;
} Fixture;

static char *
on_disk (Fixture    *f,
         const char *table,
         gint64      id,
         const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) other = sh_store_open (f->path, &error);
  g_autoptr(ShRecord) row = NULL;

  g_assert_no_error (error);
  row = sh_store_get (other, table, id, &error);
  g_assert_no_error (error);
  return sh_value_to_string (sh_record_get_value (row, column));
}

#define assert_on_disk(f, table, id, column, value)                     \
  G_STMT_START {                                                        \
    g_autofree char *text_ = on_disk ((f), (table), (id), (column));    \
    g_assert_cmpstr (text_, ==, (value));                               \
  } G_STMT_END

static gboolean
exists_on_disk (Fixture    *f,
                const char *table,
                gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) other = sh_store_open (f->path, &error);
  g_autoptr(ShRecord) row = NULL;

  g_assert_no_error (error);
  row = sh_store_get (other, table, id, NULL);
  return row != NULL;
}

static void
collect_rows (GtkWidget *root,
              GPtrArray *rows)
{
  if (SH_IS_ASSESSMENT_ROW (root))
    {
      g_ptr_array_add (rows, root);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static ShFacilityPage *
page (Fixture *f)
{
  GtkWidget *widget = sh_window_get_facility_page (f->window);

  g_assert_nonnull (widget);
  return SH_FACILITY_PAGE (widget);
}

static GtkWidget *
part (Fixture    *f,
      const char *name)
{
  GtkWidget *widget = sh_facility_page_get_part (page (f), name);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
type_into (Fixture    *f,
           const char *name,
           const char *text)
{
  ShFieldEntry *field = SH_FIELD_ENTRY (part (f, name));

  sh_field_entry_set_text (field, text);
  return sh_field_entry_commit (field);
}

static GtkStack *
content_stack (Fixture *f)
{
  GtkWidget *paned = sh_ui_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_PANED);

  return GTK_STACK (gtk_paned_get_end_child (GTK_PANED (paned)));
}

static gboolean
stack_shows (Fixture    *f,
             const char *name)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (content_stack (f)), name) == 0;
}

static GListModel *
sidebar (Fixture *f)
{
  GtkWidget *list = sh_ui_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_LIST_VIEW);

  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
}

static ShFacilityItem *
sidebar_item (Fixture *f,
              gint64   id)
{
  GListModel *model = sidebar (f);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ShFacilityItem) item = g_list_model_get_item (model, i);

      if (sh_facility_item_get_id (item) == id)
        return item;   /* the list keeps its own reference */
    }

  return NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->tmpdir = sh_test_make_tmpdir ("facility-page");
  f->path = g_build_filename (f->tmpdir, "sachhon.db", NULL);
  f->store = sh_store_open (f->path, &error);
  g_assert_no_error (error);
  sh_refdata_ensure_loaded (f->store, &error);
  g_assert_no_error (error);
  sh_demo_ensure (f->store, &error);
  g_assert_no_error (error);

  f->app = sh_application_new ();
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);

  f->window = sh_window_new (f->app, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 860);
  gtk_window_present (GTK_WINDOW (f->window));
  SH_UI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkMessageDialog *dialog;

  while ((dialog = sh_ui_test_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&f->window)));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->app);
  g_clear_object (&f->store);
  sh_test_rm_rf (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->path);
}

/* Ctrl+N: a new facility, selected, its name ready to be typed over. */
static gint64
new_facility (Fixture *f)
{
  GtkWidget *name;
  GtkWidget *focus;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-facility", NULL));
  SH_UI_WAIT_FOR (sh_window_get_facility_page (f->window) != NULL);
  id = sh_facility_page_get_facility_id (page (f));
  g_assert_true (stack_shows (f, "facility"));

  name = sh_field_entry_get_input (SH_FIELD_ENTRY (part (f, "name")));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == name || (focus != NULL && gtk_widget_is_ancestor (focus, name)));

  return id;
}

static void
test_new_facility (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) provinces = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  guint n_before = g_list_model_get_n_items (sidebar (f));
  ShFacilityItem *item;
  gint64 id;

  id = new_facility (f);
  g_assert_cmpuint (g_list_model_get_n_items (sidebar (f)), ==, n_before + 1);
  assert_on_disk (f, "facility", id, "name", sh_ui_test_expected ("New facility", "Cơ sở mới"));

  /* The profile, field by field, each on disk once typed. */
  g_assert_true (type_into (f, "name", "Công ty CP Giấy Sông Lam"));
  assert_on_disk (f, "facility", id, "name", "Công ty CP Giấy Sông Lam");
  item = sidebar_item (f, id);
  g_assert_cmpstr (sh_facility_item_get_name (item), ==, "Công ty CP Giấy Sông Lam");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (part (f, "name_label"))), ==, "Công ty CP Giấy Sông Lam");

  g_assert_true (type_into (f, "tax_code", "2900325478"));
  assert_on_disk (f, "facility", id, "tax_code", "2900325478");
  g_assert_true (type_into (f, "address", "Khu công nghiệp Nam Cấm, xã Nghi Xá"));
  assert_on_disk (f, "facility", id, "address", "Khu công nghiệp Nam Cấm, xã Nghi Xá");
  g_assert_true (type_into (f, "district", "Nghi Lộc"));
  assert_on_disk (f, "facility", id, "district", "Nghi Lộc");

  /* Provinces are those of today's map. */
  today = g_date_time_format (g_date_time_new_now_local (), "%Y-%m-%d");
  provinces = sh_refdata_list_provinces (f->store, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sh_field_choice_get_n_choices (SH_FIELD_CHOICE (part (f, "province_code"))), ==,
                    provinces->len + 1);
  g_assert_true (sh_field_choice_select_code (SH_FIELD_CHOICE (part (f, "province_code")), "40"));
  assert_on_disk (f, "facility", id, "province_code", "40");
  g_assert_cmpstr (sh_facility_item_get_location (item), ==, "Nghi Lộc, Nghệ An");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (part (f, "location_label"))), ==, "Nghi Lộc, Nghệ An");

  g_assert_true (sh_field_choice_select_code (SH_FIELD_CHOICE (part (f, "sector_code")), "paper"));
  assert_on_disk (f, "facility", id, "sector_code", "paper");
  g_assert_true (type_into (f, "vsic_code", "1701"));
  assert_on_disk (f, "facility", id, "vsic_code", "1701");
  g_assert_true (sh_field_choice_select_code (SH_FIELD_CHOICE (part (f, "size_class")), "medium"));
  assert_on_disk (f, "facility", id, "size_class", "medium");
  g_assert_true (type_into (f, "employees", "320"));
  assert_on_disk (f, "facility", id, "employees", "320");
  g_assert_true (type_into (f, "capital_vnd", "45.000.000.000"));
  assert_on_disk (f, "facility", id, "capital_vnd", "45000000000");
  g_assert_true (type_into (f, "revenue_vnd", "120000000000"));
  assert_on_disk (f, "facility", id, "revenue_vnd", "120000000000");
  g_assert_true (type_into (f, "operating_days", "300"));
  assert_on_disk (f, "facility", id, "operating_days", "300");
  g_assert_true (type_into (f, "shifts_per_day", "3"));
  assert_on_disk (f, "facility", id, "shifts_per_day", "3");
  g_assert_true (type_into (f, "certifications", "ISO 9001, ISO 14001"));
  assert_on_disk (f, "facility", id, "certifications", "ISO 9001, ISO 14001");
  g_assert_true (sh_field_check_set_active (SH_FIELD_CHECK (part (f, "key_energy_user")), TRUE));
  assert_on_disk (f, "facility", id, "key_energy_user", "1");
  g_assert_true (type_into (f, "cp_unit_decision_no", "15/QĐ-GSL"));
  assert_on_disk (f, "facility", id, "cp_unit_decision_no", "15/QĐ-GSL");
  g_assert_true (type_into (f, "cp_unit_decision_date", "15/03/2024"));
  assert_on_disk (f, "facility", id, "cp_unit_decision_date", "2024-03-15");

  /* The header bar says it is saved. */
  g_assert_cmpstr (sh_window_get_saved_text (f->window), ==, sh_ui_test_expected ("Saved", "Đã lưu"));
  g_assert_null (sh_window_get_message (f->window));
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = sh_ui_test_cassava_facility (f->store);
  g_autofree char *name = NULL;

  sh_window_select_facility (f->window, id);
  SH_UI_WAIT_FOR (sh_window_get_facility_page (f->window) != NULL);
  name = on_disk (f, "facility", id, "name");
  g_assert_true (type_into (f, "employees", "85"));
  g_assert_true (type_into (f, "shifts_per_day", "2"));
  g_assert_true (type_into (f, "cp_unit_decision_date", "02/01/2024"));

  g_assert_false (type_into (f, "employees", "nhiều"));
  g_assert_cmpstr (sh_field_entry_get_error_message (SH_FIELD_ENTRY (part (f, "employees"))), ==,
                   sh_ui_test_expected ("Expected a whole number, e.g. 1.250.", "Cần một số nguyên, ví dụ 1.250."));
  assert_on_disk (f, "facility", id, "employees", "85");

  g_assert_false (type_into (f, "employees", "-3"));
  assert_on_disk (f, "facility", id, "employees", "85");

  g_assert_false (type_into (f, "shifts_per_day", "5"));
  g_assert_cmpstr (sh_field_entry_get_error_message (SH_FIELD_ENTRY (part (f, "shifts_per_day"))), ==,
                   sh_ui_test_expected ("Expected a number from 0 to 4.", "Cần một số từ 0 đến 4."));
  assert_on_disk (f, "facility", id, "shifts_per_day", "2");

  g_assert_false (type_into (f, "capital_vnd", "năm tỷ"));
  g_assert_cmpstr (sh_field_entry_get_error_message (SH_FIELD_ENTRY (part (f, "capital_vnd"))), ==,
                   sh_ui_test_expected ("Expected an amount in đồng, e.g. 1.500.000.",
                             "Cần một số tiền bằng đồng, ví dụ 1.500.000."));

  g_assert_false (type_into (f, "cp_unit_decision_date", "31/04/2024"));
  g_assert_cmpstr (sh_field_entry_get_error_message (SH_FIELD_ENTRY (part (f, "cp_unit_decision_date"))), ==,
                   sh_ui_test_expected ("31/04/2024 does not exist. Expected a real date as dd/mm/yyyy.",
                             "Không có ngày 31/04/2024. Cần một ngày có thật, dạng nn/tt/nnnn."));
  assert_on_disk (f, "facility", id, "cp_unit_decision_date", "2024-01-02");

  g_assert_false (type_into (f, "name", "  "));
  g_assert_cmpstr (sh_field_entry_get_error_message (SH_FIELD_ENTRY (part (f, "name"))), ==,
                   sh_ui_test_expected ("Required: this cannot be left empty.", "Bắt buộc: không được để trống."));
  assert_on_disk (f, "facility", id, "name", name);

  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "test-facility-page-errors");
}

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = new_facility (f);
  ShFieldEntry *employees;

  g_assert_true (type_into (f, "employees", "40"));
  g_assert_true (type_into (f, "employees", "45"));
  g_assert_true (sh_field_choice_select_code (SH_FIELD_CHOICE (part (f, "size_class")), "small"));

  /* Ctrl+Z and Ctrl+Shift+Z are the window's actions, on the page shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  assert_on_disk (f, "facility", id, "size_class", NULL);
  g_assert_null (sh_field_choice_get_code (SH_FIELD_CHOICE (part (f, "size_class"))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  employees = SH_FIELD_ENTRY (part (f, "employees"));
  assert_on_disk (f, "facility", id, "employees", "40");
  {
    g_autofree char *text = sh_field_entry_get_text (employees);

    g_assert_cmpstr (text, ==, "40");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  assert_on_disk (f, "facility", id, "employees", "45");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  assert_on_disk (f, "facility", id, "size_class", "small");

  /* Typing not yet saved is part of what Ctrl+Z takes back. */
  sh_field_entry_set_text (employees, "4500");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  assert_on_disk (f, "facility", id, "employees", "45");
}

static void
test_team (Fixture       *f,
           gconstpointer  data)
{
  gint64 id = new_facility (f);
  g_autofree char *facility_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  ShRecordTable *team = SH_RECORD_TABLE (part (f, "team_table"));
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *button;
  gint64 member;

  /* The "Add member" button adds a row with a name to type over. */
  button = sh_ui_test_find_button (GTK_WIDGET (team), sh_ui_test_expected ("Add member", "Thêm thành viên"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (sh_record_table_get_n_rows (team), ==, 1);
  member = sh_record_table_get_row_id (team, 0);
  assert_on_disk (f, "team_member", member, "facility_id", facility_text);
  assert_on_disk (f, "team_member", member, "role", "member");

  {
    ShFieldEntry *name = SH_FIELD_ENTRY (sh_record_table_get_cell (team, 0, "name"));
    ShFieldChoice *role = SH_FIELD_CHOICE (sh_record_table_get_cell (team, 0, "role"));

    sh_field_entry_set_text (name, "Lê Văn Cường");
    g_assert_true (sh_field_entry_commit (name));
    g_assert_true (sh_field_choice_select_code (role, "leader"));
    sh_field_entry_set_text (SH_FIELD_ENTRY (sh_record_table_get_cell (team, 0, "position")), "Phó giám đốc");
    g_assert_true (sh_field_entry_commit (SH_FIELD_ENTRY (sh_record_table_get_cell (team, 0, "position"))));
  }
  assert_on_disk (f, "team_member", member, "name", "Lê Văn Cường");
  assert_on_disk (f, "team_member", member, "role", "leader");
  assert_on_disk (f, "team_member", member, "position", "Phó giám đốc");

  /* Its delete button removes it at once, and offers Undo. */
  button = sh_ui_test_find_by_tooltip (GTK_WIDGET (team), sh_ui_test_expected ("Delete row", "Xóa dòng"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (exists_on_disk (f, "team_member", member));
  g_assert_cmpuint (sh_record_table_get_n_rows (team), ==, 0);
  g_assert_cmpstr (sh_record_table_get_undo_text (team), ==,
                   sh_ui_test_expected ("Deleted “Lê Văn Cường”", "Đã xóa “Lê Văn Cường”"));

  button = sh_ui_test_find_button (GTK_WIDGET (team), sh_ui_test_expected ("Undo", "Hoàn tác"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (sh_record_table_get_n_rows (team), ==, 1);
  members = sh_store_list (f->store, "team_member", "facility_id", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpstr (sh_record_get_string (g_ptr_array_index (members, 0), "name"), ==, "Lê Văn Cường");
  g_assert_cmpstr (sh_record_get_string (g_ptr_array_index (members, 0), "role"), ==, "leader");

  /* Training and reports work the same way. */
  g_assert_cmpint (sh_record_table_add_row (SH_RECORD_TABLE (part (f, "training_table")), &error), >, 0);
  g_assert_no_error (error);
  {
    ShRecordTable *reports = SH_RECORD_TABLE (part (f, "report_table"));
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *year = g_strdup_printf ("%d", g_date_time_get_year (now));
    g_autofree char *next = g_strdup_printf ("%d", g_date_time_get_year (now) + 1);
    gint64 first = sh_record_table_add_row (reports, &error);
    gint64 second = sh_record_table_add_row (reports, &error);

    /* One report a year: the next one is for the next year. */
    g_assert_no_error (error);
    assert_on_disk (f, "annual_report", first, "year", year);
    assert_on_disk (f, "annual_report", second, "year", next);

    /* The same year twice is refused where it was typed. */
    sh_field_entry_set_text (SH_FIELD_ENTRY (sh_record_table_get_cell (reports, 1, "year")), year);
    g_assert_false (sh_field_entry_commit (SH_FIELD_ENTRY (sh_record_table_get_cell (reports, 1, "year"))));
    g_assert_cmpstr (sh_field_entry_get_error_message (SH_FIELD_ENTRY (sh_record_table_get_cell (reports, 1, "year"))),
                     ==, sh_ui_test_expected ("Another record already has this value.",
                                   "Đã có một bản ghi khác mang giá trị này."));
    assert_on_disk (f, "annual_report", second, "year", next);
  }
}

static void
test_assessments (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = new_facility (f);
  GtkWidget *button;
  ShEditContext *ctx;
  gint64 quick;

  /* No assessments yet: the list says so. */
  collect_rows (part (f, "assessment_list"), rows);
  g_assert_cmpuint (rows->len, ==, 0);

  button = sh_ui_test_find_button (part (f, "new_quick_button"), sh_ui_test_expected ("New quick assessment", "Đánh giá nhanh mới"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  /* A draft on disk, opened at once. */
  assessments = sh_store_list (f->store, "assessment", "facility_id", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assessments->len, ==, 1);
  quick = sh_record_get_id (g_ptr_array_index (assessments, 0));
  assert_on_disk (f, "assessment", quick, "kind", "quick");
  assert_on_disk (f, "assessment", quick, "status", "draft");
  SH_UI_WAIT_FOR (stack_shows (f, "assessment"));
  g_assert_nonnull (sh_window_get_assessment_view (f->window));
  ctx = sh_window_get_edit_context (f->window);
  g_assert_nonnull (ctx);
  g_assert_cmpint (sh_edit_context_get_assessment_id (ctx), ==, quick);

  /* Ctrl+Z now acts on the assessment's own history. */
  g_assert_true (sh_edit_context_set_string (ctx, "assessment", quick, "title", "Đánh giá nhanh 2025", &error));
  g_assert_no_error (error);
  assert_on_disk (f, "assessment", quick, "title", "Đánh giá nhanh 2025");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  assert_on_disk (f, "assessment", quick, "title", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  assert_on_disk (f, "assessment", quick, "title", "Đánh giá nhanh 2025");

  /* Back to the facility, which lists it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  SH_UI_WAIT_FOR (stack_shows (f, "facility"));
  g_assert_null (sh_window_get_assessment_view (f->window));
  g_assert_true (sh_window_get_edit_context (f->window) == sh_facility_page_get_context (page (f)));
  collect_rows (part (f, "assessment_list"), rows);
  g_assert_cmpuint (rows->len, ==, 1);

  /* A detailed one too; then open the quick one from its row. */
  g_assert_cmpint (sh_facility_page_new_assessment (page (f), "detailed", &error), >, 0);
  g_assert_no_error (error);
  SH_UI_WAIT_FOR (stack_shows (f, "assessment"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_ptr_array_set_size (rows, 0);
  collect_rows (part (f, "assessment_list"), rows);
  g_assert_cmpuint (rows->len, ==, 2);
  g_signal_emit_by_name (part (f, "assessment_list"), "row-activated", g_ptr_array_index (rows, 0));
  SH_UI_WAIT_FOR (stack_shows (f, "assessment"));
  g_assert_cmpint (sh_edit_context_get_assessment_id (sh_window_get_edit_context (f->window)), ==, quick);
}

static void
test_delete_facility (Fixture       *f,
                      gconstpointer  data)
{
  GtkMessageDialog *dialog;
  g_autofree char *primary = NULL;
  guint n_before;
  gint64 id;

  id = new_facility (f);
  g_assert_true (type_into (f, "name", "Xưởng gạch Tân Phú"));
  n_before = g_list_model_get_n_items (sidebar (f));

  /* Cancel changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-facility", NULL));
  SH_UI_WAIT_FOR ((dialog = sh_ui_test_find_message_dialog ()) != NULL);
  g_object_get (dialog, "text", &primary, NULL);
  g_assert_cmpstr (primary, ==, sh_ui_test_expected ("Delete “Xưởng gạch Tân Phú”?", "Xóa “Xưởng gạch Tân Phú”?"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  SH_UI_WAIT_FOR (sh_ui_test_find_message_dialog () == NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sidebar (f)), ==, n_before);
  g_assert_true (exists_on_disk (f, "facility", id));

  /* Delete: gone from the list, Undo offered, nothing lost yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-facility", NULL));
  SH_UI_WAIT_FOR ((dialog = sh_ui_test_find_message_dialog ()) != NULL);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  SH_UI_WAIT_FOR (sh_ui_test_find_message_dialog () == NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sidebar (f)), ==, n_before - 1);
  g_assert_null (sidebar_item (f, id));
  g_assert_null (sh_window_get_facility_page (f->window));
  g_assert_cmpstr (sh_window_get_message (f->window), ==,
                   sh_ui_test_expected ("Deleted “Xưởng gạch Tân Phú”", "Đã xóa “Xưởng gạch Tân Phú”"));
  g_assert_true (exists_on_disk (f, "facility", id));
  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "test-facility-page-deleted");

  /* Undo brings it back, selected. */
  {
    GtkWidget *undo = sh_ui_test_find_button (GTK_WIDGET (f->window), sh_ui_test_expected ("Undo", "Hoàn tác"));

    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
  }
  g_assert_nonnull (sidebar_item (f, id));
  SH_UI_WAIT_FOR (sh_window_get_facility_page (f->window) != NULL);
  g_assert_cmpint (sh_facility_page_get_facility_id (page (f)), ==, id);
  g_assert_null (sh_window_get_message (f->window));

  /* Deleted again and the window closed: now it is gone from the file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-facility", NULL));
  SH_UI_WAIT_FOR ((dialog = sh_ui_test_find_message_dialog ()) != NULL);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  SH_UI_WAIT_FOR (sh_ui_test_find_message_dialog () == NULL);
  g_assert_true (exists_on_disk (f, "facility", id));
  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;
  g_assert_false (exists_on_disk (f, "facility", id));
}

static void
test_screenshot (Fixture       *f,
                 gconstpointer  data)
{
  gint64 id = sh_ui_test_cassava_facility (f->store);
  GtkWidget *viewport;

  sh_window_select_facility (f->window, id);
  SH_UI_WAIT_FOR (sh_window_get_facility_page (f->window) != NULL);
  g_assert_true (sh_field_choice_select_code (SH_FIELD_CHOICE (part (f, "size_class")), "medium"));
  g_assert_true (type_into (f, "employees", "185"));

  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "test-facility-page");

  /* The whole page, below the fold too. */
  viewport = sh_ui_test_find_widget (GTK_WIDGET (page (f)), GTK_TYPE_VIEWPORT);
  g_assert_nonnull (viewport);
  sh_ui_test_save_screenshot (gtk_viewport_get_child (GTK_VIEWPORT (viewport)), "test-facility-page-full");
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);
  sh_application_init_i18n ();
  gtk_init ();

#define PAGE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  PAGE_TEST ("/facility-page/new-facility", test_new_facility);
  PAGE_TEST ("/facility-page/bad-input", test_bad_input);
  PAGE_TEST ("/facility-page/undo-redo", test_undo_redo);
  PAGE_TEST ("/facility-page/team", test_team);
  PAGE_TEST ("/facility-page/assessments", test_assessments);
  PAGE_TEST ("/facility-page/delete-facility", test_delete_facility);
  PAGE_TEST ("/facility-page/screenshot", test_screenshot);

  return g_test_run ();
}
