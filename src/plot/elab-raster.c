/* elab-raster.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small antialiased rasterizer for thick curves, used when the figure
 * draws straight into an image surface (exports, the benchmark, tests).
 *
 * Why: Cairo 1.16 turns every stroke into a polygon and scan-converts the
 * polygon's whole extents row by row, which makes four 241-point curves
 * most of a 1920×1080 frame. A curve is a chain of capsules (a segment
 * widened by the line's half-width, with round ends), and coverage of a
 * capsule is a distance: 1 − clamp(d − (r − ½), 0, 1). Each capsule only
 * visits the pixels within reach of it, coverage is merged with max() in
 * a byte mask so joins and overlapping dashes are not blended twice, and
 * the mask is then blended once per pixel with the series' colour. Vector
 * targets (SVG, PDF) and anything with a clip, rotation or device offset
 * keep using Cairo's strokes.
 */

#include "elab-figure-private.h"

#include <limits.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define ELAB_RASTER_FLUSH_SPANS 256
#include <string.h>

/* (int) floor (x) and (int) ceil (x) without a libm call (the build has
 * no SSE4.1 rounding instruction); the same result for every |x| < 1e9,
 * anything else (huge, infinite, NaN) takes libm as before. */
static inline int
floor_int (double x)
{
  if (G_LIKELY (x > -1e9 && x < 1e9))
    {
      int i = (int) x;

      return i - (i > x);
    }
  return (int) floor (x);
}

static inline int
ceil_int (double x)
{
  if (G_LIKELY (x > -1e9 && x < 1e9))
    {
      int i = (int) x;

      return i + (i < x);
    }
  return (int) ceil (x);
}

void
_elab_raster_clear (ElabRaster *raster)
{
  g_clear_pointer (&raster->cov, g_free);
  g_clear_pointer (&raster->spans, g_free);
  raster->n_spans = raster->spans_capacity = 0;
  raster->width = raster->height = 0;
}

gboolean
_elab_raster_begin (ElabRaster *raster,
                    cairo_t    *cr)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_matrix_t m;
  double ox, oy, sx, sy, x1, y1, x2, y2;
  int w, h;

  raster->active = FALSE;
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  if (cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32
      && cairo_image_surface_get_format (target) != CAIRO_FORMAT_RGB24)
    return FALSE;
  if (cairo_get_operator (cr) != CAIRO_OPERATOR_OVER)
    return FALSE;
  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_surface_get_device_scale (target, &sx, &sy);
  if (ox != 0 || oy != 0 || sx != 1 || sy != 1)
    return FALSE;

  /* Only a uniform scale and a translation. */
  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0 || m.xx <= 0 || m.xx != m.yy)
    return FALSE;

  w = cairo_image_surface_get_width (target);
  h = cairo_image_surface_get_height (target);
  if (w <= 0 || h <= 0)
    return FALSE;

  /* No clip narrower than the surface. */
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  cairo_user_to_device (cr, &x1, &y1);
  cairo_user_to_device (cr, &x2, &y2);
  if (x1 > 0 || y1 > 0 || x2 < w || y2 < h)
    return FALSE;

  if (raster->width != w || raster->height != h)
    {
      /* Once per target size, never per frame. */
      _elab_raster_clear (raster);
      raster->cov = g_malloc0 ((gsize) w * h);
      raster->spans_capacity = 4096;
      raster->spans = g_new (ElabSpan, raster->spans_capacity);
      raster->n_spans = 0;
      raster->width = w;
      raster->height = h;
    }

  raster->target = target;
  raster->scale = m.xx;
  raster->dx = m.x0;
  raster->dy = m.y0;
  raster->active = TRUE;
  return TRUE;
}

void
_elab_raster_capsule (ElabRaster *raster,
                      double      ax,
                      double      ay,
                      double      bx,
                      double      by,
                      double      radius)
{
  double reach = radius + 0.5;
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double inv = len2 > 1e-12 ? 1.0 / len2 : 0.0;
  int r0, r1;

  r0 = floor_int (MIN (ay, by) - reach);
  r1 = ceil_int (MAX (ay, by) + reach);
  r0 = MAX (r0, 0);
  r1 = MIN (r1, raster->height - 1);

  for (int row = r0; row <= r1; row++)
    {
      double py = row + 0.5;
      double xlo, xhi;
      guint8 *line;
      int c0, c1, hit0, hit1;

      /* The part of the segment within reach of this row, widened. */
      if (fabs (dy) < 1e-9)
        {
          if (fabs (py - ay) >= reach)
            continue;
          xlo = MIN (ax, bx);
          xhi = MAX (ax, bx);
        }
      else
        {
          double t0 = (py - reach - ay) / dy, t1 = (py + reach - ay) / dy, xa, xb;

          if (t0 > t1)
            {
              double tmp = t0;
              t0 = t1;
              t1 = tmp;
            }
          t0 = MAX (t0, 0.0);
          t1 = MIN (t1, 1.0);
          if (t0 > t1)
            continue;
          xa = ax + dx * t0;
          xb = ax + dx * t1;
          xlo = MIN (xa, xb);
          xhi = MAX (xa, xb);
        }

      c0 = MAX (floor_int (xlo - reach), 0);
      c1 = MIN (ceil_int (xhi + reach), raster->width - 1);
      if (c0 > c1)
        continue;

      line = raster->cov + (gsize) row * raster->width;
      {
        /* Branch-free in single precision, so the compiler can do several
         * pixels at once: a float holds device coordinates to 1e-4 px. */
        const float fax = (float) ax, fay = (float) ay, fdx = (float) dx, fdy = (float) dy;
        const float fpy = (float) py, finv = (float) inv, freach = (float) reach;
        const float ty = (fpy - fay) * fdy;

        int col = c0;

#ifdef __SSE2__
        /* Four pixels at a time. */
        {
          const __m128 vax = _mm_set1_ps (fax), vay = _mm_set1_ps (fay);
          const __m128 vdx = _mm_set1_ps (fdx), vdy = _mm_set1_ps (fdy);
          const __m128 vpy = _mm_set1_ps (fpy), vty = _mm_set1_ps (ty), vinv = _mm_set1_ps (finv);
          const __m128 vreach = _mm_set1_ps (freach), zero = _mm_setzero_ps (), one = _mm_set1_ps (1.0f);
          const __m128 k255 = _mm_set1_ps (255.0f), step = _mm_set1_ps (4.0f);
          __m128 px = _mm_add_ps (_mm_set1_ps ((float) col + 0.5f), _mm_set_ps (3.0f, 2.0f, 1.0f, 0.0f));

          for (; col + 3 <= c1; col += 4, px = _mm_add_ps (px, step))
            {
              __m128 t = _mm_mul_ps (_mm_add_ps (_mm_mul_ps (_mm_sub_ps (px, vax), vdx), vty), vinv);
              __m128 ex, ey, c;
              __m128i vi;
              guint32 packed;

              t = _mm_min_ps (_mm_max_ps (t, zero), one);
              ex = _mm_sub_ps (_mm_add_ps (vax, _mm_mul_ps (t, vdx)), px);
              ey = _mm_sub_ps (_mm_add_ps (vay, _mm_mul_ps (t, vdy)), vpy);
              c = _mm_sub_ps (vreach, _mm_sqrt_ps (_mm_add_ps (_mm_mul_ps (ex, ex), _mm_mul_ps (ey, ey))));
              c = _mm_min_ps (_mm_max_ps (c, zero), one);
              /* Round to nearest: cvtps rounds half to even, as good. */
              vi = _mm_cvtps_epi32 (_mm_mul_ps (c, k255));
              vi = _mm_packs_epi32 (vi, vi);
              vi = _mm_packus_epi16 (vi, vi);
              memcpy (&packed, line + col, 4);
              vi = _mm_max_epu8 (vi, _mm_cvtsi32_si128 ((int) packed));
              packed = (guint32) _mm_cvtsi128_si32 (vi);
              memcpy (line + col, &packed, 4);
            }
        }
#endif
        for (; col <= c1; col++)
          {
            float px = col + 0.5f;
            float t = ((px - fax) * fdx + ty) * finv;
            float ex, ey, c;
            guint8 v;

            t = t < 0.0f ? 0.0f : t;
            t = t > 1.0f ? 1.0f : t;
            ex = fax + t * fdx - px;
            ey = fay + t * fdy - fpy;
            c = freach - sqrtf (ex * ex + ey * ey);
            c = c < 0.0f ? 0.0f : c;
            c = c > 1.0f ? 1.0f : c;
            v = (guint8) (c * 255.0f + 0.5f);
            line[col] = v > line[col] ? v : line[col];
          }
      }
      {
        /* Trim the run to the pixels that got coverage. */
        while (c0 <= c1 && line[c0] == 0)
          c0++;
        while (c1 >= c0 && line[c1] == 0)
          c1--;
        hit0 = c0;
        hit1 = c0 <= c1 ? c1 : -1;
      }
      /* Only the pixels that got coverage need the blend. */
      if (hit1 < 0)
        continue;
      c0 = hit0;
      c1 = hit1;

      /* Remember the run for the blend; the array only grows in the
       * first frames at a size, never in a steady animation. */
      if (raster->n_spans == raster->spans_capacity)
        {
          raster->spans_capacity *= 2;
          raster->spans = g_renew (ElabSpan, raster->spans, raster->spans_capacity);
        }
      raster->spans[raster->n_spans++] = (ElabSpan) { row, c0, c1 };
    }

  /* Blend while the pixels just covered are still in cache: the target
   * was cleared a moment ago and its 8 MB are long out of it. Pixels at
   * the seam may blend twice, which only an edge pixel would show. */
  if (raster->n_spans >= ELAB_RASTER_FLUSH_SPANS)
    _elab_raster_flush (raster, &raster->color);
}

/* src · c + dst · (255 − c), divided by 255 with rounding, for all four
 * 8-bit channels at once: two channels per 32-bit lane, 16 bits each. */
static inline guint32
lerp_argb (guint32 src,
           guint32 dst,
           guint32 c)
{
  guint32 ic = 255 - c;
  guint32 rb = (src & 0xff00ff) * c + (dst & 0xff00ff) * ic + 0x800080;
  guint32 ag = ((src >> 8) & 0xff00ff) * c + ((dst >> 8) & 0xff00ff) * ic + 0x800080;

  rb = ((rb + ((rb >> 8) & 0xff00ff)) >> 8) & 0xff00ff;
  ag = (ag + ((ag >> 8) & 0xff00ff)) & 0xff00ff00;
  return rb | ag;
}

void
_elab_raster_flush (ElabRaster     *raster,
                    const ElabRgba *color)
{
  guint32 src[4], opaque, alpha;
  guint8 *data;
  int stride, x_lo = INT_MAX, x_hi = -1, y_lo = INT_MAX, y_hi = -1;

  if (!raster->active || raster->n_spans == 0)
    return;

  /* Opaque colour, premultiplied ARGB32 channels (b, g, r, a). */
  src[0] = (guint32) CLAMP (color->b * 255.0 + 0.5, 0, 255);
  src[1] = (guint32) CLAMP (color->g * 255.0 + 0.5, 0, 255);
  src[2] = (guint32) CLAMP (color->r * 255.0 + 0.5, 0, 255);
  src[3] = 255;
  opaque = src[3] << 24 | src[2] << 16 | src[1] << 8 | src[0];
  /* A translucent colour scales the coverage: still one blend a pixel. */
  alpha = (guint32) CLAMP (color->a * 255.0 + 0.5, 0, 255);

  cairo_surface_flush (raster->target);
  data = cairo_image_surface_get_data (raster->target);
  stride = cairo_image_surface_get_stride (raster->target);

  /* Runs overlap where capsules meet; the first visit blends a pixel and
   * zeroes its coverage, so later visits pass over it. */
  for (guint i = 0; i < raster->n_spans; i++)
    {
      const ElabSpan *sp = &raster->spans[i];
      guint8 *cov = raster->cov + (gsize) sp->row * raster->width;
      guint32 *dst = (guint32 *) (data + (gsize) sp->row * stride);

      x_lo = MIN (x_lo, sp->c0);
      x_hi = MAX (x_hi, sp->c1);
      y_lo = MIN (y_lo, sp->row);
      y_hi = MAX (y_hi, sp->row);
      for (int col = sp->c0; col <= sp->c1; col++)
        {
          guint32 c = cov[col];

          if (c == 0)
            continue;
          cov[col] = 0;
          if (alpha < 255)
            c = (c * alpha + 127) / 255;
          if (c == 255)
            {
              dst[col] = opaque;
              continue;
            }
          dst[col] = lerp_argb (opaque, dst[col], c);
        }
    }
  raster->n_spans = 0;

  cairo_surface_mark_dirty_rectangle (raster->target, x_lo, y_lo, x_hi - x_lo + 1, y_hi - y_lo + 1);
}

/* One pixel of a band column at @row: full, partial or untouched, as
 * the coverage of [@top, @bot) over [row, row + 1). */
static inline void
band_pixel (guint32 *dst,
            int      row,
            double   top,
            double   bot,
            guint32  opaque)
{
  double cov;
  guint32 c;

  if (!(bot > row) || !(top < row + 1.0))
    return;
  if (top <= row && bot >= row + 1.0)
    {
      *dst = opaque;
      return;
    }
  cov = MIN (bot, row + 1.0) - MAX (top, (double) row);
  c = (guint32) (cov * 255.0 + 0.5);
  if (c)
    *dst = lerp_argb (opaque, *dst, c);
}

void
_elab_raster_band (ElabRaster     *raster,
                   const double   *xs,
                   const double   *tops,
                   const double   *bots,
                   guint           n,
                   const ElabRgba *color)
{
  guint32 opaque;
  guint8 *data;
  int stride, c_first, c_last;
  guint i = 0;

  if (!raster->active || n < 2)
    return;

  opaque = 0xffu << 24
           | (guint32) CLAMP (color->r * 255.0 + 0.5, 0, 255) << 16
           | (guint32) CLAMP (color->g * 255.0 + 0.5, 0, 255) << 8
           | (guint32) CLAMP (color->b * 255.0 + 0.5, 0, 255);

  cairo_surface_flush (raster->target);
  data = cairo_image_surface_get_data (raster->target);
  stride = cairo_image_surface_get_stride (raster->target);

  /* Every column whose centre lies within the run, the band's ends
   * interpolated linearly between samples as the curves are drawn.
   * Columns go in blocks of 16 (one cache line of pixels per row), each
   * block row by row, so the writes stay local in memory. */
  c_first = MAX (ceil_int (xs[0] - 0.5), 0);
  c_last = MIN (floor_int (xs[n - 1] - 0.5), raster->width - 1);
  for (int block = c_first; block <= c_last; block += 16)
    {
      int nb = MIN (16, c_last - block + 1), r0 = INT_MAX, r1 = -1;
      double top[16], bot[16];
      int rf[16], rl[16];

      for (int k = 0; k < nb; k++)
        {
          double xc = block + k + 0.5, t, a, b;

          while (i + 2 < n && xs[i + 1] < xc)
            i++;
          t = xs[i + 1] > xs[i] ? (xc - xs[i]) / (xs[i + 1] - xs[i]) : 0;
          t = CLAMP (t, 0.0, 1.0);
          a = tops[i] + t * (tops[i + 1] - tops[i]);
          b = bots[i] + t * (bots[i + 1] - bots[i]);
          top[k] = MAX (MIN (a, b), 0.0);
          bot[k] = MIN (MAX (a, b), (double) raster->height);
          /* A column's rows strictly between its first (rf) and last
           * (rl) are inside the band: a plain store; only those two can
           * be partial. An empty column gets rf > rl and is never
           * touched. */
          if (bot[k] > top[k])
            {
              rf[k] = floor_int (top[k]);
              rl[k] = ceil_int (bot[k]) - 1;
              r0 = MIN (r0, rf[k]);
              r1 = MAX (r1, rl[k]);
            }
          else
            rf[k] = INT_MAX, rl[k] = INT_MIN;
        }

      /* Row by row within the block, so the writes stay in one cache
       * line a row. */
      {
        int in_lo = INT_MIN, in_hi = INT_MAX;

        /* Rows inside the band in every column of the block. */
        for (int k = 0; k < nb; k++)
          {
            in_lo = MAX (in_lo, rf[k]);
            in_hi = MIN (in_hi, rl[k]);
          }
        for (int row = r0; row <= r1; row++)
          {
            guint32 *dst = (guint32 *) (data + (gsize) row * stride) + block;

            if (row > in_lo && row < in_hi)
              {
                for (int k = 0; k < nb; k++)
                  dst[k] = opaque;
                continue;
              }
            for (int k = 0; k < nb; k++)
              {
                if (row > rf[k] && row < rl[k])
                  dst[k] = opaque;
                else if (row == rf[k] || row == rl[k])
                  band_pixel (&dst[k], row, top[k], bot[k], opaque);
              }
          }
      }
    }

  if (c_last >= c_first)
    cairo_surface_mark_dirty_rectangle (raster->target, c_first, 0, c_last - c_first + 1, raster->height);
}
