/* elab-run-animation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The run is trained once through to its end first: that says how many
 * frames there are and gives every frame the axes of the whole run
 * (ElabFigureStyle.run). Then each drawing thread keeps a trainer of its
 * own on the same data and steps it forward to the frames it is handed,
 * which come to each thread in increasing order: training twice over is
 * a small price next to drawing 1080p frames, and no frame waits for
 * another's run.
 */
#include "elab-run-animation.h"

#include <glib/gstdio.h>

#include "elab-export.h"
#include "elab-trainer.h"

typedef struct
{
  const ElabExportRequest *figure;   /* the steady style */
  const ElabTrainer       *run;      /* trained to the end */
  const guint64           *steps;    /* per frame */
  ElabFigureKind           kind;
} Job;

typedef struct
{
  ElabFigure  *figure;
  ElabTrainer *trainer;
} Worker;

/* The steps a recording shows: 0, @every, 2·@every, … and the run's last
 * step @last, which ends it (the state's steps, or the step training
 * stopped at if earlier). Returns their number, ⌈last / every⌉ + 1;
 * fills @res (may be NULL) with as many steps. */
static guint
frame_steps (guint64  last,
             guint    every,
             guint64 *res)
{
  guint n = 0;

  g_return_val_if_fail (every > 0, 0);

  for (guint64 step = 0; step < last; step += every)
    {
      if (res != NULL)
        res[n] = step;
      n++;
    }
  if (res != NULL)
    res[n] = last;
  return n + 1;
}

static gpointer
worker_new_cb (gpointer user_data)
{
  const Job *job = user_data;
  Worker *worker = g_new0 (Worker, 1);

  worker->figure = elab_figure_new (job->kind);
  worker->trainer = elab_trainer_new (elab_trainer_get_dataset (job->run), elab_trainer_get_settings (job->run));
  return worker;
}

static void
worker_free_cb (gpointer data)
{
  Worker *worker = data;

  elab_figure_free (worker->figure);
  elab_trainer_free (worker->trainer);
  g_free (worker);
}

/* Brings @trainer to @step: forward from where it is, or from step 0. */
static void
train_to (ElabTrainer *trainer,
          guint64      step)
{
  if (elab_trainer_get_steps (trainer) > step)
    elab_trainer_reset (trainer, NULL);
  while (elab_trainer_get_steps (trainer) < step && !elab_trainer_is_done (trainer))
    elab_trainer_step (trainer, (guint) MIN (step - elab_trainer_get_steps (trainer), G_MAXUINT));
}

static gboolean
draw_cb (guint            index,
         cairo_surface_t *surface,
         gpointer         data,
         gpointer         user_data,
         GError         **error)
{
  const Job *job = user_data;
  Worker *worker = data;
  cairo_status_t status;

  train_to (worker->trainer, job->steps[index]);
  status = elab_animation_draw_figure (worker->figure, surface, job->figure, worker->trainer);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not draw the frame at step %" G_GUINT64_FORMAT ": %s",
                   job->steps[index], cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
elab_run_export_animation (ElabFigureKind             kind,
                           const ElabExportRequest   *figure,
                           ElabDataset               *dataset,
                           guint                      every,
                           const ElabAnimationOutput *out,
                           guint                     *res_frames,
                           GError                   **error)
{
  const ElabState *state;
  g_autoptr(ElabTrainer) run = NULL;
  g_autoptr(ElabTrainer) first = NULL;
  g_autofree guint64 *steps = NULL;
  ElabFigureStyle steady;
  ElabExportRequest steady_figure;
  Job job;
  ElabFrameDrawer drawer = { worker_new_cb, worker_free_cb, draw_cb, &job };
  guint n_frames;

  g_return_val_if_fail (figure != NULL && figure->state != NULL && figure->style != NULL, FALSE);
  g_return_val_if_fail (out != NULL && out->path != NULL, FALSE);

  state = figure->state;
  if (res_frames != NULL)
    *res_frames = 0;
  if (!elab_figure_kind_is_training (kind))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--figure %s: a training run is recorded by the figures training, landscape and training-both",
                   elab_figure_kind_to_string (kind));
      return FALSE;
    }
  if (every < 1 || every > state->steps)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--every: must be 1…%u, the run's --steps (got %u)", state->steps, every);
      return FALSE;
    }
  if (!elab_animation_check_figure (out, figure, NULL, NULL, error))
    return FALSE;

  /* The whole run first: where it ends, and the axes that cover it. */
  if (dataset != NULL)
    {
      ElabTrainerSettings settings;

      elab_trainer_settings_from_state (state, &settings);
      run = elab_trainer_new (dataset, &settings);
    }
  else if ((run = elab_trainer_new_for_state (state, error)) == NULL)
    return FALSE;
  while (!elab_trainer_is_done (run) && !g_cancellable_is_cancelled (out->cancellable))
    elab_trainer_step (run, 4096);
  if (g_cancellable_set_error_if_cancelled (out->cancellable, error))
    return FALSE;

  n_frames = frame_steps (elab_trainer_get_steps (run), every, NULL);
  steps = g_new (guint64, n_frames);
  frame_steps (elab_trainer_get_steps (run), every, steps);

  steady = *figure->style;
  steady.run = run;
  steady_figure = *figure;
  steady_figure.style = &steady;
  job = (Job) { &steady_figure, run, steps, kind };
  if (out->poster != NULL)
    first = elab_trainer_new (elab_trainer_get_dataset (run), elab_trainer_get_settings (run));

  if (!elab_animation_export_figure (out, &steady_figure, kind, first, n_frames, &drawer, error))
    return FALSE;
  if (res_frames != NULL)
    *res_frames = n_frames;
  return TRUE;
}
