/* elab-binding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Widgets bound to the document's parameters by name, the way GNOME apps
 * bind to GSettings or with a GBindingGroup: a binding sets its widget
 * when the document says its parameter changed (::param-changed with the
 * row's name as detail, so a drag of one slider wakes only the bindings
 * of that row), and sets the parameter when a person moves the widget.
 *
 * Each binding carries the only re-entrancy guard in the app's controls:
 * while it sets its widget it ignores the widget's notification, and
 * while it sets the document it ignores the document's. Everything else
 * needs none, because the document emits nothing for a value it already
 * holds.
 */
#define G_LOG_DOMAIN "elab-binding"

#include "elab-config.h"

#include <math.h>

#include "elab-binding.h"
#include "elab-format.h"

struct _ElabBinding
{
  ElabBindingGroup     *group;      /* borrowed: it owns the binding */
  const ElabParam      *param;
  int                   index;      /* a list's entry, or -1 */
  GObject              *target;     /* weak */
  GParamSpec           *pspec;      /* target's property; NULL for a label */
  char                 *format;     /* label only */
  GtkWidget            *gate;       /* weak */
  gboolean              widen;
  ElabBindingTransform  to_widget;
  ElabBindingTransform  from_widget;
  gpointer              user_data;
  ElabBindingApply      apply;
  gpointer              apply_data;

  gulong                notify_id;
  gulong                param_id;   /* on the group's document */
  gboolean              updating;   /* the guard: one side is setting the other */
};

struct _ElabBindingGroup
{
  GObject       parent_instance;

  /* Owned */
  ElabDocument *document;
  GPtrArray    *bindings;   /* (element-type ElabBinding) */
};

G_DEFINE_FINAL_TYPE (ElabBindingGroup, elab_binding_group, G_TYPE_OBJECT)

/* Document → widget ------------------------------------------------------ */

static void
widen (GtkAdjustment *adjustment,
       double         value)
{
  if (value < gtk_adjustment_get_lower (adjustment))
    gtk_adjustment_set_lower (adjustment, floor (value));
  if (value > gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
    gtk_adjustment_set_upper (adjustment, ceil (value) + gtk_adjustment_get_page_size (adjustment));
}

static void
set_label (ElabBinding  *binding,
           ElabDocument *document)
{
  const ElabState *state = elab_document_get_state (document);
  g_autofree char *text = NULL;

  if (binding->format == NULL && binding->index < 0)
    text = elab_param_format (binding->param, state);
  else if (binding->format == NULL)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      elab_param_format_double (buf, sizeof buf,
                                elab_param_get_number (binding->param, binding->index, state));
      text = g_strdup (buf);
    }
  else
    {
      double v = elab_param_get_number (binding->param, binding->index, state);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      text = g_strdup_printf (binding->format, v);
#pragma GCC diagnostic pop
    }
  elab_label_set (GTK_LABEL (binding->target), text);
}

static void
set_property_number (GObject    *target,
                     GParamSpec *pspec,
                     double      v)
{
  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_DOUBLE:
      g_object_set (target, pspec->name, v, NULL);
      break;
    case G_TYPE_FLOAT:
      g_object_set (target, pspec->name, (float) v, NULL);
      break;
    case G_TYPE_BOOLEAN:
      g_object_set (target, pspec->name, v != 0.0, NULL);
      break;
    case G_TYPE_INT:
      g_object_set (target, pspec->name, (int) round (v), NULL);
      break;
    case G_TYPE_UINT:
      g_object_set (target, pspec->name, (guint) MAX (round (v), 0), NULL);
      break;
    default:
      g_critical ("%s: cannot bind a property of type %s", pspec->name,
                  g_type_name (pspec->value_type));
    }
}

static double
get_property_number (GObject    *target,
                     GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (target, pspec->name, &value);
  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_DOUBLE:
      return g_value_get_double (&value);
    case G_TYPE_FLOAT:
      return g_value_get_float (&value);
    case G_TYPE_BOOLEAN:
      return g_value_get_boolean (&value) ? 1.0 : 0.0;
    case G_TYPE_INT:
      return g_value_get_int (&value);
    case G_TYPE_UINT:
      return g_value_get_uint (&value);
    default:
      return NAN;
    }
}

static void
refresh (ElabBinding *binding)
{
  ElabDocument *document = binding->group->document;
  double v;

  if (binding->updating || binding->target == NULL || document == NULL)
    return;

  binding->updating = TRUE;
  if (binding->pspec == NULL)
    set_label (binding, document);
  else
    {
      v = elab_param_get_number (binding->param, binding->index,
                                 elab_document_get_state (document));
      if (binding->to_widget != NULL)
        v = binding->to_widget (v, binding->user_data);
      /* A logit of −∞ (a probability typed as 0): the slider at its
       * lowest rather than where it last was. */
      if (v == -INFINITY && binding->widen)
        v = gtk_adjustment_get_lower (GTK_ADJUSTMENT (binding->target));
      /* A list entry beyond K has no value to show. */
      if (isfinite (v))
        {
          if (binding->widen)
            widen (GTK_ADJUSTMENT (binding->target), v);
          /* Only a real change: setting a property notifies even when the
           * value stays, and a notification from inside another one may
           * arrive after the guard is down. */
          if (get_property_number (binding->target, binding->pspec) != v)
            set_property_number (binding->target, binding->pspec, v);
        }
    }
  binding->updating = FALSE;
}

static void
param_changed_cb (ElabDocument    *document,
                  const ElabParam *param,
                  ElabBinding     *binding)
{
  refresh (binding);
}

/* Widget → document ------------------------------------------------------ */

static void
notify_cb (GObject     *target,
           GParamSpec  *pspec,
           ElabBinding *binding)
{
  ElabDocument *document = binding->group->document;
  g_autoptr(GError) error = NULL;
  double v;

  if (binding->updating || document == NULL)
    return;

  if (binding->gate != NULL && !gtk_widget_is_sensitive (binding->gate))
    {
      refresh (binding);
      return;
    }

  v = get_property_number (target, binding->pspec);
  if (binding->from_widget != NULL)
    v = binding->from_widget (v, binding->user_data);

  binding->updating = TRUE;
  if (binding->apply != NULL ? !binding->apply (document, v, binding->apply_data, &error)
                             : !elab_document_set_number (document, binding->param->name,
                                                          binding->index, v, &error))
    g_debug ("%s", error != NULL ? error->message : binding->param->name);
  binding->updating = FALSE;

  /* Shows what the document holds: a refused value goes back, a rounded
   * one shows rounded. */
  refresh (binding);
}

/* Bindings --------------------------------------------------------------- */

static void
binding_connect (ElabBinding *binding)
{
  ElabDocument *document = binding->group->document;
  g_autofree char *signal = NULL;

  if (document == NULL)
    return;

  signal = g_strconcat ("param-changed::", binding->param->name, NULL);
  binding->param_id = g_signal_connect (document, signal, G_CALLBACK (param_changed_cb), binding);
  refresh (binding);
}

static void
binding_disconnect (ElabBinding *binding)
{
  if (binding->param_id != 0 && binding->group->document != NULL)
    g_clear_signal_handler (&binding->param_id, binding->group->document);
  binding->param_id = 0;
}

static void
binding_free (gpointer data)
{
  ElabBinding *binding = data;

  binding_disconnect (binding);
  if (binding->target != NULL)
    {
      g_clear_signal_handler (&binding->notify_id, binding->target);
      g_object_remove_weak_pointer (binding->target, (gpointer *) &binding->target);
    }
  if (binding->gate != NULL)
    g_object_remove_weak_pointer (G_OBJECT (binding->gate), (gpointer *) &binding->gate);
  g_free (binding->format);
  g_free (binding);
}

static ElabBinding *
binding_new (ElabBindingGroup *self,
             const char       *name,
             gpointer          target)
{
  ElabBinding *binding;
  const ElabParam *param;
  int index = -1;

  param = elab_param_lookup (name, &index);
  if (param == NULL)
    {
      g_critical ("%s: no such parameter", name);
      return NULL;
    }

  binding = g_new0 (ElabBinding, 1);
  binding->group = self;
  binding->param = param;
  binding->index = index;
  binding->target = target;
  g_object_add_weak_pointer (binding->target, (gpointer *) &binding->target);
  g_ptr_array_add (self->bindings, binding);
  return binding;
}

ElabBinding *
elab_binding_group_bind (ElabBindingGroup *self,
                         const char       *name,
                         gpointer          target,
                         const char       *property)
{
  ElabBinding *binding;
  GParamSpec *pspec;
  g_autofree char *signal = NULL;

  g_return_val_if_fail (ELAB_IS_BINDING_GROUP (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (target), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), property);
  g_return_val_if_fail (pspec != NULL, NULL);

  binding = binding_new (self, name, target);
  if (binding == NULL)
    return NULL;

  binding->pspec = pspec;
  signal = g_strconcat ("notify::", pspec->name, NULL);
  binding->notify_id = g_signal_connect (target, signal, G_CALLBACK (notify_cb), binding);
  binding_connect (binding);
  return binding;
}

ElabBinding *
elab_binding_group_bind_adjustment (ElabBindingGroup *self,
                                    const char       *name,
                                    GtkAdjustment    *adjustment)
{
  ElabBinding *binding;

  g_return_val_if_fail (GTK_IS_ADJUSTMENT (adjustment), NULL);

  binding = elab_binding_group_bind (self, name, adjustment, "value");
  if (binding != NULL)
    {
      binding->widen = TRUE;
      refresh (binding);
    }
  return binding;
}

ElabBinding *
elab_binding_group_bind_toggle (ElabBindingGroup *self,
                                const char       *name,
                                GtkWidget        *toggle)
{
  g_return_val_if_fail (GTK_IS_SWITCH (toggle) || GTK_IS_CHECK_BUTTON (toggle) ||
                        GTK_IS_TOGGLE_BUTTON (toggle), NULL);

  return elab_binding_group_bind (self, name, toggle, "active");
}

ElabBinding *
elab_binding_group_bind_drop_down (ElabBindingGroup *self,
                                   const char       *name,
                                   GtkDropDown      *drop_down)
{
  const ElabParam *param;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  param = elab_param_lookup (name, NULL);
  if (param != NULL && param->type == ELAB_PARAM_ENUM && gtk_drop_down_get_model (drop_down) == NULL)
    {
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

      for (int v = 0; param->to_string (v) != NULL; v++)
        gtk_string_list_append (choices, param->to_string (v));
      gtk_drop_down_set_model (drop_down, G_LIST_MODEL (choices));
    }

  return elab_binding_group_bind (self, name, drop_down, "selected");
}

ElabBinding *
elab_binding_group_bind_label (ElabBindingGroup *self,
                               const char       *name,
                               GtkLabel         *label,
                               const char       *format)
{
  ElabBinding *binding;

  g_return_val_if_fail (ELAB_IS_BINDING_GROUP (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (GTK_IS_LABEL (label), NULL);

  binding = binding_new (self, name, label);
  if (binding == NULL)
    return NULL;

  binding->format = g_strdup (format);
  binding_connect (binding);
  return binding;
}

void
elab_binding_set_transform (ElabBinding          *binding,
                            ElabBindingTransform  to_widget,
                            ElabBindingTransform  from_widget,
                            gpointer              user_data)
{
  g_return_if_fail (binding != NULL);

  binding->to_widget = to_widget;
  binding->from_widget = from_widget;
  binding->user_data = user_data;
  refresh (binding);
}

void
elab_binding_set_apply (ElabBinding      *binding,
                        ElabBindingApply  apply,
                        gpointer          user_data)
{
  g_return_if_fail (binding != NULL);

  binding->apply = apply;
  binding->apply_data = user_data;
}

void
elab_binding_set_gate (ElabBinding *binding,
                       GtkWidget   *widget)
{
  g_return_if_fail (binding != NULL);
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  if (binding->gate != NULL)
    g_object_remove_weak_pointer (G_OBJECT (binding->gate), (gpointer *) &binding->gate);
  binding->gate = widget;
  if (widget != NULL)
    g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &binding->gate);
}

/* The group -------------------------------------------------------------- */

void
elab_binding_group_set_document (ElabBindingGroup *self,
                                 ElabDocument     *document)
{
  g_return_if_fail (ELAB_IS_BINDING_GROUP (self));
  g_return_if_fail (document == NULL || ELAB_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  for (guint i = 0; i < self->bindings->len; i++)
    binding_disconnect (g_ptr_array_index (self->bindings, i));
  g_set_object (&self->document, document);
  for (guint i = 0; i < self->bindings->len; i++)
    binding_connect (g_ptr_array_index (self->bindings, i));
}

static void
elab_binding_group_dispose (GObject *object)
{
  ElabBindingGroup *self = ELAB_BINDING_GROUP (object);

  /* Bindings first: they disconnect from the document. */
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (elab_binding_group_parent_class)->dispose (object);
}

static void
elab_binding_group_class_init (ElabBindingGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = elab_binding_group_dispose;
}

static void
elab_binding_group_init (ElabBindingGroup *self)
{
  self->bindings = g_ptr_array_new_with_free_func (binding_free);
}

ElabBindingGroup *
elab_binding_group_new (void)
{
  return g_object_new (ELAB_TYPE_BINDING_GROUP, NULL);
}
