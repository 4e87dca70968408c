/* sh-report-export.c — writing the XML reports of a facility.
 *
 * The annual report and the dossier are built by walking the record maps of
 * sh-report-map.c over the database, with the computed indicators taken
 * from sh-summary (never recomputed here). Problems with the data are
 * gathered, not returned one at a time, so that the user sees everything
 * that is missing at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sh-calc.h"
#include "sh-report-export.h"
#include "sh-refdata.h"
#include "sh-report-private.h"
#include "sh-store-private.h"
#include "sh-summary.h"
#include "sh-summary-private.h"

struct _ShReportWriter
{
  ShStore       *store;
  ShUnits       *units;
  ShReportKind   kind;
  char          *subject_uuid;
  xmlDoc        *doc;
  xmlNs         *ns;
  xmlNode       *root;
  xmlNode       *info;          /* ThongTinTaiLieu */
  xmlNode       *revision;
  GPtrArray     *problems;

  /* While writing an annual report or a dossier. */
  int            year;
  ShRecord      *assessment;    /* the assessment being written */
  ShSummary     *summary;       /* its indicators */
  GHashTable    *steps_wanted;  /* annual: ids of the steps the listed options use */
  GError        *error;         /* a database error: stops the export */
  gboolean       snapshot;      /* a read snapshot is open until saving */
};

ShReportWriter *
sh_report_writer_new (ShStore      *store,
                      ShUnits      *units,
                      ShReportKind  kind,
                      const char   *subject_uuid)
{
  ShReportWriter *writer = g_new0 (ShReportWriter, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *document_uuid = g_uuid_string_random ();
  xmlNode *info;
  xmlNode *generator;

  sh_xml_safe_init ();

  writer->store = g_object_ref (store);
  writer->units = g_object_ref (units);
  writer->kind = kind;
  writer->subject_uuid = g_strdup (subject_uuid);
  writer->problems = sh_report_problems_new ();

  /* Writing a document reads hundreds of rows a few at a time: one read
   * snapshot for all of them, ended before anything is written. Without
   * one the export still works, only slower. */
  if (!sh_summary_read_begin (store, &writer->snapshot, NULL))
    writer->snapshot = FALSE;

  writer->doc = xmlNewDoc ((const xmlChar *) "1.0");
  writer->root = xmlNewDocNode (writer->doc, NULL, (const xmlChar *) sh_report_kind_get_root (kind), NULL);
  xmlDocSetRootElement (writer->doc, writer->root);
  writer->ns = xmlNewNs (writer->root, (const xmlChar *) SH_REPORT_NAMESPACE, NULL);
  xmlSetNs (writer->root, writer->ns);

  info = writer->info = sh_report_add_text (writer->root, "ThongTinTaiLieu", NULL);
  sh_report_add_text (info, "MaTaiLieu", document_uuid);
  sh_report_add_text (info, "PhienBanLuocDo", SH_REPORT_SCHEMA_VERSION);
  sh_report_add_text (info, "MaDoiTuong", subject_uuid);
  /* Set by sh_report_writer_save(), once the content is known. */
  writer->revision = sh_report_add_text (info, "LanBanHanh", "1");
  generator = sh_report_add_text (info, "PhanMemTao", NULL);
  sh_report_add_text (generator, "Ten", "Sạch Hơn");
  sh_report_add_text (generator, "PhienBan", PACKAGE_VERSION);
  sh_report_add_text (info, "ThoiDiemTao", created);

  return writer;
}

static void
end_snapshot (ShReportWriter *writer)
{
  if (writer->snapshot)
    sh_summary_read_end (writer->store, TRUE);
  writer->snapshot = FALSE;
}

void
sh_report_writer_free (ShReportWriter *writer)
{
  if (writer == NULL)
    return;

  end_snapshot (writer);
  g_clear_object (&writer->store);
  g_clear_object (&writer->units);
  g_free (writer->subject_uuid);
  g_clear_pointer (&writer->doc, xmlFreeDoc);
  g_clear_pointer (&writer->problems, g_ptr_array_unref);
  g_clear_pointer (&writer->assessment, sh_record_unref);
  g_clear_pointer (&writer->summary, sh_summary_free);
  g_clear_pointer (&writer->steps_wanted, g_hash_table_unref);
  g_clear_error (&writer->error);
  g_free (writer);
}

xmlNode *
sh_report_writer_get_root (ShReportWriter *writer)
{
  return writer->root;
}

void
sh_report_writer_add_problem (ShReportWriter *writer,
                              xmlNode        *where,
                              const char     *format,
                              ...)
{
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (where != NULL)
    path = sh_report_node_path (where);
  g_ptr_array_add (writer->problems,
                   sh_report_problem_new (SH_REPORT_SEVERITY_ERROR, 0, path, "%s", message));
}

/* Keeps the first database error; later steps see it and stop. */
static gboolean
writer_failed (ShReportWriter *writer,
               GError         *error)
{
  if (error != NULL)
    {
      if (writer->error == NULL)
        writer->error = error;
      else
        g_error_free (error);
    }

  return writer->error != NULL;
}

/* -------------------------------------------------------------------------
 * Records
 * ------------------------------------------------------------------------- */

/* How a record is named in messages: its name, title or another telling
 * text field, else its UUID. */
static char *
describe_record (const ShReportRecordMap *map,
                 ShRecord                *row)
{
  static const char *const columns[] = {
    "name", "title", "task", "issue", "description", "file_name", "indicator", "item_code",
    "substance", "resource_code", "period_label", "code",
  };

  if (row == NULL)
    return g_strdup ("");

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const char *text = sh_record_has (row, columns[i]) ? sh_record_get_string (row, columns[i]) : NULL;

      if (text != NULL && *text != '\0')
        return g_strdup_printf ("“%s”", text);
    }

  return g_strdup_printf ("%s", sh_record_get_uuid (row) ? sh_record_get_uuid (row) : "");
}

static void
missing (ShReportWriter          *writer,
         xmlNode                 *parent,
         const ShReportRecordMap *map,
         ShRecord                *row,
         const ShReportItem      *item)
{
  g_autofree char *name = describe_record (map, row);

  sh_report_writer_add_problem (writer, parent, _("The %s %s has no %s (%s)."),
                                _(map->label), name, _(item->label), item->element);
}

static void
invalid (ShReportWriter          *writer,
         xmlNode                 *parent,
         const ShReportRecordMap *map,
         ShRecord                *row,
         const ShReportItem      *item,
         const char              *why)
{
  g_autofree char *name = describe_record (map, row);

  sh_report_writer_add_problem (writer, parent, _("The %s %s has an invalid %s (%s): %s"),
                                _(map->label), name, _(item->label), item->element, why);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static void
write_field (ShReportWriter          *writer,
             xmlNode                 *node,
             const ShReportRecordMap *map,
             const ShReportItem      *item,
             ShRecord                *row)
{
  const char *column = item->column;
  const char *text = NULL;
  g_autofree char *owned = NULL;
  g_autofree char *why = NULL;
  GError *error = NULL;

  /* A reference to a file kept in the database has no path; its name
   * stands for it. */
  if (g_strcmp0 (map->table, "evidence") == 0 && g_str_equal (column, "file_path") &&
      sh_record_is_null (row, column))
    column = "file_name";

  /* Text of spaces only is no text. */
  if (!sh_record_has (row, column) || sh_record_is_null (row, column) ||
      (item->type == FIELD_TEXT && is_blank (sh_record_get_string (row, column))))
    {
      if (item->flags & ITEM_REQUIRED)
        missing (writer, node, map, row, item);
      return;
    }

  switch (item->type)
    {
    case FIELD_TEXT:
      text = sh_record_get_string (row, column);
      break;

    case FIELD_INTEGER:
      sh_report_add_int (node, item->element, sh_record_get_int (row, column, 0));
      return;

    case FIELD_DECIMAL:
      if (!sh_report_add_decimal (node, item->element, sh_record_get_double (row, column, 0)))
        invalid (writer, node, map, row, item, _("it is not a finite number."));
      return;

    case FIELD_BOOLEAN:
      sh_report_add_boolean (node, item->element, sh_record_get_int (row, column, 0) != 0);
      return;

    case FIELD_DATE:
      text = sh_record_get_string (row, column);
      if (!sh_report_is_date (text))
        why = g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD)."), text);
      break;

    case FIELD_DATETIME:
      text = sh_record_get_string (row, column);
      if (!sh_report_is_datetime (text))
        why = g_strdup_printf (_("“%s” is not a date or an ISO 8601 time."), text);
      break;

    case FIELD_ENUM:
    case FIELD_STATUS:
    case FIELD_ENTITY_TABLE:
      text = sh_report_enum_to_xml (item->values, sh_record_get_string (row, column));
      if (text == NULL)
        why = g_strdup_printf (_("“%s” is not one of the values the format knows."),
                               sh_record_get_string (row, column));
      break;

    case FIELD_UNIT:
      text = owned = sh_report_resolve_unit (writer->units, sh_record_get_string (row, column));
      if (text == NULL)
        why = g_strdup_printf (_("“%s” is not a unit of the units table (nor a unit per unit or per period)."),
                               sh_record_get_string (row, column));
      break;

    case FIELD_FUEL:
      text = sh_record_get_string (row, column);
      if (sh_units_lookup_fuel (writer->units, text, NULL) == NULL)
        why = g_strdup_printf (_("“%s” is not a fuel of the units table."), text);
      break;

    case FIELD_REF:
      text = owned = sh_report_find_uuid (writer->store, item->ref_table,
                                          sh_record_get_int (row, column, 0), &error);
      if (writer_failed (writer, error))
        return;
      if (text == NULL)
        why = g_strdup (_("it refers to a record that no longer exists."));
      break;

    case FIELD_ENTITY_REF:
      {
        const char *table = sh_record_get_string (row, "entity_table");

        if (sh_report_map_for_table (table) == NULL)
          {
            why = g_strdup_printf (_("records of “%s” cannot be referred to."), table ? table : "");
            break;
          }
        text = owned = sh_report_find_uuid (writer->store, table, sh_record_get_int (row, column, 0), &error);
        if (writer_failed (writer, error))
          return;
        if (text == NULL)
          why = g_strdup (_("it refers to a record that no longer exists."));
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (why != NULL)
    invalid (writer, node, map, row, item, why);
  else
    sh_report_add_text (node, item->element, text);
}

static void write_items (ShReportWriter          *writer,
                         xmlNode                 *node,
                         const ShReportRecordMap *record_map,
                         const ShReportRecordMap *items_map,
                         ShRecord                *row);

static xmlNode *
write_record (ShReportWriter          *writer,
              xmlNode                 *parent,
              const ShReportRecordMap *map,
              ShRecord                *row)
{
  xmlNode *node = sh_report_add_text (parent, map->element, NULL);

  xmlNewProp (node, (const xmlChar *) "uuid", (const xmlChar *) sh_record_get_uuid (row));
  write_items (writer, node, map, map, row);

  return node;
}

/* Which children of an annual report's records are listed: the training
 * of the year, the options implemented or under way, and the steps those
 * options apply to. */
static gboolean
annual_wants (ShReportWriter *writer,
              const char     *table,
              ShRecord       *row)
{
  if (g_str_equal (table, "training_event"))
    {
      const char *date = sh_record_get_string (row, "date");

      return date != NULL && g_ascii_strtoll (date, NULL, 10) == writer->year;
    }
  if (g_str_equal (table, "cp_option"))
    {
      const char *status = sh_record_get_string (row, "status");

      return g_strcmp0 (status, "implemented") == 0 || g_strcmp0 (status, "in_progress") == 0;
    }
  if (g_str_equal (table, "process_step"))
    {
      gint64 id = sh_record_get_id (row);

      return writer->steps_wanted != NULL && g_hash_table_contains (writer->steps_wanted, &id);
    }

  return TRUE;
}

static void write_hook (ShReportWriter *writer,
                        xmlNode        *node,
                        ShReportHook    hook,
                        ShRecord       *row);

static void
write_items (ShReportWriter          *writer,
             xmlNode                 *node,
             const ShReportRecordMap *record_map,
             const ShReportRecordMap *items_map,
             ShRecord                *row)
{
  for (guint i = 0; i < items_map->n_items && writer->error == NULL; i++)
    {
      const ShReportItem *item = &items_map->items[i];

      switch (item->kind)
        {
        case ITEM_FIELD:
          write_field (writer, node, record_map, item, row);
          break;

        case ITEM_CHILDREN:
          {
            g_autoptr(GPtrArray) children = NULL;
            GError *error = NULL;

            if ((item->flags & ITEM_DOSSIER_ONLY) && writer->kind != SH_REPORT_KIND_DOSSIER)
              break;

            children = sh_store_list (writer->store, item->record->table, item->record->parent_column,
                                      sh_record_get_id (row), &error);
            if (writer_failed (writer, error))
              return;

            for (guint c = 0; c < children->len && writer->error == NULL; c++)
              if (!(item->flags & ITEM_ANNUAL_FILTER) || writer->kind != SH_REPORT_KIND_ANNUAL ||
                  annual_wants (writer, item->record->table, children->pdata[c]))
                write_record (writer, node, item->record, children->pdata[c]);
          }
          break;

        case ITEM_GROUP:
          {
            xmlNode *group = sh_report_add_text (node, item->element, NULL);

            write_items (writer, group, record_map, item->record, row);
            /* A group with nothing in it is left out rather than empty. */
            if (xmlFirstElementChild (group) == NULL)
              {
                xmlUnlinkNode (group);
                xmlFreeNode (group);
              }
          }
          break;

        case ITEM_COMPUTED:
          write_hook (writer, node, item->hook, row);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* -------------------------------------------------------------------------
 * Computed blocks
 * ------------------------------------------------------------------------- */

static const ShSummaryOption *
find_summary_option (ShSummary *summary,
                     gint64     option_id)
{
  for (guint i = 0; summary != NULL && i < summary->options->len; i++)
    {
      const ShSummaryOption *o = summary->options->pdata[i];

      if (o->option_id == option_id)
        return o;
    }

  return NULL;
}

static void
write_option_economics (ShReportWriter *writer,
                        xmlNode        *node,
                        ShRecord       *row)
{
  const ShSummaryOption *o = find_summary_option (writer->summary, sh_record_get_id (row));
  xmlNode *block;
  double rate;

  if (o == NULL)
    {
      sh_report_writer_add_problem (writer, node, _("The economics of the option “%s” could not be computed."),
                                    sh_record_get_string (row, "title"));
      return;
    }

  /* The rate as it was typed (a percentage), not converted back from the
   * fraction the formulas use. */
  rate = sh_record_is_null (row, "discount_rate_pct")
           ? sh_record_get_double (writer->assessment, "discount_rate_pct", 10)
           : sh_record_get_double (row, "discount_rate_pct", 10);

  block = sh_report_add_text (node, "KinhTe", NULL);
  sh_report_add_int (block, "TongDauTuVND", o->investment_vnd);
  sh_report_add_int (block, "LoiIchRongVNDNam", o->annual_benefit_vnd);
  sh_report_add_int (block, "VongDoiNam", o->life_years);
  sh_report_add_decimal (block, "TyLeChietKhauPct", rate);
  if (o->has_payback)
    sh_report_add_computed (block, "HoanVonNam", o->payback_years);
  if (o->has_npv)
    sh_report_add_int (block, "NPVVND", o->npv_vnd);
  if (o->has_irr)
    sh_report_add_computed (block, "IRRPct", o->irr * 100.0);
  if (o->has_bc)
    sh_report_add_computed (block, "BC", o->bc_ratio);
  /* The ranking criteria are worksheets of the dossier only. */
  if (o->has_rank && writer->kind == SH_REPORT_KIND_DOSSIER)
    {
      sh_report_add_computed (block, "DiemXepHang", o->rank_score);
      sh_report_add_int (block, "ThuHang", o->rank);
    }
}

static const char *
target_to_xml (ShCalcTargetStatus status)
{
  switch (status)
    {
    case SH_CALC_TARGET_BELOW:
      return "CHUA_DAT";
    case SH_CALC_TARGET_WITHIN:
      return "DAT";
    case SH_CALC_TARGET_ABOVE:
      return "VUOT";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
write_unit (ShReportWriter *writer,
            xmlNode        *node,
            const char     *element,
            const char     *unit,
            const char     *what)
{
  g_autofree char *code = sh_report_resolve_unit (writer->units, unit);

  if (code == NULL)
    sh_report_writer_add_problem (writer, node, _("The unit “%s” of %s is not a unit of the units table."),
                                  unit ? unit : "", what);
  else
    sh_report_add_text (node, element, code);
}

static void
write_phase (xmlNode    *node,
             const char *element,
             double      total,
             double      output,
             double      sc)
{
  xmlNode *phase = sh_report_add_text (node, element, NULL);

  sh_report_add_computed (phase, "TongLuong", total);
  sh_report_add_computed (phase, "SanLuong", output);
  sh_report_add_computed (phase, "TieuThuRieng", sc);
}

/* TieuThuRieng of every resource of @summary. */
static void
write_specific_consumption (ShReportWriter *writer,
                            xmlNode        *parent,
                            ShSummary      *summary,
                            const char     *assessment_uuid)
{
  for (guint i = 0; i < summary->resources->len; i++)
    {
      const ShSummaryResource *r = summary->resources->pdata[i];
      xmlNode *node = sh_report_add_text (parent, "TieuThuRieng", NULL);

      if (assessment_uuid != NULL)
        sh_report_add_text (node, "MaDanhGia", assessment_uuid);
      sh_report_add_text (node, "MaTaiNguyen", r->resource_code);
      if (r->resource_name != NULL && *r->resource_name != '\0')
        sh_report_add_text (node, "TenTaiNguyen", r->resource_name);
      write_unit (writer, node, "DonVi", r->unit, r->resource_name ? r->resource_name : r->resource_code);
      if (r->output_unit != NULL)
        write_unit (writer, node, "DonViSanPham", r->output_unit, _("the product output"));
      if (r->has_baseline)
        write_phase (node, "Nen", r->baseline_total, r->baseline_output, r->baseline_sc);
      if (r->has_after)
        write_phase (node, "Sau", r->after_total, r->after_output, r->after_sc);
      if (r->has_saving)
        {
          sh_report_add_computed (node, "TietKiemPct", r->saving_percent);
          sh_report_add_text (node, "SoVoiMucTieu", target_to_xml (r->target));
        }
      sh_report_add_int (node, "ChiPhiNenVND", r->baseline_cost_vnd);
    }
}

static const char *
layer_to_xml (ShFlowLayer layer)
{
  switch (layer)
    {
    case SH_FLOW_LAYER_MASS:
      return "KHOI_LUONG";
    case SH_FLOW_LAYER_WATER:
      return "NUOC";
    case SH_FLOW_LAYER_ENERGY:
      return "NANG_LUONG";
    case SH_FLOW_N_LAYERS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
write_assessment_results (ShReportWriter *writer,
                          xmlNode        *node)
{
  xmlNode *results = sh_report_add_text (node, "KetQua", NULL);

  write_specific_consumption (writer, results, writer->summary, NULL);

  for (guint i = 0; i < writer->summary->balances->len && writer->error == NULL; i++)
    {
      const ShSummaryBalance *b = writer->summary->balances->pdata[i];
      xmlNode *balance = sh_report_add_text (results, "CanBang", NULL);
      g_autofree char *step = NULL;
      GError *error = NULL;

      step = sh_report_find_uuid (writer->store, "process_step", b->step_id, &error);
      if (writer_failed (writer, error))
        return;
      sh_report_add_text (balance, "MaCongDoan", step);
      sh_report_add_text (balance, "Lop", layer_to_xml (b->layer));
      write_unit (writer, balance, "DonVi", b->unit, b->step_name);
      sh_report_add_computed (balance, "TongVao", b->balance.total_in);
      sh_report_add_computed (balance, "TongRa", b->balance.total_out);
      sh_report_add_computed (balance, "SaiSoPct", b->balance.closure_percent);
      sh_report_add_boolean (balance, "TrongSaiSoChoPhep", b->within_tolerance);
    }

  sh_report_add_int (results, "TongDauTuVND", writer->summary->total_investment_vnd);
  sh_report_add_int (results, "TongLoiIchVNDNam", writer->summary->total_benefit_vnd);
  sh_report_add_int (results, "TongChiPhiDongThaiVND", writer->summary->total_waste_cost_vnd);
}

static void
write_hook (ShReportWriter *writer,
            xmlNode        *node,
            ShReportHook    hook,
            ShRecord       *row)
{
  switch (hook)
    {
    case HOOK_WASTE_COST:
      {
        ShCalcWasteCost cost = {
          sh_record_get_int (row, "material_loss_vnd", 0),
          sh_record_get_int (row, "energy_loss_vnd", 0),
          sh_record_get_int (row, "treatment_vnd", 0),
          sh_record_get_int (row, "fees_vnd", 0),
        };
        g_autoptr(GError) error = NULL;
        gint64 total = 0;

        if (!sh_calc_waste_stream_cost (&cost, &total, &error))
          sh_report_writer_add_problem (writer, node, _("The cost of the waste stream “%s”: %s"),
                                        sh_record_get_string (row, "name"), error->message);
        else
          sh_report_add_int (node, "TongChiPhiVND", total);
      }
      break;

    case HOOK_OPTION_ECONOMICS:
      write_option_economics (writer, node, row);
      break;

    case HOOK_MONITORING_SAVING:
      {
        double saving;

        if (!sh_record_is_null (row, "baseline_value") && !sh_record_is_null (row, "measured_value") &&
            sh_calc_saving_percent (sh_record_get_double (row, "baseline_value", 0),
                                    sh_record_get_double (row, "measured_value", 0), &saving, NULL))
          sh_report_add_computed (node, "TietKiemDatDuocPct", saving);
      }
      break;

    case HOOK_ASSESSMENT_RESULTS:
      write_assessment_results (writer, node);
      break;

    case HOOK_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* -------------------------------------------------------------------------
 * Assessments, consultants, the facility
 * ------------------------------------------------------------------------- */

/* Computes the summary of @assessment and makes it the current one. */
static gboolean
begin_assessment (ShReportWriter *writer,
                  ShRecord       *assessment)
{
  GError *error = NULL;

  g_clear_pointer (&writer->assessment, sh_record_unref);
  g_clear_pointer (&writer->summary, sh_summary_free);
  writer->assessment = sh_record_ref (assessment);
  writer->summary = sh_summary_compute (writer->store, writer->units, sh_record_get_id (assessment), &error);

  return !writer_failed (writer, error);
}

/* The consultants of @assessments, each once, in the order they appear. */
static void
write_consultants (ShReportWriter *writer,
                   GPtrArray      *assessments)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  xmlNode *list = NULL;

  for (guint a = 0; a < assessments->len && writer->error == NULL; a++)
    {
      g_autoptr(GPtrArray) links = NULL;
      GError *error = NULL;

      links = sh_store_list (writer->store, "assessment_consultant", "assessment_id",
                             sh_record_get_id (assessments->pdata[a]), &error);
      if (writer_failed (writer, error))
        return;

      for (guint l = 0; l < links->len; l++)
        {
          gint64 id = sh_record_get_int (links->pdata[l], "consultant_id", 0);
          g_autoptr(ShRecord) consultant = NULL;
          gboolean known = FALSE;

          for (guint s = 0; s < seen->len; s++)
            known = known || g_array_index (seen, gint64, s) == id;
          if (known)
            continue;
          g_array_append_val (seen, id);

          consultant = sh_store_get (writer->store, "consultant", id, &error);
          if (writer_failed (writer, error))
            return;
          if (list == NULL)
            list = sh_report_add_text (writer->root, "DanhSachChuyenGia", NULL);
          write_record (writer, list, &sh_report_map_consultant, consultant);
        }
    }
}

/* The steps the options listed in an annual report apply to. */
static void
collect_wanted_steps (ShReportWriter *writer,
                      ShRecord       *assessment)
{
  g_autoptr(GPtrArray) options = NULL;
  GError *error = NULL;

  g_clear_pointer (&writer->steps_wanted, g_hash_table_unref);
  writer->steps_wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  options = sh_store_list (writer->store, "cp_option", "assessment_id", sh_record_get_id (assessment), &error);
  if (writer_failed (writer, error))
    return;

  for (guint i = 0; i < options->len; i++)
    if (annual_wants (writer, "cp_option", options->pdata[i]) &&
        !sh_record_is_null (options->pdata[i], "step_id"))
      {
        gint64 *id = g_new (gint64, 1);

        *id = sh_record_get_int (options->pdata[i], "step_id", 0);
        g_hash_table_add (writer->steps_wanted, id);
      }
}

/* -------------------------------------------------------------------------
 * Saving
 * ------------------------------------------------------------------------- */

static void
set_incomplete_error (GPtrArray   *problems,
                      GError     **error)
{
  g_autoptr(GString) message = g_string_new (NULL);
  guint n = sh_report_problems_count (problems, SH_REPORT_SEVERITY_ERROR);

  g_string_append_printf (message,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "The document was not written: %u thing is missing or wrong:",
                                       "The document was not written: %u things are missing or wrong:", n),
                          n);
  for (guint i = 0; i < problems->len; i++)
    {
      const ShReportProblem *p = problems->pdata[i];

      if (p->severity == SH_REPORT_SEVERITY_ERROR)
        g_string_append_printf (message, "\n • %s", p->message);
    }

  g_set_error_literal (error, SH_REPORT_ERROR, SH_REPORT_ERROR_INCOMPLETE, message->str);
}

static gboolean
fail_incomplete (ShReportWriter  *writer,
                 GPtrArray      **out_problems,
                 GError         **error)
{
  set_incomplete_error (writer->problems, error);
  if (out_problems != NULL)
    *out_problems = g_ptr_array_ref (writer->problems);
  return FALSE;
}

gboolean
sh_report_writer_save (ShReportWriter  *writer,
                       const char      *path,
                       gint64           facility_id,
                       gint64           annual_report_id,
                       GPtrArray      **out_problems,
                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *revision_text = NULL;
  g_autofree char *file_sha256 = NULL;
  g_autofree char *base_name = NULL;
  g_autofree char *document_uuid = NULL;
  xmlChar *memory = NULL;
  int size = 0;
  gint64 revision = 0;
  ShReportLogEntry entry = { 0 };

  if (out_problems != NULL)
    *out_problems = NULL;

  end_snapshot (writer);
  if (writer->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&writer->error));
      return FALSE;
    }
  if (sh_report_problems_count (writer->problems, SH_REPORT_SEVERITY_ERROR) > 0)
    return fail_incomplete (writer, out_problems, error);

  /* The file must be one the importer accepts: schema, then the same
   * semantic checks as `sachhon-cli validate`. */
  if (!sh_report_schema_validate (sh_report_schema_get (), writer->doc, FALSE, writer->problems))
    return fail_incomplete (writer, out_problems, error);
  sh_report_check_semantics (writer->units, writer->doc, writer->kind, writer->problems);
  if (sh_report_problems_count (writer->problems, SH_REPORT_SEVERITY_ERROR) > 0)
    return fail_incomplete (writer, out_problems, error);

  digest = sh_report_digest (writer->root);
  if (!sh_report_log_revision (writer->store, writer->kind, writer->subject_uuid, digest, &revision, error))
    return FALSE;
  revision_text = g_strdup_printf ("%" G_GINT64_FORMAT, revision);
  xmlNodeSetContent (writer->revision, (const xmlChar *) revision_text);

  xmlDocDumpFormatMemoryEnc (writer->doc, &memory, &size, "UTF-8", 1);
  if (memory == NULL)
    g_error ("Out of memory writing an XML document");
  file_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, memory, (gsize) size);

  base_name = g_path_get_basename (path);
  document_uuid = sh_report_child_text (sh_report_first_child (writer->root, "ThongTinTaiLieu"), "MaTaiLieu");
  entry.direction = "sent";
  entry.kind = writer->kind;
  entry.document_uuid = document_uuid;
  entry.subject_uuid = writer->subject_uuid;
  entry.revision = revision;
  entry.digest = digest;
  entry.file_name = base_name;
  entry.file_sha256 = file_sha256;
  entry.facility_id = facility_id;
  entry.annual_report_id = annual_report_id;

  /* Logged in the same transaction as the file is written: a failure to
   * write leaves no log entry, and a failure to log leaves no file behind
   * the old one (the rename is the last step). */
  if (!sh_store_begin (writer->store, error))
    {
      xmlFree (memory);
      return FALSE;
    }
  if (!sh_report_log_add (writer->store, &entry, error) ||
      (annual_report_id != 0 &&
       (!sh_store_set_string (writer->store, "annual_report", annual_report_id, "xml_sha256", file_sha256, error) ||
        !sh_store_set_string (writer->store, "annual_report", annual_report_id, "xml_path", path, error))))
    {
      sh_store_rollback (writer->store);
      xmlFree (memory);
      return FALSE;
    }

  if (!g_file_set_contents_full (path, (const char *) memory, size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      sh_store_rollback (writer->store);
      xmlFree (memory);
      g_set_error (error, SH_REPORT_ERROR, SH_REPORT_ERROR_IO, _("Cannot write “%s”: %s"),
                   path, local_error->message);
      return FALSE;
    }
  xmlFree (memory);

  return sh_store_commit (writer->store, error);
}

/* The versions of the reference data loaded in the store (benchmarks,
 * norms, option codes and lists the figures were checked against), last in
 * the header. A store without reference data writes nothing. */
static void
write_reference_data (ShReportWriter *writer)
{
  xmlNode *node = NULL;

  for (guint k = 0; k < SH_REFDATA_N_KINDS; k++)
    {
      g_autofree char *version = sh_refdata_get_version (writer->store, (ShRefdataKind) k);
      xmlNode *file;

      if (version == NULL)
        continue;
      if (node == NULL)
        node = sh_report_add_text (writer->info, "DuLieuThamChieu", NULL);
      file = sh_report_add_text (node, "TepThamChieu", NULL);
      sh_report_add_text (file, "Loai", sh_refdata_kind_to_string ((ShRefdataKind) k));
      sh_report_add_text (file, "PhienBan", version);
    }
}

/* -------------------------------------------------------------------------
 * The annual report
 * ------------------------------------------------------------------------- */

static gint64
find_annual_report (ShStore     *store,
                    gint64       facility_id,
                    int          year,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = sh_store_prepare (store, "SELECT id FROM annual_report WHERE facility_id = ?1 AND year = ?2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, facility_id);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sh_store_set_sqlite_error (store, rc, error, "finding an annual report");
      return -1;
    }

  return id;
}

/* The assessments an annual report for @year covers: those whose dates
 * overlap the year, or that have after-CP production in it, or options
 * completed in it. */
GArray *
sh_report_covered_assessment_ids (ShStore     *store,
                                  gint64       facility_id,
                                  int          year,
                                  GPtrArray  **out_uuids,
                                  GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt;
  int rc;

  if (out_uuids != NULL)
    *out_uuids = NULL;

  stmt = sh_store_prepare (store,
                           "SELECT a.id, a.uuid FROM assessment a WHERE a.facility_id = ?1 AND ("
                           " (coalesce (a.start_date, a.end_date) IS NOT NULL"
                           "  AND substr (coalesce (a.start_date, a.end_date), 1, 10) <= ?3"
                           "  AND substr (coalesce (a.end_date, a.start_date), 1, 10) >= ?2)"
                           " OR EXISTS (SELECT 1 FROM production_record p WHERE p.assessment_id = a.id"
                           "  AND p.phase = 'after' AND coalesce (p.period_start, p.period_end) IS NOT NULL"
                           "  AND substr (coalesce (p.period_start, p.period_end), 1, 10) <= ?3"
                           "  AND substr (coalesce (p.period_end, p.period_start), 1, 10) >= ?2)"
                           " OR EXISTS (SELECT 1 FROM cp_option o WHERE o.assessment_id = a.id"
                           "  AND substr (o.actual_end, 1, 10) BETWEEN ?2 AND ?3))"
                           " ORDER BY a.id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, facility_id);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sh_store_set_sqlite_error (store, rc, error, "finding the assessments of a year");
      return NULL;
    }

  if (out_uuids != NULL)
    *out_uuids = g_steal_pointer (&uuids);
  return g_steal_pointer (&ids);
}

GPtrArray *
sh_report_covered_assessments (ShStore     *store,
                               gint64       facility_id,
                               int          year,
                               GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_record_unref);
  g_autoptr(GArray) ids = sh_report_covered_assessment_ids (store, facility_id, year, NULL, error);

  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      ShRecord *row = sh_store_get (store, "assessment", g_array_index (ids, gint64, i), error);

      if (row == NULL)
        return NULL;
      g_ptr_array_add (rows, row);
    }

  return g_steal_pointer (&rows);
}

static void
write_annual_results (ShReportWriter *writer,
                      GPtrArray      *assessments,
                      GPtrArray      *summaries)
{
  xmlNode *results = sh_report_add_text (writer->root, "KetQua", NULL);
  g_autoptr(GPtrArray) indicators = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) reductions = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 n_options = 0;
  gint64 investment = 0;
  gint64 benefit = 0;

  for (guint a = 0; a < assessments->len; a++)
    write_specific_consumption (writer, results, summaries->pdata[a],
                                sh_record_get_uuid (assessments->pdata[a]));

  /* Environmental benefits and totals of the options listed. */
  for (guint a = 0; a < assessments->len && writer->error == NULL; a++)
    {
      g_autoptr(GPtrArray) options = NULL;
      GError *error = NULL;

      options = sh_store_list (writer->store, "cp_option", "assessment_id",
                               sh_record_get_id (assessments->pdata[a]), &error);
      if (writer_failed (writer, error))
        return;

      for (guint o = 0; o < options->len; o++)
        {
          ShRecord *option = options->pdata[o];
          const ShSummaryOption *economics;
          g_autoptr(GPtrArray) effects = NULL;

          if (!annual_wants (writer, "cp_option", option))
            continue;

          economics = find_summary_option (summaries->pdata[a], sh_record_get_id (option));
          n_options++;
          if (economics != NULL)
            {
              investment += economics->investment_vnd;
              benefit += economics->annual_benefit_vnd;
            }

          effects = sh_store_list (writer->store, "option_env_effect", "option_id", sh_record_get_id (option), &error);
          if (writer_failed (writer, error))
            return;
          for (guint e = 0; e < effects->len; e++)
            {
              const char *indicator = sh_record_get_string (effects->pdata[e], "indicator");
              g_autofree char *unit = sh_report_resolve_unit (writer->units,
                                                              sh_record_get_string (effects->pdata[e], "unit"));
              g_autofree char *key = g_strdup_printf ("%s\t%s", indicator, unit ? unit : "");
              double reduction = sh_record_get_double (effects->pdata[e], "reduction", 0);
              guint k;

              if (unit == NULL)
                continue;  /* reported on the effect itself */

              for (k = 0; k < indicators->len; k++)
                if (g_str_equal (indicators->pdata[k], key))
                  break;
              if (k == indicators->len)
                {
                  double zero = 0;

                  g_ptr_array_add (indicators, g_steal_pointer (&key));
                  g_array_append_val (reductions, zero);
                }
              g_array_index (reductions, double, k) += reduction;
            }
        }
    }

  for (guint k = 0; k < indicators->len; k++)
    {
      g_auto(GStrv) parts = g_strsplit (indicators->pdata[k], "\t", 2);
      xmlNode *node = sh_report_add_text (results, "GiamThieu", NULL);
      sh_report_add_text (node, "ChiTieu", sh_report_enum_to_xml (sh_report_enum_env_indicator, parts[0]));
      sh_report_add_computed (node, "LuongGiam", g_array_index (reductions, double, k));
      sh_report_add_text (node, "DonVi", parts[1]);
    }

  sh_report_add_int (results, "SoGiaiPhap", n_options);
  sh_report_add_int (results, "TongDauTuVND", investment);
  sh_report_add_int (results, "TongLoiIchVNDNam", benefit);
}

typedef enum
{
  ANNUAL_TEXT,
  ANNUAL_DATE,
} AnnualField;

/* A field of the annual_report row; @label names it when it is required. */
static void
write_annual_field (ShReportWriter *writer,
                    xmlNode        *parent,
                    const char     *element,
                    AnnualField     kind,
                    ShRecord       *report,
                    const char     *column,
                    const char     *fallback,
                    const char     *label)
{
  const char *text = sh_record_get_string (report, column);

  if (is_blank (text))
    text = fallback;
  if (is_blank (text))
    {
      if (label != NULL)
        sh_report_writer_add_problem (writer, parent, _("The annual report has no %s (%s)."), label, element);
      return;
    }

  /* Checked here rather than left to the schema, to say it in words. */
  if (kind == ANNUAL_DATE && !sh_report_is_date (text))
    sh_report_writer_add_problem (writer, parent,
                                  _("The annual report has an invalid date (%s): “%s” is not a date (YYYY-MM-DD)."),
                                  element, text);
  else
    sh_report_add_text (parent, element, text);
}

gboolean
sh_report_export_annual (ShStore      *store,
                         ShUnits      *units,
                         gint64        facility_id,
                         int           year,
                         const char   *path,
                         GPtrArray   **out_problems,
                         GError      **error)
{
  g_autoptr(ShReportWriter) writer = NULL;
  g_autoptr(ShRecord) facility = NULL;
  g_autoptr(ShRecord) report = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  const char *status;
  xmlNode *root;
  xmlNode *node;
  xmlNode *activities;
  gint64 report_id;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (units != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_problems != NULL)
    *out_problems = NULL;

  if (!(facility = sh_store_get (store, "facility", facility_id, error)))
    return FALSE;

  report_id = find_annual_report (store, facility_id, year, error);
  if (report_id < 0)
    return FALSE;
  if (report_id == 0)
    {
      g_set_error (error, SH_REPORT_ERROR, SH_REPORT_ERROR_NOT_FOUND,
                   _("“%s” has no annual report for %d yet. Create it first: the plan for next year, "
                     "the recommendations and who signs it."),
                   sh_record_get_string (facility, "name"), year);
      return FALSE;
    }
  if (!(report = sh_store_get (store, "annual_report", report_id, error)))
    return FALSE;
  if (!(assessments = sh_report_covered_assessments (store, facility_id, year, error)))
    return FALSE;

  writer = sh_report_writer_new (store, units, SH_REPORT_KIND_ANNUAL, sh_record_get_uuid (report));
  writer->year = year;
  write_reference_data (writer);
  root = writer->root;

  sh_report_add_int (root, "Nam", year);
  first = g_strdup_printf ("%04d-01-01", year);
  last = g_strdup_printf ("%04d-12-31", year);
  node = sh_report_add_text (root, "KyBaoCao", NULL);
  write_annual_field (writer, node, "TuNgay", ANNUAL_DATE, report, "period_from", first, _("start of the period"));
  write_annual_field (writer, node, "DenNgay", ANNUAL_DATE, report, "period_to", last, _("end of the period"));
  node = sh_report_add_text (root, "NoiNhan", NULL);
  write_annual_field (writer, node, "MaTinh", ANNUAL_TEXT, report, "recipient_province",
                      sh_record_get_string (facility, "province_code"), _("receiving province"));
  write_annual_field (writer, node, "HanNop", ANNUAL_DATE, report, "deadline", NULL, NULL);
  status = sh_report_enum_to_xml (sh_report_enum_annual_status, sh_record_get_string (report, "status"));
  sh_report_add_text (root, "TrangThai", status != NULL ? status : "DU_THAO");
  write_annual_field (writer, root, "NgayNop", ANNUAL_DATE, report, "submitted_on", NULL, NULL);

  write_consultants (writer, assessments);
  write_record (writer, root, &sh_report_map_facility, facility);

  summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_summary_free);
  activities = sh_report_add_text (root, "HoatDongSXSH", NULL);
  for (guint i = 0; i < assessments->len && writer->error == NULL; i++)
    {
      if (!begin_assessment (writer, assessments->pdata[i]))
        break;
      collect_wanted_steps (writer, assessments->pdata[i]);
      write_record (writer, activities, &sh_report_map_assessment_summary, assessments->pdata[i]);
      g_ptr_array_add (summaries, g_steal_pointer (&writer->summary));
    }

  if (writer->error == NULL)
    write_annual_results (writer, assessments, summaries);

  write_annual_field (writer, root, "KeHoachNamSau", ANNUAL_TEXT, report, "next_year_plan", NULL, NULL);
  write_annual_field (writer, root, "KienNghi", ANNUAL_TEXT, report, "recommendations", NULL, NULL);
  node = sh_report_add_text (root, "KyXacNhan", NULL);
  write_annual_field (writer, node, "NguoiKy", ANNUAL_TEXT, report, "signatory", NULL, _("signatory"));
  write_annual_field (writer, node, "ChucVu", ANNUAL_TEXT, report, "signatory_title", NULL, _("signatory's title"));

  return sh_report_writer_save (writer, path, facility_id, report_id, out_problems, error);
}

/* -------------------------------------------------------------------------
 * The dossier
 * ------------------------------------------------------------------------- */

gboolean
sh_report_export_dossier (ShStore      *store,
                          ShUnits      *units,
                          gint64        assessment_id,
                          const char   *path,
                          GPtrArray   **out_problems,
                          GError      **error)
{
  g_autoptr(ShReportWriter) writer = NULL;
  g_autoptr(ShRecord) subject = NULL;
  g_autoptr(ShRecord) facility = NULL;
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_record_unref);
  gint64 facility_id;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (units != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_problems != NULL)
    *out_problems = NULL;

  if (!(subject = sh_store_get (store, "assessment", assessment_id, error)))
    return FALSE;
  facility_id = sh_record_get_int (subject, "facility_id", 0);
  if (!(facility = sh_store_get (store, "facility", facility_id, error)))
    return FALSE;

  writer = sh_report_writer_new (store, units, SH_REPORT_KIND_DOSSIER, sh_record_get_uuid (subject));
  write_reference_data (writer);

  /* The earlier assessments it builds on, oldest first. A parent of
   * another facility, or a loop, ends the chain. */
  g_ptr_array_add (chain, sh_record_ref (subject));
  for (ShRecord *a = subject; !sh_record_is_null (a, "parent_assessment_id"); )
    {
      gint64 parent_id = sh_record_get_int (a, "parent_assessment_id", 0);
      ShRecord *parent;
      gboolean loop = FALSE;

      for (guint i = 0; i < chain->len; i++)
        loop = loop || sh_record_get_id (chain->pdata[i]) == parent_id;
      if (loop)
        {
          sh_report_writer_add_problem (writer, NULL, _("The assessments before “%s” refer to each other in a loop."),
                                        sh_record_get_string (subject, "title"));
          break;
        }
      if (!(parent = sh_store_get (store, "assessment", parent_id, error)))
        return FALSE;
      g_ptr_array_insert (chain, 0, parent);
      if (sh_record_get_int (parent, "facility_id", 0) != facility_id)
        {
          sh_report_writer_add_problem (writer, NULL,
                                        _("The assessment “%s” builds on one of another facility (“%s”)."),
                                        sh_record_get_string (a, "title"), sh_record_get_string (parent, "title"));
          break;
        }
      a = parent;
    }

  write_consultants (writer, chain);
  write_record (writer, writer->root, &sh_report_map_facility, facility);
  for (guint i = 0; i < chain->len && writer->error == NULL; i++)
    if (begin_assessment (writer, chain->pdata[i]))
      write_record (writer, writer->root, &sh_report_map_assessment, chain->pdata[i]);

  return sh_report_writer_save (writer, path, facility_id, 0, out_problems, error);
}
