/* sh-facility-item.h — one facility in the sidebar's list model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sh-record.h"

G_BEGIN_DECLS

#define SH_TYPE_FACILITY_ITEM (sh_facility_item_get_type ())

G_DECLARE_FINAL_TYPE (ShFacilityItem, sh_facility_item, SH, FACILITY_ITEM, GObject)

/* @province_name: the name of the facility's province, or NULL to show
 * its code. */
ShFacilityItem *sh_facility_item_new            (ShRecord       *facility,
                                                 const char     *province_name);
ShRecord       *sh_facility_item_get_record     (ShFacilityItem *self);
/* Shows the facility as it is now (after an edit), notifying "name" and
 * "location" when they change. The item keeps its place in the list. */
void            sh_facility_item_update         (ShFacilityItem *self,
                                                 ShRecord       *facility,
                                                 const char     *province_name);
gint64          sh_facility_item_get_id         (ShFacilityItem *self);
const char     *sh_facility_item_get_name       (ShFacilityItem *self);
const char     *sh_facility_item_get_location   (ShFacilityItem *self);
/* Whether the name contains @folded_query, itself from sh_facility_item_fold(). */
gboolean        sh_facility_item_matches        (ShFacilityItem *self,
                                                 const char     *folded_query);

/* Lower case without diacritics ("Nhà máy Đường" → "nha may duong"), so that
 * a search typed without a Vietnamese keyboard still finds the facility. */
char           *sh_facility_item_fold           (const char     *text);

G_END_DECLS
