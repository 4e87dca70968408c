/* sh-ui-test-utils.c — what the ui tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sh-demo.h"
#include "sh-ui-test-utils.h"

gboolean
sh_ui_test_in_vietnamese (void)
{
  return g_strcmp0 (g_getenv ("LANGUAGE"), "vi") == 0;
}

const char *
sh_ui_test_expected (const char *english,
                     const char *vietnamese)
{
  return sh_ui_test_in_vietnamese () ? vietnamese : english;
}

gboolean
sh_ui_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
sh_ui_test_drain (void)
{
  for (int i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

void
sh_ui_test_wait_for_frames (GtkWidget *widget,
                            guint      n)
{
  guint n_frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &n_frames, NULL);

  SH_UI_WAIT_FOR (n_frames >= n);
  gtk_widget_remove_tick_callback (widget, id);
}

GtkWidget *
sh_ui_test_find_widget (GtkWidget *root,
                        GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sh_ui_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
sh_ui_test_find_button (GtkWidget  *root,
                        const char *text)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_visible (root))
    {
      GtkWidget *label = sh_ui_test_find_widget (root, GTK_TYPE_LABEL);

      if (label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sh_ui_test_find_button (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
sh_ui_test_find_by_tooltip (GtkWidget  *root,
                            const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sh_ui_test_find_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
sh_ui_test_collect (GtkWidget *root,
                    GType      type,
                    GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      g_ptr_array_add (found, root);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sh_ui_test_collect (child, type, found);
}

GtkMessageDialog *
sh_ui_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_MESSAGE_DIALOG (window);
    }

  return NULL;
}

gint64
sh_ui_test_cassava_facility (ShStore *store)
{
  g_autoptr(ShRecord) assessment = NULL;
  g_autoptr(GError) error = NULL;

  assessment = sh_store_get (store, "assessment", sh_demo_cassava_assessment (store), &error);
  g_assert_no_error (error);
  return sh_record_get_int (assessment, "facility_id", 0);
}

void
sh_ui_test_save_screenshot (GtkWidget  *widget,
                            const char *name)
{
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  /* A widget waiting for its allocation measures 0 × 0. */
  sh_ui_test_wait_for_frames (widget, 3);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  gsk_renderer_realize (renderer, NULL, &error);
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);

  file = g_strdup_printf ("%s/%s-%s.png", g_getenv ("G_TEST_BUILDDIR"), name,
                          sh_ui_test_in_vietnamese () ? "vi" : "en");
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("screenshot: %s", file);
}
