/* elab-sweep-animation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A slider sweep as one animation file (GIF, WebM or MP4).
 */
#pragma once

#include <gio/gio.h>

#include "elab-animation-export.h"
#include "elab-sweep.h"

G_BEGIN_DECLS

/* Draws @req's frames (the figure at its size and scale) on every core
 * and encodes them in order into @out's file, renamed into place at the
 * end, with @out's poster (may be NULL) also the first frame as a PNG.
 * Usage problems (frame count, a frame's state out of range, size or
 * rate the format refuses) are G_OPTION_ERROR_BAD_VALUE and are found
 * before any file is written; a missing encoder is
 * G_IO_ERROR_NOT_SUPPORTED; I/O and data problems are G_IO_ERROR /
 * G_FILE_ERROR / data set errors. A failure or a cancel (@out's
 * cancellable, checked between frames) leaves neither file behind. */
gboolean  elab_sweep_export_animation (const ElabSweepRequest    *req,
                                       const ElabAnimationOutput *out,
                                       GError                   **error);

G_END_DECLS
