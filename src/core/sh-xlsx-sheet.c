/* sh-xlsx-sheet.c — the workbook and sheet writer behind sh-xlsx.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sh-xlsx-private.h"

G_DEFINE_QUARK (sh-xlsx-error-quark, sh_xlsx_error)

/* Excel measures columns in characters of the default font. */
#define MIN_WIDTH     6.0
#define MAX_WIDTH    60.0
#define HEADER_WIDTH 22.0   /* headers wrap beyond this */

/* Excel refuses these in sheet names, and names over 31 characters. */
#define SHEET_NAME_MAX 31
#define SHEET_NAME_BAD "[]:*?/\\"

#define CELL_TEXT_MAX 32767

gboolean
sh_xlsx_path_is_xlsx (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, ".xlsx");
}

char *
sh_xlsx_make_tmp (const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, name, NULL);
  int fd;

  /* The mode goes through the umask, as for any new file. */
  fd = g_mkstemp_full (tmp, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SH_XLSX_ERROR, SH_XLSX_ERROR_IO,
                   _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  return g_steal_pointer (&tmp);
}

gboolean
sh_xlsx_commit_tmp (const char  *tmp_path,
                    const char  *path,
                    gboolean     ok,
                    GError     **error)
{
  if (!ok)
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, SH_XLSX_ERROR, SH_XLSX_ERROR_IO,
                   _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static lxw_format *
add_number_format (lxw_workbook *workbook,
                   const char   *number_format)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_num_format (format, number_format);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  return format;
}

ShXlsxBook *
sh_xlsx_book_new (const char *tmp_path,
                  const char *context)
{
  /* Worksheets are kept in memory: the largest assessment has a few
   * thousand cells, and tmpfile() may not be available everywhere. */
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  ShXlsxBook *book = g_new0 (ShXlsxBook, 1);
  lxw_doc_properties properties = { 0 };

  book->workbook = workbook_new_opt (tmp_path, &options);
  book->units = g_object_ref (sh_units_get_default ());
  book->context = g_strdup (context);
  book->sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (book->workbook == NULL)
    {
      book->failure = LXW_ERROR_MEMORY_MALLOC_FAILED;
      return book;
    }

  book->formats[SH_XLSX_FORMAT_TEXT] = workbook_add_format (book->workbook);
  format_set_text_wrap (book->formats[SH_XLSX_FORMAT_TEXT]);
  format_set_align (book->formats[SH_XLSX_FORMAT_TEXT], LXW_ALIGN_VERTICAL_TOP);
  book->formats[SH_XLSX_FORMAT_INTEGER] = add_number_format (book->workbook, "#,##0");
  book->formats[SH_XLSX_FORMAT_YEAR] = add_number_format (book->workbook, "0");
  book->formats[SH_XLSX_FORMAT_MONEY] = add_number_format (book->workbook, "#,##0");
  book->formats[SH_XLSX_FORMAT_DECIMAL] = add_number_format (book->workbook, "#,##0.00");
  for (guint d = 0; d <= SH_XLSX_MAX_DECIMALS; d++)
    {
      g_autofree char *zeros = g_strnfill (d, '0');
      g_autofree char *code = g_strconcat ("#,##0", d > 0 ? "." : "", zeros, NULL);

      book->precise[d] = add_number_format (book->workbook, code);
    }
  book->formats[SH_XLSX_FORMAT_PRECISE] = book->precise[4];
  book->formats[SH_XLSX_FORMAT_PERCENT] = add_number_format (book->workbook, "0.00%");
  book->formats[SH_XLSX_FORMAT_DATE] = add_number_format (book->workbook, "dd/mm/yyyy");
  book->formats[SH_XLSX_FORMAT_DATETIME] = add_number_format (book->workbook, "dd/mm/yyyy hh:mm");

  book->title = workbook_add_format (book->workbook);
  format_set_bold (book->title);
  format_set_font_size (book->title, 14);
  book->subtitle = workbook_add_format (book->workbook);
  format_set_italic (book->subtitle);
  book->header = workbook_add_format (book->workbook);
  format_set_bold (book->header);
  format_set_text_wrap (book->header);
  format_set_align (book->header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (book->header, 0xDDEBF7);
  format_set_bottom (book->header, LXW_BORDER_THIN);

  properties.title = book->context;
  properties.company = (char *) "Sạch Hơn";
  workbook_set_properties (book->workbook, &properties);

  return book;
}

static void
book_free (ShXlsxBook *book)
{
  g_clear_object (&book->units);
  g_clear_pointer (&book->sheet_names, g_hash_table_unref);
  g_free (book->context);
  g_free (book);
}

gboolean
sh_xlsx_book_close (ShXlsxBook  *book,
                    const char  *path,
                    GError     **error)
{
  lxw_error failure = book->failure;

  /* workbook_close() frees the workbook whether or not it succeeds. */
  if (book->workbook != NULL)
    {
      lxw_error closed = workbook_close (book->workbook);

      if (failure == LXW_NO_ERROR)
        failure = closed;
      book->workbook = NULL;
    }
  book_free (book);

  if (failure != LXW_NO_ERROR)
    {
      g_set_error (error, SH_XLSX_ERROR,
                   failure == LXW_ERROR_CREATING_XLSX_FILE || failure == LXW_ERROR_CREATING_TMPFILE
                   ? SH_XLSX_ERROR_IO : SH_XLSX_ERROR_FAILED,
                   _("Cannot write the workbook “%s”: %s"), path, lxw_strerror (failure));
      return FALSE;
    }

  return TRUE;
}

static void
note (ShXlsxBook *book,
      lxw_error   result)
{
  if (result != LXW_NO_ERROR && book->failure == LXW_NO_ERROR)
    book->failure = result;
}

/* Excel's rules for sheet names, and unique ones (Excel compares them
 * without case). */
static char *
make_sheet_name (ShXlsxBook *book,
                 const char *name)
{
  g_autoptr(GString) clean = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && strchr (SHEET_NAME_BAD, (int) c) != NULL)
        g_string_append_c (clean, '-');
      else
        g_string_append_unichar (clean, c);
    }
  g_strstrip (clean->str);
  g_string_set_size (clean, strlen (clean->str));
  if (clean->len == 0 || clean->str[0] == '\'')
    g_string_prepend (clean, "Sheet");

  for (guint n = 1; ; n++)
    {
      g_autofree char *suffix = n > 1 ? g_strdup_printf (" (%u)", n) : g_strdup ("");
      glong room = SHEET_NAME_MAX - (glong) strlen (suffix);
      g_autofree char *head = g_utf8_substring (clean->str, 0, MIN (g_utf8_strlen (clean->str, -1), room));
      g_autofree char *candidate = g_strconcat (head, suffix, NULL);
      g_autofree char *folded = g_utf8_casefold (candidate, -1);

      if (!g_hash_table_contains (book->sheet_names, folded))
        {
          g_hash_table_add (book->sheet_names, g_steal_pointer (&folded));
          return g_steal_pointer (&candidate);
        }
    }
}

static void
widen (ShXlsxSheet *sheet,
       guint        column,
       double       width)
{
  g_assert (column < SH_XLSX_MAX_COLUMNS);

  if (column >= sheet->n_columns)
    sheet->n_columns = column + 1;
  sheet->widths[column] = MAX (sheet->widths[column], MIN (width, MAX_WIDTH));
}

void
sh_xlsx_sheet_begin (ShXlsxSheet        *sheet,
                     ShXlsxBook         *book,
                     const char         *name,
                     const char         *title,
                     const char * const *headers)
{
  g_autofree char *sheet_name = make_sheet_name (book, name);
  lxw_row_t row = 0;

  memset (sheet, 0, sizeof *sheet);
  sheet->book = book;
  if (book->workbook == NULL)
    return;

  sheet->worksheet = workbook_add_worksheet (book->workbook, sheet_name);
  if (sheet->worksheet == NULL)
    {
      note (book, LXW_ERROR_SHEETNAME_ALREADY_USED);
      return;
    }

  worksheet_set_paper (sheet->worksheet, 9);  /* A4 */
  worksheet_set_landscape (sheet->worksheet);
  worksheet_fit_to_pages (sheet->worksheet, 1, 0);

  note (book, worksheet_write_string (sheet->worksheet, row++, 0, title, book->title));
  if (book->context != NULL)
    note (book, worksheet_write_string (sheet->worksheet, row++, 0, book->context, book->subtitle));
  row++;

  sheet->header_row = row;
  for (guint i = 0; headers[i] != NULL; i++)
    {
      note (book, worksheet_write_string (sheet->worksheet, row, i, headers[i], book->header));
      widen (sheet, i, MIN (g_utf8_strlen (headers[i], -1) + 2.0, HEADER_WIDTH));
    }

  /* The title rows and the header stay in view, on screen and on paper. */
  worksheet_freeze_panes (sheet->worksheet, row + 1, 0);
  note (book, worksheet_repeat_rows (sheet->worksheet, row, row));
  sheet->row = row;
}

void
sh_xlsx_sheet_next_row (ShXlsxSheet *sheet)
{
  sheet->row++;
}

void
sh_xlsx_sheet_end (ShXlsxSheet *sheet)
{
  if (sheet->worksheet == NULL)
    return;

  for (guint i = 0; i < sheet->n_columns; i++)
    note (sheet->book, worksheet_set_column (sheet->worksheet, i, i, MAX (sheet->widths[i], MIN_WIDTH), NULL));
  if (sheet->row > sheet->header_row && sheet->n_columns > 0)
    note (sheet->book, worksheet_autofilter (sheet->worksheet, sheet->header_row, 0,
                                             sheet->row, sheet->n_columns - 1));
}

gboolean
sh_xlsx_is_vietnamese (void)
{
  const char * const *languages = g_get_language_names ();

  return languages[0] != NULL && g_str_has_prefix (languages[0], "vi");
}

void
sh_xlsx_cell_text (ShXlsxSheet *sheet,
                   guint        column,
                   const char  *text)
{
  g_autofree char *shortened = NULL;

  if (sheet->worksheet == NULL || text == NULL || *text == '\0')
    return;

  /* Excel holds at most 32,767 characters in a cell; a longer note is cut
   * (at a character boundary, counting bytes to be safe) rather than
   * losing the whole workbook. */
  if (strlen (text) > CELL_TEXT_MAX)
    {
      const char *end = g_utf8_find_prev_char (text, text + CELL_TEXT_MAX + 1);

      shortened = g_strndup (text, end - text);
      text = shortened;
    }

  note (sheet->book, worksheet_write_string (sheet->worksheet, sheet->row, column, text,
                                             sheet->book->formats[SH_XLSX_FORMAT_TEXT]));
  widen (sheet, column, g_utf8_strlen (text, -1) * 1.1 + 2);
}

void
sh_xlsx_cell_number (ShXlsxSheet  *sheet,
                     guint         column,
                     double        value,
                     ShXlsxFormat  format)
{
  char digits[G_ASCII_DTOSTR_BUF_SIZE];
  double width;

  g_assert (format != SH_XLSX_FORMAT_TEXT && format < SH_XLSX_N_FORMATS);

  if (sheet->worksheet == NULL || !isfinite (value))
    return;

  if (format == SH_XLSX_FORMAT_PRECISE)
    {
      /* 0.000155 t per brick must not show as 0.0002: enough decimals for
       * four significant digits, and at least two. */
      int decimals = value == 0 ? 2 : 3 - (int) floor (log10 (fabs (value)));

      decimals = CLAMP (decimals, 2, SH_XLSX_MAX_DECIMALS);
      note (sheet->book, worksheet_write_number (sheet->worksheet, sheet->row, column, value,
                                                 sheet->book->precise[decimals]));
      widen (sheet, column, 14);
      return;
    }

  note (sheet->book, worksheet_write_number (sheet->worksheet, sheet->row, column, value,
                                             sheet->book->formats[format]));

  /* The shown width: integer digits with a separator every three, then
   * the decimals of the format. */
  g_snprintf (digits, sizeof digits, "%.0f", fabs (format == SH_XLSX_FORMAT_PERCENT ? value * 100 : value));
  width = strlen (digits) * 4.0 / 3.0 + 3;
  if (format == SH_XLSX_FORMAT_DECIMAL || format == SH_XLSX_FORMAT_PERCENT)
    width += 3;
  else if (format == SH_XLSX_FORMAT_DATE)
    width = 12;
  else if (format == SH_XLSX_FORMAT_DATETIME)
    width = 17;
  widen (sheet, column, width);
}

void
sh_xlsx_cell_money (ShXlsxSheet *sheet,
                    guint        column,
                    gint64       amount)
{
  /* Doubles hold every amount below 2^53 đồng exactly. */
  sh_xlsx_cell_number (sheet, column, (double) amount, SH_XLSX_FORMAT_MONEY);
}

static gboolean
parse_date (const char   *iso,
            lxw_datetime *out,
            gboolean     *out_has_time)
{
  int year, month, day;
  char tail;

  if (strchr (iso, 'T') != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, utc);

      if (time == NULL)
        return FALSE;
      /* The time as written where it was taken, in its own offset. */
      out->year = g_date_time_get_year (time);
      out->month = g_date_time_get_month (time);
      out->day = g_date_time_get_day_of_month (time);
      out->hour = g_date_time_get_hour (time);
      out->min = g_date_time_get_minute (time);
      out->sec = g_date_time_get_second (time);
      *out_has_time = TRUE;
      return TRUE;
    }

  if (sscanf (iso, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  *out = (lxw_datetime) { .year = year, .month = month, .day = day };
  *out_has_time = FALSE;
  return TRUE;
}

void
sh_xlsx_cell_date (ShXlsxSheet *sheet,
                   guint        column,
                   const char  *iso)
{
  lxw_datetime date = { 0 };
  gboolean has_time = FALSE;
  ShXlsxFormat format;

  if (sheet->worksheet == NULL || iso == NULL || *iso == '\0')
    return;

  if (!parse_date (iso, &date, &has_time))
    {
      sh_xlsx_cell_text (sheet, column, iso);
      return;
    }

  format = has_time ? SH_XLSX_FORMAT_DATETIME : SH_XLSX_FORMAT_DATE;
  note (sheet->book, worksheet_write_datetime (sheet->worksheet, sheet->row, column, &date,
                                               sheet->book->formats[format]));
  widen (sheet, column, has_time ? 17 : 12);
}

char *
sh_xlsx_unit_symbol (ShXlsxBook *book,
                     const char *code)
{
  const ShUnitInfo *unit = sh_units_lookup (book->units, code, NULL);
  g_auto(GStrv) parts = NULL;

  if (unit != NULL && unit->symbol != NULL)
    return g_strdup (unit->symbol);

  /* A rate such as "m3/t" (monitoring indicators): each side by itself. */
  parts = g_strsplit (code, "/", 2);
  if (g_strv_length (parts) == 2)
    {
      const ShUnitInfo *top = sh_units_lookup (book->units, parts[0], NULL);
      const ShUnitInfo *bottom = sh_units_lookup (book->units, parts[1], NULL);

      return g_strdup_printf ("%s/%s", top != NULL ? top->symbol : parts[0],
                              bottom != NULL ? bottom->symbol : parts[1]);
    }

  return g_strdup (code);
}

void
sh_xlsx_cell_unit (ShXlsxSheet *sheet,
                   guint        column,
                   const char  *code)
{
  g_autofree char *symbol = NULL;

  if (code == NULL)
    return;

  symbol = sh_xlsx_unit_symbol (sheet->book, code);
  sh_xlsx_cell_text (sheet, column, symbol);
}

void
sh_xlsx_cell_field_text (ShXlsxSheet    *sheet,
                         guint           column,
                         const ShRecord *record,
                         const char     *key)
{
  if (sh_record_is_null (record, key))
    return;

  sh_xlsx_cell_text (sheet, column, sh_record_get_string (record, key));
}

void
sh_xlsx_cell_field_number (ShXlsxSheet    *sheet,
                           guint           column,
                           const ShRecord *record,
                           const char     *key,
                           ShXlsxFormat    format)
{
  if (sh_record_is_null (record, key))
    return;

  sh_xlsx_cell_number (sheet, column, sh_record_get_double (record, key, 0), format);
}

void
sh_xlsx_cell_field_money (ShXlsxSheet    *sheet,
                          guint           column,
                          const ShRecord *record,
                          const char     *key)
{
  if (sh_record_is_null (record, key))
    return;

  sh_xlsx_cell_money (sheet, column, sh_record_get_int (record, key, 0));
}

void
sh_xlsx_cell_field_date (ShXlsxSheet    *sheet,
                         guint           column,
                         const ShRecord *record,
                         const char     *key)
{
  if (sh_record_is_null (record, key))
    return;

  sh_xlsx_cell_date (sheet, column, sh_record_get_string (record, key));
}
