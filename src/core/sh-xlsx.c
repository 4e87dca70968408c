/* sh-xlsx.c — an assessment as an Excel workbook, one sheet per worksheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <math.h>

#include <glib/gi18n.h>

#include "sh-choices.h"
#include "sh-format.h"
#include "sh-refdata.h"
#include "sh-summary.h"
#include "sh-xlsx-private.h"

#define LABEL(table, code) SH_CHOICE_LABEL ((table), (code))

static const char *
role_label (const char *role)
{
  if (g_strcmp0 (role, "leader") == 0)
    return C_("team role", "Leader");
  if (g_strcmp0 (role, "consultant") == 0)
    return C_("team role", "Consultant");
  return C_("team role", "Member");
}

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "quick") == 0)
    return _("Quick CP assessment");
  if (g_strcmp0 (kind, "follow_up") == 0)
    return _("Follow-up CP assessment");
  return _("Detailed CP assessment");
}

typedef struct
{
  ShStore     *store;
  ShXlsxBook  *book;
  ShRecord    *assessment;
  ShRecord    *facility;
  ShSummary   *summary;
  gint64       id;
  GHashTable  *steps;      /* id → name */
  GHashTable  *lists;      /* "list/code" → name in the program's language */
  GHashTable  *options;    /* id → code or title */
  GHashTable  *wastes;     /* id → name */
} Writer;

static void
load_list (Writer     *w,
           const char *list)
{
  g_autoptr(GPtrArray) values = sh_refdata_list_values (w->store, list, NULL);
  gboolean vi = sh_xlsx_is_vietnamese ();

  /* Reference data that cannot be read leaves the codes in the sheet. */
  if (values == NULL)
    return;

  for (guint i = 0; i < values->len; i++)
    {
      ShRecord *v = values->pdata[i];
      const char *name = sh_record_get_string (v, vi ? "name_vi" : "name_en");

      if (name == NULL || *name == '\0')
        name = sh_record_get_string (v, vi ? "name_en" : "name_vi");
      g_hash_table_insert (w->lists, g_strdup_printf ("%s/%s", list, sh_record_get_string (v, "code")),
                           g_strdup (name));
    }
}

static const char *
list_label (Writer     *w,
            const char *list,
            const char *code)
{
  g_autofree char *key = NULL;
  const char *name;

  if (code == NULL)
    return NULL;

  key = g_strdup_printf ("%s/%s", list, code);
  name = g_hash_table_lookup (w->lists, key);
  return name != NULL ? name : code;
}

static GPtrArray *
list_rows (Writer      *w,
           const char  *table,
           const char  *column,
           gint64       value,
           GError     **error)
{
  return sh_store_list (w->store, table, column, value, error);
}

static const char *
step_name (Writer         *w,
           const ShRecord *row,
           const char     *key)
{
  if (sh_record_is_null (row, key))
    return NULL;
  return g_hash_table_lookup (w->steps, GINT_TO_POINTER (sh_record_get_int (row, key, 0)));
}

static const char *
option_name (Writer         *w,
             const ShRecord *row,
             const char     *key)
{
  if (sh_record_is_null (row, key))
    return NULL;
  return g_hash_table_lookup (w->options, GINT_TO_POINTER (sh_record_get_int (row, key, 0)));
}

/* -------------------------------------------------------------------------
 * The sheets
 * ------------------------------------------------------------------------- */

static void
write_overview (Writer *w)
{
  const char *headers[] = { _("Item"), _("Value"), NULL };
  ShRecord *a = w->assessment;
  ShRecord *f = w->facility;
  ShXlsxSheet s;
  struct
  {
    const char     *label;
    const ShRecord *record;
    const char     *key;
    ShXlsxFormat    format;
  } fields[] = {
    { N_("Facility"), f, "name", SH_XLSX_FORMAT_TEXT },
    { N_("Tax code"), f, "tax_code", SH_XLSX_FORMAT_TEXT },
    { N_("Address"), f, "address", SH_XLSX_FORMAT_TEXT },
    { N_("District"), f, "district", SH_XLSX_FORMAT_TEXT },
    { N_("Province code"), f, "province_code", SH_XLSX_FORMAT_TEXT },
    { N_("VSIC code"), f, "vsic_code", SH_XLSX_FORMAT_TEXT },
    { N_("Legal representative"), f, "legal_representative", SH_XLSX_FORMAT_TEXT },
    { N_("Employees"), f, "employees", SH_XLSX_FORMAT_INTEGER },
    { N_("Capital (đồng)"), f, "capital_vnd", SH_XLSX_FORMAT_MONEY },
    { N_("Revenue (đồng)"), f, "revenue_vnd", SH_XLSX_FORMAT_MONEY },
    { N_("Operating days per year"), f, "operating_days", SH_XLSX_FORMAT_INTEGER },
    { N_("Shifts per day"), f, "shifts_per_day", SH_XLSX_FORMAT_INTEGER },
    { N_("Assessment"), a, "title", SH_XLSX_FORMAT_TEXT },
    { N_("Start"), a, "start_date", SH_XLSX_FORMAT_DATE },
    { N_("End"), a, "end_date", SH_XLSX_FORMAT_DATE },
    { N_("Days on site"), a, "site_days", SH_XLSX_FORMAT_INTEGER },
    { N_("Scope"), a, "scope", SH_XLSX_FORMAT_TEXT },
    { N_("Baseline from"), a, "baseline_from", SH_XLSX_FORMAT_DATE },
    { N_("Baseline to"), a, "baseline_to", SH_XLSX_FORMAT_DATE },
    { N_("Operating regime"), a, "operating_regime", SH_XLSX_FORMAT_TEXT },
    { N_("Proposed focus"), a, "proposed_focus", SH_XLSX_FORMAT_TEXT },
    { N_("Focus"), a, "focus", SH_XLSX_FORMAT_TEXT },
    { N_("Recommendation"), a, "recommendation", SH_XLSX_FORMAT_TEXT },
    /* W18 */
    { N_("Procedures (SOPs) updated"), a, "sustain_sops", SH_XLSX_FORMAT_TEXT },
    { N_("Training done"), a, "sustain_training", SH_XLSX_FORMAT_TEXT },
    { N_("Indicators followed (KPIs)"), a, "sustain_kpis", SH_XLSX_FORMAT_TEXT },
    { N_("Next focus"), a, "next_focus", SH_XLSX_FORMAT_TEXT },
    { N_("Next review"), a, "next_review_date", SH_XLSX_FORMAT_DATE },
  };

  sh_xlsx_sheet_begin (&s, w->book, _("Assessment"), kind_label (sh_record_get_string (a, "kind")), headers);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (sh_record_is_null (fields[i].record, fields[i].key))
        continue;

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_text (&s, 0, _(fields[i].label));
      if (fields[i].format == SH_XLSX_FORMAT_TEXT)
        sh_xlsx_cell_field_text (&s, 1, fields[i].record, fields[i].key);
      else if (fields[i].format == SH_XLSX_FORMAT_DATE)
        sh_xlsx_cell_field_date (&s, 1, fields[i].record, fields[i].key);
      else
        sh_xlsx_cell_field_number (&s, 1, fields[i].record, fields[i].key, fields[i].format);
    }

  if (!sh_record_is_null (f, "size_class"))
    {
      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_text (&s, 0, _("Size"));
      sh_xlsx_cell_text (&s, 1, LABEL (sh_choices_size, sh_record_get_string (f, "size_class")));
    }
  if (!sh_record_is_null (a, "cp_potential_pct"))
    {
      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_text (&s, 0, _("CP potential"));
      sh_xlsx_cell_number (&s, 1, sh_record_get_double (a, "cp_potential_pct", 0) / 100, SH_XLSX_FORMAT_PERCENT);
    }
  sh_xlsx_sheet_next_row (&s);
  sh_xlsx_cell_text (&s, 0, _("Saving target band"));
  sh_xlsx_cell_number (&s, 1, w->summary->target_min_percent / 100, SH_XLSX_FORMAT_PERCENT);
  sh_xlsx_cell_number (&s, 2, w->summary->target_max_percent / 100, SH_XLSX_FORMAT_PERCENT);

  sh_xlsx_sheet_end (&s);
}

static gboolean
write_products (Writer  *w,
                GError **error)
{
  const char *headers[] = { _("Product"), _("Capacity"), _("Unit"), _("Annual output"), _("Unit"), NULL };
  g_autoptr(GPtrArray) rows = list_rows (w, "facility_product", "facility_id", sh_record_get_int (w->facility, "id", 0), error);
  ShXlsxSheet s;

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    return TRUE;

  sh_xlsx_sheet_begin (&s, w->book, _("Products"), _("Main products and capacity"), headers);
  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *r = rows->pdata[i];

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_field_text (&s, 0, r, "name");
      sh_xlsx_cell_field_number (&s, 1, r, "capacity", SH_XLSX_FORMAT_DECIMAL);
      sh_xlsx_cell_field_text (&s, 2, r, "capacity_unit");
      sh_xlsx_cell_field_number (&s, 3, r, "annual_output", SH_XLSX_FORMAT_DECIMAL);
      sh_xlsx_cell_unit (&s, 4, sh_record_get_string (r, "output_unit"));
    }
  sh_xlsx_sheet_end (&s);
  return TRUE;
}

static gboolean
write_team (Writer  *w,
            GError **error)
{
  const char *headers[] = { _("Name"), _("Position"), _("Department"), _("Role"), _("Phone"), _("Email"),
                            _("Responsibility"), NULL };
  g_autoptr(GPtrArray) rows = list_rows (w, "team_member", "facility_id", sh_record_get_int (w->facility, "id", 0), error);
  ShXlsxSheet s;

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    return TRUE;

  sh_xlsx_sheet_begin (&s, w->book, _("W1 Team"), _("W1 · CP team"), headers);
  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *r = rows->pdata[i];

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_field_text (&s, 0, r, "name");
      sh_xlsx_cell_field_text (&s, 1, r, "position");
      sh_xlsx_cell_field_text (&s, 2, r, "department");
      sh_xlsx_cell_text (&s, 3, role_label (sh_record_get_string (r, "role")));
      sh_xlsx_cell_field_text (&s, 4, r, "phone");
      sh_xlsx_cell_field_text (&s, 5, r, "email");
      sh_xlsx_cell_field_text (&s, 6, r, "responsibility");
    }
  sh_xlsx_sheet_end (&s);
  return TRUE;
}

static gboolean
write_steps (Writer     *w,
             GPtrArray  *steps,
             GError    **error)
{
  const char *headers[] = { _("No."), _("Step"), _("Description"), _("Parameters"), _("Equipment"), NULL };
  ShXlsxSheet s;

  if (steps->len == 0)
    return TRUE;

  sh_xlsx_sheet_begin (&s, w->book, _("W2 Process steps"), _("W2 · Process steps"), headers);
  for (guint i = 0; i < steps->len; i++)
    {
      ShRecord *r = steps->pdata[i];
      g_autoptr(GPtrArray) equipment = list_rows (w, "equipment", "step_id", sh_record_get_id (r), error);
      g_autoptr(GString) names = g_string_new (NULL);

      if (equipment == NULL)
        return FALSE;
      for (guint e = 0; e < equipment->len; e++)
        {
          ShRecord *item = equipment->pdata[e];

          if (names->len > 0)
            g_string_append (names, "; ");
          g_string_append (names, sh_record_get_string (item, "name"));
          if (!sh_record_is_null (item, "rated_kw"))
            {
              g_autofree char *kw = sh_format_number (sh_record_get_double (item, "rated_kw", 0), 1, SH_NUMBER_STYLE_VI);

              g_string_append_printf (names, " (%s kW)", kw);
            }
        }

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_number (&s, 0, i + 1, SH_XLSX_FORMAT_INTEGER);
      sh_xlsx_cell_field_text (&s, 1, r, "name");
      sh_xlsx_cell_field_text (&s, 2, r, "description");
      sh_xlsx_cell_field_text (&s, 3, r, "parameters");
      sh_xlsx_cell_text (&s, 4, names->str);
    }
  sh_xlsx_sheet_end (&s);
  return TRUE;
}

static gboolean
write_production (Writer  *w,
                  GError **error)
{
  const char *headers[] = { _("Phase"), _("Period"), _("From"), _("To"), _("Product"), _("Quantity"), _("Unit"),
                            _("Operating hours"), NULL };
  g_autoptr(GPtrArray) rows = list_rows (w, "production_record", "assessment_id", w->id, error);
  ShXlsxSheet s;

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    return TRUE;

  sh_xlsx_sheet_begin (&s, w->book, _("W3 Production"), _("W3 · Production"), headers);
  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *r = rows->pdata[i];

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_text (&s, 0, LABEL (sh_choices_phase, sh_record_get_string (r, "phase")));
      sh_xlsx_cell_field_text (&s, 1, r, "period_label");
      sh_xlsx_cell_field_date (&s, 2, r, "period_start");
      sh_xlsx_cell_field_date (&s, 3, r, "period_end");
      sh_xlsx_cell_field_text (&s, 4, r, "product");
      sh_xlsx_cell_field_number (&s, 5, r, "quantity", SH_XLSX_FORMAT_DECIMAL);
      sh_xlsx_cell_unit (&s, 6, sh_record_get_string (r, "unit"));
      sh_xlsx_cell_field_number (&s, 7, r, "operating_hours", SH_XLSX_FORMAT_DECIMAL);
    }
  sh_xlsx_sheet_end (&s);
  return TRUE;
}

static gboolean
write_consumption (Writer  *w,
                   GError **error)
{
  const char *headers[] = { _("Phase"), _("Period"), _("From"), _("To"), _("Resource"), _("Category"),
                            _("Quantity"), _("Unit"), _("Unit price (đồng)"), _("Cost (đồng)"),
                            _("Data source"), NULL };
  g_autoptr(GPtrArray) rows = list_rows (w, "resource_consumption", "assessment_id", w->id, error);
  ShXlsxSheet s;

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    return TRUE;

  sh_xlsx_sheet_begin (&s, w->book, _("W3 Consumption"), _("W3 · Consumption of resources"), headers);
  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *r = rows->pdata[i];
      const char *name = sh_record_get_string (r, "resource_name");

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_text (&s, 0, LABEL (sh_choices_phase, sh_record_get_string (r, "phase")));
      sh_xlsx_cell_field_text (&s, 1, r, "period_label");
      sh_xlsx_cell_field_date (&s, 2, r, "period_start");
      sh_xlsx_cell_field_date (&s, 3, r, "period_end");
      sh_xlsx_cell_text (&s, 4, name != NULL && *name != '\0' ? name : sh_record_get_string (r, "resource_code"));
      sh_xlsx_cell_text (&s, 5, LABEL (sh_choices_category, sh_record_get_string (r, "category")));
      sh_xlsx_cell_field_number (&s, 6, r, "quantity", SH_XLSX_FORMAT_DECIMAL);
      sh_xlsx_cell_unit (&s, 7, sh_record_get_string (r, "unit"));
      sh_xlsx_cell_field_money (&s, 8, r, "unit_price_vnd");
      if (!sh_record_is_null (r, "unit_price_vnd"))
        {
          /* Whole đồng, half away from zero, as everywhere. */
          double cost = sh_record_get_double (r, "quantity", 0) * sh_record_get_int (r, "unit_price_vnd", 0);

          sh_xlsx_cell_money (&s, 9, (gint64) round (cost));
        }
      if (!sh_record_is_null (r, "data_source"))
        sh_xlsx_cell_text (&s, 10, LABEL (sh_choices_data_source, sh_record_get_string (r, "data_source")));
    }
  sh_xlsx_sheet_end (&s);
  return TRUE;
}

static const char *
target_label (ShCalcTargetStatus status)
{
  switch (status)
    {
    case SH_CALC_TARGET_BELOW:
      return _("Below the target");
    case SH_CALC_TARGET_WITHIN:
      return _("Within the target");
    case SH_CALC_TARGET_ABOVE:
      return _("Above the target");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
write_specific_consumption (Writer *w)
{
  const char *headers[] = { _("Resource"), _("Unit"), _("Baseline consumption"), _("Baseline output"),
                            _("Baseline specific consumption"), _("After CP consumption"), _("After CP output"),
                            _("After CP specific consumption"), _("Saving"), _("Against the target"),
                            _("Baseline cost (đồng)"), NULL };
  ShXlsxSheet s;

  if (w->summary->resources->len == 0)
    return;

  sh_xlsx_sheet_begin (&s, w->book, _("Specific consumption"),
                       _("Specific consumption per unit of product, before and after CP"), headers);
  for (guint i = 0; i < w->summary->resources->len; i++)
    {
      const ShSummaryResource *r = w->summary->resources->pdata[i];
      g_autofree char *unit = sh_xlsx_unit_symbol (w->book, r->unit);
      g_autofree char *output = sh_xlsx_unit_symbol (w->book, r->output_unit);
      g_autofree char *per = g_strdup_printf ("%s/%s", unit, output);

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_text (&s, 0, r->resource_name != NULL ? r->resource_name : r->resource_code);
      sh_xlsx_cell_text (&s, 1, per);
      if (r->has_baseline)
        {
          sh_xlsx_cell_number (&s, 2, r->baseline_total, SH_XLSX_FORMAT_DECIMAL);
          sh_xlsx_cell_number (&s, 3, r->baseline_output, SH_XLSX_FORMAT_DECIMAL);
          sh_xlsx_cell_number (&s, 4, r->baseline_sc, SH_XLSX_FORMAT_PRECISE);
          sh_xlsx_cell_money (&s, 10, r->baseline_cost_vnd);
        }
      if (r->has_after)
        {
          sh_xlsx_cell_number (&s, 5, r->after_total, SH_XLSX_FORMAT_DECIMAL);
          sh_xlsx_cell_number (&s, 6, r->after_output, SH_XLSX_FORMAT_DECIMAL);
          sh_xlsx_cell_number (&s, 7, r->after_sc, SH_XLSX_FORMAT_PRECISE);
        }
      if (r->has_saving)
        {
          sh_xlsx_cell_number (&s, 8, r->saving_percent / 100, SH_XLSX_FORMAT_PERCENT);
          sh_xlsx_cell_text (&s, 9, target_label (r->target));
        }
    }
  sh_xlsx_sheet_end (&s);
}

static gboolean
write_waste_streams (Writer     *w,
                     GPtrArray  *rows,
                     GError    **error)
{
  const char *headers[] = { _("Waste stream"), _("Step"), _("Type"), _("Quantity"), _("Unit"),
                            _("Characteristics"), _("Handling"), _("Material lost (đồng/year)"),
                            _("Energy lost (đồng/year)"), _("Treatment (đồng/year)"), _("Fees (đồng/year)"),
                            _("Total cost (đồng/year)"), _("Significance"), _("Focus"), _("Why it is a focus"),
                            NULL };
  ShXlsxSheet s;

  if (rows->len == 0)
    return TRUE;

  sh_xlsx_sheet_begin (&s, w->book, _("W4, W8 Waste streams"), _("W4, W8 · Waste streams and their cost"), headers);
  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *r = rows->pdata[i];
      gint64 total = 0;
      const char *costs[] = { "material_loss_vnd", "energy_loss_vnd", "treatment_vnd", "fees_vnd" };

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_field_text (&s, 0, r, "name");
      sh_xlsx_cell_text (&s, 1, step_name (w, r, "step_id"));
      sh_xlsx_cell_text (&s, 2, list_label (w, "waste_type", sh_record_get_string (r, "type")));
      sh_xlsx_cell_field_number (&s, 3, r, "quantity", SH_XLSX_FORMAT_DECIMAL);
      sh_xlsx_cell_unit (&s, 4, sh_record_get_string (r, "unit"));
      sh_xlsx_cell_field_text (&s, 5, r, "characteristics");
      sh_xlsx_cell_field_text (&s, 6, r, "handling");
      for (guint c = 0; c < G_N_ELEMENTS (costs); c++)
        {
          sh_xlsx_cell_field_money (&s, 7 + c, r, costs[c]);
          total += sh_record_get_int (r, costs[c], 0);
        }
      sh_xlsx_cell_money (&s, 11, total);
      sh_xlsx_cell_field_number (&s, 12, r, "significance", SH_XLSX_FORMAT_INTEGER);
      sh_xlsx_cell_text (&s, 13, sh_record_get_boolean (r, "is_focus") ? _("Yes") : _("No"));
      sh_xlsx_cell_field_text (&s, 14, r, "focus_reason");
    }
  sh_xlsx_sheet_end (&s);
  return TRUE;
}

static gboolean
write_flows (Writer  *w,
             GError **error)
{
  const char *headers[] = { _("Phase"), _("From"), _("To"), _("Substance"), _("Kind"), _("Quantity"), _("Unit"),
                            _("Period"), _("Provenance"), _("Method"), _("Measured on"),
                            _("Cost per unit (đồng)"), NULL };
  g_autoptr(GPtrArray) rows = list_rows (w, "flow", "assessment_id", w->id, error);
  ShXlsxSheet s;

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    return TRUE;

  sh_xlsx_sheet_begin (&s, w->book, _("W5 Flows"), _("W5 · Flows between the process steps"), headers);
  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *r = rows->pdata[i];
      const char *from = step_name (w, r, "from_step_id");
      const char *to = step_name (w, r, "to_step_id");

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_text (&s, 0, LABEL (sh_choices_phase, sh_record_get_string (r, "phase")));
      sh_xlsx_cell_text (&s, 1, from != NULL ? from : sh_record_get_string (r, "from_label"));
      sh_xlsx_cell_text (&s, 2, to != NULL ? to : sh_record_get_string (r, "to_label"));
      sh_xlsx_cell_field_text (&s, 3, r, "substance");
      sh_xlsx_cell_text (&s, 4, LABEL (sh_choices_flow_kind, sh_record_get_string (r, "kind")));
      sh_xlsx_cell_field_number (&s, 5, r, "quantity", SH_XLSX_FORMAT_DECIMAL);
      sh_xlsx_cell_unit (&s, 6, sh_record_get_string (r, "unit"));
      sh_xlsx_cell_text (&s, 7, LABEL (sh_choices_flow_period, sh_record_get_string (r, "period")));
      sh_xlsx_cell_text (&s, 8, LABEL (sh_choices_provenance, sh_record_get_string (r, "provenance")));
      sh_xlsx_cell_field_text (&s, 9, r, "method");
      sh_xlsx_cell_field_date (&s, 10, r, "measured_on");
      sh_xlsx_cell_field_money (&s, 11, r, "cost_per_unit_vnd");
    }
  sh_xlsx_sheet_end (&s);
  return TRUE;
}

static const char *
layer_label (ShFlowLayer layer)
{
  switch (layer)
    {
    case SH_FLOW_LAYER_MASS:
      return _("Material balance");
    case SH_FLOW_LAYER_WATER:
      return _("Water balance");
    case SH_FLOW_LAYER_ENERGY:
    case SH_FLOW_N_LAYERS:
    default:
      return _("Energy balance");
    }
}

static void
write_balances (Writer *w)
{
  const char *headers[] = { _("Step"), _("Balance"), _("Unit"), _("Inputs"), _("Outputs"), _("Difference"),
                            _("Not accounted for"), _("Closes within the tolerance"), NULL };
  ShXlsxSheet s;

  if (w->summary->balances->len == 0)
    return;

  sh_xlsx_sheet_begin (&s, w->book, _("W6, W7 Balances"), _("W6, W7 · Material and energy balance per step"), headers);
  for (guint i = 0; i < w->summary->balances->len; i++)
    {
      const ShSummaryBalance *b = w->summary->balances->pdata[i];

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_text (&s, 0, b->step_name);
      sh_xlsx_cell_text (&s, 1, layer_label (b->layer));
      sh_xlsx_cell_unit (&s, 2, b->unit);
      sh_xlsx_cell_number (&s, 3, b->balance.total_in, SH_XLSX_FORMAT_DECIMAL);
      sh_xlsx_cell_number (&s, 4, b->balance.total_out, SH_XLSX_FORMAT_DECIMAL);
      sh_xlsx_cell_number (&s, 5, b->balance.difference, SH_XLSX_FORMAT_DECIMAL);
      sh_xlsx_cell_number (&s, 6, b->balance.closure_percent / 100, SH_XLSX_FORMAT_PERCENT);
      sh_xlsx_cell_text (&s, 7, b->within_tolerance ? _("Yes") : _("No"));
    }
  sh_xlsx_sheet_end (&s);
}

static gboolean
write_causes (Writer  *w,
              GError **error)
{
  const char *headers[] = { _("Waste stream"), _("Category"), _("Cause"), _("Evidence"), NULL };
  g_autoptr(GPtrArray) rows = list_rows (w, "cause", "assessment_id", w->id, error);
  ShXlsxSheet s;

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    return TRUE;

  sh_xlsx_sheet_begin (&s, w->book, _("W9 Causes"), _("W9 · Cause analysis"), headers);
  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *r = rows->pdata[i];

      sh_xlsx_sheet_next_row (&s);
      if (!sh_record_is_null (r, "waste_stream_id"))
        sh_xlsx_cell_text (&s, 0, g_hash_table_lookup (w->wastes, GINT_TO_POINTER (sh_record_get_int (r, "waste_stream_id", 0))));
      sh_xlsx_cell_text (&s, 1, list_label (w, "cause_category", sh_record_get_string (r, "category")));
      sh_xlsx_cell_field_text (&s, 2, r, "description");
      sh_xlsx_cell_field_text (&s, 3, r, "evidence");
    }
  sh_xlsx_sheet_end (&s);
  return TRUE;
}

static void
write_options (Writer    *w,
               GPtrArray *options)
{
  const char *headers[] = { _("Code"), _("Option"), _("Step"), _("Category"), _("Cost class"), _("Quick win"),
                            _("Screening"), _("Why"), _("Technical feasibility"), _("Status"),
                            _("Responsible"), _("Planned start"), _("Planned end"), _("Actual start"),
                            _("Actual end"), NULL };
  ShXlsxSheet s;

  if (options->len == 0)
    return;

  sh_xlsx_sheet_begin (&s, w->book, _("W10–W12 Options"), _("W10–W12 · CP options, screening and technical feasibility"), headers);
  for (guint i = 0; i < options->len; i++)
    {
      ShRecord *r = options->pdata[i];

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_field_text (&s, 0, r, "code");
      sh_xlsx_cell_field_text (&s, 1, r, "title");
      sh_xlsx_cell_text (&s, 2, step_name (w, r, "step_id"));
      sh_xlsx_cell_text (&s, 3, list_label (w, "option_category", sh_record_get_string (r, "category")));
      sh_xlsx_cell_text (&s, 4, list_label (w, "cost_class", sh_record_get_string (r, "cost_class")));
      sh_xlsx_cell_text (&s, 5, sh_record_get_boolean (r, "is_quick_win") ? _("Yes") : _("No"));
      sh_xlsx_cell_text (&s, 6, list_label (w, "screening", sh_record_get_string (r, "screening")));
      sh_xlsx_cell_field_text (&s, 7, r, "screening_reason");
      if (!sh_record_is_null (r, "tech_verdict"))
        sh_xlsx_cell_text (&s, 8, LABEL (sh_choices_verdict, sh_record_get_string (r, "tech_verdict")));
      sh_xlsx_cell_text (&s, 9, LABEL (sh_choices_option_status, sh_record_get_string (r, "status")));
      sh_xlsx_cell_field_text (&s, 10, r, "responsible");
      sh_xlsx_cell_field_date (&s, 11, r, "planned_start");
      sh_xlsx_cell_field_date (&s, 12, r, "planned_end");
      sh_xlsx_cell_field_date (&s, 13, r, "actual_start");
      sh_xlsx_cell_field_date (&s, 14, r, "actual_end");
    }
  sh_xlsx_sheet_end (&s);
}

/* A quick assessment's options: what they cost and save, at a glance. */
static void
write_quick_wins (Writer    *w,
                  GPtrArray *options)
{
  const char *headers[] = { _("Code"), _("Option"), _("Step"), _("Category"), _("Cost class"), _("Quick win"),
                            _("Screening"), _("Investment (đồng)"), _("Net annual benefit (đồng)"),
                            _("Payback (years)"), _("Status"), NULL };
  ShXlsxSheet s;

  if (options->len == 0)
    return;

  sh_xlsx_sheet_begin (&s, w->book, _("Quick wins"), _("Quick-win options"), headers);
  for (guint i = 0; i < options->len; i++)
    {
      ShRecord *r = options->pdata[i];
      const ShSummaryOption *o = NULL;

      for (guint j = 0; j < w->summary->options->len && o == NULL; j++)
        {
          const ShSummaryOption *candidate = w->summary->options->pdata[j];

          if (candidate->option_id == sh_record_get_id (r))
            o = candidate;
        }

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_field_text (&s, 0, r, "code");
      sh_xlsx_cell_field_text (&s, 1, r, "title");
      sh_xlsx_cell_text (&s, 2, step_name (w, r, "step_id"));
      sh_xlsx_cell_text (&s, 3, list_label (w, "option_category", sh_record_get_string (r, "category")));
      sh_xlsx_cell_text (&s, 4, list_label (w, "cost_class", sh_record_get_string (r, "cost_class")));
      sh_xlsx_cell_text (&s, 5, sh_record_get_boolean (r, "is_quick_win") ? _("Yes") : _("No"));
      sh_xlsx_cell_text (&s, 6, list_label (w, "screening", sh_record_get_string (r, "screening")));
      if (o != NULL)
        {
          sh_xlsx_cell_money (&s, 7, o->investment_vnd);
          sh_xlsx_cell_money (&s, 8, o->annual_benefit_vnd);
          if (o->has_payback)
            sh_xlsx_cell_number (&s, 9, o->payback_years, SH_XLSX_FORMAT_DECIMAL);
        }
      sh_xlsx_cell_text (&s, 10, LABEL (sh_choices_option_status, sh_record_get_string (r, "status")));
    }
  sh_xlsx_sheet_end (&s);
}

static void
write_economics (Writer *w)
{
  const char *headers[] = { _("Code"), _("Option"), _("Investment (đồng)"), _("Net annual benefit (đồng)"),
                            _("Life (years)"), _("Discount rate"), _("Payback (years)"), _("NPV (đồng)"),
                            _("IRR"), _("B/C"), _("Why there is no IRR"), NULL };
  ShXlsxSheet s;

  if (w->summary->options->len == 0)
    return;

  sh_xlsx_sheet_begin (&s, w->book, _("W13 Economics"), _("W13 · Economic feasibility"), headers);
  for (guint i = 0; i < w->summary->options->len; i++)
    {
      const ShSummaryOption *o = w->summary->options->pdata[i];

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_text (&s, 0, o->code);
      sh_xlsx_cell_text (&s, 1, o->title);
      sh_xlsx_cell_money (&s, 2, o->investment_vnd);
      sh_xlsx_cell_money (&s, 3, o->annual_benefit_vnd);
      sh_xlsx_cell_number (&s, 4, o->life_years, SH_XLSX_FORMAT_INTEGER);
      sh_xlsx_cell_number (&s, 5, o->discount_rate, SH_XLSX_FORMAT_PERCENT);
      if (o->has_payback)
        sh_xlsx_cell_number (&s, 6, o->payback_years, SH_XLSX_FORMAT_DECIMAL);
      if (o->has_npv)
        sh_xlsx_cell_money (&s, 7, o->npv_vnd);
      if (o->has_irr)
        sh_xlsx_cell_number (&s, 8, o->irr, SH_XLSX_FORMAT_PERCENT);
      if (o->has_bc)
        sh_xlsx_cell_number (&s, 9, o->bc_ratio, SH_XLSX_FORMAT_DECIMAL);
      sh_xlsx_cell_text (&s, 10, o->irr_note);
    }

  sh_xlsx_sheet_next_row (&s);
  sh_xlsx_cell_text (&s, 1, _("Total"));
  sh_xlsx_cell_money (&s, 2, w->summary->total_investment_vnd);
  sh_xlsx_cell_money (&s, 3, w->summary->total_benefit_vnd);
  sh_xlsx_sheet_end (&s);
}

/* W14: what each option takes off the environment, per year. */
static gboolean
write_environment (Writer     *w,
                   GPtrArray  *options,
                   GError    **error)
{
  const char *headers[] = { _("Code"), _("Option"), _("Indicator"), _("Reduction per year"), _("Unit"),
                            _("Notes (toxicity, safety, other media)"), NULL };
  ShXlsxSheet s;
  gboolean begun = FALSE;

  for (guint i = 0; i < options->len; i++)
    {
      ShRecord *o = options->pdata[i];
      g_autoptr(GPtrArray) effects = list_rows (w, "option_env_effect", "option_id", sh_record_get_id (o), error);

      if (effects == NULL)
        {
          if (begun)
            sh_xlsx_sheet_end (&s);
          return FALSE;
        }

      for (guint e = 0; e < effects->len; e++)
        {
          ShRecord *r = effects->pdata[e];

          if (!begun)
            {
              sh_xlsx_sheet_begin (&s, w->book, _("W14 Environment"), _("W14 · Environmental evaluation"), headers);
              begun = TRUE;
            }
          sh_xlsx_sheet_next_row (&s);
          sh_xlsx_cell_field_text (&s, 0, o, "code");
          sh_xlsx_cell_field_text (&s, 1, o, "title");
          sh_xlsx_cell_text (&s, 2, LABEL (sh_choices_env_indicator, sh_record_get_string (r, "indicator")));
          sh_xlsx_cell_field_number (&s, 3, r, "reduction", SH_XLSX_FORMAT_DECIMAL);
          sh_xlsx_cell_unit (&s, 4, sh_record_get_string (r, "unit"));
          if (e == 0)
            sh_xlsx_cell_field_text (&s, 5, o, "env_notes");
        }
    }

  if (begun)
    sh_xlsx_sheet_end (&s);
  return TRUE;
}

static gboolean
write_ranking (Writer  *w,
               GError **error)
{
  g_autoptr(GPtrArray) criteria = list_rows (w, "ranking_criterion", "assessment_id", w->id, error);
  g_autoptr(GPtrArray) headers = NULL;
  g_autoptr(GHashTable) scores = NULL;   /* "criterion/option" → score */
  ShXlsxSheet s;
  guint n;

  if (criteria == NULL)
    return FALSE;
  if (criteria->len == 0)
    return TRUE;

  /* Excel's limit on our side: the sheet writer keeps widths for so many. */
  n = MIN (criteria->len, SH_XLSX_MAX_COLUMNS - 4);
  scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  headers = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (headers, g_strdup (_("Code")));
  g_ptr_array_add (headers, g_strdup (_("Option")));
  for (guint c = 0; c < n; c++)
    {
      ShRecord *criterion = criteria->pdata[c];
      g_autoptr(GPtrArray) rows = list_rows (w, "ranking_score", "criterion_id", sh_record_get_id (criterion), error);
      g_autofree char *weight = NULL;

      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          ShRecord *r = rows->pdata[i];
          double *score = g_new (double, 1);

          *score = sh_record_get_double (r, "score", 0);
          g_hash_table_insert (scores,
                               g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, sh_record_get_id (criterion),
                                                sh_record_get_int (r, "option_id", 0)),
                               score);
        }
      weight = sh_format_number (sh_record_get_double (criterion, "weight", 0), 2, SH_NUMBER_STYLE_VI);
      /* The weights are in the headers so that sorting the rows keeps them. */
      g_ptr_array_add (headers, g_strdup_printf (_("%s (weight %s)"), sh_record_get_string (criterion, "name"), weight));
    }
  g_ptr_array_add (headers, g_strdup (_("Weighted score")));
  g_ptr_array_add (headers, g_strdup (_("Rank")));
  g_ptr_array_add (headers, NULL);

  sh_xlsx_sheet_begin (&s, w->book, _("W15 Ranking"), _("W15 · Ranking of the options (weighted scores)"),
                       (const char * const *) headers->pdata);

  for (guint i = 0; i < w->summary->options->len; i++)
    {
      const ShSummaryOption *o = w->summary->options->pdata[i];
      gboolean any = FALSE;

      for (guint c = 0; c < n && !any; c++)
        {
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                                  sh_record_get_id (criteria->pdata[c]), o->option_id);

          any = g_hash_table_contains (scores, key);
        }
      if (!any && !o->has_rank)
        continue;

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_text (&s, 0, o->code);
      sh_xlsx_cell_text (&s, 1, o->title);
      for (guint c = 0; c < n; c++)
        {
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                                  sh_record_get_id (criteria->pdata[c]), o->option_id);
          double *score = g_hash_table_lookup (scores, key);

          if (score != NULL)
            sh_xlsx_cell_number (&s, 2 + c, *score, SH_XLSX_FORMAT_DECIMAL);
        }
      if (o->has_rank)
        {
          sh_xlsx_cell_number (&s, 2 + n, o->rank_score, SH_XLSX_FORMAT_DECIMAL);
          sh_xlsx_cell_number (&s, 3 + n, o->rank, SH_XLSX_FORMAT_INTEGER);
        }
    }
  sh_xlsx_sheet_end (&s);
  return TRUE;
}

static gboolean
write_actions (Writer  *w,
               GError **error)
{
  const char *headers[] = { _("Task"), _("Option"), _("Owner"), _("Start"), _("End"), _("Budget (đồng)"),
                            _("Resources"), _("Status"), _("Done"), NULL };
  g_autoptr(GPtrArray) rows = list_rows (w, "action_item", "assessment_id", w->id, error);
  ShXlsxSheet s;

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    return TRUE;

  sh_xlsx_sheet_begin (&s, w->book, _("W16 Action plan"), _("W16 · Action plan"), headers);
  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *r = rows->pdata[i];

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_field_text (&s, 0, r, "task");
      sh_xlsx_cell_text (&s, 1, option_name (w, r, "option_id"));
      sh_xlsx_cell_field_text (&s, 2, r, "owner");
      sh_xlsx_cell_field_date (&s, 3, r, "start_date");
      sh_xlsx_cell_field_date (&s, 4, r, "end_date");
      sh_xlsx_cell_field_money (&s, 5, r, "budget_vnd");
      sh_xlsx_cell_field_text (&s, 6, r, "resources");
      sh_xlsx_cell_text (&s, 7, LABEL (sh_choices_action_status, sh_record_get_string (r, "status")));
      sh_xlsx_cell_number (&s, 8, sh_record_get_int (r, "percent_done", 0) / 100.0, SH_XLSX_FORMAT_PERCENT);
    }
  sh_xlsx_sheet_end (&s);
  return TRUE;
}

static gboolean
write_monitoring (Writer  *w,
                  GError **error)
{
  const char *headers[] = { _("Indicator"), _("Option"), _("Unit"), _("Before"), _("Baseline period"), _("Target"),
                            _("After"), _("Measured period"), _("Measured on"), _("Saving"),
                            _("Savings (đồng/year)"), _("Frequency"), _("Verified by"), NULL };
  g_autoptr(GPtrArray) rows = list_rows (w, "monitoring_record", "assessment_id", w->id, error);
  ShXlsxSheet s;

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    return TRUE;

  sh_xlsx_sheet_begin (&s, w->book, _("W17 Monitoring"), _("W17 · Monitoring before and after CP"), headers);
  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *r = rows->pdata[i];

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_field_text (&s, 0, r, "indicator");
      sh_xlsx_cell_text (&s, 1, option_name (w, r, "option_id"));
      sh_xlsx_cell_unit (&s, 2, sh_record_get_string (r, "unit"));
      sh_xlsx_cell_field_number (&s, 3, r, "baseline_value", SH_XLSX_FORMAT_PRECISE);
      sh_xlsx_cell_field_text (&s, 4, r, "baseline_period");
      sh_xlsx_cell_field_number (&s, 5, r, "target_value", SH_XLSX_FORMAT_PRECISE);
      sh_xlsx_cell_field_number (&s, 6, r, "measured_value", SH_XLSX_FORMAT_PRECISE);
      sh_xlsx_cell_field_text (&s, 7, r, "measured_period");
      sh_xlsx_cell_field_date (&s, 8, r, "measured_on");
      if (!sh_record_is_null (r, "baseline_value") && !sh_record_is_null (r, "measured_value") &&
          sh_record_get_double (r, "baseline_value", 0) > 0)
        {
          double before = sh_record_get_double (r, "baseline_value", 0);
          double after = sh_record_get_double (r, "measured_value", 0);

          sh_xlsx_cell_number (&s, 9, (before - after) / before, SH_XLSX_FORMAT_PERCENT);
        }
      sh_xlsx_cell_field_money (&s, 10, r, "savings_vnd_year");
      sh_xlsx_cell_field_text (&s, 11, r, "frequency");
      sh_xlsx_cell_field_text (&s, 12, r, "verified_by");
    }
  sh_xlsx_sheet_end (&s);
  return TRUE;
}

static gboolean
write_checklist (Writer  *w,
                 GError **error)
{
  const char *headers[] = { _("Item"), _("Question"), _("Answer"), _("Note"), NULL };
  g_autoptr(GPtrArray) rows = list_rows (w, "checklist_answer", "assessment_id", w->id, error);
  ShXlsxSheet s;

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    return TRUE;

  sh_xlsx_sheet_begin (&s, w->book, _("Checklist"), _("Walk-through checklist"), headers);
  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *r = rows->pdata[i];

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_field_text (&s, 0, r, "item_code");
      sh_xlsx_cell_field_text (&s, 1, r, "question");
      if (!sh_record_is_null (r, "answer"))
        sh_xlsx_cell_text (&s, 2, LABEL (sh_choices_answer, sh_record_get_string (r, "answer")));
      sh_xlsx_cell_field_text (&s, 3, r, "note");
    }
  sh_xlsx_sheet_end (&s);
  return TRUE;
}

static gboolean
write_observations (Writer  *w,
                    GError **error)
{
  const char *headers[] = { _("Location"), _("Step"), _("Issue"), _("Category"), _("Severity"), _("Option"),
                            _("Observed at"), NULL };
  g_autoptr(GPtrArray) rows = list_rows (w, "observation", "assessment_id", w->id, error);
  ShXlsxSheet s;

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    return TRUE;

  sh_xlsx_sheet_begin (&s, w->book, _("Observations"), _("Observations on the walk-through"), headers);
  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *r = rows->pdata[i];

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_field_text (&s, 0, r, "location");
      sh_xlsx_cell_text (&s, 1, step_name (w, r, "step_id"));
      sh_xlsx_cell_field_text (&s, 2, r, "issue");
      sh_xlsx_cell_text (&s, 3, list_label (w, "observation_category", sh_record_get_string (r, "category")));
      sh_xlsx_cell_text (&s, 4, LABEL (sh_choices_severity, sh_record_get_string (r, "severity")));
      sh_xlsx_cell_text (&s, 5, option_name (w, r, "option_id"));
      sh_xlsx_cell_field_date (&s, 6, r, "observed_at");
    }
  sh_xlsx_sheet_end (&s);
  return TRUE;
}

/* -------------------------------------------------------------------------
 * The workbook
 * ------------------------------------------------------------------------- */

static char *
make_context (ShRecord *facility,
              ShRecord *assessment)
{
  g_autoptr(GString) line = g_string_new (sh_record_get_string (facility, "name"));
  const char *title = sh_record_get_string (assessment, "title");
  g_autofree char *start = sh_record_is_null (assessment, "start_date") ? NULL
                           : sh_format_date (sh_record_get_string (assessment, "start_date"));
  g_autofree char *end = sh_record_is_null (assessment, "end_date") ? NULL
                         : sh_format_date (sh_record_get_string (assessment, "end_date"));

  g_string_append_printf (line, " — %s", title != NULL && *title != '\0'
                                         ? title : kind_label (sh_record_get_string (assessment, "kind")));
  if (start != NULL || end != NULL)
    g_string_append_printf (line, " — %s – %s", start ? start : "…", end ? end : "…");
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static gboolean
write_workbook (Writer  *w,
                GError **error)
{
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) wastes = NULL;
  g_autoptr(GPtrArray) options = NULL;
  const char *lists[] = { "option_category", "cause_category", "screening", "cost_class", "waste_type",
                          "observation_category" };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    load_list (w, lists[i]);

  if (!(steps = list_rows (w, "process_step", "assessment_id", w->id, error)) ||
      !(wastes = list_rows (w, "waste_stream", "assessment_id", w->id, error)) ||
      !(options = list_rows (w, "cp_option", "assessment_id", w->id, error)))
    return FALSE;

  for (guint i = 0; i < steps->len; i++)
    g_hash_table_insert (w->steps, GINT_TO_POINTER (sh_record_get_id (steps->pdata[i])),
                         g_strdup (sh_record_get_string (steps->pdata[i], "name")));
  for (guint i = 0; i < wastes->len; i++)
    g_hash_table_insert (w->wastes, GINT_TO_POINTER (sh_record_get_id (wastes->pdata[i])),
                         g_strdup (sh_record_get_string (wastes->pdata[i], "name")));
  for (guint i = 0; i < options->len; i++)
    {
      ShRecord *o = options->pdata[i];
      const char *code = sh_record_get_string (o, "code");

      g_hash_table_insert (w->options, GINT_TO_POINTER (sh_record_get_id (o)),
                           code != NULL && *code != '\0'
                           ? g_strdup_printf ("%s %s", code, sh_record_get_string (o, "title"))
                           : g_strdup (sh_record_get_string (o, "title")));
    }

  write_overview (w);
  if (!write_products (w, error) ||
      !write_team (w, error) ||
      !write_steps (w, steps, error) ||
      !write_production (w, error) ||
      !write_consumption (w, error))
    return FALSE;
  write_specific_consumption (w);
  if (!write_checklist (w, error) ||
      !write_observations (w, error) ||
      !write_waste_streams (w, wastes, error) ||
      !write_flows (w, error))
    return FALSE;
  write_balances (w);
  if (!write_causes (w, error))
    return FALSE;
  if (g_strcmp0 (sh_record_get_string (w->assessment, "kind"), "quick") == 0)
    write_quick_wins (w, options);
  else
    {
      write_options (w, options);
      write_economics (w);
    }
  return write_environment (w, options, error) &&
         write_ranking (w, error) &&
         write_actions (w, error) &&
         write_monitoring (w, error);
}

gboolean
sh_xlsx_write_assessment (ShStore     *store,
                          gint64       assessment_id,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ShRecord) assessment = NULL;
  g_autoptr(ShRecord) facility = NULL;
  g_autoptr(ShSummary) summary = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *context = NULL;
  Writer w = { 0 };
  gboolean ok;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  assessment = sh_store_get (store, "assessment", assessment_id, &local_error);
  if (assessment == NULL)
    {
      if (g_error_matches (local_error, SH_STORE_ERROR, SH_STORE_ERROR_NOT_FOUND))
        {
          g_set_error (error, SH_XLSX_ERROR, SH_XLSX_ERROR_NOT_FOUND,
                       _("There is no assessment %" PRId64 "."), assessment_id);
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  facility = sh_store_get (store, "facility", sh_record_get_int (assessment, "facility_id", 0), error);
  if (facility == NULL)
    return FALSE;
  summary = sh_summary_compute (store, sh_units_get_default (), assessment_id, error);
  if (summary == NULL)
    return FALSE;

  tmp = sh_xlsx_make_tmp (path, error);
  if (tmp == NULL)
    return FALSE;

  context = make_context (facility, assessment);
  w = (Writer) {
    .store = store,
    .book = sh_xlsx_book_new (tmp, context),
    .assessment = assessment,
    .facility = facility,
    .summary = summary,
    .id = assessment_id,
    .steps = g_hash_table_new_full (NULL, NULL, NULL, g_free),
    .lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .options = g_hash_table_new_full (NULL, NULL, NULL, g_free),
    .wastes = g_hash_table_new_full (NULL, NULL, NULL, g_free),
  };

  ok = write_workbook (&w, &local_error);
  /* The book is closed (and freed) in every case; only its error counts
   * when nothing failed before. */
  if (ok)
    ok = sh_xlsx_book_close (w.book, path, &local_error);
  else
    sh_xlsx_book_close (w.book, path, NULL);

  g_hash_table_unref (w.steps);
  g_hash_table_unref (w.lists);
  g_hash_table_unref (w.options);
  g_hash_table_unref (w.wastes);

  if (!sh_xlsx_commit_tmp (tmp, path, ok, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
