/* sh-sankey-assessment.c — an assessment's flows as a flow diagram (Sankey).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sh-format.h"
#include "sh-sankey-assessment.h"

/* A fixed scale a hair too large for the room left by the other diagram's
 * labels is retried this much smaller, this many times. */
#define PAIR_SHRINK   0.97
#define PAIR_RETRIES  12

struct _ShSankeyDiagram
{
  grefcount      ref_count;
  gint64         assessment_id;
  char          *phase;
  ShFlowLayer    layer;
  double         tolerance;
  double         font_size;
  ShSankeyGraph *graph;
  char          *title;
  char          *caption;
  GPtrArray     *notes;        /* char *, NULL-terminated */
  GArray        *step_ids;     /* gint64 per graph node, 0 for boundary nodes */
  GHashTable    *substances;   /* gint64 * flow id → char * */
};

ShSankeyDiagram *
sh_sankey_diagram_ref (ShSankeyDiagram *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
sh_sankey_diagram_unref (ShSankeyDiagram *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->graph, sh_sankey_graph_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->step_ids, g_array_unref);
  g_clear_pointer (&self->substances, g_hash_table_unref);
  g_free (self->phase);
  g_free (self->title);
  g_free (self->caption);
  g_free (self);
}

/* ---------------------------------------------------------------- words */

static const char *
layer_title (ShFlowLayer layer)
{
  switch (layer)
    {
    case SH_FLOW_LAYER_MASS:
      return _("Mass balance");
    case SH_FLOW_LAYER_WATER:
      return _("Water balance");
    case SH_FLOW_LAYER_ENERGY:
      return _("Energy balance");
    case SH_FLOW_N_LAYERS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The flow table's period codes, in the order that breaks a tie. */
static const char * const period_codes[] = { "year", "month", "day", "batch", "hour" };

static const char *
period_label (const char *period)
{
  if (g_strcmp0 (period, "year") == 0)
    return _("per year");
  if (g_strcmp0 (period, "month") == 0)
    return _("per month");
  if (g_strcmp0 (period, "day") == 0)
    return _("per day");
  if (g_strcmp0 (period, "batch") == 0)
    return _("per batch");
  if (g_strcmp0 (period, "hour") == 0)
    return _("per hour");
  return period;
}

/* --------------------------------------------------------------- loading */

static char *
format_dates (const char *from,
              const char *to)
{
  g_autofree char *a = from != NULL ? sh_format_date (from) : NULL;
  g_autofree char *b = to != NULL ? sh_format_date (to) : NULL;

  if (a != NULL && b != NULL)
    return g_strdup_printf ("%s–%s", a, b);
  if (a != NULL)
    return g_strdup_printf (_("from %s"), a);
  if (b != NULL)
    return g_strdup_printf (_("to %s"), b);
  return NULL;
}

/* The dates the diagram covers: the baseline period of the assessment, or
 * the span of the production recorded after the options. */
static char *
describe_phase (ShStore    *store,
                ShRecord   *assessment,
                const char *phase,
                GError    **error)
{
  g_autofree char *dates = NULL;

  if (g_strcmp0 (phase, "after") == 0)
    {
      g_autoptr(GPtrArray) production = NULL;
      const char *first = NULL, *last = NULL;

      production = sh_store_list (store, "production_record", "assessment_id",
                                  sh_record_get_id (assessment), error);
      if (production == NULL)
        return NULL;
      for (guint i = 0; i < production->len; i++)
        {
          ShRecord *row = production->pdata[i];
          const char *start = sh_record_get_string (row, "period_start");
          const char *end = sh_record_get_string (row, "period_end");

          if (g_strcmp0 (sh_record_get_string (row, "phase"), "after") != 0)
            continue;
          if (start != NULL && (first == NULL || g_strcmp0 (start, first) < 0))
            first = start;
          if (end != NULL && (last == NULL || g_strcmp0 (end, last) > 0))
            last = end;
        }
      dates = format_dates (first, last);
      if (dates == NULL)
        return g_strdup (_("after the options"));
      /* TRANSLATORS: the phase of a flow diagram and its dates. */
      return g_strdup_printf (_("after the options, %s"), dates);
    }

  dates = format_dates (sh_record_get_string (assessment, "baseline_from"),
                        sh_record_get_string (assessment, "baseline_to"));
  if (dates == NULL)
    return g_strdup (_("baseline"));
  /* TRANSLATORS: the phase of a flow diagram and its dates. */
  return g_strdup_printf (_("baseline, %s"), dates);
}

/* The period most of the layer's flows are counted over; the others cannot
 * be added to them without knowing the operating days. */
static const char *
pick_period (GPtrArray  *flows,
             GHashTable *periods)
{
  guint counts[G_N_ELEMENTS (period_codes)] = { 0, };
  guint best = 0;

  for (guint i = 0; i < flows->len; i++)
    {
      ShLayerFlow *flow = flows->pdata[i];
      const char *period = g_hash_table_lookup (periods, &flow->id);

      for (guint p = 0; p < G_N_ELEMENTS (period_codes); p++)
        if (g_strcmp0 (period, period_codes[p]) == 0)
          counts[p]++;
    }
  for (guint p = 1; p < G_N_ELEMENTS (period_codes); p++)
    if (counts[p] > counts[best])
      best = p;

  return period_codes[best];
}

static char *
boundary_id (const char *prefix,
             const char *label)
{
  return g_strconcat (prefix, label, NULL);
}

static char *
step_node_id (gint64 step_id)
{
  return g_strdup_printf ("step:%" G_GINT64_FORMAT, step_id);
}

static gboolean
add_node_once (ShSankeyDiagram   *self,
               const char        *id,
               const char        *label,
               ShSankeyNodeKind   kind,
               gint64             step_id,
               GError           **error)
{
  if (sh_sankey_graph_lookup_node (self->graph, id, NULL))
    return TRUE;
  if (!sh_sankey_graph_add_node (self->graph, id, label, kind, error))
    return FALSE;
  g_array_append_val (self->step_ids, step_id);
  return TRUE;
}

/* Nodes go in sources, steps (by their order in the process), sinks, so
 * that the layout's depth-first search meets the process as it runs. */
static gboolean
add_nodes (ShSankeyDiagram  *self,
           GPtrArray        *flows,
           GPtrArray        *steps,
           GError          **error)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < flows->len; i++)
    {
      ShLayerFlow *flow = flows->pdata[i];
      g_autofree char *id = NULL;

      if (flow->from_step_id != 0)
        g_hash_table_add (used, g_memdup2 (&flow->from_step_id, sizeof (gint64)));
      if (flow->to_step_id != 0)
        g_hash_table_add (used, g_memdup2 (&flow->to_step_id, sizeof (gint64)));
      if (flow->from_step_id != 0)
        continue;

      id = boundary_id ("src:", flow->from_label);
      if (!add_node_once (self, id, flow->from_label, SH_SANKEY_NODE_SOURCE, 0, error))
        return FALSE;
    }

  for (guint s = 0; s < steps->len; s++)
    {
      ShRecord *step = steps->pdata[s];
      gint64 step_id = sh_record_get_id (step);
      g_autofree char *id = NULL;

      if (!g_hash_table_remove (used, &step_id))
        continue;

      id = step_node_id (step_id);
      if (!add_node_once (self, id, sh_record_get_string (step, "name"), SH_SANKEY_NODE_STEP,
                          step_id, error))
        return FALSE;

      if (!sh_record_is_null (step, "layout_y"))
        {
          double position = sh_record_get_double (step, "layout_y", NAN);

          if (position >= 0 && position <= 1)
            sh_sankey_graph_set_node_position (self->graph, id, position);
        }
    }

  /* A flow may name a step of no assessment we know (the schema allows it);
   * it still gets a node rather than losing the flow. */
  for (guint i = 0; i < flows->len; i++)
    {
      ShLayerFlow *flow = flows->pdata[i];
      gint64 ends[2] = { flow->from_step_id, flow->to_step_id };

      for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
        {
          g_autofree char *id = NULL;
          g_autofree char *number = NULL;
          g_autofree char *label = NULL;

          if (ends[e] == 0 || !g_hash_table_remove (used, &ends[e]))
            continue;
          id = step_node_id (ends[e]);
          number = g_strdup_printf ("%" G_GINT64_FORMAT, ends[e]);
          /* TRANSLATORS: a process step known only by its number. */
          label = g_strdup_printf (_("Step %s"), number);
          if (!add_node_once (self, id, label, SH_SANKEY_NODE_STEP, ends[e], error))
            return FALSE;
        }
    }

  for (guint i = 0; i < flows->len; i++)
    {
      ShLayerFlow *flow = flows->pdata[i];
      g_autofree char *id = NULL;

      if (flow->to_step_id != 0)
        continue;
      id = boundary_id ("sink:", flow->to_label);
      if (!add_node_once (self, id, flow->to_label, SH_SANKEY_NODE_SINK, 0, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_links (ShSankeyDiagram  *self,
           GPtrArray        *flows,
           GError          **error)
{
  for (guint i = 0; i < flows->len; i++)
    {
      ShLayerFlow *flow = flows->pdata[i];
      g_autofree char *from = flow->from_step_id != 0 ? step_node_id (flow->from_step_id)
                                                      : boundary_id ("src:", flow->from_label);
      g_autofree char *to = flow->to_step_id != 0 ? step_node_id (flow->to_step_id)
                                                  : boundary_id ("sink:", flow->to_label);
      ShSankeyLinkKind kind = SH_SANKEY_LINK_MATERIAL;

      /* The schema's CHECK keeps kinds to the names the diagram knows. */
      if (!sh_sankey_link_kind_from_string (flow->kind, &kind))
        g_warn_if_reached ();

      if (!sh_sankey_graph_add_link (self->graph, from, to, flow->value, kind, flow->estimated,
                                     flow->id, error))
        return FALSE;
      g_hash_table_insert (self->substances, g_memdup2 (&flow->id, sizeof (gint64)),
                           g_strdup (flow->substance));
    }

  return TRUE;
}

ShSankeyDiagram *
sh_sankey_diagram_load (ShStore      *store,
                        ShUnits      *units,
                        gint64        assessment_id,
                        const char   *phase,
                        ShFlowLayer   layer,
                        GError      **error)
{
  g_autoptr(ShSankeyDiagram) self = NULL;
  g_autoptr(ShRecord) assessment = NULL;
  g_autoptr(ShRecord) facility = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(ShFlowLayers) layers = NULL;
  g_autoptr(GHashTable) periods = NULL;
  g_autoptr(GPtrArray) drawn = g_ptr_array_new ();
  g_autofree char *when = NULL;
  const ShUnitInfo *unit;
  const char *unit_code;
  const char *period;
  GPtrArray *flows, *notes;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (units != NULL, NULL);
  g_return_val_if_fail (g_strcmp0 (phase, "baseline") == 0 || g_strcmp0 (phase, "after") == 0, NULL);
  g_return_val_if_fail (layer < SH_FLOW_N_LAYERS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  assessment = sh_store_get (store, "assessment", assessment_id, error);
  if (assessment == NULL)
    return NULL;
  facility = sh_store_get (store, "facility", sh_record_get_int (assessment, "facility_id", 0), error);
  if (facility == NULL)
    return NULL;
  steps = sh_store_list (store, "process_step", "assessment_id", assessment_id, error);
  if (steps == NULL)
    return NULL;
  records = sh_store_list (store, "flow", "assessment_id", assessment_id, error);
  if (records == NULL)
    return NULL;
  layers = sh_flow_layers_load (store, units, assessment_id, phase, error);
  if (layers == NULL)
    return NULL;
  when = describe_phase (store, assessment, phase, error);
  if (when == NULL)
    return NULL;

  /* The records outlive the lookups below, so their strings serve as values. */
  periods = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < records->len; i++)
    {
      gint64 id = sh_record_get_id (records->pdata[i]);

      g_hash_table_insert (periods, g_memdup2 (&id, sizeof id),
                           (gpointer) sh_record_get_string (records->pdata[i], "period"));
    }

  unit_code = sh_flow_layers_get_unit (layers, layer);
  unit = sh_units_lookup (units, unit_code, NULL);

  self = g_new0 (ShSankeyDiagram, 1);
  g_ref_count_init (&self->ref_count);
  self->assessment_id = assessment_id;
  self->phase = g_strdup (phase);
  self->layer = layer;
  self->tolerance = sh_record_get_double (assessment, "tolerance_pct", 5);
  self->graph = sh_sankey_graph_new (unit != NULL ? unit->symbol : unit_code);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->step_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->substances = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  notes = sh_flow_layers_get_notes (layers);
  for (guint i = 0; i < notes->len; i++)
    g_ptr_array_add (self->notes, g_strdup (notes->pdata[i]));

  flows = sh_flow_layers_get_flows (layers, layer);
  period = pick_period (flows, periods);
  for (guint i = 0; i < flows->len; i++)
    {
      ShLayerFlow *flow = flows->pdata[i];
      const char *flow_period = g_hash_table_lookup (periods, &flow->id);

      if (g_strcmp0 (flow_period, period) == 0)
        {
          g_ptr_array_add (drawn, flow);
          continue;
        }
      /* TRANSLATORS: “Nước rửa củ” is not drawn: it is counted per day, the
       * diagram per year. */
      g_ptr_array_add (self->notes, g_strdup_printf (_("“%s” is not drawn: it is counted %s, the diagram %s."),
                                                     flow->substance, period_label (flow_period),
                                                     period_label (period)));
    }
  g_ptr_array_add (self->notes, NULL);

  if (!add_nodes (self, drawn, steps, error) || !add_links (self, drawn, error))
    return NULL;

  self->title = g_strdup_printf ("%s — %s", sh_record_get_string (facility, "name"),
                                 sh_record_get_string (assessment, "title") != NULL
                                   ? sh_record_get_string (assessment, "title")
                                   : sh_record_get_string (assessment, "kind"));
  /* TRANSLATORS: e.g. “Water balance · m³ per year · baseline, 01/01/2023–31/12/2023”. */
  self->caption = g_strdup_printf (_("%s · %s %s · %s"), layer_title (layer),
                                   sh_sankey_graph_get_unit (self->graph), period_label (period), when);

  return g_steal_pointer (&self);
}

/* --------------------------------------------------------------- getters */

ShSankeyGraph *
sh_sankey_diagram_get_graph (ShSankeyDiagram *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->graph;
}

gint64
sh_sankey_diagram_get_assessment_id (ShSankeyDiagram *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->assessment_id;
}

const char *
sh_sankey_diagram_get_phase (ShSankeyDiagram *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->phase;
}

ShFlowLayer
sh_sankey_diagram_get_layer (ShSankeyDiagram *self)
{
  g_return_val_if_fail (self != NULL, SH_FLOW_LAYER_MASS);

  return self->layer;
}

const char *
sh_sankey_diagram_get_title (ShSankeyDiagram *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

const char *
sh_sankey_diagram_get_caption (ShSankeyDiagram *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->caption;
}

void
sh_sankey_diagram_set_caption (ShSankeyDiagram *self,
                               const char      *caption)
{
  g_return_if_fail (self != NULL);

  g_free (self->caption);
  self->caption = g_strdup (caption);
}

const char * const *
sh_sankey_diagram_get_notes (ShSankeyDiagram *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->notes->pdata;
}

double
sh_sankey_diagram_get_tolerance (ShSankeyDiagram *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->tolerance;
}

void
sh_sankey_diagram_init_options (ShSankeyDiagram *self,
                                ShSankeyOptions *options)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (options != NULL);

  sh_sankey_options_init (options);
  options->tolerance = self->tolerance;
}

void
sh_sankey_diagram_set_font_size (ShSankeyDiagram *self,
                                 double           size)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (size >= 0);

  self->font_size = size;
}

/* Whole units once a flow is in the hundreds: a tenth of a cubic metre
 * of a year's wash water is noise on a printed diagram. */
static char *
format_flow (double   value,
             gpointer user_data)
{
  double size = fabs (value);

  if (value == 0)
    return g_strdup ("0");
  return sh_format_number (value, size >= 100 ? 0 : size >= 1 ? 1 : 3, SH_NUMBER_STYLE_VI);
}

void
sh_sankey_diagram_init_style (ShSankeyDiagram *self,
                              ShSankeyStyle   *style)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (style != NULL);

  sh_sankey_style_init (style);
  style->title = self->title;
  style->caption = self->caption;
  style->notes = sh_sankey_diagram_get_notes (self);
  style->format = format_flow;
  if (self->font_size > 0)
    style->font_size = self->font_size;
}

gint64
sh_sankey_diagram_get_step_id (ShSankeyDiagram *self,
                               guint            index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->step_ids->len, 0);

  return g_array_index (self->step_ids, gint64, index);
}

gboolean
sh_sankey_diagram_find_step (ShSankeyDiagram *self,
                             gint64           step_id,
                             guint           *index)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  id = step_node_id (step_id);
  return sh_sankey_graph_lookup_node (self->graph, id, index);
}

const char *
sh_sankey_diagram_get_substance (ShSankeyDiagram *self,
                                 gint64           flow_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_hash_table_lookup (self->substances, &flow_id);
}

gboolean
sh_sankey_diagram_set_step_position (ShSankeyDiagram *self,
                                     gint64           step_id,
                                     double           position)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  id = step_node_id (step_id);
  return sh_sankey_graph_set_node_position (self->graph, id, position);
}

/* ------------------------------------------------------------------ pair */

static ShSankeyLayout *
lay_out_one (cairo_t          *cr,
             ShSankeyDiagram  *diagram,
             double            scale,
             double            width,
             double            height,
             GError          **error)
{
  ShSankeyOptions options;
  ShSankeyStyle style;

  sh_sankey_diagram_init_options (diagram, &options);
  sh_sankey_diagram_init_style (diagram, &style);
  options.fixed_scale = scale;

  return sh_sankey_render_layout (cr, diagram->graph, &options, &style, width, height, error);
}

gboolean
sh_sankey_diagram_layout_pair (cairo_t          *cr,
                               ShSankeyDiagram  *before,
                               ShSankeyDiagram  *after,
                               double            width,
                               double            height,
                               ShSankeyLayout  **out_before,
                               ShSankeyLayout  **out_after,
                               GError          **error)
{
  ShSankeyDiagram *pair[2] = { before, after };
  ShSankeyLayout *layouts[2] = { NULL, NULL };
  double scale = G_MAXDOUBLE;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (before != NULL && after != NULL, FALSE);
  g_return_val_if_fail (out_before != NULL && out_after != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Each alone at the largest scale it fits; the pair takes the smaller. */
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(ShSankeyLayout) alone = lay_out_one (cr, pair[k], 0, width, height, error);

      if (alone == NULL)
        return FALSE;
      if (sh_sankey_graph_get_n_links (pair[k]->graph) > 0)
        scale = MIN (scale, sh_sankey_layout_get_scale (alone));
    }
  if (scale == G_MAXDOUBLE)
    scale = 0;

  /* The scale that fits one diagram's plot may be a hair too large once the
   * legend's scale key is drawn at it; shrink until both fit. */
  for (guint attempt = 0; attempt <= PAIR_RETRIES; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean ok = TRUE;

      for (guint k = 0; k < 2 && ok; k++)
        {
          g_clear_pointer (&layouts[k], sh_sankey_layout_unref);
          layouts[k] = lay_out_one (cr, pair[k], scale, width, height, &local_error);
          ok = layouts[k] != NULL;
        }
      if (ok)
        {
          *out_before = layouts[0];
          *out_after = layouts[1];
          return TRUE;
        }

      g_clear_pointer (&layouts[0], sh_sankey_layout_unref);
      g_clear_pointer (&layouts[1], sh_sankey_layout_unref);
      if (attempt == PAIR_RETRIES
          || !g_error_matches (local_error, SH_SANKEY_ERROR, SH_SANKEY_ERROR_SCALE_TOO_LARGE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      scale *= PAIR_SHRINK;
    }

  g_assert_not_reached ();
}
