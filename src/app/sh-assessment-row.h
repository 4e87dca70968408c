/* sh-assessment-row.h — one assessment in a facility's list of assessments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-record.h"

G_BEGIN_DECLS

#define SH_TYPE_ASSESSMENT_ROW (sh_assessment_row_get_type ())

G_DECLARE_FINAL_TYPE (ShAssessmentRow, sh_assessment_row, SH, ASSESSMENT_ROW, GtkListBoxRow)

GtkWidget   *sh_assessment_row_new            (ShRecord        *assessment);
ShRecord    *sh_assessment_row_get_assessment (ShAssessmentRow *self);

/* Words for the stored enumerations, in the user's language. */
const char  *sh_assessment_kind_label         (const char      *kind);
const char  *sh_assessment_status_label       (const char      *status);

G_END_DECLS
