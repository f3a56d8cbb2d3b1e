/* elab-record-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Record…: the Training page's run saved as it plays, the window's twin
 * of `entropy-lab export --figure training-both --steps N --every K --out
 * run.mp4`. Asks for the figure, the steps, a frame every how many steps,
 * the format and the size, then where to save.
 */
#pragma once

#include <adwaita.h>

#include "elab-document.h"

G_BEGIN_DECLS

/* Presents the dialog over @parent for @document's training run; the
 * page plays @steps_per_second, which an animation at 30 frames per
 * second matches with a frame every steps_per_second / 30 steps. */
void elab_record_dialog_present (GtkWindow    *parent,
                                 ElabDocument *document,
                                 double        steps_per_second);

G_END_DECLS
