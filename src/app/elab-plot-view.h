/* elab-plot-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "elab-document.h"
#include "elab-figure.h"
#include "elab-training-run.h"

G_BEGIN_DECLS

#define ELAB_TYPE_PLOT_VIEW (elab_plot_view_get_type ())

G_DECLARE_FINAL_TYPE (ElabPlotView, elab_plot_view, ELAB, PLOT_VIEW, GtkWidget)

void               elab_plot_view_set_document     (ElabPlotView       *self,
                                                    ElabDocument       *document);
ElabFigureKind     elab_plot_view_get_figure_kind  (ElabPlotView       *self);
/* The run the training figures draw (a reference, may be NULL); the
 * view redraws as it moves. */
void               elab_plot_view_set_training_run (ElabPlotView       *self,
                                                    ElabTrainingRun    *run);
ElabTrainingRun   *elab_plot_view_get_training_run (ElabPlotView       *self);
/* The run's current trainer, or NULL: look it up, do not keep it. */
const ElabTrainer *elab_plot_view_get_trainer      (ElabPlotView       *self);
/* The data x under the pointer, or NAN when the pointer is elsewhere. */
double             elab_plot_view_get_hover_x      (ElabPlotView       *self);
/* The style the view draws with (theme following the desktop), without
 * the hover marks: what Copy puts on the clipboard. */
void               elab_plot_view_get_style        (ElabPlotView       *self,
                                                    ElabFigureStyle    *res);
/* A scene's caption drawn under the figure's plots (copied; NULL or "":
 * none), with room kept for @room too (a question's revealed caption;
 * NULL: none), so the plots do not move at the reveal. */
void               elab_plot_view_set_caption      (ElabPlotView       *self,
                                                    const char         *caption,
                                                    const char         *room);
const char        *elab_plot_view_get_caption      (ElabPlotView       *self);
/* Where what the figure shows stands ("step 12 · paused"), told to screen
 * readers after what the figure is; NULL: nothing. Copied. Unless
 * @at_once, a status that changes faster than four times a second is
 * held back, and the last one told when the time is up. */
void               elab_plot_view_set_status       (ElabPlotView       *self,
                                                    const char         *status,
                                                    gboolean            at_once);
/* A widget floating over the figure's bottom left (the presentation
 * controls; weak, NULL: none): the caption keeps right of it. */
void               elab_plot_view_set_caption_cover (ElabPlotView      *self,
                                                     GtkWidget         *cover);
/* A question asking for an x: while @guessing a click places the guess;
 * @truth (NULL or empty: hidden) is the answer drawn beside it; @forget clears the
 * guess (a new scene). */
void               elab_plot_view_set_guess        (ElabPlotView       *self,
                                                    gboolean            guessing,
                                                    const ElabAnswer   *truth,
                                                    gboolean            forget);
/* Presentation mode: large type, thick lines, the light theme whatever
 * the desktop's style. */
void               elab_plot_view_set_presentation (ElabPlotView       *self,
                                                    gboolean            presentation);
/* Draw time inside snapshot, in microseconds: last and worst so far. */
void               elab_plot_view_get_draw_stats   (ElabPlotView       *self,
                                                    gint64             *last_us,
                                                    gint64             *max_us,
                                                    guint              *n_frames);

G_END_DECLS
