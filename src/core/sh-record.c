/* sh-record.c — one row of one table, as a bag of typed values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sh-record-private.h"

typedef struct
{
  /* Interned column names (from the store) are shared, never freed;
   * names given by callers are copied and owned. */
  const char *column;
  gboolean    owned;
  gboolean    is_null;
  GValue      value;
} Field;

struct _ShRecord
{
  gatomicrefcount  ref_count;
  char            *table;
  gint64           id;
  char            *uuid;
  GArray          *fields;   /* of Field, in insertion order */
  /* Where the last lookup ended: readers mostly ask for the columns in
   * table order, so the next lookup starts just after it. Atomic because
   * a shared record may be read from two threads. */
  guint            hint;
};

G_DEFINE_BOXED_TYPE (ShRecord, sh_record, sh_record_ref, sh_record_unref)

static void
clear_field (gpointer data)
{
  Field *field = data;

  if (field->owned)
    g_free ((char *) field->column);
  if (G_IS_VALUE (&field->value))
    g_value_unset (&field->value);
}

ShRecord *
sh_record_new (const char *table)
{
  ShRecord *self;

  g_return_val_if_fail (table != NULL, NULL);

  self = g_new0 (ShRecord, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->table = g_strdup (table);
  self->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  g_array_set_clear_func (self->fields, clear_field);

  return self;
}

ShRecord *
sh_record_ref (ShRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sh_record_unref (ShRecord *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->table);
      g_free (self->uuid);
      g_array_unref (self->fields);
      g_free (self);
    }
}

const char *
sh_record_get_table (const ShRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->table;
}

gint64
sh_record_get_id (const ShRecord *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->id;
}

void
sh_record_set_id (ShRecord *self,
                  gint64    id)
{
  g_return_if_fail (self != NULL);

  self->id = id;
}

const char *
sh_record_get_uuid (const ShRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->uuid;
}

void
sh_record_set_uuid (ShRecord   *self,
                    const char *uuid)
{
  g_return_if_fail (self != NULL);

  if (g_strcmp0 (self->uuid, uuid) == 0)
    return;

  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
}

static inline gboolean
same_column (const char *a,
             const char *b)
{
  return a == b || (a[0] == b[0] && strcmp (a, b) == 0);
}

/* The reference lookup: every field from the first, by name. Kept for
 * the tests, which check that find_field() always agrees with it. */
int
sh_record_find_column_slow (const ShRecord *self,
                            const char     *column)
{
  for (guint i = 0; i < self->fields->len; i++)
    if (strcmp (g_array_index (self->fields, Field, i).column, column) == 0)
      return (int) i;

  return -1;
}

/* Scans once round the fields, starting just after the previous hit: a
 * record read column after column (as the summaries and the exporter do)
 * then finds each one at the first comparison instead of after half the
 * row. A column name appears only once, so the start does not change
 * which field is found. */
static Field *
find_field (const ShRecord *self,
            const char     *column)
{
  guint n = self->fields->len;
  guint start;

  if (n == 0)
    return NULL;

  start = (guint) g_atomic_int_get ((int *) &self->hint);
  if (start >= n)
    start = 0;

  for (guint k = 0, i = start; k < n; k++, i = (i + 1 == n ? 0 : i + 1))
    {
      Field *field = &g_array_index (self->fields, Field, i);

      if (same_column (field->column, column))
        {
          g_atomic_int_set ((int *) &((ShRecord *) self)->hint, (int) (i + 1));
          return field;
        }
    }

  return NULL;
}

int
sh_record_find_column (const ShRecord *self,
                       const char     *column)
{
  Field *field;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (column != NULL, -1);

  field = find_field (self, column);
  return field != NULL ? (int) (field - &g_array_index (self->fields, Field, 0)) : -1;
}

void
sh_record_append_value (ShRecord   *self,
                        const char *interned_column,
                        GValue     *value)
{
  Field field = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (interned_column != NULL);

  /* Type tests by the value's type field alone: this runs for every
   * column of every row read. */
  field.column = interned_column;
  if (value == NULL || G_VALUE_TYPE (value) == G_TYPE_INVALID)
    field.is_null = TRUE;
  else if (G_VALUE_TYPE (value) == G_TYPE_STRING && g_value_get_string (value) == NULL)
    {
      field.is_null = TRUE;
      g_value_unset (value);
    }
  else
    {
      /* A plain move: the GValue's contents change owner. */
      field.value = *value;
      memset (value, 0, sizeof *value);
    }

  g_array_append_val (self->fields, field);
}

/* Returns the field for @column, emptied and ready to take a new value. */
static Field *
take_field (ShRecord   *self,
            const char *column)
{
  Field *field = find_field (self, column);

  if (field == NULL)
    {
      Field empty = { 0 };

      empty.column = g_strdup (column);
      empty.owned = TRUE;
      g_array_append_val (self->fields, empty);
      field = &g_array_index (self->fields, Field, self->fields->len - 1);
    }
  else if (G_IS_VALUE (&field->value))
    {
      g_value_unset (&field->value);
    }

  field->is_null = FALSE;
  return field;
}

void
sh_record_set_string (ShRecord   *self,
                      const char *column,
                      const char *value)
{
  Field *field;

  g_return_if_fail (self != NULL);
  g_return_if_fail (column != NULL);

  if (value == NULL)
    {
      sh_record_set_null (self, column);
      return;
    }

  field = take_field (self, column);
  g_value_init (&field->value, G_TYPE_STRING);
  g_value_set_string (&field->value, value);
}

void
sh_record_set_int (ShRecord   *self,
                   const char *column,
                   gint64      value)
{
  Field *field;

  g_return_if_fail (self != NULL);
  g_return_if_fail (column != NULL);

  field = take_field (self, column);
  g_value_init (&field->value, G_TYPE_INT64);
  g_value_set_int64 (&field->value, value);
}

void
sh_record_set_double (ShRecord   *self,
                      const char *column,
                      double      value)
{
  Field *field;

  g_return_if_fail (self != NULL);
  g_return_if_fail (column != NULL);

  field = take_field (self, column);
  g_value_init (&field->value, G_TYPE_DOUBLE);
  g_value_set_double (&field->value, value);
}

void
sh_record_set_boolean (ShRecord   *self,
                       const char *column,
                       gboolean    value)
{
  /* SQLite has no boolean type; the schema keeps flags as 0/1 integers. */
  sh_record_set_int (self, column, value ? 1 : 0);
}

void
sh_record_set_null (ShRecord   *self,
                    const char *column)
{
  Field *field;

  g_return_if_fail (self != NULL);
  g_return_if_fail (column != NULL);

  field = take_field (self, column);
  field->is_null = TRUE;
}

void
sh_record_set_value (ShRecord     *self,
                     const char   *column,
                     const GValue *value)
{
  Field *field;

  g_return_if_fail (self != NULL);
  g_return_if_fail (column != NULL);

  if (value == NULL || !G_IS_VALUE (value))
    {
      sh_record_set_null (self, column);
      return;
    }

  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) == NULL)
    {
      sh_record_set_null (self, column);
      return;
    }

  field = take_field (self, column);
  g_value_init (&field->value, G_VALUE_TYPE (value));
  g_value_copy (value, &field->value);
}

gboolean
sh_record_has (const ShRecord *self,
               const char     *column)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  return find_field (self, column) != NULL;
}

gboolean
sh_record_is_null (const ShRecord *self,
                   const char     *column)
{
  Field *field;

  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (column != NULL, TRUE);

  field = find_field (self, column);
  return field == NULL || field->is_null;
}

const GValue *
sh_record_get_value (const ShRecord *self,
                     const char     *column)
{
  Field *field;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  field = find_field (self, column);
  if (field == NULL || field->is_null)
    return NULL;

  return &field->value;
}

const char *
sh_record_get_string (const ShRecord *self,
                      const char     *column)
{
  const GValue *value = sh_record_get_value (self, column);

  if (value == NULL || !G_VALUE_HOLDS_STRING (value))
    return NULL;

  return g_value_get_string (value);
}

/* Parses the whole of @text as a number; text that is only partly a number
 * (or not at all) gives FALSE, so a stray string never turns into 0. */
static gboolean
parse_double (const char *text,
              double     *out)
{
  char *end = NULL;
  double d;

  if (text == NULL || *text == '\0')
    return FALSE;

  errno = 0;
  d = g_ascii_strtod (text, &end);
  if (errno != 0 || end == text || *end != '\0')
    return FALSE;

  *out = d;
  return TRUE;
}

gint64
sh_record_get_int (const ShRecord *self,
                   const char     *column,
                   gint64          fallback)
{
  const GValue *value = sh_record_get_value (self, column);
  double d;

  if (value == NULL)
    return fallback;

  if (G_VALUE_HOLDS_INT64 (value))
    return g_value_get_int64 (value);
  if (G_VALUE_HOLDS_DOUBLE (value))
    return (gint64) g_value_get_double (value);
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_value_get_boolean (value) ? 1 : 0;
  if (G_VALUE_HOLDS_STRING (value) && parse_double (g_value_get_string (value), &d))
    return (gint64) d;

  return fallback;
}

double
sh_record_get_double (const ShRecord *self,
                      const char     *column,
                      double          fallback)
{
  const GValue *value = sh_record_get_value (self, column);
  double d;

  if (value == NULL)
    return fallback;

  if (G_VALUE_HOLDS_DOUBLE (value))
    return g_value_get_double (value);
  if (G_VALUE_HOLDS_INT64 (value))
    return (double) g_value_get_int64 (value);
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_value_get_boolean (value) ? 1.0 : 0.0;
  if (G_VALUE_HOLDS_STRING (value) && parse_double (g_value_get_string (value), &d))
    return d;

  return fallback;
}

gboolean
sh_record_get_boolean (const ShRecord *self,
                       const char     *column)
{
  return sh_record_get_int (self, column, 0) != 0;
}

guint
sh_record_get_n_columns (const ShRecord *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->fields->len;
}

const char *
sh_record_get_column (const ShRecord *self,
                      guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->fields->len, NULL);

  return g_array_index (self->fields, Field, index).column;
}

char *
sh_value_to_string (const GValue *value)
{
  if (value == NULL || !G_IS_VALUE (value))
    return NULL;

  if (G_VALUE_HOLDS_STRING (value))
    return g_value_dup_string (value);
  if (G_VALUE_HOLDS_INT64 (value))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_strdup (g_value_get_boolean (value) ? "1" : "0");
  if (G_VALUE_HOLDS_DOUBLE (value))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      /* Shortest text that reads back as the same double. */
      return g_strdup (g_ascii_dtostr (buf, sizeof buf, g_value_get_double (value)));
    }
  if (G_VALUE_HOLDS (value, G_TYPE_BYTES))
    {
      GBytes *bytes = g_value_get_boxed (value);

      if (bytes == NULL)
        return NULL;
      /* The audit trail records a fingerprint of a file, not the file. */
      return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
    }

  return g_strdup_value_contents (value);
}

gboolean
sh_value_equal (const GValue *a,
                const GValue *b)
{
  g_autofree char *sa = NULL;
  g_autofree char *sb = NULL;
  gboolean a_null = a == NULL || !G_IS_VALUE (a);
  gboolean b_null = b == NULL || !G_IS_VALUE (b);

  if (a_null || b_null)
    return a_null == b_null;

  /* 12 and 12.0 are the same number whichever column type holds them. */
  if ((G_VALUE_HOLDS_DOUBLE (a) || G_VALUE_HOLDS_INT64 (a)) &&
      (G_VALUE_HOLDS_DOUBLE (b) || G_VALUE_HOLDS_INT64 (b)))
    {
      double da = G_VALUE_HOLDS_DOUBLE (a) ? g_value_get_double (a) : (double) g_value_get_int64 (a);
      double db = G_VALUE_HOLDS_DOUBLE (b) ? g_value_get_double (b) : (double) g_value_get_int64 (b);

      return da == db;
    }

  sa = sh_value_to_string (a);
  sb = sh_value_to_string (b);
  return g_strcmp0 (sa, sb) == 0;
}
