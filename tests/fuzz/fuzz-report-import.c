/* fuzz-report-import.c — libFuzzer target: the XML report importer.
 *
 * Every input goes through sh_report_import_bytes() on one database (the
 * demo data, so documents can also collide with records that exist). The
 * importer must never crash, leak or misbehave under the sanitizers, and
 * must keep its contract: a refused document changes nothing.
 *
 * Built by run-fuzz.sh with clang -fsanitize=fuzzer; built with
 * fuzz-replay.c into an ordinary program that replays the corpus in the
 * unit tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "sh-demo.h"
#include "sh-report-import.h"
#include "sh-store-private.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static ShStore *store;
static char *directory;

static void
clean_up (void)
{
  g_autofree char *db = NULL;
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&store);
  if (directory == NULL)
    return;

  db = g_build_filename (directory, "fuzz.db", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);

      g_remove (path);
    }
  g_rmdir (directory);
  g_clear_pointer (&directory, g_free);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  directory = g_dir_make_tmp ("sh-fuzz-XXXXXX", &error);
  if (directory == NULL)
    g_error ("%s", error->message);
  atexit (clean_up);

  db = g_build_filename (directory, "fuzz.db", NULL);
  store = sh_store_open (db, &error);
  if (store == NULL || !sh_demo_ensure (store, &error))
    g_error ("%s", error->message);

  return 0;
}

/* How many rows the database holds: a refused document must not change it. */
static gint64
count_rows (void)
{
  sqlite3_stmt *stmt = sh_store_prepare (store,
                                         "SELECT (SELECT count (*) FROM submission) + (SELECT count (*) FROM facility) "
                                         "+ (SELECT count (*) FROM assessment) + (SELECT count (*) FROM cp_option)",
                                         NULL);
  gint64 n = -1;

  g_assert (stmt != NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(ShReportImportResult) result = NULL;
  gint64 before = count_rows ();

  result = sh_report_import_bytes (store, NULL, bytes, "fuzz.xml");

  g_assert (result != NULL);
  g_assert (result->summary != NULL);
  g_assert (result->problems != NULL);
  if (result->status == SH_REPORT_IMPORT_REFUSED)
    {
      g_assert (sh_report_problems_count (result->problems, SH_REPORT_SEVERITY_ERROR) > 0);
      g_assert (count_rows () == before);
    }
  if (result->status == SH_REPORT_IMPORT_UNCHANGED)
    g_assert (count_rows () == before);

  return 0;
}
