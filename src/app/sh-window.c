/* sh-window.c — the main window: facilities on the left, one facility on the right.
 *
 * The right side shows the selected facility's page, or one of its
 * assessments (ShAssessmentView) with a back button. Whichever is shown
 * owns the edit context that the window's undo and redo act on, and whose
 * "saved" and "failed" signals drive the indicator in the header bar and
 * the message at the bottom of the window.
 *
 * Deleting a facility takes everything under it, so it is confirmed first
 * and then held back for a while: the facility leaves the list at once,
 * a message offers Undo, and the rows are deleted from the database only
 * when the message goes (or the window closes). A power cut in between
 * leaves the facility in place, which is the safe way to fail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-assessment-view.h"
#include "sh-doit-page.h"
#include "sh-edit-context.h"
#include "sh-facility-item.h"
#include "sh-facility-page.h"
#include "sh-field-entry.h"
#include "sh-import-dialog.h"
#include "sh-refdata.h"
#include "sh-refdata-window.h"
#include "sh-a11y.h"
#include "sh-window.h"
#include "sh-print.h"

/* How long a deleted facility can be brought back, and how long an error
 * message stays. */
#define UNDO_DELETE_SECONDS 10
#define ERROR_TOAST_SECONDS 12

typedef enum
{
  TOAST_NONE,
  TOAST_ERROR,
  TOAST_DELETED_FACILITY,
} ToastKind;

struct _ShWindow
{
  GtkApplicationWindow  parent_instance;

  ShStore              *store;
  GSettings            *settings;
  GListStore           *facilities;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filtered;
  GtkSingleSelection   *selection;
  char                 *folded_query;

  ShFacilityPage       *facility_page;
  GtkWidget            *assessment_view;
  GtkWidget            *doit_page;     /* created when first shown */
  ShEditContext        *ctx;           /* of whichever of the two is shown */

  ShFacilityItem       *pending_item;  /* deleted, not yet from the database */
  ToastKind             toast_kind;
  guint                 toast_source;

  GtkWidget            *assessment_holder;
  GtkButton            *back_button;
  GtkStack             *content_stack;
  GtkWidget            *doit_holder;
  GtkWidget            *facility_holder;
  GtkListView          *facility_list;
  GtkBox               *history_box;
  GtkBox               *saved_box;
  GtkImage             *saved_image;
  GtkLabel             *saved_label;
  GtkSearchEntry       *search_entry;
  GtkLabel             *sidebar_status_label;
  GtkStack             *sidebar_stack;
  GtkLabel             *subtitle_label;
  GtkButton            *toast_button;
  GtkLabel             *toast_label;
  GtkRevealer          *toast_revealer;
};

G_DEFINE_FINAL_TYPE (ShWindow, sh_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_facility (ShWindow       *self,
                           ShFacilityItem *item);

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The province a facility's code stands for today: after the 2025
 * reorganisation a retired code leads to its successor. Province names are
 * Vietnamese proper names in either interface language. */
static const char *
lookup_province_name (ShWindow   *self,
                      GHashTable *names,
                      const char *code,
                      const char *today)
{
  g_autoptr(ShRecord) province = NULL;
  char *name;

  if (code == NULL || *code == '\0')
    return NULL;
  if (g_hash_table_lookup_extended (names, code, NULL, (gpointer *) &name))
    return name;

  province = sh_refdata_resolve_province (self->store, code, today, NULL);
  name = province != NULL ? g_strdup (sh_record_get_string (province, "name_vi")) : NULL;
  g_hash_table_insert (names, g_strdup (code), name);

  return name;
}

static ShFacilityItem *
make_item (ShWindow *self,
           ShRecord *facility)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *today = today_iso ();
  const char *province = lookup_province_name (self, names,
                                               sh_record_get_string (facility, "province_code"),
                                               today);

  return sh_facility_item_new (facility, province);
}

static ShFacilityItem *
selected_item (ShWindow *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* -------------------------------------------------------------------------
 * Messages at the bottom, and the saved indicator
 * ------------------------------------------------------------------------- */

static void commit_pending_delete (ShWindow *self);

static void
hide_toast (ShWindow *self)
{
  g_clear_handle_id (&self->toast_source, g_source_remove);
  self->toast_kind = TOAST_NONE;
  gtk_revealer_set_reveal_child (self->toast_revealer, FALSE);
}

static gboolean
toast_timeout_cb (gpointer user_data)
{
  ShWindow *self = user_data;

  self->toast_source = 0;
  if (self->toast_kind == TOAST_DELETED_FACILITY)
    commit_pending_delete (self);
  hide_toast (self);

  return G_SOURCE_REMOVE;
}

static void
show_toast (ShWindow   *self,
            ToastKind   kind,
            const char *text,
            guint       seconds)
{
  /* A facility waiting for its delete goes now: the message that offered
   * to bring it back is being replaced. */
  if (self->toast_kind == TOAST_DELETED_FACILITY && kind != TOAST_DELETED_FACILITY)
    commit_pending_delete (self);

  g_clear_handle_id (&self->toast_source, g_source_remove);
  self->toast_kind = kind;
  gtk_label_set_text (self->toast_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->toast_button), kind == TOAST_DELETED_FACILITY);
  gtk_revealer_set_reveal_child (self->toast_revealer, TRUE);
  self->toast_source = g_timeout_add_seconds (seconds, toast_timeout_cb, self);
}

static void
ctx_saved_cb (ShWindow      *self,
              ShEditContext *ctx)
{
  gtk_image_set_from_icon_name (self->saved_image, "object-select-symbolic");
  gtk_label_set_text (self->saved_label, _("Saved"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->saved_box), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->saved_box),
                               _("Every change is saved as soon as it is made."));
  gtk_widget_set_visible (GTK_WIDGET (self->saved_box), TRUE);
}

static void
ctx_failed_cb (ShWindow      *self,
               const GError  *error,
               ShEditContext *ctx)
{
  g_autofree char *text = g_strdup_printf (_("Not saved: %s"), error->message);

  gtk_image_set_from_icon_name (self->saved_image, "dialog-warning-symbolic");
  gtk_label_set_text (self->saved_label, _("Not saved"));
  gtk_widget_add_css_class (GTK_WIDGET (self->saved_box), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->saved_box), error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->saved_box), TRUE);

  show_toast (self, TOAST_ERROR, text, ERROR_TOAST_SECONDS);
}

static void
update_actions (ShWindow *self)
{
  gboolean has_facility = self->facility_page != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->ctx != NULL && sh_edit_context_get_can_undo (self->ctx));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->ctx != NULL && sh_edit_context_get_can_redo (self->ctx));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-facility", has_facility);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", self->assessment_view != NULL);
}

static void
ctx_notify_history_cb (ShWindow      *self,
                       GParamSpec    *pspec,
                       ShEditContext *ctx)
{
  update_actions (self);
}

/* Keeps the sidebar's row in step with edits of the facility. */
static void
ctx_changed_cb (ShWindow      *self,
                const char    *table,
                gint64         id,
                const char    *column,
                ShEditContext *ctx)
{
  ShFacilityItem *item = selected_item (self);
  g_autoptr(ShRecord) facility = NULL;

  if (g_strcmp0 (table, "facility") != 0 || item == NULL || sh_facility_item_get_id (item) != id)
    return;
  if (column != NULL && !g_str_equal (column, "name") && !g_str_equal (column, "district") &&
      !g_str_equal (column, "province_code"))
    return;

  if ((facility = sh_store_get (self->store, "facility", id, NULL)) != NULL)
    {
      g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autofree char *today = today_iso ();
      const char *province = lookup_province_name (self, names,
                                                   sh_record_get_string (facility, "province_code"),
                                                   today);

      sh_facility_item_update (item, facility, province);
    }
}

static void
set_context (ShWindow      *self,
             ShEditContext *ctx)
{
  if (self->ctx == ctx)
    return;

  if (self->ctx != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->ctx, self);
      g_clear_object (&self->ctx);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->saved_box), FALSE);

  if (ctx != NULL)
    {
      self->ctx = g_object_ref (ctx);
      g_signal_connect_object (ctx, "saved", G_CALLBACK (ctx_saved_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (ctx, "failed", G_CALLBACK (ctx_failed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (ctx, "changed", G_CALLBACK (ctx_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (ctx, "notify::can-undo",
                               G_CALLBACK (ctx_notify_history_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (ctx, "notify::can-redo",
                               G_CALLBACK (ctx_notify_history_cb), self, G_CONNECT_SWAPPED);
    }

  update_actions (self);
}

/* -------------------------------------------------------------------------
 * Pages
 * ------------------------------------------------------------------------- */

/* Start-detailed gives the view another assessment, with its own context. */
static void
assessment_view_notify_assessment_id_cb (ShWindow         *self,
                                         GParamSpec       *pspec,
                                         ShAssessmentView *view)
{
  set_context (self, sh_assessment_view_get_context (view));
  if (self->facility_page != NULL)
    sh_facility_page_reload (self->facility_page);
}

static void
close_assessment (ShWindow *self)
{
  if (self->assessment_view == NULL)
    return;

  if (self->ctx != NULL)
    sh_edit_context_flush (self->ctx);

  gtk_box_remove (GTK_BOX (self->assessment_holder), self->assessment_view);
  self->assessment_view = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->history_box), TRUE);

  if (self->facility_page != NULL)
    {
      /* The assessment may have changed the facility's team, and its own
       * status and dates. */
      sh_facility_page_reload (self->facility_page);
      set_context (self, sh_facility_page_get_context (self->facility_page));
      gtk_stack_set_visible_child_name (self->content_stack, "facility");
    }
  else
    {
      set_context (self, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
}

static void
open_assessment (ShWindow *self,
                 gint64    assessment_id)
{
  close_assessment (self);
  if (self->ctx != NULL)
    sh_edit_context_flush (self->ctx);

  self->assessment_view = sh_assessment_view_new (self->store, assessment_id);
  gtk_widget_set_vexpand (self->assessment_view, TRUE);
  gtk_box_append (GTK_BOX (self->assessment_holder), self->assessment_view);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  /* The view has its own Undo, Redo and saved indicator beside its title;
   * the window's shortcuts stay and act on the same context. */
  gtk_widget_set_visible (GTK_WIDGET (self->history_box), FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "assessment");

  g_signal_connect_object (self->assessment_view, "notify::assessment-id",
                           G_CALLBACK (assessment_view_notify_assessment_id_cb), self,
                           G_CONNECT_SWAPPED);
  set_context (self, sh_assessment_view_get_context (SH_ASSESSMENT_VIEW (self->assessment_view)));
}

static void
facility_page_assessment_activated_cb (ShWindow       *self,
                                       gint64          assessment_id,
                                       ShFacilityPage *page)
{
  open_assessment (self, assessment_id);
}

static void
close_facility (ShWindow *self)
{
  close_assessment (self);
  set_context (self, NULL);

  if (self->facility_page != NULL)
    {
      sh_edit_context_flush (sh_facility_page_get_context (self->facility_page));
      gtk_box_remove (GTK_BOX (self->facility_holder), GTK_WIDGET (self->facility_page));
      self->facility_page = NULL;
    }
}

static void
show_facility (ShWindow       *self,
               ShFacilityItem *item)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  if (item != NULL && self->facility_page != NULL &&
      sh_facility_page_get_facility_id (self->facility_page) == sh_facility_item_get_id (item))
    {
      close_assessment (self);
      return;
    }

  close_facility (self);

  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      update_actions (self);
      return;
    }

  if (!(page = sh_facility_page_new (self->store, sh_facility_item_get_id (item), &error)))
    {
      g_autofree char *text = g_strdup_printf (_("The facility cannot be opened: %s"), error->message);

      show_toast (self, TOAST_ERROR, text, ERROR_TOAST_SECONDS);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      update_actions (self);
      return;
    }

  self->facility_page = SH_FACILITY_PAGE (page);
  gtk_widget_set_vexpand (page, TRUE);
  g_signal_connect_object (page, "assessment-activated",
                           G_CALLBACK (facility_page_assessment_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->facility_holder), page);
  set_context (self, sh_facility_page_get_context (self->facility_page));
  gtk_stack_set_visible_child_name (self->content_stack, "facility");
}

/* -------------------------------------------------------------------------
 * The sidebar
 * ------------------------------------------------------------------------- */

static void
update_sidebar_status (ShWindow *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (n_shown > 0)
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "list");
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->facilities)) == 0)
    gtk_label_set_text (self->sidebar_status_label, _("No facilities yet"));
  else
    gtk_label_set_text (self->sidebar_status_label, _("No facility matches the search"));
  gtk_stack_set_visible_child_name (self->sidebar_stack, "status");
}

static void
load_facilities (ShWindow *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) province_names = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                g_free, g_free);
  g_autofree char *today = today_iso ();
  g_autoptr(GError) error = NULL;

  records = sh_store_list (self->store, "facility", NULL, 0, &error);
  if (records == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The facilities cannot be read: %s"),
                                                  error->message);

      gtk_label_set_text (self->sidebar_status_label, message);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "status");
      return;
    }

  for (guint i = 0; i < records->len; i++)
    {
      ShRecord *facility = g_ptr_array_index (records, i);
      const char *province = lookup_province_name (self, province_names,
                                                    sh_record_get_string (facility, "province_code"),
                                                    today);
      g_autoptr(ShFacilityItem) item = sh_facility_item_new (facility, province);

      g_list_store_append (self->facilities, item);
    }

  update_sidebar_status (self);
}

static gboolean
facility_matches (gpointer item,
                  gpointer user_data)
{
  ShWindow *self = user_data;

  return sh_facility_item_matches (SH_FACILITY_ITEM (item), self->folded_query);
}

static void
search_entry_search_changed_cb (ShWindow       *self,
                                GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *folded = sh_facility_item_fold (text);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (folded, self->folded_query) == 0)
    return;

  /* Typing more letters can only hide rows; deleting can only show them. */
  if (g_str_has_prefix (folded, self->folded_query))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (self->folded_query, folded))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->folded_query);
  self->folded_query = g_steal_pointer (&folded);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
search_entry_stop_search_cb (ShWindow       *self,
                             GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
filtered_items_changed_cb (ShWindow   *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *model)
{
  update_sidebar_status (self);
}

static void
selection_selected_item_changed_cb (ShWindow           *self,
                                    GParamSpec         *pspec,
                                    GtkSingleSelection *selection)
{
  show_facility (self, gtk_single_selection_get_selected_item (selection));
}

static guint
position_of (ShWindow *self,
             gint64    facility_id)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ShFacilityItem) item = g_list_model_get_item (model, i);

      if (sh_facility_item_get_id (item) == facility_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
select_facility (ShWindow *self,
                 gint64    facility_id)
{
  guint position = position_of (self, facility_id);

  /* A search that hides it is cleared first. */
  if (position == GTK_INVALID_LIST_POSITION && *self->folded_query != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_free (self->folded_query);
      self->folded_query = g_strdup ("");
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      position = position_of (self, facility_id);
    }

  if (position != GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (self->selection, position);
      /* GTK 4.8 has no gtk_list_view_scroll_to(); its action does it. */
      gtk_widget_activate_action (GTK_WIDGET (self->facility_list), "list.scroll-to-item",
                                  "u", position);
    }
}

/* -------------------------------------------------------------------------
 * Creating and deleting facilities
 * ------------------------------------------------------------------------- */

static gboolean
find_item (ShWindow *self,
           gint64    facility_id,
           guint    *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->facilities)); i++)
    {
      g_autoptr(ShFacilityItem) item = g_list_model_get_item (G_LIST_MODEL (self->facilities), i);

      if (sh_facility_item_get_id (item) == facility_id)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
commit_pending_delete (ShWindow *self)
{
  g_autoptr(ShFacilityItem) item = g_steal_pointer (&self->pending_item);
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;

  if (!sh_store_delete (self->store, "facility", sh_facility_item_get_id (item), &error))
    {
      g_autofree char *text = g_strdup_printf (_("The facility could not be deleted: %s"),
                                               error->message);

      /* It is still there, so it is shown again. */
      g_list_store_append (self->facilities, item);
      self->toast_kind = TOAST_NONE;
      show_toast (self, TOAST_ERROR, text, ERROR_TOAST_SECONDS);
    }
}

static void
undo_delete_facility (ShWindow *self)
{
  g_autoptr(ShFacilityItem) item = g_steal_pointer (&self->pending_item);

  hide_toast (self);
  if (item == NULL)
    return;

  g_list_store_append (self->facilities, item);
  select_facility (self, sh_facility_item_get_id (item));
}

static void
delete_facility_now (ShWindow       *self,
                     ShFacilityItem *item)
{
  g_autofree char *text = NULL;
  guint position;

  commit_pending_delete (self);

  if (!find_item (self, sh_facility_item_get_id (item), &position))
    return;

  self->pending_item = g_object_ref (item);
  /* Removing it from the list unselects it, which closes its page. */
  g_list_store_remove (self->facilities, position);

  /* Translators: shown for a few seconds after a facility was deleted,
   * beside an Undo button. */
  text = g_strdup_printf (_("Deleted “%s”"), sh_facility_item_get_name (self->pending_item));
  show_toast (self, TOAST_DELETED_FACILITY, text, UNDO_DELETE_SECONDS);
}

static void
delete_dialog_response_cb (GtkDialog *dialog,
                           int        response,
                           gpointer   user_data)
{
  ShWindow *self = SH_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  ShFacilityItem *item = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    delete_facility_now (self, item);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
delete_facility_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ShWindow *self = SH_WINDOW (widget);
  ShFacilityItem *item = selected_item (self);
  g_autoptr(GPtrArray) assessments = NULL;
  g_autofree char *secondary = NULL;
  GtkWidget *dialog;
  GtkWidget *button;
  guint n;

  if (item == NULL)
    return;

  if (self->ctx != NULL)
    sh_edit_context_flush (self->ctx);

  assessments = sh_store_list (self->store, "assessment", "facility_id",
                               sh_facility_item_get_id (item), NULL);
  n = assessments != NULL ? assessments->len : 0;
  if (n > 0)
    /* Translators: %u is the number of assessments. */
    secondary = g_strdup_printf (_("Everything recorded for it is deleted with it: its assessments (%u), "
                                   "CP team, training and annual reports."), n);
  else
    secondary = g_strdup (_("Its CP team, training and annual reports are deleted with it."));

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Delete “%s”?"), sh_facility_item_get_name (item));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);

  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_dialog_response_cb),
                         g_object_ref (item), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_facility_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ShWindow *self = SH_WINDOW (widget);
  g_autoptr(ShRecord) record = sh_record_new ("facility");
  g_autoptr(ShRecord) stored = NULL;
  g_autoptr(ShFacilityItem) item = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *name;
  gint64 id;

  if (self->ctx != NULL)
    sh_edit_context_flush (self->ctx);

  sh_record_set_string (record, "name", _("New facility"));
  if ((id = sh_store_insert (self->store, record, &error)) == 0 ||
      !(stored = sh_store_get (self->store, "facility", id, &error)))
    {
      g_autofree char *text = g_strdup_printf (_("The facility could not be created: %s"),
                                               error->message);

      show_toast (self, TOAST_ERROR, text, ERROR_TOAST_SECONDS);
      return;
    }

  item = make_item (self, stored);
  g_list_store_append (self->facilities, item);
  select_facility (self, id);

  /* The name is what to type first: it is selected, so typing replaces it. */
  if (self->facility_page != NULL &&
      (name = sh_facility_page_get_part (self->facility_page, "name")) != NULL)
    gtk_widget_grab_focus (sh_field_entry_get_input (SH_FIELD_ENTRY (name)));
}

static void
toast_button_clicked_cb (ShWindow  *self,
                         GtkButton *button)
{
  if (self->toast_kind == TOAST_DELETED_FACILITY)
    undo_delete_facility (self);
  else
    hide_toast (self);
}

static void
toast_close_button_clicked_cb (ShWindow  *self,
                               GtkButton *button)
{
  if (self->toast_kind == TOAST_DELETED_FACILITY)
    commit_pending_delete (self);
  hide_toast (self);
}

/* -------------------------------------------------------------------------
 * The DoIT's workspace, and importing reports (from the menu or dropped)
 * ------------------------------------------------------------------------- */

static void
show_doit (ShWindow *self)
{
  /* Unselecting closes the facility (and its assessment) first. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  if (self->doit_page == NULL)
    {
      self->doit_page = sh_doit_page_new (self->store);
      gtk_widget_set_vexpand (self->doit_page, TRUE);
      gtk_box_append (GTK_BOX (self->doit_holder), self->doit_page);
    }
  else
    sh_doit_page_reload (SH_DOIT_PAGE (self->doit_page));

  gtk_stack_set_visible_child_name (self->content_stack, "doit");
}

/* New facilities appear, changed ones change, and what is open is read
 * again: an imported report may have replaced an assessment on screen. */
static void
refresh_after_import (ShWindow *self)
{
  g_autoptr(GPtrArray) records = sh_store_list (self->store, "facility", NULL, 0, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *today = today_iso ();

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      ShRecord *facility = records->pdata[i];
      const char *province = lookup_province_name (self, names,
                                                    sh_record_get_string (facility, "province_code"),
                                                    today);
      guint position;

      if (self->pending_item != NULL && sh_facility_item_get_id (self->pending_item) == sh_record_get_id (facility))
        continue;
      if (find_item (self, sh_record_get_id (facility), &position))
        {
          g_autoptr(ShFacilityItem) item = g_list_model_get_item (G_LIST_MODEL (self->facilities), position);

          sh_facility_item_update (item, facility, province);
        }
      else
        {
          g_autoptr(ShFacilityItem) item = sh_facility_item_new (facility, province);

          g_list_store_append (self->facilities, item);
        }
    }

  close_assessment (self);
  if (self->facility_page != NULL)
    sh_facility_page_reload (self->facility_page);
  if (self->doit_page != NULL)
    sh_doit_page_reload (SH_DOIT_PAGE (self->doit_page));
  update_sidebar_status (self);
}

static void
import_dialog_finished_cb (ShWindow       *self,
                           ShImportDialog *dialog)
{
  if (sh_import_dialog_get_n_changed (dialog) > 0)
    refresh_after_import (self);
}

static GtkWidget *
import_files (ShWindow *self,
              GSList   *files)
{
  GtkWidget *dialog;

  /* What is typed is saved before another connection writes. */
  if (self->ctx != NULL)
    sh_edit_context_flush (self->ctx);

  dialog = sh_import_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (import_dialog_finished_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  sh_import_dialog_start (SH_IMPORT_DIALOG (dialog), files);

  return dialog;
}

static gboolean
drop_target_drop_cb (GtkDropTarget *target,
                     const GValue  *value,
                     double         x,
                     double         y,
                     ShWindow      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) ||
      (files = gdk_file_list_get_files (g_value_get_boxed (value))) == NULL)
    return FALSE;

  import_files (self, files);
  g_slist_free (files);

  return TRUE;
}

static void
import_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            ShWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoslist(GFile) files = NULL;

      for (guint i = g_list_model_get_n_items (chosen); i > 0; i--)
        files = g_slist_prepend (files, g_list_model_get_item (chosen, i - 1));
      if (files != NULL)
        import_files (self, files);
    }

  g_object_unref (chooser);
}

static void
import_reports_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ShWindow *self = SH_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Reports"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("XML reports (*.xml)"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_doit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_doit (SH_WINDOW (widget));
}

/* -------------------------------------------------------------------------
 * Actions
 * ------------------------------------------------------------------------- */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShWindow *self = SH_WINDOW (widget);

  /* The context reports a failure through "failed". */
  if (self->ctx != NULL)
    sh_edit_context_undo (self->ctx, NULL);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShWindow *self = SH_WINDOW (widget);

  if (self->ctx != NULL)
    sh_edit_context_redo (self->ctx, NULL);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  close_assessment (SH_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShWindow *self = SH_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
restore_size (ShWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
sh_window_close_request (GtkWindow *window)
{
  ShWindow *self = SH_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);
  int width;
  int height;

  /* Typing not yet saved is saved; a delete waiting for Undo is done. */
  if (self->ctx != NULL)
    sh_edit_context_flush (self->ctx);
  commit_pending_delete (self);

  /* GTK 4 keeps the unmaximized size as the default size, so this is the
   * size to restore even when the window is closed maximized. */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (sh_window_parent_class)->close_request (window);
}

/* -------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static void
sh_window_constructed (GObject *object)
{
  ShWindow *self = SH_WINDOW (object);
  const char *path = sh_store_get_path (self->store);
  g_autofree char *basename = g_path_get_basename (path);

  G_OBJECT_CLASS (sh_window_parent_class)->constructed (object);

  gtk_label_set_text (self->subtitle_label, basename);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), path);

  load_facilities (self);
  update_actions (self);
}

static void
sh_window_dispose (GObject *object)
{
  ShWindow *self = SH_WINDOW (object);

  if (self->store != NULL)
    {
      if (self->ctx != NULL)
        sh_edit_context_flush (self->ctx);
      commit_pending_delete (self);
    }
  g_clear_handle_id (&self->toast_source, g_source_remove);
  if (self->ctx != NULL)
    g_signal_handlers_disconnect_by_data (self->ctx, self);
  g_clear_object (&self->ctx);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SH_TYPE_WINDOW);
  self->facility_page = NULL;
  self->assessment_view = NULL;
  self->doit_page = NULL;

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->facilities);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sh_window_parent_class)->dispose (object);
}

static void
sh_window_finalize (GObject *object)
{
  ShWindow *self = SH_WINDOW (object);

  g_clear_pointer (&self->folded_query, g_free);

  G_OBJECT_CLASS (sh_window_parent_class)->finalize (object);
}

static void
sh_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ShWindow *self = SH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ShWindow *self = SH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A DoIT officer checks that the XML on their disk is the one a paper
 * dossier was printed from. */
static void
verify_dossier_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  sh_print_verify_dialog (GTK_WINDOW (widget));
}

/* Sectors, options, norms, provinces and plans, with their sources; a
 * DoIT's updated file is imported there. */
static void
reference_data_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  sh_refdata_window_present_for (GTK_WINDOW (widget), SH_WINDOW (widget)->store);
}

static void
sh_window_class_init (ShWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sh_window_constructed;
  object_class->dispose = sh_window_dispose;
  object_class->finalize = sh_window_finalize;
  object_class->get_property = sh_window_get_property;
  object_class->set_property = sh_window_set_property;

  window_class->close_request = sh_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SH_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The list rows' template looks the item type up by name. */
  g_type_ensure (SH_TYPE_FACILITY_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sachhon/SachHon/ui/sh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShWindow, assessment_holder);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, doit_holder);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, facility_holder);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, facility_list);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, history_box);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, saved_box);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, saved_image);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, saved_label);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, sidebar_status_label);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, toast_button);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, toast_label);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, toast_revealer);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, toast_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, toast_close_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.delete-facility", NULL, delete_facility_action);
  gtk_widget_class_install_action (widget_class, "win.import-reports", NULL, import_reports_action);
  gtk_widget_class_install_action (widget_class, "win.new-facility", NULL, new_facility_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.reference-data", NULL, reference_data_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-doit", NULL, show_doit_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.verify-dossier", NULL, verify_dossier_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-facility", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-reports", NULL);
}

static void
sh_window_init (ShWindow *self)
{
  g_autoptr(GtkSorter) sorter = NULL;
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));
  sh_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->folded_query = g_strdup ("");

  /* facilities → sorted by name → filtered by the search → selection */
  self->facilities = g_list_store_new (SH_TYPE_FACILITY_ITEM);
  sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SH_TYPE_FACILITY_ITEM,
                                                                           NULL, "name")));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->facilities)),
                                    g_steal_pointer (&sorter));
  self->filter = gtk_custom_filter_new (facility_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (sorted),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (filtered_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_selected_item_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->facility_list, GTK_SELECTION_MODEL (self->selection));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  /* XML reports dropped anywhere on the window are imported. */
  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect_object (target, "drop", G_CALLBACK (drop_target_drop_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }

  restore_size (self);
}

/* -------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

ShWindow *
sh_window_new (ShApplication *application,
               ShStore       *store)
{
  g_return_val_if_fail (SH_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SH_IS_STORE (store), NULL);

  return g_object_new (SH_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

ShStore *
sh_window_get_store (ShWindow *self)
{
  g_return_val_if_fail (SH_IS_WINDOW (self), NULL);

  return self->store;
}

GtkWidget *
sh_window_get_facility_page (ShWindow *self)
{
  g_return_val_if_fail (SH_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->facility_page);
}

GtkWidget *
sh_window_get_assessment_view (ShWindow *self)
{
  g_return_val_if_fail (SH_IS_WINDOW (self), NULL);

  return self->assessment_view;
}

ShEditContext *
sh_window_get_edit_context (ShWindow *self)
{
  g_return_val_if_fail (SH_IS_WINDOW (self), NULL);

  return self->ctx;
}

void
sh_window_select_facility (ShWindow *self,
                           gint64    facility_id)
{
  g_return_if_fail (SH_IS_WINDOW (self));

  select_facility (self, facility_id);
}

const char *
sh_window_get_message (ShWindow *self)
{
  g_return_val_if_fail (SH_IS_WINDOW (self), NULL);

  if (self->toast_kind == TOAST_NONE)
    return NULL;
  return gtk_label_get_text (self->toast_label);
}

const char *
sh_window_get_saved_text (ShWindow *self)
{
  g_return_val_if_fail (SH_IS_WINDOW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->saved_box)))
    return NULL;
  return gtk_label_get_text (self->saved_label);
}

void
sh_window_undo_delete (ShWindow *self)
{
  g_return_if_fail (SH_IS_WINDOW (self));

  undo_delete_facility (self);
}

GtkWidget *
sh_window_get_doit_page (ShWindow *self)
{
  g_return_val_if_fail (SH_IS_WINDOW (self), NULL);

  return self->doit_page;
}

void
sh_window_show_doit (ShWindow *self)
{
  g_return_if_fail (SH_IS_WINDOW (self));

  show_doit (self);
}

GtkWidget *
sh_window_import_files (ShWindow *self,
                        GSList   *files)
{
  g_return_val_if_fail (SH_IS_WINDOW (self), NULL);
  g_return_val_if_fail (files != NULL, NULL);

  return import_files (self, files);
}
