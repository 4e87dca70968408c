/* sh-report-rollup.h — the provincial roll-up a DoIT sends to the ministry.
 *
 * The numbers come from the facilities of the province and their records
 * in the database (on a DoIT's computer: the annual reports and dossiers it
 * imported). The method, also written into every roll-up document:
 *
 *  - aware of CP: a training event dated by the end of the year, or an
 *    assessment started by then (or undated);
 *  - applying CP: an assessment as above, at least one option implemented
 *    (finished by the end of the year, or undated) and an annual report for
 *    the year (DOMAIN.md §1.2);
 *  - a CP unit: a decision number establishing it, or at least one CP team
 *    member; counted among medium and large enterprises;
 *  - the percentages are of the province's facilities in the database,
 *    unless the DoIT declares the total number of industrial facilities;
 *  - the average saving per unit of product: for each assessment of an
 *    applying facility that the year's annual report covers, the mean saving
 *    of its resources weighted by their baseline cost (the plain mean when
 *    no costs are known); then the mean of those, weighted by each
 *    assessment's output after the options, expressed in the base unit of
 *    its dimension (kg, m3, standard bricks…);
 *  - activities: training events dated in the year; assessments ended in
 *    the year (or started in it, when they have no end date).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-report-common.h"
#include "sh-store.h"
#include "sh-units.h"

G_BEGIN_DECLS

/* What the DoIT states that the database does not hold. Numbers below
 * zero and NULL strings are "not stated" and left out of the document. */
typedef struct
{
  const char *province_code;
  int         year;
  gint64      declared_total;        /* all industrial facilities of the province */
  gint64      demonstration_models;
  gint64      doit_cp_staff;
  gint64      budget_central_vnd;
  gint64      budget_local_vnd;
  gint64      budget_other_vnd;
  const char *difficulties;
  const char *proposals;
} ShReportRollupParams;

/* Sets @province_code and @year and marks everything else not stated. */
void         sh_report_rollup_params_init (ShReportRollupParams *params,
                                           const char           *province_code,
                                           int                   year);

typedef struct
{
  gint64    facility_id;
  char     *facility_uuid;
  char     *name;
  char     *size_class;       /* as stored, or NULL */
  gboolean  aware;
  gboolean  applying;
  gboolean  has_cp_unit;
  gboolean  has_annual_report;
} ShRollupFacility;

/* One assessment's contribution to the average saving. */
typedef struct
{
  char   *facility_uuid;
  char   *assessment_uuid;
  double  saving_percent;
  double  output;
  char   *output_unit;        /* a unit code */
} ShRollupSaving;

typedef struct
{
  char       *province_code;
  int         year;
  gint64      total;             /* the denominator */
  gboolean    total_declared;
  gint64      aware;
  gint64      applying;
  gint64      medium_large;
  gint64      with_cp_unit;
  gboolean    has_average;
  double      average_saving_percent;
  gint64      trainings;
  gint64      participants;
  gint64      quick;
  gint64      detailed;
  gint64      follow_up;
  GPtrArray  *facilities;        /* ShRollupFacility */
  GPtrArray  *savings;           /* ShRollupSaving */
} ShReportRollup;

void         sh_rollup_saving_free        (ShRollupSaving       *saving);
void         sh_report_rollup_free        (ShReportRollup       *rollup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShReportRollup, sh_report_rollup_free)

/* The facilities (ShRecord) the roll-up of @province_code for @year
 * covers: those recorded under its code, and those still under the code of
 * a province that merged into it and had ended before the year's end. */
GPtrArray      *sh_report_rollup_list_facilities (ShStore     *store,
                                                  const char  *province_code,
                                                  int          year,
                                                  GError     **error);

ShReportRollup *sh_report_rollup_compute  (ShStore                    *store,
                                           ShUnits                    *units,
                                           const ShReportRollupParams *params,
                                           GError                    **error);

/* Writes the roll-up document to @path (see sh-report-export.h for how),
 * and returns its numbers in @out_rollup if not NULL. */
gboolean     sh_report_export_rollup      (ShStore                    *store,
                                           ShUnits                    *units,
                                           const ShReportRollupParams *params,
                                           const char                 *path,
                                           ShReportRollup            **out_rollup,
                                           GPtrArray                 **out_problems,
                                           GError                    **error);

/* The formulas, as pure functions. */

/* Σ vᵢ·wᵢ / Σ wᵢ; the plain mean of @values when the weights add up to 0.
 * Weights must be ≥ 0 and everything finite; @n must be > 0. */
gboolean     sh_report_rollup_weighted_mean (const double *values,
                                             const double *weights,
                                             gsize         n,
                                             double       *out_mean,
                                             GError      **error);
/* @count of @total as a percentage rounded to 2 decimals; FALSE when
 * @total is 0. */
gboolean     sh_report_rollup_percent     (gint64                      count,
                                           gint64                      total,
                                           double                     *out_percent);
/* The output-weighted average saving of @savings (ShRollupSaving), outputs
 * converted to the base unit of their dimension through @units. */
gboolean     sh_report_rollup_average_saving (ShUnits    *units,
                                              GPtrArray  *savings,
                                              double     *out_percent,
                                              GError    **error);

G_END_DECLS
