/* test-loss-scale.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Training figure's loss over the steps on a log axis, checked in
 * pixels drawn without text: only the loss panel changes, every point of
 * the history is drawn where the log axis puts it, a loss that falls
 * towards 0 (separable data) stays well above the floor where a linear
 * axis flattens it, and a loss of 1e-308 draws finite, inside the panel.
 * (0 and negative values, clamped to the bottom, are in test-axis.c.)
 */

#include <string.h>

#include "elab-figure-private.h"
#include "elab-trainer.h"

#include "plot-test-util.h"

/* From elab-figure-training.c. */
gboolean _elab_figure_training_get_loss_panel (const ElabFigure *figure,
                                               ElabPanel        *res);

#define W 1200
#define H 700
/* A curve pixel: every channel within this of the series colour. */
#define COLOUR_TOLERANCE 40

static cairo_surface_t *
render (ElabFigure        *figure,
        const ElabState   *state,
        const ElabTrainer *trainer)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;

  style.draw_text = FALSE;
  elab_figure_draw (figure, cr, W, H, state, trainer, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static ElabTrainer *
train (ElabState *state)
{
  g_autoptr(GError) error = NULL;
  ElabTrainer *trainer;

  g_assert_true (elab_state_validate (state, &error));
  trainer = elab_trainer_new_for_state (state, &error);
  g_assert_no_error (error);
  elab_trainer_step (trainer, state->steps);
  return trainer;
}

/* Whether a pixel within @r of (x, y) has @colour (opaque ARGB32). */
static gboolean
colour_near (cairo_surface_t *surface,
             double           x,
             double           y,
             int              r,
             const ElabRgba  *colour)
{
  int cr = (int) round (colour->r * 255), cg = (int) round (colour->g * 255);
  int cb = (int) round (colour->b * 255);

  for (int j = (int) floor (y) - r; j <= (int) ceil (y) + r; j++)
    for (int i = (int) floor (x) - r; i <= (int) ceil (x) + r; i++)
      {
        guint32 p;

        if (i < 0 || j < 0 || i >= W || j >= H)
          continue;
        p = pixel (surface, i, j);
        if (ABS ((int) ((p >> 16) & 0xff) - cr) <= COLOUR_TOLERANCE &&
            ABS ((int) ((p >> 8) & 0xff) - cg) <= COLOUR_TOLERANCE &&
            ABS ((int) (p & 0xff) - cb) <= COLOUR_TOLERANCE)
          return TRUE;
      }
  return FALSE;
}

/* Every history point is a finite position inside the panel with the
 * current fit's colour on or next to it. Returns the height above the
 * panel's bottom of the point nearest @step_frac of the run, as a
 * fraction of the panel's height. */
static double
check_history_drawn (ElabFigure        *figure,
                     cairo_surface_t   *surface,
                     const ElabTrainer *trainer,
                     const ElabPanel   *panel,
                     double             step_frac)
{
  const ElabRgba *fit = _elab_theme_series (&figure->theme, 0);
  const ElabRect *a = &panel->area;
  const ElabTrainPoint *hist;
  gsize n = 0, at;
  double x, y;

  hist = elab_trainer_get_history (trainer, &n);
  g_assert_cmpuint (n, >=, 1);
  for (gsize i = 0; i < n; i += MAX (1, n / 40))
    {
      /* The figure draws bits; the history is in nats. */
      x = _elab_axis_to_px (&panel->x, (double) hist[i].step);
      y = _elab_axis_to_px (&panel->y, _elab_axis_value (&panel->y, hist[i].loss / G_LN2));
      g_assert_true (isfinite (x) && isfinite (y));
      g_assert_cmpfloat (x, >=, a->x - 1);
      g_assert_cmpfloat (x, <=, a->x + a->width + 1);
      g_assert_cmpfloat (y, >=, a->y - 1);
      g_assert_cmpfloat (y, <=, a->y + a->height + 1);
      if (!colour_near (surface, x, y, 3, fit))
        g_error ("history point %" G_GSIZE_FORMAT " (step %" G_GUINT64_FORMAT ", loss %g) "
                 "not drawn at (%.1f, %.1f)", i, hist[i].step, hist[i].loss, x, y);
    }

  at = MIN (n - 1, (gsize) (step_frac * (n - 1)));
  y = _elab_axis_to_px (&panel->y, _elab_axis_value (&panel->y, hist[at].loss / G_LN2));
  return (a->y + a->height - y) / a->height;
}

static void
separable_state (ElabState *state)
{
  elab_state_init_default (state);
  state->page = ELAB_PAGE_TRAINING;
  g_strlcpy (state->dataset, "iris-setosa", sizeof state->dataset);
  state->standardize = TRUE;
  state->learning_rate = 1.0;
  state->steps = 1000;
}

static void
test_log_differs (void)
{
  g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_TRAINING);
  g_autoptr(ElabTrainer) trainer = NULL;
  cairo_surface_t *linear, *log;
  ElabPanel lin_panel, log_panel;
  ElabState state;
  guint n_diff = 0, n_left_diff = 0;
  double lin_mid, log_mid;

  separable_state (&state);
  trainer = train (&state);
  g_assert_cmpint (elab_trainer_get_status (trainer), ==, ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM);

  linear = render (figure, &state, trainer);
  g_assert_true (_elab_figure_training_get_loss_panel (figure, &lin_panel));
  g_assert_false (lin_panel.y.log);
  lin_mid = check_history_drawn (figure, linear, trainer, &lin_panel, 0.25);

  state.loss_scale = ELAB_LOSS_SCALE_LOG;
  log = render (figure, &state, trainer);
  g_assert_true (_elab_figure_training_get_loss_panel (figure, &log_panel));
  g_assert_true (log_panel.y.log);
  g_assert_cmpuint (log_panel.y.n_ticks, >=, 3);
  g_assert_cmpuint (log_panel.y.n_minor, >, 0);
  log_mid = check_history_drawn (figure, log, trainer, &log_panel, 0.25);

  /* The same panel, only its y axis differs. */
  g_assert_cmpmem (&lin_panel.area, sizeof lin_panel.area, &log_panel.area, sizeof log_panel.area);

  /* A quarter of the way through the run the loss is about 0.02 bits: on
   * a linear axis it has flattened onto the floor, on the log axis it is
   * still clearly descending. */
  g_test_message ("loss at a quarter: %.3f of the panel up (linear), %.3f (log)", lin_mid, log_mid);
  g_assert_cmpfloat (lin_mid, <, 0.05);
  g_assert_cmpfloat (log_mid, >, 0.15);

  /* Only the loss panel changed: the data, the bars and the legend are
   * the same pixels. */
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      if (pixel (linear, x, y) != pixel (log, x, y))
        {
          n_diff++;
          if (x < log_panel.area.x - log_panel.area.width * 0.3 ||
              y > log_panel.area.y + log_panel.area.height * 1.3)
            n_left_diff++;
        }
  g_test_message ("%u pixels differ, %u outside the loss panel", n_diff, n_left_diff);
  g_assert_cmpuint (n_diff, >, (guint) (0.02 * log_panel.area.width * log_panel.area.height));
  g_assert_cmpuint (n_left_diff, ==, 0);

  cairo_surface_destroy (linear);
  cairo_surface_destroy (log);
}

/* Newton on separable data: the loss falls by a factor of ~100 a step
 * to 1e-8 bits; every decade is on the axis and every point drawn. */
static void
test_log_newton_decades (void)
{
  g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_TRAINING);
  g_autoptr(ElabTrainer) trainer = NULL;
  cairo_surface_t *surface;
  ElabPanel panel;
  ElabState state;

  separable_state (&state);
  state.optimizer = ELAB_OPTIMIZER_NEWTON;
  state.steps = 100;
  state.loss_scale = ELAB_LOSS_SCALE_LOG;
  trainer = train (&state);
  g_assert_cmpfloat (elab_trainer_get_loss (trainer), <, 1e-6);

  surface = render (figure, &state, trainer);
  g_assert_true (_elab_figure_training_get_loss_panel (figure, &panel));
  g_assert_cmpfloat (panel.y.max - panel.y.min, >, 6);   /* decades */
  for (guint i = 0; i < panel.y.n_ticks; i++)
    g_assert_cmpfloat (panel.y.ticks[i], ==, round (panel.y.ticks[i]));
  g_assert_cmpfloat (check_history_drawn (figure, surface, trainer, &panel, 1.0), <, 0.1);
  cairo_surface_destroy (surface);
}

/* A start so far on the right side of the setosa boundary that every
 * example's loss is at the very bottom of the doubles (the trainer stops
 * e^z at e^−708, ~1e-308; a plain log1p would give exactly 0, whose
 * log10 is −∞): the axis, the point and its marker are all finite and
 * inside the panel. */
static void
test_log_tiny_loss (void)
{
  g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_TRAINING);
  g_autoptr(ElabTrainer) trainer = NULL;
  const ElabTrainPoint *hist;
  cairo_surface_t *surface;
  ElabPanel panel;
  ElabState state;
  gsize n = 0;
  double x = NAN, y = NAN;

  separable_state (&state);
  state.standardize = FALSE;
  state.init_w = -2000;    /* the boundary at 2.45 cm, |w·x + b| ≥ 1100 */
  state.init_b = 4900;
  state.steps = 5;
  state.loss_scale = ELAB_LOSS_SCALE_LOG;
  trainer = train (&state);
  hist = elab_trainer_get_history (trainer, &n);
  g_assert_cmpfloat (hist[0].loss, >=, 0.0);
  g_assert_cmpfloat (hist[0].loss, <, 1e-300);

  surface = render (figure, &state, trainer);
  g_assert_true (_elab_figure_training_get_loss_panel (figure, &panel));
  g_assert_true (isfinite (panel.y.min) && isfinite (panel.y.max) && panel.y.max > panel.y.min);
  g_assert_cmpuint (panel.y.n_ticks, >=, 1);
  for (gsize i = 0; i < n; i++)
    {
      x = _elab_axis_to_px (&panel.x, (double) hist[i].step);
      y = _elab_axis_to_px (&panel.y, _elab_axis_value (&panel.y, hist[i].loss / G_LN2));
      g_assert_true (isfinite (x) && isfinite (y));
      g_assert_cmpfloat (y, >=, panel.area.y);
      g_assert_cmpfloat (y, <=, panel.area.y + panel.area.height);
    }
  g_assert_true (colour_near (surface, x, y, 2, _elab_theme_series (&figure->theme, 0)));
  cairo_surface_destroy (surface);
}

/* A log loss axis's tick labels ("0.003") are wider than a linear
 * axis's: at every size they keep a clear gap from the rotated axis title
 * (it touched "0.003" in a 1024 × 768 export of separable data). */
static void
test_log_ticks_clear_title (void)
{
  static const int sizes[][2] = { { 640, 360 }, { 800, 450 }, { 1024, 768 }, { 1280, 720 }, { 1920, 1080 } };
  g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_TRAINING);
  g_autoptr(ElabTrainer) trainer = NULL;
  ElabState state;
  guint wide = 0;

  separable_state (&state);
  state.loss_scale = ELAB_LOSS_SCALE_LOG;
  state.steps = 6000;   /* down to a few thousandths of a bit */
  trainer = train (&state);

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[k][0], sizes[k][1]);
      cairo_t *cr = cairo_create (surface);
      ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
      const ElabMetrics *m = &figure->metrics;
      double widest = 0, title_right, ticks_left;
      ElabPanel panel;
      ElabText *tx;
      char buf[64];

      elab_figure_draw (figure, cr, sizes[k][0], sizes[k][1], &state, trainer, &style);
      g_assert_true (_elab_figure_training_get_loss_panel (figure, &panel));
      g_assert_true (panel.y.log);
      for (guint i = 0; i < panel.y.n_ticks; i++)
        {
          _elab_axis_format (&panel.y, panel.y.ticks[i], buf, sizeof buf);
          wide += strlen (buf) >= 5;
          tx = _elab_text (figure, ELAB_FONT_TICK, buf, FALSE, -1, FALSE);
          g_assert_nonnull (tx);
          widest = MAX (widest, tx->width);
        }
      /* As _elab_draw_axes places them: the title's layout from its x to
       * its line height right of it; the labels ending 0.8 tick heights
       * left of the axis. */
      tx = _elab_text (figure, ELAB_FONT_LABEL, "(bits)", FALSE, -1, FALSE);
      title_right = panel.area.x - 3.3 * m->tick_px - 1.5 * m->label_px - panel.y_label_out + tx->height;
      ticks_left = panel.area.x - 0.8 * m->tick_px - widest;
      g_test_message ("%d×%d: tick labels from %.1f, axis title to %.1f", sizes[k][0], sizes[k][1],
                      ticks_left, title_right);
      g_assert_cmpfloat (ticks_left - title_right, >=, 0.2 * m->tick_px);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  /* The case in point: labels such as 0.003 were drawn. */
  g_assert_cmpuint (wide, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/plot/LossScale/log-differs", test_log_differs);
  g_test_add_func ("/elab/plot/LossScale/newton-decades", test_log_newton_decades);
  g_test_add_func ("/elab/plot/LossScale/tiny-loss", test_log_tiny_loss);
  g_test_add_func ("/elab/plot/LossScale/ticks-clear-title", test_log_ticks_clear_title);

  return g_test_run ();
}
