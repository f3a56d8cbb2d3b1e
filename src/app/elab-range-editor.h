/* elab-range-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "elab-document.h"

G_BEGIN_DECLS

#define ELAB_TYPE_RANGE_EDITOR (elab_range_editor_get_type ())

G_DECLARE_FINAL_TYPE (ElabRangeEditor, elab_range_editor, ELAB, RANGE_EDITOR, GtkWidget)

void           elab_range_editor_set_document        (ElabRangeEditor *self,
                                                      ElabDocument    *document);
GtkAdjustment *elab_range_editor_get_min_adjustment  (ElabRangeEditor *self);
GtkAdjustment *elab_range_editor_get_max_adjustment  (ElabRangeEditor *self);

G_END_DECLS
