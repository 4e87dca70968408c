/* test-undo.c — undo and redo of edits, deletes with their children, groups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sh-demo.h"
#include "sh-store-private.h"
#include "sh-test-utils.h"
#include "sh-undo.h"

#define DEMO_UUID(n) "5ac4d000-0000-4000-8000-" n

typedef struct
{
  char        *dir;
  ShStore     *store;
  gint64       assessment;
  ShUndoStack *stack;
  gint64       now;          /* the stack's clock, µs */
  GPtrArray   *changes;      /* "table id column" per "changed" emission */
  guint        n_can_undo;   /* notify::can-undo */
  guint        n_can_redo;
} Fixture;

static gint64
fixture_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now;
}

static void
stack_changed_cb (ShUndoStack *stack,
                  const char  *table,
                  gint64       id,
                  const char  *column,
                  Fixture     *f)
{
  g_ptr_array_add (f->changes, g_strdup_printf ("%s %" G_GINT64_FORMAT " %s", table, id,
                                                column != NULL ? column : "-"));
}

static void
stack_notify_cb (ShUndoStack *stack,
                 GParamSpec  *pspec,
                 Fixture     *f)
{
  if (g_str_equal (pspec->name, "can-undo"))
    f->n_can_undo++;
  else
    f->n_can_redo++;
}

static void
open_stack (Fixture *f,
            gint64   assessment)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->stack);
  f->assessment = assessment;
  f->stack = sh_undo_stack_new (f->store, assessment, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->stack);
  sh_undo_stack_set_clock (f->stack, fixture_clock, f);
  g_signal_connect (f->stack, "changed", G_CALLBACK (stack_changed_cb), f);
  g_signal_connect (f->stack, "notify::can-undo", G_CALLBACK (stack_notify_cb), f);
  g_signal_connect (f->stack, "notify::can-redo", G_CALLBACK (stack_notify_cb), f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = sh_test_make_tmpdir ("undo");
  path = g_build_filename (f->dir, "sachhon.db", NULL);
  f->store = sh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sh_demo_ensure (f->store, &error));
  g_assert_no_error (error);

  f->changes = g_ptr_array_new_with_free_func (g_free);
  f->now = 1000 * G_USEC_PER_SEC;
  open_stack (f, sh_demo_cassava_assessment (f->store));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->stack);
  g_clear_pointer (&f->changes, g_ptr_array_unref);
  g_clear_object (&f->store);
  sh_test_rm_rf (f->dir);
  g_free (f->dir);
}

static gint64
find (ShStore    *store,
      const char *table,
      const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE uuid = ?1", table);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (sh_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gint64
count (ShStore    *store,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (sh_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
get_text (ShStore    *store,
          const char *table,
          gint64      id,
          const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) row = sh_store_get (store, table, id, &error);

  g_assert_no_error (error);
  return g_strdup (sh_record_get_string (row, column));
}

static gint64
get_int (ShStore    *store,
         const char *table,
         gint64      id,
         const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) row = sh_store_get (store, table, id, &error);

  g_assert_no_error (error);
  return sh_record_get_int (row, column, -1);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every row of every table that has a uuid, with each foreign key written
 * as the uuid it points to and without ids and timestamps, sorted: two
 * snapshots are equal when the data is the same, whatever ids rows have. */
static char *
snapshot (ShStore *store)
{
  sqlite3 *db = sh_store_get_db (store);
  g_autoptr(sqlite3_stmt) tables = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *all = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT s.name FROM sqlite_schema s WHERE s.type = 'table' AND "
                                       "EXISTS (SELECT 1 FROM pragma_table_info(s.name) p "
                                       "        WHERE p.name = 'uuid')",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *select = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      g_autofree char *keys_sql = g_strdup_printf ("PRAGMA foreign_key_list(\"%s\")", table);
      g_autoptr(sqlite3_stmt) rows = NULL;
      g_autoptr(sqlite3_stmt) keys = NULL;
      g_autoptr(GHashTable) parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      g_assert_cmpint (sqlite3_prepare_v2 (db, keys_sql, -1, &keys, NULL), ==, SQLITE_OK);
      while (sqlite3_step (keys) == SQLITE_ROW)
        g_hash_table_insert (parents, g_strdup ((const char *) sqlite3_column_text (keys, 3)),
                             g_strdup ((const char *) sqlite3_column_text (keys, 2)));

      g_assert_cmpint (sqlite3_prepare_v2 (db, select, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          GString *line = g_string_new (table);

          for (int c = 0; c < sqlite3_column_count (rows); c++)
            {
              const char *column = sqlite3_column_name (rows, c);
              const char *parent = g_hash_table_lookup (parents, column);

              if (g_str_equal (column, "id") || g_str_equal (column, "created_at") ||
                  g_str_equal (column, "updated_at"))
                continue;

              if (parent != NULL && sqlite3_column_type (rows, c) == SQLITE_INTEGER)
                {
                  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM \"%s\" WHERE id = ?1", parent);
                  g_autoptr(sqlite3_stmt) lookup = NULL;

                  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &lookup, NULL), ==, SQLITE_OK);
                  sqlite3_bind_int64 (lookup, 1, sqlite3_column_int64 (rows, c));
                  g_assert_cmpint (sqlite3_step (lookup), ==, SQLITE_ROW);
                  g_string_append_printf (line, " %s>%s", column, sqlite3_column_text (lookup, 0));
                }
              else
                g_string_append_printf (line, " %s=%s", column,
                                        sqlite3_column_type (rows, c) == SQLITE_NULL
                                          ? "NULL" : (const char *) sqlite3_column_text (rows, c));
            }
          g_ptr_array_add (lines, g_string_free (line, FALSE));
        }
    }

  /* The demo alone has hundreds of rows. */
  g_assert_cmpuint (lines->len, >, 150);
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (all, lines->pdata[i]);
      g_string_append_c (all, '\n');
    }

  return g_string_free (all, FALSE);
}

static gboolean
has_change (Fixture    *f,
            const char *expected)
{
  for (guint i = 0; i < f->changes->len; i++)
    if (g_str_equal (f->changes->pdata[i], expected))
      return TRUE;

  return FALSE;
}

/* ------------------------------------------------------------------------- */

static void
test_undo_field (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *title = NULL;
  gint64 option = find (f->store, "cp_option", DEMO_UUID ("000000001002"));
  g_autofree char *original = get_text (f->store, "cp_option", option, "title");

  g_assert_false (sh_undo_stack_get_can_undo (f->stack));
  g_assert_false (sh_undo_stack_get_can_redo (f->stack));

  g_assert_true (sh_undo_stack_set_string (f->stack, "cp_option", option, "title", "Tuần hoàn nước", &error));
  g_assert_no_error (error);
  title = get_text (f->store, "cp_option", option, "title");
  g_assert_cmpstr (title, ==, "Tuần hoàn nước");
  g_assert_true (sh_undo_stack_get_can_undo (f->stack));
  g_assert_cmpuint (f->n_can_undo, ==, 1);
  expected = g_strdup_printf ("cp_option %" G_GINT64_FORMAT " title", option);
  g_assert_cmpuint (f->changes->len, ==, 1);
  g_assert_cmpstr (f->changes->pdata[0], ==, expected);

  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_no_error (error);
  g_clear_pointer (&title, g_free);
  title = get_text (f->store, "cp_option", option, "title");
  g_assert_cmpstr (title, ==, original);
  g_assert_false (sh_undo_stack_get_can_undo (f->stack));
  g_assert_true (sh_undo_stack_get_can_redo (f->stack));
  g_assert_cmpuint (f->n_can_undo, ==, 2);
  g_assert_cmpuint (f->n_can_redo, ==, 1);
  g_assert_cmpuint (f->changes->len, ==, 2);
  g_assert_cmpstr (f->changes->pdata[1], ==, expected);

  g_assert_true (sh_undo_stack_redo (f->stack, &error));
  g_assert_no_error (error);
  g_clear_pointer (&title, g_free);
  title = get_text (f->store, "cp_option", option, "title");
  g_assert_cmpstr (title, ==, "Tuần hoàn nước");
  g_assert_false (sh_undo_stack_redo (f->stack, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A number, and NULL: both come back as they were. */
  g_assert_true (sh_undo_stack_set_double (f->stack, "cp_option", option, "discount_rate_pct", 12.5, &error));
  g_assert_true (sh_undo_stack_set_null (f->stack, "cp_option", option, "cost_class", &error));
  g_assert_no_error (error);
  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_no_error (error);
  g_clear_pointer (&title, g_free);
  title = get_text (f->store, "cp_option", option, "cost_class");
  g_assert_cmpstr (title, ==, "medium");
  g_assert_cmpint (get_int (f->store, "cp_option", option, "discount_rate_pct"), ==, -1);

  /* A new edit ends the redo history. */
  g_assert_true (sh_undo_stack_get_can_redo (f->stack));
  g_assert_true (sh_undo_stack_set_int (f->stack, "cp_option", option, "life_years", 7, &error));
  g_assert_false (sh_undo_stack_get_can_redo (f->stack));

  /* Setting what is there already is not an edit. */
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 2);
  g_assert_true (sh_undo_stack_set_int (f->stack, "cp_option", option, "life_years", 7, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 2);

  /* A failed edit records nothing. */
  g_assert_false (sh_undo_stack_set_string (f->stack, "cp_option", option, "category", "XX", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 2);
}

static void
test_undo_merge (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 stream = find (f->store, "waste_stream", DEMO_UUID ("000000000803"));
  g_autofree char *original = get_text (f->store, "waste_stream", stream, "handling");
  g_autofree char *text = NULL;
  const char *typed[] = { "C", "Ch", "Chô", "Chôn", "Chôn lấp" };

  /* Typing, 0.3 s between keys, is one entry. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_assert_true (sh_undo_stack_set_string (f->stack, "waste_stream", stream, "handling", typed[i], &error));
      g_assert_no_error (error);
      f->now += 300000;
    }
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 1);

  /* A pause of a second or more starts a new one. */
  f->now += SH_UNDO_STACK_MERGE_USEC;
  g_assert_true (sh_undo_stack_set_string (f->stack, "waste_stream", stream, "handling", "Chôn lấp hợp vệ sinh", &error));
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 2);

  /* So does another field, and stop_merging (the field lost focus). */
  f->now += 1000;
  g_assert_true (sh_undo_stack_set_int (f->stack, "waste_stream", stream, "significance", 4, &error));
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 3);
  f->now += 1000;
  g_assert_true (sh_undo_stack_set_int (f->stack, "waste_stream", stream, "significance", 5, &error));
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 3);
  sh_undo_stack_stop_merging (f->stack);
  f->now += 1000;
  g_assert_true (sh_undo_stack_set_int (f->stack, "waste_stream", stream, "significance", 6, &error));
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 4);
  g_assert_no_error (error);

  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_cmpint (get_int (f->store, "waste_stream", stream, "significance"), ==, 5);
  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_cmpint (get_int (f->store, "waste_stream", stream, "significance"), ==, 3);
  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  text = get_text (f->store, "waste_stream", stream, "handling");
  g_assert_cmpstr (text, ==, "Chôn lấp");
  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = get_text (f->store, "waste_stream", stream, "handling");
  g_assert_cmpstr (text, ==, original);
  g_assert_false (sh_undo_stack_get_can_undo (f->stack));

  /* After an undo, typing does not merge into the entry below. */
  g_assert_true (sh_undo_stack_redo (f->stack, &error));
  g_assert_true (sh_undo_stack_set_string (f->stack, "waste_stream", stream, "handling", "Đốt", &error));
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 2);

  /* Typing a field back to what it was leaves nothing to undo. */
  f->now += 10 * SH_UNDO_STACK_MERGE_USEC;
  g_assert_true (sh_undo_stack_set_string (f->stack, "waste_stream", stream, "characteristics", "Ẩm", &error));
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 3);
  f->now += 1000;
  g_assert_true (sh_undo_stack_set_null (f->stack, "waste_stream", stream, "characteristics", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 2);
}

static void
test_undo_insert (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) stream = sh_record_new ("waste_stream");
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  gint64 before = count (f->store, "SELECT count(*) FROM waste_stream");
  gint64 id, id2, id3;

  sh_record_set_int (stream, "assessment_id", f->assessment);
  sh_record_set_string (stream, "name", "Bao bì hỏng");
  sh_record_set_string (stream, "type", "solid");
  id = sh_undo_stack_insert (f->stack, stream, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  uuid = g_strdup (sh_record_get_uuid (stream));
  g_assert_cmpint (find (f->store, "waste_stream", uuid), ==, id);

  /* Edits to the new row, then a child added under it. */
  g_assert_true (sh_undo_stack_set_string (f->stack, "waste_stream", id, "name", "Bao bì rách", &error));
  {
    g_autoptr(ShRecord) cause = sh_record_new ("cause");

    sh_record_set_int (cause, "assessment_id", f->assessment);
    sh_record_set_int (cause, "waste_stream_id", id);
    sh_record_set_string (cause, "description", "Xe nâng làm rách bao");
    sh_record_set_string (cause, "category", "operator");
    g_assert_cmpint (sh_undo_stack_insert (f->stack, cause, &error), >, 0);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 3);

  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM waste_stream"), ==, before);
  g_assert_cmpint (find (f->store, "waste_stream", uuid), ==, 0);

  /* Redo brings the row back under its uuid (the id it gets is the
   * store's choice), and the later entries find it there. */
  g_ptr_array_set_size (f->changes, 0);
  g_assert_true (sh_undo_stack_redo (f->stack, &error));
  g_assert_no_error (error);
  id2 = find (f->store, "waste_stream", uuid);
  g_assert_cmpint (id2, >, 0);
  g_assert_cmpuint (f->changes->len, ==, 1);
  {
    g_autofree char *expected = g_strdup_printf ("waste_stream %" G_GINT64_FORMAT " -", id2);

    g_assert_cmpstr (f->changes->pdata[0], ==, expected);
  }
  g_assert_true (sh_undo_stack_redo (f->stack, &error));
  g_assert_true (sh_undo_stack_redo (f->stack, &error));
  g_assert_no_error (error);
  name = get_text (f->store, "waste_stream", id2, "name");
  g_assert_cmpstr (name, ==, "Bao bì rách");
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cause WHERE description = 'Xe nâng làm rách bao'"), ==, 1);

  /* Undo the cause and the rename, then the insert: a row with a child
   * added outside the stack goes with it and comes back with it. */
  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  {
    g_autoptr(ShRecord) cause = sh_record_new ("cause");

    sh_record_set_int (cause, "assessment_id", f->assessment);
    sh_record_set_int (cause, "waste_stream_id", id2);
    sh_record_set_string (cause, "description", "Kho ẩm");
    sh_record_set_string (cause, "category", "waste_handling");
    g_assert_cmpint (sh_store_insert (f->store, cause, &error), >, 0);
  }
  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cause WHERE description = 'Kho ẩm'"), ==, 0);
  g_assert_true (sh_undo_stack_redo (f->stack, &error));
  g_assert_no_error (error);
  id3 = find (f->store, "waste_stream", uuid);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cause WHERE description = 'Kho ẩm'"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT waste_stream_id FROM cause WHERE description = 'Kho ẩm'"), ==, id3);
}

/* Deleting a row takes its children and clears references to it; undo must
 * bring back exactly what was there, and redo take it away again. */
static void
check_delete_round_trip (Fixture    *f,
                         const char *table,
                         const char *uuid,
                         const char *gone_sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *original = snapshot (f->store);
  g_autofree char *deleted = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *again = NULL;
  gint64 id = find (f->store, table, uuid);

  g_assert_cmpint (count (f->store, gone_sql), >, 0);
  g_assert_true (sh_undo_stack_delete (f->stack, table, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (find (f->store, table, uuid), ==, 0);
  g_assert_cmpint (count (f->store, gone_sql), ==, 0);
  deleted = snapshot (f->store);
  g_assert_cmpstr (deleted, !=, original);

  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_no_error (error);
  restored = snapshot (f->store);
  g_assert_cmpstr (restored, ==, original);

  g_assert_true (sh_undo_stack_redo (f->stack, &error));
  g_assert_no_error (error);
  redone = snapshot (f->store);
  g_assert_cmpstr (redone, ==, deleted);

  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_no_error (error);
  again = snapshot (f->store);
  g_assert_cmpstr (again, ==, original);

  g_assert_true (sh_store_integrity_check (f->store, &error));
  g_assert_no_error (error);
}

static void
test_undo_delete_option (Fixture       *f,
                         gconstpointer  data)
{
  gint64 option = find (f->store, "cp_option", DEMO_UUID ("000000001002"));
  gint64 action = find (f->store, "action_item", DEMO_UUID ("000000001701"));
  gint64 restored;
  g_autofree char *expected = NULL;

  /* The recycling option has investments, a saving, environmental effects,
   * ranking scores and a cause link (deleted with it), and an action item
   * and a monitoring record pointing at it (cleared). */
  check_delete_round_trip (f, "cp_option", DEMO_UUID ("000000001002"),
                           "SELECT (SELECT count(*) FROM option_investment WHERE option_id IN "
                           "  (SELECT id FROM cp_option WHERE code = 'GP02')) * "
                           "(SELECT count(*) FROM option_saving WHERE option_id IN "
                           "  (SELECT id FROM cp_option WHERE code = 'GP02')) * "
                           "(SELECT count(*) FROM option_env_effect WHERE option_id IN "
                           "  (SELECT id FROM cp_option WHERE code = 'GP02')) * "
                           "(SELECT count(*) FROM ranking_score WHERE option_id IN "
                           "  (SELECT id FROM cp_option WHERE code = 'GP02')) * "
                           "(SELECT count(*) FROM option_cause WHERE option_id IN "
                           "  (SELECT id FROM cp_option WHERE code = 'GP02')) * "
                           "(SELECT count(*) FROM action_item WHERE option_id IN "
                           "  (SELECT id FROM cp_option WHERE code = 'GP02'))");

  /* The editor hears of the restored option under its new id, and of the
   * action item whose reference came back. */
  restored = find (f->store, "cp_option", DEMO_UUID ("000000001002"));
  g_assert_cmpint (restored, !=, option);
  expected = g_strdup_printf ("cp_option %" G_GINT64_FORMAT " -", restored);
  g_assert_true (has_change (f, expected));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("action_item %" G_GINT64_FORMAT " option_id", action);
  g_assert_true (has_change (f, expected));
  g_assert_cmpint (get_int (f->store, "action_item", action, "option_id"), ==, restored);
}

static void
test_undo_delete_step (Fixture       *f,
                       gconstpointer  data)
{
  /* Separation: equipment and flows from and to it are deleted with it,
   * waste streams and an option lose their step. */
  check_delete_round_trip (f, "process_step", DEMO_UUID ("000000000404"),
                           "SELECT (SELECT count(*) FROM equipment WHERE step_id IN "
                           "  (SELECT id FROM process_step WHERE name = 'Ly tâm tách bã')) * "
                           "(SELECT count(*) FROM flow WHERE to_step_id IN "
                           "  (SELECT id FROM process_step WHERE name = 'Ly tâm tách bã')) * "
                           "(SELECT count(*) FROM waste_stream WHERE step_id IN "
                           "  (SELECT id FROM process_step WHERE name = 'Ly tâm tách bã'))");
}

static void
test_undo_delete_stream (Fixture       *f,
                         gconstpointer  data)
{
  /* The wastewater stream: its causes go, and with them their option links. */
  check_delete_round_trip (f, "waste_stream", DEMO_UUID ("000000000801"),
                           "SELECT count(*) FROM option_cause WHERE cause_id IN "
                           "  (SELECT id FROM cause WHERE description LIKE 'Rò rỉ%')");
}

static void
test_undo_delete_team_member (Fixture       *f,
                              gconstpointer  data)
{
  /* A facility's row is in the editor's scope too. */
  check_delete_round_trip (f, "team_member", DEMO_UUID ("000000000012"),
                           "SELECT count(*) FROM team_member WHERE name = 'Lê Thị Hoa'");
}

static void
test_undo_foreign_key_field (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 option = find (f->store, "cp_option", DEMO_UUID ("000000001006"));
  gint64 separate = find (f->store, "process_step", DEMO_UUID ("000000000404"));
  gint64 refine = find (f->store, "process_step", DEMO_UUID ("000000000405"));
  gint64 refine2;

  g_assert_cmpint (get_int (f->store, "cp_option", option, "step_id"), ==, separate);

  /* Move the option to refining, then delete refining (which clears the
   * option's step) and bring it back. */
  g_assert_true (sh_undo_stack_set_int (f->stack, "cp_option", option, "step_id", refine, &error));
  g_assert_true (sh_undo_stack_delete (f->stack, "process_step", refine, &error));
  g_assert_no_error (error);
  g_assert_cmpint (get_int (f->store, "cp_option", option, "step_id"), ==, -1);

  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_no_error (error);
  refine2 = find (f->store, "process_step", DEMO_UUID ("000000000405"));
  g_assert_cmpint (refine2, !=, refine);
  g_assert_cmpint (get_int (f->store, "cp_option", option, "step_id"), ==, refine2);

  /* The step edit is remembered by uuid, so it undoes and redoes against
   * the step's new id. */
  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_cmpint (get_int (f->store, "cp_option", option, "step_id"), ==, separate);
  g_assert_true (sh_undo_stack_redo (f->stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (get_int (f->store, "cp_option", option, "step_id"), ==, refine2);
}

static void
test_undo_group (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *original = snapshot (f->store);
  g_autofree char *grouped = NULL;
  g_autofree char *now = NULL;
  g_autoptr(ShRecord) item = sh_record_new ("action_item");
  gint64 option = find (f->store, "cp_option", DEMO_UUID ("000000001003"));

  sh_undo_stack_begin_group (f->stack);
  g_assert_true (sh_undo_stack_set_string (f->stack, "cp_option", option, "status", "in_progress", &error));
  g_assert_true (sh_undo_stack_set_string (f->stack, "cp_option", option, "actual_start", "2023-07-25", &error));
  sh_undo_stack_begin_group (f->stack);
  sh_record_set_int (item, "assessment_id", f->assessment);
  sh_record_set_int (item, "option_id", option);
  sh_record_set_string (item, "task", "Đặt mua dao mài");
  g_assert_cmpint (sh_undo_stack_insert (f->stack, item, &error), >, 0);
  sh_undo_stack_end_group (f->stack);
  g_assert_no_error (error);
  /* Nothing is undoable until the outer group ends. */
  g_assert_false (sh_undo_stack_get_can_undo (f->stack));
  sh_undo_stack_end_group (f->stack);
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 1);
  grouped = snapshot (f->store);

  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_no_error (error);
  now = snapshot (f->store);
  g_assert_cmpstr (now, ==, original);
  g_assert_false (sh_undo_stack_get_can_undo (f->stack));

  g_assert_true (sh_undo_stack_redo (f->stack, &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, g_free);
  now = snapshot (f->store);
  g_assert_cmpstr (now, ==, grouped);

  /* An empty group records nothing. */
  sh_undo_stack_begin_group (f->stack);
  sh_undo_stack_end_group (f->stack);
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 1);
}

static void
test_undo_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 step = find (f->store, "process_step", DEMO_UUID ("000000000401"));

  g_assert_cmpuint (sh_undo_stack_get_limit (f->stack), ==, SH_UNDO_STACK_DEFAULT_LIMIT);
  sh_undo_stack_set_limit (f->stack, 3);

  for (int i = 1; i <= 5; i++)
    {
      g_assert_true (sh_undo_stack_set_int (f->stack, "process_step", step, "seq", 10 + i, &error));
      g_assert_no_error (error);
      sh_undo_stack_stop_merging (f->stack);
    }
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 3);

  for (int i = 0; i < 3; i++)
    g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_no_error (error);
  /* The first two edits were forgotten, not undone. */
  g_assert_cmpint (get_int (f->store, "process_step", step, "seq"), ==, 12);
  g_assert_false (sh_undo_stack_undo (f->stack, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Lowering the limit forgets the oldest at once. */
  for (int i = 0; i < 3; i++)
    g_assert_true (sh_undo_stack_redo (f->stack, &error));
  sh_undo_stack_set_limit (f->stack, 1);
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 1);
  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_cmpint (get_int (f->store, "process_step", step, "seq"), ==, 14);
}

static void
test_undo_locked (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *now = NULL;
  gint64 facility = get_int (f->store, "assessment", f->assessment, "facility_id");
  gint64 step = find (f->store, "process_step", DEMO_UUID ("000000000403"));
  gboolean found = FALSE;

  g_assert_true (sh_undo_stack_set_string (f->stack, "process_step", step, "description", "Máy mài mới", &error));
  g_assert_true (sh_undo_stack_delete (f->stack, "equipment",
                                       find (f->store, "equipment", DEMO_UUID ("000000000411")), &error));
  g_assert_no_error (error);
  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_true (sh_store_finalize_assessment (f->store, f->assessment, &error));
  g_assert_no_error (error);
  locked = snapshot (f->store);

  g_assert_false (sh_undo_stack_undo (f->stack, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (sh_undo_stack_redo (f->stack, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  /* The facility is not locked by the store, but is by its editor. */
  g_assert_false (sh_undo_stack_set_string (f->stack, "facility", facility, "phone", "0260 000", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (sh_undo_stack_delete (f->stack, "process_step", step, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  now = snapshot (f->store);
  g_assert_cmpstr (now, ==, locked);
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 1);
  g_assert_cmpuint (sh_undo_stack_get_n_redo (f->stack), ==, 1);

  /* Reopened, the same history works again, and goes into the trail. */
  g_assert_true (sh_store_reopen_assessment (f->store, f->assessment, "Sửa mô tả", &error));
  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM process_step WHERE description IS NULL "
                                    "AND name = 'Băm và mài củ'"), ==, 1);

  audit = sh_store_list_audit (f->store, f->assessment, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      ShRecord *row = audit->pdata[i];

      if (g_strcmp0 (sh_record_get_string (row, "column_name"), "description") == 0 &&
          g_strcmp0 (sh_record_get_string (row, "old_value"), "Máy mài mới") == 0 &&
          g_strcmp0 (sh_record_get_string (row, "why"), "Sửa mô tả") == 0)
        found = TRUE;
    }
  g_assert_true (found);
}

static void
test_undo_failure_rolls_back (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *original = snapshot (f->store);
  g_autofree char *deleted = NULL;
  g_autofree char *now = NULL;
  sqlite3 *db = sh_store_get_db (f->store);
  gint64 option = find (f->store, "cp_option", DEMO_UUID ("000000001005"));

  g_assert_true (sh_undo_stack_delete (f->stack, "cp_option", option, &error));
  g_assert_no_error (error);
  deleted = snapshot (f->store);

  /* Restoring fails half-way: the option and its investments are back
   * before its savings refuse to go in. */
  g_assert_cmpint (sqlite3_exec (db, "CREATE TEMP TRIGGER refuse BEFORE INSERT ON option_saving "
                                     "BEGIN SELECT RAISE (ABORT, 'refused'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_ptr_array_set_size (f->changes, 0);
  g_assert_false (sh_undo_stack_undo (f->stack, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  now = snapshot (f->store);
  g_assert_cmpstr (now, ==, deleted);
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 1);
  g_assert_cmpuint (sh_undo_stack_get_n_redo (f->stack), ==, 0);

  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER refuse", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, g_free);
  now = snapshot (f->store);
  g_assert_cmpstr (now, ==, original);

  /* The same when the database is held by another program. */
  {
    g_autofree char *path = g_strdup (sh_store_get_path (f->store));
    sqlite3 *other = NULL;

    g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_busy_timeout (db, 10);

    g_assert_false (sh_undo_stack_redo (f->stack, &error));
    g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_LOCKED);
    g_clear_error (&error);
    g_assert_cmpuint (sh_undo_stack_get_n_redo (f->stack), ==, 1);

    sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close (other);
  }
  g_assert_true (sh_undo_stack_redo (f->stack, &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, g_free);
  now = snapshot (f->store);
  g_assert_cmpstr (now, ==, deleted);
}

static void
test_undo_scope (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) row = sh_record_new ("process_step");
  gint64 quick = find (f->store, "assessment", DEMO_UUID ("000000000100"));
  gint64 brick_option = find (f->store, "cp_option", DEMO_UUID ("000000002131"));
  gint64 other_facility = find (f->store, "facility", DEMO_UUID ("000000000005"));

  g_assert_false (sh_undo_stack_set_string (f->stack, "assessment", quick, "title", "x", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sh_undo_stack_set_string (f->stack, "cp_option", brick_option, "title", "x", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sh_undo_stack_set_string (f->stack, "facility", other_facility, "name", "x", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sh_undo_stack_delete (f->stack, "assessment", f->assessment, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sh_undo_stack_delete (f->stack, "option_investment",
                                        find (f->store, "option_investment", DEMO_UUID ("000000002132")),
                                        &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  sh_record_set_int (row, "assessment_id", quick);
  sh_record_set_string (row, "name", "Nung");
  g_assert_cmpint (sh_undo_stack_insert (f->stack, row, &error), ==, 0);
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 0);

  /* Its own assessment's fields are in scope. */
  g_clear_error (&error);
  g_assert_true (sh_undo_stack_set_string (f->stack, "assessment", f->assessment, "scope", "Toàn nhà máy", &error));
  g_assert_no_error (error);
}

/* The facility page's stack: the facility and its own rows, nothing of an
 * assessment; a deleted annual report comes back with the submissions
 * that pointed at it. */
static void
test_undo_facility_stack (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShUndoStack) stack = NULL;
  g_autoptr(ShRecord) report = sh_record_new ("annual_report");
  g_autoptr(ShRecord) submission = sh_record_new ("submission");
  g_autofree char *report_uuid = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  gint64 facility = get_int (f->store, "assessment", f->assessment, "facility_id");
  gint64 other_facility = find (f->store, "facility", DEMO_UUID ("000000000005"));
  gint64 report_id, restored;

  stack = sh_undo_stack_new_for_facility (f->store, facility, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sh_undo_stack_get_assessment_id (stack), ==, 0);
  g_assert_cmpint (sh_undo_stack_get_facility_id (stack), ==, facility);

  /* A field, undone and redone. */
  phone = get_text (f->store, "facility", facility, "phone");
  g_assert_true (sh_undo_stack_set_string (stack, "facility", facility, "phone", "0260 111 222", &error));
  g_assert_no_error (error);
  g_assert_true (sh_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  undone = get_text (f->store, "facility", facility, "phone");
  g_assert_cmpstr (undone, ==, phone);
  g_assert_true (sh_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  redone = get_text (f->store, "facility", facility, "phone");
  g_assert_cmpstr (redone, ==, "0260 111 222");

  /* A report with a submission logged against it, deleted and undone. */
  sh_record_set_int (report, "facility_id", facility);
  sh_record_set_int (report, "year", 2031);
  report_id = sh_undo_stack_insert (stack, report, &error);
  g_assert_no_error (error);
  report_uuid = g_strdup (sh_record_get_uuid (report));
  sh_record_set_int (submission, "facility_id", facility);
  sh_record_set_int (submission, "annual_report_id", report_id);
  sh_record_set_string (submission, "direction", "sent");
  sh_record_set_string (submission, "document_uuid", "8f0c7a52-3c1e-4d7a-9b1e-6a2f4e5d0c11");
  sh_record_set_string (submission, "document_type", "annual_report");
  g_assert_cmpint (sh_store_insert (f->store, submission, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (sh_undo_stack_delete (stack, "annual_report", report_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (find (f->store, "annual_report", report_uuid), ==, 0);
  /* -1: NULL */
  g_assert_cmpint (get_int (f->store, "submission", sh_record_get_id (submission), "annual_report_id"), ==, -1);
  g_assert_true (sh_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  restored = find (f->store, "annual_report", report_uuid);
  g_assert_cmpint (restored, >, 0);
  g_assert_cmpint (get_int (f->store, "submission", sh_record_get_id (submission), "annual_report_id"), ==, restored);

  /* Nothing of an assessment, not even its own facility's, and no other
   * facility. */
  g_assert_false (sh_undo_stack_set_string (stack, "assessment", f->assessment, "scope", "x", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sh_undo_stack_set_string (stack, "process_step",
                                            find (f->store, "process_step", DEMO_UUID ("000000000401")),
                                            "name", "x", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sh_undo_stack_set_string (stack, "facility", other_facility, "name", "x", &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sh_undo_stack_delete (stack, "facility", facility, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
}

static void
test_undo_start_detailed (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  gint64 quick = find (f->store, "assessment", DEMO_UUID ("000000002101"));
  gint64 detailed = 0;
  gint64 redone;

  open_stack (f, quick);
  before = snapshot (f->store);

  g_assert_true (sh_undo_stack_start_detailed (f->stack, &detailed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (detailed, >, 0);
  {
    g_autoptr(ShRecord) row = sh_store_get (f->store, "assessment", detailed, &error);

    g_assert_no_error (error);
    uuid = g_strdup (sh_record_get_uuid (row));
  }
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM production_record WHERE assessment_id = "
                                    "(SELECT max(id) FROM assessment)"), ==, 1);
  after = snapshot (f->store);

  /* One undo removes all of it; redo brings back the same rows. */
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 1);
  g_assert_true (sh_undo_stack_undo (f->stack, &error));
  g_assert_no_error (error);
  now = snapshot (f->store);
  g_assert_cmpstr (now, ==, before);
  g_assert_true (sh_undo_stack_redo (f->stack, &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, g_free);
  now = snapshot (f->store);
  g_assert_cmpstr (now, ==, after);
  redone = find (f->store, "assessment", uuid);
  g_assert_cmpint (redone, >, 0);

  /* Once someone has worked in the detailed assessment, undo refuses to
   * throw that work away and changes nothing. */
  g_assert_true (sh_store_set_string (f->store, "assessment", redone, "title", "Đánh giá chi tiết lò nung", &error));
  g_clear_pointer (&after, g_free);
  after = snapshot (f->store);
  g_assert_false (sh_undo_stack_undo (f->stack, &error));
  g_assert_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID);
  g_clear_pointer (&now, g_free);
  now = snapshot (f->store);
  g_assert_cmpstr (now, ==, after);
  g_assert_cmpuint (sh_undo_stack_get_n_undo (f->stack), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/undo/field", test_undo_field);
  ADD ("/undo/field/merge", test_undo_merge);
  ADD ("/undo/field/foreign-key", test_undo_foreign_key_field);
  ADD ("/undo/insert", test_undo_insert);
  ADD ("/undo/delete/option", test_undo_delete_option);
  ADD ("/undo/delete/step", test_undo_delete_step);
  ADD ("/undo/delete/waste-stream", test_undo_delete_stream);
  ADD ("/undo/delete/team-member", test_undo_delete_team_member);
  ADD ("/undo/group", test_undo_group);
  ADD ("/undo/limit", test_undo_limit);
  ADD ("/undo/locked", test_undo_locked);
  ADD ("/undo/failure-rolls-back", test_undo_failure_rolls_back);
  ADD ("/undo/scope", test_undo_scope);
  ADD ("/undo/facility-stack", test_undo_facility_stack);
  ADD ("/undo/start-detailed", test_undo_start_detailed);
#undef ADD

  return g_test_run ();
}
