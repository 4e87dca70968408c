/* sh-tasks.h — the 6 steps and 18 tasks, and how complete each one is.
 *
 * The assessment editor navigates a detailed (or follow-up) assessment by
 * the 6 steps and 18 tasks of the UNIDO/VNCPC method (DOMAIN.md §2.2), and
 * a quick assessment by the sections of its output form (§2.3). Each task
 * or section is EMPTY (nothing entered for it), PARTIAL (something, not
 * all) or DONE, computed from what is stored, with a translated list of
 * what is missing.
 *
 * Terms used below:
 *  - focus streams: waste streams marked is_focus;
 *  - focus steps: the process steps of the focus streams, or every process
 *    step when no focus stream names one;
 *  - candidates: the selected options; before any is selected, the options
 *    screened "implement now" or "analyse further";
 *  - flows count in the baseline phase.
 *
 * Rules for the 18 tasks (a task whose list of things to check is empty,
 * because an earlier task has produced nothing yet, is EMPTY):
 *  1  Team (W1): DONE with ≥ 2 team members (leader or member) of the
 *     facility including a leader; PARTIAL with any team row; else EMPTY.
 *  2  Process steps and norms (W2, W3): DONE with ≥ 1 process step, a
 *     baseline production record, a baseline resource consumption record
 *     and the baseline period (from and to); PARTIAL with some of them.
 *  3  Waste streams and focus (W4): DONE with ≥ 1 waste stream, ≥ 1 focus
 *     stream, a reason for every focus stream and the assessment's focus
 *     text; PARTIAL with any waste stream or focus text.
 *  4  Flow chart (W5): DONE when every focus step has a flow in or out;
 *     PARTIAL when some has.
 *  5  Material and energy balance (W6, W7): DONE when every focus step has
 *     flows both in and out; PARTIAL when some step has a flow (a step with
 *     one side only is listed as missing the other).
 *  6  Waste-stream costs (W8): DONE when every waste stream has a cost
 *     (material, energy, treatment or fees > 0); PARTIAL when some has.
 *  7  Causes (W9): DONE when every focus stream has a cause; PARTIAL with
 *     any cause.
 *  8  Options (W10): DONE with ≥ 1 option and every option linked to a
 *     process step or a cause (its category is always set); PARTIAL with
 *     any option.
 *  9  Screening (W11): DONE when every option is screened and every
 *     rejected one has a reason; PARTIAL when some is screened.
 *  10 Technical feasibility (W12): every option screened "analyse further"
 *     needs a technical verdict. DONE when all have one (or, all options
 *     being screened, none needs one); PARTIAL when some have.
 *  11 Economic feasibility (W13): every candidate needs an investment (or
 *     cost class "none") and a saving (a saving row or an avoided cost).
 *     DONE when all have both; PARTIAL when any has either.
 *  12 Environmental aspects (W14): DONE when every candidate has an
 *     environmental effect; PARTIAL when some has.
 *  13 Selection (W15): DONE with ≥ 1 criterion of weight > 0, ≥ 1 selected
 *     option and a score for every selected option on every criterion;
 *     PARTIAL with any criterion, score or selection.
 *  14 Action plan (W16): DONE when every selected option has an action
 *     item; PARTIAL with any action item.
 *  15 Implementation (W16): DONE when every selected option is in progress
 *     or implemented and has a start date (actual, or planned while in
 *     progress); PARTIAL when some is.
 *  16 Monitoring (W17): DONE with ≥ 1 monitoring record and every record
 *     having a baseline and a measured value; PARTIAL with any record.
 *  17 Sustaining (W18): SOPs, training and KPIs; DONE with all three,
 *     PARTIAL with some.
 *  18 Next focus (W18): next focus and next review date; DONE with both,
 *     PARTIAL with one.
 *
 * Rules for the 7 quick-assessment sections:
 *  1 Facility data: address, province, sector, employees, a product, and
 *    the operating regime (of the assessment, or the facility's operating
 *    days); DONE with all, PARTIAL with some.
 *  2 Production and consumption: ≥ 1 production record, ≥ 1 consumption
 *    record, a unit price on every consumption record.
 *  3 Walk-through checklist: when the facility's sector has a reference
 *    checklist, every item answered; otherwise ≥ 1 answer and every
 *    answer given. PARTIAL with any answer row.
 *  4 Observations: ≥ 1, each with a location or a process step.
 *  5 Quick wins: ≥ 1 quick-win option, each with a saving (a saving row or
 *    an avoided cost) and a cost (an investment or cost class "none").
 *  6 Focus and recommendation: proposed focus, CP potential %,
 *    recommendation and whether to continue.
 *  7 Signatures: consultant's and facility's names and dates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-store.h"

G_BEGIN_DECLS

#define SH_TASKS_N_STEPS 6
#define SH_TASKS_N_TASKS 18
#define SH_TASKS_N_QUICK_SECTIONS 7

typedef enum
{
  SH_COMPLETENESS_EMPTY,
  SH_COMPLETENESS_PARTIAL,
  SH_COMPLETENESS_DONE,
} ShCompleteness;

typedef struct
{
  guint       number;       /* 1–6 */
  const char *name;         /* English; show it with _() */
  const char *name_vi;      /* the Vietnamese term of the method */
} ShStepInfo;

/* A task of the detailed method, or a section of the quick form. */
typedef struct
{
  guint       number;       /* task 1–18, or section 1–7 */
  guint       step;         /* 1–6; 0 for a quick-assessment section */
  const char *name;         /* English; show it with _() */
  const char *name_vi;      /* the Vietnamese term */
  const char *worksheets;   /* "W1", "W6, W7", … (DOMAIN.md §2.4); NULL for sections */
} ShTaskInfo;

typedef struct
{
  const ShTaskInfo *info;
  ShCompleteness    completeness;
  GPtrArray        *missing;      /* char *, translated, one item each */
} ShTaskStatus;

const ShStepInfo *sh_tasks_get_step           (guint          number);
const ShTaskInfo *sh_tasks_get_task           (guint          number);
const ShTaskInfo *sh_tasks_get_quick_section  (guint          number);
const char       *sh_completeness_to_string   (ShCompleteness completeness);

/* The status of every task (detailed and follow-up assessments, 18 in
 * order) or of every section (quick assessments, 7 in order). Element
 * type: ShTaskStatus. */
GPtrArray        *sh_tasks_compute            (ShStore       *store,
                                               gint64         assessment_id,
                                               GError       **error);

/* Whether the assessment is complete enough to finalize: every task (or
 * section) DONE, and for a detailed assessment the signatures too. When it
 * is not, returns FALSE with @error unset and @missing (translated, each
 * item prefixed by its task) saying what is missing. On a database error
 * returns FALSE with @error set. */
gboolean          sh_tasks_check_finalize     (ShStore       *store,
                                               gint64         assessment_id,
                                               GPtrArray    **missing,
                                               GError       **error);

void              sh_task_status_free         (ShTaskStatus  *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShTaskStatus, sh_task_status_free)

G_END_DECLS
