/* elab-logistic.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "elab-entropy.h"
#include "elab-enum-private.h"
#include "elab-logistic.h"

/**
 * elab_logistic_logit:
 * @model: θ and b
 * @x: the input
 *
 * z = θ·x + b, with a single rounding (fma), so that θ·x and b of opposite
 * signs do not lose the low bits of z that σ(z) would then magnify.
 */
double
elab_logistic_logit (const ElabLogistic *model,
                     double              x)
{
  double z = fma (model->theta, x, model->bias);

  /* The tanh output's logit is 2z: doubling is exact, so its values are
   * as accurate as the logistic ones. */
  return model->output == ELAB_OUTPUT_TANH ? elab_tanh_output_logit (z) : z;
}
/**
 * elab_logistic_prob:
 * @model: θ and b
 * @x: the input
 *
 * p(x) = σ(θ·x + b) (or the normalised tanh σ(2(θ·x + b))) in [0, 1], to full relative precision in both tails
 * (see elab_sigmoid()).
 */
double
elab_logistic_prob (const ElabLogistic *model,
                    double              x)
{
  return elab_sigmoid (elab_logistic_logit (model, x));
}

/**
 * elab_tanh_output:
 * @z: the pre-activation
 *
 * The normalised tanh output (tanh z + 1) / 2 in [0, 1], computed as the
 * identical σ(2z): adding 1 to tanh z ≈ −1 would lose every digit of the
 * left tail.
 */
double
elab_tanh_output (double z)
{
  return elab_sigmoid (elab_tanh_output_logit (z));
}

/**
 * elab_tanh_output_logit:
 * @z: the pre-activation
 *
 * The logit of elab_tanh_output(): 2z, so the tanh output can be fed to the
 * logit-based entropy functions.
 */
double
elab_tanh_output_logit (double z)
{
  return 2.0 * z;
}

static const char *output_names[] = {
  [ELAB_OUTPUT_LOGISTIC] = "logistic",
  [ELAB_OUTPUT_TANH] = "tanh",
};

/* "logistic", "tanh" */
ELAB_DEFINE_ENUM_STRINGS (elab_output, ElabOutput, output_names)
