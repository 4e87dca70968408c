/* sh-tasks.c — the 6 steps and 18 tasks, and how complete each one is.
 *
 * The rules are written out in sh-tasks.h; this file follows them in the
 * same order. Everything is read once per computation into a Data, so the
 * sidebar can recompute after every edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>

#include <glib/gi18n-lib.h>

#include "sh-store-private.h"
#include "sh-tasks.h"

/* Sáu bước, mười tám nhiệm vụ (DOMAIN.md §2.2). */
static const ShStepInfo steps[SH_TASKS_N_STEPS] = {
  { 1, N_("Getting started"), "Khởi động" },
  { 2, N_("Analysing process steps"), "Phân tích các công đoạn sản xuất" },
  { 3, N_("Generating CP options"), "Phát triển các cơ hội SXSH" },
  { 4, N_("Selecting CP solutions"), "Lựa chọn các giải pháp SXSH" },
  { 5, N_("Implementing CP solutions"), "Thực hiện các giải pháp SXSH" },
  { 6, N_("Sustaining CP"), "Duy trì SXSH" },
};

static const ShTaskInfo tasks[SH_TASKS_N_TASKS] = {
  { 1, 1, N_("Form the CP team"), "Thành lập nhóm (đội) SXSH", "W1" },
  { 2, 1, N_("List the process steps and set the norms"),
    "Liệt kê các bước công nghệ và xác định (lại) định mức", "W2, W3" },
  { 3, 1, N_("Identify and select the most wasteful steps"),
    "Xác định và lựa chọn công đoạn gây lãng phí nhất", "W4" },
  { 4, 2, N_("Draw the flow chart of the focus"),
    "Xây dựng sơ đồ công nghệ (sơ đồ dòng) cho trọng tâm đánh giá", "W5" },
  { 5, 2, N_("Make material and energy balances"), "Cân bằng vật liệu và năng lượng", "W6, W7" },
  { 6, 2, N_("Assign costs to the waste streams"), "Xác định chi phí cho dòng thải", "W8" },
  { 7, 2, N_("Analyse the causes"), "Phân tích nguyên nhân", "W9" },
  { 8, 3, N_("Generate CP options"), "Xây dựng (đề xuất) các cơ hội SXSH", "W10" },
  { 9, 3, N_("Screen the options"), "Lựa chọn các cơ hội có thể thực hiện được", "W11" },
  { 10, 4, N_("Technical feasibility"), "Phân tích tính khả thi về kỹ thuật", "W12" },
  { 11, 4, N_("Economic feasibility"), "Phân tích tính khả thi về kinh tế", "W13" },
  { 12, 4, N_("Environmental aspects"), "Đánh giá các khía cạnh môi trường", "W14" },
  { 13, 4, N_("Select the solutions to implement"), "Lựa chọn các giải pháp để thực hiện", "W15" },
  { 14, 5, N_("Prepare the implementation"), "Chuẩn bị thực hiện", "W16" },
  { 15, 5, N_("Implement the solutions"), "Thực hiện các giải pháp", "W16" },
  { 16, 5, N_("Monitor and evaluate the results"), "Quan trắc và đánh giá kết quả", "W17" },
  { 17, 6, N_("Sustain the CP solutions"), "Duy trì các giải pháp SXSH", "W18" },
  { 18, 6, N_("Select the next focus"), "Lựa chọn công đoạn (trọng tâm) tiếp theo", "W18" },
};

/* Nội dung phiếu đánh giá nhanh (DOMAIN.md §2.3). */
static const ShTaskInfo quick_sections[SH_TASKS_N_QUICK_SECTIONS] = {
  { 1, 0, N_("Facility data"), "Thông tin doanh nghiệp", NULL },
  { 2, 0, N_("Production and consumption"), "Sản xuất và tiêu thụ tài nguyên", NULL },
  { 3, 0, N_("Walk-through checklist"), "Bảng kiểm khảo sát hiện trường", NULL },
  { 4, 0, N_("Observations"), "Quan sát khi khảo sát", NULL },
  { 5, 0, N_("Quick wins"), "Cơ hội cải thiện ngay", NULL },
  { 6, 0, N_("Focus and recommendation"), "Trọng tâm và kiến nghị", NULL },
  { 7, 0, N_("Signatures"), "Chữ ký", NULL },
};

const ShStepInfo *
sh_tasks_get_step (guint number)
{
  g_return_val_if_fail (number >= 1 && number <= SH_TASKS_N_STEPS, NULL);

  return &steps[number - 1];
}

const ShTaskInfo *
sh_tasks_get_task (guint number)
{
  g_return_val_if_fail (number >= 1 && number <= SH_TASKS_N_TASKS, NULL);

  return &tasks[number - 1];
}

const ShTaskInfo *
sh_tasks_get_quick_section (guint number)
{
  g_return_val_if_fail (number >= 1 && number <= SH_TASKS_N_QUICK_SECTIONS, NULL);

  return &quick_sections[number - 1];
}

const char *
sh_completeness_to_string (ShCompleteness completeness)
{
  switch (completeness)
    {
    case SH_COMPLETENESS_EMPTY:
      return "empty";
    case SH_COMPLETENESS_PARTIAL:
      return "partial";
    case SH_COMPLETENESS_DONE:
      return "done";
    default:
      g_return_val_if_reached (NULL);
    }
}

void
sh_task_status_free (ShTaskStatus *status)
{
  if (status == NULL)
    return;

  g_clear_pointer (&status->missing, g_ptr_array_unref);
  g_free (status);
}

/* -------------------------------------------------------------------------
 * What is stored
 * ------------------------------------------------------------------------- */

typedef struct
{
  ShRecord   *assessment;
  ShRecord   *facility;
  GPtrArray  *team;
  GPtrArray  *products;
  GPtrArray  *steps;
  GPtrArray  *production;
  GPtrArray  *consumption;
  GPtrArray  *flows;
  GPtrArray  *streams;
  GPtrArray  *causes;
  GPtrArray  *options;
  GPtrArray  *criteria;
  GPtrArray  *actions;
  GPtrArray  *monitoring;
  GPtrArray  *observations;
  GPtrArray  *checklist;
  GPtrArray  *reference_checklist;  /* char *: the sector's item codes */
  GHashTable *invested;             /* option ids (text) with an investment */
  GHashTable *saving;               /* … with a saving row */
  GHashTable *env;                  /* … with an environmental effect */
  GHashTable *caused;               /* … linked to a cause */
  GHashTable *planned;              /* … with an action item */
  GHashTable *scored;               /* "criterion option" pairs with a score */
} Data;

static void
data_clear (Data *data)
{
  g_clear_pointer (&data->assessment, sh_record_unref);
  g_clear_pointer (&data->facility, sh_record_unref);
  g_clear_pointer (&data->team, g_ptr_array_unref);
  g_clear_pointer (&data->products, g_ptr_array_unref);
  g_clear_pointer (&data->steps, g_ptr_array_unref);
  g_clear_pointer (&data->production, g_ptr_array_unref);
  g_clear_pointer (&data->consumption, g_ptr_array_unref);
  g_clear_pointer (&data->flows, g_ptr_array_unref);
  g_clear_pointer (&data->streams, g_ptr_array_unref);
  g_clear_pointer (&data->causes, g_ptr_array_unref);
  g_clear_pointer (&data->options, g_ptr_array_unref);
  g_clear_pointer (&data->criteria, g_ptr_array_unref);
  g_clear_pointer (&data->actions, g_ptr_array_unref);
  g_clear_pointer (&data->monitoring, g_ptr_array_unref);
  g_clear_pointer (&data->observations, g_ptr_array_unref);
  g_clear_pointer (&data->checklist, g_ptr_array_unref);
  g_clear_pointer (&data->reference_checklist, g_ptr_array_unref);
  g_clear_pointer (&data->invested, g_hash_table_unref);
  g_clear_pointer (&data->saving, g_hash_table_unref);
  g_clear_pointer (&data->env, g_hash_table_unref);
  g_clear_pointer (&data->caused, g_hash_table_unref);
  g_clear_pointer (&data->planned, g_hash_table_unref);
  g_clear_pointer (&data->scored, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Data, data_clear)

static char *
id_key (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gboolean
has_id (GHashTable *set,
        gint64      id)
{
  g_autofree char *key = id_key (id);

  return g_hash_table_contains (set, key);
}

/* The first column(s) of a query on the assessment's id, as a set of text
 * keys (two columns are joined by a space). */
static GHashTable *
query_set (ShStore     *store,
           const char  *sql,
           gint64       assessment_id,
           GError     **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = sh_store_prepare (store, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_count (stmt) > 1)
        g_hash_table_add (set, g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                                (gint64) sqlite3_column_int64 (stmt, 0),
                                                (gint64) sqlite3_column_int64 (stmt, 1)));
      else
        g_hash_table_add (set, id_key (sqlite3_column_int64 (stmt, 0)));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sh_store_set_sqlite_error (store, rc, error, "checking an assessment's tasks");
      return NULL;
    }

  return g_steal_pointer (&set);
}

static GPtrArray *
reference_checklist (ShStore     *store,
                     const char  *sector,
                     GError     **error)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (sector == NULL)
    return g_steal_pointer (&codes);

  if (!(stmt = sh_store_prepare (store, "SELECT code FROM ref_checklist_item WHERE sector_code = ?1 "
                                        "ORDER BY seq", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, sector, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (codes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sh_store_set_sqlite_error (store, rc, error, "reading the checklist");
      return NULL;
    }

  return g_steal_pointer (&codes);
}

static gboolean
load (ShStore  *store,
      gint64    id,
      Data     *data,
      GError  **error)
{
  gint64 facility;

  if (!(data->assessment = sh_store_get (store, "assessment", id, error)))
    return FALSE;
  facility = sh_record_get_int (data->assessment, "facility_id", 0);

#define LIST(field, table, column, value) \
  if (!(data->field = sh_store_list (store, table, column, value, error))) \
    return FALSE

  if (!(data->facility = sh_store_get (store, "facility", facility, error)))
    return FALSE;
  LIST (team, "team_member", "facility_id", facility);
  LIST (products, "facility_product", "facility_id", facility);
  LIST (steps, "process_step", "assessment_id", id);
  LIST (production, "production_record", "assessment_id", id);
  LIST (consumption, "resource_consumption", "assessment_id", id);
  LIST (flows, "flow", "assessment_id", id);
  LIST (streams, "waste_stream", "assessment_id", id);
  LIST (causes, "cause", "assessment_id", id);
  LIST (options, "cp_option", "assessment_id", id);
  LIST (criteria, "ranking_criterion", "assessment_id", id);
  LIST (actions, "action_item", "assessment_id", id);
  LIST (monitoring, "monitoring_record", "assessment_id", id);
  LIST (observations, "observation", "assessment_id", id);
  LIST (checklist, "checklist_answer", "assessment_id", id);
#undef LIST

#define SET(field, sql) \
  if (!(data->field = query_set (store, sql, id, error))) \
    return FALSE

  SET (invested, "SELECT DISTINCT i.option_id FROM option_investment i "
                 "JOIN cp_option o ON o.id = i.option_id WHERE o.assessment_id = ?1");
  SET (saving, "SELECT DISTINCT s.option_id FROM option_saving s "
               "JOIN cp_option o ON o.id = s.option_id WHERE o.assessment_id = ?1");
  SET (env, "SELECT DISTINCT e.option_id FROM option_env_effect e "
            "JOIN cp_option o ON o.id = e.option_id WHERE o.assessment_id = ?1");
  SET (caused, "SELECT DISTINCT c.option_id FROM option_cause c "
               "JOIN cp_option o ON o.id = c.option_id WHERE o.assessment_id = ?1");
  SET (planned, "SELECT DISTINCT option_id FROM action_item "
                "WHERE assessment_id = ?1 AND option_id IS NOT NULL");
  SET (scored, "SELECT s.criterion_id, s.option_id FROM ranking_score s "
               "JOIN ranking_criterion k ON k.id = s.criterion_id WHERE k.assessment_id = ?1");
#undef SET

  data->reference_checklist = reference_checklist (store, sh_record_get_string (data->facility,
                                                                                "sector_code"),
                                                   error);
  return data->reference_checklist != NULL;
}

/* -------------------------------------------------------------------------
 * Helpers for the rules
 * ------------------------------------------------------------------------- */

static gboolean
is_filled (ShRecord   *row,
           const char *column)
{
  const GValue *value = sh_record_get_value (row, column);
  const char *text;

  if (value == NULL)
    return FALSE;
  if (!G_VALUE_HOLDS_STRING (value))
    return TRUE;

  text = g_value_get_string (value);
  while (*text == ' ' || *text == '\t' || *text == '\n')
    text++;
  return *text != '\0';
}

static gboolean
has_text (ShRecord   *row,
          const char *column,
          const char *value)
{
  return g_strcmp0 (sh_record_get_string (row, column), value) == 0;
}

static void G_GNUC_PRINTF (2, 3)
missing_add (ShTaskStatus *status,
             const char   *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (status->missing, g_strdup_vprintf (format, args));
  va_end (args);
}

static ShTaskStatus *
status_new (const ShTaskInfo *info)
{
  ShTaskStatus *status = g_new0 (ShTaskStatus, 1);

  status->info = info;
  status->missing = g_ptr_array_new_with_free_func (g_free);
  return status;
}

/* DONE when all @needed things are there, else PARTIAL when anything is. */
static void
grade (ShTaskStatus *status,
       guint         done,
       guint         needed,
       gboolean      anything)
{
  if (needed > 0 && done >= needed)
    status->completeness = SH_COMPLETENESS_DONE;
  else if (done > 0 || anything)
    status->completeness = SH_COMPLETENESS_PARTIAL;
  else
    status->completeness = SH_COMPLETENESS_EMPTY;
}

/* How an option, a step or a stream is named in a missing item. */
static char *
option_label (ShRecord *option)
{
  const char *code = sh_record_get_string (option, "code");
  const char *title = sh_record_get_string (option, "title");

  if (code != NULL && *code != '\0')
    return g_strdup_printf ("%s %s", code, title);
  return g_strdup (title);
}

static gboolean
is_baseline (ShRecord *row)
{
  return has_text (row, "phase", "baseline");
}

static guint
count_baseline (GPtrArray *rows)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    if (is_baseline (rows->pdata[i]))
      n++;

  return n;
}

static gboolean
is_focus (ShRecord *stream)
{
  return sh_record_get_int (stream, "is_focus", 0) != 0;
}

/* The focus steps (ShRecord, borrowed): see the header. */
static GPtrArray *
focus_steps (Data *data)
{
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < data->steps->len; i++)
    {
      ShRecord *step = data->steps->pdata[i];

      for (guint s = 0; s < data->streams->len; s++)
        {
          ShRecord *stream = data->streams->pdata[s];

          if (is_focus (stream) && sh_record_get_int (stream, "step_id", 0) == sh_record_get_id (step))
            {
              g_ptr_array_add (result, step);
              break;
            }
        }
    }

  if (result->len == 0)
    g_ptr_array_extend (result, data->steps, NULL, NULL);

  return result;
}

static void
step_flows (Data     *data,
            gint64    step,
            gboolean *in,
            gboolean *out)
{
  *in = *out = FALSE;

  for (guint i = 0; i < data->flows->len; i++)
    {
      ShRecord *flow = data->flows->pdata[i];

      if (!is_baseline (flow))
        continue;
      if (sh_record_get_int (flow, "to_step_id", 0) == step)
        *in = TRUE;
      if (sh_record_get_int (flow, "from_step_id", 0) == step)
        *out = TRUE;
    }
}

static gint64
stream_cost (ShRecord *stream)
{
  return sh_record_get_int (stream, "material_loss_vnd", 0) +
         sh_record_get_int (stream, "energy_loss_vnd", 0) +
         sh_record_get_int (stream, "treatment_vnd", 0) +
         sh_record_get_int (stream, "fees_vnd", 0);
}

static gboolean
is_selected (ShRecord *option)
{
  return sh_record_get_int (option, "selected", 0) != 0;
}

/* See "candidates" in the header. Element type: ShRecord (borrowed). */
static GPtrArray *
candidates (Data *data)
{
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < data->options->len; i++)
    if (is_selected (data->options->pdata[i]))
      g_ptr_array_add (result, data->options->pdata[i]);

  if (result->len > 0)
    return result;

  for (guint i = 0; i < data->options->len; i++)
    {
      ShRecord *option = data->options->pdata[i];

      if (has_text (option, "screening", "implement_now") ||
          has_text (option, "screening", "analyse_further"))
        g_ptr_array_add (result, option);
    }

  return result;
}

static guint
count_selected (Data *data)
{
  guint n = 0;

  for (guint i = 0; i < data->options->len; i++)
    if (is_selected (data->options->pdata[i]))
      n++;

  return n;
}

static gboolean
has_investment (Data     *data,
                ShRecord *option)
{
  return has_id (data->invested, sh_record_get_id (option)) ||
         has_text (option, "cost_class", "none");
}

static gboolean
has_saving (Data     *data,
            ShRecord *option)
{
  return has_id (data->saving, sh_record_get_id (option)) ||
         sh_record_get_int (option, "avoided_cost_vnd", 0) > 0;
}

/* -------------------------------------------------------------------------
 * The 18 tasks
 * ------------------------------------------------------------------------- */

static void
task_team (Data         *data,
           ShTaskStatus *status)
{
  guint members = 0;
  gboolean leader = FALSE;

  for (guint i = 0; i < data->team->len; i++)
    {
      ShRecord *member = data->team->pdata[i];

      if (has_text (member, "role", "leader"))
        leader = TRUE;
      if (!has_text (member, "role", "consultant"))
        members++;
    }

  if (!leader)
    missing_add (status, "%s", _("The CP team has no leader"));
  if (members < 2)
    missing_add (status, "%s", _("The CP team needs at least two people from the facility"));

  grade (status, members >= 2 && leader, 1, data->team->len > 0);
}

static void
task_steps (Data         *data,
            ShTaskStatus *status)
{
  gboolean have[4];
  guint done = 0;

  have[0] = data->steps->len > 0;
  have[1] = count_baseline (data->production) > 0;
  have[2] = count_baseline (data->consumption) > 0;
  have[3] = is_filled (data->assessment, "baseline_from") && is_filled (data->assessment, "baseline_to");

  if (!have[0])
    missing_add (status, "%s", _("No process step is listed"));
  if (!have[1])
    missing_add (status, "%s", _("No baseline production record"));
  if (!have[2])
    missing_add (status, "%s", _("No baseline consumption record"));
  if (!have[3])
    missing_add (status, "%s", _("The baseline period is not set"));

  for (guint i = 0; i < G_N_ELEMENTS (have); i++)
    done += have[i];
  grade (status, done, G_N_ELEMENTS (have), FALSE);
}

static void
task_focus (Data         *data,
            ShTaskStatus *status)
{
  guint n_focus = 0;
  gboolean reasons = TRUE;
  gboolean text = is_filled (data->assessment, "focus");

  for (guint i = 0; i < data->streams->len; i++)
    {
      ShRecord *stream = data->streams->pdata[i];

      if (!is_focus (stream))
        continue;
      n_focus++;
      if (!is_filled (stream, "focus_reason"))
        {
          reasons = FALSE;
          missing_add (status, _("Waste stream “%s”: no reason for choosing it as the focus"),
                       sh_record_get_string (stream, "name"));
        }
    }

  if (data->streams->len == 0)
    missing_add (status, "%s", _("No waste stream is listed"));
  else if (n_focus == 0)
    missing_add (status, "%s", _("No waste stream is chosen as the focus"));
  if (!text)
    missing_add (status, "%s", _("The focus of the assessment is not described"));

  grade (status,
         (data->streams->len > 0) + (n_focus > 0) + (n_focus > 0 && reasons) + text, 4,
         FALSE);
}

static void
task_flow_chart (Data         *data,
                 ShTaskStatus *status)
{
  g_autoptr(GPtrArray) focus = focus_steps (data);
  guint done = 0;

  if (focus->len == 0)
    missing_add (status, "%s", _("No process step is listed yet (task 2)"));

  for (guint i = 0; i < focus->len; i++)
    {
      ShRecord *step = focus->pdata[i];
      gboolean in, out;

      step_flows (data, sh_record_get_id (step), &in, &out);
      if (in || out)
        done++;
      else
        missing_add (status, _("Step “%s”: no flow in or out"), sh_record_get_string (step, "name"));
    }

  grade (status, done, focus->len, FALSE);
}

static void
task_balance (Data         *data,
              ShTaskStatus *status)
{
  g_autoptr(GPtrArray) focus = focus_steps (data);
  gboolean anything = FALSE;
  guint done = 0;

  if (focus->len == 0)
    missing_add (status, "%s", _("No process step is listed yet (task 2)"));

  for (guint i = 0; i < focus->len; i++)
    {
      ShRecord *step = focus->pdata[i];
      const char *name = sh_record_get_string (step, "name");
      gboolean in, out;

      step_flows (data, sh_record_get_id (step), &in, &out);
      anything |= in || out;
      if (in && out)
        done++;
      else if (in)
        missing_add (status, _("Step “%s”: no flow out, so it cannot be balanced"), name);
      else if (out)
        missing_add (status, _("Step “%s”: no flow in, so it cannot be balanced"), name);
      else
        missing_add (status, _("Step “%s”: no flows"), name);
    }

  grade (status, done, focus->len, anything);
}

static void
task_costs (Data         *data,
            ShTaskStatus *status)
{
  guint done = 0;

  if (data->streams->len == 0)
    missing_add (status, "%s", _("No waste stream is listed yet (task 3)"));

  for (guint i = 0; i < data->streams->len; i++)
    {
      ShRecord *stream = data->streams->pdata[i];

      if (stream_cost (stream) > 0)
        done++;
      else
        missing_add (status, _("Waste stream “%s”: no cost"), sh_record_get_string (stream, "name"));
    }

  grade (status, done, data->streams->len, FALSE);
}

static void
task_causes (Data         *data,
             ShTaskStatus *status)
{
  guint n_focus = 0;
  guint done = 0;

  for (guint i = 0; i < data->streams->len; i++)
    {
      ShRecord *stream = data->streams->pdata[i];
      gboolean found = FALSE;

      if (!is_focus (stream))
        continue;
      n_focus++;

      for (guint c = 0; c < data->causes->len && !found; c++)
        found = sh_record_get_int (data->causes->pdata[c], "waste_stream_id", 0) ==
                sh_record_get_id (stream);
      if (found)
        done++;
      else
        missing_add (status, _("Waste stream “%s”: no cause"), sh_record_get_string (stream, "name"));
    }

  if (n_focus == 0)
    missing_add (status, "%s", _("No waste stream is chosen as the focus yet (task 3)"));

  grade (status, done, n_focus, data->causes->len > 0);
}

static void
task_options (Data         *data,
              ShTaskStatus *status)
{
  guint done = 0;

  if (data->options->len == 0)
    missing_add (status, "%s", _("No option is proposed"));

  for (guint i = 0; i < data->options->len; i++)
    {
      ShRecord *option = data->options->pdata[i];

      if (is_filled (option, "step_id") || has_id (data->caused, sh_record_get_id (option)))
        done++;
      else
        {
          g_autofree char *label = option_label (option);

          missing_add (status, _("Option “%s”: not linked to a process step or a cause"), label);
        }
    }

  grade (status, done, data->options->len, data->options->len > 0);
}

static void
task_screening (Data         *data,
                ShTaskStatus *status)
{
  gboolean anything = FALSE;
  guint done = 0;

  if (data->options->len == 0)
    missing_add (status, "%s", _("No option is proposed yet (task 8)"));

  for (guint i = 0; i < data->options->len; i++)
    {
      ShRecord *option = data->options->pdata[i];
      g_autofree char *label = option_label (option);

      if (!is_filled (option, "screening"))
        {
          missing_add (status, _("Option “%s”: not screened"), label);
          continue;
        }

      anything = TRUE;
      if (has_text (option, "screening", "reject") && !is_filled (option, "screening_reason"))
        missing_add (status, _("Option “%s”: rejected without a reason"), label);
      else
        done++;
    }

  grade (status, done, data->options->len, anything);
}

static void
task_technical (Data         *data,
                ShTaskStatus *status)
{
  guint needed = 0;
  guint screened = 0;
  guint done = 0;

  for (guint i = 0; i < data->options->len; i++)
    {
      ShRecord *option = data->options->pdata[i];

      if (is_filled (option, "screening"))
        screened++;
      if (!has_text (option, "screening", "analyse_further"))
        continue;

      needed++;
      if (is_filled (option, "tech_verdict"))
        done++;
      else
        {
          g_autofree char *label = option_label (option);

          missing_add (status, _("Option “%s”: no technical verdict"), label);
        }
    }

  if (needed == 0)
    {
      /* Nothing needs further analysis: done once everything is screened. */
      if (data->options->len > 0 && screened == data->options->len)
        status->completeness = SH_COMPLETENESS_DONE;
      else
        {
          status->completeness = SH_COMPLETENESS_EMPTY;
          missing_add (status, "%s", _("No option is screened for further analysis yet (task 9)"));
        }
      return;
    }

  grade (status, done, needed, FALSE);
}

static void
task_economic (Data         *data,
               ShTaskStatus *status)
{
  g_autoptr(GPtrArray) options = candidates (data);
  gboolean anything = FALSE;
  guint done = 0;

  if (options->len == 0)
    missing_add (status, "%s", _("No option is selected or screened for analysis yet"));

  for (guint i = 0; i < options->len; i++)
    {
      ShRecord *option = options->pdata[i];
      g_autofree char *label = option_label (option);
      gboolean invested = has_investment (data, option);
      gboolean saving = has_saving (data, option);

      anything |= invested || saving;
      if (invested && saving)
        done++;
      if (!invested)
        missing_add (status, _("Option “%s”: no investment"), label);
      if (!saving)
        missing_add (status, _("Option “%s”: no annual saving"), label);
    }

  grade (status, done, options->len, anything);
}

static void
task_environment (Data         *data,
                  ShTaskStatus *status)
{
  g_autoptr(GPtrArray) options = candidates (data);
  guint done = 0;

  if (options->len == 0)
    missing_add (status, "%s", _("No option is selected or screened for analysis yet"));

  for (guint i = 0; i < options->len; i++)
    {
      ShRecord *option = options->pdata[i];

      if (has_id (data->env, sh_record_get_id (option)))
        done++;
      else
        {
          g_autofree char *label = option_label (option);

          missing_add (status, _("Option “%s”: no environmental effect"), label);
        }
    }

  grade (status, done, options->len, FALSE);
}

static void
task_selection (Data         *data,
                ShTaskStatus *status)
{
  guint weighted = 0;
  guint selected = count_selected (data);
  gboolean all_scored = TRUE;

  for (guint k = 0; k < data->criteria->len; k++)
    if (sh_record_get_double (data->criteria->pdata[k], "weight", 0) > 0)
      weighted++;

  if (weighted == 0)
    missing_add (status, "%s", _("No ranking criterion with a weight"));
  if (selected == 0)
    missing_add (status, "%s", _("No option is selected for implementation"));

  for (guint i = 0; i < data->options->len; i++)
    {
      ShRecord *option = data->options->pdata[i];
      gboolean complete = TRUE;

      if (!is_selected (option))
        continue;

      for (guint k = 0; k < data->criteria->len && complete; k++)
        {
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                                  sh_record_get_id (data->criteria->pdata[k]),
                                                  sh_record_get_id (option));

          complete = g_hash_table_contains (data->scored, key);
        }

      if (!complete)
        {
          g_autofree char *label = option_label (option);

          all_scored = FALSE;
          missing_add (status, _("Option “%s”: not scored on every criterion"), label);
        }
    }

  grade (status, (weighted > 0) + (selected > 0) + (selected > 0 && all_scored), 3,
         data->criteria->len > 0 || g_hash_table_size (data->scored) > 0);
}

static void
task_action_plan (Data         *data,
                  ShTaskStatus *status)
{
  guint selected = 0;
  guint done = 0;

  for (guint i = 0; i < data->options->len; i++)
    {
      ShRecord *option = data->options->pdata[i];

      if (!is_selected (option))
        continue;
      selected++;
      if (has_id (data->planned, sh_record_get_id (option)))
        done++;
      else
        {
          g_autofree char *label = option_label (option);

          missing_add (status, _("Option “%s”: no action item"), label);
        }
    }

  if (selected == 0)
    missing_add (status, "%s", _("No option is selected for implementation yet (task 13)"));

  grade (status, done, selected, data->actions->len > 0);
}

static void
task_implementation (Data         *data,
                     ShTaskStatus *status)
{
  gboolean anything = FALSE;
  guint selected = 0;
  guint done = 0;

  for (guint i = 0; i < data->options->len; i++)
    {
      ShRecord *option = data->options->pdata[i];
      g_autofree char *label = NULL;
      gboolean implemented = has_text (option, "status", "implemented");
      gboolean in_progress = has_text (option, "status", "in_progress");
      gboolean dated;

      if (!is_selected (option))
        continue;
      selected++;
      label = option_label (option);

      if (!implemented && !in_progress)
        {
          missing_add (status, _("Option “%s”: not started"), label);
          continue;
        }

      anything = TRUE;
      dated = is_filled (option, "actual_start") || (in_progress && is_filled (option, "planned_start"));
      if (dated)
        done++;
      else
        missing_add (status, _("Option “%s”: no start date"), label);
    }

  if (selected == 0)
    missing_add (status, "%s", _("No option is selected for implementation yet (task 13)"));

  grade (status, done, selected, anything);
}

static void
task_monitoring (Data         *data,
                 ShTaskStatus *status)
{
  guint done = 0;

  if (data->monitoring->len == 0)
    missing_add (status, "%s", _("No monitoring record"));

  for (guint i = 0; i < data->monitoring->len; i++)
    {
      ShRecord *record = data->monitoring->pdata[i];
      const char *indicator = sh_record_get_string (record, "indicator");
      gboolean baseline = is_filled (record, "baseline_value");
      gboolean measured = is_filled (record, "measured_value");

      if (!baseline)
        missing_add (status, _("Indicator “%s”: no baseline value"), indicator);
      if (!measured)
        missing_add (status, _("Indicator “%s”: no measured value"), indicator);
      if (baseline && measured)
        done++;
    }

  grade (status, done, data->monitoring->len, data->monitoring->len > 0);
}

/* Fields of one row, each with what to say when it is empty. */
typedef struct
{
  const char *column;
  const char *missing;
} Field;

static void
grade_fields (ShTaskStatus *status,
              ShRecord     *row,
              const Field  *fields,
              guint         n_fields)
{
  guint done = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      if (is_filled (row, fields[i].column))
        done++;
      else
        missing_add (status, "%s", _(fields[i].missing));
    }

  grade (status, done, n_fields, FALSE);
}

static void
task_sustaining (Data         *data,
                 ShTaskStatus *status)
{
  static const Field fields[] = {
    { "sustain_sops", N_("The updated procedures (SOPs) are not described") },
    { "sustain_training", N_("The training is not described") },
    { "sustain_kpis", N_("The indicators to follow (KPIs) are not described") },
  };

  grade_fields (status, data->assessment, fields, G_N_ELEMENTS (fields));
}

static void
task_next_focus (Data         *data,
                 ShTaskStatus *status)
{
  static const Field fields[] = {
    { "next_focus", N_("The next focus is not chosen") },
    { "next_review_date", N_("The date of the next review is not set") },
  };

  grade_fields (status, data->assessment, fields, G_N_ELEMENTS (fields));
}

/* -------------------------------------------------------------------------
 * The quick-assessment sections
 * ------------------------------------------------------------------------- */

static void
section_facility (Data         *data,
                  ShTaskStatus *status)
{
  static const Field fields[] = {
    { "address", N_("The facility's address is missing") },
    { "province_code", N_("The facility's province is missing") },
    { "sector_code", N_("The facility's sector is missing") },
    { "employees", N_("The number of employees is missing") },
  };
  gboolean products = data->products->len > 0;
  gboolean regime = is_filled (data->assessment, "operating_regime") ||
                    is_filled (data->facility, "operating_days");
  guint done = products + regime;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (is_filled (data->facility, fields[i].column))
        done++;
      else
        missing_add (status, "%s", _(fields[i].missing));
    }
  if (!products)
    missing_add (status, "%s", _("No product of the facility is listed"));
  if (!regime)
    missing_add (status, "%s", _("The operating regime is missing"));

  grade (status, done, G_N_ELEMENTS (fields) + 2, FALSE);
}

static void
section_production (Data         *data,
                    ShTaskStatus *status)
{
  gboolean priced = TRUE;

  if (data->production->len == 0)
    missing_add (status, "%s", _("No production record"));
  if (data->consumption->len == 0)
    missing_add (status, "%s", _("No consumption record"));

  for (guint i = 0; i < data->consumption->len; i++)
    {
      ShRecord *row = data->consumption->pdata[i];
      const char *name = sh_record_get_string (row, "resource_name");

      if (is_filled (row, "unit_price_vnd"))
        continue;
      priced = FALSE;
      missing_add (status, _("Consumption of “%s” (%s): no unit price"),
                   name != NULL ? name : sh_record_get_string (row, "resource_code"),
                   sh_record_get_string (row, "period_label"));
    }

  grade (status,
         (data->production->len > 0) + (data->consumption->len > 0) +
         (data->consumption->len > 0 && priced), 3,
         FALSE);
}

static gboolean
is_answered (ShRecord *row)
{
  return is_filled (row, "answer");
}

static void
section_checklist (Data         *data,
                   ShTaskStatus *status)
{
  GPtrArray *reference = data->reference_checklist;
  guint done = 0;

  if (reference->len > 0)
    {
      /* The sector's own checklist is the list to go through. */
      for (guint i = 0; i < reference->len; i++)
        for (guint a = 0; a < data->checklist->len; a++)
          {
            ShRecord *row = data->checklist->pdata[a];

            if (has_text (row, "item_code", reference->pdata[i]) && is_answered (row))
              {
                done++;
                break;
              }
          }

      if (done < reference->len)
        missing_add (status, _("%u of the sector's %u checklist questions are not answered"),
                     reference->len - done, reference->len);
      grade (status, done, reference->len, data->checklist->len > 0);
      return;
    }

  if (data->checklist->len == 0)
    missing_add (status, "%s", _("No checklist question is answered"));

  for (guint i = 0; i < data->checklist->len; i++)
    {
      ShRecord *row = data->checklist->pdata[i];
      const char *question = sh_record_get_string (row, "question");

      if (is_answered (row))
        done++;
      else
        missing_add (status, _("Checklist question “%s”: no answer"),
                     question != NULL ? question : sh_record_get_string (row, "item_code"));
    }

  grade (status, done, data->checklist->len, data->checklist->len > 0);
}

static void
section_observations (Data         *data,
                      ShTaskStatus *status)
{
  guint done = 0;

  if (data->observations->len == 0)
    missing_add (status, "%s", _("No observation is recorded"));

  for (guint i = 0; i < data->observations->len; i++)
    {
      ShRecord *row = data->observations->pdata[i];

      if (is_filled (row, "location") || is_filled (row, "step_id"))
        done++;
      else
        missing_add (status, _("Observation “%s”: no location"), sh_record_get_string (row, "issue"));
    }

  grade (status, done, data->observations->len, data->observations->len > 0);
}

static void
section_quick_wins (Data         *data,
                    ShTaskStatus *status)
{
  guint n = 0;
  guint done = 0;

  for (guint i = 0; i < data->options->len; i++)
    {
      ShRecord *option = data->options->pdata[i];
      g_autofree char *label = NULL;
      gboolean saving, invested;

      if (sh_record_get_int (option, "is_quick_win", 0) == 0)
        continue;
      n++;
      label = option_label (option);
      saving = has_saving (data, option);
      invested = has_investment (data, option);
      if (!saving)
        missing_add (status, _("Quick win “%s”: no estimated saving"), label);
      if (!invested)
        missing_add (status, _("Quick win “%s”: no estimated cost"), label);
      if (saving && invested)
        done++;
    }

  if (n == 0)
    missing_add (status, "%s", _("No quick-win option is listed"));

  grade (status, done, n, n > 0);
}

static void
section_focus (Data         *data,
               ShTaskStatus *status)
{
  static const Field fields[] = {
    { "proposed_focus", N_("The proposed focus is missing") },
    { "cp_potential_pct", N_("The CP potential is missing") },
    { "recommendation", N_("The recommendation is missing") },
    { "continue_recommended", N_("Whether to continue with a detailed assessment is not decided") },
  };

  grade_fields (status, data->assessment, fields, G_N_ELEMENTS (fields));
}

static void
section_signatures (Data         *data,
                    ShTaskStatus *status)
{
  static const Field fields[] = {
    { "consultant_signature_name", N_("The consultant's name is missing from the signatures") },
    { "consultant_signature_date", N_("The date of the consultant's signature is missing") },
    { "facility_signature_name", N_("The facility representative's name is missing from the signatures") },
    { "facility_signature_date", N_("The date of the facility's signature is missing") },
  };

  grade_fields (status, data->assessment, fields, G_N_ELEMENTS (fields));
}

/* -------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

typedef void (*Rule) (Data *data, ShTaskStatus *status);

static const Rule task_rules[SH_TASKS_N_TASKS] = {
  task_team, task_steps, task_focus, task_flow_chart, task_balance, task_costs,
  task_causes, task_options, task_screening, task_technical, task_economic,
  task_environment, task_selection, task_action_plan, task_implementation,
  task_monitoring, task_sustaining, task_next_focus,
};

static const Rule section_rules[SH_TASKS_N_QUICK_SECTIONS] = {
  section_facility, section_production, section_checklist, section_observations,
  section_quick_wins, section_focus, section_signatures,
};

static gboolean
is_quick (Data *data)
{
  return has_text (data->assessment, "kind", "quick");
}

static GPtrArray *
compute (Data *data)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_task_status_free);
  gboolean quick = is_quick (data);
  guint n = quick ? SH_TASKS_N_QUICK_SECTIONS : SH_TASKS_N_TASKS;

  for (guint i = 0; i < n; i++)
    {
      ShTaskStatus *status = status_new (quick ? &quick_sections[i] : &tasks[i]);

      (quick ? section_rules : task_rules)[i] (data, status);
      g_ptr_array_add (result, status);
    }

  return result;
}

GPtrArray *
sh_tasks_compute (ShStore     *store,
                  gint64       assessment_id,
                  GError     **error)
{
  g_auto(Data) data = { NULL, };

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load (store, assessment_id, &data, error))
    return NULL;

  return compute (&data);
}

gboolean
sh_tasks_check_finalize (ShStore     *store,
                         gint64       assessment_id,
                         GPtrArray  **missing,
                         GError     **error)
{
  g_auto(Data) data = { NULL, };
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (missing != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *missing = NULL;
  if (!load (store, assessment_id, &data, error))
    return FALSE;

  statuses = compute (&data);
  list = g_ptr_array_new_with_free_func (g_free);

  /* A detailed report is signed as a quick one is. */
  if (!is_quick (&data))
    {
      ShTaskStatus *signatures = status_new (&quick_sections[SH_TASKS_N_QUICK_SECTIONS - 1]);

      section_signatures (&data, signatures);
      g_ptr_array_add (statuses, signatures);
    }

  for (guint i = 0; i < statuses->len; i++)
    {
      ShTaskStatus *status = statuses->pdata[i];

      if (status->completeness == SH_COMPLETENESS_DONE)
        continue;

      for (guint m = 0; m < status->missing->len; m++)
        {
          if (status->info->step > 0)
            /* Translators: "Task 4, Draw the flow chart of the focus: Step “Washing”: no flow". */
            g_ptr_array_add (list, g_strdup_printf (_("Task %u, %s: %s"), status->info->number,
                                                    _(status->info->name),
                                                    (char *) status->missing->pdata[m]));
          else
            g_ptr_array_add (list, g_strdup_printf (_("%s: %s"), _(status->info->name),
                                                    (char *) status->missing->pdata[m]));
        }
    }

  if (list->len == 0)
    return TRUE;

  *missing = g_steal_pointer (&list);
  return FALSE;
}
