/* test-crash.c — edits survive a kill at any moment.
 *
 * A child process edits the database through the store in a tight loop and
 * reports each edit on a pipe once the store has returned from committing
 * it. The parent kills the child with SIGKILL at a random moment, then
 * checks that every reported edit is in the file and that the file passes
 * integrity_check. Repeated for many trials (SACHHON_CRASH_TRIALS, default
 * 50 so the suite stays quick; tests/crash-soak.sh runs hundreds).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh-store-private.h"
#include "sh-test-utils.h"

#define MAX_EDITS 100000

/* The child: never returns. Each edit adds a training event numbered i and
 * sets the facility's employee count to i; the number is written to the
 * pipe only after the store reports success. */
static void
run_child (const char *path,
           int         fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = sh_store_open (path, &error);
  g_autoptr(GPtrArray) facilities = NULL;
  gint64 facility;

  if (store == NULL || !(facilities = sh_store_list (store, "facility", NULL, 0, &error)))
    _exit (2);

  facility = sh_record_get_id (g_ptr_array_index (facilities, 0));

  for (gint32 i = 1; i < MAX_EDITS; i++)
    {
      g_autoptr(ShRecord) event = sh_record_new ("training_event");
      g_autofree char *title = g_strdup_printf ("Tập huấn %d", i);

      sh_record_set_int (event, "facility_id", facility);
      sh_record_set_string (event, "date", "2024-01-01");
      sh_record_set_string (event, "title", title);
      sh_record_set_int (event, "participant_count", i);
      if (sh_store_insert (store, event, &error) == 0 ||
          !sh_store_set_int (store, "facility", facility, "employees", i, &error))
        _exit (3);

      if (write (fd, &i, sizeof i) != sizeof i)
        _exit (4);
    }

  _exit (0);
}

static void
run_trial (const char *path,
           GRand      *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = NULL;
  g_autoptr(GPtrArray) facilities = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(ShRecord) facility = NULL;
  gint32 last_reported = 0;
  gint32 reported;
  gint32 target = g_rand_int_range (rand, 1, 60);
  guint64 count_before = 0;
  int fds[2];
  int status = 0;
  pid_t pid;

  store = sh_store_open (path, &error);
  g_assert_no_error (error);
  before = sh_store_list (store, "training_event", NULL, 0, &error);
  g_assert_no_error (error);
  count_before = before->len;
  g_clear_object (&store);

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      run_child (path, fds[1]);
    }
  close (fds[1]);

  /* Let it commit a random number of edits, then a random moment more. */
  while (last_reported < target && read (fds[0], &reported, sizeof reported) == sizeof reported)
    last_reported = reported;
  g_usleep (g_rand_int_range (rand, 0, 3000));
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));

  /* Edits reported before the kill are still in the pipe. */
  while (read (fds[0], &reported, sizeof reported) == sizeof reported)
    last_reported = reported;
  close (fds[0]);
  g_assert_cmpint (last_reported, >=, target);

  store = sh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sh_store_integrity_check (store, &error));
  g_assert_no_error (error);

  facilities = sh_store_list (store, "facility", NULL, 0, &error);
  facility = sh_record_ref (g_ptr_array_index (facilities, 0));

  /* Every reported edit is there; the one in flight at the kill may be
   * there too, but nothing beyond it. */
  {
    g_autoptr(GPtrArray) events = sh_store_list (store, "training_event", NULL, 0, &error);
    gint64 employees = sh_record_get_int (facility, "employees", 0);
    guint64 added = events->len - count_before;

    g_assert_cmpint (employees, >=, last_reported);
    g_assert_cmpint (employees, <=, last_reported + 1);
    g_assert_cmpuint (added, >=, (guint64) last_reported);
    g_assert_cmpuint (added, <=, (guint64) last_reported + 1);
    for (gint32 i = 1; i <= last_reported; i++)
      {
        ShRecord *event = g_ptr_array_index (events, count_before + i - 1);

        g_assert_cmpint (sh_record_get_int (event, "participant_count", 0), ==, i);
      }
  }

  /* The next trial starts from a clean slate of events. */
  g_assert_cmpint (sqlite3_exec (sh_store_get_db (store), "DELETE FROM training_event", NULL, NULL, NULL),
                   ==, SQLITE_OK);
}

static void
test_crash_kill_during_edits (void)
{
  g_autofree char *dir = sh_test_make_tmpdir ("crash");
  g_autofree char *path = g_build_filename (dir, "sachhon.db", NULL);
  const char *env = g_getenv ("SACHHON_CRASH_TRIALS");
  guint trials = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 50;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = sh_store_open (path, &error);
  g_autoptr(ShRecord) facility = sh_record_new ("facility");

  g_assert_no_error (error);
  sh_record_set_string (facility, "name", "Cơ sở thử nghiệm mất điện");
  sh_store_insert (store, facility, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  for (guint t = 0; t < trials; t++)
    run_trial (path, rand);

  sh_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);

  /* A dying child must not take the test with it through SIGPIPE. */
  signal (SIGPIPE, SIG_IGN);

  g_test_add_func ("/store/crash/kill-during-edits", test_crash_kill_during_edits);

  return g_test_run ();
}
