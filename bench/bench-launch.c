/* bench-launch.c — launch to first frame, against a bare GTK window.
 *
 * Starts the app on a database (SACHHON_BENCH_FIRST_FRAME makes it print
 * the monotonic time of its first painted frame and its peak RSS, then
 * quit) and, in turn, this program itself in --bare mode, which shows a
 * plain GtkWindow the same way: same renderer, same display. Prints the
 * median of several runs of each and the ratio.
 *
 *   bench-launch APP DATABASE [RUNS]      (run under Xvfb)
 *   bench-launch --bare                   (the floor; used by itself)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <gtk/gtk.h>

static void
bare_painted_cb (GdkFrameClock *clock,
                 GtkWindow     *window)
{
  struct rusage usage = { 0 };

  g_signal_handlers_disconnect_by_func (clock, bare_painted_cb, window);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("first-frame-us %" G_GINT64_FORMAT " max-rss-kb %ld\n", g_get_monotonic_time (), usage.ru_maxrss);
  gtk_window_destroy (window);
}

static void
bare_mapped_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (bare_painted_cb), window);
}

static void
bare_activate_cb (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Sạch Hơn"));
  g_signal_connect (window, "map", G_CALLBACK (bare_mapped_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_bare (void)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("org.sachhon.SachHon.BenchBare",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* Runs @argv once; returns FALSE if it did not report a first frame. */
static gboolean
measure (char   **argv,
         double  *out_ms,
         long    *out_rss_kb)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();
  gint64 painted = 0;
  const char *line;
  int status = 0;

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error))
    {
      g_printerr ("bench-launch: %s\n", error->message);
      return FALSE;
    }

  line = out != NULL ? strstr (out, "first-frame-us ") : NULL;
  if (line == NULL || sscanf (line, "first-frame-us %" G_GINT64_FORMAT " max-rss-kb %ld", &painted, out_rss_kb) != 2)
    {
      g_printerr ("bench-launch: %s did not report a first frame\n", argv[0]);
      return FALSE;
    }

  *out_ms = (painted - started) / 1000.0;
  return TRUE;
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

int
main (int   argc,
      char *argv[])
{
  g_autofree double *app_ms = NULL;
  g_autofree double *bare_ms = NULL;
  g_autofree double *app_rss = NULL;
  g_autofree double *bare_rss = NULL;
  g_autofree char *self = NULL;
  g_autofree char *db_arg = NULL;
  guint runs;

  if (argc == 2 && g_str_equal (argv[1], "--bare"))
    return run_bare ();

  if (argc < 3)
    {
      g_printerr ("usage: bench-launch APP DATABASE [RUNS]   (under Xvfb)\n");
      return 2;
    }

  runs = argc > 3 ? (guint) atoi (argv[3]) : 7;
  app_ms = g_new0 (double, runs);
  bare_ms = g_new0 (double, runs);
  app_rss = g_new0 (double, runs);
  bare_rss = g_new0 (double, runs);
  self = g_file_read_link ("/proc/self/exe", NULL);
  db_arg = g_strdup (argv[2]);
  g_setenv ("SACHHON_BENCH_FIRST_FRAME", "1", TRUE);

  /* Taking turns keeps both under the same load. */
  for (guint i = 0; i < runs; i++)
    {
      char *app_argv[] = { argv[1], (char *) "--db", db_arg, NULL };
      char *bare_argv[] = { self, (char *) "--bare", NULL };
      long rss = 0;

      if (!measure (app_argv, &app_ms[i], &rss))
        return 1;
      app_rss[i] = rss;
      if (!measure (bare_argv, &bare_ms[i], &rss))
        return 1;
      bare_rss[i] = rss;
    }

  printf ("Launch to first frame, median of %u runs (GSK_RENDERER=%s, GDK_DEBUG=%s)\n", runs,
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default",
          g_getenv ("GDK_DEBUG") ? g_getenv ("GDK_DEBUG") : "");
  printf ("%-28s %10s %14s\n", "", "ms", "peak RSS MB");
  printf ("%-28s %10.1f %14.1f\n", "bare GTK window (floor)", median (bare_ms, runs), median (bare_rss, runs) / 1024);
  printf ("%-28s %10.1f %14.1f\n", "sachhon on the database", median (app_ms, runs), median (app_rss, runs) / 1024);
  printf ("%-28s %9.2f× %13.2f×\n", "ratio", median (app_ms, runs) / median (bare_ms, runs),
          median (app_rss, runs) / median (bare_rss, runs));

  return 0;
}
