/* sh-worksheet-observations.c — what the walk-through found, with photos.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-a11y.h"
#include "sh-worksheet-observations.h"
#include "sh-worksheet-util.h"

struct _ShWorksheetObservations
{
  GtkWidget             parent_instance;

  ShEditContext        *ctx;
  gint64                open_id;
  guint                 n_photos;

  GtkWidget            *photos_section;
  GtkWidget            *photos_title;
  GtkWidget            *photos_box;
  GtkWidget            *attach_button;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (ShWorksheetObservations, sh_worksheet_observations, GTK_TYPE_WIDGET)

static const ShColumnSpec observation_columns[] = {
  { .column = "location", .title = N_("Location"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT },
  { .column = "step_id", .title = N_("Step"), .type = SH_COLUMN_CHOICE, .rows_table = "process_step",
    .rows_label = "name", .allow_none = TRUE },
  { .column = "issue", .title = N_("What was seen"), .type = SH_COLUMN_ENTRY, .kind = SH_FIELD_KIND_TEXT,
    .expand = TRUE, .required = TRUE, .default_text = N_("New observation") },
  { .column = "category", .title = N_("Category"), .type = SH_COLUMN_CHOICE, .list = "observation_category",
    .default_text = "other" },
  { .column = "severity", .title = N_("Severity"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_severity, .n_choices = G_N_ELEMENTS (sh_choices_severity),
    .default_text = "medium" },
};

static void
init_observation_cb (ShRecordTable *table,
                     ShRecord      *record,
                     gpointer       user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);

  sh_record_set_string (record, "observed_at", stamp);
}

static GPtrArray *
list_photos (ShWorksheetObservations *self)
{
  g_autoptr(GPtrArray) evidence = sh_store_list (sh_edit_context_get_store (self->ctx), "evidence",
                                                 "assessment_id", sh_edit_context_get_assessment_id (self->ctx),
                                                 NULL);
  GPtrArray *photos = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_record_unref);

  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      ShRecord *row = evidence->pdata[i];

      if (g_strcmp0 (sh_record_get_string (row, "entity_table"), "observation") == 0 &&
          sh_record_get_int (row, "entity_id", 0) == self->open_id)
        g_ptr_array_add (photos, sh_record_ref (row));
    }

  return photos;
}

static void
delete_photo_clicked_cb (GtkButton               *button,
                         ShWorksheetObservations *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "sh-evidence");
  g_autoptr(GError) error = NULL;

  if (!sh_edit_context_delete (self->ctx, "evidence", id, &error))
    sh_edit_context_report_error (self->ctx, error);
}

static GtkWidget *
photo_card (ShWorksheetObservations *self,
            ShRecord                *row)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *name = gtk_label_new (sh_record_get_string (row, "file_name"));
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const GValue *content = sh_record_get_value (row, "content");
  gint64 id = sh_record_get_id (row);
  GtkWidget *picture;
  /* Translators: accessible name of the button that removes a photo. */
  g_autofree char *delete_label = g_strdup_printf (_("Remove photo %s"), sh_record_get_string (row, "file_name"));

  if (content != NULL && G_VALUE_HOLDS (content, G_TYPE_BYTES) && g_value_get_boxed (content) != NULL)
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (g_value_get_boxed (content), NULL);

      picture = texture != NULL ? gtk_picture_new_for_paintable (GDK_PAINTABLE (texture))
                                : gtk_image_new_from_icon_name ("image-missing");
    }
  else
    picture = gtk_image_new_from_icon_name ("image-missing");

  gtk_widget_set_size_request (picture, 160, 120);
  if (GTK_IS_PICTURE (picture))
    {
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_picture_set_alternative_text (GTK_PICTURE (picture), sh_record_get_string (row, "description"));
    }
  gtk_widget_set_tooltip_text (picture, sh_record_get_string (row, "sha256"));

  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 18);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "caption");
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Remove photo"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  g_object_set_data_full (G_OBJECT (delete), "sh-evidence", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_photo_clicked_cb), self);
  g_object_bind_property (self->ctx, "read-only", delete, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  gtk_box_append (GTK_BOX (bottom), name);
  gtk_box_append (GTK_BOX (bottom), delete);
  gtk_box_append (GTK_BOX (card), picture);
  gtk_box_append (GTK_BOX (card), bottom);
  gtk_widget_add_css_class (card, "photo");

  return card;
}

static void
refresh (GtkWidget *widget)
{
  ShWorksheetObservations *self = SH_WORKSHEET_OBSERVATIONS (widget);
  g_autoptr(ShRecord) observation = NULL;
  g_autoptr(GPtrArray) photos = NULL;
  g_autofree char *title = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->photos_box)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->photos_box), child);
  self->n_photos = 0;

  if (self->open_id != 0)
    observation = sh_store_get (sh_edit_context_get_store (self->ctx), "observation", self->open_id, NULL);
  if (observation == NULL)
    {
      self->open_id = 0;
      gtk_widget_set_visible (self->photos_section, FALSE);
      return;
    }

  /* Translators: heading of the photos of one observation. */
  title = g_strdup_printf (_("Photos of “%s”"), sh_record_get_string (observation, "issue"));
  gtk_label_set_text (GTK_LABEL (self->photos_title), title);
  gtk_widget_set_visible (self->photos_section, TRUE);

  photos = list_photos (self);
  for (guint i = 0; i < photos->len; i++)
    {
      gtk_flow_box_append (GTK_FLOW_BOX (self->photos_box), photo_card (self, photos->pdata[i]));
      self->n_photos++;
    }
  gtk_widget_set_visible (self->photos_box, self->n_photos > 0);
}

static void
chooser_response_cb (GtkNativeDialog         *dialog,
                     int                      response,
                     ShWorksheetObservations *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autoptr(GError) error = NULL;

          if (sh_worksheet_observations_attach_file (self, file, &error) == 0)
            sh_edit_context_report_error (self->ctx, error);
        }
    }

  g_clear_object (&self->chooser);
}

static void
attach_button_clicked_cb (GtkButton               *button,
                          ShWorksheetObservations *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();

  if (self->open_id == 0 || self->chooser != NULL)
    return;

  gtk_file_filter_set_name (images, _("Photos"));
  gtk_file_filter_add_mime_type (images, "image/*");

  self->chooser = gtk_file_chooser_native_new (_("Attach Photos"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), images);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
table_row_activated_cb (ShRecordTable           *table,
                        gint64                   id,
                        ShWorksheetObservations *self)
{
  sh_worksheet_observations_open (self, id);
}

static void
sh_worksheet_observations_dispose (GObject *object)
{
  ShWorksheetObservations *self = SH_WORKSHEET_OBSERVATIONS (object);
  GtkWidget *child;

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->ctx);

  G_OBJECT_CLASS (sh_worksheet_observations_parent_class)->dispose (object);
}

static void
sh_worksheet_observations_class_init (ShWorksheetObservationsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_worksheet_observations_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "worksheet");
}

static void
sh_worksheet_observations_init (ShWorksheetObservations *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);
}

GtkWidget *
sh_worksheet_observations_new (ShEditContext *ctx)
{
  ShWorksheetObservations *self;
  GtkWidget *table;
  GtkWidget *box;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);

  self = g_object_new (SH_TYPE_WORKSHEET_OBSERVATIONS, NULL);
  self->ctx = g_object_ref (ctx);

  table = sh_worksheet_record_table_new (ctx, "observation", "assessment_id",
                                         sh_edit_context_get_assessment_id (ctx),
                                         observation_columns, G_N_ELEMENTS (observation_columns));
  sh_record_table_set_empty_text (SH_RECORD_TABLE (table), _("Nothing observed yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (table), _("Add observation"));
  sh_record_table_set_name_column (SH_RECORD_TABLE (table), "issue");
  sh_record_table_set_init_func (SH_RECORD_TABLE (table), init_observation_cb, NULL, NULL);
  sh_record_table_set_activatable (SH_RECORD_TABLE (table), TRUE);
  g_signal_connect_object (table, "row-activated", G_CALLBACK (table_row_activated_cb), self, 0);
  gtk_widget_set_parent (table, GTK_WIDGET (self));
  gtk_widget_set_parent (sh_worksheet_note_new (_("Open an observation to see and attach its photos.")),
                         GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  self->photos_title = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  gtk_label_set_xalign (GTK_LABEL (self->photos_title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->photos_title), TRUE);
  gtk_widget_add_css_class (self->photos_title, "heading");
  self->photos_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->photos_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->photos_box), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->photos_box), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->photos_box), 12);
  gtk_widget_set_halign (self->photos_box, GTK_ALIGN_START);
  self->attach_button = gtk_button_new_with_mnemonic (_("Attach _Photos…"));
  sh_a11y_name_mnemonic_button (self->attach_button);
  gtk_widget_set_halign (self->attach_button, GTK_ALIGN_START);
  g_signal_connect (self->attach_button, "clicked", G_CALLBACK (attach_button_clicked_cb), self);
  g_object_bind_property (ctx, "read-only", self->attach_button, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  gtk_box_append (GTK_BOX (box), self->photos_title);
  gtk_box_append (GTK_BOX (box), self->photos_box);
  gtk_box_append (GTK_BOX (box), self->attach_button);
  self->photos_section = box;
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "photo-section");
  gtk_widget_set_visible (box, FALSE);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  sh_worksheet_watch (GTK_WIDGET (self), ctx, refresh);

  return GTK_WIDGET (self);
}

void
sh_worksheet_observations_open (ShWorksheetObservations *self,
                                gint64                   observation_id)
{
  g_return_if_fail (SH_IS_WORKSHEET_OBSERVATIONS (self));

  self->open_id = observation_id;
  refresh (GTK_WIDGET (self));
}

gint64
sh_worksheet_observations_get_open (ShWorksheetObservations *self)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_OBSERVATIONS (self), 0);

  return self->open_id;
}

gint64
sh_worksheet_observations_attach_file (ShWorksheetObservations  *self,
                                       GFile                    *file,
                                       GError                  **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ShRecord) observation = NULL;
  g_autoptr(ShRecord) record = NULL;
  g_autofree char *name = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *media_type = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *taken_at = NULL;
  g_autoptr(GDateTime) modified = NULL;
  GValue content = G_VALUE_INIT;
  gint64 id;

  g_return_val_if_fail (SH_IS_WORKSHEET_OBSERVATIONS (self), 0);
  g_return_val_if_fail (G_IS_FILE (file), 0);

  if (self->open_id == 0)
    {
      g_set_error (error, SH_STORE_ERROR, SH_STORE_ERROR_INVALID,
                   _("Open an observation before attaching photos to it."));
      return 0;
    }

  observation = sh_store_get (sh_edit_context_get_store (self->ctx), "observation", self->open_id, error);
  if (observation == NULL)
    return 0;

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  name = info != NULL ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (file);
  if (info != NULL && (modified = g_file_info_get_modification_date_time (info)) != NULL)
    taken_at = g_date_time_format_iso8601 (modified);

  content_type = g_content_type_guess (name, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  media_type = g_content_type_get_mime_type (content_type);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  record = sh_record_new ("evidence");
  sh_record_set_int (record, "facility_id", sh_edit_context_get_facility_id (self->ctx));
  sh_record_set_int (record, "assessment_id", sh_edit_context_get_assessment_id (self->ctx));
  sh_record_set_string (record, "entity_table", "observation");
  sh_record_set_int (record, "entity_id", self->open_id);
  sh_record_set_string (record, "kind", "photo");
  sh_record_set_string (record, "file_name", name);
  sh_record_set_string (record, "media_type", media_type);
  g_value_init (&content, G_TYPE_BYTES);
  g_value_set_boxed (&content, bytes);
  sh_record_set_value (record, "content", &content);
  g_value_unset (&content);
  sh_record_set_int (record, "size_bytes", (gint64) g_bytes_get_size (bytes));
  sh_record_set_string (record, "sha256", sha256);
  if (taken_at != NULL)
    sh_record_set_string (record, "taken_at", taken_at);
  sh_record_set_string (record, "description", sh_record_get_string (observation, "issue"));

  id = sh_edit_context_insert (self->ctx, record, error);
  if (id != 0)
    refresh (GTK_WIDGET (self));

  return id;
}

guint
sh_worksheet_observations_get_n_photos (ShWorksheetObservations *self)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_OBSERVATIONS (self), 0);

  return self->n_photos;
}
