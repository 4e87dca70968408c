/* sh-paper-fields.c — the fields of the quick-assessment form on paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sh-choices.h"
#include "sh-paper-fields.h"

#define FAC SH_PAPER_ROW_FACILITY
#define ASM SH_PAPER_ROW_ASSESSMENT
#define PRD SH_PAPER_ROW_MAIN_PRODUCT

/* The limits repeat the schema's CHECK constraints, so a value the database
 * would refuse is refused while it is typed, with the field's code. */
static const ShPaperField fields[] = {
  { "A01", 1, N_("Facility name"), "facility", "name", FAC, SH_PAPER_VALUE_TEXT },
  { "A02", 1, N_("Tax code"), "facility", "tax_code", FAC, SH_PAPER_VALUE_TEXT },
  { "A03", 1, N_("Address"), "facility", "address", FAC, SH_PAPER_VALUE_TEXT },
  { "A04", 1, N_("District"), "facility", "district", FAC, SH_PAPER_VALUE_TEXT },
  { "A05", 1, N_("Province"), "facility", "province_code", FAC, SH_PAPER_VALUE_PROVINCE },
  { "A06", 1, N_("Phone"), "facility", "phone", FAC, SH_PAPER_VALUE_TEXT },
  { "A07", 1, N_("Email"), "facility", "email", FAC, SH_PAPER_VALUE_TEXT },
  { "A08", 1, N_("Legal representative"), "facility", "legal_representative", FAC, SH_PAPER_VALUE_TEXT },
  { "A09", 1, N_("Sector"), "facility", "sector_code", FAC, SH_PAPER_VALUE_SECTOR },
  { "A10", 1, N_("VSIC code"), "facility", "vsic_code", FAC, SH_PAPER_VALUE_TEXT },
  { "A11", 1, N_("Employees"), "facility", "employees", FAC, SH_PAPER_VALUE_INTEGER, NULL, 0, 1e9 },
  { "A12", 1, N_("Operating days per year"), "facility", "operating_days", FAC, SH_PAPER_VALUE_INTEGER,
    "day", 0, 366 },
  { "A13", 1, N_("Shifts per day"), "facility", "shifts_per_day", FAC, SH_PAPER_VALUE_INTEGER, NULL, 0, 4 },
  { "A14", 1, N_("Main product"), "facility_product", "name", PRD, SH_PAPER_VALUE_TEXT },
  { "A15", 1, N_("Design capacity"), "facility_product", "capacity", PRD, SH_PAPER_VALUE_NUMBER,
    NULL, 0, G_MAXDOUBLE },
  { "A16", 1, N_("Capacity unit"), "facility_product", "capacity_unit", PRD, SH_PAPER_VALUE_TEXT },
  { "A17", 1, N_("Assessment start date"), "assessment", "start_date", ASM, SH_PAPER_VALUE_DATE },
  { "A18", 1, N_("Assessment end date"), "assessment", "end_date", ASM, SH_PAPER_VALUE_DATE },
  { "A19", 1, N_("Operating regime"), "assessment", "operating_regime", ASM, SH_PAPER_VALUE_TEXT },
  { "F01", 6, N_("Proposed focus"), "assessment", "proposed_focus", ASM, SH_PAPER_VALUE_TEXT },
  { "F02", 6, N_("CP potential (%)"), "assessment", "cp_potential_pct", ASM, SH_PAPER_VALUE_PERCENT,
    NULL, 0, 100 },
  { "F03", 6, N_("Recommendation"), "assessment", "recommendation", ASM, SH_PAPER_VALUE_TEXT },
  { "F04", 6, N_("Continue with a detailed assessment"), "assessment", "continue_recommended", ASM,
    SH_PAPER_VALUE_YES_NO },
  { "G01", 7, N_("Consultant's name"), "assessment", "consultant_signature_name", ASM, SH_PAPER_VALUE_TEXT },
  { "G02", 7, N_("Consultant's signature date"), "assessment", "consultant_signature_date", ASM,
    SH_PAPER_VALUE_DATE },
  { "G03", 7, N_("Facility representative's name"), "assessment", "facility_signature_name", ASM,
    SH_PAPER_VALUE_TEXT },
  { "G04", 7, N_("Facility representative's signature date"), "assessment", "facility_signature_date", ASM,
    SH_PAPER_VALUE_DATE },
};

/* -------------------------------------------------------------------------
 * Lists
 * ------------------------------------------------------------------------- */

#define TEXT SH_PAPER_VALUE_TEXT
#define NUMBER SH_PAPER_VALUE_NUMBER
#define MONEY SH_PAPER_VALUE_MONEY
#define UNIT SH_PAPER_VALUE_UNIT
#define CHOICE SH_PAPER_VALUE_CHOICE

/* B1 and B2 share one table on paper, so they share the letters; B1 has no
 * price and no source. */
static const ShPaperColumn production_columns[] = {
  { "a", N_("Period"), "period_label", TEXT },
  { "b", N_("Product"), "product", TEXT, NULL, TRUE },
  { "c", N_("Quantity"), "quantity", NUMBER, NULL, TRUE },
  { "d", N_("Unit"), "unit", UNIT, NULL, TRUE },
};

static const ShPaperColumn consumption_columns[] = {
  { "a", N_("Period"), "period_label", TEXT },
  { "b", N_("Resource"), "resource_code", SH_PAPER_VALUE_RESOURCE, NULL, TRUE },
  { "c", N_("Quantity"), "quantity", NUMBER, NULL, TRUE },
  { "d", N_("Unit"), "unit", UNIT, NULL, TRUE },
  { "e", N_("Unit price (₫)"), "unit_price_vnd", MONEY },
  { "f", N_("Source"), "data_source", CHOICE, "data_source" },
};

/* The three boxes Yes / No / N/A are one cell: the answer. */
static const ShPaperColumn checklist_columns[] = {
  { "a", N_("Question"), "question", TEXT },
  { "b", N_("Answer"), "answer", CHOICE, "answer" },
  { "c", N_("Note"), "note", TEXT },
};

static const ShPaperColumn observation_columns[] = {
  { "a", N_("Location or step"), "location", TEXT },
  { "b", N_("Issue seen"), "issue", TEXT, NULL, TRUE },
  { "c", N_("Category"), "category", CHOICE, "observation_category" },
  { "d", N_("Severity"), "severity", CHOICE, "severity" },
};

static const ShPaperColumn quick_win_columns[] = {
  { "a", N_("Quick win"), "title", TEXT, NULL, TRUE },
  { "b", N_("Category"), "category", CHOICE, "option_category" },
  { "c", N_("Estimated saving (₫/year)"), "saving_vnd", MONEY },
  { "d", N_("Estimated cost (₫)"), "cost_vnd", MONEY },
  { "e", N_("Cost class"), "cost_class", CHOICE, "cost_class" },
};

static const ShPaperList lists[] = {
  { "B1.", 2, N_("Production"), "production_record", 3, production_columns, G_N_ELEMENTS (production_columns) },
  { "B2.", 2, N_("Consumption"), "resource_consumption", 8, consumption_columns,
    G_N_ELEMENTS (consumption_columns) },
  { "C", 3, N_("Walk-through checklist"), "checklist_answer", 4, checklist_columns, G_N_ELEMENTS (checklist_columns) },
  { "D", 4, N_("Observations"), "observation", 6, observation_columns, G_N_ELEMENTS (observation_columns) },
  { "E", 5, N_("Quick wins"), "cp_option", 4, quick_win_columns, G_N_ELEMENTS (quick_win_columns) },
};

const ShPaperList *
sh_paper_lists_get (guint *n_lists)
{
  g_return_val_if_fail (n_lists != NULL, NULL);

  *n_lists = G_N_ELEMENTS (lists);
  return lists;
}

gboolean
sh_paper_lists_parse_code (const char           *code,
                           const ShPaperList   **out_list,
                           guint                *out_number,
                           const ShPaperColumn **out_column)
{
  g_return_val_if_fail (code != NULL, FALSE);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      gsize n = strlen (lists[l].prefix);
      const char *p = code + n;
      guint64 number = 0;

      if (g_ascii_strncasecmp (code, lists[l].prefix, n) != 0 || !g_ascii_isdigit (*p) || *p == '0')
        continue;
      while (g_ascii_isdigit (*p) && number < 10000)
        number = number * 10 + (guint64) (*p++ - '0');
      if (number >= 10000 || !g_ascii_isalpha (p[0]) || p[1] != '\0')
        continue;
      for (guint c = 0; c < lists[l].n_columns; c++)
        if (g_ascii_tolower (p[0]) == lists[l].columns[c].letter[0])
          {
            if (out_list != NULL)
              *out_list = &lists[l];
            if (out_number != NULL)
              *out_number = (guint) number;
            if (out_column != NULL)
              *out_column = &lists[l].columns[c];
            return TRUE;
          }
    }
  return FALSE;
}

const char *
sh_paper_resource_category (const char *code)
{
  static const char * const categories[][2] = {
    { "electricity", "electricity" }, { "water", "water" }, { "fuel_oil", "fuel" }, { "diesel", "fuel" },
    { "coal", "fuel" }, { "lpg", "fuel" }, { "natural_gas", "fuel" }, { "wood", "fuel" },
    { "rice_husk", "fuel" }, { "bagasse", "fuel" }, { "steam", "other" }, { "cassava_root", "material" },
    { "raw_material", "material" }, { "chemical", "chemical" }, { "other", "other" },
  };

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (categories); i++)
    if (g_str_equal (categories[i][0], code))
      return categories[i][1];
  return NULL;
}

const ShChoice *
sh_paper_resources_get (gsize *n_resources)
{
  g_return_val_if_fail (n_resources != NULL, NULL);

  /* The quick form's resource column: the same codes and words. */
  *n_resources = G_N_ELEMENTS (sh_choices_resource);
  return sh_choices_resource;
}

const ShPaperField *
sh_paper_fields_get (guint *n_fields)
{
  g_return_val_if_fail (n_fields != NULL, NULL);

  *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

const ShPaperField *
sh_paper_fields_find (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_ascii_strcasecmp (fields[i].code, code) == 0)
      return &fields[i];
  return NULL;
}
