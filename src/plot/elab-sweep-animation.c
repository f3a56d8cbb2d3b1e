/* elab-sweep-animation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sweep's frames are drawn by the frame pool on every core while the
 * encoder takes them in order on this thread. A GIF's palette comes from
 * a few frames spread over the sweep (first and last included) drawn
 * beforehand: a sweep's colours are the theme's and their antialiased
 * blends, which a handful of frames already hold.
 */
#include "elab-sweep-animation.h"

#include <glib/gstdio.h>
#include <math.h>

#include "elab-export.h"
#include "elab-frame-pool.h"
#include "elab-sweep-range.h"
#include "elab-trainer.h"

#define GIF_SAMPLES 8

typedef struct
{
  const ElabSweep       *sweep;
  guint                  n_frames;
  ElabFigureKind         kind;
  const ElabState       *state;
  const ElabFigureStyle *style;
  int                    width;
  int                    height;
  double                 scale;
} Job;

static gpointer
worker_new_cb (gpointer user_data)
{
  const Job *job = user_data;

  return elab_figure_new (job->kind);
}

static void
worker_free_cb (gpointer worker)
{
  elab_figure_free (worker);
}

static gboolean
draw_cb (guint            index,
         cairo_surface_t *surface,
         gpointer         worker,
         gpointer         user_data,
         GError         **error)
{
  const Job *job = user_data;
  g_autoptr(ElabTrainer) trainer = NULL;
  ElabState frame = *job->state;
  cairo_status_t status;
  cairo_t *cr;

  elab_sweep_apply (job->sweep, elab_sweep_value (job->sweep, index, job->n_frames), &frame, NULL);
  if (job->kind == ELAB_FIGURE_TRAINING || job->kind == ELAB_FIGURE_LANDSCAPE)
    {
      /* Each frame trains its own run from step 0, as a PNG sweep does. */
      trainer = elab_trainer_new_for_state (&frame, error);
      if (trainer == NULL)
        return FALSE;
      elab_trainer_step (trainer, frame.steps);
    }

  cr = cairo_create (surface);
  cairo_scale (cr, job->scale, job->scale);
  elab_figure_draw (worker, cr, job->width, job->height, &frame, trainer, job->style);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not draw frame %u: %s", index,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
encode (ElabAnimation  *animation,
        const Job      *job,
        int             width_px,
        int             height_px,
        GCancellable   *cancellable,
        ElabProgressFunc progress,
        gpointer        progress_data,
        GError        **error)
{
  g_autofree guint *indices = g_new (guint, job->n_frames);
  ElabFramePool *pool;
  gboolean ok = TRUE;

  if (elab_animation_needs_samples (animation))
    {
      guint n = MIN (GIF_SAMPLES, job->n_frames);

      for (guint s = 0; s < n; s++)
        indices[s] = n > 1 ? (guint) ((guint64) s * (job->n_frames - 1) / (n - 1)) : 0;
      pool = elab_frame_pool_new (indices, n, width_px, height_px, 0, worker_new_cb, worker_free_cb, draw_cb,
                                  (gpointer) job);
      for (guint s = 0; s < n && ok; s++)
        {
          cairo_surface_t *frame = elab_frame_pool_next (pool, error);

          if (frame == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
            ok = FALSE;
          else
            elab_animation_add_sample (animation, frame);
          g_clear_pointer (&frame, cairo_surface_destroy);
        }
      elab_frame_pool_free (pool);
      if (!ok)
        return FALSE;
    }

  for (guint i = 0; i < job->n_frames; i++)
    indices[i] = i;
  pool = elab_frame_pool_new (indices, job->n_frames, width_px, height_px, 0, worker_new_cb, worker_free_cb,
                              draw_cb, (gpointer) job);
  for (guint i = 0; i < job->n_frames && ok; i++)
    {
      cairo_surface_t *frame = elab_frame_pool_next (pool, error);

      if (frame == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = elab_animation_add_frame (animation, frame, error);
      g_clear_pointer (&frame, cairo_surface_destroy);
      if (ok && progress != NULL)
        progress (i + 1, job->n_frames, progress_data);
    }
  elab_frame_pool_free (pool);
  return ok;
}

gboolean
elab_sweep_export_animation (const ElabSweep            *sweep,
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
                             GError                    **error)
{
  g_autoptr(ElabAnimation) animation = NULL;
  g_autoptr(GError) local = NULL;
  ElabFigureStyle steady;
  Job job = { sweep, n_frames, kind, state, &steady, width, height, scale };
  int width_px, height_px;

  g_return_val_if_fail (sweep != NULL && path != NULL && options != NULL, FALSE);
  g_return_val_if_fail (state != NULL && style != NULL, FALSE);

  if (n_frames < 1 || n_frames > 100000)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--frames: must be 1…100000 (got %u)",
                   n_frames);
      return FALSE;
    }
  if (!(scale > 0) || width < 1 || height < 1
      || ceil (width * scale) > ELAB_EXPORT_MAX_PX || ceil (height * scale) > ELAB_EXPORT_MAX_PX)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--scale: %d×%d at scale %g is outside 1…%d pixels a side", width, height, scale,
                   ELAB_EXPORT_MAX_PX);
      return FALSE;
    }
  width_px = (int) ceil (width * scale);
  height_px = (int) ceil (height * scale);

  /* Every usage error before the first file, as a PNG sweep does. */
  for (guint i = 0; i < n_frames; i++)
    {
      ElabState frame = *state;

      if (!elab_sweep_apply (sweep, elab_sweep_value (sweep, i, n_frames), &frame, &local))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--sweep %s at frame %u: %s",
                       sweep->param, i, local->message);
          return FALSE;
        }
    }
  if (!elab_animation_check (format, width_px, height_px, options, &local))
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "%s", local->message);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  elab_sweep_steady_style (sweep, n_frames, kind, state, style, &steady);
  animation = elab_animation_new (format, path, width_px, height_px, options, error);
  if (animation == NULL)
    return FALSE;
  if (!encode (animation, &job, width_px, height_px, cancellable, progress, progress_data, error))
    return FALSE;
  if (!elab_animation_finish (animation, error))
    return FALSE;

  if (poster != NULL)
    {
      g_autoptr(ElabFigure) figure = elab_figure_new (kind);
      g_autoptr(ElabTrainer) trainer = NULL;
      ElabState first = *state;

      elab_sweep_apply (sweep, elab_sweep_value (sweep, 0, n_frames), &first, NULL);
      if (kind == ELAB_FIGURE_TRAINING || kind == ELAB_FIGURE_LANDSCAPE)
        {
          trainer = elab_trainer_new_for_state (&first, error);
          if (trainer == NULL)
            {
              g_unlink (path);
              return FALSE;
            }
          elab_trainer_step (trainer, first.steps);
        }
      /* Without its poster the animation is not what was asked for. */
      if (!elab_export_figure (figure, &first, trainer, &steady, width, height, scale, ELAB_EXPORT_PNG, poster,
                               error))
        {
          g_unlink (path);
          return FALSE;
        }
    }

  return TRUE;
}
