/* sh-worksheet-simple.c — the worksheets that are forms and tables only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-refdata.h"
#include "sh-worksheet-option-causes.h"
#include "sh-worksheet-simple.h"
#include "sh-worksheet-util.h"

static GtkWidget *
vbox (void)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
}

static gint64
assessment_of (ShEditContext *ctx)
{
  return sh_edit_context_get_assessment_id (ctx);
}

static GtkWidget *
entry_row (GtkWidget     *form,
           ShEditContext *ctx,
           const char    *table,
           gint64         id,
           const char    *column,
           ShFieldKind    kind,
           const char    *label)
{
  GtkWidget *entry = sh_worksheet_entry_new (ctx, table, id, column, kind, label);

  sh_worksheet_form_add (form, label, entry);

  return entry;
}

/* -------------------------------------------------------------------------
 * The facility and the visit (quick assessment, section 1)
 * ------------------------------------------------------------------------- */

static const ShColumnSpec product_columns[] = {
  { .column = "name", .title = N_("Product"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .required = TRUE, .default_text = N_("New product") },
  { .column = "capacity", .title = N_("Design capacity"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_NUMBER },
  { .column = "capacity_unit", .title = N_("Unit"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_capacity_unit,
    .n_choices = G_N_ELEMENTS (sh_choices_capacity_unit), .allow_none = TRUE },
  { .column = "annual_output", .title = N_("Actual output per year"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_NUMBER },
  { .column = "output_unit", .title = N_("Unit"), .type = SH_COLUMN_CHOICE, .unit_dimension = "",
    .allow_none = TRUE },
};

/* Provinces as they were when the assessment began: a facility assessed in
 * Kon Tum in 2023 stays in Kon Tum (62), which was merged in July 2025. */
static GtkWidget *
province_choice (ShEditContext *ctx,
                 gint64         facility_id)
{
  ShStore *store = sh_edit_context_get_store (ctx);
  GtkWidget *choice = sh_worksheet_choice_new (ctx, "facility", facility_id, "province_code",
                                               NULL, 0, _("Province"));
  g_autoptr(ShRecord) assessment = sh_store_get (store, "assessment", assessment_of (ctx), NULL);
  const char *start = assessment != NULL ? sh_record_get_string (assessment, "start_date") : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GPtrArray) provinces = sh_refdata_list_provinces (store, start != NULL ? start : today, NULL);

  sh_field_choice_set_allow_none (SH_FIELD_CHOICE (choice), TRUE, NULL);
  for (guint i = 0; provinces != NULL && i < provinces->len; i++)
    sh_field_choice_append (SH_FIELD_CHOICE (choice),
                            sh_record_get_string (provinces->pdata[i], "code"),
                            sh_record_get_string (provinces->pdata[i], "name_vi"));
  sh_field_reload (SH_FIELD (choice));

  return choice;
}

static GtkWidget *
sector_choice (ShEditContext *ctx,
               gint64         facility_id)
{
  ShStore *store = sh_edit_context_get_store (ctx);
  GtkWidget *choice = sh_worksheet_choice_new (ctx, "facility", facility_id, "sector_code",
                                               NULL, 0, _("Sector"));
  g_autoptr(GPtrArray) sectors = sh_refdata_list_sectors (store, NULL);

  sh_field_choice_set_allow_none (SH_FIELD_CHOICE (choice), TRUE, _("Other sector"));
  for (guint i = 0; sectors != NULL && i < sectors->len; i++)
    sh_field_choice_append (SH_FIELD_CHOICE (choice),
                            sh_record_get_string (sectors->pdata[i], "code"),
                            sh_worksheet_ref_text (sectors->pdata[i], "name_vi", "name_en"));
  sh_field_reload (SH_FIELD (choice));

  return choice;
}

GtkWidget *
sh_worksheet_build_facility (ShEditContext *ctx)
{
  gint64 facility = sh_edit_context_get_facility_id (ctx);
  gint64 assessment = assessment_of (ctx);
  GtkWidget *box = vbox ();
  GtkWidget *form = sh_worksheet_form_new ();
  GtkWidget *visit = sh_worksheet_form_new ();
  GtkWidget *products;
  GtkWidget *size;

  entry_row (form, ctx, "facility", facility, "name", SH_FIELD_KIND_TEXT, _("Name"));
  sh_field_entry_set_required (SH_FIELD_ENTRY (sh_worksheet_find_field (form, "facility", facility, "name")),
                               TRUE);
  entry_row (form, ctx, "facility", facility, "address", SH_FIELD_KIND_TEXT, _("Address"));
  sh_worksheet_form_add (form, _("Province"), province_choice (ctx, facility));
  entry_row (form, ctx, "facility", facility, "district", SH_FIELD_KIND_TEXT, _("District"));
  sh_worksheet_form_add (form, _("Sector"), sector_choice (ctx, facility));
  entry_row (form, ctx, "facility", facility, "vsic_code", SH_FIELD_KIND_TEXT, _("VSIC code"));
  size = sh_worksheet_choice_new (ctx, "facility", facility, "size_class",
                                  sh_choices_size, G_N_ELEMENTS (sh_choices_size),
                                  _("Size"));
  sh_field_choice_set_allow_none (SH_FIELD_CHOICE (size), TRUE, NULL);
  sh_worksheet_form_add (form, _("Size"), size);
  entry_row (form, ctx, "facility", facility, "employees", SH_FIELD_KIND_INTEGER, _("Employees"));
  entry_row (form, ctx, "facility", facility, "operating_days", SH_FIELD_KIND_INTEGER,
             _("Operating days per year"));
  entry_row (form, ctx, "facility", facility, "shifts_per_day", SH_FIELD_KIND_INTEGER,
             _("Shifts per day"));
  entry_row (form, ctx, "facility", facility, "certifications", SH_FIELD_KIND_TEXT,
             _("Certifications (ISO 14001, …)"));
  entry_row (form, ctx, "facility", facility, "env_permit", SH_FIELD_KIND_TEXT,
             _("Environmental permit"));
  gtk_box_append (GTK_BOX (box), sh_worksheet_section_new (_("Enterprise"), NULL, form));

  products = sh_worksheet_record_table_new (ctx, "facility_product", "facility_id", facility,
                                            product_columns, G_N_ELEMENTS (product_columns));
  sh_record_table_set_empty_text (SH_RECORD_TABLE (products), _("No product recorded yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (products), _("Add product"));
  gtk_box_append (GTK_BOX (box),
                  sh_worksheet_section_new (_("Main products and capacity"), NULL, products));

  entry_row (visit, ctx, "assessment", assessment, "title", SH_FIELD_KIND_TEXT, _("Title"));
  entry_row (visit, ctx, "assessment", assessment, "start_date", SH_FIELD_KIND_DATE, _("First day on site"));
  entry_row (visit, ctx, "assessment", assessment, "end_date", SH_FIELD_KIND_DATE, _("Last day on site"));
  entry_row (visit, ctx, "assessment", assessment, "site_days", SH_FIELD_KIND_INTEGER, _("Days on site"));
  entry_row (visit, ctx, "assessment", assessment, "scope", SH_FIELD_KIND_TEXT, _("Scope"));
  entry_row (visit, ctx, "assessment", assessment, "operating_regime", SH_FIELD_KIND_TEXT,
             _("Operating regime (shifts, days, season)"));
  entry_row (visit, ctx, "assessment", assessment, "baseline_from", SH_FIELD_KIND_DATE,
             _("Data period from"));
  entry_row (visit, ctx, "assessment", assessment, "baseline_to", SH_FIELD_KIND_DATE,
             _("Data period to"));
  entry_row (visit, ctx, "assessment", assessment, "environmental_status", SH_FIELD_KIND_MULTILINE,
             _("Environmental status (treatment, compliance)"));
  gtk_box_append (GTK_BOX (box),
                  sh_worksheet_section_new (_("The visit"), _("When and where the walk-through took place, and the data period it used."), visit));

  return box;
}

/* -------------------------------------------------------------------------
 * Focus, recommendation, signatures (quick sections 6 and 7)
 * ------------------------------------------------------------------------- */

GtkWidget *
sh_worksheet_build_recommendation (ShEditContext *ctx)
{
  gint64 assessment = assessment_of (ctx);
  GtkWidget *form = sh_worksheet_form_new ();
  GtkWidget *choice = sh_worksheet_choice_new (ctx, "assessment", assessment, "continue_recommended",
                                               NULL, 0, _("Continue with a detailed assessment"));
  GtkWidget *potential;

  entry_row (form, ctx, "assessment", assessment, "proposed_focus", SH_FIELD_KIND_MULTILINE,
             _("Proposed focus for a detailed assessment"));
  potential = entry_row (form, ctx, "assessment", assessment, "cp_potential_pct", SH_FIELD_KIND_PERCENT,
                         _("Expected saving (CP potential, %)"));
  sh_field_entry_set_range (SH_FIELD_ENTRY (potential), 0, 100);
  gtk_widget_set_hexpand (potential, FALSE);
  sh_field_entry_set_width_chars (SH_FIELD_ENTRY (potential), 8);
  entry_row (form, ctx, "assessment", assessment, "recommendation", SH_FIELD_KIND_MULTILINE,
             _("Recommendation and next steps"));

  sh_field_choice_set_allow_none (SH_FIELD_CHOICE (choice), TRUE, _("Not decided"));
  sh_field_choice_append_id (SH_FIELD_CHOICE (choice), 1, _("Yes, continue"));
  sh_field_choice_append_id (SH_FIELD_CHOICE (choice), 0, _("No"));
  sh_field_reload (SH_FIELD (choice));
  sh_worksheet_form_add (form, _("Continue with a detailed assessment"), choice);

  return form;
}

GtkWidget *
sh_worksheet_build_signatures (ShEditContext *ctx)
{
  gint64 assessment = assessment_of (ctx);
  GtkWidget *form = sh_worksheet_form_new ();

  entry_row (form, ctx, "assessment", assessment, "consultant_signature_name", SH_FIELD_KIND_TEXT,
             _("Consultant"));
  entry_row (form, ctx, "assessment", assessment, "consultant_signature_date", SH_FIELD_KIND_DATE,
             _("Signed by the consultant on"));
  entry_row (form, ctx, "assessment", assessment, "facility_signature_name", SH_FIELD_KIND_TEXT,
             _("Enterprise representative"));
  entry_row (form, ctx, "assessment", assessment, "facility_signature_date", SH_FIELD_KIND_DATE,
             _("Signed by the enterprise on"));

  return form;
}

/* -------------------------------------------------------------------------
 * Task 1: the assessment and the CP team (W1)
 * ------------------------------------------------------------------------- */

static const ShColumnSpec team_columns[] = {
  { .column = "name", .title = N_("Name"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .required = TRUE, .default_text = N_("New member") },
  { .column = "position", .title = N_("Position"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT },
  { .column = "department", .title = N_("Department"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT },
  { .column = "role", .title = N_("Role in the team"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_role, .n_choices = G_N_ELEMENTS (sh_choices_role),
    .default_text = "member" },
  { .column = "phone", .title = N_("Phone"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .width_chars = 12 },
  { .column = "responsibility", .title = N_("Responsibility"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_TEXT, .expand = TRUE },
};

GtkWidget *
sh_worksheet_build_assessment_info (ShEditContext *ctx)
{
  gint64 assessment = assessment_of (ctx);
  gint64 facility = sh_edit_context_get_facility_id (ctx);
  GtkWidget *form = sh_worksheet_form_new ();
  GtkWidget *funding = sh_worksheet_choice_new (ctx, "assessment", assessment, "funding_source",
                                                sh_choices_funding,
                                                G_N_ELEMENTS (sh_choices_funding),
                                                _("Funding"));

  entry_row (form, ctx, "assessment", assessment, "title", SH_FIELD_KIND_TEXT, _("Title"));
  entry_row (form, ctx, "assessment", assessment, "start_date", SH_FIELD_KIND_DATE, _("Start"));
  entry_row (form, ctx, "assessment", assessment, "end_date", SH_FIELD_KIND_DATE, _("End"));
  entry_row (form, ctx, "assessment", assessment, "site_days", SH_FIELD_KIND_INTEGER, _("Days on site"));
  sh_field_choice_set_allow_none (SH_FIELD_CHOICE (funding), TRUE, NULL);
  sh_worksheet_form_add (form, _("Funding"), funding);
  entry_row (form, ctx, "assessment", assessment, "scope", SH_FIELD_KIND_TEXT, _("Scope"));
  entry_row (form, ctx, "assessment", assessment, "operating_regime", SH_FIELD_KIND_TEXT,
             _("Operating regime (shifts, days, season)"));
  entry_row (form, ctx, "assessment", assessment, "environmental_status", SH_FIELD_KIND_MULTILINE,
             _("Environmental status (treatment, compliance)"));
  entry_row (form, ctx, "facility", facility, "cp_unit_decision_no", SH_FIELD_KIND_TEXT,
             _("Decision establishing the CP team (number)"));
  entry_row (form, ctx, "facility", facility, "cp_unit_decision_date", SH_FIELD_KIND_DATE,
             _("Decision date"));

  return sh_worksheet_section_new (_("The assessment"),
                                   _("Top management's commitment: the decision that sets up the CP team, and what the assessment covers."),
                                   form);
}

GtkWidget *
sh_worksheet_build_team (ShEditContext *ctx)
{
  GtkWidget *team = sh_worksheet_record_table_new (ctx, "team_member", "facility_id",
                                                   sh_edit_context_get_facility_id (ctx),
                                                   team_columns, G_N_ELEMENTS (team_columns));

  sh_record_table_set_empty_text (SH_RECORD_TABLE (team), _("Nobody is in the CP team yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (team), _("Add member"));

  return sh_worksheet_section_new (_("W1 · CP team (Đội SXSH)"),
                                   _("A leader from management and at least one more person from the facility; consultants may join."),
                                   team);
}

/* -------------------------------------------------------------------------
 * Task 2: process steps (W2) and the baseline period
 * ------------------------------------------------------------------------- */

static const ShColumnSpec step_columns[] = {
  { .column = "seq", .title = N_("No."), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_INTEGER,
    .width_chars = 3, .default_text = "1" },
  { .column = "name", .title = N_("Process step"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .required = TRUE, .default_text = N_("New step") },
  { .column = "description", .title = N_("Description, inputs and outputs"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_TEXT, .expand = TRUE },
  { .column = "parameters", .title = N_("Operating parameters"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_TEXT },
};

static const ShColumnSpec equipment_columns[] = {
  { .column = "name", .title = N_("Equipment"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .required = TRUE, .default_text = N_("New equipment") },
  { .column = "rated_kw", .title = N_("Rated power (kW)"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_NUMBER },
  { .column = "capacity", .title = N_("Capacity"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT },
  { .column = "age_years", .title = N_("Age (years)"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_INTEGER, .width_chars = 4 },
  { .column = "condition", .title = N_("Condition"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE },
};

static void
init_step_cb (ShRecordTable *table,
              ShRecord      *record,
              gpointer       user_data)
{
  /* A new step goes after the last one. */
  sh_record_set_int (record, "seq", sh_record_table_get_n_rows (table) + 1);
}

static void
steps_row_activated_cb (ShRecordTable *steps,
                        gint64         step_id,
                        GtkWidget     *equipment_box)
{
  ShEditContext *ctx = g_object_get_data (G_OBJECT (equipment_box), "sh-ctx");
  g_autoptr(ShRecord) step = sh_store_get (sh_edit_context_get_store (ctx), "process_step", step_id, NULL);
  g_autofree char *title = NULL;
  GtkWidget *child;
  GtkWidget *table;

  while ((child = gtk_widget_get_first_child (equipment_box)) != NULL)
    gtk_box_remove (GTK_BOX (equipment_box), child);

  if (step == NULL)
    return;

  /* Translators: heading of the equipment list of one process step. */
  title = g_strdup_printf (_("Equipment of “%s”"), sh_record_get_string (step, "name"));
  table = sh_worksheet_record_table_new (ctx, "equipment", "step_id", step_id,
                                         equipment_columns, G_N_ELEMENTS (equipment_columns));
  sh_record_table_set_empty_text (SH_RECORD_TABLE (table), _("No equipment recorded for this step."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (table), _("Add equipment"));
  gtk_box_append (GTK_BOX (equipment_box), sh_worksheet_section_new (title, NULL, table));
}

GtkWidget *
sh_worksheet_build_steps (ShEditContext *ctx)
{
  GtkWidget *box = vbox ();
  GtkWidget *steps = sh_worksheet_record_table_new (ctx, "process_step", "assessment_id", assessment_of (ctx),
                                                    step_columns, G_N_ELEMENTS (step_columns));
  GtkWidget *equipment_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  sh_record_table_set_empty_text (SH_RECORD_TABLE (steps), _("No process step is listed yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (steps), _("Add step"));
  sh_record_table_set_name_column (SH_RECORD_TABLE (steps), "name");
  sh_record_table_set_init_func (SH_RECORD_TABLE (steps), init_step_cb, NULL, NULL);
  sh_record_table_set_activatable (SH_RECORD_TABLE (steps), TRUE);
  g_object_set_data_full (G_OBJECT (equipment_box), "sh-ctx", g_object_ref (ctx), g_object_unref);
  g_signal_connect_object (steps, "row-activated", G_CALLBACK (steps_row_activated_cb), equipment_box, 0);

  gtk_box_append (GTK_BOX (box),
                  sh_worksheet_section_new (_("W2 · Process steps (công đoạn)"),
                                            _("The steps of production in order. Open a step to list its equipment."),
                                            steps));
  gtk_box_append (GTK_BOX (box), equipment_box);

  return box;
}

GtkWidget *
sh_worksheet_build_baseline_period (ShEditContext *ctx)
{
  gint64 assessment = assessment_of (ctx);
  GtkWidget *form = sh_worksheet_form_new ();

  entry_row (form, ctx, "assessment", assessment, "baseline_from", SH_FIELD_KIND_DATE,
             _("Baseline from"));
  entry_row (form, ctx, "assessment", assessment, "baseline_to", SH_FIELD_KIND_DATE,
             _("Baseline to"));

  return sh_worksheet_section_new (_("Baseline period (số liệu nền)"),
                                   _("The period whose production and consumption are the reference for every saving."),
                                   form);
}

/* -------------------------------------------------------------------------
 * Task 3: waste streams (W4) and the focus
 * ------------------------------------------------------------------------- */

static const ShColumnSpec waste_columns[] = {
  { .column = "step_id", .title = N_("Step"), .type = SH_COLUMN_CHOICE, .rows_table = "process_step",
    .rows_label = "name", .allow_none = TRUE },
  { .column = "name", .title = N_("Waste stream"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .required = TRUE, .default_text = N_("New waste stream") },
  { .column = "type", .title = N_("Type"), .type = SH_COLUMN_CHOICE, .list = "waste_type",
    .default_text = "wastewater" },
  { .column = "quantity", .title = N_("Quantity per year"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_NUMBER },
  { .column = "unit", .title = N_("Unit"), .type = SH_COLUMN_CHOICE, .unit_dimension = "",
    .allow_none = TRUE },
  { .column = "significance", .title = N_("Score (0–10)"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_INTEGER, .width_chars = 3 },
  { .column = "is_focus", .title = N_("Focus"), .type = SH_COLUMN_CHECK },
  { .column = "focus_reason", .title = N_("Why it is the focus"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_TEXT, .expand = TRUE },
};

static const ShColumnSpec waste_detail_columns[] = {
  { .column = "name", .title = N_("Waste stream"), .type = SH_COLUMN_LABEL, .kind = SH_FIELD_KIND_TEXT,
    .default_text = N_("New waste stream") },
  { .column = "characteristics", .title = N_("Composition and pollutants (COD, SS, …)"),
    .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT, .expand = TRUE },
  { .column = "handling", .title = N_("Current handling (treatment, sale, landfill)"),
    .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT, .expand = TRUE },
};

static void
init_waste_stream_cb (ShRecordTable *table,
                      ShRecord      *record,
                      gpointer       user_data)
{
  if (sh_record_is_null (record, "name"))
    sh_record_set_string (record, "name", _("New waste stream"));
  if (sh_record_is_null (record, "type"))
    sh_record_set_string (record, "type", "wastewater");
}

GtkWidget *
sh_worksheet_build_waste_streams (ShEditContext *ctx)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *streams = sh_worksheet_record_table_new (ctx, "waste_stream", "assessment_id", assessment_of (ctx),
                                                      waste_columns, G_N_ELEMENTS (waste_columns));
  GtkWidget *details = sh_worksheet_record_table_new (ctx, "waste_stream", "assessment_id", assessment_of (ctx),
                                                      waste_detail_columns, G_N_ELEMENTS (waste_detail_columns));

  sh_record_table_set_empty_text (SH_RECORD_TABLE (streams), _("No waste stream is listed yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (streams), _("Add waste stream"));
  sh_record_table_set_name_column (SH_RECORD_TABLE (streams), "name");
  sh_record_table_set_empty_text (SH_RECORD_TABLE (details), _("No waste stream is listed yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (details), _("Add waste stream"));
  sh_record_table_set_name_column (SH_RECORD_TABLE (details), "name");
  sh_record_table_set_init_func (SH_RECORD_TABLE (details), init_waste_stream_cb, NULL, NULL);

  gtk_box_append (GTK_BOX (box),
                  sh_worksheet_section_new (_("W4 · Waste streams and focus selection (dòng thải, trọng tâm)"),
                                            _("Every waste stream of every step, scored by cost and environmental significance. Tick the ones the assessment will concentrate on and say why."),
                                            streams));
  gtk_box_append (GTK_BOX (box),
                  sh_worksheet_section_new (_("What the streams contain and where they go"), NULL, details));

  return box;
}

GtkWidget *
sh_worksheet_build_focus (ShEditContext *ctx)
{
  gint64 assessment = assessment_of (ctx);
  GtkWidget *form = sh_worksheet_form_new ();

  entry_row (form, ctx, "assessment", assessment, "focus", SH_FIELD_KIND_MULTILINE,
             _("Focus of the assessment"));
  entry_row (form, ctx, "assessment", assessment, "scope", SH_FIELD_KIND_TEXT, _("Scope"));

  return sh_worksheet_section_new (_("Focus (trọng tâm đánh giá)"),
                                   _("From here on the assessment covers only the focus."),
                                   form);
}

/* -------------------------------------------------------------------------
 * Task 7: causes (W9)
 * ------------------------------------------------------------------------- */

static const ShColumnSpec cause_columns[] = {
  { .column = "waste_stream_id", .title = N_("Waste stream"), .type = SH_COLUMN_CHOICE,
    .rows_table = "waste_stream", .rows_label = "name", .allow_none = TRUE },
  { .column = "description", .title = N_("Cause"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .required = TRUE, .default_text = N_("New cause") },
  { .column = "category", .title = N_("Category"), .type = SH_COLUMN_CHOICE, .list = "cause_category",
    .default_text = "process_control" },
  { .column = "evidence", .title = N_("Evidence"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE },
};

GtkWidget *
sh_worksheet_build_causes (ShEditContext *ctx)
{
  GtkWidget *causes = sh_worksheet_record_table_new (ctx, "cause", "assessment_id", assessment_of (ctx),
                                                     cause_columns, G_N_ELEMENTS (cause_columns));

  sh_record_table_set_empty_text (SH_RECORD_TABLE (causes), _("No cause is recorded yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (causes), _("Add cause"));

  return sh_worksheet_section_new (_("W9 · Cause analysis (phân tích nguyên nhân)"),
                                   _("Why each focus waste stream arises: raw material, technology, equipment, process control, operators, product or waste handling."),
                                   causes);
}

/* -------------------------------------------------------------------------
 * Tasks 8–10: options (W10), screening (W11), technical feasibility (W12)
 * ------------------------------------------------------------------------- */

static const ShColumnSpec option_columns[] = {
  { .column = "code", .title = N_("Code"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .width_chars = 5 },
  { .column = "title", .title = N_("Option"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .required = TRUE, .default_text = N_("New option") },
  { .column = "step_id", .title = N_("Step"), .type = SH_COLUMN_CHOICE, .rows_table = "process_step",
    .rows_label = "name", .allow_none = TRUE },
  { .column = "category", .title = N_("Category"), .type = SH_COLUMN_CHOICE, .list = "option_category",
    .default_text = "GH" },
  { .column = "cost_class", .title = N_("Cost"), .type = SH_COLUMN_CHOICE, .list = "cost_class",
    .allow_none = TRUE },
};

static const ShColumnSpec screening_columns[] = {
  { .column = "code", .title = N_("Code"), .type = SH_COLUMN_LABEL, .kind = SH_FIELD_KIND_TEXT },
  { .column = "title", .title = N_("Option"), .type = SH_COLUMN_LABEL, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .default_text = N_("New option") },
  { .column = "screening", .title = N_("Decision"), .type = SH_COLUMN_CHOICE, .list = "screening",
    .allow_none = TRUE },
  { .column = "screening_reason", .title = N_("Reason"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_TEXT, .expand = TRUE },
};

static const ShColumnSpec technical_columns[] = {
  { .column = "code", .title = N_("Code"), .type = SH_COLUMN_LABEL, .kind = SH_FIELD_KIND_TEXT },
  { .column = "title", .title = N_("Option"), .type = SH_COLUMN_LABEL, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .default_text = N_("New option") },
  { .column = "screening", .title = N_("Screening"), .type = SH_COLUMN_CHOICE, .list = "screening",
    .allow_none = TRUE },
  { .column = "tech_notes", .title = N_("Requirements: space, utilities, skills, downtime, quality, safety"),
    .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT, .expand = TRUE },
  { .column = "tech_verdict", .title = N_("Verdict"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_verdict, .n_choices = G_N_ELEMENTS (sh_choices_verdict),
    .allow_none = TRUE },
};

/* Options get the next free code, GP01, GP02, … */
static void
init_option_cb (ShRecordTable *table,
                ShRecord      *record,
                gpointer       user_data)
{
  ShEditContext *ctx = user_data;
  g_autoptr(GPtrArray) options = sh_store_list (sh_edit_context_get_store (ctx), "cp_option",
                                                "assessment_id", assessment_of (ctx), NULL);
  guint next = 1;
  g_autofree char *code = NULL;

  for (guint i = 0; options != NULL && i < options->len; i++)
    {
      const char *existing = sh_record_get_string (options->pdata[i], "code");
      guint64 number;

      if (existing != NULL && g_str_has_prefix (existing, "GP") &&
          g_ascii_string_to_unsigned (existing + 2, 10, 0, 999, &number, NULL) && number >= next)
        next = number + 1;
    }

  code = g_strdup_printf ("GP%02u", next);
  sh_record_set_string (record, "code", code);

  /* Tables that do not show the title or the category still add options
   * the schema accepts. */
  if (sh_record_is_null (record, "title"))
    sh_record_set_string (record, "title", _("New option"));
  if (sh_record_is_null (record, "category"))
    sh_record_set_string (record, "category", "GH");
}

static GtkWidget *
option_table (ShEditContext      *ctx,
              const ShColumnSpec *columns,
              guint               n_columns)
{
  GtkWidget *table = sh_worksheet_record_table_new (ctx, "cp_option", "assessment_id", assessment_of (ctx),
                                                    columns, n_columns);

  sh_record_table_set_empty_text (SH_RECORD_TABLE (table), _("No option is proposed yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (table), _("Add option"));
  sh_record_table_set_name_column (SH_RECORD_TABLE (table), "title");
  sh_record_table_set_init_func (SH_RECORD_TABLE (table), init_option_cb,
                                 g_object_ref (ctx), g_object_unref);

  return table;
}

typedef struct
{
  ShEditContext *ctx;
  GtkWidget     *table;
  GtkPopover    *popover;
} Library;

static void
library_free (gpointer data)
{
  Library *library = data;

  g_clear_object (&library->ctx);
  g_free (library);
}

static void
library_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          gpointer       data)
{
  Library *library = data;
  ShStore *store = sh_edit_context_get_store (library->ctx);
  const char *code = g_object_get_data (G_OBJECT (row), "sh-code");
  g_autoptr(ShRecord) reference = sh_refdata_get_option (store, code, NULL);
  g_autoptr(ShRecord) option = sh_record_new ("cp_option");
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (library->popover);
  if (reference == NULL)
    return;

  init_option_cb (NULL, option, library->ctx);
  sh_record_set_int (option, "assessment_id", assessment_of (library->ctx));
  sh_record_set_string (option, "library_code", code);
  sh_record_set_string (option, "title", sh_worksheet_ref_text (reference, "title_vi", "title_en"));
  sh_record_set_string (option, "description",
                        sh_worksheet_ref_text (reference, "description_vi", "description_en"));
  sh_record_set_string (option, "category", sh_record_get_string (reference, "category"));
  sh_record_set_string (option, "cost_class", sh_record_get_string (reference, "cost_class"));

  if (sh_edit_context_insert (library->ctx, option, &error) == 0)
    sh_edit_context_report_error (library->ctx, error);
}

static GtkWidget *
library_button (ShEditContext *ctx)
{
  ShStore *store = sh_edit_context_get_store (ctx);
  g_autoptr(ShRecord) facility = sh_store_get (store, "facility", sh_edit_context_get_facility_id (ctx), NULL);
  const char *sector = facility != NULL ? sh_record_get_string (facility, "sector_code") : NULL;
  g_autoptr(GPtrArray) options = sh_refdata_list_options (store, sector, NULL);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  Library *library = g_new0 (Library, 1);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Add from the option library"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_size_request (scroller, 460, -1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Options of the library"), -1);

  for (guint i = 0; options != NULL && i < options->len; i++)
    {
      ShRecord *option = options->pdata[i];
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (sh_worksheet_ref_text (option, "title_vi", "title_en"));
      g_autofree char *detail = g_strdup_printf ("%s · %s %g–%g %%",
                                                 sh_record_get_string (option, "category"),
                                                 sh_record_get_string (option, "saving_resource"),
                                                 sh_record_get_double (option, "saving_min_pct", 0),
                                                 sh_record_get_double (option, "saving_max_pct", 0));
      GtkWidget *caption = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "sh-code",
                              g_strdup (sh_record_get_string (option, "code")), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  library->ctx = g_object_ref (ctx);
  library->popover = GTK_POPOVER (popover);
  g_object_set_data_full (G_OBJECT (button), "sh-library", library, library_free);
  g_signal_connect (list, "row-activated", G_CALLBACK (library_row_activated_cb), library);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_object_bind_property (ctx, "read-only", button, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  return button;
}

GtkWidget *
sh_worksheet_build_options (ShEditContext *ctx)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_box_append (GTK_BOX (box), option_table (ctx, option_columns, G_N_ELEMENTS (option_columns)));
  gtk_box_append (GTK_BOX (box), library_button (ctx));

  gtk_box_append (GTK_BOX (page),
                  sh_worksheet_section_new (_("W10 · CP options (cơ hội SXSH)"),
                                            _("Each option belongs to one of the 8 categories: good housekeeping (GH), input material change (IMC), better process control (BPC), equipment modification (EM), technology change (TC), on-site recovery and reuse (OR), useful by-products (BP), product modification (PM)."),
                                            box));
  /* An option answers causes found in task 7; the link shows why it is
   * proposed and which waste it should reduce. */
  gtk_box_append (GTK_BOX (page),
                  sh_worksheet_section_new (_("Causes each option addresses"),
                                            _("Link every option to the causes (W9) it removes or reduces."),
                                            sh_worksheet_option_causes_new (ctx)));

  return page;
}

GtkWidget *
sh_worksheet_build_screening (ShEditContext *ctx)
{
  return sh_worksheet_section_new (_("W11 · Screening (sàng lọc cơ hội)"),
                                   _("Implement now, analyse further, or reject — and say why an option is rejected."),
                                   option_table (ctx, screening_columns, G_N_ELEMENTS (screening_columns)));
}

GtkWidget *
sh_worksheet_build_technical (ShEditContext *ctx)
{
  return sh_worksheet_section_new (_("W12 · Technical feasibility (khả thi kỹ thuật)"),
                                   _("Every option to analyse further needs a verdict."),
                                   option_table (ctx, technical_columns, G_N_ELEMENTS (technical_columns)));
}

/* -------------------------------------------------------------------------
 * Tasks 14 and 15: action plan and implementation (W16)
 * ------------------------------------------------------------------------- */

static const ShColumnSpec action_columns[] = {
  { .column = "option_id", .title = N_("Option"), .type = SH_COLUMN_CHOICE, .rows_table = "cp_option",
    .rows_label = "code", .allow_none = TRUE },
  { .column = "task", .title = N_("Task"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .required = TRUE, .default_text = N_("New task") },
  { .column = "owner", .title = N_("Responsible"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT },
  { .column = "start_date", .title = N_("Start"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_DATE },
  { .column = "end_date", .title = N_("End"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_DATE },
  { .column = "budget_vnd", .title = N_("Budget"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_MONEY },
  { .column = "status", .title = N_("Status"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_action_status,
    .n_choices = G_N_ELEMENTS (sh_choices_action_status), .default_text = "planned" },
  { .column = "percent_done", .title = N_("Percent done"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_INTEGER, .width_chars = 4, .default_text = "0" },
};

static const ShColumnSpec implementation_columns[] = {
  { .column = "code", .title = N_("Code"), .type = SH_COLUMN_LABEL, .kind = SH_FIELD_KIND_TEXT },
  { .column = "title", .title = N_("Option"), .type = SH_COLUMN_LABEL, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .default_text = N_("New option") },
  { .column = "selected", .title = N_("Selected"), .type = SH_COLUMN_CHECK },
  { .column = "status", .title = N_("Status"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_option_status,
    .n_choices = G_N_ELEMENTS (sh_choices_option_status), .default_text = "proposed" },
  { .column = "planned_start", .title = N_("Planned start"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_DATE },
  { .column = "actual_start", .title = N_("Started"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_DATE },
  { .column = "actual_end", .title = N_("Finished"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_DATE },
};

GtkWidget *
sh_worksheet_build_action_plan (ShEditContext *ctx)
{
  GtkWidget *table = sh_worksheet_record_table_new (ctx, "action_item", "assessment_id", assessment_of (ctx),
                                                    action_columns, G_N_ELEMENTS (action_columns));

  sh_record_table_set_empty_text (SH_RECORD_TABLE (table), _("The action plan is empty."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (table), _("Add task"));

  return sh_worksheet_section_new (_("W16 · Action plan (kế hoạch hành động)"),
                                   _("Who does what, when, and with what budget — at least one task for every selected option."),
                                   table);
}

GtkWidget *
sh_worksheet_build_implementation (ShEditContext *ctx)
{
  return sh_worksheet_section_new (_("W16 · Implementation (thực hiện các giải pháp)"),
                                   _("The status and dates of each option as it is carried out."),
                                   option_table (ctx, implementation_columns,
                                                 G_N_ELEMENTS (implementation_columns)));
}

/* -------------------------------------------------------------------------
 * Tasks 17 and 18: sustaining CP and the next focus (W18)
 * ------------------------------------------------------------------------- */

GtkWidget *
sh_worksheet_build_sustain (ShEditContext *ctx)
{
  gint64 assessment = assessment_of (ctx);
  GtkWidget *form = sh_worksheet_form_new ();

  entry_row (form, ctx, "assessment", assessment, "sustain_sops", SH_FIELD_KIND_MULTILINE,
             _("Procedures (SOPs) updated"));
  entry_row (form, ctx, "assessment", assessment, "sustain_training", SH_FIELD_KIND_MULTILINE,
             _("Training done"));
  entry_row (form, ctx, "assessment", assessment, "sustain_kpis", SH_FIELD_KIND_MULTILINE,
             _("Indicators followed (KPIs)"));

  return sh_worksheet_section_new (_("W18 · Sustaining CP (duy trì SXSH)"),
                                   _("How the options become daily practice."),
                                   form);
}

GtkWidget *
sh_worksheet_build_next_focus (ShEditContext *ctx)
{
  gint64 assessment = assessment_of (ctx);
  GtkWidget *form = sh_worksheet_form_new ();

  entry_row (form, ctx, "assessment", assessment, "next_focus", SH_FIELD_KIND_MULTILINE,
             _("Next focus"));
  entry_row (form, ctx, "assessment", assessment, "next_review_date", SH_FIELD_KIND_DATE,
             _("Next review"));

  return sh_worksheet_section_new (_("W18 · Next focus (trọng tâm tiếp theo)"),
                                   _("CP is a journey, not a destination: choose where the next assessment cycle starts."),
                                   form);
}
