/* sh-chart-view-private.h — the pointer's path through a chart view.
 *
 * The event controllers of the canvas call these with the canvas's
 * coordinates; the UI test calls them directly, since GTK has no public way
 * to synthesize pointer events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-chart-view.h"

G_BEGIN_DECLS

GtkWidget  *sh_chart_view_get_canvas    (ShChartView *self);
/* Page units per canvas pixel are 1 / zoom. */
double      sh_chart_view_get_zoom      (ShChartView *self);
/* Whether the cached picture is up to date (nothing to redraw). */
gboolean    sh_chart_view_is_drawn      (ShChartView *self);

/* The tooltip at (@x, @y), or NULL. */
char       *sh_chart_view_describe_at   (ShChartView *self,
                                         double       x,
                                         double       y);
/* A press at (@x, @y), a move by (@dx, @dy) from there, and the release
 * after moving by (@dx, @dy): a click when it did not move. */
void        sh_chart_view_press         (ShChartView *self,
                                         double       x,
                                         double       y);
void        sh_chart_view_move          (ShChartView *self,
                                         double       dx,
                                         double       dy);
void        sh_chart_view_release       (ShChartView *self,
                                         double       dx,
                                         double       dy);

G_END_DECLS
