/* sh-quick-form.h — the quick assessment (đánh giá nhanh) on one scrolling page.
 *
 * The seven sections of the quick-assessment output form (DOMAIN.md §2.3):
 * facility data and operating regime; production and consumption with
 * unit costs and live specific consumption against the sector benchmark;
 * the walk-through checklist; observations with photos; quick wins with
 * their savings, cost and payback; the proposed focus and recommendation;
 * signatures. Each section's heading shows how complete it is. A field
 * whose value was typed in from the paper form has a small marker beside
 * it (sh-paper-entry.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"
#include "sh-tasks.h"

G_BEGIN_DECLS

#define SH_TYPE_QUICK_FORM (sh_quick_form_get_type ())

G_DECLARE_FINAL_TYPE (ShQuickForm, sh_quick_form, SH, QUICK_FORM, GtkWidget)

GtkWidget      *sh_quick_form_new                (ShEditContext *ctx);

/* @statuses: the 7 ShTaskStatus of sh_tasks_compute(), in order. */
void            sh_quick_form_set_statuses       (ShQuickForm   *self,
                                                  GPtrArray     *statuses);
ShCompleteness  sh_quick_form_get_completeness   (ShQuickForm   *self,
                                                  guint          section);
/* The content of section 1–7 (its worksheets), for tests and focus. */
GtkWidget      *sh_quick_form_get_section        (ShQuickForm   *self,
                                                  guint          section);
/* Scrolls section 1–7 to the top of the page. */
void            sh_quick_form_scroll_to_section  (ShQuickForm   *self,
                                                  guint          section);
/* The marker shown beside the field of @table.@column of row @id when its
 * value was typed in from the paper form ("Entered from paper form"), or
 * NULL while it is not shown. Markers follow edits, undo and redo. A cell
 * of a list's row (an observation's issue) is outlined instead: it is its
 * own marker. */
GtkWidget      *sh_quick_form_get_paper_marker   (ShQuickForm   *self,
                                                  const char    *table,
                                                  gint64         id,
                                                  const char    *column);

G_END_DECLS
