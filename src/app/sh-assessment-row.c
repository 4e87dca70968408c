/* sh-assessment-row.c — one assessment in a facility's list of assessments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-assessment-row.h"
#include "sh-format.h"

struct _ShAssessmentRow
{
  GtkListBoxRow  parent_instance;

  ShRecord      *assessment;

  GtkLabel      *dates_label;
  GtkLabel      *kind_label;
  GtkLabel      *status_label;
  GtkLabel      *title_label;
};

G_DEFINE_FINAL_TYPE (ShAssessmentRow, sh_assessment_row, GTK_TYPE_LIST_BOX_ROW)

const char *
sh_assessment_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "quick") == 0)
    return _("Quick assessment");
  if (g_strcmp0 (kind, "detailed") == 0)
    return _("Detailed assessment");
  if (g_strcmp0 (kind, "follow_up") == 0)
    return _("Follow-up assessment");

  return kind != NULL ? kind : "";
}

const char *
sh_assessment_status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return _("Draft");
  if (g_strcmp0 (status, "finalized") == 0)
    return _("Finalized");
  if (g_strcmp0 (status, "submitted") == 0)
    return _("Submitted");

  return status != NULL ? status : "";
}

/* Storage keeps ISO 8601; people read dd/mm/yyyy. Anything that is not a
 * valid date is shown as stored rather than hidden. */
static char *
format_date (const char *iso)
{
  char *text;

  if (iso == NULL || *iso == '\0')
    return NULL;

  text = sh_format_date (iso);
  return text != NULL ? text : g_strdup (iso);
}

static char *
format_dates (ShRecord *assessment)
{
  g_autofree char *start = format_date (sh_record_get_string (assessment, "start_date"));
  g_autofree char *end = format_date (sh_record_get_string (assessment, "end_date"));

  if (start != NULL && end != NULL)
    /* Translators: a period of time, from the first date to the second. */
    return g_strdup_printf (_("%s – %s"), start, end);
  if (start != NULL)
    /* Translators: the first day of an assessment that has no end date yet. */
    return g_strdup_printf (_("from %s"), start);
  if (end != NULL)
    /* Translators: the last day of an assessment whose start is unknown. */
    return g_strdup_printf (_("until %s"), end);

  return g_strdup (_("No dates"));
}

static void
sh_assessment_row_finalize (GObject *object)
{
  ShAssessmentRow *self = SH_ASSESSMENT_ROW (object);

  g_clear_pointer (&self->assessment, sh_record_unref);

  G_OBJECT_CLASS (sh_assessment_row_parent_class)->finalize (object);
}

static void
sh_assessment_row_class_init (ShAssessmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sh_assessment_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sachhon/SachHon/ui/sh-assessment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentRow, dates_label);
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentRow, title_label);
}

static void
sh_assessment_row_init (ShAssessmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sh_assessment_row_new (ShRecord *assessment)
{
  ShAssessmentRow *self;
  const char *title;
  const char *kind;
  const char *status;
  g_autofree char *dates = NULL;
  g_autofree char *status_class = NULL;
  g_autofree char *accessible = NULL;

  g_return_val_if_fail (assessment != NULL, NULL);

  self = g_object_new (SH_TYPE_ASSESSMENT_ROW, NULL);
  self->assessment = sh_record_ref (assessment);

  title = sh_record_get_string (assessment, "title");
  kind = sh_assessment_kind_label (sh_record_get_string (assessment, "kind"));
  status = sh_record_get_string (assessment, "status");
  dates = format_dates (assessment);

  /* Without its own title an assessment is named by its kind, shown once. */
  if (title != NULL && *title != '\0')
    {
      gtk_label_set_text (self->title_label, title);
      gtk_label_set_text (self->kind_label, kind);
    }
  else
    {
      gtk_label_set_text (self->title_label, kind);
      gtk_widget_set_visible (GTK_WIDGET (self->kind_label), FALSE);
    }

  gtk_label_set_text (self->status_label, sh_assessment_status_label (status));
  status_class = g_strdup_printf ("status-%s", status != NULL ? status : "unknown");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_class);
  gtk_label_set_text (self->dates_label, dates);

  if (gtk_widget_get_visible (GTK_WIDGET (self->kind_label)))
    accessible = g_strjoin (", ", title, kind, gtk_label_get_text (self->status_label), dates, NULL);
  else
    accessible = g_strjoin (", ", kind, gtk_label_get_text (self->status_label), dates, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return GTK_WIDGET (self);
}

ShRecord *
sh_assessment_row_get_assessment (ShAssessmentRow *self)
{
  g_return_val_if_fail (SH_IS_ASSESSMENT_ROW (self), NULL);

  return self->assessment;
}
