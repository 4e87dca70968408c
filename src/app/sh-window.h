/* sh-window.h — the main window: facilities on the left, one facility on the right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-application.h"
#include "sh-edit-context.h"
#include "sh-store.h"

G_BEGIN_DECLS

#define SH_TYPE_WINDOW (sh_window_get_type ())

G_DECLARE_FINAL_TYPE (ShWindow, sh_window, SH, WINDOW, GtkApplicationWindow)

ShWindow    *sh_window_new        (ShApplication *application,
                                   ShStore       *store);
ShStore     *sh_window_get_store  (ShWindow      *self);

/* What the window shows, for tests and for the application. */
GtkWidget     *sh_window_get_facility_page   (ShWindow *self);
GtkWidget     *sh_window_get_assessment_view (ShWindow *self);
/* The edit context of the page shown (undo and redo act on it), or NULL. */
ShEditContext *sh_window_get_edit_context    (ShWindow *self);
void           sh_window_select_facility     (ShWindow *self,
                                              gint64    facility_id);
/* The message at the bottom of the window, or NULL when none shows. */
const char    *sh_window_get_message         (ShWindow *self);
/* The saved indicator's text ("Saved", "Not saved"), or NULL when hidden. */
const char    *sh_window_get_saved_text      (ShWindow *self);
/* Brings back the facility deleted last, while its message shows. */
void           sh_window_undo_delete         (ShWindow *self);

/* The DoIT's workspace (ShDoitPage), shown in place of a facility; NULL
 * until first shown. */
void           sh_window_show_doit           (ShWindow *self);
GtkWidget     *sh_window_get_doit_page       (ShWindow *self);
/* Imports @files (GFile) as dropping them on the window does: an
 * ShImportDialog shows the progress and the summary, and what is shown is
 * read again afterwards. Returns the dialog. */
GtkWidget     *sh_window_import_files        (ShWindow *self,
                                              GSList   *files);

G_END_DECLS
