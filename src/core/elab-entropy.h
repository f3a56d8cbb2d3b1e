/* elab-entropy.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Entropy, cross-entropy and KL divergence, binary and categorical.
 * Every function returns nats; multiply by elab_unit_factor() for bits.
 * Binary quantities take logits, not probabilities, so that a model at
 * θ = 50 keeps its tail instead of rounding p to 1 and log(1 − p) to −∞.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ELAB_UNIT_BITS,
  ELAB_UNIT_NATS,
} ElabUnit;

#define ELAB_LN2 0.693147180559945309417232121458176568

double       elab_unit_factor                 (ElabUnit     unit);
const char  *elab_unit_to_string              (ElabUnit     unit);
gboolean     elab_unit_from_string            (const char  *str,
                                               ElabUnit    *res);

double       elab_softplus                    (double       z);
double       elab_sigmoid                     (double       z);
double       elab_log_sigmoid                 (double       z);

double       elab_binary_entropy              (double       p);
double       elab_binary_entropy_logit        (double       z);
double       elab_binary_cross_entropy_logits (double       z_p,
                                               double       z_q);
double       elab_binary_kl_logits            (double       z_p,
                                               double       z_q);
/* The same with the caller's more accurate z_q − z_p (see the .c). */
double       elab_binary_kl_logits_delta      (double       z_p,
                                               double       z_q,
                                               double       delta);

double       elab_entropy                     (const double *p,
                                               gsize         n);
double       elab_cross_entropy               (const double *p,
                                               const double *q,
                                               gsize         n);
double       elab_kl                          (const double *p,
                                               const double *q,
                                               gsize         n);

G_END_DECLS
