/* test-chart-view.c — the chart view as a real widget under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "sh-application.h"
#include "sh-chart-view-private.h"
#include "sh-demo.h"
#include "sh-refdata.h"
#include "sh-store-private.h"
#include "sh-test-utils.h"
#include "sh-ui-test-utils.h"

typedef struct
{
  char        *tmpdir;
  ShStore     *store;
  gint64       assessment;
  GtkWindow   *window;
  ShChartView *view;
  GArray      *activated;     /* gint64 flow ids, in order */
  GArray      *moved;         /* gint64 step ids */
} Fixture;

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

static void
flow_activated_cb (ShChartView *view,
                   gint64       flow_id,
                   Fixture     *f)
{
  g_array_append_val (f->activated, flow_id);
}

static void
step_moved_cb (ShChartView *view,
               gint64       step_id,
               double       position,
               Fixture     *f)
{
  g_array_append_val (f->moved, step_id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->tmpdir = sh_test_make_tmpdir ("chart-view");
  path = g_build_filename (f->tmpdir, "sachhon.db", NULL);
  f->store = sh_store_open (path, &error);
  g_assert_no_error (error);
  sh_refdata_ensure_loaded (f->store, &error);
  g_assert_no_error (error);
  sh_demo_ensure (f->store, &error);
  g_assert_no_error (error);
  f->assessment = sh_demo_cassava_assessment (f->store);
  f->activated = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->moved = g_array_new (FALSE, FALSE, sizeof (gint64));

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 800);
  f->view = SH_CHART_VIEW (sh_chart_view_new ());
  g_signal_connect (f->view, "flow-activated", G_CALLBACK (flow_activated_cb), f);
  g_signal_connect (f->view, "step-moved", G_CALLBACK (step_moved_cb), f);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  SH_UI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&f->activated, g_array_unref);
  g_clear_pointer (&f->moved, g_array_unref);
  g_clear_object (&f->store);
  sh_test_rm_rf (f->tmpdir);
  g_clear_pointer (&f->tmpdir, g_free);
}

/* Waits until the view has drawn its chart on screen. */
static void
wait_drawn (Fixture *f)
{
  GtkWidget *canvas = sh_chart_view_get_canvas (f->view);

  SH_UI_WAIT_FOR (gtk_widget_get_width (canvas) > 400 && sh_chart_view_is_drawn (f->view));
  sh_ui_test_wait_for_frames (canvas, 2);
}

static const ShSankeyNode *
find_step_node (ShChart  *chart,
                guint     diagram,
                gint64    step_id,
                guint    *index)
{
  guint n_nodes;
  const ShSankeyNode *nodes = sh_sankey_layout_get_nodes (sh_chart_get_layout (chart, diagram), &n_nodes);
  guint found;

  g_assert_true (sh_sankey_diagram_find_step (sh_chart_get_diagram (chart, diagram), step_id, &found));
  g_assert_cmpuint (found, <, n_nodes);
  if (index != NULL)
    *index = found;
  return &nodes[found];
}

/* A point on a forward flow's band a tenth of the way along, where the
 * bands leaving a node are still side by side, in canvas pixels. */
static void
point_on_flow (Fixture *f,
               gint64   flow_id,
               double  *x,
               double  *y)
{
  ShChart *chart = sh_chart_view_get_chart (f->view);
  double zoom = sh_chart_view_get_zoom (f->view);
  const ShSankeyLink *links;
  guint n_links;

  links = sh_sankey_layout_get_links (sh_chart_get_layout (chart, 0), &n_links);
  for (guint i = 0; i < n_links; i++)
    if (links[i].caller_id == flow_id)
      {
        /* The band's centre line, as sh-sankey.h describes it. */
        double t = 0.1;

        g_assert_false (links[i].is_return);
        *x = (links[i].x0 + (links[i].x1 - links[i].x0) * (1.5 * t - 1.5 * t * t + t * t * t)) * zoom;
        *y = (links[i].y0 + (links[i].y1 - links[i].y0) * (3 * t * t - 2 * t * t * t)) * zoom;
        return;
      }
  g_assert_not_reached ();
}

/* ------------------------------------------------------------------ tests */

static void
test_sankey_hover_click (Fixture       *f,
                         gconstpointer  data)
{
  gint64 wash_water = demo_id (f, "flow", "000000000503");
  gint64 refine = demo_id (f, "process_step", "000000000405");
  g_autofree char *tooltip = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *node_text = NULL;
  const ShSankeyNode *node;
  double x, y, zoom;

  sh_chart_view_show_sankey (f->view, f->store, f->assessment, SH_FLOW_LAYER_WATER);
  g_assert_cmpint (sh_chart_view_get_kind (f->view), ==, SH_CHART_SANKEY);
  g_assert_cmpint (sh_chart_view_get_layer (f->view), ==, SH_FLOW_LAYER_WATER);
  g_assert_nonnull (sh_chart_view_get_chart (f->view));
  g_assert_null (sh_chart_view_get_message (f->view));
  wait_drawn (f);
  sh_ui_test_save_screenshot (GTK_WIDGET (f->view), "chart-view-sankey");
  zoom = sh_chart_view_get_zoom (f->view);
  g_assert_cmpfloat (zoom, >=, 0.9);

  /* Hovering the washers' wastewater tells what it is and how much. */
  point_on_flow (f, wash_water, &x, &y);
  tooltip = sh_chart_view_describe_at (f->view, x, y);
  g_assert_nonnull (tooltip);
  g_test_message ("tooltip: %s", tooltip);
  g_assert_nonnull (strstr (tooltip, "Nước rửa củ"));
  g_assert_nonnull (strstr (tooltip, "Rửa và bóc vỏ → Nước thải"));
  g_assert_nonnull (strstr (tooltip, "176.000"));
  nothing = sh_chart_view_describe_at (f->view, 3, 3);
  g_assert_null (nothing);

  /* Clicking it emits its row; a click on empty paper emits nothing. */
  sh_chart_view_press (f->view, x, y);
  sh_chart_view_release (f->view, 1, -1);
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_cmpint (g_array_index (f->activated, gint64, 0), ==, wash_water);
  sh_chart_view_press (f->view, 3, 3);
  sh_chart_view_release (f->view, 0, 0);
  g_assert_cmpuint (f->activated->len, ==, 1);

  /* A node tells its balance, and a click on it is not a flow's. */
  node = find_step_node (sh_chart_view_get_chart (f->view), 0, refine, NULL);
  node_text = sh_chart_view_describe_at (f->view, (node->x0 + node->x1) / 2 * zoom,
                                         (node->y0 + node->y1) / 2 * zoom);
  g_assert_nonnull (strstr (node_text, "Thu hồi tinh bột tinh"));
  g_assert_nonnull (strstr (node_text, "7,6"));
  sh_chart_view_press (f->view, (node->x0 + node->x1) / 2 * zoom, (node->y0 + node->y1) / 2 * zoom);
  sh_chart_view_release (f->view, 0, 0);
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_cmpuint (f->moved->len, ==, 0);
}

static void
test_sankey_drag (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ShRecord) step = NULL;
  g_autoptr(GError) error = NULL;
  gint64 refine = demo_id (f, "process_step", "000000000405");
  const ShSankeyNode *node;
  double zoom, x, y, top, saved;
  guint index;

  sh_chart_view_show_sankey (f->view, f->store, f->assessment, SH_FLOW_LAYER_WATER);
  wait_drawn (f);
  zoom = sh_chart_view_get_zoom (f->view);

  /* Drag the refining step to the top of the diagram, in steps. */
  node = find_step_node (sh_chart_view_get_chart (f->view), 0, refine, &index);
  x = (node->x0 + node->x1) / 2 * zoom;
  y = (node->y0 + node->y1) / 2 * zoom;
  top = node->y0;
  sh_chart_view_press (f->view, x, y);
  sh_chart_view_move (f->view, 0, -20);
  g_assert_false (sh_chart_view_is_drawn (f->view));   /* it redraws as it moves */
  sh_chart_view_move (f->view, 2, -60);
  sh_chart_view_release (f->view, 2, -(top - sh_sankey_layout_get_area (
                                          sh_chart_get_layout (sh_chart_view_get_chart (f->view), 0))->y) * zoom);

  /* Saved: at the top of the room, 0. */
  g_assert_cmpuint (f->moved->len, ==, 1);
  g_assert_cmpint (g_array_index (f->moved, gint64, 0), ==, refine);
  g_assert_cmpuint (f->activated->len, ==, 0);
  step = sh_store_get (f->store, "process_step", refine, &error);
  g_assert_no_error (error);
  g_assert_false (sh_record_is_null (step, "layout_y"));
  saved = sh_record_get_double (step, "layout_y", -1);
  g_assert_cmpfloat_with_epsilon (saved, 0, 1e-6);

  /* Drawn there now, and again after a reload from the store. */
  wait_drawn (f);
  node = find_step_node (sh_chart_view_get_chart (f->view), 0, refine, NULL);
  g_assert_true (node->pinned);
  g_assert_cmpfloat (node->y0, <, top - 50);
  sh_chart_view_reload (f->view);
  wait_drawn (f);
  node = find_step_node (sh_chart_view_get_chart (f->view), 0, refine, NULL);
  g_assert_true (node->pinned);
  g_assert_cmpfloat_with_epsilon (node->y0, sh_sankey_layout_get_area (
                                    sh_chart_get_layout (sh_chart_view_get_chart (f->view), 0))->y, 1e-6);
  sh_ui_test_save_screenshot (GTK_WIDGET (f->view), "chart-view-dragged");

  /* Halfway down, then a finalized assessment refuses to move. */
  node = find_step_node (sh_chart_view_get_chart (f->view), 0, refine, NULL);
  x = (node->x0 + node->x1) / 2 * zoom;
  y = (node->y0 + node->y1) / 2 * zoom;
  sh_chart_view_press (f->view, x, y);
  sh_chart_view_release (f->view, 0, 150);
  g_clear_pointer (&step, sh_record_unref);
  step = sh_store_get (f->store, "process_step", refine, &error);
  saved = sh_record_get_double (step, "layout_y", -1);
  g_assert_cmpfloat (saved, >, 0.05);
  g_assert_cmpfloat (saved, <, 0.95);
  g_assert_cmpuint (f->moved->len, ==, 2);

  g_assert_true (sh_store_finalize_assessment (f->store, f->assessment, &error));
  g_assert_no_error (error);
  sh_chart_view_reload (f->view);
  wait_drawn (f);
  node = find_step_node (sh_chart_view_get_chart (f->view), 0, refine, NULL);
  sh_chart_view_press (f->view, (node->x0 + node->x1) / 2 * zoom, (node->y0 + node->y1) / 2 * zoom);
  sh_chart_view_release (f->view, 0, -150);
  g_assert_cmpuint (f->moved->len, ==, 2);
  g_clear_pointer (&step, sh_record_unref);
  step = sh_store_get (f->store, "process_step", refine, &error);
  g_assert_cmpfloat_with_epsilon (sh_record_get_double (step, "layout_y", -1), saved, 1e-12);
}

static GtkToggleButton *
nth_layer_button (Fixture *f,
                  guint    n)
{
  GtkWidget *toolbar = gtk_widget_get_first_child (GTK_WIDGET (f->view));
  GtkWidget *box = gtk_widget_get_first_child (toolbar);
  GtkWidget *button = gtk_widget_get_first_child (box);

  for (guint i = 0; i < n; i++)
    button = gtk_widget_get_next_sibling (button);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  return GTK_TOGGLE_BUTTON (button);
}

static void
test_layer_switch (Fixture       *f,
                   gconstpointer  data)
{
  GtkToggleButton *water = nth_layer_button (f, 1);
  GtkToggleButton *energy = nth_layer_button (f, 2);
  ShChart *chart;

  sh_chart_view_show_sankey (f->view, f->store, f->assessment, SH_FLOW_LAYER_MASS);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (water))));
  g_assert_true (gtk_toggle_button_get_active (nth_layer_button (f, 0)));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (water)), ==,
                   sh_ui_test_in_vietnamese () ? "Nước" : "Water");

  g_signal_emit_by_name (water, "clicked");
  g_assert_cmpint (sh_chart_view_get_layer (f->view), ==, SH_FLOW_LAYER_WATER);
  chart = sh_chart_view_get_chart (f->view);
  g_assert_cmpint (sh_chart_get_layer (chart), ==, SH_FLOW_LAYER_WATER);
  g_assert_cmpstr (sh_sankey_graph_get_unit (sh_sankey_diagram_get_graph (sh_chart_get_diagram (chart, 0))), ==, "m³");
  wait_drawn (f);

  g_signal_emit_by_name (energy, "clicked");
  chart = sh_chart_view_get_chart (f->view);
  g_assert_cmpstr (sh_sankey_graph_get_unit (sh_sankey_diagram_get_graph (sh_chart_get_diagram (chart, 0))), ==, "MJ");
  wait_drawn (f);

  /* Setting the layer from code moves the switch. */
  sh_chart_view_set_layer (f->view, SH_FLOW_LAYER_WATER);
  g_assert_true (gtk_toggle_button_get_active (water));
  g_assert_false (gtk_toggle_button_get_active (energy));
}

/* The diagram follows an edit once the page calls reload. */
static void
test_reload_after_edit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 wash_water = demo_id (f, "flow", "000000000503");
  double x, y;

  sh_chart_view_show_sankey (f->view, f->store, f->assessment, SH_FLOW_LAYER_WATER);
  wait_drawn (f);
  point_on_flow (f, wash_water, &x, &y);
  before = sh_chart_view_describe_at (f->view, x, y);
  g_assert_nonnull (strstr (before, "176.000"));

  g_assert_true (sh_store_set_double (f->store, "flow", wash_water, "quantity", 150000, &error));
  g_assert_no_error (error);
  sh_chart_view_reload (f->view);
  g_assert_false (sh_chart_view_is_drawn (f->view));
  wait_drawn (f);
  point_on_flow (f, wash_water, &x, &y);
  after = sh_chart_view_describe_at (f->view, x, y);
  g_assert_nonnull (strstr (after, "150.000"));
}

static void
test_other_charts (Fixture       *f,
                   gconstpointer  data)
{
  static const ShChartKind kinds[] = {
    SH_CHART_CONSUMPTION, SH_CHART_PARETO, SH_CHART_SAVINGS, SH_CHART_MONITORING,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->tmpdir, "none.png", NULL);
  gint64 quick = demo_id (f, "assessment", "000000002101");
  GtkWidget *toolbar = gtk_widget_get_first_child (GTK_WIDGET (f->view));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strdup_printf ("chart-view-%s", sh_chart_kind_to_string (kinds[i]));

      sh_chart_view_show_chart (f->view, f->store, f->assessment, kinds[i]);
      g_assert_cmpint (sh_chart_view_get_kind (f->view), ==, kinds[i]);
      g_assert_nonnull (sh_chart_view_get_chart (f->view));
      /* No layer switch outside the Sankey. */
      g_assert_false (gtk_widget_get_visible (gtk_widget_get_first_child (toolbar)));
      wait_drawn (f);
      /* Only the Sankey answers the pointer. */
      g_assert_null (sh_chart_view_describe_at (f->view, 300, 300));
      sh_ui_test_save_screenshot (GTK_WIDGET (f->view), name);
    }

  /* Nothing to show: the reason instead, and nothing to export. */
  sh_chart_view_show_chart (f->view, f->store, quick, SH_CHART_PARETO);
  g_assert_null (sh_chart_view_get_chart (f->view));
  g_assert_nonnull (sh_chart_view_get_message (f->view));
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, quick);

    g_assert_nonnull (strstr (sh_chart_view_get_message (f->view), number));
  }
  g_assert_false (sh_chart_view_export (f->view, path, &error));
  g_assert_error (error, SH_CHART_ERROR, SH_CHART_ERROR_NO_DATA);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (f->tmpdir, "water.png", NULL);
  g_autofree char *pdf = g_build_filename (f->tmpdir, "water.pdf", NULL);
  g_autofree char *svg = g_build_filename (f->tmpdir, "water.svg", NULL);
  g_autofree char *jpg = g_build_filename (f->tmpdir, "water.jpg", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  gint64 wash_water = demo_id (f, "flow", "000000000503");
  cairo_surface_t *image;
  xmlDoc *doc;
  xmlChar *width;
  gsize length;
  double x, y;

  sh_chart_view_show_sankey (f->view, f->store, f->assessment, SH_FLOW_LAYER_WATER);
  wait_drawn (f);
  point_on_flow (f, wash_water, &x, &y);
  before = sh_chart_view_describe_at (f->view, x, y);

  g_assert_true (sh_chart_view_export (f->view, png, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1754);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1240);
  cairo_surface_destroy (image);

  g_assert_true (sh_chart_view_export (f->view, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_assert_true (sh_chart_view_export (f->view, svg, &error));
  g_assert_no_error (error);
  doc = xmlReadFile (svg, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  width = xmlGetProp (xmlDocGetRootElement (doc), (const xmlChar *) "width");
  g_assert_cmpfloat (g_ascii_strtod ((const char *) width, NULL), ==, SH_CHART_PAGE_WIDTH);
  xmlFree (width);
  xmlFreeDoc (doc);

  g_assert_false (sh_chart_view_export (f->view, jpg, &error));
  g_assert_error (error, SH_CHART_ERROR, SH_CHART_ERROR_FORMAT);

  /* Writing a page of another size left the screen's hit test alone. */
  after = sh_chart_view_describe_at (f->view, x, y);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);
  sh_application_init_i18n ();
  gtk_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/chart-view/sankey/hover-click", test_sankey_hover_click);
  ADD ("/chart-view/sankey/drag", test_sankey_drag);
  ADD ("/chart-view/sankey/layer-switch", test_layer_switch);
  ADD ("/chart-view/sankey/reload-after-edit", test_reload_after_edit);
  ADD ("/chart-view/other-charts", test_other_charts);
  ADD ("/chart-view/export", test_export);
#undef ADD

  return g_test_run ();
}
