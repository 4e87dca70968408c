/* test-refdata.c — reference data: files, loading, queries, norm checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "sh-assessment.h"
#include "sh-core-resources.h"
#include "sh-refdata.h"
#include "sh-refdata-norm.h"
#include "sh-store-private.h"
#include "sh-test-utils.h"

typedef struct
{
  char    *dir;
  ShStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = sh_test_make_tmpdir ("refdata");
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = sh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);

  sh_refdata_ensure_loaded (f->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  sh_test_rm_rf (f->dir);
  g_free (f->dir);
}

static gint64
count (ShStore    *store,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (sh_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

/* Every row of every reference table, as text, to compare before and after. */
static char *
dump_reference_tables (ShStore *store)
{
  static const char *tables[] = {
    "reference_version", "ref_list_value", "ref_sector", "ref_sector_vsic", "ref_process_step",
    "ref_step_flow", "ref_waste_stream", "ref_checklist_item", "ref_benchmark", "ref_energy_norm",
    "ref_option", "ref_province", "ref_instrument", "ref_plan", "ref_target", "ref_plan_sector",
  };
  GString *out = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2, 3", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (sh_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "== %s\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (out, "%s|", text != NULL ? text : "∅");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }

  return g_string_free (out, FALSE);
}

static char *
fixture_path (const char *name)
{
  return sh_test_source_path ("tests", "data", "refdata", name, NULL);
}

/* ---------------------------------------------------------------------- */

static void
test_shipped_validate (void)
{
  static const char *names[] = { "lists", "sectors", "options", "provinces", "plans" };

  g_assert_nonnull (sh_core_get_resource ());

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strdup_printf ("/org/sachhon/SachHon/core/reference/%s.xml", names[i]);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(GError) error = NULL;
      ShRefdataKind kind = SH_REFDATA_N_KINDS;

      g_assert_nonnull (bytes);
      g_assert_true (sh_refdata_validate (bytes, path, &kind, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (sh_refdata_kind_to_string (kind), ==, names[i]);
    }
}

static void
test_shipped_load (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sectors = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  static const char *required[] = {
    "rubber", "wood", "cassava", "sugar", "brick", "mining",
    "textile", "paper", "seafood", "beer",
  };

  g_assert_cmpint (sh_store_get_schema_version (f->store), ==, SH_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM reference_version"), ==, 5);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM reference_version WHERE origin = 'shipped'"), ==, 5);

  sectors = sh_refdata_list_sectors (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sectors->len, >=, G_N_ELEMENTS (required));

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autoptr(ShRecord) sector = sh_refdata_get_sector (f->store, required[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (sh_record_get_string (sector, "vsic_code"));
      g_assert_nonnull (sh_record_get_string (sector, "name_vi"));
      g_assert_nonnull (sh_record_get_string (sector, "name_en"));
    }

  /* Every sector has a checklist of 20 or more items, a step template whose
   * steps have inputs or outputs, waste streams and options. */
  for (guint i = 0; i < sectors->len; i++)
    {
      const char *code = sh_record_get_string (g_ptr_array_index (sectors, i), "code");
      g_autoptr(GPtrArray) checklist = sh_refdata_list_checklist (f->store, code, &error);
      g_autoptr(GPtrArray) steps = sh_refdata_list_steps (f->store, code, &error);
      g_autoptr(GPtrArray) waste = sh_refdata_list_waste_streams (f->store, code, &error);
      g_autoptr(GPtrArray) options = sh_refdata_list_options (f->store, code, &error);
      guint with_flows = 0;

      g_assert_no_error (error);
      g_test_message ("%s: %u checklist items, %u steps, %u waste streams, %u options",
                      code, checklist->len, steps->len, waste->len, options->len);
      g_assert_cmpuint (checklist->len, >=, 20);
      g_assert_cmpuint (steps->len, >=, 3);
      g_assert_cmpuint (waste->len, >=, 1);
      g_assert_cmpuint (options->len, >=, 5);

      for (guint s = 0; s < steps->len; s++)
        {
          ShRecord *step = g_ptr_array_index (steps, s);
          g_autoptr(GPtrArray) flows = sh_refdata_list_step_flows (f->store, sh_record_get_id (step), &error);

          g_assert_no_error (error);
          if (flows->len > 0)
            with_flows++;
        }
      g_assert_cmpuint (with_flows, >=, steps->len - 1);
    }

  /* Loading again changes nothing: the shipped versions are already there. */
  before = dump_reference_tables (f->store);
  g_assert_true (sh_refdata_ensure_loaded (f->store, &error));
  g_assert_no_error (error);
  after = dump_reference_tables (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_shipped_sha256 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/sachhon/SachHon/core/reference/sectors.xml",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM reference_version WHERE kind = 'sectors' "
                                          "AND sha256 = '%s' AND file_name = 'sectors.xml' "
                                          "AND version = '1.0.0'", sha);
  g_autofree char *version = sh_refdata_get_version (f->store, SH_REFDATA_KIND_SECTORS);

  g_assert_cmpint (count (f->store, sql), ==, 1);
  g_assert_cmpstr (version, ==, "1.0.0");
}

/* Every value row names its source and carries a V, P or M tag. The CHECK
 * constraints enforce the tag; this checks the loader filled both in, also
 * where the file gives them on a parent element. */
static void
test_provenance (Fixture       *f,
                 gconstpointer  data)
{
  static const char *tables[] = {
    "ref_list_value", "ref_sector", "ref_sector_vsic", "ref_process_step", "ref_waste_stream",
    "ref_checklist_item", "ref_benchmark", "ref_energy_norm", "ref_option", "ref_province",
    "ref_instrument", "ref_plan", "ref_target",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *all = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      g_autofree char *bad = g_strdup_printf ("SELECT count(*) FROM %s WHERE tag NOT IN ('V', 'P', 'M') "
                                              "OR source IS NULL OR length (trim (source)) < 3",
                                              tables[i]);

      g_assert_cmpint (count (f->store, all), >, 0);
      g_assert_cmpint (count (f->store, bad), ==, 0);
    }

  g_assert_cmpint (count (f->store, "SELECT count(*) FROM ref_option WHERE saving_tag NOT IN ('V', 'P', 'M') "
                                    "OR length (trim (saving_source)) < 3"), ==, 0);
  /* What is not in DOMAIN.md is M and says so. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM ref_benchmark WHERE tag = 'M' "
                                    "AND source NOT LIKE '%[M]%' AND source NOT LIKE '%memory%'"), ==, 0);
  /* The legal norms are all verified in DOMAIN.md and carry their circular. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM ref_energy_norm WHERE tag <> 'V' "
                                    "OR instr (source, instrument) = 0"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM ref_energy_norm"), ==, 10 + 14 + 2);
}

/* Unit codes in the reference data are those of data/units.xml. */
static void
test_units_known (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = sh_test_source_path ("data", "units.xml", NULL);
  g_autoptr(GHashTable) units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDoc *doc;
  sqlite3_stmt *stmt = NULL;

  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  for (xmlNode *n = xmlDocGetRootElement (doc)->children; n != NULL; n = n->next)
    {
      xmlChar *code;

      if (n->type != XML_ELEMENT_NODE || strcmp ((const char *) n->name, "unit") != 0)
        continue;
      code = xmlGetProp (n, (const xmlChar *) "code");
      g_hash_table_add (units, g_strdup ((const char *) code));
      xmlFree (code);
    }
  xmlFreeDoc (doc);
  g_assert_true (g_hash_table_contains (units, "MJ"));

  /* "%" is a share, not a unit of measure. */
  g_assert_cmpint (sqlite3_prepare_v2 (sh_store_get_db (f->store),
                                       "SELECT unit FROM ref_benchmark WHERE unit <> '%' "
                                       "UNION SELECT per_unit FROM ref_benchmark WHERE per_unit IS NOT NULL "
                                       "UNION SELECT unit FROM ref_energy_norm UNION SELECT per_unit FROM ref_energy_norm "
                                       "UNION SELECT capacity_unit FROM ref_energy_norm WHERE capacity_unit IS NOT NULL "
                                       "UNION SELECT unit FROM ref_step_flow WHERE unit IS NOT NULL",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *unit = (const char *) sqlite3_column_text (stmt, 0);

      if (!g_hash_table_contains (units, unit))
        g_error ("Unit “%s” is not defined in data/units.xml", unit);
    }
  sqlite3_finalize (stmt);
}

/* The list codes are exactly the values the CHECK constraints of the
 * assessment tables accept: each code is accepted, and the lists hold as
 * many codes as the constraint names. */
static void
test_lists_match_schema (Fixture       *f,
                         gconstpointer  data)
{
  static const struct { const char *list; const char *table; const char *column; const char *insert; } cases[] = {
    { "option_category", "cp_option", "category",
      "INSERT INTO cp_option (uuid, assessment_id, title, category) VALUES (hex (randomblob (16)), 1, 't', ?)" },
    { "cost_class", "cp_option", "cost_class",
      "INSERT INTO cp_option (uuid, assessment_id, title, category, cost_class) VALUES (hex (randomblob (16)), 1, 't', 'GH', ?)" },
    { "screening", "cp_option", "screening",
      "INSERT INTO cp_option (uuid, assessment_id, title, category, screening) VALUES (hex (randomblob (16)), 1, 't', 'GH', ?)" },
    { "cause_category", "cause", "category",
      "INSERT INTO cause (uuid, assessment_id, description, category) VALUES (hex (randomblob (16)), 1, 'd', ?)" },
    { "waste_type", "waste_stream", "type",
      "INSERT INTO waste_stream (uuid, assessment_id, name, type) VALUES (hex (randomblob (16)), 1, 'n', ?)" },
    { "observation_category", "observation", "category",
      "INSERT INTO observation (uuid, assessment_id, issue, category) VALUES (hex (randomblob (16)), 1, 'i', ?)" },
    { "evidence_kind", "evidence", "kind",
      "INSERT INTO evidence (uuid, assessment_id, kind, file_name, file_path, sha256) "
      "VALUES (hex (randomblob (16)), 1, ?, 'f', '/f', '0000000000000000000000000000000000000000000000000000000000000000')" },
  };
  sqlite3 *db = sh_store_get_db (f->store);

  g_assert_cmpint (sqlite3_exec (db, "SAVEPOINT lists; "
                                 "INSERT INTO facility (id, uuid, name) VALUES (1, 'f1', 'F'); "
                                 "INSERT INTO assessment (id, uuid, facility_id, kind) VALUES (1, 'a1', 1, 'quick')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) values = sh_refdata_list_values (f->store, cases[i].list, &error);
      g_autofree char *schema_sql = NULL;
      g_autofree char *pattern = NULL;
      g_autoptr(GRegex) regex = NULL;
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *in_list = NULL;
      g_auto(GStrv) allowed = NULL;
      sqlite3_stmt *stmt = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (values->len, >, 0);

      for (guint v = 0; v < values->len; v++)
        {
          const char *code = sh_record_get_string (g_ptr_array_index (values, v), "code");

          g_assert_cmpint (sqlite3_prepare_v2 (db, cases[i].insert, -1, &stmt, NULL), ==, SQLITE_OK);
          sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            g_error ("%s.%s refuses the %s code “%s”: %s", cases[i].table, cases[i].column,
                     cases[i].list, code, sqlite3_errmsg (db));
          sqlite3_finalize (stmt);
        }

      /* The constraint text: "<column> … CHECK (<column> IN ('a', 'b', …))". */
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, cases[i].table, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      schema_sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);

      pattern = g_strdup_printf ("CHECK \\(%s IN \\(([^)]*)\\)\\)", cases[i].column);
      regex = g_regex_new (pattern, 0, 0, NULL);
      g_assert_true (g_regex_match (regex, schema_sql, 0, &match));
      in_list = g_match_info_fetch (match, 1);
      allowed = g_strsplit (in_list, ",", -1);
      g_assert_cmpuint (g_strv_length (allowed), ==, values->len);
      for (guint a = 0; allowed[a] != NULL; a++)
        {
          g_autofree char *code = g_strdup (g_strstrip (allowed[a]));
          gboolean found = FALSE;

          /* Strip the quotes. */
          g_assert_true (code[0] == '\'');
          code[strlen (code) - 1] = '\0';
          for (guint v = 0; v < values->len && !found; v++)
            found = g_strcmp0 (sh_record_get_string (g_ptr_array_index (values, v), "code"), code + 1) == 0;
          if (!found)
            g_error ("%s.%s allows “%s”, which the %s list lacks", cases[i].table, cases[i].column,
                     code + 1, cases[i].list);
        }
    }

  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK TO lists; RELEASE lists", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (count (f->store, "SELECT count(*) FROM ref_list_value WHERE list = 'option_category'"), ==, 8);
}

/* ---------------------------------------------------------------------- */

static ShNormCheck *
check (Fixture    *f,
       const char *product,
       double      capacity,
       const char *date,
       double      value)
{
  g_autoptr(GError) error = NULL;
  ShNormCheck *result = sh_refdata_check_norm (f->store, product, capacity, date, value, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
test_norm_beer (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ShNormCheck) small = check (f, "beer", 10e6, "2019-06-30", 250);
  g_autoptr(ShNormCheck) medium = check (f, "beer", 50e6, "2019-06-30", 230);
  g_autoptr(ShNormCheck) at_20 = check (f, "beer", 20e6, "2019", 210);
  g_autoptr(ShNormCheck) at_100 = check (f, "beer", 100e6, "2019", 210);
  g_autoptr(ShNormCheck) above_100 = check (f, "beer", 100e6 + 1, "2019", 141);
  g_autoptr(ShNormCheck) later = check (f, "beer", 10e6, "2021-03-01", 290);
  g_autoptr(ShNormCheck) before = check (f, "beer", 10e6, "2016-10-31", 400);
  g_autoptr(ShNormCheck) after_2025 = check (f, "beer", 10e6, "2026-01-01", 400);
  g_autoptr(ShNormCheck) unknown_capacity = check (f, "beer", -1, "2019", 400);
  g_autoptr(ShNormCheck) soft = check (f, "soft_drink_carbonated", -1, "2019", 56);

  /* The two cases of the issue: 250 MJ/hl at 10 million L/yr in 2019 is
   * within 306; 230 MJ/hl at 50 million L/yr is above 215. */
  g_assert_cmpint (small->verdict, ==, SH_NORM_WITHIN);
  g_assert_cmpfloat (small->limit, ==, 306);
  g_assert_cmpstr (small->unit, ==, "MJ");
  g_assert_cmpstr (small->per_unit, ==, "hl");
  g_assert_cmpstr (small->instrument, ==, "19/2016/TT-BCT");
  g_assert_cmpstr (small->tag, ==, "V");

  g_assert_cmpint (medium->verdict, ==, SH_NORM_ABOVE);
  g_assert_cmpfloat (medium->limit, ==, 215);

  /* Band edges: "20–100 million" includes both ends, "< 20" and "> 100" do not. */
  g_assert_cmpfloat (at_20->limit, ==, 215);
  g_assert_cmpfloat (at_100->limit, ==, 215);
  g_assert_cmpfloat (above_100->limit, ==, 140);
  g_assert_cmpint (above_100->verdict, ==, SH_NORM_ABOVE);

  g_assert_cmpfloat (later->limit, ==, 286);
  g_assert_cmpint (later->verdict, ==, SH_NORM_ABOVE);

  g_assert_cmpint (before->verdict, ==, SH_NORM_NONE);
  g_assert_cmpint (after_2025->verdict, ==, SH_NORM_NONE);
  g_assert_cmpint (unknown_capacity->verdict, ==, SH_NORM_NONE);

  g_assert_cmpint (soft->verdict, ==, SH_NORM_ABOVE);
  g_assert_cmpfloat (soft->limit, ==, 55);
}

static void
test_norm_paper_seafood (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ShNormCheck) big = check (f, "paper_packaging", 60000, "2019", 8000);
  g_autoptr(ShNormCheck) at_10k = check (f, "paper_packaging", 10000, "2019", 7000);
  g_autoptr(ShNormCheck) small = check (f, "paper_packaging", 9999, "2022", 5482);
  g_autoptr(ShNormCheck) tissue_big = check (f, "paper_tissue", 60000, "2019", 10000);
  g_autoptr(ShNormCheck) catfish = check (f, "catfish", 500, "2020", 1100);
  g_autoptr(ShNormCheck) catfish_small = check (f, "catfish", 200, "2020", 1100);
  g_autoptr(ShNormCheck) shrimp = check (f, "shrimp", 300, "2019-02-18", 2000);

  g_assert_cmpint (big->verdict, ==, SH_NORM_ABOVE);
  g_assert_cmpfloat (big->limit, ==, 7809);
  g_assert_cmpfloat (at_10k->limit, ==, 7872);
  g_assert_cmpint (at_10k->verdict, ==, SH_NORM_WITHIN);
  g_assert_cmpint (small->verdict, ==, SH_NORM_WITHIN);   /* equal to the norm is not above it */
  g_assert_cmpfloat (small->limit, ==, 5482);
  /* The circular sets no tissue norm above 50,000 t/yr. */
  g_assert_cmpint (tissue_big->verdict, ==, SH_NORM_NONE);

  g_assert_cmpint (catfish->verdict, ==, SH_NORM_ABOVE);
  g_assert_cmpfloat (catfish->limit, ==, 1050);
  g_assert_cmpstr (catfish->unit, ==, "kWh");
  /* Circular 52/2018 applies from 300 t product per year. */
  g_assert_cmpint (catfish_small->verdict, ==, SH_NORM_NONE);
  g_assert_cmpint (shrimp->verdict, ==, SH_NORM_WITHIN);
  g_assert_cmpfloat (shrimp->limit, ==, 2050);
}

/* ---------------------------------------------------------------------- */

static void
assert_province (Fixture    *f,
                 const char *code,
                 const char *date,
                 const char *want_code,
                 const char *want_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) p = sh_refdata_resolve_province (f->store, code, date, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sh_record_get_string (p, "code"), ==, want_code);
  g_assert_cmpstr (sh_record_get_string (p, "name_vi"), ==, want_name);
}

static void
test_provinces (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = sh_refdata_list_provinces (f->store, "2025-06-30", &error);
  g_autoptr(GPtrArray) after = sh_refdata_list_provinces (f->store, "2025-07-01", &error);
  g_autoptr(ShRecord) yen_bai = NULL;
  g_autoptr(ShRecord) lao_cai = NULL;
  g_autoptr(ShRecord) gone = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 63);
  g_assert_cmpuint (after->len, ==, 34);

  /* A historical assessment keeps its old province. */
  assert_province (f, "02", "2019-11-30", "02", "Hà Giang");
  assert_province (f, "62", "2025-06-30", "62", "Kon Tum");

  /* A new report goes to the successor (DOMAIN.md §1.7). */
  assert_province (f, "02", "2025-07-01", "08", "Tuyên Quang");
  assert_province (f, "62", "2025-12-15", "51", "Quảng Ngãi");
  assert_province (f, "26", "2025-12-15", "25", "Phú Thọ");
  assert_province (f, "86", "2025-12-15", "86", "Vĩnh Long");
  assert_province (f, "83", "2025-12-15", "86", "Vĩnh Long");   /* Bến Tre */
  assert_province (f, "84", "2025-12-15", "86", "Vĩnh Long");   /* Trà Vinh */
  assert_province (f, "20", "2025-12-15", "20", "Lạng Sơn");

  /* A code can name different units in different periods. */
  yen_bai = sh_refdata_lookup_province (f->store, "15", "2024-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sh_record_get_string (yen_bai, "name_vi"), ==, "Yên Bái");
  lao_cai = sh_refdata_lookup_province (f->store, "15", "2025-07-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sh_record_get_string (lao_cai, "name_vi"), ==, "Lào Cai");

  gone = sh_refdata_lookup_province (f->store, "62", "2025-07-01", &error);
  g_assert_error (error, SH_REFDATA_ERROR, SH_REFDATA_ERROR_NOT_FOUND);
  g_assert_null (gone);

  /* Every old unit has a successor in the new set. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM ref_province p WHERE p.valid_to = '2025-06-30' "
                                    "AND p.successor_code IN (SELECT code FROM ref_province "
                                    "WHERE valid_from = '2025-07-01')"), ==, 63);
  /* The unit whose code the merged province kept continues itself. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM ref_province n WHERE n.valid_from = '2025-07-01' "
                                    "AND NOT EXISTS (SELECT 1 FROM ref_province o WHERE o.code = n.code "
                                    "AND o.valid_to = '2025-06-30' AND o.successor_code = n.code)"), ==, 0);
}

static void
test_plans (Fixture       *f,
            gconstpointer  data)
{
  static const struct { const char *province; const char *deadline; } deadlines[] = {
    { "20", "15-12" },   /* Lạng Sơn */
    { "62", "30-11" },   /* Kon Tum */
    { "02", NULL },      /* Hà Giang: as configured */
    { "26", NULL },      /* Vĩnh Phúc */
    { "86", NULL },      /* Vĩnh Long */
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ls_targets = NULL;
  g_autoptr(GPtrArray) national = NULL;
  gboolean found_cp_unit = FALSE;
  double aware_2015 = -1, aware_2020 = -1;

  for (guint i = 0; i < G_N_ELEMENTS (deadlines); i++)
    {
      g_autoptr(GPtrArray) plans = sh_refdata_list_plans (f->store, deadlines[i].province, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (plans->len, ==, 1);
      g_assert_cmpstr (sh_record_get_string (g_ptr_array_index (plans, 0), "report_deadline"), ==,
                       deadlines[i].deadline);
    }

  /* Kon Tum names the six seed priority sectors, all of them loaded. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM ref_plan_sector ps JOIN ref_sector s "
                                    "ON s.code = ps.sector_code WHERE ps.plan_code = 'KT-2340-2016'"), ==, 6);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM ref_sector WHERE priority = 1"), ==, 6);

  ls_targets = sh_refdata_list_province_targets (f->store, "20", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ls_targets->len; i++)
    {
      ShRecord *t = g_ptr_array_index (ls_targets, i);

      if (g_strcmp0 (sh_record_get_string (t, "indicator"), "CP_UNIT_PCT") == 0)
        {
          g_assert_cmpfloat (sh_record_get_double (t, "value", 0), ==, 70);
          found_cp_unit = TRUE;
        }
    }
  g_assert_true (found_cp_unit);

  national = sh_refdata_list_instrument_targets (f->store, "1419/QĐ-TTg", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < national->len; i++)
    {
      ShRecord *t = g_ptr_array_index (national, i);

      if (g_strcmp0 (sh_record_get_string (t, "indicator"), "AWARE_PCT") != 0)
        continue;
      if (sh_record_get_int (t, "to_year", 0) == 2015)
        aware_2015 = sh_record_get_double (t, "value", 0);
      else if (sh_record_get_int (t, "to_year", 0) == 2020)
        aware_2020 = sh_record_get_double (t, "value", 0);
    }
  g_assert_cmpfloat (aware_2015, ==, 50);
  g_assert_cmpfloat (aware_2020, ==, 90);

  /* Decision 889: beer and beverages −5…8 % by 2025, −7…10 % by 2030. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM ref_target WHERE instrument = '889/QĐ-TTg' "
                                    "AND sector_code = 'beer' AND ((to_year = 2025 AND value IN (5, 8)) "
                                    "OR (to_year = 2030 AND value IN (7, 10)))"), ==, 4);
}

static void
test_options (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cassava = sh_refdata_list_options (f->store, "cassava", &error);
  g_autoptr(ShRecord) option = NULL;
  g_autoptr(ShRecord) missing = NULL;
  ShRecord *last;

  g_assert_no_error (error);
  /* The sector's own options come first, the shared ones after. */
  g_assert_true (g_str_has_prefix (sh_record_get_string (g_ptr_array_index (cassava, 0), "code"), "CAS-"));
  last = g_ptr_array_index (cassava, cassava->len - 1);
  g_assert_true (sh_record_is_null (last, "sector_code"));
  g_assert_true (g_str_has_prefix (sh_record_get_string (last, "code"), "GEN-"));

  option = sh_refdata_get_option (f->store, "CAS-OR-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sh_record_get_string (option, "category"), ==, "OR");
  g_assert_cmpstr (sh_record_get_string (option, "step_code"), ==, "washing");
  g_assert_cmpfloat (sh_record_get_double (option, "saving_max_pct", 0), >=,
                     sh_record_get_double (option, "saving_min_pct", 0));

  missing = sh_refdata_get_option (f->store, "NOPE-01", &error);
  g_assert_error (error, SH_REFDATA_ERROR, SH_REFDATA_ERROR_NOT_FOUND);
  g_assert_null (missing);

  /* Every category is used somewhere in the library. */
  g_assert_cmpint (count (f->store, "SELECT count(DISTINCT category) FROM ref_option"), ==, 8);
}

/* ---------------------------------------------------------------------- */

static void
test_update_replaces (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path ("options-update.xml");
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *version = NULL;
  g_autoptr(ShRecord) corrected = NULL;
  gsize len;

  g_assert_cmpint (count (f->store, "SELECT count(*) FROM ref_option"), >, 50);

  g_assert_true (sh_refdata_load_file (f->store, path, &error));
  g_assert_no_error (error);

  /* All old options are gone, the file's three are there. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM ref_option"), ==, 3);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM ref_option WHERE code = 'RUB-GH-01'"), ==, 0);
  corrected = sh_refdata_get_option (f->store, "GEN-GH-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sh_record_get_string (corrected, "tag"), ==, "P");
  g_assert_cmpstr (sh_record_get_string (corrected, "saving_tag"), ==, "V");
  g_assert_cmpfloat (sh_record_get_double (corrected, "saving_min_pct", 0), ==, 2);

  version = sh_refdata_get_version (f->store, SH_REFDATA_KIND_OPTIONS);
  g_assert_cmpstr (version, ==, "1.1.0");
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, len);
  sql = g_strdup_printf ("SELECT count(*) FROM reference_version WHERE kind = 'options' AND origin = 'import' "
                         "AND file_name = 'options-update.xml' AND sha256 = '%s' AND file_date = '2026-01-15'", sha);
  g_assert_cmpint (count (f->store, sql), ==, 1);

  /* The other kinds are untouched, and the shipped 1.0.0 does not come back. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM ref_sector"), ==, 10);
  g_assert_true (sh_refdata_ensure_loaded (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM ref_option"), ==, 3);
}

typedef struct
{
  const char *file;
  int         code;
  const char *message_part;
} BrokenCase;

static void
test_update_broken (Fixture       *f,
                    gconstpointer  data)
{
  static const BrokenCase cases[] = {
    { "options-invalid.xml", SH_REFDATA_ERROR_INVALID, "options-invalid.xml:10:" },
    { "options-doctype.xml", SH_REFDATA_ERROR_PARSE, "DOCTYPE" },
    { "options-xxe.xml", SH_REFDATA_ERROR_PARSE, "DOCTYPE" },
    { "options-doctype-utf16.xml", SH_REFDATA_ERROR_PARSE, "DOCTYPE" },
    { "options-truncated.xml", SH_REFDATA_ERROR_PARSE, "options-truncated.xml:" },
    { "options-older.xml", SH_REFDATA_ERROR_OLDER, "0.9" },
    { "options-bad-step.xml", SH_REFDATA_ERROR_REFERENCE, "CAS-OR-09" },
    { "sectors-one.xml", SH_REFDATA_ERROR_REFERENCE, "unknown sector" },
  };
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *update = fixture_path ("options-update.xml");

  /* Load a newer file first, so "older" is measured against an import. */
  g_assert_true (sh_refdata_load_file (f->store, update, &error));
  g_assert_no_error (error);
  before = dump_reference_tables (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (cases[i].file);
      g_autofree char *after = NULL;
      gboolean ok;

      g_clear_error (&error);
      ok = sh_refdata_load_file (f->store, path, &error);
      g_test_message ("%s: %s", cases[i].file, error != NULL ? error->message : "(loaded)");
      g_assert_false (ok);
      g_assert_error (error, SH_REFDATA_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));

      after = dump_reference_tables (f->store);
      g_assert_cmpstr (before, ==, after);
    }

  /* The store still takes changes: the failed loads left no transaction open. */
  g_clear_error (&error);
  g_assert_true (sh_store_begin (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (sh_store_commit (f->store, &error));
  g_assert_no_error (error);
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "nope.xml", NULL);

  g_assert_false (sh_refdata_load_file (f->store, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* ---------------------------------------------------------------------- */

static gint64
add_facility (ShStore    *store,
              const char *sector)
{
  g_autoptr(ShRecord) record = sh_record_new ("facility");
  g_autoptr(GError) error = NULL;
  gint64 id;

  sh_record_set_string (record, "name", "Nhà máy thử");
  if (sector != NULL)
    sh_record_set_string (record, "sector_code", sector);
  id = sh_store_insert (store, record, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
create_assessment (ShStore    *store,
                   gint64      facility,
                   const char *kind,
                   const char *language)
{
  g_autoptr(ShRecord) record = sh_record_new ("assessment");
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  sh_record_set_int (record, "facility_id", facility);
  sh_record_set_string (record, "kind", kind);
  if (language != NULL)
    sh_record_set_string (record, "language", language);
  g_assert_true (sh_assessment_create (store, record, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static GPtrArray *
steps_of (ShStore *store,
          gint64   assessment)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *steps = sh_store_list (store, "process_step", "assessment_id", assessment, &error);

  g_assert_no_error (error);
  g_assert_nonnull (steps);
  return steps;
}

static void
test_template_new_assessment (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) template = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) steps_en = NULL;
  g_autoptr(GPtrArray) none = NULL;
  gint64 rubber = add_facility (f->store, "rubber");
  gint64 unknown = add_facility (f->store, NULL);
  gint64 quick, detailed_en, bare;
  const char *description;

  template = sh_refdata_list_steps (f->store, "rubber", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (template->len, ==, 7);

  /* A Vietnamese quick assessment gets the seven steps, in order, with
   * their typical inputs and outputs. */
  quick = create_assessment (f->store, rubber, "quick", NULL);
  steps = steps_of (f->store, quick);
  g_assert_cmpuint (steps->len, ==, 7);
  g_assert_cmpstr (sh_record_get_string (steps->pdata[0], "name"), ==, "Tiếp nhận mủ nước");
  g_assert_cmpint (sh_record_get_int (steps->pdata[0], "seq", 0), ==, 1);
  g_assert_cmpstr (sh_record_get_string (steps->pdata[6], "name"), ==, "Ly tâm (mủ cô đặc)");
  description = sh_record_get_string (steps->pdata[0], "description");
  g_assert_nonnull (strstr (description, "Mủ nước (t); Amoniac (NH3) bảo quản (kg)"));
  g_assert_nonnull (strstr (description, "\n"));
  g_assert_nonnull (strstr (description, "Nước rửa bồn, xe bồn (m3)"));
  description = sh_record_get_string (steps->pdata[6], "description");
  g_assert_nonnull (strstr (description, "Mủ ly tâm (t); Mủ skim"));

  /* An English one gets the English names. */
  detailed_en = create_assessment (f->store, rubber, "detailed", "en");
  steps_en = steps_of (f->store, detailed_en);
  g_assert_cmpuint (steps_en->len, ==, 7);
  g_assert_cmpstr (sh_record_get_string (steps_en->pdata[1], "name"), ==, "Mixing and dilution");
  g_assert_nonnull (strstr (sh_record_get_string (steps_en->pdata[1], "description"), "Dilution water (m3)"));

  /* A facility without a sector starts from nothing. */
  bare = create_assessment (f->store, unknown, "quick", NULL);
  none = steps_of (f->store, bare);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_template_inherited_steps_win (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quick_steps = NULL;
  g_autoptr(GPtrArray) inherited = NULL;
  g_autoptr(GPtrArray) from_template = NULL;
  g_autoptr(ShRecord) own = sh_record_new ("process_step");
  gint64 facility = add_facility (f->store, "beer");
  gint64 quick, detailed = 0, empty_quick, detailed2 = 0;
  guint added = 99;

  /* The consultant replaces the template with the plant's real steps. */
  quick = create_assessment (f->store, facility, "quick", NULL);
  quick_steps = steps_of (f->store, quick);
  g_assert_cmpuint (quick_steps->len, >=, 3);
  for (guint i = 0; i < quick_steps->len; i++)
    {
      g_assert_true (sh_store_delete (f->store, "process_step", sh_record_get_id (quick_steps->pdata[i]), &error));
      g_assert_no_error (error);
    }
  sh_record_set_int (own, "assessment_id", quick);
  sh_record_set_string (own, "name", "Nấu và lên men (một dây chuyền)");
  g_assert_cmpint (sh_store_insert (f->store, own, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (sh_assessment_start_detailed (f->store, quick, &detailed, &error));
  g_assert_no_error (error);
  inherited = steps_of (f->store, detailed);
  g_assert_cmpuint (inherited->len, ==, 1);
  g_assert_cmpstr (sh_record_get_string (inherited->pdata[0], "name"), ==, "Nấu và lên men (một dây chuyền)");

  /* Applying the template again adds nothing to an assessment with steps. */
  g_assert_true (sh_store_begin (f->store, &error));
  g_assert_true (sh_assessment_apply_step_template (f->store, detailed, &added, &error));
  g_assert_no_error (error);
  g_assert_true (sh_store_commit (f->store, &error));
  g_assert_cmpuint (added, ==, 0);

  /* A quick assessment whose steps were all removed hands the detailed one
   * the template instead of nothing. */
  empty_quick = create_assessment (f->store, facility, "quick", NULL);
  quick_steps = (g_ptr_array_unref (quick_steps), steps_of (f->store, empty_quick));
  for (guint i = 0; i < quick_steps->len; i++)
    g_assert_true (sh_store_delete (f->store, "process_step", sh_record_get_id (quick_steps->pdata[i]), NULL));
  g_assert_true (sh_assessment_start_detailed (f->store, empty_quick, &detailed2, &error));
  g_assert_no_error (error);
  from_template = steps_of (f->store, detailed2);
  g_assert_cmpuint (from_template->len, ==, quick_steps->len);
}

/* A brewery of @hl hectolitres a year that used @kwh of electricity in 2023. */
static gint64
add_brewery (ShStore *store,
             double   hl,
             double   kwh)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) production = sh_record_new ("production_record");
  g_autoptr(ShRecord) electricity = sh_record_new ("resource_consumption");
  gint64 facility = add_facility (store, "beer");
  gint64 assessment = create_assessment (store, facility, "quick", NULL);

  sh_record_set_int (production, "assessment_id", assessment);
  sh_record_set_string (production, "period_label", "2023");
  sh_record_set_string (production, "period_start", "2023-01-01");
  sh_record_set_string (production, "period_end", "2023-12-31");
  sh_record_set_string (production, "product", "Bia hơi");
  sh_record_set_double (production, "quantity", hl);
  sh_record_set_string (production, "unit", "hl");
  g_assert_cmpint (sh_store_insert (store, production, &error), >, 0);
  g_assert_no_error (error);

  sh_record_set_int (electricity, "assessment_id", assessment);
  sh_record_set_string (electricity, "period_label", "2023");
  sh_record_set_string (electricity, "period_start", "2023-01-01");
  sh_record_set_string (electricity, "period_end", "2023-12-31");
  sh_record_set_string (electricity, "resource_code", "electricity");
  sh_record_set_string (electricity, "category", "electricity");
  sh_record_set_double (electricity, "quantity", kwh);
  sh_record_set_string (electricity, "unit", "kWh");
  g_assert_cmpint (sh_store_insert (store, electricity, &error), >, 0);
  g_assert_no_error (error);

  return assessment;
}

static void
test_norm_assessment (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShNormCheck) above = NULL;
  g_autoptr(ShNormCheck) within = NULL;
  g_autoptr(ShNormCheck) large = NULL;
  g_autoptr(ShNormCheck) none = NULL;
  g_autofree char *note = NULL;
  ShUnits *units = sh_units_get_default ();
  gint64 rubber_quick;

  /* 150 000 hl = 15 million L, under 20 million L/yr: at most 306 MJ/hl in
   * 2016–2020 and 286 MJ/hl in 2021–2025. 15 GWh = 54 000 000 MJ, so
   * 360 MJ/hl: above. */
  above = sh_refdata_check_assessment_norm (f->store, units, add_brewery (f->store, 150000, 15000000), &note, &error);
  g_assert_no_error (error);
  g_assert_nonnull (above);
  g_assert_null (note);
  g_assert_cmpint (above->verdict, ==, SH_NORM_ABOVE);
  g_assert_cmpfloat_with_epsilon (above->value, 360, 1e-9);
  g_assert_cmpfloat (above->limit, ==, 286);
  g_assert_cmpstr (above->unit, ==, "MJ");
  g_assert_cmpstr (above->per_unit, ==, "hl");
  g_assert_cmpstr (above->instrument, ==, "19/2016/TT-BCT");

  /* 9 GWh: 216 MJ/hl, within 286. */
  within = sh_refdata_check_assessment_norm (f->store, units, add_brewery (f->store, 150000, 9000000), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (within->verdict, ==, SH_NORM_WITHIN);
  g_assert_cmpfloat_with_epsilon (within->value, 216, 1e-9);

  /* The same 216 MJ/hl in a brewery of 1.5 million hl (150 million L) is
   * above that band's 129 MJ/hl. */
  large = sh_refdata_check_assessment_norm (f->store, units, add_brewery (f->store, 1500000, 90000000), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (large->verdict, ==, SH_NORM_ABOVE);
  g_assert_cmpfloat (large->limit, ==, 129);

  /* A rubber plant's sector has no norm: nothing compared, nothing said. */
  rubber_quick = create_assessment (f->store, add_facility (f->store, "rubber"), "quick", NULL);
  g_clear_pointer (&note, g_free);
  none = sh_refdata_check_assessment_norm (f->store, units, rubber_quick, &note, &error);
  g_assert_no_error (error);
  g_assert_cmpint (none->verdict, ==, SH_NORM_NONE);
  g_assert_null (note);
}

int
main (int    argc,
      char **argv)
{
  sh_test_init (&argc, &argv);

  g_test_add_func ("/refdata/shipped/validate", test_shipped_validate);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/refdata/shipped/load", test_shipped_load);
  ADD ("/refdata/shipped/sha256", test_shipped_sha256);
  ADD ("/refdata/provenance", test_provenance);
  ADD ("/refdata/units-known", test_units_known);
  ADD ("/refdata/lists/match-check-constraints", test_lists_match_schema);
  ADD ("/refdata/norm/beer", test_norm_beer);
  ADD ("/refdata/norm/paper-seafood", test_norm_paper_seafood);
  ADD ("/refdata/provinces/merger-2025", test_provinces);
  ADD ("/refdata/plans", test_plans);
  ADD ("/refdata/options", test_options);
  ADD ("/refdata/update/replaces", test_update_replaces);
  ADD ("/refdata/update/broken-changes-nothing", test_update_broken);
  ADD ("/refdata/update/missing-file", test_missing_file);
  ADD ("/refdata/template/new-assessment", test_template_new_assessment);
  ADD ("/refdata/template/inherited-steps-win", test_template_inherited_steps_win);
  ADD ("/refdata/norm/assessment", test_norm_assessment);
#undef ADD

  return g_test_run ();
}
