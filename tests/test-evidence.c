/* test-evidence.c — the printed evidence dossier, its check, and the paper form.
 *
 * The PDFs are read back with poppler-utils (pdfinfo, pdftotext, pdffonts)
 * and rendered to PNG in the build directory (tests/evidence/) for people
 * to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <cairo.h>
#include <pango/pangocairo.h>
#include <glib/gstdio.h>

#include "sh-demo.h"
#include "sh-evidence.h"
#include "sh-quick-form-print.h"
#include "sh-refdata.h"
#include "sh-report-export.h"
#include "sh-store-private.h"
#include "sh-test-utils.h"
#include "sh-units.h"

typedef struct
{
  char    *dir;
  ShStore *store;
  gint64   assessment;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = sh_test_make_tmpdir ("evidence");
  path = g_build_filename (f->dir, "sachhon.db", NULL);
  f->store = sh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sh_refdata_ensure_loaded (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (sh_demo_ensure (f->store, &error));
  g_assert_no_error (error);
  f->assessment = sh_demo_cassava_assessment (f->store);
  g_assert_cmpint (f->assessment, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sh_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* Runs a poppler tool; skips the test when it is not installed. */
static char *
run_tool (const char *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (first);
  char *out = NULL;
  int status = 0;
  va_list args;

  if (program == NULL)
    return NULL;
  g_ptr_array_add (argv, program);
  va_start (args, first);
  for (const char *a = va_arg (args, const char *); a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static gboolean
have_poppler (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("poppler-utils is not installed");
  return path != NULL;
}

static guint
pdf_n_pages (const char *pdf)
{
  g_autofree char *info = run_tool ("pdfinfo", pdf, NULL);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:") + strspn (line + strlen ("\nPages:"), " "), NULL, 10);
}

static char *
pdf_page_text (const char *pdf,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  return run_tool ("pdftotext", "-f", number, "-l", number, pdf, "-", NULL);
}

static char *
pdf_text (const char *pdf)
{
  return run_tool ("pdftotext", pdf, "-", NULL);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Every font of the PDF is embedded (pdffonts' "emb" column). */
static void
assert_fonts_embedded (const char *pdf)
{
  g_autofree char *fonts = run_tool ("pdffonts", pdf, NULL);
  g_auto (GStrv) lines = g_strsplit (fonts, "\n", -1);
  g_autoptr(GRegex) row = g_regex_new ("\\s(yes|no)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$", 0, 0, NULL);
  guint n = 0;

  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *emb = NULL;

      if (*lines[i] == '\0')
        continue;
      g_assert_true (g_regex_match (row, lines[i], 0, &match));
      emb = g_match_info_fetch (match, 1);
      g_assert_cmpstr (emb, ==, "yes");
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* Renders the PDF's pages to tests/evidence/<name>-N.png in the build dir. */
static void
render_pages (const char *pdf,
              const char *name)
{
  g_autofree char *dir = sh_test_build_path ("tests", "evidence", NULL);
  g_autofree char *prefix = g_build_filename (dir, name, NULL);
  g_autofree char *out = NULL;
  g_autofree char *first = NULL;
  g_autofree char *first_alt = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  out = run_tool ("pdftoppm", "-png", "-r", "60", pdf, prefix, NULL);
  first = g_strdup_printf ("%s-1.png", prefix);
  first_alt = g_strdup_printf ("%s-01.png", prefix);
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS) || g_file_test (first_alt, G_FILE_TEST_EXISTS));
}

static void
export_dossier (Fixture    *f,
                const char *name,
                const char *language,
                char      **out_xml,
                char      **out_pdf,
                guint      *out_n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml_name = g_strconcat (name, ".xml", NULL);
  g_autofree char *pdf_name = g_strconcat (name, ".pdf", NULL);
  char *xml = g_build_filename (f->dir, xml_name, NULL);
  char *pdf = g_build_filename (f->dir, pdf_name, NULL);

  g_assert_true (sh_evidence_export (f->store, sh_units_get_default (), f->assessment, xml, pdf, language,
                                     out_n_pages, NULL, &error));
  g_assert_no_error (error);
  *out_xml = xml;
  *out_pdf = pdf;
}

/* ------------------------------------------------------------------------ */

static void
test_dossier_pdf (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *xml = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *all = NULL;
  g_autoptr(ShEvidenceXmlInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  if (!have_poppler ())
    return;

  export_dossier (f, "dossier", "vi", &xml, &pdf, &n_pages);
  info = sh_evidence_xml_info_read (xml, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info->document_uuid);
  g_assert_cmpuint (strlen (info->sha256), ==, 64);

  /* Cover, checklist and team, options and consumption, charts, flow
   * diagrams, attachments and signatures: at least five A4 pages. */
  g_assert_cmpuint (n_pages, >=, 5);
  g_assert_cmpuint (pdf_n_pages (pdf), ==, n_pages);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_page_text (pdf, page);
      g_autofree char *label = g_strdup_printf ("Trang %u/%u", page, n_pages);

      g_assert_nonnull (strstr (text, info->sha256));
      g_assert_nonnull (strstr (text, info->document_uuid));
      g_assert_nonnull (strstr (text, label));
      g_assert_nonnull (strstr (text, "Công ty TNHH Tinh bột sắn Đắk Tô"));
    }

  all = pdf_text (pdf);
  /* Vietnamese texts and number formats. */
  g_assert_nonnull (strstr (all, "HỒ SƠ ĐỀ NGHỊ CHỨNG NHẬN"));
  g_assert_nonnull (strstr (all, "Độc lập – Tự do – Hạnh phúc"));
  g_assert_nonnull (strstr (all, "Kính gửi: Sở Công Thương"));
  g_assert_nonnull (strstr (all, "Mức tiêu thụ riêng trước và sau SXSH"));
  g_assert_nonnull (strstr (all, "18,0"));     /* water before, m3/t */
  g_assert_nonnull (strstr (all, "15,3"));     /* water after */
  g_assert_nonnull (strstr (all, "15,0%"));    /* its saving */
  g_assert_nonnull (strstr (all, "Võ Thanh Sơn"));
  g_assert_nonnull (strstr (all, "Trần Minh Đức"));
  g_assert_nonnull (strstr (all, "hoa-don-bom-tuan-hoan.txt"));
  g_assert_nonnull (strstr (all, "ĐẠI DIỆN CƠ SỞ"));
  g_assert_nonnull (strstr (all, "Cân bằng nước"));

  assert_fonts_embedded (pdf);
  render_pages (pdf, "dossier");
}

static gboolean
criterion_met (ShEvidenceDossier     *dossier,
               ShEvidenceCriterionId  id)
{
  return sh_evidence_dossier_get_criterion (dossier, id)->met;
}

static ShEvidenceDossier *
load_dossier (Fixture    *f,
              const char *xml)
{
  g_autoptr(GError) error = NULL;
  ShEvidenceDossier *dossier;

  dossier = sh_evidence_dossier_new (f->store, sh_units_get_default (), f->assessment, xml, "vi", &error);
  g_assert_no_error (error);
  return dossier;
}

static gint64
demo_annual_report (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) assessment = sh_store_get (f->store, "assessment", f->assessment, &error);
  g_autoptr(GPtrArray) reports = sh_store_list (f->store, "annual_report", "facility_id",
                                                sh_record_get_int (assessment, "facility_id", 0), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  return sh_record_get_id (reports->pdata[0]);
}

static void
test_dossier_criteria (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShEvidenceDossier) dossier = NULL;
  g_autoptr(ShRecord) assessment = NULL;
  g_autoptr(GPtrArray) options = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *pdf = NULL;
  gint64 facility;
  guint n_pages = 0;

  export_dossier (f, "criteria", "vi", &xml, &pdf, &n_pages);

  /* The demo: a draft assessment, a CP unit by decision with a leader,
   * six options implemented, savings of 15 % on water (band 8–13 %), the
   * 2024 annual report still a draft, the COD exceedance recorded. */
  dossier = load_dossier (f, xml);
  g_assert_false (criterion_met (dossier, SH_EVIDENCE_CRITERION_ASSESSMENT));
  g_assert_nonnull (strstr (sh_evidence_dossier_get_criterion (dossier, SH_EVIDENCE_CRITERION_ASSESSMENT)->reason,
                            "bản nháp"));
  g_assert_true (criterion_met (dossier, SH_EVIDENCE_CRITERION_CP_UNIT));
  g_assert_nonnull (strstr (sh_evidence_dossier_get_criterion (dossier, SH_EVIDENCE_CRITERION_CP_UNIT)->reason,
                            "15/QĐ-TBS"));
  g_assert_true (criterion_met (dossier, SH_EVIDENCE_CRITERION_OPTIONS));
  g_assert_nonnull (strstr (sh_evidence_dossier_get_criterion (dossier, SH_EVIDENCE_CRITERION_OPTIONS)->reason,
                            "Đã thực hiện 6 giải pháp"));
  g_assert_true (criterion_met (dossier, SH_EVIDENCE_CRITERION_SAVING));
  g_assert_false (criterion_met (dossier, SH_EVIDENCE_CRITERION_ANNUAL_REPORT));
  g_assert_true (criterion_met (dossier, SH_EVIDENCE_CRITERION_ENVIRONMENT));
  g_assert_nonnull (strstr (sh_evidence_dossier_get_criterion (dossier, SH_EVIDENCE_CRITERION_ENVIRONMENT)->reason,
                            "QCVN 63:2017"));

  /* The printed checklist says the same: four met, two not. */
  if (have_poppler ())
    {
      g_autofree char *text = pdf_page_text (pdf, 2);

      g_assert_cmpuint (count_occurrences (text, "✔ Đạt"), ==, 4);
      g_assert_cmpuint (count_occurrences (text, "✘ Chưa đạt"), ==, 2);
      g_assert_nonnull (strstr (text, "Số tiêu chí đạt: 4/6."));
    }
  g_clear_pointer (&dossier, sh_evidence_dossier_free);

  /* Turn every verdict around through the data. */
  assessment = sh_store_get (f->store, "assessment", f->assessment, &error);
  g_assert_no_error (error);
  facility = sh_record_get_int (assessment, "facility_id", 0);
  g_assert_true (sh_store_set_string (f->store, "annual_report", demo_annual_report (f), "status", "submitted", &error));
  g_assert_true (sh_store_set_string (f->store, "annual_report", demo_annual_report (f), "submitted_on", "2024-11-25",
                                      &error));
  g_assert_true (sh_store_set_null (f->store, "facility", facility, "cp_unit_decision_no", &error));
  g_assert_true (sh_store_set_null (f->store, "assessment", f->assessment, "environmental_status", &error));
  options = sh_store_list (f->store, "cp_option", "assessment_id", f->assessment, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < options->len; i++)
    if (g_strcmp0 (sh_record_get_string (options->pdata[i], "status"), "implemented") == 0)
      g_assert_true (sh_store_set_string (f->store, "cp_option", sh_record_get_id (options->pdata[i]), "status",
                                          "in_progress", &error));
  g_assert_no_error (error);

  dossier = load_dossier (f, xml);
  g_assert_true (criterion_met (dossier, SH_EVIDENCE_CRITERION_ANNUAL_REPORT));
  g_assert_nonnull (strstr (sh_evidence_dossier_get_criterion (dossier, SH_EVIDENCE_CRITERION_ANNUAL_REPORT)->reason,
                            "25/11/2024"));
  g_assert_false (criterion_met (dossier, SH_EVIDENCE_CRITERION_CP_UNIT));
  g_assert_false (criterion_met (dossier, SH_EVIDENCE_CRITERION_ENVIRONMENT));
  g_assert_false (criterion_met (dossier, SH_EVIDENCE_CRITERION_OPTIONS));
  g_clear_pointer (&dossier, sh_evidence_dossier_free);

  /* No saving reaches a band of 20–30 %. */
  g_assert_true (sh_store_set_double (f->store, "assessment", f->assessment, "target_max_pct", 30, &error));
  g_assert_true (sh_store_set_double (f->store, "assessment", f->assessment, "target_min_pct", 20, &error));
  dossier = load_dossier (f, xml);
  g_assert_false (criterion_met (dossier, SH_EVIDENCE_CRITERION_SAVING));
  g_assert_nonnull (strstr (sh_evidence_dossier_get_criterion (dossier, SH_EVIDENCE_CRITERION_SAVING)->reason,
                            "0/4"));
}

static void
test_dossier_finalized (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShEvidenceDossier) dossier = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *pdf = NULL;
  guint n_pages = 0;

  g_assert_true (sh_store_finalize_assessment (f->store, f->assessment, &error));
  g_assert_no_error (error);
  export_dossier (f, "final", "vi", &xml, &pdf, &n_pages);
  dossier = load_dossier (f, xml);
  g_assert_true (criterion_met (dossier, SH_EVIDENCE_CRITERION_ASSESSMENT));
  g_assert_nonnull (strstr (sh_evidence_dossier_get_criterion (dossier, SH_EVIDENCE_CRITERION_ASSESSMENT)->reason,
                            "Võ Thanh Sơn (20/12/2024)"));
}

static void
test_verify (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShEvidenceXmlInfo) info = NULL;
  g_autoptr(ShEvidenceDossier) dossier = NULL;
  g_auto (ShEvidenceVerifyResult) result = { 0 };
  g_autofree char *xml = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *grouped = NULL;
  g_autofree char *qr = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *tampered = NULL;
  g_autofree char *other_uuid_qr = NULL;
  char *at;
  gsize length = 0;
  guint n_pages = 0;

  export_dossier (f, "verify", "vi", &xml, &pdf, &n_pages);
  info = sh_evidence_xml_info_read (xml, &error);
  g_assert_no_error (error);

  /* As printed in the footer, grouped as on the cover, and as the QR code. */
  g_assert_true (sh_evidence_verify (xml, info->sha256, &result, &error));
  g_assert_no_error (error);
  g_assert_true (result.matches);
  g_assert_cmpstr (result.file_document_uuid, ==, info->document_uuid);
  sh_evidence_verify_result_clear (&result);

  grouped = sh_evidence_format_fingerprint (info->sha256);
  g_assert_cmpuint (strlen (grouped), ==, 64 + 15);
  g_assert_true (sh_evidence_verify (xml, grouped, &result, &error));
  g_assert_true (result.matches);
  sh_evidence_verify_result_clear (&result);

  dossier = load_dossier (f, xml);
  qr = sh_evidence_dossier_get_qr_text (dossier);
  g_assert_true (sh_evidence_verify (xml, qr, &result, &error));
  g_assert_true (result.matches);
  g_assert_true (result.uuid_checked);
  g_assert_true (result.uuid_matches);
  sh_evidence_verify_result_clear (&result);

  /* The right hash with another document's UUID is not the printed file. */
  other_uuid_qr = g_strdup_printf ("SACHHON-HOSO;uuid=00000000-0000-4000-8000-000000000000;sha256=%s", info->sha256);
  g_assert_true (sh_evidence_verify (xml, other_uuid_qr, &result, &error));
  g_assert_true (result.matches);
  g_assert_false (result.uuid_matches);
  sh_evidence_verify_result_clear (&result);

  /* One byte changed: a figure in the file. */
  g_assert_true (g_file_get_contents (xml, &contents, &length, &error));
  at = strstr (contents, "<MaTaiLieu>");
  g_assert_nonnull (at);
  at[strlen ("<MaTaiLieu>")] = at[strlen ("<MaTaiLieu>")] == 'a' ? 'b' : 'a';
  tampered = g_build_filename (f->dir, "tampered.xml", NULL);
  g_assert_true (g_file_set_contents (tampered, contents, (gssize) length, &error));
  g_assert_true (sh_evidence_verify (tampered, info->sha256, &result, &error));
  g_assert_no_error (error);
  g_assert_false (result.matches);
  g_assert_cmpstr (result.file_sha256, !=, info->sha256);
  sh_evidence_verify_result_clear (&result);

  /* A fingerprint that is not one is an error, not a mismatch. */
  g_assert_false (sh_evidence_verify (xml, "8FB0 93D7", &result, &error));
  g_assert_error (error, SH_EVIDENCE_ERROR, SH_EVIDENCE_ERROR_FINGERPRINT);
}

static void
test_dossier_wrong_xml (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *other = g_build_filename (f->dir, "quick.xml", NULL);
  ShEvidenceDossier *dossier;
  g_autoptr(ShRecord) assessment = NULL;
  guint n_pages = 0;

  export_dossier (f, "right", "vi", &xml, &pdf, &n_pages);
  /* The quick assessment the detailed one builds on. */
  assessment = sh_store_get (f->store, "assessment", f->assessment, &error);
  g_assert_true (sh_report_export_dossier (f->store, sh_units_get_default (),
                                           sh_record_get_int (assessment, "parent_assessment_id", 0),
                                           other, NULL, &error));
  g_assert_no_error (error);

  dossier = sh_evidence_dossier_new (f->store, sh_units_get_default (), f->assessment, other, "vi", &error);
  g_assert_null (dossier);
  g_assert_error (error, SH_EVIDENCE_ERROR, SH_EVIDENCE_ERROR_NOT_DOSSIER);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A small PNG, as a photo taken on site. */
static GBytes *
photo_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 160, 120);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.3, 0.5, 0.8);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.9, 0.8, 0.2);
  cairo_arc (cr, 80, 60, 40, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static void
test_dossier_attachments (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = photo_png ();
  g_autoptr(ShRecord) photo = sh_record_new ("evidence");
  g_autoptr(ShRecord) changed = sh_record_new ("evidence");
  g_autoptr(ShRecord) assessment = NULL;
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
  g_autofree char *meter_path = g_build_filename (f->dir, "so-dong-ho.txt", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *all = NULL;
  GValue content = G_VALUE_INIT;
  guint n_pages = 0;

  assessment = sh_store_get (f->store, "assessment", f->assessment, &error);
  g_assert_no_error (error);

  g_value_init (&content, G_TYPE_BYTES);
  g_value_set_boxed (&content, png);
  sh_record_set_int (photo, "facility_id", sh_record_get_int (assessment, "facility_id", 0));
  sh_record_set_int (photo, "assessment_id", f->assessment);
  sh_record_set_string (photo, "kind", "photo");
  sh_record_set_string (photo, "file_name", "be-lang-300m3.png");
  sh_record_set_string (photo, "media_type", "image/png");
  sh_record_set_value (photo, "content", &content);
  sh_record_set_string (photo, "sha256", sha);
  sh_record_set_string (photo, "taken_at", "2024-01-22");
  sh_record_set_string (photo, "description", "Bể lắng tuần hoàn nước rửa củ");
  g_value_unset (&content);
  g_assert_cmpint (sh_store_insert (f->store, photo, &error), >, 0);
  g_assert_no_error (error);

  /* A meter log whose file changed after its hash was recorded. */
  g_assert_true (g_file_set_contents (meter_path, "Sổ ghi đồng hồ nước tháng 3/2024\n", -1, &error));
  sh_record_set_int (changed, "assessment_id", f->assessment);
  sh_record_set_string (changed, "kind", "meter_log");
  sh_record_set_string (changed, "file_name", "so-dong-ho.txt");
  sh_record_set_string (changed, "file_path", meter_path);
  sh_record_set_string (changed, "sha256", "0000000000000000000000000000000000000000000000000000000000000000");
  sh_record_set_string (changed, "description", "Sổ ghi đồng hồ nước");
  g_assert_cmpint (sh_store_insert (f->store, changed, &error), >, 0);
  g_assert_no_error (error);

  export_dossier (f, "attachments", "vi", &xml, &pdf, &n_pages);
  if (!have_poppler ())
    return;
  all = pdf_text (pdf);
  g_assert_nonnull (strstr (all, "be-lang-300m3.png"));
  g_assert_nonnull (strstr (all, "✔ Khớp"));
  g_assert_nonnull (strstr (all, "✘ KHÔNG khớp"));
  g_assert_nonnull (strstr (all, "Không có tệp"));   /* the demo's invoice */
  g_assert_nonnull (strstr (all, "Ảnh chụp"));
  g_assert_nonnull (strstr (all, "22/01/2024"));
  /* The photo's hash is printed in two halves. */
  {
    g_autofree char *first_half = g_strndup (sha, 32);

    g_assert_nonnull (strstr (all, first_half));
    g_assert_nonnull (strstr (all, sha + 32));
  }
  render_pages (pdf, "attachments");
}

static void
test_dossier_english (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *xml = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *first = NULL;
  g_autofree char *all = NULL;
  guint n_pages = 0;

  export_dossier (f, "english", "en", &xml, &pdf, &n_pages);
  if (!have_poppler ())
    return;
  first = pdf_page_text (pdf, 1);
  g_assert_nonnull (strstr (first, "DOSSIER FOR THE CERTIFICATE"));
  g_assert_null (strstr (first, "HỒ SƠ ĐỀ NGHỊ"));
  all = pdf_text (pdf);
  g_assert_nonnull (strstr (all, "✔ Met"));
  g_assert_nonnull (strstr (all, "Page 1/"));
}

static void
test_lang_refuses (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sh_test_make_tmpdir ("lang");
  g_autofree char *bad = g_build_filename (dir, "bad.mo", NULL);
  ShEvidenceLang *lang;

  g_assert_false (sh_evidence_lang_is_supported ("fr"));
  lang = sh_evidence_lang_new ("fr", &error);
  g_assert_null (lang);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  /* A catalogue whose tables point past its end. */
  g_assert_true (g_file_set_contents (bad, "\xde\x12\x04\x95\0\0\0\0\xff\0\0\0\x1c\0\0\0\x1c\0\0\0", 20, &error));
  lang = sh_evidence_lang_new_from_file ("vi", bad, &error);
  g_assert_null (lang);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  lang = sh_evidence_lang_new ("vi", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sh_evidence_lang_gettext (lang, "Page"), ==, "Trang");
  g_assert_cmpstr (sh_evidence_lang_gettext (lang, "no such message"), ==, "no such message");
  sh_evidence_lang_free (lang);
  sh_test_rm_rf (dir);
}

static void
test_form_blank (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sh_test_make_tmpdir ("form");
  g_autofree char *pdf = g_build_filename (dir, "blank.pdf", NULL);
  g_autofree char *all = NULL;
  guint n_fields = 0;
  const ShQuickFormField *fields = sh_quick_form_get_fields (&n_fields);
  guint n_pages = 0;

  g_assert_true (sh_quick_form_write_pdf (NULL, 0, "vi", pdf, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_nonnull (sh_quick_form_find_field ("a01"));
  g_assert_null (sh_quick_form_find_field ("Z99"));

  if (have_poppler ())
    {
      g_autofree char *last = g_strdup_printf ("Trang %u/%u", n_pages, n_pages);

      g_assert_cmpuint (pdf_n_pages (pdf), ==, n_pages);
      all = pdf_text (pdf);
      g_assert_nonnull (strstr (all, "PHIẾU ĐÁNH GIÁ NHANH SẢN XUẤT SẠCH HƠN"));
      g_assert_nonnull (strstr (all, "Nhập từ phiếu giấy"));
      g_assert_nonnull (strstr (all, last));
      /* Every field's code, and the list rows' codes. */
      for (guint i = 0; i < n_fields; i++)
        g_assert_nonnull (strstr (all, fields[i].code));
      g_assert_nonnull (strstr (all, "B2.8"));
      g_assert_nonnull (strstr (all, "D6"));
      g_assert_nonnull (strstr (all, "Mã số thuế"));
      assert_fonts_embedded (pdf);
      render_pages (pdf, "form-blank");
    }
  sh_test_rm_rf (dir);
}

static void
test_form_prefilled (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) detailed = sh_store_get (f->store, "assessment", f->assessment, &error);
  g_autofree char *pdf = g_build_filename (f->dir, "quick.pdf", NULL);
  g_autofree char *all = NULL;
  gint64 quick = sh_record_get_int (detailed, "parent_assessment_id", 0);
  guint n_pages = 0;

  g_assert_true (sh_quick_form_write_pdf (f->store, quick, "vi", pdf, &n_pages, &error));
  g_assert_no_error (error);
  if (!have_poppler ())
    return;
  all = pdf_text (pdf);
  g_assert_nonnull (strstr (all, "6100123456"));                           /* A02 */
  g_assert_nonnull (strstr (all, "Vòi nước rửa sàn chảy liên tục"));      /* D1 */
  g_assert_nonnull (strstr (all, "Lắp van khóa tự động cho vòi rửa sàn")); /* E1 */
  g_assert_nonnull (strstr (all, "Tiến hành đánh giá chi tiết"));         /* F03 */
  g_assert_nonnull (strstr (all, "09/05/2023"));                           /* A17 */
  g_assert_nonnull (strstr (all, "☒"));                                     /* an answered checklist item */
  render_pages (pdf, "form-prefilled");
}

/* Runs sachhon-cli; returns its exit status and stdout. */
static int
run_cli (char      **out,
         const char *first,
         ...)
{
  g_autofree char *cli = sh_test_build_path ("src", "cli", "sachhon-cli", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, cli);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                               G_SPAWN_STDERR_TO_DEV_NULL | (out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : 0),
                               NULL, NULL, out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sh_test_make_tmpdir ("evidence-cli");
  g_autofree char *db = g_build_filename (dir, "sachhon.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "ho-so.pdf", NULL);
  g_autofree char *xml = g_build_filename (dir, "ho-so.xml", NULL);
  g_autofree char *form = g_build_filename (dir, "phieu.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(ShEvidenceXmlInfo) info = NULL;
  gsize length = 0;

  g_assert_cmpint (run_cli (NULL, "--db", db, "demo", NULL), ==, 0);
  /* The XML is written beside the PDF; the output names it and its
   * fingerprint. (The CLI speaks the test's language, English.) */
  g_assert_cmpint (run_cli (&out, "--db", db, "evidence", "2", "-o", pdf, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  info = sh_evidence_xml_info_read (xml, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, info->sha256));
  g_assert_nonnull (strstr (out, info->document_uuid));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (&out, "verify", xml, "--fingerprint", info->sha256, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "MATCHES"));
  g_clear_pointer (&out, g_free);

  g_assert_true (g_file_get_contents (xml, &contents, &length, &error));
  contents[length / 2] = contents[length / 2] == '0' ? '1' : '0';
  g_assert_true (g_file_set_contents (xml, contents, (gssize) length, &error));
  g_assert_cmpint (run_cli (&out, "verify", xml, "--fingerprint", info->sha256, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "DOES NOT MATCH"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (NULL, "verify", xml, "--fingerprint", "12AB", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, "--db", db, "evidence", "2", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, "--db", db, "evidence", "999", "-o", pdf, NULL), ==, 1);

  g_assert_cmpint (run_cli (&out, "form", "quick", "-o", form, NULL), ==, 0);
  g_assert_true (g_file_test (form, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run_cli (NULL, "--db", db, "form", "quick", "1", "-o", form, "--language", "en", NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, "form", "annual", "-o", form, NULL), ==, 2);

  sh_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *fonts = NULL;
  int ret;

  sh_test_init (&argc, &argv);
  fonts = sh_test_use_plain_fontconfig ();

  g_test_add ("/evidence/dossier/pdf", Fixture, NULL, fixture_set_up, test_dossier_pdf, fixture_tear_down);
  g_test_add ("/evidence/dossier/criteria", Fixture, NULL, fixture_set_up, test_dossier_criteria, fixture_tear_down);
  g_test_add ("/evidence/dossier/finalized", Fixture, NULL, fixture_set_up, test_dossier_finalized, fixture_tear_down);
  g_test_add ("/evidence/dossier/wrong-xml", Fixture, NULL, fixture_set_up, test_dossier_wrong_xml, fixture_tear_down);
  g_test_add ("/evidence/dossier/attachments", Fixture, NULL, fixture_set_up, test_dossier_attachments,
              fixture_tear_down);
  g_test_add ("/evidence/dossier/english", Fixture, NULL, fixture_set_up, test_dossier_english, fixture_tear_down);
  g_test_add ("/evidence/verify", Fixture, NULL, fixture_set_up, test_verify, fixture_tear_down);
  g_test_add_func ("/evidence/lang/refuses", test_lang_refuses);
  g_test_add_func ("/evidence/form/blank", test_form_blank);
  g_test_add_func ("/evidence/cli", test_cli);
  g_test_add ("/evidence/form/prefilled", Fixture, NULL, fixture_set_up, test_form_prefilled, fixture_tear_down);

  ret = g_test_run ();

  sh_test_release_fonts (fonts);
  return ret;
}
