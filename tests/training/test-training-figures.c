/* test-training-figures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The training and landscape figures drawn from real trainers: every
 * outcome draws (no crash, no cairo error, not a blank image), hovering
 * maps back to the data's x, the landscape's grid is cached across frames
 * and rebuilt for a new generation, and no trainer gives a placeholder.
 */
#include <math.h>
#include <string.h>

#include "elab-figure-private.h"
#include "elab-presets.h"
#include "elab-trainer.h"

/* From elab-figure-landscape.c: the cached grid's rectangle. */
gboolean _elab_figure_training_get_loss_panel (const ElabFigure *figure,
                                               ElabPanel        *res);
gboolean _elab_figure_training_get_y_labels (const ElabFigure *figure,
                                             ElabRect          res_extents[2],
                                             const char       *res_texts[2]);
gboolean _elab_figure_landscape_get_rect (const ElabFigure *figure,
                                          double            res[4]);
const ElabTrainer *_elab_figure_landscape_get_companion (const ElabFigure *figure);

#define W 800
#define H 500

typedef struct
{
  const char   *dataset;
  ElabOptimizer optimizer;
  double        lr;
  gboolean      standardize;
  gboolean      bias;
  guint         steps;
  ElabTrainStatus status;
} Case;

static const Case cases[] = {
  { "challenger",                ELAB_OPTIMIZER_NEWTON,   0.1,  FALSE, TRUE,  50,   ELAB_TRAIN_STATUS_CONVERGED },
  { "challenger",                ELAB_OPTIMIZER_GD,       100,  FALSE, TRUE,  50,   ELAB_TRAIN_STATUS_DIVERGED },
  { "iris-setosa",               ELAB_OPTIMIZER_MOMENTUM, 0.1,  TRUE,  TRUE,  500,  ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM },
  { "hours-studied",             ELAB_OPTIMIZER_GD,       0.1,  FALSE, FALSE, 3000, ELAB_TRAIN_STATUS_CONVERGED },
  { "iris-versicolor-virginica", ELAB_OPTIMIZER_GD,       1.0,  TRUE,  TRUE,  5,    ELAB_TRAIN_STATUS_MAX_STEPS },
};

/* Distinct colours in the image: a blank or single-colour frame has
 * very few. */
static guint
count_colours (cairo_surface_t *surface)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < H; y += 3)
    for (int x = 0; x < W; x += 3)
      g_hash_table_add (seen, GUINT_TO_POINTER (((guint32 *) (data + y * stride))[x] | 1));
  return g_hash_table_size (seen);
}

static guint
draw (ElabFigure        *figure,
      const ElabState   *state,
      const ElabTrainer *trainer,
      double             hover_x)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  guint n;

  style.hover_x = hover_x;
  elab_figure_draw (figure, cr, W, H, state, trainer, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  n = count_colours (surface);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n;
}

static void
test_outcomes (void)
{
  ElabState state;

  elab_state_init_default (&state);
  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      const Case *c = &cases[k];
      g_autoptr(ElabDataset) d = elab_dataset_new_builtin (c->dataset);
      g_autoptr(ElabTrainer) t = NULL;
      g_autoptr(ElabFigure) training = elab_figure_new (ELAB_FIGURE_TRAINING);
      g_autoptr(ElabFigure) landscape = elab_figure_new (ELAB_FIGURE_LANDSCAPE);
      ElabTrainerSettings s = ELAB_TRAINER_SETTINGS_INIT;

      s.optimizer = c->optimizer;
      s.learning_rate = c->lr;
      s.standardize = c->standardize;
      s.use_bias = c->bias;
      s.max_steps = c->steps;
      t = elab_trainer_new (d, &s);
      elab_trainer_step (t, c->steps);
      g_assert_cmpint (elab_trainer_get_status (t), ==, c->status);

      /* Both figures, with text, for every outcome. */
      g_assert_cmpuint (draw (training, &state, t, NAN), >, 20);
      g_assert_cmpuint (draw (landscape, &state, t, NAN), >, (c->bias ? 60u : 20u));
    }
}

static void
test_hover_pick (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("challenger");
  g_autoptr(ElabTrainer) t = elab_trainer_new (d, NULL);
  g_autoptr(ElabFigure) f = elab_figure_new (ELAB_FIGURE_TRAINING);
  ElabState state;
  double x, p;
  gboolean found = FALSE;

  elab_state_init_default (&state);
  draw (f, &state, t, 66.0);
  /* Somewhere across the left half there is a panel whose x is the
   * launch temperature. */
  for (double px = 0; px < W / 2 && !found; px += 10)
    for (double py = 0; py < H && !found; py += 10)
      if (elab_figure_pick (f, px, py, &x, &p))
        {
          found = TRUE;
          g_assert_true (x >= 40 && x <= 90);
          g_assert_true (isnan (p));
        }
  g_assert_true (found);
}

static void
test_landscape_cache (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("hours-studied");
  g_autoptr(ElabTrainer) t = elab_trainer_new (d, NULL);
  g_autoptr(ElabFigure) f = elab_figure_new (ELAB_FIGURE_LANDSCAPE);
  ElabTrainerSettings s = ELAB_TRAINER_SETTINGS_INIT;
  ElabState state;
  gpointer cache;
  double first[4];

  elab_state_init_default (&state);
  draw (f, &state, t, NAN);
  cache = f->extra;
  g_assert_nonnull (cache);
  g_assert_true (_elab_figure_landscape_get_rect (f, first));

  /* Steps inside the rectangle: same cache, same rectangle. */
  elab_trainer_step (t, 5);
  draw (f, &state, t, NAN);
  g_assert_true (f->extra == cache);
  {
    double again[4];
    g_assert_true (_elab_figure_landscape_get_rect (f, again));
    g_assert_cmpmem (first, sizeof first, again, sizeof again);
  }

  /* New settings: a new generation, so the grid is rebuilt for them. */
  s.init_w = 40;
  s.init_b = -300;
  elab_trainer_reset (t, &s);
  draw (f, &state, t, NAN);
  g_assert_true (f->extra == cache);
  {
    double now[4];
    g_assert_true (_elab_figure_landscape_get_rect (f, now));
    g_assert_cmpfloat (now[1], >=, 40);     /* w_max covers the new start */
    g_assert_cmpfloat (now[2], <=, -300);   /* b_min too */
  }
}

/* Draws @figure into @surface after painting it magenta, so any pixel a
 * frame leaves uncleared shows. */
static void
draw_dirty_scaled (ElabFigure        *figure,
                   cairo_surface_t   *surface,
                   const ElabState   *state,
                   const ElabTrainer *trainer,
                   double             type_scale)
{
  cairo_t *cr = cairo_create (surface);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;

  style.type_scale = type_scale;

  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_paint (cr);
  elab_figure_draw (figure, cr, W, H, state, trainer, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

static void
draw_dirty (ElabFigure        *figure,
            cairo_surface_t   *surface,
            const ElabState   *state,
            const ElabTrainer *trainer)
{
  draw_dirty_scaled (figure, surface, state, trainer, 1.0);
}

static guint
count_diff (cairo_surface_t *a,
            cairo_surface_t *b)
{
  guint n_diff = 0;

  for (int y = 0; y < H; y++)
    {
      const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
      const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < W; x++)
        {
          n_diff += ra[x] != rb[x];
          g_assert_cmphex (ra[x], !=, 0xffff00ff);
        }
    }
  return n_diff;
}

/* Presentation mode enlarges type between two frames of the same figure:
 * the landscape's panel moves, and the background it left uncleared under
 * the old layer must not wipe the new title (it once cut the subtitle in
 * half in the window). Both ways, the frame is a new figure's. */
static void
test_layout_change (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("challenger");
  g_autoptr(ElabTrainer) t = elab_trainer_new (d, NULL);
  g_autoptr(ElabFigure) reused = elab_figure_new (ELAB_FIGURE_LANDSCAPE);
  cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  static const double scales[] = { 1.0, 1.6, 1.0 };
  ElabState state;

  elab_state_init_default (&state);
  elab_trainer_step (t, 2);
  for (guint i = 1; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(ElabFigure) fresh = elab_figure_new (ELAB_FIGURE_LANDSCAPE);

      draw_dirty_scaled (reused, a, &state, t, scales[i - 1]);
      draw_dirty_scaled (reused, a, &state, t, scales[i]);
      draw_dirty_scaled (fresh, b, &state, t, scales[i]);
      g_assert_cmpuint (count_diff (a, b), ==, 0);
    }
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* A figure too short for its colour bar draws without a Cairo error, and
 * so does the same figure at a normal size afterwards (a bar of height 0
 * once left a non-invertible matrix in the cached gradient). */
static void
test_squeezed_colour_bar (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("challenger");
  g_autoptr(ElabTrainer) t = elab_trainer_new (d, NULL);
  g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_LANDSCAPE);
  static const int heights[] = { 800, 50, 1, 800 };
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  ElabState state;

  elab_state_init_default (&state);
  elab_trainer_step (t, 2);
  for (guint i = 0; i < G_N_ELEMENTS (heights); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, heights[i]);
      cairo_t *cr = cairo_create (surface);

      elab_figure_draw (figure, cr, 1200, heights[i], &state, t, &style);
      g_assert_cmpstr (cairo_status_to_string (cairo_status (cr)), ==,
                       cairo_status_to_string (CAIRO_STATUS_SUCCESS));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The window's figure on a HiDPI display: GTK records it in logical units
 * and replays it at scale 2. The cached layers must be made at that
 * scale, so the replay is what drawing straight into a 2× image gives;
 * a layer made at 1× and doubled differs wherever contours run. Returns
 * the share of pixels that differ by more than a little. */
static double
hidpi_difference (double pixel_scale)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("challenger");
  g_autoptr(ElabTrainer) t = elab_trainer_new (d, NULL);
  g_autoptr(ElabFigure) recorded = elab_figure_new (ELAB_FIGURE_LANDSCAPE);
  g_autoptr(ElabFigure) direct = elab_figure_new (ELAB_FIGURE_LANDSCAPE);
  cairo_rectangle_t extents = { 0, 0, W, H };
  cairo_surface_t *rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * W, 2 * H);
  cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * W, 2 * H);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  ElabState state;
  guint n_diff = 0;
  cairo_t *cr;

  elab_state_init_default (&state);
  elab_trainer_step (t, 2);
  style.draw_text = FALSE;

  style.pixel_scale = pixel_scale;
  cr = cairo_create (rec);
  elab_figure_draw (recorded, cr, W, H, &state, t, &style);
  cairo_destroy (cr);
  cr = cairo_create (a);
  cairo_scale (cr, 2, 2);
  cairo_set_source_surface (cr, rec, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);

  style.pixel_scale = 1.0;
  cr = cairo_create (b);
  cairo_scale (cr, 2, 2);
  elab_figure_draw (direct, cr, W, H, &state, t, &style);
  cairo_destroy (cr);

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < 2 * H; y++)
    {
      const guint8 *ra = cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a);
      const guint8 *rb = cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b);

      for (int x = 0; x < 4 * 2 * W; x++)
        if (ABS ((int) ra[x] - (int) rb[x]) > 24)
          {
            n_diff++;
            x |= 3;   /* count a pixel once */
          }
    }
  cairo_surface_destroy (rec);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  return n_diff / (4.0 * W * H);
}

static void
test_hidpi_layers (void)
{
  double sharp = hidpi_difference (2.0), doubled = hidpi_difference (1.0);

  g_test_message ("pixels that differ from a direct 2x drawing: %.3f%% with 2x layers, %.3f%% with 1x",
                  100 * sharp, 100 * doubled);
  g_assert_cmpfloat (sharp, <, 0.005);
  g_assert_cmpfloat (sharp, <, doubled / 4);
}

/* The Challenger run three steps in, drawn at @width × @height in
 * @style: its loss panel. */
static ElabPanel
challenger_loss_panel (int                    width,
                       int                    height,
                       const ElabFigureStyle *style)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("challenger");
  g_autoptr(ElabTrainer) t = NULL;
  g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_TRAINING);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  ElabTrainerSettings settings;
  ElabState state;
  ElabPanel loss;

  elab_state_init_default (&state);
  g_assert_true (elab_presets_apply ("challenger", &state));
  elab_trainer_settings_from_state (&state, &settings);
  t = elab_trainer_new (d, &settings);
  elab_trainer_step (t, 3);
  g_assert_cmpint (elab_trainer_get_status (t), ==, ELAB_TRAIN_STATUS_RUNNING);
  elab_figure_draw (figure, cr, width, height, &state, t, style);
  g_assert_true (_elab_figure_training_get_loss_panel (figure, &loss));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return loss;
}

/* Presentation type in half a 1280×720 window: the legend strip under
 * the panels must leave them most of the height (its five rows and the
 * room for a message not yet there once left the loss panel a sliver). */
static void
test_narrow_presentation_room (void)
{
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  ElabPanel loss;

  style.type_scale = 1.6;
  style.line_scale = 2.0;
  loss = challenger_loss_panel (715, 715, &style);
  g_test_message ("loss panel %.0f px tall of 715", loss.area.height);
  g_assert_cmpfloat (loss.area.height, >, 0.4 * 715);
}

/* The window's Training column at 1024×768 (about 330 × 690): the loss
 * plot goes under the data's panels rather than beside them, where it
 * was 40 px wide. */
static void
test_tall_column_stacks (void)
{
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  ElabPanel loss = challenger_loss_panel (330, 690, &style);

  g_test_message ("loss panel %.0f × %.0f px of 330 × 690", loss.area.width, loss.area.height);
  g_assert_cmpfloat (loss.area.width, >, 0.6 * 330);
  g_assert_cmpfloat (loss.area.height, >, 0.15 * 690);
}

/* The cached image layers (the landscape's heat map and contours, the
 * training figure's point cloud) and the background the landscape leaves
 * uncleared under its layer: a later frame into a dirty surface must be
 * exactly the frame a new figure draws. */
static void
test_layers_match_fresh (void)
{
  static const struct { ElabFigureKind kind; gsize rows; } runs[] = {
    { ELAB_FIGURE_LANDSCAPE, 0 },
    { ELAB_FIGURE_TRAINING, 20000 },
  };

  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      g_autoptr(ElabDataset) d = runs[r].rows ? elab_dataset_new_synthetic (runs[r].rows, 1.3, -0.4, 7)
                                              : elab_dataset_new_builtin ("challenger");
      g_autoptr(ElabTrainer) t = elab_trainer_new (d, NULL);
      g_autoptr(ElabFigure) reused = elab_figure_new (runs[r].kind);
      cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
      cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
      ElabState state;
      guint n_diff = 0;

      elab_state_init_default (&state);
      for (guint f = 0; f < 3; f++)
        {
          elab_trainer_step (t, 2);
          draw_dirty (reused, a, &state, t);
        }
      {
        g_autoptr(ElabFigure) fresh = elab_figure_new (runs[r].kind);
        draw_dirty (fresh, b, &state, t);
      }
      for (int y = 0; y < H; y++)
        {
          const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
          const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));

          for (int x = 0; x < W; x++)
            {
              n_diff += ra[x] != rb[x];
              g_assert_cmphex (ra[x], !=, 0xffff00ff);
            }
        }
      g_assert_cmpuint (n_diff, ==, 0);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

static void
test_placeholder (void)
{
  g_autoptr(ElabFigure) a = elab_figure_new (ELAB_FIGURE_TRAINING);
  g_autoptr(ElabFigure) b = elab_figure_new (ELAB_FIGURE_LANDSCAPE);
  ElabState state;

  elab_state_init_default (&state);
  g_assert_cmpuint (draw (a, &state, NULL, NAN), >, 1);
  g_assert_cmpuint (draw (b, &state, NULL, NAN), >, 1);
  g_assert_null (a->extra);
  g_assert_null (b->extra);
}

/* A run on the squared error: both figures draw it, its loss panel and
 * bars name it, and its losses are not scaled as if they were bits (the
 * squared error has no unit: ¼ at w = b = 0, which in "bits" would be
 * 0.36). */
static void
test_squared (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("challenger");
  g_autoptr(ElabFigure) training = elab_figure_new (ELAB_FIGURE_TRAINING);
  g_autoptr(ElabFigure) landscape = elab_figure_new (ELAB_FIGURE_LANDSCAPE);
  g_autoptr(ElabTrainer) t = NULL;
  ElabTrainerSettings settings;
  ElabRect extents[2];
  const char *texts[2];
  ElabPanel panel;
  ElabState state;

  elab_state_init_default (&state);
  state.loss = ELAB_LOSS_SQUARED;
  state.unit = ELAB_UNIT_BITS;
  elab_trainer_settings_from_state (&state, &settings);
  t = elab_trainer_new (d, &settings);
  g_assert_cmpfloat (elab_trainer_get_loss (t), ==, 0.25);

  g_assert_cmpuint (draw (training, &state, t, NAN), >, 50);
  g_assert_cmpuint (draw (landscape, &state, t, NAN), >, 50);
  g_assert_true (_elab_figure_training_get_loss_panel (training, &panel));
  g_test_message ("loss axis up to %g", panel.y.max);
  g_assert_cmpfloat (panel.y.max, >=, 0.25);
  g_assert_cmpfloat (panel.y.max, <, 0.25 / M_LN2);
  g_assert_true (_elab_figure_training_get_y_labels (training, extents, texts));
  g_assert_nonnull (strstr (texts[1], "squared error"));

  elab_trainer_step (t, 100);
  g_assert_cmpuint (draw (training, &state, t, 2.0), >, 50);
  g_assert_cmpuint (draw (landscape, &state, t, NAN), >, 50);
}

/* A recording (style.run): every frame has the axes of the whole run,
 * those of the plain figure at the run's last step; without it the loss
 * panel's steps and the landscape's rectangle follow the run. */
static void
test_recorded_run_axes (void)
{
  g_autoptr(ElabDataset) data = elab_dataset_new_builtin ("challenger");
  ElabTrainerSettings s = ELAB_TRAINER_SETTINGS_INIT;
  g_autoptr(ElabTrainer) run = NULL;
  g_autoptr(ElabTrainer) t = NULL;
  g_autoptr(ElabFigure) plain = elab_figure_new (ELAB_FIGURE_TRAINING);
  g_autoptr(ElabFigure) plain_map = elab_figure_new (ELAB_FIGURE_LANDSCAPE);
  ElabPanel end_panel, panel;
  double end_rect[4], rect[4];
  ElabState state;
  const guint steps[] = { 0, 1, 7, 40 };

  elab_state_init_default (&state);
  /* Raw x at a small rate: the path leaves the first frame's rectangle,
   * and the steps run past the first frame's axis of 10. */
  s.learning_rate = 0.0005;
  s.max_steps = 40;
  run = elab_trainer_new (data, &s);
  elab_trainer_step (run, 40);
  g_assert_cmpuint (elab_trainer_get_steps (run), ==, 40);
  draw (plain, &state, run, NAN);
  draw (plain_map, &state, run, NAN);
  g_assert_true (_elab_figure_training_get_loss_panel (plain, &end_panel));
  g_assert_true (_elab_figure_landscape_get_rect (plain_map, end_rect));

  t = elab_trainer_new (data, &s);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(ElabFigure) f = elab_figure_new (ELAB_FIGURE_TRAINING);
      g_autoptr(ElabFigure) map = elab_figure_new (ELAB_FIGURE_LANDSCAPE);
      g_autoptr(ElabFigure) both = elab_figure_new (ELAB_FIGURE_TRAINING_BOTH);
      ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
      cairo_t *cr = cairo_create (surface);

      elab_trainer_step (t, steps[i] - (guint) elab_trainer_get_steps (t));
      style.run = run;
      elab_figure_draw (f, cr, W, H, &state, t, &style);
      elab_figure_draw (map, cr, W, H, &state, t, &style);
      elab_figure_draw (both, cr, 2 * W, H, &state, t, &style);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);

      g_assert_true (_elab_figure_training_get_loss_panel (f, &panel));
      g_assert_cmpfloat (panel.x.max, ==, end_panel.x.max);
      g_assert_cmpfloat (panel.y.min, ==, end_panel.y.min);
      g_assert_cmpfloat (panel.y.max, ==, end_panel.y.max);
      g_assert_true (_elab_figure_landscape_get_rect (map, rect));
      g_assert_cmpmem (rect, sizeof rect, end_rect, sizeof end_rect);
    }

  /* The same first frame without the run: its own, smaller axes. */
  {
    g_autoptr(ElabTrainer) first = elab_trainer_new (data, &s);
    g_autoptr(ElabFigure) f = elab_figure_new (ELAB_FIGURE_TRAINING);
    g_autoptr(ElabFigure) map = elab_figure_new (ELAB_FIGURE_LANDSCAPE);

    draw (f, &state, first, NAN);
    draw (map, &state, first, NAN);
    g_assert_true (_elab_figure_training_get_loss_panel (f, &panel));
    g_assert_cmpfloat (panel.x.max, <, end_panel.x.max);
    g_assert_true (_elab_figure_landscape_get_rect (map, rect));
    g_assert_true (memcmp (rect, end_rect, sizeof rect) != 0);
  }
}

/* Comparing the losses: the landscape keeps a run on the other loss at
 * the figure's run's step (rewound with it), both paths inside the one
 * rectangle; asked no more, the run is dropped. */
static void
test_compare_losses (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("challenger");
  g_autoptr(ElabFigure) landscape = elab_figure_new (ELAB_FIGURE_LANDSCAPE);
  g_autoptr(ElabTrainer) t = NULL;
  const ElabTrainer *other;
  ElabTrainerSettings settings;
  ElabState state;
  double rect[4];
  gsize n;
  const ElabTrainPoint *h;

  g_assert_true (elab_presets_apply ("squared-error-stall", &state));
  g_assert_true (state.compare_losses);
  state.steps = 400;
  elab_trainer_settings_from_state (&state, &settings);
  t = elab_trainer_new (d, &settings);
  elab_trainer_step (t, 400);

  g_assert_cmpuint (draw (landscape, &state, t, NAN), >, 50);
  other = _elab_figure_landscape_get_companion (landscape);
  g_assert_nonnull (other);
  g_assert_cmpint (elab_trainer_get_settings (other)->loss, ==, ELAB_LOSS_CROSS_ENTROPY);
  /* The cross-entropy's run converged before step 400; the squared
   * error's is at its limit, far from its optimum. */
  g_assert_cmpint (elab_trainer_get_status (other), ==, ELAB_TRAIN_STATUS_CONVERGED);
  g_assert_cmpfloat (elab_trainer_get_loss (other), <, elab_trainer_get_loss (t));
  g_assert_true (_elab_figure_landscape_get_rect (landscape, rect));
  h = elab_trainer_get_history (other, &n);
  for (gsize i = 0; i < n; i++)
    {
      g_assert_cmpfloat (h[i].w, >=, rect[0]);
      g_assert_cmpfloat (h[i].w, <=, rect[1]);
      g_assert_cmpfloat (h[i].b, >=, rect[2]);
      g_assert_cmpfloat (h[i].b, <=, rect[3]);
    }

  /* A reset run rewinds the other. */
  elab_trainer_reset (t, NULL);
  elab_trainer_step (t, 3);
  g_assert_cmpuint (draw (landscape, &state, t, NAN), >, 50);
  g_assert_cmpuint (elab_trainer_get_steps (_elab_figure_landscape_get_companion (landscape)), ==, 3);

  state.compare_losses = FALSE;
  g_assert_cmpuint (draw (landscape, &state, t, NAN), >, 50);
  g_assert_null (_elab_figure_landscape_get_companion (landscape));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/plot/TrainingFigure/outcomes", test_outcomes);
  g_test_add_func ("/elab/plot/TrainingFigure/hover-pick", test_hover_pick);
  g_test_add_func ("/elab/plot/LandscapeFigure/cache", test_landscape_cache);
  g_test_add_func ("/elab/plot/Figure/layers-match-fresh", test_layers_match_fresh);
  g_test_add_func ("/elab/plot/LandscapeFigure/layout-change", test_layout_change);
  g_test_add_func ("/elab/plot/TrainingFigure/narrow-presentation-room", test_narrow_presentation_room);
  g_test_add_func ("/elab/plot/TrainingFigure/tall-column-stacks", test_tall_column_stacks);
  g_test_add_func ("/elab/plot/LandscapeFigure/squeezed-colour-bar", test_squeezed_colour_bar);
  g_test_add_func ("/elab/plot/LandscapeFigure/hidpi-layers", test_hidpi_layers);
  g_test_add_func ("/elab/plot/TrainingFigure/placeholder", test_placeholder);
  g_test_add_func ("/elab/plot/TrainingFigure/squared", test_squared);
  g_test_add_func ("/elab/plot/LandscapeFigure/compare-losses", test_compare_losses);
  g_test_add_func ("/elab/plot/TrainingFigure/recorded-run-axes", test_recorded_run_axes);

  return g_test_run ();
}
