/* bench-sankey.c — how long the flow diagram takes to lay out and draw.
 *
 * Usage: bench-sankey [RUNS [NODES LINKS]]. Prints the median time of RUNS
 * runs (default 31) for a seeded graph of NODES nodes and LINKS links
 * (default 300 and 1.000) plus 3 % more as recycle loops, drawn to an image
 * surface, next to the floor: Cairo alone stroking the same curves at the
 * same widths, with no layout, fill or text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "sh-sankey.h"
#include "sh-sankey-render.h"

#define WIDTH    1920
#define HEIGHT   1200

typedef void (*BenchFunc) (gpointer data);

typedef struct
{
  ShSankeyGraph   *graph;
  ShSankeyLayout  *layout;
  ShSankeyStyle    style;
  ShSankeyStyle    plain;
  cairo_surface_t *surface;
  cairo_t         *cr;
} Bench;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median_ms (BenchFunc func,
           gpointer  data,
           guint     runs)
{
  g_autofree double *times = g_new (double, runs);

  /* One untimed run warms the font caches and the allocator. */
  func (data);
  for (guint i = 0; i < runs; i++)
    {
      double start = now_ms ();

      func (data);
      times[i] = now_ms () - start;
    }
  qsort (times, runs, sizeof (double), compare_doubles);

  return times[runs / 2];
}

/* The same shape of graph as the tests use: sources, steps, sinks, forward
 * links from lower to higher index, and loops from a step back upstream. */
static ShSankeyGraph *
make_graph (guint32 seed,
            guint   n_nodes,
            guint   n_links)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  ShSankeyGraph *graph = sh_sankey_graph_new ("kg");
  guint n_sources = MAX (1, n_nodes / 10), first_sink = n_nodes - MAX (1, n_nodes / 5);
  guint n_loops = n_links * 3 / 100;

  for (guint i = 0; i < n_nodes; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_autofree char *label = g_strdup_printf ("Công đoạn %u", i);

      sh_sankey_graph_add_node (graph, id, label,
                                i < n_sources ? SH_SANKEY_NODE_SOURCE
                                : i >= first_sink ? SH_SANKEY_NODE_SINK
                                : SH_SANKEY_NODE_STEP, NULL);
    }

  for (guint k = 0; k < n_links + n_loops; k++)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
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
      from = g_strdup_printf ("n%u", s);
      to = g_strdup_printf ("n%u", t);
      /* A loop goes forward from the earlier step before it comes back. */
      if (k >= n_links && s > t)
        sh_sankey_graph_add_link (graph, to, from, g_rand_double_range (rand, 0.01, 1000),
                                  SH_SANKEY_LINK_WATER, FALSE, 0, NULL);
      sh_sankey_graph_add_link (graph, from, to, g_rand_double_range (rand, 0.01, 1000),
                                (ShSankeyLinkKind) (k % SH_SANKEY_N_LINK_KINDS),
                                k % 3 == 0, k + 1, NULL);
    }

  return graph;
}

static void
run_layout (gpointer data)
{
  Bench *b = data;
  ShSankeyRect area = { 160, 80, WIDTH - 320, HEIGHT - 200 };
  g_autoptr(ShSankeyLayout) layout = sh_sankey_layout_new (b->graph, &area, NULL, NULL);

  g_assert (layout != NULL);
}

static void
run_page_layout (gpointer data)
{
  Bench *b = data;
  g_autoptr(ShSankeyLayout) layout = sh_sankey_render_layout (b->cr, b->graph, NULL, &b->style,
                                                              WIDTH, HEIGHT, NULL);

  g_assert (layout != NULL);
}

static void
run_draw (gpointer data)
{
  Bench *b = data;

  sh_sankey_render (b->cr, b->layout, &b->style, WIDTH, HEIGHT);
  cairo_surface_flush (b->surface);
}

static void
run_draw_plain (gpointer data)
{
  Bench *b = data;

  sh_sankey_render (b->cr, b->layout, &b->plain, WIDTH, HEIGHT);
  cairo_surface_flush (b->surface);
}

/* The floor: what Cairo needs just to stroke every centre line at its
 * band's width, in one colour-switch per link. */
static void
run_floor (gpointer data)
{
  Bench *b = data;
  const ShSankeyLink *links;
  guint n_links;

  links = sh_sankey_layout_get_links (b->layout, &n_links);
  cairo_set_source_rgb (b->cr, 1, 1, 1);
  cairo_paint (b->cr);

  for (guint i = 0; i < n_links; i++)
    {
      const ShSankeyLink *link = &links[i];

      if (link->is_return)
        {
          cairo_move_to (b->cr, link->path[0].x, link->path[0].y);
          for (guint k = 1; k < G_N_ELEMENTS (link->path); k++)
            cairo_line_to (b->cr, link->path[k].x, link->path[k].y);
        }
      else
        {
          double xm = (link->x0 + link->x1) / 2;

          cairo_move_to (b->cr, link->x0, link->y0);
          cairo_curve_to (b->cr, xm, link->y0, xm, link->y1, link->x1, link->y1);
        }
      cairo_set_source_rgba (b->cr, 0.2, 0.4, 0.7, 0.7);
      cairo_set_line_width (b->cr, link->width);
      cairo_stroke (b->cr);
    }
  cairo_surface_flush (b->surface);
}

int
main (int   argc,
      char *argv[])
{
  Bench b = { 0, };
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 31;
  guint n_nodes = argc > 3 ? (guint) atoi (argv[2]) : 300;
  guint n_links = argc > 3 ? (guint) atoi (argv[3]) : 1000;
  double t_layout, t_page, t_draw, t_plain, t_floor;
  g_autoptr(GError) error = NULL;

  if (runs == 0 || n_nodes < 8 || n_links == 0)
    {
      fprintf (stderr, "usage: %s [RUNS [NODES LINKS]] (NODES at least 8)\n", argv[0]);
      return 2;
    }

  b.graph = make_graph (2024, n_nodes, n_links);
  b.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  b.cr = cairo_create (b.surface);
  sh_sankey_style_init (&b.style);
  b.style.title = "Benchmark";
  b.style.font_size = 8;
  b.plain = b.style;
  b.plain.show_link_labels = FALSE;

  b.layout = sh_sankey_render_layout (b.cr, b.graph, NULL, &b.style, WIDTH, HEIGHT, &error);
  if (b.layout == NULL)
    {
      fprintf (stderr, "layout failed: %s\n", error->message);
      return 1;
    }

  t_layout = median_ms (run_layout, &b, runs);
  t_page = median_ms (run_page_layout, &b, runs);
  t_draw = median_ms (run_draw, &b, runs);
  t_plain = median_ms (run_draw_plain, &b, runs);
  t_floor = median_ms (run_floor, &b, runs);

  printf ("Flow diagram: %u nodes, %u links (%u return arcs), %d×%d ARGB32, median of %u runs\n\n",
          sh_sankey_graph_get_n_nodes (b.graph), sh_sankey_graph_get_n_links (b.graph),
          sh_sankey_layout_get_n_returns (b.layout), WIDTH, HEIGHT, runs);
  printf ("%-46s %10s %8s\n", "step", "ms", "× floor");
  printf ("%-46s %10.3f %8s\n", "layout (sh_sankey_layout_new)", t_layout, "");
  printf ("%-46s %10.3f %8s\n", "page layout, labels measured (render_layout)", t_page, "");
  printf ("%-46s %10.3f %8.2f\n", "draw, flow labels on (sh_sankey_render)",
          t_draw, t_draw / t_floor);
  printf ("%-46s %10.3f %8.2f\n", "draw, flow labels off", t_plain, t_plain / t_floor);
  printf ("%-46s %10.3f %8.2f\n", "floor: Cairo strokes the same curves", t_floor, 1.0);
  printf ("%-46s %10.3f %8s\n", "page layout + draw (a redraw after an edit)", t_page + t_draw, "");

  sh_sankey_layout_unref (b.layout);
  sh_sankey_graph_unref (b.graph);
  cairo_destroy (b.cr);
  cairo_surface_destroy (b.surface);
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();

  return 0;
}
