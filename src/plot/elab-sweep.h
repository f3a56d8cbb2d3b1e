/* elab-sweep.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A slider sweep: one parameter moved linearly over N frames, each frame
 * exported to a numbered file (`entropy-lab export --sweep`, and the
 * window's Export Sweep…).
 */
#pragma once

#include <gio/gio.h>

#include "elab-export.h"
#include "elab-figure.h"
#include "elab-state.h"
#include "elab-sweep-spec.h"

G_BEGIN_DECLS

#define ELAB_SWEEP_MAX_FRAMES 100000

/* Frame @i's file name from @pattern, which must hold exactly one %d,
 * %Nd or %0Nd (N < 100) and any number of %%; NULL with
 * G_OPTION_ERROR_BAD_VALUE otherwise. */
char     *elab_sweep_frame_path      (const char       *pattern,
                                      guint             i,
                                      GError          **error);

/* Writes @n_frames frames through elab_export_figure() (each written
 * under a temporary name and renamed), so frame 0 is byte for byte the
 * export at FROM. The training figures train a run per frame from
 * @state's data set and settings. Usage problems (pattern, a frame's
 * state out of range) are G_OPTION_ERROR and are found before any file
 * is written; I/O and data problems are G_IO_ERROR / G_FILE_ERROR /
 * data set errors, after which the frames written are removed.
 * @cancellable (may be NULL) is checked between frames (G_IO_ERROR_CANCELLED,
 * frames removed too). @res_written (may be NULL) gets the number of
 * frames written. */
gboolean  elab_sweep_export          (const ElabSweep       *sweep,
                                      guint                  n_frames,
                                      const char            *pattern,
                                      ElabFigureKind         kind,
                                      const ElabState       *state,
                                      const ElabFigureStyle *style,
                                      int                    width,
                                      int                    height,
                                      double                 scale,
                                      ElabExportFormat       format,
                                      GCancellable          *cancellable,
                                      guint                 *res_written,
                                      GError               **error);

G_END_DECLS
