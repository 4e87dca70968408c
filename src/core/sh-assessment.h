/* sh-assessment.h — operations on a whole assessment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-record.h"
#include "sh-store.h"

G_BEGIN_DECLS

/* Creates a new assessment from @assessment (a record of the table
 * "assessment" with at least facility_id and kind) in one transaction.
 * When its facility has a sector, the assessment starts with that sector's
 * process-step template from the reference data (công đoạn mẫu): one
 * process step per template step, named in the assessment's language, its
 * typical inputs and outputs written in the step's description. On any
 * failure nothing is created. */
gboolean     sh_assessment_create          (ShStore      *store,
                                            ShRecord     *assessment,
                                            gint64       *new_id,
                                            GError      **error);

/* Adds the step template of the facility's sector to an assessment that has
 * no process steps yet; one that has steps keeps them and gets none. Must
 * run inside a transaction of the caller's. @n_added (may be NULL) receives
 * the number of steps added, 0 when the facility has no sector or the
 * sector no template. */
gboolean     sh_assessment_apply_step_template (ShStore  *store,
                                                gint64    assessment_id,
                                                guint    *n_added,
                                                GError  **error);

/* Starts a detailed assessment from a quick one (which may be finalized; it
 * is only read), in one transaction, so that nothing is typed twice. The new
 * assessment is a draft of the same facility whose parent_assessment_id is
 * the quick one. It takes, with new UUIDs and its own ids:
 *  - the quick one's settings: scope, funding source, baseline period,
 *    operating regime, environmental status, language, balance tolerance,
 *    discount rate, life and target band; its proposed focus becomes the
 *    focus;
 *  - its consultants (assessment_consultant);
 *  - its process steps with their equipment, its production and resource
 *    consumption records, and its flows (step ids remapped);
 *  - its waste streams (step ids remapped) and their causes;
 *  - its options (quick wins and any other) as proposed, unselected options
 *    without actual dates, with their investments, savings, environmental
 *    effects and cause links.
 * A quick assessment without process steps leaves the detailed one to the
 * sector's step template, as sh_assessment_create() does; steps inherited
 * from the quick one always win over the template.
 * Observations, checklist answers, evidence, recommendation and signatures
 * stay with the quick assessment: they are its record of the walk-through.
 * The team and the products belong to the facility, which both share.
 * On any failure nothing is created. */
gboolean     sh_assessment_start_detailed  (ShStore      *store,
                                            gint64        quick_id,
                                            gint64       *new_id,
                                            GError      **error);

G_END_DECLS
