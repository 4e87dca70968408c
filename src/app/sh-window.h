/* sh-window.h — the main window: facilities on the left, one facility on the right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-application.h"
#include "sh-store.h"

G_BEGIN_DECLS

#define SH_TYPE_WINDOW (sh_window_get_type ())

G_DECLARE_FINAL_TYPE (ShWindow, sh_window, SH, WINDOW, GtkApplicationWindow)

ShWindow    *sh_window_new        (ShApplication *application,
                                   ShStore       *store);
ShStore     *sh_window_get_store  (ShWindow      *self);

G_END_DECLS
