/* test-report.c — the XML reports: export, validation, import, roll-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "sh-calc.h"
#include "sh-demo.h"
#include "sh-refdata.h"
#include "sh-report-export.h"
#include "sh-report-import.h"
#include "sh-report-private.h"
#include "sh-report-rollup.h"
#include "sh-report-validate.h"
#include "sh-store-private.h"
#include "sh-summary.h"
#include "sh-test-utils.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathObject, xmlXPathFreeObject)

typedef struct
{
  char    *dir;
  char    *db;
  ShStore *store;    /* the demo data */
  ShUnits *units;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sh_test_make_tmpdir ("report");
  f->db = g_build_filename (f->dir, "source.db", NULL);
  f->store = sh_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (sh_demo_ensure (f->store, &error));
  g_assert_no_error (error);
  f->units = sh_units_get_default ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sh_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* ------------------------------------------------------------------------- */

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
write_text (const char *path,
            const char *text,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, length, &error));
  g_assert_no_error (error);
}

/* The document without what changes with every export: its UUID and the
 * time it was written. */
static char *
normalize (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("<(MaTaiLieu|ThoiDiemTao)>[^<]*</", 0, 0, NULL);

  return g_regex_replace (regex, text, -1, 0, "<\\1>…</", 0, NULL);
}

/* Replaces the first occurrence of @from in @text; it must be there. */
static char *
mutate (const char *text,
        const char *from,
        const char *to)
{
  const char *at = strstr (text, from);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (at);
  g_string_append_len (out, text, at - text);
  g_string_append (out, to);
  g_string_append (out, at + strlen (from));
  return g_string_free (out, FALSE);
}

static gint64
dossier_subject (Fixture *f)
{
  gint64 id = sh_demo_cassava_assessment (f->store);

  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
cassava_facility (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sh_report_find_id (f->store, "facility", "5ac4d000-0000-4000-8000-000000000001", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static ShStore *
open_store (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_in (f, name);
  ShStore *store = sh_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
export_dossier (Fixture    *f,
                ShStore    *store,
                gint64      id,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_true (sh_report_export_dossier (store, f->units, id, path, &problems, &error));
  g_assert_no_error (error);
  g_assert_null (problems);
}

static void
export_annual (Fixture    *f,
               ShStore    *store,
               gint64      facility,
               const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sh_report_export_annual (store, f->units, facility, 2024, path, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
has_problem (GPtrArray        *problems,
             ShReportSeverity  severity,
             const char       *text,
             int              *out_line)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const ShReportProblem *p = problems->pdata[i];

      if (p->severity == severity && strstr (p->message, text) != NULL)
        {
          if (out_line != NULL)
            *out_line = p->line;
          return TRUE;
        }
    }

  return FALSE;
}

static void
dump_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = sh_report_problem_to_string (problems->pdata[i], NULL);

      g_test_message ("%s", line);
    }
}

static GPtrArray *
validate_text (Fixture      *f,
               const char   *text,
               ShReportKind *out_kind)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  GPtrArray *problems = sh_report_validate_bytes (f->units, bytes, "test.xml", out_kind);

  dump_problems (problems);
  return problems;
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, length);
}

static char *
xpath_text (xmlDoc     *doc,
            const char *expression)
{
  g_autoptr(xmlXPathContext) context = xmlXPathNewContext (doc);
  g_autoptr(xmlXPathObject) result = NULL;

  xmlXPathRegisterNs (context, (const xmlChar *) "r", (const xmlChar *) SH_REPORT_NAMESPACE);
  result = xmlXPathEvalExpression ((const xmlChar *) expression, context);
  g_assert_nonnull (result);
  if (result->type == XPATH_NUMBER)
    return g_strdup_printf ("%g", result->floatval);
  if (result->type != XPATH_NODESET || result->nodesetval == NULL || result->nodesetval->nodeNr == 0)
    return NULL;
  return sh_report_node_text (result->nodesetval->nodeTab[0]);
}

static void
assert_xpath (xmlDoc     *doc,
              const char *expression,
              const char *expected)
{
  g_autofree char *text = xpath_text (doc, expression);

  if (g_strcmp0 (text, expected) != 0)
    g_error ("%s: expected “%s”, found “%s”", expression, expected, text ? text : "(nothing)");
}

static xmlDoc *
parse_file (const char *path)
{
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

/* -------------------------------------------------------------------------
 * Pieces
 * ------------------------------------------------------------------------- */

/* The formatting as it was before its fast path: every count of digits
 * from one up until the text reads back as the same double. */
static char *
format_significant_reference (double value,
                              int    digits)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char figures[32];
  const char *mantissa_end;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean negative;
  int exponent;
  int n = 0;
  int point;

  if (!isfinite (value))
    return NULL;
  if (value == 0)
    return g_strdup ("0");

  for (int precision = 0; precision < CLAMP (digits, 1, 17); precision++)
    {
      char format[16];

      g_snprintf (format, sizeof format, "%%.%de", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  negative = buf[0] == '-';
  mantissa_end = strchr (buf, 'e');
  for (const char *p = buf + (negative ? 1 : 0); p < mantissa_end; p++)
    if (g_ascii_isdigit (*p) && n < (int) sizeof figures - 1)
      figures[n++] = *p;
  figures[n] = '\0';
  while (n > 1 && figures[n - 1] == '0')
    figures[--n] = '\0';
  exponent = atoi (mantissa_end + 1);
  point = exponent + 1;

  if (negative)
    g_string_append_c (out, '-');
  if (point <= 0)
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -point; i++)
        g_string_append_c (out, '0');
      g_string_append (out, figures);
    }
  else if (point >= n)
    {
      g_string_append (out, figures);
      for (int i = n; i < point; i++)
        g_string_append_c (out, '0');
    }
  else
    {
      g_string_append_len (out, figures, point);
      g_string_append_c (out, '.');
      g_string_append (out, figures + point);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The one-print fast path gives what the loop over every digit count
 * gave, for every count of digits: on random doubles of every magnitude,
 * on short decimals (which stop early in the loop), and on neighbours of
 * round numbers (which need 16 or 17 digits). */
static void
test_significant_fast (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint checked = 0;

  for (guint i = 0; i < 20000; i++)
    {
      double value;

      switch (i % 4)
        {
        case 0:
          value = g_rand_double_range (rand, -1, 1) * pow (10, g_rand_int_range (rand, -12, 22));
          break;
        case 1:
          value = g_rand_int_range (rand, -1000000, 1000000) / pow (10, g_rand_int_range (rand, 0, 9));
          break;
        case 2:
          value = nextafter (g_rand_int_range (rand, 1, 100000) / 100.0, i % 8 == 2 ? INFINITY : -INFINITY);
          break;
        default:
          {
            guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);

            memcpy (&value, &bits, sizeof value);
          }
          break;
        }

      for (int digits = 1; digits <= 17; digits++)
        {
          g_autofree char *fast = sh_report_format_significant (value, digits);
          g_autofree char *slow = format_significant_reference (value, digits);

          g_assert_cmpstr (fast, ==, slow);
          checked++;
        }
    }

  g_assert_cmpuint (checked, ==, 20000 * 17);
}

static void
test_decimal_format (void)
{
  const struct
  {
    double      value;
    const char *text;
  } cases[] = {
    { 0, "0" }, { -0.0, "0" }, { 0.1, "0.1" }, { 120000, "120000" }, { -3.5, "-3.5" },
    { 1e-7, "0.0000001" }, { 1e21, "1000000000000000000000" }, { 14.6853, "14.6853" },
    { 1.0 / 3.0, "0.3333333333333333" }, { 57803478.33188701, "57803478.33188701" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sh_report_format_decimal (cases[i].value);
      double back = 0;

      g_assert_cmpstr (text, ==, cases[i].text);
      /* What is written reads back as the very same double. */
      g_assert_true (sh_report_parse_decimal (text, &back));
      g_assert_true (back == cases[i].value);
    }

  g_assert_null (sh_report_format_decimal (NAN));
  g_assert_null (sh_report_format_decimal (INFINITY));

  {
    g_autofree char *short_form = sh_report_format_significant (100.0 / 13.0 * 0.4, 10);
    g_autofree char *exact = sh_report_format_significant (15.000000000000002, 10);

    g_assert_cmpstr (short_form, ==, "3.076923077");
    g_assert_cmpstr (exact, ==, "15");
  }

  /* xs:decimal has no exponent, NaN or infinity. */
  {
    double value;

    g_assert_false (sh_report_parse_decimal ("1e5", &value));
    g_assert_false (sh_report_parse_decimal ("NaN", &value));
    g_assert_false (sh_report_parse_decimal ("INF", &value));
    g_assert_false (sh_report_parse_decimal ("", &value));
    g_assert_true (sh_report_parse_decimal (" 12.5 ", &value));
    g_assert_cmpfloat (value, ==, 12.5);
  }
}

static void
test_units_resolve (void)
{
  ShUnits *units = sh_units_get_default ();
  const struct
  {
    const char *stored;
    const char *code;
  } cases[] = {
    { "m3", "m3" }, { "m³", "m3" }, { "kWh/t", "kWh/t" }, { "t/ngày", "t/day" },
    { "viên QTC/năm", "brick_qtc/year" }, { "m3/năm", "m3/year" }, { "L/t", "L/t" },
    { " t ", "t" }, { "t mía/ngày", NULL }, { "m2/năm", NULL }, { "kg/t/h", NULL }, { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = sh_report_resolve_unit (units, cases[i].stored);

      g_assert_cmpstr (code, ==, cases[i].code);
    }
}

static xmlDoc *
load_schema_doc (void)
{
  g_autofree char *path = sh_test_source_path ("data", "schema", "report-1.0.xsd", NULL);

  return parse_file (path);
}

/* The unit and fuel enumerations of the schema are the units table's. */
static void
test_schema_units (void)
{
  g_autoptr(xmlDoc) xsd = load_schema_doc ();
  g_autoptr(xmlXPathContext) context = xmlXPathNewContext (xsd);
  ShUnits *units = sh_units_get_default ();
  g_autoptr(GPtrArray) all_units = sh_units_list_units (units, NULL);
  g_autoptr(GPtrArray) fuels = sh_units_list_fuels (units);
  g_autoptr(xmlXPathObject) listed = NULL;

  xmlXPathRegisterNs (context, (const xmlChar *) "xs", (const xmlChar *) "http://www.w3.org/2001/XMLSchema");

  listed = xmlXPathEvalExpression ((const xmlChar *) "//xs:simpleType[@name='MaDonViCoBan']//xs:enumeration",
                                   context);
  g_assert_cmpint (listed->nodesetval->nodeNr, ==, all_units->len);
  for (guint i = 0; i < all_units->len; i++)
    {
      const ShUnitInfo *info = all_units->pdata[i];
      xmlChar *value = xmlGetProp (listed->nodesetval->nodeTab[i], (const xmlChar *) "value");

      g_assert_cmpstr ((const char *) value, ==, info->code);
      xmlFree (value);
    }
  g_clear_pointer (&listed, xmlXPathFreeObject);

  listed = xmlXPathEvalExpression ((const xmlChar *) "//xs:simpleType[@name='MaNhienLieu']//xs:enumeration", context);
  g_assert_cmpint (listed->nodesetval->nodeNr, ==, fuels->len);
  for (guint i = 0; i < fuels->len; i++)
    {
      const ShFuelInfo *info = fuels->pdata[i];
      xmlChar *value = xmlGetProp (listed->nodesetval->nodeTab[i], (const xmlChar *) "value");

      g_assert_cmpstr ((const char *) value, ==, info->code);
      xmlFree (value);
    }
}

/* Every element and named type says what it is in Vietnamese and English. */
static void
test_schema_documented (void)
{
  g_autoptr(xmlDoc) xsd = load_schema_doc ();
  g_autoptr(xmlXPathContext) context = xmlXPathNewContext (xsd);
  g_autoptr(xmlXPathObject) named = NULL;
  guint checked = 0;

  xmlXPathRegisterNs (context, (const xmlChar *) "xs", (const xmlChar *) "http://www.w3.org/2001/XMLSchema");
  named = xmlXPathEvalExpression ((const xmlChar *) "//xs:element[@name] | //xs:complexType[@name] | "
                                                    "//xs:simpleType[@name]", context);
  g_assert_cmpint (named->nodesetval->nodeNr, >, 300);

  for (int i = 0; i < named->nodesetval->nodeNr; i++)
    {
      xmlNode *node = named->nodesetval->nodeTab[i];
      xmlChar *name = xmlGetProp (node, (const xmlChar *) "name");
      gboolean vi = FALSE, en = FALSE;

      for (xmlNode *a = node->children; a != NULL; a = a->next)
        if (a->type == XML_ELEMENT_NODE && xmlStrEqual (a->name, (const xmlChar *) "annotation"))
          for (xmlNode *d = a->children; d != NULL; d = d->next)
            if (d->type == XML_ELEMENT_NODE && xmlStrEqual (d->name, (const xmlChar *) "documentation"))
              {
                xmlChar *lang = xmlNodeGetLang (d);
                xmlChar *text = xmlNodeGetContent (d);
                gboolean filled = text != NULL && g_utf8_strlen ((const char *) text, -1) > 1;

                vi = vi || (filled && xmlStrEqual (lang, (const xmlChar *) "vi"));
                en = en || (filled && xmlStrEqual (lang, (const xmlChar *) "en"));
                xmlFree (lang);
                xmlFree (text);
              }

      if (!vi || !en)
        g_error ("%s (line %ld) lacks documentation in %s", (const char *) name, xmlGetLineNo (node),
                 vi ? "English" : "Vietnamese");
      xmlFree (name);
      checked++;
    }

  g_test_message ("%u elements and types documented in both languages", checked);
}

static void
test_weighted_mean (void)
{
  const double values[] = { 20, 5 };
  const double costs[] = { 10e6, 20e6 };
  const double zero[] = { 0, 0 };
  const double negative[] = { 1, -1 };
  g_autoptr(GError) error = NULL;
  double mean = 0, percent = 0;

  /* (20 × 10 + 5 × 20) / 30 = 10. */
  g_assert_true (sh_report_rollup_weighted_mean (values, costs, 2, &mean, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (mean, 10.0, 1e-12);

  /* No weights: the plain mean. */
  g_assert_true (sh_report_rollup_weighted_mean (values, zero, 2, &mean, &error));
  g_assert_cmpfloat_with_epsilon (mean, 12.5, 1e-12);

  g_assert_false (sh_report_rollup_weighted_mean (values, negative, 2, &mean, &error));
  g_assert_error (error, SH_CALC_ERROR, SH_CALC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sh_report_rollup_weighted_mean (values, costs, 0, &mean, &error));
  g_clear_error (&error);

  g_assert_true (sh_report_rollup_percent (1, 3, &percent));
  g_assert_cmpfloat (percent, ==, 33.33);
  g_assert_true (sh_report_rollup_percent (2, 3, &percent));
  g_assert_cmpfloat (percent, ==, 66.67);
  g_assert_false (sh_report_rollup_percent (0, 0, &percent));
}

/* -------------------------------------------------------------------------
 * Export and round trip
 * ------------------------------------------------------------------------- */

static void
round_trip (Fixture  *f,
            gboolean  annual)
{
  g_autoptr(ShStore) copy = open_store (f, "copy.db");
  g_autofree char *first = path_in (f, "first.xml");
  g_autofree char *second = path_in (f, "second.xml");
  g_autoptr(ShReportImportResult) result = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (annual)
    export_annual (f, f->store, cassava_facility (f), first);
  else
    export_dossier (f, f->store, dossier_subject (f), first);

  problems = sh_report_validate_file (f->units, first, NULL);
  dump_problems (problems);
  g_assert_cmpuint (sh_report_problems_count (problems, SH_REPORT_SEVERITY_ERROR), ==, 0);

  result = sh_report_import_file (copy, f->units, first);
  dump_problems (result->problems);
  g_assert_cmpint (result->status, ==, SH_REPORT_IMPORT_IMPORTED);
  g_assert_cmpint (result->revision, ==, 1);
  g_assert_cmpuint (result->n_inserted, >, 50);

  /* Export again from the copy, by the ids it has there. */
  if (annual)
    {
      id = sh_report_find_id (copy, "facility", "5ac4d000-0000-4000-8000-000000000001", &error);
      g_assert_no_error (error);
      export_annual (f, copy, id, second);
    }
  else
    {
      id = sh_report_find_id (copy, "assessment", "5ac4d000-0000-4000-8000-000000000101", &error);
      g_assert_no_error (error);
      export_dossier (f, copy, id, second);
    }

  a = read_text (first);
  b = read_text (second);
  g_assert_cmpstr (a, !=, b);
  na = normalize (a);
  nb = normalize (b);
  g_assert_cmpstr (na, ==, nb);
}

static void
test_dossier_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  round_trip (f, FALSE);
}

static void
test_annual_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  round_trip (f, TRUE);
}

/* The annual report of the demo plant, figure by figure (DOMAIN §1.2). */
static void
test_annual_by_hand (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (f, "annual.xml");
  g_autoptr(xmlDoc) doc = NULL;

  export_annual (f, f->store, cassava_facility (f), path);
  doc = parse_file (path);

  assert_xpath (doc, "/r:BaoCaoSXSH/r:Nam", "2024");
  assert_xpath (doc, "/r:BaoCaoSXSH/r:ThongTinTaiLieu/r:MaDoiTuong", "5ac4d000-0000-4000-8000-000000002001");
  assert_xpath (doc, "/r:BaoCaoSXSH/r:ThongTinTaiLieu/r:PhienBanLuocDo", "1.0");
  assert_xpath (doc, "/r:BaoCaoSXSH/r:KyBaoCao/r:TuNgay", "2024-01-01");
  assert_xpath (doc, "/r:BaoCaoSXSH/r:NoiNhan/r:MaTinh", "62");
  assert_xpath (doc, "/r:BaoCaoSXSH/r:NoiNhan/r:HanNop", "2024-11-30");
  assert_xpath (doc, "/r:BaoCaoSXSH/r:KyXacNhan/r:NguoiKy", "Nguyễn Văn Hùng");
  assert_xpath (doc, "/r:BaoCaoSXSH/r:CoSo/r:MaSoThue", "6100123456");
  assert_xpath (doc, "/r:BaoCaoSXSH/r:CoSo/r:SanPham/r:DonViCongSuat", "t/day");
  assert_xpath (doc, "count(/r:BaoCaoSXSH/r:CoSo/r:BoPhanSXSH/r:ThanhVien)", "4");
  /* The plant's only training was in 2023. */
  assert_xpath (doc, "count(//r:DaoTao)", "0");
  /* The detailed assessment overlaps 2024; the quick one (May 2023) does not. */
  assert_xpath (doc, "count(//r:HoatDongSXSH/r:DanhGia)", "1");
  assert_xpath (doc, "//r:HoatDongSXSH/r:DanhGia/@uuid", "5ac4d000-0000-4000-8000-000000000101");
  /* Six options implemented and the biogas one in progress; not the rejected one. */
  assert_xpath (doc, "count(//r:GiaiPhap)", "7");
  assert_xpath (doc, "count(//r:GiaiPhap[r:TrangThai='LOAI_BO'])", "0");
  assert_xpath (doc, "//r:KetQua/r:SoGiaiPhap", "7");
  /* 45 + 350 + 600 + 800 + 12 000 + 150 + 25 million đồng. */
  assert_xpath (doc, "//r:KetQua/r:TongDauTuVND", "13970000000");
  /* 180 + 600 + 4 340 + 900 + 2 660 + 260 + 1 400 million đồng a year. */
  assert_xpath (doc, "//r:KetQua/r:TongLoiIchVNDNam", "10340000000");
  /* Water 18 → 15.3 m3/t: 15 %; electricity 210 → 192 kWh/t: 8.571428571 %. */
  assert_xpath (doc, "//r:KetQua/r:TieuThuRieng[r:MaTaiNguyen='water']/r:TietKiemPct", "15");
  assert_xpath (doc, "//r:KetQua/r:TieuThuRieng[r:MaTaiNguyen='water']/r:Nen/r:TieuThuRieng", "18");
  assert_xpath (doc, "//r:KetQua/r:TieuThuRieng[r:MaTaiNguyen='water']/r:Sau/r:TieuThuRieng", "15.3");
  assert_xpath (doc, "//r:KetQua/r:TieuThuRieng[r:MaTaiNguyen='water']/r:SoVoiMucTieu", "VUOT");
  assert_xpath (doc, "//r:KetQua/r:TieuThuRieng[r:MaTaiNguyen='electricity']/r:TietKiemPct", "8.571428571");
  assert_xpath (doc, "//r:KetQua/r:TieuThuRieng[r:MaTaiNguyen='electricity']/r:SoVoiMucTieu", "DAT");
  /* 522 000 m3 × 6 000 đồng. */
  assert_xpath (doc, "//r:KetQua/r:TieuThuRieng[r:MaTaiNguyen='water']/r:ChiPhiNenVND", "3132000000");
  /* Environmental benefits: wastewater 30 000 + 60 000 m3; CO2e 338 + 650 t;
   * COD load 95 (rasping) + 4 200 (biogas) + 30 (density control) t. */
  assert_xpath (doc, "//r:GiamThieu[r:ChiTieu='NUOC_THAI']/r:LuongGiam", "90000");
  assert_xpath (doc, "//r:GiamThieu[r:ChiTieu='CO2E']/r:LuongGiam", "988");
  assert_xpath (doc, "//r:GiamThieu[r:ChiTieu='TAI_LUONG_COD']/r:LuongGiam", "4325");
  /* Ranking belongs to the dossier. */
  assert_xpath (doc, "count(//r:DiemXepHang)", "0");
  /* Leak repair: 45 million paid back by 180 million a year. */
  assert_xpath (doc, "//r:GiaiPhap[r:KyHieu='GP01']/r:KinhTe/r:HoanVonNam", "0.25");
}

static void
test_export_incomplete (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = path_in (f, "incomplete.xml");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gint64 report, product;

  /* A facility without an annual report for the year. */
  g_assert_false (sh_report_export_annual (f->store, f->units, cassava_facility (f), 2023, path, &problems, &error));
  g_assert_error (error, SH_REPORT_ERROR, SH_REPORT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "2023"));
  g_clear_error (&error);

  /* No signatory, no title, no province to send it to, and a bad date. */
  report = sh_report_find_id (f->store, "annual_report", "5ac4d000-0000-4000-8000-000000002001", &error);
  g_assert_no_error (error);
  g_assert_true (sh_store_set_null (f->store, "annual_report", report, "signatory", &error));
  g_assert_true (sh_store_set_string (f->store, "annual_report", report, "signatory_title", "  ", &error));
  g_assert_true (sh_store_set_null (f->store, "annual_report", report, "recipient_province", &error));
  g_assert_true (sh_store_set_null (f->store, "facility", cassava_facility (f), "province_code", &error));
  g_assert_true (sh_store_set_string (f->store, "annual_report", report, "deadline", "30/11/2024", &error));
  g_assert_no_error (error);

  g_assert_false (sh_report_export_annual (f->store, f->units, cassava_facility (f), 2024, path, &problems, &error));
  g_assert_error (error, SH_REPORT_ERROR, SH_REPORT_ERROR_INCOMPLETE);
  g_assert_nonnull (problems);
  dump_problems (problems);
  g_assert_true (has_problem (problems, SH_REPORT_SEVERITY_ERROR, "no signatory", NULL));
  g_assert_true (has_problem (problems, SH_REPORT_SEVERITY_ERROR, "no signatory's title", NULL));
  g_assert_true (has_problem (problems, SH_REPORT_SEVERITY_ERROR, "no receiving province", NULL));
  g_assert_true (has_problem (problems, SH_REPORT_SEVERITY_ERROR, "“30/11/2024” is not a date", NULL));
  /* The message lists them all, in words. */
  g_assert_nonnull (strstr (error->message, "4 things are missing or wrong"));
  g_assert_nonnull (strstr (error->message, "no signatory"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A unit the units table does not know, in a dossier. */
  product = sh_report_find_id (f->store, "facility_product", "5ac4d000-0000-4000-8000-000000000002", &error);
  g_assert_true (sh_store_set_string (f->store, "facility_product", product, "capacity_unit", "bao/ngày", &error));
  g_assert_false (sh_report_export_dossier (f->store, f->units, dossier_subject (f), path, &problems, &error));
  g_assert_error (error, SH_REPORT_ERROR, SH_REPORT_ERROR_INCOMPLETE);
  g_assert_true (has_problem (problems, SH_REPORT_SEVERITY_ERROR, "“bao/ngày” is not a unit", NULL));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A failed export leaves the file it would have replaced as it was. */
static void
test_export_keeps_old_file (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = path_in (f, "kept.xml");
  g_autofree char *missing_dir = path_in (f, "no/such/dir/report.xml");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 report;

  export_annual (f, f->store, cassava_facility (f), path);
  before = file_sha256 (path);

  report = sh_report_find_id (f->store, "annual_report", "5ac4d000-0000-4000-8000-000000002001", &error);
  g_assert_true (sh_store_set_null (f->store, "annual_report", report, "signatory", &error));
  g_assert_false (sh_report_export_annual (f->store, f->units, cassava_facility (f), 2024, path, NULL, &error));
  g_assert_error (error, SH_REPORT_ERROR, SH_REPORT_ERROR_INCOMPLETE);
  g_clear_error (&error);
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  /* A folder that does not exist: an I/O error, no log entry. */
  g_assert_true (sh_store_set_string (f->store, "annual_report", report, "signatory", "Nguyễn Văn Hùng", &error));
  g_assert_false (sh_report_export_dossier (f->store, f->units, dossier_subject (f), missing_dir, NULL, &error));
  g_assert_error (error, SH_REPORT_ERROR, SH_REPORT_ERROR_IO);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) log = sh_store_list (f->store, "submission", NULL, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (log->len, ==, 1);   /* the first annual export only */
  }

  /* No temporary file is left behind. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, "kept.xml."));
  }
}

/* The same content keeps its revision; changed content gets the next. */
static void
test_export_revision (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = path_in (f, "revision.xml");
  g_autoptr(GError) error = NULL;
  gint64 option;
  const char *const expected[] = { "1", "1", "2", "1" };

  option = sh_report_find_id (f->store, "cp_option", "5ac4d000-0000-4000-8000-000000001004", &error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(xmlDoc) doc = NULL;

      if (i == 2)
        g_assert_true (sh_store_set_string (f->store, "cp_option", option, "responsible", "Phạm Quốc Bảo", &error));
      if (i == 3)
        /* Back to the first content: back to its revision. */
        g_assert_true (sh_store_set_null (f->store, "cp_option", option, "responsible", &error));
      g_assert_no_error (error);

      export_dossier (f, f->store, dossier_subject (f), path);
      doc = parse_file (path);
      assert_xpath (doc, "//r:ThongTinTaiLieu/r:LanBanHanh", expected[i]);
    }

  {
    g_autoptr(GPtrArray) log = sh_store_list (f->store, "submission", NULL, 0, &error);

    g_assert_cmpuint (log->len, ==, 4);
    for (guint i = 0; i < log->len; i++)
      {
        g_assert_cmpstr (sh_record_get_string (log->pdata[i], "direction"), ==, "sent");
        g_assert_cmpstr (sh_record_get_string (log->pdata[i], "document_type"), ==, "dossier");
        g_assert_cmpstr (sh_record_get_string (log->pdata[i], "subject_uuid"), ==,
                         "5ac4d000-0000-4000-8000-000000000101");
        g_assert_cmpint (strlen (sh_record_get_string (log->pdata[i], "content_sha256")), ==, 64);
      }
  }
}

/* -------------------------------------------------------------------------
 * Import
 * ------------------------------------------------------------------------- */

static ShReportImportResult *
import_path (Fixture    *f,
             ShStore    *store,
             const char *path)
{
  ShReportImportResult *result = sh_report_import_file (store, f->units, path);

  g_test_message ("%s: %s", result->file_name, result->summary);
  dump_problems (result->problems);
  return result;
}

static void
test_import_revisions (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ShStore) copy = open_store (f, "copy.db");
  g_autofree char *v1 = path_in (f, "v1.xml");
  g_autofree char *v1_again = path_in (f, "v1-again.xml");
  g_autofree char *v2 = path_in (f, "v2.xml");
  g_autofree char *v3 = path_in (f, "v3.xml");
  g_autoptr(GError) error = NULL;
  gint64 option, flow, copied;

  export_dossier (f, f->store, dossier_subject (f), v1);
  export_dossier (f, f->store, dossier_subject (f), v1_again);

  {
    g_autoptr(ShReportImportResult) r = import_path (f, copy, v1);

    g_assert_cmpint (r->status, ==, SH_REPORT_IMPORT_IMPORTED);
  }
  {
    /* The same file again. */
    g_autoptr(ShReportImportResult) r = import_path (f, copy, v1);

    g_assert_cmpint (r->status, ==, SH_REPORT_IMPORT_UNCHANGED);
    g_assert_nonnull (strstr (r->summary, "Already imported"));
  }
  {
    /* Re-sent: another document, the same content and revision. */
    g_autoptr(ShReportImportResult) r = import_path (f, copy, v1_again);

    g_assert_cmpint (r->status, ==, SH_REPORT_IMPORT_UNCHANGED);
    g_assert_cmpint (r->revision, ==, 1);
  }

  /* Corrected: an option renamed, a flow removed. */
  option = sh_report_find_id (f->store, "cp_option", "5ac4d000-0000-4000-8000-000000001001", &error);
  flow = sh_report_find_id (f->store, "flow", "5ac4d000-0000-4000-8000-000000000709", &error);
  g_assert_true (sh_store_set_string (f->store, "cp_option", option, "title", "Sửa rò rỉ và lắp van tự động", &error));
  g_assert_true (sh_store_delete (f->store, "flow", flow, &error));
  g_assert_no_error (error);
  export_dossier (f, f->store, dossier_subject (f), v2);
  {
    g_autoptr(ShReportImportResult) r = import_path (f, copy, v2);
    g_autoptr(ShRecord) renamed = NULL;
    g_autoptr(GPtrArray) log = NULL;

    g_assert_cmpint (r->status, ==, SH_REPORT_IMPORT_REPLACED);
    g_assert_cmpint (r->revision, ==, 2);
    g_assert_cmpint (r->previous_revision, ==, 1);
    g_assert_cmpuint (r->n_inserted, ==, 0);
    g_assert_cmpuint (r->n_updated, ==, 1);
    g_assert_cmpuint (r->n_deleted, ==, 1);

    copied = sh_report_find_id (copy, "cp_option", "5ac4d000-0000-4000-8000-000000001001", &error);
    renamed = sh_store_get (copy, "cp_option", copied, &error);
    g_assert_cmpstr (sh_record_get_string (renamed, "title"), ==, "Sửa rò rỉ và lắp van tự động");
    g_assert_cmpint (sh_report_find_id (copy, "flow", "5ac4d000-0000-4000-8000-000000000709", &error), ==, 0);

    /* The change is recorded in the log. */
    log = sh_store_list (copy, "submission", NULL, 0, &error);
    g_assert_cmpuint (log->len, ==, 2);
    g_assert_cmpstr (sh_record_get_string (log->pdata[1], "direction"), ==, "received");
    g_assert_cmpint (sh_record_get_int (log->pdata[1], "document_version", 0), ==, 2);
    g_assert_nonnull (strstr (sh_record_get_string (log->pdata[1], "note"), "replaced revision 1"));
  }
  {
    /* The old revision, arriving late, does not undo the correction. */
    g_autoptr(ShReportImportResult) r = import_path (f, copy, v1_again);

    g_assert_cmpint (r->status, ==, SH_REPORT_IMPORT_REFUSED);
    g_assert_true (has_problem (r->problems, SH_REPORT_SEVERITY_ERROR, "older revision", NULL));
  }

  /* Two documents with the same revision and different content. */
  {
    g_autoptr(ShStore) other = open_store (f, "other.db");
    g_autoptr(ShReportImportResult) first = import_path (f, other, v1);
    g_autoptr(ShReportImportResult) conflict = NULL;
    gint64 in_other;

    g_assert_cmpint (first->status, ==, SH_REPORT_IMPORT_IMPORTED);
    in_other = sh_report_find_id (other, "cp_option", "5ac4d000-0000-4000-8000-000000001002", &error);
    g_assert_true (sh_store_set_string (other, "cp_option", in_other, "responsible", "Lê Thị Hoa", &error));
    export_dossier (f, other, sh_report_find_id (other, "assessment", "5ac4d000-0000-4000-8000-000000000101", &error),
                    v3);
    conflict = import_path (f, copy, v3);
    g_assert_cmpint (conflict->status, ==, SH_REPORT_IMPORT_REFUSED);
    g_assert_true (has_problem (conflict->problems, SH_REPORT_SEVERITY_ERROR, "same revision", NULL));
  }
}

/* Importing into a finalized assessment reopens it with the import as the
 * reason, and finalizes it again when the document says so. */
static void
test_import_finalized (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ShStore) copy = open_store (f, "copy.db");
  g_autofree char *v1 = path_in (f, "v1.xml");
  g_autofree char *v2 = path_in (f, "v2.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 assessment, option;
  gboolean import_reason = FALSE;

  export_dossier (f, f->store, dossier_subject (f), v1);
  {
    g_autoptr(ShReportImportResult) r = import_path (f, copy, v1);

    g_assert_cmpint (r->status, ==, SH_REPORT_IMPORT_IMPORTED);
  }
  assessment = sh_report_find_id (copy, "assessment", "5ac4d000-0000-4000-8000-000000000101", &error);
  g_assert_true (sh_store_finalize_assessment (copy, assessment, &error));
  g_assert_no_error (error);

  option = sh_report_find_id (f->store, "cp_option", "5ac4d000-0000-4000-8000-000000001005", &error);
  g_assert_true (sh_store_set_string (f->store, "cp_option", option, "status", "implemented", &error));
  g_assert_true (sh_store_finalize_assessment (f->store, dossier_subject (f), &error));
  g_assert_no_error (error);
  export_dossier (f, f->store, dossier_subject (f), v2);
  {
    g_autoptr(ShReportImportResult) r = import_path (f, copy, v2);

    g_assert_cmpint (r->status, ==, SH_REPORT_IMPORT_REPLACED);
    g_assert_cmpuint (r->n_updated, ==, 1);
  }

  g_assert_true (sh_store_is_assessment_locked (copy, assessment));
  audit = sh_store_list_audit (copy, assessment, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    if (g_strcmp0 (sh_record_get_string (audit->pdata[i], "column_name"), "status") == 0 &&
        g_strcmp0 (sh_record_get_string (audit->pdata[i], "table_name"), "cp_option") == 0)
      {
        g_assert_cmpstr (sh_record_get_string (audit->pdata[i], "new_value"), ==, "implemented");
        g_assert_nonnull (strstr (sh_record_get_string (audit->pdata[i], "why"), "Import of v2.xml"));
        import_reason = TRUE;
      }
  g_assert_true (import_reason);
}

typedef struct
{
  const char *name;
  const char *expect;   /* in the message of the first error */
} Hostile;

/* Every refused file changes nothing: the database file is the same, byte
 * for byte, after as before. */
static void
assert_refused_unchanged (Fixture    *f,
                          const char *path,
                          const char *expect,
                          gboolean    want_line)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ShReportImportResult) result = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  int line = 0;

  g_clear_object (&f->store);
  before = file_sha256 (f->db);
  f->store = open_store (f, "source.db");

  result = import_path (f, f->store, path);
  g_assert_cmpint (result->status, ==, SH_REPORT_IMPORT_REFUSED);
  if (!has_problem (result->problems, SH_REPORT_SEVERITY_ERROR, expect, &line))
    g_error ("%s: no error saying “%s”", path, expect);
  if (want_line)
    g_assert_cmpint (line, >, 0);
  g_assert_cmpuint (result->n_inserted + result->n_updated + result->n_deleted, ==, 0);
  /* Refused at once: no entity was expanded, nothing was fetched. */
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 2.0);

  g_clear_object (&f->store);
  after = file_sha256 (f->db);
  g_assert_cmpstr (before, ==, after);
  f->store = open_store (f, "source.db");
}

static void
test_import_hostile (Fixture       *f,
                     gconstpointer  data)
{
  const Hostile fixtures[] = {
    { "billion-laughs.xml", "DOCTYPE" },
    { "xxe-file.xml", "DOCTYPE" },
    { "xxe-network.xml", "DOCTYPE" },
    { "doctype-external.xml", "DOCTYPE" },
    { "not-a-report.xml", "not a Sạch Hơn report" },
    { "non-utf8.xml", "not UTF-8" },
    { "latin1.xml", "reports must be UTF-8" },
    { "truncated.xml", "not well-formed" },
  };
  g_autofree char *example = sh_test_source_path ("docs", "examples", "bao-cao-sxsh-nam.xml", NULL);
  g_autofree char *valid = read_text (example);
  g_autofree char *big = path_in (f, "big.xml");
  const struct
  {
    const char *name;
    const char *from;
    const char *to;
    const char *expect;
  } mutations[] = {
    { "wrong-namespace.xml", "urn:sachhon:report:1", "urn:sachhon:report:2", "does not read" },
    { "foreign-namespace.xml", "urn:sachhon:report:1", "urn:example:other", "not a Sạch Hơn report" },
    { "wrong-version.xml", "<PhienBanLuocDo>1.0", "<PhienBanLuocDo>1.7", "version 1.7" },
    { "missing-signatory.xml", "<NguoiKy>Nguyễn Văn Hùng</NguoiKy>", "", "NguoiKy is missing" },
    { "missing-year.xml", "<Nam>2024</Nam>", "", "Nam is missing" },
    { "date-type.xml", "<HanNop>2024-11-30", "<HanNop>30/11/2024", "'30/11/2024' is not a valid value" },
    { "money-type.xml", "<SoTienVND>38000000", "<SoTienVND>38.000.000", "'38.000.000' is not a valid value" },
    { "enum-type.xml", "<QuyMo>VUA", "<QuyMo>medium", "'medium' is not an element of the set" },
    { "duplicate-uuids.xml", "5ac4d000-0000-4000-8000-000000000012", "5ac4d000-0000-4000-8000-000000000011",
      "is used twice" },
    { "dangling-reference.xml", "<MaChuyenGia>5ac4d000-0000-4000-8000-000000000031",
      "<MaChuyenGia>5ac4d000-0000-4000-8000-0000000000ff", "No match found for key-sequence" },
    { "saving.xml", "<TietKiemPct>15<", "<TietKiemPct>12.5<", "given as 12.5 %" },
    { "dates.xml", "<KyBaoCao>\n    <TuNgay>2024-01-01", "<KyBaoCao>\n    <TuNgay>2025-01-01", "comes before" },
    { "totals.xml", "<SoGiaiPhap>7", "<SoGiaiPhap>8", "but 7 are listed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = sh_test_source_path ("tests", "data", "reports", fixtures[i].name, NULL);

      assert_refused_unchanged (f, path, fixtures[i].expect, TRUE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autofree char *path = path_in (f, mutations[i].name);
      g_autofree char *text = mutate (valid, mutations[i].from, mutations[i].to);

      write_text (path, text, -1);
      assert_refused_unchanged (f, path, mutations[i].expect, TRUE);
    }

  /* 50 MB: a valid start, then padding; refused before it is read. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (big);
    g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
    g_autofree char *block = g_strnfill (1024 * 1024, ' ');
    const char *head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BaoCaoSXSH xmlns=\"urn:sachhon:report:1\"><!--";

    g_assert_no_error (error);
    g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), head, strlen (head), NULL, NULL, &error));
    for (guint i = 0; i < 50; i++)
      g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), block, 1024 * 1024, NULL, NULL, &error));
    g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
    g_assert_no_error (error);

    assert_refused_unchanged (f, big, "too large", FALSE);
    g_unlink (big);
  }
}

/* The validator's words and line numbers. */
static void
test_validate_semantics (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *example = sh_test_source_path ("docs", "examples", "ho-so-danh-gia.xml", NULL);
  g_autofree char *valid = read_text (example);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *broken = NULL;
  ShReportKind kind = SH_REPORT_KIND_UNKNOWN;
  int line = 0;

  /* The example is valid, with one warning: the refining step's water
   * balance does not close (7.58 % against a 5 % tolerance). */
  problems = validate_text (f, valid, &kind);
  g_assert_cmpint (kind, ==, SH_REPORT_KIND_DOSSIER);
  g_assert_cmpuint (sh_report_problems_count (problems, SH_REPORT_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (sh_report_problems_count (problems, SH_REPORT_SEVERITY_WARNING), ==, 1);
  g_assert_true (has_problem (problems, SH_REPORT_SEVERITY_WARNING, "closes at 7.58 %", &line));
  g_assert_cmpint (line, >, 1000);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Claim the balance closes: the figures say otherwise. */
  broken = mutate (valid, "<SaiSoPct>7.582938389</SaiSoPct>\n        <TrongSaiSoChoPhep>false",
                   "<SaiSoPct>7.582938389</SaiSoPct>\n        <TrongSaiSoChoPhep>true");
  problems = validate_text (f, broken, NULL);
  g_assert_true (has_problem (problems, SH_REPORT_SEVERITY_ERROR, "is said to be within the tolerance", &line));
  g_assert_cmpint (line, >, 1000);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&broken, g_free);

  /* An option's net benefit that its savings do not give. */
  broken = mutate (valid, "<LoiIchRongVNDNam>180000000<", "<LoiIchRongVNDNam>190000000<");
  problems = validate_text (f, broken, NULL);
  g_assert_true (has_problem (problems, SH_REPORT_SEVERITY_ERROR, "LoiIchRongVNDNam is given as 190000000", NULL));
  /* … and the totals no longer add up either. */
  g_assert_true (has_problem (problems, SH_REPORT_SEVERITY_ERROR, "The total benefit is", NULL));
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&broken, g_free);

  /* A consumption record changed: the totals and the cost no longer follow. */
  broken = mutate (valid, "<SoLuong>252000</SoLuong>", "<SoLuong>262000</SoLuong>");
  problems = validate_text (f, broken, NULL);
  g_assert_true (has_problem (problems, SH_REPORT_SEVERITY_ERROR, "the consumption records add up to 532000", NULL));
  g_assert_true (has_problem (problems, SH_REPORT_SEVERITY_ERROR, "The baseline cost is given as 3132000000", NULL));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A file that does not exist. */
  problems = sh_report_validate_file (f->units, "/nonexistent/report.xml", &kind);
  g_assert_cmpint (kind, ==, SH_REPORT_KIND_UNKNOWN);
  g_assert_true (has_problem (problems, SH_REPORT_SEVERITY_ERROR, "Cannot read", NULL));
}

/* -------------------------------------------------------------------------
 * Roll-up
 * ------------------------------------------------------------------------- */

#define ADD(...) G_STMT_START { \
    id = sh_store_insert_fields (store, &error, __VA_ARGS__, NULL); \
    g_assert_no_error (error); \
    g_assert_cmpint (id, >, 0); \
  } G_STMT_END

/* A facility applying CP in 2024, with one or two resources. */
static void
add_applying (ShStore    *store,
              gint64      facility,
              const char *kind,
              const char *start,
              const char *end,
              double      output_before,
              double      output_after,
              const char *output_unit,
              const char *resource,
              double      before,
              double      after,
              gint64      price)
{
  g_autoptr(GError) error = NULL;
  gint64 assessment, id;

  ADD ("assessment", NULL, "r:facility_id", facility, "s:kind", kind, "s:start_date", start, "s:end_date", end);
  assessment = id;
  ADD ("production_record", NULL, "r:assessment_id", assessment, "s:phase", "baseline", "s:period_label", "2023",
       "s:period_start", "2023-01-01", "s:period_end", "2023-12-31", "s:product", "P",
       "d:quantity", output_before, "s:unit", output_unit);
  ADD ("production_record", NULL, "r:assessment_id", assessment, "s:phase", "after", "s:period_label", "2024",
       "s:period_start", "2024-01-01", "s:period_end", "2024-12-31", "s:product", "P",
       "d:quantity", output_after, "s:unit", output_unit);
  ADD ("resource_consumption", NULL, "r:assessment_id", assessment, "s:phase", "baseline", "s:period_label", "2023",
       "s:resource_code", resource, "s:category", "other", "d:quantity", before, "s:unit",
       g_str_equal (resource, "water") ? "m3" : "kWh", "m:unit_price_vnd", price);
  ADD ("resource_consumption", NULL, "r:assessment_id", assessment, "s:phase", "after", "s:period_label", "2024",
       "s:resource_code", resource, "s:category", "other", "d:quantity", after, "s:unit",
       g_str_equal (resource, "water") ? "m3" : "kWh", "m:unit_price_vnd", price);
  if (g_str_equal (resource, "water"))
    {
      /* A second resource: electricity 100 → 95 kWh/t (5 %), 20 million đồng at baseline. */
      ADD ("resource_consumption", NULL, "r:assessment_id", assessment, "s:phase", "baseline",
           "s:period_label", "2023", "s:resource_code", "electricity", "s:category", "electricity",
           "d:quantity", 10000.0, "s:unit", "kWh", "m:unit_price_vnd", G_GINT64_CONSTANT (2000));
      ADD ("resource_consumption", NULL, "r:assessment_id", assessment, "s:phase", "after",
           "s:period_label", "2024", "s:resource_code", "electricity", "s:category", "electricity",
           "d:quantity", 9500.0, "s:unit", "kWh", "m:unit_price_vnd", G_GINT64_CONSTANT (2000));
    }
  ADD ("cp_option", NULL, "r:assessment_id", assessment, "s:title", "Giải pháp", "s:category", "GH",
       "s:status", "implemented", "s:actual_end", "2024-06-30");
  ADD ("annual_report", NULL, "r:facility_id", facility, "i:year", 2024, "s:signatory", "Giám đốc",
       "s:signatory_title", "Giám đốc");
}

/* The versions of the reference data go into the header of annual reports
 * and dossiers, are read back by the validator, kept in the log of the
 * receiving database, and make no difference to the round trip between two
 * databases with the same reference data. */
static void
test_reference_data_version (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ShStore) copy = open_store (f, "copy.db");
  g_autofree char *first = path_in (f, "first.xml");
  g_autofree char *second = path_in (f, "second.xml");
  g_autofree char *dossier = path_in (f, "dossier.xml");
  g_autofree char *sectors = NULL;
  g_autofree char *note = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;
  g_autofree char *expected_note = NULL;
  g_autoptr(ShReportImportResult) result = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ShReportDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_assert_true (sh_refdata_ensure_loaded (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (sh_refdata_ensure_loaded (copy, &error));
  g_assert_no_error (error);
  sectors = sh_refdata_get_version (f->store, SH_REFDATA_KIND_SECTORS);
  g_assert_nonnull (sectors);

  export_annual (f, f->store, cassava_facility (f), first);
  doc = parse_file (first);
  assert_xpath (doc, "count(/r:BaoCaoSXSH/r:ThongTinTaiLieu/r:DuLieuThamChieu/r:TepThamChieu)", "5");
  assert_xpath (doc, "/r:BaoCaoSXSH/r:ThongTinTaiLieu/r:DuLieuThamChieu/r:TepThamChieu[r:Loai='sectors']/r:PhienBan",
                sectors);
  /* Last in the header, as the schema orders it. */
  assert_xpath (doc, "count(/r:BaoCaoSXSH/r:ThongTinTaiLieu/*[last()][self::r:DuLieuThamChieu])", "1");
  g_clear_pointer (&doc, xmlFreeDoc);

  export_dossier (f, f->store, dossier_subject (f), dossier);
  doc = parse_file (dossier);
  assert_xpath (doc, "count(//r:ThongTinTaiLieu/r:DuLieuThamChieu/r:TepThamChieu[r:Loai='options'])", "1");

  /* The validator reads it into the header. */
  a = read_text (first);
  bytes = g_bytes_new (a, strlen (a));
  problems = sh_report_problems_new ();
  document = sh_report_document_load (f->units, bytes, "first.xml", NULL, problems);
  dump_problems (problems);
  g_assert_nonnull (document);
  g_assert_cmpuint (document->header.reference_data->len, ==, 5);
  g_assert_cmpstr (document->header.reference_data->pdata[0], ==, "lists 1.0.0");

  result = sh_report_import_file (copy, f->units, first);
  dump_problems (result->problems);
  g_assert_cmpint (result->status, ==, SH_REPORT_IMPORT_IMPORTED);

  stmt = sh_store_prepare (copy, "SELECT note FROM submission WHERE direction = 'received' AND document_uuid = ?1",
                           &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, result->document_uuid, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  note = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  expected_note = g_strdup_printf ("sectors %s", sectors);
  g_assert_nonnull (strstr (note, expected_note));
  g_assert_nonnull (strstr (note, "lists 1.0.0, sectors"));

  /* …and in a column of its own, for a DoIT to query. */
  stmt = sh_store_prepare (copy, "SELECT reference_data FROM submission WHERE direction = 'received' "
                           "AND document_uuid = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, result->document_uuid, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  columns = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  g_assert_true (g_str_has_prefix (columns, "lists 1.0.0, sectors"));
  g_assert_nonnull (strstr (columns, expected_note));

  /* Exported again from the copy, the document is the same but for its
   * UUID and time. */
  export_annual (f, copy, sh_report_find_id (copy, "facility", "5ac4d000-0000-4000-8000-000000000001", NULL), second);
  b = read_text (second);
  na = normalize (a);
  nb = normalize (b);
  g_assert_cmpstr (na, ==, nb);
}

/* Several files in one call: each all or nothing, a refused one in the
 * middle changes nothing, the others are in, and what a later file finds
 * (the first one already imported) is what an earlier one of the same call
 * wrote. */
static void
test_import_files_batch (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *dossier = path_in (f, "dossier.xml");
  g_autofree char *annual = path_in (f, "annual.xml");
  g_autofree char *broken = path_in (f, "broken.xml");
  g_autofree char *dossier_text = NULL;
  g_autofree char *broken_text = NULL;
  g_autoptr(ShStore) target = open_store (f, "target.db");
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) again = NULL;
  const char *paths[] = { dossier, broken, annual, dossier, NULL };
  static const ShReportImportStatus expected[] = {
    SH_REPORT_IMPORT_IMPORTED, SH_REPORT_IMPORT_REFUSED, SH_REPORT_IMPORT_IMPORTED, SH_REPORT_IMPORT_UNCHANGED,
  };
  gint64 annual_id;

  export_dossier (f, f->store, dossier_subject (f), dossier);
  export_annual (f, f->store, cassava_facility (f), annual);
  /* Valid XML and valid against the schema up to a figure that is not a
   * number: refused only after parsing, while the batch is open. */
  dossier_text = read_text (dossier);
  broken_text = mutate (dossier_text, "<LanBanHanh>", "<LanBanHanh>x");
  write_text (broken, broken_text, -1);

  results = sh_report_import_files (target, NULL, paths, NULL);
  g_assert_cmpuint (results->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < results->len; i++)
    {
      ShReportImportResult *r = results->pdata[i];

      dump_problems (r->problems);
      g_assert_cmpint (r->status, ==, expected[i]);
    }
  g_assert_cmpuint (((ShReportImportResult *) results->pdata[1])->n_inserted, ==, 0);

  /* Committed: a new connection sees both documents and both subjects. */
  g_clear_object (&target);
  target = open_store (f, "target.db");
  annual_id = sh_report_find_id (target, "annual_report",
                                 ((ShReportImportResult *) results->pdata[2])->subject_uuid, NULL);
  g_assert_cmpint (annual_id, >, 0);
  g_assert_cmpint (sh_report_find_id (target, "assessment",
                                      ((ShReportImportResult *) results->pdata[0])->subject_uuid, NULL), >, 0);

  again = sh_report_import_files (target, NULL, paths, NULL);
  for (guint i = 0; i < again->len; i++)
    g_assert_cmpint (((ShReportImportResult *) again->pdata[i])->status, ==,
                     i == 1 ? SH_REPORT_IMPORT_REFUSED : SH_REPORT_IMPORT_UNCHANGED);
}

/* The roll-up reads only resources; they must be those of the full
 * summary, and a snapshot must leave no transaction behind. */
static void
test_summary_resources_only (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShSummary) full = sh_summary_compute (f->store, f->units, dossier_subject (f), &error);
  g_autoptr(ShSummary) part = NULL;

  g_assert_no_error (error);
  part = sh_summary_compute_resources (f->store, f->units, dossier_subject (f), &error);
  g_assert_no_error (error);
  g_assert_true (sqlite3_get_autocommit (sh_store_get_db (f->store)));

  g_assert_cmpuint (part->resources->len, >, 0);
  g_assert_cmpuint (part->resources->len, ==, full->resources->len);
  g_assert_cmpuint (part->options->len, ==, 0);
  g_assert_cmpuint (part->balances->len, ==, 0);
  for (guint i = 0; i < full->resources->len; i++)
    {
      const ShSummaryResource *a = full->resources->pdata[i];
      const ShSummaryResource *b = part->resources->pdata[i];

      g_assert_cmpstr (a->resource_code, ==, b->resource_code);
      g_assert_cmpstr (a->output_unit, ==, b->output_unit);
      g_assert_cmpint (a->has_saving, ==, b->has_saving);
      g_assert_cmpfloat (a->saving_percent, ==, b->saving_percent);
      g_assert_cmpfloat (a->baseline_sc, ==, b->baseline_sc);
      g_assert_cmpint (a->baseline_cost_vnd, ==, b->baseline_cost_vnd);
    }

  /* Inside a caller's transaction no snapshot is opened, and the
   * caller's transaction is still open afterwards. */
  g_assert_true (sh_store_begin (f->store, &error));
  g_clear_pointer (&part, sh_summary_free);
  part = sh_summary_compute (f->store, f->units, dossier_subject (f), &error);
  g_assert_no_error (error);
  g_assert_false (sqlite3_get_autocommit (sh_store_get_db (f->store)));
  g_assert_true (sh_store_commit (f->store, &error));
}

/* After 1 July 2025 Kon Tum (62) is part of Quảng Ngãi (51): a facility
 * still recorded under 62 counts for 62 up to 2024, and for 51 from the
 * 2025 roll-up on, with its training of that year. */
static void
test_rollup_merged_province (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ShStore) store = open_store (f, "merged.db");
  g_autoptr(GError) error = NULL;
  ShReportRollupParams params;
  struct { const char *province; int year; gint64 total; gint64 trainings; } cases[] = {
    { "62", 2024, 1, 1 },
    { "51", 2024, 1, 0 },
    { "51", 2025, 2, 1 },
  };
  gint64 x, id;

  g_assert_true (sh_refdata_ensure_loaded (store, &error));
  g_assert_no_error (error);
  ADD ("facility", NULL, "s:name", "X", "s:province_code", "62", "s:size_class", "medium");
  x = id;
  ADD ("training_event", NULL, "r:facility_id", x, "s:date", "2024-04-01", "s:title", "Tập huấn",
       "i:participant_count", 4);
  ADD ("training_event", NULL, "r:facility_id", x, "s:date", "2025-09-01", "s:title", "Tập huấn",
       "i:participant_count", 6);
  ADD ("facility", NULL, "s:name", "Y", "s:province_code", "51", "s:size_class", "small");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShReportRollup) rollup = NULL;

      sh_report_rollup_params_init (&params, cases[i].province, cases[i].year);
      rollup = sh_report_rollup_compute (store, f->units, &params, &error);
      g_assert_no_error (error);
      g_assert_cmpint (rollup->total, ==, cases[i].total);
      g_assert_cmpint (rollup->trainings, ==, cases[i].trainings);
    }

  /* The DoIT page lists the same facilities as the roll-up counts. */
  {
    g_autoptr(GPtrArray) listed = sh_report_rollup_list_facilities (store, "51", 2025, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (listed->len, ==, 2);
    g_assert_cmpstr (sh_record_get_string (listed->pdata[0], "name"), ==, "X");
    g_clear_pointer (&listed, g_ptr_array_unref);
    listed = sh_report_rollup_list_facilities (store, "51", 2024, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (listed->len, ==, 1);
  }
}

static void
test_rollup_by_hand (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ShStore) store = open_store (f, "province.db");
  g_autoptr(ShReportRollup) rollup = NULL;
  g_autoptr(ShReportRollup) declared = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *path = path_in (f, "rollup.xml");
  ShReportRollupParams params;
  gint64 a, b, c, d, e, id;

  /* A (medium): trained in 2024, a detailed assessment, water 10 → 8 m3/t
   * (20 %, 10 million đồng at baseline) and electricity 100 → 95 kWh/t
   * (5 %, 20 million đồng): (20 × 10 + 5 × 20) / 30 = 10 %; 100 t after.
   * It has a CP team. */
  ADD ("facility", NULL, "s:name", "A", "s:province_code", "99", "s:size_class", "medium");
  a = id;
  ADD ("team_member", NULL, "r:facility_id", a, "s:name", "Trưởng nhóm", "s:role", "leader");
  ADD ("training_event", NULL, "r:facility_id", a, "s:date", "2024-03-10", "s:title", "Tập huấn",
       "i:participant_count", 5);
  add_applying (store, a, "detailed", "2024-01-10", "2024-11-30", 100, 100, "t", "water", 1000, 800,
                G_GINT64_CONSTANT (10000));

  /* B (large): a quick assessment, electricity 0.1 → 0.08 kWh/kg (20 %),
   * no prices (the plain mean); 300 000 kg after. No CP unit. */
  ADD ("facility", NULL, "s:name", "B", "s:province_code", "99", "s:size_class", "large");
  b = id;
  add_applying (store, b, "quick", "2024-05-01", "2024-05-02", 250000, 300000, "kg", "power", 25000, 24000, 0);

  /* C (small): trained in 2023 only: aware, not applying. */
  ADD ("facility", NULL, "s:name", "C", "s:province_code", "99", "s:size_class", "small");
  c = id;
  ADD ("training_event", NULL, "r:facility_id", c, "s:date", "2023-06-01", "s:title", "Hội thảo",
       "i:participant_count", 3);

  /* D (medium): nothing. E: another province. */
  ADD ("facility", NULL, "s:name", "D", "s:province_code", "99", "s:size_class", "medium");
  d = id;
  ADD ("facility", NULL, "s:name", "E", "s:province_code", "98", "s:size_class", "large");
  e = id;
  ADD ("training_event", NULL, "r:facility_id", e, "s:date", "2024-02-02", "s:title", "Tập huấn",
       "i:participant_count", 40);
  g_assert_cmpint (d, >, c);

  sh_report_rollup_params_init (&params, "99", 2024);
  rollup = sh_report_rollup_compute (store, f->units, &params, &error);
  g_assert_no_error (error);

  g_assert_cmpint (rollup->total, ==, 4);
  g_assert_false (rollup->total_declared);
  g_assert_cmpint (rollup->aware, ==, 3);      /* A, B, C */
  g_assert_cmpint (rollup->applying, ==, 2);   /* A, B */
  g_assert_cmpint (rollup->medium_large, ==, 3);
  g_assert_cmpint (rollup->with_cp_unit, ==, 1);
  g_assert_cmpint (rollup->trainings, ==, 1);
  g_assert_cmpint (rollup->participants, ==, 5);
  g_assert_cmpint (rollup->quick, ==, 1);
  g_assert_cmpint (rollup->detailed, ==, 1);
  g_assert_cmpint (rollup->follow_up, ==, 0);

  /* A 10 % on 100 t = 100 000 kg, B 20 % on 300 000 kg:
   * (10 × 100 000 + 20 × 300 000) / 400 000 = 17.5 %. */
  g_assert_cmpuint (rollup->savings->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (((ShRollupSaving *) rollup->savings->pdata[0])->saving_percent, 10.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (((ShRollupSaving *) rollup->savings->pdata[1])->saving_percent, 20.0, 1e-9);
  g_assert_true (rollup->has_average);
  g_assert_cmpfloat_with_epsilon (rollup->average_saving_percent, 17.5, 1e-9);

  /* The document says the same, and validates. */
  params.doit_cp_staff = 2;
  params.budget_local_vnd = G_GINT64_CONSTANT (300000000);
  g_assert_true (sh_report_export_rollup (store, f->units, &params, path, NULL, &problems, &error));
  g_assert_no_error (error);
  problems = sh_report_validate_file (f->units, path, NULL);
  dump_problems (problems);
  g_assert_cmpuint (problems->len, ==, 0);
  doc = parse_file (path);
  assert_xpath (doc, "//r:SoCoSo/r:TongSo", "4");
  assert_xpath (doc, "//r:SoCoSo/r:NguonTongSo", "CO_SO_DU_LIEU");
  assert_xpath (doc, "//r:SoCoSo/r:NhanThuc/r:TyLePct", "75");
  assert_xpath (doc, "//r:SoCoSo/r:ApDung/r:TyLePct", "50");
  assert_xpath (doc, "//r:VuaVaLon/r:CoBoPhanSXSH/r:TyLePct", "33.33");
  assert_xpath (doc, "//r:TietKiemBinhQuan/r:TyLePct", "17.5");
  assert_xpath (doc, "count(//r:TietKiemBinhQuan/r:ChiTiet)", "2");
  assert_xpath (doc, "//r:KinhPhi/r:DiaPhuongVND", "300000000");
  assert_xpath (doc, "count(//r:DanhSachCoSo/r:CoSo)", "4");
  assert_xpath (doc, "//r:DanhSachCoSo/r:CoSo[r:Ten='C']/r:NhanThuc", "true");
  assert_xpath (doc, "//r:DanhSachCoSo/r:CoSo[r:Ten='C']/r:ApDung", "false");
  assert_xpath (doc, "//r:PhuongPhap/r:CachTinhTietKiem", "BINH_QUAN_GIA_QUYEN_SAN_LUONG");

  /* Declared: 8 industrial facilities in the province. */
  params.declared_total = 8;
  declared = sh_report_rollup_compute (store, f->units, &params, &error);
  g_assert_no_error (error);
  g_assert_cmpint (declared->total, ==, 8);
  g_assert_true (declared->total_declared);
  params.declared_total = 3;
  g_assert_null (sh_report_rollup_compute (store, f->units, &params, &error));
  g_assert_error (error, SH_REPORT_ERROR, SH_REPORT_ERROR_INCOMPLETE);
  g_clear_error (&error);

  /* A roll-up is the ministry's: validated, never imported. */
  {
    g_autoptr(ShReportImportResult) r = import_path (f, f->store, path);

    g_assert_cmpint (r->status, ==, SH_REPORT_IMPORT_REFUSED);
    g_assert_true (has_problem (r->problems, SH_REPORT_SEVERITY_ERROR, "not imported", NULL));
  }

  /* Counts that do not follow from the list are caught. */
  {
    g_autofree char *text = read_text (path);
    g_autofree char *broken = mutate (text, "<SoLuong>3</SoLuong>", "<SoLuong>4</SoLuong>");
    g_autoptr(GPtrArray) found = validate_text (f, broken, NULL);

    g_assert_true (has_problem (found, SH_REPORT_SEVERITY_ERROR, "the facilities listed give 3", NULL));
  }
  {
    g_autofree char *text = read_text (path);
    g_autofree char *broken = mutate (text, "<TyLePct>17.5</TyLePct>", "<TyLePct>15</TyLePct>");
    g_autoptr(GPtrArray) found = validate_text (f, broken, NULL);

    g_assert_true (has_problem (found, SH_REPORT_SEVERITY_ERROR, "its details give 17.5 %", NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);

  g_test_add_func ("/report/format/decimal", test_decimal_format);
  g_test_add_func ("/report/format/significant-fast", test_significant_fast);
  g_test_add_func ("/report/units/resolve", test_units_resolve);
  g_test_add_func ("/report/schema/units-complete", test_schema_units);
  g_test_add_func ("/report/schema/documented", test_schema_documented);
  g_test_add_func ("/report/rollup/weighted-mean", test_weighted_mean);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/report/export/dossier-round-trip", test_dossier_round_trip);
  ADD_TEST ("/report/export/annual-round-trip", test_annual_round_trip);
  ADD_TEST ("/report/export/annual-by-hand", test_annual_by_hand);
  ADD_TEST ("/report/export/incomplete", test_export_incomplete);
  ADD_TEST ("/report/export/keeps-old-file", test_export_keeps_old_file);
  ADD_TEST ("/report/export/revision", test_export_revision);
  ADD_TEST ("/report/import/revisions", test_import_revisions);
  ADD_TEST ("/report/import/finalized", test_import_finalized);
  ADD_TEST ("/report/import/hostile", test_import_hostile);
  ADD_TEST ("/report/import/files-batch", test_import_files_batch);
  ADD_TEST ("/report/export/reference-data-version", test_reference_data_version);
  ADD_TEST ("/report/summary/resources-only", test_summary_resources_only);
  ADD_TEST ("/report/validate/semantics", test_validate_semantics);
  ADD_TEST ("/report/rollup/by-hand", test_rollup_by_hand);
  ADD_TEST ("/report/rollup/merged-province", test_rollup_merged_province);

  return g_test_run ();
}
