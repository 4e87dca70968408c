/* fuzz-parse-date.c — libFuzzer target: the parser of typed dates.
 *
 * Every date a person types goes through sh_parse_date() (dd/mm/yyyy or
 * ISO), and every stored one is shown with sh_format_date(). For any input
 * they must not crash or read out of bounds; a refusal says why; what is
 * accepted is a real calendar day in ISO form, which shows as dd/mm/yyyy
 * and parses back to itself.
 *
 * Built by run-fuzz.sh with clang -fsanitize=fuzzer; built with
 * fuzz-replay.c into an ordinary program that replays its corpus in the
 * unit tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

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

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *again = NULL;
  g_autofree char *display = NULL;
  int year = 0, month = 0, day = 0;
  char tail = 0;

  /* Stored text can be anything after a bad import: showing it must
   * either work or say NULL. */
  display = sh_format_date (text);
  if (display != NULL)
    g_assert (strlen (display) == 10 && display[2] == '/' && display[5] == '/');

  iso = sh_parse_date (text, &error);
  if (iso == NULL)
    {
      g_assert (error != NULL && error->message != NULL);
      return 0;
    }

  g_assert (error == NULL);
  g_assert (strlen (iso) == 10);
  g_assert (sscanf (iso, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3);
  g_assert (g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year));

  shown = sh_format_date (iso);
  g_assert (shown != NULL);
  again = sh_parse_date (shown, NULL);
  g_assert_cmpstr (again, ==, iso);

  return 0;
}
