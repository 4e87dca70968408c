/* sh-sankey.c — the flow diagram (Sankey) graph and its column layout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sh-sankey.h"

/* Return arcs run in lanes under the nodes: the first lane starts this far
 * below the lowest node, lanes are this far apart, and an arc turns down this
 * far beyond the node it leaves, plus its own half width. */
#define RETURN_GAP      10.0
#define RETURN_SPACING   3.0
#define RETURN_OFFSET    6.0
#define RETURN_CORNER    4.0

/* Anything closer than this (relative to the flows) counts as balanced, so
 * that rounding in the caller's unit conversions does not draw a stub. */
#define BALANCE_EPSILON 1e-9

/* Enough halvings to pin the scale to the last representable pixel. */
#define SCALE_BISECTIONS 60

typedef struct
{
  char             *id;
  char             *label;
  ShSankeyNodeKind  kind;
  double            position;    /* NAN unless pinned */
} GraphNode;

typedef struct
{
  guint             source;
  guint             target;
  double            value;
  ShSankeyLinkKind  kind;
  gboolean          estimated;
  gint64            caller_id;
} GraphLink;

struct _ShSankeyGraph
{
  grefcount   ref_count;
  char       *unit;
  GArray     *nodes;
  GArray     *links;
  GHashTable *ids;
};

struct _ShSankeyLayout
{
  grefcount        ref_count;
  ShSankeyGraph   *graph;
  ShSankeyRect     area;
  ShSankeyOptions  options;
  double           scale;
  double           padding;
  double           node_bottom;
  guint            n_columns;
  guint            n_returns;
  guint            n_nodes;
  guint            n_links;
  ShSankeyNode    *nodes;
  ShSankeyLink    *links;
};

typedef struct
{
  double key;
  guint  index;
} SortItem;

/* The working state of one layout run. Adjacency is kept as compressed rows
 * filled in link order, so every walk over it is in insertion order and the
 * result never depends on hashing or allocation. */
typedef struct
{
  ShSankeyLayout *layout;
  guint          *out_start;
  guint          *out_links;
  guint          *in_start;
  guint          *in_links;
  guint          *col_start;
  guint          *col_nodes;
  double         *height;
  double         *stub_width;
  guint          *returns;       /* return links, innermost lane first */
  double         *lane_y;        /* per link: centre of its lane, return links only */
  double         *offset_out;    /* per link: where a return arc turns down */
  double         *offset_in;     /* per link: where a return arc turns up */
  double         *port_out;      /* per link: its source end, below the source's top */
  double         *port_in;       /* per link: its target end, below the target's top */
  double          node_bottom;   /* lowest y a node may reach */
  SortItem       *items;         /* one node's link ends while they are sorted */
} Work;

G_DEFINE_QUARK (sh-sankey-error-quark, sh_sankey_error)

static const char * const link_kind_names[SH_SANKEY_N_LINK_KINDS] = {
  "material", "water", "energy", "product", "by_product", "waste", "emission",
};

static const char * const node_kind_names[] = {
  "step", "source", "sink", "unaccounted",
};

const char *
sh_sankey_link_kind_to_string (ShSankeyLinkKind kind)
{
  g_return_val_if_fail (kind < SH_SANKEY_N_LINK_KINDS, NULL);

  return link_kind_names[kind];
}

gboolean
sh_sankey_link_kind_from_string (const char       *str,
                                 ShSankeyLinkKind *kind)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (link_kind_names); i++)
    {
      if (g_str_equal (str, link_kind_names[i]))
        {
          if (kind != NULL)
            *kind = (ShSankeyLinkKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sh_sankey_node_kind_to_string (ShSankeyNodeKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (node_kind_names), NULL);

  return node_kind_names[kind];
}

gboolean
sh_sankey_node_kind_from_string (const char       *str,
                                 ShSankeyNodeKind *kind)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (node_kind_names); i++)
    {
      if (g_str_equal (str, node_kind_names[i]))
        {
          if (kind != NULL)
            *kind = (ShSankeyNodeKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* ------------------------------------------------------------------ graph */

static void
clear_graph_node (gpointer data)
{
  GraphNode *node = data;

  g_free (node->id);
  g_free (node->label);
}

ShSankeyGraph *
sh_sankey_graph_new (const char *unit)
{
  ShSankeyGraph *graph = g_new0 (ShSankeyGraph, 1);

  g_ref_count_init (&graph->ref_count);
  graph->unit = g_strdup (unit != NULL ? unit : "");
  graph->nodes = g_array_new (FALSE, FALSE, sizeof (GraphNode));
  g_array_set_clear_func (graph->nodes, clear_graph_node);
  graph->links = g_array_new (FALSE, FALSE, sizeof (GraphLink));
  /* Keys are the nodes' own id strings; the hash only answers lookups and
   * is never iterated, so it cannot make the layout depend on hash order. */
  graph->ids = g_hash_table_new (g_str_hash, g_str_equal);

  return graph;
}

ShSankeyGraph *
sh_sankey_graph_ref (ShSankeyGraph *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);

  g_ref_count_inc (&graph->ref_count);
  return graph;
}

void
sh_sankey_graph_unref (ShSankeyGraph *graph)
{
  g_return_if_fail (graph != NULL);

  if (!g_ref_count_dec (&graph->ref_count))
    return;

  g_hash_table_unref (graph->ids);
  g_array_unref (graph->nodes);
  g_array_unref (graph->links);
  g_free (graph->unit);
  g_free (graph);
}

const char *
sh_sankey_graph_get_unit (const ShSankeyGraph *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);

  return graph->unit;
}

guint
sh_sankey_graph_get_n_nodes (const ShSankeyGraph *graph)
{
  g_return_val_if_fail (graph != NULL, 0);

  return graph->nodes->len;
}

guint
sh_sankey_graph_get_n_links (const ShSankeyGraph *graph)
{
  g_return_val_if_fail (graph != NULL, 0);

  return graph->links->len;
}

gboolean
sh_sankey_graph_add_node (ShSankeyGraph     *graph,
                          const char        *id,
                          const char        *label,
                          ShSankeyNodeKind   kind,
                          GError           **error)
{
  GraphNode node;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (kind <= SH_SANKEY_NODE_UNACCOUNTED, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_hash_table_contains (graph->ids, id))
    {
      g_set_error (error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_DUPLICATE_NODE,
                   _("The diagram already has a node “%s”"), id);
      return FALSE;
    }

  node.id = g_strdup (id);
  node.label = g_strdup (label != NULL ? label : id);
  node.kind = kind;
  node.position = NAN;
  g_array_append_val (graph->nodes, node);
  g_hash_table_insert (graph->ids, node.id, GUINT_TO_POINTER (graph->nodes->len));

  return TRUE;
}

gboolean
sh_sankey_graph_lookup_node (const ShSankeyGraph *graph,
                             const char          *id,
                             guint               *index)
{
  guint stored;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  /* Indices are stored plus one so that node 0 is not mistaken for NULL. */
  stored = GPOINTER_TO_UINT (g_hash_table_lookup (graph->ids, id));
  if (stored == 0)
    return FALSE;

  if (index != NULL)
    *index = stored - 1;
  return TRUE;
}

gboolean
sh_sankey_graph_set_node_position (ShSankeyGraph *graph,
                                   const char    *id,
                                   double         position)
{
  guint index;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (isnan (position) || (position >= 0 && position <= 1), FALSE);

  if (!sh_sankey_graph_lookup_node (graph, id, &index))
    return FALSE;

  g_array_index (graph->nodes, GraphNode, index).position = position;
  return TRUE;
}

double
sh_sankey_graph_get_node_position (const ShSankeyGraph *graph,
                                   guint                index)
{
  g_return_val_if_fail (graph != NULL, NAN);
  g_return_val_if_fail (index < graph->nodes->len, NAN);

  return g_array_index (graph->nodes, GraphNode, index).position;
}

gboolean
sh_sankey_graph_add_link (ShSankeyGraph     *graph,
                          const char        *source_id,
                          const char        *target_id,
                          double             value,
                          ShSankeyLinkKind   kind,
                          gboolean           estimated,
                          gint64             caller_id,
                          GError           **error)
{
  GraphLink link = { 0, };

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (source_id != NULL, FALSE);
  g_return_val_if_fail (target_id != NULL, FALSE);
  g_return_val_if_fail (kind < SH_SANKEY_N_LINK_KINDS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sh_sankey_graph_lookup_node (graph, source_id, &link.source))
    {
      g_set_error (error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_UNKNOWN_NODE,
                   _("The diagram has no node “%s”"), source_id);
      return FALSE;
    }
  if (!sh_sankey_graph_lookup_node (graph, target_id, &link.target))
    {
      g_set_error (error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_UNKNOWN_NODE,
                   _("The diagram has no node “%s”"), target_id);
      return FALSE;
    }
  if (!isfinite (value) || value < 0)
    {
      g_set_error (error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_INVALID_VALUE,
                   _("The flow from “%s” to “%s” has the value %g; a flow is a finite "
                   "amount of zero or more"), source_id, target_id, value);
      return FALSE;
    }

  link.value = value;
  link.kind = kind;
  link.estimated = !!estimated;
  link.caller_id = caller_id;
  g_array_append_val (graph->links, link);

  return TRUE;
}

/* ---------------------------------------------------------------- options */

void
sh_sankey_options_init (ShSankeyOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->node_width = 12;
  options->node_padding = 14;
  options->min_link_width = 1;
  options->fixed_scale = 0;
  options->tolerance = 5;
  options->iterations = 6;
  options->sinks = SH_SANKEY_SINKS_LAST_COLUMN;
  options->stub_length = 22;
}

/* ---------------------------------------------------------------- helpers */

static int
compare_sort_items (const void *a,
                    const void *b)
{
  const SortItem *ia = a;
  const SortItem *ib = b;

  /* The index breaks ties, which makes the order total and so the same on
   * every run whatever qsort does with equal keys. */
  if (ia->key < ib->key)
    return -1;
  if (ia->key > ib->key)
    return 1;
  return (ia->index > ib->index) - (ia->index < ib->index);
}

static double
compute_width (const ShSankeyLayout *layout,
               double                value,
               double                scale)
{
  return MAX (value * scale, layout->options.min_link_width);
}

static gboolean
is_sink_kind (ShSankeyNodeKind kind)
{
  return kind == SH_SANKEY_NODE_SINK || kind == SH_SANKEY_NODE_UNACCOUNTED;
}

static void
build_adjacency (Work *w)
{
  ShSankeyLayout *layout = w->layout;
  guint n = layout->n_nodes;
  g_autofree guint *out_fill = g_new0 (guint, n + 1);
  g_autofree guint *in_fill = g_new0 (guint, n + 1);

  for (guint i = 0; i < layout->n_links; i++)
    {
      w->out_start[layout->links[i].source + 1]++;
      w->in_start[layout->links[i].target + 1]++;
    }
  for (guint i = 0; i < n; i++)
    {
      w->out_start[i + 1] += w->out_start[i];
      w->in_start[i + 1] += w->in_start[i];
    }
  memcpy (out_fill, w->out_start, (n + 1) * sizeof (guint));
  memcpy (in_fill, w->in_start, (n + 1) * sizeof (guint));
  for (guint i = 0; i < layout->n_links; i++)
    {
      w->out_links[out_fill[layout->links[i].source]++] = i;
      w->in_links[in_fill[layout->links[i].target]++] = i;
    }
}

/* Marks as return links the edges that reach back to a node still on the
 * depth-first path: removing exactly those leaves a DAG. The search starts
 * from the nodes nothing flows into, in insertion order, so that a recycle
 * loop is cut where the water goes back, not where it first arrives. */
static void
find_return_links (Work *w)
{
  ShSankeyLayout *layout = w->layout;
  guint n = layout->n_nodes;
  g_autofree guint8 *state = g_new0 (guint8, n);    /* 0 new, 1 on path, 2 done */
  g_autofree guint *stack = g_new (guint, n);
  g_autofree guint *next = g_new (guint, n);        /* next out-link to follow */

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint root = 0; root < n; root++)
        {
          guint depth = 0;

          if (state[root] != 0)
            continue;
          if (pass == 0 && w->in_start[root + 1] != w->in_start[root])
            continue;

          stack[depth++] = root;
          state[root] = 1;
          next[root] = w->out_start[root];

          while (depth > 0)
            {
              guint node = stack[depth - 1];

              if (next[node] < w->out_start[node + 1])
                {
                  guint li = w->out_links[next[node]++];
                  guint target = layout->links[li].target;

                  if (state[target] == 1)
                    layout->links[li].is_return = TRUE;
                  else if (state[target] == 0)
                    {
                      state[target] = 1;
                      next[target] = w->out_start[target];
                      stack[depth++] = target;
                    }
                }
              else
                {
                  state[node] = 2;
                  depth--;
                }
            }
        }
    }

  for (guint i = 0; i < layout->n_links; i++)
    if (layout->links[i].is_return)
      layout->n_returns++;
}

/* Longest distance from a source over forward links, by Kahn's algorithm
 * with a FIFO seeded in index order. */
static void
assign_columns (Work *w)
{
  ShSankeyLayout *layout = w->layout;
  guint n = layout->n_nodes;
  g_autofree guint *pending = g_new0 (guint, n);
  g_autofree guint *queue = g_new (guint, n);
  g_autofree guint *fill = NULL;
  guint head = 0, tail = 0;
  guint n_columns = 0;

  for (guint i = 0; i < layout->n_links; i++)
    if (!layout->links[i].is_return)
      pending[layout->links[i].target]++;

  for (guint i = 0; i < n; i++)
    if (pending[i] == 0)
      queue[tail++] = i;

  while (head < tail)
    {
      guint node = queue[head++];

      for (guint k = w->out_start[node]; k < w->out_start[node + 1]; k++)
        {
          const ShSankeyLink *link = &layout->links[w->out_links[k]];

          if (link->is_return)
            continue;
          layout->nodes[link->target].column = MAX (layout->nodes[link->target].column,
                                                    layout->nodes[node].column + 1);
          if (--pending[link->target] == 0)
            queue[tail++] = link->target;
        }
    }
  g_assert (tail == n);

  for (guint i = 0; i < n; i++)
    n_columns = MAX (n_columns, layout->nodes[i].column + 1);

  if (layout->options.sinks == SH_SANKEY_SINKS_LAST_COLUMN)
    {
      for (guint i = 0; i < n; i++)
        {
          gboolean feeds_forward = FALSE;

          for (guint k = w->out_start[i]; k < w->out_start[i + 1]; k++)
            if (!layout->links[w->out_links[k]].is_return)
              feeds_forward = TRUE;

          if (is_sink_kind (layout->nodes[i].kind) && !feeds_forward)
            layout->nodes[i].column = n_columns - 1;
        }
    }

  layout->n_columns = n_columns;
  w->col_start = g_new0 (guint, n_columns + 1);
  w->col_nodes = g_new (guint, MAX (n, 1));
  fill = g_new0 (guint, n_columns + 1);

  for (guint i = 0; i < n; i++)
    w->col_start[layout->nodes[i].column + 1]++;
  for (guint c = 0; c < n_columns; c++)
    w->col_start[c + 1] += w->col_start[c];
  memcpy (fill, w->col_start, (n_columns + 1) * sizeof (guint));
  for (guint i = 0; i < n; i++)
    w->col_nodes[fill[layout->nodes[i].column]++] = i;
}

static void
sum_values (Work *w)
{
  ShSankeyLayout *layout = w->layout;

  for (guint i = 0; i < layout->n_links; i++)
    {
      layout->nodes[layout->links[i].source].value_out += layout->links[i].value;
      layout->nodes[layout->links[i].target].value_in += layout->links[i].value;
    }

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      ShSankeyNode *node = &layout->nodes[i];
      double diff = node->value_in - node->value_out;

      node->value = MAX (node->value_in, node->value_out);

      /* Only a process step has to balance; sources and sinks are the
       * boundary, where one side is empty by definition. */
      if (node->kind != SH_SANKEY_NODE_STEP
          || fabs (diff) <= BALANCE_EPSILON * node->value)
        continue;

      node->unaccounted = diff;
      node->stub_side = diff > 0 ? SH_SANKEY_SIDE_RIGHT : SH_SANKEY_SIDE_LEFT;
      /* With nothing entering, (in − out) / in has no value; a step that
       * only emits is wholly unexplained, which −100 % says. */
      node->closure_error = node->value_in > 0 ? diff / node->value_in * 100.0 : -100.0;
      node->flagged = fabs (node->closure_error) > layout->options.tolerance;
    }
}

static void
compute_heights (Work   *w,
                 double  scale)
{
  ShSankeyLayout *layout = w->layout;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const ShSankeyNode *node = &layout->nodes[i];
      double left = 0, right = 0;

      for (guint k = w->in_start[i]; k < w->in_start[i + 1]; k++)
        left += compute_width (layout, layout->links[w->in_links[k]].value, scale);
      for (guint k = w->out_start[i]; k < w->out_start[i + 1]; k++)
        right += compute_width (layout, layout->links[w->out_links[k]].value, scale);

      w->stub_width[i] = 0;
      if (node->stub_side != SH_SANKEY_SIDE_NONE)
        {
          w->stub_width[i] = compute_width (layout, fabs (node->unaccounted), scale);
          if (node->stub_side == SH_SANKEY_SIDE_LEFT)
            left += w->stub_width[i];
          else
            right += w->stub_width[i];
        }

      w->height[i] = MAX (MAX (left, right), layout->options.min_link_width);
    }
}

static double
measure_return_band (Work   *w,
                     double  scale)
{
  ShSankeyLayout *layout = w->layout;
  double band;

  if (layout->n_returns == 0)
    return 0;

  band = RETURN_GAP + (layout->n_returns - 1) * RETURN_SPACING;
  for (guint i = 0; i < layout->n_links; i++)
    if (layout->links[i].is_return)
      band += compute_width (layout, layout->links[i].value, scale);

  return band;
}

/* The height the tallest column needs at @scale with @padding, return lanes
 * included; also leaves the node heights for that scale in w->height. */
static double
measure_height (Work   *w,
                double  scale,
                double  padding)
{
  ShSankeyLayout *layout = w->layout;
  double worst = 0;

  compute_heights (w, scale);

  for (guint c = 0; c < layout->n_columns; c++)
    {
      double need = 0;

      for (guint k = w->col_start[c]; k < w->col_start[c + 1]; k++)
        need += w->height[w->col_nodes[k]];
      need += (w->col_start[c + 1] - w->col_start[c] - 1) * padding;
      worst = MAX (worst, need);
    }

  return worst + measure_return_band (w, scale);
}

static gboolean
fits (Work   *w,
      double  scale,
      double  padding)
{
  return measure_height (w, scale, padding) <= w->layout->area.height;
}

static gboolean
choose_scale (Work    *w,
              GError **error)
{
  ShSankeyLayout *layout = w->layout;
  double height = layout->area.height;
  double padding = layout->options.node_padding;
  double return_sum = 0;
  double estimate = G_MAXDOUBLE;

  if (layout->options.fixed_scale > 0)
    {
      double need = measure_height (w, layout->options.fixed_scale, padding);

      if (!fits (w, layout->options.fixed_scale, padding))
        {
          g_set_error (error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_SCALE_TOO_LARGE,
                       _("At %g px per %s the diagram needs %.0f px, but the area is %.0f px high"),
                       layout->options.fixed_scale, layout->graph->unit, need, height);
          return FALSE;
        }
      layout->scale = layout->options.fixed_scale;
      layout->padding = padding;
      return TRUE;
    }

  /* When even hairlines with full padding overflow, give up padding before
   * giving up: half of what is left keeps some room for the values. */
  if (!fits (w, 0, padding))
    {
      double most = G_MAXDOUBLE;

      compute_heights (w, 0);
      for (guint c = 0; c < layout->n_columns; c++)
        {
          guint count = w->col_start[c + 1] - w->col_start[c];
          double sum = 0;

          for (guint k = w->col_start[c]; k < w->col_start[c + 1]; k++)
            sum += w->height[w->col_nodes[k]];
          if (count > 1)
            most = MIN (most, (height - measure_return_band (w, 0) - sum) / (count - 1));
          else if (sum + measure_return_band (w, 0) > height)
            most = -1;
        }

      if (most <= 0 || !fits (w, 0, most / 2))
        {
          g_set_error (error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_AREA_TOO_SMALL,
                       _("%u nodes cannot fit in an area %.0f px high"),
                       layout->n_nodes, height);
          return FALSE;
        }
      padding = most / 2;
    }

  /* Without hairlines the height is linear in the scale, which gives an
   * upper bound at once; hairlines only ever make it smaller. */
  for (guint i = 0; i < layout->n_links; i++)
    if (layout->links[i].is_return)
      return_sum += layout->links[i].value;

  for (guint c = 0; c < layout->n_columns; c++)
    {
      guint count = w->col_start[c + 1] - w->col_start[c];
      double values = return_sum;
      double room;

      for (guint k = w->col_start[c]; k < w->col_start[c + 1]; k++)
        values += layout->nodes[w->col_nodes[k]].value;
      room = height - (count - 1) * padding;
      if (layout->n_returns > 0)
        room -= RETURN_GAP + (layout->n_returns - 1) * RETURN_SPACING;
      if (values > 0)
        estimate = MIN (estimate, room / values);
    }

  /* All flows are zero: any scale draws hairlines; 1 keeps numbers sane. */
  if (estimate == G_MAXDOUBLE)
    estimate = 1;

  if (!fits (w, estimate, padding))
    {
      double lo = 0, hi = estimate;

      for (guint i = 0; i < SCALE_BISECTIONS; i++)
        {
          double mid = (lo + hi) / 2;

          if (fits (w, mid, padding))
            lo = mid;
          else
            hi = mid;
        }
      estimate = lo;
    }

  layout->scale = estimate;
  layout->padding = padding;
  return TRUE;
}

/* Lanes go innermost first: the arc spanning fewest columns runs nearest
 * the nodes, so wider arcs enclose narrower ones instead of crossing them. */
static void
order_returns (Work *w)
{
  ShSankeyLayout *layout = w->layout;
  g_autofree SortItem *items = g_new (SortItem, MAX (layout->n_returns, 1));
  guint n = 0;

  for (guint i = 0; i < layout->n_links; i++)
    {
      const ShSankeyLink *link = &layout->links[i];

      if (!link->is_return)
        continue;
      items[n].key = (double) layout->nodes[link->source].column
                     - (double) layout->nodes[link->target].column;
      items[n].index = i;
      n++;
    }
  qsort (items, n, sizeof (SortItem), compare_sort_items);

  for (guint k = 0; k < n; k++)
    w->returns[k] = items[k].index;
}

/* Per column, arcs in outer lanes turn further out, so that each arc's
 * vertical stays outside the ones it encloses. */
static void
offset_returns (Work *w)
{
  ShSankeyLayout *layout = w->layout;
  g_autofree double *acc_out = g_new (double, layout->n_columns);
  g_autofree double *acc_in = g_new (double, layout->n_columns);
  double lane = w->node_bottom + RETURN_GAP;

  for (guint c = 0; c < layout->n_columns; c++)
    acc_out[c] = acc_in[c] = RETURN_OFFSET;

  for (guint k = 0; k < layout->n_returns; k++)
    {
      ShSankeyLink *link = &layout->links[w->returns[k]];
      guint cs = layout->nodes[link->source].column;
      guint ct = layout->nodes[link->target].column;

      w->offset_out[w->returns[k]] = acc_out[cs] + link->width / 2;
      acc_out[cs] += link->width + RETURN_SPACING;
      w->offset_in[w->returns[k]] = acc_in[ct] + link->width / 2;
      acc_in[ct] += link->width + RETURN_SPACING;

      w->lane_y[w->returns[k]] = lane + link->width / 2;
      lane += link->width + RETURN_SPACING;
    }
}

static gboolean
place_columns (Work    *w,
               GError **error)
{
  ShSankeyLayout *layout = w->layout;
  const ShSankeyRect *area = &layout->area;
  double node_width = layout->options.node_width;
  double margin_left = 0, margin_right = 0;
  double usable, step;
  guint last = layout->n_columns - 1;

  /* Arcs leaving the last column or entering the first, and stubs sticking
   * out of them, need room inside the area too. */
  for (guint k = 0; k < layout->n_returns; k++)
    {
      const ShSankeyLink *link = &layout->links[w->returns[k]];

      if (layout->nodes[link->source].column == last)
        margin_right = MAX (margin_right, w->offset_out[w->returns[k]] + link->width / 2);
      if (layout->nodes[link->target].column == 0)
        margin_left = MAX (margin_left, w->offset_in[w->returns[k]] + link->width / 2);
    }
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const ShSankeyNode *node = &layout->nodes[i];

      if (node->column == last && node->stub_side == SH_SANKEY_SIDE_RIGHT)
        margin_right = MAX (margin_right, layout->options.stub_length);
      if (node->column == 0 && node->stub_side == SH_SANKEY_SIDE_LEFT)
        margin_left = MAX (margin_left, layout->options.stub_length);
    }

  usable = area->width - margin_left - margin_right - node_width;
  step = layout->n_columns > 1 ? usable / (layout->n_columns - 1) : 0;

  /* A link needs some length to be seen as a link. */
  if (usable < 0 || (layout->n_columns > 1 && step < node_width + 2))
    {
      g_set_error (error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_AREA_TOO_SMALL,
                   _("%u columns cannot fit in an area %.0f px wide"),
                   layout->n_columns, area->width);
      return FALSE;
    }

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      ShSankeyNode *node = &layout->nodes[i];

      if (layout->n_columns > 1)
        node->x0 = area->x + margin_left + node->column * step;
      else
        node->x0 = area->x + margin_left + usable / 2;
      node->x1 = node->x0 + node_width;
    }

  return TRUE;
}

static void
move_node (Work   *w,
           guint   index,
           double  y0)
{
  ShSankeyNode *node = &w->layout->nodes[index];

  node->y0 = y0;
  node->y1 = y0 + w->height[index];
}

/* Re-sorts a column by position and pushes overlapping nodes apart: down
 * from the top, then back up from the bottom, so that nodes keep the
 * padding and stay in the area. */
static void
resolve_column (Work  *w,
                guint  column)
{
  ShSankeyLayout *layout = w->layout;
  guint first = w->col_start[column];
  guint count = w->col_start[column + 1] - first;
  SortItem *items = w->items;
  double y;

  for (guint k = 0; k < count; k++)
    {
      items[k].index = w->col_nodes[first + k];
      items[k].key = layout->nodes[items[k].index].y0;
    }
  qsort (items, count, sizeof (SortItem), compare_sort_items);

  y = layout->area.y;
  for (guint k = 0; k < count; k++)
    {
      guint i = items[k].index;

      w->col_nodes[first + k] = i;
      if (layout->nodes[i].y0 < y)
        move_node (w, i, y);
      y = layout->nodes[i].y1 + layout->padding;
    }

  y = w->node_bottom;
  for (guint k = count; k-- > 0;)
    {
      guint i = items[k].index;

      if (layout->nodes[i].y1 > y)
        move_node (w, i, y - w->height[i]);
      y = layout->nodes[i].y0 - layout->padding;
    }
}

static gboolean
place_pinned (Work  *w,
              guint  column)
{
  ShSankeyLayout *layout = w->layout;
  double top = layout->area.y;
  gboolean any = FALSE;

  for (guint k = w->col_start[column]; k < w->col_start[column + 1]; k++)
    {
      guint i = w->col_nodes[k];
      double position = g_array_index (layout->graph->nodes, GraphNode, i).position;
      double travel = MAX (w->node_bottom - top - w->height[i], 0);

      if (isnan (position))
        continue;
      layout->nodes[i].pinned = TRUE;
      move_node (w, i, top + position * travel);
      any = TRUE;
    }

  return any;
}

static void
place_initial (Work *w)
{
  ShSankeyLayout *layout = w->layout;
  double top = layout->area.y;

  for (guint c = 0; c < layout->n_columns; c++)
    {
      double total = 0, y;

      for (guint k = w->col_start[c]; k < w->col_start[c + 1]; k++)
        total += w->height[w->col_nodes[k]];
      total += (w->col_start[c + 1] - w->col_start[c] - 1) * layout->padding;

      y = top + (w->node_bottom - top - total) / 2;
      for (guint k = w->col_start[c]; k < w->col_start[c + 1]; k++)
        {
          move_node (w, w->col_nodes[k], y);
          y += w->height[w->col_nodes[k]] + layout->padding;
        }

      /* Nodes someone placed by hand go where they were put; the column is
       * then re-sorted around them. */
      if (place_pinned (w, c))
        resolve_column (w, c);
    }
}

/* Puts @node's stub at @y when it belongs on this side; returns the y below it. */
static double
place_stub (Work     *w,
            guint     index,
            gboolean  right,
            double    y)
{
  ShSankeyNode *node = &w->layout->nodes[index];
  double length = w->layout->options.stub_length;

  if (node->stub_side != (right ? SH_SANKEY_SIDE_RIGHT : SH_SANKEY_SIDE_LEFT))
    return y;

  node->stub_y0 = y;
  node->stub_y1 = y + w->stub_width[index];
  node->stub_x0 = right ? node->x1 : node->x0 - length;
  node->stub_x1 = right ? node->x1 + length : node->x0;

  return node->stub_y1;
}

/* Stacks the link ends on each side of every node: forward links ordered by
 * where the node at the other end sits, then the unaccounted stub, then the
 * return arcs, outermost lane first, nearest the lanes they run down to. */
static void
compute_ports (Work *w)
{
  ShSankeyLayout *layout = w->layout;
  SortItem *items = w->items;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const ShSankeyNode *node = &layout->nodes[i];

      for (guint side = 0; side < 2; side++)
        {
          gboolean right = side == 1;
          const guint *start = right ? w->out_start : w->in_start;
          const guint *list = right ? w->out_links : w->in_links;
          guint n_fwd = 0, n_ret = 0;
          double y = node->y0;

          for (guint k = start[i]; k < start[i + 1]; k++)
            if (!layout->links[list[k]].is_return)
              n_fwd++;

          for (guint k = start[i], f = 0; k < start[i + 1]; k++)
            {
              const ShSankeyLink *link = &layout->links[list[k]];
              SortItem *item;

              if (!link->is_return)
                {
                  item = &items[f++];
                  item->key = layout->nodes[right ? link->target : link->source].y0;
                }
              else
                {
                  /* Outer lanes lie lower; their arcs take the upper ports. */
                  item = &items[n_fwd + n_ret++];
                  item->key = -w->lane_y[list[k]];
                }
              item->index = list[k];
            }
          qsort (items, n_fwd, sizeof (SortItem), compare_sort_items);
          qsort (items + n_fwd, n_ret, sizeof (SortItem), compare_sort_items);

          for (guint k = 0; k < n_fwd + n_ret; k++)
            {
              ShSankeyLink *link = &layout->links[items[k].index];

              if (k == n_fwd)
                y = place_stub (w, i, right, y);
              if (right)
                {
                  link->x0 = node->x1;
                  link->y0 = y + link->width / 2;
                  w->port_out[items[k].index] = link->y0 - node->y0;
                }
              else
                {
                  link->x1 = node->x0;
                  link->y1 = y + link->width / 2;
                  w->port_in[items[k].index] = link->y1 - node->y0;
                }
              y += link->width;
            }
          if (n_ret == 0)
            place_stub (w, i, right, y);
        }
    }
}

/* Moves each node of @column toward the place where its links to the
 * previous (@from_left) or next column would run level, weighted by width. */
static void
relax_column (Work     *w,
              guint     column,
              gboolean  from_left,
              double    alpha)
{
  ShSankeyLayout *layout = w->layout;

  for (guint k = w->col_start[column]; k < w->col_start[column + 1]; k++)
    {
      guint i = w->col_nodes[k];
      const guint *start = from_left ? w->in_start : w->out_start;
      const guint *list = from_left ? w->in_links : w->out_links;
      double sum = 0, weight = 0;

      if (layout->nodes[i].pinned)
        continue;

      for (guint j = start[i]; j < start[i + 1]; j++)
        {
          guint li = list[j];
          const ShSankeyLink *link = &layout->links[li];
          double wanted;

          if (link->is_return)
            continue;
          if (from_left)
            wanted = layout->nodes[link->source].y0 + w->port_out[li] - w->port_in[li];
          else
            wanted = layout->nodes[link->target].y0 + w->port_in[li] - w->port_out[li];
          sum += wanted * link->width;
          weight += link->width;
        }

      if (weight > 0)
        {
          double y0 = layout->nodes[i].y0;

          move_node (w, i, y0 + (sum / weight - y0) * alpha);
        }
    }

  resolve_column (w, column);
}

static void
relax (Work *w)
{
  ShSankeyLayout *layout = w->layout;
  guint passes = layout->options.iterations;

  for (guint pass = 0; pass < passes; pass++)
    {
      /* The step shrinks each pass so that the placement settles instead of
       * swinging between what the left and the right neighbours want. */
      double alpha = 1.0 - 0.5 * pass / passes;

      if (pass % 2 == 0)
        {
          for (guint c = layout->n_columns - 1; c-- > 0;)
            relax_column (w, c, FALSE, alpha);
        }
      else
        {
          for (guint c = 1; c < layout->n_columns; c++)
            relax_column (w, c, TRUE, alpha);
        }
      compute_ports (w);
    }
}

static void
route_returns (Work *w)
{
  ShSankeyLayout *layout = w->layout;
  const ShSankeyRect *area = &layout->area;

  for (guint k = 0; k < layout->n_returns; k++)
    {
      guint li = w->returns[k];
      ShSankeyLink *link = &layout->links[li];
      const ShSankeyNode *source = &layout->nodes[link->source];
      const ShSankeyNode *target = &layout->nodes[link->target];
      double half = link->width / 2;
      double x_out = MIN (source->x1 + w->offset_out[li], area->x + area->width - half);
      double x_in = MAX (target->x0 - w->offset_in[li], area->x + half);
      double lane = w->lane_y[li];
      double radius = half + RETURN_CORNER;

      link->path[0] = (ShSankeyPoint) { source->x1, link->y0 };
      link->path[1] = (ShSankeyPoint) { x_out, link->y0 };
      link->path[2] = (ShSankeyPoint) { x_out, lane };
      link->path[3] = (ShSankeyPoint) { x_in, lane };
      link->path[4] = (ShSankeyPoint) { x_in, link->y1 };
      link->path[5] = (ShSankeyPoint) { target->x0, link->y1 };

      /* A corner may not eat more than its share of either leg. */
      radius = MIN (radius, x_out - source->x1);
      radius = MIN (radius, target->x0 - x_in);
      radius = MIN (radius, (lane - link->y0) / 2);
      radius = MIN (radius, (lane - link->y1) / 2);
      radius = MIN (radius, (x_out - x_in) / 2);
      link->radius = MAX (radius, 0);
    }
}

static gboolean
run_layout (Work    *w,
            GError **error)
{
  ShSankeyLayout *layout = w->layout;

  build_adjacency (w);
  find_return_links (w);
  assign_columns (w);
  sum_values (w);

  if (!choose_scale (w, error))
    return FALSE;

  compute_heights (w, layout->scale);
  for (guint i = 0; i < layout->n_links; i++)
    layout->links[i].width = compute_width (layout, layout->links[i].value, layout->scale);
  w->node_bottom = layout->area.y + layout->area.height - measure_return_band (w, layout->scale);
  layout->node_bottom = w->node_bottom;

  order_returns (w);
  offset_returns (w);
  if (!place_columns (w, error))
    return FALSE;

  place_initial (w);
  compute_ports (w);
  relax (w);
  route_returns (w);

  return TRUE;
}

static void
clear_work (Work *w)
{
  g_free (w->out_start);
  g_free (w->out_links);
  g_free (w->in_start);
  g_free (w->in_links);
  g_free (w->col_start);
  g_free (w->col_nodes);
  g_free (w->height);
  g_free (w->stub_width);
  g_free (w->returns);
  g_free (w->lane_y);
  g_free (w->offset_out);
  g_free (w->offset_in);
  g_free (w->port_out);
  g_free (w->port_in);
  g_free (w->items);
}

ShSankeyLayout *
sh_sankey_layout_new (ShSankeyGraph          *graph,
                      const ShSankeyRect     *area,
                      const ShSankeyOptions  *options,
                      GError                **error)
{
  g_autoptr(ShSankeyLayout) layout = NULL;
  Work w = { 0, };
  gboolean ok;
  guint n, e;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (area != NULL, NULL);
  g_return_val_if_fail (isfinite (area->x) && isfinite (area->y), NULL);
  g_return_val_if_fail (isfinite (area->width) && isfinite (area->height), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  layout = g_new0 (ShSankeyLayout, 1);
  g_ref_count_init (&layout->ref_count);
  layout->graph = sh_sankey_graph_ref (graph);
  layout->area = *area;
  if (options != NULL)
    layout->options = *options;
  else
    sh_sankey_options_init (&layout->options);

  g_return_val_if_fail (layout->options.node_width > 0, NULL);
  g_return_val_if_fail (layout->options.node_padding >= 0, NULL);
  g_return_val_if_fail (layout->options.min_link_width >= 0, NULL);
  g_return_val_if_fail (layout->options.fixed_scale >= 0
                        && isfinite (layout->options.fixed_scale), NULL);
  g_return_val_if_fail (layout->options.tolerance >= 0, NULL);
  g_return_val_if_fail (layout->options.stub_length >= 0, NULL);

  n = layout->n_nodes = graph->nodes->len;
  e = layout->n_links = graph->links->len;
  layout->nodes = g_new0 (ShSankeyNode, MAX (n, 1));
  layout->links = g_new0 (ShSankeyLink, MAX (e, 1));
  layout->scale = layout->options.fixed_scale;
  layout->padding = layout->options.node_padding;

  for (guint i = 0; i < n; i++)
    {
      const GraphNode *gn = &g_array_index (graph->nodes, GraphNode, i);

      layout->nodes[i].id = gn->id;
      layout->nodes[i].label = gn->label;
      layout->nodes[i].kind = gn->kind;
    }
  for (guint i = 0; i < e; i++)
    {
      const GraphLink *gl = &g_array_index (graph->links, GraphLink, i);
      ShSankeyLink *link = &layout->links[i];

      link->source = gl->source;
      link->target = gl->target;
      link->value = gl->value;
      link->kind = gl->kind;
      link->estimated = gl->estimated;
      link->caller_id = gl->caller_id;
    }

  if (n == 0)
    return g_steal_pointer (&layout);

  w.layout = layout;
  w.out_start = g_new0 (guint, n + 1);
  w.in_start = g_new0 (guint, n + 1);
  w.out_links = g_new (guint, MAX (e, 1));
  w.in_links = g_new (guint, MAX (e, 1));
  w.height = g_new0 (double, n);
  w.stub_width = g_new0 (double, n);
  w.returns = g_new (guint, MAX (e, 1));
  w.lane_y = g_new0 (double, MAX (e, 1));
  w.offset_out = g_new0 (double, MAX (e, 1));
  w.offset_in = g_new0 (double, MAX (e, 1));
  w.port_out = g_new0 (double, MAX (e, 1));
  w.port_in = g_new0 (double, MAX (e, 1));
  w.items = g_new (SortItem, MAX (n, e) + 1);

  ok = run_layout (&w, error);
  clear_work (&w);

  if (!ok)
    return NULL;

  return g_steal_pointer (&layout);
}

ShSankeyLayout *
sh_sankey_layout_ref (ShSankeyLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  g_ref_count_inc (&layout->ref_count);
  return layout;
}

void
sh_sankey_layout_unref (ShSankeyLayout *layout)
{
  g_return_if_fail (layout != NULL);

  if (!g_ref_count_dec (&layout->ref_count))
    return;

  g_free (layout->nodes);
  g_free (layout->links);
  sh_sankey_graph_unref (layout->graph);
  g_free (layout);
}

ShSankeyGraph *
sh_sankey_layout_get_graph (const ShSankeyLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return layout->graph;
}

const ShSankeyRect *
sh_sankey_layout_get_area (const ShSankeyLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return &layout->area;
}

const ShSankeyOptions *
sh_sankey_layout_get_options (const ShSankeyLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return &layout->options;
}

double
sh_sankey_layout_get_scale (const ShSankeyLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->scale;
}

double
sh_sankey_layout_get_padding (const ShSankeyLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->padding;
}

guint
sh_sankey_layout_get_n_columns (const ShSankeyLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->n_columns;
}

guint
sh_sankey_layout_get_n_returns (const ShSankeyLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->n_returns;
}

const ShSankeyNode *
sh_sankey_layout_get_nodes (const ShSankeyLayout *layout,
                            guint                *n_nodes)
{
  g_return_val_if_fail (layout != NULL, NULL);

  if (n_nodes != NULL)
    *n_nodes = layout->n_nodes;
  return layout->nodes;
}

const ShSankeyLink *
sh_sankey_layout_get_links (const ShSankeyLayout *layout,
                            guint                *n_links)
{
  g_return_val_if_fail (layout != NULL, NULL);

  if (n_links != NULL)
    *n_links = layout->n_links;
  return layout->links;
}

double
sh_sankey_layout_get_position_at (const ShSankeyLayout *layout,
                                  guint                 index,
                                  double                y0)
{
  const ShSankeyNode *node;
  double travel;

  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (index < layout->n_nodes, 0);

  node = &layout->nodes[index];
  travel = layout->node_bottom - layout->area.y - (node->y1 - node->y0);
  if (travel <= 0)
    return 0;

  return CLAMP ((y0 - layout->area.y) / travel, 0, 1);
}

/* ------------------------------------------------------------ hit testing */

/* Hairlines are too thin to aim at; this is the least half width a pointer
 * has to hit. */
#define HIT_HALF_WIDTH 3.0

static gboolean
segment_contains (ShSankeyPoint a,
                  ShSankeyPoint b,
                  double        half,
                  double        x,
                  double        y)
{
  return x >= MIN (a.x, b.x) - half && x <= MAX (a.x, b.x) + half
         && y >= MIN (a.y, b.y) - half && y <= MAX (a.y, b.y) + half;
}

static gboolean
link_contains (const ShSankeyLink *link,
               double              x,
               double              y)
{
  double half = MAX (link->width / 2, HIT_HALF_WIDTH);
  double u, t, yc;

  if (link->is_return)
    {
      for (guint k = 0; k + 1 < G_N_ELEMENTS (link->path); k++)
        if (segment_contains (link->path[k], link->path[k + 1], half, x, y))
          return TRUE;
      return FALSE;
    }

  if (x < link->x0 || x > link->x1 || link->x1 <= link->x0)
    return FALSE;

  /* With both control points at the middle x, x(t) = x0 + Δx (1.5t − 1.5t²
   * + t³), which rises steadily (its slope is at least 0.75 Δx), so Newton's
   * method from t = u finds t at once. The band's edges are the centre line
   * shifted up and down by half the width, so the same t serves them. */
  u = (x - link->x0) / (link->x1 - link->x0);
  t = u;
  for (guint k = 0; k < 8; k++)
    {
      double f = 1.5 * t - 1.5 * t * t + t * t * t - u;
      double df = 1.5 - 3 * t + 3 * t * t;

      t = CLAMP (t - f / df, 0, 1);
    }
  yc = link->y0 + (link->y1 - link->y0) * (3 * t * t - 2 * t * t * t);

  return fabs (y - yc) <= half;
}

gboolean
sh_sankey_layout_hit_test (const ShSankeyLayout *layout,
                           double                x,
                           double                y,
                           ShSankeyHit          *hit)
{
  ShSankeyHit found = { SH_SANKEY_HIT_NONE, 0, 0 };
  double best_width = G_MAXDOUBLE;

  g_return_val_if_fail (layout != NULL, FALSE);

  for (guint i = 0; i < layout->n_nodes && found.kind == SH_SANKEY_HIT_NONE; i++)
    {
      const ShSankeyNode *node = &layout->nodes[i];

      if (x >= node->x0 && x <= node->x1 && y >= node->y0 && y <= node->y1)
        found = (ShSankeyHit) { SH_SANKEY_HIT_NODE, i, 0 };
    }

  for (guint i = 0; i < layout->n_nodes && found.kind == SH_SANKEY_HIT_NONE; i++)
    {
      const ShSankeyNode *node = &layout->nodes[i];

      if (node->stub_side != SH_SANKEY_SIDE_NONE
          && x >= node->stub_x0 && x <= node->stub_x1
          && y >= node->stub_y0 && y <= node->stub_y1)
        found = (ShSankeyHit) { SH_SANKEY_HIT_STUB, i, 0 };
    }

  if (found.kind == SH_SANKEY_HIT_NONE)
    {
      for (guint i = 0; i < layout->n_links; i++)
        {
          const ShSankeyLink *link = &layout->links[i];

          /* The narrowest band is painted last, so it is the one seen. */
          if (link->width <= best_width && link_contains (link, x, y))
            {
              found = (ShSankeyHit) { SH_SANKEY_HIT_LINK, i, link->caller_id };
              best_width = link->width;
            }
        }
    }

  if (hit != NULL)
    *hit = found;

  return found.kind != SH_SANKEY_HIT_NONE;
}
