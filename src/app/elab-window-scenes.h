/* elab-window-scenes.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lecture kit's part of the main window: Open/Save Scenario, scene
 * stepping with a presenter's keys, the "scene 2 / 5" label and
 * presentation mode (F5, Escape). Kept out of elab-window.c so the window
 * proper stays about pages; it adds its actions to the window's action map
 * (win.open-scenario, win.save-scenario, win.next-scene,
 * win.previous-scene, win.presentation).
 */
#pragma once

#include "elab-scenario.h"
#include "elab-scene-player.h"
#include "elab-window.h"

G_BEGIN_DECLS

/* Shows @scenario's state and makes its scenes the ones the keys step
 * through. Takes ownership. */
void              elab_window_open_scenario         (ElabWindow   *window,
                                                     ElabScenario *scenario);
/* Reads @path; on error shows it in the window (a dialog naming the file,
 * line and key) and returns FALSE. */
gboolean          elab_window_open_scenario_file    (ElabWindow   *window,
                                                     const char   *path);
/* The current state, and the open scenario's scenes, written atomically. */
gboolean          elab_window_save_scenario_file    (ElabWindow   *window,
                                                     const char   *path,
                                                     GError      **error);

ElabScenePlayer  *elab_window_get_scene_player      (ElabWindow   *window);

G_END_DECLS
