/* sh-quick-form-print.c — the quick-assessment form on paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sh-evidence-lang.h"
#include "sh-format.h"
#include "sh-paper-entry.h"
#include "sh-quick-form-print.h"
#include "sh-refdata.h"
#include "sh-tasks.h"

#define T(msgid) sh_evidence_lang_gettext (lang, msgid)

/* Room to write by hand, in points. */
#define WRITE_HEIGHT 20.0

const ShQuickFormField *
sh_quick_form_get_fields (guint *n_fields)
{
  return sh_paper_fields_get (n_fields);
}

const ShQuickFormField *
sh_quick_form_find_field (const char *code)
{
  return sh_paper_fields_find (code);
}

typedef struct
{
  ShStore    *store;
  ShRecord   *assessment;
  ShRecord   *facility;
  ShRecord   *product;
  GPtrArray  *production;   /* ShRecord */
  GPtrArray  *consumption;
  GPtrArray  *checklist;    /* ref_checklist_item, or NULL */
  GPtrArray  *answers;
  GPtrArray  *observations;
  GPtrArray  *options;
} Form;

static void
form_clear (Form *form)
{
  g_clear_pointer (&form->assessment, sh_record_unref);
  g_clear_pointer (&form->facility, sh_record_unref);
  g_clear_pointer (&form->product, sh_record_unref);
  g_clear_pointer (&form->production, g_ptr_array_unref);
  g_clear_pointer (&form->consumption, g_ptr_array_unref);
  g_clear_pointer (&form->checklist, g_ptr_array_unref);
  g_clear_pointer (&form->answers, g_ptr_array_unref);
  g_clear_pointer (&form->observations, g_ptr_array_unref);
  g_clear_pointer (&form->options, g_ptr_array_unref);
}

static gboolean
form_load (Form     *form,
           ShStore  *store,
           gint64    assessment_id,
           GError  **error)
{
  g_autoptr(GPtrArray) products = NULL;
  const char *sector;

  form->store = store;
  if (!(form->assessment = sh_store_get (store, "assessment", assessment_id, error)) ||
      !(form->facility = sh_store_get (store, "facility", sh_record_get_int (form->assessment, "facility_id", 0), error)) ||
      !(products = sh_store_list (store, "facility_product", "facility_id", sh_record_get_id (form->facility), error)) ||
      !(form->production = sh_store_list (store, "production_record", "assessment_id", assessment_id, error)) ||
      !(form->consumption = sh_store_list (store, "resource_consumption", "assessment_id", assessment_id, error)) ||
      !(form->answers = sh_store_list (store, "checklist_answer", "assessment_id", assessment_id, error)) ||
      !(form->observations = sh_store_list (store, "observation", "assessment_id", assessment_id, error)) ||
      !(form->options = sh_store_list (store, "cp_option", "assessment_id", assessment_id, error)))
    return FALSE;
  if (products->len > 0)
    form->product = sh_record_ref (products->pdata[0]);
  sector = sh_record_get_string (form->facility, "sector_code");
  if (sector != NULL)
    form->checklist = sh_refdata_list_checklist (store, sector, NULL);
  return TRUE;
}

/* A stored value as it is written on the form. */
static char *
field_value (Form                   *form,
             ShEvidenceLang         *lang,
             const ShQuickFormField *field)
{
  ShRecord *row = NULL;
  const GValue *value;

  if (g_str_equal (field->table, "facility"))
    row = form->facility;
  else if (g_str_equal (field->table, "assessment"))
    row = form->assessment;
  else if (g_str_equal (field->table, "facility_product"))
    row = form->product;
  if (row == NULL || sh_record_is_null (row, field->column))
    return NULL;

  value = sh_record_get_value (row, field->column);
  if (field->type == SH_PAPER_VALUE_YES_NO)
    return g_strdup (sh_record_get_int (row, field->column, 0) ? T (N_("Yes")) : T (N_("No")));
  if (field->type == SH_PAPER_VALUE_DATE)
    return sh_format_date (sh_record_get_string (row, field->column));
  if (G_VALUE_HOLDS_DOUBLE (value))
    return sh_format_number (g_value_get_double (value), 2, SH_NUMBER_STYLE_VI);
  if (G_VALUE_HOLDS_INT64 (value))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
  if (field->type == SH_PAPER_VALUE_PROVINCE && form->store != NULL)
    {
      const char *date = sh_record_get_string (form->assessment, "start_date");
      g_autoptr(ShRecord) province = sh_refdata_lookup_province (form->store, sh_record_get_string (row, field->column),
                                                                 date != NULL ? date : "2025-06-30", NULL);

      if (province != NULL)
        return g_strdup (sh_record_get_string (province, g_str_equal (sh_evidence_lang_get_code (lang), "vi")
                                               ? "name_vi" : "name_en"));
    }
  if (field->type == SH_PAPER_VALUE_SECTOR && form->store != NULL)
    {
      g_autoptr(ShRecord) sector = sh_refdata_get_sector (form->store, sh_record_get_string (row, field->column), NULL);

      if (sector != NULL)
        return g_strdup (sh_record_get_string (sector, g_str_equal (sh_evidence_lang_get_code (lang), "vi")
                                               ? "name_vi" : "name_en"));
    }
  return g_strdup (sh_record_get_string (row, field->column));
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/* What was filled in prints in blue, like ink, so the blank lines and the
 * pre-filled values are told apart. */
static char *
ink (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_strdup ("");
  return g_markup_printf_escaped ("<span foreground=\"#1a3d8f\">%s</span>", text);
}

static void
add_plain (ShEvidencePages     *pages,
           ShEvidenceTextStyle  style,
           const char          *text)
{
  g_autofree char *markup = escape (text);

  sh_evidence_pages_add_text (pages, style, markup);
}

static void
add_row_strings (ShEvidencePages *pages,
                 GPtrArray       *cells,
                 double           height)
{
  sh_evidence_pages_add_row_sized (pages, (const char * const *) cells->pdata, height);
  g_ptr_array_unref (cells);
}

/* Headers are markup; a letter before a header names the column in cell
 * codes ("B2.3c"): @letters may be NULL, and so may each letter. */
static void
begin_table (ShEvidencePages       *pages,
             ShEvidenceLang        *lang,
             guint                  n,
             const double          *widths,
             const char * const    *headers,
             const char * const    *letters,
             const ShEvidenceAlign *aligns)
{
  g_autoptr(GPtrArray) escaped = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    if (letters != NULL && letters[i] != NULL)
      g_ptr_array_add (escaped, g_markup_printf_escaped ("<b>%s</b> %s", letters[i], T (headers[i])));
    else
      g_ptr_array_add (escaped, escape (T (headers[i])));
  sh_evidence_pages_begin_table (pages, n, widths, (const char * const *) escaped->pdata, aligns);
}

static void
add_section_title (ShEvidencePages *pages,
                   ShEvidenceLang  *lang,
                   guint            section)
{
  const ShTaskInfo *info = sh_tasks_get_quick_section (section);
  g_autofree char *markup = g_markup_printf_escaped ("%u. %s", section, T (info->name));

  sh_evidence_pages_add_text (pages, SH_EVIDENCE_TEXT_HEADING, markup);
}

static void
add_fields (ShEvidencePages *pages,
            ShEvidenceLang  *lang,
            Form            *form,
            guint            section)
{
  const double widths[] = { 0.08, 0.34, 0.58 };
  const char *headers[] = { N_("Code"), N_("Field"), N_("Value") };
  guint n_fields = 0;
  const ShPaperField *fields = sh_paper_fields_get (&n_fields);

  begin_table (pages, lang, 3, widths, headers, NULL, NULL);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *value = NULL;
      GPtrArray *cells;

      if (fields[i].section != section)
        continue;
      value = form != NULL ? field_value (form, lang, &fields[i]) : NULL;
      cells = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (cells, g_markup_printf_escaped ("<b>%s</b>", fields[i].code));
      g_ptr_array_add (cells, escape (T (fields[i].label)));
      g_ptr_array_add (cells, ink (value));
      add_row_strings (pages, cells, WRITE_HEIGHT);
    }
  sh_evidence_pages_end_table (pages);
}

static const char *
data_source_label (ShEvidenceLang *lang,
                   const char     *source)
{
  if (g_strcmp0 (source, "meter") == 0)
    return T (N_("Meter"));
  if (g_strcmp0 (source, "invoice") == 0)
    return T (N_("Invoice"));
  if (g_strcmp0 (source, "estimate") == 0)
    return T (N_("Estimate"));
  if (g_strcmp0 (source, "paper") == 0)
    return T (N_("Paper records"));
  return "";
}

static const char *
resource_label (ShEvidenceLang *lang,
                const char     *code)
{
  gsize n_resources;
  const ShChoice *resources = sh_paper_resources_get (&n_resources);

  for (gsize i = 0; code != NULL && i < n_resources; i++)
    if (g_str_equal (resources[i].code, code))
      return T (resources[i].label);
  return code;
}

static const char *
severity_label (ShEvidenceLang *lang,
                const char     *code)
{
  if (g_strcmp0 (code, "low") == 0)
    return T (N_("Low"));
  if (g_strcmp0 (code, "medium") == 0)
    return T (N_("Medium"));
  if (g_strcmp0 (code, "high") == 0)
    return T (N_("High"));
  return code;
}

/* The name of a reference list's value in the form's language. */
static char *
list_value_label (Form           *form,
                  ShEvidenceLang *lang,
                  const char     *list,
                  const char     *code)
{
  g_autoptr(GPtrArray) values = NULL;

  if (code == NULL)
    return NULL;
  if (form->store != NULL && (values = sh_refdata_list_values (form->store, list, NULL)) != NULL)
    for (guint i = 0; i < values->len; i++)
      if (g_strcmp0 (sh_record_get_string (values->pdata[i], "code"), code) == 0)
        return g_strdup (sh_record_get_string (values->pdata[i], g_str_equal (sh_evidence_lang_get_code (lang), "vi")
                                                                 ? "name_vi" : "name_en"));
  return g_strdup (code);
}

/* The rows @list prints: the recorded ones (none on a blank form). */
static GPtrArray *
list_rows (Form              *form,
           const ShPaperList *list)
{
  GPtrArray *rows = NULL;

  if (form != NULL)
    rows = sh_paper_list_rows (form->store, sh_record_get_id (form->assessment), list, NULL);
  return rows != NULL ? rows : g_ptr_array_new ();
}

static const ShPaperList *
get_list (guint index)
{
  guint n_lists = 0;
  const ShPaperList *lists = sh_paper_lists_get (&n_lists);

  g_assert (index < n_lists);
  return &lists[index];
}

static char *
row_code (const ShPaperList *list,
          guint              number)
{
  return g_markup_printf_escaped ("<b>%s%u</b>", list->prefix, number);
}

static void
add_consumption (ShEvidencePages *pages,
                 ShEvidenceLang  *lang,
                 Form            *form)
{
  const double widths[] = { 0.08, 0.14, 0.26, 0.14, 0.1, 0.13, 0.15 };
  const char *headers[] = { N_("Code"), N_("Period"), N_("Product or resource"), N_("Quantity"), N_("Unit"),
                            N_("Unit price (₫)"), N_("Source") };
  const char *letters[] = { NULL, "a", "b", "c", "d", "e", "f" };
  const ShEvidenceAlign aligns[] = { 0, 0, 0, SH_EVIDENCE_ALIGN_RIGHT, 0, SH_EVIDENCE_ALIGN_RIGHT, 0 };

  add_plain (pages, SH_EVIDENCE_TEXT_SMALL,
             T (N_("B1: production (one row per product and period; no price or source). B2: consumption of electricity, fuels, water, materials and chemicals, by resource (Electricity, Water, Coal…, optionally followed by “: description”). Source: meter, invoice or estimate.")));
  begin_table (pages, lang, G_N_ELEMENTS (headers), widths, headers, letters, aligns);
  for (guint part = 0; part < 2; part++)
    {
      const ShPaperList *list = get_list (part);
      g_autoptr(GPtrArray) rows = list_rows (form, list);

      for (guint i = 0; i < rows->len + list->n_blank; i++)
        {
          ShRecord *row = i < rows->len ? rows->pdata[i] : NULL;
          GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

          g_ptr_array_add (cells, row_code (list, i + 1));
          if (row != NULL)
            {
              g_autofree char *quantity = sh_format_number (sh_record_get_double (row, "quantity", 0), 2,
                                                            SH_NUMBER_STYLE_VI);
              g_autofree char *price = part == 0 || sh_record_is_null (row, "unit_price_vnd") ? NULL
                : sh_format_number ((double) sh_record_get_int (row, "unit_price_vnd", 0), 0, SH_NUMBER_STYLE_VI);
              const char *name = part == 0 ? sh_record_get_string (row, "product")
                : (sh_record_get_string (row, "resource_name") ? sh_record_get_string (row, "resource_name")
                                                                : resource_label (lang, sh_record_get_string (row, "resource_code")));

              g_ptr_array_add (cells, ink (sh_record_get_string (row, "period_label")));
              g_ptr_array_add (cells, ink (name));
              g_ptr_array_add (cells, ink (quantity));
              g_ptr_array_add (cells, ink (sh_record_get_string (row, "unit")));
              g_ptr_array_add (cells, ink (price));
              g_ptr_array_add (cells, ink (part == 1 ? data_source_label (lang, sh_record_get_string (row, "data_source")) : NULL));
            }
          else
            for (guint c = 1; c < G_N_ELEMENTS (headers); c++)
              g_ptr_array_add (cells, g_strdup (part == 0 && c >= 5 ? "—" : ""));
          add_row_strings (pages, cells, WRITE_HEIGHT);
        }
    }
  sh_evidence_pages_end_table (pages);
}

static ShRecord *
find_answer (Form       *form,
             const char *item_code)
{
  for (guint i = 0; form != NULL && i < form->answers->len; i++)
    if (g_strcmp0 (sh_record_get_string (form->answers->pdata[i], "item_code"), item_code) == 0)
      return form->answers->pdata[i];
  return NULL;
}

static void
add_checklist (ShEvidencePages *pages,
               ShEvidenceLang  *lang,
               Form            *form)
{
  const double widths[] = { 0.08, 0.4, 0.1, 0.11, 0.1, 0.21 };
  const char *headers[] = { N_("Code"), N_("Question"), N_("Yes"), N_("No"), N_("N/A"), N_("Note") };
  const char *letters[] = { NULL, "a", "b", "b", "b", "c" };
  const ShEvidenceAlign aligns[] = { 0, 0, SH_EVIDENCE_ALIGN_CENTER, SH_EVIDENCE_ALIGN_CENTER,
                                     SH_EVIDENCE_ALIGN_CENTER, 0 };
  const char *answers[] = { "yes", "no", "na" };
  const ShPaperList *list = get_list (2);
  g_autoptr(GPtrArray) questions = list_rows (form, list);
  gboolean vi = g_str_equal (sh_evidence_lang_get_code (lang), "vi");

  /* The sector's reference checklist, then any answer to a question of
   * its own; a blank form leaves room for the questions. */
  add_plain (pages, SH_EVIDENCE_TEXT_SMALL,
             T (N_("Tick one box of column b: type it in as Có, Không or KAD (Yes, No or N/A). Write questions of your own in the empty rows.")));
  begin_table (pages, lang, G_N_ELEMENTS (headers), widths, headers, letters, aligns);
  for (guint i = 0; i < questions->len + list->n_blank; i++)
    {
      ShRecord *q = i < questions->len ? questions->pdata[i] : NULL;
      GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
      const char *question = NULL;
      ShRecord *answer = NULL;

      if (q != NULL && g_str_equal (sh_record_get_table (q), "checklist_answer"))
        {
          answer = q;
          question = sh_record_get_string (q, "question");
        }
      else if (q != NULL)
        {
          question = sh_record_get_string (q, vi ? "question_vi" : "question_en");
          answer = find_answer (form, sh_record_get_string (q, "code"));
        }

      g_ptr_array_add (cells, row_code (list, i + 1));
      g_ptr_array_add (cells, question != NULL ? escape (question) : g_strdup (""));
      for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
        {
          gboolean ticked = answer != NULL && g_strcmp0 (sh_record_get_string (answer, "answer"), answers[a]) == 0;

          g_ptr_array_add (cells, g_strdup (ticked ? "<span foreground=\"#1a3d8f\" size=\"larger\">☒</span>"
                                                   : "<span size=\"larger\">☐</span>"));
        }
      g_ptr_array_add (cells, ink (answer != NULL ? sh_record_get_string (answer, "note") : NULL));
      add_row_strings (pages, cells, WRITE_HEIGHT);
    }
  sh_evidence_pages_end_table (pages);
}

static void
add_observations (ShEvidencePages *pages,
                  ShEvidenceLang  *lang,
                  Form            *form)
{
  const double widths[] = { 0.08, 0.2, 0.38, 0.14, 0.1, 0.1 };
  const char *headers[] = { N_("Code"), N_("Location or step"), N_("Issue seen"), N_("Category"), N_("Severity"),
                            N_("Photo no.") };
  const char *letters[] = { NULL, "a", "b", "c", "d", NULL };
  const ShPaperList *list = get_list (3);
  g_autoptr(GPtrArray) rows = list_rows (form, list);

  begin_table (pages, lang, G_N_ELEMENTS (headers), widths, headers, letters, NULL);
  for (guint i = 0; i < rows->len + list->n_blank; i++)
    {
      ShRecord *o = i < rows->len ? rows->pdata[i] : NULL;
      GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *category = o != NULL ? list_value_label (form, lang, "observation_category",
                                                                sh_record_get_string (o, "category")) : NULL;

      g_ptr_array_add (cells, row_code (list, i + 1));
      g_ptr_array_add (cells, ink (o != NULL ? sh_record_get_string (o, "location") : NULL));
      g_ptr_array_add (cells, ink (o != NULL ? sh_record_get_string (o, "issue") : NULL));
      g_ptr_array_add (cells, ink (category));
      g_ptr_array_add (cells, ink (o != NULL ? severity_label (lang, sh_record_get_string (o, "severity")) : NULL));
      g_ptr_array_add (cells, g_strdup (""));
      add_row_strings (pages, cells, WRITE_HEIGHT * 1.5);
    }
  sh_evidence_pages_end_table (pages);
}

/* A quick win's saving or cost as printed: blank when nothing is recorded. */
static char *
quick_win_money (Form     *form,
                 ShRecord *option,
                 gboolean  saving)
{
  gint64 amount = 0;
  guint n_items = 0;

  if (!sh_paper_quick_win_money (form->store, sh_record_get_id (option), saving, &amount, &n_items, NULL) ||
      n_items == 0)
    return NULL;
  return sh_format_number ((double) amount, 0, SH_NUMBER_STYLE_VI);
}

static void
add_quick_wins (ShEvidencePages *pages,
                ShEvidenceLang  *lang,
                Form            *form)
{
  const double widths[] = { 0.08, 0.42, 0.13, 0.13, 0.12, 0.12 };
  const char *headers[] = { N_("Code"), N_("Quick win"), N_("Category"), N_("Estimated saving (₫/year)"),
                            N_("Estimated cost (₫)"), N_("Cost class") };
  const char *letters[] = { NULL, "a", "b", "c", "d", "e" };
  const ShEvidenceAlign aligns[] = { 0, 0, 0, SH_EVIDENCE_ALIGN_RIGHT, SH_EVIDENCE_ALIGN_RIGHT, 0 };
  const ShPaperList *list = get_list (4);
  g_autoptr(GPtrArray) wins = list_rows (form, list);

  begin_table (pages, lang, G_N_ELEMENTS (headers), widths, headers, letters, aligns);
  for (guint i = 0; i < wins->len + list->n_blank; i++)
    {
      ShRecord *o = i < wins->len ? wins->pdata[i] : NULL;
      GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *category = o != NULL ? list_value_label (form, lang, "option_category",
                                                                sh_record_get_string (o, "category")) : NULL;
      g_autofree char *cost_class = o != NULL ? list_value_label (form, lang, "cost_class",
                                                                  sh_record_get_string (o, "cost_class")) : NULL;
      g_autofree char *saving = o != NULL ? quick_win_money (form, o, TRUE) : NULL;
      g_autofree char *cost = o != NULL ? quick_win_money (form, o, FALSE) : NULL;

      g_ptr_array_add (cells, row_code (list, i + 1));
      g_ptr_array_add (cells, ink (o != NULL ? sh_record_get_string (o, "title") : NULL));
      g_ptr_array_add (cells, ink (category));
      g_ptr_array_add (cells, ink (saving));
      g_ptr_array_add (cells, ink (cost));
      g_ptr_array_add (cells, ink (cost_class));
      add_row_strings (pages, cells, WRITE_HEIGHT * 1.5);
    }
  sh_evidence_pages_end_table (pages);
}

ShEvidencePages *
sh_quick_form_build_pages (ShStore     *store,
                           gint64       assessment_id,
                           const char  *language,
                           GError     **error)
{
  g_autoptr(ShEvidenceLang) lang = NULL;
  g_autoptr(ShEvidencePages) pages = NULL;
  Form form_data = { 0 };
  Form *form = NULL;
  g_autofree char *header_left = NULL;
  g_autofree char *footer = NULL;

  g_return_val_if_fail (assessment_id == 0 || SH_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(lang = sh_evidence_lang_new (language != NULL ? language : "vi", error)))
    return NULL;
  if (assessment_id != 0)
    {
      if (!form_load (&form_data, store, assessment_id, error))
        {
          form_clear (&form_data);
          return NULL;
        }
      form = &form_data;
    }

  pages = sh_evidence_pages_new ();
  header_left = form != NULL
    ? g_strdup_printf ("%s · %s", T (N_("Quick CP assessment form")), sh_record_get_string (form->facility, "name"))
    : g_strdup_printf ("%s · %s", T (N_("Quick CP assessment form")), T (N_("blank")));
  sh_evidence_pages_set_header (pages, header_left, T (N_("Form QA-01")));
  footer = form != NULL
    ? g_strdup_printf ("%s %s\n%s", T (N_("Assessment:")), sh_record_get_uuid (form->assessment),
                       T (N_("Type it in with “Type In Paper Form…”.")))
    : g_strdup_printf ("%s\n%s", T (N_("Blank form")), T (N_("Type it in with “Type In Paper Form…”.")));
  sh_evidence_pages_set_footer (pages, footer);
  sh_evidence_pages_set_page_word (pages, T (N_("Page")));
  sh_evidence_pages_set_title (pages, T (N_("Quick CP assessment form")));

  add_plain (pages, SH_EVIDENCE_TEXT_TITLE, T (N_("QUICK CLEANER PRODUCTION ASSESSMENT FORM")));
  add_plain (pages, SH_EVIDENCE_TEXT_BODY,
             T (N_("Write clearly in the blank cells; values printed in blue are already in Sạch Hơn: correct them by crossing out. Each field has a code, and each row of a list too, with a letter per column: B2.3c is the quantity of row B2.3. Type it all into Sạch Hơn with “Type In Paper Form…” (or sachhon-cli form enter), which marks every value “Entered from paper form”; a row written in an empty line becomes a new row of its list.")));

  for (guint section = 1; section <= SH_TASKS_N_QUICK_SECTIONS; section++)
    {
      add_section_title (pages, lang, section);
      switch (section)
        {
        case 2:
          add_consumption (pages, lang, form);
          break;
        case 3:
          add_checklist (pages, lang, form);
          break;
        case 4:
          add_observations (pages, lang, form);
          break;
        case 5:
          add_quick_wins (pages, lang, form);
          break;
        default:
          add_fields (pages, lang, form, section);
          break;
        }
    }

  form_clear (&form_data);
  return g_steal_pointer (&pages);
}

gboolean
sh_quick_form_write_pdf (ShStore     *store,
                         gint64       assessment_id,
                         const char  *language,
                         const char  *path,
                         guint       *out_n_pages,
                         GError     **error)
{
  g_autoptr(ShEvidencePages) pages = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(pages = sh_quick_form_build_pages (store, assessment_id, language, error)))
    return FALSE;
  if (!sh_evidence_pages_write_pdf (pages, path, error))
    return FALSE;
  if (out_n_pages != NULL)
    *out_n_pages = sh_evidence_pages_get_n_pages (pages);
  return TRUE;
}
