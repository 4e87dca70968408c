/* bench-store.c — autosave latency of one field edit, against its floor.
 *
 * The app saves every field edit as its own transaction. This measures the
 * latency of one edit through the store (sh_store_set_string) and through
 * the undo stack the GUI uses, next to the floor: a raw prepared SQLite
 * UPDATE in autocommit on the same file with the same pragmas (WAL,
 * synchronous=FULL). Prints p50 and p99 of each and the ratios.
 *
 *   bench-store [N_EDITS] [DIR]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "sh-demo.h"
#include "sh-store-private.h"
#include "sh-undo.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *samples,
            double  p)
{
  guint index;

  g_array_sort (samples, compare_doubles);
  index = (guint) (p / 100.0 * (samples->len - 1) + 0.5);
  return g_array_index (samples, double, index);
}

static void
print_row (const char *name,
           GArray     *samples,
           GArray     *floor)
{
  double p50 = percentile (samples, 50);
  double p99 = percentile (samples, 99);

  if (floor != NULL)
    printf ("%-34s %9.3f %9.3f %8.2f× %8.2f×\n", name, p50, p99,
            p50 / percentile (floor, 50), p99 / percentile (floor, 99));
  else
    printf ("%-34s %9.3f %9.3f %9s %9s\n", name, p50, p99, "1.00×", "1.00×");
}

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *update;
} Raw;

static gboolean
raw_open (Raw        *raw,
          const char *path,
          const char *synchronous)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA journal_mode = WAL; PRAGMA synchronous = %s; "
                                              "PRAGMA foreign_keys = ON", synchronous);

  if (sqlite3_open (path, &raw->db) != SQLITE_OK ||
      sqlite3_exec (raw->db, pragmas, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (raw->db, "UPDATE cp_option SET description = ?1 WHERE id = ?2", -1,
                          &raw->update, NULL) != SQLITE_OK)
    {
      g_printerr ("bench-store: %s\n", sqlite3_errmsg (raw->db));
      return FALSE;
    }

  return TRUE;
}

static void
raw_close (Raw *raw)
{
  sqlite3_finalize (raw->update);
  sqlite3_close (raw->db);
}

static gboolean
raw_update (Raw        *raw,
            gint64      option,
            const char *value)
{
  int rc;

  sqlite3_bind_text (raw->update, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (raw->update, 2, option);
  rc = sqlite3_step (raw->update);
  sqlite3_reset (raw->update);
  if (rc != SQLITE_DONE)
    g_printerr ("bench-store: %s\n", sqlite3_errmsg (raw->db));

  return rc == SQLITE_DONE;
}

static void
add_sample (GArray *samples,
            gint64  start)
{
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  g_array_append_val (samples, ms);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  g_autofree char *dir = g_strdup (argc > 2 ? argv[2] : g_get_tmp_dir ());
  g_autofree char *path = g_build_filename (dir, "bench-store.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = NULL;
  g_autoptr(ShUndoStack) stack = NULL;
  g_autoptr(GArray) via_store = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) via_undo = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_normal = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) options = NULL;
  Raw full = { 0 };
  Raw normal = { 0 };
  gint64 assessment, option;

  /* Start from a fresh file each run. */
  for (guint i = 0; i < 3; i++)
    {
      static const char *suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }

  store = sh_store_open (path, &error);
  if (store == NULL || !sh_demo_ensure (store, &error))
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 1;
    }
  assessment = sh_demo_cassava_assessment (store);
  options = sh_store_list (store, "cp_option", "assessment_id", assessment, &error);
  option = sh_record_get_id (options->pdata[0]);
  stack = sh_undo_stack_new (store, assessment, &error);
  if (stack == NULL)
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 1;
    }

  if (!raw_open (&full, path, "FULL") || !raw_open (&normal, path, "NORMAL"))
    return 1;

  /* The four kinds of edit take turns, so disk and cache conditions are
   * the same for all; two values alternate so every edit really writes. */
  for (guint i = 0; i < n; i++)
    {
      const char *value = i % 2 ? "a" : "b";
      gint64 start;

      start = g_get_monotonic_time ();
      if (!raw_update (&full, option, value))
        return 1;
      add_sample (raw, start);

      start = g_get_monotonic_time ();
      if (!sh_store_set_string (store, "cp_option", option, "tech_notes", value, &error))
        break;
      add_sample (via_store, start);

      /* The GUI's path; stop merging so each edit is its own undo entry,
       * as when the user moves from field to field. */
      sh_undo_stack_stop_merging (stack);
      start = g_get_monotonic_time ();
      if (!sh_undo_stack_set_string (stack, "cp_option", option, "env_notes", value, &error))
        break;
      add_sample (via_undo, start);

      start = g_get_monotonic_time ();
      if (!raw_update (&normal, option, value))
        return 1;
      add_sample (raw_normal, start);
    }
  raw_close (&full);
  raw_close (&normal);
  if (error != NULL)
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 1;
    }

  printf ("Autosave latency of one field edit, %u edits each, on %s (ms)\n", n, dir);
  printf ("%-34s %9s %9s %9s %9s\n", "", "p50", "p99", "p50/floor", "p99/floor");
  print_row ("raw prepared UPDATE (floor)", raw, NULL);
  print_row ("sh_store_set_string", via_store, raw);
  print_row ("sh_undo_stack_set_string (GUI)", via_undo, raw);
  print_row ("raw UPDATE, synchronous=NORMAL", raw_normal, raw);

  return 0;
}
