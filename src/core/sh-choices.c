/* sh-choices.c — the fixed choices of the schema's CHECK constraints.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sh-choices.h"

const ShChoice sh_choices_role[3] = {
  { "leader", N_("Team leader"), NULL },
  { "member", N_("Member"), NULL },
  { "consultant", N_("Consultant"), NULL },
};

const ShChoice sh_choices_funding[5] = {
  { "central", N_("Central budget"), NULL },
  { "provincial", N_("Provincial budget"), NULL },
  { "enterprise", N_("The enterprise"), NULL },
  { "donor", N_("Donor or project"), NULL },
  { "other", N_("Other"), NULL },
};

const ShChoice sh_choices_size[4] = {
  { "micro", N_("Micro"), NULL },
  { "small", N_("Small"), NULL },
  { "medium", N_("Medium"), NULL },
  { "large", N_("Large"), NULL },
};

const ShChoice sh_choices_phase[2] = {
  { "baseline", N_("Baseline"), NULL },
  { "after", N_("After CP"), NULL },
};

const ShChoice sh_choices_category[6] = {
  { "electricity", N_("Electricity"), NULL },
  { "fuel", N_("Fuel"), NULL },
  { "water", N_("Water"), NULL },
  { "material", N_("Raw material"), NULL },
  { "chemical", N_("Chemical"), NULL },
  { "other", N_("Other"), NULL },
};

/* Resource codes group consumption rows into one specific consumption
 * and name the resource in reports (MaTaiNguyen); fuels use the codes of
 * the units table. */
const ShChoice sh_choices_resource[15] = {
  { "electricity", N_("Electricity"), NULL },
  { "water", N_("Water"), NULL },
  { "fuel_oil", N_("Fuel oil (FO)"), NULL },
  { "diesel", N_("Diesel (DO)"), NULL },
  { "coal", N_("Coal"), NULL },
  { "lpg", N_("LPG"), NULL },
  { "natural_gas", N_("Natural gas"), NULL },
  { "wood", N_("Firewood"), NULL },
  { "rice_husk", N_("Rice husk"), NULL },
  { "bagasse", N_("Bagasse"), NULL },
  { "steam", N_("Steam"), NULL },
  { "cassava_root", N_("Cassava roots"), NULL },
  { "raw_material", N_("Main raw material"), NULL },
  { "chemical", N_("Chemicals"), NULL },
  { "other", N_("Other resource"), NULL },
};

const ShChoice sh_choices_data_source[4] = {
  { "meter", N_("Meter"), NULL },
  { "invoice", N_("Invoice"), NULL },
  { "estimate", N_("Estimate"), NULL },
  { "paper", N_("Paper records"), NULL },
};

const ShChoice sh_choices_flow_kind[7] = {
  { "material", N_("Material"), NULL },
  { "water", N_("Water"), NULL },
  { "energy", N_("Energy"), NULL },
  { "product", N_("Product"), NULL },
  { "by_product", N_("By-product"), NULL },
  { "waste", N_("Waste"), NULL },
  { "emission", N_("Emission"), NULL },
};

const ShChoice sh_choices_flow_period[5] = {
  { "hour", N_("per hour"), NULL },
  { "day", N_("per day"), NULL },
  { "batch", N_("per batch"), NULL },
  { "month", N_("per month"), NULL },
  { "year", N_("per year"), NULL },
};

const ShChoice sh_choices_provenance[3] = {
  { "measured", N_("Measured"), NULL },
  { "estimated", N_("Estimated"), NULL },
  { "paper", N_("From records"), NULL },
};

const ShChoice sh_choices_severity[3] = {
  { "low", N_("Low"), NULL },
  { "medium", N_("Medium"), NULL },
  { "high", N_("High"), NULL },
};

const ShChoice sh_choices_verdict[3] = {
  { "feasible", N_("Feasible"), NULL },
  { "conditional", N_("Feasible with conditions"), NULL },
  { "not_feasible", N_("Not feasible"), NULL },
};

const ShChoice sh_choices_option_status[5] = {
  { "proposed", N_("Proposed"), NULL },
  { "selected", N_("Selected"), NULL },
  { "in_progress", N_("In progress"), NULL },
  { "implemented", N_("Implemented"), NULL },
  { "rejected", N_("Rejected"), NULL },
};

const ShChoice sh_choices_action_status[4] = {
  { "planned", N_("Planned"), NULL },
  { "in_progress", N_("In progress"), NULL },
  { "done", N_("Done"), NULL },
  { "cancelled", N_("Cancelled"), NULL },
};

const ShChoice sh_choices_env_indicator[7] = {
  { "water", N_("Water use"), NULL },
  { "wastewater", N_("Wastewater"), NULL },
  { "cod_load", N_("COD load"), NULL },
  { "solid_waste", N_("Solid waste"), NULL },
  { "hazardous_waste", N_("Hazardous waste"), NULL },
  { "air", N_("Air emissions"), NULL },
  { "co2e", N_("Greenhouse gases (CO₂e)"), NULL },
};

const ShChoice sh_choices_investment[6] = {
  { "equipment", N_("Equipment"), NULL },
  { "installation", N_("Installation"), NULL },
  { "design", N_("Design"), NULL },
  { "training", N_("Training"), NULL },
  { "contingency", N_("Contingency"), NULL },
  { "other", N_("Other"), NULL },
};

/* Capacities are rates; the codes are what people write on permits. */
const ShChoice sh_choices_capacity_unit[9] = {
  { "t/ngày", N_("t/day"), NULL },
  { "t/năm", N_("t/year"), NULL },
  { "m3/ngày", N_("m³/day"), NULL },
  { "m3/năm", N_("m³/year"), NULL },
  { "L/năm", N_("L/year"), NULL },
  { "m2/năm", N_("m²/year"), NULL },
  { "viên QTC/năm", N_("standard bricks/year"), NULL },
  { "cái/năm", N_("pieces/year"), NULL },
  { "t mía/ngày", N_("t cane/day"), NULL },
};

/* Monitoring indicators are mostly specific consumptions per unit of
 * product; the codes follow the demo and the reports ("m3/t"). */
const ShChoice sh_choices_indicator_unit[16] = {
  { "m3/t", N_("m³/t"), NULL },
  { "kWh/t", N_("kWh/t"), NULL },
  { "MJ/t", N_("MJ/t"), NULL },
  { "L/t", N_("L/t"), NULL },
  { "kg/t", N_("kg/t"), NULL },
  { "t/t", N_("t/t"), NULL },
  { "m3/hl", N_("m³/hL"), NULL },
  { "MJ/hl", N_("MJ/hL"), NULL },
  { "kg/k_brick_qtc", N_("kg/1,000 standard bricks"), NULL },
  { "m3", N_("m³ per year"), NULL },
  { "kWh", N_("kWh per year"), NULL },
  { "t", N_("t per year"), NULL },
  { "L", N_("L per year"), NULL },
  { "mg/L", N_("mg/L"), NULL },
  { "t CO2e", N_("t CO₂e per year"), NULL },
  { "%", N_("percent"), NULL },
};

const ShChoice sh_choices_answer[3] = {
  { "yes", N_("Yes"), NULL },
  { "no", N_("No"), NULL },
  { "na", N_("Not applicable"), NULL },
};

const char *
sh_choice_label (const ShChoice *choices,
                 gsize           n_choices,
                 const char     *code)
{
  for (gsize i = 0; i < n_choices; i++)
    {
      if (g_strcmp0 (choices[i].code, code) == 0)
        return choices[i].label_context != NULL
               ? g_dpgettext2 (GETTEXT_PACKAGE, choices[i].label_context, choices[i].label)
               : g_dgettext (GETTEXT_PACKAGE, choices[i].label);
    }

  return code;
}
