/* elab-frame-pool.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Frames of an animation drawn by a few threads ahead of the encoder and
 * handed out in order, with at most a few frames waiting at any time.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _ElabFramePool ElabFramePool;

/* Per thread: whatever a thread needs to draw (its own figure, whose text
 * layouts are not shared between threads). */
typedef gpointer (*ElabFrameWorkerNew)  (gpointer user_data);

/* Draws frame @index into @surface (ARGB32, cleared); FALSE with @error
 * set stops the pool. Called on the pool's threads. */
typedef gboolean (*ElabFrameDrawFunc)   (guint            index,
                                         cairo_surface_t *surface,
                                         gpointer         worker,
                                         gpointer         user_data,
                                         GError         **error);

/* How a pool draws: @worker_new and @worker_free (either may be NULL)
 * make and free each thread's own state, @draw draws a frame; each gets
 * @user_data. */
typedef struct
{
  ElabFrameWorkerNew  worker_new;
  GDestroyNotify      worker_free;
  ElabFrameDrawFunc   draw;
  gpointer            user_data;
} ElabFrameDrawer;

/* Draws the frames @indices[0 … n − 1] (copied) on @n_threads threads
 * (0: one per processor) with @drawer (copied). */
ElabFramePool   *elab_frame_pool_new  (const guint           *indices,
                                       guint                  n,
                                       int                    width_px,
                                       int                    height_px,
                                       guint                  n_threads,
                                       const ElabFrameDrawer *drawer);

/* The next frame in order (the caller owns it), waiting for it if need
 * be; NULL with @error set when drawing failed, NULL without once every
 * frame was handed out. */
cairo_surface_t *elab_frame_pool_next (ElabFramePool         *self,
                                       GError               **error);

/* Stops the threads (frames not yet drawn are dropped) and frees. */
void             elab_frame_pool_free (ElabFramePool         *self);

G_END_DECLS
