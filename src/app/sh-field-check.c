/* sh-field-check.c — a check box bound to one 0/1 column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sh-field-check.h"

struct _ShFieldCheck
{
  GtkWidget       parent_instance;

  ShEditContext  *ctx;
  char           *table;
  gint64          id;
  char           *column;
  char           *label;
  guint           loading : 1;
  guint           saving : 1;

  GtkCheckButton *check_button;
};

G_DEFINE_FINAL_TYPE (ShFieldCheck, sh_field_check, GTK_TYPE_WIDGET)

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
load (ShFieldCheck *self)
{
  g_autoptr(ShRecord) row = sh_edit_context_get_row (self->ctx, self->table, self->id, NULL);

  self->loading = TRUE;
  gtk_check_button_set_active (self->check_button,
                               row != NULL && sh_record_get_int (row, self->column, 0) != 0);
  self->loading = FALSE;
}

static gboolean
save (ShFieldCheck *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  self->saving = TRUE;
  ok = sh_edit_context_set_int (self->ctx, self->table, self->id, self->column,
                                gtk_check_button_get_active (self->check_button) ? 1 : 0,
                                &error);
  self->saving = FALSE;

  /* The context told the window why; the box shows what is stored. */
  if (!ok)
    load (self);
  else
    sh_edit_context_stop_merging (self->ctx);

  return ok;
}

static void
check_button_toggled_cb (ShFieldCheck   *self,
                         GtkCheckButton *button)
{
  if (self->loading || self->ctx == NULL)
    return;

  save (self);
}

static void
ctx_changed_cb (ShFieldCheck  *self,
                const char    *table,
                gint64         id,
                const char    *column,
                ShEditContext *ctx)
{
  if (self->saving || id != self->id || g_strcmp0 (table, self->table) != 0)
    return;
  if (column != NULL && g_strcmp0 (column, self->column) != 0)
    return;

  load (self);
}

static void
ctx_notify_read_only_cb (ShFieldCheck  *self,
                         GParamSpec    *pspec,
                         ShEditContext *ctx)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self), !sh_edit_context_get_read_only (ctx));
}

static void
sh_field_check_constructed (GObject *object)
{
  ShFieldCheck *self = SH_FIELD_CHECK (object);

  G_OBJECT_CLASS (sh_field_check_parent_class)->constructed (object);

  g_assert (self->ctx != NULL && self->table != NULL && self->column != NULL);

  g_signal_connect_object (self->ctx, "changed",
                           G_CALLBACK (ctx_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ctx, "notify::read-only",
                           G_CALLBACK (ctx_notify_read_only_cb), self, G_CONNECT_SWAPPED);
  ctx_notify_read_only_cb (self, NULL, self->ctx);
  load (self);
}

static void
sh_field_check_dispose (GObject *object)
{
  ShFieldCheck *self = SH_FIELD_CHECK (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SH_TYPE_FIELD_CHECK);
  g_clear_object (&self->ctx);

  G_OBJECT_CLASS (sh_field_check_parent_class)->dispose (object);
}

static void
sh_field_check_finalize (GObject *object)
{
  ShFieldCheck *self = SH_FIELD_CHECK (object);

  g_free (self->table);
  g_free (self->column);
  g_free (self->label);

  G_OBJECT_CLASS (sh_field_check_parent_class)->finalize (object);
}

static void
sh_field_check_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ShFieldCheck *self = SH_FIELD_CHECK (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->ctx);
      break;

    case PROP_TABLE:
      g_value_set_string (value, self->table);
      break;

    case PROP_ROW_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_COLUMN:
      g_value_set_string (value, self->column);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_field_check_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ShFieldCheck *self = SH_FIELD_CHECK (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->ctx = g_value_dup_object (value);
      break;

    case PROP_TABLE:
      self->table = g_value_dup_string (value);
      break;

    case PROP_ROW_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_COLUMN:
      self->column = g_value_dup_string (value);
      break;

    case PROP_LABEL:
      g_free (self->label);
      self->label = g_value_dup_string (value);
      gtk_check_button_set_label (self->check_button, self->label);
      if (self->label != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->check_button),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, self->label,
                                        -1);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_field_check_class_init (ShFieldCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sh_field_check_constructed;
  object_class->dispose = sh_field_check_dispose;
  object_class->finalize = sh_field_check_finalize;
  object_class->get_property = sh_field_check_get_property;
  object_class->set_property = sh_field_check_set_property;

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
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sachhon/SachHon/ui/sh-field-check.ui");
  gtk_widget_class_bind_template_child (widget_class, ShFieldCheck, check_button);
  gtk_widget_class_bind_template_callback (widget_class, check_button_toggled_cb);

  gtk_widget_class_set_css_name (widget_class, "shfieldcheck");
}

static void
sh_field_check_init (ShFieldCheck *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
}

GtkWidget *
sh_field_check_new (ShEditContext *ctx,
                    const char    *table,
                    gint64         id,
                    const char    *column,
                    const char    *label)
{
  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  return g_object_new (SH_TYPE_FIELD_CHECK,
                       "context", ctx,
                       "table", table,
                       "row-id", id,
                       "column", column,
                       "label", label,
                       NULL);
}

gboolean
sh_field_check_get_active (ShFieldCheck *self)
{
  g_return_val_if_fail (SH_IS_FIELD_CHECK (self), FALSE);

  return gtk_check_button_get_active (self->check_button);
}

gboolean
sh_field_check_set_active (ShFieldCheck *self,
                           gboolean      active)
{
  g_return_val_if_fail (SH_IS_FIELD_CHECK (self), FALSE);

  active = !!active;
  if (active == gtk_check_button_get_active (self->check_button))
    return TRUE;

  /* The toggled handler saves (and restores the box on failure). */
  gtk_check_button_set_active (self->check_button, active);
  return gtk_check_button_get_active (self->check_button) == active;
}

void
sh_field_check_reload (ShFieldCheck *self)
{
  g_return_if_fail (SH_IS_FIELD_CHECK (self));

  load (self);
}

GtkWidget *
sh_field_check_get_button (ShFieldCheck *self)
{
  g_return_val_if_fail (SH_IS_FIELD_CHECK (self), NULL);

  return GTK_WIDGET (self->check_button);
}
