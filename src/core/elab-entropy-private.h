/* elab-entropy-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between elab-entropy.c and elab-curves.c: the per-logit values
 * every binary quantity is built from, computed once per model and x so a
 * curve sample costs two transcendental calls per model, not twenty.
 */
#pragma once

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

/* H(p) ≤ log 2: at p near ½ the two rounded terms can sum an ulp above
 * it, so the sum is clamped to the double nearest log 2, which times
 * elab_unit_factor(BITS) is exactly 1 (and multiplication by a constant
 * keeps the order, so no value is shown above 1 bit). */
static inline double
_elab_binary_entropy_parts (const ElabLogitParts *p)
{
  double h = _elab_weighted (p->p, p->sp_neg) + _elab_weighted (p->p1, p->sp);

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
  double ce = _elab_weighted (p->p, q->sp_neg) + _elab_weighted (p->p1, q->sp);

  return ce < h ? h : ce;
}

G_END_DECLS
