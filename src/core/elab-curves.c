/* elab-curves.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "elab-curves.h"
#include "elab-entropy-private.h"

/* x at sample i of n over [x_min, x_max], as x_min + t·(x_max − x_min)
 * with t = i/(n − 1). Each rounding in it (the division, the product,
 * the sum) is monotone, so the samples never go backwards, however tiny
 * the span (the convex form (1 − t)·x_min + t·x_max rounds its two
 * products apart and can step outside the range); the clamp keeps them
 * in it and the last sample is x_max exactly. A span that overflows
 * (−1e308 … 1e308) is taken at half scale, where halving is exact. */
static inline double
sample_x (double x_min,
          double x_max,
          guint  i,
          guint  n)
{
  double t, x;

  if (n < 2 || i == 0)
    return x_min;
  if (i >= n - 1)
    return x_max;
  t = (double) i / (double) (n - 1);
  if (isfinite (x_max - x_min))
    x = x_min + t * (x_max - x_min);
  else
    x = 2.0 * (0.5 * x_min + t * (0.5 * x_max - 0.5 * x_min));
  return MIN (MAX (x, x_min), x_max);
}

/* Trapezoid mean of n equally spaced samples over their range: the
 * integral divided by the width, which for equal spacing is
 * (Σ yᵢ − (y₀ + yₙ₋₁)/2) / (n − 1). */
static double
trapezoid_mean (const double *y,
                guint         n)
{
  double sum = 0.0;

  if (n == 0)
    return NAN;
  if (n == 1)
    return y[0];

  for (guint i = 1; i + 1 < n; i++)
    sum += y[i];
  sum += 0.5 * (y[0] + y[n - 1]);

  return sum / (double) (n - 1);
}

/* Points each of @arrays (NULL-terminated) at @capacity zeroed doubles of
 * one block, the first at its start: freeing the first frees them all. */
static void
carve_arrays (guint     capacity,
              double  **arrays[])
{
  guint n = 0;
  double *block;

  while (arrays[n] != NULL)
    n++;
  block = g_new0 (double, (gsize) capacity * n);
  for (guint i = 0; i < n; i++)
    *arrays[i] = block + (gsize) i * capacity;
}

/**
 * elab_model_curves_new:
 * @capacity: the most samples a later _compute() will ask for, ≥ 1
 *
 * Allocates every array once; _compute() only refills them.
 */
ElabModelCurves *
elab_model_curves_new (guint capacity)
{
  ElabModelCurves *curves;

  g_return_val_if_fail (capacity >= 1, NULL);

  curves = g_new0 (ElabModelCurves, 1);
  curves->capacity = capacity;
  carve_arrays (capacity, (double **[]) { &curves->x, &curves->p, &curves->h, NULL });
  return curves;
}

/* Frees the arrays (one block, from x) and the struct; NULL is allowed. */
void
elab_model_curves_free (ElabModelCurves *curves)
{
  if (curves == NULL)
    return;

  g_free (curves->x);
  g_free (curves);
}

/**
 * elab_model_curves_compute:
 * @curves: arrays from elab_model_curves_new()
 * @model: θ and b
 * @x_min: left end of the range
 * @x_max: right end, > @x_min
 * @n: samples, 1 … capacity
 * @unit: unit of h and mean_h
 *
 * Fills x, p = σ(θx + b) and h = H(p) at @n equally spaced x (ends
 * included) and the trapezoid mean of h over the range. Allocates nothing.
 */
void
elab_model_curves_compute (ElabModelCurves    *curves,
                           const ElabLogistic *model,
                           double              x_min,
                           double              x_max,
                           guint               n,
                           ElabUnit            unit)
{
  double factor = elab_unit_factor (unit);

  g_return_if_fail (curves != NULL);
  g_return_if_fail (n >= 1 && n <= curves->capacity);

  curves->n = n;
  curves->x_min = x_min;
  curves->x_max = x_max;

  for (guint i = 0; i < n; i++)
    {
      double x = sample_x (x_min, x_max, i, n);
      ElabLogitParts a;

      _elab_logit_parts (elab_logistic_logit (model, x), &a);
      curves->x[i] = x;
      curves->p[i] = a.p;
      curves->h[i] = _elab_binary_entropy_parts (&a) * factor;
    }

  curves->mean_h = trapezoid_mean (curves->h, n);
}

/**
 * elab_pair_curves_new:
 * @capacity: the most samples a later _compute() will ask for, ≥ 1
 *
 * Allocates every array once; _compute() only refills them.
 */
ElabPairCurves *
elab_pair_curves_new (guint capacity)
{
  ElabPairCurves *curves;

  g_return_val_if_fail (capacity >= 1, NULL);

  curves = g_new0 (ElabPairCurves, 1);
  curves->capacity = capacity;
  carve_arrays (capacity, (double **[]) { &curves->x, &curves->p, &curves->q, &curves->h_p, &curves->h_q,
                                          &curves->h_pq, &curves->h_qp, &curves->kl_pq, &curves->kl_qp,
                                          NULL });
  return curves;
}

/* Frees the arrays (one block, from x) and the struct; NULL is allowed. */
void
elab_pair_curves_free (ElabPairCurves *curves)
{
  if (curves == NULL)
    return;

  g_free (curves->x);
  g_free (curves);
}

/* θ·x + b as an unevaluated sum hi + lo, exact to about 2⁻¹⁰⁶ relative
 * (Dekker's error-free product by fma, then Knuth's two-sum). */
static inline void
logit_dd (const ElabLogistic *model,
          double              x,
          double             *hi,
          double             *lo)
{
  double prod = model->theta * x;
  double prod_err = fma (model->theta, x, -prod);
  double sum = prod + model->bias;
  double bb = sum - prod;
  double sum_err = (prod - (sum - bb)) + (model->bias - bb);

  *hi = sum;
  *lo = sum_err + prod_err;
  /* The tanh output's logit is exactly twice. */
  if (model->output == ELAB_OUTPUT_TANH)
    {
      *hi *= 2.0;
      *lo *= 2.0;
    }
}

/**
 * elab_pair_point:
 * @p: the true model
 * @q: the other model
 * @x: the input
 * @unit: unit of the entropies
 * @res: (out caller-allocates): every pairwise value at @x
 *
 * p, q, H(p), H(q), H(p,q), H(q,p), KL(p‖q) and KL(q‖p) at one x, all from
 * the logits (see elab-entropy.h): finite for finite parameters.
 */
void
elab_pair_point (const ElabLogistic *p,
                 const ElabLogistic *q,
                 double              x,
                 ElabUnit            unit,
                 ElabPairPoint      *res)
{
  double factor = elab_unit_factor (unit);
  ElabLogitParts a, b;
  double p_hi, p_lo, q_hi, q_lo, delta;
  double h_p, h_q, kl_pq, kl_qp;

  /* z_q − z_p from nearly exact logits: when the models almost agree, KL
   * ≈ σ′·δ²/2 and the rounding of z_p and z_q would dominate δ. */
  logit_dd (p, x, &p_hi, &p_lo);
  logit_dd (q, x, &q_hi, &q_lo);
  delta = (q_hi - p_hi) + (q_lo - p_lo);

  _elab_logit_parts (elab_logistic_logit (p, x), &a);
  _elab_logit_parts (elab_logistic_logit (q, x), &b);
  if (!isfinite (delta))
    delta = b.z - a.z;

  res->x = x;
  res->p = a.p;
  res->q = b.p;
  /* H(p, q) = H(p) + KL(p‖q): both terms ≥ 0 and each accurate, so the
   * sum is too, and it is never below H(p) nor above it where the models
   * agree (the direct sum put 1.0000000000000002 bits beside H = 1). */
  kl_pq = _elab_binary_kl_parts (&a, &b, delta);
  kl_qp = _elab_binary_kl_parts (&b, &a, -delta);
  h_p = _elab_binary_entropy_parts (&a);
  h_q = _elab_binary_entropy_parts (&b);
  res->h_p = h_p * factor;
  res->h_q = h_q * factor;
  res->h_pq = (h_p + kl_pq) * factor;
  res->h_qp = (h_q + kl_qp) * factor;
  res->kl_pq = kl_pq * factor;
  res->kl_qp = kl_qp * factor;
  res->pq_one = (a.p == 0.0 ? 0.0 : a.p * b.sp_neg) * factor;
  res->pq_zero = (a.p1 == 0.0 ? 0.0 : a.p1 * b.sp) * factor;
}

/**
 * elab_pair_curves_compute:
 * @curves: arrays from elab_pair_curves_new()
 * @p: the true model
 * @q: the other model
 * @x_min: left end of the range
 * @x_max: right end, > @x_min
 * @n: samples, 1 … capacity
 * @unit: unit of every entropy
 *
 * Fills every array at @n equally spaced x (ends included) and the
 * trapezoid mean of each entropy curve. Allocates nothing.
 */
void
elab_pair_curves_compute (ElabPairCurves     *curves,
                          const ElabLogistic *p,
                          const ElabLogistic *q,
                          double              x_min,
                          double              x_max,
                          guint               n,
                          ElabUnit            unit)
{
  g_return_if_fail (curves != NULL);
  g_return_if_fail (n >= 1 && n <= curves->capacity);

  curves->n = n;
  curves->x_min = x_min;
  curves->x_max = x_max;

  for (guint i = 0; i < n; i++)
    {
      ElabPairPoint pt;

      elab_pair_point (p, q, sample_x (x_min, x_max, i, n), unit, &pt);
      curves->x[i] = pt.x;
      curves->p[i] = pt.p;
      curves->q[i] = pt.q;
      curves->h_p[i] = pt.h_p;
      curves->h_q[i] = pt.h_q;
      curves->h_pq[i] = pt.h_pq;
      curves->h_qp[i] = pt.h_qp;
      curves->kl_pq[i] = pt.kl_pq;
      curves->kl_qp[i] = pt.kl_qp;
    }

  curves->mean_h_p = trapezoid_mean (curves->h_p, n);
  curves->mean_h_q = trapezoid_mean (curves->h_q, n);
  curves->mean_h_pq = trapezoid_mean (curves->h_pq, n);
  curves->mean_h_qp = trapezoid_mean (curves->h_qp, n);
  curves->mean_kl_pq = trapezoid_mean (curves->kl_pq, n);
  curves->mean_kl_qp = trapezoid_mean (curves->kl_qp, n);
}
