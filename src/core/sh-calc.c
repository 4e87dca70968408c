/* sh-calc.c — the formulas of a cleaner-production assessment, as pure functions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sh-calc.h"

G_DEFINE_QUARK (sh-calc-error-quark, sh_calc_error)

/* The first double that no longer fits in a gint64: 2⁶³. */
#define VND_LIMIT 9223372036854775808.0

/* How many times the IRR scan samples NPV between its bounds. */
#define IRR_SCAN_STEPS 2000

/* @what is a translated noun phrase such as "unit price". */
static gboolean
check_finite (double       value,
              const char  *what,
              GError     **error)
{
  if (isfinite (value))
    return TRUE;

  /* Translators: %s names a quantity, e.g. "unit price". */
  g_set_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID,
               _("The %s is not a number"), what);
  return FALSE;
}

static gboolean
check_non_negative (double       value,
                    const char  *what,
                    GError     **error)
{
  if (!check_finite (value, what, error))
    return FALSE;

  if (value < 0)
    {
      /* Translators: %s names a quantity, e.g. "unit price". */
      g_set_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID,
                   _("The %s cannot be negative"), what);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_rate (double   rate,
            GError **error)
{
  if (!check_finite (rate, _("discount rate"), error))
    return FALSE;

  /* At −100 % the discount factor 1/(1 + r) divides by zero. */
  if (rate <= -1.0)
    {
      g_set_error_literal (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID,
                           /* xgettext:no-c-format */
                           _("The discount rate must be above −100 %"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_overflow (GError **error)
{
  g_set_error_literal (error, SH_CALC_ERROR, SH_CALC_ERROR_OVERFLOW,
                       _("The amount is too large to calculate in đồng"));
  return FALSE;
}

static gboolean
add_vnd (gint64   a,
         gint64   b,
         gint64  *out,
         GError **error)
{
  if (__builtin_add_overflow (a, b, out))
    return set_overflow (error);

  return TRUE;
}

/* Σₜ₌₁..ₙ 1/(1 + r)ᵗ. The closed form goes through expm1() and log1p() so
 * that it stays accurate for rates close to zero. */
static double
annuity_factor (double rate,
                guint  years)
{
  if (rate == 0.0)
    return years;

  return -expm1 (-(double) years * log1p (rate)) / rate;
}

/* NPV by Horner's rule in v = 1/(1 + r), which needs no pow() per year. */
static double
npv_at (double        rate,
        const gint64 *flows,
        gsize         n_flows)
{
  double v = 1.0 / (1.0 + rate);
  double sum = 0.0;

  for (gsize i = n_flows; i > 0; i--)
    sum = sum * v + (double) flows[i - 1];

  return sum;
}

static int
sign_of (double value)
{
  return (value > 0) - (value < 0);
}

static double
bisect_irr (const gint64 *flows,
            gsize         n_flows,
            double        lo,
            double        hi,
            double        npv_lo)
{
  int sign_lo = sign_of (npv_lo);

  for (guint i = 0; i < 200 && hi - lo > 1e-13; i++)
    {
      double mid = lo + (hi - lo) / 2;
      double npv_mid = npv_at (mid, flows, n_flows);

      if (npv_mid == 0.0)
        return mid;

      if (sign_of (npv_mid) == sign_lo)
        lo = mid;
      else
        hi = mid;
    }

  return lo + (hi - lo) / 2;
}

static gboolean
totals_equal (double a,
              double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

gboolean
sh_calc_round_vnd (double   amount,
                   gint64  *out_vnd,
                   GError **error)
{
  double rounded;

  g_return_val_if_fail (out_vnd != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (isnan (amount))
    return check_finite (amount, _("amount"), error);

  /* round() rounds half away from zero and, unlike floor (x + 0.5), does not
   * turn 0.49999999999999994 into 1. */
  rounded = round (amount);
  if (rounded >= VND_LIMIT || rounded < -VND_LIMIT)
    return set_overflow (error);

  *out_vnd = (gint64) rounded;
  return TRUE;
}

gboolean
sh_calc_specific_consumption (double   total,
                              double   output,
                              double  *out_sc,
                              GError **error)
{
  g_return_val_if_fail (out_sc != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_non_negative (total, _("total consumption"), error) ||
      !check_non_negative (output, _("product output"), error))
    return FALSE;

  if (output == 0.0)
    {
      g_set_error_literal (error, SH_CALC_ERROR, SH_CALC_ERROR_ZERO_OUTPUT,
                           _("Specific consumption needs a product output above zero"));
      return FALSE;
    }

  *out_sc = total / output;
  return TRUE;
}

gboolean
sh_calc_sum_periods (const double  *quantities,
                     const double  *outputs,
                     gsize          n_periods,
                     double        *out_quantity,
                     double        *out_output,
                     GError       **error)
{
  double quantity = 0.0;
  double output = 0.0;

  g_return_val_if_fail (n_periods == 0 || quantities != NULL, FALSE);
  g_return_val_if_fail (n_periods == 0 || outputs != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (gsize i = 0; i < n_periods; i++)
    {
      if (!check_non_negative (quantities[i], _("consumption of a period"), error) ||
          !check_non_negative (outputs[i], _("output of a period"), error))
        return FALSE;

      quantity += quantities[i];
      output += outputs[i];
    }

  if (out_quantity != NULL)
    *out_quantity = quantity;
  if (out_output != NULL)
    *out_output = output;

  return TRUE;
}

gboolean
sh_calc_specific_consumption_periods (const double  *quantities,
                                      const double  *outputs,
                                      gsize          n_periods,
                                      double        *out_sc,
                                      GError       **error)
{
  double quantity;
  double output;

  g_return_val_if_fail (n_periods == 0 || quantities != NULL, FALSE);
  g_return_val_if_fail (n_periods == 0 || outputs != NULL, FALSE);
  g_return_val_if_fail (out_sc != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sh_calc_sum_periods (quantities, outputs, n_periods, &quantity, &output, error))
    return FALSE;

  return sh_calc_specific_consumption (quantity, output, out_sc, error);
}

gboolean
sh_calc_saving_percent (double   sc_baseline,
                        double   sc_after,
                        double  *out_percent,
                        GError **error)
{
  g_return_val_if_fail (out_percent != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_finite (sc_baseline, _("baseline specific consumption"), error) ||
      !check_non_negative (sc_after, _("specific consumption after the option"), error))
    return FALSE;

  if (sc_baseline <= 0.0)
    {
      g_set_error_literal (error, SH_CALC_ERROR, SH_CALC_ERROR_ZERO_BASELINE,
                           _("A saving needs a baseline specific consumption above zero"));
      return FALSE;
    }

  *out_percent = (sc_baseline - sc_after) / sc_baseline * 100.0;
  return TRUE;
}

ShCalcTargetStatus
sh_calc_target_check (double saving_percent,
                      double band_min,
                      double band_max)
{
  const double tolerance = 1e-9;

  g_return_val_if_fail (!isnan (saving_percent), SH_CALC_TARGET_BELOW);
  g_return_val_if_fail (band_min <= band_max, SH_CALC_TARGET_BELOW);

  if (saving_percent < band_min - tolerance)
    return SH_CALC_TARGET_BELOW;
  if (saving_percent > band_max + tolerance)
    return SH_CALC_TARGET_ABOVE;

  return SH_CALC_TARGET_WITHIN;
}

gboolean
sh_calc_target_met (ShCalcTargetStatus status)
{
  return status == SH_CALC_TARGET_WITHIN || status == SH_CALC_TARGET_ABOVE;
}

gboolean
sh_calc_net_annual_benefit (const ShCalcSaving  *savings,
                            gsize                n_savings,
                            gint64               avoided_costs_vnd,
                            gint64               delta_om_vnd,
                            gint64              *out_vnd,
                            GError             **error)
{
  gint64 total = 0;

  g_return_val_if_fail (n_savings == 0 || savings != NULL, FALSE);
  g_return_val_if_fail (out_vnd != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (gsize i = 0; i < n_savings; i++)
    {
      gint64 line;

      if (!check_finite (savings[i].quantity_saved, _("quantity saved"), error) ||
          !check_non_negative ((double) savings[i].unit_price_vnd, _("unit price"), error))
        return FALSE;

      if (!sh_calc_round_vnd (savings[i].quantity_saved * (double) savings[i].unit_price_vnd,
                              &line, error) ||
          !add_vnd (total, line, &total, error))
        return FALSE;
    }

  if (avoided_costs_vnd < 0)
    {
      g_set_error_literal (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID,
                           _("Avoided costs cannot be negative; "
                             "count extra costs as a change in operation and maintenance"));
      return FALSE;
    }

  if (!add_vnd (total, avoided_costs_vnd, &total, error))
    return FALSE;

  if (__builtin_sub_overflow (total, delta_om_vnd, &total))
    return set_overflow (error);

  *out_vnd = total;
  return TRUE;
}

gboolean
sh_calc_simple_payback (gint64   investment_vnd,
                        gint64   annual_benefit_vnd,
                        double  *out_years,
                        GError **error)
{
  g_return_val_if_fail (out_years != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (investment_vnd < 0)
    {
      g_set_error_literal (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID,
                           _("The investment cannot be negative"));
      return FALSE;
    }

  /* Good housekeeping options often cost nothing: they pay back at once,
   * whatever they save. */
  if (investment_vnd == 0)
    {
      *out_years = 0.0;
      return TRUE;
    }

  if (annual_benefit_vnd <= 0)
    {
      g_set_error_literal (error, SH_CALC_ERROR, SH_CALC_ERROR_NEVER_PAYS_BACK,
                           _("The option never pays back: "
                             "its net annual benefit is not above zero"));
      return FALSE;
    }

  *out_years = (double) investment_vnd / (double) annual_benefit_vnd;
  return TRUE;
}

gboolean
sh_calc_npv (double         rate,
             const gint64  *flows_vnd,
             gsize          n_flows,
             gint64        *out_npv_vnd,
             GError       **error)
{
  double npv = 0.0;

  g_return_val_if_fail (n_flows == 0 || flows_vnd != NULL, FALSE);
  g_return_val_if_fail (out_npv_vnd != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_rate (rate, error))
    return FALSE;

  /* pow() per year rather than Horner's rule keeps each discounted flow as
   * exact as one pow() and one division can make it. */
  for (gsize t = 0; t < n_flows; t++)
    npv += (double) flows_vnd[t] / pow (1.0 + rate, (double) t);

  return sh_calc_round_vnd (npv, out_npv_vnd, error);
}

gboolean
sh_calc_npv_annual (double   rate,
                    guint    life_years,
                    gint64   annual_benefit_vnd,
                    gint64   investment_vnd,
                    gint64  *out_npv_vnd,
                    GError **error)
{
  g_return_val_if_fail (out_npv_vnd != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_rate (rate, error))
    return FALSE;

  if (investment_vnd < 0)
    {
      g_set_error_literal (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID,
                           _("The investment cannot be negative"));
      return FALSE;
    }

  return sh_calc_round_vnd ((double) annual_benefit_vnd * annuity_factor (rate, life_years)
                            - (double) investment_vnd,
                            out_npv_vnd, error);
}

gboolean
sh_calc_irr (const gint64  *flows_vnd,
             gsize          n_flows,
             double        *out_rate,
             gboolean      *out_unique,
             GError       **error)
{
  const double u_min = log1p (SH_CALC_IRR_MIN);
  const double u_max = log1p (SH_CALC_IRR_MAX);
  guint sign_changes = 0;
  int last_sign = 0;
  double prev_rate = 0.0;
  double prev_npv = NAN;
  double root = 0.0;
  gboolean found = FALSE;

  g_return_val_if_fail (n_flows == 0 || flows_vnd != NULL, FALSE);
  g_return_val_if_fail (out_rate != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (gsize t = 0; t < n_flows; t++)
    {
      int sign = sign_of ((double) flows_vnd[t]);

      if (sign == 0)
        continue;
      if (last_sign != 0 && sign != last_sign)
        sign_changes++;
      last_sign = sign;
    }

  if (sign_changes == 0)
    {
      g_set_error_literal (error, SH_CALC_ERROR, SH_CALC_ERROR_NO_IRR,
                           _("The cash flows never change sign, "
                             "so they have no internal rate of return"));
      return FALSE;
    }

  /* Sampling evenly in log(1 + r) rather than in r puts more points at the
   * rates that matter (−50 %…+50 %) than at 900 %. The first bracket found
   * holds the lowest root. */
  for (guint i = 0; i <= IRR_SCAN_STEPS && !found; i++)
    {
      double rate;
      double npv;

      if (i == 0)
        rate = SH_CALC_IRR_MIN;
      else if (i == IRR_SCAN_STEPS)
        rate = SH_CALC_IRR_MAX;
      else
        rate = expm1 (u_min + (u_max - u_min) * i / IRR_SCAN_STEPS);

      npv = npv_at (rate, flows_vnd, n_flows);

      /* Long series discounted at −99 % overflow; there is no bracket there. */
      if (!isfinite (npv))
        {
          prev_npv = NAN;
          continue;
        }

      if (npv == 0.0)
        {
          root = rate;
          found = TRUE;
        }
      else if (isfinite (prev_npv) && sign_of (prev_npv) != sign_of (npv))
        {
          root = bisect_irr (flows_vnd, n_flows, prev_rate, rate, prev_npv);
          found = TRUE;
        }

      prev_rate = rate;
      prev_npv = npv;
    }

  if (!found)
    {
      g_set_error_literal (error, SH_CALC_ERROR, SH_CALC_ERROR_NO_IRR,
                           /* xgettext:no-c-format */
                           _("No discount rate between −99 % and 1000 % a year "
                             "makes the net present value zero"));
      return FALSE;
    }

  *out_rate = root;
  if (out_unique != NULL)
    *out_unique = sign_changes == 1;

  return TRUE;
}

gboolean
sh_calc_benefit_cost_ratio (double   rate,
                            guint    life_years,
                            gint64   annual_benefit_vnd,
                            gint64   investment_vnd,
                            double  *out_ratio,
                            GError **error)
{
  g_return_val_if_fail (out_ratio != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_rate (rate, error))
    return FALSE;

  if (investment_vnd < 0)
    {
      g_set_error_literal (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID,
                           _("The investment cannot be negative"));
      return FALSE;
    }

  if (investment_vnd == 0)
    {
      g_set_error_literal (error, SH_CALC_ERROR, SH_CALC_ERROR_ZERO_INVESTMENT,
                           _("A benefit/cost ratio needs an investment above zero"));
      return FALSE;
    }

  *out_ratio = (double) annual_benefit_vnd * annuity_factor (rate, life_years)
               / (double) investment_vnd;
  return TRUE;
}

gboolean
sh_calc_waste_stream_cost (const ShCalcWasteCost  *cost,
                           gint64                 *out_vnd,
                           GError                **error)
{
  gint64 parts[4];
  gint64 total = 0;

  g_return_val_if_fail (cost != NULL, FALSE);
  g_return_val_if_fail (out_vnd != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parts[0] = cost->lost_material_vnd;
  parts[1] = cost->lost_energy_vnd;
  parts[2] = cost->treatment_vnd;
  parts[3] = cost->fees_vnd;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] < 0)
        {
          g_set_error_literal (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID,
                               _("The cost of a waste stream is made of amounts "
                                 "that cannot be negative"));
          return FALSE;
        }

      if (!add_vnd (total, parts[i], &total, error))
        return FALSE;
    }

  *out_vnd = total;
  return TRUE;
}

gboolean
sh_calc_balance (const double   *inputs,
                 gsize           n_inputs,
                 const double   *outputs,
                 gsize           n_outputs,
                 ShCalcBalance  *out_balance,
                 GError        **error)
{
  double total_in = 0.0;
  double total_out = 0.0;

  g_return_val_if_fail (n_inputs == 0 || inputs != NULL, FALSE);
  g_return_val_if_fail (n_outputs == 0 || outputs != NULL, FALSE);
  g_return_val_if_fail (out_balance != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (gsize i = 0; i < n_inputs; i++)
    {
      if (!check_non_negative (inputs[i], _("input flow"), error))
        return FALSE;
      total_in += inputs[i];
    }

  for (gsize i = 0; i < n_outputs; i++)
    {
      if (!check_non_negative (outputs[i], _("output flow"), error))
        return FALSE;
      total_out += outputs[i];
    }

  if (total_in == 0.0 && total_out > 0.0)
    {
      g_set_error_literal (error, SH_CALC_ERROR, SH_CALC_ERROR_ZERO_INPUT,
                           _("The step has outputs but no inputs, so its balance cannot close"));
      return FALSE;
    }

  out_balance->total_in = total_in;
  out_balance->total_out = total_out;
  out_balance->difference = total_in - total_out;
  /* A step with nothing in and nothing out is trivially balanced. */
  out_balance->closure_percent = total_in == 0.0
                                 ? 0.0
                                 : out_balance->difference / total_in * 100.0;

  return TRUE;
}

gboolean
sh_calc_balance_within_tolerance (const ShCalcBalance *balance,
                                  double               tolerance_percent)
{
  g_return_val_if_fail (balance != NULL, FALSE);
  g_return_val_if_fail (tolerance_percent >= 0, FALSE);

  return fabs (balance->closure_percent) <= tolerance_percent + 1e-9;
}

gboolean
sh_calc_weighted_ranking (const double  *weights,
                          gsize          n_criteria,
                          const double  *scores,
                          gsize          n_options,
                          double        *out_totals,
                          guint         *out_ranks,
                          GError       **error)
{
  g_autofree double *totals = NULL;
  double weight_sum = 0.0;

  g_return_val_if_fail (n_criteria == 0 || weights != NULL, FALSE);
  g_return_val_if_fail (n_options == 0 || n_criteria == 0 || scores != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (gsize c = 0; c < n_criteria; c++)
    {
      if (!check_non_negative (weights[c], _("weight of a criterion"), error))
        return FALSE;
      weight_sum += weights[c];
    }

  if (weight_sum <= 0.0)
    {
      g_set_error_literal (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID,
                           _("At least one criterion needs a weight above zero"));
      return FALSE;
    }

  totals = g_new0 (double, MAX (n_options, 1));
  for (gsize o = 0; o < n_options; o++)
    {
      double sum = 0.0;

      for (gsize c = 0; c < n_criteria; c++)
        {
          double score = scores[o * n_criteria + c];

          if (!check_finite (score, _("score"), error))
            return FALSE;
          sum += weights[c] * score;
        }

      totals[o] = sum / weight_sum;
    }

  for (gsize o = 0; o < n_options; o++)
    {
      guint rank = 1;

      /* Competition ranking: one more than the number of strictly better
       * options, so tied options share a rank and the next one is skipped. */
      for (gsize other = 0; other < n_options; other++)
        if (totals[other] > totals[o] && !totals_equal (totals[other], totals[o]))
          rank++;

      if (out_ranks != NULL)
        out_ranks[o] = rank;
      if (out_totals != NULL)
        out_totals[o] = totals[o];
    }

  return TRUE;
}

gboolean
sh_calc_co2e_from_electricity (double   kwh,
                               double   grid_factor_t_per_mwh,
                               double  *out_t_co2e,
                               GError **error)
{
  g_return_val_if_fail (out_t_co2e != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_finite (kwh, _("electricity quantity"), error) ||
      !check_non_negative (grid_factor_t_per_mwh, _("grid emission factor"), error))
    return FALSE;

  *out_t_co2e = kwh / 1000.0 * grid_factor_t_per_mwh;
  return TRUE;
}
