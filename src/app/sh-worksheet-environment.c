/* sh-worksheet-environment.c — W14: the environmental effect of the options.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-units.h"
#include "sh-worksheet-environment.h"
#include "sh-worksheet-util.h"

struct _ShWorksheetEnvironment
{
  GtkWidget      parent_instance;

  ShEditContext *ctx;
  gint64         option_id;
  GtkWidget     *picker;
  GtkWidget     *detail_box;
  GtkWidget     *overview_box;
  GHashTable    *summaries;   /* gint64 * → char * */
};

G_DEFINE_FINAL_TYPE (ShWorksheetEnvironment, sh_worksheet_environment, GTK_TYPE_WIDGET)

static const ShColumnSpec effect_columns[] = {
  { .column = "indicator", .title = N_("Indicator"), .type = SH_COLUMN_CHOICE,
    .choices = sh_choices_env_indicator,
    .n_choices = G_N_ELEMENTS (sh_choices_env_indicator), .default_text = "wastewater" },
  { .column = "reduction", .title = N_("Reduction per year"), .type = SH_COLUMN_ENTRY,
    .kind = SH_FIELD_KIND_NUMBER, .default_text = "0" },
  { .column = "unit", .title = N_("Unit"), .type = SH_COLUMN_CHOICE, .unit_dimension = "",
    .default_text = "m3" },
};

static void
refresh (GtkWidget *widget)
{
  ShWorksheetEnvironment *self = SH_WORKSHEET_ENVIRONMENT (widget);
  ShStore *store = sh_edit_context_get_store (self->ctx);
  g_autoptr(GPtrArray) options = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GtkWidget *grid;

  while ((child = gtk_widget_get_first_child (self->overview_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->overview_box), child);
  g_hash_table_remove_all (self->summaries);

  options = sh_store_list (store, "cp_option", "assessment_id",
                           sh_edit_context_get_assessment_id (self->ctx), &error);
  if (options == NULL)
    {
      gtk_box_append (GTK_BOX (self->overview_box), sh_worksheet_note_new (error->message));
      return;
    }
  if (options->len == 0)
    {
      gtk_box_append (GTK_BOX (self->overview_box),
                      sh_worksheet_note_new (_("No option is proposed yet (task 8).")));
      return;
    }

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "comparison");

  for (guint i = 0; i < options->len; i++)
    {
      ShRecord *option = options->pdata[i];
      gint64 id = sh_record_get_id (option);
      g_autoptr(GPtrArray) effects = sh_store_list (store, "option_env_effect", "option_id", id, NULL);
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *name = sh_worksheet_option_label (option);
      GtkWidget *name_label = gtk_label_new (name);
      GtkWidget *line_label;

      for (guint e = 0; effects != NULL && e < effects->len; e++)
        {
          ShRecord *effect = effects->pdata[e];
          const char *unit = sh_record_get_string (effect, "unit");
          const ShUnitInfo *info = sh_units_lookup (sh_units_get_default (), unit, NULL);
          g_autofree char *amount = sh_worksheet_format_quantity (sh_record_get_double (effect, "reduction", 0));

          if (line->len > 0)
            g_string_append (line, "; ");
          /* Translators: one environmental effect, e.g. "Wastewater −30.000 m³". */
          g_string_append_printf (line, _("%s −%s %s"),
                                  sh_choice_label (sh_choices_env_indicator,
                                                             G_N_ELEMENTS (sh_choices_env_indicator),
                                                             sh_record_get_string (effect, "indicator")),
                                  amount, info != NULL ? info->symbol : unit);
        }

      line_label = gtk_label_new (line->len > 0 ? line->str : _("no effect recorded"));
      gtk_label_set_xalign (GTK_LABEL (name_label), 0);
      gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (name_label), 40);
      gtk_label_set_xalign (GTK_LABEL (line_label), 0);
      gtk_label_set_wrap (GTK_LABEL (line_label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (line_label), TRUE);
      if (line->len == 0)
        gtk_widget_add_css_class (line_label, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), name_label, 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), line_label, 1, i, 1, 1);

      g_hash_table_insert (self->summaries, g_memdup2 (&id, sizeof id),
                           g_strdup (line->len > 0 ? line->str : ""));
    }

  gtk_box_append (GTK_BOX (self->overview_box), grid);
}

static void
show_option (ShWorksheetEnvironment *self,
             gint64                  option_id)
{
  GtkWidget *child;
  GtkWidget *table;
  GtkWidget *form;
  GtkWidget *notes;

  if (option_id == self->option_id && gtk_widget_get_first_child (self->detail_box) != NULL)
    return;

  self->option_id = option_id;
  while ((child = gtk_widget_get_first_child (self->detail_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->detail_box), child);
  if (option_id == 0)
    return;

  table = sh_worksheet_record_table_new (self->ctx, "option_env_effect", "option_id", option_id,
                                         effect_columns, G_N_ELEMENTS (effect_columns));
  sh_record_table_set_empty_text (SH_RECORD_TABLE (table), _("No environmental effect recorded yet."));
  sh_record_table_set_add_label (SH_RECORD_TABLE (table), _("Add effect"));
  gtk_box_append (GTK_BOX (self->detail_box), table);

  form = sh_worksheet_form_new ();
  notes = sh_worksheet_entry_new (self->ctx, "cp_option", option_id, "env_notes", SH_FIELD_KIND_MULTILINE,
                                  _("Notes (toxicity, safety, other media)"));
  sh_worksheet_form_add (form, _("Notes (toxicity, safety, other media)"), notes);
  gtk_box_append (GTK_BOX (self->detail_box), form);
}

static void
picker_notify_selected_cb (GtkDropDown            *picker,
                           GParamSpec             *pspec,
                           ShWorksheetEnvironment *self)
{
  show_option (self, sh_worksheet_option_picker_get_option (GTK_WIDGET (picker)));
}

static void
sh_worksheet_environment_dispose (GObject *object)
{
  ShWorksheetEnvironment *self = SH_WORKSHEET_ENVIRONMENT (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->summaries, g_hash_table_unref);
  g_clear_object (&self->ctx);

  G_OBJECT_CLASS (sh_worksheet_environment_parent_class)->dispose (object);
}

static void
sh_worksheet_environment_class_init (ShWorksheetEnvironmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sh_worksheet_environment_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "worksheet");
}

static void
sh_worksheet_environment_init (ShWorksheetEnvironment *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  self->summaries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

GtkWidget *
sh_worksheet_environment_new (ShEditContext *ctx)
{
  ShWorksheetEnvironment *self;
  GtkWidget *box;
  GtkWidget *section;

  g_return_val_if_fail (SH_IS_EDIT_CONTEXT (ctx), NULL);

  self = g_object_new (SH_TYPE_WORKSHEET_ENVIRONMENT, NULL);
  self->ctx = g_object_ref (ctx);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->picker = sh_worksheet_option_picker_new (ctx, _("Option to evaluate"));
  self->detail_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), self->picker);
  gtk_box_append (GTK_BOX (box), self->detail_box);
  section = sh_worksheet_section_new (_("W14 · Environmental evaluation (đánh giá môi trường)"),
                                      _("What each option reduces per year. Every candidate option needs at least one effect."),
                                      box);
  gtk_widget_set_parent (section, GTK_WIDGET (self));

  self->overview_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  section = sh_worksheet_section_new (_("All options"), NULL, self->overview_box);
  gtk_widget_add_css_class (section, "card");
  gtk_widget_add_css_class (section, "live");
  gtk_widget_set_parent (section, GTK_WIDGET (self));

  g_signal_connect_object (self->picker, "notify::selected", G_CALLBACK (picker_notify_selected_cb), self, 0);
  show_option (self, sh_worksheet_option_picker_get_option (self->picker));
  sh_worksheet_watch (GTK_WIDGET (self), ctx, refresh);

  return GTK_WIDGET (self);
}

gint64
sh_worksheet_environment_get_option (ShWorksheetEnvironment *self)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_ENVIRONMENT (self), 0);

  return self->option_id;
}

gboolean
sh_worksheet_environment_select_option (ShWorksheetEnvironment *self,
                                        gint64                  option_id)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_ENVIRONMENT (self), FALSE);

  if (!sh_worksheet_option_picker_select (self->picker, option_id))
    return FALSE;

  show_option (self, option_id);
  return TRUE;
}

const char *
sh_worksheet_environment_get_summary (ShWorksheetEnvironment *self,
                                      gint64                  option_id)
{
  g_return_val_if_fail (SH_IS_WORKSHEET_ENVIRONMENT (self), NULL);

  return g_hash_table_lookup (self->summaries, &option_id);
}
