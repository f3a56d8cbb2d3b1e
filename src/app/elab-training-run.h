/* elab-training-run.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "elab-document.h"
#include "elab-trainer.h"

G_BEGIN_DECLS

#define ELAB_TYPE_TRAINING_RUN (elab_training_run_get_type ())

G_DECLARE_FINAL_TYPE (ElabTrainingRun, elab_training_run, ELAB, TRAINING_RUN, GObject)

/* What a run has to say: the kind of its message. */
typedef enum
{
  ELAB_TRAINING_NOTICE_NONE,
  ELAB_TRAINING_NOTICE_ERROR,       /* a file could not be read */
  ELAB_TRAINING_NOTICE_LOADING,
  ELAB_TRAINING_NOTICE_CONVERGED,
  ELAB_TRAINING_NOTICE_MAX_STEPS,
  ELAB_TRAINING_NOTICE_DIVERGED,
  ELAB_TRAINING_NOTICE_SEPARABLE,
} ElabTrainingNotice;

/* Rows of data the animation passes over per frame at most: with more
 * rows than this, one step per frame (so a frame's work stays bounded). */
#define ELAB_TRAINING_ROWS_PER_FRAME 1000000

/* A run without a document, which follow() gives it. */
ElabTrainingRun    *elab_training_run_new             (void);
ElabDocument       *elab_training_run_get_document    (ElabTrainingRun  *self);
/* Makes the run match @document's state, now and after each edit it is
 * told of: new data when the data set or its columns changed, else new
 * settings. Any such change makes the last failed load old news. NULL
 * stops the run and drops a load in flight: nothing is written to a
 * document the run no longer follows. */
void                elab_training_run_follow          (ElabTrainingRun  *self,
                                                       ElabDocument     *document);

/* The current run, or NULL before any data loaded; replaced (and the old
 * one freed) on new data or settings: look it up again after
 * ::data-changed, never keep it. */
const ElabTrainer  *elab_training_run_get_trainer     (ElabTrainingRun  *self);

/* Whether it plays; ::changed follows every play and pause. */
gboolean            elab_training_run_get_playing     (ElabTrainingRun  *self);
/* Where the run is, in words: "step 12 · playing" (or paused, not
 * started, loading, converged, step limit reached, diverged, no finite
 * optimum); NULL before any data. Newly allocated. */
char               *elab_training_run_dup_summary     (ElabTrainingRun  *self);
void                elab_training_run_set_playing     (ElabTrainingRun  *self,
                                                       gboolean          playing);
/* Steps per second while playing, 1 to 1000. */
double              elab_training_run_get_speed       (ElabTrainingRun  *self);
void                elab_training_run_set_speed       (ElabTrainingRun  *self,
                                                       double            steps_per_second);
/* One step, paused; back to step 0. */
void                elab_training_run_step            (ElabTrainingRun  *self);
void                elab_training_run_reset           (ElabTrainingRun  *self);
/* Plays a run that new data or settings left at step 0, as Play would;
 * a CSV still loading, or a big data set's run still being built, plays
 * once it lands (unless played, paused, stepped or reset by then). A run
 * under way or paused mid-way is left as it is. What a scene asks. */
void                elab_training_run_play_if_new     (ElabTrainingRun  *self);
/* What a frame at @frame_time_us (monotonic µs) does while playing: catch
 * up to speed × elapsed steps, bounded per frame, so where a run gets to
 * depends only on the number of steps. */
void                elab_training_run_advance         (ElabTrainingRun  *self,
                                                       gint64            frame_time_us);
/* Another clock drives the run: its next frame only sets the time base. */
void                elab_training_run_restart_clock   (ElabTrainingRun  *self);

/* Reads @path in a worker thread (NULL columns: first and last, NULL
 * @positive: the reader's pick) and trains on it when it loads; on
 * failure the run keeps the data it had and says why (dup_notice). */
void                elab_training_run_open_csv        (ElabTrainingRun  *self,
                                                       const char       *path,
                                                       const char       *x_column,
                                                       const char       *y_column,
                                                       const char       *positive);
/* Reads the CSV shown again with other columns, or another label value
 * as class 1; a no-op when it is what is shown. */
void                elab_training_run_choose_columns  (ElabTrainingRun  *self,
                                                       const char       *x_column,
                                                       const char       *y_column);
void                elab_training_run_choose_positive (ElabTrainingRun  *self,
                                                       const char       *value);
gboolean            elab_training_run_is_loading      (ElabTrainingRun  *self);
/* The run's message: its kind, a title (static; NULL for none) and a
 * body (newly allocated, or NULL). */
ElabTrainingNotice  elab_training_run_dup_notice      (ElabTrainingRun  *self,
                                                       const char      **title,
                                                       char            **body);
/* What the data were loaded from: a built-in's name or a CSV's path
 * (NULL before any); the CSV's header (NULL for a built-in). */
const char         *elab_training_run_get_data_name   (ElabTrainingRun  *self);
const char * const *elab_training_run_get_csv_columns (ElabTrainingRun  *self);

G_END_DECLS
