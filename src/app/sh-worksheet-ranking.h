/* sh-worksheet-ranking.h — W15: ranking the options and selecting them.
 *
 * Criteria with their weights, a score for every option on every
 * criterion, and, live, each option's weighted total and rank (DOMAIN.md
 * §2.8); the options to implement are ticked here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"

G_BEGIN_DECLS

#define SH_TYPE_WORKSHEET_RANKING (sh_worksheet_ranking_get_type ())

G_DECLARE_FINAL_TYPE (ShWorksheetRanking, sh_worksheet_ranking, SH, WORKSHEET_RANKING, GtkWidget)

GtkWidget   *sh_worksheet_ranking_new           (ShEditContext      *ctx);
/* Sets a score as its spin button does (saved at once). */
gboolean     sh_worksheet_ranking_set_score     (ShWorksheetRanking *self,
                                                 gint64              option_id,
                                                 gint64              criterion_id,
                                                 double              score,
                                                 GError            **error);
/* "4,3 · #2" for a ranked option, or NULL. */
const char  *sh_worksheet_ranking_get_rank_text (ShWorksheetRanking *self,
                                                 gint64              option_id);

G_END_DECLS
