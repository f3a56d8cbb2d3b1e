/* elab-logistic.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The logistic model p(x) = σ(θ·x + b) as a plain value type, and the
 * normalised tanh output (tanh z + 1) / 2 = σ(2z).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double theta;
  double bias;
} ElabLogistic;

#define ELAB_LOGISTIC_INIT(theta, bias) ((ElabLogistic) { (theta), (bias) })

double elab_logistic_logit       (const ElabLogistic *model,
                                  double              x);
double elab_logistic_prob        (const ElabLogistic *model,
                                  double              x);
double elab_tanh_output          (double              z);
double elab_tanh_output_logit    (double              z);

G_END_DECLS
