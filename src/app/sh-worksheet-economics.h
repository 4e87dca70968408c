/* sh-worksheet-economics.h — W13: economic feasibility of the options.
 *
 * For one option at a time (picked from a drop-down): the investment
 * broken down by item, the yearly savings per resource (quantity × unit
 * price), avoided costs and the change in operating cost, the life and the
 * discount rate; and, live, the net annual benefit, simple payback, NPV,
 * IRR and benefit/cost ratio (DOMAIN.md §2.7). Under it, every option's
 * figures side by side. In the quick assessment ("quick" TRUE) the same
 * worksheet costs the quick wins: investment, savings and payback only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"

G_BEGIN_DECLS

#define SH_TYPE_WORKSHEET_ECONOMICS (sh_worksheet_economics_get_type ())

G_DECLARE_FINAL_TYPE (ShWorksheetEconomics, sh_worksheet_economics, SH, WORKSHEET_ECONOMICS, GtkWidget)

GtkWidget   *sh_worksheet_economics_new         (ShEditContext        *ctx,
                                                 gboolean              quick);

/* The option being edited (0 for none); selecting shows its figures. */
gint64       sh_worksheet_economics_get_option  (ShWorksheetEconomics *self);
gboolean     sh_worksheet_economics_select_option (ShWorksheetEconomics *self,
                                                   gint64                option_id);

/* A figure of the option being edited, as shown: "investment",
 * "benefit" (net per year), "payback", "npv", "irr" or "bc". */
const char  *sh_worksheet_economics_get_figure  (ShWorksheetEconomics *self,
                                                 const char           *name);

G_END_DECLS
