/* elab-figure-training.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The training page's figure, drawn from a const ElabTrainer: the data
 * with the current fitted curve σ(w·x + b) (and the optimum's curve,
 * dashed), each example's loss below on the same x axis, and the loss
 * over the iterations with the Newton optimum as a dashed line, on a
 * linear axis from 0 or (state->loss_scale) a log axis, where a loss
 * falling towards 0 on separable data keeps descending instead of
 * flattening onto the axis.
 *
 * What depends only on the data (a deterministic sample of at most
 * SAMPLE_MAX rows, their jitter, the x range) is cached in figure->extra
 * and rebuilt only when the trainer or its generation changes, so a frame
 * costs the same for 20 rows as for a million.
 */

#include <string.h>

#include "elab-figure-private.h"
#include "elab-trainer.h"

#define SAMPLE_MAX   4096   /* points drawn at most */
#define LEGEND_HEADING "\xcf\x83(w\xc2\xb7x + b) and its mean loss"
#define BARS_MAX     400    /* one bar per example up to this many rows */
#define N_BINS       60     /* else mean loss per x bin */
#define CURVE_N      241

/* Series: the current fit (and its loss) solid, the optimum dash-dot,
 * the classes by colour and marker. */
#define SERIES_FIT   0
#define SERIES_OPT   3
/* Comparing the losses: the run on the other loss, on its own axis at
 * the loss plot's right (purple, long dashes). */
#define SERIES_OTHER 4
/* "w = 0.000" and "b = 0.000" with no-break spaces: a legend wraps
 * between the pairs, never inside one ("b = / 0.000"). */
#define NB_PAIR   "w\xc2\xa0=\xc2\xa0%s"
#define NB_PAIR_B "b\xc2\xa0=\xc2\xa0%s"

static const guint class_series[2] = { 2, 1 };

typedef struct
{
  const ElabTrainer *trainer;
  guint              generation;

  double             x_min;     /* padded data range */
  double             x_max;
  guint              n;         /* sampled rows */
  double            *sx;
  double            *sy;
  double            *jitter;
  double            *loss;      /* per sampled example, this frame */

  double             curve_x[CURVE_N];
  double             curve_p[CURVE_N];
  double             curve_opt[CURVE_N];

  double            *hist_x;    /* the loss history, this frame */
  double            *hist_y;
  gsize              hist_cap;

  /* The point cloud rendered at the data panel's device size, so a frame
   * blits it instead of filling thousands of circles. Keyed on the
   * sample (data_serial) and everything else that shows in it. */
  guint              data_serial;
  ElabLayer          points;
  guint              points_serial;
  double             points_key[19];

  ElabPanel          loss_panel;  /* last frame's, for tests */
  gboolean           has_loss_panel;

  /* Comparing the losses: the same settings trained on the other loss,
   * kept at the figure's run's step (as the landscape keeps its own), and
   * its loss plot on the right axis of the last frame (has_other_panel). */
  ElabTrainer       *companion;
  const ElabTrainer *companion_of;
  guint              companion_generation;
  /* A recording: the other run to the recorded run's last step, whose
   * losses set the right axis from the first frame. */
  ElabTrainer       *companion_end;
  double            *other_x;
  double            *other_y;
  gsize              other_cap;
  ElabPanel          other_panel;
  gboolean           has_other_panel;
  ElabRect           y_labels[2];       /* the data's and the bars' y labels */
  char               y_label_text[2][96];
} TrainingCache;

static void
training_cache_free (gpointer data)
{
  TrainingCache *c = data;

  g_free (c->sx);
  g_free (c->sy);
  g_free (c->jitter);
  g_free (c->loss);
  g_free (c->hist_x);
  g_free (c->hist_y);
  g_free (c->other_x);
  g_free (c->other_y);
  g_clear_pointer (&c->companion, elab_trainer_free);
  g_clear_pointer (&c->companion_end, elab_trainer_free);
  _elab_layer_clear (&c->points);
  g_free (c);
}

/* The run on the other loss at the step @trainer is at, or NULL when not
 * comparing (or the data are too many rows for a second run beside the
 * window's: the landscape draws that surface without a path too).
 * Rewound when the figure's run was (a reset keeps the generation). */
static const ElabTrainer *
sync_companion (TrainingCache     *c,
                const ElabTrainer *trainer,
                gboolean           compare)
{
  const ElabDataset *d = elab_trainer_get_dataset (trainer);
  guint64 target = elab_trainer_get_steps (trainer);

  if (!compare || c->companion_of != trainer ||
      c->companion_generation != elab_trainer_get_generation (trainer))
    {
      g_clear_pointer (&c->companion, elab_trainer_free);
      g_clear_pointer (&c->companion_end, elab_trainer_free);
    }
  if (!compare || d->n_rows >= ELAB_TRAINER_PARALLEL_ROWS)
    return NULL;
  if (c->companion == NULL)
    {
      ElabTrainerSettings other = *elab_trainer_get_settings (trainer);

      other.loss = other.loss == ELAB_LOSS_SQUARED ? ELAB_LOSS_CROSS_ENTROPY : ELAB_LOSS_SQUARED;
      c->companion = elab_trainer_new ((ElabDataset *) d, &other);
      c->companion_of = trainer;
      c->companion_generation = elab_trainer_get_generation (trainer);
    }
  if (elab_trainer_get_steps (c->companion) > target)
    elab_trainer_reset (c->companion, NULL);
  while (!elab_trainer_is_done (c->companion) && elab_trainer_get_steps (c->companion) < target)
    elab_trainer_step (c->companion, (guint) MIN (target - elab_trainer_get_steps (c->companion), 4096));
  return c->companion;
}

/* A recording's other run to its last step (@run's), run once. */
static const ElabTrainer *
companion_at_end (TrainingCache     *c,
                  const ElabTrainer *run)
{
  guint64 target = elab_trainer_get_steps (run);

  if (c->companion == NULL)
    return NULL;
  if (c->companion_end == NULL || elab_trainer_get_steps (c->companion_end) > target)
    {
      g_clear_pointer (&c->companion_end, elab_trainer_free);
      c->companion_end = elab_trainer_new ((ElabDataset *) elab_trainer_get_dataset (c->companion),
                                           elab_trainer_get_settings (c->companion));
    }
  while (!elab_trainer_is_done (c->companion_end) && elab_trainer_get_steps (c->companion_end) < target)
    elab_trainer_step (c->companion_end, (guint) MIN (target - elab_trainer_get_steps (c->companion_end), 4096));
  return c->companion_end;
}

/* A fixed pseudo-random offset in [−1, 1] for row i (so that points at
 * equal x and y do not hide each other, the same in every frame). */
static double
jitter_of (gsize i)
{
  guint32 h = (guint32) i * 2654435761u;

  h ^= h >> 15;
  h *= 2246822519u;
  h ^= h >> 13;
  return (h & 0xffff) / 32767.5 - 1.0;
}

static TrainingCache *
get_cache (ElabFigure        *figure,
           const ElabTrainer *trainer)
{
  TrainingCache *c = figure->extra;
  const ElabDataset *d = elab_trainer_get_dataset (trainer);
  double lo = INFINITY, hi = -INFINITY, pad;
  double step;

  if (c == NULL)
    {
      c = g_new0 (TrainingCache, 1);
      figure->extra = c;
      figure->extra_free = training_cache_free;
    }
  if (c->trainer == trainer && c->generation == elab_trainer_get_generation (trainer))
    return c;

  c->trainer = trainer;
  c->generation = elab_trainer_get_generation (trainer);
  c->data_serial++;
  c->n = (guint) MIN (d->n_rows, (gsize) SAMPLE_MAX);
  c->sx = g_renew (double, c->sx, c->n);
  c->sy = g_renew (double, c->sy, c->n);
  c->jitter = g_renew (double, c->jitter, c->n);
  c->loss = g_renew (double, c->loss, c->n);
  step = (double) d->n_rows / c->n;
  for (guint k = 0; k < c->n; k++)
    {
      gsize i = MIN ((gsize) (k * step), d->n_rows - 1);

      c->sx[k] = d->x[i];
      c->sy[k] = d->y[i];
      c->jitter[k] = jitter_of (i);
    }
  for (gsize i = 0; i < d->n_rows; i++)
    {
      lo = MIN (lo, d->x[i]);
      hi = MAX (hi, d->x[i]);
    }
  pad = hi > lo ? 0.06 * (hi - lo) : 1.0;
  c->x_min = lo - pad;
  c->x_max = hi + pad;
  return c;
}

static double
sigmoid (double z)
{
  return z >= 0 ? 1.0 / (1.0 + exp (-z)) : exp (z) / (1.0 + exp (z));
}

static void
format_num (double  v,
            char   *buf,
            gsize   len)
{
  _elab_format_value (v, NULL, buf, len);
}

static const char *
optimizer_label (ElabOptimizer o)
{
  switch (o)
    {
    case ELAB_OPTIMIZER_MOMENTUM: return "momentum";
    case ELAB_OPTIMIZER_NEWTON:   return "Newton's method";
    case ELAB_OPTIMIZER_GD:
    default:                      return "gradient descent";
    }
}

/* The trainer's message word-wrapped to @width: its number of lines and
 * their height. Measured with Pango; estimated (0.52 em a character) when
 * the style draws no text, so the layout is the same either way. */
static guint
message_lines (ElabFigure *figure,
               const char *message,
               double      width,
               double     *line_h)
{
  ElabText *t;
  guint n;

  *line_h = 1.45 * figure->metrics.legend_px;
  if (message == NULL || *message == '\0' || width <= 0)
    return 0;
  t = _elab_text (figure, ELAB_FONT_LEGEND, message, FALSE, width, TRUE);
  if (t == NULL)
    return (guint) MAX (1, ceil (_elab_text_estimate_width (figure, ELAB_FONT_LEGEND, message, FALSE) / width));
  n = (guint) MAX (1, pango_layout_get_line_count (t->layout));
  *line_h = t->height / n;
  return n;
}

/* Draws the trainer's message word-wrapped to @width from (@x, @y): the
 * whole of it, advice included, since the layout reserved its lines.
 * Only a figure too small for them loses the lines below @bottom. */
static void
draw_message (ElabFigure     *figure,
              cairo_t        *cr,
              const char     *message,
              double          x,
              double          y,
              double          width,
              double          bottom,
              const ElabRgba *color)
{
  ElabText *t = _elab_text (figure, ELAB_FONT_LEGEND, message, FALSE, width, TRUE);

  if (t == NULL || bottom <= y)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x - figure->metrics.legend_px, y, width + 2 * figure->metrics.legend_px, bottom - y);
  cairo_clip (cr);
  _elab_set_source (cr, color);
  cairo_move_to (cr, round (x), round (y));
  pango_cairo_show_layout (cr, t->layout);
  cairo_restore (cr);
}

/* A run that oscillates (a learning rate above the stable range) swings
 * between two losses at every step: thousands of steps drawn as a line
 * over a few hundred pixels fill the band between them with solid
 * colour, hiding the base-rate and optimum lines. Where several steps
 * share a pixel column and their losses spread over more than two line
 * widths, the loss is drawn as each column's min–max envelope instead: a
 * translucent fill edged by thin lines, the reference lines drawn over
 * it. Returns FALSE (nothing drawn) where a plain line reads well. */
static gboolean
draw_loss_envelope (ElabFigure       *figure,
                    cairo_t          *cr,
                    const ElabPanel  *panel,
                    const ElabSeries *loss)
{
  const double *x = loss->x, *y = loss->y;
  guint n = loss->n;
  const ElabRgba *color = _elab_theme_series (&figure->theme, loss->index);
  const ElabRect *a = &panel->area;
  guint n_cols = (guint) MAX (1, ceil (a->width));
  g_autofree double *top = NULL, *bot = NULL;
  g_autofree guint *count = NULL;
  guint used = 0, spread = 0;
  gboolean open = FALSE;
  ElabRgba fill;

  if (n < 16 || n < n_cols / 2)
    return FALSE;
  top = g_new (double, n_cols);
  bot = g_new (double, n_cols);
  count = g_new0 (guint, n_cols);
  for (guint i = 0; i < n; i++)
    {
      double px, py;
      int col;

      if (!isfinite (x[i]) || !isfinite (y[i]))
        continue;
      px = _elab_axis_to_px (&panel->x, x[i]);
      py = CLAMP (_elab_axis_to_px (&panel->y, y[i]), a->y - a->height, a->y + 2 * a->height);
      col = CLAMP ((int) floor (px - a->x), 0, (int) n_cols - 1);
      if (count[col]++ == 0)
        top[col] = bot[col] = py;
      else
        {
          top[col] = MIN (top[col], py);
          bot[col] = MAX (bot[col], py);
        }
    }
  for (guint j = 0; j < n_cols; j++)
    if (count[j] > 0)
      {
        used++;
        if (count[j] > 1 && bot[j] - top[j] > 2 * figure->metrics.line_w)
          spread++;
      }
  /* A few steep columns (the first steps' fall) are not an oscillation. */
  if (used == 0 || spread < MAX (4, used / 20))
    return FALSE;
  /* Each column's steps catch the swing at a different phase: its
   * envelope over five pixels keeps the edges from bristling. */
  {
    g_autofree double *t2 = g_memdup2 (top, n_cols * sizeof (double));
    g_autofree double *b2 = g_memdup2 (bot, n_cols * sizeof (double));

    for (guint j = 0; j < n_cols; j++)
      if (count[j] > 0)
        for (guint k = j >= 2 ? j - 2 : 0; k <= MIN (j + 2, n_cols - 1); k++)
          if (count[k] > 0)
            {
              top[j] = MIN (top[j], t2[k]);
              bot[j] = MAX (bot[j], b2[k]);
            }
  }

  cairo_save (cr);
  cairo_rectangle (cr, a->x, a->y - a->height, a->width, 3 * a->height);
  cairo_clip (cr);
  /* The fill: along the columns' tops, back along their bottoms. */
  for (guint j = 0; j < n_cols; j++)
    if (count[j] > 0)
      {
        if (!open)
          cairo_move_to (cr, a->x + j, top[j]);
        cairo_line_to (cr, a->x + j + 1, top[j]);
        open = TRUE;
      }
  for (guint j = n_cols; j-- > 0;)
    if (count[j] > 0)
      {
        cairo_line_to (cr, a->x + j + 1, bot[j]);
        cairo_line_to (cr, a->x + j, bot[j]);
      }
  cairo_close_path (cr);
  fill = _elab_rgba_alpha (color, 0.3);
  _elab_set_source (cr, &fill);
  cairo_fill (cr);
  /* The edges: the highest and lowest loss of each column. */
  cairo_set_line_width (cr, 0.5 * figure->metrics.line_w);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  _elab_set_source (cr, color);
  for (int edge = 0; edge < 2; edge++)
    {
      const double *e = edge == 0 ? top : bot;

      open = FALSE;
      for (guint j = 0; j < n_cols; j++)
        if (count[j] > 0)
          {
            if (!open)
              cairo_move_to (cr, a->x + j, e[j]);
            cairo_line_to (cr, a->x + j + 0.5, e[j]);
            open = TRUE;
          }
      cairo_stroke (cr);
    }
  cairo_restore (cr);
  return TRUE;
}

const char *
_elab_train_status_label (const ElabTrainer *trainer,
                          gboolean           paused)
{
  ElabTrainStatus status = elab_trainer_get_status (trainer);

  /* A run that has not taken its first step is not running yet (the
   * figure said "step 0 · running" before anything ran, in exports too),
   * and one a person stopped is not running either: it waits for them. */
  if (status == ELAB_TRAIN_STATUS_RUNNING && elab_trainer_get_steps (trainer) == 0)
    return "not started";
  if (status == ELAB_TRAIN_STATUS_RUNNING && paused)
    return "paused";

  switch (status)
    {
    case ELAB_TRAIN_STATUS_CONVERGED:         return "converged";
    case ELAB_TRAIN_STATUS_MAX_STEPS:         return "step limit reached";
    case ELAB_TRAIN_STATUS_DIVERGED:          return "diverged";
    case ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM: return "no finite optimum";
    case ELAB_TRAIN_STATUS_RUNNING:
    default:                                  return "running";
    }
}

/* The nearest m × 10^k (m = 1…9) at or below @v (@dir < 0) or at or
 * above it (@dir > 0); @v > 0 and finite. */
static double
round_mantissa (double v,
                int    dir)
{
  double p = pow (10.0, floor (log10 (v)));
  double m = v / p;

  /* A hair of slack so 0.6 stays 0.6 through the division's rounding. */
  m = dir < 0 ? floor (m * (1 + 1e-12)) : ceil (m * (1 - 1e-12));
  return MAX (m, 1.0) * p;
}

/* The ends of a log loss axis holding the positive losses [@lo, @hi]. */
static void
log_range (double  lo,
           double  hi,
           double *res_lo,
           double *res_hi)
{
  double span, pad, near;

  if (!(hi > 0))
    lo = 0.1, hi = 1.0;   /* nothing to show yet */
  /* Fifteen decades at most: a loss of 1e-300 would squash the whole run
   * into the top of the panel. Lower ones sit on the bottom edge. */
  lo = MAX (lo, hi * 1e-15);
  /* A margin of 4 % of the span (at least 0.02 decade) each way, so
   * neither the start nor the optimum lies on the frame; but an end
   * within 8 % of the span of an m × 10^k goes there, so the optimum of
   * a short range has a labelled tick under it. */
  span = MAX (log10 (hi) - log10 (lo), 0.5);
  pad = MAX (0.04 * span, 0.02);
  near = MAX (0.08 * span, 0.03);
  *res_lo = round_mantissa (lo / pow (10.0, 0.005), -1);
  if (!(log10 (lo) - log10 (*res_lo) <= near))
    *res_lo = lo / pow (10.0, pad);
  *res_hi = round_mantissa (hi * pow (10.0, 0.005), +1);
  if (!(log10 (*res_hi) - log10 (hi) <= near))
    *res_hi = hi * pow (10.0, pad);
}

/* The loss panel's y label: the longest wording that fits along the
 * panel, so that a short panel says "loss (bits, log scale)" instead of
 * running into the title; "log scale" is never the part dropped. @unit
 * NULL: the squared error, which has no unit. */
static void
loss_label (ElabFigure      *figure,
            const ElabPanel *panel,
            const char      *unit,
            gboolean         log_scale,
            char            *buf,
            gsize            len)
{
  static const char *const ce_words[] = { "mean cross-entropy", "cross-entropy", "loss" };
  static const char *const sq_words[] = { "mean squared error", "squared error", "loss" };
  const char *const *words = unit == NULL ? sq_words : ce_words;

  for (guint i = 0; i < G_N_ELEMENTS (ce_words); i++)
    {
      ElabText *t;

      if (unit == NULL)
        g_snprintf (buf, len, log_scale ? "%s (log scale)" : "%s", words[i]);
      else
        g_snprintf (buf, len, log_scale ? "%s (%s, log scale)" : "%s (%s)", words[i], unit);
      if (i + 1 == G_N_ELEMENTS (ce_words))
        return;
      t = _elab_text (figure, ELAB_FONT_LABEL, buf, TRUE, -1, FALSE);
      if (t == NULL || t->width <= panel->area.height)
        return;
    }
}

/* The per-example bars' y label: the longest wording no longer than
 * @room, as loss_label() does for the loss panel, into @buf. @unit NULL:
 * the squared error, named instead. */
static void
bars_label (ElabFigure      *figure,
            double           room,
            const char      *unit,
            gboolean         binned,
            char            *buf,
            gsize            len)
{
  static const char *const per_example[] = {
    "loss of each example (%s)", "loss per example (%s)", "loss (%s)", "loss",
  };
  static const char *const per_bin[] = {
    "mean loss per x bin (%s)", "loss per x bin (%s)", "loss (%s)", "loss",
  };
  static const char *const sq_example[] = {
    "squared error of each example", "squared error per example", "squared error", "loss",
  };
  static const char *const sq_bin[] = {
    "mean squared error per x bin", "squared error per x bin", "squared error", "loss",
  };
  const char *const *words = unit == NULL ? (binned ? sq_bin : sq_example) : binned ? per_bin : per_example;

  for (guint i = 0; i < G_N_ELEMENTS (per_example); i++)
    {
      ElabText *t;

      g_snprintf (buf, len, words[i], unit);
      if (i + 1 == G_N_ELEMENTS (per_example))
        return;
      t = _elab_text (figure, ELAB_FONT_LABEL, buf, TRUE, -1, FALSE);
      if (t == NULL || t->width <= room)
        return;
    }
}

/* How long a y label centred on @panel may be without leaving the band
 * from @top to @bottom (one pixel short: it is centred on a rounded y). */
static double
y_label_room (const ElabPanel *panel,
              double           top,
              double           bottom)
{
  double y = panel->area.y + panel->area.height / 2;

  return MAX (1, 2 * MIN (y - top, bottom - y) - 1);
}

/* A left panel's y label (markup) where _elab_draw_axes() puts one, cut
 * with "…" to @room: the data panel's label and the bars' are stacked in
 * one column, and in large type over short panels they ran into each
 * other. Left out when not even a few letters fit. Its extent (empty
 * when left out) goes to @res, for tests. */
static void
draw_y_label (ElabFigure      *figure,
              cairo_t         *cr,
              const ElabPanel *panel,
              const char      *markup,
              double           room,
              ElabRect        *res)
{
  const ElabMetrics *m = &figure->metrics;
  const ElabRect *a = &panel->area;
  double x = a->x - 3.3 * m->tick_px - 1.5 * m->label_px;
  double y = a->y + a->height / 2;
  ElabText *t;

  *res = (ElabRect) { round (x), round (y), 0, 0 };
  t = _elab_text (figure, ELAB_FONT_LABEL, markup, TRUE, room, FALSE);
  if (t == NULL || t->width > room || (_elab_text_is_cut (t) && room < 3 * m->label_px))
    return;
  _elab_show_text_vertical (cr, t, x, y, &figure->theme.foreground);
  *res = (ElabRect) { round (x), round (y) - t->width / 2, t->height, t->width };
}

/* The points, jittered vertically and translucent so piles show. */
static void
paint_points (ElabFigure          *figure,
              cairo_t             *cr,
              const TrainingCache *c,
              const ElabPanel     *data)
{
  const ElabMetrics *m = &figure->metrics;
  double r = c->n > BARS_MAX ? 0.45 * m->marker_r : 0.8 * m->marker_r;
  double alpha = c->n > BARS_MAX ? 0.25 : 0.6;
  /* The colour-blind palette: class 1 as triangles, so the classes
   * differ in grey too. */
  gboolean shapes = figure->style.palette == ELAB_PALETTE_COLORBLIND;

  cairo_save (cr);
  cairo_rectangle (cr, data->area.x, data->area.y, data->area.width, data->area.height);
  cairo_clip (cr);
  for (int cls = 0; cls <= 1; cls++)
    {
      ElabRgba col = _elab_rgba_alpha (_elab_theme_series (&figure->theme, class_series[cls]), alpha);

      cairo_new_path (cr);
      for (guint k = 0; k < c->n; k++)
        if ((c->sy[k] != 0) == cls)
          {
            double px = _elab_axis_to_px (&data->x, c->sx[k]);
            double py = _elab_axis_to_px (&data->y, c->sy[k] + 0.045 * c->jitter[k]);
            if (cls == 1 && shapes)
              _elab_marker_path (cr, px, py, r, 2);
            else
              {
                cairo_new_sub_path (cr);
                cairo_arc (cr, px, py, r, 0, 2 * G_PI);
              }
          }
      _elab_set_source (cr, &col);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* Where the target is made of pixels, the cloud is drawn once into a
 * transparent layer and composited per frame (OVER of the layer equals
 * OVER of each class in turn); vector targets keep their circles. */
static void
draw_points (ElabFigure      *figure,
             cairo_t         *cr,
             TrainingCache   *c,
             const ElabPanel *data)
{
  const ElabRgba *s0 = _elab_theme_series (&figure->theme, class_series[0]);
  const ElabRgba *s1 = _elab_theme_series (&figure->theme, class_series[1]);
  cairo_matrix_t mx;
  double key[19], d[4];
  int px[4];

  /* A handful of points is cheaper to fill than a layer to composite. */
  if (c->n <= BARS_MAX || !_elab_layer_place (figure, cr, &data->area, d, px))
    {
      paint_points (figure, cr, c, data);
      return;
    }

  cairo_get_matrix (cr, &mx);
  key[0] = d[0], key[1] = d[1], key[2] = d[2], key[3] = d[3], key[4] = mx.xx;
  key[5] = mx.x0 - px[0], key[6] = mx.y0 - px[1];
  key[7] = figure->metrics.marker_r;
  key[8] = data->x.min, key[9] = data->x.max, key[10] = data->y.min, key[11] = data->y.max;
  key[12] = s0->r, key[13] = s0->g, key[14] = s0->b;
  key[15] = s1->r, key[16] = s1->g, key[17] = s1->b;
  key[18] = figure->style.palette;

  if (c->points.surface == NULL || c->points_serial != c->data_serial ||
      memcmp (key, c->points_key, sizeof key) != 0)
    {
      cairo_t *lcr = _elab_layer_begin (&c->points, figure, cr, px, CAIRO_FORMAT_ARGB32);

      paint_points (figure, lcr, c, data);
      _elab_layer_end (&c->points, lcr);
      c->points_serial = c->data_serial;
      memcpy (c->points_key, key, sizeof key);
    }
  _elab_layer_paint (&c->points, cr);
}

/* For tests: the last frame's loss-over-the-steps panel (its area and
 * axes; y is a log axis with state->loss_scale = log). FALSE before the
 * first draw with a trainer. */
gboolean _elab_figure_training_get_loss_panel (const ElabFigure *figure,
                                               ElabPanel        *res);

gboolean
_elab_figure_training_get_loss_panel (const ElabFigure *figure,
                                      ElabPanel        *res)
{
  const TrainingCache *c = figure->extra;

  if (c == NULL || figure->kind != ELAB_FIGURE_TRAINING || !c->has_loss_panel)
    return FALSE;
  *res = c->loss_panel;
  return TRUE;
}

/* For tests: the last frame's y labels of the data panel (0) and of the
 * per-example bars (1): their extent on the figure (width and height 0
 * when left out) and their markup. FALSE before the first draw with a
 * trainer. */
gboolean _elab_figure_training_get_y_labels (const ElabFigure *figure,
                                             ElabRect          res_extents[2],
                                             const char       *res_texts[2]);

gboolean
_elab_figure_training_get_y_labels (const ElabFigure *figure,
                                    ElabRect          res_extents[2],
                                    const char       *res_texts[2])
{
  const TrainingCache *c = figure->extra;

  if (c == NULL || figure->kind != ELAB_FIGURE_TRAINING || !c->has_loss_panel)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      res_extents[i] = c->y_labels[i];
      res_texts[i] = c->y_label_text[i];
    }
  return TRUE;
}

/* A y axis at the right of @panel's plot area, for a second curve over
 * the same steps: the edge, tick marks and labels outside it, and its
 * title in the curve's @color (the legend says which run it is). No grid
 * lines: the left axis's are the plot's. */
static void
draw_right_axis (ElabFigure      *figure,
                 cairo_t         *cr,
                 const ElabPanel *panel,
                 const char      *title,
                 const ElabRgba  *color)
{
  const ElabMetrics *m = &figure->metrics;
  const ElabRect *a = &panel->area;
  double x1 = a->x + a->width, widest = 0;
  char buf[64];

  _elab_set_source (cr, &figure->theme.axis);
  cairo_rectangle (cr, x1, a->y, m->axis_w, a->height + m->axis_w);
  for (guint i = 0; i < panel->y.n_ticks; i++)
    _elab_hline (cr, x1, x1 + 0.35 * m->tick_px, _elab_axis_to_px (&panel->y, panel->y.ticks[i]), m->axis_w);
  for (guint i = 0; i < panel->y.n_minor; i++)
    _elab_hline (cr, x1, x1 + 0.2 * m->tick_px, _elab_axis_to_px (&panel->y, panel->y.minor[i]), m->axis_w);
  cairo_fill (cr);
  if (!figure->style.draw_text)
    return;
  for (guint i = 0; i < panel->y.n_ticks; i++)
    {
      double em = 0;

      _elab_axis_format (&panel->y, panel->y.ticks[i], buf, sizeof buf);
      _elab_draw_text (figure, cr,
                       &(ElabTextStyle) { .font = ELAB_FONT_TICK, .ay = 0.5, .color = &figure->theme.muted },
                       buf, x1 + 0.8 * m->tick_px, _elab_axis_to_px (&panel->y, panel->y.ticks[i]));
      /* Estimated as _elab_panel_y_ticks_overflow() does. */
      for (const char *ch = buf; *ch != '\0'; ch = g_utf8_next_char (ch))
        em += (*ch == '.' || *ch == ',') ? 0.32 : 0.64;
      widest = MAX (widest, em * m->tick_px);
    }
  /* The title clear of the widest label ("0.003" on a log axis). */
  _elab_draw_text_vertical (figure, cr, ELAB_FONT_LABEL, title,
                            x1 + MAX (3.1 * m->tick_px, 1.2 * m->tick_px + widest),
                            a->y + a->height / 2, color);
}

/* For tests: the last frame's right axis of the loss plot, the run on
 * the other loss (its area is the loss plot's). FALSE when the last
 * frame compared no losses. */
gboolean _elab_figure_training_get_other_panel (const ElabFigure *figure,
                                                ElabPanel        *res);

gboolean
_elab_figure_training_get_other_panel (const ElabFigure *figure,
                                       ElabPanel        *res)
{
  const TrainingCache *c = figure->extra;

  if (c == NULL || figure->kind != ELAB_FIGURE_TRAINING || !c->has_other_panel)
    return FALSE;
  *res = c->other_panel;
  return TRUE;
}

/* The bars' maximum at @run's w and b over this figure's sample, as the
 * frame computes its own: each example's loss, or the mean per x bin. */
static double
run_bars_max (const TrainingCache *c,
              const ElabTrainer   *run,
              double               factor)
{
  double w = elab_trainer_get_w (run), b = elab_trainer_get_b (run);
  double bin_sum[N_BINS] = { 0 }, bin_cnt[N_BINS] = { 0 };
  double max = 0.0;

  for (guint k = 0; k < c->n; k++)
    {
      double loss = elab_trainer_example_loss (c->sx[k], c->sy[k], w, b) * factor;

      if (c->n <= BARS_MAX)
        max = MAX (max, loss);
      else
        {
          int j = CLAMP ((int) ((c->sx[k] - c->x_min) / (c->x_max - c->x_min) * N_BINS), 0, N_BINS - 1);

          bin_sum[j] += loss;
          bin_cnt[j] += 1;
        }
    }
  for (int j = 0; j < N_BINS && c->n > BARS_MAX; j++)
    if (bin_cnt[j] > 0)
      max = MAX (max, bin_sum[j] / bin_cnt[j]);
  return max;
}

/* The subtitle, in its one line's room whole: the data set's name (in a
 * narrow figure, whose title is only "Training"), its rows, the run's
 * settings and where the run is, as much of that as fits, from the end:
 * where the run is, which changes, is the last thing to go (at 1024×768
 * in presentation mode "· step 0 · not started" was cut to "· 23 ro…"). */
static void
format_subtitle (ElabFigure                *figure,
                 char                      *res,
                 gsize                      size,
                 const char                *name,
                 gsize                      n_rows,
                 const ElabTrainerSettings *settings,
                 ElabLoss                   loss,
                 const char                *rate,
                 const ElabTrainer         *trainer)
{
  g_autofree char *escaped = name != NULL ? g_markup_escape_text (name, -1) : NULL;
  g_autofree char *short_name = NULL;
  g_autofree char *rows = g_strdup_printf ("%" G_GSIZE_FORMAT " rows", n_rows);
  g_autofree char *settings_long = NULL;
  g_autofree char *settings_short = NULL;
  g_autofree char *where = NULL;
  gboolean newton = settings->optimizer == ELAB_OPTIMIZER_NEWTON;
  const char *colon = escaped != NULL ? strchr (escaped, ':') : NULL;
  /* name, rows, settings (1 long, 2 short), in order of preference. */
  static const struct { gboolean name, short_name, rows; int settings; } tries[] = {
    { TRUE, FALSE, TRUE, 1 }, { FALSE, TRUE, TRUE, 1 }, { FALSE, TRUE, FALSE, 1 },
    { FALSE, TRUE, FALSE, 2 }, { FALSE, FALSE, FALSE, 1 }, { FALSE, FALSE, FALSE, 2 },
    { FALSE, TRUE, FALSE, 0 }, { FALSE, FALSE, FALSE, 0 },
  };
  char *lines[G_N_ELEMENTS (tries)], *probes[G_N_ELEMENTS (tries)];
  g_autofree char *where_wide = NULL;

  /* "Challenger O-rings: launch temperature vs O-ring incident" is
   * known by what comes before its colon. */
  short_name = colon != NULL ? g_strndup (escaped, colon - escaped) : g_strdup (escaped);
  settings_long = g_strdup_printf ("%s%s%s%s%s", optimizer_label (settings->optimizer),
                                   loss == ELAB_LOSS_SQUARED ? " on the squared error" : "",
                                   newton ? "" : ", learning rate ", newton ? "" : rate,
                                   settings->standardize ? ", standardised x" : "");
  settings_short = g_strdup_printf ("%s%s%s", optimizer_label (settings->optimizer),
                                    newton ? "" : ", rate ", newton ? "" : rate);
  where = g_strdup_printf ("step %" G_GUINT64_FORMAT " \xc2\xb7 %s",
                           elab_trainer_get_steps (trainer), _elab_train_status_label (trainer, figure->style.paused));
  /* Which version fits is measured with the widest end the run can reach,
   * so the line does not lose its start as the run goes on (a recording's
   * last frame dropped the name for "step 12 · step limit reached"). */
  where_wide = g_strdup_printf ("step %" G_GUINT64_FORMAT " \xc2\xb7 step limit reached",
                                MAX (elab_trainer_get_steps (trainer), (guint64) settings->max_steps));

  for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
    {
      GString *line = g_string_new (NULL);

      if (tries[i].name && escaped != NULL)
        g_string_append_printf (line, "%s \xc2\xb7 ", escaped);
      if (tries[i].short_name && short_name != NULL)
        g_string_append_printf (line, "%s \xc2\xb7 ", short_name);
      if (tries[i].rows)
        g_string_append_printf (line, "%s \xc2\xb7 ", rows);
      if (tries[i].settings > 0)
        g_string_append_printf (line, "%s \xc2\xb7 ",
                                tries[i].settings == 1 ? settings_long : settings_short);
      lines[i] = g_strconcat (line->str, where, NULL);
      probes[i] = g_strconcat (line->str, where_wide, NULL);
      g_string_free (line, TRUE);
    }
  _elab_choose_line (figure, res, size, lines, probes, G_N_ELEMENTS (lines));
}

void
_elab_figure_draw_training (ElabFigure        *figure,
                            cairo_t           *cr,
                            const ElabState   *state,
                            const ElabTrainer *trainer)
{
  const ElabMetrics *m = &figure->metrics;
  const ElabTheme *t = &figure->theme;
  const char *ul = elab_unit_to_string (state->unit);
  double factor = elab_unit_factor (state->unit);
  ElabLoss loss = ELAB_LOSS_CROSS_ENTROPY;
  const ElabTrainerSettings *settings;
  const ElabDataset *d;
  const ElabTrainPoint *hist;
  TrainingCache *c;
  ElabRect body, cols, left, right, outer, area, legend_box;
  gboolean narrow, stacked;
  ElabPanel data, bars, lossp, otherp;
  ElabSeries loss_curve;
  ElabLegendEntry entries[5];
  char title[256], subtitle[256], ylab[64], lab_fit[128], lab_opt[96], lab_c0[96], lab_c1[96];
  char lab_other[160], v_other[48];
  char v_fit[48], v_opt[48], b1[48], b2[48];
  const ElabTrainer *other = NULL;
  const ElabTrainPoint *other_hist = NULL;
  gsize n_other = 0;
  ElabLoss other_loss = ELAB_LOSS_SQUARED;
  double other_factor = 1.0, other_max = 0.0, other_lo = INFINITY, other_hi = 0.0;
  const char *other_ul = NULL;
  double bin_sum[N_BINS], bin_cnt[N_BINS];
  double w, b, opt_w = NAN, opt_b = NAN, opt_loss = NAN, loss_max, step_max, col_gap, legend_h, right_w;
  const char *message = NULL;
  const char *layout_message;
  guint msg_n = 0;
  double msg_line_h = 0, msg_h = 0;
  gboolean msg_strip = FALSE, envelope = FALSE;
  double legend_rows_h = 0;
  double hist_lo = INFINITY, hist_hi = 0.0;
  gboolean has_opt, hover;
  gboolean log_scale = state->loss_scale == ELAB_LOSS_SCALE_LOG;
  gsize n_hist;
  guint n_entries = 0, n_left = 2;   /* entries in the narrow legend's left box */

  if (trainer == NULL)
    {
      _elab_draw_frame (figure, cr, "Training", FALSE, NULL, &body);
      _elab_draw_placeholder (figure, cr, &body, "no training run");
      _elab_draw_caption (figure, cr, &body);
      return;
    }

  c = get_cache (figure, trainer);
  other = sync_companion (c, trainer, state->compare_losses);
  c->has_other_panel = FALSE;
  d = elab_trainer_get_dataset (trainer);
  settings = elab_trainer_get_settings (trainer);
  /* The loss the run minimises names the read-outs; a squared error has
   * no unit. */
  loss = settings->loss;
  factor = elab_trainer_loss_factor (loss, state->unit);
  if (loss == ELAB_LOSS_SQUARED)
    ul = NULL;
  if (other != NULL)
    {
      other_loss = elab_trainer_get_settings (other)->loss;
      other_factor = elab_trainer_loss_factor (other_loss, state->unit);
      other_ul = other_loss == ELAB_LOSS_SQUARED ? NULL : elab_unit_to_string (state->unit);
      other_hist = elab_trainer_get_history (other, &n_other);
      if (c->other_cap < n_other)
        {
          c->other_cap = MAX (n_other, 2 * c->other_cap);
          c->other_x = g_renew (double, c->other_x, c->other_cap);
          c->other_y = g_renew (double, c->other_y, c->other_cap);
        }
      for (gsize i = 0; i < n_other; i++)
        {
          c->other_x[i] = (double) other_hist[i].step;
          c->other_y[i] = other_hist[i].loss * other_factor;
          if (isfinite (c->other_y[i]))
            other_max = MAX (other_max, c->other_y[i]);
          if (isfinite (c->other_y[i]) && c->other_y[i] > 0)
            {
              other_lo = MIN (other_lo, c->other_y[i]);
              other_hi = MAX (other_hi, c->other_y[i]);
            }
        }
      /* A recording: the right axis of the whole other run from the
       * first frame, as the left one has the recorded run's. */
      if (figure->style.run != NULL)
        {
          gsize n_end;
          const ElabTrainPoint *end = elab_trainer_get_history (companion_at_end (c, figure->style.run), &n_end);

          for (gsize i = 0; i < n_end; i++)
            {
              double y = end[i].loss * other_factor;

              if (isfinite (y))
                other_max = MAX (other_max, y);
              if (isfinite (y) && y > 0)
                {
                  other_lo = MIN (other_lo, y);
                  other_hi = MAX (other_hi, y);
                }
            }
        }
    }
  w = elab_trainer_get_w (trainer);
  b = elab_trainer_get_b (trainer);
  has_opt = elab_trainer_get_optimum (trainer, &opt_w, &opt_b, &opt_loss);
  hist = elab_trainer_get_history (trainer, &n_hist);

  /* Per-frame numbers: the fitted curves and each sampled example's loss. */
  for (guint i = 0; i < CURVE_N; i++)
    {
      double x = c->x_min + (c->x_max - c->x_min) * i / (CURVE_N - 1);

      c->curve_x[i] = x;
      c->curve_p[i] = sigmoid (w * x + b);
      c->curve_opt[i] = has_opt ? sigmoid (opt_w * x + opt_b) : NAN;
    }
  loss_max = 0.0;
  for (guint k = 0; k < c->n; k++)
    {
      c->loss[k] = (loss == ELAB_LOSS_SQUARED ?
                    elab_trainer_example_squared_error (c->sx[k], c->sy[k], w, b, NULL) :
                    elab_trainer_example_loss (c->sx[k], c->sy[k], w, b)) * factor;
      loss_max = MAX (loss_max, c->loss[k]);
    }
  /* Many rows: the bars are the mean loss in each x bin (of the sample). */
  memset (bin_sum, 0, sizeof bin_sum);
  memset (bin_cnt, 0, sizeof bin_cnt);
  if (c->n > BARS_MAX)
    {
      loss_max = 0.0;
      for (guint k = 0; k < c->n; k++)
        {
          int j = (int) ((c->sx[k] - c->x_min) / (c->x_max - c->x_min) * N_BINS);
          j = CLAMP (j, 0, N_BINS - 1);
          bin_sum[j] += c->loss[k];
          bin_cnt[j] += 1;
        }
      for (int j = 0; j < N_BINS; j++)
        if (bin_cnt[j] > 0)
          loss_max = MAX (loss_max, bin_sum[j] / bin_cnt[j]);
    }
  /* A recording: the bars' scale also holds the run's last step, so it
   * does not grow as the fit sharpens. */
  if (figure->style.run != NULL)
    loss_max = MAX (loss_max, run_bars_max (c, figure->style.run, factor));
  if (c->hist_cap < n_hist)
    {
      c->hist_cap = MAX (n_hist, 2 * c->hist_cap);
      c->hist_x = g_renew (double, c->hist_x, c->hist_cap);
      c->hist_y = g_renew (double, c->hist_y, c->hist_cap);
    }
  step_max = 10;
  {
    double hist_loss_max = has_opt ? opt_loss * factor : 0.0;

    for (gsize i = 0; i < n_hist; i++)
      {
        c->hist_x[i] = (double) hist[i].step;
        c->hist_y[i] = hist[i].loss * factor;
        hist_loss_max = MAX (hist_loss_max, c->hist_y[i]);
        if (isfinite (c->hist_y[i]) && c->hist_y[i] > 0)
          {
            hist_lo = MIN (hist_lo, c->hist_y[i]);
            hist_hi = MAX (hist_hi, c->hist_y[i]);
          }
      }
    if (has_opt && isfinite (opt_loss * factor) && opt_loss * factor > 0)
      {
        hist_lo = MIN (hist_lo, opt_loss * factor);
        hist_hi = MAX (hist_hi, opt_loss * factor);
      }
    /* A recording: the steps and the losses of the whole run from the
     * first frame (its history holds every point of this frame's). */
    if (figure->style.run != NULL)
      {
        gsize n_run;
        const ElabTrainPoint *run = elab_trainer_get_history (figure->style.run, &n_run);

        for (gsize i = 0; i < n_run; i++)
          {
            double y = run[i].loss * factor;

            hist_loss_max = MAX (hist_loss_max, y);
            if (isfinite (y) && y > 0)
              {
                hist_lo = MIN (hist_lo, y);
                hist_hi = MAX (hist_hi, y);
              }
          }
        if (n_run > 0)
          step_max = MAX (step_max, (double) run[n_run - 1].step);
      }
    if (n_hist > 0)
      step_max = MAX (step_max, (double) hist[n_hist - 1].step);
    /* A narrow figure (a window's half) puts the legend in a strip
     * under both columns and the data set's long name in an ellipsized
     * subtitle: a side column would cut both to a few letters. */
    narrow = m->width < 55 * m->legend_px;
    /* Narrower still and tall (the window's column at 1024 px), two
     * columns would leave the loss plot a few dozen pixels wide: it goes
     * under the data's panels, each plot then as wide as the figure. A
     * square figure keeps its columns, or every plot would be a strip. */
    stacked = m->width < 40 * m->legend_px && m->height > 1.4 * m->width;
    format_num (settings->learning_rate, b1, sizeof b1);
    if (narrow)
      g_strlcpy (title, "Training", sizeof title);
    else
      /* A name with a colon of its own is set off by a dash. */
      g_snprintf (title, sizeof title, strchr (d->title, ':') != NULL ? "Training \xe2\x80\x94 %s"
                                                                       : "Training: %s", d->title);
    format_subtitle (figure, subtitle, sizeof subtitle, narrow ? d->title : NULL, d->n_rows,
                     settings, loss, b1, trainer);
    _elab_draw_frame (figure, cr, title, FALSE, subtitle, &body);

    /* Legend: classes, the current fit with its loss, the optimum. */
    /* No-break spaces: a wrapped label breaks between a name and its
     * value ("O-ring incident / = 0" read as a broken label), never inside. */
    g_snprintf (lab_c0, sizeof lab_c0, "%s\xc2\xa0=\xc2\xa0" "0", d->y_name);
    g_snprintf (lab_c1, sizeof lab_c1, "%s\xc2\xa0=\xc2\xa0" "1", d->y_name);
    /* Each swatch is what the plot draws: points for the classes, the
     * optimum as a dashed line (its curve and its loss), no marker. */
    entries[n_entries++] = (ElabLegendEntry) { lab_c0, NULL, class_series[0], FALSE, .swatch = ELAB_SWATCH_DOT };
    entries[n_entries++] = (ElabLegendEntry) { lab_c1, NULL, class_series[1], FALSE,
                                               .swatch = figure->style.palette == ELAB_PALETTE_COLORBLIND ?
                                                         ELAB_SWATCH_TRIANGLE : ELAB_SWATCH_DOT };
    format_num (w, b1, sizeof b1);
    format_num (b, b2, sizeof b2);
    /* In a half-width box the numbers go after the name, on their own
     * line when they do not fit beside it. Two literal formats, so the
     * compiler checks each against its arguments. */
    if (narrow)
      g_snprintf (lab_fit, sizeof lab_fit, NB_PAIR ", " NB_PAIR_B, b1, b2);
    else
      g_snprintf (lab_fit, sizeof lab_fit, "%s" NB_PAIR ", " NB_PAIR_B,
                  other == NULL ? "now: " : loss == ELAB_LOSS_SQUARED ? "squared error: " : "cross-entropy: ",
                  b1, b2);
    _elab_format_value (elab_trainer_get_loss (trainer) * factor, ul, v_fit, sizeof v_fit);
    entries[n_entries++] = narrow ? (ElabLegendEntry) { "now:", v_fit, SERIES_FIT, FALSE, .detail = lab_fit }
                                  : (ElabLegendEntry) { lab_fit, v_fit, SERIES_FIT, FALSE };
    /* The run on the other loss, whose curve has the right axis. */
    if (other != NULL)
      {
        const char *name = other_loss == ELAB_LOSS_SQUARED ? "squared error" : "cross-entropy";

        /* Its w and b are on the landscape beside; a label as long as
         * the run's own would put every entry on two lines. */
        g_snprintf (lab_other, sizeof lab_other, "%s run (right axis)", name);
        _elab_format_value (elab_trainer_get_loss (other) * other_factor, other_ul, v_other, sizeof v_other);
        entries[n_entries++] = (ElabLegendEntry) { lab_other, v_other, SERIES_OTHER, FALSE };
        /* Narrow: under the classes, so the two boxes side by side are
         * of a height (three entries in the right one cut the message). */
        if (narrow)
          {
            ElabLegendEntry e = entries[n_entries - 1];

            entries[n_entries - 1] = entries[n_entries - 2];
            entries[n_entries - 2] = e;
            n_left = 3;
          }
      }
    if (has_opt)
      {
        format_num (opt_w, b1, sizeof b1);
        format_num (opt_b, b2, sizeof b2);
        g_snprintf (lab_opt, sizeof lab_opt, narrow ? NB_PAIR ", " NB_PAIR_B : "optimum: " NB_PAIR ", " NB_PAIR_B, b1, b2);
        _elab_format_value (opt_loss * factor, ul, v_opt, sizeof v_opt);
        entries[n_entries++] = narrow ? (ElabLegendEntry) { "optimum:", v_opt, SERIES_OPT, FALSE, .detail = lab_opt,
                                                            .swatch = ELAB_SWATCH_LINE }
                                      : (ElabLegendEntry) { lab_opt, v_opt, SERIES_OPT, FALSE,
                                                            .swatch = ELAB_SWATCH_LINE };
      }
    else
      {
        g_snprintf (lab_opt, sizeof lab_opt, "no finite optimum (separable data)");
        entries[n_entries++] = (ElabLegendEntry) { lab_opt, NULL, ELAB_LEGEND_NO_SWATCH, FALSE };
      }

    /* Wide: five rows and a heading in the right column, then the run's
     * message when it fits there in four lines (the room is kept while
     * the run goes, so the loss plot does not jump when it ends). A
     * longer message (the squared error's reason and the advice) goes in
     * a strip under both columns, wrapped whole rather than cut. Narrow: a
     * strip under both columns with the legend in two boxes side by side,
     * and the message under them once there is one. */
    col_gap = round (1.5 * m->pad);
    right_w = body.width - round (body.width * 0.58) - col_gap;
    if (figure->style.draw_text && elab_trainer_get_status (trainer) != ELAB_TRAIN_STATUS_RUNNING)
      message = elab_trainer_get_message (trainer);
    /* A recording's frames are all laid out for the run's last message,
     * drawn once the run has ended, so the plots hold still when it
     * appears. */
    layout_message = message;
    if (figure->style.draw_text && figure->style.run != NULL
        && elab_trainer_get_status (figure->style.run) != ELAB_TRAIN_STATUS_RUNNING)
      layout_message = elab_trainer_get_message (figure->style.run);
    if (narrow)
      {
        double half_w = floor ((body.width - m->pad) / 2);

        legend_rows_h = MAX (_elab_legend_height (figure, half_w, entries, n_left, LEGEND_HEADING),
                             _elab_legend_height (figure, half_w, entries + n_left, n_entries - n_left, NULL));
        msg_n = message_lines (figure, layout_message, body.width - m->legend_px, &msg_line_h);
        msg_h = msg_n > 0 ? msg_n * msg_line_h + 0.8 * m->legend_px : 0;
        /* A tiny figure keeps at least half its height for the plots. */
        msg_h = MIN (msg_h, MAX (0, 0.5 * body.height - legend_rows_h));
        legend_h = legend_rows_h + msg_h;
      }
    else
      {
        double fixed = round (0.6 * m->legend_px) * 2 + _elab_legend_row_height (figure) * 5 + 6.4 * m->legend_px;
        double legend_only = _elab_legend_height (figure, right_w, entries, n_entries, LEGEND_HEADING);

        msg_n = message_lines (figure, layout_message, right_w - m->legend_px, &msg_line_h);
        if (msg_n > 0 && legend_only + 0.6 * m->legend_px + msg_n * msg_line_h > fixed)
          {
            msg_strip = TRUE;
            msg_n = message_lines (figure, layout_message, body.width - m->legend_px, &msg_line_h);
            msg_h = MIN (msg_n * msg_line_h + 0.8 * m->legend_px, 0.25 * body.height);
            legend_h = MAX (legend_only, fixed - 6.4 * m->legend_px);
          }
        else
          legend_h = MAX (fixed, legend_only + (msg_n > 0 ? 0.6 * m->legend_px + msg_n * msg_line_h : 0));
      }
    /* Left column: data and fitted curve over per-example loss, sharing
     * x. Right column: the loss over iterations, then the legend (or,
     * when narrow, the legend in a strip under both). */
    cols = body;
    if (narrow)
      cols.height = MAX (1, body.height - legend_h - m->pad);
    else if (msg_strip)
      cols.height = MAX (1, body.height - msg_h);
    if (stacked)
      {
        left = (ElabRect) { cols.x, cols.y, cols.width, round ((cols.height - m->pad) * 0.64) };
        right = (ElabRect) { cols.x, left.y + left.height + m->pad, cols.width,
                             MAX (1, cols.height - left.height - m->pad) };
      }
    else
      {
        left = (ElabRect) { cols.x, cols.y, round (cols.width * 0.58), cols.height };
        right = (ElabRect) { left.x + left.width + col_gap, cols.y, cols.width - left.width - col_gap, cols.height };
      }

    outer = (ElabRect) { left.x, left.y, left.width, round ((left.height - m->pad) * 0.6) };
    _elab_panel_inset (figure, &outer, FALSE, TRUE, &area);
    _elab_panel_init (figure, &data, ELAB_PANEL_X, &area, &(ElabBounds) { c->x_min, c->x_max, -0.12, 1.12 });
    outer.y += outer.height + m->pad;
    outer.height = left.y + left.height - outer.y;
    _elab_panel_inset (figure, &outer, TRUE, TRUE, &area);
    /* Losses of a diverged run reach thousands; past 20 the bars are
     * clipped at the top, "far off" being the point. */
    _elab_panel_init (figure, &bars, ELAB_PANEL_X, &area,
                      &(ElabBounds) { c->x_min, c->x_max,
                                      0, _elab_axis_nice_max (0, CLAMP (loss_max, 1.0, 20.0) * 1.05, 5) });
    data.x = bars.x;

    if (narrow)
      {
        outer = right;
        legend_box = (ElabRect) { body.x, body.y + body.height - legend_h, body.width, legend_h };
      }
    else
      {
        outer = (ElabRect) { right.x, right.y, right.width, right.height - legend_h - m->pad };
        legend_box = (ElabRect) { right.x, right.y + right.height - legend_h, right.width, legend_h };
      }
    _elab_panel_inset (figure, &outer, TRUE, TRUE, &area);
    /* The other loss's axis at the right: its tick labels and title take
     * the room the left axis's take. */
    if (other != NULL)
      area.width = MAX (1, area.width - round (2.4 * m->tick_px + 1.5 * m->label_px));
    _elab_panel_init (figure, &lossp, ELAB_PANEL_NONE, &area,
                      &(ElabBounds) { 0, step_max, 0, _elab_axis_nice_max (0, MAX (hist_loss_max, 1e-3) * 1.05, 5) });
    if (log_scale)
      {
        double lo, hi;

        log_range (hist_lo, hist_hi, &lo, &hi);
        _elab_panel_set_log_y (figure, &lossp, lo, hi);
        /* Its labels ("0.003") may be wider than the column left for
         * them: the plot area gives up that much width to them, the axis
         * title keeping its place, rather than let them run into it. */
        {
          double over = ceil (_elab_panel_y_ticks_overflow (figure, &lossp));

          if (over > 0)
            {
              ElabRect narrower = lossp.area;

              narrower.x += over;
              narrower.width = MAX (1, narrower.width - over);
              _elab_panel_init (figure, &lossp, ELAB_PANEL_NONE, &narrower, &(ElabBounds) { 0, step_max, 0, 1 });
              _elab_panel_set_log_y (figure, &lossp, lo, hi);
              lossp.y_label_out = over;
            }
        }
        for (gsize i = 0; i < n_hist; i++)
          c->hist_y[i] = _elab_axis_value (&lossp.y, c->hist_y[i]);
      }
    /* The other run on its own axis over the same plot area: the two
     * losses differ in scale (a confidently wrong start costs 12.6 bits
     * of cross-entropy but at most 1 of squared error), and each curve
     * reads against its own range, from 0 (or on a log axis as the
     * left one is). */
    if (other != NULL)
      {
        _elab_panel_init (figure, &otherp, ELAB_PANEL_NONE, &lossp.area,
                          &(ElabBounds) { 0, step_max, 0, _elab_axis_nice_max (0, MAX (other_max, 1e-3) * 1.05, 5) });
        if (log_scale)
          {
            double lo, hi;

            log_range (other_lo, other_hi, &lo, &hi);
            _elab_panel_set_log_y (figure, &otherp, lo, hi);
            for (gsize i = 0; i < n_other; i++)
              c->other_y[i] = _elab_axis_value (&otherp.y, c->other_y[i]);
          }
        otherp.x = lossp.x;
        c->other_panel = otherp;
        c->has_other_panel = TRUE;
      }
  }

  {
    g_autofree char *y_name = g_markup_escape_text (d->y_name, -1);

    /* The data's label stays along its panel. The bars' may reach up to
     * the data panel's bottom and down through the x axis's labels: the
     * column left of the tick labels is empty there, and a full screen
     * keeps its whole wording ("loss of each example"). */
    double room_data = y_label_room (&data, data.area.y, data.area.y + data.area.height);
    double room_bars = y_label_room (&bars, data.area.y + data.area.height, left.y + left.height);

    _elab_draw_axes (figure, cr, &data, NULL, NULL);
    draw_y_label (figure, cr, &data, y_name, room_data, &c->y_labels[0]);
    _elab_draw_axes (figure, cr, &bars, d->x_name, NULL);
    bars_label (figure, room_bars, ul, c->n > BARS_MAX, ylab, sizeof ylab);
    draw_y_label (figure, cr, &bars, ylab, room_bars, &c->y_labels[1]);
    g_strlcpy (c->y_label_text[0], y_name, sizeof c->y_label_text[0]);
    g_strlcpy (c->y_label_text[1], ylab, sizeof c->y_label_text[1]);
  }
  c->loss_panel = lossp;
  c->has_loss_panel = TRUE;
  loss_label (figure, &lossp, ul, log_scale, ylab, sizeof ylab);
  _elab_draw_axes (figure, cr, &lossp, "step", ylab);
  if (other != NULL)
    {
      loss_label (figure, &otherp, other_ul, log_scale, ylab, sizeof ylab);
      draw_right_axis (figure, cr, &otherp, ylab, _elab_theme_series (t, SERIES_OTHER));
    }

  hover = isfinite (figure->style.hover_x) && figure->style.hover_x >= c->x_min &&
          figure->style.hover_x <= c->x_max;
  if (hover)
    {
      _elab_draw_crosshair (figure, cr, &data, figure->style.hover_x);
      _elab_draw_crosshair (figure, cr, &bars, figure->style.hover_x);
    }

  cairo_save (cr);
  cairo_rectangle (cr, bars.area.x, bars.area.y, bars.area.width, bars.area.height);
  cairo_clip (cr);
  if (c->n <= BARS_MAX)
    {
      /* One bar per example at its x, coloured by class: hover a point
       * above, its bar is right below it. */
      double bw = MAX (1.5 * m->grid_w, MIN (0.9 * m->marker_r, bars.area.width / (3.0 * c->n)));
      double y0 = _elab_axis_to_px (&bars.y, 0);
      /* The colour-blind palette: a class-1 bar wears the triangle of the
       * class-1 points on its top, so the bars of the two classes differ
       * in grey too (a thin bar has no room for a hatch to read). */
      gboolean shapes = figure->style.palette == ELAB_PALETTE_COLORBLIND;
      double tr = 0.8 * m->marker_r;

      for (int cls = 0; cls <= 1; cls++)
        {
          ElabRgba col = _elab_rgba_alpha (_elab_theme_series (t, class_series[cls]), 0.7);

          for (guint k = 0; k < c->n; k++)
            if ((c->sy[k] != 0) == cls)
              {
                double px = _elab_axis_to_px (&bars.x, c->sx[k]);
                double py = _elab_axis_to_px (&bars.y, c->loss[k]);
                cairo_rectangle (cr, px - bw / 2, py, bw, y0 - py);
              }
          _elab_set_source (cr, &col);
          cairo_fill (cr);
          if (cls == 1 && shapes)
            {
              for (guint k = 0; k < c->n; k++)
                if (c->sy[k] != 0)
                  {
                    double px = _elab_axis_to_px (&bars.x, c->sx[k]);
                    double py = _elab_axis_to_px (&bars.y, c->loss[k]);

                    /* Whole inside the panel when the bar is off the scale. */
                    _elab_marker_path (cr, px, MAX (py - 0.9 * tr, bars.area.y + tr), tr, 2);
                  }
              _elab_set_source (cr, _elab_theme_series (t, class_series[1]));
              cairo_fill (cr);
            }
        }
    }
  else
    {
      /* Many rows: the mean loss in each x bin, over the sample. */
      double y0 = _elab_axis_to_px (&bars.y, 0);
      ElabRgba col = _elab_rgba_alpha (&t->foreground, 0.35);

      for (int j = 0; j < N_BINS; j++)
        if (bin_cnt[j] > 0)
          {
            double x0 = _elab_axis_to_px (&bars.x, c->x_min + (c->x_max - c->x_min) * j / N_BINS);
            double x1 = _elab_axis_to_px (&bars.x, c->x_min + (c->x_max - c->x_min) * (j + 1) / N_BINS);
            double py = _elab_axis_to_px (&bars.y, bin_sum[j] / bin_cnt[j]);
            cairo_rectangle (cr, x0 + 0.5, py, x1 - x0 - 1.0, y0 - py);
          }
      _elab_set_source (cr, &col);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  draw_points (figure, cr, c, &data);

  if (has_opt)
    _elab_draw_series (figure, cr, &data,
                       &(ElabSeries) { .x = c->curve_x, .y = c->curve_opt, .n = CURVE_N,
                                       .index = SERIES_OPT });
  _elab_draw_series (figure, cr, &data,
                     &(ElabSeries) { .x = c->curve_x, .y = c->curve_p, .n = CURVE_N, .index = SERIES_FIT });

  if (hover)
    {
      double hx = figure->style.hover_x;
      double p = sigmoid (w * hx + b);
      _elab_draw_marker (figure, cr, _elab_axis_to_px (&data.x, hx), _elab_axis_to_px (&data.y, p), SERIES_FIT);

      /* The example nearest the pointer: ringed above, its bar outlined
       * below, so a point and its loss are read together. */
      if (c->n > 0 && c->n <= BARS_MAX)
        {
          guint best = 0;
          double px, py, by, y0 = _elab_axis_to_px (&bars.y, 0);
          double bw = MAX (1.5 * m->grid_w, MIN (0.9 * m->marker_r, bars.area.width / (3.0 * c->n)));

          for (guint k = 1; k < c->n; k++)
            if (fabs (c->sx[k] - hx) < fabs (c->sx[best] - hx))
              best = k;
          px = _elab_axis_to_px (&data.x, c->sx[best]);
          py = _elab_axis_to_px (&data.y, c->sy[best] + 0.045 * c->jitter[best]);
          by = _elab_axis_to_px (&bars.y, MIN (c->loss[best], bars.y.max));
          _elab_set_source (cr, &t->foreground);
          cairo_set_line_width (cr, 0.6 * m->line_w);
          cairo_new_sub_path (cr);
          cairo_arc (cr, px, py, 1.8 * m->marker_r, 0, 2 * G_PI);
          cairo_stroke (cr);
          cairo_rectangle (cr, px - bw, by - 1, 2 * bw, y0 - by + 1);
          cairo_stroke (cr);
          if (figure->style.draw_text)
            {
              char buf[64], val[48];
              _elab_format_value (c->loss[best], ul, val, sizeof val);
              g_snprintf (buf, sizeof buf, "loss %s", val);
              _elab_draw_text (figure, cr,
                               &(ElabTextStyle) { .font = ELAB_FONT_TICK, .ay = 1.0, .color = &t->foreground },
                               buf, px + bw + 0.3 * m->tick_px, MAX (by, bars.area.y + m->tick_px));
            }
        }
    }

  /* The loss over the iterations, and the optimum it should reach. An
   * oscillating run's envelope goes under the reference lines. */
  loss_curve = (ElabSeries) { .x = c->hist_x, .y = c->hist_y, .n = (guint) n_hist, .index = SERIES_FIT };
  envelope = n_hist > 0 && draw_loss_envelope (figure, cr, &lossp, &loss_curve);
  if (has_opt)
    {
      double py = _elab_axis_to_px (&lossp.y, _elab_axis_value (&lossp.y, opt_loss * factor));

      cairo_save (cr);
      _elab_set_source (cr, _elab_theme_series (t, SERIES_OPT));
      _elab_set_dash (cr, SERIES_OPT, m->line_w);
      cairo_set_line_width (cr, m->line_w);
      cairo_move_to (cr, lossp.area.x, py);
      cairo_line_to (cr, lossp.area.x + lossp.area.width, py);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  /* The labels' own entropy: the loss of always predicting the base rate.
   * Below this line is what the feature x has bought. For the squared
   * error that model's loss is the labels' variance p(1 − p). */
  {
    double base = elab_dataset_label_entropy (d) * factor;

    if (loss == ELAB_LOSS_SQUARED)
      {
        double p = 0.0;

        for (gsize i = 0; i < d->n_rows; i++)
          p += d->y[i];
        p /= d->n_rows;
        base = p * (1.0 - p);
      }
    double by = _elab_axis_value (&lossp.y, base);

    if (isfinite (by) && by > lossp.y.min && by < lossp.y.max)
      {
        double py = _elab_axis_to_px (&lossp.y, by);

        cairo_save (cr);
        _elab_set_source (cr, &t->muted);
        _elab_set_dash (cr, 2, m->line_w);
        cairo_set_line_width (cr, m->line_w);
        cairo_move_to (cr, lossp.area.x, py);
        cairo_line_to (cr, lossp.area.x + lossp.area.width, py);
        cairo_stroke (cr);
        cairo_restore (cr);
        if (figure->style.draw_text)
          {
            char hv[48], label[3][128];
            double room = lossp.area.width - 1.0 * m->tick_px;
            guint i = 0;

            _elab_format_value (base, ul, hv, sizeof hv);
            /* The longest wording that fits the plot's width: a label
             * running left out of the plot would cross its axis. */
            if (loss == ELAB_LOSS_SQUARED)
              g_snprintf (label[0], sizeof label[0], "base rate p(1\xe2\x88\x92p) = %s", hv);
            else
              g_snprintf (label[0], sizeof label[0], "labels\xe2\x80\x99 own entropy H(y) = %s (base rate)", hv);
            g_snprintf (label[1], sizeof label[1], "base rate %s", hv);
            g_strlcpy (label[2], "base rate", sizeof label[2]);
            for (; i < 2; i++)
              {
                ElabText *tx = _elab_text (figure, ELAB_FONT_TICK, label[i], FALSE, -1, FALSE);

                if (tx == NULL || tx->width <= room)
                  break;
              }
            /* Over an oscillating run's envelope the label gets the
             * background under it, or it could not be read. */
            if (envelope)
              {
                ElabText *tx = _elab_text (figure, ELAB_FONT_TICK, label[i], FALSE, -1, FALSE);

                if (tx != NULL)
                  {
                    ElabRgba bg = _elab_rgba_alpha (&t->background, 0.85);
                    double pad = 0.2 * m->tick_px;

                    _elab_set_source (cr, &bg);
                    cairo_rectangle (cr, round (lossp.area.x + lossp.area.width - 0.5 * m->tick_px - tx->width) - pad,
                                     round (py - 0.25 * m->tick_px - tx->height) - pad,
                                     tx->width + 2 * pad, tx->height + 2 * pad);
                    cairo_fill (cr);
                  }
              }
            _elab_draw_text (figure, cr,
                             &(ElabTextStyle) { .font = ELAB_FONT_TICK, .ax = 1.0, .ay = 1.0, .color = &t->muted },
                             label[i],
                             lossp.area.x + lossp.area.width - 0.5 * m->tick_px,
                             py - 0.25 * m->tick_px);
          }
      }
  }
  if (n_other > 0)
    {
      _elab_draw_series (figure, cr, &otherp,
                         &(ElabSeries) { .x = c->other_x, .y = c->other_y, .n = (guint) n_other,
                                         .index = SERIES_OTHER });
      _elab_draw_marker (figure, cr, _elab_axis_to_px (&otherp.x, c->other_x[n_other - 1]),
                         _elab_axis_to_px (&otherp.y, c->other_y[n_other - 1]), SERIES_OTHER);
    }
  if (n_hist > 0)
    {
      if (!envelope)
        _elab_draw_series (figure, cr, &lossp, &loss_curve);
      _elab_draw_marker (figure, cr, _elab_axis_to_px (&lossp.x, c->hist_x[n_hist - 1]),
                         _elab_axis_to_px (&lossp.y, c->hist_y[n_hist - 1]), SERIES_FIT);
    }

  {
    ElabTrainStatus st = elab_trainer_get_status (trainer);
    const ElabRgba *col = st == ELAB_TRAIN_STATUS_DIVERGED ? _elab_theme_series (t, 1) : &t->foreground;
    double used;

    if (narrow)
      {
        /* Two boxes side by side: the classes under the heading, then
         * where the run is and the optimum. */
        ElabRect half = legend_box;

        half.width = floor ((legend_box.width - m->pad) / 2);
        half.height = legend_rows_h;
        _elab_draw_legend (figure, cr, &half, entries, n_left, LEGEND_HEADING);
        half.x = legend_box.x + legend_box.width - half.width;
        _elab_draw_legend (figure, cr, &half, entries + n_left, n_entries - n_left, NULL);
        used = legend_rows_h;
      }
    else
      used = _elab_draw_legend (figure, cr, &legend_box, entries, n_entries, LEGEND_HEADING);

    if (message != NULL && msg_strip)
      draw_message (figure, cr, message, body.x + 0.5 * m->legend_px,
                    body.y + body.height - msg_h + 0.6 * m->legend_px,
                    body.width - m->legend_px, body.y + body.height, col);
    else if (message != NULL)
      draw_message (figure, cr, message, legend_box.x + 0.5 * m->legend_px,
                    legend_box.y + used + 0.6 * m->legend_px, legend_box.width - m->legend_px,
                    body.y + body.height, col);
  }

  _elab_draw_caption (figure, cr, &body);
}
