/* sh-chart-view.c — one chart of an assessment, on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sh-chart-view-private.h"

/* A press that moves less than this (pixels) is a click. */
#define CLICK_SLOP 4.0

/* The screen shows the printed page at the size of the canvas; text is 10
 * page units, so this keeps it between 9 and 15 pixels. */
#define MIN_ZOOM 0.9
#define MAX_ZOOM 1.5

struct _ShChartView
{
  GtkWidget             parent_instance;

  ShStore              *store;
  gint64                assessment_id;
  ShChartKind           kind;
  ShFlowLayer           layer;
  ShChart              *chart;
  char                 *message;

  /* The picture, drawn once per size and per change of the data. */
  cairo_surface_t      *cache;
  int                   cache_width;
  int                   cache_height;
  int                   cache_scale;
  double                zoom;
  char                 *draw_error;

  /* The pointer's press, and the node it drags. */
  gboolean              pressed;
  gboolean              moved;
  gboolean              dragging;
  ShChartHit            press_hit;
  double                start_top;
  double                drag_position;

  GtkNativeDialog      *export_dialog;
  GtkFileFilter        *filters[3];
  gboolean              setting_layer;

  GtkDrawingArea       *canvas;
  GtkToggleButton      *energy_button;
  GtkButton            *export_button;
  GtkBox               *layer_box;
  GtkToggleButton      *mass_button;
  GtkLabel             *message_label;
  GtkStack             *stack;
  GtkLabel             *status_label;
  GtkBox               *toolbar;
  GtkToggleButton      *water_button;
};

G_DEFINE_FINAL_TYPE (ShChartView, sh_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LAYER,
  N_PROPS
};

enum {
  FLOW_ACTIVATED,
  STEP_MOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------- drawing */

static void
invalidate (ShChartView *self)
{
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_clear_pointer (&self->draw_error, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

/* Draws the chart into the cache at the canvas's size, unless the cache
 * already holds it. */
static void
ensure_drawn (ShChartView *self,
              int          width,
              int          height)
{
  g_autoptr(GError) error = NULL;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self->canvas));
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  if (self->cache != NULL && self->cache_width == width && self->cache_height == height
      && self->cache_scale == scale)
    return;

  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_clear_pointer (&self->draw_error, g_free);
  self->cache = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (self->cache, scale, scale);
  self->cache_width = width;
  self->cache_height = height;
  self->cache_scale = scale;
  self->zoom = CLAMP (sqrt ((double) width * height / (SH_CHART_PAGE_WIDTH * SH_CHART_PAGE_HEIGHT)),
                      MIN_ZOOM, MAX_ZOOM);

  cr = cairo_create (self->cache);
  cairo_save (cr);
  cairo_scale (cr, self->zoom, self->zoom);
  if (!sh_chart_draw (self->chart, cr, width / self->zoom, height / self->zoom, &error))
    {
      g_autoptr(PangoLayout) text = NULL;
      int text_width, text_height;

      /* A canvas too small for the chart says so where the chart would be. */
      cairo_restore (cr);
      cairo_save (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      self->draw_error = g_strdup (error->message);
      text = gtk_widget_create_pango_layout (GTK_WIDGET (self->canvas), self->draw_error);
      pango_layout_set_width (text, (width - 24) * PANGO_SCALE);
      pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (text, &text_width, &text_height);
      cairo_move_to (cr, 12, (height - text_height) / 2.0);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      pango_cairo_show_layout (cr, text);
    }
  cairo_restore (cr);
  cairo_destroy (cr);
}

static void
canvas_draw (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  ShChartView *self = data;

  ensure_drawn (self, width, height);
  if (self->cache == NULL)
    return;

  cairo_set_source_surface (cr, self->cache, 0, 0);
  cairo_paint (cr);
}

static void
canvas_resize_cb (GtkDrawingArea *area,
                  int             width,
                  int             height,
                  ShChartView    *self)
{
  invalidate (self);
}

/* Makes sure the layouts the pointer is tested against are those of the
 * canvas as it is now. */
static gboolean
ensure_layout (ShChartView *self)
{
  ensure_drawn (self, gtk_widget_get_width (GTK_WIDGET (self->canvas)),
                gtk_widget_get_height (GTK_WIDGET (self->canvas)));

  return self->chart != NULL && self->cache != NULL && self->draw_error == NULL
         && sh_chart_get_kind (self->chart) == SH_CHART_SANKEY;
}

/* -------------------------------------------------------------- loading */

/* A line in the toolbar for what went wrong with the last action. */
static void
show_status (ShChartView *self,
             const char  *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

static void
update_layer_buttons (ShChartView *self)
{
  GtkToggleButton *buttons[SH_FLOW_N_LAYERS] = { self->mass_button, self->water_button, self->energy_button };

  self->setting_layer = TRUE;
  gtk_toggle_button_set_active (buttons[self->layer], TRUE);
  self->setting_layer = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->layer_box), self->kind == SH_CHART_SANKEY && self->store != NULL);
}

static void
load (ShChartView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->chart, sh_chart_unref);
  g_clear_pointer (&self->message, g_free);
  self->pressed = self->dragging = FALSE;
  show_status (self, NULL);

  if (self->store != NULL)
    {
      if (self->kind == SH_CHART_SANKEY)
        self->chart = sh_chart_load_sankey (self->store, sh_units_get_default (), self->assessment_id,
                                            self->layer, &error);
      else
        self->chart = sh_chart_load (self->store, sh_units_get_default (), self->assessment_id,
                                     self->kind, &error);
      if (self->chart == NULL)
        self->message = g_strdup (error->message);
    }
  else
    self->message = g_strdup (_("No assessment is selected."));

  gtk_label_set_text (self->message_label, self->message != NULL ? self->message : "");
  gtk_stack_set_visible_child_name (self->stack, self->chart != NULL ? "chart" : "message");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", self->chart != NULL);
  update_layer_buttons (self);
  invalidate (self);
}

static void
show (ShChartView *self,
      ShStore     *store,
      gint64       assessment_id,
      ShChartKind  kind,
      ShFlowLayer  layer)
{
  gboolean layer_changed = self->layer != layer;

  g_set_object (&self->store, store);
  self->assessment_id = assessment_id;
  self->kind = kind;
  self->layer = layer;
  load (self);

  if (layer_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYER]);
}

static void
layer_button_toggled_cb (GtkToggleButton *button,
                         ShChartView     *self)
{
  if (self->setting_layer || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->mass_button)
    sh_chart_view_set_layer (self, SH_FLOW_LAYER_MASS);
  else if (button == self->water_button)
    sh_chart_view_set_layer (self, SH_FLOW_LAYER_WATER);
  else
    sh_chart_view_set_layer (self, SH_FLOW_LAYER_ENERGY);
}

/* -------------------------------------------------------------- pointer */

char *
sh_chart_view_describe_at (ShChartView *self,
                           double       x,
                           double       y)
{
  ShChartHit hit;

  g_return_val_if_fail (SH_IS_CHART_VIEW (self), NULL);

  if (!ensure_layout (self)
      || !sh_chart_hit_test (self->chart, x / self->zoom, y / self->zoom, &hit))
    return NULL;

  return sh_chart_describe (self->chart, &hit);
}

static gboolean
canvas_query_tooltip_cb (GtkWidget   *widget,
                         int          x,
                         int          y,
                         gboolean     keyboard,
                         GtkTooltip  *tooltip,
                         ShChartView *self)
{
  g_autofree char *text = NULL;

  if (keyboard)
    return FALSE;

  text = sh_chart_view_describe_at (self, x, y);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
can_drag (ShChartView      *self,
          const ShChartHit *hit)
{
  return hit->hit.kind == SH_SANKEY_HIT_NODE && hit->step_id != 0
         && !sh_store_is_assessment_locked (self->store, self->assessment_id);
}

static void
canvas_motion_cb (GtkEventControllerMotion *controller,
                  double                    x,
                  double                    y,
                  ShChartView              *self)
{
  const char *cursor = NULL;
  ShChartHit hit;

  if (self->dragging)
    cursor = "grabbing";
  else if (ensure_layout (self) && sh_chart_hit_test (self->chart, x / self->zoom, y / self->zoom, &hit))
    cursor = hit.hit.kind == SH_SANKEY_HIT_LINK ? "pointer" : can_drag (self, &hit) ? "grab" : NULL;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->canvas), cursor);
}

void
sh_chart_view_press (ShChartView *self,
                     double       x,
                     double       y)
{
  g_return_if_fail (SH_IS_CHART_VIEW (self));

  self->pressed = FALSE;
  self->moved = FALSE;
  self->dragging = FALSE;
  if (!ensure_layout (self)
      || !sh_chart_hit_test (self->chart, x / self->zoom, y / self->zoom, &self->press_hit))
    return;

  self->pressed = TRUE;
  if (can_drag (self, &self->press_hit))
    {
      self->dragging = TRUE;
      self->start_top = sh_chart_get_node_top (self->chart, &self->press_hit);
      self->drag_position = sh_chart_get_position_at (self->chart, &self->press_hit, self->start_top);
    }
}

void
sh_chart_view_move (ShChartView *self,
                    double       dx,
                    double       dy)
{
  g_return_if_fail (SH_IS_CHART_VIEW (self));

  if (!self->pressed)
    return;
  if (fabs (dx) > CLICK_SLOP || fabs (dy) > CLICK_SLOP)
    self->moved = TRUE;
  if (!self->dragging || !self->moved || !ensure_layout (self))
    return;

  /* Only up and down: a step keeps its column. */
  self->drag_position = sh_chart_get_position_at (self->chart, &self->press_hit,
                                                  self->start_top + dy / self->zoom);
  sh_chart_set_step_position (self->chart, self->press_hit.step_id, self->drag_position);
  invalidate (self);
}

void
sh_chart_view_release (ShChartView *self,
                       double       dx,
                       double       dy)
{
  g_autoptr(GError) error = NULL;
  ShChartHit hit;

  g_return_if_fail (SH_IS_CHART_VIEW (self));

  if (!self->pressed)
    return;

  sh_chart_view_move (self, dx, dy);
  hit = self->press_hit;
  self->pressed = FALSE;

  if (!self->moved)
    {
      self->dragging = FALSE;
      if (hit.flow_id != 0)
        g_signal_emit (self, signals[FLOW_ACTIVATED], 0, hit.flow_id);
      return;
    }

  if (!self->dragging)
    return;
  self->dragging = FALSE;

  if (!sh_store_set_double (self->store, "process_step", hit.step_id, "layout_y",
                            self->drag_position, &error))
    {
      /* Back to what is stored, and say why the place was not kept. */
      load (self);
      show_status (self, error->message);
      return;
    }

  g_signal_emit (self, signals[STEP_MOVED], 0, hit.step_id, self->drag_position);
}

static void
canvas_drag_begin_cb (GtkGestureDrag *gesture,
                      double          x,
                      double          y,
                      ShChartView    *self)
{
  sh_chart_view_press (self, x, y);
  if (self->dragging)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
canvas_drag_update_cb (GtkGestureDrag *gesture,
                       double          dx,
                       double          dy,
                       ShChartView    *self)
{
  sh_chart_view_move (self, dx, dy);
}

static void
canvas_drag_end_cb (GtkGestureDrag *gesture,
                    double          dx,
                    double          dy,
                    ShChartView    *self)
{
  sh_chart_view_release (self, dx, dy);
}

/* --------------------------------------------------------------- export */

static const char * const export_suffixes[] = { "png", "pdf", "svg" };

static char *
suggest_file_name (ShChartView *self)
{
  if (self->kind == SH_CHART_SANKEY)
    return g_strdup_printf ("sankey-%s.pdf", sh_flow_layer_to_string (self->layer));
  return g_strdup_printf ("%s.pdf", sh_chart_kind_to_string (self->kind));
}

static void
export_dialog_response_cb (GtkNativeDialog *dialog,
                           int              response,
                           ShChartView     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);

  if (path != NULL && !sh_chart_format_from_path (path, NULL))
    {
      /* A name without a known extension takes the chosen type's. */
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      const char *suffix = "pdf";
      char *with_suffix;

      for (guint i = 0; i < G_N_ELEMENTS (export_suffixes); i++)
        if (filter == self->filters[i])
          suffix = export_suffixes[i];
      with_suffix = g_strconcat (path, ".", suffix, NULL);
      g_free (path);
      path = with_suffix;
    }

  if (path != NULL)
    {
      if (sh_chart_view_export (self, path, &error))
        show_status (self, NULL);
      else
        show_status (self, error->message);
    }

  g_clear_object (&self->export_dialog);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShChartView *self = SH_CHART_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = suggest_file_name (self);
  GtkFileChooserNative *native;
  const char *titles[G_N_ELEMENTS (export_suffixes)] = {
    _("PNG image"), _("PDF document"), _("SVG drawing"),
  };

  if (self->chart == NULL || self->export_dialog != NULL)
    return;

  native = gtk_file_chooser_native_new (_("Export Chart"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (export_suffixes); i++)
    {
      g_autofree char *label = g_strdup_printf ("%s (*.%s)", titles[i], export_suffixes[i]);

      g_clear_object (&self->filters[i]);
      self->filters[i] = gtk_file_filter_new ();
      gtk_file_filter_set_name (self->filters[i], label);
      gtk_file_filter_add_suffix (self->filters[i], export_suffixes[i]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), self->filters[i]);
    }
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), self->filters[1]);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  self->export_dialog = GTK_NATIVE_DIALOG (native);
  g_signal_connect (native, "response", G_CALLBACK (export_dialog_response_cb), self);
  gtk_native_dialog_show (self->export_dialog);
}

/* --------------------------------------------------------------- object */

static void
sh_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ShChartView *self = SH_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_LAYER:
      g_value_set_int (value, self->layer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ShChartView *self = SH_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_LAYER:
      sh_chart_view_set_layer (self, (ShFlowLayer) g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_chart_view_dispose (GObject *object)
{
  ShChartView *self = SH_CHART_VIEW (object);

  if (self->export_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->export_dialog, self);
      gtk_native_dialog_destroy (self->export_dialog);
      g_clear_object (&self->export_dialog);
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->filters); i++)
    g_clear_object (&self->filters[i]);
  gtk_widget_dispose_template (GTK_WIDGET (self), SH_TYPE_CHART_VIEW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->chart, sh_chart_unref);
  g_clear_pointer (&self->cache, cairo_surface_destroy);

  G_OBJECT_CLASS (sh_chart_view_parent_class)->dispose (object);
}

static void
sh_chart_view_finalize (GObject *object)
{
  ShChartView *self = SH_CHART_VIEW (object);

  g_free (self->message);
  g_free (self->draw_error);

  G_OBJECT_CLASS (sh_chart_view_parent_class)->finalize (object);
}

static void
sh_chart_view_class_init (ShChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sh_chart_view_get_property;
  object_class->set_property = sh_chart_view_set_property;
  object_class->dispose = sh_chart_view_dispose;
  object_class->finalize = sh_chart_view_finalize;

  /**
   * ShChartView:layer:
   *
   * The Sankey's layer, an #ShFlowLayer.
   */
  properties[PROP_LAYER] =
    g_param_spec_int ("layer", NULL, NULL, SH_FLOW_LAYER_MASS, SH_FLOW_LAYER_ENERGY, SH_FLOW_LAYER_MASS,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShChartView::flow-activated:
   * @flow_id: the flow's row
   *
   * A flow of the Sankey was clicked.
   */
  signals[FLOW_ACTIVATED] =
    g_signal_new ("flow-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * ShChartView::step-moved:
   * @step_id: the process step
   * @position: its place, 0 (top) to 1 (bottom), as saved
   *
   * A process step was dragged and its place saved.
   */
  signals[STEP_MOVED] =
    g_signal_new ("step-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_DOUBLE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sachhon/SachHon/ui/sh-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShChartView, canvas);
  gtk_widget_class_bind_template_child (widget_class, ShChartView, energy_button);
  gtk_widget_class_bind_template_child (widget_class, ShChartView, export_button);
  gtk_widget_class_bind_template_child (widget_class, ShChartView, layer_box);
  gtk_widget_class_bind_template_child (widget_class, ShChartView, mass_button);
  gtk_widget_class_bind_template_child (widget_class, ShChartView, message_label);
  gtk_widget_class_bind_template_child (widget_class, ShChartView, stack);
  gtk_widget_class_bind_template_child (widget_class, ShChartView, status_label);
  gtk_widget_class_bind_template_child (widget_class, ShChartView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ShChartView, water_button);
  gtk_widget_class_bind_template_callback (widget_class, canvas_drag_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_drag_end_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_drag_update_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_motion_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_resize_cb);
  gtk_widget_class_bind_template_callback (widget_class, layer_button_toggled_cb);

  gtk_widget_class_install_action (widget_class, "chart.export", NULL, export_activated);
  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sh_chart_view_init (ShChartView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->kind = SH_CHART_SANKEY;
  self->layer = SH_FLOW_LAYER_MASS;
  self->zoom = 1;
  gtk_drawing_area_set_draw_func (self->canvas, canvas_draw, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart"),
                                  -1);
  load (self);
}

/* ---------------------------------------------------------------- public */

GtkWidget *
sh_chart_view_new (void)
{
  return g_object_new (SH_TYPE_CHART_VIEW, NULL);
}

void
sh_chart_view_show_sankey (ShChartView *self,
                           ShStore     *store,
                           gint64       assessment_id,
                           ShFlowLayer  layer)
{
  g_return_if_fail (SH_IS_CHART_VIEW (self));
  g_return_if_fail (SH_IS_STORE (store));
  g_return_if_fail (layer < SH_FLOW_N_LAYERS);

  show (self, store, assessment_id, SH_CHART_SANKEY, layer);
}

void
sh_chart_view_show_chart (ShChartView *self,
                          ShStore     *store,
                          gint64       assessment_id,
                          ShChartKind  kind)
{
  g_return_if_fail (SH_IS_CHART_VIEW (self));
  g_return_if_fail (SH_IS_STORE (store));
  g_return_if_fail (kind < SH_CHART_N_KINDS);

  show (self, store, assessment_id, kind, kind == SH_CHART_SANKEY ? SH_FLOW_LAYER_MASS : self->layer);
}

void
sh_chart_view_reload (ShChartView *self)
{
  g_return_if_fail (SH_IS_CHART_VIEW (self));

  load (self);
}

gboolean
sh_chart_view_export (ShChartView  *self,
                      const char   *path,
                      GError      **error)
{
  ShChartFormat format;
  int width, height;

  g_return_val_if_fail (SH_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->chart == NULL)
    {
      g_set_error_literal (error, SH_CHART_ERROR, SH_CHART_ERROR_NO_DATA,
                           self->message != NULL ? self->message : _("There is no chart to export."));
      return FALSE;
    }
  if (!sh_chart_format_from_path (path, &format))
    {
      g_set_error (error, SH_CHART_ERROR, SH_CHART_ERROR_FORMAT,
                   _("“%s” does not end in .png, .pdf or .svg."), path);
      return FALSE;
    }

  sh_chart_get_default_size (self->chart, format, &width, &height);
  return sh_chart_write (self->chart, path, width, height, error);
}

ShChartKind
sh_chart_view_get_kind (ShChartView *self)
{
  g_return_val_if_fail (SH_IS_CHART_VIEW (self), SH_CHART_SANKEY);

  return self->kind;
}

ShFlowLayer
sh_chart_view_get_layer (ShChartView *self)
{
  g_return_val_if_fail (SH_IS_CHART_VIEW (self), SH_FLOW_LAYER_MASS);

  return self->layer;
}

void
sh_chart_view_set_layer (ShChartView *self,
                         ShFlowLayer  layer)
{
  g_return_if_fail (SH_IS_CHART_VIEW (self));
  g_return_if_fail (layer < SH_FLOW_N_LAYERS);

  if (self->layer == layer)
    return;

  self->layer = layer;
  if (self->kind == SH_CHART_SANKEY && self->store != NULL)
    load (self);
  else
    update_layer_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYER]);
}

ShChart *
sh_chart_view_get_chart (ShChartView *self)
{
  g_return_val_if_fail (SH_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

const char *
sh_chart_view_get_message (ShChartView *self)
{
  g_return_val_if_fail (SH_IS_CHART_VIEW (self), NULL);

  return self->message;
}

/* --------------------------------------------------------------- private */

GtkWidget *
sh_chart_view_get_canvas (ShChartView *self)
{
  g_return_val_if_fail (SH_IS_CHART_VIEW (self), NULL);

  return GTK_WIDGET (self->canvas);
}

double
sh_chart_view_get_zoom (ShChartView *self)
{
  g_return_val_if_fail (SH_IS_CHART_VIEW (self), 1);

  return self->zoom;
}

gboolean
sh_chart_view_is_drawn (ShChartView *self)
{
  g_return_val_if_fail (SH_IS_CHART_VIEW (self), FALSE);

  return self->cache != NULL;
}
