/* sh-refdata-norm.c — an assessment's energy use against the legal norm.
 *
 * The norms of Circulars 19/2016 (beer and beverages), 24/2017 (paper) and
 * 52/2018 (seafood) cap the energy per unit of product by capacity band and
 * period; a brewery whose MJ/hl is above the cap of its band must be told.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sh-refdata-norm.h"
#include "sh-summary.h"

/* A norm's product name up to the first comma or bracket, casefolded:
 * "Bia, dưới 20 triệu lít/năm" → "bia". */
static char *
product_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name != NULL ? name : "", -1);

  folded[strcspn (folded, ",(")] = '\0';
  return g_strdup (g_strstrip (folded));
}

/* Whether one name begins with the other at a word boundary: "bia chai"
 * is beer ("bia"), "biogas" is not. */
static gboolean
names_match (const char *a,
             const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  const char *longer = la >= lb ? a : b;
  gsize shorter = MIN (la, lb);

  if (shorter == 0 || strncmp (a, b, shorter) != 0)
    return FALSE;
  return longer[shorter] == '\0' || !g_unichar_isalnum (g_utf8_get_char (longer + shorter));
}

const char *
sh_refdata_match_norm_product (GPtrArray  *norms,
                               const char *product,
                               gboolean   *ambiguous)
{
  g_autofree char *folded = g_utf8_casefold (product != NULL ? product : "", -1);
  const char *only = NULL, *matched = NULL;
  gboolean several = FALSE, several_matched = FALSE;

  g_strstrip (folded);
  for (guint i = 0; i < norms->len; i++)
    {
      ShRecord *norm = norms->pdata[i];
      const char *code = sh_record_get_string (norm, "product_code");
      g_autofree char *key_vi = product_key (sh_record_get_string (norm, "product_vi"));
      g_autofree char *key_en = product_key (sh_record_get_string (norm, "product_en"));

      if (only == NULL)
        only = code;
      else if (g_strcmp0 (only, code) != 0)
        several = TRUE;

      if (names_match (folded, key_vi) || names_match (folded, key_en))
        {
          if (matched != NULL && g_strcmp0 (matched, code) != 0)
            several_matched = TRUE;
          matched = code;
        }
    }

  *ambiguous = FALSE;
  if (!several)
    return only;
  if (matched != NULL && !several_matched)
    return matched;
  *ambiguous = TRUE;
  return NULL;
}

static ShNormCheck *
no_norm (void)
{
  ShNormCheck *check = g_new0 (ShNormCheck, 1);

  check->verdict = SH_NORM_NONE;
  return check;
}

ShNormCheck *
sh_refdata_check_assessment_norm (ShStore   *store,
                                  ShUnits   *units,
                                  gint64     assessment_id,
                                  char     **note,
                                  GError   **error)
{
  g_autoptr(ShRecord) assessment = NULL;
  g_autoptr(ShRecord) facility = NULL;
  g_autoptr(GPtrArray) norms = NULL;
  g_autoptr(GPtrArray) production = NULL;
  g_autoptr(GPtrArray) consumption = NULL;
  g_autoptr(ShSummary) summary = NULL;
  ShRecord *norm = NULL;
  const ShSummaryResource *first = NULL;
  const char *sector, *product, *date = NULL;
  const char *capacity_unit = NULL;
  double energy_mj = 0, energy, output, capacity = -1;
  gboolean ambiguous, has_energy = FALSE;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (SH_IS_UNITS (units), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (note != NULL)
    *note = NULL;

  assessment = sh_store_get (store, "assessment", assessment_id, error);
  if (assessment == NULL)
    return NULL;
  facility = sh_store_get (store, "facility", sh_record_get_int (assessment, "facility_id", 0), error);
  if (facility == NULL)
    return NULL;
  sector = sh_record_get_string (facility, "sector_code");
  if (sector == NULL || *sector == '\0')
    return no_norm ();

  norms = sh_refdata_list_norms (store, sector, error);
  if (norms == NULL)
    return NULL;
  if (norms->len == 0)
    return no_norm ();

  summary = sh_summary_compute (store, units, assessment_id, error);
  if (summary == NULL)
    return NULL;
  for (guint i = 0; i < summary->resources->len && first == NULL; i++)
    {
      const ShSummaryResource *r = summary->resources->pdata[i];

      if (r->has_baseline && r->baseline_output > 0)
        first = r;
    }
  if (first == NULL)
    {
      if (note != NULL)
        *note = g_strdup (_("Record the baseline production and energy use to compare them with the legal energy norm."));
      return no_norm ();
    }

  product = sh_refdata_match_norm_product (norms, summary->product, &ambiguous);
  if (product == NULL)
    {
      if (note != NULL && ambiguous)
        *note = g_strdup_printf (_("The sector has energy norms for several products and “%s” is not clearly one of them, so no norm is compared."),
                                 summary->product != NULL ? summary->product : "");
      return no_norm ();
    }
  for (guint i = 0; i < norms->len && norm == NULL; i++)
    if (g_strcmp0 (sh_record_get_string (norms->pdata[i], "product_code"), product) == 0)
      norm = norms->pdata[i];
  capacity_unit = sh_record_get_string (norm, "capacity_unit");

  production = sh_store_list (store, "production_record", "assessment_id", assessment_id, error);
  if (production == NULL)
    return NULL;
  for (guint i = 0; i < production->len; i++)
    {
      ShRecord *row = production->pdata[i];
      const char *end = sh_record_get_string (row, "period_end");

      if (g_strcmp0 (sh_record_get_string (row, "phase"), "after") != 0 && end != NULL &&
          (date == NULL || g_strcmp0 (end, date) > 0))
        date = end;
    }
  if (date == NULL)
    date = sh_record_get_string (assessment, "baseline_to");
  if (date == NULL)
    {
      if (note != NULL)
        *note = g_strdup (_("Give the baseline period's dates: the legal energy norm depends on the year."));
      return no_norm ();
    }

  consumption = sh_store_list (store, "resource_consumption", "assessment_id", assessment_id, error);
  if (consumption == NULL)
    return NULL;
  for (guint i = 0; i < consumption->len; i++)
    {
      ShRecord *row = consumption->pdata[i];
      const char *category = sh_record_get_string (row, "category");
      const char *fuel = sh_record_get_string (row, "fuel_code");
      double quantity = sh_record_get_double (row, "quantity", 0);
      g_autoptr(GError) local = NULL;
      double mj;
      gboolean ok;

      if (g_strcmp0 (sh_record_get_string (row, "phase"), "after") == 0 ||
          (g_strcmp0 (category, "electricity") != 0 && g_strcmp0 (category, "fuel") != 0))
        continue;

      if (fuel != NULL && *fuel != '\0')
        ok = sh_units_fuel_energy (units, fuel, quantity, sh_record_get_string (row, "unit"), "MJ", &mj, &local);
      else
        ok = sh_units_convert (units, quantity, sh_record_get_string (row, "unit"), "MJ", &mj, &local);
      if (!ok)
        {
          if (note != NULL)
            *note = g_strdup_printf (_("The energy use cannot be compared with the legal norm: %s"), local->message);
          return no_norm ();
        }
      energy_mj += mj;
      has_energy = TRUE;
    }
  if (!has_energy)
    {
      if (note != NULL)
        *note = g_strdup (_("Record the baseline electricity and fuel use to compare them with the legal energy norm."));
      return no_norm ();
    }

  /* The facility's figure in the norm's own unit: MJ or kWh per hl or t. */
  if (!sh_units_convert (units, energy_mj, "MJ", sh_record_get_string (norm, "unit"), &energy, NULL) ||
      !sh_units_convert (units, first->baseline_output, first->output_unit,
                         sh_record_get_string (norm, "per_unit"), &output, NULL) ||
      output <= 0)
    {
      if (note != NULL)
        *note = g_strdup_printf (_("The legal energy norm is per %s, which production in %s does not convert to."),
                                 sh_record_get_string (norm, "per_unit"), first->output_unit);
      return no_norm ();
    }

  /* The baseline output stands for the annual capacity. */
  if (capacity_unit == NULL ||
      !sh_units_convert (units, first->baseline_output, first->output_unit, capacity_unit, &capacity, NULL))
    capacity = -1;

  {
    ShNormCheck *check = sh_refdata_check_norm (store, product, capacity, date, energy / output, error);

    if (check != NULL && check->verdict == SH_NORM_NONE && note != NULL)
      *note = g_strdup (_("No legal energy norm applies to this product, capacity and period."));
    return check;
  }
}
