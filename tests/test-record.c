/* test-record.c — records: typed values, conversions, replacement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sh-record-private.h"
#include "sh-test-utils.h"

static void
test_record_values (void)
{
  g_autoptr(ShRecord) record = sh_record_new ("facility");

  sh_record_set_string (record, "name", "Công ty Tinh bột sắn");
  sh_record_set_int (record, "employees", 180);
  sh_record_set_double (record, "latitude", 14.6853);
  sh_record_set_boolean (record, "key_energy_user", TRUE);
  sh_record_set_null (record, "email");

  g_assert_cmpstr (sh_record_get_table (record), ==, "facility");
  g_assert_cmpuint (sh_record_get_n_columns (record), ==, 5);
  g_assert_cmpstr (sh_record_get_column (record, 0), ==, "name");
  g_assert_cmpstr (sh_record_get_column (record, 4), ==, "email");
  g_assert_cmpstr (sh_record_get_string (record, "name"), ==, "Công ty Tinh bột sắn");
  g_assert_cmpint (sh_record_get_int (record, "employees", -1), ==, 180);
  g_assert_cmpfloat (sh_record_get_double (record, "employees", -1), ==, 180.0);
  g_assert_cmpfloat (sh_record_get_double (record, "latitude", 0), ==, 14.6853);
  g_assert_true (sh_record_get_boolean (record, "key_energy_user"));
  g_assert_cmpint (sh_record_get_int (record, "key_energy_user", 0), ==, 1);

  /* NULL and absent both fall back, but only NULL is "has". */
  g_assert_true (sh_record_has (record, "email"));
  g_assert_true (sh_record_is_null (record, "email"));
  g_assert_null (sh_record_get_string (record, "email"));
  g_assert_null (sh_record_get_value (record, "email"));
  g_assert_false (sh_record_has (record, "phone"));
  g_assert_true (sh_record_is_null (record, "phone"));
  g_assert_cmpint (sh_record_get_int (record, "phone", 42), ==, 42);
}

static void
test_record_replace (void)
{
  g_autoptr(ShRecord) record = sh_record_new ("flow");

  sh_record_set_string (record, "quantity", "12");
  sh_record_set_double (record, "quantity", 12.5);
  g_assert_cmpuint (sh_record_get_n_columns (record), ==, 1);
  g_assert_cmpfloat (sh_record_get_double (record, "quantity", 0), ==, 12.5);
  g_assert_null (sh_record_get_string (record, "quantity"));

  /* A NULL string is a SQL NULL, not an empty text. */
  sh_record_set_string (record, "quantity", NULL);
  g_assert_true (sh_record_is_null (record, "quantity"));
}

static void
test_record_text_numbers (void)
{
  g_autoptr(ShRecord) record = sh_record_new ("flow");

  sh_record_set_string (record, "a", "1234.5");
  sh_record_set_string (record, "b", "12abc");
  sh_record_set_string (record, "c", "");

  g_assert_cmpfloat (sh_record_get_double (record, "a", 0), ==, 1234.5);
  /* Text that is only partly a number is not a number. */
  g_assert_cmpfloat (sh_record_get_double (record, "b", -1), ==, -1);
  g_assert_cmpint (sh_record_get_int (record, "b", -1), ==, -1);
  g_assert_cmpint (sh_record_get_int (record, "c", -7), ==, -7);
}

static void
test_record_id_uuid_ref (void)
{
  ShRecord *record = sh_record_new ("assessment");
  ShRecord *ref;

  g_assert_cmpint (sh_record_get_id (record), ==, 0);
  g_assert_null (sh_record_get_uuid (record));
  sh_record_set_id (record, 7);
  sh_record_set_uuid (record, "5ac4d000-0000-4000-8000-000000000101");
  g_assert_cmpint (sh_record_get_id (record), ==, 7);
  g_assert_cmpstr (sh_record_get_uuid (record), ==, "5ac4d000-0000-4000-8000-000000000101");

  ref = sh_record_ref (record);
  g_assert_true (ref == record);
  sh_record_unref (record);
  g_assert_cmpint (sh_record_get_id (ref), ==, 7);
  sh_record_unref (ref);
}

static void
test_value_to_string (void)
{
  g_auto(GValue) d = G_VALUE_INIT;
  g_auto(GValue) i = G_VALUE_INIT;
  g_auto(GValue) b = G_VALUE_INIT;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("abc", 3);
  g_autofree char *sd = NULL;
  g_autofree char *si = NULL;
  g_autofree char *sb = NULL;

  g_value_init (&d, G_TYPE_DOUBLE);
  g_value_set_double (&d, 0.1);
  g_value_init (&i, G_TYPE_INT64);
  g_value_set_int64 (&i, G_GINT64_CONSTANT (-1234567890123));
  g_value_init (&b, G_TYPE_BYTES);
  g_value_set_boxed (&b, bytes);

  sd = sh_value_to_string (&d);
  si = sh_value_to_string (&i);
  sb = sh_value_to_string (&b);

  /* The shortest text that reads back as the same double. */
  g_assert_cmpstr (sd, ==, "0.10000000000000001");
  g_assert_cmpfloat (g_ascii_strtod (sd, NULL), ==, 0.1);
  g_assert_cmpstr (si, ==, "-1234567890123");
  /* SHA-256 of "abc". */
  g_assert_cmpstr (sb, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_null (sh_value_to_string (NULL));
}

static void
test_value_equal (void)
{
  g_auto(GValue) twelve = G_VALUE_INIT;
  g_auto(GValue) twelve_real = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;
  g_auto(GValue) unset = G_VALUE_INIT;

  g_value_init (&twelve, G_TYPE_INT64);
  g_value_set_int64 (&twelve, 12);
  g_value_init (&twelve_real, G_TYPE_DOUBLE);
  g_value_set_double (&twelve_real, 12.0);
  g_value_init (&text, G_TYPE_STRING);
  g_value_set_string (&text, "12");

  g_assert_true (sh_value_equal (&twelve, &twelve_real));
  g_assert_true (sh_value_equal (NULL, &unset));
  g_assert_false (sh_value_equal (NULL, &twelve));
  g_assert_false (sh_value_equal (&text, NULL));
  /* Text and number compare as text: "12" is 12. */
  g_assert_true (sh_value_equal (&text, &twelve));
  g_value_set_double (&twelve_real, 12.5);
  g_assert_false (sh_value_equal (&twelve, &twelve_real));
}

/* The lookup that starts after the previous hit finds what a scan from
 * the first column finds, in any order of questions, for names interned
 * or not, present or absent; and a record filled by moving values in
 * reads the same as one filled by the setters. */
static void
test_record_lookup_fast (void)
{
  static const char *const names[] = {
    "id", "uuid", "assessment_id", "seq", "name", "quantity", "unit", "cost", "notes", "updated_at",
  };
  g_autoptr(ShRecord) moved = sh_record_new ("material");
  g_autoptr(ShRecord) set = sh_record_new ("material");
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GValue value = G_VALUE_INIT;

      if (i % 3 == 0)
        {
          g_value_init (&value, G_TYPE_INT64);
          g_value_set_int64 (&value, (gint64) i * 7);
          sh_record_set_int (set, names[i], (gint64) i * 7);
        }
      else if (i % 3 == 1)
        {
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, names[i]);
          sh_record_set_string (set, names[i], names[i]);
        }
      else
        sh_record_set_null (set, names[i]);

      sh_record_append_value (moved, g_intern_string (names[i]), &value);
      /* The value has been moved: nothing is left to free. */
      g_assert_false (G_IS_VALUE (&value));
    }

  g_assert_cmpuint (sh_record_get_n_columns (moved), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (sh_record_get_column (moved, i), ==, names[i]);
      g_assert_true (sh_record_get_column (moved, i) == g_intern_string (names[i]));
    }

  for (guint k = 0; k < 5000; k++)
    {
      ShRecord *records[] = { moved, set };
      /* In order, backwards, at random, and now and then an absent name;
       * the names asked for are fresh copies, never the interned ones. */
      guint i = k < 1000 ? k % G_N_ELEMENTS (names)
              : k < 2000 ? G_N_ELEMENTS (names) - 1 - k % G_N_ELEMENTS (names)
              : (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (names) + 2);
      g_autofree char *name = g_strdup (i < G_N_ELEMENTS (names) ? names[i] : i % 2 ? "missing" : "i");

      for (guint r = 0; r < G_N_ELEMENTS (records); r++)
        {
          int fast = sh_record_find_column (records[r], name);

          g_assert_cmpint (fast, ==, sh_record_find_column_slow (records[r], name));
          g_assert_cmpint (fast, ==, i < G_N_ELEMENTS (names) ? (int) i : -1);
        }

      g_assert_cmpint (sh_record_has (moved, name), ==, sh_record_has (set, name));
      g_assert_cmpint (sh_record_is_null (moved, name), ==, sh_record_is_null (set, name));
      g_assert_cmpint (sh_record_get_int (moved, name, -5), ==, sh_record_get_int (set, name, -5));
      g_assert_cmpstr (sh_record_get_string (moved, name), ==, sh_record_get_string (set, name));
    }

  /* Replacing a moved-in value works as for any other. */
  sh_record_set_string (moved, "name", "Tinh bột");
  g_assert_cmpstr (sh_record_get_string (moved, "name"), ==, "Tinh bột");
  g_assert_cmpint (sh_record_find_column (moved, "name"), ==, 4);
  g_assert_cmpuint (sh_record_get_n_columns (moved), ==, G_N_ELEMENTS (names));
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);

  g_test_add_func ("/record/values", test_record_values);
  g_test_add_func ("/record/replace", test_record_replace);
  g_test_add_func ("/record/text-numbers", test_record_text_numbers);
  g_test_add_func ("/record/id-uuid-ref", test_record_id_uuid_ref);
  g_test_add_func ("/record/value-to-string", test_value_to_string);
  g_test_add_func ("/record/value-equal", test_value_equal);
  g_test_add_func ("/record/lookup-fast", test_record_lookup_fast);

  return g_test_run ();
}
