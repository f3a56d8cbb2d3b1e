/* elab-cross-entropy-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "elab-model-editor.h"
#include "elab-page.h"

G_BEGIN_DECLS

#define ELAB_TYPE_CROSS_ENTROPY_PAGE (elab_cross_entropy_page_get_type ())

G_DECLARE_FINAL_TYPE (ElabCrossEntropyPage, elab_cross_entropy_page, ELAB, CROSS_ENTROPY_PAGE, ElabPage)

GtkWidget       *elab_cross_entropy_page_new              (ElabDocument         *document);
/* 0 = p, 1 = q */
ElabModelEditor *elab_cross_entropy_page_get_model_editor (ElabCrossEntropyPage *self,
                                                           guint                 index);
/* Exchanges p and q, as the Swap button does. */
void             elab_cross_entropy_page_swap             (ElabCrossEntropyPage *self);
/* The formula read-out as shown. */
const char      *elab_cross_entropy_page_get_formula      (ElabCrossEntropyPage *self);

G_END_DECLS
