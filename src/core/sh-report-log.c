/* sh-report-log.c — the log of report documents sent and received.
 *
 * Every exported document is logged as "sent" and every imported one as
 * "received", in the submission table (data/sql/003-report-exchange.sql),
 * with the subject it is about, its revision and the digest of its content.
 * The assessment_id column is left empty on purpose: a finalized assessment
 * is read-only, and logging that it was sent must not need reopening it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sh-report-private.h"
#include "sh-store-private.h"

gint64
sh_report_find_id (ShStore     *store,
                   const char  *table,
                   const char  *uuid,
                   GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  /* @table always comes from the static maps, never from a document. */
  sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE uuid = ?1", table);
  if (!(stmt = sh_store_prepare (store, sql, error)))
    return 0;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    sh_store_set_sqlite_error (store, rc, error, "finding a record by its UUID");

  return id;
}

char *
sh_report_find_uuid (ShStore     *store,
                     const char  *table,
                     gint64       id,
                     GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *uuid = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT uuid FROM \"%s\" WHERE id = ?1", table);
  if (!(stmt = sh_store_prepare (store, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    sh_store_set_sqlite_error (store, rc, error, "finding a record's UUID");

  return uuid;
}

gboolean
sh_report_log_latest (ShStore       *store,
                      ShReportKind   kind,
                      const char    *subject_uuid,
                      const char    *digest,
                      gint64        *out_revision,
                      gboolean      *out_has_digest,
                      GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_revision = 0;
  if (out_has_digest != NULL)
    *out_has_digest = FALSE;

  stmt = sh_store_prepare (store,
                           "SELECT coalesce (max (document_version), 0), "
                           "  coalesce (max (content_sha256 = ?3), 0) "
                           "FROM submission WHERE document_type = ?1 AND subject_uuid = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, sh_report_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, subject_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, digest, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_revision = sqlite3_column_int64 (stmt, 0);
      if (out_has_digest != NULL)
        *out_has_digest = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      sh_store_set_sqlite_error (store, rc, error, "reading the submission log");
      return FALSE;
    }

  return TRUE;
}

gboolean
sh_report_log_revision (ShStore       *store,
                        ShReportKind   kind,
                        const char    *subject_uuid,
                        const char    *digest,
                        gint64        *out_revision,
                        GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 latest = 0;
  gint64 same = 0;
  int rc;

  if (!sh_report_log_latest (store, kind, subject_uuid, digest, &latest, NULL, error))
    return FALSE;

  stmt = sh_store_prepare (store,
                           "SELECT coalesce (max (document_version), 0) FROM submission "
                           "WHERE document_type = ?1 AND subject_uuid = ?2 AND content_sha256 = ?3",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, sh_report_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, subject_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, digest, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    same = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      sh_store_set_sqlite_error (store, rc, error, "reading the submission log");
      return FALSE;
    }

  *out_revision = same > 0 ? same : latest + 1;
  return TRUE;
}

gboolean
sh_report_log_find_document (ShStore     *store,
                             const char  *document_uuid,
                             char       **out_at,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  if (out_at != NULL)
    *out_at = NULL;

  stmt = sh_store_prepare (store,
                           "SELECT at FROM submission WHERE document_uuid = ?1 AND direction = 'received' "
                           "ORDER BY id LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, document_uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      if (out_at != NULL)
        *out_at = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    sh_store_set_sqlite_error (store, rc, error, "reading the submission log");

  return found;
}

gboolean
sh_report_log_add (ShStore                 *store,
                   const ShReportLogEntry  *entry,
                   GError                 **error)
{
  g_autoptr(ShRecord) row = sh_record_new ("submission");

  sh_record_set_string (row, "direction", entry->direction);
  sh_record_set_string (row, "document_uuid", entry->document_uuid);
  sh_record_set_string (row, "document_type", sh_report_kind_to_string (entry->kind));
  sh_record_set_int (row, "document_version", entry->revision);
  sh_record_set_string (row, "subject_uuid", entry->subject_uuid);
  sh_record_set_string (row, "content_sha256", entry->digest);
  if (entry->file_name != NULL)
    sh_record_set_string (row, "file_name", entry->file_name);
  if (entry->file_sha256 != NULL)
    sh_record_set_string (row, "sha256", entry->file_sha256);
  if (entry->facility_id != 0)
    sh_record_set_int (row, "facility_id", entry->facility_id);
  if (entry->annual_report_id != 0)
    sh_record_set_int (row, "annual_report_id", entry->annual_report_id);
  if (entry->note != NULL)
    sh_record_set_string (row, "note", entry->note);
  if (entry->reference_data != NULL)
    sh_record_set_string (row, "reference_data", entry->reference_data);

  return sh_store_insert (store, row, error) != 0;
}
