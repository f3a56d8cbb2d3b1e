/* elab-sweep-range.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One y range for every frame of a sweep, so curves that do not move do
 * not jump when another one rescales the axis.
 */
#pragma once

#include "elab-sweep.h"

G_BEGIN_DECLS

/* Copies @req's style into @res with y_max (and y_min, if not set)
 * covering the range the figure would choose for each of the sweep's
 * frames. A y_max already set in the style (by hand) is kept as it is;
 * figures whose range is fixed by their math are left alone. */
void  elab_sweep_steady_style (const ElabSweepRequest *req,
                               ElabFigureStyle        *res);

G_END_DECLS
