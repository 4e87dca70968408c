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
 * observations, E quick wins) are rows of tables with several cells each;
 * they are typed into their tables in the quick form itself and are not
 * fields here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which row of the assessment a field writes. */
typedef enum
{
  SH_PAPER_ROW_FACILITY,      /* the assessment's facility */
  SH_PAPER_ROW_ASSESSMENT,    /* the assessment itself */
  SH_PAPER_ROW_MAIN_PRODUCT,  /* the facility's first product (added when there is none) */
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
} ShPaperField;

/* The single-value fields, in print order. */
const ShPaperField *sh_paper_fields_get  (guint       *n_fields);
/* The field with @code (case does not matter), or NULL. */
const ShPaperField *sh_paper_fields_find (const char  *code);

G_END_DECLS
