/* sh-sankey-assessment.h — an assessment's flows as a flow diagram (Sankey).
 *
 * The adapter between the store and the Sankey layout: it takes the flows of
 * one assessment, phase and layer (sh-flows.h) and makes the graph, with
 * the process steps as step nodes, the boundary labels as sources and
 * sinks, and each flow's row id as its link's caller id, so a click on the
 * diagram finds the row. It also writes the title and caption (facility,
 * assessment, layer, period) and the notes on flows left out, and keeps the
 * steps' hand-placed positions (process_step.layout_y).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "sh-flows.h"
#include "sh-sankey-render.h"
#include "sh-sankey.h"
#include "sh-store.h"
#include "sh-units.h"

G_BEGIN_DECLS

typedef struct _ShSankeyDiagram ShSankeyDiagram;

/* Loads the flows of @assessment_id in @phase ("baseline" or "after") and
 * @layer. An assessment without flows in that layer gives a diagram with
 * an empty graph, not an error; flows that could not be converted to the
 * layer's unit, or are counted over another period than the rest, are left
 * out of the graph and listed in the notes. */
ShSankeyDiagram    *sh_sankey_diagram_load               (ShStore          *store,
                                                          ShUnits          *units,
                                                          gint64            assessment_id,
                                                          const char       *phase,
                                                          ShFlowLayer       layer,
                                                          GError          **error);
ShSankeyDiagram    *sh_sankey_diagram_ref                (ShSankeyDiagram  *self);
void                sh_sankey_diagram_unref              (ShSankeyDiagram  *self);

ShSankeyGraph      *sh_sankey_diagram_get_graph          (ShSankeyDiagram  *self);
gint64              sh_sankey_diagram_get_assessment_id  (ShSankeyDiagram  *self);
const char         *sh_sankey_diagram_get_phase          (ShSankeyDiagram  *self);
ShFlowLayer         sh_sankey_diagram_get_layer          (ShSankeyDiagram  *self);
/* "Facility — assessment title". */
const char         *sh_sankey_diagram_get_title          (ShSankeyDiagram  *self);
/* The layer, unit and period, and the phase with its dates. */
const char         *sh_sankey_diagram_get_caption        (ShSankeyDiagram  *self);
/* Replaces the caption, e.g. to add that a pair shares one scale. */
void                sh_sankey_diagram_set_caption        (ShSankeyDiagram  *self,
                                                          const char       *caption);
/* NULL-terminated, possibly empty: flows not drawn, and why. */
const char * const *sh_sankey_diagram_get_notes          (ShSankeyDiagram  *self);
/* The assessment's balance tolerance in %. */
double              sh_sankey_diagram_get_tolerance      (ShSankeyDiagram  *self);

/* Fills @options with the defaults and the assessment's tolerance. */
void                sh_sankey_diagram_init_options       (ShSankeyDiagram  *self,
                                                          ShSankeyOptions  *options);
/* The size of the body text in page units (0 for the renderer's 10). */
void                sh_sankey_diagram_set_font_size      (ShSankeyDiagram  *self,
                                                          double            size);
/* Fills @style with the defaults, the title, the caption, the notes and
 * the font size; the strings belong to @self. */
void                sh_sankey_diagram_init_style         (ShSankeyDiagram  *self,
                                                          ShSankeyStyle    *style);

/* The process step of graph node @index, or 0 for a boundary node. */
gint64              sh_sankey_diagram_get_step_id        (ShSankeyDiagram  *self,
                                                          guint             index);
/* The graph node of step @step_id, if the step has flows in this layer. */
gboolean            sh_sankey_diagram_find_step          (ShSankeyDiagram  *self,
                                                          gint64            step_id,
                                                          guint            *index);
/* What flow @flow_id carries ("Nước rửa củ"), or NULL if it is not drawn. */
const char         *sh_sankey_diagram_get_substance      (ShSankeyDiagram  *self,
                                                          gint64            flow_id);
/* Pins step @step_id at @position (see sh_sankey_graph_set_node_position())
 * in the graph only; saving it is the caller's business. Returns FALSE when
 * the step is not in this diagram. */
gboolean            sh_sankey_diagram_set_step_position  (ShSankeyDiagram  *self,
                                                          gint64            step_id,
                                                          double            position);

/* Lays out @before and @after for two @width × @height pages at one scale,
 * the largest at which both fit, so that a band of a given width means the
 * same amount in both. */
gboolean            sh_sankey_diagram_layout_pair        (cairo_t          *cr,
                                                          ShSankeyDiagram  *before,
                                                          ShSankeyDiagram  *after,
                                                          double            width,
                                                          double            height,
                                                          ShSankeyLayout  **out_before,
                                                          ShSankeyLayout  **out_after,
                                                          GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShSankeyDiagram, sh_sankey_diagram_unref)

G_END_DECLS
