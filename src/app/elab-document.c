/* elab-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one ElabState a window edits, wrapped in a GObject so that every page
 * and plot can listen to edits made anywhere else. ::changed is emitted
 * synchronously: a slider's value-changed reaches the plot's queue_draw in
 * the same main-loop iteration, so the drag repaints in the same frame.
 *
 * Before ::changed, ::param-changed names each parameter (a row of the
 * parameter table) that differs from what listeners last heard, with the
 * row's name as the detail: a binding listens to "param-changed::p-theta"
 * and never to the rest. The document finds them by comparing with the
 * state it last announced, so an edit in place, a whole new state and an
 * edit by name all say which parameters they changed.
 */
#define G_LOG_DOMAIN "elab-document"

#include "elab-config.h"

#include <math.h>

#include "elab-document.h"

struct _ElabDocument
{
  GObject   parent_instance;
  ElabState state;
  ElabState announced;   /* the state listeners last heard of */
};

enum {
  PROP_0,
  PROP_NOTATION,
  N_PROPS
};

enum {
  CHANGED,
  PARAM_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ElabDocument, elab_document, G_TYPE_OBJECT)

static void
elab_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ElabDocument *self = ELAB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_NOTATION:
      g_value_set_int (value, self->state.notation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
elab_document_class_init (ElabDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = elab_document_get_property;

  /**
   * ElabDocument:notation:
   *
   * How cross-entropy is written (an #ElabNotation), for labels that
   * bind to it. Set it as any parameter: "notation" by name, or in the
   * state.
   */
  properties[PROP_NOTATION] =
    g_param_spec_int ("notation", NULL, NULL,
                      ELAB_NOTATION_STANDARD, ELAB_NOTATION_SUBSCRIPT, ELAB_NOTATION_STANDARD,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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

  /**
   * ElabDocument::param-changed:
   * @param: the row (an #ElabParam, borrowed) whose value changed; the
   *   signal's detail is its name
   *
   * A list (logits, target) is one row: an entry's binding reads its own
   * entry again.
   */
  signals[PARAM_CHANGED] =
    g_signal_new ("param-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__POINTER,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
  g_signal_set_va_marshaller (signals[PARAM_CHANGED],
                              G_TYPE_FROM_CLASS (klass),
                              g_cclosure_marshal_VOID__POINTERv);
}

static void
elab_document_init (ElabDocument *self)
{
  elab_state_init_default (&self->state);
  self->announced = self->state;
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

static gboolean
param_differs (const ElabParam *param,
               const ElabState *a,
               const ElabState *b)
{
  /* A list is as long as K: a new K changes the target's length too. */
  if (param->type == ELAB_PARAM_LIST && a->k != b->k)
    return TRUE;
  return !elab_param_equal (param, a, b);
}

void
elab_document_changed (ElabDocument *self,
                       ElabChange    what)
{
  const ElabParam *changed[64];
  const ElabParam *params;
  guint n_params = 0;
  guint n_changed = 0;

  g_return_if_fail (ELAB_IS_DOCUMENT (self));

  params = elab_params (&n_params);
  g_return_if_fail (n_params <= G_N_ELEMENTS (changed));

  /* Listeners hear the new state as a whole: the list is made, and
   * the announced state updated, before the first emission, so a handler
   * that edits again starts a round of its own. */
  for (guint i = 0; i < n_params; i++)
    if (param_differs (&params[i], &self->announced, &self->state))
      changed[n_changed++] = &params[i];
  self->announced = self->state;

  for (guint i = 0; i < n_changed; i++)
    {
      g_signal_emit (self, signals[PARAM_CHANGED],
                     g_quark_from_static_string (changed[i]->name), changed[i]);
      if (changed[i]->offset == G_STRUCT_OFFSET (ElabState, notation))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTATION]);
    }

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

static const ElabParam *
lookup (const char  *name,
        int         *index,
        GError     **error)
{
  int entry = -1;
  const ElabParam *param = elab_param_lookup (name, &entry);

  if (param == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION,
                   "%s: no such parameter", name);
      return NULL;
    }
  if (entry >= 0)
    *index = entry;
  return param;
}

/* Sets the row @name (or its entry @index) from @text as a scenario file
 * writes it or, when @text is NULL, to @value. */
static gboolean
set_value (ElabDocument  *self,
           const char    *name,
           int            index,
           const char    *text,
           double         value,
           GError       **error)
{
  const ElabParam *param = lookup (name, &index, error);
  ElabState state = self->state;

  if (param == NULL)
    return FALSE;
  if (text != NULL ? !elab_param_parse (param, index, text, &state, error)
                   : !elab_param_set_number (param, index, value, &state, error))
    return FALSE;
  if (!elab_state_validate (&state, error))
    return FALSE;
  if (!param_differs (param, &self->state, &state))
    return TRUE;

  self->state = state;
  elab_document_changed (self, param->group);
  return TRUE;
}

gboolean
elab_document_set_number (ElabDocument  *self,
                          const char    *name,
                          int            index,
                          double         value,
                          GError       **error)
{
  g_return_val_if_fail (ELAB_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return set_value (self, name, index, NULL, value, error);
}

double
elab_document_get_number (ElabDocument *self,
                          const char   *name,
                          int           index)
{
  const ElabParam *param;

  g_return_val_if_fail (ELAB_IS_DOCUMENT (self), NAN);
  g_return_val_if_fail (name != NULL, NAN);

  param = lookup (name, &index, NULL);
  if (param == NULL || param->type == ELAB_PARAM_STRING)
    return NAN;
  return elab_param_get_number (param, index, &self->state);
}

gboolean
elab_document_set_string (ElabDocument  *self,
                          const char    *name,
                          const char    *text,
                          GError       **error)
{
  g_return_val_if_fail (ELAB_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  return set_value (self, name, -1, text, 0.0, error);
}

char *
elab_document_dup_string (ElabDocument *self,
                          const char   *name)
{
  const ElabParam *param;
  int index = -1;

  g_return_val_if_fail (ELAB_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  param = lookup (name, &index, NULL);
  if (param == NULL)
    return NULL;
  if (index >= 0)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      elab_param_format_double (buf, sizeof buf, elab_param_get_number (param, index, &self->state));
      return g_strdup (buf);
    }
  return elab_param_format (param, &self->state);
}

ElabNotation
elab_document_get_notation (ElabDocument *self)
{
  g_return_val_if_fail (ELAB_IS_DOCUMENT (self), ELAB_NOTATION_STANDARD);

  return self->state.notation;
}
