/* sh-edit-context.c — what every form of one page edits through.
 *
 * A context hands every change to its ShUndoStack (an assessment's, or a
 * facility's for the facility page) and forwards the stack's signals, so
 * every page undoes, redoes, groups and merges typing the same way. What
 * it adds is for the widgets: "saved" when a change reached the disk,
 * "failed" with an error the window should show, "flush" to save what is
 * typed before undo, and the read-only state of a finalized assessment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-edit-context.h"

struct _ShEditContext
{
  GObject       parent_instance;

  ShStore      *store;
  ShUndoStack  *stack;
  gint64        assessment_id;
  gint64        facility_id;
  gboolean      read_only;

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

/* Takes @stack, and forwards its signals. */
static ShEditContext *
edit_context_new (ShStore     *store,
                  ShUndoStack *stack)
{
  ShEditContext *self = g_object_new (SH_TYPE_EDIT_CONTEXT, NULL);

  self->store = g_object_ref (store);
  self->stack = stack;
  self->assessment_id = sh_undo_stack_get_assessment_id (stack);
  self->facility_id = sh_undo_stack_get_facility_id (stack);
  self->read_only = self->assessment_id != 0 &&
                    sh_store_is_assessment_locked (store, self->assessment_id);

  g_signal_connect_object (stack, "changed",
                           G_CALLBACK (stack_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stack, "notify::can-undo",
                           G_CALLBACK (stack_notify_can_undo_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stack, "notify::can-redo",
                           G_CALLBACK (stack_notify_can_redo_cb), self, G_CONNECT_SWAPPED);

  return self;
}

ShEditContext *
sh_edit_context_new_for_assessment (ShStore  *store,
                                    gint64    assessment_id,
                                    GError  **error)
{
  ShUndoStack *stack;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stack = sh_undo_stack_new (store, assessment_id, error)))
    return NULL;

  return edit_context_new (store, stack);
}

ShEditContext *
sh_edit_context_new_for_facility (ShStore  *store,
                                  gint64    facility_id,
                                  GError  **error)
{
  ShUndoStack *stack;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stack = sh_undo_stack_new_for_facility (store, facility_id, error)))
    return NULL;

  return edit_context_new (store, stack);
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
  g_auto(GValue) null = G_VALUE_INIT;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (value != NULL && !G_IS_VALUE (value))
    value = NULL;

  /* The stack takes NULL as an unset GValue. */
  if (!sh_undo_stack_set_field (self->stack, table, id, column,
                                value != NULL ? value : &null, &local))
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

  if ((id = sh_undo_stack_insert (self->stack, record, &local)) == 0)
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

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sh_undo_stack_delete (self->stack, table, id, &local))
    return fail (self, g_steal_pointer (&local), error);

  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

void
sh_edit_context_begin_group (ShEditContext *self)
{
  g_return_if_fail (SH_IS_EDIT_CONTEXT (self));

  sh_undo_stack_begin_group (self->stack);
}

void
sh_edit_context_end_group (ShEditContext *self)
{
  g_return_if_fail (SH_IS_EDIT_CONTEXT (self));

  sh_undo_stack_end_group (self->stack);
}

void
sh_edit_context_stop_merging (ShEditContext *self)
{
  g_return_if_fail (SH_IS_EDIT_CONTEXT (self));

  sh_undo_stack_stop_merging (self->stack);
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

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sh_edit_context_flush (self);
  sh_edit_context_stop_merging (self);

  /* Nothing on the page points at what went wrong: always tell. */
  if (!sh_undo_stack_undo (self->stack, &local))
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

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sh_edit_context_flush (self);
  sh_edit_context_stop_merging (self);

  if (!sh_undo_stack_redo (self->stack, &local))
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

  return sh_undo_stack_get_can_undo (self->stack);
}

gboolean
sh_edit_context_get_can_redo (ShEditContext *self)
{
  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (self), FALSE);

  return sh_undo_stack_get_can_redo (self->stack);
}

void
sh_edit_context_report_error (ShEditContext *self,
                              const GError  *error)
{
  g_return_if_fail (SH_IS_EDIT_CONTEXT (self));
  g_return_if_fail (error != NULL);

  g_signal_emit (self, signals[FAILED], 0, error);
}
