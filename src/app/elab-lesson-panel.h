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

GtkWidget *elab_lesson_panel_new        (void);
/* The scenes it edits and the document whose state a new scene takes. */
void       elab_lesson_panel_set_player (ElabLessonPanel  *self,
                                         ElabScenePlayer  *player,
                                         ElabDocument     *document);
/* Whether a redo is there to take. */
gboolean   elab_lesson_panel_can_redo   (ElabLessonPanel  *self);

G_END_DECLS
