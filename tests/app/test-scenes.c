/* test-scenes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scenes: the glide between two states, the presenter's keys, the window
 * opening a scenario (and refusing a bad one without crashing), the
 * lesson shipped in data/scenarios, and the round trip save → open →
 * identical export pixels.
 */
#include "elab-config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "elab-curves.h"
#include "elab-export.h"
#include "elab-scene-player.h"
#include "elab-sweep-dialog.h"
#include "elab-training-run.h"
#include "elab-window-scenes.h"
#include "elab-window.h"

#include "app-test-util.h"

static char *
lesson_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "..", "data", "scenarios",
                                "lesson-cross-entropy.elab", NULL);
}

/* Three scenes on two pages with distinct values everywhere they glide. */
static ElabScenario *
make_scenario (void)
{
  ElabScenario *scenario;
  ElabState s1, s2, s3;

  elab_state_init_default (&s1);
  s1.page = ELAB_PAGE_ENTROPY;
  s1.models[0].theta = 1.0;

  s2 = s1;
  s2.models[0].theta = 3.0;
  s2.models[1].bias = -2.0;
  s2.x_min = -4.0;
  s2.x_max = 8.0;

  s3 = s2;
  s3.page = ELAB_PAGE_SOFTMAX;
  s3.temperature = 4.0;
  s3.logits[0] = -1.0;

  scenario = elab_scenario_new (&s1);
  elab_scenario_add_scene (scenario, &s1, "one");
  elab_scenario_add_scene (scenario, &s2, "two");
  elab_scenario_add_scene (scenario, &s3, "");
  return scenario;
}

static const ElabState *
scene_state (const ElabScenario *scenario,
             guint               index)
{
  const ElabScene *scene = g_ptr_array_index (scenario->scenes, index - 1);

  return &scene->state;
}

static void
test_ease (void)
{
  double last = 0.0;

  g_assert_cmpfloat (elab_scene_ease (0.0), ==, 0.0);
  g_assert_cmpfloat (elab_scene_ease (1.0), ==, 1.0);
  g_assert_cmpfloat (elab_scene_ease (-1.0), ==, 0.0);
  g_assert_cmpfloat (elab_scene_ease (2.0), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (elab_scene_ease (0.5), 0.5, 1e-12);
  /* In-out: slow at both ends, monotone in between. */
  g_assert_cmpfloat (elab_scene_ease (0.1), <, 0.1);
  g_assert_cmpfloat (elab_scene_ease (0.9), >, 0.9);
  for (int i = 1; i <= 100; i++)
    {
      double e = elab_scene_ease (i / 100.0);

      g_assert_cmpfloat (e, >=, last);
      last = e;
    }
}

static void
test_interpolate (void)
{
  ElabState a, b, mid, end;
  double sum = 0.0;

  elab_state_init_default (&a);
  b = a;
  b.p.theta = 5.0;
  b.q.bias = -3.0;
  b.temperature = 4.0;
  a.temperature = 0.25;
  b.target[0] = 0.0;
  b.target[1] = 1.0;
  b.page = ELAB_PAGE_SOFTMAX;
  b.unit = ELAB_UNIT_NATS;

  elab_state_interpolate (&a, &b, 0.0, &mid);
  g_assert_true (elab_state_equal (&mid, &a));
  elab_state_interpolate (&a, &b, 1.0, &end);
  g_assert_true (elab_state_equal (&end, &b));

  elab_state_interpolate (&a, &b, 0.5, &mid);
  g_assert_cmpfloat_with_epsilon (mid.p.theta, (a.p.theta + 5.0) / 2, 1e-12);
  g_assert_cmpfloat_with_epsilon (mid.q.bias, (a.q.bias - 3.0) / 2, 1e-12);
  /* Temperature glides in log space: halfway between ¼ and 4 is 1. */
  g_assert_cmpfloat_with_epsilon (mid.temperature, 1.0, 1e-12);
  /* Discrete fields are the destination's at once. */
  g_assert_cmpint (mid.page, ==, ELAB_PAGE_SOFTMAX);
  g_assert_cmpint (mid.unit, ==, ELAB_UNIT_NATS);
  for (guint i = 0; i < mid.k; i++)
    sum += mid.target[i];
  g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-12);
  g_assert_true (elab_state_validate (&mid, NULL));

  /* A different K cannot glide: the logits snap. */
  b.k = 4;
  b.logits[3] = 7.0;
  b.target[2] = 0.0;
  b.target[3] = 0.0;
  elab_state_interpolate (&a, &b, 0.3, &mid);
  g_assert_cmpuint (mid.k, ==, 4);
  g_assert_cmpfloat (mid.logits[3], ==, 7.0);

  g_assert_cmpuint (elab_state_diff (&a, &a), ==, 0);
  g_assert_cmpuint (elab_state_diff (&a, &b) & ELAB_CHANGE_PAIR, !=, 0);
  g_assert_cmpuint (elab_state_diff (&a, &b) & ELAB_CHANGE_PAGE, !=, 0);
  g_assert_cmpuint (elab_state_diff (&a, &b) & ELAB_CHANGE_MODELS, ==, 0);
}

static void
test_player_keys (void)
{
  g_autoptr(ElabDocument) document = elab_document_new ();
  g_autoptr(ElabScenePlayer) player = elab_scene_player_new (document);
  g_autoptr(ElabScenario) copy = make_scenario ();
  GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 1, 0.1);
  const ElabState *state = elab_document_get_state (document);
  g_autofree char *position = NULL;
  double theta_mid;

  g_object_ref_sink (scale);

  /* No scenes: the keys are not ours. */
  g_assert_false (elab_scene_player_handle_key (player, GDK_KEY_Page_Down, 0, NULL));

  elab_scene_player_set_scenario (player, make_scenario ());
  g_assert_cmpuint (elab_scene_player_get_n_scenes (player), ==, 3);
  /* The scenario's state is scene 1's. */
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 1);
  g_assert_cmpstr (elab_scene_player_get_caption (player), ==, "one");
  g_assert_true (elab_state_equal (state, scene_state (copy, 1)));

  /* Page Down, then the frame clock: start, middle, end. */
  g_assert_true (elab_scene_player_handle_key (player, GDK_KEY_Page_Down, 0, NULL));
  g_assert_true (elab_scene_player_is_animating (player));
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 2);
  g_assert_true (elab_scene_player_advance (player, 1000000));
  g_assert_cmpfloat (state->models[0].theta, ==, 1.0);
  g_assert_true (elab_scene_player_advance (player, 1000000 + ELAB_SCENE_PLAYER_DURATION_US / 2));
  theta_mid = state->models[0].theta;
  g_assert_cmpfloat (theta_mid, >, 1.0);
  g_assert_cmpfloat (theta_mid, <, 3.0);
  g_assert_false (elab_scene_player_advance (player, 1000000 + ELAB_SCENE_PLAYER_DURATION_US));
  g_assert_false (elab_scene_player_is_animating (player));
  g_assert_true (elab_state_equal (state, scene_state (copy, 2)));
  g_assert_cmpstr (elab_scene_player_get_caption (player), ==, "two");
  position = elab_scene_player_dup_position (player);
  g_assert_cmpstr (position, ==, "scene 2 / 3");

  /* Right with a slider focused belongs to the slider. */
  g_assert_false (elab_scene_player_handle_key (player, GDK_KEY_Right, 0, scale));
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 2);
  /* Right with nothing that edits focused steps; the page switches at once. */
  g_assert_true (elab_scene_player_handle_key (player, GDK_KEY_Right, 0, NULL));
  g_assert_cmpint (state->page, ==, ELAB_PAGE_SOFTMAX);
  elab_scene_player_finish (player);
  g_assert_true (elab_state_equal (state, scene_state (copy, 3)));
  /* An empty caption is no caption. */
  g_assert_null (elab_scene_player_get_caption (player));

  /* At the end Page Down is swallowed and changes nothing. */
  g_assert_true (elab_scene_player_handle_key (player, GDK_KEY_Page_Down, 0, NULL));
  g_assert_false (elab_scene_player_is_animating (player));
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 3);

  /* Page Up glides back; Ctrl+Page Up is left to others. */
  g_assert_false (elab_scene_player_handle_key (player, GDK_KEY_Page_Up, GDK_CONTROL_MASK, NULL));
  g_assert_true (elab_scene_player_handle_key (player, GDK_KEY_Page_Up, 0, NULL));
  elab_scene_player_advance (player, 5000000);
  elab_scene_player_advance (player, 5000000 + ELAB_SCENE_PLAYER_DURATION_US);
  g_assert_true (elab_state_equal (state, scene_state (copy, 2)));

  g_object_unref (scale);
}

/* A question: Page Down reveals (glides to the after state, marks the
 * answer, explains), Page Up hides the answer again; an exercise turns to
 * done when the live state meets its goal. */
static void
test_player_question (void)
{
  g_autoptr(ElabDocument) document = elab_document_new ();
  g_autoptr(ElabScenePlayer) player = elab_scene_player_new (document);
  ElabScenario *scenario;
  ElabScene *question, *exercise;
  const ElabState *state = elab_document_get_state (document);
  ElabState s;
  const char *choices[] = { "Yes", "No, the order matters", NULL };

  elab_state_init_default (&s);
  s.page = ELAB_PAGE_CROSS_ENTROPY;
  scenario = elab_scenario_new (&s);
  elab_scenario_add_scene (scenario, &s, "first");
  question = elab_scenario_add_scene (scenario, &s, "");
  question->kind = ELAB_SCENE_QUESTION;
  question->question = g_strdup ("Is H(q, p) = H(p, q)?");
  question->choices = g_strdupv ((char **) choices);
  question->answer = 1;
  question->explanation = g_strdup ("Not symmetric.");
  question->has_after = TRUE;
  question->after.q.theta = 3;
  exercise = elab_scenario_add_scene (scenario, &s, "Your turn");
  exercise->kind = ELAB_SCENE_EXERCISE;
  exercise->goal = g_strdup ("mean-kl-pq <= 0.001");
  exercise->tolerance = 0;
  exercise->hint = g_strdup ("Move q to p.");

  elab_scene_player_set_scenario (player, scenario);
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 1);

  /* To the question: asked, not answered. */
  elab_scene_player_next (player);
  elab_scene_player_finish (player);
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 2);
  g_assert_false (elab_scene_player_get_revealed (player));
  g_assert_nonnull (strstr (elab_scene_player_get_caption (player), "Is H(q, p) = H(p, q)?"));
  g_assert_null (strstr (elab_scene_player_get_caption (player), "✓"));
  g_assert_cmpfloat (state->q.theta, ==, 2);

  /* Page Down reveals on the same scene and glides to the after state. */
  g_assert_true (elab_scene_player_handle_key (player, GDK_KEY_Page_Down, 0, NULL));
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 2);
  g_assert_true (elab_scene_player_get_revealed (player));
  elab_scene_player_finish (player);
  g_assert_cmpfloat (state->q.theta, ==, 3);
  g_assert_nonnull (strstr (elab_scene_player_get_caption (player), "✓\xc2\xa0" "B  No, the order matters"));
  g_assert_nonnull (strstr (elab_scene_player_get_caption (player), "Not symmetric."));

  /* Page Up goes back to the question. */
  g_assert_true (elab_scene_player_handle_key (player, GDK_KEY_Page_Up, 0, NULL));
  elab_scene_player_finish (player);
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 2);
  g_assert_false (elab_scene_player_get_revealed (player));
  g_assert_cmpfloat (state->q.theta, ==, 2);

  /* Through the reveal to the exercise: not solved until q = p. */
  elab_scene_player_next (player);
  elab_scene_player_next (player);
  elab_scene_player_finish (player);
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 3);
  g_assert_false (elab_scene_player_get_solved (player));
  g_assert_nonnull (strstr (elab_scene_player_get_caption (player), "Goal: the mean of KL(p‖q) ≤ 0.001 bits"));
  g_assert_nonnull (strstr (elab_scene_player_get_caption (player), "(press H for a hint)"));
  /* The hint on request (H), and away again. */
  g_assert_null (strstr (elab_scene_player_get_caption (player), "Move q to p."));
  g_assert_true (elab_scene_player_handle_key (player, GDK_KEY_h, 0, NULL));
  g_assert_nonnull (strstr (elab_scene_player_get_caption (player), "Move q to p."));
  g_assert_true (elab_scene_player_handle_key (player, GDK_KEY_h, 0, NULL));
  g_assert_null (strstr (elab_scene_player_get_caption (player), "Move q to p."));
  g_assert_true (elab_document_set_number (document, "q-theta", -1, 1.0, NULL));
  g_assert_true (elab_scene_player_get_solved (player));
  g_assert_nonnull (strstr (elab_scene_player_get_caption (player), "✓ Goal met"));

  /* Back from the exercise lands on the question's answer, as it was left. */
  elab_scene_player_previous (player);
  elab_scene_player_finish (player);
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 2);
  g_assert_true (elab_scene_player_get_revealed (player));
  g_assert_false (elab_scene_player_get_solved (player));
}

static void
test_player_start (void)
{
  g_autoptr(ElabDocument) document = elab_document_new ();
  g_autoptr(ElabScenePlayer) player = elab_scene_player_new (document);
  g_autoptr(ElabScenario) copy = make_scenario ();
  ElabScenario *scenario = make_scenario ();
  g_autofree char *position = NULL;

  /* A scenario whose own state is none of its scenes starts before them. */
  scenario->state.p.theta = 7.0;
  elab_scene_player_set_scenario (player, scenario);
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 0);
  g_assert_null (elab_scene_player_get_caption (player));
  position = elab_scene_player_dup_position (player);
  g_assert_cmpstr (position, ==, "3 scenes: Page Down starts");
  g_assert_cmpfloat (elab_document_get_state (document)->p.theta, ==, 7.0);
  /* Page Up before the first scene does nothing (but is still ours). */
  g_assert_true (elab_scene_player_handle_key (player, GDK_KEY_Page_Up, 0, NULL));
  g_assert_false (elab_scene_player_is_animating (player));

  g_assert_true (elab_scene_player_handle_key (player, GDK_KEY_Page_Down, 0, NULL));
  elab_scene_player_advance (player, 0);
  elab_scene_player_advance (player, ELAB_SCENE_PLAYER_DURATION_US);
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 1);
  g_assert_true (elab_state_equal (elab_document_get_state (document), scene_state (copy, 1)));

  /* Closing the scenario: no scenes, the keys are free again. */
  elab_scene_player_set_scenario (player, NULL);
  g_assert_cmpuint (elab_scene_player_get_n_scenes (player), ==, 0);
  g_assert_false (elab_scene_player_handle_key (player, GDK_KEY_Page_Down, 0, NULL));
}

static ElabWindow *
new_window (void)
{
  ElabWindow *window;

  forget_last_state ();
  window = g_object_new (ELAB_TYPE_WINDOW, NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
destroy_window (ElabWindow *window)
{
  /* The presentation test may leave the style manager forced light. */
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_window_lesson (void)
{
  g_autofree char *path = lesson_path ();
  g_autoptr(ElabScenario) lesson = NULL;
  g_autoptr(GError) error = NULL;
  ElabWindow *window = new_window ();
  ElabScenePlayer *player = elab_window_get_scene_player (window);
  ElabDocument *document = elab_window_get_document (window);
  ElabPlotView *view;
  GtkLabel *label;
  guint spins = 0;

  lesson = elab_scenario_load_file (path, &error);
  g_assert_no_error (error);

  g_assert_true (elab_window_open_scenario_file (window, path));
  g_assert_cmpuint (elab_scene_player_get_n_scenes (player), ==, lesson->scenes->len);
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 1);
  label = GTK_LABEL (template_child (window, ELAB_TYPE_WINDOW, "scene_label"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_label (label), ==, "scene 1 / 5");
  view = elab_window_get_visible_plot_view (window);
  g_assert_nonnull (view);
  g_assert_cmpstr (elab_plot_view_get_caption (view), ==,
                   ((ElabScene *) g_ptr_array_index (lesson->scenes, 0))->caption);

  /* The real frame clock drives the glide; count main-loop turns, not time. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-scene", NULL);
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 2);
  while (elab_scene_player_is_animating (player) && spins++ < 100000)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (elab_scene_player_is_animating (player));
  g_assert_true (elab_state_equal (elab_document_get_state (document), scene_state (lesson, 2)));
  g_assert_cmpstr (gtk_label_get_label (label), ==, "scene 2 / 5");

  /* Scene 3 is on another page: the window follows. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-scene", NULL);
  elab_scene_player_finish (player);
  g_assert_cmpint (elab_document_get_state (document)->page, ==, ELAB_PAGE_CROSS_ENTROPY);
  view = elab_window_get_visible_plot_view (window);
  g_assert_cmpint (elab_plot_view_get_figure_kind (view), ==, ELAB_FIGURE_CROSS_ENTROPY);
  g_assert_cmpstr (elab_plot_view_get_caption (view), ==,
                   ((ElabScene *) g_ptr_array_index (lesson->scenes, 2))->caption);

  /* Another page shown by hand goes without the scene's caption. */
  elab_window_set_page (window, ELAB_PAGE_SOFTMAX);
  g_assert_null (elab_plot_view_get_caption (elab_window_get_visible_plot_view (window)));
  elab_window_set_page (window, ELAB_PAGE_CROSS_ENTROPY);
  g_assert_nonnull (elab_plot_view_get_caption (elab_window_get_visible_plot_view (window)));

  destroy_window (window);
}

/* Turns the main loop (the real frame clock drives both the glide and the
 * run) until the step has landed and the run has stopped playing; 60 s is
 * only a net for a hang. */
static void
wait_for_run (ElabScenePlayer *player,
              ElabTrainingRun *run)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while ((elab_scene_player_is_animating (player) || elab_training_run_get_playing (run)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* A scene that brings the Training page new settings plays its run from
 * step 0 to its step budget, as Play would: the caption's "the loss falls
 * to the maximum-likelihood fit" needs the run, not step 0. */
static void
test_window_training_lesson (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "scenarios",
                                                 "lesson-training.elab", NULL);
  ElabWindow *window = new_window ();
  ElabScenePlayer *player = elab_window_get_scene_player (window);
  ElabTrainingRun *run;
  guint64 step;

  g_assert_true (elab_window_open_scenario_file (window, path));
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 1);
  run = elab_plot_view_get_training_run (elab_window_get_visible_plot_view (window));
  g_assert_nonnull (run);
  /* Fast, so the test waits for the run's own end, not a clock. */
  elab_training_run_set_speed (run, 1000);

  /* Scene 2: rate 1 for up to 1000 steps converges at step 263. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-scene", NULL);
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 2);
  wait_for_run (player, run);
  g_test_message ("scene 2: step %" G_GUINT64_FORMAT ", status %d",
                  elab_trainer_get_steps (elab_training_run_get_trainer (run)), elab_trainer_get_status (elab_training_run_get_trainer (run)));
  g_assert_cmpint (elab_trainer_get_status (elab_training_run_get_trainer (run)), ==, ELAB_TRAIN_STATUS_CONVERGED);
  g_assert_cmpuint (elab_trainer_get_steps (elab_training_run_get_trainer (run)), ==, 263);

  /* Scene 3 asks with the same settings: the run stays where it is. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-scene", NULL);
  g_assert_cmpuint (elab_scene_player_get_index (player), ==, 3);
  wait_for_run (player, run);
  g_assert_cmpuint (elab_trainer_get_steps (elab_training_run_get_trainer (run)), ==, 263);

  /* Its reveal, rate 20, plays a new run; Space pauses it where it is. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-scene", NULL);
  g_assert_true (elab_scene_player_get_revealed (player));
  elab_scene_player_finish (player);
  g_assert_true (elab_training_run_get_playing (run));
  g_assert_cmpuint (elab_trainer_get_steps (elab_training_run_get_trainer (run)), <, 263);
  while (elab_trainer_get_steps (elab_training_run_get_trainer (run)) == 0)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (elab_window_get_visible_plot_view (window)), "train.toggle-play", NULL);
  g_assert_false (elab_training_run_get_playing (run));
  step = elab_trainer_get_steps (elab_training_run_get_trainer (run));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (elab_trainer_get_steps (elab_training_run_get_trainer (run)), ==, step);
  /* Play again: lr 20 bounces to the end of its 1000 steps. */
  elab_training_run_set_playing (run, TRUE);
  wait_for_run (player, run);
  g_test_message ("reveal: step %" G_GUINT64_FORMAT ", status %d",
                  elab_trainer_get_steps (elab_training_run_get_trainer (run)), elab_trainer_get_status (elab_training_run_get_trainer (run)));
  g_assert_cmpint (elab_trainer_get_status (elab_training_run_get_trainer (run)), !=, ELAB_TRAIN_STATUS_CONVERGED);

  /* Back to the question: rate 1 again, played to its fit. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-scene", NULL);
  g_assert_false (elab_scene_player_get_revealed (player));
  wait_for_run (player, run);
  g_assert_cmpint (elab_trainer_get_status (elab_training_run_get_trainer (run)), ==, ELAB_TRAIN_STATUS_CONVERGED);
  g_assert_cmpuint (elab_trainer_get_steps (elab_training_run_get_trainer (run)), ==, 263);

  destroy_window (window);
}

typedef struct
{
  GtkWidget *label;
  GtkWidget *view;
  int        height;   /* the label's must pass it */
} Layout;

/* For wait_until(): the scene label and the plot are laid out, the label
 * taller than @height. */
static gboolean
laid_out (gpointer data)
{
  Layout *layout = data;

  return gtk_widget_get_width (layout->label) > 0 && gtk_widget_get_width (layout->view) > 0 &&
         gtk_widget_get_height (layout->label) > layout->height;
}

/* The "scene N / 5" label is small and out of the way: in the plot's
 * bottom right corner, inside the figure's empty bottom margin, so never
 * over the end of a two-line caption nor taking a row of the screen from
 * the figure, in the window and in presentation mode alike. */
static void
test_label_clear_of_caption (void)
{
  g_autofree char *path = lesson_path ();
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  ElabScenePlayer *player = elab_window_get_scene_player (window);
  GtkWidget *label = GTK_WIDGET (template_child (window, ELAB_TYPE_WINDOW, "scene_label"));
  int plain_height = 0;   /* the label's, outside presentation mode */

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (elab_window_open_scenario_file (window, path));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-scene", NULL);
  elab_scene_player_finish (player);

  for (guint mode = 0; mode < 2; mode++)
    {
      ElabPlotView *view;
      graphene_rect_t lb, vb;
      ElabFigureStyle style;
      double margin;
      Layout layout = { label, NULL, plain_height };
      guint frames;

      if (mode == 1)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL);
      view = elab_window_get_visible_plot_view (window);
      /* A two-line caption on the plot. */
      g_assert_nonnull (strchr (elab_plot_view_get_caption (view), '\n'));
      /* Laid out, and in presentation mode with the projector's larger
       * type (the label grows), then drawn so. */
      layout.view = GTK_WIDGET (view);
      wait_until (laid_out, &layout);
      frames = frames_of (view);
      gtk_widget_queue_draw (GTK_WIDGET (view));
      wait_for_frame (view, frames);
      if (mode == 0)
        plain_height = gtk_widget_get_height (label);
      else
        g_assert_cmpint (gtk_widget_get_height (label), >, plain_height);

      g_assert_true (gtk_widget_get_mapped (label));
      g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (window), &lb));
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view), GTK_WIDGET (window), &vb));
      g_test_message ("mode %u: label %gx%g at (%g, %g), plot %gx%g at (%g, %g)", mode,
                      lb.size.width, lb.size.height, lb.origin.x, lb.origin.y,
                      vb.size.width, vb.size.height, vb.origin.x, vb.origin.y);
      g_assert_cmpfloat (lb.size.width, >, 0);
      g_assert_cmpfloat (vb.size.height, >, 100);
      /* The figure's margin, as elab-theme.c sizes it; 2 px of the
       * caption strip's own padding may go under the label. */
      elab_plot_view_get_style (view, &style);
      margin = round (0.9 * MAX (MIN (vb.size.height / 40.0, vb.size.width / 52.0), 13.0) *
                      (style.type_scale > 0 ? style.type_scale : 1.0));
      g_test_message ("mode %u: the figure's margin is %g px", mode, margin);
      g_assert_cmpfloat (lb.origin.y, >=, vb.origin.y + vb.size.height - margin - 2);
      g_assert_cmpfloat (lb.origin.y + lb.size.height, <=, vb.origin.y + vb.size.height);
      /* The page's bottom right corner. */
      g_assert_cmpfloat (lb.origin.x + lb.size.width, >=, vb.origin.x + vb.size.width - 20);
      g_assert_cmpfloat (lb.origin.x, >=, vb.origin.x + vb.size.width / 2);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL);
  destroy_window (window);
}

static gboolean
has_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w))
        {
          found = TRUE;
          gtk_window_destroy (GTK_WINDOW (w));
        }
    }
  return found;
}

static void
test_window_bad_file (void)
{
  static const char *bad[] = {
    "\x89PNG\r\n\x1a\n\0\0binary",
    "[scenario]\nversion=1\nscenes=0\n[state]\npage=entropy\n",   /* truncated */
    "[scenario]\nversion=1\nscenes=0\n[sttae]\n",                   /* unknown group */
  };
  g_autofree char *dir = g_dir_make_tmp ("elab-scenes-XXXXXX", NULL);
  ElabWindow *window = new_window ();
  ElabDocument *document = elab_window_get_document (window);
  ElabState before = *elab_document_get_state (document);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_build_filename (dir, "bad.elab", NULL);

      g_assert_true (g_file_set_contents (path, bad[i], i == 0 ? 16 : -1, NULL));
      g_assert_false (elab_window_open_scenario_file (window, path));
      /* The message is in the window, and nothing changed. */
      g_assert_true (has_message_dialog ());
      g_assert_true (elab_state_equal (elab_document_get_state (document), &before));
      g_assert_cmpuint (elab_scene_player_get_n_scenes (elab_window_get_scene_player (window)), ==, 0);
      g_unlink (path);
    }
  g_assert_false (elab_window_open_scenario_file (window, "/nonexistent/lesson.elab"));
  g_assert_true (has_message_dialog ());

  g_rmdir (dir);
  destroy_window (window);
}

/* The window closed while Open Scenario… or Save Scenario…'s chooser is
 * open: the chooser closes with it and keeps the window no longer, so
 * no answer can come to a window that is gone. */
static void
test_window_closed_while_choosing (void)
{
  static const char *actions[] = { "open-scenario", "save-scenario" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      ElabWindow *window = new_window ();

      g_test_message ("%s", actions[i]);
      g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
      g_action_group_activate_action (G_ACTION_GROUP (window), actions[i], NULL);
      wait_until (have_file_chooser, NULL);

      destroy_window (window);
      g_assert_null (window);
      g_assert_false (have_file_chooser (NULL));
    }
}

static void
test_lesson_loads (void)
{
  g_autofree char *path = lesson_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ElabScenario) lesson = elab_scenario_load_file (path, &error);
  static const ElabPageKind pages[] = {
    ELAB_PAGE_ENTROPY, ELAB_PAGE_ENTROPY, ELAB_PAGE_CROSS_ENTROPY,
    ELAB_PAGE_CROSS_ENTROPY, ELAB_PAGE_CROSS_ENTROPY,
  };
  const ElabState *last;
  ElabPairPoint pt;

  g_assert_no_error (error);
  g_assert_cmpuint (lesson->scenes->len, ==, G_N_ELEMENTS (pages));
  for (guint i = 0; i < lesson->scenes->len; i++)
    {
      const ElabScene *scene = g_ptr_array_index (lesson->scenes, i);

      g_assert_cmpint (scene->state.page, ==, pages[i]);
      g_assert_cmpuint (strlen (scene->caption), >, 10);
    }

  /* The last scene is the Bernoulli asymmetry its caption quotes. */
  last = scene_state (lesson, lesson->scenes->len);
  elab_pair_point (&last->p, &last->q, 0.0, ELAB_UNIT_BITS, &pt);
  g_assert_cmpfloat_with_epsilon (pt.h_pq, 1.737, 5e-4);
  g_assert_cmpfloat_with_epsilon (pt.h_qp, 1.000, 5e-4);
  g_assert_nonnull (strstr (((ElabScene *) g_ptr_array_index (lesson->scenes, 4))->caption, "1.737"));
}

static GBytes *
render (ElabFigureKind   kind,
        const ElabState *state)
{
  g_autoptr(ElabFigure) figure = elab_figure_new (kind);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;

  return elab_export_png_bytes (figure, &(ElabExportRequest) { state, &style, 480, 320, 1.0 }, NULL);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("elab-scenes-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.elab", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ElabScenario) loaded = NULL;
  ElabWindow *window = new_window ();
  ElabWindow *again;
  ElabDocument *document = elab_window_get_document (window);
  ElabState *state;
  ElabState saved;
  static const ElabFigureKind kinds[] = { ELAB_FIGURE_ENTROPY, ELAB_FIGURE_CROSS_ENTROPY, ELAB_FIGURE_SOFTMAX };

  /* Values that need all 17 digits, and scenes to carry along. */
  elab_window_open_scenario (window, make_scenario ());
  state = elab_document_edit (document);
  state->p.theta = 1.0 / 3.0;
  state->q.bias = -G_PI;
  state->temperature = M_SQRT2;
  state->models[2].theta = 0.1;
  state->model_enabled[2] = TRUE;
  state->notation = ELAB_NOTATION_SUBSCRIPT;
  elab_document_changed (document, ELAB_CHANGE_ALL);
  saved = *state;

  g_assert_true (elab_window_save_scenario_file (window, path, &error));
  g_assert_no_error (error);

  again = new_window ();
  g_assert_true (elab_window_open_scenario_file (again, path));
  g_assert_true (elab_state_equal (elab_document_get_state (elab_window_get_document (again)), &saved));
  g_assert_cmpuint (elab_scene_player_get_n_scenes (elab_window_get_scene_player (again)), ==, 3);

  loaded = elab_scenario_load_file (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GBytes) a = render (kinds[i], &saved);
      g_autoptr(GBytes) b = render (kinds[i], elab_document_get_state (elab_window_get_document (again)));
      g_autoptr(GBytes) c = render (kinds[i], &loaded->state);

      g_assert_nonnull (a);
      g_assert_true (g_bytes_equal (a, b));
      g_assert_true (g_bytes_equal (a, c));
    }

  g_unlink (path);
  g_rmdir (dir);
  destroy_window (again);
  destroy_window (window);
}

/* The sweep dialog offers only parameters a sweep can take: for the
 * softmax, the temperature and the logits there are. */
static void
test_sweep_params (void)
{
  ElabState state;
  const char * const *params;

  elab_state_init_default (&state);
  params = elab_sweep_dialog_params_for (ELAB_FIGURE_SOFTMAX, &state);
  g_assert_cmpstr (params[0], ==, "temperature");
  g_assert_cmpstr (params[state.k], ==, "logit-3");
  g_assert_null (params[state.k + 1]);
  for (guint i = 0; params[i] != NULL; i++)
    g_assert_true (elab_sweep_param_is_valid (params[i]));
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv);

  g_test_add_func ("/elab/app/Scenes/ease", test_ease);
  g_test_add_func ("/elab/app/Scenes/interpolate", test_interpolate);
  g_test_add_func ("/elab/app/Scenes/player-keys", test_player_keys);
  g_test_add_func ("/elab/app/Scenes/player-start", test_player_start);
  g_test_add_func ("/elab/app/Scenes/player-question", test_player_question);
  g_test_add_func ("/elab/app/Scenes/lesson-loads", test_lesson_loads);
  g_test_add_func ("/elab/app/Scenes/window-lesson", test_window_lesson);
  g_test_add_func ("/elab/app/Scenes/window-training-lesson", test_window_training_lesson);
  g_test_add_func ("/elab/app/Scenes/label-clear-of-caption", test_label_clear_of_caption);
  g_test_add_func ("/elab/app/Scenes/window-bad-file", test_window_bad_file);
  g_test_add_func ("/elab/app/Scenes/window-closed-while-choosing", test_window_closed_while_choosing);
  g_test_add_func ("/elab/app/Scenes/round-trip", test_round_trip);
  g_test_add_func ("/elab/app/Scenes/sweep-params", test_sweep_params);

  return g_test_run ();
}
