/* elab-axis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nice ticks, the data → user-space mapping, and the axes of a panel.
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
}

void
_elab_axis_format (const ElabAxis *axis,
                   double          value,
                   char           *buf,
                   gsize           len)
{
  int decimals = 0;
  double mag;

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
_elab_panel_init (ElabFigure     *figure,
                  ElabPanel      *panel,
                  ElabPanelKind   kind,
                  const ElabRect *area,
                  double          x_min,
                  double          x_max,
                  double          y_min,
                  double          y_max)
{
  const ElabMetrics *m = &figure->metrics;

  panel->kind = kind;
  panel->area = *area;
  _elab_axis_set (&panel->x, x_min, x_max, area->x, area->x + area->width,
                  max_ticks_for (area->width, 5.5 * m->tick_px));
  _elab_axis_set (&panel->y, y_min, y_max, area->y + area->height, area->y,
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
  cairo_fill (cr);

  if (!figure->style.draw_text)
    return;

  for (guint i = 0; i < panel->x.n_ticks; i++)
    {
      _elab_axis_format (&panel->x, panel->x.ticks[i], buf, sizeof buf);
      _elab_draw_text (figure, cr, ELAB_FONT_TICK, buf, FALSE,
                       _elab_axis_to_px (&panel->x, panel->x.ticks[i]),
                       a->y + a->height + 0.35 * m->tick_px + gap * 0.6,
                       0.5, 0.0, &t->muted);
    }
  for (guint i = 0; i < panel->y.n_ticks; i++)
    {
      _elab_axis_format (&panel->y, panel->y.ticks[i], buf, sizeof buf);
      _elab_draw_text (figure, cr, ELAB_FONT_TICK, buf, FALSE,
                       a->x - 0.35 * m->tick_px - gap,
                       _elab_axis_to_px (&panel->y, panel->y.ticks[i]),
                       1.0, 0.5, &t->muted);
    }

  if (x_label)
    _elab_draw_text (figure, cr, ELAB_FONT_LABEL, x_label, TRUE,
                     a->x + a->width / 2,
                     a->y + a->height + 1.7 * m->tick_px + 0.05 * m->label_px,
                     0.5, 0.0, &t->foreground);
  if (y_label)
    _elab_draw_text_vertical (figure, cr, ELAB_FONT_LABEL, y_label,
                              a->x - 3.3 * m->tick_px - 1.5 * m->label_px,
                              a->y + a->height / 2, &t->foreground);
}
