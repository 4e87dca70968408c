/* sh-worksheet-flows.c — W5–W7: the flows, their diagram and the balances.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sh-a11y.h"
#include "sh-chart-view.h"
#include "sh-format.h"
#include "sh-summary.h"
#include "sh-worksheet-flows.h"
#include "sh-worksheet-util.h"

typedef struct
{
  gint64       step_id;
  ShFlowLayer  layer;
  char        *closure;
} Closure;

struct _ShWorksheetFlows
{
  GtkWidget             parent_instance;

  ShEditContext        *ctx;
  ShWorksheetFlowsMode  mode;
  gint64                selected_flow;
  guint                 n_warnings;
  GPtrArray            *closures;

  ShChartView          *chart;
  ShRecordTable        *table;
  ShRecordTable        *amounts;
  GtkWidget            *balance_box;
  GtkWidget            *warning_label;

  /* BALANCE mode: one step at a time, its flows and its balance. The
   * step list and the flow rows are rebuilt only when their shape (ids,
   * names, routes, units) changes, so typing a quantity in a row does not
   * lose its focus when the balance is computed again. */
  GtkDropDown          *step_drop_down;
  GArray               *step_ids;        /* gint64, in the order shown */
  char                 *steps_shape;
  gint64                step_id;
  GtkWidget            *step_flows_box;
  char                 *step_flows_shape;
  guint                 n_step_flows;
  GtkWidget            *step_balance_box;
  GtkWidget            *step_warning_label;
  GPtrArray            *step_closures;   /* Closure of the selected step */
};

G_DEFINE_FINAL_TYPE (ShWorksheetFlows, sh_worksheet_flows, GTK_TYPE_WIDGET)

static void
closure_free (gpointer data)
{
  Closure *closure = data;

  g_free (closure->closure);
  g_free (closure);
}

/* A flow is edited in two tables of the same rows, since its ten fields
 * do not fit one line: where it runs, then how much of what. */
static const ShColumnSpec route_columns[] = {
  { .column = "substance", .title = N_("Substance"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .required = TRUE, .default_text = N_("New flow") },
  { .column = "from_step_id", .title = N_("From step"), .type = SH_COLUMN_CHOICE,
    .rows_table = "process_step", .rows_label = "name", .allow_none = TRUE },
  { .column = "from_label", .title = N_("or from outside"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_TEXT, .width_chars = 10 },
  { .column = "to_step_id", .title = N_("To step"), .type = SH_COLUMN_CHOICE,
    .rows_table = "process_step", .rows_label = "name", .allow_none = TRUE },
  { .column = "to_label", .title = N_("or to outside"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_TEXT, .width_chars = 10 },
};

static const ShColumnSpec amount_columns[] = {
  { .column = "substance", .title = N_("Substance"), .type = SH_COLUMN_LABEL, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE },
  { .column = "kind", .title = N_("Kind"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_flow_kind, .n_choices = G_N_ELEMENTS (sh_choices_flow_kind),
    .default_text = "material" },
  { .column = "quantity", .title = N_("Quantity"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_NUMBER,
    .default_text = "0" },
  { .column = "unit", .title = N_("Unit"), .type = SH_COLUMN_CHOICE, .unit_dimension = "",
    .default_text = "t" },
  { .column = "period", .title = N_("Period"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_flow_period,
    .n_choices = G_N_ELEMENTS (sh_choices_flow_period), .default_text = "year" },
  { .column = "provenance", .title = N_("Measured?"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_provenance,
    .n_choices = G_N_ELEMENTS (sh_choices_provenance), .default_text = "estimated" },
};

/* A new flow needs a start and an end; until the person picks steps it
 * runs between two boundary labels they will overwrite. */
static void
init_flow_cb (ShRecordTable *table,
              ShRecord      *record,
              gpointer       user_data)
{
  sh_record_set_string (record, "from_label", _("Input"));
  sh_record_set_string (record, "to_label", _("Output"));
  if (sh_record_is_null (record, "substance"))
    sh_record_set_string (record, "substance", _("New flow"));
  if (sh_record_is_null (record, "kind"))
    sh_record_set_string (record, "kind", "material");
  if (sh_record_is_null (record, "quantity"))
    sh_record_set_double (record, "quantity", 0);
  if (sh_record_is_null (record, "unit"))
    sh_record_set_string (record, "unit", "t");
}

static const char *
layer_label (ShFlowLayer layer)
{
  switch (layer)
    {
    case SH_FLOW_LAYER_MASS:
      return _("Mass");
    case SH_FLOW_LAYER_WATER:
      return _("Water");
    case SH_FLOW_LAYER_ENERGY:
      return _("Energy");
    case SH_FLOW_N_LAYERS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
highlight_in (ShRecordTable      *table,
              const ShColumnSpec *columns,
              guint               n_columns,
              gint64              flow_id,
              gboolean            on)
{
  for (guint i = 0; i < sh_record_table_get_n_rows (table); i++)
    {
      if (sh_record_table_get_row_id (table, i) != flow_id)
        continue;

      for (guint c = 0; c < n_columns; c++)
        {
          GtkWidget *cell = sh_record_table_get_cell (table, i, columns[c].column);

          if (cell == NULL)
            continue;
          if (on)
            gtk_widget_add_css_class (cell, "highlighted");
          else
            gtk_widget_remove_css_class (cell, "highlighted");
        }
    }
}

static void
highlight_row (ShWorksheetFlows *self,
               gint64            flow_id,
               gboolean          on)
{
  highlight_in (self->table, route_columns, G_N_ELEMENTS (route_columns), flow_id, on);
  highlight_in (self->amounts, amount_columns, G_N_ELEMENTS (amount_columns), flow_id, on);
}


/* -------------------------------------------------------------------------
 * One step: its flows in and out, and its balance in every layer
 * ------------------------------------------------------------------------- */

static void step_drop_down_selected_cb (ShWorksheetFlows *self);

static const char *
end_name (ShRecord   *flow,
          const char *step_column,
          const char *label_column,
          GHashTable *step_names)
{
  gint64 step = sh_record_get_int (flow, step_column, 0);

  if (step != 0)
    {
      const char *name = g_hash_table_lookup (step_names, &step);

      if (name != NULL)
        return name;
    }
  return sh_record_get_string (flow, label_column);
}

static void
refresh_step_list (ShWorksheetFlows *self,
                   GPtrArray        *steps)
{
  g_autoptr(GString) shape = g_string_new (NULL);
  g_autoptr(GtkStringList) names = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < steps->len; i++)
    g_string_append_printf (shape, "%" G_GINT64_FORMAT "\t%s\n",
                            sh_record_get_int (steps->pdata[i], "id", 0),
                            sh_record_get_string (steps->pdata[i], "name"));
  if (g_strcmp0 (shape->str, self->steps_shape) == 0)
    return;

  g_free (self->steps_shape);
  self->steps_shape = g_strdup (shape->str);

  names = gtk_string_list_new (NULL);
  g_array_set_size (self->step_ids, 0);
  for (guint i = 0; i < steps->len; i++)
    {
      gint64 id = sh_record_get_int (steps->pdata[i], "id", 0);

      gtk_string_list_append (names, sh_record_get_string (steps->pdata[i], "name"));
      g_array_append_val (self->step_ids, id);
      if (id == self->step_id)
        selected = i;
    }

  /* The step shown stays shown; a deleted one gives way to the first. */
  if (selected == GTK_INVALID_LIST_POSITION)
    {
      selected = steps->len > 0 ? 0 : GTK_INVALID_LIST_POSITION;
      self->step_id = steps->len > 0 ? g_array_index (self->step_ids, gint64, 0) : 0;
    }

  g_signal_handlers_block_by_func (self->step_drop_down, step_drop_down_selected_cb, self);
  gtk_drop_down_set_model (self->step_drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->step_drop_down, selected);
  g_signal_handlers_unblock_by_func (self->step_drop_down, step_drop_down_selected_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->step_drop_down), steps->len > 0);
}

static GtkWidget *
header_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "column-header");
  return label;
}

static void
refresh_step_flows (ShWorksheetFlows *self,
                    GPtrArray        *steps)
{
  ShStore *store = sh_edit_context_get_store (self->ctx);
  g_autoptr(GPtrArray) flows = sh_store_list (store, "flow", "assessment_id",
                                              sh_edit_context_get_assessment_id (self->ctx), NULL);
  g_autoptr(GHashTable) step_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) touching = g_ptr_array_new ();
  g_autoptr(GString) shape = g_string_new (NULL);
  const char *titles[] = {
    _("In or out"), _("From"), _("To"), _("Substance"), _("Quantity"), _("Unit"), _("Measured?"),
  };
  GtkWidget *child;
  GtkWidget *grid;

  for (guint i = 0; i < steps->len; i++)
    {
      gint64 id = sh_record_get_int (steps->pdata[i], "id", 0);

      g_hash_table_insert (step_names, g_memdup2 (&id, sizeof id),
                           (gpointer) sh_record_get_string (steps->pdata[i], "name"));
    }

  /* Inputs first, then outputs, each in the order of entry. */
  for (int pass = 0; pass < 2 && flows != NULL; pass++)
    for (guint i = 0; i < flows->len; i++)
      {
        ShRecord *flow = flows->pdata[i];
        gint64 end = sh_record_get_int (flow, pass == 0 ? "to_step_id" : "from_step_id", 0);

        if (self->step_id == 0 || end != self->step_id)
          continue;
        g_ptr_array_add (touching, flow);
        g_string_append_printf (shape, "%d\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", pass,
                                sh_record_get_int (flow, "id", 0),
                                end_name (flow, "from_step_id", "from_label", step_names),
                                end_name (flow, "to_step_id", "to_label", step_names),
                                sh_record_get_string (flow, "unit"));
      }
  g_string_append_printf (shape, "step %" G_GINT64_FORMAT, self->step_id);

  if (g_strcmp0 (shape->str, self->step_flows_shape) == 0)
    return;
  g_free (self->step_flows_shape);
  self->step_flows_shape = g_strdup (shape->str);
  self->n_step_flows = touching->len;

  while ((child = gtk_widget_get_first_child (self->step_flows_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->step_flows_box), child);

  if (self->step_id == 0)
    {
      gtk_box_append (GTK_BOX (self->step_flows_box),
                      sh_worksheet_note_new (_("Add the process steps in task 2 first.")));
      return;
    }
  if (touching->len == 0)
    {
      gtk_box_append (GTK_BOX (self->step_flows_box),
                      sh_worksheet_note_new (_("No flow enters or leaves this step yet.")));
      return;
    }

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    gtk_grid_attach (GTK_GRID (grid), header_label (titles[c]), c, 0, 1, 1);

  for (guint i = 0; i < touching->len; i++)
    {
      ShRecord *flow = touching->pdata[i];
      gint64 id = sh_record_get_int (flow, "id", 0);
      gboolean input = sh_record_get_int (flow, "to_step_id", 0) == self->step_id;
      const ShUnitInfo *unit = sh_units_lookup (sh_units_get_default (), sh_record_get_string (flow, "unit"), NULL);
      GtkWidget *direction = gtk_label_new (input ? _("In") : _("Out"));
      GtkWidget *from = gtk_label_new (end_name (flow, "from_step_id", "from_label", step_names));
      GtkWidget *to = gtk_label_new (end_name (flow, "to_step_id", "to_label", step_names));
      GtkWidget *substance = sh_worksheet_entry_new (self->ctx, "flow", id, "substance", SH_FIELD_KIND_TEXT,
                                                     _("Substance"));
      GtkWidget *quantity = sh_worksheet_entry_new (self->ctx, "flow", id, "quantity", SH_FIELD_KIND_NUMBER,
                                                    _("Quantity"));
      GtkWidget *symbol = gtk_label_new (unit != NULL ? unit->symbol : sh_record_get_string (flow, "unit"));
      GtkWidget *provenance = sh_worksheet_choice_new (self->ctx, "flow", id, "provenance",
                                                       sh_choices_provenance,
                                                       G_N_ELEMENTS (sh_choices_provenance),
                                                       _("Measured?"));
      GtkWidget *labels[] = { direction, from, to, symbol };

      for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
        {
          gtk_label_set_xalign (GTK_LABEL (labels[l]), 0);
          gtk_label_set_wrap (GTK_LABEL (labels[l]), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (labels[l]), 18);
        }
      gtk_widget_set_size_request (substance, 160, -1);
      gtk_grid_attach (GTK_GRID (grid), direction, 0, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), from, 1, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), to, 2, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), substance, 3, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), quantity, 4, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), symbol, 5, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), provenance, 6, i + 1, 1, 1);
    }

  gtk_box_append (GTK_BOX (self->step_flows_box), grid);
}

/* The selected step's balance in each layer it has flows in, and a
 * warning for each one past the tolerance. */
static void
refresh_step_balance (ShWorksheetFlows *self,
                      ShSummary        *summary)
{
  g_autoptr(GString) warnings = g_string_new (NULL);
  g_autofree char *tolerance = sh_worksheet_format_percent (summary->tolerance_percent);
  const char *titles[] = { _("Layer"), _("In"), _("Out"), _("Unaccounted"), _("Closure") };
  GtkWidget *child;
  GtkWidget *grid;
  int row = 1;

  g_ptr_array_set_size (self->step_closures, 0);
  while ((child = gtk_widget_get_first_child (self->step_balance_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->step_balance_box), child);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "comparison");
  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    {
      GtkWidget *label = header_label (titles[c]);

      gtk_label_set_xalign (GTK_LABEL (label), c >= 1 ? 1 : 0);
      gtk_grid_attach (GTK_GRID (grid), label, c, 0, 1, 1);
    }

  for (guint i = 0; self->step_id != 0 && i < summary->balances->len; i++)
    {
      ShSummaryBalance *b = summary->balances->pdata[i];
      const ShUnitInfo *unit;
      const char *symbol;
      Closure *closure;

      if (b->step_id != self->step_id)
        continue;

      unit = sh_units_lookup (sh_units_get_default (), b->unit, NULL);
      symbol = unit != NULL ? unit->symbol : b->unit;
      closure = g_new0 (Closure, 1);
      closure->step_id = b->step_id;
      closure->layer = b->layer;
      closure->closure = sh_worksheet_format_percent (b->balance.closure_percent);
      g_ptr_array_add (self->step_closures, closure);

      {
        g_autofree char *in = sh_worksheet_format_quantity (b->balance.total_in);
        g_autofree char *out = sh_worksheet_format_quantity (b->balance.total_out);
        g_autofree char *diff = sh_worksheet_format_quantity (b->balance.difference);
        g_autofree char *in_text = g_strdup_printf ("%s %s", in, symbol);
        g_autofree char *out_text = g_strdup_printf ("%s %s", out, symbol);
        g_autofree char *diff_text = g_strdup_printf ("%s %s", diff, symbol);
        const char *texts[] = { layer_label (b->layer), in_text, out_text, diff_text, closure->closure };

        for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
          {
            GtkWidget *label = gtk_label_new (texts[c]);

            gtk_label_set_xalign (GTK_LABEL (label), c >= 1 ? 1 : 0);
            if (c >= 1)
              gtk_widget_add_css_class (label, "numeric");
            if (c == 4)
              sh_worksheet_set_state_class (label, b->within_tolerance ? "good" : "bad");
            gtk_grid_attach (GTK_GRID (grid), label, c, row, 1, 1);
          }
        row++;
      }

      if (!b->within_tolerance)
        {
          if (warnings->len > 0)
            g_string_append_c (warnings, '\n');
          /* Translators: e.g. "The water balance does not close within the
           * tolerance of 5%: 8,2% is unaccounted for." The first %s is a
           * layer (Mass, Water, Energy). */
          g_string_append_printf (warnings, _("%s: the balance does not close within the tolerance of %s; %s is unaccounted for."),
                                  layer_label (b->layer), tolerance, closure->closure);
        }
    }

  if (row > 1)
    gtk_box_append (GTK_BOX (self->step_balance_box), grid);
  else
    {
      g_object_ref_sink (grid);
      g_object_unref (grid);
      if (self->step_id != 0)
        gtk_box_append (GTK_BOX (self->step_balance_box),
                        sh_worksheet_note_new (_("This step has no balance yet: it needs flows in and out.")));
    }

  gtk_label_set_text (GTK_LABEL (self->step_warning_label), warnings->str);
  gtk_widget_set_visible (self->step_warning_label, warnings->len > 0);
}

static void
refresh_step (ShWorksheetFlows *self,
              ShSummary        *summary)
{
  g_autoptr(GPtrArray) steps = sh_store_list (sh_edit_context_get_store (self->ctx), "process_step",
                                              "assessment_id", sh_edit_context_get_assessment_id (self->ctx),
                                              NULL);

  if (steps == NULL)
    steps = g_ptr_array_new ();
  refresh_step_list (self, steps);
  refresh_step_flows (self, steps);
  if (summary != NULL)
    refresh_step_balance (self, summary);
}

static gint64
add_step_flow (ShWorksheetFlows  *self,
               gboolean           output,
               GError           **error)
{
  g_autoptr(ShRecord) flow = sh_record_new ("flow");

  if (self->step_id == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Add the process steps in task 2 first."));
      return 0;
    }

  /* The other end is outside the plant until the person picks a step in
   * the route table below. */
  sh_record_set_int (flow, "assessment_id", sh_edit_context_get_assessment_id (self->ctx));
  sh_record_set_string (flow, "substance", _("New flow"));
  sh_record_set_string (flow, "kind", "material");
  sh_record_set_double (flow, "quantity", 0);
  sh_record_set_string (flow, "unit", "t");
  if (output)
    {
      sh_record_set_int (flow, "from_step_id", self->step_id);
      sh_record_set_string (flow, "to_label", _("Output"));
    }
  else
    {
      sh_record_set_string (flow, "from_label", _("Input"));
      sh_record_set_int (flow, "to_step_id", self->step_id);
    }

  return sh_edit_context_insert (self->ctx, flow, error);
}

static void
add_button_clicked (ShWorksheetFlows *self,
                    gboolean          output)
{
  g_autoptr(GError) error = NULL;

  if (add_step_flow (self, output, &error) == 0)
    sh_edit_context_report_error (self->ctx, error);
}

static void
add_input_clicked_cb (GtkButton        *button,
                      ShWorksheetFlows *self)
{
  add_button_clicked (self, FALSE);
}

static void
add_output_clicked_cb (GtkButton        *button,
                       ShWorksheetFlows *self)
{
  add_button_clicked (self, TRUE);
}

static void refresh (GtkWidget *widget);

static void
step_drop_down_selected_cb (ShWorksheetFlows *self)
{
  guint selected = gtk_drop_down_get_selected (self->step_drop_down);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->step_ids->len)
    return;
  self->step_id = g_array_index (self->step_ids, gint64, selected);
  refresh (GTK_WIDGET (self));
}

static GtkWidget *
build_step (ShWorksheetFlows *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *form = sh_worksheet_form_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add_input = gtk_button_new_with_mnemonic (_("Add _input to this step"));
  GtkWidget *add_output = gtk_button_new_with_mnemonic (_("Add _output of this step"));
  GtkWidget *section;

  sh_a11y_name_mnemonic_button (add_input);
  sh_a11y_name_mnemonic_button (add_output);

  self->step_drop_down = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_halign (GTK_WIDGET (self->step_drop_down), GTK_ALIGN_START);
  /* The form's caption names it (labelled-by). */
  g_signal_connect_swapped (self->step_drop_down, "notify::selected",
                            G_CALLBACK (step_drop_down_selected_cb), self);
  sh_worksheet_form_add (form, _("Process step"), GTK_WIDGET (self->step_drop_down));

  self->step_flows_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->step_balance_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->step_warning_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->step_warning_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->step_warning_label), TRUE);
  gtk_widget_add_css_class (self->step_warning_label, "banner-warning");
  gtk_widget_set_visible (self->step_warning_label, FALSE);

  g_signal_connect (add_input, "clicked", G_CALLBACK (add_input_clicked_cb), self);
  g_signal_connect (add_output, "clicked", G_CALLBACK (add_output_clicked_cb), self);
  g_object_bind_property (self->ctx, "read-only", buttons, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  gtk_box_append (GTK_BOX (buttons), add_input);
  gtk_box_append (GTK_BOX (buttons), add_output);

  gtk_box_append (GTK_BOX (box), form);
  gtk_box_append (GTK_BOX (box), self->step_flows_box);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (GTK_BOX (box), self->step_balance_box);
  gtk_box_append (GTK_BOX (box), self->step_warning_label);

  section = sh_worksheet_section_new (_("One step at a time: its flows and its balance"),
                                      _("The flows that enter and leave the step chosen, and its balance, computed as you type."),
                                      box);
  gtk_widget_add_css_class (section, "card");
  gtk_widget_add_css_class (section, "live");

  return section;
}

static void
refresh (GtkWidget *widget)
{
  ShWorksheetFlows *self = SH_WORKSHEET_FLOWS (widget);
  ShStore *store = sh_edit_context_get_store (self->ctx);
  g_autoptr(ShSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) warnings = g_string_new (NULL);
  GtkWidget *child;
  GtkWidget *grid = NULL;
  int row = 1;

  if (self->chart != NULL)
    sh_chart_view_reload (self->chart);

  g_ptr_array_set_size (self->closures, 0);
  self->n_warnings = 0;
  if (self->balance_box != NULL)
    while ((child = gtk_widget_get_first_child (self->balance_box)) != NULL)
      gtk_box_remove (GTK_BOX (self->balance_box), child);

  summary = sh_summary_compute (store, sh_units_get_default (),
                                sh_edit_context_get_assessment_id (self->ctx), &error);
  if (self->step_drop_down != NULL)
    refresh_step (self, summary);

  if (summary == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->warning_label), error->message);
      gtk_widget_set_visible (self->warning_label, TRUE);
      return;
    }

  if (self->balance_box != NULL)
    {
      const char *titles[] = {
        _("Step"), _("Layer"), _("In"), _("Out"), _("Unaccounted"), _("Closure"),
      };

      grid = gtk_grid_new ();
      gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
      gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
      gtk_widget_add_css_class (grid, "comparison");
      for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
        {
          GtkWidget *label = gtk_label_new (titles[i]);

          gtk_label_set_xalign (GTK_LABEL (label), i >= 2 ? 1 : 0);
          gtk_widget_add_css_class (label, "column-header");
          gtk_grid_attach (GTK_GRID (grid), label, i, 0, 1, 1);
        }
    }

  for (guint i = 0; i < summary->balances->len; i++)
    {
      ShSummaryBalance *b = summary->balances->pdata[i];
      Closure *closure = g_new0 (Closure, 1);

      closure->step_id = b->step_id;
      closure->layer = b->layer;
      closure->closure = sh_worksheet_format_percent (b->balance.closure_percent);
      g_ptr_array_add (self->closures, closure);

      if (!b->within_tolerance)
        {
          self->n_warnings++;
          if (warnings->len > 0)
            g_string_append_c (warnings, '\n');
          /* Translators: a balance that does not close, e.g.
           * "Thu hồi tinh bột tinh (Water): 8,2% unaccounted". */
          g_string_append_printf (warnings, _("%s (%s): %s unaccounted"), b->step_name,
                                  layer_label (b->layer), closure->closure);
        }

      if (grid != NULL)
        {
          const ShUnitInfo *unit = sh_units_lookup (sh_units_get_default (), b->unit, NULL);
          const char *symbol = unit != NULL ? unit->symbol : b->unit;
          g_autofree char *in = sh_worksheet_format_quantity (b->balance.total_in);
          g_autofree char *out = sh_worksheet_format_quantity (b->balance.total_out);
          g_autofree char *diff = sh_worksheet_format_quantity (b->balance.difference);
          g_autofree char *in_text = g_strdup_printf ("%s %s", in, symbol);
          g_autofree char *out_text = g_strdup_printf ("%s %s", out, symbol);
          g_autofree char *diff_text = g_strdup_printf ("%s %s", diff, symbol);
          const char *texts[] = {
            b->step_name, layer_label (b->layer), in_text, out_text, diff_text, closure->closure,
          };

          for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
            {
              GtkWidget *label = gtk_label_new (texts[c]);

              gtk_label_set_xalign (GTK_LABEL (label), c >= 2 ? 1 : 0);
              gtk_label_set_wrap (GTK_LABEL (label), TRUE);
              if (c >= 2)
                gtk_widget_add_css_class (label, "numeric");
              if (c == 5)
                sh_worksheet_set_state_class (label, b->within_tolerance ? "good" : "bad");
              gtk_grid_attach (GTK_GRID (grid), label, c, row, 1, 1);
            }
          row++;
        }
    }

  if (grid != NULL)
    {
      if (row > 1)
        gtk_box_append (GTK_BOX (self->balance_box), grid);
      else
        gtk_box_append (GTK_BOX (self->balance_box),
                        sh_worksheet_note_new (_("No step has flows yet: add flows below.")));
      for (guint i = 0; i < summary->notes->len; i++)
        gtk_box_append (GTK_BOX (self->balance_box), sh_worksheet_note_new (summary->notes->pdata[i]));
    }

  if (self->n_warnings > 0)
    {
      g_autofree char *tolerance = sh_worksheet_format_percent (summary->tolerance_percent);
      /* Translators: heading of the list of balances that do not close,
       * then the list. */
      g_autofree char *text = g_strdup_printf (_("Balances that do not close within the tolerance of %s (%u):"),
                                               tolerance, self->n_warnings);
      g_autofree char *full = g_strconcat (text, "\n", warnings->str, NULL);


      gtk_label_set_text (GTK_LABEL (self->warning_label), full);
      gtk_widget_set_visible (self->warning_label, TRUE);
    }
  else
    gtk_widget_set_visible (self->warning_label, FALSE);

  if (self->selected_flow != 0)
    highlight_row (self, self->selected_flow, TRUE);
}

static void
chart_flow_activated_cb (ShChartView      *chart,
                         gint64            flow_id,
                         ShWorksheetFlows *self)
{
  sh_worksheet_flows_select_flow (self, flow_id);
}

static void
sh_worksheet_flows_dispose (GObject *object)
{
  ShWorksheetFlows *self = SH_WORKSHEET_FLOWS (object);
  GtkWidget *child;

  /* A drop-down losing its model while it goes must not refresh a
   * worksheet that is going too. */
  if (self->step_drop_down != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->step_drop_down, step_drop_down_selected_cb, self);
      self->step_drop_down = NULL;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->closures, g_ptr_array_unref);
  g_clear_pointer (&self->step_closures, g_ptr_array_unref);
  g_clear_pointer (&self->step_ids, g_array_unref);
  g_clear_pointer (&self->steps_shape, g_free);
  g_clear_pointer (&self->step_flows_shape, g_free);
  g_clear_object (&self->ctx);

  G_OBJECT_CLASS (sh_worksheet_flows_parent_class)->dispose (object);
}

static void
sh_worksheet_flows_class_init (ShWorksheetFlowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_worksheet_flows_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "worksheet");
}

static void
sh_worksheet_flows_init (ShWorksheetFlows *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  self->closures = g_ptr_array_new_with_free_func (closure_free);
  self->step_closures = g_ptr_array_new_with_free_func (closure_free);
  self->step_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static GtkWidget *
build_diagram (ShWorksheetFlows *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *chart = sh_chart_view_new ();

  /* The chart view brings its own switch between the layers. */
  self->chart = SH_CHART_VIEW (chart);
  gtk_widget_set_size_request (chart, -1, 440);
  gtk_widget_set_hexpand (chart, TRUE);
  g_signal_connect_object (chart, "flow-activated", G_CALLBACK (chart_flow_activated_cb), self, 0);
  sh_chart_view_show_sankey (self->chart, sh_edit_context_get_store (self->ctx),
                             sh_edit_context_get_assessment_id (self->ctx), SH_FLOW_LAYER_MASS);

  gtk_box_append (GTK_BOX (box), chart);
  gtk_box_append (GTK_BOX (box),
                  sh_worksheet_note_new (_("Click a flow to find its row in the table below. Dashed flows are estimated, solid ones measured.")));

  return sh_worksheet_section_new (_("W5 · Flow diagram (sơ đồ dòng)"), NULL, box);
}

static GtkWidget *
build_balance (ShWorksheetFlows *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *form = sh_worksheet_form_new ();
  GtkWidget *tolerance;

  tolerance = sh_worksheet_entry_new (self->ctx, "assessment", sh_edit_context_get_assessment_id (self->ctx),
                                      "tolerance_pct", SH_FIELD_KIND_PERCENT, _("Tolerance of the balance (%)"));
  sh_field_entry_set_range (SH_FIELD_ENTRY (tolerance), 0.1, 100);
  sh_field_entry_set_width_chars (SH_FIELD_ENTRY (tolerance), 6);
  gtk_widget_set_hexpand (tolerance, FALSE);
  sh_worksheet_form_add (form, _("Tolerance of the balance (%)"), tolerance);

  self->balance_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_box_append (GTK_BOX (box), form);
  gtk_box_append (GTK_BOX (box), self->balance_box);

  box = sh_worksheet_section_new (_("W6, W7 · Material and energy balance (cân bằng vật liệu, năng lượng)"),
                                  _("For every step: in = out + losses. The closure error is what the measured and estimated flows leave unaccounted for."),
                                  box);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "live");

  return box;
}

GtkWidget *
sh_worksheet_flows_new (ShEditContext        *ctx,
                        ShWorksheetFlowsMode  mode)
{
  ShWorksheetFlows *self;
  GtkWidget *table;
  GtkWidget *section;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);

  self = g_object_new (SH_TYPE_WORKSHEET_FLOWS, NULL);
  self->ctx = g_object_ref (ctx);
  self->mode = mode;

  self->warning_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->warning_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->warning_label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->warning_label), TRUE);
  gtk_widget_add_css_class (self->warning_label, "banner-warning");
  gtk_widget_set_visible (self->warning_label, FALSE);

  if (mode == SH_WORKSHEET_FLOWS_DIAGRAM)
    gtk_widget_set_parent (build_diagram (self), GTK_WIDGET (self));
  else
    gtk_widget_set_parent (build_balance (self), GTK_WIDGET (self));
  gtk_widget_set_parent (self->warning_label, GTK_WIDGET (self));
  if (mode == SH_WORKSHEET_FLOWS_BALANCE)
    gtk_widget_set_parent (build_step (self), GTK_WIDGET (self));

  table = sh_worksheet_record_table_new (ctx, "flow", "assessment_id", sh_edit_context_get_assessment_id (ctx),
                                         route_columns, G_N_ELEMENTS (route_columns));
  self->table = SH_RECORD_TABLE (table);
  sh_record_table_set_empty_text (self->table, _("No flow is recorded yet."));
  sh_record_table_set_add_label (self->table, _("Add flow"));
  sh_record_table_set_name_column (self->table, "substance");
  sh_record_table_set_init_func (self->table, init_flow_cb, NULL, NULL);
  section = sh_worksheet_section_new (_("Flows (dòng vật chất, năng lượng): where they run"),
                                      _("Each flow runs from a step, or from outside the plant, to a step or out of it."),
                                      table);
  gtk_widget_set_parent (section, GTK_WIDGET (self));

  table = sh_worksheet_record_table_new (ctx, "flow", "assessment_id", sh_edit_context_get_assessment_id (ctx),
                                         amount_columns, G_N_ELEMENTS (amount_columns));
  self->amounts = SH_RECORD_TABLE (table);
  sh_record_table_set_empty_text (self->amounts, _("No flow is recorded yet."));
  sh_record_table_set_add_label (self->amounts, _("Add flow"));
  sh_record_table_set_name_column (self->amounts, "substance");
  sh_record_table_set_init_func (self->amounts, init_flow_cb, NULL, NULL);
  section = sh_worksheet_section_new (_("How much of what"),
                                      _("Pick units from the list; energy in fuel units is converted by its calorific value. Measured flows make a balance you can trust."),
                                      table);
  gtk_widget_set_parent (section, GTK_WIDGET (self));

  sh_worksheet_watch (GTK_WIDGET (self), ctx, refresh);

  return GTK_WIDGET (self);
}

ShFlowLayer
sh_worksheet_flows_get_layer (ShWorksheetFlows *self)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_FLOWS (self), SH_FLOW_LAYER_MASS);

  return self->chart != NULL ? sh_chart_view_get_layer (self->chart) : SH_FLOW_LAYER_MASS;
}

void
sh_worksheet_flows_set_layer (ShWorksheetFlows *self,
                              ShFlowLayer       layer)
{
  g_return_if_fail (SH_IS_WORKSHEET_FLOWS (self));
  g_return_if_fail (layer < SH_FLOW_N_LAYERS);

  if (self->chart != NULL)
    sh_chart_view_set_layer (self->chart, layer);
}

gboolean
sh_worksheet_flows_select_flow (ShWorksheetFlows *self,
                                gint64            flow_id)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_FLOWS (self), FALSE);

  for (guint i = 0; i < sh_record_table_get_n_rows (self->table); i++)
    {
      GtkWidget *cell;

      if (sh_record_table_get_row_id (self->table, i) != flow_id)
        continue;

      if (self->selected_flow != 0)
        highlight_row (self, self->selected_flow, FALSE);
      self->selected_flow = flow_id;
      highlight_row (self, flow_id, TRUE);

      /* Focusing the substance scrolls the page to the row. */
      cell = sh_record_table_get_cell (self->table, i, "substance");
      if (cell != NULL)
        gtk_widget_grab_focus (SH_IS_FIELD_ENTRY (cell) ? sh_field_entry_get_input (SH_FIELD_ENTRY (cell)) : cell);

      return TRUE;
    }

  return FALSE;
}

gint64
sh_worksheet_flows_get_selected_flow (ShWorksheetFlows *self)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_FLOWS (self), 0);

  return self->selected_flow;
}

guint
sh_worksheet_flows_get_n_warnings (ShWorksheetFlows *self)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_FLOWS (self), 0);

  return self->n_warnings;
}

const char *
sh_worksheet_flows_get_closure_text (ShWorksheetFlows *self,
                                     gint64            step_id,
                                     ShFlowLayer       layer)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_FLOWS (self), NULL);

  for (guint i = 0; i < self->closures->len; i++)
    {
      Closure *closure = self->closures->pdata[i];

      if (closure->step_id == step_id && closure->layer == layer)
        return closure->closure;
    }

  return NULL;
}

gboolean
sh_worksheet_flows_select_step (ShWorksheetFlows *self,
                                gint64            step_id)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_FLOWS (self), FALSE);

  if (self->step_drop_down == NULL)
    return FALSE;

  for (guint i = 0; i < self->step_ids->len; i++)
    if (g_array_index (self->step_ids, gint64, i) == step_id)
      {
        gtk_drop_down_set_selected (self->step_drop_down, i);
        return TRUE;
      }

  return FALSE;
}

gint64
sh_worksheet_flows_get_step (ShWorksheetFlows *self)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_FLOWS (self), 0);

  return self->step_id;
}

gint64
sh_worksheet_flows_add_step_flow (ShWorksheetFlows  *self,
                                  gboolean           output,
                                  GError           **error)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_FLOWS (self), 0);
  g_return_val_if_fail (self->step_drop_down != NULL, 0);

  return add_step_flow (self, output, error);
}

guint
sh_worksheet_flows_get_step_n_flows (ShWorksheetFlows *self)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_FLOWS (self), 0);

  return self->n_step_flows;
}

const char *
sh_worksheet_flows_get_step_closure_text (ShWorksheetFlows *self,
                                          ShFlowLayer       layer)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_FLOWS (self), NULL);

  for (guint i = 0; i < self->step_closures->len; i++)
    {
      Closure *closure = self->step_closures->pdata[i];

      if (closure->layer == layer)
        return closure->closure;
    }

  return NULL;
}

const char *
sh_worksheet_flows_get_step_warning (ShWorksheetFlows *self)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_FLOWS (self), NULL);

  if (self->step_warning_label == NULL || !gtk_widget_get_visible (self->step_warning_label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->step_warning_label));
}
