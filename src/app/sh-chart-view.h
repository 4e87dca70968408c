/* sh-chart-view.h — one chart of an assessment, on screen.
 *
 * Shows the flow diagram (Sankey) of an assessment with a switch between
 * its mass, water and energy layers, or one of the other charts
 * (sh-charts.h). The picture is drawn once into a cached surface and
 * redrawn only when the size changes or the view is told the data changed
 * (sh_chart_view_reload()). On a Sankey, hovering a flow shows its details,
 * clicking a flow emits ::flow-activated with the flow's row id, and a
 * process step can be dragged up or down: its place is saved in
 * process_step.layout_y and kept when the diagram is drawn again. The
 * export button writes the chart as PNG, PDF or SVG.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-charts.h"
#include "sh-store.h"

G_BEGIN_DECLS

#define SH_TYPE_CHART_VIEW (sh_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (ShChartView, sh_chart_view, SH, CHART_VIEW, GtkWidget)

GtkWidget   *sh_chart_view_new          (void);

/* Shows the Sankey of @layer; the layer switch is shown with it. */
void         sh_chart_view_show_sankey  (ShChartView   *self,
                                         ShStore       *store,
                                         gint64         assessment_id,
                                         ShFlowLayer    layer);
/* Shows a chart of another @kind (SH_CHART_SANKEY shows the mass layer). */
void         sh_chart_view_show_chart   (ShChartView   *self,
                                         ShStore       *store,
                                         gint64         assessment_id,
                                         ShChartKind    kind);
/* Loads the data again and redraws; call it after editing what the chart
 * shows. */
void         sh_chart_view_reload       (ShChartView   *self);
/* Writes the chart to @path as the extension says (.png, .pdf, .svg), on
 * an A4 page (PNG at 150 dpi). */
gboolean     sh_chart_view_export       (ShChartView   *self,
                                         const char    *path,
                                         GError       **error);

ShChartKind  sh_chart_view_get_kind     (ShChartView   *self);
/* The Sankey's layer (also "layer", which the layer switch sets). */
ShFlowLayer  sh_chart_view_get_layer    (ShChartView   *self);
void         sh_chart_view_set_layer    (ShChartView   *self,
                                         ShFlowLayer    layer);
/* The chart shown, or NULL when the view shows why there is none. */
ShChart     *sh_chart_view_get_chart    (ShChartView   *self);
/* Why there is no chart ("… has no water flows to draw."), or NULL. */
const char  *sh_chart_view_get_message  (ShChartView   *self);

G_END_DECLS
