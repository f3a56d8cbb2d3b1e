/* elab-entropy-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between elab-entropy.c and elab-curves.c: the per-logit values
 * every binary quantity is built from, computed once per model and x so a
 * curve sample costs two transcendental calls per model, not twenty.
 */
#pragma once

#include <math.h>

#include "elab-entropy.h"

G_BEGIN_DECLS

typedef struct
{
  double z;
  double p;       /* σ(z) */
  double p1;      /* σ(−z) = 1 − p, never by subtraction */
  double sp;      /* softplus(z) = −log(1 − p) */
  double sp_neg;  /* softplus(−z) = −log p */
} ElabLogitParts;

void   _elab_logit_parts      (double                z,
                               ElabLogitParts       *res);
double _elab_binary_kl_parts  (const ElabLogitParts *p,
                               const ElabLogitParts *q,
                               double                delta);

/* H(p) and H(p, q) in nats from parts; 0·∞ counts as 0. */
static inline double
_elab_weighted (double w,
                double s)
{
  return w == 0.0 ? 0.0 : w * s;
}

/* w·s for a probability w whose log is @log_w (exactly −softplus of a
 * logit), and a surprisal or log-ratio s. Below 2⁻¹⁰⁰⁰ w may be
 * subnormal, with as few bits as it has below 2⁻¹⁰²² (or 0 although the
 * logit is finite), while w·s can still be a normal double (p ≈ 1e-319
 * times a surprisal of 1e12): the product is then taken as
 * e^(log w + log|s|), whose only rounding is that of the sum, ~1e-14
 * relative there. An exact 0 with log w = −∞ (an infinite logit) counts
 * 0·∞ as 0. */
static inline double
_elab_weighted_log (double w,
                    double log_w,
                    double s)
{
  if (w >= 0x1p-1000 || s == 0.0 || isnan (s))
    return w == 0.0 ? 0.0 : w * s;
  if (!(log_w > -INFINITY))
    return 0.0;
  return copysign (exp (log_w + log (fabs (s))), s);
}

/* H(p) ≤ log 2: at p near ½ the two rounded terms can sum an ulp above
 * it, so the sum is clamped to the double nearest log 2, which times
 * elab_unit_factor(BITS) is exactly 1 (and multiplication by a constant
 * keeps the order, so no value is shown above 1 bit). Beyond |z| = 700,
 * e^−|z| is subnormal or nearly so while H = e^−|z|·(1 + |z|) (to a
 * relative e^−700) is still normal: it is taken as one exp. */
static inline double
_elab_binary_entropy_parts (const ElabLogitParts *p)
{
  double h;

  if (fabs (p->z) > 700.0)
    return isinf (p->z) ? 0.0 : exp (-fabs (p->z) + log1p (fabs (p->z)));

  h = _elab_weighted (p->p, p->sp_neg) + _elab_weighted (p->p1, p->sp);
  return h > ELAB_LN2 ? ELAB_LN2 : h;
}

/* H(p, q) = H(p) + KL(p‖q) ≥ H(p); near q = p rounding can put the
 * computed cross-entropy an ulp below the computed entropy, so it is
 * clamped to it. */
static inline double
_elab_binary_cross_entropy_parts (const ElabLogitParts *p,
                                  const ElabLogitParts *q)
{
  double h = _elab_binary_entropy_parts (p);
  double ce = _elab_weighted_log (p->p, -p->sp_neg, q->sp_neg) +
              _elab_weighted_log (p->p1, -p->sp, q->sp);

  return ce < h ? h : ce;
}

G_END_DECLS
