/* test-window.c — the application and its main window, as real widgets under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "sh-application.h"
#include "sh-assessment-row.h"
#include "sh-demo.h"
#include "sh-facility-item.h"
#include "sh-facility-page.h"
#include "sh-field-choice.h"
#include "sh-field-entry.h"
#include "sh-refdata.h"
#include "sh-test-utils.h"
#include "sh-ui-test-utils.h"
#include "sh-window.h"

typedef struct
{
  char          *tmpdir;
  ShStore       *store;
  ShApplication *app;
  ShWindow      *window;
} Fixture;

/* Whether a label showing exactly @text is on screen under @root. */
static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  if (!gtk_widget_is_visible (root) || !gtk_widget_get_child_visible (root))
    return FALSE;

  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (shows_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static void
collect_rows (GtkWidget *root,
              GPtrArray *rows)
{
  if (SH_IS_ASSESSMENT_ROW (root))
    {
      g_ptr_array_add (rows, root);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static GtkSingleSelection *
facility_selection (Fixture *f)
{
  GtkWidget *list = sh_ui_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (list);
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
}

static GtkStack *
content_stack (Fixture *f)
{
  GtkWidget *paned = sh_ui_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_PANED);

  g_assert_nonnull (paned);
  return GTK_STACK (gtk_paned_get_end_child (GTK_PANED (paned)));
}

static gboolean
stack_shows (GtkStack   *stack,
             const char *name)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), name) == 0;
}

static guint
position_of_facility (GListModel *model,
                      gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ShFacilityItem) item = g_list_model_get_item (model, i);

      if (sh_facility_item_get_id (item) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static ShApplication *
new_registered_application (void)
{
  ShApplication *app = sh_application_new ();
  g_autoptr(GError) error = NULL;

  /* Never hand our activation to an instance running on the desktop. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->tmpdir = sh_test_make_tmpdir ("window");
  path = g_build_filename (f->tmpdir, "sachhon.db", NULL);
  f->store = sh_store_open (path, &error);
  g_assert_no_error (error);
  sh_refdata_ensure_loaded (f->store, &error);
  g_assert_no_error (error);
  sh_demo_ensure (f->store, &error);
  g_assert_no_error (error);

  f->app = new_registered_application ();
  f->window = sh_window_new (f->app, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  SH_UI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&f->window)));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->app);
  g_clear_object (&f->store);
  sh_test_rm_rf (f->tmpdir);
  g_clear_pointer (&f->tmpdir, g_free);
}

static void
test_window_lists_facilities (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) facilities = NULL;
  g_autoptr(GError) error = NULL;
  GtkSingleSelection *selection = facility_selection (f);
  GtkWidget *list = sh_ui_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_LIST_VIEW);

  facilities = sh_store_list (f->store, "facility", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facilities->len, >=, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, facilities->len);

  /* Every facility of the store has a row on screen with its name. */
  for (guint i = 0; i < facilities->len; i++)
    {
      ShRecord *facility = g_ptr_array_index (facilities, i);
      const char *name = sh_record_get_string (facility, "name");

      g_assert_cmpuint (position_of_facility (G_LIST_MODEL (selection),
                                              sh_record_get_id (facility)),
                        !=, GTK_INVALID_LIST_POSITION);
      SH_UI_WAIT_FOR (shows_label (list, name));
    }

  /* Province codes are shown as the province of today: Kon Tum (62) became
   * part of Quảng Ngãi on 1 July 2025; Lạng Sơn (20) stayed itself. */
  SH_UI_WAIT_FOR (shows_label (list, "Đắk Tô, Quảng Ngãi"));
  g_assert_true (shows_label (list, "Thành phố Lạng Sơn, Lạng Sơn"));

  /* Nothing is selected at first: the content asks for a choice. */
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_true (stack_shows (content_stack (f), "empty"));
  SH_UI_WAIT_FOR (shows_label (GTK_WIDGET (f->window), sh_ui_test_expected ("Select a facility", "Chọn một cơ sở")));
  g_assert_true (shows_label (GTK_WIDGET (f->window), "sachhon.db"));
}

static void
search_for (Fixture    *f,
            const char *text,
            guint       n_expected)
{
  GtkWidget *entry = sh_ui_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY);
  GListModel *model = G_LIST_MODEL (facility_selection (f));

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  SH_UI_WAIT_FOR (g_list_model_get_n_items (model) == n_expected);

  /* It stays there: the count was not caught on its way to another value. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_expected);
}

static void
test_window_search (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) facilities = NULL;
  g_autoptr(ShRecord) cassava = sh_store_get (f->store, "facility",
                                               sh_ui_test_cassava_facility (f->store), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *needle = g_utf8_casefold ("ĐẮK TÔ", -1);
  GListModel *model = G_LIST_MODEL (facility_selection (f));
  GtkWidget *sidebar_list = sh_ui_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_LIST_VIEW);
  guint n_dak_to = 0;

  facilities = sh_store_list (f->store, "facility", NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < facilities->len; i++)
    {
      const char *name = sh_record_get_string (g_ptr_array_index (facilities, i), "name");
      g_autofree char *folded = g_utf8_casefold (name, -1);

      if (strstr (folded, needle) != NULL)
        n_dak_to++;
    }
  g_assert_cmpuint (n_dak_to, >=, 2);
  g_assert_cmpuint (n_dak_to, <, facilities->len);

  /* Upper case with diacritics finds the names that contain it. */
  search_for (f, "ĐẮK TÔ", n_dak_to);

  /* Without diacritics (no Vietnamese keyboard) it still finds the plant. */
  search_for (f, "tinh bot san", 1);
  {
    g_autoptr(ShFacilityItem) item = g_list_model_get_item (model, 0);

    g_assert_cmpint (sh_facility_item_get_id (item), ==, sh_record_get_id (cassava));
    g_assert_cmpstr (sh_facility_item_get_name (item), ==, sh_record_get_string (cassava, "name"));
  }

  /* No match: the list gives way to a message. */
  search_for (f, "xyzzy", 0);
  SH_UI_WAIT_FOR (shows_label (GTK_WIDGET (f->window),
                         sh_ui_test_expected ("No facility matches the search",
                                   "Không có cơ sở nào khớp với từ khóa tìm kiếm")));
  g_assert_false (gtk_widget_get_mapped (sidebar_list));

  /* Clearing the search shows them all again. */
  search_for (f, "", facilities->len);
  SH_UI_WAIT_FOR (gtk_widget_get_mapped (sidebar_list));
}

static void
test_window_select_facility (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ShRecord) cassava = sh_store_get (f->store, "facility",
                                               sh_ui_test_cassava_facility (f->store), NULL);
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkSingleSelection *selection = facility_selection (f);
  GtkStack *stack = content_stack (f);
  GtkWidget *page;
  guint position;
  gboolean saw_detailed = FALSE;

  assessments = sh_store_list (f->store, "assessment", "facility_id", sh_record_get_id (cassava),
                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assessments->len, >=, 2);

  position = position_of_facility (G_LIST_MODEL (selection), sh_record_get_id (cassava));
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (selection), position, TRUE);
  SH_UI_WAIT_FOR (stack_shows (stack, "facility"));

  page = gtk_stack_get_visible_child (stack);
  SH_UI_WAIT_FOR (shows_label (page, sh_record_get_string (cassava, "name")));
  g_assert_true (shows_label (page, sh_ui_test_expected ("Assessments", "Các đợt đánh giá")));

  /* The facility page shows the profile in its fields. */
  {
    ShFacilityPage *facility_page = SH_FACILITY_PAGE (sh_window_get_facility_page (f->window));
    GtkWidget *sector = sh_facility_page_get_part (facility_page, "sector_code");
    g_autofree char *address = sh_field_entry_get_text (SH_FIELD_ENTRY (sh_facility_page_get_part (facility_page,
                                                                                                  "address")));
    g_autofree char *vsic = sh_field_entry_get_text (SH_FIELD_ENTRY (sh_facility_page_get_part (facility_page,
                                                                                               "vsic_code")));
    GtkStringObject *shown = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (sh_field_choice_get_drop_down (SH_FIELD_CHOICE (sector))));

    g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (facility_page), page));
    g_assert_cmpstr (address, ==, sh_record_get_string (cassava, "address"));
    g_assert_cmpstr (vsic, ==, "1062");
    g_assert_cmpstr (sh_field_choice_get_code (SH_FIELD_CHOICE (sector)), ==, "cassava");
    g_assert_cmpstr (gtk_string_object_get_string (shown), ==,
                     sh_ui_test_expected ("Cassava starch", "Sản xuất tinh bột sắn"));
  }

  /* One row per assessment of this facility, in the store's order. */
  collect_rows (page, rows);
  g_assert_cmpuint (rows->len, ==, assessments->len);
  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *shown = sh_assessment_row_get_assessment (g_ptr_array_index (rows, i));
      ShRecord *stored = g_ptr_array_index (assessments, i);
      GtkWidget *row = g_ptr_array_index (rows, i);

      g_assert_cmpint (sh_record_get_id (shown), ==, sh_record_get_id (stored));
      g_assert_true (shows_label (row, sh_record_get_string (stored, "title")));
      if (g_strcmp0 (sh_record_get_string (stored, "kind"), "detailed") == 0)
        {
          saw_detailed = TRUE;
          g_assert_true (shows_label (row, sh_ui_test_expected ("Detailed assessment", "Đánh giá chi tiết")));
          g_assert_true (shows_label (row, "05/06/2023 – 20/12/2024"));
        }
    }
  g_assert_true (saw_detailed);

  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "test-window");

  /* Another facility replaces the rows, it does not add to them. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      if (i == position)
        continue;
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (selection), i, TRUE);
      {
        g_autoptr(ShFacilityItem) item = g_list_model_get_item (G_LIST_MODEL (selection), i);
        g_autoptr(GPtrArray) its = sh_store_list (f->store, "assessment", "facility_id",
                                                  sh_facility_item_get_id (item), &error);
        g_autoptr(GPtrArray) shown = g_ptr_array_new ();

        g_assert_no_error (error);
        SH_UI_WAIT_FOR (shows_label (gtk_stack_get_visible_child (stack),
                               sh_facility_item_get_name (item)));
        collect_rows (gtk_stack_get_visible_child (stack), shown);
        g_assert_cmpuint (shown->len, ==, its->len);
        if (its->len == 0)
          g_assert_true (shows_label (gtk_stack_get_visible_child (stack),
                                      sh_ui_test_expected ("No assessments yet. Start one with the buttons above.",
                                                "Chưa có đợt đánh giá nào. Hãy bắt đầu bằng các nút ở trên.")));
      }
    }

  /* Unselecting goes back to the empty state. */
  gtk_selection_model_unselect_item (GTK_SELECTION_MODEL (selection),
                                     gtk_single_selection_get_selected (selection));
  SH_UI_WAIT_FOR (stack_shows (stack, "empty"));
}

static void
test_window_remembers_size (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ShWindow *second;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 640);
  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  second = sh_window_new (f->app, f->store);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  gtk_window_destroy (GTK_WINDOW (second));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_app_about (Fixture       *f,
                gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkAboutDialog *about = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  for (guint i = 0; about == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_ABOUT_DIALOG (window))
        about = GTK_ABOUT_DIALOG (window);
    }

  g_assert_nonnull (about);
  g_assert_cmpstr (gtk_about_dialog_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (gtk_about_dialog_get_logo_icon_name (about), ==, APP_ID);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (f->window));
  if (sh_ui_test_in_vietnamese ())
    g_assert_nonnull (strstr (gtk_about_dialog_get_translator_credits (about), "Sạch Hơn"));
  gtk_window_destroy (GTK_WINDOW (about));
}

static gboolean
focus_in_search (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  GtkWidget *entry = sh_ui_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY);

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
test_app_actions (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(GStrv) quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app),
                                                                     "app.quit");
  GtkWidget *overlay;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (f->app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (f->app), "about"));
  g_assert_cmpstrv (quit_accels, ((const char *[]) { "<Control>q", NULL }));

  /* The shortcuts window comes from ui/gtk/help-overlay.ui. */
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window)));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  SH_UI_WAIT_FOR (gtk_widget_get_visible (overlay));
  g_assert_true (shows_label (overlay, sh_ui_test_expected ("Search facilities", "Tìm cơ sở")));
  gtk_window_close (GTK_WINDOW (overlay));

  /* Ctrl+F's action puts the focus back in the search entry. */
  g_assert_true (gtk_widget_grab_focus (sh_ui_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_LIST_VIEW)));
  g_assert_false (focus_in_search (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  SH_UI_WAIT_FOR (focus_in_search (f));
}

/* --- the whole application, through g_application_run () */

typedef struct
{
  ShApplication *app;
  guint          watch_id;
  gboolean       timed_out;
  char          *dialog_text;
  gboolean       had_window;
  gboolean       said_no_facilities;
  guint          n_facilities;
} RunState;

/* Watches the running application: answers the error dialog, or counts
 * the facilities of the main window and quits through app.quit. */
static gboolean
inspect_and_leave_cb (gpointer data)
{
  RunState *state = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          g_object_get (window, "secondary-text", &state->dialog_text, NULL);
          gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_CLOSE);
          state->watch_id = 0;
          return G_SOURCE_REMOVE;
        }

      if (SH_IS_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          GtkWidget *list = sh_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);
          GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));

          state->had_window = TRUE;
          state->said_no_facilities = shows_label (GTK_WIDGET (window),
                                                   sh_ui_test_expected ("No facilities yet",
                                                             "Chưa có cơ sở nào"));
          state->n_facilities = g_list_model_get_n_items (model);
          g_action_group_activate_action (G_ACTION_GROUP (state->app), "quit", NULL);
          state->watch_id = 0;
          return G_SOURCE_REMOVE;
        }
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
give_up_cb (gpointer data)
{
  RunState *state = data;

  state->timed_out = TRUE;
  g_application_quit (G_APPLICATION (state->app));
  return G_SOURCE_REMOVE;
}

static int
run_application (RunState   *state,
                 const char *db_path)
{
  const char *argv[] = { "sachhon", "--db", db_path, NULL };
  guint guard_id;
  int status;

  state->app = sh_application_new ();
  g_application_set_flags (G_APPLICATION (state->app), G_APPLICATION_NON_UNIQUE);
  state->watch_id = g_timeout_add (50, inspect_and_leave_cb, state);
  /* Should the program hang, end it and let the assertions fail. */
  guard_id = g_timeout_add_seconds (20, give_up_cb, state);

  status = g_application_run (G_APPLICATION (state->app), G_N_ELEMENTS (argv) - 1, (char **) argv);

  if (!state->timed_out)
    g_source_remove (guard_id);
  g_clear_handle_id (&state->watch_id, g_source_remove);
  g_assert_false (state->timed_out);

  return status;
}

static void
test_app_opens_database (void)
{
  g_autofree char *tmpdir = sh_test_make_tmpdir ("app-open");
  g_autofree char *path = g_build_filename (tmpdir, "new.db", NULL);
  g_autoptr(ShStore) store = NULL;
  g_autoptr(GPtrArray) facilities = NULL;
  g_autoptr(GError) error = NULL;
  RunState state = { 0 };

  g_assert_cmpint (run_application (&state, path), ==, 0);
  g_assert_true (state.had_window);
  g_assert_null (state.dialog_text);
  g_assert_nonnull (sh_application_get_store (state.app));
  g_assert_cmpstr (sh_store_get_path (sh_application_get_store (state.app)), ==, path);
  g_assert_false (state.said_no_facilities);
  g_clear_object (&state.app);

  /* The new database was seeded with the demo, and the window showed it. */
  store = sh_store_open (path, &error);
  g_assert_no_error (error);
  facilities = sh_store_list (store, "facility", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facilities->len, >, 0);
  g_assert_cmpuint (state.n_facilities, ==, facilities->len);

  g_clear_object (&store);
  sh_test_rm_rf (tmpdir);
}

static void
test_app_keeps_existing_database (void)
{
  g_autofree char *tmpdir = sh_test_make_tmpdir ("app-existing");
  g_autofree char *path = g_build_filename (tmpdir, "empty.db", NULL);
  g_autoptr(ShStore) store = NULL;
  g_autoptr(GPtrArray) facilities = NULL;
  g_autoptr(GError) error = NULL;
  RunState state = { 0 };

  /* A database that exists, even an empty one, is not seeded again: the
   * demo is for the first run only. */
  store = sh_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (run_application (&state, path), ==, 0);
  g_assert_true (state.had_window);
  g_assert_cmpuint (state.n_facilities, ==, 0);
  g_assert_true (state.said_no_facilities);
  g_clear_object (&state.app);

  store = sh_store_open (path, &error);
  g_assert_no_error (error);
  facilities = sh_store_list (store, "facility", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facilities->len, ==, 0);

  g_clear_object (&store);
  sh_test_rm_rf (tmpdir);
}

static void
test_app_refuses_corrupt_database (void)
{
  g_autofree char *tmpdir = sh_test_make_tmpdir ("app-corrupt");
  g_autofree char *path = g_build_filename (tmpdir, "broken.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) junk = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  RunState state = { 0 };

  for (int i = 0; i < 512; i++)
    g_string_append (junk, "This is a report, not a database. ");
  g_file_set_contents (path, junk->str, junk->len, &error);
  g_assert_no_error (error);

  run_application (&state, path);

  /* An error dialog named the file, no window opened, and the file is as
   * it was: nothing was created in its place. */
  g_assert_false (state.had_window);
  g_assert_nonnull (state.dialog_text);
  g_assert_nonnull (strstr (state.dialog_text, "broken.db"));
  g_assert_null (sh_application_get_store (state.app));
  g_clear_object (&state.app);

  g_file_get_contents (path, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, junk->str);

  g_free (state.dialog_text);
  sh_test_rm_rf (tmpdir);
}

static void
test_app_language_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));

  /* The setting wins over the desktop's language, in both directions. */
  g_setenv ("LANGUAGE", "vi", TRUE);
  g_settings_set_string (settings, "language", "en");
  sh_application_init_i18n ();
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");
  g_assert_cmpstr (_("Select a facility"), ==, "Select a facility");

  g_unsetenv ("LANGUAGE");
  g_settings_set_string (settings, "language", "vi");
  sh_application_init_i18n ();
  g_assert_cmpstr (_("Select a facility"), ==, "Chọn một cơ sở");

  /* Following the system leaves the environment alone. */
  g_settings_reset (settings, "language");
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  sh_application_init_i18n ();
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, language);
  g_assert_cmpstr (_("Select a facility"), ==, sh_ui_test_expected ("Select a facility", "Chọn một cơ sở"));
}

static void
test_window_verify_dossier (Fixture       *f,
                            gconstpointer  data)
{
  GListModel *toplevels;   /* owned by GTK */
  gboolean found = FALSE;

  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.verify-dossier", NULL));

  /* The verify dialog is a window of its own, on top of the main one. */
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WINDOW (f->window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (f->window))
        {
          found = TRUE;
          gtk_window_destroy (window);
          break;
        }
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);
  sh_application_init_i18n ();
  gtk_init ();

#define WINDOW_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  WINDOW_TEST ("/window/facilities", test_window_lists_facilities);
  WINDOW_TEST ("/window/search", test_window_search);
  WINDOW_TEST ("/window/select-facility", test_window_select_facility);
  WINDOW_TEST ("/window/remembers-size", test_window_remembers_size);
  WINDOW_TEST ("/window/verify-dossier", test_window_verify_dossier);
  WINDOW_TEST ("/app/about", test_app_about);
  WINDOW_TEST ("/app/actions", test_app_actions);
  g_test_add_func ("/app/opens-database", test_app_opens_database);
  g_test_add_func ("/app/keeps-existing-database", test_app_keeps_existing_database);
  g_test_add_func ("/app/refuses-corrupt-database", test_app_refuses_corrupt_database);
  g_test_add_func ("/app/language-setting", test_app_language_setting);

  return g_test_run ();
}
