/* elab-sweep-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export Sweep…: the window's twin of `entropy-lab export --sweep`. Asks
 * for a parameter, a range, a frame count, a size and a format, then a
 * folder for PNG frames (frame-0000.png …) or a file for an MP4, WebM or
 * GIF, and writes them in a worker thread.
 */
#pragma once

#include <adwaita.h>

#include "elab-document.h"
#include "elab-figure.h"
#include "elab-sweep.h"

G_BEGIN_DECLS

/* The parameters worth sweeping in @kind's figure, NULL-terminated
 * (static strings). */
const char * const *elab_sweep_dialog_params_for (ElabFigureKind   kind,
                                                  const ElabState *state);

/* Presents the dialog over @parent for the figure @kind of @document's
 * state, drawn with @caption (may be NULL). */
void                elab_sweep_dialog_present     (GtkWindow       *parent,
                                                   ElabDocument    *document,
                                                   ElabFigureKind   kind,
                                                   const char      *caption);

G_END_DECLS
