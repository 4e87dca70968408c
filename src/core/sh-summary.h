/* sh-summary.h — an assessment's computed indicators.
 *
 * One place turns the stored worksheets into the numbers everybody quotes:
 * specific consumption per resource before and after, the saving % against
 * the target band, each option's payback, NPV, IRR and B/C, and the balance
 * closure of each step in each layer. The CLI's `show`, the reports and the
 * app all read them from here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-calc.h"
#include "sh-flows.h"
#include "sh-store.h"
#include "sh-units.h"

G_BEGIN_DECLS

typedef struct
{
  char               *resource_code;
  char               *resource_name;
  char               *unit;             /* consumption unit, e.g. "m3" */
  char               *output_unit;      /* product unit, e.g. "t" */
  gboolean            has_baseline;
  double              baseline_total;
  double              baseline_output;
  double              baseline_sc;      /* unit per output_unit */
  gint64              baseline_cost_vnd;
  gboolean            has_after;
  double              after_total;
  double              after_output;
  double              after_sc;
  gboolean            has_saving;
  double              saving_percent;
  ShCalcTargetStatus  target;
} ShSummaryResource;

typedef struct
{
  gint64    option_id;
  char     *code;
  char     *title;
  char     *category;
  char     *status;
  gint64    investment_vnd;
  gint64    annual_benefit_vnd;   /* net: savings + avoided − ΔO&M */
  guint     life_years;
  double    discount_rate;        /* fraction */
  gboolean  has_payback;
  double    payback_years;
  gboolean  has_npv;
  gint64    npv_vnd;
  gboolean  has_irr;
  double    irr;                  /* fraction */
  char     *irr_note;             /* why there is no IRR, when there is none */
  gboolean  has_bc;
  double    bc_ratio;
  gboolean  has_rank;
  double    rank_score;
  guint     rank;
} ShSummaryOption;

typedef struct
{
  gint64         step_id;
  char          *step_name;
  ShFlowLayer    layer;
  char          *unit;
  ShCalcBalance  balance;
  gboolean       within_tolerance;
} ShSummaryBalance;

typedef struct
{
  gint64      assessment_id;
  char       *facility_name;
  char       *kind;
  char       *title;
  char       *status;
  char       *product;
  double      tolerance_percent;
  double      target_min_percent;
  double      target_max_percent;
  GPtrArray  *resources;   /* ShSummaryResource */
  GPtrArray  *options;     /* ShSummaryOption */
  GPtrArray  *balances;    /* ShSummaryBalance */
  GPtrArray  *notes;       /* char *: what could not be computed, and why */
  gint64      total_investment_vnd;
  gint64      total_benefit_vnd;
  gint64      total_waste_cost_vnd;
} ShSummary;

ShSummary   *sh_summary_compute          (ShStore      *store,
                                          ShUnits      *units,
                                          gint64        assessment_id,
                                          GError      **error);
/* Like sh_summary_compute(), but only the header and the resources
 * (specific consumption, savings, targets): options, balances and waste
 * costs are left empty, and their notes unwritten. For aggregates over many
 * assessments (the provincial roll-up) that need nothing else. */
ShSummary   *sh_summary_compute_resources (ShStore     *store,
                                           ShUnits     *units,
                                           gint64       assessment_id,
                                           GError     **error);
void         sh_summary_free             (ShSummary    *self);

const ShSummaryResource *sh_summary_find_resource (ShSummary  *self,
                                                   const char *resource_code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShSummary, sh_summary_free)

G_END_DECLS
