/* elab-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Series, bands, markers, legends, titles and cached Pango text.
 */

#include "elab-figure-private.h"

#include <string.h>

/* ----------------------------------------------------------------- Text */

/* TRUE when @layout's attributes resize or shift text (<sub>, <sup>,
 * <small>, <big>, rise): Pango's own ellipsis cuts such a run in two and
 * then warns "Leftover font scales", so those layouts are cut by hand. */
static gboolean
layout_has_scaled_runs (PangoLayout *layout)
{
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  GSList *list;
  gboolean res = FALSE;

  if (attrs == NULL)
    return FALSE;
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttrType type = ((PangoAttribute *) l->data)->klass->type;

      res |= type == PANGO_ATTR_SCALE || type == PANGO_ATTR_RISE || type == PANGO_ATTR_SIZE
             || type == PANGO_ATTR_ABSOLUTE_SIZE
#if PANGO_VERSION_CHECK (1, 50, 0)
             || type == PANGO_ATTR_FONT_SCALE || type == PANGO_ATTR_BASELINE_SHIFT
#endif
             ;
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  return res;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* Cuts the one-line @layout (text and attributes already set, no width)
 * to at most @max_width user units, ending in "…". Attributes are clipped
 * at the cut and none covers the ellipsis, so no run is split inside
 * Pango. The cut is found from the uncut line's glyph positions, then
 * moved back a character at a time while kerning still makes it wider. */
static void
cut_layout (PangoLayout *layout,
            double       max_width)
{
  static const char ellipsis[] = "\xe2\x80\xa6";
  g_autofree char *text = g_strdup (pango_layout_get_text (layout));
  PangoAttrList *orig = pango_layout_get_attributes (layout);
  g_autoptr(PangoAttrList) full = orig ? pango_attr_list_copy (orig) : pango_attr_list_new ();
  GSList *attrs = pango_attr_list_get_attributes (full);
  int index = 0, trailing = 0;
  double ell_w;

  pango_layout_set_text (layout, ellipsis, -1);
  pango_layout_set_attributes (layout, NULL);
  ell_w = layout_width (layout);

  /* Where the ellipsis would have to start on the uncut line. */
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, full);
  if (!pango_layout_xy_to_index (layout, (int) ((max_width - ell_w) * PANGO_SCALE), 0,
                                 &index, &trailing) && index >= (int) strlen (text))
    index = 0;

  while (TRUE)
    {
      g_autoptr(PangoAttrList) cut = pango_attr_list_new ();
      GString *s;
      int end = index;

      /* No space before the ellipsis. */
      while (end > 0 && text[end - 1] == ' ')
        end--;
      s = g_string_new_len (text, end);
      g_string_append (s, ellipsis);
      for (GSList *l = attrs; l != NULL; l = l->next)
        {
          PangoAttribute *a = l->data;

          if ((int) a->start_index < end)
            {
              PangoAttribute *c = pango_attribute_copy (a);

              c->end_index = MIN (c->end_index, (guint) end);
              pango_attr_list_insert (cut, c);
            }
        }
      pango_layout_set_text (layout, s->str, (int) s->len);
      pango_layout_set_attributes (layout, cut);
      g_string_free (s, TRUE);
      if (index == 0 || layout_width (layout) <= max_width + 0.01)
        break;
      index = (int) (g_utf8_prev_char (text + index) - text);
    }
  g_slist_free_full (attrs, (GDestroyNotify) pango_attribute_destroy);
}

ElabText *
_elab_text (ElabFigure *figure,
            ElabFont    font,
            const char *text,
            gboolean    markup,
            double      max_width,
            gboolean    wrap)
{
  ElabText *slot;
  double font_px = figure->font_px[font];
  gboolean changed = FALSE, reset = FALSE;
  gsize len;

  if (!figure->style.draw_text || text == NULL)
    return NULL;
  if (figure->next_text >= ELAB_FIGURE_MAX_TEXTS)
    return NULL;

  slot = &figure->texts[figure->next_text++];
  if (slot->layout == NULL)
    {
      slot->layout = pango_layout_new (figure->pango);
      pango_layout_set_ellipsize (slot->layout, PANGO_ELLIPSIZE_END);
      slot->font = ELAB_N_FONTS;
      slot->text[0] = '\1';
      slot->max_width = -1;
    }

  if (slot->font != font || slot->font_px != font_px)
    {
      pango_layout_set_font_description (slot->layout, figure->fonts[font]);
      slot->font = font;
      slot->font_px = font_px;
      changed = TRUE;
    }

  if (slot->max_width != max_width || slot->wrap != wrap)
    {
      slot->max_width = max_width;
      slot->wrap = wrap;
      changed = TRUE;
    }

  /* The common case in an animation: same text as last frame. The copy
   * lives in the slot, so this costs a strcmp and no allocation. A slot
   * holding a hand-cut text is reset from @text below. */
  len = strlen (text);
  if (slot->markup != markup || len >= sizeof slot->text || strcmp (slot->text, text) != 0)
    {
      slot->markup = markup;
      if (len < sizeof slot->text)
        memcpy (slot->text, text, len + 1);
      else
        slot->text[0] = '\1';
      reset = TRUE;
      changed = TRUE;
    }

  if (changed || figure->pango_changed)
    {
      PangoRectangle logical;

      if (reset || slot->cut)
        {
          if (markup)
            pango_layout_set_markup (slot->layout, text, (int) len);
          else
            {
              pango_layout_set_text (slot->layout, text, (int) len);
              pango_layout_set_attributes (slot->layout, NULL);
            }
          slot->cut = FALSE;
          slot->scaled = markup && layout_has_scaled_runs (slot->layout);
        }

      if (wrap)
        {
          pango_layout_set_ellipsize (slot->layout, PANGO_ELLIPSIZE_NONE);
          pango_layout_set_wrap (slot->layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_width (slot->layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
        }
      else if (slot->scaled && max_width > 0)
        {
          pango_layout_set_ellipsize (slot->layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_width (slot->layout, -1);
          if (layout_width (slot->layout) > max_width)
            {
              cut_layout (slot->layout, max_width);
              slot->cut = TRUE;
            }
        }
      else
        {
          pango_layout_set_ellipsize (slot->layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_width (slot->layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
        }

      pango_layout_get_extents (slot->layout, NULL, &logical);
      slot->width = (double) logical.width / PANGO_SCALE;
      slot->height = (double) logical.height / PANGO_SCALE;
    }

  return slot;
}

void
_elab_choose_line (ElabFigure *figure,
                   char       *res,
                   gsize       size,
                   char      **lines,
                   char      **probes,
                   guint       n_lines)
{
  double room = MAX (1, figure->width - 2 * figure->metrics.pad);
  guint chosen = n_lines - 1;

  g_return_if_fail (n_lines > 0);

  for (guint i = 0; i + 1 < n_lines; i++)
    {
      ElabText *tx = _elab_text (figure, ELAB_FONT_LABEL, probes[i], TRUE, -1, FALSE);

      if (tx == NULL || tx->width <= room)
        {
          chosen = i;
          break;
        }
    }
  g_strlcpy (res, lines[chosen], size);
  for (guint i = 0; i < n_lines; i++)
    g_free (lines[i]), g_free (probes[i]);
}

gboolean
_elab_text_is_cut (const ElabText *text)
{
  return text != NULL && (text->cut || pango_layout_is_ellipsized (text->layout));
}

double
_elab_text_estimate_width (ElabFigure *figure,
                           ElabFont    font,
                           const char *text,
                           gboolean    markup)
{
  glong n = 0;

  if (text == NULL)
    return 0;
  /* Visible characters: tags skipped, an entity counts once. */
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      if (markup && *c == '<')
        {
          const char *close = strchr (c, '>');

          if (close != NULL)
            {
              c = close;
              continue;
            }
        }
      if (markup && *c == '&')
        {
          const char *semi = strchr (c, ';');

          if (semi != NULL)
            c = semi;
        }
      n++;
    }
  return 0.52 * figure->font_px[font] * n;
}

double
_elab_draw_text (ElabFigure          *figure,
                 cairo_t             *cr,
                 const ElabTextStyle *style,
                 const char          *text,
                 double               x,
                 double               y)
{
  ElabText *t = _elab_text (figure, style->font, text, style->markup, -1, FALSE);

  if (t == NULL)
    return 0;

  _elab_set_source (cr, style->color);
  cairo_move_to (cr, round (x - style->ax * t->width), round (y - style->ay * t->height));
  pango_cairo_show_layout (cr, t->layout);
  return t->width;
}

void
_elab_draw_text_vertical (ElabFigure     *figure,
                          cairo_t        *cr,
                          ElabFont        font,
                          const char     *text,
                          double          x,
                          double          y,
                          const ElabRgba *color)
{
  ElabText *t = _elab_text (figure, font, text, TRUE, -1, FALSE);

  if (t != NULL)
    _elab_show_text_vertical (cr, t, x, y, color);
}

void
_elab_show_text_vertical (cairo_t        *cr,
                          const ElabText *t,
                          double          x,
                          double          y,
                          const ElabRgba *color)
{
  /* Rotated −90°: the layout's top edge becomes the left edge at x. */
  cairo_save (cr);
  _elab_set_source (cr, color);
  cairo_translate (cr, round (x), round (y));
  cairo_rotate (cr, -G_PI / 2);
  cairo_move_to (cr, -t->width / 2, 0);
  pango_cairo_show_layout (cr, t->layout);
  cairo_restore (cr);
}

void
_elab_format_value (double      value,
                    const char *unit,
                    char       *buf,
                    gsize       len)
{
  char num[ELAB_NUMBER_BUF_SIZE];

  elab_number_format (value, ELAB_NUMBER_VALUE, num, sizeof num);
  if (unit)
    g_snprintf (buf, len, "%s %s", num, unit);
  else
    g_strlcpy (buf, num, len);
}

void
_elab_format_affine (double  theta,
                     double  bias,
                     char   *buf,
                     gsize   len)
{
  char t[ELAB_NUMBER_BUF_SIZE], b[ELAB_NUMBER_BUF_SIZE];

  if (!isfinite (theta) || !isfinite (bias))
    {
      _elab_format_value (theta, NULL, t, sizeof t);
      _elab_format_value (bias, NULL, b, sizeof b);
      g_snprintf (buf, len, "%s\xc2\xb7x + %s", t, b);
      return;
    }

  /* "2x − 1", "x", "−x + 0.5", "0.5x": the way a teacher writes it. */
  if (theta == 0)
    {
      elab_number_format (bias, ELAB_NUMBER_PARAMETER, buf, len);
      return;
    }
  if (theta == 1)
    t[0] = '\0';
  else if (theta == -1)
    g_strlcpy (t, "\xe2\x88\x92", sizeof t);
  else
    elab_number_format (theta, ELAB_NUMBER_PARAMETER, t, sizeof t);

  if (bias == 0)
    g_snprintf (buf, len, "%sx", t);
  else
    {
      elab_number_format (fabs (bias), ELAB_NUMBER_PARAMETER, b, sizeof b);
      g_snprintf (buf, len, bias < 0 ? "%sx \xe2\x88\x92 %s" : "%sx + %s", t, b);
    }
}

/* --------------------------------------------------------------- Series */

static inline double
clamp_px (double v,
          double lo,
          double hi)
{
  /* Keeps far-off points within a few thousand units so Cairo's fixed
   * point never overflows; the panel's range already holds the data. */
  return v < lo ? lo : v > hi ? hi : v;
}

/* Cairo's scan converter works row by row over a path's extents, so one
 * long curve costs as much as the rectangle it spans. Stroking it in
 * pieces of this many points (each continuing the dash pattern where the
 * last stopped) costs less; the round caps where pieces meet overlap
 * exactly, invisible for an opaque colour. */
#define SERIES_PIECE 64
/* Points closer than this (user units) to the line through their
 * neighbours add nothing visible and are left out. */
#define SERIES_TOLERANCE 0.2

typedef struct
{
  cairo_t *cr;
  guint    index;
  double   lw;
  double   length;
  double   last_x, last_y;
  guint    in_piece;
  guint    piece;     /* points per stroke */
  /* The sleeve: from the anchor (last emitted point), every direction in
   * [lo, hi] passes within the tolerance of every point since. */
  gboolean open;
  double   lo, hi;
  double   prev_x, prev_y;
  gboolean have_prev;
} Polyline;

static void
polyline_emit (Polyline *pl,
               double    x,
               double    y)
{
  cairo_line_to (pl->cr, x, y);
  pl->length += hypot (x - pl->last_x, y - pl->last_y);
  pl->last_x = x;
  pl->last_y = y;
  if (++pl->in_piece >= pl->piece)
    {
      cairo_stroke (pl->cr);
      if (pl->index % ELAB_THEME_N_SERIES != 0)
        _elab_set_dash_offset (pl->cr, pl->index, pl->lw, pl->length);
      cairo_move_to (pl->cr, x, y);
      pl->in_piece = 0;
    }
}

static void
polyline_start (Polyline *pl,
                double    x,
                double    y)
{
  cairo_move_to (pl->cr, x, y);
  pl->last_x = x;
  pl->last_y = y;
  pl->open = TRUE;
  pl->lo = -G_PI;
  pl->hi = G_PI;
  pl->have_prev = FALSE;
}

static void
polyline_add (Polyline *pl,
              double    x,
              double    y)
{
  double dx = x - pl->last_x, dy = y - pl->last_y;
  double d = hypot (dx, dy);
  double ang, half;

  if (d < SERIES_TOLERANCE)
    {
      pl->prev_x = x;
      pl->prev_y = y;
      pl->have_prev = TRUE;
      return;
    }

  ang = atan2 (dy, dx);
  half = asin (SERIES_TOLERANCE / d);
  /* Leftward steps (never in our figures) and leaving the sleeve both
   * end the current straight run at the previous point. */
  if (dx < 0 || ang < pl->lo || ang > pl->hi)
    {
      if (pl->have_prev)
        {
          polyline_emit (pl, pl->prev_x, pl->prev_y);
          dx = x - pl->last_x;
          dy = y - pl->last_y;
          d = hypot (dx, dy);
          ang = atan2 (dy, dx);
          half = d > SERIES_TOLERANCE ? asin (SERIES_TOLERANCE / d) : G_PI;
        }
      pl->lo = -G_PI;
      pl->hi = G_PI;
      if (dx < 0)
        {
          polyline_emit (pl, x, y);
          pl->have_prev = FALSE;
          return;
        }
    }
  pl->lo = MAX (pl->lo, ang - half);
  pl->hi = MIN (pl->hi, ang + half);
  pl->prev_x = x;
  pl->prev_y = y;
  pl->have_prev = TRUE;
}

static void
polyline_end (Polyline *pl)
{
  if (pl->open && pl->have_prev)
    polyline_emit (pl, pl->prev_x, pl->prev_y);
  pl->open = FALSE;
  pl->have_prev = FALSE;
}

void
_elab_draw_series (ElabFigure       *figure,
                   cairo_t          *cr,
                   const ElabPanel  *panel,
                   const ElabSeries *series)
{
  const double *x = series->x, *y = series->y;
  guint n = series->n, index = series->index;
  const ElabRgba *color = series->color != NULL ? series->color : _elab_theme_series (&figure->theme, index);
  const ElabRect *a = &panel->area;
  double lo_x = a->x - a->width, hi_x = a->x + 2 * a->width;
  double lo_y = a->y - a->height, hi_y = a->y + 2 * a->height;
  double sx = (panel->x.px1 - panel->x.px0) / (panel->x.max - panel->x.min);
  double sy = (panel->y.px1 - panel->y.px0) / (panel->y.max - panel->y.min);
  Polyline pl = { cr, index, figure->metrics.line_w, 0, 0, 0, 0, SERIES_PIECE, FALSE, 0, 0, 0, 0, FALSE };
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_group_target (cr));

  /* Pieces only help a rasterizing target; a vector file gets one path. */
  if (type == CAIRO_SURFACE_TYPE_SVG || type == CAIRO_SURFACE_TYPE_PDF
      || type == CAIRO_SURFACE_TYPE_PS)
    pl.piece = G_MAXUINT;

  _elab_set_source (cr, color);
  cairo_set_line_width (cr, pl.lw);
  /* 4×4 supersampling: indistinguishable on a curve this thick, and a
   * third of the default's cost. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  _elab_set_dash_offset (cr, index, pl.lw, 0);

  for (guint i = 0; i < n; i++)
    {
      double px, py;

      if (!isfinite (x[i]) || !isfinite (y[i]))
        {
          polyline_end (&pl);
          continue;
        }

      px = clamp_px (panel->x.px0 + (x[i] - panel->x.min) * sx, lo_x, hi_x);
      py = clamp_px (panel->y.px0 + (y[i] - panel->y.min) * sy, lo_y, hi_y);
      if (!pl.open)
        polyline_start (&pl, px, py);
      else
        polyline_add (&pl, px, py);
    }
  polyline_end (&pl);

  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
}

void
_elab_draw_band (ElabFigure      *figure,
                 cairo_t         *cr,
                 const ElabPanel *panel,
                 const ElabBand  *band)
{
  const ElabRect *a = &panel->area;
  double lo_y = a->y - a->height, hi_y = a->y + 2 * a->height;
  const ElabRgba *bg = &figure->theme.background;
  const double *x = band->x, *y0 = band->y0, *y1 = band->y1;
  guint n = band->n;
  ElabRgba c = *band->color;
  guint start = 0;

  /* On an opaque background, blend the colour once here: Cairo fills an
   * opaque colour several times faster than a translucent one. The band
   * is drawn before the grid, so nothing under it is lost. */
  if (!band->over && !figure->style.transparent && c.a < 1.0)
    {
      c.r = c.r * c.a + bg->r * (1 - c.a);
      c.g = c.g * c.a + bg->g * (1 - c.a);
      c.b = c.b * c.a + bg->b * (1 - c.a);
      c.a = 1.0;
    }

  while (start < n)
    {
      guint end;

      while (start < n && !(isfinite (x[start]) && isfinite (y0[start]) && isfinite (y1[start])))
        start++;
      end = start;
      while (end < n && isfinite (x[end]) && isfinite (y0[end]) && isfinite (y1[end]))
        end++;
      if (end - start >= 2)
        {
          for (guint i = start; i < end; i++)
            {
              double px = _elab_axis_to_px (&panel->x, x[i]);
              double py = clamp_px (_elab_axis_to_px (&panel->y, y1[i]), lo_y, hi_y);

              if (i == start)
                cairo_move_to (cr, px, py);
              else
                cairo_line_to (cr, px, py);
            }
          for (guint i = end; i-- > start;)
            cairo_line_to (cr, _elab_axis_to_px (&panel->x, x[i]),
                           clamp_px (_elab_axis_to_px (&panel->y, y0[i]), lo_y, hi_y));
          cairo_close_path (cr);
        }
      start = end;
    }

  _elab_set_source (cr, &c);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_fill (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
}

void
_elab_marker_path (cairo_t *cr,
                   double   x,
                   double   y,
                   double   r,
                   guint    shape)
{
  switch (shape % ELAB_THEME_N_SERIES)
    {
    case 0:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case 1:
      r *= 0.88;
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case 2:
      r *= 1.2;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + 0.866 * r, y + 0.5 * r);
      cairo_line_to (cr, x - 0.866 * r, y + 0.5 * r);
      cairo_close_path (cr);
      break;
    case 3:
      r *= 1.2;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case 4:
      r *= 1.2;
      cairo_move_to (cr, x, y + r);
      cairo_line_to (cr, x + 0.866 * r, y - 0.5 * r);
      cairo_line_to (cr, x - 0.866 * r, y - 0.5 * r);
      cairo_close_path (cr);
      break;
    default:
      r *= 0.9;
      cairo_move_to (cr, x - r, y - r);
      cairo_line_to (cr, x + r, y + r);
      cairo_move_to (cr, x + r, y - r);
      cairo_line_to (cr, x - r, y + r);
      break;
    }
}

void
_elab_draw_marker (ElabFigure *figure,
                   cairo_t    *cr,
                   double      px,
                   double      py,
                   guint       index)
{
  const ElabMetrics *m = &figure->metrics;
  double r = m->marker_r;

  if (!isfinite (px) || !isfinite (py))
    return;

  _elab_marker_path (cr, px, py, r, index);
  if (index % ELAB_THEME_N_SERIES == 5)
    {
      _elab_set_source (cr, _elab_theme_series (&figure->theme, index));
      cairo_set_line_width (cr, m->line_w);
      cairo_stroke (cr);
      return;
    }
  /* A ring in the background colour keeps the point visible on top of
   * its own curve. */
  _elab_set_source (cr, _elab_theme_series (&figure->theme, index));
  cairo_fill_preserve (cr);
  _elab_set_source (cr, &figure->theme.background);
  cairo_set_line_width (cr, MAX (1.0, 0.35 * m->line_w));
  cairo_stroke (cr);
}

/* The label boxes of _elab_draw_guess() placed so far. */
typedef struct
{
  ElabRect boxes[1 + ELAB_ANSWER_MAX];
  guint    n;
} LabelPlaces;

/* Whether @a and @b overlap or come within @gap of each other side by
 * side (two labels that touch read as one: "offanswer"). */
static gboolean
overlaps (const ElabRect *a,
          const ElabRect *b,
          double          gap)
{
  return a->x < b->x + b->width + gap && b->x < a->x + a->width + gap &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Places a @width × @height label beside the line at @px: on the @left
 * side first, else the other, on the first row down from the panel's top
 * where it stays inside the panel, clear of every label placed and, if it
 * can, of every line in @lines (within @pad), its own kept @pad away. A
 * crowded panel leaves it on the row below the last. */
static ElabRect
place_label (const ElabPanel *panel,
             LabelPlaces     *places,
             const double    *lines,
             guint            n_lines,
             double           px,
             double           width,
             double           height,
             double           pad,
             gboolean         left)
{
  const ElabRect *area = &panel->area;
  guint rows = MAX (1, (guint) floor ((area->height - pad) / (height + pad)));
  ElabRect box = { 0, 0, width, height };

  /* First clear of the other lines too, then across them if need be. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint row = 0; row < rows; row++)
      for (guint side = 0; side < 2; side++)
        {
          gboolean clear = TRUE;

          box.x = round ((left ^ side) ? px - pad - width : px + pad);
          box.y = round (area->y + pad + row * (height + pad));
          if (box.x < area->x || box.x + width > area->x + area->width)
            continue;
          for (guint i = 0; i < places->n && clear; i++)
            clear = !overlaps (&box, &places->boxes[i], height / 2);
          for (guint i = 0; i < n_lines && clear && pass == 0; i++)
            clear = fabs (lines[i] - px) < 0.5 || lines[i] < box.x - pad / 2 ||
                    lines[i] > box.x + width + pad / 2;
          if (clear)
            goto found;
        }
  /* No room left: below every label, on the preferred side, inside. */
  box.x = CLAMP (round (left ? px - pad - width : px + pad), area->x, area->x + area->width - width);
  box.y = area->y + pad;
  for (guint i = 0; i < places->n; i++)
    box.y = MAX (box.y, places->boxes[i].y + places->boxes[i].height + pad);
found:
  places->boxes[places->n++] = box;
  return box;
}

/* A question's guess on the x axis, dashed, and once revealed the answer,
 * solid, at every x where it is reached (a span of them shaded between two
 * lines), each labelled at the top of the panel: the guess stays beside
 * the truth as a ghost, judged against the nearest answer. No label
 * overprints another, or a line but its own. */
void
_elab_draw_guess (ElabFigure      *figure,
                  cairo_t         *cr,
                  const ElabPanel *panel)
{
  const ElabAnswer *truth = &figure->style.truth;
  double guess = figure->style.guess_x;
  double lw = MAX (2.0, round (figure->metrics.line_w));
  /* Each mark's lines in pixels (lo == hi: one line); the guess first. */
  struct
  {
    double   lo, hi;
    gboolean guess;
  } marks[1 + ELAB_ANSWER_MAX];
  double lines[2 * (1 + ELAB_ANSWER_MAX)];
  guint n_marks = 0, n_lines = 0;
  LabelPlaces places = { .n = 0 };
  g_autofree char *guess_label = NULL;

  figure->n_guess_labels = 0;

  if (isfinite (guess) && guess >= panel->x.min && guess <= panel->x.max)
    {
      marks[n_marks].lo = marks[n_marks].hi = round (_elab_axis_to_px (&panel->x, guess)) + 0.5;
      marks[n_marks++].guess = TRUE;
      if (truth->n > 0)
        {
          g_autofree char *off = elab_number_dup (elab_answer_distance (truth, guess), ELAB_NUMBER_SHORT);

          guess_label = elab_answer_is_close (truth, guess, panel->x.min, panel->x.max)
                          ? g_strdup ("your guess ✓")
                          : g_strdup_printf ("your guess, %s off", off);
        }
    }
  for (guint i = 0; i < truth->n; i++)
    {
      double lo = MAX (truth->at[i].lo, panel->x.min), hi = MIN (truth->at[i].hi, panel->x.max);

      if (!(lo <= hi))
        continue;
      marks[n_marks].lo = round (_elab_axis_to_px (&panel->x, lo)) + 0.5;
      marks[n_marks].hi = round (_elab_axis_to_px (&panel->x, hi)) + 0.5;
      marks[n_marks++].guess = FALSE;
    }

  cairo_save (cr);
  cairo_set_line_width (cr, lw);
  for (guint i = 0; i < n_marks; i++)
    {
      if (marks[i].hi > marks[i].lo)
        {
          _elab_set_source (cr, &figure->theme.band);
          cairo_rectangle (cr, marks[i].lo, panel->area.y, marks[i].hi - marks[i].lo, panel->area.height);
          cairo_fill (cr);
        }
      _elab_set_source (cr, marks[i].guess ? &figure->theme.muted : &figure->theme.foreground);
      if (marks[i].guess)
        cairo_set_dash (cr, (double[]) { 3 * lw, 2 * lw }, 2, 0);
      else
        cairo_set_dash (cr, NULL, 0, 0);
      for (guint end = 0; end < (marks[i].hi > marks[i].lo ? 2u : 1u); end++)
        {
          lines[n_lines] = end == 0 ? marks[i].lo : marks[i].hi;
          cairo_move_to (cr, lines[n_lines], panel->area.y);
          cairo_line_to (cr, lines[n_lines], panel->area.y + panel->area.height);
          n_lines++;
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  /* The answers' labels right of their lines, then the guess's left of
   * its own, each moved where it would overprint: the answers keep the
   * top row, the same place whatever the guess. */
  for (guint k = 0; k < n_marks; k++)
    {
      guint i = (k + (n_marks > 0 && marks[0].guess)) % n_marks;
      const char *text = marks[i].guess ? (guess_label != NULL ? guess_label : "your guess") : "answer";
      ElabText *tx = _elab_text (figure, ELAB_FONT_LEGEND, text, FALSE, -1, FALSE);
      ElabRect box;

      if (tx == NULL)
        break;
      box = place_label (panel, &places, lines, n_lines, marks[i].guess ? marks[i].lo : marks[i].hi,
                         tx->width, tx->height, lw, marks[i].guess);
      figure->guess_labels[figure->n_guess_labels++] = box;
      cairo_save (cr);
      /* On the background's colour (where there is one), so a curve or a
       * line it crosses does not run through the letters. */
      if (!figure->style.transparent)
        {
          _elab_set_source (cr, &(ElabRgba) { figure->theme.background.r, figure->theme.background.g,
                                              figure->theme.background.b, 0.85 });
          cairo_rectangle (cr, box.x - lw / 2, box.y, box.width + lw, box.height);
          cairo_fill (cr);
        }
      _elab_set_source (cr, marks[i].guess ? &figure->theme.muted : &figure->theme.foreground);
      cairo_move_to (cr, box.x, box.y);
      pango_cairo_show_layout (cr, tx->layout);
      cairo_restore (cr);
    }
}

void
_elab_draw_crosshair (ElabFigure      *figure,
                      cairo_t         *cr,
                      const ElabPanel *panel,
                      double           x)
{
  double px;

  if (!isfinite (x) || x < panel->x.min || x > panel->x.max)
    return;

  px = _elab_axis_to_px (&panel->x, x);
  _elab_set_source (cr, &figure->theme.crosshair);
  _elab_vline (cr, px, panel->area.y, panel->area.y + panel->area.height,
               MAX (1.0, round (figure->metrics.grid_w * 1.5)));
  cairo_fill (cr);
}

/* The swatch @kind of series @index in @box: what the figure draws for the
 * entry (the line and its marker, the line or the marker alone, a data
 * point, a cross). */
static void
draw_swatch (ElabFigure     *figure,
             cairo_t        *cr,
             const ElabRect *box,
             guint           index,
             ElabSwatch      kind)
{
  const ElabRgba *c = _elab_theme_series (&figure->theme, index);
  const ElabMetrics *m = &figure->metrics;
  double cx = box->x + box->width / 2, cy = box->y + box->height / 2;

  switch (kind)
    {
    case ELAB_SWATCH_MARKER:
      _elab_draw_marker (figure, cr, cx, cy, index);
      break;
    case ELAB_SWATCH_DOT:
      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, 0.8 * m->marker_r, 0, 2 * G_PI);
      _elab_set_source (cr, c);
      cairo_fill (cr);
      break;
    case ELAB_SWATCH_TRIANGLE:
      cairo_new_path (cr);
      _elab_marker_path (cr, cx, cy, 0.8 * m->marker_r, 2);
      _elab_set_source (cr, c);
      cairo_fill (cr);
      break;
    case ELAB_SWATCH_CROSS:
      {
        double r = MIN (1.6 * m->marker_r, 0.45 * box->height);

        cairo_save (cr);
        cairo_new_path (cr);
        cairo_move_to (cr, cx - r, cy - r);
        cairo_line_to (cr, cx + r, cy + r);
        cairo_move_to (cr, cx - r, cy + r);
        cairo_line_to (cr, cx + r, cy - r);
        cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
        cairo_set_line_width (cr, 2.5 * m->line_w);
        cairo_stroke_preserve (cr);
        _elab_set_source (cr, c);
        cairo_set_line_width (cr, m->line_w);
        cairo_stroke (cr);
        cairo_restore (cr);
      }
      break;
    case ELAB_SWATCH_LINE:
    case ELAB_SWATCH_LINE_MARKER:
    default:
      {
        /* The same path a curve takes, through a unit panel laid over
         * the swatch's box. */
        static const double xs[2] = { 0, 1 }, ys[2] = { 0, 0 };
        double x = box->x, y = box->y, w = box->width, h = box->height;
        ElabPanel unit = { ELAB_PANEL_NONE, { x, y, w, h },
                           { 0, 1, x, x + w, 0, 0, { 0 } },
                           { 0, 1, y + h / 2, y + h / 2 - 1, 0, 0, { 0 } } };

        _elab_draw_series (figure, cr, &unit, &(ElabSeries) { .x = xs, .y = ys, .n = 2, .index = index });
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
        if (kind != ELAB_SWATCH_LINE)
          _elab_draw_marker (figure, cr, cx, cy, index);
      }
      break;
    }
}

void
_elab_draw_block_swatch (ElabFigure     *figure,
                         cairo_t        *cr,
                         const ElabRect *rect,
                         guint           index,
                         double          fill_alpha,
                         gboolean        outline)
{
  const ElabRgba *c = _elab_theme_series (&figure->theme, index);
  ElabRgba fill = _elab_rgba_alpha (c, fill_alpha);

  _elab_fill_rect (cr, rect, &fill);
  if (outline)
    {
      double lw = MAX (1.5, 0.6 * figure->metrics.line_w);

      /* Whole-unit width and butt caps with mitre joins keep this on
       * Cairo's rectilinear path: dashes become pixel boxes instead of a
       * polygon scan-converted over the whole rectangle. */
      lw = round (lw);
      cairo_rectangle (cr, rect->x + lw / 2, rect->y + lw / 2, rect->width - lw, rect->height - lw);
      _elab_set_source (cr, c);
      cairo_set_line_width (cr, lw);
      _elab_set_dash (cr, 1, lw);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
    }
}

/* --------------------------------------------------------------- Legend */

double
_elab_legend_row_height (ElabFigure *figure)
{
  return round (1.75 * figure->metrics.legend_px);
}

#define LEGEND_MAX_ENTRIES 16

/* A legend is laid out from the shapes of its texts with every digit a 0
 * (digits share one width in the fonts we use): those shapes stay cached
 * while a slider moves the numbers, so sizing a legend before drawing it
 * reshapes nothing, and the layout does not jitter from frame to frame.
 * The texts drawn are the real ones, laid out as decided here. */
typedef struct
{
  const char *label;        /* drawn on the entry's first line */
  double      label_wrap;   /* > 0: wrapped at this width */
  double      label_cut;    /* > 0: cut at this width (squeezed rows) */
  const char *detail;       /* two-line mode: on a line of its own */
  double      detail_wrap;
  double      label_w;      /* natural widths */
  double      value_w;
  double      label_extra;  /* height a wrapped label adds to its line */
  gboolean    value_first;  /* two-line mode: value beside the label */
  double      height;
  char        composed[256];  /* one row: label, three spaces, detail */
} LegendItem;

typedef struct
{
  double     row, inner, sw;
  double     line_h;                     /* one line of legend type */
  double     value_row;                  /* a value on its own line */
  gboolean   two_line;                   /* values under their labels */
  gboolean   squeezed;                   /* rows, labels cut to fit */
  double     heading_wrap;
  double     heading_h;
  LegendItem items[LEGEND_MAX_ENTRIES];
  double     height;
} LegendLayout;

/* The single-row room for a label cut to fit (a squeezed legend), and for
 * one without a value: what the swatch, the paddings and a fixed room for
 * the value leave. A fixed room, not the value's measured width: values
 * change every frame, and a new width would reshape the cut label. */
static double
legend_row_room (const LegendLayout    *lay,
                 ElabFigure            *figure,
                 double                 width,
                 const ElabLegendEntry *e)
{
  return width - 3.5 * lay->inner - lay->sw - (e->value ? 6.5 * figure->metrics.legend_px : 0);
}

/* Width and height of @text with its digits zeroed, on one line or
 * wrapped at @wrap (> 0); estimated when the style draws no text. */
static void
legend_measure (ElabFigure *figure,
                const char *text,
                gboolean    markup,
                double      wrap,
                double     *res_width,
                double     *res_height)
{
  char shape[256];
  gboolean in_tag = FALSE;
  ElabText *t;

  g_strlcpy (shape, text, sizeof shape);
  for (char *c = shape; *c != '\0'; c++)
    {
      if (markup && (*c == '<' || *c == '>'))
        in_tag = *c == '<';
      else if (!in_tag && g_ascii_isdigit (*c))
        *c = '0';
    }
  t = _elab_text (figure, ELAB_FONT_LEGEND, shape, markup, wrap > 0 ? wrap : -1, wrap > 0);
  if (t != NULL)
    {
      *res_width = t->width;
      *res_height = t->height;
      return;
    }
  *res_width = _elab_text_estimate_width (figure, ELAB_FONT_LEGEND, shape, markup);
  *res_height = round (1.17 * figure->metrics.legend_px)
                * (wrap > 0 ? MAX (1.0, ceil (*res_width / wrap - 1e-9)) : 1.0);
  if (wrap > 0)
    *res_width = MIN (*res_width, wrap);
}

/* Wraps at @width a text of natural size @w × @h that is wider than
 * that: sets *res_wrap and returns the height its further lines add. */
static double
legend_wrap (ElabFigure *figure,
             const char *text,
             double      w,
             double      h,
             double      width,
             double     *res_wrap)
{
  double ww, wh;

  *res_wrap = 0;
  if (w <= width + 0.5)
    return 0;
  *res_wrap = MAX (1, width);
  legend_measure (figure, text, TRUE, *res_wrap, &ww, &wh);
  return wh - h;
}

/* One row an entry: a box shorter than that (a caption under the figure
 * too) gets tighter rows, down to 1.3 em, before any entry is left out:
 * a legend row is a curve's name, and a row dropped leaves its curve
 * unnamed. */
static void
legend_rows (LegendLayout *lay,
             ElabFigure   *figure,
             double        max_height,
             guint         n_entries,
             gboolean      with_heading)
{
  double extra = lay->heading_h - (with_heading ? lay->row : 0);
  double rows = n_entries + (with_heading ? 1 : 0);
  double row = lay->row;

  if (2 * lay->inner + extra + rows * row > max_height && rows > 0)
    row = MIN (row, MAX (round (1.3 * figure->metrics.legend_px),
                         floor ((max_height - 2 * lay->inner - extra) / rows)));
  lay->row = row;
  if (with_heading)
    lay->heading_h = extra + row;
  for (guint i = 0; i < n_entries; i++)
    lay->items[i].height = row;
  lay->height = 2 * lay->inner + lay->heading_h + n_entries * row;
}

static void
legend_layout (ElabFigure            *figure,
               double                 width,
               double                 max_height,
               const ElabLegendEntry *entries,
               guint                  n_entries,
               const char            *heading,
               LegendLayout          *lay)
{
  const ElabMetrics *m = &figure->metrics;
  double room2, one_row_h, value_room = 0, h;
  gboolean fits = TRUE;

  memset (lay, 0, sizeof *lay);
  n_entries = MIN (n_entries, LEGEND_MAX_ENTRIES);
  lay->row = _elab_legend_row_height (figure);
  lay->inner = round (0.6 * m->legend_px);
  lay->sw = round (2.6 * m->legend_px);
  lay->line_h = round (1.17 * m->legend_px);
  lay->value_row = round (1.3 * m->legend_px);
  /* Beside the swatch, with a padding either side. */
  room2 = MAX (1, width - 3 * lay->inner - lay->sw);

  if (heading)
    {
      double w;

      /* A heading wider than the box wraps: its row grows by the extra lines. */
      legend_measure (figure, heading, TRUE, -1, &w, &h);
      lay->heading_h = lay->row + legend_wrap (figure, heading, w, h, width - 2 * lay->inner,
                                               &lay->heading_wrap);
    }

  for (guint i = 0; i < n_entries; i++)
    {
      const ElabLegendEntry *e = &entries[i];
      LegendItem *it = &lay->items[i];

      it->label = e->label;
      if (e->label && e->detail)
        {
          g_snprintf (it->composed, sizeof it->composed, "%s   %s", e->label, e->detail);
          it->label = it->composed;
        }
      if (it->label)
        legend_measure (figure, it->label, TRUE, -1, &it->label_w, &h);
      if (e->value)
        {
          legend_measure (figure, e->value, FALSE, -1, &it->value_w, &h);
          value_room = MAX (value_room, it->value_w);
        }
    }
  for (guint i = 0; i < n_entries; i++)
    {
      const ElabLegendEntry *e = &entries[i];
      double room = e->value ? width - 4.5 * lay->inner - lay->sw - value_room
                             : legend_row_room (lay, figure, width, e);

      /* Half a unit of slack: a label exactly as wide as its room fits. */
      if (lay->items[i].label_w > room + 0.5)
        fits = FALSE;
    }

  one_row_h = 2 * lay->inner + lay->heading_h + n_entries * lay->row;
  if (fits)
    {
      legend_rows (lay, figure, max_height, n_entries, heading != NULL);
      return;
    }

  /* Two lines an entry. With a detail: the label and the value on the
   * first, the detail (wrapped if it must) on the second. Without: the
   * label (wrapped if it must), the value right-aligned under it. */
  lay->two_line = TRUE;
  lay->height = 2 * lay->inner + lay->heading_h;
  for (guint i = 0; i < n_entries; i++)
    {
      const ElabLegendEntry *e = &entries[i];
      LegendItem *it = &lay->items[i];

      it->height = lay->row;
      if (e->label && e->detail)
        {
          double dw, dh;

          it->label = e->label;
          legend_measure (figure, e->label, TRUE, -1, &it->label_w, &h);
          it->label_extra = legend_wrap (figure, e->label, it->label_w, h, room2, &it->label_wrap);
          it->detail = e->detail;
          legend_measure (figure, e->detail, TRUE, -1, &dw, &dh);
          it->height += it->label_extra + lay->value_row
                        + legend_wrap (figure, e->detail, dw, dh, room2, &it->detail_wrap);
          it->value_first = e->value && it->label_wrap == 0
                            && 4 * lay->inner + lay->sw + it->label_w + it->value_w <= width + 0.5;
        }
      else if (e->label)
        {
          legend_measure (figure, e->label, TRUE, -1, &it->label_w, &h);
          it->label_extra = legend_wrap (figure, e->label, it->label_w, h, room2, &it->label_wrap);
          it->height += it->label_extra;
        }
      if (e->value && !it->value_first)
        it->height += lay->value_row;
      lay->height += it->height;
    }

  /* A box the caller fixed that two lines an entry would overflow (the
   * training figures' legends): rows as before, labels cut, rather than
   * entries left out. */
  if (lay->height > max_height && one_row_h <= max_height)
    {
      lay->two_line = FALSE;
      lay->squeezed = TRUE;
      for (guint i = 0; i < n_entries; i++)
        {
          LegendItem *it = &lay->items[i];

          it->label = entries[i].detail ? it->composed : entries[i].label;
          it->label_wrap = it->label_extra = 0;
          it->label_cut = MAX (1, legend_row_room (lay, figure, width, &entries[i]));
          it->detail = NULL;
          it->value_first = FALSE;
        }
      legend_rows (lay, figure, max_height, n_entries, heading != NULL);
    }
}

double
_elab_legend_height (ElabFigure            *figure,
                     double                 width,
                     const ElabLegendEntry *entries,
                     guint                  n_entries,
                     const char            *heading)
{
  LegendLayout lay;

  legend_layout (figure, width, G_MAXDOUBLE, entries, n_entries, heading, &lay);
  return lay.height;
}

gboolean
_elab_legend_fits_rows (ElabFigure            *figure,
                        double                 width,
                        const ElabLegendEntry *entries,
                        guint                  n_entries,
                        const char            *heading)
{
  LegendLayout lay;

  legend_layout (figure, width, G_MAXDOUBLE, entries, n_entries, heading, &lay);
  return !lay.two_line;
}

/* The layout of @text as the legend decided: wrapped, cut or whole. */
static ElabText *
legend_text (ElabFigure *figure,
             const char *text,
             gboolean    markup,
             double      wrap,
             double      cut)
{
  if (wrap > 0)
    return _elab_text (figure, ELAB_FONT_LEGEND, text, markup, wrap, TRUE);
  return _elab_text (figure, ELAB_FONT_LEGEND, text, markup, cut > 0 ? cut : -1, FALSE);
}

/* Draws @t with the middle of its first line at @cy. */
static void
show_first_line_at (cairo_t  *cr,
                    ElabText *t,
                    double    x,
                    double    cy)
{
  double first_h = t->height / MAX (1, pango_layout_get_line_count (t->layout));

  cairo_move_to (cr, x, round (cy - first_h / 2));
  pango_cairo_show_layout (cr, t->layout);
}

double
_elab_draw_legend (ElabFigure            *figure,
                   cairo_t               *cr,
                   const ElabRect        *box,
                   const ElabLegendEntry *entries,
                   guint                  n_entries,
                   const char            *heading)
{
  const ElabTheme *t = &figure->theme;
  LegendLayout lay;
  double row, inner, sw, y, height;
  ElabRect r;

  n_entries = MIN (n_entries, LEGEND_MAX_ENTRIES);
  legend_layout (figure, box->width, box->height, entries, n_entries, heading, &lay);
  row = lay.row;
  inner = lay.inner;
  sw = lay.sw;
  y = box->y + inner;
  height = MIN (lay.height, box->height);

  r = (ElabRect) { box->x, box->y, box->width, height };
  if (figure->style.transparent)
    _elab_fill_rect (cr, &r, &t->legend_bg);
  else
    {
      /* Pre-blended over the background: an opaque fill is a plain
       * memory fill for Cairo, a translucent one a per-pixel blend. */
      ElabRgba bg = t->legend_bg;
      double a = bg.a;

      bg.r = bg.r * a + t->background.r * (1 - a);
      bg.g = bg.g * a + t->background.g * (1 - a);
      bg.b = bg.b * a + t->background.b * (1 - a);
      bg.a = 1.0;
      _elab_fill_rect (cr, &r, &bg);
    }
  _elab_set_source (cr, &t->legend_border);
  cairo_rectangle (cr, r.x, r.y, r.width, 1);
  cairo_rectangle (cr, r.x, r.y + r.height - 1, r.width, 1);
  cairo_rectangle (cr, r.x, r.y + 1, 1, r.height - 2);
  cairo_rectangle (cr, r.x + r.width - 1, r.y + 1, 1, r.height - 2);
  cairo_fill (cr);

  if (heading)
    {
      /* The first line centred in the heading's row, as a single line
       * is; a wrapped heading's further lines take the height the layout
       * added. */
      ElabText *h = legend_text (figure, heading, TRUE, lay.heading_wrap, 0);

      if (h != NULL)
        {
          _elab_set_source (cr, &t->muted);
          show_first_line_at (cr, h, round (box->x + inner), y + row / 2);
        }
      y += lay.heading_h;
    }

  for (guint i = 0; i < n_entries; i++)
    {
      const ElabLegendEntry *e = &entries[i];
      const LegendItem *it = &lay.items[i];
      double cy = y + row / 2;
      double lx = round (box->x + 2 * inner + sw);
      double right = box->x + box->width - inner;

      if (y + it->height > box->y + box->height)
        {
          /* Left out for want of room: counted as hidden names. */
          figure->n_legend_cut += n_entries - i;
          break;
        }

      if (e->series != ELAB_LEGEND_NO_SWATCH && !e->band && (e->fill_alpha > 0 || e->outline))
        {
          ElabRect r = { box->x + inner, round (y + 0.2 * row), sw, round (0.6 * row) };

          _elab_draw_block_swatch (figure, cr, &r, e->series,
                                   e->fill_alpha > 0 ? e->fill_alpha : 0.3, e->outline);
        }
      else if (e->series != ELAB_LEGEND_NO_SWATCH && e->band)
        {
          ElabRect r = { box->x + inner, round (y + 0.15 * row + 0.105 * row), sw,
                         round (0.49 * row) };

          _elab_fill_rect (cr, &r, e->band_color != NULL ? e->band_color : &t->band);
        }
      else if (e->series != ELAB_LEGEND_NO_SWATCH)
        draw_swatch (figure, cr, &(ElabRect) { box->x + inner, y + 0.15 * row, sw, 0.7 * row }, e->series,
                     e->swatch);

      if (e->value)
        {
          ElabText *v = _elab_text (figure, ELAB_FONT_LEGEND, e->value, FALSE, -1, FALSE);
          /* One row, or beside the label: in the row; else on the last line. */
          double vy = !lay.two_line || it->value_first ? cy : y + it->height - lay.value_row / 2;

          if (v != NULL)
            {
              _elab_set_source (cr, &t->foreground);
              cairo_move_to (cr, round (right - v->width), round (vy - v->height / 2));
              pango_cairo_show_layout (cr, v->layout);
            }
        }
      if (it->label)
        {
          ElabText *l = legend_text (figure, it->label, TRUE, it->label_wrap, it->label_cut);

          if (l != NULL)
            {
              if (_elab_text_is_cut (l))
                figure->n_legend_cut++;
              _elab_set_source (cr, &t->foreground);
              show_first_line_at (cr, l, lx, cy);
            }
          else if (lay.squeezed && it->label_w > it->label_cut)
            figure->n_legend_cut++;
        }
      if (it->detail)
        {
          ElabText *d = legend_text (figure, it->detail, TRUE, it->detail_wrap, 0);

          if (d != NULL)
            show_first_line_at (cr, d, lx, y + row + it->label_extra + lay.value_row / 2);
        }
      y += it->height;
    }

  return height;
}

/* ------------------------------------------------------ Figure chrome */

/* The height of the strip under the plots for a caption of @lines lines
 * in type @scale times the label font's. */
static double
caption_strip_height (const ElabFigure *figure,
                      guint             lines,
                      double            scale)
{
  const ElabMetrics *m = &figure->metrics;

  /* Pango's line height is about 1.2 em; 0.6 em of padding on each side. */
  return round ((1.2 * lines * scale + 1.2) * m->label_px + 0.5 * m->pad);
}

/* @text (a caption) wrapped to the room it has across @body, in type
 * @scale times the label font's: right of style.caption_left when
 * controls float over the figure's bottom left (their panel is narrower
 * than the figure; a caption squeezed under a third of its width would
 * rather go under them), else the body's width. A caption wraps rather
 * than being cut: it is the scene's sentence. @res_left gets the room's
 * left edge. The layout is at the full label size; draw it scaled. */
static ElabText *
caption_text (ElabFigure     *figure,
              const char     *text,
              double          scale,
              const ElabRect *body,
              double         *res_left)
{
  const ElabMetrics *m = &figure->metrics;
  double inner = round (0.6 * m->label_px);
  double left = body->x;
  double keep = figure->style.caption_left;

  if (keep > body->x && body->x + body->width - (keep + m->pad) >= body->width / 3)
    left = round (keep + m->pad);
  if (res_left != NULL)
    *res_left = left;
  return _elab_text (figure, ELAB_FONT_LABEL, text, FALSE,
                     MAX (1, (body->x + body->width - left - 2 * inner) / scale), TRUE);
}

/* The lines @text takes in the caption's room at @scale: measured, or for
 * a figure drawn without text those the caption itself breaks (as the
 * title's height comes from the metrics); at most 6 count. */
static guint
caption_lines (ElabFigure     *figure,
               const char     *text,
               double          scale,
               const ElabRect *body)
{
  ElabText *tx = caption_text (figure, text, scale, body, NULL);
  guint lines = 1;

  if (tx != NULL)
    lines = pango_layout_get_line_count (tx->layout);
  else
    for (const char *c = text; *c != '\0'; c++)
      lines += (*c == '\n');
  return MIN (lines, 6);
}

/* A caption's strip keeps at most this share of the figure's height while
 * its type may step down (to CAPTION_MIN_SCALE): the plots above it are
 * the lesson, and a long question with its explanation took 35 % of a
 * 1280×720 screen in presentation type. */
#define CAPTION_MAX_SHARE 0.25
#define CAPTION_MIN_SCALE 0.75

/* Sets figure->caption_scale and returns the height of the strip the
 * caption takes under @body: room for the longer of the caption and
 * style.caption_room (its reveal), both at the same type, so a question
 * and its answer have the same plots and the same type. */
static double
caption_strip (ElabFigure     *figure,
               const ElabRect *body)
{
  static const double scales[] = { 1.0, 0.9, 0.8, CAPTION_MIN_SCALE };
  const char *texts[2] = { figure->style.caption, figure->style.caption_room };
  double strip = 0;

  figure->caption_scale = 1.0;
  if (texts[0] == NULL || texts[0][0] == '\0')
    return 0;
  for (guint k = 0; k < G_N_ELEMENTS (scales); k++)
    {
      figure->caption_scale = scales[k];
      strip = 0;
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        if (texts[i] != NULL && texts[i][0] != '\0')
          strip = MAX (strip, caption_strip_height (figure, caption_lines (figure, texts[i], scales[k], body),
                                                    scales[k]));
      if (strip <= CAPTION_MAX_SHARE * figure->height)
        break;
    }
  return strip;
}

/* How far a title or subtitle's type may step down to fit the figure's
 * width before the line is cut instead. */
#define HEADING_MIN_SCALE 0.75

/* @text's layout with its top left at (@x, @y), @scale times its size. */
static void
show_scaled (cairo_t        *cr,
             const ElabText *text,
             double          x,
             double          y,
             double          scale)
{
  if (scale >= 1.0)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, text->layout);
      return;
    }
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, text->layout);
  cairo_restore (cr);
}

void
_elab_draw_frame (ElabFigure  *figure,
                  cairo_t     *cr,
                  const char  *title,
                  gboolean     title_markup,
                  const char  *subtitle,
                  ElabRect    *res_body)
{
  const ElabMetrics *m = &figure->metrics;
  const ElabTheme *t = &figure->theme;
  double y = m->pad;

  if (!figure->style.transparent && figure->clear_hole[2] > 0 && figure->clear_hole[3] > 0)
    {
      const int *h = figure->clear_hole;
      double x0 = 0, y0 = 0, x1 = figure->width, y1 = figure->height;

      /* The four bands around the hole, in whole device pixels. */
      cairo_user_to_device (cr, &x0, &y0);
      cairo_user_to_device (cr, &x1, &y1);
      cairo_save (cr);
      cairo_identity_matrix (cr);
      x0 = floor (x0), y0 = floor (y0), x1 = ceil (x1), y1 = ceil (y1);
      cairo_rectangle (cr, x0, y0, x1 - x0, MAX (h[1] - y0, 0));
      cairo_rectangle (cr, x0, h[1] + h[3], x1 - x0, MAX (y1 - h[1] - h[3], 0));
      cairo_rectangle (cr, x0, h[1], MAX (h[0] - x0, 0), h[3]);
      cairo_rectangle (cr, h[0] + h[2], h[1], MAX (x1 - h[0] - h[2], 0), h[3]);
      _elab_set_source (cr, &t->background);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  else if (!figure->style.transparent)
    {
      ElabRect all = { 0, 0, figure->width, figure->height };

      _elab_fill_rect (cr, &all, &t->background);
    }
  figure->clear_hole[2] = figure->clear_hole[3] = 0;
  figure->heading_cut = FALSE;

  /* The heights are fixed by the metrics, not measured, so a figure
   * drawn without text has exactly the same plot areas. */
  if (title)
    {
      double room = MAX (1, figure->width - 2 * m->pad);
      ElabText *tt = _elab_text (figure, ELAB_FONT_TITLE, title, title_markup, -1, FALSE);

      /* Too long for the figure: the type steps down to fit, and only
       * below HEADING_MIN_SCALE is the line cut (ends in "…"). */
      if (tt != NULL && tt->width > room && tt->width * HEADING_MIN_SCALE > room)
        tt = _elab_text (figure, ELAB_FONT_TITLE, title, title_markup, room / HEADING_MIN_SCALE, FALSE);
      if (tt != NULL)
        {
          double scale = MIN (1.0, room / MAX (tt->width, 1));

          _elab_set_source (cr, &t->foreground);
          show_scaled (cr, tt, round (m->pad), round (y), scale);
          figure->heading_cut |= _elab_text_is_cut (tt);
        }
      y += round (1.45 * m->title_px);
    }
  if (subtitle)
    {
      const char *tab = strchr (subtitle, '\t');
      double room = MAX (1, figure->width - 2 * m->pad);

      /* A subtitle with a formula (after a tab) longer than the figure is
       * wide steps its type down like the title; only one too long even
       * so ends in "…" at its edge (cut before any sub/superscript run,
       * see _elab_text). One that fits is drawn exactly as without a
       * limit. */
      if (tab && (gsize) (tab - subtitle) < 256)
        {
          char head[256];
          ElabText *a, *b;
          double gap = 0.9 * m->label_px, scale = 1.0;

          /* A tab splits the line into a part that changes with the
           * sliders and a constant formula, so a drag reshapes only the
           * first. Both parts are kept whole: a line too long for the
           * figure steps its type down (the formula is the lesson's point
           * and must not lose its end); only below HEADING_MIN_SCALE is
           * the formula cut to the room the first part leaves. */
          memcpy (head, subtitle, tab - subtitle);
          head[tab - subtitle] = '\0';
          a = _elab_text (figure, ELAB_FONT_LABEL, head, TRUE, room / HEADING_MIN_SCALE, FALSE);
          b = _elab_text (figure, ELAB_FONT_LABEL, tab + 1, TRUE, -1, FALSE);
          if (a && b && a->width + gap + b->width > room)
            {
              scale = MAX (HEADING_MIN_SCALE, room / (a->width + gap + b->width));
              if (scale * (a->width + gap + b->width) > room + 0.5)
                b = _elab_text (figure, ELAB_FONT_LABEL, tab + 1, TRUE,
                                MAX (1, room / scale - a->width - gap), FALSE);
            }
          if (a && b)
            {
              /* Share a baseline: super- and subscripts make the second
               * part's box taller. */
              double base_a = (double) pango_layout_get_baseline (a->layout) / PANGO_SCALE;
              double base_b = (double) pango_layout_get_baseline (b->layout) / PANGO_SCALE;

              _elab_set_source (cr, &t->muted);
              show_scaled (cr, a, round (m->pad), round (y), scale);
              figure->heading_cut |= _elab_text_is_cut (a) || _elab_text_is_cut (b);
              /* A formula cut to a few letters says nothing: leave it out. */
              if (!_elab_text_is_cut (b) || b->width >= 4 * m->label_px)
                show_scaled (cr, b, round (m->pad + scale * (a->width + gap)),
                             round (y + scale * (base_a - base_b)), scale);
            }
        }
      else
        {
          /* A description (a data set's name and the run's settings):
           * cut at the figure's edge rather than shrunk. */
          ElabText *st = _elab_text (figure, ELAB_FONT_LABEL, subtitle, TRUE, room, FALSE);

          if (st != NULL)
            {
              _elab_set_source (cr, &t->muted);
              show_scaled (cr, st, round (m->pad), round (y), 1.0);
            }
        }
      y += round (1.4 * m->label_px);
    }
  y += round (0.5 * m->pad);

  res_body->x = m->pad;
  res_body->y = round (y);
  res_body->width = MAX (1, figure->width - 2 * m->pad);
  res_body->height = MAX (1, figure->height - m->pad - res_body->y);

  /* A scene's caption gets its own strip under the plots instead of
   * covering an axis. */
  res_body->height = MAX (1, res_body->height - caption_strip (figure, res_body));
}

void
_elab_draw_caption (ElabFigure     *figure,
                    cairo_t        *cr,
                    const ElabRect *body)
{
  const ElabMetrics *m = &figure->metrics;
  const ElabTheme *t = &figure->theme;
  double inner = round (0.6 * m->label_px);
  double left, scale;
  ElabText *tx;
  ElabRect r;

  if (figure->style.caption == NULL || figure->style.caption[0] == '\0')
    return;
  scale = figure->caption_scale;
  tx = caption_text (figure, figure->style.caption, scale, body, &left);
  if (tx == NULL)
    return;

  r.width = round (scale * tx->width + 2 * inner);
  r.height = round (scale * tx->height + 2 * inner);
  /* Centred under the body, but never under controls floating over its
   * bottom left: a scene's text must stay readable while they show. */
  r.x = MAX (round (body->x + (body->width - r.width) / 2), left);
  /* In the strip _elab_draw_frame left under the body. */
  r.y = round (body->y + body->height + 0.5 * m->pad);
  _elab_fill_rect (cr, &r, &t->legend_bg);
  _elab_set_source (cr, &t->legend_border);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, r.x + 0.5, r.y + 0.5, r.width - 1, r.height - 1);
  cairo_stroke (cr);
  _elab_set_source (cr, &t->foreground);
  show_scaled (cr, tx, r.x + inner, r.y + inner, scale);
  figure->caption_box = r;
}

void
_elab_draw_placeholder (ElabFigure     *figure,
                        cairo_t        *cr,
                        const ElabRect *body,
                        const char     *message)
{
  const ElabTheme *t = &figure->theme;
  ElabRect r = { body->x, body->y, body->width, body->height };
  double inset = round (figure->metrics.pad);

  /* A dashed outline marks the empty area even without text. */
  _elab_set_source (cr, &t->axis);
  cairo_set_line_width (cr, figure->metrics.grid_w * 2);
  _elab_set_dash (cr, 1, figure->metrics.grid_w * 2);
  /* Butt caps and mitre joins: Cairo's fast rectilinear stroker. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_rectangle (cr, r.x + inset, r.y + inset, r.width - 2 * inset, r.height - 2 * inset);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  _elab_draw_text (figure, cr,
                   &(ElabTextStyle) { .font = ELAB_FONT_BIG, .ax = 0.5, .ay = 0.5, .color = &t->muted },
                   message, r.x + r.width / 2, r.y + r.height / 2);
}
