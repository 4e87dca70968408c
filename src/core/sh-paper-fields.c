/* sh-paper-fields.c — the fields of the quick-assessment form on paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

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
