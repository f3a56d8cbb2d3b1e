/* elab-training-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "elab-page.h"
#include "elab-trainer.h"

G_BEGIN_DECLS

#define ELAB_TYPE_TRAINING_PAGE (elab_training_page_get_type ())

G_DECLARE_FINAL_TYPE (ElabTrainingPage, elab_training_page, ELAB, TRAINING_PAGE, ElabPage)

/* Rows of data the animation passes over per frame at most: with more
 * rows than this, one step per frame (so a frame's work stays bounded). */
#define ELAB_TRAINING_ROWS_PER_FRAME 1000000

GtkWidget         *elab_training_page_new               (ElabDocument     *document);
/* The data and fitted curve; the loss landscape; shown or not
 * (elab_page_get_plot_view() gives the first shown). */
ElabPlotView      *elab_training_page_get_plot_view     (ElabTrainingPage *self);
ElabPlotView      *elab_training_page_get_landscape_view (ElabTrainingPage *self);
/* The current run, or NULL before any data loaded. */
const ElabTrainer *elab_training_page_get_trainer       (ElabTrainingPage *self);

gboolean           elab_training_page_get_playing       (ElabTrainingPage *self);
void               elab_training_page_set_playing       (ElabTrainingPage *self,
                                                         gboolean          playing);
/* Steps per second while playing, 1 to 1000. */
double             elab_training_page_get_speed         (ElabTrainingPage *self);
void               elab_training_page_set_speed         (ElabTrainingPage *self,
                                                         double            steps_per_second);
/* What the frame clock's tick does at @frame_time_us (monotonic µs):
 * catch up to speed × elapsed steps, bounded per frame. Public so that
 * tests can drive the animation with a simulated clock. */
void               elab_training_page_advance           (ElabTrainingPage *self,
                                                         gint64            frame_time_us);

/* Reads @path in a worker thread (NULL columns: first and last) and
 * trains on it when it loads; on failure the page shows the reader's
 * error and keeps the data it had. */
void               elab_training_page_open_csv          (ElabTrainingPage *self,
                                                         const char       *path,
                                                         const char       *x_column,
                                                         const char       *y_column);
/* TRUE while a CSV file is being read. */
gboolean           elab_training_page_is_loading        (ElabTrainingPage *self);

/* The loss over the steps on a log axis (the state's loss_scale). Also
 * the stateful action train.loss-log-scale (the "Loss on a log scale"
 * switch, the L key) and the property loss-log-scale. Does not touch
 * the run. */
gboolean           elab_training_page_get_loss_log_scale (ElabTrainingPage *self);
void               elab_training_page_set_loss_log_scale (ElabTrainingPage *self,
                                                          gboolean          log_scale);

/* Controls, for tests that move them as a person would. */
GtkAdjustment     *elab_training_page_get_learning_rate_adjustment (ElabTrainingPage *self);
GtkDropDown       *elab_training_page_get_loss_dropdown            (ElabTrainingPage *self);
GtkDropDown       *elab_training_page_get_optimizer_dropdown       (ElabTrainingPage *self);
GtkDropDown       *elab_training_page_get_dataset_dropdown         (ElabTrainingPage *self);
GtkSwitch         *elab_training_page_get_standardize_switch       (ElabTrainingPage *self);
GtkSwitch         *elab_training_page_get_log_scale_switch         (ElabTrainingPage *self);
/* The label value that is class 1, for a CSV whose label has two values:
 * the two in alphabetical order. */
GtkDropDown       *elab_training_page_get_positive_dropdown        (ElabTrainingPage *self);
/* The CSV column picker: @axis 0 for x, 1 for y. */
GtkDropDown       *elab_training_page_get_column_dropdown          (ElabTrainingPage *self,
                                                                    guint             axis);

/* The message shown over the figures (status of the run, or an error),
 * or NULL when none is shown. */
const char        *elab_training_page_get_message       (ElabTrainingPage *self);

G_END_DECLS
