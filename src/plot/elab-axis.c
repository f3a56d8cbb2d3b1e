/* elab-axis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nice ticks (linear and log10), the data → user-space mapping, and the
 * axes of a panel.
 */

#include "elab-figure-private.h"

#include <stdio.h>
#include <string.h>

static double
nice_step_at_least (double raw)
{
  double mag = pow (10.0, floor (log10 (raw)));
  double r = raw / mag;

  /* 1 + 1e-9 so a range that divides exactly is not pushed to the next
   * step by rounding noise in the division above. */
  if (r <= 1.0 + 1e-9)
    return mag;
  if (r <= 2.0 + 1e-9)
    return 2.0 * mag;
  if (r <= 5.0 + 1e-9)
    return 5.0 * mag;
  return 10.0 * mag;
}

static guint
count_ticks (double min,
             double max,
             double step)
{
  double first = ceil (min / step - 1e-9);
  double last = floor (max / step + 1e-9);

  return last >= first ? (guint) (last - first) + 1 : 0;
}

guint
_elab_axis_nice_ticks (double  min,
                       double  max,
                       guint   max_ticks,
                       double *res_ticks,
                       double *res_step)
{
  double step, first;
  guint n;

  if (res_step)
    *res_step = 0;
  if (!isfinite (min) || !isfinite (max) || !(max > min) || !isfinite (max - min))
    return 0;

  max_ticks = CLAMP (max_ticks, 2, ELAB_AXIS_MAX_TICKS);
  /* Start below the answer and climb the 1-2-5 ladder: the first step
   * whose multiples inside the range number at most max_ticks wins. */
  step = nice_step_at_least ((max - min) / (2.0 * max_ticks));
  while (count_ticks (min, max, step) > max_ticks)
    step = nice_step_at_least (step * 1.0001);

  first = ceil (min / step - 1e-9);
  n = count_ticks (min, max, step);
  for (guint i = 0; i < n; i++)
    {
      double v = (first + i) * step;

      /* Multiples of the step, so 0.30000000000000004 prints as 0.3 and
       * a tick at zero is exactly zero. */
      if (fabs (v) < step * 1e-9)
        v = 0.0;
      res_ticks[i] = v;
    }
  if (res_step)
    *res_step = step;

  return n;
}

double
_elab_axis_nice_max (double min,
                     double max,
                     guint  max_ticks)
{
  double ticks[ELAB_AXIS_MAX_TICKS];
  double step;

  if (_elab_axis_nice_ticks (min, max, max_ticks, ticks, &step) == 0)
    return max;

  return ceil (max / step - 1e-9) * step;
}

void
_elab_axis_set (ElabAxis *axis,
                double    min,
                double    max,
                double    px0,
                double    px1,
                guint     max_ticks)
{
  if (!isfinite (min) || !isfinite (max) || !(max > min) || !isfinite (max - min))
    {
      min = 0.0;
      max = 1.0;
    }
  axis->min = min;
  axis->max = max;
  axis->px0 = px0;
  axis->px1 = px1;
  axis->n_ticks = _elab_axis_nice_ticks (min, max, max_ticks, axis->ticks, &axis->step);
  axis->log = FALSE;
  axis->powers = FALSE;
  axis->n_minor = 0;
}

/* ---- Log axes ---------------------------------------------------------- */

/* Tolerance in decades: a tick at exactly the end of the range counts. */
#define LOG_EPS 1e-9
/* Beyond this many decades only whole decades are worth labelling. */
#define LOG_MANTISSA_DECADES 60

/* Labelled mantissas, densest first; m × 10^k. */
static const struct
{
  guint n;
  guint m[9];
} log_sets[] = {
  { 9, { 1, 2, 3, 4, 5, 6, 7, 8, 9 } },
  { 3, { 1, 2, 5 } },
  { 2, { 1, 3 } },
  { 1, { 1 } },
};

/* Decades between labelled ticks once every decade is too many. */
static const guint log_decade_steps[] = { 2, 3, 5, 10, 20, 30, 50, 100, 200, 500 };

static gboolean
in_log_range (double t,
              double lmin,
              double lmax)
{
  return t >= lmin - LOG_EPS && t <= lmax + LOG_EPS;
}

/* Counts every m × 10^k (m in @m but not in @skip) inside the range and
 * writes the first @cap of them, as log10, into @res (may be NULL). */
static guint
collect_mantissas (double        lmin,
                   double        lmax,
                   const guint  *m,
                   guint         n_m,
                   const guint  *skip,
                   guint         n_skip,
                   double       *res,
                   guint         cap)
{
  double k0 = floor (lmin + LOG_EPS), k1 = floor (lmax + LOG_EPS);
  guint n = 0;

  for (double k = k0; k <= k1; k++)
    for (guint i = 0; i < n_m; i++)
      {
        gboolean skipped = FALSE;
        double t;

        for (guint j = 0; j < n_skip; j++)
          skipped |= skip[j] == m[i];
        /* log10 (1) is exactly 0, so decades land on whole numbers. */
        t = k + log10 ((double) m[i]);
        if (skipped || !in_log_range (t, lmin, lmax))
          continue;
        if (n < cap && res != NULL)
          res[n] = t;
        n++;
      }
  return n;
}

guint
_elab_axis_log_ticks (double  lmin,
                      double  lmax,
                      guint   max_ticks,
                      double *res_ticks,
                      double *res_minor,
                      guint  *res_n_minor)
{
  static const guint all[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
  double minor[ELAB_AXIS_MAX_MINOR];
  guint n_minor = 0, n;

  if (res_n_minor != NULL)
    *res_n_minor = 0;
  if (!isfinite (lmin) || !isfinite (lmax) || !(lmax > lmin))
    return 0;

  max_ticks = CLAMP (max_ticks, 2, ELAB_AXIS_MAX_TICKS);

  if (lmax - lmin <= LOG_MANTISSA_DECADES)
    for (guint s = 0; s < G_N_ELEMENTS (log_sets); s++)
      {
        n = collect_mantissas (lmin, lmax, log_sets[s].m, log_sets[s].n, NULL, 0, NULL, 0);
        if (n > max_ticks)
          continue;
        if (n < 2)
          break;   /* too narrow for these: linear ticks below */

        collect_mantissas (lmin, lmax, log_sets[s].m, log_sets[s].n, NULL, 0, res_ticks, n);
        /* The mantissas left out, unlabelled, so the axis still reads
         * as logarithmic; none rather than a clipped set. */
        n_minor = collect_mantissas (lmin, lmax, all, G_N_ELEMENTS (all), log_sets[s].m,
                                     log_sets[s].n, minor, ELAB_AXIS_MAX_MINOR);
        if (n_minor > ELAB_AXIS_MAX_MINOR)
          n_minor = 0;
        goto done;
      }

  if (lmax - lmin >= 2.0)
    {
      /* Every s-th decade; the decades in between as minor ticks. */
      for (guint i = 0; i < G_N_ELEMENTS (log_decade_steps); i++)
        {
          double s = log_decade_steps[i];
          double first = ceil (lmin / s - LOG_EPS), last = floor (lmax / s + LOG_EPS);

          if (last - first + 1 > max_ticks && i + 1 < G_N_ELEMENTS (log_decade_steps))
            continue;
          if (last - first + 1 < 2)
            {
              /* One label gives no scale: the finer step, thinned below. */
              s = i > 0 ? log_decade_steps[i - 1] : 1;
              first = ceil (lmin / s - LOG_EPS), last = floor (lmax / s + LOG_EPS);
            }
          n = 0;
          for (double j = first; j <= last && n < ELAB_AXIS_MAX_TICKS; j++)
            res_ticks[n++] = j * s;
          for (double k = ceil (lmin - LOG_EPS); k <= floor (lmax + LOG_EPS); k++)
            if (fmod (k, s) != 0)
              {
                if (n_minor == ELAB_AXIS_MAX_MINOR)
                  {
                    n_minor = 0;
                    break;
                  }
                minor[n_minor++] = k;
              }
          goto done;
        }
    }

  {
    /* Less than two of even 1…9 × 10^k fit: over so narrow a range a log
     * axis is nearly linear, so linear nice ticks, placed by their log. */
    double lin[ELAB_AXIS_MAX_TICKS];
    guint n_lin = 0;

    /* One label alone does not give a scale: ask for more, and keep a
     * few of them below. */
    for (guint want = max_ticks; want <= ELAB_AXIS_MAX_TICKS && n_lin < 2; want++)
      n_lin = _elab_axis_nice_ticks (pow (10.0, lmin), pow (10.0, lmax), want, lin, NULL);

    n = 0;
    for (guint i = 0; i < n_lin; i++)
      if (lin[i] > 0)
        res_ticks[n++] = log10 (lin[i]);
  }

done:
  /* The fallbacks above may give more labels than fit: keep the first,
   * the last and evenly spaced ones between, at least two. */
  if (n > max_ticks)
    {
      guint stride = (n - 1 + max_ticks - 2) / (max_ticks - 1);
      guint kept = 0;

      for (guint i = 0; i < n; i += stride)
        res_ticks[kept++] = res_ticks[i];
      n = kept;
    }
  if (res_minor != NULL && res_n_minor != NULL)
    {
      memcpy (res_minor, minor, n_minor * sizeof (double));
      *res_n_minor = n_minor;
    }
  return n;
}

void
_elab_axis_set_log (ElabAxis *axis,
                    double    min,
                    double    max,
                    double    px0,
                    double    px1,
                    guint     max_ticks)
{
  double lmin, lmax;

  if (!(min > 0) || !(max > 0) || !isfinite (min) || !isfinite (max) || min > max)
    {
      min = 0.1;
      max = 1.0;
    }
  lmin = log10 (min);
  lmax = log10 (max);
  if (!(lmax > lmin))
    {
      lmin -= 0.5;
      lmax += 0.5;
    }

  axis->min = lmin;
  axis->max = lmax;
  axis->px0 = px0;
  axis->px1 = px1;
  axis->step = 0;
  axis->log = TRUE;
  axis->n_ticks = _elab_axis_log_ticks (lmin, lmax, max_ticks, axis->ticks, axis->minor,
                                        &axis->n_minor);
  /* Decimals read best from 0.001 to 10000; past that, all labels are
   * powers of ten so the column of labels stays one style. */
  axis->powers = FALSE;
  for (guint i = 0; i < axis->n_ticks; i++)
    if (axis->ticks[i] < -3 - LOG_EPS || axis->ticks[i] > 4 + LOG_EPS)
      axis->powers = TRUE;
}

static void
format_log (const ElabAxis *axis,
            double          t,
            char           *buf,
            gsize           len)
{
  g_autoptr(GString) s = g_string_new (NULL);
  int e = (int) floor (t + LOG_EPS);
  double m = pow (10.0, t - e);
  int sig = 1;

  /* The fewest significant digits that give the mantissa back (ticks
   * are 1…9 × 10^k, or a linear step's multiples on narrow ranges). */
  while (sig < 6 && fabs (round (m * pow (10.0, sig - 1)) / pow (10.0, sig - 1) - m) > 1e-6 * m)
    sig++;
  m = round (m * pow (10.0, sig - 1)) / pow (10.0, sig - 1);
  if (m >= 10.0)
    {
      m /= 10.0;
      e++;
    }

  if (axis->powers)
    {
      if (m != 1.0)
        g_string_append_printf (s, "%.*f\xc3\x97", sig - 1, m);
      g_string_append (s, "10");
      elab_number_append_superscript (s, e);
    }
  else
    g_string_append_printf (s, "%.*f", MAX (0, sig - 1 - e), m * pow (10.0, e));

  g_strlcpy (buf, s->str, len);
}

void
_elab_axis_format (const ElabAxis *axis,
                   double          value,
                   char           *buf,
                   gsize           len)
{
  int decimals = 0;
  double mag;

  if (axis->log)
    {
      format_log (axis, value, buf, len);
      return;
    }

  if (axis->step > 0)
    decimals = MAX (0, (int) -floor (log10 (axis->step) + 1e-9));
  if (fabs (value) < axis->step * 1e-6)
    value = 0.0;

  mag = fabs (value);
  if (mag >= 1e6 || (mag > 0 && axis->step < 1e-4))
    {
      g_snprintf (buf, len, value < 0 ? "\xe2\x88\x92%.3g" : "%.3g", mag);
      return;
    }

  g_snprintf (buf, len, value < 0 ? "\xe2\x88\x92%.*f" : "%.*f", decimals, mag);
}

static guint
max_ticks_for (double length_px,
               double spacing_px)
{
  return CLAMP ((guint) (fabs (length_px) / spacing_px) + 1, 2, 11);
}

void
_elab_panel_init (ElabFigure       *figure,
                  ElabPanel        *panel,
                  ElabPanelKind     kind,
                  const ElabRect   *area,
                  const ElabBounds *bounds)
{
  const ElabMetrics *m = &figure->metrics;

  panel->kind = kind;
  panel->area = *area;
  panel->y_label_out = 0;
  _elab_axis_set (&panel->x, bounds->x_min, bounds->x_max, area->x, area->x + area->width,
                  max_ticks_for (area->width, 5.5 * m->tick_px));
  _elab_axis_set (&panel->y, bounds->y_min, bounds->y_max, area->y + area->height, area->y,
                  max_ticks_for (area->height, 2.7 * m->tick_px));
}

void
_elab_panel_set_log_y (ElabFigure *figure,
                       ElabPanel  *panel,
                       double      y_min,
                       double      y_max)
{
  const ElabMetrics *m = &figure->metrics;
  const ElabRect *area = &panel->area;

  _elab_axis_set_log (&panel->y, y_min, y_max, area->y + area->height, area->y,
                      max_ticks_for (area->height, 2.7 * m->tick_px));
}

void
_elab_panel_inset (ElabFigure     *figure,
                   const ElabRect *outer,
                   gboolean        with_x_label,
                   gboolean        with_y_label,
                   ElabRect       *res_area)
{
  const ElabMetrics *m = &figure->metrics;
  double left = 3.3 * m->tick_px + (with_y_label ? 1.5 * m->label_px : 0);
  double bottom = 1.7 * m->tick_px + (with_x_label ? 1.45 * m->label_px : 0);
  double right = 0.9 * m->tick_px;   /* room for the last x tick label */
  double top = 0.6 * m->tick_px;

  /* Whole units, so frame and grid lines land on pixel centres. */
  res_area->x = round (outer->x + left);
  res_area->y = round (outer->y + top);
  res_area->width = MAX (1, round (outer->width - left - right));
  res_area->height = MAX (1, round (outer->height - top - bottom));
}

double
_elab_panel_y_ticks_overflow (ElabFigure      *figure,
                              const ElabPanel *panel)
{
  const ElabMetrics *m = &figure->metrics;
  /* As _elab_draw_axes places them: the labels end 0.8 tick heights left
   * of the axis; the title's column ends 3.3 tick heights and 0.3 label
   * heights further out; a quarter tick height keeps them apart. */
  double room = 2.5 * m->tick_px + 0.3 * m->label_px - 0.25 * m->tick_px;
  double widest = 0;
  char buf[64];

  /* Estimated from the characters (a digit 0.64 em, a point 0.32 em, as
   * in DejaVu Sans), not measured: a figure drawn without text, as the
   * golden images are, must get the same plot area. */
  for (guint i = 0; i < panel->y.n_ticks; i++)
    {
      double em = 0;

      _elab_axis_format (&panel->y, panel->y.ticks[i], buf, sizeof buf);
      for (const char *c = buf; *c != '\0'; c = g_utf8_next_char (c))
        em += (*c == '.' || *c == ',') ? 0.32 : 0.64;
      widest = MAX (widest, em * m->tick_px);
    }
  return MAX (0, widest - room);
}

void
_elab_fill_rect (cairo_t        *cr,
                 const ElabRect *rect,
                 const ElabRgba *color)
{
  _elab_set_source (cr, color);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_fill (cr);
}

/* Grid lines as filled pixel-aligned rectangles: pixman fills those
 * without any antialiasing work, far cheaper than stroking. */
void
_elab_hline (cairo_t *cr,
             double   x0,
             double   x1,
             double   y,
             double   width)
{
  double y0 = round (y - width / 2);

  cairo_rectangle (cr, round (x0), y0, round (x1) - round (x0), width);
}

void
_elab_vline (cairo_t *cr,
             double   x,
             double   y0,
             double   y1,
             double   width)
{
  double x0 = round (x - width / 2);

  cairo_rectangle (cr, x0, round (y0), width, round (y1) - round (y0));
}

void
_elab_draw_axes (ElabFigure  *figure,
                 cairo_t     *cr,
                 ElabPanel   *panel,
                 const char  *x_label,
                 const char  *y_label)
{
  const ElabMetrics *m = &figure->metrics;
  const ElabTheme *t = &figure->theme;
  const ElabRect *a = &panel->area;
  double gap = 0.45 * m->tick_px;
  char buf[64];

  _elab_figure_add_panel (figure, panel);

  /* Grid: one fill for every line. */
  _elab_set_source (cr, &t->grid);
  for (guint i = 0; i < panel->x.n_ticks; i++)
    _elab_vline (cr, _elab_axis_to_px (&panel->x, panel->x.ticks[i]), a->y, a->y + a->height, m->grid_w);
  for (guint i = 0; i < panel->y.n_ticks; i++)
    _elab_hline (cr, a->x, a->x + a->width, _elab_axis_to_px (&panel->y, panel->y.ticks[i]), m->grid_w);
  cairo_fill (cr);

  /* Frame: left and bottom axes in the axis colour, a whole box would
   * crowd the curves that touch 0 and 1. */
  _elab_set_source (cr, &t->axis);
  cairo_rectangle (cr, a->x - m->axis_w, a->y, m->axis_w, a->height + m->axis_w);
  cairo_rectangle (cr, a->x, a->y + a->height, a->width, m->axis_w);
  /* Tick marks outside the area. */
  for (guint i = 0; i < panel->x.n_ticks; i++)
    _elab_vline (cr, _elab_axis_to_px (&panel->x, panel->x.ticks[i]),
                 a->y + a->height, a->y + a->height + 0.35 * m->tick_px, m->axis_w);
  for (guint i = 0; i < panel->y.n_ticks; i++)
    _elab_hline (cr, a->x - 0.35 * m->tick_px, a->x,
                 _elab_axis_to_px (&panel->y, panel->y.ticks[i]), m->axis_w);
  /* A log axis's unlabelled ticks (2…9 × 10^k), shorter. */
  for (guint i = 0; i < panel->x.n_minor; i++)
    _elab_vline (cr, _elab_axis_to_px (&panel->x, panel->x.minor[i]),
                 a->y + a->height, a->y + a->height + 0.2 * m->tick_px, m->axis_w);
  for (guint i = 0; i < panel->y.n_minor; i++)
    _elab_hline (cr, a->x - 0.2 * m->tick_px, a->x,
                 _elab_axis_to_px (&panel->y, panel->y.minor[i]), m->axis_w);
  cairo_fill (cr);

  if (!figure->style.draw_text)
    return;

  for (guint i = 0; i < panel->x.n_ticks; i++)
    {
      _elab_axis_format (&panel->x, panel->x.ticks[i], buf, sizeof buf);
      _elab_draw_text (figure, cr,
                       &(ElabTextStyle) { .font = ELAB_FONT_TICK, .ax = 0.5, .color = &t->muted },
                       buf,
                       _elab_axis_to_px (&panel->x, panel->x.ticks[i]),
                       a->y + a->height + 0.35 * m->tick_px + gap * 0.6);
    }
  for (guint i = 0; i < panel->y.n_ticks; i++)
    {
      _elab_axis_format (&panel->y, panel->y.ticks[i], buf, sizeof buf);
      _elab_draw_text (figure, cr,
                       &(ElabTextStyle) { .font = ELAB_FONT_TICK, .ax = 1.0, .ay = 0.5, .color = &t->muted },
                       buf, a->x - 0.35 * m->tick_px - gap, _elab_axis_to_px (&panel->y, panel->y.ticks[i]));
    }

  if (x_label)
    _elab_draw_text (figure, cr,
                     &(ElabTextStyle) { .font = ELAB_FONT_LABEL, .markup = TRUE, .ax = 0.5, .color = &t->foreground },
                     x_label, a->x + a->width / 2, a->y + a->height + 1.7 * m->tick_px + 0.05 * m->label_px);
  if (y_label)
    _elab_draw_text_vertical (figure, cr, ELAB_FONT_LABEL, y_label,
                              a->x - 3.3 * m->tick_px - 1.5 * m->label_px - panel->y_label_out,
                              a->y + a->height / 2, &t->foreground);
}
