/* elab-presentation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presentation mode for a window: full screen, the control panels and the
 * header bar folded away, large type and thick lines in every plot, and a
 * light, high-contrast projector theme whatever the desktop's style.
 */
#pragma once

#include <gtk/gtk.h>

#include "elab-plot-view.h"
#include "elab-window.h"

G_BEGIN_DECLS

typedef struct _ElabPresentation ElabPresentation;

/* @window is borrowed and must outlive the presentation. */
ElabPresentation *elab_presentation_new          (ElabWindow       *window);
void              elab_presentation_free         (ElabPresentation *self);

gboolean          elab_presentation_get_active   (ElabPresentation *self);
/* Entering folds every widget beside the plots away (remembered, and
 * shown again on leaving) and goes full screen. */
void              elab_presentation_set_active   (ElabPresentation *self,
                                                  gboolean          active);
/* The caption every plot draws (NULL: none); kept across page changes. */
void              elab_presentation_set_caption  (ElabPresentation *self,
                                                  const char       *caption);
/* Which model editors stay out in presentation mode: those whose model
 * the current scene changes, so the lecturer can still move them. */
typedef enum
{
  ELAB_PRESENTATION_KEEP_A = 1 << 0,
  ELAB_PRESENTATION_KEEP_B = 1 << 1,
  ELAB_PRESENTATION_KEEP_C = 1 << 2,
  ELAB_PRESENTATION_KEEP_P = 1 << 3,
  ELAB_PRESENTATION_KEEP_Q = 1 << 4,
} ElabPresentationKeep;

void              elab_presentation_set_keep     (ElabPresentation *self,
                                                  guint             keep);
/* Applies caption and style to plot views created since (a page that
 * fills its slot late). */
void              elab_presentation_refresh      (ElabPresentation *self);

/* The overlay over the pages in which the controls a scene needs float
 * (over the figure, not beside it) and "." blanks the screen; borrowed. */
void              elab_presentation_set_overlay  (ElabPresentation *self,
                                                  GtkOverlay       *overlay);
/* Whether floating controls are on screen (they go when the pointer
 * rests, and come back when it moves). */
gboolean          elab_presentation_get_controls_shown (ElabPresentation *self);
/* A black screen while presenting, as a clicker's "." asks. */
void              elab_presentation_set_blank    (ElabPresentation *self,
                                                  gboolean          blank);
gboolean          elab_presentation_get_blank    (ElabPresentation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElabPresentation, elab_presentation_free)

/* A question's guess on the figure (elab_plot_view_set_guess()), on the
 * view that shows the caption. */
void elab_presentation_set_guess (ElabPresentation *self,
                                  gboolean          guessing,
                                  double            truth_x,
                                  gboolean          forget);

G_END_DECLS
