/* sh-refdata-norm.h — an assessment's energy use against the legal norm.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-refdata.h"
#include "sh-units.h"

G_BEGIN_DECLS

/* The product code among a sector's @norms (ref_norm rows) that a facility
 * making @product falls under: the only one, or the one whose Vietnamese or
 * English name begins with the product's name or the other way round, at a
 * word boundary ("bia chai" is beer, "biogas" is not). NULL, with
 * @ambiguous set, when several could be. */
const char  *sh_refdata_match_norm_product   (GPtrArray  *norms,
                                              const char *product,
                                              gboolean   *ambiguous);

/* Compares the baseline specific energy consumption of an assessment
 * (electricity and fuels in MJ, per unit of its product) with the legal
 * energy norm (định mức tiêu hao năng lượng) of the facility's sector that
 * fits its product, its capacity band (the baseline output standing for the
 * annual capacity) and the end of its baseline period.
 *
 * Returns NULL only on a store error. Otherwise check->verdict is
 * SH_NORM_WITHIN or SH_NORM_ABOVE with check->value the facility's figure
 * in the norm's unit (e.g. MJ per hl); or SH_NORM_NONE, and then @note (may
 * be NULL) receives a translated sentence saying why nothing was compared,
 * or NULL when the sector simply has no norm. */
ShNormCheck *sh_refdata_check_assessment_norm (ShStore   *store,
                                               ShUnits   *units,
                                               gint64     assessment_id,
                                               char     **note,
                                               GError   **error);

G_END_DECLS
