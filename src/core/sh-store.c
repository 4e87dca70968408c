/* sh-store.c — the local database: one SQLite file per user.
 *
 * Durability. The store runs SQLite in WAL mode with synchronous=FULL. The
 * app has no Save button: every field edit is its own transaction, and
 * consultants work on site where the power fails. With FULL, the WAL is
 * synced at every commit, so an edit the store reported as saved survives a
 * power cut, not only a crash of the app. The cost is one fsync per field
 * edit, which is small next to human typing (see bench/).
 *
 * Safety. A file that is not SQLite, or fails quick_check, is reported with
 * its path and the newest backup beside it, and is never replaced. A file
 * written by a newer schema is refused untouched. Before any migration of an
 * existing file, a consistent copy is written next to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sh-core-resources.h"
#include "sh-record-private.h"
#include "sh-store-private.h"

#define MIGRATIONS_PATH "/org/sachhon/SachHon/core/sql"
#define SQLITE_MAGIC "SQLite format 3"

typedef struct
{
  char       *name;
  GPtrArray  *columns;      /* column names, table order */
  GPtrArray  *interned;     /* the same, interned: shared by the records read */
  GHashTable *types;        /* column → declared type, upper case */
  char       *get_sql;      /* SELECT * … WHERE id = ?1 */
  GHashTable *list_sql;     /* filter column ("" for none) → SELECT * … ORDER BY */
  gboolean    has_seq;
  gboolean    has_updated_at;
} TableInfo;

struct _ShStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *backup_path;
  char       *user;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  GHashTable *tables;       /* name → TableInfo */
  guint       tx_depth;
};

G_DEFINE_FINAL_TYPE (ShStore, sh_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (sh-store-error-quark, sh_store_error)

static void
table_info_free (gpointer data)
{
  TableInfo *info = data;

  g_free (info->name);
  g_ptr_array_unref (info->columns);
  g_ptr_array_unref (info->interned);
  g_hash_table_unref (info->types);
  g_free (info->get_sql);
  g_hash_table_unref (info->list_sql);
  g_free (info);
}

static void
sh_store_finalize (GObject *object)
{
  ShStore *self = (ShStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->tables, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_pointer (&self->user, g_free);

  G_OBJECT_CLASS (sh_store_parent_class)->finalize (object);
}

static void
sh_store_class_init (ShStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sh_store_finalize;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
sh_store_init (ShStore *self)
{
  const char *who = g_get_user_name ();

  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, table_info_free);
  self->user = g_strdup (who != NULL && *who != '\0' ? who : "unknown");
}

/* -------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------- */

static void set_corrupt_error (GError     **error,
                               const char  *path,
                               const char  *detail);

static ShStoreError
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SH_STORE_ERROR_LOCKED;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return SH_STORE_ERROR_CORRUPT;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return SH_STORE_ERROR_IO;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return SH_STORE_ERROR_INVALID;
    default:
      return SH_STORE_ERROR_FAILED;
    }
}

void
sh_store_set_sqlite_error (ShStore    *self,
                           int         rc,
                           GError    **error,
                           const char *what)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  ShStoreError code = error_code_for_sqlite (rc);

  switch (code)
    {
    case SH_STORE_ERROR_LOCKED:
      g_set_error (error, SH_STORE_ERROR, code,
                   _("The database “%s” is in use by another program; close it and try again (%s)."),
                   self->path, detail);
      break;

    case SH_STORE_ERROR_IO:
      if ((rc & 0xff) == SQLITE_FULL)
        g_set_error (error, SH_STORE_ERROR, code,
                     _("The disk holding “%s” is full; nothing was changed. Free some space and try again."),
                     self->path);
      else if ((rc & 0xff) == SQLITE_READONLY)
        g_set_error (error, SH_STORE_ERROR, code,
                     _("The database “%s” cannot be written (read-only file or medium); nothing was changed."),
                     self->path);
      else
        g_set_error (error, SH_STORE_ERROR, code,
                     _("Could not read or write “%s” while %s: %s."),
                     self->path, what, detail);
      break;

    case SH_STORE_ERROR_CORRUPT:
      set_corrupt_error (error, self->path, detail);
      break;

    default:
      g_set_error (error, SH_STORE_ERROR, code, _("Database error while %s: %s."), what, detail);
      break;
    }
}

static gboolean
exec_sql (ShStore     *self,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      sh_store_set_sqlite_error (self, rc, error, sql);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

/* -------------------------------------------------------------------------
 * Statements
 * ------------------------------------------------------------------------- */

sqlite3 *
sh_store_get_db (ShStore *self)
{
  g_return_val_if_fail (SH_IS_STORE (self), NULL);

  return self->db;
}

sqlite3_stmt *
sh_store_prepare (ShStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SH_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sh_store_set_sqlite_error (self, rc, error, "preparing a query");
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Runs a statement that returns no rows, and resets it. */
static gboolean
step_done (ShStore       *self,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sh_store_set_sqlite_error (self, rc, error, what);
      return FALSE;
    }

  return TRUE;
}

/* -------------------------------------------------------------------------
 * Transactions
 * ------------------------------------------------------------------------- */

/* Runs a transaction statement through the statement cache: every record
 * written opens and closes a savepoint, and sqlite3_exec() would parse the
 * text again each time. */
static gboolean
exec_cached (ShStore     *self,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = sh_store_prepare (self, sql, error);

  return stmt != NULL && step_done (self, stmt, sql, error);
}

gboolean
sh_store_begin (ShStore  *self,
                GError  **error)
{
  char sql[32];

  g_return_val_if_fail (SH_IS_STORE (self), FALSE);

  /* IMMEDIATE takes the write lock now, so a busy database fails here and
   * not half-way through a series of changes. Inner levels are savepoints. */
  if (self->tx_depth == 0)
    g_strlcpy (sql, "BEGIN IMMEDIATE", sizeof sql);
  else
    g_snprintf (sql, sizeof sql, "SAVEPOINT sh_%u", self->tx_depth);

  if (!exec_cached (self, sql, error))
    return FALSE;

  self->tx_depth++;
  return TRUE;
}

gboolean
sh_store_commit (ShStore  *self,
                 GError  **error)
{
  char sql[32];

  g_return_val_if_fail (SH_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (self->tx_depth == 1)
    g_strlcpy (sql, "COMMIT", sizeof sql);
  else
    g_snprintf (sql, sizeof sql, "RELEASE sh_%u", self->tx_depth - 1);

  if (!exec_cached (self, sql, error))
    {
      /* A failed COMMIT (disk full) leaves the transaction open: undo it so
       * the file keeps its last good state. */
      sh_store_rollback (self);
      return FALSE;
    }

  self->tx_depth--;
  return TRUE;
}

void
sh_store_rollback (ShStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (SH_IS_STORE (self));
  g_return_if_fail (self->tx_depth > 0);

  if (self->tx_depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO sh_%u; RELEASE sh_%u",
                           self->tx_depth - 1, self->tx_depth - 1);

  /* Rollback can only fail if there is no transaction left (SQLite rolled
   * back by itself after an I/O error); either way the changes are gone. */
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->tx_depth--;
}

/* -------------------------------------------------------------------------
 * Opening, checking, migrating
 * ------------------------------------------------------------------------- */

char *
sh_store_default_path (void)
{
  const char *env = g_getenv ("SACHHON_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "sachhon", "sachhon.db", NULL);
}

char *
sh_store_find_latest_backup (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) gdir = NULL;
  g_autofree char *best = NULL;
  const char *name;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  prefix = g_strconcat (base, ".v", NULL);
  gdir = g_dir_open (dir, 0, NULL);
  if (gdir == NULL)
    return NULL;

  /* Backups are named <file>.v<version>-<UTC timestamp>.bak, so the
   * greatest name among one version's backups is the newest; across
   * versions we compare the timestamps, which come after the dash. */
  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      const char *stamp;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".bak"))
        continue;
      stamp = strchr (name + strlen (prefix), '-');
      if (stamp == NULL)
        continue;
      if (best == NULL || strcmp (stamp, strchr (best + strlen (prefix), '-')) > 0)
        {
          g_free (best);
          best = g_strdup (name);
        }
    }

  if (best == NULL)
    return NULL;

  return g_build_filename (dir, best, NULL);
}

static void
set_corrupt_error (GError     **error,
                   const char  *path,
                   const char  *detail)
{
  g_autofree char *backup = sh_store_find_latest_backup (path);

  if (backup != NULL)
    g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged or is not a Sạch Hơn database (%s). It was left untouched. "
                   "The latest backup is “%s”."),
                 path, detail, backup);
  else
    g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged or is not a Sạch Hơn database (%s). It was left untouched. "
                   "No backup was found next to it."),
                 path, detail);
}

/* Checks the first bytes before SQLite sees the file, so that a document or
 * an image opened by mistake is named for what it is. */
static gboolean
check_header (const char  *path,
              gboolean    *exists_with_data,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  char header[16] = { 0 };
  gsize n_read = 0;

  *exists_with_data = FALSE;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_OPEN,
                   _("“%s” is not a regular file."), path);
      return FALSE;
    }

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &n_read,
                                NULL, &local_error))
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_OPEN,
                   _("Could not read “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  /* An empty file is what SQLite itself leaves after creating one. */
  if (n_read == 0)
    return TRUE;

  if (n_read < sizeof header || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      set_corrupt_error (error, path, _("the file is not an SQLite database"));
      return FALSE;
    }

  *exists_with_data = TRUE;
  return TRUE;
}

static gboolean
query_int (ShStore     *self,
           const char  *sql,
           int         *out,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sh_store_set_sqlite_error (self, rc, error, sql);
      return FALSE;
    }

  *out = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
quick_check (ShStore  *self,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (row, "ok") != 0)
        {
          if (problems->len > 0)
            g_string_append (problems, "; ");
          g_string_append (problems, row);
          if (problems->len > 200)
            break;
        }
      rc = SQLITE_OK;
    }

  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    {
      sh_store_set_sqlite_error (self, rc, error, "checking the file");
      return FALSE;
    }

  if (rc != SQLITE_DONE && rc != SQLITE_OK && rc != SQLITE_ROW)
    {
      set_corrupt_error (error, self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }

  if (problems->len > 0)
    {
      set_corrupt_error (error, self->path, problems->str);
      return FALSE;
    }

  return TRUE;
}

/* Reads the schema and the first row of every table. */
static gboolean
probe_tables (ShStore  *self,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) tables = NULL;
  int rc = sqlite3_prepare_v2 (self->db,
                               "SELECT name FROM sqlite_schema WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite_%'", -1, &tables, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (tables)) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" LIMIT 1",
                                              (const char *) sqlite3_column_text (tables, 0));
      g_autoptr(sqlite3_stmt) probe = NULL;

      rc = sqlite3_prepare_v2 (self->db, sql, -1, &probe, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (probe);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        break;
      rc = SQLITE_OK;
    }

  if (rc == SQLITE_DONE || rc == SQLITE_OK)
    return TRUE;

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    sh_store_set_sqlite_error (self, rc, error, "checking the file");
  else
    set_corrupt_error (error, self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

gboolean
sh_store_check_file (const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(ShStore) checker = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Its own read-only connection, so it can run in a worker thread while
   * the app keeps editing through the main one. */
  checker = g_object_new (SH_TYPE_STORE, NULL);
  checker->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &checker->db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_OPEN,
                   _("Could not open the database “%s”: %s"), path, sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_busy_timeout (checker->db, 3000);

  return quick_check (checker, error);
}

gboolean
sh_store_backup_to (ShStore     *self,
                    const char  *dest,
                    GError     **error)
{
  g_autofree char *tmp = NULL;
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (SH_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  /* Written to a temporary name and renamed, so a backup that exists is
   * always whole. */
  tmp = g_strconcat (dest, ".part", NULL);
  g_unlink (tmp);

  rc = sqlite3_open_v2 (tmp, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (target);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
        }
    }

  if (rc == SQLITE_OK)
    rc = sqlite3_close (target);
  else
    sqlite3_close_v2 (target);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_IO,
                   _("Could not write the backup “%s”: %s"), dest, sqlite3_errstr (rc));
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, dest) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_IO,
                   _("Could not write the backup “%s”: %s"), dest, g_strerror (saved_errno));
      g_unlink (tmp);
      return FALSE;
    }

  return TRUE;
}

static char *
backup_name_for (const char *path,
                 int         version)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  gint64 usec = g_date_time_get_microsecond (now);

  return g_strdup_printf ("%s.v%d-%s.%06" G_GINT64_FORMAT "Z.bak", path, version, stamp, usec);
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The shipped migrations, in order: resource files sql/NNN-*.sql. */
static GPtrArray *
load_shipped_migrations (GError **error)
{
  g_autoptr(GPtrArray) scripts = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) names = NULL;

  /* Referencing the resource keeps its object file, and the constructor
   * that registers it, in every program linking the static core. */
  g_assert (sh_core_get_resource () != NULL);

  names = g_resources_enumerate_children (MIGRATIONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return NULL;

  /* Names start with a zero-padded number, so sorting orders them. */
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (MIGRATIONS_PATH "/", names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      int number = atoi (names[i]);

      if (number != (int) i + 1)
        {
          g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_FAILED,
                       "Migration %s is out of sequence (expected number %u)", names[i], i + 1);
          return NULL;
        }

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;

      g_ptr_array_add (scripts, g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)));
    }

  return g_steal_pointer (&scripts);
}

static gboolean
load_table_info (ShStore  *self,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) tables = NULL;
  int rc;

  g_hash_table_remove_all (self->tables);

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT name FROM sqlite_schema WHERE type = 'table' "
                           "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                           -1, &tables, NULL);
  while (rc == SQLITE_OK && sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(\"%s\")", name);
      g_autoptr(sqlite3_stmt) columns = NULL;
      TableInfo *info;

      rc = sqlite3_prepare_v2 (self->db, sql, -1, &columns, NULL);
      if (rc != SQLITE_OK)
        break;

      info = g_new0 (TableInfo, 1);
      info->name = g_strdup (name);
      info->columns = g_ptr_array_new_with_free_func (g_free);
      info->interned = g_ptr_array_new ();
      info->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      info->get_sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE id = ?1", name);
      info->list_sql = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      while (sqlite3_step (columns) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (columns, 1);
          const char *type = (const char *) sqlite3_column_text (columns, 2);

          g_ptr_array_add (info->columns, g_strdup (column));
          g_ptr_array_add (info->interned, (gpointer) g_intern_string (column));
          g_hash_table_insert (info->types, g_strdup (column), g_ascii_strup (type ? type : "", -1));
          if (g_str_equal (column, "seq"))
            info->has_seq = TRUE;
          else if (g_str_equal (column, "updated_at"))
            info->has_updated_at = TRUE;
        }

      g_hash_table_insert (self->tables, info->name, info);
    }

  if (rc != SQLITE_OK)
    {
      sh_store_set_sqlite_error (self, rc, error, "reading the schema");
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (ShStore            *self,
         const char *const  *migrations,
         guint               n_migrations,
         GError            **error)
{
  int version = 0;
  int n_tables = 0;

  if (!query_int (self, "PRAGMA user_version", &version, error))
    return FALSE;

  if (version > (int) n_migrations)
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Sạch Hơn (database format %d; "
                     "this version reads up to %u). Install the newer version to open it; "
                     "the file was not changed."),
                   self->path, version, n_migrations);
      return FALSE;
    }

  if (version == 0)
    {
      /* Version 0 with tables in it is somebody else's SQLite file. */
      if (!query_int (self, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
                      &n_tables, error))
        return FALSE;
      if (n_tables > 0)
        {
          set_corrupt_error (error, self->path,
                             _("it is an SQLite file of another program"));
          return FALSE;
        }
    }
  else if (version < (int) n_migrations)
    {
      g_autofree char *backup = backup_name_for (self->path, version);

      if (!sh_store_backup_to (self, backup, error))
        return FALSE;
      g_free (self->backup_path);
      self->backup_path = g_steal_pointer (&backup);
    }

  for (guint i = (guint) version; i < n_migrations; i++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", i + 1);
      g_autoptr(GError) local_error = NULL;

      if (!sh_store_begin (self, error))
        return FALSE;

      if (!exec_sql (self, migrations[i], &local_error) ||
          !exec_sql (self, set_version, &local_error))
        {
          sh_store_rollback (self);
          if (self->backup_path != NULL)
            g_set_error (error, SH_STORE_ERROR, local_error->code,
                         _("Could not upgrade “%s” to database format %u: %s "
                           "The file was left as it was; a backup is in “%s”."),
                         self->path, i + 1, local_error->message, self->backup_path);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (!sh_store_commit (self, error))
        return FALSE;
    }

  return TRUE;
}

static ShStore *
open_store (const char         *path,
            const char *const  *migrations,
            guint               n_migrations,
            GError            **error)
{
  g_autoptr(ShStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean existed = FALSE;
  int rc;

  if (!check_header (path, &existed, error))
    return NULL;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (SH_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_OPEN,
                   _("Could not open the database “%s”: %s"), path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 3000);

  /* A write-ahead log left beside the file means the last session did
   * not close cleanly (a crash or a power cut): that is when damage is
   * likely, so the whole file is checked now. Otherwise opening only reads
   * the first page of every table, which finds a file damaged at large in
   * milliseconds; the app runs the full check in the background
   * (sh_store_check_file()), and damage met later is reported as such. */
  if (existed)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      GStatBuf st;
      gboolean unclean = g_stat (wal, &st) == 0 && st.st_size > 0;

      if (unclean ? !quick_check (self, error) : !probe_tables (self, error))
        return NULL;
    }

  if (!exec_sql (self, "PRAGMA journal_mode = WAL", error) ||
      !exec_sql (self, "PRAGMA synchronous = FULL", error) ||
      !exec_sql (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (!migrate (self, migrations, n_migrations, error))
    return NULL;

  if (!load_table_info (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

ShStore *
sh_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(GPtrArray) migrations = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  migrations = load_shipped_migrations (error);
  if (migrations == NULL)
    return NULL;

  g_assert (migrations->len == SH_STORE_SCHEMA_VERSION);

  return open_store (path, (const char *const *) migrations->pdata, migrations->len, error);
}

ShStore *
sh_store_open_with_migrations (const char         *path,
                               const char *const  *migrations,
                               GError            **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (migrations != NULL, NULL);

  return open_store (path, migrations, g_strv_length ((char **) migrations), error);
}

const char *
sh_store_get_path (ShStore *self)
{
  g_return_val_if_fail (SH_IS_STORE (self), NULL);

  return self->path;
}

int
sh_store_get_schema_version (ShStore *self)
{
  int version = 0;

  g_return_val_if_fail (SH_IS_STORE (self), 0);

  query_int (self, "PRAGMA user_version", &version, NULL);
  return version;
}

const char *
sh_store_get_backup_path (ShStore *self)
{
  g_return_val_if_fail (SH_IS_STORE (self), NULL);

  return self->backup_path;
}

void
sh_store_set_user (ShStore    *self,
                   const char *user)
{
  g_return_if_fail (SH_IS_STORE (self));
  g_return_if_fail (user != NULL && *user != '\0');

  g_free (self->user);
  self->user = g_strdup (user);
}

const char *
sh_store_get_user (ShStore *self)
{
  g_return_val_if_fail (SH_IS_STORE (self), NULL);

  return self->user;
}

gboolean
sh_store_integrity_check (ShStore  *self,
                          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) fk_stmt = NULL;
  const char *result;
  int rc;

  g_return_val_if_fail (SH_IS_STORE (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sh_store_set_sqlite_error (self, rc, error, "checking the file");
      return FALSE;
    }

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      set_corrupt_error (error, self->path, result);
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &fk_stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (fk_stmt) == SQLITE_ROW)
    {
      set_corrupt_error (error, self->path, _("a record refers to one that does not exist"));
      return FALSE;
    }

  return TRUE;
}

/* -------------------------------------------------------------------------
 * Schema checks and values
 * ------------------------------------------------------------------------- */

static TableInfo *
lookup_table (ShStore     *self,
              const char  *table,
              GError     **error)
{
  TableInfo *info = g_hash_table_lookup (self->tables, table);

  if (info == NULL)
    g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                 _("There is no table “%s” in the database."), table);

  return info;
}

static gboolean
check_column (TableInfo   *info,
              const char  *column,
              GError     **error)
{
  if (!g_hash_table_contains (info->types, column))
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                   _("The table “%s” has no field “%s”."), info->name, column);
      return FALSE;
    }

  return TRUE;
}

/* Refuses a value whose type cannot belong in the column, so that text typed
 * into a number field never lands in the file as text. */
static gboolean
check_value_type (TableInfo     *info,
                  const char    *column,
                  const GValue  *value,
                  GError       **error)
{
  const char *type;
  gboolean ok;

  if (value == NULL || !G_IS_VALUE (value))
    return TRUE;

  type = g_hash_table_lookup (info->types, column);
  if (g_str_equal (type, "INTEGER"))
    ok = G_VALUE_HOLDS_INT64 (value) || G_VALUE_HOLDS_BOOLEAN (value);
  else if (g_str_equal (type, "REAL"))
    ok = G_VALUE_HOLDS_DOUBLE (value) || G_VALUE_HOLDS_INT64 (value);
  else if (g_str_equal (type, "TEXT"))
    ok = G_VALUE_HOLDS_STRING (value);
  else if (g_str_equal (type, "BLOB"))
    ok = G_VALUE_HOLDS (value, G_TYPE_BYTES);
  else
    ok = TRUE;

  if (!ok)
    g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                 _("The field “%s” of “%s” takes a value of type %s, not %s."),
                 column, info->name, type, G_VALUE_TYPE_NAME (value));

  return ok;
}

static int
bind_value (sqlite3_stmt *stmt,
            int           index,
            const GValue *value)
{
  if (value == NULL || !G_IS_VALUE (value))
    return sqlite3_bind_null (stmt, index);
  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *s = g_value_get_string (value);

      if (s == NULL)
        return sqlite3_bind_null (stmt, index);
      return sqlite3_bind_text (stmt, index, s, -1, SQLITE_TRANSIENT);
    }
  if (G_VALUE_HOLDS_INT64 (value))
    return sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  if (G_VALUE_HOLDS_DOUBLE (value))
    return sqlite3_bind_double (stmt, index, g_value_get_double (value));
  if (G_VALUE_HOLDS (value, G_TYPE_BYTES))
    {
      GBytes *bytes = g_value_get_boxed (value);
      gsize size = 0;
      gconstpointer data;

      if (bytes == NULL)
        return sqlite3_bind_null (stmt, index);
      data = g_bytes_get_data (bytes, &size);
      return sqlite3_bind_blob64 (stmt, index, size ? data : "", size, SQLITE_TRANSIENT);
    }

  g_return_val_if_reached (SQLITE_MISMATCH);
}

/* Reads column @index of the current row into @value (left unset for NULL). */
static void
column_to_value (sqlite3_stmt *stmt,
                 int           index,
                 GValue       *value)
{
  switch (sqlite3_column_type (stmt, index))
    {
    case SQLITE_INTEGER:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, sqlite3_column_int64 (stmt, index));
      break;

    case SQLITE_FLOAT:
      g_value_init (value, G_TYPE_DOUBLE);
      g_value_set_double (value, sqlite3_column_double (stmt, index));
      break;

    case SQLITE_TEXT:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, (const char *) sqlite3_column_text (stmt, index));
      break;

    case SQLITE_BLOB:
      g_value_init (value, G_TYPE_BYTES);
      g_value_take_boxed (value, g_bytes_new (sqlite3_column_blob (stmt, index),
                                              sqlite3_column_bytes (stmt, index)));
      break;

    case SQLITE_NULL:
    default:
      break;
    }
}

/* Reads the current row of a `SELECT *` of @info's table. Its columns come
 * in the table's order, which are @info's interned names: each value is
 * moved into the record without looking the name up or copying it. */
static ShRecord *
row_to_record (TableInfo    *info,
               sqlite3_stmt *stmt)
{
  const char *id_column = g_intern_static_string ("id");
  const char *uuid_column = g_intern_static_string ("uuid");
  ShRecord *record = sh_record_new (info->name);
  int n = sqlite3_column_count (stmt);

  /* Only a schema changed under us by another program can make them
   * differ; then the names come from the statement itself. */
  gboolean table_order = (guint) n == info->interned->len;

  for (int i = 0; i < n; i++)
    {
      const char *column = table_order ? info->interned->pdata[i]
                                       : g_intern_string (sqlite3_column_name (stmt, i));
      GValue value = G_VALUE_INIT;

      if (column == id_column)
        sh_record_set_id (record, sqlite3_column_int64 (stmt, i));
      else if (column == uuid_column)
        sh_record_set_uuid (record, (const char *) sqlite3_column_text (stmt, i));

      column_to_value (stmt, i, &value);
      sh_record_append_value (record, column, &value);
    }

  return record;
}

/* Turns a constraint failure into words that name the table and field. */
static void
set_write_error (ShStore     *self,
                 int          rc,
                 const char  *table,
                 const char  *what,
                 GError     **error)
{
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      const char *detail = sqlite3_errmsg (self->db);

      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                     _("A record of “%s” refers to one that does not exist."), table);
      else if (rc == SQLITE_CONSTRAINT_NOTNULL)
        g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                     _("A required field of “%s” is empty (%s)."), table, detail);
      else if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                     _("A record of “%s” with the same key already exists (%s)."), table, detail);
      else
        g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                     _("A value of “%s” is not allowed (%s)."), table, detail);
      return;
    }

  sh_store_set_sqlite_error (self, rc, error, what);
}

/* -------------------------------------------------------------------------
 * Ownership, locks and the audit trail
 * ------------------------------------------------------------------------- */

/* Which assessment a row of @table belongs to is derived from the columns:
 * a direct assessment_id, or a parent option, step or ranking criterion. */
static const struct
{
  const char *column;
  const char *sql;
} parent_links[] = {
  { "assessment_id", "SELECT ?1" },
  { "option_id", "SELECT assessment_id FROM cp_option WHERE id = ?1" },
  { "step_id", "SELECT assessment_id FROM process_step WHERE id = ?1" },
  { "criterion_id", "SELECT assessment_id FROM ranking_criterion WHERE id = ?1" },
};

static gboolean
owner_from_parent (ShStore     *self,
                   TableInfo   *info,
                   ShRecord    *values,
                   gint64      *out,
                   GError     **error)
{
  *out = 0;

  for (guint i = 0; i < G_N_ELEMENTS (parent_links); i++)
    {
      sqlite3_stmt *stmt;
      gint64 parent;
      int rc;

      if (!g_hash_table_contains (info->types, parent_links[i].column))
        continue;

      parent = sh_record_get_int (values, parent_links[i].column, 0);
      if (parent == 0)
        continue;

      if (!(stmt = sh_store_prepare (self, parent_links[i].sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, parent);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          sh_store_set_sqlite_error (self, rc, error, "finding a record's assessment");
          return FALSE;
        }
      return TRUE;
    }

  return TRUE;
}

gint64
sh_store_owner_assessment (ShStore     *self,
                           const char  *table,
                           gint64       id,
                           GError     **error)
{
  g_autoptr(ShRecord) row = NULL;
  TableInfo *info;
  gint64 owner = 0;

  g_return_val_if_fail (SH_IS_STORE (self), 0);
  g_return_val_if_fail (table != NULL, 0);

  if (g_str_equal (table, "assessment"))
    return id;

  if (!(info = lookup_table (self, table, error)))
    return 0;
  if (!(row = sh_store_get (self, table, id, error)))
    return 0;
  if (!owner_from_parent (self, info, row, &owner, error))
    return 0;

  return owner;
}

typedef struct
{
  gint64    id;
  gboolean  locked;        /* finalized or submitted */
  gboolean  audited;       /* finalized at least once */
} Owner;

static gboolean
read_owner (ShStore     *self,
            gint64       assessment_id,
            Owner       *owner,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (owner, 0, sizeof *owner);
  owner->id = assessment_id;
  if (assessment_id == 0)
    return TRUE;

  stmt = sh_store_prepare (self, "SELECT status, finalized_at FROM assessment WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 0);

      owner->locked = g_strcmp0 (status, "draft") != 0;
      owner->audited = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sh_store_set_sqlite_error (self, rc, error, "reading an assessment's status");
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_unlocked (Owner       *owner,
                GError     **error)
{
  if (owner->locked)
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_READ_ONLY,
                   _("This assessment is finalized and cannot be changed. "
                     "Reopen it, giving a reason, to edit it."));
      return FALSE;
    }

  return TRUE;
}

/* The reason that covers edits after a reopening is the latest one given. */
static char *
current_reason (ShStore  *self,
                gint64    assessment_id)
{
  sqlite3_stmt *stmt;
  char *reason = NULL;

  stmt = sh_store_prepare (self,
                           "SELECT why FROM audit_log WHERE assessment_id = ?1 "
                           "AND table_name = 'assessment' AND column_name = 'status' "
                           "AND new_value = 'draft' ORDER BY id DESC LIMIT 1",
                           NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    reason = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return reason;
}

static gboolean
write_audit (ShStore      *self,
             gint64        assessment_id,
             const char   *table,
             gint64        row_id,
             const char   *column,
             const char   *old_value,
             const char   *new_value,
             const char   *why,
             GError      **error)
{
  g_autofree char *reason = NULL;
  sqlite3_stmt *stmt;

  if (why == NULL)
    why = reason = current_reason (self, assessment_id);
  if (why == NULL)
    why = "";

  stmt = sh_store_prepare (self,
                           "INSERT INTO audit_log (assessment_id, table_name, row_id, column_name, "
                           "old_value, new_value, who, why) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, row_id);
  sqlite3_bind_text (stmt, 4, column, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, old_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, new_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, self->user, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, why, -1, SQLITE_TRANSIENT);

  return step_done (self, stmt, "writing the audit trail", error);
}

/* -------------------------------------------------------------------------
 * Records
 * ------------------------------------------------------------------------- */

static gboolean
is_lifecycle_column (const char *table,
                     const char *column)
{
  /* Status changes go through finalize/reopen so they are always audited. */
  return g_str_equal (table, "assessment") &&
         (g_str_equal (column, "status") || g_str_equal (column, "finalized_at"));
}

static void
append_uint (GString *string,
             guint    value)
{
  char digits[16];
  int n = 0;

  do
    digits[n++] = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  while (n > 0)
    g_string_append_c (string, digits[--n]);
}

gint64
sh_store_insert (ShStore   *self,
                 ShRecord  *record,
                 GError   **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new ("?1");
  g_autofree char *uuid = NULL;
  const char *table;
  sqlite3_stmt *stmt;
  TableInfo *info;
  Owner owner;
  gint64 owner_id = 0;
  gint64 id;
  guint n;
  int rc;

  g_return_val_if_fail (SH_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  table = sh_record_get_table (record);
  if (!(info = lookup_table (self, table, error)))
    return 0;

  n = sh_record_get_n_columns (record);
  g_string_append (sql, "INSERT INTO \"");
  g_string_append (sql, table);
  g_string_append (sql, "\" (uuid");
  for (guint i = 0; i < n; i++)
    {
      const char *column = sh_record_get_column (record, i);

      if (g_str_equal (column, "id") || g_str_equal (column, "uuid"))
        continue;
      if (!check_column (info, column, error) ||
          !check_value_type (info, column, sh_record_get_value (record, column), error))
        return 0;
      if (is_lifecycle_column (table, column))
        {
          g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                       _("A new assessment always starts as a draft."));
          return 0;
        }
      /* Plain appends: this runs for every field of every record imported. */
      g_string_append (sql, ", \"");
      g_string_append (sql, column);
      g_string_append_c (sql, '"');
      g_string_append (params, ", ?");
      append_uint (params, i + 2);
    }
  g_string_append (sql, ") VALUES (");
  g_string_append_len (sql, params->str, params->len);
  g_string_append_c (sql, ')');

  if (!owner_from_parent (self, info, record, &owner_id, error) ||
      !read_owner (self, owner_id, &owner, error) ||
      !check_unlocked (&owner, error))
    return 0;

  if (!sh_store_begin (self, error))
    return 0;

  if (!(stmt = sh_store_prepare (self, sql->str, error)))
    goto fail;

  uuid = g_strdup (sh_record_get_uuid (record));
  if (uuid == NULL)
    uuid = g_uuid_string_random ();
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < n; i++)
    {
      const char *column = sh_record_get_column (record, i);

      if (g_str_equal (column, "id") || g_str_equal (column, "uuid"))
        continue;
      bind_value (stmt, (int) i + 2, sh_record_get_value (record, column));
    }

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_write_error (self, rc, table, "adding a record", error);
      goto fail;
    }

  id = sqlite3_last_insert_rowid (self->db);

  if (owner.audited &&
      !write_audit (self, owner.id, table, id, "*", NULL, "inserted", NULL, error))
    goto fail;

  if (!sh_store_commit (self, error))
    return 0;

  sh_record_set_id (record, id);
  sh_record_set_uuid (record, uuid);
  return id;

fail:
  sh_store_rollback (self);
  return 0;
}

gint64
sh_store_insert_fields_valist (ShStore     *self,
                               GError     **error,
                               const char  *table,
                               const char  *uuid,
                               va_list      args)
{
  g_autoptr(ShRecord) record = NULL;
  const char *name;

  g_return_val_if_fail (SH_IS_STORE (self), 0);
  g_return_val_if_fail (table != NULL, 0);

  record = sh_record_new (table);
  if (uuid != NULL)
    sh_record_set_uuid (record, uuid);

  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *column = name + 2;

      g_assert (name[0] != '\0' && name[1] == ':');
      switch (name[0])
        {
        case 's':
          sh_record_set_string (record, column, va_arg (args, const char *));
          break;
        case 'i':
          sh_record_set_int (record, column, va_arg (args, int));
          break;
        case 'm':
          sh_record_set_int (record, column, va_arg (args, gint64));
          break;
        case 'r':
          {
            gint64 ref = va_arg (args, gint64);

            if (ref != 0)
              sh_record_set_int (record, column, ref);
            else
              sh_record_set_null (record, column);
          }
          break;
        case 'd':
          sh_record_set_double (record, column, va_arg (args, double));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return sh_store_insert (self, record, error);
}

gint64
sh_store_insert_fields (ShStore     *self,
                        GError     **error,
                        const char  *table,
                        const char  *uuid,
                        ...)
{
  va_list args;
  gint64 id;

  va_start (args, uuid);
  id = sh_store_insert_fields_valist (self, error, table, uuid, args);
  va_end (args);

  return id;
}

ShRecord *
sh_store_get (ShStore     *self,
              const char  *table,
              gint64       id,
              GError     **error)
{
  sqlite3_stmt *stmt;
  ShRecord *record = NULL;
  TableInfo *info;
  int rc;

  g_return_val_if_fail (SH_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  if (!(info = lookup_table (self, table, error)))
    return NULL;

  if (!(stmt = sh_store_prepare (self, info->get_sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = row_to_record (info, stmt);
  else if (rc == SQLITE_DONE)
    {
      /* The number is formatted apart: a G_GINT64_FORMAT inside _() would
       * cut the message in two for the translators. */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_NOT_FOUND,
                   _("There is no record %s in “%s”."), number, table);
    }
  else
    sh_store_set_sqlite_error (self, rc, error, "reading a record");
  sqlite3_reset (stmt);

  return record;
}

GPtrArray *
sh_store_list (ShStore     *self,
               const char  *table,
               const char  *column,
               gint64       value,
               GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  const char *sql;
  sqlite3_stmt *stmt;
  TableInfo *info;
  int rc;

  g_return_val_if_fail (SH_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  if (!(info = lookup_table (self, table, error)))
    return NULL;
  if (column != NULL && !check_column (info, column, error))
    return NULL;

  /* The query text is built once per table and filter column. */
  sql = g_hash_table_lookup (info->list_sql, column ? column : "");
  if (sql == NULL)
    {
      char *text = g_strdup_printf ("SELECT * FROM \"%s\"%s%s%s ORDER BY %sid",
                                    table,
                                    column ? " WHERE \"" : "", column ? column : "", column ? "\" = ?1" : "",
                                    info->has_seq ? "seq, " : "");

      g_hash_table_insert (info->list_sql, g_strdup (column ? column : ""), text);
      sql = text;
    }
  if (!(stmt = sh_store_prepare (self, sql, error)))
    return NULL;
  if (column != NULL)
    sqlite3_bind_int64 (stmt, 1, value);

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_record_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, row_to_record (info, stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sh_store_set_sqlite_error (self, rc, error, "listing records");
      return NULL;
    }

  return g_steal_pointer (&records);
}

gboolean
sh_store_delete (ShStore     *self,
                 const char  *table,
                 gint64       id,
                 GError     **error)
{
  g_autoptr(ShRecord) row = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  TableInfo *info;
  Owner owner;
  gint64 owner_id = 0;
  int rc;

  g_return_val_if_fail (SH_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  if (!(info = lookup_table (self, table, error)))
    return FALSE;
  if (!(row = sh_store_get (self, table, id, error)))
    return FALSE;

  if (g_str_equal (table, "assessment"))
    owner_id = id;
  else if (!owner_from_parent (self, info, row, &owner_id, error))
    return FALSE;
  if (!read_owner (self, owner_id, &owner, error) || !check_unlocked (&owner, error))
    return FALSE;

  if (!sh_store_begin (self, error))
    return FALSE;

  /* Deleting an assessment deletes its trail with it, so only its
   * children's deletions are recorded. */
  if (owner.audited && !g_str_equal (table, "assessment") &&
      !write_audit (self, owner.id, table, id, "*", "present", "deleted", NULL, error))
    goto fail;

  sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE id = ?1", table);
  if (!(stmt = sh_store_prepare (self, sql, error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_write_error (self, rc, table, "deleting a record", error);
      goto fail;
    }

  return sh_store_commit (self, error);

fail:
  sh_store_rollback (self);
  return FALSE;
}

gboolean
sh_store_update (ShStore       *self,
                 const char    *table,
                 gint64         id,
                 const char    *column,
                 const GValue  *value,
                 GValue        *old_value,
                 GError       **error)
{
  g_autoptr(ShRecord) row = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  const GValue *current;
  sqlite3_stmt *stmt;
  TableInfo *info;
  Owner owner;
  gint64 owner_id = 0;
  int rc;

  g_return_val_if_fail (SH_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (old_value == NULL || !G_IS_VALUE (old_value), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(info = lookup_table (self, table, error)) ||
      !check_column (info, column, error) ||
      !check_value_type (info, column, value, error))
    return FALSE;

  if (g_str_equal (column, "id") || g_str_equal (column, "uuid") || is_lifecycle_column (table, column))
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                   _("The field “%s” of “%s” cannot be edited directly."), column, table);
      return FALSE;
    }

  if (!(row = sh_store_get (self, table, id, error)))
    return FALSE;

  if (g_str_equal (table, "assessment"))
    owner_id = id;
  else if (!owner_from_parent (self, info, row, &owner_id, error))
    return FALSE;
  if (!read_owner (self, owner_id, &owner, error) || !check_unlocked (&owner, error))
    return FALSE;

  current = sh_record_get_value (row, column);
  if (old_value != NULL && current != NULL)
    {
      g_value_init (old_value, G_VALUE_TYPE (current));
      g_value_copy (current, old_value);
    }

  /* Typing the same value again is not a change, and is not audited. */
  if (sh_value_equal (current, value))
    return TRUE;

  if (!sh_store_begin (self, error))
    goto fail_unset;

  sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1%s WHERE id = ?2", table, column,
                         info->has_updated_at
                           ? ", updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')" : "");
  if (!(stmt = sh_store_prepare (self, sql, error)))
    goto fail;
  bind_value (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_write_error (self, rc, table, "saving a field", error);
      goto fail;
    }

  if (owner.audited)
    {
      old_text = sh_value_to_string (current);
      new_text = sh_value_to_string (value);
      if (!write_audit (self, owner.id, table, id, column, old_text, new_text, NULL, error))
        goto fail;
    }

  if (!sh_store_commit (self, error))
    goto fail_unset;

  return TRUE;

fail:
  sh_store_rollback (self);
fail_unset:
  if (old_value != NULL && G_IS_VALUE (old_value))
    g_value_unset (old_value);
  return FALSE;
}

gboolean
sh_store_set_string (ShStore     *self,
                     const char  *table,
                     gint64       id,
                     const char  *column,
                     const char  *value,
                     GError     **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  if (value == NULL)
    return sh_store_update (self, table, id, column, NULL, NULL, error);

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  return sh_store_update (self, table, id, column, &v, NULL, error);
}

gboolean
sh_store_set_int (ShStore     *self,
                  const char  *table,
                  gint64       id,
                  const char  *column,
                  gint64       value,
                  GError     **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  return sh_store_update (self, table, id, column, &v, NULL, error);
}

gboolean
sh_store_set_double (ShStore     *self,
                     const char  *table,
                     gint64       id,
                     const char  *column,
                     double       value,
                     GError     **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  return sh_store_update (self, table, id, column, &v, NULL, error);
}

gboolean
sh_store_set_null (ShStore     *self,
                   const char  *table,
                   gint64       id,
                   const char  *column,
                   GError     **error)
{
  return sh_store_update (self, table, id, column, NULL, NULL, error);
}

/* -------------------------------------------------------------------------
 * Assessment lifecycle
 * ------------------------------------------------------------------------- */

static gboolean
set_status (ShStore     *self,
            gint64       assessment_id,
            const char  *from,
            const char  *to,
            const char  *why,
            gboolean     audit,
            GError     **error)
{
  sqlite3_stmt *stmt;

  if (!sh_store_begin (self, error))
    return FALSE;

  stmt = sh_store_prepare (self,
                           "UPDATE assessment SET status = ?1, "
                           "finalized_at = CASE WHEN ?1 = 'finalized' "
                           "  THEN strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE finalized_at END, "
                           "updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?2",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, to, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, assessment_id);
  if (!step_done (self, stmt, "changing an assessment's status", error))
    goto fail;

  if (audit && !write_audit (self, assessment_id, "assessment", assessment_id, "status",
                             from, to, why, error))
    goto fail;

  return sh_store_commit (self, error);

fail:
  sh_store_rollback (self);
  return FALSE;
}

gboolean
sh_store_is_assessment_locked (ShStore *self,
                               gint64   assessment_id)
{
  Owner owner;

  g_return_val_if_fail (SH_IS_STORE (self), FALSE);

  if (!read_owner (self, assessment_id, &owner, NULL))
    return FALSE;

  return owner.locked;
}

gboolean
sh_store_finalize_assessment (ShStore     *self,
                              gint64       assessment_id,
                              GError     **error)
{
  g_autoptr(ShRecord) row = NULL;
  Owner owner;

  g_return_val_if_fail (SH_IS_STORE (self), FALSE);

  if (!(row = sh_store_get (self, "assessment", assessment_id, error)) ||
      !read_owner (self, assessment_id, &owner, error))
    return FALSE;

  if (owner.locked)
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                   _("This assessment is already finalized."));
      return FALSE;
    }

  /* The first finalization starts the trail; later ones are part of it. */
  return set_status (self, assessment_id, "draft", "finalized", _("finalized"),
                     owner.audited, error);
}

gboolean
sh_store_reopen_assessment (ShStore     *self,
                            gint64       assessment_id,
                            const char  *reason,
                            GError     **error)
{
  g_autoptr(ShRecord) row = NULL;
  g_autofree char *why = NULL;
  Owner owner;

  g_return_val_if_fail (SH_IS_STORE (self), FALSE);

  why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*why == '\0')
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                   _("A reason is required to reopen a finalized assessment."));
      return FALSE;
    }

  if (!(row = sh_store_get (self, "assessment", assessment_id, error)) ||
      !read_owner (self, assessment_id, &owner, error))
    return FALSE;

  if (!owner.locked)
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                   _("This assessment is not finalized, so it need not be reopened."));
      return FALSE;
    }

  return set_status (self, assessment_id, sh_record_get_string (row, "status"), "draft", why,
                     TRUE, error);
}

GPtrArray *
sh_store_list_audit (ShStore     *self,
                     gint64       assessment_id,
                     GError     **error)
{
  return sh_store_list (self, "audit_log", "assessment_id", assessment_id, error);
}
