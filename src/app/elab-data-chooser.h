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
G_END_DECLS
