/* sh-refdata-window.h — browse the reference data and import updates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-store.h"

G_BEGIN_DECLS

#define SH_TYPE_REFDATA_WINDOW (sh_refdata_window_get_type ())

G_DECLARE_FINAL_TYPE (ShRefdataWindow, sh_refdata_window, SH, REFDATA_WINDOW, GtkWindow)

ShRefdataWindow *sh_refdata_window_new          (ShStore          *store);

/* Shows the reference-data window of @parent, creating it the first time. */
ShRefdataWindow *sh_refdata_window_present_for  (GtkWindow        *parent,
                                                 ShStore          *store);

/* Pages: "sectors", "options", "lists", "units", "provinces", "plans". */
void             sh_refdata_window_show_page    (ShRefdataWindow  *self,
                                                 const char       *page);
/* A sector code, or NULL for all sectors. */
void             sh_refdata_window_show_sector  (ShRefdataWindow  *self,
                                                 const char       *sector);
void             sh_refdata_window_set_search   (ShRefdataWindow  *self,
                                                 const char       *text);

/* Imports updated files as the “Import Reference Data…” button does after
 * its file chooser, in a worker thread: all or nothing. On success the
 * pages show the new data and the message names the new versions; a
 * refused file is explained in a dialog, and nothing changes. */
void             sh_refdata_window_import       (ShRefdataWindow  *self,
                                                 const char * const *paths);
gboolean         sh_refdata_window_is_importing (ShRefdataWindow  *self);

/* The rows of a page's list whose search text contains @needle (casefolded)
 * and that the current search leaves visible (for tests). */
guint            sh_refdata_window_count_rows   (ShRefdataWindow  *self,
                                                 const char       *page,
                                                 const char       *needle);
/* Named children for tests: "versions_label", "message_label",
 * "import_button", "search_entry". */
GtkWidget       *sh_refdata_window_get_part     (ShRefdataWindow  *self,
                                                 const char       *name);

G_END_DECLS
