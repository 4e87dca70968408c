/* sh-format.h — numbers, money and dates, typed and shown the Vietnamese way.
 *
 * Storage and XML use the plain forms (1234567.8, 2024-12-31); people see
 * and type the Vietnamese forms (1.234.567,8; 31/12/2024). The formatting
 * here never depends on the process locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SH_FORMAT_ERROR (sh_format_error_quark ())

typedef enum
{
  SH_FORMAT_ERROR_NUMBER,  /* the text is not a number */
  SH_FORMAT_ERROR_RANGE,   /* a number, but too large, or a fraction of a đồng */
  SH_FORMAT_ERROR_DATE,    /* the text is not a date, or the date does not exist */
} ShFormatError;

typedef enum
{
  SH_NUMBER_STYLE_VI,     /* 1.234.567,8: "." groups thousands, "," is the decimal mark */
  SH_NUMBER_STYLE_PLAIN,  /* 1234567.8: no grouping, "." is the decimal mark (XML, CSV) */
} ShNumberStyle;

GQuark    sh_format_error_quark  (void);

/* @value rounded to @decimals (0–20) places as printf rounds: to the
 * nearest, an exact binary tie going to the even digit (0.125 → "0,12";
 * money is rounded elsewhere, see sh_calc_round_vnd()). A result that rounds
 * to zero has no minus sign.
 * Non-finite values give "—" in the VI style and the xs:double forms "NaN",
 * "INF", "-INF" in the PLAIN style. */
char     *sh_format_number       (double         value,
                                  int            decimals,
                                  ShNumberStyle  style);
/* An amount of đồng, grouped the Vietnamese way and followed by a space and
 * the đồng sign U+20AB: "1.234.567 ₫", "-50.000 ₫". */
char     *sh_format_vnd          (gint64         amount);
/* A percentage: "12,5%" (VI) or "12.5%" (PLAIN); @percent is already ×100. */
char     *sh_format_percent      (double         percent,
                                  int            decimals,
                                  ShNumberStyle  style);

/* Parses a number as a person types it. Leading and trailing spaces, one
 * leading "+" or "-", digits, and the separators ".", "," and spaces:
 *
 * - If both "." and "," occur, the one that occurs last is the decimal
 *   separator and the other groups thousands: "1.234,5" and "1,234.5" are
 *   both 1234.5.
 * - Several "." (or several ",") group thousands: "1.234.567" = 1234567.
 * - A single "." followed by exactly three digits, with no ",", is a
 *   Vietnamese thousands separator when the digits before it form a valid
 *   first group (1–3 digits, not "0"): "1.234" = 1234, "123.456" = 123456.
 *   Otherwise a single "." is the decimal separator: "0.123", "1234.567",
 *   "12.5".
 * - A single "," is always the decimal separator: "1,234" = 1.234.
 * - Spaces only group thousands: "1 234,5".
 * - Thousands groups must be well formed: 1–3 digits, then groups of
 *   exactly 3 ("1..2", "12.34.567" and "1,2,3.4.5" are refused). The decimal
 *   separator needs digits on both sides.
 *
 * Letters, exponents, "NaN" and "inf" are refused, as is a number too large
 * for a double. Read numbers from XML files with g_ascii_strtod() instead:
 * in plain style "123.456" means 123.456, here it means 123456. */
gboolean  sh_parse_number        (const char    *text,
                                  double        *out_value,
                                  GError       **error);
/* Parses an amount of đồng by the same rules. A trailing "₫", "đ", "VND" or
 * "VNĐ" is allowed. A fractional part is refused unless it is all zeros
 * ("1.234,00"), and so is an amount outside the gint64 range. */
gboolean  sh_parse_vnd           (const char    *text,
                                  gint64        *out_amount,
                                  GError       **error);

/* "2024-12-31" (or an ISO 8601 date-time, whose date part is used) →
 * "31/12/2024". NULL if @iso_date is not a valid ISO date. */
char     *sh_format_date         (const char    *iso_date);
/* "31/12/2024", "1/2/2024" or "2024-12-31" → "2024-12-31". Days that do not
 * exist (31/02/2024, 29/02/2023) are refused with a message saying why. */
char     *sh_parse_date          (const char    *text,
                                  GError       **error);

G_END_DECLS
