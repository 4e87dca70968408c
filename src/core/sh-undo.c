/* sh-undo.c — undo and redo of the edits to one open assessment.
 *
 * How a deleted row comes back. Before a delete, the stack walks the
 * schema's foreign keys (PRAGMA foreign_key_list, read once per stack) from
 * the row: children on ON DELETE CASCADE keys are captured recursively as
 * "nodes", rows on ON DELETE SET NULL keys are noted as "referrers". Each
 * node keeps its values with every foreign key turned into the uuid of the
 * row it points to. Restoring inserts the nodes parents first, turning those
 * uuids back into the ids the rows have now, then sets the referrers'
 * columns again. The same walk serves an undone insert, so that rows added
 * under a new row come back with it on redo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sh-assessment.h"
#include "sh-store-private.h"
#include "sh-undo.h"

typedef struct
{
  char     *table;      /* the table that holds the key */
  char     *column;
  char     *parent;     /* the table it points to (by id) */
  gboolean  cascade;    /* ON DELETE CASCADE */
  gboolean  set_null;   /* ON DELETE SET NULL */
} ForeignKey;

/* A foreign key value, by the uuid of the row it points to. */
typedef struct
{
  char *column;
  char *table;
  char *uuid;
} Ref;

typedef struct
{
  char      *table;
  char      *uuid;
  gint64     id;        /* when captured */
  ShRecord  *values;    /* every column but id, uuid and the set foreign keys */
  GPtrArray *refs;      /* Ref: the set foreign keys */
} Node;

/* A row outside the tree whose @column the delete set to NULL. */
typedef struct
{
  char   *table;
  char   *uuid;
  gint64  id;           /* when captured */
  char   *column;
  char   *target_table;
  char   *target_uuid;
} Referrer;

typedef struct
{
  GPtrArray *nodes;     /* Node, the root first, parents before children */
  GPtrArray *referrers; /* Referrer */
} Tree;

/* A field value; a foreign key is kept as a reference by uuid. */
typedef struct
{
  GValue  value;        /* unset for NULL */
  char   *ref_table;
  char   *ref_uuid;
} Stored;

typedef enum
{
  ENTRY_FIELD,
  ENTRY_ROW,
  ENTRY_GROUP,
} EntryKind;

typedef struct
{
  EntryKind  kind;
  char      *table;
  char      *uuid;

  /* ENTRY_FIELD */
  char      *column;
  Stored     before;
  Stored     after;

  /* ENTRY_ROW: the edit inserted the row (else it deleted it). The tree is
   * what was removed last; pending is a removal not yet committed. */
  gboolean   inserted;
  Tree      *tree;
  Tree      *pending;
  char      *fingerprint;   /* when set, removal needs an unchanged tree */

  /* ENTRY_GROUP */
  GPtrArray *children;
} Entry;

typedef struct
{
  char   *table;
  gint64  id;
  char   *column;
} Change;

struct _ShUndoStack
{
  GObject          parent_instance;

  ShStore         *store;
  gint64           assessment_id;
  gint64           facility_id;

  GPtrArray       *fks;         /* ForeignKey */
  GHashTable      *fks_out;     /* table → GPtrArray of its ForeignKey (borrowed) */
  GHashTable      *fks_in;      /* table → GPtrArray of ForeignKey pointing at it */

  GPtrArray       *undo;        /* Entry, oldest first */
  GPtrArray       *redo;        /* Entry, the next to redo last */
  Entry           *group;
  guint            group_depth;
  Entry           *merge_entry;
  gint64           merge_time;
  guint            limit;

  ShUndoClockFunc  clock;
  gpointer         clock_data;
};

G_DEFINE_FINAL_TYPE (ShUndoStack, sh_undo_stack, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_ASSESSMENT_ID,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_LIMIT,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* -------------------------------------------------------------------------
 * Small structures
 * ------------------------------------------------------------------------- */

static void
foreign_key_free (gpointer data)
{
  ForeignKey *fk = data;

  g_free (fk->table);
  g_free (fk->column);
  g_free (fk->parent);
  g_free (fk);
}

static void
ref_free (gpointer data)
{
  Ref *ref = data;

  g_free (ref->column);
  g_free (ref->table);
  g_free (ref->uuid);
  g_free (ref);
}

static void
node_free (gpointer data)
{
  Node *node = data;

  g_free (node->table);
  g_free (node->uuid);
  g_clear_pointer (&node->values, sh_record_unref);
  g_clear_pointer (&node->refs, g_ptr_array_unref);
  g_free (node);
}

static void
referrer_free (gpointer data)
{
  Referrer *referrer = data;

  /* Capturing moves some referrers out of their first array. */
  if (referrer == NULL)
    return;

  g_free (referrer->table);
  g_free (referrer->uuid);
  g_free (referrer->column);
  g_free (referrer->target_table);
  g_free (referrer->target_uuid);
  g_free (referrer);
}

static Tree *
tree_new (void)
{
  Tree *tree = g_new0 (Tree, 1);

  tree->nodes = g_ptr_array_new_with_free_func (node_free);
  tree->referrers = g_ptr_array_new_with_free_func (referrer_free);
  return tree;
}

static void
tree_free (Tree *tree)
{
  g_ptr_array_unref (tree->nodes);
  g_ptr_array_unref (tree->referrers);
  g_free (tree);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Tree, tree_free)

static void
stored_clear (Stored *stored)
{
  if (G_IS_VALUE (&stored->value))
    g_value_unset (&stored->value);
  g_clear_pointer (&stored->ref_table, g_free);
  g_clear_pointer (&stored->ref_uuid, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Stored, stored_clear)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->table);
  g_free (entry->uuid);
  g_free (entry->column);
  stored_clear (&entry->before);
  stored_clear (&entry->after);
  g_clear_pointer (&entry->tree, tree_free);
  g_clear_pointer (&entry->pending, tree_free);
  g_free (entry->fingerprint);
  g_clear_pointer (&entry->children, g_ptr_array_unref);
  g_free (entry);
}

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->table);
  g_free (change->column);
  g_free (change);
}

static void
add_change (GPtrArray  *changes,
            const char *table,
            gint64      id,
            const char *column)
{
  Change *change = g_new0 (Change, 1);

  change->table = g_strdup (table);
  change->id = id;
  change->column = g_strdup (column);
  g_ptr_array_add (changes, change);
}

static char *
row_key (const char *table,
         const char *what)
{
  return g_strconcat (table, "\037", what, NULL);
}

static char *
row_key_id (const char *table,
            gint64      id)
{
  return g_strdup_printf ("%s\037%" G_GINT64_FORMAT, table, id);
}

static gboolean
stored_equal (const Stored *a,
              const Stored *b)
{
  if (a->ref_uuid != NULL || b->ref_uuid != NULL)
    return g_strcmp0 (a->ref_table, b->ref_table) == 0 && g_strcmp0 (a->ref_uuid, b->ref_uuid) == 0;

  return sh_value_equal (&a->value, &b->value);
}

/* -------------------------------------------------------------------------
 * Schema and lookups
 * ------------------------------------------------------------------------- */

static gboolean
table_has_uuid (sqlite3    *db,
                const char *table)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = 'uuid'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
load_foreign_keys (ShUndoStack  *self,
                   GError      **error)
{
  sqlite3 *db = sh_store_get_db (self->store);
  g_autoptr(sqlite3_stmt) tables = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT name FROM sqlite_schema WHERE type = 'table' "
                           "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                           -1, &tables, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (tables)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_key_list(\"%s\")", table);
      g_autoptr(sqlite3_stmt) keys = NULL;

      rc = SQLITE_OK;

      /* Only rows with a uuid can be captured and found again: the audit
       * trail and the reference tables have none, and are never edited
       * through a stack (an assessment, the only parent of audit rows, is
       * removed by undo only while it is an unchanged draft, which has no
       * trail). */
      if (!table_has_uuid (db, table))
        continue;

      rc = sqlite3_prepare_v2 (db, sql, -1, &keys, NULL);
      while (rc == SQLITE_OK && (rc = sqlite3_step (keys)) == SQLITE_ROW)
        {
          const char *parent = (const char *) sqlite3_column_text (keys, 2);
          const char *from = (const char *) sqlite3_column_text (keys, 3);
          const char *to = (const char *) sqlite3_column_text (keys, 4);
          const char *on_delete = (const char *) sqlite3_column_text (keys, 6);
          ForeignKey *fk;
          GPtrArray *list;

          rc = SQLITE_OK;

          /* Only keys to a row's id: the reference tables refer to each
           * other by code. */
          if (to != NULL && g_strcmp0 (to, "id") != 0)
            continue;

          fk = g_new0 (ForeignKey, 1);
          fk->table = g_strdup (table);
          fk->column = g_strdup (from);
          fk->parent = g_strdup (parent);
          fk->cascade = g_strcmp0 (on_delete, "CASCADE") == 0;
          fk->set_null = g_strcmp0 (on_delete, "SET NULL") == 0;
          g_ptr_array_add (self->fks, fk);

          if (!(list = g_hash_table_lookup (self->fks_out, fk->table)))
            g_hash_table_insert (self->fks_out, fk->table, list = g_ptr_array_new ());
          g_ptr_array_add (list, fk);
          if (!(list = g_hash_table_lookup (self->fks_in, fk->parent)))
            g_hash_table_insert (self->fks_in, fk->parent, list = g_ptr_array_new ());
          g_ptr_array_add (list, fk);
        }
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      sh_store_set_sqlite_error (self->store, rc, error, "reading the schema");
      return FALSE;
    }

  return TRUE;
}

static ForeignKey *
find_foreign_key (ShUndoStack *self,
                  const char  *table,
                  const char  *column)
{
  GPtrArray *list = g_hash_table_lookup (self->fks_out, table);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      ForeignKey *fk = list->pdata[i];

      if (g_str_equal (fk->column, column))
        return fk;
    }

  return NULL;
}

static void
set_not_found (GError     **error,
               const char  *table)
{
  g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_NOT_FOUND,
               _("A record of “%s” that this change needs no longer exists."), table);
}

static char *
lookup_uuid (ShUndoStack  *self,
             const char   *table,
             gint64        id,
             GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM \"%s\" WHERE id = ?1", table);
  sqlite3_stmt *stmt;
  char *uuid = NULL;
  int rc;

  if (!(stmt = sh_store_prepare (self->store, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW && uuid == NULL)
    g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                 "A row of %s has no uuid", table);
  else if (rc == SQLITE_DONE)
    set_not_found (error, table);
  else if (rc != SQLITE_ROW)
    sh_store_set_sqlite_error (self->store, rc, error, "finding a record");

  return uuid;
}

/* The current id of a row, 0 (with @error set) if there is none. */
static gint64
lookup_id (ShUndoStack  *self,
           const char   *table,
           const char   *uuid,
           GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE uuid = ?1", table);
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (!(stmt = sh_store_prepare (self->store, sql, error)))
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    set_not_found (error, table);
  else if (rc != SQLITE_ROW)
    sh_store_set_sqlite_error (self->store, rc, error, "finding a record");

  return id;
}

/* The ids of the rows of @table whose @column is @value. */
static GArray *
list_ids (ShUndoStack  *self,
          const char   *table,
          const char   *column,
          gint64        value,
          GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ?1 ORDER BY id",
                                          table, column);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = sh_store_prepare (self->store, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sh_store_set_sqlite_error (self->store, rc, error, "listing records");
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static gboolean
stored_from_value (ShUndoStack   *self,
                   const char    *table,
                   const char    *column,
                   const GValue  *value,
                   Stored        *out,
                   GError       **error)
{
  ForeignKey *fk = find_foreign_key (self, table, column);

  memset (out, 0, sizeof *out);
  if (value == NULL || !G_IS_VALUE (value) ||
      (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) == NULL))
    return TRUE;

  if (fk != NULL && G_VALUE_HOLDS_INT64 (value))
    {
      out->ref_uuid = lookup_uuid (self, fk->parent, g_value_get_int64 (value), error);
      if (out->ref_uuid == NULL)
        return FALSE;
      out->ref_table = g_strdup (fk->parent);
      return TRUE;
    }

  g_value_init (&out->value, G_VALUE_TYPE (value));
  g_value_copy (value, &out->value);
  return TRUE;
}

/* Fills @value (left unset for NULL) with what @stored stands for now. */
static gboolean
stored_resolve (ShUndoStack   *self,
                const Stored  *stored,
                GValue        *value,
                GError       **error)
{
  if (stored->ref_uuid != NULL)
    {
      gint64 id = lookup_id (self, stored->ref_table, stored->ref_uuid, error);

      if (id == 0)
        return FALSE;
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, id);
    }
  else if (G_IS_VALUE (&stored->value))
    {
      g_value_init (value, G_VALUE_TYPE (&stored->value));
      g_value_copy (&stored->value, value);
    }

  return TRUE;
}

/* -------------------------------------------------------------------------
 * Scope and locks
 * ------------------------------------------------------------------------- */

static gboolean
check_unlocked (ShUndoStack  *self,
                GError      **error)
{
  /* A facility's stack has no assessment to lock it. */
  if (self->assessment_id != 0 &&
      sh_store_is_assessment_locked (self->store, self->assessment_id))
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_READ_ONLY,
                   _("This assessment is finalized and cannot be changed. "
                     "Reopen it, giving a reason, to edit it."));
      return FALSE;
    }

  return TRUE;
}

/* The assessment whose rows a row with @column = @value belongs to. */
static const struct
{
  const char *column;
  const char *sql;
} owner_links[] = {
  { "assessment_id", NULL },
  { "option_id", "SELECT assessment_id FROM cp_option WHERE id = ?1" },
  { "step_id", "SELECT assessment_id FROM process_step WHERE id = ?1" },
  { "criterion_id", "SELECT assessment_id FROM ranking_criterion WHERE id = ?1" },
};

/* Whether a row with @values (an existing row, or one to insert) is one
 * this stack may change: see "Scope" in sh-undo.h. */
static gboolean
check_scope (ShUndoStack  *self,
             const char   *table,
             gint64        id,
             ShRecord     *values,
             GError      **error)
{
  gboolean ok = FALSE;

  if (g_str_equal (table, "assessment"))
    ok = id == self->assessment_id;
  else if (g_str_equal (table, "facility"))
    ok = id == self->facility_id;
  else
    {
      gboolean decided = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (owner_links) && !decided; i++)
        {
          gint64 parent = sh_record_get_int (values, owner_links[i].column, 0);
          sqlite3_stmt *stmt;
          int rc;

          if (parent == 0)
            continue;

          decided = TRUE;
          if (owner_links[i].sql == NULL)
            {
              ok = parent == self->assessment_id;
              continue;
            }

          if (!(stmt = sh_store_prepare (self->store, owner_links[i].sql, error)))
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, parent);
          rc = sqlite3_step (stmt);
          /* A parent that does not exist is the store's to refuse, with
           * the words for it. */
          ok = rc != SQLITE_ROW || sqlite3_column_int64 (stmt, 0) == self->assessment_id;
          sqlite3_reset (stmt);
        }

      if (!decided)
        ok = sh_record_get_int (values, "facility_id", 0) == self->facility_id;
    }

  if (!ok)
    g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                 _("This record belongs to another assessment or facility, "
                   "so it cannot be changed from this one."));

  return ok;
}

/* -------------------------------------------------------------------------
 * Capturing and restoring rows
 * ------------------------------------------------------------------------- */

static Node *
node_from_row (ShUndoStack  *self,
               const char   *table,
               ShRecord     *row,
               GError      **error)
{
  Node *node;

  if (sh_record_get_uuid (row) == NULL)
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                   "Rows of %s cannot be undone (no uuid)", table);
      return NULL;
    }

  node = g_new0 (Node, 1);
  node->table = g_strdup (table);
  node->uuid = g_strdup (sh_record_get_uuid (row));
  node->id = sh_record_get_id (row);
  node->values = sh_record_new (table);
  node->refs = g_ptr_array_new_with_free_func (ref_free);

  for (guint i = 0; i < sh_record_get_n_columns (row); i++)
    {
      const char *column = sh_record_get_column (row, i);
      ForeignKey *fk;

      if (g_str_equal (column, "id") || g_str_equal (column, "uuid"))
        continue;

      fk = find_foreign_key (self, table, column);
      if (fk != NULL && !sh_record_is_null (row, column))
        {
          Ref *ref = g_new0 (Ref, 1);

          ref->column = g_strdup (column);
          ref->table = g_strdup (fk->parent);
          g_ptr_array_add (node->refs, ref);
          ref->uuid = lookup_uuid (self, fk->parent, sh_record_get_int (row, column, 0), error);
          if (ref->uuid == NULL)
            {
              node_free (node);
              return NULL;
            }
          continue;
        }

      sh_record_set_value (node->values, column, sh_record_get_value (row, column));
    }

  return node;
}

typedef struct
{
  const char *table;    /* borrowed from the stack's keys or the caller */
  gint64      id;
} Pending;

/* The row and everything that deleting it would delete or clear. */
static Tree *
capture (ShUndoStack  *self,
         const char   *table,
         gint64        id,
         GError      **error)
{
  g_autoptr(Tree) tree = tree_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_autoptr(GPtrArray) referrers = g_ptr_array_new_with_free_func (referrer_free);
  Pending first = { table, id };

  g_array_append_val (queue, first);
  g_hash_table_add (seen, row_key_id (table, id));

  /* Breadth first, so every child comes after the row it was reached from. */
  for (guint q = 0; q < queue->len; q++)
    {
      Pending current = g_array_index (queue, Pending, q);
      g_autoptr(ShRecord) row = NULL;
      GPtrArray *incoming;
      Node *node;

      if (!(row = sh_store_get (self->store, current.table, current.id, error)))
        return NULL;
      if (!(node = node_from_row (self, current.table, row, error)))
        return NULL;
      g_ptr_array_add (tree->nodes, node);

      incoming = g_hash_table_lookup (self->fks_in, current.table);
      for (guint k = 0; incoming != NULL && k < incoming->len; k++)
        {
          ForeignKey *fk = incoming->pdata[k];
          g_autoptr(GArray) ids = NULL;

          if (!fk->cascade && !fk->set_null)
            continue;
          if (!(ids = list_ids (self, fk->table, fk->column, current.id, error)))
            return NULL;

          for (guint c = 0; c < ids->len; c++)
            {
              gint64 child = g_array_index (ids, gint64, c);

              if (fk->cascade)
                {
                  char *key = row_key_id (fk->table, child);

                  if (g_hash_table_add (seen, key))
                    {
                      Pending next = { fk->table, child };

                      g_array_append_val (queue, next);
                    }
                }
              else
                {
                  Referrer *referrer = g_new0 (Referrer, 1);

                  referrer->table = g_strdup (fk->table);
                  referrer->id = child;
                  referrer->column = g_strdup (fk->column);
                  referrer->target_table = g_strdup (current.table);
                  referrer->target_uuid = g_strdup (node->uuid);
                  g_ptr_array_add (referrers, referrer);
                }
            }
        }
    }

  /* A row that goes with the tree needs no column restored. */
  for (guint i = 0; i < referrers->len; i++)
    {
      Referrer *referrer = referrers->pdata[i];
      g_autofree char *key = row_key_id (referrer->table, referrer->id);

      if (g_hash_table_contains (seen, key))
        continue;
      if (!(referrer->uuid = lookup_uuid (self, referrer->table, referrer->id, error)))
        return NULL;
      g_ptr_array_add (tree->referrers, g_steal_pointer (&referrers->pdata[i]));
    }

  return g_steal_pointer (&tree);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The tree's contents as text, independent of ids and of order, to tell
 * whether anything in it changed. */
static char *
fingerprint (Tree *tree)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < tree->nodes->len; i++)
    {
      Node *node = tree->nodes->pdata[i];
      GString *line = g_string_new (NULL);

      g_string_append_printf (line, "%s %s", node->table, node->uuid);
      for (guint c = 0; c < sh_record_get_n_columns (node->values); c++)
        {
          const char *column = sh_record_get_column (node->values, c);
          g_autofree char *text = sh_value_to_string (sh_record_get_value (node->values, column));

          g_string_append_printf (line, "\037%s=%s", column, text != NULL ? text : "\036");
        }
      for (guint r = 0; r < node->refs->len; r++)
        {
          Ref *ref = node->refs->pdata[r];

          g_string_append_printf (line, "\037%s>%s:%s", ref->column, ref->table, ref->uuid);
        }
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }

  for (guint i = 0; i < tree->referrers->len; i++)
    {
      Referrer *referrer = tree->referrers->pdata[i];

      g_ptr_array_add (lines, g_strdup_printf ("<%s %s %s>%s:%s", referrer->table, referrer->uuid,
                                               referrer->column, referrer->target_table,
                                               referrer->target_uuid));
    }

  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (all, lines->pdata[i]);
      g_string_append_c (all, '\n');
    }

  return g_string_free (g_steal_pointer (&all), FALSE);
}

static gboolean
insert_node (ShUndoStack  *self,
             Node         *node,
             GPtrArray    *changes,
             GError      **error)
{
  g_autoptr(ShRecord) record = sh_record_new (node->table);
  gboolean is_assessment = g_str_equal (node->table, "assessment");
  gint64 id;

  sh_record_set_uuid (record, node->uuid);
  for (guint c = 0; c < sh_record_get_n_columns (node->values); c++)
    {
      const char *column = sh_record_get_column (node->values, c);

      /* A new assessment always starts as a draft, which is what this one
       * was: only an unchanged draft is ever removed by undo. */
      if (is_assessment && (g_str_equal (column, "status") || g_str_equal (column, "finalized_at")))
        {
          if (g_str_equal (column, "status") ?
              g_strcmp0 (sh_record_get_string (node->values, column), "draft") != 0 :
              !sh_record_is_null (node->values, column))
            {
              g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                           _("A finalized assessment cannot be brought back by undo."));
              return FALSE;
            }
          continue;
        }
      sh_record_set_value (record, column, sh_record_get_value (node->values, column));
    }

  for (guint r = 0; r < node->refs->len; r++)
    {
      Ref *ref = node->refs->pdata[r];
      gint64 target = lookup_id (self, ref->table, ref->uuid, error);

      if (target == 0)
        return FALSE;
      sh_record_set_int (record, ref->column, target);
    }

  if ((id = sh_store_insert (self->store, record, error)) == 0)
    return FALSE;

  add_change (changes, node->table, id, NULL);
  return TRUE;
}

/* Inserts the tree's rows again, parents before children, then points the
 * referrers at them again. */
static gboolean
restore (ShUndoStack  *self,
         Tree         *tree,
         GPtrArray    *changes,
         GError      **error)
{
  g_autoptr(GHashTable) in_tree = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_done = 0;

  for (guint i = 0; i < tree->nodes->len; i++)
    {
      Node *node = tree->nodes->pdata[i];

      g_hash_table_add (in_tree, row_key (node->table, node->uuid));
    }

  while (n_done < tree->nodes->len)
    {
      gboolean progress = FALSE;

      for (guint i = 0; i < tree->nodes->len; i++)
        {
          Node *node = tree->nodes->pdata[i];
          g_autofree char *key = row_key (node->table, node->uuid);
          gboolean ready = TRUE;

          if (g_hash_table_contains (done, key))
            continue;

          for (guint r = 0; r < node->refs->len && ready; r++)
            {
              Ref *ref = node->refs->pdata[r];
              g_autofree char *target = row_key (ref->table, ref->uuid);

              ready = !g_hash_table_contains (in_tree, target) || g_hash_table_contains (done, target);
            }
          if (!ready)
            continue;

          if (!insert_node (self, node, changes, error))
            return FALSE;
          g_hash_table_add (done, g_steal_pointer (&key));
          n_done++;
          progress = TRUE;
        }

      if (!progress)
        {
          g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_FAILED,
                       "The deleted rows refer to each other in a circle");
          return FALSE;
        }
    }

  for (guint i = 0; i < tree->referrers->len; i++)
    {
      Referrer *referrer = tree->referrers->pdata[i];
      g_autoptr(ShRecord) row = NULL;
      g_auto(GValue) value = G_VALUE_INIT;
      gint64 id, target;

      /* A referrer that is gone, or that points elsewhere by now, is left
       * as it is: the reference it had is no longer wanted. */
      if ((id = lookup_id (self, referrer->table, referrer->uuid, NULL)) == 0)
        continue;
      if (!(row = sh_store_get (self->store, referrer->table, id, error)))
        return FALSE;
      if (!sh_record_is_null (row, referrer->column))
        continue;
      if ((target = lookup_id (self, referrer->target_table, referrer->target_uuid, error)) == 0)
        return FALSE;

      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, target);
      if (!sh_store_update (self->store, referrer->table, id, referrer->column, &value, NULL, error))
        return FALSE;
      add_change (changes, referrer->table, id, referrer->column);
    }

  return TRUE;
}

/* Deletes a row, returning what went with it. */
static Tree *
remove_row (ShUndoStack  *self,
            const char   *table,
            gint64        id,
            const char   *expected,
            GPtrArray    *changes,
            GError      **error)
{
  g_autoptr(Tree) tree = NULL;

  if (!(tree = capture (self, table, id, error)))
    return NULL;

  if (expected != NULL)
    {
      g_autofree char *now = fingerprint (tree);

      if (!g_str_equal (now, expected))
        {
          g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                       _("The detailed assessment has been changed since it was started, so "
                         "starting it cannot be undone. Delete it from the list if it is not wanted."));
          return NULL;
        }
    }

  if (!sh_store_delete (self->store, table, id, error))
    return NULL;

  for (guint i = 0; i < tree->nodes->len; i++)
    {
      Node *node = tree->nodes->pdata[i];

      add_change (changes, node->table, node->id, NULL);
    }
  for (guint i = 0; i < tree->referrers->len; i++)
    {
      Referrer *referrer = tree->referrers->pdata[i];

      add_change (changes, referrer->table, referrer->id, referrer->column);
    }

  return g_steal_pointer (&tree);
}

/* -------------------------------------------------------------------------
 * Applying entries
 * ------------------------------------------------------------------------- */

static gboolean
apply (ShUndoStack  *self,
       Entry        *entry,
       gboolean      undo,
       GPtrArray    *changes,
       GError      **error)
{
  switch (entry->kind)
    {
    case ENTRY_FIELD:
      {
        g_auto(GValue) value = G_VALUE_INIT;
        gint64 id = lookup_id (self, entry->table, entry->uuid, error);

        if (id == 0 ||
            !stored_resolve (self, undo ? &entry->before : &entry->after, &value, error) ||
            !sh_store_update (self->store, entry->table, id, entry->column,
                              G_IS_VALUE (&value) ? &value : NULL, NULL, error))
          return FALSE;
        add_change (changes, entry->table, id, entry->column);
        return TRUE;
      }

    case ENTRY_ROW:
      /* Undoing an insert and redoing a delete remove the row. */
      if (entry->inserted == undo)
        {
          gint64 id = lookup_id (self, entry->table, entry->uuid, error);

          if (id == 0)
            return FALSE;
          entry->pending = remove_row (self, entry->table, id, entry->fingerprint, changes, error);
          return entry->pending != NULL;
        }
      g_assert (entry->tree != NULL);
      return restore (self, entry->tree, changes, error);

    case ENTRY_GROUP:
      for (guint i = 0; i < entry->children->len; i++)
        {
          guint index = undo ? entry->children->len - 1 - i : i;

          if (!apply (self, entry->children->pdata[index], undo, changes, error))
            return FALSE;
        }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* After a commit, the removed trees become the ones to restore; after a
 * rollback they are forgotten. */
static void
settle (Entry    *entry,
        gboolean  committed)
{
  if (entry->pending != NULL)
    {
      if (committed)
        {
          g_clear_pointer (&entry->tree, tree_free);
          entry->tree = g_steal_pointer (&entry->pending);
        }
      else
        g_clear_pointer (&entry->pending, tree_free);
    }

  for (guint i = 0; entry->children != NULL && i < entry->children->len; i++)
    settle (entry->children->pdata[i], committed);
}

static void
emit_changes (ShUndoStack *self,
              GPtrArray   *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = changes->pdata[i];

      g_signal_emit (self, signals[CHANGED], 0, change->table, change->id, change->column);
    }
}

static void
notify_state (ShUndoStack *self,
              gboolean     could_undo,
              gboolean     could_redo)
{
  if (could_undo != sh_undo_stack_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != sh_undo_stack_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
trim (ShUndoStack *self)
{
  if (self->undo->len > self->limit)
    {
      guint excess = self->undo->len - self->limit;

      for (guint i = 0; i < excess; i++)
        if (self->undo->pdata[i] == self->merge_entry)
          self->merge_entry = NULL;
      g_ptr_array_remove_range (self->undo, 0, excess);
    }
}

/* Records a new edit: the redo history ends here. */
static void
push_entry (ShUndoStack *self,
            Entry       *entry)
{
  g_ptr_array_set_size (self->redo, 0);
  self->merge_entry = NULL;

  if (self->group != NULL)
    g_ptr_array_add (self->group->children, entry);
  else
    {
      g_ptr_array_add (self->undo, entry);
      trim (self);
    }
}

/* -------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static void
sh_undo_stack_finalize (GObject *object)
{
  ShUndoStack *self = (ShUndoStack *) object;

  g_clear_pointer (&self->group, entry_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->fks_out, g_hash_table_unref);
  g_clear_pointer (&self->fks_in, g_hash_table_unref);
  g_clear_pointer (&self->fks, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sh_undo_stack_parent_class)->finalize (object);
}

static void
sh_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ShUndoStack *self = SH_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ASSESSMENT_ID:
      g_value_set_int64 (value, self->assessment_id);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sh_undo_stack_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, sh_undo_stack_get_can_redo (self));
      break;

    case PROP_LIMIT:
      g_value_set_uint (value, self->limit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_undo_stack_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ShUndoStack *self = SH_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_LIMIT:
      sh_undo_stack_set_limit (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_undo_stack_class_init (ShUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sh_undo_stack_finalize;
  object_class->get_property = sh_undo_stack_get_property;
  object_class->set_property = sh_undo_stack_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SH_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSESSMENT_ID] =
    g_param_spec_int64 ("assessment-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL,
                       1, G_MAXUINT, SH_UNDO_STACK_DEFAULT_LIMIT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShUndoStack::changed:
   * @table: the table of the row
   * @id: the row's id now (its last id, when it was deleted)
   * @column: (nullable): the field, or %NULL when the row was added or removed
   *
   * Emitted for every row that an edit, an undo or a redo changed, after
   * the change is committed, so the editor can refresh what shows it.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_INT64,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static gint64
default_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static void
sh_undo_stack_init (ShUndoStack *self)
{
  self->fks = g_ptr_array_new_with_free_func (foreign_key_free);
  self->fks_out = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->fks_in = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_ptr_array_unref);
  self->undo = g_ptr_array_new_with_free_func (entry_free);
  self->redo = g_ptr_array_new_with_free_func (entry_free);
  self->limit = SH_UNDO_STACK_DEFAULT_LIMIT;
  self->clock = default_clock;
}

/* -------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

ShUndoStack *
sh_undo_stack_new (ShStore  *store,
                   gint64    assessment_id,
                   GError  **error)
{
  g_autoptr(ShUndoStack) self = NULL;
  g_autoptr(ShRecord) assessment = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(assessment = sh_store_get (store, "assessment", assessment_id, error)))
    return NULL;

  self = g_object_new (SH_TYPE_UNDO_STACK, NULL);
  self->store = g_object_ref (store);
  self->assessment_id = assessment_id;
  self->facility_id = sh_record_get_int (assessment, "facility_id", 0);

  if (!load_foreign_keys (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

ShUndoStack *
sh_undo_stack_new_for_facility (ShStore  *store,
                                gint64    facility_id,
                                GError  **error)
{
  g_autoptr(ShUndoStack) self = NULL;
  g_autoptr(ShRecord) facility = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(facility = sh_store_get (store, "facility", facility_id, error)))
    return NULL;

  self = g_object_new (SH_TYPE_UNDO_STACK, NULL);
  self->store = g_object_ref (store);
  self->facility_id = facility_id;

  if (!load_foreign_keys (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

ShStore *
sh_undo_stack_get_store (ShUndoStack *self)
{
  g_return_val_if_fail (SH_IS_UNDO_STACK (self), NULL);

  return self->store;
}

gint64
sh_undo_stack_get_assessment_id (ShUndoStack *self)
{
  g_return_val_if_fail (SH_IS_UNDO_STACK (self), 0);

  return self->assessment_id;
}

gint64
sh_undo_stack_get_facility_id (ShUndoStack *self)
{
  g_return_val_if_fail (SH_IS_UNDO_STACK (self), 0);

  return self->facility_id;
}

gboolean
sh_undo_stack_set_field (ShUndoStack   *self,
                         const char    *table,
                         gint64         id,
                         const char    *column,
                         const GValue  *value,
                         GError       **error)
{
  g_autoptr(ShRecord) row = NULL;
  g_auto(GValue) old = G_VALUE_INIT;
  g_auto(Stored) before = { G_VALUE_INIT, NULL, NULL };
  g_auto(Stored) after = { G_VALUE_INIT, NULL, NULL };
  gboolean could_undo, could_redo;
  gint64 now;
  Entry *target;

  g_return_val_if_fail (SH_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_unlocked (self, error) ||
      !(row = sh_store_get (self->store, table, id, error)) ||
      !check_scope (self, table, id, row, error))
    return FALSE;

  /* Foreign keys are recorded by uuid; both ends are looked up before the
   * edit, so that a failure here records nothing and changes nothing. */
  if (find_foreign_key (self, table, column) != NULL &&
      !stored_from_value (self, table, column, sh_record_get_value (row, column), &before, NULL))
    stored_clear (&before);
  if (!stored_from_value (self, table, column, value, &after, NULL))
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                   _("A record of “%s” refers to one that does not exist."), table);
      return FALSE;
    }

  if (!sh_store_update (self->store, table, id, column, value, &old, error))
    return FALSE;

  /* Typing the same value again is not a change. */
  if (sh_value_equal (&old, value))
    return TRUE;

  /* The old value as the store replaced it, by uuid for a foreign key. */
  if (before.ref_uuid == NULL)
    {
      stored_clear (&before);
      if (G_IS_VALUE (&old))
        {
          g_value_init (&before.value, G_VALUE_TYPE (&old));
          g_value_copy (&old, &before.value);
        }
    }

  could_undo = sh_undo_stack_get_can_undo (self);
  could_redo = sh_undo_stack_get_can_redo (self);
  now = self->clock (self->clock_data);
  target = self->merge_entry;

  if (target != NULL && g_str_equal (target->table, table) &&
      g_str_equal (target->uuid, sh_record_get_uuid (row)) &&
      g_str_equal (target->column, column) &&
      now - self->merge_time < SH_UNDO_STACK_MERGE_USEC)
    {
      stored_clear (&target->after);
      target->after = after;
      memset (&after, 0, sizeof after);
      self->merge_time = now;

      /* Typed back to where it was: nothing left to undo. */
      if (stored_equal (&target->before, &target->after))
        {
          GPtrArray *owner = self->group != NULL ? self->group->children : self->undo;

          g_assert (owner->len > 0 && owner->pdata[owner->len - 1] == target);
          g_ptr_array_remove_index (owner, owner->len - 1);
          self->merge_entry = NULL;
        }
    }
  else
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->kind = ENTRY_FIELD;
      entry->table = g_strdup (table);
      entry->uuid = g_strdup (sh_record_get_uuid (row));
      entry->column = g_strdup (column);
      entry->before = before;
      entry->after = after;
      memset (&before, 0, sizeof before);
      memset (&after, 0, sizeof after);

      push_entry (self, entry);
      self->merge_entry = entry;
      self->merge_time = now;
    }

  g_signal_emit (self, signals[CHANGED], 0, table, id, column);
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

gboolean
sh_undo_stack_set_string (ShUndoStack  *self,
                          const char   *table,
                          gint64        id,
                          const char   *column,
                          const char   *value,
                          GError      **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  if (value == NULL)
    return sh_undo_stack_set_field (self, table, id, column, NULL, error);

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  return sh_undo_stack_set_field (self, table, id, column, &v, error);
}

gboolean
sh_undo_stack_set_int (ShUndoStack  *self,
                       const char   *table,
                       gint64        id,
                       const char   *column,
                       gint64        value,
                       GError      **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  return sh_undo_stack_set_field (self, table, id, column, &v, error);
}

gboolean
sh_undo_stack_set_double (ShUndoStack  *self,
                          const char   *table,
                          gint64        id,
                          const char   *column,
                          double        value,
                          GError      **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  return sh_undo_stack_set_field (self, table, id, column, &v, error);
}

gboolean
sh_undo_stack_set_null (ShUndoStack  *self,
                        const char   *table,
                        gint64        id,
                        const char   *column,
                        GError      **error)
{
  return sh_undo_stack_set_field (self, table, id, column, NULL, error);
}

gint64
sh_undo_stack_insert (ShUndoStack  *self,
                      ShRecord     *record,
                      GError      **error)
{
  const char *table;
  gboolean could_undo, could_redo;
  Entry *entry;
  gint64 id;

  g_return_val_if_fail (SH_IS_UNDO_STACK (self), 0);
  g_return_val_if_fail (record != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  table = sh_record_get_table (record);
  if (g_str_equal (table, "assessment") || g_str_equal (table, "facility"))
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                   _("An assessment or a facility cannot be added or deleted from an assessment's editor."));
      return 0;
    }

  if (!check_unlocked (self, error) || !check_scope (self, table, 0, record, error))
    return 0;

  if ((id = sh_store_insert (self->store, record, error)) == 0)
    return 0;

  could_undo = sh_undo_stack_get_can_undo (self);
  could_redo = sh_undo_stack_get_can_redo (self);

  entry = g_new0 (Entry, 1);
  entry->kind = ENTRY_ROW;
  entry->table = g_strdup (table);
  entry->uuid = g_strdup (sh_record_get_uuid (record));
  entry->inserted = TRUE;
  push_entry (self, entry);

  g_signal_emit (self, signals[CHANGED], 0, table, id, NULL);
  notify_state (self, could_undo, could_redo);
  return id;
}

gboolean
sh_undo_stack_delete (ShUndoStack  *self,
                      const char   *table,
                      gint64        id,
                      GError      **error)
{
  g_autoptr(ShRecord) row = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gboolean could_undo, could_redo;
  Entry *entry;
  Tree *tree;

  g_return_val_if_fail (SH_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_str_equal (table, "assessment") || g_str_equal (table, "facility"))
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                   _("An assessment or a facility cannot be added or deleted from an assessment's editor."));
      return FALSE;
    }

  if (!check_unlocked (self, error) ||
      !(row = sh_store_get (self->store, table, id, error)) ||
      !check_scope (self, table, id, row, error))
    return FALSE;

  /* Capture and delete in one transaction, so what is kept for undo is
   * exactly what was deleted. */
  if (!sh_store_begin (self->store, error))
    return FALSE;
  changes = g_ptr_array_new_with_free_func (change_free);
  if (!(tree = remove_row (self, table, id, NULL, changes, error)))
    {
      sh_store_rollback (self->store);
      return FALSE;
    }
  if (!sh_store_commit (self->store, error))
    {
      tree_free (tree);
      return FALSE;
    }

  could_undo = sh_undo_stack_get_can_undo (self);
  could_redo = sh_undo_stack_get_can_redo (self);

  entry = g_new0 (Entry, 1);
  entry->kind = ENTRY_ROW;
  entry->table = g_strdup (table);
  entry->uuid = g_strdup (sh_record_get_uuid (row));
  entry->inserted = FALSE;
  entry->tree = tree;
  push_entry (self, entry);

  emit_changes (self, changes);
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

gboolean
sh_undo_stack_start_detailed (ShUndoStack  *self,
                              gint64       *new_id,
                              GError      **error)
{
  g_autoptr(Tree) tree = NULL;
  gboolean could_undo, could_redo;
  Entry *entry;
  gint64 id = 0;

  g_return_val_if_fail (SH_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (new_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *new_id = 0;

  /* The fingerprint is taken in the same transaction, so that it is the
   * new assessment as created. */
  if (!sh_store_begin (self->store, error))
    return FALSE;
  if (!sh_assessment_start_detailed (self->store, self->assessment_id, &id, error) ||
      !(tree = capture (self, "assessment", id, error)))
    {
      sh_store_rollback (self->store);
      return FALSE;
    }
  if (!sh_store_commit (self->store, error))
    return FALSE;

  could_undo = sh_undo_stack_get_can_undo (self);
  could_redo = sh_undo_stack_get_can_redo (self);

  entry = g_new0 (Entry, 1);
  entry->kind = ENTRY_ROW;
  entry->table = g_strdup ("assessment");
  entry->uuid = g_strdup (((Node *) tree->nodes->pdata[0])->uuid);
  entry->inserted = TRUE;
  entry->fingerprint = fingerprint (tree);
  push_entry (self, entry);

  *new_id = id;
  g_signal_emit (self, signals[CHANGED], 0, "assessment", id, NULL);
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

void
sh_undo_stack_begin_group (ShUndoStack *self)
{
  g_return_if_fail (SH_IS_UNDO_STACK (self));

  if (self->group_depth++ == 0)
    {
      self->group = g_new0 (Entry, 1);
      self->group->kind = ENTRY_GROUP;
      self->group->children = g_ptr_array_new_with_free_func (entry_free);
    }
  self->merge_entry = NULL;
}

void
sh_undo_stack_end_group (ShUndoStack *self)
{
  gboolean could_undo, could_redo;
  Entry *group;

  g_return_if_fail (SH_IS_UNDO_STACK (self));
  g_return_if_fail (self->group_depth > 0);

  self->merge_entry = NULL;
  if (--self->group_depth > 0)
    return;

  could_undo = sh_undo_stack_get_can_undo (self);
  could_redo = sh_undo_stack_get_can_redo (self);
  group = g_steal_pointer (&self->group);

  if (group->children->len == 0)
    entry_free (group);
  else if (group->children->len == 1)
    {
      push_entry (self, g_ptr_array_steal_index (group->children, 0));
      entry_free (group);
    }
  else
    push_entry (self, group);

  notify_state (self, could_undo, could_redo);
}

void
sh_undo_stack_stop_merging (ShUndoStack *self)
{
  g_return_if_fail (SH_IS_UNDO_STACK (self));

  self->merge_entry = NULL;
}

static gboolean
run (ShUndoStack  *self,
     gboolean      undo,
     GError      **error)
{
  GPtrArray *from = undo ? self->undo : self->redo;
  GPtrArray *to = undo ? self->redo : self->undo;
  g_autoptr(GPtrArray) changes = NULL;
  gboolean could_undo, could_redo;
  Entry *entry;

  g_return_val_if_fail (SH_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (from->len == 0)
    {
      if (undo)
        g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID, _("There is nothing to undo."));
      else
        g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID, _("There is nothing to redo."));
      return FALSE;
    }

  if (!check_unlocked (self, error))
    return FALSE;

  entry = from->pdata[from->len - 1];
  changes = g_ptr_array_new_with_free_func (change_free);

  if (!sh_store_begin (self->store, error))
    return FALSE;
  if (!apply (self, entry, undo, changes, error))
    {
      sh_store_rollback (self->store);
      settle (entry, FALSE);
      return FALSE;
    }
  if (!sh_store_commit (self->store, error))
    {
      settle (entry, FALSE);
      return FALSE;
    }
  settle (entry, TRUE);

  could_undo = sh_undo_stack_get_can_undo (self);
  could_redo = sh_undo_stack_get_can_redo (self);
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  if (!undo)
    trim (self);
  self->merge_entry = NULL;

  emit_changes (self, changes);
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

gboolean
sh_undo_stack_undo (ShUndoStack  *self,
                    GError      **error)
{
  return run (self, TRUE, error);
}

gboolean
sh_undo_stack_redo (ShUndoStack  *self,
                    GError      **error)
{
  return run (self, FALSE, error);
}

gboolean
sh_undo_stack_get_can_undo (ShUndoStack *self)
{
  g_return_val_if_fail (SH_IS_UNDO_STACK (self), FALSE);

  return self->undo->len > 0;
}

gboolean
sh_undo_stack_get_can_redo (ShUndoStack *self)
{
  g_return_val_if_fail (SH_IS_UNDO_STACK (self), FALSE);

  return self->redo->len > 0;
}

guint
sh_undo_stack_get_n_undo (ShUndoStack *self)
{
  g_return_val_if_fail (SH_IS_UNDO_STACK (self), 0);

  return self->undo->len;
}

guint
sh_undo_stack_get_n_redo (ShUndoStack *self)
{
  g_return_val_if_fail (SH_IS_UNDO_STACK (self), 0);

  return self->redo->len;
}

guint
sh_undo_stack_get_limit (ShUndoStack *self)
{
  g_return_val_if_fail (SH_IS_UNDO_STACK (self), 0);

  return self->limit;
}

void
sh_undo_stack_set_limit (ShUndoStack *self,
                         guint        limit)
{
  gboolean could_undo;

  g_return_if_fail (SH_IS_UNDO_STACK (self));
  g_return_if_fail (limit > 0);

  if (self->limit == limit)
    return;

  could_undo = sh_undo_stack_get_can_undo (self);
  self->limit = limit;
  trim (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
  notify_state (self, could_undo, sh_undo_stack_get_can_redo (self));
}

void
sh_undo_stack_set_clock (ShUndoStack     *self,
                         ShUndoClockFunc  clock,
                         gpointer         user_data)
{
  g_return_if_fail (SH_IS_UNDO_STACK (self));

  self->clock = clock != NULL ? clock : default_clock;
  self->clock_data = user_data;
}
