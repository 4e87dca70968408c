/* sh-worksheet-checklist.h — the walk-through checklist of a quick assessment.
 *
 * The questions of the facility's sector (reference data, in the language
 * of the interface), each answered Yes, No or Not applicable with a note;
 * answers are checklist_answer rows, created at the first answer. Answers
 * to questions that are not in the sector's list (an older list, another
 * sector, or questions added on site) are shown after them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"

G_BEGIN_DECLS

#define SH_TYPE_WORKSHEET_CHECKLIST (sh_worksheet_checklist_get_type ())

G_DECLARE_FINAL_TYPE (ShWorksheetChecklist, sh_worksheet_checklist, SH, WORKSHEET_CHECKLIST, GtkWidget)

GtkWidget   *sh_worksheet_checklist_new        (ShEditContext        *ctx);

/* The item codes shown, in order (reference items first). */
GStrv        sh_worksheet_checklist_get_items  (ShWorksheetChecklist *self);
/* Answers as the buttons do: "yes", "no" or "na" (NULL clears). */
gboolean     sh_worksheet_checklist_answer     (ShWorksheetChecklist *self,
                                                const char           *item_code,
                                                const char           *answer,
                                                GError              **error);
/* Saves a note as typing and leaving the note field does. */
gboolean     sh_worksheet_checklist_set_note   (ShWorksheetChecklist *self,
                                                const char           *item_code,
                                                const char           *note,
                                                GError              **error);
/* The answer shown for @item_code, or NULL. */
const char  *sh_worksheet_checklist_get_answer (ShWorksheetChecklist *self,
                                                const char           *item_code);
/* Adds a question of one's own (as the "Add question" field does). */
gboolean     sh_worksheet_checklist_add_question (ShWorksheetChecklist *self,
                                                  const char           *question,
                                                  GError              **error);

G_END_DECLS
