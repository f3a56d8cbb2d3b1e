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

/* The model's output: the logistic σ(θx + b), or the normalised tanh
 * (tanh(θx + b) + 1) / 2, which is σ(2(θx + b)) exactly. */
typedef enum
{
  ELAB_OUTPUT_LOGISTIC,
  ELAB_OUTPUT_TANH,
} ElabOutput;

typedef struct
{
  double     theta;
  double     bias;
  ElabOutput output;
} ElabLogistic;

/* A logistic output; set .output for the tanh one. */
#define ELAB_LOGISTIC_INIT(theta, bias) ((ElabLogistic) { (theta), (bias), ELAB_OUTPUT_LOGISTIC })

double elab_logistic_logit       (const ElabLogistic *model,
                                  double              x);
double elab_logistic_prob        (const ElabLogistic *model,
                                  double              x);
double elab_tanh_output          (double              z);
double elab_tanh_output_logit    (double              z);
/* "logistic" / "tanh"; NULL / FALSE when unknown. */
const char *elab_output_to_string   (ElabOutput          output);
gboolean    elab_output_from_string (const char         *str,
                                     ElabOutput         *res);

G_END_DECLS
