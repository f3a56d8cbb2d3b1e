/* elab-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "elab-state.h"

G_BEGIN_DECLS

/* What part of the state an edit touched, so that a listener redoes only
 * what it must. */
typedef enum
{
  ELAB_CHANGE_MODELS   = 1 << 0,  /* Entropy page: models A, B, C */
  ELAB_CHANGE_PAIR     = 1 << 1,  /* Cross-entropy page: p and q */
  ELAB_CHANGE_SOFTMAX  = 1 << 2,  /* K, logits, temperature, target */
  ELAB_CHANGE_RANGE    = 1 << 3,  /* x range and samples */
  ELAB_CHANGE_UNIT     = 1 << 4,
  ELAB_CHANGE_LOOK     = 1 << 5,  /* theme, palette, notation */
  ELAB_CHANGE_PAGE     = 1 << 6,
  ELAB_CHANGE_TRAINING = 1 << 7,
  ELAB_CHANGE_ALL      = 0xff,
} ElabChange;

#define ELAB_TYPE_DOCUMENT (elab_document_get_type ())

G_DECLARE_FINAL_TYPE (ElabDocument, elab_document, ELAB, DOCUMENT, GObject)

ElabDocument    *elab_document_new        (void);
const ElabState *elab_document_get_state  (ElabDocument    *self);
/* A pointer to edit in place; call elab_document_changed() afterwards. */
ElabState       *elab_document_edit       (ElabDocument    *self);
/* Emits ::changed with @what. Listeners redraw in the same frame. */
void             elab_document_changed    (ElabDocument    *self,
                                           ElabChange       what);
/* Replaces the whole state (a preset, a scenario, restored settings). */
void             elab_document_set_state  (ElabDocument    *self,
                                           const ElabState *state);
void             elab_document_set_unit   (ElabDocument    *self,
                                           ElabUnit         unit);
/* Ignored unless x_min < x_max and both are finite. */
void             elab_document_set_x_range (ElabDocument   *self,
                                            double          x_min,
                                            double          x_max);

G_END_DECLS
