/* test-lesson-figures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the lesson's figures must show: curves that coincide stay visible,
 * and a model that ignores x is named by the probability it is.
 */
#include "elab-config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "elab-export.h"
#include "elab-figure-private.h"
#include "elab-presets.h"
#include "elab-quantities.h"
#include "elab-trainer.h"
#include "plot-test-util.h"

/* Pixels of @rgb (within a few levels: anti-aliasing aside) in the left
 * @fraction of @surface, where the Cross-entropy figure has its plot. */
static guint
count_colour (cairo_surface_t *surface,
              guint32          rgb,
              double           fraction)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * fraction; x++)
      {
        guint32 px = pixel (surface, x, y);
        int dr = (int) (px >> 16 & 0xff) - (int) (rgb >> 16 & 0xff);
        int dg = (int) (px >> 8 & 0xff) - (int) (rgb >> 8 & 0xff);
        int db = (int) (px & 0xff) - (int) (rgb & 0xff);

        n += ABS (dr) <= 12 && ABS (dg) <= 12 && ABS (db) <= 12;
      }
  return n;
}

/* The Bernoulli preset: p = ½, q = 0.1, constant models. H(q, p) equals
 * H(p) = 1 bit everywhere and was drawn under it, invisible; both must
 * show. The subtitle names the models as probabilities. */
static void
test_bernoulli (void)
{
  g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_CROSS_ENTROPY);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1280, 720);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *dir = g_dir_make_tmp ("elab-lesson-figures-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "bernoulli.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  int status = 0;
  ElabState state;
  guint orange, blue;

  g_assert_true (elab_presets_apply ("bernoulli-asymmetry", &state));
  elab_figure_draw (figure, cr, 1280, 720, &state, NULL, &style);
  cairo_surface_flush (surface);
  /* The default palette's H(q, p) (orange) and H(p) (blue), in the plot
   * (the legend's swatches are in the right quarter). */
  orange = count_colour (surface, 0xd9780a, 0.75);
  blue = count_colour (surface, 0x0b5fa5, 0.75);
  g_test_message ("on the plot: %u orange and %u blue pixels", orange, blue);
  g_assert_cmpuint (orange, >, 150);
  g_assert_cmpuint (blue, >, 150);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext is missing");
      return;
    }
  g_assert_true (elab_export_figure (figure, &(ElabExportRequest) { &state, &style, 1280, 720, 1.0 },
                                     NULL, ELAB_EXPORT_PDF, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "p = 0.5"));
  g_assert_nonnull (strstr (text, "q = 0.1"));
  g_assert_null (strstr (text, "2.197"));
  g_unlink (pdf);
  g_rmdir (dir);
}

/* The text of @kind's figure as a PDF of @state (and @trainer). */
static char *
figure_text (ElabFigureKind     kind,
             const ElabState   *state,
             const ElabTrainer *trainer)
{
  g_autoptr(ElabFigure) figure = elab_figure_new (kind);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;

  return figure_pdf_text (figure, &(ElabExportRequest) { state, &style, 1280, 720, 1.0 }, trainer);
}

/* Before its first step a run is "not started", not "running" (in the
 * window and in its exports); after a step it runs. */
static void
test_training_not_started (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ElabTrainer) trainer = NULL;
  g_autofree char *before = NULL, *after = NULL, *landscape = NULL;
  ElabState state;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext is missing");
      return;
    }
  elab_state_init_default (&state);
  state.page = ELAB_PAGE_TRAINING;
  trainer = elab_trainer_new_for_state (&state, &error);
  g_assert_no_error (error);

  before = figure_text (ELAB_FIGURE_TRAINING, &state, trainer);
  landscape = figure_text (ELAB_FIGURE_LANDSCAPE, &state, trainer);
  g_test_message ("%s", before);
  g_assert_nonnull (strstr (before, "not started"));
  g_assert_null (strstr (before, "running"));
  g_assert_nonnull (strstr (landscape, "not started"));
  g_assert_null (strstr (landscape, "running"));

  elab_trainer_step (trainer, 1);
  after = figure_text (ELAB_FIGURE_TRAINING, &state, trainer);
  g_assert_null (strstr (after, "not started"));
}

/* A question's guess and its answers are labelled without overprinting,
 * wherever the guess is, at the three presentation sizes with the
 * presentation's type: the first version put "answer" right of its line
 * and "your guess" left of its own, which printed "answeour guess" when
 * the guess was right of the answer and near it. Two equal maxima (±1.9)
 * are both drawn. */
static void
test_guess_labels (void)
{
  static const int sizes[][2] = { { 1920, 1080 }, { 1280, 720 }, { 1024, 768 } };
  static const ElabLogistic qs[] = { { 2, 0, 0 }, { 2, 1, 0 } };
  g_autoptr(ElabFigure) figure = elab_figure_new (ELAB_FIGURE_CROSS_ENTROPY);
  ElabState state;
  guint drawn = 0;

  elab_state_init_default (&state);
  state.page = ELAB_PAGE_CROSS_ENTROPY;
  state.p = (ElabLogistic) { 1, 0, 0 };
  for (gsize m = 0; m < G_N_ELEMENTS (qs); m++)
    for (gsize k = 0; k < G_N_ELEMENTS (sizes); k++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, sizes[k][0], sizes[k][1]);
        cairo_t *cr = cairo_create (surface);
        ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;

        state.q = qs[m];
        style.type_scale = 1.6;
        style.line_scale = 2.0;
        style.caption = "Question: Where is KL(p‖q), the gap between H(p, q) and H(p), largest?\n"
                        "Answer: the x where KL(p‖q) is largest: x = ±1.9";
        g_assert_true (elab_quantity_eval_answer ("argmax-kl-pq", &state, &style.truth, NULL));
        g_assert_cmpuint (style.truth.n, ==, m == 0 ? 2 : 1);
        for (double guess = state.x_min; guess <= state.x_max + 1e-9; guess += 0.1)
          {
            const ElabRect *area = &figure->panels[0].area;

            style.guess_x = guess;
            elab_figure_draw (figure, cr, sizes[k][0], sizes[k][1], &state, NULL, &style);
            drawn++;
            g_assert_cmpuint (figure->n_guess_labels, ==, 1 + style.truth.n);
            for (guint i = 0; i < figure->n_guess_labels; i++)
              {
                const ElabRect *a = &figure->guess_labels[i];

                g_assert_cmpfloat (a->width, >, 0);
                g_assert_true (a->x >= area->x && a->x + a->width <= area->x + area->width + 0.5);
                g_assert_true (a->y >= area->y && a->y + a->height <= area->y + area->height);
                for (guint j = 0; j < i; j++)
                  {
                    const ElabRect *b = &figure->guess_labels[j];

                    if (a->x < b->x + b->width && b->x < a->x + a->width &&
                        a->y < b->y + b->height && b->y < a->y + a->height)
                      g_error ("%dx%d, guess %.2f: labels %u (%.0f, %.0f, %.0f×%.0f) and %u (%.0f, %.0f, "
                               "%.0f×%.0f) overlap", sizes[k][0], sizes[k][1], guess, i, a->x, a->y, a->width,
                               a->height, j, b->x, b->y, b->width, b->height);
                  }
              }
          }
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
  g_test_message ("%u figures, no labels overlapping", drawn);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/plot/LessonFigures/bernoulli", test_bernoulli);
  g_test_add_func ("/elab/plot/LessonFigures/training-not-started", test_training_not_started);
  g_test_add_func ("/elab/plot/LessonFigures/guess-labels", test_guess_labels);

  return g_test_run ();
}
