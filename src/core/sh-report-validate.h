/* sh-report-validate.h — checking XML reports received from others.
 *
 * A document is checked in this order, each step only if the one before
 * passed: it is a readable, safe, well-formed UTF-8 file (no DOCTYPE, at
 * most SH_REPORT_MAX_FILE_SIZE bytes); its root is one of the three
 * documents in the namespace of this version; its schema version is one
 * this build reads; no UUID appears twice; it follows the schema; and its
 * content is consistent: dates in order, totals equal to the sum of their
 * parts, specific consumption and saving % equal to what the production and
 * consumption records give, option economics equal to what their
 * investment and savings give, balance closures agreeing with their totals
 * and tolerance, roll-up counts agreeing with the facilities listed.
 *
 * The functions keep no global state and may run in a GTask thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sh-report-common.h"
#include "sh-units.h"

G_BEGIN_DECLS

/* Every problem found in @path (never NULL; empty when the file is
 * valid). Problems of severity ERROR make a file invalid; warnings do not.
 * @out_kind, if not NULL, receives the kind of document when its root was
 * recognised. @units is the table unit codes are checked against (NULL for
 * sh_units_get_default()). */
GPtrArray   *sh_report_validate_file      (ShUnits       *units,
                                           const char    *path,
                                           ShReportKind  *out_kind);
/* The same for a document held in memory, called @name in messages. */
GPtrArray   *sh_report_validate_bytes     (ShUnits       *units,
                                           GBytes        *bytes,
                                           const char    *name,
                                           ShReportKind  *out_kind);

G_END_DECLS
