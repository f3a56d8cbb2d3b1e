/* elab-sweep-animation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sweep's frames are drawn by the frame pool on every core while the
 * encoder takes them in order on this thread (elab_animation_encode()).
 */
#include "elab-sweep-animation.h"

#include <glib/gstdio.h>
#include <math.h>

#include "elab-export.h"
#include "elab-frame-pool.h"
#include "elab-sweep-range.h"
#include "elab-trainer.h"

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
  if (elab_figure_kind_is_training (job->kind))
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
  if (!elab_animation_check_figure (format, width, height, scale, options, &width_px, &height_px, error))
    return FALSE;

  elab_sweep_steady_style (sweep, n_frames, kind, state, style, &steady);
  animation = elab_animation_new (format, path, width_px, height_px, options, error);
  if (animation == NULL)
    return FALSE;
  if (!elab_animation_encode (animation, n_frames, worker_new_cb, worker_free_cb, draw_cb, &job, cancellable,
                              progress, progress_data, error))
    return FALSE;
  if (!elab_animation_finish (animation, error))
    return FALSE;

  if (poster != NULL)
    {
      g_autoptr(ElabFigure) figure = elab_figure_new (kind);
      g_autoptr(ElabTrainer) trainer = NULL;
      ElabState first = *state;

      elab_sweep_apply (sweep, elab_sweep_value (sweep, 0, n_frames), &first, NULL);
      if (elab_figure_kind_is_training (kind))
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
