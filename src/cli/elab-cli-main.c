/* elab-cli-main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GTK-free entry point used by the command-line tests.
 */
#include "elab-cli.h"

int
main (int    argc,
      char **argv)
{
  return elab_cli_main (argc, argv);
}
