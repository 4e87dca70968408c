/* sh-preferences-defaults.h — the preferences that new records start from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sh-record.h"

G_BEGIN_DECLS

/* The application's settings, or NULL when the schema is not installed (a
 * program run from a build directory without GSETTINGS_SCHEMA_DIR): callers
 * then keep the database's own defaults rather than abort. */
GSettings   *sh_preferences_get_settings                (void);

/* Sets, on a new "assessment" @record, the balance tolerance, discount rate
 * and economic life chosen in the preferences. Options of the assessment
 * that leave their own rate and life empty use these. Does nothing without
 * settings. */
void         sh_preferences_apply_assessment_defaults   (ShRecord  *record);

G_END_DECLS
