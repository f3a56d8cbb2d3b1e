/* elab-presentation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presentation mode for a window: full screen, large type and thick lines
 * in every plot, and a light, high-contrast projector theme whatever the
 * desktop's style. The window's presenting property drives it; the pages
 * and the header bar follow that property themselves (elab-page.h).
 */
#pragma once

#include <gtk/gtk.h>

#include "elab-page.h"
#include "elab-plot-view.h"
#include "elab-window.h"

G_BEGIN_DECLS

typedef struct _ElabPresentation ElabPresentation;

/* @window is borrowed and must outlive the presentation. */
ElabPresentation *elab_presentation_new          (ElabWindow       *window);
void              elab_presentation_free         (ElabPresentation *self);

/* Entering goes full screen, keeps the screen awake and the projector's
 * light theme; leaving puts the window back. */
void              elab_presentation_set_active   (ElabPresentation *self,
                                                  gboolean          active);
/* The scene's caption (NULL: none) on the last plot of every page built
 * so far, with room kept for @caption_room (a question's revealed
 * caption, NULL: none), and a question's guess beside it (elab_plot_view_set_guess());
 * @forget_guess drops a guess placed in another scene. Called again when
 * a page is built, it styles that page's plots too. */
void              elab_presentation_set_scene    (ElabPresentation *self,
                                                  const char       *caption,
                                                  const char       *caption_room,
                                                  gboolean          guessing,
                                                  const ElabAnswer *truth,
                                                  gboolean          forget_guess);

/* A black screen while presenting, as a clicker's "." asks. */
void              elab_presentation_set_blank    (ElabPresentation *self,
                                                  gboolean          blank);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElabPresentation, elab_presentation_free)

G_END_DECLS
