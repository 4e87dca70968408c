/* sh-field-check.c — a check box bound to one 0/1 column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sh-field-check.h"

struct _ShFieldCheck
{
  ShField         parent_instance;

  guint           loading : 1;

  GtkCheckButton *check_button;
};

G_DEFINE_FINAL_TYPE (ShFieldCheck, sh_field_check, SH_TYPE_FIELD)

static void
sh_field_check_reload (ShField *field)
{
  ShFieldCheck *self = SH_FIELD_CHECK (field);
  g_autoptr(ShRecord) row = sh_field_get_row (field, NULL);

  self->loading = TRUE;
  gtk_check_button_set_active (self->check_button,
                               row != NULL
                               && sh_record_get_int (row, sh_field_get_column (field), 0) != 0);
  self->loading = FALSE;
}

static gboolean
save (ShFieldCheck *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, gtk_check_button_get_active (self->check_button) ? 1 : 0);

  /* The context told the window why; the box shows what is stored. */
  if (!sh_field_save_value (SH_FIELD (self), &value, &error))
    {
      sh_field_reload (SH_FIELD (self));
      return FALSE;
    }

  sh_edit_context_stop_merging (sh_field_get_context (SH_FIELD (self)));
  return TRUE;
}

static void
check_button_toggled_cb (ShFieldCheck   *self,
                         GtkCheckButton *button)
{
  if (self->loading || sh_field_get_context (SH_FIELD (self)) == NULL)
    return;

  save (self);
}

static GtkWidget *
sh_field_check_get_input (ShField *field)
{
  return GTK_WIDGET (SH_FIELD_CHECK (field)->check_button);
}

static void
sh_field_check_label_changed (ShField *field)
{
  gtk_check_button_set_label (SH_FIELD_CHECK (field)->check_button, sh_field_get_label (field));
}

static void
sh_field_check_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SH_TYPE_FIELD_CHECK);

  G_OBJECT_CLASS (sh_field_check_parent_class)->dispose (object);
}

static void
sh_field_check_class_init (ShFieldCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ShFieldClass *field_class = SH_FIELD_CLASS (klass);

  object_class->dispose = sh_field_check_dispose;

  field_class->reload = sh_field_check_reload;
  field_class->get_input = sh_field_check_get_input;
  field_class->label_changed = sh_field_check_label_changed;

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
