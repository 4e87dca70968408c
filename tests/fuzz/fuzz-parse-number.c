/* fuzz-parse-number.c — libFuzzer target: the parsers of typed numbers.
 *
 * Every number a person types (quantities, prices, weights, scores) goes
 * through sh_parse_number() or sh_parse_vnd(). For any input they must not
 * crash or read out of bounds, must say why when they refuse, and what
 * they accept must survive a round trip: a đồng amount formatted the
 * Vietnamese way parses back to the same amount, and a number parses to a
 * finite value whose Vietnamese formatting parses back to the same value.
 *
 * Built by run-fuzz.sh with clang -fsanitize=fuzzer; built with
 * fuzz-replay.c into an ordinary program that replays its corpus in the
 * unit tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdint.h>

#include "sh-format.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  return 0;
}

static void
check_number (const char *text)
{
  g_autoptr(GError) error = NULL;
  double value = 0;

  if (!sh_parse_number (text, &value, &error))
    {
      g_assert (error != NULL && error->message != NULL);
      return;
    }

  g_assert (error == NULL);
  g_assert (isfinite (value));

  /* Formatted with enough decimals to be exact for what people type, it
   * must read back as the same number (to the last printed digit). */
  if (fabs (value) < 1e15)
    {
      g_autofree char *shown = sh_format_number (value, 6, SH_NUMBER_STYLE_VI);
      double again = 0;

      g_assert (sh_parse_number (shown, &again, NULL));
      g_assert (fabs (again - value) <= 1e-6 * MAX (1.0, fabs (value)));
    }
}

static void
check_vnd (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gint64 amount = 0;
  gint64 again = 0;

  if (!sh_parse_vnd (text, &amount, &error))
    {
      g_assert (error != NULL && error->message != NULL);
      return;
    }

  g_assert (error == NULL);
  shown = sh_format_vnd (amount);
  g_assert (sh_parse_vnd (shown, &again, NULL));
  g_assert (again == amount);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* Text from an entry is one C string: stop at the first NUL. */
  g_autofree char *text = g_strndup ((const char *) data, size);

  check_number (text);
  check_vnd (text);

  return 0;
}
