/* elab-model-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One logistic model's controls: θ and b each as a slider and a spin
 * button over one GtkAdjustment, the model's plot colour, an on/off switch
 * and its mean entropy. The controls are bound through the page's binding
 * group to the parameters named in an ElabModelParams ("model-a-theta",
 * "p-theta", …): the editor edits model A or p only through those names.
 */
#define G_LOG_DOMAIN "elab-model-editor"

#include "elab-config.h"

#include <math.h>

#include "elab-binding.h"
#include "elab-format.h"
#include "elab-model-editor.h"

struct _ElabModelEditor
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkWidget      *box;
  GtkDrawingArea *swatch;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkLabel       *mean_label;
  GtkSwitch      *enabled_switch;
  GtkWidget      *controls;
  GtkScale       *theta_scale;
  GtkSpinButton  *theta_spin;
  GtkScale       *bias_scale;
  GtkSpinButton  *bias_spin;
  GtkDropDown    *output_dropdown;
  GtkAdjustment  *theta_adjustment;
  GtkAdjustment  *bias_adjustment;

  GdkRGBA         color;
};

G_DEFINE_FINAL_TYPE (ElabModelEditor, elab_model_editor, GTK_TYPE_WIDGET)

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  ElabModelEditor *self = user_data;
  double r = MIN (width, height) / 2.0;

  gdk_cairo_set_source_rgba (cr, &self->color);
  cairo_arc (cr, width / 2.0, height / 2.0, r - 1, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
elab_model_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ELAB_TYPE_MODEL_EDITOR);

  G_OBJECT_CLASS (elab_model_editor_parent_class)->dispose (object);
}

static void
elab_model_editor_class_init (ElabModelEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = elab_model_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entropylab/EntropyLab/ui/elab-model-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ElabModelEditor, box);
  gtk_widget_class_bind_template_child (widget_class, ElabModelEditor, swatch);
  gtk_widget_class_bind_template_child (widget_class, ElabModelEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, ElabModelEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ElabModelEditor, mean_label);
  gtk_widget_class_bind_template_child (widget_class, ElabModelEditor, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, ElabModelEditor, output_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ElabModelEditor, controls);
  gtk_widget_class_bind_template_child (widget_class, ElabModelEditor, theta_scale);
  gtk_widget_class_bind_template_child (widget_class, ElabModelEditor, theta_spin);
  gtk_widget_class_bind_template_child (widget_class, ElabModelEditor, bias_scale);
  gtk_widget_class_bind_template_child (widget_class, ElabModelEditor, bias_spin);
  gtk_widget_class_bind_template_child (widget_class, ElabModelEditor, theta_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ElabModelEditor, bias_adjustment);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "modeleditor");
}

static void
elab_model_editor_init (ElabModelEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gdk_rgba_parse (&self->color, "#3584e4");
  gtk_drawing_area_set_draw_func (self->swatch, draw_swatch, self, NULL);
}

void
elab_model_editor_bind (ElabModelEditor       *self,
                        ElabBindingGroup      *group,
                        const ElabModelParams *params)
{
  g_return_if_fail (ELAB_IS_MODEL_EDITOR (self));
  g_return_if_fail (ELAB_IS_BINDING_GROUP (group));
  g_return_if_fail (params != NULL && params->theta != NULL && params->bias != NULL);

  /* An assistive technology can still set an insensitive slider's value:
   * while the model is off, such a change is put back. */
  elab_binding_set_gate (elab_binding_group_bind_adjustment (group, params->theta, self->theta_adjustment),
                         self->controls);
  elab_binding_set_gate (elab_binding_group_bind_adjustment (group, params->bias, self->bias_adjustment),
                         self->controls);
  /* A model that cannot be switched off has no switch; only models that
   * can take the tanh output show the choice. */
  gtk_widget_set_visible (GTK_WIDGET (self->enabled_switch), params->enabled != NULL);
  if (params->enabled != NULL)
    elab_binding_group_bind_toggle (group, params->enabled, GTK_WIDGET (self->enabled_switch));
  gtk_widget_set_visible (GTK_WIDGET (self->output_dropdown), params->output != NULL);
  if (params->output != NULL)
    elab_binding_set_gate (elab_binding_group_bind_drop_down (group, params->output, self->output_dropdown),
                           self->controls);
}

void
elab_model_editor_set_name (ElabModelEditor *self,
                            const char      *name)
{
  g_autofree char *title = NULL;
  g_autofree char *theta = NULL;
  g_autofree char *bias = NULL;
  g_autofree char *shown = NULL;

  g_return_if_fail (ELAB_IS_MODEL_EDITOR (self));
  g_return_if_fail (name != NULL);

  title = g_strdup_printf ("Model %s", name);
  theta = g_strdup_printf ("Model %s θ", name);
  bias = g_strdup_printf ("Model %s bias", name);
  shown = g_strdup_printf ("Show model %s", name);

  gtk_label_set_label (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->theta_scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, theta, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->theta_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, theta, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bias_scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bias, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bias_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bias, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->enabled_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
}

void
elab_model_editor_set_color (ElabModelEditor *self,
                             const GdkRGBA   *color)
{
  g_return_if_fail (ELAB_IS_MODEL_EDITOR (self));
  g_return_if_fail (color != NULL);

  if (gdk_rgba_equal (&self->color, color))
    return;

  self->color = *color;
  gtk_widget_queue_draw (GTK_WIDGET (self->swatch));
}

void
elab_model_editor_set_subtitle (ElabModelEditor *self,
                                const char      *subtitle)
{
  g_return_if_fail (ELAB_IS_MODEL_EDITOR (self));

  elab_label_set (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle);
}

void
elab_model_editor_set_mean_text (ElabModelEditor *self,
                                 const char      *text)
{
  g_return_if_fail (ELAB_IS_MODEL_EDITOR (self));

  elab_label_set (self->mean_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->mean_label), text != NULL && *text);
}
