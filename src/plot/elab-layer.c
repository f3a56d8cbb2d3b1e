/* elab-layer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cached layer: part of a figure that changes rarely (the landscape's
 * heat map and contours, a point cloud of thousands of rows) rendered once
 * at the target's device resolution and composited each frame. That is
 * only right where the target becomes pixels at the scale of user space:
 * image surfaces, and the recording surfaces GTK replays into the window.
 * Vector targets (SVG, PDF) keep the vectors.
 */
#include <math.h>

#include "elab-figure-private.h"

/* Layer pixels per device unit: GTK records a window's figure in logical
 * units and applies a HiDPI scale when it replays them. */
static double
layer_scale (ElabFigure *figure,
             cairo_t    *cr)
{
  double s = figure->style.pixel_scale;

  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_RECORDING)
    return 1.0;
  return s >= 1.0 && s <= 8.0 ? s : 1.0;
}

gboolean
_elab_layer_place (ElabFigure     *figure,
                   cairo_t        *cr,
                   const ElabRect *area,
                   double          res_device[4],
                   int             res_pixels[4])
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));
  double s = layer_scale (figure, cr);
  cairo_matrix_t mx;
  double *d = res_device;
  int *p = res_pixels;

  cairo_get_matrix (cr, &mx);
  if ((type != CAIRO_SURFACE_TYPE_IMAGE && type != CAIRO_SURFACE_TYPE_RECORDING) ||
      mx.xy != 0 || mx.yx != 0 || mx.xx != mx.yy || !(mx.xx > 0))
    return FALSE;
  /* A surface's own scale would enlarge the layer after the fact. */
  {
    cairo_surface_t *target = cairo_get_target (cr);
    double sx, sy, ox, oy;

    cairo_surface_get_device_scale (target, &sx, &sy);
    cairo_surface_get_device_offset (target, &ox, &oy);
    if (sx != 1 || sy != 1 || ox != 0 || oy != 0)
      return FALSE;
  }

  d[0] = area->x, d[1] = area->y;
  d[2] = area->x + area->width, d[3] = area->y + area->height;
  cairo_user_to_device (cr, &d[0], &d[1]);
  cairo_user_to_device (cr, &d[2], &d[3]);
  if (!(fabs (d[0]) < 1e6 && fabs (d[1]) < 1e6 && fabs (d[2]) < 1e6 && fabs (d[3]) < 1e6))
    return FALSE;
  p[0] = (int) floor (s * d[0]), p[1] = (int) floor (s * d[1]);
  p[2] = (int) ceil (s * d[2]), p[3] = (int) ceil (s * d[3]);
  return p[2] > p[0] && p[3] > p[1] && p[2] - p[0] <= 16384 && p[3] - p[1] <= 16384;
}

cairo_t *
_elab_layer_begin (ElabLayer      *layer,
                   ElabFigure     *figure,
                   cairo_t        *cr,
                   const int       pixels[4],
                   cairo_format_t  format)
{
  double s = layer_scale (figure, cr);
  int width = pixels[2] - pixels[0], height = pixels[3] - pixels[1];
  cairo_matrix_t mx;
  cairo_t *lcr;

  if (layer->surface == NULL ||
      cairo_image_surface_get_width (layer->surface) != width ||
      cairo_image_surface_get_height (layer->surface) != height ||
      cairo_image_surface_get_format (layer->surface) != format)
    {
      g_clear_pointer (&layer->surface, cairo_surface_destroy);
      layer->surface = cairo_image_surface_create (format, width, height);
    }
  layer->x = pixels[0];
  layer->y = pixels[1];
  layer->scale = s;

  /* The layer's user space is @cr's, scaled to layer pixels and shifted
   * to the layer's corner. */
  cairo_get_matrix (cr, &mx);
  lcr = cairo_create (layer->surface);
  cairo_set_operator (lcr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (lcr);
  cairo_set_operator (lcr, CAIRO_OPERATOR_OVER);
  cairo_translate (lcr, s * mx.x0 - pixels[0], s * mx.y0 - pixels[1]);
  cairo_scale (lcr, s * mx.xx, s * mx.yy);
  return lcr;
}

void
_elab_layer_end (ElabLayer *layer,
                 cairo_t   *lcr)
{
  cairo_destroy (lcr);
  cairo_surface_flush (layer->surface);
}

void
_elab_layer_paint (const ElabLayer *layer,
                   cairo_t         *cr)
{
  double s = layer->scale > 0 ? layer->scale : 1.0;
  cairo_matrix_t m;

  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_surface (cr, layer->surface, 0, 0);
  /* Device units to layer pixels; on a HiDPI replay the window's scale
   * undoes the 1/s, so the pixels land one to one. */
  cairo_matrix_init (&m, s, 0, 0, s, -layer->x, -layer->y);
  cairo_pattern_set_matrix (cairo_get_source (cr), &m);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_new_path (cr);
  cairo_rectangle (cr, layer->x / s, layer->y / s,
                   cairo_image_surface_get_width (layer->surface) / s,
                   cairo_image_surface_get_height (layer->surface) / s);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
_elab_layer_clear (ElabLayer *layer)
{
  g_clear_pointer (&layer->surface, cairo_surface_destroy);
}
