/* sh-field-choice.c — a drop-down bound to one column that holds a code.
 *
 * The drop-down's model is a GtkStringList of labels; the codes sit in a
 * parallel array (NULL for "no value"). A stored code that is not among the
 * choices gets an extra item at the end showing it, so that the drop-down
 * always shows what is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-field-choice.h"
#include "sh-refdata.h"
#include "sh-units.h"

struct _ShFieldChoice
{
  ShField        parent_instance;

  GtkStringList *labels;
  GPtrArray     *codes;        /* char *, parallel to labels; NULL = none */
  gboolean       numeric;
  gboolean       allow_none;
  char          *none_label;
  gboolean       has_stray;    /* the last item is a stored unknown code */
  char          *message;
  guint          loading : 1;

  GtkDropDown   *drop_down;
  GtkLabel      *message_label;
};

G_DEFINE_FINAL_TYPE (ShFieldChoice, sh_field_choice, SH_TYPE_FIELD)

const char *
sh_field_choice_localized (const ShRecord *row,
                           const char     *base)
{
  const char * const *languages = g_get_language_names ();
  gboolean vietnamese = languages[0] != NULL && g_str_has_prefix (languages[0], "vi");
  g_autofree char *first = g_strconcat (base, vietnamese ? "_vi" : "_en", NULL);
  g_autofree char *second = g_strconcat (base, vietnamese ? "_en" : "_vi", NULL);
  const char *name = sh_record_get_string (row, first);

  if (name == NULL || *name == '\0')
    name = sh_record_get_string (row, second);
  return name;
}

static void
set_message (ShFieldChoice *self,
             const char    *message)
{
  g_free (self->message);
  self->message = g_strdup (message);

  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->drop_down), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->drop_down), "error");
}

static void
remove_stray (ShFieldChoice *self)
{
  if (!self->has_stray)
    return;

  self->has_stray = FALSE;
  g_ptr_array_remove_index (self->codes, self->codes->len - 1);
  gtk_string_list_remove (self->labels, self->codes->len);
}

static guint
find_code (ShFieldChoice *self,
           const char    *code)
{
  for (guint i = 0; i < self->codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->codes, i), code) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Shows the stored value. */
static void
load (ShFieldChoice *self)
{
  g_autoptr(ShRecord) row = NULL;
  g_autofree char *code = NULL;
  guint position;

  if (sh_field_get_context (SH_FIELD (self)) == NULL)
    return;

  row = sh_field_get_row (SH_FIELD (self), NULL);
  if (row != NULL)
    code = sh_value_to_string (sh_record_get_value (row, sh_field_get_column (SH_FIELD (self))));
  if (code != NULL && *code == '\0')
    g_clear_pointer (&code, g_free);

  self->loading = TRUE;
  remove_stray (self);
  position = find_code (self, code);
  if (position == GTK_INVALID_LIST_POSITION && code != NULL)
    {
      /* Translators: a stored code that is not among the choices. */
      g_autofree char *text = g_strdup_printf (_("%s (not in the list)"), code);

      g_ptr_array_add (self->codes, g_strdup (code));
      gtk_string_list_append (self->labels, text);
      self->has_stray = TRUE;
      position = self->codes->len - 1;
    }
  gtk_drop_down_set_selected (self->drop_down, position);
  self->loading = FALSE;

  set_message (self, NULL);
}

static gboolean
save_code (ShFieldChoice  *self,
           const char     *code,
           GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (code == NULL)
    return sh_field_save_value (SH_FIELD (self), NULL, error);

  if (self->numeric)
    {
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, g_ascii_strtoll (code, NULL, 10));
    }
  else
    {
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, code);
    }

  return sh_field_save_value (SH_FIELD (self), &value, error);
}

static void
drop_down_notify_selected_cb (ShFieldChoice *self,
                              GParamSpec    *pspec,
                              GtkDropDown   *drop_down)
{
  g_autoptr(GError) error = NULL;
  guint position = gtk_drop_down_get_selected (drop_down);

  if (self->loading || sh_field_get_context (SH_FIELD (self)) == NULL
      || position >= self->codes->len)
    return;

  if (!save_code (self, g_ptr_array_index (self->codes, position), &error))
    {
      /* The last good value is shown again, and what went wrong under it. */
      load (self);
      if (g_error_matches (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID))
        set_message (self, _("This choice is not allowed here."));
      else
        {
          g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

          set_message (self, message);
        }
      return;
    }

  set_message (self, NULL);
  sh_edit_context_stop_merging (sh_field_get_context (SH_FIELD (self)));
}

/* Empties the choices, keeping "no value" when it is allowed. */
static void
reset_choices (ShFieldChoice *self)
{
  self->loading = TRUE;
  gtk_string_list_splice (self->labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->labels)), NULL);
  g_ptr_array_set_size (self->codes, 0);
  self->has_stray = FALSE;
  self->numeric = FALSE;
  if (self->allow_none)
    {
      g_ptr_array_add (self->codes, NULL);
      gtk_string_list_append (self->labels, self->none_label != NULL ? self->none_label : "—");
    }
  self->loading = FALSE;
}

static void
append_choice (ShFieldChoice *self,
               const char    *code,
               const char    *label)
{
  guint position = self->codes->len;

  /* Choices go before a stray stored code, which stays last. */
  if (self->has_stray)
    position--;

  self->loading = TRUE;
  g_ptr_array_insert (self->codes, position, g_strdup (code));
  gtk_string_list_splice (self->labels, position, 0, (const char * const[]) { label, NULL });
  self->loading = FALSE;
}

/* -------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static void
sh_field_choice_reload (ShField *field)
{
  load (SH_FIELD_CHOICE (field));
}

static GtkWidget *
sh_field_choice_get_input (ShField *field)
{
  return GTK_WIDGET (SH_FIELD_CHOICE (field)->drop_down);
}

static void
sh_field_choice_dispose (GObject *object)
{
  ShFieldChoice *self = SH_FIELD_CHOICE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SH_TYPE_FIELD_CHOICE);

  g_clear_object (&self->labels);

  G_OBJECT_CLASS (sh_field_choice_parent_class)->dispose (object);
}

static void
sh_field_choice_finalize (GObject *object)
{
  ShFieldChoice *self = SH_FIELD_CHOICE (object);

  g_free (self->none_label);
  g_free (self->message);
  g_clear_pointer (&self->codes, g_ptr_array_unref);

  G_OBJECT_CLASS (sh_field_choice_parent_class)->finalize (object);
}

static void
sh_field_choice_class_init (ShFieldChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ShFieldClass *field_class = SH_FIELD_CLASS (klass);

  object_class->dispose = sh_field_choice_dispose;
  object_class->finalize = sh_field_choice_finalize;

  field_class->reload = sh_field_choice_reload;
  field_class->get_input = sh_field_choice_get_input;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sachhon/SachHon/ui/sh-field-choice.ui");
  gtk_widget_class_bind_template_child (widget_class, ShFieldChoice, drop_down);
  gtk_widget_class_bind_template_child (widget_class, ShFieldChoice, message_label);
  gtk_widget_class_bind_template_callback (widget_class, drop_down_notify_selected_cb);

  gtk_widget_class_set_css_name (widget_class, "shfieldchoice");
}

static void
sh_field_choice_init (ShFieldChoice *self)
{
  GtkLayoutManager *layout;
  g_autoptr(GtkExpression) expression = NULL;

  self->labels = gtk_string_list_new (NULL);
  self->codes = g_ptr_array_new_with_free_func (g_free);

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);

  /* Long lists (provinces, sectors) can be searched by typing. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->drop_down, expression);
  gtk_drop_down_set_model (self->drop_down, G_LIST_MODEL (self->labels));
  gtk_drop_down_set_selected (self->drop_down, GTK_INVALID_LIST_POSITION);
  self->loading = FALSE;
}

/* -------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

GtkWidget *
sh_field_choice_new (ShEditContext *ctx,
                     const char    *table,
                     gint64         id,
                     const char    *column)
{
  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  return g_object_new (SH_TYPE_FIELD_CHOICE,
                       "context", ctx,
                       "table", table,
                       "row-id", id,
                       "column", column,
                       NULL);
}

void
sh_field_choice_set_static (ShFieldChoice  *self,
                            const ShChoice *choices,
                            gsize           n_choices)
{
  g_return_if_fail (SH_IS_FIELD_CHOICE (self));
  g_return_if_fail (choices != NULL || n_choices == 0);

  reset_choices (self);
  for (gsize i = 0; i < n_choices; i++)
    {
      const char *label = choices[i].label_context != NULL
                          ? g_dpgettext2 (NULL, choices[i].label_context, choices[i].label)
                          : gettext (choices[i].label);

      append_choice (self, choices[i].code, label);
    }
  load (self);
}

gboolean
sh_field_choice_set_list (ShFieldChoice  *self,
                          const char     *list,
                          GError        **error)
{
  g_autoptr(GPtrArray) values = NULL;

  g_return_val_if_fail (SH_IS_FIELD_CHOICE (self), FALSE);
  g_return_val_if_fail (list != NULL, FALSE);

  if (!(values = sh_refdata_list_values (sh_edit_context_get_store (sh_field_get_context (SH_FIELD (self))), list, error)))
    return FALSE;

  reset_choices (self);
  for (guint i = 0; i < values->len; i++)
    {
      ShRecord *value = g_ptr_array_index (values, i);

      append_choice (self, sh_record_get_string (value, "code"),
                     sh_field_choice_localized (value, "name"));
    }
  load (self);
  return TRUE;
}

void
sh_field_choice_set_units (ShFieldChoice *self,
                           const char    *dimension)
{
  g_autoptr(GPtrArray) units = NULL;
  gboolean vietnamese;

  g_return_if_fail (SH_IS_FIELD_CHOICE (self));

  vietnamese = g_str_has_prefix (g_get_language_names ()[0], "vi");
  units = sh_units_list_units (sh_units_get_default (), dimension);

  reset_choices (self);
  for (guint i = 0; i < units->len; i++)
    {
      const ShUnitInfo *unit = g_ptr_array_index (units, i);
      /* The symbol is what people write; the name says which one it is. */
      g_autofree char *label = g_strdup_printf ("%s — %s", unit->symbol,
                                                vietnamese ? unit->name_vi : unit->name_en);

      append_choice (self, unit->code, label);
    }
  load (self);
}

void
sh_field_choice_clear (ShFieldChoice *self)
{
  g_return_if_fail (SH_IS_FIELD_CHOICE (self));

  reset_choices (self);
  load (self);
}

void
sh_field_choice_append (ShFieldChoice *self,
                        const char    *code,
                        const char    *label)
{
  g_return_if_fail (SH_IS_FIELD_CHOICE (self));
  g_return_if_fail (code != NULL && label != NULL);

  append_choice (self, code, label);
  load (self);
}

void
sh_field_choice_append_id (ShFieldChoice *self,
                           gint64         id,
                           const char    *label)
{
  g_autofree char *code = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_return_if_fail (SH_IS_FIELD_CHOICE (self));
  g_return_if_fail (label != NULL);

  self->numeric = TRUE;
  append_choice (self, code, label);
  load (self);
}

void
sh_field_choice_set_allow_none (ShFieldChoice *self,
                                gboolean       allow_none,
                                const char    *label)
{
  g_return_if_fail (SH_IS_FIELD_CHOICE (self));

  g_free (self->none_label);
  self->none_label = g_strdup (label);

  self->loading = TRUE;
  if (self->allow_none && self->codes->len > 0 && g_ptr_array_index (self->codes, 0) == NULL)
    {
      g_ptr_array_remove_index (self->codes, 0);
      gtk_string_list_remove (self->labels, 0);
    }
  self->allow_none = !!allow_none;
  if (self->allow_none)
    {
      g_ptr_array_insert (self->codes, 0, NULL);
      gtk_string_list_splice (self->labels, 0, 0,
                              (const char * const[]) { label != NULL ? label : "—", NULL });
    }
  self->loading = FALSE;
  load (self);
}

const char *
sh_field_choice_get_code (ShFieldChoice *self)
{
  guint position;

  g_return_val_if_fail (SH_IS_FIELD_CHOICE (self), NULL);

  position = gtk_drop_down_get_selected (self->drop_down);
  if (position >= self->codes->len)
    return NULL;
  return g_ptr_array_index (self->codes, position);
}

gboolean
sh_field_choice_select_code (ShFieldChoice *self,
                             const char    *code)
{
  guint position;

  g_return_val_if_fail (SH_IS_FIELD_CHOICE (self), FALSE);

  position = find_code (self, code);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_drop_down_set_selected (self->drop_down, position);
  /* The handler saved it, or showed why not and the old value again. */
  return self->message == NULL && g_strcmp0 (sh_field_choice_get_code (self), code) == 0;
}

guint
sh_field_choice_get_n_choices (ShFieldChoice *self)
{
  g_return_val_if_fail (SH_IS_FIELD_CHOICE (self), 0);

  return self->codes->len - (self->has_stray ? 1 : 0);
}

const char *
sh_field_choice_get_error_message (ShFieldChoice *self)
{
  g_return_val_if_fail (SH_IS_FIELD_CHOICE (self), NULL);

  return self->message;
}

GtkWidget *
sh_field_choice_get_drop_down (ShFieldChoice *self)
{
  g_return_val_if_fail (SH_IS_FIELD_CHOICE (self), NULL);

  return GTK_WIDGET (self->drop_down);
}
