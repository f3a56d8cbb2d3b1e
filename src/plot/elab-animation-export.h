/* elab-animation-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A figure's frames written as one animation file: what a training run's
 * recording and a slider sweep's animation share.
 */
#pragma once

#include <gio/gio.h>

#include "elab-animation.h"
#include "elab-export.h"
#include "elab-figure.h"

G_BEGIN_DECLS

/* Where an animation goes and who hears of it: @path in @format with
 * @options; with @poster (may be NULL) also the first frame as a PNG.
 * @cancellable (may be NULL) is checked between frames; @progress (may
 * be NULL) hears after each. */
typedef struct
{
  const char           *path;
  ElabAnimationFormat   format;
  ElabAnimationOptions  options;
  const char           *poster;
  GCancellable         *cancellable;
  ElabProgressFunc      progress;
  gpointer              progress_data;
} ElabAnimationOutput;

/* The pixel size of @req's figure at its scale, checked for @out's format
 * and options as elab_animation_check() does; every problem (size, rate,
 * hold) is G_OPTION_ERROR_BAD_VALUE, a missing encoder
 * G_IO_ERROR_NOT_SUPPORTED. @res_width_px and @res_height_px may be NULL. */
gboolean        elab_animation_check_figure  (const ElabAnimationOutput *out,
                                              const ElabExportRequest   *req,
                                              int                       *res_width_px,
                                              int                       *res_height_px,
                                              GError                   **error);

/* Draws @figure from @req's state and @trainer (may be NULL) into
 * @surface at @req's size and scale: one frame. */
cairo_status_t  elab_animation_draw_figure   (ElabFigure                *figure,
                                              cairo_surface_t           *surface,
                                              const ElabExportRequest   *req,
                                              const ElabTrainer         *trainer);

/* Encodes the @n_frames frames @drawer draws into @out's file at @req's
 * size and scale, then, with @out's poster, the first frame as a PNG:
 * the figure @kind drawn from @req (its state the first frame's) and
 * @first_trainer (may be NULL). A poster that fails removes the
 * animation too: without it the animation is not what was asked for. */
gboolean        elab_animation_export_figure (const ElabAnimationOutput *out,
                                              const ElabExportRequest   *req,
                                              ElabFigureKind             kind,
                                              const ElabTrainer         *first_trainer,
                                              guint                      n_frames,
                                              const ElabFrameDrawer     *drawer,
                                              GError                   **error);

G_END_DECLS
