/* sh-application.h — the application: options, actions and the open database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-store.h"

G_BEGIN_DECLS

#define SH_TYPE_APPLICATION (sh_application_get_type ())

G_DECLARE_FINAL_TYPE (ShApplication, sh_application, SH, APPLICATION, GtkApplication)

/* Binds the text domain ($SACHHON_LOCALEDIR for an uninstalled build, else
 * LOCALEDIR) and applies the "language" setting. Call once, before any
 * translated string is looked up and before sh_application_new(). */
void           sh_application_init_i18n    (void);

ShApplication *sh_application_new          (void);
/* The database opened on activation, or NULL before that. */
ShStore       *sh_application_get_store    (ShApplication *self);

G_END_DECLS
