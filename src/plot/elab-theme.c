/* elab-theme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colours, dash patterns and the sizes that scale with a figure.
 */

#include "elab-figure-private.h"
#include "elab-theme.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* Saturated, dark enough for white paper and a washed-out projector. */
static const ElabRgba default_light[ELAB_THEME_N_SERIES] = {
  RGB (0x0b5fa5), RGB (0xc8283c), RGB (0x1b8a4b), RGB (0xd9780a), RGB (0x6d3fb0), RGB (0x505050),
};
static const ElabRgba default_dark[ELAB_THEME_N_SERIES] = {
  RGB (0x62b0f5), RGB (0xff6b7d), RGB (0x5fd68f), RGB (0xffb347), RGB (0xbc96f7), RGB (0xcfcfcf),
};
/* Okabe & Ito (2008), ordered so neighbours stay distinguishable for every
 * common colour-vision deficiency; the yellow is kept off white paper. */
static const ElabRgba okabe_light[ELAB_THEME_N_SERIES] = {
  RGB (0x0072b2), RGB (0xd55e00), RGB (0x009e73), RGB (0xcc79a7), RGB (0xe69f00), RGB (0x56b4e9),
};
static const ElabRgba okabe_dark[ELAB_THEME_N_SERIES] = {
  RGB (0x56b4e9), RGB (0xe69f00), RGB (0x2fc49a), RGB (0xcc79a7), RGB (0xf0e442), RGB (0xe8712a),
};

void
_elab_theme_get (ElabThemeKind  kind,
                 ElabPalette    palette,
                 ElabTheme     *res)
{
  const ElabRgba *series;

  if (kind == ELAB_THEME_DARK)
    {
      *res = (ElabTheme) {
        .background    = RGB (0x1e1e22),
        .foreground    = RGB (0xf2f2f2),
        .muted         = RGB (0xc4c4c8),
        .axis          = RGB (0x9a9aa0),
        .grid          = RGB (0x3a3a40),
        .legend_bg     = { 0.16, 0.16, 0.18, 0.94 },
        .legend_border = RGB (0x55555c),
        .crosshair     = RGB (0xd0d0d0),
        .band          = { 0.72, 0.56, 0.95, 0.30 },
        .band2         = { 1.00, 0.70, 0.28, 0.26 },
      };
      series = palette == ELAB_PALETTE_COLORBLIND ? okabe_dark : default_dark;
      if (palette == ELAB_PALETTE_COLORBLIND)
        {
          res->band = (ElabRgba) { 0.80, 0.47, 0.65, 0.32 };
          res->band2 = (ElabRgba) { 0.34, 0.71, 0.91, 0.30 };
        }
    }
  else
    {
      *res = (ElabTheme) {
        .background    = RGB (0xffffff),
        .foreground    = RGB (0x111111),
        .muted         = RGB (0x333333),
        .axis          = RGB (0x333333),
        .grid          = RGB (0xdedede),
        .legend_bg     = { 1.0, 1.0, 1.0, 0.94 },
        .legend_border = RGB (0xb0b0b0),
        .crosshair     = RGB (0x555555),
        .band          = { 0.48, 0.32, 0.78, 0.25 },
        .band2         = { 0.90, 0.50, 0.05, 0.25 },
      };
      series = palette == ELAB_PALETTE_COLORBLIND ? okabe_light : default_light;
      if (palette == ELAB_PALETTE_COLORBLIND)
        {
          res->band = (ElabRgba) { 0.80, 0.47, 0.65, 0.35 };
          res->band2 = (ElabRgba) { 0.34, 0.71, 0.91, 0.35 };
        }
    }

  memcpy (res->series, series, sizeof res->series);
}

const ElabRgba *
_elab_theme_series (const ElabTheme *theme,
                    guint            index)
{
  return &theme->series[index % ELAB_THEME_N_SERIES];
}

ElabRgba
_elab_rgba_alpha (const ElabRgba *color,
                  double          alpha)
{
  ElabRgba res = *color;

  res.a *= alpha;
  return res;
}

void
_elab_set_source (cairo_t        *cr,
                  const ElabRgba *color)
{
  if (color->a >= 1.0)
    cairo_set_source_rgb (cr, color->r, color->g, color->b);
  else
    cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

void
_elab_set_dash (cairo_t *cr,
                guint    index,
                double   line_width)
{
  _elab_set_dash_offset (cr, index, line_width, 0.0);
}

void
_elab_set_dash_offset (cairo_t *cr,
                       guint    index,
                       double   line_width,
                       double   offset)
{
  double w = line_width;
  double d[6];
  int n = 0;

  /* Lengths are in line widths so the pattern reads the same at every
   * size; dots are zero-length dashes drawn by round caps. */
  switch (index % ELAB_THEME_N_SERIES)
    {
    case 0:
      break;
    case 1:
      d[0] = 4.5 * w; d[1] = 2.5 * w; n = 2;
      break;
    case 2:
      d[0] = 0; d[1] = 2.2 * w; n = 2;
      break;
    case 3:
      d[0] = 5 * w; d[1] = 2 * w; d[2] = 0; d[3] = 2 * w; n = 4;
      break;
    case 4:
      d[0] = 9 * w; d[1] = 3 * w; n = 2;
      break;
    default:
      d[0] = 5 * w; d[1] = 2 * w; d[2] = 0; d[3] = 2 * w; d[4] = 0; d[5] = 2 * w; n = 6;
      break;
    }

  cairo_set_line_cap (cr, n > 0 ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, d, n, n > 0 ? offset : 0);
}

void
_elab_metrics_compute (double                  width,
                       double                  height,
                       const ElabFigureStyle  *style,
                       ElabMetrics            *res)
{
  double type_scale = style->type_scale > 0 ? style->type_scale : 1.0;
  double line_scale = style->line_scale > 0 ? style->line_scale : 1.0;
  double base, plain;

  /* height / 40 reads from the back of a lecture hall at 1080p; narrow
   * figures follow the width so labels still fit; 13 units is the least a
   * ~600 px window widget stays readable at. */
  plain = MAX (MIN (height / 40.0, width / 52.0), 13.0);
  base = plain * type_scale;

  res->width = width;
  res->height = height;
  res->base_px = base;
  res->title_px = 1.3 * base;
  res->label_px = 1.0 * base;
  res->tick_px = 0.86 * base;
  res->legend_px = 0.92 * base;
  res->big_px = 1.25 * base;
  res->line_w = MAX (1.6, 0.135 * plain) * line_scale;
  res->grid_w = MAX (1.0, round (0.045 * base));
  res->axis_w = MAX (1.0, round (0.07 * base));
  res->marker_r = MAX (3.5, 0.30 * plain) * sqrt (line_scale);
  res->pad = round (0.9 * base);
}

/**
 * elab_theme_series_color:
 * The colour of series @index as the figures draw it, so anything shown
 * beside a curve (a swatch, a switch) matches it in every palette.
 */
void
elab_theme_series_color (ElabThemeKind  theme,
                         ElabPalette    palette,
                         guint          index,
                         ElabColor     *res)
{
  ElabTheme t;
  const ElabRgba *c;

  g_return_if_fail (res != NULL);

  _elab_theme_get (theme, palette, &t);
  c = _elab_theme_series (&t, index);
  *res = (ElabColor) { c->r, c->g, c->b };
}
