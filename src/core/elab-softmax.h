/* elab-softmax.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Softmax with temperature, computed through log-softmax so that large
 * logits neither overflow nor lose the small probabilities.
 */
#pragma once

#include <glib.h>

#include "elab-entropy.h"

G_BEGIN_DECLS

#define ELAB_SOFTMAX_MAX_K 8

void   elab_log_softmax            (const double *logits,
                                    gsize         k,
                                    double        temperature,
                                    double       *res_log_probs);
void   elab_softmax                (const double *logits,
                                    gsize         k,
                                    double        temperature,
                                    double       *res_probs);

/* Entropy (nats) of softmax(logits / T), accurate for any finite logits. */
double elab_softmax_entropy        (const double *logits,
                                    gsize         k,
                                    double        temperature);
/* log K in @unit: log2(K) in bits, so K = 8 gives exactly 3. */
double elab_softmax_max_entropy    (gsize         k,
                                    ElabUnit      unit);
/* The entropy in @unit, never above elab_softmax_max_entropy(). */
double elab_softmax_entropy_in_unit (const double *logits,
                                     gsize         k,
                                     double        temperature,
                                     ElabUnit      unit);
/* −Σ target_i · log softmax_i in nats, from the log-probabilities, so a
 * probability that underflows to 0 still gives its exact finite log; +∞
 * only when a target mass meets a log-probability of −∞, never NaN. */
double elab_softmax_cross_entropy  (const double *target,
                                    const double *logits,
                                    gsize         k,
                                    double        temperature);
/* KL(target ‖ softmax(logits / T)) in nats, ≥ 0; +∞ (never NaN) when a
 * target mass meets a zero probability. */
double elab_softmax_kl             (const double *target,
                                    const double *logits,
                                    gsize         k,
                                    double        temperature);
/* Each class's share of the cross-entropy and of the KL, in nats:
 * res_ce[i] = −tᵢ·log Pᵢ and res_kl[i] = tᵢ·log(tᵢ/Pᵢ) (0 where tᵢ = 0),
 * from the log-probabilities, so a term stays exact where Pᵢ underflows
 * (a logit 2000 below the top gives −0.25·log P = 500 nats, not ∞). They
 * sum to elab_softmax_cross_entropy() and elab_softmax_kl(). */
void   elab_softmax_terms          (const double *target,
                                    const double *logits,
                                    gsize         k,
                                    double        temperature,
                                    double       *res_ce,
                                    double       *res_kl);

G_END_DECLS
