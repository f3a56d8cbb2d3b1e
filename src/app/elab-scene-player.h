/* elab-scene-player.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Steps a document through a scenario's scenes, animating the numeric
 * parameters from one scene to the next (what a presenter's clicker drives).
 */
#pragma once

#include <gtk/gtk.h>

#include "elab-document.h"
#include "elab-scenario.h"

G_BEGIN_DECLS

/* How long one scene change animates, in microseconds of frame time. */
#define ELAB_SCENE_PLAYER_DURATION_US 400000

#define ELAB_TYPE_SCENE_PLAYER (elab_scene_player_get_type ())

G_DECLARE_FINAL_TYPE (ElabScenePlayer, elab_scene_player, ELAB, SCENE_PLAYER, GObject)

ElabScenePlayer    *elab_scene_player_new              (ElabDocument       *document);
/* The widget whose frame clock drives the animation (borrowed, weak).
 * Without one, an animation advances only through
 * elab_scene_player_advance(), which is what tests do. */
void                elab_scene_player_set_widget       (ElabScenePlayer    *self,
                                                        GtkWidget          *widget);
/* Takes @scenario (transfer full, may be NULL) and shows its own state
 * at once. The index is the scene equal to that state, else 0. */
void                elab_scene_player_set_scenario     (ElabScenePlayer    *self,
                                                        ElabScenario       *scenario);
const ElabScenario *elab_scene_player_get_scenario     (ElabScenePlayer    *self);
/* The scenario to edit in place (a new, empty one on the document's state
 * when none is open); call elab_scene_player_scenario_edited() after. */
ElabScenario       *elab_scene_player_edit_scenario    (ElabScenePlayer    *self);
/* After an edit: @index is the current scene (clamped); the text and the
 * counts are announced again; the document is left as it is. */
void                elab_scene_player_scenario_edited  (ElabScenePlayer    *self,
                                                        guint               index);
/* Takes @scenario (transfer full) in place of the open one and shows
 * scene @index at once (undo and redo of lesson edits). */
void                elab_scene_player_replace_scenario (ElabScenePlayer    *self,
                                                        ElabScenario       *scenario,
                                                        guint               index);
guint               elab_scene_player_get_n_scenes     (ElabScenePlayer    *self);
/* 1-based; 0 before the first scene (or when there are none). */
guint               elab_scene_player_get_index        (ElabScenePlayer    *self);
/* Scene @index, or NULL before the first (or when there are none). */
const ElabScene    *elab_scene_player_get_scene        (ElabScenePlayer    *self);
/* The text under the figure for the current scene (elab_scene_card_text():
 * the caption, a question and its choices, an exercise's goal), or NULL. */
const char         *elab_scene_player_get_caption      (ElabScenePlayer    *self);
/* "scene 2 / 5", or NULL when there are no scenes. */
char               *elab_scene_player_dup_position     (ElabScenePlayer    *self);

/* Moves to scene @index (1-based), animated when @animate and a widget is
 * set and animations are enabled. FALSE when @index is out of range. */
gboolean            elab_scene_player_go_to            (ElabScenePlayer    *self,
                                                        guint               index,
                                                        gboolean            animate);
gboolean            elab_scene_player_next             (ElabScenePlayer    *self);
gboolean            elab_scene_player_previous         (ElabScenePlayer    *self);
gboolean            elab_scene_player_is_animating     (ElabScenePlayer    *self);
/* A question scene showing its answer (Page Down reveals, Page Up hides). */
gboolean            elab_scene_player_get_revealed     (ElabScenePlayer    *self);
/* An exercise scene whose goal the document's state meets. */
gboolean            elab_scene_player_get_solved       (ElabScenePlayer    *self);
/* One animation frame at @frame_time_us (the frame clock's time; the
 * first call after a step fixes the start). Returns TRUE while more
 * frames are needed. */
gboolean            elab_scene_player_advance          (ElabScenePlayer    *self,
                                                        gint64              frame_time_us);
/* Jumps to the end of a running animation. Either way its end emits
 * ::landed, once the document holds the scene's state. */
void                elab_scene_player_finish           (ElabScenePlayer    *self);

/* The presenter keys: Page Down/Up always, Right/Left unless @focus is a
 * text entry, a slider or a spin button. TRUE when the key was used. */
gboolean            elab_scene_player_handle_key       (ElabScenePlayer    *self,
                                                        guint               keyval,
                                                        GdkModifierType     modifiers,
                                                        GtkWidget          *focus);
/* Adds a capture-phase key controller to @window that calls
 * elab_scene_player_handle_key(), and drives the animation from it. */
void                elab_scene_player_attach           (ElabScenePlayer    *self,
                                                        GtkWidget          *window);

/* Ease in-out on [0, 1] (cubic), clamped. */
double              elab_scene_ease                    (double              t);

G_END_DECLS
