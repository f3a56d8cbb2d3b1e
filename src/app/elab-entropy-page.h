/* elab-entropy-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "elab-page.h"

G_BEGIN_DECLS

#define ELAB_TYPE_ENTROPY_PAGE (elab_entropy_page_get_type ())

G_DECLARE_FINAL_TYPE (ElabEntropyPage, elab_entropy_page, ELAB, ENTROPY_PAGE, ElabPage)

/* Its models' editors are template children: editor_a, editor_b and
 * editor_c. */
GtkWidget *elab_entropy_page_new (ElabDocument *document);

G_END_DECLS
