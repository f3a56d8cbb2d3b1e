/* app-test-util.h: main-loop helpers shared by the widget tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "elab-plot-view.h"

/* A g_timeout_add_seconds() callback that raises the flag it is given. */
static inline gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* How many figures @view has drawn. */
static inline guint
frames_of (ElabPlotView *view)
{
  guint n = 0;

  elab_plot_view_get_draw_stats (view, NULL, NULL, &n);
  return n;
}

/* Spins the main loop until @view has drawn more than @frames figures;
 * fails after 20 s. */
static inline void
wait_for_frame (ElabPlotView *view,
                guint         frames)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);

  while (frames_of (view) <= frames && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}
