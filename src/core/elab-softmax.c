/* elab-softmax.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Softmax through the log-sum-exp of the scaled logits aᵢ = (zᵢ − z_max)/T:
 * every aᵢ ≤ 0, so no exponential overflows; the sum S = Σ e^aᵢ is in
 * [1, K], and log S is taken as log1p of the terms other than the largest,
 * so a nearly one-hot softmax keeps the tiny mass of the others (and its
 * small entropy) to full relative precision.
 */

#include <math.h>

#include "elab-softmax.h"

/* Fills @a with (zᵢ − z_max)/T and returns log Σ e^aᵢ. Subtracting before
 * dividing keeps a tiny T from turning zᵢ/T into ∞ − ∞. */
static double
scaled_log_sum_exp (const double *logits,
                    gsize         k,
                    double        temperature,
                    double       *a)
{
  gsize imax = 0;
  double rest = 0.0;

  for (gsize i = 1; i < k; i++)
    if (logits[i] > logits[imax])
      imax = i;

  for (gsize i = 0; i < k; i++)
    a[i] = (logits[i] - logits[imax]) / temperature;
  a[imax] = 0.0;

  for (gsize i = 0; i < k; i++)
    if (i != imax)
      rest += exp (a[i]);

  return log1p (rest);
}

/**
 * elab_log_softmax:
 * @logits: @k finite logits
 * @k: 1 … ELAB_SOFTMAX_MAX_K
 * @temperature: T > 0 (may be tiny or huge)
 * @res_log_probs: (out caller-allocates): @k values log softmax(z/T)ᵢ ≤ 0
 *
 * Log-probabilities in nats. −∞ only where the probability underflows to
 * exactly 0 because T is tiny; never NaN for finite logits and T > 0.
 */
void
elab_log_softmax (const double *logits,
                  gsize         k,
                  double        temperature,
                  double       *res_log_probs)
{
  double lse;

  g_return_if_fail (k >= 1 && k <= ELAB_SOFTMAX_MAX_K);

  lse = scaled_log_sum_exp (logits, k, temperature, res_log_probs);
  for (gsize i = 0; i < k; i++)
    res_log_probs[i] -= lse;
}

/**
 * elab_softmax:
 * @logits: @k finite logits
 * @k: 1 … ELAB_SOFTMAX_MAX_K
 * @temperature: T > 0
 * @res_probs: (out caller-allocates): @k probabilities summing to 1
 *
 * softmax(z/T)ᵢ = e^(zᵢ/T) / Σⱼ e^(zⱼ/T). T → 0 tends to one-hot on the
 * largest logit (shared among ties), T → ∞ to uniform.
 */
void
elab_softmax (const double *logits,
              gsize         k,
              double        temperature,
              double       *res_probs)
{
  g_return_if_fail (k >= 1 && k <= ELAB_SOFTMAX_MAX_K);

  elab_log_softmax (logits, k, temperature, res_probs);
  for (gsize i = 0; i < k; i++)
    res_probs[i] = exp (res_probs[i]);
}

/* 0 · (−∞) is 0 here: a zero probability carries no surprisal. */
static inline double
weighted (double w,
          double log_q)
{
  return w == 0.0 ? 0.0 : -w * log_q;
}

/**
 * elab_softmax_entropy:
 * @logits: @k finite logits
 * @k: 1 … ELAB_SOFTMAX_MAX_K
 * @temperature: T > 0
 *
 * H(softmax(z/T)) = −Σ Pᵢ·log Pᵢ in nats, in [0, log K]. Each term is ≥ 0
 * and uses the accurate log-probabilities, so the entropy of a nearly
 * one-hot softmax is exact to a few ulps rather than lost to rounding.
 */
double
elab_softmax_entropy (const double *logits,
                      gsize         k,
                      double        temperature)
{
  double log_p[ELAB_SOFTMAX_MAX_K];
  double h = 0.0;

  g_return_val_if_fail (k >= 1 && k <= ELAB_SOFTMAX_MAX_K, NAN);

  elab_log_softmax (logits, k, temperature, log_p);
  for (gsize i = 0; i < k; i++)
    h += weighted (exp (log_p[i]), log_p[i]);

  return h;
}

/**
 * elab_softmax_cross_entropy:
 * @target: the true distribution, @k entries summing to 1
 * @logits: @k finite logits
 * @k: 1 … ELAB_SOFTMAX_MAX_K
 * @temperature: T > 0
 *
 * H(target, softmax(z/T)) = −Σ tᵢ·log Pᵢ in nats. Uses the log-probabilities
 * directly, so a probability that underflows to 0 still contributes its
 * exact finite surprisal; +∞ only where a target mass meets log Pᵢ = −∞
 * (T so small that (zᵢ − z_max)/T overflows), never NaN.
 */
double
elab_softmax_cross_entropy (const double *target,
                            const double *logits,
                            gsize         k,
                            double        temperature)
{
  double log_p[ELAB_SOFTMAX_MAX_K];
  double h = 0.0;

  g_return_val_if_fail (k >= 1 && k <= ELAB_SOFTMAX_MAX_K, NAN);

  elab_log_softmax (logits, k, temperature, log_p);
  for (gsize i = 0; i < k; i++)
    h += weighted (target[i], log_p[i]);

  return h;
}

/**
 * elab_softmax_kl:
 * @target: the true distribution, @k entries summing to 1
 * @logits: @k finite logits
 * @k: 1 … ELAB_SOFTMAX_MAX_K
 * @temperature: T > 0
 *
 * KL(target ‖ softmax(z/T)) = Σ tᵢ·(log tᵢ − log Pᵢ) in nats, ≥ 0, computed
 * term by term (not as H(t, P) − H(t)) so it is 0 when they agree. +∞ where
 * a target mass meets a probability that underflowed to 0; never NaN.
 */
double
elab_softmax_kl (const double *target,
                 const double *logits,
                 gsize         k,
                 double        temperature)
{
  double log_p[ELAB_SOFTMAX_MAX_K];
  double kl = 0.0;

  g_return_val_if_fail (k >= 1 && k <= ELAB_SOFTMAX_MAX_K, NAN);

  elab_log_softmax (logits, k, temperature, log_p);
  for (gsize i = 0; i < k; i++)
    {
      if (target[i] == 0.0)
        continue;
      if (isinf (log_p[i]))
        return INFINITY;
      kl += target[i] * (log (target[i]) - log_p[i]);
    }

  /* Terms of both signs: rounding can dip a few ulps below the true 0. */
  return kl > 0.0 ? kl : 0.0;
}
