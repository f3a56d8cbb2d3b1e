/* elab-training-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "elab-page.h"
#include "elab-training-run.h"

G_BEGIN_DECLS

#define ELAB_TYPE_TRAINING_PAGE (elab_training_page_get_type ())

G_DECLARE_FINAL_TYPE (ElabTrainingPage, elab_training_page, ELAB, TRAINING_PAGE, ElabPage)

/* Its figures and controls are template children under their ids
 * (training_view, landscape_view, data_chooser, lr_adjustment, …). */

GtkWidget         *elab_training_page_new               (ElabDocument     *document);
/* The run the page shows (its own; a reference outlives the page). */
ElabTrainingRun   *elab_training_page_get_run           (ElabTrainingPage *self);
/* Steps per second while playing, 1 to 1000: the run's, with the
 * speed slider moved to it. */
void               elab_training_page_set_speed         (ElabTrainingPage *self,
                                                         double            steps_per_second);

/* The message shown over the figures (status of the run, or an error),
 * or NULL when none is shown. */
const char        *elab_training_page_get_message       (ElabTrainingPage *self);

G_END_DECLS
