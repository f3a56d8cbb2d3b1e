/* elab-cli-presets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "elab-cli-private.h"

int
elab_cli_presets (int    argc,
             char **argv)
{
  return elab_cli_fail (ELAB_EXIT_USAGE, "'presets' is not implemented yet");
}
