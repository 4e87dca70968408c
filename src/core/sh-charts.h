/* sh-charts.h — an assessment's charts, drawn on any cairo_t.
 *
 * One object per chart: it loads what it shows from the store once, and
 * draws the same page on the screen, a PNG, a PDF or an SVG. The kinds:
 *
 * - sankey: the flow diagram of one layer (sh-sankey-assessment.h); when
 *   the assessment has flows after the options in that layer, the baseline
 *   and the after diagram are drawn one above the other at one scale;
 * - consumption: specific consumption per resource, one panel each, with
 *   bars for the baseline, after the options, the sector's benchmarks and
 *   the legal energy norm (only those the reference data has);
 * - pareto: the cost of each waste stream per year, largest first, split
 *   into its parts, with the cumulative share as a line;
 * - savings: the saving % of each resource against the target band;
 * - monitoring: specific consumption period by period, with the baseline
 *   average and the monitoring target.
 *
 * A page is drawn in user units with body text 10 high, which is 10 pt on
 * an A4 page (SH_CHART_PAGE_WIDTH × SH_CHART_PAGE_HEIGHT points). Files of
 * another size are drawn as that page scaled, so they look alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "sh-flows.h"
#include "sh-sankey-assessment.h"
#include "sh-sankey.h"
#include "sh-store.h"
#include "sh-units.h"

G_BEGIN_DECLS

#define SH_CHART_ERROR (sh_chart_error_quark ())

typedef enum
{
  SH_CHART_ERROR_NO_DATA,  /* nothing to draw: no flows, no waste costs, no figures after */
  SH_CHART_ERROR_FORMAT,   /* a file name not ending in .png, .pdf or .svg */
  SH_CHART_ERROR_SIZE,     /* a page too small to draw on, or too large */
  SH_CHART_ERROR_DRAW,     /* cairo could not draw or write the page */
} ShChartError;

typedef enum
{
  SH_CHART_SANKEY,
  SH_CHART_CONSUMPTION,
  SH_CHART_PARETO,
  SH_CHART_SAVINGS,
  SH_CHART_MONITORING,
  SH_CHART_N_KINDS,
} ShChartKind;

typedef enum
{
  SH_CHART_FORMAT_PNG,
  SH_CHART_FORMAT_PDF,
  SH_CHART_FORMAT_SVG,
} ShChartFormat;

/* A4 landscape in points. */
#define SH_CHART_PAGE_WIDTH   842
#define SH_CHART_PAGE_HEIGHT  595

/* Pages smaller or larger than this are refused. */
#define SH_CHART_MIN_SIZE     100
#define SH_CHART_MAX_SIZE   16000

/* What is under a point of a Sankey page. */
typedef struct
{
  ShSankeyHit hit;       /* in the layout of @diagram */
  guint       diagram;   /* 0 the baseline, 1 the diagram after the options */
  gint64      flow_id;   /* the flow row of a link, else 0 */
  gint64      step_id;   /* the process step of a step node, else 0 */
} ShChartHit;

typedef struct _ShChart ShChart;

GQuark                 sh_chart_error_quark          (void);

/* "sankey", "consumption", "pareto", "savings", "monitoring". */
const char            *sh_chart_kind_to_string       (ShChartKind        kind);
gboolean               sh_chart_kind_from_string     (const char        *text,
                                                      ShChartKind       *out_kind);
/* The format a file name asks for, by its extension (any case). */
gboolean               sh_chart_format_from_path     (const char        *path,
                                                      ShChartFormat     *out_format);

/* Loads a chart of @kind (a Sankey shows the mass layer). Fails with
 * SH_CHART_ERROR_NO_DATA, saying what is missing, when there is nothing
 * to draw. */
ShChart               *sh_chart_load                 (ShStore           *store,
                                                      ShUnits           *units,
                                                      gint64             assessment_id,
                                                      ShChartKind        kind,
                                                      GError           **error);
ShChart               *sh_chart_load_sankey          (ShStore           *store,
                                                      ShUnits           *units,
                                                      gint64             assessment_id,
                                                      ShFlowLayer        layer,
                                                      GError           **error);
ShChart               *sh_chart_ref                  (ShChart           *self);
void                   sh_chart_unref                (ShChart           *self);

ShChartKind            sh_chart_get_kind             (ShChart           *self);
gint64                 sh_chart_get_assessment_id    (ShChart           *self);
/* Sankey only: the layer, and one or two diagrams (baseline, after). */
ShFlowLayer            sh_chart_get_layer            (ShChart           *self);
guint                  sh_chart_get_n_diagrams       (ShChart           *self);
ShSankeyDiagram       *sh_chart_get_diagram          (ShChart           *self,
                                                      guint              index);
/* The notes printed under the chart (NULL-terminated, possibly empty). */
const char * const    *sh_chart_get_notes            (ShChart           *self);

/* Draws the page on @cr, whose user space is @width × @height. Fails when
 * the page is too small for the chart. */
gboolean               sh_chart_draw                 (ShChart           *self,
                                                      cairo_t           *cr,
                                                      double             width,
                                                      double             height,
                                                      GError           **error);
/* The page the chart reads best on: A4 landscape, or A4 portrait for a
 * Sankey pair; in points, or for PNG in pixels at 150 dots per inch. */
void                   sh_chart_get_default_size     (ShChart           *self,
                                                      ShChartFormat      format,
                                                      int               *width,
                                                      int               *height);
/* Writes the page to @path as PNG (@width × @height pixels), PDF or SVG
 * (@width × @height points), as the extension says. The file is replaced
 * only once it is complete. */
gboolean               sh_chart_write                (ShChart           *self,
                                                      const char        *path,
                                                      int                width,
                                                      int                height,
                                                      GError           **error);

/* Sankey only, in the coordinates of the last sh_chart_draw() (writing a
 * file does not change them). */
const ShSankeyLayout  *sh_chart_get_layout           (ShChart           *self,
                                                      guint              diagram);
/* Where diagram @diagram's page starts on the chart's page (the second of a
 * pair lies below the first). */
double                 sh_chart_get_diagram_offset   (ShChart           *self,
                                                      guint              diagram);
gboolean               sh_chart_hit_test             (ShChart           *self,
                                                      double             x,
                                                      double             y,
                                                      ShChartHit        *hit);
/* A tooltip for @hit: what a flow carries, its ends, value, kind and
 * provenance, or a node's balance. NULL for nothing. */
char                  *sh_chart_describe             (ShChart           *self,
                                                      const ShChartHit  *hit);
/* The top of the node @hit names, in page coordinates. */
double                 sh_chart_get_node_top         (ShChart           *self,
                                                      const ShChartHit  *hit);
/* The position (0…1) that puts the top of the node @hit names at @y0 (page
 * coordinates); see sh_sankey_graph_set_node_position(). */
double                 sh_chart_get_position_at      (ShChart           *self,
                                                      const ShChartHit  *hit,
                                                      double             y0);
/* Pins step @step_id at @position in every diagram that has it; the next
 * draw honours it. Returns FALSE when no diagram has the step. */
gboolean               sh_chart_set_step_position    (ShChart           *self,
                                                      gint64             step_id,
                                                      double             position);

/* Round steps for an axis from @min to @max with at most @max_ticks ticks:
 * 1, 2 or 5 × 10ⁿ. Returns the number of ticks; *out_first is the first
 * tick at or below @min, the last is at or above @max. */
guint                  sh_chart_nice_ticks           (double             min,
                                                      double             max,
                                                      guint              max_ticks,
                                                      double            *out_first,
                                                      double            *out_step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShChart, sh_chart_unref)

G_END_DECLS
