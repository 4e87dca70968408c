/* sh-worksheet-option-causes.h — W10: which causes (W9) each option
 * addresses.
 *
 * One row per option of the assessment, listing the causes linked to it,
 * with a button that opens a check list of all the assessment's causes.
 * Ticking or clearing a cause saves the link (option_cause) at once,
 * through the edit context, so Ctrl+Z undoes it like any other edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"

G_BEGIN_DECLS

#define SH_TYPE_WORKSHEET_OPTION_CAUSES (sh_worksheet_option_causes_get_type ())

G_DECLARE_FINAL_TYPE (ShWorksheetOptionCauses, sh_worksheet_option_causes, SH, WORKSHEET_OPTION_CAUSES,
                      GtkWidget)

GtkWidget   *sh_worksheet_option_causes_new        (ShEditContext           *ctx);

/* Reads the options, causes and links again now (it also does so by
 * itself, in an idle, after any edit of the page). */
void         sh_worksheet_option_causes_refresh    (ShWorksheetOptionCauses *self);

/* For tests: the check button of @cause_id in @option_id's list, or NULL;
 * and the text listing the causes linked to @option_id, as shown. */
GtkWidget   *sh_worksheet_option_causes_get_check  (ShWorksheetOptionCauses *self,
                                                    gint64                   option_id,
                                                    gint64                   cause_id);
const char  *sh_worksheet_option_causes_get_summary (ShWorksheetOptionCauses *self,
                                                     gint64                   option_id);

G_END_DECLS
