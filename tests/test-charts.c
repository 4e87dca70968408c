/* test-charts.c — an assessment's charts: the Sankey adapter, the other
 * charts' figures, the files they are written to, and `sachhon-cli chart`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include <libxml/parser.h>
#include <pango/pangocairo.h>
#include <libxml/tree.h>

#include "sh-charts-private.h"
#include "sh-demo.h"
#include "sh-refdata.h"
#include "sh-store-private.h"
#include "sh-test-utils.h"

#define EPS 1e-6

typedef struct
{
  char    *dir;
  char    *db;
  ShStore *store;
  gint64   assessment;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sh_test_make_tmpdir ("charts");
  f->db = g_build_filename (f->dir, "sachhon.db", NULL);
  f->store = sh_store_open (f->db, &error);
  g_assert_no_error (error);
  sh_refdata_ensure_loaded (f->store, &error);
  g_assert_no_error (error);
  sh_demo_ensure (f->store, &error);
  g_assert_no_error (error);
  f->assessment = sh_demo_cassava_assessment (f->store);
  g_assert_cmpint (f->assessment, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sh_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* The id of the demo record with the UUID 5ac4d000-…-@suffix. */
static gint64
demo_id (Fixture    *f,
         const char *table,
         const char *suffix)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1", table);
  g_autofree char *uuid = g_strconcat ("5ac4d000-0000-4000-8000-", suffix, NULL);
  sqlite3_stmt *stmt = sh_store_prepare (f->store, sql, NULL);
  gint64 id = 0;

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_cmpint (id, >, 0);

  return id;
}

static guint
node_index (ShSankeyGraph *graph,
            const char    *id)
{
  guint index = G_MAXUINT;

  g_assert_true (sh_sankey_graph_lookup_node (graph, id, &index));
  return index;
}

static const ShSankeyNode *
find_node (const ShSankeyLayout *layout,
           const char           *id)
{
  guint n_nodes;
  const ShSankeyNode *nodes = sh_sankey_layout_get_nodes (layout, &n_nodes);

  for (guint i = 0; i < n_nodes; i++)
    if (g_str_equal (nodes[i].id, id))
      return &nodes[i];
  g_assert_not_reached ();
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

static gboolean
has_note (const char * const *notes,
          const char         *needle)
{
  for (; *notes != NULL; notes++)
    if (strstr (*notes, needle) != NULL)
      return TRUE;
  return FALSE;
}

/* Lays @diagram out alone on a page. */
static ShSankeyLayout *
lay_out_diagram (ShSankeyDiagram *diagram,
                 double           width,
                 double           height)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  ShSankeyOptions options;
  ShSankeyStyle style;
  ShSankeyLayout *layout;

  sh_sankey_diagram_init_options (diagram, &options);
  sh_sankey_diagram_init_style (diagram, &style);
  layout = sh_sankey_render_layout (cr, sh_sankey_diagram_get_graph (diagram), &options, &style,
                                    width, height, &error);
  g_assert_no_error (error);
  g_assert_nonnull (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return layout;
}

/* Draws @chart on an image of @width × @height and returns it. */
static cairo_surface_t *
draw_chart (ShChart *chart,
            int      width,
            int      height)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  g_assert_true (sh_chart_draw (chart, cr, width, height, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

/* How many sampled pixels are darker than light grey. */
static guint
count_dark (cairo_surface_t *surface)
{
  unsigned char *data;
  int stride, width, height;
  guint dark = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  for (int y = 0; y < height; y += 3)
    for (int x = 0; x < width; x += 3)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + x * 4);
        int grey = (((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) / 3;

        if (grey < 150)
          dark++;
      }

  return dark;
}

/* ---------------------------------------------------------------- ticks */

static void
test_nice_ticks (void)
{
  static const struct
  {
    double min, max;
    guint  max_ticks;
    double first, step;
    guint  n;
  } cases[] = {
    { 0, 18, 6, 0, 5, 5 },            /* 0 5 10 15 20 */
    { 0, 2550, 7, 0, 500, 7 },        /* 0 … 3000 */
    { 0, 2550, 6, 0, 1000, 4 },       /* 0 1000 2000 3000 */
    { 0, 0.9, 10, 0, 0.1, 10 },       /* 0 0,1 … 0,9 */
    { 0, 1, 6, 0, 0.2, 6 },
    { -3.2, 15.6, 8, -5, 5, 5 },      /* −5 0 5 10 15 … 20: 5 ticks would miss 15,6 */
    { 8, 13, 6, 8, 1, 6 },
    { 5, 5, 6, 0, 1, 6 },             /* one value: from zero */
    { 0, 0, 4, 0, 0.5, 3 },           /* nothing: 0 … 1 */
    { 13, 8, 6, 8, 1, 6 },            /* either order */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double first = NAN, step = NAN;
      guint n = sh_chart_nice_ticks (cases[i].min, cases[i].max, cases[i].max_ticks, &first, &step);

      g_test_message ("case %u: %g…%g → %g + k × %g, %u ticks", i, cases[i].min, cases[i].max, first, step, n);
      if (i == 5)
        {
          /* The range needs 5 × 5 = −5 … 20, which is 6 ticks: within 8. */
          g_assert_cmpfloat_with_epsilon (step, 5, EPS);
          g_assert_cmpfloat_with_epsilon (first, -5, EPS);
          g_assert_cmpuint (n, ==, 6);
          continue;
        }
      g_assert_cmpfloat_with_epsilon (first, cases[i].first, EPS);
      g_assert_cmpfloat_with_epsilon (step, cases[i].step, EPS);
      g_assert_cmpuint (n, ==, cases[i].n);
    }

  /* Whatever the range, the ticks cover it, fit the budget and are round. */
  for (guint i = 0; i < 2000; i++)
    {
      double a = g_test_rand_double_range (-1e6, 1e6);
      double b = a + pow (10, g_test_rand_double_range (-3, 6));
      guint budget = (guint) g_test_rand_int_range (3, 11);
      double first, step, mantissa;
      guint n = sh_chart_nice_ticks (a, b, budget, &first, &step);

      g_assert_cmpuint (n, <=, budget);
      g_assert_cmpuint (n, >=, 2);
      g_assert_cmpfloat (first, <=, a + step * 1e-6);
      g_assert_cmpfloat (first + (n - 1) * step, >=, b - step * 1e-6);
      mantissa = step / pow (10, floor (log10 (step) + 1e-9));
      g_assert_true (fabs (mantissa - 1) < 1e-6 || fabs (mantissa - 2) < 1e-6
                     || fabs (mantissa - 5) < 1e-6);
    }
}

static void
test_names (void)
{
  ShChartKind kind;
  ShChartFormat format;

  for (guint k = 0; k < SH_CHART_N_KINDS; k++)
    {
      g_assert_true (sh_chart_kind_from_string (sh_chart_kind_to_string ((ShChartKind) k), &kind));
      g_assert_cmpint (kind, ==, k);
    }
  g_assert_false (sh_chart_kind_from_string ("pie", &kind));
  g_assert_false (sh_chart_kind_from_string (NULL, &kind));

  g_assert_true (sh_chart_format_from_path ("/tmp/a.png", &format));
  g_assert_cmpint (format, ==, SH_CHART_FORMAT_PNG);
  g_assert_true (sh_chart_format_from_path ("Sơ đồ.PDF", &format));
  g_assert_cmpint (format, ==, SH_CHART_FORMAT_PDF);
  g_assert_true (sh_chart_format_from_path ("x.Svg", &format));
  g_assert_cmpint (format, ==, SH_CHART_FORMAT_SVG);
  g_assert_false (sh_chart_format_from_path ("chart.jpg", &format));
  g_assert_false (sh_chart_format_from_path (".png", &format));
  g_assert_false (sh_chart_format_from_path ("png", &format));
}

/* --------------------------------------------------------------- sankey */

static void
test_sankey_water (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ShSankeyDiagram) diagram = NULL;
  g_autoptr(ShSankeyLayout) layout = NULL;
  g_autoptr(GPtrArray) flows = NULL;
  g_autoptr(GError) error = NULL;
  ShSankeyGraph *graph;
  const ShSankeyNode *refine, *separate, *wash;
  const ShSankeyLink *recycle;
  gint64 wash_id = demo_id (f, "process_step", "000000000402");
  g_autofree char *wash_node = g_strdup_printf ("step:%" G_GINT64_FORMAT, wash_id);
  g_autofree char *refine_node = g_strdup_printf ("step:%" G_GINT64_FORMAT,
                                                  demo_id (f, "process_step", "000000000405"));
  g_autofree char *separate_node = g_strdup_printf ("step:%" G_GINT64_FORMAT,
                                                    demo_id (f, "process_step", "000000000404"));
  guint n_links;
  guint n_water = 0;

  diagram = sh_sankey_diagram_load (f->store, sh_units_get_default (), f->assessment, "baseline",
                                    SH_FLOW_LAYER_WATER, &error);
  g_assert_no_error (error);
  graph = sh_sankey_diagram_get_graph (diagram);
  g_assert_cmpstr (sh_sankey_graph_get_unit (graph), ==, "m³");

  /* One link per water flow of the demo, its caller id the flow's row. */
  flows = sh_store_list (f->store, "flow", "assessment_id", f->assessment, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < flows->len; i++)
    if (g_strcmp0 (sh_record_get_string (flows->pdata[i], "unit"), "m3") == 0)
      n_water++;
  g_assert_cmpuint (n_water, ==, 14);
  g_assert_cmpuint (sh_sankey_graph_get_n_links (graph), ==, n_water);

  /* The well, five steps (receiving and bagging have no water), three
   * sinks. Boundary labels become sources or sinks. */
  g_assert_cmpuint (sh_sankey_graph_get_n_nodes (graph), ==, 1 + 5 + 3);
  g_assert_cmpint (sh_sankey_diagram_get_step_id (diagram, node_index (graph, "src:Nước giếng khoan")), ==, 0);
  g_assert_cmpint (sh_sankey_diagram_get_step_id (diagram, node_index (graph, "sink:Nước thải")), ==, 0);
  {
    guint index;

    g_assert_cmpint (sh_sankey_diagram_get_step_id (diagram, node_index (graph, wash_node)), ==, wash_id);
    g_assert_true (sh_sankey_diagram_find_step (diagram, wash_id, &index));
    g_assert_cmpuint (index, ==, node_index (graph, wash_node));
  }
  g_assert_false (sh_sankey_diagram_find_step (diagram, demo_id (f, "process_step", "000000000401"), NULL));

  layout = lay_out_diagram (diagram, 1200, 800);
  sh_sankey_layout_get_links (layout, &n_links);
  for (guint i = 0; i < flows->len; i++)
    {
      ShRecord *flow = flows->pdata[i];

      if (g_strcmp0 (sh_record_get_string (flow, "unit"), "m3") != 0)
        continue;
      g_assert_cmpfloat_with_epsilon (find_link (layout, sh_record_get_id (flow))->value,
                                      sh_record_get_double (flow, "quantity", -1), EPS);
      g_assert_cmpstr (sh_sankey_diagram_get_substance (diagram, sh_record_get_id (flow)), ==,
                       sh_record_get_string (flow, "substance"));
    }

  /* The recycling loop (separation back to washing) is a return arc. */
  recycle = find_link (layout, demo_id (f, "flow", "000000000502"));
  g_assert_true (recycle->is_return);
  g_assert_cmpuint (sh_sankey_layout_get_n_returns (layout), ==, 1);

  /* Refining loses 16.000 of 211.000 m³ (7,6 %): over the demo's 5 %
   * tolerance, flagged; separation's 4,3 % is drawn but not flagged;
   * washing balances. */
  refine = find_node (layout, refine_node);
  g_assert_cmpfloat_with_epsilon (refine->unaccounted, 16000, EPS);
  g_assert_cmpfloat_with_epsilon (refine->closure_error, 16000.0 / 211000 * 100, 1e-9);
  g_assert_true (refine->flagged);
  separate = find_node (layout, separate_node);
  g_assert_cmpfloat_with_epsilon (separate->unaccounted, 15000, EPS);
  g_assert_false (separate->flagged);
  g_assert_cmpint (separate->stub_side, ==, SH_SANKEY_SIDE_RIGHT);
  wash = find_node (layout, wash_node);
  g_assert_cmpint (wash->stub_side, ==, SH_SANKEY_SIDE_NONE);
  g_assert_cmpfloat_with_epsilon (sh_sankey_layout_get_options (layout)->tolerance, 5, EPS);

  /* Title and caption: facility, assessment, layer, unit and period. */
  g_assert_nonnull (strstr (sh_sankey_diagram_get_title (diagram), "Công ty TNHH Tinh bột sắn Đắk Tô"));
  g_assert_nonnull (strstr (sh_sankey_diagram_get_title (diagram), "nước và tinh bột thất thoát"));
  g_assert_nonnull (strstr (sh_sankey_diagram_get_caption (diagram), "Water balance"));
  g_assert_nonnull (strstr (sh_sankey_diagram_get_caption (diagram), "m³ per year"));
  g_assert_nonnull (strstr (sh_sankey_diagram_get_caption (diagram), "01/01/2023–31/12/2023"));
  g_assert_null (sh_sankey_diagram_get_notes (diagram)[0]);
}

static void
test_sankey_energy (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ShSankeyDiagram) diagram = NULL;
  g_autoptr(ShSankeyLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  double fuel_mj;

  diagram = sh_sankey_diagram_load (f->store, sh_units_get_default (), f->assessment, "baseline",
                                    SH_FLOW_LAYER_ENERGY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sh_sankey_graph_get_unit (sh_sankey_diagram_get_graph (diagram)), ==, "MJ");
  layout = lay_out_diagram (diagram, 1200, 800);

  /* kWh and litres of fuel oil, through the units table. */
  g_assert_cmpfloat_with_epsilon (find_node (layout, "src:Điện lưới")->value,
                                  (2400000.0 + 1900000 + 1790000) * 3.6, 1e-3);
  g_assert_true (sh_units_fuel_energy (sh_units_get_default (), "fuel_oil", 1305000, "L", "MJ", &fuel_mj, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (find_node (layout, "src:Dầu FO")->value, fuel_mj, 1e-3);
  g_assert_cmpfloat (fuel_mj, >, 4e7);
  g_assert_nonnull (strstr (sh_sankey_diagram_get_caption (diagram), "Energy balance"));
}

/* A flow the units table cannot convert, and one counted per day in a
 * diagram per year: both left out, both named in the notes. */
static void
test_sankey_notes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ShChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "notes.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  gint64 wash = demo_id (f, "process_step", "000000000402");
  gint64 daily, odd;
  guint n_before;

  chart = sh_chart_load_sankey (f->store, sh_units_get_default (), f->assessment, SH_FLOW_LAYER_WATER, &error);
  g_assert_no_error (error);
  n_before = sh_sankey_graph_get_n_links (sh_sankey_diagram_get_graph (sh_chart_get_diagram (chart, 0)));
  g_clear_pointer (&chart, sh_chart_unref);

  daily = sh_store_insert_fields (f->store, &error, "flow", NULL, "r:assessment_id", f->assessment,
                                  "s:from_label", "Nước mưa", "r:to_step_id", wash,
                                  "s:substance", "Nước mưa chảy tràn", "s:kind", "water",
                                  "d:quantity", 40.0, "s:unit", "m3", "s:period", "day", NULL);
  g_assert_no_error (error);
  odd = sh_store_insert_fields (f->store, &error, "flow", NULL, "r:assessment_id", f->assessment,
                                "r:from_step_id", wash, "s:to_label", "Bãi thải",
                                "s:substance", "Vỏ củ theo bao", "s:kind", "waste",
                                "d:quantity", 120.0, "s:unit", "bao", NULL);
  g_assert_no_error (error);
  g_assert_cmpint (daily, >, 0);
  g_assert_cmpint (odd, >, 0);

  chart = sh_chart_load_sankey (f->store, sh_units_get_default (), f->assessment, SH_FLOW_LAYER_WATER, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sh_sankey_graph_get_n_links (sh_sankey_diagram_get_graph (sh_chart_get_diagram (chart, 0))),
                    ==, n_before);
  g_assert_true (has_note (sh_chart_get_notes (chart), "Nước mưa chảy tràn"));
  g_assert_true (has_note (sh_chart_get_notes (chart), "per day"));
  g_assert_true (has_note (sh_chart_get_notes (chart), "Vỏ củ theo bao"));
  g_assert_true (has_note (sh_sankey_diagram_get_notes (sh_chart_get_diagram (chart, 0)), "Vỏ củ theo bao"));

  /* The notes are printed under the diagram, as text. */
  g_assert_true (sh_chart_write (chart, path, SH_CHART_PAGE_WIDTH, SH_CHART_PAGE_HEIGHT, &error));
  g_assert_no_error (error);
  if (pdftotext != NULL)
    {
      g_autofree char *out = NULL;
      const char *argv[] = { pdftotext, "-layout", path, "-", NULL };
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (out, "Vỏ củ theo bao"));
      g_assert_nonnull (strstr (out, "Nước mưa chảy tràn"));
    }
  else
    g_test_message ("pdftotext is not installed; the PDF's text is not checked");
}

/* The demo has baseline flows only; flows after the options make the chart
 * a pair drawn at one scale. */
static void
add_after_water (Fixture *f,
                 double   factor)
{
  g_autoptr(GPtrArray) flows = NULL;
  g_autoptr(GError) error = NULL;

  flows = sh_store_list (f->store, "flow", "assessment_id", f->assessment, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < flows->len; i++)
    {
      ShRecord *flow = flows->pdata[i];
      gint64 id;

      if (g_strcmp0 (sh_record_get_string (flow, "unit"), "m3") != 0)
        continue;
      id = sh_store_insert_fields (f->store, &error, "flow", NULL, "r:assessment_id", f->assessment,
                                   "s:phase", "after",
                                   "r:from_step_id", sh_record_get_int (flow, "from_step_id", 0),
                                   "s:from_label", sh_record_get_string (flow, "from_label"),
                                   "r:to_step_id", sh_record_get_int (flow, "to_step_id", 0),
                                   "s:to_label", sh_record_get_string (flow, "to_label"),
                                   "s:substance", sh_record_get_string (flow, "substance"),
                                   "s:kind", sh_record_get_string (flow, "kind"),
                                   "d:quantity", sh_record_get_double (flow, "quantity", 0) * factor,
                                   "s:unit", "m3", "s:provenance", "measured", NULL);
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
    }
}

static void
test_sankey_pair (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ShChart) chart = NULL;
  g_autoptr(ShSankeyLayout) alone_before = NULL;
  g_autoptr(ShSankeyLayout) alone_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sh_test_build_path ("tests", "chart-sankey-pair.png", NULL);
  const ShSankeyLayout *before, *after;
  cairo_surface_t *surface;
  double scale;
  guint n_links;
  const ShSankeyLink *links;

  add_after_water (f, 0.7);
  chart = sh_chart_load_sankey (f->store, sh_units_get_default (), f->assessment, SH_FLOW_LAYER_WATER, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sh_chart_get_n_diagrams (chart), ==, 2);
  g_assert_cmpstr (sh_sankey_diagram_get_phase (sh_chart_get_diagram (chart, 1)), ==, "after");
  g_assert_nonnull (strstr (sh_sankey_diagram_get_caption (sh_chart_get_diagram (chart, 0)), "same scale"));
  g_assert_nonnull (strstr (sh_sankey_diagram_get_caption (sh_chart_get_diagram (chart, 1)), "after the options"));

  surface = draw_chart (chart, 1200, 1400);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  before = sh_chart_get_layout (chart, 0);
  after = sh_chart_get_layout (chart, 1);
  g_assert_nonnull (before);
  g_assert_nonnull (after);
  g_assert_cmpfloat (sh_chart_get_diagram_offset (chart, 1), ==, 700);

  /* One scale for both: a band means the same amount in each. Alone, the
   * smaller after diagram would have been drawn larger. */
  scale = sh_sankey_layout_get_scale (before);
  g_assert_cmpfloat (scale, >, 0);
  g_assert_cmpfloat_with_epsilon (sh_sankey_layout_get_scale (after), scale, 1e-12);
  alone_before = lay_out_diagram (sh_chart_get_diagram (chart, 0), 1200, 700);
  alone_after = lay_out_diagram (sh_chart_get_diagram (chart, 1), 1200, 700);
  g_assert_cmpfloat (scale, <=, sh_sankey_layout_get_scale (alone_before) + 1e-12);
  g_assert_cmpfloat (sh_sankey_layout_get_scale (alone_after), >, scale * 1.2);
  links = sh_sankey_layout_get_links (after, &n_links);
  for (guint i = 0; i < n_links; i++)
    if (links[i].value * scale > 1)
      g_assert_cmpfloat_with_epsilon (links[i].width, links[i].value * scale, 1e-9);

  /* A point in the lower half finds the after diagram's flows. */
  {
    const ShSankeyLink *link = &links[0];
    ShChartHit hit;
    double x = (link->x0 + link->x1) / 2;
    double t = 0.5;
    double y = link->y0 + (link->y1 - link->y0) * (3 * t * t - 2 * t * t * t);

    g_assert_false (link->is_return);
    g_assert_true (sh_chart_hit_test (chart, x, y + 700, &hit));
    g_assert_cmpuint (hit.diagram, ==, 1);
    g_assert_cmpint (hit.flow_id, ==, link->caller_id);
  }
}

static void
test_sankey_positions (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ShChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  gint64 refine = demo_id (f, "process_step", "000000000405");
  g_autofree char *refine_node = g_strdup_printf ("step:%" G_GINT64_FORMAT, refine);
  const ShSankeyLayout *layout;
  const ShSankeyNode *node;
  cairo_surface_t *surface;
  ShChartHit hit = { { SH_SANKEY_HIT_NODE, 0, 0 }, 0, 0, refine };
  double bottom_y0;

  /* A position stored in process_step.layout_y is honoured: 1 puts the
   * node at the bottom of the room nodes have, 0 at the top. */
  g_assert_true (sh_store_set_double (f->store, "process_step", refine, "layout_y", 1.0, &error));
  g_assert_no_error (error);
  chart = sh_chart_load_sankey (f->store, sh_units_get_default (), f->assessment, SH_FLOW_LAYER_WATER, &error);
  g_assert_no_error (error);
  surface = draw_chart (chart, 1200, 800);
  cairo_surface_destroy (surface);
  layout = sh_chart_get_layout (chart, 0);
  node = find_node (layout, refine_node);
  g_assert_true (node->pinned);
  hit.hit.index = node_index (sh_sankey_layout_get_graph (layout), refine_node);
  g_assert_cmpfloat_with_epsilon (sh_chart_get_position_at (chart, &hit, node->y0), 1, 1e-9);
  bottom_y0 = node->y0;

  /* Moving it to the top through the chart, as a drag does. */
  g_assert_true (sh_chart_set_step_position (chart, refine, 0));
  g_assert_false (sh_chart_set_step_position (chart, demo_id (f, "process_step", "000000000401"), 0));
  surface = draw_chart (chart, 1200, 800);
  cairo_surface_destroy (surface);
  layout = sh_chart_get_layout (chart, 0);
  node = find_node (layout, refine_node);
  g_assert_cmpfloat_with_epsilon (node->y0, sh_sankey_layout_get_area (layout)->y, 1e-6);
  g_assert_cmpfloat (node->y0, <, bottom_y0 - 100);
  g_assert_cmpfloat_with_epsilon (sh_chart_get_node_top (chart, &hit), node->y0, 1e-9);

  /* Halfway: the layout keeps it there (nothing else is in its way). */
  g_assert_true (sh_chart_set_step_position (chart, refine, 0.5));
  surface = draw_chart (chart, 1200, 800);
  cairo_surface_destroy (surface);
  layout = sh_chart_get_layout (chart, 0);
  node = find_node (layout, refine_node);
  g_assert_cmpfloat_with_epsilon (sh_chart_get_position_at (chart, &hit, node->y0), 0.5, 1e-6);

  /* Unpinned, the relaxation places it again. */
  g_assert_true (sh_chart_set_step_position (chart, refine, NAN));
  surface = draw_chart (chart, 1200, 800);
  cairo_surface_destroy (surface);
  g_assert_false (find_node (sh_chart_get_layout (chart, 0), refine_node)->pinned);
}

/* --------------------------------------------------------- other charts */

static void
test_consumption (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ShChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sh_test_build_path ("tests", "chart-consumption.png", NULL);
  const ShChartConsumption *water = NULL, *electricity = NULL, *fuel = NULL, *energy = NULL;
  double litre_mj;
  cairo_surface_t *surface;

  chart = sh_chart_load (f->store, sh_units_get_default (), f->assessment, SH_CHART_CONSUMPTION, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sh_chart_get_kind (chart), ==, SH_CHART_CONSUMPTION);
  g_assert_cmpuint (chart->items->len, ==, 5);
  for (guint i = 0; i < chart->items->len; i++)
    {
      const ShChartConsumption *c = chart->items->pdata[i];

      if (g_str_equal (c->name, "Nước giếng khoan"))
        water = c;
      else if (g_str_equal (c->name, "Điện lưới"))
        electricity = c;
      else if (g_str_equal (c->name, "Dầu FO"))
        fuel = c;
      else if (g_str_equal (c->name, "Total energy"))
        energy = c;
    }
  g_assert_nonnull (water);
  g_assert_nonnull (electricity);
  g_assert_nonnull (fuel);
  g_assert_nonnull (energy);

  /* The demo's per-tonne figures (DOMAIN.md §3.3 orders of magnitude). */
  g_assert_cmpstr (water->unit, ==, "m³/t");
  g_assert_cmpfloat_with_epsilon (water->baseline, 18.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (water->after, 15.3, 1e-9);
  /* Four cassava water benchmarks: 16,7; 10; 25; 15 m³/t. */
  g_assert_cmpuint (water->n_benchmarks, ==, 4);
  g_assert_cmpfloat_with_epsilon (water->benchmark_min, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (water->benchmark_max, 25, 1e-9);
  /* 197,8 kWh/t, and 212 MJ/t = 58,89 kWh/t, converted. */
  g_assert_cmpuint (electricity->n_benchmarks, ==, 2);
  g_assert_cmpfloat_with_epsilon (electricity->benchmark_min, 212 / 3.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (electricity->benchmark_max, 197.8, 1e-9);
  /* 0,0452 m³ of fuel oil per tonne is 45,2 L. */
  g_assert_cmpfloat_with_epsilon (fuel->benchmark_min, 45.2, 1e-9);
  g_assert_false (water->has_norm);

  /* Total energy: 210 kWh and 45 L of fuel oil per tonne, in MJ. */
  g_assert_true (sh_units_fuel_energy (sh_units_get_default (), "fuel_oil", 1, "L", "MJ", &litre_mj, &error));
  g_assert_cmpstr (energy->unit, ==, "MJ/t");
  g_assert_cmpfloat_with_epsilon (energy->baseline, 210 * 3.6 + 45 * litre_mj, 1e-6);
  g_assert_cmpfloat_with_epsilon (energy->after, 192 * 3.6 + 38 * litre_mj, 1e-6);
  g_assert_cmpfloat_with_epsilon (energy->benchmark_min, 2527, 1e-9);
  /* Cassava starch has no legal energy norm: none is drawn. */
  g_assert_false (energy->has_norm);
  g_assert_true (has_note (sh_chart_get_notes (chart), "CAS-B-WATER-TH"));

  surface = draw_chart (chart, SH_CHART_PAGE_WIDTH, SH_CHART_PAGE_HEIGHT);
  g_assert_cmpuint (count_dark (surface), >, 1500);
  cairo_surface_destroy (surface);
  g_assert_true (sh_chart_write (chart, path, 1600, 1130, &error));
  g_assert_no_error (error);
}

/* A brewery of the demo (sector beer) with an assessment: its product
 * matches one of the beer norms, which is drawn in the energy panel. */
static void
test_consumption_norm (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ShChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sh_test_build_path ("tests", "chart-consumption-beer.png", NULL);
  gint64 brewery = demo_id (f, "facility", "000000000009");
  const ShChartConsumption *energy = NULL;
  gint64 assessment;
  double litre_mj;

  assessment = sh_store_insert_fields (f->store, &error, "assessment", NULL, "r:facility_id", brewery,
                                       "s:kind", "quick", "s:title", "Đánh giá nhanh nhà nấu",
                                       "s:baseline_from", "2023-01-01", "s:baseline_to", "2023-12-31", NULL);
  g_assert_no_error (error);
  sh_store_insert_fields (f->store, &error, "production_record", NULL, "r:assessment_id", assessment,
                          "s:period_label", "2023", "s:period_start", "2023-01-01", "s:period_end", "2023-12-31",
                          "s:product", "Bia chai, bia hơi", "d:quantity", 150000.0, "s:unit", "hl", NULL);
  g_assert_no_error (error);
  sh_store_insert_fields (f->store, &error, "resource_consumption", NULL, "r:assessment_id", assessment,
                          "s:period_label", "2023", "s:resource_code", "electricity", "s:resource_name", "Điện",
                          "s:category", "electricity", "d:quantity", 1500000.0, "s:unit", "kWh", NULL);
  g_assert_no_error (error);
  sh_store_insert_fields (f->store, &error, "resource_consumption", NULL, "r:assessment_id", assessment,
                          "s:period_label", "2023", "s:resource_code", "fuel_oil", "s:resource_name", "Dầu FO",
                          "s:category", "fuel", "s:fuel_code", "fuel_oil", "d:quantity", 400000.0,
                          "s:unit", "L", NULL);
  g_assert_no_error (error);

  chart = sh_chart_load (f->store, sh_units_get_default (), assessment, SH_CHART_CONSUMPTION, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < chart->items->len; i++)
    if (g_str_equal (((ShChartConsumption *) chart->items->pdata[i])->name, "Total energy"))
      energy = chart->items->pdata[i];
  g_assert_nonnull (energy);
  g_assert_cmpstr (energy->unit, ==, "MJ/hL");
  g_assert_true (sh_units_fuel_energy (sh_units_get_default (), "fuel_oil", 1, "L", "MJ", &litre_mj, &error));
  g_assert_cmpfloat_with_epsilon (energy->baseline, (1500000 * 3.6 + 400000 * litre_mj) / 150000, 1e-9);
  /* 15 million litres a year: the band under 20 million, 2021–2025. */
  g_assert_true (energy->has_norm);
  g_assert_cmpfloat_with_epsilon (energy->norm, 286, 1e-9);
  g_assert_true (has_note (sh_chart_get_notes (chart), "19/2016/TT-BCT"));
  /* Campden BRI: 141–207 MJ/hl. */
  g_assert_cmpuint (energy->n_benchmarks, ==, 2);
  g_assert_cmpfloat_with_epsilon (energy->benchmark_min, 141, 1e-9);
  g_assert_true (sh_chart_write (chart, path, 1600, 1130, &error));
  g_assert_no_error (error);

  /* A product none of the norms names: nothing is invented. */
  g_clear_pointer (&chart, sh_chart_unref);
  sqlite3_exec (sh_store_get_db (f->store), "UPDATE production_record SET product = 'Nước tinh khiết'",
                NULL, NULL, NULL);
  chart = sh_chart_load (f->store, sh_units_get_default (), assessment, SH_CHART_CONSUMPTION, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < chart->items->len; i++)
    g_assert_false (((ShChartConsumption *) chart->items->pdata[i])->has_norm);
  g_assert_true (has_note (sh_chart_get_notes (chart), "Nước tinh khiết"));
}

static void
test_pareto (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ShChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sh_test_build_path ("tests", "chart-pareto.png", NULL);
  static const struct
  {
    const char *name;
    gint64      total;
  } expected[] = {
    { "Nước thải tổng (rửa, tách bã, tinh chế)", G_GINT64_CONSTANT (3800000000) + 1908000000 + 143100000 },
    { "Khí thải lò sấy", G_GINT64_CONSTANT (1420000000) },
    { "Bã sắn ướt", G_GINT64_CONSTANT (1040000000) + 260000000 },
    { "Vỏ lụa, đất cát", 87000000 },
  };
  const ShChartWaste *first;

  chart = sh_chart_load (f->store, sh_units_get_default (), f->assessment, SH_CHART_PARETO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chart->items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const ShChartWaste *w = chart->items->pdata[i];

      g_assert_cmpstr (w->name, ==, expected[i].name);
      g_assert_cmpint (w->total, ==, expected[i].total);
    }
  first = chart->items->pdata[0];
  g_assert_cmpint (first->parts[SH_CHART_WASTE_MATERIAL], ==, G_GINT64_CONSTANT (3800000000));
  g_assert_cmpint (first->parts[SH_CHART_WASTE_FEES], ==, 143100000);

  g_assert_true (sh_chart_write (chart, path, 1600, 1130, &error));
  g_assert_no_error (error);
}

static void
test_savings (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ShChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sh_test_build_path ("tests", "chart-savings.png", NULL);
  static const struct
  {
    const char         *name;
    double              percent;
    ShCalcTargetStatus  status;
  } expected[] = {
    { "Củ sắn tươi", (3.90 - 3.78) / 3.90 * 100, SH_CALC_TARGET_BELOW },
    { "Nước giếng khoan", 15.0, SH_CALC_TARGET_ABOVE },
    { "Điện lưới", (210.0 - 192) / 210 * 100, SH_CALC_TARGET_WITHIN },
    { "Dầu FO", (45.0 - 38) / 45 * 100, SH_CALC_TARGET_ABOVE },
  };

  chart = sh_chart_load (f->store, sh_units_get_default (), f->assessment, SH_CHART_SAVINGS, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (chart->target_min, ==, 8);
  g_assert_cmpfloat (chart->target_max, ==, 13);
  g_assert_cmpuint (chart->items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const ShChartSaving *s = chart->items->pdata[i];

      g_assert_cmpstr (s->name, ==, expected[i].name);
      g_assert_cmpfloat_with_epsilon (s->percent, expected[i].percent, 1e-9);
      g_assert_cmpint (s->status, ==, expected[i].status);
    }

  /* The band follows the assessment's targets. */
  g_assert_true (sh_store_set_double (f->store, "assessment", f->assessment, "target_max_pct", 16, &error));
  g_clear_pointer (&chart, sh_chart_unref);
  chart = sh_chart_load (f->store, sh_units_get_default (), f->assessment, SH_CHART_SAVINGS, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (chart->target_max, ==, 16);
  g_assert_cmpint (((ShChartSaving *) chart->items->pdata[1])->status, ==, SH_CALC_TARGET_WITHIN);
  g_assert_nonnull (strstr (chart->caption, "8,0–16,0"));

  g_assert_true (sh_chart_write (chart, path, 1600, 1130, &error));
  g_assert_no_error (error);
}

static void
test_monitoring (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ShChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sh_test_build_path ("tests", "chart-monitoring.png", NULL);
  static const char * const periods[] = { "H1/2023", "H2/2023", "H1/2024", "H2/2024" };
  const ShChartSeries *water = NULL;

  chart = sh_chart_load (f->store, sh_units_get_default (), f->assessment, SH_CHART_MONITORING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chart->items->len, ==, 4);
  for (guint i = 0; i < chart->items->len; i++)
    {
      const ShChartSeries *s = chart->items->pdata[i];

      g_assert_cmpuint (s->points->len, ==, G_N_ELEMENTS (periods));
      for (guint k = 0; k < G_N_ELEMENTS (periods); k++)
        {
          g_assert_cmpstr (g_array_index (s->points, ShChartPoint, k).label, ==, periods[k]);
          g_assert_cmpint (g_array_index (s->points, ShChartPoint, k).after, ==, k >= 2);
        }
      if (g_str_equal (s->name, "Nước giếng khoan"))
        water = s;
    }
  g_assert_nonnull (water);
  g_assert_cmpstr (water->unit, ==, "m³/t");
  g_assert_cmpfloat_with_epsilon (g_array_index (water->points, ShChartPoint, 0).value, 18.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (water->points, ShChartPoint, 3).value, 15.3, 1e-9);
  g_assert_true (water->has_mean);
  g_assert_cmpfloat_with_epsilon (water->mean, 18.0, 1e-9);
  /* The monitoring plan's target, in the same unit (m3/t). */
  g_assert_true (water->has_target);
  g_assert_cmpfloat_with_epsilon (water->target, 16.0, 1e-9);

  g_assert_true (sh_chart_write (chart, path, 1600, 1130, &error));
  g_assert_no_error (error);
}

/* The quick assessment of the brick kiln has no flows, no waste streams and
 * nothing after the options: each chart says what it is missing. */
static void
test_no_data (Fixture       *f,
              gconstpointer  data)
{
  gint64 quick = demo_id (f, "assessment", "000000002101");
  static const ShChartKind kinds[] = { SH_CHART_SANKEY, SH_CHART_PARETO, SH_CHART_SAVINGS };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShChart) chart = sh_chart_load (f->store, sh_units_get_default (), quick, kinds[i], &error);

      g_assert_null (chart);
      g_assert_error (error, SH_CHART_ERROR, SH_CHART_ERROR_NO_DATA);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ShChart) chart = sh_chart_load_sankey (f->store, sh_units_get_default (), quick,
                                                     SH_FLOW_LAYER_WATER, &error);

    g_assert_error (error, SH_CHART_ERROR, SH_CHART_ERROR_NO_DATA);
    g_assert_nonnull (strstr (error->message, "water"));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ShChart) chart = sh_chart_load (f->store, sh_units_get_default (), 999999,
                                              SH_CHART_CONSUMPTION, &error);

    g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_NOT_FOUND);
  }
}

/* ---------------------------------------------------------------- files */

static void
assert_png_size (const char *path,
                 int         width,
                 int         height)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, height);
  g_assert_cmpuint (count_dark (png), >, 500);
  cairo_surface_destroy (png);
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
assert_pdf_size (const char *path,
                 int         width,
                 int         height)
{
  g_autofree char *contents = NULL;
  g_autofree char *media_box = g_strdup_printf ("/MediaBox [ 0 0 %d %d ]", width, height);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_true (contains_bytes (contents, length, media_box));

  if (pdfinfo != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *size = g_strdup_printf ("Page size: +%d x %d pts", width, height);
      const char *argv[] = { pdfinfo, path, NULL };
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_true (g_regex_match_simple (size, out, G_REGEX_MULTILINE, 0));
      g_assert_true (g_regex_match_simple ("^Pages: +1$", out, G_REGEX_MULTILINE, 0));
    }
  else
    g_test_message ("pdfinfo is not installed; only the MediaBox is checked");
}

/* The SVG is XML whose root says the requested size (in points). */
static void
assert_svg_size (const char *path,
                 int         width,
                 int         height)
{
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlNode *root;
  xmlChar *w, *h;

  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  w = xmlGetProp (root, (const xmlChar *) "width");
  h = xmlGetProp (root, (const xmlChar *) "height");
  g_assert_nonnull (w);
  g_assert_nonnull (h);
  g_assert_cmpfloat (g_ascii_strtod ((const char *) w, NULL), ==, width);
  g_assert_cmpfloat (g_ascii_strtod ((const char *) h, NULL), ==, height);
  xmlFree (w);
  xmlFree (h);
  xmlFreeDoc (doc);
}

static void
test_write (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ShChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (f->dir, "c.png", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "c.pdf", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "c.svg", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no", "such", "dir", "c.png", NULL);

  chart = sh_chart_load_sankey (f->store, sh_units_get_default (), f->assessment, SH_FLOW_LAYER_MASS, &error);
  g_assert_no_error (error);

  g_assert_true (sh_chart_write (chart, png, 1000, 700, &error));
  g_assert_no_error (error);
  assert_png_size (png, 1000, 700);
  g_assert_true (sh_chart_write (chart, pdf, 842, 595, &error));
  g_assert_no_error (error);
  assert_pdf_size (pdf, 842, 595);
  g_assert_true (sh_chart_write (chart, svg, 900, 640, &error));
  g_assert_no_error (error);
  assert_svg_size (svg, 900, 640);

  g_assert_false (sh_chart_write (chart, missing, 800, 600, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sh_chart_write (chart, f->dir, 800, 600, &error));
  g_assert_error (error, SH_CHART_ERROR, SH_CHART_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (sh_chart_write (chart, png, 50, 600, &error));
  g_assert_error (error, SH_CHART_ERROR, SH_CHART_ERROR_SIZE);
  g_clear_error (&error);

  /* A small page is the same page scaled down; but a strip too flat for
   * the diagram fails, and the old file stays as it was. */
  g_assert_true (sh_chart_write (chart, svg, 200, 150, &error));
  g_assert_no_error (error);
  assert_svg_size (svg, 200, 150);
  g_assert_false (sh_chart_write (chart, png, 4000, 100, &error));
  g_assert_error (error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_AREA_TOO_SMALL);
  g_clear_error (&error);
  assert_png_size (png, 1000, 700);

  /* Drawn directly, a page under the least size is refused. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 80, 80);
    cairo_t *cr = cairo_create (surface);

    g_assert_false (sh_chart_draw (chart, cr, 80, 80, &error));
    g_assert_error (error, SH_CHART_ERROR, SH_CHART_ERROR_SIZE);
    g_clear_error (&error);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

/* The demo's pictures, for people to look at (tests/chart-*.png). */
static void
test_demo_pictures (Fixture       *f,
                    gconstpointer  data)
{
  static const struct
  {
    ShFlowLayer  layer;
    const char  *name;
  } layers[] = {
    { SH_FLOW_LAYER_WATER, "chart-sankey-water.png" },
    { SH_FLOW_LAYER_MASS, "chart-sankey-mass.png" },
    { SH_FLOW_LAYER_ENERGY, "chart-sankey-energy.png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      g_autoptr(ShChart) chart = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = sh_test_build_path ("tests", layers[i].name, NULL);

      chart = sh_chart_load_sankey (f->store, sh_units_get_default (), f->assessment, layers[i].layer, &error);
      g_assert_no_error (error);
      g_assert_true (sh_chart_write (chart, path, 1754, 1240, &error));
      g_assert_no_error (error);
      assert_png_size (path, 1754, 1240);
      g_test_message ("wrote %s", path);
    }
}

/* ------------------------------------------------------------------ CLI */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autofree char *cli = sh_test_build_path ("src", "cli", "sachhon-cli", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, cli);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
test_cli_files (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->assessment);
  g_autofree char *png = g_build_filename (f->dir, "water.png", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "pareto.pdf", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "savings.svg", NULL);
  g_autofree char *default_png = g_build_filename (f->dir, "monitoring.png", NULL);
  g_autofree char *default_pdf = g_build_filename (f->dir, "consumption.pdf", NULL);
  Run run = { 0 };

  /* The store is closed so the CLI has the file to itself. */
  g_clear_object (&f->store);

  run_cli (&run, "--db", f->db, "chart", id, "--kind", "sankey", "--layer", "water",
           "--width", "1200", "--height", "800", "-o", png, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_png_size (png, 1200, 800);

  run_cli (&run, "--db", f->db, "chart", id, "--kind", "pareto", "--width", "600", "--height", "420",
           "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_pdf_size (pdf, 600, 420);

  run_cli (&run, "--db", f->db, "chart", id, "--kind=savings", "--width=700", "--height=500", "-o", svg, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_svg_size (svg, 700, 500);

  /* Without a size: an A4 landscape page, at 150 dpi for PNG. */
  run_cli (&run, "--db", f->db, "chart", id, "--kind", "monitoring", "-o", default_png, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_png_size (default_png, 1754, 1240);
  run_cli (&run, "--db", f->db, "chart", id, "--kind", "consumption", "-o", default_pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_pdf_size (default_pdf, 842, 595);

  run_cli (&run, "--help", NULL);
  g_assert_nonnull (strstr (run.out, "chart ASSESSMENT --kind KIND"));
  run_clear (&run);
}

static void
test_cli_errors (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->assessment);
  g_autofree char *quick = g_strdup_printf ("%" G_GINT64_FORMAT, demo_id (f, "assessment", "000000002101"));
  g_autofree char *png = g_build_filename (f->dir, "x.png", NULL);
  g_autofree char *unwritable = g_build_filename (f->dir, "missing", "x.png", NULL);
  Run run = { 0 };

  g_clear_object (&f->store);

  /* Called wrongly: exit 2, and the message says what is wrong. */
  run_cli (&run, "--db", f->db, "chart", id, "--kind", "pie", "-o", png, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“pie”"));
  g_assert_nonnull (strstr (run.err, "sankey, consumption, pareto, savings, monitoring"));

  run_cli (&run, "--db", f->db, "chart", id, "-o", png, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--kind"));

  run_cli (&run, "--db", f->db, "chart", id, "--kind", "sankey", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "-o"));

  run_cli (&run, "--db", f->db, "chart", id, "--kind", "sankey", "-o", "chart.jpg", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "chart.jpg"));

  run_cli (&run, "--db", f->db, "chart", id, "--kind", "sankey", "--layer", "air", "-o", png, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "air"));

  run_cli (&run, "--db", f->db, "chart", id, "--kind", "pareto", "--layer", "water", "-o", png, NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, "--db", f->db, "chart", id, "--kind", "sankey", "--width", "20", "-o", png, NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, "--db", f->db, "chart", "--kind", "sankey", "-o", png, NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, "--db", f->db, "chart", "abc", "--kind", "sankey", "-o", png, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  /* The command failed: exit 1 with the reason. */
  run_cli (&run, "--db", f->db, "chart", quick, "--kind", "sankey", "--layer", "water", "-o", png, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no water flows"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  run_cli (&run, "--db", f->db, "chart", "424242", "--kind", "pareto", "-o", png, NULL);
  g_assert_cmpint (run.status, ==, 1);

  run_cli (&run, "--db", f->db, "chart", id, "--kind", "sankey", "-o", unwritable, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, unwritable));

  run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *fonts = NULL;
  int ret;

  sh_test_init (&argc, &argv);
  fonts = sh_test_use_plain_fontconfig ();

  g_test_add_func ("/charts/nice-ticks", test_nice_ticks);
  g_test_add_func ("/charts/names", test_names);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/charts/sankey/water", test_sankey_water);
  ADD ("/charts/sankey/energy", test_sankey_energy);
  ADD ("/charts/sankey/notes", test_sankey_notes);
  ADD ("/charts/sankey/pair-one-scale", test_sankey_pair);
  ADD ("/charts/sankey/positions", test_sankey_positions);
  ADD ("/charts/consumption/demo", test_consumption);
  ADD ("/charts/consumption/norm", test_consumption_norm);
  ADD ("/charts/pareto", test_pareto);
  ADD ("/charts/savings", test_savings);
  ADD ("/charts/monitoring", test_monitoring);
  ADD ("/charts/no-data", test_no_data);
  ADD ("/charts/write", test_write);
  ADD ("/charts/demo-pictures", test_demo_pictures);
  ADD ("/charts/cli/files", test_cli_files);
  ADD ("/charts/cli/errors", test_cli_errors);
#undef ADD

  ret = g_test_run ();

  sh_test_release_fonts (fonts);

  return ret;
}
