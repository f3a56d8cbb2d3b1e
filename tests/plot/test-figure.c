/* test-figure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Golden images drawn without text (fonts differ by machine) compared
 * with a per-pixel tolerance; pick; non-finite parameters.
 * ELAB_UPDATE_REFS=1 rewrites the references in the source tree.
 */

#include <string.h>

#include "elab-dataset.h"
#include "elab-export.h"
#include "elab-presets.h"
#include "elab-figure-private.h"
#include "elab-trainer.h"

#include "plot-test-util.h"

/* From elab-figure-training.c. */
gboolean _elab_figure_training_get_y_labels (const ElabFigure *figure,
                                             ElabRect          res_extents[2],
                                             const char       *res_texts[2]);
gboolean _elab_figure_training_get_loss_panel (const ElabFigure *figure,
                                               ElabPanel        *res);
gboolean _elab_figure_training_get_other_panel (const ElabFigure *figure,
                                                ElabPanel        *res);

#define GOLDEN_W 480
#define GOLDEN_H 320
/* A pixel differs when a channel moves by more than this; a figure fails
 * when more than 0.2 % of its pixels differ (antialiasing may vary by a
 * Cairo or pixman release, a moved curve or panel never stays that small). */
#define CHANNEL_TOLERANCE 24
#define MAX_DIFF_FRACTION 0.002

typedef struct
{
  const char     *name;
  ElabFigureKind  kind;
  ElabThemeKind   theme;
  ElabPalette     palette;
  double          hover_x;
  ElabNotation    notation;
  void          (*setup) (ElabState *state);   /* after the lesson's state, or NULL */
  guint           train_steps;                 /* > 0: a run of the state's
                                                * training settings, this far */
} Golden;

/* p and q far enough apart that KL(p‖q) and KL(q‖p) are two different
 * areas. */
static void
kl_both (ElabState *state)
{
  state->q = ELAB_LOGISTIC_INIT (3.0, -1.5);
  state->kl_gap = ELAB_KL_GAP_BOTH;
}

static void
formula_at_1 (ElabState *state)
{
  state->formula = TRUE;
  state->formula_at = 1.0;
}

/* The normalised tanh of x on the logistic of 2x: one curve, drawn so
 * both show. */
static void
tanh_output (ElabState *state)
{
  state->models[0].output = ELAB_OUTPUT_TANH;
  state->model_enabled[2] = FALSE;
}

/* A class 2000 below the top: its terms are finite, drawn off the scale. */
static void
softmax_terms (ElabState *state)
{
  static const double logits[] = { 0, -2000, 1, 0.5 };

  state->k = 4;
  memcpy (state->logits, logits, sizeof logits);
  for (guint i = 0; i < 4; i++)
    state->target[i] = 0.25;
  state->softmax_terms = TRUE;
}

static void
kl_qp (ElabState *state)
{
  state->q = ELAB_LOGISTIC_INIT (3.0, -1.5);
  state->kl_gap = ELAB_KL_GAP_QP;
}

/* The confidently wrong start, trained on the squared error with the
 * cross-entropy's run beside it. */
static void
squared_error_stall (ElabState *state)
{
  g_assert_true (elab_presets_apply ("squared-error-stall", state));
  state->page = ELAB_PAGE_TRAINING;
}

static const Golden goldens[] = {
  { "entropy-light", ELAB_FIGURE_ENTROPY, ELAB_THEME_LIGHT, ELAB_PALETTE_DEFAULT, NAN, ELAB_NOTATION_STANDARD },
  { "entropy-dark-hover", ELAB_FIGURE_ENTROPY, ELAB_THEME_DARK, ELAB_PALETTE_COLORBLIND, 1.5, ELAB_NOTATION_STANDARD },
  { "cross-entropy-light", ELAB_FIGURE_CROSS_ENTROPY, ELAB_THEME_LIGHT, ELAB_PALETTE_DEFAULT, NAN, ELAB_NOTATION_STANDARD },
  { "cross-entropy-cb-hover", ELAB_FIGURE_CROSS_ENTROPY, ELAB_THEME_LIGHT, ELAB_PALETTE_COLORBLIND, -2.0, ELAB_NOTATION_SUBSCRIPT },
  { "softmax-light", ELAB_FIGURE_SOFTMAX, ELAB_THEME_LIGHT, ELAB_PALETTE_DEFAULT, NAN, ELAB_NOTATION_STANDARD },
  { "softmax-dark", ELAB_FIGURE_SOFTMAX, ELAB_THEME_DARK, ELAB_PALETTE_DEFAULT, NAN, ELAB_NOTATION_STANDARD },
  { "cross-entropy-kl-both", ELAB_FIGURE_CROSS_ENTROPY, ELAB_THEME_LIGHT, ELAB_PALETTE_DEFAULT, NAN, ELAB_NOTATION_STANDARD, kl_both },
  { "cross-entropy-formula", ELAB_FIGURE_CROSS_ENTROPY, ELAB_THEME_LIGHT, ELAB_PALETTE_DEFAULT, NAN, ELAB_NOTATION_STANDARD, formula_at_1 },
  { "entropy-formula", ELAB_FIGURE_ENTROPY, ELAB_THEME_LIGHT, ELAB_PALETTE_DEFAULT, NAN, ELAB_NOTATION_STANDARD, formula_at_1 },
  { "entropy-tanh-output", ELAB_FIGURE_ENTROPY, ELAB_THEME_LIGHT, ELAB_PALETTE_DEFAULT, NAN, ELAB_NOTATION_STANDARD, tanh_output },
  { "softmax-terms", ELAB_FIGURE_SOFTMAX, ELAB_THEME_LIGHT, ELAB_PALETTE_DEFAULT, NAN, ELAB_NOTATION_STANDARD, softmax_terms },
  { "cross-entropy-kl-qp-dark-cb", ELAB_FIGURE_CROSS_ENTROPY, ELAB_THEME_DARK, ELAB_PALETTE_COLORBLIND, 0.5, ELAB_NOTATION_STANDARD, kl_qp },
  { "training-compare-losses", ELAB_FIGURE_TRAINING, ELAB_THEME_LIGHT, ELAB_PALETTE_DEFAULT, NAN, ELAB_NOTATION_STANDARD,
    squared_error_stall, 2000 },
  { "landscape-compare-losses", ELAB_FIGURE_LANDSCAPE, ELAB_THEME_LIGHT, ELAB_PALETTE_DEFAULT, NAN, ELAB_NOTATION_STANDARD,
    squared_error_stall, 2000 },
  { "training-cb", ELAB_FIGURE_TRAINING, ELAB_THEME_LIGHT, ELAB_PALETTE_COLORBLIND, NAN, ELAB_NOTATION_STANDARD,
    NULL, 200 },
};

static void
lesson_state (ElabState *state)
{
  elab_state_init_default (state);
  state->model_enabled[2] = TRUE;
}

static cairo_surface_t *
render_run (ElabFigure            *figure,
            const ElabState       *state,
            const ElabTrainer     *trainer,
            const ElabFigureStyle *style,
            int                    width,
            int                    height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  elab_figure_draw (figure, cr, width, height, state, trainer, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_surface_t *
render (ElabFigure            *figure,
        const ElabState       *state,
        const ElabFigureStyle *style,
        int                    width,
        int                    height)
{
  return render_run (figure, state, NULL, style, width, height);
}

static int
channel_diff (guint32 a,
              guint32 b)
{
  int res = 0;

  for (int s = 0; s < 32; s += 8)
    res = MAX (res, ABS ((int) ((a >> s) & 0xff) - (int) ((b >> s) & 0xff)));
  return res;
}

static void
test_golden (gconstpointer data)
{
  const Golden *g = data;
  g_autoptr(ElabFigure) figure = elab_figure_new (g->kind);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  g_autofree char *ref_path = g_strdup_printf ("%s/%s.png", ELAB_PLOT_REF_DIR, g->name);
  g_autoptr(ElabTrainer) trainer = NULL;
  cairo_surface_t *out, *ref, *diff;
  ElabState state;
  guint n_diff = 0;

  lesson_state (&state);
  state.notation = g->notation;
  if (g->setup != NULL)
    g->setup (&state);
  style.theme = g->theme;
  style.palette = g->palette;
  style.hover_x = g->hover_x;
  style.draw_text = FALSE;
  if (g->train_steps > 0)
    {
      g_autoptr(GError) error = NULL;

      trainer = elab_trainer_new_for_state (&state, &error);
      g_assert_no_error (error);
      elab_trainer_step (trainer, g->train_steps);
    }
  out = render_run (figure, &state, trainer, &style, GOLDEN_W, GOLDEN_H);

  if (g_strcmp0 (g_getenv ("ELAB_UPDATE_REFS"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (out, ref_path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", ref_path);
      cairo_surface_destroy (out);
      return;
    }

  ref = cairo_image_surface_create_from_png (ref_path);
  if (cairo_surface_status (ref) != CAIRO_STATUS_SUCCESS)
    {
      g_test_message ("missing reference %s (run with ELAB_UPDATE_REFS=1)", ref_path);
      g_test_fail ();
      cairo_surface_destroy (ref);
      cairo_surface_destroy (out);
      return;
    }
  g_assert_cmpint (cairo_image_surface_get_width (ref), ==, GOLDEN_W);
  g_assert_cmpint (cairo_image_surface_get_height (ref), ==, GOLDEN_H);

  diff = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, GOLDEN_W, GOLDEN_H);
  {
    guint8 *dd = cairo_image_surface_get_data (diff);
    int ds = cairo_image_surface_get_stride (diff);

    for (int y = 0; y < GOLDEN_H; y++)
      for (int x = 0; x < GOLDEN_W; x++)
        {
          int d = channel_diff (pixel (out, x, y), pixel (ref, x, y));

          if (d > CHANNEL_TOLERANCE)
            n_diff++;
          /* Red where it differs beyond tolerance, grey elsewhere. */
          ((guint32 *) (dd + y * ds))[x] = d > CHANNEL_TOLERANCE ? 0xffff0000
                                           : 0xff000000 | (0x010101u * (guint32) (255 - MIN (255, d * 8)));
        }
    cairo_surface_mark_dirty (diff);
  }

  if (n_diff > MAX_DIFF_FRACTION * GOLDEN_W * GOLDEN_H)
    {
      g_autofree char *o = g_strdup_printf ("%s/%s-out.png", ELAB_PLOT_OUT_DIR, g->name);
      g_autofree char *r = g_strdup_printf ("%s/%s-ref.png", ELAB_PLOT_OUT_DIR, g->name);
      g_autofree char *d = g_strdup_printf ("%s/%s-diff.png", ELAB_PLOT_OUT_DIR, g->name);

      cairo_surface_write_to_png (out, o);
      cairo_surface_write_to_png (ref, r);
      cairo_surface_write_to_png (diff, d);
      g_test_message ("%s: %u pixels differ (of %d); see %s %s %s",
                      g->name, n_diff, GOLDEN_W * GOLDEN_H, o, r, d);
      g_test_fail ();
    }

  cairo_surface_destroy (diff);
  cairo_surface_destroy (ref);
  cairo_surface_destroy (out);
}

static void
test_kind_names (void)
{
  static const char * const names[] = { "entropy", "cross-entropy", "softmax", "training", "landscape" };
  ElabFigureKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (elab_figure_kind_from_string (names[i], &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_cmpstr (elab_figure_kind_to_string (kind), ==, names[i]);
    }
  g_assert_false (elab_figure_kind_from_string ("Entropy", &kind));
  g_assert_false (elab_figure_kind_from_string ("", &kind));
  g_assert_false (elab_figure_kind_from_string (NULL, &kind));
  g_assert_null (elab_figure_kind_to_string (ELAB_N_FIGURES));
}

/* The column the hover cross-hair is drawn at: the column of the left
 * part of the figure where the most pixels change when hover is set. */
static int
crosshair_column (cairo_surface_t *a,
                  cairo_surface_t *b,
                  int              width,
                  int              height)
{
  int best = -1, best_count = 0;

  for (int x = 0; x < width * 6 / 10; x++)
    {
      int count = 0;

      for (int y = 0; y < height; y++)
        count += pixel (a, x, y) != pixel (b, x, y);
      if (count > best_count)
        best_count = count, best = x;
    }
  g_assert_cmpint (best_count, >, height / 3);
  return best;
}

/* Contours of a narrow valley along cells' diagonals (the cross-entropy
 * of a data set with a large mean x, as Challenger's in °F) are one
 * closed line, not a string of islands: each saddle cell's low corners
 * are joined through its low centre. */
static guint
find_root (guint *parent,
           guint  k)
{
  while (parent[k] != k)
    k = parent[k] = parent[parent[k]];
  return k;
}

static void
test_contour_valley (void)
{
  enum { N = 40 };
  double grid[N * N];
  g_autoptr (GArray) segments = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GHashTable) ends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint *parent = NULL;
  guint n_seg, n_ends = 0, n_parts = 0;

  /* Convex, its valley on x + y = N − 1 through grid points. */
  for (guint j = 0; j < N; j++)
    for (guint i = 0; i < N; i++)
      {
        double u = (i + j - (N - 1.0)) / (N - 1.0), v = ((double) i - j) / (N - 1.0);

        grid[j * N + i] = 5000 * u * u + v * v;
      }
  _elab_contour_level (grid, N, N, 0.3, segments);
  n_seg = segments->len / 4;
  g_assert_cmpuint (n_seg, >, 20);
  parent = g_new (guint, 2 * n_seg);
  for (guint k = 0; k < 2 * n_seg; k++)
    {
      const double *p = &g_array_index (segments, double, 2 * k);
      g_autofree char *key = g_strdup_printf ("%.6f %.6f", p[0], p[1]);
      gpointer at;

      parent[k] = k;
      if (g_hash_table_lookup_extended (ends, key, NULL, &at))
        parent[find_root (parent, k)] = find_root (parent, GPOINTER_TO_UINT (at));
      else
        g_hash_table_insert (ends, g_steal_pointer (&key), GUINT_TO_POINTER (k)), n_ends++;
      if (k % 2 == 1)
        parent[find_root (parent, k)] = find_root (parent, k - 1);
    }
  for (guint k = 0; k < 2 * n_seg; k++)
    n_parts += find_root (parent, k) == k;
  /* One closed line: one part, each end shared by two segments. */
  g_assert_cmpuint (n_parts, ==, 1);
  g_assert_cmpuint (n_ends, ==, n_seg);
}

static void
test_pick (void)
{
  g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_CROSS_ENTROPY);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  const int w = 960, h = 540;
  cairo_surface_t *plain, *hovered;
  double x, p, x_left = NAN, x_right = NAN;
  int col, first = -1, last = -1;
  ElabState state;

  lesson_state (&state);
  style.draw_text = FALSE;
  plain = render (figure, &state, &style, w, h);
  style.hover_x = 1.5;
  hovered = render (figure, &state, &style, w, h);

  /* The pixel the figure drew the cross-hair at picks back to x = 1.5
   * (within a pixel's worth of x). */
  col = crosshair_column (plain, hovered, w, h);
  g_assert_true (elab_figure_pick (figure, col + 0.5, h / 2.0, &x, &p));
  g_assert_true (isnan (p));
  g_assert_cmpfloat (fabs (x - 1.5), <=, (state.x_max - state.x_min) / (w / 2.0));

  /* Across the plot area: monotonic, from x_min to x_max. */
  for (int px = 0; px < w; px++)
    if (elab_figure_pick (figure, px + 0.5, h / 2.0, &x, NULL))
      {
        if (first < 0)
          first = px, x_left = x;
        last = px, x_right = x;
      }
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (last, <, w - 1);
  g_assert_cmpfloat (fabs (x_left - state.x_min), <, 0.05);
  g_assert_cmpfloat (fabs (x_right - state.x_max), <, 0.05);

  /* Outside every plot area. */
  g_assert_false (elab_figure_pick (figure, 1, 1, &x, &p));
  g_assert_true (isnan (x) && isnan (p));
  g_assert_false (elab_figure_pick (figure, w - 2, h - 2, &x, &p));

  cairo_surface_destroy (plain);
  cairo_surface_destroy (hovered);
}

static void
test_pick_arch (void)
{
  g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_ENTROPY);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  const int w = 960, h = 540;
  gboolean saw_x = FALSE, saw_p = FALSE;
  double prev_p = -1;
  cairo_surface_t *s;
  ElabState state;

  lesson_state (&state);
  s = render (figure, &state, &style, w, h);

  /* Along a row through the upper panels: first the x panel, then the
   * arch, whose p rises from 0 to 1. */
  for (int px = 0; px < w; px++)
    {
      double x, p;

      if (!elab_figure_pick (figure, px + 0.5, h * 0.3, &x, &p))
        continue;
      if (!isnan (x))
        {
          g_assert_true (isnan (p));
          g_assert_false (saw_p);
          saw_x = TRUE;
        }
      else
        {
          g_assert_cmpfloat (p, >=, 0);
          g_assert_cmpfloat (p, <=, 1);
          g_assert_cmpfloat (p, >, prev_p);
          prev_p = p;
          saw_p = TRUE;
        }
    }
  g_assert_true (saw_x && saw_p);
  g_assert_cmpfloat (prev_p, >, 0.99);
  cairo_surface_destroy (s);
}

/* Fraction of pixels equal to the corner (background) pixel. */
static double
background_fraction (cairo_surface_t *s,
                     int              w,
                     int              h)
{
  guint32 bg = pixel (s, 0, 0);
  guint n = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      n += pixel (s, x, y) == bg;
  return (double) n / (w * h);
}

static void
test_non_finite (void)
{
  const int w = 640, h = 400;

  for (ElabFigureKind kind = ELAB_FIGURE_ENTROPY; kind <= ELAB_FIGURE_SOFTMAX; kind++)
    for (guint variant = 0; variant < 3; variant++)
      {
        g_autoptr(ElabFigure) figure = elab_figure_new (kind);
        ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
        double big = variant == 0 ? 1e6 : variant == 1 ? -1e300 : NAN;
        cairo_surface_t *s;
        ElabState state;
        double frac;

        lesson_state (&state);
        state.models[0].theta = big;
        state.models[1].bias = big;
        state.q.theta = big;
        state.p.bias = variant == 2 ? 0 : -big;
        state.logits[0] = variant == 2 ? INFINITY : big;
        style.hover_x = 0.25;
        style.hover_p = 0.5;

        s = render (figure, &state, &style, w, h);
        /* Sane: the background is the theme's white, and the picture is
         * neither empty nor flooded by a runaway path. */
        g_assert_cmphex (pixel (s, 0, 0), ==, 0xffffffff);
        g_assert_cmphex (pixel (s, w - 1, h - 1), ==, 0xffffffff);
        frac = background_fraction (s, w, h);
        g_assert_cmpfloat (frac, >, 0.4);
        g_assert_cmpfloat (frac, <, 0.995);
        cairo_surface_destroy (s);
      }
}

static void
test_text_cache_stable (void)
{
  g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_CROSS_ENTROPY);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  PangoLayout *first[ELAB_FIGURE_MAX_TEXTS];
  cairo_surface_t *a, *b;
  ElabState state;
  guint n;

  lesson_state (&state);
  style.hover_x = 1;
  a = render (figure, &state, &style, 800, 500);
  n = figure->next_text;
  g_assert_cmpuint (n, >, 10);
  g_assert_cmpuint (n, <, ELAB_FIGURE_MAX_TEXTS);
  for (guint i = 0; i < n; i++)
    first[i] = figure->texts[i].layout;

  /* A second frame reuses every layout object, and draws the same pixels. */
  b = render (figure, &state, &style, 800, 500);
  g_assert_cmpuint (figure->next_text, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (figure->texts[i].layout == first[i]);
  /* Same target: the Pango context was left alone, so nothing reshaped. */
  g_assert_false (figure->pango_changed);
  g_assert_cmpmem (cairo_image_surface_get_data (a), 800 * 4 * 500,
                   cairo_image_surface_get_data (b), 800 * 4 * 500);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

typedef struct
{
  const guint8 *data;
  gsize         left;
} PngReader;

static cairo_status_t
png_read_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *r = closure;

  if (length > r->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, r->data, length);
  r->data += length;
  r->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

/* The window's figure is what GTK does with it: drawn into a recording
 * surface (gtk_snapshot_append_cairo) and replayed at the window's scale.
 * The exported PNG at the same size is that, pixel for pixel, text
 * included: one drawing path. At scale 2 the recording keeps its paths in
 * Cairo's 24.8 fixed point of logical units, so replayed vertices sit on
 * a grid twice as coarse as a direct 2× drawing's: dash ends, arcs and
 * layer edges may move by 1/256 of a pixel, which changes the
 * antialiasing of a few edge pixels (at most 0.32 % of them here). */
static void
test_window_equals_export (void)
{
  const int w = 640, h = 400;
  g_autoptr(ElabDataset) data = elab_dataset_new_builtin ("challenger");
  g_autoptr(ElabTrainer) trainer = elab_trainer_new (data, NULL);

  elab_trainer_step (trainer, 3);
  for (ElabFigureKind kind = 0; kind < ELAB_N_FIGURES; kind++)
    for (int scale = 1; scale <= 2; scale++)
      {
        g_autoptr(ElabFigure) window = elab_figure_new (kind);
        g_autoptr(ElabFigure) exporter = elab_figure_new (kind);
        ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
        cairo_rectangle_t extents = { 0, 0, w, h };
        cairo_surface_t *rec, *shown, *exported;
        g_autoptr(GBytes) png = NULL;
        PngReader reader;
        guint n_diff = 0;
        ElabState state;
        cairo_t *cr;

        lesson_state (&state);
        style.hover_x = 0.7;
        style.hover_p = 0.3;
        style.pixel_scale = scale;

        rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
        cr = cairo_create (rec);
        elab_figure_draw (window, cr, w, h, &state, trainer, &style);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        shown = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w * scale, h * scale);
        cr = cairo_create (shown);
        cairo_scale (cr, scale, scale);
        cairo_set_source_surface (cr, rec, 0, 0);
        cairo_paint (cr);
        cairo_destroy (cr);
        cairo_surface_flush (shown);

        style.pixel_scale = 1.0;
        png = elab_export_png_bytes (exporter, &(ElabExportRequest) { &state, &style, w, h, scale }, trainer);
        g_assert_nonnull (png);
        reader.data = g_bytes_get_data (png, &reader.left);
        exported = cairo_image_surface_create_from_png_stream (png_read_cb, &reader);
        g_assert_cmpint (cairo_surface_status (exported), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpint (cairo_image_surface_get_width (exported), ==, w * scale);
        g_assert_cmpint (cairo_image_surface_get_height (exported), ==, h * scale);

        for (int y = 0; y < h * scale; y++)
          for (int x = 0; x < w * scale; x++)
            n_diff += pixel (shown, x, y) != pixel (exported, x, y);
        g_test_message ("%s at scale %d: %u pixels differ",
                        elab_figure_kind_to_string (kind), scale, n_diff);
        if (n_diff > 0)
          {
            g_autofree char *a = g_strdup_printf ("%s/%s-%dx-window.png", ELAB_PLOT_OUT_DIR,
                                                  elab_figure_kind_to_string (kind), scale);
            g_autofree char *b = g_strdup_printf ("%s/%s-%dx-export.png", ELAB_PLOT_OUT_DIR,
                                                  elab_figure_kind_to_string (kind), scale);

            cairo_surface_write_to_png (shown, a);
            cairo_surface_write_to_png (exported, b);
          }
        if (scale == 1)
          g_assert_cmpuint (n_diff, ==, 0);
        else
          g_assert_cmpuint (n_diff, <, w * scale * h * scale / 200);

        cairo_surface_destroy (exported);
        cairo_surface_destroy (shown);
        cairo_surface_destroy (rec);
      }
}

static void
test_transparent (void)
{
  g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_ENTROPY);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  cairo_surface_t *s;
  ElabState state;

  lesson_state (&state);
  style.transparent = TRUE;
  style.theme = ELAB_THEME_DARK;
  s = render (figure, &state, &style, 400, 300);
  g_assert_cmphex (pixel (s, 0, 0) >> 24, ==, 0);
  g_assert_cmphex (pixel (s, 399, 299) >> 24, ==, 0);
  cairo_surface_destroy (s);

  style.transparent = FALSE;
  s = render (figure, &state, &style, 400, 300);
  g_assert_cmphex (pixel (s, 0, 0), ==, 0xff1e1e22);
  cairo_surface_destroy (s);
}

/* Presentation mode: type 1.6×, lines 2×. */
static void
presentation_style (ElabFigureStyle *style)
{
  *style = ELAB_FIGURE_STYLE_INIT;
  style->type_scale = 1.6;
  style->line_scale = 2.0;
}

/* What a lecture hall sees: plot views of full-screen windows and of
 * windows with a scene's sliders beside the plot (≈ 860–880 wide). */
static const int presentation_sizes[][2] = {
  { 1920, 1080 }, { 1280, 720 }, { 1276, 716 }, { 1024, 768 },
  { 880, 720 }, { 860, 720 }, { 800, 600 }, { 640, 480 },
};

static const char lesson_caption[] =
  "Steeper models are surer of themselves:\nthe steeper \xcf\x83(\xce\xb8x), the lower its mean entropy.";

/* In presentation mode every legend shows every name whole: no entry
 * ellipsized, none left out, whatever the size, the notation, the
 * hover read-out, the number of models or a two-line caption. */
static void
test_presentation_legends (void)
{
  static const ElabFigureKind kinds[] = {
    ELAB_FIGURE_ENTROPY, ELAB_FIGURE_CROSS_ENTROPY, ELAB_FIGURE_SOFTMAX,
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint z = 0; z < G_N_ELEMENTS (presentation_sizes); z++)
      for (guint v = 0; v < 8; v++)
        {
          g_autoptr(ElabFigure) figure = elab_figure_new (kinds[k]);
          int w = presentation_sizes[z][0], h = presentation_sizes[z][1];
          ElabFigureStyle style;
          cairo_surface_t *s;
          ElabState state;

          elab_state_init_default (&state);
          presentation_style (&style);
          /* Bit 0: three models, B and C steep; bit 1: subscript notation
           * and long parameters; bit 2: hover read-out and a caption. */
          if (v & 1)
            {
              state.model_enabled[1] = state.model_enabled[2] = TRUE;
              state.models[2].theta = 4;
            }
          if (v & 2)
            {
              state.notation = ELAB_NOTATION_SUBSCRIPT;
              state.models[0].theta = -2.25;
              state.models[0].bias = -0.125;
              state.q.theta = -2.197;
            }
          if (v & 4)
            {
              style.hover_x = 1.25;
              style.caption = lesson_caption;
            }
          s = render (figure, &state, &style, w, h);
          if (figure->n_legend_cut != 0)
            g_test_message ("%s %dx%d variant %u: %u legend names cut",
                            elab_figure_kind_to_string (kinds[k]), w, h, v, figure->n_legend_cut);
          g_assert_cmpuint (figure->n_legend_cut, ==, 0);
          cairo_surface_destroy (s);
        }
}

/* The Training figure's two left panels stack their rotated y labels in
 * one column: in presentation type each stays within its own panel's
 * height (shorter wording, else cut), so they never overlap. At 1.0× on
 * a full screen both keep their whole wording. */
static void
test_training_y_labels (void)
{
  /* The window's plot at 1280×720 (≈ 715 square beside the landscape,
   * 800×600 alone) and around it. */
  static const int sizes[][2] = { { 800, 600 }, { 640, 480 }, { 1000, 700 }, { 715, 715 }, { 1920, 1080 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(ElabTrainer) trainer = NULL;
  ElabState state;

  elab_state_init_default (&state);
  state.page = ELAB_PAGE_TRAINING;
  trainer = elab_trainer_new_for_state (&state, &error);
  g_assert_no_error (error);
  elab_trainer_step (trainer, 200);

  for (guint z = 0; z <= G_N_ELEMENTS (sizes); z++)
    {
      g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_TRAINING);
      gboolean full = z == G_N_ELEMENTS (sizes);   /* last: 1920×1080 at 1.0× */
      int w = full ? 1920 : sizes[z][0], h = full ? 1080 : sizes[z][1];
      cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cairo_t *cr = cairo_create (s);
      ElabFigureStyle style;
      ElabRect ext[2];
      const char *text[2];

      presentation_style (&style);
      if (full)
        style.type_scale = style.line_scale = 1.0;
      elab_figure_draw (figure, cr, w, h, &state, trainer, &style);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (s);

      g_assert_true (_elab_figure_training_get_y_labels (figure, ext, text));
      /* Panels 0 and 1: the data, the bars under it. */
      g_assert_cmpuint (figure->n_panels, >=, 2);
      const ElabRect *data = &figure->panels[0].area, *bars = &figure->panels[1].area;

      for (guint i = 0; i < 2; i++)
        g_test_message ("%dx%d type %g: y label %u \"%s\" at y %g, %g long; panel y %g, %g tall",
                        w, h, style.type_scale, i, text[i], ext[i].y, ext[i].height,
                        figure->panels[i].area.y, figure->panels[i].area.height);
      /* The data's label along its own panel; the bars' between the data
       * panel's bottom and the figure's (it may run down beside the x
       * axis's labels, where the column is empty). */
      if (ext[0].height > 0)
        {
          g_assert_cmpfloat (ext[0].y, >=, data->y - 0.5);
          g_assert_cmpfloat (ext[0].y + ext[0].height, <=, data->y + data->height + 0.5);
        }
      if (ext[1].height > 0)
        {
          g_assert_cmpfloat (ext[1].y, >=, data->y + data->height - 0.5);
          g_assert_cmpfloat (ext[1].y + ext[1].height, <=, h);
          g_assert_cmpfloat (ext[1].y, <=, bars->y + bars->height);
          g_assert_cmpfloat (ext[1].y + ext[1].height, >=, bars->y);
        }
      if (ext[0].height > 0 && ext[1].height > 0)
        g_assert_cmpfloat (ext[0].y + ext[0].height, <=, ext[1].y);
      /* Not passed by leaving labels out: where the panels have room. */
      if (w == 715 || full)
        g_assert_cmpfloat (ext[0].height, >, 0);
      if (full)
        {
          g_assert_cmpfloat (ext[1].height, >, 0);
          g_assert_cmpstr (text[0], ==, "O-ring incident");
          g_assert_cmpstr (text[1], ==, "loss of each example (bits)");
        }
    }
}

/* The legend itself: in a box as tall as it asks, a narrow legend takes
 * two lines an entry and cuts nothing; in a box only one row an entry
 * tall it falls back to rows with cut names, and says so. */
static void
test_legend_two_lines (void)
{
  g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_CROSS_ENTROPY);
  ElabFigureStyle style;
  const ElabLegendEntry entries[] = {
    { "H(p)", "0.391 bits", 0, FALSE, 0, FALSE, NULL },
    { "H<sub>q</sub>(p)", "0.486 bits", 1, FALSE, 0, FALSE, NULL },
    { "<b>A</b>", "0.198 bits", 2, FALSE, 0, FALSE, "\xce\xb8 = \xe2\x88\x92" "2.25,  b = 0.125" },
  };
  cairo_surface_t *s;
  cairo_t *cr;
  ElabState state;
  ElabRect box;
  double row, one_row_h, need;

  elab_state_init_default (&state);
  presentation_style (&style);
  s = render (figure, &state, &style, 640, 480);
  cr = cairo_create (s);
  row = _elab_legend_row_height (figure);
  one_row_h = 2 * round (0.6 * figure->metrics.legend_px) + 4 * row;

  /* Wide: one row an entry, exactly as high as rows make it. */
  g_assert_true (_elab_legend_fits_rows (figure, 600, entries, 3, "mean"));
  g_assert_cmpfloat (_elab_legend_height (figure, 600, entries, 3, "mean"), ==, one_row_h);

  /* Narrow: two lines an entry, taller, nothing cut. */
  g_assert_false (_elab_legend_fits_rows (figure, 200, entries, 3, "mean"));
  need = _elab_legend_height (figure, 200, entries, 3, "mean");
  g_assert_cmpfloat (need, >, one_row_h + 2 * figure->metrics.legend_px);
  box = (ElabRect) { 10, 10, 200, need };
  figure->n_legend_cut = 0;
  g_assert_cmpfloat (_elab_draw_legend (figure, cr, &box, entries, 3, "mean"), ==, need);
  g_assert_cmpuint (figure->n_legend_cut, ==, 0);

  /* The same in a box fixed at one row an entry: names cut, counted. */
  box.height = one_row_h;
  figure->n_legend_cut = 0;
  _elab_draw_legend (figure, cr, &box, entries, 3, "mean");
  g_assert_cmpuint (figure->n_legend_cut, >, 0);

  /* Shorter still: entries left out are counted too. */
  box.height = 2 * row;
  figure->n_legend_cut = 0;
  _elab_draw_legend (figure, cr, &box, entries, 3, "mean");
  g_assert_cmpuint (figure->n_legend_cut, >=, 2);

  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

/* Cutting markup with sub/superscripts to a width: no Pango warning (the
 * test runs with G_DEBUG=fatal-warnings), an ellipsis at the end, within
 * the width; a text that fits is laid out as without a width. */
static void
test_text_cut_markup (void)
{
  static const char markup[] =
    "p(x) = \xcf\x83(\xce\xb8x + b),   H(p) = \xe2\x88\x92p log<sub>2</sub> p \xe2\x88\x92 (1 \xe2\x88\x92 p) log<sub>2</sub> (1 \xe2\x88\x92 p)";
  static const char formula[] =
    "P<sub>i</sub> = e<sup>z<sub>i</sub>/T</sup> / \xce\xa3<sub>j</sub> e<sup>z<sub>j</sub>/T</sup>";
  g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_ENTROPY);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  cairo_surface_t *s;
  ElabState state;
  ElabText *t, *natural;
  double natural_w;

  lesson_state (&state);
  s = render (figure, &state, &style, 320, 240);

  natural = _elab_text (figure, ELAB_FONT_LABEL, markup, TRUE, -1, FALSE);
  g_assert_nonnull (natural);
  natural_w = natural->width;
  g_assert_false (_elab_text_is_cut (natural));

  for (double w = 20; w < natural_w; w *= 1.3)
    {
      const char *text;

      t = _elab_text (figure, ELAB_FONT_LABEL, markup, TRUE, w, FALSE);
      g_assert_nonnull (t);
      g_assert_true (_elab_text_is_cut (t));
      g_assert_cmpfloat (t->width, <=, w + 0.01);
      text = pango_layout_get_text (t->layout);
      g_assert_true (g_str_has_suffix (text, "\xe2\x80\xa6"));
      /* Whatever is kept is the start of the text. */
      g_assert_true (strncmp (text, "p(x)", MIN (4, strlen (text) - 3)) == 0);
    }
  for (double w = 5; w < 200; w *= 1.5)
    {
      t = _elab_text (figure, ELAB_FONT_LABEL, formula, TRUE, w, FALSE);
      g_assert_nonnull (t);
      g_assert_cmpfloat (t->width, <=, MAX (w, t->height) + 0.01);
    }

  t = _elab_text (figure, ELAB_FONT_LABEL, markup, TRUE, natural_w + 1, FALSE);
  g_assert_false (_elab_text_is_cut (t));
  g_assert_cmpfloat (t->width, ==, natural_w);
  g_assert_cmpstr (pango_layout_get_text (t->layout), ==, pango_layout_get_text (natural->layout));
  cairo_surface_destroy (s);

  /* The frames whose subtitles hold sub/superscripts, cut at every width
   * down to a phone's: no warning. */
  for (ElabFigureKind kind = ELAB_FIGURE_ENTROPY; kind <= ELAB_FIGURE_SOFTMAX; kind++)
    for (int w = 200; w <= 1000; w += 40)
      {
        g_autoptr(ElabFigure) f = elab_figure_new (kind);

        state.notation = ELAB_NOTATION_SUBSCRIPT;
        presentation_style (&style);
        s = render (f, &state, &style, w, 480);
        cairo_surface_destroy (s);
      }
}

static gboolean
rect_inside (const ElabRect *r,
             double          w,
             double          h)
{
  return r->x >= 0 && r->y >= 0 && r->x + r->width <= w && r->y + r->height <= h;
}

static gboolean
rects_overlap (const ElabRect *a,
               const ElabRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The Softmax read-outs (entropy, log K, cross-entropy, the target's
 * entropy, KL) all lie in the figure, apart from each other and above a
 * caption, in presentation mode at window sizes, with 2 to 8 classes, a
 * smoothed target and a low temperature; and at the default type, at
 * 1920×1080 and 1024×768, still in the column beside the bars. */
static void
test_softmax_readouts (void)
{
  for (guint z = 0; z < G_N_ELEMENTS (presentation_sizes); z++)
    for (guint v = 0; v < 8; v++)
      {
        g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_SOFTMAX);
        int w = presentation_sizes[z][0], h = presentation_sizes[z][1];
        ElabFigureStyle style;
        cairo_surface_t *s;
        ElabState state;
        double bottom = h;

        elab_state_init_default (&state);
        presentation_style (&style);
        if (v & 1)
          {
            state.k = 8;
            for (guint i = 0; i < 8; i++)
              state.logits[i] = -0.693 * i;
          }
        if (v & 2)
          {
            style.caption = lesson_caption;
            state.notation = ELAB_NOTATION_SUBSCRIPT;
          }
        if (v & 4)
          {
            /* Label smoothing at a low temperature: long numbers. */
            state.temperature = 0.01;
            for (guint i = 0; i < state.k; i++)
              state.target[i] = i == 0 ? 0.9 : 0.1 / (state.k - 1);
          }
        s = render (figure, &state, &style, w, h);
        if (style.caption)
          {
            /* Above the caption's strip: two lines and their padding. */
            bottom = h - figure->metrics.pad - round (3.6 * figure->metrics.label_px + 0.5 * figure->metrics.pad);
          }
        /* All five, or in a strip the four without log K (the gauge's). */
        g_assert_cmpuint (figure->n_readouts, >=, 4);
        g_assert_cmpuint (figure->n_readouts, <=, 5);
        for (guint i = 0; i < figure->n_readouts; i++)
          {
            const ElabRect *r = &figure->readouts[i];

            if (!rect_inside (r, w, bottom))
              g_test_message ("%dx%d variant %u: read-out %u at (%g, %g) %gx%g, bottom %g",
                              w, h, v, i, r->x, r->y, r->width, r->height, bottom);
            g_assert_true (rect_inside (r, w, bottom));
            g_assert_cmpfloat (r->width, >, 0);
            for (guint j = 0; j < i; j++)
              g_assert_false (rects_overlap (r, &figure->readouts[j]));
          }
        cairo_surface_destroy (s);
      }

  for (guint z = 0; z < 2; z++)
    {
      g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_SOFTMAX);
      ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
      int w = z == 0 ? 1920 : 1024, h = z == 0 ? 1080 : 768;
      cairo_surface_t *s;
      ElabState state;

      elab_state_init_default (&state);
      state.k = 8;
      state.temperature = 0.01;
      for (guint i = 0; i < 8; i++)
        {
          state.logits[i] = -0.693 * i;
          state.target[i] = i == 0 ? 0.9 : 0.1 / 7;
        }
      s = render (figure, &state, &style, w, h);
      g_assert_cmpuint (figure->n_readouts, ==, 5);
      for (guint i = 0; i < 5; i++)
        {
          g_assert_true (rect_inside (&figure->readouts[i], w, h));
          /* One column, right of the bars. */
          g_assert_cmpfloat (figure->readouts[i].x, ==, figure->readouts[0].x);
          g_assert_cmpfloat (figure->readouts[i].x, >, w / 2);
          for (guint j = 0; j < i; j++)
            g_assert_false (rects_overlap (&figure->readouts[i], &figure->readouts[j]));
        }
      cairo_surface_destroy (s);
    }
}

/* The numbers of a worked formula as a teacher writes them, always adding
 * up to 1, finite where a probability underflows a double. */
static void
test_formula_text (void)
{
  char p[80], q[80];
  g_autofree char *h = NULL;
  g_autofree char *e = NULL;

  /* The lesson's pair at x = 1: p = σ(1), q = σ(2). */
  h = _elab_formula_binary ("H(p, q)", 1.0, 2.0, ELAB_UNIT_BITS,
                            elab_binary_cross_entropy_logits (1.0, 2.0) / G_LN2);
  g_assert_cmpstr (h, ==, "H(p, q) = \xe2\x88\x92[0.73\xc2\xb7log<sub>2</sub> 0.88 + "
                   "0.27\xc2\xb7log<sub>2</sub> 0.12] = 0.959 bits");
  e = _elab_formula_binary ("H(p)", 0.0, 0.0, ELAB_UNIT_NATS, G_LN2);
  g_assert_cmpstr (e, ==, "H(p) = \xe2\x88\x92[0.50\xc2\xb7ln 0.50 + 0.50\xc2\xb7ln 0.50] = 0.693 nats");

  g_assert_false (_elab_formula_prob_pair (log (0.012 / 0.988), p, q, sizeof p));
  g_assert_cmpstr (p, ==, "0.012");
  g_assert_cmpstr (q, ==, "0.988");
  g_assert_false (_elab_formula_prob_pair (-log (0.012 / 0.988), p, q, sizeof p));
  g_assert_cmpstr (p, ==, "0.988");
  g_assert_cmpstr (q, ==, "0.012");
  /* σ(−2000) = e^−2000 underflows; its log does not: 10^−868.589. */
  g_assert_true (_elab_formula_prob_pair (-2000, p, q, sizeof p));
  g_assert_cmpstr (p, ==, "2.6\xc3\x97" "10<sup>\xe2\x88\x92" "869</sup>");
  g_assert_cmpstr (q, ==, "1 \xe2\x88\x92 2.6\xc3\x97" "10<sup>\xe2\x88\x92" "869</sup>");
  g_assert_true (_elab_formula_prob_pair (log (1e-5), p, q, sizeof p));
  g_assert_cmpstr (p, ==, "1.0\xc3\x97" "10<sup>\xe2\x88\x92" "5</sup>");

  /* As printed, the two always add up to exactly 1. */
  for (double z = -9.5; z <= 9.5; z += 0.0137)
    {
      double a, b;

      if (_elab_formula_prob_pair (z, p, q, sizeof p))
        continue;
      a = g_ascii_strtod (p, NULL);
      b = g_ascii_strtod (q, NULL);
      g_assert_cmpfloat_with_epsilon (a + b, 1.0, 1e-12);
      g_assert_cmpfloat_with_epsilon (a, elab_sigmoid (z), 0.006);
    }
}

/* The worked formula sits under the plot, inside the figure, whole, with
 * ink in it, at every presentation size; turning it on leaves every
 * legend name whole. */
static void
test_formula_layout (void)
{
  static const ElabFigureKind kinds[] = { ELAB_FIGURE_ENTROPY, ELAB_FIGURE_CROSS_ENTROPY };
  static const ElabKlGap gaps[] = { ELAB_KL_GAP_PQ, ELAB_KL_GAP_BOTH };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint z = 0; z < G_N_ELEMENTS (presentation_sizes); z++)
      for (guint g = 0; g < G_N_ELEMENTS (gaps); g++)
        {
          g_autoptr(ElabFigure) figure = elab_figure_new (kinds[k]);
          int w = presentation_sizes[z][0], h = presentation_sizes[z][1];
          ElabFigureStyle style;
          cairo_surface_t *s;
          ElabState state;
          const ElabRect *box;
          guint ink = 0;

          elab_state_init_default (&state);
          state.model_enabled[2] = TRUE;
          state.formula = TRUE;
          state.formula_at = -0.5;
          state.kl_gap = gaps[g];
          presentation_style (&style);
          s = render (figure, &state, &style, w, h);
          box = &figure->formula_box;
          g_assert_cmpfloat (box->width, >, 0);
          g_assert_cmpfloat (box->x, >=, 0);
          g_assert_cmpfloat (box->y + box->height, <=, h);
          /* The plots keep most of the figure. */
          g_assert_cmpfloat (box->height, <, 0.45 * h);
          for (int y = (int) box->y; y < (int) (box->y + box->height); y++)
            for (int x = (int) box->x; x < (int) (box->x + box->width); x++)
              if ((pixel (s, x, y) & 0xff) < 0x80)
                ink++;
          g_assert_cmpuint (ink, >, 200);
          if (figure->n_legend_cut != 0)
            {
              g_autofree char *o = g_strdup_printf ("%s/formula-%s-%dx%d-%u.png", ELAB_PLOT_OUT_DIR,
                                                    elab_figure_kind_to_string (kinds[k]), w, h, g);

              cairo_surface_write_to_png (s, o);
              g_test_message ("%s %dx%d: %u legend names cut; see %s",
                              elab_figure_kind_to_string (kinds[k]), w, h, figure->n_legend_cut, o);
            }
          g_assert_cmpuint (figure->n_legend_cut, ==, 0);
          cairo_surface_destroy (s);
        }
}

/* The squared error's stall beside the cross-entropy's descent, in the
 * loss plot: with compare-losses the run on the other loss is drawn on a
 * right axis of its own (purple, long dashes), from the same start. */
static gboolean
near_color (guint32         p,
            const ElabRgba *c)
{
  int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

  return ABS (r - (int) (c->r * 255)) < 40 && ABS (g - (int) (c->g * 255)) < 40 &&
         ABS (b - (int) (c->b * 255)) < 40;
}

static void
test_training_compare_losses (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ElabTrainer) trainer = NULL;
  ElabTheme theme;
  ElabState state;

  g_assert_true (elab_presets_apply ("squared-error-stall", &state));
  g_assert_true (state.compare_losses);
  trainer = elab_trainer_new_for_state (&state, &error);
  g_assert_no_error (error);
  elab_trainer_step (trainer, 2000);
  _elab_theme_get (ELAB_THEME_LIGHT, ELAB_PALETTE_DEFAULT, &theme);

  for (int compare = 1; compare >= 0; compare--)
    {
      g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_TRAINING);
      ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
      ElabPanel loss, other;
      cairo_surface_t *s;
      guint purple = 0, purple_low = 0, blue_high = 0;

      state.compare_losses = compare;
      style.draw_text = FALSE;
      s = render_run (figure, &state, trainer, &style, 1280, 720);
      g_assert_true (_elab_figure_training_get_loss_panel (figure, &loss));
      if (!compare)
        g_assert_false (_elab_figure_training_get_other_panel (figure, &other));
      else
        {
          g_assert_true (_elab_figure_training_get_other_panel (figure, &other));
          /* One plot area, two axes: the squared error from 0 to about
           * 0.6, the cross-entropy from 0 past its start, 12.6 bits. */
          g_assert_cmpfloat (other.area.x, ==, loss.area.x);
          g_assert_cmpfloat (other.area.width, ==, loss.area.width);
          g_assert_cmpfloat (loss.y.max, <, 1.0);
          g_assert_cmpfloat (other.y.max, >, 12.6);
          g_test_message ("left axis 0…%g (squared error), right 0…%g (cross-entropy, bits)",
                          loss.y.max, other.y.max);
        }
      /* The cross-entropy run (purple) falls to the bottom fifth of the
       * plot within the first steps; the squared error's (blue) stays in
       * the top fifth all along. */
      for (int y = (int) loss.area.y + 2; y < (int) (loss.area.y + loss.area.height) - 2; y++)
        for (int x = (int) loss.area.x + 2; x < (int) (loss.area.x + loss.area.width) - 2; x++)
          {
            guint32 p = pixel (s, x, y);
            double f = (y - loss.area.y) / loss.area.height;

            if (near_color (p, _elab_theme_series (&theme, 4)))
              {
                purple++;
                purple_low += f > 0.8;
              }
            if (near_color (p, _elab_theme_series (&theme, 0)) && f < 0.2)
              blue_high++;
          }
      g_test_message ("compare %d: %u purple pixels (%u in the bottom fifth), %u blue in the top fifth",
                      compare, purple, purple_low, blue_high);
      g_assert_cmpuint (blue_high, >, 100);
      if (compare)
        {
          g_assert_cmpuint (purple, >, 100);
          g_assert_cmpuint (purple_low, >, purple / 3);
        }
      else
        g_assert_cmpuint (purple, ==, 0);
      cairo_surface_destroy (s);
    }
}

/* The widest run of ink (any channel under 0xc0: not the background, not
 * a grid line) through column @x between @y0 and @y1. */
static int
ink_width_at (cairo_surface_t *s,
              int              x,
              int              y0,
              int              y1)
{
  int best = 0, w = cairo_image_surface_get_width (s);

  for (int y = y0; y < y1; y++)
    {
      int l = x, r = x;
      guint32 p = pixel (s, x, y);

      if (((p >> 16) & 0xff) >= 0xc0 && ((p >> 8) & 0xff) >= 0xc0 && (p & 0xff) >= 0xc0)
        continue;
      while (l > 0)
        {
          p = pixel (s, l - 1, y);
          if (((p >> 16) & 0xff) >= 0xc0 && ((p >> 8) & 0xff) >= 0xc0 && (p & 0xff) >= 0xc0)
            break;
          l--;
        }
      while (r + 1 < w)
        {
          p = pixel (s, r + 1, y);
          if (((p >> 16) & 0xff) >= 0xc0 && ((p >> 8) & 0xff) >= 0xc0 && (p & 0xff) >= 0xc0)
            break;
          r++;
        }
      best = MAX (best, r - l + 1);
    }
  return best;
}

/* Under the colour-blind palette the per-example loss bars of the two
 * classes differ by shape as well as colour: a class-1 bar carries the
 * class-1 points' triangle on its top, wider than the bar; with the
 * default palette (colour is enough) the bars are alike. */
static void
test_training_colorblind_bars (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ElabTrainer) trainer = NULL;
  const ElabDataset *d;
  ElabState state;

  elab_state_init_default (&state);
  state.page = ELAB_PAGE_TRAINING;
  trainer = elab_trainer_new_for_state (&state, &error);
  g_assert_no_error (error);
  elab_trainer_step (trainer, 200);
  d = elab_trainer_get_dataset (trainer);

  for (int cb = 0; cb <= 1; cb++)
    {
      g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_TRAINING);
      ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
      const ElabPanel *bars;
      int w_min[2] = { G_MAXINT, G_MAXINT }, w_max[2] = { 0, 0 };
      cairo_surface_t *s;

      style.draw_text = FALSE;
      style.palette = cb ? ELAB_PALETTE_COLORBLIND : ELAB_PALETTE_DEFAULT;
      s = render_run (figure, &state, trainer, &style, 1280, 720);
      g_assert_cmpuint (figure->n_panels, >=, 2);
      bars = &figure->panels[1];
      for (gsize i = 0; i < d->n_rows; i++)
        {
          double px = _elab_axis_to_px (&bars->x, d->x[i]);
          gboolean alone = TRUE;
          int cls = d->y[i] != 0, width;

          /* Only bars with no other bar within three marker radii. */
          for (gsize j = 0; j < d->n_rows; j++)
            if (j != i && fabs (_elab_axis_to_px (&bars->x, d->x[j]) - px) < 3 * figure->metrics.marker_r)
              alone = FALSE;
          if (!alone)
            continue;
          width = ink_width_at (s, (int) round (px), (int) bars->area.y, (int) (bars->area.y + bars->area.height) - 2);
          w_min[cls] = MIN (w_min[cls], width);
          w_max[cls] = MAX (w_max[cls], width);
        }
      g_test_message ("%s palette: class 0 bars %d…%d px wide, class 1 %d…%d px",
                      cb ? "colour-blind" : "default", w_min[0], w_max[0], w_min[1], w_max[1]);
      g_assert_cmpint (w_max[0], >, 0);
      g_assert_cmpint (w_max[1], >, 0);
      if (cb)
        g_assert_cmpfloat (w_min[1], >, 1.4 * w_max[0]);
      else
        g_assert_cmpfloat (w_max[1], <=, w_max[0] + 1);
      cairo_surface_destroy (s);
    }
}

/* A recorded run with compare-losses: the right axis is the whole other
 * run's from the first frame (on a log axis its bottom would otherwise
 * sink as the cross-entropy falls), so the last frame is the export. */
static void
test_training_compare_losses_recording (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ElabTrainer) run = NULL;
  g_autoptr(ElabTrainer) frame = NULL;
  ElabAxis axes[2];
  ElabState state;

  g_assert_true (elab_presets_apply ("squared-error-stall", &state));
  state.loss_scale = ELAB_LOSS_SCALE_LOG;
  state.steps = 300;
  run = elab_trainer_new_for_state (&state, &error);
  g_assert_no_error (error);
  elab_trainer_step (run, 300);
  frame = elab_trainer_new_for_state (&state, &error);
  g_assert_no_error (error);

  for (guint f = 0; f < 2; f++)
    {
      g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_TRAINING);
      ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
      ElabPanel other;
      cairo_surface_t *s;

      /* The first frames (step 10), then the last (step 300). */
      elab_trainer_step (frame, f == 0 ? 10 : 290);
      style.draw_text = FALSE;
      style.run = run;
      s = render_run (figure, &state, frame, &style, 960, 540);
      g_assert_true (_elab_figure_training_get_other_panel (figure, &other));
      axes[f] = other.y;
      g_test_message ("step %" G_GUINT64_FORMAT ": right axis 10^%g…10^%g",
                      elab_trainer_get_steps (frame), other.y.min, other.y.max);
      cairo_surface_destroy (s);
    }
  g_assert_cmpfloat (axes[0].min, ==, axes[1].min);
  g_assert_cmpfloat (axes[0].max, ==, axes[1].max);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/plot/Figure/kind-names", test_kind_names);
  for (guint i = 0; i < G_N_ELEMENTS (goldens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/elab/plot/Figure/golden/%s", goldens[i].name);

      g_test_add_data_func (path, &goldens[i], test_golden);
    }
  g_test_add_func ("/elab/plot/Figure/pick", test_pick);
  g_test_add_func ("/elab/plot/Figure/contour-valley", test_contour_valley);
  g_test_add_func ("/elab/plot/Figure/pick-arch", test_pick_arch);
  g_test_add_func ("/elab/plot/Figure/non-finite", test_non_finite);
  g_test_add_func ("/elab/plot/Figure/text-cache", test_text_cache_stable);
  g_test_add_func ("/elab/plot/Figure/transparent", test_transparent);
  g_test_add_func ("/elab/plot/Figure/window-equals-export", test_window_equals_export);
  g_test_add_func ("/elab/plot/Figure/presentation-legends", test_presentation_legends);
  g_test_add_func ("/elab/plot/Figure/legend-two-lines", test_legend_two_lines);
  g_test_add_func ("/elab/plot/Figure/training-y-labels", test_training_y_labels);
  g_test_add_func ("/elab/plot/Figure/training-compare-losses", test_training_compare_losses);
  g_test_add_func ("/elab/plot/Figure/training-compare-losses-recording", test_training_compare_losses_recording);
  g_test_add_func ("/elab/plot/Figure/training-colorblind-bars", test_training_colorblind_bars);
  g_test_add_func ("/elab/plot/Figure/text-cut-markup", test_text_cut_markup);
  g_test_add_func ("/elab/plot/Figure/softmax-readouts", test_softmax_readouts);
  g_test_add_func ("/elab/plot/Figure/formula-text", test_formula_text);
  g_test_add_func ("/elab/plot/Figure/formula-layout", test_formula_layout);

  return g_test_run ();
}
