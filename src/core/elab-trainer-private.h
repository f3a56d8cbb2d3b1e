/* elab-trainer-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Between the trainer and its pass over the rows (elab-trainer-pass.c):
 * the sums one pass gathers, the vectorised pass and the plain scalar
 * reference the pass's tests compare it with.
 */
#pragma once

#include <glib.h>
#include <math.h>

#include "elab-state.h"

G_BEGIN_DECLS

/* Sums of one pass, in standardised coordinates xs = (x − c)·k. The
 * loss is lin + log1p + log2_count·ln 2, every part a sum of terms ≥ 0.
 * The squared error's pass puts its whole loss in lin, and its
 * derivatives in z (ℓ′ = 2(ŷ − y)·ŷ(1−ŷ), ℓ″) where the cross-entropy
 * has ŷ − y and ŷ(1−ŷ). */
typedef struct
{
  double lin;         /* Σ max(z, 0) − y·z */
  double log1p;       /* Σ log1p(e^−|z|), less log2_count·ln 2 */
  double log2_count;  /* a whole number */
  double s0;          /* Σ (ŷ − y) */
  double s1;          /* Σ (ŷ − y)·xs */
  double h00;         /* Σ ŷ(1−ŷ)·xs² */
  double h01;         /* Σ ŷ(1−ŷ)·xs */
  double h11;         /* Σ ŷ(1−ŷ) */
} Sums;

/* Where one pass looks: rows [0, n) of x and y, the point z = w·x + b,
 * the standardised xs = (x − c)·k, and whether to gather the Hessian's
 * sums too. */
typedef struct
{
  const double *x;
  const double *y;
  gsize         n;
  double        w;
  double        b;
  double        c;
  double        k;
  gboolean      hessian;
} PassAt;

/* @loss's sums over @at's rows: the vector build that
 * elab_trainer_set_vector_width() chose (the widest this CPU runs by
 * default). */
void _elab_trainer_pass           (ElabLoss      loss,
                                   const PassAt *at,
                                   Sums         *res);

/* The same sums one row at a time, each row's loss compensated: slower,
 * accurate to a few ulps, the vector pass's reference and the trainer's
 * fallback for losses too small for the vector exp's clamp. */
void _elab_trainer_pass_reference (ElabLoss      loss,
                                   const PassAt *at,
                                   Sums         *res);

/* Adds one row's derivatives to @s: ℓ′ = @d1 and, with @hessian,
 * ℓ″ = @d2, at the standardised @xs. */
static inline void
_elab_sums_add_row (Sums     *s,
                    double    d1,
                    double    d2,
                    double    xs,
                    gboolean  hessian)
{
  s->s0 += d1;
  s->s1 += d1 * xs;
  if (hessian)
    {
      s->h00 += d2 * xs * xs;
      s->h01 += d2 * xs;
      s->h11 += d2;
    }
}

/* One example's squared error ℓ = (σ(z) − y)² with ℓ′ = dℓ/dz and
 * ℓ″ = d²ℓ/dz² (either may be NULL). The residual σ(z) − y is taken as
 * σ(z) for y = 0 and −σ(−z) for y = 1, both from e^(−|z|), so it keeps its
 * relative precision in the far tails (a confidently wrong example has ℓ
 * near 1, a confidently right one ℓ near e^(−2|z|), not 0 by
 * cancellation); σ′ = e^(−|z|)/(1 + e^(−|z|))², 1 − 2σ = −tanh(z/2). */
static inline double
_elab_squared_error_row (double  z,
                         double  y,
                         double *res_d1,
                         double *res_d2)
{
  double e = exp (-fabs (z));
  double inv = 1.0 / (1.0 + e);
  double p = z >= 0 ? inv : e * inv;          /* σ(z) */
  double p_neg = z >= 0 ? e * inv : inv;      /* σ(−z) = 1 − σ(z) */
  double r = y == 0.0 ? p : y == 1.0 ? -p_neg : p - y;
  double dp = e * inv * inv;                  /* σ′(z) */

  if (res_d1 != NULL)
    *res_d1 = 2.0 * r * dp;
  if (res_d2 != NULL)
    *res_d2 = 2.0 * dp * (dp - r * tanh (0.5 * z));
  return r * r;
}

G_END_DECLS
