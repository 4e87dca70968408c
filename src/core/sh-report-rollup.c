/* sh-report-rollup.c — the provincial roll-up a DoIT sends to the ministry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sh-calc.h"
#include "sh-report-private.h"
#include "sh-report-rollup.h"
#include "sh-store-private.h"
#include "sh-summary.h"
#include "sh-summary-private.h"

/* The facilities a province's roll-up covers: those recorded under its
 * code, and those still recorded under the code of a province that merged
 * into it (ref_province.successor_code) and had ended before the end of
 * the year: a historical record keeps its old province, and the report for
 * a year after the merger goes to the new Department (1 July 2025). ?1 is
 * the province, ?3 the last day of the year. */
#define IN_PROVINCE(column)                                                   \
  "(" column " = ?1 OR " column " IN (SELECT code FROM ref_province "         \
  "WHERE successor_code = ?1 AND code <> ?1 AND valid_to IS NOT NULL "        \
  "AND valid_to < ?3))"

/* The method as written into the document, in both languages. It is part
 * of the format, not of the interface, so it is not translated. */
static const char method_vi[] =
  "Cơ sở nhận thức về SXSH: có khóa đào tạo, hội thảo SXSH hoặc đợt đánh giá SXSH đến hết năm báo cáo. "
  "Cơ sở áp dụng SXSH: có đợt đánh giá SXSH, ít nhất một giải pháp đã thực hiện và báo cáo đánh giá hiệu quả "
  "áp dụng SXSH của năm báo cáo (Thông tư 46/2012/TT-BCT theo DOMAIN §1.2, chưa đối chiếu văn bản gốc). "
  "Có bộ phận SXSH: có quyết định thành lập hoặc ít nhất một thành viên đội SXSH; tính trên doanh nghiệp vừa và lớn. "
  "Tỷ lệ tính trên tổng số cơ sở nêu ở TongSo và làm tròn tới 2 chữ số thập phân. "
  "Tỷ lệ tiết kiệm bình quân trên đơn vị sản phẩm: với mỗi đợt đánh giá của cơ sở áp dụng SXSH được báo cáo năm "
  "bao gồm, lấy bình quân tỷ lệ tiết kiệm các tài nguyên gia quyền theo chi phí nền (bình quân đơn giản khi không có "
  "chi phí); sau đó lấy bình quân các đợt gia quyền theo sản lượng giai đoạn sau, quy về đơn vị cơ sở của bảng đơn vị "
  "(kg, m3, viên QTC…). Hoạt động: khóa đào tạo trong năm; đợt đánh giá kết thúc trong năm (hoặc bắt đầu trong năm "
  "khi chưa có ngày kết thúc).";

static const char method_en[] =
  "Aware of CP: a CP training event or workshop, or a CP assessment, by the end of the year reported on. "
  "Applying CP: a CP assessment, at least one option implemented and an annual CP effectiveness report for the "
  "year (Circular 46/2012/TT-BCT as reconstructed in DOMAIN section 1.2, not checked against the official text). "
  "CP unit: a decision establishing it or at least one CP team member; counted among medium and large enterprises. "
  "Percentages are of the total in TongSo, rounded to 2 decimals. "
  "Average saving per unit of product: for each assessment of an applying facility covered by the year's annual "
  "report, the mean saving of its resources weighted by their baseline cost (the plain mean without costs); then the "
  "mean of those weighted by each assessment's output after the options, in the base unit of the units table "
  "(kg, m3, standard bricks…). Activities: training events in the year; assessments that ended in the year (or "
  "began in it, when they have no end date).";

void
sh_report_rollup_params_init (ShReportRollupParams *params,
                              const char           *province_code,
                              int                   year)
{
  g_return_if_fail (params != NULL);

  params->province_code = province_code;
  params->year = year;
  params->declared_total = -1;
  params->demonstration_models = -1;
  params->doit_cp_staff = -1;
  params->budget_central_vnd = -1;
  params->budget_local_vnd = -1;
  params->budget_other_vnd = -1;
  params->difficulties = NULL;
  params->proposals = NULL;
}

static void
facility_free (gpointer data)
{
  ShRollupFacility *f = data;

  g_free (f->facility_uuid);
  g_free (f->name);
  g_free (f->size_class);
  g_free (f);
}

void
sh_rollup_saving_free (ShRollupSaving *saving)
{
  if (saving == NULL)
    return;

  g_free (saving->facility_uuid);
  g_free (saving->assessment_uuid);
  g_free (saving->output_unit);
  g_free (saving);
}

void
sh_report_rollup_free (ShReportRollup *rollup)
{
  if (rollup == NULL)
    return;

  g_free (rollup->province_code);
  g_clear_pointer (&rollup->facilities, g_ptr_array_unref);
  g_clear_pointer (&rollup->savings, g_ptr_array_unref);
  g_free (rollup);
}

/* -------------------------------------------------------------------------
 * Formulas
 * ------------------------------------------------------------------------- */

gboolean
sh_report_rollup_weighted_mean (const double  *values,
                                const double  *weights,
                                gsize          n,
                                double        *out_mean,
                                GError       **error)
{
  double sum = 0, weight = 0, plain = 0;

  g_return_val_if_fail (out_mean != NULL, FALSE);

  if (n == 0 || values == NULL || weights == NULL)
    {
      g_set_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID, _("There is nothing to average."));
      return FALSE;
    }

  for (gsize i = 0; i < n; i++)
    {
      if (!isfinite (values[i]) || !isfinite (weights[i]) || weights[i] < 0)
        {
          g_set_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID,
                       _("A value or a weight of the average is not a finite number ≥ 0."));
          return FALSE;
        }
      sum += values[i] * weights[i];
      weight += weights[i];
      plain += values[i];
    }

  *out_mean = weight > 0 ? sum / weight : plain / (double) n;
  return TRUE;
}

gboolean
sh_report_rollup_percent (gint64  count,
                          gint64  total,
                          double *out_percent)
{
  g_return_val_if_fail (out_percent != NULL, FALSE);

  *out_percent = 0;
  if (total <= 0 || count < 0)
    return FALSE;

  *out_percent = round ((double) count / (double) total * 10000.0) / 100.0;
  return TRUE;
}

gboolean
sh_report_rollup_average_saving (ShUnits    *units,
                                 GPtrArray  *savings,
                                 double     *out_percent,
                                 GError    **error)
{
  g_autofree double *values = NULL;
  g_autofree double *weights = NULL;

  g_return_val_if_fail (units != NULL, FALSE);
  g_return_val_if_fail (savings != NULL, FALSE);

  values = g_new0 (double, MAX (savings->len, 1));
  weights = g_new0 (double, MAX (savings->len, 1));
  for (guint i = 0; i < savings->len; i++)
    {
      const ShRollupSaving *s = savings->pdata[i];
      const ShUnitInfo *unit = sh_units_lookup (units, s->output_unit, error);

      if (unit == NULL)
        return FALSE;
      values[i] = s->saving_percent;
      /* A value in a unit times its factor is the value in the base unit. */
      weights[i] = s->output * unit->factor;
    }

  return sh_report_rollup_weighted_mean (values, weights, savings->len, out_percent, error);
}

/* -------------------------------------------------------------------------
 * From the database
 * ------------------------------------------------------------------------- */

static gboolean
query_flag (ShStore     *store,
            const char  *sql,
            gint64       facility_id,
            const char  *last_day,
            int          year,
            gboolean    *out,
            GError     **error)
{
  sqlite3_stmt *stmt = sh_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  /* Each query uses the parameters it needs; binding one it does not
   * have is a harmless SQLITE_RANGE. */
  sqlite3_bind_int64 (stmt, 1, facility_id);
  sqlite3_bind_text (stmt, 2, last_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, year);
  rc = sqlite3_step (stmt);
  *out = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      sh_store_set_sqlite_error (store, rc, error, "computing a roll-up");
      return FALSE;
    }

  return TRUE;
}

static const char sql_trained[] =
  "SELECT EXISTS (SELECT 1 FROM training_event WHERE facility_id = ?1 AND substr (date, 1, 10) <= ?2)";
static const char sql_assessed[] =
  "SELECT EXISTS (SELECT 1 FROM assessment WHERE facility_id = ?1 "
  "AND (start_date IS NULL OR substr (start_date, 1, 10) <= ?2))";
static const char sql_implemented[] =
  "SELECT EXISTS (SELECT 1 FROM cp_option o JOIN assessment a ON a.id = o.assessment_id "
  "WHERE a.facility_id = ?1 AND o.status = 'implemented' "
  "AND (o.actual_end IS NULL OR substr (o.actual_end, 1, 10) <= ?2))";
static const char sql_reported[] =
  "SELECT EXISTS (SELECT 1 FROM annual_report WHERE facility_id = ?1 AND year = ?3)";
static const char sql_cp_unit[] =
  "SELECT (SELECT length (trim (coalesce (cp_unit_decision_no, ''))) > 0 FROM facility WHERE id = ?1) "
  "OR EXISTS (SELECT 1 FROM team_member WHERE facility_id = ?1)";

/* Each assessment of @facility covered by the year's annual report, with
 * the cost-weighted mean saving of its resources and its output after. */
static gboolean
add_savings (ShReportRollup   *rollup,
             ShStore          *store,
             ShUnits          *units,
             ShRollupFacility *facility,
             GError          **error)
{
  g_autoptr(GArray) assessments = NULL;
  g_autoptr(GPtrArray) uuids = NULL;

  assessments = sh_report_covered_assessment_ids (store, facility->facility_id, rollup->year, &uuids, error);
  if (assessments == NULL)
    return FALSE;

  for (guint a = 0; a < assessments->len; a++)
    {
      g_autoptr(ShSummary) summary = NULL;
      g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) costs = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *unit = NULL;
      ShRollupSaving *row;
      double output = 0;
      double mean;

      summary = sh_summary_compute_resources (store, units, g_array_index (assessments, gint64, a), error);
      if (summary == NULL)
        return FALSE;

      for (guint r = 0; r < summary->resources->len; r++)
        {
          const ShSummaryResource *resource = summary->resources->pdata[r];
          double cost = (double) resource->baseline_cost_vnd;

          if (!resource->has_saving)
            continue;
          g_array_append_val (values, resource->saving_percent);
          g_array_append_val (costs, cost);
          output = resource->after_output;
          g_free (unit);
          unit = sh_report_resolve_unit (units, resource->output_unit);
        }

      /* Without output or a known unit it cannot be weighed. */
      if (values->len == 0 || output <= 0 || unit == NULL ||
          !sh_report_rollup_weighted_mean ((const double *) values->data, (const double *) costs->data,
                                           values->len, &mean, NULL))
        continue;

      row = g_new0 (ShRollupSaving, 1);
      row->facility_uuid = g_strdup (facility->facility_uuid);
      row->assessment_uuid = g_strdup (uuids->pdata[a]);
      row->saving_percent = mean;
      row->output = output;
      row->output_unit = g_steal_pointer (&unit);
      g_ptr_array_add (rollup->savings, row);
    }

  return TRUE;
}

static gboolean
count_activities (ShReportRollup  *rollup,
                  ShStore         *store,
                  GError         **error)
{
  g_autofree char *year = g_strdup_printf ("%04d", rollup->year);
  g_autofree char *last_day = g_strdup_printf ("%04d-12-31", rollup->year);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sh_store_prepare (store,
                           "SELECT count (*), coalesce (sum (t.participant_count), 0) FROM training_event t "
                           "JOIN facility f ON f.id = t.facility_id "
                           "WHERE " IN_PROVINCE ("f.province_code") " AND substr (t.date, 1, 4) = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rollup->province_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, year, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last_day, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      rollup->trainings = sqlite3_column_int64 (stmt, 0);
      rollup->participants = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      sh_store_set_sqlite_error (store, rc, error, "counting training events");
      return FALSE;
    }

  stmt = sh_store_prepare (store,
                           "SELECT a.kind, count (*) FROM assessment a JOIN facility f ON f.id = a.facility_id "
                           "WHERE " IN_PROVINCE ("f.province_code")
                           " AND substr (coalesce (a.end_date, a.start_date), 1, 4) = ?2 "
                           "GROUP BY a.kind",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rollup->province_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, year, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last_day, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      gint64 n = sqlite3_column_int64 (stmt, 1);

      if (g_strcmp0 (kind, "quick") == 0)
        rollup->quick = n;
      else if (g_strcmp0 (kind, "detailed") == 0)
        rollup->detailed = n;
      else if (g_strcmp0 (kind, "follow_up") == 0)
        rollup->follow_up = n;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sh_store_set_sqlite_error (store, rc, error, "counting assessments");
      return FALSE;
    }

  return TRUE;
}

static ShReportRollup *compute_rollup (ShStore                     *store,
                                       ShUnits                     *units,
                                       const ShReportRollupParams  *params,
                                       GError                     **error);

GPtrArray *
sh_report_rollup_list_facilities (ShStore     *store,
                                  const char  *province_code,
                                  int          year,
                                  GError     **error)
{
  g_autoptr(GPtrArray) facilities = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_record_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *last_day = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (province_code != NULL, NULL);

  stmt = sh_store_prepare (store, "SELECT id FROM facility WHERE " IN_PROVINCE ("province_code") " ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, province_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last_day, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sh_store_set_sqlite_error (store, rc, error, "listing the province's facilities");
      return NULL;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      ShRecord *facility = sh_store_get (store, "facility", g_array_index (ids, gint64, i), error);

      if (facility == NULL)
        return NULL;
      g_ptr_array_add (facilities, facility);
    }

  return g_steal_pointer (&facilities);
}

ShReportRollup *
sh_report_rollup_compute (ShStore                     *store,
                          ShUnits                     *units,
                          const ShReportRollupParams  *params,
                          GError                     **error)
{
  ShReportRollup *rollup;
  gboolean began = FALSE;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (units != NULL, NULL);
  g_return_val_if_fail (params != NULL && params->province_code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Thousands of small queries: one snapshot for all of them, which also
   * makes the figures agree with each other if someone writes meanwhile. */
  if (!sh_summary_read_begin (store, &began, error))
    return NULL;
  rollup = compute_rollup (store, units, params, error);
  sh_summary_read_end (store, began);

  return rollup;
}

static ShReportRollup *
compute_rollup (ShStore                     *store,
                ShUnits                     *units,
                const ShReportRollupParams  *params,
                GError                     **error)
{
  g_autoptr(ShReportRollup) rollup = NULL;
  g_autofree char *last_day = NULL;
  sqlite3_stmt *stmt;
  int rc;

  rollup = g_new0 (ShReportRollup, 1);
  rollup->province_code = g_strdup (params->province_code);
  rollup->year = params->year;
  rollup->facilities = g_ptr_array_new_with_free_func (facility_free);
  rollup->savings = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_rollup_saving_free);
  last_day = g_strdup_printf ("%04d-12-31", params->year);

  stmt = sh_store_prepare (store,
                           "SELECT id, uuid, name, size_class FROM facility WHERE "
                           IN_PROVINCE ("province_code") " ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, params->province_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last_day, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShRollupFacility *f = g_new0 (ShRollupFacility, 1);

      f->facility_id = sqlite3_column_int64 (stmt, 0);
      f->facility_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      f->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      f->size_class = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (rollup->facilities, f);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sh_store_set_sqlite_error (store, rc, error, "listing the province's facilities");
      return NULL;
    }

  for (guint i = 0; i < rollup->facilities->len; i++)
    {
      ShRollupFacility *f = rollup->facilities->pdata[i];
      gboolean trained, assessed, implemented;
      gboolean medium_large = g_strcmp0 (f->size_class, "medium") == 0 || g_strcmp0 (f->size_class, "large") == 0;

      if (!query_flag (store, sql_trained, f->facility_id, last_day, params->year, &trained, error) ||
          !query_flag (store, sql_assessed, f->facility_id, last_day, params->year, &assessed, error) ||
          !query_flag (store, sql_implemented, f->facility_id, last_day, params->year, &implemented, error) ||
          !query_flag (store, sql_reported, f->facility_id, last_day, params->year, &f->has_annual_report, error) ||
          !query_flag (store, sql_cp_unit, f->facility_id, last_day, params->year, &f->has_cp_unit, error))
        return NULL;

      f->aware = trained || assessed;
      f->applying = assessed && implemented && f->has_annual_report;
      rollup->aware += f->aware;
      rollup->applying += f->applying;
      if (medium_large)
        {
          rollup->medium_large++;
          rollup->with_cp_unit += f->has_cp_unit;
        }

      if (f->applying && !add_savings (rollup, store, units, f, error))
        return NULL;
    }

  rollup->total_declared = params->declared_total >= 0;
  rollup->total = rollup->total_declared ? params->declared_total : (gint64) rollup->facilities->len;
  if (rollup->total < (gint64) rollup->facilities->len)
    {
      g_set_error (error, SH_REPORT_ERROR, SH_REPORT_ERROR_INCOMPLETE,
                   _("The declared number of facilities (%" PRId64 ") is smaller than the %u of the "
                     "province already in the database."),
                   rollup->total, rollup->facilities->len);
      return NULL;
    }

  if (rollup->savings->len > 0)
    {
      if (!sh_report_rollup_average_saving (units, rollup->savings, &rollup->average_saving_percent, error))
        return NULL;
      rollup->has_average = TRUE;
    }

  if (!count_activities (rollup, store, error))
    return NULL;

  return g_steal_pointer (&rollup);
}

/* -------------------------------------------------------------------------
 * The document
 * ------------------------------------------------------------------------- */

static void
write_share (xmlNode    *parent,
             const char *element,
             gint64      count,
             gint64      total)
{
  xmlNode *node = sh_report_add_text (parent, element, NULL);
  double percent;

  sh_report_add_int (node, "SoLuong", count);
  if (sh_report_rollup_percent (count, total, &percent))
    sh_report_add_decimal (node, "TyLePct", percent);
}

gboolean
sh_report_export_rollup (ShStore                     *store,
                         ShUnits                     *units,
                         const ShReportRollupParams  *params,
                         const char                  *path,
                         ShReportRollup             **out_rollup,
                         GPtrArray                  **out_problems,
                         GError                     **error)
{
  g_autoptr(ShReportRollup) rollup = NULL;
  g_autoptr(ShReportWriter) writer = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subject = NULL;
  xmlNode *root, *node, *counts, *list;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (units != NULL, FALSE);
  g_return_val_if_fail (params != NULL && params->province_code != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_rollup != NULL)
    *out_rollup = NULL;
  if (out_problems != NULL)
    *out_problems = NULL;

  if (!(rollup = sh_report_rollup_compute (store, units, params, error)))
    return FALSE;

  /* A roll-up is about a province and a year, not a record: its subject
   * UUID is made from them, so that every roll-up of the same province and
   * year has the same one. */
  name = g_strdup_printf ("rollup/%s/%d", params->province_code, params->year);
  subject = sh_report_name_uuid (name);
  writer = sh_report_writer_new (store, units, SH_REPORT_KIND_ROLLUP, subject);
  root = sh_report_writer_get_root (writer);

  sh_report_add_int (root, "Nam", params->year);
  sh_report_add_text (root, "MaTinh", params->province_code);
  node = sh_report_add_text (root, "PhuongPhap", NULL);
  sh_report_add_text (node, "CachTinhTietKiem", "BINH_QUAN_GIA_QUYEN_SAN_LUONG");
  sh_report_add_text (node, "TiengViet", method_vi);
  sh_report_add_text (node, "TiengAnh", method_en);

  counts = sh_report_add_text (root, "SoCoSo", NULL);
  sh_report_add_int (counts, "TongSo", rollup->total);
  sh_report_add_text (counts, "NguonTongSo", rollup->total_declared ? "KHAI_BAO" : "CO_SO_DU_LIEU");
  write_share (counts, "NhanThuc", rollup->aware, rollup->total);
  write_share (counts, "ApDung", rollup->applying, rollup->total);
  node = sh_report_add_text (counts, "VuaVaLon", NULL);
  sh_report_add_int (node, "TongSo", rollup->medium_large);
  write_share (node, "CoBoPhanSXSH", rollup->with_cp_unit, rollup->medium_large);

  node = sh_report_add_text (root, "TietKiemBinhQuan", NULL);
  if (rollup->has_average)
    sh_report_add_decimal (node, "TyLePct", round (rollup->average_saving_percent * 100.0) / 100.0);
  for (guint i = 0; i < rollup->savings->len; i++)
    {
      const ShRollupSaving *s = rollup->savings->pdata[i];
      xmlNode *detail = sh_report_add_text (node, "ChiTiet", NULL);

      sh_report_add_text (detail, "MaCoSo", s->facility_uuid);
      sh_report_add_text (detail, "MaDanhGia", s->assessment_uuid);
      sh_report_add_computed (detail, "TietKiemPct", s->saving_percent);
      sh_report_add_decimal (detail, "SanLuong", s->output);
      sh_report_add_text (detail, "DonVi", s->output_unit);
    }

  node = sh_report_add_text (root, "HoatDong", NULL);
  sh_report_add_int (node, "SoKhoaDaoTao", rollup->trainings);
  sh_report_add_int (node, "SoNguoiThamDu", rollup->participants);
  sh_report_add_int (node, "SoDanhGiaNhanh", rollup->quick);
  sh_report_add_int (node, "SoDanhGiaChiTiet", rollup->detailed);
  sh_report_add_int (node, "SoDanhGiaTiepTheo", rollup->follow_up);
  if (params->demonstration_models >= 0)
    sh_report_add_int (node, "SoMoHinhTrinhDien", params->demonstration_models);

  if (params->doit_cp_staff >= 0)
    sh_report_add_int (root, "SoCanBoSXSH", params->doit_cp_staff);
  if (params->budget_central_vnd >= 0 || params->budget_local_vnd >= 0 || params->budget_other_vnd >= 0)
    {
      node = sh_report_add_text (root, "KinhPhi", NULL);
      if (params->budget_central_vnd >= 0)
        sh_report_add_int (node, "TrungUongVND", params->budget_central_vnd);
      if (params->budget_local_vnd >= 0)
        sh_report_add_int (node, "DiaPhuongVND", params->budget_local_vnd);
      if (params->budget_other_vnd >= 0)
        sh_report_add_int (node, "KhacVND", params->budget_other_vnd);
    }
  if (params->difficulties != NULL && *params->difficulties != '\0')
    sh_report_add_text (root, "KhoKhan", params->difficulties);
  if (params->proposals != NULL && *params->proposals != '\0')
    sh_report_add_text (root, "DeXuat", params->proposals);

  list = sh_report_add_text (root, "DanhSachCoSo", NULL);
  for (guint i = 0; i < rollup->facilities->len; i++)
    {
      const ShRollupFacility *f = rollup->facilities->pdata[i];
      const char *size = sh_report_enum_to_xml (sh_report_enum_size_class, f->size_class);
      xmlNode *row = sh_report_add_text (list, "CoSo", NULL);

      xmlNewProp (row, (const xmlChar *) "uuid", (const xmlChar *) f->facility_uuid);
      sh_report_add_text (row, "Ten", f->name);
      if (size != NULL)
        sh_report_add_text (row, "QuyMo", size);
      sh_report_add_boolean (row, "NhanThuc", f->aware);
      sh_report_add_boolean (row, "ApDung", f->applying);
      sh_report_add_boolean (row, "CoBoPhanSXSH", f->has_cp_unit);
      sh_report_add_boolean (row, "CoBaoCaoNam", f->has_annual_report);
    }

  if (!sh_report_writer_save (writer, path, 0, 0, out_problems, error))
    return FALSE;

  if (out_rollup != NULL)
    *out_rollup = g_steal_pointer (&rollup);
  return TRUE;
}
