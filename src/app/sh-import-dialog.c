/* sh-import-dialog.c — importing XML reports, with progress and a summary.
 *
 * The files are imported by the core (sh-report-import.h): each is
 * validated in full and written in one transaction, so a refused file
 * changes nothing. That runs in a worker thread on a connection of its own
 * (the store is not shared between threads); the thread posts "file k of
 * n" back to this dialog's main context before each file. Closing the
 * dialog while it runs stops after the current file, as "Stop" does: a file
 * is never left half imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-a11y.h"
#include "sh-import-dialog.h"
#include "sh-units.h"

struct _ShImportDialog
{
  GtkWindow      parent_instance;

  ShStore       *store;
  GCancellable  *cancellable;
  GPtrArray     *results;       /* ShReportImportResult, after the run */
  char          *summary;
  gboolean       running;
  gboolean       started;
  gboolean       disposed;
  guint          n_changed;

  GtkButton     *cancel_button;
  GtkButton     *close_button;
  GtkProgressBar *progress_bar;
  GtkLabel      *progress_label;
  GtkListBox    *results_list;
  GtkStack      *stack;
  GtkLabel      *summary_label;
  GtkLabel      *summary_title;
};

G_DEFINE_FINAL_TYPE (ShImportDialog, sh_import_dialog, GTK_TYPE_WINDOW)

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* -------------------------------------------------------------------------
 * The worker
 * ------------------------------------------------------------------------- */

typedef struct
{
  char      *db_path;
  char      *user;
  GPtrArray *files;         /* GFile */
  GMainContext *context;    /* the dialog's */
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->user);
  g_ptr_array_unref (job->files);
  g_main_context_unref (job->context);
  g_free (job);
}

typedef struct
{
  ShImportDialog *self;   /* a reference */
  guint           index;
  guint           n_files;
  char           *name;
} Progress;

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->self);
  g_free (progress->name);
  g_free (progress);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  Progress *progress = user_data;
  ShImportDialog *self = progress->self;
  g_autofree char *fraction = NULL;
  g_autofree char *text = NULL;

  if (self->disposed || !self->running)
    return G_SOURCE_REMOVE;

  /* Translators: the progress of an import, e.g. "File 2 of 5". */
  fraction = g_strdup_printf (_("File %u of %u"), progress->index + 1, progress->n_files);
  gtk_progress_bar_set_text (self->progress_bar, fraction);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) progress->index / progress->n_files);
  text = g_strdup_printf (_("Checking and importing %s…"), progress->name);
  gtk_label_set_text (self->progress_label, text);

  return G_SOURCE_REMOVE;
}

static ShReportImportResult *
refuse_remote (GFile *file)
{
  ShReportImportResult *result = g_new0 (ShReportImportResult, 1);
  g_autofree char *uri = g_file_get_uri (file);

  result->file_name = g_file_get_basename (file);
  result->status = SH_REPORT_IMPORT_REFUSED;
  result->problems = sh_report_problems_new ();
  g_ptr_array_add (result->problems,
                   sh_report_problem_new (SH_REPORT_SEVERITY_ERROR, 0, NULL,
                                          _("“%s” is not a file on this computer. Copy it into a folder first."),
                                          uri));
  result->summary = g_strdup (_("Refused: the file could not be read."));

  return result;
}

static void
import_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(ShStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  GError *error = NULL;

  if (!(store = sh_store_open (job->db_path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->user != NULL)
    sh_store_set_user (store, job->user);

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_report_import_result_free);
  for (guint i = 0; i < job->files->len; i++)
    {
      GFile *file = job->files->pdata[i];
      g_autofree char *path = NULL;
      Progress *progress;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      progress = g_new0 (Progress, 1);
      progress->self = g_object_ref (source_object);
      progress->index = i;
      progress->n_files = job->files->len;
      progress->name = g_file_get_basename (file);
      g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, show_progress_cb,
                                  progress, (GDestroyNotify) progress_free);

      if ((path = g_file_get_path (file)) != NULL)
        g_ptr_array_add (results, sh_report_import_file (store, sh_units_get_default (), path));
      else
        g_ptr_array_add (results, refuse_remote (file));
    }

  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

/* -------------------------------------------------------------------------
 * The summary
 * ------------------------------------------------------------------------- */

static const char *
status_label (ShReportImportStatus status)
{
  switch (status)
    {
    case SH_REPORT_IMPORT_IMPORTED:
      return C_("import status", "Imported");
    case SH_REPORT_IMPORT_REPLACED:
      return C_("import status", "Replaced");
    case SH_REPORT_IMPORT_UNCHANGED:
      return C_("import status", "Already present");
    case SH_REPORT_IMPORT_REFUSED:
      return C_("import status", "Refused");
    default:
      g_assert_not_reached ();
    }
}

static const char *
status_icon (ShReportImportStatus status)
{
  switch (status)
    {
    case SH_REPORT_IMPORT_IMPORTED:
      return "object-select-symbolic";
    case SH_REPORT_IMPORT_REPLACED:
      return "view-refresh-symbolic";
    case SH_REPORT_IMPORT_UNCHANGED:
      return "dialog-information-symbolic";
    case SH_REPORT_IMPORT_REFUSED:
      return "dialog-error-symbolic";
    default:
      g_assert_not_reached ();
    }
}

static const char *
status_class (ShReportImportStatus status)
{
  switch (status)
    {
    case SH_REPORT_IMPORT_IMPORTED:
    case SH_REPORT_IMPORT_REPLACED:
      return "import-ok";
    case SH_REPORT_IMPORT_UNCHANGED:
      return "import-unchanged";
    case SH_REPORT_IMPORT_REFUSED:
      return "import-refused";
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
make_result_row (ShReportImportResult *result)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name (status_icon (result->status));
  GtkWidget *name = gtk_label_new (result->file_name);
  GtkWidget *status = gtk_label_new (status_label (result->status));
  GtkWidget *summary;

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 10);
  gtk_widget_set_margin_bottom (row, 10);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, status_class (result->status));
  gtk_box_append (GTK_BOX (row), icon);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (head), name);
  gtk_widget_add_css_class (status, "status");
  gtk_widget_add_css_class (status, status_class (result->status));
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (head), status);
  gtk_box_append (GTK_BOX (text), head);

  if (result->summary != NULL)
    {
      summary = gtk_label_new (result->summary);
      gtk_label_set_xalign (GTK_LABEL (summary), 0);
      gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
      gtk_box_append (GTK_BOX (text), summary);
    }

  /* Why a file was refused, and warnings worth reading, one per line. */
  if (result->problems != NULL && result->problems->len > 0)
    {
      g_autoptr(GString) lines = g_string_new (NULL);
      GtkWidget *problems;

      for (guint i = 0; i < result->problems->len; i++)
        {
          ShReportProblem *problem = result->problems->pdata[i];

          if (lines->len > 0)
            g_string_append_c (lines, '\n');
          if (problem->line > 0)
            /* Translators: a problem found in an imported file, at a line. */
            g_string_append_printf (lines, _("Line %d: %s"), problem->line, problem->message);
          else
            g_string_append (lines, problem->message);
        }

      problems = gtk_label_new (lines->str);
      gtk_label_set_xalign (GTK_LABEL (problems), 0);
      gtk_label_set_wrap (GTK_LABEL (problems), TRUE);
      gtk_label_set_selectable (GTK_LABEL (problems), TRUE);
      gtk_widget_add_css_class (problems, "dim-label");
      gtk_box_append (GTK_BOX (text), problems);
    }

  gtk_box_append (GTK_BOX (row), text);
  return row;
}

static void
show_summary (ShImportDialog *self,
              guint           n_files,
              const GError   *error)
{
  guint counts[SH_REPORT_IMPORT_REFUSED + 1] = { 0 };

  for (guint i = 0; self->results != NULL && i < self->results->len; i++)
    {
      ShReportImportResult *result = self->results->pdata[i];

      counts[result->status]++;
      gtk_list_box_append (self->results_list, make_result_row (result));
    }
  self->n_changed = counts[SH_REPORT_IMPORT_IMPORTED] + counts[SH_REPORT_IMPORT_REPLACED];

  g_free (self->summary);
  if (error != NULL)
    {
      self->summary = g_strdup_printf (_("Nothing was imported: %s"), error->message);
      gtk_label_set_text (self->summary_title, _("The reports could not be imported"));
    }
  else
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n_done = self->results->len;

      /* Translators: the counts of an import, e.g. "Imported: 2 · Replaced: 0 · …". */
      g_string_printf (text, _("Imported: %u · Replaced: %u · Already present: %u · Refused: %u"),
                       counts[SH_REPORT_IMPORT_IMPORTED], counts[SH_REPORT_IMPORT_REPLACED],
                       counts[SH_REPORT_IMPORT_UNCHANGED], counts[SH_REPORT_IMPORT_REFUSED]);
      if (n_done < n_files)
        {
          g_string_append_c (text, '\n');
          /* Translators: after "Stop", e.g. "Stopped: 2 files were not read." */
          g_string_append_printf (text, _("Stopped before the last files: %u not imported."),
                                  n_files - n_done);
        }
      self->summary = g_string_free (g_steal_pointer (&text), FALSE);
      gtk_label_set_text (self->summary_title,
                          counts[SH_REPORT_IMPORT_REFUSED] > 0
                          ? _("Import finished; some files were refused")
                          : _("Import finished"));
    }

  gtk_label_set_text (self->summary_label, self->summary);
  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->close_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ShImportDialog *self = SH_IMPORT_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->running = FALSE;
  self->results = g_task_propagate_pointer (G_TASK (result), &error);

  if (!self->disposed)
    show_summary (self, job->files->len, error);
  g_signal_emit (self, signals[FINISHED], 0);
}

/* -------------------------------------------------------------------------
 * Callbacks and GObject
 * ------------------------------------------------------------------------- */

static void
cancel_button_clicked_cb (ShImportDialog *self,
                          GtkButton      *button)
{
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
}

static void
close_button_clicked_cb (ShImportDialog *self,
                         GtkButton      *button)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
sh_import_dialog_close_request (GtkWindow *window)
{
  ShImportDialog *self = SH_IMPORT_DIALOG (window);

  /* The file being imported is finished first; the summary follows. */
  if (self->running)
    {
      cancel_button_clicked_cb (self, self->cancel_button);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (sh_import_dialog_parent_class)->close_request (window);
}

static void
sh_import_dialog_dispose (GObject *object)
{
  ShImportDialog *self = SH_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  /* The default widget goes with the template's children. */
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SH_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sh_import_dialog_parent_class)->dispose (object);
}

static void
sh_import_dialog_finalize (GObject *object)
{
  ShImportDialog *self = SH_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_free (self->summary);

  G_OBJECT_CLASS (sh_import_dialog_parent_class)->finalize (object);
}

static void
sh_import_dialog_class_init (ShImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sh_import_dialog_dispose;
  object_class->finalize = sh_import_dialog_finalize;
  window_class->close_request = sh_import_dialog_close_request;

  /* Every file was handled (or the run stopped); the summary shows. */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sachhon/SachHon/ui/sh-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ShImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, ShImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ShImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ShImportDialog, results_list);
  gtk_widget_class_bind_template_child (widget_class, ShImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ShImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ShImportDialog, summary_title);
  gtk_widget_class_bind_template_callback (widget_class, cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sh_import_dialog_init (ShImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sh_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/* -------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

GtkWidget *
sh_import_dialog_new (GtkWindow *parent,
                      ShStore   *store)
{
  ShImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SH_IS_STORE (store), NULL);

  self = g_object_new (SH_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  return GTK_WIDGET (self);
}

void
sh_import_dialog_start (ShImportDialog *self,
                        GSList         *files)
{
  g_autoptr(GTask) task = NULL;
  Job *job;
  guint n;

  g_return_if_fail (SH_IS_IMPORT_DIALOG (self));
  g_return_if_fail (!self->started);

  job = g_new0 (Job, 1);
  job->db_path = g_strdup (sh_store_get_path (self->store));
  job->user = g_strdup (sh_store_get_user (self->store));
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  job->context = g_main_context_ref_thread_default ();
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (job->files, g_object_ref (G_FILE (l->data)));
  n = job->files->len;

  self->started = TRUE;
  self->running = TRUE;
  {
    /* Translators: before the first file of an import, e.g. "File 1 of 5". */
    g_autofree char *fraction = g_strdup_printf (_("File %u of %u"), MIN (1u, n), n);

    gtk_progress_bar_set_text (self->progress_bar, fraction);
    gtk_progress_bar_set_fraction (self->progress_bar, 0);
  }
  gtk_stack_set_visible_child_name (self->stack, "progress");

  task = g_task_new (self, self->cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, sh_import_dialog_start);
  /* Stopping is checked between files; the result is the list so far. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, import_in_thread);
}

gboolean
sh_import_dialog_is_running (ShImportDialog *self)
{
  g_return_val_if_fail (SH_IS_IMPORT_DIALOG (self), FALSE);

  return self->running;
}

GPtrArray *
sh_import_dialog_get_results (ShImportDialog *self)
{
  g_return_val_if_fail (SH_IS_IMPORT_DIALOG (self), NULL);

  return self->results;
}

const char *
sh_import_dialog_get_summary (ShImportDialog *self)
{
  g_return_val_if_fail (SH_IS_IMPORT_DIALOG (self), NULL);

  return self->summary;
}

guint
sh_import_dialog_get_n_changed (ShImportDialog *self)
{
  g_return_val_if_fail (SH_IS_IMPORT_DIALOG (self), 0);

  return self->n_changed;
}
