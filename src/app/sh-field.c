/* sh-field.c — the base of the widgets bound to one column of one row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sh-field.h"

typedef struct
{
  ShEditContext *ctx;
  char          *table;
  gint64         id;
  char          *column;
  char          *label;
  guint          saving : 1;
} ShFieldPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ShField, sh_field, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_TABLE,
  PROP_ROW_ID,
  PROP_COLUMN,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ctx_changed_cb (ShField       *self,
                const char    *table,
                gint64         id,
                const char    *column,
                ShEditContext *ctx)
{
  ShFieldPrivate *priv = sh_field_get_instance_private (self);

  if (priv->saving || id != priv->id || g_strcmp0 (table, priv->table) != 0)
    return;
  /* column NULL: the row was inserted or deleted; either way, re-read. */
  if (column != NULL && g_strcmp0 (column, priv->column) != 0)
    return;

  sh_field_reload (self);
}

static void
ctx_notify_read_only_cb (ShField       *self,
                         GParamSpec    *pspec,
                         ShEditContext *ctx)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self), !sh_edit_context_get_read_only (ctx));
}

static void
update_accessible_label (ShField *self)
{
  ShFieldPrivate *priv = sh_field_get_instance_private (self);
  GtkWidget *input = sh_field_get_input (self);

  if (input == NULL)
    return;

  if (priv->label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (input),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, priv->label,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_LABEL);

  if (SH_FIELD_GET_CLASS (self)->label_changed != NULL)
    SH_FIELD_GET_CLASS (self)->label_changed (self);
}

static void
sh_field_constructed (GObject *object)
{
  ShField *self = SH_FIELD (object);
  ShFieldPrivate *priv = sh_field_get_instance_private (self);

  G_OBJECT_CLASS (sh_field_parent_class)->constructed (object);

  g_assert (priv->ctx != NULL && priv->table != NULL && priv->column != NULL);

  g_signal_connect_object (priv->ctx, "changed",
                           G_CALLBACK (ctx_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->ctx, "notify::read-only",
                           G_CALLBACK (ctx_notify_read_only_cb), self, G_CONNECT_SWAPPED);
  ctx_notify_read_only_cb (self, NULL, priv->ctx);

  update_accessible_label (self);
  sh_field_reload (self);
}

static void
sh_field_dispose (GObject *object)
{
  ShFieldPrivate *priv = sh_field_get_instance_private (SH_FIELD (object));

  g_clear_object (&priv->ctx);

  G_OBJECT_CLASS (sh_field_parent_class)->dispose (object);
}

static void
sh_field_finalize (GObject *object)
{
  ShFieldPrivate *priv = sh_field_get_instance_private (SH_FIELD (object));

  g_free (priv->table);
  g_free (priv->column);
  g_free (priv->label);

  G_OBJECT_CLASS (sh_field_parent_class)->finalize (object);
}

static void
sh_field_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ShFieldPrivate *priv = sh_field_get_instance_private (SH_FIELD (object));

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, priv->ctx);
      break;

    case PROP_TABLE:
      g_value_set_string (value, priv->table);
      break;

    case PROP_ROW_ID:
      g_value_set_int64 (value, priv->id);
      break;

    case PROP_COLUMN:
      g_value_set_string (value, priv->column);
      break;

    case PROP_LABEL:
      g_value_set_string (value, priv->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_field_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  ShField *self = SH_FIELD (object);
  ShFieldPrivate *priv = sh_field_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      priv->ctx = g_value_dup_object (value);
      break;

    case PROP_TABLE:
      priv->table = g_value_dup_string (value);
      break;

    case PROP_ROW_ID:
      priv->id = g_value_get_int64 (value);
      break;

    case PROP_COLUMN:
      priv->column = g_value_dup_string (value);
      break;

    case PROP_LABEL:
      sh_field_set_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_field_class_init (ShFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sh_field_constructed;
  object_class->dispose = sh_field_dispose;
  object_class->finalize = sh_field_finalize;
  object_class->get_property = sh_field_get_property;
  object_class->set_property = sh_field_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SH_TYPE_EDIT_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TABLE] =
    g_param_spec_string ("table", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_ID] =
    g_param_spec_int64 ("row-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN] =
    g_param_spec_string ("column", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sh_field_init (ShField *self)
{
}

ShEditContext *
sh_field_get_context (ShField *self)
{
  ShFieldPrivate *priv = sh_field_get_instance_private (self);

  g_return_val_if_fail (SH_IS_FIELD (self), NULL);
  return priv->ctx;
}

const char *
sh_field_get_table (ShField *self)
{
  ShFieldPrivate *priv = sh_field_get_instance_private (self);

  g_return_val_if_fail (SH_IS_FIELD (self), NULL);
  return priv->table;
}

gint64
sh_field_get_row_id (ShField *self)
{
  ShFieldPrivate *priv = sh_field_get_instance_private (self);

  g_return_val_if_fail (SH_IS_FIELD (self), 0);
  return priv->id;
}

const char *
sh_field_get_column (ShField *self)
{
  ShFieldPrivate *priv = sh_field_get_instance_private (self);

  g_return_val_if_fail (SH_IS_FIELD (self), NULL);
  return priv->column;
}

const char *
sh_field_get_label (ShField *self)
{
  ShFieldPrivate *priv = sh_field_get_instance_private (self);

  g_return_val_if_fail (SH_IS_FIELD (self), NULL);
  return priv->label;
}

void
sh_field_set_label (ShField    *self,
                    const char *label)
{
  ShFieldPrivate *priv = sh_field_get_instance_private (self);

  g_return_if_fail (SH_IS_FIELD (self));

  if (g_strcmp0 (priv->label, label) == 0)
    return;

  g_free (priv->label);
  priv->label = g_strdup (label);

  /* During construction the subclass may not know its input yet (an
   * entry's kind picks it): constructed() labels it then. */
  if (priv->ctx != NULL && priv->column != NULL)
    update_accessible_label (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

void
sh_field_reload (ShField *self)
{
  g_return_if_fail (SH_IS_FIELD (self));

  SH_FIELD_GET_CLASS (self)->reload (self);
}

GtkWidget *
sh_field_get_input (ShField *self)
{
  g_return_val_if_fail (SH_IS_FIELD (self), NULL);

  return SH_FIELD_GET_CLASS (self)->get_input (self);
}

ShRecord *
sh_field_get_row (ShField  *self,
                  GError  **error)
{
  ShFieldPrivate *priv = sh_field_get_instance_private (self);

  g_return_val_if_fail (SH_IS_FIELD (self), NULL);

  return sh_edit_context_get_row (priv->ctx, priv->table, priv->id, error);
}

gboolean
sh_field_save_value (ShField       *self,
                     const GValue  *value,
                     GError       **error)
{
  ShFieldPrivate *priv = sh_field_get_instance_private (self);
  gboolean ok;

  g_return_val_if_fail (SH_IS_FIELD (self), FALSE);

  priv->saving = TRUE;
  ok = sh_edit_context_set_value (priv->ctx, priv->table, priv->id, priv->column, value, error);
  priv->saving = FALSE;

  return ok;
}
