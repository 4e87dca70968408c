/* sh-assessment.c — operations on a whole assessment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sh-assessment.h"
#include "sh-refdata.h"

/* Columns of the quick assessment that carry over unchanged. */
static const char * const inherited_columns[] = {
  "funding_source", "scope", "baseline_from", "baseline_to", "language",
  "operating_regime", "environmental_status", "tolerance_pct", "discount_rate_pct",
  "life_years", "target_min_pct", "target_max_pct",
};

/* A foreign key of a copied table that points at rows copied before it. */
typedef struct
{
  const char *column;
  const char *table;
} Remap;

typedef struct
{
  ShStore    *store;
  GHashTable *maps;     /* table → (old id → new id), both gint64 * */
} Copy;

static void
map_put (Copy       *copy,
         const char *table,
         gint64      old_id,
         gint64      new_id)
{
  GHashTable *map = g_hash_table_lookup (copy->maps, table);

  if (map == NULL)
    {
      map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_hash_table_insert (copy->maps, (gpointer) table, map);
    }

  g_hash_table_insert (map, g_memdup2 (&old_id, sizeof old_id), g_memdup2 (&new_id, sizeof new_id));
}

static gint64
map_get (Copy       *copy,
         const char *table,
         gint64      old_id)
{
  GHashTable *map = g_hash_table_lookup (copy->maps, table);
  gint64 *new_id;

  if (map == NULL)
    return 0;

  new_id = g_hash_table_lookup (map, &old_id);
  return new_id != NULL ? *new_id : 0;
}

/* The old ids of the rows of @table copied so far. */
static GList *
map_old_ids (Copy       *copy,
             const char *table)
{
  GHashTable *map = g_hash_table_lookup (copy->maps, table);

  return map != NULL ? g_hash_table_get_keys (map) : NULL;
}

static void
reset_option (ShRecord *option)
{
  /* A quick win enters the detailed assessment as a proposal: the team
   * screens, analyses and selects it again with the full picture. */
  sh_record_set_string (option, "status", "proposed");
  sh_record_set_int (option, "selected", 0);
  sh_record_set_null (option, "actual_start");
  sh_record_set_null (option, "actual_end");
}

/* Copies the rows of @table whose @parent_column is @old_parent, setting
 * that column to @new_parent and remapping @remaps (a reference to a row
 * that was not copied becomes NULL). */
static gboolean
copy_rows (Copy         *copy,
           const char   *table,
           const char   *parent_column,
           gint64        old_parent,
           gint64        new_parent,
           const Remap  *remaps,
           guint         n_remaps,
           void        (*adjust) (ShRecord *record),
           GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  rows = sh_store_list (copy->store, table, parent_column, old_parent, error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *row = rows->pdata[i];
      g_autoptr(ShRecord) record = sh_record_new (table);
      gint64 new_id;

      for (guint c = 0; c < sh_record_get_n_columns (row); c++)
        {
          const char *column = sh_record_get_column (row, c);
          gboolean remapped = FALSE;

          if (g_str_equal (column, "id") || g_str_equal (column, "uuid"))
            continue;

          if (g_str_equal (column, parent_column))
            {
              sh_record_set_int (record, column, new_parent);
              continue;
            }

          for (guint r = 0; r < n_remaps; r++)
            {
              gint64 target;

              if (!g_str_equal (column, remaps[r].column))
                continue;

              remapped = TRUE;
              target = map_get (copy, remaps[r].table, sh_record_get_int (row, column, 0));
              if (target != 0)
                sh_record_set_int (record, column, target);
              else
                sh_record_set_null (record, column);
            }

          if (!remapped)
            sh_record_set_value (record, column, sh_record_get_value (row, column));
        }

      if (adjust != NULL)
        adjust (record);

      new_id = sh_store_insert (copy->store, record, error);
      if (new_id == 0)
        return FALSE;
      map_put (copy, table, sh_record_get_id (row), new_id);
    }

  return TRUE;
}

/* Copies the children of every copied row of @parent_table. */
static gboolean
copy_children (Copy         *copy,
               const char   *parent_table,
               const char   *table,
               const char   *parent_column,
               const Remap  *remaps,
               guint         n_remaps,
               GError      **error)
{
  g_autoptr(GList) old_ids = map_old_ids (copy, parent_table);

  for (GList *l = old_ids; l != NULL; l = l->next)
    {
      gint64 old_id = *(gint64 *) l->data;

      if (!copy_rows (copy, table, parent_column, old_id, map_get (copy, parent_table, old_id),
                      remaps, n_remaps, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
copy_everything (Copy     *copy,
                 gint64    quick_id,
                 gint64    detailed_id,
                 GError  **error)
{
  static const Remap flow_remaps[] = {
    { "from_step_id", "process_step" }, { "to_step_id", "process_step" },
  };
  static const Remap step_remap[] = { { "step_id", "process_step" } };
  static const Remap stream_remap[] = { { "waste_stream_id", "waste_stream" } };
  static const Remap cause_remap[] = { { "cause_id", "cause" } };

  return copy_rows (copy, "assessment_consultant", "assessment_id", quick_id, detailed_id,
                    NULL, 0, NULL, error) &&
         copy_rows (copy, "process_step", "assessment_id", quick_id, detailed_id,
                    NULL, 0, NULL, error) &&
         copy_children (copy, "process_step", "equipment", "step_id", NULL, 0, error) &&
         copy_rows (copy, "production_record", "assessment_id", quick_id, detailed_id,
                    NULL, 0, NULL, error) &&
         copy_rows (copy, "resource_consumption", "assessment_id", quick_id, detailed_id,
                    NULL, 0, NULL, error) &&
         copy_rows (copy, "flow", "assessment_id", quick_id, detailed_id,
                    flow_remaps, G_N_ELEMENTS (flow_remaps), NULL, error) &&
         copy_rows (copy, "waste_stream", "assessment_id", quick_id, detailed_id,
                    step_remap, G_N_ELEMENTS (step_remap), NULL, error) &&
         copy_rows (copy, "cause", "assessment_id", quick_id, detailed_id,
                    stream_remap, G_N_ELEMENTS (stream_remap), NULL, error) &&
         copy_rows (copy, "cp_option", "assessment_id", quick_id, detailed_id,
                    step_remap, G_N_ELEMENTS (step_remap), reset_option, error) &&
         copy_children (copy, "cp_option", "option_investment", "option_id", NULL, 0, error) &&
         copy_children (copy, "cp_option", "option_saving", "option_id", NULL, 0, error) &&
         copy_children (copy, "cp_option", "option_env_effect", "option_id", NULL, 0, error) &&
         copy_children (copy, "cp_option", "option_cause", "option_id",
                        cause_remap, G_N_ELEMENTS (cause_remap), error);
}

gboolean
sh_assessment_start_detailed (ShStore     *store,
                              gint64       quick_id,
                              gint64      *new_id,
                              GError     **error)
{
  g_autoptr(ShRecord) quick = NULL;
  g_autoptr(ShRecord) detailed = NULL;
  g_autoptr(GHashTable) maps = NULL;
  Copy copy;
  const char *focus;
  gint64 id;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (new_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *new_id = 0;

  quick = sh_store_get (store, "assessment", quick_id, error);
  if (quick == NULL)
    return FALSE;
  if (g_strcmp0 (sh_record_get_string (quick, "kind"), "quick") != 0)
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                   _("Only a quick assessment can start a detailed one."));
      return FALSE;
    }

  detailed = sh_record_new ("assessment");
  sh_record_set_int (detailed, "facility_id", sh_record_get_int (quick, "facility_id", 0));
  sh_record_set_int (detailed, "parent_assessment_id", quick_id);
  sh_record_set_string (detailed, "kind", "detailed");
  for (guint i = 0; i < G_N_ELEMENTS (inherited_columns); i++)
    sh_record_set_value (detailed, inherited_columns[i],
                         sh_record_get_value (quick, inherited_columns[i]));
  focus = sh_record_get_string (quick, "proposed_focus");
  if (focus == NULL)
    focus = sh_record_get_string (quick, "focus");
  if (focus != NULL)
    sh_record_set_string (detailed, "focus", focus);

  if (!sh_store_begin (store, error))
    return FALSE;

  maps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                (GDestroyNotify) g_hash_table_unref);
  copy.store = store;
  copy.maps = maps;

  id = sh_store_insert (store, detailed, error);
  if (id == 0 || !copy_everything (&copy, quick_id, id, error) ||
      !sh_assessment_apply_step_template (store, id, NULL, error))
    {
      sh_store_rollback (store);
      return FALSE;
    }

  if (!sh_store_commit (store, error))
    return FALSE;

  *new_id = id;
  return TRUE;
}

/* "Name (unit); Name (unit)" of one direction of a template step, in the
 * assessment's language. */
static char *
join_flows (GPtrArray  *flows,
            const char *direction,
            const char *name_column)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < flows->len; i++)
    {
      ShRecord *flow = flows->pdata[i];
      const char *unit = sh_record_get_string (flow, "unit");

      if (g_strcmp0 (sh_record_get_string (flow, "direction"), direction) != 0)
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, sh_record_get_string (flow, name_column));
      if (unit != NULL && *unit != '\0')
        g_string_append_printf (text, " (%s)", unit);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static char *
describe_step (GPtrArray  *flows,
               const char *name_column)
{
  g_autofree char *inputs = join_flows (flows, "input", name_column);
  g_autofree char *outputs = join_flows (flows, "output", name_column);
  g_autoptr(GString) text = g_string_new (NULL);

  if (inputs != NULL)
    /* Translators: the typical inputs of a process step from the sector's
     * template, e.g. "Field latex (t); Ammonia (kg)". */
    g_string_append_printf (text, _("Typical inputs: %s"), inputs);
  if (outputs != NULL)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: the typical outputs of a process step from the
       * sector's template. */
      g_string_append_printf (text, _("Typical outputs: %s"), outputs);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

gboolean
sh_assessment_apply_step_template (ShStore  *store,
                                   gint64    assessment_id,
                                   guint    *n_added,
                                   GError  **error)
{
  g_autoptr(ShRecord) assessment = NULL;
  g_autoptr(ShRecord) facility = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GPtrArray) template = NULL;
  const char *sector;
  const char *name_column;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;

  assessment = sh_store_get (store, "assessment", assessment_id, error);
  if (assessment == NULL)
    return FALSE;
  facility = sh_store_get (store, "facility", sh_record_get_int (assessment, "facility_id", 0), error);
  if (facility == NULL)
    return FALSE;

  sector = sh_record_get_string (facility, "sector_code");
  if (sector == NULL || *sector == '\0')
    return TRUE;

  /* Steps the consultant already has (inherited from a quick assessment)
   * are the facility's real process; the template never adds to them. */
  existing = sh_store_list (store, "process_step", "assessment_id", assessment_id, error);
  if (existing == NULL)
    return FALSE;
  if (existing->len > 0)
    return TRUE;

  template = sh_refdata_list_steps (store, sector, error);
  if (template == NULL)
    return FALSE;

  name_column = g_strcmp0 (sh_record_get_string (assessment, "language"), "en") == 0
                ? "name_en" : "name_vi";

  for (guint i = 0; i < template->len; i++)
    {
      ShRecord *ref = template->pdata[i];
      g_autoptr(GPtrArray) flows = NULL;
      g_autoptr(ShRecord) step = sh_record_new ("process_step");
      g_autofree char *description = NULL;

      flows = sh_refdata_list_step_flows (store, sh_record_get_id (ref), error);
      if (flows == NULL)
        return FALSE;

      sh_record_set_int (step, "assessment_id", assessment_id);
      sh_record_set_int (step, "seq", i + 1);
      sh_record_set_string (step, "name", sh_record_get_string (ref, name_column));
      description = describe_step (flows, name_column);
      if (description != NULL)
        sh_record_set_string (step, "description", description);

      if (sh_store_insert (store, step, error) == 0)
        return FALSE;
    }

  if (n_added != NULL)
    *n_added = template->len;
  return TRUE;
}

gboolean
sh_assessment_create (ShStore   *store,
                      ShRecord  *assessment,
                      gint64    *new_id,
                      GError   **error)
{
  gint64 id;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (assessment != NULL, FALSE);
  g_return_val_if_fail (g_strcmp0 (sh_record_get_table (assessment), "assessment") == 0, FALSE);
  g_return_val_if_fail (new_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *new_id = 0;

  if (!sh_store_begin (store, error))
    return FALSE;

  id = sh_store_insert (store, assessment, error);
  if (id == 0 || !sh_assessment_apply_step_template (store, id, NULL, error))
    {
      sh_store_rollback (store);
      return FALSE;
    }

  if (!sh_store_commit (store, error))
    return FALSE;

  *new_id = id;
  return TRUE;
}
