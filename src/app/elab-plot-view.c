/* elab-plot-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A widget that hands its Cairo context to the plot layer: once per frame,
 * from snapshot, through the same elab_figure_draw() the exporter uses.
 * The ElabFigure keeps its sample arrays from frame to frame, so a drag
 * never allocates beyond the render node GTK itself records.
 */
#define G_LOG_DOMAIN "elab-plot-view"

#include "elab-config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "elab-plot-view.h"
#include "elab-debug.h"

struct _ElabPlotView
{
  GtkWidget          parent_instance;

  /* Owned */
  ElabDocument      *document;
  ElabFigure        *figure;
  gulong             changed_id;
  gulong             dark_id;

  ElabTrainingRun   *run;            /* the training figures' */

  char              *caption;       /* a scene's caption, or NULL */
  char              *caption_room;  /* the caption the figure keeps room for, or NULL */
  char              *status;        /* for screen readers, or NULL */
  char              *status_next;   /* held back, told when status_source fires */
  guint              status_source;
  gint64             status_us;     /* when the status was last told */
  /* The caption as screen readers find it: a child that draws nothing,
   * placed where the last frame drew the caption's box. */
  GtkWidget         *caption_label;
  double             caption_box[4];
  /* Weak: controls floating over the figure's bottom left, which the
   * caption keeps clear of (presentation mode). */
  GtkWidget         *caption_cover;
  /* A question's guess: a click places it while guessing; the answer is
   * drawn beside it once revealed. */
  gboolean           guessing;
  double             guess_x;
  ElabAnswer         truth;
  gboolean           presentation;  /* large type, thick lines, light */

  ElabFigureKind     kind;
  double             hover_x;
  double             hover_p;
  /* Presentation mode: the cross-hair goes when the pointer rests. */
  guint              rest_source;
  gboolean           rested;
  double             pointer_x;
  double             pointer_y;
  gboolean           dark;

  gint64             last_draw_us;
  gint64             max_draw_us;
  guint              n_frames;
};

enum {
  PROP_0,
  PROP_FIGURE_KIND,
  PROP_HOVER_X,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ElabPlotView, elab_plot_view, GTK_TYPE_WIDGET)

static void update_accessible (ElabPlotView *self);
static void elab_plot_view_root (GtkWidget *widget);

static const char *
describe_figure (ElabFigureKind kind)
{
  switch (kind)
    {
    case ELAB_FIGURE_ENTROPY:
      return "Entropy figure: the probability σ(θx + b) of each shown model over x, "
             "its binary entropy H over x, and the entropy arch H(p) over p from 0 to 1 "
             "with each model's point at the hovered x.";
    case ELAB_FIGURE_CROSS_ENTROPY:
      return "Cross-entropy figure: H(p), H(q), H(p,q) and H(q,p) over x, with the "
             "KL divergence gap between H(p,q) and H(p) shaded.";
    case ELAB_FIGURE_SOFTMAX:
      return "Softmax figure: bars of the softmax probabilities of each class beside "
             "the target distribution, with the entropy against its log K maximum.";
    case ELAB_FIGURE_TRAINING:
      return "Training figure: the data points with the fitted curve σ(w·x + b) and "
             "the loss over the iterations.";
    case ELAB_FIGURE_LANDSCAPE:
      return "Loss landscape over w and b with the optimizer's path.";
    case ELAB_FIGURE_TRAINING_BOTH:
      return "The training figure and the loss landscape side by side.";
    case ELAB_N_FIGURES:
    default:
      return "Figure";
    }
}

static ElabChange
relevant_changes (ElabFigureKind kind)
{
  ElabChange common = ELAB_CHANGE_UNIT | ELAB_CHANGE_LOOK;

  switch (kind)
    {
    case ELAB_FIGURE_ENTROPY:
      return common | ELAB_CHANGE_MODELS | ELAB_CHANGE_RANGE;
    case ELAB_FIGURE_CROSS_ENTROPY:
      return common | ELAB_CHANGE_PAIR | ELAB_CHANGE_RANGE;
    case ELAB_FIGURE_SOFTMAX:
      return common | ELAB_CHANGE_SOFTMAX;
    case ELAB_FIGURE_TRAINING:
    case ELAB_FIGURE_LANDSCAPE:
    case ELAB_N_FIGURES:
    default:
      return ELAB_CHANGE_ALL;
    }
}

static void
set_hover (ElabPlotView *self,
           double        hover_x,
           double        hover_p)
{
  gboolean x_changed = !(hover_x == self->hover_x || (isnan (hover_x) && isnan (self->hover_x)));
  gboolean p_changed = !(hover_p == self->hover_p || (isnan (hover_p) && isnan (self->hover_p)));

  if (!x_changed && !p_changed)
    return;

  self->hover_x = hover_x;
  self->hover_p = hover_p;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (x_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_X]);
}

/* Seconds of a resting pointer after which a presentation figure drops
 * its cross-hair: a pointer left on the figure must not hold a read-out
 * over the lesson. */
#define REST_SECONDS 2

static gboolean
rest_cb (gpointer user_data)
{
  ElabPlotView *self = user_data;

  self->rest_source = 0;
  self->rested = TRUE;
  set_hover (self, NAN, NAN);
  return G_SOURCE_REMOVE;
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           ElabPlotView             *self)
{
  gboolean moved = x != self->pointer_x || y != self->pointer_y;
  double hx = NAN;
  double hp = NAN;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->presentation)
    {
      /* GTK repeats the position when the layout changes under a still
       * pointer: that is no reason to bring the cross-hair back. */
      if (!moved && self->rested)
        return;
      self->rested = FALSE;
      g_clear_handle_id (&self->rest_source, g_source_remove);
      self->rest_source = g_timeout_add_seconds (REST_SECONDS, rest_cb, self);
    }

  /* The pick answers from the layout of the last frame, which is what the
   * pointer is over. Before the first frame there is nothing to pick. */
  if (self->n_frames == 0 || !elab_figure_pick (self->figure, x, y, &hx, &hp))
    hx = hp = NAN;

  set_hover (self, hx, hp);
}

static void
leave_cb (GtkEventControllerMotion *motion,
          ElabPlotView             *self)
{
  set_hover (self, NAN, NAN);
}

static void
document_changed_cb (ElabDocument *document,
                     guint         what,
                     ElabPlotView *self)
{
  if (what & relevant_changes (self->kind))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dark_changed_cb (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 ElabPlotView    *self)
{
  gboolean dark = adw_style_manager_get_dark (manager);

  if (dark != self->dark)
    {
      self->dark = dark;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            ElabPlotView    *self)
{
  double gx, gp;

  if (!self->guessing || self->n_frames == 0 || !elab_figure_pick (self->figure, x, y, &gx, &gp) ||
      !isfinite (gx))
    return;
  self->guess_x = gx;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
elab_plot_view_set_guess (ElabPlotView     *self,
                          gboolean          guessing,
                          const ElabAnswer *truth,
                          gboolean          forget)
{
  g_return_if_fail (ELAB_IS_PLOT_VIEW (self));

  self->guessing = guessing;
  if (forget)
    self->guess_x = NAN;
  self->truth = truth != NULL ? *truth : ELAB_ANSWER_INIT;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
elab_plot_view_get_style (ElabPlotView    *self,
                          ElabFigureStyle *res)
{
  g_return_if_fail (ELAB_IS_PLOT_VIEW (self));
  g_return_if_fail (res != NULL);

  *res = ELAB_FIGURE_STYLE_INIT;
  res->theme = self->dark ? ELAB_THEME_DARK : ELAB_THEME_LIGHT;
  if (self->document != NULL)
    res->palette = elab_document_get_state (self->document)->palette;
  res->caption = self->caption;
  res->caption_room = self->caption_room;
  res->guess_x = self->guess_x;
  res->truth = self->truth;
  /* The run moves only while the page plays it. */
  res->paused = self->run != NULL && !elab_training_run_get_playing (self->run);
  if (self->presentation)
    {
      /* A projector washes out a dark figure and thin lines. */
      res->theme = ELAB_THEME_LIGHT;
      /* The Training page's two figures share the screen, each with many
       * panels and legends: their type grows less, so that the panels keep
       * their room (at 1.6 the per-example panel was 20 px tall at 1280×720). */
      res->type_scale = elab_figure_kind_is_training (self->kind) ? 1.25 : 1.6;
      res->line_scale = 2.0;
      /* The numbers substituted into the formula are the lesson, large
       * enough for the back row, where the figure has room for them: 1100
       * px wide and more (on a 1024×768 projector they took half the
       * plots' height). A lesson's scene decides for itself: a question
       * must not show the numbers it asks for. */
      res->formula = self->caption == NULL && gtk_widget_get_width (GTK_WIDGET (self)) >= 1100;
    }
}

/* A scene's caption is drawn on the figure; a screen reader reads it
 * after what the figure shows, on a line of its own. The status goes on
 * the first line, after the figure's description: in presentation mode,
 * where the read-outs are folded away, it is what tells where a run is. */
static void
update_accessible (ElabPlotView *self)
{
  static const char *labels[] = {
    "Entropy figure", "Cross-entropy figure", "Softmax figure",
    "Training figure", "Loss landscape figure",
  };
  g_autoptr(GString) description = g_string_new (describe_figure (self->kind));

  if (self->status != NULL)
    g_string_append_printf (description, " Now: %s.", self->status);
  if (self->caption != NULL)
    g_string_append_printf (description, "\n%s", self->caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, labels[self->kind],
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

/* A status that changes every frame (a run's step) is told this often
 * at most: each change is a message on the accessibility bus. */
#define STATUS_INTERVAL_US (G_USEC_PER_SEC / 4)

static void
tell_status (ElabPlotView *self,
             const char   *status)
{
  g_clear_handle_id (&self->status_source, g_source_remove);
  g_clear_pointer (&self->status_next, g_free);
  self->status_us = g_get_monotonic_time ();
  /* None for the same text. */
  if (g_strcmp0 (status, self->status) == 0)
    return;

  g_free (self->status);
  self->status = g_strdup (status);
  update_accessible (self);
}

static gboolean
status_timeout_cb (gpointer user_data)
{
  ElabPlotView *self = user_data;
  g_autofree char *status = g_steal_pointer (&self->status_next);

  self->status_source = 0;
  tell_status (self, status);
  return G_SOURCE_REMOVE;
}

void
elab_plot_view_set_status (ElabPlotView *self,
                           const char   *status,
                           gboolean      at_once)
{
  gint64 since;

  g_return_if_fail (ELAB_IS_PLOT_VIEW (self));

  since = g_get_monotonic_time () - self->status_us;
  if (at_once || since >= STATUS_INTERVAL_US)
    {
      tell_status (self, status);
      return;
    }

  /* The last one seen when the interval is up: the last word is never lost. */
  g_free (self->status_next);
  self->status_next = g_strdup (status);
  if (self->status_source == 0)
    self->status_source = g_timeout_add ((guint) ((STATUS_INTERVAL_US - since) / 1000) + 1,
                                         status_timeout_cb, self);
}

void
elab_plot_view_set_caption (ElabPlotView *self,
                            const char   *caption,
                            const char   *room)
{
  g_return_if_fail (ELAB_IS_PLOT_VIEW (self));

  if (caption != NULL && caption[0] == '\0')
    caption = NULL;
  if (caption == NULL || (room != NULL && room[0] == '\0'))
    room = NULL;
  if (g_strcmp0 (room, self->caption_room) != 0)
    {
      g_free (self->caption_room);
      self->caption_room = g_strdup (room);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  if (g_strcmp0 (caption, self->caption) == 0)
    return;

  g_free (self->caption);
  self->caption = g_strdup (caption);
  update_accessible (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->caption_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, caption != NULL ? caption : "",
                                  -1);
  gtk_widget_set_visible (self->caption_label, caption != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
elab_plot_view_set_caption_cover (ElabPlotView *self,
                                  GtkWidget    *cover)
{
  g_return_if_fail (ELAB_IS_PLOT_VIEW (self));
  g_return_if_fail (cover == NULL || GTK_IS_WIDGET (cover));

  if (g_set_weak_pointer (&self->caption_cover, cover))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
elab_plot_view_get_caption (ElabPlotView *self)
{
  g_return_val_if_fail (ELAB_IS_PLOT_VIEW (self), NULL);

  return self->caption;
}

void
elab_plot_view_set_presentation (ElabPlotView *self,
                                 gboolean      presentation)
{
  g_return_if_fail (ELAB_IS_PLOT_VIEW (self));

  presentation = !!presentation;
  if (self->presentation == presentation)
    return;

  self->presentation = presentation;
  g_clear_handle_id (&self->rest_source, g_source_remove);
  self->rested = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
elab_plot_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  ElabPlotView *self = ELAB_PLOT_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  ElabFigureStyle style;
  graphene_rect_t cover;
  double box[4] = { 0, 0, 0, 0 };
  cairo_t *cr;
  gint64 start, elapsed;

  if (self->document == NULL || width <= 0 || height <= 0)
    return;

  elab_plot_view_get_style (self, &style);
  style.hover_x = self->hover_x;
  style.hover_p = self->hover_p;
  /* GTK applies the window's scale when it replays the figure: cached
   * image layers are made at that resolution. */
  style.pixel_scale = gtk_widget_get_scale_factor (widget);
  /* The cover's place, not whether it is revealed this moment: the
   * caption keeps its place while the controls come and go. */
  if (self->caption != NULL && self->caption_cover != NULL &&
      gtk_widget_get_visible (self->caption_cover) &&
      gtk_widget_compute_bounds (self->caption_cover, widget, &cover))
    style.caption_left = cover.origin.x + cover.size.width;

  start = g_get_monotonic_time ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  elab_figure_draw (self->figure, cr, width, height,
                    elab_document_get_state (self->document),
                    elab_plot_view_get_trainer (self), &style);
  cairo_destroy (cr);
  elapsed = g_get_monotonic_time () - start;

  elab_debug_figure_drawn (elab_figure_kind_to_string (self->kind), self->n_frames, elapsed);
  self->last_draw_us = elapsed;
  self->max_draw_us = MAX (self->max_draw_us, elapsed);
  self->n_frames++;

  elab_figure_get_caption_box (self->figure, box);
  if (memcmp (box, self->caption_box, sizeof box) != 0)
    {
      memcpy (self->caption_box, box, sizeof box);
      gtk_widget_queue_allocate (widget);
    }
}

static void
elab_plot_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  ElabPlotView *self = ELAB_PLOT_VIEW (widget);
  const double *b = self->caption_box;

  if (gtk_widget_should_layout (self->caption_label))
    {
      /* It draws nothing and asks for no size: measured only because GTK
       * wants every widget measured before it is allocated. */
      gtk_widget_measure (self->caption_label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (self->caption_label,
                                &(GtkAllocation) { (int) b[0], (int) b[1], (int) b[2], (int) b[3] },
                                -1);
    }
}

static void
elab_plot_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  /* 300 px wide: the Training page's two figures beside its side panel
   * still fit a 1024 px screen. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 300;
      *natural = 900;
    }
  else
    {
      *minimum = 280;
      *natural = 640;
    }
}

static void
elab_plot_view_dispose (GObject *object)
{
  ElabPlotView *self = ELAB_PLOT_VIEW (object);

  elab_debug_figure_done (elab_figure_kind_to_string (self->kind), self->n_frames,
                          self->last_draw_us, self->max_draw_us);

  elab_plot_view_set_document (self, NULL);
  elab_plot_view_set_training_run (self, NULL);
  g_clear_weak_pointer (&self->caption_cover);
  g_clear_pointer (&self->caption_label, gtk_widget_unparent);
  g_clear_signal_handler (&self->dark_id, adw_style_manager_get_default ());
  g_clear_handle_id (&self->rest_source, g_source_remove);
  g_clear_handle_id (&self->status_source, g_source_remove);
  g_clear_pointer (&self->figure, elab_figure_free);
  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->caption_room, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->status_next, g_free);

  G_OBJECT_CLASS (elab_plot_view_parent_class)->dispose (object);
}

static void
elab_plot_view_constructed (GObject *object)
{
  ElabPlotView *self = ELAB_PLOT_VIEW (object);

  G_OBJECT_CLASS (elab_plot_view_parent_class)->constructed (object);

  self->figure = elab_figure_new (self->kind);
  update_accessible (self);
}

static void
elab_plot_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ElabPlotView *self = ELAB_PLOT_VIEW (object);

  switch (prop_id)
    {
    case PROP_FIGURE_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_HOVER_X:
      g_value_set_double (value, self->hover_x);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
elab_plot_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ElabPlotView *self = ELAB_PLOT_VIEW (object);

  switch (prop_id)
    {
    case PROP_FIGURE_KIND:
      self->kind = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
elab_plot_view_class_init (ElabPlotViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = elab_plot_view_constructed;
  object_class->dispose = elab_plot_view_dispose;
  object_class->get_property = elab_plot_view_get_property;
  object_class->set_property = elab_plot_view_set_property;

  widget_class->snapshot = elab_plot_view_snapshot;
  widget_class->root = elab_plot_view_root;
  widget_class->measure = elab_plot_view_measure;
  widget_class->size_allocate = elab_plot_view_size_allocate;

  /* Which figure the view draws, fixed by its page's template. */
  properties[PROP_FIGURE_KIND] =
    g_param_spec_uint ("figure-kind", NULL, NULL,
                       0, ELAB_N_FIGURES - 1, ELAB_FIGURE_ENTROPY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVER_X] =
    g_param_spec_double ("hover-x", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "plotview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

/* The name set in init may precede the accessible context AT-SPI exports
 * (the Entropy figure was announced as plain "Figure"): set it again once
 * the view is in a window. */
static void
elab_plot_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (elab_plot_view_parent_class)->root (widget);
  update_accessible (ELAB_PLOT_VIEW (widget));
}

static void
elab_plot_view_init (ElabPlotView *self)
{
  GtkEventController *motion;
  GtkGesture *click;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->hover_x = NAN;
  self->hover_p = NAN;
  self->guess_x = NAN;
  self->truth = ELAB_ANSWER_INIT;
  self->dark = adw_style_manager_get_dark (manager);
  self->dark_id = g_signal_connect (manager, "notify::dark",
                                    G_CALLBACK (dark_changed_cb), self);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  self->caption_label = g_object_new (GTK_TYPE_DRAWING_AREA,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_LABEL,
                                      "can-target", FALSE,
                                      "visible", FALSE,
                                      NULL);
  gtk_widget_set_parent (self->caption_label, GTK_WIDGET (self));

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

void
elab_plot_view_set_document (ElabPlotView *self,
                             ElabDocument *document)
{
  g_return_if_fail (ELAB_IS_PLOT_VIEW (self));
  g_return_if_fail (document == NULL || ELAB_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->changed_id = g_signal_connect (document, "changed",
                                         G_CALLBACK (document_changed_cb), self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

ElabFigureKind
elab_plot_view_get_figure_kind (ElabPlotView *self)
{
  g_return_val_if_fail (ELAB_IS_PLOT_VIEW (self), ELAB_FIGURE_ENTROPY);

  return self->kind;
}

void
elab_plot_view_set_training_run (ElabPlotView    *self,
                                 ElabTrainingRun *run)
{
  g_return_if_fail (ELAB_IS_PLOT_VIEW (self));
  g_return_if_fail (run == NULL || ELAB_IS_TRAINING_RUN (run));

  if (self->run == run)
    return;

  if (self->run != NULL)
    g_signal_handlers_disconnect_by_func (self->run, gtk_widget_queue_draw, self);
  g_set_object (&self->run, run);
  /* Every step, reset and new trainer: drawn in the next frame. */
  if (run != NULL)
    g_signal_connect_swapped (run, "changed", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

ElabTrainingRun *
elab_plot_view_get_training_run (ElabPlotView *self)
{
  g_return_val_if_fail (ELAB_IS_PLOT_VIEW (self), NULL);

  return self->run;
}

const ElabTrainer *
elab_plot_view_get_trainer (ElabPlotView *self)
{
  g_return_val_if_fail (ELAB_IS_PLOT_VIEW (self), NULL);

  return self->run != NULL ? elab_training_run_get_trainer (self->run) : NULL;
}

double
elab_plot_view_get_hover_x (ElabPlotView *self)
{
  g_return_val_if_fail (ELAB_IS_PLOT_VIEW (self), NAN);

  return self->hover_x;
}

void
elab_plot_view_get_draw_stats (ElabPlotView *self,
                               gint64       *last_us,
                               gint64       *max_us,
                               guint        *n_frames)
{
  g_return_if_fail (ELAB_IS_PLOT_VIEW (self));

  if (last_us != NULL)
    *last_us = self->last_draw_us;
  if (max_us != NULL)
    *max_us = self->max_draw_us;
  if (n_frames != NULL)
    *n_frames = self->n_frames;
}
