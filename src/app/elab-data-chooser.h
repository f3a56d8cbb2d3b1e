/* elab-data-chooser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "elab-training-run.h"

G_BEGIN_DECLS

#define ELAB_TYPE_DATA_CHOOSER (elab_data_chooser_get_type ())

G_DECLARE_FINAL_TYPE (ElabDataChooser, elab_data_chooser, ELAB, DATA_CHOOSER, GtkWidget)

/* The run whose data it shows and chooses (a reference). */
void         elab_data_chooser_set_run             (ElabDataChooser *self,
                                                    ElabTrainingRun *run);
/* Shows what the run has, or the state's data set while none loaded. */
void         elab_data_chooser_sync                (ElabDataChooser *self);
/* What Open CSV… does with the file chosen: read it, and if its label
 * column holds two words, ask which is class 1 (the question is the
 * window get_question returns while it is open). */
void         elab_data_chooser_open_path           (ElabDataChooser *self,
                                                    const char      *path);
GtkWindow   *elab_data_chooser_get_question        (ElabDataChooser *self);

/* Controls, for tests that move them as a person would. */
GtkDropDown *elab_data_chooser_get_dataset_dropdown  (ElabDataChooser *self);
/* The label value that is class 1, for a CSV whose label has two values:
 * the two in alphabetical order. */
GtkDropDown *elab_data_chooser_get_positive_dropdown (ElabDataChooser *self);
/* The CSV column picker: @axis 0 for x, 1 for y. */
GtkDropDown *elab_data_chooser_get_column_dropdown   (ElabDataChooser *self,
                                                      guint            axis);

G_END_DECLS
