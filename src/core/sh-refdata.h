/* sh-refdata.h — reference data: sectors, options, lists, provinces, plans.
 *
 * The reference data ships as XML files in the core resource (the files
 * in data/reference, validated by data/schema/reference.xsd) and is
 * loaded into the ref_* tables of the store. A DoIT can correct a file and
 * hand it out; loading it replaces all rows of that kind in one transaction,
 * and a file that fails to parse, to validate or to check changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sh-record.h"
#include "sh-store.h"

G_BEGIN_DECLS

#define SH_REFDATA_ERROR (sh_refdata_error_quark ())

typedef enum
{
  SH_REFDATA_ERROR_PARSE,      /* not well-formed, truncated, or has a DOCTYPE */
  SH_REFDATA_ERROR_INVALID,    /* does not match data/schema/reference.xsd */
  SH_REFDATA_ERROR_REFERENCE,  /* names a sector, step or province that is not loaded */
  SH_REFDATA_ERROR_OLDER,      /* older than the version already loaded */
  SH_REFDATA_ERROR_NOT_FOUND,  /* no such row */
} ShRefdataError;

typedef enum
{
  SH_REFDATA_KIND_LISTS,
  SH_REFDATA_KIND_SECTORS,
  SH_REFDATA_KIND_OPTIONS,
  SH_REFDATA_KIND_PROVINCES,
  SH_REFDATA_KIND_PLANS,
  SH_REFDATA_N_KINDS,
} ShRefdataKind;

GQuark       sh_refdata_error_quark          (void);

/* "lists", "sectors", … (also the root element and the shipped file name). */
const char  *sh_refdata_kind_to_string       (ShRefdataKind   kind);

/* Loads each shipped file whose kind is missing from the store or loaded in
 * an older version; a file of the same or a newer version (a DoIT update) is
 * kept. Each file is one transaction. */
gboolean     sh_refdata_ensure_loaded        (ShStore        *store,
                                              GError        **error);

/* Parses and validates without touching any store; @kind receives the kind. */
gboolean     sh_refdata_validate             (GBytes         *contents,
                                              const char     *name,
                                              ShRefdataKind  *kind,
                                              GError        **error);

/* Loads an updated file (DoIT import). Refuses a version older than the one
 * loaded. All or nothing. */
gboolean     sh_refdata_load_file            (ShStore        *store,
                                              const char     *path,
                                              GError        **error);

/* Loads several updated files (DoIT import) in one transaction, in
 * dependency order whatever the order given (sectors before options,
 * provinces before plans): either every file is loaded or, when one is
 * refused, none. @kinds (may be NULL) receives the kind of each file, in
 * the order of @paths, as a newly allocated array. */
gboolean     sh_refdata_import_files         (ShStore             *store,
                                              const char * const  *paths,
                                              ShRefdataKind      **kinds,
                                              GError             **error);

/* Rows of reference_version (kind, file_name, version, file_date, sha256,
 * origin, loaded_at), in the order of ShRefdataKind. */
GPtrArray   *sh_refdata_list_versions        (ShStore        *store,
                                              GError        **error);

/* The loaded version of @kind, or NULL if none is loaded. */
char        *sh_refdata_get_version          (ShStore        *store,
                                              ShRefdataKind   kind);

/* Queries. Each returns rows of the named table as ShRecord, in file order. */

/* ref_sector */
GPtrArray   *sh_refdata_list_sectors         (ShStore        *store,
                                              GError        **error);
ShRecord    *sh_refdata_get_sector           (ShStore        *store,
                                              const char     *sector,
                                              GError        **error);
/* ref_sector_vsic: the sector's VSIC codes, the primary one first. */
GPtrArray   *sh_refdata_list_sector_vsic     (ShStore        *store,
                                              const char     *sector,
                                              GError        **error);
/* ref_process_step */
GPtrArray   *sh_refdata_list_steps           (ShStore        *store,
                                              const char     *sector,
                                              GError        **error);
/* ref_step_flow: the inputs and outputs of one template step (its "id"). */
GPtrArray   *sh_refdata_list_step_flows      (ShStore        *store,
                                              gint64          step_id,
                                              GError        **error);
/* ref_waste_stream */
GPtrArray   *sh_refdata_list_waste_streams   (ShStore        *store,
                                              const char     *sector,
                                              GError        **error);
/* ref_checklist_item */
GPtrArray   *sh_refdata_list_checklist       (ShStore        *store,
                                              const char     *sector,
                                              GError        **error);
/* ref_benchmark */
GPtrArray   *sh_refdata_list_benchmarks      (ShStore        *store,
                                              const char     *sector,
                                              GError        **error);
/* ref_energy_norm of a sector */
GPtrArray   *sh_refdata_list_norms           (ShStore        *store,
                                              const char     *sector,
                                              GError        **error);
/* ref_energy_norm rows set by one instrument, e.g. "19/2016/TT-BCT"; none
 * for a norm circular whose values are not known (38/2016/TT-BCT). */
GPtrArray   *sh_refdata_list_instrument_norms (ShStore       *store,
                                               const char    *instrument,
                                               GError       **error);
/* ref_option: the sector's options followed by those shared by all sectors;
 * all options when @sector is NULL. */
GPtrArray   *sh_refdata_list_options         (ShStore        *store,
                                              const char     *sector,
                                              GError        **error);
ShRecord    *sh_refdata_get_option           (ShStore        *store,
                                              const char     *code,
                                              GError        **error);
/* ref_list_value of one list: "option_category", "cause_category",
 * "screening", "cost_class", "waste_type", "observation_category",
 * "evidence_kind". */
GPtrArray   *sh_refdata_list_values          (ShStore        *store,
                                              const char     *list,
                                              GError        **error);

/* ref_province: the unit that @code named on @date (YYYY-MM-DD). */
ShRecord    *sh_refdata_lookup_province      (ShStore        *store,
                                              const char     *code,
                                              const char     *date,
                                              GError        **error);
/* ref_province: the unit responsible on @date for a facility recorded under
 * @code, following the successor links across a reorganisation. A report
 * dated before 1 July 2025 stays with the old province; one dated after goes
 * to the successor's DoIT. */
ShRecord    *sh_refdata_resolve_province     (ShStore        *store,
                                              const char     *code,
                                              const char     *date,
                                              GError        **error);
/* All rows of the set valid on @date; every row, the older set first, when
 * @date is NULL. */
GPtrArray   *sh_refdata_list_provinces       (ShStore        *store,
                                              const char     *date,
                                              GError        **error);

/* ref_plan of a province code (plans belong to the code of their time). */
GPtrArray   *sh_refdata_list_plans           (ShStore        *store,
                                              const char     *province_code,
                                              GError        **error);
/* ref_plan_sector: the priority sectors of a plan. */
GPtrArray   *sh_refdata_list_plan_sectors    (ShStore        *store,
                                              const char     *plan_code,
                                              GError        **error);
/* ref_instrument: the legal instruments, in file order. */
GPtrArray   *sh_refdata_list_instruments     (ShStore        *store,
                                              GError        **error);
/* ref_target of the province's plans, plan by plan. */
GPtrArray   *sh_refdata_list_province_targets (ShStore       *store,
                                               const char    *province_code,
                                               GError       **error);
/* ref_target of a national instrument, e.g. "1419/QĐ-TTg". */
GPtrArray   *sh_refdata_list_instrument_targets (ShStore     *store,
                                                 const char  *instrument,
                                                 GError     **error);

/* Legal energy norms (định mức tiêu hao năng lượng). */
typedef enum
{
  SH_NORM_NONE,     /* no norm applies to that product, capacity and date */
  SH_NORM_WITHIN,   /* value ≤ limit */
  SH_NORM_ABOVE,    /* value > limit: flag it */
} ShNormVerdict;

typedef struct
{
  ShNormVerdict  verdict;
  double         value;
  double         limit;        /* valid unless verdict is SH_NORM_NONE */
  char          *unit;         /* e.g. "MJ" */
  char          *per_unit;     /* e.g. "hl" */
  char          *instrument;   /* e.g. "19/2016/TT-BCT" */
  char          *product_vi;
  char          *product_en;
  char          *valid_from;
  char          *valid_to;
  char          *tag;
  char          *source;
} ShNormCheck;

void         sh_norm_check_free              (ShNormCheck    *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShNormCheck, sh_norm_check_free)

/* Checks @value (in the norm's unit, e.g. MJ per hl) of a facility making
 * @product_code ("beer", "paper_packaging", "catfish", …) with an annual
 * capacity of @capacity (in the norm's capacity unit; negative if unknown,
 * which matches only norms without capacity bands) on @date (YYYY-MM-DD, or
 * YYYY for the last day of that year). Returns NULL only on error. */
ShNormCheck *sh_refdata_check_norm           (ShStore        *store,
                                              const char     *product_code,
                                              double          capacity,
                                              const char     *date,
                                              double          value,
                                              GError        **error);

G_END_DECLS
