/* sh-worksheet-production.c — W3: production, consumption and specific consumption.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sh-format.h"
#include "sh-refdata.h"
#include "sh-refdata-norm.h"
#include "sh-chart-view.h"
#include "sh-summary.h"
#include "sh-worksheet-production.h"
#include "sh-worksheet-util.h"

typedef struct
{
  char *sc;
  char *benchmark;
  char *saving;
} Shown;

struct _ShWorksheetProduction
{
  GtkWidget      parent_instance;

  ShEditContext *ctx;
  gboolean       with_phases;

  GtkWidget     *comparison_box;
  GtkWidget     *product_label;
  ShChartView   *chart;
  GHashTable    *shown;   /* resource code → Shown */
  char          *norm_text;
  gboolean       norm_above;
};

G_DEFINE_FINAL_TYPE (ShWorksheetProduction, sh_worksheet_production, GTK_TYPE_WIDGET)

static void
shown_free (gpointer data)
{
  Shown *shown = data;

  g_free (shown->sc);
  g_free (shown->benchmark);
  g_free (shown->saving);
  g_free (shown);
}

/* Production and consumption without phases (quick assessment). */
static const ShColumnSpec production_columns[] = {
  { .column = "period_label", .title = N_("Period"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .width_chars = 8, .required = TRUE },
  { .column = "product", .title = N_("Product"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .required = TRUE },
  { .column = "quantity", .title = N_("Output"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_NUMBER,
    .default_text = "0" },
  { .column = "unit", .title = N_("Unit"), .type = SH_COLUMN_CHOICE, .unit_dimension = "",
    .default_text = "t" },
  { .column = "operating_hours", .title = N_("Operating hours"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_NUMBER },
};

static const ShColumnSpec consumption_columns[] = {
  { .column = "period_label", .title = N_("Period"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .width_chars = 8, .required = TRUE },
  { .column = "resource_code", .title = N_("Resource"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_resource, .n_choices = G_N_ELEMENTS (sh_choices_resource),
    .default_text = "electricity" },
  { .column = "resource_name", .title = N_("Description"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_TEXT, .expand = TRUE },
  { .column = "category", .title = N_("Kind"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_category, .n_choices = G_N_ELEMENTS (sh_choices_category),
    .default_text = "electricity" },
  { .column = "quantity", .title = N_("Quantity"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_NUMBER,
    .default_text = "0" },
  { .column = "unit", .title = N_("Unit"), .type = SH_COLUMN_CHOICE, .unit_dimension = "",
    .default_text = "kWh" },
  { .column = "unit_price_vnd", .title = N_("Unit price"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_MONEY },
  { .column = "data_source", .title = N_("Source"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_data_source,
    .n_choices = G_N_ELEMENTS (sh_choices_data_source), .allow_none = TRUE },
};

/* The same with a phase column first (detailed assessment). */
static const ShColumnSpec phase_column = {
  .column = "phase", .title = N_("Phase"), .type = SH_COLUMN_CHOICE,
  .choices = sh_choices_phase, .n_choices = G_N_ELEMENTS (sh_choices_phase),
  .default_text = "baseline",
};

static ShColumnSpec production_phase_columns[G_N_ELEMENTS (production_columns) + 1];
static ShColumnSpec consumption_phase_columns[G_N_ELEMENTS (consumption_columns) + 1];

/* New rows take the period and product of the row above, so a year of
 * twelve months is typed as twelve quantities, not twelve forms. */
static void
init_period_row_cb (ShRecordTable *table,
                    ShRecord      *record,
                    gpointer       user_data)
{
  ShWorksheetProduction *self = user_data;
  const char *name = sh_record_get_table (record);
  guint n = sh_record_table_get_n_rows (table);
  g_autoptr(ShRecord) previous = NULL;

  if (n > 0)
    previous = sh_store_get (sh_edit_context_get_store (self->ctx), name,
                             sh_record_table_get_row_id (table, n - 1), NULL);

  if (previous != NULL)
    {
      sh_record_set_string (record, "period_label", sh_record_get_string (previous, "period_label"));
      sh_record_set_string (record, "phase", sh_record_get_string (previous, "phase"));
      if (g_strcmp0 (name, "production_record") == 0)
        {
          sh_record_set_string (record, "product", sh_record_get_string (previous, "product"));
          sh_record_set_string (record, "unit", sh_record_get_string (previous, "unit"));
        }
      return;
    }

  /* The first consumption row takes the period of the production above;
   * the very first row the year of the baseline, or this year. */
  {
    ShStore *store = sh_edit_context_get_store (self->ctx);
    gint64 assessment_id = sh_edit_context_get_assessment_id (self->ctx);
    g_autoptr(GPtrArray) production = sh_store_list (store, "production_record", "assessment_id", assessment_id, NULL);
    g_autoptr(ShRecord) assessment = sh_store_get (store, "assessment", assessment_id, NULL);
    const char *baseline = assessment != NULL ? sh_record_get_string (assessment, "baseline_from") : NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *year = g_date_time_format (now, "%Y");

    if (production != NULL && production->len > 0)
      {
        ShRecord *last = production->pdata[production->len - 1];

        sh_record_set_string (record, "period_label", sh_record_get_string (last, "period_label"));
        sh_record_set_string (record, "phase", sh_record_get_string (last, "phase"));
      }
    else if (baseline != NULL && strlen (baseline) >= 4)
      {
        g_autofree char *baseline_year = g_strndup (baseline, 4);

        sh_record_set_string (record, "period_label", baseline_year);
      }
    else
      sh_record_set_string (record, "period_label", year);
  }

  if (g_strcmp0 (name, "production_record") == 0)
    {
      g_autoptr(GPtrArray) products = sh_store_list (sh_edit_context_get_store (self->ctx),
                                                     "facility_product", "facility_id",
                                                     sh_edit_context_get_facility_id (self->ctx), NULL);

      if (products != NULL && products->len > 0)
        sh_record_set_string (record, "product", sh_record_get_string (products->pdata[0], "name"));
      else
        sh_record_set_string (record, "product", _("Main product"));
    }
}

static const char *
unit_symbol (const char *code)
{
  const ShUnitInfo *info = code != NULL ? sh_units_lookup (sh_units_get_default (), code, NULL) : NULL;

  return info != NULL ? info->symbol : (code != NULL ? code : "");
}

static char *
format_sc (double      value,
           const char *unit,
           const char *per_unit)
{
  g_autofree char *number = sh_worksheet_format_quantity (value);

  /* Translators: a specific consumption, e.g. "18 m³/t". */
  return g_strdup_printf (_("%s %s/%s"), number, unit_symbol (unit), unit_symbol (per_unit));
}

/* The benchmark indicator that a consumption category is compared with. */
static const char *
indicator_for_category (const char *category)
{
  if (g_strcmp0 (category, "material") == 0)
    return "raw_material";
  if (g_strcmp0 (category, "other") == 0)
    return NULL;

  return category;
}

typedef struct
{
  char       *text;
  const char *state;
  char       *basis;
} Comparison;

static void
comparison_free (gpointer data)
{
  Comparison *comparison = data;

  g_free (comparison->text);
  g_free (comparison->basis);
  g_free (comparison);
}

/* One line per benchmark of the sector that measures this resource in a
 * unit the consumption converts to, e.g. "16,7 m³/t · 7,8% above". */
static GPtrArray *
compare_benchmarks (const ShSummaryResource *r,
                    const char              *category,
                    GPtrArray               *benchmarks)
{
  const char *indicator = indicator_for_category (category);
  ShUnits *units = sh_units_get_default ();
  GPtrArray *lines = g_ptr_array_new_with_free_func (comparison_free);

  if (indicator == NULL || benchmarks == NULL || !r->has_baseline)
    return lines;

  for (guint i = 0; i < benchmarks->len; i++)
    {
      ShRecord *b = benchmarks->pdata[i];
      const char *unit = sh_record_get_string (b, "unit");
      const char *per_unit = sh_record_get_string (b, "per_unit");
      double per_quantity = sh_record_get_double (b, "per_quantity", 1);
      double factor_unit, factor_per, low, high;
      g_autofree char *shown = NULL;
      g_autofree char *gap = NULL;
      Comparison *line;

      if (g_strcmp0 (sh_record_get_string (b, "indicator"), indicator) != 0 || per_unit == NULL)
        continue;
      if (!sh_units_convert (units, 1, unit, r->unit, &factor_unit, NULL) ||
          !sh_units_convert (units, per_quantity, per_unit, r->output_unit, &factor_per, NULL) ||
          factor_per <= 0)
        continue;

      low = sh_record_get_double (b, "value_min", sh_record_get_double (b, "value_max", 0)) * factor_unit / factor_per;
      high = sh_record_get_double (b, "value_max", sh_record_get_double (b, "value_min", 0)) * factor_unit / factor_per;
      if (high <= 0)
        continue;

      line = g_new0 (Comparison, 1);
      if (low < high)
        {
          g_autofree char *low_text = sh_worksheet_format_quantity (low);
          g_autofree char *high_sc = format_sc (high, r->unit, r->output_unit);

          /* Translators: a benchmark range, e.g. "25–40 m³/t". */
          shown = g_strdup_printf (_("%s–%s"), low_text, high_sc);
        }
      else
        shown = format_sc (high, r->unit, r->output_unit);

      if (r->baseline_sc > high)
        {
          g_autofree char *percent = sh_worksheet_format_percent ((r->baseline_sc - high) / high * 100);

          /* Translators: how far a specific consumption is above a benchmark. */
          gap = g_strdup_printf (_("%s above"), percent);
          line->state = "bad";
        }
      else if (r->baseline_sc < low)
        {
          g_autofree char *percent = sh_worksheet_format_percent ((low - r->baseline_sc) / low * 100);

          gap = g_strdup_printf (_("%s below"), percent);
          line->state = "good";
        }
      else
        {
          gap = g_strdup (_("within the range"));
          line->state = "good";
        }

      /* Translators: a benchmark and the gap to it, e.g. "16,7 m³/t · 7,8% above". */
      line->text = g_strdup_printf (_("%s · %s"), shown, gap);
      line->basis = g_strdup_printf ("%s\n%s", sh_worksheet_ref_text (b, "basis_vi", "basis_en"),
                                     sh_record_get_string (b, "source"));
      g_ptr_array_add (lines, line);
    }

  return lines;
}

static GtkWidget *
cell (GtkWidget  *grid,
      int         column,
      int         row,
      const char *text,
      gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text != NULL ? text : "—");

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);

  return label;
}

static void
header (GtkWidget  *grid,
        int         column,
        const char *text,
        gboolean    numeric)
{
  GtkWidget *label = cell (grid, column, 0, text, numeric);

  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, "column-header");
}

static const char *
category_of (ShStore    *store,
             gint64      assessment_id,
             const char *resource_code,
             GPtrArray  *consumption)
{
  for (guint i = 0; consumption != NULL && i < consumption->len; i++)
    {
      if (g_strcmp0 (sh_record_get_string (consumption->pdata[i], "resource_code"), resource_code) == 0)
        return sh_record_get_string (consumption->pdata[i], "category");
    }

  return NULL;
}

/* The facility's total energy per unit of product against the legal energy
 * norm of its product, capacity band and period: above it is flagged. */
static void
show_norm (ShWorksheetProduction *self,
           ShStore               *store,
           gint64                 assessment_id)
{
  g_autoptr(ShNormCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  GtkWidget *label;

  g_clear_pointer (&self->norm_text, g_free);
  self->norm_above = FALSE;

  check = sh_refdata_check_assessment_norm (store, sh_units_get_default (), assessment_id, &note, &error);
  if (check == NULL)
    {
      gtk_box_append (GTK_BOX (self->comparison_box), sh_worksheet_note_new (error->message));
      return;
    }

  if (check->verdict == SH_NORM_NONE)
    {
      if (note != NULL)
        gtk_box_append (GTK_BOX (self->comparison_box), sh_worksheet_note_new (note));
      return;
    }

  {
    g_autofree char *value = sh_worksheet_format_decimal (check->value, check->value >= 100 ? 0 : 1);
    g_autofree char *limit = sh_worksheet_format_decimal (check->limit, 1);
    g_autofree char *from = sh_format_date (check->valid_from);
    g_autofree char *to = sh_format_date (check->valid_to);
    const char *product = sh_worksheet_prefers_vietnamese () ? check->product_vi : check->product_en;

    self->norm_above = check->verdict == SH_NORM_ABOVE;
    if (self->norm_above)
      /* Translators: the facility's energy per unit of product, the legal
       * norm's limit, the product and band, the instrument and validity. */
      self->norm_text = g_strdup_printf (_("Total energy %s %s/%s: ABOVE the legal norm of %s %s/%s (%s; %s, %s to %s)."),
                                         value, check->unit, check->per_unit, limit, check->unit, check->per_unit,
                                         product, check->instrument, from, to);
    else
      self->norm_text = g_strdup_printf (_("Total energy %s %s/%s: within the legal norm of %s %s/%s (%s; %s, %s to %s)."),
                                         value, check->unit, check->per_unit, limit, check->unit, check->per_unit,
                                         product, check->instrument, from, to);
  }

  label = gtk_label_new (self->norm_text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  sh_worksheet_set_state_class (label, self->norm_above ? "bad" : "good");
  if (check->source != NULL)
    gtk_widget_set_tooltip_text (label, check->source);
  gtk_box_append (GTK_BOX (self->comparison_box), label);
}

static void
refresh (GtkWidget *widget)
{
  ShWorksheetProduction *self = SH_WORKSHEET_PRODUCTION (widget);
  ShStore *store = sh_edit_context_get_store (self->ctx);
  gint64 assessment_id = sh_edit_context_get_assessment_id (self->ctx);
  g_autoptr(ShSummary) summary = NULL;
  g_autoptr(ShRecord) facility = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) consumption = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GtkWidget *grid;
  int column = 0;

  while ((child = gtk_widget_get_first_child (self->comparison_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->comparison_box), child);
  g_hash_table_remove_all (self->shown);

  summary = sh_summary_compute (store, sh_units_get_default (), assessment_id, &error);
  if (summary == NULL)
    {
      gtk_box_append (GTK_BOX (self->comparison_box), sh_worksheet_note_new (error->message));
      return;
    }

  facility = sh_store_get (store, "facility", sh_edit_context_get_facility_id (self->ctx), NULL);
  if (facility != NULL && sh_record_get_string (facility, "sector_code") != NULL)
    benchmarks = sh_refdata_list_benchmarks (store, sh_record_get_string (facility, "sector_code"), NULL);
  consumption = sh_store_list (store, "resource_consumption", "assessment_id", assessment_id, NULL);

  if (summary->product != NULL)
    {
      /* Translators: which product the specific consumption is per. */
      g_autofree char *text = g_strdup_printf (_("Per unit of “%s”, over all periods of each phase."),
                                               summary->product);

      gtk_label_set_text (GTK_LABEL (self->product_label), text);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->product_label),
                        _("Record the production to compute the specific consumption."));

  if (summary->resources->len == 0)
    {
      gtk_box_append (GTK_BOX (self->comparison_box),
                      sh_worksheet_note_new (_("No resource consumption is recorded yet.")));
      return;
    }

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "comparison");
  header (grid, column++, _("Resource"), FALSE);
  header (grid, column++, self->with_phases ? _("Baseline consumption") : _("Consumption"), TRUE);
  header (grid, column++, _("Cost"), TRUE);
  header (grid, column++, self->with_phases ? _("Baseline specific consumption") : _("Specific consumption"), TRUE);
  if (self->with_phases)
    {
      header (grid, column++, _("After CP"), TRUE);
      header (grid, column++, _("Saving"), TRUE);
    }
  header (grid, column++, _("Sector benchmark"), FALSE);

  for (guint i = 0; i < summary->resources->len; i++)
    {
      ShSummaryResource *r = summary->resources->pdata[i];
      const char *category = category_of (store, assessment_id, r->resource_code, consumption);
      const char *name = r->resource_name != NULL ? r->resource_name
                         : sh_choice_label (sh_choices_resource,
                                                      G_N_ELEMENTS (sh_choices_resource),
                                                      r->resource_code);
      Shown *shown = g_new0 (Shown, 1);
      g_autofree char *total = NULL;
      g_autofree char *total_text = NULL;
      g_autofree char *cost = NULL;
      g_autoptr(GPtrArray) comparisons = compare_benchmarks (r, category, benchmarks);
      g_autoptr(GString) joined = g_string_new (NULL);
      GtkWidget *label;
      int row = i + 1;

      column = 0;
      total = sh_worksheet_format_quantity (r->baseline_total);
      total_text = g_strdup_printf ("%s %s", total, unit_symbol (r->unit));
      cost = sh_format_vnd (r->baseline_cost_vnd);
      if (r->has_baseline)
        shown->sc = format_sc (r->baseline_sc, r->unit, r->output_unit);

      cell (grid, column++, row, name, FALSE);
      cell (grid, column++, row, total_text, TRUE);
      cell (grid, column++, row, cost, TRUE);
      label = cell (grid, column++, row, shown->sc, TRUE);
      gtk_widget_add_css_class (label, "heading");

      if (self->with_phases)
        {
          g_autofree char *after = r->has_after ? format_sc (r->after_sc, r->unit, r->output_unit) : NULL;

          cell (grid, column++, row, after, TRUE);
          if (r->has_saving)
            {
              static const char * const states[] = {
                [SH_CALC_TARGET_BELOW] = "warning",
                [SH_CALC_TARGET_WITHIN] = "good",
                [SH_CALC_TARGET_ABOVE] = "good",
              };

              shown->saving = sh_worksheet_format_percent (r->saving_percent);
              label = cell (grid, column++, row, shown->saving, TRUE);
              sh_worksheet_set_state_class (label, states[r->target]);
            }
          else
            cell (grid, column++, row, NULL, TRUE);
        }

      if (comparisons->len == 0)
        {
          label = cell (grid, column++, row, _("no comparable benchmark"), FALSE);
          gtk_widget_add_css_class (label, "dim-label");
        }
      else
        {
          GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

          for (guint c = 0; c < comparisons->len; c++)
            {
              Comparison *comparison = comparisons->pdata[c];
              GtkWidget *line = gtk_label_new (comparison->text);

              gtk_label_set_xalign (GTK_LABEL (line), 0);
              gtk_label_set_selectable (GTK_LABEL (line), TRUE);
              gtk_widget_set_tooltip_text (line, comparison->basis);
              sh_worksheet_set_state_class (line, comparison->state);
              gtk_box_append (GTK_BOX (lines), line);
              if (joined->len > 0)
                g_string_append_c (joined, '\n');
              g_string_append (joined, comparison->text);
            }
          gtk_grid_attach (GTK_GRID (grid), lines, column++, row, 1, 1);
          shown->benchmark = g_strdup (joined->str);
        }

      g_hash_table_replace (self->shown, g_strdup (r->resource_code), shown);
    }

  gtk_box_append (GTK_BOX (self->comparison_box), grid);
  show_norm (self, store, assessment_id);

  if (self->with_phases)
    {
      g_autofree char *low = sh_format_percent (summary->target_min_percent, 0, SH_NUMBER_STYLE_VI);
      g_autofree char *high = sh_format_percent (summary->target_max_percent, 0, SH_NUMBER_STYLE_VI);
      /* Translators: the saving target band of Decision 1419/QĐ-TTg. */
      g_autofree char *target = g_strdup_printf (_("Target saving per unit of product: %s to %s."), low, high);

      gtk_box_append (GTK_BOX (self->comparison_box), sh_worksheet_note_new (target));
    }

  for (guint i = 0; i < summary->notes->len; i++)
    gtk_box_append (GTK_BOX (self->comparison_box), sh_worksheet_note_new (summary->notes->pdata[i]));

  if (self->chart != NULL)
    sh_chart_view_reload (self->chart);
}

static void
sh_worksheet_production_dispose (GObject *object)
{
  ShWorksheetProduction *self = SH_WORKSHEET_PRODUCTION (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->norm_text, g_free);
  g_clear_object (&self->ctx);

  G_OBJECT_CLASS (sh_worksheet_production_parent_class)->dispose (object);
}

static void
sh_worksheet_production_class_init (ShWorksheetProductionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_worksheet_production_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "worksheet");

  production_phase_columns[0] = phase_column;
  consumption_phase_columns[0] = phase_column;
  for (guint i = 0; i < G_N_ELEMENTS (production_columns); i++)
    production_phase_columns[i + 1] = production_columns[i];
  for (guint i = 0; i < G_N_ELEMENTS (consumption_columns); i++)
    consumption_phase_columns[i + 1] = consumption_columns[i];
}

static void
sh_worksheet_production_init (ShWorksheetProduction *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, shown_free);
}

GtkWidget *
sh_worksheet_production_new (ShEditContext *ctx,
                             gboolean       with_phases)
{
  ShWorksheetProduction *self;
  gint64 assessment_id;
  GtkWidget *production;
  GtkWidget *consumption;
  GtkWidget *box;
  GtkWidget *section;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);

  self = g_object_new (SH_TYPE_WORKSHEET_PRODUCTION, NULL);
  self->ctx = g_object_ref (ctx);
  self->with_phases = with_phases;
  assessment_id = sh_edit_context_get_assessment_id (ctx);

  if (with_phases)
    {
      production = sh_worksheet_record_table_new (ctx, "production_record", "assessment_id", assessment_id,
                                                  production_phase_columns,
                                                  G_N_ELEMENTS (production_phase_columns));
      consumption = sh_worksheet_record_table_new (ctx, "resource_consumption", "assessment_id",
                                                   assessment_id, consumption_phase_columns,
                                                   G_N_ELEMENTS (consumption_phase_columns));
    }
  else
    {
      production = sh_worksheet_record_table_new (ctx, "production_record", "assessment_id", assessment_id,
                                                  production_columns, G_N_ELEMENTS (production_columns));
      consumption = sh_worksheet_record_table_new (ctx, "resource_consumption", "assessment_id",
                                                   assessment_id, consumption_columns,
                                                   G_N_ELEMENTS (consumption_columns));
    }

  sh_record_table_set_empty_text (SH_RECORD_TABLE (production), _("No production is recorded yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (production), _("Add production"));
  sh_record_table_set_name_column (SH_RECORD_TABLE (production), "period_label");
  sh_record_table_set_init_func (SH_RECORD_TABLE (production), init_period_row_cb, self, NULL);
  sh_record_table_set_empty_text (SH_RECORD_TABLE (consumption), _("No consumption is recorded yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (consumption), _("Add consumption"));
  sh_record_table_set_name_column (SH_RECORD_TABLE (consumption), "resource_name");
  sh_record_table_set_init_func (SH_RECORD_TABLE (consumption), init_period_row_cb, self, NULL);

  section = sh_worksheet_section_new (_("Annual production (sản lượng)"),
                                      _("Output per period; a year may be entered as months."),
                                      production);
  gtk_widget_set_parent (section, GTK_WIDGET (self));
  section = sh_worksheet_section_new (_("Resource consumption and unit costs"),
                                      _("Raw materials, chemicals, water, electricity and fuels, with the price paid per unit."),
                                      consumption);
  gtk_widget_set_parent (section, GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  self->product_label = sh_worksheet_note_new (NULL);
  self->comparison_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_box_append (GTK_BOX (box), self->product_label);
  gtk_box_append (GTK_BOX (box), self->comparison_box);
  /* Baseline, after, the sector's benchmarks and the legal norm, side by
   * side per resource, as in the printed dossier. */
  self->chart = SH_CHART_VIEW (sh_chart_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1, 360);
  gtk_widget_set_hexpand (GTK_WIDGET (self->chart), TRUE);
  sh_chart_view_show_chart (self->chart, sh_edit_context_get_store (ctx),
                            sh_edit_context_get_assessment_id (ctx), SH_CHART_CONSUMPTION);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->chart));
  section = sh_worksheet_section_new (_("Specific consumption (mức tiêu thụ riêng)"), NULL, box);
  gtk_widget_add_css_class (section, "card");
  gtk_widget_add_css_class (section, "live");
  gtk_widget_set_parent (section, GTK_WIDGET (self));

  sh_worksheet_watch (GTK_WIDGET (self), ctx, refresh);

  return GTK_WIDGET (self);
}

static Shown *
lookup (ShWorksheetProduction *self,
        const char            *resource_code)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_PRODUCTION (self), NULL);

  return g_hash_table_lookup (self->shown, resource_code);
}

const char *
sh_worksheet_production_get_sc_text (ShWorksheetProduction *self,
                                     const char            *resource_code)
{
  Shown *shown = lookup (self, resource_code);

  return shown != NULL ? shown->sc : NULL;
}

const char *
sh_worksheet_production_get_benchmark_text (ShWorksheetProduction *self,
                                            const char            *resource_code)
{
  Shown *shown = lookup (self, resource_code);

  return shown != NULL ? shown->benchmark : NULL;
}

const char *
sh_worksheet_production_get_saving_text (ShWorksheetProduction *self,
                                         const char            *resource_code)
{
  Shown *shown = lookup (self, resource_code);

  return shown != NULL ? shown->saving : NULL;
}

const char *
sh_worksheet_production_get_norm_text (ShWorksheetProduction *self,
                                       gboolean              *above)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_PRODUCTION (self), NULL);

  if (above != NULL)
    *above = self->norm_above;
  return self->norm_text;
}
