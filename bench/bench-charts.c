/* bench-charts.c — how long the demo's charts take to load, draw and write.
 *
 * Usage: bench-charts [RUNS]. Creates the demo in a temporary database and
 * prints, for each chart of the cassava plant, the median of RUNS runs
 * (default 21) of: loading it from the store; drawing it on a screen-sized
 * surface (1100 × 760, what the chart view caches); one frame of a node
 * drag (pin the step, lay out and draw again); and writing an A4 PNG at
 * 150 dpi. The floor is Cairo filling the same page white and showing the
 * title once, so the figures say what the charts add.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "sh-charts.h"
#include "sh-demo.h"
#include "sh-refdata.h"

#define SCREEN_WIDTH   1100
#define SCREEN_HEIGHT   760

typedef void (*BenchFunc) (gpointer data);

typedef struct
{
  ShStore         *store;
  gint64           assessment;
  ShChartKind      kind;
  ShFlowLayer      layer;
  ShChart         *chart;
  cairo_surface_t *surface;
  char            *png;
  gint64           step;
  guint            tick;
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

static ShChart *
load (Bench *b)
{
  g_autoptr(GError) error = NULL;
  ShChart *chart;

  if (b->kind == SH_CHART_SANKEY)
    chart = sh_chart_load_sankey (b->store, sh_units_get_default (), b->assessment, b->layer, &error);
  else
    chart = sh_chart_load (b->store, sh_units_get_default (), b->assessment, b->kind, &error);
  if (chart == NULL)
    g_error ("%s", error->message);

  return chart;
}

static void
run_load (gpointer data)
{
  Bench *b = data;
  ShChart *chart = load (b);

  sh_chart_unref (chart);
}

static void
run_draw (gpointer data)
{
  Bench *b = data;
  g_autoptr(GError) error = NULL;
  cairo_t *cr = cairo_create (b->surface);

  if (!sh_chart_draw (b->chart, cr, SCREEN_WIDTH, SCREEN_HEIGHT, &error))
    g_error ("%s", error->message);
  cairo_destroy (cr);
}

/* A drag frame: the step moves a little and the page is drawn again. */
static void
run_drag (gpointer data)
{
  Bench *b = data;

  sh_chart_set_step_position (b->chart, b->step, (b->tick++ % 20) / 20.0);
  run_draw (b);
}

static void
run_write (gpointer data)
{
  Bench *b = data;
  g_autoptr(GError) error = NULL;

  if (!sh_chart_write (b->chart, b->png, 1754, 1240, &error))
    g_error ("%s", error->message);
}

static void
run_floor (gpointer data)
{
  Bench *b = data;
  cairo_t *cr = cairo_create (b->surface);
  PangoLayout *text = pango_cairo_create_layout (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pango_layout_set_text (text, "Công ty TNHH Tinh bột sắn Đắk Tô", -1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  pango_cairo_show_layout (cr, text);
  g_object_unref (text);
  cairo_destroy (cr);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-charts-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autoptr(ShStore) store = NULL;
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 21;
  static const struct
  {
    ShChartKind  kind;
    ShFlowLayer  layer;
    const char  *name;
  } charts[] = {
    { SH_CHART_SANKEY, SH_FLOW_LAYER_WATER, "sankey water" },
    { SH_CHART_SANKEY, SH_FLOW_LAYER_MASS, "sankey mass" },
    { SH_CHART_SANKEY, SH_FLOW_LAYER_ENERGY, "sankey energy" },
    { SH_CHART_CONSUMPTION, 0, "consumption" },
    { SH_CHART_PARETO, 0, "pareto" },
    { SH_CHART_SAVINGS, 0, "savings" },
    { SH_CHART_MONITORING, 0, "monitoring" },
  };
  Bench b = { 0, };

  if (dir == NULL || runs == 0)
    {
      fprintf (stderr, "usage: bench-charts [RUNS]\n");
      return EXIT_FAILURE;
    }

  db = g_build_filename (dir, "demo.db", NULL);
  store = sh_store_open (db, &error);
  if (store == NULL || !sh_refdata_ensure_loaded (store, &error) || !sh_demo_ensure (store, &error))
    g_error ("%s", error->message);

  b.store = store;
  b.assessment = sh_demo_cassava_assessment (store);
  b.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_WIDTH, SCREEN_HEIGHT);
  b.png = g_build_filename (dir, "chart.png", NULL);

  printf ("Demo charts (cassava plant), median of %u runs, screen %d×%d, PNG 1754×1240\n",
          runs, SCREEN_WIDTH, SCREEN_HEIGHT);
  printf ("floor (white page + one line of text): %.2f ms\n", median_ms (run_floor, &b, runs));
  printf ("%-14s %9s %9s %9s %9s\n", "chart", "load", "draw", "drag", "PNG");

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      double load_ms, draw_ms, drag_ms = -1, write_ms;

      b.kind = charts[i].kind;
      b.layer = charts[i].layer;
      load_ms = median_ms (run_load, &b, runs);
      b.chart = load (&b);
      draw_ms = median_ms (run_draw, &b, runs);
      if (b.kind == SH_CHART_SANKEY)
        {
          ShSankeyGraph *graph = sh_sankey_diagram_get_graph (sh_chart_get_diagram (b.chart, 0));

          /* Drag the first process step of the diagram. */
          for (guint n = 0; n < sh_sankey_graph_get_n_nodes (graph) && b.step == 0; n++)
            b.step = sh_sankey_diagram_get_step_id (sh_chart_get_diagram (b.chart, 0), n);
          drag_ms = median_ms (run_drag, &b, runs);
          b.step = 0;
        }
      write_ms = median_ms (run_write, &b, runs);
      g_clear_pointer (&b.chart, sh_chart_unref);

      if (drag_ms >= 0)
        printf ("%-14s %6.2f ms %6.2f ms %6.2f ms %6.1f ms\n", charts[i].name, load_ms, draw_ms, drag_ms, write_ms);
      else
        printf ("%-14s %6.2f ms %6.2f ms %9s %6.1f ms\n", charts[i].name, load_ms, draw_ms, "—", write_ms);
    }

  cairo_surface_destroy (b.surface);
  g_free (b.png);
  g_clear_object (&store);

  /* The database, its journal and the chart: all in the one directory. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (dir);
  }

  pango_cairo_font_map_set_default (NULL);
  return EXIT_SUCCESS;
}
