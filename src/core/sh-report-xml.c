/* sh-report-xml.c — XML helpers of the report writer, validator and importer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlschemas.h>

#include "sh-core-resources.h"
#include "sh-report-private.h"

/* libxml2 2.12 made the error handed to structured handlers const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError XmlErrorArg;
#else
typedef xmlError XmlErrorArg;
#endif

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt)

/* Documents with more schema errors than this are not worth reading on. */
#define MAX_SCHEMA_PROBLEMS 200

/* -------------------------------------------------------------------------
 * Elements
 * ------------------------------------------------------------------------- */

gboolean
sh_report_node_is (xmlNode    *node,
                   const char *name)
{
  /* The short local name first: it tells most siblings apart at the first
   * character, before the long namespace URI is compared. */
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         (name == NULL || xmlStrEqual (node->name, (const xmlChar *) name)) &&
         node->ns != NULL && xmlStrEqual (node->ns->href, (const xmlChar *) SH_REPORT_NAMESPACE);
}

xmlNode *
sh_report_next_sibling (xmlNode    *node,
                        const char *name)
{
  for (xmlNode *n = node != NULL ? node->next : NULL; n != NULL; n = n->next)
    if (sh_report_node_is (n, name))
      return n;

  return NULL;
}

xmlNode *
sh_report_first_child (xmlNode    *parent,
                       const char *name)
{
  for (xmlNode *n = parent != NULL ? parent->children : NULL; n != NULL; n = n->next)
    if (sh_report_node_is (n, name))
      return n;

  return NULL;
}

char *
sh_report_node_text (xmlNode *node)
{
  xmlChar *content;
  char *text;

  if (node == NULL)
    return NULL;

  content = xmlNodeGetContent (node);
  text = g_strdup ((const char *) content);
  xmlFree (content);

  return text;
}

char *
sh_report_child_text (xmlNode    *parent,
                      const char *name)
{
  return sh_report_node_text (sh_report_first_child (parent, name));
}

char *
sh_report_node_path (xmlNode *node)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) path = g_string_new (NULL);

  for (xmlNode *n = node; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    g_ptr_array_add (names, (gpointer) n->name);

  for (guint i = names->len; i > 0; i--)
    {
      if (path->len > 0)
        g_string_append_c (path, '/');
      g_string_append (path, names->pdata[i - 1]);
    }

  return g_string_free (g_steal_pointer (&path), FALSE);
}

xmlNode *
sh_report_add_text (xmlNode    *parent,
                    const char *name,
                    const char *text)
{
  xmlNode *node = xmlNewChild (parent, parent->ns, (const xmlChar *) name, NULL);

  /* xmlNewTextChild would escape too; a separate text node makes the intent plain. */
  if (text != NULL)
    xmlAddChild (node, xmlNewText ((const xmlChar *) text));

  return node;
}

xmlNode *
sh_report_add_int (xmlNode    *parent,
                   const char *name,
                   gint64      value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  return sh_report_add_text (parent, name, buf);
}

gboolean
sh_report_add_decimal (xmlNode    *parent,
                       const char *name,
                       double      value)
{
  g_autofree char *text = sh_report_format_decimal (value);

  if (text == NULL)
    return FALSE;

  sh_report_add_text (parent, name, text);
  return TRUE;
}

gboolean
sh_report_add_computed (xmlNode    *parent,
                        const char *name,
                        double      value)
{
  g_autofree char *text = sh_report_format_significant (value, SH_REPORT_COMPUTED_DIGITS);

  if (text == NULL)
    return FALSE;

  sh_report_add_text (parent, name, text);
  return TRUE;
}

xmlNode *
sh_report_add_boolean (xmlNode    *parent,
                       const char *name,
                       gboolean    value)
{
  return sh_report_add_text (parent, name, value ? "true" : "false");
}

/* -------------------------------------------------------------------------
 * Numbers and dates
 * ------------------------------------------------------------------------- */

char *
sh_report_format_decimal (double value)
{
  return sh_report_format_significant (value, 17);
}

char *
sh_report_format_significant (double value,
                              int    digits)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char figures[32];
  const char *mantissa_end;
  g_autoptr(GString) out = g_string_new (NULL);
  static const char *const significant_formats[] = {
    "%.0e", "%.1e", "%.2e", "%.3e", "%.4e", "%.5e", "%.6e", "%.7e", "%.8e",
    "%.9e", "%.10e", "%.11e", "%.12e", "%.13e", "%.14e", "%.15e", "%.16e",
  };
  gboolean negative;
  int max_digits;
  int precision;
  int exponent;
  int n = 0;
  int point;

  if (!isfinite (value))
    return NULL;
  if (value == 0)
    return g_strdup ("0");

  /* The fewest significant digits (at most @digits) that read back as the
   * same double. Trying every count from one up cost up to 17 printf and
   * strtod pairs per number, a good part of an export. Instead: rounded to
   * p ≤ 15 (DBL_DIG) significant digits, a double prints as its shortest
   * round-tripping decimal padded with zeros, since that decimal lies
   * within half an ulp (2⁻⁵³ relative) of it, closer than half a unit of
   * the 15th digit (5·10⁻¹⁶ relative). So one print at min (@digits, 15)
   * digits gives the answer once its trailing zeros go (they do below),
   * and only when that does not read back are 16 and 17 digits tried. The
   * test /report/format/significant-fast compares this with the loop
   * over every count. */
  max_digits = CLAMP (digits, 1, 17);
  precision = MIN (max_digits, 15) - 1;
  g_ascii_formatd (buf, sizeof buf, significant_formats[precision], value);
  if (max_digits > 15 && g_ascii_strtod (buf, NULL) != value)
    for (precision = 15; precision < max_digits; precision++)
      {
        g_ascii_formatd (buf, sizeof buf, significant_formats[precision], value);
        if (g_ascii_strtod (buf, NULL) == value)
          break;
      }

  /* buf is "-d.ddde±xx": gather the digits and place the point. */
  negative = buf[0] == '-';
  mantissa_end = strchr (buf, 'e');
  g_assert (mantissa_end != NULL);
  for (const char *p = buf + (negative ? 1 : 0); p < mantissa_end; p++)
    if (g_ascii_isdigit (*p) && n < (int) sizeof figures - 1)
      figures[n++] = *p;
  figures[n] = '\0';
  while (n > 1 && figures[n - 1] == '0')
    figures[--n] = '\0';
  exponent = atoi (mantissa_end + 1);
  point = exponent + 1;

  if (negative)
    g_string_append_c (out, '-');
  if (point <= 0)
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -point; i++)
        g_string_append_c (out, '0');
      g_string_append (out, figures);
    }
  else if (point >= n)
    {
      g_string_append (out, figures);
      for (int i = n; i < point; i++)
        g_string_append_c (out, '0');
    }
  else
    {
      g_string_append_len (out, figures, point);
      g_string_append_c (out, '.');
      g_string_append (out, figures + point);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
sh_report_parse_decimal (const char *text,
                         double     *out_value)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  double value;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0' || strpbrk (copy, "eEnNiIxX") != NULL)
    return FALSE;

  value = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0' || !isfinite (value))
    return FALSE;

  *out_value = value;
  return TRUE;
}

gboolean
sh_report_parse_int64 (const char *text,
                       gint64     *out_value)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '+')
    memmove (copy, copy + 1, strlen (copy));
  return g_ascii_string_to_signed (copy, 10, G_MININT64, G_MAXINT64, out_value, NULL);
}

gboolean
sh_report_parse_boolean (const char *text,
                         gboolean   *out_value)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  if (g_str_equal (copy, "true") || g_str_equal (copy, "1"))
    *out_value = TRUE;
  else if (g_str_equal (copy, "false") || g_str_equal (copy, "0"))
    *out_value = FALSE;
  else
    return FALSE;

  return TRUE;
}

gboolean
sh_report_is_date (const char *text)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;

  return y >= 1 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

gboolean
sh_report_is_datetime (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  char date[11];

  if (sh_report_is_date (text))
    return TRUE;
  if (text == NULL || strlen (text) < 19)
    return FALSE;
  memcpy (date, text, 10);
  date[10] = '\0';
  if (!sh_report_is_date (date))
    return FALSE;

  /* A time without a zone is local time in ISO 8601; read it as UTC just
   * to check that it is a time. */
  utc = g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (text, utc);
  return parsed != NULL;
}

/* -------------------------------------------------------------------------
 * Units
 * ------------------------------------------------------------------------- */

/* Denominators that are periods, not units of the table. */
static const struct
{
  const char *code;
  const char *words[4];
} periods[] = {
  { "year", { "year", "năm", "yr", NULL } },
  { "month", { "month", "tháng", NULL } },
  { "shift", { "shift", "ca", NULL } },
  { "batch", { "batch", "mẻ", NULL } },
};

static const char *
resolve_simple_unit (ShUnits    *units,
                     const char *text)
{
  g_autoptr(GPtrArray) all = NULL;
  const ShUnitInfo *info;

  if ((info = sh_units_lookup (units, text, NULL)) != NULL)
    return info->code;

  all = sh_units_list_units (units, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      info = all->pdata[i];
      if (g_strcmp0 (info->symbol, text) == 0 || g_strcmp0 (info->name_vi, text) == 0)
        return info->code;
    }

  return NULL;
}

char *
sh_report_resolve_unit (ShUnits    *units,
                        const char *text)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) parts = NULL;
  const char *numerator;
  const char *denominator = NULL;

  g_return_val_if_fail (units != NULL, NULL);

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return NULL;

  if ((numerator = resolve_simple_unit (units, copy)) != NULL)
    return g_strdup (numerator);

  parts = g_strsplit (copy, "/", -1);
  if (g_strv_length (parts) != 2)
    return NULL;
  g_strstrip (parts[0]);
  g_strstrip (parts[1]);

  if ((numerator = resolve_simple_unit (units, parts[0])) == NULL)
    return NULL;

  denominator = resolve_simple_unit (units, parts[1]);
  for (guint i = 0; denominator == NULL && i < G_N_ELEMENTS (periods); i++)
    for (guint w = 0; periods[i].words[w] != NULL; w++)
      if (g_str_equal (periods[i].words[w], parts[1]))
        denominator = periods[i].code;
  if (denominator == NULL)
    return NULL;

  return g_strdup_printf ("%s/%s", numerator, denominator);
}

/* -------------------------------------------------------------------------
 * Digests and UUIDs
 * ------------------------------------------------------------------------- */

static int
compare_attr_names (gconstpointer a,
                    gconstpointer b)
{
  const xmlAttr *x = *(const xmlAttr *const *) a;
  const xmlAttr *y = *(const xmlAttr *const *) b;

  return strcmp ((const char *) x->name, (const char *) y->name);
}

static gboolean
is_blank (const xmlChar *text)
{
  for (const xmlChar *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* Each part is tagged and NUL-terminated, so no two documents feed the
 * same bytes unless their content is the same. */
static void
digest_element (GChecksum *sum,
                xmlNode   *element)
{
  g_autoptr(GPtrArray) attrs = g_ptr_array_new ();

  g_checksum_update (sum, (const guchar *) "E", 1);
  g_checksum_update (sum, element->name, (gssize) strlen ((const char *) element->name) + 1);

  for (xmlAttr *a = element->properties; a != NULL; a = a->next)
    g_ptr_array_add (attrs, a);
  g_ptr_array_sort (attrs, compare_attr_names);
  for (guint i = 0; i < attrs->len; i++)
    {
      xmlAttr *a = attrs->pdata[i];
      xmlChar *value = xmlNodeListGetString (element->doc, a->children, 1);

      g_checksum_update (sum, (const guchar *) "A", 1);
      g_checksum_update (sum, a->name, (gssize) strlen ((const char *) a->name) + 1);
      g_checksum_update (sum, value != NULL ? value : (const xmlChar *) "", -1);
      g_checksum_update (sum, (const guchar *) "", 1);
      xmlFree (value);
    }

  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        digest_element (sum, child);
      else if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
               !is_blank (child->content))
        {
          g_checksum_update (sum, (const guchar *) "T", 1);
          g_checksum_update (sum, child->content, (gssize) strlen ((const char *) child->content) + 1);
        }
    }

  g_checksum_update (sum, (const guchar *) "e", 1);
}

char *
sh_report_digest (xmlNode *root)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (root != NULL, NULL);

  g_checksum_update (sum, root->name, (gssize) strlen ((const char *) root->name) + 1);
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && !xmlStrEqual (child->name, (const xmlChar *) "ThongTinTaiLieu"))
      digest_element (sum, child);

  return g_strdup (g_checksum_get_string (sum));
}

char *
sh_report_name_uuid (const char *name)
{
  /* Sạch Hơn's namespace for name-based UUIDs (RFC 4122 §4.3). */
  static const guint8 namespace_uuid[16] = {
    0x5a, 0xc4, 0xd0, 0xc0, 0x6e, 0x5f, 0x4a, 0x8b, 0x9c, 0x3d, 0x2b, 0x1f, 0x0e, 0x7a, 0x9d, 0x11,
  };
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (sum, namespace_uuid, sizeof namespace_uuid);
  g_checksum_update (sum, (const guchar *) name, -1);
  g_checksum_get_digest (sum, digest, &length);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* -------------------------------------------------------------------------
 * Documents
 * ------------------------------------------------------------------------- */

ShReportKind
sh_report_kind_of_root (xmlNode *root)
{
  const ShReportKind all[] = { SH_REPORT_KIND_ANNUAL, SH_REPORT_KIND_DOSSIER, SH_REPORT_KIND_ROLLUP };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (sh_report_node_is (root, sh_report_kind_get_root (all[i])))
      return all[i];

  return SH_REPORT_KIND_UNKNOWN;
}

void
sh_report_header_clear (ShReportHeader *header)
{
  g_clear_pointer (&header->document_uuid, g_free);
  g_clear_pointer (&header->schema_version, g_free);
  g_clear_pointer (&header->subject_uuid, g_free);
  g_clear_pointer (&header->generator, g_free);
  g_clear_pointer (&header->generator_version, g_free);
  g_clear_pointer (&header->created, g_free);
  g_clear_pointer (&header->reference_data, g_ptr_array_unref);
  header->revision = 0;
}

char *
sh_report_header_describe_reference_data (const ShReportHeader *header)
{
  GString *text;

  g_return_val_if_fail (header != NULL, NULL);

  if (header->reference_data == NULL || header->reference_data->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < header->reference_data->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", (const char *) header->reference_data->pdata[i]);
  return g_string_free (text, FALSE);
}

gboolean
sh_report_header_read (xmlNode        *root,
                       ShReportHeader *header)
{
  xmlNode *info = sh_report_first_child (root, "ThongTinTaiLieu");
  xmlNode *generator = sh_report_first_child (info, "PhanMemTao");
  g_autofree char *revision = NULL;

  memset (header, 0, sizeof *header);
  if (info == NULL)
    return FALSE;

  header->document_uuid = sh_report_child_text (info, "MaTaiLieu");
  header->schema_version = sh_report_child_text (info, "PhienBanLuocDo");
  header->subject_uuid = sh_report_child_text (info, "MaDoiTuong");
  header->generator = sh_report_child_text (generator, "Ten");
  header->generator_version = sh_report_child_text (generator, "PhienBan");
  header->created = sh_report_child_text (info, "ThoiDiemTao");
  header->reference_data = g_ptr_array_new_with_free_func (g_free);
  for (xmlNode *file = sh_report_first_child (sh_report_first_child (info, "DuLieuThamChieu"), "TepThamChieu");
       file != NULL; file = sh_report_next_sibling (file, "TepThamChieu"))
    {
      g_autofree char *kind = sh_report_child_text (file, "Loai");
      g_autofree char *version = sh_report_child_text (file, "PhienBan");

      if (kind != NULL && version != NULL)
        g_ptr_array_add (header->reference_data, g_strdup_printf ("%s %s", g_strstrip (kind), g_strstrip (version)));
    }
  revision = sh_report_child_text (info, "LanBanHanh");
  if (!sh_report_parse_int64 (revision, &header->revision))
    header->revision = 0;

  if (header->schema_version != NULL)
    g_strstrip (header->schema_version);

  return header->document_uuid != NULL && header->subject_uuid != NULL;
}

void
sh_report_document_free (ShReportDocument *document)
{
  if (document == NULL)
    return;

  g_clear_pointer (&document->doc, xmlFreeDoc);
  sh_report_header_clear (&document->header);
  g_free (document->digest);
  g_free (document->file_sha256);
  g_free (document);
}

/* -------------------------------------------------------------------------
 * The schema
 * ------------------------------------------------------------------------- */

static void
schema_compile_error_cb (void        *user_data,
                         XmlErrorArg *error)
{
  GString *messages = user_data;

  g_string_append_printf (messages, "line %d: %s", error->line, error->message ? error->message : "?");
}

static gpointer
compile_schema (gpointer user_data)
{
  g_autoptr(GBytes) xsd = NULL;
  g_autoptr(xmlSchemaParserCtxt) parser = NULL;
  g_autoptr(GString) messages = g_string_new (NULL);
  xmlSchema *schema;
  gsize size = 0;
  const char *data;

  sh_xml_safe_init ();

  /* Referencing the resource keeps its registration in the static library. */
  if (sh_core_get_resource () == NULL)
    g_error ("The core resources of Sạch Hơn are missing");
  xsd = g_resources_lookup_data (SH_REPORT_SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (xsd == NULL)
    g_error ("The report schema is missing from the core resources");
  data = g_bytes_get_data (xsd, &size);

  parser = xmlSchemaNewMemParserCtxt (data, (int) size);
  xmlSchemaSetParserStructuredErrors (parser, schema_compile_error_cb, messages);
  schema = xmlSchemaParse (parser);
  if (schema == NULL)
    g_error ("The report schema compiled into Sạch Hơn is broken: %s", messages->str);

  return schema;
}

xmlSchema *
sh_report_schema_get (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, compile_schema, NULL);
  return once.retval;
}

typedef struct
{
  GPtrArray *problems;
  gboolean   with_lines;
  guint      count;
} SchemaErrors;

static void
schema_error_cb (void        *user_data,
                 XmlErrorArg *error)
{
  SchemaErrors *errors = user_data;
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;
  g_autofree char *plain = NULL;
  g_auto(GStrv) parts = NULL;
  const char *expected;

  if (errors->count++ >= MAX_SCHEMA_PROBLEMS)
    {
      if (errors->count == MAX_SCHEMA_PROBLEMS + 1)
        g_ptr_array_add (errors->problems,
                         sh_report_problem_new (SH_REPORT_SEVERITY_ERROR, 0, NULL,
                                                _("More schema errors were found and are not shown.")));
      return;
    }

  /* libxml2 names elements with their namespace in braces; the namespace
   * is the same everywhere and only makes the message harder to read. */
  parts = g_strsplit (error->message != NULL ? error->message : "?", "{" SH_REPORT_NAMESPACE "}", -1);
  message = g_strchomp (g_strjoinv ("", parts));
  if (error->node != NULL)
    where = sh_report_node_path (error->node);

  /* The commonest error, a required element left out, in plainer words. */
  expected = strstr (message, "Expected is ( ");
  if (expected != NULL && strstr (message, " )") != NULL && error->node != NULL)
    {
      g_autofree char *names = g_strndup (expected + strlen ("Expected is ( "),
                                          strstr (expected, " )") - expected - strlen ("Expected is ( "));

      if (strstr (message, "This element is not expected") != NULL)
        plain = g_strdup_printf (_("%s is missing or out of order: found %s where %s was expected."),
                                 names, (const char *) ((xmlNode *) error->node)->name, names);
      else if (strstr (message, "Missing child element") != NULL)
        plain = g_strdup_printf (_("%s is missing in %s."), names, (const char *) ((xmlNode *) error->node)->name);
    }

  g_ptr_array_add (errors->problems,
                   sh_report_problem_new (error->level == XML_ERR_WARNING ? SH_REPORT_SEVERITY_WARNING
                                                                           : SH_REPORT_SEVERITY_ERROR,
                                          errors->with_lines ? error->line : 0, where,
                                          _("Does not follow the schema: %s"), plain != NULL ? plain : message));
}

gboolean
sh_report_schema_validate (xmlSchema *schema,
                           xmlDoc    *doc,
                           gboolean   with_lines,
                           GPtrArray *problems)
{
  g_autoptr(xmlSchemaValidCtxt) validator = NULL;
  SchemaErrors errors = { problems, with_lines, 0 };
  int rc;

  g_return_val_if_fail (schema != NULL, FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);

  validator = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (validator, schema_error_cb, &errors);
  rc = xmlSchemaValidateDoc (validator, doc);

  if (rc != 0 && errors.count == 0)
    g_ptr_array_add (problems, sh_report_problem_new (SH_REPORT_SEVERITY_ERROR, 0, NULL,
                                                      _("The document does not follow the schema.")));

  return rc == 0;
}
