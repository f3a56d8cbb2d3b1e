/* elab-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "elab-params.h"
#include "elab-state.h"

G_BEGIN_DECLS

#define ELAB_TYPE_DOCUMENT (elab_document_get_type ())

G_DECLARE_FINAL_TYPE (ElabDocument, elab_document, ELAB, DOCUMENT, GObject)

ElabDocument    *elab_document_new        (void);
const ElabState *elab_document_get_state  (ElabDocument    *self);
/* A pointer to edit in place; call elab_document_changed() afterwards. */
ElabState       *elab_document_edit       (ElabDocument    *self);
/* Emits ::param-changed for each parameter that differs from what
 * listeners last heard, then ::changed with @what. Listeners redraw in
 * the same frame. */
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


/* By name: a row of the parameter table (elab_param_lookup()), and for a
 * list @index ≥ 0 one entry, or a list entry's own name ("logit-3") with
 * @index -1. Setting checks the row's range and the rules between fields;
 * on failure the state is unchanged and @error says why. Setting the
 * value already there emits nothing. */
gboolean         elab_document_set_number (ElabDocument    *self,
                                           const char      *name,
                                           int              index,
                                           double           value,
                                           GError         **error);
/* NAN for an unknown name, a STRING row or an entry beyond K. */
double           elab_document_get_number (ElabDocument    *self,
                                           const char      *name,
                                           int              index);
/* Sets any row from its scenario-file text ("momentum", "0.5";
 * "optimizer", "newton"; "logits", "2,1,0"). */
gboolean         elab_document_set_string (ElabDocument    *self,
                                           const char      *name,
                                           const char      *text,
                                           GError         **error);
/* The row's value as a scenario file writes it; NULL for an unknown name. */
char            *elab_document_dup_string (ElabDocument    *self,
                                           const char      *name);
ElabNotation     elab_document_get_notation (ElabDocument  *self);

G_END_DECLS
