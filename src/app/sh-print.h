/* sh-print.h — printing the dossier and the paper form, and checking a dossier.
 *
 * The system print dialog (GtkPrintOperation, with its preview) prints the
 * very pages the CLI writes to PDF: both draw with
 * sh_evidence_pages_draw_page(). The verify dialog takes an XML file and
 * the fingerprint printed on the paper (or the text of its QR code) and
 * says whether the file is the one the paper was printed from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-evidence-pages.h"
#include "sh-store.h"

G_BEGIN_DECLS

/* Runs a print operation over @pages: @action is PRINT_DIALOG for people,
 * EXPORT with @export_filename for a PDF without any dialog (tests). The
 * page is A4 and the sheet is drawn unscaled on A4 paper. */
GtkPrintOperationResult sh_print_pages          (GtkWindow               *parent,
                                                 ShEvidencePages         *pages,
                                                 GtkPrintOperationAction  action,
                                                 const char              *export_filename,
                                                 GError                 **error);

/* Where sh_print_evidence() writes the XML a printed dossier is tied to:
 * "Sạch Hơn/ho-so-<facility>-<assessment>-<date>.xml" in the user's
 * documents folder (the home folder if there is none). */
char                   *sh_print_default_xml_path (ShStore               *store,
                                                 gint64                   assessment_id);

/* Exports the XML dossier to @xml_path, builds the dossier tied to it in
 * @language ("vi" or "en") and runs @action. */
gboolean                sh_print_evidence_full  (GtkWindow               *parent,
                                                 ShStore                 *store,
                                                 gint64                   assessment_id,
                                                 const char              *xml_path,
                                                 const char              *language,
                                                 GtkPrintOperationAction  action,
                                                 const char              *export_filename,
                                                 guint                   *out_n_pages,
                                                 GError                 **error);

/* The menu items: the print dialog for the dossier of @assessment_id in
 * Vietnamese, tied to a fresh XML export at sh_print_default_xml_path();
 * then a message naming that file and its fingerprint. Errors are shown in
 * a message dialog. */
void                    sh_print_evidence       (GtkWindow               *parent,
                                                 ShStore                 *store,
                                                 gint64                   assessment_id);
/* The quick-assessment form, pre-filled from @assessment_id, or blank when
 * it is 0 (then @store may be NULL). */
void                    sh_print_quick_form     (GtkWindow               *parent,
                                                 ShStore                 *store,
                                                 gint64                   assessment_id);

/* A window that checks an XML file against a printed fingerprint. It is
 * shown; the caller need not keep it. */
GtkWidget              *sh_print_verify_dialog  (GtkWindow               *parent);
/* For tests: what a person does in the dialog, and what it says. */
void                    sh_print_verify_dialog_set_file        (GtkWidget  *dialog,
                                                                GFile      *file);
void                    sh_print_verify_dialog_set_fingerprint (GtkWidget  *dialog,
                                                                const char *fingerprint);
/* Presses "Verify". Returns whether the file matches. */
gboolean                sh_print_verify_dialog_check           (GtkWidget  *dialog);
const char             *sh_print_verify_dialog_get_result      (GtkWidget  *dialog);

G_END_DECLS
