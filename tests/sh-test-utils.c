/* sh-test-utils.c — helpers shared by the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

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
