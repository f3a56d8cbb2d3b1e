/* elab-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is one type written in several files: elab-window.c (pages,
 * state, properties, unit, palette and notation), elab-window-scenes.c
 * (scenarios, scenes, presentation mode) and elab-window-actions.c (its
 * class's actions).
 * They share the instance struct through this header.
 */
#pragma once

#include "elab-debug.h"
#include "elab-lesson-panel.h"
#include "elab-presentation.h"
#include "elab-scene-player.h"
#include "elab-settings.h"
#include "elab-window.h"

G_BEGIN_DECLS

struct _ElabWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  GtkLabel             *scene_label;     /* "scene 2 / 5", hidden without scenes */
  GtkWidget            *blank_screen;    /* "." while presenting */
  AdwFlap              *lesson_flap;
  GtkScrolledWindow    *lesson_scroller;
  AdwBin               *entropy_slot;
  AdwBin               *cross_entropy_slot;
  AdwBin               *training_slot;
  AdwBin               *softmax_slot;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;

  /* Owned */
  ElabDocument         *document;
  ElabSettings         *settings;
  ElabScenePlayer      *player;
  guint                 guess_index;   /* the scene whose guess the figure holds */
  ElabPresentation     *presentation;
  GSimpleAction        *presentation_action; /* win.presentation: presenting's state */
  gboolean              presenting;      /* F5: the pages and chrome bind to it */
  guint                 scene_keep;      /* ElabPresentationKeep: the scene's models */
  guint                 save_source;
  gint64                last_change_us;
  gulong                changed_id;

  /* Borrowed: in lesson_scroller once built (on first reveal), else NULL */
  ElabLessonPanel      *lesson_panel;
};

/* elab-window-actions.c: from class_init. */
void _elab_window_class_actions_init (ElabWindowClass *klass);

/* elab-window-scenes.c: called once from elab_window_init, after the
 * template and the restored state; and from dispose. */
void _elab_window_scenes_init          (ElabWindow *self);
void _elab_window_scenes_dispose       (ElabWindow *self);
void _elab_window_set_presenting       (ElabWindow *self,
                                        gboolean    presenting);

G_END_DECLS
