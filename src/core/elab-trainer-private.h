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

G_BEGIN_DECLS

/* Sums of one pass, in standardised coordinates xs = (x − c)·k. The
 * loss is lin + log1p + log2_count·ln 2, every part a sum of terms ≥ 0. */
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

/* Σ over rows [0, n) at z = w·x + b, xs = (x − c)·k, the Hessian's sums
 * only when @hessian: the vector build elab_trainer_set_vector_width()
 * chose (the widest this CPU runs by default). */
void _elab_trainer_pass           (const double *x,
                                   const double *y,
                                   gsize         n,
                                   double        w,
                                   double        b,
                                   double        c,
                                   double        k,
                                   gboolean      hessian,
                                   Sums         *res);

/* The same sums one row at a time, each row's loss by softplus and the
 * loss's sum compensated: slower, and accurate to a few ulps. */
void _elab_trainer_pass_reference (const double *x,
                                   const double *y,
                                   gsize         n,
                                   double        w,
                                   double        b,
                                   double        c,
                                   double        k,
                                   gboolean      hessian,
                                   Sums         *res);

G_END_DECLS
