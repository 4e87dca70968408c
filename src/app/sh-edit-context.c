/* sh-edit-context.c — what every form of one page edits through.
 *
 * An assessment context hands every change to its ShUndoStack and forwards
 * the stack's signals. A facility has no stack (ShUndoStack is built around
 * one assessment), so a facility context keeps a history of the same shape
 * itself: field edits (merged while typing), row inserts and row deletes,
 * and groups. Facility rows have no rows under them, so a deleted row is
 * brought back from one snapshot; the only references that a delete clears
 * are submissions that pointed at an annual report, and those are restored
 * too. Like the stack, the history names rows by uuid, since a row brought
 * back by undo gets a new id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-edit-context.h"

/* Facility rows a facility context may add and delete. */
static const char * const facility_tables[] = {
  "facility_product",
  "team_member",
  "training_event",
  "annual_report",
};

typedef enum
{
  ENTRY_FIELD,
  ENTRY_INSERT,
  ENTRY_DELETE,
  ENTRY_GROUP,
} EntryKind;

typedef struct
{
  EntryKind   kind;
  char       *table;
  char       *uuid;

  /* ENTRY_FIELD; an unset GValue is NULL */
  char       *column;
  GValue      before;
  GValue      after;

  /* ENTRY_INSERT, ENTRY_DELETE: the row as it was, and the uuids of the
   * submissions whose annual_report_id the delete clears. */
  ShRecord   *row;
  GStrv       referrers;

  /* ENTRY_GROUP */
  GPtrArray  *children;
} Entry;

struct _ShEditContext
{
  GObject       parent_instance;

  ShStore      *store;
  ShUndoStack  *stack;
  gint64        assessment_id;
  gint64        facility_id;
  gboolean      read_only;

  /* The facility history (facility contexts only). */
  GPtrArray    *undo;
  GPtrArray    *redo;
  Entry        *group;
  guint         group_depth;
  Entry        *merge_entry;
  gint64        merge_time;

  guint         flushing : 1;
};

G_DEFINE_FINAL_TYPE (ShEditContext, sh_edit_context, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_READ_ONLY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum
{
  CHANGED,
  SAVED,
  FAILED,
  FLUSH,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->table);
  g_free (entry->uuid);
  g_free (entry->column);
  if (G_IS_VALUE (&entry->before))
    g_value_unset (&entry->before);
  if (G_IS_VALUE (&entry->after))
    g_value_unset (&entry->after);
  g_clear_pointer (&entry->row, sh_record_unref);
  g_clear_pointer (&entry->referrers, g_strfreev);
  g_clear_pointer (&entry->children, g_ptr_array_unref);
  g_free (entry);
}

static void
copy_value (GValue       *dest,
            const GValue *src)
{
  if (G_IS_VALUE (dest))
    g_value_unset (dest);
  if (src != NULL && G_IS_VALUE (src))
    {
      g_value_init (dest, G_VALUE_TYPE (src));
      g_value_copy (src, dest);
    }
}

/* As the store compares them: numbers by value, the rest as text. */
static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  g_autofree char *sa = NULL;
  g_autofree char *sb = NULL;
  gboolean a_null = a == NULL || !G_IS_VALUE (a);
  gboolean b_null = b == NULL || !G_IS_VALUE (b);

  if (a_null || b_null)
    return a_null == b_null;

  if ((G_VALUE_HOLDS_DOUBLE (a) || G_VALUE_HOLDS_INT64 (a)) &&
      (G_VALUE_HOLDS_DOUBLE (b) || G_VALUE_HOLDS_INT64 (b)))
    {
      double da = G_VALUE_HOLDS_DOUBLE (a) ? g_value_get_double (a) : (double) g_value_get_int64 (a);
      double db = G_VALUE_HOLDS_DOUBLE (b) ? g_value_get_double (b) : (double) g_value_get_int64 (b);

      return da == db;
    }

  sa = sh_value_to_string (a);
  sb = sh_value_to_string (b);
  return g_strcmp0 (sa, sb) == 0;
}

/* Errors that are not the value's fault go to the window. */
static void
report (ShEditContext *self,
        const GError  *error)
{
  if (error == NULL || g_error_matches (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID))
    return;

  g_signal_emit (self, signals[FAILED], 0, error);
}

/* Keeps @error for the caller after reporting it. */
static gboolean
fail (ShEditContext  *self,
      GError         *local,
      GError        **error)
{
  report (self, local);
  g_propagate_error (error, local);
  return FALSE;
}

/* -------------------------------------------------------------------------
 * The facility history
 * ------------------------------------------------------------------------- */

static gboolean
is_facility_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (facility_tables); i++)
    if (g_str_equal (table, facility_tables[i]))
      return TRUE;
  return FALSE;
}

/* Whether a facility context may touch this row (or row to be). */
static gboolean
check_facility_scope (ShEditContext  *self,
                      const char     *table,
                      gint64          id,
                      const ShRecord *row,
                      GError        **error)
{
  gboolean ok;

  if (g_str_equal (table, "facility"))
    ok = id == self->facility_id;
  else
    ok = is_facility_table (table) &&
         sh_record_get_int (row, "facility_id", 0) == self->facility_id;

  if (!ok)
    g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                 _("This record does not belong to this facility, so it cannot be changed here."));
  return ok;
}

/* The id a row has now, by its uuid; 0 if it is gone. */
static gint64
find_row (ShEditContext *self,
          const char    *table,
          const char    *uuid)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (g_str_equal (table, "facility"))
    return self->facility_id;

  rows = sh_store_list (self->store, table, "facility_id", self->facility_id, NULL);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      ShRecord *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (sh_record_get_uuid (row), uuid) == 0)
        return sh_record_get_id (row);
    }

  return 0;
}

static gboolean
find_row_or_fail (ShEditContext  *self,
                  const char     *table,
                  const char     *uuid,
                  gint64         *id,
                  GError        **error)
{
  if ((*id = find_row (self, table, uuid)) == 0)
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_NOT_FOUND,
                   _("A record this step needs has been deleted."));
      return FALSE;
    }
  return TRUE;
}

/* Inserts the snapshot of a deleted row again, with its uuid, and points
 * the submissions that referred to it back at it. */
static gboolean
restore_row (ShEditContext  *self,
             Entry          *entry,
             GPtrArray      *changes,
             GError        **error)
{
  g_autoptr(ShRecord) record = sh_record_new (entry->table);
  guint n = sh_record_get_n_columns (entry->row);
  gint64 id;

  for (guint i = 0; i < n; i++)
    {
      const char *column = sh_record_get_column (entry->row, i);

      if (g_str_equal (column, "id") || g_str_equal (column, "uuid"))
        continue;
      sh_record_set_value (record, column, sh_record_get_value (entry->row, column));
    }
  sh_record_set_uuid (record, entry->uuid);

  if ((id = sh_store_insert (self->store, record, error)) == 0)
    return FALSE;
  g_ptr_array_add (changes, g_strdup_printf ("%s\037%" G_GINT64_FORMAT "\037", entry->table, id));

  for (guint i = 0; entry->referrers != NULL && entry->referrers[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) submissions = sh_store_list (self->store, "submission", NULL, 0, error);

      if (submissions == NULL)
        return FALSE;
      for (guint j = 0; j < submissions->len; j++)
        {
          ShRecord *submission = g_ptr_array_index (submissions, j);

          if (g_strcmp0 (sh_record_get_uuid (submission), entry->referrers[i]) == 0 &&
              !sh_store_set_int (self->store, "submission", sh_record_get_id (submission),
                                 "annual_report_id", id, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
remove_row (ShEditContext  *self,
            Entry          *entry,
            GPtrArray      *changes,
            GError        **error)
{
  gint64 id;

  if (!find_row_or_fail (self, entry->table, entry->uuid, &id, error) ||
      !sh_store_delete (self->store, entry->table, id, error))
    return FALSE;

  g_ptr_array_add (changes, g_strdup_printf ("%s\037%" G_GINT64_FORMAT "\037", entry->table, id));
  return TRUE;
}

/* Applies @entry forwards (redo) or backwards (undo). Changes are noted as
 * "table\037id\037column" for the "changed" signals sent after commit. */
static gboolean
apply_entry (ShEditContext  *self,
             Entry          *entry,
             gboolean        backwards,
             GPtrArray      *changes,
             GError        **error)
{
  gint64 id;

  switch (entry->kind)
    {
    case ENTRY_FIELD:
      if (!find_row_or_fail (self, entry->table, entry->uuid, &id, error) ||
          !sh_store_update (self->store, entry->table, id, entry->column,
                            backwards ? &entry->before : &entry->after, NULL, error))
        return FALSE;
      g_ptr_array_add (changes, g_strdup_printf ("%s\037%" G_GINT64_FORMAT "\037%s",
                                                 entry->table, id, entry->column));
      return TRUE;

    case ENTRY_INSERT:
      return backwards ? remove_row (self, entry, changes, error)
                       : restore_row (self, entry, changes, error);

    case ENTRY_DELETE:
      return backwards ? restore_row (self, entry, changes, error)
                       : remove_row (self, entry, changes, error);

    case ENTRY_GROUP:
      for (guint i = 0; i < entry->children->len; i++)
        {
          guint k = backwards ? entry->children->len - 1 - i : i;

          if (!apply_entry (self, g_ptr_array_index (entry->children, k), backwards, changes, error))
            return FALSE;
        }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static void
emit_changes (ShEditContext *self,
              GPtrArray     *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (changes, i), "\037", 3);
      gint64 id = g_ascii_strtoll (parts[1], NULL, 10);

      g_signal_emit (self, signals[CHANGED], 0, parts[0], id, *parts[2] != '\0' ? parts[2] : NULL);
    }
}

static void
notify_history (ShEditContext *self,
                gboolean       could_undo,
                gboolean       could_redo)
{
  if (could_undo != sh_edit_context_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != sh_edit_context_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Records an edit that has been made: into the open group, or as the
 * newest step. Redo is forgotten, as in every editor. */
static void
push_entry (ShEditContext *self,
            Entry         *entry)
{
  if (self->group != NULL)
    g_ptr_array_add (self->group->children, entry);
  else
    g_ptr_array_add (self->undo, entry);

  g_ptr_array_set_size (self->redo, 0);

  while (self->undo->len > SH_UNDO_STACK_DEFAULT_LIMIT)
    {
      if (g_ptr_array_index (self->undo, 0) == self->merge_entry)
        self->merge_entry = NULL;
      g_ptr_array_remove_index (self->undo, 0);
    }
}

static gboolean
facility_set_value (ShEditContext  *self,
                    const char     *table,
                    gint64          id,
                    const char     *column,
                    const GValue   *value,
                    GError        **error)
{
  g_autoptr(ShRecord) row = NULL;
  g_auto(GValue) old = G_VALUE_INIT;
  gboolean could_undo = sh_edit_context_get_can_undo (self);
  gboolean could_redo = sh_edit_context_get_can_redo (self);
  gint64 now = g_get_monotonic_time ();
  Entry *entry;

  if (!(row = sh_store_get (self->store, table, id, error)) ||
      !check_facility_scope (self, table, id, row, error))
    return FALSE;

  if (values_equal (sh_record_get_value (row, column), value))
    return TRUE;

  if (!sh_store_update (self->store, table, id, column, value, &old, error))
    return FALSE;

  entry = self->merge_entry;
  if (entry != NULL &&
      now - self->merge_time < SH_UNDO_STACK_MERGE_USEC &&
      g_str_equal (entry->table, table) &&
      g_strcmp0 (entry->uuid, sh_record_get_uuid (row)) == 0 &&
      g_str_equal (entry->column, column) &&
      self->undo->len > 0 && g_ptr_array_index (self->undo, self->undo->len - 1) == entry)
    {
      copy_value (&entry->after, value);
      /* Typing back to where the field started is no edit at all. */
      if (values_equal (&entry->before, &entry->after))
        {
          g_ptr_array_remove_index (self->undo, self->undo->len - 1);
          self->merge_entry = NULL;
        }
    }
  else
    {
      entry = g_new0 (Entry, 1);
      entry->kind = ENTRY_FIELD;
      entry->table = g_strdup (table);
      entry->uuid = g_strdup (sh_record_get_uuid (row));
      entry->column = g_strdup (column);
      copy_value (&entry->before, &old);
      copy_value (&entry->after, value);
      push_entry (self, entry);
      self->merge_entry = self->group == NULL ? entry : NULL;
    }
  self->merge_time = now;

  g_signal_emit (self, signals[CHANGED], 0, table, id, column);
  notify_history (self, could_undo, could_redo);
  return TRUE;
}

static gint64
facility_insert (ShEditContext  *self,
                 ShRecord       *record,
                 GError        **error)
{
  const char *table = sh_record_get_table (record);
  gboolean could_undo = sh_edit_context_get_can_undo (self);
  gboolean could_redo = sh_edit_context_get_can_redo (self);
  g_autoptr(ShRecord) row = NULL;
  Entry *entry;
  gint64 id;

  if (!check_facility_scope (self, table, 0, record, error) ||
      (id = sh_store_insert (self->store, record, error)) == 0)
    return 0;

  /* The snapshot is what redo inserts again: the row as the store has it. */
  if (!(row = sh_store_get (self->store, table, id, error)))
    return 0;

  entry = g_new0 (Entry, 1);
  entry->kind = ENTRY_INSERT;
  entry->table = g_strdup (table);
  entry->uuid = g_strdup (sh_record_get_uuid (row));
  entry->row = g_steal_pointer (&row);
  push_entry (self, entry);
  self->merge_entry = NULL;

  g_signal_emit (self, signals[CHANGED], 0, table, id, NULL);
  notify_history (self, could_undo, could_redo);
  return id;
}

static gboolean
facility_delete (ShEditContext  *self,
                 const char     *table,
                 gint64          id,
                 GError        **error)
{
  gboolean could_undo = sh_edit_context_get_can_undo (self);
  gboolean could_redo = sh_edit_context_get_can_redo (self);
  g_autoptr(ShRecord) row = NULL;
  g_autoptr(GStrvBuilder) referrers = g_strv_builder_new ();
  Entry *entry;

  if (!(row = sh_store_get (self->store, table, id, error)) ||
      !check_facility_scope (self, table, id, row, error))
    return FALSE;

  if (g_str_equal (table, "facility"))
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                   _("A facility cannot be deleted from its own page."));
      return FALSE;
    }

  if (g_str_equal (table, "annual_report"))
    {
      g_autoptr(GPtrArray) submissions = sh_store_list (self->store, "submission",
                                                        "annual_report_id", id, error);

      if (submissions == NULL)
        return FALSE;
      for (guint i = 0; i < submissions->len; i++)
        g_strv_builder_add (referrers, sh_record_get_uuid (g_ptr_array_index (submissions, i)));
    }

  if (!sh_store_delete (self->store, table, id, error))
    return FALSE;

  entry = g_new0 (Entry, 1);
  entry->kind = ENTRY_DELETE;
  entry->table = g_strdup (table);
  entry->uuid = g_strdup (sh_record_get_uuid (row));
  entry->row = g_steal_pointer (&row);
  entry->referrers = g_strv_builder_end (referrers);
  push_entry (self, entry);
  self->merge_entry = NULL;

  g_signal_emit (self, signals[CHANGED], 0, table, id, NULL);
  notify_history (self, could_undo, could_redo);
  return TRUE;
}

/* Moves the newest entry of @from to @to after applying it. */
static gboolean
facility_step (ShEditContext  *self,
               GPtrArray      *from,
               GPtrArray      *to,
               gboolean        backwards,
               GError        **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  gboolean could_undo = sh_edit_context_get_can_undo (self);
  gboolean could_redo = sh_edit_context_get_can_redo (self);
  Entry *entry;

  if (self->group_depth > 0)
    {
      g_set_error_literal (error, SH_STORE_ERROR, SH_STORE_ERROR_FAILED,
                           _("Cannot undo or redo while a change is being made."));
      return FALSE;
    }
  if (from->len == 0)
    {
      g_set_error_literal (error, SH_STORE_ERROR, SH_STORE_ERROR_FAILED,
                           backwards ? _("There is nothing to undo.") : _("There is nothing to redo."));
      return FALSE;
    }

  entry = g_ptr_array_index (from, from->len - 1);
  if (!sh_store_begin (self->store, error))
    return FALSE;
  if (!apply_entry (self, entry, backwards, changes, error))
    {
      sh_store_rollback (self->store);
      return FALSE;
    }
  if (!sh_store_commit (self->store, error))
    return FALSE;

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  self->merge_entry = NULL;

  emit_changes (self, changes);
  notify_history (self, could_undo, could_redo);
  return TRUE;
}

/* -------------------------------------------------------------------------
 * The stack's signals
 * ------------------------------------------------------------------------- */

static void
stack_changed_cb (ShEditContext *self,
                  const char    *table,
                  gint64         id,
                  const char    *column,
                  ShUndoStack   *stack)
{
  g_signal_emit (self, signals[CHANGED], 0, table, id, column);
}

static void
stack_notify_can_undo_cb (ShEditContext *self,
                          GParamSpec    *pspec,
                          ShUndoStack   *stack)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
stack_notify_can_redo_cb (ShEditContext *self,
                          GParamSpec    *pspec,
                          ShUndoStack   *stack)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* -------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static void
sh_edit_context_dispose (GObject *object)
{
  ShEditContext *self = SH_EDIT_CONTEXT (object);

  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  g_clear_object (&self->stack);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sh_edit_context_parent_class)->dispose (object);
}

static void
sh_edit_context_finalize (GObject *object)
{
  ShEditContext *self = SH_EDIT_CONTEXT (object);

  if (self->group != NULL)
    entry_free (self->group);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (sh_edit_context_parent_class)->finalize (object);
}

static void
sh_edit_context_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ShEditContext *self = SH_EDIT_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sh_edit_context_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, sh_edit_context_get_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_edit_context_class_init (ShEditContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sh_edit_context_dispose;
  object_class->finalize = sh_edit_context_finalize;
  object_class->get_property = sh_edit_context_get_property;

  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A field was changed, or a row inserted or deleted (column NULL). */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_INT64,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
  /* A change reached the disk. */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /* A change could not be saved, for a reason the window should show. */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
  /* Save what is typed and not yet saved, now. */
  signals[FLUSH] =
    g_signal_new ("flush",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sh_edit_context_init (ShEditContext *self)
{
}

/* -------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

ShEditContext *
sh_edit_context_new_for_assessment (ShStore  *store,
                                    gint64    assessment_id,
                                    GError  **error)
{
  g_autoptr(ShEditContext) self = NULL;
  g_autoptr(ShRecord) assessment = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(assessment = sh_store_get (store, "assessment", assessment_id, error)))
    return NULL;

  self = g_object_new (SH_TYPE_EDIT_CONTEXT, NULL);
  self->store = g_object_ref (store);
  self->assessment_id = assessment_id;
  self->facility_id = sh_record_get_int (assessment, "facility_id", 0);
  if (!(self->stack = sh_undo_stack_new (store, assessment_id, error)))
    return NULL;
  self->read_only = sh_store_is_assessment_locked (store, assessment_id);

  g_signal_connect_object (self->stack, "changed",
                           G_CALLBACK (stack_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::can-undo",
                           G_CALLBACK (stack_notify_can_undo_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::can-redo",
                           G_CALLBACK (stack_notify_can_redo_cb), self, G_CONNECT_SWAPPED);

  return g_steal_pointer (&self);
}

ShEditContext *
sh_edit_context_new_for_facility (ShStore  *store,
                                  gint64    facility_id,
                                  GError  **error)
{
  g_autoptr(ShEditContext) self = NULL;
  g_autoptr(ShRecord) facility = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(facility = sh_store_get (store, "facility", facility_id, error)))
    return NULL;

  self = g_object_new (SH_TYPE_EDIT_CONTEXT, NULL);
  self->store = g_object_ref (store);
  self->facility_id = facility_id;
  self->undo = g_ptr_array_new_with_free_func (entry_free);
  self->redo = g_ptr_array_new_with_free_func (entry_free);

  return g_steal_pointer (&self);
}

ShStore *
sh_edit_context_get_store (ShEditContext *self)
{
  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), NULL);

  return self->store;
}

ShUndoStack *
sh_edit_context_get_undo_stack (ShEditContext *self)
{
  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), NULL);

  return self->stack;
}

gint64
sh_edit_context_get_assessment_id (ShEditContext *self)
{
  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), 0);

  return self->assessment_id;
}

gint64
sh_edit_context_get_facility_id (ShEditContext *self)
{
  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), 0);

  return self->facility_id;
}

gboolean
sh_edit_context_get_read_only (ShEditContext *self)
{
  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), TRUE);

  return self->read_only;
}

void
sh_edit_context_update_read_only (ShEditContext *self)
{
  gboolean read_only;

  g_return_if_fail (SH_IS_EDIT_CONTEXT (self));

  read_only = self->assessment_id != 0 &&
              sh_store_is_assessment_locked (self->store, self->assessment_id);
  if (read_only == self->read_only)
    return;

  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

ShRecord *
sh_edit_context_get_row (ShEditContext  *self,
                         const char     *table,
                         gint64          id,
                         GError        **error)
{
  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  return sh_store_get (self->store, table, id, error);
}

gboolean
sh_edit_context_set_value (ShEditContext  *self,
                           const char     *table,
                           gint64          id,
                           const char     *column,
                           const GValue   *value,
                           GError        **error)
{
  g_autoptr(GError) local = NULL;
  gboolean ok;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (value != NULL && !G_IS_VALUE (value))
    value = NULL;

  if (self->stack != NULL)
    {
      g_auto(GValue) null = G_VALUE_INIT;

      /* The stack takes NULL as an unset GValue. */
      ok = sh_undo_stack_set_field (self->stack, table, id, column,
                                    value != NULL ? value : &null, &local);
    }
  else
    ok = facility_set_value (self, table, id, column, value, &local);

  if (!ok)
    return fail (self, g_steal_pointer (&local), error);

  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

gboolean
sh_edit_context_set_string (ShEditContext  *self,
                            const char     *table,
                            gint64          id,
                            const char     *column,
                            const char     *value,
                            GError        **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  if (value == NULL)
    return sh_edit_context_set_value (self, table, id, column, NULL, error);

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  return sh_edit_context_set_value (self, table, id, column, &v, error);
}

gboolean
sh_edit_context_set_int (ShEditContext  *self,
                         const char     *table,
                         gint64          id,
                         const char     *column,
                         gint64          value,
                         GError        **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  return sh_edit_context_set_value (self, table, id, column, &v, error);
}

gboolean
sh_edit_context_set_double (ShEditContext  *self,
                            const char     *table,
                            gint64          id,
                            const char     *column,
                            double          value,
                            GError        **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  return sh_edit_context_set_value (self, table, id, column, &v, error);
}

gint64
sh_edit_context_insert (ShEditContext  *self,
                        ShRecord       *record,
                        GError        **error)
{
  g_autoptr(GError) local = NULL;
  gint64 id;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), 0);
  g_return_val_if_fail (record != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (self->stack != NULL)
    id = sh_undo_stack_insert (self->stack, record, &local);
  else
    id = facility_insert (self, record, &local);

  if (id == 0)
    {
      fail (self, g_steal_pointer (&local), error);
      return 0;
    }

  g_signal_emit (self, signals[SAVED], 0);
  return id;
}

gboolean
sh_edit_context_delete (ShEditContext  *self,
                        const char     *table,
                        gint64          id,
                        GError        **error)
{
  g_autoptr(GError) local = NULL;
  gboolean ok;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->stack != NULL)
    ok = sh_undo_stack_delete (self->stack, table, id, &local);
  else
    ok = facility_delete (self, table, id, &local);

  if (!ok)
    return fail (self, g_steal_pointer (&local), error);

  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

void
sh_edit_context_begin_group (ShEditContext *self)
{
  g_return_if_fail (SH_IS_EDIT_CONTEXT (self));

  if (self->stack != NULL)
    {
      sh_undo_stack_begin_group (self->stack);
      return;
    }

  if (self->group_depth++ == 0)
    {
      self->group = g_new0 (Entry, 1);
      self->group->kind = ENTRY_GROUP;
      self->group->children = g_ptr_array_new_with_free_func (entry_free);
      self->merge_entry = NULL;
    }
}

void
sh_edit_context_end_group (ShEditContext *self)
{
  gboolean could_undo;
  Entry *group;

  g_return_if_fail (SH_IS_EDIT_CONTEXT (self));

  if (self->stack != NULL)
    {
      sh_undo_stack_end_group (self->stack);
      return;
    }

  g_return_if_fail (self->group_depth > 0);
  if (--self->group_depth > 0)
    return;

  could_undo = sh_edit_context_get_can_undo (self);
  group = g_steal_pointer (&self->group);
  if (group->children->len == 0)
    {
      entry_free (group);
      return;
    }
  g_ptr_array_add (self->undo, group);
  if (!could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

void
sh_edit_context_stop_merging (ShEditContext *self)
{
  g_return_if_fail (SH_IS_EDIT_CONTEXT (self));

  if (self->stack != NULL)
    sh_undo_stack_stop_merging (self->stack);
  else
    self->merge_entry = NULL;
}

void
sh_edit_context_flush (ShEditContext *self)
{
  g_return_if_fail (SH_IS_EDIT_CONTEXT (self));

  /* A field that saves while flushing must not start another flush. */
  if (self->flushing)
    return;

  self->flushing = TRUE;
  g_signal_emit (self, signals[FLUSH], 0);
  self->flushing = FALSE;
}

gboolean
sh_edit_context_undo (ShEditContext  *self,
                      GError        **error)
{
  g_autoptr(GError) local = NULL;
  gboolean ok;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sh_edit_context_flush (self);
  sh_edit_context_stop_merging (self);

  if (self->stack != NULL)
    ok = sh_undo_stack_undo (self->stack, &local);
  else
    ok = facility_step (self, self->undo, self->redo, TRUE, &local);

  /* Nothing on the page points at what went wrong: always tell. */
  if (!ok)
    {
      g_signal_emit (self, signals[FAILED], 0, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

gboolean
sh_edit_context_redo (ShEditContext  *self,
                      GError        **error)
{
  g_autoptr(GError) local = NULL;
  gboolean ok;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sh_edit_context_flush (self);
  sh_edit_context_stop_merging (self);

  if (self->stack != NULL)
    ok = sh_undo_stack_redo (self->stack, &local);
  else
    ok = facility_step (self, self->redo, self->undo, FALSE, &local);

  if (!ok)
    {
      g_signal_emit (self, signals[FAILED], 0, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

gboolean
sh_edit_context_get_can_undo (ShEditContext *self)
{
  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), FALSE);

  if (self->stack != NULL)
    return sh_undo_stack_get_can_undo (self->stack);
  return self->undo->len > 0;
}

gboolean
sh_edit_context_get_can_redo (ShEditContext *self)
{
  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), FALSE);

  if (self->stack != NULL)
    return sh_undo_stack_get_can_redo (self->stack);
  return self->redo->len > 0;
}

void
sh_edit_context_report_error (ShEditContext *self,
                              const GError  *error)
{
  g_return_if_fail (SH_IS_EDIT_CONTEXT (self));
  g_return_if_fail (error != NULL);

  g_signal_emit (self, signals[FAILED], 0, error);
}
