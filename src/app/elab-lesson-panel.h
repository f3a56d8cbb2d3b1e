/* elab-lesson-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "elab-scene-player.h"

G_BEGIN_DECLS

#define ELAB_TYPE_LESSON_PANEL (elab_lesson_panel_get_type ())

G_DECLARE_FINAL_TYPE (ElabLessonPanel, elab_lesson_panel, ELAB, LESSON_PANEL, GtkWidget)

/* Edits @player's scenes; a new scene takes @document's state. */
GtkWidget *elab_lesson_panel_new (ElabScenePlayer *player,
                                  ElabDocument    *document);

G_END_DECLS
