/* sh-xlsx-rollup.c — the provincial roll-up as an Excel workbook: the
 * indicators against the targets of the province's plan (or of the
 * national strategy, 1419/QĐ-TTg, where the plan sets none), and the
 * facilities and assessments behind them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-calc.h"
#include "sh-refdata.h"
#include "sh-report-rollup.h"
#include "sh-xlsx-private.h"

#define NATIONAL_STRATEGY "1419/QĐ-TTg"

/* Whether @candidate is a better target for @year than @best: one whose
 * period covers the year beats one that does not; then the later period;
 * then the province's plan (listed first) over the national strategy. */
static gboolean
better_target (ShRecord *candidate,
               ShRecord *best,
               int       year)
{
  gint64 from = sh_record_get_int (candidate, "from_year", G_MININT64);
  gint64 to = sh_record_get_int (candidate, "to_year", 0);
  gboolean covers = from <= year && year <= to;
  gboolean best_covers;

  if (to > year && !covers)
    return FALSE;   /* a plan for later years does not apply yet */
  if (best == NULL)
    return TRUE;

  best_covers = sh_record_get_int (best, "from_year", G_MININT64) <= year && year <= sh_record_get_int (best, "to_year", 0);
  if (covers != best_covers)
    return covers;
  return to > sh_record_get_int (best, "to_year", 0);
}

typedef struct
{
  GPtrArray *targets;  /* ShRecord: the province's first, then the nation's */
  int        year;
} Targets;

static ShRecord *
find_target (Targets    *t,
             const char *indicator)
{
  ShRecord *best = NULL;

  for (guint i = 0; i < t->targets->len; i++)
    {
      ShRecord *r = t->targets->pdata[i];

      if (g_strcmp0 (sh_record_get_string (r, "indicator"), indicator) == 0 &&
          sh_record_is_null (r, "sector_code") &&
          better_target (r, best, t->year))
        best = r;
    }

  return best;
}

static void
write_target (ShXlsxSheet *s,
              ShRecord    *target,
              guint        column)
{
  g_autofree char *period = NULL;
  const char *source;

  if (target == NULL)
    return;

  sh_xlsx_cell_number (s, column, sh_record_get_double (target, "value", 0) / 100, SH_XLSX_FORMAT_PERCENT);
  if (sh_record_is_null (target, "from_year"))
    period = g_strdup_printf ("… – %" G_GINT64_FORMAT, sh_record_get_int (target, "to_year", 0));
  else
    period = g_strdup_printf ("%" G_GINT64_FORMAT " – %" G_GINT64_FORMAT,
                              sh_record_get_int (target, "from_year", 0), sh_record_get_int (target, "to_year", 0));
  sh_xlsx_cell_text (s, column + 1, period);
  source = sh_record_get_string (target, "plan_code");
  sh_xlsx_cell_text (s, column + 2, source != NULL ? source : sh_record_get_string (target, "instrument"));
}

/* One indicator: a count out of a total, its share, and the target. */
static void
write_share (ShXlsxSheet *s,
             Targets     *t,
             const char  *label,
             gint64       count,
             gint64       total,
             const char  *indicator)
{
  ShRecord *target = indicator != NULL ? find_target (t, indicator) : NULL;
  double percent = 0;
  gboolean has_percent = sh_report_rollup_percent (count, total, &percent);

  sh_xlsx_sheet_next_row (s);
  sh_xlsx_cell_text (s, 0, label);
  sh_xlsx_cell_number (s, 1, count, SH_XLSX_FORMAT_INTEGER);
  sh_xlsx_cell_number (s, 2, total, SH_XLSX_FORMAT_INTEGER);
  if (has_percent)
    sh_xlsx_cell_number (s, 3, percent / 100, SH_XLSX_FORMAT_PERCENT);
  write_target (s, target, 4);
  if (target != NULL && has_percent)
    sh_xlsx_cell_text (s, 7, percent + 1e-9 >= sh_record_get_double (target, "value", 0) ? _("Met") : _("Not met"));
}

static void
write_count (ShXlsxSheet *s,
             const char  *label,
             gint64       count)
{
  sh_xlsx_sheet_next_row (s);
  sh_xlsx_cell_text (s, 0, label);
  sh_xlsx_cell_number (s, 1, count, SH_XLSX_FORMAT_INTEGER);
}

static void
write_declared (ShXlsxSheet *s,
                const char  *label,
                gint64       value,
                gboolean     money)
{
  /* Below zero: not stated by the DoIT. */
  if (value < 0)
    return;

  sh_xlsx_sheet_next_row (s);
  sh_xlsx_cell_text (s, 0, label);
  if (money)
    sh_xlsx_cell_money (s, 1, value);
  else
    sh_xlsx_cell_number (s, 1, value, SH_XLSX_FORMAT_INTEGER);
}

static void
write_indicators (ShXlsxBook                 *book,
                  ShReportRollup             *rollup,
                  const ShReportRollupParams *params,
                  Targets                    *t)
{
  const char *headers[] = { _("Indicator"), _("Number"), _("Of"), _("Share"), _("Target"), _("Target period"),
                            _("Plan or decision"), _("Against the target"), NULL };
  g_autofree char *title = g_strdup_printf (_("CP roll-up of province %s, %d"), rollup->province_code, rollup->year);
  ShRecord *saving_min = find_target (t, "SAVING_PCT_MIN");
  ShRecord *saving_max = find_target (t, "SAVING_PCT_MAX");
  ShXlsxSheet s;

  sh_xlsx_sheet_begin (&s, book, _("Indicators"), title, headers);

  write_share (&s, t, rollup->total_declared ? _("Facilities (declared)") : _("Facilities (in the database)"),
               rollup->total, rollup->total, NULL);
  write_share (&s, t, _("Aware of CP"), rollup->aware, rollup->total, "AWARE_PCT");
  write_share (&s, t, _("Applying CP"), rollup->applying, rollup->total, "APPLY_PCT");
  write_share (&s, t, _("Medium and large enterprises"), rollup->medium_large, rollup->medium_large, NULL);
  write_share (&s, t, _("Medium and large enterprises with a CP unit"), rollup->with_cp_unit,
               rollup->medium_large, "CP_UNIT_PCT");

  /* The saving is measured against a band, not a floor. */
  sh_xlsx_sheet_next_row (&s);
  sh_xlsx_cell_text (&s, 0, _("Average saving per unit of product"));
  if (rollup->has_average)
    sh_xlsx_cell_number (&s, 3, rollup->average_saving_percent / 100, SH_XLSX_FORMAT_PERCENT);
  if (saving_min != NULL)
    {
      write_target (&s, saving_min, 4);
      if (rollup->has_average)
        {
          double min = sh_record_get_double (saving_min, "value", 0);
          double max = saving_max != NULL ? sh_record_get_double (saving_max, "value", min) : G_MAXDOUBLE;

          switch (sh_calc_target_check (rollup->average_saving_percent, min, max))
            {
            case SH_CALC_TARGET_BELOW:
              sh_xlsx_cell_text (&s, 7, _("Below the target"));
              break;
            case SH_CALC_TARGET_WITHIN:
              sh_xlsx_cell_text (&s, 7, _("Within the target"));
              break;
            case SH_CALC_TARGET_ABOVE:
            default:
              sh_xlsx_cell_text (&s, 7, _("Above the target"));
              break;
            }
        }
    }
  if (saving_max != NULL)
    {
      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_text (&s, 0, _("Upper end of the saving target band"));
      write_target (&s, saving_max, 4);
    }

  write_count (&s, _("Training events"), rollup->trainings);
  write_count (&s, _("Participants"), rollup->participants);
  write_count (&s, _("Quick assessments ended"), rollup->quick);
  write_count (&s, _("Detailed assessments ended"), rollup->detailed);
  write_count (&s, _("Follow-up assessments ended"), rollup->follow_up);
  write_declared (&s, _("Demonstration models"), params->demonstration_models, FALSE);
  write_declared (&s, _("DoIT staff able to guide CP"), params->doit_cp_staff, FALSE);
  write_declared (&s, _("Central budget used (đồng)"), params->budget_central_vnd, TRUE);
  write_declared (&s, _("Provincial budget used (đồng)"), params->budget_local_vnd, TRUE);
  write_declared (&s, _("Other funds used (đồng)"), params->budget_other_vnd, TRUE);
  if (params->difficulties != NULL)
    {
      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_text (&s, 0, _("Difficulties"));
      sh_xlsx_cell_text (&s, 1, params->difficulties);
    }
  if (params->proposals != NULL)
    {
      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_text (&s, 0, _("Proposals"));
      sh_xlsx_cell_text (&s, 1, params->proposals);
    }

  sh_xlsx_sheet_end (&s);
}

static const char *
yes_no (gboolean value)
{
  return value ? _("Yes") : _("No");
}

static const char *
size_label (const char *size)
{
  if (g_strcmp0 (size, "micro") == 0)
    return _("Micro");
  if (g_strcmp0 (size, "small") == 0)
    return _("Small");
  if (g_strcmp0 (size, "medium") == 0)
    return _("Medium");
  if (g_strcmp0 (size, "large") == 0)
    return _("Large");
  return size;
}

static void
write_facilities (ShXlsxBook     *book,
                  ShReportRollup *rollup)
{
  const char *headers[] = { _("Facility"), _("Size"), _("Aware of CP"), _("Applying CP"), _("CP unit"),
                            _("Annual report"), NULL };
  ShXlsxSheet s;

  if (rollup->facilities->len == 0)
    return;

  sh_xlsx_sheet_begin (&s, book, _("Facilities"), _("The facilities counted"), headers);
  for (guint i = 0; i < rollup->facilities->len; i++)
    {
      const ShRollupFacility *f = rollup->facilities->pdata[i];

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_text (&s, 0, f->name);
      sh_xlsx_cell_text (&s, 1, size_label (f->size_class));
      sh_xlsx_cell_text (&s, 2, yes_no (f->aware));
      sh_xlsx_cell_text (&s, 3, yes_no (f->applying));
      sh_xlsx_cell_text (&s, 4, yes_no (f->has_cp_unit));
      sh_xlsx_cell_text (&s, 5, yes_no (f->has_annual_report));
    }
  sh_xlsx_sheet_end (&s);
}

static gboolean
write_savings (ShXlsxBook      *book,
               ShStore         *store,
               ShReportRollup  *rollup,
               GError         **error)
{
  const char *headers[] = { _("Facility"), _("Assessment"), _("Saving"), _("Output after CP"), _("Unit"), NULL };
  ShXlsxSheet s;

  if (rollup->savings->len == 0)
    return TRUE;

  sh_xlsx_sheet_begin (&s, book, _("Savings"), _("Savings per unit of product behind the average"), headers);
  for (guint i = 0; i < rollup->savings->len; i++)
    {
      const ShRollupSaving *saving = rollup->savings->pdata[i];
      const ShRollupFacility *facility = NULL;
      g_autoptr(GPtrArray) assessments = NULL;
      const char *assessment = saving->assessment_uuid;

      for (guint f = 0; f < rollup->facilities->len && facility == NULL; f++)
        {
          const ShRollupFacility *candidate = rollup->facilities->pdata[f];

          if (g_strcmp0 (candidate->facility_uuid, saving->facility_uuid) == 0)
            facility = candidate;
        }

      if (facility != NULL)
        {
          assessments = sh_store_list (store, "assessment", "facility_id", facility->facility_id, error);
          if (assessments == NULL)
            return FALSE;
          for (guint a = 0; a < assessments->len; a++)
            {
              ShRecord *r = assessments->pdata[a];

              if (g_strcmp0 (sh_record_get_uuid (r), saving->assessment_uuid) == 0 &&
                  !sh_record_is_null (r, "title"))
                assessment = sh_record_get_string (r, "title");
            }
        }

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_text (&s, 0, facility != NULL ? facility->name : saving->facility_uuid);
      sh_xlsx_cell_text (&s, 1, assessment);
      sh_xlsx_cell_number (&s, 2, saving->saving_percent / 100, SH_XLSX_FORMAT_PERCENT);
      sh_xlsx_cell_number (&s, 3, saving->output, SH_XLSX_FORMAT_DECIMAL);
      sh_xlsx_cell_unit (&s, 4, saving->output_unit);
    }
  sh_xlsx_sheet_end (&s);
  return TRUE;
}

static void
write_targets (ShXlsxBook *book,
               Targets    *t)
{
  const char *headers[] = { _("Plan or decision"), _("Indicator"), _("From"), _("To"), _("Target"), _("Up to"),
                            _("Unit"), NULL };
  gboolean vi = sh_xlsx_is_vietnamese ();
  ShXlsxSheet s;

  if (t->targets->len == 0)
    return;

  sh_xlsx_sheet_begin (&s, book, _("Targets"), _("Targets of the province's plans and of the national strategy"), headers);
  for (guint i = 0; i < t->targets->len; i++)
    {
      ShRecord *r = t->targets->pdata[i];
      const char *unit = sh_record_get_string (r, "unit");
      const char *plan = sh_record_get_string (r, "plan_code");
      gboolean percent = g_strcmp0 (unit, "%") == 0;
      ShXlsxFormat format = percent ? SH_XLSX_FORMAT_PERCENT
                            : g_strcmp0 (unit, "VND") == 0 ? SH_XLSX_FORMAT_MONEY : SH_XLSX_FORMAT_DECIMAL;
      double scale = percent ? 100 : 1;

      sh_xlsx_sheet_next_row (&s);
      sh_xlsx_cell_text (&s, 0, plan != NULL ? plan : sh_record_get_string (r, "instrument"));
      sh_xlsx_cell_field_text (&s, 1, r, vi ? "subject_vi" : "subject_en");
      sh_xlsx_cell_field_number (&s, 2, r, "from_year", SH_XLSX_FORMAT_YEAR);
      sh_xlsx_cell_field_number (&s, 3, r, "to_year", SH_XLSX_FORMAT_YEAR);
      sh_xlsx_cell_number (&s, 4, sh_record_get_double (r, "value", 0) / scale, format);
      if (!sh_record_is_null (r, "value_max"))
        sh_xlsx_cell_number (&s, 5, sh_record_get_double (r, "value_max", 0) / scale, format);
      if (!percent)
        sh_xlsx_cell_text (&s, 6, unit);
    }
  sh_xlsx_sheet_end (&s);
}

gboolean
sh_xlsx_write_rollup (ShStore     *store,
                      const char  *province_code,
                      int          year,
                      const char  *path,
                      GError     **error)
{
  ShReportRollupParams params;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (province_code != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sh_report_rollup_params_init (&params, province_code, year);
  return sh_xlsx_write_rollup_full (store, &params, path, NULL, error);
}

gboolean
sh_xlsx_write_rollup_full (ShStore                    *store,
                           const ShReportRollupParams *params,
                           const char                 *path,
                           ShReportRollup            **out_rollup,
                           GError                    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ShReportRollup) rollup = NULL;
  g_autoptr(GPtrArray) province_targets = NULL;
  g_autoptr(GPtrArray) national_targets = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *context = NULL;
  const char *province_code;
  Targets targets = { NULL, 0 };
  ShXlsxBook *book;
  gboolean ok;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (params != NULL && params->province_code != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  province_code = params->province_code;
  targets.year = params->year;
  rollup = sh_report_rollup_compute (store, sh_units_get_default (), params, error);
  if (rollup == NULL)
    return FALSE;

  province_targets = sh_refdata_list_province_targets (store, province_code, error);
  if (province_targets == NULL)
    return FALSE;
  national_targets = sh_refdata_list_instrument_targets (store, NATIONAL_STRATEGY, error);
  if (national_targets == NULL)
    return FALSE;
  targets.targets = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_record_unref);
  for (guint i = 0; i < province_targets->len; i++)
    g_ptr_array_add (targets.targets, sh_record_ref (province_targets->pdata[i]));
  for (guint i = 0; i < national_targets->len; i++)
    g_ptr_array_add (targets.targets, sh_record_ref (national_targets->pdata[i]));

  tmp = sh_xlsx_make_tmp (path, error);
  if (tmp == NULL)
    {
      g_ptr_array_unref (targets.targets);
      return FALSE;
    }

  context = g_strdup_printf (_("Province %s, year %d — %u facilities in the database"),
                             province_code, params->year, rollup->facilities->len);
  book = sh_xlsx_book_new (tmp, context);
  write_indicators (book, rollup, params, &targets);
  write_facilities (book, rollup);
  ok = write_savings (book, store, rollup, &local_error);
  write_targets (book, &targets);
  g_ptr_array_unref (targets.targets);

  if (ok)
    ok = sh_xlsx_book_close (book, path, &local_error);
  else
    sh_xlsx_book_close (book, path, NULL);

  if (!sh_xlsx_commit_tmp (tmp, path, ok, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (out_rollup != NULL)
    *out_rollup = g_steal_pointer (&rollup);
  return TRUE;
}
