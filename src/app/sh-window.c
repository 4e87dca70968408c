/* sh-window.c — the main window: facilities on the left, one facility on the right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-assessment-row.h"
#include "sh-facility-item.h"
#include "sh-refdata.h"
#include "sh-window.h"

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

  GtkListBox           *assessment_list;
  GtkStack             *content_stack;
  GtkLabel             *facility_address_label;
  GtkListView          *facility_list;
  GtkLabel             *facility_location_label;
  GtkLabel             *facility_name_label;
  GtkLabel             *facility_sector_label;
  GtkSearchEntry       *search_entry;
  GtkLabel             *sidebar_status_label;
  GtkStack             *sidebar_stack;
  GtkLabel             *subtitle_label;
};

G_DEFINE_FINAL_TYPE (ShWindow, sh_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_value_label (GtkLabel   *label,
                 const char *value)
{
  /* An em dash says "not recorded" without a word to translate. */
  gtk_label_set_text (label, value != NULL && *value != '\0' ? value : "—");
}

/* Reference data names sectors in both languages. Vietnamese is the only
 * translation, so any other interface language gets the English names. */
static gboolean
prefers_vietnamese (void)
{
  const char * const *languages = g_get_language_names ();

  return languages[0] != NULL && g_str_has_prefix (languages[0], "vi");
}

static void
set_sector_label (ShWindow *self,
                  ShRecord *facility)
{
  const char *code = sh_record_get_string (facility, "sector_code");
  const char *vsic = sh_record_get_string (facility, "vsic_code");
  g_autoptr(ShRecord) sector = NULL;
  g_autofree char *text = NULL;
  const char *name = code;

  if (code != NULL && *code != '\0')
    sector = sh_refdata_get_sector (self->store, code, NULL);
  if (sector != NULL)
    name = sh_record_get_string (sector, prefers_vietnamese () ? "name_vi" : "name_en");

  if (name != NULL && *name != '\0' && vsic != NULL && *vsic != '\0')
    /* Translators: a sector, then its code in the Vietnamese standard
     * industrial classification (VSIC). */
    text = g_strdup_printf (_("%s (VSIC %s)"), name, vsic);
  else if (vsic != NULL && *vsic != '\0')
    text = g_strdup_printf (_("VSIC %s"), vsic);
  else
    text = g_strdup (name);

  set_value_label (self->facility_sector_label, text);
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

static void
clear_assessments (ShWindow *self)
{
  GtkListBoxRow *row;

  /* GTK 4.8 has no gtk_list_box_remove_all(); rows go one by one, and the
   * placeholder, which is no row, stays. */
  while ((row = gtk_list_box_get_row_at_index (self->assessment_list, 0)) != NULL)
    gtk_list_box_remove (self->assessment_list, GTK_WIDGET (row));
}

static void
show_facility (ShWindow       *self,
               ShFacilityItem *item)
{
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;
  ShRecord *facility;

  clear_assessments (self);

  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  facility = sh_facility_item_get_record (item);
  gtk_label_set_text (self->facility_name_label, sh_facility_item_get_name (item));
  set_value_label (self->facility_address_label, sh_record_get_string (facility, "address"));
  set_value_label (self->facility_location_label, sh_facility_item_get_location (item));
  set_sector_label (self, facility);

  assessments = sh_store_list (self->store, "assessment",
                               "facility_id", sh_facility_item_get_id (item),
                               &error);
  if (assessments == NULL)
    {
      g_warning ("Cannot list the assessments of facility %" G_GINT64_FORMAT ": %s",
                 sh_facility_item_get_id (item), error->message);
    }
  else
    {
      for (guint i = 0; i < assessments->len; i++)
        gtk_list_box_append (self->assessment_list,
                             sh_assessment_row_new (g_ptr_array_index (assessments, i)));
    }

  gtk_stack_set_visible_child_name (self->content_stack, "facility");
}

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
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
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
}

static void
sh_window_dispose (GObject *object)
{
  ShWindow *self = SH_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SH_TYPE_WINDOW);

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
  gtk_widget_class_bind_template_child (widget_class, ShWindow, assessment_list);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, facility_address_label);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, facility_list);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, facility_location_label);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, facility_name_label);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, facility_sector_label);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, sidebar_status_label);
  gtk_widget_class_bind_template_child (widget_class, ShWindow, subtitle_label);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
sh_window_init (ShWindow *self)
{
  g_autoptr(GtkSorter) sorter = NULL;
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));

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

  restore_size (self);
}

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
