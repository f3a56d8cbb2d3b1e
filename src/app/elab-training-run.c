/* elab-training-run.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run of gradient descent as the Training page shows it: the data (a
 * built-in or a CSV file read in a worker thread), the trainer made from
 * them and the document's settings, play and pause, the speed and the
 * clock. The page and its figures are views of it; the export dialog
 * holds a reference, so a load that lands while it is open cannot take
 * the trainer from under it (it finds the current one when it exports).
 *
 * The clock takes speed × elapsed steps, so where a run gets to depends
 * only on the number of steps, never on how frames were timed. A frame
 * passes over at most ELAB_TRAINING_ROWS_PER_FRAME rows; behind that,
 * the clock is rebased instead of piling up a debt, so a million-row file
 * slows the run, not the window.
 */
#define G_LOG_DOMAIN "elab-training-run"

#include "elab-config.h"

#include <math.h>
#include <string.h>

#include "elab-csv.h"
#include "elab-debug.h"
#include "elab-training-run.h"

#define SPEED_DEFAULT 60.0

/* Where data come from: a built-in's name or a CSV's path, and for a CSV
 * the columns read and the label value that is class 1 (NULL: the
 * reader's pick). */
typedef struct
{
  char *name;
  char *x_column;
  char *y_column;
  char *positive;
} Source;

struct _ElabTrainingRun
{
  GObject              parent_instance;

  /* Owned */
  ElabDocument        *document;
  ElabTrainer         *trainer;
  ElabTrainerSettings  applied;       /* what the trainer was made or reset with */
  Source               data;          /* the trainer's; positive "" when the reader picked */
  char               **csv_columns;   /* the header of the CSV loaded */
  char                *error;         /* the last failed load, until the next action */
  GCancellable        *cancellable;
  char                *loading_path;
  guint                load_serial;
  gboolean             loading;
  gboolean             rebuilding;    /* a big data set's new settings, in a worker */
  guint                rebuild_serial;

  gboolean             playing;
  gboolean             play_when_ready; /* play_if_new() while catching up */
  gint64               t0;            /* frame time the step count is counted from; < 0: next frame */
  guint64              steps_at_t0;
  double               speed;

  /* ELAB_FRAME_STATS: the time each frame's steps took, µs. */
  gint64               step_us[4096];
  guint                n_step_us;
};

enum {
  CHANGED,
  DATA_CHANGED,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ElabTrainingRun, elab_training_run, G_TYPE_OBJECT)

static void start_load (ElabTrainingRun *self,
                        const char      *path,
                        const char      *x_column,
                        const char      *y_column,
                        const char      *positive);
static void start_rebuild (ElabTrainingRun           *self,
                           const ElabTrainerSettings *settings);

/* The run moved (a step, a reset, new data, a load begun or ended, an
 * error): step, loss and status may have changed. */
static void
emit_changed (ElabTrainingRun *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Another trainer, other data or a load begun or ended. */
static void
emit_data_changed (ElabTrainingRun *self)
{
  g_signal_emit (self, signals[DATA_CHANGED], 0);
  emit_changed (self);
}

static gboolean
settings_equal (const ElabTrainerSettings *a,
                const ElabTrainerSettings *b)
{
  return a->optimizer == b->optimizer &&
         a->learning_rate == b->learning_rate &&
         a->momentum == b->momentum &&
         a->max_steps == b->max_steps &&
         !a->standardize == !b->standardize &&
         !a->use_bias == !b->use_bias &&
         a->init_w == b->init_w &&
         a->init_b == b->init_b &&
         a->tolerance == b->tolerance &&
         a->loss == b->loss;
}

static gboolean
is_builtin (const char *name)
{
  return name != NULL && elab_dataset_find_builtin (name) != NULL;
}

/* Back to the start (time base included), so a run replays exactly. */
static void
rebase_clock (ElabTrainingRun *self)
{
  self->t0 = -1;
  self->steps_at_t0 = self->trainer != NULL ? elab_trainer_get_steps (self->trainer) : 0;
}

static void
install_trainer (ElabTrainingRun           *self,
                 ElabTrainer               *trainer,
                 const ElabTrainerSettings *settings)
{
  ElabTrainer *old = self->trainer;

  self->trainer = trainer;
  self->applied = *settings;
  /* A worker's settings for the old run are moot now. */
  self->rebuild_serial++;
  self->rebuilding = FALSE;
  rebase_clock (self);
  /* The views look the new one up before the old one goes. */
  emit_data_changed (self);
  g_clear_pointer (&old, elab_trainer_free);
}

static void
cancel_load (ElabTrainingRun *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->load_serial++;
  self->loading = FALSE;
}

/* Resets the run when the state's settings differ from the trainer's.
 * New settings cost a few passes over the data (the Newton optimum):
 * with many rows that happens in a worker, one at a time, while the old
 * run stays on screen. */
static void
apply_settings (ElabTrainingRun *self)
{
  ElabTrainerSettings s;

  if (self->trainer == NULL || self->document == NULL)
    return;

  elab_trainer_settings_from_state (elab_document_get_state (self->document), &s);
  if (settings_equal (&s, &self->applied))
    return;

  if (elab_trainer_get_dataset (self->trainer)->n_rows >= ELAB_TRAINER_PARALLEL_ROWS)
    {
      /* Done in turn: the one in flight calls back here when it lands. */
      if (!self->rebuilding)
        start_rebuild (self, &s);
      return;
    }

  elab_trainer_reset (self->trainer, &s);
  self->applied = s;
  rebase_clock (self);
  emit_changed (self);
}

/* Copies; all NULL frees. */
static void
source_set (Source     *source,
            const char *name,
            const char *x_column,
            const char *y_column,
            const char *positive)
{
  g_free (source->name);
  source->name = g_strdup (name);
  g_free (source->x_column);
  source->x_column = g_strdup (x_column);
  g_free (source->y_column);
  source->y_column = g_strdup (y_column);
  g_free (source->positive);
  source->positive = g_strdup (positive);
}

static void
apply_state (ElabTrainingRun *self)
{
  const ElabState *state = elab_document_get_state (self->document);

  if (self->trainer != NULL &&
      g_strcmp0 (self->data.name, state->dataset) == 0 &&
      (is_builtin (state->dataset) ||
       (g_strcmp0 (self->data.x_column, state->x_column) == 0 &&
        g_strcmp0 (self->data.y_column, state->y_column) == 0 &&
        g_strcmp0 (self->data.positive, state->positive) == 0)))
    {
      apply_settings (self);
      return;
    }

  if (self->loading && g_strcmp0 (self->loading_path, state->dataset) == 0)
    return;

  if (is_builtin (state->dataset))
    {
      g_autoptr(ElabDataset) dataset = elab_dataset_new_builtin (state->dataset);
      ElabTrainerSettings s;

      /* A built-in wins over a CSV still loading. */
      cancel_load (self);
      elab_trainer_settings_from_state (state, &s);
      source_set (&self->data, state->dataset, NULL, NULL, NULL);
      g_clear_pointer (&self->csv_columns, g_strfreev);
      install_trainer (self, elab_trainer_new (dataset, &s), &s);
    }
  else if (state->dataset[0] != '\0')
    {
      start_load (self, state->dataset,
                  state->x_column[0] ? state->x_column : NULL,
                  state->y_column[0] ? state->y_column : NULL,
                  state->positive);
    }
}

/* Writes the data the run shows into the state and tells the listeners
 * (the page among them, which has the run follow it: a no-op then). */
static void
commit_data (ElabTrainingRun *self)
{
  ElabState *state = elab_document_edit (self->document);

  g_strlcpy (state->dataset, self->data.name, sizeof state->dataset);
  g_strlcpy (state->x_column, self->data.x_column ? self->data.x_column : "", sizeof state->x_column);
  g_strlcpy (state->y_column, self->data.y_column ? self->data.y_column : "", sizeof state->y_column);
  g_strlcpy (state->positive, self->data.positive ? self->data.positive : "",
             sizeof state->positive);
  elab_document_changed (self->document, ELAB_CHANGE_TRAINING);
}

/* A play asked for while the run caught up with the document: now, once
 * the last load or rebuild has landed. */
static void
play_if_ready (ElabTrainingRun *self)
{
  if (!self->play_when_ready || self->loading || self->rebuilding)
    return;
  self->play_when_ready = FALSE;
  elab_training_run_set_playing (self, TRUE);
}

/* Loading a CSV file in a worker ------------------------------------------ */

/* The task holds no reference to the run: its last reference may go on
 * the worker's thread after the result came back, and the run (with its
 * document) must be free to go as soon as its owners let go. */
typedef struct
{
  GWeakRef             run;
  Source               source;    /* a load's */
  ElabDataset         *dataset;   /* a rebuild's */
  ElabTrainerSettings  settings;
  guint                serial;

  ElabTrainer         *trainer;
  char               **columns;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_weak_ref_clear (&job->run);
  source_set (&job->source, NULL, NULL, NULL, NULL);
  g_clear_pointer (&job->dataset, elab_dataset_unref);
  g_clear_pointer (&job->trainer, elab_trainer_free);
  g_strfreev (job->columns);
  g_free (job);
}

static Job *
job_new (ElabTrainingRun *self)
{
  Job *job = g_new0 (Job, 1);

  g_weak_ref_init (&job->run, self);
  return job;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  const Source *src = &job->source;
  g_autoptr(ElabDataset) dataset = NULL;
  GError *error = NULL;

  if (strlen (src->name) >= ELAB_DATASET_NAME_MAX)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FILENAME_TOO_LONG,
                               "%s: the path is too long", src->name);
      return;
    }

  job->columns = elab_csv_read_columns (src->name, &error);
  if (job->columns == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  dataset = elab_dataset_load (src->name, src->x_column, src->y_column, src->positive, &error);
  if (dataset == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_boolean (task, FALSE);
      return;
    }
  /* The Newton optimum takes a few passes: here, not on the main loop. */
  job->trainer = elab_trainer_new (dataset, &job->settings);
  g_task_return_boolean (task, TRUE);
}

/* Nothing loaded yet (a file restored from last time has gone): fall
 * back to the first built-in, so there is a run to show. */
static void
fall_back_to_builtin (ElabTrainingRun *self)
{
  guint n_builtins = 0;
  const ElabDatasetInfo *builtins = elab_dataset_get_builtins (&n_builtins);
  char *text = g_strdup_printf ("%s%s Showing the built-in “%s” data instead.",
                                self->error,
                                g_str_has_suffix (self->error, ".") ? "" : ".",
                                builtins[0].title);

  source_set (&self->data, builtins[0].name, NULL, NULL, NULL);
  /* A change of the state clears the last error: say it after. */
  commit_data (self);
  g_free (self->error);
  self->error = text;
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(ElabTrainingRun) self = g_weak_ref_get (&job->run);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* Superseded by a later load or a built-in, or the run is gone. */
  if (self == NULL || job->serial != self->load_serial || self->document == NULL)
    return;

  self->loading = FALSE;
  g_clear_object (&self->cancellable);

  if (!ok)
    {
      /* Nothing new to play: the run says why instead. */
      self->play_when_ready = FALSE;
      g_free (self->error);
      self->error = g_strdup (error != NULL ? error->message : "Cancelled");
      if (self->trainer == NULL)
        {
          fall_back_to_builtin (self);
          emit_data_changed (self);
          return;
        }

      /* Keep the data we had; the chooser goes back to them. */
      g_free (self->data.name);
      self->data.name = g_strdup (elab_trainer_get_dataset (self->trainer)->name);
      if (g_strcmp0 (elab_document_get_state (self->document)->dataset, self->data.name) != 0)
        {
          g_autofree char *error_text = g_steal_pointer (&self->error);

          commit_data (self);
          self->error = g_steal_pointer (&error_text);
        }
      emit_data_changed (self);
      return;
    }

  g_clear_pointer (&self->error, g_free);
  source_set (&self->data, job->source.name,
              job->source.x_column ? job->source.x_column : "",
              job->source.y_column ? job->source.y_column : "",
              job->source.positive ? job->source.positive : "");
  g_strfreev (self->csv_columns);
  self->csv_columns = g_steal_pointer (&job->columns);
  install_trainer (self, g_steal_pointer (&job->trainer), &job->settings);
  commit_data (self);

  /* The settings may have moved while the file was read. */
  apply_settings (self);
  g_signal_emit (self, signals[LOADED], 0);
  play_if_ready (self);
}

static void
start_load (ElabTrainingRun *self,
            const char      *path,
            const char      *x_column,
            const char      *y_column,
            const char      *positive)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  cancel_load (self);
  self->cancellable = g_cancellable_new ();

  job = job_new (self);
  source_set (&job->source, path, x_column, y_column, positive);
  job->serial = self->load_serial;
  g_free (self->loading_path);
  self->loading_path = g_strdup (path);
  elab_trainer_settings_from_state (elab_document_get_state (self->document), &job->settings);

  elab_training_run_set_playing (self, FALSE);
  self->loading = TRUE;
  emit_data_changed (self);

  task = g_task_new (NULL, self->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, load_thread);
}

static void
rebuild_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;

  job->trainer = elab_trainer_new (job->dataset, &job->settings);
  g_task_return_boolean (task, TRUE);
}

static void
rebuild_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(ElabTrainingRun) self = g_weak_ref_get (&job->run);

  if (self == NULL || job->serial != self->rebuild_serial)
    return;
  self->rebuilding = FALSE;
  if (self->document == NULL || self->trainer == NULL ||
      elab_trainer_get_dataset (self->trainer) != job->dataset)
    return;

  install_trainer (self, g_steal_pointer (&job->trainer), &job->settings);
  /* The controls may have moved on while this one was made. */
  apply_settings (self);
  play_if_ready (self);
}

static void
start_rebuild (ElabTrainingRun           *self,
               const ElabTrainerSettings *settings)
{
  g_autoptr(GTask) task = NULL;
  Job *job = job_new (self);

  job->dataset = elab_dataset_ref (elab_trainer_get_dataset (self->trainer));
  job->settings = *settings;
  job->serial = ++self->rebuild_serial;
  self->rebuilding = TRUE;

  task = g_task_new (NULL, NULL, rebuild_done_cb, NULL);
  g_task_set_source_tag (task, start_rebuild);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, rebuild_thread);
}

/* GObject ----------------------------------------------------------------- */

static void
elab_training_run_dispose (GObject *object)
{
  ElabTrainingRun *self = ELAB_TRAINING_RUN (object);

  elab_training_run_follow (self, NULL);

  G_OBJECT_CLASS (elab_training_run_parent_class)->dispose (object);
}

static void
elab_training_run_finalize (GObject *object)
{
  ElabTrainingRun *self = ELAB_TRAINING_RUN (object);

  elab_debug_step_stats (self->step_us, MIN (self->n_step_us, G_N_ELEMENTS (self->step_us)),
                         self->trainer != NULL ? elab_trainer_get_dataset (self->trainer)->n_rows : 0);
  g_clear_pointer (&self->trainer, elab_trainer_free);
  source_set (&self->data, NULL, NULL, NULL, NULL);
  g_strfreev (self->csv_columns);
  g_free (self->error);
  g_free (self->loading_path);

  G_OBJECT_CLASS (elab_training_run_parent_class)->finalize (object);
}

static void
elab_training_run_class_init (ElabTrainingRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = elab_training_run_dispose;
  object_class->finalize = elab_training_run_finalize;

  /* The run moved: a step, a reset, played or paused, a new trainer, an
   * error said or cleared. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A new trainer (new data or settings), or a load begun or ended;
   * ::changed follows. */
  signals[DATA_CHANGED] =
    g_signal_new ("data-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A CSV file was read and is trained on. */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
elab_training_run_init (ElabTrainingRun *self)
{
  self->speed = SPEED_DEFAULT;
  self->t0 = -1;
}

/* Public ------------------------------------------------------------------ */

ElabTrainingRun *
elab_training_run_new (void)
{
  return g_object_new (ELAB_TYPE_TRAINING_RUN, NULL);
}

ElabDocument *
elab_training_run_get_document (ElabTrainingRun *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_RUN (self), NULL);

  return self->document;
}

void
elab_training_run_follow (ElabTrainingRun *self,
                          ElabDocument    *document)
{
  g_return_if_fail (ELAB_IS_TRAINING_RUN (self));
  g_return_if_fail (document == NULL || ELAB_IS_DOCUMENT (document));

  if (document == NULL && self->document != NULL)
    {
      elab_training_run_set_playing (self, FALSE);
      cancel_load (self);
      self->rebuild_serial++;
      self->rebuilding = FALSE;
    }
  g_set_object (&self->document, document);
  if (document == NULL)
    return;

  g_clear_pointer (&self->error, g_free);
  apply_state (self);
}

const ElabTrainer *
elab_training_run_get_trainer (ElabTrainingRun *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_RUN (self), NULL);

  return self->trainer;
}

gboolean
elab_training_run_get_playing (ElabTrainingRun *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_RUN (self), FALSE);

  return self->playing;
}

char *
elab_training_run_dup_summary (ElabTrainingRun *self)
{
  const char *where;

  g_return_val_if_fail (ELAB_IS_TRAINING_RUN (self), NULL);

  if (self->trainer == NULL)
    return NULL;

  /* Playing or paused is the run's; how the steps ended is the trainer's. */
  if (self->loading || self->rebuilding)
    where = "loading";
  else if (self->playing)
    where = "playing";
  else
    switch (elab_trainer_get_status (self->trainer))
      {
      case ELAB_TRAIN_STATUS_CONVERGED:         where = "converged"; break;
      case ELAB_TRAIN_STATUS_MAX_STEPS:         where = "step limit reached"; break;
      case ELAB_TRAIN_STATUS_DIVERGED:          where = "diverged"; break;
      case ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM: where = "no finite optimum"; break;
      case ELAB_TRAIN_STATUS_RUNNING:
      default:
        where = elab_trainer_get_steps (self->trainer) == 0 ? "not started" : "paused";
        break;
      }
  return g_strdup_printf ("step %" G_GUINT64_FORMAT " \xc2\xb7 %s",
                          elab_trainer_get_steps (self->trainer), where);
}

void
elab_training_run_set_playing (ElabTrainingRun *self,
                               gboolean         playing)
{
  g_return_if_fail (ELAB_IS_TRAINING_RUN (self));

  /* Play or pause by hand overrides a play still to come. */
  self->play_when_ready = FALSE;
  playing = !!playing && self->trainer != NULL && !self->loading && self->document != NULL;
  if (playing)
    {
      /* Play after the end replays the run from the start. */
      if (elab_trainer_is_done (self->trainer))
        elab_trainer_reset (self->trainer, NULL);
      g_clear_pointer (&self->error, g_free);
    }

  if (self->playing != playing)
    {
      self->playing = playing;
      rebase_clock (self);
    }
  emit_changed (self);
}

double
elab_training_run_get_speed (ElabTrainingRun *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_RUN (self), SPEED_DEFAULT);

  return self->speed;
}

void
elab_training_run_set_speed (ElabTrainingRun *self,
                             double           steps_per_second)
{
  g_return_if_fail (ELAB_IS_TRAINING_RUN (self));
  g_return_if_fail (steps_per_second > 0);

  steps_per_second = CLAMP (steps_per_second, 1.0, 1000.0);
  if (self->speed == steps_per_second)
    return;

  self->speed = steps_per_second;
  rebase_clock (self);
}

void
elab_training_run_restart_clock (ElabTrainingRun *self)
{
  g_return_if_fail (ELAB_IS_TRAINING_RUN (self));

  rebase_clock (self);
}

void
elab_training_run_step (ElabTrainingRun *self)
{
  g_return_if_fail (ELAB_IS_TRAINING_RUN (self));

  if (self->trainer == NULL || self->loading)
    return;

  g_clear_pointer (&self->error, g_free);
  elab_training_run_set_playing (self, FALSE);
  elab_trainer_step (self->trainer, 1);
  rebase_clock (self);
  emit_changed (self);
}

void
elab_training_run_reset (ElabTrainingRun *self)
{
  g_return_if_fail (ELAB_IS_TRAINING_RUN (self));

  if (self->trainer == NULL || self->loading)
    return;

  g_clear_pointer (&self->error, g_free);
  self->play_when_ready = FALSE;
  elab_trainer_reset (self->trainer, NULL);
  rebase_clock (self);
  emit_changed (self);
}

void
elab_training_run_play_if_new (ElabTrainingRun *self)
{
  g_return_if_fail (ELAB_IS_TRAINING_RUN (self));

  if (self->document == NULL || self->playing)
    return;
  if (self->loading || self->rebuilding)
    self->play_when_ready = TRUE;
  else if (self->trainer != NULL && elab_trainer_get_steps (self->trainer) == 0)
    elab_training_run_set_playing (self, TRUE);
}

void
elab_training_run_advance (ElabTrainingRun *self,
                           gint64           frame_time_us)
{
  const ElabDataset *d;
  guint64 now_steps, target;
  guint cap, want;
  gint64 start;

  g_return_if_fail (ELAB_IS_TRAINING_RUN (self));

  if (!self->playing || self->trainer == NULL || self->loading)
    return;

  now_steps = elab_trainer_get_steps (self->trainer);
  if (self->t0 < 0 || frame_time_us < self->t0)
    {
      /* The first frame only sets the time base. */
      self->t0 = frame_time_us;
      self->steps_at_t0 = now_steps;
      return;
    }

  target = self->steps_at_t0 +
           (guint64) floor (self->speed * (double) (frame_time_us - self->t0) / G_USEC_PER_SEC);
  if (target <= now_steps)
    return;

  d = elab_trainer_get_dataset (self->trainer);
  cap = (guint) MAX ((gsize) 1, ELAB_TRAINING_ROWS_PER_FRAME / MAX (d->n_rows, (gsize) 1));
  want = (guint) MIN (target - now_steps, (guint64) cap);
  if (want < target - now_steps)
    {
      /* Behind: count from here rather than run up a debt. */
      self->t0 = frame_time_us;
      self->steps_at_t0 = now_steps + want;
    }

  start = g_get_monotonic_time ();
  elab_trainer_step (self->trainer, want);
  self->step_us[self->n_step_us++ % G_N_ELEMENTS (self->step_us)] = g_get_monotonic_time () - start;

  if (elab_trainer_is_done (self->trainer))
    self->playing = FALSE;
  emit_changed (self);
}

void
elab_training_run_open_csv (ElabTrainingRun *self,
                            const char      *path,
                            const char      *x_column,
                            const char      *y_column,
                            const char      *positive)
{
  g_return_if_fail (ELAB_IS_TRAINING_RUN (self));
  g_return_if_fail (path != NULL);

  if (self->document == NULL)
    return;

  g_clear_pointer (&self->error, g_free);
  start_load (self, path, x_column, y_column, positive);
}

void
elab_training_run_choose_columns (ElabTrainingRun *self,
                                  const char      *x_column,
                                  const char      *y_column)
{
  g_return_if_fail (ELAB_IS_TRAINING_RUN (self));

  if (self->csv_columns == NULL || self->data.name == NULL || is_builtin (self->data.name))
    return;
  if (g_strcmp0 (x_column, self->data.x_column) == 0 && g_strcmp0 (y_column, self->data.y_column) == 0)
    return;

  /* Class 1 is a value of the label column: another column picks anew. */
  elab_training_run_open_csv (self, self->data.name, x_column, y_column,
                              g_strcmp0 (y_column, self->data.y_column) == 0 ? self->data.positive : NULL);
}

void
elab_training_run_choose_positive (ElabTrainingRun *self,
                                   const char      *value)
{
  g_return_if_fail (ELAB_IS_TRAINING_RUN (self));

  if (self->trainer == NULL || self->data.name == NULL || is_builtin (self->data.name))
    return;
  /* Already class 1 (also when it was picked): nothing to read again. */
  if (value == NULL || g_strcmp0 (value, elab_trainer_get_dataset (self->trainer)->labels[1]) == 0)
    return;

  elab_training_run_open_csv (self, self->data.name,
                              self->data.x_column != NULL && *self->data.x_column ? self->data.x_column : NULL,
                              self->data.y_column != NULL && *self->data.y_column ? self->data.y_column : NULL,
                              value);
}

gboolean
elab_training_run_is_loading (ElabTrainingRun *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_RUN (self), FALSE);

  return self->loading;
}

ElabTrainingNotice
elab_training_run_dup_notice (ElabTrainingRun  *self,
                              const char      **title,
                              char            **body)
{
  const char *message;

  g_return_val_if_fail (ELAB_IS_TRAINING_RUN (self), ELAB_TRAINING_NOTICE_NONE);
  g_return_val_if_fail (title != NULL && body != NULL, ELAB_TRAINING_NOTICE_NONE);

  *title = NULL;
  *body = NULL;
  if (self->error != NULL)
    {
      *title = "Could not read the data";
      *body = g_strdup (self->error);
      return ELAB_TRAINING_NOTICE_ERROR;
    }
  if (self->loading)
    {
      *title = "Reading the data…";
      return ELAB_TRAINING_NOTICE_LOADING;
    }
  if (self->trainer == NULL)
    return ELAB_TRAINING_NOTICE_NONE;

  message = elab_trainer_get_message (self->trainer);
  switch (elab_trainer_get_status (self->trainer))
    {
    case ELAB_TRAIN_STATUS_CONVERGED:
      *title = "Converged";
      *body = g_strdup (message);
      return ELAB_TRAINING_NOTICE_CONVERGED;
    case ELAB_TRAIN_STATUS_MAX_STEPS:
      *title = "Stopped at the step limit";
      *body = g_strdup (message);
      return ELAB_TRAINING_NOTICE_MAX_STEPS;
    case ELAB_TRAIN_STATUS_DIVERGED:
      *title = "Diverged: the learning rate is too large";
      *body = g_strdup (message);
      return ELAB_TRAINING_NOTICE_DIVERGED;
    case ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM:
      /* The trainer's message says which way the parameters run off
       * (w for separated classes, b for one class) and whether the loss
       * falls to 0 or levels off. */
      *title = "No finite optimum: the data are separable";
      *body = g_strdup_printf ("%s Training was stopped rather than let the parameters grow without end.",
                               message);
      return ELAB_TRAINING_NOTICE_SEPARABLE;
    case ELAB_TRAIN_STATUS_RUNNING:
    default:
      return ELAB_TRAINING_NOTICE_NONE;
    }
}

const char *
elab_training_run_get_data_name (ElabTrainingRun *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_RUN (self), NULL);

  return self->data.name;
}

const char * const *
elab_training_run_get_csv_columns (ElabTrainingRun *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_RUN (self), NULL);

  return (const char * const *) self->csv_columns;
}
