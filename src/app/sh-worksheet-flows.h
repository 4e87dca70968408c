/* sh-worksheet-flows.h — W5–W7: the flows, their diagram and the balances.
 *
 * The flow table (from, to, substance, quantity, unit, measured or
 * estimated) is edited here. In DIAGRAM mode (task 4) it sits under the
 * flow diagram, with a switch between the mass, water and energy layers;
 * clicking a flow in the diagram brings its row into view. In BALANCE mode
 * (task 5) it sits under the balance of every step in every layer, with
 * the closure error computed live and a warning where it passes the
 * assessment's tolerance, and beside a view of one step at a time: the
 * flows that enter and leave it (from, to, substance, quantity, unit,
 * measured or estimated) with its balance in each layer and a warning past
 * the tolerance, updated as quantities are typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"
#include "sh-flows.h"

G_BEGIN_DECLS

typedef enum
{
  SH_WORKSHEET_FLOWS_DIAGRAM,
  SH_WORKSHEET_FLOWS_BALANCE,
} ShWorksheetFlowsMode;

#define SH_TYPE_WORKSHEET_FLOWS (sh_worksheet_flows_get_type ())

G_DECLARE_FINAL_TYPE (ShWorksheetFlows, sh_worksheet_flows, SH, WORKSHEET_FLOWS, GtkWidget)

GtkWidget   *sh_worksheet_flows_new            (ShEditContext        *ctx,
                                                ShWorksheetFlowsMode  mode);

/* The diagram's layer (DIAGRAM mode). */
ShFlowLayer  sh_worksheet_flows_get_layer      (ShWorksheetFlows     *self);
void         sh_worksheet_flows_set_layer      (ShWorksheetFlows     *self,
                                                ShFlowLayer           layer);
/* Brings the row of flow @flow_id into view and focuses it, as clicking
 * the flow in the diagram does. FALSE if no row shows that flow. */
gboolean     sh_worksheet_flows_select_flow    (ShWorksheetFlows     *self,
                                                gint64                flow_id);
/* The flow whose row was selected last, or 0. */
gint64       sh_worksheet_flows_get_selected_flow (ShWorksheetFlows  *self);

/* Balances whose closure error passes the tolerance, as shown. */
guint        sh_worksheet_flows_get_n_warnings (ShWorksheetFlows     *self);
/* The closure shown for @step_id in @layer ("8,2%"), or NULL. */
const char  *sh_worksheet_flows_get_closure_text (ShWorksheetFlows   *self,
                                                  gint64              step_id,
                                                  ShFlowLayer         layer);

/* BALANCE mode, one step at a time: shows @step_id (FALSE if the
 * assessment has no such step); the step shown, 0 when there is none. */
gboolean     sh_worksheet_flows_select_step    (ShWorksheetFlows     *self,
                                                gint64                step_id);
gint64       sh_worksheet_flows_get_step       (ShWorksheetFlows     *self);
/* Adds a flow into (@output FALSE) or out of the step shown, from or to
 * outside the plant, as its buttons do. Returns its id or 0. */
gint64       sh_worksheet_flows_add_step_flow  (ShWorksheetFlows     *self,
                                                gboolean              output,
                                                GError              **error);
/* The rows of flows in and out of the step shown. */
guint        sh_worksheet_flows_get_step_n_flows (ShWorksheetFlows   *self);
/* The step's closure in @layer as shown ("8,2%"), or NULL. */
const char  *sh_worksheet_flows_get_step_closure_text (ShWorksheetFlows *self,
                                                       ShFlowLayer       layer);
/* The step's warning past the tolerance, or NULL when none shows. */
const char  *sh_worksheet_flows_get_step_warning (ShWorksheetFlows   *self);

G_END_DECLS
