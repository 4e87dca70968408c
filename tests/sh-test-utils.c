/* sh-test-utils.c — helpers shared by the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "sh-test-utils.h"

void
sh_test_init (int    *argc,
              char ***argv)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
}

static char *
build_from_env (const char *var,
                const char *first,
                va_list     args)
{
  const char *root = g_getenv (var);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

char *
sh_test_source_path (const char *first,
                     ...)
{
  va_list args;
  char *ret;

  va_start (args, first);
  ret = build_from_env ("SACHHON_SOURCE_DIR", first, args);
  va_end (args);

  return ret;
}

char *
sh_test_build_path (const char *first,
                    ...)
{
  va_list args;
  char *ret;

  va_start (args, first);
  ret = build_from_env ("SACHHON_BUILD_DIR", first, args);
  va_end (args);

  return ret;
}

void
sh_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      sh_test_rm_rf (child);
    }
  g_rmdir (path);
}

char *
sh_test_make_tmpdir (const char *name)
{
  g_autofree char *tmpl = g_strdup_printf ("sh-%s-XXXXXX", name);
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

char *
sh_test_use_plain_fontconfig (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = sh_test_make_tmpdir ("fonts");
  g_autofree char *conf = g_build_filename (dir, "fonts.conf", NULL);
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  g_autofree char *xml = g_markup_printf_escaped ("<?xml version=\"1.0\"?>\n"
                                                  "<fontconfig>\n"
                                                  "  <dir>/usr/share/fonts</dir>\n"
                                                  "  <dir>/usr/local/share/fonts</dir>\n"
                                                  "  <cachedir>%s</cachedir>\n"
                                                  "</fontconfig>\n", cache);

  g_file_set_contents (conf, xml, -1, &error);
  g_assert_no_error (error);
  g_setenv ("FONTCONFIG_FILE", conf, TRUE);

  return dir;
}

void
sh_test_release_fonts (const char *dir)
{
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  if (dir != NULL)
    sh_test_rm_rf (dir);
}
