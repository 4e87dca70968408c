/* test-format.c — Vietnamese and plain numbers, đồng amounts and dates, both ways.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sh-format.h"
#include "sh-test-utils.h"

static void
assert_number (double        value,
               int           decimals,
               ShNumberStyle style,
               const char   *expected)
{
  g_autofree char *text = sh_format_number (value, decimals, style);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_number_vi (void)
{
  assert_number (1234567.8, 1, SH_NUMBER_STYLE_VI, "1.234.567,8");
  assert_number (1234567.8, 0, SH_NUMBER_STYLE_VI, "1.234.568");
  assert_number (-1234.5, 1, SH_NUMBER_STYLE_VI, "-1.234,5");
  assert_number (999.999, 2, SH_NUMBER_STYLE_VI, "1.000,00");
  assert_number (123, 0, SH_NUMBER_STYLE_VI, "123");
  assert_number (1000, 0, SH_NUMBER_STYLE_VI, "1.000");
  assert_number (100000, 0, SH_NUMBER_STYLE_VI, "100.000");
  assert_number (0.5, 2, SH_NUMBER_STYLE_VI, "0,50");
  assert_number (1e15, 0, SH_NUMBER_STYLE_VI, "1.000.000.000.000.000");
  assert_number (12.3456, 3, SH_NUMBER_STYLE_VI, "12,346");
  /* Exact binary ties go to the even digit, as printf does: 0.125 → 0,12. */
  assert_number (0.125, 2, SH_NUMBER_STYLE_VI, "0,12");
  /* Rounding to zero drops the sign. */
  assert_number (-0.04, 1, SH_NUMBER_STYLE_VI, "0,0");
  assert_number (-0.0, 0, SH_NUMBER_STYLE_VI, "0");
  assert_number (NAN, 2, SH_NUMBER_STYLE_VI, "—");
  assert_number (INFINITY, 2, SH_NUMBER_STYLE_VI, "—");
}

static void
test_format_number_plain (void)
{
  assert_number (1234567.8, 1, SH_NUMBER_STYLE_PLAIN, "1234567.8");
  assert_number (-1234.5, 3, SH_NUMBER_STYLE_PLAIN, "-1234.500");
  assert_number (1000, 0, SH_NUMBER_STYLE_PLAIN, "1000");
  assert_number (-0.04, 1, SH_NUMBER_STYLE_PLAIN, "0.0");
  /* The xs:double spellings, so an XML file stays valid. */
  assert_number (NAN, 2, SH_NUMBER_STYLE_PLAIN, "NaN");
  assert_number (INFINITY, 2, SH_NUMBER_STYLE_PLAIN, "INF");
  assert_number (-INFINITY, 2, SH_NUMBER_STYLE_PLAIN, "-INF");
}

static void
test_format_vnd (void)
{
  const struct { gint64 amount; const char *text; } cases[] = {
    { 1234567, "1.234.567 ₫" },
    { 0, "0 ₫" },
    { 999, "999 ₫" },
    { 1000, "1.000 ₫" },
    { -50000, "-50.000 ₫" },
    { G_MAXINT64, "9.223.372.036.854.775.807 ₫" },
    { G_MININT64, "-9.223.372.036.854.775.808 ₫" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sh_format_vnd (cases[i].amount);
      g_autoptr(GError) error = NULL;
      gint64 back = 0;

      g_assert_cmpstr (text, ==, cases[i].text);

      /* What we show, people can paste back. */
      g_assert_true (sh_parse_vnd (text, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (back, ==, cases[i].amount);
    }
}

static void
test_format_percent (void)
{
  g_autofree char *vi = sh_format_percent (12.5, 1, SH_NUMBER_STYLE_VI);
  g_autofree char *plain = sh_format_percent (12.5, 1, SH_NUMBER_STYLE_PLAIN);
  g_autofree char *negative = sh_format_percent (-10.04, 1, SH_NUMBER_STYLE_VI);

  g_assert_cmpstr (vi, ==, "12,5%");
  g_assert_cmpstr (plain, ==, "12.5%");
  g_assert_cmpstr (negative, ==, "-10,0%");
}

static void
test_parse_number_accepts (void)
{
  const struct { const char *text; double value; } cases[] = {
    { "1.234,5", 1234.5 },
    { "1234.5", 1234.5 },
    { "1234,5", 1234.5 },
    { "1 234,5", 1234.5 },
    { "1\u00a0234,5", 1234.5 },     /* no-break space */
    { "-12", -12 },
    { "\u22125", -5 },              /* typographic minus */
    { "1.234.567", 1234567 },
    { "+3", 3 },
    { "  42  ", 42 },
    { "1,234.5", 1234.5 },          /* both: the last one is decimal */
    { "1,234,567", 1234567 },
    { "1.234", 1234 },              /* Vietnamese thousands */
    { "123.456", 123456 },
    { "0.123", 0.123 },             /* "0" cannot start a thousands group */
    { "1234.567", 1234.567 },       /* "1234" cannot either */
    { "12.5", 12.5 },
    { "1,234", 1.234 },             /* a single comma is always decimal */
    { "0,5", 0.5 },
    { "-1.234.567,89", -1234567.89 },
    { "007", 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = NAN;

      if (!sh_parse_number (cases[i].text, &value, &error))
        g_error ("“%s” was refused: %s", cases[i].text, error->message);
      g_assert_cmpfloat_with_epsilon (value, cases[i].value, fabs (cases[i].value) * 1e-15);
    }
}

static void
test_parse_number_rejects (void)
{
  const char * const cases[] = {
    "", "   ", "12abc", "1,2,3.4.5", "1..2", "NaN", "nan", "inf", "-inf",
    "1e5", "+", "-", "--1", "+-1", "1-2", ".5", "5.", "5,", "1.2.3",
    "12.34.567", "0.123.456", "1.234 567", "1 23", "½", "١٢٣",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = 42;

      if (sh_parse_number (cases[i], &value, &error))
        g_error ("“%s” was accepted as %g", cases[i], value);
      g_assert_error (error, SH_FORMAT_ERROR, SH_FORMAT_ERROR_NUMBER);
      g_assert_cmpfloat (value, ==, 42);
    }
}

static void
test_parse_number_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (400, '9');
  double value = 0;

  /* The message quotes the text and shows what is expected. */
  g_assert_false (sh_parse_number ("12abc", &value, &error));
  g_assert_nonnull (strstr (error->message, "“12abc”"));
  g_assert_nonnull (strstr (error->message, "1.234.567,8"));
  g_clear_error (&error);

  /* 400 nines is a number, but not one a double can hold. */
  g_assert_false (sh_parse_number (huge, &value, &error));
  g_assert_error (error, SH_FORMAT_ERROR, SH_FORMAT_ERROR_RANGE);
}

static void
test_parse_vnd (void)
{
  const struct { const char *text; gint64 amount; } accepted[] = {
    { "1.234.567", 1234567 },
    { "1234567", 1234567 },
    { "1 234 567", 1234567 },
    { "1.234.567 ₫", 1234567 },
    { "1234567đ", 1234567 },
    { "1.500 VND", 1500 },
    { "1.500 VNĐ", 1500 },
    { "-50.000", -50000 },
    { "1.234.567,00", 1234567 },  /* zero decimals pasted from a spreadsheet */
    { "1.234", 1234 },
    { "9.223.372.036.854.775.807", G_MAXINT64 },
    { "-9223372036854775808", G_MININT64 },
    { "0", 0 },
  };
  const struct { const char *text; int code; } refused[] = {
    { "1,5", SH_FORMAT_ERROR_RANGE },        /* half a đồng */
    { "12,50", SH_FORMAT_ERROR_RANGE },
    { "1,000", SH_FORMAT_ERROR_RANGE },      /* one đồng or a thousand? */
    { "9223372036854775808", SH_FORMAT_ERROR_RANGE },
    { "-9223372036854775809", SH_FORMAT_ERROR_RANGE },
    { "100000000000000000000", SH_FORMAT_ERROR_RANGE },
    { "abc", SH_FORMAT_ERROR_NUMBER },
    { "₫", SH_FORMAT_ERROR_NUMBER },
    { "", SH_FORMAT_ERROR_NUMBER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 amount = 42;

      if (!sh_parse_vnd (accepted[i].text, &amount, &error))
        g_error ("“%s” was refused: %s", accepted[i].text, error->message);
      g_assert_cmpint (amount, ==, accepted[i].amount);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 amount = 42;

      if (sh_parse_vnd (refused[i].text, &amount, &error))
        g_error ("“%s” was accepted as %" G_GINT64_FORMAT, refused[i].text, amount);
      g_assert_error (error, SH_FORMAT_ERROR, refused[i].code);
      g_assert_cmpint (amount, ==, 42);
    }
}

static void
test_number_round_trip (void)
{
  const double values[] = { 0, 1, -1, 1234567.8, -0.25, 999999.99, 1e12 + 0.5 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = sh_format_number (values[i], 2, SH_NUMBER_STYLE_VI);
      g_autoptr(GError) error = NULL;
      double back = NAN;

      g_assert_true (sh_parse_number (text, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (back, ==, values[i]);
    }
}

static void
test_format_date (void)
{
  const struct { const char *iso; const char *shown; } cases[] = {
    { "2024-12-31", "31/12/2024" },
    { "2024-02-29", "29/02/2024" },
    { "2009-09-07", "07/09/2009" },
    { "2024-02-29T10:15:00Z", "29/02/2024" },
    { "2023-02-29", NULL },
    { "2024-13-01", NULL },
    { "2024-00-10", NULL },
    { "2024-1-1", NULL },
    { "31/12/2024", NULL },
    { "2024-12-31x", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = sh_format_date (cases[i].iso);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

static void
test_parse_date (void)
{
  const struct { const char *text; const char *iso; const char *shown; } cases[] = {
    { "31/12/2024", "2024-12-31", "31/12/2024" },
    { "1/2/2024", "2024-02-01", "01/02/2024" },
    { "01/02/2024", "2024-02-01", "01/02/2024" },
    { "2024-12-31", "2024-12-31", "31/12/2024" },
    { " 05/06/2024 ", "2024-06-05", "05/06/2024" },
    { "29/02/2024", "2024-02-29", "29/02/2024" },   /* 2024 is a leap year */
    { "29/02/2000", "2000-02-29", "29/02/2000" },   /* divisible by 400: leap */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = sh_parse_date (cases[i].text, &error);
      g_autofree char *shown = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, cases[i].iso);

      /* Stored and shown again, a typed date comes back with leading zeros. */
      shown = sh_format_date (iso);
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

static void
test_parse_date_impossible (void)
{
  const struct { const char *text; const char *reason; } cases[] = {
    { "31/02/2024", "02/2024 has 29 days" },
    { "29/02/2023", "02/2023 has 28 days" },
    { "29/02/1900", "02/1900 has 28 days" },  /* divisible by 100, not 400 */
    { "31/04/2024", "04/2024 has 30 days" },
    { "0/01/2024", "01/2024 has 31 days" },
    { "1/13/2024", "no month 13" },
    { "2024-00-10", "no month 0" },
    { "01/01/1899", "between 1900 and 2999" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = sh_parse_date (cases[i].text, &error);

      g_assert_null (iso);
      g_assert_error (error, SH_FORMAT_ERROR, SH_FORMAT_ERROR_DATE);
      if (strstr (error->message, cases[i].reason) == NULL)
        g_error ("“%s”: “%s” does not say “%s”",
                 cases[i].text, error->message, cases[i].reason);
    }
}

static void
test_parse_date_malformed (void)
{
  const char * const cases[] = {
    "", "abc", "1/1/24", "2024/12/31", "31-12-2024", "31/12/20245", "31/12/2024x",
    "123/1/2024", "1//2024", "2024-12-3", "2024-12-31T10:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = sh_parse_date (cases[i], &error);

      if (iso != NULL)
        g_error ("“%s” was accepted as %s", cases[i], iso);
      g_assert_error (error, SH_FORMAT_ERROR, SH_FORMAT_ERROR_DATE);
      g_assert_nonnull (strstr (error->message, "dd/mm/yyyy"));
    }
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);

  g_test_add_func ("/format/number/vi", test_format_number_vi);
  g_test_add_func ("/format/number/plain", test_format_number_plain);
  g_test_add_func ("/format/vnd", test_format_vnd);
  g_test_add_func ("/format/percent", test_format_percent);
  g_test_add_func ("/format/parse-number/accepts", test_parse_number_accepts);
  g_test_add_func ("/format/parse-number/rejects", test_parse_number_rejects);
  g_test_add_func ("/format/parse-number/message", test_parse_number_message);
  g_test_add_func ("/format/parse-number/round-trip", test_number_round_trip);
  g_test_add_func ("/format/parse-vnd", test_parse_vnd);
  g_test_add_func ("/format/date/format", test_format_date);
  g_test_add_func ("/format/date/parse", test_parse_date);
  g_test_add_func ("/format/date/impossible", test_parse_date_impossible);
  g_test_add_func ("/format/date/malformed", test_parse_date_malformed);

  return g_test_run ();
}
