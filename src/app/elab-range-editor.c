/* elab-range-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The x range of the x-axis figures, as two spin buttons bound to x-min
 * and x-max. An end moved past the other pushes it along, so the range is
 * never empty.
 */
#define G_LOG_DOMAIN "elab-range-editor"

#include "elab-config.h"

#include "elab-binding.h"
#include "elab-range-editor.h"

struct _ElabRangeEditor
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkWidget     *box;
  GtkAdjustment *min_adjustment;
  GtkAdjustment *max_adjustment;
};

G_DEFINE_FINAL_TYPE (ElabRangeEditor, elab_range_editor, GTK_TYPE_WIDGET)

static gboolean
push_min (ElabDocument  *document,
          double         x_min,
          gpointer       user_data,
          GError       **error)
{
  double x_max = elab_document_get_state (document)->x_max;

  elab_document_set_x_range (document, x_min, x_max > x_min ? x_max : x_min + 1);
  return TRUE;
}

static gboolean
push_max (ElabDocument  *document,
          double         x_max,
          gpointer       user_data,
          GError       **error)
{
  double x_min = elab_document_get_state (document)->x_min;

  elab_document_set_x_range (document, x_min < x_max ? x_min : x_max - 1, x_max);
  return TRUE;
}

static void
elab_range_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ELAB_TYPE_RANGE_EDITOR);

  G_OBJECT_CLASS (elab_range_editor_parent_class)->dispose (object);
}

static void
elab_range_editor_class_init (ElabRangeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = elab_range_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entropylab/EntropyLab/ui/elab-range-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ElabRangeEditor, box);
  gtk_widget_class_bind_template_child (widget_class, ElabRangeEditor, min_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ElabRangeEditor, max_adjustment);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
elab_range_editor_init (ElabRangeEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
elab_range_editor_bind (ElabRangeEditor  *self,
                        ElabBindingGroup *group)
{
  g_return_if_fail (ELAB_IS_RANGE_EDITOR (self));
  g_return_if_fail (ELAB_IS_BINDING_GROUP (group));

  elab_binding_set_apply (elab_binding_group_bind_adjustment (group, "x-min", self->min_adjustment),
                          push_min, self);
  elab_binding_set_apply (elab_binding_group_bind_adjustment (group, "x-max", self->max_adjustment),
                          push_max, self);
}
