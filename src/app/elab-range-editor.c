/* elab-range-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The x range of the x-axis figures, as two spin buttons. An end moved
 * past the other pushes it along, so the range is never empty.
 */
#define G_LOG_DOMAIN "elab-range-editor"

#include "elab-config.h"

#include "elab-range-editor.h"

struct _ElabRangeEditor
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkSpinButton *min_spin;
  GtkSpinButton *max_spin;
  GtkAdjustment *min_adjustment;
  GtkAdjustment *max_adjustment;

  /* Owned */
  ElabDocument  *document;
  gulong         changed_id;

  guint          syncing;
};

G_DEFINE_FINAL_TYPE (ElabRangeEditor, elab_range_editor, GTK_TYPE_WIDGET)

static void
sync_from_document (ElabRangeEditor *self)
{
  const ElabState *state = elab_document_get_state (self->document);

  self->syncing++;
  gtk_adjustment_set_value (self->min_adjustment, state->x_min);
  gtk_adjustment_set_value (self->max_adjustment, state->x_max);
  self->syncing--;
}

static void
document_changed_cb (ElabDocument    *document,
                     guint            what,
                     ElabRangeEditor *self)
{
  if (what & ELAB_CHANGE_RANGE)
    sync_from_document (self);
}

static void
min_changed_cb (ElabRangeEditor *self)
{
  double x_min = gtk_adjustment_get_value (self->min_adjustment);
  double x_max = gtk_adjustment_get_value (self->max_adjustment);

  if (self->syncing > 0 || self->document == NULL)
    return;

  if (x_max <= x_min)
    x_max = x_min + 1;
  elab_document_set_x_range (self->document, x_min, x_max);
}

static void
max_changed_cb (ElabRangeEditor *self)
{
  double x_min = gtk_adjustment_get_value (self->min_adjustment);
  double x_max = gtk_adjustment_get_value (self->max_adjustment);

  if (self->syncing > 0 || self->document == NULL)
    return;

  if (x_min >= x_max)
    x_min = x_max - 1;
  elab_document_set_x_range (self->document, x_min, x_max);
}

static void
elab_range_editor_dispose (GObject *object)
{
  ElabRangeEditor *self = ELAB_RANGE_EDITOR (object);

  elab_range_editor_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), ELAB_TYPE_RANGE_EDITOR);
  /* The template's root box is not a bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

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
  gtk_widget_class_bind_template_child (widget_class, ElabRangeEditor, min_spin);
  gtk_widget_class_bind_template_child (widget_class, ElabRangeEditor, max_spin);
  gtk_widget_class_bind_template_child (widget_class, ElabRangeEditor, min_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ElabRangeEditor, max_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, min_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, max_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
elab_range_editor_init (ElabRangeEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
elab_range_editor_set_document (ElabRangeEditor *self,
                                ElabDocument    *document)
{
  g_return_if_fail (ELAB_IS_RANGE_EDITOR (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      self->changed_id = g_signal_connect (document, "changed",
                                           G_CALLBACK (document_changed_cb), self);
      sync_from_document (self);
    }
}

GtkAdjustment *
elab_range_editor_get_min_adjustment (ElabRangeEditor *self)
{
  g_return_val_if_fail (ELAB_IS_RANGE_EDITOR (self), NULL);

  return self->min_adjustment;
}

GtkAdjustment *
elab_range_editor_get_max_adjustment (ElabRangeEditor *self)
{
  g_return_val_if_fail (ELAB_IS_RANGE_EDITOR (self), NULL);

  return self->max_adjustment;
}
