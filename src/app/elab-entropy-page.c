/* elab-entropy-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Models A, B and C: θ, b, colour, on/off and mean entropy each, beside
 * the entropy figure.
 */
#define G_LOG_DOMAIN "elab-entropy-page"

#include "elab-config.h"

#include <math.h>

#include "elab-curves.h"
#include "elab-entropy-page.h"
#include "elab-format.h"
#include "elab-model-editor.h"
#include "elab-number.h"
#include "elab-range-editor.h"

struct _ElabEntropyPage
{
  ElabPage         parent_instance;

  /* Template widgets */
  ElabModelEditor *editor_a;
  ElabModelEditor *editor_b;
  ElabModelEditor *editor_c;
  ElabRangeEditor *range_editor;
  ElabPlotView    *plot_view;

  /* Owned */
  ElabModelCurves *curves;

  ElabModelEditor *editors[ELAB_MAX_MODELS];
};

G_DEFINE_FINAL_TYPE (ElabEntropyPage, elab_entropy_page, ELAB_TYPE_PAGE)

static void
update_means (ElabEntropyPage *self)
{
  const ElabState *state = elab_document_get_state (elab_page_get_document (ELAB_PAGE (self)));

  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *text = NULL;

      /* The same trapezoid mean over the same samples as the figure's legend. */
      elab_model_curves_compute (self->curves, &state->models[i],
                                 state->x_min, state->x_max,
                                 MIN (state->samples, ELAB_MAX_SAMPLES), state->unit);
      value = elab_format_value (self->curves->mean_h, state->unit);
      text = g_strdup_printf ("mean H = %s", value);
      elab_model_editor_set_mean_text (self->editors[i], text);
    }
}

static void
update_colors (ElabEntropyPage *self)
{
  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    {
      GdkRGBA color;

      elab_page_get_model_color (ELAB_PAGE (self), i, &color);
      elab_model_editor_set_color (self->editors[i], &color);
    }
}

/* Every model's value at the hovered x, under its name: the figure marks
 * the points, the panel gives the numbers. */
static void
elab_entropy_page_hover_changed (ElabPage *page,
                                 double    x)
{
  ElabEntropyPage *self = ELAB_ENTROPY_PAGE (page);
  const ElabState *state = elab_document_get_state (elab_page_get_document (page));

  /* The x the figure marks its points at (elab-figure-entropy.c): the
   * hovered x inside the range, else x = 1 kept inside the range. A
   * remembered x would disagree with the figure once the pointer left or
   * the range changed. */
  if (!(x >= state->x_min && x <= state->x_max))
    x = CLAMP (1.0, state->x_min, state->x_max);

  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    {
      double z = elab_logistic_logit (&state->models[i], x);
      double h = elab_binary_entropy_logit (z) * elab_unit_factor (state->unit);
      g_autofree char *sx = elab_number_dup (x, ELAB_NUMBER_PARAMETER);
      g_autofree char *sp = elab_number_dup (elab_sigmoid (z), ELAB_NUMBER_VALUE);
      g_autofree char *sh = elab_format_value (h, state->unit);
      g_autofree char *text = g_strdup_printf ("at x = %s: p = %s, H = %s", sx, sp, sh);

      elab_model_editor_set_subtitle (self->editors[i], text);
    }
}

static void
elab_entropy_page_document_changed (ElabPage *page,
                                    guint     what)
{
  ElabEntropyPage *self = ELAB_ENTROPY_PAGE (page);

  if (what & ELAB_CHANGE_LOOK)
    update_colors (self);

  if (what & (ELAB_CHANGE_MODELS | ELAB_CHANGE_RANGE | ELAB_CHANGE_UNIT))
    {
      update_means (self);
      elab_entropy_page_hover_changed (page, elab_plot_view_get_hover_x (self->plot_view));
    }
}

static void
elab_entropy_page_finalize (GObject *object)
{
  ElabEntropyPage *self = ELAB_ENTROPY_PAGE (object);

  g_clear_pointer (&self->curves, elab_model_curves_free);

  G_OBJECT_CLASS (elab_entropy_page_parent_class)->finalize (object);
}

static void
elab_entropy_page_class_init (ElabEntropyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ElabPageClass *page_class = ELAB_PAGE_CLASS (klass);

  object_class->finalize = elab_entropy_page_finalize;

  page_class->document_changed = elab_entropy_page_document_changed;
  page_class->hover_changed = elab_entropy_page_hover_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entropylab/EntropyLab/ui/elab-entropy-page.ui");
  elab_page_class_bind_template (widget_class);
  elab_page_class_set_panel_keep (widget_class,
                                  ELAB_PRESENTATION_KEEP_A | ELAB_PRESENTATION_KEEP_B | ELAB_PRESENTATION_KEEP_C);
  gtk_widget_class_bind_template_child (widget_class, ElabEntropyPage, editor_a);
  gtk_widget_class_bind_template_child (widget_class, ElabEntropyPage, editor_b);
  gtk_widget_class_bind_template_child (widget_class, ElabEntropyPage, editor_c);
  gtk_widget_class_bind_template_child (widget_class, ElabEntropyPage, range_editor);
  gtk_widget_class_bind_template_child (widget_class, ElabEntropyPage, plot_view);

  g_type_ensure (ELAB_TYPE_MODEL_EDITOR);
  g_type_ensure (ELAB_TYPE_RANGE_EDITOR);
}

static void
elab_entropy_page_init (ElabEntropyPage *self)
{
  static const char *names[] = { "A", "B", "C" };
  static const ElabModelParams params[] = {
    { "model-a-theta", "model-a-bias", "model-a-enabled", "output-a" },
    { "model-b-theta", "model-b-bias", "model-b-enabled", "output-b" },
    { "model-c-theta", "model-c-bias", "model-c-enabled", "output-c" },
  };
  ElabBindingGroup *bindings = elab_page_get_bindings (ELAB_PAGE (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  elab_page_add_plot_view (ELAB_PAGE (self), self->plot_view);
  elab_range_editor_bind (self->range_editor, bindings);

  self->curves = elab_model_curves_new (ELAB_MAX_SAMPLES);
  self->editors[0] = self->editor_a;
  self->editors[1] = self->editor_b;
  self->editors[2] = self->editor_c;
  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    {
      elab_model_editor_set_name (self->editors[i], names[i]);
      elab_model_editor_bind (self->editors[i], bindings, &params[i]);
    }
}

GtkWidget *
elab_entropy_page_new (ElabDocument *document)
{
  return g_object_new (ELAB_TYPE_ENTROPY_PAGE, "document", document, NULL);
}
