/* elab-entropy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every binary quantity is computed from logits. Probabilities near 0 or 1
 * are never formed by subtraction (1 − p is σ(−z), not 1 − σ(z)), so the
 * tails stay accurate to a few ulps out to |z| ≈ 700 and beyond, and every
 * sum below adds terms of one sign, which keeps relative accuracy.
 */

#include <math.h>
#include <string.h>

#include "elab-entropy.h"
#include "elab-entropy-private.h"
#include "elab-enum-private.h"

/**
 * elab_unit_factor:
 * @unit: the unit to display in
 *
 * The factor that turns nats into @unit: 1 / ln 2 for bits, 1 for nats.
 */
double
elab_unit_factor (ElabUnit unit)
{
  return unit == ELAB_UNIT_BITS ? 1.0 / ELAB_LN2 : 1.0;
}

static const char *unit_names[] = {
  [ELAB_UNIT_BITS] = "bits",
  [ELAB_UNIT_NATS] = "nats",
};

/* elab_unit_to_string() / elab_unit_from_string(): "bits" or "nats" (the
 * spelling the command line and scenarios use); NULL / FALSE (and the unit
 * untouched) for anything else, including NULL. */
ELAB_DEFINE_ENUM_STRINGS (elab_unit, ElabUnit, unit_names)

/**
 * elab_softplus:
 * @z: any double, ±∞ included
 *
 * log(1 + e^z) in nats, as max(z, 0) + log1p(e^(−|z|)): e^(−|z|) ≤ 1 never
 * overflows, and log1p keeps the tail e^z for very negative z to full
 * relative precision (where log(1 + e^z) would round to 0).
 */
double
elab_softplus (double z)
{
  return fmax (z, 0.0) + log1p (exp (-fabs (z)));
}

/**
 * elab_sigmoid:
 * @z: any double, ±∞ included
 *
 * σ(z) = 1 / (1 + e^(−z)) in [0, 1]. Only e^(−|z|) is ever formed, so
 * nothing overflows, and for z < 0 the value e^z / (1 + e^z) keeps full
 * relative precision down to the smallest subnormal.
 */
double
elab_sigmoid (double z)
{
  double e;

  if (z >= 0)
    return 1.0 / (1.0 + exp (-z));

  e = exp (z);
  return e / (1.0 + e);
}

/**
 * elab_log_sigmoid:
 * @z: any double
 *
 * log σ(z) = −softplus(−z), in nats, ≤ 0; accurate where σ(z) itself would
 * underflow (z ≪ −745 gives ≈ z, not −∞).
 */
double
elab_log_sigmoid (double z)
{
  return -elab_softplus (-z);
}

/* w · s where w is a probability and s ≥ 0 a surprisal: the limit of
 * w·log(1/w) and of σ(−z)·softplus(z) as w → 0 is 0, so 0 · ∞ counts as 0. */
static inline double
weighted (double w,
          double s)
{
  return w == 0.0 ? 0.0 : w * s;
}

/**
 * elab_binary_entropy:
 * @p: a probability in [0, 1]
 *
 * H(p) = −p·log p − (1−p)·log(1−p) in nats, with 0·log 0 = 0, so H(0) =
 * H(1) = 0. Given a probability, 1 − p is exact for p ≥ ½ only; prefer
 * elab_binary_entropy_logit() when the logit is known. NaN outside [0, 1]
 * (the entropy is undefined there).
 */
double
elab_binary_entropy (double p)
{
  double h;

  if (!(p >= 0.0 && p <= 1.0))
    return NAN;

  h = weighted (p, -log (p)) + weighted (1.0 - p, -log1p (-p));
  /* ≤ log 2, which rounding near ½ can overshoot by an ulp. */
  return h > ELAB_LN2 ? ELAB_LN2 : h;
}

/**
 * elab_binary_entropy_logit:
 * @z: the logit of p, any double
 *
 * H(σ(z)) in nats, as σ(z)·softplus(−z) + σ(−z)·softplus(z): both terms
 * are ≥ 0, so the sum keeps relative precision, and for z = ±1e300 it is 0
 * rather than NaN.
 */
double
elab_binary_entropy_logit (double z)
{
  ElabLogitParts p;

  _elab_logit_parts (z, &p);
  return _elab_binary_entropy_parts (&p);
}

/**
 * elab_binary_cross_entropy_logits:
 * @z_p: logit of the true distribution p
 * @z_q: logit of the model q
 *
 * H(p, q) = −p·log q − (1−p)·log(1−q) in nats, as
 * σ(z_p)·softplus(−z_q) + σ(−z_p)·softplus(z_q). Both terms are ≥ 0
 * (no cancellation). +∞ only when q is exactly 0 or 1 where p is not
 * (an infinite logit), never NaN.
 */
double
elab_binary_cross_entropy_logits (double z_p,
                                  double z_q)
{
  ElabLogitParts p, q;

  _elab_logit_parts (z_p, &p);
  _elab_logit_parts (z_q, &q);
  return _elab_binary_cross_entropy_parts (&p, &q);
}

/* KL(σ(z_p) ‖ σ(z_p + d)) for |d| small, by its Taylor series in d:
 * KL = Σ σ⁽ⁿ⁾(z_p)·dⁿ⁺¹/(n+1)!, where σ⁽ⁿ⁾ = s·Pₙ(p) with s = p(1−p).
 * The series converges for |d| < π; truncated after d⁷ at |d| ≤ 1/64 the
 * relative error is below 1e-15. The direct formula cancels there (its two
 * terms are ±s·d while their sum is s·d²/2). */
static double
binary_kl_series (double p,
                  double p1,
                  double d)
{
  double s = p * p1;              /* σ′ */
  double u = p1 - p;              /* 1 − 2p */
  double c3 = u;                  /* σ″ / s, and so on */
  double c4 = 1.0 - 6.0 * s;
  double c5 = u * (1.0 - 12.0 * s);
  double c6 = 1.0 - 30.0 * s + 120.0 * s * s;
  double c7 = u * (1.0 - 60.0 * s + 360.0 * s * s);
  double poly;

  poly = 0.5
         + d * (c3 / 6.0
                + d * (c4 / 24.0
                       + d * (c5 / 120.0
                              + d * (c6 / 720.0
                                     + d * (c7 / 5040.0)))));
  return s * d * d * poly;
}

/* (e^d − 1 − d)/d² = 1/2 + d/6 + d²/24 + …, for |d| < 1/8 where the
 * difference would cancel; twelve terms leave less than 2⁻⁵⁵. */
static double
expm1_minus_x_series (double d)
{
  double poly = 0.0, inv_fact = 1.0 / 479001600.0;   /* 1/12! */

  for (int n = 12; n >= 2; n--)
    {
      poly = poly * d + inv_fact;
      inv_fact *= n;
    }
  return poly;
}

/**
 * _elab_logit_parts:
 * @z: a logit
 * @res: (out caller-allocates): σ(±z) and softplus(±z)
 *
 * The four values every binary quantity is made of, from one exp(−|z|)
 * and one log1p: bit for bit what elab_sigmoid() and elab_softplus() give.
 */
void
_elab_logit_parts (double          z,
                   ElabLogitParts *res)
{
  double e = exp (-fabs (z));
  double l = log1p (e);
  double big = 1.0 / (1.0 + e);
  double small = e / (1.0 + e);

  res->z = z;
  res->p = z >= 0 ? big : small;
  res->p1 = z >= 0 ? small : big;
  res->sp = fmax (z, 0.0) + l;
  res->sp_neg = fmax (-z, 0.0) + l;
}

/* log(p/q) = softplus(−z_q) − softplus(−z_p) and log((1−p)/(1−q)) =
 * softplus(z_q) − softplus(z_p), with d = z_q − z_p. For |d| ≤ 1 each is
 * log((1 + e^a)/(1 + e^b)) = log1p(σ(b)·expm1(a − b)), free of
 * cancellation; farther apart the plain difference loses at most a factor
 * |softplus| / |d| ≤ ~|z| of relative precision, while the log1p form
 * would itself cancel (1 − σ(b) for large b). */
static void
log_ratios (const ElabLogitParts *p,
            const ElabLogitParts *q,
            double                d,
            double               *res_log_pq,
            double               *res_log_pq1)
{
  if (fabs (d) <= 1.0)
    {
      double em = expm1 (d);
      double em_neg = -em / (1.0 + em);       /* expm1(−d) */

      *res_log_pq = log1p (p->p1 * em_neg);
      *res_log_pq1 = log1p (p->p * em);
    }
  else
    {
      *res_log_pq = q->sp_neg - p->sp_neg;
      *res_log_pq1 = q->sp - p->sp;
    }
}

/**
 * _elab_binary_kl_parts:
 * @p: parts of z_p
 * @q: parts of z_q
 * @delta: z_q − z_p, as accurately as the caller knows it
 *
 * KL(p ‖ q) in nats; see elab_binary_kl_logits_delta().
 */
double
_elab_binary_kl_parts (const ElabLogitParts *p,
                       const ElabLogitParts *q,
                       double                delta)
{
  double log_pq, log_pq1, kl;

  if (isnan (p->z) || isnan (q->z))
    return NAN;
  if (p->z == q->z && (isinf (p->z) || delta == 0.0))
    return 0.0;
  if (isinf (p->z) || isinf (q->z))
    delta = q->z - p->z;
  if (isnan (delta))
    return NAN;
  if (delta == 0.0)
    return 0.0;

  /* Both far in one tail, where the smaller probabilities are subnormal
   * or nearly: with a = e^z_p, b = e^z_q (z ≪ 0; z ≫ 0 mirrors), KL =
   * a·(e^d − 1 − d) to a relative O(b) < e^−600, taken as one exp so
   * that the few bits of a subnormal a do not count. */
  if (isfinite (p->z) && isfinite (q->z) &&
      ((p->z < -700.0 && q->z < -600.0) || (p->z > 700.0 && q->z > 600.0)))
    {
      double sign = p->z < 0 ? 1.0 : -1.0;
      double d = sign * delta;
      double log_g;

      if (fabs (d) < 0.125)
        log_g = log (d * d * expm1_minus_x_series (d));
      else if (d > 40.0)   /* e^d may overflow; z_p + d is z_q, unrounded */
        return exp (sign * q->z + log1p (-(1.0 + d) * exp (-d)));
      else
        log_g = log (expm1 (d) - d);
      return exp (sign * p->z + log_g);
    }

  if (fabs (delta) <= 1.0 / 64.0)
    return binary_kl_series (p->p, p->p1, delta);

  /* q is exactly 0 or 1 while p, whose logit differs, has mass on the
   * other side (a finite logit means 0 < p < 1 even where σ underflows). */
  if (isinf (q->z))
    return INFINITY;

  log_ratios (p, q, delta, &log_pq, &log_pq1);
  kl = weighted (p->p, log_pq) + weighted (p->p1, log_pq1);

  /* KL ≥ 0 mathematically; its two terms have opposite signs, so rounding
   * can leave a value a few ulps below zero. Show 0, not "−0.0000". */
  return kl > 0.0 ? kl : 0.0;
}

/**
 * elab_binary_kl_logits_delta:
 * @z_p: logit of p
 * @z_q: logit of q
 * @delta: z_q − z_p, computed by the caller as accurately as it can
 *
 * KL(p ‖ q) in nats, as elab_binary_kl_logits(), for callers that know the
 * difference of the logits better than z_q − z_p rounded twice: for two
 * logistic models at one x it is (θ_q − θ_p)·x + (b_q − b_p), which keeps
 * KL relatively accurate when the models nearly agree (KL ≈ σ′·δ²/2 is
 * then tiny and every error in δ counts double).
 */
double
elab_binary_kl_logits_delta (double z_p,
                             double z_q,
                             double delta)
{
  ElabLogitParts p, q;

  _elab_logit_parts (z_p, &p);
  _elab_logit_parts (z_q, &q);
  return _elab_binary_kl_parts (&p, &q, delta);
}

/**
 * elab_binary_kl_logits:
 * @z_p: logit of p
 * @z_q: logit of q
 *
 * KL(p ‖ q) = p·log(p/q) + (1−p)·log((1−p)/(1−q)) in nats, ≥ 0, zero only
 * when z_p = z_q. Each log-ratio is a difference of softplus values
 * computed without cancellation; when z_q is close to z_p a Taylor series
 * replaces the sum, whose two terms then nearly cancel. +∞ (never NaN)
 * when q is exactly 0 or 1 where p is not.
 */
double
elab_binary_kl_logits (double z_p,
                       double z_q)
{
  return elab_binary_kl_logits_delta (z_p, z_q, z_q - z_p);
}

/**
 * elab_entropy:
 * @p: a probability vector of @n entries (≥ 0, summing to 1)
 * @n: its length
 *
 * H(P) = −Σ Pᵢ·log Pᵢ in nats, with 0·log 0 = 0. Every term is ≥ 0.
 */
double
elab_entropy (const double *p,
              gsize         n)
{
  double h = 0.0;

  for (gsize i = 0; i < n; i++)
    h += weighted (p[i], -log (p[i]));

  /* ≤ log n, which n equal terms can overshoot by rounding. */
  return n > 0 && h > log ((double) n) ? log ((double) n) : h;
}

/**
 * elab_cross_entropy:
 * @p: the true distribution, @n entries
 * @q: the model distribution, @n entries
 * @n: their length
 *
 * H(P, Q) = −Σ Pᵢ·log Qᵢ in nats. A term with Pᵢ = 0 is 0 whatever Qᵢ;
 * Qᵢ = 0 where Pᵢ > 0 makes the result +∞ (never NaN).
 */
double
elab_cross_entropy (const double *p,
                    const double *q,
                    gsize         n)
{
  double h = 0.0;

  for (gsize i = 0; i < n; i++)
    h += weighted (p[i], -log (q[i]));

  return h;
}

/**
 * elab_kl:
 * @p: the true distribution, @n entries
 * @q: the model distribution, @n entries
 * @n: their length
 *
 * KL(P ‖ Q) = Σ Pᵢ·log(Pᵢ/Qᵢ) in nats, ≥ 0. Computed term by term from
 * log(Pᵢ/Qᵢ), not as H(P, Q) − H(P), so it is exactly 0 for P = Q. +∞ when
 * Qᵢ = 0 where Pᵢ > 0; terms with Pᵢ = 0 are 0.
 */
double
elab_kl (const double *p,
         const double *q,
         gsize         n)
{
  double kl = 0.0;
  double r;

  for (gsize i = 0; i < n; i++)
    {
      if (p[i] == 0.0)
        continue;
      if (q[i] == 0.0)
        return INFINITY;
      /* log of the ratio is exact to an ulp when p ≈ q; when the ratio
       * overflows or underflows (subnormal p or q) the logs are taken
       * apart instead. */
      r = p[i] / q[i];
      kl += p[i] * (isnormal (r) ? log (r) : log (p[i]) - log (q[i]));
    }

  /* The terms have mixed signs; rounding may leave a value just below 0,
   * which is not a divergence. */
  return kl > 0.0 ? kl : 0.0;
}
