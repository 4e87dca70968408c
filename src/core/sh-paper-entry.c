/* sh-paper-entry.c — typing the paper quick-assessment form back in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sh-format.h"
#include "sh-paper-entry.h"
#include "sh-refdata.h"
#include "sh-store-private.h"

G_DEFINE_QUARK (sh-paper-error-quark, sh_paper_error)

/* -------------------------------------------------------------------------
 * Reading one value
 * ------------------------------------------------------------------------- */

static char *
format_limit (double value)
{
  return sh_format_number (value, 0, SH_NUMBER_STYLE_VI);
}

char *
sh_paper_describe_field (const ShPaperField *field)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  g_return_val_if_fail (field != NULL, NULL);

  switch (field->type)
    {
    case SH_PAPER_VALUE_INTEGER:
      if (field->maximum >= 1e9)
        return g_strdup (_("a whole number, 0 or more, such as 120"));
      low = format_limit (field->minimum);
      high = format_limit (field->maximum);
      return g_strdup_printf (_("a whole number from %s to %s"), low, high);

    case SH_PAPER_VALUE_NUMBER:
      return g_strdup (_("a number, 0 or more, such as 1.234,5"));

    case SH_PAPER_VALUE_PERCENT:
      low = format_limit (field->minimum);
      high = format_limit (field->maximum);
      return g_strdup_printf (_("a percentage from %s to %s, such as 12,5"), low, high);

    case SH_PAPER_VALUE_DATE:
      return g_strdup (_("a date written dd/mm/yyyy, such as 31/12/2024"));

    case SH_PAPER_VALUE_YES_NO:
      return g_strdup (_("Yes or No"));

    case SH_PAPER_VALUE_PROVINCE:
      return g_strdup (_("the name or code of a province, such as Kon Tum or 62"));

    case SH_PAPER_VALUE_SECTOR:
      return g_strdup (_("the name or code of a sector of the reference data"));

    case SH_PAPER_VALUE_TEXT:
    default:
      return g_strdup (_("any text"));
    }
}

static gboolean
set_value_error (const ShPaperField  *field,
                 const char          *text,
                 GError             **error)
{
  g_autofree char *expected = sh_paper_describe_field (field);

  /* Translators: "A11 “Employees”: “abc” is not a whole number…". */
  g_set_error (error, SH_PAPER_ERROR, SH_PAPER_ERROR_VALUE, _("%s “%s”: “%s” is not %s."),
               field->code, _(field->label), text, expected);
  return FALSE;
}

/* Text for matching names typed by hand: case and surrounding spaces do
 * not matter. */
static char *
fold (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autofree char *normal = g_utf8_normalize (copy, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normal != NULL ? normal : copy, -1);
}

static gboolean
matches_any (const char         *folded,
             const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = fold (words[i]);

      if (g_str_equal (folded, word))
        return TRUE;
    }
  return FALSE;
}

static const char *
assessment_date (ShStore *store,
                 gint64   assessment_id,
                 char   **out_owned)
{
  g_autoptr(ShRecord) assessment = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (assessment_id != 0 && (assessment = sh_store_get (store, "assessment", assessment_id, NULL)) != NULL &&
      sh_record_get_string (assessment, "start_date") != NULL)
    return *out_owned = g_strdup (sh_record_get_string (assessment, "start_date"));

  now = g_date_time_new_now_utc ();
  return *out_owned = g_date_time_format (now, "%Y-%m-%d");
}

/* A reference row (province or sector) whose code or name is @text. */
static char *
find_reference_code (GPtrArray  *rows,
                     const char *text)
{
  g_autofree char *wanted = fold (text);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const char *names[] = {
        sh_record_get_string (rows->pdata[i], "code"),
        sh_record_get_string (rows->pdata[i], "name_vi"),
        sh_record_get_string (rows->pdata[i], "name_en"),
      };

      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          g_autofree char *name = names[k] != NULL ? fold (names[k]) : NULL;

          if (name != NULL && g_str_equal (name, wanted))
            return g_strdup (names[0]);
        }
    }
  return NULL;
}

gboolean
sh_paper_parse_value (ShStore             *store,
                      gint64               assessment_id,
                      const ShPaperField  *field,
                      const char          *text,
                      GValue              *out_value,
                      GError             **error)
{
  g_autofree char *stripped = NULL;
  double number = 0;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL && !G_IS_VALUE (out_value), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return TRUE;

  switch (field->type)
    {
    case SH_PAPER_VALUE_TEXT:
      g_value_init (out_value, G_TYPE_STRING);
      g_value_set_string (out_value, stripped);
      return TRUE;

    case SH_PAPER_VALUE_INTEGER:
      if (!sh_parse_number (stripped, &number, NULL) || number != floor (number) ||
          number < field->minimum || number > field->maximum)
        return set_value_error (field, stripped, error);
      g_value_init (out_value, G_TYPE_INT64);
      g_value_set_int64 (out_value, (gint64) number);
      return TRUE;

    case SH_PAPER_VALUE_NUMBER:
    case SH_PAPER_VALUE_PERCENT:
      {
        g_autofree char *digits = g_strdup (stripped);

        if (field->type == SH_PAPER_VALUE_PERCENT && g_str_has_suffix (digits, "%"))
          {
            digits[strlen (digits) - 1] = '\0';
            g_strstrip (digits);
          }
        if (!sh_parse_number (digits, &number, NULL) || number < field->minimum ||
            (field->maximum > field->minimum && number > field->maximum))
          return set_value_error (field, stripped, error);
        g_value_init (out_value, G_TYPE_DOUBLE);
        g_value_set_double (out_value, number);
        return TRUE;
      }

    case SH_PAPER_VALUE_DATE:
      {
        g_autofree char *iso = sh_parse_date (stripped, NULL);

        if (iso == NULL)
          return set_value_error (field, stripped, error);
        g_value_init (out_value, G_TYPE_STRING);
        g_value_take_string (out_value, g_steal_pointer (&iso));
        return TRUE;
      }

    case SH_PAPER_VALUE_YES_NO:
      {
        /* The form prints "Yes"/"No" in its language; a tick or a cross is
         * as good as a word. */
        const char *yes[] = { "yes", "y", "có", "co", "c", "x", "✓", "1", _("Yes"), NULL };
        const char *no[] = { "no", "n", "không", "khong", "k", "0", _("No"), NULL };
        g_autofree char *folded = fold (stripped);

        g_value_init (out_value, G_TYPE_INT64);
        if (matches_any (folded, yes))
          g_value_set_int64 (out_value, 1);
        else if (matches_any (folded, no))
          g_value_set_int64 (out_value, 0);
        else
          {
            g_value_unset (out_value);
            return set_value_error (field, stripped, error);
          }
        return TRUE;
      }

    case SH_PAPER_VALUE_PROVINCE:
    case SH_PAPER_VALUE_SECTOR:
      {
        g_autofree char *date_owned = NULL;
        g_autoptr(GPtrArray) rows = NULL;
        g_autofree char *code = NULL;

        g_return_val_if_fail (SH_IS_STORE (store), FALSE);
        if (field->type == SH_PAPER_VALUE_PROVINCE)
          rows = sh_refdata_list_provinces (store, assessment_date (store, assessment_id, &date_owned), error);
        else
          rows = sh_refdata_list_sectors (store, error);
        if (rows == NULL)
          return FALSE;
        if (!(code = find_reference_code (rows, stripped)))
          return set_value_error (field, stripped, error);
        g_value_init (out_value, G_TYPE_STRING);
        g_value_take_string (out_value, g_steal_pointer (&code));
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/* -------------------------------------------------------------------------
 * Rows
 * ------------------------------------------------------------------------- */

gboolean
sh_paper_resolve_row (ShStore     *store,
                      gint64       assessment_id,
                      ShPaperRow   row,
                      gint64      *out_id,
                      GError     **error)
{
  g_autoptr(ShRecord) assessment = NULL;
  g_autoptr(GPtrArray) products = NULL;
  gint64 facility_id;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_id != NULL, FALSE);

  *out_id = 0;
  if (!(assessment = sh_store_get (store, "assessment", assessment_id, error)))
    return FALSE;
  facility_id = sh_record_get_int (assessment, "facility_id", 0);

  switch (row)
    {
    case SH_PAPER_ROW_ASSESSMENT:
      *out_id = assessment_id;
      return TRUE;

    case SH_PAPER_ROW_FACILITY:
      *out_id = facility_id;
      return TRUE;

    case SH_PAPER_ROW_MAIN_PRODUCT:
      /* The form prints the first product (by id), so this is that one. */
      if (!(products = sh_store_list (store, "facility_product", "facility_id", facility_id, error)))
        return FALSE;
      if (products->len > 0)
        *out_id = sh_record_get_id (products->pdata[0]);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* -------------------------------------------------------------------------
 * Writing
 * ------------------------------------------------------------------------- */

typedef struct
{
  const ShPaperField *field;
  GValue              value;
  guint               index;
} Item;

static void
item_free (gpointer data)
{
  Item *item = data;

  if (G_IS_VALUE (&item->value))
    g_value_unset (&item->value);
  g_free (item);
}

typedef struct
{
  ShStore     *store;
  ShUndoStack *stack;      /* NULL: straight to the store */
  gint64       assessment_id;
  gint64       rows[3];    /* by ShPaperRow */
  GPtrArray   *items;      /* Item */
  char        *now;
} Entry;

static gboolean
write_field (Entry         *entry,
             const char    *table,
             gint64         id,
             const char    *column,
             const GValue  *value,
             GError       **error)
{
  if (entry->stack != NULL)
    return sh_undo_stack_set_field (entry->stack, table, id, column, value, error);
  return sh_store_update (entry->store, table, id, column, value, NULL, error);
}

static gint64
insert_row (Entry     *entry,
            ShRecord  *record,
            GError   **error)
{
  if (entry->stack != NULL)
    return sh_undo_stack_insert (entry->stack, record, error);
  return sh_store_insert (entry->store, record, error);
}

static gboolean
write_string (Entry       *entry,
              const char  *table,
              gint64       id,
              const char  *column,
              const char  *text,
              GError     **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return write_field (entry, table, id, column, &value, error);
}

/* Records that @item's field came from paper: a new provenance row, or the
 * one of an earlier entry of the same field brought up to date. */
static gboolean
write_provenance (Entry     *entry,
                  Item      *item,
                  gint64     row_id,
                  GError   **error)
{
  const ShPaperField *field = item->field;
  g_autoptr(ShRecord) row = NULL;
  g_autofree char *text = sh_value_to_string (&item->value);
  const char *user = sh_store_get_user (entry->store);
  sqlite3_stmt *stmt;
  gint64 existing = 0;
  int rc;

  if (!(row = sh_store_get (entry->store, field->table, row_id, error)))
    return FALSE;

  stmt = sh_store_prepare (entry->store,
                           "SELECT id FROM field_provenance WHERE assessment_id = ?1 AND table_name = ?2 "
                           "AND row_uuid = ?3 AND column_name = ?4",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry->assessment_id);
  sqlite3_bind_text (stmt, 2, field->table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sh_record_get_uuid (row), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, field->column, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    existing = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sh_store_set_sqlite_error (entry->store, rc, error, "reading where a field came from");
      return FALSE;
    }

  if (existing != 0)
    return write_string (entry, "field_provenance", existing, "value_text", text, error) &&
           write_string (entry, "field_provenance", existing, "form_code", field->code, error) &&
           write_string (entry, "field_provenance", existing, "entered_at", entry->now, error) &&
           write_string (entry, "field_provenance", existing, "entered_by", user, error);
  else
    {
      g_autoptr(ShRecord) provenance = sh_record_new ("field_provenance");

      sh_record_set_int (provenance, "assessment_id", entry->assessment_id);
      sh_record_set_string (provenance, "table_name", field->table);
      sh_record_set_string (provenance, "row_uuid", sh_record_get_uuid (row));
      sh_record_set_string (provenance, "column_name", field->column);
      sh_record_set_string (provenance, "source", SH_PAPER_SOURCE);
      sh_record_set_string (provenance, "form_code", field->code);
      sh_record_set_string (provenance, "value_text", text);
      sh_record_set_string (provenance, "entered_at", entry->now);
      sh_record_set_string (provenance, "entered_by", user);
      return insert_row (entry, provenance, error) != 0;
    }
}

static Item *
find_item (Entry      *entry,
           ShPaperRow  row,
           const char *column)
{
  for (guint i = 0; i < entry->items->len; i++)
    {
      Item *item = entry->items->pdata[i];

      if (item->field->row == row && g_str_equal (item->field->column, column))
        return item;
    }
  return NULL;
}

/* Writes every item and its provenance; the caller holds the transaction. */
static gboolean
write_all (Entry   *entry,
           guint   *out_failed,
           GError **error)
{
  Item *name = find_item (entry, SH_PAPER_ROW_MAIN_PRODUCT, "name");
  gint64 product = entry->rows[SH_PAPER_ROW_MAIN_PRODUCT];
  g_autoptr(GPtrArray) pending = NULL;

  /* A facility without products gets its main product from the form. */
  if (product == 0 && name != NULL)
    {
      g_autoptr(ShRecord) record = sh_record_new ("facility_product");

      sh_record_set_int (record, "facility_id", entry->rows[SH_PAPER_ROW_FACILITY]);
      sh_record_set_value (record, "name", &name->value);
      if (!(product = insert_row (entry, record, error)))
        {
          *out_failed = name->index;
          g_prefix_error (error, "%s “%s”: ", name->field->code, _(name->field->label));
          return FALSE;
        }
    }

  /* Each field in a savepoint of its own, and what the schema refuses now
   * tried again after the others: a later visit's start date is refused
   * until its end date is written too. Only a pass that writes nothing
   * ends it with an error. */
  pending = g_ptr_array_sized_new (entry->items->len);
  for (guint i = 0; i < entry->items->len; i++)
    g_ptr_array_add (pending, entry->items->pdata[i]);
  while (pending->len > 0)
    {
      g_autoptr(GError) first_error = NULL;
      Item *first_failed = NULL;
      guint before = pending->len;

      for (guint i = 0; i < pending->len;)
        {
          Item *item = pending->pdata[i];
          gint64 id = item->field->row == SH_PAPER_ROW_MAIN_PRODUCT ? product : entry->rows[item->field->row];
          g_autoptr(GError) local_error = NULL;

          g_assert (id != 0);
          if (!sh_store_begin (entry->store, error))
            return FALSE;
          if (write_field (entry, item->field->table, id, item->field->column, &item->value, &local_error) &&
              write_provenance (entry, item, id, &local_error))
            {
              if (!sh_store_commit (entry->store, error))
                return FALSE;
              g_ptr_array_remove_index (pending, i);
              continue;
            }
          sh_store_rollback (entry->store);
          if (!g_error_matches (local_error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID))
            {
              *out_failed = item->index;
              g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s “%s”: ",
                                          item->field->code, _(item->field->label));
              return FALSE;
            }
          if (first_failed == NULL)
            {
              first_failed = item;
              first_error = g_steal_pointer (&local_error);
            }
          i++;
        }

      if (pending->len == before)
        {
          *out_failed = first_failed->index;
          g_propagate_prefixed_error (error, g_steal_pointer (&first_error), "%s “%s”: ",
                                      first_failed->field->code, _(first_failed->field->label));
          return FALSE;
        }
    }

  return TRUE;
}

/* The value a column will have: the one typed in, else the stored one. */
static char *
date_after_entry (Entry      *entry,
                  ShRecord   *assessment,
                  const char *column,
                  Item      **out_item)
{
  *out_item = find_item (entry, SH_PAPER_ROW_ASSESSMENT, column);
  if (*out_item != NULL)
    return g_value_dup_string (&(*out_item)->value);
  return g_strdup (sh_record_get_string (assessment, column));
}

/* The schema wants the end of the visit not before its start. Said here
 * with the field's code, and checked on the values after the entry, so
 * that typing both dates of a later visit is not refused half-way. */
static gboolean
check_dates (Entry    *entry,
             guint    *out_failed,
             GError  **error)
{
  g_autoptr(ShRecord) assessment = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  Item *start_item = NULL;
  Item *end_item = NULL;

  if (!(assessment = sh_store_get (entry->store, "assessment", entry->assessment_id, error)))
    return FALSE;
  start = date_after_entry (entry, assessment, "start_date", &start_item);
  end = date_after_entry (entry, assessment, "end_date", &end_item);
  if ((start_item != NULL || end_item != NULL) && start != NULL && end != NULL && strcmp (end, start) < 0)
    {
      Item *item = end_item != NULL ? end_item : start_item;
      g_autofree char *start_text = sh_format_date (start);
      g_autofree char *end_text = sh_format_date (end);

      *out_failed = item->index;
      g_set_error (error, SH_PAPER_ERROR, SH_PAPER_ERROR_VALUE,
                   _("%s “%s”: the visit cannot end (%s) before it starts (%s)."),
                   item->field->code, _(item->field->label), end_text, start_text);
      return FALSE;
    }

  *out_failed = G_MAXUINT;
  return TRUE;
}

/* Reads every pair, refusing unknown and repeated codes and values that
 * cannot be read, before anything is written. */
static gboolean
read_items (Entry               *entry,
            const char * const  *codes,
            const char * const  *texts,
            guint                n_values,
            guint               *out_failed,
            GError             **error)
{
  for (guint i = 0; i < n_values; i++)
    {
      const ShPaperField *field = sh_paper_fields_find (codes[i]);
      g_autofree char *code = g_strstrip (g_strdup (codes[i]));
      Item *item;

      *out_failed = i;
      if (field == NULL)
        field = sh_paper_fields_find (code);
      if (field == NULL)
        {
          g_set_error (error, SH_PAPER_ERROR, SH_PAPER_ERROR_UNKNOWN_CODE,
                       _("There is no field “%s” on the paper form (codes such as A01, F02, G04)."), code);
          return FALSE;
        }
      for (guint k = 0; k < entry->items->len; k++)
        if (((Item *) entry->items->pdata[k])->field == field)
          {
            g_set_error (error, SH_PAPER_ERROR, SH_PAPER_ERROR_DUPLICATE,
                         _("%s “%s” is given twice."), field->code, _(field->label));
            return FALSE;
          }

      item = g_new0 (Item, 1);
      item->field = field;
      item->index = i;
      if (!sh_paper_parse_value (entry->store, entry->assessment_id, field, texts[i], &item->value, error))
        {
          item_free (item);
          return FALSE;
        }
      if (!G_IS_VALUE (&item->value))
        {
          /* Left blank on paper: nothing to type in. */
          item_free (item);
          continue;
        }
      g_ptr_array_add (entry->items, item);
    }

  /* The main product's capacity needs a product to belong to. */
  if (entry->rows[SH_PAPER_ROW_MAIN_PRODUCT] == 0 && find_item (entry, SH_PAPER_ROW_MAIN_PRODUCT, "name") == NULL)
    for (guint i = 0; i < entry->items->len; i++)
      {
        Item *item = entry->items->pdata[i];

        if (item->field->row == SH_PAPER_ROW_MAIN_PRODUCT)
          {
            const ShPaperField *name = sh_paper_fields_find ("A14");

            *out_failed = item->index;
            g_set_error (error, SH_PAPER_ERROR, SH_PAPER_ERROR_MISSING,
                         _("%s “%s”: the facility has no main product yet; write its name in %s too."),
                         item->field->code, _(item->field->label), name->code);
            return FALSE;
          }
      }

  return check_dates (entry, out_failed, error);
}

gboolean
sh_paper_entry_apply (ShStore             *store,
                      ShUndoStack         *stack,
                      gint64               assessment_id,
                      const char * const  *codes,
                      const char * const  *texts,
                      guint                n_values,
                      guint               *out_n_written,
                      guint               *out_failed,
                      GError             **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (item_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  Entry entry = { store, stack, assessment_id, { 0 }, items, now_text };
  guint failed = G_MAXUINT;
  gboolean ok;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (stack == NULL || (SH_IS_UNDO_STACK (stack) &&
                                          sh_undo_stack_get_store (stack) == store &&
                                          sh_undo_stack_get_assessment_id (stack) == assessment_id), FALSE);
  g_return_val_if_fail (n_values == 0 || (codes != NULL && texts != NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_n_written != NULL)
    *out_n_written = 0;
  if (out_failed != NULL)
    *out_failed = G_MAXUINT;

  /* Read-only means the facility's fields too: the form is one document. */
  if (!sh_paper_resolve_row (store, assessment_id, SH_PAPER_ROW_ASSESSMENT, &entry.rows[SH_PAPER_ROW_ASSESSMENT], error) ||
      !sh_paper_resolve_row (store, assessment_id, SH_PAPER_ROW_FACILITY, &entry.rows[SH_PAPER_ROW_FACILITY], error) ||
      !sh_paper_resolve_row (store, assessment_id, SH_PAPER_ROW_MAIN_PRODUCT, &entry.rows[SH_PAPER_ROW_MAIN_PRODUCT], error))
    return FALSE;
  if (sh_store_is_assessment_locked (store, assessment_id))
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_READ_ONLY,
                   _("This assessment is finalized and cannot be changed. "
                     "Reopen it, giving a reason, to edit it."));
      return FALSE;
    }

  if (!read_items (&entry, codes, texts, n_values, &failed, error))
    {
      if (out_failed != NULL)
        *out_failed = failed;
      return FALSE;
    }
  if (items->len == 0)
    return TRUE;

  /* The undo stack records each edit as it is made. A rehearsal straight
   * to the store, rolled back, finds what the database refuses (an end date
   * before the start) before the stack has recorded anything. */
  if (stack != NULL)
    {
      entry.stack = NULL;
      if (!sh_store_begin (store, error))
        return FALSE;
      ok = write_all (&entry, &failed, error);
      sh_store_rollback (store);
      if (!ok)
        {
          if (out_failed != NULL)
            *out_failed = failed;
          return FALSE;
        }
      entry.stack = stack;
    }

  if (!sh_store_begin (store, error))
    return FALSE;
  if (stack != NULL)
    {
      sh_undo_stack_stop_merging (stack);
      sh_undo_stack_begin_group (stack);
    }
  ok = write_all (&entry, &failed, error);
  if (stack != NULL)
    {
      sh_undo_stack_end_group (stack);
      sh_undo_stack_stop_merging (stack);
    }
  if (!ok)
    {
      sh_store_rollback (store);
      if (out_failed != NULL)
        *out_failed = failed;
      return FALSE;
    }
  if (!sh_store_commit (store, error))
    return FALSE;

  if (out_n_written != NULL)
    *out_n_written = items->len;
  return TRUE;
}

/* -------------------------------------------------------------------------
 * Reading the provenance back
 * ------------------------------------------------------------------------- */

char *
sh_paper_field_key (const char *table,
                    gint64      id,
                    const char *column)
{
  return g_strdup_printf ("%s\037%" G_GINT64_FORMAT "\037%s", table, id, column);
}

GHashTable *
sh_paper_list_entered (ShStore  *store,
                       gint64    assessment_id,
                       GError  **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(rows = sh_store_list (store, "field_provenance", "assessment_id", assessment_id, error)))
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *provenance = rows->pdata[i];
      const char *table = sh_record_get_string (provenance, "table_name");
      const char *column = sh_record_get_string (provenance, "column_name");
      g_autoptr(ShRecord) row = NULL;
      g_autofree char *current = NULL;
      sqlite3_stmt *stmt;
      const char *sql;
      gint64 id = 0;

      if (g_strcmp0 (sh_record_get_string (provenance, "source"), SH_PAPER_SOURCE) != 0)
        continue;
      /* Table names cannot be bound: only the form's own tables are read. */
      if (g_strcmp0 (table, "facility") == 0)
        sql = "SELECT id FROM facility WHERE uuid = ?1";
      else if (g_strcmp0 (table, "assessment") == 0)
        sql = "SELECT id FROM assessment WHERE uuid = ?1";
      else if (g_strcmp0 (table, "facility_product") == 0)
        sql = "SELECT id FROM facility_product WHERE uuid = ?1";
      else
        continue;

      if (!(stmt = sh_store_prepare (store, sql, error)))
        return NULL;
      sqlite3_bind_text (stmt, 1, sh_record_get_string (provenance, "row_uuid"), -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      /* A row deleted since, or a value changed since, is no longer the
       * one from paper. */
      if (id == 0 || !(row = sh_store_get (store, table, id, NULL)) || !sh_record_has (row, column))
        continue;
      current = sh_value_to_string (sh_record_get_value (row, column));
      if (g_strcmp0 (current, sh_record_get_string (provenance, "value_text")) == 0)
        g_hash_table_add (keys, sh_paper_field_key (table, id, column));
    }

  return g_steal_pointer (&keys);
}
