/* main.c — starts Sạch Hơn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sh-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ShApplication) app = NULL;

  sh_application_init_i18n ();

  app = sh_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
