/* sh-facility-page.h — one facility: its profile, CP team, training,
 * assessments and annual reports, all editable in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"
#include "sh-store.h"

G_BEGIN_DECLS

#define SH_TYPE_FACILITY_PAGE (sh_facility_page_get_type ())

G_DECLARE_FINAL_TYPE (ShFacilityPage, sh_facility_page, SH, FACILITY_PAGE, GtkWidget)

/* NULL (and @error set) if the facility cannot be read. */
GtkWidget     *sh_facility_page_new             (ShStore        *store,
                                                 gint64          facility_id,
                                                 GError        **error);

ShEditContext *sh_facility_page_get_context     (ShFacilityPage *self);
gint64         sh_facility_page_get_facility_id (ShFacilityPage *self);

/* Creates a draft assessment of @kind ("quick" or "detailed") and emits
 * "assessment-activated" for it, as the page's buttons do. Returns its id,
 * or 0 (the error is also reported to the context). */
gint64         sh_facility_page_new_assessment  (ShFacilityPage *self,
                                                 const char     *kind,
                                                 GError        **error);
/* Re-reads every field, table and assessment (after the facility was
 * edited elsewhere, e.g. its team from an assessment). */
void           sh_facility_page_reload          (ShFacilityPage *self);

/* Writes the annual report of @year to @file through the core and shows
 * what happened (where it went, or what is missing), as the "Export Annual
 * Report…" button does once a file and year are chosen. */
void           sh_facility_page_export_annual   (ShFacilityPage *self,
                                                 int             year,
                                                 GFile          *file);

/* A field, table or button of the page by its name (the template's ids,
 * e.g. "name", "tax_code", "team_table", "new_quick_button"), for tests
 * and for focusing. */
GtkWidget     *sh_facility_page_get_part        (ShFacilityPage *self,
                                                 const char     *name);

G_END_DECLS
