/* sh-task-page.c — one task of a detailed assessment with its worksheets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-task-page.h"
#include "sh-worksheet-costing.h"
#include "sh-worksheet-economics.h"
#include "sh-worksheet-environment.h"
#include "sh-worksheet-flows.h"
#include "sh-worksheet-monitoring.h"
#include "sh-worksheet-production.h"
#include "sh-worksheet-ranking.h"
#include "sh-worksheet-simple.h"
#include "sh-worksheet-util.h"

struct _ShTaskPage
{
  GtkWidget       parent_instance;

  ShEditContext  *ctx;
  guint           task;
  ShCompleteness  completeness;
  GPtrArray      *worksheets;

  GtkLabel       *caption_label;
  GtkLabel       *missing_label;
  GtkImage       *status_icon;
  GtkWidget      *status_box;
  GtkLabel       *status_label;
  GtkLabel       *term_label;
  GtkLabel       *title_label;
  GtkBox         *worksheets_box;
};

G_DEFINE_FINAL_TYPE (ShTaskPage, sh_task_page, GTK_TYPE_WIDGET)

/* The worksheets of each task (DOMAIN.md §2.4), in the order they are
 * filled in. */
static void
build_worksheets (ShTaskPage *self)
{
  ShEditContext *ctx = self->ctx;
  GtkWidget *sheets[4] = { NULL, };

  switch (self->task)
    {
    case 1:
      sheets[0] = sh_worksheet_build_assessment_info (ctx);
      sheets[1] = sh_worksheet_build_team (ctx);
      break;
    case 2:
      sheets[0] = sh_worksheet_build_steps (ctx);
      sheets[1] = sh_worksheet_build_baseline_period (ctx);
      sheets[2] = sh_worksheet_production_new (ctx, TRUE);
      break;
    case 3:
      sheets[0] = sh_worksheet_build_waste_streams (ctx);
      sheets[1] = sh_worksheet_build_focus (ctx);
      break;
    case 4:
      sheets[0] = sh_worksheet_flows_new (ctx, SH_WORKSHEET_FLOWS_DIAGRAM);
      break;
    case 5:
      sheets[0] = sh_worksheet_flows_new (ctx, SH_WORKSHEET_FLOWS_BALANCE);
      break;
    case 6:
      sheets[0] = sh_worksheet_costing_new (ctx);
      break;
    case 7:
      sheets[0] = sh_worksheet_build_causes (ctx);
      break;
    case 8:
      sheets[0] = sh_worksheet_build_options (ctx);
      break;
    case 9:
      sheets[0] = sh_worksheet_build_screening (ctx);
      break;
    case 10:
      sheets[0] = sh_worksheet_build_technical (ctx);
      break;
    case 11:
      sheets[0] = sh_worksheet_economics_new (ctx, FALSE);
      break;
    case 12:
      sheets[0] = sh_worksheet_environment_new (ctx);
      break;
    case 13:
      sheets[0] = sh_worksheet_ranking_new (ctx);
      break;
    case 14:
      sheets[0] = sh_worksheet_build_action_plan (ctx);
      break;
    case 15:
      sheets[0] = sh_worksheet_build_implementation (ctx);
      break;
    case 16:
      sheets[0] = sh_worksheet_monitoring_new (ctx);
      break;
    case 17:
      sheets[0] = sh_worksheet_build_sustain (ctx);
      break;
    case 18:
      sheets[0] = sh_worksheet_build_next_focus (ctx);
      sheets[1] = sh_worksheet_section_new (_("Signatures"),
                                            _("Who signs the report for the consultants and for the enterprise, and when."),
                                            sh_worksheet_build_signatures (ctx));
      break;
    default:
      g_assert_not_reached ();
    }

  for (guint i = 0; i < G_N_ELEMENTS (sheets) && sheets[i] != NULL; i++)
    {
      g_ptr_array_add (self->worksheets, sheets[i]);
      gtk_box_append (self->worksheets_box, sheets[i]);
    }
}

static void
sh_task_page_dispose (GObject *object)
{
  ShTaskPage *self = SH_TASK_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SH_TYPE_TASK_PAGE);
  /* The template's top box has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->worksheets, g_ptr_array_unref);
  g_clear_object (&self->ctx);

  G_OBJECT_CLASS (sh_task_page_parent_class)->dispose (object);
}

static void
sh_task_page_class_init (ShTaskPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_task_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "taskpage");
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sachhon/SachHon/ui/sh-task-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShTaskPage, caption_label);
  gtk_widget_class_bind_template_child (widget_class, ShTaskPage, missing_label);
  gtk_widget_class_bind_template_child (widget_class, ShTaskPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, ShTaskPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, ShTaskPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ShTaskPage, term_label);
  gtk_widget_class_bind_template_child (widget_class, ShTaskPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ShTaskPage, worksheets_box);
}

static void
sh_task_page_init (ShTaskPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->worksheets = g_ptr_array_new ();
}

GtkWidget *
sh_task_page_new (ShEditContext *ctx,
                  guint          task)
{
  ShTaskPage *self;
  const ShTaskInfo *info;
  const ShStepInfo *step;
  g_autofree char *caption = NULL;
  const char *title;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);
  g_return_val_if_fail (task >= 1 && task <= SH_TASKS_N_TASKS, NULL);

  self = g_object_new (SH_TYPE_TASK_PAGE, NULL);
  self->ctx = g_object_ref (ctx);
  self->task = task;

  info = sh_tasks_get_task (task);
  step = sh_tasks_get_step (info->step);
  title = _(info->name);
  /* Translators: above a task's title: step, task and worksheet numbers,
   * e.g. "Step 2 · Task 5 · Worksheets W6, W7". */
  caption = g_strdup_printf (_("Step %u · Task %u · Worksheets %s"), step->number, info->number,
                             info->worksheets);
  gtk_label_set_text (self->caption_label, caption);
  gtk_label_set_text (self->title_label, title);
  /* The method's Vietnamese term, which the title already says when the
   * interface is in Vietnamese. */
  gtk_label_set_text (self->term_label, info->name_vi);
  gtk_widget_set_visible (GTK_WIDGET (self->term_label),
                          !sh_worksheet_prefers_vietnamese () && g_strcmp0 (title, info->name_vi) != 0);

  build_worksheets (self);
  sh_task_page_set_status (self, NULL);

  return GTK_WIDGET (self);
}

guint
sh_task_page_get_task (ShTaskPage *self)
{
  g_return_val_if_fail (SH_IS_TASK_PAGE (self), 0);

  return self->task;
}

void
sh_task_page_set_status (ShTaskPage         *self,
                         const ShTaskStatus *status)
{
  static const char * const classes[] = {
    [SH_COMPLETENESS_EMPTY] = "task-state-empty",
    [SH_COMPLETENESS_PARTIAL] = "task-state-partial",
    [SH_COMPLETENESS_DONE] = "task-state-done",
  };
  ShCompleteness state = status != NULL ? status->completeness : SH_COMPLETENESS_EMPTY;
  g_autoptr(GString) missing = g_string_new (NULL);

  g_return_if_fail (SH_IS_TASK_PAGE (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), classes[self->completeness]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), classes[state]);
  gtk_image_set_from_icon_name (self->status_icon, sh_worksheet_completeness_icon (state));
  gtk_label_set_text (self->status_label, sh_worksheet_completeness_label (state));
  self->completeness = state;

  if (status != NULL && status->missing != NULL && status->missing->len > 0)
    {
      g_string_append (missing, _("Still missing:"));
      for (guint i = 0; i < status->missing->len; i++)
        g_string_append_printf (missing, "\n•  %s", (const char *) status->missing->pdata[i]);
    }
  else if (state == SH_COMPLETENESS_DONE)
    g_string_append (missing, _("Everything this task needs is recorded."));
  else
    g_string_append (missing, _("Nothing is recorded for this task yet."));

  gtk_label_set_text (self->missing_label, missing->str);
}

ShCompleteness
sh_task_page_get_completeness (ShTaskPage *self)
{
  g_return_val_if_fail (SH_IS_TASK_PAGE (self), SH_COMPLETENESS_EMPTY);

  return self->completeness;
}

GPtrArray *
sh_task_page_get_worksheets (ShTaskPage *self)
{
  g_return_val_if_fail (SH_IS_TASK_PAGE (self), NULL);

  return self->worksheets;
}

GtkWidget *
sh_task_page_find_worksheet (ShTaskPage *self,
                             GType       type)
{
  g_return_val_if_fail (SH_IS_TASK_PAGE (self), NULL);

  for (guint i = 0; i < self->worksheets->len; i++)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (self->worksheets->pdata[i], type))
        return self->worksheets->pdata[i];
    }

  return NULL;
}
