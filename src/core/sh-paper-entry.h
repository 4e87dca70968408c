/* sh-paper-entry.h — typing the paper quick-assessment form back in.
 *
 * What was written on the printed form (sh-quick-form-print.h) is typed in
 * as (code → text) pairs, the codes and labels of sh-paper-fields.h: the
 * single fields (A11) and the cells of the lists' rows (B2.3c, D4b). A row
 * printed with a recorded row's values writes into that row; an empty row
 * of the form becomes a new row of the list's table (a consumption, a
 * checklist answer, an observation, a quick win), with what the paper does
 * not say as the quick form would fill it in. Rows are numbered as printed,
 * so a row added or deleted in the app between printing and typing in
 * shifts the rows after it: type a form in before editing its lists. Each
 * text is read as its field's type says (Vietnamese numbers "1.234,5",
 * dates dd/mm/yyyy, Yes/No, a province or sector by name or code), and all
 * of them are written in one transaction: one value that cannot be read or
 * that the database refuses, and nothing is written, with an error that
 * names the field's code and label and what is expected.
 *
 * Each field written gets the provenance "entered from paper" (table
 * field_provenance, data/sql/004-field-provenance.sql): the row by uuid,
 * the column, the code, the value as stored, when and by whom. The claim
 * holds while the column keeps that value; sh_paper_list_entered() gives
 * the fields for which it still holds.
 *
 * Locks. A finalized or submitted assessment is read-only: the entry is
 * refused as a whole (SH_STORE_ERROR_READ_ONLY), the facility's fields
 * included. After a reopening the changes go into the audit trail, as
 * every edit of the assessment does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-paper-fields.h"
#include "sh-store.h"
#include "sh-undo.h"

G_BEGIN_DECLS

#define SH_PAPER_ERROR (sh_paper_error_quark ())

typedef enum
{
  SH_PAPER_ERROR_UNKNOWN_CODE,  /* no field of the form has that code */
  SH_PAPER_ERROR_DUPLICATE,     /* the same code twice */
  SH_PAPER_ERROR_VALUE,         /* the text cannot be read as the field's type */
  SH_PAPER_ERROR_MISSING,       /* a value needs another one (a product's name) */
  SH_PAPER_ERROR_CONFLICT,      /* the value cannot be written as one cell (several cost items) */
} ShPaperError;

/* field_provenance.source of a value typed in from the paper form. */
#define SH_PAPER_SOURCE "paper"

GQuark       sh_paper_error_quark     (void);

/* What to write in @field, translated ("a date written dd/mm/yyyy…"). */
char        *sh_paper_describe_field  (const ShPaperField *field);

/* Reads @text as @field's value into @out_value (initialized here). An
 * empty text (spaces only) is nothing to type in: TRUE with @out_value
 * left unset. @store and @assessment_id are needed for provinces and
 * sectors (looked up in the reference data of the assessment's date). */
gboolean     sh_paper_parse_value     (ShStore            *store,
                                       gint64              assessment_id,
                                       const ShPaperField *field,
                                       const char         *text,
                                       GValue             *out_value,
                                       GError            **error);

/* The id of the row @row of the assessment writes, 0 for a main product
 * that does not exist yet. */
gboolean     sh_paper_resolve_row     (ShStore            *store,
                                       gint64              assessment_id,
                                       ShPaperRow          row,
                                       gint64             *out_id,
                                       GError            **error);

/* Writes the @n_values pairs (@codes[i] → @texts[i]) into the assessment,
 * all or nothing; empty texts are skipped. With @stack (the editor's undo
 * history of this assessment) the whole entry is one undo step; without,
 * it goes to the store directly. @out_n_written: the fields written;
 * @out_failed: on error, the index of the pair at fault (G_MAXUINT when it
 * is none in particular, e.g. a locked assessment). */
gboolean     sh_paper_entry_apply     (ShStore            *store,
                                       ShUndoStack        *stack,
                                       gint64              assessment_id,
                                       const char * const *codes,
                                       const char * const *texts,
                                       guint               n_values,
                                       guint              *out_n_written,
                                       guint              *out_failed,
                                       GError            **error);

/* The rows @list prints for the assessment, in order: its rows recorded
 * (ShRecord of list->table; quick wins only), and for the checklist the
 * sector's reference questions (ref_checklist_item) first, then the
 * answers to questions of one's own. The empty rows follow on paper. */
GPtrArray   *sh_paper_list_rows       (ShStore            *store,
                                       gint64              assessment_id,
                                       const ShPaperList  *list,
                                       GError            **error);
/* Every cell of the lists' rows as the form prints them for the
 * assessment (recorded rows, then the empty ones), as fields with codes
 * such as "B2.3c" and the row SH_PAPER_ROW_LIST; owned by the array.
 * @assessment_id 0: the blank form. */
GPtrArray   *sh_paper_list_cells      (ShStore            *store,
                                       gint64              assessment_id,
                                       GError            **error);
/* The sum of a quick win's savings per year (@saving) or of its cost
 * items, as the form prints it in E…c and E…d; @out_n_items: the rows. */
gboolean     sh_paper_quick_win_money (ShStore            *store,
                                       gint64              option_id,
                                       gboolean            saving,
                                       gint64             *out_vnd,
                                       guint              *out_n_items,
                                       GError            **error);
/* The row code of a cell ("B2.3" of "B2.3c"), NULL for a single field. */
const char  *sh_paper_cell_row_code   (const ShPaperField *field);
/* The list of a cell, NULL for a single field. */
const ShPaperList   *sh_paper_cell_list   (const ShPaperField *field);
/* What the cell's row holds now, as a person reads it ("Rò rỉ", "1.850"),
 * in the running language; NULL for an empty row or cell. */
char                *sh_paper_cell_recorded_text (ShStore            *store,
                                                  const ShPaperField *field);
/* The column of a cell, NULL for a single field. */
const ShPaperColumn *sh_paper_cell_column (const ShPaperField *field);

/* "table\037id\037column", the keys of sh_paper_list_entered(). */
char        *sh_paper_field_key       (const char         *table,
                                       gint64              id,
                                       const char         *column);
/* The fields of the assessment (and of its facility and main product)
 * whose value is the one typed in from paper: a set of field keys. */
GHashTable  *sh_paper_list_entered    (ShStore            *store,
                                       gint64              assessment_id,
                                       GError            **error);

G_END_DECLS
