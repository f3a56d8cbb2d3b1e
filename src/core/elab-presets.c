/* elab-presets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lesson's figures, one preset each. A preset only sets the ElabState
 * fields that differ from the defaults (elab_presets_apply() resets to
 * them first); tests/core/test-presets.c checks the numbers each
 * description promises.
 */

#include <math.h>
#include <string.h>

#include "elab-presets.h"

static void
apply_sigmoid (ElabState *s)
{
  s->page = ELAB_PAGE_ENTROPY;
  s->models[0] = ELAB_LOGISTIC_INIT (1.0, 0.0);
  s->model_enabled[0] = TRUE;
  s->model_enabled[1] = FALSE;
  s->model_enabled[2] = FALSE;
}

static void
apply_three_models (ElabState *s)
{
  s->page = ELAB_PAGE_ENTROPY;
  s->models[0] = ELAB_LOGISTIC_INIT (1.0, 0.0);
  s->models[1] = ELAB_LOGISTIC_INIT (2.0, 0.0);
  s->models[2] = ELAB_LOGISTIC_INIT (0.5, 0.0);
  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    s->model_enabled[i] = TRUE;
}

static void
apply_tanh_output (ElabState *s)
{
  s->page = ELAB_PAGE_ENTROPY;
  /* (tanh(x) + 1)/2 and σ(2x) are one function: the two curves coincide. */
  s->models[0] = ELAB_LOGISTIC_INIT (1.0, 0.0);
  s->models[0].output = ELAB_OUTPUT_TANH;
  s->models[1] = ELAB_LOGISTIC_INIT (2.0, 0.0);
  s->model_enabled[0] = TRUE;
  s->model_enabled[1] = TRUE;
  s->model_enabled[2] = FALSE;
}

static void
apply_cross_entropy (ElabState *s)
{
  s->page = ELAB_PAGE_CROSS_ENTROPY;
  s->p = ELAB_LOGISTIC_INIT (1.0, 0.0);
  s->q = ELAB_LOGISTIC_INIT (2.0, 0.0);
}

static void
apply_bernoulli_asymmetry (ElabState *s)
{
  s->page = ELAB_PAGE_CROSS_ENTROPY;
  /* Constant models: θ = 0, so p(x) = σ(b) everywhere; logit(0.1) = −ln 9. */
  s->p = ELAB_LOGISTIC_INIT (0.0, 0.0);
  s->q = ELAB_LOGISTIC_INIT (0.0, -log (9.0));
  /* The asymmetry as two areas of different heights. */
  s->kl_gap = ELAB_KL_GAP_BOTH;
}

static void
set_softmax (ElabState    *s,
             guint         k,
             const double *logits,
             const double *target,
             double        temperature)
{
  s->page = ELAB_PAGE_SOFTMAX;
  s->k = k;
  memset (s->logits, 0, sizeof s->logits);
  memset (s->target, 0, sizeof s->target);
  memcpy (s->logits, logits, k * sizeof (double));
  memcpy (s->target, target, k * sizeof (double));
  s->temperature = temperature;
}

static void
apply_four_symbol_code (ElabState *s)
{
  /* The target is the true distribution p = (½, ¼, ⅛, ⅛) and the model is
   * softmax(log q) = q = (⅛, ½, ⅛, ¼) exactly, so the page's cross-entropy
   * to the target is H(p, q) = 2.375 bits, the true distribution first. */
  const double logits[] = { log (0.125), log (0.5), log (0.125), log (0.25) };
  const double target[] = { 0.5, 0.25, 0.125, 0.125 };

  set_softmax (s, 4, logits, target, 1.0);
}

static void
apply_softmax_temperature (ElabState *s)
{
  const double logits[] = { 2.0, 1.0, 0.1 };
  const double target[] = { 1.0, 0.0, 0.0 };

  set_softmax (s, 3, logits, target, 5.0);
}

static void
set_training (ElabState     *s,
              const char    *dataset,
              gboolean       standardize,
              double         learning_rate,
              guint          steps)
{
  s->page = ELAB_PAGE_TRAINING;
  g_strlcpy (s->dataset, dataset, sizeof s->dataset);
  s->standardize = standardize;
  s->learning_rate = learning_rate;
  s->steps = steps;
}

static void
apply_challenger (ElabState *s)
{
  set_training (s, "challenger", TRUE, 1.0, 1000);
}

static void
apply_challenger_raw (ElabState *s)
{
  /* On raw °F (x ≈ 53…81) the loss surface is a long narrow valley: lr 1
   * blows up and the largest stable rate, ~0.001, crawls along the valley. */
  set_training (s, "challenger", FALSE, 0.001, 5000);
}

static void
apply_squared_error_stall (ElabState *s)
{
  /* Confidently wrong everywhere (σ rises with temperature, incidents are
   * at low temperatures, |z| up to 22): σ′ ≈ 0 on every example, so the
   * squared error's gradient nearly vanishes while the cross-entropy's,
   * ŷ − y, is as large as the mistakes. */
  set_training (s, "challenger", TRUE, 1.0, 2000);
  s->loss = ELAB_LOSS_SQUARED;
  s->init_w = 2.0;
  s->init_b = -140.0;
  /* The landscape shows the cross-entropy's run beside it. */
  s->compare_losses = TRUE;
}

static void
apply_iris_separable (ElabState *s)
{
  set_training (s, "iris-setosa", TRUE, 1.0, 1000);
}

static void
apply_hours_studied (ElabState *s)
{
  set_training (s, "hours-studied", TRUE, 1.0, 1000);
}

static const ElabPreset presets[] = {
  { "sigmoid", "entropy",
    "the first model σ(x) (θ = 1, b = 0) and its entropy, maximal (1 bit) at p = ½, x = 0",
    apply_sigmoid },
  { "three-models", "entropy",
    "three models θ = 1, 2, 0.5: the steeper the model, the lower its mean entropy",
    apply_three_models },
  { "tanh-output", "entropy",
    "the normalised tanh (tanh(x) + 1)/2 (A) is the logistic σ(2x) (B): the two curves coincide",
    apply_tanh_output },
  { "cross-entropy", "cross-entropy",
    "p: θ = 1 against q: θ = 2; H(p,q) and the swapped H(q,p) differ, KL(p‖q) shaded",
    apply_cross_entropy },
  { "bernoulli-asymmetry", "cross-entropy",
    "p = 0.5 vs q = 0.1: H(p) = 1, H(q) = 0.469, H(p,q) = 1.737, H(q,p) = 1.000 bits; "
    "KL(p‖q) 0.737 vs KL(q‖p) 0.531, both shaded",
    apply_bernoulli_asymmetry },
  { "four-symbol-code", "softmax",
    "four-symbol code: target p = (½,¼,⅛,⅛), softmax q = (⅛,½,⅛,¼): H(p) = H(q) = 1.75, "
    "H(p,q) = 2.375, H(q,p) = 2.25 bits",
    apply_four_symbol_code },
  { "softmax-temperature", "softmax",
    "logits (2, 1, 0.1) at T = 5: a high temperature flattens the softmax toward "
    "log₂ 3 bits",
    apply_softmax_temperature },
  { "challenger", "training",
    "23 shuttle flights, O-ring incident vs °F, standardised, gradient descent lr 1: "
    "15.04 − 0.232·T",
    apply_challenger },
  { "challenger-raw", "training",
    "the same flights on raw °F: the largest stable lr (0.001) crawls; why we standardise",
    apply_challenger_raw },
  { "squared-error-stall", "training",
    "the same flights from a confidently wrong start (w = 2, b = −140): gradient descent on the "
    "squared error barely moves in 2000 steps (0.564 to 0.563); with --loss cross-entropy it "
    "converges in 284",
    apply_squared_error_stall },
  { "iris-separable", "training",
    "iris setosa vs the rest on petal length: separable, no finite optimum (|w| grows)",
    apply_iris_separable },
  { "hours-studied", "training",
    "hours studied vs passing the exam, standardised, lr 1: −4.08 + 1.50·hours",
    apply_hours_studied },
};

/**
 * elab_presets_get_all:
 * @n_presets: (out): how many
 *
 * Every preset, in the lesson's order. Static data: never free it.
 */
const ElabPreset *
elab_presets_get_all (gsize *n_presets)
{
  if (n_presets != NULL)
    *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

/**
 * elab_presets_lookup:
 * @name: a preset name such as "bernoulli-asymmetry"
 *
 * The preset called @name, or NULL.
 */
const ElabPreset *
elab_presets_lookup (const char *name)
{
  if (name == NULL)
    return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (presets); i++)
    if (strcmp (presets[i].name, name) == 0)
      return &presets[i];

  return NULL;
}

/**
 * elab_presets_apply:
 * @name: a preset name
 * @state: (out caller-allocates): the state to overwrite
 *
 * Resets @state to elab_state_init_default() and applies the preset.
 * FALSE, with @state untouched, if no preset has that name.
 */
gboolean
elab_presets_apply (const char *name,
                    ElabState  *state)
{
  const ElabPreset *preset = elab_presets_lookup (name);

  g_return_val_if_fail (state != NULL, FALSE);

  if (preset == NULL)
    return FALSE;

  elab_state_init_default (state);
  preset->apply (state);
  return TRUE;
}
