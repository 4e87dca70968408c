/* sh-report-import.c — reading XML reports into the database.
 *
 * The same record maps that write a document read it back (sh-report-map.c),
 * so whatever a document carries lands in the columns it came from. Writes
 * go through the record API, so locks and the audit trail hold; everything
 * happens inside one transaction per file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sh-report-import.h"
#include "sh-report-private.h"

typedef struct
{
  ShStore      *store;
  ShReportKind  kind;
  char         *reason;         /* why finalized assessments are reopened */
  gint64        facility_id;
  gint64        assessment_id;  /* the assessment being written, 0 outside one */
  guint         inserted;
  guint         updated;
  guint         deleted;
  GPtrArray    *problems;       /* warnings */
} Importer;

static gint64 import_record (Importer                *im,
                             const ShReportRecordMap *map,
                             xmlNode                 *node,
                             gint64                   parent_id,
                             GError                 **error);

static char *
uuid_of (xmlNode *node)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) "uuid");
  char *uuid = value != NULL ? g_strstrip (g_strdup ((const char *) value)) : NULL;

  xmlFree (value);
  return uuid;
}

static void
add_warning (Importer   *im,
             xmlNode    *node,
             const char *message)
{
  g_autofree char *where = sh_report_node_path (node);

  g_ptr_array_add (im->problems, sh_report_problem_new (SH_REPORT_SEVERITY_WARNING, (int) xmlGetLineNo (node),
                                                        where, "%s", message));
}

/* A finalized assessment is reopened before the first change to it. */
static gboolean
ensure_writable (Importer  *im,
                 GError   **error)
{
  if (im->assessment_id == 0 || !sh_store_is_assessment_locked (im->store, im->assessment_id))
    return TRUE;

  return sh_store_reopen_assessment (im->store, im->assessment_id, im->reason, error);
}

/* -------------------------------------------------------------------------
 * Fields
 * ------------------------------------------------------------------------- */

static gboolean
read_field (Importer            *im,
            const ShReportItem  *item,
            xmlNode             *parent,
            ShRecord            *record,
            char               **status,
            GError             **error)
{
  xmlNode *node = sh_report_first_child (parent, item->element);
  g_autofree char *text = NULL;
  gint64 integer;
  double decimal;
  gboolean flag;

  if (node == NULL)
    {
      if (item->type != FIELD_STATUS)
        sh_record_set_null (record, item->column);
      return TRUE;
    }

  text = sh_report_node_text (node);
  if (item->type != FIELD_TEXT)
    g_strstrip (text);

  switch (item->type)
    {
    case FIELD_TEXT:
    case FIELD_DATE:
    case FIELD_DATETIME:
    case FIELD_UNIT:
    case FIELD_FUEL:
      sh_record_set_string (record, item->column, text);
      return TRUE;

    case FIELD_INTEGER:
      if (!sh_report_parse_int64 (text, &integer))
        break;
      sh_record_set_int (record, item->column, integer);
      return TRUE;

    case FIELD_DECIMAL:
      if (!sh_report_parse_decimal (text, &decimal))
        break;
      sh_record_set_double (record, item->column, decimal);
      return TRUE;

    case FIELD_BOOLEAN:
      if (!sh_report_parse_boolean (text, &flag))
        break;
      sh_record_set_int (record, item->column, flag ? 1 : 0);
      return TRUE;

    case FIELD_ENUM:
    case FIELD_ENTITY_TABLE:
      if (sh_report_enum_to_db (item->values, text) == NULL)
        break;
      sh_record_set_string (record, item->column, sh_report_enum_to_db (item->values, text));
      return TRUE;

    case FIELD_STATUS:
      if (sh_report_enum_to_db (item->values, text) == NULL)
        break;
      g_free (*status);
      *status = g_strdup (text);
      return TRUE;

    case FIELD_REF:
      integer = sh_report_find_id (im->store, item->ref_table, text, error);
      if (integer == 0)
        {
          if (error == NULL || *error == NULL)
            g_set_error (error, SH_REPORT_ERROR, SH_REPORT_ERROR_INVALID,
                         _("Line %ld: %s refers to %s, which is neither earlier in the document nor in the database."),
                         xmlGetLineNo (node), item->element, text);
          return FALSE;
        }
      sh_record_set_int (record, item->column, integer);
      return TRUE;

    case FIELD_ENTITY_REF:
      {
        g_autofree char *kind = sh_report_child_text (parent, "LoaiDoiTuong");
        const ShReportRecordMap *evidence = sh_report_map_for_table ("evidence");
        const char *table = NULL;

        /* The kinds are the values of the sibling LoaiDoiTuong. */
        for (guint i = 0; kind != NULL && i < evidence->n_items; i++)
          if (evidence->items[i].type == FIELD_ENTITY_TABLE)
            table = sh_report_enum_to_db (evidence->items[i].values, g_strstrip (kind));
        integer = table != NULL ? sh_report_find_id (im->store, table, text, error) : 0;
        if (error != NULL && *error != NULL)
          return FALSE;
        if (integer == 0)
          {
            add_warning (im, node, _("The record this evidence is about is not in the database; the link is dropped."));
            sh_record_set_null (record, item->column);
            sh_record_set_null (record, "entity_table");
          }
        else
          sh_record_set_int (record, item->column, integer);
      }
      return TRUE;

    default:
      g_assert_not_reached ();
    }

  /* The schema has checked every value, so this is a bug or a schema that
   * allows more than the map reads. */
  g_set_error (error, SH_REPORT_ERROR, SH_REPORT_ERROR_INVALID, _("Line %ld: %s has a value that cannot be read: “%s”."),
               xmlGetLineNo (node), item->element, text);
  return FALSE;
}

static gboolean
read_fields (Importer                 *im,
             const ShReportRecordMap  *items_map,
             xmlNode                  *node,
             ShRecord                 *record,
             char                    **status,
             GError                  **error)
{
  for (guint i = 0; i < items_map->n_items; i++)
    {
      const ShReportItem *item = &items_map->items[i];

      if (item->kind == ITEM_FIELD)
        {
          if (!read_field (im, item, node, record, status, error))
            return FALSE;
        }
      else if (item->kind == ITEM_GROUP)
        {
          /* A missing group is a group with nothing in it. */
          if (!read_fields (im, item->record, sh_report_first_child (node, item->element), record, status, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
values_differ (const GValue *a,
               const GValue *b)
{
  g_autofree char *sa = NULL;
  g_autofree char *sb = NULL;
  gboolean a_null = a == NULL || !G_IS_VALUE (a);
  gboolean b_null = b == NULL || !G_IS_VALUE (b);

  if (a_null || b_null)
    return a_null != b_null;

  if ((G_VALUE_HOLDS_DOUBLE (a) || G_VALUE_HOLDS_INT64 (a)) &&
      (G_VALUE_HOLDS_DOUBLE (b) || G_VALUE_HOLDS_INT64 (b)))
    {
      double da = G_VALUE_HOLDS_DOUBLE (a) ? g_value_get_double (a) : (double) g_value_get_int64 (a);
      double db = G_VALUE_HOLDS_DOUBLE (b) ? g_value_get_double (b) : (double) g_value_get_int64 (b);

      return da != db;
    }

  sa = sh_value_to_string (a);
  sb = sh_value_to_string (b);
  return g_strcmp0 (sa, sb) != 0;
}

/* -------------------------------------------------------------------------
 * Records
 * ------------------------------------------------------------------------- */

static gboolean import_children (Importer                *im,
                                 const ShReportRecordMap *items_map,
                                 xmlNode                 *node,
                                 gint64                   id,
                                 GError                 **error);

/* Brings an assessment to the status its document gives. */
static gboolean
apply_status (Importer    *im,
              xmlNode     *node,
              gint64       id,
              const char  *status,
              GError     **error)
{
  gboolean want_locked = g_strcmp0 (status, "HOAN_THANH") == 0 || g_strcmp0 (status, "DA_NOP") == 0;
  gboolean locked = sh_store_is_assessment_locked (im->store, id);

  if (want_locked && !locked)
    {
      if (!sh_store_finalize_assessment (im->store, id, error))
        return FALSE;
      if (g_strcmp0 (status, "DA_NOP") == 0)
        add_warning (im, node, _("The assessment was submitted by the sender; it is kept here as finalized."));
    }
  else if (!want_locked && locked)
    return sh_store_reopen_assessment (im->store, id, im->reason, error);

  return TRUE;
}

static gint64
import_record (Importer                *im,
               const ShReportRecordMap *map,
               xmlNode                 *node,
               gint64                   parent_id,
               GError                 **error)
{
  g_autoptr(ShRecord) record = sh_record_new (map->table);
  g_autoptr(ShRecord) existing = NULL;
  g_autofree char *uuid = uuid_of (node);
  g_autofree char *status = NULL;
  gboolean is_assessment = g_str_equal (map->table, "assessment");
  gint64 outer_assessment = im->assessment_id;
  gint64 id;

  if (map->parent_column != NULL)
    sh_record_set_int (record, map->parent_column, parent_id);
  if (g_str_equal (map->table, "evidence"))
    sh_record_set_int (record, "facility_id", im->facility_id);
  if (!read_fields (im, map, node, record, &status, error))
    return 0;

  id = sh_report_find_id (im->store, map->table, uuid, error);
  if (error != NULL && *error != NULL)
    return 0;
  if (is_assessment)
    im->assessment_id = id;

  if (id != 0)
    {
      gboolean changed = FALSE;

      if (!(existing = sh_store_get (im->store, map->table, id, error)))
        return 0;

      if (map->parent_column != NULL && sh_record_get_int (existing, map->parent_column, 0) != parent_id)
        {
          g_set_error (error, SH_REPORT_ERROR, SH_REPORT_ERROR_INVALID,
                       _("Line %ld: the %s %s is already in the database, but belongs to another record there. "
                         "Two different records cannot share a UUID."),
                       xmlGetLineNo (node), _(map->label), uuid);
          return 0;
        }

      for (guint c = 0; c < sh_record_get_n_columns (record); c++)
        {
          const char *column = sh_record_get_column (record, c);
          const GValue *value = sh_record_get_value (record, column);

          if (!values_differ (sh_record_get_value (existing, column), value))
            continue;
          if (!ensure_writable (im, error) ||
              !sh_store_update (im->store, map->table, id, column, value, NULL, error))
            return 0;
          changed = TRUE;
        }
      im->updated += changed;
    }
  else
    {
      g_autoptr(ShRecord) fresh = sh_record_new (map->table);

      /* Columns the document leaves out get the schema's defaults. */
      for (guint c = 0; c < sh_record_get_n_columns (record); c++)
        {
          const char *column = sh_record_get_column (record, c);

          if (!sh_record_is_null (record, column))
            sh_record_set_value (fresh, column, sh_record_get_value (record, column));
        }
      sh_record_set_uuid (fresh, uuid);

      if (!ensure_writable (im, error))
        return 0;
      id = sh_store_insert (im->store, fresh, error);
      if (id == 0)
        return 0;
      im->inserted++;
      if (is_assessment)
        im->assessment_id = id;
    }

  if (!import_children (im, map, node, id, error))
    return 0;

  if (is_assessment && !apply_status (im, node, id, status, error))
    return 0;

  im->assessment_id = outer_assessment;
  return id;
}

/* Removes the children of @parent_id that the document no longer lists. */
static gboolean
delete_missing (Importer                *im,
                const ShReportRecordMap *child,
                gint64                   parent_id,
                GHashTable              *keep,
                GError                 **error)
{
  g_autoptr(GPtrArray) rows = sh_store_list (im->store, child->table, child->parent_column, parent_id, error);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *row = rows->pdata[i];

      if (g_hash_table_contains (keep, sh_record_get_uuid (row)))
        continue;
      if (!ensure_writable (im, error) ||
          !sh_store_delete (im->store, child->table, sh_record_get_id (row), error))
        return FALSE;
      im->deleted++;
    }

  return TRUE;
}

static gboolean
import_children (Importer                *im,
                 const ShReportRecordMap *items_map,
                 xmlNode                 *node,
                 gint64                   id,
                 GError                 **error)
{
  for (guint i = 0; i < items_map->n_items; i++)
    {
      const ShReportItem *item = &items_map->items[i];

      if (item->kind == ITEM_GROUP)
        {
          if (!import_children (im, item->record, sh_report_first_child (node, item->element), id, error))
            return FALSE;
        }
      else if (item->kind == ITEM_CHILDREN)
        {
          g_autoptr(GHashTable) keep = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          gboolean partial;

          /* What a document does not carry at all, it says nothing about. */
          if ((item->flags & ITEM_DOSSIER_ONLY) && im->kind != SH_REPORT_KIND_DOSSIER)
            continue;
          partial = (item->flags & ITEM_ANNUAL_FILTER) && im->kind == SH_REPORT_KIND_ANNUAL;

          for (xmlNode *c = sh_report_first_child (node, item->element); c != NULL;
               c = sh_report_next_sibling (c, item->element))
            g_hash_table_add (keep, uuid_of (c));

          if (!partial && !delete_missing (im, item->record, id, keep, error))
            return FALSE;

          for (xmlNode *c = sh_report_first_child (node, item->element); c != NULL;
               c = sh_report_next_sibling (c, item->element))
            if (import_record (im, item->record, c, id, error) == 0)
              return FALSE;
        }
    }

  return TRUE;
}

/* -------------------------------------------------------------------------
 * Documents
 * ------------------------------------------------------------------------- */

static gboolean
import_consultants (Importer  *im,
                    xmlNode   *root,
                    GError   **error)
{
  xmlNode *list = sh_report_first_child (root, "DanhSachChuyenGia");

  for (xmlNode *c = sh_report_first_child (list, "ChuyenGia"); c != NULL; c = sh_report_next_sibling (c, "ChuyenGia"))
    if (import_record (im, &sh_report_map_consultant, c, 0, error) == 0)
      return FALSE;

  return TRUE;
}

static void
set_text_or_null (ShRecord   *record,
                  const char *column,
                  xmlNode    *parent,
                  const char *element)
{
  g_autofree char *text = sh_report_child_text (parent, element);

  if (text != NULL)
    sh_record_set_string (record, column, text);
  else
    sh_record_set_null (record, column);
}

/* The annual_report row itself. */
static gint64
import_annual_report (Importer          *im,
                      xmlNode           *root,
                      ShReportDocument  *document,
                      const char        *file_name,
                      GError           **error)
{
  g_autoptr(ShRecord) record = sh_record_new ("annual_report");
  g_autoptr(ShRecord) existing = NULL;
  g_autofree char *year_text = sh_report_child_text (root, "Nam");
  g_autofree char *status = sh_report_child_text (root, "TrangThai");
  xmlNode *period = sh_report_first_child (root, "KyBaoCao");
  xmlNode *recipient = sh_report_first_child (root, "NoiNhan");
  xmlNode *signature = sh_report_first_child (root, "KyXacNhan");
  const char *uuid = document->header.subject_uuid;
  gint64 year = 0;
  gint64 id;
  gboolean changed = FALSE;

  sh_report_parse_int64 (year_text, &year);
  sh_record_set_int (record, "facility_id", im->facility_id);
  sh_record_set_int (record, "year", year);
  set_text_or_null (record, "period_from", period, "TuNgay");
  set_text_or_null (record, "period_to", period, "DenNgay");
  set_text_or_null (record, "recipient_province", recipient, "MaTinh");
  set_text_or_null (record, "deadline", recipient, "HanNop");
  sh_record_set_string (record, "status", sh_report_enum_to_db (sh_report_enum_annual_status, g_strstrip (status)));
  set_text_or_null (record, "submitted_on", root, "NgayNop");
  set_text_or_null (record, "next_year_plan", root, "KeHoachNamSau");
  set_text_or_null (record, "recommendations", root, "KienNghi");
  set_text_or_null (record, "signatory", signature, "NguoiKy");
  set_text_or_null (record, "signatory_title", signature, "ChucVu");
  /* On the receiving side, the file received. */
  sh_record_set_string (record, "xml_sha256", document->file_sha256);
  sh_record_set_string (record, "xml_path", file_name);

  id = sh_report_find_id (im->store, "annual_report", uuid, error);
  if (error != NULL && *error != NULL)
    return 0;

  if (id == 0)
    {
      g_autoptr(GPtrArray) reports = sh_store_list (im->store, "annual_report", "facility_id", im->facility_id, error);

      if (reports == NULL)
        return 0;
      for (guint i = 0; i < reports->len; i++)
        if (sh_record_get_int (reports->pdata[i], "year", 0) == year)
          {
            g_set_error (error, SH_REPORT_ERROR, SH_REPORT_ERROR_INVALID,
                         _("This facility already has another annual report for %" PRId64 " here (%s). "
                           "Delete that one first if this one should take its place."),
                         year, sh_record_get_uuid (reports->pdata[i]));
            return 0;
          }

      sh_record_set_uuid (record, uuid);
      id = sh_store_insert (im->store, record, error);
      if (id != 0)
        im->inserted++;
      return id;
    }

  if (!(existing = sh_store_get (im->store, "annual_report", id, error)))
    return 0;
  if (sh_record_get_int (existing, "facility_id", 0) != im->facility_id)
    {
      g_set_error (error, SH_REPORT_ERROR, SH_REPORT_ERROR_INVALID,
                   _("The annual report %s is here already, but for another facility."), uuid);
      return 0;
    }
  for (guint c = 0; c < sh_record_get_n_columns (record); c++)
    {
      const char *column = sh_record_get_column (record, c);
      const GValue *value = sh_record_get_value (record, column);

      if (!values_differ (sh_record_get_value (existing, column), value))
        continue;
      if (!sh_store_update (im->store, "annual_report", id, column, value, NULL, error))
        return 0;
      changed = changed || (!g_str_equal (column, "xml_sha256") && !g_str_equal (column, "xml_path"));
    }
  im->updated += changed;

  return id;
}

static gboolean
import_content (Importer          *im,
                ShReportDocument  *document,
                const char        *file_name,
                gint64            *out_annual_report_id,
                GError           **error)
{
  xmlNode *root = xmlDocGetRootElement (document->doc);
  xmlNode *facility = sh_report_first_child (root, "CoSo");

  *out_annual_report_id = 0;

  if (!import_consultants (im, root, error))
    return FALSE;
  im->facility_id = import_record (im, &sh_report_map_facility, facility, 0, error);
  if (im->facility_id == 0)
    return FALSE;

  if (document->kind == SH_REPORT_KIND_ANNUAL)
    {
      xmlNode *activities = sh_report_first_child (root, "HoatDongSXSH");

      for (xmlNode *a = sh_report_first_child (activities, "DanhGia"); a != NULL; a = sh_report_next_sibling (a, "DanhGia"))
        if (import_record (im, &sh_report_map_assessment_summary, a, im->facility_id, error) == 0)
          return FALSE;

      *out_annual_report_id = import_annual_report (im, root, document, file_name, error);
      return *out_annual_report_id != 0;
    }

  for (xmlNode *a = sh_report_first_child (root, "DanhGia"); a != NULL; a = sh_report_next_sibling (a, "DanhGia"))
    if (import_record (im, &sh_report_map_assessment, a, im->facility_id, error) == 0)
      return FALSE;

  return TRUE;
}

void
sh_report_import_result_free (ShReportImportResult *result)
{
  if (result == NULL)
    return;

  g_free (result->file_name);
  g_free (result->document_uuid);
  g_free (result->subject_uuid);
  g_free (result->summary);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_free (result);
}

static ShReportImportResult *
refuse (ShReportImportResult *result,
        const char           *summary)
{
  result->status = SH_REPORT_IMPORT_REFUSED;
  g_free (result->summary);
  result->summary = g_strdup (summary);
  return result;
}

ShReportImportResult *
sh_report_import_bytes (ShStore     *store,
                        ShUnits     *units,
                        GBytes      *bytes,
                        const char  *name)
{
  ShReportImportResult *result;
  g_autoptr(ShReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *at = NULL;
  g_autofree char *note = NULL;
  g_autofree char *reference_data = NULL;
  Importer im = { 0 };
  ShReportLogEntry entry = { 0 };
  gboolean same_content = FALSE;
  gboolean subject_existed = FALSE;
  gint64 annual_report_id = 0;
  guint n_errors;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (units == NULL)
    units = sh_units_get_default ();

  result = g_new0 (ShReportImportResult, 1);
  result->file_name = g_strdup (name);
  result->problems = sh_report_problems_new ();

  document = sh_report_document_load (units, bytes, name, &result->kind, result->problems);
  if (document == NULL)
    {
      n_errors = sh_report_problems_count (result->problems, SH_REPORT_SEVERITY_ERROR);
      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Refused: %u problem.", "Refused: %u problems.", n_errors),
                              n_errors);
      return refuse (result, note);
    }

  result->document_uuid = g_strdup (document->header.document_uuid);
  result->subject_uuid = g_strdup (document->header.subject_uuid);
  result->revision = document->header.revision;

  if (document->kind == SH_REPORT_KIND_ROLLUP)
    {
      g_ptr_array_add (result->problems,
                       sh_report_problem_new (SH_REPORT_SEVERITY_ERROR, 0, NULL,
                                              _("A provincial roll-up goes to the ministry; it is checked with "
                                                "“validate” but not imported into a database.")));
      return refuse (result, _("Refused: roll-ups are not imported."));
    }

  /* The same file, or the same content again, changes nothing. */
  if (sh_report_log_find_document (store, document->header.document_uuid, &at, &error))
    {
      result->status = SH_REPORT_IMPORT_UNCHANGED;
      result->summary = g_strdup_printf (_("Already imported (document %s, on %s)."),
                                         document->header.document_uuid, at);
      return result;
    }
  if (error == NULL)
    sh_report_log_latest (store, document->kind, document->header.subject_uuid, document->digest,
                          &result->previous_revision, &same_content, &error);
  if (error == NULL)
    subject_existed = sh_report_find_id (store, document->kind == SH_REPORT_KIND_ANNUAL ? "annual_report" : "assessment",
                                         document->header.subject_uuid, &error) != 0;
  if (error != NULL)
    {
      g_ptr_array_add (result->problems, sh_report_problem_new (SH_REPORT_SEVERITY_ERROR, 0, NULL, "%s", error->message));
      return refuse (result, _("Refused: the database could not be read."));
    }
  /* An older revision never replaces a newer one, even if it was seen before. */
  if (result->previous_revision > 0 && result->revision < result->previous_revision)
    {
      g_ptr_array_add (result->problems,
                       sh_report_problem_new (SH_REPORT_SEVERITY_ERROR, 0, NULL,
                                              _("This is revision %" PRId64 " of its subject, but revision %"
                                                PRId64 " is already here: an older revision does not "
                                                "replace a newer one."),
                                              result->revision, result->previous_revision));
      return refuse (result, _("Refused: older than what is here."));
    }
  if (same_content)
    {
      result->status = SH_REPORT_IMPORT_UNCHANGED;
      result->summary = g_strdup_printf (_("Already here: the same content was exchanged before (revision %"
                                           PRId64 ")."), result->revision);
      return result;
    }
  if (result->previous_revision > 0 && result->revision == result->previous_revision)
    {
      g_ptr_array_add (result->problems,
                       sh_report_problem_new (SH_REPORT_SEVERITY_ERROR, 0, NULL,
                                              _("Revision %" PRId64 " of this subject is already here with "
                                                "other content: two different documents carry the same revision. "
                                                "Ask the sender which one is right."),
                                              result->revision));
      return refuse (result, _("Refused: a different document with the same revision is here."));
    }

  im.store = store;
  im.kind = document->kind;
  im.problems = result->problems;
  im.reason = g_strdup_printf (_("Import of %s (%s, revision %" PRId64 ")"), name,
                               sh_report_kind_get_label (document->kind), result->revision);

  if (!sh_store_begin (store, &error))
    goto failed;
  if (!import_content (&im, document, name, &annual_report_id, &error))
    {
      sh_store_rollback (store);
      goto failed;
    }

  result->n_inserted = im.inserted;
  result->n_updated = im.updated;
  result->n_deleted = im.deleted;
  result->status = subject_existed ? SH_REPORT_IMPORT_REPLACED : SH_REPORT_IMPORT_IMPORTED;
  if (result->status == SH_REPORT_IMPORT_REPLACED && result->previous_revision == 0)
    note = g_strdup_printf (_("Revision %" PRId64 " replaced the version already here, which had not been "
                              "exchanged: %u records added, %u changed, %u removed."),
                            result->revision, im.inserted, im.updated, im.deleted);
  else if (result->status == SH_REPORT_IMPORT_REPLACED)
    note = g_strdup_printf (_("Revision %" PRId64 " replaced revision %" PRId64
                              ": %u records added, %u changed, %u removed."),
                            result->revision, result->previous_revision, im.inserted, im.updated, im.deleted);
  else
    note = g_strdup_printf (_("Revision %" PRId64 " imported: %u records added."),
                            result->revision, im.inserted);

  /* Which reference data the sender's figures were checked against stays
   * with the log of what was received. */
  reference_data = sh_report_header_describe_reference_data (&document->header);
  if (reference_data != NULL)
    {
      g_autofree char *with = g_strdup_printf (_("%s Reference data of the sender: %s."), note, reference_data);

      g_free (note);
      note = g_steal_pointer (&with);
    }

  entry.direction = "received";
  entry.kind = document->kind;
  entry.document_uuid = document->header.document_uuid;
  entry.subject_uuid = document->header.subject_uuid;
  entry.revision = result->revision;
  entry.digest = document->digest;
  entry.file_name = name;
  entry.file_sha256 = document->file_sha256;
  entry.facility_id = im.facility_id;
  entry.annual_report_id = annual_report_id;
  entry.note = note;
  entry.reference_data = reference_data;
  if (!sh_report_log_add (store, &entry, &error) || !sh_store_commit (store, &error))
    {
      sh_store_rollback (store);
      goto failed;
    }

  result->summary = g_steal_pointer (&note);
  g_free (im.reason);
  return result;

failed:
  g_free (im.reason);
  result->n_inserted = result->n_updated = result->n_deleted = 0;
  g_ptr_array_add (result->problems, sh_report_problem_new (SH_REPORT_SEVERITY_ERROR, 0, NULL, "%s", error->message));
  return refuse (result, _("Refused: it could not be written, and nothing was changed."));
}

ShReportImportResult *
sh_report_import_file (ShStore     *store,
                       ShUnits     *units,
                       const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  ShReportImportResult *result;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  bytes = sh_xml_safe_read_file (path, SH_REPORT_MAX_FILE_SIZE, &error);
  if (bytes == NULL)
    {
      result = g_new0 (ShReportImportResult, 1);
      result->file_name = g_steal_pointer (&name);
      result->problems = sh_report_problems_new ();
      g_ptr_array_add (result->problems, sh_report_problem_new (SH_REPORT_SEVERITY_ERROR, 0, NULL, "%s", error->message));
      return refuse (result, _("Refused: the file could not be read."));
    }

  return sh_report_import_bytes (store, units, bytes, name);
}

/* Files imported between two commits by sh_report_import_files(). */
#define IMPORT_BATCH 100

/* Commits the files imported since @first. If the commit fails (disk
 * full), none of them is in the database after all: their results say so. */
static void
commit_batch (ShStore   *store,
              GPtrArray *results,
              guint      first)
{
  g_autoptr(GError) error = NULL;

  if (sh_store_commit (store, &error))
    return;

  for (guint i = first; i < results->len; i++)
    {
      ShReportImportResult *result = results->pdata[i];

      if (result->status != SH_REPORT_IMPORT_IMPORTED && result->status != SH_REPORT_IMPORT_REPLACED)
        continue;
      result->n_inserted = result->n_updated = result->n_deleted = 0;
      g_ptr_array_add (result->problems,
                       sh_report_problem_new (SH_REPORT_SEVERITY_ERROR, 0, NULL, "%s", error->message));
      refuse (result, _("Refused: it could not be written, and nothing was changed."));
    }
}

GPtrArray *
sh_report_import_files (ShStore             *store,
                        ShUnits             *units,
                        const char * const  *paths,
                        GCancellable        *cancellable)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_report_import_result_free);
  gboolean batch = FALSE;
  guint first = 0;

  g_return_val_if_fail (SH_IS_STORE (store), results);
  g_return_val_if_fail (paths != NULL, results);

  /* Each file is imported all or nothing, in a savepoint of its own; the
   * savepoints of up to IMPORT_BATCH files share one transaction, so that
   * the database is synced to disk once per batch rather than once per file
   * (the sync is most of the time of importing a small report). A crash
   * before the commit leaves none of the batch in, never part of a file.
   * If the batch cannot begin (the database is busy), each file gets its
   * own transaction and says why it failed. */
  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (!batch)
        {
          batch = sh_store_begin (store, NULL);
          first = results->len;
        }
      g_ptr_array_add (results, sh_report_import_file (store, units, paths[i]));
      if (batch && results->len - first >= IMPORT_BATCH)
        {
          commit_batch (store, results, first);
          batch = FALSE;
        }
    }
  if (batch)
    commit_batch (store, results, first);

  return results;
}
