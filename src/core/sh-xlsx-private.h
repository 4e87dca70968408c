/* sh-xlsx-private.h — the sheet writer shared by the assessment and the
 * roll-up workbooks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "sh-record.h"
#include "sh-units.h"
#include "sh-xlsx.h"

G_BEGIN_DECLS

#define SH_XLSX_MAX_COLUMNS 24
#define SH_XLSX_MAX_DECIMALS 10

typedef enum
{
  SH_XLSX_FORMAT_TEXT,
  SH_XLSX_FORMAT_INTEGER,   /* 1,234 */
  SH_XLSX_FORMAT_YEAR,      /* 2024 */
  SH_XLSX_FORMAT_MONEY,     /* whole đồng: 1,234,567 */
  SH_XLSX_FORMAT_DECIMAL,   /* 1,234.57 */
  SH_XLSX_FORMAT_PRECISE,   /* four significant digits at least: specific consumptions */
  SH_XLSX_FORMAT_PERCENT,   /* a fraction shown as 12.34% */
  SH_XLSX_FORMAT_DATE,      /* dd/mm/yyyy */
  SH_XLSX_FORMAT_DATETIME,  /* dd/mm/yyyy hh:mm */
  SH_XLSX_N_FORMATS,
} ShXlsxFormat;

typedef struct
{
  lxw_workbook  *workbook;
  lxw_format    *formats[SH_XLSX_N_FORMATS];
  lxw_format    *precise[SH_XLSX_MAX_DECIMALS + 1];  /* #,##0.000… by decimals */
  lxw_format    *title;
  lxw_format    *subtitle;
  lxw_format    *header;
  ShUnits       *units;
  char          *context;      /* the second line of every sheet */
  GHashTable    *sheet_names;  /* names used so far, folded */
  lxw_error      failure;      /* the first error of libxlsxwriter */
} ShXlsxBook;

typedef struct
{
  ShXlsxBook     *book;
  lxw_worksheet  *worksheet;
  lxw_row_t       row;
  lxw_row_t       header_row;
  guint           n_columns;
  double          widths[SH_XLSX_MAX_COLUMNS];
} ShXlsxSheet;

/* Whether the program runs in Vietnamese (for the names in reference data). */
gboolean     sh_xlsx_is_vietnamese    (void);

/* Opens a workbook on the temporary file @tmp_path. */
ShXlsxBook  *sh_xlsx_book_new         (const char    *tmp_path,
                                       const char    *context);
/* Closes the workbook (writing @tmp_path) and frees @book; on failure says
 * why in terms of @path. */
gboolean     sh_xlsx_book_close       (ShXlsxBook    *book,
                                       const char    *path,
                                       GError       **error);

/* Creates a temporary file beside @path and returns its name. */
char        *sh_xlsx_make_tmp         (const char    *path,
                                       GError       **error);
/* Renames @tmp_path over @path, or removes it when @ok is FALSE. */
gboolean     sh_xlsx_commit_tmp       (const char    *tmp_path,
                                       const char    *path,
                                       gboolean       ok,
                                       GError       **error);

/* A sheet named @name (shortened and made unique as Excel needs), with
 * @title and the book's context line above the header row @headers. */
void         sh_xlsx_sheet_begin      (ShXlsxSheet        *sheet,
                                       ShXlsxBook         *book,
                                       const char         *name,
                                       const char         *title,
                                       const char * const *headers);
/* Starts the next row; cells are then written by column. */
void         sh_xlsx_sheet_next_row   (ShXlsxSheet   *sheet);
/* Sets the column widths and the filter over the rows written. */
void         sh_xlsx_sheet_end        (ShXlsxSheet   *sheet);

void         sh_xlsx_cell_text        (ShXlsxSheet   *sheet,
                                       guint          column,
                                       const char    *text);
void         sh_xlsx_cell_number      (ShXlsxSheet   *sheet,
                                       guint          column,
                                       double         value,
                                       ShXlsxFormat   format);
void         sh_xlsx_cell_money       (ShXlsxSheet   *sheet,
                                       guint          column,
                                       gint64         amount);
/* @iso is YYYY-MM-DD or an ISO 8601 date and time; text if neither. */
void         sh_xlsx_cell_date        (ShXlsxSheet   *sheet,
                                       guint          column,
                                       const char    *iso);
/* The symbol of a unit code ("m³" for "m3"), also of a rate ("m3/t"). */
char        *sh_xlsx_unit_symbol      (ShXlsxBook    *book,
                                       const char    *code);
/* A unit code as its symbol. */
void         sh_xlsx_cell_unit        (ShXlsxSheet   *sheet,
                                       guint          column,
                                       const char    *code);

/* The value of @key in @record, left blank when NULL. */
void         sh_xlsx_cell_field_text   (ShXlsxSheet    *sheet,
                                        guint           column,
                                        const ShRecord *record,
                                        const char     *key);
void         sh_xlsx_cell_field_number (ShXlsxSheet    *sheet,
                                        guint           column,
                                        const ShRecord *record,
                                        const char     *key,
                                        ShXlsxFormat    format);
void         sh_xlsx_cell_field_money  (ShXlsxSheet    *sheet,
                                        guint           column,
                                        const ShRecord *record,
                                        const char     *key);
void         sh_xlsx_cell_field_date   (ShXlsxSheet    *sheet,
                                        guint           column,
                                        const ShRecord *record,
                                        const char     *key);

G_END_DECLS
