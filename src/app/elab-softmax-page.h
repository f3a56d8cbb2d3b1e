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
/* The page's controls are template children under their ids, which
 * gtk_widget_get_template_child() finds: k_adjustment,
 * temperature_adjustment, logistic_switch, target_entry (a typed target
 * such as "0.9, 0.05, 0.05"; Enter applies it), probabilities_entry (the
 * model typed as probabilities; Enter applies it) and the
 * probabilities_message under it (why a text was refused, or a support
 * mismatch). The logits' rows are built in code: */
/* @index in 0 … 7 */
GtkAdjustment *elab_softmax_page_get_logit_adjustment    (ElabSoftmaxPage *self,
                                                          guint            index);
/* Selects a one-hot target on class @index (0-based). */
void           elab_softmax_page_set_one_hot_target      (ElabSoftmaxPage *self,
                                                          guint            index);
/* The logistic comparison read-out as shown (empty when the toggle is off). */
const char    *elab_softmax_page_get_logistic_text       (ElabSoftmaxPage *self);

G_END_DECLS
