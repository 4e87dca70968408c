/* sh-summary.c — an assessment's computed indicators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sh-summary.h"
#include "sh-summary-private.h"
#include "sh-store-private.h"

static void
resource_free (gpointer data)
{
  ShSummaryResource *r = data;

  g_free (r->resource_code);
  g_free (r->resource_name);
  g_free (r->unit);
  g_free (r->output_unit);
  g_free (r);
}

static void
option_free (gpointer data)
{
  ShSummaryOption *o = data;

  g_free (o->code);
  g_free (o->title);
  g_free (o->category);
  g_free (o->status);
  g_free (o->irr_note);
  g_free (o);
}

static void
balance_free (gpointer data)
{
  ShSummaryBalance *b = data;

  g_free (b->step_name);
  g_free (b->unit);
  g_free (b);
}

void
sh_summary_free (ShSummary *self)
{
  if (self == NULL)
    return;

  g_free (self->facility_name);
  g_free (self->kind);
  g_free (self->title);
  g_free (self->status);
  g_free (self->product);
  g_clear_pointer (&self->resources, g_ptr_array_unref);
  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_clear_pointer (&self->balances, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self);
}

const ShSummaryResource *
sh_summary_find_resource (ShSummary  *self,
                          const char *resource_code)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->resources->len; i++)
    {
      ShSummaryResource *r = self->resources->pdata[i];

      if (g_strcmp0 (r->resource_code, resource_code) == 0)
        return r;
    }

  return NULL;
}

static void
add_note (ShSummary  *self,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
add_note (ShSummary  *self,
          const char *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

/* -------------------------------------------------------------------------
 * Read snapshots
 * ------------------------------------------------------------------------- */

gboolean
sh_summary_read_begin (ShStore   *store,
                       gboolean  *out_began,
                       GError   **error)
{
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_began != NULL, FALSE);

  *out_began = FALSE;
  db = sh_store_get_db (store);
  if (!sqlite3_get_autocommit (db))
    return TRUE;

  rc = sqlite3_exec (db, "BEGIN DEFERRED", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sh_store_set_sqlite_error (store, rc, error, "starting to read");
      return FALSE;
    }

  *out_began = TRUE;
  return TRUE;
}

void
sh_summary_read_end (ShStore  *store,
                     gboolean  began)
{
  g_return_if_fail (SH_IS_STORE (store));

  /* Nothing was written through a snapshot, so COMMIT only lets go of the
   * lock. It can fail only if a statement is still stepping; ROLLBACK then
   * ends the transaction all the same. */
  if (began && sqlite3_exec (sh_store_get_db (store), "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    sqlite3_exec (sh_store_get_db (store), "ROLLBACK", NULL, NULL, NULL);
}

/* -------------------------------------------------------------------------
 * Specific consumption (W3)
 * ------------------------------------------------------------------------- */

/* The rows of one assessment's production or consumption, read with only
 * the columns the indicators use: the roll-up computes this for every
 * assessment of a province, where building whole records cost more than
 * the arithmetic. */
typedef struct
{
  char    *phase;
  char    *period_label;
  char    *name;            /* product, or resource code */
  char    *resource_name;
  char    *unit;
  double   quantity;
  gint64   unit_price_vnd;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->phase);
  g_free (row->period_label);
  g_free (row->name);
  g_free (row->resource_name);
  g_free (row->unit);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static GArray *
read_rows (ShStore     *store,
           const char  *sql,
           gint64       assessment_id,
           GError     **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (rows, row_clear);
  if (!(stmt = sh_store_prepare (store, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = {
        column_dup (stmt, 0), column_dup (stmt, 1), column_dup (stmt, 2), column_dup (stmt, 3),
        column_dup (stmt, 4), sqlite3_column_double (stmt, 5), sqlite3_column_int64 (stmt, 6),
      };

      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sh_store_set_sqlite_error (store, rc, error, "reading production and consumption");
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* Product output per phase, in the unit of the main product's first row.
 * The main product is the first one recorded; a second product is left out
 * of "per unit of product" and said so, since adding tonnes of two
 * products would make the indicator meaningless. */
static void
sum_output (ShSummary *self,
            ShUnits   *units,
            GArray    *production,
            double    *baseline,
            double    *after,
            char     **out_unit)
{
  const char *product = NULL;
  const char *unit = NULL;

  *baseline = *after = 0;
  for (guint i = 0; i < production->len; i++)
    {
      Row *row = &g_array_index (production, Row, i);
      double quantity = row->quantity;
      g_autoptr(GError) error = NULL;

      if (product == NULL)
        {
          product = row->name;
          unit = row->unit;
          self->product = g_strdup (product);
        }

      if (g_strcmp0 (row->name, product) != 0)
        {
          add_note (self, _("Production of “%s” (%s) is not counted: specific consumption is per unit of “%s”."),
                    row->name, row->period_label, product);
          continue;
        }

      if (!sh_units_convert (units, quantity, row->unit, unit, &quantity, &error))
        {
          add_note (self, _("Production in %s is not counted: %s"), row->period_label, error->message);
          continue;
        }

      if (g_strcmp0 (row->phase, "after") == 0)
        *after += quantity;
      else
        *baseline += quantity;
    }

  *out_unit = g_strdup (unit);
}

static ShSummaryResource *
find_or_add_resource (ShSummary  *self,
                      Row        *row)
{
  ShSummaryResource *r = (ShSummaryResource *) sh_summary_find_resource (self, row->name);

  if (r == NULL)
    {
      r = g_new0 (ShSummaryResource, 1);
      r->resource_code = g_strdup (row->name);
      r->resource_name = g_strdup (row->resource_name);
      r->unit = g_strdup (row->unit);
      g_ptr_array_add (self->resources, r);
    }

  return r;
}

static gboolean
compute_resources (ShSummary  *self,
                   ShStore    *store,
                   ShUnits    *units,
                   ShRecord   *assessment,
                   GError    **error)
{
  g_autoptr(GArray) production = NULL;
  g_autoptr(GArray) consumption = NULL;
  g_autofree char *output_unit = NULL;
  double output_baseline, output_after;

  production = read_rows (store,
                          "SELECT phase, period_label, product, NULL, unit, quantity, 0 "
                          "FROM production_record WHERE assessment_id = ?1 ORDER BY id",
                          self->assessment_id, error);
  if (production == NULL)
    return FALSE;
  consumption = read_rows (store,
                           "SELECT phase, period_label, resource_code, resource_name, unit, quantity, "
                           "coalesce (unit_price_vnd, 0) "
                           "FROM resource_consumption WHERE assessment_id = ?1 ORDER BY id",
                           self->assessment_id, error);
  if (consumption == NULL)
    return FALSE;

  sum_output (self, units, production, &output_baseline, &output_after, &output_unit);

  for (guint i = 0; i < consumption->len; i++)
    {
      Row *row = &g_array_index (consumption, Row, i);
      ShSummaryResource *r = find_or_add_resource (self, row);
      double quantity = row->quantity;
      g_autoptr(GError) local_error = NULL;
      gint64 cost = 0;

      if (!sh_units_convert (units, quantity, row->unit, r->unit, &quantity, &local_error))
        {
          add_note (self, _("%s in %s is not counted: %s"), r->resource_name ? r->resource_name : r->resource_code,
                    row->period_label, local_error->message);
          continue;
        }

      if (g_strcmp0 (row->phase, "after") == 0)
        {
          r->has_after = TRUE;
          r->after_total += quantity;
        }
      else
        {
          /* The price is per unit of the row, so cost uses the row's own
           * quantity. */
          if (sh_calc_round_vnd (row->quantity * (double) row->unit_price_vnd, &cost, NULL))
            r->baseline_cost_vnd += cost;
          r->has_baseline = TRUE;
          r->baseline_total += quantity;
        }
    }

  for (guint i = 0; i < self->resources->len; i++)
    {
      ShSummaryResource *r = self->resources->pdata[i];
      const char *name = r->resource_name ? r->resource_name : r->resource_code;
      g_autoptr(GError) local_error = NULL;

      r->output_unit = g_strdup (output_unit);
      r->baseline_output = output_baseline;
      r->after_output = output_after;

      if (r->has_baseline &&
          !sh_calc_specific_consumption (r->baseline_total, output_baseline, &r->baseline_sc, &local_error))
        {
          add_note (self, _("No baseline specific consumption of %s: %s"), name, local_error->message);
          r->has_baseline = FALSE;
          g_clear_error (&local_error);
        }

      if (r->has_after &&
          !sh_calc_specific_consumption (r->after_total, output_after, &r->after_sc, &local_error))
        {
          add_note (self, _("No specific consumption of %s after the options: %s"), name,
                    local_error->message);
          r->has_after = FALSE;
          g_clear_error (&local_error);
        }

      if (r->has_baseline && r->has_after)
        {
          if (sh_calc_saving_percent (r->baseline_sc, r->after_sc, &r->saving_percent, &local_error))
            {
              r->has_saving = TRUE;
              r->target = sh_calc_target_check (r->saving_percent, self->target_min_percent,
                                                self->target_max_percent);
            }
          else
            add_note (self, _("No saving of %s: %s"), name, local_error->message);
        }
    }

  return TRUE;
}

/* -------------------------------------------------------------------------
 * Options (W13, W15)
 * ------------------------------------------------------------------------- */

static gboolean
sum_investment (ShStore   *store,
                gint64     option_id,
                gint64    *out_vnd,
                GError   **error)
{
  g_autoptr(GPtrArray) items = sh_store_list (store, "option_investment", "option_id", option_id, error);

  if (items == NULL)
    return FALSE;

  *out_vnd = 0;
  for (guint i = 0; i < items->len; i++)
    {
      gint64 amount = sh_record_get_int (items->pdata[i], "amount_vnd", 0);

      /* Amounts are ≥ 0 (a CHECK in the schema), so only the top can overflow. */
      if (amount > G_MAXINT64 - *out_vnd)
        {
          g_set_error (error, SH_CALC_ERROR, SH_CALC_ERROR_OVERFLOW,
                       _("The investment of an option is too large to add up."));
          return FALSE;
        }
      *out_vnd += amount;
    }

  return TRUE;
}

static void
compute_option_economics (ShSummary        *self,
                          ShStore          *store,
                          ShRecord         *assessment,
                          ShRecord         *row,
                          ShSummaryOption  *o)
{
  g_autoptr(GPtrArray) savings = NULL;
  g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (ShCalcSaving));
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *flows = NULL;
  const char *label = o->code ? o->code : o->title;

  o->life_years = (guint) sh_record_get_int (row, "life_years",
                                             sh_record_get_int (assessment, "life_years", 10));
  o->discount_rate = sh_record_get_double (row, "discount_rate_pct",
                                           sh_record_get_double (assessment, "discount_rate_pct", 10)) / 100.0;

  if (!sum_investment (store, o->option_id, &o->investment_vnd, &error))
    {
      add_note (self, _("Option %s: %s"), label, error->message);
      return;
    }

  savings = sh_store_list (store, "option_saving", "option_id", o->option_id, &error);
  if (savings == NULL)
    {
      add_note (self, _("Option %s: %s"), label, error->message);
      return;
    }
  for (guint i = 0; i < savings->len; i++)
    {
      ShCalcSaving term = {
        sh_record_get_double (savings->pdata[i], "quantity", 0),
        sh_record_get_int (savings->pdata[i], "unit_price_vnd", 0),
      };

      g_array_append_val (terms, term);
    }

  if (!sh_calc_net_annual_benefit ((const ShCalcSaving *) terms->data, terms->len,
                                   sh_record_get_int (row, "avoided_cost_vnd", 0),
                                   sh_record_get_int (row, "om_change_vnd", 0),
                                   &o->annual_benefit_vnd, &error))
    {
      add_note (self, _("Option %s: %s"), label, error->message);
      return;
    }

  /* An option with neither investment nor benefit has not been costed yet;
   * it gets no economics rather than misleading zeros. */
  if (o->investment_vnd == 0 && o->annual_benefit_vnd == 0)
    return;

  o->has_payback = sh_calc_simple_payback (o->investment_vnd, o->annual_benefit_vnd,
                                           &o->payback_years, NULL);
  o->has_npv = sh_calc_npv_annual (o->discount_rate, o->life_years, o->annual_benefit_vnd,
                                   o->investment_vnd, &o->npv_vnd, NULL);
  o->has_bc = sh_calc_benefit_cost_ratio (o->discount_rate, o->life_years, o->annual_benefit_vnd,
                                          o->investment_vnd, &o->bc_ratio, NULL);

  flows = g_new (gint64, o->life_years + 1);
  flows[0] = -o->investment_vnd;
  for (guint t = 1; t <= o->life_years; t++)
    flows[t] = o->annual_benefit_vnd;
  o->has_irr = sh_calc_irr (flows, o->life_years + 1, &o->irr, NULL, &error);
  if (!o->has_irr)
    o->irr_note = g_strdup (error->message);
}

static gboolean
compute_ranking (ShSummary  *self,
                 ShStore    *store,
                 GError    **error)
{
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scores = g_array_new (FALSE, TRUE, sizeof (double));
  g_autoptr(GPtrArray) ranked = g_ptr_array_new ();
  g_autofree double *totals = NULL;
  g_autofree guint *ranks = NULL;
  g_autoptr(GError) local_error = NULL;

  criteria = sh_store_list (store, "ranking_criterion", "assessment_id", self->assessment_id, error);
  if (criteria == NULL)
    return FALSE;
  if (criteria->len == 0)
    return TRUE;

  for (guint c = 0; c < criteria->len; c++)
    {
      double w = sh_record_get_double (criteria->pdata[c], "weight", 0);

      g_array_append_val (weights, w);
    }

  /* Only options scored on at least one criterion take part. */
  for (guint i = 0; i < self->options->len; i++)
    {
      ShSummaryOption *o = self->options->pdata[i];
      g_autoptr(GPtrArray) option_scores = NULL;
      guint row = scores->len;

      option_scores = sh_store_list (store, "ranking_score", "option_id", o->option_id, error);
      if (option_scores == NULL)
        return FALSE;
      if (option_scores->len == 0)
        continue;

      g_array_set_size (scores, row + criteria->len);
      for (guint s = 0; s < option_scores->len; s++)
        {
          gint64 criterion = sh_record_get_int (option_scores->pdata[s], "criterion_id", 0);

          for (guint c = 0; c < criteria->len; c++)
            if (sh_record_get_id (criteria->pdata[c]) == criterion)
              g_array_index (scores, double, row + c) = sh_record_get_double (option_scores->pdata[s], "score", 0);
        }
      g_ptr_array_add (ranked, o);
    }

  if (ranked->len == 0)
    return TRUE;

  totals = g_new0 (double, ranked->len);
  ranks = g_new0 (guint, ranked->len);
  if (!sh_calc_weighted_ranking ((const double *) weights->data, weights->len,
                                 (const double *) scores->data, ranked->len,
                                 totals, ranks, &local_error))
    {
      add_note (self, _("No ranking: %s"), local_error->message);
      return TRUE;
    }

  for (guint i = 0; i < ranked->len; i++)
    {
      ShSummaryOption *o = ranked->pdata[i];

      o->has_rank = TRUE;
      o->rank_score = totals[i];
      o->rank = ranks[i];
    }

  return TRUE;
}

static gboolean
compute_options (ShSummary  *self,
                 ShStore    *store,
                 ShRecord   *assessment,
                 GError    **error)
{
  g_autoptr(GPtrArray) rows = sh_store_list (store, "cp_option", "assessment_id", self->assessment_id, error);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *row = rows->pdata[i];
      ShSummaryOption *o = g_new0 (ShSummaryOption, 1);

      o->option_id = sh_record_get_id (row);
      o->code = g_strdup (sh_record_get_string (row, "code"));
      o->title = g_strdup (sh_record_get_string (row, "title"));
      o->category = g_strdup (sh_record_get_string (row, "category"));
      o->status = g_strdup (sh_record_get_string (row, "status"));
      g_ptr_array_add (self->options, o);

      compute_option_economics (self, store, assessment, row, o);

      /* Totals cover what the facility actually carries out. */
      if (g_strcmp0 (o->status, "rejected") != 0)
        {
          self->total_investment_vnd += o->investment_vnd;
          self->total_benefit_vnd += o->annual_benefit_vnd;
        }
    }

  return compute_ranking (self, store, error);
}

/* -------------------------------------------------------------------------
 * Balances (W6, W7) and waste streams (W8)
 * ------------------------------------------------------------------------- */

static gboolean
compute_balances (ShSummary  *self,
                  ShStore    *store,
                  ShUnits    *units,
                  GError    **error)
{
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(ShFlowLayers) layers = NULL;
  GPtrArray *notes;

  steps = sh_store_list (store, "process_step", "assessment_id", self->assessment_id, error);
  if (steps == NULL)
    return FALSE;
  layers = sh_flow_layers_load (store, units, self->assessment_id, "baseline", error);
  if (layers == NULL)
    return FALSE;

  notes = sh_flow_layers_get_notes (layers);
  for (guint i = 0; i < notes->len; i++)
    add_note (self, "%s", (const char *) notes->pdata[i]);

  for (guint l = 0; l < SH_FLOW_N_LAYERS; l++)
    {
      GPtrArray *flows = sh_flow_layers_get_flows (layers, (ShFlowLayer) l);

      for (guint s = 0; s < steps->len; s++)
        {
          gint64 step_id = sh_record_get_id (steps->pdata[s]);
          g_autoptr(GArray) in = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GError) local_error = NULL;
          ShSummaryBalance *b;
          ShCalcBalance balance;

          for (guint f = 0; f < flows->len; f++)
            {
              ShLayerFlow *flow = flows->pdata[f];

              if (flow->to_step_id == step_id)
                g_array_append_val (in, flow->value);
              if (flow->from_step_id == step_id)
                g_array_append_val (out, flow->value);
            }

          /* A step with no flows in this layer has no balance to report. */
          if (in->len == 0 && out->len == 0)
            continue;

          if (!sh_calc_balance ((const double *) in->data, in->len,
                                (const double *) out->data, out->len, &balance, &local_error))
            {
              add_note (self, _("No %s balance for “%s”: %s"),
                        sh_flow_layer_to_string ((ShFlowLayer) l),
                        sh_record_get_string (steps->pdata[s], "name"), local_error->message);
              continue;
            }

          b = g_new0 (ShSummaryBalance, 1);
          b->step_id = step_id;
          b->step_name = g_strdup (sh_record_get_string (steps->pdata[s], "name"));
          b->layer = (ShFlowLayer) l;
          b->unit = g_strdup (sh_flow_layers_get_unit (layers, (ShFlowLayer) l));
          b->balance = balance;
          b->within_tolerance = sh_calc_balance_within_tolerance (&balance, self->tolerance_percent);
          g_ptr_array_add (self->balances, b);
        }
    }

  return TRUE;
}

static gboolean
compute_waste_costs (ShSummary  *self,
                     ShStore    *store,
                     GError    **error)
{
  g_autoptr(GPtrArray) streams = sh_store_list (store, "waste_stream", "assessment_id",
                                                self->assessment_id, error);

  if (streams == NULL)
    return FALSE;

  for (guint i = 0; i < streams->len; i++)
    {
      ShRecord *row = streams->pdata[i];
      ShCalcWasteCost cost = {
        sh_record_get_int (row, "material_loss_vnd", 0),
        sh_record_get_int (row, "energy_loss_vnd", 0),
        sh_record_get_int (row, "treatment_vnd", 0),
        sh_record_get_int (row, "fees_vnd", 0),
      };
      g_autoptr(GError) local_error = NULL;
      gint64 total = 0;

      if (!sh_calc_waste_stream_cost (&cost, &total, &local_error))
        add_note (self, _("Waste stream “%s”: %s"), sh_record_get_string (row, "name"),
                  local_error->message);
      else
        self->total_waste_cost_vnd += total;
    }

  return TRUE;
}

static ShSummary *compute (ShStore     *store,
                           ShUnits     *units,
                           gint64       assessment_id,
                           gboolean     everything,
                           GError     **error);

ShSummary *
sh_summary_compute (ShStore     *store,
                    ShUnits     *units,
                    gint64       assessment_id,
                    GError     **error)
{
  g_autoptr(ShSummary) self = NULL;
  g_autoptr(ShRecord) assessment = NULL;
  g_autoptr(ShRecord) facility = NULL;
  gboolean began = FALSE;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (units != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sh_summary_read_begin (store, &began, error))
    return NULL;
  self = compute (store, units, assessment_id, TRUE, error);
  sh_summary_read_end (store, began);

  return g_steal_pointer (&self);
}

ShSummary *
sh_summary_compute_resources (ShStore     *store,
                              ShUnits     *units,
                              gint64       assessment_id,
                              GError     **error)
{
  g_autoptr(ShSummary) self = NULL;
  gboolean began = FALSE;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (units != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sh_summary_read_begin (store, &began, error))
    return NULL;
  self = compute (store, units, assessment_id, FALSE, error);
  sh_summary_read_end (store, began);

  return g_steal_pointer (&self);
}

static ShSummary *
compute (ShStore     *store,
         ShUnits     *units,
         gint64       assessment_id,
         gboolean     everything,
         GError     **error)
{
  g_autoptr(ShSummary) self = NULL;
  g_autoptr(ShRecord) assessment = NULL;
  g_autoptr(ShRecord) facility = NULL;

  assessment = sh_store_get (store, "assessment", assessment_id, error);
  if (assessment == NULL)
    return NULL;
  facility = sh_store_get (store, "facility", sh_record_get_int (assessment, "facility_id", 0), error);
  if (facility == NULL)
    return NULL;

  self = g_new0 (ShSummary, 1);
  self->assessment_id = assessment_id;
  self->facility_name = g_strdup (sh_record_get_string (facility, "name"));
  self->kind = g_strdup (sh_record_get_string (assessment, "kind"));
  self->title = g_strdup (sh_record_get_string (assessment, "title"));
  self->status = g_strdup (sh_record_get_string (assessment, "status"));
  self->tolerance_percent = sh_record_get_double (assessment, "tolerance_pct", 5);
  self->target_min_percent = sh_record_get_double (assessment, "target_min_pct", SH_CALC_TARGET_MIN_DEFAULT);
  self->target_max_percent = sh_record_get_double (assessment, "target_max_pct", SH_CALC_TARGET_MAX_DEFAULT);
  self->resources = g_ptr_array_new_with_free_func (resource_free);
  self->options = g_ptr_array_new_with_free_func (option_free);
  self->balances = g_ptr_array_new_with_free_func (balance_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);

  if (!compute_resources (self, store, units, assessment, error))
    return NULL;
  if (everything &&
      (!compute_options (self, store, assessment, error) ||
       !compute_balances (self, store, units, error) ||
       !compute_waste_costs (self, store, error)))
    return NULL;

  return g_steal_pointer (&self);
}
