/* sh-preferences-dialog.h — the Preferences window: language and the
 * defaults of new assessments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SH_TYPE_PREFERENCES_DIALOG (sh_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ShPreferencesDialog, sh_preferences_dialog, SH, PREFERENCES_DIALOG, GtkWindow)

/* A dialog editing @settings (org.sachhon.SachHon), transient for @parent
 * (may be NULL). A valid value is saved as soon as it is typed; an invalid
 * one is not saved and a message under its field says why. */
GtkWidget   *sh_preferences_dialog_new          (GtkWindow           *parent,
                                                 GSettings           *settings);

/* For tests: the field for a settings key ("default-tolerance-pct",
 * "default-discount-rate-pct", "default-life-years"; a GtkEntry) or
 * "language" (a GtkDropDown), and the message under a field, or NULL when
 * it has none. */
GtkWidget   *sh_preferences_dialog_get_field    (ShPreferencesDialog *self,
                                                 const char          *key);
const char  *sh_preferences_dialog_get_message  (ShPreferencesDialog *self,
                                                 const char          *key);

G_END_DECLS
