/* sh-task-sidebar.h — the 6 steps and 18 tasks of a detailed assessment, as a sidebar.
 *
 * Each task shows how complete it is (sh_tasks_compute): an empty circle,
 * a half-filled one, or a check. Selecting a task emits "task-selected".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-tasks.h"

G_BEGIN_DECLS

#define SH_TYPE_TASK_SIDEBAR (sh_task_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (ShTaskSidebar, sh_task_sidebar, SH, TASK_SIDEBAR, GtkWidget)

GtkWidget      *sh_task_sidebar_new                (void);

/* @statuses: the 18 ShTaskStatus of sh_tasks_compute(), in order. */
void            sh_task_sidebar_set_statuses       (ShTaskSidebar *self,
                                                    GPtrArray     *statuses);
ShCompleteness  sh_task_sidebar_get_completeness   (ShTaskSidebar *self,
                                                    guint          task);
/* The icon shown beside @task. */
const char     *sh_task_sidebar_get_icon_name      (ShTaskSidebar *self,
                                                    guint          task);

/* 1–18; selecting emits "task-selected" as a click does. */
void            sh_task_sidebar_select_task        (ShTaskSidebar *self,
                                                    guint          task);
guint           sh_task_sidebar_get_selected_task  (ShTaskSidebar *self);

G_END_DECLS
