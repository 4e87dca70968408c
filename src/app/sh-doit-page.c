/* sh-doit-page.c — the workspace of a provincial Department of Industry and
 * Trade (Sở Công Thương): one province and one year at a time.
 *
 * The profile comes from the reference data: the DoIT's name, the
 * province's CP plan (number, date, period, focal unit, report deadline)
 * and its targets. The annual reports are those of the province's
 * facilities in this database (on a DoIT's computer, the ones it imported),
 * each judged against the deadline: the plan's day and month in the
 * report's year (Kon Tum 30/11, Lạng Sơn 15/12), or the report's own
 * deadline when the plan sets none. The indicators are the roll-up's
 * (sh-report-rollup.h, whose method is written into every roll-up), so the
 * page and the document the ministry receives never disagree.
 *
 * Plans belong to the provinces of their time (DOMAIN.md §1.7): the list
 * shows the provinces that existed at the end of the chosen year.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sh-a11y.h"
#include "sh-doit-page.h"
#include "sh-export-job.h"
#include "sh-format.h"
#include "sh-refdata.h"
#include "sh-report-rollup.h"
#include "sh-xlsx.h"
#include "sh-units.h"
#include "sh-worksheet-util.h"

typedef struct
{
  gboolean  has_value;
  double    value;
  gboolean  has_target;
  double    target;       /* the lower end of a range */
  double    target_max;   /* the upper end, or the target */
  char     *value_text;
  char     *target_text;
} Indicator;

struct _ShDoitPage
{
  GtkWidget       parent_instance;

  ShStore        *store;
  GPtrArray      *province_codes;   /* char *, parallel to the dropdown's strings */
  char           *province_code;
  int             year;
  gboolean        filling;
  GHashTable     *statuses;         /* facility id → ShDoitReportStatus */
  Indicator       indicators[SH_DOIT_N_INDICATORS];
  GString        *profile_text;

  GtkDrawingArea *chart_area;
  GtkButton      *export_button;
  GtkGrid        *indicators_grid;
  GtkLabel       *indicators_note;
  GtkGrid        *profile_grid;
  GtkDropDown    *province_dropdown;
  GtkGrid        *reports_grid;
  GtkLabel       *reports_heading;
  GtkLabel       *reports_summary_label;
  GtkScrolledWindow *scroller;
  GtkLabel       *title_label;
  GtkSpinButton  *year_spin;
};

G_DEFINE_FINAL_TYPE (ShDoitPage, sh_doit_page, GTK_TYPE_WIDGET)

static const char * const indicator_codes[SH_DOIT_N_INDICATORS] = {
  "AWARE_PCT", "APPLY_PCT", "SAVING_PCT_MIN", "CP_UNIT_PCT",
};

static const char *
indicator_label (ShDoitIndicator indicator)
{
  switch (indicator)
    {
    case SH_DOIT_INDICATOR_AWARE:
      return _("Facilities aware of CP");
    case SH_DOIT_INDICATOR_APPLYING:
      return _("Facilities applying CP");
    case SH_DOIT_INDICATOR_SAVING:
      return _("Average saving per unit of product");
    case SH_DOIT_INDICATOR_CP_UNIT:
      return _("Medium and large enterprises with a CP unit");
    default:
      g_assert_not_reached ();
    }
}

/* The short name under the chart's bars. */
static const char *
indicator_short_label (ShDoitIndicator indicator)
{
  switch (indicator)
    {
    case SH_DOIT_INDICATOR_AWARE:
      return C_("chart", "Aware");
    case SH_DOIT_INDICATOR_APPLYING:
      return C_("chart", "Applying");
    case SH_DOIT_INDICATOR_SAVING:
      return C_("chart", "Saving");
    case SH_DOIT_INDICATOR_CP_UNIT:
      return C_("chart", "CP unit");
    default:
      g_assert_not_reached ();
    }
}

static const char *
status_label (ShDoitReportStatus status)
{
  switch (status)
    {
    case SH_DOIT_REPORT_ON_TIME:
      return C_("report", "On time");
    case SH_DOIT_REPORT_LATE:
      return C_("report", "Late");
    case SH_DOIT_REPORT_SUBMITTED:
      return C_("report", "Submitted");
    case SH_DOIT_REPORT_NOT_DUE:
      return C_("report", "Not yet due");
    case SH_DOIT_REPORT_MISSING:
      return C_("report", "Missing");
    default:
      g_assert_not_reached ();
    }
}

static const char *
status_class (ShDoitReportStatus status)
{
  switch (status)
    {
    case SH_DOIT_REPORT_ON_TIME:
    case SH_DOIT_REPORT_SUBMITTED:
      return "status-on-time";
    case SH_DOIT_REPORT_LATE:
      return "status-late";
    case SH_DOIT_REPORT_NOT_DUE:
      return "status-not-due";
    case SH_DOIT_REPORT_MISSING:
      return "status-missing";
    default:
      g_assert_not_reached ();
    }
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
clear_indicators (ShDoitPage *self)
{
  for (guint i = 0; i < SH_DOIT_N_INDICATORS; i++)
    {
      g_clear_pointer (&self->indicators[i].value_text, g_free);
      g_clear_pointer (&self->indicators[i].target_text, g_free);
      memset (&self->indicators[i], 0, sizeof (Indicator));
    }
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
grid_label (GtkGrid    *grid,
            const char *text,
            int         column,
            int         row,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (grid, label, column, row, 1, 1);

  return label;
}

/* One line of the profile: a dim label and its value. */
static void
add_profile_line (ShDoitPage *self,
                  int        *row,
                  const char *label,
                  const char *value)
{
  GtkWidget *widget;

  if (value == NULL || *value == '\0')
    return;

  widget = grid_label (self->profile_grid, label, 0, *row, "dim-label");
  gtk_label_set_selectable (GTK_LABEL (widget), FALSE);
  widget = grid_label (self->profile_grid, value, 1, *row, NULL);
  gtk_widget_set_hexpand (widget, TRUE);
  g_string_append_printf (self->profile_text, "%s: %s\n", label, value);
  (*row)++;
}

/* -------------------------------------------------------------------------
 * Plans and targets
 * ------------------------------------------------------------------------- */

static gboolean
covers (ShRecord *row,
        int       year)
{
  gint64 from = sh_record_is_null (row, "from_year") ? G_MININT : sh_record_get_int (row, "from_year", 0);

  return from <= year && year <= sh_record_get_int (row, "to_year", 0);
}

/* The plan in force in @year, or else the latest one. */
static ShRecord *
choose_plan (GPtrArray *plans,
             int        year)
{
  ShRecord *latest = NULL;

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      ShRecord *plan = plans->pdata[i];

      if (covers (plan, year))
        return plan;
      if (latest == NULL || sh_record_get_int (plan, "to_year", 0) > sh_record_get_int (latest, "to_year", 0))
        latest = plan;
    }

  return latest;
}

/* The target of @indicator for @year among @targets (of one plan or one
 * instrument): the one whose years cover it, or else the latest. */
static ShRecord *
choose_target (GPtrArray  *targets,
               const char *plan_code,
               const char *indicator,
               int         year)
{
  ShRecord *latest = NULL;

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      ShRecord *target = targets->pdata[i];

      if (g_strcmp0 (sh_record_get_string (target, "indicator"), indicator) != 0)
        continue;
      if (plan_code != NULL && g_strcmp0 (sh_record_get_string (target, "plan_code"), plan_code) != 0)
        continue;
      /* National targets by sector are not the province's. */
      if (!sh_record_is_null (target, "sector_code"))
        continue;
      if (covers (target, year))
        return target;
      if (latest == NULL || sh_record_get_int (target, "to_year", 0) > sh_record_get_int (latest, "to_year", 0))
        latest = target;
    }

  return latest;
}

static char *
format_percent (double value)
{
  int decimals = 2;

  /* As few decimals as the value needs, at most the roll-up's two. */
  if (fabs (value - round (value)) < 1e-9)
    decimals = 0;
  else if (fabs (value * 10 - round (value * 10)) < 1e-9)
    decimals = 1;

  return sh_format_percent (value, decimals, SH_NUMBER_STYLE_VI);
}

/* "30-11" → "30/11". */
static char *
format_day_month (const char *deadline)
{
  if (deadline == NULL || strlen (deadline) != 5)
    return NULL;

  return g_strdup_printf ("%.2s/%.2s", deadline, deadline + 3);
}

static void
fill_profile (ShDoitPage *self,
              ShRecord   *province,
              ShRecord   *plan,
              GPtrArray  *targets,
              const char *targets_source)
{
  g_autofree char *deadline = NULL;
  int row = 0;

  clear_grid (self->profile_grid);
  g_string_truncate (self->profile_text, 0);

  if (province != NULL)
    {
      add_profile_line (self, &row, _("Reports go to"), sh_worksheet_ref_text (province, "doit_vi", "doit_en"));
      add_profile_line (self, &row, _("Province code"), sh_record_get_string (province, "code"));
    }

  if (plan == NULL)
    {
      add_profile_line (self, &row, _("CP plan"),
                        _("The reference data has no CP plan for this province. The national targets "
                          "of Decision 1419/QĐ-TTg are shown instead; the deadline is set per report."));
    }
  else
    {
      g_autofree char *date = sh_format_date (sh_record_get_string (plan, "date"));
      g_autofree char *number = NULL;
      g_autofree char *period = NULL;
      const char *focal = sh_worksheet_ref_text (plan, "focal_unit_vi", "focal_unit_en");

      if (!sh_record_is_null (plan, "number"))
        /* Translators: a plan's number and date, e.g. "2340/KH-UBND of 26/09/2016". */
        number = g_strdup_printf (_("%s of %s"), sh_record_get_string (plan, "number"), date);
      else
        /* Translators: a plan without a number, by its date. */
        number = g_strdup_printf (_("Issued on %s (number not known)"), date);
      period = g_strdup_printf ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT,
                                sh_record_get_int (plan, "from_year", 0), sh_record_get_int (plan, "to_year", 0));

      add_profile_line (self, &row, _("CP plan"), sh_worksheet_ref_text (plan, "title_vi", "title_en"));
      add_profile_line (self, &row, _("Number and date"), number);
      add_profile_line (self, &row, _("Plan period"), period);
      add_profile_line (self, &row, _("Focal unit"), focal);
      if ((deadline = format_day_month (sh_record_get_string (plan, "report_deadline"))) != NULL)
        {
          /* Translators: the report deadline, e.g. "30/11 each year". */
          g_autofree char *text = g_strdup_printf (_("%s each year"), deadline);

          add_profile_line (self, &row, _("Report deadline"), text);
        }
      else
        add_profile_line (self, &row, _("Report deadline"),
                          _("Not set by the plan: each report's own deadline is used."));
    }

  /* Every target of the plan (or the Strategy) that applies to the year. */
  {
    g_autoptr(GString) lines = g_string_new (NULL);

    for (guint i = 0; targets != NULL && i < targets->len; i++)
      {
        ShRecord *target = targets->pdata[i];
        const char *unit = sh_record_get_string (target, "unit");
        g_autofree char *value = NULL;
        g_autofree char *value_max = NULL;
        g_autofree char *range = NULL;
        g_autofree char *shown = NULL;

        if (plan != NULL && g_strcmp0 (sh_record_get_string (target, "plan_code"),
                                       sh_record_get_string (plan, "code")) != 0)
          continue;
        if (!sh_record_is_null (target, "sector_code"))
          continue;
        if (plan == NULL && !covers (target, self->year) &&
            choose_target (targets, NULL, sh_record_get_string (target, "indicator"), self->year) != target)
          continue;

        /* The saving is one range, "8–13%", in one line. */
        if (g_strcmp0 (sh_record_get_string (target, "indicator"), "SAVING_PCT_MAX") == 0 &&
            choose_target (targets, sh_record_get_string (target, "plan_code"), "SAVING_PCT_MIN",
                           self->year) != NULL)
          continue;
        if (g_strcmp0 (sh_record_get_string (target, "indicator"), "SAVING_PCT_MIN") == 0)
          {
            ShRecord *max = choose_target (targets, sh_record_get_string (target, "plan_code"),
                                           "SAVING_PCT_MAX", self->year);

            if (max != NULL)
              value_max = sh_format_number (sh_record_get_double (max, "value", 0), 0, SH_NUMBER_STYLE_VI);
          }

        if (g_strcmp0 (unit, "VND") == 0)
          value = sh_format_vnd ((gint64) sh_record_get_double (target, "value", 0));
        else
          value = sh_format_number (sh_record_get_double (target, "value", 0), 0, SH_NUMBER_STYLE_VI);
        if (value_max == NULL && !sh_record_is_null (target, "value_max"))
          value_max = sh_format_number (sh_record_get_double (target, "value_max", 0), 0, SH_NUMBER_STYLE_VI);

        range = value_max != NULL ? g_strdup_printf ("%s–%s", value, value_max) : g_strdup (value);
        if (g_strcmp0 (unit, "%") == 0)
          shown = g_strdup_printf ("%s%%", range);
        else if (g_strcmp0 (unit, "per_year") == 0)
          /* Translators: a target counted per year, e.g. "2–3 a year". */
          shown = g_strdup_printf (_("%s a year"), range);
        else
          shown = g_steal_pointer (&range);

        if (lines->len > 0)
          g_string_append_c (lines, '\n');
        g_string_append_printf (lines, "• %s: %s",
                                sh_worksheet_ref_text (target, "subject_vi", "subject_en"), shown);
      }

    if (lines->len > 0)
      add_profile_line (self, &row, targets_source, lines->str);
  }
}

/* -------------------------------------------------------------------------
 * Annual reports
 * ------------------------------------------------------------------------- */

/* When the report was sent: the date it states, or else the day it was
 * received here (the submission log), or NULL. */
static char *
submitted_on (ShDoitPage *self,
              ShRecord   *report)
{
  g_autoptr(GPtrArray) log = NULL;
  char *first = NULL;

  if (!sh_record_is_null (report, "submitted_on"))
    return g_strndup (sh_record_get_string (report, "submitted_on"), 10);

  log = sh_store_list (self->store, "submission", "annual_report_id", sh_record_get_id (report), NULL);
  for (guint i = 0; log != NULL && i < log->len; i++)
    {
      const char *direction = sh_record_get_string (log->pdata[i], "direction");
      const char *at = sh_record_get_string (log->pdata[i], "at");

      if (g_strcmp0 (direction, "received") == 0 && at != NULL &&
          (first == NULL || strncmp (at, first, 10) < 0))
        {
          g_free (first);
          first = g_strndup (at, 10);
        }
    }

  return first;
}

static ShDoitReportStatus
judge (const char *submitted,
       gboolean    marked_submitted,
       const char *deadline,
       const char *today)
{
  if (submitted != NULL)
    {
      if (deadline == NULL)
        return SH_DOIT_REPORT_SUBMITTED;
      return strcmp (submitted, deadline) <= 0 ? SH_DOIT_REPORT_ON_TIME : SH_DOIT_REPORT_LATE;
    }
  if (marked_submitted)
    return SH_DOIT_REPORT_SUBMITTED;
  if (deadline != NULL && strcmp (today, deadline) <= 0)
    return SH_DOIT_REPORT_NOT_DUE;

  return SH_DOIT_REPORT_MISSING;
}

static void
fill_reports (ShDoitPage *self,
              GPtrArray  *facilities,
              const char *plan_deadline)
{
  g_autofree char *today = today_iso ();
  guint counts[SH_DOIT_REPORT_MISSING + 1] = { 0 };
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;
  const char *titles[] = { _("Facility"), _("Status"), _("Submitted on"), _("Deadline") };
  int row = 1;

  clear_grid (self->reports_grid);
  g_hash_table_remove_all (self->statuses);

  heading = g_strdup_printf (_("Annual CP reports for %d"), self->year);
  gtk_label_set_text (self->reports_heading, heading);

  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    grid_label (self->reports_grid, titles[c], c, 0, "heading");

  for (guint i = 0; i < facilities->len; i++)
    {
      ShRecord *facility = facilities->pdata[i];
      g_autoptr(GPtrArray) reports = sh_store_list (self->store, "annual_report", "facility_id",
                                                    sh_record_get_id (facility), NULL);
      ShRecord *report = NULL;
      g_autofree char *deadline = NULL;
      g_autofree char *submitted = NULL;
      g_autofree char *submitted_text = NULL;
      g_autofree char *deadline_text = NULL;
      ShDoitReportStatus status;
      GtkWidget *label;

      for (guint r = 0; reports != NULL && r < reports->len; r++)
        if (sh_record_get_int (reports->pdata[r], "year", 0) == self->year)
          report = reports->pdata[r];

      if (plan_deadline != NULL)
        deadline = g_strdup_printf ("%04d-%.2s-%.2s", self->year, plan_deadline + 3, plan_deadline);
      else if (report != NULL && !sh_record_is_null (report, "deadline"))
        deadline = g_strndup (sh_record_get_string (report, "deadline"), 10);

      if (report != NULL)
        submitted = submitted_on (self, report);
      status = judge (submitted,
                      report != NULL && g_strcmp0 (sh_record_get_string (report, "status"), "draft") != 0,
                      deadline, today);
      counts[status]++;
      g_hash_table_insert (self->statuses, GINT_TO_POINTER ((int) sh_record_get_id (facility)),
                           GINT_TO_POINTER ((int) status + 1));

      grid_label (self->reports_grid, sh_record_get_string (facility, "name"), 0, row, NULL);
      label = grid_label (self->reports_grid, status_label (status), 1, row, "status");
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, status_class (status));
      submitted_text = submitted != NULL ? sh_format_date (submitted) : g_strdup ("—");
      grid_label (self->reports_grid, submitted_text, 2, row, NULL);
      deadline_text = deadline != NULL ? sh_format_date (deadline) : g_strdup ("—");
      grid_label (self->reports_grid, deadline_text, 3, row, NULL);
      row++;
    }

  if (facilities->len == 0)
    {
      summary = g_strdup (_("No facility of this province is in the database. Import the reports "
                            "the facilities sent to see them here."));
    }
  else
    {
      /* Translators: the counts of annual reports by status. */
      summary = g_strdup_printf (_("On time: %u · Late: %u · Submitted: %u · Not yet due: %u · Missing: %u"),
                                 counts[SH_DOIT_REPORT_ON_TIME], counts[SH_DOIT_REPORT_LATE],
                                 counts[SH_DOIT_REPORT_SUBMITTED], counts[SH_DOIT_REPORT_NOT_DUE],
                                 counts[SH_DOIT_REPORT_MISSING]);
    }
  gtk_label_set_text (self->reports_summary_label, summary);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->reports_grid)), facilities->len > 0);
}

/* -------------------------------------------------------------------------
 * Indicators
 * ------------------------------------------------------------------------- */

static char *
format_share (gint64 count,
              gint64 total)
{
  double percent;
  g_autofree char *text = NULL;

  if (!sh_report_rollup_percent (count, total, &percent))
    /* Translators: a count out of none, e.g. "0 of 0". */
    return g_strdup_printf (_("%" PRId64 " of %" PRId64), count, total);

  text = format_percent (percent);
  /* Translators: e.g. "3 of 4 (75%)". */
  return g_strdup_printf (_("%" PRId64 " of %" PRId64 " (%s)"), count, total, text);
}

static void
set_share (Indicator *indicator,
           gint64     count,
           gint64     total)
{
  indicator->has_value = sh_report_rollup_percent (count, total, &indicator->value);
  indicator->value_text = format_share (count, total);
}

static void
fill_indicators (ShDoitPage *self,
                 GPtrArray  *targets,
                 const char *plan_code,
                 ShRecord   *plan)
{
  ShReportRollupParams params;
  g_autoptr(ShReportRollup) rollup = NULL;
  g_autoptr(GError) error = NULL;
  int row = 1;

  clear_indicators (self);
  clear_grid (self->indicators_grid);

  sh_report_rollup_params_init (&params, self->province_code, self->year);
  rollup = sh_report_rollup_compute (self->store, sh_units_get_default (), &params, &error);
  if (rollup == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The indicators cannot be computed: %s"), error->message);

      gtk_label_set_text (self->indicators_note, text);
      gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
      return;
    }

  set_share (&self->indicators[SH_DOIT_INDICATOR_AWARE], rollup->aware, rollup->total);
  set_share (&self->indicators[SH_DOIT_INDICATOR_APPLYING], rollup->applying, rollup->total);
  set_share (&self->indicators[SH_DOIT_INDICATOR_CP_UNIT], rollup->with_cp_unit, rollup->medium_large);
  {
    Indicator *saving = &self->indicators[SH_DOIT_INDICATOR_SAVING];

    saving->has_value = rollup->has_average;
    saving->value = rollup->average_saving_percent;
    if (rollup->has_average)
      {
        g_autofree char *percent = format_percent (round (rollup->average_saving_percent * 100) / 100);

        /* Translators: the average saving and how many assessments it is of. */
        saving->value_text = g_strdup_printf (_("%s (%u assessments)"), percent, rollup->savings->len);
      }
    else
      saving->value_text = g_strdup (_("No applying facility has before-and-after figures"));
  }

  for (guint i = 0; i < SH_DOIT_N_INDICATORS; i++)
    {
      Indicator *indicator = &self->indicators[i];
      ShRecord *target = choose_target (targets, plan_code, indicator_codes[i], self->year);
      ShRecord *target_max = NULL;
      GtkWidget *label;
      const char *verdict = "";

      if (i == SH_DOIT_INDICATOR_SAVING)
        target_max = choose_target (targets, plan_code, "SAVING_PCT_MAX", self->year);

      if (target != NULL)
        {
          g_autofree char *low = NULL;

          indicator->has_target = TRUE;
          indicator->target = sh_record_get_double (target, "value", 0);
          indicator->target_max = target_max != NULL ? sh_record_get_double (target_max, "value", 0)
                                                     : indicator->target;
          low = sh_format_number (indicator->target, 0, SH_NUMBER_STYLE_VI);
          if (indicator->target_max > indicator->target)
            {
              g_autofree char *high = sh_format_number (indicator->target_max, 0, SH_NUMBER_STYLE_VI);

              indicator->target_text = g_strdup_printf ("%s–%s%%", low, high);
            }
          else
            indicator->target_text = g_strdup_printf ("%s%%", low);

          if (indicator->has_value)
            verdict = indicator->value >= indicator->target ? _("Target met") : _("Below target");
        }
      else
        indicator->target_text = g_strdup ("—");

      grid_label (self->indicators_grid, indicator_label (i), 0, row, NULL);
      label = grid_label (self->indicators_grid, indicator->value_text, 1, row, NULL);
      gtk_widget_set_hexpand (label, TRUE);
      grid_label (self->indicators_grid, indicator->target_text, 2, row, NULL);
      label = grid_label (self->indicators_grid, verdict, 3, row, "dim-label");
      if (indicator->has_value && indicator->has_target)
        gtk_widget_add_css_class (label, indicator->value >= indicator->target ? "target-met" : "target-missed");
      row++;
    }
  grid_label (self->indicators_grid, _("Indicator"), 0, 0, "heading");
  grid_label (self->indicators_grid, _("Actual"), 1, 0, "heading");
  grid_label (self->indicators_grid, _("Target"), 2, 0, "heading");

  {
    g_autoptr(GString) note = g_string_new (NULL);

    if (rollup->total > 0)
      /* Translators: %d is the number of facilities. */
      g_string_printf (note, _("Shares are of the province's %" PRId64 " facilities in this database; "
                               "the average saving is weighted by each assessment's output."),
                       rollup->total);
    else
      g_string_assign (note, _("No facility of this province is in the database yet."));

    if (plan != NULL && self->year > sh_record_get_int (plan, "to_year", 0))
      {
        g_string_append_c (note, ' ');
        g_string_append_printf (note, _("The plan ran until %" PRId64 "; its last targets are shown."),
                                sh_record_get_int (plan, "to_year", 0));
      }
    gtk_label_set_text (self->indicators_note, note->str);
  }

  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
}

/* -------------------------------------------------------------------------
 * The chart: actual against target, one pair of bars per indicator
 * ------------------------------------------------------------------------- */

static void
show_text (cairo_t    *cr,
           PangoLayout *layout,
           const char *text,
           double      x,
           double      y,
           double      align)   /* 0 left, 0.5 centre, 1 right of x */
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - align * width, y);
  pango_cairo_show_layout (cr, layout);
}

static void
chart_draw (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  ShDoitPage *self = user_data;
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  GdkRGBA fg;
  double left = 48, right = width - 12, top = 28, bottom = height - 40;
  double plot_h = bottom - top;
  double top_value = 100;
  double group_w;

  /* GTK 4.8 has no gtk_widget_get_color(). */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);

  /* The scale: 0–100 % unless a value goes beyond. */
  for (guint i = 0; i < SH_DOIT_N_INDICATORS; i++)
    {
      if (self->indicators[i].has_value)
        top_value = MAX (top_value, self->indicators[i].value);
      if (self->indicators[i].has_target)
        top_value = MAX (top_value, self->indicators[i].target_max);
    }
  top_value = ceil (top_value / 20) * 20;

  /* Grid lines every 20 %. */
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= top_value + 0.5; v += 20)
    {
      double y = round (bottom - v / top_value * plot_h) + 0.5;
      g_autofree char *text = sh_format_percent (v, 0, SH_NUMBER_STYLE_VI);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, v == 0 ? 0.5 : 0.12);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      show_text (cr, layout, text, left - 6, y - 8, 1);
    }

  /* Legend. */
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_rectangle (cr, left, 6, 12, 12);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.85);
  show_text (cr, layout, _("Actual"), left + 18, 3, 0);
  {
    int w, h;

    pango_layout_get_pixel_size (layout, &w, &h);
    cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.3);
    cairo_rectangle (cr, left + 36 + w, 6, 12, 12);
    cairo_fill (cr);
    cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.85);
    show_text (cr, layout, _("Target"), left + 54 + w, 3, 0);
  }

  group_w = (right - left) / SH_DOIT_N_INDICATORS;
  for (guint i = 0; i < SH_DOIT_N_INDICATORS; i++)
    {
      const Indicator *ind = &self->indicators[i];
      double bar_w = MIN (48, group_w / 3.2);
      double x0 = left + i * group_w + group_w / 2 - bar_w - 3;
      double x1 = left + i * group_w + group_w / 2 + 3;

      if (ind->has_value)
        {
          double h = ind->value / top_value * plot_h;
          g_autofree char *text = format_percent (round (ind->value * 10) / 10);

          cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
          cairo_rectangle (cr, x0, bottom - h, bar_w, h);
          cairo_fill (cr);
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.9);
          show_text (cr, layout, text, x0 + bar_w / 2, bottom - h - 18, 0.5);
        }
      if (ind->has_target)
        {
          double h = ind->target / top_value * plot_h;

          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.3);
          cairo_rectangle (cr, x1, bottom - h, bar_w, h);
          cairo_fill (cr);
          /* A range (8–13 %) is drawn as a whisker up to its upper end. */
          if (ind->target_max > ind->target)
            {
              double h_max = ind->target_max / top_value * plot_h;

              cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
              cairo_set_line_width (cr, 2);
              cairo_move_to (cr, x1 + bar_w / 2, bottom - h);
              cairo_line_to (cr, x1 + bar_w / 2, bottom - h_max);
              cairo_move_to (cr, x1 + bar_w / 4, bottom - h_max);
              cairo_line_to (cr, x1 + 3 * bar_w / 4, bottom - h_max);
              cairo_stroke (cr);
              cairo_set_line_width (cr, 1);
            }
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.9);
          show_text (cr, layout, ind->target_text,
                     x1 + bar_w / 2, bottom - MAX (h, ind->target_max / top_value * plot_h) - 18, 0.5);
        }

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.85);
      show_text (cr, layout, indicator_short_label (i), left + i * group_w + group_w / 2, bottom + 8, 0.5);
    }
}

/* -------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------- */

static void
load (ShDoitPage *self)
{
  g_autofree char *date = g_strdup_printf ("%04d-12-31", self->year);
  g_autoptr(ShRecord) province = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) facilities = g_ptr_array_new ();
  g_autofree char *title = NULL;
  g_autofree char *targets_source = NULL;
  ShRecord *plan;
  const char *plan_deadline = NULL;

  if (self->province_code == NULL)
    return;

  province = sh_refdata_lookup_province (self->store, self->province_code, date, NULL);
  plans = sh_refdata_list_plans (self->store, self->province_code, NULL);
  plan = choose_plan (plans, self->year);

  if (plan != NULL)
    {
      targets = sh_refdata_list_province_targets (self->store, self->province_code, NULL);
      plan_deadline = sh_record_get_string (plan, "report_deadline");
      if (plan_deadline != NULL && strlen (plan_deadline) != 5)
        plan_deadline = NULL;
      targets_source = g_strdup (_("Targets of the plan"));
    }
  else
    {
      targets = sh_refdata_list_instrument_targets (self->store, "1419/QĐ-TTg", NULL);
      targets_source = g_strdup (_("National targets (1419/QĐ-TTg)"));
    }

  if (province != NULL)
    /* Translators: the page's title, e.g. "Sở Công Thương tỉnh Kon Tum". */
    title = g_strdup (sh_worksheet_ref_text (province, "doit_vi", "doit_en"));
  else
    title = g_strdup_printf (_("Department of Industry and Trade, province %s"), self->province_code);
  gtk_label_set_text (self->title_label, title);

  fill_profile (self, province, plan, targets, targets_source);

  /* The same facilities as the roll-up: a merged province's come along. */
  all = sh_report_rollup_list_facilities (self->store, self->province_code, self->year, NULL);
  for (guint i = 0; all != NULL && i < all->len; i++)
    g_ptr_array_add (facilities, all->pdata[i]);
  fill_reports (self, facilities, plan_deadline);
  fill_indicators (self, targets, plan != NULL ? sh_record_get_string (plan, "code") : NULL, plan);
}

/* The provinces that existed at the end of the year, in the dropdown. */
static void
fill_provinces (ShDoitPage *self)
{
  g_autofree char *date = g_strdup_printf ("%04d-12-31", self->year);
  g_autoptr(GPtrArray) provinces = sh_refdata_list_provinces (self->store, date, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_ptr_array_set_size (self->province_codes, 0);
  for (guint i = 0; provinces != NULL && i < provinces->len; i++)
    {
      const char *code = sh_record_get_string (provinces->pdata[i], "code");

      g_ptr_array_add (self->province_codes, g_strdup (code));
      gtk_string_list_append (names, sh_record_get_string (provinces->pdata[i], "name_vi"));
      if (g_strcmp0 (code, self->province_code) == 0)
        selected = i;
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->province_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->province_dropdown, selected);
  self->filling = FALSE;
}

static void
province_dropdown_notify_selected_cb (ShDoitPage  *self,
                                      GParamSpec  *pspec,
                                      GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->filling || selected == GTK_INVALID_LIST_POSITION || selected >= self->province_codes->len)
    return;

  sh_doit_page_set_province (self, self->province_codes->pdata[selected]);
}

static void
year_spin_value_changed_cb (ShDoitPage    *self,
                            GtkSpinButton *spin)
{
  if (self->filling)
    return;

  sh_doit_page_set_year (self, gtk_spin_button_get_value_as_int (spin));
}

/* The province with the most facilities, and the latest year reported. */
static void
choose_defaults (ShDoitPage *self)
{
  g_autoptr(GPtrArray) facilities = sh_store_list (self->store, "facility", NULL, 0, NULL);
  g_autoptr(GPtrArray) reports = sh_store_list (self->store, "annual_report", NULL, 0, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *best = NULL;
  guint best_count = 0;
  int year = 0;

  for (guint i = 0; facilities != NULL && i < facilities->len; i++)
    {
      const char *code = sh_record_get_string (facilities->pdata[i], "province_code");
      guint n;

      if (code == NULL)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, code)) + 1;
      g_hash_table_insert (counts, (gpointer) code, GUINT_TO_POINTER (n));
      if (n > best_count || (n == best_count && strcmp (code, best) < 0))
        {
          best = code;
          best_count = n;
        }
    }
  for (guint i = 0; reports != NULL && i < reports->len; i++)
    year = MAX (year, (int) sh_record_get_int (reports->pdata[i], "year", 0));

  self->year = year > 0 ? year : g_date_time_get_year (now);
  self->province_code = g_strdup (best != NULL ? best : "01");
}

/* -------------------------------------------------------------------------
 * Export
 * ------------------------------------------------------------------------- */

static void
export_rollup_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ShDoitPage *self = SH_DOIT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->province_code == NULL)
    return;

  sh_export_job_choose_and_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                SH_EXPORT_ROLLUP, 0, self->province_code, self->year);
}

static void
export_rollup_workbook_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  ShDoitPage *self = SH_DOIT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->province_code == NULL)
    return;

  sh_export_job_choose_and_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                SH_EXPORT_ROLLUP_WORKBOOK, 0, self->province_code, self->year);
}

/* -------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static void
sh_doit_page_dispose (GObject *object)
{
  ShDoitPage *self = SH_DOIT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SH_TYPE_DOIT_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sh_doit_page_parent_class)->dispose (object);
}

static void
sh_doit_page_finalize (GObject *object)
{
  ShDoitPage *self = SH_DOIT_PAGE (object);

  clear_indicators (self);
  g_clear_pointer (&self->province_codes, g_ptr_array_unref);
  g_clear_pointer (&self->statuses, g_hash_table_unref);
  g_free (self->province_code);
  g_string_free (self->profile_text, TRUE);

  G_OBJECT_CLASS (sh_doit_page_parent_class)->finalize (object);
}

static void
sh_doit_page_class_init (ShDoitPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_doit_page_dispose;
  object_class->finalize = sh_doit_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sachhon/SachHon/ui/sh-doit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShDoitPage, chart_area);
  gtk_widget_class_bind_template_child (widget_class, ShDoitPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, ShDoitPage, indicators_grid);
  gtk_widget_class_bind_template_child (widget_class, ShDoitPage, indicators_note);
  gtk_widget_class_bind_template_child (widget_class, ShDoitPage, profile_grid);
  gtk_widget_class_bind_template_child (widget_class, ShDoitPage, province_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShDoitPage, reports_grid);
  gtk_widget_class_bind_template_child (widget_class, ShDoitPage, reports_heading);
  gtk_widget_class_bind_template_child (widget_class, ShDoitPage, reports_summary_label);
  gtk_widget_class_bind_template_child (widget_class, ShDoitPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ShDoitPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ShDoitPage, year_spin);

  gtk_widget_class_install_action (widget_class, "doit.export-rollup", NULL, export_rollup_action);
  gtk_widget_class_install_action (widget_class, "doit.export-rollup-workbook", NULL,
                                   export_rollup_workbook_action);

  gtk_widget_class_set_css_name (widget_class, "shdoitpage");
}

static void
sh_doit_page_init (ShDoitPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sh_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->province_codes = g_ptr_array_new_with_free_func (g_free);
  self->statuses = g_hash_table_new (NULL, NULL);
  self->profile_text = g_string_new (NULL);
  gtk_drawing_area_set_draw_func (self->chart_area, chart_draw, self, NULL);
}

/* -------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

GtkWidget *
sh_doit_page_new (ShStore *store)
{
  ShDoitPage *self;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);

  self = g_object_new (SH_TYPE_DOIT_PAGE, NULL);
  self->store = g_object_ref (store);

  choose_defaults (self);
  self->filling = TRUE;
  gtk_spin_button_set_value (self->year_spin, self->year);
  self->filling = FALSE;
  fill_provinces (self);
  g_signal_connect_object (self->province_dropdown, "notify::selected",
                           G_CALLBACK (province_dropdown_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_spin, "value-changed",
                           G_CALLBACK (year_spin_value_changed_cb), self, G_CONNECT_SWAPPED);
  load (self);

  return GTK_WIDGET (self);
}

void
sh_doit_page_set_province (ShDoitPage *self,
                           const char *province_code)
{
  g_return_if_fail (SH_IS_DOIT_PAGE (self));
  g_return_if_fail (province_code != NULL);

  if (g_strcmp0 (self->province_code, province_code) == 0)
    return;

  g_free (self->province_code);
  self->province_code = g_strdup (province_code);

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->province_dropdown, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < self->province_codes->len; i++)
    if (g_str_equal (self->province_codes->pdata[i], province_code))
      gtk_drop_down_set_selected (self->province_dropdown, i);
  self->filling = FALSE;

  load (self);
}

const char *
sh_doit_page_get_province (ShDoitPage *self)
{
  g_return_val_if_fail (SH_IS_DOIT_PAGE (self), NULL);

  return self->province_code;
}

void
sh_doit_page_set_year (ShDoitPage *self,
                       int         year)
{
  g_return_if_fail (SH_IS_DOIT_PAGE (self));
  g_return_if_fail (year >= 2000 && year <= 2100);

  if (self->year == year)
    return;

  self->year = year;
  self->filling = TRUE;
  gtk_spin_button_set_value (self->year_spin, year);
  self->filling = FALSE;
  fill_provinces (self);
  load (self);
}

int
sh_doit_page_get_year (ShDoitPage *self)
{
  g_return_val_if_fail (SH_IS_DOIT_PAGE (self), 0);

  return self->year;
}

void
sh_doit_page_reload (ShDoitPage *self)
{
  g_return_if_fail (SH_IS_DOIT_PAGE (self));

  load (self);
}

gboolean
sh_doit_page_get_report_status (ShDoitPage         *self,
                                gint64              facility_id,
                                ShDoitReportStatus *out_status)
{
  gpointer value;

  g_return_val_if_fail (SH_IS_DOIT_PAGE (self), FALSE);

  value = g_hash_table_lookup (self->statuses, GINT_TO_POINTER ((int) facility_id));
  if (value == NULL)
    return FALSE;
  if (out_status != NULL)
    *out_status = GPOINTER_TO_INT (value) - 1;

  return TRUE;
}

const char *
sh_doit_page_get_indicator_text (ShDoitPage      *self,
                                 ShDoitIndicator  indicator)
{
  g_return_val_if_fail (SH_IS_DOIT_PAGE (self), NULL);
  g_return_val_if_fail (indicator < SH_DOIT_N_INDICATORS, NULL);

  return self->indicators[indicator].value_text;
}

const char *
sh_doit_page_get_target_text (ShDoitPage      *self,
                              ShDoitIndicator  indicator)
{
  g_return_val_if_fail (SH_IS_DOIT_PAGE (self), NULL);
  g_return_val_if_fail (indicator < SH_DOIT_N_INDICATORS, NULL);

  return self->indicators[indicator].target_text;
}

gboolean
sh_doit_page_get_indicator (ShDoitPage      *self,
                            ShDoitIndicator  indicator,
                            double          *out_value,
                            double          *out_target)
{
  const Indicator *ind;

  g_return_val_if_fail (SH_IS_DOIT_PAGE (self), FALSE);
  g_return_val_if_fail (indicator < SH_DOIT_N_INDICATORS, FALSE);

  ind = &self->indicators[indicator];
  if (out_value != NULL)
    *out_value = ind->value;
  if (out_target != NULL)
    *out_target = ind->target;

  return ind->has_value && ind->has_target;
}

char *
sh_doit_page_get_profile_text (ShDoitPage *self)
{
  g_return_val_if_fail (SH_IS_DOIT_PAGE (self), NULL);

  return g_strdup (self->profile_text->str);
}

void
sh_doit_page_export_rollup (ShDoitPage *self,
                            GFile      *file)
{
  g_autofree char *path = NULL;
  GtkRoot *root;

  g_return_if_fail (SH_IS_DOIT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  path = g_file_get_path (file);
  sh_export_job_run_and_report (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                path != NULL && sh_xlsx_path_is_xlsx (path)
                                ? SH_EXPORT_ROLLUP_WORKBOOK : SH_EXPORT_ROLLUP,
                                0, self->province_code, self->year, file);
}
