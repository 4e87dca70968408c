/* sh-worksheet-production.h — W3: production, consumption and specific consumption.
 *
 * Production records and resource consumption with their unit prices, and
 * below them the specific consumption (mức tiêu thụ riêng) of each
 * resource, computed live by sh-summary, compared with the sector's
 * benchmarks where the reference data has one in a comparable unit. With
 * phases, the records carry "baseline" or "after CP" and the comparison
 * shows the saving against the 8–13 % target band.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"

G_BEGIN_DECLS

#define SH_TYPE_WORKSHEET_PRODUCTION (sh_worksheet_production_get_type ())

G_DECLARE_FINAL_TYPE (ShWorksheetProduction, sh_worksheet_production, SH, WORKSHEET_PRODUCTION, GtkWidget)

GtkWidget   *sh_worksheet_production_new               (ShEditContext         *ctx,
                                                        gboolean               with_phases);

/* What the comparison shows for @resource_code now, or NULL when the
 * resource is not listed: its baseline specific consumption ("18 m³/t"),
 * its benchmark comparison ("16,7 m³/t · +7,8 %", several lines when the
 * sector has several), and its saving ("15 %", phases only). */
const char  *sh_worksheet_production_get_sc_text       (ShWorksheetProduction *self,
                                                        const char            *resource_code);
const char  *sh_worksheet_production_get_benchmark_text (ShWorksheetProduction *self,
                                                        const char            *resource_code);
const char  *sh_worksheet_production_get_saving_text   (ShWorksheetProduction *self,
                                                        const char            *resource_code);

/* The comparison of the facility's total energy per unit of product with
 * the legal energy norm, or NULL when no norm applies; @above (may be
 * NULL) tells whether it is above the norm, which the page flags. */
const char  *sh_worksheet_production_get_norm_text     (ShWorksheetProduction *self,
                                                        gboolean              *above);

G_END_DECLS
