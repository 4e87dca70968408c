/* test-refdata-cli.c — "sachhon-cli refdata" from outside: versions,
 * imports that load everything or nothing, listings, exit codes.
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
  int   status;
  char *out;
  char *err;
} Fixture;

/* Runs sachhon-cli --db DB with the arguments (NULL-terminated). */
static void
run_cli (Fixture    *f,
         const char *first,
         ...)
{
  g_autofree char *cli = sh_test_build_path ("src", "cli", "sachhon-cli", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, cli);
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, f->db);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &f->out, &f->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  f->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", f->status, f->out, f->err);
}

static char *
fixture_path (const char *name)
{
  return sh_test_source_path ("tests", "data", "refdata", name, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = sh_test_make_tmpdir ("refdata-cli");
  f->db = g_build_filename (f->dir, "sachhon.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sh_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->out);
  g_free (f->err);
}

static GBytes *
read_db (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (f->db, &contents, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
test_version (Fixture       *f,
              gconstpointer  data)
{
  static const char * const kinds[] = { "lists", "sectors", "options", "provinces", "plans" };

  run_cli (f, "refdata", "version", NULL);
  g_assert_cmpint (f->status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s.xml", kinds[i]);

      g_assert_nonnull (strstr (f->out, kinds[i]));
      g_assert_nonnull (strstr (f->out, file));
    }
  g_assert_nonnull (strstr (f->out, "shipped"));
  g_assert_null (strstr (f->out, "imported"));

  run_cli (f, "refdata", "version", "extra", NULL);
  g_assert_cmpint (f->status, ==, 2);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *update = fixture_path ("options-update.xml");

  run_cli (f, "refdata", "import", update, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "options, version 1.1.0, loaded"));

  /* The new version is what is loaded now, and its rows replaced the old. */
  run_cli (f, "refdata", "version", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "1.1.0"));
  g_assert_nonnull (strstr (f->out, "options-update.xml"));
  g_assert_nonnull (strstr (f->out, "imported"));

  run_cli (f, "refdata", "list", "options", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_null (strstr (f->out, "RUB-GH-01"));
  g_assert_nonnull (strstr (f->out, "GEN-GH-01"));
}

/* A refused import leaves the database file byte for byte as it was, even
 * when a good file of another kind comes with the bad one. */
static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const broken[] = {
    "options-invalid.xml", "options-truncated.xml", "options-doctype.xml",
    "options-older.xml", "options-bad-step.xml", "sectors-one.xml",
  };
  g_autofree char *update = fixture_path ("options-update.xml");
  g_autofree char *lists = sh_test_source_path ("data", "reference", "lists.xml", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nope.xml", NULL);
  g_autoptr(GBytes) before = NULL;

  /* Load 1.1.0 first so that options-older.xml (0.9) is older. */
  run_cli (f, "refdata", "import", update, NULL);
  g_assert_cmpint (f->status, ==, 0);
  before = read_db (f);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = fixture_path (broken[i]);
      g_autoptr(GBytes) after = NULL;

      run_cli (f, "refdata", "import", lists, path, NULL);
      g_assert_cmpint (f->status, ==, 1);
      g_assert_nonnull (strstr (f->err, broken[i]));
      g_assert_nonnull (strstr (f->err, "Nothing was imported"));
      g_assert_cmpstr (f->out, ==, "");

      after = read_db (f);
      g_assert_true (g_bytes_equal (before, after));
    }

  /* The line of the fault is named. */
  {
    g_autofree char *invalid = fixture_path ("options-invalid.xml");

    run_cli (f, "refdata", "import", invalid, NULL);
    g_assert_nonnull (strstr (f->err, "options-invalid.xml:10:"));
  }

  run_cli (f, "refdata", "import", missing, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "nope.xml"));

  /* Two files of one kind are refused before anything is loaded. */
  run_cli (f, "refdata", "import", update, update, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "both options files"));
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  run_cli (f, "refdata", "list", "sectors", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "cassava"));
  g_assert_nonnull (strstr (f->out, "beer"));

  run_cli (f, "refdata", "list", "norms", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "19/2016/TT-BCT"));
  g_assert_nonnull (strstr (f->out, "286 MJ/hl"));

  run_cli (f, "refdata", "list", "provinces", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Kon Tum"));

  run_cli (f, "refdata", "list", "lists", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "option_category"));

  run_cli (f, "refdata", "list", "plans", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "2340/KH-UBND"));

  run_cli (f, "refdata", "list", "nonsense", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run_cli (f, "refdata", "import", NULL);
  g_assert_cmpint (f->status, ==, 2);
  run_cli (f, "refdata", NULL);
  g_assert_cmpint (f->status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  sh_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/refdata-cli/version", test_version);
  ADD ("/refdata-cli/import", test_import);
  ADD ("/refdata-cli/import-refused", test_import_refused);
  ADD ("/refdata-cli/list", test_list);
#undef ADD

  return g_test_run ();
}
