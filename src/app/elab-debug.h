/* elab-debug.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "elab-document.h"

G_BEGIN_DECLS

/* A start-up milestone, when ELAB_STARTUP_TRACE is set. */
void             elab_debug_trace               (const char      *what);

/* With ELAB_FRAME_STATS or ELAB_STARTUP_PROBE set, watches @window's
 * frame clock while it is mapped (from each map to the unmap, which
 * prints the statistics), counting the frames that show a change of
 * @document; otherwise does nothing. */
void             elab_debug_watch_frames        (GtkWidget       *window,
                                                 ElabDocument    *document);

/* A plot view drew @figure in @elapsed_us, its @n_frames-th figure. */
void             elab_debug_figure_drawn        (const char      *figure,
                                                 guint            n_frames,
                                                 gint64           elapsed_us);
/* A plot view is going: its figure's count and times. */
void             elab_debug_figure_done         (const char      *figure,
                                                 guint            n_frames,
                                                 gint64           last_us,
                                                 gint64           max_us);

/* With ELAB_FRAME_STATS set, prints the median, 95th percentile and
 * longest of @n training steps' durations (sorted in place) over @n_rows
 * rows. */
void             elab_debug_step_stats          (gint64          *step_us,
                                                 guint            n,
                                                 gsize            n_rows);

G_END_DECLS
