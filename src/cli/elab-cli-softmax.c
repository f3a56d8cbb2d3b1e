/* elab-cli-softmax.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "elab-cli-private.h"

int
elab_cli_softmax (int    argc,
             char **argv)
{
  return elab_cli_fail (ELAB_EXIT_USAGE, "'softmax' is not implemented yet");
}
