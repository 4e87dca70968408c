/* test-preferences.c — the Preferences window, and the defaults it sets
 * being used by the next new assessment.
 *
 * The settings live in GSettings' memory backend (GSETTINGS_BACKEND=memory
 * in the test environment), so each test starts by resetting them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "sh-application.h"
#include "sh-facility-page.h"
#include "sh-preferences-defaults.h"
#include "sh-preferences-dialog.h"
#include "sh-test-utils.h"
#include "sh-ui-test-utils.h"

static const char *keys[] = {
  "language", "default-tolerance-pct", "default-discount-rate-pct", "default-life-years",
};

static GSettings *
reset_settings (void)
{
  GSettings *settings = sh_preferences_get_settings ();

  g_assert_nonnull (settings);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
  return settings;
}

static void
type_into (ShPreferencesDialog *dialog,
           const char          *key,
           const char          *text)
{
  GtkWidget *entry = sh_preferences_dialog_get_field (dialog, key);

  g_assert_true (GTK_IS_ENTRY (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static const char *
field_text (ShPreferencesDialog *dialog,
            const char          *key)
{
  return gtk_editable_get_text (GTK_EDITABLE (sh_preferences_dialog_get_field (dialog, key)));
}

static ShPreferencesDialog *
open_dialog (GSettings *settings)
{
  GtkWidget *dialog = sh_preferences_dialog_new (NULL, settings);

  gtk_window_present (GTK_WINDOW (dialog));
  SH_UI_WAIT_FOR (gtk_widget_get_mapped (dialog));
  return SH_PREFERENCES_DIALOG (dialog);
}

/* The dialog shows the settings, saves what is valid at once and refuses
 * what is not, with a message at the field; the setting keeps its value. */
static void
test_dialog (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  g_autofree char *language = NULL;
  ShPreferencesDialog *dialog;

  g_settings_set_double (settings, "default-tolerance-pct", 7.5);
  dialog = open_dialog (settings);

  g_assert_cmpstr (field_text (dialog, "default-tolerance-pct"), ==, "7,5");
  g_assert_cmpstr (field_text (dialog, "default-discount-rate-pct"), ==, "10");
  g_assert_cmpstr (field_text (dialog, "default-life-years"), ==, "10");
  g_assert_null (sh_preferences_dialog_get_message (dialog, "default-tolerance-pct"));

  /* A negative rate is refused where it was typed. */
  type_into (dialog, "default-discount-rate-pct", "-3");
  g_assert_cmpstr (sh_preferences_dialog_get_message (dialog, "default-discount-rate-pct"), ==,
                   sh_ui_test_in_vietnamese () ? "Nhập một số từ 0 đến 100." : "Enter a number from 0 to 100.");
  g_assert_true (gtk_widget_has_css_class (sh_preferences_dialog_get_field (dialog, "default-discount-rate-pct"),
                                           "error"));
  g_assert_cmpfloat (g_settings_get_double (settings, "default-discount-rate-pct"), ==, 10);
  g_assert_null (sh_preferences_dialog_get_message (dialog, "default-tolerance-pct"));

  type_into (dialog, "default-discount-rate-pct", "mười");
  g_assert_nonnull (strstr (sh_preferences_dialog_get_message (dialog, "default-discount-rate-pct"), "mười"));
  g_assert_cmpfloat (g_settings_get_double (settings, "default-discount-rate-pct"), ==, 10);

  sh_ui_test_save_screenshot (GTK_WIDGET (dialog), "test-preferences-error");

  /* A Vietnamese decimal comma is a valid rate. */
  type_into (dialog, "default-discount-rate-pct", "12,5");
  g_assert_null (sh_preferences_dialog_get_message (dialog, "default-discount-rate-pct"));
  g_assert_false (gtk_widget_has_css_class (sh_preferences_dialog_get_field (dialog, "default-discount-rate-pct"),
                                            "error"));
  g_assert_cmpfloat (g_settings_get_double (settings, "default-discount-rate-pct"), ==, 12.5);

  type_into (dialog, "default-tolerance-pct", "0");
  g_assert_nonnull (sh_preferences_dialog_get_message (dialog, "default-tolerance-pct"));
  g_assert_cmpfloat (g_settings_get_double (settings, "default-tolerance-pct"), ==, 7.5);
  type_into (dialog, "default-tolerance-pct", "");
  g_assert_nonnull (sh_preferences_dialog_get_message (dialog, "default-tolerance-pct"));
  type_into (dialog, "default-tolerance-pct", "2");
  g_assert_null (sh_preferences_dialog_get_message (dialog, "default-tolerance-pct"));
  g_assert_cmpfloat (g_settings_get_double (settings, "default-tolerance-pct"), ==, 2);

  /* A life is whole years. */
  type_into (dialog, "default-life-years", "2,5");
  g_assert_cmpstr (sh_preferences_dialog_get_message (dialog, "default-life-years"), ==,
                   sh_ui_test_in_vietnamese () ? "Nhập một số nguyên từ 1 đến 100." : "Enter a whole number from 1 to 100.");
  g_assert_cmpint (g_settings_get_int (settings, "default-life-years"), ==, 10);
  type_into (dialog, "default-life-years", "15");
  g_assert_null (sh_preferences_dialog_get_message (dialog, "default-life-years"));
  g_assert_cmpint (g_settings_get_int (settings, "default-life-years"), ==, 15);

  /* The language is saved for the next start. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sh_preferences_dialog_get_field (dialog, "language")), 1);
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "vi");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sh_preferences_dialog_get_field (dialog, "language")), 2);
  g_assert_cmpint (g_settings_get_enum (settings, "language"), ==, 2);

  sh_ui_test_save_screenshot (GTK_WIDGET (dialog), "test-preferences");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWidget *
find_preferences_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SH_IS_PREFERENCES_DIALOG (window))
        return GTK_WIDGET (window);
    }

  return NULL;
}

/* The menu's app.preferences opens the dialog, and Ctrl+, is its key. */
static void
test_action (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  g_autoptr(ShApplication) app = sh_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  GtkWidget *dialog;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  g_assert_null (find_preferences_dialog ());
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  SH_UI_WAIT_FOR ((dialog = find_preferences_dialog ()) != NULL && gtk_widget_get_mapped (dialog));
  g_assert_true (gtk_window_get_application (GTK_WINDOW (dialog)) == GTK_APPLICATION (app));
  gtk_window_destroy (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64
new_assessment (ShStore    *store,
                gint64      facility_id,
                const char *kind)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = sh_facility_page_new (store, facility_id, &error);
  gint64 id;

  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  id = sh_facility_page_new_assessment (SH_FACILITY_PAGE (page), kind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  return id;
}

static void
assert_assessment (ShStore *store,
                   gint64   id,
                   double   tolerance,
                   double   rate,
                   gint64   life)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShRecord) row = sh_store_get (store, "assessment", id, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (sh_record_get_double (row, "tolerance_pct", -1), ==, tolerance);
  g_assert_cmpfloat (sh_record_get_double (row, "discount_rate_pct", -1), ==, rate);
  g_assert_cmpint (sh_record_get_int (row, "life_years", -1), ==, life);
}

/* What is typed in the dialog is what the next new assessment, quick or
 * detailed, starts with; the ones made before keep their values. */
static void
test_new_assessment_defaults (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  g_autofree char *tmpdir = sh_test_make_tmpdir ("preferences");
  g_autofree char *path = g_build_filename (tmpdir, "sachhon.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) store = sh_store_open (path, &error);
  g_autoptr(ShRecord) facility = sh_record_new ("facility");
  ShPreferencesDialog *dialog;
  gint64 facility_id, before, quick, detailed;

  g_assert_no_error (error);
  sh_record_set_string (facility, "name", "Xí nghiệp thử");
  facility_id = sh_store_insert (store, facility, &error);
  g_assert_no_error (error);

  before = new_assessment (store, facility_id, "detailed");
  assert_assessment (store, before, 5, 10, 10);

  dialog = open_dialog (settings);
  type_into (dialog, "default-tolerance-pct", "2,5");
  type_into (dialog, "default-discount-rate-pct", "8");
  type_into (dialog, "default-life-years", "15");
  gtk_window_destroy (GTK_WINDOW (dialog));

  quick = new_assessment (store, facility_id, "quick");
  assert_assessment (store, quick, 2.5, 8, 15);
  detailed = new_assessment (store, facility_id, "detailed");
  assert_assessment (store, detailed, 2.5, 8, 15);
  assert_assessment (store, before, 5, 10, 10);

  g_clear_object (&store);
  sh_test_rm_rf (tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);
  sh_application_init_i18n ();
  gtk_init ();

  g_test_add_func ("/preferences/dialog", test_dialog);
  g_test_add_func ("/preferences/action", test_action);
  g_test_add_func ("/preferences/new-assessment-defaults", test_new_assessment_defaults);

  return g_test_run ();
}
