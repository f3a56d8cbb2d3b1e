/* elab-cli-sweep.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "elab-sweep.h"

G_BEGIN_DECLS

/* Writes the frames (elab_sweep_export()); returns an exit status
 * (ELAB_EXIT_*), the message already printed. */
int  _elab_cli_export_sweep (const ElabSweepRequest *req,
                             const char             *pattern);

/* The exit status of a sweep, frames or animation, that failed with
 * @error, the message printed: the signal's for an interrupt, a usage
 * error for a bad parameter, else a data error about --out. */
int  _elab_cli_sweep_fail   (const GError           *error);

G_END_DECLS
