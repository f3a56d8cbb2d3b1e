/* app-test-util.h: main-loop helpers shared by the widget tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdlib.h>
#include <glib/gstdio.h>
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

static char *isolated_state_dir;

static inline void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
          g_free (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

static inline void
remove_isolated_state_dir (void)
{
  if (isolated_state_dir != NULL)
    remove_tree (isolated_state_dir);
  g_clear_pointer (&isolated_state_dir, g_free);
}

/* A window about to be made starts from the defaults: no last state (and
 * no lesson) saved by an earlier window of this process. */
static inline void
forget_last_state (void)
{
  char *path = g_build_filename (g_get_user_state_dir (), "entropy-lab", "last.elab", NULL);

  g_remove (path);
  g_free (path);
}

/* Gives this process a state directory of its own (where windows save
 * the last state), removed at exit: a test neither starts from what an
 * earlier run left nor races with another test, as with the memory
 * GSettings backend. Call before anything asks GLib for the directory. */
static inline void
isolate_state_dir (void)
{
  isolated_state_dir = g_dir_make_tmp ("elab-state-XXXXXX", NULL);
  g_assert_nonnull (isolated_state_dir);
  g_setenv ("XDG_STATE_HOME", isolated_state_dir, TRUE);
  atexit (remove_isolated_state_dir);
}
