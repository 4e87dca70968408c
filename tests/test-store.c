/* test-store.c — the SQLite store: open, migrate, back up, refuse, audit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sh-store-private.h"
#include "sh-test-utils.h"

typedef struct
{
  char    *dir;
  char    *path;
  ShStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sh_test_make_tmpdir ("store");
  f->path = g_build_filename (f->dir, "sachhon.db", NULL);
  f->store = sh_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sh_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
add_facility (ShStore    *store,
              const char *name)
{
  g_autoptr(ShRecord) record = sh_record_new ("facility");
  g_autoptr(GError) error = NULL;
  gint64 id;

  sh_record_set_string (record, "name", name);
  sh_record_set_string (record, "province_code", "62");
  sh_record_set_int (record, "employees", 120);
  id = sh_store_insert (store, record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (sh_record_get_id (record), ==, id);
  g_assert_nonnull (sh_record_get_uuid (record));

  return id;
}

static gint64
add_assessment (ShStore *store,
                gint64   facility)
{
  g_autoptr(ShRecord) record = sh_record_new ("assessment");
  g_autoptr(GError) error = NULL;
  gint64 id;

  sh_record_set_int (record, "facility_id", facility);
  sh_record_set_string (record, "kind", "detailed");
  sh_record_set_string (record, "title", "Đánh giá chi tiết");
  id = sh_store_insert (store, record, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
add_option (ShStore *store,
            gint64   assessment)
{
  g_autoptr(ShRecord) record = sh_record_new ("cp_option");
  g_autoptr(GError) error = NULL;
  gint64 id;

  sh_record_set_int (record, "assessment_id", assessment);
  sh_record_set_string (record, "title", "Sửa rò rỉ");
  sh_record_set_string (record, "category", "GH");
  id = sh_store_insert (store, record, &error);
  g_assert_no_error (error);

  return id;
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static char *
pragma_text (ShStore    *store,
             const char *pragma)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (sh_store_get_db (store), pragma, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* ------------------------------------------------------------------------- */

static void
test_store_create (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *journal = pragma_text (f->store, "PRAGMA journal_mode");
  g_autofree char *sync = pragma_text (f->store, "PRAGMA synchronous");
  g_autofree char *fk = pragma_text (f->store, "PRAGMA foreign_keys");
  g_autoptr(GPtrArray) facilities = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sh_store_get_schema_version (f->store), ==, SH_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (sh_store_get_path (f->store), ==, f->path);
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpstr (sync, ==, "2");   /* FULL */
  g_assert_cmpstr (fk, ==, "1");
  /* A new database is not migrated from anything, so it has no backup. */
  g_assert_null (sh_store_get_backup_path (f->store));

  facilities = sh_store_list (f->store, "facility", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facilities->len, ==, 0);

  g_assert_true (sh_store_integrity_check (f->store, &error));
  g_assert_no_error (error);
}

static void
test_store_default_path (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("SACHHON_DB"));
  g_autofree char *from_env = NULL;
  g_autofree char *from_xdg = NULL;
  g_autofree char *expected = NULL;

  g_setenv ("SACHHON_DB", "/srv/so-cong-thuong/kontum.db", TRUE);
  from_env = sh_store_default_path ();
  g_assert_cmpstr (from_env, ==, "/srv/so-cong-thuong/kontum.db");

  g_unsetenv ("SACHHON_DB");
  from_xdg = sh_store_default_path ();
  expected = g_build_filename (g_get_user_data_dir (), "sachhon", "sachhon.db", NULL);
  g_assert_cmpstr (from_xdg, ==, expected);

  if (saved != NULL)
    g_setenv ("SACHHON_DB", saved, TRUE);
}

static void
test_store_reopen_keeps_data (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) row = NULL;
  gint64 id = add_facility (f->store, "Nhà máy đường Kon Tum");

  g_clear_object (&f->store);
  f->store = sh_store_open (f->path, &error);
  g_assert_no_error (error);

  row = sh_store_get (f->store, "facility", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sh_record_get_string (row, "name"), ==, "Nhà máy đường Kon Tum");
  g_assert_cmpint (sh_record_get_int (row, "employees", 0), ==, 120);
  g_assert_cmpuint (strlen (sh_record_get_uuid (row)), ==, 36);
  g_assert_nonnull (sh_record_get_string (row, "created_at"));
}

static void
test_store_creates_folder (void)
{
  g_autofree char *dir = sh_test_make_tmpdir ("store-folder");
  g_autofree char *path = g_build_filename (dir, "a", "b", "sachhon.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = sh_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&store);
  sh_test_rm_rf (dir);
}

/* ------------------------------------------------------------------------- */

static const char *v1_only[] = {
  "CREATE TABLE note (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, text TEXT NOT NULL);",
  NULL,
};

static const char *v1_v2[] = {
  "CREATE TABLE note (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, text TEXT NOT NULL);",
  "ALTER TABLE note ADD COLUMN author TEXT; UPDATE note SET author = 'migrated';",
  NULL,
};

static const char *v1_broken_v2[] = {
  "CREATE TABLE note (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, text TEXT NOT NULL);",
  "ALTER TABLE note ADD COLUMN author TEXT; UPDATE note SET author = 'x'; SELECT no_such_function ();",
  NULL,
};

static void
add_note (ShStore    *store,
          const char *text)
{
  g_autoptr(ShRecord) record = sh_record_new ("note");
  g_autoptr(GError) error = NULL;

  sh_record_set_string (record, "text", text);
  sh_store_insert (store, record, &error);
  g_assert_no_error (error);
}

static void
test_store_migrate_from_v1 (void)
{
  g_autofree char *dir = sh_test_make_tmpdir ("migrate");
  g_autofree char *path = g_build_filename (dir, "sachhon.db", NULL);
  g_autofree char *latest = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = NULL;
  g_autoptr(ShStore) backup = NULL;
  g_autoptr(GPtrArray) notes = NULL;

  store = sh_store_open_with_migrations (path, v1_only, &error);
  g_assert_no_error (error);
  add_note (store, "before the upgrade");
  g_assert_cmpint (sh_store_get_schema_version (store), ==, 1);
  g_clear_object (&store);

  store = sh_store_open_with_migrations (path, v1_v2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sh_store_get_schema_version (store), ==, 2);

  /* The data came through, and the new column was filled in. */
  notes = sh_store_list (store, "note", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (sh_record_get_string (notes->pdata[0], "text"), ==, "before the upgrade");
  g_assert_cmpstr (sh_record_get_string (notes->pdata[0], "author"), ==, "migrated");

  /* A backup of the version-1 file was written beside it first. */
  g_assert_nonnull (sh_store_get_backup_path (store));
  g_assert_true (g_str_has_prefix (sh_store_get_backup_path (store), path));
  g_assert_true (g_str_has_suffix (sh_store_get_backup_path (store), ".bak"));
  latest = sh_store_find_latest_backup (path);
  g_assert_cmpstr (latest, ==, sh_store_get_backup_path (store));

  backup = sh_store_open_with_migrations (sh_store_get_backup_path (store), v1_only, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sh_store_get_schema_version (backup), ==, 1);
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = sh_store_list (backup, "note", NULL, 0, &error);
  g_assert_cmpuint (notes->len, ==, 1);

  g_clear_object (&store);
  g_clear_object (&backup);
  sh_test_rm_rf (dir);
}

static void
test_store_migrate_failure_keeps_file (void)
{
  g_autofree char *dir = sh_test_make_tmpdir ("migrate-fail");
  g_autofree char *path = g_build_filename (dir, "sachhon.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = NULL;
  g_autoptr(GPtrArray) notes = NULL;

  store = sh_store_open_with_migrations (path, v1_only, &error);
  g_assert_no_error (error);
  add_note (store, "precious");
  g_clear_object (&store);

  store = sh_store_open_with_migrations (path, v1_broken_v2, &error);
  g_assert_null (store);
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_FAILED);
  /* The message names the file and the backup. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, ".bak"));
  g_clear_error (&error);

  /* The half-done migration was rolled back: still version 1, same data. */
  store = sh_store_open_with_migrations (path, v1_only, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sh_store_get_schema_version (store), ==, 1);
  notes = sh_store_list (store, "note", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_false (sh_record_has (notes->pdata[0], "author"));

  g_clear_object (&store);
  sh_test_rm_rf (dir);
}

static void
test_store_refuse_newer (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ShStore) store = NULL;

  add_facility (f->store, "Cơ sở A");
  g_assert_cmpint (sqlite3_exec (sh_store_get_db (f->store), "PRAGMA user_version = 99", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_clear_object (&f->store);
  before = file_checksum (f->path);

  store = sh_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "99"));

  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_store_corrupt_not_sqlite (void)
{
  g_autofree char *dir = sh_test_make_tmpdir ("corrupt");
  g_autofree char *path = g_build_filename (dir, "sachhon.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "sachhon.db.v1-20250101T000000.000000Z.bak", NULL);
  g_autofree char *older = g_build_filename (dir, "sachhon.db.v1-20240101T000000.000000Z.bak", NULL);
  const char *text = "Báo cáo SXSH — this is a text file, not a database.\n";
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  store = sh_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  /* With backups beside it, the message names the newest one. */
  g_assert_true (g_file_set_contents (older, "x", -1, NULL));
  g_assert_true (g_file_set_contents (backup, "x", -1, NULL));
  store = sh_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, backup));

  /* Never a new empty database over it. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);

  sh_test_rm_rf (dir);
}

static void
test_store_corrupt_damaged (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length = 0;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Cơ sở số %u với một cái tên khá dài để lấp đầy trang", i);
      add_facility (f->store, name);
    }
  /* Fold the WAL into the main file so the damage below hits real pages. */
  g_assert_cmpint (sqlite3_exec (sh_store_get_db (f->store), "PRAGMA wal_checkpoint(TRUNCATE)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&f->store);

  /* Scribble over every page after the first, keeping the header valid. */
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char) (0xA5 ^ (i & 0xff));
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));
  before = file_checksum (f->path);

  store = sh_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, f->path));

  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* Fills @store with enough facilities to span many pages and folds the
 * write-ahead log into the main file. */
static void
fill_pages (ShStore *store)
{
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *name = g_strdup_printf ("Cơ sở số %u với một cái tên khá dài để lấp đầy trang", i);
      add_facility (store, name);
    }
  g_assert_cmpint (sqlite3_exec (sh_store_get_db (store), "PRAGMA wal_checkpoint(TRUNCATE)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

/* Scribbles over the last three pages of the file, leaving its first pages (the
 * schema and the first page of each table) intact. */
static void
damage_late_pages (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16 * 4096);
  for (gsize i = length - 3 * 4096; i < length; i++)
    contents[i] = (char) (0x5A ^ (i & 0xff));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
test_store_corrupt_found_later (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  fill_pages (f->store);
  g_clear_object (&f->store);
  damage_late_pages (f->path);

  /* Opening only probes, so it succeeds... */
  f->store = sh_store_open (f->path, &error);
  g_assert_no_error (error);

  /* ...the background check finds the damage and names the file... */
  g_assert_false (sh_store_check_file (f->path, NULL, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);

  /* ...and so does reading the damaged rows, without crashing. */
  all = sh_store_list (f->store, "facility", NULL, 0, &error);
  g_assert_null (all);
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, f->path));
}

static void
test_store_check_file_ok (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  fill_pages (f->store);
  g_assert_true (sh_store_check_file (f->path, NULL, &error));
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);
  g_assert_false (sh_store_check_file (f->path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_store_corrupt_after_crash (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  int status = 0;
  pid_t pid;

  fill_pages (f->store);
  g_clear_object (&f->store);

  /* A child writes once more and dies without closing: its log stays. */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      ShStore *child = sh_store_open (f->path, NULL);

      if (child == NULL)
        _exit (2);
      add_facility (child, "Ghi dở trước khi mất điện");
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* Damage the probe would not see: after an unclean shutdown the whole
   * file is checked at open. */
  damage_late_pages (f->path);
  store = sh_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, f->path));
}

static void
test_store_other_sqlite_file (void)
{
  g_autofree char *dir = sh_test_make_tmpdir ("other");
  g_autofree char *path = g_build_filename (dir, "photos.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE photo (id INTEGER PRIMARY KEY, path TEXT)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = sh_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_CORRUPT);

  sh_test_rm_rf (dir);
}

static void
test_store_locked (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) record = sh_record_new ("facility");
  gint64 id = add_facility (f->store, "Cơ sở A");
  sqlite3 *other = NULL;

  /* Another program holds the write lock. */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (sh_store_set_string (f->store, "facility", id, "name", "Cơ sở B", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  /* Once free, the same edit goes through. */
  g_assert_true (sh_store_set_string (f->store, "facility", id, "name", "Cơ sở B", &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------- */

static void
test_store_foreign_keys (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ShRecord) record = sh_record_new ("assessment");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 facility, assessment;

  sh_record_set_int (record, "facility_id", 9999);
  sh_record_set_string (record, "kind", "quick");
  g_assert_cmpint (sh_store_insert (f->store, record, &error), ==, 0);
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Deleting a facility deletes its assessments and their options. */
  facility = add_facility (f->store, "Cơ sở A");
  assessment = add_assessment (f->store, facility);
  add_option (f->store, assessment);
  g_assert_true (sh_store_delete (f->store, "facility", facility, &error));
  g_assert_no_error (error);
  all = sh_store_list (f->store, "cp_option", NULL, 0, &error);
  g_assert_cmpuint (all->len, ==, 0);
  g_assert_null (sh_store_get (f->store, "assessment", assessment, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_NOT_FOUND);
}

static void
test_store_checks (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ShRecord) bad_kind = sh_record_new ("assessment");
  g_autoptr(ShRecord) bad_table = sh_record_new ("no_such_table");
  g_autoptr(ShRecord) bad_column = sh_record_new ("facility");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 facility = add_facility (f->store, "Cơ sở A");
  gint64 assessment;

  sh_record_set_int (bad_kind, "facility_id", facility);
  sh_record_set_string (bad_kind, "kind", "audit");
  g_assert_cmpint (sh_store_insert (f->store, bad_kind, &error), ==, 0);
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "assessment"));
  g_clear_error (&error);
  all = sh_store_list (f->store, "assessment", NULL, 0, &error);
  g_assert_cmpuint (all->len, ==, 0);

  g_assert_cmpint (sh_store_insert (f->store, bad_table, &error), ==, 0);
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  sh_record_set_string (bad_column, "name", "X");
  sh_record_set_string (bad_column, "colour", "green");
  g_assert_cmpint (sh_store_insert (f->store, bad_column, &error), ==, 0);
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "colour"));
  g_clear_error (&error);

  /* Text never lands in a number field, a negative count is refused, and
   * the last good value stays. */
  g_assert_false (sh_store_set_string (f->store, "facility", facility, "employees", "nhiều", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sh_store_set_int (f->store, "facility", facility, "employees", -5, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sh_store_set_string (f->store, "facility", facility, "name", "   ", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(ShRecord) row = sh_store_get (f->store, "facility", facility, &error);

    g_assert_cmpint (sh_record_get_int (row, "employees", 0), ==, 120);
    g_assert_cmpstr (sh_record_get_string (row, "name"), ==, "Cơ sở A");
  }

  /* Dates out of order. */
  assessment = add_assessment (f->store, facility);
  g_assert_true (sh_store_set_string (f->store, "assessment", assessment, "start_date", "2024-05-10", &error));
  g_assert_false (sh_store_set_string (f->store, "assessment", assessment, "end_date", "2024-05-01", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Identity and lifecycle fields are not edited as fields. */
  g_assert_false (sh_store_set_string (f->store, "facility", facility, "uuid", "x", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sh_store_set_string (f->store, "assessment", assessment, "status", "finalized", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sh_store_set_string (f->store, "facility", 424242, "name", "X", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_NOT_FOUND);
}

static void
test_store_update_old_value (Fixture       *f,
                             gconstpointer  data)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) old = G_VALUE_INIT;
  g_auto(GValue) old_null = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) row = NULL;
  gint64 id = add_facility (f->store, "Cơ sở A");

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, 250);
  g_assert_true (sh_store_update (f->store, "facility", id, "employees", &value, &old, &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS_INT64 (&old));
  g_assert_cmpint (g_value_get_int64 (&old), ==, 120);

  /* A NULL before the edit leaves old_value unset (so undo writes NULL). */
  g_assert_true (sh_store_update (f->store, "facility", id, "email", NULL, &old_null, &error));
  g_assert_false (G_IS_VALUE (&old_null));

  row = sh_store_get (f->store, "facility", id, &error);
  g_assert_cmpint (sh_record_get_int (row, "employees", 0), ==, 250);

  /* Integers go into REAL columns as numbers. */
  g_assert_true (sh_store_set_int (f->store, "facility", id, "latitude", 14, &error));
  g_assert_no_error (error);
}

static void
test_store_list_order (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  gint64 facility = add_facility (f->store, "Cơ sở A");
  gint64 assessment = add_assessment (f->store, facility);
  const char *names[] = { "Sấy", "Rửa", "Mài" };
  const int seqs[] = { 3, 1, 2 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(ShRecord) step = sh_record_new ("process_step");

      sh_record_set_int (step, "assessment_id", assessment);
      sh_record_set_int (step, "seq", seqs[i]);
      sh_record_set_string (step, "name", names[i]);
      sh_store_insert (f->store, step, &error);
      g_assert_no_error (error);
    }

  steps = sh_store_list (f->store, "process_step", "assessment_id", assessment, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 3);
  g_assert_cmpstr (sh_record_get_string (steps->pdata[0], "name"), ==, "Rửa");
  g_assert_cmpstr (sh_record_get_string (steps->pdata[1], "name"), ==, "Mài");
  g_assert_cmpstr (sh_record_get_string (steps->pdata[2], "name"), ==, "Sấy");

  g_assert_null (sh_store_list (f->store, "process_step", "no_column", 1, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
}

static void
test_store_transactions (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_true (sh_store_begin (f->store, &error));
  add_facility (f->store, "kept");
  g_assert_true (sh_store_begin (f->store, &error));
  add_facility (f->store, "rolled back");
  sh_store_rollback (f->store);
  g_assert_true (sh_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_assert_true (sh_store_begin (f->store, &error));
  add_facility (f->store, "also rolled back");
  sh_store_rollback (f->store);

  all = sh_store_list (f->store, "facility", NULL, 0, &error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (sh_record_get_string (all->pdata[0], "name"), ==, "kept");
}

static void
test_store_backup_to (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *dest = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) copy = NULL;
  g_autoptr(GPtrArray) all = NULL;

  add_facility (f->store, "Cơ sở A");
  g_assert_true (sh_store_backup_to (f->store, dest, &error));
  g_assert_no_error (error);

  copy = sh_store_open (dest, &error);
  g_assert_no_error (error);
  all = sh_store_list (copy, "facility", NULL, 0, &error);
  g_assert_cmpuint (all->len, ==, 1);
}

/* ------------------------------------------------------------------------- */

static void
test_store_audit_trail (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(ShRecord) row = NULL;
  g_autoptr(ShRecord) saving = sh_record_new ("option_saving");
  gint64 facility = add_facility (f->store, "Cơ sở A");
  gint64 assessment = add_assessment (f->store, facility);
  gint64 option = add_option (f->store, assessment);
  ShRecord *entry;

  sh_store_set_user (f->store, "Võ Thanh Sơn");

  /* Drafts are edited freely and leave no trail. */
  g_assert_true (sh_store_set_string (f->store, "cp_option", option, "title", "Sửa rò rỉ hơi", &error));
  audit = sh_store_list_audit (f->store, assessment, &error);
  g_assert_cmpuint (audit->len, ==, 0);
  g_clear_pointer (&audit, g_ptr_array_unref);

  g_assert_true (sh_store_finalize_assessment (f->store, assessment, &error));
  g_assert_no_error (error);
  g_assert_true (sh_store_is_assessment_locked (f->store, assessment));
  row = sh_store_get (f->store, "assessment", assessment, &error);
  g_assert_cmpstr (sh_record_get_string (row, "status"), ==, "finalized");
  g_assert_nonnull (sh_record_get_string (row, "finalized_at"));

  /* Finalized: read-only, for the assessment and everything in it. */
  g_assert_false (sh_store_set_string (f->store, "cp_option", option, "title", "X", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (sh_store_set_string (f->store, "assessment", assessment, "focus", "X", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  sh_record_set_int (saving, "option_id", option);
  sh_record_set_string (saving, "resource_code", "water");
  sh_record_set_double (saving, "quantity", 1000);
  sh_record_set_string (saving, "unit", "m3");
  g_assert_cmpint (sh_store_insert (f->store, saving, &error), ==, 0);
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (sh_store_delete (f->store, "cp_option", option, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Reopening needs a reason. */
  g_assert_false (sh_store_reopen_assessment (f->store, assessment, "  ", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sh_store_reopen_assessment (f->store, assessment, "Sở yêu cầu sửa số liệu nước", &error));
  g_assert_no_error (error);
  g_assert_false (sh_store_is_assessment_locked (f->store, assessment));

  /* Every change now records old, new, when, who and why. */
  g_assert_true (sh_store_set_string (f->store, "cp_option", option, "title", "Sửa rò rỉ nước", &error));
  g_assert_cmpint (sh_store_insert (f->store, saving, &error), >, 0);
  g_assert_no_error (error);
  /* The same value again is not a change. */
  g_assert_true (sh_store_set_string (f->store, "cp_option", option, "title", "Sửa rò rỉ nước", &error));

  audit = sh_store_list_audit (f->store, assessment, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 3);

  entry = audit->pdata[0];
  g_assert_cmpstr (sh_record_get_string (entry, "column_name"), ==, "status");
  g_assert_cmpstr (sh_record_get_string (entry, "old_value"), ==, "finalized");
  g_assert_cmpstr (sh_record_get_string (entry, "new_value"), ==, "draft");
  g_assert_cmpstr (sh_record_get_string (entry, "why"), ==, "Sở yêu cầu sửa số liệu nước");
  g_assert_cmpstr (sh_record_get_string (entry, "who"), ==, "Võ Thanh Sơn");

  entry = audit->pdata[1];
  g_assert_cmpstr (sh_record_get_string (entry, "table_name"), ==, "cp_option");
  g_assert_cmpint (sh_record_get_int (entry, "row_id", 0), ==, option);
  g_assert_cmpstr (sh_record_get_string (entry, "column_name"), ==, "title");
  g_assert_cmpstr (sh_record_get_string (entry, "old_value"), ==, "Sửa rò rỉ hơi");
  g_assert_cmpstr (sh_record_get_string (entry, "new_value"), ==, "Sửa rò rỉ nước");
  g_assert_cmpstr (sh_record_get_string (entry, "why"), ==, "Sở yêu cầu sửa số liệu nước");
  g_assert_cmpstr (sh_record_get_string (entry, "who"), ==, "Võ Thanh Sơn");
  g_assert_nonnull (sh_record_get_string (entry, "changed_at"));

  entry = audit->pdata[2];
  g_assert_cmpstr (sh_record_get_string (entry, "table_name"), ==, "option_saving");
  g_assert_cmpstr (sh_record_get_string (entry, "new_value"), ==, "inserted");

  /* The trail itself cannot be edited. */
  g_assert_cmpint (sqlite3_exec (sh_store_get_db (f->store), "UPDATE audit_log SET why = 'x'",
                                 NULL, NULL, NULL), !=, SQLITE_OK);

  /* Finalizing again is itself recorded. */
  g_clear_pointer (&audit, g_ptr_array_unref);
  g_assert_true (sh_store_finalize_assessment (f->store, assessment, &error));
  audit = sh_store_list_audit (f->store, assessment, &error);
  g_assert_cmpuint (audit->len, ==, 4);
  g_assert_cmpstr (sh_record_get_string (audit->pdata[3], "new_value"), ==, "finalized");

  /* Finalizing twice is refused. */
  g_assert_false (sh_store_finalize_assessment (f->store, assessment, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
}

static void
test_store_owner (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) investment = sh_record_new ("option_investment");
  gint64 facility = add_facility (f->store, "Cơ sở A");
  gint64 assessment = add_assessment (f->store, facility);
  gint64 option = add_option (f->store, assessment);
  gint64 id;

  sh_record_set_int (investment, "option_id", option);
  sh_record_set_string (investment, "item", "equipment");
  sh_record_set_int (investment, "amount_vnd", 38000000);
  id = sh_store_insert (f->store, investment, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sh_store_owner_assessment (f->store, "option_investment", id, &error), ==, assessment);
  g_assert_cmpint (sh_store_owner_assessment (f->store, "cp_option", option, &error), ==, assessment);
  g_assert_cmpint (sh_store_owner_assessment (f->store, "assessment", assessment, &error), ==, assessment);
  g_assert_cmpint (sh_store_owner_assessment (f->store, "facility", facility, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_store_disk_full (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) row = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 id = add_facility (f->store, "Cơ sở A");
  g_autofree char *big = g_strnfill (200000, 'x');
  g_autofree char *pages = pragma_text (f->store, "PRAGMA page_count");
  g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %s", pages);

  /* SQLite reports SQLITE_FULL once the file may not grow: the same path
   * as a full disk, without needing a small filesystem. */
  g_assert_cmpint (sqlite3_exec (sh_store_get_db (f->store), limit, NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (sh_store_set_string (f->store, "facility", id, "notes", big, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);

  /* A multi-row change fails whole. */
  g_assert_true (sh_store_begin (f->store, &error));
  add_facility (f->store, "Cơ sở B");
  {
    g_autoptr(ShRecord) heavy = sh_record_new ("facility");

    sh_record_set_string (heavy, "name", "Cơ sở C");
    sh_record_set_string (heavy, "notes", big);
    g_assert_cmpint (sh_store_insert (f->store, heavy, &error), ==, 0);
    g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_IO);
    g_clear_error (&error);
  }
  sh_store_rollback (f->store);

  /* The last good state is intact and the store still works. */
  row = sh_store_get (f->store, "facility", id, &error);
  g_assert_no_error (error);
  g_assert_null (sh_record_get_string (row, "notes"));
  all = sh_store_list (f->store, "facility", NULL, 0, &error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_true (sh_store_set_string (f->store, "facility", id, "district", "Đắk Tô", &error));
  g_assert_no_error (error);
  g_assert_true (sh_store_integrity_check (f->store, &error));
}

static void
test_store_read_only (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) row = NULL;
  gint64 id = add_facility (f->store, "Cơ sở A");

  /* As a read-only medium would: every write is refused by SQLite. */
  g_assert_cmpint (sqlite3_exec (sh_store_get_db (f->store), "PRAGMA query_only = 1", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_false (sh_store_set_string (f->store, "facility", id, "name", "Cơ sở B", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (sh_store_get_db (f->store), "PRAGMA query_only = 0", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  row = sh_store_get (f->store, "facility", id, &error);
  g_assert_cmpstr (sh_record_get_string (row, "name"), ==, "Cơ sở A");
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/create", test_store_create);
  g_test_add_func ("/store/default-path", test_store_default_path);
  ADD ("/store/reopen", test_store_reopen_keeps_data);
  g_test_add_func ("/store/creates-folder", test_store_creates_folder);
  g_test_add_func ("/store/migrate/from-v1", test_store_migrate_from_v1);
  g_test_add_func ("/store/migrate/failure-keeps-file", test_store_migrate_failure_keeps_file);
  ADD ("/store/refuse-newer", test_store_refuse_newer);
  g_test_add_func ("/store/corrupt/not-sqlite", test_store_corrupt_not_sqlite);
  ADD ("/store/corrupt/damaged", test_store_corrupt_damaged);
  g_test_add_func ("/store/corrupt/other-program", test_store_other_sqlite_file);
  ADD ("/store/corrupt/found-later", test_store_corrupt_found_later);
  ADD ("/store/corrupt/after-crash", test_store_corrupt_after_crash);
  ADD ("/store/check-file", test_store_check_file_ok);
  ADD ("/store/locked", test_store_locked);
  ADD ("/store/foreign-keys", test_store_foreign_keys);
  ADD ("/store/checks", test_store_checks);
  ADD ("/store/update/old-value", test_store_update_old_value);
  ADD ("/store/list/order", test_store_list_order);
  ADD ("/store/transactions", test_store_transactions);
  ADD ("/store/backup-to", test_store_backup_to);
  ADD ("/store/audit-trail", test_store_audit_trail);
  ADD ("/store/owner", test_store_owner);
  ADD ("/store/disk-full", test_store_disk_full);
  ADD ("/store/read-only", test_store_read_only);
#undef ADD

  return g_test_run ();
}
