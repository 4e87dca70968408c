/* test-xlsx.c — the worksheets and the roll-up as .xlsx workbooks, read
 * back through tests/xlsx-dump.py (python3's zipfile): sheets, headers,
 * numbers stored as numbers with their formats, dates as dates, and files
 * that are either whole or not there at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sh-demo.h"
#include "sh-refdata.h"
#include "sh-report-rollup.h"
#include "sh-summary.h"
#include "sh-test-utils.h"
#include "sh-xlsx.h"

#define BRICK_QUICK "5ac4d000-0000-4000-8000-000000002101"

typedef struct
{
  char    *dir;
  char    *db;
  ShStore *store;
} Fixture;

typedef struct
{
  char *type;    /* n, s or b */
  char *value;
  char *format;
} Cell;

typedef struct
{
  GPtrArray  *sheets;   /* char *, in order */
  GHashTable *frozen;   /* sheet → frozen rows, as text */
  GHashTable *widths;   /* sheet → number of columns given a width, as text */
  GHashTable *cells;    /* "sheet!A1" → Cell */
} Workbook;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->type);
  g_free (cell->value);
  g_free (cell->format);
  g_free (cell);
}

static void
workbook_free (Workbook *book)
{
  g_ptr_array_unref (book->sheets);
  g_hash_table_unref (book->frozen);
  g_hash_table_unref (book->widths);
  g_hash_table_unref (book->cells);
  g_free (book);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Workbook, workbook_free)

static char *
unescape (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, *p == 't' ? '\t' : *p == 'n' ? '\n' : *p);
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Reads @path with the dump script; fails the test if it is not a zip
 * archive with well-formed sheets. */
static Workbook *
read_workbook (const char *path)
{
  g_autofree char *script = sh_test_source_path ("tests", "xlsx-dump.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  Workbook *book;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    g_error ("xlsx-dump.py failed on %s: %s", path, err);

  book = g_new0 (Workbook, 1);
  book->sheets = g_ptr_array_new_with_free_func (g_free);
  book->frozen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book->widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cell_free);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "\t", -1);
      guint n = g_strv_length (parts);

      if (n == 4 && g_str_equal (parts[0], "sheet"))
        {
          g_ptr_array_add (book->sheets, unescape (parts[1]));
          g_hash_table_insert (book->frozen, unescape (parts[1]), g_strdup (parts[2]));
          g_hash_table_insert (book->widths, unescape (parts[1]), g_strdup (parts[3]));
        }
      else if (n == 6 && g_str_equal (parts[0], "cell"))
        {
          g_autofree char *sheet = unescape (parts[1]);
          Cell *cell = g_new0 (Cell, 1);

          cell->type = g_strdup (parts[3]);
          cell->value = unescape (parts[4]);
          cell->format = unescape (parts[5]);
          g_hash_table_insert (book->cells, g_strdup_printf ("%s!%s", sheet, parts[2]), cell);
        }
      else
        g_assert_cmpstr (lines[i], ==, "");
    }

  return book;
}

static const Cell *
get_cell (Workbook   *book,
          const char *sheet,
          const char *ref)
{
  g_autofree char *key = g_strdup_printf ("%s!%s", sheet, ref);

  return g_hash_table_lookup (book->cells, key);
}

static void
assert_text (Workbook   *book,
             const char *sheet,
             const char *ref,
             const char *expected)
{
  const Cell *cell = get_cell (book, sheet, ref);

  if (cell == NULL)
    g_error ("%s!%s is empty, expected “%s”", sheet, ref, expected);
  g_assert_cmpstr (cell->type, ==, "s");
  g_assert_cmpstr (cell->value, ==, expected);
}

static void
assert_text_at (Workbook   *book,
                const char *sheet,
                const char *column,
                guint       row,
                const char *expected)
{
  g_autofree char *ref = g_strdup_printf ("%s%u", column, row);

  assert_text (book, sheet, ref, expected);
}

static const Cell *
cell_at (Workbook   *book,
         const char *sheet,
         const char *column,
         guint       row)
{
  g_autofree char *ref = g_strdup_printf ("%s%u", column, row);

  return get_cell (book, sheet, ref);
}

/* A numeric cell (not text) with @format; returns its value. */
static double
get_number (Workbook   *book,
            const char *sheet,
            const char *ref,
            const char *format)
{
  const Cell *cell = get_cell (book, sheet, ref);
  char *end = NULL;
  double value;

  if (cell == NULL)
    g_error ("%s!%s is empty", sheet, ref);
  g_assert_cmpstr (cell->type, ==, "n");
  if (format != NULL)
    g_assert_cmpstr (cell->format, ==, format);
  value = g_ascii_strtod (cell->value, &end);
  g_assert_true (end != cell->value && *end == '\0');
  return value;
}

/* The row (1-based) whose cell in @column holds @text, or 0. */
static guint
find_row (Workbook   *book,
          const char *sheet,
          const char *column,
          const char *text)
{
  for (guint row = 1; row < 200; row++)
    {
      g_autofree char *ref = g_strdup_printf ("%s%u", column, row);
      const Cell *cell = get_cell (book, sheet, ref);

      if (cell != NULL && g_str_equal (cell->type, "s") && g_str_equal (cell->value, text))
        return row;
    }

  return 0;
}

static double
number_at (Workbook   *book,
           const char *sheet,
           const char *column,
           guint       row,
           const char *format)
{
  g_autofree char *ref = g_strdup_printf ("%s%u", column, row);

  return get_number (book, sheet, ref, format);
}

/* The file stores doubles with 16 significant digits (%.16G). */
static void
assert_same_double (double actual,
                    double expected)
{
  g_assert_cmpfloat_with_epsilon (actual, expected, fabs (expected) * 1e-15 + 1e-300);
}

static void
assert_sheets (Workbook           *book,
               const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (n, book->sheets->len); i++)
    g_assert_cmpstr (book->sheets->pdata[i], ==, expected[i]);
  g_assert_cmpuint (book->sheets->len, ==, n);

  /* Every sheet keeps its title and header rows in view and sizes its
   * columns. */
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (g_hash_table_lookup (book->frozen, expected[i]), ==, "4");
      g_assert_cmpstr (g_hash_table_lookup (book->widths, expected[i]), !=, "0");
    }
}

static gint64
find_assessment (ShStore    *store,
                 const char *uuid)
{
  g_autoptr(GPtrArray) rows = sh_store_list (store, "assessment", NULL, 0, NULL);

  g_assert_nonnull (rows);
  for (guint i = 0; i < rows->len; i++)
    {
      if (g_strcmp0 (sh_record_get_uuid (rows->pdata[i]), uuid) == 0)
        return sh_record_get_id (rows->pdata[i]);
    }

  g_assert_not_reached ();
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sh_test_make_tmpdir ("xlsx");
  f->db = g_build_filename (f->dir, "sachhon.db", NULL);
  f->store = sh_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (sh_refdata_ensure_loaded (f->store, &error));
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
  g_free (f->db);
  g_free (f->dir);
}

static void
test_detailed (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShSummary) summary = NULL;
  g_autoptr(Workbook) book = NULL;
  g_autofree char *path = g_build_filename (f->dir, "chi-tiet.xlsx", NULL);
  gint64 id = sh_demo_cassava_assessment (f->store);
  const char *sheets[] = { "Assessment", "Products", "W1 Team", "W2 Process steps", "W3 Production",
                           "W3 Consumption", "Specific consumption", "W4, W8 Waste streams", "W5 Flows",
                           "W6, W7 Balances", "W9 Causes", "W10–W12 Options", "W13 Economics",
                           "W14 Environment", "W15 Ranking", "W16 Action plan", "W17 Monitoring", NULL };
  const ShSummaryResource *water;
  guint economics_rows = 0;
  guint row;

  g_assert_true (sh_xlsx_write_assessment (f->store, id, path, &error));
  g_assert_no_error (error);
  book = read_workbook (path);
  assert_sheets (book, sheets);

  /* The title rows. */
  assert_text (book, "W13 Economics", "A1", "W13 · Economic feasibility");
  g_assert_nonnull (strstr (((const Cell *) get_cell (book, "W13 Economics", "A2"))->value,
                            "Công ty TNHH Tinh bột sắn Đắk Tô — "));
  g_assert_nonnull (strstr (((const Cell *) get_cell (book, "W13 Economics", "A2"))->value, "05/06/2023 – 20/12/2024"));

  /* Headers, units beside the numbers. */
  assert_text (book, "W13 Economics", "A4", "Code");
  assert_text (book, "W13 Economics", "C4", "Investment (đồng)");
  assert_text (book, "W13 Economics", "H4", "NPV (đồng)");
  assert_text (book, "W13 Economics", "I4", "IRR");
  assert_text (book, "Specific consumption", "E4", "Baseline specific consumption");
  assert_text (book, "W3 Consumption", "H4", "Unit");

  summary = sh_summary_compute (f->store, sh_units_get_default (), id, &error);
  g_assert_no_error (error);

  /* Each option's economics, exactly as the summary computes them. */
  for (guint i = 0; i < summary->options->len; i++)
    {
      const ShSummaryOption *o = summary->options->pdata[i];

      row = find_row (book, "W13 Economics", "A", o->code);
      g_assert_cmpuint (row, >, 4);
      g_assert_cmpint ((gint64) number_at (book, "W13 Economics", "C", row, "#,##0"), ==, o->investment_vnd);
      g_assert_cmpint ((gint64) number_at (book, "W13 Economics", "D", row, "#,##0"), ==, o->annual_benefit_vnd);
      if (o->has_npv)
        {
          g_assert_cmpint ((gint64) number_at (book, "W13 Economics", "H", row, "#,##0"), ==, o->npv_vnd);
          economics_rows++;
        }
      if (o->has_irr)
        assert_same_double (number_at (book, "W13 Economics", "I", row, "0.00%"), o->irr);
      if (o->has_payback)
        assert_same_double (number_at (book, "W13 Economics", "G", row, "#,##0.00"), o->payback_years);
    }
  g_assert_cmpuint (economics_rows, >=, 5);
  row = find_row (book, "W13 Economics", "B", "Total");
  g_assert_cmpint ((gint64) number_at (book, "W13 Economics", "C", row, "#,##0"), ==, summary->total_investment_vnd);

  /* Water: 18 m³/t before, 15.3 after, a 15 % saving. */
  water = sh_summary_find_resource (summary, "water");
  g_assert_nonnull (water);
  row = find_row (book, "Specific consumption", "A", water->resource_name);
  g_assert_cmpuint (row, >, 4);
  assert_text_at (book, "Specific consumption", "B", row, "m³/t");
  assert_same_double (number_at (book, "Specific consumption", "E", row, "#,##0.00"), water->baseline_sc);
  assert_same_double (number_at (book, "Specific consumption", "H", row, "#,##0.00"), water->after_sc);
  g_assert_cmpfloat_with_epsilon (number_at (book, "Specific consumption", "E", row, NULL), 18.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (number_at (book, "Specific consumption", "H", row, NULL), 15.3, 1e-9);
  assert_same_double (number_at (book, "Specific consumption", "I", row, "0.00%"), water->saving_percent / 100);
  g_assert_cmpint ((gint64) number_at (book, "Specific consumption", "K", row, "#,##0"), ==, water->baseline_cost_vnd);

  /* Dates are dates: 5 June 2023 is day 45082 of Excel's calendar. */
  row = find_row (book, "Assessment", "A", "Start");
  g_assert_cmpfloat (number_at (book, "Assessment", "B", row, "dd/mm/yyyy"), ==, 45082);
  row = find_row (book, "Assessment", "A", "Employees");
  g_assert_cmpfloat (number_at (book, "Assessment", "B", row, "#,##0"), ==, 180);

  /* Labels of coded values, in the program's language. */
  /* W14: GP01 saves 30,000 m³ of wastewater a year. */
  row = find_row (book, "W14 Environment", "A", "GP01");
  assert_text_at (book, "W14 Environment", "C", row, "Wastewater");
  g_assert_cmpfloat (number_at (book, "W14 Environment", "D", row, "#,##0.00"), ==, 30000);
  assert_text_at (book, "W14 Environment", "E", row, "m³");

  /* Rates keep their symbols: m³/t, not m3/t. */
  assert_text (book, "W17 Monitoring", "C5", "m³/t");

  row = find_row (book, "W4, W8 Waste streams", "C", "Wastewater");
  g_assert_cmpuint (row, >, 4);
  g_assert_cmpint ((gint64) number_at (book, "W4, W8 Waste streams", "L", row, "#,##0"), ==, 5851100000);
}

static void
test_quick (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShSummary) summary = NULL;
  g_autoptr(Workbook) book = NULL;
  g_autofree char *path = g_build_filename (f->dir, "nhanh.xlsx", NULL);
  gint64 id = find_assessment (f->store, BRICK_QUICK);
  const char *sheets[] = { "Assessment", "Products", "W3 Production", "W3 Consumption", "Specific consumption",
                           "Observations", "Quick wins", NULL };
  const ShSummaryResource *coal;
  const ShSummaryOption *option;
  guint row;

  g_assert_true (sh_xlsx_write_assessment (f->store, id, path, &error));
  g_assert_no_error (error);
  book = read_workbook (path);
  assert_sheets (book, sheets);

  assert_text (book, "Assessment", "A1", "Quick CP assessment");
  assert_text (book, "Observations", "C4", "Issue");
  assert_text (book, "Observations", "D5", "Insulation");
  assert_text (book, "Quick wins", "A4", "Code");
  assert_text (book, "Quick wins", "A5", "QW01");
  assert_text (book, "Quick wins", "G5", "Implement immediately");

  summary = sh_summary_compute (f->store, sh_units_get_default (), id, &error);
  g_assert_no_error (error);
  option = summary->options->pdata[0];
  g_assert_true (option->has_payback);
  g_assert_cmpint ((gint64) get_number (book, "Quick wins", "H5", "#,##0"), ==, 35000000);
  g_assert_cmpint ((gint64) get_number (book, "Quick wins", "I5", "#,##0"), ==, option->annual_benefit_vnd);
  assert_same_double (get_number (book, "Quick wins", "J5", "#,##0.00"), option->payback_years);

  /* 4,650 t of coal for 30 million bricks: 0.000155 t a brick, shown with
   * enough decimals to be read. */
  coal = sh_summary_find_resource (summary, "coal");
  g_assert_nonnull (coal);
  row = find_row (book, "Specific consumption", "A", coal->resource_name);
  assert_same_double (number_at (book, "Specific consumption", "E", row, "#,##0.0000000"), coal->baseline_sc);
  g_assert_cmpfloat_with_epsilon (number_at (book, "Specific consumption", "E", row, NULL), 0.000155, 1e-15);

  /* Cost = quantity × unit price, in whole đồng. */
  row = find_row (book, "W3 Consumption", "E", "Than cám 4a");
  g_assert_cmpint ((gint64) number_at (book, "W3 Consumption", "J", row, "#,##0"), ==, 14880000000);
  g_assert_cmpint ((gint64) number_at (book, "W3 Consumption", "I", row, "#,##0"), ==, 3200000);
}

static void
test_rollup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShReportRollup) rollup = NULL;
  g_autoptr(Workbook) book = NULL;
  g_autofree char *path = g_build_filename (f->dir, "tong-hop.xlsx", NULL);
  const char *sheets[] = { "Indicators", "Facilities", "Savings", "Targets", NULL };
  ShReportRollupParams params;
  guint row;

  g_assert_true (sh_xlsx_write_rollup (f->store, "62", 2024, path, &error));
  g_assert_no_error (error);
  book = read_workbook (path);
  assert_sheets (book, sheets);

  sh_report_rollup_params_init (&params, "62", 2024);
  rollup = sh_report_rollup_compute (f->store, sh_units_get_default (), &params, &error);
  g_assert_no_error (error);

  assert_text (book, "Indicators", "A1", "CP roll-up of province 62, 2024");
  assert_text (book, "Indicators", "D4", "Share");

  row = find_row (book, "Indicators", "A", "Aware of CP");
  g_assert_cmpfloat (number_at (book, "Indicators", "B", row, "#,##0"), ==, rollup->aware);
  g_assert_cmpfloat (number_at (book, "Indicators", "C", row, "#,##0"), ==, rollup->total);
  g_assert_cmpfloat (number_at (book, "Indicators", "B", row, NULL), ==, 2);
  g_assert_cmpfloat (number_at (book, "Indicators", "C", row, NULL), ==, 6);
  assert_same_double (number_at (book, "Indicators", "D", row, "0.00%"), 0.3333);
  /* Kon Tum's plan 2340/KH-UBND: 90 % aware by 2020. */
  assert_same_double (number_at (book, "Indicators", "E", row, "0.00%"), 0.9);
  assert_text_at (book, "Indicators", "G", row, "KT-2340-2016");
  assert_text_at (book, "Indicators", "H", row, "Not met");

  row = find_row (book, "Indicators", "A", "Average saving per unit of product");
  g_assert_true (rollup->has_average);
  assert_same_double (number_at (book, "Indicators", "D", row, "0.00%"), rollup->average_saving_percent / 100);
  assert_text_at (book, "Indicators", "H", row, "Below the target");

  /* The facilities and the saving behind the average. */
  g_assert_nonnull (cell_at (book, "Facilities", "A", 4 + rollup->facilities->len));
  g_assert_null (cell_at (book, "Facilities", "A", 5 + rollup->facilities->len));
  row = find_row (book, "Savings", "A", "Công ty TNHH Tinh bột sắn Đắk Tô");
  g_assert_cmpuint (row, ==, 5);
  assert_same_double (get_number (book, "Savings", "C5", "0.00%"),
                      ((ShRollupSaving *) rollup->savings->pdata[0])->saving_percent / 100);
  g_assert_cmpfloat (get_number (book, "Targets", "C5", "0"), ==, 2016);
}

static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing_dir = g_build_filename (f->dir, "no-such-dir", "x.xlsx", NULL);
  g_autofree char *a_dir = g_build_filename (f->dir, "a-directory.xlsx", NULL);
  gint64 id = sh_demo_cassava_assessment (f->store);
  guint before;

  /* A directory that does not exist: a clear error naming the file. */
  g_assert_false (sh_xlsx_write_assessment (f->store, id, missing_dir, &error));
  g_assert_error (error, SH_XLSX_ERROR, SH_XLSX_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing_dir));
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (sh_xlsx_write_rollup (f->store, "62", 2024, missing_dir, &error));
  g_assert_error (error, SH_XLSX_ERROR, SH_XLSX_ERROR_IO);
  g_clear_error (&error);

  /* The workbook is written but cannot replace what is there: the
   * temporary file goes too, and what was there stays. */
  g_assert_cmpint (g_mkdir (a_dir, 0755), ==, 0);
  before = count_entries (f->dir);
  g_assert_false (sh_xlsx_write_assessment (f->store, id, a_dir, &error));
  g_assert_error (error, SH_XLSX_ERROR, SH_XLSX_ERROR_IO);
  g_assert_nonnull (strstr (error->message, a_dir));
  g_assert_true (g_file_test (a_dir, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (f->dir), ==, before);
  g_clear_error (&error);

  /* No such assessment. */
  g_assert_false (sh_xlsx_write_assessment (f->store, 9999, a_dir, &error));
  g_assert_error (error, SH_XLSX_ERROR, SH_XLSX_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_entries (f->dir), ==, before);
}

/* A note longer than Excel allows in a cell is cut, not fatal. */
static void
test_long_text (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) observations = NULL;
  g_autoptr(GString) issue = g_string_new (NULL);
  g_autoptr(Workbook) book = NULL;
  g_autofree char *path = g_build_filename (f->dir, "dai.xlsx", NULL);
  gint64 id = find_assessment (f->store, BRICK_QUICK);
  const Cell *cell;

  for (guint i = 0; i < 40000; i++)
    g_string_append (issue, "ạ");
  observations = sh_store_list (f->store, "observation", "assessment_id", id, &error);
  g_assert_no_error (error);
  g_assert_true (sh_store_set_string (f->store, "observation", sh_record_get_id (observations->pdata[0]),
                                      "issue", issue->str, &error));
  g_assert_no_error (error);

  g_assert_true (sh_xlsx_write_assessment (f->store, id, path, &error));
  g_assert_no_error (error);
  book = read_workbook (path);
  cell = get_cell (book, "Observations", "C5");
  g_assert_nonnull (cell);
  g_assert_true (g_utf8_validate (cell->value, -1, NULL));
  g_assert_cmpuint (strlen (cell->value), ==, 32766);   /* 10,922 whole “ạ” */
  g_assert_true (g_str_has_prefix (issue->str, cell->value));
}

/* The headers follow the program's language. gettext caches what it has
 * looked up, so Vietnamese runs in a process of its own. */
static void
test_vietnamese (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Workbook) book = NULL;
  g_autofree char *path = g_build_filename (f->dir, "tieng-viet.xlsx", NULL);
  g_autofree char *economics = NULL;
  g_autofree char *npv = NULL;
  g_autofree char *wastes = NULL;
  g_autofree char *title = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  g_setenv ("LANGUAGE", "vi", TRUE);
  economics = g_strdup (_("W13 Economics"));
  npv = g_strdup (_("NPV (đồng)"));
  wastes = g_strdup (_("W4, W8 Waste streams"));
  title = g_strdup (_("W4, W8 · Waste streams and their cost"));
  g_assert_true (sh_xlsx_write_assessment (f->store, sh_demo_cassava_assessment (f->store), path, &error));
  g_assert_no_error (error);

  /* The catalogue is there: the words are the Vietnamese ones. */
  g_assert_cmpstr (economics, ==, "W13 Khả thi kinh tế");
  book = read_workbook (path);
  assert_text (book, economics, "H4", npv);
  assert_text (book, wastes, "A1", title);
  /* Coded values in the language of the reference lists too. */
  assert_text (book, wastes, "C5", "Nước thải");
  assert_text (book, "W3 Sản xuất", "A5", "Ban đầu");
}

/* sachhon-cli picks the format by the extension, or by --format. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *cli = sh_test_build_path ("src", "cli", "sachhon-cli", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "cli.XLSX", NULL);
  g_autofree char *dat = g_build_filename (f->dir, "cli.dat", NULL);
  g_autofree char *rollup = g_build_filename (f->dir, "rollup.xlsx", NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sh_demo_cassava_assessment (f->store));
  struct
  {
    const char *args[12];
    int         status;
    const char *output;
    const char *file;
  } runs[] = {
    { { "export", id, "-o", xlsx }, 0, "Wrote the worksheets of assessment", xlsx },
    { { "export", id, "-o", dat, "--format", "xlsx" }, 0, "Wrote the worksheets of assessment", dat },
    { { "export", id, "-o", dat, "--format", "csv" }, 2, "--format is xml or xlsx", NULL },
    { { "export", "--annual", "1", "--year", "2024", "-o", xlsx }, 2, "XML only", NULL },
    { { "rollup", "--province", "62", "--year", "2024", "-o", rollup }, 0, "Wrote the roll-up", rollup },
    { { "rollup", "--province", "62", "--year", "2024", "--format", "xlsx" }, 2, "--format goes with -o", NULL },
  };

  g_clear_object (&f->store);  /* the CLI opens the file itself */

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int wait_status = 0;

      if (runs[i].file != NULL)
        g_unlink (runs[i].file);
      g_ptr_array_add (argv, cli);
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, f->db);
      for (guint a = 0; runs[i].args[a] != NULL; a++)
        g_ptr_array_add (argv, (gpointer) runs[i].args[a]);
      g_ptr_array_add (argv, NULL);

      g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &wait_status, &error));
      g_assert_no_error (error);
      g_test_message ("stdout: %s\nstderr: %s", out, err);
      g_assert_true (WIFEXITED (wait_status));
      g_assert_cmpint (WEXITSTATUS (wait_status), ==, runs[i].status);
      g_assert_true (strstr (out, runs[i].output) != NULL || strstr (err, runs[i].output) != NULL);
      if (runs[i].file != NULL)
        {
          g_autoptr(Workbook) book = read_workbook (runs[i].file);

          g_assert_cmpuint (book->sheets->len, >=, 4);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SACHHON_LOCALEDIR");

  sh_test_init (&argc, &argv);
  /* Tests run in English unless a test asks for Vietnamese. */
  g_unsetenv ("LANGUAGE");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/xlsx/assessment/detailed", test_detailed);
  ADD_TEST ("/xlsx/assessment/quick", test_quick);
  ADD_TEST ("/xlsx/rollup", test_rollup);
  ADD_TEST ("/xlsx/failures", test_failures);
  ADD_TEST ("/xlsx/long-text", test_long_text);
  ADD_TEST ("/xlsx/vietnamese", test_vietnamese);
  ADD_TEST ("/xlsx/cli", test_cli);

  return g_test_run ();
}
