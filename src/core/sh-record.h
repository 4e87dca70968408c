/* sh-record.h — one row of one table, as a bag of typed values.
 *
 * Records are how the GUI, the CLI and the importers hand data to the store
 * and get it back. They are refcounted boxed values; columns keep the order
 * in which they were set (or the table's order when read from the store).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SH_TYPE_RECORD (sh_record_get_type ())

typedef struct _ShRecord ShRecord;

GType        sh_record_get_type     (void) G_GNUC_CONST;
ShRecord    *sh_record_new          (const char     *table);
ShRecord    *sh_record_ref          (ShRecord       *self);
void         sh_record_unref        (ShRecord       *self);

const char  *sh_record_get_table    (const ShRecord *self);
gint64       sh_record_get_id       (const ShRecord *self);
void         sh_record_set_id       (ShRecord       *self,
                                     gint64          id);
const char  *sh_record_get_uuid     (const ShRecord *self);
void         sh_record_set_uuid     (ShRecord       *self,
                                     const char     *uuid);

/* Setters replace a previous value of the same column. */
void         sh_record_set_string   (ShRecord       *self,
                                     const char     *column,
                                     const char     *value);
void         sh_record_set_int      (ShRecord       *self,
                                     const char     *column,
                                     gint64          value);
void         sh_record_set_double   (ShRecord       *self,
                                     const char     *column,
                                     double          value);
void         sh_record_set_boolean  (ShRecord       *self,
                                     const char     *column,
                                     gboolean        value);
void         sh_record_set_null     (ShRecord       *self,
                                     const char     *column);
void         sh_record_set_value    (ShRecord       *self,
                                     const char     *column,
                                     const GValue   *value);

gboolean     sh_record_has          (const ShRecord *self,
                                     const char     *column);
gboolean     sh_record_is_null      (const ShRecord *self,
                                     const char     *column);
/* Getters return the fallback when the column is absent or NULL; numbers are
 * converted between integer and real, and text holding a number is parsed. */
const char  *sh_record_get_string   (const ShRecord *self,
                                     const char     *column);
gint64       sh_record_get_int      (const ShRecord *self,
                                     const char     *column,
                                     gint64          fallback);
double       sh_record_get_double   (const ShRecord *self,
                                     const char     *column,
                                     double          fallback);
gboolean     sh_record_get_boolean  (const ShRecord *self,
                                     const char     *column);
const GValue *sh_record_get_value   (const ShRecord *self,
                                     const char     *column);

guint        sh_record_get_n_columns (const ShRecord *self);
const char  *sh_record_get_column    (const ShRecord *self,
                                      guint           index);

/* A value as text, as written in the audit trail: NULL for SQL NULL. */
char        *sh_value_to_string     (const GValue   *value);
/* Whether two values are the same field content: NULL (or an unset value)
 * equals only NULL, numbers compare by value whatever their type, the rest
 * compares as text. Saving an equal value is not a change. */
gboolean     sh_value_equal         (const GValue   *a,
                                     const GValue   *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShRecord, sh_record_unref)

G_END_DECLS
