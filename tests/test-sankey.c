/* test-sankey.c — the flow diagram: layout invariants, rendering, hit tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "sh-sankey.h"
#include "sh-sankey-render.h"
#include "sh-test-utils.h"

#define EPS 1e-6

/* ------------------------------------------------------------- fixtures */

static void
add_node (ShSankeyGraph    *graph,
          const char       *id,
          const char       *label,
          ShSankeyNodeKind  kind)
{
  g_autoptr(GError) error = NULL;

  sh_sankey_graph_add_node (graph, id, label, kind, &error);
  g_assert_no_error (error);
}

static void
add_link (ShSankeyGraph    *graph,
          const char       *source,
          const char       *target,
          double            value,
          ShSankeyLinkKind  kind,
          gboolean          estimated,
          gint64            caller_id)
{
  g_autoptr(GError) error = NULL;

  sh_sankey_graph_add_link (graph, source, target, value, kind, estimated, caller_id, &error);
  g_assert_no_error (error);
}

/* The water balance of a cassava-starch line, in m³ per day: wash water is
 * partly recycled from the separators (a loop), and the separation step
 * loses 175,5 m³ nobody measured (10 %, over the 5 % tolerance). */
static ShSankeyGraph *
make_cassava_graph (void)
{
  ShSankeyGraph *graph = sh_sankey_graph_new ("m³");

  add_node (graph, "src:well", "Nước giếng khoan", SH_SANKEY_NODE_SOURCE);
  add_node (graph, "src:roots", "Nước trong củ sắn tươi", SH_SANKEY_NODE_SOURCE);
  add_node (graph, "step:washing", "Rửa và bóc vỏ củ", SH_SANKEY_NODE_STEP);
  add_node (graph, "step:rasping", "Băm và mài củ", SH_SANKEY_NODE_STEP);
  add_node (graph, "step:separation", "Ly tâm tách bã, thu hồi tinh bột", SH_SANKEY_NODE_STEP);
  add_node (graph, "step:drying", "Sấy nhanh", SH_SANKEY_NODE_STEP);
  add_node (graph, "sink:wastewater", "Nước thải ra hồ xử lý", SH_SANKEY_NODE_SINK);
  add_node (graph, "sink:pulp", "Bã sắn ướt", SH_SANKEY_NODE_SINK);
  add_node (graph, "sink:vapour", "Hơi nước bay hơi khi sấy", SH_SANKEY_NODE_SINK);
  add_node (graph, "sink:starch", "Ẩm trong tinh bột thành phẩm", SH_SANKEY_NODE_SINK);

  add_link (graph, "src:well", "step:washing", 900, SH_SANKEY_LINK_WATER, FALSE, 101);
  add_link (graph, "src:roots", "step:washing", 360, SH_SANKEY_LINK_MATERIAL, TRUE, 102);
  add_link (graph, "step:separation", "step:washing", 450, SH_SANKEY_LINK_WATER, TRUE, 103);
  add_link (graph, "step:washing", "sink:wastewater", 1234.5, SH_SANKEY_LINK_WASTE, FALSE, 104);
  add_link (graph, "step:washing", "step:rasping", 455.5, SH_SANKEY_LINK_MATERIAL, FALSE, 105);
  add_link (graph, "src:well", "step:rasping", 300, SH_SANKEY_LINK_WATER, FALSE, 106);
  add_link (graph, "step:rasping", "step:separation", 755.5, SH_SANKEY_LINK_MATERIAL, FALSE, 107);
  add_link (graph, "src:well", "step:separation", 1000, SH_SANKEY_LINK_WATER, FALSE, 108);
  add_link (graph, "step:separation", "step:drying", 140, SH_SANKEY_LINK_PRODUCT, FALSE, 109);
  add_link (graph, "step:separation", "sink:pulp", 230, SH_SANKEY_LINK_BY_PRODUCT, FALSE, 110);
  add_link (graph, "step:separation", "sink:wastewater", 760, SH_SANKEY_LINK_WASTE, FALSE, 111);
  add_link (graph, "step:drying", "sink:vapour", 132, SH_SANKEY_LINK_EMISSION, FALSE, 112);
  add_link (graph, "step:drying", "sink:starch", 8, SH_SANKEY_LINK_PRODUCT, FALSE, 113);

  return graph;
}

/* A seeded random graph: sources, then steps, then sinks; forward links run
 * from a lower index to a higher one. With @back_links, that many loops
 * more: a link from one step to a later one (or none, for a self-loop) and
 * one back. About one value in
 * ten is tiny, so hairlines are exercised too. */
static ShSankeyGraph *
make_random_graph (guint32 seed,
                   guint   n_nodes,
                   guint   n_links,
                   guint   back_links)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  ShSankeyGraph *graph = sh_sankey_graph_new ("kg");
  guint n_sources = MAX (1, n_nodes / 10);
  guint n_sinks = MAX (1, n_nodes / 5);
  guint first_sink = n_nodes - n_sinks;

  g_assert_cmpuint (n_nodes, >=, n_sources + n_sinks + 2);

  for (guint i = 0; i < n_nodes; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_autofree char *label = g_strdup_printf ("Công đoạn %u", i);
      ShSankeyNodeKind kind = i < n_sources ? SH_SANKEY_NODE_SOURCE
                              : i >= first_sink ? SH_SANKEY_NODE_SINK
                              : SH_SANKEY_NODE_STEP;

      add_node (graph, id, label, kind);
    }

  for (guint k = 0; k < n_links + back_links; k++)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      double value;
      guint s, t;

      if (k < n_links)
        {
          s = g_rand_int_range (rand, 0, first_sink);
          t = g_rand_int_range (rand, MAX (s + 1, n_sources), n_nodes);
        }
      else
        {
          t = g_rand_int_range (rand, n_sources, first_sink - 1);
          s = g_rand_int_range (rand, t, first_sink);
        }

      value = g_rand_int_range (rand, 0, 10) == 0 ? g_rand_double_range (rand, 0, 0.05)
                                                  : g_rand_double_range (rand, 1, 1000);
      from = g_strdup_printf ("n%u", s);
      /* A loop needs a way forward as well as the way back. */
      if (k >= n_links && s > t)
        {
          g_autofree char *ahead = g_strdup_printf ("n%u", t);

          add_link (graph, ahead, from, value, SH_SANKEY_LINK_WATER, FALSE, -(gint64) k);
        }
      to = g_strdup_printf ("n%u", t);
      add_link (graph, from, to, value, (ShSankeyLinkKind) (k % SH_SANKEY_N_LINK_KINDS),
                k % 3 == 0, (gint64) k + 1);
    }

  return graph;
}

static ShSankeyLayout *
lay_out (ShSankeyGraph         *graph,
         const ShSankeyRect    *area,
         const ShSankeyOptions *options)
{
  g_autoptr(GError) error = NULL;
  ShSankeyLayout *layout = sh_sankey_layout_new (graph, area, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

/* ----------------------------------------------------------- invariants */

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static void
assert_inside (const ShSankeyRect *area,
               double              x0,
               double              y0,
               double              x1,
               double              y1)
{
  g_assert_cmpfloat (x0, >=, area->x - EPS);
  g_assert_cmpfloat (y0, >=, area->y - EPS);
  g_assert_cmpfloat (x1, <=, area->x + area->width + EPS);
  g_assert_cmpfloat (y1, <=, area->y + area->height + EPS);
}

/* Every link end on one side of a node lies within the node, and no two
 * overlap. */
static void
assert_ports (const ShSankeyLayout *layout,
              guint                 node_index,
              gboolean              right)
{
  const ShSankeyNode *nodes, *node;
  const ShSankeyLink *links;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  guint n_nodes, n_links;

  nodes = sh_sankey_layout_get_nodes (layout, &n_nodes);
  links = sh_sankey_layout_get_links (layout, &n_links);
  node = &nodes[node_index];

  for (guint i = 0; i < n_links; i++)
    {
      double span[2];
      double y;

      if ((right ? links[i].source : links[i].target) != node_index)
        continue;
      y = right ? links[i].y0 : links[i].y1;
      span[0] = y - links[i].width / 2;
      span[1] = y + links[i].width / 2;
      g_assert_cmpfloat (span[0], >=, node->y0 - EPS);
      g_assert_cmpfloat (span[1], <=, node->y1 + EPS);
      g_array_append_vals (spans, span, 1);
    }
  if ((right && node->stub_side == SH_SANKEY_SIDE_RIGHT)
      || (!right && node->stub_side == SH_SANKEY_SIDE_LEFT))
    {
      double span[2] = { node->stub_y0, node->stub_y1 };

      g_assert_cmpfloat (span[0], >=, node->y0 - EPS);
      g_assert_cmpfloat (span[1], <=, node->y1 + EPS);
      g_array_append_vals (spans, span, 1);
    }

  if (spans->len > 1)
    qsort (spans->data, spans->len, sizeof (double) * 2, compare_doubles);
  for (guint k = 1; k < spans->len; k++)
    g_assert_cmpfloat (((double *) spans->data)[2 * k], >=,
                       ((double *) spans->data)[2 * k - 1] - EPS);
}

static void
assert_layout_valid (const ShSankeyLayout *layout)
{
  const ShSankeyRect *area = sh_sankey_layout_get_area (layout);
  const ShSankeyOptions *options = sh_sankey_layout_get_options (layout);
  const ShSankeyNode *nodes;
  const ShSankeyLink *links;
  double scale = sh_sankey_layout_get_scale (layout);
  double padding = sh_sankey_layout_get_padding (layout);
  guint n_nodes, n_links, n_columns, n_returns = 0;
  g_autofree double *in = NULL;
  g_autofree double *out = NULL;
  double lowest_node = -G_MAXDOUBLE;

  nodes = sh_sankey_layout_get_nodes (layout, &n_nodes);
  links = sh_sankey_layout_get_links (layout, &n_links);
  n_columns = sh_sankey_layout_get_n_columns (layout);
  in = g_new0 (double, n_nodes);
  out = g_new0 (double, n_nodes);

  g_assert_cmpfloat (scale, >, 0);
  g_assert_cmpfloat (padding, >, 0);
  g_assert_cmpfloat (padding, <=, options->node_padding);

  for (guint i = 0; i < n_links; i++)
    {
      const ShSankeyLink *link = &links[i];
      const ShSankeyNode *source = &nodes[link->source];
      const ShSankeyNode *target = &nodes[link->target];
      double expected = MAX (link->value * scale, options->min_link_width);

      /* One scale for all: the width is the value times the scale, or the
       * hairline for a flow too small to see. */
      g_assert_cmpfloat_with_epsilon (link->width, expected, 1e-9 * MAX (1, expected));
      in[link->target] += link->value;
      out[link->source] += link->value;

      g_assert_cmpfloat (link->x0, ==, source->x1);
      g_assert_cmpfloat (link->x1, ==, target->x0);

      if (link->is_return)
        {
          n_returns++;
          g_assert_cmpuint (target->column, <=, source->column);
          for (guint k = 0; k < G_N_ELEMENTS (link->path); k++)
            assert_inside (area,
                           link->path[k].x - (k > 0 && k < 5 ? link->width / 2 : 0),
                           link->path[k].y - link->width / 2,
                           link->path[k].x + (k > 0 && k < 5 ? link->width / 2 : 0),
                           link->path[k].y + link->width / 2);
          g_assert_cmpfloat (link->path[0].y, ==, link->y0);
          g_assert_cmpfloat (link->path[5].y, ==, link->y1);
          g_assert_cmpfloat (link->radius, >=, link->width / 2);
        }
      else
        {
          /* Columns are longest distances once return links are set
           * aside, so every forward link goes right: the rest is a DAG. */
          g_assert_cmpuint (target->column, >, source->column);
          g_assert_cmpfloat (link->x1, >, link->x0);
        }
    }
  g_assert_cmpuint (n_returns, ==, sh_sankey_layout_get_n_returns (layout));

  for (guint i = 0; i < n_nodes; i++)
    {
      const ShSankeyNode *node = &nodes[i];

      g_assert_cmpuint (node->column, <, n_columns);
      assert_inside (area, node->x0, node->y0, node->x1, node->y1);
      g_assert_cmpfloat_with_epsilon (node->x1 - node->x0, options->node_width, EPS);
      g_assert_cmpfloat_with_epsilon (node->value_in, in[i], 1e-9 * MAX (1, in[i]));
      g_assert_cmpfloat_with_epsilon (node->value_out, out[i], 1e-9 * MAX (1, out[i]));
      g_assert_cmpfloat (node->value, ==, MAX (node->value_in, node->value_out));
      g_assert_cmpfloat (node->y1 - node->y0, >=, node->value * scale - EPS);
      lowest_node = MAX (lowest_node, node->y1);

      if (node->kind == SH_SANKEY_NODE_STEP
          && fabs (node->value_in - node->value_out) > 1e-6 * node->value)
        {
          /* The stub shows in − out, on the short side. */
          g_assert_cmpfloat_with_epsilon (node->unaccounted, node->value_in - node->value_out,
                                          1e-9 * node->value);
          g_assert_cmpint (node->stub_side, ==, node->unaccounted > 0 ? SH_SANKEY_SIDE_RIGHT
                                                                        : SH_SANKEY_SIDE_LEFT);
          g_assert_cmpfloat_with_epsilon (node->stub_y1 - node->stub_y0,
                                          MAX (fabs (node->unaccounted) * scale,
                                               options->min_link_width), 1e-9);
          assert_inside (area, node->stub_x0, node->stub_y0, node->stub_x1, node->stub_y1);
          if (node->value_in > 0)
            g_assert_cmpfloat_with_epsilon (node->closure_error,
                                            node->unaccounted / node->value_in * 100, 1e-9);
          g_assert_cmpint (node->flagged, ==, fabs (node->closure_error) > options->tolerance);
        }
      else if (node->kind != SH_SANKEY_NODE_STEP)
        {
          g_assert_cmpint (node->stub_side, ==, SH_SANKEY_SIDE_NONE);
          g_assert_cmpfloat (node->unaccounted, ==, 0);
          g_assert_false (node->flagged);
        }

      assert_ports (layout, i, FALSE);
      assert_ports (layout, i, TRUE);
    }

  /* Return arcs run under every node. */
  for (guint i = 0; i < n_links; i++)
    if (links[i].is_return)
      g_assert_cmpfloat (links[i].path[2].y - links[i].width / 2, >=, lowest_node);

  /* No overlap within a column, padding kept; one x per column. */
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (double) * 2);
      double x0 = NAN;

      for (guint i = 0; i < n_nodes; i++)
        {
          double span[2] = { nodes[i].y0, nodes[i].y1 };

          if (nodes[i].column != c)
            continue;
          if (isnan (x0))
            x0 = nodes[i].x0;
          g_assert_cmpfloat (nodes[i].x0, ==, x0);
          g_array_append_vals (spans, span, 1);
        }
      g_assert_cmpuint (spans->len, >, 0);
      qsort (spans->data, spans->len, sizeof (double) * 2, compare_doubles);
      for (guint k = 1; k < spans->len; k++)
        g_assert_cmpfloat (((double *) spans->data)[2 * k] - ((double *) spans->data)[2 * k - 1],
                           >=, padding - EPS);
    }
}

static void
assert_layouts_equal (const ShSankeyLayout *a,
                      const ShSankeyLayout *b)
{
  const ShSankeyNode *na, *nb;
  const ShSankeyLink *la, *lb;
  guint n_na, n_nb, n_la, n_lb;

  na = sh_sankey_layout_get_nodes (a, &n_na);
  nb = sh_sankey_layout_get_nodes (b, &n_nb);
  la = sh_sankey_layout_get_links (a, &n_la);
  lb = sh_sankey_layout_get_links (b, &n_lb);

  g_assert_cmpuint (n_na, ==, n_nb);
  g_assert_cmpuint (n_la, ==, n_lb);
  g_assert_cmpfloat (sh_sankey_layout_get_scale (a), ==, sh_sankey_layout_get_scale (b));

  for (guint i = 0; i < n_na; i++)
    {
      g_assert_cmpstr (na[i].id, ==, nb[i].id);
      g_assert_cmpuint (na[i].column, ==, nb[i].column);
      /* Bit for bit: the same arithmetic in the same order. */
      g_assert_true (memcmp (&na[i].x0, &nb[i].x0,
                             sizeof (ShSankeyNode) - G_STRUCT_OFFSET (ShSankeyNode, x0)) == 0);
    }
  g_assert_true (memcmp (la, lb, n_la * sizeof (ShSankeyLink)) == 0);
}

/* ----------------------------------------------------------------- graph */

static void
test_graph_errors (void)
{
  g_autoptr(ShSankeyGraph) graph = sh_sankey_graph_new ("kg");
  g_autoptr(GError) error = NULL;
  guint index = 99;

  add_node (graph, "a", "A", SH_SANKEY_NODE_SOURCE);
  add_node (graph, "b", NULL, SH_SANKEY_NODE_SINK);

  g_assert_false (sh_sankey_graph_add_node (graph, "a", "again", SH_SANKEY_NODE_STEP, &error));
  g_assert_error (error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_DUPLICATE_NODE);
  g_clear_error (&error);

  g_assert_false (sh_sankey_graph_add_link (graph, "a", "nowhere", 1, SH_SANKEY_LINK_WATER,
                                            FALSE, 0, &error));
  g_assert_error (error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_UNKNOWN_NODE);
  g_clear_error (&error);

  g_assert_false (sh_sankey_graph_add_link (graph, "a", "b", -1, SH_SANKEY_LINK_WATER,
                                            FALSE, 0, &error));
  g_assert_error (error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_false (sh_sankey_graph_add_link (graph, "a", "b", NAN, SH_SANKEY_LINK_WATER,
                                            FALSE, 0, &error));
  g_assert_error (error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_false (sh_sankey_graph_add_link (graph, "a", "b", INFINITY, SH_SANKEY_LINK_WATER,
                                            FALSE, 0, &error));
  g_assert_error (error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_cmpuint (sh_sankey_graph_get_n_nodes (graph), ==, 2);
  g_assert_cmpuint (sh_sankey_graph_get_n_links (graph), ==, 0);
  g_assert_true (sh_sankey_graph_lookup_node (graph, "a", &index));
  g_assert_cmpuint (index, ==, 0);
  g_assert_true (sh_sankey_graph_lookup_node (graph, "b", &index));
  g_assert_cmpuint (index, ==, 1);
  g_assert_false (sh_sankey_graph_lookup_node (graph, "c", &index));
  g_assert_cmpstr (sh_sankey_graph_get_unit (graph), ==, "kg");
}

static void
test_graph_kind_names (void)
{
  for (guint k = 0; k < SH_SANKEY_N_LINK_KINDS; k++)
    {
      ShSankeyLinkKind back = SH_SANKEY_N_LINK_KINDS;

      g_assert_true (sh_sankey_link_kind_from_string (sh_sankey_link_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
    }
  for (guint k = SH_SANKEY_NODE_STEP; k <= SH_SANKEY_NODE_UNACCOUNTED; k++)
    {
      ShSankeyNodeKind back = 99;

      g_assert_true (sh_sankey_node_kind_from_string (sh_sankey_node_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
    }
  g_assert_cmpstr (sh_sankey_link_kind_to_string (SH_SANKEY_LINK_BY_PRODUCT), ==, "by_product");
  g_assert_false (sh_sankey_link_kind_from_string ("steam", NULL));
  g_assert_false (sh_sankey_node_kind_from_string ("", NULL));
}

/* ---------------------------------------------------------------- layout */

static const struct
{
  guint nodes;
  guint links;
} sizes[] = {
  { 8, 12 }, { 20, 40 }, { 60, 150 }, { 150, 400 }, { 300, 1000 },
};

static void
test_layout_random_dags (void)
{
  ShSankeyRect area = { 20, 30, 1600, 1000 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint32 seed = 1; seed <= 6; seed++)
      {
        g_autoptr(ShSankeyGraph) graph = make_random_graph (seed, sizes[s].nodes,
                                                            sizes[s].links, 0);
        g_autoptr(ShSankeyLayout) layout = lay_out (graph, &area, NULL);

        g_assert_cmpuint (sh_sankey_layout_get_n_returns (layout), ==, 0);
        assert_layout_valid (layout);
      }
}

static void
test_layout_cycles (void)
{
  ShSankeyRect area = { 0, 0, 1600, 1000 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint32 seed = 1; seed <= 6; seed++)
      {
        guint back = MAX (2, sizes[s].links / 20);
        g_autoptr(ShSankeyGraph) graph = make_random_graph (seed, sizes[s].nodes,
                                                            sizes[s].links, back);
        g_autoptr(ShSankeyLayout) layout = lay_out (graph, &area, NULL);

        /* Never refused, and each loop cut somewhere. */
        g_assert_cmpuint (sh_sankey_layout_get_n_returns (layout), >, 0);
        assert_layout_valid (layout);
      }
}

static void
test_layout_pure_cycle (void)
{
  g_autoptr(ShSankeyGraph) graph = sh_sankey_graph_new ("t");
  g_autoptr(ShSankeyLayout) layout = NULL;
  ShSankeyRect area = { 0, 0, 600, 400 };
  const ShSankeyLink *links;
  const ShSankeyNode *nodes;
  guint n_links;

  /* Nothing enters from outside and one step feeds itself: the search
   * still finds a place to start, and the self-loop becomes an arc. */
  add_node (graph, "a", "A", SH_SANKEY_NODE_STEP);
  add_node (graph, "b", "B", SH_SANKEY_NODE_STEP);
  add_node (graph, "c", "C", SH_SANKEY_NODE_STEP);
  add_link (graph, "a", "b", 10, SH_SANKEY_LINK_WATER, FALSE, 1);
  add_link (graph, "b", "c", 10, SH_SANKEY_LINK_WATER, FALSE, 2);
  add_link (graph, "c", "a", 10, SH_SANKEY_LINK_WATER, FALSE, 3);
  add_link (graph, "b", "b", 4, SH_SANKEY_LINK_WATER, FALSE, 4);

  layout = lay_out (graph, &area, NULL);
  assert_layout_valid (layout);

  links = sh_sankey_layout_get_links (layout, &n_links);
  nodes = sh_sankey_layout_get_nodes (layout, NULL);
  g_assert_cmpuint (sh_sankey_layout_get_n_returns (layout), ==, 2);
  g_assert_false (links[0].is_return);
  g_assert_false (links[1].is_return);
  g_assert_true (links[2].is_return);
  g_assert_true (links[3].is_return);
  g_assert_cmpuint (nodes[0].column, ==, 0);
  g_assert_cmpuint (nodes[1].column, ==, 1);
  g_assert_cmpuint (nodes[2].column, ==, 2);
  /* Balanced all round: inflow equals outflow everywhere. */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (nodes[i].stub_side, ==, SH_SANKEY_SIDE_NONE);
}

static void
test_layout_cassava (void)
{
  g_autoptr(ShSankeyGraph) graph = make_cassava_graph ();
  g_autoptr(ShSankeyLayout) layout = NULL;
  ShSankeyRect area = { 100, 80, 1000, 600 };
  const ShSankeyNode *nodes;
  const ShSankeyLink *links;
  guint washing, separation, drying, wastewater;

  layout = lay_out (graph, &area, NULL);
  assert_layout_valid (layout);
  nodes = sh_sankey_layout_get_nodes (layout, NULL);
  links = sh_sankey_layout_get_links (layout, NULL);

  g_assert_true (sh_sankey_graph_lookup_node (graph, "step:washing", &washing));
  g_assert_true (sh_sankey_graph_lookup_node (graph, "step:separation", &separation));
  g_assert_true (sh_sankey_graph_lookup_node (graph, "step:drying", &drying));
  g_assert_true (sh_sankey_graph_lookup_node (graph, "sink:wastewater", &wastewater));

  /* The recycle from separation back to washing is the one return arc. */
  g_assert_cmpuint (sh_sankey_layout_get_n_returns (layout), ==, 1);
  g_assert_true (links[2].is_return);
  g_assert_cmpint (links[2].caller_id, ==, 103);

  g_assert_cmpuint (sh_sankey_layout_get_n_columns (layout), ==, 6);
  g_assert_cmpuint (nodes[washing].column, ==, 1);
  g_assert_cmpuint (nodes[separation].column, ==, 3);
  g_assert_cmpuint (nodes[wastewater].column, ==, 5);

  /* Washing: 1.710 in, 1.690 out: a small stub, under tolerance. */
  g_assert_cmpfloat_with_epsilon (nodes[washing].value_in, 1710, 1e-9);
  g_assert_cmpfloat_with_epsilon (nodes[washing].unaccounted, 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (nodes[washing].closure_error, 20.0 / 1710 * 100, 1e-9);
  g_assert_false (nodes[washing].flagged);

  /* Separation: 1.755,5 in, 1.580 out: 10 % unexplained, flagged. */
  g_assert_cmpfloat_with_epsilon (nodes[separation].unaccounted, 175.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (nodes[separation].closure_error, 175.5 / 1755.5 * 100, 1e-9);
  g_assert_cmpint (nodes[separation].stub_side, ==, SH_SANKEY_SIDE_RIGHT);
  g_assert_true (nodes[separation].flagged);
  g_assert_cmpfloat (nodes[separation].stub_x0, ==, nodes[separation].x1);

  g_assert_cmpint (nodes[drying].stub_side, ==, SH_SANKEY_SIDE_NONE);
  g_assert_false (nodes[drying].flagged);
}

static void
test_layout_unaccounted (void)
{
  g_autoptr(ShSankeyGraph) graph = sh_sankey_graph_new ("kg");
  g_autoptr(ShSankeyLayout) layout = NULL;
  ShSankeyRect area = { 0, 0, 800, 500 };
  ShSankeyOptions options;
  const ShSankeyNode *nodes;
  const ShSankeyLink *links;
  double scale;

  add_node (graph, "in", "In", SH_SANKEY_NODE_SOURCE);
  add_node (graph, "loses", "Loses", SH_SANKEY_NODE_STEP);
  add_node (graph, "small", "Small loss", SH_SANKEY_NODE_STEP);
  add_node (graph, "gains", "Gains", SH_SANKEY_NODE_STEP);
  add_node (graph, "out", "Out", SH_SANKEY_NODE_SINK);
  add_link (graph, "in", "loses", 100, SH_SANKEY_LINK_MATERIAL, FALSE, 1);
  add_link (graph, "loses", "out", 80, SH_SANKEY_LINK_PRODUCT, FALSE, 2);
  add_link (graph, "loses", "small", 10, SH_SANKEY_LINK_MATERIAL, FALSE, 3);
  add_link (graph, "small", "out", 9.7, SH_SANKEY_LINK_MATERIAL, FALSE, 4);
  add_link (graph, "in", "gains", 50, SH_SANKEY_LINK_MATERIAL, FALSE, 5);
  add_link (graph, "gains", "out", 60, SH_SANKEY_LINK_MATERIAL, FALSE, 6);

  layout = lay_out (graph, &area, NULL);
  assert_layout_valid (layout);
  nodes = sh_sankey_layout_get_nodes (layout, NULL);
  links = sh_sankey_layout_get_links (layout, NULL);
  scale = sh_sankey_layout_get_scale (layout);

  /* 100 in, 90 out: 10 missing on the output side, 10 %, flagged; the
   * stub sits under the outgoing bands and is 10 units high. */
  g_assert_cmpfloat_with_epsilon (nodes[1].unaccounted, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (nodes[1].closure_error, 10, 1e-9);
  g_assert_cmpint (nodes[1].stub_side, ==, SH_SANKEY_SIDE_RIGHT);
  g_assert_true (nodes[1].flagged);
  g_assert_cmpfloat_with_epsilon (nodes[1].stub_y1 - nodes[1].stub_y0, 10 * scale, 1e-9);
  g_assert_cmpfloat_with_epsilon (nodes[1].y1 - nodes[1].y0, 100 * scale, 1e-9);
  g_assert_cmpfloat_with_epsilon (nodes[1].stub_y0,
                                  MAX (links[1].y0, links[2].y0)
                                  + MIN (links[1].width, links[2].width) / 2,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (nodes[1].stub_y1, nodes[1].y1, 1e-9);
  g_assert_cmpfloat_with_epsilon (nodes[1].stub_x1 - nodes[1].stub_x0,
                                  sh_sankey_layout_get_options (layout)->stub_length, 1e-9);

  /* 10 in, 9,7 out: 3 %, under the default 5 % tolerance. */
  g_assert_cmpfloat_with_epsilon (nodes[2].closure_error, 3, 1e-9);
  g_assert_false (nodes[2].flagged);

  /* 50 in, 60 out: the stub is on the input side, the error negative. */
  g_assert_cmpfloat_with_epsilon (nodes[3].unaccounted, -10, 1e-9);
  g_assert_cmpfloat_with_epsilon (nodes[3].closure_error, -20, 1e-9);
  g_assert_cmpint (nodes[3].stub_side, ==, SH_SANKEY_SIDE_LEFT);
  g_assert_cmpfloat (nodes[3].stub_x1, ==, nodes[3].x0);
  g_assert_true (nodes[3].flagged);

  /* A tighter tolerance flags the 3 % step too. */
  g_clear_pointer (&layout, sh_sankey_layout_unref);
  sh_sankey_options_init (&options);
  options.tolerance = 2;
  layout = lay_out (graph, &area, &options);
  nodes = sh_sankey_layout_get_nodes (layout, NULL);
  g_assert_true (nodes[2].flagged);
  assert_layout_valid (layout);
}

static void
test_layout_fixed_scale (void)
{
  g_autoptr(ShSankeyGraph) before = make_random_graph (7, 40, 90, 3);
  g_autoptr(ShSankeyGraph) after = sh_sankey_graph_new ("kg");
  g_autoptr(ShSankeyLayout) fitted = NULL;
  g_autoptr(ShSankeyLayout) same = NULL;
  g_autoptr(ShSankeyLayout) compared = NULL;
  g_autoptr(ShSankeyLayout) refused = NULL;
  g_autoptr(GError) error = NULL;
  ShSankeyRect area = { 0, 0, 1200, 800 };
  ShSankeyOptions options;
  const ShSankeyLink *links;
  guint n_links;
  double scale;

  fitted = lay_out (before, &area, NULL);
  scale = sh_sankey_layout_get_scale (fitted);

  /* The fitted scale is the largest that fits: 2 % more does not. */
  sh_sankey_options_init (&options);
  options.fixed_scale = scale * 1.02;
  refused = sh_sankey_layout_new (before, &area, &options, &error);
  g_assert_error (error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_SCALE_TOO_LARGE);
  g_assert_null (refused);
  g_clear_error (&error);

  /* Passing it back in gives the very same picture. */
  options.fixed_scale = scale;
  same = lay_out (before, &area, &options);
  assert_layouts_equal (fitted, same);

  /* "After" is "before" with every flow cut to 60 %: at the shared scale
   * its bands are 60 % as wide, not stretched to fill the area. */
  links = sh_sankey_layout_get_links (fitted, &n_links);
  for (guint i = 0; i < sh_sankey_graph_get_n_nodes (before); i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);

      add_node (after, id, id, sh_sankey_layout_get_nodes (fitted, NULL)[i].kind);
    }
  for (guint i = 0; i < n_links; i++)
    {
      g_autofree char *from = g_strdup_printf ("n%u", links[i].source);
      g_autofree char *to = g_strdup_printf ("n%u", links[i].target);

      add_link (after, from, to, links[i].value * 0.6, links[i].kind, FALSE, links[i].caller_id);
    }
  compared = lay_out (after, &area, &options);
  assert_layout_valid (compared);
  g_assert_cmpfloat (sh_sankey_layout_get_scale (compared), ==, scale);
  links = sh_sankey_layout_get_links (compared, &n_links);
  for (guint i = 0; i < n_links; i++)
    g_assert_cmpfloat_with_epsilon (links[i].width, MAX (links[i].value * scale, 1), 1e-9);
}

static void
test_layout_deterministic (void)
{
  ShSankeyRect area = { 0, 0, 1600, 1000 };

  for (guint32 seed = 11; seed <= 13; seed++)
    {
      g_autoptr(ShSankeyGraph) graph = make_random_graph (seed, 300, 1000, 40);
      g_autoptr(ShSankeyGraph) twin = make_random_graph (seed, 300, 1000, 40);
      g_autoptr(ShSankeyLayout) first = lay_out (graph, &area, NULL);
      g_autoptr(ShSankeyLayout) second = lay_out (graph, &area, NULL);
      g_autoptr(ShSankeyLayout) third = lay_out (twin, &area, NULL);
      const ShSankeyNode *a = sh_sankey_layout_get_nodes (first, NULL);
      const ShSankeyNode *c = sh_sankey_layout_get_nodes (third, NULL);

      assert_layouts_equal (first, second);
      /* A separately built graph (other allocations, other hash tables)
       * lays out bit for bit the same. */
      for (guint i = 0; i < 300; i++)
        {
          g_assert_cmpfloat (a[i].y0, ==, c[i].y0);
          g_assert_cmpfloat (a[i].x0, ==, c[i].x0);
        }
      g_assert_cmpuint (sh_sankey_graph_get_n_links (twin), ==,
                        sh_sankey_graph_get_n_links (graph));
      g_assert_true (memcmp (sh_sankey_layout_get_links (first, NULL),
                             sh_sankey_layout_get_links (third, NULL),
                             sh_sankey_graph_get_n_links (graph) * sizeof (ShSankeyLink)) == 0);
    }
}

static void
test_layout_columns (void)
{
  g_autoptr(ShSankeyGraph) graph = sh_sankey_graph_new ("MJ");
  g_autoptr(ShSankeyLayout) last = NULL;
  g_autoptr(ShSankeyLayout) beside = NULL;
  ShSankeyRect area = { 0, 0, 800, 400 };
  ShSankeyOptions options;
  const ShSankeyNode *nodes;

  add_node (graph, "fuel", "Fuel", SH_SANKEY_NODE_SOURCE);
  add_node (graph, "boiler", "Boiler", SH_SANKEY_NODE_STEP);
  add_node (graph, "flue", "Flue gas", SH_SANKEY_NODE_SINK);
  add_node (graph, "dryer", "Dryer", SH_SANKEY_NODE_STEP);
  add_node (graph, "press", "Press", SH_SANKEY_NODE_STEP);
  add_node (graph, "product", "Product", SH_SANKEY_NODE_SINK);
  add_link (graph, "fuel", "boiler", 100, SH_SANKEY_LINK_ENERGY, FALSE, 1);
  add_link (graph, "boiler", "flue", 20, SH_SANKEY_LINK_EMISSION, FALSE, 2);
  add_link (graph, "boiler", "dryer", 50, SH_SANKEY_LINK_ENERGY, FALSE, 3);
  add_link (graph, "boiler", "press", 30, SH_SANKEY_LINK_ENERGY, FALSE, 4);
  add_link (graph, "dryer", "press", 50, SH_SANKEY_LINK_ENERGY, FALSE, 5);
  add_link (graph, "press", "product", 80, SH_SANKEY_LINK_PRODUCT, FALSE, 6);

  last = lay_out (graph, &area, NULL);
  assert_layout_valid (last);
  nodes = sh_sankey_layout_get_nodes (last, NULL);
  /* The press is two steps from the fuel by one path, three by another:
   * it takes the longest. */
  g_assert_cmpuint (nodes[0].column, ==, 0);
  g_assert_cmpuint (nodes[1].column, ==, 1);
  g_assert_cmpuint (nodes[3].column, ==, 2);
  g_assert_cmpuint (nodes[4].column, ==, 3);
  g_assert_cmpuint (nodes[5].column, ==, 4);
  g_assert_cmpuint (nodes[2].column, ==, 4);

  sh_sankey_options_init (&options);
  options.sinks = SH_SANKEY_SINKS_BESIDE_PRODUCER;
  beside = lay_out (graph, &area, &options);
  assert_layout_valid (beside);
  nodes = sh_sankey_layout_get_nodes (beside, NULL);
  g_assert_cmpuint (nodes[2].column, ==, 2);
  g_assert_cmpuint (nodes[5].column, ==, 4);
}

static void
test_layout_ports (void)
{
  g_autoptr(ShSankeyGraph) graph = sh_sankey_graph_new ("kg");
  g_autoptr(ShSankeyLayout) layout = NULL;
  ShSankeyRect area = { 0, 0, 600, 600 };
  const ShSankeyNode *nodes;
  const ShSankeyLink *links;
  guint n_links;

  /* Links added in the "wrong" order; ports follow the other ends. */
  add_node (graph, "s", "S", SH_SANKEY_NODE_SOURCE);
  add_node (graph, "t1", "T1", SH_SANKEY_NODE_SINK);
  add_node (graph, "t2", "T2", SH_SANKEY_NODE_SINK);
  add_node (graph, "t3", "T3", SH_SANKEY_NODE_SINK);
  add_link (graph, "s", "t3", 10, SH_SANKEY_LINK_WASTE, FALSE, 1);
  add_link (graph, "s", "t1", 40, SH_SANKEY_LINK_PRODUCT, FALSE, 2);
  add_link (graph, "s", "t2", 20, SH_SANKEY_LINK_WASTE, FALSE, 3);

  layout = lay_out (graph, &area, NULL);
  assert_layout_valid (layout);
  nodes = sh_sankey_layout_get_nodes (layout, NULL);
  links = sh_sankey_layout_get_links (layout, &n_links);

  for (guint i = 0; i < n_links; i++)
    for (guint j = 0; j < n_links; j++)
      if (nodes[links[i].target].y0 < nodes[links[j].target].y0)
        g_assert_cmpfloat (links[i].y0, <, links[j].y0);
}

static double
total_slope (const ShSankeyLayout *layout)
{
  const ShSankeyLink *links;
  guint n_links;
  double sum = 0;

  links = sh_sankey_layout_get_links (layout, &n_links);
  for (guint i = 0; i < n_links; i++)
    sum += fabs (links[i].y1 - links[i].y0) * links[i].value;

  return sum;
}

static void
test_layout_relaxation (void)
{
  g_autoptr(ShSankeyGraph) graph = sh_sankey_graph_new ("kg");
  g_autoptr(ShSankeyGraph) random = make_random_graph (9, 60, 150, 0);
  g_autoptr(ShSankeyLayout) layout = NULL;
  g_autoptr(ShSankeyLayout) stacked = NULL;
  ShSankeyRect area = { 0, 0, 900, 600 };
  ShSankeyOptions options;
  const ShSankeyLink *links;
  guint n_links;

  /* A main line with a small side branch: relaxation should pull the main
   * line nearly level, where the plain centred stacks leave it slanted. */
  add_node (graph, "a", "A", SH_SANKEY_NODE_SOURCE);
  add_node (graph, "side", "Side", SH_SANKEY_NODE_SOURCE);
  add_node (graph, "b", "B", SH_SANKEY_NODE_STEP);
  add_node (graph, "c", "C", SH_SANKEY_NODE_STEP);
  add_node (graph, "d", "D", SH_SANKEY_NODE_SINK);
  add_link (graph, "a", "b", 100, SH_SANKEY_LINK_WATER, FALSE, 1);
  add_link (graph, "b", "c", 100, SH_SANKEY_LINK_WATER, FALSE, 2);
  add_link (graph, "c", "d", 100, SH_SANKEY_LINK_WATER, FALSE, 3);
  add_link (graph, "side", "d", 30, SH_SANKEY_LINK_WATER, FALSE, 4);

  sh_sankey_options_init (&options);
  options.iterations = 0;
  stacked = lay_out (graph, &area, &options);
  assert_layout_valid (stacked);
  layout = lay_out (graph, &area, NULL);
  assert_layout_valid (layout);

  links = sh_sankey_layout_get_links (layout, &n_links);
  /* The sink is pulled both ways (by the main line and by the side branch),
   * so "nearly": within a few pixels, where the stacks are 70 apart. */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (fabs (links[i].y0 - links[i].y1), <, 5);
  g_assert_cmpfloat (total_slope (layout), <, 0.1 * total_slope (stacked));

  /* On a tangled random graph, the value-weighted slope of the bands
   * drops too. */
  g_clear_pointer (&layout, sh_sankey_layout_unref);
  g_clear_pointer (&stacked, sh_sankey_layout_unref);
  stacked = lay_out (random, &area, &options);
  layout = lay_out (random, &area, NULL);
  g_assert_cmpfloat (total_slope (layout), <, 0.8 * total_slope (stacked));
}

static void
test_layout_hairline (void)
{
  g_autoptr(ShSankeyGraph) graph = sh_sankey_graph_new ("kg");
  g_autoptr(ShSankeyLayout) layout = NULL;
  ShSankeyRect area = { 0, 0, 600, 300 };
  const ShSankeyLink *links;

  add_node (graph, "a", "A", SH_SANKEY_NODE_SOURCE);
  add_node (graph, "b", "B", SH_SANKEY_NODE_SINK);
  add_node (graph, "c", "C", SH_SANKEY_NODE_SINK);
  add_link (graph, "a", "b", 1e6, SH_SANKEY_LINK_WATER, FALSE, 1);
  add_link (graph, "a", "c", 0.5, SH_SANKEY_LINK_WATER, FALSE, 2);
  add_link (graph, "a", "c", 0, SH_SANKEY_LINK_WATER, FALSE, 3);

  layout = lay_out (graph, &area, NULL);
  assert_layout_valid (layout);
  links = sh_sankey_layout_get_links (layout, NULL);
  g_assert_cmpfloat (links[1].width, ==, 1);
  g_assert_cmpfloat (links[2].width, ==, 1);
  g_assert_cmpfloat (links[0].width, >, 200);
}

static void
test_layout_too_small (void)
{
  g_autoptr(ShSankeyGraph) graph = make_random_graph (3, 60, 150, 0);
  g_autoptr(ShSankeyGraph) empty = sh_sankey_graph_new ("kg");
  g_autoptr(ShSankeyLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  ShSankeyRect narrow = { 0, 0, 40, 800 };
  ShSankeyRect flat = { 0, 0, 800, 8 };

  layout = sh_sankey_layout_new (graph, &narrow, NULL, &error);
  g_assert_error (error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_AREA_TOO_SMALL);
  g_assert_null (layout);
  g_clear_error (&error);

  layout = sh_sankey_layout_new (graph, &flat, NULL, &error);
  g_assert_error (error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_AREA_TOO_SMALL);
  g_assert_null (layout);
  g_clear_error (&error);

  /* An empty diagram is not an error: there is nothing to place. */
  layout = lay_out (empty, &flat, NULL);
  g_assert_cmpuint (sh_sankey_layout_get_n_columns (layout), ==, 0);
}

/* ------------------------------------------------------------ hit tests */

static void
test_hit_test (void)
{
  g_autoptr(ShSankeyGraph) graph = make_cassava_graph ();
  g_autoptr(ShSankeyLayout) layout = NULL;
  ShSankeyRect area = { 100, 80, 1000, 600 };
  const ShSankeyNode *nodes, *stub;
  const ShSankeyLink *links;
  ShSankeyHit hit;
  guint n_nodes, n_links, separation;

  layout = lay_out (graph, &area, NULL);
  nodes = sh_sankey_layout_get_nodes (layout, &n_nodes);
  links = sh_sankey_layout_get_links (layout, &n_links);

  for (guint i = 0; i < n_nodes; i++)
    {
      g_assert_true (sh_sankey_layout_hit_test (layout, (nodes[i].x0 + nodes[i].x1) / 2,
                                                (nodes[i].y0 + nodes[i].y1) / 2, &hit));
      g_assert_cmpint (hit.kind, ==, SH_SANKEY_HIT_NODE);
      g_assert_cmpuint (hit.index, ==, i);
    }

  /* A quarter of the way along each band, on its centre line: that flow,
   * unless a narrower one is painted over the same spot. */
  for (guint i = 0; i < n_links; i++)
    {
      double x, y;

      if (links[i].is_return)
        {
          x = (links[i].path[2].x + links[i].path[3].x) / 2;
          y = links[i].path[2].y;
        }
      else
        {
          double t = 0.25;

          x = links[i].x0 + (links[i].x1 - links[i].x0) * (1.5 * t - 1.5 * t * t + t * t * t);
          y = links[i].y0 + (links[i].y1 - links[i].y0) * (3 * t * t - 2 * t * t * t);
        }

      g_assert_true (sh_sankey_layout_hit_test (layout, x, y, &hit));
      g_assert_cmpint (hit.kind, ==, SH_SANKEY_HIT_LINK);
      g_assert_cmpint (hit.caller_id, ==, links[hit.index].caller_id);
      if (hit.index != i)
        g_assert_cmpfloat (links[hit.index].width, <=, links[i].width);
      if (links[i].is_return)
        g_assert_cmpint (hit.caller_id, ==, 103);

      /* Just outside the band's edge (and beyond the hairline slack),
       * it is no longer this flow. */
      if (!links[i].is_return
          && sh_sankey_layout_hit_test (layout, x, y - MAX (links[i].width / 2, 3) - 0.5, &hit))
        g_assert_false (hit.kind == SH_SANKEY_HIT_LINK && hit.index == i);
    }

  g_assert_true (sh_sankey_graph_lookup_node (graph, "step:separation", &separation));
  stub = &nodes[separation];
  g_assert_true (sh_sankey_layout_hit_test (layout, (stub->stub_x0 + stub->stub_x1) / 2,
                                            (stub->stub_y0 + stub->stub_y1) / 2, &hit));
  g_assert_cmpint (hit.kind, ==, SH_SANKEY_HIT_STUB);
  g_assert_cmpuint (hit.index, ==, separation);

  /* Between the two sources, in the padding of the first column, there is
   * nothing to hit. */
  g_assert_cmpuint (nodes[0].column, ==, 0);
  g_assert_cmpuint (nodes[1].column, ==, 0);
  g_assert_false (sh_sankey_layout_hit_test (layout, (nodes[0].x0 + nodes[0].x1) / 2,
                                             nodes[0].y1 < nodes[1].y0
                                             ? (nodes[0].y1 + nodes[1].y0) / 2
                                             : (nodes[1].y1 + nodes[0].y0) / 2,
                                             &hit));
  g_assert_cmpint (hit.kind, ==, SH_SANKEY_HIT_NONE);
}

static double
bezier (double p0,
        double p1,
        double p2,
        double p3,
        double t)
{
  return pow (1 - t, 3) * p0 + 3 * pow (1 - t, 2) * t * p1 + 3 * (1 - t) * t * t * p2
         + pow (t, 3) * p3;
}

/* How far (@x, @y) lies from the centre line of the forward @link, in units
 * of its grabbable half width; G_MAXDOUBLE outside its x range. The curve's
 * parameter is found by bisection on the plain Bézier form, not the way the
 * hit test finds it. */
static double
band_distance (const ShSankeyLink *link,
               double              x,
               double              y)
{
  double xm = (link->x0 + link->x1) / 2;
  double lo = 0, hi = 1, t;

  if (link->is_return || x < link->x0 || x > link->x1)
    return G_MAXDOUBLE;

  for (guint k = 0; k < 60; k++)
    {
      t = (lo + hi) / 2;
      if (bezier (link->x0, xm, xm, link->x1, t) < x)
        lo = t;
      else
        hi = t;
    }
  t = (lo + hi) / 2;

  return fabs (y - bezier (link->y0, link->y0, link->y1, link->y1, t)) / MAX (link->width / 2, 3);
}

static void
test_hit_test_overlaps (void)
{
  g_autoptr(ShSankeyGraph) graph = make_random_graph (21, 40, 120, 0);
  g_autoptr(ShSankeyLayout) layout = NULL;
  ShSankeyRect area = { 0, 0, 1000, 700 };
  const ShSankeyLink *links;
  guint n_links, checked = 0, overlaps = 0;

  layout = lay_out (graph, &area, NULL);
  links = sh_sankey_layout_get_links (layout, &n_links);

  /* At the middle of every band, the hit is one of the bands that cover
   * the spot, and the narrowest of them: the one painted on top. */
  for (guint i = 0; i < n_links; i++)
    {
      double x = (links[i].x0 + links[i].x1) / 2;
      double y = (links[i].y0 + links[i].y1) / 2;
      double narrowest = G_MAXDOUBLE;
      gboolean ambiguous = FALSE;
      guint covering = 0;
      ShSankeyHit hit;

      for (guint j = 0; j < n_links; j++)
        {
          double d = band_distance (&links[j], x, y);

          /* Spots right on an edge could go either way; skip them. */
          if (fabs (d - 1) < 0.02)
            ambiguous = TRUE;
          else if (d < 1)
            {
              covering++;
              narrowest = MIN (narrowest, links[j].width);
            }
        }
      if (ambiguous)
        continue;

      g_assert_true (sh_sankey_layout_hit_test (layout, x, y, &hit));
      if (hit.kind != SH_SANKEY_HIT_LINK)
        continue;
      g_assert_cmpfloat (band_distance (&links[hit.index], x, y), <, 1);
      g_assert_cmpfloat (links[hit.index].width, ==, narrowest);
      checked++;
      if (covering > 1)
        overlaps++;
    }

  /* The graph is tangled enough for the rule to matter. */
  g_assert_cmpuint (checked, >, 60);
  g_assert_cmpuint (overlaps, >, 10);
}

/* ------------------------------------------------------------- rendering */

static const char * const cassava_notes[] = {
  "Nước làm mát bơm chân không — ghi sổ bằng “thùng 200 L/ca”, chưa có hệ số quy đổi",
  "Hơi cấp cho máy sấy (1,8 t/giờ) — thuộc lớp năng lượng, không quy đổi sang m³",
  NULL
};

static void
cassava_style (ShSankeyStyle *style)
{
  sh_sankey_style_init (style);
  style->title = "Nhà máy tinh bột sắn Tân Châu — Đánh giá SXSH chi tiết, dây chuyền 150 t/ngày";
  style->caption = "Sơ đồ cân bằng nước · đơn vị: m³/ngày (trung bình 26 ngày sản xuất, "
                   "tháng 3/2024) · số liệu đo trong đợt khảo sát, dòng nét đứt là ước tính";
  style->notes = cassava_notes;
}

/* Reads the pixel at (x, y) of an ARGB32 image as 0–255 channels. */
static void
read_pixel (cairo_surface_t *surface,
            double           x,
            double           y,
            int             *r,
            int             *g,
            int             *b)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel;

  cairo_surface_flush (surface);
  pixel = *(guint32 *) (data + (int) y * stride + (int) x * 4);
  *r = (pixel >> 16) & 0xff;
  *g = (pixel >> 8) & 0xff;
  *b = pixel & 0xff;
}

static const ShSankeyLink *
find_link (const ShSankeyLayout *layout,
           gint64                caller_id)
{
  guint n_links;
  const ShSankeyLink *links = sh_sankey_layout_get_links (layout, &n_links);

  for (guint i = 0; i < n_links; i++)
    if (links[i].caller_id == caller_id)
      return &links[i];
  g_assert_not_reached ();
}

static void
test_render_cassava_png (void)
{
  g_autoptr(ShSankeyGraph) graph = make_cassava_graph ();
  g_autoptr(ShSankeyLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sh_test_build_path ("tests", "sankey-demo.png", NULL);
  const ShSankeyRect *area;
  const ShSankeyLink *waste, *well;
  ShSankeyStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint dark = 0;
  int r, g, b;

  cassava_style (&style);
  style.font_size = 13;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 1000);
  cr = cairo_create (surface);

  layout = sh_sankey_render_layout (cr, graph, NULL, &style, 1600, 1000, &error);
  g_assert_no_error (error);
  assert_layout_valid (layout);
  sh_sankey_render (cr, layout, &style, 1600, 1000);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  /* The diagram sits inside the page, below the title. */
  area = sh_sankey_layout_get_area (layout);
  g_assert_cmpfloat (area->x, >, 100);
  g_assert_cmpfloat (area->y, >, 40);
  g_assert_cmpfloat (area->x + area->width, <, 1600);
  g_assert_cmpfloat (area->y + area->height, <, 1000);

  /* Bands take their kind's colour: the washing wastewater is red, the
   * well water blue (sampled a tenth of the way along, clear of labels). */
  waste = find_link (layout, 104);
  read_pixel (surface, waste->x0 + 0.05 * (waste->x1 - waste->x0), waste->y0 + 1, &r, &g, &b);
  g_assert_cmpint (r - g, >, 60);
  well = find_link (layout, 108);
  read_pixel (surface, well->x0 + 0.05 * (well->x1 - well->x0), well->y0 + 1, &r, &g, &b);
  g_assert_cmpint (b - r, >, 60);

  /* Something was drawn: title, nodes, labels. */
  for (int y = 0; y < 1000; y += 3)
    for (int x = 0; x < 1600; x += 3)
      {
        read_pixel (surface, x, y, &r, &g, &b);
        if (r + g + b < 200)
          dark++;
      }
  g_assert_cmpuint (dark, >, 2000);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("wrote %s", path);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Whether @needle occurs in the binary @data (which may hold NULs). */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_render_cassava_pdf (void)
{
  g_autoptr(ShSankeyGraph) graph = make_cassava_graph ();
  g_autoptr(ShSankeyLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sh_test_build_path ("tests", "sankey-demo.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  ShSankeyStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* A4 landscape in points, as a report page. */
  cassava_style (&style);
  style.font_size = 7.5;
  surface = cairo_pdf_surface_create (path, 842, 595);
  cr = cairo_create (surface);

  layout = sh_sankey_render_layout (cr, graph, NULL, &style, 842, 595, &error);
  g_assert_no_error (error);
  assert_layout_valid (layout);
  sh_sankey_render (cr, layout, &style, 842, 595);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 5000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* The text is real text in DejaVu Sans, embedded. */
  g_assert_true (contains_bytes (contents, length, "/FontName /"));
  g_assert_true (contains_bytes (contents, length, "+DejaVuSans"));
}

static char *
count_format (double   value,
              gpointer user_data)
{
  GPtrArray *seen = user_data;

  g_ptr_array_add (seen, g_strdup_printf ("%.2f", value));
  return g_strdup_printf ("<%.2f>", value);
}

static void
test_render_describe (void)
{
  g_autoptr(ShSankeyGraph) graph = make_cassava_graph ();
  g_autoptr(ShSankeyLayout) layout = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *waste = NULL;
  g_autofree char *recycle = NULL;
  g_autofree char *separation = NULL;
  g_autofree char *custom = NULL;
  ShSankeyRect area = { 0, 0, 1000, 600 };
  ShSankeyHit hit = { SH_SANKEY_HIT_LINK, 3, 104 };
  ShSankeyStyle style;
  guint index;

  layout = lay_out (graph, &area, NULL);

  /* Vietnamese numbers: dot between thousands, comma for decimals. */
  waste = sh_sankey_render_describe (layout, NULL, &hit);
  g_assert_cmpstr (waste, ==, "Rửa và bóc vỏ củ → Nước thải ra hồ xử lý\n"
                              "1.234,5\u00a0m³ · Chất thải / waste");

  hit.index = 2;
  recycle = sh_sankey_render_describe (layout, NULL, &hit);
  g_assert_nonnull (strstr (recycle, "450,0\u00a0m³"));
  g_assert_nonnull (strstr (recycle, "ước tính / estimated"));
  g_assert_nonnull (strstr (recycle, "tuần hoàn"));

  g_assert_true (sh_sankey_graph_lookup_node (graph, "step:separation", &index));
  hit = (ShSankeyHit) { SH_SANKEY_HIT_NODE, index, 0 };
  separation = sh_sankey_render_describe (layout, NULL, &hit);
  g_assert_cmpstr (separation, ==, "Ly tâm tách bã, thu hồi tinh bột\n"
                                   "vào / in: 1.755,5\u00a0m³ · ra / out: 1.580,0\u00a0m³\n"
                                   "⚠ không xác định / unaccounted: 175,5\u00a0m³ (10,0\u00a0%)");

  hit = (ShSankeyHit) { SH_SANKEY_HIT_NONE, 0, 0 };
  g_assert_null (sh_sankey_render_describe (layout, NULL, &hit));

  /* A caller's formatter replaces ours everywhere. */
  sh_sankey_style_init (&style);
  style.format = count_format;
  style.format_data = seen;
  hit = (ShSankeyHit) { SH_SANKEY_HIT_LINK, 12, 113 };
  custom = sh_sankey_render_describe (layout, &style, &hit);
  g_assert_nonnull (strstr (custom, "<8.00>\u00a0m³"));
  g_assert_cmpuint (seen->len, ==, 1);
}

static void
test_render_format_callback (void)
{
  g_autoptr(ShSankeyGraph) graph = make_cassava_graph ();
  g_autoptr(ShSankeyLayout) layout = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  ShSankeyStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean found_total = FALSE, found_flow = FALSE, found_gap = FALSE;

  sh_sankey_style_init (&style);
  style.format = count_format;
  style.format_data = seen;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 800);
  cr = cairo_create (surface);
  layout = sh_sankey_render_layout (cr, graph, NULL, &style, 1200, 800, &error);
  g_assert_no_error (error);
  g_ptr_array_set_size (seen, 0);
  sh_sankey_render (cr, layout, &style, 1200, 800);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  /* Node totals, flow values and the unaccounted amount all go through the
   * caller's formatter. */
  for (guint i = 0; i < seen->len; i++)
    {
      const char *v = g_ptr_array_index (seen, i);

      found_total |= g_str_equal (v, "2200.00");   /* the well, 900 + 300 + 1.000 */
      found_flow |= g_str_equal (v, "1234.50");
      found_gap |= g_str_equal (v, "175.50");
    }
  g_assert_true (found_total);
  g_assert_true (found_flow);
  g_assert_true (found_gap);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_render_empty (void)
{
  g_autoptr(ShSankeyGraph) graph = sh_sankey_graph_new ("MJ");
  g_autoptr(ShSankeyLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  ShSankeyStyle style;
  ShSankeyHit hit;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* A layer with no flows yet still makes a page: title, no diagram. */
  sh_sankey_style_init (&style);
  style.title = "Cân bằng năng lượng";
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cr = cairo_create (surface);
  layout = sh_sankey_render_layout (cr, graph, NULL, &style, 400, 300, &error);
  g_assert_no_error (error);
  g_assert_nonnull (layout);
  sh_sankey_render (cr, layout, &style, 400, 300);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_false (sh_sankey_layout_hit_test (layout, 200, 150, &hit));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_render_large (void)
{
  g_autoptr(ShSankeyGraph) graph = make_random_graph (5, 300, 1000, 30);
  g_autoptr(ShSankeyLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sh_test_build_path ("tests", "sankey-large.png", NULL);
  ShSankeyStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;

  sh_sankey_style_init (&style);
  style.title = "300 công đoạn, 1.000 dòng";
  style.font_size = 8;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2400, 1600);
  cr = cairo_create (surface);
  layout = sh_sankey_render_layout (cr, graph, NULL, &style, 2400, 1600, &error);
  g_assert_no_error (error);
  assert_layout_valid (layout);
  sh_sankey_render (cr, layout, &style, 2400, 1600);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *fonts = NULL;
  int ret;

  sh_test_init (&argc, &argv);
  fonts = sh_test_use_plain_fontconfig ();

  g_test_add_func ("/sankey/graph/errors", test_graph_errors);
  g_test_add_func ("/sankey/graph/kind-names", test_graph_kind_names);
  g_test_add_func ("/sankey/layout/random-dags", test_layout_random_dags);
  g_test_add_func ("/sankey/layout/cycles", test_layout_cycles);
  g_test_add_func ("/sankey/layout/pure-cycle", test_layout_pure_cycle);
  g_test_add_func ("/sankey/layout/cassava", test_layout_cassava);
  g_test_add_func ("/sankey/layout/unaccounted", test_layout_unaccounted);
  g_test_add_func ("/sankey/layout/fixed-scale", test_layout_fixed_scale);
  g_test_add_func ("/sankey/layout/deterministic", test_layout_deterministic);
  g_test_add_func ("/sankey/layout/columns", test_layout_columns);
  g_test_add_func ("/sankey/layout/ports", test_layout_ports);
  g_test_add_func ("/sankey/layout/relaxation", test_layout_relaxation);
  g_test_add_func ("/sankey/layout/hairline", test_layout_hairline);
  g_test_add_func ("/sankey/layout/too-small", test_layout_too_small);
  g_test_add_func ("/sankey/hit-test/cassava", test_hit_test);
  g_test_add_func ("/sankey/hit-test/overlaps", test_hit_test_overlaps);
  g_test_add_func ("/sankey/render/png", test_render_cassava_png);
  g_test_add_func ("/sankey/render/pdf", test_render_cassava_pdf);
  g_test_add_func ("/sankey/render/describe", test_render_describe);
  g_test_add_func ("/sankey/render/format-callback", test_render_format_callback);
  g_test_add_func ("/sankey/render/empty", test_render_empty);
  g_test_add_func ("/sankey/render/large", test_render_large);

  ret = g_test_run ();

  sh_test_release_fonts (fonts);

  return ret;
}
