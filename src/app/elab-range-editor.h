/* elab-range-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "elab-binding.h"

G_BEGIN_DECLS

#define ELAB_TYPE_RANGE_EDITOR (elab_range_editor_get_type ())

G_DECLARE_FINAL_TYPE (ElabRangeEditor, elab_range_editor, ELAB, RANGE_EDITOR, GtkWidget)

/* Binds both ends to x-min and x-max in @group (the page's): the range
 * follows @group's document. */
void elab_range_editor_bind (ElabRangeEditor  *self,
                             ElabBindingGroup *group);

G_END_DECLS
