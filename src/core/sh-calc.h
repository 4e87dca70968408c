/* sh-calc.h — the formulas of a cleaner-production assessment, as pure functions.
 *
 * Every function here is pure: it reads its arguments, writes its outputs
 * and keeps no state, so the GUI, the CLI and the report writer all get the
 * same number for the same inputs.
 *
 * Conventions
 *
 * - Money is an integer number of đồng (gint64). An amount computed from a
 *   double (a quantity times a price, a present value) is rounded half away
 *   from zero to the đồng by sh_calc_round_vnd(): 2.5 → 3, −2.5 → −3. An
 *   amount that does not fit in a gint64 is an SH_CALC_ERROR_OVERFLOW, never
 *   a wrapped or saturated value.
 * - Percentages (saving %, balance closure %) are returned unrounded; only
 *   the display rounds them.
 * - Rates (discount rate, IRR) are fractions per year: 0.10 means 10 %.
 * - Quantities are doubles in whatever unit the caller chose; a function that
 *   adds or divides quantities expects them in one unit (convert them first
 *   with ShUnits).
 * - Inputs that are NaN or infinite are an SH_CALC_ERROR_INVALID.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SH_CALC_ERROR (sh_calc_error_quark ())

typedef enum
{
  SH_CALC_ERROR_INVALID,          /* an argument outside its domain (negative, NaN, empty…) */
  SH_CALC_ERROR_ZERO_OUTPUT,      /* specific consumption with no product output */
  SH_CALC_ERROR_ZERO_BASELINE,    /* saving % against a baseline of zero */
  SH_CALC_ERROR_ZERO_INVESTMENT,  /* a ratio over an investment of zero */
  SH_CALC_ERROR_ZERO_INPUT,       /* a balance whose inputs are zero but outputs are not */
  SH_CALC_ERROR_NEVER_PAYS_BACK,  /* payback with a net annual benefit of zero or less */
  SH_CALC_ERROR_NO_IRR,           /* no rate in the search range makes NPV zero */
  SH_CALC_ERROR_OVERFLOW,         /* an amount of đồng outside the gint64 range */
} ShCalcError;

GQuark    sh_calc_error_quark               (void);

/* Rounds @amount half away from zero to the đồng. */
gboolean  sh_calc_round_vnd                 (double         amount,
                                             gint64        *out_vnd,
                                             GError       **error);

/* Specific consumption (mức tiêu thụ riêng): @total / @output, e.g. m3 of
 * water per tonne of product. @total must be ≥ 0 and @output > 0. */
gboolean  sh_calc_specific_consumption      (double         total,
                                             double         output,
                                             double        *out_sc,
                                             GError       **error);
/* Sums per-period quantities and outputs (e.g. monthly meter readings and
 * monthly production); each value must be ≥ 0. Either output may be NULL. */
gboolean  sh_calc_sum_periods               (const double  *quantities,
                                             const double  *outputs,
                                             gsize          n_periods,
                                             double        *out_quantity,
                                             double        *out_output,
                                             GError       **error);
/* Specific consumption over several periods: Σ quantity / Σ output. This is
 * the output-weighted mean, not the mean of the per-period ratios. */
gboolean  sh_calc_specific_consumption_periods (const double *quantities,
                                                const double *outputs,
                                                gsize         n_periods,
                                                double       *out_sc,
                                                GError      **error);

/* Saving rate (tỷ lệ tiết kiệm) of a specific consumption against its
 * baseline: (@sc_baseline − @sc_after) / @sc_baseline × 100. A negative
 * result means the option made things worse. */
gboolean  sh_calc_saving_percent            (double         sc_baseline,
                                             double         sc_after,
                                             double        *out_percent,
                                             GError       **error);

/* The saving band of Decision 1419/QĐ-TTg for 2016–2020, in percent. */
#define SH_CALC_TARGET_MIN_DEFAULT  8.0
#define SH_CALC_TARGET_MAX_DEFAULT 13.0

typedef enum
{
  SH_CALC_TARGET_BELOW,   /* saving below the band: target missed */
  SH_CALC_TARGET_WITHIN,  /* inside the band, both ends included */
  SH_CALC_TARGET_ABOVE,   /* above the band: target met and exceeded */
} ShCalcTargetStatus;

/* Places @saving_percent against the band [@band_min, @band_max]. The ends
 * are compared with a tolerance of 1e-9 percentage points, so a saving that
 * is 8 % on paper does not fall below an 8 % band through rounding noise. */
ShCalcTargetStatus sh_calc_target_check     (double         saving_percent,
                                             double         band_min,
                                             double         band_max);
/* Whether a status counts as meeting the target (WITHIN or ABOVE). */
gboolean  sh_calc_target_met                (ShCalcTargetStatus status);

/* One line of a net-benefit calculation: a resource saved per year, in the
 * unit its price is quoted in. A negative quantity is a resource the option
 * uses more of (e.g. electricity for a pump that saves water). */
typedef struct
{
  double  quantity_saved;   /* Δq per year */
  gint64  unit_price_vnd;   /* p, đồng per unit of Δq, ≥ 0 */
} ShCalcSaving;

/* Net annual benefit (lợi ích ròng hàng năm):
 * S = Σ(Δqᵢ × pᵢ) + @avoided_costs_vnd − @delta_om_vnd.
 * Each line Δqᵢ × pᵢ is rounded to the đồng before it is added, so the total
 * equals the sum of the lines a report prints. @avoided_costs_vnd (treatment,
 * disposal, fees no longer paid) must be ≥ 0; @delta_om_vnd is the change in
 * operating and maintenance cost, negative when the option lowers it. */
gboolean  sh_calc_net_annual_benefit        (const ShCalcSaving *savings,
                                             gsize          n_savings,
                                             gint64         avoided_costs_vnd,
                                             gint64         delta_om_vnd,
                                             gint64        *out_vnd,
                                             GError       **error);

/* Simple payback (thời gian hoàn vốn giản đơn) = I / S in years. An
 * investment of zero pays back at once (0 years) whatever S is; otherwise
 * S ≤ 0 is SH_CALC_ERROR_NEVER_PAYS_BACK. */
gboolean  sh_calc_simple_payback            (gint64         investment_vnd,
                                             gint64         annual_benefit_vnd,
                                             double        *out_years,
                                             GError       **error);

/* Net present value of @flows_vnd, where @flows_vnd[t] falls at the end of
 * year t (so @flows_vnd[0], the investment, is not discounted):
 * NPV = Σₜ flowₜ / (1 + @rate)ᵗ. @rate must be > −1. */
gboolean  sh_calc_npv                       (double         rate,
                                             const gint64  *flows_vnd,
                                             gsize          n_flows,
                                             gint64        *out_npv_vnd,
                                             GError       **error);
/* NPV of an option with one investment and a constant net annual benefit:
 * NPV = −I + Σₜ₌₁..ₙ S / (1 + @rate)ᵗ. */
gboolean  sh_calc_npv_annual                (double         rate,
                                             guint          life_years,
                                             gint64         annual_benefit_vnd,
                                             gint64         investment_vnd,
                                             gint64        *out_npv_vnd,
                                             GError       **error);

/* The IRR search range: −99 % to 1000 % a year. */
#define SH_CALC_IRR_MIN -0.99
#define SH_CALC_IRR_MAX 10.0

/* Internal rate of return: the rate at which sh_calc_npv() is zero, found by
 * scanning [SH_CALC_IRR_MIN, SH_CALC_IRR_MAX] for a change of sign of NPV and
 * bisecting that bracket to 1e-12.
 *
 * Flows that change sign once (an investment followed by benefits) have
 * exactly one IRR above −100 %. Flows that change sign more than once may
 * have several; this returns the LOWEST one in the range and sets
 * @out_unique (if not NULL) to FALSE, since such an IRR should not be used
 * to accept an option (use NPV). Two roots closer than the scan step (about
 * 0.4 % near 10 %) may be missed.
 *
 * SH_CALC_ERROR_NO_IRR when the flows never change sign (all benefits or all
 * costs) or when no rate in the range makes NPV zero. */
gboolean  sh_calc_irr                       (const gint64  *flows_vnd,
                                             gsize          n_flows,
                                             double        *out_rate,
                                             gboolean      *out_unique,
                                             GError       **error);

/* Benefit/cost ratio = present value of @annual_benefit_vnd over
 * @life_years at @rate, divided by @investment_vnd (which must be > 0). */
gboolean  sh_calc_benefit_cost_ratio        (double         rate,
                                             guint          life_years,
                                             gint64         annual_benefit_vnd,
                                             gint64         investment_vnd,
                                             double        *out_ratio,
                                             GError       **error);

/* The cost of a waste stream per period (định giá dòng thải). */
typedef struct
{
  gint64  lost_material_vnd;  /* raw material and product lost in the stream */
  gint64  lost_energy_vnd;    /* energy carried away (hot water, steam, flue gas) */
  gint64  treatment_vnd;      /* treating the stream before discharge */
  gint64  fees_vnd;           /* environmental-protection fees, disposal charges */
} ShCalcWasteCost;

/* Sum of the four parts, each ≥ 0; SH_CALC_ERROR_OVERFLOW if it does not fit. */
gboolean  sh_calc_waste_stream_cost         (const ShCalcWasteCost *cost,
                                             gint64        *out_vnd,
                                             GError       **error);

/* A mass or energy balance of one process step; all flows in one unit. */
typedef struct
{
  double  total_in;         /* Σ inputs */
  double  total_out;        /* Σ outputs, products and wastes together */
  double  difference;       /* total_in − total_out: unaccounted for */
  double  closure_percent;  /* difference / total_in × 100; 0 means the balance closes */
} ShCalcBalance;

/* Balances one step. Flows must be ≥ 0. A step with no inputs and no
 * outputs closes (0 %); one with outputs but no inputs is
 * SH_CALC_ERROR_ZERO_INPUT. */
gboolean  sh_calc_balance                   (const double  *inputs,
                                             gsize          n_inputs,
                                             const double  *outputs,
                                             gsize          n_outputs,
                                             ShCalcBalance *out_balance,
                                             GError       **error);
/* Whether |closure_percent| ≤ @tolerance_percent. */
gboolean  sh_calc_balance_within_tolerance  (const ShCalcBalance *balance,
                                             double         tolerance_percent);

/* Weighted ranking of options (xếp hạng giải pháp). @scores is row-major,
 * one row of @n_criteria scores per option. For each option,
 * total = Σ wᵢ·sᵢ / Σ wᵢ, so weights summing to 1, to 100 or to anything else
 * give the same totals. Weights must be ≥ 0 with a positive sum.
 *
 * Ranks (1 = highest total) use competition ranking: options whose totals
 * are equal share a rank and the next rank is skipped (1, 2, 2, 4). Totals
 * within 1e-9 (relative) of each other count as equal, so floating-point
 * noise does not split a tie. @out_totals and @out_ranks hold @n_options
 * values; either may be NULL. */
gboolean  sh_calc_weighted_ranking          (const double  *weights,
                                             gsize          n_criteria,
                                             const double  *scores,
                                             gsize          n_options,
                                             double        *out_totals,
                                             guint         *out_ranks,
                                             GError       **error);

/* CO2e of electricity: @kwh × @grid_factor_t_per_mwh / 1000, in tonnes.
 * Pass kWh used to get tonnes emitted, or kWh saved to get tonnes avoided;
 * @kwh may be negative (an option that uses more electricity) and the result
 * keeps its sign. The factor must be ≥ 0. */
gboolean  sh_calc_co2e_from_electricity     (double         kwh,
                                             double         grid_factor_t_per_mwh,
                                             double        *out_t_co2e,
                                             GError       **error);

G_END_DECLS
