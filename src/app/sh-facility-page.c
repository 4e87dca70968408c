/* sh-facility-page.c — one facility: its profile, CP team, training,
 * assessments and annual reports, all editable in place.
 *
 * The template lays out the sections; the fields are built here from the
 * tables below, because each needs the page's edit context and the
 * facility's id. Every field saves on its own (see sh-field-entry.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "sh-assessment.h"
#include "sh-assessment-row.h"
#include "sh-export-job.h"
#include "sh-a11y.h"
#include "sh-facility-page.h"
#include "sh-field-check.h"
#include "sh-field-choice.h"
#include "sh-field-entry.h"
#include "sh-preferences-defaults.h"
#include "sh-record-table.h"
#include "sh-refdata.h"

typedef enum
{
  FIELD_ENTRY,
  FIELD_CHOICE,
  FIELD_CHECK,
} FieldType;

typedef enum
{
  CHOICES_NONE,
  CHOICES_PROVINCE,
  CHOICES_SECTOR,
  CHOICES_SIZE,
} ChoiceSource;

typedef struct
{
  const char   *column;
  const char   *label;
  FieldType     type;
  ShFieldKind   kind;
  ChoiceSource  choices;
  gboolean      required;
  gboolean      wide;         /* the whole width of the form */
  double        minimum;
  double        maximum;
  const char   *placeholder;
} FieldSpec;

#define NO_MIN (-G_MAXDOUBLE)
#define NO_MAX (G_MAXDOUBLE)

/* Hồ sơ cơ sở. Pairs of narrow fields share a line. */
static const FieldSpec profile_fields[] = {
  { "name", N_("Name"), FIELD_ENTRY, SH_FIELD_KIND_TEXT, CHOICES_NONE, TRUE, TRUE, 0, NO_MAX, NULL },
  { "tax_code", N_("Tax code"), FIELD_ENTRY, SH_FIELD_KIND_TEXT, CHOICES_NONE, FALSE, FALSE, 0, NO_MAX, NULL },
  { "legal_representative", N_("Legal representative"), FIELD_ENTRY, SH_FIELD_KIND_TEXT, CHOICES_NONE, FALSE, FALSE, 0, NO_MAX, NULL },
  { "address", N_("Address"), FIELD_ENTRY, SH_FIELD_KIND_TEXT, CHOICES_NONE, FALSE, TRUE, 0, NO_MAX, NULL },
  { "province_code", N_("Province"), FIELD_CHOICE, SH_FIELD_KIND_TEXT, CHOICES_PROVINCE, FALSE, FALSE, 0, NO_MAX, NULL },
  { "district", N_("District"), FIELD_ENTRY, SH_FIELD_KIND_TEXT, CHOICES_NONE, FALSE, FALSE, 0, NO_MAX, NULL },
  { "phone", N_("Phone"), FIELD_ENTRY, SH_FIELD_KIND_TEXT, CHOICES_NONE, FALSE, FALSE, 0, NO_MAX, NULL },
  { "email", N_("Email"), FIELD_ENTRY, SH_FIELD_KIND_TEXT, CHOICES_NONE, FALSE, FALSE, 0, NO_MAX, NULL },
  { "sector_code", N_("Sector"), FIELD_CHOICE, SH_FIELD_KIND_TEXT, CHOICES_SECTOR, FALSE, FALSE, 0, NO_MAX, NULL },
  { "vsic_code", N_("VSIC code"), FIELD_ENTRY, SH_FIELD_KIND_TEXT, CHOICES_NONE, FALSE, FALSE, 0, NO_MAX, NULL },
  { "size_class", N_("Size"), FIELD_CHOICE, SH_FIELD_KIND_TEXT, CHOICES_SIZE, FALSE, FALSE, 0, NO_MAX, NULL },
  { "employees", N_("Employees"), FIELD_ENTRY, SH_FIELD_KIND_INTEGER, CHOICES_NONE, FALSE, FALSE, 0, NO_MAX, NULL },
  { "capital_vnd", N_("Capital"), FIELD_ENTRY, SH_FIELD_KIND_MONEY, CHOICES_NONE, FALSE, FALSE, 0, NO_MAX, NULL },
  { "revenue_vnd", N_("Annual revenue"), FIELD_ENTRY, SH_FIELD_KIND_MONEY, CHOICES_NONE, FALSE, FALSE, 0, NO_MAX, NULL },
  { "operating_days", N_("Operating days a year"), FIELD_ENTRY, SH_FIELD_KIND_INTEGER, CHOICES_NONE, FALSE, FALSE, 0, 366, NULL },
  { "shifts_per_day", N_("Shifts a day"), FIELD_ENTRY, SH_FIELD_KIND_INTEGER, CHOICES_NONE, FALSE, FALSE, 0, 4, NULL },
  { "certifications", N_("Certifications"), FIELD_ENTRY, SH_FIELD_KIND_TEXT, CHOICES_NONE, FALSE, FALSE, 0, NO_MAX, "ISO 9001, ISO 14001, ISO 50001" },
  { "env_permit", N_("Environmental permit"), FIELD_ENTRY, SH_FIELD_KIND_TEXT, CHOICES_NONE, FALSE, FALSE, 0, NO_MAX, NULL },
  { "key_energy_user", N_("Key energy user (1,000 TOE a year or more)"), FIELD_CHECK, SH_FIELD_KIND_TEXT, CHOICES_NONE, FALSE, TRUE, 0, NO_MAX, NULL },
};

/* Đội SXSH: the decision that set the team up. */
static const FieldSpec team_fields[] = {
  { "cp_unit_decision_no", N_("Decision number"), FIELD_ENTRY, SH_FIELD_KIND_TEXT, CHOICES_NONE, FALSE, FALSE, 0, NO_MAX, NULL },
  { "cp_unit_decision_date", N_("Decision date"), FIELD_ENTRY, SH_FIELD_KIND_DATE, CHOICES_NONE, FALSE, FALSE, 0, NO_MAX, NULL },
};

static const ShChoice size_choices[] = {
  { "micro", NC_("facility size", "Micro"), "facility size" },
  { "small", NC_("facility size", "Small"), "facility size" },
  { "medium", NC_("facility size", "Medium"), "facility size" },
  { "large", NC_("facility size", "Large"), "facility size" },
};

static const ShChoice role_choices[] = {
  { "leader", NC_("team role", "Leader"), "team role" },
  { "member", NC_("team role", "Member"), "team role" },
  { "consultant", NC_("team role", "Consultant"), "team role" },
};

static const ShChoice report_status_choices[] = {
  { "draft", NC_("report status", "Draft"), "report status" },
  { "submitted", NC_("report status", "Submitted"), "report status" },
  { "accepted", NC_("report status", "Accepted"), "report status" },
};

static const ShColumnSpec team_columns[] = {
  { .column = "name", .title = N_("Name"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .required = TRUE, .expand = TRUE, .width_chars = 14, .default_text = N_("New member") },
  { .column = "position", .title = N_("Position"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT },
  { .column = "department", .title = N_("Department"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT },
  { .column = "role", .title = N_("Role in the team"), .type = SH_COLUMN_CHOICE,
    .choices = role_choices, .n_choices = G_N_ELEMENTS (role_choices), .default_text = "member" },
  { .column = "phone", .title = N_("Phone"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT, .width_chars = 10 },
};

static const ShColumnSpec product_columns[] = {
  { .column = "name", .title = N_("Product"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .required = TRUE, .expand = TRUE, .width_chars = 14, .default_text = N_("New product") },
  { .column = "capacity", .title = N_("Design capacity"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_NUMBER },
  { .column = "capacity_unit", .title = N_("Unit"), .type = SH_COLUMN_CHOICE, .unit_dimension = "",
    .allow_none = TRUE },
  { .column = "annual_output", .title = N_("Annual output"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_NUMBER },
  { .column = "output_unit", .title = N_("Unit"), .type = SH_COLUMN_CHOICE, .unit_dimension = "",
    .allow_none = TRUE },
};

static const ShColumnSpec training_columns[] = {
  { .column = "date", .title = N_("Date"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_DATE,
    .required = TRUE, .default_text = "today" },
  { .column = "title", .title = N_("Course or event"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .required = TRUE, .expand = TRUE, .width_chars = 16, .default_text = N_("Cleaner production awareness") },
  { .column = "organiser", .title = N_("Organiser"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT },
  { .column = "participant_count", .title = N_("Participants"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_INTEGER },
  { .column = "certificate", .title = N_("Certificate"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .width_chars = 10 },
};

static const ShColumnSpec report_columns[] = {
  { .column = "year", .title = N_("Year"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_YEAR,
    .required = TRUE, .has_range = TRUE, .minimum = 2000, .maximum = 2100 },
  { .column = "period_from", .title = N_("Period from"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_DATE },
  { .column = "period_to", .title = N_("Period to"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_DATE },
  { .column = "deadline", .title = N_("Deadline"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_DATE },
  { .column = "submitted_on", .title = N_("Submitted on"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_DATE },
  { .column = "status", .title = N_("Status"), .type = SH_COLUMN_CHOICE,
    .choices = report_status_choices, .n_choices = G_N_ELEMENTS (report_status_choices),
    .default_text = "draft" },
  { .column = "signatory", .title = N_("Signed by"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE },
};

struct _ShFacilityPage
{
  GtkWidget       parent_instance;

  ShStore        *store;
  ShEditContext  *ctx;
  gint64          facility_id;
  GHashTable     *parts;         /* name → GtkWidget (borrowed) */

  GtkListBox     *assessment_list;
  GtkBox         *content_box;
  GtkButton      *export_annual_button;
  GtkLabel       *location_label;
  GtkLabel       *name_label;
  GtkButton      *new_detailed_button;
  GtkButton      *new_quick_button;
  GtkGrid        *profile_grid;
  GtkBox         *products_box;
  GtkBox         *reports_box;
  GtkScrolledWindow *scroller;
  GtkBox         *team_box;
  GtkGrid        *team_grid;
  GtkBox         *training_box;
};

G_DEFINE_FINAL_TYPE (ShFacilityPage, sh_facility_page, GTK_TYPE_WIDGET)

enum
{
  ASSESSMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* -------------------------------------------------------------------------
 * Header
 * ------------------------------------------------------------------------- */

static void
update_header (ShFacilityPage *self)
{
  g_autoptr(ShRecord) facility = sh_store_get (self->store, "facility", self->facility_id, NULL);
  g_autoptr(ShRecord) province = NULL;
  g_autofree char *today = today_iso ();
  const char *name;
  const char *district;
  const char *code;
  g_autoptr(GString) location = g_string_new (NULL);

  if (facility == NULL)
    return;

  name = sh_record_get_string (facility, "name");
  gtk_label_set_text (self->name_label, name != NULL && *name != '\0' ? name : _("Unnamed facility"));

  district = sh_record_get_string (facility, "district");
  code = sh_record_get_string (facility, "province_code");
  if (code != NULL && *code != '\0')
    province = sh_refdata_resolve_province (self->store, code, today, NULL);

  if (district != NULL && *district != '\0')
    g_string_append (location, district);
  if (province != NULL)
    {
      if (location->len > 0)
        g_string_append (location, ", ");
      g_string_append (location, sh_record_get_string (province, "name_vi"));
    }

  gtk_label_set_text (self->location_label,
                      location->len > 0 ? location->str : _("Location not recorded"));
}

/* -------------------------------------------------------------------------
 * Forms
 * ------------------------------------------------------------------------- */

/* A facility recorded before the 2025 reorganisation keeps its old code;
 * the drop-down names it and its successor rather than showing a bare
 * code. The old unit is the one the code named the day before its
 * successor began. */
static void
add_retired_province (ShFacilityPage *self,
                      ShFieldChoice  *choice,
                      GPtrArray      *provinces)
{
  g_autoptr(ShRecord) facility = sh_store_get (self->store, "facility", self->facility_id, NULL);
  g_autoptr(ShRecord) successor = NULL;
  g_autoptr(ShRecord) retired = NULL;
  g_autoptr(GDateTime) begun = NULL;
  g_autoptr(GDateTime) eve = NULL;
  g_autofree char *today = today_iso ();
  g_autofree char *eve_iso = NULL;
  g_autofree char *label = NULL;
  const char *code = facility != NULL ? sh_record_get_string (facility, "province_code") : NULL;
  const char *valid_from;
  int year, month, day;

  if (code == NULL || *code == '\0')
    return;
  for (guint i = 0; i < provinces->len; i++)
    if (g_strcmp0 (sh_record_get_string (g_ptr_array_index (provinces, i), "code"), code) == 0)
      return;
  if (!(successor = sh_refdata_resolve_province (self->store, code, today, NULL)))
    return;

  valid_from = sh_record_get_string (successor, "valid_from");
  if (valid_from == NULL || sscanf (valid_from, "%d-%d-%d", &year, &month, &day) != 3)
    return;
  begun = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (begun == NULL)
    return;
  eve = g_date_time_add_days (begun, -1);
  eve_iso = g_date_time_format (eve, "%Y-%m-%d");
  if (!(retired = sh_refdata_lookup_province (self->store, code, eve_iso, NULL)))
    return;

  /* Translators: a province that no longer exists, then the one it is now
   * part of, e.g. "Kon Tum (now Quảng Ngãi)". */
  label = g_strdup_printf (_("%s (now %s)"), sh_record_get_string (retired, "name_vi"),
                           sh_record_get_string (successor, "name_vi"));
  sh_field_choice_append (choice, code, label);
}

static void
fill_provinces (ShFacilityPage *self,
                ShFieldChoice  *choice)
{
  g_autofree char *today = today_iso ();
  g_autoptr(GPtrArray) provinces = NULL;
  g_autoptr(GError) error = NULL;

  sh_field_choice_set_allow_none (choice, TRUE, NULL);
  if (!(provinces = sh_refdata_list_provinces (self->store, today, &error)))
    {
      g_warning ("Cannot list the provinces: %s", error->message);
      return;
    }

  /* Province names are proper names, the same in both languages. */
  for (guint i = 0; i < provinces->len; i++)
    {
      ShRecord *province = g_ptr_array_index (provinces, i);

      sh_field_choice_append (choice, sh_record_get_string (province, "code"),
                              sh_record_get_string (province, "name_vi"));
    }

  add_retired_province (self, choice, provinces);
}

static void
fill_sectors (ShFacilityPage *self,
              ShFieldChoice  *choice)
{
  g_autoptr(GPtrArray) sectors = NULL;
  g_autoptr(GError) error = NULL;

  sh_field_choice_set_allow_none (choice, TRUE, NULL);
  if (!(sectors = sh_refdata_list_sectors (self->store, &error)))
    {
      g_warning ("Cannot list the sectors: %s", error->message);
      return;
    }

  for (guint i = 0; i < sectors->len; i++)
    {
      ShRecord *sector = g_ptr_array_index (sectors, i);

      sh_field_choice_append (choice, sh_record_get_string (sector, "code"),
                              sh_field_choice_localized (sector, "name"));
    }
}

static GtkWidget *
make_field (ShFacilityPage  *self,
            const FieldSpec *spec)
{
  const char *label = gettext (spec->label);
  GtkWidget *field = NULL;

  switch (spec->type)
    {
    case FIELD_ENTRY:
      field = sh_field_entry_new (self->ctx, "facility", self->facility_id, spec->column, spec->kind);
      sh_field_set_label (SH_FIELD (field), label);
      sh_field_entry_set_required (SH_FIELD_ENTRY (field), spec->required);
      if (spec->minimum != NO_MIN || spec->maximum != NO_MAX)
        sh_field_entry_set_range (SH_FIELD_ENTRY (field), spec->minimum, spec->maximum);
      if (spec->placeholder != NULL)
        sh_field_entry_set_placeholder (SH_FIELD_ENTRY (field), spec->placeholder);
      break;

    case FIELD_CHOICE:
      field = sh_field_choice_new (self->ctx, "facility", self->facility_id, spec->column);
      sh_field_set_label (SH_FIELD (field), label);
      if (spec->choices == CHOICES_PROVINCE)
        fill_provinces (self, SH_FIELD_CHOICE (field));
      else if (spec->choices == CHOICES_SECTOR)
        fill_sectors (self, SH_FIELD_CHOICE (field));
      else if (spec->choices == CHOICES_SIZE)
        {
          sh_field_choice_set_allow_none (SH_FIELD_CHOICE (field), TRUE, NULL);
          sh_field_choice_set_static (SH_FIELD_CHOICE (field), size_choices, G_N_ELEMENTS (size_choices));
        }
      break;

    case FIELD_CHECK:
      field = sh_field_check_new (self->ctx, "facility", self->facility_id, spec->column, label);
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_widget_set_hexpand (field, TRUE);
  g_hash_table_insert (self->parts, (gpointer) spec->column, field);
  return field;
}

static GtkWidget *
make_label (const FieldSpec *spec,
            GtkWidget       *field)
{
  g_autofree char *text = spec->required
                          /* Translators: the label of a field that must be filled. */
                          ? g_strdup_printf (_("%s *"), gettext (spec->label))
                          : g_strdup (gettext (spec->label));
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  /* Level with the text in the entry beside it. */
  gtk_widget_set_margin_top (label, 7);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  /* Clicking the label focuses the field. Its input has its own accessible
   * name (the same words, without the "*": "required" says that), so the
   * relation the mnemonic adds goes, or a screen reader says both. */
  if (SH_IS_FIELD (field))
    {
      GtkWidget *input = sh_field_get_input (SH_FIELD (field));

      gtk_label_set_mnemonic_widget (GTK_LABEL (label), input);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
  return label;
}

/* Lays the fields out as label | field | label | field. */
static void
build_form (ShFacilityPage  *self,
            GtkGrid         *grid,
            const FieldSpec *specs,
            guint            n_specs)
{
  int row = 0;
  int column = 0;

  for (guint i = 0; i < n_specs; i++)
    {
      const FieldSpec *spec = &specs[i];
      GtkWidget *field = make_field (self, spec);

      if (spec->wide && column != 0)
        {
          row++;
          column = 0;
        }

      if (spec->type == FIELD_CHECK)
        gtk_grid_attach (grid, field, 1, row, spec->wide ? 3 : 1, 1);
      else
        {
          gtk_grid_attach (grid, make_label (spec, field), column, row, 1, 1);
          gtk_grid_attach (grid, field, column + 1, row, spec->wide ? 3 : 1, 1);
        }

      if (spec->wide || column == 2)
        {
          row++;
          column = 0;
        }
      else
        column = 2;
    }
}

static void
add_table (ShFacilityPage     *self,
           GtkBox             *box,
           const char         *part,
           const char         *table,
           const ShColumnSpec *columns,
           guint               n_columns,
           const char         *empty_text,
           const char         *add_label)
{
  GtkWidget *widget = sh_record_table_new (self->ctx, table, "facility_id", self->facility_id,
                                           columns, n_columns);

  sh_record_table_set_empty_text (SH_RECORD_TABLE (widget), empty_text);
  sh_record_table_set_add_label (SH_RECORD_TABLE (widget), add_label);
  gtk_box_append (box, widget);
  g_hash_table_insert (self->parts, (gpointer) part, widget);
}

/* A new annual report is for the year after the latest one, or this year:
 * a facility has one report a year. */
static void
report_init (ShRecordTable *table,
             ShRecord      *record,
             gpointer       user_data)
{
  ShFacilityPage *self = user_data;
  g_autoptr(GPtrArray) reports = sh_store_list (self->store, "annual_report", "facility_id",
                                                self->facility_id, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 year = g_date_time_get_year (now);

  for (guint i = 0; reports != NULL && i < reports->len; i++)
    year = MAX (year, sh_record_get_int (g_ptr_array_index (reports, i), "year", 0) + 1);

  sh_record_set_int (record, "year", year);
}

/* -------------------------------------------------------------------------
 * Assessments
 * ------------------------------------------------------------------------- */

static void
clear_assessments (ShFacilityPage *self)
{
  GtkListBoxRow *row;

  /* GTK 4.8 has no gtk_list_box_remove_all(). */
  while ((row = gtk_list_box_get_row_at_index (self->assessment_list, 0)) != NULL)
    gtk_list_box_remove (self->assessment_list, GTK_WIDGET (row));
}

static void
load_assessments (ShFacilityPage *self)
{
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;

  clear_assessments (self);

  if (!(assessments = sh_store_list (self->store, "assessment", "facility_id", self->facility_id, &error)))
    {
      sh_edit_context_report_error (self->ctx, error);
      return;
    }

  for (guint i = 0; i < assessments->len; i++)
    {
      GtkWidget *row = sh_assessment_row_new (g_ptr_array_index (assessments, i));

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->assessment_list, row);
    }
}

static void
assessment_list_row_activated_cb (ShFacilityPage *self,
                                  GtkListBoxRow  *row,
                                  GtkListBox     *list)
{
  ShRecord *assessment = sh_assessment_row_get_assessment (SH_ASSESSMENT_ROW (row));

  sh_edit_context_flush (self->ctx);
  g_signal_emit (self, signals[ASSESSMENT_ACTIVATED], 0, sh_record_get_id (assessment));
}

static void
new_quick_button_clicked_cb (ShFacilityPage *self,
                             GtkButton      *button)
{
  sh_facility_page_new_assessment (self, "quick", NULL);
}

static void
new_detailed_button_clicked_cb (ShFacilityPage *self,
                                GtkButton      *button)
{
  sh_facility_page_new_assessment (self, "detailed", NULL);
}

static void
export_annual_button_clicked_cb (ShFacilityPage *self,
                                 GtkButton      *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  sh_edit_context_flush (self->ctx);
  sh_export_job_choose_annual (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->facility_id);
}

/* -------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static void
ctx_changed_cb (ShFacilityPage *self,
                const char     *table,
                gint64          id,
                const char     *column,
                ShEditContext  *ctx)
{
  if (g_strcmp0 (table, "facility") == 0 && id == self->facility_id)
    update_header (self);
}

static void
sh_facility_page_dispose (GObject *object)
{
  ShFacilityPage *self = SH_FACILITY_PAGE (object);

  /* What is typed is saved before the fields go. */
  if (self->ctx != NULL)
    sh_edit_context_flush (self->ctx);

  gtk_widget_dispose_template (GTK_WIDGET (self), SH_TYPE_FACILITY_PAGE);

  g_clear_pointer (&self->parts, g_hash_table_unref);
  g_clear_object (&self->ctx);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sh_facility_page_parent_class)->dispose (object);
}

static void
sh_facility_page_class_init (ShFacilityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_facility_page_dispose;

  /* An assessment was opened or created: its id. */
  signals[ASSESSMENT_ACTIVATED] =
    g_signal_new ("assessment-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sachhon/SachHon/ui/sh-facility-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShFacilityPage, assessment_list);
  gtk_widget_class_bind_template_child (widget_class, ShFacilityPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, ShFacilityPage, export_annual_button);
  gtk_widget_class_bind_template_child (widget_class, ShFacilityPage, location_label);
  gtk_widget_class_bind_template_child (widget_class, ShFacilityPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ShFacilityPage, new_detailed_button);
  gtk_widget_class_bind_template_child (widget_class, ShFacilityPage, new_quick_button);
  gtk_widget_class_bind_template_child (widget_class, ShFacilityPage, products_box);
  gtk_widget_class_bind_template_child (widget_class, ShFacilityPage, profile_grid);
  gtk_widget_class_bind_template_child (widget_class, ShFacilityPage, reports_box);
  gtk_widget_class_bind_template_child (widget_class, ShFacilityPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ShFacilityPage, team_box);
  gtk_widget_class_bind_template_child (widget_class, ShFacilityPage, team_grid);
  gtk_widget_class_bind_template_child (widget_class, ShFacilityPage, training_box);
  gtk_widget_class_bind_template_callback (widget_class, assessment_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_annual_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_detailed_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_quick_button_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "shfacilitypage");
}

static void
sh_facility_page_init (ShFacilityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sh_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->parts = g_hash_table_new (g_str_hash, g_str_equal);
}

/* -------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

GtkWidget *
sh_facility_page_new (ShStore  *store,
                      gint64    facility_id,
                      GError  **error)
{
  g_autoptr(ShEditContext) ctx = NULL;
  ShFacilityPage *self;
  GtkWidget *table;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(ctx = sh_edit_context_new_for_facility (store, facility_id, error)))
    return NULL;

  self = g_object_new (SH_TYPE_FACILITY_PAGE, NULL);
  self->store = g_object_ref (store);
  self->ctx = g_steal_pointer (&ctx);
  self->facility_id = facility_id;

  g_signal_connect_object (self->ctx, "changed", G_CALLBACK (ctx_changed_cb), self, G_CONNECT_SWAPPED);

  build_form (self, self->profile_grid, profile_fields, G_N_ELEMENTS (profile_fields));
  build_form (self, self->team_grid, team_fields, G_N_ELEMENTS (team_fields));

  add_table (self, self->team_box, "team_table", "team_member",
             team_columns, G_N_ELEMENTS (team_columns),
             _("No team members yet. A CP team usually has a leader from the management "
               "and members from production, engineering and finance."),
             _("_Add member"));
  add_table (self, self->products_box, "product_table", "facility_product",
             product_columns, G_N_ELEMENTS (product_columns),
             _("No products recorded yet."),
             _("Add _product"));
  add_table (self, self->training_box, "training_table", "training_event",
             training_columns, G_N_ELEMENTS (training_columns),
             _("No training recorded yet."),
             _("Add _training"));
  add_table (self, self->reports_box, "report_table", "annual_report",
             report_columns, G_N_ELEMENTS (report_columns),
             _("No annual reports yet."),
             _("Add _report"));
  table = g_hash_table_lookup (self->parts, "report_table");
  sh_record_table_set_init_func (SH_RECORD_TABLE (table), report_init, self, NULL);

  g_hash_table_insert (self->parts, (gpointer) "assessment_list", self->assessment_list);
  g_hash_table_insert (self->parts, (gpointer) "new_quick_button", self->new_quick_button);
  g_hash_table_insert (self->parts, (gpointer) "new_detailed_button", self->new_detailed_button);
  g_hash_table_insert (self->parts, (gpointer) "export_annual_button", self->export_annual_button);
  g_hash_table_insert (self->parts, (gpointer) "name_label", self->name_label);
  g_hash_table_insert (self->parts, (gpointer) "location_label", self->location_label);

  update_header (self);
  load_assessments (self);

  return GTK_WIDGET (self);
}

ShEditContext *
sh_facility_page_get_context (ShFacilityPage *self)
{
  g_return_val_if_fail (SH_IS_FACILITY_PAGE (self), NULL);

  return self->ctx;
}

gint64
sh_facility_page_get_facility_id (ShFacilityPage *self)
{
  g_return_val_if_fail (SH_IS_FACILITY_PAGE (self), 0);

  return self->facility_id;
}

gint64
sh_facility_page_new_assessment (ShFacilityPage  *self,
                                 const char      *kind,
                                 GError         **error)
{
  g_autoptr(ShRecord) record = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *today = today_iso ();
  gint64 id;

  g_return_val_if_fail (SH_IS_FACILITY_PAGE (self), 0);
  g_return_val_if_fail (g_strcmp0 (kind, "quick") == 0 || g_strcmp0 (kind, "detailed") == 0, 0);

  sh_edit_context_flush (self->ctx);

  /* A new assessment is not an edit of the facility, and is not undone
   * with it: it is opened at once, and has its own history. The store
   * makes every new assessment a draft; it starts with the process steps
   * of the facility's sector. */
  record = sh_record_new ("assessment");
  sh_record_set_int (record, "facility_id", self->facility_id);
  sh_record_set_string (record, "kind", kind);
  sh_record_set_string (record, "start_date", today);
  sh_preferences_apply_assessment_defaults (record);

  if (!sh_assessment_create (self->store, record, &id, &local))
    {
      sh_edit_context_report_error (self->ctx, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }

  load_assessments (self);
  g_signal_emit (self, signals[ASSESSMENT_ACTIVATED], 0, id);
  return id;
}

void
sh_facility_page_reload (ShFacilityPage *self)
{
  GHashTableIter iter;
  gpointer widget;

  g_return_if_fail (SH_IS_FACILITY_PAGE (self));

  g_hash_table_iter_init (&iter, self->parts);
  while (g_hash_table_iter_next (&iter, NULL, &widget))
    {
      if (SH_IS_FIELD (widget))
        sh_field_reload (widget);
      else if (SH_IS_RECORD_TABLE (widget))
        sh_record_table_reload (widget);
    }

  update_header (self);
  load_assessments (self);
}

GtkWidget *
sh_facility_page_get_part (ShFacilityPage *self,
                           const char     *name)
{
  g_return_val_if_fail (SH_IS_FACILITY_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->parts, name);
}

void
sh_facility_page_export_annual (ShFacilityPage *self,
                                int             year,
                                GFile          *file)
{
  GtkRoot *root;

  g_return_if_fail (SH_IS_FACILITY_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  sh_edit_context_flush (self->ctx);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  sh_export_job_run_and_report (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                SH_EXPORT_ANNUAL, self->facility_id, NULL, year, file);
}
