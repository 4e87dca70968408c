/* sh-paper-entry.c — typing the paper quick-assessment form back in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sh-evidence-lang.h"
#include "sh-format.h"
#include "sh-paper-entry.h"
#include "sh-refdata.h"
#include "sh-store-private.h"
#include "sh-units.h"

G_DEFINE_QUARK (sh-paper-error-quark, sh_paper_error)

/* A cell of a list's row: a field made for one printed row. */
typedef struct
{
  ShPaperField         field;   /* first: a field of SH_PAPER_ROW_LIST is a Cell */
  char                 code[32];
  char                 row_code[32];
  const ShPaperList   *list;
  const ShPaperColumn *column;
  guint                number;
  ShRecord            *row;     /* the printed row, NULL for an empty one */
} Cell;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_clear_pointer (&cell->row, sh_record_unref);
  g_free (cell);
}

static Cell *
as_cell (const ShPaperField *field)
{
  return field != NULL && field->row == SH_PAPER_ROW_LIST ? (Cell *) field : NULL;
}

const char *
sh_paper_cell_row_code (const ShPaperField *field)
{
  Cell *cell = as_cell (field);

  return cell != NULL ? cell->row_code : NULL;
}

const ShPaperList *
sh_paper_cell_list (const ShPaperField *field)
{
  Cell *cell = as_cell (field);

  return cell != NULL ? cell->list : NULL;
}

const ShPaperColumn *
sh_paper_cell_column (const ShPaperField *field)
{
  Cell *cell = as_cell (field);

  return cell != NULL ? cell->column : NULL;
}

/* Names typed by hand are matched against the codes, the English names and
 * their translations into the running language and into Vietnamese, so a
 * form written in either language reads back whatever the app runs in. */
static ShEvidenceLang *
vietnamese (void)
{
  static gsize once = 0;
  static ShEvidenceLang *lang = NULL;

  if (g_once_init_enter (&once))
    {
      lang = sh_evidence_lang_new ("vi", NULL);
      g_once_init_leave (&once, 1);
    }
  return lang;
}

typedef struct
{
  char *code;
  char *name;       /* in the running language, for messages */
  char *names[4];   /* other ways to write it (NULL-terminated) */
} Choice;

static void
choice_free (gpointer data)
{
  Choice *choice = data;

  g_free (choice->code);
  g_free (choice->name);
  for (guint i = 0; i < G_N_ELEMENTS (choice->names); i++)
    g_free (choice->names[i]);
  g_free (choice);
}

static void
add_choice (GPtrArray  *choices,
            const char *code,
            const char *name,
            const char *other1,
            const char *other2)
{
  Choice *choice = g_new0 (Choice, 1);
  guint n = 0;

  choice->code = g_strdup (code);
  choice->name = g_strdup (name);
  if (other1 != NULL)
    choice->names[n++] = g_strdup (other1);
  if (other2 != NULL)
    choice->names[n++] = g_strdup (other2);
  g_ptr_array_add (choices, choice);
}

/* A choice named by an English msgid. */
static void
add_msgid_choice (GPtrArray  *choices,
                  const char *code,
                  const char *msgid)
{
  ShEvidenceLang *vi = vietnamese ();

  add_choice (choices, code, _(msgid), msgid, vi != NULL ? sh_evidence_lang_gettext (vi, msgid) : NULL);
}

static gboolean
prefers_vietnamese (void)
{
  const char * const *languages = g_get_language_names ();

  return languages[0] != NULL && g_str_has_prefix (languages[0], "vi");
}

/* The values a choice, unit or resource cell accepts. */
static GPtrArray *
list_choices (ShStore     *store,
              const char  *choices,
              GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (choice_free);

  if (g_str_equal (choices, "answer"))
    {
      add_choice (out, "yes", _("Yes"), "Có", "Yes");
      add_choice (out, "no", _("No"), "Không", "No");
      add_choice (out, "na", _("N/A"), "KAD", "N/A");
    }
  else if (g_str_equal (choices, "data_source"))
    {
      add_msgid_choice (out, "meter", N_("Meter"));
      add_msgid_choice (out, "invoice", N_("Invoice"));
      add_msgid_choice (out, "estimate", N_("Estimate"));
      add_msgid_choice (out, "paper", N_("Paper records"));
    }
  else if (g_str_equal (choices, "severity"))
    {
      add_msgid_choice (out, "low", N_("Low"));
      add_msgid_choice (out, "medium", N_("Medium"));
      add_msgid_choice (out, "high", N_("High"));
    }
  else if (g_str_equal (choices, "resource"))
    {
      /* How the resources are often written by hand, beside their names. */
      static const char * const aliases[][2] = {
        { "electricity", "Điện năng" }, { "fuel_oil", "Dầu FO" }, { "diesel", "Dầu DO" }, { "coal", "Than đá" },
        { "lpg", "Gas" }, { "wood", "Củi" }, { "rice_husk", "Trấu" }, { "steam", "Hơi nước" },
        { "cassava_root", "Củ sắn tươi" }, { "chemical", "Hóa chất" },
      };
      gsize n_resources;
      const ShChoice *resources = sh_paper_resources_get (&n_resources);

      for (gsize i = 0; i < n_resources; i++)
        {
          add_msgid_choice (out, resources[i].code, resources[i].label);
          for (guint a = 0; a < G_N_ELEMENTS (aliases); a++)
            if (g_str_equal (aliases[a][0], resources[i].code))
              ((Choice *) out->pdata[out->len - 1])->names[2] = g_strdup (aliases[a][1]);
        }
    }
  else if (g_str_equal (choices, "unit"))
    {
      g_autoptr(GPtrArray) units = sh_units_list_units (sh_units_get_default (), NULL);

      for (guint i = 0; i < units->len; i++)
        {
          const ShUnitInfo *unit = units->pdata[i];

          add_choice (out, unit->code, unit->symbol, unit->name_vi, unit->name_en);
        }
    }
  else
    {
      g_autoptr(GPtrArray) values = NULL;
      gboolean vi = prefers_vietnamese ();

      g_return_val_if_fail (SH_IS_STORE (store), NULL);
      if (!(values = sh_refdata_list_values (store, choices, error)))
        return NULL;
      for (guint i = 0; i < values->len; i++)
        {
          const char *name_vi = sh_record_get_string (values->pdata[i], "name_vi");
          const char *name_en = sh_record_get_string (values->pdata[i], "name_en");

          add_choice (out, sh_record_get_string (values->pdata[i], "code"), vi ? name_vi : name_en, name_vi, name_en);
        }
    }
  return g_steal_pointer (&out);
}

static char *fold (const char *text);

static const Choice *
find_choice (GPtrArray  *choices,
             const char *text)
{
  g_autofree char *wanted = fold (text);

  for (guint i = 0; i < choices->len; i++)
    {
      Choice *choice = choices->pdata[i];
      const char *names[] = { choice->code, choice->name, choice->names[0], choice->names[1], choice->names[2] };

      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          g_autofree char *name = names[k] != NULL ? fold (names[k]) : NULL;

          if (name != NULL && g_str_equal (name, wanted))
            return choice;
        }
    }
  return NULL;
}

/* "Leak, Spill, …": what a choice cell accepts, in the running language. */
static char *
join_choices (GPtrArray *choices)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < choices->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, ((Choice *) choices->pdata[i])->name);
    }
  return g_string_free (out, FALSE);
}

static const char *
choices_of (const ShPaperField *field)
{
  if (field->type == SH_PAPER_VALUE_UNIT)
    return "unit";
  if (field->type == SH_PAPER_VALUE_RESOURCE)
    return "resource";
  return field->choices;
}

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

    case SH_PAPER_VALUE_MONEY:
      return g_strdup (_("an amount of đồng, 0 or more, such as 1.500.000"));

    case SH_PAPER_VALUE_UNIT:
    case SH_PAPER_VALUE_RESOURCE:
    case SH_PAPER_VALUE_CHOICE:
      {
        g_autoptr(GPtrArray) choices = NULL;
        g_autofree char *names = NULL;

        /* The reference lists need the store: named in the message of a
         * value that does not match instead. */
        if (field->type == SH_PAPER_VALUE_CHOICE && g_strcmp0 (field->choices, "answer") == 0)
          return g_strdup (_("Có, Không or KAD (Yes, No or N/A)"));
        if (field->type == SH_PAPER_VALUE_CHOICE && !g_str_equal (field->choices, "data_source") &&
            !g_str_equal (field->choices, "severity"))
          return g_strdup (_("a name or code of the reference list, in Vietnamese or English"));
        choices = list_choices (NULL, choices_of (field), NULL);
        names = join_choices (choices);
        if (field->type == SH_PAPER_VALUE_RESOURCE)
          /* Translators: %s lists the resources: "Electricity, Water, …". */
          return g_strdup_printf (_("a resource (%s), in Vietnamese or English, optionally followed by “: description”"),
                                  names);
        if (field->type == SH_PAPER_VALUE_UNIT)
          /* Translators: %s lists the units: "g, kg, t, …". */
          return g_strdup_printf (_("a unit (%s), by symbol or name"), names);
        /* Translators: %s lists the accepted values: "Meter, Invoice, …". */
        return g_strdup_printf (_("one of %s"), names);
      }

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

    case SH_PAPER_VALUE_MONEY:
      {
        gint64 amount = 0;

        if (!sh_parse_vnd (stripped, &amount, NULL) || amount < 0)
          return set_value_error (field, stripped, error);
        g_value_init (out_value, G_TYPE_INT64);
        g_value_set_int64 (out_value, amount);
        return TRUE;
      }

    case SH_PAPER_VALUE_UNIT:
    case SH_PAPER_VALUE_RESOURCE:
    case SH_PAPER_VALUE_CHOICE:
      {
        g_autoptr(GPtrArray) choices = list_choices (store, choices_of (field), error);
        const Choice *choice;
        Cell *cell = as_cell (field);
        g_autofree char *value = NULL;

        if (choices == NULL)
          return FALSE;
        if ((choice = find_choice (choices, stripped)) != NULL)
          value = g_strdup (choice->code);
        else if (field->type == SH_PAPER_VALUE_RESOURCE)
          {
            /* A resource by name and a description of one's own after a
             * colon, "Than đá: than cám"; or the description printed for a
             * recorded row, unchanged. */
            const char *colon = strchr (stripped, ':');
            g_autofree char *folded = fold (stripped);
            g_autofree char *printed = NULL;

            if (cell != NULL && cell->row != NULL && sh_record_get_string (cell->row, "resource_name") != NULL)
              printed = fold (sh_record_get_string (cell->row, "resource_name"));
            if (printed != NULL && g_str_equal (printed, folded))
              value = g_strdup_printf ("%s\n%s", sh_record_get_string (cell->row, "resource_code"),
                                       sh_record_get_string (cell->row, "resource_name"));
            else if (colon != NULL)
              {
                g_autofree char *name = g_strstrip (g_strndup (stripped, (gsize) (colon - stripped)));
                g_autofree char *description = g_strstrip (g_strdup (colon + 1));

                if ((choice = find_choice (choices, name)) != NULL && *description != '\0')
                  value = g_strdup_printf ("%s\n%s", choice->code, description);
              }
          }
        else if (field->type == SH_PAPER_VALUE_CHOICE && g_str_equal (field->choices, "answer"))
          {
            /* A tick is as good as a word; "không áp dụng" spelled out too. */
            const char *yes[] = { "y", "c", "co", "x", "✓", "✔", NULL };
            const char *no[] = { "n", "k", "khong", NULL };
            const char *na[] = { "na", "n.a.", "kad", "k.a.d", "k/a", "ka", "không áp dụng", "khong ap dung",
                                 "not applicable", NULL };
            g_autofree char *folded = fold (stripped);

            value = g_strdup (matches_any (folded, yes) ? "yes" : matches_any (folded, no) ? "no"
                              : matches_any (folded, na) ? "na" : NULL);
          }

        if (value == NULL)
          {
            g_autofree char *names = join_choices (choices);

            if (field->type != SH_PAPER_VALUE_CHOICE || g_str_equal (field->choices, "answer") ||
                g_str_equal (field->choices, "data_source") || g_str_equal (field->choices, "severity"))
              return set_value_error (field, stripped, error);
            /* Translators: "D4c “Category”: “abc” is not one of: Leak, Spill, … (or their codes)." */
            g_set_error (error, SH_PAPER_ERROR, SH_PAPER_ERROR_VALUE,
                         _("%s “%s”: “%s” is not one of: %s (in Vietnamese or English, or their codes)."),
                         field->code, _(field->label), stripped, names);
            return FALSE;
          }
        g_value_init (out_value, G_TYPE_STRING);
        g_value_take_string (out_value, g_steal_pointer (&value));
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/* -------------------------------------------------------------------------
 * The lists' rows and cells
 * ------------------------------------------------------------------------- */

char *
sh_paper_cell_recorded_text (ShStore            *store,
                             const ShPaperField *field)
{
  Cell *cell = as_cell (field);
  const char *column;
  g_autofree char *code = NULL;

  g_return_val_if_fail (cell != NULL, NULL);

  column = field->column;
  if (cell->row == NULL)
    return NULL;
  if (g_str_equal (sh_record_get_table (cell->row), "ref_checklist_item"))
    return g_str_equal (column, "question")
      ? g_strdup (sh_record_get_string (cell->row, prefers_vietnamese () ? "question_vi" : "question_en"))
      : NULL;
  if (g_str_equal (column, "saving_vnd") || g_str_equal (column, "cost_vnd"))
    {
      gint64 amount = 0;
      guint n_items = 0;

      if (!sh_paper_quick_win_money (store, sh_record_get_id (cell->row), g_str_equal (column, "saving_vnd"),
                                     &amount, &n_items, NULL) || n_items == 0)
        return NULL;
      return sh_format_number ((double) amount, 0, SH_NUMBER_STYLE_VI);
    }
  if (!sh_record_has (cell->row, column) || sh_record_is_null (cell->row, column))
    return NULL;
  if (field->type == SH_PAPER_VALUE_RESOURCE && sh_record_get_string (cell->row, "resource_name") != NULL)
    return g_strdup (sh_record_get_string (cell->row, "resource_name"));

  switch (field->type)
    {
    case SH_PAPER_VALUE_NUMBER:
      return sh_format_number (sh_record_get_double (cell->row, column, 0), 2, SH_NUMBER_STYLE_VI);
    case SH_PAPER_VALUE_MONEY:
      return sh_format_number ((double) sh_record_get_int (cell->row, column, 0), 0, SH_NUMBER_STYLE_VI);
    case SH_PAPER_VALUE_UNIT:
    case SH_PAPER_VALUE_RESOURCE:
    case SH_PAPER_VALUE_CHOICE:
      {
        g_autoptr(GPtrArray) choices = list_choices (store, choices_of (field), NULL);

        code = g_strdup (sh_record_get_string (cell->row, column));
        for (guint i = 0; choices != NULL && i < choices->len; i++)
          if (g_strcmp0 (((Choice *) choices->pdata[i])->code, code) == 0)
            return g_strdup (((Choice *) choices->pdata[i])->name);
        return g_steal_pointer (&code);
      }
    default:
      return sh_value_to_string (sh_record_get_value (cell->row, column));
    }
}

GPtrArray *
sh_paper_list_rows (ShStore            *store,
                    gint64              assessment_id,
                    const ShPaperList  *list,
                    GError            **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_record_unref);

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (list != NULL, NULL);

  if (!(rows = sh_store_list (store, list->table, "assessment_id", assessment_id, error)))
    return NULL;

  if (g_str_equal (list->table, "checklist_answer"))
    {
      g_autoptr(ShRecord) assessment = NULL;
      g_autoptr(ShRecord) facility = NULL;
      g_autoptr(GPtrArray) reference = NULL;
      const char *sector;

      if (!(assessment = sh_store_get (store, "assessment", assessment_id, error)) ||
          !(facility = sh_store_get (store, "facility", sh_record_get_int (assessment, "facility_id", 0), error)))
        return NULL;
      sector = sh_record_get_string (facility, "sector_code");
      if (sector != NULL)
        reference = sh_refdata_list_checklist (store, sector, NULL);
      for (guint i = 0; reference != NULL && i < reference->len; i++)
        g_ptr_array_add (out, sh_record_ref (reference->pdata[i]));
      for (guint i = 0; i < rows->len; i++)
        {
          gboolean listed = FALSE;

          for (guint j = 0; reference != NULL && j < reference->len && !listed; j++)
            listed = g_strcmp0 (sh_record_get_string (reference->pdata[j], "code"),
                                sh_record_get_string (rows->pdata[i], "item_code")) == 0;
          if (!listed)
            g_ptr_array_add (out, sh_record_ref (rows->pdata[i]));
        }
      return g_steal_pointer (&out);
    }

  for (guint i = 0; i < rows->len; i++)
    if (!g_str_equal (list->table, "cp_option") || sh_record_get_int (rows->pdata[i], "is_quick_win", 0))
      g_ptr_array_add (out, sh_record_ref (rows->pdata[i]));
  return g_steal_pointer (&out);
}

GPtrArray *
sh_paper_list_cells (ShStore  *store,
                     gint64    assessment_id,
                     GError  **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (cell_free);
  guint n_lists = 0;
  const ShPaperList *lists = sh_paper_lists_get (&n_lists);

  g_return_val_if_fail (assessment_id == 0 || SH_IS_STORE (store), NULL);

  for (guint l = 0; l < n_lists; l++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      guint n_rows;

      if (assessment_id != 0 && !(rows = sh_paper_list_rows (store, assessment_id, &lists[l], error)))
        return NULL;
      n_rows = (rows != NULL ? rows->len : 0) + lists[l].n_blank;
      for (guint r = 0; r < n_rows; r++)
        for (guint c = 0; c < lists[l].n_columns; c++)
          {
            const ShPaperColumn *column = &lists[l].columns[c];
            Cell *cell = g_new0 (Cell, 1);

            g_snprintf (cell->row_code, sizeof cell->row_code, "%s%u", lists[l].prefix, r + 1);
            g_snprintf (cell->code, sizeof cell->code, "%s%s", cell->row_code, column->letter);
            cell->list = &lists[l];
            cell->column = column;
            cell->number = r + 1;
            cell->row = rows != NULL && r < rows->len ? sh_record_ref (rows->pdata[r]) : NULL;
            cell->field.code = cell->code;
            cell->field.section = lists[l].section;
            cell->field.label = column->label;
            cell->field.table = lists[l].table;
            cell->field.column = column->column;
            cell->field.row = SH_PAPER_ROW_LIST;
            cell->field.type = column->type;
            cell->field.choices = column->choices;
            if (column->type == SH_PAPER_VALUE_NUMBER)
              cell->field.maximum = G_MAXDOUBLE;
            g_ptr_array_add (cells, cell);
          }
    }
  return g_steal_pointer (&cells);
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
  GPtrArray   *cells;      /* of the lists, as printed */
  guint        n_new_quick_wins;
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

/* Records that a cell came from paper: a new provenance row, or the one of
 * an earlier entry of the same cell brought up to date. */
static gboolean
write_provenance (Entry         *entry,
                  const char    *table,
                  gint64         row_id,
                  const char    *column,
                  const char    *code,
                  const GValue  *value,
                  GError       **error)
{
  g_autoptr(ShRecord) row = NULL;
  g_autofree char *text = sh_value_to_string (value);
  const char *user = sh_store_get_user (entry->store);
  sqlite3_stmt *stmt;
  gint64 existing = 0;
  int rc;

  if (!(row = sh_store_get (entry->store, table, row_id, error)))
    return FALSE;

  stmt = sh_store_prepare (entry->store,
                           "SELECT id FROM field_provenance WHERE assessment_id = ?1 AND table_name = ?2 "
                           "AND row_uuid = ?3 AND column_name = ?4",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry->assessment_id);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, sh_record_get_uuid (row), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, column, -1, SQLITE_TRANSIENT);
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
           write_string (entry, "field_provenance", existing, "form_code", code, error) &&
           write_string (entry, "field_provenance", existing, "entered_at", entry->now, error) &&
           write_string (entry, "field_provenance", existing, "entered_by", user, error);
  else
    {
      g_autoptr(ShRecord) provenance = sh_record_new ("field_provenance");

      sh_record_set_int (provenance, "assessment_id", entry->assessment_id);
      sh_record_set_string (provenance, "table_name", table);
      sh_record_set_string (provenance, "row_uuid", sh_record_get_uuid (row));
      sh_record_set_string (provenance, "column_name", column);
      sh_record_set_string (provenance, "source", SH_PAPER_SOURCE);
      sh_record_set_string (provenance, "form_code", code);
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

/* The period of a new row: the last one of its list, else the year of the
 * baseline or of the visit, else this year. */
static char *
default_period (Entry             *entry,
                const ShPaperList *list)
{
  g_autoptr(GPtrArray) rows = sh_store_list (entry->store, list->table, "assessment_id", entry->assessment_id, NULL);
  g_autoptr(ShRecord) assessment = sh_store_get (entry->store, "assessment", entry->assessment_id, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *columns[] = { "baseline_from", "start_date" };

  if (rows != NULL && rows->len > 0 && sh_record_get_string (rows->pdata[rows->len - 1], "period_label") != NULL)
    return g_strdup (sh_record_get_string (rows->pdata[rows->len - 1], "period_label"));
  for (guint i = 0; assessment != NULL && i < G_N_ELEMENTS (columns); i++)
    {
      const char *date = sh_record_has (assessment, columns[i]) ? sh_record_get_string (assessment, columns[i]) : NULL;

      if (date != NULL && strlen (date) >= 4)
        return g_strndup (date, 4);
    }
  return g_date_time_format (now, "%Y");
}

gboolean
sh_paper_quick_win_money (ShStore     *store,
                          gint64       option_id,
                          gboolean     saving,
                          gint64      *out_vnd,
                          guint       *out_n_items,
                          GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  double total = 0;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_vnd != NULL, FALSE);

  if (!(rows = sh_store_list (store, saving ? "option_saving" : "option_investment", "option_id", option_id, error)))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    total += saving ? sh_record_get_double (rows->pdata[i], "quantity", 0) *
                      (double) sh_record_get_int (rows->pdata[i], "unit_price_vnd", 0)
                    : (double) sh_record_get_int (rows->pdata[i], "amount_vnd", 0);
  *out_vnd = (gint64) round (total);
  if (out_n_items != NULL)
    *out_n_items = rows->len;
  return TRUE;
}

/* A quick win's saving (₫/year) or cost (₫) is one sum on paper, and rows
 * in the app: a cost item "other", a saving of one "piece" of "other
 * resource" at that price. A sum of several rows is written only when it
 * is what they add up to already. */
static gboolean
write_option_money (Entry    *entry,
                    Item     *item,
                    gint64    option_id,
                    GError  **error)
{
  gboolean saving = g_str_equal (item->field->column, "saving_vnd");
  const char *table = saving ? "option_saving" : "option_investment";
  const char *column = saving ? "unit_price_vnd" : "amount_vnd";
  gint64 amount = g_value_get_int64 (&item->value);
  g_autoptr(GPtrArray) rows = sh_store_list (entry->store, table, "option_id", option_id, error);
  gint64 total = 0;
  gint64 id = 0;

  if (rows == NULL || !sh_paper_quick_win_money (entry->store, option_id, saving, &total, NULL, error))
    return FALSE;

  if (rows->len == 0)
    {
      g_autoptr(ShRecord) record = sh_record_new (table);

      sh_record_set_int (record, "option_id", option_id);
      if (saving)
        {
          sh_record_set_string (record, "resource_code", "other");
          sh_record_set_double (record, "quantity", 1);
          sh_record_set_string (record, "unit", "piece");
          sh_record_set_int (record, "unit_price_vnd", amount);
        }
      else
        {
          sh_record_set_string (record, "item", "other");
          sh_record_set_int (record, "amount_vnd", amount);
        }
      if (!(id = insert_row (entry, record, error)))
        return FALSE;
    }
  else if (rows->len == 1 &&
           (!saving || (g_strcmp0 (sh_record_get_string (rows->pdata[0], "resource_code"), "other") == 0 &&
                        sh_record_get_double (rows->pdata[0], "quantity", 0) == 1)))
    {
      id = sh_record_get_id (rows->pdata[0]);
      if (!write_field (entry, table, id, column, &item->value, error))
        return FALSE;
    }
  else if (total == amount)
    return TRUE;
  else
    {
      g_autofree char *sum = sh_format_vnd (total);

      g_set_error (error, SH_PAPER_ERROR, SH_PAPER_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "the quick win has %u item in Sạch Hơn, %s; change it in the quick form, or write that sum.",
                                "the quick win has %u items in Sạch Hơn adding up to %s; change them in the quick form, or write that sum.",
                                rows->len),
                   rows->len, sum);
      return FALSE;
    }
  return write_provenance (entry, table, id, column, item->field->code, &item->value, error);
}

/* Writes one cell into @record (a new row) or row @id. */
static gboolean
write_cell (Entry     *entry,
            Item      *item,
            ShRecord  *record,
            gint64     id,
            GError   **error)
{
  const char *table = item->field->table;
  const char *column = item->field->column;

  if (item->field->type == SH_PAPER_VALUE_RESOURCE)
    {
      g_auto(GStrv) parts = g_strsplit (g_value_get_string (&item->value), "\n", 2);
      g_auto(GValue) code = G_VALUE_INIT;
      g_auto(GValue) name = G_VALUE_INIT;
      g_auto(GValue) category = G_VALUE_INIT;

      g_value_init (&code, G_TYPE_STRING);
      g_value_set_string (&code, parts[0]);
      g_value_init (&name, G_TYPE_STRING);
      g_value_set_string (&name, parts[1]);
      g_value_init (&category, G_TYPE_STRING);
      g_value_set_string (&category, sh_paper_resource_category (parts[0]));
      if (record != NULL)
        {
          sh_record_set_value (record, "resource_code", &code);
          sh_record_set_value (record, "resource_name", &name);
          sh_record_set_value (record, "category", &category);
          return TRUE;
        }
      {
        g_autoptr(ShRecord) row = sh_store_get (entry->store, table, id, error);

        if (row == NULL)
          return FALSE;
        /* The kind follows a resource changed, not one written again. */
        if (g_strcmp0 (sh_record_get_string (row, "resource_code"), parts[0]) != 0 &&
            !write_field (entry, table, id, "category", &category, error))
          return FALSE;
      }
      return write_field (entry, table, id, "resource_code", &code, error) &&
             write_field (entry, table, id, "resource_name", &name, error) &&
             write_provenance (entry, table, id, "resource_code", item->field->code, &code, error);
    }

  if (record != NULL)
    {
      sh_record_set_value (record, column, &item->value);
      return TRUE;
    }
  return write_field (entry, table, id, column, &item->value, error) &&
         write_provenance (entry, table, id, column, item->field->code, &item->value, error);
}

static gboolean
fail_at_item (Item     *item,
              guint    *out_failed,
              GError  **error,
              GError   *local_error)
{
  *out_failed = item->index;
  g_propagate_prefixed_error (error, local_error, "%s “%s”: ", item->field->code, _(item->field->label));
  return FALSE;
}

static gboolean
is_money (Item *item)
{
  return g_strcmp0 (item->field->column, "saving_vnd") == 0 || g_strcmp0 (item->field->column, "cost_vnd") == 0;
}

/* Writes the cells of one row on paper: into the row printed there, or a
 * new row of the list's table. */
static gboolean
write_row (Entry      *entry,
           Cell       *cell,
           GPtrArray  *group,
           guint      *out_failed,
           GError    **error)
{
  const ShPaperList *list = cell->list;
  const char *table = list->table;
  gboolean reference = cell->row != NULL && g_str_equal (sh_record_get_table (cell->row), "ref_checklist_item");
  GError *local_error = NULL;
  gint64 id = 0;

  if (cell->row != NULL && !reference)
    id = sh_record_get_id (cell->row);
  if (reference)
    {
      g_autoptr(GPtrArray) answers = sh_store_list (entry->store, table, "assessment_id", entry->assessment_id, error);

      if (answers == NULL)
        return FALSE;
      for (guint i = 0; i < answers->len; i++)
        if (g_strcmp0 (sh_record_get_string (answers->pdata[i], "item_code"),
                       sh_record_get_string (cell->row, "code")) == 0)
          id = sh_record_get_id (answers->pdata[i]);

      /* The question of the sector's checklist is printed, not written:
       * the same words are fine, others belong in an empty row. */
      for (guint i = 0; i < group->len; i++)
        {
          Item *item = group->pdata[i];
          g_autofree char *typed = NULL;
          g_autofree char *vi = NULL;
          g_autofree char *en = NULL;

          if (!g_str_equal (item->field->column, "question"))
            continue;
          typed = fold (g_value_get_string (&item->value));
          vi = fold (sh_record_get_string (cell->row, "question_vi"));
          en = fold (sh_record_get_string (cell->row, "question_en"));
          if (g_str_equal (typed, vi) || g_str_equal (typed, en))
            {
              g_ptr_array_remove_index (group, i--);
              continue;
            }
          *out_failed = item->index;
          g_set_error (error, SH_PAPER_ERROR, SH_PAPER_ERROR_VALUE,
                       _("%s “%s”: %s is a question of the sector's checklist and cannot be changed; "
                         "write a question of your own in an empty row."),
                       item->field->code, _(item->field->label), cell->row_code);
          return FALSE;
        }
    }

  if (id == 0 && group->len > 0)
    {
      g_autoptr(ShRecord) record = sh_record_new (table);

      /* What a new row needs that the paper does not say. */
      sh_record_set_int (record, "assessment_id", entry->assessment_id);
      for (guint c = 0; c < list->n_columns; c++)
        {
          gboolean given = FALSE;

          for (guint i = 0; i < group->len; i++)
            given = given || ((Item *) group->pdata[i])->field->column == list->columns[c].column;
          if (!given && (list->columns[c].required ||
                         (g_str_equal (table, "checklist_answer") && !reference &&
                          g_str_equal (list->columns[c].column, "question"))))
            {
              Item *first = group->pdata[0];

              *out_failed = first->index;
              /* Translators: "D7a “Location or step”: a new row D7 needs D7b “Issue seen” too." */
              g_set_error (error, SH_PAPER_ERROR, SH_PAPER_ERROR_MISSING,
                           _("%s “%s”: a new row %s needs %s%s “%s” too."),
                           first->field->code, _(first->field->label), cell->row_code, cell->row_code,
                           list->columns[c].letter, _(list->columns[c].label));
              return FALSE;
            }
        }
      if (g_str_equal (table, "production_record") || g_str_equal (table, "resource_consumption"))
        {
          g_autofree char *period = default_period (entry, list);

          sh_record_set_string (record, "period_label", period);
          sh_record_set_string (record, "phase", "baseline");
        }
      else if (g_str_equal (table, "checklist_answer"))
        {
          g_autofree char *uuid = g_uuid_string_random ();
          g_autofree char *own = g_strdup_printf ("own-%.8s", uuid);

          /* Questions of one's own get a code no reference list uses. */
          sh_record_set_string (record, "item_code", reference ? sh_record_get_string (cell->row, "code") : own);
          if (reference)
            sh_record_set_string (record, "question",
                                  sh_record_get_string (cell->row, prefers_vietnamese () ? "question_vi"
                                                                                          : "question_en"));
        }
      else if (g_str_equal (table, "observation"))
        {
          sh_record_set_string (record, "category", "other");
          sh_record_set_string (record, "severity", "medium");
        }
      else if (g_str_equal (table, "cp_option"))
        {
          g_autoptr(GPtrArray) wins = sh_paper_list_rows (entry->store, entry->assessment_id, list, error);
          g_autofree char *code = NULL;

          if (wins == NULL)
            return FALSE;
          code = g_strdup_printf ("QW%02u", wins->len + 1);
          sh_record_set_string (record, "code", code);
          sh_record_set_string (record, "category", "GH");
          sh_record_set_int (record, "is_quick_win", 1);
          sh_record_set_string (record, "screening", "implement_now");
        }

      for (guint i = 0; i < group->len; i++)
        if (!is_money (group->pdata[i]))
          write_cell (entry, group->pdata[i], record, 0, NULL);
      if (!(id = insert_row (entry, record, &local_error)))
        return fail_at_item (group->pdata[0], out_failed, error, local_error);
      for (guint i = 0; i < group->len; i++)
        {
          Item *item = group->pdata[i];
          g_auto(GValue) code = G_VALUE_INIT;
          const char *column = item->field->column;
          const GValue *value = &item->value;

          if (is_money (item))
            continue;
          if (item->field->type == SH_PAPER_VALUE_RESOURCE)
            {
              g_value_init (&code, G_TYPE_STRING);
              g_value_set_string (&code, sh_record_get_string (record, "resource_code"));
              column = "resource_code";
              value = &code;
            }
          if (!write_provenance (entry, table, id, column, item->field->code, value, &local_error))
            return fail_at_item (item, out_failed, error, local_error);
        }
      for (guint i = 0; i < group->len; i++)
        if (is_money (group->pdata[i]) && !write_option_money (entry, group->pdata[i], id, &local_error))
          return fail_at_item (group->pdata[i], out_failed, error, local_error);
      return TRUE;
    }

  for (guint i = 0; i < group->len; i++)
    {
      Item *item = group->pdata[i];

      if (is_money (item) ? !write_option_money (entry, item, id, &local_error)
                          : !write_cell (entry, item, NULL, id, &local_error))
        return fail_at_item (item, out_failed, error, local_error);
    }
  return TRUE;
}

/* Writes the cells of the lists, row by row in the order typed. */
static gboolean
write_rows (Entry   *entry,
            guint   *out_failed,
            GError **error)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < entry->items->len; i++)
    {
      Cell *cell = as_cell (((Item *) entry->items->pdata[i])->field);
      g_autoptr(GPtrArray) group = NULL;

      if (cell == NULL || g_hash_table_contains (done, cell->row_code))
        continue;
      g_hash_table_add (done, cell->row_code);
      group = g_ptr_array_new ();
      for (guint k = i; k < entry->items->len; k++)
        {
          Item *item = entry->items->pdata[k];
          Cell *other = as_cell (item->field);

          if (other != NULL && g_str_equal (other->row_code, cell->row_code))
            g_ptr_array_add (group, item);
        }
      if (!write_row (entry, cell, group, out_failed, error))
        return FALSE;
    }
  return TRUE;
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
    if (((Item *) entry->items->pdata[i])->field->row != SH_PAPER_ROW_LIST)
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
              write_provenance (entry, item->field->table, id, item->field->column, item->field->code,
                                &item->value, &local_error))
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

  return write_rows (entry, out_failed, error);
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
      for (guint k = 0; field == NULL && k < entry->cells->len; k++)
        if (g_ascii_strcasecmp (((ShPaperField *) entry->cells->pdata[k])->code, code) == 0)
          field = entry->cells->pdata[k];
      if (field == NULL)
        {
          const ShPaperList *list = NULL;
          guint last = 0;

          if (sh_paper_lists_parse_code (code, &list, NULL, NULL))
            {
              for (guint k = 0; k < entry->cells->len; k++)
                if (as_cell (entry->cells->pdata[k])->list == list)
                  last = MAX (last, as_cell (entry->cells->pdata[k])->number);
              /* Translators: "There is no row D12 on the paper form: the list has the rows D1 to D8." */
              g_set_error (error, SH_PAPER_ERROR, SH_PAPER_ERROR_UNKNOWN_CODE,
                           _("There is no cell “%s” on the paper form: the list has the rows %s1 to %s%u."),
                           code, list->prefix, list->prefix, last);
            }
          else
            g_set_error (error, SH_PAPER_ERROR, SH_PAPER_ERROR_UNKNOWN_CODE,
                         _("There is no field “%s” on the paper form (codes such as A01, B2.3c, D1b, G04)."), code);
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
  g_autoptr(GPtrArray) cells = NULL;
  Entry entry = { store, stack, assessment_id, { 0 }, items, now_text, NULL, 0 };
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

  if (!(cells = sh_paper_list_cells (store, assessment_id, error)))
    return FALSE;
  entry.cells = cells;
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
  static const char * const tables[] = {
    "facility", "assessment", "facility_product", "production_record", "resource_consumption",
    "checklist_answer", "observation", "cp_option", "option_saving", "option_investment",
  };
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
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;
      gint64 id = 0;

      if (g_strcmp0 (sh_record_get_string (provenance, "source"), SH_PAPER_SOURCE) != 0)
        continue;
      /* Table names cannot be bound: only the form's own tables are read. */
      for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
        if (g_strcmp0 (table, tables[t]) == 0)
          sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1", tables[t]);
      if (sql == NULL)
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
