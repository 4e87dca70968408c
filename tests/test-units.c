/* test-units.c — the units table: conversions, fuels, grid factors, and refusing bad tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sh-calc.h"
#include "sh-units.h"
#include "sh-test-utils.h"

static ShUnits *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = sh_test_source_path ("tests", "data", "units", name, NULL);

  return sh_units_new_from_file (path, error);
}

static double
convert (const char *from,
         const char *to,
         double      value)
{
  g_autoptr(GError) error = NULL;
  double out = NAN;

  g_assert_true (sh_units_convert (sh_units_get_default (), value, from, to, &out, &error));
  g_assert_no_error (error);

  return out;
}

static void
test_default_table (void)
{
  g_autoptr(GError) error = NULL;
  ShUnits *units = sh_units_get_default ();
  const ShUnitInfo *kwh;
  const ShUnitInfo *brick;

  g_assert_true (SH_IS_UNITS (units));
  g_assert_true (units == sh_units_get_default ());
  g_assert_cmpstr (sh_units_get_version (units), ==, "2025.1");

  kwh = sh_units_lookup (units, "kWh", &error);
  g_assert_no_error (error);
  g_assert_nonnull (kwh);
  g_assert_cmpstr (kwh->dimension, ==, "energy");
  g_assert_cmpstr (kwh->symbol, ==, "kWh");
  g_assert_cmpstr (kwh->name_vi, ==, "kilôoát giờ");
  g_assert_cmpstr (kwh->name_en, ==, "kilowatt hour");
  g_assert_cmpfloat (kwh->factor, ==, 3.6);
  g_assert_cmpstr (kwh->reliability, ==, "V");
  g_assert_true (kwh->source != NULL && kwh->source[0] != '\0');

  brick = sh_units_lookup (units, "brick_qtc", &error);
  g_assert_nonnull (brick);
  g_assert_cmpstr (brick->symbol, ==, "viên QTC");
}

static void
test_convert_energy (void)
{
  /* 1000 kWh × 3.6 MJ/kWh = 3600 MJ. */
  g_assert_cmpfloat_with_epsilon (convert ("kWh", "MJ", 1000), 3600, 1e-9);
  /* 1 TOE = 41 868 MJ = 41 868 / 3.6 kWh = 11 630 kWh. */
  g_assert_cmpfloat_with_epsilon (convert ("TOE", "kWh", 1), 11630, 1e-9);
  g_assert_cmpfloat_with_epsilon (convert ("TOE", "GJ", 1), 41.868, 1e-12);
  /* 1000 TOE = 11 630 000 kWh = 11.63 GWh (DOMAIN: "≈ 11.6 million kWh"). */
  g_assert_cmpfloat_with_epsilon (convert ("TOE", "GWh", 1000), 11.63, 1e-12);
  /* 1 kWh = 3.6 / 41 868 TOE = 0.0000859845 TOE. */
  g_assert_cmpfloat_with_epsilon (convert ("kWh", "TOE", 1), 8.598452278589854e-05, 1e-18);
  /* 1 Gcal = 10⁶ × 4.1868 kJ = 4186.8 MJ; 1 TOE = 10 Gcal. */
  g_assert_cmpfloat_with_epsilon (convert ("Gcal", "MJ", 1), 4186.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (convert ("TOE", "Gcal", 1), 10, 1e-12);
  /* 2 MWh = 2000 kWh. */
  g_assert_cmpfloat_with_epsilon (convert ("MWh", "kWh", 2), 2000, 1e-9);
}

static void
test_convert_mass_volume_time (void)
{
  /* 2.5 t × 1000 = 2500 kg; 750 g / 1000 = 0.75 kg; 1 kg = 0.001 t. */
  g_assert_cmpfloat_with_epsilon (convert ("t", "kg", 2.5), 2500, 1e-9);
  g_assert_cmpfloat_with_epsilon (convert ("g", "kg", 750), 0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (convert ("kg", "t", 1), 0.001, 1e-15);
  /* 1 m3 = 1000 L; 5 hL = 500 L. */
  g_assert_cmpfloat_with_epsilon (convert ("m3", "L", 1), 1000, 1e-9);
  g_assert_cmpfloat_with_epsilon (convert ("hl", "L", 5), 500, 1e-9);
  /* 2 days = 48 h = 2880 min. */
  g_assert_cmpfloat_with_epsilon (convert ("day", "h", 2), 48, 1e-12);
  g_assert_cmpfloat_with_epsilon (convert ("day", "min", 2), 2880, 1e-9);
  /* 130 000 bricks = 130 thousand bricks. */
  g_assert_cmpfloat_with_epsilon (convert ("brick_qtc", "k_brick_qtc", 130000), 130, 1e-12);
  /* A unit to itself is exact. */
  g_assert_cmpfloat (convert ("kWh", "kWh", 0.1), ==, 0.1);
}

static void
test_convert_round_trip (void)
{
  ShUnits *units = sh_units_get_default ();
  g_autoptr(GPtrArray) all = sh_units_list_units (units, NULL);
  const double values[] = { 1, 0.001, 123456.789, -42.5 };
  guint pairs = 0;

  for (guint i = 0; i < all->len; i++)
    for (guint j = 0; j < all->len; j++)
      {
        const ShUnitInfo *a = g_ptr_array_index (all, i);
        const ShUnitInfo *b = g_ptr_array_index (all, j);

        if (!g_str_equal (a->dimension, b->dimension))
          continue;

        for (guint k = 0; k < G_N_ELEMENTS (values); k++)
          {
            double there = convert (a->code, b->code, values[k]);
            double back = convert (b->code, a->code, there);

            g_assert_cmpfloat_with_epsilon (back, values[k], fabs (values[k]) * 1e-12);
          }
        pairs++;
      }

  /* Ordered pairs within each dimension: mass 3², volume 3², energy 9², count 1²,
   * brick 2², time 4², i.e. 9 + 9 + 81 + 1 + 4 + 16 = 120. */
  g_assert_cmpuint (pairs, ==, 120);
}

static void
test_convert_mismatch (void)
{
  g_autoptr(GError) error = NULL;
  ShUnits *units = sh_units_get_default ();
  double out = 7;

  g_assert_false (sh_units_convert (units, 1, "kg", "kWh", &out, &error));
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "kg (mass)"));
  g_assert_nonnull (strstr (error->message, "kWh (energy)"));
  g_clear_error (&error);

  /* Standard bricks are not plain pieces: converting needs a product factor. */
  g_assert_false (sh_units_convert (units, 1000, "piece", "brick_qtc", &out, &error));
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_MISMATCH);

  g_assert_cmpfloat (out, ==, 7);
  g_assert_false (sh_units_compatible (units, "kg", "kWh"));
  g_assert_true (sh_units_compatible (units, "kg", "t"));
  g_assert_false (sh_units_compatible (units, "kg", "kgs"));
}

static void
test_convert_unknown (void)
{
  g_autoptr(GError) error = NULL;
  ShUnits *units = sh_units_get_default ();
  double out = 7;

  g_assert_false (sh_units_convert (units, 1, "kgs", "kg", &out, &error));
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_UNKNOWN_UNIT);
  g_assert_nonnull (strstr (error->message, "kgs"));
  g_clear_error (&error);

  g_assert_false (sh_units_convert (units, 1, "kg", "KG", &out, &error));
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_UNKNOWN_UNIT);
  g_clear_error (&error);

  g_assert_null (sh_units_lookup (units, "lb", &error));
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_UNKNOWN_UNIT);
  g_clear_error (&error);

  g_assert_false (sh_units_convert (units, NAN, "kg", "t", &out, &error));
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_VALUE);

  g_assert_cmpfloat (out, ==, 7);
}

static void
test_list_units (void)
{
  ShUnits *units = sh_units_get_default ();
  g_autoptr(GPtrArray) energy = sh_units_list_units (units, "energy");
  g_autoptr(GPtrArray) mass = sh_units_list_units (units, "mass");
  g_autoptr(GPtrArray) none = sh_units_list_units (units, "colour");
  const char * const energy_codes[] = {
    "kJ", "MJ", "GJ", "kWh", "MWh", "GWh", "kcal", "Gcal", "TOE",
  };
  const char * const mass_codes[] = { "g", "kg", "t" };

  g_assert_cmpuint (energy->len, ==, G_N_ELEMENTS (energy_codes));
  for (guint i = 0; i < energy->len; i++)
    g_assert_cmpstr (((const ShUnitInfo *) g_ptr_array_index (energy, i))->code, ==,
                     energy_codes[i]);

  g_assert_cmpuint (mass->len, ==, G_N_ELEMENTS (mass_codes));
  for (guint i = 0; i < mass->len; i++)
    g_assert_cmpstr (((const ShUnitInfo *) g_ptr_array_index (mass, i))->code, ==,
                     mass_codes[i]);

  g_assert_cmpuint (none->len, ==, 0);
}

static double
fuel_energy (const char *fuel,
             double      quantity,
             const char *unit,
             const char *energy_unit)
{
  g_autoptr(GError) error = NULL;
  double out = NAN;

  g_assert_true (sh_units_fuel_energy (sh_units_get_default (), fuel, quantity, unit,
                                       energy_unit, &out, &error));
  g_assert_no_error (error);

  return out;
}

static void
test_fuel_diesel_litres (void)
{
  const ShFuelInfo *diesel = sh_units_lookup_fuel (sh_units_get_default (), "diesel", NULL);

  g_assert_nonnull (diesel);
  g_assert_cmpstr (diesel->basis, ==, "mass");
  g_assert_cmpfloat (diesel->ncv, ==, 42.70536);
  g_assert_cmpfloat (diesel->density_kg_per_l, ==, 0.862745);
  g_assert_cmpstr (diesel->reliability, ==, "P");

  /* 200 L = 0.2 m3; × 862.745 kg/m3 = 172.549 kg; × 42.70536 MJ/kg = 7368.767 MJ. */
  g_assert_cmpfloat_with_epsilon (fuel_energy ("diesel", 200, "L", "MJ"), 7368.76716264, 1e-6);
  /* The same in TOE: 7368.767 / 41 868 = 0.1760000, which is MOIT's
   * 0.88 TOE per 1000 L × 0.2 = 0.176: the density round-trips. */
  g_assert_cmpfloat_with_epsilon (fuel_energy ("diesel", 200, "L", "TOE"), 0.176, 1e-6);
  /* By mass: 1 t × 1000 × 42.70536 = 42 705.36 MJ = 1.02 TOE, as in the MOIT table. */
  g_assert_cmpfloat_with_epsilon (fuel_energy ("diesel", 1, "t", "TOE"), 1.02, 1e-12);
}

static void
test_fuel_coal_gas_lpg (void)
{
  g_autoptr(GError) error = NULL;
  ShUnits *units = sh_units_get_default ();
  double out = 7;

  /* 2 t coal 3–4: 2000 kg × 25.1208 MJ/kg = 50 241.6 MJ = 2 × 0.6 = 1.2 TOE. */
  g_assert_cmpfloat_with_epsilon (fuel_energy ("coal_cam_3_4", 2, "t", "MJ"), 50241.6, 1e-6);
  g_assert_cmpfloat_with_epsilon (fuel_energy ("coal_cam_3_4", 2, "t", "TOE"), 1.2, 1e-12);

  /* Natural gas is per volume: 1000 m3 × 37.6812 MJ/m3 = 37 681.2 MJ = 0.9 TOE. */
  g_assert_cmpfloat_with_epsilon (fuel_energy ("natural_gas", 1000, "m3", "MJ"), 37681.2, 1e-6);
  g_assert_cmpfloat_with_epsilon (fuel_energy ("natural_gas", 1000, "m3", "TOE"), 0.9, 1e-12);

  /* LPG in kg: 12 kg × 45.63612 MJ/kg = 547.63344 MJ. */
  g_assert_cmpfloat_with_epsilon (fuel_energy ("lpg", 12, "kg", "MJ"), 547.63344, 1e-9);

  /* Neither gas by mass nor LPG by the litre has a density to go through. */
  g_assert_false (sh_units_fuel_energy (units, "natural_gas", 10, "kg", "MJ", &out, &error));
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_NO_DENSITY);
  g_clear_error (&error);
  g_assert_false (sh_units_fuel_energy (units, "lpg", 10, "L", "MJ", &out, &error));
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_NO_DENSITY);
  g_clear_error (&error);

  /* The result must be energy, and the quantity mass or volume. */
  g_assert_false (sh_units_fuel_energy (units, "diesel", 10, "L", "kg", &out, &error));
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_MISMATCH);
  g_clear_error (&error);
  g_assert_false (sh_units_fuel_energy (units, "diesel", 10, "kWh", "MJ", &out, &error));
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_MISMATCH);
  g_clear_error (&error);

  g_assert_false (sh_units_fuel_energy (units, "uranium", 10, "kg", "MJ", &out, &error));
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_UNKNOWN_FUEL);

  g_assert_cmpfloat (out, ==, 7);
}

static void
test_fuel_list (void)
{
  g_autoptr(GPtrArray) fuels = sh_units_list_fuels (sh_units_get_default ());
  gboolean seen_rice_husk = FALSE;

  g_assert_cmpuint (fuels->len, ==, 12);
  for (guint i = 0; i < fuels->len; i++)
    {
      const ShFuelInfo *fuel = g_ptr_array_index (fuels, i);

      /* Every factor says where it came from. */
      g_assert_true (fuel->source != NULL && fuel->source[0] != '\0');
      g_assert_nonnull (strchr ("VPM", fuel->reliability[0]));
      if (g_str_equal (fuel->code, "rice_husk"))
        {
          seen_rice_husk = TRUE;
          g_assert_cmpstr (fuel->reliability, ==, "M");
        }
    }
  g_assert_true (seen_rice_husk);
}

static void
test_grid_factor_fallback (void)
{
  g_autoptr(GError) error = NULL;
  ShUnits *units = sh_units_get_default ();
  const ShGridFactor *factor;
  double tonnes = 0;

  factor = sh_units_grid_factor (units, 2022, &error);
  g_assert_no_error (error);
  g_assert_cmpint (factor->year, ==, 2022);
  g_assert_cmpfloat (factor->t_co2_per_mwh, ==, 0.6766);
  g_assert_cmpstr (factor->reliability, ==, "V");
  g_assert_nonnull (strstr (factor->source, "327/BĐKH-PTCBT"));

  /* No factor for 2025 yet: the latest earlier one, 2023, with its year. */
  factor = sh_units_grid_factor (units, 2025, &error);
  g_assert_cmpint (factor->year, ==, 2023);
  g_assert_cmpfloat (factor->t_co2_per_mwh, ==, 0.6592);

  /* 50 000 kWh saved in 2025 at 0.6592 t/MWh: 50 × 0.6592 = 32.96 t CO2e. */
  g_assert_true (sh_calc_co2e_from_electricity (50000, factor->t_co2_per_mwh, &tonnes, &error));
  g_assert_cmpfloat_with_epsilon (tonnes, 32.96, 1e-9);

  factor = sh_units_grid_factor (units, 2014, &error);
  g_assert_cmpint (factor->year, ==, 2014);
  g_assert_cmpfloat (factor->t_co2_per_mwh, ==, 0.6612);

  g_assert_null (sh_units_grid_factor (units, 2013, &error));
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_NO_FACTOR);
  g_assert_nonnull (strstr (error->message, "2014"));
}

static void
test_load_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShUnits) units = load_fixture ("minimal.xml", &error);
  const ShGridFactor *factor;
  double out = 0;

  g_assert_no_error (error);
  g_assert_true (SH_IS_UNITS (units));
  g_assert_cmpstr (sh_units_get_version (units), ==, "test-1");

  /* The file's table, not the shipped one: it has no litres. */
  g_assert_null (sh_units_lookup (units, "L", &error));
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_UNKNOWN_UNIT);
  g_clear_error (&error);

  g_assert_true (sh_units_convert (units, 2, "t", "kg", &out, &error));
  g_assert_cmpfloat (out, ==, 2000);

  /* 3 t of test coal: 3000 kg × 20 MJ/kg = 60 000 MJ = 60 000 / 3.6 kWh. */
  g_assert_true (sh_units_fuel_energy (units, "test_coal", 3, "t", "kWh", &out, &error));
  g_assert_cmpfloat_with_epsilon (out, 60000 / 3.6, 1e-9);

  /* The file lists 2015 before 2010; 2012 still falls back to 2010. */
  factor = sh_units_grid_factor (units, 2012, &error);
  g_assert_no_error (error);
  g_assert_cmpint (factor->year, ==, 2010);
  g_assert_cmpfloat (factor->t_co2_per_mwh, ==, 0.4);
  factor = sh_units_grid_factor (units, 2100, &error);
  g_assert_cmpint (factor->year, ==, 2015);
}

static void
test_load_bytes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sh_test_source_path ("tests", "data", "units", "minimal.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ShUnits) units = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  bytes = g_bytes_new (contents, length);
  units = sh_units_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sh_units_get_version (units), ==, "test-1");
}

static void
test_load_doctype_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShUnits) units = load_fixture ("doctype.xml", &error);

  g_assert_null (units);
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_UNSAFE);
  g_assert_nonnull (strstr (error->message, "DOCTYPE"));
  g_assert_nonnull (strstr (error->message, "doctype.xml"));
}

static void
test_load_entity_bomb_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShUnits) units = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Expanded, the bomb would be 10⁹ characters; refusing it must be quick. */
  units = load_fixture ("billion-laughs.xml", &error);
  g_assert_null (units);
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, SH_UNITS_ERROR, SH_UNITS_ERROR_PARSE) ||
                 g_error_matches (error, SH_UNITS_ERROR, SH_UNITS_ERROR_UNSAFE));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

static void
test_load_schema_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShUnits) units = load_fixture ("unknown-dimension.xml", &error);

  g_assert_null (units);
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_SCHEMA);
  /* The message names the file, the line and what is wrong. */
  g_assert_nonnull (strstr (error->message, "unknown-dimension.xml"));
  g_assert_nonnull (strstr (error->message, "line 7"));
  g_assert_nonnull (strstr (error->message, "weight"));
  g_clear_error (&error);

  units = load_fixture ("bad-reliability.xml", &error);
  g_assert_null (units);
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "reliability"));
}

static void
test_load_inconsistent_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShUnits) units = load_fixture ("base-not-one.xml", &error);

  g_assert_null (units);
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“kg”"));
}

static void
test_load_malformed_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShUnits) units = load_fixture ("malformed.xml", &error);

  g_assert_null (units);
  g_assert_error (error, SH_UNITS_ERROR, SH_UNITS_ERROR_PARSE);
  g_clear_error (&error);

  units = load_fixture ("no-such-file.xml", &error);
  g_assert_null (units);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int   argc,
      char *argv[])
{
  sh_test_init (&argc, &argv);

  g_test_add_func ("/units/default/table", test_default_table);
  g_test_add_func ("/units/convert/energy", test_convert_energy);
  g_test_add_func ("/units/convert/mass-volume-time", test_convert_mass_volume_time);
  g_test_add_func ("/units/convert/round-trip", test_convert_round_trip);
  g_test_add_func ("/units/convert/mismatch", test_convert_mismatch);
  g_test_add_func ("/units/convert/unknown", test_convert_unknown);
  g_test_add_func ("/units/list/by-dimension", test_list_units);
  g_test_add_func ("/units/fuel/diesel-litres", test_fuel_diesel_litres);
  g_test_add_func ("/units/fuel/coal-gas-lpg", test_fuel_coal_gas_lpg);
  g_test_add_func ("/units/fuel/list", test_fuel_list);
  g_test_add_func ("/units/grid-factor/fallback", test_grid_factor_fallback);
  g_test_add_func ("/units/load/file", test_load_file);
  g_test_add_func ("/units/load/bytes", test_load_bytes);
  g_test_add_func ("/units/load/doctype-refused", test_load_doctype_refused);
  g_test_add_func ("/units/load/entity-bomb-refused", test_load_entity_bomb_refused);
  g_test_add_func ("/units/load/schema-refused", test_load_schema_refused);
  g_test_add_func ("/units/load/inconsistent-refused", test_load_inconsistent_refused);
  g_test_add_func ("/units/load/malformed-refused", test_load_malformed_refused);

  return g_test_run ();
}
