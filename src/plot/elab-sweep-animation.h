/* elab-sweep-animation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A slider sweep as one animation file (GIF, WebM or MP4).
 */
#pragma once

#include <gio/gio.h>

#include "elab-animation.h"
#include "elab-figure.h"
#include "elab-state.h"
#include "elab-sweep-spec.h"

G_BEGIN_DECLS

/* Draws the sweep's @n_frames frames (width × height figure units at
 * @scale) on every core and encodes them in order into @path, renamed
 * into place at the end; with @poster (may be NULL) also the first frame
 * as a PNG. Usage problems (frame count, a frame's state out of range,
 * size or rate the format refuses) are G_OPTION_ERROR_BAD_VALUE and are
 * found before any file is written; a missing encoder is
 * G_IO_ERROR_NOT_SUPPORTED; I/O and data problems are G_IO_ERROR /
 * G_FILE_ERROR / data set errors. A failure or a cancel (@cancellable,
 * checked between frames) leaves neither file behind. */
gboolean  elab_sweep_export_animation (const ElabSweep            *sweep,
                                       guint                       n_frames,
                                       const char                 *path,
                                       ElabAnimationFormat         format,
                                       const ElabAnimationOptions *options,
                                       const char                 *poster,
                                       ElabFigureKind              kind,
                                       const ElabState            *state,
                                       const ElabFigureStyle      *style,
                                       int                         width,
                                       int                         height,
                                       double                      scale,
                                       GCancellable               *cancellable,
                                       ElabProgressFunc            progress,
                                       gpointer                    progress_data,
                                       GError                    **error);

G_END_DECLS
