/* sh-field-entry.h — a text, number, money or date field bound to one column.
 *
 * The field shows the column's value (numbers and money the Vietnamese way,
 * dates as dd/mm/yyyy) and saves what is typed through its edit context:
 * 400 ms after the last keystroke, and at once on Enter or when the field
 * loses focus. Numbers may be typed "1.234,5" or "1234.5".
 *
 * Input that cannot be saved (text in a number, a negative amount where
 * none is allowed, a number out of range, a date that does not exist, an
 * empty required field, a value the database refuses such as an end date
 * before the start date) is not saved: the field gets the "error" style and
 * a short message under it says what is expected, and the database keeps
 * the last good value. Undo and redo of the field, and edits of the same
 * column made elsewhere on the page, show up in it at once (unless the
 * field is being typed in). The field is insensitive while its context is
 * read-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-field.h"

G_BEGIN_DECLS

typedef enum
{
  SH_FIELD_KIND_TEXT,       /* one line of text */
  SH_FIELD_KIND_MULTILINE,  /* a GtkTextView; Enter is a new line */
  SH_FIELD_KIND_INTEGER,    /* INTEGER column */
  SH_FIELD_KIND_NUMBER,     /* REAL column, shown with up to "decimals" places */
  SH_FIELD_KIND_MONEY,      /* INTEGER đồng, shown "1.234.567 ₫" */
  SH_FIELD_KIND_PERCENT,    /* REAL, ×100 already ("12,5" means 12.5%) */
  SH_FIELD_KIND_DATE,       /* ISO text, typed and shown dd/mm/yyyy */
  SH_FIELD_KIND_YEAR,       /* INTEGER shown without grouping: "2024" */
} ShFieldKind;

#define SH_TYPE_FIELD_KIND (sh_field_kind_get_type ())
GType sh_field_kind_get_type (void) G_GNUC_CONST;

#define SH_TYPE_FIELD_ENTRY (sh_field_entry_get_type ())

G_DECLARE_FINAL_TYPE (ShFieldEntry, sh_field_entry, SH, FIELD_ENTRY, ShField)

GtkWidget   *sh_field_entry_new               (ShEditContext *ctx,
                                               const char    *table,
                                               gint64         id,
                                               const char    *column,
                                               ShFieldKind    kind);

ShFieldKind  sh_field_entry_get_kind          (ShFieldEntry  *self);

/* Shown in the empty input ("placeholder"). */
void         sh_field_entry_set_placeholder   (ShFieldEntry  *self,
                                               const char    *placeholder);

/* An empty required field is refused ("required"; default FALSE). */
gboolean     sh_field_entry_get_required      (ShFieldEntry  *self);
void         sh_field_entry_set_required      (ShFieldEntry  *self,
                                               gboolean       required);
/* Limits for number kinds ("minimum", "maximum"; default ±G_MAXDOUBLE). */
void         sh_field_entry_set_range         (ShFieldEntry  *self,
                                               double         minimum,
                                               double         maximum);
/* Whether a number may be below zero ("allow-negative"; default FALSE). */
gboolean     sh_field_entry_get_allow_negative (ShFieldEntry *self);
void         sh_field_entry_set_allow_negative (ShFieldEntry *self,
                                               gboolean       allow_negative);
/* Decimal places shown for NUMBER and PERCENT ("decimals"; default 2:
 * trailing zeros are dropped, "12,5"). */
void         sh_field_entry_set_decimals      (ShFieldEntry  *self,
                                               int            decimals);
/* Characters the input is sized for ("width-chars"). */
void         sh_field_entry_set_width_chars   (ShFieldEntry  *self,
                                               int            n_chars);

/* What the input holds now. */
char        *sh_field_entry_get_text          (ShFieldEntry  *self);
/* Replaces the input's text as typing would (the save follows after the
 * delay, or at once with sh_field_entry_commit()). */
void         sh_field_entry_set_text          (ShFieldEntry  *self,
                                               const char    *text);
/* Saves what is typed now, as leaving the field does. Returns FALSE when
 * the input is refused (see get_error_message). */
gboolean     sh_field_entry_commit            (ShFieldEntry  *self);
/* The message under the field, or NULL when the input is good. */
const char  *sh_field_entry_get_error_message (ShFieldEntry  *self);
/* The input widget (a GtkEntry, or a GtkTextView for MULTILINE). */
GtkWidget   *sh_field_entry_get_input         (ShFieldEntry  *self);

G_END_DECLS
