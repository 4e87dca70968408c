/* test-summary.c — the computed indicators of the demo assessments, by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sh-demo.h"
#include "sh-store-private.h"
#include "sh-summary.h"
#include "sh-test-utils.h"

typedef struct
{
  char      *dir;
  ShStore   *store;
  ShSummary *summary;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = sh_test_make_tmpdir ("summary");
  path = g_build_filename (f->dir, "sachhon.db", NULL);
  f->store = sh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sh_demo_ensure (f->store, &error));
  g_assert_no_error (error);

  f->summary = sh_summary_compute (f->store, sh_units_get_default (),
                                   sh_demo_cassava_assessment (f->store), &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->summary);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->summary, sh_summary_free);
  g_clear_object (&f->store);
  sh_test_rm_rf (f->dir);
  g_free (f->dir);
}

static const ShSummaryOption *
find_option (ShSummary  *summary,
             const char *code)
{
  for (guint i = 0; i < summary->options->len; i++)
    {
      const ShSummaryOption *o = summary->options->pdata[i];

      if (g_strcmp0 (o->code, code) == 0)
        return o;
    }

  g_assert_not_reached ();
}

static const ShSummaryBalance *
find_balance (ShSummary   *summary,
              const char  *step,
              ShFlowLayer  layer)
{
  for (guint i = 0; i < summary->balances->len; i++)
    {
      const ShSummaryBalance *b = summary->balances->pdata[i];

      if (g_strcmp0 (b->step_name, step) == 0 && b->layer == layer)
        return b;
    }

  return NULL;
}

static void
test_summary_header (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_cmpstr (f->summary->facility_name, ==, "Công ty TNHH Tinh bột sắn Đắk Tô");
  g_assert_cmpstr (f->summary->kind, ==, "detailed");
  g_assert_cmpstr (f->summary->product, ==, "Tinh bột sắn");
  g_assert_cmpfloat (f->summary->tolerance_percent, ==, 5);
  g_assert_cmpfloat (f->summary->target_min_percent, ==, 8);
  g_assert_cmpfloat (f->summary->target_max_percent, ==, 13);
  g_assert_cmpuint (f->summary->notes->len, ==, 0);
}

static void
test_summary_specific_consumption (Fixture       *f,
                                   gconstpointer  data)
{
  const ShSummaryResource *water = sh_summary_find_resource (f->summary, "water");
  const ShSummaryResource *power = sh_summary_find_resource (f->summary, "electricity");
  const ShSummaryResource *roots = sh_summary_find_resource (f->summary, "cassava_root");
  const ShSummaryResource *oil = sh_summary_find_resource (f->summary, "fuel_oil");

  g_assert_cmpuint (f->summary->resources->len, ==, 4);
  g_assert_nonnull (water);

  /* Output: 14 000 + 15 000 = 29 000 t starch in 2023; 15 200 + 15 800 =
   * 31 000 t in 2024. Water: 18 m3/t × 29 000 = 522 000 m3 baseline. */
  g_assert_cmpstr (water->unit, ==, "m3");
  g_assert_cmpstr (water->output_unit, ==, "t");
  g_assert_cmpfloat_with_epsilon (water->baseline_output, 29000, 1e-9);
  g_assert_cmpfloat_with_epsilon (water->after_output, 31000, 1e-9);
  g_assert_cmpfloat_with_epsilon (water->baseline_total, 522000, 1e-6);
  g_assert_cmpfloat_with_epsilon (water->baseline_sc, 18.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (water->after_sc, 15.3, 1e-9);
  /* (18 − 15.3) / 18 = 15 %: above the 8–13 % band. */
  g_assert_true (water->has_saving);
  g_assert_cmpfloat_with_epsilon (water->saving_percent, 15.0, 1e-9);
  g_assert_cmpint (water->target, ==, SH_CALC_TARGET_ABOVE);
  /* 522 000 m3 × 6 000 đ = 3 132 000 000 đ. */
  g_assert_cmpint (water->baseline_cost_vnd, ==, G_GINT64_CONSTANT (3132000000));

  /* (210 − 192) / 210 = 8.5714 %: inside the band. */
  g_assert_cmpfloat_with_epsilon (power->saving_percent, 18.0 / 210.0 * 100, 1e-9);
  g_assert_cmpint (power->target, ==, SH_CALC_TARGET_WITHIN);

  /* (3.90 − 3.78) / 3.90 = 3.0769 %: below the band. */
  g_assert_cmpfloat_with_epsilon (roots->saving_percent, 0.12 / 3.90 * 100, 1e-9);
  g_assert_cmpint (roots->target, ==, SH_CALC_TARGET_BELOW);

  /* (45 − 38) / 45 = 15.556 %. */
  g_assert_cmpfloat_with_epsilon (oil->saving_percent, 7.0 / 45.0 * 100, 1e-9);
}

static void
test_summary_options (Fixture       *f,
                      gconstpointer  data)
{
  const ShSummaryOption *leak = find_option (f->summary, "GP01");
  const ShSummaryOption *biogas = find_option (f->summary, "GP05");
  const ShSummaryOption *density = find_option (f->summary, "GP07");
  const ShSummaryOption *vfd = find_option (f->summary, "GP04");
  const ShSummaryOption *so2 = find_option (f->summary, "GP08");

  g_assert_cmpuint (f->summary->options->len, ==, 8);

  /* GP01: I = 38 + 7 = 45 M; S = 30 000 m3 × 6 000 = 180 M; 5 years at 10 %.
   * PB = 45/180 = 0.25 y. Annuity factor (1 − 1.1⁻⁵)/0.1 = 3.790786769,
   * so PV = 682 341 618 and NPV = 637 341 618; B/C = 682.34/45 = 15.163. */
  g_assert_cmpint (leak->investment_vnd, ==, 45000000);
  g_assert_cmpint (leak->annual_benefit_vnd, ==, 180000000);
  g_assert_cmpuint (leak->life_years, ==, 5);
  g_assert_cmpfloat_with_epsilon (leak->discount_rate, 0.10, 1e-12);
  g_assert_true (leak->has_payback);
  g_assert_cmpfloat_with_epsilon (leak->payback_years, 0.25, 1e-12);
  g_assert_true (leak->has_npv);
  g_assert_cmpint (leak->npv_vnd, >=, 637341617);
  g_assert_cmpint (leak->npv_vnd, <=, 637341619);
  g_assert_true (leak->has_bc);
  g_assert_cmpfloat_with_epsilon (leak->bc_ratio, 682341618.0 / 45000000.0, 1e-6);
  /* IRR: the annuity factor at the IRR is 45/180 = 0.25, r ≈ 399.9 %. */
  g_assert_true (leak->has_irr);
  g_assert_cmpfloat_with_epsilon ((1 - 1 / pow (1 + leak->irr, 5)) / leak->irr, 0.25, 1e-6);

  /* GP05: S = 220 000 L × 14 000 − 420 M O&M = 2 660 M; I = 12 000 M;
   * PB = 4.511 y over a 15-year life. */
  g_assert_cmpint (biogas->investment_vnd, ==, G_GINT64_CONSTANT (12000000000));
  g_assert_cmpint (biogas->annual_benefit_vnd, ==, G_GINT64_CONSTANT (2660000000));
  g_assert_cmpuint (biogas->life_years, ==, 15);
  g_assert_cmpfloat_with_epsilon (biogas->payback_years, 12000.0 / 2660.0, 1e-9);
  g_assert_true (biogas->has_irr);
  g_assert_cmpfloat (biogas->irr, >, 0.20);
  g_assert_cmpfloat (biogas->irr, <, 0.22);

  /* GP07 pays back 56 times a year: no IRR below 1000 %, and the summary
   * says so instead of inventing one. */
  g_assert_false (density->has_irr);
  g_assert_nonnull (density->irr_note);

  /* The rejected option was never costed: no economics at all. */
  g_assert_false (so2->has_payback);
  g_assert_false (so2->has_npv);

  /* Ranking, weights 0.3 / 0.4 / 0.3: GP01 = 1.5 + 2.0 + 0.9 = 4.4 (first);
   * GP04 = 1.2 + 1.6 + 0.9 = 3.7 and GP07 = 1.5 + 1.6 + 0.6 = 3.7 share 5th. */
  g_assert_true (leak->has_rank);
  g_assert_cmpuint (leak->rank, ==, 1);
  g_assert_cmpfloat_with_epsilon (leak->rank_score, 4.4, 1e-9);
  g_assert_cmpuint (vfd->rank, ==, 5);
  g_assert_cmpuint (density->rank, ==, 5);
  g_assert_cmpuint (biogas->rank, ==, 7);
  g_assert_false (so2->has_rank);

  /* Totals leave the rejected option out: 45 + 350 + 600 + 800 + 12 000 +
   * 150 + 25 = 13 970 M. */
  g_assert_cmpint (f->summary->total_investment_vnd, ==, G_GINT64_CONSTANT (13970000000));
}

static void
test_summary_balances (Fixture       *f,
                       gconstpointer  data)
{
  const ShSummaryBalance *separate = find_balance (f->summary, "Ly tâm tách bã", SH_FLOW_LAYER_WATER);
  const ShSummaryBalance *refine = find_balance (f->summary, "Thu hồi tinh bột tinh", SH_FLOW_LAYER_WATER);
  const ShSummaryBalance *wash = find_balance (f->summary, "Rửa và bóc vỏ", SH_FLOW_LAYER_WATER);
  const ShSummaryBalance *dry = find_balance (f->summary, "Sấy nhanh", SH_FLOW_LAYER_ENERGY);
  const ShSummaryBalance *bag = find_balance (f->summary, "Đóng bao", SH_FLOW_LAYER_WATER);

  /* Washing takes 120 000 m3 fresh and 60 000 m3 recycled, gives 176 000 +
   * 4 000: it closes. */
  g_assert_nonnull (wash);
  g_assert_cmpfloat_with_epsilon (wash->balance.total_in, 180000, 1e-6);
  g_assert_cmpfloat_with_epsilon (wash->balance.closure_percent, 0, 1e-9);

  /* Separation: 345 000 in, 330 000 out: 4.35 %, inside 5 %. */
  g_assert_cmpfloat_with_epsilon (separate->balance.difference, 15000, 1e-6);
  g_assert_cmpfloat_with_epsilon (separate->balance.closure_percent, 15000.0 / 345000.0 * 100, 1e-9);
  g_assert_true (separate->within_tolerance);

  /* Refining: 211 000 in, 195 000 out: 7.58 %, flagged. */
  g_assert_cmpfloat_with_epsilon (refine->balance.closure_percent, 16000.0 / 211000.0 * 100, 1e-9);
  g_assert_false (refine->within_tolerance);
  g_assert_cmpstr (refine->unit, ==, "m3");

  /* Drying in MJ: 1 790 000 kWh × 3.6 plus 1 305 000 L of fuel oil at
   * 0.949495 kg/L and 41.44932 MJ/kg (units.xml) = 6 444 000 + 51 359 478. */
  g_assert_nonnull (dry);
  g_assert_cmpstr (dry->unit, ==, "MJ");
  g_assert_cmpfloat_with_epsilon (dry->balance.total_in,
                                  1790000 * 3.6 + 1305000 * 0.949495 * 41.44932, 1.0);
  g_assert_cmpfloat_with_epsilon (dry->balance.total_out, 56000000, 1e-3);
  g_assert_true (dry->within_tolerance);

  /* Bagging has no water flows, so no water balance. */
  g_assert_null (bag);
}

static void
test_summary_waste_cost (Fixture       *f,
                         gconstpointer  data)
{
  /* 5 851.1 M (wastewater) + 1 300 M (pulp) + 87 M (peel) + 1 420 M (flue). */
  g_assert_cmpint (f->summary->total_waste_cost_vnd, ==, G_GINT64_CONSTANT (8658100000));
}

static void
test_summary_quick (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShSummary) summary = NULL;
  const ShSummaryResource *coal;
  const ShSummaryOption *option;
  gint64 brick_quick = 0;
  sqlite3_stmt *stmt;

  stmt = sh_store_prepare (f->store, "SELECT id FROM assessment WHERE title LIKE '%tuynel%'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  brick_quick = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  summary = sh_summary_compute (f->store, sh_units_get_default (), brick_quick, &error);
  g_assert_no_error (error);

  /* 4 650 t coal / 30 000 000 standard bricks; no "after" data yet. */
  coal = sh_summary_find_resource (summary, "coal");
  g_assert_true (coal->has_baseline);
  g_assert_cmpfloat_with_epsilon (coal->baseline_sc, 4650.0 / 30000000.0, 1e-15);
  g_assert_false (coal->has_after);
  g_assert_false (coal->has_saving);

  /* Quick win: 35 M for 90 t × 3.2 M = 288 M a year: 0.1215 years. */
  option = find_option (summary, "QW01");
  g_assert_cmpint (option->annual_benefit_vnd, ==, 288000000);
  g_assert_cmpfloat_with_epsilon (option->payback_years, 35.0 / 288.0, 1e-12);
  g_assert_cmpuint (summary->balances->len, ==, 0);
}

static void
test_summary_unit_mismatch_noted (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) bad = sh_record_new ("resource_consumption");
  g_autoptr(ShSummary) summary = NULL;
  gint64 assessment = sh_demo_cassava_assessment (f->store);
  const ShSummaryResource *water;
  gboolean noted = FALSE;

  /* Water recorded in kWh by mistake: left out and said so, not added. */
  sh_record_set_int (bad, "assessment_id", assessment);
  sh_record_set_string (bad, "period_label", "12/2023");
  sh_record_set_string (bad, "resource_code", "water");
  sh_record_set_string (bad, "category", "water");
  sh_record_set_double (bad, "quantity", 999);
  sh_record_set_string (bad, "unit", "kWh");
  sh_store_insert (f->store, bad, &error);
  g_assert_no_error (error);

  summary = sh_summary_compute (f->store, sh_units_get_default (), assessment, &error);
  g_assert_no_error (error);
  water = sh_summary_find_resource (summary, "water");
  g_assert_cmpfloat_with_epsilon (water->baseline_total, 522000, 1e-6);
  for (guint i = 0; i < summary->notes->len; i++)
    if (strstr (summary->notes->pdata[i], "12/2023") != NULL)
      noted = TRUE;
  g_assert_true (noted);
}

static void
test_summary_not_found (void)
{
  g_autofree char *dir = sh_test_make_tmpdir ("summary-none");
  g_autofree char *path = g_build_filename (dir, "sachhon.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = sh_store_open (path, &error);
  g_autoptr(ShSummary) summary = NULL;

  g_assert_no_error (error);
  summary = sh_summary_compute (store, sh_units_get_default (), 42, &error);
  g_assert_null (summary);
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_NOT_FOUND);

  g_clear_object (&store);
  sh_test_rm_rf (dir);
}

static void
test_demo_idempotent (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = sh_store_list (f->store, "flow", NULL, 0, &error);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) facilities = NULL;

  g_assert_true (sh_demo_ensure (f->store, &error));
  g_assert_no_error (error);
  after = sh_store_list (f->store, "flow", NULL, 0, &error);
  g_assert_cmpuint (before->len, ==, after->len);

  /* One facility per seed sector, at least. */
  facilities = sh_store_list (f->store, "facility", NULL, 0, &error);
  g_assert_cmpuint (facilities->len, >=, 7);
  g_assert_true (sh_store_integrity_check (f->store, &error));
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/summary/header", test_summary_header);
  ADD ("/summary/specific-consumption", test_summary_specific_consumption);
  ADD ("/summary/options", test_summary_options);
  ADD ("/summary/balances", test_summary_balances);
  ADD ("/summary/waste-cost", test_summary_waste_cost);
  ADD ("/summary/quick-assessment", test_summary_quick);
  ADD ("/summary/unit-mismatch-noted", test_summary_unit_mismatch_noted);
  g_test_add_func ("/summary/not-found", test_summary_not_found);
  ADD ("/demo/idempotent", test_demo_idempotent);
#undef ADD

  return g_test_run ();
}
