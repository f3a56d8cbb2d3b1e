/* elab-curves.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sampled curves for the figures. The arrays are allocated once by
 * elab_*_curves_new() and refilled by _compute() each frame, so a slider
 * drag never allocates.
 */
#pragma once

#include <glib.h>

#include "elab-entropy.h"
#include "elab-logistic.h"

G_BEGIN_DECLS

/* One logistic model over x: p(x) and H(p(x)). */
typedef struct
{
  guint   n;
  guint   capacity;
  double  x_min;
  double  x_max;
  double *x;
  double *p;
  double *h;
  double  mean_h;       /* trapezoid mean of h over [x_min, x_max] */
} ElabModelCurves;

/* Two logistic models p and q over x, with every pairwise quantity. */
typedef struct
{
  guint   n;
  guint   capacity;
  double  x_min;
  double  x_max;
  double *x;
  double *p;
  double *q;
  double *h_p;
  double *h_q;
  double *h_pq;
  double *h_qp;
  double *kl_pq;
  double *kl_qp;
  double  mean_h_p;
  double  mean_h_q;
  double  mean_h_pq;
  double  mean_h_qp;
  double  mean_kl_pq;
  double  mean_kl_qp;
} ElabPairCurves;

ElabModelCurves *elab_model_curves_new     (guint                  capacity);
void             elab_model_curves_free    (ElabModelCurves       *curves);
/* n ≤ capacity; values in @unit. */
void             elab_model_curves_compute (ElabModelCurves       *curves,
                                            const ElabLogistic    *model,
                                            double                 x_min,
                                            double                 x_max,
                                            guint                  n,
                                            ElabUnit               unit);

ElabPairCurves  *elab_pair_curves_new      (guint                  capacity);
void             elab_pair_curves_free     (ElabPairCurves        *curves);
void             elab_pair_curves_compute  (ElabPairCurves        *curves,
                                            const ElabLogistic    *p,
                                            const ElabLogistic    *q,
                                            double                 x_min,
                                            double                 x_max,
                                            guint                  n,
                                            ElabUnit               unit);

/* Every pairwise value at a single x (for read-outs), in @unit. */
typedef struct
{
  double x, p, q, h_p, h_q, h_pq, h_qp, kl_pq, kl_qp;
  /* H(p, q)'s two terms, −p·log q and −(1 − p)·log(1 − q), each from the
   * logits (softplus), so each is exact where q rounds to 0 or 1. */
  double pq_one, pq_zero;
} ElabPairPoint;

void             elab_pair_point           (const ElabLogistic    *p,
                                            const ElabLogistic    *q,
                                            double                 x,
                                            ElabUnit               unit,
                                            ElabPairPoint         *res);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElabModelCurves, elab_model_curves_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElabPairCurves, elab_pair_curves_free)

G_END_DECLS
