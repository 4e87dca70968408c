/* sh-worksheet-monitoring.h — W17: monitoring the results before and after.
 *
 * Monitoring records (indicator, baseline, target, measured value) and,
 * live, the saving each shows against the assessment's target band (8–13 %
 * by default, Decision 1419/QĐ-TTg), with the savings chart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"

G_BEGIN_DECLS

#define SH_TYPE_WORKSHEET_MONITORING (sh_worksheet_monitoring_get_type ())

G_DECLARE_FINAL_TYPE (ShWorksheetMonitoring, sh_worksheet_monitoring, SH, WORKSHEET_MONITORING, GtkWidget)

GtkWidget   *sh_worksheet_monitoring_new         (ShEditContext         *ctx);
/* The saving shown for monitoring record @id ("15%"), or NULL. */
const char  *sh_worksheet_monitoring_get_saving_text (ShWorksheetMonitoring *self,
                                                      gint64                 record_id);
/* "good" (target band reached), "warning" (saving below the band) or
 * "bad" (no saving) for record @id, or NULL. */
const char  *sh_worksheet_monitoring_get_state   (ShWorksheetMonitoring *self,
                                                  gint64                 record_id);

G_END_DECLS
