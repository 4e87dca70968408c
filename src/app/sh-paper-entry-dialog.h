/* sh-paper-entry-dialog.h — "Type In Paper Form…" of a quick assessment.
 *
 * Lists the fields of the paper form (sh-paper-fields.h) in the order they
 * are printed, each with its code and label, so a person reading the paper
 * can type them in one after the other: Enter checks the field and moves
 * to the next. A value that cannot be read is shown at its field with what
 * is expected. Apply writes every filled-in field at once through the
 * page's edit context, with the provenance "entered from paper", as one
 * undo step (Ctrl+Z in the assessment takes it all back); nothing is
 * written if any field is refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"

G_BEGIN_DECLS

#define SH_TYPE_PAPER_ENTRY_DIALOG (sh_paper_entry_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ShPaperEntryDialog, sh_paper_entry_dialog, SH, PAPER_ENTRY_DIALOG, GtkWindow)

/* @ctx: the edit context of a quick assessment's view. */
GtkWidget *sh_paper_entry_dialog_new       (ShEditContext      *ctx);

/* The input of the field with @code, for tests and accessibility. */
GtkEntry  *sh_paper_entry_dialog_get_entry (ShPaperEntryDialog *self,
                                            const char         *code);
/* The message shown now under the field with @code, or NULL. */
const char *sh_paper_entry_dialog_get_field_error (ShPaperEntryDialog *self,
                                                   const char         *code);
/* The message shown above the fields after a refused Apply, or NULL. */
const char *sh_paper_entry_dialog_get_message (ShPaperEntryDialog *self);

/* Checks and writes every field, as the Apply button does; on success the
 * dialog closes itself. */
gboolean   sh_paper_entry_dialog_apply     (ShPaperEntryDialog *self);

G_END_DECLS
