/* sh-sankey.h — the flow diagram (Sankey): an in-memory graph and its layout.
 *
 * A graph holds the nodes (process steps, boundary sources and sinks) and the
 * flows of one layer, all in the layer's unit. The layout is a pure function
 * of the graph, an area and options: it places columns, scales values to
 * pixels, routes cycle-closing flows as return arcs under the diagram and
 * measures each step's closure error. It draws nothing; sh-sankey-render.h
 * draws a layout on a cairo_t.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SH_SANKEY_ERROR (sh_sankey_error_quark ())

typedef enum
{
  SH_SANKEY_ERROR_DUPLICATE_NODE,   /* a node with that id exists already */
  SH_SANKEY_ERROR_UNKNOWN_NODE,     /* a link names a node that does not exist */
  SH_SANKEY_ERROR_INVALID_VALUE,    /* negative, infinite or NaN flow value */
  SH_SANKEY_ERROR_AREA_TOO_SMALL,   /* the columns or nodes cannot fit the area */
  SH_SANKEY_ERROR_SCALE_TOO_LARGE,  /* a fixed scale makes a column taller than the area */
} ShSankeyError;

typedef enum
{
  SH_SANKEY_NODE_STEP,         /* công đoạn: a process step, checked for balance */
  SH_SANKEY_NODE_SOURCE,       /* an input from outside the boundary */
  SH_SANKEY_NODE_SINK,         /* product, by-product, waste stream, emission */
  SH_SANKEY_NODE_UNACCOUNTED,  /* an explicit "không xác định" sink */
} ShSankeyNodeKind;

typedef enum
{
  SH_SANKEY_LINK_MATERIAL,
  SH_SANKEY_LINK_WATER,
  SH_SANKEY_LINK_ENERGY,
  SH_SANKEY_LINK_PRODUCT,
  SH_SANKEY_LINK_BY_PRODUCT,
  SH_SANKEY_LINK_WASTE,
  SH_SANKEY_LINK_EMISSION,
  SH_SANKEY_N_LINK_KINDS
} ShSankeyLinkKind;

typedef enum
{
  SH_SANKEY_SIDE_NONE,
  SH_SANKEY_SIDE_LEFT,   /* more leaves than enters: the missing input */
  SH_SANKEY_SIDE_RIGHT,  /* more enters than leaves: the missing output */
} ShSankeySide;

typedef enum
{
  SH_SANKEY_SINKS_LAST_COLUMN,       /* every sink in the rightmost column */
  SH_SANKEY_SINKS_BESIDE_PRODUCER,   /* a sink one column right of its last producer */
} ShSankeySinkPlacement;

typedef struct
{
  double x;
  double y;
} ShSankeyPoint;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} ShSankeyRect;

typedef struct
{
  double                node_width;      /* width of a node bar; default 12 */
  double                node_padding;    /* least vertical gap in a column; default 14 */
  double                min_link_width;  /* hairline for flows too small to see; default 1 */
  double                fixed_scale;     /* pixels per unit; 0 fits the area (default) */
  double                tolerance;       /* closure error in % above which a step is flagged; 5 */
  guint                 iterations;      /* relaxation passes; default 6 */
  ShSankeySinkPlacement sinks;           /* default SH_SANKEY_SINKS_LAST_COLUMN */
  double                stub_length;     /* how far the unaccounted stub sticks out; default 22 */
} ShSankeyOptions;

/* A node as laid out. Pointers belong to the graph the layout holds. */
typedef struct
{
  const char       *id;
  const char       *label;
  ShSankeyNodeKind  kind;
  guint             column;
  double            x0, y0, x1, y1;   /* the bar */
  double            value_in;         /* sum of inflows, return flows included */
  double            value_out;        /* sum of outflows, return flows included */
  double            value;            /* max (value_in, value_out): what the height shows */
  double            unaccounted;      /* steps only: value_in − value_out, else 0 */
  double            closure_error;    /* steps only: (in − out) / in × 100, −100 when in is 0 */
  gboolean          flagged;          /* |closure_error| > tolerance */
  ShSankeySide      stub_side;        /* NONE when the step balances */
  double            stub_x0, stub_y0, stub_x1, stub_y1;
  gboolean          pinned;           /* placed at its graph position, not relaxed */
} ShSankeyNode;

/* A link as laid out. Links keep the order in which they were added. */
typedef struct
{
  guint             source;           /* node indices */
  guint             target;
  double            value;
  ShSankeyLinkKind  kind;
  gboolean          estimated;
  gint64            caller_id;
  gboolean          is_return;        /* closes a cycle: routed under the diagram */
  double            width;            /* value × scale, at least the hairline */
  double            x0, y0;           /* centre of the band at the source's right edge */
  double            x1, y1;           /* centre of the band at the target's left edge */
  /* Return arcs only: the centre line as a right-down-left-up-right
   * polyline whose four inner corners are rounded with @radius. A forward
   * link is the cubic Bézier (x0,y0) (xm,y0) (xm,y1) (x1,y1), xm the middle. */
  ShSankeyPoint     path[6];
  double            radius;
} ShSankeyLink;

typedef enum
{
  SH_SANKEY_HIT_NONE,
  SH_SANKEY_HIT_NODE,
  SH_SANKEY_HIT_STUB,   /* a step's unaccounted stub; index is the node */
  SH_SANKEY_HIT_LINK,
} ShSankeyHitKind;

typedef struct
{
  ShSankeyHitKind kind;
  guint           index;      /* node or link index */
  gint64          caller_id;  /* the link's caller id, 0 otherwise */
} ShSankeyHit;

typedef struct _ShSankeyGraph  ShSankeyGraph;
typedef struct _ShSankeyLayout ShSankeyLayout;

GQuark               sh_sankey_error_quark           (void);

const char          *sh_sankey_link_kind_to_string   (ShSankeyLinkKind   kind);
gboolean             sh_sankey_link_kind_from_string (const char        *str,
                                                      ShSankeyLinkKind  *kind);
const char          *sh_sankey_node_kind_to_string   (ShSankeyNodeKind   kind);
gboolean             sh_sankey_node_kind_from_string (const char        *str,
                                                      ShSankeyNodeKind  *kind);

/* @unit is what every value is in ("m³", "kg", "MJ"); the caption shows it. */
ShSankeyGraph       *sh_sankey_graph_new             (const char        *unit);
ShSankeyGraph       *sh_sankey_graph_ref             (ShSankeyGraph     *graph);
void                 sh_sankey_graph_unref           (ShSankeyGraph     *graph);
const char          *sh_sankey_graph_get_unit        (const ShSankeyGraph *graph);
guint                sh_sankey_graph_get_n_nodes     (const ShSankeyGraph *graph);
guint                sh_sankey_graph_get_n_links     (const ShSankeyGraph *graph);
gboolean             sh_sankey_graph_add_node        (ShSankeyGraph     *graph,
                                                      const char        *id,
                                                      const char        *label,
                                                      ShSankeyNodeKind   kind,
                                                      GError           **error);
gboolean             sh_sankey_graph_lookup_node     (const ShSankeyGraph *graph,
                                                      const char        *id,
                                                      guint             *index);
/* Pins a node at @position, a fraction of the height it can travel: 0
 * puts its top at the top of the diagram, 1 its bottom at the bottom (above
 * the return arcs). A fraction rather than pixels keeps a dragged node in
 * its place whatever the size of the page. The layout moves a pinned node
 * only as far as the padding to its neighbours requires. NAN unpins it.
 * Returns FALSE when there is no node @id. */
gboolean             sh_sankey_graph_set_node_position (ShSankeyGraph *graph,
                                                      const char        *id,
                                                      double             position);
/* The node's pinned position, or NAN when it is not pinned. */
double               sh_sankey_graph_get_node_position (const ShSankeyGraph *graph,
                                                      guint              index);
/* @value is already in the graph's unit; @caller_id maps a click back to
 * the caller's row (a flow id), 0 when there is none. */
gboolean             sh_sankey_graph_add_link        (ShSankeyGraph     *graph,
                                                      const char        *source_id,
                                                      const char        *target_id,
                                                      double             value,
                                                      ShSankeyLinkKind   kind,
                                                      gboolean           estimated,
                                                      gint64             caller_id,
                                                      GError           **error);

void                 sh_sankey_options_init          (ShSankeyOptions   *options);

/* Lays @graph out in @area. @options may be NULL for the defaults. The
 * layout keeps a reference on @graph; do not add to the graph while a layout
 * of it is in use. */
ShSankeyLayout      *sh_sankey_layout_new            (ShSankeyGraph         *graph,
                                                      const ShSankeyRect    *area,
                                                      const ShSankeyOptions *options,
                                                      GError               **error);
ShSankeyLayout      *sh_sankey_layout_ref            (ShSankeyLayout    *layout);
void                 sh_sankey_layout_unref          (ShSankeyLayout    *layout);
ShSankeyGraph       *sh_sankey_layout_get_graph      (const ShSankeyLayout *layout);
const ShSankeyRect  *sh_sankey_layout_get_area       (const ShSankeyLayout *layout);
const ShSankeyOptions *sh_sankey_layout_get_options  (const ShSankeyLayout *layout);
/* Pixels per unit; pass it as fixed_scale to draw another graph alike. */
double               sh_sankey_layout_get_scale      (const ShSankeyLayout *layout);
/* The padding used: node_padding, or less when that many nodes need it. */
double               sh_sankey_layout_get_padding    (const ShSankeyLayout *layout);
guint                sh_sankey_layout_get_n_columns  (const ShSankeyLayout *layout);
guint                sh_sankey_layout_get_n_returns  (const ShSankeyLayout *layout);
const ShSankeyNode  *sh_sankey_layout_get_nodes      (const ShSankeyLayout *layout,
                                                      guint             *n_nodes);
const ShSankeyLink  *sh_sankey_layout_get_links      (const ShSankeyLayout *layout,
                                                      guint             *n_links);
/* The position (see sh_sankey_graph_set_node_position()) that puts the top
 * of node @index at @y0 in this layout, clamped to 0…1. */
double               sh_sankey_layout_get_position_at (const ShSankeyLayout *layout,
                                                      guint              index,
                                                      double             y0);
/* Finds what is under (@x, @y): a node before its stub before a link; of
 * overlapping links, the narrowest, since it is drawn on top. */
gboolean             sh_sankey_layout_hit_test       (const ShSankeyLayout *layout,
                                                      double             x,
                                                      double             y,
                                                      ShSankeyHit       *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShSankeyGraph, sh_sankey_graph_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShSankeyLayout, sh_sankey_layout_unref)

G_END_DECLS
