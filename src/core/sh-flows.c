/* sh-flows.c — an assessment's flows, sorted into mass, water and energy layers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sh-flows.h"

struct _ShFlowLayers
{
  GPtrArray *records;                   /* ShRecord, owns the strings */
  GPtrArray *flows[SH_FLOW_N_LAYERS];   /* ShLayerFlow */
  char      *units[SH_FLOW_N_LAYERS];
  GPtrArray *notes;                     /* char * */
};

static const char *layer_names[SH_FLOW_N_LAYERS] = { "mass", "water", "energy" };

const char *
sh_flow_layer_to_string (ShFlowLayer layer)
{
  g_return_val_if_fail (layer < SH_FLOW_N_LAYERS, NULL);

  return layer_names[layer];
}

gboolean
sh_flow_layer_from_string (const char  *text,
                           ShFlowLayer *out_layer)
{
  for (guint i = 0; i < SH_FLOW_N_LAYERS; i++)
    if (g_strcmp0 (text, layer_names[i]) == 0)
      {
        *out_layer = (ShFlowLayer) i;
        return TRUE;
      }

  return FALSE;
}

void
sh_flow_layers_free (ShFlowLayers *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < SH_FLOW_N_LAYERS; i++)
    {
      g_clear_pointer (&self->flows[i], g_ptr_array_unref);
      g_free (self->units[i]);
    }
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self);
}

/* Which layer a flow belongs to follows from what its unit measures: a mass
 * is material, a volume is water, an energy is energy; a fuel counted by
 * mass or volume joins the energy layer through its calorific value. */
static gboolean
classify (ShUnits     *units,
          ShRecord    *flow,
          ShFlowLayer *out_layer,
          char       **out_reason)
{
  const char *unit = sh_record_get_string (flow, "unit");
  const char *fuel = sh_record_get_string (flow, "fuel_code");
  const ShUnitInfo *info = sh_units_lookup (units, unit, NULL);

  if (info == NULL)
    {
      *out_reason = g_strdup_printf (_("unknown unit “%s”"), unit);
      return FALSE;
    }

  if (fuel != NULL && *fuel != '\0')
    *out_layer = SH_FLOW_LAYER_ENERGY;
  else if (g_str_equal (info->dimension, "mass"))
    *out_layer = SH_FLOW_LAYER_MASS;
  else if (g_str_equal (info->dimension, "volume"))
    *out_layer = SH_FLOW_LAYER_WATER;
  else if (g_str_equal (info->dimension, "energy"))
    *out_layer = SH_FLOW_LAYER_ENERGY;
  else
    {
      *out_reason = g_strdup_printf (_("a quantity in “%s” is not a mass, a volume or an energy"),
                                     info->symbol);
      return FALSE;
    }

  return TRUE;
}

/* The mass unit most flows use, so the diagram reads in the auditor's own
 * unit; ties go to tonnes. */
static char *
pick_mass_unit (ShUnits   *units,
                GPtrArray *records)
{
  guint tonnes = 0, others = 0;

  for (guint i = 0; i < records->len; i++)
    {
      const char *unit = sh_record_get_string (records->pdata[i], "unit");
      const ShUnitInfo *info = sh_units_lookup (units, unit, NULL);

      if (info == NULL || !g_str_equal (info->dimension, "mass") ||
          !sh_record_is_null (records->pdata[i], "fuel_code"))
        continue;
      if (g_str_equal (unit, "t"))
        tonnes++;
      else if (g_str_equal (unit, "kg"))
        others++;
    }

  return g_strdup (others > tonnes ? "kg" : "t");
}

ShFlowLayers *
sh_flow_layers_load (ShStore     *store,
                     ShUnits     *units,
                     gint64       assessment_id,
                     const char  *phase,
                     GError     **error)
{
  g_autoptr(ShFlowLayers) self = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (units != NULL, NULL);
  g_return_val_if_fail (phase != NULL, NULL);

  all = sh_store_list (store, "flow", "assessment_id", assessment_id, error);
  if (all == NULL)
    return NULL;

  self = g_new0 (ShFlowLayers, 1);
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_record_unref);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < SH_FLOW_N_LAYERS; i++)
    self->flows[i] = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (sh_record_get_string (all->pdata[i], "phase"), phase) == 0)
      g_ptr_array_add (self->records, sh_record_ref (all->pdata[i]));

  self->units[SH_FLOW_LAYER_MASS] = pick_mass_unit (units, self->records);
  self->units[SH_FLOW_LAYER_WATER] = g_strdup ("m3");
  self->units[SH_FLOW_LAYER_ENERGY] = g_strdup ("MJ");

  for (guint i = 0; i < self->records->len; i++)
    {
      ShRecord *record = self->records->pdata[i];
      const char *unit = sh_record_get_string (record, "unit");
      const char *fuel = sh_record_get_string (record, "fuel_code");
      const char *substance = sh_record_get_string (record, "substance");
      double quantity = sh_record_get_double (record, "quantity", 0);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *reason = NULL;
      ShLayerFlow *flow;
      ShFlowLayer layer;
      double value = 0;
      gboolean ok;

      if (!classify (units, record, &layer, &reason))
        {
          g_ptr_array_add (self->notes, g_strdup_printf (_("“%s” (%g %s) is not drawn: %s."),
                                                         substance, quantity, unit, reason));
          continue;
        }

      if (fuel != NULL && *fuel != '\0')
        ok = sh_units_fuel_energy (units, fuel, quantity, unit, self->units[layer], &value, &local_error);
      else
        ok = sh_units_convert (units, quantity, unit, self->units[layer], &value, &local_error);

      if (!ok)
        {
          g_ptr_array_add (self->notes, g_strdup_printf (_("“%s” (%g %s) is not drawn: %s"),
                                                         substance, quantity, unit,
                                                         local_error->message));
          continue;
        }

      flow = g_new0 (ShLayerFlow, 1);
      flow->id = sh_record_get_id (record);
      flow->from_step_id = sh_record_get_int (record, "from_step_id", 0);
      flow->to_step_id = sh_record_get_int (record, "to_step_id", 0);
      flow->from_label = sh_record_get_string (record, "from_label");
      flow->to_label = sh_record_get_string (record, "to_label");
      flow->substance = substance;
      flow->kind = sh_record_get_string (record, "kind");
      flow->estimated = g_strcmp0 (sh_record_get_string (record, "provenance"), "measured") != 0;
      flow->value = value;
      g_ptr_array_add (self->flows[layer], flow);
    }

  return g_steal_pointer (&self);
}

const char *
sh_flow_layers_get_unit (ShFlowLayers *self,
                         ShFlowLayer   layer)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (layer < SH_FLOW_N_LAYERS, NULL);

  return self->units[layer];
}

GPtrArray *
sh_flow_layers_get_flows (ShFlowLayers *self,
                          ShFlowLayer   layer)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (layer < SH_FLOW_N_LAYERS, NULL);

  return self->flows[layer];
}

GPtrArray *
sh_flow_layers_get_notes (ShFlowLayers *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->notes;
}
