/* elab-figure-entropy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entropy page's figure: σ(θx + b) of each model over x, its entropy
 * H(σ(θx + b)) over x, and the binary-entropy arch H(p) with each model's
 * point at the hovered x.
 */

#include <string.h>

#include "elab-figure-private.h"

#define ARCH_SAMPLES 161

static const char * const model_names[ELAB_MAX_MODELS] = { "A", "B", "C" };

/* The arch H(p) over p ∈ [0, 1]: a constant curve, sampled once. */
static void
arch_samples (double *p,
              double *h,
              double  factor)
{
  for (guint i = 0; i < ARCH_SAMPLES; i++)
    {
      p[i] = (double) i / (ARCH_SAMPLES - 1);
      h[i] = elab_binary_entropy (p[i]) * factor;
    }
}

/* The worked formula at @x: each shown model's entropy with its numbers
 * substituted, its name in its colour, then where p comes from. */
static guint
formula_lines (ElabFigure      *figure,
               const ElabState *state,
               double           x,
               GPtrArray       *strings,
               ElabFormulaLine *lines)
{
  double factor = elab_unit_factor (state->unit);
  guint n = 0;

  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    {
      double z = elab_logistic_logit (&state->models[i], x);
      char color[16];
      g_autofree char *lhs = NULL, *name = NULL, *prob = NULL, *h = NULL;

      if (!state->model_enabled[i])
        continue;
      _elab_formula_color (_elab_theme_series (&figure->theme, i), color, sizeof color);
      name = g_strdup_printf ("p<sub>%s</sub>", model_names[i]);
      lhs = g_strdup_printf ("<span foreground=\"%s\">H(%s)</span>", color, name);
      h = _elab_formula_binary (lhs, z, z, state->unit, elab_binary_entropy_logit (z) * factor);
      prob = _elab_formula_prob (name, &state->models[i], x);
      lines[n++] = (ElabFormulaLine) { h, ELAB_FONT_LABEL, NULL };
      lines[n++] = (ElabFormulaLine) { prob, ELAB_FONT_LABEL, NULL, TRUE, TRUE };
      g_ptr_array_add (strings, g_steal_pointer (&h));
      g_ptr_array_add (strings, g_steal_pointer (&prob));
    }
  return n;
}

/* The legend starts under the arch's y axis label: this far left of the
 * plot area. */
static double
axis_margin (const ElabMetrics *m)
{
  return round (3.3 * m->tick_px + 1.5 * m->label_px);
}

/* The legend's width in a right column starting at @x and ending at
 * @end, before the arch is centred (the same sum _elab_panel_inset does). */
static double
legend_width (const ElabMetrics *m,
              double             x,
              double             end)
{
  return end - (round (x + (3.3 * m->tick_px + 1.5 * m->label_px)) - axis_margin (m));
}

/* Shows each model's parameters in its legend entry, or leaves them out. */
static void
show_details (ElabLegendEntry *entries,
              guint            n_entries,
              char             details[][96],
              gboolean         show)
{
  for (guint i = 0; i < n_entries; i++)
    entries[i].detail = show ? details[entries[i].series] : NULL;
}

/* Model @i's curves: σ over x on @sig (NULL when that panel is left
 * out), its entropy over x on @ent. */
static void
draw_model (ElabFigure      *figure,
            cairo_t         *cr,
            const ElabPanel *sig,
            const ElabPanel *ent,
            guint            i)
{
  const ElabModelCurves *c = figure->models[i];

  if (sig != NULL)
    _elab_draw_series (figure, cr, sig, &(ElabSeries) { .x = c->x, .y = c->p, .n = c->n, .index = i });
  _elab_draw_series (figure, cr, ent, &(ElabSeries) { .x = c->x, .y = c->h, .n = c->n, .index = i });
}

/* The first of @labels that a rotated y label of @panel can take
 * without reaching past its plot area by more than a tick label's height
 * (short panels in large type, where "p(x) = σ(θx + b)" would run into
 * the subtitle); else the last. */
static const char *
fit_label (ElabFigure       *figure,
           const ElabPanel  *panel,
           const char      **labels,
           guint             n)
{
  for (guint i = 0; i + 1 < n; i++)
    {
      ElabText *t = _elab_text (figure, ELAB_FONT_LABEL, labels[i], TRUE, -1, FALSE);

      if (t == NULL || t->width <= panel->area.height + 2 * figure->metrics.tick_px)
        return labels[i];
    }
  return labels[n - 1];
}

void
_elab_figure_draw_entropy (ElabFigure      *figure,
                           cairo_t         *cr,
                           const ElabState *state)
{
  const ElabMetrics *m = &figure->metrics;
  const ElabTheme *t = &figure->theme;
  ElabUnit unit = state->unit;
  const char *ul = elab_unit_to_string (unit);
  double factor = elab_unit_factor (unit);
  double h_max = G_LN2 * factor;
  guint n = CLAMP (state->samples, 2, ELAB_MAX_SAMPLES);
  double x_min = state->x_min, x_max = state->x_max;
  double arch_p[ARCH_SAMPLES], arch_h[ARCH_SAMPLES];
  ElabLegendEntry entries[ELAB_MAX_MODELS], all_entries[ELAB_MAX_MODELS];
  char labels[ELAB_MAX_MODELS][32], details[ELAB_MAX_MODELS][96], values[ELAB_MAX_MODELS][48];
  char subtitle[240], heading[128], legend_heading[128], long_heading[128], short_heading[128];
  char ylab[64];
  char buf[48], buf2[48];
  ElabRect body, left, right, outer, area, legend_box;
  ElabPanel sig, ent, arch;
  double mark_x, col_gap, legend_h, y_top, min_h;
  gboolean hover, with_arch = TRUE, with_sig = TRUE, with_details = TRUE;
  guint n_entries = 0, n_formula = 0;
  gboolean any_tanh = FALSE;
  g_autoptr (GPtrArray) formula_strings = NULL;
  ElabFormulaLine formula[2 * ELAB_MAX_MODELS];
  ElabRect formula_box = { 0 };

  if (!(x_max > x_min) || !isfinite (x_min) || !isfinite (x_max))
    x_min = -6, x_max = 6;

  _elab_figure_ensure_curves (figure, n);
  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    if (state->model_enabled[i])
      elab_model_curves_compute (figure->models[i], &state->models[i], x_min, x_max, n, unit);
  arch_samples (arch_p, arch_h, factor);

  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    if (state->model_enabled[i] && state->models[i].output == ELAB_OUTPUT_TANH)
      any_tanh = TRUE;
  g_snprintf (subtitle, sizeof subtitle,
              "p(x) = \xcf\x83(\xce\xb8x + b)%s,   H(p) = \xe2\x88\x92p %s p \xe2\x88\x92 (1 \xe2\x88\x92 p) %s (1 \xe2\x88\x92 p)",
              any_tanh ? " or (tanh(\xce\xb8x + b) + 1)/2" : "",
              unit == ELAB_UNIT_NATS ? "ln" : "log<sub>2</sub>",
              unit == ELAB_UNIT_NATS ? "ln" : "log<sub>2</sub>");
  _elab_draw_frame (figure, cr, "Entropy of a logistic model", FALSE, subtitle, &body);

  hover = isfinite (figure->style.hover_x) && figure->style.hover_x >= x_min
          && figure->style.hover_x <= x_max;
  mark_x = hover ? figure->style.hover_x
                 : CLAMP (state->formula || figure->style.formula ? state->formula_at : 1.0, x_min, x_max);

  /* The worked formula takes the bottom of the figure, across its whole
   * width. */
  figure->formula_box = (ElabRect) { 0 };
  figure->formula_cut = FALSE;
  if (state->formula || figure->style.formula)
    {
      formula_strings = g_ptr_array_new_with_free_func (g_free);
      n_formula = formula_lines (figure, state, mark_x, formula_strings, formula);
    }
  if (n_formula > 0)
    {
      double fh;

      /* Large type on a small figure: the plots keep at least 70 %. */
      n_formula = _elab_formula_fit (figure, body.width, 0.3 * body.height, formula, n_formula);
      fh = _elab_formula_height (figure, body.width, formula, n_formula);

      formula_box = (ElabRect) { body.x, body.y + body.height - fh, body.width, fh };
      body.height -= fh + m->pad;
      figure->formula_box = formula_box;
    }

  /* An entry for every model, shown or not: the layout is sized for all
   * three (a legend keeps a row for each), so a model switched on, as a
   * question's reveal does, moves no plot. */
  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    {
      elab_number_format (state->models[i].theta, ELAB_NUMBER_PARAMETER, buf, sizeof buf);
      elab_number_format (state->models[i].bias, ELAB_NUMBER_PARAMETER, buf2, sizeof buf2);
      g_snprintf (labels[i], sizeof labels[i], "<b>%s</b>", model_names[i]);
      /* No-break spaces inside "θ = 1": a wrapped line breaks only
       * between the two parameters. */
      /* The figure says which output a model uses. */
      g_snprintf (details[i], sizeof details[i],
                  "\xce\xb8\xc2\xa0=\xc2\xa0%s,  b\xc2\xa0=\xc2\xa0%s%s", buf, buf2,
                  state->models[i].output == ELAB_OUTPUT_TANH ? ",  tanh" : "");
      /* A model that is off has no mean yet: its widest. */
      _elab_format_value (state->model_enabled[i] ? figure->models[i]->mean_h : 0.123, ul,
                          values[i], sizeof values[i]);
      all_entries[i] = (ElabLegendEntry) { labels[i], values[i], i, FALSE, .detail = details[i] };
      if (state->model_enabled[i])
        entries[n_entries++] = all_entries[i];
    }
  elab_number_format (x_min, ELAB_NUMBER_PARAMETER, buf, sizeof buf);
  elab_number_format (x_max, ELAB_NUMBER_PARAMETER, buf2, sizeof buf2);
  /* No-break spaces keep "x ∈ [−6, 6]" whole when the heading wraps. */
  g_snprintf (legend_heading, sizeof legend_heading, "model, and its mean H over x\xc2\xa0\xe2\x88\x88\xc2\xa0[%s,\xc2\xa0%s]", buf, buf2);
  g_strlcpy (long_heading, legend_heading, sizeof long_heading);
  g_snprintf (short_heading, sizeof short_heading,
              "mean H over x\xc2\xa0\xe2\x88\x88\xc2\xa0[%s,\xc2\xa0%s]", buf, buf2);

  /* Left: the two panels over x, stacked so they share the x axis.
   * Right: the arch, with the legend below it so it never covers a curve.
   * The legend keeps a row for each of the three models. When its names
   * and values do not fit side by side in that (large type), the right
   * column first widens, down to half the width for the left one; then
   * each entry takes two lines (parameters on the second) and the arch
   * gives up that height, as long as it keeps a third of the column;
   * past that the parameters (on the sliders anyway) are left out.
   * No plot is drawn shorter than min_h (three tick labels): an arch that
   * would be goes whole, and the legend takes the column's top, with the
   * parameters again where they fit; an H(p) panel over x that would be
   * takes the σ panel's room too. A long caption leaves that little room. */
  col_gap = round (1.5 * m->pad);
  min_h = round (3 * m->tick_px);
  legend_h = round (0.6 * m->legend_px) * 2 + _elab_legend_row_height (figure) * (ELAB_MAX_MODELS + 1);
  left = (ElabRect) { body.x, body.y, round (body.width * 0.56), body.height };
  {
    static const double fractions[] = { 0.56, 0.53, 0.5 };
    double need = legend_h, lbw;
    gboolean placed = FALSE;

    for (guint i = 0; i < G_N_ELEMENTS (fractions) && !placed; i++)
      {
        left.width = round (body.width * fractions[i]);
        need = _elab_legend_height (figure, legend_width (m, body.x + left.width + col_gap, body.x + body.width),
                                    all_entries, ELAB_MAX_MODELS, legend_heading);
        placed = need <= legend_h;
      }
    if (!placed)
      {
        double need_short, arch_h;

        left.width = round (body.width * fractions[0]);
        lbw = legend_width (m, body.x + left.width + col_gap, body.x + body.width);
        need = _elab_legend_height (figure, lbw, all_entries, ELAB_MAX_MODELS, legend_heading);
        /* A shorter heading spares the arch a line if the long one wraps. */
        need_short = _elab_legend_height (figure, lbw, all_entries, ELAB_MAX_MODELS, short_heading);
        if (need_short < need)
          {
            g_strlcpy (legend_heading, short_heading, sizeof legend_heading);
            need = need_short;
          }
        arch_h = body.height - need - m->pad - (2.3 * m->tick_px + 1.45 * m->label_px);
        if (arch_h < MAX (body.height / 3, min_h))
          {
            with_details = FALSE;
            show_details (all_entries, ELAB_MAX_MODELS, details, with_details);
            g_strlcpy (legend_heading, short_heading, sizeof legend_heading);
            need = _elab_legend_height (figure, lbw, all_entries, ELAB_MAX_MODELS, legend_heading);
          }
      }
    legend_h = MAX (legend_h, need);
  }
  right = (ElabRect) { left.x + left.width + col_gap, body.y,
                       body.width - left.width - col_gap, body.height };
  if (right.height - legend_h - m->pad - (2.3 * m->tick_px + 1.45 * m->label_px) < min_h)
    {
      with_arch = FALSE;
      with_details = TRUE;
      show_details (all_entries, ELAB_MAX_MODELS, details, with_details);
      g_strlcpy (legend_heading, long_heading, sizeof legend_heading);
      legend_h = _elab_legend_height (figure, right.width, all_entries, ELAB_MAX_MODELS, legend_heading);
      if (legend_h > right.height)
        {
          with_details = FALSE;
          show_details (all_entries, ELAB_MAX_MODELS, details, with_details);
          g_strlcpy (legend_heading, short_heading, sizeof legend_heading);
          legend_h = _elab_legend_height (figure, right.width, all_entries, ELAB_MAX_MODELS, legend_heading);
        }
    }
  show_details (entries, n_entries, details, with_details);

  outer = (ElabRect) { left.x, left.y, left.width, round ((left.height - m->pad) / 2) };
  _elab_panel_inset (figure, &outer, FALSE, TRUE, &area);
  _elab_panel_init (figure, &sig, ELAB_PANEL_X, &area, &(ElabBounds) { x_min, x_max, 0, 1.0 });
  outer.y += outer.height + m->pad;
  outer.height = left.y + left.height - outer.y;
  _elab_panel_inset (figure, &outer, TRUE, TRUE, &area);
  if (area.height < min_h)
    {
      with_sig = FALSE;
      _elab_panel_inset (figure, &left, TRUE, TRUE, &area);
    }
  _elab_panel_init (figure, &ent, ELAB_PANEL_X, &area, &(ElabBounds) { x_min, x_max, 0, h_max * 1.06 });
  /* The x panels share their horizontal layout; the upper one uses the
   * lower one's ticks so the grids line up. */
  sig.x = ent.x;

  if (with_arch)
    {
      outer = (ElabRect) { right.x, right.y, right.width, right.height - legend_h - m->pad };
      _elab_panel_inset (figure, &outer, TRUE, TRUE, &area);
      legend_box = (ElabRect) { area.x - axis_margin (m), right.y + right.height - legend_h, 0, legend_h };
      /* A square-ish arch reads best; centre it when the column is wide. */
      if (area.width > 1.5 * area.height)
        {
          double w = round (1.5 * area.height);

          area.x += round ((area.width - w) / 2);
          area.width = w;
          /* The legend follows the arch's axis unless that would make it too
           * narrow for its names. */
          if (_elab_legend_height (figure, right.x + right.width - (area.x - axis_margin (m)),
                                   all_entries, ELAB_MAX_MODELS, legend_heading) <= legend_h)
            legend_box.x = area.x - axis_margin (m);
        }
      _elab_panel_init (figure, &arch, ELAB_PANEL_P, &area, &(ElabBounds) { 0, 1, 0, h_max * 1.06 });
    }
  else
    legend_box = (ElabRect) { right.x, right.y, 0, legend_h };
  legend_box.width = right.x + right.width - legend_box.x;

  g_snprintf (ylab, sizeof ylab, "H(p) (%s)", ul);
  {
    const char *sig_labels[] = { "p(x) = \xcf\x83(\xce\xb8x + b)", "p(x)" };
    const char *h_labels[] = { ylab, "H(p)" };

    if (with_sig)
      _elab_draw_axes (figure, cr, &sig, NULL, fit_label (figure, &sig, sig_labels, 2));
    _elab_draw_axes (figure, cr, &ent, "x", fit_label (figure, &ent, h_labels, 2));
    if (with_arch)
      _elab_draw_axes (figure, cr, &arch, "p", fit_label (figure, &arch, h_labels, 2));
  }

  if (hover || n_formula > 0)
    {
      if (with_sig)
        _elab_draw_crosshair (figure, cr, &sig, mark_x);
      _elab_draw_crosshair (figure, cr, &ent, mark_x);
    }
  if (with_arch && isfinite (figure->style.hover_p))
    _elab_draw_crosshair (figure, cr, &arch, CLAMP (figure->style.hover_p, 0, 1));

  /* The arch in the neutral axis colour, solid: it is no model's curve. */
  if (with_arch)
    _elab_draw_series (figure, cr, &arch,
                       &(ElabSeries) { .x = arch_p, .y = arch_h, .n = ARCH_SAMPLES, .color = &t->axis });

  for (guint i = ELAB_MAX_MODELS; i-- > 0;)
    if (state->model_enabled[i])
      draw_model (figure, cr, with_sig ? &sig : NULL, &ent, i);
  /* A model lying on one drawn over it (the tanh output of x is the
   * logistic of 2x) is drawn again on top: its dashes let both show. */
  for (guint i = 1; i < ELAB_MAX_MODELS; i++)
    for (guint j = 0; j < i; j++)
      if (state->model_enabled[i] && state->model_enabled[j]
          && memcmp (figure->models[i]->p, figure->models[j]->p, n * sizeof (double)) == 0)
        {
          draw_model (figure, cr, with_sig ? &sig : NULL, &ent, i);
          break;
        }

  /* Each model's point at the marked x, on all three panels. */
  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    {
      double z, p, h;

      if (!state->model_enabled[i])
        continue;
      z = elab_logistic_logit (&state->models[i], mark_x);
      p = elab_sigmoid (z);
      h = elab_binary_entropy_logit (z) * factor;
      if ((hover || n_formula > 0) && with_sig)
        _elab_draw_marker (figure, cr, _elab_axis_to_px (&sig.x, mark_x),
                           _elab_axis_to_px (&sig.y, p), i);
      if (hover || n_formula > 0)
        _elab_draw_marker (figure, cr, _elab_axis_to_px (&ent.x, mark_x),
                           _elab_axis_to_px (&ent.y, h), i);
      if (with_arch)
        _elab_draw_marker (figure, cr, _elab_axis_to_px (&arch.x, p),
                           _elab_axis_to_px (&arch.y, h), i);
    }

  if (figure->style.draw_text && with_arch)
    {
      ElabText *tx;

      elab_number_format (mark_x, ELAB_NUMBER_PARAMETER, buf, sizeof buf);
      g_snprintf (heading, sizeof heading, "points at x = %s", buf);
      tx = _elab_text (figure, ELAB_FONT_TICK, heading, FALSE, -1, FALSE);
      /* In the arch's top left corner, unless a small arch (large type,
       * a short column) would have it across the curve and the points. */
      if (tx != NULL && tx->width <= 0.65 * arch.area.width && arch.area.height >= 7 * m->tick_px)
        {
          y_top = arch.area.y + 0.4 * m->tick_px;
          _elab_set_source (cr, &t->muted);
          cairo_move_to (cr, round (arch.area.x + 0.5 * m->tick_px), round (y_top));
          pango_cairo_show_layout (cr, tx->layout);
        }
    }

  if (n_formula > 0)
    _elab_draw_formula (figure, cr, &formula_box, formula, n_formula);

  if (n_entries > 0)
    _elab_draw_legend (figure, cr, &legend_box, entries, n_entries, legend_heading);
  else
    _elab_draw_placeholder (figure, cr, &legend_box, "every model is off");

  _elab_draw_caption (figure, cr, &body);
}
