/* sh-format.c — numbers, money and dates, typed and shown the Vietnamese way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sh-format.h"

G_DEFINE_QUARK (sh-format-error-quark, sh_format_error)

#define DONG_SIGN "\u20ab"

/* Years a date typed into an assessment can plausibly have; anything else
 * is a typing mistake such as 20224 or 0024. */
#define MIN_YEAR 1900
#define MAX_YEAR 2999

/* A number split into its parts, before any conversion. */
typedef struct
{
  gboolean  negative;
  GString  *int_digits;
  GString  *frac_digits;  /* empty when there is no decimal separator */
} NumberParts;

static void
number_parts_clear (NumberParts *parts)
{
  if (parts->int_digits != NULL)
    g_string_free (parts->int_digits, TRUE);
  if (parts->frac_digits != NULL)
    g_string_free (parts->frac_digits, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NumberParts, number_parts_clear)

/* Appends @len digits, putting @sep between groups of three. */
static void
append_grouped (GString    *out,
                const char *digits,
                gsize       len,
                char        sep)
{
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, sep);
      g_string_append_c (out, digits[i]);
    }
}

static gboolean
all_digits (const char *text,
            gsize       len)
{
  if (len == 0)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

static gboolean
all_zeros (const char *text)
{
  for (; *text != '\0'; text++)
    if (*text != '0')
      return FALSE;

  return TRUE;
}

/* Rewrites @text in ASCII: digits, signs and separators stay, the
 * typographic minus becomes "-", and every kind of space becomes " ".
 * Anything else makes it not a number. */
static char *
normalize_number_text (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && (g_ascii_isdigit (c) || strchr ("+-.,", (int) c) != NULL))
        g_string_append_c (out, (char) c);
      else if (c == 0x2212)
        g_string_append_c (out, '-');
      else if (c == ' ' || c == '\t' || c == 0x00A0 || c == 0x2009 || c == 0x202F)
        g_string_append_c (out, ' ');
      else
        return NULL;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Checks an integer part grouped with @sep (1–3 digits, then groups of
 * three) and appends its digits; without @sep it must be all digits. */
static gboolean
take_integer_part (const char *text,
                   gsize       len,
                   char        sep,
                   GString    *digits)
{
  g_autofree char *copy = g_strndup (text, len);
  g_auto(GStrv) groups = NULL;

  if (sep == 0)
    {
      if (!all_digits (text, len))
        return FALSE;
      g_string_append_len (digits, text, len);
      return TRUE;
    }

  groups = g_strsplit (copy, (char[]) { sep, '\0' }, -1);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      gsize glen = strlen (groups[i]);

      if (!all_digits (groups[i], glen))
        return FALSE;
      if (i == 0 && (glen > 3 || (groups[1] != NULL && groups[i][0] == '0')))
        return FALSE;
      if (i > 0 && glen != 3)
        return FALSE;

      g_string_append (digits, groups[i]);
    }

  return TRUE;
}

/* Splits @text by the rules in sh-format.h. FALSE if it is not a number. */
static gboolean
split_number (const char  *text,
              NumberParts *parts)
{
  g_autofree char *norm = normalize_number_text (text);
  const char *body;
  const char *last_dot;
  const char *last_comma;
  guint dots = 0;
  guint commas = 0;
  gboolean spaces = FALSE;
  char dec = 0;
  char grp = 0;
  gsize int_len;

  parts->int_digits = g_string_new (NULL);
  parts->frac_digits = g_string_new (NULL);

  if (norm == NULL)
    return FALSE;

  body = g_strstrip (norm);
  if (*body == '+' || *body == '-')
    {
      parts->negative = *body == '-';
      body++;
    }

  if (*body == '\0')
    return FALSE;

  for (const char *p = body; *p != '\0'; p++)
    {
      if (*p == '.')
        dots++;
      else if (*p == ',')
        commas++;
      else if (*p == ' ')
        spaces = TRUE;
      else if (!g_ascii_isdigit (*p))
        return FALSE;  /* a second sign */
    }

  last_dot = strrchr (body, '.');
  last_comma = strrchr (body, ',');

  if (dots > 0 && commas > 0)
    {
      dec = last_dot > last_comma ? '.' : ',';
      grp = dec == '.' ? ',' : '.';
      if ((dec == '.' ? dots : commas) != 1)
        return FALSE;
    }
  else if (dots > 1)
    grp = '.';
  else if (commas > 1)
    grp = ',';
  else if (commas == 1)
    dec = ',';
  else if (dots == 1)
    {
      gsize before = last_dot - body;

      /* "1.234" is Vietnamese for 1234; "0.123" and "1234.567" cannot be. */
      if (strlen (last_dot + 1) == 3 && all_digits (last_dot + 1, 3) &&
          before >= 1 && before <= 3 && all_digits (body, before) && body[0] != '0')
        grp = '.';
      else
        dec = '.';
    }

  if (spaces)
    {
      if (grp != 0)
        return FALSE;  /* two kinds of thousands separator */
      grp = ' ';
    }

  int_len = dec != 0 ? (gsize) (strchr (body, dec) - body) : strlen (body);

  if (dec != 0)
    {
      const char *frac = body + int_len + 1;

      if (!all_digits (frac, strlen (frac)))
        return FALSE;
      g_string_append (parts->frac_digits, frac);
    }

  return take_integer_part (body, int_len, grp, parts->int_digits);
}

static void
set_not_a_number (const char  *text,
                  GError     **error)
{
  g_set_error (error, SH_FORMAT_ERROR, SH_FORMAT_ERROR_NUMBER,
               _("“%s” is not a number. Type digits, with “,” before the decimals "
                 "and “.” between thousands, for example 1.234.567,8"),
               text);
}

char *
sh_format_number (double        value,
                  int           decimals,
                  ShNumberStyle style)
{
  char buffer[400];
  char format[16];
  const char *digits;
  const char *point;
  gboolean negative;
  GString *out;

  g_return_val_if_fail (decimals >= 0 && decimals <= 20, NULL);

  if (isnan (value))
    return g_strdup (style == SH_NUMBER_STYLE_VI ? "—" : "NaN");
  if (isinf (value))
    return g_strdup (style == SH_NUMBER_STYLE_VI ? "—" : value > 0 ? "INF" : "-INF");

  /* g_ascii_formatd() ignores the locale, so a vi_VN LC_NUMERIC cannot
   * sneak a "," into the plain style. 400 bytes hold DBL_MAX with 20
   * decimals. */
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);

  negative = buffer[0] == '-';
  digits = negative ? buffer + 1 : buffer;

  /* −0.04 shown with one decimal is "0,0", not "-0,0". */
  if (negative && strspn (digits, "0.") == strlen (digits))
    negative = FALSE;

  if (style == SH_NUMBER_STYLE_PLAIN)
    return g_strconcat (negative ? "-" : "", digits, NULL);

  out = g_string_new (negative ? "-" : "");
  point = strchr (digits, '.');
  append_grouped (out, digits, point != NULL ? (gsize) (point - digits) : strlen (digits), '.');
  if (point != NULL)
    {
      g_string_append_c (out, ',');
      g_string_append (out, point + 1);
    }

  return g_string_free (out, FALSE);
}

char *
sh_format_vnd (gint64 amount)
{
  /* −G_MININT64 does not fit in a gint64, so negate in unsigned. */
  guint64 magnitude = amount < 0 ? (guint64) -(amount + 1) + 1 : (guint64) amount;
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude);
  GString *out = g_string_new (amount < 0 ? "-" : "");

  append_grouped (out, digits, strlen (digits), '.');
  g_string_append (out, " " DONG_SIGN);

  return g_string_free (out, FALSE);
}

char *
sh_format_percent (double        percent,
                   int           decimals,
                   ShNumberStyle style)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (decimals >= 0 && decimals <= 20, NULL);

  number = sh_format_number (percent, decimals, style);
  return g_strconcat (number, "%", NULL);
}

gboolean
sh_parse_number (const char  *text,
                 double      *out_value,
                 GError     **error)
{
  g_auto(NumberParts) parts = { FALSE, NULL, NULL };
  g_autofree char *canonical = NULL;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!split_number (text, &parts))
    {
      set_not_a_number (text, error);
      return FALSE;
    }

  canonical = g_strdup_printf ("%s%s%s%s",
                               parts.negative ? "-" : "",
                               parts.int_digits->str,
                               parts.frac_digits->len > 0 ? "." : "",
                               parts.frac_digits->str);
  value = g_ascii_strtod (canonical, NULL);
  if (!isfinite (value))
    {
      g_set_error (error, SH_FORMAT_ERROR, SH_FORMAT_ERROR_RANGE,
                   _("“%s” is too large a number"), text);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

/* Removes a trailing currency mark, which people often type after money. */
static char *
strip_currency (const char *text)
{
  /* Longest first, so "VNĐ" is not taken for "Đ". */
  static const char * const marks[] = { "VNĐ", "vnđ", "VND", "vnd", DONG_SIGN, "đ", "Đ" };
  char *copy = g_strstrip (g_strdup (text));

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_str_has_suffix (copy, marks[i]))
      {
        copy[strlen (copy) - strlen (marks[i])] = '\0';
        break;
      }

  return copy;
}

gboolean
sh_parse_vnd (const char  *text,
              gint64      *out_amount,
              GError     **error)
{
  g_auto(NumberParts) parts = { FALSE, NULL, NULL };
  g_autofree char *number = NULL;
  guint64 limit;
  guint64 magnitude = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_amount != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  number = strip_currency (text);
  if (!split_number (number, &parts))
    {
      set_not_a_number (text, error);
      return FALSE;
    }

  /* "1.234.567,00" from a spreadsheet is fine; "1,000" is too ambiguous
   * (one đồng or a thousand?) to accept, and "12,5" is half a đồng. */
  if (parts.frac_digits->len > 2 || !all_zeros (parts.frac_digits->str))
    {
      g_set_error (error, SH_FORMAT_ERROR, SH_FORMAT_ERROR_RANGE,
                   _("“%s” is not a whole number of đồng. Type the amount without "
                     "decimals, with “.” between thousands, for example 1.234.567"),
                   text);
      return FALSE;
    }

  limit = parts.negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;
  for (const char *p = parts.int_digits->str; *p != '\0'; p++)
    {
      guint64 digit = (guint64) (*p - '0');

      if (magnitude > (limit - digit) / 10)
        {
          g_set_error (error, SH_FORMAT_ERROR, SH_FORMAT_ERROR_RANGE,
                       _("“%s” is too large an amount"), text);
          return FALSE;
        }
      magnitude = magnitude * 10 + digit;
    }

  /* Negate through magnitude − 1 so that −2⁶³ never passes through +2⁶³. */
  if (parts.negative && magnitude > 0)
    *out_amount = -(gint64) (magnitude - 1) - 1;
  else
    *out_amount = (gint64) magnitude;
  return TRUE;
}

/* Reads @min_len to @max_len digits at *@p and moves past them. */
static gboolean
read_field (const char **p,
            guint        min_len,
            guint        max_len,
            int         *out)
{
  guint len = 0;
  int value = 0;

  while (g_ascii_isdigit ((*p)[len]) && len <= max_len)
    {
      value = value * 10 + ((*p)[len] - '0');
      len++;
    }

  if (len < min_len || len > max_len)
    return FALSE;

  *p += len;
  *out = value;
  return TRUE;
}

/* "yyyy-mm-dd" at the start of @text; the rest is returned in @rest. */
static gboolean
read_iso_date (const char  *text,
               int         *year,
               int         *month,
               int         *day,
               const char **rest)
{
  const char *p = text;

  if (!read_field (&p, 4, 4, year) || *p++ != '-' ||
      !read_field (&p, 2, 2, month) || *p++ != '-' ||
      !read_field (&p, 2, 2, day))
    return FALSE;

  *rest = p;
  return TRUE;
}

static gboolean
check_date (const char  *text,
            int          year,
            int          month,
            int          day,
            GError     **error)
{
  if (year < MIN_YEAR || year > MAX_YEAR)
    {
      g_set_error (error, SH_FORMAT_ERROR, SH_FORMAT_ERROR_DATE,
                   _("“%s” is not a date: the year must be between %d and %d"),
                   text, MIN_YEAR, MAX_YEAR);
      return FALSE;
    }

  if (month < 1 || month > 12)
    {
      g_set_error (error, SH_FORMAT_ERROR, SH_FORMAT_ERROR_DATE,
                   _("“%s” is not a date: there is no month %d"), text, month);
      return FALSE;
    }

  if (day < 1 || day > g_date_get_days_in_month (month, year))
    {
      g_set_error (error, SH_FORMAT_ERROR, SH_FORMAT_ERROR_DATE,
                   _("“%s” is not a date: %02d/%04d has %d days"),
                   text, month, year, g_date_get_days_in_month (month, year));
      return FALSE;
    }

  return TRUE;
}

char *
sh_format_date (const char *iso_date)
{
  const char *rest = NULL;
  int year;
  int month;
  int day;

  g_return_val_if_fail (iso_date != NULL, NULL);

  if (!read_iso_date (iso_date, &year, &month, &day, &rest) ||
      (*rest != '\0' && *rest != 'T') ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%02d/%02d/%04d", day, month, year);
}

char *
sh_parse_date (const char  *text,
               GError     **error)
{
  g_autofree char *copy = NULL;
  const char *p;
  const char *rest = "";
  int year = 0;
  int month = 0;
  int day = 0;
  gboolean ok;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = g_strstrip (g_strdup (text));
  p = copy;

  if (strchr (copy, '/') != NULL)
    ok = read_field (&p, 1, 2, &day) && *p++ == '/' &&
         read_field (&p, 1, 2, &month) && *p++ == '/' &&
         read_field (&p, 4, 4, &year) && *p == '\0';
  else
    ok = read_iso_date (copy, &year, &month, &day, &rest) && *rest == '\0';

  if (!ok)
    {
      g_set_error (error, SH_FORMAT_ERROR, SH_FORMAT_ERROR_DATE,
                   _("“%s” is not a date. Type it as dd/mm/yyyy, for example 31/12/2024"),
                   text);
      return NULL;
    }

  if (!check_date (text, year, month, day, error))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}
