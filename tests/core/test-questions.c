/* test-questions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Question and exercise scenes: read strictly (every mistake named with
 * its line and key), written back the same, revealed as promised; the
 * quantities they name and the goals they set.
 */

#include <math.h>
#include <string.h>

#include "elab-curves.h"
#include "elab-params.h"
#include "elab-quantities.h"
#include "elab-scenario.h"
#include "elab-trainer.h"

/* A scenario with one scene whose extra keys are @extra. */
static char *
lesson (const char *extra)
{
  g_autoptr (ElabScenario) sc = elab_scenario_new (NULL);
  g_autofree char *data = NULL;
  GString *s;
  ElabState st;

  elab_state_init_default (&st);
  st.page = ELAB_PAGE_CROSS_ENTROPY;
  elab_scenario_add_scene (sc, &st, "");
  data = elab_scenario_to_data (sc, NULL, NULL);
  s = g_string_new (data);
  g_string_replace (s, "caption=\n", extra, 1);
  return g_string_free (s, FALSE);
}

static void
test_question_round_trip (void)
{
  g_autofree char *data = lesson ("caption=Before\nkind=question\nquestion=Is H(p, q) = H(q, p)?\n"
                                  "choices=Yes;No, the order matters;Only at 0\nanswer=B\n"
                                  "explanation=Not symmetric.\nafter.q-theta=3\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (ElabScenario) sc = elab_scenario_from_data (data, strlen (data), "l.elab", &error);
  g_autoptr (ElabScenario) back = NULL;
  g_autofree char *again = NULL;
  g_autofree char *card = NULL;
  g_autofree char *revealed = NULL;
  const ElabScene *scene;
  gsize len;

  g_assert_no_error (error);
  scene = g_ptr_array_index (sc->scenes, 0);
  g_assert_cmpint (scene->kind, ==, ELAB_SCENE_QUESTION);
  g_assert_cmpuint (g_strv_length (scene->choices), ==, 3);
  g_assert_cmpint (scene->answer, ==, 1);
  g_assert_true (scene->has_after);
  g_assert_cmpfloat (scene->after.q.theta, ==, 3);
  g_assert_cmpfloat (scene->state.q.theta, ==, 2);
  g_assert_true (elab_scene_get_state (scene, FALSE) == &scene->state);
  g_assert_true (elab_scene_get_state (scene, TRUE) == &scene->after);

  card = elab_scene_card_text (scene, FALSE);
  g_assert_nonnull (strstr (card, "Is H(p, q) = H(q, p)?"));
  g_assert_nonnull (strstr (card, "B  No, the order matters"));
  g_assert_null (strstr (card, "✓"));
  g_assert_null (strstr (card, "Not symmetric."));
  revealed = elab_scene_card_text (scene, TRUE);
  g_assert_nonnull (strstr (revealed, "✓\xc2\xa0" "B  No, the order matters"));
  g_assert_nonnull (strstr (revealed, "Not symmetric."));

  again = elab_scenario_to_data (sc, &len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (again, "after.q-theta=3\n"));
  g_assert_null (strstr (again, "after.p-theta"));   /* only what changes */
  back = elab_scenario_from_data (again, len, "again.elab", &error);
  g_assert_no_error (error);
  g_assert_true (elab_scenario_equal (sc, back));
}

static void
test_exercise (void)
{
  g_autofree char *data = lesson ("caption=Your turn\nkind=exercise\n"
                                  "goal=mean-kl-pq <= 0.01 and q-theta >= 0.5\ntolerance=0.001\n"
                                  "hint=Move q towards p.\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (ElabScenario) sc = elab_scenario_from_data (data, strlen (data), "l.elab", &error);
  g_autofree char *card = NULL;
  const ElabScene *scene;
  ElabGoal goal;
  ElabState st;
  gboolean met = TRUE;

  g_assert_no_error (error);
  scene = g_ptr_array_index (sc->scenes, 0);
  g_assert_cmpint (scene->kind, ==, ELAB_SCENE_EXERCISE);
  g_assert_cmpfloat (scene->tolerance, ==, 0.001);
  /* The goal by the quantities' and parameters' labels, not their keys. */
  card = elab_scene_card_text (scene, FALSE);
  g_assert_nonnull (strstr (card, "Goal: the mean of KL(p‖q) ≤ 0.01 bits and slope θ of the model q ≥ 0.5"));
  g_assert_null (strstr (card, "mean-kl-pq"));

  g_assert_true (elab_goal_parse (scene->goal, &goal, &error));
  g_assert_cmpuint (goal.n_terms, ==, 2);
  st = scene->state;                    /* q θ = 2 against p θ = 1 */
  g_assert_true (elab_goal_check (&goal, &st, scene->tolerance, &met, &error));
  g_assert_false (met);
  st.q.theta = 1;                       /* q = p: KL is 0 */
  g_assert_true (elab_goal_check (&goal, &st, scene->tolerance, &met, &error));
  g_assert_true (met);
}

/* Each mistake is refused with its line and what is wrong. */
static void
test_refused (void)
{
  static const struct
  {
    const char *extra;
    const char *message;
  } cases[] = {
    { "caption=\nkind=quiz\n", "kind: must be one of caption, question, exercise" },
    { "caption=\nkind=question\nchoices=A;B\nanswer=A\n", "question: missing" },
    { "caption=\nkind=question\nquestion=Q?\nchoices=Yes;No\nanswer=C\n",
      "answer: 'C' is not one of the 2 choices (A–B)" },
    { "caption=\nkind=question\nquestion=Q?\nchoices=Yes\nanswer=A\n", "choices: 2 to 4 choices" },
    { "caption=\nkind=question\nquestion=Q?\nguess=kl-everywhere\n",
      "guess: 'kl-everywhere' is not a quantity" },
    { "caption=\nkind=question\nquestion=Q?\n", "needs either choices= with answer=, or guess=" },
    { "caption=\nkind=exercise\ngoal=mean-kl <= 1\n", "goal: unknown quantity 'mean-kl'" },
    { "caption=\nkind=exercise\ngoal=mean-kl-pq is small\n", "is not a comparison" },
    { "caption=\nkind=exercise\n", "goal: missing" },
    { "caption=\nquestion=Q?\n", "question: not in a scene of kind=caption" },
    { "caption=\nkind=question\nquestion=Q?\nguess=argmax-kl-pq\nafter.temperature=0\n",
      "after.temperature: must be > 0" },
    { "caption=\nafter.q-theta=3\n", "after.q-theta: not in a scene of kind=caption" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = lesson (cases[i].extra);
      g_autoptr (GError) error = NULL;
      g_autoptr (ElabScenario) sc = elab_scenario_from_data (data, strlen (data), "l.elab", &error);

      g_assert_null (sc);
      g_assert_error (error, ELAB_SCENARIO_ERROR, ELAB_SCENARIO_ERROR_INVALID);
      if (strstr (error->message, cases[i].message) == NULL || !g_str_has_prefix (error->message, "l.elab:"))
        g_error ("case %" G_GSIZE_FORMAT ": '%s' does not say '%s'", i, error->message, cases[i].message);
    }
}

/* The quantities agree with the page's own read-outs. */
static void
test_quantities (void)
{
  ElabState st;
  double v;
  guint n;
  const ElabQuantity *qs = elab_quantities (&n);

  elab_state_init_default (&st);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (elab_quantity_exists (qs[i].name));
      g_assert_true (elab_quantity_eval (qs[i].name, &st, &v, NULL));
      g_assert_false (isnan (v));
    }
  g_assert_true (elab_quantity_exists ("q-theta"));
  g_assert_true (elab_quantity_exists ("logit-2"));
  g_assert_false (elab_quantity_exists ("dataset"));
  g_assert_true (elab_quantity_eval ("softmax-max-entropy", &st, &v, NULL));
  g_assert_cmpfloat (v, ==, log2 (3));
  g_assert_true (elab_quantity_eval ("argmax-kl-pq", &st, &v, NULL));
  g_assert_cmpfloat (fabs (v), <, 6.0);
  st.q = st.p;
  g_assert_true (elab_quantity_eval ("mean-kl-pq", &st, &v, NULL));
  g_assert_cmpfloat (v, ==, 0);
  g_assert_true (elab_quantity_eval ("converged", &st, &v, NULL));   /* the default run converges */
  g_assert_cmpfloat (v, ==, 1);
}

/* KL(p‖q) of p = σ(x) and q = σ(2x) is even in x: its largest value is
 * reached twice, at ±1.9 on the default 241 samples, and both are the
 * answer (the first version kept only −1.9 and judged a click at 1.88
 * wrong). Ties are judged within ELAB_ANSWER_TIE; neighbours are far. */
static void
test_answer_symmetric (void)
{
  g_autoptr (ElabPairCurves) c = elab_pair_curves_new (241);
  g_autofree char *text = NULL;
  ElabAnswer answer;
  ElabState st;
  double v, top, next = 0;

  elab_state_init_default (&st);
  st.p = (ElabLogistic) { .theta = 1, .bias = 0 };
  st.q = (ElabLogistic) { .theta = 2, .bias = 0 };
  g_assert_true (elab_quantity_eval_answer ("argmax-kl-pq", &st, &answer, NULL));
  g_assert_cmpuint (answer.n, ==, 2);
  g_assert_cmpfloat_with_epsilon (answer.at[0].lo, -1.9, 1e-12);
  g_assert_cmpfloat_with_epsilon (answer.at[1].lo, 1.9, 1e-12);
  g_assert_true (answer.at[0].lo == answer.at[0].hi && answer.at[1].lo == answer.at[1].hi);
  text = elab_answer_format (&answer, "x");
  g_assert_cmpstr (text, ==, "x = ±1.9");
  /* The scalar read-out still names one: the leftmost. */
  g_assert_true (elab_quantity_eval ("argmax-kl-pq", &st, &v, NULL));
  g_assert_cmpfloat (v, ==, answer.at[0].lo);

  /* The margin: the tie is exact here, the next sample 3.5e-4 below. */
  elab_pair_curves_compute (c, &st.p, &st.q, st.x_min, st.x_max, st.samples, st.unit);
  top = c->kl_pq[0];
  for (guint i = 0; i < c->n; i++)
    top = MAX (top, c->kl_pq[i]);
  for (guint i = 0; i < c->n; i++)
    if (c->kl_pq[i] < top)
      next = MAX (next, c->kl_pq[i]);
  g_test_message ("largest KL(p‖q) %.17g, next sample %.3g relative below", top, (top - next) / top);
  g_assert_cmpfloat ((top - next) / top, >, 1e3 * ELAB_ANSWER_TIE);

  /* Judged by the nearest: 1.88 is 0.02 from 1.9, right; 0 is 1.9 off. */
  g_assert_cmpfloat_with_epsilon (elab_answer_distance (&answer, 1.88), 0.02, 1e-12);
  g_assert_cmpfloat_with_epsilon (elab_answer_distance (&answer, -1.5), 0.4, 1e-12);
  g_assert_true (elab_answer_is_close (&answer, 1.88, st.x_min, st.x_max));
  g_assert_true (elab_answer_is_close (&answer, -1.88, st.x_min, st.x_max));
  g_assert_false (elab_answer_is_close (&answer, 0, st.x_min, st.x_max));
  g_assert_cmpfloat (elab_answer_distance (&ELAB_ANSWER_INIT, 0), ==, INFINITY);

  /* The same about a centre off 0 (both models centred at x = −1), where
   * the two maxima are computed from different logits. */
  st.p = (ElabLogistic) { .theta = 1, .bias = 1 };
  st.q = (ElabLogistic) { .theta = 2, .bias = 2 };
  g_assert_true (elab_quantity_eval_answer ("argmax-kl-pq", &st, &answer, NULL));
  g_assert_cmpuint (answer.n, ==, 2);
  g_assert_cmpfloat_with_epsilon (answer.at[0].lo, -2.9, 1e-12);
  g_assert_cmpfloat_with_epsilon (answer.at[1].lo, 0.9, 1e-12);
  g_clear_pointer (&text, g_free);
  text = elab_answer_format (&answer, "x");
  g_assert_cmpstr (text, ==, "x = −2.9 or 0.9");
  {
    ElabPairPoint a, b;

    elab_pair_point (&st.p, &st.q, answer.at[0].lo, st.unit, &a);
    elab_pair_point (&st.p, &st.q, answer.at[1].lo, st.unit, &b);
    g_test_message ("KL(p‖q) at %.17g and %.17g: %.3g relative apart", answer.at[0].lo, answer.at[1].lo,
                    fabs (a.kl_pq - b.kl_pq) / a.kl_pq);
    g_assert_cmpfloat (fabs (a.kl_pq - b.kl_pq), <=, ELAB_ANSWER_TIE * a.kl_pq);
  }

  /* Neither is the other model's: KL(q‖p) too. */
  g_assert_true (elab_quantity_eval_answer ("argmax-kl-qp", &st, &answer, NULL));
  g_assert_cmpuint (answer.n, ==, 2);

  /* An ordinary maximum stays one x. */
  st.q = (ElabLogistic) { .theta = 2, .bias = 0 };
  g_assert_true (elab_quantity_eval_answer ("argmax-kl-pq", &st, &answer, NULL));
  g_assert_cmpuint (answer.n, ==, 1);
  g_assert_true (isfinite (answer.at[0].lo) && answer.at[0].lo == answer.at[0].hi);
}

/* p = q: KL is 0 everywhere, every x is the largest: one span over the
 * range, which any guess is in. A value is one value. */
static void
test_answer_flat (void)
{
  g_autofree char *text = NULL;
  ElabAnswer answer;
  ElabState st;

  elab_state_init_default (&st);
  st.q = st.p;
  g_assert_true (elab_quantity_eval_answer ("argmax-kl-pq", &st, &answer, NULL));
  g_assert_cmpuint (answer.n, ==, 1);
  g_assert_cmpfloat (answer.at[0].lo, ==, st.x_min);
  g_assert_cmpfloat (answer.at[0].hi, ==, st.x_max);
  g_assert_cmpfloat (elab_answer_distance (&answer, 3.3), ==, 0);
  g_assert_cmpfloat (elab_answer_distance (&answer, 7), ==, 1);
  text = elab_answer_format (&answer, "x");
  g_assert_cmpstr (text, ==, "x from −6 to 6");

  g_assert_true (elab_quantity_eval_answer ("q-theta", &st, &answer, NULL));
  g_assert_cmpuint (answer.n, ==, 1);
  g_assert_cmpfloat (answer.at[0].lo, ==, st.q.theta);
  g_clear_pointer (&text, g_free);
  text = elab_answer_format (&answer, NULL);
  g_assert_cmpstr (text, ==, "1");

  answer = (ElabAnswer) { 3, { { -2, -2 }, { 0, 0 }, { 2, 2 } } };
  g_clear_pointer (&text, g_free);
  text = elab_answer_format (&answer, "x");
  g_assert_cmpstr (text, ==, "x = −2, 0 or 2");
}

/* A goal on an arg-max holds when one of the maxima meets it. */
static void
test_answer_goal (void)
{
  static const struct
  {
    const char *goal;
    gboolean    met;
  } cases[] = {
    { "argmax-kl-pq >= 1", TRUE },
    { "argmax-kl-pq <= -1", TRUE },
    { "argmax-kl-pq = 1.9", TRUE },
    { "argmax-kl-pq = -1.9", TRUE },
    { "argmax-kl-pq = 0", FALSE },
    { "argmax-kl-pq > 2", FALSE },
    { "argmax-kl-pq >= 1 and argmax-kl-pq <= -1", TRUE },
  };
  ElabState st;

  elab_state_init_default (&st);
  st.p = (ElabLogistic) { .theta = 1, .bias = 0 };
  st.q = (ElabLogistic) { .theta = 2, .bias = 0 };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ElabGoal goal;
      gboolean met = !cases[i].met;

      g_assert_true (elab_goal_parse (cases[i].goal, &goal, NULL));
      g_assert_true (elab_goal_check (&goal, &st, 0.01, &met, NULL));
      if (met != cases[i].met)
        g_error ("'%s' is %s", cases[i].goal, met ? "met" : "not met");
    }
}

/* A guess on the figure: the screen asks for a click, paper for a pen
 * mark; the reveal names every x. */
static void
test_answer_card (void)
{
  g_autofree char *data = lesson ("caption=\nkind=question\nquestion=Where is KL(p‖q) largest?\n"
                                  "guess=argmax-kl-pq\n");
  g_autoptr (ElabScenario) sc = elab_scenario_from_data (data, strlen (data), "l.elab", NULL);
  const ElabScene *scene = g_ptr_array_index (sc->scenes, 0);
  g_autofree char *screen = elab_scene_card_text (scene, FALSE);
  g_autofree char *paper = elab_scene_handout_text (scene, FALSE);
  g_autofree char *revealed = elab_scene_card_text (scene, TRUE);
  g_autofree char *paper_revealed = elab_scene_handout_text (scene, TRUE);
  ElabAnswer answer;

  g_assert_true (elab_scene_guesses_x (scene));
  g_assert_nonnull (strstr (screen, "Click it on the figure"));
  g_assert_null (strstr (paper, "Click"));
  g_assert_nonnull (strstr (paper, "Mark it on the figure; the answer is on the next page."));
  g_assert_nonnull (strstr (revealed, "Answer: the x where KL(p‖q) is largest: x = ±1.9"));
  g_assert_cmpstr (revealed, ==, paper_revealed);

  g_assert_false (elab_scene_get_answer (scene, FALSE, &answer));
  g_assert_cmpuint (answer.n, ==, 0);
  g_assert_true (elab_scene_get_answer (scene, TRUE, &answer));
  g_assert_cmpuint (answer.n, ==, 2);
}

/* A goal reads by labels, in the lesson's unit: a 0/1 read-out as a
 * statement, one bit singular. */
static void
test_goal_describe (void)
{
  static const struct
  {
    const char *goal;
    ElabUnit    unit;
    const char *text;
  } cases[] = {
    { "mean-entropy-a <= 0.2", ELAB_UNIT_BITS, "model A's mean entropy H ≤ 0.2 bits" },
    { "mean-entropy-a <= 0.2", ELAB_UNIT_NATS, "model A's mean entropy H ≤ 0.2 nats" },
    { "softmax-entropy = 1", ELAB_UNIT_BITS, "the softmax's entropy H = 1 bit" },
    { "converged = 1 and steps-taken <= 60", ELAB_UNIT_BITS, "the run converges and the run's steps ≤ 60" },
    { "diverged = 0", ELAB_UNIT_BITS, "the run does not diverge" },
    { "q-theta >= 2 and model-a-bias < -1", ELAB_UNIT_BITS, "slope θ of the model q ≥ 2 and bias b of model A < −1" },
    { "logit-2 > 0.5 and temperature = 2", ELAB_UNIT_BITS, "logit 2 > 0.5 and softmax temperature = 2" },
    { "argmax-kl-pq >= 1", ELAB_UNIT_BITS, "the x where KL(p‖q) is largest ≥ 1" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      ElabGoal goal;

      g_assert_true (elab_goal_parse (cases[i].goal, &goal, NULL));
      text = elab_goal_describe (&goal, cases[i].unit);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The training lesson's exercise can be solved by following the run's own
 * advice: from the scene's rate the message says how far the rate can
 * safely go, and that rate meets the goal. */
static void
test_training_exercise_advice (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios",
                                                 "lesson-training.elab", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ElabScenario) sc = elab_scenario_load_file (path, &error);
  g_autoptr (ElabTrainer) trainer = NULL;
  const ElabScene *exercise = NULL;
  const char *message, *at;
  ElabState st;
  ElabGoal goal;
  gboolean met = TRUE;

  g_assert_no_error (error);
  for (guint i = 0; i < sc->scenes->len; i++)
    if (((const ElabScene *) g_ptr_array_index (sc->scenes, i))->kind == ELAB_SCENE_EXERCISE)
      exercise = g_ptr_array_index (sc->scenes, i);
  g_assert_nonnull (exercise);
  g_assert_true (elab_goal_parse (exercise->goal, &goal, &error));
  g_assert_no_error (error);

  st = exercise->state;
  g_assert_true (elab_goal_check (&goal, &st, exercise->tolerance, &met, &error));
  g_assert_no_error (error);
  g_assert_false (met);

  trainer = elab_trainer_new_for_state (&st, &error);
  g_assert_no_error (error);
  while (!elab_trainer_is_done (trainer))
    elab_trainer_step (trainer, 100);
  message = elab_trainer_get_message (trainer);
  g_test_message ("%s", message);
  at = strstr (message, "raise the learning rate up to ");
  g_assert_nonnull (at);
  st.learning_rate = g_ascii_strtod (at + strlen ("raise the learning rate up to "), NULL);
  g_assert_cmpfloat (st.learning_rate, >, exercise->state.learning_rate);
  g_assert_true (elab_goal_check (&goal, &st, exercise->tolerance, &met, &error));
  g_assert_no_error (error);
  g_assert_true (met);
}

/* Every shipped lesson reads, and saved again is the same file, byte for
 * byte (its opening comment included). */
static void
test_shipped_lessons_save_identical (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0, questions = 0, exercises = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      g_autofree char *again = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (ElabScenario) sc = NULL;
      gsize len = 0, len2 = 0;

      if (!g_str_has_suffix (name, ".elab"))
        continue;
      g_assert_true (g_file_get_contents (path, &data, &len, &error));
      sc = elab_scenario_from_data (data, len, name, &error);
      g_assert_no_error (error);
      again = elab_scenario_to_data (sc, &len2, &error);
      g_assert_no_error (error);
      if (len != len2 || memcmp (data, again, len) != 0)
        g_error ("%s saved again differs from the file", name);
      for (guint i = 0; i < sc->scenes->len; i++)
        {
          const ElabScene *scene = g_ptr_array_index (sc->scenes, i);

          questions += scene->kind == ELAB_SCENE_QUESTION;
          exercises += scene->kind == ELAB_SCENE_EXERCISE;
        }
      n++;
    }
  g_assert_cmpuint (n, >=, 5);
  g_assert_cmpuint (questions, >=, 8);
  g_assert_cmpuint (exercises, >=, 4);
}

/* A question being written in the lesson panel may have neither its
 * choices nor its quantity yet: its card says the question so far, and
 * reading it revealed crashed on the missing quantity. */
static void
test_question_being_written (void)
{
  g_autofree char *data = lesson ("caption=Before\nkind=question\nquestion=Is H(p, q) = H(q, p)?\n"
                                  "choices=Yes;No\nanswer=B\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (ElabScenario) sc = elab_scenario_from_data (data, strlen (data), "l.elab", &error);
  ElabScene *scene;

  g_assert_no_error (error);
  scene = g_ptr_array_index (sc->scenes, 0);
  g_clear_pointer (&scene->choices, g_strfreev);
  g_assert_null (scene->guess);
  for (int question = 0; question < 2; question++)
    {
      for (int revealed = 0; revealed < 2; revealed++)
        {
          g_autofree char *card = elab_scene_card_text (scene, revealed);

          g_assert_nonnull (strstr (card, "Question:"));
          g_assert_null (strstr (card, "(null)"));
        }
      g_clear_pointer (&scene->question, g_free);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/core/Questions/question-round-trip", test_question_round_trip);
  g_test_add_func ("/elab/core/Questions/exercise", test_exercise);
  g_test_add_func ("/elab/core/Questions/refused", test_refused);
  g_test_add_func ("/elab/core/Questions/quantities", test_quantities);
  g_test_add_func ("/elab/core/Questions/answer-symmetric", test_answer_symmetric);
  g_test_add_func ("/elab/core/Questions/answer-flat", test_answer_flat);
  g_test_add_func ("/elab/core/Questions/answer-goal", test_answer_goal);
  g_test_add_func ("/elab/core/Questions/answer-card", test_answer_card);
  g_test_add_func ("/elab/core/Questions/goal-describe", test_goal_describe);
  g_test_add_func ("/elab/core/Questions/shipped-lessons-save-identical", test_shipped_lessons_save_identical);
  g_test_add_func ("/elab/core/Questions/training-exercise-advice", test_training_exercise_advice);
  g_test_add_func ("/elab/core/Questions/question-being-written", test_question_being_written);

  return g_test_run ();
}
