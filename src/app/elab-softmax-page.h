/* elab-softmax-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "elab-page.h"

G_BEGIN_DECLS

#define ELAB_TYPE_SOFTMAX_PAGE (elab_softmax_page_get_type ())

G_DECLARE_FINAL_TYPE (ElabSoftmaxPage, elab_softmax_page, ELAB, SOFTMAX_PAGE, ElabPage)

/* The page's controls are template children under their ids, which
 * gtk_widget_get_template_child() finds: k_adjustment,
 * temperature_adjustment, target_dropdown (the K one-hot classes, then
 * uniform and custom), logistic_switch and logistic_label (the
 * comparison it shows), target_entry (a typed target such as
 * "0.9, 0.05, 0.05"; Enter applies it), probabilities_entry (the model
 * typed as probabilities; Enter applies it) and the
 * probabilities_message under it (why a text was refused, or a support
 * mismatch). The logits' rows are built in code: logits_grid holds each
 * logit's label, slider and spin button in a row. */
GtkWidget *elab_softmax_page_new (ElabDocument *document);

G_END_DECLS
