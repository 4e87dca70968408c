/* sh-print.c — printing the dossier and the paper form, and checking a dossier.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sh-a11y.h"
#include "sh-evidence.h"
#include "sh-print.h"
#include "sh-quick-form-print.h"
#include "sh-report-export.h"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                ShEvidencePages   *pages)
{
  gtk_print_operation_set_n_pages (operation, (int) sh_evidence_pages_get_n_pages (pages));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              ShEvidencePages   *pages)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = gtk_print_context_get_width (context) / SH_EVIDENCE_PAGE_WIDTH;

  /* On A4 the scale is 1; on other paper the A4 sheet is fitted to it. */
  cairo_save (cr);
  if (scale > 0 && (scale < 0.999 || scale > 1.001))
    cairo_scale (cr, scale, scale);
  sh_evidence_pages_draw_page (pages, cr, (guint) page_nr);
  cairo_restore (cr);
}

GtkPrintOperationResult
sh_print_pages (GtkWindow                *parent,
                ShEvidencePages          *pages,
                GtkPrintOperationAction   action,
                const char               *export_filename,
                GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (pages != NULL, GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_filename != NULL,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The pages draw their own margins, measured from the sheet's edge. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, (int) sh_evidence_pages_get_n_pages (pages));
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), pages);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), pages);

  return gtk_print_operation_run (operation, action, parent, error);
}

char *
sh_print_default_xml_path (ShStore *store,
                           gint64   assessment_id)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *dir = g_build_filename (documents != NULL ? documents : g_get_home_dir (), "Sạch Hơn", NULL);
  g_autofree char *name = g_strdup_printf ("ho-so-%" G_GINT64_FORMAT "-%s.xml", assessment_id, date);

  g_return_val_if_fail (SH_IS_STORE (store), NULL);

  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, name, NULL);
}

gboolean
sh_print_evidence_full (GtkWindow                *parent,
                        ShStore                  *store,
                        gint64                    assessment_id,
                        const char               *xml_path,
                        const char               *language,
                        GtkPrintOperationAction   action,
                        const char               *export_filename,
                        guint                    *out_n_pages,
                        GError                  **error)
{
  g_autoptr(ShEvidenceDossier) dossier = NULL;
  g_autoptr(ShEvidencePages) pages = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (xml_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sh_report_export_dossier (store, sh_units_get_default (), assessment_id, xml_path, NULL, error) ||
      !(dossier = sh_evidence_dossier_new (store, sh_units_get_default (), assessment_id, xml_path, language, error)))
    return FALSE;
  pages = sh_evidence_dossier_build_pages (dossier);
  if (sh_print_pages (parent, pages, action, export_filename, error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  if (out_n_pages != NULL)
    *out_n_pages = sh_evidence_pages_get_n_pages (pages);
  return TRUE;
}

static void
show_message (GtkWindow      *parent,
              GtkMessageType  type,
              const char     *primary,
              const char     *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              type, GTK_BUTTONS_CLOSE, "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sh_print_evidence (GtkWindow *parent,
                   ShStore   *store,
                   gint64     assessment_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShEvidenceXmlInfo) info = NULL;
  g_autofree char *xml_path = NULL;
  g_autofree char *grouped = NULL;
  g_autofree char *secondary = NULL;

  g_return_if_fail (SH_IS_STORE (store));

  xml_path = sh_print_default_xml_path (store, assessment_id);
  if (!sh_print_evidence_full (parent, store, assessment_id, xml_path, "vi",
                               GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, NULL, &error) ||
      !(info = sh_evidence_xml_info_read (xml_path, &error)))
    {
      show_message (parent, GTK_MESSAGE_ERROR, _("The evidence dossier cannot be printed"), error->message);
      return;
    }

  grouped = sh_evidence_format_fingerprint (info->sha256);
  secondary = g_strdup_printf (_("The printed dossier is tied to the XML file\n%s\n\nSend this file with the paper. "
                                 "Its fingerprint, printed on every page, is\n%s"), xml_path, grouped);
  show_message (parent, GTK_MESSAGE_INFO, _("Evidence dossier"), secondary);
}

void
sh_print_quick_form (GtkWindow *parent,
                     ShStore   *store,
                     gint64     assessment_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShEvidencePages) pages = NULL;

  g_return_if_fail (assessment_id == 0 || SH_IS_STORE (store));

  if (!(pages = sh_quick_form_build_pages (store, assessment_id, "vi", &error)) ||
      sh_print_pages (parent, pages, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error)
        == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_message (parent, GTK_MESSAGE_ERROR, _("The form cannot be printed"), error->message);
}

/* ------------------------------------------------------------------------
 * The verify dialog
 * ------------------------------------------------------------------------ */

typedef struct
{
  GtkWidget            *window;
  GtkWidget            *file_label;
  GtkWidget            *fingerprint;
  GtkWidget            *result;
  GFile                *file;
  GtkFileChooserNative *chooser;
} Verify;

static void
verify_free (gpointer data)
{
  Verify *v = data;

  g_clear_object (&v->file);
  g_clear_object (&v->chooser);
  g_free (v);
}

static Verify *
get_verify (GtkWidget *dialog)
{
  Verify *v = g_object_get_data (G_OBJECT (dialog), "sh-verify");

  g_return_val_if_fail (v != NULL, NULL);
  return v;
}

void
sh_print_verify_dialog_set_file (GtkWidget *dialog,
                                 GFile     *file)
{
  Verify *v = get_verify (dialog);
  g_autofree char *name = NULL;

  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&v->file, file);
  name = g_file_get_parse_name (file);
  gtk_label_set_text (GTK_LABEL (v->file_label), name);
  gtk_label_set_text (GTK_LABEL (v->result), "");
}

void
sh_print_verify_dialog_set_fingerprint (GtkWidget  *dialog,
                                        const char *fingerprint)
{
  Verify *v = get_verify (dialog);

  gtk_editable_set_text (GTK_EDITABLE (v->fingerprint), fingerprint);
}

const char *
sh_print_verify_dialog_get_result (GtkWidget *dialog)
{
  return gtk_label_get_text (GTK_LABEL (get_verify (dialog)->result));
}

gboolean
sh_print_verify_dialog_check (GtkWidget *dialog)
{
  Verify *v = get_verify (dialog);
  g_auto (ShEvidenceVerifyResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gboolean matches;

  gtk_widget_remove_css_class (v->result, "success");
  gtk_widget_remove_css_class (v->result, "error");

  if (v->file == NULL || !(path = g_file_get_path (v->file)))
    {
      gtk_label_set_text (GTK_LABEL (v->result), _("Choose the XML file to check."));
      return FALSE;
    }
  if (!sh_evidence_verify (path, gtk_editable_get_text (GTK_EDITABLE (v->fingerprint)), &result, &error))
    {
      gtk_label_set_text (GTK_LABEL (v->result), error->message);
      gtk_widget_add_css_class (v->result, "error");
      return FALSE;
    }

  matches = result.matches && (!result.uuid_checked || result.uuid_matches);
  if (matches)
    text = g_strdup_printf (_("The file matches: it is the one the dossier was printed from.\nDocument UUID: %s"),
                            result.file_document_uuid ? result.file_document_uuid : "—");
  else
    {
      g_autofree char *grouped = sh_evidence_format_fingerprint (result.file_sha256);

      text = g_strdup_printf (_("The file does NOT match: it is not the one the dossier was printed from, "
                                "or it has been changed since.\nIts fingerprint is %s"), grouped);
    }
  gtk_label_set_text (GTK_LABEL (v->result), text);
  gtk_widget_add_css_class (v->result, matches ? "success" : "error");
  return matches;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GtkWidget       *dialog)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        sh_print_verify_dialog_set_file (dialog, file);
    }
}

static void
choose_button_clicked_cb (GtkButton *button,
                          GtkWidget *dialog)
{
  Verify *v = get_verify (dialog);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (v->chooser == NULL)
    {
      v->chooser = gtk_file_chooser_native_new (_("Choose the XML dossier"), GTK_WINDOW (dialog),
                                                GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
      gtk_file_filter_set_name (filter, _("XML files"));
      gtk_file_filter_add_pattern (filter, "*.xml");
      gtk_file_filter_add_pattern (filter, "*.XML");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (v->chooser), filter);
      g_signal_connect (v->chooser, "response", G_CALLBACK (chooser_response_cb), dialog);
    }
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (v->chooser));
}

static void
verify_button_clicked_cb (GtkButton *button,
                          GtkWidget *dialog)
{
  sh_print_verify_dialog_check (dialog);
}

GtkWidget *
sh_print_verify_dialog (GtkWindow *parent)
{
  Verify *v = g_new0 (Verify, 1);
  GtkWidget *box, *intro, *row, *choose, *verify, *label;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  v->window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (v->window), _("Verify a dossier"));
  gtk_window_set_transient_for (GTK_WINDOW (v->window), parent);
  gtk_window_set_modal (GTK_WINDOW (v->window), parent != NULL);
  gtk_window_set_default_size (GTK_WINDOW (v->window), 560, -1);
  g_object_set_data_full (G_OBJECT (v->window), "sh-verify", v, verify_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_window_set_child (GTK_WINDOW (v->window), box);

  intro = gtk_label_new (_("Check that an XML file is the one a printed evidence dossier was made from. "
                           "Type the SHA-256 fingerprint printed at the foot of every page, or scan the "
                           "QR code on the cover."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), intro);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  choose = gtk_button_new_with_mnemonic (_("_Choose the XML file…"));
  sh_a11y_name_mnemonic_button (choose);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the XML file"), -1);
  g_signal_connect (choose, "clicked", G_CALLBACK (choose_button_clicked_cb), v->window);
  v->file_label = gtk_label_new (_("No file chosen"));
  gtk_label_set_ellipsize (GTK_LABEL (v->file_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (v->file_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (v->file_label), 0);
  gtk_box_append (GTK_BOX (row), choose);
  gtk_box_append (GTK_BOX (row), v->file_label);
  gtk_box_append (GTK_BOX (box), row);

  label = gtk_label_new_with_mnemonic (_("_Fingerprint (SHA-256) on the paper"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  v->fingerprint = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (v->fingerprint), "8FB0 93D7 …");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), v->fingerprint);
  gtk_accessible_update_property (GTK_ACCESSIBLE (v->fingerprint), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fingerprint (SHA-256) on the paper"), -1);
  g_signal_connect_swapped (v->fingerprint, "activate", G_CALLBACK (sh_print_verify_dialog_check), v->window);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), v->fingerprint);

  verify = gtk_button_new_with_mnemonic (_("_Verify"));
  sh_a11y_name_mnemonic_button (verify);
  gtk_widget_add_css_class (verify, "suggested-action");
  gtk_widget_set_halign (verify, GTK_ALIGN_END);
  g_signal_connect (verify, "clicked", G_CALLBACK (verify_button_clicked_cb), v->window);
  gtk_box_append (GTK_BOX (box), verify);

  v->result = gtk_label_new ("");
  gtk_label_set_wrap (GTK_LABEL (v->result), TRUE);
  gtk_label_set_selectable (GTK_LABEL (v->result), TRUE);
  gtk_label_set_xalign (GTK_LABEL (v->result), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (v->result), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Result"), -1);
  gtk_box_append (GTK_BOX (box), v->result);

  gtk_window_present (GTK_WINDOW (v->window));
  return v->window;
}
