/* elab-animation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Frames drawn by the figure code as one animation file: MP4 (H.264) and
 * WebM (VP8) through GStreamer, GIF through libimagequant (one palette
 * for the whole animation, dithered) and giflib. Written under a
 * temporary name beside the target and renamed into place at the end; a
 * failure or a cancel leaves nothing behind.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "elab-frame-pool.h"

G_BEGIN_DECLS

typedef enum
{
  ELAB_ANIMATION_GIF,
  ELAB_ANIMATION_WEBM,
  ELAB_ANIMATION_MP4,
} ElabAnimationFormat;

#define ELAB_ANIMATION_MAX_FPS     120
#define ELAB_ANIMATION_MAX_GIF_FPS 50
#define ELAB_ANIMATION_MAX_HOLD_S  600.0

typedef struct
{
  guint    fps;       /* frames per second, 1…ELAB_ANIMATION_MAX_FPS (GIF ≤ 50) */
  gboolean loop;      /* GIF: play forever (the others leave it to the player) */
  double   hold_s;    /* extra seconds on the last frame, ≥ 0 */
} ElabAnimationOptions;

#define ELAB_ANIMATION_OPTIONS_INIT { 30, TRUE, 0.0 }

typedef struct _ElabAnimation ElabAnimation;

/* Called on the calling thread after each frame is encoded. */
typedef void (*ElabProgressFunc) (guint    done,
                                  guint    total,
                                  gpointer user_data);

/* From @path's extension, ".gif", ".webm" or ".mp4" in any case. */
gboolean        elab_animation_format_from_path (const char                 *path,
                                                 ElabAnimationFormat        *res);
const char     *elab_animation_format_name      (ElabAnimationFormat         format);

/* Checks that @format can be written here (its GStreamer plugins are
 * installed) and at this size (H.264 4:2:0 needs even sides).
 * G_IO_ERROR_NOT_SUPPORTED naming the Debian package to install, or
 * G_IO_ERROR_INVALID_ARGUMENT for the size. */
gboolean        elab_animation_check            (ElabAnimationFormat         format,
                                                 int                         width_px,
                                                 int                         height_px,
                                                 const ElabAnimationOptions *options,
                                                 GError                    **error);

/* Opens the temporary file beside @path and the encoder. Frames are
 * ARGB32 image surfaces of width_px × height_px, opaque. */
ElabAnimation  *elab_animation_new              (ElabAnimationFormat         format,
                                                 const char                 *path,
                                                 int                         width_px,
                                                 int                         height_px,
                                                 const ElabAnimationOptions *options,
                                                 GError                    **error);

/* Draws @n_frames frames with a frame pool on every core (@drawer's draw
 * gets frame numbers 0 … n − 1, each thread's in increasing order but
 * for a GIF's few sample frames, spread over the whole with the first
 * and last, drawn first for its palette and kept for their turn) and
 * adds them in order. @cancellable is checked between frames; @progress
 * (may be NULL) hears of each frame added. */
gboolean        elab_animation_encode           (ElabAnimation              *self,
                                                 guint                       n_frames,
                                                 const ElabFrameDrawer      *drawer,
                                                 GCancellable               *cancellable,
                                                 ElabProgressFunc            progress,
                                                 gpointer                    progress_data,
                                                 GError                    **error);

/* Writes the end of the file (the hold on the last frame), waits for the
 * encoder and renames the temporary over @path. */
gboolean        elab_animation_finish           (ElabAnimation              *self,
                                                 GError                    **error);

/* Stops the encoder and removes the temporary unless finished. */
void            elab_animation_free             (ElabAnimation              *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElabAnimation, elab_animation_free)

G_END_DECLS
