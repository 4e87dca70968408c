/* sh-units.c — the one table of units, fuels and grid emission factors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "sh-core-resources.h"
#include "sh-units.h"

/* A units table is a few kilobytes; anything far bigger is not one. */
#define MAX_TABLE_SIZE (4 * 1024 * 1024)

/* libxml2 2.12 made the error handed to structured handlers const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError XmlErrorArg;
#else
typedef xmlError XmlErrorArg;
#endif

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchema, xmlSchemaFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt)

struct _ShUnits
{
  GObject       parent_instance;

  /* Every string of the table lives here, so the structs can point at them. */
  GStringChunk *strings;
  const char   *version;
  GHashTable   *bases;           /* dimension code → base unit code */
  GPtrArray    *units;           /* ShUnitInfo *, table order */
  GHashTable   *units_by_code;   /* code → ShUnitInfo * */
  GPtrArray    *fuels;           /* ShFuelInfo *, table order */
  GHashTable   *fuels_by_code;   /* code → ShFuelInfo * */
  GArray       *grid_factors;    /* ShGridFactor, by year */
};

G_DEFINE_FINAL_TYPE (ShUnits, sh_units, G_TYPE_OBJECT)

G_DEFINE_QUARK (sh-units-error-quark, sh_units_error)

typedef struct
{
  char *message;
  int   line;
} FirstError;

static void
sh_units_finalize (GObject *object)
{
  ShUnits *self = SH_UNITS (object);

  g_clear_pointer (&self->bases, g_hash_table_unref);
  g_clear_pointer (&self->units_by_code, g_hash_table_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->fuels_by_code, g_hash_table_unref);
  g_clear_pointer (&self->fuels, g_ptr_array_unref);
  g_clear_pointer (&self->grid_factors, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (sh_units_parent_class)->finalize (object);
}

static void
sh_units_class_init (ShUnitsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sh_units_finalize;
}

static void
sh_units_init (ShUnits *self)
{
  self->strings = g_string_chunk_new (4096);
  self->bases = g_hash_table_new (g_str_hash, g_str_equal);
  self->units = g_ptr_array_new_with_free_func (g_free);
  self->units_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->fuels = g_ptr_array_new_with_free_func (g_free);
  self->fuels_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->grid_factors = g_array_new (FALSE, FALSE, sizeof (ShGridFactor));
}

static void
first_error_clear (FirstError *first)
{
  g_clear_pointer (&first->message, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FirstError, first_error_clear)

static void
keep_first_error_cb (void        *user_data,
                     XmlErrorArg *xml_error)
{
  FirstError *first = user_data;

  if (first->message != NULL)
    return;

  first->message = g_strdup (xml_error->message != NULL ? xml_error->message : "?");
  g_strchomp (first->message);
  first->line = xml_error->line;
}

/* Referencing the core resource pulls its object file, and so its automatic
 * registration, out of the static library. */
static void
ensure_core_resources (void)
{
  if (sh_core_get_resource () == NULL)
    g_error ("The core resources of Sạch Hơn are missing");
}

/* External entities are never fetched, from the network or from disk: the
 * loader is process-wide, so set it once. */
static void
refuse_external_entities (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      xmlSetExternalEntityLoader (xmlNoNetExternalEntityLoader);
      g_once_init_leave (&done, 1);
    }
}

static xmlDoc *
parse_table (GBytes      *bytes,
             const char  *name,
             GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDoc *doc;

  if (size > MAX_TABLE_SIZE)
    {
      g_set_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_PARSE,
                   _("%s is too large to be a units table"), name);
      return NULL;
    }

  refuse_external_entities ();

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory creating an XML parser");

  /* NONET is the only flag that changes what is parsed: never NOENT (it
   * would read local files through entities) nor HUGE. NOERROR and
   * NOWARNING only stop libxml2 from printing; errors still reach us. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *xml_error = xmlCtxtGetLastError (ctxt);
      g_autofree char *message = g_strdup (xml_error != NULL && xml_error->message != NULL
                                           ? xml_error->message : "?");

      g_strchomp (message);
      g_set_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_PARSE,
                   _("%s is not well-formed XML (line %d: %s)"),
                   name, xml_error != NULL ? xml_error->line : 0, message);
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }

  /* A DTD can declare entities and defaults that change the document; a
   * units table has no use for one, so refuse it outright. */
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_UNSAFE,
                   _("%s has a DOCTYPE declaration, which units tables must not have"), name);
      xmlFreeDoc (doc);
      return NULL;
    }

  return doc;
}

static gboolean
validate_table (xmlDoc      *doc,
                const char  *name,
                GError     **error)
{
  g_autoptr(GBytes) xsd = NULL;
  g_autoptr(xmlSchemaParserCtxt) parser = NULL;
  g_autoptr(xmlSchema) schema = NULL;
  g_autoptr(xmlSchemaValidCtxt) validator = NULL;
  g_auto(FirstError) first = { NULL, 0 };
  gsize size = 0;
  const char *data;

  ensure_core_resources ();
  xsd = g_resources_lookup_data (SH_UNITS_SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (xsd == NULL)
    g_error ("The units schema is missing from the core resources");
  data = g_bytes_get_data (xsd, &size);

  parser = xmlSchemaNewMemParserCtxt (data, (int) size);
  xmlSchemaSetParserStructuredErrors (parser, keep_first_error_cb, &first);
  schema = xmlSchemaParse (parser);
  if (schema == NULL)
    g_error ("The units schema compiled into Sạch Hơn is broken: %s", first.message);

  validator = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (validator, keep_first_error_cb, &first);
  if (xmlSchemaValidateDoc (validator, doc) != 0)
    {
      g_set_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_SCHEMA,
                   _("%s does not follow the units schema (line %d: %s)"),
                   name, first.line, first.message != NULL ? first.message : "?");
      return FALSE;
    }

  return TRUE;
}

/* The attribute's value, copied into the table's strings; NULL if absent. */
static const char *
get_attr (ShUnits    *self,
          xmlNode    *node,
          const char *attr)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) attr);
  const char *ret;

  if (value == NULL)
    return NULL;

  ret = g_string_chunk_insert_const (self->strings, (const char *) value);
  xmlFree (value);

  return ret;
}

/* Reads a number the schema has already checked. The schema's xs:double
 * still admits forms that make no sense as a factor, so check again. */
static gboolean
get_number (ShUnits     *self,
            xmlNode     *node,
            const char  *attr,
            double      *out,
            GError     **error)
{
  const char *text = get_attr (self, node, attr);
  char *end = NULL;
  double value;

  if (text == NULL)
    {
      *out = 0.0;
      return TRUE;
    }

  value = g_ascii_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;

  if (end == text || end == NULL || *end != '\0' || !isfinite (value) || value <= 0)
    {
      g_set_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_INVALID,
                   _("Line %d: %s=\"%s\" is not a positive number"),
                   (int) xmlGetLineNo (node), attr, text);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

static gboolean
read_unit (ShUnits  *self,
           xmlNode  *node,
           GError  **error)
{
  g_autofree ShUnitInfo *unit = g_new0 (ShUnitInfo, 1);

  unit->code = get_attr (self, node, "code");
  unit->dimension = get_attr (self, node, "dimension");
  unit->symbol = get_attr (self, node, "symbol");
  unit->name_vi = get_attr (self, node, "name-vi");
  unit->name_en = get_attr (self, node, "name-en");
  unit->source = get_attr (self, node, "source");
  unit->reliability = get_attr (self, node, "reliability");

  if (!get_number (self, node, "factor", &unit->factor, error))
    return FALSE;

  g_hash_table_insert (self->units_by_code, (gpointer) unit->code, unit);
  g_ptr_array_add (self->units, g_steal_pointer (&unit));

  return TRUE;
}

static gboolean
read_fuel (ShUnits  *self,
           xmlNode  *node,
           GError  **error)
{
  g_autofree ShFuelInfo *fuel = g_new0 (ShFuelInfo, 1);

  fuel->code = get_attr (self, node, "code");
  fuel->basis = get_attr (self, node, "basis");
  fuel->name_vi = get_attr (self, node, "name-vi");
  fuel->name_en = get_attr (self, node, "name-en");
  fuel->source = get_attr (self, node, "source");
  fuel->reliability = get_attr (self, node, "reliability");

  if (!get_number (self, node, "ncv", &fuel->ncv, error) ||
      !get_number (self, node, "density-kg-per-l", &fuel->density_kg_per_l, error))
    return FALSE;

  g_hash_table_insert (self->fuels_by_code, (gpointer) fuel->code, fuel);
  g_ptr_array_add (self->fuels, g_steal_pointer (&fuel));

  return TRUE;
}

static gboolean
read_grid_factor (ShUnits  *self,
                  xmlNode  *node,
                  GError  **error)
{
  ShGridFactor factor = { 0, };

  factor.year = (int) g_ascii_strtoll (get_attr (self, node, "year"), NULL, 10);
  factor.source = get_attr (self, node, "source");
  factor.reliability = get_attr (self, node, "reliability");

  if (!get_number (self, node, "t-co2-per-mwh", &factor.t_co2_per_mwh, error))
    return FALSE;

  g_array_append_val (self->grid_factors, factor);
  return TRUE;
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  const ShGridFactor *fa = a;
  const ShGridFactor *fb = b;

  return (fa->year > fb->year) - (fa->year < fb->year);
}

/* What the schema cannot say: a dimension's base unit must belong to it with
 * a factor of exactly 1, and NCVs in MJ/kg and MJ/m3 need those bases. */
static gboolean
check_table (ShUnits     *self,
             const char  *name,
             GError     **error)
{
  static const char * const fuel_bases[][2] = {
    { "mass", "kg" }, { "volume", "m3" }, { "energy", "MJ" },
  };
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, self->bases);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const ShUnitInfo *base = g_hash_table_lookup (self->units_by_code, value);

      if (base == NULL || !g_str_equal (base->dimension, key) || base->factor != 1.0)
        {
          g_set_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_INVALID,
                       _("%s: the base unit “%s” of dimension “%s” must belong to it "
                         "with factor 1"),
                       name, (const char *) value, (const char *) key);
          return FALSE;
        }
    }

  if (self->fuels->len == 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fuel_bases); i++)
    {
      const char *base = g_hash_table_lookup (self->bases, fuel_bases[i][0]);

      if (g_strcmp0 (base, fuel_bases[i][1]) != 0)
        {
          g_set_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_INVALID,
                       _("%s lists fuels, so it needs the dimension “%s” "
                         "with base unit “%s”"),
                       name, fuel_bases[i][0], fuel_bases[i][1]);
          return FALSE;
        }
    }

  return TRUE;
}

static ShUnits *
load_table (GBytes      *bytes,
            const char  *name,
            GError     **error)
{
  g_autoptr(ShUnits) self = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;

  doc = parse_table (bytes, name, error);
  if (doc == NULL || !validate_table (doc, name, error))
    return NULL;

  self = g_object_new (SH_TYPE_UNITS, NULL);
  root = xmlDocGetRootElement (doc);
  self->version = get_attr (self, root, "version");

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      gboolean ok = TRUE;

      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (xmlStrEqual (node->name, (const xmlChar *) "dimension"))
        g_hash_table_insert (self->bases,
                             (gpointer) get_attr (self, node, "code"),
                             (gpointer) get_attr (self, node, "base"));
      else if (xmlStrEqual (node->name, (const xmlChar *) "unit"))
        ok = read_unit (self, node, error);
      else if (xmlStrEqual (node->name, (const xmlChar *) "fuel"))
        ok = read_fuel (self, node, error);
      else if (xmlStrEqual (node->name, (const xmlChar *) "grid-factor"))
        ok = read_grid_factor (self, node, error);

      if (!ok)
        {
          g_prefix_error (error, "%s: ", name);
          return NULL;
        }
    }

  g_array_sort (self->grid_factors, compare_years);

  if (!check_table (self, name, error))
    return NULL;

  return g_steal_pointer (&self);
}

ShUnits *
sh_units_new_from_bytes (GBytes  *bytes,
                         GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_table (bytes, _("The units table"), error);
}

ShUnits *
sh_units_new_from_file (const char  *path,
                        GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return load_table (bytes, path, error);
}

ShUnits *
sh_units_new_from_resource (const char  *resource_path,
                            GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ensure_core_resources ();
  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return load_table (bytes, resource_path, error);
}

ShUnits *
sh_units_get_default (void)
{
  static ShUnits *default_units = NULL;

  if (g_once_init_enter (&default_units))
    {
      g_autoptr(GError) error = NULL;
      ShUnits *units = sh_units_new_from_resource (SH_UNITS_DEFAULT_RESOURCE, &error);

      if (units == NULL)
        g_error ("Cannot load the units table shipped with Sạch Hơn: %s", error->message);

      g_once_init_leave (&default_units, units);
    }

  return default_units;
}

const char *
sh_units_get_version (ShUnits *self)
{
  g_return_val_if_fail (SH_IS_UNITS (self), NULL);

  return self->version;
}

const ShUnitInfo *
sh_units_lookup (ShUnits     *self,
                 const char  *code,
                 GError     **error)
{
  const ShUnitInfo *unit;

  g_return_val_if_fail (SH_IS_UNITS (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  unit = g_hash_table_lookup (self->units_by_code, code);
  if (unit == NULL)
    g_set_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_UNKNOWN_UNIT,
                 _("Unknown unit “%s”"), code);

  return unit;
}

gboolean
sh_units_compatible (ShUnits    *self,
                     const char *from,
                     const char *to)
{
  const ShUnitInfo *a;
  const ShUnitInfo *b;

  g_return_val_if_fail (SH_IS_UNITS (self), FALSE);
  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  a = g_hash_table_lookup (self->units_by_code, from);
  b = g_hash_table_lookup (self->units_by_code, to);

  return a != NULL && b != NULL && g_str_equal (a->dimension, b->dimension);
}

static gboolean
check_value (double   value,
             GError **error)
{
  if (isfinite (value))
    return TRUE;

  g_set_error_literal (error, SH_UNITS_ERROR, SH_UNITS_ERROR_VALUE,
                       _("The quantity is not a number"));
  return FALSE;
}

static gboolean
set_mismatch (const ShUnitInfo  *from,
              const ShUnitInfo  *to,
              GError           **error)
{
  g_set_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_MISMATCH,
               _("Unit mismatch: cannot convert %s (%s) to %s (%s)"),
               from->code, from->dimension, to->code, to->dimension);
  return FALSE;
}

gboolean
sh_units_convert (ShUnits     *self,
                  double       value,
                  const char  *from,
                  const char  *to,
                  double      *out_value,
                  GError     **error)
{
  const ShUnitInfo *from_unit;
  const ShUnitInfo *to_unit;

  g_return_val_if_fail (SH_IS_UNITS (self), FALSE);
  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_value (value, error) ||
      (from_unit = sh_units_lookup (self, from, error)) == NULL ||
      (to_unit = sh_units_lookup (self, to, error)) == NULL)
    return FALSE;

  if (!g_str_equal (from_unit->dimension, to_unit->dimension))
    return set_mismatch (from_unit, to_unit, error);

  /* A unit to itself stays exact, with no multiply-then-divide rounding. */
  if (from_unit == to_unit)
    *out_value = value;
  else
    *out_value = value * from_unit->factor / to_unit->factor;

  return TRUE;
}

GPtrArray *
sh_units_list_units (ShUnits    *self,
                     const char *dimension)
{
  GPtrArray *ret;

  g_return_val_if_fail (SH_IS_UNITS (self), NULL);

  ret = g_ptr_array_new ();
  for (guint i = 0; i < self->units->len; i++)
    {
      const ShUnitInfo *unit = g_ptr_array_index (self->units, i);

      if (dimension == NULL || g_str_equal (unit->dimension, dimension))
        g_ptr_array_add (ret, (gpointer) unit);
    }

  return ret;
}

const ShFuelInfo *
sh_units_lookup_fuel (ShUnits     *self,
                      const char  *code,
                      GError     **error)
{
  const ShFuelInfo *fuel;

  g_return_val_if_fail (SH_IS_UNITS (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fuel = g_hash_table_lookup (self->fuels_by_code, code);
  if (fuel == NULL)
    g_set_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_UNKNOWN_FUEL,
                 _("Unknown fuel “%s”"), code);

  return fuel;
}

GPtrArray *
sh_units_list_fuels (ShUnits *self)
{
  GPtrArray *ret;

  g_return_val_if_fail (SH_IS_UNITS (self), NULL);

  ret = g_ptr_array_new ();
  for (guint i = 0; i < self->fuels->len; i++)
    g_ptr_array_add (ret, g_ptr_array_index (self->fuels, i));

  return ret;
}

gboolean
sh_units_fuel_energy (ShUnits     *self,
                      const char  *fuel,
                      double       quantity,
                      const char  *unit,
                      const char  *energy_unit,
                      double      *out_energy,
                      GError     **error)
{
  const ShFuelInfo *fuel_info;
  const ShUnitInfo *unit_info;
  const ShUnitInfo *energy_info;
  const ShUnitInfo *basis_unit;
  double amount;

  g_return_val_if_fail (SH_IS_UNITS (self), FALSE);
  g_return_val_if_fail (fuel != NULL, FALSE);
  g_return_val_if_fail (unit != NULL, FALSE);
  g_return_val_if_fail (energy_unit != NULL, FALSE);
  g_return_val_if_fail (out_energy != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_value (quantity, error) ||
      (fuel_info = sh_units_lookup_fuel (self, fuel, error)) == NULL ||
      (unit_info = sh_units_lookup (self, unit, error)) == NULL ||
      (energy_info = sh_units_lookup (self, energy_unit, error)) == NULL)
    return FALSE;

  /* check_table() made sure these base units exist whenever fuels do. */
  basis_unit = g_hash_table_lookup (self->units_by_code,
                                    g_hash_table_lookup (self->bases, fuel_info->basis));

  if (!g_str_equal (energy_info->dimension, "energy"))
    {
      g_set_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_MISMATCH,
                   _("Unit mismatch: the energy of a fuel cannot be given in %s (%s)"),
                   energy_info->code, energy_info->dimension);
      return FALSE;
    }

  if (!g_str_equal (unit_info->dimension, "mass") && !g_str_equal (unit_info->dimension, "volume"))
    {
      g_set_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_MISMATCH,
                   _("Unit mismatch: a fuel is measured by mass or volume, not in %s (%s)"),
                   unit_info->code, unit_info->dimension);
      return FALSE;
    }

  /* The quantity in kg or m3, whichever the NCV is given per. */
  amount = quantity * unit_info->factor;
  if (!g_str_equal (unit_info->dimension, basis_unit->dimension))
    {
      /* kg/L × 1000 = kg/m3 */
      double density_kg_per_m3 = fuel_info->density_kg_per_l * 1000.0;

      if (density_kg_per_m3 == 0.0)
        {
          g_set_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_NO_DENSITY,
                       _("The units table has no density for %s, so it cannot be "
                         "converted from %s; give the quantity in %s"),
                       fuel_info->code, unit_info->code, basis_unit->code);
          return FALSE;
        }

      if (g_str_equal (fuel_info->basis, "mass"))
        amount *= density_kg_per_m3;
      else
        amount /= density_kg_per_m3;
    }

  *out_energy = amount * fuel_info->ncv / energy_info->factor;
  return TRUE;
}

const ShGridFactor *
sh_units_grid_factor (ShUnits     *self,
                      int          year,
                      GError     **error)
{
  g_return_val_if_fail (SH_IS_UNITS (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = self->grid_factors->len; i > 0; i--)
    {
      const ShGridFactor *factor = &g_array_index (self->grid_factors, ShGridFactor, i - 1);

      if (factor->year <= year)
        return factor;
    }

  if (self->grid_factors->len == 0)
    g_set_error_literal (error, SH_UNITS_ERROR, SH_UNITS_ERROR_NO_FACTOR,
                         _("The units table has no grid emission factors"));
  else
    g_set_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_NO_FACTOR,
                 _("No grid emission factor for %d or earlier; the table starts in %d"),
                 year, g_array_index (self->grid_factors, ShGridFactor, 0).year);

  return NULL;
}
