/* sh-worksheet-environment.h — W14: the environmental effect of the options.
 *
 * For one option at a time, the yearly reductions it brings (water,
 * wastewater, COD load, solid and hazardous waste, air emissions, CO₂e)
 * and notes; under it, every option's effects in one line each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"

G_BEGIN_DECLS

#define SH_TYPE_WORKSHEET_ENVIRONMENT (sh_worksheet_environment_get_type ())

G_DECLARE_FINAL_TYPE (ShWorksheetEnvironment, sh_worksheet_environment, SH, WORKSHEET_ENVIRONMENT, GtkWidget)

GtkWidget   *sh_worksheet_environment_new           (ShEditContext          *ctx);
gint64       sh_worksheet_environment_get_option    (ShWorksheetEnvironment *self);
gboolean     sh_worksheet_environment_select_option (ShWorksheetEnvironment *self,
                                                     gint64                  option_id);
/* The line shown for @option_id in the overview, or NULL. */
const char  *sh_worksheet_environment_get_summary   (ShWorksheetEnvironment *self,
                                                     gint64                  option_id);

G_END_DECLS
