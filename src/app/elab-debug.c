/* elab-debug.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the benchmarks under tests/bench read from the window, each off
 * unless its variable is set:
 *   ELAB_STARTUP_TRACE with ELAB_STARTUP_T0_NS (as startup.sh sets it):
 *     start-up milestones, in ms since exec, on stderr;
 *   ELAB_STARTUP_PROBE: print the first painted frame's time and quit;
 *   ELAB_FRAME_STATS: the time of every frame that shows a change, and
 *     each figure's draw times, on stdout when the window goes.
 */
#define G_LOG_DOMAIN "elab-debug"

#include <stdlib.h>

#include "elab-debug.h"

typedef struct
{
  GtkWidget     *window;        /* unowned: stopped at its unmap */
  GdkFrameClock *clock;
  gulong         probe_id;
  gulong         paint_id;

  /* The time of every frame that shows a changed parameter or a new
   * figure (a training run), from the change or the frame clock's first
   * phase, whichever comes first, to the end of its paint (GSK rendering
   * included). */
  gint64         frame_start;
  gboolean       frame_changed;
  guint          figures_seen;
  gint64         stats_from;
  guint          n_frame_times;
  gint64         frame_times[4096];
  gint64         first_counted;  /* end of the first and last counted frames */
  gint64         last_counted;
} ElabDebugFrames;

/* What elab_debug_watch_frames() keeps for a window. */
typedef struct
{
  ElabDocument    *document;
  ElabDebugFrames *frames;      /* while the window is mapped */
} FramesWatch;

/* Figures drawn by all plot views together. */
static guint total_figures;

void
elab_debug_trace (const char *what)
{
  static int enabled = -1;
  const char *t0;

  if (enabled < 0)
    enabled = g_getenv ("ELAB_STARTUP_TRACE") != NULL;
  if (!enabled || (t0 = g_getenv ("ELAB_STARTUP_T0_NS")) == NULL)
    return;
  g_printerr ("elab-startup: %-12s %.1f ms\n", what,
              (g_get_real_time () * 1000.0 - g_ascii_strtod (t0, NULL)) / 1e6);
}

static void
after_first_paint_cb (GdkFrameClock   *clock,
                      ElabDebugFrames *self)
{
  const char *t0 = g_getenv ("ELAB_STARTUP_T0_NS");
  gint64 now = g_get_real_time ();

  g_clear_signal_handler (&self->probe_id, clock);
  /* For tests/bench/startup.sh: the first painted frame, then leave. */
  if (t0 != NULL)
    g_print ("startup-ms %.1f\n", (now * 1000.0 - g_ascii_strtod (t0, NULL)) / 1e6);
  g_application_quit (g_application_get_default ());
}

/* Whichever phase a frame starts with: events, a tick, a layout. */
static void
frame_phase_cb (GdkFrameClock   *clock,
                ElabDebugFrames *self)
{
  if (self->frame_start == 0)
    self->frame_start = g_get_monotonic_time ();
}

/* Only frames that show a change count, a parameter or a new figure (a
 * training run changes no parameter). The window's first second (fonts,
 * CSS, first layouts) is start-up, which tests/bench/startup.sh measures. */
static void
frame_painted_cb (GdkFrameClock   *clock,
                  ElabDebugFrames *self)
{
  if (self->frame_start != 0 && self->frame_start >= self->stats_from
      && (self->frame_changed || total_figures != self->figures_seen))
    {
      gint64 now = g_get_monotonic_time ();

      if (self->n_frame_times == 0)
        self->first_counted = now;
      self->last_counted = now;
      self->frame_times[self->n_frame_times++ % G_N_ELEMENTS (self->frame_times)] =
        now - self->frame_start;
    }
  self->frame_start = 0;
  self->frame_changed = FALSE;
  self->figures_seen = total_figures;
}

static ElabDebugFrames *
frames_start (GtkWidget *window)
{
  static const char *phases[] = { "flush-events", "before-paint", "update", "layout" };
  gboolean stats = g_getenv ("ELAB_FRAME_STATS") != NULL;
  gboolean probe = g_getenv ("ELAB_STARTUP_PROBE") != NULL;
  ElabDebugFrames *self = g_new0 (ElabDebugFrames, 1);

  self->window = window;
  self->clock = g_object_ref (gtk_widget_get_frame_clock (window));
  if (stats)
    {
      self->stats_from = g_get_monotonic_time () + G_USEC_PER_SEC;
      for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
        g_signal_connect (self->clock, phases[i], G_CALLBACK (frame_phase_cb), self);
      self->paint_id = g_signal_connect (self->clock, "after-paint", G_CALLBACK (frame_painted_cb), self);
    }
  if (probe)
    self->probe_id = g_signal_connect (self->clock, "after-paint", G_CALLBACK (after_first_paint_cb), self);
  return self;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
print_frame_stats (ElabDebugFrames *self)
{
  guint n = MIN (self->n_frame_times, G_N_ELEMENTS (self->frame_times));
  guint over = 0;
  double span, first_ms;

  if (n == 0)
    return;
  /* The first frame of a drag is the one that finds memory cold. */
  first_ms = self->frame_times[0] / 1000.0;

  for (guint i = 0; i < n; i++)
    over += self->frame_times[i] > 16000;

  qsort (self->frame_times, n, sizeof (gint64), compare_gint64);
  /* Frames per second from the first counted frame to the last. */
  span = (self->last_counted - self->first_counted) / (double) G_USEC_PER_SEC;
  g_print ("elab-frame-stats: frames=%u median_ms=%.2f p95_ms=%.2f max_ms=%.2f over_16ms=%u per_s=%.1f first_ms=%.2f\n",
           n, self->frame_times[n / 2] / 1000.0, self->frame_times[(n * 95) / 100] / 1000.0,
           self->frame_times[n - 1] / 1000.0, over, span > 0 ? (self->n_frame_times - 1) / span : 0.0,
           first_ms);
}

void
elab_debug_step_stats (gint64 *step_us,
                       guint   n,
                       gsize   n_rows)
{
  if (n == 0 || g_getenv ("ELAB_FRAME_STATS") == NULL)
    return;

  qsort (step_us, n, sizeof (gint64), compare_gint64);
  g_print ("elab-frame-stats: training-steps frames=%u rows=%" G_GSIZE_FORMAT " median_ms=%.2f p95_ms=%.2f max_ms=%.2f\n",
           n, n_rows, step_us[n / 2] / 1000.0, step_us[(n * 95) / 100] / 1000.0, step_us[n - 1] / 1000.0);
}

static void
frames_stop (ElabDebugFrames *self)
{
  g_signal_handlers_disconnect_by_func (self->clock, frame_phase_cb, self);
  g_clear_signal_handler (&self->paint_id, self->clock);
  g_clear_signal_handler (&self->probe_id, self->clock);
  print_frame_stats (self);
  g_object_unref (self->clock);
  g_free (self);
}

/* A parameter changed: the frame that shows it counts. */
static void
frames_note_change (FramesWatch *watch)
{
  ElabDebugFrames *self = watch->frames;

  /* The pointer event may be handled before the frame begins. */
  if (self == NULL || self->paint_id == 0)
    return;
  if (self->frame_start == 0)
    self->frame_start = g_get_monotonic_time ();
  self->frame_changed = TRUE;
}

/* After the window's own map: its frame clock is there. */
static void
watch_map_cb (GtkWidget   *window,
              FramesWatch *watch)
{
  if (watch->frames == NULL)
    watch->frames = frames_start (window);
}

static void
watch_unmap_cb (GtkWidget   *window,
                FramesWatch *watch)
{
  g_clear_pointer (&watch->frames, frames_stop);
}

static void
watch_free (gpointer  data,
            GClosure *closure)
{
  FramesWatch *watch = data;

  g_clear_pointer (&watch->frames, frames_stop);
  g_signal_handlers_disconnect_by_data (watch->document, watch);
  g_object_unref (watch->document);
  g_free (watch);
}

void
elab_debug_watch_frames (GtkWidget    *window,
                         ElabDocument *document)
{
  FramesWatch *watch;

  g_return_if_fail (GTK_IS_WIDGET (window));
  g_return_if_fail (ELAB_IS_DOCUMENT (document));

  if (g_getenv ("ELAB_FRAME_STATS") == NULL && g_getenv ("ELAB_STARTUP_PROBE") == NULL)
    return;

  watch = g_new0 (FramesWatch, 1);
  watch->document = g_object_ref (document);
  g_signal_connect_swapped (document, "changed", G_CALLBACK (frames_note_change), watch);
  /* Freed with the window's handlers, at its finalize. */
  g_signal_connect_data (window, "map", G_CALLBACK (watch_map_cb), watch, watch_free, 0);
  g_signal_connect (window, "unmap", G_CALLBACK (watch_unmap_cb), watch);
}

void
elab_debug_figure_drawn (const char *figure,
                         guint       n_frames,
                         gint64      elapsed_us)
{
  total_figures++;
  if (n_frames == 0 && g_getenv ("ELAB_STARTUP_TRACE") != NULL)
    g_printerr ("elab-startup: first %s figure drawn in %.1f ms\n", figure, elapsed_us / 1000.0);
}

void
elab_debug_figure_done (const char *figure,
                        guint       n_frames,
                        gint64      last_us,
                        gint64      max_us)
{
  if (g_getenv ("ELAB_FRAME_STATS") != NULL && n_frames > 0)
    g_print ("elab-frame-stats: figure=%s frames=%u last_ms=%.3f max_ms=%.3f\n",
             figure, n_frames, last_us / 1000.0, max_us / 1000.0);
}
