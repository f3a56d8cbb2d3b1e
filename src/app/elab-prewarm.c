/* elab-prewarm.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Redraw the window at idle so that the first frame of a drag is not the
 * first to need a frame's worth of memory.
 *
 * With GTK's Cairo renderer each frame is painted into a new image the
 * size of the damaged area, a changed figure's recording is replayed into
 * another, and cairo-xlib copies the result into a shared-memory segment
 * for X. Once the allocators have those pages they keep reusing them, but
 * the first frame to need them at a size gets fresh ones from the kernel.
 * On this kind of virtual machine that was about 5,000 page faults: the
 * first frame of the first slider drag at 1920×1080 took 95–130 ms where
 * the next took 8. So, once the window has been quiet for a moment after
 * it appears, changes page or changes size, every widget is redrawn on a
 * few consecutive frames (consecutive, because X may still be reading one
 * frame's segment when the next is written). GTK repaints only what its
 * render nodes say changed, and a label drawn again is the same node, so
 * the owner also adds an empty node over the whole window on these
 * frames (elab_prewarm_snapshot()): every buffer then has the size of the
 * largest frame a person can cause. The pixels do not change; the memory
 * is then warm when a person drags. Anything that changes the document
 * cancels or delays it, and so does any figure drawn meanwhile (a
 * training run, a hover), so it never lands in the middle of a person's
 * frames. */

#include "elab-prewarm.h"
#include "elab-plot-view.h"

/* How long the window must be quiet first, and how many frames to draw. */
#define QUIET_MS 300
#define N_FRAMES 3

struct _ElabPrewarm
{
  GtkWidget             *owner;   /* unowned: the owner frees us first */
  guint                  timeout_id;
  guint                  tick_id;
  guint                  frames_left;
  guint                  runs;
  guint                  figures;    /* figures drawn when the wait began */
  gboolean               drew;       /* for elab_prewarm_take_frame() */
  gboolean               cover;      /* for elab_prewarm_snapshot() */
};

static void
queue_draw_all (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    queue_draw_all (child);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  ElabPrewarm *self = user_data;

  queue_draw_all (self->owner);
  self->drew = self->cover = TRUE;

  if (--self->frames_left > 0)
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  self->runs++;
  return G_SOURCE_REMOVE;
}

static gboolean
quiet_cb (gpointer user_data)
{
  ElabPrewarm *self = user_data;

  self->timeout_id = 0;
  /* Figures were drawn meanwhile (a training run, a hover): not quiet. */
  if (elab_plot_view_get_total_frames () != self->figures)
    {
      elab_prewarm_schedule (self);
      return G_SOURCE_REMOVE;
    }
  if (gtk_widget_get_mapped (self->owner) && self->tick_id == 0)
    {
      self->frames_left = N_FRAMES;
      self->tick_id = gtk_widget_add_tick_callback (self->owner, tick_cb, self, NULL);
    }
  return G_SOURCE_REMOVE;
}

/**
 * elab_prewarm_new:
 * @owner: the window; its frame clock paces the redraws
 *
 * Returns: (transfer full): a helper that does nothing until scheduled.
 * Free it with elab_prewarm_free() before @owner is disposed.
 */
ElabPrewarm *
elab_prewarm_new (GtkWidget *owner)
{
  ElabPrewarm *self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);

  self = g_new0 (ElabPrewarm, 1);
  self->owner = owner;
  return self;
}

void
elab_prewarm_free (ElabPrewarm *self)
{
  if (self == NULL)
    return;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (self->owner, self->tick_id);
  g_free (self);
}

/**
 * elab_prewarm_schedule:
 *
 * Redraw the window once it has been quiet for QUIET_MS (no figure drawn,
 * no change): call it when the window appears, changes page or changes
 * size. A later call restarts the wait.
 */
void
elab_prewarm_schedule (ElabPrewarm *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->figures = elab_plot_view_get_total_frames ();
  self->timeout_id = g_timeout_add (QUIET_MS, quiet_cb, self);
}

/**
 * elab_prewarm_postpone:
 *
 * Something changed: a person is at work and draws the frames anyway.
 * A redraw that is waiting waits again; one under way stops and starts
 * over after the next quiet period.
 */
void
elab_prewarm_postpone (ElabPrewarm *self)
{
  g_return_if_fail (self != NULL);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (self->owner, self->tick_id);
      self->tick_id = 0;
      elab_prewarm_schedule (self);
    }
  else if (self->timeout_id != 0)
    elab_prewarm_schedule (self);
}

/**
 * elab_prewarm_snapshot:
 *
 * Call at the end of the owner's snapshot. On a prewarm frame it adds a
 * node that draws nothing over the whole owner: a Cairo node always
 * differs from the last frame's, so GTK repaints everything under it.
 */
void
elab_prewarm_snapshot (ElabPrewarm *self,
                       GtkSnapshot *snapshot)
{
  int width, height;

  g_return_if_fail (self != NULL);

  width = gtk_widget_get_width (self->owner);
  height = gtk_widget_get_height (self->owner);
  if (!self->cover || width <= 0 || height <= 0)
    return;

  self->cover = FALSE;
  cairo_destroy (gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height)));
}

/**
 * elab_prewarm_take_frame:
 *
 * Returns: whether a redraw was asked for since the last call, so that
 * frame statistics can leave out frames that show nothing new.
 */
gboolean
elab_prewarm_take_frame (ElabPrewarm *self)
{
  gboolean drew;

  g_return_val_if_fail (self != NULL, FALSE);

  drew = self->drew;
  self->drew = FALSE;
  return drew;
}

/* Returns: how many redraws have run to the end. */
guint
elab_prewarm_get_runs (ElabPrewarm *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->runs;
}
