/* sh-quick-form-print.h — the quick-assessment form on paper.
 *
 * For the day the laptop battery dies: the quick-assessment form (phiếu
 * đánh giá nhanh SXSH, DOMAIN.md §2.3) printed blank or pre-filled from an
 * assessment, with the same field labels as the app and a code per field
 * (A01, B2.3, …), so what is written on paper can be typed in later, field
 * by field, with the provenance "entered from paper" (sh-paper-entry.h).
 * The codes and labels come from one table (sh-paper-fields.h) that the
 * entry reads too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-evidence-pages.h"
#include "sh-paper-fields.h"
#include "sh-store.h"

G_BEGIN_DECLS

/* The fields of the form are those of sh-paper-fields.h, the table the
 * entry reads too; these names stay for the printer's callers. */
typedef ShPaperField ShQuickFormField;

/* The single-value fields, in print order. */
const ShQuickFormField *sh_quick_form_get_fields   (guint       *n_fields);
const ShQuickFormField *sh_quick_form_find_field   (const char  *code);

/* Lays the form out: blank when @assessment_id is 0 (then @store may be
 * NULL), else pre-filled from that quick assessment. @language: "vi"
 * (default when NULL) or "en". */
ShEvidencePages        *sh_quick_form_build_pages  (ShStore     *store,
                                                    gint64       assessment_id,
                                                    const char  *language,
                                                    GError     **error);

/* Builds the form and writes it to @path as PDF. */
gboolean                sh_quick_form_write_pdf    (ShStore     *store,
                                                    gint64       assessment_id,
                                                    const char  *language,
                                                    const char  *path,
                                                    guint       *out_n_pages,
                                                    GError     **error);

G_END_DECLS
