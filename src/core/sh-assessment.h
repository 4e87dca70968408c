/* sh-assessment.h — operations on a whole assessment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-store.h"

G_BEGIN_DECLS

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
 * Observations, checklist answers, evidence, recommendation and signatures
 * stay with the quick assessment: they are its record of the walk-through.
 * The team and the products belong to the facility, which both share.
 * On any failure nothing is created. */
gboolean     sh_assessment_start_detailed  (ShStore      *store,
                                            gint64        quick_id,
                                            gint64       *new_id,
                                            GError      **error);

G_END_DECLS
