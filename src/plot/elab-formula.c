/* elab-formula.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The worked formula on a figure: the formula with the numbers at one x
 * substituted, e.g. H(p, q) = −[0.73·log₂ 0.88 + 0.27·log₂ 0.12] =
 * 0.960 bits, typeset with Pango markup (real subscripts and
 * superscripts), under the plot so the window, exports, presentation
 * mode and lessons show the same thing.
 */

#include <string.h>

#include "elab-figure-private.h"

#define MINUS     "\xe2\x88\x92"
#define TIMES     "\xc3\x97"
#define MIDDOT    "\xc2\xb7"

/* log10 σ(z), from the logit so that it stays finite where σ(z)
 * underflows (z = −2000 gives −868.6). */
static double
log10_sigmoid (double z)
{
  return -elab_softplus (-z) / G_LN10;
}

/* m × 10^e from log10 of a value: "2.6×10<sup>−869</sup>". */
static void
format_power10 (double  l10,
                char   *buf,
                gsize   len)
{
  double e = floor (l10);
  double mant = pow (10.0, l10 - e);
  char exp_text[32];

  /* 9.96 would print as "10.0". */
  if (round (mant * 10.0) >= 100.0)
    {
      mant /= 10.0;
      e += 1.0;
    }
  if (e < 0)
    g_snprintf (exp_text, sizeof exp_text, MINUS "%.0f", -e);
  else
    g_snprintf (exp_text, sizeof exp_text, "%.0f", e);
  g_snprintf (buf, len, "%.1f" TIMES "10<sup>%s</sup>", mant, exp_text);
}

/**
 * _elab_formula_prob_pair:
 * @z: a logit
 * @res_p: (out): σ(z) as markup
 * @res_q: (out): 1 − σ(z) = σ(−z) as markup
 * @len: size of each buffer
 *
 * The two probabilities of a Bernoulli distribution with logit @z, as a
 * teacher writes them: two decimals ("0.73", "0.27"), more where the
 * smaller one needs them to show at least two digits ("0.012", "0.988"),
 * and below 10⁻⁴ a power of ten ("1.2×10⁻⁵", "1 − 1.2×10⁻⁵"). The two
 * always add up to 1 as printed. Computed from the logit, so a
 * probability that underflows a double (z = −2000) still prints.
 *
 * Returns: TRUE when the numbers are written as powers of ten (and need
 * parentheses inside a product).
 */
gboolean
_elab_formula_prob_pair (double  z,
                         char   *res_p,
                         char   *res_q,
                         gsize   len)
{
  double l10 = log10_sigmoid (-fabs (z));   /* the smaller of the two */
  char small[64], big[80];
  gboolean power = FALSE;

  if (isnan (z))
    {
      g_strlcpy (res_p, "\xe2\x80\x94", len);
      g_strlcpy (res_q, "\xe2\x80\x94", len);
      return FALSE;
    }

  if (l10 >= -4.0)
    {
      int decimals = MAX (2, (int) ceil (-l10) + 1);
      double scale = pow (10.0, decimals);
      double s = round (elab_sigmoid (-fabs (z)) * scale);

      g_snprintf (small, sizeof small, "%.*f", decimals, s / scale);
      g_snprintf (big, sizeof big, "%.*f", decimals, (scale - s) / scale);
    }
  else
    {
      format_power10 (l10, small, sizeof small);
      g_snprintf (big, sizeof big, "1 " MINUS " %s", small);
      power = TRUE;
    }

  g_strlcpy (res_p, z >= 0 ? big : small, len);
  g_strlcpy (res_q, z >= 0 ? small : big, len);
  return power;
}

/* "0.73", or "(1.2×10⁻⁵)" where a power of ten sits in a product. */
static void
factor (const char *value,
        gboolean    power,
        GString    *out)
{
  if (power)
    g_string_append_printf (out, "(%s)", value);
  else
    g_string_append (out, value);
}

/**
 * _elab_formula_binary:
 * @lhs: the left-hand side, markup ("H(p, q)")
 * @z_a: logit of the weights a, 1 − a
 * @z_b: logit of the probabilities b, 1 − b under the logs
 * @unit: bits (log₂) or nats (ln)
 * @value: the exact value, in @unit (from the logits, never from the
 *   rounded numbers shown)
 *
 * "H(p, q) = −[0.73·log₂ 0.88 + 0.27·log₂ 0.12] = 0.960 bits": the binary
 * cross-entropy −a·log b − (1 − a)·log(1 − b) with the numbers
 * substituted (a = b is the entropy).
 *
 * Returns: (transfer full): the line, Pango markup
 */
char *
_elab_formula_binary (const char *lhs,
                      double      z_a,
                      double      z_b,
                      ElabUnit    unit,
                      double      value)
{
  const char *log = unit == ELAB_UNIT_NATS ? "ln" : "log<sub>2</sub>";
  char a[80], na[80], b[80], nb[80], v[48];
  gboolean pa, pb;
  GString *out = g_string_new (NULL);

  pa = _elab_formula_prob_pair (z_a, a, na, sizeof a);
  pb = _elab_formula_prob_pair (z_b, b, nb, sizeof b);
  _elab_format_value (value, elab_unit_to_string (unit), v, sizeof v);

  g_string_append_printf (out, "%s = " MINUS "[", lhs);
  factor (a, pa, out);
  g_string_append_printf (out, MIDDOT "%s ", log);
  factor (b, pb, out);
  g_string_append (out, " + ");
  factor (na, pa, out);
  g_string_append_printf (out, MIDDOT "%s ", log);
  factor (nb, pb, out);
  g_string_append_printf (out, "] = %s", v);
  return g_string_free (out, FALSE);
}

/**
 * _elab_formula_prob:
 * @name: the probability's name, markup ("p", "p<sub>A</sub>")
 * @model: the model
 * @x: the input
 *
 * "p(1) = σ(1) = 0.73", or for the normalised tanh output "p(1) =
 * (tanh(1) + 1)/2 = σ(2) = 0.88": where the weights of the formula come
 * from.
 *
 * Returns: (transfer full): markup
 */
char *
_elab_formula_prob (const char         *name,
                    const ElabLogistic *model,
                    double              x)
{
  double z = elab_logistic_logit (model, x);
  char xs[48], zs[48], ts[48], p[80], q[80];

  /* A logit or an x as typed: 1, 0.5, −2.25. */
  elab_number_format (x, ELAB_NUMBER_PARAMETER, xs, sizeof xs);
  elab_number_format (z, ELAB_NUMBER_PARAMETER, zs, sizeof zs);
  _elab_formula_prob_pair (z, p, q, sizeof p);
  if (model->output == ELAB_OUTPUT_TANH)
    {
      elab_number_format (fma (model->theta, x, model->bias), ELAB_NUMBER_PARAMETER, ts, sizeof ts);
      return g_strdup_printf ("%s(%s) = (tanh(%s) + 1)/2 = \xcf\x83(%s) = %s", name, xs, ts, zs, p);
    }
  return g_strdup_printf ("%s(%s) = \xcf\x83(%s) = %s", name, xs, zs, p);
}

/* "#c8283c" for a span's foreground. */
void
_elab_formula_color (const ElabRgba *c,
                     char           *buf,
                     gsize           len)
{
  g_snprintf (buf, len, "#%02x%02x%02x",
              (int) round (CLAMP (c->r, 0, 1) * 255), (int) round (CLAMP (c->g, 0, 1) * 255),
              (int) round (CLAMP (c->b, 0, 1) * 255));
}

static double
font_px (ElabFigure *figure,
         ElabFont    font)
{
  return font == ELAB_FONT_BIG ? figure->metrics.big_px : figure->metrics.label_px;
}

/* The width of @line on one line (estimated when no text is drawn). */
static double
line_width (ElabFigure            *figure,
            const ElabFormulaLine *line)
{
  ElabText *t = _elab_text (figure, line->font, line->markup, TRUE, -1, FALSE);

  return t != NULL ? t->width : _elab_text_estimate_width (figure, line->font, line->markup, TRUE);
}

static double
line_height (ElabFigure              *figure,
             const ElabFormulaLine   *line,
             double                   width,
             ElabText               **res_text)
{
  ElabText *t = _elab_text (figure, line->font, line->markup, TRUE, width, TRUE);

  if (res_text != NULL)
    *res_text = t;
  if (t != NULL)
    return t->height;
  /* No text (golden images): one line each, as tall as the font's line. */
  return round (1.25 * font_px (figure, line->font)) * MAX (1.0, ceil (line_width (figure, line) / width));
}

static double
row_gap (ElabFigure *figure)
{
  return round (1.5 * figure->metrics.label_px);
}

/* Lays out (and with @cr, draws) the rows: a line marked same_row goes
 * beside the one before it when both fit the width, else under it. */
static double
layout (ElabFigure            *figure,
        cairo_t               *cr,
        const ElabRect        *box,
        const ElabFormulaLine *lines,
        guint                  n_lines)
{
  double y = 0;

  for (guint i = 0; i < n_lines;)
    {
      guint end = i + 1;
      double w = line_width (figure, &lines[i]), row_h = 0, x = 0;

      while (end < n_lines && lines[end].same_row
             && w + row_gap (figure) + line_width (figure, &lines[end]) <= box->width)
        w += row_gap (figure) + line_width (figure, &lines[end++]);

      if (i > 0)
        y += round (0.3 * figure->metrics.label_px);
      for (guint j = i; j < end; j++)
        {
          ElabText *t = NULL;
          double h = line_height (figure, &lines[j], end - j == 1 && j == i ? box->width
                                                                        : box->width - x, &t);

          if (cr != NULL && t != NULL)
            {
              _elab_set_source (cr, lines[j].color != NULL ? lines[j].color : &figure->theme.foreground);
              cairo_move_to (cr, round (box->x + x), round (box->y + y));
              pango_cairo_show_layout (cr, t->layout);
            }
          row_h = MAX (row_h, h);
          x += (t != NULL ? t->width : line_width (figure, &lines[j])) + row_gap (figure);
        }
      y += row_h;
      i = end;
    }
  return ceil (y);
}

/**
 * _elab_formula_height:
 * @figure: the figure being drawn
 * @width: the block's width
 * @lines: the lines, top to bottom
 * @n_lines: how many
 *
 * The height _elab_draw_formula() takes at @width: a line marked same_row
 * shares the row before it when both fit, a line wraps rather than being
 * cut, and a gap of a third of a line separates rows.
 */
double
_elab_formula_height (ElabFigure            *figure,
                      double                 width,
                      const ElabFormulaLine *lines,
                      guint                  n_lines)
{
  ElabRect box = { 0, 0, width, 0 };

  return layout (figure, NULL, &box, lines, n_lines);
}

/**
 * _elab_formula_fit:
 * @figure: the figure being drawn
 * @width: the block's width
 * @max_height: the most the block may take
 * @lines: (inout): the lines, most important first within the rules below
 * @n_lines: how many
 *
 * Makes the formula fit @max_height in large type on a small figure:
 * first leaves out the lines marked optional, then sets large lines in
 * the label size, then leaves out lines from the end, keeping the first
 * that is not optional. Returns how many lines remain.
 */
guint
_elab_formula_fit (ElabFigure      *figure,
                   double           width,
                   double           max_height,
                   ElabFormulaLine *lines,
                   guint            n_lines)
{
  guint n = n_lines, kept = 0;

  if (_elab_formula_height (figure, width, lines, n) <= max_height)
    return n;

  for (guint i = 0; i < n; i++)
    if (!lines[i].optional)
      lines[kept++] = lines[i];
  n = kept;
  if (n > 0)
    lines[0].same_row = FALSE;
  if (_elab_formula_height (figure, width, lines, n) <= max_height)
    return n;

  for (guint i = 0; i < n; i++)
    lines[i].font = ELAB_FONT_LABEL;
  while (n > 1 && _elab_formula_height (figure, width, lines, n) > max_height)
    n--;
  return n;
}

/**
 * _elab_draw_formula:
 * @figure: the figure being drawn
 * @cr: its context
 * @box: where; rows start at its top left and wrap at its width
 * @lines: the lines, top to bottom
 * @n_lines: how many
 *
 * Draws the lines of a worked formula as _elab_formula_height() lays them
 * out. Returns the height used.
 */
double
_elab_draw_formula (ElabFigure            *figure,
                    cairo_t               *cr,
                    const ElabRect        *box,
                    const ElabFormulaLine *lines,
                    guint                  n_lines)
{
  return layout (figure, cr, box, lines, n_lines);
}
