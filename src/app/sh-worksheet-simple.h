/* sh-worksheet-simple.h — the worksheets that are forms and tables only.
 *
 * Each function builds one worksheet (DOMAIN.md §2.4) from the editing
 * kit's fields and record tables; what they show follows the edit context
 * by itself, so these need no state of their own. The worksheets that
 * compute something live have their own types (sh-worksheet-*.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"

G_BEGIN_DECLS

/* Quick assessment, section 1: the facility, its products, the visit. */
GtkWidget *sh_worksheet_build_facility          (ShEditContext *ctx);
/* Quick assessment, sections 6 and 7. */
GtkWidget *sh_worksheet_build_recommendation    (ShEditContext *ctx);
GtkWidget *sh_worksheet_build_signatures        (ShEditContext *ctx);

/* Task 1: the assessment itself; W1 the CP team. */
GtkWidget *sh_worksheet_build_assessment_info   (ShEditContext *ctx);
GtkWidget *sh_worksheet_build_team              (ShEditContext *ctx);
/* Task 2: W2 process steps and their equipment; the baseline period. */
GtkWidget *sh_worksheet_build_steps             (ShEditContext *ctx);
GtkWidget *sh_worksheet_build_baseline_period   (ShEditContext *ctx);
/* Task 3: W4 waste streams; the focus of the assessment. */
GtkWidget *sh_worksheet_build_waste_streams     (ShEditContext *ctx);
GtkWidget *sh_worksheet_build_focus             (ShEditContext *ctx);
/* Task 7: W9 causes. */
GtkWidget *sh_worksheet_build_causes            (ShEditContext *ctx);
/* Task 8: W10 options, with the sector's option library. */
GtkWidget *sh_worksheet_build_options           (ShEditContext *ctx);
/* Task 9: W11 screening. */
GtkWidget *sh_worksheet_build_screening         (ShEditContext *ctx);
/* Task 10: W12 technical feasibility. */
GtkWidget *sh_worksheet_build_technical         (ShEditContext *ctx);
/* Task 14: W16 action plan. */
GtkWidget *sh_worksheet_build_action_plan       (ShEditContext *ctx);
/* Task 15: W16 implementation status of the options. */
GtkWidget *sh_worksheet_build_implementation    (ShEditContext *ctx);
/* Tasks 17 and 18: W18. */
GtkWidget *sh_worksheet_build_sustain           (ShEditContext *ctx);
GtkWidget *sh_worksheet_build_next_focus        (ShEditContext *ctx);

G_END_DECLS
