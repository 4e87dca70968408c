/* test-cli.c — sachhon-cli from outside: its output, errors and exit codes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <sqlite3.h>

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

/* Runs sachhon-cli with the arguments (NULL-terminated) and collects its
 * exit status and output. */
static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autofree char *cli = sh_test_build_path ("src", "cli", "sachhon-cli", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, cli);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = sh_test_make_tmpdir ("cli");
  f->db = g_build_filename (f->dir, "sachhon.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sh_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static void
run_demo (Fixture *f)
{
  Run run = { 0 };

  run_cli (&run, "--db", f->db, "demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, f->db));
  run_clear (&run);
}

/* ------------------------------------------------------------------------- */

static void
test_cli_usage (Fixture       *f,
                gconstpointer  data)
{
  Run run = { 0 };

  run_cli (&run, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "Usage"));

  run_cli (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "show ASSESSMENT"));

  run_cli (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, PACKAGE_VERSION));

  run_cli (&run, "--db", f->db, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "frobnicate"));

  run_cli (&run, "--colour", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, "--db", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, "--db", f->db, "show", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, "--db", f->db, "show", "abc", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "abc"));

  run_cli (&run, "--db", f->db, "facilities", "extra", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, "--db", f->db, "assessments", "--facility", "x1", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, "--db", f->db, "assessments", "--no-such-option", NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* None of that created anything but, at most, an empty database. */
  run_clear (&run);
}

static void
test_cli_demo_and_lists (Fixture       *f,
                         gconstpointer  data)
{
  Run run = { 0 };

  run_demo (f);
  run_demo (f);   /* idempotent */

  run_cli (&run, "--db", f->db, "facilities", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Công ty TNHH Tinh bột sắn Đắk Tô"));
  g_assert_nonnull (strstr (run.out, "Nhà máy chế biến mủ cao su Sa Thầy"));
  /* The second demo run added nothing: the name appears once. */
  g_assert_null (strstr (strstr (run.out, "Đắk Tô ") + 1, "Công ty TNHH Tinh bột sắn Đắk Tô"));

  run_cli (&run, "--db", f->db, "assessments", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "detailed"));
  g_assert_nonnull (strstr (run.out, "05/06/2023"));
  g_assert_nonnull (strstr (run.out, "tuynel"));

  run_cli (&run, "--db", f->db, "assessments", "--facility", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "tinh bột sắn"));
  g_assert_null (strstr (run.out, "tuynel"));

  run_cli (&run, "--db", f->db, "assessments", "--facility", "999", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "999"));

  run_clear (&run);
}

static void
test_cli_show (Fixture       *f,
               gconstpointer  data)
{
  Run run = { 0 };

  run_demo (f);

  /* Also through $SACHHON_DB instead of --db. */
  g_setenv ("SACHHON_DB", f->db, TRUE);
  run_cli (&run, "show", "2", NULL);
  g_unsetenv ("SACHHON_DB");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* Specific consumption of water: 18,00 → 15,30 m3/t, saving 15,0 %. */
  g_assert_nonnull (strstr (run.out, "Công ty TNHH Tinh bột sắn Đắk Tô"));
  g_assert_nonnull (strstr (run.out, "18,00"));
  g_assert_nonnull (strstr (run.out, "15,30"));
  g_assert_nonnull (strstr (run.out, "15,0%"));
  g_assert_nonnull (strstr (run.out, "exceeded"));
  g_assert_nonnull (strstr (run.out, "not met"));
  /* Options: GP01's NPV is 637 341 618 đồng, shown in millions. */
  g_assert_nonnull (strstr (run.out, "GP01"));
  g_assert_nonnull (strstr (run.out, "637,3 M"));
  g_assert_nonnull (strstr (run.out, "GP07: no IRR"));
  /* Balances: refining water off by 7,6 %, flagged. */
  g_assert_nonnull (strstr (run.out, "7,6%"));
  g_assert_nonnull (strstr (run.out, "NO — check"));
  g_assert_nonnull (strstr (run.out, "8.658.100.000 ₫"));

  run_cli (&run, "--db", f->db, "show", "999", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "999"));

  run_clear (&run);
}

static void
test_cli_bad_files (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.db", NULL);
  Run run = { 0 };
  sqlite3 *db = NULL;

  /* Not a database: exit 1, the file is named, and left alone. */
  g_assert_true (g_file_set_contents (text, "ghi chép\n", -1, NULL));
  run_cli (&run, "--db", text, "facilities", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, text));
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (text, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "ghi chép\n");
  }

  /* Written by a newer version. */
  run_demo (f);
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 77", NULL, NULL, NULL), ==, SQLITE_OK);
  run_cli (&run, "--db", f->db, "facilities", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "newer"));
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);

  /* Locked by another program while the demo tries to write. */
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM facility; BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  run_cli (&run, "--db", f->db, "demo", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "in use"));
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);

  /* A folder that cannot be created. */
  run_cli (&run, "--db", "/proc/no/such/place/sachhon.db", "facilities", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "/proc/no/such/place"));

  run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);

  /* The CLI prints in the user's language; the assertions are in English. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_unsetenv ("SACHHON_DB");

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/usage", test_cli_usage);
  ADD ("/cli/demo-and-lists", test_cli_demo_and_lists);
  ADD ("/cli/show", test_cli_show);
  ADD ("/cli/bad-files", test_cli_bad_files);
#undef ADD

  return g_test_run ();
}
