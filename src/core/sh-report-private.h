/* sh-report-private.h — the pieces the report writer, validator and importer share.
 *
 * The mapping between the database and the XML is data, not code: each kind
 * of record is an ShReportRecordMap listing its XML element, its table, the
 * column holding its parent's id, and its content in document order
 * (fields, child records, groups of fields kept in a sub-element, and
 * computed blocks). The writer and the importer both walk these maps, so a
 * field added to a map is written and read back the same way; the schema
 * (data/schema/report-1.0.xsd) must list it too, which the round-trip tests
 * check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "sh-report-common.h"
#include "sh-store.h"
#include "sh-units.h"
#include "sh-xml-safe.h"

G_BEGIN_DECLS

typedef enum
{
  ITEM_FIELD,     /* one column, one element */
  ITEM_CHILDREN,  /* the rows of another table whose parent column is this row */
  ITEM_GROUP,     /* a sub-element holding more fields (and children) of this row */
  ITEM_COMPUTED,  /* a block the writer computes; the importer skips it */
} ShReportItemKind;

typedef enum
{
  FIELD_TEXT,          /* TEXT */
  FIELD_INTEGER,       /* INTEGER (also money, in đồng) */
  FIELD_DECIMAL,       /* REAL */
  FIELD_BOOLEAN,       /* INTEGER 0/1 */
  FIELD_DATE,          /* TEXT YYYY-MM-DD */
  FIELD_DATETIME,      /* TEXT, a date or an ISO 8601 date and time */
  FIELD_ENUM,          /* TEXT, translated through the item's values */
  FIELD_STATUS,        /* assessment.status: set through finalize/reopen, not written */
  FIELD_UNIT,          /* TEXT unit code (resolved through the units table on export) */
  FIELD_FUEL,          /* TEXT fuel code of the units table */
  FIELD_REF,           /* INTEGER id of a row of ref_table; the XML holds its UUID */
  FIELD_ENTITY_TABLE,  /* evidence.entity_table, as the element name of that table */
  FIELD_ENTITY_REF,    /* evidence.entity_id, as the UUID of that row */
} ShReportFieldType;

enum
{
  ITEM_REQUIRED      = 1 << 0,  /* a document without it is not valid */
  ITEM_DOSSIER_ONLY  = 1 << 1,  /* children written only in dossiers */
  ITEM_ANNUAL_FILTER = 1 << 2,  /* children filtered in annual reports (so partial there) */
};

typedef enum
{
  HOOK_NONE,
  HOOK_WASTE_COST,          /* DongThai/TongChiPhiVND */
  HOOK_OPTION_ECONOMICS,    /* GiaiPhap/KinhTe */
  HOOK_MONITORING_SAVING,   /* QuanTrac/TietKiemDatDuocPct */
  HOOK_ASSESSMENT_RESULTS,  /* DanhGia/KetQua */
} ShReportHook;

typedef struct
{
  const char *db;
  const char *xml;
} ShReportEnumValue;

typedef struct _ShReportRecordMap ShReportRecordMap;

typedef struct
{
  ShReportItemKind          kind;
  const char               *element;
  const char               *column;     /* ITEM_FIELD */
  ShReportFieldType         type;       /* ITEM_FIELD */
  const ShReportEnumValue  *values;     /* FIELD_ENUM, FIELD_STATUS, FIELD_ENTITY_TABLE */
  const char               *ref_table;  /* FIELD_REF */
  guint                     flags;
  const ShReportRecordMap  *record;     /* ITEM_CHILDREN: the child; ITEM_GROUP: the group's items */
  ShReportHook              hook;       /* ITEM_COMPUTED */
  const char               *label;      /* ITEM_FIELD: words for messages (N_) */
} ShReportItem;

struct _ShReportRecordMap
{
  const char          *element;
  const char          *table;          /* NULL for a group */
  const char          *parent_column;  /* NULL for a top-level record or a group */
  const char          *label;          /* words for messages (N_) */
  const ShReportItem  *items;
  guint                n_items;
};

extern const ShReportRecordMap sh_report_map_facility;
extern const ShReportRecordMap sh_report_map_consultant;
extern const ShReportRecordMap sh_report_map_assessment;          /* dossiers: everything */
extern const ShReportRecordMap sh_report_map_assessment_summary;  /* annual reports */
extern const ShReportEnumValue sh_report_enum_annual_status[];
extern const ShReportEnumValue sh_report_enum_assessment_status[];
extern const ShReportEnumValue sh_report_enum_size_class[];
extern const ShReportEnumValue sh_report_enum_env_indicator[];

const char  *sh_report_enum_to_xml        (const ShReportEnumValue *values,
                                           const char              *db);
const char  *sh_report_enum_to_db         (const ShReportEnumValue *values,
                                           const char              *xml);
/* The record map of @table (for evidence links), or NULL. */
const ShReportRecordMap *sh_report_map_for_table (const char *table);

/* ---- XML helpers ---------------------------------------------------------- */

/* Element children in the report namespace, by local name. */
xmlNode     *sh_report_first_child        (xmlNode      *parent,
                                           const char   *name);
xmlNode     *sh_report_next_sibling       (xmlNode      *node,
                                           const char   *name);
gboolean     sh_report_node_is            (xmlNode      *node,
                                           const char   *name);
char        *sh_report_node_text          (xmlNode      *node);
char        *sh_report_child_text         (xmlNode      *parent,
                                           const char   *name);
/* "BaoCaoSXSH/CoSo/MaSoThue". */
char        *sh_report_node_path          (xmlNode      *node);
xmlNode     *sh_report_add_text           (xmlNode      *parent,
                                           const char   *name,
                                           const char   *text);
xmlNode     *sh_report_add_int            (xmlNode      *parent,
                                           const char   *name,
                                           gint64        value);
/* FALSE (and nothing added) for a value that is not finite. */
gboolean     sh_report_add_decimal        (xmlNode      *parent,
                                           const char   *name,
                                           double        value);
/* A computed figure (a ratio, a percentage, a sum of quantities), to
 * SH_REPORT_COMPUTED_DIGITS significant digits: the validator allows for
 * that rounding, and a person can read 3.076923077 more easily than
 * 3.0769230769230798. Recorded data is always written exactly. */
#define SH_REPORT_COMPUTED_DIGITS 10
gboolean     sh_report_add_computed       (xmlNode      *parent,
                                           const char   *name,
                                           double        value);
xmlNode     *sh_report_add_boolean        (xmlNode      *parent,
                                           const char   *name,
                                           gboolean      value);

/* The shortest decimal text that reads back as exactly @value, never in
 * exponent form ("0.1", "120000", "-3.5"); NULL if @value is not finite. */
char        *sh_report_format_decimal     (double        value);
/* The same with at most @digits significant digits (1–17). */
char        *sh_report_format_significant (double        value,
                                           int           digits);
gboolean     sh_report_parse_decimal      (const char   *text,
                                           double       *out_value);
gboolean     sh_report_parse_int64        (const char   *text,
                                           gint64       *out_value);
gboolean     sh_report_parse_boolean      (const char   *text,
                                           gboolean     *out_value);
/* Whether @text is a YYYY-MM-DD date that exists. */
gboolean     sh_report_is_date            (const char   *text);
gboolean     sh_report_is_datetime        (const char   *text);

/* The unit code of the schema for a unit as stored: a code of the units
 * table, or a unit's symbol ("m³", "viên QTC"), optionally "per" a unit or a
 * period ("t/ngày" → "t/day", "viên QTC/năm" → "brick_qtc/year"). NULL if
 * it is none of these. */
char        *sh_report_resolve_unit       (ShUnits      *units,
                                           const char   *text);

/* SHA-256 of the document's content: every element but ThongTinTaiLieu,
 * with its attributes and text, ignoring formatting white space. Two
 * documents about the same data have the same digest whatever their UUID,
 * creation time and revision. */
char        *sh_report_digest             (xmlNode      *root);
/* A name-based UUID (version 5 layout, SHA-1) in Sạch Hơn's namespace. */
char        *sh_report_name_uuid          (const char   *name);

ShReportKind sh_report_kind_of_root       (xmlNode      *root);

/* The compiled report schema, shared by the whole process: compiling it
 * takes longer than validating a typical report, so it is compiled once,
 * on first use, and kept (never free it). A compiled xmlSchema is only read
 * while validating, so threads may share it; each validation has its own
 * context. It is part of the build, so failing to compile it is a bug and
 * aborts. */
xmlSchema   *sh_report_schema_get         (void);
/* Validates @doc, adding one problem per schema error, and returns whether
 * it is valid. @with_lines: the document was parsed from a file. */
gboolean     sh_report_schema_validate    (xmlSchema    *schema,
                                           xmlDoc       *doc,
                                           gboolean      with_lines,
                                           GPtrArray    *problems);

/* ---- Documents ------------------------------------------------------------ */

typedef struct
{
  char    *document_uuid;
  char    *schema_version;
  char    *subject_uuid;
  gint64   revision;
  char    *generator;
  char    *generator_version;
  char    *created;
  /* DuLieuThamChieu: "kind version" per reference data file, in document
   * order; empty if the document does not say. */
  GPtrArray *reference_data;
} ShReportHeader;

void         sh_report_header_clear       (ShReportHeader *header);
/* The header's reference data versions in words, "lists 1.0.0, sectors
 * 1.0.0" (NULL if the document does not say), for logs and messages. */
char        *sh_report_header_describe_reference_data (const ShReportHeader *header);
gboolean     sh_report_header_read        (xmlNode        *root,
                                           ShReportHeader *header);

/* A parsed document that passed the schema and the semantic checks. */
typedef struct
{
  xmlDoc         *doc;
  ShReportKind    kind;
  ShReportHeader  header;
  char           *digest;
  char           *file_sha256;
} ShReportDocument;

void         sh_report_document_free      (ShReportDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShReportDocument, sh_report_document_free)

/* Parses, checks and validates @bytes. Returns NULL when any problem is an
 * error; every problem (warnings too) is added to @problems. */
ShReportDocument *sh_report_document_load (ShUnits      *units,
                                           GBytes       *bytes,
                                           const char   *name,
                                           ShReportKind *out_kind,
                                           GPtrArray    *problems);

/* The semantic checks on a document that follows the schema. */
void         sh_report_check_semantics    (ShUnits      *units,
                                           xmlDoc       *doc,
                                           ShReportKind  kind,
                                           GPtrArray    *problems);

/* ---- Writing documents --------------------------------------------------- */

typedef struct _ShReportWriter ShReportWriter;

/* A new document of @kind about @subject_uuid, with its header written
 * (revision still to be set). */
ShReportWriter *sh_report_writer_new      (ShStore        *store,
                                           ShUnits        *units,
                                           ShReportKind    kind,
                                           const char     *subject_uuid);
void         sh_report_writer_free        (ShReportWriter *writer);
xmlNode     *sh_report_writer_get_root    (ShReportWriter *writer);
void         sh_report_writer_add_problem (ShReportWriter *writer,
                                           xmlNode        *where,
                                           const char     *format,
                                           ...) G_GNUC_PRINTF (3, 4);
/* Validates the document, sets its revision, writes it to @path and logs
 * it, in one transaction. */
gboolean     sh_report_writer_save        (ShReportWriter *writer,
                                           const char     *path,
                                           gint64          facility_id,
                                           gint64          annual_report_id,
                                           GPtrArray     **out_problems,
                                           GError        **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShReportWriter, sh_report_writer_free)

/* The assessments (ShRecord) an annual report for @year covers: those
 * whose dates overlap the year, or that have after-CP production in it, or
 * options completed in it. */
GPtrArray   *sh_report_covered_assessments (ShStore       *store,
                                            gint64         facility_id,
                                            int            year,
                                            GError       **error);
/* The same assessments, by id only, with their UUIDs in @out_uuids (may be
 * NULL): for the roll-up, which needs no more of them. */
GArray      *sh_report_covered_assessment_ids (ShStore     *store,
                                               gint64       facility_id,
                                               int          year,
                                               GPtrArray  **out_uuids,
                                               GError     **error);

/* ---- The submission log (table submission, see 003-report-exchange.sql) --- */

/* The revision a document of @kind about @subject with @digest gets: the
 * revision already logged with that digest, else one more than the highest
 * logged, else 1. */
gboolean     sh_report_log_revision       (ShStore      *store,
                                           ShReportKind  kind,
                                           const char   *subject_uuid,
                                           const char   *digest,
                                           gint64       *out_revision,
                                           GError      **error);
/* Whether a received document with @document_uuid is logged, and when. */
gboolean     sh_report_log_find_document  (ShStore      *store,
                                           const char   *document_uuid,
                                           char        **out_at,
                                           GError      **error);
/* The highest revision logged for @subject (0 if none), and whether one
 * with @digest is among them. */
gboolean     sh_report_log_latest         (ShStore      *store,
                                           ShReportKind  kind,
                                           const char   *subject_uuid,
                                           const char   *digest,
                                           gint64       *out_revision,
                                           gboolean     *out_has_digest,
                                           GError      **error);

typedef struct
{
  const char   *direction;      /* "sent" or "received" */
  ShReportKind  kind;
  const char   *document_uuid;
  const char   *subject_uuid;
  gint64        revision;
  const char   *digest;
  const char   *file_name;
  const char   *file_sha256;
  gint64        facility_id;    /* 0 if none */
  gint64        annual_report_id;
  const char   *note;
  const char   *reference_data; /* received: the header's DuLieuThamChieu, described */
} ShReportLogEntry;

gboolean     sh_report_log_add            (ShStore                *store,
                                           const ShReportLogEntry *entry,
                                           GError                **error);

/* The id of the row of @table with @uuid, 0 if none. */
gint64       sh_report_find_id            (ShStore      *store,
                                           const char   *table,
                                           const char   *uuid,
                                           GError      **error);
/* The UUID of row @id of @table, or NULL. */
char        *sh_report_find_uuid          (ShStore      *store,
                                           const char   *table,
                                           gint64        id,
                                           GError      **error);

G_END_DECLS
