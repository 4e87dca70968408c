/* sh-doit-page.h — the workspace of a provincial Department of Industry and
 * Trade (Sở Công Thương): one province and one year at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-store.h"

G_BEGIN_DECLS

#define SH_TYPE_DOIT_PAGE (sh_doit_page_get_type ())

G_DECLARE_FINAL_TYPE (ShDoitPage, sh_doit_page, SH, DOIT_PAGE, GtkWidget)

/* Where a facility's annual report for the year stands against the
 * province's deadline. */
typedef enum
{
  SH_DOIT_REPORT_ON_TIME,    /* submitted by the deadline */
  SH_DOIT_REPORT_LATE,       /* submitted after it */
  SH_DOIT_REPORT_SUBMITTED,  /* submitted; no deadline or date to judge by */
  SH_DOIT_REPORT_NOT_DUE,    /* not submitted, the deadline has not passed */
  SH_DOIT_REPORT_MISSING,    /* not submitted, the deadline has passed */
} ShDoitReportStatus;

/* The indicators compared with the plan's targets. */
typedef enum
{
  SH_DOIT_INDICATOR_AWARE,     /* % of facilities aware of CP */
  SH_DOIT_INDICATOR_APPLYING,  /* % applying CP */
  SH_DOIT_INDICATOR_SAVING,    /* average saving per unit of product, % */
  SH_DOIT_INDICATOR_CP_UNIT,   /* % of medium and large ones with a CP unit */
  SH_DOIT_N_INDICATORS,
} ShDoitIndicator;

/* Shows the province with the most facilities in @store, and the latest
 * year any of them reported for (this year if none). */
GtkWidget   *sh_doit_page_new                (ShStore         *store);

void         sh_doit_page_set_province       (ShDoitPage      *self,
                                              const char      *province_code);
const char  *sh_doit_page_get_province       (ShDoitPage      *self);
void         sh_doit_page_set_year           (ShDoitPage      *self,
                                              int              year);
int          sh_doit_page_get_year           (ShDoitPage      *self);
/* Reads the database again (after an import, say). */
void         sh_doit_page_reload             (ShDoitPage      *self);

/* What the page shows, for tests. FALSE if @facility_id is not listed. */
gboolean     sh_doit_page_get_report_status  (ShDoitPage      *self,
                                              gint64           facility_id,
                                              ShDoitReportStatus *out_status);
/* The indicator's value as shown ("3 of 4 (75%)") and its target as shown
 * ("90%", "8–13%", or "—" when the plan sets none). */
const char  *sh_doit_page_get_indicator_text (ShDoitPage      *self,
                                              ShDoitIndicator  indicator);
const char  *sh_doit_page_get_target_text    (ShDoitPage      *self,
                                              ShDoitIndicator  indicator);
/* The numbers behind the chart; FALSE when there is no value (or target). */
gboolean     sh_doit_page_get_indicator      (ShDoitPage      *self,
                                              ShDoitIndicator  indicator,
                                              double          *out_value,
                                              double          *out_target);
/* The profile's lines, "label: value", one per line. */
char        *sh_doit_page_get_profile_text   (ShDoitPage      *self);

/* Writes the roll-up of the province and year to @file through the core,
 * then shows what happened, as the Export Roll-up button does after its
 * file chooser. */
void         sh_doit_page_export_rollup      (ShDoitPage      *self,
                                              GFile           *file);

G_END_DECLS
