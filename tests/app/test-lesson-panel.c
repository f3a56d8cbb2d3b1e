/* test-lesson-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building a lesson in the window: three scenes made in the lesson panel
 * (a caption, a question with its choices and its reveal, an exercise),
 * edited, moved, undone and redone, saved, opened again and compared.
 */
#include "elab-config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "app-test-util.h"
#include "elab-cross-entropy-page.h"
#include "elab-lesson-panel.h"
#include "elab-model-editor.h"
#include "elab-plot-view.h"
#include "elab-quantities.h"
#include "elab-scene-player.h"
#include "elab-window-scenes.h"
#include "elab-window.h"

/* The panel's entry for @label (its accessible label, as a screen reader
 * or a person reads it). */
static GtkWidget *
find_labelled (GtkWidget  *widget,
               GType       type,
               const char *placeholder)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      const char *text = GTK_IS_ENTRY (widget) ? gtk_entry_get_placeholder_text (GTK_ENTRY (widget)) : NULL;

      if (placeholder == NULL || (text != NULL && g_str_has_prefix (text, placeholder)))
        return widget;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_labelled (c, type, placeholder);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button under @widget that activates @action. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_action_button (c, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
revealed (gpointer flap)
{
  return adw_flap_get_reveal_progress (flap) == 1;
}

/* The lesson panel, opened as a person opens it (Ctrl+L), once it has
 * slid in: it is built when first shown. */
static GtkWidget *
open_panel (ElabWindow *window)
{
  GtkWidget *panel;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lesson-panel", NULL));
  wait_until (revealed, template_child (window, ELAB_TYPE_WINDOW, "lesson_flap"));
  panel = find_type (GTK_WIDGET (window), ELAB_TYPE_LESSON_PANEL);
  g_assert_nonnull (panel);
  return panel;
}

static void
type_into (GtkWidget  *panel,
           const char *placeholder,
           const char *text)
{
  GtkWidget *entry = find_labelled (panel, GTK_TYPE_ENTRY, placeholder);

  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_sensitive (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* The n-th drop-down of the panel: 0 the scene's kind, 1 the answer. */
static GtkDropDown *
dropdown (GtkWidget *panel,
          guint      n)
{
  GtkWidget *w = find_labelled (panel, GTK_TYPE_DROP_DOWN, NULL);

  for (guint i = 0; i < n && w != NULL; i++)
    {
      /* The next drop-down in the tree after @w. */
      GtkWidget *p = w;
      GtkWidget *found = NULL;

      while (found == NULL && p != NULL)
        {
          for (GtkWidget *s = gtk_widget_get_next_sibling (p); s != NULL && found == NULL; s = gtk_widget_get_next_sibling (s))
            found = find_labelled (s, GTK_TYPE_DROP_DOWN, NULL);
          p = gtk_widget_get_parent (p);
        }
      w = found;
    }
  g_assert_nonnull (w);
  return GTK_DROP_DOWN (w);
}

static void
act (GtkWidget  *panel,
     const char *action)
{
  g_assert_true (gtk_widget_activate_action (panel, action, NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static const ElabScene *
scene_at (ElabScenePlayer *player,
          guint            index)
{
  return g_ptr_array_index (elab_scene_player_get_scenario (player)->scenes, index - 1);
}

static void
test_build_lesson (void)
{
  g_autofree char *dir = g_dir_make_tmp ("elab-lesson-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "made.elab", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ElabScenario) loaded = NULL;
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  ElabWindow *again;
  ElabDocument *document = elab_window_get_document (window);
  ElabScenePlayer *player = elab_window_get_scene_player (window);
  GObject *flap = gtk_widget_get_template_child (GTK_WIDGET (window), ELAB_TYPE_WINDOW, "lesson_flap");
  GtkWidget *panel;
  const ElabScene *scene;

  gtk_window_present (GTK_WINDOW (window));
  panel = open_panel (window);
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  elab_document_set_string (document, "page", "cross-entropy", NULL);

  /* Scene 1: what the window shows, with a caption. */
  act (panel, "lesson.add");
  g_assert_cmpuint (elab_scene_player_get_n_scenes (player), ==, 1);
  {
    /* The caption's box takes lines as typed (Enter), wrapped to its width. */
    GtkWidget *caption = find_labelled (panel, GTK_TYPE_TEXT_VIEW, NULL);

    g_assert_nonnull (caption);
    g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (caption)), !=, GTK_WRAP_NONE);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (caption)),
                              "The true p and a model q.\nThe gap is KL(p‖q).", -1);
  }
  g_assert_cmpstr (scene_at (player, 1)->caption, ==, "The true p and a model q.\nThe gap is KL(p‖q).");

  /* Scene 2: a question whose reveal shows q at θ = 0.5. */
  g_assert_true (elab_document_set_number (document, "q-theta", -1, 3.0, NULL));
  act (panel, "lesson.add");
  gtk_drop_down_set_selected (dropdown (panel, 0), ELAB_SCENE_QUESTION);
  type_into (panel, "The question", "Swap p and q: same curve?");
  type_into (panel, "Choice A", "Yes");
  type_into (panel, "Choice B", "No, the order matters");
  gtk_drop_down_set_selected (dropdown (panel, 1), 1);
  type_into (panel, "Explanation", "Cross-entropy is not symmetric.");
  g_assert_true (elab_document_set_number (document, "q-theta", -1, 0.5, NULL));
  act (panel, "lesson.set-reveal");
  scene = scene_at (player, 2);
  g_assert_cmpint (scene->kind, ==, ELAB_SCENE_QUESTION);
  g_assert_cmpfloat (scene->state.q.theta, ==, 3.0);
  g_assert_true (scene->has_after);
  g_assert_cmpfloat (scene->after.q.theta, ==, 0.5);
  g_assert_cmpint (scene->answer, ==, 1);

  /* Scene 3: an exercise. A goal that does not read is not kept. */
  act (panel, "lesson.add");
  gtk_drop_down_set_selected (dropdown (panel, 0), ELAB_SCENE_EXERCISE);
  type_into (panel, "Goal", "mean-kl <= 1");
  g_assert_cmpstr (scene_at (player, 3)->goal, ==, "mean-kl-pq <= 0.05");
  type_into (panel, "Goal", "mean-kl-pq <= 0.01");
  g_assert_cmpstr (scene_at (player, 3)->goal, ==, "mean-kl-pq <= 0.01");
  g_assert_cmpuint (elab_scene_player_get_n_scenes (player), ==, 3);

  /* Move it up, undo the move, redo it, undo again. */
  act (panel, "lesson.move-up");
  g_assert_cmpint (scene_at (player, 2)->kind, ==, ELAB_SCENE_EXERCISE);
  act (panel, "lesson.undo");
  g_assert_cmpint (scene_at (player, 2)->kind, ==, ELAB_SCENE_QUESTION);
  g_assert_cmpint (scene_at (player, 3)->kind, ==, ELAB_SCENE_EXERCISE);
  act (panel, "lesson.redo");
  g_assert_cmpint (scene_at (player, 2)->kind, ==, ELAB_SCENE_EXERCISE);
  act (panel, "lesson.undo");
  /* The redo is there to take: its button is enabled. */
  g_assert_true (gtk_widget_get_sensitive (find_action_button (panel, "lesson.redo")));

  /* Duplicate and delete leave the lesson as it was. */
  act (panel, "lesson.duplicate");
  g_assert_cmpuint (elab_scene_player_get_n_scenes (player), ==, 4);
  act (panel, "lesson.delete");
  g_assert_cmpuint (elab_scene_player_get_n_scenes (player), ==, 3);

  /* Saved, opened in a new window: every scene as it was made. */
  g_assert_true (elab_window_save_scenario_file (window, path, &error));
  g_assert_no_error (error);
  loaded = elab_scenario_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->scenes->len, ==, 3);
  again = g_object_new (ELAB_TYPE_WINDOW, NULL);
  g_assert_true (elab_window_open_scenario_file (again, path));
  for (guint i = 1; i <= 3; i++)
    {
      g_autoptr (ElabScenario) a = elab_scenario_new (NULL);
      g_autoptr (ElabScenario) b = elab_scenario_new (NULL);

      g_ptr_array_add (a->scenes, elab_scene_copy (scene_at (player, i)));
      g_ptr_array_add (b->scenes, elab_scene_copy (scene_at (elab_window_get_scene_player (again), i)));
      g_assert_true (elab_scenario_equal (a, b));
    }
  g_assert_cmpstr (((ElabScene *) g_ptr_array_index (loaded->scenes, 1))->choices[1], ==,
                   "No, the order matters");

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (again));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A student solves the shipped cross-entropy lesson's exercise by moving
 * q's sliders towards p: the scene turns to done only when the goal holds. */
static void
test_solve_exercise (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "scenarios",
                                                 "lesson-cross-entropy-order.elab", NULL);
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  ElabScenePlayer *player = elab_window_get_scene_player (window);
  GtkWidget *page;
  GObject *q;
  GtkAdjustment *theta, *bias;
  guint steps = 0, exercise, n_scenes;
  double q_theta;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (elab_window_open_scenario_file (window, path));
  for (exercise = 1; scene_at (player, exercise)->kind != ELAB_SCENE_EXERCISE; exercise++)
    ;
  g_assert_true (elab_scene_player_go_to (player, exercise, FALSE));
  g_assert_false (elab_scene_player_get_solved (player));
  g_assert_nonnull (strstr (elab_scene_player_get_caption (player), "Goal: the mean of KL(p‖q) ≤ 0.01 bits"));

  page = find_labelled (GTK_WIDGET (window), ELAB_TYPE_CROSS_ENTROPY_PAGE, NULL);
  g_assert_nonnull (page);
  q = template_child (page, ELAB_TYPE_CROSS_ENTROPY_PAGE, "editor_q");
  theta = GTK_ADJUSTMENT (template_child (q, ELAB_TYPE_MODEL_EDITOR, "theta_adjustment"));
  bias = GTK_ADJUSTMENT (template_child (q, ELAB_TYPE_MODEL_EDITOR, "bias_adjustment"));

  /* The drag: small steps, as a pointer moves a slider, until done. */
  while (!elab_scene_player_get_solved (player) && steps < 200)
    {
      double t = gtk_adjustment_get_value (theta), b = gtk_adjustment_get_value (bias);

      gtk_adjustment_set_value (theta, t > 1.0 ? MAX (1.0, t - 0.05) : t);
      gtk_adjustment_set_value (bias, b > 0.0 ? MAX (0.0, b - 0.025) : b);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      steps++;
    }
  g_assert_true (elab_scene_player_get_solved (player));
  g_assert_cmpuint (steps, >, 5);     /* not solved from the start */
  g_assert_nonnull (strstr (elab_scene_player_get_caption (player), "✓ Goal met"));
  g_assert_nonnull (strstr (elab_scene_player_get_caption (player), "KL(p‖q) is zero only where q = p"));

  /* The progress is kept with the last state: the window saves it as it
   * closes, and the next start opens the lesson where it was left, the
   * exercise solved. */
  n_scenes = elab_scene_player_get_n_scenes (player);
  q_theta = gtk_adjustment_get_value (theta);
  gtk_window_close (GTK_WINDOW (window));
  {
    ElabWindow *again = g_object_new (ELAB_TYPE_WINDOW, NULL);
    ElabScenePlayer *restored = elab_window_get_scene_player (again);

    g_assert_cmpuint (elab_scene_player_get_n_scenes (restored), ==, n_scenes);
    g_assert_true (scene_at (restored, exercise)->solved);
    g_assert_false (scene_at (restored, 1)->solved);
    g_assert_cmpfloat (elab_document_get_state (elab_window_get_document (again))->q.theta, ==, q_theta);
    gtk_window_destroy (GTK_WINDOW (again));
  }

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Stepping through a lesson (reveals, then the next question) edits
 * nothing, whether the lesson panel is open or not: filling the panel's
 * entries from a scene once took the text an entry passes through for an
 * edit, and freed the choices it was reading. */
static void
test_stepping_edits_nothing (void)
{
  static const char *lessons[] = {
    "lesson-entropy.elab", "lesson-cross-entropy.elab", "lesson-cross-entropy-order.elab", "lesson-training.elab",
    "lesson-softmax.elab",
  };

  for (guint open = 0; open < 2; open++)
    for (guint l = 0; l < G_N_ELEMENTS (lessons); l++)
      {
        g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "scenarios",
                                                       lessons[l], NULL);
        ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
        ElabScenePlayer *player = elab_window_get_scene_player (window);
        g_autofree char *before = NULL;
        g_autofree char *after = NULL;
        guint steps = 0;

        gtk_window_present (GTK_WINDOW (window));
        g_assert_true (elab_window_open_scenario_file (window, path));
        if (open)
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lesson-panel", NULL));
        before = elab_scenario_to_data (elab_scene_player_get_scenario (player), NULL, NULL);
        while (elab_scene_player_next (player) && steps++ < 64)
          while (g_main_context_iteration (NULL, FALSE))
            ;
        while (elab_scene_player_previous (player) && steps++ < 128)
          while (g_main_context_iteration (NULL, FALSE))
            ;
        after = elab_scenario_to_data (elab_scene_player_get_scenario (player), NULL, NULL);
        g_assert_cmpstr (after, ==, before);
        gtk_window_destroy (GTK_WINDOW (window));
        while (g_main_context_iteration (NULL, FALSE))
          ;
      }
}

static ElabPlotView *
captioned_view (GtkWidget *widget)
{
  if (ELAB_IS_PLOT_VIEW (widget) && elab_plot_view_get_caption (ELAB_PLOT_VIEW (widget)) != NULL)
    return ELAB_PLOT_VIEW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      ElabPlotView *found = captioned_view (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A question that asks for a place on the figure: the answer's x is drawn
 * beside the guess once revealed, and not before. */
static void
test_guess_on_figure (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "scenarios",
                                                 "lesson-cross-entropy-order.elab", NULL);
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  ElabScenePlayer *player = elab_window_get_scene_player (window);
  ElabFigureStyle style;
  ElabPlotView *view;
  ElabAnswer truth;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (elab_window_open_scenario_file (window, path));
  g_assert_true (elab_scene_player_go_to (player, elab_scene_player_get_n_scenes (player), FALSE));
  g_assert_nonnull (scene_at (player, elab_scene_player_get_n_scenes (player))->guess);
  view = captioned_view (GTK_WIDGET (window));
  g_assert_nonnull (view);
  elab_plot_view_get_style (view, &style);
  g_assert_cmpuint (style.truth.n, ==, 0);

  elab_scene_player_next (player);   /* the reveal */
  elab_scene_player_finish (player);
  g_assert_true (elab_scene_player_get_revealed (player));
  view = captioned_view (GTK_WIDGET (window));
  elab_plot_view_get_style (view, &style);
  /* KL(p‖q) of σ(x) and σ(2x) is even in x: both maxima are drawn. */
  g_assert_true (elab_quantity_eval_answer ("argmax-kl-pq",
                                            elab_document_get_state (elab_window_get_document (window)),
                                            &truth, NULL));
  g_assert_cmpuint (truth.n, ==, 2);
  g_assert_cmpuint (style.truth.n, ==, truth.n);
  for (guint i = 0; i < truth.n; i++)
    g_assert_true (style.truth.at[i].lo == truth.at[i].lo && style.truth.at[i].hi == truth.at[i].hi);
  g_assert_nonnull (strstr (elab_scene_player_get_caption (player),
                            "Answer: the x where KL(p‖q) is largest: x = ±1.9"));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The scene list names a cross-entropy in the notation the window asks
 * for, as the pages' labels do, both ways. */
static void
test_notation (void)
{
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  ElabDocument *document = elab_window_get_document (window);
  ElabScenePlayer *player = elab_window_get_scene_player (window);
  g_autofree char *standard = NULL;
  g_autofree char *subscript = NULL;
  GtkWidget *panel, *caption;

  gtk_window_present (GTK_WINDOW (window));
  panel = open_panel (window);
  elab_document_set_number (document, "notation", -1, ELAB_NOTATION_STANDARD, NULL);
  act (panel, "lesson.add");
  caption = find_labelled (panel, GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (caption);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (caption)),
                            "Which is larger, H(p,q) or H(q,p)?", -1);
  spin ();
  standard = g_strdup_printf ("%u. Which is larger, H(p,q) or H(q,p)?", elab_scene_player_get_index (player));
  /* Subscripts as a lowered span: the row is cut to the panel's width. */
  subscript = g_strdup_printf ("%u. Which is larger, H<span size=\"smaller\" rise=\"-3pt\">q</span>(p) "
                               "or H<span size=\"smaller\" rise=\"-3pt\">p</span>(q)?",
                               elab_scene_player_get_index (player));
  g_assert_nonnull (find_label (panel, standard));

  elab_document_set_number (document, "notation", -1, ELAB_NOTATION_SUBSCRIPT, NULL);
  spin ();
  g_assert_nonnull (find_label (panel, subscript));
  g_assert_null (find_label (panel, standard));

  elab_document_set_number (document, "notation", -1, ELAB_NOTATION_STANDARD, NULL);
  spin ();
  g_assert_nonnull (find_label (panel, standard));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* On a 1024 px screen the lesson panel lies over the page where the two
 * do not fit side by side, rather than asking for a window wider than
 * the screen (1,277 px on the Training page, before). */
static void
test_fits_small_screen (void)
{
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);

  gtk_window_present (GTK_WINDOW (window));
  open_panel (window);
  for (ElabPageKind page = ELAB_PAGE_ENTROPY; page <= ELAB_PAGE_SOFTMAX; page++)
    {
      int minimum = 0;

      elab_window_set_page (window, page);
      spin ();
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_test_message ("page %d: the window needs at least %d px with the lesson panel open", page, minimum);
      g_assert_cmpint (minimum, <=, 1024);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv);

  g_test_add_func ("/elab/app/LessonPanel/build-lesson", test_build_lesson);
  g_test_add_func ("/elab/app/LessonPanel/solve-exercise", test_solve_exercise);
  g_test_add_func ("/elab/app/LessonPanel/guess-on-figure", test_guess_on_figure);
  g_test_add_func ("/elab/app/LessonPanel/stepping-edits-nothing", test_stepping_edits_nothing);
  g_test_add_func ("/elab/app/LessonPanel/notation", test_notation);
  g_test_add_func ("/elab/app/LessonPanel/fits-small-screen", test_fits_small_screen);

  return g_test_run ();
}
