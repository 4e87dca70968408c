/* sh-task-sidebar.c — the 6 steps and 18 tasks of a detailed assessment, as a sidebar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-task-sidebar.h"
#include "sh-worksheet-util.h"

struct _ShTaskSidebar
{
  GtkWidget       parent_instance;

  GtkListBox     *list;
  GtkProgressBar *progress_bar;
  GtkLabel       *progress_label;

  GtkListBoxRow  *rows[SH_TASKS_N_TASKS];
  GtkImage       *icons[SH_TASKS_N_TASKS];
  ShCompleteness  completeness[SH_TASKS_N_TASKS];
};

G_DEFINE_FINAL_TYPE (ShTaskSidebar, sh_task_sidebar, GTK_TYPE_WIDGET)

enum
{
  TASK_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
row_task (GtkListBoxRow *row)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sh-task"));
}

static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  const ShTaskInfo *info = sh_tasks_get_task (row_task (row));
  const ShStepInfo *step;
  GtkWidget *header;
  g_autofree char *text = NULL;

  if (before != NULL && sh_tasks_get_task (row_task (before))->step == info->step)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (gtk_list_box_row_get_header (row) != NULL)
    return;

  step = sh_tasks_get_step (info->step);
  /* Translators: a step of the method in the sidebar, e.g. "Step 2 · Analysing process steps". */
  text = g_strdup_printf (_("Step %u · %s"), step->number, _(step->name));
  header = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, before != NULL ? 14 : 4);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_widget_add_css_class (header, "step-header");
  gtk_widget_set_tooltip_text (header, step->name_vi);
  gtk_list_box_row_set_header (row, header);
}

static void
update_row_accessible (ShTaskSidebar *self,
                       guint          index)
{
  const ShTaskInfo *info = sh_tasks_get_task (index + 1);
  const char *state = sh_worksheet_completeness_label (self->completeness[index]);
  /* Translators: what a screen reader says for a task: number, name, state. */
  g_autofree char *label = g_strdup_printf (_("Task %u, %s: %s"), info->number, _(info->name), state);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows[index]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->icons[index]), state);
}

static void
build_rows (ShTaskSidebar *self)
{
  for (guint i = 0; i < SH_TASKS_N_TASKS; i++)
    {
      const ShTaskInfo *info = sh_tasks_get_task (i + 1);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *icon = gtk_image_new_from_icon_name (sh_worksheet_completeness_icon (SH_COMPLETENESS_EMPTY));
      g_autofree char *number = g_strdup_printf ("%u", info->number);
      GtkWidget *number_label = gtk_label_new (number);
      GtkWidget *name_label = gtk_label_new (_(info->name));
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_widget_add_css_class (icon, "task-state");
      gtk_widget_add_css_class (icon, "task-state-empty");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_widget_set_margin_top (icon, 1);
      gtk_label_set_width_chars (GTK_LABEL (number_label), 2);
      gtk_label_set_xalign (GTK_LABEL (number_label), 1);
      gtk_label_set_yalign (GTK_LABEL (number_label), 0);
      gtk_widget_add_css_class (number_label, "dim-label");
      gtk_widget_add_css_class (number_label, "numeric");
      gtk_label_set_xalign (GTK_LABEL (name_label), 0);
      gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (name_label), 26);
      gtk_widget_set_hexpand (name_label, TRUE);

      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), number_label);
      gtk_box_append (GTK_BOX (box), name_label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_set_tooltip_text (row, info->name_vi);
      g_object_set_data (G_OBJECT (row), "sh-task", GUINT_TO_POINTER (info->number));

      self->rows[i] = GTK_LIST_BOX_ROW (row);
      self->icons[i] = GTK_IMAGE (icon);
      self->completeness[i] = SH_COMPLETENESS_EMPTY;
      gtk_list_box_append (self->list, row);
      update_row_accessible (self, i);
    }
}

static void
list_row_selected_cb (ShTaskSidebar *self,
                      GtkListBoxRow *row,
                      GtkListBox    *list)
{
  if (row != NULL)
    g_signal_emit (self, signals[TASK_SELECTED], 0, row_task (row));
}

static void
sh_task_sidebar_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), SH_TYPE_TASK_SIDEBAR);
  /* The template's top box has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sh_task_sidebar_parent_class)->dispose (object);
}

static void
sh_task_sidebar_class_init (ShTaskSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_task_sidebar_dispose;

  /**
   * ShTaskSidebar::task-selected:
   * @task: the task, 1–18
   */
  signals[TASK_SELECTED] =
    g_signal_new ("task-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tasksidebar");
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sachhon/SachHon/ui/sh-task-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, ShTaskSidebar, list);
  gtk_widget_class_bind_template_child (widget_class, ShTaskSidebar, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ShTaskSidebar, progress_label);
  gtk_widget_class_bind_template_callback (widget_class, list_row_selected_cb);
}

static void
sh_task_sidebar_init (ShTaskSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->list, update_header_cb, NULL, NULL);
  build_rows (self);
  sh_task_sidebar_set_statuses (self, NULL);
}

GtkWidget *
sh_task_sidebar_new (void)
{
  return g_object_new (SH_TYPE_TASK_SIDEBAR, NULL);
}

void
sh_task_sidebar_set_statuses (ShTaskSidebar *self,
                              GPtrArray     *statuses)
{
  static const char * const classes[] = {
    [SH_COMPLETENESS_EMPTY] = "task-state-empty",
    [SH_COMPLETENESS_PARTIAL] = "task-state-partial",
    [SH_COMPLETENESS_DONE] = "task-state-done",
  };
  guint n_done = 0;
  g_autofree char *progress = NULL;

  g_return_if_fail (SH_IS_TASK_SIDEBAR (self));
  g_return_if_fail (statuses == NULL || statuses->len == SH_TASKS_N_TASKS);

  for (guint i = 0; i < SH_TASKS_N_TASKS; i++)
    {
      ShCompleteness state = SH_COMPLETENESS_EMPTY;

      if (statuses != NULL)
        state = ((ShTaskStatus *) statuses->pdata[i])->completeness;
      if (state == SH_COMPLETENESS_DONE)
        n_done++;

      if (state != self->completeness[i])
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->icons[i]), classes[self->completeness[i]]);
          gtk_widget_add_css_class (GTK_WIDGET (self->icons[i]), classes[state]);
          gtk_image_set_from_icon_name (self->icons[i], sh_worksheet_completeness_icon (state));
          self->completeness[i] = state;
        }
      update_row_accessible (self, i);
    }

  /* Translators: progress of a detailed assessment, e.g. "Tasks complete: 12 of 18". */
  progress = g_strdup_printf (_("Tasks complete: %u of %u"), n_done, SH_TASKS_N_TASKS);
  gtk_label_set_text (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) n_done / SH_TASKS_N_TASKS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, progress,
                                  -1);
}

ShCompleteness
sh_task_sidebar_get_completeness (ShTaskSidebar *self,
                                  guint          task)
{
  g_return_val_if_fail (SH_IS_TASK_SIDEBAR (self), SH_COMPLETENESS_EMPTY);
  g_return_val_if_fail (task >= 1 && task <= SH_TASKS_N_TASKS, SH_COMPLETENESS_EMPTY);

  return self->completeness[task - 1];
}

const char *
sh_task_sidebar_get_icon_name (ShTaskSidebar *self,
                               guint          task)
{
  g_return_val_if_fail (SH_IS_TASK_SIDEBAR (self), NULL);
  g_return_val_if_fail (task >= 1 && task <= SH_TASKS_N_TASKS, NULL);

  return gtk_image_get_icon_name (self->icons[task - 1]);
}

void
sh_task_sidebar_select_task (ShTaskSidebar *self,
                             guint          task)
{
  g_return_if_fail (SH_IS_TASK_SIDEBAR (self));
  g_return_if_fail (task >= 1 && task <= SH_TASKS_N_TASKS);

  gtk_list_box_select_row (self->list, self->rows[task - 1]);
}

guint
sh_task_sidebar_get_selected_task (ShTaskSidebar *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SH_IS_TASK_SIDEBAR (self), 0);

  row = gtk_list_box_get_selected_row (self->list);
  return row != NULL ? row_task (row) : 0;
}
