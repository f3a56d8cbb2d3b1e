/* elab-state.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything needed to reproduce a figure: the parameters of every page,
 * the unit, the x range and the look. The window edits one of these, the
 * command line fills one from flags or a preset, scenarios save and load
 * one, and every figure draws from one. Plain data: copy with '='.
 */
#pragma once

#include <glib.h>

#include "elab-entropy.h"
#include "elab-logistic.h"
#include "elab-softmax.h"

G_BEGIN_DECLS

#define ELAB_MAX_MODELS      3
#define ELAB_MAX_SAMPLES     100000
#define ELAB_DATASET_NAME_MAX 1024
#define ELAB_COLUMN_NAME_MAX 256
/* Bounds elab_state_validate() enforces: |θ|, |b|, |x|, |logit|, |w| ≤ 1e6
 * keep every logit θ·x + b finite (≤ ~1e12) with room to spare. */
#define ELAB_MAX_ABS_PARAM   1e6
#define ELAB_MAX_ABS_X       1e6
#define ELAB_MAX_LEARNING_RATE 1e6
#define ELAB_MAX_STEPS       10000000

typedef enum
{
  ELAB_PAGE_ENTROPY,
  ELAB_PAGE_CROSS_ENTROPY,
  ELAB_PAGE_TRAINING,
  ELAB_PAGE_SOFTMAX,
} ElabPageKind;

typedef enum
{
  ELAB_THEME_LIGHT,
  ELAB_THEME_DARK,
} ElabThemeKind;

typedef enum
{
  ELAB_PALETTE_DEFAULT,
  ELAB_PALETTE_COLORBLIND,
} ElabPalette;

typedef enum
{
  ELAB_NOTATION_STANDARD,   /* H(p, q) = −Σ p log q */
  ELAB_NOTATION_SUBSCRIPT,  /* H_q(p) */
} ElabNotation;

typedef enum
{
  ELAB_OPTIMIZER_GD,
  ELAB_OPTIMIZER_MOMENTUM,
  ELAB_OPTIMIZER_NEWTON,
} ElabOptimizer;

/* How the Training page draws the loss over the steps: on a linear axis
 * from 0, or on a log axis, where a loss that keeps falling towards 0
 * (separable data) shows as a steady descent instead of a flat line. */
typedef enum
{
  ELAB_LOSS_SCALE_LINEAR,
  ELAB_LOSS_SCALE_LOG,
} ElabLossScale;

/* The loss the Training page minimises: the mean cross-entropy, or the
 * mean squared error (σ(w·x + b) − y)² of the same model, whose gradient
 * carries σ′ = σ(1 − σ) and so vanishes where σ saturates on the wrong
 * side. */
typedef enum
{
  ELAB_LOSS_CROSS_ENTROPY,
  ELAB_LOSS_SQUARED,
} ElabLoss;

/* Which KL gaps the Cross-entropy figure shades: KL(p‖q) between H(p, q)
 * and H(p), KL(q‖p) between H(q, p) and H(q), both (the asymmetry seen as
 * two different areas), or none. */
typedef enum
{
  ELAB_KL_GAP_PQ,
  ELAB_KL_GAP_QP,
  ELAB_KL_GAP_BOTH,
  ELAB_KL_GAP_NONE,
} ElabKlGap;

typedef struct
{
  /* Everywhere */
  ElabUnit      unit;
  double        x_min;
  double        x_max;
  guint         samples;
  ElabPageKind  page;
  ElabThemeKind theme;
  ElabPalette   palette;
  ElabNotation  notation;
  /* The worked formula under the Entropy and Cross-entropy figures, with
   * the numbers at formula_at substituted (at the hovered x while the
   * pointer is over the plot). */
  gboolean      formula;
  double        formula_at;

  /* Entropy page: models A, B, C */
  ElabLogistic  models[ELAB_MAX_MODELS];
  gboolean      model_enabled[ELAB_MAX_MODELS];

  /* Cross-entropy page: the true distribution p, the model q */
  ElabLogistic  p;
  ElabLogistic  q;
  ElabKlGap     kl_gap;

  /* Softmax page */
  guint         k;
  double        logits[ELAB_SOFTMAX_MAX_K];
  double        temperature;
  double        target[ELAB_SOFTMAX_MAX_K];   /* sums to 1 */
  gboolean      softmax_terms;  /* each class's terms of H(t, P) and KL drawn too */

  /* Training page */
  char          dataset[ELAB_DATASET_NAME_MAX];  /* built-in name or CSV path */
  char          x_column[ELAB_COLUMN_NAME_MAX];  /* "" = first column */
  char          y_column[ELAB_COLUMN_NAME_MAX];  /* "" = last column */
  char          positive[ELAB_COLUMN_NAME_MAX];  /* label value of class 1; "" = picked */
  ElabLoss      loss;
  gboolean      compare_losses; /* the landscape draws both losses side by side */
  ElabOptimizer optimizer;
  double        learning_rate;
  double        momentum;
  guint         steps;
  gboolean      standardize;
  gboolean      use_bias;
  double        init_w;
  double        init_b;
  ElabLossScale loss_scale;   /* how the loss over the steps is drawn */
} ElabState;

/* The lesson's defaults: model A θ = 1, B θ = 2, C θ = 0.5 (off); p θ = 1,
 * q θ = 2; logits 2, 1, 0.1 at T = 1 with target (1, 0, 0); bits; x ∈ [−6, 6]
 * with 241 samples; the Challenger data set with plain gradient descent
 * on the cross-entropy, its loss drawn on a linear axis. */
void         elab_state_init_default        (ElabState        *state);
/* Checks every field's range and finiteness; on failure sets @error
 * (G_OPTION_ERROR_BAD_VALUE) naming the field by its scenario key, e.g.
 * "temperature: must be > 0 (got -1)". Entries of logits/target at index
 * ≥ k are ignored. */
gboolean     elab_state_validate            (const ElabState  *state,
                                             GError          **error);

/* Each enum's names as scenario files and the command line spell them:
 * PREFIX_to_string() gives @value's (NULL when out of range),
 * PREFIX_from_string() reads one back (FALSE when unknown). */
#define ELAB_DECLARE_ENUM_STRINGS(prefix, Type)                 \
  const char *prefix##_to_string   (Type        value);         \
  gboolean    prefix##_from_string (const char *str,            \
                                    Type       *res);

/* elab_page_kind_to_string(), _from_string(): "entropy", "cross-entropy",
 * "training", "softmax" */
ELAB_DECLARE_ENUM_STRINGS (elab_page_kind, ElabPageKind)
/* elab_theme_to_string(), _from_string(): "light" / "dark" */
ELAB_DECLARE_ENUM_STRINGS (elab_theme, ElabThemeKind)
/* elab_optimizer_to_string(), _from_string(): "gd" / "momentum" / "newton" */
ELAB_DECLARE_ENUM_STRINGS (elab_optimizer, ElabOptimizer)
/* elab_palette_to_string(), _from_string(): "default" / "colorblind" */
ELAB_DECLARE_ENUM_STRINGS (elab_palette, ElabPalette)
/* elab_notation_to_string(), _from_string(): "standard" (H(p, q)) /
 * "subscript" (H_q(p)) */
ELAB_DECLARE_ENUM_STRINGS (elab_notation, ElabNotation)
/* elab_loss_scale_to_string(), _from_string(): "linear" / "log" */
ELAB_DECLARE_ENUM_STRINGS (elab_loss_scale, ElabLossScale)
/* elab_loss_to_string(), _from_string(): "cross-entropy" / "squared-error" */
ELAB_DECLARE_ENUM_STRINGS (elab_loss, ElabLoss)
/* elab_kl_gap_to_string(), _from_string(): "pq" / "qp" / "both" / "none" */
ELAB_DECLARE_ENUM_STRINGS (elab_kl_gap, ElabKlGap)

/* TRUE when every field is equal (doubles compared with ==, strings as
 * strings, logits/target only up to k). */
gboolean     elab_state_equal               (const ElabState  *a,
                                             const ElabState  *b);

G_END_DECLS
