/* elab-entropy-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "elab-model-editor.h"
#include "elab-page.h"

G_BEGIN_DECLS

#define ELAB_TYPE_ENTROPY_PAGE (elab_entropy_page_get_type ())

G_DECLARE_FINAL_TYPE (ElabEntropyPage, elab_entropy_page, ELAB, ENTROPY_PAGE, ElabPage)

GtkWidget       *elab_entropy_page_new              (ElabDocument    *document);
ElabModelEditor *elab_entropy_page_get_model_editor (ElabEntropyPage *self,
                                                     guint            index);

G_END_DECLS
