/* sh-worksheet-monitoring.c — W17: monitoring the results before and after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-calc.h"
#include "sh-chart-view.h"
#include "sh-format.h"
#include "sh-worksheet-monitoring.h"
#include "sh-worksheet-production.h"
#include "sh-worksheet-util.h"

typedef struct
{
  char       *saving;
  const char *state;
} Shown;

struct _ShWorksheetMonitoring
{
  GtkWidget      parent_instance;

  ShEditContext *ctx;
  ShChartView   *chart;
  GtkWidget     *results_box;
  GHashTable    *shown;    /* gint64 * → Shown */
};

G_DEFINE_FINAL_TYPE (ShWorksheetMonitoring, sh_worksheet_monitoring, GTK_TYPE_WIDGET)

static void
shown_free (gpointer data)
{
  Shown *shown = data;

  g_free (shown->saving);
  g_free (shown);
}

/* What is monitored … */
static const ShColumnSpec indicator_columns[] = {
  { .column = "indicator", .title = N_("Indicator"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .required = TRUE, .default_text = N_("New indicator") },
  { .column = "option_id", .title = N_("Option"), .type = SH_COLUMN_CHOICE, .rows_table = "cp_option",
    .rows_label = "code", .allow_none = TRUE },
  { .column = "resource_code", .title = N_("Resource"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_resource, .n_choices = G_N_ELEMENTS (sh_choices_resource),
    .allow_none = TRUE },
  { .column = "unit", .title = N_("Unit"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_indicator_unit,
    .n_choices = G_N_ELEMENTS (sh_choices_indicator_unit), .default_text = "m3/t" },
  { .column = "frequency", .title = N_("How often"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT },
};

/* … and what was found. */
static const ShColumnSpec value_columns[] = {
  { .column = "indicator", .title = N_("Indicator"), .type = SH_COLUMN_LABEL, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE },
  { .column = "baseline_value", .title = N_("Baseline"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_NUMBER },
  { .column = "baseline_period", .title = N_("Baseline period"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_TEXT, .width_chars = 7 },
  { .column = "target_value", .title = N_("Target"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_NUMBER },
  { .column = "measured_value", .title = N_("Measured after"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_NUMBER },
  { .column = "measured_period", .title = N_("Period"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .width_chars = 7 },
  { .column = "savings_vnd_year", .title = N_("Saved per year"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_MONEY },
  { .column = "verified_by", .title = N_("Verified by"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT },
};

static void
init_record_cb (ShRecordTable *table,
                ShRecord      *record,
                gpointer       user_data)
{
  if (sh_record_is_null (record, "indicator"))
    sh_record_set_string (record, "indicator", _("New indicator"));
  if (sh_record_is_null (record, "unit"))
    sh_record_set_string (record, "unit", "m3/t");
}

static void
refresh (GtkWidget *widget)
{
  ShWorksheetMonitoring *self = SH_WORKSHEET_MONITORING (widget);
  ShStore *store = sh_edit_context_get_store (self->ctx);
  gint64 assessment_id = sh_edit_context_get_assessment_id (self->ctx);
  g_autoptr(ShRecord) assessment = sh_store_get (store, "assessment", assessment_id, NULL);
  g_autoptr(GPtrArray) records = sh_store_list (store, "monitoring_record", "assessment_id", assessment_id, NULL);
  double band_min = assessment != NULL ? sh_record_get_double (assessment, "target_min_pct", 8) : 8;
  double band_max = assessment != NULL ? sh_record_get_double (assessment, "target_max_pct", 13) : 13;
  const char *titles[] = {
    _("Indicator"), _("Baseline"), _("Measured after"), _("Saving"), _("Against the target band"),
  };
  g_autofree char *low = sh_format_percent (band_min, 0, SH_NUMBER_STYLE_VI);
  g_autofree char *high = sh_format_percent (band_max, 0, SH_NUMBER_STYLE_VI);
  GtkWidget *child;
  GtkWidget *grid;
  gint64 total_savings = 0;
  guint n_met = 0;

  if (self->chart != NULL)
    sh_chart_view_reload (self->chart);

  while ((child = gtk_widget_get_first_child (self->results_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->results_box), child);
  g_hash_table_remove_all (self->shown);

  if (records == NULL || records->len == 0)
    {
      gtk_box_append (GTK_BOX (self->results_box), sh_worksheet_note_new (_("No monitoring record yet.")));
      return;
    }

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "comparison");
  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    {
      GtkWidget *label = gtk_label_new (titles[c]);

      gtk_label_set_xalign (GTK_LABEL (label), c > 0 && c < 4 ? 1 : 0);
      gtk_widget_add_css_class (label, "column-header");
      gtk_grid_attach (GTK_GRID (grid), label, c, 0, 1, 1);
    }

  for (guint i = 0; i < records->len; i++)
    {
      ShRecord *record = records->pdata[i];
      gint64 id = sh_record_get_id (record);
      const char *unit = sh_record_get_string (record, "unit");
      const char *unit_label = sh_choice_label (sh_choices_indicator_unit,
                                                          G_N_ELEMENTS (sh_choices_indicator_unit),
                                                          unit);
      gboolean has_baseline = !sh_record_is_null (record, "baseline_value");
      gboolean has_measured = !sh_record_is_null (record, "measured_value");
      double baseline = sh_record_get_double (record, "baseline_value", 0);
      double measured = sh_record_get_double (record, "measured_value", 0);
      g_autofree char *baseline_text = NULL;
      g_autofree char *measured_text = NULL;
      const char *verdict = NULL;
      Shown *shown = g_new0 (Shown, 1);
      double percent;
      const char *texts[5];

      if (has_baseline)
        {
          g_autofree char *number = sh_worksheet_format_quantity (baseline);

          baseline_text = g_strdup_printf ("%s %s", number, unit_label);
        }
      if (has_measured)
        {
          g_autofree char *number = sh_worksheet_format_quantity (measured);

          measured_text = g_strdup_printf ("%s %s", number, unit_label);
        }

      if (has_baseline && has_measured && sh_calc_saving_percent (baseline, measured, &percent, NULL))
        {
          ShCalcTargetStatus status = sh_calc_target_check (percent, band_min, band_max);

          shown->saving = sh_worksheet_format_percent (percent);
          if (percent <= 0)
            {
              verdict = _("no saving");
              shown->state = "bad";
            }
          else if (status == SH_CALC_TARGET_BELOW)
            {
              verdict = _("below the band");
              shown->state = "warning";
            }
          else
            {
              verdict = status == SH_CALC_TARGET_WITHIN ? _("within the band") : _("above the band");
              shown->state = "good";
              n_met++;
            }
        }
      else if (!has_measured)
        verdict = _("not measured yet");

      total_savings += sh_record_get_int (record, "savings_vnd_year", 0);

      texts[0] = sh_record_get_string (record, "indicator");
      texts[1] = baseline_text;
      texts[2] = measured_text;
      texts[3] = shown->saving;
      texts[4] = verdict;
      for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
        {
          GtkWidget *label = gtk_label_new (texts[c] != NULL ? texts[c] : "—");

          gtk_label_set_xalign (GTK_LABEL (label), c > 0 && c < 4 ? 1 : 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          if (c > 0 && c < 4)
            gtk_widget_add_css_class (label, "numeric");
          if (c >= 3)
            sh_worksheet_set_state_class (label, shown->state);
          gtk_grid_attach (GTK_GRID (grid), label, c, i + 1, 1, 1);
        }

      g_hash_table_insert (self->shown, g_memdup2 (&id, sizeof id), shown);
    }

  gtk_box_append (GTK_BOX (self->results_box), grid);

  {
    g_autofree char *savings = sh_format_vnd (total_savings);
    /* Translators: summary under the monitoring results: target band,
     * indicators meeting it, savings. */
    g_autofree char *text = g_strdup_printf (_("Target band %s–%s per unit of product: %u of %u indicators reach it. Savings recorded: %s per year."),
                                             low, high, n_met, records->len, savings);

    gtk_box_append (GTK_BOX (self->results_box), sh_worksheet_note_new (text));
  }
}

static void
sh_worksheet_monitoring_dispose (GObject *object)
{
  ShWorksheetMonitoring *self = SH_WORKSHEET_MONITORING (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_object (&self->ctx);

  G_OBJECT_CLASS (sh_worksheet_monitoring_parent_class)->dispose (object);
}

static void
sh_worksheet_monitoring_class_init (ShWorksheetMonitoringClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_worksheet_monitoring_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "worksheet");
}

static void
sh_worksheet_monitoring_init (ShWorksheetMonitoring *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  self->shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, shown_free);
}

GtkWidget *
sh_worksheet_monitoring_new (ShEditContext *ctx)
{
  ShWorksheetMonitoring *self;
  GtkWidget *table;
  GtkWidget *section;
  GtkWidget *box;
  GtkWidget *chart;
  gint64 assessment_id;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);

  self = g_object_new (SH_TYPE_WORKSHEET_MONITORING, NULL);
  self->ctx = g_object_ref (ctx);
  assessment_id = sh_edit_context_get_assessment_id (ctx);

  table = sh_worksheet_record_table_new (ctx, "monitoring_record", "assessment_id", assessment_id,
                                         indicator_columns, G_N_ELEMENTS (indicator_columns));
  sh_record_table_set_empty_text (SH_RECORD_TABLE (table), _("No monitoring record yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (table), _("Add indicator"));
  sh_record_table_set_name_column (SH_RECORD_TABLE (table), "indicator");
  section = sh_worksheet_section_new (_("W17 · Monitoring (quan trắc, đánh giá kết quả)"),
                                      _("The indicators followed, usually a specific consumption per unit of product, and the option each one checks."),
                                      table);
  gtk_widget_set_parent (section, GTK_WIDGET (self));

  table = sh_worksheet_record_table_new (ctx, "monitoring_record", "assessment_id", assessment_id,
                                         value_columns, G_N_ELEMENTS (value_columns));
  sh_record_table_set_empty_text (SH_RECORD_TABLE (table), _("No monitoring record yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (table), _("Add indicator"));
  sh_record_table_set_name_column (SH_RECORD_TABLE (table), "indicator");
  sh_record_table_set_init_func (SH_RECORD_TABLE (table), init_record_cb, NULL, NULL);
  section = sh_worksheet_section_new (_("Before and after"),
                                      _("For each indicator, the baseline value, the target, and what was measured after the options were carried out."),
                                      table);
  gtk_widget_set_parent (section, GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->results_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  chart = sh_chart_view_new ();
  self->chart = SH_CHART_VIEW (chart);
  gtk_widget_set_size_request (chart, -1, 320);
  gtk_widget_set_hexpand (chart, TRUE);
  sh_chart_view_show_chart (self->chart, sh_edit_context_get_store (ctx), assessment_id,
                            SH_CHART_SAVINGS);
  gtk_box_append (GTK_BOX (box), self->results_box);
  gtk_box_append (GTK_BOX (box), chart);
  section = sh_worksheet_section_new (_("Saving per unit of product"),
                                      _("Saving % = (baseline − measured) ÷ baseline, compared with the target band of the assessment."),
                                      box);
  gtk_widget_add_css_class (section, "card");
  gtk_widget_add_css_class (section, "live");
  gtk_widget_set_parent (section, GTK_WIDGET (self));

  gtk_widget_set_parent (sh_worksheet_production_new (ctx, TRUE), GTK_WIDGET (self));

  sh_worksheet_watch (GTK_WIDGET (self), ctx, refresh);

  return GTK_WIDGET (self);
}

const char *
sh_worksheet_monitoring_get_saving_text (ShWorksheetMonitoring *self,
                                         gint64                 record_id)
{
  Shown *shown;

  g_return_val_if_fail (SH_IS_WORKSHEET_MONITORING (self), NULL);

  shown = g_hash_table_lookup (self->shown, &record_id);
  return shown != NULL ? shown->saving : NULL;
}

const char *
sh_worksheet_monitoring_get_state (ShWorksheetMonitoring *self,
                                   gint64                 record_id)
{
  Shown *shown;

  g_return_val_if_fail (SH_IS_WORKSHEET_MONITORING (self), NULL);

  shown = g_hash_table_lookup (self->shown, &record_id);
  return shown != NULL ? shown->state : NULL;
}
