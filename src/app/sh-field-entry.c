/* sh-field-entry.c — a text, number, money or date field bound to one column.
 *
 * The field keeps three things apart: what is typed (the input), whether it
 * differs from what was last saved (dirty), and the message when it cannot
 * be saved. The database only ever receives a value that parsed and passed
 * the field's checks; anything else stays in the input, marked, until the
 * person corrects it or undo brings back a saved value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sh-field-entry.h"
#include "sh-format.h"

/* Saving after the last keystroke: short enough that a power cut loses
 * little, long enough not to write on every letter. */
#define SAVE_DELAY_MS 400

struct _ShFieldEntry
{
  ShField          parent_instance;

  ShFieldKind      kind;
  gboolean         required;
  gboolean         allow_negative;
  double           minimum;
  double           maximum;
  int              decimals;

  char            *message;
  guint            save_source;
  guint            loading : 1;
  guint            dirty : 1;

  GtkEntry        *entry;
  GtkBox          *input_box;
  GtkLabel        *message_label;
  GtkScrolledWindow *text_scroller;
  GtkTextView     *text_view;
  GtkLabel        *unit_label;
};

G_DEFINE_FINAL_TYPE (ShFieldEntry, sh_field_entry, SH_TYPE_FIELD)

G_DEFINE_ENUM_TYPE (ShFieldKind, sh_field_kind,
  G_DEFINE_ENUM_VALUE (SH_FIELD_KIND_TEXT, "text"),
  G_DEFINE_ENUM_VALUE (SH_FIELD_KIND_MULTILINE, "multiline"),
  G_DEFINE_ENUM_VALUE (SH_FIELD_KIND_INTEGER, "integer"),
  G_DEFINE_ENUM_VALUE (SH_FIELD_KIND_NUMBER, "number"),
  G_DEFINE_ENUM_VALUE (SH_FIELD_KIND_MONEY, "money"),
  G_DEFINE_ENUM_VALUE (SH_FIELD_KIND_PERCENT, "percent"),
  G_DEFINE_ENUM_VALUE (SH_FIELD_KIND_DATE, "date"),
  G_DEFINE_ENUM_VALUE (SH_FIELD_KIND_YEAR, "year"))

enum
{
  PROP_0,
  PROP_KIND,
  PROP_REQUIRED,
  PROP_ALLOW_NEGATIVE,
  PROP_MINIMUM,
  PROP_MAXIMUM,
  PROP_DECIMALS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_multiline (ShFieldEntry *self)
{
  return self->kind == SH_FIELD_KIND_MULTILINE;
}

static gboolean
is_numeric (ShFieldEntry *self)
{
  return self->kind == SH_FIELD_KIND_INTEGER || self->kind == SH_FIELD_KIND_NUMBER ||
         self->kind == SH_FIELD_KIND_MONEY || self->kind == SH_FIELD_KIND_PERCENT ||
         self->kind == SH_FIELD_KIND_YEAR;
}

static GtkWidget *
input_widget (ShFieldEntry *self)
{
  return is_multiline (self) ? GTK_WIDGET (self->text_view) : GTK_WIDGET (self->entry);
}

/* -------------------------------------------------------------------------
 * Formatting and parsing
 * ------------------------------------------------------------------------- */

/* "12,50" → "12,5"; "12,00" → "12". */
static char *
format_trimmed (double value,
                int    decimals)
{
  char *text = sh_format_number (value, decimals, SH_NUMBER_STYLE_VI);
  char *comma = strchr (text, ',');

  if (comma != NULL)
    {
      char *end = text + strlen (text);

      while (end > comma + 1 && end[-1] == '0')
        *--end = '\0';
      if (end == comma + 1)
        *comma = '\0';
    }

  return text;
}

static char *
format_value (ShFieldEntry *self,
              const GValue *value)
{
  if (value == NULL || !G_IS_VALUE (value))
    return g_strdup ("");

  switch (self->kind)
    {
    case SH_FIELD_KIND_TEXT:
    case SH_FIELD_KIND_MULTILINE:
      return sh_value_to_string (value);

    case SH_FIELD_KIND_DATE:
      {
        g_autofree char *iso = sh_value_to_string (value);
        char *text = iso != NULL ? sh_format_date (iso) : NULL;

        /* A value that is not a date is shown as stored, never hidden. */
        return text != NULL ? text : g_steal_pointer (&iso);
      }

    case SH_FIELD_KIND_INTEGER:
    case SH_FIELD_KIND_MONEY:
    case SH_FIELD_KIND_NUMBER:
    case SH_FIELD_KIND_PERCENT:
    case SH_FIELD_KIND_YEAR:
      {
        double number;

        if (G_VALUE_HOLDS_INT64 (value))
          number = (double) g_value_get_int64 (value);
        else if (G_VALUE_HOLDS_DOUBLE (value))
          number = g_value_get_double (value);
        else
          return sh_value_to_string (value);

        if (self->kind == SH_FIELD_KIND_YEAR)
          return sh_format_number (number, 0, SH_NUMBER_STYLE_PLAIN);
        if (self->kind == SH_FIELD_KIND_INTEGER || self->kind == SH_FIELD_KIND_MONEY)
          return sh_format_number (number, 0, SH_NUMBER_STYLE_VI);
        return format_trimmed (number, self->decimals);
      }

    default:
      g_assert_not_reached ();
    }
}

static char *
format_limit (double value)
{
  return format_trimmed (value, 6);
}

/* Turns the typed text into the value to save. On failure, @message is
 * the short sentence shown under the field. */
static gboolean
parse_input (ShFieldEntry  *self,
             const char    *text,
             GValue        *value,
             char         **message)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  double number = 0;

  if (*stripped == '\0')
    {
      if (self->required)
        {
          *message = g_strdup (_("Required: this cannot be left empty."));
          return FALSE;
        }
      return TRUE;   /* saved as NULL */
    }

  switch (self->kind)
    {
    case SH_FIELD_KIND_TEXT:
    case SH_FIELD_KIND_MULTILINE:
      g_value_init (value, G_TYPE_STRING);
      /* What was typed is kept as typed; only a blank field becomes NULL. */
      g_value_set_string (value, text);
      return TRUE;

    case SH_FIELD_KIND_DATE:
      {
        g_autofree char *iso = sh_parse_date (stripped, &error);

        if (iso == NULL)
          {
            *message = g_strdup (_("Expected a date that exists, as dd/mm/yyyy (e.g. 31/12/2024)."));
            /* Say why when the format is right but the day is not. */
            if (g_regex_match_simple ("^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$", stripped, 0, 0))
              {
                g_free (*message);
                *message = g_strdup_printf (_("%s does not exist. Expected a real date as dd/mm/yyyy."),
                                            stripped);
              }
            return FALSE;
          }
        g_value_init (value, G_TYPE_STRING);
        g_value_set_string (value, iso);
        return TRUE;
      }

    case SH_FIELD_KIND_MONEY:
      {
        gint64 amount;

        if (!sh_parse_vnd (stripped, &amount, &error))
          {
            *message = g_strdup (_("Expected an amount in đồng, e.g. 1.500.000."));
            return FALSE;
          }
        number = (double) amount;
        g_value_init (value, G_TYPE_INT64);
        g_value_set_int64 (value, amount);
        break;
      }

    case SH_FIELD_KIND_PERCENT:
      {
        g_autofree char *digits = g_strdup (stripped);
        gsize len = strlen (digits);

        if (len > 0 && digits[len - 1] == '%')
          {
            digits[len - 1] = '\0';
            g_strchomp (digits);
          }
        if (!sh_parse_number (digits, &number, &error))
          {
            *message = g_strdup (_("Expected a percentage, e.g. 12,5."));
            return FALSE;
          }
        g_value_init (value, G_TYPE_DOUBLE);
        g_value_set_double (value, number);
        break;
      }

    case SH_FIELD_KIND_INTEGER:
      if (!sh_parse_number (stripped, &number, &error) || number != floor (number) ||
          fabs (number) > 9.0e15)
        {
          *message = g_strdup (_("Expected a whole number, e.g. 1.250."));
          return FALSE;
        }
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, (gint64) number);
      break;

    case SH_FIELD_KIND_YEAR:
      if (!sh_parse_number (stripped, &number, &error) || number != floor (number) ||
          number < 1 || number > 9999)
        {
          *message = g_strdup (_("Expected a year, e.g. 2024."));
          return FALSE;
        }
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, (gint64) number);
      break;

    case SH_FIELD_KIND_NUMBER:
      if (!sh_parse_number (stripped, &number, &error))
        {
          *message = g_strdup (_("Expected a number, e.g. 1.234,5 or 1234.5."));
          return FALSE;
        }
      g_value_init (value, G_TYPE_DOUBLE);
      g_value_set_double (value, number);
      break;

    default:
      g_assert_not_reached ();
    }

  /* Numbers: sign and range. */
  if (number < 0 && !self->allow_negative)
    {
      *message = g_strdup (_("Must not be negative."));
      g_value_unset (value);
      return FALSE;
    }
  if (number < self->minimum || number > self->maximum)
    {
      g_autofree char *lo = format_limit (self->minimum);
      g_autofree char *hi = format_limit (self->maximum);

      if (self->maximum >= G_MAXDOUBLE)
        *message = g_strdup_printf (_("Expected %s or more."), lo);
      else if (self->minimum <= -G_MAXDOUBLE)
        *message = g_strdup_printf (_("Expected %s or less."), hi);
      else
        *message = g_strdup_printf (_("Expected a number from %s to %s."), lo, hi);
      g_value_unset (value);
      return FALSE;
    }

  return TRUE;
}

/* The database refused a value that parsed: say what is expected in the
 * words of the field, not SQLite's. */
static char *
refusal_message (ShFieldEntry *self,
                 const GError *error)
{
  if (error->domain == SH_STORE_ERROR && error->code == SH_STORE_ERROR_INVALID)
    {
      if (strstr (error->message, "UNIQUE") != NULL)
        return g_strdup (_("Another record already has this value."));
      if (self->kind == SH_FIELD_KIND_DATE)
        return g_strdup (_("Out of order: an end date cannot be before its start date."));
      if (is_numeric (self))
        return g_strdup (_("This number is outside the range allowed here."));
      return g_strdup (_("This value is not allowed here."));
    }
  if (error->domain == SH_STORE_ERROR && error->code == SH_STORE_ERROR_READ_ONLY)
    return g_strdup (_("Not saved: this assessment is finalized."));

  return g_strdup_printf (_("Not saved: %s"), error->message);
}

/* -------------------------------------------------------------------------
 * Input and message
 * ------------------------------------------------------------------------- */

static char *
get_input_text (ShFieldEntry *self)
{
  if (is_multiline (self))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

/* Shows @text without it counting as typing. */
static void
set_input_text (ShFieldEntry *self,
                const char   *text)
{
  g_autofree char *current = get_input_text (self);

  if (g_strcmp0 (current, text) == 0)
    return;

  self->loading = TRUE;
  if (is_multiline (self))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  self->loading = FALSE;
}

static void
set_message (ShFieldEntry *self,
             const char   *message)
{
  GtkWidget *input = input_widget (self);
  GtkWidget *framed = is_multiline (self) ? GTK_WIDGET (self->text_scroller) : input;

  g_free (self->message);
  self->message = g_strdup (message);

  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (framed, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (input),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (input),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (framed, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
cancel_save (ShFieldEntry *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
}

/* Reads the column and shows it, dropping anything typed. */
static void
load (ShFieldEntry *self)
{
  ShField *field = SH_FIELD (self);
  g_autoptr(ShRecord) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  cancel_save (self);
  self->dirty = FALSE;

  if (!(row = sh_field_get_row (field, &error)))
    {
      /* The row went away (deleted, or the page is about to be rebuilt). */
      set_input_text (self, "");
      return;
    }

  text = format_value (self, sh_record_get_value (row, sh_field_get_column (field)));
  set_input_text (self, text);
  set_message (self, NULL);
}

/* Saves the input if it changed. @reformat shows the saved value in its
 * display form (not while typing: the cursor would jump). */
static gboolean
commit (ShFieldEntry *self,
        gboolean      reformat)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;

  cancel_save (self);

  if (!self->dirty)
    return self->message == NULL;

  text = get_input_text (self);
  if (!parse_input (self, text, &value, &message))
    {
      set_message (self, message);
      return FALSE;
    }

  if (!sh_field_save_value (SH_FIELD (self), G_IS_VALUE (&value) ? &value : NULL, &error))
    {
      g_autofree char *refusal = refusal_message (self, error);

      set_message (self, refusal);
      return FALSE;
    }

  self->dirty = FALSE;
  set_message (self, NULL);
  if (reformat)
    {
      g_autofree char *shown = format_value (self, &value);

      set_input_text (self, shown);
    }

  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  ShFieldEntry *self = user_data;

  self->save_source = 0;
  commit (self, FALSE);

  return G_SOURCE_REMOVE;
}

static void
input_changed (ShFieldEntry *self)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
  cancel_save (self);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
entry_changed_cb (ShFieldEntry *self,
                  GtkEditable  *editable)
{
  input_changed (self);
}

static void
entry_activate_cb (ShFieldEntry *self,
                   GtkEntry     *entry)
{
  commit (self, TRUE);
  sh_edit_context_stop_merging (sh_field_get_context (SH_FIELD (self)));
}

static void
buffer_changed_cb (ShFieldEntry  *self,
                   GtkTextBuffer *buffer)
{
  input_changed (self);
}

static void
focus_leave_cb (ShFieldEntry            *self,
                GtkEventControllerFocus *controller)
{
  commit (self, TRUE);
  sh_edit_context_stop_merging (sh_field_get_context (SH_FIELD (self)));
}

static void
ctx_flush_cb (ShFieldEntry  *self,
              ShEditContext *ctx)
{
  commit (self, !gtk_widget_has_focus (input_widget (self)));
}

/* -------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static void
sh_field_entry_constructed (GObject *object)
{
  ShFieldEntry *self = SH_FIELD_ENTRY (object);

  /* The kind is known now: show the input it needs before the base class
   * labels it and loads the value. */
  gtk_widget_set_visible (GTK_WIDGET (self->entry), !is_multiline (self));
  gtk_widget_set_visible (GTK_WIDGET (self->text_scroller), is_multiline (self));

  G_OBJECT_CLASS (sh_field_entry_parent_class)->constructed (object);

  switch (self->kind)
    {
    case SH_FIELD_KIND_INTEGER:
    case SH_FIELD_KIND_NUMBER:
      gtk_entry_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_NUMBER);
      gtk_entry_set_alignment (self->entry, 1.0);
      break;

    case SH_FIELD_KIND_MONEY:
      gtk_entry_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_NUMBER);
      gtk_entry_set_alignment (self->entry, 1.0);
      /* The đồng sign after the amount, as it is written. */
      gtk_label_set_text (self->unit_label, "₫");
      gtk_widget_set_visible (GTK_WIDGET (self->unit_label), TRUE);
      break;

    case SH_FIELD_KIND_PERCENT:
      gtk_entry_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_NUMBER);
      gtk_entry_set_alignment (self->entry, 1.0);
      gtk_label_set_text (self->unit_label, "%");
      gtk_widget_set_visible (GTK_WIDGET (self->unit_label), TRUE);
      break;

    case SH_FIELD_KIND_YEAR:
      gtk_entry_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_DIGITS);
      break;

    case SH_FIELD_KIND_DATE:
      /* Translators: the placeholder of a date field: day/month/year. */
      gtk_entry_set_placeholder_text (self->entry, _("dd/mm/yyyy"));
      gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 11);
      break;

    case SH_FIELD_KIND_TEXT:
    case SH_FIELD_KIND_MULTILINE:
    default:
      break;
    }

  if (is_numeric (self))
    gtk_editable_set_width_chars (GTK_EDITABLE (self->entry),
                                  self->kind == SH_FIELD_KIND_YEAR ? 5 : 10);

  /* Ctrl+Z belongs to the page's history (which saves what is typed
   * first), not to the entry's own: one undo for the whole form. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->entry), FALSE);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->text_view), FALSE);

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sh_field_get_context (SH_FIELD (self)), "flush",
                           G_CALLBACK (ctx_flush_cb), self, G_CONNECT_SWAPPED);
}

static void
sh_field_entry_dispose (GObject *object)
{
  ShFieldEntry *self = SH_FIELD_ENTRY (object);

  /* Typing not yet saved when the page goes away is saved now. */
  if (sh_field_get_context (SH_FIELD (self)) != NULL && self->dirty)
    commit (self, FALSE);
  cancel_save (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SH_TYPE_FIELD_ENTRY);

  G_OBJECT_CLASS (sh_field_entry_parent_class)->dispose (object);
}

static void
sh_field_entry_finalize (GObject *object)
{
  ShFieldEntry *self = SH_FIELD_ENTRY (object);

  g_free (self->message);

  G_OBJECT_CLASS (sh_field_entry_parent_class)->finalize (object);
}

static void
sh_field_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ShFieldEntry *self = SH_FIELD_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;

    case PROP_ALLOW_NEGATIVE:
      g_value_set_boolean (value, self->allow_negative);
      break;

    case PROP_MINIMUM:
      g_value_set_double (value, self->minimum);
      break;

    case PROP_MAXIMUM:
      g_value_set_double (value, self->maximum);
      break;

    case PROP_DECIMALS:
      g_value_set_int (value, self->decimals);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_field_entry_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ShFieldEntry *self = SH_FIELD_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_REQUIRED:
      sh_field_entry_set_required (self, g_value_get_boolean (value));
      break;

    case PROP_ALLOW_NEGATIVE:
      sh_field_entry_set_allow_negative (self, g_value_get_boolean (value));
      break;

    case PROP_MINIMUM:
      sh_field_entry_set_range (self, g_value_get_double (value), self->maximum);
      break;

    case PROP_MAXIMUM:
      sh_field_entry_set_range (self, self->minimum, g_value_get_double (value));
      break;

    case PROP_DECIMALS:
      sh_field_entry_set_decimals (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_field_entry_reload (ShField *field)
{
  load (SH_FIELD_ENTRY (field));
}

static GtkWidget *
sh_field_entry_get_input_vfunc (ShField *field)
{
  return input_widget (SH_FIELD_ENTRY (field));
}

static void
sh_field_entry_class_init (ShFieldEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ShFieldClass *field_class = SH_FIELD_CLASS (klass);

  object_class->constructed = sh_field_entry_constructed;
  object_class->dispose = sh_field_entry_dispose;
  object_class->finalize = sh_field_entry_finalize;
  object_class->get_property = sh_field_entry_get_property;
  object_class->set_property = sh_field_entry_set_property;

  field_class->reload = sh_field_entry_reload;
  field_class->get_input = sh_field_entry_get_input_vfunc;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SH_TYPE_FIELD_KIND, SH_FIELD_KIND_TEXT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUIRED] =
    g_param_spec_boolean ("required", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_NEGATIVE] =
    g_param_spec_boolean ("allow-negative", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MINIMUM] =
    g_param_spec_double ("minimum", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAXIMUM] =
    g_param_spec_double ("maximum", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECIMALS] =
    g_param_spec_int ("decimals", NULL, NULL, 0, 20, 2,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sachhon/SachHon/ui/sh-field-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, ShFieldEntry, entry);
  gtk_widget_class_bind_template_child (widget_class, ShFieldEntry, input_box);
  gtk_widget_class_bind_template_child (widget_class, ShFieldEntry, message_label);
  gtk_widget_class_bind_template_child (widget_class, ShFieldEntry, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, ShFieldEntry, text_view);
  gtk_widget_class_bind_template_child (widget_class, ShFieldEntry, unit_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "shfieldentry");
}

static void
sh_field_entry_init (ShFieldEntry *self)
{
  GtkEventController *focus;
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->minimum = -G_MAXDOUBLE;
  self->maximum = G_MAXDOUBLE;
  self->decimals = 2;

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

/* -------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

GtkWidget *
sh_field_entry_new (ShEditContext *ctx,
                    const char    *table,
                    gint64         id,
                    const char    *column,
                    ShFieldKind    kind)
{
  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  return g_object_new (SH_TYPE_FIELD_ENTRY,
                       "context", ctx,
                       "table", table,
                       "row-id", id,
                       "column", column,
                       "kind", kind,
                       NULL);
}

ShFieldKind
sh_field_entry_get_kind (ShFieldEntry *self)
{
  g_return_val_if_fail (SH_IS_FIELD_ENTRY (self), SH_FIELD_KIND_TEXT);
  return self->kind;
}

void
sh_field_entry_set_placeholder (ShFieldEntry *self,
                                const char   *placeholder)
{
  g_return_if_fail (SH_IS_FIELD_ENTRY (self));

  gtk_entry_set_placeholder_text (self->entry, placeholder);
}

gboolean
sh_field_entry_get_required (ShFieldEntry *self)
{
  g_return_val_if_fail (SH_IS_FIELD_ENTRY (self), FALSE);
  return self->required;
}

void
sh_field_entry_set_required (ShFieldEntry *self,
                             gboolean      required)
{
  g_return_if_fail (SH_IS_FIELD_ENTRY (self));

  required = !!required;
  if (required == self->required)
    return;

  self->required = required;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, required,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, required,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIRED]);
}

void
sh_field_entry_set_range (ShFieldEntry *self,
                          double        minimum,
                          double        maximum)
{
  g_return_if_fail (SH_IS_FIELD_ENTRY (self));
  g_return_if_fail (minimum <= maximum);

  g_object_freeze_notify (G_OBJECT (self));
  if (minimum != self->minimum)
    {
      self->minimum = minimum;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINIMUM]);
    }
  if (maximum != self->maximum)
    {
      self->maximum = maximum;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAXIMUM]);
    }
  /* A range that admits negatives is an explicit permission. */
  if (minimum < 0 && minimum > -G_MAXDOUBLE)
    sh_field_entry_set_allow_negative (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
sh_field_entry_get_allow_negative (ShFieldEntry *self)
{
  g_return_val_if_fail (SH_IS_FIELD_ENTRY (self), FALSE);
  return self->allow_negative;
}

void
sh_field_entry_set_allow_negative (ShFieldEntry *self,
                                   gboolean      allow_negative)
{
  g_return_if_fail (SH_IS_FIELD_ENTRY (self));

  allow_negative = !!allow_negative;
  if (allow_negative == self->allow_negative)
    return;

  self->allow_negative = allow_negative;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_NEGATIVE]);
}

void
sh_field_entry_set_decimals (ShFieldEntry *self,
                             int           decimals)
{
  g_return_if_fail (SH_IS_FIELD_ENTRY (self));
  g_return_if_fail (decimals >= 0 && decimals <= 20);

  if (decimals == self->decimals)
    return;

  self->decimals = decimals;
  if (sh_field_get_context (SH_FIELD (self)) != NULL && !self->dirty)
    load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECIMALS]);
}

void
sh_field_entry_set_width_chars (ShFieldEntry *self,
                                int           n_chars)
{
  g_return_if_fail (SH_IS_FIELD_ENTRY (self));

  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), n_chars);
}

char *
sh_field_entry_get_text (ShFieldEntry *self)
{
  g_return_val_if_fail (SH_IS_FIELD_ENTRY (self), NULL);

  return get_input_text (self);
}

void
sh_field_entry_set_text (ShFieldEntry *self,
                         const char   *text)
{
  g_return_if_fail (SH_IS_FIELD_ENTRY (self));
  g_return_if_fail (text != NULL);

  if (is_multiline (self))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

gboolean
sh_field_entry_commit (ShFieldEntry *self)
{
  gboolean ok;

  g_return_val_if_fail (SH_IS_FIELD_ENTRY (self), FALSE);

  ok = commit (self, TRUE);
  sh_edit_context_stop_merging (sh_field_get_context (SH_FIELD (self)));
  return ok;
}

const char *
sh_field_entry_get_error_message (ShFieldEntry *self)
{
  g_return_val_if_fail (SH_IS_FIELD_ENTRY (self), NULL);

  return self->message;
}

GtkWidget *
sh_field_entry_get_input (ShFieldEntry *self)
{
  g_return_val_if_fail (SH_IS_FIELD_ENTRY (self), NULL);

  return input_widget (self);
}
