/* sh-preferences-defaults.c — the preferences that new records start from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sh-preferences-defaults.h"

GSettings *
sh_preferences_get_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new (APP_ID);
}

void
sh_preferences_apply_assessment_defaults (ShRecord *record)
{
  g_autoptr(GSettings) settings = NULL;

  g_return_if_fail (record != NULL);
  g_return_if_fail (g_strcmp0 (sh_record_get_table (record), "assessment") == 0);

  if ((settings = sh_preferences_get_settings ()) == NULL)
    return;

  sh_record_set_double (record, "tolerance_pct",
                        g_settings_get_double (settings, "default-tolerance-pct"));
  sh_record_set_double (record, "discount_rate_pct",
                        g_settings_get_double (settings, "default-discount-rate-pct"));
  sh_record_set_int (record, "life_years",
                     g_settings_get_int (settings, "default-life-years"));
}
