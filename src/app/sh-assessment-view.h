/* sh-assessment-view.h — one assessment, open for editing.
 *
 * A header names the assessment, its facility, kind and status, with
 * Undo and Redo, a quiet "saved" indicator, Finalize and Reopen. Below it
 * a quick assessment is one scrolling form (ShQuickForm); a detailed one
 * is a sidebar of the 6 steps and 18 tasks with a page per task
 * (ShTaskPage). Every edit is saved at once through the view's edit
 * context; completeness is recomputed after each burst of edits.
 *
 * Actions (group "assessment"): undo (Ctrl+Z), redo (Ctrl+Shift+Z,
 * Ctrl+Y), finalize, reopen, start-detailed. Finalize lists what is
 * missing, in words, or finalizes after a confirmation, which makes
 * everything read-only; reopen asks for a reason (kept in the audit
 * trail) and refuses an empty one. Start-detailed (quick assessments)
 * creates a detailed assessment that inherits the quick one's data and
 * shows it in this view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"
#include "sh-store.h"

G_BEGIN_DECLS

#define SH_TYPE_ASSESSMENT_VIEW (sh_assessment_view_get_type ())

G_DECLARE_FINAL_TYPE (ShAssessmentView, sh_assessment_view, SH, ASSESSMENT_VIEW, GtkWidget)

GtkWidget     *sh_assessment_view_new               (ShStore          *store,
                                                     gint64            assessment_id);

/* The assessment shown ("assessment-id"; changes after start-detailed). */
gint64         sh_assessment_view_get_assessment_id (ShAssessmentView *self);
/* NULL when the assessment could not be opened. */
ShEditContext *sh_assessment_view_get_context       (ShAssessmentView *self);

/* Shows task 1–18 of a detailed assessment, or section 1–7 of a quick one. */
void           sh_assessment_view_show_task         (ShAssessmentView *self,
                                                     guint             task);
/* The page of task 1–18 (an ShTaskPage, built when first asked for), or
 * NULL for a quick assessment. */
GtkWidget     *sh_assessment_view_get_task_page     (ShAssessmentView *self,
                                                     guint             task);
/* The dialog the view shows now (finalize, missing items, reopen), or NULL. */
GtkWindow     *sh_assessment_view_get_dialog        (ShAssessmentView *self);

/* A part of the view by its template id ("title_label", "status_label",
 * "subtitle_label", "saved_label", "locked_banner", "undo_button",
 * "redo_button", "finalize_button", "reopen_button",
 * "start_detailed_button", "quick_form", "sidebar", "task_stack"), or NULL. */
GtkWidget     *sh_assessment_view_get_part          (ShAssessmentView *self,
                                                     const char       *name);

G_END_DECLS
