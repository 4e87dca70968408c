/* sh-flows.h — an assessment's flows, sorted into mass, water and energy layers.
 *
 * A layer never mixes units: every flow in it is converted to the layer's
 * unit through the units table (fuels by their net calorific value). A
 * flow that cannot be converted is not dropped silently: it is listed in
 * the layer set's notes, with the reason, so charts and balances can show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-store.h"
#include "sh-units.h"

G_BEGIN_DECLS

typedef enum
{
  SH_FLOW_LAYER_MASS,
  SH_FLOW_LAYER_WATER,
  SH_FLOW_LAYER_ENERGY,
  SH_FLOW_N_LAYERS,
} ShFlowLayer;

typedef struct
{
  gint64      id;             /* the flow row */
  gint64      from_step_id;   /* 0 for a boundary source */
  gint64      to_step_id;     /* 0 for a boundary sink */
  const char *from_label;     /* the boundary node's name, or NULL */
  const char *to_label;
  const char *substance;
  const char *kind;           /* material, water, energy, product, by_product, waste, emission */
  gboolean    estimated;      /* anything but measured */
  double      value;          /* in the layer's unit */
} ShLayerFlow;

typedef struct _ShFlowLayers ShFlowLayers;

/* Loads the flows of @assessment_id in @phase ("baseline" or "after"). */
ShFlowLayers *sh_flow_layers_load       (ShStore      *store,
                                         ShUnits      *units,
                                         gint64        assessment_id,
                                         const char   *phase,
                                         GError      **error);
void          sh_flow_layers_free       (ShFlowLayers *self);

/* The layer's unit code: "t" or "kg" for mass (whichever the flows use
 * most), "m3" for water, "MJ" for energy. */
const char   *sh_flow_layers_get_unit   (ShFlowLayers *self,
                                         ShFlowLayer   layer);
/* The flows of @layer, in table order (element type ShLayerFlow *). */
GPtrArray    *sh_flow_layers_get_flows  (ShFlowLayers *self,
                                         ShFlowLayer   layer);
/* One line per flow that could not be placed in any layer. */
GPtrArray    *sh_flow_layers_get_notes  (ShFlowLayers *self);

const char   *sh_flow_layer_to_string   (ShFlowLayer   layer);
gboolean      sh_flow_layer_from_string (const char   *text,
                                         ShFlowLayer  *out_layer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShFlowLayers, sh_flow_layers_free)

G_END_DECLS
