/* sh-charts.c — an assessment's charts: what they show, and writing them out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "sh-charts-private.h"
#include "sh-format.h"
#include "sh-refdata-norm.h"
#include "sh-summary.h"

G_DEFINE_QUARK (sh-chart-error-quark, sh_chart_error)

static const char * const kind_names[SH_CHART_N_KINDS] = {
  "sankey", "consumption", "pareto", "savings", "monitoring",
};

const char *
sh_chart_kind_to_string (ShChartKind kind)
{
  g_return_val_if_fail (kind < SH_CHART_N_KINDS, NULL);

  return kind_names[kind];
}

gboolean
sh_chart_kind_from_string (const char  *text,
                           ShChartKind *out_kind)
{
  for (guint i = 0; i < SH_CHART_N_KINDS; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        if (out_kind != NULL)
          *out_kind = (ShChartKind) i;
        return TRUE;
      }

  return FALSE;
}

gboolean
sh_chart_format_from_path (const char    *path,
                           ShChartFormat *out_format)
{
  static const struct
  {
    const char    *suffix;
    ShChartFormat  format;
  } suffixes[] = {
    { ".png", SH_CHART_FORMAT_PNG },
    { ".pdf", SH_CHART_FORMAT_PDF },
    { ".svg", SH_CHART_FORMAT_SVG },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix) && strlen (lower) > strlen (suffixes[i].suffix))
      {
        if (out_format != NULL)
          *out_format = suffixes[i].format;
        return TRUE;
      }

  return FALSE;
}

/* ------------------------------------------------------------ lifecycle */

static void
consumption_free (gpointer data)
{
  ShChartConsumption *c = data;

  g_free (c->name);
  g_free (c->unit);
  g_free (c);
}

static void
waste_free (gpointer data)
{
  ShChartWaste *w = data;

  g_free (w->name);
  g_free (w);
}

static void
saving_free (gpointer data)
{
  ShChartSaving *s = data;

  g_free (s->name);
  g_free (s);
}

static void
clear_point (gpointer data)
{
  ShChartPoint *point = data;

  g_free (point->label);
}

static void
series_free (gpointer data)
{
  ShChartSeries *s = data;

  g_free (s->name);
  g_free (s->unit);
  g_array_unref (s->points);
  g_free (s);
}

static ShChart *
chart_new (ShChartKind kind,
           gint64      assessment_id)
{
  static const GDestroyNotify item_free[SH_CHART_N_KINDS] = {
    NULL, consumption_free, waste_free, saving_free, series_free,
  };
  ShChart *self = g_new0 (ShChart, 1);

  g_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->assessment_id = assessment_id;
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->items = g_ptr_array_new_with_free_func (item_free[kind]);

  return self;
}

ShChart *
sh_chart_ref (ShChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
sh_chart_unref (ShChart *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;

  for (guint k = 0; k < G_N_ELEMENTS (self->diagrams); k++)
    {
      g_clear_pointer (&self->diagrams[k], sh_sankey_diagram_unref);
      g_clear_pointer (&self->layouts[k], sh_sankey_layout_unref);
    }
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self->title);
  g_free (self->caption);
  g_free (self);
}

static void
add_note (ShChart    *self,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
add_note (ShChart    *self,
          const char *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

/* The notes array ends in NULL once loading is done. */
static void
seal_notes (ShChart *self)
{
  g_ptr_array_add (self->notes, NULL);
}

ShChartKind
sh_chart_get_kind (ShChart *self)
{
  g_return_val_if_fail (self != NULL, SH_CHART_SANKEY);

  return self->kind;
}

gint64
sh_chart_get_assessment_id (ShChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->assessment_id;
}

ShFlowLayer
sh_chart_get_layer (ShChart *self)
{
  g_return_val_if_fail (self != NULL, SH_FLOW_LAYER_MASS);

  return self->layer;
}

guint
sh_chart_get_n_diagrams (ShChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_diagrams;
}

ShSankeyDiagram *
sh_chart_get_diagram (ShChart *self,
                      guint    index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_diagrams, NULL);

  return self->diagrams[index];
}

const char * const *
sh_chart_get_notes (ShChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->notes->pdata;
}

/* ------------------------------------------------------------- loading */

typedef struct
{
  ShRecord *assessment;
  ShRecord *facility;
} Subject;

static void
subject_clear (Subject *subject)
{
  g_clear_pointer (&subject->assessment, sh_record_unref);
  g_clear_pointer (&subject->facility, sh_record_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Subject, subject_clear)

static gboolean
load_subject (ShStore  *store,
              gint64    assessment_id,
              Subject  *subject,
              GError  **error)
{
  subject->assessment = sh_store_get (store, "assessment", assessment_id, error);
  if (subject->assessment == NULL)
    return FALSE;
  subject->facility = sh_store_get (store, "facility",
                                    sh_record_get_int (subject->assessment, "facility_id", 0), error);
  return subject->facility != NULL;
}

static char *
make_title (const Subject *subject)
{
  const char *title = sh_record_get_string (subject->assessment, "title");

  return g_strdup_printf ("%s — %s", sh_record_get_string (subject->facility, "name"),
                          title != NULL ? title : sh_record_get_string (subject->assessment, "kind"));
}

static char *
format_id (gint64 assessment_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, assessment_id);
}

static const char *
unit_symbol (ShUnits    *units,
             const char *code)
{
  const ShUnitInfo *info = code != NULL ? sh_units_lookup (units, code, NULL) : NULL;

  return info != NULL ? info->symbol : code != NULL ? code : "";
}

static const char *
layer_name (ShFlowLayer layer)
{
  switch (layer)
    {
    case SH_FLOW_LAYER_MASS:
      return _("mass");
    case SH_FLOW_LAYER_WATER:
      return _("water");
    case SH_FLOW_LAYER_ENERGY:
      return _("energy");
    case SH_FLOW_N_LAYERS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- sankey */

ShChart *
sh_chart_load_sankey (ShStore      *store,
                      ShUnits      *units,
                      gint64        assessment_id,
                      ShFlowLayer   layer,
                      GError      **error)
{
  g_autoptr(ShChart) self = NULL;
  g_autoptr(ShSankeyDiagram) before = NULL;
  g_autoptr(ShSankeyDiagram) after = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (units != NULL, NULL);
  g_return_val_if_fail (layer < SH_FLOW_N_LAYERS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  before = sh_sankey_diagram_load (store, units, assessment_id, "baseline", layer, error);
  if (before == NULL)
    return NULL;
  after = sh_sankey_diagram_load (store, units, assessment_id, "after", layer, error);
  if (after == NULL)
    return NULL;

  self = chart_new (SH_CHART_SANKEY, assessment_id);
  self->layer = layer;

  if (sh_sankey_graph_get_n_links (sh_sankey_diagram_get_graph (before)) == 0)
    {
      g_autofree char *number = format_id (assessment_id);

      /* A diagram of the options' effect alone has nothing to compare with. */
      g_set_error (error, SH_CHART_ERROR, SH_CHART_ERROR_NO_DATA,
                   _("Assessment %s has no %s flows to draw."), number, layer_name (layer));
      return NULL;
    }

  self->diagrams[self->n_diagrams++] = sh_sankey_diagram_ref (before);
  if (sh_sankey_graph_get_n_links (sh_sankey_diagram_get_graph (after)) > 0)
    {
      g_autofree char *caption_before = NULL;
      g_autofree char *caption_after = NULL;

      caption_before = g_strdup_printf ("%s\n%s", sh_sankey_diagram_get_caption (before),
                                        _("Drawn at the same scale as the diagram after the options, below."));
      caption_after = g_strdup_printf ("%s\n%s", sh_sankey_diagram_get_caption (after),
                                       _("Drawn at the same scale as the baseline diagram above."));
      sh_sankey_diagram_set_caption (before, caption_before);
      sh_sankey_diagram_set_caption (after, caption_after);
      self->diagrams[self->n_diagrams++] = sh_sankey_diagram_ref (after);
    }

  self->title = g_strdup (sh_sankey_diagram_get_title (before));
  self->caption = g_strdup (sh_sankey_diagram_get_caption (before));
  for (const char * const *note = sh_sankey_diagram_get_notes (before); *note != NULL; note++)
    g_ptr_array_add (self->notes, g_strdup (*note));
  seal_notes (self);

  return g_steal_pointer (&self);
}

/* ---- consumption */

/* The benchmark indicator (reference data) that measures a resource of a
 * consumption category. */
static const char *
indicator_for_category (const char *category)
{
  if (g_strcmp0 (category, "water") == 0)
    return "water";
  if (g_strcmp0 (category, "electricity") == 0)
    return "electricity";
  if (g_strcmp0 (category, "fuel") == 0)
    return "fuel";
  if (g_strcmp0 (category, "material") == 0)
    return "raw_material";
  return NULL;
}

/* @value of @unit per @per_quantity @per_unit, in @to per @to_per; FALSE
 * when the units do not convert (a % benchmark, m³ per hl against tonnes). */
static gboolean
convert_ratio (ShUnits    *units,
               double      value,
               const char *unit,
               const char *per_unit,
               double      per_quantity,
               const char *to,
               const char *to_per,
               double     *out_value)
{
  double top, bottom;

  if (per_unit == NULL || to_per == NULL || per_quantity <= 0)
    return FALSE;
  if (!sh_units_convert (units, value, unit, to, &top, NULL)
      || !sh_units_convert (units, per_quantity, per_unit, to_per, &bottom, NULL)
      || bottom <= 0)
    return FALSE;

  *out_value = top / bottom;
  return TRUE;
}

static char *
format_short (double value)
{
  int decimals = fabs (value) >= 100 ? 0 : fabs (value) >= 10 ? 1 : fabs (value) >= 1 ? 2 : 3;

  return sh_format_number (value, decimals, SH_NUMBER_STYLE_VI);
}

/* The range of the sector's benchmarks of @indicator that convert to @unit
 * per @output_unit; returns how many there are and lists their codes. */
static guint
collect_benchmarks (ShUnits    *units,
                    GPtrArray  *benchmarks,
                    const char *indicator,
                    const char *unit,
                    const char *output_unit,
                    double     *out_min,
                    double     *out_max,
                    GString    *codes)
{
  guint n = 0;

  for (guint i = 0; i < benchmarks->len; i++)
    {
      ShRecord *row = benchmarks->pdata[i];
      const char *from = sh_record_get_string (row, "unit");
      const char *per_unit = sh_record_get_string (row, "per_unit");
      double per_quantity = sh_record_get_double (row, "per_quantity", 1);
      double bounds[2] = {
        sh_record_get_double (row, "value_min", sh_record_get_double (row, "value_max", NAN)),
        sh_record_get_double (row, "value_max", sh_record_get_double (row, "value_min", NAN)),
      };
      double low, high;

      if (g_strcmp0 (sh_record_get_string (row, "indicator"), indicator) != 0)
        continue;
      if (!convert_ratio (units, bounds[0], from, per_unit, per_quantity, unit, output_unit, &low)
          || !convert_ratio (units, bounds[1], from, per_unit, per_quantity, unit, output_unit, &high)
          || !isfinite (low) || !isfinite (high))
        continue;

      *out_min = n == 0 ? low : MIN (*out_min, low);
      *out_max = n == 0 ? high : MAX (*out_max, high);
      n++;
      if (codes != NULL)
        g_string_append_printf (codes, "%s%s [%s]", codes->len > 0 ? ", " : "",
                                sh_record_get_string (row, "code"), sh_record_get_string (row, "tag"));
    }

  return n;
}

/* Gives @panel the range of the sector's benchmarks of @indicator, and the
 * chart a note naming them. */
static void
add_benchmarks (ShChart            *self,
                ShUnits            *units,
                GPtrArray          *benchmarks,
                const char         *indicator,
                ShChartConsumption *panel,
                const char         *unit,
                const char         *output_unit)
{
  g_autoptr(GString) codes = g_string_new (NULL);
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  panel->n_benchmarks = collect_benchmarks (units, benchmarks, indicator, unit, output_unit,
                                            &panel->benchmark_min, &panel->benchmark_max, codes);
  if (panel->n_benchmarks == 0)
    return;

  low = format_short (panel->benchmark_min);
  high = format_short (panel->benchmark_max);
  if (panel->benchmark_min == panel->benchmark_max)
    /* TRANSLATORS: a benchmark: resource, value and unit, the reference data's codes. */
    add_note (self, _("Benchmark for %s: %s %s (%s)."), panel->name, low, panel->unit, codes->str);
  else
    /* TRANSLATORS: a benchmark range: resource, low–high unit, the reference data's codes. */
    add_note (self, _("Benchmark for %s: %s–%s %s (%s)."), panel->name, low, high, panel->unit,
              codes->str);
}

/* Sums the baseline and after energy (MJ) of the electricity and fuel rows;
 * FALSE with a note when a row cannot be converted. */
static gboolean
sum_energy (ShChart    *self,
            ShUnits    *units,
            GPtrArray  *consumption,
            double     *baseline,
            double     *after,
            guint      *n_resources)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  *baseline = *after = 0;
  for (guint i = 0; i < consumption->len; i++)
    {
      ShRecord *row = consumption->pdata[i];
      const char *category = sh_record_get_string (row, "category");
      const char *fuel = sh_record_get_string (row, "fuel_code");
      double quantity = sh_record_get_double (row, "quantity", 0);
      g_autoptr(GError) error = NULL;
      double mj;
      gboolean ok;

      if (g_strcmp0 (category, "electricity") != 0 && g_strcmp0 (category, "fuel") != 0)
        continue;

      if (fuel != NULL && *fuel != '\0')
        ok = sh_units_fuel_energy (units, fuel, quantity, sh_record_get_string (row, "unit"), "MJ", &mj, &error);
      else
        ok = sh_units_convert (units, quantity, sh_record_get_string (row, "unit"), "MJ", &mj, &error);
      if (!ok)
        {
          add_note (self, _("No total energy: %s in %s cannot be converted to MJ (%s)."),
                    sh_record_get_string (row, "resource_name") ? sh_record_get_string (row, "resource_name")
                                                                 : sh_record_get_string (row, "resource_code"),
                    sh_record_get_string (row, "period_label"), error->message);
          return FALSE;
        }

      g_hash_table_add (codes, (gpointer) sh_record_get_string (row, "resource_code"));
      if (g_strcmp0 (sh_record_get_string (row, "phase"), "after") == 0)
        *after += mj;
      else
        *baseline += mj;
    }

  *n_resources = g_hash_table_size (codes);
  return TRUE;
}

/* The last day the chart's figures speak for: the end of the production
 * after the options, else of the baseline. */
static const char *
find_reference_date (ShRecord  *assessment,
                     GPtrArray *production)
{
  const char *last = NULL;

  for (guint i = 0; i < production->len; i++)
    {
      const char *end = sh_record_get_string (production->pdata[i], "period_end");

      if (end != NULL && (last == NULL || g_strcmp0 (end, last) > 0))
        last = end;
    }
  if (last == NULL)
    last = sh_record_get_string (assessment, "baseline_to");
  if (last == NULL)
    last = sh_record_get_string (assessment, "end_date");

  return last;
}

/* The legal energy norm of the facility's product, in MJ per output unit. */
static gboolean
find_norm (ShChart                  *self,
           ShStore                  *store,
           ShUnits                  *units,
           const Subject            *subject,
           const char               *sector,
           const char               *product_name,
           GPtrArray                *production,
           const ShSummaryResource  *resource,
           double                   *out_norm,
           GError                  **error)
{
  g_autoptr(GPtrArray) norms = NULL;
  g_autoptr(ShNormCheck) check = NULL;
  const char *product = NULL;
  const char *capacity_unit = NULL;
  const char *date;
  gboolean ambiguous;
  double capacity = -1;

  norms = sh_refdata_list_norms (store, sector, error);
  if (norms == NULL)
    return FALSE;

  product = sh_refdata_match_norm_product (norms, product_name, &ambiguous);
  if (ambiguous)
    {
      add_note (self, _("The sector has energy norms for several products and “%s” is not clearly one of them, so no norm is shown."),
                product_name != NULL ? product_name : "");
      return TRUE;
    }
  if (product == NULL)
    return TRUE;

  for (guint i = 0; i < norms->len && capacity_unit == NULL; i++)
    if (g_strcmp0 (sh_record_get_string (norms->pdata[i], "product_code"), product) == 0)
      capacity_unit = sh_record_get_string (norms->pdata[i], "capacity_unit");

  date = find_reference_date (subject->assessment, production);
  if (date == NULL)
    return TRUE;

  /* The baseline output stands for the annual capacity. */
  if (capacity_unit == NULL
      || !sh_units_convert (units, resource->baseline_output, resource->output_unit, capacity_unit,
                            &capacity, NULL))
    capacity = -1;

  check = sh_refdata_check_norm (store, product, capacity, date, 0, error);
  if (check == NULL)
    return FALSE;
  if (check->verdict == SH_NORM_NONE)
    return TRUE;

  if (!convert_ratio (units, check->limit, check->unit, check->per_unit, 1, "MJ",
                      resource->output_unit, out_norm))
    {
      add_note (self, _("The energy norm of %s is per %s, which production in %s does not convert to."),
                check->instrument, check->per_unit, resource->output_unit);
      return TRUE;
    }

  {
    g_autofree char *limit = format_short (check->limit);
    g_autofree char *from = sh_format_date (check->valid_from);
    g_autofree char *to = sh_format_date (check->valid_to);

    /* TRANSLATORS: the instrument, the limit with its unit per unit, its validity. */
    add_note (self, _("Legal norm: %s, at most %s %s/%s (%s to %s)."), check->instrument, limit,
              check->unit, check->per_unit, from, to);
  }
  return TRUE;
}

static gboolean
load_consumption (ShChart   *self,
                  ShStore   *store,
                  ShUnits   *units,
                  Subject   *subject,
                  GError   **error)
{
  g_autoptr(ShSummary) summary = NULL;
  g_autoptr(GPtrArray) consumption = NULL;
  g_autoptr(GPtrArray) production = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GHashTable) categories = g_hash_table_new (g_str_hash, g_str_equal);
  const char *sector = sh_record_get_string (subject->facility, "sector_code");
  const ShSummaryResource *first = NULL;
  double energy_baseline, energy_after, norm = NAN;
  guint n_energy = 0;

  summary = sh_summary_compute (store, units, self->assessment_id, error);
  if (summary == NULL)
    return FALSE;
  consumption = sh_store_list (store, "resource_consumption", "assessment_id", self->assessment_id, error);
  if (consumption == NULL)
    return FALSE;
  production = sh_store_list (store, "production_record", "assessment_id", self->assessment_id, error);
  if (production == NULL)
    return FALSE;

  if (sector != NULL && *sector != '\0')
    {
      benchmarks = sh_refdata_list_benchmarks (store, sector, error);
      if (benchmarks == NULL)
        return FALSE;
      if (benchmarks->len == 0)
        add_note (self, _("The reference data has no benchmarks for the facility's sector."));
    }
  else
    {
      benchmarks = g_ptr_array_new ();
      add_note (self, _("The facility has no sector, so no benchmark or norm is shown."));
    }

  for (guint i = 0; i < consumption->len; i++)
    {
      ShRecord *row = consumption->pdata[i];
      const char *code = sh_record_get_string (row, "resource_code");

      if (!g_hash_table_contains (categories, code))
        g_hash_table_insert (categories, (gpointer) code, (gpointer) sh_record_get_string (row, "category"));
    }

  for (guint i = 0; i < summary->resources->len; i++)
    {
      const ShSummaryResource *r = summary->resources->pdata[i];
      ShChartConsumption *panel;
      const char *indicator;

      if (!r->has_baseline && !r->has_after)
        continue;
      if (first == NULL)
        first = r;

      panel = g_new0 (ShChartConsumption, 1);
      panel->name = g_strdup (r->resource_name != NULL ? r->resource_name : r->resource_code);
      panel->unit = g_strdup_printf ("%s/%s", unit_symbol (units, r->unit), unit_symbol (units, r->output_unit));
      panel->has_baseline = r->has_baseline;
      panel->baseline = r->baseline_sc;
      panel->has_after = r->has_after;
      panel->after = r->after_sc;
      g_ptr_array_add (self->items, panel);

      indicator = indicator_for_category (g_hash_table_lookup (categories, r->resource_code));
      if (indicator != NULL)
        add_benchmarks (self, units, benchmarks, indicator, panel, r->unit, r->output_unit);
    }

  if (self->items->len == 0)
    {
      g_autofree char *number = format_id (self->assessment_id);

      g_set_error (error, SH_CHART_ERROR, SH_CHART_ERROR_NO_DATA,
                   _("Assessment %s has no production and resource consumption to compute specific consumption from."),
                   number);
      return FALSE;
    }

  /* Total energy, where the norms and the energy benchmarks apply: only
   * worth a panel when it adds something to the carriers' own panels. */
  if (sector != NULL && *sector != '\0'
      && !find_norm (self, store, units, subject, sector, summary->product, production, first, &norm, error))
    return FALSE;

  if (sum_energy (self, units, consumption, &energy_baseline, &energy_after, &n_energy) && n_energy > 0)
    {
      g_autofree char *unit = g_strdup_printf ("MJ/%s", unit_symbol (units, first->output_unit));
      double low, high;
      guint n_benchmarks = collect_benchmarks (units, benchmarks, "energy", "MJ", first->output_unit,
                                               &low, &high, NULL);

      if (n_energy >= 2 || n_benchmarks > 0 || !isnan (norm))
        {
          ShChartConsumption *panel = g_new0 (ShChartConsumption, 1);

          panel->name = g_strdup (_("Total energy"));
          panel->unit = g_steal_pointer (&unit);
          panel->has_baseline = first->baseline_output > 0;
          panel->baseline = panel->has_baseline ? energy_baseline / first->baseline_output : 0;
          panel->has_after = first->after_output > 0 && energy_after > 0;
          panel->after = panel->has_after ? energy_after / first->after_output : 0;
          panel->has_norm = !isnan (norm);
          panel->norm = panel->has_norm ? norm : 0;
          g_ptr_array_add (self->items, panel);
          add_benchmarks (self, units, benchmarks, "energy", panel, "MJ", first->output_unit);
        }
    }

  self->caption = g_strdup_printf (_("Specific consumption per %s of %s: baseline, after the options, the sector's benchmarks and the legal norm, where there are any"),
                                   unit_symbol (units, first->output_unit),
                                   summary->product != NULL ? summary->product : "");
  return TRUE;
}

/* ---- pareto */

static gboolean
load_pareto (ShChart   *self,
             ShStore   *store,
             GError   **error)
{
  g_autoptr(GPtrArray) streams = NULL;
  g_autoptr(GString) free_streams = g_string_new (NULL);
  static const char * const columns[SH_CHART_WASTE_N_PARTS] = {
    "material_loss_vnd", "energy_loss_vnd", "treatment_vnd", "fees_vnd",
  };

  streams = sh_store_list (store, "waste_stream", "assessment_id", self->assessment_id, error);
  if (streams == NULL)
    return FALSE;

  for (guint i = 0; i < streams->len; i++)
    {
      ShRecord *row = streams->pdata[i];
      ShCalcWasteCost cost;
      ShChartWaste *item;
      g_autoptr(GError) local_error = NULL;
      gint64 total = 0;

      cost.lost_material_vnd = sh_record_get_int (row, columns[0], 0);
      cost.lost_energy_vnd = sh_record_get_int (row, columns[1], 0);
      cost.treatment_vnd = sh_record_get_int (row, columns[2], 0);
      cost.fees_vnd = sh_record_get_int (row, columns[3], 0);
      if (!sh_calc_waste_stream_cost (&cost, &total, &local_error))
        {
          add_note (self, _("Waste stream “%s” is left out: %s"), sh_record_get_string (row, "name"),
                    local_error->message);
          continue;
        }
      if (total == 0)
        {
          g_string_append_printf (free_streams, "%s%s", free_streams->len > 0 ? ", " : "",
                                  sh_record_get_string (row, "name"));
          continue;
        }

      item = g_new0 (ShChartWaste, 1);
      item->name = g_strdup (sh_record_get_string (row, "name"));
      for (guint p = 0; p < SH_CHART_WASTE_N_PARTS; p++)
        item->parts[p] = sh_record_get_int (row, columns[p], 0);
      item->total = total;
      g_ptr_array_add (self->items, item);
    }

  if (self->items->len == 0)
    {
      g_autofree char *number = format_id (self->assessment_id);

      g_set_error (error, SH_CHART_ERROR, SH_CHART_ERROR_NO_DATA,
                   _("Assessment %s has no waste stream with a cost to rank."), number);
      return FALSE;
    }
  if (free_streams->len > 0)
    add_note (self, _("Waste streams without a recorded cost: %s."), free_streams->str);

  /* Largest first; equal costs keep the worksheet's order. */
  for (guint i = 1; i < self->items->len; i++)
    for (guint j = i; j > 0; j--)
      {
        ShChartWaste *a = self->items->pdata[j - 1];
        ShChartWaste *b = self->items->pdata[j];

        if (a->total >= b->total)
          break;
        self->items->pdata[j - 1] = b;
        self->items->pdata[j] = a;
      }

  self->caption = g_strdup (_("Cost of each waste stream per year, largest first, split into its parts; the line adds the shares up to 100 %"));
  return TRUE;
}

/* ---- savings */

static gboolean
load_savings (ShChart   *self,
              ShStore   *store,
              ShUnits   *units,
              GError   **error)
{
  g_autoptr(ShSummary) summary = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  summary = sh_summary_compute (store, units, self->assessment_id, error);
  if (summary == NULL)
    return FALSE;

  self->target_min = summary->target_min_percent;
  self->target_max = summary->target_max_percent;

  for (guint i = 0; i < summary->resources->len; i++)
    {
      const ShSummaryResource *r = summary->resources->pdata[i];
      const char *name = r->resource_name != NULL ? r->resource_name : r->resource_code;
      ShChartSaving *item;

      if (!r->has_saving)
        {
          if (r->has_baseline && !r->has_after)
            add_note (self, _("No saving for %s: nothing is recorded after the options."), name);
          continue;
        }

      item = g_new0 (ShChartSaving, 1);
      item->name = g_strdup (name);
      item->percent = r->saving_percent;
      item->status = r->target;
      g_ptr_array_add (self->items, item);
    }

  if (self->items->len == 0)
    {
      g_autofree char *number = format_id (self->assessment_id);

      g_set_error (error, SH_CHART_ERROR, SH_CHART_ERROR_NO_DATA,
                   _("Assessment %s has no saving to show: it needs production and consumption before and after the options."),
                   number);
      return FALSE;
    }

  low = sh_format_number (self->target_min, 1, SH_NUMBER_STYLE_VI);
  high = sh_format_number (self->target_max, 1, SH_NUMBER_STYLE_VI);
  self->caption = g_strdup_printf (_("Saving in specific consumption, (baseline − after) ÷ baseline, against the target band of %s–%s %%"),
                                   low, high);
  return TRUE;
}

/* ---- monitoring */

typedef struct
{
  char     *key;      /* phase and label */
  char     *label;
  char     *start;
  gboolean  after;
  double    output;
} Period;

static void
period_free (gpointer data)
{
  Period *period = data;

  g_free (period->key);
  g_free (period->label);
  g_free (period->start);
  g_free (period);
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  const Period *pa = *(const Period * const *) a;
  const Period *pb = *(const Period * const *) b;
  int by_start;

  if (pa->after != pb->after)
    return pa->after ? 1 : -1;
  by_start = g_strcmp0 (pa->start, pb->start);
  if (by_start != 0)
    return by_start;
  return g_strcmp0 (pa->label, pb->label);
}

static char *
period_key (ShRecord *row)
{
  return g_strdup_printf ("%s\x1f%s", sh_record_get_string (row, "phase"),
                          sh_record_get_string (row, "period_label"));
}

static gboolean
load_monitoring (ShChart   *self,
                 ShStore   *store,
                 ShUnits   *units,
                 GError   **error)
{
  g_autoptr(GPtrArray) production = NULL;
  g_autoptr(GPtrArray) consumption = NULL;
  g_autoptr(GPtrArray) monitoring = NULL;
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func (period_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  const char *product = NULL, *output_unit = NULL;

  production = sh_store_list (store, "production_record", "assessment_id", self->assessment_id, error);
  if (production == NULL)
    return FALSE;
  consumption = sh_store_list (store, "resource_consumption", "assessment_id", self->assessment_id, error);
  if (consumption == NULL)
    return FALSE;
  monitoring = sh_store_list (store, "monitoring_record", "assessment_id", self->assessment_id, error);
  if (monitoring == NULL)
    return FALSE;

  /* The output of each period, of the first product recorded (as the
   * summary counts it). */
  for (guint i = 0; i < production->len; i++)
    {
      ShRecord *row = production->pdata[i];
      g_autofree char *key = NULL;
      Period *period;
      double quantity;

      if (product == NULL)
        {
          product = sh_record_get_string (row, "product");
          output_unit = sh_record_get_string (row, "unit");
        }
      if (g_strcmp0 (sh_record_get_string (row, "product"), product) != 0
          || !sh_units_convert (units, sh_record_get_double (row, "quantity", 0),
                                sh_record_get_string (row, "unit"), output_unit, &quantity, NULL))
        continue;

      key = period_key (row);
      period = g_hash_table_lookup (by_key, key);
      if (period == NULL)
        {
          period = g_new0 (Period, 1);
          period->key = g_steal_pointer (&key);
          period->label = g_strdup (sh_record_get_string (row, "period_label"));
          period->start = g_strdup (sh_record_get_string (row, "period_start"));
          period->after = g_strcmp0 (sh_record_get_string (row, "phase"), "after") == 0;
          g_ptr_array_add (periods, period);
          g_hash_table_insert (by_key, period->key, period);
        }
      period->output += quantity;
    }
  g_ptr_array_sort (periods, compare_periods);

  for (guint i = 0; i < consumption->len; i++)
    {
      const char *code = sh_record_get_string (consumption->pdata[i], "resource_code");
      gboolean seen = FALSE;

      for (guint k = 0; k < codes->len && !seen; k++)
        seen = g_strcmp0 (codes->pdata[k], code) == 0;
      if (!seen)
        g_ptr_array_add (codes, (gpointer) code);
    }

  for (guint c = 0; c < codes->len; c++)
    {
      const char *code = codes->pdata[c];
      g_autofree double *totals = g_new0 (double, MAX (periods->len, 1));
      g_autofree gboolean *present = g_new0 (gboolean, MAX (periods->len, 1));
      const char *unit = NULL, *name = NULL;
      double base_total = 0, base_output = 0;
      ShChartSeries *series;
      g_autofree char *target_unit = NULL;

      for (guint i = 0; i < consumption->len; i++)
        {
          ShRecord *row = consumption->pdata[i];
          g_autofree char *key = NULL;
          double quantity;
          Period *period;

          if (g_strcmp0 (sh_record_get_string (row, "resource_code"), code) != 0)
            continue;
          if (unit == NULL)
            {
              unit = sh_record_get_string (row, "unit");
              name = sh_record_get_string (row, "resource_name");
            }
          key = period_key (row);
          period = g_hash_table_lookup (by_key, key);
          if (period == NULL
              || !sh_units_convert (units, sh_record_get_double (row, "quantity", 0),
                                    sh_record_get_string (row, "unit"), unit, &quantity, NULL))
            continue;

          for (guint p = 0; p < periods->len; p++)
            if (periods->pdata[p] == period)
              {
                totals[p] += quantity;
                present[p] = TRUE;
              }
        }

      series = g_new0 (ShChartSeries, 1);
      series->name = g_strdup (name != NULL ? name : code);
      series->unit = g_strdup_printf ("%s/%s", unit_symbol (units, unit), unit_symbol (units, output_unit));
      series->points = g_array_new (FALSE, FALSE, sizeof (ShChartPoint));
      g_array_set_clear_func (series->points, clear_point);

      for (guint p = 0; p < periods->len; p++)
        {
          Period *period = periods->pdata[p];
          ShChartPoint point;

          if (!present[p] || period->output <= 0)
            continue;
          point.label = g_strdup (period->label);
          point.value = totals[p] / period->output;
          point.after = period->after;
          g_array_append_val (series->points, point);
          if (!period->after)
            {
              base_total += totals[p];
              base_output += period->output;
            }
        }

      if (series->points->len == 0)
        {
          series_free (series);
          continue;
        }
      if (base_output > 0)
        {
          series->has_mean = TRUE;
          series->mean = base_total / base_output;
        }

      /* A target in the same unit as the series (“m3/t”). */
      target_unit = g_strdup_printf ("%s/%s", unit, output_unit);
      for (guint m = 0; m < monitoring->len && !series->has_target; m++)
        {
          ShRecord *row = monitoring->pdata[m];

          if (g_strcmp0 (sh_record_get_string (row, "resource_code"), code) == 0
              && g_strcmp0 (sh_record_get_string (row, "unit"), target_unit) == 0
              && !sh_record_is_null (row, "target_value"))
            {
              series->has_target = TRUE;
              series->target = sh_record_get_double (row, "target_value", 0);
            }
        }

      g_ptr_array_add (self->items, series);
    }

  if (self->items->len == 0)
    {
      g_autofree char *number = format_id (self->assessment_id);

      g_set_error (error, SH_CHART_ERROR, SH_CHART_ERROR_NO_DATA,
                   _("Assessment %s has no production and consumption recorded period by period."), number);
      return FALSE;
    }

  self->caption = g_strdup_printf (_("Specific consumption per period, per %s of %s; dashed: the baseline average, dotted: the monitoring target"),
                                   unit_symbol (units, output_unit), product);
  return TRUE;
}

ShChart *
sh_chart_load (ShStore      *store,
               ShUnits      *units,
               gint64        assessment_id,
               ShChartKind   kind,
               GError      **error)
{
  g_autoptr(ShChart) self = NULL;
  g_auto(Subject) subject = { NULL, NULL };
  gboolean ok = FALSE;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (units != NULL, NULL);
  g_return_val_if_fail (kind < SH_CHART_N_KINDS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (kind == SH_CHART_SANKEY)
    return sh_chart_load_sankey (store, units, assessment_id, SH_FLOW_LAYER_MASS, error);

  if (!load_subject (store, assessment_id, &subject, error))
    return NULL;

  self = chart_new (kind, assessment_id);
  self->title = make_title (&subject);

  switch (kind)
    {
    case SH_CHART_CONSUMPTION:
      ok = load_consumption (self, store, units, &subject, error);
      break;
    case SH_CHART_PARETO:
      ok = load_pareto (self, store, error);
      break;
    case SH_CHART_SAVINGS:
      ok = load_savings (self, store, units, error);
      break;
    case SH_CHART_MONITORING:
      ok = load_monitoring (self, store, units, error);
      break;
    case SH_CHART_SANKEY:
    case SH_CHART_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    return NULL;

  seal_notes (self);
  return g_steal_pointer (&self);
}

/* --------------------------------------------------------------- sankey */

static gboolean
draw_sankey (ShChart  *self,
             cairo_t  *cr,
             double    width,
             double    height,
             GError  **error)
{
  ShSankeyLayout *layouts[2] = { NULL, NULL };
  double page_height = height / self->n_diagrams;

  /* On a page narrower than A4 landscape (a portrait pair, a narrow
   * window) the text shrinks a little, down to 8, so that the steps
   * between the columns keep their labels. */
  for (guint k = 0; k < self->n_diagrams; k++)
    sh_sankey_diagram_set_font_size (self->diagrams[k], CLAMP (width / SH_CHART_PAGE_WIDTH * 10, 8, 10));

  if (self->n_diagrams == 1)
    {
      ShSankeyOptions options;
      ShSankeyStyle style;

      sh_sankey_diagram_init_options (self->diagrams[0], &options);
      sh_sankey_diagram_init_style (self->diagrams[0], &style);
      layouts[0] = sh_sankey_render_layout (cr, sh_sankey_diagram_get_graph (self->diagrams[0]),
                                            &options, &style, width, height, error);
      if (layouts[0] == NULL)
        return FALSE;
    }
  else if (!sh_sankey_diagram_layout_pair (cr, self->diagrams[0], self->diagrams[1], width, page_height,
                                           &layouts[0], &layouts[1], error))
    return FALSE;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_restore (cr);

  for (guint k = 0; k < self->n_diagrams; k++)
    {
      ShSankeyStyle style;

      g_clear_pointer (&self->layouts[k], sh_sankey_layout_unref);
      self->layouts[k] = layouts[k];
      self->offsets[k] = k * page_height;

      sh_sankey_diagram_init_style (self->diagrams[k], &style);
      cairo_save (cr);
      cairo_translate (cr, 0, self->offsets[k]);
      /* The renderer paints its whole clip white; each keeps to its half. */
      cairo_rectangle (cr, 0, 0, width, page_height);
      cairo_clip (cr);
      sh_sankey_render (cr, layouts[k], &style, width, page_height);
      cairo_restore (cr);
    }

  if (self->n_diagrams == 2)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, 20, page_height);
      cairo_line_to (cr, width - 20, page_height);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  return TRUE;
}

gboolean
sh_chart_draw (ShChart  *self,
               cairo_t  *cr,
               double    width,
               double    height,
               GError  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(width >= SH_CHART_MIN_SIZE && height >= SH_CHART_MIN_SIZE))
    {
      g_set_error (error, SH_CHART_ERROR, SH_CHART_ERROR_SIZE,
                   _("A chart needs a page of at least %d × %d."), SH_CHART_MIN_SIZE, SH_CHART_MIN_SIZE);
      return FALSE;
    }

  if (self->kind == SH_CHART_SANKEY)
    return draw_sankey (self, cr, width, height, error);

  return sh_chart_draw_plot (self, cr, width, height, error);
}

/* ------------------------------------------------------------- hit tests */

const ShSankeyLayout *
sh_chart_get_layout (ShChart *self,
                     guint    diagram)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (diagram < G_N_ELEMENTS (self->layouts), NULL);

  return self->layouts[diagram];
}

double
sh_chart_get_diagram_offset (ShChart *self,
                             guint    diagram)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (diagram < G_N_ELEMENTS (self->offsets), 0);

  return self->offsets[diagram];
}

gboolean
sh_chart_hit_test (ShChart    *self,
                   double      x,
                   double      y,
                   ShChartHit *hit)
{
  ShChartHit found = { { SH_SANKEY_HIT_NONE, 0, 0 }, 0, 0, 0 };

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint k = self->n_diagrams; k-- > 0;)
    {
      if (self->layouts[k] == NULL || y < self->offsets[k])
        continue;
      if (sh_sankey_layout_hit_test (self->layouts[k], x, y - self->offsets[k], &found.hit))
        {
          found.diagram = k;
          if (found.hit.kind == SH_SANKEY_HIT_LINK)
            found.flow_id = found.hit.caller_id;
          else
            found.step_id = sh_sankey_diagram_get_step_id (self->diagrams[k], found.hit.index);
        }
      break;
    }

  if (hit != NULL)
    *hit = found;

  return found.hit.kind != SH_SANKEY_HIT_NONE;
}

char *
sh_chart_describe (ShChart          *self,
                   const ShChartHit *hit)
{
  g_autofree char *text = NULL;
  ShSankeyStyle style;
  const char *substance;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  if (hit->hit.kind == SH_SANKEY_HIT_NONE || hit->diagram >= self->n_diagrams
      || self->layouts[hit->diagram] == NULL)
    return NULL;

  sh_sankey_diagram_init_style (self->diagrams[hit->diagram], &style);
  text = sh_sankey_render_describe (self->layouts[hit->diagram], &style, &hit->hit);
  if (text == NULL || hit->flow_id == 0)
    return g_steal_pointer (&text);

  substance = sh_sankey_diagram_get_substance (self->diagrams[hit->diagram], hit->flow_id);
  if (substance == NULL)
    return g_steal_pointer (&text);
  return g_strdup_printf ("%s\n%s", substance, text);
}

double
sh_chart_get_node_top (ShChart          *self,
                       const ShChartHit *hit)
{
  const ShSankeyNode *nodes;
  guint n_nodes;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (hit != NULL && hit->diagram < self->n_diagrams, 0);
  g_return_val_if_fail (self->layouts[hit->diagram] != NULL, 0);

  nodes = sh_sankey_layout_get_nodes (self->layouts[hit->diagram], &n_nodes);
  g_return_val_if_fail (hit->hit.index < n_nodes, 0);

  return nodes[hit->hit.index].y0 + self->offsets[hit->diagram];
}

double
sh_chart_get_position_at (ShChart          *self,
                          const ShChartHit *hit,
                          double            y0)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (hit != NULL && hit->diagram < self->n_diagrams, 0);
  g_return_val_if_fail (self->layouts[hit->diagram] != NULL, 0);

  return sh_sankey_layout_get_position_at (self->layouts[hit->diagram], hit->hit.index,
                                           y0 - self->offsets[hit->diagram]);
}

gboolean
sh_chart_set_step_position (ShChart *self,
                            gint64   step_id,
                            double   position)
{
  gboolean any = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint k = 0; k < self->n_diagrams; k++)
    any |= sh_sankey_diagram_set_step_position (self->diagrams[k], step_id, position);

  return any;
}

/* ----------------------------------------------------------------- files */

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} Sink;

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cairo (cairo_status_t   status,
             Sink            *sink,
             GError         **error)
{
  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SH_CHART_ERROR, SH_CHART_ERROR_DRAW,
                   _("The chart could not be drawn: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Draws the page on @surface, scaled so that text is 10 pt on A4 and keeps
 * its proportion to the page on any other size. */
static gboolean
draw_scaled (ShChart          *self,
             cairo_surface_t  *surface,
             int               width,
             int               height,
             GError          **error)
{
  double k = sqrt ((double) width * height / (SH_CHART_PAGE_WIDTH * SH_CHART_PAGE_HEIGHT));
  cairo_t *cr = cairo_create (surface);
  gboolean ok;

  cairo_scale (cr, k, k);
  ok = sh_chart_draw (self, cr, width / k, height / k, error);
  if (ok && cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SH_CHART_ERROR, SH_CHART_ERROR_DRAW,
                   _("The chart could not be drawn: %s"), cairo_status_to_string (cairo_status (cr)));
      ok = FALSE;
    }
  cairo_destroy (cr);

  return ok;
}

void
sh_chart_get_default_size (ShChart       *self,
                           ShChartFormat  format,
                           int           *width,
                           int           *height)
{
  /* 150 dpi: 842 pt is 11,69 in. */
  double dpi = format == SH_CHART_FORMAT_PNG ? 150.0 / 72 : 1;
  gboolean portrait;

  g_return_if_fail (self != NULL);
  g_return_if_fail (width != NULL && height != NULL);

  portrait = self->kind == SH_CHART_SANKEY && self->n_diagrams == 2;
  *width = (int) round ((portrait ? SH_CHART_PAGE_HEIGHT : SH_CHART_PAGE_WIDTH) * dpi);
  *height = (int) round ((portrait ? SH_CHART_PAGE_WIDTH : SH_CHART_PAGE_HEIGHT) * dpi);
}

gboolean
sh_chart_write (ShChart     *self,
                const char  *path,
                int          width,
                int          height,
                GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = g_cancellable_new ();
  Sink sink = { NULL, NULL };
  ShSankeyLayout *shown[G_N_ELEMENTS (self->layouts)];
  double shown_offsets[G_N_ELEMENTS (self->offsets)];
  cairo_surface_t *surface = NULL;
  ShChartFormat format;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sh_chart_format_from_path (path, &format))
    {
      g_set_error (error, SH_CHART_ERROR, SH_CHART_ERROR_FORMAT,
                   _("“%s” does not end in .png, .pdf or .svg."), path);
      return FALSE;
    }
  if (width < SH_CHART_MIN_SIZE || height < SH_CHART_MIN_SIZE
      || width > SH_CHART_MAX_SIZE || height > SH_CHART_MAX_SIZE)
    {
      g_set_error (error, SH_CHART_ERROR, SH_CHART_ERROR_SIZE,
                   _("A chart is %d to %d wide and high; %d × %d is not."),
                   SH_CHART_MIN_SIZE, SH_CHART_MAX_SIZE, width, height);
      return FALSE;
    }

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;
  sink.stream = G_OUTPUT_STREAM (stream);

  /* The screen keeps hit-testing the layout it shows. */
  for (guint k = 0; k < G_N_ELEMENTS (self->layouts); k++)
    {
      shown[k] = self->layouts[k] != NULL ? sh_sankey_layout_ref (self->layouts[k]) : NULL;
      shown_offsets[k] = self->offsets[k];
    }

  switch (format)
    {
    case SH_CHART_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      ok = draw_scaled (self, surface, width, height, error)
           && check_cairo (cairo_surface_write_to_png_stream (surface, write_to_sink, &sink), &sink, error);
      break;
    case SH_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_sink, &sink, width, height);
      ok = draw_scaled (self, surface, width, height, error);
      break;
    case SH_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_sink, &sink, width, height);
      ok = draw_scaled (self, surface, width, height, error);
      break;
    default:
      g_assert_not_reached ();
    }

  /* Vector surfaces write the last of the file when they finish. */
  cairo_surface_finish (surface);
  if (ok && format != SH_CHART_FORMAT_PNG)
    ok = check_cairo (cairo_surface_status (surface), &sink, error);
  cairo_surface_destroy (surface);
  g_clear_error (&sink.error);

  for (guint k = 0; k < G_N_ELEMENTS (self->layouts); k++)
    {
      g_clear_pointer (&self->layouts[k], sh_sankey_layout_unref);
      self->layouts[k] = g_steal_pointer (&shown[k]);
      self->offsets[k] = shown_offsets[k];
    }

  /* Closing a cancelled replacement leaves the old file as it was. */
  if (!ok)
    {
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

/* ----------------------------------------------------------------- ticks */

guint
sh_chart_nice_ticks (double  min,
                     double  max,
                     guint   max_ticks,
                     double *out_first,
                     double *out_step)
{
  static const double multiples[] = { 1, 2, 5 };
  double range, magnitude, step = 1, first = 0;
  guint n = 0;

  g_return_val_if_fail (isfinite (min) && isfinite (max), 0);
  g_return_val_if_fail (max_ticks >= 2, 0);

  if (min > max)
    {
      double t = min;

      min = max;
      max = t;
    }
  if (max == min)
    {
      /* One value: an axis from zero to it, or around it if it is zero. */
      if (max > 0)
        min = 0;
      else if (max < 0)
        max = 0;
      else
        max = 1;
    }

  range = max - min;
  magnitude = pow (10, floor (log10 (range / (max_ticks - 1))));

  /* The first round step that fits; a range that straddles the ticks
   * badly may need the next power of ten. */
  for (guint m = 0;; m++)
    {
      /* The small tolerance keeps 0.3 / 0.1 from counting as 3.0000000004. */
      double lo, hi;

      step = multiples[m % G_N_ELEMENTS (multiples)] * magnitude * pow (10, m / G_N_ELEMENTS (multiples));
      lo = floor (min / step + 1e-9);
      hi = ceil (max / step - 1e-9);
      n = (guint) (hi - lo) + 1;
      first = lo * step;
      if (n <= max_ticks)
        break;
    }

  if (out_first != NULL)
    *out_first = first;
  if (out_step != NULL)
    *out_step = step;
  return n;
}
