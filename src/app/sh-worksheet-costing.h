/* sh-worksheet-costing.h — W8: what each waste stream costs (định giá dòng thải).
 *
 * Lost material, lost energy, treatment and fees per stream, with the
 * yearly total of each stream and their Pareto ranking, live.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"

G_BEGIN_DECLS

#define SH_TYPE_WORKSHEET_COSTING (sh_worksheet_costing_get_type ())

G_DECLARE_FINAL_TYPE (ShWorksheetCosting, sh_worksheet_costing, SH, WORKSHEET_COSTING, GtkWidget)

GtkWidget   *sh_worksheet_costing_new            (ShEditContext      *ctx);
/* The yearly cost shown for stream @id ("5.851.100.000 ₫"), or NULL. */
const char  *sh_worksheet_costing_get_total_text (ShWorksheetCosting *self,
                                                  gint64              waste_stream_id);
/* The total of all streams as shown. */
const char  *sh_worksheet_costing_get_grand_total_text (ShWorksheetCosting *self);

G_END_DECLS
