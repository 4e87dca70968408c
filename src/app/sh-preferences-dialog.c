/* sh-preferences-dialog.c — the Preferences window: language and the
 * defaults of new assessments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sh-format.h"
#include "sh-a11y.h"
#include "sh-preferences-dialog.h"

/* One numeric default: the settings key, its label and the range accepted
 * here. The range is the schema's or narrower: a negative discount rate is
 * allowed by the schema but is a typing mistake far more often than a
 * choice, so the dialog refuses it. */
typedef struct
{
  const char *key;
  const char *label;
  double      min;
  double      max;
  gboolean    integer;
} NumericField;

static const NumericField numeric_fields[] = {
  { "default-tolerance-pct", N_("Balance _tolerance (%)"), 0.1, 100, FALSE },
  { "default-discount-rate-pct", N_("_Discount rate per year (%)"), 0, 100, FALSE },
  { "default-life-years", N_("Economic _life (years)"), 1, 100, TRUE },
};

typedef struct
{
  GtkEntry *entry;
  GtkLabel *message;
} FieldWidgets;

struct _ShPreferencesDialog
{
  GtkWindow     parent_instance;

  GtkDropDown  *language_drop_down;
  GtkGrid      *defaults_grid;
  GtkLabel     *language_label;
  GtkLabel     *restart_label;

  GSettings    *settings;
  FieldWidgets  fields[G_N_ELEMENTS (numeric_fields)];
};

G_DEFINE_FINAL_TYPE (ShPreferencesDialog, sh_preferences_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
field_index (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (numeric_fields); i++)
    if (g_strcmp0 (numeric_fields[i].key, key) == 0)
      return (int) i;
  return -1;
}

/* "5", "2,5", "0,25": the Vietnamese way, without trailing zeros. */
static char *
format_value (double value)
{
  g_autofree char *text = sh_format_number (value, 2, SH_NUMBER_STYLE_VI);
  char *comma = strchr (text, ',');

  if (comma != NULL)
    {
      char *end = text + strlen (text);

      while (end > comma + 1 && end[-1] == '0')
        *--end = '\0';
      if (end == comma + 1)
        *comma = '\0';
    }

  return g_steal_pointer (&text);
}

static void
set_message (ShPreferencesDialog *self,
             guint                i,
             const char          *message)
{
  FieldWidgets *w = &self->fields[i];

  gtk_label_set_text (w->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (w->message), message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (w->entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (w->entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (w->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (w->entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (w->entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (w->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Checks the text of field @i; saves it when valid, or says at the field
 * why it was not saved. The setting keeps its last valid value. */
static void
validate_field (ShPreferencesDialog *self,
                guint                i)
{
  const NumericField *field = &numeric_fields[i];
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->fields[i].entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  double value;

  if (*trimmed == '\0')
    {
      set_message (self, i, _("Enter a value; an empty field is not saved."));
      return;
    }

  if (!sh_parse_number (text, &value, &error))
    {
      /* The parser's message quotes the text and shows how to write a
       * number. */
      set_message (self, i, error->message);
      return;
    }

  if (value < field->min || value > field->max || (field->integer && value != floor (value)))
    {
      g_autofree char *min = format_value (field->min);
      g_autofree char *max = format_value (field->max);
      g_autofree char *message = NULL;

      if (field->integer)
        message = g_strdup_printf (_("Enter a whole number from %s to %s."), min, max);
      else
        message = g_strdup_printf (_("Enter a number from %s to %s."), min, max);
      set_message (self, i, message);
      return;
    }

  set_message (self, i, NULL);
  if (field->integer)
    g_settings_set_int (self->settings, field->key, (int) value);
  else
    g_settings_set_double (self->settings, field->key, value);
}

static void
entry_changed_cb (GtkEditable         *editable,
                  ShPreferencesDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (numeric_fields); i++)
    if (GTK_EDITABLE (self->fields[i].entry) == editable)
      validate_field (self, i);
}

static void
language_drop_down_selected_cb (ShPreferencesDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->language_drop_down);

  /* The list is in the order of the schema's enum. */
  if (selected != GTK_INVALID_LIST_POSITION)
    g_settings_set_enum (self->settings, "language", (int) selected);
}

static void
load_settings (ShPreferencesDialog *self)
{
  gtk_drop_down_set_selected (self->language_drop_down,
                              (guint) g_settings_get_enum (self->settings, "language"));

  for (guint i = 0; i < G_N_ELEMENTS (numeric_fields); i++)
    {
      const NumericField *field = &numeric_fields[i];
      g_autofree char *text = NULL;

      if (field->integer)
        text = g_strdup_printf ("%d", g_settings_get_int (self->settings, field->key));
      else
        text = format_value (g_settings_get_double (self->settings, field->key));

      g_signal_handlers_block_by_func (self->fields[i].entry, entry_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->fields[i].entry), text);
      g_signal_handlers_unblock_by_func (self->fields[i].entry, entry_changed_cb, self);
      set_message (self, i, NULL);
    }
}

static void
build_fields (ShPreferencesDialog *self)
{
  g_autoptr(GtkSizeGroup) labels = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  /* The two sections' fields line up. */
  gtk_size_group_add_widget (labels, GTK_WIDGET (self->language_label));
  for (guint i = 0; i < G_N_ELEMENTS (numeric_fields); i++)
    {
      GtkWidget *label, *entry, *message;

      label = gtk_label_new_with_mnemonic (_(numeric_fields[i].label));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_size_group_add_widget (labels, label);
      gtk_grid_attach (self->defaults_grid, label, 0, (int) i * 2, 1, 1);

      entry = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_widget_set_halign (entry, GTK_ALIGN_START);
      gtk_widget_set_hexpand (entry, TRUE);
      /* The mnemonic label also names the entry for assistive technology
       * (a labelled-by relation); an accessible label as well would make
       * GTK 4.8 read the name twice. */
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
      g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
      gtk_grid_attach (self->defaults_grid, entry, 1, (int) i * 2, 1, 1);

      message = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (message), 0);
      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (message), 40);
      gtk_widget_add_css_class (message, "error");
      gtk_widget_set_visible (message, FALSE);
      gtk_grid_attach (self->defaults_grid, message, 1, (int) i * 2 + 1, 1, 1);

      self->fields[i].entry = GTK_ENTRY (entry);
      self->fields[i].message = GTK_LABEL (message);
    }
}

static void
sh_preferences_dialog_constructed (GObject *object)
{
  ShPreferencesDialog *self = SH_PREFERENCES_DIALOG (object);

  G_OBJECT_CLASS (sh_preferences_dialog_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  g_signal_handlers_block_by_func (self->language_drop_down, language_drop_down_selected_cb, self);
  load_settings (self);
  g_signal_handlers_unblock_by_func (self->language_drop_down, language_drop_down_selected_cb, self);
}

static void
sh_preferences_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ShPreferencesDialog *self = SH_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_preferences_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ShPreferencesDialog *self = SH_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_preferences_dialog_dispose (GObject *object)
{
  ShPreferencesDialog *self = SH_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SH_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sh_preferences_dialog_parent_class)->dispose (object);
}

static void
sh_preferences_dialog_class_init (ShPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sh_preferences_dialog_constructed;
  object_class->dispose = sh_preferences_dialog_dispose;
  object_class->get_property = sh_preferences_dialog_get_property;
  object_class->set_property = sh_preferences_dialog_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sachhon/SachHon/ui/sh-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShPreferencesDialog, defaults_grid);
  gtk_widget_class_bind_template_child (widget_class, ShPreferencesDialog, language_drop_down);
  gtk_widget_class_bind_template_child (widget_class, ShPreferencesDialog, language_label);
  gtk_widget_class_bind_template_child (widget_class, ShPreferencesDialog, restart_label);
  gtk_widget_class_bind_template_callback (widget_class, language_drop_down_selected_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sh_preferences_dialog_init (ShPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sh_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  build_fields (self);
}

GtkWidget *
sh_preferences_dialog_new (GtkWindow *parent,
                           GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (SH_TYPE_PREFERENCES_DIALOG,
                       "settings", settings,
                       "transient-for", parent,
                       NULL);
}

GtkWidget *
sh_preferences_dialog_get_field (ShPreferencesDialog *self,
                                 const char          *key)
{
  int i;

  g_return_val_if_fail (SH_IS_PREFERENCES_DIALOG (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (g_strcmp0 (key, "language") == 0)
    return GTK_WIDGET (self->language_drop_down);
  if ((i = field_index (key)) < 0)
    return NULL;
  return GTK_WIDGET (self->fields[i].entry);
}

const char *
sh_preferences_dialog_get_message (ShPreferencesDialog *self,
                                   const char          *key)
{
  int i;

  g_return_val_if_fail (SH_IS_PREFERENCES_DIALOG (self), NULL);

  if ((i = field_index (key)) < 0 || !gtk_widget_get_visible (GTK_WIDGET (self->fields[i].message)))
    return NULL;
  return gtk_label_get_text (self->fields[i].message);
}
