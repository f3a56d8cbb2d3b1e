/* elab-cli-datasets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "elab-cli-private.h"

int
elab_cli_datasets (int    argc,
             char **argv)
{
  return elab_cli_fail (ELAB_EXIT_USAGE, "'datasets' is not implemented yet");
}
