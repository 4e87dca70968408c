/* sh-report-validate.c — checking XML reports received from others.
 *
 * The schema says what a document may contain; the checks here say whether
 * what it contains adds up. Every computed figure of a document is
 * recomputed from the other figures of the same document with the formulas
 * of sh-calc, so a document edited by hand, or written by another program,
 * is held to the same arithmetic as our own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sh-calc.h"
#include "sh-format.h"
#include "sh-report-private.h"
#include "sh-report-rollup.h"
#include "sh-report-validate.h"

typedef struct
{
  ShUnits   *units;
  GPtrArray *problems;
} Checker;

static void add_problem (Checker          *checker,
                         ShReportSeverity  severity,
                         xmlNode          *node,
                         const char       *format,
                         ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (Checker          *checker,
             ShReportSeverity  severity,
             xmlNode          *node,
             const char       *format,
             ...)
{
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;
  va_list args;
  long line = 0;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (node != NULL)
    {
      where = sh_report_node_path (node);
      line = xmlGetLineNo (node);
    }

  g_ptr_array_add (checker->problems,
                   sh_report_problem_new (severity, line > 0 && line < G_MAXINT ? (int) line : 0,
                                          where, "%s", message));
}

/* -------------------------------------------------------------------------
 * Reading values (the schema has checked their form)
 * ------------------------------------------------------------------------- */

static gboolean
get_decimal (xmlNode    *parent,
             const char *name,
             double     *out)
{
  g_autofree char *text = sh_report_child_text (parent, name);

  return text != NULL && sh_report_parse_decimal (text, out);
}

static gboolean
get_int (xmlNode    *parent,
         const char *name,
         gint64     *out)
{
  g_autofree char *text = sh_report_child_text (parent, name);

  return text != NULL && sh_report_parse_int64 (text, out);
}

static char *
get_token (xmlNode    *parent,
           const char *name)
{
  char *text = sh_report_child_text (parent, name);

  return text != NULL ? g_strstrip (text) : NULL;
}

static gboolean
get_boolean (xmlNode    *parent,
             const char *name,
             gboolean   *out)
{
  g_autofree char *text = sh_report_child_text (parent, name);

  return text != NULL && sh_report_parse_boolean (text, out);
}

static char *
uuid_of (xmlNode *node)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) "uuid");
  char *uuid = g_strstrip (g_strdup ((const char *) value));

  xmlFree (value);
  return uuid;
}

/* Whether two computed values agree: to a relative 1e-9 (the same
 * formula on the same numbers), or to @slack (a figure rounded by hand). */
static gboolean
near (double a,
      double b,
      double slack)
{
  return fabs (a - b) <= MAX (slack, 1e-9 * MAX (fabs (a), fabs (b)));
}

static char *
number (double value)
{
  char *text = sh_report_format_significant (value, SH_REPORT_COMPUTED_DIGITS);

  return text != NULL ? text : g_strdup ("?");
}

/* -------------------------------------------------------------------------
 * Dates
 * ------------------------------------------------------------------------- */

static void
check_order (Checker    *checker,
             xmlNode    *node,
             const char *first,
             const char *second)
{
  g_autofree char *a = get_token (node, first);
  g_autofree char *b = get_token (node, second);

  /* Dates and date-times in ISO 8601 order as text; compare the dates. */
  if (a != NULL && b != NULL && strncmp (b, a, 10) < 0)
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (node, second),
                 _("%s (%s) comes before %s (%s)."), second, b, first, a);
}

static const struct
{
  const char *element;
  const char *first;
  const char *second;
} date_pairs[] = {
  { "DanhGia", "NgayBatDau", "NgayKetThuc" },
  { "DanhGia", "KyNenTu", "KyNenDen" },
  { "SoLieuSanXuat", "TuNgay", "DenNgay" },
  { "TieuThuTaiNguyen", "TuNgay", "DenNgay" },
  { "GiaiPhap", "BatDauKeHoach", "KetThucKeHoach" },
  { "GiaiPhap", "BatDauThucTe", "KetThucThucTe" },
  { "HanhDong", "NgayBatDau", "NgayKetThuc" },
  { "KyBaoCao", "TuNgay", "DenNgay" },
};

static void
check_dates (Checker *checker,
             xmlNode *node)
{
  for (xmlNode *child = xmlFirstElementChild (node); child != NULL; child = xmlNextElementSibling (child))
    {
      for (guint i = 0; i < G_N_ELEMENTS (date_pairs); i++)
        if (xmlStrEqual (child->name, (const xmlChar *) date_pairs[i].element))
          check_order (checker, child, date_pairs[i].first, date_pairs[i].second);
      check_dates (checker, child);
    }
}

/* -------------------------------------------------------------------------
 * Waste streams, monitoring, options
 * ------------------------------------------------------------------------- */

static void
check_waste_cost (Checker *checker,
                  xmlNode *stream)
{
  ShCalcWasteCost cost = { 0 };
  gint64 total = 0;
  gint64 given = 0;

  get_int (stream, "ThatThoatNguyenLieuVND", &cost.lost_material_vnd);
  get_int (stream, "ThatThoatNangLuongVND", &cost.lost_energy_vnd);
  get_int (stream, "ChiPhiXuLyVND", &cost.treatment_vnd);
  get_int (stream, "PhiVND", &cost.fees_vnd);

  if (!sh_calc_waste_stream_cost (&cost, &total, NULL))
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, stream, _("The costs of the waste stream are too large to add up."));
  else if (get_int (stream, "TongChiPhiVND", &given) && given != total)
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (stream, "TongChiPhiVND"),
                 _("The total cost of the waste stream is %" PRId64 " đồng, but its parts add up to %"
                   PRId64 " đồng."), given, total);
}

static void
check_monitoring (Checker *checker,
                  xmlNode *record)
{
  double baseline, measured, given, saving;

  if (!get_decimal (record, "TietKiemDatDuocPct", &given))
    return;

  if (!get_decimal (record, "GiaTriNen", &baseline) || !get_decimal (record, "GiaTriDo", &measured) ||
      !sh_calc_saving_percent (baseline, measured, &saving, NULL))
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (record, "TietKiemDatDuocPct"),
                 _("A saving is given but there is no baseline and measured value to compute it from."));
  else if (!near (given, saving, 0.005))
    {
      g_autofree char *a = number (given);
      g_autofree char *b = number (saving);

      add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (record, "TietKiemDatDuocPct"),
                   _("The saving achieved is given as %s %%, but the baseline and measured values give %s %%."), a, b);
    }
}

static void
economics_mismatch (Checker    *checker,
                    xmlNode    *economics,
                    const char *element,
                    double      given,
                    double      computed)
{
  g_autofree char *a = number (given);
  g_autofree char *b = number (computed);

  add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (economics, element),
               _("%s is given as %s, but the option's own figures give %s."), element, a, b);
}

static void
check_option (Checker *checker,
              xmlNode *assessment,
              xmlNode *option)
{
  xmlNode *economics = sh_report_first_child (option, "KinhTe");
  g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (ShCalcSaving));
  gint64 investment = 0, benefit = 0, avoided = 0, om = 0, life = 10, given_int;
  double rate = 10, given, computed;
  gboolean irr_unique;

  if (economics == NULL)
    return;

  for (xmlNode *item = sh_report_first_child (option, "DauTu"); item != NULL;
       item = sh_report_next_sibling (item, "DauTu"))
    {
      gint64 amount = 0;

      get_int (item, "SoTienVND", &amount);
      if (amount > G_MAXINT64 - investment)
        {
          add_problem (checker, SH_REPORT_SEVERITY_ERROR, item, _("The investment items are too large to add up."));
          return;
        }
      investment += amount;
    }

  for (xmlNode *line = sh_report_first_child (option, "TietKiem"); line != NULL;
       line = sh_report_next_sibling (line, "TietKiem"))
    {
      ShCalcSaving term = { 0, 0 };

      get_decimal (line, "SoLuong", &term.quantity_saved);
      get_int (line, "DonGiaVND", &term.unit_price_vnd);
      g_array_append_val (terms, term);
    }

  get_int (option, "ChiPhiTranhDuocVND", &avoided);
  get_int (option, "ThayDoiChiPhiVanHanhVND", &om);
  if (!get_int (option, "VongDoiNam", &life))
    get_int (assessment, "VongDoiNam", &life);
  if (!get_decimal (option, "TyLeChietKhauPct", &rate))
    get_decimal (assessment, "TyLeChietKhauPct", &rate);

  if (!sh_calc_net_annual_benefit ((const ShCalcSaving *) terms->data, terms->len, avoided, om, &benefit, NULL))
    {
      add_problem (checker, SH_REPORT_SEVERITY_ERROR, option, _("The option's net benefit cannot be computed."));
      return;
    }

  if (get_int (economics, "TongDauTuVND", &given_int) && given_int != investment)
    economics_mismatch (checker, economics, "TongDauTuVND", (double) given_int, (double) investment);
  if (get_int (economics, "LoiIchRongVNDNam", &given_int) && given_int != benefit)
    economics_mismatch (checker, economics, "LoiIchRongVNDNam", (double) given_int, (double) benefit);
  if (get_int (economics, "VongDoiNam", &given_int) && given_int != life)
    economics_mismatch (checker, economics, "VongDoiNam", (double) given_int, (double) life);
  if (get_decimal (economics, "TyLeChietKhauPct", &given) && !near (given, rate, 0))
    economics_mismatch (checker, economics, "TyLeChietKhauPct", given, rate);

  if (life < 1 || life > 100 || rate <= -100)
    return;

  if (get_decimal (economics, "HoanVonNam", &given) &&
      (!sh_calc_simple_payback (investment, benefit, &computed, NULL) || !near (given, computed, 0.005)))
    economics_mismatch (checker, economics, "HoanVonNam", given, computed);

  if (get_int (economics, "NPVVND", &given_int))
    {
      gint64 npv = 0;

      if (!sh_calc_npv_annual (rate / 100.0, (guint) life, benefit, investment, &npv, NULL) ||
          ABS (given_int - npv) > 1)
        economics_mismatch (checker, economics, "NPVVND", (double) given_int, (double) npv);
    }

  if (get_decimal (economics, "BC", &given) &&
      (!sh_calc_benefit_cost_ratio (rate / 100.0, (guint) life, benefit, investment, &computed, NULL) ||
       !near (given, computed, 0.005)))
    economics_mismatch (checker, economics, "BC", given, computed);

  if (get_decimal (economics, "IRRPct", &given))
    {
      g_autofree gint64 *flows = g_new (gint64, life + 1);
      double irr = 0;

      flows[0] = -investment;
      for (gint64 t = 1; t <= life; t++)
        flows[t] = benefit;
      if (!sh_calc_irr (flows, (gsize) life + 1, &irr, &irr_unique, NULL) || !near (given, irr * 100.0, 0.005))
        economics_mismatch (checker, economics, "IRRPct", given, irr * 100.0);
    }
}

/* DiemXepHang and ThuHang of the options against TieuChiXepHang. */
static void
check_ranking (Checker *checker,
               xmlNode *assessment)
{
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) criteria = g_ptr_array_new ();
  g_autoptr(GPtrArray) ranked = g_ptr_array_new ();
  g_autoptr(GArray) scores = g_array_new (FALSE, TRUE, sizeof (double));
  g_autofree double *totals = NULL;
  g_autofree guint *ranks = NULL;

  for (xmlNode *c = sh_report_first_child (assessment, "TieuChiXepHang"); c != NULL;
       c = sh_report_next_sibling (c, "TieuChiXepHang"))
    {
      double w = 0;

      get_decimal (c, "TrongSo", &w);
      g_array_append_val (weights, w);
      g_ptr_array_add (criteria, c);
    }

  for (xmlNode *o = sh_report_first_child (assessment, "GiaiPhap"); o != NULL; o = sh_report_next_sibling (o, "GiaiPhap"))
    {
      g_autofree char *uuid = uuid_of (o);
      guint row = scores->len;
      gboolean scored = FALSE;

      g_array_set_size (scores, row + criteria->len);
      for (guint c = 0; c < criteria->len; c++)
        for (xmlNode *s = sh_report_first_child (criteria->pdata[c], "DiemXepHang"); s != NULL;
             s = sh_report_next_sibling (s, "DiemXepHang"))
          {
            g_autofree char *option = get_token (s, "MaGiaiPhap");

            if (g_strcmp0 (option, uuid) == 0)
              {
                get_decimal (s, "Diem", &g_array_index (scores, double, row + c));
                scored = TRUE;
              }
          }

      if (scored)
        g_ptr_array_add (ranked, o);
      else
        g_array_set_size (scores, row);
    }

  if (criteria->len == 0 || ranked->len == 0)
    return;

  totals = g_new0 (double, ranked->len);
  ranks = g_new0 (guint, ranked->len);
  if (!sh_calc_weighted_ranking ((const double *) weights->data, weights->len, (const double *) scores->data,
                                 ranked->len, totals, ranks, NULL))
    return;

  for (guint i = 0; i < ranked->len; i++)
    {
      xmlNode *economics = sh_report_first_child (ranked->pdata[i], "KinhTe");
      double given;
      gint64 rank;

      if (get_decimal (economics, "DiemXepHang", &given) && !near (given, totals[i], 0.005))
        economics_mismatch (checker, economics, "DiemXepHang", given, totals[i]);
      if (get_int (economics, "ThuHang", &rank) && rank != (gint64) ranks[i])
        economics_mismatch (checker, economics, "ThuHang", (double) rank, (double) ranks[i]);
    }
}

static void
check_evidence (Checker *checker,
                xmlNode *root,
                xmlNode *evidence)
{
  g_autofree char *kind = get_token (evidence, "LoaiDoiTuong");
  g_autofree char *target = get_token (evidence, "MaDoiTuong");

  if ((kind == NULL) != (target == NULL))
    {
      add_problem (checker, SH_REPORT_SEVERITY_ERROR, evidence,
                   _("LoaiDoiTuong and MaDoiTuong go together: give both or neither."));
      return;
    }
  if (target == NULL)
    return;

  /* The schema checked that the UUID is in the document; it must also be
   * a record of the kind named. */
  for (xmlNode *n = root; n != NULL; )
    {
      if (n->type == XML_ELEMENT_NODE && xmlHasProp (n, (const xmlChar *) "uuid"))
        {
          g_autofree char *uuid = uuid_of (n);

          if (g_strcmp0 (uuid, target) == 0)
            {
              if (!xmlStrEqual (n->name, (const xmlChar *) kind))
                add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (evidence, "MaDoiTuong"),
                             _("The evidence is said to be about a %s, but %s is a %s."),
                             kind, target, (const char *) n->name);
              return;
            }
        }
      /* Depth-first walk without recursion. */
      if (n->children != NULL)
        n = n->children;
      else
        {
          while (n != NULL && n->next == NULL)
            n = n->parent;
          if (n != NULL)
            n = n->next;
        }
    }
}

/* -------------------------------------------------------------------------
 * Specific consumption
 * ------------------------------------------------------------------------- */

typedef struct
{
  gboolean has_rows;
  double   total;
  double   output;
} Phase;

/* What the production and consumption records of @assessment give for
 * @resource in @unit per @output_unit, as sh-summary computes it: the
 * output is that of the first product recorded. */
static void
sum_phases (Checker    *checker,
            xmlNode    *assessment,
            const char *resource,
            const char *unit,
            const char *output_unit,
            Phase      *baseline,
            Phase      *after,
            gint64     *cost)
{
  g_autofree char *product = NULL;

  memset (baseline, 0, sizeof *baseline);
  memset (after, 0, sizeof *after);
  *cost = 0;

  for (xmlNode *p = sh_report_first_child (assessment, "SoLieuSanXuat"); p != NULL;
       p = sh_report_next_sibling (p, "SoLieuSanXuat"))
    {
      g_autofree char *name = sh_report_child_text (p, "SanPham");
      g_autofree char *phase = get_token (p, "GiaiDoan");
      g_autofree char *row_unit = get_token (p, "DonVi");
      double quantity = 0;

      if (product == NULL)
        product = g_strdup (name);
      if (g_strcmp0 (name, product) != 0 || output_unit == NULL)
        continue;
      get_decimal (p, "SanLuong", &quantity);
      if (!sh_units_convert (checker->units, quantity, row_unit, output_unit, &quantity, NULL))
        continue;
      if (g_strcmp0 (phase, "SAU") == 0)
        after->output += quantity;
      else
        baseline->output += quantity;
    }

  for (xmlNode *c = sh_report_first_child (assessment, "TieuThuTaiNguyen"); c != NULL;
       c = sh_report_next_sibling (c, "TieuThuTaiNguyen"))
    {
      g_autofree char *code = get_token (c, "MaTaiNguyen");
      g_autofree char *phase = NULL;
      g_autofree char *row_unit = NULL;
      double quantity = 0, converted = 0;
      gint64 price = 0, line = 0;

      /* This runs for every specific consumption over every consumption
       * record: the rest of a record is read only when it counts. */
      if (g_strcmp0 (code, resource) != 0)
        continue;
      phase = get_token (c, "GiaiDoan");
      row_unit = get_token (c, "DonVi");
      get_decimal (c, "SoLuong", &quantity);
      get_int (c, "DonGiaVND", &price);
      if (!sh_units_convert (checker->units, quantity, row_unit, unit, &converted, NULL))
        continue;

      if (g_strcmp0 (phase, "SAU") == 0)
        {
          after->has_rows = TRUE;
          after->total += converted;
        }
      else
        {
          baseline->has_rows = TRUE;
          baseline->total += converted;
          /* Priced per unit of the row, so the cost uses its own quantity. */
          if (sh_calc_round_vnd (quantity * (double) price, &line, NULL))
            *cost += line;
        }
    }
}

static gboolean
check_phase (Checker    *checker,
             xmlNode    *node,
             const char *element,
             Phase      *phase,
             double     *out_sc)
{
  xmlNode *given = sh_report_first_child (node, element);
  double total = 0, output = 0, sc = 0, computed;

  if (given == NULL)
    return FALSE;

  get_decimal (given, "TongLuong", &total);
  get_decimal (given, "SanLuong", &output);
  get_decimal (given, "TieuThuRieng", &sc);

  if (!phase->has_rows || !near (total, phase->total, 1e-6))
    {
      g_autofree char *a = number (total);
      g_autofree char *b = number (phase->total);

      add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (given, "TongLuong"),
                   _("The total consumption is given as %s, but the consumption records add up to %s."), a, b);
    }
  if (!near (output, phase->output, 1e-6))
    {
      g_autofree char *a = number (output);
      g_autofree char *b = number (phase->output);

      add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (given, "SanLuong"),
                   _("The output is given as %s, but the production records of the main product add up to %s."),
                   a, b);
    }
  if (!sh_calc_specific_consumption (total, output, &computed, NULL) || !near (sc, computed, 0))
    {
      g_autofree char *a = number (sc);
      g_autofree char *b = number (total / output);

      add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (given, "TieuThuRieng"),
                   _("The specific consumption is given as %s, but total ÷ output is %s."), a, b);
      return FALSE;
    }

  *out_sc = sc;
  return TRUE;
}

static const char *
target_to_xml (ShCalcTargetStatus status)
{
  return status == SH_CALC_TARGET_BELOW ? "CHUA_DAT" : status == SH_CALC_TARGET_WITHIN ? "DAT" : "VUOT";
}

static void
check_specific_consumption (Checker *checker,
                            xmlNode *assessment,
                            xmlNode *node)
{
  g_autofree char *resource = get_token (node, "MaTaiNguyen");
  g_autofree char *unit = get_token (node, "DonVi");
  g_autofree char *output_unit = get_token (node, "DonViSanPham");
  g_autofree char *target = get_token (node, "SoVoiMucTieu");
  Phase baseline, after;
  gint64 cost, given_cost = 0;
  double sc_baseline = 0, sc_after = 0, saving, given;
  gboolean has_baseline, has_after;

  if (assessment == NULL)
    return;

  sum_phases (checker, assessment, resource, unit, output_unit, &baseline, &after, &cost);

  if (!baseline.has_rows && !after.has_rows)
    {
      add_problem (checker, SH_REPORT_SEVERITY_ERROR, node,
                   _("There is no consumption record of the resource “%s” for this specific consumption."), resource);
      return;
    }

  has_baseline = check_phase (checker, node, "Nen", &baseline, &sc_baseline);
  has_after = check_phase (checker, node, "Sau", &after, &sc_after);

  if (get_int (node, "ChiPhiNenVND", &given_cost) && given_cost != cost)
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (node, "ChiPhiNenVND"),
                 _("The baseline cost is given as %" PRId64 " đồng, but quantity × unit price of the "
                   "baseline records adds up to %" PRId64 " đồng."), given_cost, cost);

  if (get_decimal (node, "TietKiemPct", &given))
    {
      if (!has_baseline || !has_after || !sh_calc_saving_percent (sc_baseline, sc_after, &saving, NULL))
        add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (node, "TietKiemPct"),
                     _("A saving is given without a specific consumption before and after to compute it from."));
      else if (!near (given, saving, 0.005))
        {
          g_autofree char *a = number (given);
          g_autofree char *b = number (saving);

          add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (node, "TietKiemPct"),
                       _("The saving of “%s” is given as %s %%, but its specific consumption before and after "
                         "give %s %%."), resource, a, b);
        }
      else if (target != NULL)
        {
          double band_min = SH_CALC_TARGET_MIN_DEFAULT, band_max = SH_CALC_TARGET_MAX_DEFAULT;
          const char *computed;

          get_decimal (assessment, "MucTieuToiThieuPct", &band_min);
          get_decimal (assessment, "MucTieuToiDaPct", &band_max);
          computed = target_to_xml (sh_calc_target_check (saving, band_min, band_max));
          if (!g_str_equal (computed, target))
            add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (node, "SoVoiMucTieu"),
                         _("The saving is placed %s against the target band, but it is %s."), target, computed);
        }
    }
  else if (has_baseline && has_after)
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, node,
                 _("The saving of “%s” is missing although its specific consumption before and after are given."),
                 resource);
}

/* -------------------------------------------------------------------------
 * Assessments
 * ------------------------------------------------------------------------- */

static void
check_balance (Checker *checker,
               xmlNode *assessment,
               xmlNode *node)
{
  double in = 0, out = 0, closure = 0, tolerance = 5;
  gboolean within = FALSE;
  ShCalcBalance balance;
  g_autofree char *step = get_token (node, "MaCongDoan");
  g_autofree char *layer = get_token (node, "Lop");
  g_autofree char *step_name = NULL;

  get_decimal (node, "TongVao", &in);
  get_decimal (node, "TongRa", &out);
  get_decimal (node, "SaiSoPct", &closure);
  get_boolean (node, "TrongSaiSoChoPhep", &within);
  get_decimal (assessment, "SaiSoCanBangPct", &tolerance);

  for (xmlNode *s = sh_report_first_child (assessment, "CongDoan"); s != NULL; s = sh_report_next_sibling (s, "CongDoan"))
    {
      g_autofree char *uuid = uuid_of (s);

      if (g_strcmp0 (uuid, step) == 0)
        step_name = sh_report_child_text (s, "Ten");
    }

  if (!sh_calc_balance (&in, 1, &out, 1, &balance, NULL))
    {
      add_problem (checker, SH_REPORT_SEVERITY_ERROR, node,
                   _("The balance of “%s” has outputs but no inputs."), step_name ? step_name : step);
      return;
    }
  if (!near (closure, balance.closure_percent, 0.005))
    {
      g_autofree char *a = number (closure);
      g_autofree char *b = number (balance.closure_percent);

      add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (node, "SaiSoPct"),
                   _("The closure of “%s” is given as %s %%, but its inputs and outputs give %s %%."),
                   step_name ? step_name : step, a, b);
      return;
    }
  if (within != sh_calc_balance_within_tolerance (&balance, tolerance))
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (node, "TrongSaiSoChoPhep"),
                 _("The balance of “%s” is said to be %s the tolerance, but it is not."),
                 step_name ? step_name : step, within ? _("within") : _("outside"));
  else if (!within)
    {
      g_autofree char *a = sh_format_number (closure, 2, SH_NUMBER_STYLE_PLAIN);
      g_autofree char *b = number (tolerance);

      add_problem (checker, SH_REPORT_SEVERITY_WARNING, node,
                   _("The %s balance of “%s” closes at %s %%, outside the tolerance of %s %%: "
                     "some flows may be missing or mismeasured."),
                   layer, step_name ? step_name : step, a, b);
    }
}

static void
check_assessment (Checker *checker,
                  xmlNode *root,
                  xmlNode *assessment)
{
  double band_min = 0, band_max = 0;
  xmlNode *results;

  if (get_decimal (assessment, "MucTieuToiThieuPct", &band_min) &&
      get_decimal (assessment, "MucTieuToiDaPct", &band_max) && band_max < band_min)
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (assessment, "MucTieuToiDaPct"),
                 _("The upper end of the target band is below its lower end."));

  for (xmlNode *o = sh_report_first_child (assessment, "GiaiPhap"); o != NULL; o = sh_report_next_sibling (o, "GiaiPhap"))
    check_option (checker, assessment, o);
  check_ranking (checker, assessment);
  for (xmlNode *w = sh_report_first_child (assessment, "DongThai"); w != NULL; w = sh_report_next_sibling (w, "DongThai"))
    check_waste_cost (checker, w);
  for (xmlNode *m = sh_report_first_child (assessment, "QuanTrac"); m != NULL; m = sh_report_next_sibling (m, "QuanTrac"))
    check_monitoring (checker, m);
  for (xmlNode *e = sh_report_first_child (assessment, "BangChung"); e != NULL; e = sh_report_next_sibling (e, "BangChung"))
    check_evidence (checker, root, e);

  results = sh_report_first_child (assessment, "KetQua");
  if (results != NULL)
    {
      gint64 investment = 0, benefit = 0, waste = 0, given;

      for (xmlNode *s = sh_report_first_child (results, "TieuThuRieng"); s != NULL;
           s = sh_report_next_sibling (s, "TieuThuRieng"))
        check_specific_consumption (checker, assessment, s);
      for (xmlNode *b = sh_report_first_child (results, "CanBang"); b != NULL; b = sh_report_next_sibling (b, "CanBang"))
        check_balance (checker, assessment, b);

      for (xmlNode *o = sh_report_first_child (assessment, "GiaiPhap"); o != NULL; o = sh_report_next_sibling (o, "GiaiPhap"))
        {
          g_autofree char *status = get_token (o, "TrangThai");
          xmlNode *economics = sh_report_first_child (o, "KinhTe");
          gint64 value = 0;

          if (g_strcmp0 (status, "LOAI_BO") == 0)
            continue;
          if (get_int (economics, "TongDauTuVND", &value))
            investment += value;
          if (get_int (economics, "LoiIchRongVNDNam", &value))
            benefit += value;
        }
      for (xmlNode *w = sh_report_first_child (assessment, "DongThai"); w != NULL; w = sh_report_next_sibling (w, "DongThai"))
        {
          gint64 value = 0;

          if (get_int (w, "TongChiPhiVND", &value))
            waste += value;
        }

      if (get_int (results, "TongDauTuVND", &given) && given != investment)
        add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (results, "TongDauTuVND"),
                     _("The total investment is %" PRId64 " đồng, but the options not rejected add up to %"
                       PRId64 " đồng."), given, investment);
      if (get_int (results, "TongLoiIchVNDNam", &given) && given != benefit)
        add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (results, "TongLoiIchVNDNam"),
                     _("The total benefit is %" PRId64 " đồng a year, but the options not rejected add up to %"
                       PRId64 " đồng."), given, benefit);
      if (get_int (results, "TongChiPhiDongThaiVND", &given) && given != waste)
        add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (results, "TongChiPhiDongThaiVND"),
                     _("The total cost of the waste streams is %" PRId64 " đồng, but the streams add up to %"
                       PRId64 " đồng."), given, waste);
    }
}

/* -------------------------------------------------------------------------
 * The three documents
 * ------------------------------------------------------------------------- */

static xmlNode *
find_by_uuid (xmlNode    *parent,
              const char *name,
              const char *uuid)
{
  for (xmlNode *n = sh_report_first_child (parent, name); n != NULL; n = sh_report_next_sibling (n, name))
    {
      g_autofree char *u = uuid_of (n);

      if (g_strcmp0 (u, uuid) == 0)
        return n;
    }

  return NULL;
}

static void
check_annual (Checker *checker,
              xmlNode *root)
{
  xmlNode *period = sh_report_first_child (root, "KyBaoCao");
  xmlNode *recipient = sh_report_first_child (root, "NoiNhan");
  xmlNode *activities = sh_report_first_child (root, "HoatDongSXSH");
  xmlNode *results = sh_report_first_child (root, "KetQua");
  g_autofree char *from = get_token (period, "TuNgay");
  g_autofree char *deadline = get_token (recipient, "HanNop");
  g_autofree char *submitted = get_token (root, "NgayNop");
  g_autofree char *status = get_token (root, "TrangThai");
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) sums = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 year = 0, count = 0, investment = 0, benefit = 0, given;

  get_int (root, "Nam", &year);
  if (from != NULL && g_ascii_strtoll (from, NULL, 10) != year)
    add_problem (checker, SH_REPORT_SEVERITY_WARNING, sh_report_first_child (period, "TuNgay"),
                 _("The reporting period starts in another year than the one reported on (%" PRId64 ")."),
                 year);
  if (deadline != NULL && submitted != NULL && strcmp (submitted, deadline) > 0)
    add_problem (checker, SH_REPORT_SEVERITY_WARNING, sh_report_first_child (root, "NgayNop"),
                 _("The report was submitted on %s, after the deadline of %s."), submitted, deadline);
  if (g_strcmp0 (status, "DU_THAO") != 0 && submitted == NULL)
    add_problem (checker, SH_REPORT_SEVERITY_WARNING, sh_report_first_child (root, "TrangThai"),
                 _("The report is marked as submitted but has no submission date."));

  for (xmlNode *a = sh_report_first_child (activities, "DanhGia"); a != NULL; a = sh_report_next_sibling (a, "DanhGia"))
    {
      check_assessment (checker, root, a);
      for (xmlNode *o = sh_report_first_child (a, "GiaiPhap"); o != NULL; o = sh_report_next_sibling (o, "GiaiPhap"))
        {
          xmlNode *economics = sh_report_first_child (o, "KinhTe");
          gint64 value = 0;

          count++;
          if (get_int (economics, "TongDauTuVND", &value))
            investment += value;
          if (get_int (economics, "LoiIchRongVNDNam", &value))
            benefit += value;

          for (xmlNode *e = sh_report_first_child (o, "MoiTruong"); e != NULL; e = sh_report_next_sibling (e, "MoiTruong"))
            {
              g_autofree char *indicator = get_token (e, "ChiTieu");
              g_autofree char *unit = get_token (e, "DonVi");
              g_autofree char *key = g_strdup_printf ("%s\t%s", indicator, unit);
              double reduction = 0;
              guint k;

              get_decimal (e, "LuongGiam", &reduction);
              for (k = 0; k < keys->len && !g_str_equal (keys->pdata[k], key); k++)
                ;
              if (k == keys->len)
                {
                  double zero = 0;

                  g_ptr_array_add (keys, g_steal_pointer (&key));
                  g_array_append_val (sums, zero);
                }
              g_array_index (sums, double, k) += reduction;
            }
        }
    }

  for (xmlNode *s = sh_report_first_child (results, "TieuThuRieng"); s != NULL;
       s = sh_report_next_sibling (s, "TieuThuRieng"))
    {
      g_autofree char *assessment = get_token (s, "MaDanhGia");

      if (assessment == NULL)
        add_problem (checker, SH_REPORT_SEVERITY_ERROR, s, _("MaDanhGia is missing: which assessment is this from?"));
      else
        check_specific_consumption (checker, find_by_uuid (activities, "DanhGia", assessment), s);
    }

  for (xmlNode *g = sh_report_first_child (results, "GiamThieu"); g != NULL; g = sh_report_next_sibling (g, "GiamThieu"))
    {
      g_autofree char *indicator = get_token (g, "ChiTieu");
      g_autofree char *unit = get_token (g, "DonVi");
      g_autofree char *key = g_strdup_printf ("%s\t%s", indicator, unit);
      double reduction = 0, sum = 0;

      get_decimal (g, "LuongGiam", &reduction);
      for (guint k = 0; k < keys->len; k++)
        if (g_str_equal (keys->pdata[k], key))
          sum = g_array_index (sums, double, k);
      if (!near (reduction, sum, 1e-6))
        {
          g_autofree char *a = number (reduction);
          g_autofree char *b = number (sum);

          add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (g, "LuongGiam"),
                       _("The reduction of %s is given as %s %s, but the options reported add up to %s %s."),
                       indicator, a, unit, b, unit);
        }
    }

  if (get_int (results, "SoGiaiPhap", &given) && given != count)
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (results, "SoGiaiPhap"),
                 _("The number of options is given as %" PRId64 ", but %" PRId64 " are listed."),
                 given, count);
  if (get_int (results, "TongDauTuVND", &given) && given != investment)
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (results, "TongDauTuVND"),
                 _("The total investment is %" PRId64 " đồng, but the options listed add up to %"
                   PRId64 " đồng."), given, investment);
  if (get_int (results, "TongLoiIchVNDNam", &given) && given != benefit)
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (results, "TongLoiIchVNDNam"),
                 _("The total benefit is %" PRId64 " đồng a year, but the options listed add up to %"
                   PRId64 " đồng."), given, benefit);
}

static void
check_dossier (Checker *checker,
               xmlNode *root,
               const char *subject)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *last = NULL;

  for (xmlNode *a = sh_report_first_child (root, "DanhGia"); a != NULL; a = sh_report_next_sibling (a, "DanhGia"))
    {
      g_autofree char *parent = get_token (a, "MaDanhGiaTruoc");

      /* Earlier assessments come first, so an import can link to them. */
      if (parent != NULL && !g_ptr_array_find_with_equal_func (seen, parent, g_str_equal, NULL))
        add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (a, "MaDanhGiaTruoc"),
                     _("The earlier assessment %s must come before this one in the dossier."), parent);

      check_assessment (checker, root, a);
      g_free (last);
      last = uuid_of (a);
      g_ptr_array_add (seen, g_strdup (last));
    }

  if (g_strcmp0 (last, subject) != 0)
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (root, "ThongTinTaiLieu"),
                 _("The subject of a dossier (MaDoiTuong) must be its last assessment, %s."), last ? last : "");
}

static void
check_share (Checker    *checker,
             xmlNode    *node,
             gint64      expected,
             gint64      total,
             const char *what)
{
  gint64 count = 0;
  double given = 0, computed = 0;

  get_int (node, "SoLuong", &count);
  if (count != expected)
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (node, "SoLuong"),
                 _("%s: the count is %" PRId64 ", but the facilities listed give %" PRId64 "."),
                 what, count, expected);

  if (get_decimal (node, "TyLePct", &given))
    {
      if (!sh_report_rollup_percent (count, total, &computed) || !near (given, computed, 0.005 + 1e-9))
        {
          g_autofree char *a = number (given);
          g_autofree char *b = number (computed);

          add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (node, "TyLePct"),
                       _("%s: the percentage is %s, but %" PRId64 " of %" PRId64 " is %s."),
                       what, a, count, total, b);
        }
    }
  else if (total > 0)
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, node, _("%s: the percentage is missing."), what);
}

static void
check_rollup (Checker *checker,
              xmlNode *root)
{
  xmlNode *counts = sh_report_first_child (root, "SoCoSo");
  xmlNode *large = sh_report_first_child (counts, "VuaVaLon");
  xmlNode *list = sh_report_first_child (root, "DanhSachCoSo");
  xmlNode *saving = sh_report_first_child (root, "TietKiemBinhQuan");
  g_autofree char *source = get_token (counts, "NguonTongSo");
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_rollup_saving_free);
  g_autoptr(GPtrArray) applying = g_ptr_array_new_with_free_func (g_free);
  gint64 n = 0, aware = 0, apply = 0, medium_large = 0, with_unit = 0, total = 0, large_total = 0;
  double given, average;

  for (xmlNode *f = sh_report_first_child (list, "CoSo"); f != NULL; f = sh_report_next_sibling (f, "CoSo"))
    {
      g_autofree char *size = get_token (f, "QuyMo");
      gboolean is_aware = FALSE, is_applying = FALSE, has_unit = FALSE;

      get_boolean (f, "NhanThuc", &is_aware);
      get_boolean (f, "ApDung", &is_applying);
      get_boolean (f, "CoBoPhanSXSH", &has_unit);
      n++;
      aware += is_aware;
      apply += is_applying;
      if (is_applying)
        g_ptr_array_add (applying, uuid_of (f));
      if (is_applying && !is_aware)
        add_problem (checker, SH_REPORT_SEVERITY_ERROR, f,
                     _("A facility applying CP is necessarily aware of it (NhanThuc)."));
      if (g_strcmp0 (size, "VUA") == 0 || g_strcmp0 (size, "LON") == 0)
        {
          medium_large++;
          with_unit += has_unit;
        }
    }

  get_int (counts, "TongSo", &total);
  if (g_strcmp0 (source, "CO_SO_DU_LIEU") == 0 && total != n)
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (counts, "TongSo"),
                 _("The total is said to be the facilities in the database, %" PRId64
                   ", but %" PRId64 " are listed."), total, n);
  else if (total < n)
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (counts, "TongSo"),
                 _("The declared total of facilities (%" PRId64 ") is smaller than the %" PRId64
                   " listed."), total, n);

  check_share (checker, sh_report_first_child (counts, "NhanThuc"), aware, total, _("Facilities aware of CP"));
  check_share (checker, sh_report_first_child (counts, "ApDung"), apply, total, _("Facilities applying CP"));
  get_int (large, "TongSo", &large_total);
  if (large_total != medium_large)
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (large, "TongSo"),
                 _("There are %" PRId64 " medium and large enterprises in the list, not %" PRId64 "."),
                 medium_large, large_total);
  check_share (checker, sh_report_first_child (large, "CoBoPhanSXSH"), with_unit, medium_large,
               _("Medium and large enterprises with a CP unit"));

  for (xmlNode *d = sh_report_first_child (saving, "ChiTiet"); d != NULL; d = sh_report_next_sibling (d, "ChiTiet"))
    {
      ShRollupSaving *row = g_new0 (ShRollupSaving, 1);

      row->facility_uuid = get_token (d, "MaCoSo");
      row->assessment_uuid = get_token (d, "MaDanhGia");
      row->output_unit = get_token (d, "DonVi");
      get_decimal (d, "TietKiemPct", &row->saving_percent);
      get_decimal (d, "SanLuong", &row->output);
      if (!g_ptr_array_find_with_equal_func (applying, row->facility_uuid, g_str_equal, NULL))
        add_problem (checker, SH_REPORT_SEVERITY_ERROR, d,
                     _("The saving of a facility that is not applying CP is counted in the average."));
      g_ptr_array_add (rows, row);
    }

  if (get_decimal (saving, "TyLePct", &given))
    {
      g_autoptr(GError) error = NULL;

      if (!sh_report_rollup_average_saving (checker->units, rows, &average, &error))
        add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (saving, "TyLePct"),
                     _("The average saving cannot be computed from its details: %s"), error->message);
      else if (!near (given, average, 0.005 + 1e-9))
        {
          g_autofree char *a = number (given);
          g_autofree char *b = number (average);

          add_problem (checker, SH_REPORT_SEVERITY_ERROR, sh_report_first_child (saving, "TyLePct"),
                       _("The average saving is given as %s %%, but its details give %s %%."), a, b);
        }
    }
  else if (rows->len > 0)
    add_problem (checker, SH_REPORT_SEVERITY_ERROR, saving, _("The average saving is missing although details are given."));
}

void
sh_report_check_semantics (ShUnits      *units,
                           xmlDoc       *doc,
                           ShReportKind  kind,
                           GPtrArray    *problems)
{
  Checker checker = { units, problems };
  xmlNode *root = xmlDocGetRootElement (doc);
  ShReportHeader header;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_if_fail (units != NULL);
  g_return_if_fail (doc != NULL);

  sh_report_header_read (root, &header);
  created = header.created ? g_date_time_new_from_iso8601 (header.created, NULL) : NULL;
  tomorrow = g_date_time_add_days (now, 1);
  if (created != NULL && g_date_time_compare (created, tomorrow) > 0)
    add_problem (&checker, SH_REPORT_SEVERITY_WARNING,
                 sh_report_first_child (sh_report_first_child (root, "ThongTinTaiLieu"), "ThoiDiemTao"),
                 _("The document says it was written in the future (%s): check the sender's clock."), header.created);

  check_dates (&checker, root);

  switch (kind)
    {
    case SH_REPORT_KIND_ANNUAL:
      check_annual (&checker, root);
      break;
    case SH_REPORT_KIND_DOSSIER:
      check_dossier (&checker, root, header.subject_uuid);
      break;
    case SH_REPORT_KIND_ROLLUP:
      check_rollup (&checker, root);
      break;
    case SH_REPORT_KIND_UNKNOWN:
    default:
      break;
    }

  sh_report_header_clear (&header);
}

/* -------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------- */

/* Every uuid attribute once: a duplicate would make two records one. */
static void
check_unique_uuids (Checker *checker,
                    xmlNode *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *n = root; n != NULL; )
    {
      if (n->type == XML_ELEMENT_NODE && xmlHasProp (n, (const xmlChar *) "uuid"))
        {
          char *uuid = uuid_of (n);
          xmlNode *first = g_hash_table_lookup (seen, uuid);

          if (first != NULL)
            {
              add_problem (checker, SH_REPORT_SEVERITY_ERROR, n,
                           _("The UUID %s is used twice in the document: by %s on line %ld and by %s here. "
                             "Each record must have its own."),
                           uuid, (const char *) first->name, xmlGetLineNo (first), (const char *) n->name);
              g_free (uuid);
            }
          else
            g_hash_table_insert (seen, uuid, n);
        }

      if (n->type == XML_ELEMENT_NODE && n->children != NULL)
        n = n->children;
      else
        {
          while (n != NULL && n != root && n->next == NULL)
            n = n->parent;
          n = (n == NULL || n == root) ? NULL : n->next;
        }
    }
}

ShReportDocument *
sh_report_document_load (ShUnits      *units,
                         GBytes       *bytes,
                         const char   *name,
                         ShReportKind *out_kind,
                         GPtrArray    *problems)
{
  Checker checker = { units, problems };
  g_autoptr(ShReportDocument) document = g_new0 (ShReportDocument, 1);
  g_autoptr(GError) error = NULL;
  xmlNode *root;
  int line = 0;
  guint errors_before = sh_report_problems_count (problems, SH_REPORT_SEVERITY_ERROR);

  if (out_kind != NULL)
    *out_kind = SH_REPORT_KIND_UNKNOWN;

  document->doc = sh_xml_safe_parse (bytes, name, SH_REPORT_MAX_FILE_SIZE, &line, &error);
  if (document->doc == NULL)
    {
      g_ptr_array_add (problems, sh_report_problem_new (SH_REPORT_SEVERITY_ERROR, line, NULL, "%s", error->message));
      return NULL;
    }

  root = xmlDocGetRootElement (document->doc);
  document->kind = sh_report_kind_of_root (root);
  if (document->kind == SH_REPORT_KIND_UNKNOWN)
    {
      const char *href = root->ns != NULL ? (const char *) root->ns->href : "";

      if (g_str_has_prefix (href, "urn:sachhon:report:") && !g_str_equal (href, SH_REPORT_NAMESPACE))
        add_problem (&checker, SH_REPORT_SEVERITY_ERROR, root,
                     _("The document is in the format “%s”, which this version of Sạch Hơn does not read "
                       "(it reads “%s”). Ask the sender for a file in that format, or update Sạch Hơn."),
                     href, SH_REPORT_NAMESPACE);
      else
        add_problem (&checker, SH_REPORT_SEVERITY_ERROR, root,
                     _("This is not a Sạch Hơn report: its root element is “%s” in the namespace “%s”; a report "
                       "is BaoCaoSXSH, HoSoDanhGiaSXSH or BaoCaoTongHopSXSH in the namespace “%s”."),
                     (const char *) root->name, href, SH_REPORT_NAMESPACE);
      return NULL;
    }
  if (out_kind != NULL)
    *out_kind = document->kind;

  /* A newer minor version may have elements this schema does not know:
   * say so rather than list them as schema errors. */
  sh_report_header_read (root, &document->header);
  if (document->header.schema_version != NULL &&
      !g_str_equal (document->header.schema_version, SH_REPORT_SCHEMA_VERSION))
    {
      add_problem (&checker, SH_REPORT_SEVERITY_ERROR,
                   sh_report_first_child (sh_report_first_child (root, "ThongTinTaiLieu"), "PhienBanLuocDo"),
                   _("The document follows version %s of the format; this version of Sạch Hơn reads version %s. "
                     "Update Sạch Hơn to read it."),
                   document->header.schema_version, SH_REPORT_SCHEMA_VERSION);
      return NULL;
    }

  check_unique_uuids (&checker, root);

  if (!sh_report_schema_validate (sh_report_schema_get (), document->doc, TRUE, problems))
    return NULL;

  sh_report_check_semantics (units, document->doc, document->kind, problems);
  if (sh_report_problems_count (problems, SH_REPORT_SEVERITY_ERROR) > errors_before)
    return NULL;

  document->digest = sh_report_digest (root);
  document->file_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return g_steal_pointer (&document);
}

GPtrArray *
sh_report_validate_bytes (ShUnits      *units,
                          GBytes       *bytes,
                          const char   *name,
                          ShReportKind *out_kind)
{
  g_autoptr(GPtrArray) problems = sh_report_problems_new ();
  g_autoptr(ShReportDocument) document = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  document = sh_report_document_load (units != NULL ? units : sh_units_get_default (), bytes, name, out_kind,
                                      problems);

  return g_steal_pointer (&problems);
}

GPtrArray *
sh_report_validate_file (ShUnits      *units,
                         const char   *path,
                         ShReportKind *out_kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (out_kind != NULL)
    *out_kind = SH_REPORT_KIND_UNKNOWN;

  bytes = sh_xml_safe_read_file (path, SH_REPORT_MAX_FILE_SIZE, &error);
  if (bytes == NULL)
    {
      GPtrArray *problems = sh_report_problems_new ();

      g_ptr_array_add (problems, sh_report_problem_new (SH_REPORT_SEVERITY_ERROR, 0, NULL, "%s", error->message));
      return problems;
    }

  name = g_path_get_basename (path);
  return sh_report_validate_bytes (units, bytes, name, out_kind);
}
