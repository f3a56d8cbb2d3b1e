/* elab-figure-softmax.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The softmax page's figure: the K probabilities as bars beside the
 * target's, the entropy against its log K maximum as a gauge, and the
 * cross-entropy and KL to the target as numbers.
 */

#include <string.h>

#include "elab-figure-private.h"

enum { S_PROB, S_TARGET };

#define N_READOUTS 5

/* A probability over its bar: as the read-outs print it, or in the short
 * form (@mode 1) a tiny one as "<0.001". */
static void
format_prob (double  p,
             int     mode,
             char   *buf,
             gsize   len)
{
  if (mode == 1 && p < 0.0005)
    g_strlcpy (buf, "<0.001", len);
  else
    _elab_format_value (p, NULL, buf, len);
}

/* A read-out: a label, and the value below it in large type. */
typedef struct
{
  const char *label;    /* Pango markup */
  char        value[64];
  double      width;    /* the wider of label and value, measured or estimated */
} Readout;

static double
readout_height (const ElabMetrics *m)
{
  return round (1.25 * m->label_px + 1.55 * m->big_px);
}

static void
readout_measure (ElabFigure *figure,
                 Readout    *r)
{
  ElabText *l = _elab_text (figure, ELAB_FONT_LABEL, r->label, TRUE, -1, FALSE);
  ElabText *v = _elab_text (figure, ELAB_FONT_BIG, r->value, FALSE, -1, FALSE);
  /* The value's room is that of the widest a value prints ("−0.000
   * bits"), so the layout does not move while a slider drags. */
  ElabText *w = _elab_text (figure, ELAB_FONT_BIG, "\xe2\x88\x92" "0.000 nats", FALSE, -1, FALSE);
  double lw = l ? l->width : _elab_text_estimate_width (figure, ELAB_FONT_LABEL, r->label, TRUE);
  double vw = v ? v->width : _elab_text_estimate_width (figure, ELAB_FONT_BIG, r->value, FALSE);
  double ww = w ? w->width : 11 * 0.52 * figure->metrics.big_px;

  r->width = MAX (lw, MAX (vw, ww));
}

/* Draws read-out @r with its top left at (x, y) and records its box for
 * the layout tests. */
static void
readout_draw (ElabFigure    *figure,
              cairo_t       *cr,
              const Readout *r,
              double         x,
              double         y)
{
  const ElabMetrics *m = &figure->metrics;
  const ElabTheme *t = &figure->theme;
  double lw, vw;

  lw = _elab_draw_text (figure, cr,
                        &(ElabTextStyle) { .font = ELAB_FONT_LABEL, .markup = TRUE, .color = &t->muted },
                        r->label, x, y);
  vw = _elab_draw_text (figure, cr,
                        &(ElabTextStyle) { .font = ELAB_FONT_BIG, .color = &t->foreground },
                        r->value, x, y + 1.25 * m->label_px);
  if (figure->n_readouts < G_N_ELEMENTS (figure->readouts))
    figure->readouts[figure->n_readouts++] = (ElabRect) { x, y, MAX (lw, vw), readout_height (m) };
}

/* Bars of each class's −tᵢ·log Pᵢ (solid) and tᵢ·log(tᵢ/Pᵢ) (light,
 * dashed edge), from the logits so a term stays finite where Pᵢ
 * underflows. A term far above the others is drawn to the top edge with
 * its value written on it, so the rest keep a readable scale. */
static void
draw_terms (ElabFigure      *figure,
            cairo_t         *cr,
            const ElabState *state,
            gsize            k,
            double           temperature,
            const double    *target,
            const ElabRect  *outer)
{
  const ElabMetrics *m = &figure->metrics;
  const ElabTheme *t = &figure->theme;
  double factor = elab_unit_factor (state->unit);
  double ce[ELAB_SOFTMAX_MAX_K], kl[ELAB_SOFTMAX_MAX_K];
  double lo = 0, hi = 0, second = 0, top, slot, bw;
  char ylab[64], val[48];
  ElabRect area, r;
  ElabPanel panel;

  elab_softmax_terms (target, state->logits, k, temperature, ce, kl);
  for (gsize i = 0; i < k; i++)
    {
      ce[i] *= factor;
      kl[i] *= factor;
      lo = MIN (lo, kl[i]);
      if (ce[i] > hi)
        {
          second = hi;
          hi = ce[i];
        }
      else
        second = MAX (second, ce[i]);
    }
  /* One term dwarfing the rest (a class the model all but rules out):
   * the axis follows the others. */
  top = hi > 5 * MAX (second, 0.5 * factor * G_LN2) ? MAX (2 * second, factor * G_LN2) : hi;
  if (!isfinite (top) || top <= 0)
    top = factor * G_LN2;
  top = _elab_axis_nice_max (lo, top * 1.08, 5);
  _elab_panel_inset (figure, outer, FALSE, TRUE, &area);
  _elab_panel_init (figure, &panel, ELAB_PANEL_NONE, &area,
                    &(ElabBounds) { 0.5, k + 0.5, lo < 0 ? _elab_axis_nice_max (0, -lo * 1.08, 3) * -1 : 0, top });
  panel.x.n_ticks = 0;
  g_snprintf (ylab, sizeof ylab, "terms (%s)", elab_unit_to_string (state->unit));
  _elab_draw_axes (figure, cr, &panel, NULL, ylab);

  slot = (panel.x.px1 - panel.x.px0) / k;
  bw = round (MIN (0.36 * slot, 6 * m->base_px));
  for (gsize i = 0; i < k; i++)
    {
      double cx = _elab_axis_to_px (&panel.x, i + 1.0);
      double y0 = _elab_axis_to_px (&panel.y, 0);
      double vals[2] = { ce[i], kl[i] };

      for (int j = 0; j < 2; j++)
        {
          double v = vals[j], yv;
          gboolean off = !(v <= panel.y.max);

          yv = _elab_axis_to_px (&panel.y, off ? panel.y.max : v);
          r = (ElabRect) { round (j == 0 ? cx - bw - 0.04 * slot : cx + 0.04 * slot), round (MIN (yv, y0)),
                           bw, fabs (round (y0) - round (yv)) };
          if (r.height >= 1)
            {
              if (j == 0)
                _elab_fill_rect (cr, &r, _elab_theme_series (t, 4));
              else
                _elab_draw_block_swatch (figure, cr, &r, 4, 0.25, TRUE);
            }
          if (figure->style.draw_text && target[i] > 0 && !off)
            {
              _elab_format_value (v, NULL, val, sizeof val);
              _elab_draw_text (figure, cr,
                               &(ElabTextStyle) { .font = ELAB_FONT_TICK, .ax = 0.5, .ay = 1.0, .color = &t->foreground },
                               val, r.x + bw / 2, (v < 0 ? y0 : yv) - 0.25 * m->tick_px);
            }
          else if (figure->style.draw_text && off)
            {
              /* Off the scale: its value on a box at the top, an arrow up. */
              ElabText *tx;
              char lab[64];

              _elab_format_value (v, NULL, val, sizeof val);
              g_snprintf (lab, sizeof lab, "\xe2\x86\x91 %s", val);
              tx = _elab_text (figure, ELAB_FONT_TICK, lab, FALSE, -1, FALSE);
              if (tx != NULL)
                {
                  ElabRect box = { round (r.x + bw / 2 - tx->width / 2 - 0.3 * m->tick_px),
                                   round (r.y + 0.3 * m->tick_px),
                                   round (tx->width + 0.6 * m->tick_px), round (tx->height) };

                  _elab_fill_rect (cr, &box, &t->legend_bg);
                  _elab_set_source (cr, &t->foreground);
                  cairo_move_to (cr, box.x + 0.3 * m->tick_px, box.y);
                  pango_cairo_show_layout (cr, tx->layout);
                }
            }
        }
    }
  if (figure->style.draw_text)
    _elab_draw_text (figure, cr,
                     &(ElabTextStyle) { .font = ELAB_FONT_TICK, .markup = TRUE, .ax = 0.5, .color = &t->muted },
                     "each class: \xe2\x88\x92t<sub>i</sub>\xc2\xb7log P<sub>i</sub> (solid), "
                     "t<sub>i</sub>\xc2\xb7log(t<sub>i</sub>/P<sub>i</sub>) (light)",
                     area.x + area.width / 2, area.y + area.height + 0.4 * m->tick_px);
}

void
_elab_figure_draw_softmax (ElabFigure      *figure,
                           cairo_t         *cr,
                           const ElabState *state)
{
  const ElabMetrics *m = &figure->metrics;
  const ElabTheme *t = &figure->theme;
  gboolean sub = state->notation == ELAB_NOTATION_SUBSCRIPT;
  ElabUnit unit = state->unit;
  const char *ul = elab_unit_to_string (unit);
  double factor = elab_unit_factor (unit);
  gsize k = CLAMP (state->k, 1, ELAB_SOFTMAX_MAX_K);
  double temperature = state->temperature > 0 && isfinite (state->temperature) ? state->temperature : 1.0;
  double probs[ELAB_SOFTMAX_MAX_K], target[ELAB_SOFTMAX_MAX_K];
  double h, h_max, ce, h_target, kl, tsum = 0;
  char subtitle[256], buf[64], val[64], lab[96];
  ElabRect body, outer, area, col, r;
  ElabPanel panel;
  ElabLegendEntry entries[2];
  Readout readouts[N_READOUTS] = { { 0 } };
  guint n_readouts = N_READOUTS;
  double side_w, slot, bw, y, col_bottom;
  guint n_strip_cols;
  gboolean class_words = TRUE;
  enum { P_FULL, P_SHORT, P_NONE } p_words = P_FULL;
  enum { Z_FULL, Z_VALUE, Z_NONE } z_words = Z_FULL;
  ElabText *z_text[ELAB_SOFTMAX_MAX_K] = { NULL };
  gsize pos;
  ElabRect terms_outer = { 0 };

  elab_softmax (state->logits, k, temperature, probs);
  for (gsize i = 0; i < k; i++)
    {
      target[i] = isfinite (state->target[i]) && state->target[i] > 0 ? state->target[i] : 0;
      tsum += target[i];
    }
  for (gsize i = 0; i < k; i++)
    target[i] = tsum > 0 ? target[i] / tsum : 1.0 / k;

  h = elab_softmax_entropy_in_unit (state->logits, k, temperature, unit);
  h_max = elab_softmax_max_entropy (k, unit);
  ce = elab_softmax_cross_entropy (target, state->logits, k, temperature) * factor;
  kl = elab_softmax_kl (target, state->logits, k, temperature) * factor;
  h_target = elab_entropy (target, k) * factor;

  pos = g_strlcpy (subtitle, "logits z = (", sizeof subtitle);
  for (gsize i = 0; i < k && pos < sizeof subtitle; i++)
    {
      elab_number_format (state->logits[i], ELAB_NUMBER_PARAMETER, buf, sizeof buf);
      pos += g_snprintf (subtitle + pos, sizeof subtitle - pos, i + 1 < k ? "%s, " : "%s", buf);
    }
  if (pos < sizeof subtitle)
    {
      elab_number_format (temperature, ELAB_NUMBER_PARAMETER, buf, sizeof buf);
      g_snprintf (subtitle + pos, sizeof subtitle - pos,
                  "),   temperature T = %s,\tP<sub>i</sub> = e<sup>z<sub>i</sub>/T</sup> / \xce\xa3<sub>j</sub> e<sup>z<sub>j</sub>/T</sup>",
                  buf);
    }
  _elab_draw_frame (figure, cr, "Softmax probabilities against a target", FALSE, subtitle, &body);

  side_w = round (MIN (17 * m->legend_px, 0.4 * body.width));
  entries[0] = (ElabLegendEntry) { "softmax P", NULL, S_PROB, FALSE, 1.0, FALSE };
  entries[1] = (ElabLegendEntry) { "target t", NULL, S_TARGET, FALSE, 0.22, TRUE };

  readouts[0].label = "entropy H(P)";
  _elab_format_value (h, ul, readouts[0].value, sizeof readouts[0].value);
  readouts[1].label = "maximum log K";
  _elab_format_value (h_max, ul, readouts[1].value, sizeof readouts[1].value);
  readouts[2].label = sub ? "cross-entropy H<sub>P</sub>(t)" : "cross-entropy H(t, P)";
  /* log 0 made visible: a target mass on a class of probability 0. */
  if (isinf (ce))
    readouts[2].label = sub ? "H<sub>P</sub>(t): support mismatch" : "H(t, P): support mismatch";
  _elab_format_value (ce, ul, readouts[2].value, sizeof readouts[2].value);
  /* H(t) between the two, so KL = H(t, P) − H(t) reads down the column
   * (a smoothed target's H(t) is not 0, and KL is then not H(t, P)). */
  readouts[3].label = "target entropy H(t)";
  _elab_format_value (h_target, ul, readouts[3].value, sizeof readouts[3].value);
  readouts[4].label = "KL(t\xe2\x80\x96P)";
  _elab_format_value (kl, ul, readouts[4].value, sizeof readouts[4].value);

  /* The column holds legend, gauge and the five read-outs while they fit
   * under the plot's top. With large type they do not: the read-outs
   * move to a strip under bars and column, in one row if they fit across,
   * else three, two or one a row, and the bars give up that height. The
   * strip leaves log K to the gauge beside it, so that four read-outs
   * take no more rows than before the target's entropy joined them. */
  {
    double top = body.y + round (0.6 * m->tick_px);
    double column_h = _elab_legend_height (figure, side_w, entries, 2, NULL) + 1.2 * m->pad
                      + round (1.6 * m->label_px) + round (1.3 * m->base_px) + 0.4 * m->tick_px
                      + 1.6 * m->tick_px + 0.8 * m->pad;

    col_bottom = body.y + body.height;
    n_strip_cols = 0;
    if (top + column_h + N_READOUTS * readout_height (m) > col_bottom)
      {
        static const guint choices[] = { 4, 2, 1 };

        memmove (&readouts[1], &readouts[2], (N_READOUTS - 2) * sizeof readouts[0]);
        n_readouts = N_READOUTS - 1;
        for (guint i = 0; i < n_readouts; i++)
          readout_measure (figure, &readouts[i]);
        for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
          {
            double widths[N_READOUTS] = { 0 }, sum = 0;

            n_strip_cols = choices[c];
            for (guint i = 0; i < n_readouts; i++)
              widths[i % n_strip_cols] = MAX (widths[i % n_strip_cols], readouts[i].width);
            for (guint j = 0; j < n_strip_cols; j++)
              sum += widths[j];
            if (sum + (n_strip_cols - 1) * 1.5 * m->pad <= body.width)
              break;
          }
        col_bottom -= ((n_readouts + n_strip_cols - 1) / n_strip_cols) * readout_height (m) + m->pad;
      }
  }
  outer = (ElabRect) { body.x, body.y, body.width - side_w - 1.5 * m->pad, col_bottom - body.y };
  /* Each class's terms of H(t, P) and KL(t‖P) in a panel under the
   * probabilities. */
  if (state->softmax_terms)
    {
      double th = round (0.42 * outer.height);

      terms_outer = (ElabRect) { outer.x, outer.y + outer.height - th, outer.width, th };
      outer.height -= th + m->pad;
    }
  _elab_panel_inset (figure, &outer, TRUE, TRUE, &area);
  _elab_panel_init (figure, &panel, ELAB_PANEL_NONE, &area, &(ElabBounds) { 0.5, k + 0.5, 0, 1.1 });
  /* Classes are categories: no vertical grid, labels under the bars. */
  panel.x.n_ticks = 0;
  _elab_draw_axes (figure, cr, &panel, NULL, "probability");

  slot = (panel.x.px1 - panel.x.px0) / k;
  bw = round (MIN (0.36 * slot, 6 * m->base_px));

  /* Class and logit labels under the bars, shortened when the widest
   * would run into its neighbour (large type, many classes): "class 3"
   * becomes "3", "z = −0.693" becomes "−0.693" or goes (the subtitle
   * lists the logits). */
  if (figure->style.draw_text)
    {
      double widest = 0;
      ElabText *tx;

      g_snprintf (lab, sizeof lab, "class %" G_GSIZE_FORMAT, k);
      tx = _elab_text (figure, ELAB_FONT_TICK, lab, FALSE, -1, FALSE);
      class_words = tx == NULL || tx->width <= 0.96 * slot;
      /* The layouts measured here are the ones drawn below. */
      for (gsize i = 0; i < k; i++)
        {
          elab_number_format (state->logits[i], ELAB_NUMBER_PARAMETER, buf, sizeof buf);
          g_snprintf (lab, sizeof lab, "z = %s", buf);
          z_text[i] = _elab_text (figure, ELAB_FONT_TICK, lab, FALSE, -1, FALSE);
          widest = MAX (widest, z_text[i] ? z_text[i]->width : 0);
        }
      if (widest > 0.96 * slot)
        {
          widest = 0;
          z_words = Z_VALUE;
          for (gsize i = 0; i < k; i++)
            {
              elab_number_format (state->logits[i], ELAB_NUMBER_PARAMETER, buf, sizeof buf);
              z_text[i] = _elab_text (figure, ELAB_FONT_TICK, buf, FALSE, -1, FALSE);
              widest = MAX (widest, z_text[i] ? z_text[i]->width : 0);
            }
          if (widest > 0.96 * slot)
            z_words = Z_NONE;
        }

      /* The probabilities over the bars: a tiny one at a low temperature
       * prints as 3.7×10⁻⁴⁴, wider than a slot of eight. Then tiny ones
       * read "<0.001", and if even that runs into a neighbour the bars'
       * heights speak alone. */
      widest = 0;
      for (gsize i = 0; i < k; i++)
        {
          format_prob (probs[i], P_FULL, val, sizeof val);
          tx = _elab_text (figure, ELAB_FONT_TICK, val, FALSE, -1, FALSE);
          widest = MAX (widest, tx ? tx->width : 0);
        }
      if (widest > 0.96 * slot)
        {
          widest = 0;
          p_words = P_SHORT;
          for (gsize i = 0; i < k; i++)
            {
              format_prob (probs[i], P_SHORT, val, sizeof val);
              tx = _elab_text (figure, ELAB_FONT_TICK, val, FALSE, -1, FALSE);
              widest = MAX (widest, tx ? tx->width : 0);
            }
          if (widest > 0.96 * slot)
            p_words = P_NONE;
        }
    }
  for (gsize i = 0; i < k; i++)
    {
      double cx = _elab_axis_to_px (&panel.x, i + 1.0);
      double y0 = _elab_axis_to_px (&panel.y, 0);
      double yp = _elab_axis_to_px (&panel.y, probs[i]);
      double yt = _elab_axis_to_px (&panel.y, target[i]);

      /* The model's bar, solid. */
      r = (ElabRect) { round (cx - bw - 0.04 * slot), round (yp), bw, round (y0) - round (yp) };
      _elab_fill_rect (cr, &r, _elab_theme_series (t, S_PROB));

      /* The target's bar beside it: light fill, dashed outline, so it
       * differs without colour too. */
      r = (ElabRect) { round (cx + 0.04 * slot), round (yt), bw, round (y0) - round (yt) };
      if (r.height >= 1)
        _elab_draw_block_swatch (figure, cr, &r, S_TARGET, 0.22, TRUE);

      if (figure->style.draw_text)
        {
          if (p_words != P_NONE)
            {
              format_prob (probs[i], p_words, val, sizeof val);
              _elab_draw_text (figure, cr,
                               &(ElabTextStyle) { .font = ELAB_FONT_TICK, .ax = 0.5, .ay = 1.0, .color = &t->foreground },
                               val, cx - bw / 2 - 0.04 * slot, yp - 0.25 * m->tick_px);
            }
          if (class_words)
            g_snprintf (lab, sizeof lab, "class %" G_GSIZE_FORMAT, i + 1);
          else
            g_snprintf (lab, sizeof lab, "%" G_GSIZE_FORMAT, i + 1);
          _elab_draw_text (figure, cr,
                           &(ElabTextStyle) { .font = ELAB_FONT_TICK, .ax = 0.5, .color = &t->foreground },
                           lab, cx, area.y + area.height + 0.55 * m->tick_px);
          if (z_words != Z_NONE && z_text[i] != NULL)
            {
              _elab_set_source (cr, &t->muted);
              cairo_move_to (cr, round (cx - 0.5 * z_text[i]->width),
                             round (area.y + area.height + 1.75 * m->tick_px));
              pango_cairo_show_layout (cr, z_text[i]->layout);
            }
        }
    }

  if (state->softmax_terms)
    draw_terms (figure, cr, state, k, temperature, target, &terms_outer);

  /* Right column: legend, entropy gauge, numbers. */
  col = (ElabRect) { body.x + body.width - side_w, area.y, side_w, col_bottom - area.y };
  y = col.y + _elab_draw_legend (figure, cr, &col, entries, 2, NULL) + 1.2 * m->pad;

  _elab_draw_text (figure, cr,
                   &(ElabTextStyle) { .font = ELAB_FONT_LEGEND, .color = &t->foreground },
                   "entropy H(P), at most log K", col.x, y);
  y += round (1.6 * m->label_px);

  {
    double gh = round (1.3 * m->base_px);
    double frac = h_max > 0 ? CLAMP (h / h_max, 0, 1) : 0;
    ElabRect track = { col.x, round (y), col.width, gh };
    ElabRect fill = { col.x, round (y), round (col.width * frac), gh };

    _elab_fill_rect (cr, &track, &t->grid);
    _elab_fill_rect (cr, &fill, _elab_theme_series (t, S_PROB));
    _elab_set_source (cr, &t->axis);
    _elab_vline (cr, col.x + col.width - m->axis_w, y - 0.2 * gh, y + 1.2 * gh, m->axis_w * 2);
    cairo_fill (cr);
    y += gh + 0.4 * m->tick_px;
    _elab_draw_text (figure, cr,
                     &(ElabTextStyle) { .font = ELAB_FONT_TICK, .color = &t->muted },
                     "0", col.x, y);
    _elab_format_value (h_max, ul, val, sizeof val);
    g_snprintf (lab, sizeof lab, "log K = %s", val);
    _elab_draw_text (figure, cr,
                     &(ElabTextStyle) { .font = ELAB_FONT_TICK, .ax = 1.0, .color = &t->muted },
                     lab, col.x + col.width, y);
    y += 1.6 * m->tick_px + 0.8 * m->pad;
  }

  if (n_strip_cols == 0)
    {
      /* In the column, one under the other. */
      for (guint i = 0; i < n_readouts; i++)
        {
          readout_draw (figure, cr, &readouts[i], col.x, y);
          y += readout_height (m);
        }
    }
  else
    {
      /* In the strip under bars and column, in rows of n_strip_cols:
       * columns as wide as their widest read-out, spread over the width. */
      double widths[N_READOUTS] = { 0 }, sum = 0, gap, x = body.x, sy = col_bottom + m->pad;
      guint cols = n_strip_cols;

      for (guint i = 0; i < n_readouts; i++)
        widths[i % cols] = MAX (widths[i % cols], readouts[i].width);
      for (guint j = 0; j < cols; j++)
        sum += widths[j];
      gap = cols > 1 ? MIN ((body.width - sum) / (cols - 1), 4 * m->pad) : 0;
      for (guint i = 0; i < n_readouts; i++)
        {
          guint j = i % cols;

          if (j == 0)
            x = body.x;
          readout_draw (figure, cr, &readouts[i], round (x), sy + (i / cols) * readout_height (m));
          x += widths[j] + gap;
        }
    }

  _elab_draw_caption (figure, cr, &body);
}
