/* sh-test-utils.h — helpers shared by the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale and calls g_test_init(); use it first in every test main. */
void   sh_test_init            (int    *argc,
                                char ***argv);
/* A fresh temporary directory; remove it with sh_test_rm_rf(). */
char  *sh_test_make_tmpdir     (const char *name);
/* Removes a directory tree (tests only). */
void   sh_test_rm_rf           (const char *path);
/* A path in the source tree: SACHHON_SOURCE_DIR/<first>/<...>. */
char  *sh_test_source_path     (const char *first, ...) G_GNUC_NULL_TERMINATED;
/* A path in the build tree: SACHHON_BUILD_DIR/<first>/<...>. */
char  *sh_test_build_path      (const char *first, ...) G_GNUC_NULL_TERMINATED;

/* Points fontconfig at the font files only, not at the machine's rules:
 * reading those leaks a little, which would hide our own leaks in ASan
 * builds. CLI processes a test starts inherit it. Call before anything
 * draws text; returns a scratch directory for sh_test_release_fonts(). */
char  *sh_test_use_plain_fontconfig (void);
/* At the end of a test program that drew text: drops the process-wide
 * font map and Cairo's caches, so that the leak checker sees only what
 * our code keeps, and removes @dir. */
void   sh_test_release_fonts   (const char *dir);

G_END_DECLS
