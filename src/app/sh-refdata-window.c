/* sh-refdata-window.c — browse the reference data and import updates.
 *
 * Dữ liệu tham chiếu: the sectors with their step templates, waste streams,
 * checklists, benchmarks and legal norms; the option library; the lists;
 * the units, fuels and grid emission factors; the provinces before and after
 * 1 July 2025; the plans and targets. Every value is shown with its source
 * and its reliability tag [V]/[P]/[M], so that a consultant knows how far to
 * trust a number before quoting it. A DoIT's updated file is imported here,
 * all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sh-format.h"
#include "sh-refdata.h"
#include "sh-a11y.h"
#include "sh-refdata-window.h"
#include "sh-units.h"
#include "sh-worksheet-util.h"

#define PARENT_KEY "sh-refdata-window"

struct _ShRefdataWindow
{
  GtkWindow       parent_instance;

  ShStore        *store;
  GPtrArray      *sectors;       /* ShRecord, the dropdown's order after "All" */
  GHashTable     *list_names;    /* "list/code" → localized name */
  char           *search;        /* casefolded, or NULL */
  gboolean        importing;

  GtkButton      *import_button;
  GtkLabel       *message_label;
  GtkListBox     *list_list;
  GtkListBox     *option_list;
  GtkListBox     *plan_list;
  GtkListBox     *province_list;
  GtkSearchEntry *search_entry;
  GtkDropDown    *sector_dropdown;
  GtkListBox     *sector_list;
  GtkStack       *stack;
  GtkListBox     *unit_list;
  GtkLabel       *versions_label;
};

G_DEFINE_FINAL_TYPE (ShRefdataWindow, sh_refdata_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* -------------------------------------------------------------------------
 * Rows
 * ------------------------------------------------------------------------- */

static const char *
text (ShRecord   *row,
      const char *base)
{
  g_autofree char *vi = g_strconcat (base, "_vi", NULL);
  g_autofree char *en = g_strconcat (base, "_en", NULL);

  return sh_worksheet_ref_text (row, vi, en);
}

static char *
number (double value)
{
  return sh_worksheet_format_decimal (value, 4);
}

static char *
date_text (const char *iso)
{
  char *date = iso != NULL ? sh_format_date (iso) : NULL;

  return date != NULL ? date : g_strdup (iso != NULL ? iso : "—");
}

static const char *
tag_explanation (const char *tag)
{
  if (g_strcmp0 (tag, "V") == 0)
    return _("[V] Verified: the quoted text or numbers appeared in a source that was read.");
  if (g_strcmp0 (tag, "P") == 0)
    return _("[P] Partly verified: the source was cut off, or the number is calculated from verified numbers.");
  return _("[M] From memory, unverified: check it against the official text before relying on it.");
}

/* A small coloured [V]/[P]/[M] tag whose tooltip says what it means and
 * where the value comes from. @what names the value when a row has two. */
static GtkWidget *
tag_chip (const char *tag,
          const char *source,
          const char *what)
{
  g_autofree char *label = g_strdup_printf ("%s", tag != NULL ? tag : "M");
  g_autofree char *css = g_ascii_strdown (label, -1);
  g_autofree char *css_class = g_strconcat ("reliability-", css, NULL);
  g_autoptr(GString) tooltip = g_string_new (NULL);
  GtkWidget *chip = gtk_label_new (label);

  if (what != NULL)
    g_string_append_printf (tooltip, "%s\n", what);
  g_string_append (tooltip, tag_explanation (tag));
  if (source != NULL)
    {
      g_string_append_c (tooltip, '\n');
      /* Translators: where a reference value comes from. */
      g_string_append_printf (tooltip, _("Source: %s"), source);
    }

  gtk_widget_add_css_class (chip, "reliability");
  gtk_widget_add_css_class (chip, css_class);
  gtk_widget_set_valign (chip, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (chip, tooltip->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  tooltip->str, -1);
  return chip;
}

static GtkWidget *
wrapped_label (const char *str,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (str);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_can_focus (label, FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
set_search_text (GtkWidget  *row,
                 const char *first,
                 ...)
{
  g_autoptr(GString) all = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    {
      g_string_append (all, s);
      g_string_append_c (all, '\n');
    }
  va_end (args);

  g_object_set_data_full (G_OBJECT (row), "search", g_utf8_casefold (all->str, -1), g_free);
}

/* One value: a title, an optional detail, its source and its tag. Returns
 * the box on the right, where a second tag may go. */
static GtkWidget *
add_item (GtkListBox *list,
          const char *title,
          const char *detail,
          const char *tag,
          const char *source)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *tags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_hexpand (texts, TRUE);

  gtk_box_append (GTK_BOX (texts), wrapped_label (title, NULL));
  if (detail != NULL && *detail != '\0')
    gtk_box_append (GTK_BOX (texts), wrapped_label (detail, "dim-label"));
  if (source != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Source: %s"), source);

      GtkWidget *label = wrapped_label (line, "caption");

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (texts), label);
    }
  gtk_box_append (GTK_BOX (box), texts);
  if (tag != NULL)
    gtk_box_append (GTK_BOX (tags), tag_chip (tag, source, NULL));
  gtk_box_append (GTK_BOX (box), tags);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  set_search_text (row, title, detail != NULL ? detail : "", source != NULL ? source : "",
                   tag != NULL ? tag : "", NULL);
  gtk_list_box_append (list, row);
  return tags;
}

static void
add_heading (GtkListBox *list,
             const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 14);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "refdata-heading");
  g_object_set_data (G_OBJECT (row), "heading", GINT_TO_POINTER (TRUE));
  gtk_list_box_append (list, row);
}

static void
add_note (GtkListBox *list,
          const char *note)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = wrapped_label (note, "dim-label");

  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  set_search_text (row, note, NULL);
  gtk_list_box_append (list, row);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gboolean
row_filter (GtkListBoxRow *row,
            gpointer       user_data)
{
  ShRefdataWindow *self = user_data;
  const char *haystack;

  if (self->search == NULL)
    return TRUE;
  if (g_object_get_data (G_OBJECT (row), "heading") != NULL)
    return FALSE;

  haystack = g_object_get_data (G_OBJECT (row), "search");
  return haystack != NULL && strstr (haystack, self->search) != NULL;
}

/* The name of @code in one of the lists of lists.xml, or @code. */
static const char *
list_name (ShRefdataWindow *self,
           const char      *list,
           const char      *code)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", list, code);
  const char *name = g_hash_table_lookup (self->list_names, key);

  return name != NULL ? name : code;
}

static void
report_error (GtkListBox *list,
              GError     *error)
{
  add_note (list, error->message);
}

/* -------------------------------------------------------------------------
 * Sectors
 * ------------------------------------------------------------------------- */

static char *
join_flows (GPtrArray  *flows,
            const char *direction)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < flows->len; i++)
    {
      ShRecord *flow = flows->pdata[i];
      const char *unit = sh_record_get_string (flow, "unit");

      if (g_strcmp0 (sh_record_get_string (flow, "direction"), direction) != 0)
        continue;
      if (joined->len > 0)
        g_string_append (joined, "; ");
      g_string_append (joined, text (flow, "name"));
      if (unit != NULL)
        g_string_append_printf (joined, " (%s)", unit);
    }

  return joined->len > 0 ? g_string_free (g_steal_pointer (&joined), FALSE) : NULL;
}

static char *
range_text (ShRecord   *row,
            const char *min_column,
            const char *max_column)
{
  gboolean has_min = !sh_record_is_null (row, min_column);
  gboolean has_max = !sh_record_is_null (row, max_column);
  g_autofree char *min = has_min ? number (sh_record_get_double (row, min_column, 0)) : NULL;
  g_autofree char *max = has_max ? number (sh_record_get_double (row, max_column, 0)) : NULL;

  if (has_min && has_max && g_strcmp0 (min, max) == 0)
    return g_steal_pointer (&min);
  if (has_min && has_max)
    return g_strdup_printf ("%s–%s", min, max);
  if (has_min)
    return g_strdup_printf ("≥ %s", min);
  if (has_max)
    return g_strdup_printf ("≤ %s", max);
  return g_strdup ("—");
}

static char *
capacity_band (ShRecord *norm)
{
  const char *unit = sh_record_get_string (norm, "capacity_unit");
  gboolean has_min = !sh_record_is_null (norm, "capacity_min");
  gboolean has_max = !sh_record_is_null (norm, "capacity_max");
  g_autofree char *min = has_min ? number (sh_record_get_double (norm, "capacity_min", 0)) : NULL;
  g_autofree char *max = has_max ? number (sh_record_get_double (norm, "capacity_max", 0)) : NULL;
  gboolean min_incl = sh_record_get_int (norm, "capacity_min_incl", 1) != 0;
  gboolean max_incl = sh_record_get_int (norm, "capacity_max_incl", 1) != 0;

  if (!has_min && !has_max)
    return g_strdup (_("any capacity"));
  if (has_min && has_max)
    /* Translators: a capacity band, e.g. "20.000.000–100.000.000 L/year". */
    return g_strdup_printf (_("%s–%s %s/year"), min, max, unit != NULL ? unit : "");
  if (has_min)
    return g_strdup_printf ("%s %s %s/%s", min_incl ? "≥" : ">", min, unit != NULL ? unit : "", _("year"));
  return g_strdup_printf ("%s %s %s/%s", max_incl ? "≤" : "<", max, unit != NULL ? unit : "", _("year"));
}

static void
fill_sector (ShRefdataWindow *self,
             ShRecord        *sector,
             gboolean         with_title)
{
  GtkListBox *list = self->sector_list;
  const char *code = sh_record_get_string (sector, "code");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) vsic = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) streams = NULL;
  g_autoptr(GPtrArray) checklist = NULL;
  g_autoptr(GPtrArray) benchmarks = NULL;
  g_autoptr(GPtrArray) norms = NULL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;

  if (with_title)
    add_heading (list, text (sector, "name"));

  title = g_strdup_printf ("%s — %s", text (sector, "name"), code);
  detail = g_strdup_printf ("%s%s%s",
                            sh_record_get_int (sector, "priority", 0) ? _("Priority sector of the provincial plans.") : "",
                            sh_record_get_int (sector, "priority", 0) && text (sector, "description") ? " " : "",
                            text (sector, "description") != NULL ? text (sector, "description") : "");
  add_item (list, title, detail, sh_record_get_string (sector, "tag"), sh_record_get_string (sector, "source"));

  vsic = sh_refdata_list_sector_vsic (self->store, code, &error);
  if (vsic == NULL)
    { report_error (list, error); return; }
  for (guint i = 0; i < vsic->len; i++)
    {
      ShRecord *row = vsic->pdata[i];
      g_autofree char *line = NULL;

      /* Translators: a VSIC 2018 industry code and its name. */
      line = g_strdup_printf (_("VSIC %s: %s"), sh_record_get_string (row, "vsic_code"), text (row, "name"));
      add_item (list, line, sh_record_get_int (row, "is_primary", 0) ? _("Primary code") : NULL,
                sh_record_get_string (row, "tag"), sh_record_get_string (row, "source"));
    }

  /* Công đoạn mẫu */
  add_heading (list, _("Process steps (template for new assessments)"));
  steps = sh_refdata_list_steps (self->store, code, &error);
  if (steps == NULL)
    { report_error (list, error); return; }
  for (guint i = 0; i < steps->len; i++)
    {
      ShRecord *step = steps->pdata[i];
      g_autoptr(GPtrArray) flows = sh_refdata_list_step_flows (self->store, sh_record_get_id (step), &error);
      g_autofree char *inputs = NULL;
      g_autofree char *outputs = NULL;
      g_autofree char *name = g_strdup_printf ("%u. %s", i + 1, text (step, "name"));
      g_autoptr(GString) flows_text = g_string_new (NULL);

      if (flows == NULL)
        { report_error (list, error); return; }
      inputs = join_flows (flows, "input");
      outputs = join_flows (flows, "output");
      if (inputs != NULL)
        g_string_append_printf (flows_text, _("Typical inputs: %s"), inputs);
      if (outputs != NULL)
        {
          if (flows_text->len > 0)
            g_string_append_c (flows_text, '\n');
          g_string_append_printf (flows_text, _("Typical outputs: %s"), outputs);
        }
      add_item (list, name, flows_text->str, sh_record_get_string (step, "tag"), sh_record_get_string (step, "source"));
    }

  /* Dòng thải điển hình */
  add_heading (list, _("Typical waste streams"));
  streams = sh_refdata_list_waste_streams (self->store, code, &error);
  if (streams == NULL)
    { report_error (list, error); return; }
  for (guint i = 0; i < streams->len; i++)
    {
      ShRecord *row = streams->pdata[i];

      add_item (list, text (row, "name"), list_name (self, "waste_type", sh_record_get_string (row, "type")),
                sh_record_get_string (row, "tag"), sh_record_get_string (row, "source"));
    }

  /* Bảng kiểm khảo sát */
  add_heading (list, _("Walk-through checklist"));
  checklist = sh_refdata_list_checklist (self->store, code, &error);
  if (checklist == NULL)
    { report_error (list, error); return; }
  for (guint i = 0; i < checklist->len; i++)
    {
      ShRecord *row = checklist->pdata[i];
      g_autofree char *question = g_strdup_printf ("%s  %s", sh_record_get_string (row, "code"), text (row, "question"));

      add_item (list, question, list_name (self, "observation_category", sh_record_get_string (row, "category")),
                sh_record_get_string (row, "tag"), sh_record_get_string (row, "source"));
    }

  /* Mức tiêu thụ riêng tham khảo */
  add_heading (list, _("Specific-consumption benchmarks"));
  benchmarks = sh_refdata_list_benchmarks (self->store, code, &error);
  if (benchmarks == NULL)
    { report_error (list, error); return; }
  if (benchmarks->len == 0)
    add_note (list, _("No benchmark is known for this sector."));
  for (guint i = 0; i < benchmarks->len; i++)
    {
      ShRecord *row = benchmarks->pdata[i];
      g_autofree char *range = range_text (row, "value_min", "value_max");
      const char *per = sh_record_get_string (row, "per_unit");
      g_autoptr(GString) value = g_string_new (NULL);

      g_string_append_printf (value, "%s %s", range, sh_record_get_string (row, "unit"));
      if (per != NULL)
        g_string_append_printf (value, "/%s", per);
      if (!sh_record_is_null (row, "year"))
        g_string_append_printf (value, " (%" G_GINT64_FORMAT ")", sh_record_get_int (row, "year", 0));
      if (text (row, "note") != NULL)
        g_string_append_printf (value, " · %s", text (row, "note"));
      add_item (list, text (row, "basis"), value->str, sh_record_get_string (row, "tag"),
                sh_record_get_string (row, "source"));
    }

  /* Định mức tiêu hao năng lượng */
  add_heading (list, _("Legal energy norms (maximum)"));
  norms = sh_refdata_list_norms (self->store, code, &error);
  if (norms == NULL)
    { report_error (list, error); return; }
  if (norms->len == 0)
    add_note (list, _("No legal energy norm applies to this sector in the reference data."));
  for (guint i = 0; i < norms->len; i++)
    {
      ShRecord *row = norms->pdata[i];
      g_autofree char *band = capacity_band (row);
      g_autofree char *from = date_text (sh_record_get_string (row, "valid_from"));
      g_autofree char *to = date_text (sh_record_get_string (row, "valid_to"));
      g_autofree char *value = NULL;
      g_autofree char *line = NULL;

      if (sh_record_is_null (row, "value"))
        line = g_strdup_printf ("%s · %s", sh_record_get_string (row, "instrument"), _("no values known"));
      else
        {
          value = number (sh_record_get_double (row, "value", 0));
          /* Translators: a legal norm: the limit with its unit, the
           * capacity band, the validity and the instrument. */
          line = g_strdup_printf (_("at most %s %s/%s · %s · %s to %s · %s"), value,
                                  sh_record_get_string (row, "unit"), sh_record_get_string (row, "per_unit"),
                                  band, from, to, sh_record_get_string (row, "instrument"));
        }
      add_item (list, text (row, "product"), line, sh_record_get_string (row, "tag"),
                sh_record_get_string (row, "source"));
    }
}

/* Every energy-norm circular (định mức tiêu hao năng lượng, by its official
 * title) with the number of values the reference data has from it, so that
 * one whose values are not known — plastics, 38/2016/TT-BCT — says so
 * rather than showing nothing. */
static void
fill_norm_instruments (ShRefdataWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) instruments = sh_refdata_list_instruments (self->store, &error);

  add_heading (self->sector_list, _("Energy-norm circulars"));
  if (instruments == NULL)
    {
      report_error (self->sector_list, error);
      return;
    }

  for (guint i = 0; i < instruments->len; i++)
    {
      ShRecord *row = instruments->pdata[i];
      const char *number = sh_record_get_string (row, "number");
      g_autoptr(GPtrArray) norms = NULL;
      g_autofree char *title = NULL;
      g_autofree char *detail = NULL;

      if (!g_str_has_prefix (sh_record_get_string (row, "title_vi"), "Định mức tiêu hao năng lượng"))
        continue;

      norms = sh_refdata_list_instrument_norms (self->store, number, &error);
      if (norms == NULL)
        {
          report_error (self->sector_list, error);
          return;
        }

      title = g_strdup_printf ("%s — %s", number, text (row, "title"));
      if (norms->len == 0)
        detail = g_strdup_printf ("%s%s%s", _("no values known"), text (row, "note") != NULL ? ": " : "",
                                  text (row, "note") != NULL ? text (row, "note") : "");
      else
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u value in the reference data",
                                               "%u values in the reference data", norms->len),
                                  norms->len);
      add_item (self->sector_list, title, detail, sh_record_get_string (row, "tag"),
                sh_record_get_string (row, "source"));
    }
}

static void
fill_sectors (ShRefdataWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->sector_dropdown);

  clear_list (self->sector_list);
  if (self->sectors == NULL)
    return;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    {
      for (guint i = 0; i < self->sectors->len; i++)
        fill_sector (self, self->sectors->pdata[i], TRUE);
    }
  else if (selected - 1 < self->sectors->len)
    fill_sector (self, self->sectors->pdata[selected - 1], FALSE);

  fill_norm_instruments (self);
}

static void
sector_dropdown_selected_cb (ShRefdataWindow *self)
{
  fill_sectors (self);
}

/* -------------------------------------------------------------------------
 * Options, lists
 * ------------------------------------------------------------------------- */

/* What an option's saving range is a share of (the values of the schema's
 * saving-resource attribute). */
static const struct
{
  const char *code;
  const char *name;
} saving_resources[] = {
  { "chemical", N_("chemicals") },
  { "electricity", N_("electricity") },
  { "energy", N_("energy") },
  { "fuel", N_("fuel") },
  { "heat", N_("heat") },
  { "pollution_load", N_("pollution load") },
  { "raw_material", N_("raw material") },
  { "solid_waste", N_("solid waste") },
  { "steam", N_("steam") },
  { "wastewater", N_("wastewater") },
  { "water", N_("water") },
};

static const char *
saving_resource_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (saving_resources); i++)
    if (g_strcmp0 (saving_resources[i].code, code) == 0)
      return _(saving_resources[i].name);
  return code;
}

static void
fill_options (ShRefdataWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) options = NULL;
  const char *last_sector = "";

  clear_list (self->option_list);
  options = sh_refdata_list_options (self->store, NULL, &error);
  if (options == NULL)
    { report_error (self->option_list, error); return; }

  for (guint i = 0; i < options->len; i++)
    {
      ShRecord *row = options->pdata[i];
      const char *sector = sh_record_get_string (row, "sector_code");
      g_autofree char *title = g_strdup_printf ("%s  %s", sh_record_get_string (row, "code"), text (row, "title"));
      g_autofree char *min = number (sh_record_get_double (row, "saving_min_pct", 0));
      g_autofree char *max = number (sh_record_get_double (row, "saving_max_pct", 0));
      g_autofree char *detail = NULL;
      g_autofree char *saving_what = NULL;
      GtkWidget *tags;

      if (g_strcmp0 (sector, last_sector) != 0)
        {
          g_autoptr(ShRecord) record = sector != NULL ? sh_refdata_get_sector (self->store, sector, NULL) : NULL;

          add_heading (self->option_list, record != NULL ? text (record, "name") : _("All sectors"));
          last_sector = sector;
        }

      /* Translators: an option's category, cost class and saving range,
       * e.g. "Good housekeeping (GH) · cost: none · saving 1–5 % of water". */
      detail = g_strdup_printf (_("%s (%s) · cost: %s · saving %s–%s %% of %s"),
                                list_name (self, "option_category", sh_record_get_string (row, "category")),
                                sh_record_get_string (row, "category"),
                                list_name (self, "cost_class", sh_record_get_string (row, "cost_class")),
                                min, max, saving_resource_name (sh_record_get_string (row, "saving_resource")));
      saving_what = g_strdup_printf (_("Saving range: %s"), sh_record_get_string (row, "saving_source"));
      {
        /* The saving range has a source of its own, shown with the detail
         * and behind the second tag. */
        g_autofree char *with_saving = g_strdup_printf ("%s\n%s", detail, saving_what);

        g_free (detail);
        detail = g_steal_pointer (&with_saving);
      }
      tags = add_item (self->option_list, title, detail, sh_record_get_string (row, "tag"),
                       sh_record_get_string (row, "source"));
      gtk_box_append (GTK_BOX (tags), tag_chip (sh_record_get_string (row, "saving_tag"),
                                                sh_record_get_string (row, "saving_source"), saving_what));
    }
}

static const struct
{
  const char *code;
  const char *title;
} lists[] = {
  { "option_category", N_("CP option categories") },
  { "cause_category", N_("Cause categories") },
  { "screening", N_("Screening decisions") },
  { "cost_class", N_("Cost classes") },
  { "waste_type", N_("Waste types") },
  { "observation_category", N_("Observation categories") },
  { "evidence_kind", N_("Kinds of evidence") },
};

static void
load_list_names (ShRefdataWindow *self)
{
  g_hash_table_remove_all (self->list_names);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_autoptr(GPtrArray) values = sh_refdata_list_values (self->store, lists[l].code, NULL);

      for (guint i = 0; values != NULL && i < values->len; i++)
        g_hash_table_insert (self->list_names,
                             g_strdup_printf ("%s/%s", lists[l].code,
                                              sh_record_get_string (values->pdata[i], "code")),
                             g_strdup (text (values->pdata[i], "name")));
    }
}

static void
fill_lists (ShRefdataWindow *self)
{
  clear_list (self->list_list);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) values = sh_refdata_list_values (self->store, lists[l].code, &error);

      add_heading (self->list_list, _(lists[l].title));
      if (values == NULL)
        {
          report_error (self->list_list, error);
          continue;
        }
      for (guint i = 0; i < values->len; i++)
        {
          ShRecord *row = values->pdata[i];
          g_autofree char *title = g_strdup_printf ("%s — %s", sh_record_get_string (row, "code"), text (row, "name"));
          const char *cost = sh_record_get_string (row, "typical_cost");
          g_autofree char *detail = NULL;

          if (cost != NULL)
            detail = g_strdup_printf ("%s%s%s", text (row, "description") != NULL ? text (row, "description") : "",
                                      text (row, "description") != NULL ? " · " : "", cost);
          else
            detail = g_strdup (text (row, "description"));
          add_item (self->list_list, title, detail, sh_record_get_string (row, "tag"),
                    sh_record_get_string (row, "source"));
        }
    }
}

/* -------------------------------------------------------------------------
 * Units, fuels, grid factors
 * ------------------------------------------------------------------------- */

static void
fill_units (ShRefdataWindow *self)
{
  ShUnits *units = sh_units_get_default ();
  g_autoptr(GPtrArray) all = sh_units_list_units (units, NULL);
  g_autoptr(GPtrArray) fuels = sh_units_list_fuels (units);
  g_autoptr(GHashTable) base = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *heading = NULL;
  gboolean vietnamese = sh_worksheet_prefers_vietnamese ();
  GDateTime *now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  g_date_time_unref (now);
  clear_list (self->unit_list);

  /* Translators: the version of the units table units.xml. */
  heading = g_strdup_printf (_("Units and conversion factors (units.xml, version %s)"), sh_units_get_version (units));
  add_heading (self->unit_list, heading);

  for (guint i = 0; i < all->len; i++)
    {
      const ShUnitInfo *unit = all->pdata[i];

      if (unit->factor == 1 && !g_hash_table_contains (base, unit->dimension))
        g_hash_table_insert (base, (gpointer) unit->dimension, (gpointer) unit->symbol);
    }

  for (guint i = 0; i < all->len; i++)
    {
      const ShUnitInfo *unit = all->pdata[i];
      const char *base_symbol = g_hash_table_lookup (base, unit->dimension);
      g_autofree char *title = g_strdup_printf ("%s — %s", unit->symbol, vietnamese ? unit->name_vi : unit->name_en);
      g_autofree char *factor = number (unit->factor);
      g_autofree char *detail = NULL;

      if (base_symbol != NULL)
        /* Translators: a unit's dimension and factor, e.g. "energy · 1 kWh = 3,6 MJ". */
        detail = g_strdup_printf (_("%s · 1 %s = %s %s"), unit->dimension, unit->symbol, factor, base_symbol);
      else
        detail = g_strdup_printf ("%s · %s", unit->dimension, factor);
      add_item (self->unit_list, title, detail, unit->reliability, unit->source);
    }

  add_heading (self->unit_list, _("Fuels: net calorific values"));
  for (guint i = 0; i < fuels->len; i++)
    {
      const ShFuelInfo *fuel = fuels->pdata[i];
      g_autofree char *ncv = number (fuel->ncv);
      g_autofree char *density = fuel->density_kg_per_l > 0 ? number (fuel->density_kg_per_l) : NULL;
      g_autofree char *detail = NULL;

      /* Translators: a fuel's net calorific value, per kg or per m3. */
      detail = g_strdup_printf (_("NCV %s MJ/%s"), ncv, g_strcmp0 (fuel->basis, "mass") == 0 ? "kg" : "m3");
      if (density != NULL)
        {
          g_autofree char *with_density = g_strdup_printf (_("%s · density %s kg/L"), detail, density);

          g_free (detail);
          detail = g_steal_pointer (&with_density);
        }
      add_item (self->unit_list, vietnamese ? fuel->name_vi : fuel->name_en, detail, fuel->reliability, fuel->source);
    }

  add_heading (self->unit_list, _("Grid emission factor of electricity, by year"));
  for (const ShGridFactor *factor = sh_units_grid_factor (units, year, NULL);
       factor != NULL;
       factor = sh_units_grid_factor (units, factor->year - 1, NULL))
    {
      g_autofree char *title = g_strdup_printf ("%d", factor->year);
      g_autofree char *value = number (factor->t_co2_per_mwh);
      g_autofree char *detail = g_strdup_printf ("%s tCO2/MWh", value);

      add_item (self->unit_list, title, detail, factor->reliability, factor->source);
    }
}

/* -------------------------------------------------------------------------
 * Provinces
 * ------------------------------------------------------------------------- */

static void
fill_provinces (ShRefdataWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = sh_refdata_list_provinces (self->store, "2025-06-30", &error);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) merged = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autofree char *heading_before = NULL;
  g_autofree char *heading_after = NULL;

  clear_list (self->province_list);
  if (before == NULL)
    { report_error (self->province_list, error); return; }
  after = sh_refdata_list_provinces (self->store, "2025-07-01", &error);
  if (after == NULL)
    { report_error (self->province_list, error); return; }

  for (guint i = 0; i < before->len; i++)
    {
      ShRecord *row = before->pdata[i];
      const char *successor = sh_record_get_string (row, "successor_code");
      GPtrArray *names;

      if (successor == NULL)
        continue;
      names = g_hash_table_lookup (merged, successor);
      if (names == NULL)
        {
          names = g_ptr_array_new ();
          g_hash_table_insert (merged, (gpointer) successor, names);
        }
      g_ptr_array_add (names, (gpointer) sh_record_get_string (row, "name_vi"));
    }

  /* Translators: the heading of the 63 provinces before the 2025 merger. */
  heading_before = g_strdup_printf (_("Before 1 July 2025: %u provinces and cities"), before->len);
  add_heading (self->province_list, heading_before);
  for (guint i = 0; i < before->len; i++)
    {
      ShRecord *row = before->pdata[i];
      const char *successor = sh_record_get_string (row, "successor_code");
      g_autofree char *title = g_strdup_printf ("%s  %s", sh_record_get_string (row, "code"), sh_record_get_string (row, "name_vi"));
      g_autoptr(GString) detail = g_string_new (text (row, "doit"));

      if (successor != NULL)
        {
          g_autoptr(ShRecord) next = sh_refdata_lookup_province (self->store, successor, "2025-07-01", NULL);

          if (detail->len > 0)
            g_string_append (detail, " · ");
          /* Translators: where a province went on 1 July 2025. */
          g_string_append_printf (detail, _("from 1 July 2025: %s (%s)"),
                                  next != NULL ? sh_record_get_string (next, "name_vi") : "?", successor);
        }
      add_item (self->province_list, title, detail->str, sh_record_get_string (row, "tag"),
                sh_record_get_string (row, "source"));
    }

  heading_after = g_strdup_printf (_("From 1 July 2025: %u provinces and cities"), after->len);
  add_heading (self->province_list, heading_after);
  for (guint i = 0; i < after->len; i++)
    {
      ShRecord *row = after->pdata[i];
      GPtrArray *names = g_hash_table_lookup (merged, sh_record_get_string (row, "code"));
      g_autofree char *title = g_strdup_printf ("%s  %s", sh_record_get_string (row, "code"), sh_record_get_string (row, "name_vi"));
      g_autoptr(GString) detail = g_string_new (text (row, "doit"));

      if (names != NULL)
        {
          g_autoptr(GString) joined = g_string_new (NULL);

          for (guint n = 0; n < names->len; n++)
            {
              if (n > 0)
                g_string_append (joined, ", ");
              g_string_append (joined, names->pdata[n]);
            }
          if (detail->len > 0)
            g_string_append (detail, " · ");
          /* Translators: the provinces a new province was formed from. */
          g_string_append_printf (detail, _("formed from: %s"), joined->str);
        }
      add_item (self->province_list, title, detail->str, sh_record_get_string (row, "tag"),
                sh_record_get_string (row, "source"));
    }
}

/* -------------------------------------------------------------------------
 * Plans and targets
 * ------------------------------------------------------------------------- */

static void
add_targets (ShRefdataWindow *self,
             GPtrArray       *targets)
{
  for (guint i = 0; i < targets->len; i++)
    {
      ShRecord *row = targets->pdata[i];
      g_autofree char *value = number (sh_record_get_double (row, "value", 0));
      g_autofree char *years = NULL;
      g_autofree char *title = NULL;
      g_autoptr(GString) amount = g_string_new (value);
      const char *unit = sh_record_get_string (row, "unit");
      GtkWidget *tags;

      if (!sh_record_is_null (row, "value_max"))
        {
          g_autofree char *max = number (sh_record_get_double (row, "value_max", 0));

          g_string_append_printf (amount, "–%s", max);
        }
      if (g_strcmp0 (unit, "%") == 0)
        g_string_append (amount, " %");
      else if (g_strcmp0 (unit, "VND") == 0)
        g_string_append (amount, " ₫");
      else if (g_strcmp0 (unit, "per_year") == 0)
        g_string_append_printf (amount, " %s", _("a year"));

      if (!sh_record_is_null (row, "from_year"))
        years = g_strdup_printf ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT,
                                 sh_record_get_int (row, "from_year", 0), sh_record_get_int (row, "to_year", 0));
      else
        years = g_strdup_printf ("%" G_GINT64_FORMAT, sh_record_get_int (row, "to_year", 0));

      /* Translators: a target: its subject, value and years. */
      title = g_strdup_printf (_("Target: %s — %s (%s)"), text (row, "subject"), amount->str, years);
      tags = add_item (self->plan_list, title, sh_record_get_string (row, "indicator"), sh_record_get_string (row, "tag"),
                       sh_record_get_string (row, "source"));
      /* Indented under their instrument or plan. */
      gtk_widget_set_margin_start (gtk_widget_get_parent (tags), 36);
    }
}

static void
fill_plans (ShRefdataWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) instruments = NULL;
  g_autoptr(GPtrArray) provinces = NULL;

  clear_list (self->plan_list);

  add_heading (self->plan_list, _("Legal instruments and national targets"));
  instruments = sh_refdata_list_instruments (self->store, &error);
  if (instruments == NULL)
    { report_error (self->plan_list, error); return; }
  for (guint i = 0; i < instruments->len; i++)
    {
      ShRecord *row = instruments->pdata[i];
      const char *status = sh_record_get_string (row, "status");
      g_autofree char *title = g_strdup_printf ("%s — %s", sh_record_get_string (row, "number"), text (row, "title"));
      g_autofree char *date = date_text (sh_record_get_string (row, "date"));
      g_autoptr(GPtrArray) targets = NULL;
      g_autoptr(GString) detail = g_string_new (NULL);

      g_string_append_printf (detail, "%s · %s · %s", sh_record_get_string (row, "issuer"), date,
                              g_strcmp0 (status, "in_force") == 0 ? _("in force")
                              : g_strcmp0 (status, "expired") == 0 ? _("expired") : _("status unknown"));
      if (text (row, "note") != NULL)
        g_string_append_printf (detail, "\n%s", text (row, "note"));
      add_item (self->plan_list, title, detail->str, sh_record_get_string (row, "tag"),
                sh_record_get_string (row, "source"));

      targets = sh_refdata_list_instrument_targets (self->store, sh_record_get_string (row, "number"), &error);
      if (targets == NULL)
        { report_error (self->plan_list, error); return; }
      add_targets (self, targets);
    }

  add_heading (self->plan_list, _("Provincial CP plans"));
  provinces = sh_refdata_list_provinces (self->store, "2025-06-30", &error);
  if (provinces == NULL)
    { report_error (self->plan_list, error); return; }
  for (guint p = 0; p < provinces->len; p++)
    {
      ShRecord *province = provinces->pdata[p];
      g_autoptr(GPtrArray) plans = sh_refdata_list_plans (self->store, sh_record_get_string (province, "code"), &error);

      if (plans == NULL)
        { report_error (self->plan_list, error); return; }
      for (guint i = 0; i < plans->len; i++)
        {
          ShRecord *row = plans->pdata[i];
          const char *plan_number = sh_record_get_string (row, "number");
          const char *deadline = sh_record_get_string (row, "report_deadline");
          g_autofree char *date = date_text (sh_record_get_string (row, "date"));
          g_autofree char *title = g_strdup_printf ("%s: %s", sh_record_get_string (province, "name_vi"), text (row, "title"));
          g_autoptr(GString) detail = g_string_new (NULL);
          g_autoptr(GPtrArray) targets = NULL;
          g_autoptr(GPtrArray) sectors = NULL;

          g_string_append_printf (detail, "%s %s · %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT,
                                  plan_number != NULL ? plan_number : "", date,
                                  sh_record_get_int (row, "from_year", 0), sh_record_get_int (row, "to_year", 0));
          if (deadline != NULL)
            g_string_append_printf (detail, " · %s %s", _("annual report due"), deadline);
          if (text (row, "focal_unit") != NULL)
            g_string_append_printf (detail, " · %s", text (row, "focal_unit"));

          sectors = sh_refdata_list_plan_sectors (self->store, sh_record_get_string (row, "code"), &error);
          if (sectors == NULL)
            { report_error (self->plan_list, error); return; }
          if (sectors->len > 0)
            {
              g_string_append_printf (detail, "\n%s ", _("Priority sectors:"));
              for (guint s = 0; s < sectors->len; s++)
                g_string_append_printf (detail, "%s%s", s > 0 ? ", " : "", text (sectors->pdata[s], "name"));
            }
          add_item (self->plan_list, title, detail->str, sh_record_get_string (row, "tag"),
                    sh_record_get_string (row, "source"));

          targets = sh_refdata_list_province_targets (self->store, sh_record_get_string (province, "code"), &error);
          if (targets == NULL)
            { report_error (self->plan_list, error); return; }
          for (guint t = 0; t < targets->len; t++)
            if (g_strcmp0 (sh_record_get_string (targets->pdata[t], "plan_code"), sh_record_get_string (row, "code")) != 0)
              g_ptr_array_remove_index (targets, t--);
          add_targets (self, targets);
        }
    }
}

/* -------------------------------------------------------------------------
 * Versions and reloading
 * ------------------------------------------------------------------------- */

static void
update_versions (ShRefdataWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = sh_refdata_list_versions (self->store, &error);
  g_autoptr(GString) line = g_string_new (NULL);

  if (versions == NULL)
    {
      gtk_label_set_text (self->versions_label, error->message);
      return;
    }

  for (guint i = 0; i < versions->len; i++)
    {
      ShRecord *row = versions->pdata[i];
      g_autofree char *date = date_text (sh_record_get_string (row, "file_date"));
      gboolean imported = g_strcmp0 (sh_record_get_string (row, "origin"), "import") == 0;

      if (line->len > 0)
        g_string_append (line, "   ·   ");
      /* Translators: a loaded reference file, its version, date and origin,
       * e.g. "sectors.xml 1.0.0 (01/07/2025, shipped)". */
      g_string_append_printf (line, _("%s %s (%s, %s)"), sh_record_get_string (row, "file_name"),
                              sh_record_get_string (row, "version"), date,
                              imported ? _("imported") : _("shipped"));
    }
  g_string_append_printf (line, "   ·   units.xml %s", sh_units_get_version (sh_units_get_default ()));

  gtk_label_set_text (self->versions_label, line->str);
}

static void
reload (ShRefdataWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sectors = sh_refdata_list_sectors (self->store, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->sector_dropdown);
  g_autofree char *selected_code = NULL;

  if (self->sectors != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected - 1 < self->sectors->len)
    selected_code = g_strdup (sh_record_get_string (self->sectors->pdata[selected - 1], "code"));

  update_versions (self);
  load_list_names (self);

  g_clear_pointer (&self->sectors, g_ptr_array_unref);
  self->sectors = sectors != NULL ? g_steal_pointer (&sectors)
                                  : g_ptr_array_new_with_free_func ((GDestroyNotify) sh_record_unref);

  gtk_string_list_append (names, _("All sectors"));
  selected = self->sectors->len > 0 ? 1 : 0;
  for (guint i = 0; i < self->sectors->len; i++)
    {
      gtk_string_list_append (names, text (self->sectors->pdata[i], "name"));
      if (g_strcmp0 (sh_record_get_string (self->sectors->pdata[i], "code"), selected_code) == 0)
        selected = i + 1;
    }

  g_signal_handlers_block_by_func (self->sector_dropdown, sector_dropdown_selected_cb, self);
  gtk_drop_down_set_model (self->sector_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->sector_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->sector_dropdown, sector_dropdown_selected_cb, self);

  fill_sectors (self);
  fill_options (self);
  fill_lists (self);
  fill_units (self);
  fill_provinces (self);
  fill_plans (self);
}

/* -------------------------------------------------------------------------
 * Search and import
 * ------------------------------------------------------------------------- */

static GtkListBox *
list_of_page (ShRefdataWindow *self,
              const char      *page)
{
  if (g_strcmp0 (page, "sectors") == 0)
    return self->sector_list;
  if (g_strcmp0 (page, "options") == 0)
    return self->option_list;
  if (g_strcmp0 (page, "lists") == 0)
    return self->list_list;
  if (g_strcmp0 (page, "units") == 0)
    return self->unit_list;
  if (g_strcmp0 (page, "provinces") == 0)
    return self->province_list;
  if (g_strcmp0 (page, "plans") == 0)
    return self->plan_list;
  return NULL;
}

static void
search_entry_search_changed_cb (ShRefdataWindow *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (typed));
  static const char * const pages[] = { "sectors", "options", "lists", "units", "provinces", "plans" };

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_utf8_casefold (stripped, -1);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_list_box_invalidate_filter (list_of_page (self, pages[i]));
}

static void
show_imported (ShRefdataWindow     *self,
               const char * const  *paths,
               ShRefdataKind       *kinds)
{
  g_autoptr(GString) loaded = g_string_new (NULL);
  g_autofree char *message = NULL;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *version = sh_refdata_get_version (self->store, kinds[i]);

      if (loaded->len > 0)
        g_string_append (loaded, ", ");
      g_string_append_printf (loaded, "%s %s", sh_refdata_kind_to_string (kinds[i]), version);
    }

  reload (self);

  /* Translators: after an import, e.g. "Imported: sectors 1.1.0". */
  message = g_strdup_printf (_("Imported: %s. The pages show the new reference data."), loaded->str);
  gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
}

static void
show_refusal (ShRefdataWindow *self,
              GError          *error)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", _("The reference data file was refused"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
                                            _("Nothing was imported: the reference data is as it was."));
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  char  *db_path;
  GStrv  paths;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_free (data->db_path);
  g_strfreev (data->paths);
  g_free (data);
}

/* The XML is parsed, validated and loaded on a connection of the worker's
 * own; the window's connection reads the result when it is committed. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(ShStore) store = NULL;
  ShRefdataKind *kinds = NULL;
  GError *error = NULL;

  store = sh_store_open (data->db_path, &error);
  if (store == NULL ||
      !sh_refdata_import_files (store, (const char * const *) data->paths, &kinds, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, kinds, g_free);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ShRefdataWindow *self = SH_REFDATA_WINDOW (source);
  ImportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree ShRefdataKind *kinds = g_task_propagate_pointer (G_TASK (result), &error);

  self->importing = FALSE;
  /* Closed while the worker ran: the store has the result, nobody to tell. */
  if (self->message_label == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "refdata.import", TRUE);

  if (kinds == NULL)
    show_refusal (self, error);
  else
    show_imported (self, (const char * const *) data->paths, kinds);
}

void
sh_refdata_window_import (ShRefdataWindow    *self,
                          const char * const *paths)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (SH_IS_REFDATA_WINDOW (self));
  g_return_if_fail (paths != NULL && paths[0] != NULL);
  g_return_if_fail (!self->importing);

  self->importing = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "refdata.import", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);

  data = g_new0 (ImportData, 1);
  data->db_path = g_strdup (sh_store_get_path (self->store));
  data->paths = g_strdupv ((char **) paths);

  task = g_task_new (self, NULL, import_done_cb, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
sh_refdata_window_is_importing (ShRefdataWindow *self)
{
  g_return_val_if_fail (SH_IS_REFDATA_WINDOW (self), FALSE);

  return self->importing;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ShRefdataWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);

      if (paths->len > 1 && !self->importing)
        sh_refdata_window_import (self, (const char * const *) paths->pdata);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShRefdataWindow *self = SH_REFDATA_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Reference Data"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Reference data (XML)"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* -------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static void
sh_refdata_window_constructed (GObject *object)
{
  ShRefdataWindow *self = SH_REFDATA_WINDOW (object);

  G_OBJECT_CLASS (sh_refdata_window_parent_class)->constructed (object);

  reload (self);
}

static void
sh_refdata_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SH_TYPE_REFDATA_WINDOW);

  G_OBJECT_CLASS (sh_refdata_window_parent_class)->dispose (object);
}

static void
sh_refdata_window_finalize (GObject *object)
{
  ShRefdataWindow *self = SH_REFDATA_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->sectors, g_ptr_array_unref);
  g_clear_pointer (&self->list_names, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (sh_refdata_window_parent_class)->finalize (object);
}

static void
sh_refdata_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ShRefdataWindow *self = SH_REFDATA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_refdata_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ShRefdataWindow *self = SH_REFDATA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (SH_REFDATA_WINDOW (widget)->search_entry));
}

static void
sh_refdata_window_class_init (ShRefdataWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sh_refdata_window_constructed;
  object_class->dispose = sh_refdata_window_dispose;
  object_class->finalize = sh_refdata_window_finalize;
  object_class->get_property = sh_refdata_window_get_property;
  object_class->set_property = sh_refdata_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SH_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sachhon/SachHon/ui/sh-refdata-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShRefdataWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, ShRefdataWindow, list_list);
  gtk_widget_class_bind_template_child (widget_class, ShRefdataWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, ShRefdataWindow, option_list);
  gtk_widget_class_bind_template_child (widget_class, ShRefdataWindow, plan_list);
  gtk_widget_class_bind_template_child (widget_class, ShRefdataWindow, province_list);
  gtk_widget_class_bind_template_child (widget_class, ShRefdataWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ShRefdataWindow, sector_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShRefdataWindow, sector_list);
  gtk_widget_class_bind_template_child (widget_class, ShRefdataWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ShRefdataWindow, unit_list);
  gtk_widget_class_bind_template_child (widget_class, ShRefdataWindow, versions_label);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sector_dropdown_selected_cb);

  gtk_widget_class_install_action (widget_class, "refdata.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "refdata.search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "refdata.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "refdata.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sh_refdata_window_init (ShRefdataWindow *self)
{
  GtkListBox *all[6];

  gtk_widget_init_template (GTK_WIDGET (self));
  sh_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->list_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  all[0] = self->sector_list;
  all[1] = self->option_list;
  all[2] = self->list_list;
  all[3] = self->unit_list;
  all[4] = self->province_list;
  all[5] = self->plan_list;
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      GtkWidget *placeholder = gtk_label_new (_("Nothing matches the search."));

      gtk_widget_add_css_class (placeholder, "dim-label");
      gtk_widget_set_margin_top (placeholder, 24);
      gtk_widget_set_margin_bottom (placeholder, 24);
      gtk_list_box_set_placeholder (all[i], placeholder);
      gtk_list_box_set_filter_func (all[i], row_filter, self, NULL);
      gtk_list_box_set_selection_mode (all[i], GTK_SELECTION_NONE);
    }
}

ShRefdataWindow *
sh_refdata_window_new (ShStore *store)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);

  return g_object_new (SH_TYPE_REFDATA_WINDOW, "store", store, NULL);
}

static void
window_destroyed_cb (GtkWindow *parent)
{
  g_object_set_data (G_OBJECT (parent), PARENT_KEY, NULL);
}

ShRefdataWindow *
sh_refdata_window_present_for (GtkWindow *parent,
                               ShStore   *store)
{
  ShRefdataWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SH_IS_STORE (store), NULL);

  self = g_object_get_data (G_OBJECT (parent), PARENT_KEY);
  if (self == NULL)
    {
      self = sh_refdata_window_new (store);
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
      if (gtk_window_get_application (parent) != NULL)
        gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
      g_object_set_data (G_OBJECT (parent), PARENT_KEY, self);
      g_signal_connect_object (self, "destroy", G_CALLBACK (window_destroyed_cb), parent, G_CONNECT_SWAPPED);
    }

  gtk_window_present (GTK_WINDOW (self));
  return self;
}

void
sh_refdata_window_show_page (ShRefdataWindow *self,
                             const char      *page)
{
  g_return_if_fail (SH_IS_REFDATA_WINDOW (self));
  g_return_if_fail (list_of_page (self, page) != NULL);

  gtk_stack_set_visible_child_name (self->stack, page);
}

void
sh_refdata_window_show_sector (ShRefdataWindow *self,
                               const char      *sector)
{
  g_return_if_fail (SH_IS_REFDATA_WINDOW (self));

  if (sector == NULL)
    {
      gtk_drop_down_set_selected (self->sector_dropdown, 0);
      return;
    }

  for (guint i = 0; i < self->sectors->len; i++)
    if (g_strcmp0 (sh_record_get_string (self->sectors->pdata[i], "code"), sector) == 0)
      {
        gtk_drop_down_set_selected (self->sector_dropdown, i + 1);
        return;
      }

  g_return_if_reached ();
}

void
sh_refdata_window_set_search (ShRefdataWindow *self,
                              const char      *search)
{
  g_return_if_fail (SH_IS_REFDATA_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search != NULL ? search : "");
  /* The entry's signal is delayed; apply the search now. */
  search_entry_search_changed_cb (self);
}

guint
sh_refdata_window_count_rows (ShRefdataWindow *self,
                              const char      *page,
                              const char      *needle)
{
  GtkListBox *list;
  g_autofree char *folded = NULL;
  guint n = 0;

  g_return_val_if_fail (SH_IS_REFDATA_WINDOW (self), 0);
  list = list_of_page (self, page);
  g_return_val_if_fail (list != NULL, 0);

  folded = g_utf8_casefold (needle != NULL ? needle : "", -1);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *haystack = g_object_get_data (G_OBJECT (row), "search");

      if (!GTK_IS_LIST_BOX_ROW (row) || haystack == NULL || !gtk_widget_get_child_visible (row))
        continue;
      if (!row_filter (GTK_LIST_BOX_ROW (row), self))
        continue;
      if (strstr (haystack, folded) != NULL)
        n++;
    }

  return n;
}

GtkWidget *
sh_refdata_window_get_part (ShRefdataWindow *self,
                            const char      *name)
{
  g_return_val_if_fail (SH_IS_REFDATA_WINDOW (self), NULL);

  if (g_strcmp0 (name, "versions_label") == 0)
    return GTK_WIDGET (self->versions_label);
  if (g_strcmp0 (name, "message_label") == 0)
    return GTK_WIDGET (self->message_label);
  if (g_strcmp0 (name, "import_button") == 0)
    return GTK_WIDGET (self->import_button);
  if (g_strcmp0 (name, "search_entry") == 0)
    return GTK_WIDGET (self->search_entry);
  g_return_val_if_reached (NULL);
}
