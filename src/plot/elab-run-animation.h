/* elab-run-animation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A training run recorded as one animation file (GIF, WebM or MP4): the
 * run as the Training page plays it, from step 0.
 */
#pragma once

#include <gio/gio.h>

#include "elab-animation-export.h"
#include "elab-dataset.h"

G_BEGIN_DECLS

/* Trains the run of @figure's state (its settings and steps, on
 * @dataset, or when it is NULL the state's data set loaded here) and
 * writes a frame at steps 0, @every, 2·@every, … and at the run's last
 * step (the state's steps, or where training stopped) into @out's file,
 * drawn by the training figure @kind (training, landscape or
 * training-both) at @figure's size and scale on every core while the
 * encoder runs, every frame with the axes of the whole run; with @out's
 * poster (may be NULL) also the first frame as a PNG. @res_frames (may
 * be NULL) gets the number of frames. Errors: usage (@every 0 or above
 * the steps, a figure that is not a training figure, size or rate the
 * format refuses) G_OPTION_ERROR_BAD_VALUE before any file is written;
 * the data set's own errors; a missing encoder G_IO_ERROR_NOT_SUPPORTED;
 * I/O G_IO_ERROR / G_FILE_ERROR. A failure or a cancel (@out's
 * cancellable, checked between frames) leaves neither file. */
gboolean  elab_run_export_animation   (ElabFigureKind             kind,
                                       const ElabExportRequest   *figure,
                                       ElabDataset               *dataset,
                                       guint                      every,
                                       const ElabAnimationOutput *out,
                                       guint                     *res_frames,
                                       GError                   **error);

G_END_DECLS
