/* sh-assessment-view.c — one assessment, open for editing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sh-assessment.h"
#include "sh-a11y.h"
#include "sh-assessment-view.h"
#include "sh-export-job.h"
#include "sh-print.h"
#include "sh-format.h"
#include "sh-paper-entry-dialog.h"
#include "sh-quick-form.h"
#include "sh-task-page.h"
#include "sh-task-sidebar.h"
#include "sh-tasks.h"
#include "sh-worksheet-util.h"

struct _ShAssessmentView
{
  GtkWidget       parent_instance;

  ShStore        *store;
  ShEditContext  *ctx;
  gint64          assessment_id;
  char           *kind;
  guint           refresh_id;
  GtkWindow      *dialog;

  /* the content, rebuilt for each assessment shown */
  GtkWidget      *quick_form;
  GtkWidget      *paned;
  GtkWidget      *sidebar;
  GtkWidget      *task_stack;
  GtkWidget      *task_pages[SH_TASKS_N_TASKS];
  GPtrArray      *statuses;

  GtkWidget      *content_stack;
  GtkWidget      *error_label;
  GtkWidget      *finalize_button;
  GtkWidget      *header;
  GtkWidget      *locked_banner;
  GtkWidget      *locked_label;
  GtkWidget      *redo_button;
  GtkWidget      *reopen_button;
  GtkWidget      *saved_label;
  GtkWidget      *start_detailed_button;
  GtkWidget      *status_label;
  GtkWidget      *subtitle_label;
  GtkWidget      *title_label;
  GtkWidget      *undo_button;
};

G_DEFINE_FINAL_TYPE (ShAssessmentView, sh_assessment_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ASSESSMENT_ID,
  N_PROPS
};

enum
{
  ASSESSMENT_CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean load_assessment (ShAssessmentView  *self,
                                 gint64             assessment_id,
                                 GError           **error);

static gboolean
is_quick (ShAssessmentView *self)
{
  return g_strcmp0 (self->kind, "quick") == 0;
}

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "quick") == 0)
    return _("Quick assessment");
  if (g_strcmp0 (kind, "detailed") == 0)
    return _("Detailed assessment");
  return _("Follow-up assessment");
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "finalized") == 0)
    return _("Finalized");
  if (g_strcmp0 (status, "submitted") == 0)
    return _("Submitted");
  return _("Draft");
}

/* -------------------------------------------------------------------------
 * Header and state
 * ------------------------------------------------------------------------- */

static void
update_actions (ShAssessmentView *self)
{
  gboolean open = self->ctx != NULL;
  gboolean read_only = open && sh_edit_context_get_read_only (self->ctx);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.undo",
                                 open && !read_only && sh_edit_context_get_can_undo (self->ctx));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.redo",
                                 open && !read_only && sh_edit_context_get_can_redo (self->ctx));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.finalize", open && !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.reopen", open && read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.start-detailed", open && is_quick (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.enter-paper-form",
                                 open && !read_only && is_quick (self));
}

static char *
format_date_or_null (const char *iso_date)
{
  return iso_date != NULL ? sh_format_date (iso_date) : NULL;
}

static void
update_header (ShAssessmentView *self)
{
  g_autoptr(ShRecord) assessment = NULL;
  g_autoptr(ShRecord) facility = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *title;
  const char *status;
  gboolean read_only;

  if (self->ctx == NULL)
    return;

  assessment = sh_store_get (self->store, "assessment", self->assessment_id, NULL);
  if (assessment == NULL)
    return;
  facility = sh_store_get (self->store, "facility", sh_record_get_int (assessment, "facility_id", 0), NULL);

  title = sh_record_get_string (assessment, "title");
  gtk_label_set_text (GTK_LABEL (self->title_label),
                      title != NULL && *title != '\0' ? title : _("Untitled assessment"));

  if (facility != NULL)
    g_string_append (subtitle, sh_record_get_string (facility, "name"));
  if (subtitle->len > 0)
    g_string_append (subtitle, " · ");
  g_string_append (subtitle, kind_label (self->kind));
  {
    g_autofree char *start = format_date_or_null (sh_record_get_string (assessment, "start_date"));
    g_autofree char *end = format_date_or_null (sh_record_get_string (assessment, "end_date"));

    if (start != NULL && end != NULL)
      g_string_append_printf (subtitle, " · %s – %s", start, end);
    else if (start != NULL)
      g_string_append_printf (subtitle, " · %s", start);
  }
  gtk_label_set_text (GTK_LABEL (self->subtitle_label), subtitle->str);
  gtk_widget_set_tooltip_text (self->subtitle_label, subtitle->str);

  status = sh_record_get_string (assessment, "status");
  gtk_label_set_text (GTK_LABEL (self->status_label), status_label (status));
  gtk_widget_remove_css_class (self->status_label, "status-finalized");
  gtk_widget_remove_css_class (self->status_label, "status-submitted");
  if (g_strcmp0 (status, "draft") != 0)
    {
      g_autofree char *css = g_strdup_printf ("status-%s", status);

      gtk_widget_add_css_class (self->status_label, css);
    }

  read_only = sh_edit_context_get_read_only (self->ctx);
  gtk_widget_set_visible (self->finalize_button, !read_only);
  gtk_widget_set_visible (self->reopen_button, read_only);
  gtk_widget_set_visible (self->start_detailed_button, is_quick (self));
  gtk_widget_set_visible (self->locked_banner, read_only);
  if (read_only)
    {
      g_autofree char *when = format_date_or_null (sh_record_get_string (assessment, "finalized_at"));
      g_autofree char *text = NULL;

      if (when != NULL)
        /* Translators: the banner of a finalized assessment; %s is a date. */
        text = g_strdup_printf (_("Finalized on %s: everything is read-only. Reopen it, with a reason, to change it."),
                                when);
      else
        text = g_strdup (_("This assessment is locked: everything is read-only. Reopen it, with a reason, to change it."));
      gtk_label_set_text (GTK_LABEL (self->locked_label), text);
    }

  update_actions (self);
}

static void
apply_statuses (ShAssessmentView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  self->statuses = sh_tasks_compute (self->store, self->assessment_id, &error);
  if (self->statuses == NULL)
    {
      g_warning ("Cannot compute the completeness of assessment %" G_GINT64_FORMAT ": %s",
                 self->assessment_id, error->message);
      return;
    }

  if (self->quick_form != NULL)
    sh_quick_form_set_statuses (SH_QUICK_FORM (self->quick_form), self->statuses);

  if (self->sidebar != NULL)
    {
      sh_task_sidebar_set_statuses (SH_TASK_SIDEBAR (self->sidebar), self->statuses);
      for (guint i = 0; i < SH_TASKS_N_TASKS; i++)
        if (self->task_pages[i] != NULL)
          sh_task_page_set_status (SH_TASK_PAGE (self->task_pages[i]), self->statuses->pdata[i]);
    }
}

static gboolean
refresh_idle_cb (gpointer data)
{
  ShAssessmentView *self = data;

  self->refresh_id = 0;
  update_header (self);
  apply_statuses (self);

  return G_SOURCE_REMOVE;
}

static void
context_changed_cb (ShAssessmentView *self,
                    const char       *table,
                    gint64            id,
                    const char       *column)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

static void
context_saved_cb (ShAssessmentView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");
  /* Translators: the quiet indicator in the header; %s is a time, 14:05. */
  g_autofree char *text = g_strdup_printf (_("Saved at %s"), time);

  gtk_label_set_text (GTK_LABEL (self->saved_label), text);
  gtk_widget_set_tooltip_text (self->saved_label, _("Every change is saved as soon as it is made."));
  gtk_widget_remove_css_class (self->saved_label, "error");
  gtk_widget_add_css_class (self->saved_label, "dim-label");
}

static void
context_failed_cb (ShAssessmentView *self,
                   const GError     *error)
{
  gtk_label_set_text (GTK_LABEL (self->saved_label), _("Not saved"));
  gtk_widget_set_tooltip_text (self->saved_label, error->message);
  gtk_widget_remove_css_class (self->saved_label, "dim-label");
  gtk_widget_add_css_class (self->saved_label, "error");
}

static void
context_notify_cb (ShAssessmentView *self)
{
  update_header (self);
}

/* -------------------------------------------------------------------------
 * Content
 * ------------------------------------------------------------------------- */

static GtkWidget *
ensure_task_page (ShAssessmentView *self,
                  guint             task)
{
  GtkWidget *page = self->task_pages[task - 1];
  g_autofree char *name = NULL;

  if (page != NULL)
    return page;

  page = sh_task_page_new (self->ctx, task);
  name = g_strdup_printf ("task-%u", task);
  gtk_stack_add_named (GTK_STACK (self->task_stack), page, name);
  self->task_pages[task - 1] = page;
  if (self->statuses != NULL)
    sh_task_page_set_status (SH_TASK_PAGE (page), self->statuses->pdata[task - 1]);

  return page;
}

static void
sidebar_task_selected_cb (ShAssessmentView *self,
                          guint             task)
{
  GtkWidget *page = ensure_task_page (self, task);

  gtk_stack_set_visible_child (GTK_STACK (self->task_stack), page);
}

static void
clear_content (ShAssessmentView *self)
{
  if (self->quick_form != NULL)
    {
      gtk_stack_remove (GTK_STACK (self->content_stack), self->quick_form);
      self->quick_form = NULL;
    }
  if (self->paned != NULL)
    {
      gtk_stack_remove (GTK_STACK (self->content_stack), self->paned);
      self->paned = NULL;
      self->sidebar = NULL;
      self->task_stack = NULL;
    }
  memset (self->task_pages, 0, sizeof self->task_pages);
}

static void
build_detailed (ShAssessmentView *self)
{
  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  self->sidebar = sh_task_sidebar_new ();
  self->task_stack = gtk_stack_new ();

  gtk_stack_set_transition_type (GTK_STACK (self->task_stack), GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_widget_set_hexpand (self->task_stack, TRUE);
  gtk_widget_set_size_request (self->sidebar, 240, -1);
  gtk_paned_set_start_child (GTK_PANED (self->paned), self->sidebar);
  gtk_paned_set_resize_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_end_child (GTK_PANED (self->paned), self->task_stack);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_position (GTK_PANED (self->paned), 290);

  g_signal_connect_object (self->sidebar, "task-selected", G_CALLBACK (sidebar_task_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (GTK_STACK (self->content_stack), self->paned, "detailed");
}

static void
disconnect_context (ShAssessmentView *self)
{
  if (self->ctx == NULL)
    return;

  /* What is typed and not yet saved is saved before the view lets go. */
  sh_edit_context_flush (self->ctx);
  g_signal_handlers_disconnect_by_data (self->ctx, self);
  g_clear_object (&self->ctx);
}

static gboolean
load_assessment (ShAssessmentView  *self,
                 gint64             assessment_id,
                 GError           **error)
{
  g_autoptr(ShEditContext) ctx = NULL;
  g_autoptr(ShRecord) assessment = NULL;

  assessment = sh_store_get (self->store, "assessment", assessment_id, error);
  if (assessment == NULL)
    return FALSE;
  ctx = sh_edit_context_new_for_assessment (self->store, assessment_id, error);
  if (ctx == NULL)
    return FALSE;

  disconnect_context (self);
  clear_content (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->statuses, g_ptr_array_unref);

  self->ctx = g_steal_pointer (&ctx);
  self->assessment_id = assessment_id;
  g_free (self->kind);
  self->kind = g_strdup (sh_record_get_string (assessment, "kind"));

  g_signal_connect_object (self->ctx, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ctx, "saved", G_CALLBACK (context_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ctx, "failed", G_CALLBACK (context_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ctx, "notify::read-only", G_CALLBACK (context_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ctx, "notify::can-undo", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ctx, "notify::can-redo", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);

  if (is_quick (self))
    {
      self->quick_form = sh_quick_form_new (self->ctx);
      gtk_stack_add_named (GTK_STACK (self->content_stack), self->quick_form, "quick");
      gtk_stack_set_visible_child (GTK_STACK (self->content_stack), self->quick_form);
    }
  else
    {
      build_detailed (self);
      gtk_stack_set_visible_child (GTK_STACK (self->content_stack), self->paned);
    }

  gtk_label_set_text (GTK_LABEL (self->saved_label), _("Changes are saved as you type"));
  gtk_widget_set_tooltip_text (self->saved_label, NULL);
  gtk_widget_remove_css_class (self->saved_label, "error");
  update_header (self);
  apply_statuses (self);
  if (self->sidebar != NULL)
    sh_task_sidebar_select_task (SH_TASK_SIDEBAR (self->sidebar), 1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT_ID]);

  return TRUE;
}

/* -------------------------------------------------------------------------
 * Dialogs
 * ------------------------------------------------------------------------- */

static void
dialog_destroyed_cb (ShAssessmentView *self,
                     GtkWindow        *dialog)
{
  if (self->dialog == dialog)
    self->dialog = NULL;
}

static GtkWidget *
new_message_dialog (ShAssessmentView *self,
                    GtkMessageType    type,
                    GtkButtonsType    buttons,
                    const char       *text,
                    const char       *secondary)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   type, buttons, "%s", text);
  if (secondary != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);

  self->dialog = GTK_WINDOW (dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);

  return dialog;
}

static void
show_error (ShAssessmentView *self,
            const char       *text,
            const GError     *error)
{
  GtkWidget *dialog = new_message_dialog (self, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, text, error->message);

  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
finalize_response_cb (GtkDialog        *dialog,
                      int               response,
                      ShAssessmentView *self)
{
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT)
    return;

  sh_edit_context_flush (self->ctx);
  if (!sh_store_finalize_assessment (self->store, self->assessment_id, &error))
    {
      show_error (self, _("The assessment could not be finalized"), error);
      return;
    }

  sh_edit_context_update_read_only (self->ctx);
  update_header (self);
}

static void
show_missing (ShAssessmentView *self,
              GPtrArray        *missing)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *dialog;
  GtkWidget *area;
  GtkWidget *scroller;
  GtkWidget *label;
  g_autofree char *secondary = NULL;

  for (guint i = 0; i < missing->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "•  %s", (const char *) missing->pdata[i]);
    }

  /* Translators: above the list of what is missing; %u is its length. */
  secondary = g_strdup_printf (_("Still to record before finalizing (%u):"), missing->len);
  dialog = new_message_dialog (self, GTK_MESSAGE_WARNING, GTK_BUTTONS_CLOSE,
                               _("The assessment is not complete yet"), secondary);
  area = gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog));
  label = gtk_label_new (text->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_widget_add_css_class (label, "missing-list");

  /* A long list scrolls in a dialog of fixed height; a short one is shown
   * whole. */
  if (missing->len > 10)
    {
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_box_append (GTK_BOX (area), scroller);
    }
  else
    gtk_box_append (GTK_BOX (area), label);
  g_object_set_data_full (G_OBJECT (dialog), "sh-missing", g_string_free (g_steal_pointer (&text), FALSE),
                          g_free);

  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
finalize_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ShAssessmentView *self = SH_ASSESSMENT_VIEW (widget);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (self->ctx == NULL)
    return;

  sh_edit_context_flush (self->ctx);
  if (!sh_tasks_check_finalize (self->store, self->assessment_id, &missing, &error))
    {
      if (error != NULL)
        show_error (self, _("The assessment could not be checked"), error);
      else
        show_missing (self, missing);
      return;
    }

  dialog = new_message_dialog (self, GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                               _("Finalize the assessment?"),
                               _("Everything is recorded. Once finalized, the assessment is read-only; to change it later it must be reopened with a reason, which is kept in the audit trail."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Finalize"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect_object (dialog, "response", G_CALLBACK (finalize_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
reason_of (GtkWidget *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "sh-reason");

  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

static void
reason_changed_cb (GtkEditable *entry,
                   GtkDialog   *dialog)
{
  g_autofree char *reason = reason_of (GTK_WIDGET (dialog));

  gtk_dialog_set_response_sensitive (dialog, GTK_RESPONSE_ACCEPT, *reason != '\0');
}

static void
reason_activate_cb (GtkEntry  *entry,
                    GtkDialog *dialog)
{
  gtk_dialog_response (dialog, GTK_RESPONSE_ACCEPT);
}

static void
reopen_response_cb (GtkDialog        *dialog,
                    int               response,
                    ShAssessmentView *self)
{
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *error_label = g_object_get_data (G_OBJECT (dialog), "sh-error");

  if (response != GTK_RESPONSE_ACCEPT)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }

  /* An empty reason is refused and the dialog stays. */
  reason = reason_of (GTK_WIDGET (dialog));
  if (*reason == '\0')
    {
      gtk_label_set_text (GTK_LABEL (error_label), _("Write why the assessment must change: the reason is required."));
      gtk_widget_set_visible (error_label, TRUE);
      return;
    }

  if (!sh_store_reopen_assessment (self->store, self->assessment_id, reason, &error))
    {
      gtk_label_set_text (GTK_LABEL (error_label), error->message);
      gtk_widget_set_visible (error_label, TRUE);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  sh_edit_context_update_read_only (self->ctx);
  update_header (self);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShAssessmentView *self = SH_ASSESSMENT_VIEW (widget);
  GtkWidget *dialog;
  GtkWidget *area;
  GtkWidget *entry;
  GtkWidget *error_label;

  if (self->ctx == NULL)
    return;

  dialog = new_message_dialog (self, GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                               _("Reopen the assessment?"),
                               _("Say why it must change. The reason is kept in the audit trail with every change made until it is finalized again."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Reopen"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_response_sensitive (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT, FALSE);

  area = gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for reopening"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for reopening"), -1);
  error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_box_append (GTK_BOX (area), entry);
  gtk_box_append (GTK_BOX (area), error_label);
  g_object_set_data (G_OBJECT (dialog), "sh-reason", entry);
  g_object_set_data (G_OBJECT (dialog), "sh-error", error_label);

  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (reason_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reopen_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* -------------------------------------------------------------------------
 * Undo, redo, start detailed
 * ------------------------------------------------------------------------- */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShAssessmentView *self = SH_ASSESSMENT_VIEW (widget);

  /* The context reports a failure through "failed". */
  if (self->ctx != NULL && sh_edit_context_get_can_undo (self->ctx))
    sh_edit_context_undo (self->ctx, NULL);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShAssessmentView *self = SH_ASSESSMENT_VIEW (widget);

  if (self->ctx != NULL && sh_edit_context_get_can_redo (self->ctx))
    sh_edit_context_redo (self->ctx, NULL);
}

/* The dossier exports its XML first and is tied to it (sh-print.c); the
 * paper form is for the day the laptop battery dies. */
static void
print_evidence_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ShAssessmentView *self = SH_ASSESSMENT_VIEW (widget);

  sh_print_evidence (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->assessment_id);
}

/* The dossier as an XML file for the DoIT, without printing it. */
static void
export_dossier_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ShAssessmentView *self = SH_ASSESSMENT_VIEW (widget);

  sh_edit_context_flush (sh_assessment_view_get_context (self));
  sh_export_job_choose_and_run (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                SH_EXPORT_DOSSIER, self->assessment_id, NULL, 0);
}

static void
export_workbook_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ShAssessmentView *self = SH_ASSESSMENT_VIEW (widget);

  sh_edit_context_flush (sh_assessment_view_get_context (self));
  sh_export_job_choose_and_run (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                SH_EXPORT_WORKBOOK, self->assessment_id, NULL, 0);
}

static void
print_form_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShAssessmentView *self = SH_ASSESSMENT_VIEW (widget);

  sh_print_quick_form (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->assessment_id);
}

/* What was written on the paper form is typed in, field by field. */
static void
enter_paper_form_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ShAssessmentView *self = SH_ASSESSMENT_VIEW (widget);
  GtkWidget *dialog = sh_paper_entry_dialog_new (self->ctx);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_detailed_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ShAssessmentView *self = SH_ASSESSMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 new_id = 0;

  if (self->ctx == NULL || !is_quick (self))
    return;

  sh_edit_context_flush (self->ctx);
  if (!sh_assessment_start_detailed (self->store, self->assessment_id, &new_id, &error))
    {
      show_error (self, _("The detailed assessment could not be started"), error);
      return;
    }

  g_signal_emit (self, signals[ASSESSMENT_CREATED], 0, new_id);

  if (!load_assessment (self, new_id, &error))
    show_error (self, _("The detailed assessment could not be opened"), error);
}

/* -------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static void
sh_assessment_view_dispose (GObject *object)
{
  ShAssessmentView *self = SH_ASSESSMENT_VIEW (object);
  GtkWidget *child;

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  disconnect_context (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SH_TYPE_ASSESSMENT_VIEW);
  /* The template's top box has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sh_assessment_view_parent_class)->dispose (object);
}

static void
sh_assessment_view_finalize (GObject *object)
{
  ShAssessmentView *self = SH_ASSESSMENT_VIEW (object);

  g_free (self->kind);

  G_OBJECT_CLASS (sh_assessment_view_parent_class)->finalize (object);
}

static void
sh_assessment_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ShAssessmentView *self = SH_ASSESSMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT_ID:
      g_value_set_int64 (value, self->assessment_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_assessment_view_class_init (ShAssessmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_assessment_view_dispose;
  object_class->finalize = sh_assessment_view_finalize;
  object_class->get_property = sh_assessment_view_get_property;

  properties[PROP_ASSESSMENT_ID] =
    g_param_spec_int64 ("assessment-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShAssessmentView::assessment-created:
   * @id: the new assessment
   *
   * A detailed assessment was started from the quick one shown; the view
   * shows it next. The window refreshes its lists.
   */
  signals[ASSESSMENT_CREATED] =
    g_signal_new ("assessment-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "assessmentview");
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sachhon/SachHon/ui/sh-assessment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentView, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentView, finalize_button);
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentView, header);
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentView, locked_banner);
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentView, locked_label);
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentView, redo_button);
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentView, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentView, saved_label);
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentView, start_detailed_button);
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentView, status_label);
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentView, title_label);
  gtk_widget_class_bind_template_child (widget_class, ShAssessmentView, undo_button);

  gtk_widget_class_install_action (widget_class, "assessment.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "assessment.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "assessment.finalize", NULL, finalize_action);
  gtk_widget_class_install_action (widget_class, "assessment.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "assessment.start-detailed", NULL, start_detailed_action);
  gtk_widget_class_install_action (widget_class, "assessment.print-evidence", NULL, print_evidence_action);
  gtk_widget_class_install_action (widget_class, "assessment.print-form", NULL, print_form_action);
  gtk_widget_class_install_action (widget_class, "assessment.enter-paper-form", NULL, enter_paper_form_action);
  gtk_widget_class_install_action (widget_class, "assessment.export-dossier", NULL, export_dossier_action);
  gtk_widget_class_install_action (widget_class, "assessment.export-workbook", NULL, export_workbook_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "assessment.print-evidence", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "assessment.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "assessment.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "assessment.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "assessment.redo", NULL);
}

static void
sh_assessment_view_init (ShAssessmentView *self)
{
  GdkDisplay *display = gdk_display_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  sh_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  /* The completeness icons ship in our resources; an application adds
   * them to the theme at startup, a view made outside one adds them here. */
  if (display != NULL)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (display);

      if (!gtk_icon_theme_has_icon (theme, "sh-task-done-symbolic"))
        gtk_icon_theme_add_resource_path (theme, "/org/sachhon/SachHon/icons");
    }
}

GtkWidget *
sh_assessment_view_new (ShStore *store,
                        gint64   assessment_id)
{
  ShAssessmentView *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);

  self = g_object_new (SH_TYPE_ASSESSMENT_VIEW, NULL);
  self->store = g_object_ref (store);

  if (!load_assessment (self, assessment_id, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->content_stack), "error");
      gtk_widget_set_visible (self->header, FALSE);
      update_actions (self);
    }

  return GTK_WIDGET (self);
}

gint64
sh_assessment_view_get_assessment_id (ShAssessmentView *self)
{
  g_return_val_if_fail (SH_IS_ASSESSMENT_VIEW (self), 0);

  return self->assessment_id;
}

ShEditContext *
sh_assessment_view_get_context (ShAssessmentView *self)
{
  g_return_val_if_fail (SH_IS_ASSESSMENT_VIEW (self), NULL);

  return self->ctx;
}

void
sh_assessment_view_show_task (ShAssessmentView *self,
                              guint             task)
{
  g_return_if_fail (SH_IS_ASSESSMENT_VIEW (self));

  if (self->quick_form != NULL)
    sh_quick_form_scroll_to_section (SH_QUICK_FORM (self->quick_form), task);
  else if (self->sidebar != NULL)
    sh_task_sidebar_select_task (SH_TASK_SIDEBAR (self->sidebar), task);
}

GtkWidget *
sh_assessment_view_get_task_page (ShAssessmentView *self,
                                  guint             task)
{
  g_return_val_if_fail (SH_IS_ASSESSMENT_VIEW (self), NULL);
  g_return_val_if_fail (task >= 1 && task <= SH_TASKS_N_TASKS, NULL);

  if (self->task_stack == NULL)
    return NULL;

  return ensure_task_page (self, task);
}

GtkWindow *
sh_assessment_view_get_dialog (ShAssessmentView *self)
{
  g_return_val_if_fail (SH_IS_ASSESSMENT_VIEW (self), NULL);

  return self->dialog;
}

GtkWidget *
sh_assessment_view_get_part (ShAssessmentView *self,
                             const char       *name)
{
  const struct
  {
    const char *name;
    GtkWidget  *widget;
  } parts[] = {
    { "title_label", self->title_label },
    { "status_label", self->status_label },
    { "subtitle_label", self->subtitle_label },
    { "saved_label", self->saved_label },
    { "locked_banner", self->locked_banner },
    { "undo_button", self->undo_button },
    { "redo_button", self->redo_button },
    { "finalize_button", self->finalize_button },
    { "reopen_button", self->reopen_button },
    { "start_detailed_button", self->start_detailed_button },
    { "quick_form", self->quick_form },
    { "sidebar", self->sidebar },
    { "task_stack", self->task_stack },
  };

  g_return_val_if_fail (SH_IS_ASSESSMENT_VIEW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (g_strcmp0 (parts[i].name, name) == 0)
        return parts[i].widget;
    }

  return NULL;
}
