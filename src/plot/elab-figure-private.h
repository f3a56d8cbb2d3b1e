/* elab-figure-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plot layer's internal drawing primitives, shared by every figure
 * file (elab-figure-*.c): theme colours, sizes that scale with the figure,
 * axes with nice ticks, series, bands, markers, legends and cached text.
 *
 * Conventions: all coordinates are in the user space of the cairo_t the
 * figure draws on; a panel's data→pixel mapping is an ElabAxis per
 * direction; text goes through _elab_text_*(), which reuses one
 * PangoLayout per call site from one frame to the next (slots are handed
 * out in call order and reset at the start of every frame), so a frame
 * whose text did not change shapes nothing. None of these allocate once
 * the figure has drawn its first frame at a given size.
 */
#pragma once

#include <math.h>
#include <pango/pangocairo.h>

#include "elab-curves.h"
#include "elab-figure.h"
#include "elab-number.h"
#include "elab-trainer.h"

G_BEGIN_DECLS

/* ---------------------------------------------------------------- Theme */

typedef struct
{
  double r, g, b, a;
} ElabRgba;

#define ELAB_THEME_N_SERIES 6

typedef struct
{
  ElabRgba background;
  ElabRgba foreground;      /* titles, axis labels */
  ElabRgba muted;           /* tick labels, captions of secondary text */
  ElabRgba axis;            /* the frame of a plot area */
  ElabRgba grid;
  ElabRgba legend_bg;
  ElabRgba legend_border;
  ElabRgba crosshair;
  ElabRgba band;            /* the shaded KL gap, translucent */
  ElabRgba band2;           /* the other KL gap, KL(q‖p), translucent */
  ElabRgba series[ELAB_THEME_N_SERIES];
} ElabTheme;

void     _elab_theme_get          (ElabThemeKind     kind,
                                   ElabPalette       palette,
                                   ElabTheme        *res);
/* The colour of series @index (wraps around). */
const ElabRgba *_elab_theme_series (const ElabTheme *theme,
                                    guint            index);
/* A copy of @color with its alpha multiplied by @alpha. */
ElabRgba _elab_rgba_alpha         (const ElabRgba   *color,
                                   double            alpha);
void     _elab_set_source         (cairo_t          *cr,
                                   const ElabRgba   *color);

/* Every series has its own dash pattern in every palette, so curves differ
 * without colour: 0 solid, 1 dashed, 2 dotted, 3 dash-dot, 4 long dash,
 * 5 dash-dot-dot. Sets dash and line cap on @cr for a line of width
 * @line_width. */
void     _elab_set_dash           (cairo_t          *cr,
                                   guint             index,
                                   double            line_width);
/* Same, starting @offset units into the pattern (to continue a dashed
 * line across separately stroked pieces). */
void     _elab_set_dash_offset    (cairo_t          *cr,
                                   guint             index,
                                   double            line_width,
                                   double            offset);

/* -------------------------------------------------------------- Metrics */

typedef struct
{
  double width;
  double height;
  double base_px;       /* the base font size in user units */
  double title_px;
  double label_px;
  double tick_px;
  double legend_px;
  double big_px;        /* large numbers (softmax read-outs) */
  double line_w;        /* a data series */
  double grid_w;
  double axis_w;
  double marker_r;
  double pad;           /* outer margin and gaps between panels */
} ElabMetrics;

/* Font sizes scale with the figure (≈ height / 40, never below a size a
 * 600 px window can read) times style->type_scale; line widths likewise
 * times style->line_scale. */
void     _elab_metrics_compute    (double                  width,
                                   double                  height,
                                   const ElabFigureStyle  *style,
                                   ElabMetrics            *res);

/* ---------------------------------------------------------------- Axes */

#define ELAB_AXIS_MAX_TICKS 16
#define ELAB_AXIS_MAX_MINOR 96

typedef struct
{
  double   min, max;        /* data range; on a log axis, log10 of it */
  double   px0, px1;        /* user-space position of min and of max */
  double   step;            /* tick spacing, 1, 2 or 5 × 10^k (linear axes) */
  guint    n_ticks;
  double   ticks[ELAB_AXIS_MAX_TICKS];
  /* Log axes (_elab_axis_set_log): the coordinate is log10 of the value,
   * ticks and minor ticks are in that coordinate, labels in the value. */
  gboolean log;
  gboolean powers;          /* label as 10ⁿ (else as decimals: 0.01, 0.5) */
  guint    n_minor;
  double   minor[ELAB_AXIS_MAX_MINOR];
} ElabAxis;

/* The smallest step of the form 1, 2 or 5 × 10^k that puts at most
 * @max_ticks ticks in [min, max]; writes the ticks (multiples of the
 * step, rounding noise removed) and returns their count. Returns 0 for a
 * non-finite or empty range. */
guint    _elab_axis_nice_ticks    (double            min,
                                   double            max,
                                   guint             max_ticks,
                                   double           *res_ticks,
                                   double           *res_step);
/* Rounds @max up to the next multiple of a nice step for [min, max]. */
double   _elab_axis_nice_max      (double            min,
                                   double            max,
                                   guint             max_ticks);
void     _elab_axis_set           (ElabAxis         *axis,
                                   double            min,
                                   double            max,
                                   double            px0,
                                   double            px1,
                                   guint             max_ticks);
/* Ticks of a log10 axis over the coordinates [lmin, lmax] (log10 of the
 * values), at most @max_ticks labelled ones: 1…9 × 10^k when the range
 * is under about a decade, else 1-2-5 or 1-3 × 10^k, else every decade,
 * else every 2nd, 3rd, 5th, 10th … decade; the values in between become
 * unlabelled minor ticks (at most ELAB_AXIS_MAX_MINOR, else none). A
 * range too narrow for two of those gets linear nice ticks (as log10).
 * Returns 0 for a non-finite or empty range. */
guint    _elab_axis_log_ticks     (double            lmin,
                                   double            lmax,
                                   guint             max_ticks,
                                   double           *res_ticks,
                                   double           *res_minor,
                                   guint            *res_n_minor);
/* A log10 axis over the values [min, max] (both > 0; anything else falls
 * back to [0.1, 1], and min = max is widened by half a decade each way).
 * Map values with _elab_axis_value() before _elab_axis_to_px(). */
void     _elab_axis_set_log       (ElabAxis         *axis,
                                   double            min,
                                   double            max,
                                   double            px0,
                                   double            px1,
                                   guint             max_ticks);
/* Tick label with as many decimals as the step needs and a real minus
 * sign (U+2212); never "−0". On a log axis @value is the coordinate and
 * the label is 10^value: "0.01", "0.5", or "10⁻⁶", "2×10⁻⁷". */
void     _elab_axis_format        (const ElabAxis   *axis,
                                   double            value,
                                   char             *buf,
                                   gsize             len);

static inline double
_elab_axis_to_px (const ElabAxis *axis,
                  double          v)
{
  return axis->px0 + (v - axis->min) * (axis->px1 - axis->px0) / (axis->max - axis->min);
}

/* A value in the axis's coordinate: itself on a linear axis; log10 of it
 * on a log axis, where 0, negative values and values below the axis are
 * clamped to the bottom and +∞ to the top, so no −∞ or NaN coordinate
 * ever reaches Cairo (NaN stays NaN: series break there). */
static inline double
_elab_axis_value (const ElabAxis *axis,
                  double          v)
{
  double t;

  if (!axis->log || isnan (v))
    return v;
  if (!(v > 0))
    return axis->min;
  t = log10 (v);
  if (t < axis->min)
    return axis->min;
  return isfinite (t) ? t : axis->max;
}

static inline double
_elab_axis_from_px (const ElabAxis *axis,
                    double          px)
{
  return axis->min + (px - axis->px0) * (axis->max - axis->min) / (axis->px1 - axis->px0);
}

typedef struct
{
  double x, y, width, height;
} ElabRect;

/* What a panel's axes span, in data units. */
typedef struct
{
  double x_min, x_max;
  double y_min, y_max;
} ElabBounds;

typedef enum
{
  ELAB_PANEL_NONE,      /* not pickable */
  ELAB_PANEL_X,         /* horizontal axis is the model input x */
  ELAB_PANEL_P,         /* horizontal axis is a probability p (the arch) */
} ElabPanelKind;

typedef struct
{
  ElabPanelKind kind;
  ElabRect      area;   /* the plot area, inside the axes */
  ElabAxis      x;
  ElabAxis      y;
  double        y_label_out;  /* the y axis title this much further left than
                               * _elab_panel_inset() puts it (wide tick labels) */
} ElabPanel;

/* Sets up both axes of @panel over @area to span @bounds (ticks sized
 * to the metrics). */
void     _elab_panel_init         (ElabFigure       *figure,
                                   ElabPanel        *panel,
                                   ElabPanelKind     kind,
                                   const ElabRect   *area,
                                   const ElabBounds *bounds);
/* Makes @panel's y axis a log10 axis over the values [y_min, y_max], with
 * the tick budget _elab_panel_init() gives that height. */
void     _elab_panel_set_log_y    (ElabFigure       *figure,
                                   ElabPanel        *panel,
                                   double            y_min,
                                   double            y_max);
/* Grid lines, the frame, tick labels, and the axis labels (either may be
 * NULL; y_label is drawn rotated). Registers @panel for elab_figure_pick. */
void     _elab_draw_axes          (ElabFigure       *figure,
                                   cairo_t          *cr,
                                   ElabPanel        *panel,
                                   const char       *x_label,
                                   const char       *y_label);
/* How much wider @panel's widest y tick label is than the column
 * _elab_panel_inset() leaves it between the y axis title and the tick
 * marks, in user units; 0 when they all fit. (A log axis's "0.003" does
 * not fit a narrow panel's column, made for labels such as "0.5".) */
double   _elab_panel_y_ticks_overflow (ElabFigure     *figure,
                                       const ElabPanel *panel);
/* The margins around a plot area that tick labels and axis labels need. */
void     _elab_panel_inset        (ElabFigure       *figure,
                                   const ElabRect   *outer,
                                   gboolean          with_x_label,
                                   gboolean          with_y_label,
                                   ElabRect         *res_area);

/* --------------------------------------------------------------- Series */

/* A curve through (x[i], y[i]), i < n, in data units, with the dash
 * pattern of series @index and its colour, or a colour of its own (the
 * arch). */
typedef struct
{
  const double   *x;
  const double   *y;
  guint           n;
  guint           index;
  const ElabRgba *color;    /* NULL: the colour of series @index */
} ElabSeries;

/* Strokes @series as one path; a non-finite value breaks the line (a gap,
 * never a NaN path); points closer than half a pixel are merged. */
void     _elab_draw_series        (ElabFigure       *figure,
                                   cairo_t          *cr,
                                   const ElabPanel  *panel,
                                   const ElabSeries *series);
/* A filled region between two curves sampled at the same n points x. */
typedef struct
{
  const double   *x;
  const double   *y0;
  const double   *y1;
  guint           n;
  const ElabRgba *color;
  /* FALSE: on an opaque background the colour is pre-blended with it
   * (much faster), so draw the band before the axes' grid. TRUE: always
   * blended over what is under it, so a band drawn over another band
   * shows both. */
  gboolean        over;
} ElabBand;

/* Fills @band; it stops where x, y0 or y1 is non-finite. */
void     _elab_draw_band          (ElabFigure       *figure,
                                   cairo_t          *cr,
                                   const ElabPanel  *panel,
                                   const ElabBand   *band);

/* Adds marker shape @shape (a circle, square, triangle, …; the series
 * index picks it in _elab_draw_marker()) of radius about @r at (@x, @y)
 * to the path, for a caller that fills many at once. */
void     _elab_marker_path        (cairo_t          *cr,
                                   double            x,
                                   double            y,
                                   double            r,
                                   guint             shape);
/* Marker shapes differ per series so points differ without colour. */
void     _elab_draw_marker        (ElabFigure       *figure,
                                   cairo_t          *cr,
                                   double            px,
                                   double            py,
                                   guint             index);
/* A vertical hover line at data x over the panel. */
void     _elab_draw_guess         (ElabFigure       *figure,
                                   cairo_t          *cr,
                                   const ElabPanel  *panel);
void     _elab_draw_crosshair     (ElabFigure       *figure,
                                   cairo_t          *cr,
                                   const ElabPanel  *panel,
                                   double            x);
/* A band swatch with its own opacity and, when @outline, a dashed edge
 * (the softmax target bars). */
void     _elab_draw_block_swatch  (ElabFigure       *figure,
                                   cairo_t          *cr,
                                   const ElabRect   *rect,
                                   guint             index,
                                   double            fill_alpha,
                                   gboolean          outline);
void     _elab_fill_rect          (cairo_t          *cr,
                                   const ElabRect   *rect,
                                   const ElabRgba   *color);
/* A 1-unit line snapped to pixel centres (fast and crisp). */
void     _elab_hline              (cairo_t          *cr,
                                   double            x0,
                                   double            x1,
                                   double            y,
                                   double            width);
void     _elab_vline              (cairo_t          *cr,
                                   double            x,
                                   double            y0,
                                   double            y1,
                                   double            width);

/* ----------------------------------------------------------------- Text */

typedef enum
{
  ELAB_FONT_TITLE,
  ELAB_FONT_LABEL,
  ELAB_FONT_TICK,
  ELAB_FONT_LEGEND,
  ELAB_FONT_BIG,
  ELAB_N_FONTS
} ElabFont;

/* A cached layout; width and height in user units. */
typedef struct
{
  PangoLayout *layout;
  ElabFont     font;
  double       font_px;
  double       max_width;
  gboolean     markup;
  gboolean     wrap;        /* wrapped at max_width instead of cut */
  gboolean     scaled;      /* markup resizes or shifts runs (<sub>) */
  gboolean     cut;         /* the layout holds a hand-cut copy */
  double       width;
  double       height;
  char         text[192];
} ElabText;

/* Layout for @text in @font, taken from the next slot of this frame's
 * cache and reshaped only if text, font or size differ from last frame.
 * NULL when the style draws no text. @markup takes Pango markup (for
 * H<sub>q</sub>(p)). With @wrap, the text is word-wrapped to lines of at
 * most @max_width (never cut). Without, @max_width > 0 ends the line in
 * "…" at that width; markup with sub- or superscripts is cut by hand
 * before the ellipsis (Pango's own ellipsis would split the scaled run and
 * warn "Leftover font scales"), and a line that fits is laid out exactly
 * as without a width. */
ElabText *_elab_text              (ElabFigure       *figure,
                                   ElabFont          font,
                                   const char       *text,
                                   gboolean          markup,
                                   double            max_width,
                                   gboolean          wrap);
/* Marching squares: appends to @segments (4 doubles each: x0, y0, x1,
 * y1, in grid cells) the contour at @lv of the @nx × @ny values in
 * @grid, rows of x. */
void      _elab_contour_level     (const double      *grid,
                                   guint              nx,
                                   guint              ny,
                                   double             lv,
                                   GArray            *segments);
/* Copies into @res the first of @lines (markup, in the label font) whose
 * @probes version fits the figure's width, its padding aside: a line such
 * as a subtitle, given from the fullest to the shortest, loses whole parts
 * rather than end in "…", measured with its widest variable end (@probes)
 * so that it does not change version as a run goes on. The last when none
 * fits; the first when the style draws no text. Frees both arrays' strings. */
void      _elab_choose_line       (ElabFigure        *figure,
                                   char              *res,
                                   gsize              size,
                                   char             **lines,
                                   char             **probes,
                                   guint              n_lines);
/* TRUE when @text (may be NULL) shows less than its whole string. */
gboolean  _elab_text_is_cut       (const ElabText   *text);
/* The width @text would take, from its count of visible characters
 * (0.52 em each): the layout decisions of a figure drawn without text
 * (golden images), where no font may be asked. */
double    _elab_text_estimate_width (ElabFigure     *figure,
                                   ElabFont          font,
                                   const char       *text,
                                   gboolean          markup);
/* How _elab_draw_text() sets a text: its font, whether it is Pango
 * markup, its colour, and which point of its box stands at the given
 * position: ax, ay ∈ [0, 1] (0, 0 top left; 0.5, 0.5 centre; 1, 1
 * bottom right). */
typedef struct
{
  ElabFont        font;
  gboolean        markup;
  double          ax, ay;
  const ElabRgba *color;
} ElabTextStyle;

/* Draws @text in @style with its box anchored at (x, y). Returns the
 * width drawn (0 when text is off). */
double    _elab_draw_text         (ElabFigure          *figure,
                                   cairo_t             *cr,
                                   const ElabTextStyle *style,
                                   const char          *text,
                                   double               x,
                                   double               y);
/* Same, rotated by −90° (reads bottom to top) around (x, y). */
void      _elab_draw_text_vertical (ElabFigure      *figure,
                                   cairo_t          *cr,
                                   ElabFont          font,
                                   const char       *text,
                                   double            x,
                                   double            y,
                                   const ElabRgba   *color);
/* Same for a text already laid out (by _elab_text, perhaps cut to a
 * length): its box centred on y, its top edge at x. */
void      _elab_show_text_vertical (cairo_t         *cr,
                                   const ElabText   *t,
                                   double            x,
                                   double            y,
                                   const ElabRgba   *color);
/* A value for people (elab_number_format()'s ELAB_NUMBER_VALUE), followed
 * by " unit" when @unit is not NULL. */
void      _elab_format_value      (double            value,
                                   const char       *unit,
                                   char             *buf,
                                   gsize             len);

/* θx + b as a teacher writes it: "2x − 1", "x", "0.5x + 2". */
void      _elab_format_affine     (double            theta,
                                   double            bias,
                                   char             *buf,
                                   gsize             len);

/* ------------------------------------------------------ Figure chrome */

/* Background (theme colour unless transparent), the title and an optional
 * subtitle line (a tab in it separates a changing part from a constant
 * one, each cached on its own) cut to the figure's width with "…" (never
 * through a sub/superscript); returns the rectangle left for panels. */
void     _elab_draw_frame         (ElabFigure       *figure,
                                   cairo_t          *cr,
                                   const char       *title,
                                   gboolean          title_markup,
                                   const char       *subtitle,
                                   ElabRect         *res_body);

#define ELAB_LEGEND_NO_SWATCH G_MAXUINT

/* What a legend entry's swatch shows: what the figure draws for it. */
typedef enum
{
  ELAB_SWATCH_LINE_MARKER = 0,  /* the series' line with its marker */
  ELAB_SWATCH_LINE,             /* the line alone */
  ELAB_SWATCH_MARKER,           /* the marker alone */
  ELAB_SWATCH_DOT,              /* a filled circle: a data point */
  ELAB_SWATCH_CROSS,            /* a haloed ×: the landscape's optimum */
  ELAB_SWATCH_TRIANGLE,         /* a filled triangle: a data point of the
                                 * other class where colour is not enough */
} ElabSwatch;

typedef struct
{
  const char *label;        /* Pango markup */
  const char *value;        /* right-aligned, may be NULL */
  guint       series;       /* colour / dash / marker index, or
                             * ELAB_LEGEND_NO_SWATCH */
  gboolean    band;         /* a filled swatch instead of a line */
  double      fill_alpha;   /* a band swatch's opacity; 0 means 0.3 */
  gboolean    outline;      /* a band swatch with a dashed outline */
  const char *detail;       /* Pango markup after the label ("θ = 1,
                             * b = 0"), on a line of its own when the
                             * entry takes two lines; may be NULL */
  const ElabRgba *band_color; /* a band swatch's colour; NULL: the theme's band */
  ElabSwatch  swatch;       /* a line swatch's kind */
} ElabLegendEntry;

/* A boxed legend in @box, one entry per row (1.75 × legend font) while
 * every label fits beside its swatch and value. Otherwise each entry
 * takes two lines, the value under its label, and a label too wide for
 * even that wraps: names are never cut. A heading wider than the box
 * wraps. Only when @box is too short for two lines an entry (a height the
 * caller fixed) are labels cut to one row each, as before. Entries that
 * do not fit in @box->height are left out. Returns the height used. */
double   _elab_draw_legend        (ElabFigure            *figure,
                                   cairo_t               *cr,
                                   const ElabRect        *box,
                                   const ElabLegendEntry *entries,
                                   guint                  n_entries,
                                   const char            *heading);
/* The height _elab_draw_legend() needs at @width to show every entry and
 * every name whole (measured, or estimated when the style draws no text). */
double   _elab_legend_height      (ElabFigure            *figure,
                                   double                 width,
                                   const ElabLegendEntry *entries,
                                   guint                  n_entries,
                                   const char            *heading);
/* TRUE when at @width every entry of that legend fits on one row, name
 * and value side by side (the heading may still wrap). */
gboolean _elab_legend_fits_rows   (ElabFigure            *figure,
                                   double                 width,
                                   const ElabLegendEntry *entries,
                                   guint                  n_entries,
                                   const char            *heading);
double   _elab_legend_row_height  (ElabFigure            *figure);

/* The scene caption (style->caption) in a box along the bottom of @body. */
void     _elab_draw_caption       (ElabFigure       *figure,
                                   cairo_t          *cr,
                                   const ElabRect   *body);

/* A centred "nothing to show" message over @body. */
void     _elab_draw_placeholder   (ElabFigure       *figure,
                                   cairo_t          *cr,
                                   const ElabRect   *body,
                                   const char       *message);

/* ------------------------------------------------------ Worked formula */

/* One line of a worked formula (elab-formula.c). */
typedef struct
{
  const char     *markup;
  ElabFont        font;     /* ELAB_FONT_BIG for the line that matters */
  const ElabRgba *color;    /* NULL: the theme's foreground */
  gboolean        same_row; /* beside the line before when both fit */
  gboolean        optional; /* the first to go when space is short */
} ElabFormulaLine;

gboolean _elab_formula_prob_pair  (double                 z,
                                   char                  *res_p,
                                   char                  *res_q,
                                   gsize                  len);
char    *_elab_formula_binary     (const char            *lhs,
                                   double                 z_a,
                                   double                 z_b,
                                   ElabUnit               unit,
                                   double                 value);
char    *_elab_formula_prob       (const char            *name,
                                   const ElabLogistic    *model,
                                   double                 x);
void     _elab_formula_color      (const ElabRgba        *color,
                                   char                  *buf,
                                   gsize                  len);
double   _elab_formula_height     (ElabFigure            *figure,
                                   double                 width,
                                   const ElabFormulaLine *lines,
                                   guint                  n_lines);
guint    _elab_formula_fit        (ElabFigure            *figure,
                                   double                 width,
                                   double                 max_height,
                                   ElabFormulaLine       *lines,
                                   guint                  n_lines);
double   _elab_draw_formula       (ElabFigure            *figure,
                                   cairo_t               *cr,
                                   const ElabRect        *box,
                                   const ElabFormulaLine *lines,
                                   guint                  n_lines);

/* --------------------------------------------------------------- Figure */

#define ELAB_FIGURE_MAX_PANELS 4
#define ELAB_FIGURE_MAX_TEXTS  256

struct _ElabFigure
{
  ElabFigureKind   kind;

  /* Owned: sampled curves, grown only when state->samples grows */
  ElabModelCurves *models[ELAB_MAX_MODELS];
  ElabPairCurves  *pair;

  /* Owned: text cache */
  PangoContext         *pango;
  PangoFontDescription *fonts[ELAB_N_FONTS];
  double                font_px[ELAB_N_FONTS];
  ElabText              texts[ELAB_FIGURE_MAX_TEXTS];
  guint                 next_text;
  guint                 pango_serial;
  gboolean              pango_changed;   /* this frame: re-measure every text */
  /* What the Pango context was last matched to: updating it bumps its
   * serial and reshapes every layout, so only do it when these change. */
  gboolean              pango_synced;
  double                pango_matrix[4];
  cairo_font_options_t *pango_options;
  cairo_font_options_t *scratch_options;

  /* Per frame (valid during and after a draw) */
  ElabTheme              theme;
  ElabMetrics            metrics;
  ElabFigureStyle        style;
  double                 width;
  double                 height;

  /* Last frame's own y range of its main panel, NAN when fixed by the
   * math, for elab_figure_get_auto_y_range() */
  double           auto_y_min;
  double           auto_y_max;

  /* Last frame's panels, for elab_figure_pick() */
  ElabPanel        panels[ELAB_FIGURE_MAX_PANELS];
  guint            n_panels;

  /* Last frame's layout, for tests: legend names shown cut or left out
   * (should stay 0), and the read-outs drawn on the plots: the softmax
   * read-outs (label and number), the cross-entropy's term labels. */
  guint            n_legend_cut;
  ElabRect         readouts[5];
  guint            n_readouts;
  /* The worked formula's block (width 0 when there is none) and whether
   * it had to run past the figure's bottom. */
  ElabRect         formula_box;
  gboolean         formula_cut;

  /* Owned by the training figures (elab-figure-training.c); freed with
   * @extra_free. */
  gpointer         extra;
  GDestroyNotify   extra_free;

  /* Set by a figure before _elab_draw_frame, for that one call: device
   * pixels (x, y, width, height) the frame's background need not clear,
   * because the figure covers them with an opaque image or clears them
   * itself. Width 0: none. */
  int              clear_hole[4];
  gboolean         heading_cut;   /* the last frame's title or subtitle */
  ElabRect         caption_box;   /* the last frame's caption; width 0: none */
  double           caption_scale; /* this frame's caption type, a fraction of
                                   * the label font's (a long caption steps
                                   * down so the plots keep their room) */
  /* The last frame's labels of a question's guess and answers. */
  ElabRect         guess_labels[1 + ELAB_ANSWER_MAX];
  guint            n_guess_labels;
};

/* Starts a frame: theme, metrics, text slots, cleared panels. */
void     _elab_figure_begin       (ElabFigure             *figure,
                                   cairo_t                *cr,
                                   double                  width,
                                   double                  height,
                                   const ElabFigureStyle  *style);
/* Remembers @panel for elab_figure_pick (at most ELAB_FIGURE_MAX_PANELS). */
void     _elab_figure_add_panel   (ElabFigure             *figure,
                                   const ElabPanel        *panel);
/* Makes sure the curve caches hold @n samples (allocates only on growth). */
void     _elab_figure_ensure_curves (ElabFigure           *figure,
                                     guint                 n);

void     _elab_figure_draw_entropy       (ElabFigure            *figure,
                                          cairo_t               *cr,
                                          const ElabState       *state);
void     _elab_figure_draw_cross_entropy (ElabFigure            *figure,
                                          cairo_t               *cr,
                                          const ElabState       *state);
void     _elab_figure_draw_softmax       (ElabFigure            *figure,
                                          cairo_t               *cr,
                                          const ElabState       *state);
void     _elab_figure_draw_training      (ElabFigure            *figure,
                                          cairo_t               *cr,
                                          const ElabState       *state,
                                          const ElabTrainer     *trainer);
void     _elab_figure_draw_landscape     (ElabFigure            *figure,
                                          cairo_t               *cr,
                                          const ElabState       *state,
                                          const ElabTrainer     *trainer);
void     _elab_figure_draw_training_both (ElabFigure            *figure,
                                          cairo_t               *cr,
                                          const ElabState       *state,
                                          const ElabTrainer     *trainer);
/* A cached layer (elab-layer.c): a rarely changing part of a figure at
 * device resolution, composited per frame. */
typedef struct
{
  cairo_surface_t *surface;   /* NULL until first rendered */
  int              x, y;      /* its top-left corner, layer pixels */
  double           scale;     /* layer pixels per device unit */
} ElabLayer;

/* Where a layer for @area goes: its device rectangle (x0, y0, x1, y1) and
 * the whole layer pixels around it (the device rectangle times the style's
 * pixel_scale on GTK's recording surfaces, where the window's scale is
 * applied later; the same elsewhere). FALSE when @cr's target is not made
 * of pixels at user space's scale (SVG, PDF) or the transformation is not
 * a uniform scale and translation: draw the vectors then. */
gboolean _elab_layer_place             (ElabFigure             *figure,
                                        cairo_t                *cr,
                                        const ElabRect         *area,
                                        double                  res_device[4],
                                        int                     res_pixels[4]);
/* A cleared layer over @pixels with @cr's user space; draw, then end. */
cairo_t *_elab_layer_begin             (ElabLayer              *layer,
                                        ElabFigure             *figure,
                                        cairo_t                *cr,
                                        const int               pixels[4],
                                        cairo_format_t          format);
void     _elab_layer_end               (ElabLayer              *layer,
                                        cairo_t                *lcr);
void     _elab_layer_paint             (const ElabLayer        *layer,
                                        cairo_t                *cr);
void     _elab_layer_clear             (ElabLayer              *layer);

/* A training run's state in words ("no finite optimum"), for figures;
 * @paused: ElabFigureStyle.paused. */
const char *_elab_train_status_label     (const ElabTrainer     *trainer,
                                          gboolean               paused);

G_END_DECLS
