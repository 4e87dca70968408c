/* sh-demo.h — a realistic demo data set, one facility per seed sector.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-store.h"

G_BEGIN_DECLS

/* Creates the demo facilities and assessments unless they already exist
 * (recognised by their fixed UUIDs), in one transaction. Idempotent. */
gboolean     sh_demo_ensure              (ShStore      *store,
                                          GError      **error);

/* The id of the demo cassava-starch plant's detailed assessment, or 0. */
gint64       sh_demo_cassava_assessment  (ShStore      *store);

G_END_DECLS
