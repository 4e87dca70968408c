/* sh-cli-basic.c — demo, facilities, assessments and show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sh-cli.h"
#include "sh-demo.h"
#include "sh-format.h"
#include "sh-summary.h"
#include "sh-units.h"

/* -------------------------------------------------------------------------
 * demo
 * ------------------------------------------------------------------------- */

int
sh_cli_command_demo (ShCli *cli,
              int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!sh_cli_parse_options ("demo", "", NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sh_cli_usage_error ("demo", _("This command takes no arguments."));

  if (!sh_cli_open_store (cli, &error) || !sh_demo_ensure (cli->store, &error))
    return sh_cli_fail (error);

  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, sh_demo_cassava_assessment (cli->store));

    g_print (_("Demo data is in %s (detailed assessment %s).\n"), sh_store_get_path (cli->store), number);
  }
  return EXIT_SUCCESS;
}

/* -------------------------------------------------------------------------
 * facilities
 * ------------------------------------------------------------------------- */

int
sh_cli_command_facilities (ShCli *cli,
                    int    argc,
                    char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) facilities = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  int status = 0;

  if (!sh_cli_parse_options ("facilities", "", NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sh_cli_usage_error ("facilities", _("This command takes no arguments."));

  if (!sh_cli_open_store (cli, &error) ||
      !(facilities = sh_store_list (cli->store, "facility", NULL, 0, &error)))
    return sh_cli_fail (error);

  sh_cli_print_cell_right (line, _("ID"), 4);
  sh_cli_print_cell (line, _("Name"), 44);
  sh_cli_print_cell (line, _("Province"), 8);
  sh_cli_print_cell (line, _("Sector"), 16);
  sh_cli_print_cell (line, _("Size"), 7);
  sh_cli_print_line (line);

  for (guint i = 0; i < facilities->len; i++)
    {
      ShRecord *f = facilities->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sh_record_get_id (f));

      sh_cli_print_cell_right (line, id, 4);
      sh_cli_print_cell (line, sh_record_get_string (f, "name"), 44);
      sh_cli_print_cell (line, sh_record_get_string (f, "province_code"), 8);
      sh_cli_print_cell (line, sh_record_get_string (f, "sector_code"), 16);
      sh_cli_print_cell (line, sh_record_get_string (f, "size_class"), 7);
      sh_cli_print_line (line);
    }

  return EXIT_SUCCESS;
}

/* -------------------------------------------------------------------------
 * assessments
 * ------------------------------------------------------------------------- */

int
sh_cli_command_assessments (ShCli *cli,
                     int    argc,
                     char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *facility_text = NULL;
  GOptionEntry entries[] = {
    { "facility", 'f', 0, G_OPTION_ARG_STRING, &facility_text,
      N_("Only the assessments of this facility"), N_("ID") },
    { NULL }
  };
  gint64 facility = 0;
  int status = 0;

  if (!sh_cli_parse_options ("assessments", "", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sh_cli_usage_error ("assessments", _("This command takes no arguments."));
  if (facility_text != NULL && !sh_cli_parse_id ("assessments", facility_text, &facility, &status))
    return status;

  if (!sh_cli_open_store (cli, &error))
    return sh_cli_fail (error);

  if (facility != 0)
    {
      g_autoptr(ShRecord) row = sh_store_get (cli->store, "facility", facility, &error);

      if (row == NULL)
        return sh_cli_fail (error);
      assessments = sh_store_list (cli->store, "assessment", "facility_id", facility, &error);
    }
  else
    {
      assessments = sh_store_list (cli->store, "assessment", NULL, 0, &error);
    }
  if (assessments == NULL)
    return sh_cli_fail (error);

  sh_cli_print_cell_right (line, _("ID"), 4);
  sh_cli_print_cell_right (line, _("Facility"), 8);
  sh_cli_print_cell (line, _("Kind"), 10);
  sh_cli_print_cell (line, _("Status"), 10);
  sh_cli_print_cell (line, _("Start"), 10);
  sh_cli_print_cell (line, _("End"), 10);
  sh_cli_print_cell (line, _("Title"), 50);
  sh_cli_print_line (line);

  for (guint i = 0; i < assessments->len; i++)
    {
      ShRecord *a = assessments->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sh_record_get_id (a));
      g_autofree char *fid = g_strdup_printf ("%" G_GINT64_FORMAT, sh_record_get_int (a, "facility_id", 0));
      g_autofree char *start = sh_format_date (sh_record_get_string (a, "start_date"));
      g_autofree char *end = sh_format_date (sh_record_get_string (a, "end_date"));

      sh_cli_print_cell_right (line, id, 4);
      sh_cli_print_cell_right (line, fid, 8);
      sh_cli_print_cell (line, sh_cli_kind_label (sh_record_get_string (a, "kind")), 10);
      sh_cli_print_cell (line, sh_cli_status_label (sh_record_get_string (a, "status")), 10);
      sh_cli_print_cell (line, start, 10);
      sh_cli_print_cell (line, end, 10);
      sh_cli_print_cell (line, sh_record_get_string (a, "title"), 50);
      sh_cli_print_line (line);
    }

  return EXIT_SUCCESS;
}

/* -------------------------------------------------------------------------
 * show
 * ------------------------------------------------------------------------- */

static const char *
target_label (ShCalcTargetStatus status)
{
  switch (status)
    {
    case SH_CALC_TARGET_BELOW:
      return _("not met");
    case SH_CALC_TARGET_WITHIN:
      return _("met");
    case SH_CALC_TARGET_ABOVE:
      return _("exceeded");
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
layer_label (ShFlowLayer layer)
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

/* Enough decimals to show a specific consumption like 3,78 or 0,045. */
static char *
format_sc (double value)
{
  int decimals = value >= 100 ? 1 : value >= 1 ? 2 : 3;

  return sh_format_number (value, decimals, SH_NUMBER_STYLE_VI);
}

static char *
format_vnd_short (gint64 amount)
{
  /* Millions of đồng keep the option table readable. */
  g_autofree char *millions = sh_format_number ((double) amount / 1e6, 1, SH_NUMBER_STYLE_VI);

  return g_strdup_printf (_("%s M"), millions);
}

static void
show_resources (ShSummary *summary)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *band_min = sh_format_number (summary->target_min_percent, 0, SH_NUMBER_STYLE_VI);
  g_autofree char *band_max = sh_format_number (summary->target_max_percent, 0, SH_NUMBER_STYLE_VI);
  g_autofree char *target = g_strdup_printf (_("Target %s–%s%%"), band_min, band_max);

  g_print ("\n%s\n", _("Specific consumption per unit of product"));
  sh_cli_print_cell (line, _("Resource"), 22);
  sh_cli_print_cell (line, _("Unit"), 8);
  sh_cli_print_cell_right (line, _("Baseline"), 10);
  sh_cli_print_cell_right (line, _("After"), 10);
  sh_cli_print_cell_right (line, _("Saving"), 8);
  sh_cli_print_cell (line, target, 14);
  sh_cli_print_line (line);

  for (guint i = 0; i < summary->resources->len; i++)
    {
      ShSummaryResource *r = summary->resources->pdata[i];
      g_autofree char *unit = g_strdup_printf ("%s/%s", r->unit, r->output_unit ? r->output_unit : "?");
      g_autofree char *base = r->has_baseline ? format_sc (r->baseline_sc) : g_strdup ("—");
      g_autofree char *after = r->has_after ? format_sc (r->after_sc) : g_strdup ("—");
      g_autofree char *saving = r->has_saving ? sh_format_percent (r->saving_percent, 1, SH_NUMBER_STYLE_VI)
                                              : g_strdup ("—");

      sh_cli_print_cell (line, r->resource_name ? r->resource_name : r->resource_code, 22);
      sh_cli_print_cell (line, unit, 8);
      sh_cli_print_cell_right (line, base, 10);
      sh_cli_print_cell_right (line, after, 10);
      sh_cli_print_cell_right (line, saving, 8);
      sh_cli_print_cell (line, r->has_saving ? target_label (r->target) : "—", 14);
      sh_cli_print_line (line);
    }
}

static void
show_options (ShSummary *summary)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *investment = sh_format_vnd (summary->total_investment_vnd);
  g_autofree char *benefit = sh_format_vnd (summary->total_benefit_vnd);

  g_print ("\n%s\n", _("Cleaner-production options (amounts in millions of đồng)"));
  sh_cli_print_cell (line, _("Code"), 5);
  sh_cli_print_cell (line, _("Cat."), 4);
  sh_cli_print_cell (line, _("Title"), 34);
  sh_cli_print_cell (line, _("Status"), 11);
  sh_cli_print_cell_right (line, _("Investment"), 10);
  sh_cli_print_cell_right (line, _("Benefit/yr"), 10);
  sh_cli_print_cell_right (line, _("Payback"), 7);
  sh_cli_print_cell_right (line, _("NPV"), 10);
  sh_cli_print_cell_right (line, _("IRR"), 7);
  sh_cli_print_cell_right (line, _("B/C"), 5);
  sh_cli_print_cell_right (line, _("Rank"), 4);
  sh_cli_print_line (line);

  for (guint i = 0; i < summary->options->len; i++)
    {
      ShSummaryOption *o = summary->options->pdata[i];
      g_autofree char *inv = format_vnd_short (o->investment_vnd);
      g_autofree char *ben = format_vnd_short (o->annual_benefit_vnd);
      g_autofree char *pb = NULL;
      g_autofree char *npv = o->has_npv ? format_vnd_short (o->npv_vnd) : g_strdup ("—");
      g_autofree char *irr = o->has_irr ? sh_format_percent (o->irr * 100, 1, SH_NUMBER_STYLE_VI)
                                        : g_strdup ("—");
      g_autofree char *bc = o->has_bc ? sh_format_number (o->bc_ratio, 2, SH_NUMBER_STYLE_VI)
                                      : g_strdup ("—");
      g_autofree char *rank = o->has_rank ? g_strdup_printf ("%u", o->rank) : g_strdup ("—");

      if (o->has_payback)
        {
          g_autofree char *years = sh_format_number (o->payback_years, 1, SH_NUMBER_STYLE_VI);

          /* TRANSLATORS: payback in years, abbreviated */
          pb = g_strdup_printf (_("%s y"), years);
        }
      else
        pb = g_strdup ("—");

      sh_cli_print_cell (line, o->code, 5);
      sh_cli_print_cell (line, o->category, 4);
      sh_cli_print_cell (line, o->title, 34);
      sh_cli_print_cell (line, sh_cli_option_status_label (o->status), 11);
      sh_cli_print_cell_right (line, inv, 10);
      sh_cli_print_cell_right (line, ben, 10);
      sh_cli_print_cell_right (line, pb, 7);
      sh_cli_print_cell_right (line, npv, 10);
      sh_cli_print_cell_right (line, irr, 7);
      sh_cli_print_cell_right (line, bc, 5);
      sh_cli_print_cell_right (line, rank, 4);
      sh_cli_print_line (line);
    }

  g_print (_("Total of options not rejected: investment %s, net benefit %s per year.\n"),
           investment, benefit);

  for (guint i = 0; i < summary->options->len; i++)
    {
      ShSummaryOption *o = summary->options->pdata[i];

      if (o->irr_note != NULL)
        g_print (_("%s: no IRR — %s\n"), o->code ? o->code : o->title, o->irr_note);
    }
}

static void
show_balances (ShSummary *summary)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *tolerance = sh_format_percent (summary->tolerance_percent, 0, SH_NUMBER_STYLE_VI);
  g_autofree char *status = g_strdup_printf (_("Within %s"), tolerance);

  g_print ("\n%s\n", _("Balance closure per step (baseline)"));
  sh_cli_print_cell (line, _("Step"), 24);
  sh_cli_print_cell (line, _("Layer"), 9);
  sh_cli_print_cell_right (line, _("In"), 14);
  sh_cli_print_cell_right (line, _("Out"), 14);
  sh_cli_print_cell_right (line, _("Difference"), 12);
  sh_cli_print_cell_right (line, _("Closure"), 8);
  sh_cli_print_cell (line, status, 12);
  sh_cli_print_line (line);

  for (guint i = 0; i < summary->balances->len; i++)
    {
      ShSummaryBalance *b = summary->balances->pdata[i];
      g_autofree char *in_n = sh_format_number (b->balance.total_in, 0, SH_NUMBER_STYLE_VI);
      g_autofree char *out_n = sh_format_number (b->balance.total_out, 0, SH_NUMBER_STYLE_VI);
      g_autofree char *diff_n = sh_format_number (b->balance.difference, 0, SH_NUMBER_STYLE_VI);
      g_autofree char *in = g_strdup_printf ("%s %s", in_n, b->unit);
      g_autofree char *out = g_strdup_printf ("%s %s", out_n, b->unit);
      g_autofree char *closure = sh_format_percent (b->balance.closure_percent, 1, SH_NUMBER_STYLE_VI);

      sh_cli_print_cell (line, b->step_name, 24);
      sh_cli_print_cell (line, layer_label (b->layer), 9);
      sh_cli_print_cell_right (line, in, 14);
      sh_cli_print_cell_right (line, out, 14);
      sh_cli_print_cell_right (line, diff_n, 12);
      sh_cli_print_cell_right (line, closure, 8);
      sh_cli_print_cell (line, b->within_tolerance ? _("yes") : _("NO — check"), 12);
      sh_cli_print_line (line);
    }
}

int
sh_cli_command_show (ShCli *cli,
              int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShSummary) summary = NULL;
  g_autofree char *waste = NULL;
  gint64 id = 0;
  int status = 0;

  if (!sh_cli_parse_options ("show", _("ASSESSMENT"), NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sh_cli_usage_error ("show", _("Give one assessment number (see “sachhon-cli assessments”)."));
  if (!sh_cli_parse_id ("show", argv[1], &id, &status))
    return status;

  if (!sh_cli_open_store (cli, &error))
    return sh_cli_fail (error);

  summary = sh_summary_compute (cli->store, sh_units_get_default (), id, &error);
  if (summary == NULL)
    return sh_cli_fail (error);

  g_print ("%s\n", summary->title ? summary->title : "");
  g_print (_("Facility: %s\n"), summary->facility_name);
  g_print (_("Kind: %s · Status: %s · Product: %s\n"), sh_cli_kind_label (summary->kind),
           sh_cli_status_label (summary->status), summary->product ? summary->product : "—");

  show_resources (summary);
  show_options (summary);
  show_balances (summary);

  waste = sh_format_vnd (summary->total_waste_cost_vnd);
  g_print ("\n");
  g_print (_("Cost of waste streams: %s per year.\n"), waste);

  if (summary->notes->len > 0)
    {
      g_print ("\n%s\n", _("Notes"));
      for (guint i = 0; i < summary->notes->len; i++)
        g_print ("- %s\n", (const char *) summary->notes->pdata[i]);
    }

  return EXIT_SUCCESS;
}

