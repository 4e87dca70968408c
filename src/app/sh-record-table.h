/* sh-record-table.h — an editable table of the rows that belong to one parent.
 *
 * Shows the rows of @table whose @parent_column equals @parent_id (e.g. the
 * team_member rows of one facility) as a grid of field widgets, one column
 * per ShColumnSpec, each cell saving on its own as every field does. Below
 * the rows an "Add row" button inserts a row through the edit context, with
 * the defaults of the column specs (and of an init function) so that
 * required columns are filled. Each row has a delete button: the row goes
 * at once, and a bar under the table says what was deleted and offers Undo
 * for a few seconds. Without rows the table shows its empty text instead.
 *
 * The table follows its context's "changed" signal: rows inserted or
 * deleted by undo and redo, or anywhere on the page, appear and vanish.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"
#include "sh-field-choice.h"
#include "sh-field-entry.h"

G_BEGIN_DECLS

typedef enum
{
  SH_COLUMN_ENTRY,      /* an ShFieldEntry of spec->kind */
  SH_COLUMN_CHOICE,     /* an ShFieldChoice, see the choice sources below */
  SH_COLUMN_CHECK,      /* an ShFieldCheck (0/1) */
  SH_COLUMN_LABEL,      /* the value shown, not editable (formatted by kind) */
} ShColumnType;

/* One column. Strings are not copied: use static strings. @title and
 * @default_text are marked with N_() and translated by the table. */
typedef struct
{
  const char      *column;
  const char      *title;
  ShColumnType     type;
  ShFieldKind      kind;           /* ENTRY and LABEL */

  /* CHOICE: the first that is set is used. */
  const ShChoice  *choices;        /* static table of n_choices */
  gsize            n_choices;
  const char      *list;           /* a ref_list_value list */
  const char      *unit_dimension; /* units of this dimension ("" for all) */
  const char      *rows_table;     /* rows of this table with the same parent … */
  const char      *rows_label;     /* … labelled by this column (integer codes) */
  gboolean         allow_none;

  /* ENTRY numbers: limits when has_range, and whether below zero is
   * allowed (see ShFieldEntry). */
  gboolean         has_range;
  double           minimum;
  double           maximum;
  gboolean         allow_negative;

  int              width_chars;    /* 0: a sensible width for the kind */
  gboolean         expand;         /* takes the spare width */
  gboolean         required;

  /* The value a new row gets (NULL: none). Text is translated for TEXT
   * columns; numbers are plain ("1", "0.5"); "today" gives today's date
   * for DATE columns; a code for CHOICE columns. */
  const char      *default_text;
} ShColumnSpec;

#define SH_TYPE_RECORD_TABLE (sh_record_table_get_type ())

G_DECLARE_FINAL_TYPE (ShRecordTable, sh_record_table, SH, RECORD_TABLE, GtkWidget)

/* Called on a new row before it is inserted, after the defaults. */
typedef void (*ShRecordTableInitFunc) (ShRecordTable *self,
                                       ShRecord      *record,
                                       gpointer       user_data);

GtkWidget   *sh_record_table_new               (ShEditContext       *ctx,
                                                const char          *table,
                                                const char          *parent_column,
                                                gint64               parent_id,
                                                const ShColumnSpec  *columns,
                                                guint                n_columns);

/* Shown when there are no rows ("empty-text"). */
void         sh_record_table_set_empty_text    (ShRecordTable       *self,
                                                const char          *text);
/* The add button's label ("add-label"; default "Add row"). */
void         sh_record_table_set_add_label     (ShRecordTable       *self,
                                                const char          *label);
/* The column whose value names a row in "Deleted …" (default: the first
 * TEXT column). */
void         sh_record_table_set_name_column   (ShRecordTable       *self,
                                                const char          *column);
void         sh_record_table_set_init_func     (ShRecordTable       *self,
                                                ShRecordTableInitFunc func,
                                                gpointer             user_data,
                                                GDestroyNotify       destroy);
/* Gives each row an "Open" button that emits "row-activated" (id). */
void         sh_record_table_set_activatable   (ShRecordTable       *self,
                                                gboolean             activatable);

/* Adds a row as the button does; returns its id, or 0 (and the error is
 * also reported to the context). The new row's first field gets focus. */
gint64       sh_record_table_add_row           (ShRecordTable       *self,
                                                GError             **error);
/* Deletes as the row's delete button does, offering Undo. */
gboolean     sh_record_table_delete_row        (ShRecordTable       *self,
                                                gint64               id,
                                                GError             **error);
/* Re-reads the rows from the store. */
void         sh_record_table_reload            (ShRecordTable       *self);

guint        sh_record_table_get_n_rows        (ShRecordTable       *self);
gint64       sh_record_table_get_row_id        (ShRecordTable       *self,
                                                guint                position);
/* The widget of one cell (an ShFieldEntry, ShFieldChoice, ShFieldCheck or
 * GtkLabel), or NULL. */
GtkWidget   *sh_record_table_get_cell          (ShRecordTable       *self,
                                                guint                position,
                                                const char          *column);
/* Whether the "Deleted … · Undo" bar is showing, and its text. */
gboolean     sh_record_table_get_undo_visible  (ShRecordTable       *self);
const char  *sh_record_table_get_undo_text     (ShRecordTable       *self);
/* Undoes the last delete, as the bar's Undo button does. */
gboolean     sh_record_table_undo_delete       (ShRecordTable       *self,
                                                GError             **error);

G_END_DECLS
