/* elab-cross-entropy-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "elab-page.h"

G_BEGIN_DECLS

#define ELAB_TYPE_CROSS_ENTROPY_PAGE (elab_cross_entropy_page_get_type ())

G_DECLARE_FINAL_TYPE (ElabCrossEntropyPage, elab_cross_entropy_page, ELAB, CROSS_ENTROPY_PAGE, ElabPage)

/* Its controls are template children: editor_p, editor_q, swap_button,
 * and formula_label, the formula read-out. */
GtkWidget *elab_cross_entropy_page_new (ElabDocument *document);

G_END_DECLS
