/* sh-paper-fields.h — the fields of the quick-assessment form on paper.
 *
 * One table, read by both ends of the paper round trip: the printer
 * (sh-quick-form-print.c) writes each field's code and label on the form,
 * and the entry (sh-paper-entry.c, the app's "Type In Paper Form" dialog
 * and `sachhon-cli form enter`) accepts exactly those codes, shows the same
 * labels and reads each value by the field's type. A field maps to one
 * column of one row of the assessment being typed in.
 *
 * The lists of the form (B production and consumption, C checklist, D
 * observations, E quick wins) are rows with several cells each. A row has
 * a code on paper (B2.3 is the third consumption row, D4 the fourth
 * observation) and each column a letter printed in its heading; a cell's
 * code is the two together: B2.3c is the quantity of the third consumption
 * row. The lists below say which columns each list has, which table its
 * rows go to and how many empty rows the form leaves; the rows already
 * recorded print first, in order, and typing in a row code of one of them
 * changes that row, typing into an empty row adds one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sh-choices.h"

G_BEGIN_DECLS

/* Which row of the assessment a field writes. */
typedef enum
{
  SH_PAPER_ROW_FACILITY,      /* the assessment's facility */
  SH_PAPER_ROW_ASSESSMENT,    /* the assessment itself */
  SH_PAPER_ROW_MAIN_PRODUCT,  /* the facility's first product (added when there is none) */
  SH_PAPER_ROW_LIST,          /* a row of a list (B–E): see ShPaperList */
} ShPaperRow;

/* How the handwriting is read. */
typedef enum
{
  SH_PAPER_VALUE_TEXT,        /* as written, spaces trimmed */
  SH_PAPER_VALUE_INTEGER,     /* a whole number: "1.250" */
  SH_PAPER_VALUE_NUMBER,      /* a number the Vietnamese way: "1.234,5" */
  SH_PAPER_VALUE_PERCENT,     /* a number of per cent, "%" allowed: "12,5" */
  SH_PAPER_VALUE_DATE,        /* dd/mm/yyyy (or ISO), stored as ISO */
  SH_PAPER_VALUE_YES_NO,      /* Yes / No (Có / Không), stored 1 / 0 */
  SH_PAPER_VALUE_PROVINCE,    /* a province's code or name, stored as its code */
  SH_PAPER_VALUE_SECTOR,      /* a sector's code or name, stored as its code */
  SH_PAPER_VALUE_MONEY,       /* whole đồng, 0 or more: "1.500.000" */
  SH_PAPER_VALUE_UNIT,        /* a unit of units.xml by code, symbol or name */
  SH_PAPER_VALUE_RESOURCE,    /* a resource by code or name, optionally ": description" */
  SH_PAPER_VALUE_CHOICE,      /* one of the codes of ShPaperField.choices, by code or name */
} ShPaperValueType;

typedef struct
{
  const char       *code;      /* "A01" */
  guint             section;   /* 1–7, the quick-assessment sections of sh-tasks.h */
  const char       *label;     /* English msgid; translate with _() or the dossier's language */
  const char       *table;     /* "facility", "assessment", "facility_product" */
  const char       *column;
  ShPaperRow        row;
  ShPaperValueType  type;
  const char       *unit;      /* unit code of a quantity (units.xml), or NULL */
  double            minimum;   /* limits of number types (both 0: none) */
  double            maximum;
  const char       *choices;   /* CHOICE: "answer", "data_source", "severity", or a reference list */
} ShPaperField;

/* A column of a list on paper. @column NULL: printed, not typed in. */
typedef struct
{
  const char       *letter;    /* "c" */
  const char       *label;     /* English msgid */
  const char       *column;    /* of the list's table; "saving_vnd" and "cost_vnd" are the quick win's sums */
  ShPaperValueType  type;
  const char       *choices;
  gboolean          required;  /* a new row needs it */
} ShPaperColumn;

typedef struct
{
  const char          *prefix;     /* row codes are the prefix and a number: "B2." → B2.1, B2.2… */
  guint                section;    /* 2–5 */
  const char          *label;      /* English msgid: "Consumption" */
  const char          *table;      /* "resource_consumption" */
  guint                n_blank;    /* empty rows printed after the recorded ones */
  const ShPaperColumn *columns;
  guint                n_columns;
} ShPaperList;

/* The single-value fields, in print order. */
const ShPaperField *sh_paper_fields_get  (guint       *n_fields);
/* The field with @code (case does not matter), or NULL. */
const ShPaperField *sh_paper_fields_find (const char  *code);

/* The lists, in print order (B1, B2, C, D, E). */
const ShPaperList  *sh_paper_lists_get   (guint       *n_lists);
/* Splits a cell code ("b2.3C") into its list, row number (from 1) and
 * column; FALSE when it is not one. */
gboolean            sh_paper_lists_parse_code (const char          *code,
                                               const ShPaperList  **out_list,
                                               guint               *out_number,
                                               const ShPaperColumn **out_column);
/* The category of consumption a resource code belongs to ("coal" → "fuel"),
 * NULL for a code that is not a resource of the form. */
const char         *sh_paper_resource_category (const char *code);
/* The resource codes and their English names (msgids), as the quick
 * form's resource column offers them (sh_choices_resource). */
const ShChoice     *sh_paper_resources_get     (gsize       *n_resources);

G_END_DECLS
