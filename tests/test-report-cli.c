/* test-report-cli.c — export, validate, import and rollup of sachhon-cli, from outside.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "sh-test-utils.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs sachhon-cli with the arguments in @args (NULL-terminated). */
static void
run_cliv (Run               *run,
          const char *const *args)
{
  g_autofree char *cli = sh_test_build_path ("src", "cli", "sachhon-cli", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", run->status, run->out, run->err);
}

#define run_cli(run, ...) run_cliv ((run), (const char *const[]) { __VA_ARGS__, NULL })

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  Run run = { 0 };

  f->dir = sh_test_make_tmpdir ("report-cli");
  f->db = g_build_filename (f->dir, "sachhon.db", NULL);
  run_cli (&run, "--db", f->db, "demo");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sh_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, length);
}

static const char *
last_line (const char *text)
{
  const char *end = text + strlen (text);
  const char *start;

  while (end > text && end[-1] == '\n')
    end--;
  start = end;
  while (start > text && start[-1] != '\n')
    start--;
  return start;
}

static void
assert_last_line (const char *text,
                  const char *expected)
{
  g_autofree char *line = g_strdup (last_line (text));

  g_strchomp (line);
  g_assert_cmpstr (line, ==, expected);
}

static char *
normalized (const char *path)
{
  g_autoptr(GRegex) regex = g_regex_new ("<(MaTaiLieu|ThoiDiemTao)>[^<]*</", 0, 0, NULL);
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return g_regex_replace (regex, text, -1, 0, "<\\1>…</", 0, NULL);
}

/* ------------------------------------------------------------------------- */

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  Run run = { 0 };

  run_cli (&run, "--help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "validate FILE…"));
  g_assert_nonnull (strstr (run.out, "rollup --province CODE"));

  run_cli (&run, "--db", f->db, "export", "2");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "-o FILE"));

  run_cli (&run, "--db", f->db, "export", "two", "-o", "x.xml");
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, "--db", f->db, "export", "--annual", "1", "-o", "x.xml");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--year"));

  run_cli (&run, "--db", f->db, "export", "--annual", "1", "--year", "1999", "-o", "x.xml");
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, "--db", f->db, "validate");
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, "--db", f->db, "import");
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, "--db", f->db, "rollup", "--year", "2024");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--province"));

  run_cli (&run, "--db", f->db, "rollup", "--province", "6x", "--year", "2024");
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, "--db", f->db, "rollup", "--province", "62", "--year", "2024", "--total", "-3");
  g_assert_cmpint (run.status, ==, 2);

  run_clear (&run);
}

/* Export, validate, import elsewhere, export again: the same documents. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *dossier = path_in (f, "dossier.xml");
  g_autofree char *annual = path_in (f, "annual.xml");
  g_autofree char *other = path_in (f, "other.db");
  g_autofree char *dossier2 = path_in (f, "dossier2.xml");
  g_autofree char *annual2 = path_in (f, "annual2.xml");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  Run run = { 0 };

  run_cli (&run, "--db", f->db, "export", "2", "-o", dossier);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, dossier));
  run_cli (&run, "--db", f->db, "export", "--annual", "1", "--year", "2024", "-o", annual);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, "validate", dossier, annual);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "valid (assessment dossier)"));
  g_assert_nonnull (strstr (run.out, "valid (annual CP effectiveness report)"));
  /* The refining step's water balance is reported, with its line. */
  g_assert_true (g_regex_match_simple ("dossier\\.xml:[0-9]+: warning: The NUOC balance", run.out, 0, 0));
  assert_last_line (run.out, "2 valid, 0 invalid");

  run_cli (&run, "--db", other, "import", dossier, annual);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "dossier.xml: imported"));
  assert_last_line (run.out, "Imported: 2, replaced: 0, already here: 0, refused: 0");

  run_cli (&run, "--db", other, "import", annual);
  g_assert_cmpint (run.status, ==, 0);
  assert_last_line (run.out, "Imported: 0, replaced: 0, already here: 1, refused: 0");

  /* In the other database the detailed assessment is id 2 as well: the
   * dossier brings the quick one first. */
  run_cli (&run, "--db", other, "export", "2", "-o", dossier2);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, "--db", other, "export", "--annual", "1", "--year", "2024", "-o", annual2);
  g_assert_cmpint (run.status, ==, 0);

  a = normalized (dossier);
  b = normalized (dossier2);
  g_assert_cmpstr (a, ==, b);
  g_free (a);
  g_free (b);
  a = normalized (annual);
  b = normalized (annual2);
  g_assert_cmpstr (a, ==, b);

  run_clear (&run);
}

/* Hostile files are refused with their reasons, and the database file is
 * the same byte for byte. */
static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *laughs = sh_test_source_path ("tests", "data", "reports", "billion-laughs.xml", NULL);
  g_autofree char *xxe = sh_test_source_path ("tests", "data", "reports", "xxe-file.xml", NULL);
  g_autofree char *truncated = sh_test_source_path ("tests", "data", "reports", "truncated.xml", NULL);
  g_autofree char *encoding = sh_test_source_path ("tests", "data", "reports", "non-utf8.xml", NULL);
  g_autofree char *example = sh_test_source_path ("docs", "examples", "bao-cao-sxsh-nam.xml", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Run run = { 0 };

  before = file_sha256 (f->db);
  run_cli (&run, "--db", f->db, "import", laughs, xxe, truncated, encoding);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_regex_match_simple ("billion-laughs\\.xml: REFUSED[^\n]*\n +2: error: [^\n]*DOCTYPE", run.out, 0, 0));
  g_assert_nonnull (strstr (run.out, "truncated.xml is not well-formed XML (line 99"));
  g_assert_nonnull (strstr (run.out, "non-utf8.xml is not UTF-8 text (invalid byte 0xE0 on line 3)"));
  g_assert_null (strstr (run.out, "root:"));   /* nothing of /etc/passwd */
  assert_last_line (run.out, "Imported: 0, replaced: 0, already here: 0, refused: 4");
  after = file_sha256 (f->db);
  g_assert_cmpstr (before, ==, after);

  /* A good file among bad ones is imported; the bad ones still refused. */
  run_cli (&run, "--db", f->db, "import", laughs, example);
  g_assert_cmpint (run.status, ==, 1);
  assert_last_line (run.out, "Imported: 0, replaced: 1, already here: 0, refused: 1");

  run_clear (&run);
}

static void
test_validate_lines (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *example = sh_test_source_path ("docs", "examples", "bao-cao-sxsh-nam.xml", NULL);
  g_autofree char *broken = path_in (f, "broken.xml");
  g_autofree char *text = NULL;
  g_autofree char *fixed = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("<HanNop>[^<]*</HanNop>", 0, 0, NULL);
  int line = 0;
  Run run = { 0 };

  g_assert_true (g_file_get_contents (example, &text, NULL, NULL));
  fixed = g_regex_replace (regex, text, -1, 0, "<HanNop>30/11/2024</HanNop>", 0, NULL);
  g_assert_true (g_file_set_contents (broken, fixed, -1, NULL));
  for (const char *p = fixed; p < strstr (fixed, "<HanNop>"); p++)
    line += *p == '\n';
  line++;

  run_cli (&run, "validate", example, broken);
  g_assert_cmpint (run.status, ==, 1);
  {
    g_autofree char *expected = g_strdup_printf ("broken.xml:%d: error: Does not follow the schema: Element 'HanNop': "
                                                 "'30/11/2024' is not a valid value", line);

    g_assert_nonnull (strstr (run.out, expected));
  }
  g_assert_nonnull (strstr (run.out, "broken.xml: INVALID."));
  assert_last_line (run.out, "1 valid, 1 invalid");

  run_clear (&run);
}

static void
test_examples (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *annual = sh_test_source_path ("docs", "examples", "bao-cao-sxsh-nam.xml", NULL);
  g_autofree char *dossier = sh_test_source_path ("docs", "examples", "ho-so-danh-gia.xml", NULL);
  g_autofree char *rollup = sh_test_source_path ("docs", "examples", "bao-cao-tong-hop.xml", NULL);
  Run run = { 0 };

  run_cli (&run, "validate", annual, dossier, rollup);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "valid (provincial roll-up)"));
  assert_last_line (run.out, "3 valid, 0 invalid");

  /* A roll-up is validated but not imported. */
  run_cli (&run, "--db", f->db, "import", rollup);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "not imported"));

  run_clear (&run);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = path_in (f, "missing.xml");
  Run run = { 0 };

  run_cli (&run, "--db", f->db, "export", "--annual", "1", "--year", "2023", "-o", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "has no annual report for 2023"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The brick works has a quick assessment but no annual report at all. */
  run_cli (&run, "--db", f->db, "export", "--annual", "4", "--year", "2024", "-o", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  run_cli (&run, "--db", f->db, "export", "99", "-o", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "There is no record 99"));

  run_clear (&run);
}

/* The demo province by hand: of the six facilities of Kon Tum (62), the
 * cassava plant (training and assessments) and the brick works (a quick
 * assessment in 2024) are aware; only the cassava plant applies CP. Its
 * saving, weighted by baseline cost: (226.2 × 3.0769 + 3.132 × 15 +
 * 10.962 × 8.5714 + 18.27 × 15.556) / 258.564 = 1 121.14 / 258.564 =
 * 4.336 %. Three medium or large enterprises; the cassava plant has a CP
 * unit. */
static void
test_rollup (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = path_in (f, "rollup.xml");
  Run run = { 0 };

  run_cli (&run, "--db", f->db, "rollup", "--province", "62", "--year", "2024", "-o", path,
           "--budget-local", "450000000");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_regex_match_simple ("Facilities \\(in the database\\) +6 +100,00%", run.out, 0, 0));
  g_assert_true (g_regex_match_simple ("Aware of CP +2 +33,33%", run.out, 0, 0));
  g_assert_true (g_regex_match_simple ("Applying CP +1 +16,67%", run.out, 0, 0));
  g_assert_true (g_regex_match_simple ("Medium and large enterprises +3 ", run.out, 0, 0));
  g_assert_true (g_regex_match_simple ("with a CP unit +1 +33,33%", run.out, 0, 0));
  g_assert_true (g_regex_match_simple ("Average saving per unit of product +4,34%", run.out, 0, 0));
  g_assert_nonnull (strstr (run.out, "1 quick, 1 detailed, 0 follow-up"));

  run_cli (&run, "validate", path);
  g_assert_cmpint (run.status, ==, 0);

  /* Declared total: 2 of 40 aware. */
  run_cli (&run, "--db", f->db, "rollup", "--province", "62", "--year", "2024", "--total", "40");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_regex_match_simple ("Aware of CP +2 +5,00%", run.out, 0, 0));

  run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/report-cli/usage", test_usage);
  ADD_TEST ("/report-cli/round-trip", test_round_trip);
  ADD_TEST ("/report-cli/hostile", test_hostile);
  ADD_TEST ("/report-cli/validate-lines", test_validate_lines);
  ADD_TEST ("/report-cli/examples", test_examples);
  ADD_TEST ("/report-cli/missing", test_missing);
  ADD_TEST ("/report-cli/rollup", test_rollup);

  return g_test_run ();
}
