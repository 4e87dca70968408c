/* sh-generate.c — deterministic synthetic data at province scale.
 *
 * The data only has to be plausible in shape and size: specific
 * consumptions within sector-like ranges, balances that nearly close,
 * options from the sector's library with costs by their cost class. It is
 * for measuring the app, never for drawing conclusions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "sh-generate.h"
#include "sh-refdata.h"
#include "sh-store-private.h"

#define FACILITIES_PER_TRANSACTION 200

typedef struct
{
  char      *code;
  char      *name;
  GPtrArray *steps;     /* char *: step names in order */
  GPtrArray *options;   /* ShRecord: ref_option rows */
} Sector;

typedef struct
{
  ShStore                 *store;
  GRand                   *rand;
  GError                 **error;
  gboolean                 failed;
  const ShGenerateOptions *options;
  GPtrArray               *sectors;   /* Sector */
  char                     uuid[37];
} Gen;

static void
sector_free (gpointer data)
{
  Sector *sector = data;

  g_free (sector->code);
  g_free (sector->name);
  g_ptr_array_unref (sector->steps);
  g_ptr_array_unref (sector->options);
  g_free (sector);
}

/* A version-4-shaped UUID drawn from the seeded generator, so a run can be
 * repeated exactly. */
static const char *
next_uuid (Gen *gen)
{
  guint32 a = g_rand_int (gen->rand);
  guint32 b = g_rand_int (gen->rand);
  guint32 c = g_rand_int (gen->rand);
  guint32 d = g_rand_int (gen->rand);

  g_snprintf (gen->uuid, sizeof gen->uuid, "%08x-%04x-4%03x-%04x-%04x%08x",
              a, b >> 16, b & 0xfff, 0x8000 | (c >> 16 & 0x3fff), c & 0xffff, d);
  return gen->uuid;
}

static gint64
add (Gen        *gen,
     const char *table,
     ...)
{
  va_list args;
  gint64 id;

  if (gen->failed)
    return 0;

  va_start (args, table);
  id = sh_store_insert_fields_valist (gen->store, gen->error, table, next_uuid (gen), args);
  va_end (args);

  if (id == 0)
    gen->failed = TRUE;

  return id;
}

static double
uniform (Gen    *gen,
         double  lo,
         double  hi)
{
  return g_rand_double_range (gen->rand, lo, hi);
}

static gboolean
chance (Gen    *gen,
        double  p)
{
  return g_rand_double (gen->rand) < p;
}

static gboolean
load_sectors (Gen *gen)
{
  g_autoptr(GPtrArray) rows = sh_refdata_list_sectors (gen->store, gen->error);

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_set_error (gen->error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                   _("The reference data has no sectors; load it before generating data."));
      return FALSE;
    }

  gen->sectors = g_ptr_array_new_with_free_func (sector_free);
  for (guint i = 0; i < rows->len; i++)
    {
      Sector *sector = g_new0 (Sector, 1);
      g_autoptr(GPtrArray) steps = NULL;

      sector->code = g_strdup (sh_record_get_string (rows->pdata[i], "code"));
      sector->name = g_strdup (sh_record_get_string (rows->pdata[i], "name_vi"));
      sector->steps = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (gen->sectors, sector);

      steps = sh_refdata_list_steps (gen->store, sector->code, gen->error);
      sector->options = sh_refdata_list_options (gen->store, sector->code, gen->error);
      if (steps == NULL || sector->options == NULL)
        return FALSE;
      for (guint s = 0; s < steps->len; s++)
        g_ptr_array_add (sector->steps, g_strdup (sh_record_get_string (steps->pdata[s], "name_vi")));
    }

  return TRUE;
}

static gint64
investment_for (Gen        *gen,
                const char *cost_class)
{
  if (g_strcmp0 (cost_class, "none") == 0)
    return 0;
  if (g_strcmp0 (cost_class, "low") == 0)
    return (gint64) uniform (gen, 5, 80) * 1000000;
  if (g_strcmp0 (cost_class, "medium") == 0)
    return (gint64) uniform (gen, 100, 1500) * 1000000;
  return (gint64) uniform (gen, 2000, 20000) * 1000000;
}

/* Production, consumption, steps, flows, waste streams, options and
 * monitoring of one assessment. */
static void
add_assessment (Gen        *gen,
                gint64      facility,
                Sector     *sector,
                const char *kind,
                int         year)
{
  g_autofree char *title = NULL;
  int start_month = g_rand_int_range (gen->rand, 1, 7);
  int start_day = g_rand_int_range (gen->rand, 1, 28);
  int end_month = g_rand_int_range (gen->rand, 7, 13);
  g_autofree char *start = g_strdup_printf ("%d-%02d-%02d", year + 1, start_month, start_day);
  g_autofree char *end = g_strdup_printf ("%d-%02d-28", year + 1, end_month);
  g_autofree char *from = g_strdup_printf ("%d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%d-12-31", year);
  g_autofree char *base_label = g_strdup_printf ("%d", year);
  g_autofree char *after_label = g_strdup_printf ("%d", year + 1);
  g_autoptr(GArray) step_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean detailed = g_str_equal (kind, "detailed");
  double output = uniform (gen, 1000, 50000);
  double after_output = output * uniform (gen, 0.95, 1.08);
  struct
  {
    const char *code;
    const char *name;
    const char *category;
    const char *unit;
    double      sc;
    gint64      price;
  } resources[] = {
    { "electricity", "Điện lưới", "electricity", "kWh", 0, 1800 },
    { "water", "Nước cấp", "water", "m3", 0, 6000 },
    { "raw_material", "Nguyên liệu chính", "material", "t", 0, 1500000 },
    { "coal", "Than cám", "fuel", "t", 0, 3200000 },
  };
  gint64 assessment;
  guint n_options;
  int site_days;
  const char *funding;

  /* Random draws happen one statement at a time: C leaves the order of
   * evaluation of a call's arguments open, and the data must not depend
   * on the compiler. */
  resources[0].sc = uniform (gen, 80, 450);
  resources[1].sc = uniform (gen, 3, 30);
  resources[2].sc = uniform (gen, 1.1, 4.0);
  resources[3].sc = uniform (gen, 0.02, 0.3);
  site_days = detailed ? g_rand_int_range (gen->rand, 20, 41) : g_rand_int_range (gen->rand, 2, 4);
  funding = chance (gen, 0.7) ? "provincial" : "enterprise";

  title = g_strdup_printf ("%s SXSH %s %d", detailed ? "Đánh giá chi tiết" : "Đánh giá nhanh",
                           sector->name, year + 1);
  assessment = add (gen, "assessment", "r:facility_id", facility, "s:kind", kind, "s:title", title,
                    "s:start_date", start, "s:end_date", end,
                    "i:site_days", site_days, "s:funding_source", funding,
                    "s:baseline_from", from, "s:baseline_to", to,
                    "s:scope", "Toàn nhà máy", NULL);

  add (gen, "production_record", "r:assessment_id", assessment, "s:phase", "baseline",
       "s:period_label", base_label, "s:period_start", from, "s:period_end", to,
       "s:product", sector->name, "d:quantity", output, "s:unit", "t", NULL);
  if (detailed)
    add (gen, "production_record", "r:assessment_id", assessment, "s:phase", "after",
         "s:period_label", after_label, "s:product", sector->name, "d:quantity", after_output,
         "s:unit", "t", NULL);

  for (guint r = 0; r < G_N_ELEMENTS (resources); r++)
    {
      add (gen, "resource_consumption", "r:assessment_id", assessment, "s:phase", "baseline",
           "s:period_label", base_label, "s:resource_code", resources[r].code,
           "s:resource_name", resources[r].name, "s:category", resources[r].category,
           "d:quantity", resources[r].sc * output, "s:unit", resources[r].unit,
           "m:unit_price_vnd", resources[r].price, "s:data_source", "invoice", NULL);
      if (detailed)
        add (gen, "resource_consumption", "r:assessment_id", assessment, "s:phase", "after",
             "s:period_label", after_label, "s:resource_code", resources[r].code,
             "s:resource_name", resources[r].name, "s:category", resources[r].category,
             "d:quantity", resources[r].sc * uniform (gen, 0.80, 1.0) * after_output,
             "s:unit", resources[r].unit, "m:unit_price_vnd", resources[r].price,
             "s:data_source", "meter", NULL);
    }

  /* Steps from the sector's template, a material chain through them, water
   * in and out of each (nearly closing) and electricity into each. */
  for (guint s = 0; s < sector->steps->len; s++)
    {
      gint64 step = add (gen, "process_step", "r:assessment_id", assessment, "i:seq", (int) s + 1,
                         "s:name", (const char *) sector->steps->pdata[s], NULL);
      double water = output * resources[1].sc / sector->steps->len;

      g_array_append_val (step_ids, step);
      add (gen, "flow", "r:assessment_id", assessment, "s:from_label", "Nước cấp", "r:to_step_id", step,
           "s:substance", "Nước", "s:kind", "water", "d:quantity", water, "s:unit", "m3",
           "s:provenance", chance (gen, 0.5) ? "measured" : "estimated", NULL);
      add (gen, "flow", "r:assessment_id", assessment, "r:from_step_id", step, "s:to_label", "Nước thải",
           "s:substance", "Nước thải", "s:kind", "waste", "d:quantity", water * uniform (gen, 0.9, 1.0),
           "s:unit", "m3", "s:provenance", "estimated", NULL);
      add (gen, "flow", "r:assessment_id", assessment, "s:from_label", "Điện lưới", "r:to_step_id", step,
           "s:substance", "Điện", "s:kind", "energy",
           "d:quantity", output * resources[0].sc / sector->steps->len, "s:unit", "kWh",
           "s:provenance", "measured", NULL);
    }
  {
    double mass = output * resources[2].sc;

    for (guint s = 0; s < step_ids->len && !gen->failed; s++)
      {
        gint64 from_step = g_array_index (step_ids, gint64, s);
        gint64 to_step = s + 1 < step_ids->len ? g_array_index (step_ids, gint64, s + 1) : 0;
        double loss = mass * uniform (gen, 0.01, 0.15);

        if (s == 0)
          add (gen, "flow", "r:assessment_id", assessment, "s:from_label", "Nguyên liệu",
               "r:to_step_id", from_step, "s:substance", "Nguyên liệu", "s:kind", "material",
               "d:quantity", mass, "s:unit", "t", "s:provenance", "measured", NULL);
        add (gen, "flow", "r:assessment_id", assessment, "r:from_step_id", from_step,
             "s:to_label", "Chất thải rắn", "s:substance", "Hao hụt", "s:kind", "waste",
             "d:quantity", loss, "s:unit", "t", "s:provenance", "estimated", NULL);
        mass -= loss;
        add (gen, "flow", "r:assessment_id", assessment, "r:from_step_id", from_step,
             "r:to_step_id", to_step, "s:to_label", to_step == 0 ? "Sản phẩm" : NULL,
             "s:substance", to_step == 0 ? sector->name : "Bán thành phẩm",
             "s:kind", to_step == 0 ? "product" : "material",
             "d:quantity", mass, "s:unit", "t", "s:provenance", "estimated", NULL);
      }
  }

  add (gen, "waste_stream", "r:assessment_id", assessment, "s:name", "Nước thải sản xuất",
       "s:type", "wastewater", "d:quantity", output * resources[1].sc * 0.9, "s:unit", "m3",
       "m:treatment_vnd", (gint64) (output * resources[1].sc * 4000), "m:fees_vnd", (gint64) 50000000,
       "i:significance", 8, "i:is_focus", 1, NULL);
  add (gen, "waste_stream", "r:assessment_id", assessment, "s:name", "Chất thải rắn",
       "s:type", "solid", "d:quantity", output * 0.1, "s:unit", "t",
       "m:material_loss_vnd", (gint64) (output * 0.1 * 300000), "i:significance", 5, NULL);

  n_options = MIN ((guint) g_rand_int_range (gen->rand, 3, 9), sector->options->len);
  for (guint o = 0; o < n_options && !gen->failed; o++)
    {
      ShRecord *ref = sector->options->pdata[g_rand_int_range (gen->rand, 0, (gint32) sector->options->len)];
      const char *cost_class = sh_record_get_string (ref, "cost_class");
      gint64 investment = investment_for (gen, cost_class);
      g_autofree char *code = g_strdup_printf ("GP%02u", o + 1);
      const char *status = detailed ? (chance (gen, 0.6) ? "implemented" : "selected") : "proposed";
      gint64 option;

      option = add (gen, "cp_option", "r:assessment_id", assessment, "s:code", code,
                    "s:library_code", sh_record_get_string (ref, "code"),
                    "s:title", sh_record_get_string (ref, "title_vi"),
                    "s:category", sh_record_get_string (ref, "category"), "s:cost_class", cost_class,
                    "i:is_quick_win", detailed ? 0 : 1,
                    "s:screening", chance (gen, 0.8) ? "implement_now" : "analyse_further",
                    "s:status", status, NULL);
      if (investment > 0)
        add (gen, "option_investment", "r:option_id", option, "s:item", "equipment",
             "m:amount_vnd", investment, NULL);
      add (gen, "option_saving", "r:option_id", option, "s:resource_code", resources[o % 4].code,
           "d:quantity", resources[o % 4].sc * output * uniform (gen, 0.01, 0.08),
           "s:unit", resources[o % 4].unit, "m:unit_price_vnd", resources[o % 4].price, NULL);
    }

  if (detailed)
    for (guint r = 0; r < 2; r++)
      add (gen, "monitoring_record", "r:assessment_id", assessment, "s:indicator", resources[r].name,
           "s:resource_code", resources[r].code, "s:unit", resources[r].unit,
           "d:baseline_value", resources[r].sc, "s:baseline_period", base_label,
           "d:target_value", resources[r].sc * 0.9,
           "d:measured_value", resources[r].sc * uniform (gen, 0.8, 1.0),
           "s:measured_period", after_label, NULL);

  if (!gen->failed && chance (gen, 0.5) &&
      !sh_store_finalize_assessment (gen->store, assessment, gen->error))
    gen->failed = TRUE;
}

static void
add_facility (Gen   *gen,
              guint  index,
              guint  n_assessments)
{
  static const char *districts[] = { "Đắk Tô", "Đắk Hà", "Ngọc Hồi", "Sa Thầy", "Kon Plông", "Đắk Glei" };
  static const char *sizes[] = { "small", "small", "small", "medium", "medium", "large" };
  Sector *sector = gen->sectors->pdata[g_rand_int_range (gen->rand, 0, (gint32) gen->sectors->len)];
  const char *size = sizes[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (sizes))];
  gboolean big = !g_str_equal (size, "small");
  const char *district = districts[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (districts))];
  int employees = big ? g_rand_int_range (gen->rand, 100, 1500) : g_rand_int_range (gen->rand, 10, 100);
  int key_energy_user = big && chance (gen, 0.4) ? 1 : 0;
  const char *cp_unit = big && chance (gen, 0.7) ? "01/QĐ-SXSH" : NULL;
  g_autofree char *name = g_strdup_printf ("Công ty %s số %u", sector->name, index + 1);
  g_autofree char *tax = g_strdup_printf ("61%08u", index + 1);
  int first_year = gen->options->first_year;
  gboolean has_detailed = FALSE;
  gint64 facility;

  facility = add (gen, "facility", "s:name", name, "s:tax_code", tax,
                  "s:province_code", gen->options->province_code ? gen->options->province_code : "62",
                  "s:district", district, "s:sector_code", sector->code, "s:size_class", size,
                  "i:employees", employees, "i:key_energy_user", key_energy_user,
                  "s:cp_unit_decision_no", cp_unit, NULL);
  add (gen, "facility_product", "r:facility_id", facility, "s:name", sector->name,
       "d:capacity", uniform (gen, 10, 500), "s:capacity_unit", "t/ngày", NULL);
  add (gen, "team_member", "r:facility_id", facility, "s:name", "Trưởng nhóm SXSH", "s:role", "leader", NULL);
  add (gen, "team_member", "r:facility_id", facility, "s:name", "Kỹ sư công nghệ", "s:role", "member", NULL);
  if (chance (gen, 0.6))
    add (gen, "training_event", "r:facility_id", facility, "s:date", "2022-05-10",
         "s:title", "Tập huấn nhận thức SXSH", "i:participant_count", g_rand_int_range (gen->rand, 2, 20), NULL);

  for (guint a = 0; a < n_assessments; a++)
    {
      const char *kind = a == 0 && chance (gen, 0.6) ? "quick" : "detailed";
      int year = first_year + g_rand_int_range (gen->rand, 0, (gint32) gen->options->n_years);

      has_detailed |= g_str_equal (kind, "detailed");
      add_assessment (gen, facility, sector, kind, year);
    }

  if (has_detailed)
    for (guint y = 0; y < gen->options->n_years; y++)
      {
        int year = first_year + (int) y + 1;
        g_autofree char *deadline = g_strdup_printf ("%d-11-30", year);
        g_autofree char *submitted = g_strdup_printf ("%d-%s", year, chance (gen, 0.8) ? "11-20" : "12-10");
        gboolean sent = chance (gen, 0.9);

        add (gen, "annual_report", "r:facility_id", facility, "i:year", year,
             "s:recipient_province", gen->options->province_code ? gen->options->province_code : "62",
             "s:deadline", deadline, "s:submitted_on", sent ? submitted : NULL,
             "s:signatory", "Giám đốc cơ sở", "s:signatory_title", "Giám đốc",
             "s:status", "submitted", NULL);
      }
}

gboolean
sh_generate (ShStore                  *store,
             const ShGenerateOptions  *options,
             ShGenerateProgress        progress,
             gpointer                  user_data,
             GError                  **error)
{
  ShGenerateOptions defaults;
  g_autoptr(GRand) rand = NULL;
  g_autofree guint *counts = NULL;
  Gen gen = { 0 };

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  defaults = *options;
  if (defaults.first_year == 0)
    defaults.first_year = 2021;
  if (defaults.n_years == 0)
    defaults.n_years = 3;

  if (defaults.n_facilities == 0 && defaults.n_assessments > 0)
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                   _("Assessments need facilities: ask for at least one facility."));
      return FALSE;
    }

  rand = g_rand_new_with_seed (defaults.seed);
  gen.store = store;
  gen.rand = rand;
  gen.error = error;
  gen.options = &defaults;
  if (!load_sectors (&gen))
    {
      g_clear_pointer (&gen.sectors, g_ptr_array_unref);
      return FALSE;
    }

  /* Every facility gets one assessment before any gets a second. */
  counts = g_new0 (guint, MAX (defaults.n_facilities, 1));
  for (guint a = 0; a < defaults.n_assessments; a++)
    counts[a < defaults.n_facilities ? a : (guint) g_rand_int_range (rand, 0, (gint32) defaults.n_facilities)]++;

  for (guint f = 0; f < defaults.n_facilities && !gen.failed; f += FACILITIES_PER_TRANSACTION)
    {
      guint end = MIN (f + FACILITIES_PER_TRANSACTION, defaults.n_facilities);

      if (!sh_store_begin (store, error))
        {
          gen.failed = TRUE;
          break;
        }
      for (guint i = f; i < end && !gen.failed; i++)
        add_facility (&gen, i, counts[i]);
      if (gen.failed)
        {
          sh_store_rollback (store);
          break;
        }
      if (!sh_store_commit (store, error))
        {
          gen.failed = TRUE;
          break;
        }
      if (progress != NULL)
        progress (end, defaults.n_facilities, user_data);
    }

  g_clear_pointer (&gen.sectors, g_ptr_array_unref);
  return !gen.failed;
}
