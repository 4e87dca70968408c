/* sh-ui-test-utils.h — what the ui tests share: waiting for GTK, finding
 * widgets, the language of the run, and screenshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-store.h"

G_BEGIN_DECLS

/* The ui tests run twice, once with LANGUAGE=vi; expectations follow the
 * language so that the Vietnamese run checks the translation. */
gboolean     sh_ui_test_in_vietnamese   (void);
const char  *sh_ui_test_expected        (const char *english,
                                         const char *vietnamese);

/* GTK 4 does most things on a later frame or after a delay (a search
 * entry waits 150 ms): spin the main loop until @cond holds, for at most
 * 10 s, then assert it. */
#define SH_UI_WAIT_FOR(cond)                                            \
  G_STMT_START {                                                        \
    gboolean timed_out_ = FALSE;                                        \
    guint timeout_id_ = g_timeout_add (10000, sh_ui_test_timeout_cb,    \
                                       &timed_out_);                    \
    while (!(cond) && !timed_out_)                                      \
      g_main_context_iteration (NULL, TRUE);                            \
    if (!timed_out_)                                                    \
      g_source_remove (timeout_id_);                                    \
    g_assert_true (cond);                                               \
  } G_STMT_END

gboolean     sh_ui_test_timeout_cb      (gpointer    data);
/* Runs what is pending now (idle refreshes), without waiting. */
void         sh_ui_test_drain           (void);
/* Lets @n frames pass, so that what was queued is laid out and drawn. */
void         sh_ui_test_wait_for_frames (GtkWidget  *widget,
                                         guint       n);

/* Depth-first searches below (and including) @root. */
GtkWidget   *sh_ui_test_find_widget     (GtkWidget  *root,
                                         GType       type);
/* A visible button whose label (or label child) reads @text. */
GtkWidget   *sh_ui_test_find_button     (GtkWidget  *root,
                                         const char *text);
GtkWidget   *sh_ui_test_find_by_tooltip (GtkWidget  *root,
                                         const char *tooltip);
/* Every widget of @type below @root, in order, into @found. */
void         sh_ui_test_collect         (GtkWidget  *root,
                                         GType       type,
                                         GPtrArray  *found);
/* The visible message dialog among the toplevels, or NULL. */
GtkMessageDialog *sh_ui_test_find_message_dialog (void);

/* The id of the demo cassava plant (sh_demo_cassava_assessment's facility). */
gint64       sh_ui_test_cassava_facility (ShStore   *store);

/* Renders @widget once it is laid out and saves it as
 * $G_TEST_BUILDDIR/NAME-LANG.png, for people to look at. */
void         sh_ui_test_save_screenshot (GtkWidget  *widget,
                                         const char *name);

G_END_DECLS
