/* sh-generate.h — deterministic synthetic data at province scale.
 *
 * For benchmarks and load tests: facilities across the reference sectors,
 * quick and detailed assessments with steps, flows, waste streams, options
 * with economics and monitoring, and annual reports over several years.
 * The same options and seed always give the same rows (UUIDs included);
 * only the created_at/updated_at timestamps differ between runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint        n_facilities;
  guint        n_assessments;
  guint32      seed;
  const char  *province_code;   /* where the facilities are; "62" if NULL */
  int          first_year;      /* first baseline year; 2021 if 0 */
  guint        n_years;         /* years of annual reports; 3 if 0 */
} ShGenerateOptions;

/* Called now and then with the facilities written so far. */
typedef void (*ShGenerateProgress) (guint    done,
                                    guint    total,
                                    gpointer user_data);

/* Needs the reference data loaded (sh_refdata_ensure_loaded()). Writes in
 * transactions of a few hundred facilities: a failure keeps what was
 * committed before it and says how far it got. */
gboolean     sh_generate                 (ShStore                  *store,
                                          const ShGenerateOptions  *options,
                                          ShGenerateProgress        progress,
                                          gpointer                  user_data,
                                          GError                  **error);

G_END_DECLS
