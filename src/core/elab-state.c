/* elab-state.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "elab-enum-private.h"
#include "elab-params.h"
#include "elab-state.h"

/**
 * elab_state_init_default:
 * @state: (out caller-allocates): the state to reset
 *
 * The lesson's defaults (see elab-state.h). Every byte is set, including
 * unused logits/target entries (0), so states compare and copy cleanly.
 */
void
elab_state_init_default (ElabState *state)
{
  g_return_if_fail (state != NULL);

  memset (state, 0, sizeof *state);

  state->unit = ELAB_UNIT_BITS;
  state->x_min = -6.0;
  state->x_max = 6.0;
  state->samples = 241;
  state->page = ELAB_PAGE_ENTROPY;
  state->theme = ELAB_THEME_LIGHT;
  state->palette = ELAB_PALETTE_DEFAULT;
  state->notation = ELAB_NOTATION_STANDARD;
  state->formula = FALSE;
  state->formula_at = 1.0;

  state->models[0] = ELAB_LOGISTIC_INIT (1.0, 0.0);
  state->models[1] = ELAB_LOGISTIC_INIT (2.0, 0.0);
  state->models[2] = ELAB_LOGISTIC_INIT (0.5, 0.0);
  state->model_enabled[0] = TRUE;
  state->model_enabled[1] = TRUE;
  state->model_enabled[2] = FALSE;

  state->p = ELAB_LOGISTIC_INIT (1.0, 0.0);
  state->q = ELAB_LOGISTIC_INIT (2.0, 0.0);
  state->kl_gap = ELAB_KL_GAP_PQ;

  state->k = 3;
  state->logits[0] = 2.0;
  state->logits[1] = 1.0;
  state->logits[2] = 0.1;
  state->temperature = 1.0;
  state->target[0] = 1.0;

  g_strlcpy (state->dataset, "challenger", sizeof state->dataset);
  state->loss = ELAB_LOSS_CROSS_ENTROPY;
  state->optimizer = ELAB_OPTIMIZER_GD;
  state->learning_rate = 1.0;
  state->momentum = 0.9;
  state->steps = 1000;
  state->standardize = TRUE;  /* lr 1 on raw °F diverges at step 1 */
  state->use_bias = TRUE;
  state->init_w = 0.0;
  state->init_b = 0.0;
  state->loss_scale = ELAB_LOSS_SCALE_LINEAR;
}

/**
 * elab_state_validate:
 * @state: the state to check
 * @error: return location for a #GError
 *
 * Checks every parameter against its row of the table (finite, in range,
 * a known choice), then the rules that tie fields together, so that a
 * state from a file, a flag or a preset can be drawn without further
 * checks. Sets G_OPTION_ERROR_BAD_VALUE naming the parameter.
 */
gboolean
elab_state_validate (const ElabState  *state,
                     GError          **error)
{
  const ElabParam *params;
  guint n_params;
  double sum = 0.0;

  g_return_val_if_fail (state != NULL, FALSE);

  params = elab_params (&n_params);
  for (guint i = 0; i < n_params; i++)
    if (!elab_param_validate (&params[i], state, error))
      return FALSE;

  if (!(state->x_min < state->x_max))
    {
      char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];

      elab_param_format_double (lo, sizeof lo, state->x_min);
      elab_param_format_double (hi, sizeof hi, state->x_max);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "x-max: must be greater than x-min (got x-min %s, x-max %s)", lo, hi);
      return FALSE;
    }

  {
    gboolean any_finite = FALSE;

    for (guint i = 0; i < state->k && i < ELAB_SOFTMAX_MAX_K; i++)
      any_finite |= isfinite (state->logits[i]);
    if (!any_finite)
      {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     "logits: at least one must be finite (a class must have a probability)");
        return FALSE;
      }
  }

  for (guint i = 0; i < state->k; i++)
    sum += state->target[i];
  if (fabs (sum - 1.0) > 1e-9)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "target: must sum to 1 (sums to %.17g)", sum);
      return FALSE;
    }

  return TRUE;
}

/**
 * elab_state_equal:
 * @a: a state
 * @b: another state
 *
 * Parameter-by-parameter equality (doubles with ==, so −0 equals 0;
 * logits and target only up to k).
 */
gboolean
elab_state_equal (const ElabState *a,
                  const ElabState *b)
{
  const ElabParam *params;
  guint n_params;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  params = elab_params (&n_params);
  for (guint i = 0; i < n_params; i++)
    if (!elab_param_equal (&params[i], a, b))
      return FALSE;
  return TRUE;
}

/* Enum ↔ string tables: the spellings of the command line and scenarios. */

static const char *page_names[] = {
  [ELAB_PAGE_ENTROPY] = "entropy",
  [ELAB_PAGE_CROSS_ENTROPY] = "cross-entropy",
  [ELAB_PAGE_TRAINING] = "training",
  [ELAB_PAGE_SOFTMAX] = "softmax",
};

static const char *theme_names[] = {
  [ELAB_THEME_LIGHT] = "light",
  [ELAB_THEME_DARK] = "dark",
};

static const char *optimizer_names[] = {
  [ELAB_OPTIMIZER_GD] = "gd",
  [ELAB_OPTIMIZER_MOMENTUM] = "momentum",
  [ELAB_OPTIMIZER_NEWTON] = "newton",
};

static const char *palette_names[] = {
  [ELAB_PALETTE_DEFAULT] = "default",
  [ELAB_PALETTE_COLORBLIND] = "colorblind",
};

static const char *notation_names[] = {
  [ELAB_NOTATION_STANDARD] = "standard",
  [ELAB_NOTATION_SUBSCRIPT] = "subscript",
};

static const char *loss_scale_names[] = {
  [ELAB_LOSS_SCALE_LINEAR] = "linear",
  [ELAB_LOSS_SCALE_LOG] = "log",
};

static const char *loss_names[] = {
  [ELAB_LOSS_CROSS_ENTROPY] = "cross-entropy",
  [ELAB_LOSS_SQUARED] = "squared-error",
};

static const char *kl_gap_names[] = {
  [ELAB_KL_GAP_PQ] = "pq",
  [ELAB_KL_GAP_QP] = "qp",
  [ELAB_KL_GAP_BOTH] = "both",
  [ELAB_KL_GAP_NONE] = "none",
};

/* elab_page_kind_to_string() / elab_page_kind_from_string(): "entropy",
 * "cross-entropy", "training", "softmax". FALSE / NULL when unknown. */
ELAB_DEFINE_ENUM_STRINGS (elab_page_kind, ElabPageKind, page_names)
/* "light", "dark" */
ELAB_DEFINE_ENUM_STRINGS (elab_theme, ElabThemeKind, theme_names)
/* "gd", "momentum", "newton" */
ELAB_DEFINE_ENUM_STRINGS (elab_optimizer, ElabOptimizer, optimizer_names)
/* "default", "colorblind" */
ELAB_DEFINE_ENUM_STRINGS (elab_palette, ElabPalette, palette_names)
/* "standard", "subscript" */
ELAB_DEFINE_ENUM_STRINGS (elab_notation, ElabNotation, notation_names)
/* "linear", "log" */
ELAB_DEFINE_ENUM_STRINGS (elab_loss_scale, ElabLossScale, loss_scale_names)
/* "cross-entropy", "squared-error" */
ELAB_DEFINE_ENUM_STRINGS (elab_loss, ElabLoss, loss_names)
/* "pq", "qp", "both", "none" */
ELAB_DEFINE_ENUM_STRINGS (elab_kl_gap, ElabKlGap, kl_gap_names)
