/* sh-worksheet-costing.c — W8: what each waste stream costs (định giá dòng thải).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-calc.h"
#include "sh-chart-view.h"
#include "sh-format.h"
#include "sh-worksheet-costing.h"
#include "sh-worksheet-util.h"

struct _ShWorksheetCosting
{
  GtkWidget      parent_instance;

  ShEditContext *ctx;
  ShChartView   *chart;
  GtkWidget     *pareto_box;
  GHashTable    *totals;        /* gint64 * → char * */
  char          *grand_total;
};

G_DEFINE_FINAL_TYPE (ShWorksheetCosting, sh_worksheet_costing, GTK_TYPE_WIDGET)

static const ShColumnSpec cost_columns[] = {
  { .column = "name", .title = N_("Waste stream"), .type = SH_COLUMN_LABEL, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .default_text = N_("New waste stream") },
  { .column = "material_loss_vnd", .title = N_("Material lost"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_MONEY, .default_text = "0" },
  { .column = "energy_loss_vnd", .title = N_("Energy lost"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_MONEY, .default_text = "0" },
  { .column = "treatment_vnd", .title = N_("Treatment and disposal"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_MONEY, .default_text = "0" },
  { .column = "fees_vnd", .title = N_("Fees and fines"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_MONEY, .default_text = "0" },
};

static void
init_stream_cb (ShRecordTable *table,
                ShRecord      *record,
                gpointer       user_data)
{
  sh_record_set_string (record, "name", _("New waste stream"));
  sh_record_set_string (record, "type", "wastewater");
}

typedef struct
{
  gint64      id;
  const char *name;
  gint64      total;
} Stream;

static int
compare_streams (gconstpointer a,
                 gconstpointer b)
{
  const Stream *x = a;
  const Stream *y = b;

  return x->total < y->total ? 1 : x->total > y->total ? -1 : 0;
}

static void
refresh (GtkWidget *widget)
{
  ShWorksheetCosting *self = SH_WORKSHEET_COSTING (widget);
  g_autoptr(GPtrArray) streams = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Stream));
  g_autoptr(GError) error = NULL;
  const char *titles[] = { _("Waste stream"), _("Cost per year"), _("Share"), _("Cumulative") };
  GtkWidget *child;
  GtkWidget *grid;
  gint64 grand_total = 0;
  gint64 running = 0;

  if (self->chart != NULL)
    sh_chart_view_reload (self->chart);

  while ((child = gtk_widget_get_first_child (self->pareto_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->pareto_box), child);
  g_hash_table_remove_all (self->totals);
  g_clear_pointer (&self->grand_total, g_free);

  streams = sh_store_list (sh_edit_context_get_store (self->ctx), "waste_stream", "assessment_id",
                           sh_edit_context_get_assessment_id (self->ctx), &error);
  if (streams == NULL)
    {
      gtk_box_append (GTK_BOX (self->pareto_box), sh_worksheet_note_new (error->message));
      return;
    }

  for (guint i = 0; i < streams->len; i++)
    {
      ShRecord *row = streams->pdata[i];
      ShCalcWasteCost cost = {
        sh_record_get_int (row, "material_loss_vnd", 0),
        sh_record_get_int (row, "energy_loss_vnd", 0),
        sh_record_get_int (row, "treatment_vnd", 0),
        sh_record_get_int (row, "fees_vnd", 0),
      };
      g_autoptr(GError) local_error = NULL;
      Stream stream = { sh_record_get_id (row), sh_record_get_string (row, "name"), 0 };

      if (!sh_calc_waste_stream_cost (&cost, &stream.total, &local_error))
        {
          gtk_box_append (GTK_BOX (self->pareto_box), sh_worksheet_note_new (local_error->message));
          continue;
        }
      g_array_append_val (rows, stream);
      grand_total += stream.total;
    }

  self->grand_total = sh_format_vnd (grand_total);
  if (rows->len == 0)
    {
      gtk_box_append (GTK_BOX (self->pareto_box),
                      sh_worksheet_note_new (_("No waste stream is listed yet (task 3).")));
      return;
    }

  g_array_sort (rows, compare_streams);
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "comparison");
  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    {
      GtkWidget *label = gtk_label_new (titles[c]);

      gtk_label_set_xalign (GTK_LABEL (label), c > 0 ? 1 : 0);
      gtk_widget_add_css_class (label, "column-header");
      gtk_grid_attach (GTK_GRID (grid), label, c, 0, 1, 1);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      Stream *stream = &g_array_index (rows, Stream, i);
      char *total = sh_format_vnd (stream->total);
      g_autofree char *share = NULL;
      g_autofree char *cumulative = NULL;
      const char *texts[4];

      running += stream->total;
      share = grand_total > 0 ? sh_worksheet_format_percent (100.0 * stream->total / grand_total)
                              : g_strdup ("—");
      cumulative = grand_total > 0 ? sh_worksheet_format_percent (100.0 * running / grand_total)
                                   : g_strdup ("—");
      texts[0] = stream->name;
      texts[1] = total;
      texts[2] = share;
      texts[3] = cumulative;

      for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
        {
          GtkWidget *label = gtk_label_new (texts[c]);

          gtk_label_set_xalign (GTK_LABEL (label), c > 0 ? 1 : 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          if (c > 0)
            gtk_widget_add_css_class (label, "numeric");
          gtk_grid_attach (GTK_GRID (grid), label, c, i + 1, 1, 1);
        }

      g_hash_table_insert (self->totals, g_memdup2 (&stream->id, sizeof stream->id), total);
    }

  {
    GtkWidget *label = gtk_label_new (_("Total"));
    GtkWidget *value = gtk_label_new (self->grand_total);

    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_add_css_class (label, "heading");
    gtk_label_set_xalign (GTK_LABEL (value), 1);
    gtk_widget_add_css_class (value, "heading");
    gtk_widget_add_css_class (value, "numeric");
    gtk_grid_attach (GTK_GRID (grid), label, 0, rows->len + 1, 1, 1);
    gtk_grid_attach (GTK_GRID (grid), value, 1, rows->len + 1, 1, 1);
  }

  gtk_box_append (GTK_BOX (self->pareto_box), grid);
}

static void
sh_worksheet_costing_dispose (GObject *object)
{
  ShWorksheetCosting *self = SH_WORKSHEET_COSTING (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->totals, g_hash_table_unref);
  g_clear_pointer (&self->grand_total, g_free);
  g_clear_object (&self->ctx);

  G_OBJECT_CLASS (sh_worksheet_costing_parent_class)->dispose (object);
}

static void
sh_worksheet_costing_class_init (ShWorksheetCostingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_worksheet_costing_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "worksheet");
}

static void
sh_worksheet_costing_init (ShWorksheetCosting *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  self->totals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

GtkWidget *
sh_worksheet_costing_new (ShEditContext *ctx)
{
  ShWorksheetCosting *self;
  GtkWidget *table;
  GtkWidget *box;
  GtkWidget *chart;
  GtkWidget *section;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);

  self = g_object_new (SH_TYPE_WORKSHEET_COSTING, NULL);
  self->ctx = g_object_ref (ctx);

  table = sh_worksheet_record_table_new (ctx, "waste_stream", "assessment_id",
                                         sh_edit_context_get_assessment_id (ctx),
                                         cost_columns, G_N_ELEMENTS (cost_columns));
  sh_record_table_set_empty_text (SH_RECORD_TABLE (table), _("No waste stream is listed yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (table), _("Add waste stream"));
  sh_record_table_set_init_func (SH_RECORD_TABLE (table), init_stream_cb, NULL, NULL);
  section = sh_worksheet_section_new (_("W8 · Waste-stream costing (định giá dòng thải)"),
                                      _("Per year: the value of raw material and product lost in the stream, the energy it carries away, what treating or disposing of it costs, and the fees (phí bảo vệ môi trường đối với nước thải) and fines it brings."),
                                      table);
  gtk_widget_set_parent (section, GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->pareto_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  chart = sh_chart_view_new ();
  self->chart = SH_CHART_VIEW (chart);
  gtk_widget_set_size_request (chart, -1, 320);
  gtk_widget_set_hexpand (chart, TRUE);
  sh_chart_view_show_chart (self->chart, sh_edit_context_get_store (ctx),
                            sh_edit_context_get_assessment_id (ctx), SH_CHART_PARETO);
  gtk_box_append (GTK_BOX (box), self->pareto_box);
  gtk_box_append (GTK_BOX (box), chart);
  section = sh_worksheet_section_new (_("The costliest streams first (Pareto)"),
                                      _("The few streams that make most of the cost are where options pay back fastest."),
                                      box);
  gtk_widget_add_css_class (section, "card");
  gtk_widget_add_css_class (section, "live");
  gtk_widget_set_parent (section, GTK_WIDGET (self));

  sh_worksheet_watch (GTK_WIDGET (self), ctx, refresh);

  return GTK_WIDGET (self);
}

const char *
sh_worksheet_costing_get_total_text (ShWorksheetCosting *self,
                                     gint64              waste_stream_id)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_COSTING (self), NULL);

  return g_hash_table_lookup (self->totals, &waste_stream_id);
}

const char *
sh_worksheet_costing_get_grand_total_text (ShWorksheetCosting *self)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_COSTING (self), NULL);

  return self->grand_total;
}
