/* test-calc.c — the assessment formulas against hand-checked numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sh-calc.h"
#include "sh-test-utils.h"

static void
test_round_vnd_half_away_from_zero (void)
{
  g_autoptr(GError) error = NULL;
  gint64 vnd = 0;

  g_assert_true (sh_calc_round_vnd (2.5, &vnd, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vnd, ==, 3);

  g_assert_true (sh_calc_round_vnd (-2.5, &vnd, &error));
  g_assert_cmpint (vnd, ==, -3);

  g_assert_true (sh_calc_round_vnd (2.4999, &vnd, &error));
  g_assert_cmpint (vnd, ==, 2);

  /* The largest double below 0.5: floor (x + 0.5) would give 1. */
  g_assert_true (sh_calc_round_vnd (0.49999999999999994, &vnd, &error));
  g_assert_cmpint (vnd, ==, 0);

  g_assert_true (sh_calc_round_vnd (1234567.5, &vnd, &error));
  g_assert_cmpint (vnd, ==, 1234568);

  /* −2⁶³ is exactly G_MININT64 and fits. */
  g_assert_true (sh_calc_round_vnd (-9223372036854775808.0, &vnd, &error));
  g_assert_cmpint (vnd, ==, G_MININT64);
}

static void
test_round_vnd_overflow (void)
{
  g_autoptr(GError) error = NULL;
  gint64 vnd = 42;

  /* 2⁶³ is one more than G_MAXINT64. */
  g_assert_false (sh_calc_round_vnd (9223372036854775808.0, &vnd, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_OVERFLOW);
  g_clear_error (&error);

  g_assert_false (sh_calc_round_vnd (-1e19, &vnd, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_OVERFLOW);
  g_clear_error (&error);

  g_assert_false (sh_calc_round_vnd (INFINITY, &vnd, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_OVERFLOW);
  g_clear_error (&error);

  g_assert_false (sh_calc_round_vnd (NAN, &vnd, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);

  g_assert_cmpint (vnd, ==, 42);
}

static void
test_specific_consumption_basic (void)
{
  g_autoptr(GError) error = NULL;
  double sc = 0;

  /* 3600 m3 of water for 300 t of product: 3600 / 300 = 12 m3/t. */
  g_assert_true (sh_calc_specific_consumption (3600, 300, &sc, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (sc, 12.0, 1e-12);

  /* Nothing consumed is a valid reading: 0 / 300 = 0. */
  g_assert_true (sh_calc_specific_consumption (0, 300, &sc, &error));
  g_assert_cmpfloat (sc, ==, 0.0);
}

static void
test_specific_consumption_zero_output (void)
{
  g_autoptr(GError) error = NULL;
  double sc = -1;

  g_assert_false (sh_calc_specific_consumption (3600, 0, &sc, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_ZERO_OUTPUT);
  g_clear_error (&error);

  g_assert_false (sh_calc_specific_consumption (3600, -5, &sc, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sh_calc_specific_consumption (-1, 300, &sc, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sh_calc_specific_consumption (NAN, 300, &sc, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);

  g_assert_cmpfloat (sc, ==, -1);
}

static void
test_specific_consumption_periods (void)
{
  g_autoptr(GError) error = NULL;
  const double water[] = { 1200, 1300, 1100 };
  const double output[] = { 100, 110, 90 };
  const double negative[] = { 1200, -1, 1100 };
  const double no_output[] = { 0, 0, 0 };
  double quantity = 0;
  double produced = 0;
  double sc = 0;

  /* Σ water = 1200 + 1300 + 1100 = 3600; Σ output = 100 + 110 + 90 = 300. */
  g_assert_true (sh_calc_sum_periods (water, output, 3, &quantity, &produced, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (quantity, ==, 3600);
  g_assert_cmpfloat (produced, ==, 300);

  /* 3600 / 300 = 12, the output-weighted figure. The mean of the monthly
   * ratios would be (12 + 11.818… + 12.222…) / 3 = 12.0135. */
  g_assert_true (sh_calc_specific_consumption_periods (water, output, 3, &sc, &error));
  g_assert_cmpfloat_with_epsilon (sc, 12.0, 1e-12);

  g_assert_false (sh_calc_specific_consumption_periods (negative, output, 3, &sc, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sh_calc_specific_consumption_periods (water, no_output, 3, &sc, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_ZERO_OUTPUT);
  g_clear_error (&error);

  g_assert_false (sh_calc_specific_consumption_periods (NULL, NULL, 0, &sc, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_ZERO_OUTPUT);
}

static void
test_saving_percent (void)
{
  g_autoptr(GError) error = NULL;
  double saving = 0;

  /* (12 − 10.5) / 12 × 100 = 1.5 / 12 × 100 = 12.5 %. */
  g_assert_true (sh_calc_saving_percent (12, 10.5, &saving, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (saving, 12.5, 1e-12);

  /* Worse after the option: (12 − 13.2) / 12 × 100 = −10 %. */
  g_assert_true (sh_calc_saving_percent (12, 13.2, &saving, &error));
  g_assert_cmpfloat_with_epsilon (saving, -10.0, 1e-12);

  /* Eliminated entirely: (12 − 0) / 12 × 100 = 100 %. */
  g_assert_true (sh_calc_saving_percent (12, 0, &saving, &error));
  g_assert_cmpfloat_with_epsilon (saving, 100.0, 1e-12);
}

static void
test_saving_zero_baseline (void)
{
  g_autoptr(GError) error = NULL;
  double saving = 7;

  g_assert_false (sh_calc_saving_percent (0, 10.5, &saving, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_ZERO_BASELINE);
  g_clear_error (&error);

  g_assert_false (sh_calc_saving_percent (-12, 10.5, &saving, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_ZERO_BASELINE);
  g_clear_error (&error);

  g_assert_false (sh_calc_saving_percent (12, -1, &saving, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);

  g_assert_cmpfloat (saving, ==, 7);
}

static void
test_target_band (void)
{
  g_autoptr(GError) error = NULL;
  double saving = 0;

  g_assert_cmpint (sh_calc_target_check (12.5, SH_CALC_TARGET_MIN_DEFAULT,
                                         SH_CALC_TARGET_MAX_DEFAULT), ==, SH_CALC_TARGET_WITHIN);
  g_assert_cmpint (sh_calc_target_check (7.99, 8, 13), ==, SH_CALC_TARGET_BELOW);
  g_assert_cmpint (sh_calc_target_check (13.01, 8, 13), ==, SH_CALC_TARGET_ABOVE);
  g_assert_cmpint (sh_calc_target_check (-10, 8, 13), ==, SH_CALC_TARGET_BELOW);

  /* Both ends of the band belong to it. */
  g_assert_cmpint (sh_calc_target_check (8, 8, 13), ==, SH_CALC_TARGET_WITHIN);
  g_assert_cmpint (sh_calc_target_check (13, 8, 13), ==, SH_CALC_TARGET_WITHIN);

  /* 8 % on paper a hair below through rounding noise is still within,
   * but a millionth of a point below is not. */
  g_assert_cmpint (sh_calc_target_check (8 - 1e-12, 8, 13), ==, SH_CALC_TARGET_WITHIN);
  g_assert_cmpint (sh_calc_target_check (8 - 1e-6, 8, 13), ==, SH_CALC_TARGET_BELOW);

  /* (1 − 0.92) / 1 × 100 is 7.999999999999996 in doubles, not 8. */
  g_assert_true (sh_calc_saving_percent (1, 0.92, &saving, &error));
  g_assert_cmpfloat (saving, <, 8.0);
  g_assert_cmpint (sh_calc_target_check (saving, 8, 13), ==, SH_CALC_TARGET_WITHIN);

  /* A configured band of 5–8 %: 12.5 % exceeds it. */
  g_assert_cmpint (sh_calc_target_check (12.5, 5, 8), ==, SH_CALC_TARGET_ABOVE);

  g_assert_false (sh_calc_target_met (SH_CALC_TARGET_BELOW));
  g_assert_true (sh_calc_target_met (SH_CALC_TARGET_WITHIN));
  g_assert_true (sh_calc_target_met (SH_CALC_TARGET_ABOVE));
}

static void
test_net_annual_benefit (void)
{
  g_autoptr(GError) error = NULL;
  const ShCalcSaving savings[] = {
    { 10000, 12000 },    /* water: 10 000 m3 × 12 000 đ = 120 000 000 */
    { 50000, 1800 },     /* electricity: 50 000 kWh × 1 800 đ = 90 000 000 */
    { 20.5, 2500000 },   /* coal: 20.5 t × 2 500 000 đ = 51 250 000 */
    { -1000, 1800 },     /* a pump uses 1 000 kWh more: −1 800 000 */
  };
  gint64 benefit = 0;

  /* 120 000 000 + 90 000 000 + 51 250 000 − 1 800 000 = 259 450 000;
   * + 15 000 000 avoided fees − 10 000 000 more O&M = 264 450 000. */
  g_assert_true (sh_calc_net_annual_benefit (savings, G_N_ELEMENTS (savings),
                                             15000000, 10000000, &benefit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (benefit, ==, 264450000);

  /* Lower O&M adds to the benefit: 259 450 000 + 0 − (−5 000 000). */
  g_assert_true (sh_calc_net_annual_benefit (savings, G_N_ELEMENTS (savings),
                                             0, -5000000, &benefit, &error));
  g_assert_cmpint (benefit, ==, 264450000);

  g_assert_true (sh_calc_net_annual_benefit (NULL, 0, 0, 0, &benefit, &error));
  g_assert_cmpint (benefit, ==, 0);
}

static void
test_net_annual_benefit_rounds_each_line (void)
{
  g_autoptr(GError) error = NULL;
  const ShCalcSaving small[] = { { 0.4, 1 }, { 0.4, 1 } };
  const ShCalcSaving halves[] = { { 2.5, 1 }, { -1.5, 1 } };
  gint64 benefit = -1;

  /* Line by line: round (0.4) + round (0.4) = 0 + 0 = 0. Summing first
   * would give round (0.8) = 1. */
  g_assert_true (sh_calc_net_annual_benefit (small, 2, 0, 0, &benefit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (benefit, ==, 0);

  /* round (2.5) + round (−1.5) = 3 + (−2) = 1: ties go away from zero. */
  g_assert_true (sh_calc_net_annual_benefit (halves, 2, 0, 0, &benefit, &error));
  g_assert_cmpint (benefit, ==, 1);
}

static void
test_net_annual_benefit_invalid (void)
{
  g_autoptr(GError) error = NULL;
  const ShCalcSaving one[] = { { 1, 1 } };
  const ShCalcSaving bad_price[] = { { 1, -5 } };
  const ShCalcSaving huge[] = { { 1e18, 100 } };
  const ShCalcSaving nan_quantity[] = { { NAN, 100 } };
  gint64 benefit = 99;

  g_assert_false (sh_calc_net_annual_benefit (one, 1, -1, 0, &benefit, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sh_calc_net_annual_benefit (bad_price, 1, 0, 0, &benefit, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sh_calc_net_annual_benefit (nan_quantity, 1, 0, 0, &benefit, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);
  g_clear_error (&error);

  /* 10¹⁸ × 100 = 10²⁰ đồng, beyond G_MAXINT64 ≈ 9.22 × 10¹⁸. */
  g_assert_false (sh_calc_net_annual_benefit (huge, 1, 0, 0, &benefit, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_OVERFLOW);
  g_clear_error (&error);

  /* 1 + G_MAXINT64 overflows in the sum, not in a line. */
  g_assert_false (sh_calc_net_annual_benefit (one, 1, G_MAXINT64, 0, &benefit, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_OVERFLOW);
  g_clear_error (&error);

  /* 1 − G_MININT64 overflows in the subtraction of ΔO&M. */
  g_assert_false (sh_calc_net_annual_benefit (one, 1, 0, G_MININT64, &benefit, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_OVERFLOW);

  g_assert_cmpint (benefit, ==, 99);
}

static void
test_payback (void)
{
  g_autoptr(GError) error = NULL;
  double years = -1;

  /* 100 000 000 / 30 000 000 = 3.333… years (40 months). */
  g_assert_true (sh_calc_simple_payback (100000000, 30000000, &years, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (years, 10.0 / 3.0, 1e-12);

  /* No investment pays back at once, whatever the benefit. */
  g_assert_true (sh_calc_simple_payback (0, 30000000, &years, &error));
  g_assert_cmpfloat (years, ==, 0.0);
  g_assert_true (sh_calc_simple_payback (0, -5, &years, &error));
  g_assert_cmpfloat (years, ==, 0.0);
}

static void
test_payback_never (void)
{
  g_autoptr(GError) error = NULL;
  double years = -1;

  g_assert_false (sh_calc_simple_payback (100000000, 0, &years, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_NEVER_PAYS_BACK);
  g_clear_error (&error);

  g_assert_false (sh_calc_simple_payback (100000000, -2000000, &years, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_NEVER_PAYS_BACK);
  g_clear_error (&error);

  g_assert_false (sh_calc_simple_payback (-1, 30000000, &years, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);

  g_assert_cmpfloat (years, ==, -1);
}

static void
test_npv_flows (void)
{
  g_autoptr(GError) error = NULL;
  const gint64 flows[] = { -100000000, 60000000, 60000000 };
  const gint64 mixed[] = { -100000000, 60000000, -10000000, 60000000 };
  gint64 npv = 0;

  /* −100 000 000 + 60 000 000 / 1.1 + 60 000 000 / 1.21
   * = −100 000 000 + 54 545 454.545 + 49 586 776.860 = 4 132 231.405 → 4 132 231. */
  g_assert_true (sh_calc_npv (0.10, flows, 3, &npv, &error));
  g_assert_no_error (error);
  g_assert_cmpint (npv, ==, 4132231);

  /* At 0 % NPV is the plain sum: −100 + 60 + 60 = 20 million. */
  g_assert_true (sh_calc_npv (0.0, flows, 3, &npv, &error));
  g_assert_cmpint (npv, ==, 20000000);

  /* A negative flow in year 2 (a rebuild):
   * −100 000 000 + 54 545 454.545 − 10 000 000 / 1.21 + 60 000 000 / 1.331
   * = −100 000 000 + 54 545 454.545 − 8 264 462.810 + 45 078 888.054
   * = −8 640 120.211 → −8 640 120. */
  g_assert_true (sh_calc_npv (0.10, mixed, 4, &npv, &error));
  g_assert_cmpint (npv, ==, -8640120);

  g_assert_false (sh_calc_npv (-1.0, flows, 3, &npv, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);
}

static void
test_npv_annual (void)
{
  g_autoptr(GError) error = NULL;
  const gint64 flows[] = { -100000000, 30000000, 30000000, 30000000, 30000000, 30000000 };
  gint64 npv = 0;
  gint64 npv_flows = 0;

  /* Annuity factor (1 − 1.1⁻⁵) / 0.1 = (1 − 0.6209213) / 0.1 = 3.7907868;
   * 30 000 000 × 3.7907868 = 113 723 603.08; − 100 000 000 = 13 723 603. */
  g_assert_true (sh_calc_npv_annual (0.10, 5, 30000000, 100000000, &npv, &error));
  g_assert_no_error (error);
  g_assert_cmpint (npv, ==, 13723603);

  /* The same option written as explicit flows gives the same NPV. */
  g_assert_true (sh_calc_npv (0.10, flows, G_N_ELEMENTS (flows), &npv_flows, &error));
  g_assert_cmpint (npv_flows, ==, npv);

  /* At 0 %: 5 × 30 000 000 − 100 000 000 = 50 000 000. */
  g_assert_true (sh_calc_npv_annual (0.0, 5, 30000000, 100000000, &npv, &error));
  g_assert_cmpint (npv, ==, 50000000);

  /* No life: only the investment. */
  g_assert_true (sh_calc_npv_annual (0.10, 0, 30000000, 100000000, &npv, &error));
  g_assert_cmpint (npv, ==, -100000000);

  g_assert_false (sh_calc_npv_annual (0.10, 5, 30000000, -1, &npv, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);
}

static void
test_irr_known (void)
{
  g_autoptr(GError) error = NULL;
  const gint64 flows[] = { -100, 60, 60 };
  const gint64 millions[] = { -100000000, 60000000, 60000000 };
  gboolean unique = FALSE;
  double irr = 0;
  gint64 npv = 1;

  /* With x = 1/(1 + r): 60x² + 60x − 100 = 0, so 3x² + 3x − 5 = 0 and
   * x = (−3 + √69) / 6 = 0.8844373; r = 1/x − 1 = 0.1306624 (13.07 %). */
  g_assert_true (sh_calc_irr (flows, 3, &irr, &unique, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (irr, 0.1306623863, 1e-9);
  g_assert_true (unique);

  /* The IRR does not depend on the scale of the flows, and NPV at the IRR
   * is zero to the đồng. */
  g_assert_true (sh_calc_irr (millions, 3, &irr, NULL, &error));
  g_assert_cmpfloat_with_epsilon (irr, 0.1306623863, 1e-9);
  g_assert_true (sh_calc_npv (irr, millions, 3, &npv, &error));
  g_assert_cmpint (npv, ==, 0);
}

static void
test_irr_zero_and_negative (void)
{
  g_autoptr(GError) error = NULL;
  const gint64 break_even[] = { -100, 50, 50 };
  const gint64 loss[] = { -100, 40, 40 };
  double irr = 1;

  /* −100 + 50 + 50 = 0 at r = 0. */
  g_assert_true (sh_calc_irr (break_even, 3, &irr, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (irr, 0.0, 1e-12);

  /* 40x² + 40x − 100 = 0: x = (−2 + √44) / 4 = 1.1583124, r = 1/x − 1 = −0.1366750. */
  g_assert_true (sh_calc_irr (loss, 3, &irr, NULL, &error));
  g_assert_cmpfloat_with_epsilon (irr, -0.1366750419, 1e-9);
}

static void
test_irr_no_sign_change (void)
{
  g_autoptr(GError) error = NULL;
  const gint64 all_positive[] = { 100, 50, 50 };
  const gint64 all_negative[] = { -100, -50, 0, -50 };
  const gint64 all_zero[] = { 0, 0, 0 };
  const gint64 only_investment[] = { -100 };
  double irr = 42;

  g_assert_false (sh_calc_irr (all_positive, 3, &irr, NULL, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_NO_IRR);
  g_clear_error (&error);

  g_assert_false (sh_calc_irr (all_negative, 4, &irr, NULL, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_NO_IRR);
  g_clear_error (&error);

  g_assert_false (sh_calc_irr (all_zero, 3, &irr, NULL, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_NO_IRR);
  g_clear_error (&error);

  g_assert_false (sh_calc_irr (only_investment, 1, &irr, NULL, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_NO_IRR);

  g_assert_cmpfloat (irr, ==, 42);
}

static void
test_irr_out_of_range (void)
{
  g_autoptr(GError) error = NULL;
  const gint64 too_good[] = { -1, 20 };
  const gint64 too_bad[] = { -1000, 1 };
  double irr = 42;

  /* −1 + 20/(1 + r) = 0 at r = 19, i.e. 1900 % > 1000 %. */
  g_assert_false (sh_calc_irr (too_good, 2, &irr, NULL, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_NO_IRR);
  g_clear_error (&error);

  /* −1000 + 1/(1 + r) = 0 at r = −0.999, below −99 %. */
  g_assert_false (sh_calc_irr (too_bad, 2, &irr, NULL, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_NO_IRR);

  g_assert_cmpfloat (irr, ==, 42);
}

static void
test_irr_multiple_roots (void)
{
  g_autoptr(GError) error = NULL;
  const gint64 flows[] = { -100, 230, -132 };
  gboolean unique = TRUE;
  double irr = 0;

  /* −100 + 230x − 132x² = 0: x = (230 ± 10) / 264, i.e. x = 10/11 or 5/6,
   * so r = 10 % or 20 %. The lowest root is returned and flagged. */
  g_assert_true (sh_calc_irr (flows, 3, &irr, &unique, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (irr, 0.10, 1e-9);
  g_assert_false (unique);
}

static void
test_benefit_cost_ratio (void)
{
  g_autoptr(GError) error = NULL;
  double ratio = 0;

  /* PV = 30 000 000 × 3.7907868 = 113 723 603.08; / 100 000 000 = 1.1372360. */
  g_assert_true (sh_calc_benefit_cost_ratio (0.10, 5, 30000000, 100000000, &ratio, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (ratio, 1.1372360308, 1e-9);

  /* At 0 %: 5 × 20 000 000 / 200 000 000 = 0.5, a losing option. */
  g_assert_true (sh_calc_benefit_cost_ratio (0.0, 5, 20000000, 200000000, &ratio, &error));
  g_assert_cmpfloat_with_epsilon (ratio, 0.5, 1e-12);

  /* A negative benefit gives a negative ratio: 5 × −1 000 000 / 10 000 000 = −0.5. */
  g_assert_true (sh_calc_benefit_cost_ratio (0.0, 5, -1000000, 10000000, &ratio, &error));
  g_assert_cmpfloat_with_epsilon (ratio, -0.5, 1e-12);
}

static void
test_benefit_cost_zero_investment (void)
{
  g_autoptr(GError) error = NULL;
  double ratio = 7;

  g_assert_false (sh_calc_benefit_cost_ratio (0.10, 5, 30000000, 0, &ratio, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_ZERO_INVESTMENT);
  g_clear_error (&error);

  g_assert_false (sh_calc_benefit_cost_ratio (0.10, 5, 30000000, -10, &ratio, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);

  g_assert_cmpfloat (ratio, ==, 7);
}

static void
test_waste_stream_cost (void)
{
  g_autoptr(GError) error = NULL;
  ShCalcWasteCost cost = { 45000000, 12500000, 8000000, 2300000 };
  gint64 total = 0;

  /* 45 000 000 + 12 500 000 + 8 000 000 + 2 300 000 = 67 800 000. */
  g_assert_true (sh_calc_waste_stream_cost (&cost, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 67800000);

  cost.treatment_vnd = -1;
  g_assert_false (sh_calc_waste_stream_cost (&cost, &total, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);
  g_assert_cmpint (total, ==, 67800000);
}

static void
test_waste_stream_cost_overflow (void)
{
  g_autoptr(GError) error = NULL;
  ShCalcWasteCost cost = { G_MAXINT64, 0, 0, 1 };
  ShCalcWasteCost at_limit = { G_MAXINT64 - 3, 1, 1, 1 };
  gint64 total = 5;

  /* G_MAXINT64 + 1 does not fit. */
  g_assert_false (sh_calc_waste_stream_cost (&cost, &total, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_OVERFLOW);
  g_assert_cmpint (total, ==, 5);

  /* (G_MAXINT64 − 3) + 1 + 1 + 1 = G_MAXINT64 exactly does. */
  g_clear_error (&error);
  g_assert_true (sh_calc_waste_stream_cost (&at_limit, &total, &error));
  g_assert_cmpint (total, ==, G_MAXINT64);
}

static void
test_balance_closure (void)
{
  g_autoptr(GError) error = NULL;
  const double inputs[] = { 1000, 250 };
  const double outputs[] = { 1100, 120 };
  const double over[] = { 1300 };
  ShCalcBalance balance = { 0, };

  /* Σin = 1250, Σout = 1220, difference = 30, closure = 30 / 1250 × 100 = 2.4 %. */
  g_assert_true (sh_calc_balance (inputs, 2, outputs, 2, &balance, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (balance.total_in, ==, 1250);
  g_assert_cmpfloat (balance.total_out, ==, 1220);
  g_assert_cmpfloat (balance.difference, ==, 30);
  g_assert_cmpfloat_with_epsilon (balance.closure_percent, 2.4, 1e-12);
  g_assert_true (sh_calc_balance_within_tolerance (&balance, 5));
  g_assert_true (sh_calc_balance_within_tolerance (&balance, 2.4));
  g_assert_false (sh_calc_balance_within_tolerance (&balance, 2));

  /* More out than in: 1250 − 1300 = −50, −50 / 1250 × 100 = −4 %. */
  g_assert_true (sh_calc_balance (inputs, 2, over, 1, &balance, &error));
  g_assert_cmpfloat_with_epsilon (balance.closure_percent, -4.0, 1e-12);
  g_assert_true (sh_calc_balance_within_tolerance (&balance, 4));
  g_assert_false (sh_calc_balance_within_tolerance (&balance, 3.9));
}

static void
test_balance_zero_input (void)
{
  g_autoptr(GError) error = NULL;
  const double zero[] = { 0 };
  const double some[] = { 5 };
  const double negative[] = { -5 };
  ShCalcBalance balance = { 1, 1, 1, 1 };

  /* Nothing in, nothing out: closed. */
  g_assert_true (sh_calc_balance (zero, 1, NULL, 0, &balance, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (balance.total_in, ==, 0);
  g_assert_cmpfloat (balance.difference, ==, 0);
  g_assert_cmpfloat (balance.closure_percent, ==, 0);
  g_assert_true (sh_calc_balance_within_tolerance (&balance, 0));

  /* Nothing in, 5 out: no percentage can be computed. */
  g_assert_false (sh_calc_balance (zero, 1, some, 1, &balance, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_ZERO_INPUT);
  g_clear_error (&error);

  g_assert_false (sh_calc_balance (some, 1, negative, 1, &balance, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);
}

static void
test_ranking_ties (void)
{
  g_autoptr(GError) error = NULL;
  const double weights[] = { 0.5, 0.3, 0.2 };
  const double percent_weights[] = { 50, 30, 20 };
  /* Criteria: technical, economic, environmental; scores 1–5. */
  const double scores[] = {
    4, 3, 5,   /* A: 0.5×4 + 0.3×3 + 0.2×5 = 2.0 + 0.9 + 1.0 = 3.9 */
    5, 2, 4,   /* B: 0.5×5 + 0.3×2 + 0.2×4 = 2.5 + 0.6 + 0.8 = 3.9 */
    3, 5, 3,   /* C: 0.5×3 + 0.3×5 + 0.2×3 = 1.5 + 1.5 + 0.6 = 3.6 */
    5, 5, 5,   /* D: 5.0 */
  };
  double totals[4] = { 0, };
  guint ranks[4] = { 0, };

  g_assert_true (sh_calc_weighted_ranking (weights, 3, scores, 4, totals, ranks, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (totals[0], 3.9, 1e-12);
  g_assert_cmpfloat_with_epsilon (totals[1], 3.9, 1e-12);
  g_assert_cmpfloat_with_epsilon (totals[2], 3.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (totals[3], 5.0, 1e-12);

  /* In doubles A is 3.9 and B 3.9000000000000004, yet they tie: 1, 2, 2, 4. */
  g_assert_cmpuint (ranks[3], ==, 1);
  g_assert_cmpuint (ranks[0], ==, 2);
  g_assert_cmpuint (ranks[1], ==, 2);
  g_assert_cmpuint (ranks[2], ==, 4);

  /* Weights out of 100 divide out to the same totals and ranks. */
  memset (ranks, 0, sizeof ranks);
  g_assert_true (sh_calc_weighted_ranking (percent_weights, 3, scores, 4, totals, ranks, &error));
  g_assert_cmpfloat_with_epsilon (totals[0], 3.9, 1e-12);
  g_assert_cmpuint (ranks[3], ==, 1);
  g_assert_cmpuint (ranks[0], ==, 2);
  g_assert_cmpuint (ranks[1], ==, 2);
  g_assert_cmpuint (ranks[2], ==, 4);
}

static void
test_ranking_close_but_not_tied (void)
{
  g_autoptr(GError) error = NULL;
  const double weight[] = { 1 };
  const double scores[] = { 3.9, 3.9005, 3.9 };
  guint ranks[3] = { 0, };

  /* Half a thousandth of a point is a real difference, not noise: 2, 1, 2. */
  g_assert_true (sh_calc_weighted_ranking (weight, 1, scores, 3, NULL, ranks, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ranks[0], ==, 2);
  g_assert_cmpuint (ranks[1], ==, 1);
  g_assert_cmpuint (ranks[2], ==, 2);
}

static void
test_ranking_invalid_weights (void)
{
  g_autoptr(GError) error = NULL;
  const double zero_weights[] = { 0, 0 };
  const double negative_weights[] = { 0.7, -0.2 };
  const double scores[] = { 1, 2 };
  guint ranks[1] = { 99 };

  g_assert_false (sh_calc_weighted_ranking (zero_weights, 2, scores, 1, NULL, ranks, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sh_calc_weighted_ranking (negative_weights, 2, scores, 1, NULL, ranks, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sh_calc_weighted_ranking (NULL, 0, NULL, 0, NULL, NULL, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);

  g_assert_cmpuint (ranks[0], ==, 99);
}

static void
test_co2e_electricity (void)
{
  g_autoptr(GError) error = NULL;
  double tonnes = 0;

  /* 100 000 kWh = 100 MWh; × 0.6766 t/MWh (2022) = 67.66 t CO2e. */
  g_assert_true (sh_calc_co2e_from_electricity (100000, 0.6766, &tonnes, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (tonnes, 67.66, 1e-9);

  /* 2 500 kWh more used: −2.5 MWh × 0.6766 = −1.6915 t avoided. */
  g_assert_true (sh_calc_co2e_from_electricity (-2500, 0.6766, &tonnes, &error));
  g_assert_cmpfloat_with_epsilon (tonnes, -1.6915, 1e-9);

  g_assert_false (sh_calc_co2e_from_electricity (100000, -0.5, &tonnes, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);

  g_test_add_func ("/calc/round-vnd/half-away-from-zero", test_round_vnd_half_away_from_zero);
  g_test_add_func ("/calc/round-vnd/overflow", test_round_vnd_overflow);
  g_test_add_func ("/calc/specific-consumption/basic", test_specific_consumption_basic);
  g_test_add_func ("/calc/specific-consumption/zero-output", test_specific_consumption_zero_output);
  g_test_add_func ("/calc/specific-consumption/periods", test_specific_consumption_periods);
  g_test_add_func ("/calc/saving/percent", test_saving_percent);
  g_test_add_func ("/calc/saving/zero-baseline", test_saving_zero_baseline);
  g_test_add_func ("/calc/target/band", test_target_band);
  g_test_add_func ("/calc/benefit/net-annual", test_net_annual_benefit);
  g_test_add_func ("/calc/benefit/rounds-each-line", test_net_annual_benefit_rounds_each_line);
  g_test_add_func ("/calc/benefit/invalid", test_net_annual_benefit_invalid);
  g_test_add_func ("/calc/payback/simple", test_payback);
  g_test_add_func ("/calc/payback/never", test_payback_never);
  g_test_add_func ("/calc/npv/flows", test_npv_flows);
  g_test_add_func ("/calc/npv/annual", test_npv_annual);
  g_test_add_func ("/calc/irr/known", test_irr_known);
  g_test_add_func ("/calc/irr/zero-and-negative", test_irr_zero_and_negative);
  g_test_add_func ("/calc/irr/no-sign-change", test_irr_no_sign_change);
  g_test_add_func ("/calc/irr/out-of-range", test_irr_out_of_range);
  g_test_add_func ("/calc/irr/multiple-roots", test_irr_multiple_roots);
  g_test_add_func ("/calc/benefit-cost/ratio", test_benefit_cost_ratio);
  g_test_add_func ("/calc/benefit-cost/zero-investment", test_benefit_cost_zero_investment);
  g_test_add_func ("/calc/waste-cost/sum", test_waste_stream_cost);
  g_test_add_func ("/calc/waste-cost/overflow", test_waste_stream_cost_overflow);
  g_test_add_func ("/calc/balance/closure", test_balance_closure);
  g_test_add_func ("/calc/balance/zero-input", test_balance_zero_input);
  g_test_add_func ("/calc/ranking/ties", test_ranking_ties);
  g_test_add_func ("/calc/ranking/close-but-not-tied", test_ranking_close_but_not_tied);
  g_test_add_func ("/calc/ranking/invalid-weights", test_ranking_invalid_weights);
  g_test_add_func ("/calc/co2e/electricity", test_co2e_electricity);

  return g_test_run ();
}
