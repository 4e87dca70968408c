/* test-generate.c — synthetic data: sizes, determinism, validity.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sh-generate.h"
#include "sh-refdata.h"
#include "sh-store-private.h"
#include "sh-summary.h"
#include "sh-test-utils.h"

static ShStore *
open_fresh (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = sh_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (sh_refdata_ensure_loaded (store, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

static gint64
count (ShStore    *store,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = sh_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

/* A checksum of every row of the project's tables, leaving out the
 * timestamps of when rows were written. */
static char *
dump_checksum (ShStore *store)
{
  static const char *tables[] = {
    "facility", "facility_product", "team_member", "training_event", "assessment",
    "production_record", "resource_consumption", "process_step", "flow", "waste_stream",
    "cp_option", "option_investment", "option_saving", "monitoring_record", "annual_report",
  };
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = sh_store_list (store, tables[t], NULL, 0, &error);

      g_assert_no_error (error);
      for (guint r = 0; r < rows->len; r++)
        for (guint c = 0; c < sh_record_get_n_columns (rows->pdata[r]); c++)
          {
            const char *column = sh_record_get_column (rows->pdata[r], c);
            g_autofree char *text = NULL;

            if (g_str_has_suffix (column, "_at"))
              continue;
            text = sh_value_to_string (sh_record_get_value (rows->pdata[r], column));
            g_checksum_update (sum, (const guchar *) column, -1);
            g_checksum_update (sum, (const guchar *) (text ? text : "∅"), -1);
          }
    }

  return g_strdup (g_checksum_get_string (sum));
}

static void
test_generate_sizes_and_determinism (void)
{
  g_autofree char *dir = sh_test_make_tmpdir ("generate");
  g_autoptr(ShStore) a = open_fresh (dir, "a.db");
  g_autoptr(ShStore) b = open_fresh (dir, "b.db");
  g_autoptr(ShStore) c = open_fresh (dir, "c.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *sum_a = NULL;
  g_autofree char *sum_b = NULL;
  g_autofree char *sum_c = NULL;
  ShGenerateOptions options = { .n_facilities = 12, .n_assessments = 30, .seed = 7 };
  ShGenerateOptions other = options;

  g_assert_true (sh_generate (a, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sh_generate (b, &options, NULL, NULL, &error));
  other.seed = 8;
  g_assert_true (sh_generate (c, &other, NULL, NULL, &error));

  g_assert_cmpint (count (a, "facility"), ==, 12);
  g_assert_cmpint (count (a, "assessment"), ==, 30);
  /* Every facility has at least one assessment. */
  g_assert_cmpint (count (a, "(SELECT DISTINCT facility_id FROM assessment)"), ==, 12);
  g_assert_cmpint (count (a, "flow"), >, 30 * 5);
  g_assert_cmpint (count (a, "cp_option"), >=, 30 * 3);
  g_assert_cmpint (count (a, "annual_report"), >, 0);

  sum_a = dump_checksum (a);
  sum_b = dump_checksum (b);
  sum_c = dump_checksum (c);
  g_assert_cmpstr (sum_a, ==, sum_b);
  g_assert_cmpstr (sum_a, !=, sum_c);

  g_assert_true (sh_store_integrity_check (a, &error));
  g_assert_no_error (error);

  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  sh_test_rm_rf (dir);
}

static void
test_generate_summaries (void)
{
  g_autofree char *dir = sh_test_make_tmpdir ("generate-summary");
  g_autoptr(ShStore) store = open_fresh (dir, "a.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  ShGenerateOptions options = { .n_facilities = 5, .n_assessments = 12, .seed = 3 };

  g_assert_true (sh_generate (store, &options, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Every generated assessment yields indicators with nothing left over:
   * units all convert and every balance can be computed. */
  assessments = sh_store_list (store, "assessment", NULL, 0, &error);
  for (guint i = 0; i < assessments->len; i++)
    {
      g_autoptr(ShSummary) summary = sh_summary_compute (store, sh_units_get_default (),
                                                         sh_record_get_id (assessments->pdata[i]), &error);

      g_assert_no_error (error);
      g_assert_cmpuint (summary->notes->len, ==, 0);
      g_assert_cmpuint (summary->resources->len, ==, 4);
      g_assert_cmpuint (summary->balances->len, >, 0);
      for (guint r = 0; r < summary->resources->len; r++)
        {
          ShSummaryResource *resource = summary->resources->pdata[r];

          g_assert_true (resource->has_baseline);
          g_assert_cmpfloat (resource->baseline_sc, >, 0);
        }
    }

  g_clear_object (&store);
  sh_test_rm_rf (dir);
}

static void
test_generate_needs_reference_data (void)
{
  g_autofree char *dir = sh_test_make_tmpdir ("generate-noref");
  g_autofree char *path = g_build_filename (dir, "a.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = sh_store_open (path, &error);
  ShGenerateOptions options = { .n_facilities = 2, .n_assessments = 2, .seed = 1 };
  ShGenerateOptions no_facilities = { .n_facilities = 0, .n_assessments = 2, .seed = 1 };

  g_assert_no_error (error);
  g_assert_false (sh_generate (store, &options, NULL, NULL, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (store, "facility"), ==, 0);

  g_assert_false (sh_generate (store, &no_facilities, NULL, NULL, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);

  g_clear_object (&store);
  sh_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);

  g_test_add_func ("/generate/sizes-and-determinism", test_generate_sizes_and_determinism);
  g_test_add_func ("/generate/summaries", test_generate_summaries);
  g_test_add_func ("/generate/needs-reference-data", test_generate_needs_reference_data);

  return g_test_run ();
}
