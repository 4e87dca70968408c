/* test-fields.c — the editing kit (edit context, fields, record table) as real widgets.
 *
 * Every test types into real field widgets on a real window and checks what
 * reached the database file, read back through a second connection, as a
 * program started after a power cut would read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "sh-application.h"
#include "sh-edit-context.h"
#include "sh-field-check.h"
#include "sh-field-choice.h"
#include "sh-field-entry.h"
#include "sh-record-table.h"
#include "sh-refdata.h"
#include "sh-test-utils.h"
#include "sh-ui-test-utils.h"

typedef struct
{
  char          *tmpdir;
  char          *path;
  ShStore       *store;
  gint64         facility;
  gint64         assessment;
  ShEditContext *ctx;          /* the facility's */
  GtkWindow     *window;
  GtkBox        *box;
} Fixture;

/* What a second connection to the same file reads: what survives a kill. */
static char *
on_disk (Fixture    *f,
         const char *table,
         gint64      id,
         const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShStore) other = sh_store_open (f->path, &error);
  g_autoptr(ShRecord) row = NULL;

  g_assert_no_error (error);
  row = sh_store_get (other, table, id, &error);
  g_assert_no_error (error);
  return sh_value_to_string (sh_record_get_value (row, column));
}

static gboolean
disk_has (Fixture    *f,
          const char *table,
          gint64      id,
          const char *column,
          const char *value)
{
  g_autofree char *text = on_disk (f, table, id, column);

  return g_strcmp0 (text, value) == 0;
}

#define assert_on_disk(f, table, id, column, value)                     \
  G_STMT_START {                                                        \
    g_autofree char *text_ = on_disk ((f), (table), (id), (column));    \
    g_assert_cmpstr (text_, ==, (value));                               \
  } G_STMT_END

static void
assert_text (ShFieldEntry *field,
             const char   *text)
{
  g_autofree char *shown = sh_field_entry_get_text (field);

  g_assert_cmpstr (shown, ==, text);
}

static gboolean
has_error_style (ShFieldEntry *field)
{
  GtkWidget *input = sh_field_entry_get_input (field);

  if (GTK_IS_TEXT_VIEW (input))
    input = gtk_widget_get_parent (input);
  return gtk_widget_has_css_class (input, "error");
}

static gboolean
message_shown (ShFieldEntry *field)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (field));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
        gtk_widget_has_css_class (child, "field-message"))
      return TRUE;
  return FALSE;
}

static ShFieldEntry *
add_entry (Fixture       *f,
           ShEditContext *ctx,
           const char    *table,
           gint64         id,
           const char    *column,
           ShFieldKind    kind)
{
  GtkWidget *field = sh_field_entry_new (ctx, table, id, column, kind);

  sh_field_set_label (SH_FIELD (field), column);
  gtk_box_append (f->box, field);
  return SH_FIELD_ENTRY (field);
}

/* Types @text and leaves the field, as a person would. */
static gboolean
type_into (ShFieldEntry *field,
           const char   *text)
{
  sh_field_entry_set_text (field, text);
  return sh_field_entry_commit (field);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ShRecord) facility = sh_record_new ("facility");
  g_autoptr(ShRecord) assessment = sh_record_new ("assessment");
  g_autoptr(GError) error = NULL;

  f->tmpdir = sh_test_make_tmpdir ("fields");
  f->path = g_build_filename (f->tmpdir, "sachhon.db", NULL);
  f->store = sh_store_open (f->path, &error);
  g_assert_no_error (error);
  sh_refdata_ensure_loaded (f->store, &error);
  g_assert_no_error (error);

  sh_record_set_string (facility, "name", "Nhà máy tinh bột sắn Phước Hòa");
  f->facility = sh_store_insert (f->store, facility, &error);
  g_assert_no_error (error);

  sh_record_set_int (assessment, "facility_id", f->facility);
  sh_record_set_string (assessment, "kind", "quick");
  f->assessment = sh_store_insert (f->store, assessment, &error);
  g_assert_no_error (error);

  f->ctx = sh_edit_context_new_for_facility (f->store, f->facility, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 720, 560);
  f->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 8));
  gtk_widget_set_margin_start (GTK_WIDGET (f->box), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (f->box), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (f->box), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (f->box), 18);
  gtk_window_set_child (f->window, GTK_WIDGET (f->box));
  gtk_window_present (f->window);
  SH_UI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->ctx);
  g_clear_object (&f->store);
  sh_test_rm_rf (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->path);
}

/* -------------------------------------------------------------------------
 * Entries
 * ------------------------------------------------------------------------- */

static void
test_entry_text (Fixture       *f,
                 gconstpointer  data)
{
  ShFieldEntry *name = add_entry (f, f->ctx, "facility", f->facility, "name", SH_FIELD_KIND_TEXT);
  ShFieldEntry *address = add_entry (f, f->ctx, "facility", f->facility, "address", SH_FIELD_KIND_TEXT);
  ShFieldEntry *notes = add_entry (f, f->ctx, "facility", f->facility, "notes", SH_FIELD_KIND_MULTILINE);
  guint n_saved = 0;

  g_signal_connect_swapped (f->ctx, "saved", G_CALLBACK (g_atomic_int_inc), &n_saved);

  /* The field shows what is stored. */
  assert_text (name, "Nhà máy tinh bột sắn Phước Hòa");
  g_assert_true (GTK_IS_ENTRY (sh_field_entry_get_input (name)));
  g_assert_true (GTK_IS_TEXT_VIEW (sh_field_entry_get_input (notes)));

  /* Leaving the field saves at once. */
  g_assert_true (type_into (address, "Xã Phước Hòa, huyện Phú Giáo"));
  assert_on_disk (f, "facility", f->facility, "address", "Xã Phước Hòa, huyện Phú Giáo");
  g_assert_cmpuint (n_saved, ==, 1);

  /* Typing alone saves too, a moment after the last key. */
  sh_field_entry_set_text (name, "Công ty CP Tinh bột sắn Phước Hòa");
  SH_UI_WAIT_FOR (n_saved == 2);
  assert_on_disk (f, "facility", f->facility, "name", "Công ty CP Tinh bột sắn Phước Hòa");

  /* Leaving the field by moving the focus saves it before the delay, and
   * shows the value in its display form. */
  {
    ShFieldEntry *employees = add_entry (f, f->ctx, "facility", f->facility, "employees",
                                         SH_FIELD_KIND_INTEGER);

    g_assert_true (gtk_widget_grab_focus (sh_field_entry_get_input (employees)));
    sh_field_entry_set_text (employees, "2500");
    g_assert_true (gtk_widget_grab_focus (sh_field_entry_get_input (address)));
    assert_on_disk (f, "facility", f->facility, "employees", "2500");
    assert_text (employees, "2.500");
  }

  /* Several lines stay several lines. */
  g_assert_true (type_into (notes, "Hai dây chuyền.\nMột lò hơi đốt than."));
  assert_on_disk (f, "facility", f->facility, "notes", "Hai dây chuyền.\nMột lò hơi đốt than.");

  /* Emptying a field that is not required stores NULL. */
  g_assert_true (type_into (address, "   "));
  assert_on_disk (f, "facility", f->facility, "address", NULL);
}

static void
test_entry_numbers (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShEditContext) actx = sh_edit_context_new_for_assessment (f->store, f->assessment, &error);
  ShFieldEntry *employees = add_entry (f, f->ctx, "facility", f->facility, "employees", SH_FIELD_KIND_INTEGER);
  ShFieldEntry *capital = add_entry (f, f->ctx, "facility", f->facility, "capital_vnd", SH_FIELD_KIND_MONEY);
  ShFieldEntry *latitude = add_entry (f, f->ctx, "facility", f->facility, "latitude", SH_FIELD_KIND_NUMBER);
  ShFieldEntry *date = add_entry (f, f->ctx, "facility", f->facility, "cp_unit_decision_date", SH_FIELD_KIND_DATE);
  ShFieldEntry *potential = NULL;

  g_assert_no_error (error);
  potential = add_entry (f, actx, "assessment", f->assessment, "cp_potential_pct", SH_FIELD_KIND_PERCENT);

  /* Vietnamese grouping and the plain form are both understood, and the
   * field shows the Vietnamese form once left. */
  g_assert_true (type_into (employees, "1.250"));
  assert_on_disk (f, "facility", f->facility, "employees", "1250");
  assert_text (employees, "1.250");
  g_assert_true (type_into (employees, "85"));
  assert_on_disk (f, "facility", f->facility, "employees", "85");

  g_assert_true (type_into (capital, "2.500.000.000"));
  assert_on_disk (f, "facility", f->facility, "capital_vnd", "2500000000");
  assert_text (capital, "2.500.000.000");
  g_assert_true (type_into (capital, "1500000000 đ"));
  assert_on_disk (f, "facility", f->facility, "capital_vnd", "1500000000");

  sh_field_entry_set_allow_negative (latitude, TRUE);
  sh_field_entry_set_decimals (latitude, 4);
  g_assert_true (type_into (latitude, "11,2745"));
  assert_on_disk (f, "facility", f->facility, "latitude", "11.2745");
  assert_text (latitude, "11,2745");
  g_assert_true (type_into (latitude, "11.5"));
  assert_on_disk (f, "facility", f->facility, "latitude", "11.5");
  assert_text (latitude, "11,5");

  g_assert_true (type_into (potential, "12,5"));
  assert_on_disk (f, "assessment", f->assessment, "cp_potential_pct", "12.5");
  g_assert_true (type_into (potential, "15 %"));
  assert_on_disk (f, "assessment", f->assessment, "cp_potential_pct", "15");
  assert_text (potential, "15");

  /* Dates are typed dd/mm/yyyy and stored ISO. */
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (sh_field_entry_get_input (date))), ==,
                   sh_ui_test_expected ("dd/mm/yyyy", "nn/tt/nnnn"));
  g_assert_true (type_into (date, "5/3/2024"));
  assert_on_disk (f, "facility", f->facility, "cp_unit_decision_date", "2024-03-05");
  assert_text (date, "05/03/2024");
  g_assert_true (type_into (date, "2024-12-31"));
  assert_on_disk (f, "facility", f->facility, "cp_unit_decision_date", "2024-12-31");
  assert_text (date, "31/12/2024");
}

/* Bad input of every kind: a message saying what is expected, the error
 * style, and the database keeping the last good value. */
static void
test_entry_bad_input (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShEditContext) actx = sh_edit_context_new_for_assessment (f->store, f->assessment, &error);
  ShFieldEntry *name = add_entry (f, f->ctx, "facility", f->facility, "name", SH_FIELD_KIND_TEXT);
  ShFieldEntry *employees = add_entry (f, f->ctx, "facility", f->facility, "employees", SH_FIELD_KIND_INTEGER);
  ShFieldEntry *days = add_entry (f, f->ctx, "facility", f->facility, "operating_days", SH_FIELD_KIND_INTEGER);
  ShFieldEntry *capital = add_entry (f, f->ctx, "facility", f->facility, "capital_vnd", SH_FIELD_KIND_MONEY);
  ShFieldEntry *date = add_entry (f, f->ctx, "facility", f->facility, "cp_unit_decision_date", SH_FIELD_KIND_DATE);
  ShFieldEntry *start = NULL;
  ShFieldEntry *end = NULL;
  ShFieldEntry *potential = NULL;
  guint n_failed = 0;

  g_assert_no_error (error);
  start = add_entry (f, actx, "assessment", f->assessment, "start_date", SH_FIELD_KIND_DATE);
  end = add_entry (f, actx, "assessment", f->assessment, "end_date", SH_FIELD_KIND_DATE);
  potential = add_entry (f, actx, "assessment", f->assessment, "cp_potential_pct", SH_FIELD_KIND_PERCENT);
  sh_field_entry_set_required (name, TRUE);
  sh_field_entry_set_range (days, 0, 366);
  sh_field_entry_set_range (potential, 0, 100);
  g_signal_connect_swapped (f->ctx, "failed", G_CALLBACK (g_atomic_int_inc), &n_failed);

  g_assert_true (type_into (employees, "120"));
  g_assert_true (type_into (days, "300"));
  g_assert_true (type_into (capital, "900.000.000"));
  g_assert_true (type_into (date, "01/02/2024"));
  g_assert_null (sh_field_entry_get_error_message (employees));
  g_assert_false (has_error_style (employees));

  /* Text in a number. */
  g_assert_false (type_into (employees, "một trăm"));
  g_assert_cmpstr (sh_field_entry_get_error_message (employees), ==,
                   sh_ui_test_expected ("Expected a whole number, e.g. 1.250.", "Cần một số nguyên, ví dụ 1.250."));
  g_assert_true (has_error_style (employees));
  g_assert_true (message_shown (employees));
  assert_text (employees, "một trăm");
  assert_on_disk (f, "facility", f->facility, "employees", "120");

  /* A fraction where a whole number is meant. */
  g_assert_false (type_into (employees, "12,5"));
  assert_on_disk (f, "facility", f->facility, "employees", "120");

  /* A negative count. */
  g_assert_false (type_into (employees, "-5"));
  g_assert_cmpstr (sh_field_entry_get_error_message (employees), ==,
                   sh_ui_test_expected ("Must not be negative.", "Không được là số âm."));
  assert_on_disk (f, "facility", f->facility, "employees", "120");

  /* Correcting it clears the message and saves. */
  g_assert_true (type_into (employees, "130"));
  g_assert_null (sh_field_entry_get_error_message (employees));
  g_assert_false (has_error_style (employees));
  g_assert_false (message_shown (employees));
  assert_on_disk (f, "facility", f->facility, "employees", "130");

  /* Out of range. */
  g_assert_false (type_into (days, "400"));
  g_assert_cmpstr (sh_field_entry_get_error_message (days), ==,
                   sh_ui_test_expected ("Expected a number from 0 to 366.", "Cần một số từ 0 đến 366."));
  assert_on_disk (f, "facility", f->facility, "operating_days", "300");
  g_assert_false (type_into (potential, "120"));
  g_assert_cmpstr (sh_field_entry_get_error_message (potential), ==,
                   sh_ui_test_expected ("Expected a number from 0 to 100.", "Cần một số từ 0 đến 100."));
  g_assert_false (type_into (potential, "mười"));
  g_assert_cmpstr (sh_field_entry_get_error_message (potential), ==,
                   sh_ui_test_expected ("Expected a percentage, e.g. 12,5.", "Cần một tỷ lệ phần trăm, ví dụ 12,5."));
  assert_on_disk (f, "assessment", f->assessment, "cp_potential_pct", NULL);

  /* Money with a fraction of a đồng, and money in words. */
  g_assert_false (type_into (capital, "1.000,5"));
  g_assert_cmpstr (sh_field_entry_get_error_message (capital), ==,
                   sh_ui_test_expected ("Expected an amount in đồng, e.g. 1.500.000.",
                             "Cần một số tiền bằng đồng, ví dụ 1.500.000."));
  g_assert_false (type_into (capital, "một tỷ"));
  assert_on_disk (f, "facility", f->facility, "capital_vnd", "900000000");

  /* A date that does not exist, and one that is not a date. */
  g_assert_false (type_into (date, "30/02/2024"));
  g_assert_cmpstr (sh_field_entry_get_error_message (date), ==,
                   sh_ui_test_expected ("30/02/2024 does not exist. Expected a real date as dd/mm/yyyy.",
                             "Không có ngày 30/02/2024. Cần một ngày có thật, dạng nn/tt/nnnn."));
  g_assert_true (has_error_style (date));
  g_assert_false (type_into (date, "tháng sau"));
  g_assert_cmpstr (sh_field_entry_get_error_message (date), ==,
                   sh_ui_test_expected ("Expected a date that exists, as dd/mm/yyyy (e.g. 31/12/2024).",
                             "Cần một ngày có thật, dạng nn/tt/nnnn (ví dụ 31/12/2024)."));
  assert_on_disk (f, "facility", f->facility, "cp_unit_decision_date", "2024-02-01");

  /* Dates out of order, which only the database knows. */
  g_assert_true (type_into (start, "01/06/2024"));
  g_assert_true (type_into (end, "31/12/2024"));
  g_assert_false (type_into (end, "01/01/2024"));
  g_assert_cmpstr (sh_field_entry_get_error_message (end), ==,
                   sh_ui_test_expected ("Out of order: an end date cannot be before its start date.",
                             "Sai thứ tự: ngày kết thúc không thể trước ngày bắt đầu."));
  assert_on_disk (f, "assessment", f->assessment, "end_date", "2024-12-31");

  /* A required field left empty. */
  g_assert_false (type_into (name, ""));
  g_assert_cmpstr (sh_field_entry_get_error_message (name), ==,
                   sh_ui_test_expected ("Required: this cannot be left empty.", "Bắt buộc: không được để trống."));
  assert_on_disk (f, "facility", f->facility, "name", "Nhà máy tinh bột sắn Phước Hòa");

  /* None of this is the window's business: the fields said it. */
  g_assert_cmpuint (n_failed, ==, 0);
}

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ShFieldEntry *name = add_entry (f, f->ctx, "facility", f->facility, "name", SH_FIELD_KIND_TEXT);
  ShFieldEntry *employees = add_entry (f, f->ctx, "facility", f->facility, "employees", SH_FIELD_KIND_INTEGER);

  g_assert_false (sh_edit_context_get_can_undo (f->ctx));

  g_assert_true (type_into (employees, "100"));
  g_assert_true (type_into (employees, "250"));
  g_assert_true (type_into (name, "Nhà máy A"));
  g_assert_true (sh_edit_context_get_can_undo (f->ctx));

  /* Undo goes back one edit at a time, fields and file alike. */
  g_assert_true (sh_edit_context_undo (f->ctx, &error));
  g_assert_no_error (error);
  assert_text (name, "Nhà máy tinh bột sắn Phước Hòa");
  assert_on_disk (f, "facility", f->facility, "name", "Nhà máy tinh bột sắn Phước Hòa");

  g_assert_true (sh_edit_context_undo (f->ctx, &error));
  assert_text (employees, "100");
  assert_on_disk (f, "facility", f->facility, "employees", "100");
  g_assert_true (sh_edit_context_get_can_redo (f->ctx));

  g_assert_true (sh_edit_context_redo (f->ctx, &error));
  assert_text (employees, "250");
  assert_on_disk (f, "facility", f->facility, "employees", "250");
  g_assert_true (sh_edit_context_redo (f->ctx, &error));
  assert_text (name, "Nhà máy A");
  g_assert_false (sh_edit_context_get_can_redo (f->ctx));

  /* Typing that was not yet saved is saved before an undo, so the undo
   * takes back that typing and nothing else. */
  sh_field_entry_set_text (employees, "999");
  g_assert_true (sh_edit_context_undo (f->ctx, &error));
  assert_text (employees, "250");
  assert_on_disk (f, "facility", f->facility, "employees", "250");

  /* A word typed letter by letter undoes in one step. */
  g_assert_true (type_into (name, "N"));
  g_assert_true (sh_edit_context_set_string (f->ctx, "facility", f->facility, "name", "Nh", &error));
  g_assert_true (sh_edit_context_set_string (f->ctx, "facility", f->facility, "name", "Nhà", &error));
  g_assert_true (sh_edit_context_set_string (f->ctx, "facility", f->facility, "name", "Nhà m", &error));
  assert_text (name, "Nhà m");
  g_assert_true (sh_edit_context_undo (f->ctx, &error));
  assert_text (name, "N");
  assert_on_disk (f, "facility", f->facility, "name", "N");
}

static void
test_choice_and_check (Fixture       *f,
                       gconstpointer  data)
{
  static const ShChoice sizes[] = {
    { "small", NC_("facility size", "Small"), "facility size" },
    { "medium", NC_("facility size", "Medium"), "facility size" },
    { "large", NC_("facility size", "Large"), "facility size" },
  };
  g_autoptr(GError) error = NULL;
  ShFieldChoice *size = SH_FIELD_CHOICE (sh_field_choice_new (f->ctx, "facility", f->facility, "size_class"));
  ShFieldChoice *unit = NULL;
  ShFieldCheck *key_user = SH_FIELD_CHECK (sh_field_check_new (f->ctx, "facility", f->facility,
                                                               "key_energy_user", "Key energy user"));
  GtkDropDown *drop_down = GTK_DROP_DOWN (sh_field_choice_get_drop_down (size));
  g_autoptr(ShRecord) product = sh_record_new ("facility_product");
  gint64 product_id;

  gtk_box_append (f->box, GTK_WIDGET (size));
  gtk_box_append (f->box, GTK_WIDGET (key_user));
  sh_field_choice_set_allow_none (size, TRUE, NULL);
  sh_field_choice_set_static (size, sizes, G_N_ELEMENTS (sizes));
  g_assert_cmpuint (sh_field_choice_get_n_choices (size), ==, 4);
  g_assert_null (sh_field_choice_get_code (size));

  /* Picking saves the code; the label is in the interface's language. */
  g_assert_true (sh_field_choice_select_code (size, "medium"));
  assert_on_disk (f, "facility", f->facility, "size_class", "medium");
  {
    GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

    g_assert_cmpstr (gtk_string_object_get_string (item), ==, sh_ui_test_expected ("Medium", "Vừa"));
  }

  /* The drop-down follows undo and redo. */
  g_assert_true (sh_edit_context_undo (f->ctx, &error));
  g_assert_null (sh_field_choice_get_code (size));
  assert_on_disk (f, "facility", f->facility, "size_class", NULL);
  g_assert_true (sh_edit_context_redo (f->ctx, &error));
  g_assert_cmpstr (sh_field_choice_get_code (size), ==, "medium");

  /* A stored code that is not offered is shown, not replaced. */
  g_assert_true (sh_store_set_string (f->store, "facility", f->facility, "size_class", "micro", &error));
  sh_field_reload (SH_FIELD (size));
  g_assert_cmpstr (sh_field_choice_get_code (size), ==, "micro");
  g_assert_cmpuint (sh_field_choice_get_n_choices (size), ==, 4);
  assert_on_disk (f, "facility", f->facility, "size_class", "micro");

  /* Units of one dimension, from the units table. */
  sh_record_set_int (product, "facility_id", f->facility);
  sh_record_set_string (product, "name", "Tinh bột sắn");
  product_id = sh_edit_context_insert (f->ctx, product, &error);
  g_assert_no_error (error);
  unit = SH_FIELD_CHOICE (sh_field_choice_new (f->ctx, "facility_product", product_id, "capacity_unit"));
  gtk_box_append (f->box, GTK_WIDGET (unit));
  sh_field_choice_set_units (unit, "mass");
  g_assert_cmpuint (sh_field_choice_get_n_choices (unit), >=, 2);
  g_assert_true (sh_field_choice_select_code (unit, "t"));
  assert_on_disk (f, "facility_product", product_id, "capacity_unit", "t");
  g_assert_false (sh_field_choice_select_code (unit, "kWh"));

  /* A list from the reference data. */
  g_assert_true (sh_field_choice_set_list (unit, "cost_class", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sh_field_choice_get_n_choices (unit), ==, 4);

  /* The check box. */
  g_assert_false (sh_field_check_get_active (key_user));
  g_assert_true (sh_field_check_set_active (key_user, TRUE));
  assert_on_disk (f, "facility", f->facility, "key_energy_user", "1");
  g_assert_true (sh_edit_context_undo (f->ctx, &error));
  g_assert_false (sh_field_check_get_active (key_user));
  assert_on_disk (f, "facility", f->facility, "key_energy_user", "0");
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShEditContext) actx = sh_edit_context_new_for_assessment (f->store, f->assessment, &error);
  ShFieldEntry *title = add_entry (f, actx, "assessment", f->assessment, "title", SH_FIELD_KIND_TEXT);
  GtkWidget *scope = sh_field_check_new (actx, "assessment", f->assessment, "continue_recommended",
                                         "Continue");
  guint n_failed = 0;

  gtk_box_append (f->box, scope);
  g_signal_connect_swapped (actx, "failed", G_CALLBACK (g_atomic_int_inc), &n_failed);
  g_assert_false (sh_edit_context_get_read_only (actx));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (title)));
  g_assert_true (type_into (title, "Đánh giá nhanh 2024"));

  /* Finalized: nothing can be typed into it any more. */
  g_assert_true (sh_store_finalize_assessment (f->store, f->assessment, &error));
  g_assert_no_error (error);
  sh_edit_context_update_read_only (actx);
  g_assert_true (sh_edit_context_get_read_only (actx));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (title)));
  g_assert_false (gtk_widget_get_sensitive (scope));

  /* Should a change get through anyway, the store refuses it, the field
   * says so, and the window is told. */
  g_assert_false (type_into (title, "Sửa sau khi hoàn tất"));
  g_assert_cmpstr (sh_field_entry_get_error_message (title), ==,
                   sh_ui_test_expected ("Not saved: this assessment is finalized.",
                             "Chưa lưu: đợt đánh giá này đã hoàn tất."));
  g_assert_cmpuint (n_failed, ==, 1);
  assert_on_disk (f, "assessment", f->assessment, "title", "Đánh giá nhanh 2024");

  g_assert_true (sh_store_reopen_assessment (f->store, f->assessment, "Sửa lỗi chính tả", &error));
  sh_edit_context_update_read_only (actx);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (title)));
}

/* -------------------------------------------------------------------------
 * Record table
 * ------------------------------------------------------------------------- */

static const ShChoice roles[] = {
  { "leader", NC_("team role", "Leader"), "team role" },
  { "member", NC_("team role", "Member"), "team role" },
  { "consultant", NC_("team role", "Consultant"), "team role" },
};

static const ShColumnSpec team_columns[] = {
  { .column = "name", .title = N_("Name"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .required = TRUE, .expand = TRUE, .default_text = N_("New member") },
  { .column = "position", .title = N_("Position"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT },
  { .column = "role", .title = N_("Role in the team"), .type = SH_COLUMN_CHOICE,
    .choices = roles, .n_choices = G_N_ELEMENTS (roles), .default_text = "member" },
};

static void
test_record_table (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *widget = sh_record_table_new (f->ctx, "team_member", "facility_id", f->facility,
                                           team_columns, G_N_ELEMENTS (team_columns));
  ShRecordTable *table = SH_RECORD_TABLE (widget);
  g_autofree char *uuid = NULL;
  ShFieldEntry *name;
  gint64 first, second;

  sh_record_table_set_empty_text (table, "Chưa có thành viên");
  gtk_box_append (f->box, widget);
  g_assert_cmpuint (sh_record_table_get_n_rows (table), ==, 0);

  /* Add row: a row with the defaults of the required columns. */
  first = sh_record_table_add_row (table, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpuint (sh_record_table_get_n_rows (table), ==, 1);
  assert_on_disk (f, "team_member", first, "name", sh_ui_test_expected ("New member", "Thành viên mới"));
  assert_on_disk (f, "team_member", first, "role", "member");
  assert_on_disk (f, "team_member", first, "facility_id",
                  (uuid = g_strdup_printf ("%" G_GINT64_FORMAT, f->facility)));
  g_clear_pointer (&uuid, g_free);

  /* Its cells edit it. */
  name = SH_FIELD_ENTRY (sh_record_table_get_cell (table, 0, "name"));
  g_assert_true (type_into (name, "Nguyễn Văn An"));
  g_assert_true (sh_field_choice_select_code (SH_FIELD_CHOICE (sh_record_table_get_cell (table, 0, "role")),
                                              "leader"));
  assert_on_disk (f, "team_member", first, "name", "Nguyễn Văn An");
  assert_on_disk (f, "team_member", first, "role", "leader");
  g_assert_false (type_into (name, " "));
  assert_on_disk (f, "team_member", first, "name", "Nguyễn Văn An");
  g_assert_true (type_into (name, "Nguyễn Văn An"));

  second = sh_record_table_add_row (table, &error);
  g_assert_no_error (error);
  g_assert_true (type_into (SH_FIELD_ENTRY (sh_record_table_get_cell (table, 1, "name")), "Trần Thị Bình"));
  g_assert_cmpuint (sh_record_table_get_n_rows (table), ==, 2);

  /* Delete: gone at once, with a way back. */
  {
    g_autoptr(ShRecord) row = sh_store_get (f->store, "team_member", first, &error);

    uuid = g_strdup (sh_record_get_uuid (row));
  }
  g_assert_true (sh_record_table_delete_row (table, first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sh_record_table_get_n_rows (table), ==, 1);
  g_assert_null (sh_store_get (f->store, "team_member", first, NULL));
  g_assert_true (sh_record_table_get_undo_visible (table));
  g_assert_cmpstr (sh_record_table_get_undo_text (table), ==,
                   sh_ui_test_expected ("Deleted “Nguyễn Văn An”", "Đã xóa “Nguyễn Văn An”"));

  g_assert_true (sh_record_table_undo_delete (table, &error));
  g_assert_no_error (error);
  g_assert_false (sh_record_table_get_undo_visible (table));
  g_assert_cmpuint (sh_record_table_get_n_rows (table), ==, 2);
  rows = sh_store_list (f->store, "team_member", "facility_id", f->facility, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < rows->len; i++)
      {
        ShRecord *row = g_ptr_array_index (rows, i);

        if (g_strcmp0 (sh_record_get_uuid (row), uuid) == 0)
          {
            found = TRUE;
            g_assert_cmpstr (sh_record_get_string (row, "name"), ==, "Nguyễn Văn An");
            g_assert_cmpstr (sh_record_get_string (row, "role"), ==, "leader");
          }
      }
    g_assert_true (found);
  }

  /* Any other edit takes the offer back: Undo would undo that edit. */
  g_assert_true (sh_record_table_delete_row (table, second, &error));
  g_assert_true (sh_record_table_get_undo_visible (table));
  g_assert_true (type_into (SH_FIELD_ENTRY (sh_record_table_get_cell (table, 0, "position")), "Quản đốc"));
  g_assert_false (sh_record_table_get_undo_visible (table));

  /* Undo of the whole page brings back rows too; redo removes them. */
  g_assert_true (sh_edit_context_undo (f->ctx, &error));
  g_assert_true (sh_edit_context_undo (f->ctx, &error));
  g_assert_cmpuint (sh_record_table_get_n_rows (table), ==, 2);
  g_assert_true (sh_edit_context_redo (f->ctx, &error));
  g_assert_cmpuint (sh_record_table_get_n_rows (table), ==, 1);
}

static void
test_record_table_empty (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *widget = sh_record_table_new (f->ctx, "team_member", "facility_id", f->facility,
                                           team_columns, G_N_ELEMENTS (team_columns));
  g_autoptr(GError) error = NULL;
  gint64 id;

  sh_record_table_set_empty_text (SH_RECORD_TABLE (widget), "Chưa có thành viên");
  gtk_box_append (f->box, widget);
  SH_UI_WAIT_FOR (gtk_widget_get_mapped (widget));

  /* Without rows, the words say so; with one, the grid shows. */
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_first_child (widget)));
  {
    GtkWidget *frame = gtk_widget_get_first_child (widget);
    GtkWidget *inner = gtk_frame_get_child (GTK_FRAME (frame));
    GtkWidget *scroller = gtk_widget_get_first_child (inner);
    GtkWidget *empty = gtk_widget_get_next_sibling (scroller);

    g_assert_true (gtk_widget_get_visible (empty));
    g_assert_false (gtk_widget_get_visible (scroller));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (empty)), ==, "Chưa có thành viên");

    id = sh_record_table_add_row (SH_RECORD_TABLE (widget), &error);
    g_assert_no_error (error);
    g_assert_false (gtk_widget_get_visible (empty));
    g_assert_true (gtk_widget_get_visible (scroller));

    g_assert_true (sh_record_table_delete_row (SH_RECORD_TABLE (widget), id, &error));
    g_assert_true (gtk_widget_get_visible (empty));
  }
}

/* -------------------------------------------------------------------------
 * Kill safety
 * ------------------------------------------------------------------------- */

static void
test_kill_safety (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ShFieldEntry *phone = add_entry (f, f->ctx, "facility", f->facility, "phone", SH_FIELD_KIND_TEXT);
  ShFieldEntry *email = add_entry (f, f->ctx, "facility", f->facility, "email", SH_FIELD_KIND_TEXT);
  ShFieldEntry *tax = add_entry (f, f->ctx, "facility", f->facility, "tax_code", SH_FIELD_KIND_TEXT);
  GtkWidget *widget;

  /* Each committed field is on disk the moment it is committed. */
  g_assert_true (type_into (phone, "0274 3650 123"));
  assert_on_disk (f, "facility", f->facility, "phone", "0274 3650 123");
  g_assert_true (type_into (email, "phuochoa@example.vn"));
  assert_on_disk (f, "facility", f->facility, "email", "phuochoa@example.vn");

  /* Typing is on disk within the save delay, without leaving the field. */
  sh_field_entry_set_text (tax, "3700148166");
  SH_UI_WAIT_FOR (disk_has (f, "facility", f->facility, "tax_code", "3700148166"));

  /* Typing when the page goes away is saved as it goes. */
  sh_field_entry_set_text (phone, "0274 3650 999");
  gtk_box_remove (f->box, GTK_WIDGET (phone));
  assert_on_disk (f, "facility", f->facility, "phone", "0274 3650 999");

  /* And a flush (before undo, or closing) saves every field's typing. */
  sh_field_entry_set_text (email, "kythuat@example.vn");
  sh_edit_context_flush (f->ctx);
  assert_on_disk (f, "facility", f->facility, "email", "kythuat@example.vn");

  /* Rows added and deleted are on disk at once too. */
  widget = sh_record_table_new (f->ctx, "team_member", "facility_id", f->facility,
                                team_columns, G_N_ELEMENTS (team_columns));
  gtk_box_append (f->box, widget);
  {
    gint64 id = sh_record_table_add_row (SH_RECORD_TABLE (widget), &error);
    g_autoptr(ShStore) other = NULL;
    g_autoptr(GPtrArray) rows = NULL;

    g_assert_no_error (error);
    other = sh_store_open (f->path, &error);
    rows = sh_store_list (other, "team_member", "facility_id", f->facility, &error);
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpint (sh_record_get_id (g_ptr_array_index (rows, 0)), ==, id);
  }
}

/* -------------------------------------------------------------------------
 * Screenshot
 * ------------------------------------------------------------------------- */

static void
test_screenshot (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *grid = gtk_grid_new ();
  struct { const char *column; ShFieldKind kind; const char *label; const char *text; } fields[] = {
    { "name", SH_FIELD_KIND_TEXT, N_("Name"), NULL },
    { "employees", SH_FIELD_KIND_INTEGER, N_("Employees"), "1.250" },
    { "capital_vnd", SH_FIELD_KIND_MONEY, N_("Capital"), "2.500.000.000" },
    { "operating_days", SH_FIELD_KIND_INTEGER, N_("Operating days a year"), "400" },
    { "cp_unit_decision_date", SH_FIELD_KIND_DATE, N_("Decision date"), "30/02/2024" },
  };
  GtkWidget *table;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 10);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (f->box, grid);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *label = gtk_label_new (gettext (fields[i].label));
      GtkWidget *field = sh_field_entry_new (f->ctx, "facility", f->facility, fields[i].column, fields[i].kind);

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_set_margin_top (label, 7);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_hexpand (field, TRUE);
      gtk_grid_attach (GTK_GRID (grid), label, 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), field, 1, i, 1, 1);
      if (g_str_equal (fields[i].column, "operating_days"))
        sh_field_entry_set_range (SH_FIELD_ENTRY (field), 0, 366);
      if (fields[i].text != NULL)
        type_into (SH_FIELD_ENTRY (field), fields[i].text);
    }

  table = sh_record_table_new (f->ctx, "team_member", "facility_id", f->facility,
                               team_columns, G_N_ELEMENTS (team_columns));
  gtk_box_append (f->box, table);
  sh_record_table_add_row (SH_RECORD_TABLE (table), &error);
  type_into (SH_FIELD_ENTRY (sh_record_table_get_cell (SH_RECORD_TABLE (table), 0, "name")), "Nguyễn Văn An");
  sh_record_table_add_row (SH_RECORD_TABLE (table), &error);
  type_into (SH_FIELD_ENTRY (sh_record_table_get_cell (SH_RECORD_TABLE (table), 1, "name")), "Trần Thị Bình");
  sh_record_table_add_row (SH_RECORD_TABLE (table), &error);
  sh_record_table_delete_row (SH_RECORD_TABLE (table), sh_record_table_get_row_id (SH_RECORD_TABLE (table), 2),
                              &error);
  g_assert_no_error (error);

  sh_ui_test_save_screenshot (GTK_WIDGET (f->window), "test-fields");
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);
  sh_application_init_i18n ();
  gtk_init ();

#define FIELD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  FIELD_TEST ("/fields/entry/text", test_entry_text);
  FIELD_TEST ("/fields/entry/numbers-and-dates", test_entry_numbers);
  FIELD_TEST ("/fields/entry/bad-input", test_entry_bad_input);
  FIELD_TEST ("/fields/undo-redo", test_undo_redo);
  FIELD_TEST ("/fields/choice-and-check", test_choice_and_check);
  FIELD_TEST ("/fields/read-only", test_read_only);
  FIELD_TEST ("/fields/record-table/edit-delete-undo", test_record_table);
  FIELD_TEST ("/fields/record-table/empty", test_record_table_empty);
  FIELD_TEST ("/fields/kill-safety", test_kill_safety);
  FIELD_TEST ("/fields/screenshot", test_screenshot);

  return g_test_run ();
}
