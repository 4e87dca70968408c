/* sh-record-private.h — the store's fast way to fill and read records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-record.h"

G_BEGIN_DECLS

/* Appends a column without looking for an earlier one of the same name:
 * for a row read from the database, whose columns are distinct. The name
 * must be interned (g_intern_string) since the record keeps the pointer;
 * @value's contents are moved into the record and @value is left unset.
 * NULL or an unset @value is SQL NULL. */
void         sh_record_append_value      (ShRecord       *self,
                                          const char     *interned_column,
                                          GValue         *value);

/* The index of @column in the record, or -1: the lookup every getter
 * uses. */
int          sh_record_find_column       (const ShRecord *self,
                                          const char     *column);
/* The same by a plain scan from the first column, for tests to compare. */
int          sh_record_find_column_slow  (const ShRecord *self,
                                          const char     *column);

G_END_DECLS
