/* elab-figure-landscape.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loss landscape of the training page: L(w, b) over a rectangle as a
 * heat map with contour lines, the path the optimizer took and the
 * optimum; without a bias, the curve L(w) with the path on it. Asked to
 * compare the losses, the cross-entropy's bowl and the squared error's
 * plateaus side by side over the same rectangle, each with the path of
 * a run on it: the figure keeps the run on the other loss (same settings,
 * same step) itself.
 *
 * The grid, its heat-map image and its contours depend only on the data,
 * the bias setting and the rectangle, so they are computed once per
 * (trainer, generation) and again only when the path leaves the
 * rectangle, never once per frame.
 */

#include <string.h>

#include "elab-figure-private.h"
#include "elab-trainer.h"

#define GRID_W   72
#define GRID_H   48
#define CURVE_N  241
#define N_LEVELS 9

/* The run's colour and marker, as the Training figure draws "now" (the
 * class colours are 1 and 2). */
#define SERIES_PATH 0
/* Comparing the losses: the run on the other loss, in the colour, dash
 * and marker the Training figure's loss plot gives it. */
#define SERIES_OTHER 4
#define SERIES_OPT  3

typedef struct _LandscapeCache LandscapeCache;

struct _LandscapeCache
{
  const ElabTrainer *trainer;
  guint              generation;
  gboolean           bias;
  double             sd_x;          /* scale of x, for a sensible w span */

  double             w_min, w_max, b_min, b_max;
  double             grid[GRID_W * GRID_H];   /* nats */
  double             l_min, l_max;
  double             levels[N_LEVELS];
  GArray            *segments;      /* 4 doubles each: w0, b0, w1, b1 */
  cairo_surface_t   *heat;
  guint              rect_serial;   /* bumped whenever the grid changes */

  /* The heat map and contours rendered at the panel's device size, so a
   * frame only copies pixels. Keyed on everything that shows in it. */
  ElabLayer          layer;
  cairo_pattern_t   *bar;           /* the colour map along [0, 1] */
  guint              layer_serial;
  double             layer_key[7];  /* device x0, y0, x1, y1, scale, line width, layer width */
  int                hole[4];       /* last frame's opaque layer, device px */
  double             hole_key[7];   /* the layout it was placed in */

  double             curve_w[CURVE_N];   /* no bias: L(w) */
  double             curve_l[CURVE_N];

  double            *path_x;
  double            *path_y;
  gsize              path_cap;

  /* Comparing the losses: the other loss's surface over the same
   * rectangle, and the run on it (NULL for data sets too large to run a
   * second trainer beside the window's). */
  LandscapeCache    *pair;
  ElabTrainer       *companion;
};

static void
landscape_cache_free (gpointer data)
{
  LandscapeCache *c = data;

  if (c == NULL)
    return;

  g_clear_pointer (&c->heat, cairo_surface_destroy);
  _elab_layer_clear (&c->layer);
  g_clear_pointer (&c->bar, cairo_pattern_destroy);
  g_clear_pointer (&c->segments, g_array_unref);
  g_free (c->path_x);
  g_free (c->path_y);
  g_clear_pointer (&c->pair, landscape_cache_free);
  g_clear_pointer (&c->companion, elab_trainer_free);
  g_free (c);
}

/* Colour scale: a five-stop approximation of viridis, dark = low loss. */
static void
colormap (double  t,
          double *r,
          double *g,
          double *b)
{
  static const double stops[5][3] = {
    { 0.267, 0.005, 0.329 }, { 0.229, 0.322, 0.546 }, { 0.128, 0.567, 0.551 },
    { 0.369, 0.789, 0.383 }, { 0.993, 0.906, 0.144 },
  };
  double s = CLAMP (t, 0.0, 1.0) * 4.0;
  int i = MIN ((int) s, 3);
  double f = s - i;

  *r = stops[i][0] + f * (stops[i + 1][0] - stops[i][0]);
  *g = stops[i][1] + f * (stops[i + 1][1] - stops[i][1]);
  *b = stops[i][2] + f * (stops[i + 1][2] - stops[i][2]);
}

/* Loss → [0, 1] on a log scale above the minimum, so the valley floor
 * gets as much colour as the walls. */
static double
to_unit (const LandscapeCache *c,
         double                l)
{
  double range = c->l_max - c->l_min, d = MAX (range * 1e-3, 1e-300);

  if (!(range > 0))
    return 0.0;
  return log ((MAX (l - c->l_min, 0.0) + d) / d) / log ((range + d) / d);
}

static double
from_unit (const LandscapeCache *c,
           double                t)
{
  double range = c->l_max - c->l_min, d = MAX (range * 1e-3, 1e-300);

  return c->l_min - d + d * exp (t * log ((range + d) / d));
}

/* Widens @box (w0, w1, b0, b1) to hold @run's optimum and the @n points
 * of its @path. */
static void
extend_to_run (double                box[4],
               const ElabTrainer    *run,
               const ElabTrainPoint *path,
               gsize                 n)
{
  double ow, ob;

  if (elab_trainer_get_optimum (run, &ow, &ob, NULL))
    {
      box[0] = MIN (box[0], ow), box[1] = MAX (box[1], ow);
      box[2] = MIN (box[2], ob), box[3] = MAX (box[3], ob);
    }
  for (gsize i = 0; i < n; i++)
    {
      box[0] = MIN (box[0], path[i].w), box[1] = MAX (box[1], path[i].w);
      box[2] = MIN (box[2], path[i].b), box[3] = MAX (box[3], path[i].b);
    }
}

static void
add_segment (GArray *segments,
             double  w0,
             double  b0,
             double  w1,
             double  b1)
{
  double s[4] = { w0, b0, w1, b1 };
  g_array_append_vals (segments, s, 4);
}

void
_elab_contour_level (const double *grid,
                     guint         nx,
                     guint         ny,
                     double        lv,
                     GArray       *segments)
{
  for (guint j = 0; j + 1 < ny; j++)
    for (guint i = 0; i + 1 < nx; i++)
      {
        /* Corners counter-clockwise from (i, j). */
        double v[4] = { grid[j * nx + i], grid[j * nx + i + 1],
                        grid[(j + 1) * nx + i + 1], grid[(j + 1) * nx + i] };
        double cw[4] = { i, i + 1, i + 1, i }, cb[4] = { j, j, j + 1, j + 1 };
        double pw[4], pb[4];
        int n = 0;

        for (int e = 0; e < 4; e++)
          {
            double a = v[e], b = v[(e + 1) % 4];
            if ((a < lv) != (b < lv))
              {
                double f = (lv - a) / (b - a);
                pw[n] = cw[e] + f * (cw[(e + 1) % 4] - cw[e]);
                pb[n] = cb[e] + f * (cb[(e + 1) % 4] - cb[e]);
                n++;
              }
          }
        /* Two crossings: one segment. Four (a saddle: the low corners
         * face each other across the cell): the centre decides. Where it
         * is low, the low corners are joined through it and the high ones
         * are cut off, and the other way round; the pairing in edge order
         * cuts off corners 1 and 3, else the crossings turn by one edge to
         * cut off 0 and 2. So a narrow valley along a cell's diagonal
         * stays one valley, not a string of little islands. The
         * cross-entropy is convex: its centre lies below both diagonals'
         * means, and the lower mean stands for it. */
        if (n == 4 && (v[1] >= lv) != (MIN (v[0] + v[2], v[1] + v[3]) / 2 < lv))
          {
            double tw = pw[0], tb = pb[0];

            memmove (pw, pw + 1, 3 * sizeof (double));
            memmove (pb, pb + 1, 3 * sizeof (double));
            pw[3] = tw, pb[3] = tb;
          }
        for (int s = 0; s + 1 < n; s += 2)
          add_segment (segments, pw[s], pb[s], pw[s + 1], pb[s + 1]);
      }
}

/* Marching squares over the grid at each level, in (w, b). */
static void
compute_contours (LandscapeCache *c)
{
  double dw = (c->w_max - c->w_min) / (GRID_W - 1), db = (c->b_max - c->b_min) / (GRID_H - 1);
  double *s;

  g_array_set_size (c->segments, 0);
  for (guint k = 0; k < N_LEVELS; k++)
    _elab_contour_level (c->grid, GRID_W, GRID_H, c->levels[k], c->segments);
  s = (double *) c->segments->data;
  for (guint k = 0; k < c->segments->len; k += 2)
    {
      s[k] = c->w_min + s[k] * dw;
      s[k + 1] = c->b_min + s[k + 1] * db;
    }
}

static void
compute_heat (LandscapeCache *c)
{
  unsigned char *data;
  int stride;

  if (c->heat == NULL)
    c->heat = cairo_image_surface_create (CAIRO_FORMAT_RGB24, GRID_W, GRID_H);
  cairo_surface_flush (c->heat);
  data = cairo_image_surface_get_data (c->heat);
  stride = cairo_image_surface_get_stride (c->heat);
  for (guint j = 0; j < GRID_H; j++)
    {
      /* Image rows run top down, b runs bottom up. */
      guint32 *row = (guint32 *) (data + (GRID_H - 1 - j) * stride);

      for (guint i = 0; i < GRID_W; i++)
        {
          double r, g, b;

          colormap (to_unit (c, c->grid[j * GRID_W + i]), &r, &g, &b);
          row[i] = ((guint32) (r * 255 + 0.5) << 16) | ((guint32) (g * 255 + 0.5) << 8) | (guint32) (b * 255 + 0.5);
        }
    }
  cairo_surface_mark_dirty (c->heat);
}

/* The grid of @loss over @c's rectangle, its colour scale, heat map and
 * contours. */
static void
fill_surface (LandscapeCache    *c,
              const ElabTrainer *trainer,
              ElabLoss           loss)
{
  c->rect_serial++;

  if (c->bias)
    {
      elab_trainer_loss_grid_of (trainer, loss,
                                 &(ElabLossGrid) { c->w_min, c->w_max, GRID_W, c->b_min, c->b_max, GRID_H },
                                 c->grid);
      c->l_min = INFINITY;
      c->l_max = -INFINITY;
      for (guint k = 0; k < GRID_W * GRID_H; k++)
        {
          c->l_min = MIN (c->l_min, c->grid[k]);
          c->l_max = MAX (c->l_max, c->grid[k]);
        }
      for (guint k = 0; k < N_LEVELS; k++)
        c->levels[k] = from_unit (c, (k + 1.0) / (N_LEVELS + 1.0));
      compute_heat (c);
      compute_contours (c);
    }
  else
    elab_trainer_loss_grid_of (trainer, loss, &(ElabLossGrid) { c->w_min, c->w_max, CURVE_N, 0.0, 0.0, 1 },
                               c->curve_l);
  for (guint i = 0; i < CURVE_N; i++)
    c->curve_w[i] = c->w_min + (c->w_max - c->w_min) * i / (CURVE_N - 1);
}

/* Picks the rectangle (start, optimum and path, padded, never
 * degenerate) and fills the surfaces over it. */
static void
rebuild (LandscapeCache       *c,
         const ElabTrainer    *trainer,
         const ElabTrainPoint *hist,
         gsize                 n_hist,
         double                pad)
{
  const ElabTrainerSettings *s = elab_trainer_get_settings (trainer);
  ElabLoss loss = s->loss;
  double box[4] = { s->init_w, s->init_w, s->init_b, s->init_b };
  double span_w, span_b;

  extend_to_run (box, trainer, hist, n_hist);
  /* The other loss's run shares the rectangle. */
  if (c->companion != NULL)
    {
      gsize n_other;
      const ElabTrainPoint *other = elab_trainer_get_history (c->companion, &n_other);

      extend_to_run (box, c->companion, other, n_other);
    }
  span_w = MAX (box[1] - box[0], 2.0 / c->sd_x);
  span_b = MAX (box[3] - box[2], 2.0);
  c->w_min = (box[0] + box[1]) / 2 - span_w * (0.5 + pad);
  c->w_max = (box[0] + box[1]) / 2 + span_w * (0.5 + pad);
  c->b_min = (box[2] + box[3]) / 2 - span_b * (0.5 + pad);
  c->b_max = (box[2] + box[3]) / 2 + span_b * (0.5 + pad);

  fill_surface (c, trainer, loss);
  if (c->pair != NULL)
    {
      c->pair->bias = c->bias;
      c->pair->w_min = c->w_min, c->pair->w_max = c->w_max;
      c->pair->b_min = c->b_min, c->pair->b_max = c->b_max;
      fill_surface (c->pair, trainer, loss == ELAB_LOSS_SQUARED ? ELAB_LOSS_CROSS_ENTROPY : ELAB_LOSS_SQUARED);
    }
}

/* The run on the other loss at the step the figure's run is at: rewound
 * when the figure's run was (a reset keeps the generation), then
 * stepped on. */
static void
sync_companion (LandscapeCache    *c,
                const ElabTrainer *trainer)
{
  guint64 target = elab_trainer_get_steps (trainer);

  if (c->companion == NULL)
    return;
  if (elab_trainer_get_steps (c->companion) > target)
    elab_trainer_reset (c->companion, NULL);
  while (!elab_trainer_is_done (c->companion) && elab_trainer_get_steps (c->companion) < target)
    elab_trainer_step (c->companion, (guint) MIN (target - elab_trainer_get_steps (c->companion), 4096));
}

static gboolean
off_rect (const LandscapeCache *c,
          const ElabTrainPoint *p)
{
  return p != NULL && (p->w < c->w_min || p->w > c->w_max ||
                       (c->bias && (p->b < c->b_min || p->b > c->b_max)));
}

static LandscapeCache *
get_cache (ElabFigure           *figure,
           const ElabTrainer    *trainer,
           const ElabTrainPoint *hist,
           gsize                 n_hist,
           gboolean              compare)
{
  LandscapeCache *c = figure->extra;
  const ElabDataset *d = elab_trainer_get_dataset (trainer);
  const ElabTrainPoint *last = n_hist > 0 ? &hist[n_hist - 1] : NULL;
  const ElabTrainPoint *other_last = NULL;
  gboolean fresh;

  if (c == NULL)
    {
      c = g_new0 (LandscapeCache, 1);
      c->segments = g_array_new (FALSE, FALSE, sizeof (double));
      figure->extra = c;
      figure->extra_free = landscape_cache_free;
    }

  /* Comparing only where there is a (w, b) plane to compare on. */
  compare = compare && elab_trainer_get_settings (trainer)->use_bias;
  fresh = c->trainer != trainer || c->generation != elab_trainer_get_generation (trainer) ||
          compare != (c->pair != NULL);
  if (fresh)
    {
      g_clear_pointer (&c->pair, landscape_cache_free);
      g_clear_pointer (&c->companion, elab_trainer_free);
      if (compare)
        {
          ElabTrainerSettings other = *elab_trainer_get_settings (trainer);

          c->pair = g_new0 (LandscapeCache, 1);
          c->pair->segments = g_array_new (FALSE, FALSE, sizeof (double));
          /* A second run over a large data set would double the window's
           * work per frame: its surface is drawn without a path. */
          other.loss = other.loss == ELAB_LOSS_SQUARED ? ELAB_LOSS_CROSS_ENTROPY : ELAB_LOSS_SQUARED;
          if (d->n_rows < ELAB_TRAINER_PARALLEL_ROWS)
            c->companion = elab_trainer_new ((ElabDataset *) d, &other);
        }
    }
  sync_companion (c, trainer);
  if (c->companion != NULL)
    {
      gsize n_other;
      const ElabTrainPoint *other = elab_trainer_get_history (c->companion, &n_other);

      other_last = n_other > 0 ? &other[n_other - 1] : NULL;
    }

  if (fresh)
    {
      double mean = 0, ss = 0;

      for (gsize i = 0; i < d->n_rows; i++)
        mean += d->x[i] / d->n_rows;
      for (gsize i = 0; i < d->n_rows; i++)
        ss += (d->x[i] - mean) * (d->x[i] - mean) / d->n_rows;
      c->sd_x = isfinite (ss) && ss > 0 ? sqrt (ss) : 1.0;
      c->trainer = trainer;
      c->generation = elab_trainer_get_generation (trainer);
      c->bias = elab_trainer_get_settings (trainer)->use_bias;
      /* A recording: the rectangle of its whole path from the first frame. */
      if (figure->style.run != NULL)
        hist = elab_trainer_get_history (figure->style.run, &n_hist);
      rebuild (c, trainer, hist, n_hist, 0.25);
    }
  else if (off_rect (c, last) || off_rect (c, other_last))
    {
      /* The path walked off the map: a wider one, with room to go on. */
      rebuild (c, trainer, hist, n_hist, 0.6);
    }
  return c;
}

static void
draw_path (ElabFigure       *figure,
           cairo_t          *cr,
           const ElabPanel  *panel,
           const ElabSeries *path)
{
  const double *x = path->x, *y = path->y;
  guint n = path->n, series = path->index;
  const ElabMetrics *m = &figure->metrics;
  double last_px = NAN, last_py = NAN;

  if (n == 0)
    return;
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      double px = _elab_axis_to_px (&panel->x, x[i]), py = _elab_axis_to_px (&panel->y, y[i]);

      /* Keep the path finite and within cairo's fixed-point range. */
      px = CLAMP (px, -1e5, 1e5);
      py = CLAMP (py, -1e5, 1e5);
      if (i > 0 && fabs (px - last_px) < 0.5 && fabs (py - last_py) < 0.5 && i + 1 < n)
        continue;
      if (i == 0)
        cairo_move_to (cr, px, py);
      else
        cairo_line_to (cr, px, py);
      last_px = px, last_py = py;
    }
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_set_line_width (cr, 2.6 * m->line_w);
  cairo_stroke_preserve (cr);
  _elab_set_source (cr, _elab_theme_series (&figure->theme, series));
  /* Its series' dash, as its legend swatch and its loss curve have it. */
  _elab_set_dash (cr, series, m->line_w);
  cairo_set_line_width (cr, m->line_w);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The heat map, scaled smoothly over the plot area (over the grid lines,
 * which would read as contours), and the contour lines as vectors. */
static void
paint_heat_and_contours (ElabFigure      *figure,
                         cairo_t         *cr,
                         LandscapeCache  *c,
                         const ElabPanel *panel)
{
  const ElabMetrics *m = &figure->metrics;
  double x0 = _elab_axis_to_px (&panel->x, c->w_min), x1 = _elab_axis_to_px (&panel->x, c->w_max);
  double y0 = _elab_axis_to_px (&panel->y, c->b_max), y1 = _elab_axis_to_px (&panel->y, c->b_min);
  double sx = (x1 - x0) / (GRID_W - 1), sy = (y1 - y0) / (GRID_H - 1);

  cairo_save (cr);
  cairo_rectangle (cr, panel->area.x, panel->area.y, panel->area.width, panel->area.height);
  cairo_clip (cr);
  cairo_save (cr);
  cairo_translate (cr, x0 - 0.5 * sx, y0 - 0.5 * sy);
  cairo_scale (cr, sx, sy);
  cairo_set_source_surface (cr, c->heat, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_paint (cr);
  cairo_restore (cr);

  cairo_new_path (cr);
  for (guint k = 0; k + 3 < c->segments->len; k += 4)
    {
      const double *s = &g_array_index (c->segments, double, k);
      cairo_move_to (cr, _elab_axis_to_px (&panel->x, s[0]), _elab_axis_to_px (&panel->y, s[1]));
      cairo_line_to (cr, _elab_axis_to_px (&panel->x, s[2]), _elab_axis_to_px (&panel->y, s[3]));
    }
  cairo_set_source_rgba (cr, 1, 1, 1, 0.45);
  cairo_set_line_width (cr, 0.8 * m->grid_w + 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The colour bar: one gradient through the colour map (made once, mapped
 * onto the bar each frame) instead of a fill per band. Vertical bars run
 * from the lowest loss at the bottom to the highest at the top. */
static void
fill_colour_bar (LandscapeCache *c,
                 cairo_t        *cr,
                 double          x,
                 double          y,
                 double          width,
                 double          height,
                 gboolean        vertical)
{
  cairo_matrix_t m;

  /* A bar squeezed to nothing has no matrix to map it: an error kept in
   * the cached pattern would spoil every later frame. */
  if (!(width >= 1 && height >= 1))
    return;
  if (c->bar == NULL)
    {
      const guint stops = 64;

      c->bar = cairo_pattern_create_linear (0, 0, 1, 0);
      for (guint i = 0; i <= stops; i++)
        {
          double r, g, b;

          colormap ((double) i / stops, &r, &g, &b);
          cairo_pattern_add_color_stop_rgb (c->bar, (double) i / stops, r, g, b);
        }
    }
  /* User space to the gradient's [0, 1] along the bar. */
  if (vertical)
    cairo_matrix_init (&m, 0, 1, -1 / height, 0, (y + height) / height, 0);
  else
    cairo_matrix_init (&m, 1 / width, 0, 0, 1, -x / width, 0);
  cairo_pattern_set_matrix (c->bar, &m);
  cairo_set_source (cr, c->bar);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

/* The colour bar's loss values at 0, ¼, ½, ¾ and 1 along it: the ends
 * first, then the middle ones that do not run into a placed one (the
 * scale is not linear, so they bunch). Horizontal labels hang under
 * (x, y) … (x + length, y); vertical ones stand right of x, from the
 * bottom (y + length) up to y. */
static void
draw_bar_labels (ElabFigure     *figure,
                 cairo_t        *cr,
                 LandscapeCache *c,
                 double          factor,
                 const char     *unit,
                 gboolean        vertical,
                 double          x,
                 double          y,
                 double          length)
{
  static const guint order[] = { 0, 4, 2, 1, 3 };
  const ElabMetrics *m = &figure->metrics;
  double lo[5], hi[5];
  guint n_placed = 0;

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      guint i = order[k];
      double tt = i / 4.0, a, pos, size, l, h;
      gboolean clear = TRUE;
      char buf[48];

      _elab_format_value (from_unit (c, tt) * factor, i == 4 ? unit : NULL, buf, sizeof buf);
      if (vertical)
        {
          a = 0.5;
          pos = y + length * (1 - tt);
          size = m->tick_px;
        }
      else
        {
          /* The end labels stay inside the bar's span. */
          a = i == 0 ? 0.0 : i == 4 ? 1.0 : 0.5;
          pos = x + length * tt;
          size = _elab_text_estimate_width (figure, ELAB_FONT_TICK, buf, FALSE);
        }
      l = pos - a * size - 0.4 * m->tick_px;
      h = pos + (1 - a) * size + 0.4 * m->tick_px;
      for (guint j = 0; j < n_placed; j++)
        if (l < hi[j] && h > lo[j])
          clear = FALSE;
      if (!clear)
        continue;
      lo[n_placed] = l, hi[n_placed] = h, n_placed++;
      if (vertical)
        _elab_draw_text (figure, cr,
                         &(ElabTextStyle) { .font = ELAB_FONT_TICK, .ay = 0.5, .color = &figure->theme.muted },
                         buf, x, pos);
      else
        _elab_draw_text (figure, cr,
                         &(ElabTextStyle) { .font = ELAB_FONT_TICK, .ax = a, .color = &figure->theme.muted },
                         buf, pos, y);
    }
}

/* "w −0.222, b 14.40", or "w −0.222" without a bias; no-break spaces keep
 * a wrapped legend from parting a name from its value. */
static void
format_point (gboolean  bias,
              double    w,
              double    b,
              char     *buf,
              gsize     len)
{
  char sw[48], sb[48];

  _elab_format_value (w, NULL, sw, sizeof sw);
  _elab_format_value (b, NULL, sb, sizeof sb);
  if (bias)
    g_snprintf (buf, len, "w\xc2\xa0%s, b\xc2\xa0%s", sw, sb);
  else
    g_snprintf (buf, len, "w\xc2\xa0%s", sw);
}

/* Where the target is made of pixels: renders the heat map and contours
 * once into a device-sized layer and copies it per frame. Vector targets
 * (SVG, PDF) get the contours as vectors. */
static void
draw_heat_and_contours (ElabFigure      *figure,
                        cairo_t         *cr,
                        LandscapeCache  *c,
                        const ElabPanel *panel)
{
  cairo_matrix_t mx;
  double key[7], d[4];
  int px[4];

  if (!_elab_layer_place (figure, cr, &panel->area, d, px))
    {
      paint_heat_and_contours (figure, cr, c, panel);
      return;
    }
  cairo_get_matrix (cr, &mx);
  key[0] = d[0], key[1] = d[1], key[2] = d[2], key[3] = d[3], key[4] = mx.xx, key[5] = figure->metrics.grid_w;
  key[6] = px[2] - px[0];   /* the layer's own scale (HiDPI) */

  if (c->layer.surface == NULL || c->layer_serial != c->rect_serial ||
      memcmp (key, c->layer_key, sizeof key) != 0)
    {
      /* Whole pixels need no alpha: the copy is then a plain blit. */
      gboolean aligned = d[0] == px[0] && d[1] == px[1] && d[2] == px[2] && d[3] == px[3];
      cairo_t *lcr = _elab_layer_begin (&c->layer, figure, cr, px,
                                        aligned ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32);

      paint_heat_and_contours (figure, lcr, c, panel);
      _elab_layer_end (&c->layer, lcr);
      c->layer_serial = c->rect_serial;
      memcpy (c->layer_key, key, sizeof key);
    }
  _elab_layer_paint (&c->layer, cr);
}

/* @c's path from @hist: (w, b) over a map, or (w, loss × @factor) over
 * the loss curve of a model without bias. */
static void
set_path (LandscapeCache       *c,
          const ElabTrainPoint *hist,
          gsize                 n_hist,
          double                factor)
{
  if (c->path_cap < n_hist)
    {
      c->path_cap = MAX (n_hist, 2 * c->path_cap);
      c->path_x = g_renew (double, c->path_x, c->path_cap);
      c->path_y = g_renew (double, c->path_y, c->path_cap);
    }
  for (gsize i = 0; i < n_hist; i++)
    {
      c->path_x[i] = hist[i].w;
      c->path_y[i] = c->bias ? hist[i].b : hist[i].loss * factor;
    }
}

/* One (w, b) map: the surface's heat map and contours, then, clipped to
 * the panel, @run's path from its start (may be NULL: the surface alone),
 * where it is now and its optimum as a haloed ×. */
static void
draw_map (ElabFigure        *figure,
          cairo_t           *cr,
          LandscapeCache    *s,
          const ElabPanel   *panel,
          const ElabTrainer *run,
          guint              series)
{
  const ElabMetrics *m = &figure->metrics;
  const ElabTheme *t = &figure->theme;
  const ElabTrainPoint *hist = NULL;
  double opt_w, opt_b;
  gsize n_hist = 0;

  draw_heat_and_contours (figure, cr, s, panel);
  if (run == NULL)
    return;

  hist = elab_trainer_get_history (run, &n_hist);
  set_path (s, hist, n_hist, 1.0);

  cairo_save (cr);
  cairo_rectangle (cr, panel->area.x, panel->area.y, panel->area.width, panel->area.height);
  cairo_clip (cr);
  draw_path (figure, cr, panel,
             &(ElabSeries) { .x = s->path_x, .y = s->path_y, .n = (guint) n_hist, .index = series });
  if (n_hist > 0)
    _elab_draw_marker (figure, cr, _elab_axis_to_px (&panel->x, s->path_x[0]),
                       _elab_axis_to_px (&panel->y, s->path_y[0]), 5);
  _elab_draw_marker (figure, cr, _elab_axis_to_px (&panel->x, elab_trainer_get_w (run)),
                     _elab_axis_to_px (&panel->y, elab_trainer_get_b (run)), series);
  if (elab_trainer_get_optimum (run, &opt_w, &opt_b, NULL))
    {
      double px = _elab_axis_to_px (&panel->x, opt_w), py = _elab_axis_to_px (&panel->y, opt_b);
      double r = 1.6 * m->marker_r;

      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_set_line_width (cr, 2.5 * m->line_w);
      cairo_move_to (cr, px - r, py - r);
      cairo_line_to (cr, px + r, py + r);
      cairo_move_to (cr, px - r, py + r);
      cairo_line_to (cr, px + r, py - r);
      cairo_stroke_preserve (cr);
      _elab_set_source (cr, _elab_theme_series (t, SERIES_OPT));
      cairo_set_line_width (cr, m->line_w);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* The legend's two rows for one run: where it is and its optimum, each
 * loss in its own unit, the names prefixed when two runs share the
 * legend. Returns the rows added. */
static guint
run_entries (const ElabTrainer *run,
             guint              series,
             gboolean           bias,
             ElabUnit           unit,
             const char        *prefix,
             char               names[2][64],
             char               values[2][48],
             char               details[2][96],
             ElabLegendEntry   *res)
{
  ElabLoss loss = elab_trainer_get_settings (run)->loss;
  double factor = elab_trainer_loss_factor (loss, unit);
  const char *ul = loss == ELAB_LOSS_SQUARED ? NULL : elab_unit_to_string (unit);
  double opt_w, opt_b, opt_loss;
  guint n = 0;

  g_snprintf (names[0], 64, "%snow:", prefix);
  format_point (bias, elab_trainer_get_w (run), elab_trainer_get_b (run), details[0], 96);
  _elab_format_value (elab_trainer_get_loss (run) * factor, ul, values[0], 48);
  res[n++] = (ElabLegendEntry) { names[0], values[0], series, FALSE, .detail = details[0] };
  if (elab_trainer_get_optimum (run, &opt_w, &opt_b, &opt_loss))
    {
      g_snprintf (names[1], 64, "%soptimum:", prefix);
      format_point (bias, opt_w, opt_b, details[1], 96);
      _elab_format_value (opt_loss * factor, ul, values[1], 48);
      /* A haloed × on the map, a marker on the 1-D curve. */
      res[n++] = (ElabLegendEntry) { names[1], values[1], SERIES_OPT, FALSE, .detail = details[1],
                                     .swatch = bias ? ELAB_SWATCH_CROSS : ELAB_SWATCH_MARKER };
    }
  else
    {
      g_snprintf (names[1], 64, "%sno finite optimum (separable)", prefix);
      res[n++] = (ElabLegendEntry) { names[1], NULL, ELAB_LEGEND_NO_SWATCH, FALSE };
    }
  return n;
}

/* For tests: the rectangle (w_min, w_max, b_min, b_max) of the cached
 * grid. FALSE before the first draw with a trainer. */
gboolean _elab_figure_landscape_get_rect (const ElabFigure *figure,
                                          double            res[4]);

/* For tests: the run on the other loss that the figure keeps while it
 * compares the losses, or NULL. */
const ElabTrainer *_elab_figure_landscape_get_companion (const ElabFigure *figure);

const ElabTrainer *
_elab_figure_landscape_get_companion (const ElabFigure *figure)
{
  const LandscapeCache *c = figure->extra;

  if (c == NULL || figure->kind != ELAB_FIGURE_LANDSCAPE)
    return NULL;
  return c->companion;
}

gboolean
_elab_figure_landscape_get_rect (const ElabFigure *figure,
                                 double            res[4])
{
  const LandscapeCache *c = figure->extra;

  if (c == NULL || figure->kind != ELAB_FIGURE_LANDSCAPE)
    return FALSE;
  res[0] = c->w_min;
  res[1] = c->w_max;
  res[2] = c->b_min;
  res[3] = c->b_max;
  return TRUE;
}

/* The subtitle in its one line's room, whole: the data set's name (in a
 * narrow figure, whose title does not name it), what is drawn, the path's
 * optimizer and its step, as much as fits, from the end: a presentation
 * at 1280×720 had cut "… O-ring incident · L(…" before the step. */
static void
format_subtitle (ElabFigure *figure,
                 char       *res,
                 gsize       size,
                 const char *name,
                 const char *what,
                 const char *what_short,
                 const char *path,
                 guint64     steps,
                 guint64     widest_steps)
{
  g_autofree char *short_name = NULL;
  const char *colon = name != NULL ? strchr (name, ':') : NULL;
  char *lines[6], *probes[6];
  guint n = 0;

  /* "Challenger O-rings: launch temperature …" is known by what comes
   * before its colon. */
  if (name != NULL)
    short_name = colon != NULL ? g_strndup (name, colon - name) : g_strdup (name);
  /* Measured with the most digits the run's step can reach, so the line
   * does not lose a part as the run goes on. */
  for (int probe = 0; probe < 2; probe++)
    {
      char **to = probe ? probes : lines;
      guint64 s = probe ? MAX (steps, widest_steps) : steps;

      n = 0;
      if (name != NULL)
        {
          to[n++] = g_strdup_printf ("%s \xc2\xb7 %s \xc2\xb7 %s \xc2\xb7 step %" G_GUINT64_FORMAT,
                                     name, what, path, s);
          to[n++] = g_strdup_printf ("%s \xc2\xb7 %s \xc2\xb7 %s \xc2\xb7 step %" G_GUINT64_FORMAT,
                                     short_name, what, path, s);
        }
      to[n++] = g_strdup_printf ("%s \xc2\xb7 %s \xc2\xb7 step %" G_GUINT64_FORMAT, what, path, s);
      to[n++] = g_strdup_printf ("%s \xc2\xb7 %s \xc2\xb7 step %" G_GUINT64_FORMAT, what_short, path, s);
      to[n++] = g_strdup_printf ("%s \xc2\xb7 step %" G_GUINT64_FORMAT, path, s);
      to[n++] = g_strdup_printf ("step %" G_GUINT64_FORMAT, s);
    }
  _elab_choose_line (figure, res, size, lines, probes, n);
}

/* Clears @hole (x, y, width, height in device pixels), which
 * _elab_draw_frame() left uncleared for last frame's layer, when this
 * frame's layer will not cover it. */
static void
clear_hole (cairo_t        *cr,
            const int       hole[4],
            const ElabRgba *background)
{
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_rectangle (cr, hole[0], hole[1], hole[2], hole[3]);
  _elab_set_source (cr, background);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
_elab_figure_draw_landscape (ElabFigure        *figure,
                             cairo_t           *cr,
                             const ElabState   *state,
                             const ElabTrainer *trainer)
{
  const ElabMetrics *m = &figure->metrics;
  const ElabTheme *t = &figure->theme;
  const char *ul = elab_unit_to_string (state->unit);
  double factor = elab_unit_factor (state->unit);
  const ElabTrainerSettings *settings;
  const ElabDataset *d;
  const ElabTrainPoint *hist;
  LandscapeCache *c;
  ElabRect body, outer, area, side, legend_box;
  ElabPanel panel;
  ElabLegendEntry entries[4];
  char title[256], subtitle[256], ylab[64];
  char names[4][64], values[4][48], details[4][96];
  LandscapeCache *maps[2] = { NULL, NULL };
  const ElabTrainer *runs[2] = { NULL, NULL };
  gboolean compare;
  const char *heading;
  char heading_buf[128];
  double opt_w = NAN, opt_b = NAN, opt_loss = NAN, w, side_w, legend_h, bar_w, bar_h, strip_h = 0;
  gboolean has_opt, hole_used, narrow;
  double layout_key[7];
  const char *opt_name, *loss_name;
  int hole[4];
  gsize n_hist;
  guint n_entries = 0;

  if (trainer == NULL)
    {
      _elab_draw_frame (figure, cr, "Loss landscape", FALSE, NULL, &body);
      _elab_draw_placeholder (figure, cr, &body, "no training run");
      _elab_draw_caption (figure, cr, &body);
      return;
    }

  d = elab_trainer_get_dataset (trainer);
  settings = elab_trainer_get_settings (trainer);
  /* The surface of the loss the run minimises; a squared error has no
   * unit. */
  factor = elab_trainer_loss_factor (settings->loss, state->unit);
  loss_name = settings->loss == ELAB_LOSS_SQUARED ? "mean squared error" : "mean cross-entropy";
  if (settings->loss == ELAB_LOSS_SQUARED)
    ul = NULL;
  hist = elab_trainer_get_history (trainer, &n_hist);
  c = get_cache (figure, trainer, hist, n_hist, state->compare_losses);
  compare = c->pair != NULL;
  if (compare)
    {
      /* The cross-entropy on the left, the squared error on the right,
       * whichever the window's run minimises. */
      gboolean sq = settings->loss == ELAB_LOSS_SQUARED;

      maps[sq ? 1 : 0] = c, runs[sq ? 1 : 0] = trainer;
      maps[sq ? 0 : 1] = c->pair, runs[sq ? 0 : 1] = c->companion;
    }
  has_opt = elab_trainer_get_optimum (trainer, &opt_w, &opt_b, &opt_loss);
  w = elab_trainer_get_w (trainer);

  set_path (c, hist, n_hist, factor);

  opt_name = settings->optimizer == ELAB_OPTIMIZER_NEWTON ? "Newton's method" :
             settings->optimizer == ELAB_OPTIMIZER_MOMENTUM ? "momentum" : "gradient descent";
  /* A side column would squeeze the legend to a few letters: narrow
   * figures (a window's half) put legend and colour bar under the panel
   * and the data set's long name in an ellipsized subtitle. */
  narrow = m->width < 55 * m->legend_px;
  if (compare)
    {
      g_autofree char *name = g_markup_escape_text (d->title, -1);
      g_autofree char *what = g_strdup_printf ("cross-entropy beside squared error, %" G_GSIZE_FORMAT " rows",
                                               d->n_rows);

      if (narrow)
        g_strlcpy (title, "Loss landscapes", sizeof title);
      else
        /* A name with a colon of its own ("Challenger O-rings: launch
         * …") is set off by a dash: two colons read as a list. */
        g_snprintf (title, sizeof title, strchr (name, ':') != NULL ? "Loss landscapes \xe2\x80\x94 %s"
                                                                     : "Loss landscapes: %s", name);
      format_subtitle (figure, subtitle, sizeof subtitle, narrow ? name : NULL, what,
                       "cross-entropy beside squared error", opt_name, elab_trainer_get_steps (trainer),
                       settings->max_steps);
    }
  else if (narrow)
    {
      g_autofree char *name = g_markup_escape_text (d->title, -1);
      g_autofree char *what = g_strdup_printf ("%sL(w%s)%s%s over %" G_GSIZE_FORMAT " rows",
                                               settings->loss == ELAB_LOSS_SQUARED ? "squared error " : "",
                                               c->bias ? ", b" : "", ul ? " in " : "", ul ? ul : "", d->n_rows);

      g_strlcpy (title, "Loss landscape", sizeof title);
      format_subtitle (figure, subtitle, sizeof subtitle, name, what, c->bias ? "L(w, b)" : "L(w)",
                       opt_name, elab_trainer_get_steps (trainer), settings->max_steps);
    }
  else
    {
      g_autofree char *what = g_strdup_printf ("%s L(w%s)%s%s over %" G_GSIZE_FORMAT " rows%s",
                                               loss_name, c->bias ? ", b" : "", ul ? " in " : "", ul ? ul : "",
                                               d->n_rows, c->bias ? "" : ", no bias");
      g_autofree char *path = g_strdup_printf ("path of %s", opt_name);

      g_snprintf (title, sizeof title, strchr (d->title, ':') != NULL ? "Loss landscape \xe2\x80\x94 %s"
                                                                         : "Loss landscape: %s", d->title);
      format_subtitle (figure, subtitle, sizeof subtitle, NULL, what, c->bias ? "L(w, b)" : "L(w)",
                       path, elab_trainer_get_steps (trainer), settings->max_steps);
    }
  /* Last frame's layer will be covered again if the layout is the same:
   * the background need not be cleared under it (checked below). After a
   * resize or a change of type size, clear all: the old hole may lie under
   * the title, which is drawn before the new layer is known. */
  {
    cairo_matrix_t mx;

    cairo_get_matrix (cr, &mx);
    layout_key[0] = figure->width, layout_key[1] = figure->height;
    layout_key[2] = figure->style.type_scale, layout_key[3] = figure->style.line_scale;
    layout_key[4] = mx.xx, layout_key[5] = mx.x0, layout_key[6] = mx.y0;
  }
  if (c->bias && !compare && c->hole[2] > 0 && memcmp (layout_key, c->hole_key, sizeof layout_key) == 0)
    memcpy (figure->clear_hole, c->hole, sizeof c->hole);
  hole_used = figure->clear_hole[2] > 0 && !figure->style.transparent;
  memcpy (hole, figure->clear_hole, sizeof hole);
  _elab_draw_frame (figure, cr, title, FALSE, subtitle, &body);
  c->hole[2] = 0;

  /* The legend: where the run is and where the optimum is, the numbers
   * after the names (on a line of their own when the column is narrow);
   * comparing, the same for each loss's run. */
  if (!compare)
    n_entries = run_entries (trainer, SERIES_PATH, c->bias, state->unit, "", names, values, details, entries);
  else
    for (guint k = 0; k < 2; k++)
      if (runs[k] != NULL)
        n_entries += run_entries (runs[k], runs[k] == trainer ? SERIES_PATH : SERIES_OTHER, TRUE, state->unit,
                                  k == 0 ? "cross-entropy " : "squared error ",
                                  names + n_entries, values + n_entries, details + n_entries,
                                  entries + n_entries);
  heading = _elab_train_status_label (trainer, figure->style.paused);
  /* Two runs in the legend: say whose status the heading is. */
  if (compare)
    {
      g_snprintf (heading_buf, sizeof heading_buf, "%s run: %s", elab_loss_describe (settings->loss), heading);
      heading = heading_buf;
    }

  /* The legend strip of a narrow figure is as wide as the panel, whose
   * side insets do not depend on its height. */
  {
    ElabRect probe = body, probe_area;

    _elab_panel_inset (figure, &probe, TRUE, TRUE, &probe_area);
    legend_h = _elab_legend_height (figure, probe_area.width, entries, n_entries, heading);
  }
  bar_w = round (1.2 * m->legend_px);
  if (narrow)
    {
      /* Strip under the panel: a horizontal colour bar with its tick
       * labels below it, then the legend. */
      strip_h = legend_h + (c->bias && !compare ? bar_w + round (0.3 * m->tick_px) + round (1.4 * m->tick_px) + round (m->legend_px) : 0);
      outer = (ElabRect) { body.x, body.y, body.width, MAX (1, body.height - strip_h - m->pad) };
      side = (ElabRect) { body.x, outer.y + outer.height + m->pad, body.width, strip_h };
    }
  else
    {
      side_w = round (MAX (body.width * 0.3, 14 * m->legend_px));
      outer = (ElabRect) { body.x, body.y, body.width - side_w - m->pad, body.height };
      side = (ElabRect) { outer.x + outer.width + m->pad, body.y, side_w, body.height };
    }
  _elab_panel_inset (figure, &outer, TRUE, TRUE, &area);

  if (compare)
    {
      /* Two maps side by side, each titled with its loss; no colour bars
       * (the two scales differ), the numbers are in the legend. */
      double title_h = round (1.8 * m->tick_px);
      double half = floor ((outer.width - m->pad) / 2);

      if (hole_used)
        clear_hole (cr, hole, &t->background);
      for (guint k = 0; k < 2; k++)
        {
          ElabRect o = { outer.x + k * (half + m->pad), outer.y + title_h, half, MAX (1, outer.height - title_h) };
          ElabRect a;
          char label[64];

          _elab_panel_inset (figure, &o, TRUE, TRUE, &a);
          _elab_panel_init (figure, &panel, ELAB_PANEL_NONE, &a,
                            &(ElabBounds) { c->w_min, c->w_max, c->b_min, c->b_max });
          _elab_draw_axes (figure, cr, &panel, "w", "b");
          draw_map (figure, cr, maps[k], &panel, runs[k], runs[k] == trainer ? SERIES_PATH : SERIES_OTHER);
          /* Over a large data set the other loss has no run of its own.
           * The longest wording that fits over its own half: side by side
           * in a narrow column the full ones ran into each other. */
          {
            const char *no_run = runs[k] == NULL ? ", no run: too many rows" : "";
            const char *unit = elab_unit_to_string (state->unit);
            char cand[3][96];
            guint i = 0;
            ElabText *tx;
            double x0 = o.x, x1 = o.x + o.width, cx = panel.area.x + panel.area.width / 2;

            if (k == 0)
              {
                g_snprintf (cand[0], sizeof cand[0], "mean cross-entropy (%s)%s", unit, no_run);
                g_snprintf (cand[1], sizeof cand[1], "cross-entropy (%s)%s", unit, no_run);
                g_snprintf (cand[2], sizeof cand[2], "cross-entropy%s", runs[k] == NULL ? ", no run" : "");
              }
            else
              {
                g_snprintf (cand[0], sizeof cand[0], "mean squared error%s", no_run);
                g_snprintf (cand[1], sizeof cand[1], "squared error%s", no_run);
                g_snprintf (cand[2], sizeof cand[2], "squared error%s", runs[k] == NULL ? ", no run" : "");
              }
            for (; i < 2; i++)
              {
                tx = _elab_text (figure, ELAB_FONT_LABEL, cand[i], FALSE, -1, FALSE);
                if (tx == NULL || tx->width <= x1 - x0)
                  break;
              }
            g_strlcpy (label, cand[i], sizeof label);
            /* Centred over the map, moved in to stay within its half,
             * cut only where even the shortest wording is too wide. */
            tx = _elab_text (figure, ELAB_FONT_LABEL, label, FALSE, x1 - x0, FALSE);
            if (tx != NULL)
              {
                double lx = CLAMP (cx - tx->width / 2, x0, MAX (x0, x1 - tx->width));

                _elab_set_source (cr, &t->foreground);
                cairo_move_to (cr, round (lx), round (outer.y));
                pango_cairo_show_layout (cr, tx->layout);
              }
          }
        }
      if (narrow)
        legend_box = (ElabRect) { outer.x, side.y, outer.width, 0 };
      else
        legend_box = (ElabRect) { side.x, outer.y + title_h, side.width, 0 };
    }
  else if (c->bias)
    {
      _elab_panel_init (figure, &panel, ELAB_PANEL_NONE, &area,
                        &(ElabBounds) { c->w_min, c->w_max, c->b_min, c->b_max });
      {
        double d[4];
        int px[4] = { 0, };
        gboolean opaque = _elab_layer_place (figure, cr, &panel.area, d, px)
                          && d[0] == px[0] && d[1] == px[1] && d[2] == px[2] && d[3] == px[3];
        int ix0 = px[0], iy0 = px[1], ix1 = px[2], iy1 = px[3];

        /* The hole left uncleared is not exactly this frame's opaque
         * layer: clear it now, before anything is drawn there. */
        if (hole_used && (!opaque || hole[0] != ix0 || hole[1] != iy0 ||
                          hole[2] != ix1 - ix0 || hole[3] != iy1 - iy0))
          clear_hole (cr, hole, &t->background);
        if (opaque)
          {
            c->hole[0] = ix0, c->hole[1] = iy0;
            c->hole[2] = ix1 - ix0, c->hole[3] = iy1 - iy0;
            memcpy (c->hole_key, layout_key, sizeof layout_key);
          }
      }

      _elab_draw_axes (figure, cr, &panel, "w", "b");
      draw_map (figure, cr, c, &panel, trainer, SERIES_PATH);

      /* Colour bar with loss values in the unit shown. */
      if (narrow)
        {
          double bx = panel.area.x, by = side.y, bw = panel.area.width;

          fill_colour_bar (c, cr, bx, by, bw, bar_w, FALSE);
          _elab_set_source (cr, &t->axis);
          cairo_set_line_width (cr, m->axis_w);
          cairo_rectangle (cr, bx, by, bw, bar_w);
          cairo_stroke (cr);
          draw_bar_labels (figure, cr, c, factor, ul, FALSE, bx, by + bar_w + round (0.3 * m->tick_px), bw);
          legend_box = (ElabRect) { panel.area.x, side.y + side.height - legend_h, panel.area.width, 0 };
        }
      else
        {
          double bx = side.x + round (0.5 * m->legend_px), by = panel.area.y;

          bar_h = round (MIN (side.height * 0.45, panel.area.height));
          fill_colour_bar (c, cr, bx, by, bar_w, bar_h, TRUE);
          _elab_set_source (cr, &t->axis);
          cairo_set_line_width (cr, m->axis_w);
          cairo_rectangle (cr, bx, by, bar_w, bar_h);
          cairo_stroke (cr);
          draw_bar_labels (figure, cr, c, factor, ul, TRUE, bx + bar_w + 0.4 * m->tick_px, by, bar_h);
          legend_box = (ElabRect) { side.x, by + bar_h + 1.5 * m->legend_px, side.width, 0 };
        }
    }
  else
    {
      double l_max = 0;

      for (guint i = 0; i < CURVE_N; i++)
        l_max = MAX (l_max, c->curve_l[i] * factor);
      for (gsize i = 0; i < n_hist; i++)
        l_max = MAX (l_max, c->path_y[i]);
      if (figure->style.run != NULL)
        {
          gsize n_run;
          const ElabTrainPoint *run = elab_trainer_get_history (figure->style.run, &n_run);

          for (gsize i = 0; i < n_run; i++)
            l_max = MAX (l_max, run[i].loss * factor);
        }
      _elab_panel_init (figure, &panel, ELAB_PANEL_NONE, &area,
                        &(ElabBounds) { c->w_min, c->w_max, 0, _elab_axis_nice_max (0, MAX (l_max, 1e-3) * 1.05, 6) });
      if (ul != NULL)
        g_snprintf (ylab, sizeof ylab, "L(w) (%s)", ul);
      else
        g_strlcpy (ylab, "L(w), squared error", sizeof ylab);
      _elab_draw_axes (figure, cr, &panel, "w", ylab);
      {
        double scaled[CURVE_N];
        for (guint i = 0; i < CURVE_N; i++)
          scaled[i] = c->curve_l[i] * factor;
        _elab_draw_series (figure, cr, &panel, &(ElabSeries) { .x = c->curve_w, .y = scaled, .n = CURVE_N });
      }
      cairo_save (cr);
      cairo_rectangle (cr, panel.area.x, panel.area.y, panel.area.width, panel.area.height);
      cairo_clip (cr);
      draw_path (figure, cr, &panel,
                 &(ElabSeries) { .x = c->path_x, .y = c->path_y, .n = (guint) n_hist, .index = SERIES_PATH });
      _elab_draw_marker (figure, cr, _elab_axis_to_px (&panel.x, w),
                         _elab_axis_to_px (&panel.y, elab_trainer_get_loss (trainer) * factor), SERIES_PATH);
      if (has_opt)
        _elab_draw_marker (figure, cr, _elab_axis_to_px (&panel.x, opt_w),
                           _elab_axis_to_px (&panel.y, opt_loss * factor), SERIES_OPT);
      cairo_restore (cr);
      if (narrow)
        legend_box = (ElabRect) { panel.area.x, side.y, panel.area.width, 0 };
      else
        legend_box = (ElabRect) { side.x, panel.area.y, side.width, 0 };
    }

  legend_box.height = narrow ? legend_h : _elab_legend_height (figure, legend_box.width, entries, n_entries, heading);
  _elab_draw_legend (figure, cr, &legend_box, entries, n_entries, heading);

  _elab_draw_caption (figure, cr, &body);
}
