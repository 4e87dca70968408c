/* sh-worksheet-economics.c — W13: economic feasibility of the options.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-format.h"
#include "sh-summary.h"
#include "sh-worksheet-economics.h"
#include "sh-worksheet-util.h"

enum
{
  FIGURE_INVESTMENT,
  FIGURE_BENEFIT,
  FIGURE_PAYBACK,
  FIGURE_NPV,
  FIGURE_IRR,
  FIGURE_BC,
  N_FIGURES
};

static const char * const figure_names[N_FIGURES] = {
  "investment", "benefit", "payback", "npv", "irr", "bc",
};

struct _ShWorksheetEconomics
{
  GtkWidget      parent_instance;

  ShEditContext *ctx;
  gboolean       quick;
  gint64         option_id;

  GtkWidget     *picker;
  GtkWidget     *detail_box;
  GtkWidget     *overview_box;
  GtkWidget     *verdict_label;
  GtkLabel      *figures[N_FIGURES];
  char          *figure_texts[N_FIGURES];
};

G_DEFINE_FINAL_TYPE (ShWorksheetEconomics, sh_worksheet_economics, GTK_TYPE_WIDGET)

static const ShChoice decision_choices[] = {
  { "accept", N_("Accept"), NULL },
  { "reject", N_("Reject"), NULL },
};

static const ShColumnSpec investment_columns[] = {
  { .column = "item", .title = N_("Item"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_investment,
    .n_choices = G_N_ELEMENTS (sh_choices_investment), .default_text = "equipment" },
  { .column = "amount_vnd", .title = N_("Amount"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_MONEY,
    .default_text = "0" },
  { .column = "note", .title = N_("Note"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE },
};

static const ShColumnSpec saving_columns[] = {
  { .column = "resource_code", .title = N_("Resource"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_resource, .n_choices = G_N_ELEMENTS (sh_choices_resource),
    .default_text = "water" },
  { .column = "quantity", .title = N_("Saved per year"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_NUMBER, .default_text = "0" },
  { .column = "unit", .title = N_("Unit"), .type = SH_COLUMN_CHOICE, .unit_dimension = "",
    .default_text = "m3" },
  { .column = "unit_price_vnd", .title = N_("Unit price"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_MONEY, .default_text = "0" },
};

static char *
format_payback (double years)
{
  g_autofree char *number = NULL;

  if (years < 1)
    {
      number = sh_worksheet_format_decimal (years * 12, 1);
      /* Translators: a payback period shorter than a year. */
      return g_strdup_printf (_("%s months"), number);
    }

  number = sh_worksheet_format_decimal (years, 1);
  /* Translators: a payback period in years, e.g. "1,4 years". */
  return g_strdup_printf (_("%s years"), number);
}

static void
set_figure (ShWorksheetEconomics *self,
            guint                 figure,
            char                 *text)
{
  g_free (self->figure_texts[figure]);
  self->figure_texts[figure] = text;
  if (self->figures[figure] != NULL)
    gtk_label_set_text (self->figures[figure], text != NULL ? text : "—");
}

static void
show_figures (ShWorksheetEconomics  *self,
              const ShSummaryOption *o)
{
  const char *verdict = NULL;
  const char *state = NULL;

  if (o == NULL)
    {
      for (guint i = 0; i < N_FIGURES; i++)
        set_figure (self, i, NULL);
      gtk_widget_set_visible (self->verdict_label, FALSE);
      return;
    }

  set_figure (self, FIGURE_INVESTMENT, sh_format_vnd (o->investment_vnd));
  set_figure (self, FIGURE_BENEFIT, sh_format_vnd (o->annual_benefit_vnd));
  if (o->has_payback)
    set_figure (self, FIGURE_PAYBACK, format_payback (o->payback_years));
  else if (o->investment_vnd > 0 || o->annual_benefit_vnd != 0)
    set_figure (self, FIGURE_PAYBACK, g_strdup (_("never")));
  else
    set_figure (self, FIGURE_PAYBACK, NULL);
  set_figure (self, FIGURE_NPV, o->has_npv ? sh_format_vnd (o->npv_vnd) : NULL);
  set_figure (self, FIGURE_IRR, o->has_irr ? sh_worksheet_format_percent (o->irr * 100) : NULL);
  set_figure (self, FIGURE_BC, o->has_bc ? sh_format_number (o->bc_ratio, 2, SH_NUMBER_STYLE_VI) : NULL);
  if (self->figures[FIGURE_IRR] != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->figures[FIGURE_IRR]), o->irr_note);

  if (!o->has_payback && o->investment_vnd == 0 && o->annual_benefit_vnd == 0)
    verdict = _("Enter the investment and the savings to see whether the option pays.");
  else if (!o->has_payback)
    {
      verdict = _("The option never pays back: its yearly benefit is zero or less.");
      state = "bad";
    }
  else if (self->quick)
    {
      if (o->payback_years < 1)
        verdict = _("Pays back within a year: a quick win."), state = "good";
      else if (o->payback_years <= 3)
        verdict = _("Pays back within three years: acceptable for a small enterprise."), state = "warning";
      else
        verdict = _("Pays back in more than three years: study it in a detailed assessment."), state = "bad";
    }
  else if (o->has_npv && o->npv_vnd > 0)
    verdict = _("Economically feasible: the net present value is positive."), state = "good";
  else if (o->has_npv)
    verdict = _("Not feasible at this discount rate: the net present value is negative."), state = "bad";

  gtk_label_set_text (GTK_LABEL (self->verdict_label), verdict);
  sh_worksheet_set_state_class (self->verdict_label, state);
  gtk_widget_set_visible (self->verdict_label, verdict != NULL);
}

static void
overview_row (GtkWidget          *grid,
              int                 row,
              const char * const *texts,
              guint               n,
              gboolean            is_header)
{
  for (guint c = 0; c < n; c++)
    {
      GtkWidget *label = gtk_label_new (texts[c] != NULL ? texts[c] : "—");

      gtk_label_set_xalign (GTK_LABEL (label), c > 0 ? 1 : 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      if (c == 0)
        gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      if (is_header)
        gtk_widget_add_css_class (label, "column-header");
      else
        {
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          if (c > 0)
            gtk_widget_add_css_class (label, "numeric");
        }
      gtk_grid_attach (GTK_GRID (grid), label, c, row, 1, 1);
    }
}

static void
refresh (GtkWidget *widget)
{
  ShWorksheetEconomics *self = SH_WORKSHEET_ECONOMICS (widget);
  g_autoptr(ShSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  const ShSummaryOption *current = NULL;
  GtkWidget *child;
  GtkWidget *grid;

  while ((child = gtk_widget_get_first_child (self->overview_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->overview_box), child);

  summary = sh_summary_compute (sh_edit_context_get_store (self->ctx), sh_units_get_default (),
                                sh_edit_context_get_assessment_id (self->ctx), &error);
  if (summary == NULL)
    {
      show_figures (self, NULL);
      gtk_box_append (GTK_BOX (self->overview_box), sh_worksheet_note_new (error->message));
      return;
    }

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "comparison");

  if (self->quick)
    {
      const char *titles[] = { _("Quick win"), _("Cost"), _("Saving per year"), _("Payback") };

      overview_row (grid, 0, titles, G_N_ELEMENTS (titles), TRUE);
    }
  else
    {
      const char *titles[] = {
        _("Option"), _("Investment"), _("Net benefit per year"), _("Payback"), _("NPV"), _("IRR"), _("B/C"),
      };

      overview_row (grid, 0, titles, G_N_ELEMENTS (titles), TRUE);
    }

  for (guint i = 0; i < summary->options->len; i++)
    {
      ShSummaryOption *o = summary->options->pdata[i];
      g_autofree char *name = o->code != NULL ? g_strdup_printf (_("%s · %s"), o->code, o->title)
                                              : g_strdup (o->title);
      g_autofree char *investment = sh_format_vnd (o->investment_vnd);
      g_autofree char *benefit = sh_format_vnd (o->annual_benefit_vnd);
      g_autofree char *payback = o->has_payback ? format_payback (o->payback_years) : NULL;
      g_autofree char *npv = o->has_npv ? sh_format_vnd (o->npv_vnd) : NULL;
      g_autofree char *irr = o->has_irr ? sh_worksheet_format_percent (o->irr * 100) : NULL;
      g_autofree char *bc = o->has_bc ? sh_format_number (o->bc_ratio, 2, SH_NUMBER_STYLE_VI) : NULL;
      const char *texts[] = { name, investment, benefit, payback, npv, irr, bc };

      if (o->option_id == self->option_id)
        current = o;
      overview_row (grid, i + 1, texts, self->quick ? 4 : G_N_ELEMENTS (texts), FALSE);
    }

  if (summary->options->len > 0)
    gtk_box_append (GTK_BOX (self->overview_box), grid);
  else
    {
      g_object_ref_sink (grid);
      g_object_unref (grid);
      gtk_box_append (GTK_BOX (self->overview_box),
                      sh_worksheet_note_new (self->quick ? _("No quick win is recorded yet.")
                                                         : _("No option is proposed yet (task 8).")));
    }

  if (!self->quick && summary->total_investment_vnd > 0)
    {
      g_autofree char *investment = sh_format_vnd (summary->total_investment_vnd);
      g_autofree char *benefit = sh_format_vnd (summary->total_benefit_vnd);
      /* Translators: totals over all options. */
      g_autofree char *text = g_strdup_printf (_("All options: %s invested for %s per year."),
                                               investment, benefit);

      gtk_box_append (GTK_BOX (self->overview_box), sh_worksheet_note_new (text));
    }

  show_figures (self, current);
}

static GtkWidget *
build_detail (ShWorksheetEconomics *self,
              gint64                option_id)
{
  ShEditContext *ctx = self->ctx;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *form = sh_worksheet_form_new ();
  GtkWidget *table;
  GtkWidget *entry;

  table = sh_worksheet_record_table_new (ctx, "option_investment", "option_id", option_id,
                                         investment_columns, G_N_ELEMENTS (investment_columns));
  sh_record_table_set_empty_text (SH_RECORD_TABLE (table),
                                  self->quick ? _("No cost recorded: add one, or set the cost class to “no cost”.")
                                              : _("No investment recorded yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (table), self->quick ? _("Add cost") : _("Add investment item"));
  gtk_box_append (GTK_BOX (box),
                  sh_worksheet_section_new (self->quick ? _("Cost") : _("Investment (vốn đầu tư)"),
                                            NULL, table));

  table = sh_worksheet_record_table_new (ctx, "option_saving", "option_id", option_id,
                                         saving_columns, G_N_ELEMENTS (saving_columns));
  sh_record_table_set_empty_text (SH_RECORD_TABLE (table), _("No saving recorded yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (table), _("Add saving"));
  gtk_box_append (GTK_BOX (box),
                  sh_worksheet_section_new (_("Savings per year, by resource"),
                                            _("Quantity saved per year times the price paid per unit."),
                                            table));

  if (self->quick)
    {
      GtkWidget *cost = sh_field_choice_new (ctx, "cp_option", option_id, "cost_class");

      sh_field_set_label (SH_FIELD (cost), _("Cost class"));
      sh_field_choice_set_list (SH_FIELD_CHOICE (cost), "cost_class", NULL);
      sh_field_choice_set_allow_none (SH_FIELD_CHOICE (cost), TRUE, NULL);
      gtk_widget_set_halign (cost, GTK_ALIGN_START);
      sh_worksheet_form_add (form, _("Cost class"), cost);
    }

  entry = sh_worksheet_entry_new (ctx, "cp_option", option_id, "avoided_cost_vnd", SH_FIELD_KIND_MONEY,
                                  _("Avoided treatment, disposal and fees per year"));
  sh_worksheet_form_add (form, _("Avoided treatment, disposal and fees per year"), entry);

  if (!self->quick)
    {
      GtkWidget *decision;

      entry = sh_worksheet_entry_new (ctx, "cp_option", option_id, "om_change_vnd", SH_FIELD_KIND_MONEY,
                                      _("Change in operating and maintenance cost per year"));
      sh_field_entry_set_allow_negative (SH_FIELD_ENTRY (entry), TRUE);
      sh_worksheet_form_add (form, _("Change in operating and maintenance cost per year"), entry);

      entry = sh_worksheet_entry_new (ctx, "cp_option", option_id, "life_years", SH_FIELD_KIND_INTEGER,
                                      _("Life (years)"));
      sh_field_entry_set_range (SH_FIELD_ENTRY (entry), 1, 100);
      sh_field_entry_set_placeholder (SH_FIELD_ENTRY (entry), _("as the assessment"));
      sh_worksheet_form_add (form, _("Life (years)"), entry);

      entry = sh_worksheet_entry_new (ctx, "cp_option", option_id, "discount_rate_pct", SH_FIELD_KIND_PERCENT,
                                      _("Discount rate (%)"));
      sh_field_entry_set_placeholder (SH_FIELD_ENTRY (entry), _("as the assessment"));
      sh_worksheet_form_add (form, _("Discount rate (%)"), entry);

      decision = sh_worksheet_choice_new (ctx, "cp_option", option_id, "econ_decision",
                                          decision_choices, G_N_ELEMENTS (decision_choices), _("Decision"));
      sh_field_choice_set_allow_none (SH_FIELD_CHOICE (decision), TRUE, NULL);
      sh_worksheet_form_add (form, _("Decision"), decision);
    }

  gtk_box_append (GTK_BOX (box), form);

  return box;
}

static void
show_option (ShWorksheetEconomics *self,
             gint64                option_id)
{
  GtkWidget *child;

  if (option_id == self->option_id && gtk_widget_get_first_child (self->detail_box) != NULL)
    return;

  self->option_id = option_id;
  while ((child = gtk_widget_get_first_child (self->detail_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->detail_box), child);

  if (option_id != 0)
    gtk_box_append (GTK_BOX (self->detail_box), build_detail (self, option_id));

  refresh (GTK_WIDGET (self));
}

static void
picker_notify_selected_cb (GtkDropDown          *picker,
                           GParamSpec           *pspec,
                           ShWorksheetEconomics *self)
{
  show_option (self, sh_worksheet_option_picker_get_option (GTK_WIDGET (picker)));
}

static void
sh_worksheet_economics_dispose (GObject *object)
{
  ShWorksheetEconomics *self = SH_WORKSHEET_ECONOMICS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  for (guint i = 0; i < N_FIGURES; i++)
    g_clear_pointer (&self->figure_texts[i], g_free);
  g_clear_object (&self->ctx);

  G_OBJECT_CLASS (sh_worksheet_economics_parent_class)->dispose (object);
}

static void
sh_worksheet_economics_class_init (ShWorksheetEconomicsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_worksheet_economics_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "worksheet");
}

static void
sh_worksheet_economics_init (ShWorksheetEconomics *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);
}

GtkWidget *
sh_worksheet_economics_new (ShEditContext *ctx,
                            gboolean       quick)
{
  ShWorksheetEconomics *self;
  GtkWidget *box;
  GtkWidget *metrics;
  GtkWidget *results;
  GtkWidget *section;
  const char *captions[N_FIGURES];

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);

  self = g_object_new (SH_TYPE_WORKSHEET_ECONOMICS, NULL);
  self->ctx = g_object_ref (ctx);
  self->quick = quick;

  captions[FIGURE_INVESTMENT] = quick ? _("Cost") : _("Investment");
  captions[FIGURE_BENEFIT] = quick ? _("Saving per year") : _("Net benefit per year");
  captions[FIGURE_PAYBACK] = _("Simple payback");
  captions[FIGURE_NPV] = _("Net present value (NPV)");
  captions[FIGURE_IRR] = _("Internal rate of return (IRR)");
  captions[FIGURE_BC] = _("Benefit/cost ratio (B/C)");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->picker = sh_worksheet_option_picker_new (ctx, quick ? _("Quick win to cost") : _("Option to analyse"));
  gtk_box_append (GTK_BOX (box), self->picker);
  section = sh_worksheet_section_new (quick ? _("Cost and saving of a quick win")
                                            : _("W13 · Economic feasibility (khả thi kinh tế)"),
                                      quick ? _("Pick a quick win, then enter what it costs and what it saves each year.")
                                            : _("Pick an option, then enter its investment and yearly savings. Payback = investment ÷ net annual benefit; NPV and IRR over the option's life."),
                                      box);
  gtk_widget_set_parent (section, GTK_WIDGET (self));

  results = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  metrics = sh_worksheet_metrics_new ();
  for (guint i = 0; i < N_FIGURES; i++)
    {
      if (quick && i > FIGURE_PAYBACK)
        break;
      sh_worksheet_metrics_add (metrics, sh_worksheet_metric_new (captions[i], &self->figures[i]));
    }
  self->verdict_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->verdict_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->verdict_label), TRUE);
  gtk_widget_add_css_class (self->verdict_label, "verdict");
  gtk_box_append (GTK_BOX (results), metrics);
  gtk_box_append (GTK_BOX (results), self->verdict_label);
  section = sh_worksheet_section_new (_("Result for this option"), NULL, results);
  gtk_widget_add_css_class (section, "card");
  gtk_widget_add_css_class (section, "live");
  gtk_widget_set_parent (section, GTK_WIDGET (self));

  /* The figures above, what they come from below. */
  self->detail_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->detail_box, GTK_WIDGET (self));

  self->overview_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  section = sh_worksheet_section_new (quick ? _("All quick wins") : _("All options"), NULL, self->overview_box);
  gtk_widget_set_parent (section, GTK_WIDGET (self));

  g_signal_connect_object (self->picker, "notify::selected",
                           G_CALLBACK (picker_notify_selected_cb), self, 0);
  show_option (self, sh_worksheet_option_picker_get_option (self->picker));
  sh_worksheet_watch (GTK_WIDGET (self), ctx, refresh);

  return GTK_WIDGET (self);
}

gint64
sh_worksheet_economics_get_option (ShWorksheetEconomics *self)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_ECONOMICS (self), 0);

  return self->option_id;
}

gboolean
sh_worksheet_economics_select_option (ShWorksheetEconomics *self,
                                      gint64                option_id)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_ECONOMICS (self), FALSE);

  if (!sh_worksheet_option_picker_select (self->picker, option_id))
    return FALSE;

  show_option (self, option_id);
  return TRUE;
}

const char *
sh_worksheet_economics_get_figure (ShWorksheetEconomics *self,
                                   const char           *name)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_ECONOMICS (self), NULL);

  for (guint i = 0; i < N_FIGURES; i++)
    {
      if (g_strcmp0 (figure_names[i], name) == 0)
        return self->figure_texts[i];
    }

  g_return_val_if_reached (NULL);
}
