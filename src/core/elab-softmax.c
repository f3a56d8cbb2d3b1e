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

#include <float.h>
#include <math.h>

#include "elab-softmax.h"

/* Fills @a with (zᵢ − z_max)/T and returns log Σ e^aᵢ. Subtracting before
 * dividing keeps a tiny T from turning zᵢ/T into ∞ − ∞. */
static double
scaled_log_sum_exp (const double *logits,
                    gsize         k,
                    double        temperature,
                    double       *a,
                    double       *res_rest)
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

  if (res_rest != NULL)
    *res_rest = rest;
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

  lse = scaled_log_sum_exp (logits, k, temperature, res_log_probs, NULL);
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
  double lse, rest;

  g_return_if_fail (k >= 1 && k <= ELAB_SOFTMAX_MAX_K);

  /* e^aᵢ / S rounds three times, each relative to the result, while
   * e^(aᵢ − log S) carries the rounding of the sum aᵢ − log S, |aᵢ|·ε
   * relative (1e-13 at aᵢ = −700); equal logits then give exactly 1/K.
   * Where e^aᵢ is subnormal the quotient would lose its bits, and the
   * log form keeps them. */
  lse = scaled_log_sum_exp (logits, k, temperature, res_probs, &rest);
  for (gsize i = 0; i < k; i++)
    {
      double e = exp (res_probs[i]);

      res_probs[i] = e >= DBL_MIN ? e / (1.0 + rest) : exp (res_probs[i] - lse);
    }
}

/* 0 · (−∞) is 0 here: a zero probability carries no surprisal. */
static inline double
weighted (double w,
          double log_q)
{
  return w == 0.0 ? 0.0 : -w * log_q;
}

/* −Σ wᵢ·log Pᵢ over P = softmax(z/T), from the accurate log-probabilities;
 * the weights are the Pᵢ themselves where @weights is NULL (the entropy). */
static double
surprisal_sum (const double *weights,
               const double *logits,
               gsize         k,
               double        temperature)
{
  double log_p[ELAB_SOFTMAX_MAX_K];
  double h = 0.0;

  g_return_val_if_fail (k >= 1 && k <= ELAB_SOFTMAX_MAX_K, NAN);

  elab_log_softmax (logits, k, temperature, log_p);
  for (gsize i = 0; i < k; i++)
    h += weighted (weights != NULL ? weights[i] : exp (log_p[i]), log_p[i]);
  return h;
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
  double h = surprisal_sum (NULL, logits, k, temperature);

  /* H ≤ log K; equal logits give K terms that each round, and their sum
   * can land an ulp above the bound. (A NaN from a refused k stays.) */
  return h > log ((double) k) ? log ((double) k) : h;
}

/**
 * elab_softmax_max_entropy:
 * @k: 1 … ELAB_SOFTMAX_MAX_K
 * @unit: the unit of the result
 *
 * The largest entropy K outcomes can have, log K, computed directly in
 * @unit: log2(K) in bits (exactly 3 for K = 8, where log(8) / ln 2 in
 * doubles is 2.9999999999999996), log K in nats.
 */
double
elab_softmax_max_entropy (gsize    k,
                          ElabUnit unit)
{
  return unit == ELAB_UNIT_BITS ? log2 ((double) k) : log ((double) k);
}

/**
 * elab_softmax_entropy_in_unit:
 * @logits: @k finite logits
 * @k: 1 … ELAB_SOFTMAX_MAX_K
 * @temperature: T > 0
 * @unit: the unit of the result
 *
 * elab_softmax_entropy() in @unit, never above elab_softmax_max_entropy()
 * in the same unit: the conversion to bits rounds, and its result is
 * clamped to the bound as the bound itself is computed, so a page that
 * shows both never shows the entropy above its maximum.
 */
double
elab_softmax_entropy_in_unit (const double *logits,
                              gsize         k,
                              double        temperature,
                              ElabUnit      unit)
{
  double h = elab_softmax_entropy (logits, k, temperature);

  /* Divided by ln 2, not multiplied by its rounded inverse: log(8)/ln 2
   * is then exactly 3. */
  if (unit == ELAB_UNIT_BITS)
    h /= ELAB_LN2;

  return MIN (h, elab_softmax_max_entropy (k, unit));
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
  return surprisal_sum (target, logits, k, temperature);
}

/* ε + e^(−ε) − 1 ≥ 0, the KL contribution of one outcome whose
 * log-ratio is ε (see elab_softmax_kl()); by its series where the two
 * parts cancel. */
static double
kl_term (double eps)
{
  if (fabs (eps) < 0.125)
    {
      /* ε²/2 − ε³/6 + ε⁴/24 − …; ten terms leave 2⁻³⁶·ε²/11!, far below
       * an ulp of the sum. */
      static const double inv_factorial[12] = {
        1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040,
        1.0 / 40320, 1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800,
      };
      double poly = 0.0;

      for (int n = 11; n >= 2; n--)
        poly = poly * -eps + inv_factorial[n];
      return eps * eps * poly;
    }
  return eps + expm1 (-eps);
}

/**
 * elab_softmax_kl:
 * @target: the true distribution, @k entries summing to 1
 * @logits: @k finite logits
 * @k: 1 … ELAB_SOFTMAX_MAX_K
 * @temperature: T > 0
 *
 * KL(target ‖ softmax(z/T)) = Σ tᵢ·εᵢ with εᵢ = log tᵢ − log Pᵢ, in nats,
 * ≥ 0. Near a match the terms tᵢ·εᵢ are first order in the mismatch while
 * their sum is second order, so summing them keeps only rounding. Since
 * Σ tᵢ·e^(−εᵢ) is the mass of P where t > 0, the same KL is
 * Σ tᵢ·(εᵢ + e^(−εᵢ) − 1) + (the mass of P where t = 0) + (Σ tᵢ − 1):
 * every term is ≥ 0 (no cancellation), and each is computed
 * by its series where it is small. The result is then as accurate,
 * relatively, as the εᵢ themselves. +∞ where a target mass meets a
 * probability that underflowed to 0; never NaN.
 */
double
elab_softmax_kl (const double *target,
                 const double *logits,
                 gsize         k,
                 double        temperature)
{
  double log_p[ELAB_SOFTMAX_MAX_K];
  double kl = 0.0, t_sum = 0.0, t_err = 0.0;

  g_return_val_if_fail (k >= 1 && k <= ELAB_SOFTMAX_MAX_K, NAN);

  elab_log_softmax (logits, k, temperature, log_p);
  for (gsize i = 0; i < k; i++)
    {
      double s;

      if (target[i] == 0.0)
        {
          kl += exp (log_p[i]);
          continue;
        }
      if (isinf (log_p[i]))
        return INFINITY;
      kl += target[i] * kl_term (log (target[i]) - log_p[i]);
      /* Σ tᵢ − 1 exactly enough: Neumaier's compensated sum. */
      s = t_sum + target[i];
      t_err += fabs (t_sum) >= fabs (target[i]) ? (t_sum - s) + target[i] : (target[i] - s) + t_sum;
      t_sum = s;
    }
  kl += (t_sum - 1.0) + t_err;

  /* A target that sums to a hair under 1 can leave a value a few ulps
   * below the true 0. */
  return kl > 0.0 ? kl : 0.0;
}

/**
 * elab_softmax_terms:
 * @target: the true distribution, @k entries ≥ 0
 * @logits: @k finite logits
 * @k: 1 … ELAB_SOFTMAX_MAX_K
 * @temperature: T > 0
 * @res_ce: (out caller-allocates): @k terms −tᵢ·log Pᵢ, nats
 * @res_kl: (out caller-allocates): @k terms tᵢ·(log tᵢ − log Pᵢ), nats
 *
 * Each class's term of H(t, P) and of KL(t‖P). Both come from
 * elab_log_softmax(), never from Pᵢ itself, so a probability that
 * underflows a double still gives its finite, exact term. A class with
 * tᵢ = 0 contributes 0 (0·log 0 = 0), never NaN.
 */
void
elab_softmax_terms (const double *target,
                    const double *logits,
                    gsize         k,
                    double        temperature,
                    double       *res_ce,
                    double       *res_kl)
{
  double log_p[ELAB_SOFTMAX_MAX_K];

  g_return_if_fail (k >= 1 && k <= ELAB_SOFTMAX_MAX_K);

  elab_log_softmax (logits, k, temperature, log_p);
  for (gsize i = 0; i < k; i++)
    {
      if (!(target[i] > 0))
        {
          res_ce[i] = 0.0;
          res_kl[i] = 0.0;
          continue;
        }
      res_ce[i] = -target[i] * log_p[i];
      res_kl[i] = target[i] * (log (target[i]) - log_p[i]);
    }
}
