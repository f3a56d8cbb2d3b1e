/* elab-cli-sweep.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "elab-sweep.h"

G_BEGIN_DECLS

/* Writes the frames (elab_sweep_export()); returns an exit status
 * (ELAB_EXIT_*), the message already printed. */
int  _elab_cli_export_sweep (const ElabSweep       *sweep,
                             guint                  n_frames,
                             const char            *pattern,
                             ElabFigureKind         kind,
                             const ElabState       *state,
                             const ElabFigureStyle *style,
                             int                    width,
                             int                    height,
                             double                 scale,
                             ElabExportFormat       format);

G_END_DECLS
