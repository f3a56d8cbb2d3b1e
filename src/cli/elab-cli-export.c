/* elab-cli-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "elab-cli-private.h"

int
elab_cli_export (int    argc,
             char **argv)
{
  return elab_cli_fail (ELAB_EXIT_USAGE, "'export' is not implemented yet");
}
