/* elab-sweep-range.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One y range for every frame of a sweep, so curves that do not move do
 * not jump when another one rescales the axis.
 */
#pragma once

#include "elab-figure.h"
#include "elab-sweep-spec.h"

G_BEGIN_DECLS

/* Copies @style into @res with y_max (and y_min, if not set) covering the
 * range the figure would choose for each of the sweep's @n_frames frames.
 * A y_max already set in @style (by hand) is kept as it is; figures whose
 * range is fixed by their math are left alone. */
void  elab_sweep_steady_style (const ElabSweep       *sweep,
                               guint                  n_frames,
                               ElabFigureKind         kind,
                               const ElabState       *state,
                               const ElabFigureStyle *style,
                               ElabFigureStyle       *res);

G_END_DECLS
