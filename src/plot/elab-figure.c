/* elab-figure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figure object: its caches, the per-frame set-up and the dispatch to
 * one drawing function per figure.
 */

#include "elab-figure-private.h"

#include <string.h>

static const char * const kind_names[ELAB_N_FIGURES] = {
  [ELAB_FIGURE_ENTROPY]       = "entropy",
  [ELAB_FIGURE_CROSS_ENTROPY] = "cross-entropy",
  [ELAB_FIGURE_SOFTMAX]       = "softmax",
  [ELAB_FIGURE_TRAINING]      = "training",
  [ELAB_FIGURE_LANDSCAPE]     = "landscape",
  [ELAB_FIGURE_TRAINING_BOTH] = "training-both",
};

/**
 * elab_figure_kind_to_string:
 * The figure's name as the command line spells it ("cross-entropy");
 * NULL for an out-of-range kind.
 */
const char *
elab_figure_kind_to_string (ElabFigureKind kind)
{
  if ((guint) kind >= ELAB_N_FIGURES)
    return NULL;
  return kind_names[kind];
}

/**
 * elab_figure_kind_from_string:
 * Parses a figure name (exact, lower case); FALSE for anything else.
 */
gboolean
elab_figure_kind_from_string (const char     *str,
                              ElabFigureKind *res)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < ELAB_N_FIGURES; i++)
    if (strcmp (str, kind_names[i]) == 0)
      {
        if (res)
          *res = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
elab_figure_kind_is_training (ElabFigureKind kind)
{
  return kind == ELAB_FIGURE_TRAINING || kind == ELAB_FIGURE_LANDSCAPE || kind == ELAB_FIGURE_TRAINING_BOTH;
}

gboolean
elab_figure_kind_shows (ElabFigureKind kind,
                        ElabChange     group)
{
  switch (group)
    {
    case ELAB_CHANGE_MODELS:
      return kind == ELAB_FIGURE_ENTROPY;
    case ELAB_CHANGE_PAIR:
      return kind == ELAB_FIGURE_CROSS_ENTROPY;
    case ELAB_CHANGE_RANGE:
      return kind == ELAB_FIGURE_ENTROPY || kind == ELAB_FIGURE_CROSS_ENTROPY;
    case ELAB_CHANGE_SOFTMAX:
      return kind == ELAB_FIGURE_SOFTMAX;
    case ELAB_CHANGE_TRAINING:
      return elab_figure_kind_is_training (kind);
    default:
      return TRUE;
    }
}

/**
 * elab_figure_new:
 * A figure of @kind with empty caches; the first draw sizes them.
 */
ElabFigure *
elab_figure_new (ElabFigureKind kind)
{
  ElabFigure *figure;
  cairo_font_options_t *options;
  static const struct { PangoWeight weight; } font_specs[ELAB_N_FONTS] = {
    [ELAB_FONT_TITLE]  = { PANGO_WEIGHT_BOLD },
    [ELAB_FONT_LABEL]  = { PANGO_WEIGHT_NORMAL },
    [ELAB_FONT_TICK]   = { PANGO_WEIGHT_NORMAL },
    [ELAB_FONT_LEGEND] = { PANGO_WEIGHT_NORMAL },
    [ELAB_FONT_BIG]    = { PANGO_WEIGHT_SEMIBOLD },
  };

  g_return_val_if_fail ((guint) kind < ELAB_N_FIGURES, NULL);

  figure = g_new0 (ElabFigure, 1);
  figure->kind = kind;

  figure->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* Unhinted metrics: text keeps its proportions at every size and
   * scale, so a 2× PNG is the 1× one enlarged. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  pango_cairo_context_set_font_options (figure->pango, options);
  cairo_font_options_destroy (options);

  figure->pango_options = cairo_font_options_create ();
  figure->scratch_options = cairo_font_options_create ();

  for (guint i = 0; i < ELAB_N_FONTS; i++)
    {
      figure->fonts[i] = pango_font_description_from_string ("Sans");
      pango_font_description_set_weight (figure->fonts[i], font_specs[i].weight);
    }

  return figure;
}

void
elab_figure_free (ElabFigure *figure)
{
  if (figure == NULL)
    return;

  if (figure->extra_free && figure->extra)
    figure->extra_free (figure->extra);
  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    g_clear_pointer (&figure->models[i], elab_model_curves_free);
  g_clear_pointer (&figure->pair, elab_pair_curves_free);
  for (guint i = 0; i < ELAB_FIGURE_MAX_TEXTS; i++)
    g_clear_object (&figure->texts[i].layout);
  for (guint i = 0; i < ELAB_N_FONTS; i++)
    pango_font_description_free (figure->fonts[i]);
  g_clear_object (&figure->pango);
  cairo_font_options_destroy (figure->pango_options);
  cairo_font_options_destroy (figure->scratch_options);
  g_free (figure);
}

gboolean
elab_figure_get_heading_cut (const ElabFigure *figure)
{
  g_return_val_if_fail (figure != NULL, FALSE);
  return figure->heading_cut;
}

gboolean
elab_figure_get_caption_box (const ElabFigure *figure,
                             double           *res_box)
{
  g_return_val_if_fail (figure != NULL, FALSE);
  g_return_val_if_fail (res_box != NULL, FALSE);

  res_box[0] = figure->caption_box.x;
  res_box[1] = figure->caption_box.y;
  res_box[2] = figure->caption_box.width;
  res_box[3] = figure->caption_box.height;
  return figure->caption_box.width > 0;
}

void
_elab_figure_ensure_curves (ElabFigure *figure,
                            guint       n)
{
  n = MAX (n, 2);
  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    if (figure->models[i] == NULL || figure->models[i]->capacity < n)
      {
        g_clear_pointer (&figure->models[i], elab_model_curves_free);
        figure->models[i] = elab_model_curves_new (n);
      }
  if (figure->pair == NULL || figure->pair->capacity < n)
    {
      g_clear_pointer (&figure->pair, elab_pair_curves_free);
      figure->pair = elab_pair_curves_new (n);
    }
}

void
_elab_figure_begin (ElabFigure             *figure,
                    cairo_t                *cr,
                    double                  width,
                    double                  height,
                    const ElabFigureStyle  *style)
{
  double pixel_scale = style->pixel_scale > 0 ? style->pixel_scale : 1.0;
  guint serial;

  figure->style = *style;
  figure->width = width;
  figure->height = height;
  _elab_theme_get (style->theme, style->palette, &figure->theme);
  _elab_metrics_compute (width, height, style, &figure->metrics);

  {
    const double px[ELAB_N_FONTS] = {
      [ELAB_FONT_TITLE]  = figure->metrics.title_px,
      [ELAB_FONT_LABEL]  = figure->metrics.label_px,
      [ELAB_FONT_TICK]   = figure->metrics.tick_px,
      [ELAB_FONT_LEGEND] = figure->metrics.legend_px,
      [ELAB_FONT_BIG]    = figure->metrics.big_px,
    };

    for (guint i = 0; i < ELAB_N_FONTS; i++)
      if (figure->font_px[i] != px[i])
        {
          figure->font_px[i] = px[i];
          pango_font_description_set_absolute_size (figure->fonts[i], px[i] * PANGO_SCALE);
        }
  }

  /* pango_cairo_update_context() marks the context changed on every call
   * (so every layout would be reshaped); call it only when the target's
   * font options or the transform differ from last frame's. GTK records
   * the window's figure in logical units and replays it at the window's
   * scale: text is shaped for the pixels it becomes (pixel_scale), so the
   * window and an export at that scale place every glyph alike. */
  {
    cairo_matrix_t m;

    cairo_save (cr);
    cairo_scale (cr, pixel_scale, pixel_scale);
    cairo_get_matrix (cr, &m);
    cairo_surface_get_font_options (cairo_get_target (cr), figure->scratch_options);
    if (!figure->pango_synced
        || m.xx != figure->pango_matrix[0] || m.xy != figure->pango_matrix[1]
        || m.yx != figure->pango_matrix[2] || m.yy != figure->pango_matrix[3]
        || !cairo_font_options_equal (figure->scratch_options, figure->pango_options))
      {
        pango_cairo_update_context (cr, figure->pango);
        figure->pango_matrix[0] = m.xx;
        figure->pango_matrix[1] = m.xy;
        figure->pango_matrix[2] = m.yx;
        figure->pango_matrix[3] = m.yy;
        cairo_font_options_destroy (figure->pango_options);
        figure->pango_options = cairo_font_options_copy (figure->scratch_options);
        figure->pango_synced = TRUE;
      }
    cairo_restore (cr);
  }
  serial = pango_context_get_serial (figure->pango);
  figure->pango_changed = serial != figure->pango_serial;
  figure->pango_serial = serial;

  figure->next_text = 0;
  figure->n_panels = 0;
  figure->n_legend_cut = 0;
  figure->caption_box.width = 0;
  figure->n_readouts = 0;

  cairo_set_tolerance (cr, 0.25);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  cairo_new_path (cr);
}

void
_elab_figure_add_panel (ElabFigure      *figure,
                        const ElabPanel *panel)
{
  if (panel->kind == ELAB_PANEL_NONE || figure->n_panels >= ELAB_FIGURE_MAX_PANELS)
    return;
  figure->panels[figure->n_panels++] = *panel;
}

/**
 * elab_figure_draw:
 * Recomputes the figure's curves from @state and draws the whole figure
 * into (0, 0, width, height) of @cr's user space. Text sizes and line
 * widths follow width and height (see _elab_metrics_compute), so the same
 * call serves a window and a 1920×1080 export. Leaves @cr's state as it
 * found it. Non-finite model values become gaps, never NaN paths.
 */
void
elab_figure_draw (ElabFigure             *figure,
                  cairo_t                *cr,
                  double                  width,
                  double                  height,
                  const ElabState        *state,
                  const ElabTrainer      *trainer,
                  const ElabFigureStyle  *style)
{
  ElabFigureStyle fallback = ELAB_FIGURE_STYLE_INIT;

  g_return_if_fail (figure != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (state != NULL);

  if (style == NULL)
    style = &fallback;
  if (!(width >= 1) || !(height >= 1) || !isfinite (width) || !isfinite (height))
    return;

  cairo_save (cr);
  _elab_figure_begin (figure, cr, width, height, style);
  figure->auto_y_min = figure->auto_y_max = NAN;

  switch (figure->kind)
    {
    case ELAB_FIGURE_ENTROPY:
      _elab_figure_draw_entropy (figure, cr, state);
      break;
    case ELAB_FIGURE_CROSS_ENTROPY:
      _elab_figure_draw_cross_entropy (figure, cr, state);
      break;
    case ELAB_FIGURE_SOFTMAX:
      _elab_figure_draw_softmax (figure, cr, state);
      break;
    case ELAB_FIGURE_TRAINING:
      _elab_figure_draw_training (figure, cr, state, trainer);
      break;
    case ELAB_FIGURE_LANDSCAPE:
      _elab_figure_draw_landscape (figure, cr, state, trainer);
      break;
    case ELAB_FIGURE_TRAINING_BOTH:
      _elab_figure_draw_training_both (figure, cr, state, trainer);
      break;
    case ELAB_N_FIGURES:
    default:
      g_assert_not_reached ();
    }

  /* The caption strings are the caller's; do not keep them past the frame. */
  figure->style.caption = NULL;
  figure->style.caption_room = NULL;
  cairo_restore (cr);
}

gboolean
elab_figure_get_auto_y_range (const ElabFigure *figure,
                              double           *res_min,
                              double           *res_max)
{
  g_return_val_if_fail (figure != NULL, FALSE);

  if (!isfinite (figure->auto_y_min) || !isfinite (figure->auto_y_max))
    return FALSE;
  if (res_min)
    *res_min = figure->auto_y_min;
  if (res_max)
    *res_max = figure->auto_y_max;
  return TRUE;
}

/**
 * elab_figure_pick:
 * Inverts the last frame's data → user-space mapping: the panel under
 * (px, py) gives x (or p for the H(p) arch). Points in a plot area's
 * margins do not count.
 */
gboolean
elab_figure_pick (const ElabFigure *figure,
                  double            px,
                  double            py,
                  double           *res_x,
                  double           *res_p)
{
  g_return_val_if_fail (figure != NULL, FALSE);

  if (res_x)
    *res_x = NAN;
  if (res_p)
    *res_p = NAN;

  for (guint i = 0; i < figure->n_panels; i++)
    {
      const ElabPanel *panel = &figure->panels[i];
      const ElabRect *a = &panel->area;
      double v;

      if (px < a->x || px > a->x + a->width || py < a->y || py > a->y + a->height)
        continue;

      v = CLAMP (_elab_axis_from_px (&panel->x, px), panel->x.min, panel->x.max);
      if (panel->kind == ELAB_PANEL_P)
        {
          if (res_p)
            *res_p = v;
        }
      else if (res_x)
        *res_x = v;
      return TRUE;
    }

  return FALSE;
}
