/* elab-debug.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _ElabDebugFrames ElabDebugFrames;

/* A start-up milestone, when ELAB_STARTUP_TRACE is set. */
void             elab_debug_trace               (const char      *what);

/* Watches @window's frame clock from its map to its unmap: NULL unless
 * ELAB_FRAME_STATS or ELAB_STARTUP_PROBE is set. */
ElabDebugFrames *elab_debug_frames_start        (GtkWidget       *window);
/* Prints the frame statistics and stops watching; NULL is ignored. */
void             elab_debug_frames_stop         (ElabDebugFrames *frames);
/* A parameter changed: the frame that shows it counts; NULL is ignored. */
void             elab_debug_frames_note_change  (ElabDebugFrames *frames);

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
