/* test-presets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every preset is valid and reproduces the numbers its description
 * promises, computed with the core functions the figures use.
 */

#include <math.h>
#include <string.h>

#include "elab-curves.h"
#include "elab-presets.h"
#include "elab-trainer.h"

static void
apply (const char *name,
       ElabState  *s)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (elab_presets_apply (name, s));
  g_assert_true (elab_state_validate (s, &error));
  g_assert_no_error (error);
}

static void
test_all_valid (void)
{
  gsize n = 0;
  const ElabPreset *all = elab_presets_get_all (&n);
  const char *figures[] = { "entropy", "cross-entropy", "softmax", "training", "landscape" };

  g_assert_cmpuint (n, >=, 10);
  for (gsize i = 0; i < n; i++)
    {
      ElabState s;
      gboolean known_figure = FALSE;

      apply (all[i].name, &s);
      g_assert_true (elab_presets_lookup (all[i].name) == &all[i]);
      /* kebab-case names, one-line descriptions */
      for (const char *c = all[i].name; *c; c++)
        g_assert_true (g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '-');
      g_assert_nonnull (all[i].description);
      g_assert_null (strchr (all[i].description, '\n'));
      g_assert_cmpuint (strlen (all[i].description), >, 20);
      for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
        known_figure |= g_strcmp0 (all[i].figure, figures[f]) == 0;
      g_assert_true (known_figure);
      /* names are unique */
      for (gsize j = 0; j < i; j++)
        g_assert_cmpstr (all[i].name, !=, all[j].name);
    }

  {
    ElabState s, before;

    elab_state_init_default (&s);
    s.temperature = 3;
    before = s;
    g_assert_false (elab_presets_apply ("no-such-preset", &s));
    g_assert_true (elab_state_equal (&s, &before));
    g_assert_null (elab_presets_lookup (NULL));
  }

  /* a preset starts from the defaults, whatever the state held */
  {
    ElabState s, d;

    elab_state_init_default (&s);
    s.unit = ELAB_UNIT_NATS;
    s.x_min = -1;
    g_assert_true (elab_presets_apply ("sigmoid", &s));
    elab_state_init_default (&d);
    g_assert_cmpint (s.unit, ==, d.unit);
    g_assert_cmpfloat (s.x_min, ==, d.x_min);
  }
}

static void
test_sigmoid (void)
{
  ElabState s;
  g_autoptr (ElabModelCurves) c = elab_model_curves_new (ELAB_MAX_SAMPLES);
  guint imax = 0;

  apply ("sigmoid", &s);
  g_assert_cmpint (s.page, ==, ELAB_PAGE_ENTROPY);
  g_assert_true (s.model_enabled[0] && !s.model_enabled[1] && !s.model_enabled[2]);
  g_assert_cmpfloat (s.models[0].theta, ==, 1);
  g_assert_cmpfloat (s.models[0].bias, ==, 0);

  elab_model_curves_compute (c, &s.models[0], s.x_min, s.x_max, s.samples, s.unit);
  for (guint i = 0; i < c->n; i++)
    if (c->h[i] > c->h[imax])
      imax = i;
  /* maximal, 1 bit, at p = ½ (x = 0) */
  g_assert_cmpfloat (c->x[imax], ==, 0.0);
  g_assert_cmpfloat (c->p[imax], ==, 0.5);
  g_assert_cmpfloat_with_epsilon (c->h[imax], 1.0, 1e-15);
}

static void
test_three_models (void)
{
  ElabState s;
  double mean[3];

  apply ("three-models", &s);
  g_assert_true (s.model_enabled[0] && s.model_enabled[1] && s.model_enabled[2]);
  g_assert_cmpfloat (s.models[0].theta, ==, 1);
  g_assert_cmpfloat (s.models[1].theta, ==, 2);
  g_assert_cmpfloat (s.models[2].theta, ==, 0.5);
  for (guint m = 0; m < 3; m++)
    {
      g_autoptr (ElabModelCurves) c = elab_model_curves_new (s.samples);

      elab_model_curves_compute (c, &s.models[m], s.x_min, s.x_max, s.samples, s.unit);
      mean[m] = c->mean_h;
    }
  /* two models, two different entropies: the steeper, the lower */
  g_assert_cmpfloat (mean[1], <, mean[0]);
  g_assert_cmpfloat (mean[0], <, mean[2]);
  /* ∫ H(σ(θx)) dx over ℝ = π²/(3θ ln 2) bits; on [−6, 6] θ = 2 has all but
   * a sliver of it: mean ≈ π²/(6·ln 2)/12 = 0.1977 bits */
  g_assert_cmpfloat_with_epsilon (mean[1], G_PI * G_PI / (6 * G_LN2) / 12, 1e-3);
}

static void
test_cross_entropy (void)
{
  ElabState s;
  ElabPairPoint pt;

  apply ("cross-entropy", &s);
  g_assert_cmpint (s.page, ==, ELAB_PAGE_CROSS_ENTROPY);
  g_assert_cmpfloat (s.p.theta, ==, 1);
  g_assert_cmpfloat (s.q.theta, ==, 2);
  elab_pair_point (&s.p, &s.q, 1.0, s.unit, &pt);
  /* the order matters: H(p,q) ≠ H(q,p) */
  g_assert_cmpfloat (fabs (pt.h_pq - pt.h_qp), >, 0.05);
  g_assert_cmpfloat_with_epsilon (pt.h_pq - pt.h_p, pt.kl_pq, 1e-14);
}

static void
test_bernoulli_asymmetry (void)
{
  ElabState s;
  g_autoptr (ElabPairCurves) c = NULL;

  apply ("bernoulli-asymmetry", &s);
  g_assert_cmpint (s.kl_gap, ==, ELAB_KL_GAP_BOTH);
  c = elab_pair_curves_new (s.samples);
  elab_pair_curves_compute (c, &s.p, &s.q, s.x_min, s.x_max, s.samples, s.unit);
  for (guint i = 0; i < c->n; i += 60)
    {
      g_assert_cmpfloat_with_epsilon (c->p[i], 0.5, 1e-16);
      g_assert_cmpfloat_with_epsilon (c->q[i], 0.1, 1e-16);
    }
  /* the published numbers, to their 3 decimals, and exactly from logs */
  g_assert_cmpfloat_with_epsilon (c->mean_h_p, 1.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (c->mean_h_q, 0.469, 5e-4);
  g_assert_cmpfloat_with_epsilon (c->mean_h_pq, 1.737, 5e-4);
  g_assert_cmpfloat_with_epsilon (c->mean_h_qp, 1.000, 5e-4);
  g_assert_cmpfloat_with_epsilon (c->mean_kl_pq, 0.737, 5e-4);
  g_assert_cmpfloat_with_epsilon (c->mean_kl_qp, 0.531, 5e-4);
  g_assert_cmpfloat_with_epsilon (c->mean_h_q, -(0.1 * log2 (0.1) + 0.9 * log2 (0.9)), 1e-14);
  g_assert_cmpfloat_with_epsilon (c->mean_h_pq, -(0.5 * log2 (0.1) + 0.5 * log2 (0.9)), 1e-14);
}

/* The normalised tanh of x is the logistic of 2x: model A (tanh, θ = 1)
 * and model B (logistic, θ = 2) are the same curve to the last bit, and
 * match (tanh(x) + 1)/2 where that sum does not cancel. */
static void
test_tanh_output (void)
{
  g_autoptr (ElabModelCurves) a = NULL;
  g_autoptr (ElabModelCurves) b = NULL;
  ElabState s;

  apply ("tanh-output", &s);
  g_assert_cmpint (s.models[0].output, ==, ELAB_OUTPUT_TANH);
  g_assert_cmpint (s.models[1].output, ==, ELAB_OUTPUT_LOGISTIC);
  a = elab_model_curves_new (s.samples);
  b = elab_model_curves_new (s.samples);
  elab_model_curves_compute (a, &s.models[0], s.x_min, s.x_max, s.samples, s.unit);
  elab_model_curves_compute (b, &s.models[1], s.x_min, s.x_max, s.samples, s.unit);
  for (guint i = 0; i < a->n; i++)
    {
      g_assert_cmpfloat (a->p[i], ==, b->p[i]);
      g_assert_cmpfloat (a->h[i], ==, b->h[i]);
      g_assert_cmpfloat_with_epsilon (a->p[i], (tanh (a->x[i]) + 1) / 2, 1e-15);
    }
  g_assert_cmpfloat (a->mean_h, ==, b->mean_h);
}

static void
test_four_symbol_code (void)
{
  ElabState s;
  double probs[4];
  const double p[] = { 0.5, 0.25, 0.125, 0.125 };
  double bits = elab_unit_factor (ELAB_UNIT_BITS);

  apply ("four-symbol-code", &s);
  g_assert_cmpint (s.page, ==, ELAB_PAGE_SOFTMAX);
  g_assert_cmpuint (s.k, ==, 4);
  /* the model q is the softmax, the true p the target */
  elab_softmax (s.logits, s.k, s.temperature, probs);
  g_assert_cmpfloat_with_epsilon (probs[0], 0.125, 1e-16);
  g_assert_cmpfloat_with_epsilon (probs[1], 0.5, 1e-16);
  g_assert_cmpfloat_with_epsilon (probs[2], 0.125, 1e-16);
  g_assert_cmpfloat_with_epsilon (probs[3], 0.25, 1e-16);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (s.target[i], ==, p[i]);

  /* H(p) = 1.75, H(q) = 1.75, H(p,q) = 2.375, H(q,p) = 2.25 bits; the page
   * shows H(target, softmax) = H(p,q) */
  g_assert_cmpfloat_with_epsilon (elab_entropy (s.target, 4) * bits, 1.75, 1e-14);
  g_assert_cmpfloat_with_epsilon (elab_softmax_entropy (s.logits, 4, s.temperature) * bits,
                                  1.75, 1e-14);
  g_assert_cmpfloat_with_epsilon (elab_softmax_cross_entropy (s.target, s.logits, 4,
                                                              s.temperature) * bits,
                                  2.375, 1e-14);
  g_assert_cmpfloat_with_epsilon (elab_cross_entropy (probs, s.target, 4) * bits, 2.25, 1e-14);
  g_assert_nonnull (strstr (elab_presets_lookup ("four-symbol-code")->description,
                            "H(p,q) = 2.375"));
}

static void
test_softmax_temperature (void)
{
  ElabState s;
  double probs[3];
  double h = 0.0;

  apply ("softmax-temperature", &s);
  g_assert_cmpuint (s.k, ==, 3);
  g_assert_cmpfloat (s.temperature, ==, 5.0);
  /* independent: e^(z/T) normalised by hand */
  {
    double e[3], sum = 0;

    for (guint i = 0; i < 3; i++)
      sum += e[i] = exp (s.logits[i] / s.temperature);
    for (guint i = 0; i < 3; i++)
      h -= e[i] / sum * log2 (e[i] / sum);
  }
  elab_softmax (s.logits, 3, s.temperature, probs);
  g_assert_cmpfloat_with_epsilon (elab_softmax_entropy (s.logits, 3, s.temperature) / G_LN2,
                                  h, 1e-14);
  /* flattened: within 2% of log₂ 3, far above T = 1's entropy */
  g_assert_cmpfloat (h, >, 0.98 * log2 (3));
  g_assert_cmpfloat (h, >, elab_softmax_entropy (s.logits, 3, 1.0) / G_LN2 + 0.3);
}

/* Runs the preset's training to its step limit with the core trainer. */
static ElabTrainer *
train (const ElabState *s)
{
  g_autoptr (ElabDataset) data = elab_dataset_load (s->dataset, NULL, NULL, NULL, NULL);
  ElabTrainerSettings settings = ELAB_TRAINER_SETTINGS_INIT;
  ElabTrainer *trainer;

  g_assert_nonnull (data);
  settings.optimizer = s->optimizer;
  settings.learning_rate = s->learning_rate;
  settings.momentum = s->momentum;
  settings.max_steps = s->steps;
  settings.standardize = s->standardize;
  settings.use_bias = s->use_bias;
  settings.init_w = s->init_w;
  settings.init_b = s->init_b;
  settings.loss = s->loss;
  trainer = elab_trainer_new (data, &settings);
  while (!elab_trainer_is_done (trainer))
    elab_trainer_step (trainer, 1000);
  g_assert_true (isfinite (elab_trainer_get_w (trainer)));
  g_assert_true (isfinite (elab_trainer_get_b (trainer)));
  g_assert_true (isfinite (elab_trainer_get_loss (trainer)));
  return trainer;
}

/* The published fits: Challenger logit = 15.0429 − 0.2322·T, hours
 * studied −4.0777 + 1.5046·hours; raw °F does not get there; iris setosa
 * has no finite optimum. */
static void
test_training_numbers (void)
{
  ElabState s;

  apply ("challenger", &s);
  {
    g_autoptr (ElabTrainer) t = train (&s);

    g_assert_cmpint (elab_trainer_get_status (t), ==, ELAB_TRAIN_STATUS_CONVERGED);
    g_assert_cmpfloat_with_epsilon (elab_trainer_get_w (t), -0.2322, 1e-4);
    g_assert_cmpfloat_with_epsilon (elab_trainer_get_b (t), 15.0429, 1e-3);
  }

  apply ("challenger-raw", &s);
  {
    g_autoptr (ElabTrainer) t = train (&s);

    g_assert_cmpint (elab_trainer_get_status (t), !=, ELAB_TRAIN_STATUS_CONVERGED);
    g_assert_cmpfloat (fabs (elab_trainer_get_b (t) - 15.0429), >, 1.0);
  }

  /* What the squared-error preset promises, and the cross-entropy from
   * the same start. */
  apply ("squared-error-stall", &s);
  {
    g_autoptr (ElabTrainer) t = train (&s);

    g_assert_cmpint (s.loss, ==, ELAB_LOSS_SQUARED);
    g_assert_cmpint (elab_trainer_get_status (t), ==, ELAB_TRAIN_STATUS_MAX_STEPS);
    g_assert_cmpuint (elab_trainer_get_steps (t), ==, 2000);
    g_assert_cmpfloat_with_epsilon (elab_trainer_loss_at (t, 2, -140), 0.564, 5e-4);
    g_assert_cmpfloat_with_epsilon (elab_trainer_get_loss (t), 0.563, 5e-4);
    s.loss = ELAB_LOSS_CROSS_ENTROPY;
  }
  {
    g_autoptr (ElabTrainer) t = train (&s);

    g_assert_cmpint (elab_trainer_get_status (t), ==, ELAB_TRAIN_STATUS_CONVERGED);
    g_assert_cmpuint (elab_trainer_get_steps (t), <, 320);
  }

  apply ("hours-studied", &s);
  {
    g_autoptr (ElabTrainer) t = train (&s);

    g_assert_cmpint (elab_trainer_get_status (t), ==, ELAB_TRAIN_STATUS_CONVERGED);
    g_assert_cmpfloat_with_epsilon (elab_trainer_get_w (t), 1.5046, 1e-4);
    g_assert_cmpfloat_with_epsilon (elab_trainer_get_b (t), -4.0777, 1e-4);
  }

  apply ("iris-separable", &s);
  {
    g_autoptr (ElabTrainer) t = train (&s);

    g_assert_cmpint (elab_trainer_get_status (t), ==, ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM);
    g_assert_false (elab_trainer_get_converged (t));
  }
}

static void
test_training (void)
{
  ElabState s;

  apply ("challenger", &s);
  g_assert_cmpint (s.page, ==, ELAB_PAGE_TRAINING);
  g_assert_cmpstr (s.dataset, ==, "challenger");
  g_assert_true (s.standardize);
  g_assert_cmpint (s.optimizer, ==, ELAB_OPTIMIZER_GD);
  g_assert_cmpfloat (s.learning_rate, ==, 1.0);

  apply ("challenger-raw", &s);
  g_assert_cmpstr (s.dataset, ==, "challenger");
  g_assert_false (s.standardize);

  apply ("iris-separable", &s);
  g_assert_cmpstr (s.dataset, ==, "iris-setosa");

  apply ("hours-studied", &s);
  g_assert_cmpstr (s.dataset, ==, "hours-studied");
  g_assert_true (s.use_bias);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/core/Presets/all-valid", test_all_valid);
  g_test_add_func ("/elab/core/Presets/sigmoid", test_sigmoid);
  g_test_add_func ("/elab/core/Presets/three-models", test_three_models);
  g_test_add_func ("/elab/core/Presets/cross-entropy", test_cross_entropy);
  g_test_add_func ("/elab/core/Presets/bernoulli-asymmetry", test_bernoulli_asymmetry);
  g_test_add_func ("/elab/core/Presets/tanh-output", test_tanh_output);
  g_test_add_func ("/elab/core/Presets/four-symbol-code", test_four_symbol_code);
  g_test_add_func ("/elab/core/Presets/softmax-temperature", test_softmax_temperature);
  g_test_add_func ("/elab/core/Presets/training", test_training);
  g_test_add_func ("/elab/core/Presets/training-numbers", test_training_numbers);

  return g_test_run ();
}
