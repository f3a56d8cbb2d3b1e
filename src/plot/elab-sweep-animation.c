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

#include "elab-sweep-range.h"
#include "elab-trainer.h"

typedef struct
{
  const ElabSweepRequest *req;
  ElabExportRequest       figure;   /* the steady style */
} Job;

static gpointer
worker_new_cb (gpointer user_data)
{
  const Job *job = user_data;

  return elab_figure_new (job->req->kind);
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
  g_autoptr(GError) local = NULL;
  ElabExportRequest figure = job->figure;
  ElabState frame;
  cairo_status_t status;

  elab_sweep_frame_state (job->req, index, &frame);
  figure.state = &frame;
  /* Each frame trains its own run from step 0, as a PNG sweep does. */
  trainer = elab_sweep_frame_trainer (job->req, &frame, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  status = elab_animation_draw_figure (worker, surface, &figure, trainer);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not draw frame %u: %s", index,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
elab_sweep_export_animation (const ElabSweepRequest    *req,
                             const ElabAnimationOutput *out,
                             GError                   **error)
{
  ElabFigureStyle steady;
  Job job = { req, req->figure };
  ElabFrameDrawer drawer = { worker_new_cb, worker_free_cb, draw_cb, &job };
  g_autoptr(ElabTrainer) first_trainer = NULL;
  g_autoptr(GError) local = NULL;
  ElabState first;

  g_return_val_if_fail (req != NULL && req->sweep != NULL && out != NULL && out->path != NULL, FALSE);
  g_return_val_if_fail (req->figure.state != NULL && req->figure.style != NULL, FALSE);

  /* Every usage error before the first file, as a PNG sweep does. */
  if (!elab_sweep_check_frames (req, error))
    return FALSE;
  if (!elab_animation_check_figure (out, &req->figure, NULL, NULL, error))
    return FALSE;

  elab_sweep_steady_style (req, &steady);
  job.figure.style = &steady;
  elab_sweep_frame_state (req, 0, &first);
  job.figure.state = &first;
  if (out->poster != NULL)
    {
      first_trainer = elab_sweep_frame_trainer (req, &first, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  return elab_animation_export_figure (out, &job.figure, req->kind, first_trainer, req->n_frames, &drawer, error);
}
