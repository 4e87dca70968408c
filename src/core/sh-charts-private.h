/* sh-charts-private.h — what sh-charts.c loads and sh-charts-draw.c draws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-calc.h"
#include "sh-charts.h"

G_BEGIN_DECLS

/* One panel of the consumption chart, all in unit per unit of product. */
typedef struct
{
  char     *name;
  char     *unit;            /* "m³/t" */
  gboolean  has_baseline;
  double    baseline;
  gboolean  has_after;
  double    after;
  guint     n_benchmarks;    /* 0: the reference data has none that fits */
  double    benchmark_min;
  double    benchmark_max;
  gboolean  has_norm;
  double    norm;            /* the legal maximum */
} ShChartConsumption;

/* The parts of a waste stream's cost (W8), in đồng per year. */
typedef enum
{
  SH_CHART_WASTE_MATERIAL,
  SH_CHART_WASTE_ENERGY,
  SH_CHART_WASTE_TREATMENT,
  SH_CHART_WASTE_FEES,
  SH_CHART_WASTE_N_PARTS,
} ShChartWastePart;

typedef struct
{
  char   *name;
  gint64  parts[SH_CHART_WASTE_N_PARTS];
  gint64  total;
} ShChartWaste;

typedef struct
{
  char               *name;
  double              percent;
  ShCalcTargetStatus  status;
} ShChartSaving;

typedef struct
{
  char     *label;     /* the period, "H1/2023" */
  double    value;
  gboolean  after;     /* recorded after the options */
} ShChartPoint;

typedef struct
{
  char     *name;
  char     *unit;
  GArray   *points;    /* ShChartPoint, in time order */
  gboolean  has_mean;
  double    mean;      /* the baseline's output-weighted average */
  gboolean  has_target;
  double    target;    /* the monitoring plan's target */
} ShChartSeries;

struct _ShChart
{
  grefcount         ref_count;
  ShChartKind       kind;
  gint64            assessment_id;
  char             *title;
  char             *caption;
  GPtrArray        *notes;          /* char *, NULL-terminated */

  /* sankey */
  ShFlowLayer       layer;
  guint             n_diagrams;
  ShSankeyDiagram  *diagrams[2];
  ShSankeyLayout   *layouts[2];     /* of the last draw */
  double            offsets[2];

  /* the other kinds: ShChartConsumption, ShChartWaste, ShChartSaving or
   * ShChartSeries */
  GPtrArray        *items;
  double            target_min;
  double            target_max;
};

/* Draws a chart of any kind but sankey on a @width × @height page. */
gboolean  sh_chart_draw_plot  (ShChart  *self,
                               cairo_t  *cr,
                               double    width,
                               double    height,
                               GError  **error);

G_END_DECLS
