/* test-tasks.c — task completeness, the finalize check, and starting a
 * detailed assessment from a quick one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sh-assessment.h"
#include "sh-demo.h"
#include "sh-refdata.h"
#include "sh-store-private.h"
#include "sh-tasks.h"
#include "sh-test-utils.h"

#define DEMO_UUID(n) "5ac4d000-0000-4000-8000-" n

typedef struct
{
  char    *dir;
  ShStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = sh_test_make_tmpdir ("tasks");
  path = g_build_filename (f->dir, "sachhon.db", NULL);
  f->store = sh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sh_demo_ensure (f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sh_test_rm_rf (f->dir);
  g_free (f->dir);
}

static gint64
find (ShStore    *store,
      const char *table,
      const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE uuid = ?1", table);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (sh_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* The single number a query returns; "?1" is bound to @id. */
static gint64
query (ShStore    *store,
       const char *sql,
       gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (sh_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Adds a row; pairs of column and value follow, "s:" text, "i:" integer
 * (gint64), "d:" double, ending with NULL. */
static gint64
add (ShStore    *store,
     const char *table,
     ...)
{
  g_autoptr(ShRecord) record = sh_record_new (table);
  g_autoptr(GError) error = NULL;
  const char *name;
  va_list args;
  gint64 id;

  va_start (args, table);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      if (name[0] == 's')
        sh_record_set_string (record, name + 2, va_arg (args, const char *));
      else if (name[0] == 'i')
        sh_record_set_int (record, name + 2, va_arg (args, gint64));
      else
        sh_record_set_double (record, name + 2, va_arg (args, double));
    }
  va_end (args);

  id = sh_store_insert (store, record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
set_text (ShStore    *store,
          const char *table,
          gint64      id,
          const char *column,
          const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sh_store_set_string (store, table, id, column, value, &error));
  g_assert_no_error (error);
}

static GPtrArray *
compute (ShStore *store,
         gint64   assessment)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *statuses = sh_tasks_compute (store, assessment, &error);

  g_assert_no_error (error);
  g_assert_nonnull (statuses);

  /* Whatever is not done says what is missing, and only that. */
  for (guint i = 0; i < statuses->len; i++)
    {
      ShTaskStatus *status = statuses->pdata[i];

      g_assert_cmpuint (status->info->number, ==, i + 1);
      if (status->completeness == SH_COMPLETENESS_DONE)
        g_assert_cmpuint (status->missing->len, ==, 0);
      else
        g_assert_cmpuint (status->missing->len, >, 0);
    }

  return statuses;
}

static ShTaskStatus *
task (GPtrArray *statuses,
      guint      number)
{
  g_assert_cmpuint (number, >=, 1);
  g_assert_cmpuint (number, <=, statuses->len);
  return statuses->pdata[number - 1];
}

static gboolean
mentions (GPtrArray  *missing,
          const char *text)
{
  for (guint i = 0; missing != NULL && i < missing->len; i++)
    if (strstr (missing->pdata[i], text) != NULL)
      return TRUE;

  return FALSE;
}

static ShCompleteness
state_of (ShStore *store,
          gint64   assessment,
          guint    number)
{
  g_autoptr(GPtrArray) statuses = compute (store, assessment);

  return task (statuses, number)->completeness;
}

#define assert_state(store, assessment, number, expected) \
  g_assert_cmpstr (sh_completeness_to_string (state_of ((store), (assessment), (number))), ==, \
                   sh_completeness_to_string (expected))

/* A new facility with a new, empty assessment of @kind. */
static gint64
new_assessment (ShStore    *store,
                const char *kind)
{
  gint64 facility = add (store, "facility", "s:name", "Cơ sở Mới", NULL);

  return add (store, "assessment", "i:facility_id", facility, "s:kind", kind, NULL);
}

/* ------------------------------------------------------------------------- */

static void
test_tasks_info (void)
{
  const guint per_step[SH_TASKS_N_STEPS] = { 3, 4, 2, 4, 3, 2 };
  guint counted[SH_TASKS_N_STEPS] = { 0, };
  g_autoptr(GString) sheets = g_string_new (NULL);

  for (guint n = 1; n <= SH_TASKS_N_TASKS; n++)
    {
      const ShTaskInfo *info = sh_tasks_get_task (n);

      g_assert_cmpuint (info->number, ==, n);
      g_assert_cmpuint (info->step, >=, 1);
      g_assert_cmpuint (info->step, <=, SH_TASKS_N_STEPS);
      /* Steps come in order and hold the right tasks. */
      g_assert_cmpuint (info->step, >=, n > 1 ? sh_tasks_get_task (n - 1)->step : 1);
      counted[info->step - 1]++;
      g_assert_nonnull (info->name);
      g_assert_nonnull (info->name_vi);
      g_string_append_printf (sheets, "%s, ", info->worksheets);
    }

  for (guint s = 0; s < SH_TASKS_N_STEPS; s++)
    {
      g_assert_cmpuint (counted[s], ==, per_step[s]);
      g_assert_cmpuint (sh_tasks_get_step (s + 1)->number, ==, s + 1);
    }

  /* Every worksheet W1–W18 belongs to some task. */
  for (guint w = 1; w <= 18; w++)
    {
      g_autofree char *name = g_strdup_printf ("W%u, ", w);

      g_assert_nonnull (strstr (sheets->str, name));
    }

  g_assert_cmpstr (sh_tasks_get_task (1)->name_vi, ==, "Thành lập nhóm (đội) SXSH");
  g_assert_cmpstr (sh_tasks_get_task (6)->worksheets, ==, "W8");
  g_assert_cmpstr (sh_tasks_get_step (2)->name_vi, ==, "Phân tích các công đoạn sản xuất");
  g_assert_cmpuint (sh_tasks_get_quick_section (7)->step, ==, 0);
}

static void
test_tasks_demo_detailed (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) statuses = compute (f->store, sh_demo_cassava_assessment (f->store));
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rasp = find (f->store, "cp_option", DEMO_UUID ("000000001003"));
  gint64 density_env = find (f->store, "option_env_effect", DEMO_UUID ("000000001409"));

  g_assert_cmpuint (statuses->len, ==, SH_TASKS_N_TASKS);

  /* The demo plant's detailed assessment is complete. */
  for (guint n = 1; n <= SH_TASKS_N_TASKS; n++)
    {
      g_test_message ("task %u", n);
      g_assert_cmpstr (sh_completeness_to_string (task (statuses, n)->completeness), ==, "done");
      g_assert_cmpuint (task (statuses, n)->missing->len, ==, 0);
    }

  /* Take back a technical verdict and an environmental effect: those two
   * tasks become partial and name the option. */
  g_assert_true (sh_store_set_null (f->store, "cp_option", rasp, "tech_verdict", &error));
  g_assert_true (sh_store_delete (f->store, "option_env_effect", density_env, &error));
  g_assert_no_error (error);
  gaps = compute (f->store, sh_demo_cassava_assessment (f->store));
  g_assert_cmpint (task (gaps, 10)->completeness, ==, SH_COMPLETENESS_PARTIAL);
  g_assert_cmpuint (task (gaps, 10)->missing->len, ==, 1);
  g_assert_true (mentions (task (gaps, 10)->missing, "GP03"));
  g_assert_cmpint (task (gaps, 12)->completeness, ==, SH_COMPLETENESS_PARTIAL);
  g_assert_true (mentions (task (gaps, 12)->missing, "GP07"));
  g_assert_cmpint (task (gaps, 11)->completeness, ==, SH_COMPLETENESS_DONE);
}

static void
test_tasks_fresh (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) detailed = compute (f->store, new_assessment (f->store, "detailed"));
  g_autoptr(GPtrArray) quick = compute (f->store, new_assessment (f->store, "quick"));

  g_assert_cmpuint (detailed->len, ==, SH_TASKS_N_TASKS);
  for (guint i = 0; i < detailed->len; i++)
    g_assert_cmpint (task (detailed, i + 1)->completeness, ==, SH_COMPLETENESS_EMPTY);
  g_assert_true (mentions (task (detailed, 1)->missing, "no leader"));
  g_assert_true (mentions (task (detailed, 10)->missing, "task 9"));

  g_assert_cmpuint (quick->len, ==, SH_TASKS_N_QUICK_SECTIONS);
  for (guint i = 0; i < quick->len; i++)
    g_assert_cmpint (task (quick, i + 1)->completeness, ==, SH_COMPLETENESS_EMPTY);
  g_assert_cmpuint (task (quick, 7)->missing->len, ==, 4);
}

static void
test_tasks_partial (Fixture       *f,
                    gconstpointer  data)
{
  gint64 assessment = new_assessment (f->store, "detailed");
  gint64 facility = query (f->store, "SELECT facility_id FROM assessment WHERE id = ?1", assessment);
  gint64 kiln, stream, option, out;
  g_autoptr(GPtrArray) statuses = NULL;

  /* Task 1: one member is a start; two with a leader are a team. A
   * consultant does not count. */
  add (f->store, "team_member", "i:facility_id", facility, "s:name", "Ngô Văn Tư", NULL);
  add (f->store, "team_member", "i:facility_id", facility, "s:name", "Võ Thanh Sơn",
       "s:role", "consultant", NULL);
  statuses = compute (f->store, assessment);
  g_assert_cmpint (task (statuses, 1)->completeness, ==, SH_COMPLETENESS_PARTIAL);
  g_assert_true (mentions (task (statuses, 1)->missing, "no leader"));
  g_assert_true (mentions (task (statuses, 1)->missing, "at least two"));
  add (f->store, "team_member", "i:facility_id", facility, "s:name", "Hà Thị Mai", "s:role", "leader", NULL);
  assert_state (f->store, assessment, 1, SH_COMPLETENESS_DONE);

  /* Task 2: steps alone are partial. */
  kiln = add (f->store, "process_step", "i:assessment_id", assessment, "s:name", "Lò nung", NULL);
  g_clear_pointer (&statuses, g_ptr_array_unref);
  statuses = compute (f->store, assessment);
  g_assert_cmpint (task (statuses, 2)->completeness, ==, SH_COMPLETENESS_PARTIAL);
  g_assert_cmpuint (task (statuses, 2)->missing->len, ==, 3);
  g_assert_true (mentions (task (statuses, 2)->missing, "baseline production"));

  /* Tasks 3–5: a focus stream at the kiln with a flow into it only. */
  stream = add (f->store, "waste_stream", "i:assessment_id", assessment, "i:step_id", kiln,
                "s:name", "Khí thải lò", "s:type", "heat", "i:is_focus", (gint64) 1, NULL);
  g_clear_pointer (&statuses, g_ptr_array_unref);
  statuses = compute (f->store, assessment);
  g_assert_cmpint (task (statuses, 3)->completeness, ==, SH_COMPLETENESS_PARTIAL);
  g_assert_true (mentions (task (statuses, 3)->missing, "Khí thải lò"));
  set_text (f->store, "waste_stream", stream, "focus_reason", "Tổn thất nhiệt lớn nhất");
  set_text (f->store, "assessment", assessment, "focus", "Lò nung");
  assert_state (f->store, assessment, 3, SH_COMPLETENESS_DONE);

  assert_state (f->store, assessment, 4, SH_COMPLETENESS_EMPTY);
  add (f->store, "flow", "i:assessment_id", assessment, "s:from_label", "Than", "i:to_step_id", kiln,
       "s:substance", "Than cám", "s:kind", "energy", "d:quantity", 4650.0, "s:unit", "t", NULL);
  /* A flow out measured after the changes does not balance the baseline. */
  out = add (f->store, "flow", "i:assessment_id", assessment, "s:phase", "after", "i:from_step_id", kiln,
             "s:to_label", "Khói", "s:substance", "Khí thải", "s:kind", "emission",
             "d:quantity", 1.0, "s:unit", "t", NULL);
  g_clear_pointer (&statuses, g_ptr_array_unref);
  statuses = compute (f->store, assessment);
  g_assert_cmpint (task (statuses, 4)->completeness, ==, SH_COMPLETENESS_DONE);
  g_assert_cmpint (task (statuses, 5)->completeness, ==, SH_COMPLETENESS_PARTIAL);
  g_assert_true (mentions (task (statuses, 5)->missing, "“Lò nung”: no flow out"));
  set_text (f->store, "flow", out, "phase", "baseline");
  assert_state (f->store, assessment, 5, SH_COMPLETENESS_DONE);

  /* Task 6 and 7. */
  assert_state (f->store, assessment, 6, SH_COMPLETENESS_EMPTY);
  g_assert_true (sh_store_set_int (f->store, "waste_stream", stream, "energy_loss_vnd", 900000000, NULL));
  assert_state (f->store, assessment, 6, SH_COMPLETENESS_DONE);
  add (f->store, "cause", "i:assessment_id", assessment, "s:description", "Cửa lò hở",
       "s:category", "equipment", NULL);
  /* A cause of no stream is something, not the focus stream's cause. */
  assert_state (f->store, assessment, 7, SH_COMPLETENESS_PARTIAL);

  /* Tasks 8–12: one option, rejected without a reason. */
  option = add (f->store, "cp_option", "i:assessment_id", assessment, "s:title", "Chèn kín cửa lò",
                "s:category", "GH", "s:screening", "reject", NULL);
  g_clear_pointer (&statuses, g_ptr_array_unref);
  statuses = compute (f->store, assessment);
  g_assert_cmpint (task (statuses, 8)->completeness, ==, SH_COMPLETENESS_PARTIAL);
  g_assert_cmpint (task (statuses, 9)->completeness, ==, SH_COMPLETENESS_PARTIAL);
  g_assert_true (mentions (task (statuses, 9)->missing, "without a reason"));
  /* Nothing is to be analysed further: the technical task has no work. */
  g_assert_cmpint (task (statuses, 10)->completeness, ==, SH_COMPLETENESS_DONE);
  g_assert_cmpint (task (statuses, 11)->completeness, ==, SH_COMPLETENESS_EMPTY);

  g_assert_true (sh_store_set_int (f->store, "cp_option", option, "step_id", kiln, NULL));
  set_text (f->store, "cp_option", option, "screening", "analyse_further");
  g_clear_pointer (&statuses, g_ptr_array_unref);
  statuses = compute (f->store, assessment);
  g_assert_cmpint (task (statuses, 8)->completeness, ==, SH_COMPLETENESS_DONE);
  g_assert_cmpint (task (statuses, 9)->completeness, ==, SH_COMPLETENESS_DONE);
  g_assert_cmpint (task (statuses, 10)->completeness, ==, SH_COMPLETENESS_EMPTY);
  g_assert_cmpint (task (statuses, 11)->completeness, ==, SH_COMPLETENESS_EMPTY);
  add (f->store, "option_investment", "i:option_id", option, "s:item", "equipment",
       "i:amount_vnd", (gint64) 35000000, NULL);
  assert_state (f->store, assessment, 11, SH_COMPLETENESS_PARTIAL);
  add (f->store, "option_saving", "i:option_id", option, "s:resource_code", "coal",
       "d:quantity", 90.0, "s:unit", "t", NULL);
  assert_state (f->store, assessment, 11, SH_COMPLETENESS_DONE);

  /* Task 17: one of three. */
  set_text (f->store, "assessment", assessment, "sustain_kpis", "kg than / 1000 viên");
  g_clear_pointer (&statuses, g_ptr_array_unref);
  statuses = compute (f->store, assessment);
  g_assert_cmpint (task (statuses, 17)->completeness, ==, SH_COMPLETENESS_PARTIAL);
  g_assert_cmpuint (task (statuses, 17)->missing->len, ==, 2);
}

static void
test_tasks_demo_quick (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 cassava = find (f->store, "assessment", DEMO_UUID ("000000000100"));
  gint64 brick = find (f->store, "assessment", DEMO_UUID ("000000002101"));
  g_autoptr(GPtrArray) statuses = compute (f->store, cassava);
  g_autoptr(GPtrArray) items = NULL;
  const ShCompleteness expected_cassava[] = {
    SH_COMPLETENESS_DONE, SH_COMPLETENESS_EMPTY, SH_COMPLETENESS_DONE, SH_COMPLETENESS_DONE,
    SH_COMPLETENESS_PARTIAL, SH_COMPLETENESS_DONE, SH_COMPLETENESS_DONE,
  };
  const ShCompleteness expected_brick[] = {
    SH_COMPLETENESS_PARTIAL, SH_COMPLETENESS_DONE, SH_COMPLETENESS_EMPTY, SH_COMPLETENESS_DONE,
    SH_COMPLETENESS_DONE, SH_COMPLETENESS_DONE, SH_COMPLETENESS_EMPTY,
  };

  g_assert_cmpuint (statuses->len, ==, SH_TASKS_N_QUICK_SECTIONS);
  for (guint i = 0; i < statuses->len; i++)
    g_assert_cmpint (task (statuses, i + 1)->completeness, ==, expected_cassava[i]);
  g_assert_true (mentions (task (statuses, 5)->missing, "QW01"));

  g_clear_pointer (&statuses, g_ptr_array_unref);
  statuses = compute (f->store, brick);
  for (guint i = 0; i < statuses->len; i++)
    g_assert_cmpint (task (statuses, i + 1)->completeness, ==, expected_brick[i]);
  g_assert_true (mentions (task (statuses, 1)->missing, "address"));

  /* With the reference data, the sector's own checklist is what to go
   * through, and the demo's two answers are not on it. */
  g_assert_true (sh_refdata_ensure_loaded (f->store, &error));
  g_assert_no_error (error);
  set_text (f->store, "facility", find (f->store, "facility", DEMO_UUID ("000000000001")),
            "sector_code", "cassava");
  items = sh_refdata_list_checklist (f->store, "cassava", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, 10);
  g_clear_pointer (&statuses, g_ptr_array_unref);
  statuses = compute (f->store, cassava);
  g_assert_cmpint (task (statuses, 3)->completeness, ==, SH_COMPLETENESS_PARTIAL);
  {
    g_autofree char *text = g_strdup_printf ("%u of the sector's %u", items->len, items->len);

    g_assert_true (mentions (task (statuses, 3)->missing, text));
  }

  for (guint i = 0; i < items->len; i++)
    add (f->store, "checklist_answer", "i:assessment_id", cassava,
         "s:item_code", sh_record_get_string (items->pdata[i], "code"),
         "s:answer", i % 2 ? "yes" : "no", NULL);
  assert_state (f->store, cassava, 3, SH_COMPLETENESS_DONE);
}

static void
test_tasks_finalize_detailed (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  gint64 assessment = sh_demo_cassava_assessment (f->store);
  gint64 rasp = find (f->store, "cp_option", DEMO_UUID ("000000001003"));
  gint64 leak_action = find (f->store, "action_item", DEMO_UUID ("000000001705"));

  /* The demo is complete, so it may be finalized. */
  g_assert_true (sh_tasks_check_finalize (f->store, assessment, &missing, &error));
  g_assert_no_error (error);
  g_assert_null (missing);

  /* Open two gaps: the list names them, and nothing else. */
  set_text (f->store, "cp_option", rasp, "actual_start", NULL);
  g_assert_true (sh_store_delete (f->store, "action_item", leak_action, &error));
  g_assert_no_error (error);
  g_assert_false (sh_tasks_check_finalize (f->store, assessment, &missing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, 2);
  g_assert_true (mentions (missing, "Task 14, "));
  g_assert_true (mentions (missing, "GP01"));
  g_assert_true (mentions (missing, "Task 15, "));
  g_assert_true (mentions (missing, "GP03"));
  g_assert_false (mentions (missing, "Task 1,"));
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* Fill them again. */
  set_text (f->store, "cp_option", rasp, "actual_start", "2023-08-01");
  add (f->store, "action_item", "i:assessment_id", assessment,
       "i:option_id", find (f->store, "cp_option", DEMO_UUID ("000000001001")), "s:task", "Thực hiện", NULL);
  g_assert_true (sh_tasks_check_finalize (f->store, assessment, &missing, &error));
  g_assert_no_error (error);
  g_assert_null (missing);

  /* A detailed report is signed too. */
  g_assert_true (sh_store_set_null (f->store, "assessment", assessment, "facility_signature_date", &error));
  g_assert_false (sh_tasks_check_finalize (f->store, assessment, &missing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_true (mentions (missing, "Signatures: The date of the facility's signature is missing"));
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* A database error is an error, not a list. */
  g_assert_false (sh_tasks_check_finalize (f->store, 999999, &missing, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

static void
test_tasks_finalize_quick (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  gint64 brick = find (f->store, "assessment", DEMO_UUID ("000000002101"));
  gint64 facility = find (f->store, "facility", DEMO_UUID ("000000000005"));

  g_assert_false (sh_tasks_check_finalize (f->store, brick, &missing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, 1 + 1 + 4);
  g_assert_true (mentions (missing, "Facility data: The facility's address is missing"));
  g_assert_true (mentions (missing, "Walk-through checklist: "));
  g_assert_true (mentions (missing, "Signatures: The consultant's name"));
  g_clear_pointer (&missing, g_ptr_array_unref);

  set_text (f->store, "facility", facility, "address", "Thôn 3, xã Hà Mòn, huyện Đắk Hà");
  add (f->store, "checklist_answer", "i:assessment_id", brick, "s:item_code", "brick.door",
       "s:question", "Cửa lò có kín không?", "s:answer", "no", NULL);
  set_text (f->store, "assessment", brick, "consultant_signature_name", "Võ Thanh Sơn");
  set_text (f->store, "assessment", brick, "consultant_signature_date", "2024-08-13");
  set_text (f->store, "assessment", brick, "facility_signature_name", "Lê Văn Ba");
  set_text (f->store, "assessment", brick, "facility_signature_date", "2024-08-13");

  g_assert_true (sh_tasks_check_finalize (f->store, brick, &missing, &error));
  g_assert_no_error (error);
  g_assert_null (missing);
}

/* -------------------------------------------------------------------------
 * Starting a detailed assessment from a quick one
 * ------------------------------------------------------------------------- */

static const char * const copied_tables[] = {
  "assessment_consultant", "process_step", "production_record", "resource_consumption",
  "flow", "waste_stream", "cause", "cp_option",
};

static gint64
count_rows (ShStore    *store,
            const char *table,
            gint64      assessment)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE assessment_id = ?1", table);

  return query (store, sql, assessment);
}

static gint64
count_option_rows (ShStore    *store,
                   const char *table,
                   gint64      assessment)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE option_id IN "
                                          "(SELECT id FROM cp_option WHERE assessment_id = ?1)", table);

  return query (store, sql, assessment);
}

/* The brick plant's quick assessment with a flow chart, a focus stream, a
 * cause and a linked option added, so that every kind of row is copied. */
static gint64
enrich_brick_quick (Fixture *f)
{
  gint64 quick = find (f->store, "assessment", DEMO_UUID ("000000002101"));
  gint64 option = find (f->store, "cp_option", DEMO_UUID ("000000002131"));
  gint64 consultant = find (f->store, "consultant", DEMO_UUID ("000000000031"));
  gint64 shaping, kiln, stream, cause;

  add (f->store, "assessment_consultant", "i:assessment_id", quick, "i:consultant_id", consultant,
       "s:role", "lead", NULL);
  shaping = add (f->store, "process_step", "i:assessment_id", quick, "i:seq", (gint64) 1,
                 "s:name", "Tạo hình", NULL);
  kiln = add (f->store, "process_step", "i:assessment_id", quick, "i:seq", (gint64) 2,
              "s:name", "Nung tuynel", NULL);
  add (f->store, "equipment", "i:step_id", kiln, "s:name", "Quạt hút khói", "d:rated_kw", 75.0, NULL);
  add (f->store, "flow", "i:assessment_id", quick, "s:from_label", "Đất sét", "i:to_step_id", shaping,
       "s:substance", "Đất sét", "s:kind", "material", "d:quantity", 60000.0, "s:unit", "t", NULL);
  add (f->store, "flow", "i:assessment_id", quick, "i:from_step_id", shaping, "i:to_step_id", kiln,
       "s:substance", "Gạch mộc", "s:kind", "material", "d:quantity", 58000.0, "s:unit", "t", NULL);
  add (f->store, "flow", "i:assessment_id", quick, "i:from_step_id", kiln, "s:to_label", "Khói",
       "s:substance", "Nhiệt khí thải", "s:kind", "waste", "d:quantity", 9.0e6, "s:unit", "MJ", NULL);
  stream = add (f->store, "waste_stream", "i:assessment_id", quick, "i:step_id", kiln,
                "s:name", "Khí nóng thoát cửa lò", "s:type", "heat", "i:is_focus", (gint64) 1,
                "s:focus_reason", "Tổn thất than lớn nhất", NULL);
  cause = add (f->store, "cause", "i:assessment_id", quick, "i:waste_stream_id", stream,
               "s:description", "Khe hở cửa lò", "s:category", "equipment", NULL);
  add (f->store, "option_cause", "i:option_id", option, "i:cause_id", cause, NULL);
  add (f->store, "option_env_effect", "i:option_id", option, "s:indicator", "co2e",
       "d:reduction", 210.0, "s:unit", "t", NULL);
  g_assert_true (sh_store_set_int (f->store, "cp_option", option, "step_id", kiln, NULL));
  g_assert_true (sh_store_set_int (f->store, "cp_option", option, "selected", 1, NULL));
  set_text (f->store, "cp_option", option, "status", "implemented");
  set_text (f->store, "cp_option", option, "actual_start", "2024-08-20");

  return quick;
}

static void
test_start_detailed_inherits (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) quick_row = NULL;
  g_autoptr(ShRecord) detailed_row = NULL;
  g_autoptr(GPtrArray) options = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  gint64 quick = enrich_brick_quick (f);
  gint64 quick_counts[G_N_ELEMENTS (copied_tables)];
  gint64 detailed = 0;
  ShRecord *option;

  for (guint i = 0; i < G_N_ELEMENTS (copied_tables); i++)
    quick_counts[i] = count_rows (f->store, copied_tables[i], quick);

  /* It works from a finalized quick assessment, which it only reads. */
  g_assert_true (sh_store_finalize_assessment (f->store, quick, &error));
  g_assert_true (sh_assessment_start_detailed (f->store, quick, &detailed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (detailed, >, 0);

  quick_row = sh_store_get (f->store, "assessment", quick, &error);
  detailed_row = sh_store_get (f->store, "assessment", detailed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sh_record_get_string (detailed_row, "kind"), ==, "detailed");
  g_assert_cmpstr (sh_record_get_string (detailed_row, "status"), ==, "draft");
  g_assert_cmpint (sh_record_get_int (detailed_row, "parent_assessment_id", 0), ==, quick);
  g_assert_cmpint (sh_record_get_int (detailed_row, "facility_id", 0), ==,
                   sh_record_get_int (quick_row, "facility_id", -1));
  g_assert_cmpstr (sh_record_get_string (detailed_row, "focus"), ==,
                   "Lò nung: tổn thất nhiệt vùng làm nguội và cửa lò");
  g_assert_cmpstr (sh_record_get_string (detailed_row, "baseline_from"), ==, "2023-01-01");
  g_assert_cmpstr (sh_record_get_string (detailed_row, "baseline_to"), ==, "2023-12-31");
  g_assert_cmpstr (sh_record_get_string (detailed_row, "scope"), ==, "Lò nung tuynel và khâu tạo hình");
  g_assert_cmpstr (sh_record_get_string (detailed_row, "operating_regime"), ==, "2 ca/ngày, 300 ngày/năm");
  g_assert_true (sh_record_is_null (detailed_row, "recommendation"));
  g_assert_true (sh_record_is_null (detailed_row, "consultant_signature_name"));

  /* Every kind of row came across, and the quick one kept its own. */
  for (guint i = 0; i < G_N_ELEMENTS (copied_tables); i++)
    {
      g_test_message ("%s", copied_tables[i]);
      g_assert_cmpint (quick_counts[i], >, 0);
      g_assert_cmpint (count_rows (f->store, copied_tables[i], detailed), ==, quick_counts[i]);
      g_assert_cmpint (count_rows (f->store, copied_tables[i], quick), ==, quick_counts[i]);
    }
  g_assert_cmpint (count_option_rows (f->store, "option_investment", detailed), ==, 1);
  g_assert_cmpint (count_option_rows (f->store, "option_saving", detailed), ==, 1);
  g_assert_cmpint (count_option_rows (f->store, "option_env_effect", detailed), ==, 1);
  g_assert_cmpint (count_option_rows (f->store, "option_cause", detailed), ==, 1);
  g_assert_cmpint (query (f->store, "SELECT count(*) FROM equipment WHERE step_id IN "
                                    "(SELECT id FROM process_step WHERE assessment_id = ?1)", detailed), ==, 1);
  /* The walk-through stays with the quick assessment. */
  g_assert_cmpint (count_rows (f->store, "observation", detailed), ==, 0);
  g_assert_cmpint (count_rows (f->store, "observation", quick), ==, 2);

  /* Every reference points inside the new assessment. */
  g_assert_cmpint (query (f->store,
                          "SELECT count(*) FROM flow f LEFT JOIN process_step a ON a.id = f.from_step_id "
                          "LEFT JOIN process_step b ON b.id = f.to_step_id WHERE f.assessment_id = ?1 "
                          "AND (a.assessment_id IS NOT ?1 AND a.id IS NOT NULL "
                          "  OR b.assessment_id IS NOT ?1 AND b.id IS NOT NULL)", detailed), ==, 0);
  g_assert_cmpint (query (f->store,
                          "SELECT count(*) FROM flow WHERE assessment_id = ?1 "
                          "AND from_step_id IS NOT NULL AND to_step_id IS NOT NULL", detailed), ==, 1);
  g_assert_cmpint (query (f->store,
                          "SELECT count(*) FROM waste_stream w JOIN process_step s ON s.id = w.step_id "
                          "WHERE w.assessment_id = ?1 AND s.assessment_id = ?1", detailed), ==, 1);
  g_assert_cmpint (query (f->store,
                          "SELECT count(*) FROM cause c JOIN waste_stream w ON w.id = c.waste_stream_id "
                          "WHERE c.assessment_id = ?1 AND w.assessment_id = ?1", detailed), ==, 1);
  g_assert_cmpint (query (f->store,
                          "SELECT count(*) FROM option_cause l JOIN cp_option o ON o.id = l.option_id "
                          "JOIN cause c ON c.id = l.cause_id "
                          "WHERE o.assessment_id = ?1 AND c.assessment_id = ?1", detailed), ==, 1);

  /* The quick win is a proposal again, with its figures. */
  options = sh_store_list (f->store, "cp_option", "assessment_id", detailed, &error);
  g_assert_no_error (error);
  option = options->pdata[0];
  g_assert_cmpstr (sh_record_get_string (option, "title"), ==, "Chèn kín cửa lò bằng bông gốm");
  g_assert_cmpstr (sh_record_get_string (option, "status"), ==, "proposed");
  g_assert_cmpint (sh_record_get_int (option, "selected", -1), ==, 0);
  g_assert_cmpint (sh_record_get_int (option, "is_quick_win", -1), ==, 1);
  g_assert_true (sh_record_is_null (option, "actual_start"));
  g_assert_cmpstr (sh_record_get_string (option, "uuid"), !=, DEMO_UUID ("000000002131"));
  g_assert_cmpint (query (f->store, "SELECT amount_vnd FROM option_investment WHERE option_id = ?1",
                          sh_record_get_id (option)), ==, 35000000);

  /* What was inherited counts for the tasks: nothing to type again. */
  statuses = compute (f->store, detailed);
  g_assert_cmpint (task (statuses, 2)->completeness, ==, SH_COMPLETENESS_DONE);
  g_assert_cmpint (task (statuses, 3)->completeness, ==, SH_COMPLETENESS_DONE);
  g_assert_cmpint (task (statuses, 5)->completeness, ==, SH_COMPLETENESS_DONE);
  g_assert_cmpint (task (statuses, 7)->completeness, ==, SH_COMPLETENESS_DONE);
  g_assert_cmpint (task (statuses, 8)->completeness, ==, SH_COMPLETENESS_DONE);

  g_assert_true (sh_store_integrity_check (f->store, &error));
  g_assert_no_error (error);
}

static gint64
count_everything (ShStore *store)
{
  return query (store,
                "SELECT (SELECT count(*) FROM assessment) + (SELECT count(*) FROM process_step) + "
                "(SELECT count(*) FROM equipment) + (SELECT count(*) FROM flow) + "
                "(SELECT count(*) FROM production_record) + (SELECT count(*) FROM waste_stream) + "
                "(SELECT count(*) FROM cause) + (SELECT count(*) FROM cp_option) + "
                "(SELECT count(*) FROM option_investment) + (SELECT count(*) FROM option_saving) + "
                "(SELECT count(*) FROM assessment_consultant)", 0);
}

static void
test_start_detailed_atomic (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = sh_store_get_db (f->store);
  gint64 quick = enrich_brick_quick (f);
  gint64 before = count_everything (f->store);
  gint64 detailed = -1;
  sqlite3 *other = NULL;

  /* A failure late in the copy (the savings come after everything else
   * but the environmental effects and cause links) leaves nothing. */
  g_assert_cmpint (sqlite3_exec (db, "CREATE TEMP TRIGGER refuse BEFORE INSERT ON option_saving "
                                     "BEGIN SELECT RAISE (ABORT, 'refused'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (sh_assessment_start_detailed (f->store, quick, &detailed, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (detailed, ==, 0);
  g_assert_cmpint (count_everything (f->store), ==, before);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER refuse", NULL, NULL, NULL), ==, SQLITE_OK);

  /* Another program holds the database. */
  g_assert_cmpint (sqlite3_open (sh_store_get_path (f->store), &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10);
  g_assert_false (sh_assessment_start_detailed (f->store, quick, &detailed, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_cmpint (count_everything (f->store), ==, before);

  /* And once free, it goes through. */
  g_assert_true (sh_assessment_start_detailed (f->store, quick, &detailed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_everything (f->store), >, before);
}

static void
test_start_detailed_not_quick (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 before = count_everything (f->store);
  gint64 detailed = -1;

  g_assert_false (sh_assessment_start_detailed (f->store, sh_demo_cassava_assessment (f->store),
                                                &detailed, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sh_assessment_start_detailed (f->store, 999999, &detailed, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (detailed, ==, 0);
  g_assert_cmpint (count_everything (f->store), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);

  g_test_add_func ("/tasks/info", test_tasks_info);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/tasks/demo/detailed", test_tasks_demo_detailed);
  ADD ("/tasks/demo/quick", test_tasks_demo_quick);
  ADD ("/tasks/fresh", test_tasks_fresh);
  ADD ("/tasks/partial", test_tasks_partial);
  ADD ("/tasks/finalize/detailed", test_tasks_finalize_detailed);
  ADD ("/tasks/finalize/quick", test_tasks_finalize_quick);
  ADD ("/assessment/start-detailed/inherits", test_start_detailed_inherits);
  ADD ("/assessment/start-detailed/atomic", test_start_detailed_atomic);
  ADD ("/assessment/start-detailed/not-quick", test_start_detailed_not_quick);
#undef ADD

  return g_test_run ();
}
