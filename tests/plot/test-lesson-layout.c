/* test-lesson-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lessons' scenes as a lecture hall sees them: presentation type at
 * the projector sizes, each scene with its caption (beside floating
 * controls or not, with and without a hover read-out), a question before
 * and after its reveal. Every plot keeps a usable height, every legend
 * shows every row, and a reveal moves no plot.
 */

#include "elab-figure-private.h"
#include "elab-scenario.h"

static const int sizes[][2] = { { 1920, 1080 }, { 1280, 720 }, { 1024, 768 } };

static const char * const lessons[] = {
  "lesson-entropy.elab", "lesson-cross-entropy.elab", "lesson-cross-entropy-order.elab",
  "lesson-softmax.elab",
};

static ElabFigureKind
kind_for_page (ElabPageKind page)
{
  switch (page)
    {
    case ELAB_PAGE_ENTROPY:
      return ELAB_FIGURE_ENTROPY;
    case ELAB_PAGE_SOFTMAX:
      return ELAB_FIGURE_SOFTMAX;
    case ELAB_PAGE_CROSS_ENTROPY:
    case ELAB_PAGE_TRAINING:
    default:
      return ELAB_FIGURE_CROSS_ENTROPY;
    }
}

/* What the window's presentation draws for @scene: its caption, and for
 * a question room for the revealed one. */
typedef struct
{
  const char *file;
  guint       index;
  int         width, height;
  gboolean    revealed;
  gboolean    hover;
  gboolean    controls;   /* floating over the figure's bottom left */
} Case;

static ElabFigure *
draw_scene (const ElabScene *scene,
            const Case      *c)
{
  const ElabState *state = elab_scene_get_state (scene, c->revealed);
  ElabFigure *figure = elab_figure_new (kind_for_page (state->page));
  g_autofree char *card = elab_scene_card_text (scene, c->revealed);
  g_autofree char *room = scene->kind == ELAB_SCENE_QUESTION ? elab_scene_card_text (scene, TRUE) : NULL;
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, c->width, c->height);
  cairo_t *cr = cairo_create (s);

  style.type_scale = 1.6;
  style.line_scale = 2.0;
  style.caption = card;
  style.caption_room = room;
  if (c->hover)
    style.hover_x = 3.112;
  if (c->controls)
    style.caption_left = round (0.4 * c->width);
  elab_figure_draw (figure, cr, c->width, c->height, state, NULL, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
  return figure;
}

static void
describe (const Case *c,
          const char *what)
{
  g_test_message ("%s scene %u at %dx%d%s%s%s: %s", c->file, c->index + 1, c->width, c->height,
                  c->revealed ? ", revealed" : "", c->hover ? ", hovered" : "",
                  c->controls ? ", controls floating" : "", what);
}

/* Calls @func for every scene of every lesson (but Training's) at every
 * size and variant. */
static void
foreach_case (void (*func) (const ElabScene *scene, const Case *c))
{
  for (guint l = 0; l < G_N_ELEMENTS (lessons); l++)
    {
      g_autofree char *path = g_build_filename (ELAB_SCENARIO_DIR, lessons[l], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ElabScenario) scenario = elab_scenario_load_file (path, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < scenario->scenes->len; i++)
        {
          const ElabScene *scene = g_ptr_array_index (scenario->scenes, i);

          if (scene->state.page == ELAB_PAGE_TRAINING)
            continue;
          for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
            for (guint v = 0; v < 4; v++)
              {
                Case c = { lessons[l], i, sizes[z][0], sizes[z][1], FALSE, v & 1, v & 2 };

                func (scene, &c);
              }
        }
    }
}

/* No plot is drawn collapsed: each keeps three tick labels' height (the
 * Entropy page's arch H(p) was 1 px tall under a revealed question's
 * caption, its "0" and "1" printed on each other), and every legend row
 * is drawn (KL(p‖q), the number an exercise asks to change, was left out
 * at 1024×768). */
static void
check_room (const ElabScene *scene,
            const Case      *c)
{
  for (int r = 0; r < (scene->kind == ELAB_SCENE_QUESTION ? 2 : 1); r++)
    {
      Case cr = *c;
      g_autoptr(ElabFigure) figure = NULL;
      double min_h;

      cr.revealed = r;
      figure = draw_scene (scene, &cr);
      min_h = round (3 * figure->metrics.tick_px);
      for (guint p = 0; p < figure->n_panels; p++)
        {
          const ElabRect *a = &figure->panels[p].area;

          if (a->height < min_h || a->width < min_h)
            describe (&cr, "a plot too small");
          if (a->height < min_h || a->width < min_h)
            g_test_message ("panel %u: %g×%g at (%g, %g), at least %g", p, a->width, a->height, a->x, a->y, min_h);
          g_assert_cmpfloat (a->height, >=, min_h);
          g_assert_cmpfloat (a->width, >=, min_h);
        }
      if (figure->n_legend_cut != 0)
        describe (&cr, "legend rows left out or cut");
      g_assert_cmpuint (figure->n_legend_cut, ==, 0);
    }
}

static void
test_plots_keep_room (void)
{
  foreach_case (check_room);
}

/* A question's reveal moves no plot up or down: the caption's strip had
 * room for the answer from the start (the cross-entropy plot was 280 px
 * tall at 1280×720 before the reveal, 210 after). Only a width may
 * change, where the answer's numbers need a wider legend column (q =
 * 9.4×10⁻¹⁴ at 1024×768). */
static void
check_reveal (const ElabScene *scene,
              const Case      *c)
{
  Case cr = *c;
  g_autoptr(ElabFigure) question = NULL;
  g_autoptr(ElabFigure) answer = NULL;

  if (scene->kind != ELAB_SCENE_QUESTION)
    return;
  question = draw_scene (scene, &cr);
  cr.revealed = TRUE;
  answer = draw_scene (scene, &cr);
  if (question->n_panels != answer->n_panels)
    describe (&cr, "the reveal changes the plots");
  g_assert_cmpuint (question->n_panels, ==, answer->n_panels);
  for (guint p = 0; p < question->n_panels; p++)
    {
      const ElabRect *a = &question->panels[p].area, *b = &answer->panels[p].area;

      if (a->x != b->x || a->y != b->y || a->height != b->height)
        {
          describe (&cr, "the reveal moves a plot");
          g_test_message ("panel %u: %g×%g at (%g, %g), then %g×%g at (%g, %g)", p,
                          a->width, a->height, a->x, a->y, b->width, b->height, b->x, b->y);
        }
      g_assert_cmpfloat (a->x, ==, b->x);
      g_assert_cmpfloat (a->y, ==, b->y);
      g_assert_cmpfloat (a->height, ==, b->height);
    }
}

static void
test_reveal_keeps_plots (void)
{
  foreach_case (check_reveal);
}

/* The hovered x's term labels on the cross-entropy plot ("−(1 − p)
 * log(1 − q) = 0.383 bits") cover no curve and no shaded gap: they were
 * boxes across H(p, q) and H(p) in presentation type. Checked against
 * the sampled curves, a line's width around each label. */
static void
check_term_labels (const ElabScene *scene,
                   const Case      *c)
{
  g_autoptr(ElabFigure) figure = NULL;
  const ElabPairCurves *pc;
  const ElabPanel *panel;
  const ElabState *state = elab_scene_get_state (scene, FALSE);

  if (state->page != ELAB_PAGE_CROSS_ENTROPY || !c->hover)
    return;
  figure = draw_scene (scene, c);
  pc = figure->pair;
  panel = &figure->panels[0];
  for (guint r = 0; r < figure->n_readouts; r++)
    {
      const ElabRect *b = &figure->readouts[r];
      double m = figure->metrics.line_w / 2;

      for (guint i = 0; i < pc->n; i++)
        {
          const double ys[4] = { pc->h_p[i], pc->h_q[i], pc->h_pq[i], pc->h_qp[i] };
          double px = _elab_axis_to_px (&panel->x, pc->x[i]);
          double py[4];

          if (px < b->x - m || px > b->x + b->width + m)
            continue;
          for (guint k = 0; k < 4; k++)
            {
              py[k] = _elab_axis_to_px (&panel->y, ys[k]);
              if (py[k] >= b->y - m && py[k] <= b->y + b->height + m)
                {
                  describe (c, "a term label covers a curve");
                  g_test_message ("label %g×%g at (%g, %g); curve %u at (%g, %g)",
                                  b->width, b->height, b->x, b->y, k, px, py[k]);
                }
              g_assert_false (py[k] >= b->y - m && py[k] <= b->y + b->height + m);
            }
          /* A shaded gap: between H(p) and H(p, q), or H(q) and H(q, p). */
          for (guint k = 0; k < 2; k++)
            {
              gboolean shaded = k == 0 ? state->kl_gap == ELAB_KL_GAP_PQ || state->kl_gap == ELAB_KL_GAP_BOTH
                                       : state->kl_gap == ELAB_KL_GAP_QP || state->kl_gap == ELAB_KL_GAP_BOTH;
              double lo = MIN (py[k], py[k + 2]), hi = MAX (py[k], py[k + 2]);
              gboolean over = shaded && lo <= b->y + b->height && hi >= b->y;

              if (over)
                describe (c, "a term label over a shaded gap");
              g_assert_false (over);
            }
        }
    }
}

static void
test_term_labels (void)
{
  foreach_case (check_term_labels);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/elab/plot/LessonLayout/plots-keep-room", test_plots_keep_room);
  g_test_add_func ("/elab/plot/LessonLayout/reveal-keeps-plots", test_reveal_keeps_plots);
  g_test_add_func ("/elab/plot/LessonLayout/term-labels", test_term_labels);
  return g_test_run ();
}
