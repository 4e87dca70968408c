/* sh-application.c — the application: options, actions and the open database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/resource.h>

#include <locale.h>

#include <glib/gi18n.h>

#include "sh-application.h"
#include "sh-demo.h"
#include "sh-preferences-defaults.h"
#include "sh-preferences-dialog.h"
#include "sh-refdata.h"
#include "sh-window.h"

struct _ShApplication
{
  GtkApplication  parent_instance;

  char           *db_path;
  ShStore        *store;
};

G_DEFINE_FINAL_TYPE (ShApplication, sh_application, GTK_TYPE_APPLICATION)

static void
apply_language_setting (void)
{
  g_autoptr(GSettings) settings = sh_preferences_get_settings ();
  g_autofree char *language = NULL;

  /* A missing schema (a build run without GSETTINGS_SCHEMA_DIR) must not
   * abort the program, as g_settings_new() would. The language has to be
   * in the environment before gettext reads it, so before setlocale(). */
  if (settings == NULL)
    return;

  language = g_settings_get_string (settings, "language");
  if (g_strcmp0 (language, "follow-system") != 0)
    g_setenv ("LANGUAGE", language, TRUE);
}

void
sh_application_init_i18n (void)
{
  const char *localedir = g_getenv ("SACHHON_LOCALEDIR");

  apply_language_setting ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static gboolean
open_store (ShApplication  *self,
            GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(ShStore) store = NULL;
  gboolean first_run;

  path = self->db_path != NULL ? g_strdup (self->db_path) : sh_store_default_path ();
  first_run = !g_file_test (path, G_FILE_TEST_EXISTS);
  store = sh_store_open (path, error);
  if (store == NULL)
    return FALSE;

  /* The shipped reference data (sectors, provinces, …), unless a newer
   * version, such as a DoIT's update, is there already. */
  if (!sh_refdata_ensure_loaded (store, error))
    return FALSE;

  /* Only a database created just now gets the demo: demo facilities that
   * someone deleted must not come back at the next start. */
  if (first_run && !sh_demo_ensure (store, error))
    return FALSE;

  self->store = g_steal_pointer (&store);
  return TRUE;
}

static void
show_open_error (ShApplication *self,
                 const GError  *error)
{
  GtkWidget *dialog;

  /* Nothing is created in place of a database that failed to open: the
   * person has to decide what to do with the file and its backups. */
  dialog = gtk_message_dialog_new (NULL, 0,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", _("The database cannot be opened"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  /* Translators: the application's name. */
  gtk_window_set_title (GTK_WINDOW (dialog), _("Sạch Hơn"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_file_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;

  if (sh_store_check_file (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
damaged_dialog_response_cb (GtkDialog     *dialog,
                            int            response,
                            ShApplication *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_application_quit (G_APPLICATION (self));
}

static void
check_file_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ShApplication *self = SH_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWidget *dialog;

  if (g_task_propagate_boolean (G_TASK (result), &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Editing a damaged file could lose more: say what is wrong and where
   * the backup is, then close so the person can restore it. */
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", _("The database is damaged"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Sạch Hơn"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (damaged_dialog_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opening read only the first page of every table; the whole file is
 * checked in a worker thread on a connection of its own, so a large
 * database opens at once and damage is still found. */
static void
start_file_check (ShApplication *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, check_file_done_cb, NULL);

  g_task_set_task_data (task, g_strdup (sh_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, check_file_thread);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing, not destroying, lets each window save its size; the
   * application ends when its last window is gone. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GSettings) settings = sh_preferences_get_settings ();
  GtkWidget *dialog;

  /* Without the schema there is nothing to edit; the build installs it,
   * so this only happens when running a binary from a bare build tree. */
  if (settings == NULL)
    {
      g_warning ("The settings schema %s is not installed; preferences are not available", APP_ID);
      return;
    }

  dialog = sh_preferences_dialog_new (gtk_application_get_active_window (app), settings);
  gtk_window_set_application (GTK_WINDOW (dialog), app);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Sạch Hơn developers", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         /* Translators: the application's name. */
                         "program-name", _("Sạch Hơn"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Cleaner production assessments for industry"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         /* Translators: your names and e-mail addresses, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "quit", quit_activated },
};

static int
sh_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  ShApplication *self = SH_APPLICATION (app);
  g_autofree char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db))
    {
      g_free (self->db_path);
      self->db_path = g_canonicalize_filename (db, NULL);
    }

  /* A second launch normally raises the running window. With another
   * database named, it must open that one instead, in its own process. */
  if (self->db_path != NULL || g_getenv ("SACHHON_DB") != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return G_APPLICATION_CLASS (sh_application_parent_class)->handle_local_options (app, options);
}

static void
sh_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  g_autoptr(GtkCssProvider) provider = NULL;

  G_APPLICATION_CLASS (sh_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);

  gtk_window_set_default_icon_name (APP_ID);

  /* GTK 4.8 loads menus and icons from the resource base path by itself,
   * but not style sheets. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/sachhon/SachHon/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* For bench/bench-launch: with SACHHON_BENCH_FIRST_FRAME set, print the
 * monotonic time of the first painted frame and the peak RSS, then quit.
 * CLOCK_MONOTONIC is shared by all processes, so the benchmark can subtract
 * the moment it started us. */
static void
first_frame_painted_cb (GdkFrameClock *clock,
                        GtkWindow     *window)
{
  struct rusage usage = { 0 };

  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, window);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("first-frame-us %" G_GINT64_FORMAT " max-rss-kb %ld\n",
           g_get_monotonic_time (), usage.ru_maxrss);
  gtk_window_destroy (window);
}

static void
window_mapped_for_benchmark_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_painted_cb), window);
}

static void
sh_application_activate (GApplication *app)
{
  ShApplication *self = SH_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GError) error = NULL;

  if (window == NULL)
    {
      if (self->store == NULL && !open_store (self, &error))
        {
          show_open_error (self, error);
          return;
        }
      window = GTK_WINDOW (sh_window_new (self, self->store));
      if (g_getenv ("SACHHON_BENCH_FIRST_FRAME") != NULL)
        g_signal_connect (window, "map", G_CALLBACK (window_mapped_for_benchmark_cb), NULL);
      else
        start_file_check (self);
    }

  gtk_window_present (window);
}

static void
sh_application_finalize (GObject *object)
{
  ShApplication *self = SH_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (sh_application_parent_class)->finalize (object);
}

static void
sh_application_class_init (ShApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sh_application_finalize;

  app_class->handle_local_options = sh_application_handle_local_options;
  app_class->startup = sh_application_startup;
  app_class->activate = sh_application_activate;
}

static void
sh_application_init (ShApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self),
                                 "db", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME,
                                 _("Open the database FILE instead of the default one"),
                                 /* Translators: the argument of --db. */
                                 _("FILE"));
}

ShApplication *
sh_application_new (void)
{
  return g_object_new (SH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

ShStore *
sh_application_get_store (ShApplication *self)
{
  g_return_val_if_fail (SH_IS_APPLICATION (self), NULL);

  return self->store;
}
