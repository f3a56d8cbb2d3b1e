/* elab-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one ElabState a window edits, wrapped in a GObject so that every page
 * and plot can listen to edits made anywhere else. ::changed is emitted
 * synchronously: a slider's value-changed reaches the plot's queue_draw in
 * the same main-loop iteration, so the drag repaints in the same frame.
 */
#define G_LOG_DOMAIN "elab-document"

#include "elab-config.h"

#include <math.h>

#include "elab-document.h"

struct _ElabDocument
{
  GObject   parent_instance;
  ElabState state;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ElabDocument, elab_document, G_TYPE_OBJECT)

static void
elab_document_class_init (ElabDocumentClass *klass)
{
  /**
   * ElabDocument::changed:
   * @what: the #ElabChange flags of the edit
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__UINT,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  g_signal_set_va_marshaller (signals[CHANGED],
                              G_TYPE_FROM_CLASS (klass),
                              g_cclosure_marshal_VOID__UINTv);
}

static void
elab_document_init (ElabDocument *self)
{
  elab_state_init_default (&self->state);
}

ElabDocument *
elab_document_new (void)
{
  return g_object_new (ELAB_TYPE_DOCUMENT, NULL);
}

const ElabState *
elab_document_get_state (ElabDocument *self)
{
  g_return_val_if_fail (ELAB_IS_DOCUMENT (self), NULL);

  return &self->state;
}

ElabState *
elab_document_edit (ElabDocument *self)
{
  g_return_val_if_fail (ELAB_IS_DOCUMENT (self), NULL);

  return &self->state;
}

void
elab_document_changed (ElabDocument *self,
                       ElabChange    what)
{
  g_return_if_fail (ELAB_IS_DOCUMENT (self));

  g_signal_emit (self, signals[CHANGED], 0, (guint) what);
}

void
elab_document_set_state (ElabDocument    *self,
                         const ElabState *state)
{
  g_return_if_fail (ELAB_IS_DOCUMENT (self));
  g_return_if_fail (state != NULL);

  self->state = *state;
  elab_document_changed (self, ELAB_CHANGE_ALL);
}

void
elab_document_set_unit (ElabDocument *self,
                        ElabUnit      unit)
{
  g_return_if_fail (ELAB_IS_DOCUMENT (self));

  if (self->state.unit == unit)
    return;

  self->state.unit = unit;
  elab_document_changed (self, ELAB_CHANGE_UNIT);
}

void
elab_document_set_x_range (ElabDocument *self,
                           double        x_min,
                           double        x_max)
{
  g_return_if_fail (ELAB_IS_DOCUMENT (self));

  if (!isfinite (x_min) || !isfinite (x_max) || !(x_min < x_max))
    return;
  if (self->state.x_min == x_min && self->state.x_max == x_max)
    return;

  self->state.x_min = x_min;
  self->state.x_max = x_max;
  elab_document_changed (self, ELAB_CHANGE_RANGE);
}
