/* sh-units.h — the one table of units, fuels and grid emission factors.
 *
 * Quantities in Sạch Hơn are doubles with a unit code stored beside them;
 * every conversion goes through an ShUnits table, never through a factor
 * written in C. The table ships as data/units.xml, compiled into the core
 * GResource; an updated table can be loaded from a file. Every table is
 * checked against data/schema/units.xsd before it is used.
 *
 * Every factor carries its source and a reliability tag ("V" verified,
 * "P" partly verified or derived, "M" from memory), so that a report can
 * say where a number came from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SH_UNITS_ERROR (sh_units_error_quark ())

typedef enum
{
  SH_UNITS_ERROR_PARSE,         /* the table is not well-formed XML */
  SH_UNITS_ERROR_UNSAFE,        /* the table has a DOCTYPE, which we never accept */
  SH_UNITS_ERROR_SCHEMA,        /* the table does not follow units.xsd */
  SH_UNITS_ERROR_INVALID,       /* the table follows the schema but contradicts itself */
  SH_UNITS_ERROR_UNKNOWN_UNIT,  /* no unit with that code */
  SH_UNITS_ERROR_UNKNOWN_FUEL,  /* no fuel with that code */
  SH_UNITS_ERROR_MISMATCH,      /* the units measure different things (kg and kWh) */
  SH_UNITS_ERROR_NO_DENSITY,    /* mass ↔ volume for a fuel the table gives no density for */
  SH_UNITS_ERROR_NO_FACTOR,     /* no grid emission factor for that year or before */
  SH_UNITS_ERROR_VALUE,         /* the quantity is not a finite number */
} ShUnitsError;

#define SH_UNITS_DEFAULT_RESOURCE "/org/sachhon/SachHon/core/units.xml"
#define SH_UNITS_SCHEMA_RESOURCE  "/org/sachhon/SachHon/core/schema/units.xsd"

/* A unit. The strings belong to the ShUnits that returned it. */
typedef struct
{
  const char *code;         /* "kWh"; what is stored beside a quantity */
  const char *dimension;    /* "energy" */
  const char *symbol;       /* "kWh"; what the UI shows after a number */
  const char *name_vi;
  const char *name_en;
  double      factor;       /* value in the dimension's base unit = value × factor */
  const char *source;
  const char *reliability;  /* "V", "P" or "M" */
} ShUnitInfo;

/* An energy carrier, by its net calorific value. */
typedef struct
{
  const char *code;              /* "diesel" */
  const char *name_vi;
  const char *name_en;
  const char *basis;             /* "mass": ncv is MJ/kg; "volume": ncv is MJ/m3 */
  double      ncv;
  double      density_kg_per_l;  /* 0 when the table gives none */
  const char *source;
  const char *reliability;
} ShFuelInfo;

/* Vietnam's grid emission factor for one year. */
typedef struct
{
  int         year;
  double      t_co2_per_mwh;
  const char *source;
  const char *reliability;
} ShGridFactor;

#define SH_TYPE_UNITS (sh_units_get_type ())

G_DECLARE_FINAL_TYPE (ShUnits, sh_units, SH, UNITS, GObject)

GQuark              sh_units_error_quark        (void);

/* The shipped table, loaded from SH_UNITS_DEFAULT_RESOURCE on first use and
 * shared afterwards (transfer none; thread-safe). The shipped table is
 * tested, so failing to load it is a build error and aborts. */
ShUnits            *sh_units_get_default        (void);
ShUnits            *sh_units_new_from_resource  (const char    *resource_path,
                                                 GError       **error);
ShUnits            *sh_units_new_from_file      (const char    *path,
                                                 GError       **error);
/* Parses and validates a table held in memory. */
ShUnits            *sh_units_new_from_bytes     (GBytes        *bytes,
                                                 GError       **error);

/* The version attribute of the table's root element, e.g. "2025.1". */
const char         *sh_units_get_version        (ShUnits       *self);

/* The unit with @code, or NULL and SH_UNITS_ERROR_UNKNOWN_UNIT. */
const ShUnitInfo   *sh_units_lookup             (ShUnits       *self,
                                                 const char    *code,
                                                 GError       **error);
/* Whether both codes are known units of the same dimension. */
gboolean            sh_units_compatible         (ShUnits       *self,
                                                 const char    *from,
                                                 const char    *to);
/* Converts @value from unit @from to unit @to. Units of different
 * dimensions are refused with SH_UNITS_ERROR_MISMATCH, naming both. */
gboolean            sh_units_convert            (ShUnits       *self,
                                                 double         value,
                                                 const char    *from,
                                                 const char    *to,
                                                 double        *out_value,
                                                 GError       **error);
/* The units of @dimension in table order (all units if @dimension is
 * NULL), for drop-downs. Elements are const ShUnitInfo * owned by @self. */
GPtrArray          *sh_units_list_units         (ShUnits       *self,
                                                 const char    *dimension);

/* The fuel with @code, or NULL and SH_UNITS_ERROR_UNKNOWN_FUEL. */
const ShFuelInfo   *sh_units_lookup_fuel        (ShUnits       *self,
                                                 const char    *code,
                                                 GError       **error);
/* All fuels in table order; elements are const ShFuelInfo * owned by @self. */
GPtrArray          *sh_units_list_fuels         (ShUnits       *self);
/* The energy in @energy_unit of @quantity @unit of @fuel. @unit may be a
 * mass or a volume; crossing from one to the other uses the fuel's density
 * (SH_UNITS_ERROR_NO_DENSITY if it has none). */
gboolean            sh_units_fuel_energy        (ShUnits       *self,
                                                 const char    *fuel,
                                                 double         quantity,
                                                 const char    *unit,
                                                 const char    *energy_unit,
                                                 double        *out_energy,
                                                 GError       **error);

/* The grid emission factor of the latest year ≤ @year (its year is in the
 * returned struct), or NULL and SH_UNITS_ERROR_NO_FACTOR when the table
 * starts after @year. */
const ShGridFactor *sh_units_grid_factor        (ShUnits       *self,
                                                 int            year,
                                                 GError       **error);

G_END_DECLS
