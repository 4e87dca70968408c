/* sh-worksheet-observations.h — what the walk-through found, with photos.
 *
 * Observations of a quick assessment (location or process step, issue,
 * category, severity). Opening one shows its photos; "Attach photo…"
 * picks image files (GtkFileChooserNative), whose bytes are stored in the
 * database as evidence rows with their SHA-256, so the assessment carries
 * its own proof wherever the file goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"

G_BEGIN_DECLS

#define SH_TYPE_WORKSHEET_OBSERVATIONS (sh_worksheet_observations_get_type ())

G_DECLARE_FINAL_TYPE (ShWorksheetObservations, sh_worksheet_observations, SH, WORKSHEET_OBSERVATIONS, GtkWidget)

GtkWidget   *sh_worksheet_observations_new          (ShEditContext           *ctx);

/* Shows the photos of observation @id (as its "Open" button does). */
void         sh_worksheet_observations_open         (ShWorksheetObservations *self,
                                                     gint64                   observation_id);
gint64       sh_worksheet_observations_get_open     (ShWorksheetObservations *self);
/* Attaches @file to the open observation, as choosing it in the file
 * dialog does. Returns the evidence id, or 0. */
gint64       sh_worksheet_observations_attach_file  (ShWorksheetObservations *self,
                                                     GFile                   *file,
                                                     GError                 **error);
/* Photos shown for the open observation. */
guint        sh_worksheet_observations_get_n_photos (ShWorksheetObservations *self);

G_END_DECLS
