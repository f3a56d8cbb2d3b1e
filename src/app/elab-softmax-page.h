/* elab-softmax-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "elab-page.h"

G_BEGIN_DECLS

#define ELAB_TYPE_SOFTMAX_PAGE (elab_softmax_page_get_type ())

G_DECLARE_FINAL_TYPE (ElabSoftmaxPage, elab_softmax_page, ELAB, SOFTMAX_PAGE, ElabPage)

GtkWidget     *elab_softmax_page_new                     (ElabDocument    *document);
GtkAdjustment *elab_softmax_page_get_k_adjustment        (ElabSoftmaxPage *self);
/* @index in 0 … 7 */
GtkAdjustment *elab_softmax_page_get_logit_adjustment    (ElabSoftmaxPage *self,
                                                          guint            index);
GtkAdjustment *elab_softmax_page_get_temperature_adjustment (ElabSoftmaxPage *self);
/* Selects a one-hot target on class @index (0-based). */
void           elab_softmax_page_set_one_hot_target      (ElabSoftmaxPage *self,
                                                          guint            index);
/* The typed target ("0.9, 0.05, 0.05"); Enter applies it. */
GtkEntry      *elab_softmax_page_get_target_entry        (ElabSoftmaxPage *self);
/* The model typed as probabilities ("0.125, 0.5, 0.125, 0.25"); Enter
 * applies it. The label under it says why a text was refused, or names a
 * support mismatch. */
GtkEntry      *elab_softmax_page_get_probabilities_entry (ElabSoftmaxPage *self);
GtkLabel      *elab_softmax_page_get_probabilities_message (ElabSoftmaxPage *self);
GtkSwitch     *elab_softmax_page_get_logistic_switch     (ElabSoftmaxPage *self);
/* The logistic comparison read-out as shown (empty when the toggle is off). */
const char    *elab_softmax_page_get_logistic_text       (ElabSoftmaxPage *self);

G_END_DECLS
