/* elab-sweep-range.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each frame is drawn once, small and onto a single pixel, only to learn
 * the y range the figure chooses for it; the union is what every frame
 * then shows. The figure's nice maximum is monotone in the data's, so
 * the largest of them is the nice maximum over all frames.
 */
#include "elab-sweep-range.h"

#include <math.h>

void
elab_sweep_steady_style (const ElabSweepRequest *req,
                         ElabFigureStyle        *res)
{
  const ElabSweep *sweep = req->sweep;
  guint n_frames = req->n_frames;
  ElabFigureKind kind = req->kind;
  const ElabState *state = req->figure.state;
  const ElabFigureStyle *style = req->figure.style;
  g_autoptr(ElabFigure) figure = NULL;
  ElabFigureStyle probe;
  cairo_surface_t *surface;
  double lo = INFINITY, hi = -INFINITY;
  cairo_t *cr;

  g_return_if_fail (sweep != NULL && state != NULL && style != NULL && res != NULL);

  *res = *style;
  /* By hand, or a figure that needs a training run per frame to know
   * (its range is its own for now). */
  if (isfinite (style->y_max) || n_frames < 2 || elab_figure_kind_is_training (kind))
    return;

  probe = *style;
  probe.y_min = probe.y_max = NAN;
  /* Text is laid out but never seen: leave it out, it is most of the cost. */
  probe.draw_text = FALSE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  figure = elab_figure_new (kind);

  for (guint i = 0; i < n_frames; i++)
    {
      ElabState frame = *state;
      double y0, y1;

      if (!elab_sweep_apply (sweep, elab_sweep_value (sweep, i, n_frames), &frame, NULL))
        continue;
      elab_figure_draw (figure, cr, 480, 270, &frame, NULL, &probe);
      if (!elab_figure_get_auto_y_range (figure, &y0, &y1))
        break;
      lo = MIN (lo, y0);
      hi = MAX (hi, y1);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (isfinite (lo) && isfinite (hi) && hi > lo)
    {
      if (!isfinite (res->y_min))
        res->y_min = lo;
      res->y_max = hi;
    }
}
