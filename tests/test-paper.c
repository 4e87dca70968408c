/* test-paper.c — typing the paper quick-assessment form back in: the shared
 * field table, the all-or-nothing entry with provenance, and `form enter`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "sh-demo.h"
#include "sh-format.h"
#include "sh-paper-entry.h"
#include "sh-quick-form-print.h"
#include "sh-refdata.h"
#include "sh-store-private.h"
#include "sh-test-utils.h"
#include "sh-undo.h"

typedef struct
{
  char    *dir;
  char    *path;
  ShStore *store;
  gint64   quick;      /* the demo's quick assessment of the cassava plant */
  gint64   facility;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) detailed = NULL;
  g_autoptr(ShRecord) quick = NULL;

  f->dir = sh_test_make_tmpdir ("paper");
  f->path = g_build_filename (f->dir, "sachhon.db", NULL);
  f->store = sh_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (sh_refdata_ensure_loaded (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (sh_demo_ensure (f->store, &error));
  g_assert_no_error (error);
  sh_store_set_user (f->store, "tester");

  detailed = sh_store_get (f->store, "assessment", sh_demo_cassava_assessment (f->store), &error);
  g_assert_no_error (error);
  f->quick = sh_record_get_int (detailed, "parent_assessment_id", 0);
  quick = sh_store_get (f->store, "assessment", f->quick, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sh_record_get_string (quick, "kind"), ==, "quick");
  f->facility = sh_record_get_int (quick, "facility_id", 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sh_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Everything the entry could touch, as text: equal before and after means
 * nothing was written. */
static char *
dump_tables (ShStore            *store,
             const char * const *tables,
             guint               n_tables);

static char *dump_all (ShStore *store);

static char *
dump (ShStore *store)
{
  const char *tables[] = { "facility", "facility_product", "assessment", "field_provenance", "audit_log" };

  return dump_tables (store, tables, G_N_ELEMENTS (tables));
}

static char *
dump_tables (ShStore            *store,
             const char * const *tables,
             guint               n_tables)
{
  GString *out = g_string_new (NULL);

  for (guint t = 0; t < n_tables; t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = sh_store_list (store, tables[t], NULL, 0, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        {
          ShRecord *row = rows->pdata[i];

          g_string_append_printf (out, "%s:", tables[t]);
          for (guint c = 0; c < sh_record_get_n_columns (row); c++)
            {
              g_autofree char *text = NULL;

              /* Undo writes the old values back: the time of the last
               * change is not one of them. */
              if (g_str_equal (sh_record_get_column (row, c), "updated_at"))
                continue;
              text = sh_value_to_string (sh_record_get_value (row, sh_record_get_column (row, c)));
              g_string_append_printf (out, " %s=%s", sh_record_get_column (row, c), text ? text : "NULL");
            }
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
apply (Fixture            *f,
       ShUndoStack        *stack,
       const char * const *pairs,
       guint              *out_failed,
       GError            **error)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  guint failed = 0;
  gboolean ok;

  for (guint i = 0; pairs[i] != NULL; i += 2)
    {
      g_ptr_array_add (codes, (gpointer) pairs[i]);
      g_ptr_array_add (texts, (gpointer) pairs[i + 1]);
    }
  ok = sh_paper_entry_apply (f->store, stack, f->quick, (const char * const *) codes->pdata,
                             (const char * const *) texts->pdata, codes->len, NULL, &failed, error);
  if (out_failed != NULL)
    *out_failed = failed;
  return ok;
}

static gint64
count_provenance (Fixture *f)
{
  g_autoptr(GPtrArray) rows = sh_store_list (f->store, "field_provenance", "assessment_id", f->quick, NULL);

  g_assert_nonnull (rows);
  return rows->len;
}

/* -------------------------------------------------------------------------
 * The codes on paper are the codes the entry takes
 * ------------------------------------------------------------------------- */

static char *
pdf_text (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The row codes printed in @text are exactly the rows of the cells the
 * entry takes for the assessment, and every cell code reads back. */
static void
assert_rows_match (const char *text,
                   ShStore    *store,
                   gint64      assessment_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) row_code = g_regex_new ("\\b(B[12]\\.[0-9]+|[CDE][0-9]+)\\b", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) printed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) accepted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) cells = sh_paper_list_cells (store, assessment_id, &error);
  GHashTableIter iter;
  gpointer key;

  g_assert_no_error (error);
  for (g_regex_match (row_code, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    g_hash_table_add (printed, g_match_info_fetch (match, 0));
  for (guint i = 0; i < cells->len; i++)
    {
      const ShPaperField *cell = cells->pdata[i];
      const ShPaperList *list = NULL;
      const ShPaperColumn *column = NULL;
      guint number = 0;

      g_assert_cmpint (cell->row, ==, SH_PAPER_ROW_LIST);
      g_assert_null (sh_paper_fields_find (cell->code));
      g_assert_true (sh_paper_lists_parse_code (cell->code, &list, &number, &column));
      g_assert_true (list == sh_paper_cell_list (cell));
      g_assert_true (column == sh_paper_cell_column (cell));
      g_hash_table_add (accepted, (gpointer) sh_paper_cell_row_code (cell));
    }
  g_assert_cmpuint (g_hash_table_size (accepted), >, 20);
  g_hash_table_iter_init (&iter, printed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (accepted, key))
        g_error ("%s is printed but not accepted", (char *) key);
    }
  g_hash_table_iter_init (&iter, accepted);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (printed, key))
        g_error ("%s is accepted but not printed", (char *) key);
    }
}

static void
test_codes_match_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_find_program_in_path ("pdftotext");
  g_autofree char *dir = NULL;
  g_autoptr(GRegex) field_code = g_regex_new ("\\b[AFG][0-9]{2}\\b", 0, 0, NULL);
  const char *languages[] = { "en", "vi" };
  guint n_fields = 0;
  const ShPaperField *fields = sh_paper_fields_get (&n_fields);

  /* The printer reads the same table. */
  {
    guint n_printed = 0;

    g_assert_true (sh_quick_form_get_fields (&n_printed) == fields);
    g_assert_cmpuint (n_printed, ==, n_fields);
  }

  if (path == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }

  dir = sh_test_make_tmpdir ("paper-pdf");
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *pdf = g_strdup_printf ("%s/blank-%s.pdf", dir, languages[l]);
      g_autofree char *text = NULL;
      g_autoptr(GHashTable) printed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      g_assert_true (sh_quick_form_write_pdf (NULL, 0, languages[l], pdf, NULL, &error));
      g_assert_no_error (error);
      text = pdf_text (pdf);

      /* Every single-field code printed is one the entry knows… */
      for (g_regex_match (field_code, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *code = g_match_info_fetch (match, 0);

          g_assert_nonnull (sh_paper_fields_find (code));
          g_hash_table_add (printed, g_steal_pointer (&code));
        }
      g_clear_pointer (&match, g_match_info_free);

      /* …and every code the entry knows is printed. */
      g_assert_cmpuint (g_hash_table_size (printed), ==, n_fields);
      for (guint i = 0; i < n_fields; i++)
        g_assert_true (g_hash_table_contains (printed, fields[i].code));

      /* The rows of the lists (B2.3, D4) printed are the rows whose cells
       * the entry takes, with the letters of their columns. */
      assert_rows_match (text, NULL, 0);
    }
  sh_test_rm_rf (dir);
}

/* -------------------------------------------------------------------------
 * Values, provenance, all or nothing
 * ------------------------------------------------------------------------- */

static void
test_apply_values (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *pairs[] = {
    "A02", " 6100999888 ",
    "a11", "1.250",
    "A12", "300",
    "A05", "kon tum",
    "A09", "Sản xuất tinh bột sắn",
    "A15", "1.234,5",
    "A17", "01/03/2025",
    "A18", "05/03/2025",
    "F02", "12,5 %",
    "F04", "Không",
    "G01", "",
    NULL
  };
  g_autoptr(ShRecord) facility = NULL;
  g_autoptr(ShRecord) assessment = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) provenance = NULL;
  g_autoptr(GHashTable) entered = NULL;
  g_autofree char *key = NULL;
  guint n_written = 0;
  const char *codes[] = { "A12" };
  const char *texts[] = { "310" };

  g_assert_cmpint (count_provenance (f), ==, 0);
  g_assert_true (apply (f, NULL, pairs, NULL, &error));
  g_assert_no_error (error);

  facility = sh_store_get (f->store, "facility", f->facility, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sh_record_get_string (facility, "tax_code"), ==, "6100999888");
  g_assert_cmpint (sh_record_get_int (facility, "employees", 0), ==, 1250);
  g_assert_cmpint (sh_record_get_int (facility, "operating_days", 0), ==, 300);
  g_assert_cmpstr (sh_record_get_string (facility, "province_code"), ==, "62");
  g_assert_cmpstr (sh_record_get_string (facility, "sector_code"), ==, "cassava");
  products = sh_store_list (f->store, "facility_product", "facility_id", f->facility, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (sh_record_get_double (products->pdata[0], "capacity", 0), ==, 1234.5);
  assessment = sh_store_get (f->store, "assessment", f->quick, &error);
  g_assert_cmpstr (sh_record_get_string (assessment, "start_date"), ==, "2025-03-01");
  g_assert_cmpstr (sh_record_get_string (assessment, "end_date"), ==, "2025-03-05");
  g_assert_cmpfloat (sh_record_get_double (assessment, "cp_potential_pct", 0), ==, 12.5);
  g_assert_cmpint (sh_record_get_int (assessment, "continue_recommended", -1), ==, 0);
  /* Left blank on paper: not written. */
  g_assert_false (sh_record_is_null (assessment, "consultant_signature_name"));

  /* One provenance row per field written, with who, when and the code. */
  provenance = sh_store_list (f->store, "field_provenance", "assessment_id", f->quick, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (provenance->len, ==, 10);
  for (guint i = 0; i < provenance->len; i++)
    {
      ShRecord *row = provenance->pdata[i];

      g_assert_cmpstr (sh_record_get_string (row, "source"), ==, "paper");
      g_assert_cmpstr (sh_record_get_string (row, "entered_by"), ==, "tester");
      g_assert_nonnull (sh_record_get_string (row, "entered_at"));
      g_assert_nonnull (sh_paper_fields_find (sh_record_get_string (row, "form_code")));
    }

  entered = sh_paper_list_entered (f->store, f->quick, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (entered), ==, 10);
  key = sh_paper_field_key ("facility", f->facility, "employees");
  g_assert_true (g_hash_table_contains (entered, key));
  g_clear_pointer (&entered, g_hash_table_unref);

  /* Typed again from a second sheet: the same provenance row, updated. */
  g_assert_true (sh_paper_entry_apply (f->store, NULL, f->quick, codes, texts, 1, &n_written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, 1);
  g_assert_cmpint (count_provenance (f), ==, 10);

  /* A hand edit ends the claim; the value is no longer the one from paper. */
  g_assert_true (sh_store_set_int (f->store, "facility", f->facility, "employees", 1300, &error));
  g_assert_no_error (error);
  entered = sh_paper_list_entered (f->store, f->quick, &error);
  g_assert_no_error (error);
  g_assert_false (g_hash_table_contains (entered, key));
  g_assert_cmpuint (g_hash_table_size (entered), ==, 9);
}

static void
assert_refused (Fixture            *f,
                const char * const *pairs,
                GQuark              domain,
                int                 code,
                guint               failed_index,
                const char         *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (f->store);
  g_autofree char *after = NULL;
  guint failed = 0;

  g_assert_false (apply (f, NULL, pairs, &failed, &error));
  g_assert_error (error, domain, code);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpuint (failed, ==, failed_index);
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
}

/* The same over every table the lists write. */
static void
assert_refused_all (Fixture            *f,
                    const char * const *pairs,
                    int                 code,
                    guint               failed_index,
                    const char         *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_all (f->store);
  g_autofree char *after = NULL;
  guint failed = 0;

  g_assert_false (apply (f, NULL, pairs, &failed, &error));
  g_assert_error (error, SH_PAPER_ERROR, code);
  g_test_message ("refused: %s", error->message);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” is not in “%s”", words, error->message);
  g_assert_cmpuint (failed, ==, failed_index);
  after = dump_all (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_apply_refused (Fixture       *f,
                    gconstpointer  data)
{
  const char *bad_number[] = { "A02", "999", "A11", "25", "A12", "400", "A13", "2", NULL };
  const char *bad_date[] = { "A03", "Đắk Tô", "A17", "31/02/2025", NULL };
  const char *bad_yes[] = { "F04", "có lẽ", NULL };
  const char *bad_province[] = { "A05", "Atlantis", NULL };
  const char *end_first[] = { "A02", "1", "A17", "10/03/2025", "A18", "01/03/2025", NULL };
  const char *unknown[] = { "A02", "1", "B2.3", "12", NULL };
  const char *twice[] = { "A11", "1", "a11", "2", NULL };
  const char *bad_percent[] = { "F02", "120", NULL };

  assert_refused (f, bad_number, SH_PAPER_ERROR, SH_PAPER_ERROR_VALUE, 2, "A12 “Operating days per year”");
  assert_refused (f, bad_number, SH_PAPER_ERROR, SH_PAPER_ERROR_VALUE, 2, "from 0 to 366");
  assert_refused (f, bad_date, SH_PAPER_ERROR, SH_PAPER_ERROR_VALUE, 1, "dd/mm/yyyy");
  assert_refused (f, bad_yes, SH_PAPER_ERROR, SH_PAPER_ERROR_VALUE, 0, "F04");
  assert_refused (f, bad_province, SH_PAPER_ERROR, SH_PAPER_ERROR_VALUE, 0, "A05 “Province”");
  assert_refused (f, end_first, SH_PAPER_ERROR, SH_PAPER_ERROR_VALUE, 2, "A18");
  assert_refused (f, unknown, SH_PAPER_ERROR, SH_PAPER_ERROR_UNKNOWN_CODE, 1, "B2.3");
  assert_refused (f, twice, SH_PAPER_ERROR, SH_PAPER_ERROR_DUPLICATE, 1, "A11");
  assert_refused (f, bad_percent, SH_PAPER_ERROR, SH_PAPER_ERROR_VALUE, 0, "F02");
  g_assert_cmpint (count_provenance (f), ==, 0);
}

/* What the pre-filled form prints reads back as the same values: typing
 * an unchanged form in changes nothing but the provenance. */
static void
test_apply_printed_values (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *tables[] = { "facility", "facility_product", "assessment" };
  g_autoptr(ShRecord) facility = sh_store_get (f->store, "facility", f->facility, NULL);
  g_autoptr(ShRecord) assessment = sh_store_get (f->store, "assessment", f->quick, NULL);
  g_autoptr(GPtrArray) products = sh_store_list (f->store, "facility_product", "facility_id", f->facility, NULL);
  g_autoptr(ShRecord) province = sh_refdata_lookup_province (f->store, sh_record_get_string (facility, "province_code"),
                                                             sh_record_get_string (assessment, "start_date"), NULL);
  g_autoptr(ShRecord) sector = sh_refdata_get_sector (f->store, sh_record_get_string (facility, "sector_code"), NULL);
  g_autofree char *employees = g_strdup_printf ("%" G_GINT64_FORMAT, sh_record_get_int (facility, "employees", 0));
  g_autofree char *capacity = sh_format_number (sh_record_get_double (products->pdata[0], "capacity", 0), 2,
                                                SH_NUMBER_STYLE_VI);
  g_autofree char *potential = sh_format_number (sh_record_get_double (assessment, "cp_potential_pct", 0), 2,
                                                 SH_NUMBER_STYLE_VI);
  g_autofree char *start = sh_format_date (sh_record_get_string (assessment, "start_date"));
  g_autofree char *signed_on = sh_format_date (sh_record_get_string (assessment, "consultant_signature_date"));
  const char *pairs[] = {
    "A01", sh_record_get_string (facility, "name"),
    "A05", sh_record_get_string (province, "name_vi"),
    "A09", sh_record_get_string (sector, "name_vi"),
    "A11", employees,
    "A15", capacity,
    "A17", start,
    "F02", potential,
    "F04", sh_record_get_int (assessment, "continue_recommended", 0) ? "Có" : "Không",
    "G02", signed_on,
    NULL
  };
  g_autofree char *before = dump_tables (f->store, tables, G_N_ELEMENTS (tables));
  g_autofree char *after = NULL;

  g_test_message ("A15 printed as %s, F02 as %s, A17 as %s", capacity, potential, start);
  g_assert_true (apply (f, NULL, pairs, NULL, &error));
  g_assert_no_error (error);
  after = dump_tables (f->store, tables, G_N_ELEMENTS (tables));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count_provenance (f), ==, 9);
}

/* A visit typed in after the one on record: its start date alone would end
 * after the recorded end, which the schema refuses; with both it goes in. */
static void
test_apply_later_visit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *pairs[] = { "A17", "01/03/2030", "A18", "04/03/2030", NULL };
  g_autoptr(ShRecord) assessment = NULL;

  g_assert_true (apply (f, NULL, pairs, NULL, &error));
  g_assert_no_error (error);
  assessment = sh_store_get (f->store, "assessment", f->quick, &error);
  g_assert_cmpstr (sh_record_get_string (assessment, "start_date"), ==, "2030-03-01");
  g_assert_cmpstr (sh_record_get_string (assessment, "end_date"), ==, "2030-03-04");
}

static void
test_apply_locked (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *pairs[] = { "A02", "6100000001", "F03", "Làm ngay", NULL };
  g_autoptr(GPtrArray) audit = NULL;
  gboolean audited_f03 = FALSE;

  g_assert_true (sh_store_finalize_assessment (f->store, f->quick, &error));
  g_assert_no_error (error);
  /* The facility's fields are refused too: the form is one document. */
  assert_refused (f, pairs, SH_STORE_ERROR, SH_STORE_ERROR_READ_ONLY, G_MAXUINT, "Reopen");

  g_assert_true (sh_store_reopen_assessment (f->store, f->quick, "Typing in the paper form", &error));
  g_assert_no_error (error);
  g_assert_true (apply (f, NULL, pairs, NULL, &error));
  g_assert_no_error (error);

  /* After a reopening the changes are in the audit trail with the reason. */
  audit = sh_store_list_audit (f->store, f->quick, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    if (g_strcmp0 (sh_record_get_string (audit->pdata[i], "column_name"), "recommendation") == 0)
      {
        g_assert_cmpstr (sh_record_get_string (audit->pdata[i], "new_value"), ==, "Làm ngay");
        g_assert_cmpstr (sh_record_get_string (audit->pdata[i], "why"), ==, "Typing in the paper form");
        audited_f03 = TRUE;
      }
  g_assert_true (audited_f03);
}

static void
test_apply_undo (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShUndoStack) stack = sh_undo_stack_new (f->store, f->quick, &error);
  const char *pairs[] = { "A11", "77", "F01", "Nước rửa củ", "A19", "3 ca", NULL };
  const char *bad[] = { "A11", "78", "A18", "01/01/1990", NULL };
  g_autofree char *before = dump (f->store);
  g_autofree char *after_apply = NULL;
  g_autofree char *now = NULL;

  g_assert_no_error (error);
  g_assert_true (apply (f, stack, pairs, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sh_undo_stack_get_n_undo (stack), ==, 1);
  g_assert_cmpint (count_provenance (f), ==, 3);
  after_apply = dump (f->store);

  /* Refused: nothing written, and nothing recorded in the history. */
  g_assert_false (apply (f, stack, bad, NULL, &error));
  g_assert_nonnull (strstr (error->message, "A18"));
  g_clear_error (&error);
  g_assert_cmpuint (sh_undo_stack_get_n_undo (stack), ==, 1);
  now = dump (f->store);
  g_assert_cmpstr (now, ==, after_apply);
  g_clear_pointer (&now, g_free);

  /* One undo takes the whole entry back, provenance included. */
  g_assert_true (sh_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_provenance (f), ==, 0);
  now = dump (f->store);
  g_assert_cmpstr (now, ==, before);
  g_clear_pointer (&now, g_free);

  g_assert_true (sh_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_provenance (f), ==, 3);
}

/* A facility with no product yet gets its main product from the form. */
static void
test_apply_new_product (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = NULL;
  const char *capacity_only[] = { "A15", "50", "A16", "t/ngày", NULL };
  const char *with_name[] = { "A14", "Gạch nung", "A15", "50", "A16", "t/ngày", NULL };

  products = sh_store_list (f->store, "facility_product", "facility_id", f->facility, &error);
  for (guint i = 0; i < products->len; i++)
    g_assert_true (sh_store_delete (f->store, "facility_product", sh_record_get_id (products->pdata[i]), &error));
  g_clear_pointer (&products, g_ptr_array_unref);

  assert_refused (f, capacity_only, SH_PAPER_ERROR, SH_PAPER_ERROR_MISSING, 0, "A14");
  g_assert_true (apply (f, NULL, with_name, NULL, &error));
  g_assert_no_error (error);
  products = sh_store_list (f->store, "facility_product", "facility_id", f->facility, &error);
  g_assert_cmpuint (products->len, ==, 1);
  g_assert_cmpstr (sh_record_get_string (products->pdata[0], "name"), ==, "Gạch nung");
  g_assert_cmpfloat (sh_record_get_double (products->pdata[0], "capacity", 0), ==, 50);
  g_assert_cmpint (count_provenance (f), ==, 3);
}


/* The pre-filled form of the demo's quick assessment: its recorded rows,
 * then the empty ones, are the rows the entry takes. */
static void
test_codes_match_prefilled (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_find_program_in_path ("pdftotext");
  g_autofree char *pdf = g_build_filename (f->dir, "prefilled.pdf", NULL);
  g_autofree char *text = NULL;

  if (path == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }
  g_assert_true (sh_quick_form_write_pdf (f->store, f->quick, "vi", pdf, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  /* The demo's observations print first: D1 is one of them. */
  g_assert_nonnull (strstr (text, "Bể rửa củ"));
  assert_rows_match (text, f->store, f->quick);
}

/* -------------------------------------------------------------------------
 * The lists' rows
 * ------------------------------------------------------------------------- */

static char *
dump_all (ShStore *store)
{
  const char *tables[] = { "facility", "facility_product", "assessment", "production_record",
                           "resource_consumption", "checklist_answer", "observation", "cp_option",
                           "option_saving", "option_investment", "field_provenance", "audit_log" };

  return dump_tables (store, tables, G_N_ELEMENTS (tables));
}

static GPtrArray *
list (Fixture    *f,
      const char *table)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = sh_store_list (f->store, table, "assessment_id", f->quick, &error);

  g_assert_no_error (error);
  return rows;
}

static ShRecord *
last_row (GPtrArray *rows)
{
  g_assert_cmpuint (rows->len, >, 0);
  return rows->pdata[rows->len - 1];
}

static void
test_apply_rows (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) production_before = list (f, "production_record");
  g_autoptr(GPtrArray) observations_before = list (f, "observation");
  g_autoptr(GPtrArray) wins_before = list (f, "cp_option");
  g_autoptr(GPtrArray) production = NULL;
  g_autoptr(GPtrArray) consumption = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) observations = NULL;
  g_autoptr(GPtrArray) wins = NULL;
  g_autoptr(GPtrArray) savings = NULL;
  g_autoptr(GPtrArray) costs = NULL;
  g_autoptr(GHashTable) entered = NULL;
  g_autofree char *b1 = g_strdup_printf ("B1.%ub", production_before->len + 1);
  g_autofree char *b1c = g_strdup_printf ("B1.%uc", production_before->len + 1);
  g_autofree char *b1d = g_strdup_printf ("B1.%ud", production_before->len + 1);
  g_autofree char *d_new = g_strdup_printf ("D%ub", observations_before->len + 1);
  g_autofree char *d_new_c = g_strdup_printf ("D%uc", observations_before->len + 1);
  g_autofree char *d_new_d = g_strdup_printf ("D%ud", observations_before->len + 1);
  g_autofree char *e_new = g_strdup_printf ("E%ua", wins_before->len + 1);
  g_autofree char *e_new_c = g_strdup_printf ("E%uc", wins_before->len + 1);
  g_autofree char *e_new_d = g_strdup_printf ("E%ud", wins_before->len + 1);
  g_autofree char *key = NULL;
  const char *pairs[] = {
    b1, "Tinh bột sắn",
    b1c, "1.200",
    b1d, "tấn",
    "B2.1b", "Than đá: than cám",
    "B2.1c", "12,5",
    "b2.1D", "t",
    "B2.1e", "2.100.000 đ",
    "B2.1f", "Hóa đơn",
    "C1b", "KAD",
    "C1c", "Không có bể chứa",
    d_new, "Rò rỉ hơi ở van xả",
    d_new_c, "Leak",
    d_new_d, "Cao",
    "D1d", "low",
    e_new, "Thay gioăng van hơi",
    e_new_c, "5.000.000",
    e_new_d, "800.000",
    NULL
  };
  ShRecord *row;

  g_assert_true (apply (f, NULL, pairs, NULL, &error));
  g_assert_no_error (error);

  production = list (f, "production_record");
  g_assert_cmpuint (production->len, ==, production_before->len + 1);
  row = last_row (production);
  g_assert_cmpstr (sh_record_get_string (row, "product"), ==, "Tinh bột sắn");
  g_assert_cmpfloat (sh_record_get_double (row, "quantity", 0), ==, 1200);
  g_assert_cmpstr (sh_record_get_string (row, "unit"), ==, "t");
  g_assert_nonnull (sh_record_get_string (row, "period_label"));

  /* B2.1: the first consumption row, recorded or new. */
  consumption = list (f, "resource_consumption");
  row = consumption->pdata[0];
  g_assert_cmpstr (sh_record_get_string (row, "resource_code"), ==, "coal");
  g_assert_cmpstr (sh_record_get_string (row, "resource_name"), ==, "than cám");
  g_assert_cmpstr (sh_record_get_string (row, "category"), ==, "fuel");
  g_assert_cmpfloat (sh_record_get_double (row, "quantity", 0), ==, 12.5);
  g_assert_cmpint (sh_record_get_int (row, "unit_price_vnd", 0), ==, 2100000);
  g_assert_cmpstr (sh_record_get_string (row, "data_source"), ==, "invoice");

  /* C1 is the sector's first question: its answer row. */
  answers = list (f, "checklist_answer");
  row = NULL;
  for (guint i = 0; i < answers->len; i++)
    if (g_strcmp0 (sh_record_get_string (answers->pdata[i], "note"), "Không có bể chứa") == 0)
      row = answers->pdata[i];
  g_assert_nonnull (row);
  g_assert_cmpstr (sh_record_get_string (row, "answer"), ==, "na");
  g_assert_false (g_str_has_prefix (sh_record_get_string (row, "item_code"), "own-"));

  observations = list (f, "observation");
  g_assert_cmpuint (observations->len, ==, observations_before->len + 1);
  row = last_row (observations);
  g_assert_cmpstr (sh_record_get_string (row, "issue"), ==, "Rò rỉ hơi ở van xả");
  g_assert_cmpstr (sh_record_get_string (row, "category"), ==, "leak");
  g_assert_cmpstr (sh_record_get_string (row, "severity"), ==, "high");
  g_assert_cmpstr (sh_record_get_string (observations->pdata[0], "severity"), ==, "low");

  wins = list (f, "cp_option");
  g_assert_cmpuint (wins->len, ==, wins_before->len + 1);
  row = last_row (wins);
  g_assert_cmpstr (sh_record_get_string (row, "title"), ==, "Thay gioăng van hơi");
  g_assert_cmpint (sh_record_get_int (row, "is_quick_win", 0), ==, 1);
  savings = sh_store_list (f->store, "option_saving", "option_id", sh_record_get_id (row), &error);
  costs = sh_store_list (f->store, "option_investment", "option_id", sh_record_get_id (row), &error);
  g_assert_cmpuint (savings->len, ==, 1);
  g_assert_cmpint (sh_record_get_int (savings->pdata[0], "unit_price_vnd", 0), ==, 5000000);
  g_assert_cmpuint (costs->len, ==, 1);
  g_assert_cmpint (sh_record_get_int (costs->pdata[0], "amount_vnd", 0), ==, 800000);

  /* One provenance row for every cell written, by code. */
  g_assert_cmpint (count_provenance (f), ==, 17);
  entered = sh_paper_list_entered (f->store, f->quick, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (entered), ==, 17);
  key = sh_paper_field_key ("observation", sh_record_get_id (last_row (observations)), "issue");
  g_assert_true (g_hash_table_contains (entered, key));
  g_clear_pointer (&key, g_free);
  key = sh_paper_field_key ("option_investment", sh_record_get_id (costs->pdata[0]), "amount_vnd");
  g_assert_true (g_hash_table_contains (entered, key));
}

static void
test_apply_rows_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) observations = list (f, "observation");
  g_autofree char *d_new_a = g_strdup_printf ("D%ua", observations->len + 1);
  g_autofree char *d_far = g_strdup_printf ("D%ub", observations->len + 7);
  const char *bad_unit[] = { "A02", "1", "B2.1b", "Điện", "B2.1c", "100", "B2.1d", "thùng", NULL };
  const char *bad_resource[] = { "B2.1b", "Dầu ăn", "B2.1c", "100", "B2.1d", "L", NULL };
  const char *bad_answer[] = { "C1b", "có lẽ", NULL };
  const char *bad_category[] = { "D1c", "Mùi hôi", NULL };
  const char *missing[] = { d_new_a, "Khu lò hơi", NULL };
  const char *far[] = { "D1b", "Vòi nước chảy", d_far, "Rò rỉ", NULL };
  const char *no_price[] = { "B1.1e", "1.000", NULL };
  const char *question[] = { "C1a", "Một câu hỏi khác", NULL };
  const char *bad_money[] = { "E1d", "ba triệu", NULL };

  assert_refused_all (f, bad_unit, SH_PAPER_ERROR_VALUE, 3, "B2.1d “Unit”");
  assert_refused_all (f, bad_unit, SH_PAPER_ERROR_VALUE, 3, "kWh");
  assert_refused_all (f, bad_resource, SH_PAPER_ERROR_VALUE, 0, "Electricity");
  assert_refused_all (f, bad_answer, SH_PAPER_ERROR_VALUE, 0, "KAD");
  assert_refused_all (f, bad_category, SH_PAPER_ERROR_VALUE, 0, "D1c “Category”");
  assert_refused_all (f, bad_category, SH_PAPER_ERROR_VALUE, 0, "Leak");
  assert_refused_all (f, missing, SH_PAPER_ERROR_MISSING, 0, "“Issue seen”");
  assert_refused_all (f, far, SH_PAPER_ERROR_UNKNOWN_CODE, 1, "D1 to D");
  assert_refused_all (f, no_price, SH_PAPER_ERROR_UNKNOWN_CODE, 0, "B1.1e");
  assert_refused_all (f, question, SH_PAPER_ERROR_VALUE, 0, "C1a");
  assert_refused_all (f, bad_money, SH_PAPER_ERROR_VALUE, 0, "E1d");
  g_assert_cmpint (count_provenance (f), ==, 0);
}

/* A quick win whose cost is several items in the app takes a sum on paper
 * only when it is theirs; anything else says so, and writes nothing. */
static void
test_apply_quick_win_sums (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) wins = NULL;
  g_autofree char *same = NULL;
  gint64 option_id, total = 0;
  guint n_items = 0;
  const char *other[] = { "E1d", "1", NULL };
  const char *same_pairs[] = { "E1d", NULL, NULL };

  wins = sh_paper_list_rows (f->store, f->quick, &sh_paper_lists_get (&n_items)[4], &error);
  g_assert_no_error (error);
  option_id = sh_record_get_id (wins->pdata[0]);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ShRecord) cost = sh_record_new ("option_investment");

      sh_record_set_int (cost, "option_id", option_id);
      sh_record_set_string (cost, "item", "equipment");
      sh_record_set_int (cost, "amount_vnd", 1000000);
      g_assert_cmpint (sh_store_insert (f->store, cost, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (sh_paper_quick_win_money (f->store, option_id, FALSE, &total, &n_items, &error));
  g_assert_cmpuint (n_items, >=, 2);

  assert_refused_all (f, other, SH_PAPER_ERROR_CONFLICT, 0, "E1d “Estimated cost (₫)”");
  same = sh_format_number ((double) total, 0, SH_NUMBER_STYLE_VI);
  same_pairs[1] = same;
  g_assert_true (apply (f, NULL, same_pairs, NULL, &error));
  g_assert_no_error (error);
}

/* What the pre-filled form prints in a recorded row reads back as the
 * same values. */
static void
test_apply_printed_rows (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *tables[] = { "observation", "checklist_answer", "cp_option" };
  g_autoptr(GPtrArray) observations = list (f, "observation");
  ShRecord *o = observations->pdata[0];
  g_autoptr(GPtrArray) categories = sh_refdata_list_values (f->store, "observation_category", &error);
  const char *category = NULL;
  const char *pairs[] = {
    "D1a", sh_record_get_string (o, "location"),
    "D1b", sh_record_get_string (o, "issue"),
    "D1c", NULL,
    "D1d", g_strcmp0 (sh_record_get_string (o, "severity"), "high") == 0 ? "Cao" : sh_record_get_string (o, "severity"),
    NULL
  };
  g_autofree char *before = dump_tables (f->store, tables, G_N_ELEMENTS (tables));
  g_autofree char *after = NULL;

  for (guint i = 0; i < categories->len; i++)
    if (g_strcmp0 (sh_record_get_string (categories->pdata[i], "code"), sh_record_get_string (o, "category")) == 0)
      category = sh_record_get_string (categories->pdata[i], "name_vi");
  pairs[5] = category;
  g_assert_true (apply (f, NULL, pairs, NULL, &error));
  g_assert_no_error (error);
  after = dump_tables (f->store, tables, G_N_ELEMENTS (tables));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count_provenance (f), ==, 4);
}

/* With the editor's history the rows typed in are one step: undone, they
 * are gone with their provenance. */
static void
test_apply_rows_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShUndoStack) stack = sh_undo_stack_new (f->store, f->quick, &error);
  g_autoptr(GPtrArray) observations = list (f, "observation");
  guint n_lists = 0;
  g_autoptr(GPtrArray) wins = sh_paper_list_rows (f->store, f->quick, &sh_paper_lists_get (&n_lists)[4], NULL);
  g_autofree char *d_new = g_strdup_printf ("D%ub", observations->len + 1);
  g_autofree char *e_new = g_strdup_printf ("E%ua", wins->len + 1);
  const char *pairs[] = { d_new, "Đèn sáng cả ban ngày", e_new, "Tắt đèn", "A11", "200", NULL };
  g_autofree char *before = dump_all (f->store);
  g_autofree char *now = NULL;

  g_assert_no_error (error);
  g_assert_true (apply (f, stack, pairs, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sh_undo_stack_get_n_undo (stack), ==, 1);
  g_assert_cmpint (count_provenance (f), ==, 3);
  g_assert_true (sh_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  now = dump_all (f->store);
  g_assert_cmpstr (now, ==, before);
}

/* -------------------------------------------------------------------------
 * sachhon-cli form enter
 * ------------------------------------------------------------------------- */

static int
run_cli (Fixture     *f,
         const char  *input,
         char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autofree char *cli = sh_test_build_path ("src", "cli", "sachhon-cli", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, cli);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->path);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, input, NULL, out, err, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

static void
test_cli_enter (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->quick);
  g_autofree char *file = g_build_filename (f->dir, "form.txt", NULL);
  g_autofree char *bad_file = g_build_filename (f->dir, "bad.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ShRecord) facility = NULL;
  int status;

  g_assert_true (g_file_set_contents (file,
                                      "# Phiếu QA-01, nhà máy tinh bột sắn\n"
                                      "A11 = 1.250\n"
                                      "\n"
                                      "F02 = 12,5\n"
                                      "G01 =\n", -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (bad_file,
                                      "A11 = 90\n"
                                      "# the next line is wrong\n"
                                      "A13 = 7\n", -1, &error));

  /* Only the connection of the CLI writes now. */
  g_clear_object (&f->store);

  status = run_cli (f, NULL, &out, &err, "form", "enter", id, file, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "2"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  f->store = sh_store_open (f->path, &error);
  g_assert_no_error (error);
  facility = sh_store_get (f->store, "facility", f->facility, &error);
  g_assert_cmpint (sh_record_get_int (facility, "employees", 0), ==, 1250);
  g_assert_cmpint (count_provenance (f), ==, 2);
  before = dump (f->store);
  g_clear_object (&f->store);

  /* A bad value: exit 1, the line number and the code, nothing written. */
  status = run_cli (f, NULL, &out, &err, "form", "enter", id, bad_file, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "bad.txt:3:"));
  g_assert_nonnull (strstr (err, "A13"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The same from the standard input, and a line that is not "CODE = value". */
  status = run_cli (f, "A11 = 90\nA12 = 300\nA13 = 7\n", &out, &err, "form", "enter", id, "-", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, ":3:"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = run_cli (f, "A11 = 90\nemployees ninety\n", &out, &err, "form", "enter", id, "-", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, ":2:"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Called wrongly: usage. */
  status = run_cli (f, NULL, &out, &err, "form", "enter", id, NULL);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  f->store = sh_store_open (f->path, &error);
  g_assert_no_error (error);
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
}


static void
test_cli_enter_rows (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->quick);
  g_autoptr(GPtrArray) observations = list (f, "observation");
  g_autofree char *input = g_strdup_printf ("# Phiếu QA-01\n"
                                            "B2.2b = Điện\n"
                                            "B2.2c = 350.000\n"
                                            "B2.2d = kWh\n"
                                            "D%ub = Khí nén rò rỉ\n"
                                            "D%uc = Rò rỉ\n",
                                            observations->len + 1, observations->len + 1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint n_before = observations->len;
  int status;

  g_clear_object (&f->store);
  status = run_cli (f, input, &out, &err, "form", "enter", id, "-", NULL);
  g_test_message ("%s%s", out, err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "5"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  f->store = sh_store_open (f->path, &error);
  g_assert_no_error (error);
  rows = list (f, "observation");
  g_assert_cmpuint (rows->len, ==, n_before + 1);
  g_assert_cmpstr (sh_record_get_string (last_row (rows), "issue"), ==, "Khí nén rò rỉ");
  g_assert_cmpint (count_provenance (f), ==, 5);
  before = dump_all (f->store);
  g_clear_object (&f->store);

  /* A bad cell: its line, its code and what it takes; nothing written. */
  status = run_cli (f, "D1b = Vòi nước\nB2.3d = thùng\n", &out, &err, "form", "enter", id, "-", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, ":2:"));
  g_assert_nonnull (strstr (err, "B2.3d"));
  f->store = sh_store_open (f->path, &error);
  g_assert_no_error (error);
  after = dump_all (f->store);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *fonts = NULL;
  int ret;

  sh_test_init (&argc, &argv);
  /* The paper form is drawn with Pango, here and in the CLI it starts. */
  fonts = sh_test_use_plain_fontconfig ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/paper/fields/codes-match-pdf", test_codes_match_pdf);
  ADD ("/paper/apply/values-and-provenance", test_apply_values);
  ADD ("/paper/apply/refused-writes-nothing", test_apply_refused);
  ADD ("/paper/apply/later-visit", test_apply_later_visit);
  ADD ("/paper/apply/printed-values", test_apply_printed_values);
  ADD ("/paper/apply/locked", test_apply_locked);
  ADD ("/paper/apply/undo", test_apply_undo);
  ADD ("/paper/apply/new-product", test_apply_new_product);
  ADD ("/paper/fields/codes-match-prefilled", test_codes_match_prefilled);
  ADD ("/paper/rows/apply", test_apply_rows);
  ADD ("/paper/rows/refused-writes-nothing", test_apply_rows_refused);
  ADD ("/paper/rows/quick-win-sums", test_apply_quick_win_sums);
  ADD ("/paper/rows/printed-values", test_apply_printed_rows);
  ADD ("/paper/rows/undo", test_apply_rows_undo);
  ADD ("/paper/cli/enter", test_cli_enter);
  ADD ("/paper/cli/enter-rows", test_cli_enter_rows);
#undef ADD

  ret = g_test_run ();
  sh_test_release_fonts (fonts);
  return ret;
}
