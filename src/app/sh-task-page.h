/* sh-task-page.h — one task of a detailed assessment with its worksheets.
 *
 * The page names the task (in the interface language and in the method's
 * Vietnamese), says how complete it is and what is missing, and holds the
 * worksheets (W1–W18) where the task's data is entered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"
#include "sh-tasks.h"

G_BEGIN_DECLS

#define SH_TYPE_TASK_PAGE (sh_task_page_get_type ())

G_DECLARE_FINAL_TYPE (ShTaskPage, sh_task_page, SH, TASK_PAGE, GtkWidget)

GtkWidget      *sh_task_page_new               (ShEditContext      *ctx,
                                                guint               task);
guint           sh_task_page_get_task          (ShTaskPage         *self);
void            sh_task_page_set_status        (ShTaskPage         *self,
                                                const ShTaskStatus *status);
ShCompleteness  sh_task_page_get_completeness  (ShTaskPage         *self);
/* The worksheets on the page, in order (element type GtkWidget). */
GPtrArray      *sh_task_page_get_worksheets    (ShTaskPage         *self);
/* The worksheet of @type on the page, or NULL. */
GtkWidget      *sh_task_page_find_worksheet    (ShTaskPage         *self,
                                                GType               type);

G_END_DECLS
