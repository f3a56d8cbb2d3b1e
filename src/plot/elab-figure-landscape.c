/* elab-figure-landscape.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loss landscape over (w, b) with the optimizer's path. A placeholder
 * until the trainer lands; see elab-figure-private.h for the primitives.
 */

#include "elab-figure-private.h"

void
_elab_figure_draw_landscape (ElabFigure        *figure,
                             cairo_t           *cr,
                             const ElabState   *state,
                             const ElabTrainer *trainer)
{
  ElabRect body;

  _elab_draw_frame (figure, cr, "Loss landscape", FALSE, NULL, &body);
  _elab_draw_placeholder (figure, cr, &body, "no training run");
  _elab_draw_caption (figure, cr, &body);
}
