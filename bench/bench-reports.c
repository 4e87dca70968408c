/* bench-reports.c — reports, roll-up and evidence PDF, each against its floor.
 *
 *   bench-reports PROVINCE_DB REPORT_XSD WORK_DIR [N_REPORTS]
 *
 * 3. Exports N annual reports from the province-scale database, then
 *    imports and validates them into an empty database; the floor is
 *    `xmllint --noout --schema` over the same files.
 * 5. The evidence PDF of the demo's full detailed assessment (XML export,
 *    dossier, pages, PDF); the floor is a PDF of as many pages holding one
 *    line of text each, through the same Cairo and Pango.
 * 6. The provincial roll-up of one year at province scale; the floor is the
 *    one SQL query that counts the province's facilities and reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "sh-demo.h"
#include "sh-evidence.h"
#include "sh-refdata.h"
#include "sh-report-export.h"
#include "sh-report-import.h"
#include "sh-report-rollup.h"
#include "sh-store-private.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time (user + system) of this process, or of its waited-for
 * children: on a shared machine wall time also counts the others' work,
 * and the difference between the two is time spent waiting (fsync). */
static double
cpu_ms (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
row (const char *what,
     double      ms,
     double      floor_ms)
{
  printf ("%-52s %10.1f %10.1f %8.2f×\n", what, ms, floor_ms, ms / floor_ms);
}

static void
die (GError *error)
{
  g_printerr ("bench-reports: %s\n", error->message);
  exit (1);
}

static ShStore *
open_fresh (const char *path)
{
  g_autoptr(GError) error = NULL;
  ShStore *store;

  for (guint i = 0; i < 3; i++)
    {
      static const char *suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }

  store = sh_store_open (path, &error);
  if (store == NULL || !sh_refdata_ensure_loaded (store, &error))
    die (error);

  return store;
}

/* 3: export, import + validate, against xmllint. */
static void
bench_reports (ShStore    *province,
               const char *xsd,
               const char *dir,
               guint       n)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(ShStore) empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty_path = g_build_filename (dir, "import.db", NULL);
  sqlite3_stmt *stmt;
  double start, export_ms, import_ms, xmllint_ms;
  double cpu_start, export_cpu, import_cpu, xmllint_cpu;
  guint imported = 0;
  int status = 0;

  stmt = sh_store_prepare (province, "SELECT facility_id, year FROM annual_report ORDER BY id LIMIT ?1", &error);
  if (stmt == NULL)
    die (error);
  sqlite3_bind_int (stmt, 1, (int) n);

  start = now_ms ();
  cpu_start = cpu_ms (RUSAGE_SELF);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 facility = sqlite3_column_int64 (stmt, 0);
      int year = sqlite3_column_int (stmt, 1);
      g_autofree char *name = g_strdup_printf ("annual-%05u.xml", paths->len);
      char *path = g_build_filename (dir, name, NULL);

      if (!sh_report_export_annual (province, sh_units_get_default (), facility, year, path, NULL, &error))
        die (error);
      g_ptr_array_add (paths, path);
    }
  sqlite3_reset (stmt);
  export_ms = now_ms () - start;
  export_cpu = cpu_ms (RUSAGE_SELF) - cpu_start;

  empty = open_fresh (empty_path);
  g_ptr_array_add (paths, NULL);
  start = now_ms ();
  cpu_start = cpu_ms (RUSAGE_SELF);
  results = sh_report_import_files (empty, NULL, (const char * const *) paths->pdata, NULL);
  import_ms = now_ms () - start;
  import_cpu = cpu_ms (RUSAGE_SELF) - cpu_start;
  g_ptr_array_remove_index (paths, paths->len - 1);
  for (guint i = 0; i < results->len; i++)
    if (((ShReportImportResult *) results->pdata[i])->status == SH_REPORT_IMPORT_IMPORTED)
      imported++;

  g_ptr_array_add (argv, (gpointer) "xmllint");
  g_ptr_array_add (argv, (gpointer) "--noout");
  g_ptr_array_add (argv, (gpointer) "--nonet");
  g_ptr_array_add (argv, (gpointer) "--schema");
  g_ptr_array_add (argv, (gpointer) xsd);
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (argv, paths->pdata[i]);
  g_ptr_array_add (argv, NULL);
  start = now_ms ();
  cpu_start = cpu_ms (RUSAGE_CHILDREN);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    die (error);
  xmllint_ms = now_ms () - start;
  xmllint_cpu = cpu_ms (RUSAGE_CHILDREN) - cpu_start;

  printf ("3. %u annual reports (%u imported into an empty database; xmllint exit %d)\n",
          paths->len, imported, status);
  printf ("%-52s %10s %10s %9s\n", "", "ms", "floor ms", "ratio");
  row ("export all (floor: xmllint --schema over them)", export_ms, xmllint_ms);
  row ("import + validate all (floor: xmllint --schema)", import_ms, xmllint_ms);
  row ("  the same, CPU time only: export", export_cpu, xmllint_cpu);
  row ("  the same, CPU time only: import + validate", import_cpu, xmllint_cpu);
  printf ("\n");
}

/* A PDF of @n_pages pages holding one line of text each: the floor. */
static void
write_plain_pdf (const char *path,
                 guint       n_pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595.276, 841.89);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_layout_set_text (layout, "Hồ sơ đề nghị chứng nhận áp dụng sản xuất sạch hơn", -1);
  for (guint i = 0; i < n_pages; i++)
    {
      cairo_move_to (cr, 72, 72);
      pango_cairo_show_layout (cr, layout);
      cairo_show_page (cr);
    }

  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* 5: the evidence PDF of a full detailed assessment. */
static void
bench_evidence (const char *dir)
{
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *xml = g_build_filename (dir, "dossier.xml", NULL);
  g_autofree char *pdf = g_build_filename (dir, "dossier.pdf", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.pdf", NULL);
  g_autoptr(ShStore) store = open_fresh (db);
  g_autoptr(GError) error = NULL;
  double ms[5], floor[5];
  guint n_pages = 0;

  if (!sh_demo_ensure (store, &error))
    die (error);

  for (guint run = 0; run < G_N_ELEMENTS (ms); run++)
    {
      double start = now_ms ();

      if (!sh_evidence_export (store, sh_units_get_default (), sh_demo_cassava_assessment (store),
                               xml, pdf, "vi", &n_pages, NULL, &error))
        die (error);
      ms[run] = now_ms () - start;

      start = now_ms ();
      write_plain_pdf (plain, n_pages);
      floor[run] = now_ms () - start;
    }

  printf ("5. Evidence dossier of the demo's detailed assessment (%u pages, median of %u)\n",
          n_pages, (guint) G_N_ELEMENTS (ms));
  printf ("%-52s %10s %10s %9s\n", "", "ms", "floor ms", "ratio");
  row ("XML export + dossier + PDF (floor: plain PDF, same pages)",
       median (ms, G_N_ELEMENTS (ms)), median (floor, G_N_ELEMENTS (floor)));
  printf ("\n");
}

/* 6: the provincial roll-up of one year. */
static void
bench_rollup (ShStore *province)
{
  g_autoptr(GError) error = NULL;
  ShReportRollupParams params;
  double ms[5], cpu[5], floor[5];
  sqlite3_stmt *stmt;
  int year = 2023;
  guint n_facilities = 0;

  stmt = sh_store_prepare (province,
                           "SELECT count(*), (SELECT count(*) FROM annual_report r JOIN facility g "
                           "ON g.id = r.facility_id WHERE g.province_code = ?1 AND r.year = ?2) "
                           "FROM facility WHERE province_code = ?1", &error);
  if (stmt == NULL)
    die (error);

  for (guint run = 0; run < G_N_ELEMENTS (ms); run++)
    {
      g_autoptr(ShReportRollup) rollup = NULL;
      double start = now_ms ();
      double cpu_start = cpu_ms (RUSAGE_SELF);

      sh_report_rollup_params_init (&params, "62", year);
      rollup = sh_report_rollup_compute (province, sh_units_get_default (), &params, &error);
      if (rollup == NULL)
        die (error);
      ms[run] = now_ms () - start;
      cpu[run] = cpu_ms (RUSAGE_SELF) - cpu_start;

      start = now_ms ();
      sqlite3_bind_text (stmt, 1, "62", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, year);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n_facilities = (guint) sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      floor[run] = now_ms () - start;
    }

  printf ("6. Provincial roll-up of %d, province 62 (%u facilities, median of %u)\n",
          year, n_facilities, (guint) G_N_ELEMENTS (ms));
  printf ("%-52s %10s %10s %9s\n", "", "ms", "floor ms", "ratio");
  row ("roll-up (floor: one SQL count of facilities/reports)",
       median (ms, G_N_ELEMENTS (ms)), median (floor, G_N_ELEMENTS (floor)));
  row ("  the same, CPU time of the roll-up", median (cpu, G_N_ELEMENTS (cpu)), median (floor, G_N_ELEMENTS (floor)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ShStore) province = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  setlocale (LC_ALL, "");
  if (argc < 4)
    {
      g_printerr ("usage: bench-reports PROVINCE_DB REPORT_XSD WORK_DIR [N_REPORTS]\n");
      return 2;
    }
  n = argc > 4 ? (guint) atoi (argv[4]) : 1000;
  g_mkdir_with_parents (argv[3], 0700);

  province = sh_store_open (argv[1], &error);
  if (province == NULL)
    die (error);

  bench_reports (province, argv[2], argv[3], n);
  bench_evidence (argv[3]);
  bench_rollup (province);

  pango_cairo_font_map_set_default (NULL);
  return 0;
}
