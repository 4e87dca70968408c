/* test-app-crash.c — a power cut while typing in the real window loses
 * nothing that was saved.
 *
 * test-crash kills a process that edits through the store. This one goes
 * through what a consultant actually uses: a child process (this binary
 * again, with --child) opens the real window on the facility page and
 * types numbers into the "employees" field, saving them both ways the
 * field saves — Enter, and the autosave timer after the last keystroke.
 * Each time the edit context reports the column changed (after the store
 * committed it) the child writes the number to a pipe. The parent kills
 * the child with SIGKILL at a random moment, then checks that the file
 * passes integrity_check, holds the last reported number (or the one in
 * flight), and that the app opens it at once — no recovery prompt — with
 * that number in the field. SACHHON_APP_CRASH_TRIALS sets the number of
 * trials (default 3: each starts a window).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtk/gtk.h>

#include "sh-application.h"
#include "sh-demo.h"
#include "sh-facility-page.h"
#include "sh-field-entry.h"
#include "sh-refdata.h"
#include "sh-store.h"
#include "sh-test-utils.h"
#include "sh-ui-test-utils.h"
#include "sh-window.h"

/* The field shows numbers with grouping from 1.000 on; staying below it
 * keeps the comparison with what is typed exact. */
#define MAX_EDITS 999

typedef struct
{
  int     fd;
  gint64  facility_id;
  gint32  typed;   /* the number in the field now */
  gint32  saved;   /* the last number the context reported saved */
} Child;

static void
child_changed_cb (ShEditContext *ctx,
                  const char    *table,
                  gint64         id,
                  const char    *column,
                  Child         *child)
{
  if (g_strcmp0 (table, "facility") != 0 || id != child->facility_id
      || g_strcmp0 (column, "employees") != 0)
    return;

  /* The context emits "changed" only once the store has committed. */
  child->saved = child->typed;
  if (write (child->fd, &child->saved, sizeof child->saved) != sizeof child->saved)
    _exit (4);
}

static ShWindow *
open_window (ShStore       *store,
             ShApplication *app,
             gint64         facility_id)
{
  ShWindow *window = sh_window_new (app, store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_present (GTK_WINDOW (window));
  SH_UI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));
  sh_window_select_facility (window, facility_id);
  SH_UI_WAIT_FOR (sh_window_get_facility_page (window) != NULL
                  && sh_facility_page_get_part (SH_FACILITY_PAGE (sh_window_get_facility_page (window)),
                                                "employees") != NULL);
  return window;
}

static ShFieldEntry *
employees_field (ShWindow *window)
{
  GtkWidget *page = sh_window_get_facility_page (window);

  return SH_FIELD_ENTRY (sh_facility_page_get_part (SH_FACILITY_PAGE (page), "employees"));
}

/* The child: never returns. */
static void
run_child (const char *path,
           int         fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = NULL;
  g_autoptr(ShApplication) app = NULL;
  Child child = { .fd = fd };
  ShWindow *window;
  ShFieldEntry *field;

  sh_application_init_i18n ();
  gtk_init ();

  if (!(store = sh_store_open (path, &error)))
    _exit (2);
  child.facility_id = sh_ui_test_cassava_facility (store);

  app = sh_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    _exit (2);

  window = open_window (store, app, child.facility_id);
  field = employees_field (window);
  g_signal_connect (sh_field_get_context (SH_FIELD (field)), "changed",
                    G_CALLBACK (child_changed_cb), &child);

  for (gint32 i = 1; i <= MAX_EDITS; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", i);

      child.typed = i;
      sh_field_entry_set_text (field, text);
      /* Two edits in three are ended with Enter; the third waits for the
       * autosave timer, as when the person just stops typing. */
      if (i % 3 != 0)
        gtk_widget_activate (sh_field_entry_get_input (field));
      SH_UI_WAIT_FOR (child.saved == i);
    }

  _exit (0);
}

static void
run_trial (const char *template_path,
           const char *path,
           GRand      *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (template_path);
  g_autoptr(GFile) to = g_file_new_for_path (path);
  g_autoptr(ShStore) store = NULL;
  g_autoptr(ShRecord) facility = NULL;
  g_autoptr(ShApplication) app = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *fd_text = NULL;
  gint32 target = g_rand_int_range (rand, 1, 40);
  gint32 last_reported = 0;
  gint32 reported;
  gint64 employees;
  ShWindow *window;
  int fds[2];
  int status = 0;
  pid_t pid;

  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (pipe (fds), ==, 0);
  fd_text = g_strdup_printf ("%d", fds[1]);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      execl ("/proc/self/exe", "test-app-crash", "--child", path, fd_text, (char *) NULL);
      _exit (5);
    }
  close (fds[1]);

  /* Let the window save a random number of edits, then a random moment
   * more: the kill lands anywhere, in a commit or between two. */
  while (last_reported < target && read (fds[0], &reported, sizeof reported) == sizeof reported)
    last_reported = reported;
  g_assert_cmpint (last_reported, ==, target);
  g_usleep (g_rand_int_range (rand, 0, 200000));
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));

  while (read (fds[0], &reported, sizeof reported) == sizeof reported)
    last_reported = reported;
  close (fds[0]);
  g_test_message ("killed after %d saved edits", last_reported);

  /* The file opens without a word and passes the full check. */
  store = sh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sh_store_integrity_check (store, &error));
  g_assert_no_error (error);

  facility = sh_store_get (store, "facility", sh_ui_test_cassava_facility (store), &error);
  g_assert_no_error (error);
  employees = sh_record_get_int (facility, "employees", 0);
  g_assert_cmpint (employees, >=, last_reported);
  g_assert_cmpint (employees, <=, last_reported + 1);

  /* The app opens it straight onto the page, no prompt, the number there. */
  app = sh_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  window = open_window (store, app, sh_record_get_id (facility));
  g_assert_null (sh_ui_test_find_message_dialog ());
  g_assert_null (sh_window_get_message (window));
  shown = sh_field_entry_get_text (employees_field (window));
  g_assert_cmpint (g_ascii_strtoll (shown, NULL, 10), ==, employees);

  gtk_window_destroy (GTK_WINDOW (window));
  sh_ui_test_drain ();
}

static void
test_kill_while_typing (void)
{
  g_autofree char *dir = sh_test_make_tmpdir ("app-crash");
  g_autofree char *template_path = g_build_filename (dir, "template.db", NULL);
  g_autofree char *path = g_build_filename (dir, "sachhon.db", NULL);
  const char *env = g_getenv ("SACHHON_APP_CRASH_TRIALS");
  guint trials = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 3;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = sh_store_open (template_path, &error);

  g_assert_no_error (error);
  sh_refdata_ensure_loaded (store, &error);
  g_assert_no_error (error);
  sh_demo_ensure (store, &error);
  g_assert_no_error (error);
  /* A closed file, without WAIT leftovers, to copy for each trial. */
  g_clear_object (&store);

  for (guint t = 0; t < trials; t++)
    run_trial (template_path, path, rand);

  sh_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    {
      run_child (argv[2], (int) g_ascii_strtoll (argv[3], NULL, 10));
      return 3;
    }

  sh_test_init (&argc, &argv);
  sh_application_init_i18n ();
  gtk_init ();

  g_test_add_func ("/app-crash/kill-while-typing", test_kill_while_typing);

  return g_test_run ();
}
