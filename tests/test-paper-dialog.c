/* test-paper-dialog.c — "Type In Paper Form…" and the marker of fields
 * typed in from paper, under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "sh-application.h"
#include "sh-assessment-view.h"
#include "sh-demo.h"
#include "sh-paper-entry-dialog.h"
#include "sh-paper-entry.h"
#include "sh-quick-form.h"
#include "sh-refdata.h"
#include "sh-test-utils.h"
#include "sh-ui-test-utils.h"
#include "sh-worksheet-util.h"

#define DEMO_QUICK_UUID "5ac4d000-0000-4000-8000-000000000100"

typedef struct
{
  char             *tmpdir;
  ShStore          *store;
  ShApplication    *app;
  GtkWindow        *window;
  ShAssessmentView *view;
  gint64            quick;
  gint64            facility;
} Fixture;

/* The paper-entry dialog among the toplevels, or NULL. */
static ShPaperEntryDialog *
find_paper_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SH_IS_PAPER_ENTRY_DIALOG (window))
        return SH_PAPER_ENTRY_DIALOG (window);
    }
  return NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(ShApplication) app = NULL;

  f->tmpdir = sh_test_make_tmpdir ("paper-dialog");
  path = g_build_filename (f->tmpdir, "sachhon.db", NULL);
  f->store = sh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sh_refdata_ensure_loaded (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (sh_demo_ensure (f->store, &error));
  g_assert_no_error (error);

  assessments = sh_store_list (f->store, "assessment", NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < assessments->len; i++)
    if (g_strcmp0 (sh_record_get_uuid (assessments->pdata[i]), DEMO_QUICK_UUID) == 0)
      {
        f->quick = sh_record_get_id (assessments->pdata[i]);
        f->facility = sh_record_get_int (assessments->pdata[i], "facility_id", 0);
      }
  g_assert_cmpint (f->quick, >, 0);

  f->app = sh_application_new ();
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_application (f->window, GTK_APPLICATION (f->app));
  gtk_window_set_default_size (f->window, 1280, 900);

  f->view = SH_ASSESSMENT_VIEW (sh_assessment_view_new (f->store, f->quick));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  SH_UI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ShPaperEntryDialog *dialog = find_paper_dialog ();

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->app);
  g_clear_object (&f->store);
  sh_test_rm_rf (f->tmpdir);
  g_clear_pointer (&f->tmpdir, g_free);
}

static void
type_in (ShPaperEntryDialog *dialog,
         const char         *code,
         const char         *text)
{
  GtkEntry *entry = sh_paper_entry_dialog_get_entry (dialog, code);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* Whether the dialog's focus is in @entry (an entry's text child takes it). */
static gboolean
focus_in (ShPaperEntryDialog *dialog,
          GtkEntry           *entry)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));

  return focus != NULL && (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));
}

static ShPaperEntryDialog *
open_dialog (Fixture *f)
{
  ShPaperEntryDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.enter-paper-form", NULL));
  SH_UI_WAIT_FOR ((dialog = find_paper_dialog ()) != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  return dialog;
}

static gint64
employees (Fixture *f)
{
  g_autoptr(ShRecord) facility = sh_store_get (f->store, "facility", f->facility, NULL);

  return sh_record_get_int (facility, "employees", -1);
}

static void
test_dialog_type_in (Fixture       *f,
                     gconstpointer  data)
{
  ShPaperEntryDialog *dialog = open_dialog (f);
  ShQuickForm *form = SH_QUICK_FORM (sh_assessment_view_get_part (f->view, "quick_form"));
  guint n_fields = 0;
  const ShPaperField *fields = sh_paper_fields_get (&n_fields);
  g_autoptr(ShRecord) assessment = NULL;
  GtkEntry *a11 = sh_paper_entry_dialog_get_entry (dialog, "A11");
  GtkEntry *a12 = sh_paper_entry_dialog_get_entry (dialog, "A12");
  const char *message;

  /* Every field of the paper form, by its code, with its label. */
  for (guint i = 0; i < n_fields; i++)
    {
      GtkEntry *entry = sh_paper_entry_dialog_get_entry (dialog, fields[i].code);

      g_assert_nonnull (entry);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (entry)), !=, NULL);
    }
  g_assert_true (focus_in (dialog, sh_paper_entry_dialog_get_entry (dialog, fields[0].code)));
  sh_ui_test_save_screenshot (GTK_WIDGET (dialog), "paper-entry-dialog");

  /* Enter on a value that cannot be read stays there and says why. */
  type_in (dialog, "A11", "nhiều");
  g_signal_emit_by_name (a11, "activate");
  g_assert_nonnull (sh_paper_entry_dialog_get_field_error (dialog, "A11"));
  g_assert_nonnull (strstr (sh_paper_entry_dialog_get_field_error (dialog, "A11"), "A11"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (a11), "error"));
  g_assert_false (focus_in (dialog, a12));

  /* Apply now writes nothing. */
  g_assert_false (sh_paper_entry_dialog_apply (dialog));
  g_assert_nonnull (sh_paper_entry_dialog_get_message (dialog));
  g_assert_cmpint (employees (f), ==, 180);
  sh_ui_test_save_screenshot (GTK_WIDGET (dialog), "paper-entry-dialog-error");

  /* Corrected, Enter moves on to the next field. */
  type_in (dialog, "A11", "1.250");
  g_assert_null (sh_paper_entry_dialog_get_field_error (dialog, "A11"));
  g_signal_emit_by_name (a11, "activate");
  g_assert_null (sh_paper_entry_dialog_get_field_error (dialog, "A11"));
  g_assert_true (focus_in (dialog, a12));
  type_in (dialog, "F02", "15,5");
  type_in (dialog, "F03", "Lắp đồng hồ nước cho từng công đoạn");
  /* A refusal found only when writing names its field too. */
  type_in (dialog, "A18", "01/01/2020");
  g_assert_false (sh_paper_entry_dialog_apply (dialog));
  message = sh_paper_entry_dialog_get_message (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "A18"));
  g_assert_nonnull (sh_paper_entry_dialog_get_field_error (dialog, "A18"));
  g_assert_cmpint (employees (f), ==, 180);
  type_in (dialog, "A18", "");

  g_assert_null (sh_quick_form_get_paper_marker (form, "facility", f->facility, "employees"));
  g_assert_true (sh_paper_entry_dialog_apply (dialog));
  SH_UI_WAIT_FOR (find_paper_dialog () == NULL);

  g_assert_cmpint (employees (f), ==, 1250);
  assessment = sh_store_get (f->store, "assessment", f->quick, NULL);
  g_assert_cmpfloat (sh_record_get_double (assessment, "cp_potential_pct", 0), ==, 15.5);

  /* The quick form marks the fields typed in from paper. */
  SH_UI_WAIT_FOR (sh_quick_form_get_paper_marker (form, "facility", f->facility, "employees") != NULL);
  SH_UI_WAIT_FOR (sh_quick_form_get_paper_marker (form, "assessment", f->quick, "recommendation") != NULL);
  g_assert_null (sh_quick_form_get_paper_marker (form, "facility", f->facility, "operating_days"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (sh_quick_form_get_paper_marker (form, "facility", f->facility,
                                                                               "employees")),
                   ==, _("Entered from paper form"));
  sh_quick_form_scroll_to_section (form, 1);
  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "paper-entry-marker");

  /* Ctrl+Z takes the whole entry back, and the markers with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.undo", NULL));
  SH_UI_WAIT_FOR (employees (f) == 180);
  g_clear_pointer (&assessment, sh_record_unref);
  assessment = sh_store_get (f->store, "assessment", f->quick, NULL);
  g_assert_cmpfloat (sh_record_get_double (assessment, "cp_potential_pct", 0), ==, 12);
  SH_UI_WAIT_FOR (sh_quick_form_get_paper_marker (form, "facility", f->facility, "employees") == NULL);
  g_assert_null (sh_quick_form_get_paper_marker (form, "assessment", f->quick, "recommendation"));
}

/* Scrolls the dialog so that the entry of @code is near the top. */
static void
scroll_to (ShPaperEntryDialog *dialog,
           const char         *code)
{
  GtkWidget *entry = GTK_WIDGET (sh_paper_entry_dialog_get_entry (dialog, code));
  GtkWidget *scroller = gtk_widget_get_ancestor (entry, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  g_assert_nonnull (content);
  SH_UI_WAIT_FOR (gtk_widget_compute_point (entry, content, &GRAPHENE_POINT_INIT (0, 0), &point) && point.y > 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), point.y - 80);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64
last_id (Fixture    *f,
         const char *table)
{
  g_autoptr(GPtrArray) rows = sh_store_list (f->store, table, "assessment_id", f->quick, NULL);

  return rows != NULL && rows->len > 0 ? sh_record_get_id (rows->pdata[rows->len - 1]) : 0;
}

/* The lists of the form: a new production row in B1 and a new observation
 * in D, typed cell by cell with Enter, show up in the quick form. */
static void
test_dialog_rows (Fixture       *f,
                  gconstpointer  data)
{
  ShPaperEntryDialog *dialog = open_dialog (f);
  ShQuickForm *form = SH_QUICK_FORM (sh_assessment_view_get_part (f->view, "quick_form"));
  g_autoptr(GPtrArray) production = sh_store_list (f->store, "production_record", "assessment_id", f->quick, NULL);
  g_autoptr(GPtrArray) observations = sh_store_list (f->store, "observation", "assessment_id", f->quick, NULL);
  g_autofree char *b1b = g_strdup_printf ("B1.%ub", production->len + 1);
  g_autofree char *b1c = g_strdup_printf ("B1.%uc", production->len + 1);
  g_autofree char *b1d = g_strdup_printf ("B1.%ud", production->len + 1);
  g_autofree char *d_b = g_strdup_printf ("D%ub", observations->len + 1);
  g_autofree char *d_c = g_strdup_printf ("D%uc", observations->len + 1);
  g_autofree char *d_d = g_strdup_printf ("D%ud", observations->len + 1);
  gint64 last_observation = last_id (f, "observation");
  gint64 last_production = last_id (f, "production_record");
  g_autoptr(ShRecord) row = NULL;
  g_autoptr(GHashTable) entered = NULL;
  g_autofree char *key = NULL;
  gint64 id;

  /* Every cell of every row printed has its entry, the recorded rows too. */
  g_assert_nonnull (sh_paper_entry_dialog_get_entry (dialog, "B2.1f"));
  g_assert_nonnull (sh_paper_entry_dialog_get_entry (dialog, "C1b"));
  g_assert_nonnull (sh_paper_entry_dialog_get_entry (dialog, "D1a"));
  g_assert_nonnull (sh_paper_entry_dialog_get_entry (dialog, "E1e"));
  g_assert_nonnull (sh_paper_entry_dialog_get_entry (dialog, b1b));
  g_assert_null (sh_paper_entry_dialog_get_entry (dialog, "B1.1e"));

  /* Enter moves along the row. */
  type_in (dialog, b1b, "Tinh bột sắn loại 2");
  g_signal_emit_by_name (sh_paper_entry_dialog_get_entry (dialog, b1b), "activate");
  g_assert_true (focus_in (dialog, sh_paper_entry_dialog_get_entry (dialog, b1c)));
  type_in (dialog, b1c, "250");
  type_in (dialog, b1d, "thùng");
  g_signal_emit_by_name (sh_paper_entry_dialog_get_entry (dialog, b1d), "activate");
  g_assert_nonnull (sh_paper_entry_dialog_get_field_error (dialog, b1d));
  g_assert_nonnull (strstr (sh_paper_entry_dialog_get_field_error (dialog, b1d), b1d));
  g_assert_false (sh_paper_entry_dialog_apply (dialog));
  g_assert_cmpint (last_id (f, "production_record"), ==, last_production);
  type_in (dialog, b1d, "tấn");

  type_in (dialog, d_b, "Hơi rò rỉ ở van xả đáy lò hơi");
  type_in (dialog, d_c, "Rò rỉ");
  type_in (dialog, d_d, "Cao");
  scroll_to (dialog, b1b);
  sh_ui_test_save_screenshot (GTK_WIDGET (dialog), "paper-entry-dialog-rows");
  scroll_to (dialog, d_b);
  sh_ui_test_save_screenshot (GTK_WIDGET (dialog), "paper-entry-dialog-rows-d");

  g_assert_true (sh_paper_entry_dialog_apply (dialog));
  SH_UI_WAIT_FOR (find_paper_dialog () == NULL);

  id = last_id (f, "production_record");
  g_assert_cmpint (id, >, last_production);
  row = sh_store_get (f->store, "production_record", id, NULL);
  g_assert_cmpstr (sh_record_get_string (row, "product"), ==, "Tinh bột sắn loại 2");
  g_assert_cmpfloat (sh_record_get_double (row, "quantity", 0), ==, 250);
  g_assert_cmpstr (sh_record_get_string (row, "unit"), ==, "t");
  id = last_id (f, "observation");
  g_assert_cmpint (id, >, last_observation);
  g_clear_pointer (&row, sh_record_unref);
  row = sh_store_get (f->store, "observation", id, NULL);
  g_assert_cmpstr (sh_record_get_string (row, "category"), ==, "leak");
  g_assert_cmpstr (sh_record_get_string (row, "severity"), ==, "high");
  entered = sh_paper_list_entered (f->store, f->quick, NULL);
  key = sh_paper_field_key ("observation", id, "issue");
  g_assert_true (g_hash_table_contains (entered, key));

  /* The rows are in the quick form's tables. */
  SH_UI_WAIT_FOR (sh_worksheet_find_field (GTK_WIDGET (form), "observation", id, "issue") != NULL);
  SH_UI_WAIT_FOR (sh_worksheet_find_field (GTK_WIDGET (form), "production_record", last_id (f, "production_record"),
                                           "product") != NULL);
  /* …outlined as typed in from paper, until a hand edit. */
  SH_UI_WAIT_FOR (sh_quick_form_get_paper_marker (form, "observation", id, "issue") != NULL);
  g_assert_nonnull (sh_quick_form_get_paper_marker (form, "observation", id, "severity"));
  g_assert_null (sh_quick_form_get_paper_marker (form, "observation", id, "location"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (sh_quick_form_get_paper_marker (form, "observation", id, "issue")),
                   ==, _("Entered from paper form"));
  sh_quick_form_scroll_to_section (form, 4);
  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "paper-entry-rows-form");
  g_assert_true (sh_edit_context_set_string (sh_assessment_view_get_context (f->view), "observation", id, "issue",
                                             "Van xả đáy rò rỉ", NULL));
  SH_UI_WAIT_FOR (sh_quick_form_get_paper_marker (form, "observation", id, "issue") == NULL);

  /* One undo takes the hand edit back and the outline with it, one more
   * the rows typed in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.undo", NULL));
  SH_UI_WAIT_FOR (sh_quick_form_get_paper_marker (form, "observation", id, "issue") != NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.undo", NULL));
  SH_UI_WAIT_FOR (last_id (f, "observation") == last_observation);
  g_assert_cmpint (last_id (f, "production_record"), ==, last_production);
}

/* The menu item is there only while the assessment can be edited. */
static void
test_dialog_read_only (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.finalize", NULL));
  SH_UI_WAIT_FOR (sh_store_is_assessment_locked (f->store, f->quick) ||
            sh_assessment_view_get_dialog (f->view) != NULL);
  if (!sh_store_is_assessment_locked (f->store, f->quick))
    {
      /* The finalize dialog asks first; finalize through the store and
       * tell the page, as the dialog does. */
      gtk_window_destroy (sh_assessment_view_get_dialog (f->view));
      g_assert_true (sh_store_finalize_assessment (f->store, f->quick, &error));
      g_assert_no_error (error);
      sh_edit_context_update_read_only (sh_assessment_view_get_context (f->view));
    }
  SH_UI_WAIT_FOR (sh_edit_context_get_read_only (sh_assessment_view_get_context (f->view)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.enter-paper-form", NULL) &&
                  find_paper_dialog () != NULL);
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);
  sh_application_init_i18n ();
  gtk_init ();

  g_test_add ("/paper-dialog/type-in", Fixture, NULL, fixture_set_up, test_dialog_type_in, fixture_tear_down);
  g_test_add ("/paper-dialog/rows", Fixture, NULL, fixture_set_up, test_dialog_rows, fixture_tear_down);
  g_test_add ("/paper-dialog/read-only", Fixture, NULL, fixture_set_up, test_dialog_read_only, fixture_tear_down);

  return g_test_run ();
}
