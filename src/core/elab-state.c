/* elab-state.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

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

  state->models[0] = ELAB_LOGISTIC_INIT (1.0, 0.0);
  state->models[1] = ELAB_LOGISTIC_INIT (2.0, 0.0);
  state->models[2] = ELAB_LOGISTIC_INIT (0.5, 0.0);
  state->model_enabled[0] = TRUE;
  state->model_enabled[1] = TRUE;
  state->model_enabled[2] = FALSE;

  state->p = ELAB_LOGISTIC_INIT (1.0, 0.0);
  state->q = ELAB_LOGISTIC_INIT (2.0, 0.0);

  state->k = 3;
  state->logits[0] = 2.0;
  state->logits[1] = 1.0;
  state->logits[2] = 0.1;
  state->temperature = 1.0;
  state->target[0] = 1.0;

  g_strlcpy (state->dataset, "challenger", sizeof state->dataset);
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

static gboolean
fail (GError     **error,
      const char  *key,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      const char  *key,
      const char  *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "%s: %s", key, what);
  return FALSE;
}

/* A parameter such as θ, b, a logit or an initial weight. */
static gboolean
check_param (double       value,
             const char  *key,
             GError     **error)
{
  if (!isfinite (value))
    return fail (error, key, "must be a finite number (got %g)", value);
  if (fabs (value) > ELAB_MAX_ABS_PARAM)
    return fail (error, key, "must be within ±%g (got %.17g)", ELAB_MAX_ABS_PARAM, value);
  return TRUE;
}

static gboolean
check_bool (gboolean     value,
            const char  *key,
            GError     **error)
{
  if (value != TRUE && value != FALSE)
    return fail (error, key, "must be true or false (got %d)", (int) value);
  return TRUE;
}

static gboolean
check_string (const char  *buf,
              gsize        size,
              const char  *key,
              gboolean     allow_empty,
              GError     **error)
{
  if (memchr (buf, '\0', size) == NULL)
    return fail (error, key, "must be shorter than %" G_GSIZE_FORMAT " bytes", size);
  if (!allow_empty && buf[0] == '\0')
    return fail (error, key, "must not be empty");
  if (!g_utf8_validate (buf, -1, NULL))
    return fail (error, key, "must be valid UTF-8");
  return TRUE;
}

/**
 * elab_state_validate:
 * @state: the state to check
 * @error: return location for a #GError
 *
 * Checks that every field is finite and in range (see elab-state.h for the
 * bounds), so that a state from a file, a flag or a preset can be drawn
 * without further checks. Sets G_OPTION_ERROR_BAD_VALUE naming the field by
 * its scenario key.
 */
gboolean
elab_state_validate (const ElabState  *state,
                     GError          **error)
{
  static const char *model_keys[ELAB_MAX_MODELS][3] = {
    { "model-a-theta", "model-a-bias", "model-a-enabled" },
    { "model-b-theta", "model-b-bias", "model-b-enabled" },
    { "model-c-theta", "model-c-bias", "model-c-enabled" },
  };
  double sum;

  g_return_val_if_fail (state != NULL, FALSE);

  if (elab_unit_to_string (state->unit) == NULL)
    return fail (error, "unit", "must be bits or nats");

  if (!isfinite (state->x_min) || fabs (state->x_min) > ELAB_MAX_ABS_X)
    return fail (error, "x-min", "must be a finite number within ±%g (got %g)",
                 ELAB_MAX_ABS_X, state->x_min);
  if (!isfinite (state->x_max) || fabs (state->x_max) > ELAB_MAX_ABS_X)
    return fail (error, "x-max", "must be a finite number within ±%g (got %g)",
                 ELAB_MAX_ABS_X, state->x_max);
  if (!(state->x_min < state->x_max))
    return fail (error, "x-max", "must be greater than x-min (got x-min %.17g, x-max %.17g)",
                 state->x_min, state->x_max);
  if (state->samples < 2 || state->samples > ELAB_MAX_SAMPLES)
    return fail (error, "samples", "must be between 2 and %d (got %u)",
                 ELAB_MAX_SAMPLES, state->samples);

  if (elab_page_to_string (state->page) == NULL)
    return fail (error, "page", "unknown page");
  if (elab_theme_to_string (state->theme) == NULL)
    return fail (error, "theme", "must be light or dark");
  if (elab_palette_to_string (state->palette) == NULL)
    return fail (error, "palette", "must be default or colorblind");
  if (elab_notation_to_string (state->notation) == NULL)
    return fail (error, "notation", "must be standard or subscript");

  for (guint m = 0; m < ELAB_MAX_MODELS; m++)
    {
      if (!check_param (state->models[m].theta, model_keys[m][0], error) ||
          !check_param (state->models[m].bias, model_keys[m][1], error) ||
          !check_bool (state->model_enabled[m], model_keys[m][2], error))
        return FALSE;
    }

  if (!check_param (state->p.theta, "p-theta", error) ||
      !check_param (state->p.bias, "p-bias", error) ||
      !check_param (state->q.theta, "q-theta", error) ||
      !check_param (state->q.bias, "q-bias", error))
    return FALSE;

  if (state->k < 2 || state->k > ELAB_SOFTMAX_MAX_K)
    return fail (error, "logits", "must have between 2 and %d values (got %u)",
                 ELAB_SOFTMAX_MAX_K, state->k);
  for (guint i = 0; i < state->k; i++)
    {
      if (!isfinite (state->logits[i]) || fabs (state->logits[i]) > ELAB_MAX_ABS_PARAM)
        return fail (error, "logits", "value %u must be a finite number within ±%g (got %g)",
                     i + 1, ELAB_MAX_ABS_PARAM, state->logits[i]);
    }
  if (!isfinite (state->temperature) || !(state->temperature > 0.0))
    return fail (error, "temperature", "must be > 0 (got %g)", state->temperature);

  sum = 0.0;
  for (guint i = 0; i < state->k; i++)
    {
      if (!isfinite (state->target[i]) || state->target[i] < 0.0)
        return fail (error, "target", "value %u must be a finite number ≥ 0 (got %g)",
                     i + 1, state->target[i]);
      sum += state->target[i];
    }
  if (fabs (sum - 1.0) > 1e-9)
    return fail (error, "target", "must sum to 1 (sums to %.17g)", sum);

  if (!check_string (state->dataset, sizeof state->dataset, "dataset", FALSE, error) ||
      !check_string (state->x_column, sizeof state->x_column, "x-column", TRUE, error) ||
      !check_string (state->y_column, sizeof state->y_column, "y-column", TRUE, error))
    return FALSE;

  if (elab_optimizer_to_string (state->optimizer) == NULL)
    return fail (error, "optimizer", "must be gd, momentum or newton");
  if (!isfinite (state->learning_rate) || !(state->learning_rate > 0.0) ||
      state->learning_rate > ELAB_MAX_LEARNING_RATE)
    return fail (error, "learning-rate", "must be > 0 and ≤ %g (got %g)",
                 ELAB_MAX_LEARNING_RATE, state->learning_rate);
  if (!isfinite (state->momentum) || state->momentum < 0.0 || state->momentum >= 1.0)
    return fail (error, "momentum", "must be in [0, 1) (got %g)", state->momentum);
  if (state->steps < 1 || state->steps > ELAB_MAX_STEPS)
    return fail (error, "steps", "must be between 1 and %d (got %u)",
                 ELAB_MAX_STEPS, state->steps);
  if (!check_bool (state->standardize, "standardize", error) ||
      !check_bool (state->use_bias, "use-bias", error) ||
      !check_param (state->init_w, "init-w", error) ||
      !check_param (state->init_b, "init-b", error))
    return FALSE;
  if (elab_loss_scale_to_string (state->loss_scale) == NULL)
    return fail (error, "loss-scale", "must be linear or log");

  return TRUE;
}

/**
 * elab_state_equal:
 * @a: a state
 * @b: another state
 *
 * Field-by-field equality (doubles with ==, so −0 equals 0; logits and
 * target only up to k). Used by scenario round trips and the window's
 * "has anything changed" checks.
 */
gboolean
elab_state_equal (const ElabState *a,
                  const ElabState *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->unit != b->unit || a->x_min != b->x_min || a->x_max != b->x_max ||
      a->samples != b->samples || a->page != b->page || a->theme != b->theme ||
      a->palette != b->palette || a->notation != b->notation)
    return FALSE;

  for (guint m = 0; m < ELAB_MAX_MODELS; m++)
    if (a->models[m].theta != b->models[m].theta ||
        a->models[m].bias != b->models[m].bias ||
        !a->model_enabled[m] != !b->model_enabled[m])
      return FALSE;

  if (a->p.theta != b->p.theta || a->p.bias != b->p.bias ||
      a->q.theta != b->q.theta || a->q.bias != b->q.bias)
    return FALSE;

  if (a->k != b->k || a->temperature != b->temperature)
    return FALSE;
  for (guint i = 0; i < a->k && i < ELAB_SOFTMAX_MAX_K; i++)
    if (a->logits[i] != b->logits[i] || a->target[i] != b->target[i])
      return FALSE;

  if (strncmp (a->dataset, b->dataset, sizeof a->dataset) != 0 ||
      strncmp (a->x_column, b->x_column, sizeof a->x_column) != 0 ||
      strncmp (a->y_column, b->y_column, sizeof a->y_column) != 0)
    return FALSE;

  return a->optimizer == b->optimizer &&
         a->learning_rate == b->learning_rate &&
         a->momentum == b->momentum &&
         a->steps == b->steps &&
         !a->standardize == !b->standardize &&
         !a->use_bias == !b->use_bias &&
         a->init_w == b->init_w &&
         a->init_b == b->init_b &&
         a->loss_scale == b->loss_scale;
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

static const char *
name_of (const char **names,
         guint        n_names,
         int          value)
{
  if (value < 0 || (guint) value >= n_names)
    return NULL;
  return names[value];
}

static gboolean
value_of (const char **names,
          guint        n_names,
          const char  *str,
          int         *res)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    if (strcmp (names[i], str) == 0)
      {
        *res = (int) i;
        return TRUE;
      }
  return FALSE;
}

#define DEFINE_ENUM_STRINGS(prefix, Type, names)                        \
  const char *                                                          \
  prefix##_to_string (Type value)                                       \
  {                                                                     \
    return name_of (names, G_N_ELEMENTS (names), (int) value);          \
  }                                                                     \
                                                                        \
  gboolean                                                              \
  prefix##_from_string (const char *str,                                \
                        Type       *res)                                \
  {                                                                     \
    int v;                                                              \
                                                                        \
    if (!value_of (names, G_N_ELEMENTS (names), str, &v))               \
      return FALSE;                                                     \
    *res = (Type) v;                                                    \
    return TRUE;                                                        \
  }

/* elab_page_to_string() / elab_page_from_string(): "entropy",
 * "cross-entropy", "training", "softmax". FALSE / NULL when unknown. */
DEFINE_ENUM_STRINGS (elab_page, ElabPage, page_names)
/* "light", "dark" */
DEFINE_ENUM_STRINGS (elab_theme, ElabThemeKind, theme_names)
/* "gd", "momentum", "newton" */
DEFINE_ENUM_STRINGS (elab_optimizer, ElabOptimizer, optimizer_names)
/* "default", "colorblind" */
DEFINE_ENUM_STRINGS (elab_palette, ElabPalette, palette_names)
/* "standard", "subscript" */
DEFINE_ENUM_STRINGS (elab_notation, ElabNotation, notation_names)
/* "linear", "log" */
DEFINE_ENUM_STRINGS (elab_loss_scale, ElabLossScale, loss_scale_names)
