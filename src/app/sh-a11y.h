/* sh-a11y.h — small repairs to what GTK 4.8 tells assistive technology.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button whose label has a mnemonic twice over — by its
 * "label" property, underscore included, and by the label inside it — so
 * a screen reader says "_Undo Undo". This names @button once, by the words
 * it shows. */
void         sh_a11y_name_mnemonic_button  (GtkWidget *button);
/* The same for every such button under @root (a template just built). */
void         sh_a11y_name_mnemonic_buttons (GtkWidget *root);

G_END_DECLS
