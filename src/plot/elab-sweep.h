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
/* The most pixels a sweep draws over all its frames: 2^36, about 30,000
 * frames at 1920×1080 or 256 at 16384×16384, an hour or more of drawing
 * and tens of GB of PNG; anything larger is a typo, not a lesson. */
#define ELAB_SWEEP_MAX_PIXELS (G_GINT64_CONSTANT (1) << 36)

/* A sweep to draw: @sweep's parameter over @n_frames frames of the
 * figure @kind, each drawn as @figure says, its state the one the sweep
 * starts from (each frame's is it with the parameter moved). */
typedef struct
{
  const ElabSweep   *sweep;
  guint              n_frames;
  ElabFigureKind     kind;
  ElabExportRequest  figure;
} ElabSweepRequest;

/* Frame @i's state: @req's with the sweep's parameter at the frame's
 * value. */
void      elab_sweep_frame_state     (const ElabSweepRequest *req,
                                      guint                   i,
                                      ElabState              *res);

/* The run a training figure of @req draws at @frame: trained from step
 * 0 to the frame's steps; NULL for the other figures, or with @error
 * set when the data set cannot be had. */
ElabTrainer *elab_sweep_frame_trainer (const ElabSweepRequest  *req,
                                       const ElabState         *frame,
                                       GError                 **error);

/* G_OPTION_ERROR_BAD_VALUE unless @req has 1…ELAB_SWEEP_MAX_FRAMES
 * frames, each a state in range. */
gboolean  elab_sweep_check_frames    (const ElabSweepRequest  *req,
                                      GError                 **error);

/* After each frame of elab_sweep_export(): @done of @total frames
 * written, and what the whole sweep will take judged by the frames so
 * far (@bytes on disk, @seconds_left to go). */
typedef void (*ElabSweepProgressFunc) (guint    done,
                                       guint    total,
                                       guint64  bytes,
                                       double   seconds_left,
                                       gpointer user_data);

/* Writes @req's frames through elab_export_figure() (each written
 * under a temporary name and renamed over the frame's name only once
 * complete), so frame 0 is byte for byte the export at FROM. The training
 * figures train a run per frame from the state's data set and settings.
 * The frames' format (PNG, SVG or PDF) follows @pattern's extension.
 * Usage problems (pattern, size, a frame's state out of range) are
 * G_OPTION_ERROR and are found before any file is written; I/O and data
 * problems are G_IO_ERROR / G_FILE_ERROR / data set errors, after which
 * the frames this run created are removed (a file that existed under a
 * frame's name before is never removed; it holds either its old content
 * or the new frame, complete). @cancellable (may be NULL) is checked
 * between frames and between writes (G_IO_ERROR_CANCELLED, created
 * frames removed too). @res_written (may be NULL) gets the number of
 * frames written; @progress (may be NULL) hears after each frame. Once
 * the first frame is written, a sweep whose frames would not fit in the
 * free space of the disk stops at once with G_IO_ERROR_NO_SPACE, rather
 * than filling the disk first. */
gboolean  elab_sweep_export          (const ElabSweepRequest *req,
                                      const char             *pattern,
                                      GCancellable           *cancellable,
                                      ElabSweepProgressFunc   progress,
                                      gpointer                progress_data,
                                      guint                  *res_written,
                                      GError                **error);

G_END_DECLS
