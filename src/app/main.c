/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One binary: a subcommand runs headless (GTK is never initialised),
 * anything else opens the window.
 */
#include "elab-application.h"
#include "elab-cli.h"
#include "elab-renderer.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(ElabApplication) app = NULL;
  int status;

  if (argc > 1 && elab_cli_is_subcommand (argv[1]))
    return elab_cli_main (argc, argv);

  status = elab_cli_window_args (&argc, &argv);
  if (status >= 0)
    return status;

  elab_renderer_choose ();
  app = elab_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
