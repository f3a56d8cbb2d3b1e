/* elab-figure-cross-entropy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cross-entropy page's figure: H(p), H(q), H(p, q) and H(q, p) over x
 * with the gap KL(p‖q) = H(p, q) − H(p) shaded (or KL(q‖p) = H(q, p) −
 * H(q), or both, as state->kl_gap says), their means, and a read-out of
 * every curve at the hovered x.
 */

#include "elab-figure-private.h"

/* Series indices (colour, dash, marker): the pair that matters most,
 * H(p) and H(p, q), get solid and dashed. */
enum { S_HP = 0, S_HPQ = 1, S_HQ = 2, S_HQP = 3, S_KL = 4, S_KL_QP = 5, N_S = 6 };

static double
finite_max (const double *v,
            guint         n,
            double        floor_value)
{
  double res = floor_value;

  for (guint i = 0; i < n; i++)
    if (isfinite (v[i]) && v[i] > res)
      res = v[i];
  return res;
}

/* "true p(x) = σ(2x)", or for a model that ignores x (θ = 0) the
 * probability it is: "model q = 0.1", not "σ(−2.197)". */
static void
format_model (const char      *name,
              const ElabLogistic *model,
              char            *buf,
              gsize            len)
{
  char f[96];

  if (model->theta == 0 && isfinite (model->bias))
    {
      elab_number_format (elab_logistic_prob (model, 0.0), ELAB_NUMBER_PARAMETER, f, sizeof f);
      g_snprintf (buf, len, "%s = %s", name, f);
      return;
    }
  _elab_format_affine (model->theta, model->bias, f, sizeof f);
  /* The figure says which output each model uses. */
  if (model->output == ELAB_OUTPUT_TANH)
    g_snprintf (buf, len, "%s(x) = (tanh(%s) + 1)/2", name, f);
  else
    g_snprintf (buf, len, "%s(x) = \xcf\x83(%s)", name, f);
}

/* Whether @a and @b are within @tol of each other wherever either is
 * finite (and infinite at the same places). */
static gboolean
curves_coincide (const double *a,
                 const double *b,
                 guint         n,
                 double        tol)
{
  for (guint i = 0; i < n; i++)
    {
      if (isfinite (a[i]) != isfinite (b[i]))
        return FALSE;
      if (isfinite (a[i]) && fabs (a[i] - b[i]) > tol)
        return FALSE;
    }
  return n > 0;
}

/* The worked formula at @fx: where p and q come from, the cross-entropy
 * that matters with its numbers substituted, then the entropy and the
 * gap, the pair of each as state->kl_gap shades it (H(q, p) and H(q) for
 * qp; both cross-entropies and both gaps for both). Fills @lines with
 * markup owned by @strings; returns how many. */
static guint
formula_lines (ElabFigure      *figure,
               const ElabState *state,
               const char     **names,
               double           fx,
               GPtrArray       *strings,
               ElabFormulaLine *lines)
{
  const ElabTheme *t = &figure->theme;
  ElabUnit unit = state->unit;
  const char *ul = elab_unit_to_string (unit);
  double zp = elab_logistic_logit (&state->p, fx), zq = elab_logistic_logit (&state->q, fx);
  gboolean qp = state->kl_gap == ELAB_KL_GAP_QP;
  gboolean both = state->kl_gap == ELAB_KL_GAP_BOTH;
  gboolean gap = state->kl_gap != ELAB_KL_GAP_NONE;
  char c_pq[16], c_qp[16], c_p[16], c_q[16], v1[48], v2[48];
  g_autofree char *lp = NULL, *lq = NULL;
  ElabPairPoint pt;
  guint n = 0;
  char *line;

#define SPAN(color, text) "<span foreground=\"" color "\">" text "</span>"
  elab_pair_point (&state->p, &state->q, fx, unit, &pt);
  _elab_formula_color (_elab_theme_series (t, 1), c_pq, sizeof c_pq);
  _elab_formula_color (_elab_theme_series (t, 3), c_qp, sizeof c_qp);
  _elab_formula_color (_elab_theme_series (t, 0), c_p, sizeof c_p);
  _elab_formula_color (_elab_theme_series (t, 2), c_q, sizeof c_q);

  lp = _elab_formula_prob ("p", &state->p, fx);
  lq = _elab_formula_prob ("q", &state->q, fx);
  elab_number_format (fx, ELAB_NUMBER_PARAMETER, v1, sizeof v1);
  line = g_strdup_printf ("at x = %s:", v1);
  g_ptr_array_add (strings, line);
  lines[n++] = (ElabFormulaLine) { line, ELAB_FONT_LABEL, &t->muted, FALSE, TRUE };
  lines[n++] = (ElabFormulaLine) { lp, ELAB_FONT_LABEL, &t->muted, TRUE, TRUE };
  lines[n++] = (ElabFormulaLine) { lq, ELAB_FONT_LABEL, &t->muted, TRUE, TRUE };
  g_ptr_array_add (strings, g_steal_pointer (&lp));
  g_ptr_array_add (strings, g_steal_pointer (&lq));

  if (!qp)
    {
      g_autofree char *lhs = g_strdup_printf (SPAN ("%s", "%s"), c_pq, names[1]);

      line = _elab_formula_binary (lhs, zp, zq, unit, pt.h_pq);
      g_ptr_array_add (strings, line);
      lines[n++] = (ElabFormulaLine) { line, ELAB_FONT_BIG, NULL };
    }
  if (qp || both)
    {
      g_autofree char *lhs = g_strdup_printf (SPAN ("%s", "%s"), c_qp, names[3]);

      line = _elab_formula_binary (lhs, zq, zp, unit, pt.h_qp);
      g_ptr_array_add (strings, line);
      lines[n++] = (ElabFormulaLine) { line, ELAB_FONT_BIG, NULL };
    }

  if (both)
    {
      _elab_format_value (pt.kl_pq, ul, v1, sizeof v1);
      _elab_format_value (pt.kl_qp, ul, v2, sizeof v2);
      line = g_strdup_printf ("KL(p\xe2\x80\x96q) = %s \xe2\x88\x92 H(p) = %s", names[1], v1);
      g_ptr_array_add (strings, line);
      lines[n++] = (ElabFormulaLine) { line, ELAB_FONT_LABEL, NULL };
      line = g_strdup_printf ("KL(q\xe2\x80\x96p) = %s \xe2\x88\x92 H(q) = %s", names[3], v2);
      g_ptr_array_add (strings, line);
      lines[n++] = (ElabFormulaLine) { line, ELAB_FONT_LABEL, NULL, TRUE };
    }
  else
    {
      g_autofree char *lhs = g_strdup_printf (SPAN ("%s", "%s"), qp ? c_q : c_p, qp ? "H(q)" : "H(p)");

      line = _elab_formula_binary (lhs, qp ? zq : zp, qp ? zq : zp, unit, qp ? pt.h_q : pt.h_p);
      g_ptr_array_add (strings, line);
      lines[n++] = (ElabFormulaLine) { line, ELAB_FONT_LABEL, NULL };
      if (gap)
        {
          _elab_format_value (qp ? pt.kl_qp : pt.kl_pq, ul, v1, sizeof v1);
          line = g_strdup_printf ("%s = %s \xe2\x88\x92 %s = %s",
                                  qp ? "KL(q\xe2\x80\x96p)" : "KL(p\xe2\x80\x96q)",
                                  names[qp ? 3 : 1], qp ? "H(q)" : "H(p)", v1);
          g_ptr_array_add (strings, line);
          lines[n++] = (ElabFormulaLine) { line, ELAB_FONT_LABEL, NULL, TRUE };
        }
    }
#undef SPAN
  return n;
}

/* Saves @cr and clips it to the plot area, a line's width taller so a
 * curve along the top or bottom edge keeps its whole stroke. */
static void
clip_to (cairo_t        *cr,
         const ElabRect *area,
         double          line_w)
{
  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y - line_w, area->width, area->height + 2 * line_w);
  cairo_clip (cr);
}

/* At the hovered x, H(p, q) is −p·log q plus −(1 − p)·log(1 − q): a
 * stacked bar on the plot shows the two terms in H(p, q)'s colour (dark,
 * then light), and the read-out lists them where the column has room, so
 * a student sees which outcome the cross-entropy comes from (where p is
 * near 1, nearly all of it is −p·log q). */
static const double term_alpha[2] = { 0.85, 0.3 };

/* Whether the rectangle @r (user units), grown by @margin, meets one of
 * the four curves of @c or a shaded gap (@gaps: bit 0 KL(p‖q), bit 1
 * KL(q‖p)) on @panel: the curve between two samples counts all the way,
 * so a steep one crossing the rectangle between them is caught. */
static gboolean
covers_curve (const ElabPanel      *panel,
              const ElabPairCurves *c,
              guint                 gaps,
              const ElabRect       *r,
              double                margin)
{
  const double *curves[4] = { c->h_p, c->h_q, c->h_pq, c->h_qp };
  double x0 = r->x - margin, x1 = r->x + r->width + margin;
  double y0 = r->y - margin, y1 = r->y + r->height + margin;

  for (guint i = 0; i + 1 < c->n; i++)
    {
      double xa = _elab_axis_to_px (&panel->x, c->x[i]), xb = _elab_axis_to_px (&panel->x, c->x[i + 1]);

      if (xb < x0 || xa > x1)
        continue;
      for (guint k = 0; k < 4; k++)
        {
          double ya = _elab_axis_to_px (&panel->y, curves[k][i]);
          double yb = _elab_axis_to_px (&panel->y, curves[k][i + 1]);

          if (isfinite (ya) && isfinite (yb) && MIN (ya, yb) <= y1 && MAX (ya, yb) >= y0)
            return TRUE;
        }
      /* A gap is shaded between H(p) and H(p, q) (or H(q) and H(q, p)). */
      for (guint k = 0; k < 2; k++)
        if (gaps & (1u << k))
          {
            double lo = _elab_axis_to_px (&panel->y, k == 0 ? c->h_p[i] : c->h_q[i]);
            double hi = _elab_axis_to_px (&panel->y, k == 0 ? c->h_pq[i] : c->h_qp[i]);

            if (isfinite (lo) && isfinite (hi) && MIN (lo, hi) <= y1 && MAX (lo, hi) >= y0)
              return TRUE;
          }
    }
  return FALSE;
}

/* The bar stands on the x axis at the hovered x and is as tall as
 * H(p, q) there: −p·log q below, −(1 − p)·log(1 − q) on top, each part
 * named with its value beside it where it is tall enough for a line and
 * a place beside it covers no curve and no shaded gap (the read-out
 * lists both terms anyway). */
static void
draw_terms_bar (ElabFigure           *figure,
                cairo_t              *cr,
                const ElabPanel      *panel,
                const ElabPairCurves *c,
                guint                 gaps,
                const ElabPairPoint  *pt,
                const char           *unit_label)
{
  const ElabTheme *t = &figure->theme;
  double w = round (0.5 * figure->metrics.legend_px);
  double cx = _elab_axis_to_px (&panel->x, pt->x);
  double x = round (cx - w / 2);
  double y[3];
  double terms[2] = { pt->pq_one, pt->pq_zero };
  static const char *names[2] = {
    "\xe2\x88\x92p log q", "\xe2\x88\x92(1 \xe2\x88\x92 p) log(1 \xe2\x88\x92 q)",
  };

  if (!(pt->pq_one + pt->pq_zero > 0))
    return;
  y[0] = round (_elab_axis_to_px (&panel->y, MAX (panel->y.min, 0)));
  y[1] = round (_elab_axis_to_px (&panel->y, CLAMP (pt->pq_one, panel->y.min, panel->y.max)));
  y[2] = round (_elab_axis_to_px (&panel->y, CLAMP (pt->pq_one + pt->pq_zero, panel->y.min, panel->y.max)));
  for (guint i = 0; i < 2; i++)
    {
      char value[48], text[128];
      ElabText *label;
      double tx = 0, ty = 0;
      ElabRect box = { 0 };
      gboolean placed;

      if (y[i] - y[i + 1] < 1)
        continue;
      _elab_draw_block_swatch (figure, cr, &(ElabRect) { x, y[i + 1], w, y[i] - y[i + 1] },
                               S_HPQ, term_alpha[i], FALSE);
      if (!figure->style.draw_text)
        continue;
      _elab_format_value (terms[i], unit_label, value, sizeof value);
      g_snprintf (text, sizeof text, "%s = %s", names[i], value);
      label = _elab_text (figure, ELAB_FONT_LEGEND, text, FALSE, -1, FALSE);
      if (label == NULL || y[i] - y[i + 1] < label->height)
        continue;
      /* Beside the bar, inside the plot, level with its part: right of it
       * or left, centred on the part or at its top or bottom, the first
       * place that covers no curve; nowhere over the axes. */
      placed = FALSE;
      for (guint k = 0; k < 6 && !placed; k++)
        {
          double at[3] = { (y[i] + y[i + 1]) / 2 - label->height / 2, y[i + 1], y[i] - label->height };

          tx = k % 2 == 0 ? x + w + 4 : x - 4 - label->width;
          ty = round (at[k / 2]);
          box = (ElabRect) { tx - 3, ty - 1, label->width + 6, label->height + 2 };
          placed = box.x >= panel->x.px0 && box.x + box.width <= panel->x.px1
                   && !covers_curve (panel, c, gaps, &box, 0.5 * figure->metrics.line_w);
        }
      if (!placed)
        continue;
      if (figure->n_readouts < G_N_ELEMENTS (figure->readouts))
        figure->readouts[figure->n_readouts++] = box;
      /* Boxed like the legend's read-out. */
      _elab_fill_rect (cr, &box, &t->legend_bg);
      _elab_set_source (cr, &t->legend_border);
      cairo_rectangle (cr, round (box.x) + 0.5, round (box.y) + 0.5, round (box.width) - 1, round (box.height) - 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      _elab_set_source (cr, &t->foreground);
      cairo_move_to (cr, round (tx), ty);
      pango_cairo_show_layout (cr, label->layout);
    }
}

void
_elab_figure_draw_cross_entropy (ElabFigure      *figure,
                                 cairo_t         *cr,
                                 const ElabState *state)
{
  const ElabMetrics *m = &figure->metrics;
  const ElabTheme *t = &figure->theme;
  gboolean sub = state->notation == ELAB_NOTATION_SUBSCRIPT;
  ElabUnit unit = state->unit;
  const char *ul = elab_unit_to_string (unit);
  double factor = elab_unit_factor (unit);
  guint n = CLAMP (state->samples, 2, ELAB_MAX_SAMPLES);
  double x_min = state->x_min, x_max = state->x_max;
  const char *names[N_S] = {
    [S_HP] = "H(p)",
    [S_HQ] = "H(q)",
    [S_HPQ] = sub ? "H<sub>q</sub>(p)" : "H(p, q)",
    [S_HQP] = sub ? "H<sub>p</sub>(q)" : "H(q, p)",
    [S_KL] = "KL(p\xe2\x80\x96q)",
    [S_KL_QP] = "KL(q\xe2\x80\x96p)",
  };
  gboolean show_pq = state->kl_gap == ELAB_KL_GAP_PQ || state->kl_gap == ELAB_KL_GAP_BOTH;
  gboolean show_qp = state->kl_gap == ELAB_KL_GAP_QP || state->kl_gap == ELAB_KL_GAP_BOTH;
  /* Legend order: the entropies, then the cross-entropies, then the gaps
   * that are shaded. */
  guint order[N_S] = { S_HP, S_HQ, S_HPQ, S_HQP }, n_order = 4;
  ElabLegendEntry entries[N_S], hover_entries[N_S + 4];
  char values[N_S][48], hover_values[N_S][48], subtitle[240], gap[120], heading[96], ylab[64];
  char a1[32], a2[32], a3[32], f1[96], f2[96], pq[64], pv[48], qv[48], tv[2][48], tl[2][64];
  ElabPairCurves *c;
  ElabPairPoint pt = { 0 };
  ElabRect body, outer, area, box;
  ElabPanel panel;
  double means[N_S], vals[N_S] = { 0 };
  double y_min, y_max, side_w = 0, hx = figure->style.hover_x;
  gboolean clip;
  guint n_hover = 0, n_formula = 0;
  gboolean hover;
  g_autoptr (GPtrArray) formula_strings = NULL;
  ElabFormulaLine formula[8];
  ElabRect formula_box = { 0 };
  double fx = NAN;

  if (!(x_max > x_min) || !isfinite (x_min) || !isfinite (x_max))
    x_min = -6, x_max = 6;

  _elab_figure_ensure_curves (figure, n);
  c = figure->pair;
  elab_pair_curves_compute (c, &state->p, &state->q, x_min, x_max, n, unit);

  format_model ("true p", &state->p, f1, sizeof f1);
  format_model ("model q", &state->q, f2, sizeof f2);
  if (show_pq)
    order[n_order++] = S_KL;
  if (show_qp)
    order[n_order++] = S_KL_QP;
  if (show_pq && show_qp)
    g_snprintf (gap, sizeof gap, "two gaps: KL(p\xe2\x80\x96q) \xe2\x89\xa0 KL(q\xe2\x80\x96p)");
  else if (show_pq || show_qp)
    g_snprintf (gap, sizeof gap, "the gap %s \xe2\x88\x92 %s = %s \xe2\x89\xa5 0",
                names[show_pq ? S_HPQ : S_HQP], names[show_pq ? S_HP : S_HQ],
                names[show_pq ? S_KL : S_KL_QP]);
  else
    gap[0] = '\0';
  g_snprintf (subtitle, sizeof subtitle, "%s,   %s,\t%s", f1, f2, gap);
  _elab_draw_frame (figure, cr,
                    sub ? "Cross-entropy H<sub>q</sub>(p) and entropy H(p)"
                        : "Cross-entropy H(p, q) and entropy H(p)",
                    TRUE, subtitle, &body);

  hover = isfinite (hx) && hx >= x_min && hx <= x_max;

  /* The worked formula takes the bottom of the figure, across its whole
   * width, at the hovered x or else the chosen one. */
  figure->formula_box = (ElabRect) { 0 };
  figure->formula_cut = FALSE;
  if (state->formula || figure->style.formula)
    {
      double fh, max_h;

      fx = hover ? hx : CLAMP (state->formula_at, x_min, x_max);
      formula_strings = g_ptr_array_new_with_free_func (g_free);
      n_formula = formula_lines (figure, state, names, fx, formula_strings, formula);
      /* Large type on a small figure: the plot keeps at least 70 % and
       * the legend its rows (a heading on two lines and every entry). */
      max_h = MIN (0.3 * body.height,
                   body.height - m->pad - 2 * round (0.6 * m->legend_px)
                   - _elab_legend_row_height (figure) * (n_order + 2));
      n_formula = _elab_formula_fit (figure, body.width, max_h, formula, n_formula);
      fh = _elab_formula_height (figure, body.width, formula, n_formula);
      formula_box = (ElabRect) { body.x, body.y + body.height - fh, body.width, fh };
      body.height -= fh + m->pad;
      figure->formula_box = formula_box;
    }
  means[S_HP] = c->mean_h_p;
  means[S_HQ] = c->mean_h_q;
  means[S_HPQ] = c->mean_h_pq;
  means[S_HQP] = c->mean_h_qp;
  means[S_KL] = c->mean_kl_pq;
  means[S_KL_QP] = c->mean_kl_qp;
  if (hover)
    {
      elab_pair_point (&state->p, &state->q, hx, unit, &pt);
      vals[S_HP] = pt.h_p;
      vals[S_HQ] = pt.h_q;
      vals[S_HPQ] = pt.h_pq;
      vals[S_HQP] = pt.h_qp;
      vals[S_KL] = pt.kl_pq;
      vals[S_KL_QP] = pt.kl_qp;
    }
  elab_number_format (x_min, ELAB_NUMBER_PARAMETER, a1, sizeof a1);
  elab_number_format (x_max, ELAB_NUMBER_PARAMETER, a2, sizeof a2);
  elab_number_format (hx, ELAB_NUMBER_PARAMETER, a3, sizeof a3);

  /* The plot on the left, a column of legend and read-out on the right:
   * nothing ever covers a curve. Names and values share a row while they
   * fit; in a narrow column (large type) the unit moves from every value
   * to the heading, then the column widens a little, and only then does
   * each entry take two lines. */
  {
    static const struct { gboolean units; double frac; } tries[] = {
      { TRUE, 0 }, { FALSE, 0 }, { FALSE, 0.42 },
    };
    double side_w0 = round (MIN (15.5 * m->legend_px, 0.36 * body.width));

    for (guint k = 0; k <= G_N_ELEMENTS (tries); k++)
      {
        /* After the tries: the first, in two lines. */
        guint j = k < G_N_ELEMENTS (tries) ? k : 0;
        const char *vu = tries[j].units ? ul : NULL;

        side_w = tries[j].frac > 0 ? MAX (side_w0, round (tries[j].frac * body.width)) : side_w0;
        /* No-break spaces: a heading wrapped in a narrow column keeps
         * "x ∈ [−6, 6]" on one line. */
        if (tries[j].units)
          g_snprintf (heading, sizeof heading, "mean over x\xc2\xa0\xe2\x88\x88\xc2\xa0[%s,\xc2\xa0%s]", a1, a2);
        else
          g_snprintf (heading, sizeof heading, "mean (%s) over x\xc2\xa0\xe2\x88\x88\xc2\xa0[%s,\xc2\xa0%s]",
                      ul, a1, a2);
        for (guint i = 0; i < n_order; i++)
          {
            guint s = order[i];

            _elab_format_value (means[s], vu, values[i], sizeof values[i]);
            entries[i] = (ElabLegendEntry) { names[s], values[i], s, s >= S_KL,
                                             .band_color = s == S_KL_QP ? &t->band2 : NULL };
          }
        n_hover = 0;
        if (hover)
          {
            for (guint i = 0; i < n_order; i++)
              {
                guint s = order[i];

                _elab_format_value (vals[s], vu, hover_values[i], sizeof hover_values[i]);
                hover_entries[n_hover++] = (ElabLegendEntry) { names[s], hover_values[i], s, s >= S_KL,
                                                               .band_color = s == S_KL_QP ? &t->band2 : NULL };
              }
            _elab_format_value (pt.p, NULL, pv, sizeof pv);
            _elab_format_value (pt.q, NULL, qv, sizeof qv);
            hover_entries[n_hover++] = (ElabLegendEntry) { "p(x)", pv, ELAB_LEGEND_NO_SWATCH, FALSE };
            hover_entries[n_hover++] = (ElabLegendEntry) { "q(x)", qv, ELAB_LEGEND_NO_SWATCH, FALSE };
            /* Short enough for a row each: the unit is H(p, q)'s above,
             * and so is the logarithm's base. */
            g_snprintf (tl[0], sizeof tl[0], "\xe2\x88\x92p log q");
            g_snprintf (tl[1], sizeof tl[1], "\xe2\x88\x92(1\xe2\x88\x92p)\xe2\x80\x89log(1\xe2\x88\x92q)");
            _elab_format_value (pt.pq_one, NULL, tv[0], sizeof tv[0]);
            _elab_format_value (pt.pq_zero, NULL, tv[1], sizeof tv[1]);
            for (guint i = 0; i < 2; i++)
              hover_entries[n_hover++] = (ElabLegendEntry) { tl[i], tv[i], S_HPQ, FALSE, term_alpha[i] };
            if (tries[j].units)
              g_snprintf (pq, sizeof pq, "at x = %s", a3);
            else
              g_snprintf (pq, sizeof pq, "at x = %s (%s)", a3, ul);
          }
        if (k == G_N_ELEMENTS (tries)
            || (_elab_legend_fits_rows (figure, side_w, entries, n_order, heading)
                && (!hover || _elab_legend_fits_rows (figure, side_w, hover_entries, n_hover - 2, pq))))
          break;
      }
  }
  outer = (ElabRect) { body.x, body.y, body.width - side_w - m->pad, body.height };
  _elab_panel_inset (figure, &outer, TRUE, TRUE, &area);

  /* Fixed at one full bit (or ln 2 nats) unless a curve rises above it,
   * then the next nice value over the highest finite point. */
  y_max = G_LN2 * factor;
  y_max = finite_max (c->h_pq, c->n, y_max);
  y_max = finite_max (c->h_qp, c->n, y_max);
  y_max = finite_max (c->h_p, c->n, y_max);
  y_max = finite_max (c->h_q, c->n, y_max);
  y_max = _elab_axis_nice_max (0, y_max * 1.04, 7);
  figure->auto_y_min = 0;
  figure->auto_y_max = y_max;
  /* A range held for a whole animation (or set by hand) wins, so curves
   * that do not change do not jump when the others rescale the axis. */
  y_min = 0;
  if (isfinite (figure->style.y_max))
    y_max = figure->style.y_max;
  if (isfinite (figure->style.y_min))
    y_min = figure->style.y_min;
  if (!(y_max > y_min))
    y_max = y_min + 1;
  _elab_panel_init (figure, &panel, ELAB_PANEL_X, &area, &(ElabBounds) { x_min, x_max, y_min, y_max });
  /* A range set by hand may cut the curves: keep them inside the panel. */
  clip = isfinite (figure->style.y_min) || isfinite (figure->style.y_max);
  if (clip)
    clip_to (cr, &area, m->line_w);

  /* KL(p‖q) first, pre-blended; KL(q‖p) over it, translucent, so where
   * the two gaps overlap both colours show. */
  if (show_pq)
    _elab_draw_band (figure, cr, &panel,
                     &(ElabBand) { .x = c->x, .y0 = c->h_p, .y1 = c->h_pq, .n = c->n,
                                   .color = &t->band });
  if (show_qp)
    _elab_draw_band (figure, cr, &panel,
                     &(ElabBand) { .x = c->x, .y0 = c->h_q, .y1 = c->h_qp, .n = c->n,
                                   .color = &t->band2, .over = show_pq });
  if (clip)
    cairo_restore (cr);
  g_snprintf (ylab, sizeof ylab, "entropy (%s)", ul);
  _elab_draw_axes (figure, cr, &panel, "x", ylab);

  if (hover)
    _elab_draw_crosshair (figure, cr, &panel, hx);
  else if (n_formula > 0)
    _elab_draw_crosshair (figure, cr, &panel, fx);
  _elab_draw_guess (figure, cr, &panel);

  if (clip)
    clip_to (cr, &area, m->line_w);
  {
    const ElabSeries curves[] = {
      { .x = c->x, .y = c->h_qp, .n = c->n, .index = S_HQP },
      { .x = c->x, .y = c->h_q, .n = c->n, .index = S_HQ },
      { .x = c->x, .y = c->h_pq, .n = c->n, .index = S_HPQ },
      { .x = c->x, .y = c->h_p, .n = c->n, .index = S_HP },
    };
    /* Within a third of a line's width: the eye sees one curve. */
    double tol = 0.35 * m->line_w / MAX (area.height, 1) * (y_max - y_min);

    for (guint i = 0; i < G_N_ELEMENTS (curves); i++)
      _elab_draw_series (figure, cr, &panel, &curves[i]);
    /* A curve that lies on one drawn after it (H(q, p) = H(p) when p is
     * ½) would vanish under it: drawn again on top, its dashes let the
     * other show between them, and both stay in sight. */
    for (guint i = 0; i < G_N_ELEMENTS (curves); i++)
      for (guint j = i + 1; j < G_N_ELEMENTS (curves); j++)
        if (curves_coincide (curves[i].y, curves[j].y, c->n, tol))
          {
            _elab_draw_series (figure, cr, &panel, &curves[i]);
            break;
          }
  }
  if (clip)
    cairo_restore (cr);

  if (n_formula > 0)
    {
      ElabPairPoint fp;
      double fv[4];

      if (!hover)
        {
          elab_pair_point (&state->p, &state->q, fx, unit, &fp);
          fv[S_HP] = fp.h_p;
          fv[S_HQ] = fp.h_q;
          fv[S_HPQ] = fp.h_pq;
          fv[S_HQP] = fp.h_qp;
          for (guint s = 0; s < 4; s++)
            if (isfinite (fv[s]) && fv[s] >= y_min && fv[s] <= y_max)
              _elab_draw_marker (figure, cr, _elab_axis_to_px (&panel.x, fx),
                                 _elab_axis_to_px (&panel.y, fv[s]), s);
        }
      _elab_draw_formula (figure, cr, &formula_box, formula, n_formula);
    }

  box = (ElabRect) { body.x + body.width - side_w, area.y, side_w, body.y + body.height - area.y };
  if (hover)
    {
      draw_terms_bar (figure, cr, &panel, c, (show_pq ? 1u : 0u) | (show_qp ? 2u : 0u), &pt, ul);
      for (guint s = 0; s < 4; s++)
        if (isfinite (vals[s]) && vals[s] >= y_min && vals[s] <= y_max)
          _elab_draw_marker (figure, cr, _elab_axis_to_px (&panel.x, hx),
                             _elab_axis_to_px (&panel.y, vals[s]), s);

      /* The read-out at x goes under the means when both fit; in a short
       * column (large type) it takes the means' place while the pointer
       * is over the plot, so neither is cut. H(p, q)'s two terms come
       * last and only where they fit whole, each on a row of its own. */
      guint n_values = n_hover - 2;
      double hover_h = _elab_legend_height (figure, side_w, hover_entries, n_values, pq);

      if (box.y + _elab_legend_height (figure, side_w, entries, n_order, heading) + m->pad + hover_h
          <= body.y + body.height)
        box.y += _elab_draw_legend (figure, cr, &box, entries, n_order, heading) + m->pad;
      box.height = body.y + body.height - box.y;
      if (_elab_legend_fits_rows (figure, side_w, hover_entries, n_hover, pq)
          && _elab_legend_height (figure, side_w, hover_entries, n_hover, pq) <= box.height)
        n_values = n_hover;
      /* Shorter still (a caption under it too): the curves' values stay,
       * p(x) and q(x) go. */
      else if (hover_h > box.height)
        n_values = n_order;
      _elab_draw_legend (figure, cr, &box, hover_entries, n_values, pq);
    }
  else
    _elab_draw_legend (figure, cr, &box, entries, n_order, heading);

  _elab_draw_caption (figure, cr, &body);
}
