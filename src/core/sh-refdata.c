/* sh-refdata.c — reference data: sectors, options, lists, provinces, plans.
 *
 * Files are untrusted (a DoIT hands them out by e-mail), so they are parsed
 * with XML_PARSE_NONET only, external entities cannot be loaded, and a
 * document with a DOCTYPE is refused before and after parsing. Each file is
 * validated against the schema compiled into the core resource, then loaded
 * in one transaction that first deletes every row of its kind; the codes it
 * refers to in other kinds are checked inside the same transaction, so a file
 * that fails anywhere leaves the store as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>

#include "sh-core-resources.h"
#include "sh-refdata.h"
#include "sh-store-private.h"

#define REF_NS "urn:sachhon:reference:1"
#define RESOURCE_DIR "/org/sachhon/SachHon/core/"
#define MAX_REPORTED_ERRORS 5

G_DEFINE_QUARK (sh-refdata-error-quark, sh_refdata_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchema, xmlSchemaFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt)

static const char *kind_names[SH_REFDATA_N_KINDS] = {
  "lists", "sectors", "options", "provinces", "plans",
};

const char *
sh_refdata_kind_to_string (ShRefdataKind kind)
{
  g_return_val_if_fail (kind < SH_REFDATA_N_KINDS, NULL);

  return kind_names[kind];
}

void
sh_norm_check_free (ShNormCheck *check)
{
  if (check == NULL)
    return;

  g_free (check->unit);
  g_free (check->per_unit);
  g_free (check->instrument);
  g_free (check->product_vi);
  g_free (check->product_en);
  g_free (check->valid_from);
  g_free (check->valid_to);
  g_free (check->tag);
  g_free (check->source);
  g_free (check);
}

/* -------------------------------------------------------------------------
 * Parsing and validation
 * ------------------------------------------------------------------------- */

/* A DOCTYPE is the only way to declare entities; refusing it up front means
 * the parser never sees an entity declaration in a UTF-8 file. The check
 * after parsing catches other encodings. */
static gboolean
has_doctype (const char *data,
             gsize       len)
{
  static const char needle[] = "<!DOCTYPE";

  for (gsize i = 0; i + sizeof needle - 1 <= len; i++)
    if (data[i] == '<' && memcmp (data + i, needle, sizeof needle - 1) == 0)
      return TRUE;

  return FALSE;
}

static xmlDoc *
parse_safely (GBytes      *contents,
              const char  *name,
              GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  gsize len;
  const char *data = g_bytes_get_data (contents, &len);

  if (len > G_MAXINT)
    {
      g_set_error (error, SH_REFDATA_ERROR, SH_REFDATA_ERROR_PARSE,
                   _("%s: the file is too large"), name);
      return NULL;
    }

  if (has_doctype (data, len))
    {
      g_set_error (error, SH_REFDATA_ERROR, SH_REFDATA_ERROR_PARSE,
                   _("%s: a reference data file must not have a DOCTYPE"), name);
      return NULL;
    }

  xmlSetExternalEntityLoader (xmlNoNetExternalEntityLoader);

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory creating an XML parser");

  /* NONET is the only parsing option: never NOENT (it reads local files
   * through external entities) and never HUGE (it lifts the amplification
   * limits). NOERROR and NOWARNING only stop libxml2 printing to stderr; the
   * error still reaches the context, and from there the GError. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *xerr = xmlCtxtGetLastError (ctxt);
      g_autofree char *message = g_strdup (xerr != NULL && xerr->message != NULL
                                           ? xerr->message : "unknown error");

      g_strchomp (message);
      g_set_error (error, SH_REFDATA_ERROR, SH_REFDATA_ERROR_PARSE,
                   _("%s:%d: not well-formed XML: %s"),
                   name, xerr != NULL ? xerr->line : 0, message);
      return NULL;
    }

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, SH_REFDATA_ERROR, SH_REFDATA_ERROR_PARSE,
                   _("%s: a reference data file must not have a DOCTYPE"), name);
      return NULL;
    }

  return g_steal_pointer (&doc);
}

typedef struct
{
  GString *messages;
  guint    count;
} SchemaErrors;

static void
collect_schema_error (void     *user_data,
                      xmlError *xerr)
{
  SchemaErrors *errors = user_data;
  g_autofree char *message = NULL;

  errors->count++;
  if (errors->count > MAX_REPORTED_ERRORS)
    return;

  message = g_strdup (xerr->message != NULL ? xerr->message : "");
  g_strchomp (message);
  if (errors->messages->len > 0)
    g_string_append_c (errors->messages, '\n');
  g_string_append_printf (errors->messages, "%s:%d: %s",
                          xerr->file != NULL ? xerr->file : "?", xerr->line, message);
}

static xmlSchema *
load_schema (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlSchemaParserCtxt) pctxt = NULL;
  xmlSchema *schema;
  gsize len;
  const char *data;

  /* Referencing the resource keeps it linked into every program. */
  g_assert (sh_core_get_resource () != NULL);

  bytes = g_resources_lookup_data (RESOURCE_DIR "schema/reference.xsd",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  pctxt = xmlSchemaNewMemParserCtxt (data, (int) len);
  schema = pctxt != NULL ? xmlSchemaParse (pctxt) : NULL;
  if (schema == NULL)
    g_error ("The shipped schema reference.xsd does not compile");

  return schema;
}

static gboolean
validate_doc (xmlDoc         *doc,
              const char     *name,
              ShRefdataKind  *kind,
              GError        **error)
{
  g_autoptr(xmlSchema) schema = NULL;
  g_autoptr(xmlSchemaValidCtxt) vctxt = NULL;
  SchemaErrors errors = { NULL, 0 };
  xmlNode *root = xmlDocGetRootElement (doc);
  int rc;

  if (root == NULL || root->ns == NULL || g_strcmp0 ((const char *) root->ns->href, REF_NS) != 0)
    {
      g_set_error (error, SH_REFDATA_ERROR, SH_REFDATA_ERROR_INVALID,
                   _("%s: the root element is not in the namespace %s"), name, REF_NS);
      return FALSE;
    }

  schema = load_schema (error);
  if (schema == NULL)
    return FALSE;

  vctxt = xmlSchemaNewValidCtxt (schema);
  errors.messages = g_string_new (NULL);
  xmlSchemaSetValidStructuredErrors (vctxt, collect_schema_error, &errors);
  rc = xmlSchemaValidateDoc (vctxt, doc);

  if (rc != 0)
    {
      if (errors.count > MAX_REPORTED_ERRORS)
        {
          g_string_append_c (errors.messages, '\n');
          g_string_append_printf (errors.messages, _("… and %u more errors"),
                                  errors.count - MAX_REPORTED_ERRORS);
        }
      if (errors.messages->len == 0)
        g_string_append_printf (errors.messages, _("%s: does not match the schema"), name);
      else
        {
          /* Translators: before the validator's messages, one per line,
           * each with the file name and line number. */
          g_autofree char *intro = g_strdup_printf (_("%s does not follow the reference data schema (reference.xsd):"),
                                                    name);

          g_string_prepend_c (errors.messages, '\n');
          g_string_prepend (errors.messages, intro);
        }
      g_set_error_literal (error, SH_REFDATA_ERROR, SH_REFDATA_ERROR_INVALID, errors.messages->str);
      g_string_free (errors.messages, TRUE);
      return FALSE;
    }
  g_string_free (errors.messages, TRUE);

  for (guint i = 0; i < SH_REFDATA_N_KINDS; i++)
    if (g_strcmp0 ((const char *) root->name, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }

  g_set_error (error, SH_REFDATA_ERROR, SH_REFDATA_ERROR_INVALID,
               _("%s: unknown kind of reference data <%s>"), name, (const char *) root->name);
  return FALSE;
}

static xmlDoc *
read_and_validate (GBytes         *contents,
                   const char     *name,
                   ShRefdataKind  *kind,
                   GError        **error)
{
  g_autoptr(xmlDoc) doc = parse_safely (contents, name, error);

  if (doc == NULL || !validate_doc (doc, name, kind, error))
    return NULL;

  return g_steal_pointer (&doc);
}

gboolean
sh_refdata_validate (GBytes         *contents,
                     const char     *name,
                     ShRefdataKind  *kind,
                     GError        **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  ShRefdataKind k;

  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = read_and_validate (contents, name, &k, error);
  if (doc == NULL)
    return FALSE;
  if (kind != NULL)
    *kind = k;

  return TRUE;
}

/* -------------------------------------------------------------------------
 * Tree helpers
 * ------------------------------------------------------------------------- */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) node->name, name) == 0;
}

static xmlNode *
first_child (xmlNode    *parent,
             const char *name)
{
  for (xmlNode *n = parent->children; n != NULL; n = n->next)
    if (is_element (n, name))
      return n;

  return NULL;
}

/* An attribute as a g_malloc'ed string, or NULL. */
static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *ret;

  if (value == NULL)
    return NULL;
  ret = g_strdup ((const char *) value);
  xmlFree (value);

  return ret;
}

/* An attribute of the node or, failing that, of its nearest ancestor: tag and
 * source given on a list apply to its items. */
static char *
inherited_attr (xmlNode    *node,
                const char *name)
{
  for (xmlNode *n = node; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    {
      char *value = attr (n, name);

      if (value != NULL)
        return value;
    }

  return NULL;
}

static char *
element_text (xmlNode *node)
{
  xmlChar *content;
  char *ret;

  if (node == NULL)
    return NULL;

  content = xmlNodeGetContent (node);
  ret = g_strstrip (g_strdup ((const char *) content));
  xmlFree (content);

  return ret;
}

/* The <vi> or <en> text of @node's child @name (or of @node when @name is
 * NULL); NULL when absent. */
static char *
bilingual (xmlNode    *node,
           const char *name,
           const char *lang)
{
  xmlNode *holder = name != NULL ? first_child (node, name) : node;

  if (holder == NULL)
    return NULL;

  return element_text (first_child (holder, lang));
}

/* -------------------------------------------------------------------------
 * Inserting
 * ------------------------------------------------------------------------- */

/* Runs @sql with parameters described by @types, one character each:
 *   s  const char *, text (NULL binds NULL)
 *   n  const char *, a number in XML syntax (NULL binds NULL)
 *   i  gint64
 *   b  const char *, an xs:boolean ("true"/"1" → 1, otherwise 0)
 * The values come from a schema-valid file, so a number that does not parse
 * as a finite double means the schema and this code disagree. */
static gboolean
run (ShStore     *store,
     GError     **error,
     const char  *sql,
     const char  *types,
     ...)
{
  sqlite3_stmt *stmt = sh_store_prepare (store, sql, error);
  va_list args;
  int rc;
  int i = 1;

  if (stmt == NULL)
    return FALSE;

  va_start (args, types);
  for (const char *t = types; *t != '\0'; t++, i++)
    {
      switch (*t)
        {
        case 's':
          {
            const char *s = va_arg (args, const char *);
            if (s == NULL)
              sqlite3_bind_null (stmt, i);
            else
              sqlite3_bind_text (stmt, i, s, -1, SQLITE_TRANSIENT);
          }
          break;

        case 'n':
          {
            const char *s = va_arg (args, const char *);
            char *end = NULL;
            double d;

            if (s == NULL)
              {
                sqlite3_bind_null (stmt, i);
                break;
              }
            d = g_ascii_strtod (s, &end);
            if (end == s || *end != '\0' || !isfinite (d))
              {
                va_end (args);
                sqlite3_reset (stmt);
                g_set_error (error, SH_REFDATA_ERROR, SH_REFDATA_ERROR_INVALID,
                             _("“%s” is not a finite number"), s);
                return FALSE;
              }
            sqlite3_bind_double (stmt, i, d);
          }
          break;

        case 'i':
          sqlite3_bind_int64 (stmt, i, va_arg (args, gint64));
          break;

        case 'b':
          {
            const char *s = va_arg (args, const char *);
            sqlite3_bind_int (stmt, i, g_strcmp0 (s, "true") == 0 || g_strcmp0 (s, "1") == 0);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  va_end (args);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sh_store_set_sqlite_error (store, rc, error, "loading reference data");
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_lists (ShStore  *store,
            xmlNode  *root,
            GError  **error)
{
  static const struct { const char *element; const char *list; } lists[] = {
    { "option-categories", "option_category" },
    { "cause-categories", "cause_category" },
    { "screening-decisions", "screening" },
    { "cost-classes", "cost_class" },
    { "waste-types", "waste_type" },
    { "observation-categories", "observation_category" },
    { "evidence-kinds", "evidence_kind" },
  };

  if (!run (store, error, "DELETE FROM ref_list_value", ""))
    return FALSE;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      xmlNode *list = first_child (root, lists[l].element);
      gint64 seq = 0;

      g_assert (list != NULL);  /* required by the schema */

      for (xmlNode *item = list->children; item != NULL; item = item->next)
        {
          g_autofree char *code = NULL;
          g_autofree char *vi = NULL;
          g_autofree char *en = NULL;
          g_autofree char *desc_vi = NULL;
          g_autofree char *desc_en = NULL;
          g_autofree char *cost = NULL;
          g_autofree char *tag = NULL;
          g_autofree char *source = NULL;

          if (!is_element (item, "item"))
            continue;

          code = attr (item, "code");
          vi = element_text (first_child (item, "vi"));
          en = element_text (first_child (item, "en"));
          desc_vi = bilingual (item, "description", "vi");
          desc_en = bilingual (item, "description", "en");
          cost = attr (item, "typical-cost");
          tag = inherited_attr (item, "tag");
          source = inherited_attr (item, "source");

          if (!run (store, error,
                    "INSERT INTO ref_list_value (list, code, seq, name_vi, name_en, "
                    "description_vi, description_en, typical_cost, tag, source) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "ssisssssss", lists[l].list, code, ++seq, vi, en,
                    desc_vi, desc_en, cost, tag, source))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
load_step (ShStore     *store,
           const char  *sector,
           xmlNode     *step,
           gint64       seq,
           GError     **error)
{
  g_autofree char *code = attr (step, "code");
  g_autofree char *vi = bilingual (step, "name", "vi");
  g_autofree char *en = bilingual (step, "name", "en");
  g_autofree char *tag = inherited_attr (step, "tag");
  g_autofree char *source = inherited_attr (step, "source");
  gint64 step_id;
  gint64 flow_seq = 0;

  if (!run (store, error,
            "INSERT INTO ref_process_step (sector_code, seq, code, name_vi, name_en, tag, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            "sisssss", sector, seq, code, vi, en, tag, source))
    return FALSE;

  step_id = sqlite3_last_insert_rowid (sh_store_get_db (store));

  for (xmlNode *flow = step->children; flow != NULL; flow = flow->next)
    {
      g_autofree char *kind = NULL;
      g_autofree char *unit = NULL;
      g_autofree char *flow_vi = NULL;
      g_autofree char *flow_en = NULL;
      const char *direction;

      if (is_element (flow, "input"))
        direction = "input";
      else if (is_element (flow, "output"))
        direction = "output";
      else
        continue;

      kind = attr (flow, "kind");
      unit = attr (flow, "unit");
      flow_vi = bilingual (flow, NULL, "vi");
      flow_en = bilingual (flow, NULL, "en");

      if (!run (store, error,
                "INSERT INTO ref_step_flow (step_id, seq, direction, kind, name_vi, name_en, unit) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                "iisssss", step_id, ++flow_seq, direction, kind, flow_vi, flow_en, unit))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_benchmark (ShStore     *store,
                const char  *sector,
                xmlNode     *bm,
                gint64       seq,
                GError     **error)
{
  g_autofree char *code = attr (bm, "code");
  g_autofree char *indicator = attr (bm, "indicator");
  g_autofree char *value = attr (bm, "value");
  g_autofree char *min = attr (bm, "min");
  g_autofree char *max = attr (bm, "max");
  g_autofree char *unit = attr (bm, "unit");
  g_autofree char *per = attr (bm, "per");
  g_autofree char *per_quantity = attr (bm, "per-quantity");
  g_autofree char *year = attr (bm, "year");
  g_autofree char *basis_vi = bilingual (bm, "basis", "vi");
  g_autofree char *basis_en = bilingual (bm, "basis", "en");
  g_autofree char *note_vi = bilingual (bm, "note", "vi");
  g_autofree char *note_en = bilingual (bm, "note", "en");
  g_autofree char *tag = attr (bm, "tag");
  g_autofree char *source = attr (bm, "source");

  /* XSD 1.0 cannot say "value, or min and/or max, but not both". */
  if ((value != NULL) == (min != NULL || max != NULL))
    {
      g_set_error (error, SH_REFDATA_ERROR, SH_REFDATA_ERROR_INVALID,
                   _("Benchmark %s needs either a value or a range (min, max)"), code);
      return FALSE;
    }

  return run (store, error,
              "INSERT INTO ref_benchmark (code, sector_code, seq, indicator, value_min, value_max, "
              "unit, per_unit, per_quantity, year, basis_vi, basis_en, note_vi, note_en, tag, source) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, coalesce (?, 1), ?, ?, ?, ?, ?, ?, ?)",
              "ssisnnssnnssssss", code, sector, seq, indicator,
              value != NULL ? value : min, value != NULL ? value : max,
              unit, per, per_quantity, year, basis_vi, basis_en, note_vi, note_en, tag, source);
}

static gboolean
load_norm (ShStore     *store,
           const char  *sector,
           xmlNode     *norm,
           gint64       seq,
           GError     **error)
{
  g_autofree char *product = attr (norm, "product-code");
  g_autofree char *product_vi = bilingual (norm, "product", "vi");
  g_autofree char *product_en = bilingual (norm, "product", "en");
  g_autofree char *instrument = attr (norm, "instrument");
  g_autofree char *cap_min = attr (norm, "capacity-min");
  g_autofree char *cap_min_incl = attr (norm, "capacity-min-inclusive");
  g_autofree char *cap_max = attr (norm, "capacity-max");
  g_autofree char *cap_max_incl = attr (norm, "capacity-max-inclusive");
  g_autofree char *cap_unit = attr (norm, "capacity-unit");
  g_autofree char *valid_from = attr (norm, "valid-from");
  g_autofree char *valid_to = attr (norm, "valid-to");
  g_autofree char *value = attr (norm, "value");
  g_autofree char *unit = attr (norm, "unit");
  g_autofree char *per = attr (norm, "per");
  g_autofree char *tag = attr (norm, "tag");
  g_autofree char *source = attr (norm, "source");

  return run (store, error,
              "INSERT INTO ref_energy_norm (sector_code, seq, product_code, product_vi, product_en, "
              "instrument, capacity_min, capacity_min_incl, capacity_max, capacity_max_incl, "
              "capacity_unit, valid_from, valid_to, value, unit, per_unit, tag, source) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              "sissssnbnbsssnssss", sector, seq, product, product_vi, product_en, instrument,
              cap_min, cap_min_incl != NULL ? cap_min_incl : "true",
              cap_max, cap_max_incl != NULL ? cap_max_incl : "true",
              cap_unit, valid_from, valid_to, value, unit, per, tag, source);
}

static gboolean
load_sector (ShStore  *store,
             xmlNode  *sector,
             gint64    seq,
             GError  **error)
{
  g_autofree char *code = attr (sector, "code");
  g_autofree char *vi = bilingual (sector, "name", "vi");
  g_autofree char *en = bilingual (sector, "name", "en");
  g_autofree char *desc_vi = bilingual (sector, "description", "vi");
  g_autofree char *desc_en = bilingual (sector, "description", "en");
  g_autofree char *priority = attr (sector, "priority");
  g_autofree char *tag = attr (sector, "tag");
  g_autofree char *source = attr (sector, "source");
  g_autofree char *primary_vsic = NULL;
  gint64 n = 0;

  /* The primary VSIC code, or the first one when none is marked. */
  for (xmlNode *v = sector->children; v != NULL; v = v->next)
    {
      g_autofree char *is_primary = NULL;

      if (!is_element (v, "vsic"))
        continue;
      is_primary = attr (v, "primary");
      if (primary_vsic == NULL || g_strcmp0 (is_primary, "true") == 0 || g_strcmp0 (is_primary, "1") == 0)
        {
          g_free (primary_vsic);
          primary_vsic = attr (v, "code");
          if (g_strcmp0 (is_primary, "true") == 0 || g_strcmp0 (is_primary, "1") == 0)
            break;
        }
    }

  if (!run (store, error,
            "INSERT INTO ref_sector (code, seq, name_vi, name_en, description_vi, description_en, "
            "vsic_code, priority, tag, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            "sisssssbss", code, seq, vi, en, desc_vi, desc_en, primary_vsic,
            priority != NULL ? priority : "false", tag, source))
    return FALSE;

  for (xmlNode *v = sector->children; v != NULL; v = v->next)
    {
      g_autofree char *vsic = NULL;
      g_autofree char *is_primary = NULL;
      g_autofree char *v_vi = NULL;
      g_autofree char *v_en = NULL;
      g_autofree char *v_tag = NULL;
      g_autofree char *v_source = NULL;

      if (!is_element (v, "vsic"))
        continue;
      vsic = attr (v, "code");
      is_primary = attr (v, "primary");
      v_vi = bilingual (v, NULL, "vi");
      v_en = bilingual (v, NULL, "en");
      v_tag = attr (v, "tag");
      v_source = attr (v, "source");
      if (!run (store, error,
                "INSERT INTO ref_sector_vsic (sector_code, vsic_code, is_primary, name_vi, name_en, tag, source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                "ssbssss", code, vsic, g_strcmp0 (vsic, primary_vsic) == 0 ? "true" : "false",
                v_vi, v_en, v_tag, v_source))
        return FALSE;
    }

  n = 0;
  for (xmlNode *s = first_child (sector, "steps")->children; s != NULL; s = s->next)
    if (is_element (s, "step") && !load_step (store, code, s, ++n, error))
      return FALSE;

  n = 0;
  for (xmlNode *w = first_child (sector, "waste-streams")->children; w != NULL; w = w->next)
    {
      g_autofree char *w_code = NULL;
      g_autofree char *type = NULL;
      g_autofree char *step = NULL;
      g_autofree char *w_vi = NULL;
      g_autofree char *w_en = NULL;
      g_autofree char *w_desc_vi = NULL;
      g_autofree char *w_desc_en = NULL;
      g_autofree char *w_tag = NULL;
      g_autofree char *w_source = NULL;

      if (!is_element (w, "waste-stream"))
        continue;
      w_code = attr (w, "code");
      type = attr (w, "type");
      step = attr (w, "step");
      w_vi = bilingual (w, "name", "vi");
      w_en = bilingual (w, "name", "en");
      w_desc_vi = bilingual (w, "description", "vi");
      w_desc_en = bilingual (w, "description", "en");
      w_tag = inherited_attr (w, "tag");
      w_source = inherited_attr (w, "source");
      if (!run (store, error,
                "INSERT INTO ref_waste_stream (sector_code, seq, code, type, step_code, name_vi, name_en, "
                "description_vi, description_en, tag, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "sisssssssss", code, ++n, w_code, type, step, w_vi, w_en, w_desc_vi, w_desc_en,
                w_tag, w_source))
        return FALSE;
    }

  n = 0;
  for (xmlNode *c = first_child (sector, "checklist")->children; c != NULL; c = c->next)
    {
      g_autofree char *c_code = NULL;
      g_autofree char *category = NULL;
      g_autofree char *step = NULL;
      g_autofree char *q_vi = NULL;
      g_autofree char *q_en = NULL;
      g_autofree char *c_tag = NULL;
      g_autofree char *c_source = NULL;

      if (!is_element (c, "item"))
        continue;
      c_code = attr (c, "code");
      category = attr (c, "category");
      step = attr (c, "step");
      q_vi = bilingual (c, NULL, "vi");
      q_en = bilingual (c, NULL, "en");
      c_tag = inherited_attr (c, "tag");
      c_source = inherited_attr (c, "source");
      if (!run (store, error,
                "INSERT INTO ref_checklist_item (code, sector_code, seq, category, step_code, "
                "question_vi, question_en, tag, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "ssissssss", c_code, code, ++n, category, step, q_vi, q_en, c_tag, c_source))
        return FALSE;
    }

  n = 0;
  if (first_child (sector, "benchmarks") != NULL)
    for (xmlNode *b = first_child (sector, "benchmarks")->children; b != NULL; b = b->next)
      if (is_element (b, "benchmark") && !load_benchmark (store, code, b, ++n, error))
        return FALSE;

  n = 0;
  if (first_child (sector, "norms") != NULL)
    for (xmlNode *m = first_child (sector, "norms")->children; m != NULL; m = m->next)
      if (is_element (m, "norm") && !load_norm (store, code, m, ++n, error))
        return FALSE;

  return TRUE;
}

static gboolean
load_sectors (ShStore  *store,
              xmlNode  *root,
              GError  **error)
{
  gint64 n = 0;

  /* The other sector tables follow by ON DELETE CASCADE. */
  if (!run (store, error, "DELETE FROM ref_sector", ""))
    return FALSE;

  for (xmlNode *s = root->children; s != NULL; s = s->next)
    if (is_element (s, "sector") && !load_sector (store, s, ++n, error))
      return FALSE;

  return TRUE;
}

static gboolean
load_options (ShStore  *store,
              xmlNode  *root,
              GError  **error)
{
  gint64 n = 0;

  if (!run (store, error, "DELETE FROM ref_option", ""))
    return FALSE;

  for (xmlNode *g = root->children; g != NULL; g = g->next)
    {
      g_autofree char *sector = NULL;

      if (!is_element (g, "group"))
        continue;
      sector = attr (g, "sector");

      for (xmlNode *o = g->children; o != NULL; o = o->next)
        {
          g_autofree char *code = NULL;
          g_autofree char *category = NULL;
          g_autofree char *cost = NULL;
          g_autofree char *step = NULL;
          g_autofree char *t_vi = NULL;
          g_autofree char *t_en = NULL;
          g_autofree char *d_vi = NULL;
          g_autofree char *d_en = NULL;
          g_autofree char *resource = NULL;
          g_autofree char *min_pct = NULL;
          g_autofree char *max_pct = NULL;
          g_autofree char *s_tag = NULL;
          g_autofree char *s_source = NULL;
          g_autofree char *tag = NULL;
          g_autofree char *source = NULL;
          xmlNode *saving;

          if (!is_element (o, "option"))
            continue;
          saving = first_child (o, "saving");
          code = attr (o, "code");
          category = attr (o, "category");
          cost = attr (o, "cost");
          step = attr (o, "step");
          t_vi = bilingual (o, "title", "vi");
          t_en = bilingual (o, "title", "en");
          d_vi = bilingual (o, "description", "vi");
          d_en = bilingual (o, "description", "en");
          resource = attr (saving, "resource");
          min_pct = attr (saving, "min-pct");
          max_pct = attr (saving, "max-pct");
          s_tag = attr (saving, "tag");
          s_source = attr (saving, "source");
          tag = inherited_attr (o, "tag");
          source = inherited_attr (o, "source");

          if (!run (store, error,
                    "INSERT INTO ref_option (code, sector_code, seq, category, cost_class, step_code, "
                    "title_vi, title_en, description_vi, description_en, saving_resource, "
                    "saving_min_pct, saving_max_pct, saving_tag, saving_source, tag, source) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "ssissssssssnnssss", code, sector, ++n, category, cost, step, t_vi, t_en,
                    d_vi, d_en, resource, min_pct, max_pct, s_tag, s_source, tag, source))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
load_provinces (ShStore  *store,
                xmlNode  *root,
                GError  **error)
{
  gint64 n = 0;

  if (!run (store, error, "DELETE FROM ref_province", ""))
    return FALSE;

  for (xmlNode *set = root->children; set != NULL; set = set->next)
    {
      g_autofree char *set_code = NULL;
      g_autofree char *valid_from = NULL;
      g_autofree char *valid_to = NULL;

      if (!is_element (set, "set"))
        continue;
      set_code = attr (set, "code");
      valid_from = attr (set, "valid-from");
      valid_to = attr (set, "valid-to");

      for (xmlNode *p = set->children; p != NULL; p = p->next)
        {
          g_autofree char *code = NULL;
          g_autofree char *kind = NULL;
          g_autofree char *successor = NULL;
          g_autofree char *vi = NULL;
          g_autofree char *en = NULL;
          g_autofree char *doit_vi = NULL;
          g_autofree char *doit_en = NULL;
          g_autofree char *tag = NULL;
          g_autofree char *source = NULL;

          if (!is_element (p, "province"))
            continue;
          code = attr (p, "code");
          kind = attr (p, "kind");
          successor = attr (p, "successor");
          vi = bilingual (p, "name", "vi");
          en = bilingual (p, "name", "en");
          doit_vi = bilingual (p, "doit", "vi");
          doit_en = bilingual (p, "doit", "en");
          tag = inherited_attr (p, "tag");
          source = inherited_attr (p, "source");

          if (!run (store, error,
                    "INSERT INTO ref_province (code, set_code, seq, kind, name_vi, name_en, doit_vi, "
                    "doit_en, valid_from, valid_to, successor_code, tag, source) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "ssissssssssss", code, set_code, ++n, kind, vi, en, doit_vi, doit_en,
                    valid_from, valid_to, successor, tag, source))
            {
              /* Two units with one code in one set break UNIQUE (code, valid_from). */
              g_prefix_error (error, _("Province %s in set %s: "), code, set_code);
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
load_targets (ShStore     *store,
              xmlNode     *owner,
              const char  *instrument,
              const char  *plan,
              GError     **error)
{
  gint64 n = 0;

  for (xmlNode *t = owner->children; t != NULL; t = t->next)
    {
      g_autofree char *indicator = NULL;
      g_autofree char *from_year = NULL;
      g_autofree char *to_year = NULL;
      g_autofree char *value = NULL;
      g_autofree char *value_max = NULL;
      g_autofree char *unit = NULL;
      g_autofree char *sector = NULL;
      g_autofree char *vi = NULL;
      g_autofree char *en = NULL;
      g_autofree char *tag = NULL;
      g_autofree char *source = NULL;

      if (!is_element (t, "target"))
        continue;
      indicator = attr (t, "indicator");
      from_year = attr (t, "from-year");
      to_year = attr (t, "to-year");
      value = attr (t, "value");
      value_max = attr (t, "value-max");
      unit = attr (t, "unit");
      sector = attr (t, "sector");
      vi = bilingual (t, "subject", "vi");
      en = bilingual (t, "subject", "en");
      tag = inherited_attr (t, "tag");
      source = inherited_attr (t, "source");

      if (!run (store, error,
                "INSERT INTO ref_target (instrument, plan_code, seq, indicator, from_year, to_year, "
                "value, value_max, unit, sector_code, subject_vi, subject_en, tag, source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "ssisnnnnssssss", instrument, plan, ++n, indicator, from_year, to_year,
                value, value_max, unit, sector, vi, en, tag, source))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_plans (ShStore  *store,
            xmlNode  *root,
            GError  **error)
{
  gint64 n_instruments = 0;
  gint64 n_plans = 0;

  if (!run (store, error, "DELETE FROM ref_target", "") ||
      !run (store, error, "DELETE FROM ref_plan_sector", "") ||
      !run (store, error, "DELETE FROM ref_plan", "") ||
      !run (store, error, "DELETE FROM ref_instrument", ""))
    return FALSE;

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (is_element (node, "instrument"))
        {
          g_autofree char *number = attr (node, "number");
          g_autofree char *kind = attr (node, "kind");
          g_autofree char *issuer = attr (node, "issuer");
          g_autofree char *date = attr (node, "date");
          g_autofree char *in_force = attr (node, "in-force");
          g_autofree char *status = attr (node, "status");
          g_autofree char *vi = bilingual (node, "title", "vi");
          g_autofree char *en = bilingual (node, "title", "en");
          g_autofree char *note_vi = bilingual (node, "note", "vi");
          g_autofree char *note_en = bilingual (node, "note", "en");
          g_autofree char *tag = attr (node, "tag");
          g_autofree char *source = attr (node, "source");

          if (!run (store, error,
                    "INSERT INTO ref_instrument (number, seq, kind, issuer, date, in_force, status, "
                    "title_vi, title_en, note_vi, note_en, tag, source) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "sisssssssssss", number, ++n_instruments, kind, issuer, date, in_force, status,
                    vi, en, note_vi, note_en, tag, source) ||
              !load_targets (store, node, number, NULL, error))
            return FALSE;
        }
      else if (is_element (node, "plan"))
        {
          g_autofree char *code = attr (node, "code");
          g_autofree char *province = attr (node, "province");
          g_autofree char *number = attr (node, "number");
          g_autofree char *date = attr (node, "date");
          g_autofree char *from_year = attr (node, "from-year");
          g_autofree char *to_year = attr (node, "to-year");
          g_autofree char *deadline = attr (node, "report-deadline");
          g_autofree char *basis = attr (node, "basis");
          g_autofree char *vi = bilingual (node, "title", "vi");
          g_autofree char *en = bilingual (node, "title", "en");
          g_autofree char *focal_vi = bilingual (node, "focal-unit", "vi");
          g_autofree char *focal_en = bilingual (node, "focal-unit", "en");
          g_autofree char *tag = attr (node, "tag");
          g_autofree char *source = attr (node, "source");
          gint64 n_priorities = 0;

          if (!run (store, error,
                    "INSERT INTO ref_plan (code, seq, province_code, number, date, from_year, to_year, "
                    "report_deadline, basis, title_vi, title_en, focal_unit_vi, focal_unit_en, tag, source) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "sisssnnssssssss", code, ++n_plans, province, number, date, from_year, to_year,
                    deadline, basis, vi, en, focal_vi, focal_en, tag, source) ||
              !load_targets (store, node, NULL, code, error))
            return FALSE;

          for (xmlNode *p = node->children; p != NULL; p = p->next)
            {
              g_autofree char *sector = NULL;
              g_autofree char *p_vi = NULL;
              g_autofree char *p_en = NULL;

              if (!is_element (p, "priority"))
                continue;
              sector = attr (p, "sector");
              p_vi = bilingual (p, NULL, "vi");
              p_en = bilingual (p, NULL, "en");
              if (!run (store, error,
                        "INSERT INTO ref_plan_sector (plan_code, seq, sector_code, name_vi, name_en) "
                        "VALUES (?, ?, ?, ?, ?)",
                        "sisss", code, ++n_priorities, sector, p_vi, p_en))
                return FALSE;
            }
        }
    }

  return TRUE;
}

/* Codes that one kind takes from another. Each query returns the first
 * offending row as (what, code) or nothing. They run after every load, so
 * reloading sectors cannot strand an option, nor provinces a plan. */
static const struct
{
  const char *sql;
  const char *message;
} reference_checks[] = {
  { "SELECT code, sector_code FROM ref_option WHERE sector_code IS NOT NULL "
    "AND sector_code NOT IN (SELECT code FROM ref_sector) LIMIT 1",
    N_("An option refers to an unknown sector") },
  { "SELECT o.code, o.step_code FROM ref_option o WHERE o.step_code IS NOT NULL AND NOT EXISTS "
    "(SELECT 1 FROM ref_process_step s WHERE s.sector_code = o.sector_code AND s.code = o.step_code) LIMIT 1",
    N_("An option refers to a step its sector does not have") },
  { "SELECT w.sector_code || '/' || w.code, w.step_code FROM ref_waste_stream w WHERE w.step_code IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM ref_process_step s WHERE s.sector_code = w.sector_code "
    "AND s.code = w.step_code) LIMIT 1",
    N_("A waste stream refers to a step its sector does not have") },
  { "SELECT c.code, c.step_code FROM ref_checklist_item c WHERE c.step_code IS NOT NULL AND NOT EXISTS "
    "(SELECT 1 FROM ref_process_step s WHERE s.sector_code = c.sector_code AND s.code = c.step_code) LIMIT 1",
    N_("A checklist item refers to a step its sector does not have") },
  { "SELECT p.code || '@' || p.valid_from, p.successor_code FROM ref_province p WHERE "
    "(p.valid_to IS NULL) != (p.successor_code IS NULL) OR (p.successor_code IS NOT NULL AND NOT EXISTS "
    "(SELECT 1 FROM ref_province q WHERE q.code = p.successor_code "
    "AND q.valid_from = date (p.valid_to, '+1 day'))) LIMIT 1",
    N_("A province that ends has no successor starting the next day") },
  { "SELECT p.code, p.province_code FROM ref_plan p WHERE NOT EXISTS "
    "(SELECT 1 FROM ref_province q WHERE q.code = p.province_code AND q.valid_from <= p.date "
    "AND (q.valid_to IS NULL OR q.valid_to >= p.date)) LIMIT 1",
    N_("A plan refers to a province that did not exist on the plan’s date") },
  { "SELECT coalesce (t.plan_code, t.instrument), t.sector_code FROM ref_target t "
    "WHERE t.sector_code IS NOT NULL AND t.sector_code NOT IN (SELECT code FROM ref_sector) LIMIT 1",
    N_("A target refers to an unknown sector") },
  { "SELECT plan_code, sector_code FROM ref_plan_sector WHERE sector_code IS NOT NULL "
    "AND sector_code NOT IN (SELECT code FROM ref_sector) LIMIT 1",
    N_("A plan names an unknown priority sector") },
};

static gboolean
check_references (ShStore     *store,
                  const char  *name,
                  GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (reference_checks); i++)
    {
      sqlite3_stmt *stmt = sh_store_prepare (store, reference_checks[i].sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_autofree char *what = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          g_autofree char *code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));

          sqlite3_reset (stmt);
          g_set_error (error, SH_REFDATA_ERROR, SH_REFDATA_ERROR_REFERENCE,
                       "%s: %s (%s → “%s”)", name, _(reference_checks[i].message),
                       what != NULL ? what : "?", code != NULL ? code : "");
          return FALSE;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          sh_store_set_sqlite_error (store, rc, error, "checking reference data");
          return FALSE;
        }
    }

  return TRUE;
}

/* -------------------------------------------------------------------------
 * Versions and loading
 * ------------------------------------------------------------------------- */

/* Compares dotted versions numerically: "1.10" > "1.9". */
static int
compare_versions (const char *a,
                  const char *b)
{
  g_auto(GStrv) pa = g_strsplit (a, ".", -1);
  g_auto(GStrv) pb = g_strsplit (b, ".", -1);
  guint na = g_strv_length (pa);
  guint nb = g_strv_length (pb);

  for (guint i = 0; i < MAX (na, nb); i++)
    {
      guint64 va = i < na ? g_ascii_strtoull (pa[i], NULL, 10) : 0;
      guint64 vb = i < nb ? g_ascii_strtoull (pb[i], NULL, 10) : 0;

      if (va != vb)
        return va < vb ? -1 : 1;
    }

  return 0;
}

char *
sh_refdata_get_version (ShStore       *store,
                        ShRefdataKind  kind)
{
  sqlite3_stmt *stmt;
  char *version = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < SH_REFDATA_N_KINDS, NULL);

  stmt = sh_store_prepare (store, "SELECT version FROM reference_version WHERE kind = ?", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, kind_names[kind], -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return version;
}

static gboolean
load_bytes (ShStore     *store,
            GBytes      *contents,
            const char  *name,
            const char  *origin,
            gboolean     only_if_newer,
            GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *file_version = NULL;
  g_autofree char *file_date = NULL;
  g_autofree char *loaded = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *basename = NULL;
  ShRefdataKind kind;
  xmlNode *root;
  gboolean ok;

  doc = read_and_validate (contents, name, &kind, error);
  if (doc == NULL)
    return FALSE;

  root = xmlDocGetRootElement (doc);
  file_version = attr (root, "version");
  file_date = attr (root, "date");

  loaded = sh_refdata_get_version (store, kind);
  if (loaded != NULL)
    {
      int cmp = compare_versions (file_version, loaded);

      if (only_if_newer && cmp <= 0)
        return TRUE;
      if (cmp < 0)
        {
          g_set_error (error, SH_REFDATA_ERROR, SH_REFDATA_ERROR_OLDER,
                       _("%s: version %s is older than the loaded %s version %s"),
                       name, file_version, kind_names[kind], loaded);
          return FALSE;
        }
    }

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents);
  basename = g_path_get_basename (name);

  if (!sh_store_begin (store, error))
    return FALSE;

  switch (kind)
    {
    case SH_REFDATA_KIND_LISTS:
      ok = load_lists (store, root, error);
      break;
    case SH_REFDATA_KIND_SECTORS:
      ok = load_sectors (store, root, error);
      break;
    case SH_REFDATA_KIND_OPTIONS:
      ok = load_options (store, root, error);
      break;
    case SH_REFDATA_KIND_PROVINCES:
      ok = load_provinces (store, root, error);
      break;
    case SH_REFDATA_KIND_PLANS:
      ok = load_plans (store, root, error);
      break;
    case SH_REFDATA_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  ok = ok &&
       check_references (store, name, error) &&
       run (store, error,
            "INSERT OR REPLACE INTO reference_version (kind, file_name, version, file_date, sha256, "
            "origin, loaded_at) VALUES (?, ?, ?, ?, ?, ?, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))",
            "ssssss", kind_names[kind], basename, file_version, file_date, sha256, origin);

  if (!ok)
    {
      sh_store_rollback (store);
      return FALSE;
    }

  /* A failed commit rolls back by itself. */
  if (!sh_store_commit (store, error))
    return FALSE;

  g_debug ("Loaded %s version %s from %s", kind_names[kind], file_version, name);
  return TRUE;
}

gboolean
sh_refdata_ensure_loaded (ShStore  *store,
                          GError  **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_assert (sh_core_get_resource () != NULL);

  /* In dependency order: options need sectors, plans need provinces. */
  for (guint i = 0; i < SH_REFDATA_N_KINDS; i++)
    {
      g_autofree char *path = g_strdup_printf (RESOURCE_DIR "reference/%s.xml", kind_names[i]);
      g_autofree char *name = g_strdup_printf ("%s.xml", kind_names[i]);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

      if (bytes == NULL || !load_bytes (store, bytes, name, "shipped", TRUE, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
sh_refdata_load_file (ShStore     *store,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return FALSE;

  return load_bytes (store, bytes, path, "import", FALSE, error);
}

typedef struct
{
  const char    *path;
  GBytes        *bytes;
  ShRefdataKind  kind;
} ImportFile;

static void
import_file_clear (ImportFile *file)
{
  g_clear_pointer (&file->bytes, g_bytes_unref);
}

static int
compare_import_files (gconstpointer a,
                      gconstpointer b)
{
  const ImportFile *fa = a;
  const ImportFile *fb = b;

  return (int) fa->kind - (int) fb->kind;
}

gboolean
sh_refdata_import_files (ShStore             *store,
                         const char * const  *paths,
                         ShRefdataKind      **kinds,
                         GError             **error)
{
  g_autoptr(GArray) files = NULL;
  guint n;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = g_strv_length ((char **) paths);
  files = g_array_sized_new (FALSE, TRUE, sizeof (ImportFile), n);
  g_array_set_clear_func (files, (GDestroyNotify) import_file_clear);

  /* Read and check every file before touching the store, so that the kinds
   * are known and the files can be loaded in dependency order. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) gfile = g_file_new_for_path (paths[i]);
      ImportFile file = { paths[i], NULL, 0 };

      file.bytes = g_file_load_bytes (gfile, NULL, NULL, error);
      if (file.bytes == NULL)
        return FALSE;
      g_array_append_val (files, file);
      if (!sh_refdata_validate (file.bytes, paths[i], &g_array_index (files, ImportFile, i).kind, error))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (g_array_index (files, ImportFile, i).kind == g_array_index (files, ImportFile, j).kind)
        {
          g_set_error (error, SH_REFDATA_ERROR, SH_REFDATA_ERROR_INVALID,
                       _("%s and %s are both %s files: import one of them"),
                       paths[i], paths[j], kind_names[g_array_index (files, ImportFile, i).kind]);
          return FALSE;
        }

  if (kinds != NULL)
    {
      *kinds = g_new (ShRefdataKind, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        (*kinds)[i] = g_array_index (files, ImportFile, i).kind;
    }

  g_array_sort (files, compare_import_files);

  if (!sh_store_begin (store, error))
    goto failed;

  for (guint i = 0; i < n; i++)
    {
      ImportFile *file = &g_array_index (files, ImportFile, i);

      if (!load_bytes (store, file->bytes, file->path, "import", FALSE, error))
        {
          sh_store_rollback (store);
          goto failed;
        }
    }

  if (!sh_store_commit (store, error))
    goto failed;

  return TRUE;

failed:
  if (kinds != NULL)
    g_clear_pointer (kinds, g_free);
  return FALSE;
}

/* -------------------------------------------------------------------------
 * Queries
 * ------------------------------------------------------------------------- */

static ShRecord *
row_to_record (sqlite3_stmt *stmt,
               const char   *table)
{
  ShRecord *record = sh_record_new (table);
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      const char *column = sqlite3_column_name (stmt, i);

      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_INTEGER:
          if (g_strcmp0 (column, "id") == 0)
            sh_record_set_id (record, sqlite3_column_int64 (stmt, i));
          sh_record_set_int (record, column, sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          sh_record_set_double (record, column, sqlite3_column_double (stmt, i));
          break;
        case SQLITE_NULL:
          sh_record_set_null (record, column);
          break;
        case SQLITE_TEXT:
        case SQLITE_BLOB:
        default:
          sh_record_set_string (record, column, (const char *) sqlite3_column_text (stmt, i));
          break;
        }
    }

  return record;
}

/* Runs @sql with text parameters (NULL-terminated) and returns all rows. */
static GPtrArray *
query (ShStore     *store,
       const char  *table,
       GError     **error,
       const char  *sql,
       ...)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_record_unref);
  sqlite3_stmt *stmt = sh_store_prepare (store, sql, error);
  const char *param;
  va_list args;
  int i = 1;
  int rc;

  if (stmt == NULL)
    return NULL;

  va_start (args, sql);
  while ((param = va_arg (args, const char *)) != NULL)
    sqlite3_bind_text (stmt, i++, param, -1, SQLITE_TRANSIENT);
  va_end (args);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_to_record (stmt, table));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sh_store_set_sqlite_error (store, rc, error, "reading reference data");
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static ShRecord *
take_first (GPtrArray   *rows,
            GError     **error,
            const char  *what,
            const char  *code)
{
  g_autoptr(GPtrArray) owned = rows;

  if (owned == NULL)
    return NULL;
  if (owned->len == 0)
    {
      g_set_error (error, SH_REFDATA_ERROR, SH_REFDATA_ERROR_NOT_FOUND,
                   _("No %s has the code “%s”"), what, code);
      return NULL;
    }

  return sh_record_ref (g_ptr_array_index (owned, 0));
}

GPtrArray *
sh_refdata_list_versions (ShStore  *store,
                          GError  **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);

  return query (store, "reference_version", error,
                "SELECT * FROM reference_version ORDER BY CASE kind "
                "WHEN 'lists' THEN 0 WHEN 'sectors' THEN 1 WHEN 'options' THEN 2 "
                "WHEN 'provinces' THEN 3 ELSE 4 END", NULL);
}

GPtrArray *
sh_refdata_list_sector_vsic (ShStore     *store,
                             const char  *sector,
                             GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (sector != NULL, NULL);

  return query (store, "ref_sector_vsic", error,
                "SELECT * FROM ref_sector_vsic WHERE sector_code = ? ORDER BY is_primary DESC, vsic_code",
                sector, NULL);
}

GPtrArray *
sh_refdata_list_plan_sectors (ShStore     *store,
                              const char  *plan_code,
                              GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_code != NULL, NULL);

  return query (store, "ref_plan_sector", error,
                "SELECT * FROM ref_plan_sector WHERE plan_code = ? ORDER BY seq", plan_code, NULL);
}

GPtrArray *
sh_refdata_list_instrument_norms (ShStore     *store,
                                  const char  *instrument,
                                  GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (instrument != NULL, NULL);

  return query (store, "ref_energy_norm", error,
                "SELECT * FROM ref_energy_norm WHERE instrument = ? ORDER BY seq", instrument, NULL);
}

GPtrArray *
sh_refdata_list_instruments (ShStore  *store,
                             GError  **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);

  return query (store, "ref_instrument", error, "SELECT * FROM ref_instrument ORDER BY seq", NULL);
}

GPtrArray *
sh_refdata_list_sectors (ShStore  *store,
                         GError  **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);

  return query (store, "ref_sector", error, "SELECT * FROM ref_sector ORDER BY seq", NULL);
}

ShRecord *
sh_refdata_get_sector (ShStore     *store,
                       const char  *sector,
                       GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (sector != NULL, NULL);

  return take_first (query (store, "ref_sector", error,
                            "SELECT * FROM ref_sector WHERE code = ?", sector, NULL),
                     error, _("sector"), sector);
}

GPtrArray *
sh_refdata_list_steps (ShStore     *store,
                       const char  *sector,
                       GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (sector != NULL, NULL);

  return query (store, "ref_process_step", error,
                "SELECT * FROM ref_process_step WHERE sector_code = ? ORDER BY seq", sector, NULL);
}

GPtrArray *
sh_refdata_list_step_flows (ShStore  *store,
                            gint64    step_id,
                            GError  **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, step_id);
  return query (store, "ref_step_flow", error,
                "SELECT * FROM ref_step_flow WHERE step_id = CAST (? AS INTEGER) "
                "ORDER BY direction = 'output', seq", id, NULL);
}

GPtrArray *
sh_refdata_list_waste_streams (ShStore     *store,
                               const char  *sector,
                               GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (sector != NULL, NULL);

  return query (store, "ref_waste_stream", error,
                "SELECT * FROM ref_waste_stream WHERE sector_code = ? ORDER BY seq", sector, NULL);
}

GPtrArray *
sh_refdata_list_checklist (ShStore     *store,
                           const char  *sector,
                           GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (sector != NULL, NULL);

  return query (store, "ref_checklist_item", error,
                "SELECT * FROM ref_checklist_item WHERE sector_code = ? ORDER BY seq", sector, NULL);
}

GPtrArray *
sh_refdata_list_benchmarks (ShStore     *store,
                            const char  *sector,
                            GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (sector != NULL, NULL);

  return query (store, "ref_benchmark", error,
                "SELECT * FROM ref_benchmark WHERE sector_code = ? ORDER BY seq", sector, NULL);
}

GPtrArray *
sh_refdata_list_norms (ShStore     *store,
                       const char  *sector,
                       GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (sector != NULL, NULL);

  return query (store, "ref_energy_norm", error,
                "SELECT * FROM ref_energy_norm WHERE sector_code = ? ORDER BY seq", sector, NULL);
}

GPtrArray *
sh_refdata_list_options (ShStore     *store,
                         const char  *sector,
                         GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);

  if (sector == NULL)
    return query (store, "ref_option", error, "SELECT * FROM ref_option ORDER BY seq", NULL);

  return query (store, "ref_option", error,
                "SELECT * FROM ref_option WHERE sector_code = ?1 OR sector_code IS NULL "
                "ORDER BY sector_code IS NULL, seq", sector, NULL);
}

ShRecord *
sh_refdata_get_option (ShStore     *store,
                       const char  *code,
                       GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return take_first (query (store, "ref_option", error,
                            "SELECT * FROM ref_option WHERE code = ?", code, NULL),
                     error, _("option"), code);
}

GPtrArray *
sh_refdata_list_values (ShStore     *store,
                        const char  *list,
                        GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (list != NULL, NULL);

  return query (store, "ref_list_value", error,
                "SELECT * FROM ref_list_value WHERE list = ? ORDER BY seq", list, NULL);
}

ShRecord *
sh_refdata_lookup_province (ShStore     *store,
                            const char  *code,
                            const char  *date,
                            GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  return take_first (query (store, "ref_province", error,
                            "SELECT * FROM ref_province WHERE code = ?1 AND valid_from <= ?2 "
                            "AND (valid_to IS NULL OR valid_to >= ?2)", code, date, NULL),
                     error, _("province"), code);
}

ShRecord *
sh_refdata_resolve_province (ShStore     *store,
                             const char  *code,
                             const char  *date,
                             GError     **error)
{
  g_autoptr(ShRecord) current = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  /* The unit the code last named on or before @date, then its successors
   * until one is valid on @date. */
  rows = query (store, "ref_province", error,
                "SELECT * FROM ref_province WHERE code = ?1 AND valid_from <= ?2 "
                "ORDER BY valid_from DESC LIMIT 1", code, date, NULL);
  current = take_first (g_steal_pointer (&rows), error, _("province"), code);
  if (current == NULL)
    return NULL;

  /* A chain longer than the number of reorganisations would be a loop; the
   * loader refuses those, this bound only guards against a damaged store. */
  for (guint hops = 0; hops < 16; hops++)
    {
      const char *valid_to = sh_record_get_string (current, "valid_to");
      const char *successor = sh_record_get_string (current, "successor_code");
      g_autoptr(GPtrArray) next = NULL;

      if (valid_to == NULL || g_strcmp0 (valid_to, date) >= 0)
        return g_steal_pointer (&current);
      if (successor == NULL)
        break;

      next = query (store, "ref_province", error,
                    "SELECT * FROM ref_province WHERE code = ?1 AND valid_from = date (?2, '+1 day')",
                    successor, valid_to, NULL);
      g_clear_pointer (&current, sh_record_unref);
      current = take_first (g_steal_pointer (&next), error, _("province"), successor);
      if (current == NULL)
        return NULL;
    }

  g_set_error (error, SH_REFDATA_ERROR, SH_REFDATA_ERROR_NOT_FOUND,
               _("Province %s has no successor on %s"), code, date);
  return NULL;
}

GPtrArray *
sh_refdata_list_provinces (ShStore     *store,
                           const char  *date,
                           GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);

  if (date == NULL)
    return query (store, "ref_province", error,
                  "SELECT * FROM ref_province ORDER BY valid_from, seq", NULL);

  return query (store, "ref_province", error,
                "SELECT * FROM ref_province WHERE valid_from <= ?1 "
                "AND (valid_to IS NULL OR valid_to >= ?1) ORDER BY seq", date, NULL);
}

GPtrArray *
sh_refdata_list_plans (ShStore     *store,
                       const char  *province_code,
                       GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (province_code != NULL, NULL);

  return query (store, "ref_plan", error,
                "SELECT * FROM ref_plan WHERE province_code = ? ORDER BY date, seq", province_code, NULL);
}

GPtrArray *
sh_refdata_list_province_targets (ShStore     *store,
                                  const char  *province_code,
                                  GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (province_code != NULL, NULL);

  return query (store, "ref_target", error,
                "SELECT t.* FROM ref_target t JOIN ref_plan p ON p.code = t.plan_code "
                "WHERE p.province_code = ? ORDER BY p.date, p.seq, t.seq", province_code, NULL);
}

GPtrArray *
sh_refdata_list_instrument_targets (ShStore     *store,
                                    const char  *instrument,
                                    GError     **error)
{
  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (instrument != NULL, NULL);

  return query (store, "ref_target", error,
                "SELECT * FROM ref_target WHERE instrument = ? ORDER BY seq", instrument, NULL);
}

static gboolean
capacity_in_band (ShRecord *norm,
                  double    capacity)
{
  gboolean has_min = !sh_record_is_null (norm, "capacity_min");
  gboolean has_max = !sh_record_is_null (norm, "capacity_max");
  double min = sh_record_get_double (norm, "capacity_min", 0);
  double max = sh_record_get_double (norm, "capacity_max", 0);

  if (!has_min && !has_max)
    return TRUE;
  if (capacity < 0)
    return FALSE;

  if (has_min)
    {
      if (sh_record_get_boolean (norm, "capacity_min_incl") ? capacity < min : capacity <= min)
        return FALSE;
    }
  if (has_max)
    {
      if (sh_record_get_boolean (norm, "capacity_max_incl") ? capacity > max : capacity >= max)
        return FALSE;
    }

  return TRUE;
}

ShNormCheck *
sh_refdata_check_norm (ShStore     *store,
                       const char  *product_code,
                       double       capacity,
                       const char  *date,
                       double       value,
                       GError     **error)
{
  g_autoptr(GPtrArray) norms = NULL;
  g_autofree char *day = NULL;
  ShNormCheck *check;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (product_code != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  /* A bare year means the state of the rules at its end, when the year's
   * consumption is known and reported. */
  day = strlen (date) == 4 ? g_strconcat (date, "-12-31", NULL) : g_strdup (date);

  norms = query (store, "ref_energy_norm", error,
                 "SELECT * FROM ref_energy_norm WHERE product_code = ?1 AND valid_from <= ?2 "
                 "AND valid_to >= ?2 ORDER BY seq", product_code, day, NULL);
  if (norms == NULL)
    return NULL;

  check = g_new0 (ShNormCheck, 1);
  check->verdict = SH_NORM_NONE;
  check->value = value;

  for (guint i = 0; i < norms->len; i++)
    {
      ShRecord *norm = g_ptr_array_index (norms, i);

      if (!capacity_in_band (norm, capacity))
        continue;

      check->limit = sh_record_get_double (norm, "value", 0);
      check->verdict = value > check->limit ? SH_NORM_ABOVE : SH_NORM_WITHIN;
      check->unit = g_strdup (sh_record_get_string (norm, "unit"));
      check->per_unit = g_strdup (sh_record_get_string (norm, "per_unit"));
      check->instrument = g_strdup (sh_record_get_string (norm, "instrument"));
      check->product_vi = g_strdup (sh_record_get_string (norm, "product_vi"));
      check->product_en = g_strdup (sh_record_get_string (norm, "product_en"));
      check->valid_from = g_strdup (sh_record_get_string (norm, "valid_from"));
      check->valid_to = g_strdup (sh_record_get_string (norm, "valid_to"));
      check->tag = g_strdup (sh_record_get_string (norm, "tag"));
      check->source = g_strdup (sh_record_get_string (norm, "source"));
      break;
    }

  return check;
}
