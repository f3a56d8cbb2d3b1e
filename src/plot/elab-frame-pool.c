/* elab-frame-pool.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each thread takes the next frame number, draws it into a surface of its
 * own and puts it in the frame's slot of a small ring; the reader takes
 * the slots in order. A thread may only start a frame that fits in the
 * ring, so at most a ring's worth of 8 MB frames exist at once however
 * far drawing gets ahead of the encoder.
 *
 * The surfaces are used again once the reader and the encoder (which may
 * keep a frame a while after it was handed on) have let go of them: a
 * fresh 8 MB surface costs the kernel 2,000 zeroed pages, a tenth of an
 * MP4 export's CPU time.
 */
#include "elab-frame-pool.h"

struct _ElabFramePool
{
  guint              *indices;
  guint               n;
  int                 width;
  int                 height;
  ElabFrameDrawer     drawer;

  GPtrArray          *threads;
  GPtrArray          *surfaces;   /* a reference to each reusable surface */
  GMutex              lock;
  GCond               cond;
  cairo_surface_t   **ring;
  guint               ring_size;
  guint               next;       /* the next frame a thread takes */
  guint               taken;      /* frames the reader has taken */
  gboolean            stop;
  GError             *error;
};

/* Room for the ring's frames and those the encoder holds (GStreamer's
 * queue before the encoder and the encoder's own). */
#define EXTRA_SURFACES 8

/* A surface no one else holds, or a new one; called with the lock held.
 * A surface's count of references only falls while it is out of the
 * pool's hands, so one found at 1 stays free. */
static cairo_surface_t *
take_surface (ElabFramePool *self,
              gboolean      *res_reused)
{
  cairo_surface_t *surface;

  for (guint i = 0; i < self->surfaces->len; i++)
    {
      surface = g_ptr_array_index (self->surfaces, i);
      if (cairo_surface_get_reference_count (surface) == 1)
        {
          *res_reused = TRUE;
          return cairo_surface_reference (surface);
        }
    }

  *res_reused = FALSE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->width, self->height);
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS
      && self->surfaces->len < self->ring_size + EXTRA_SURFACES)
    g_ptr_array_add (self->surfaces, cairo_surface_reference (surface));
  return surface;
}

static gpointer
worker_cb (gpointer data)
{
  ElabFramePool *self = data;
  gpointer worker = self->drawer.worker_new ? self->drawer.worker_new (self->drawer.user_data) : NULL;

  for (;;)
    {
      cairo_surface_t *surface;
      GError *error = NULL;
      gboolean reused;
      gboolean ok;
      guint i;

      g_mutex_lock (&self->lock);
      while (!self->stop && self->next < self->n && self->next >= self->taken + self->ring_size)
        g_cond_wait (&self->cond, &self->lock);
      if (self->stop || self->next >= self->n)
        {
          g_mutex_unlock (&self->lock);
          break;
        }
      i = self->next++;
      surface = take_surface (self, &reused);
      g_mutex_unlock (&self->lock);

      if (reused)
        {
          cairo_t *cr = cairo_create (surface);

          cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
          cairo_paint (cr);
          cairo_destroy (cr);
        }
      ok = cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS
           && self->drawer.draw (self->indices[i], surface, worker, self->drawer.user_data, &error);
      if (ok)
        cairo_surface_flush (surface);
      else if (error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not draw frame %u: %s", self->indices[i],
                     cairo_status_to_string (cairo_surface_status (surface)));

      g_mutex_lock (&self->lock);
      if (ok)
        self->ring[i % self->ring_size] = surface;
      else
        {
          cairo_surface_destroy (surface);
          if (self->error == NULL)
            self->error = error;
          else
            g_error_free (error);
          self->stop = TRUE;
        }
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->lock);
    }

  if (worker != NULL && self->drawer.worker_free != NULL)
    self->drawer.worker_free (worker);
  return NULL;
}

ElabFramePool *
elab_frame_pool_new (const guint           *indices,
                     guint                  n,
                     int                    width_px,
                     int                    height_px,
                     guint                  n_threads,
                     const ElabFrameDrawer *drawer)
{
  ElabFramePool *self;

  g_return_val_if_fail (drawer != NULL && drawer->draw != NULL, NULL);

  if (n_threads == 0)
    n_threads = MAX (1, g_get_num_processors ());
  n_threads = MIN (n_threads, MAX (n, 1));

  self = g_new0 (ElabFramePool, 1);
  self->indices = g_memdup2 (indices, sizeof (guint) * MAX (n, 1));
  self->n = n;
  self->width = width_px;
  self->height = height_px;
  self->drawer = *drawer;
  /* One frame being drawn per thread and one ready behind it. */
  self->ring_size = 2 * n_threads;
  self->ring = g_new0 (cairo_surface_t *, self->ring_size);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);

  self->surfaces = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  self->threads = g_ptr_array_new ();
  for (guint t = 0; t < n_threads; t++)
    g_ptr_array_add (self->threads, g_thread_new ("elab-frames", worker_cb, self));

  return self;
}

cairo_surface_t *
elab_frame_pool_next (ElabFramePool  *self,
                      GError        **error)
{
  cairo_surface_t *surface = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  if (self->taken < self->n)
    {
      guint slot = self->taken % self->ring_size;

      while (self->ring[slot] == NULL && self->error == NULL && !self->stop)
        g_cond_wait (&self->cond, &self->lock);
      if (self->ring[slot] != NULL)
        {
          surface = g_steal_pointer (&self->ring[slot]);
          self->taken++;
          g_cond_broadcast (&self->cond);
        }
      else if (self->error != NULL)
        g_propagate_error (error, g_steal_pointer (&self->error));
    }
  g_mutex_unlock (&self->lock);

  return surface;
}

void
elab_frame_pool_free (ElabFramePool *self)
{
  if (self == NULL)
    return;

  g_mutex_lock (&self->lock);
  self->stop = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  for (guint t = 0; t < self->threads->len; t++)
    g_thread_join (g_ptr_array_index (self->threads, t));
  g_ptr_array_free (self->threads, TRUE);
  g_ptr_array_free (self->surfaces, TRUE);

  for (guint i = 0; i < self->ring_size; i++)
    if (self->ring[i] != NULL)
      cairo_surface_destroy (self->ring[i]);
  g_free (self->ring);
  g_clear_error (&self->error);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self->indices);
  g_free (self);
}
