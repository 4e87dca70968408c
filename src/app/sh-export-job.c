/* sh-export-job.c — writing an XML report from the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-export-job.h"
#include "sh-xlsx.h"
#include "sh-report-export.h"
#include "sh-report-rollup.h"
#include "sh-units.h"

typedef struct
{
  ShExportKind  kind;
  gint64        id;
  char         *province_code;
  int           year;
  char         *db_path;
  char         *user;
  char         *path;
  GPtrArray    *problems;      /* filled by the worker, read after it returned */
} Job;

static void
job_free (Job *job)
{
  g_free (job->province_code);
  g_free (job->db_path);
  g_free (job->user);
  g_free (job->path);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_free (job);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(ShStore) store = NULL;
  GError *error = NULL;
  gboolean ok = FALSE;

  /* The store is not shared between threads: this one has its own. */
  if (!(store = sh_store_open (job->db_path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->user != NULL)
    sh_store_set_user (store, job->user);

  switch (job->kind)
    {
    case SH_EXPORT_ANNUAL:
      ok = sh_report_export_annual (store, sh_units_get_default (), job->id, job->year, job->path,
                                    &job->problems, &error);
      break;

    case SH_EXPORT_DOSSIER:
      ok = sh_report_export_dossier (store, sh_units_get_default (), job->id, job->path,
                                     &job->problems, &error);
      break;

    case SH_EXPORT_ROLLUP:
      {
        ShReportRollupParams params;

        sh_report_rollup_params_init (&params, job->province_code, job->year);
        ok = sh_report_export_rollup (store, sh_units_get_default (), &params, job->path, NULL,
                                      &job->problems, &error);
      }
      break;

    case SH_EXPORT_WORKBOOK:
      ok = sh_xlsx_write_assessment (store, job->id, job->path, &error);
      break;

    case SH_EXPORT_ROLLUP_WORKBOOK:
      ok = sh_xlsx_write_rollup (store, job->province_code, job->year, job->path, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sh_export_job_run_async (ShStore             *store,
                         ShExportKind         kind,
                         gint64               id,
                         const char          *province_code,
                         int                  year,
                         const char          *path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (SH_IS_STORE (store));
  g_return_if_fail (path != NULL);
  g_return_if_fail ((kind != SH_EXPORT_ROLLUP && kind != SH_EXPORT_ROLLUP_WORKBOOK)
                    || province_code != NULL);

  job = g_new0 (Job, 1);
  job->kind = kind;
  job->id = id;
  job->province_code = g_strdup (province_code);
  job->year = year;
  job->db_path = g_strdup (sh_store_get_path (store));
  job->user = g_strdup (sh_store_get_user (store));
  job->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sh_export_job_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_in_thread);
}

gboolean
sh_export_job_run_finish (GAsyncResult  *result,
                          GPtrArray    **out_problems,
                          GError       **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sh_export_job_run_async, FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (out_problems != NULL)
    *out_problems = job->problems != NULL ? g_ptr_array_ref (job->problems) : sh_report_problems_new ();

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* -------------------------------------------------------------------------
 * Telling the person
 * ------------------------------------------------------------------------- */

static const char *
kind_done_text (ShExportKind kind)
{
  switch (kind)
    {
    case SH_EXPORT_ANNUAL:
      return _("The annual report was exported");
    case SH_EXPORT_DOSSIER:
      return _("The assessment dossier was exported");
    case SH_EXPORT_ROLLUP:
      return _("The provincial roll-up was exported");
    case SH_EXPORT_WORKBOOK:
      return _("The worksheets were exported to Excel");
    case SH_EXPORT_ROLLUP_WORKBOOK:
      return _("The provincial roll-up was exported to Excel");
    default:
      g_assert_not_reached ();
    }
}

static const char *
kind_failed_text (ShExportKind kind)
{
  switch (kind)
    {
    case SH_EXPORT_ANNUAL:
      return _("The annual report cannot be exported yet");
    case SH_EXPORT_DOSSIER:
      return _("The assessment dossier cannot be exported yet");
    case SH_EXPORT_ROLLUP:
      return _("The provincial roll-up cannot be exported yet");
    case SH_EXPORT_WORKBOOK:
      return _("The worksheets cannot be exported to Excel");
    case SH_EXPORT_ROLLUP_WORKBOOK:
      return _("The provincial roll-up cannot be exported to Excel");
    default:
      g_assert_not_reached ();
    }
}

static void
outcome_response_cb (GtkDialog *dialog,
                     int        response,
                     gpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

GtkWidget *
sh_export_job_outcome_dialog (GtkWindow    *parent,
                              ShExportKind  kind,
                              const char   *path,
                              GPtrArray    *problems,
                              const GError *error)
{
  GtkWidget *dialog;
  guint n_errors = problems != NULL ? sh_report_problems_count (problems, SH_REPORT_SEVERITY_ERROR) : 0;

  if (error == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                       GTK_MESSAGE_INFO, GTK_BUTTONS_CLOSE, "%s", kind_done_text (kind));
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                                _("It was checked against the report schema and written to %s."),
                                                display);
    }
  else if (n_errors > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      GtkWidget *scroller;
      GtkWidget *label;

      dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                       GTK_MESSAGE_WARNING, GTK_BUTTONS_CLOSE, "%s", kind_failed_text (kind));
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                                _("Nothing was written. Fill in what is missing, then export again:"));

      for (guint i = 0; i < problems->len; i++)
        {
          ShReportProblem *problem = problems->pdata[i];

          if (problem->severity != SH_REPORT_SEVERITY_ERROR)
            continue;
          if (list->len > 0)
            g_string_append_c (list, '\n');
          g_string_append (list, "• ");
          g_string_append (list, problem->message);
        }

      label = gtk_label_new (list->str);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 50);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 70);
      /* A long list scrolls; a short one is shown whole. */
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                      n_errors > 8 ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
      if (n_errors > 8)
        gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_box_append (GTK_BOX (gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog))), scroller);
    }
  else
    {
      dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                       GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", kind_failed_text (kind));
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (outcome_response_cb), NULL);
  return dialog;
}

typedef struct
{
  GtkWindow    *parent;   /* weak */
  ShExportKind  kind;
  char         *path;
} Report;

static void
report_free (Report *report)
{
  g_clear_weak_pointer (&report->parent);
  g_free (report->path);
  g_free (report);
}

static void
run_and_report_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  Report *report = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  sh_export_job_run_finish (result, &problems, &error);
  dialog = sh_export_job_outcome_dialog (report->parent, report->kind, report->path, problems, error);
  gtk_window_present (GTK_WINDOW (dialog));
  report_free (report);
}

void
sh_export_job_run_and_report (GtkWindow    *parent,
                              ShStore      *store,
                              ShExportKind  kind,
                              gint64        id,
                              const char   *province_code,
                              int           year,
                              GFile        *file)
{
  Report *report;
  g_autofree char *path = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SH_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  if ((path = g_file_get_path (file)) == NULL)
    {
      g_autoptr(GError) error = g_error_new (SH_REPORT_ERROR, SH_REPORT_ERROR_IO, "%s",
                                             _("Reports can only be written to a folder on this computer."));
      GtkWidget *dialog = sh_export_job_outcome_dialog (parent, kind, NULL, NULL, error);

      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  report = g_new0 (Report, 1);
  g_set_weak_pointer (&report->parent, parent);
  report->kind = kind;
  report->path = g_strdup (path);
  sh_export_job_run_async (store, kind, id, province_code, year, path, NULL, run_and_report_done_cb, report);
}

GtkFileChooserNative *
sh_export_job_new_chooser (GtkWindow  *parent,
                           const char *title,
                           const char *suggested_name)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (suggested_name != NULL && sh_xlsx_path_is_xlsx (suggested_name))
    {
      gtk_file_filter_set_name (filter, _("Excel workbooks (*.xlsx)"));
      gtk_file_filter_add_suffix (filter, "xlsx");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("XML reports (*.xml)"));
      gtk_file_filter_add_suffix (filter, "xml");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);

  return native;
}

char *
sh_export_job_slug (const char *text)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GString) plain = g_string_new (NULL);
  GString *slug = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  /* g_str_to_ascii() takes the marks off, but turns Đ and đ, which have
   * no decomposition, into "?". */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0110)
        c = 'D';
      else if (c == 0x0111)
        c = 'd';
      g_string_append_unichar (plain, c);
    }
  ascii = g_str_to_ascii (plain->str, "C");
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "bao-cao");

  return g_string_free (slug, FALSE);
}

char *
sh_export_job_suggest_name (ShStore      *store,
                            ShExportKind  kind,
                            gint64        id,
                            const char   *province_code,
                            int           year)
{
  g_autoptr(ShRecord) facility = NULL;
  g_autofree char *slug = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);

  switch (kind)
    {
    case SH_EXPORT_ANNUAL:
      facility = sh_store_get (store, "facility", id, NULL);
      slug = sh_export_job_slug (facility != NULL ? sh_record_get_string (facility, "name") : "");
      return g_strdup_printf ("bao-cao-sxsh-%d-%s.xml", year, slug);

    case SH_EXPORT_DOSSIER:
    case SH_EXPORT_WORKBOOK:
      {
        g_autoptr(ShRecord) assessment = sh_store_get (store, "assessment", id, NULL);

        if (assessment != NULL)
          facility = sh_store_get (store, "facility", sh_record_get_int (assessment, "facility_id", 0), NULL);
        slug = sh_export_job_slug (facility != NULL ? sh_record_get_string (facility, "name") : "");
        if (kind == SH_EXPORT_WORKBOOK)
          return g_strdup_printf ("bieu-mau-danh-gia-%s-%" G_GINT64_FORMAT ".xlsx", slug, id);
        return g_strdup_printf ("ho-so-danh-gia-%s-%" G_GINT64_FORMAT ".xml", slug, id);
      }

    case SH_EXPORT_ROLLUP:
      return g_strdup_printf ("bao-cao-tong-hop-sxsh-%s-%d.xml", province_code, year);

    case SH_EXPORT_ROLLUP_WORKBOOK:
      return g_strdup_printf ("bao-cao-tong-hop-sxsh-%s-%d.xlsx", province_code, year);

    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  GtkWindow    *parent;   /* weak */
  ShStore      *store;
  ShExportKind  kind;
  gint64        id;
  char         *province_code;
  int           year;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_weak_pointer (&choice->parent);
  g_clear_object (&choice->store);
  g_free (choice->province_code);
  g_free (choice);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     Choice          *choice)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (file != NULL)
    {
      const char *year = NULL;

      if (choice->kind == SH_EXPORT_ANNUAL &&
          (year = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "year")) != NULL)
        choice->year = (int) g_ascii_strtoll (year, NULL, 10);
      sh_export_job_run_and_report (choice->parent, choice->store, choice->kind, choice->id,
                                    choice->province_code, choice->year, file);
    }

  choice_free (choice);
  /* The reference taken when the dialog was shown. */
  g_object_unref (dialog);
}

static void
show_chooser (GtkWindow            *parent,
              GtkFileChooserNative *native,
              ShStore              *store,
              ShExportKind          kind,
              gint64                id,
              const char           *province_code,
              int                   year)
{
  Choice *choice = g_new0 (Choice, 1);

  g_set_weak_pointer (&choice->parent, parent);
  choice->store = g_object_ref (store);
  choice->kind = kind;
  choice->id = id;
  choice->province_code = g_strdup (province_code);
  choice->year = year;

  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
sh_export_job_choose_and_run (GtkWindow    *parent,
                              ShStore      *store,
                              ShExportKind  kind,
                              gint64        id,
                              const char   *province_code,
                              int           year)
{
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;
  const char *title;

  g_return_if_fail (SH_IS_STORE (store));

  switch (kind)
    {
    case SH_EXPORT_ANNUAL:
      title = _("Export Annual Report");
      break;
    case SH_EXPORT_DOSSIER:
      title = _("Export Dossier");
      break;
    case SH_EXPORT_ROLLUP:
      title = _("Export Roll-up");
      break;
    case SH_EXPORT_WORKBOOK:
      title = _("Export Worksheets to Excel");
      break;
    case SH_EXPORT_ROLLUP_WORKBOOK:
      title = _("Export Roll-up to Excel");
      break;
    default:
      g_assert_not_reached ();
    }

  name = sh_export_job_suggest_name (store, kind, id, province_code, year);
  native = sh_export_job_new_chooser (parent, title, name);
  show_chooser (parent, native, store, kind, id, province_code, year);
}

static int
compare_years_descending (gconstpointer a,
                          gconstpointer b)
{
  return *(const int *) b - *(const int *) a;
}

void
sh_export_job_choose_annual (GtkWindow *parent,
                             ShStore   *store,
                             gint64     facility_id)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  g_return_if_fail (SH_IS_STORE (store));

  reports = sh_store_list (store, "annual_report", "facility_id", facility_id, NULL);
  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      int year = (int) sh_record_get_int (reports->pdata[i], "year", 0);

      g_array_append_val (years, year);
    }

  if (years->len == 0)
    {
      GtkWidget *dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                  GTK_MESSAGE_INFO, GTK_BUTTONS_CLOSE, "%s",
                                                  _("There is no annual report to export yet"));

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                                _("Add the year's report under “Annual CP reports” on the "
                                                  "facility's page, then export it."));
      g_signal_connect (dialog, "response", G_CALLBACK (outcome_response_cb), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_array_sort (years, compare_years_descending);
  for (guint i = 0; i < years->len; i++)
    g_ptr_array_add (ids, g_strdup_printf ("%d", g_array_index (years, int, i)));
  g_ptr_array_add (ids, NULL);

  name = sh_export_job_suggest_name (store, SH_EXPORT_ANNUAL, facility_id, NULL, g_array_index (years, int, 0));
  native = sh_export_job_new_chooser (parent, _("Export Annual Report"), name);
  /* The years are their own labels. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "year", _("Year"),
                               (const char **) ids->pdata, (const char **) ids->pdata);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "year", ids->pdata[0]);
  show_chooser (parent, native, store, SH_EXPORT_ANNUAL, facility_id, NULL, g_array_index (years, int, 0));
}
