/* sh-a11y.c — small repairs to what GTK 4.8 tells assistive technology.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sh-a11y.h"

void
sh_a11y_name_mnemonic_button (GtkWidget *button)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BUTTON (button));

  if (!gtk_button_get_use_underline (GTK_BUTTON (button)))
    return;

  child = gtk_button_get_child (GTK_BUTTON (button));
  if (!GTK_IS_LABEL (child))
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (child)),
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

void
sh_a11y_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    sh_a11y_name_mnemonic_button (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sh_a11y_name_mnemonic_buttons (child);
}
