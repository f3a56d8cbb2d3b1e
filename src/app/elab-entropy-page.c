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
#include <adwaita.h>

#include "elab-curves.h"
#include "elab-entropy-page.h"
#include "elab-format.h"
#include "elab-number.h"
#include "elab-range-editor.h"

struct _ElabEntropyPage
{
  GtkWidget        parent_instance;

  /* Template widgets */
  ElabModelEditor *editor_a;
  ElabModelEditor *editor_b;
  ElabModelEditor *editor_c;
  ElabRangeEditor *range_editor;
  ElabPlotView    *plot_view;

  /* Owned */
  ElabDocument    *document;
  ElabModelCurves *curves;
  char            *mean_text[ELAB_MAX_MODELS];
  gulong           changed_id;
  gulong           dark_id;

  ElabModelEditor *editors[ELAB_MAX_MODELS];
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ElabEntropyPage, elab_entropy_page, GTK_TYPE_WIDGET)

static void
update_means (ElabEntropyPage *self)
{
  const ElabState *state = elab_document_get_state (self->document);

  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    {
      g_autofree char *value = NULL;

      /* The same trapezoid mean over the same samples as the figure's legend. */
      elab_model_curves_compute (self->curves, &state->models[i],
                                 state->x_min, state->x_max,
                                 MIN (state->samples, ELAB_MAX_SAMPLES), state->unit);
      value = elab_format_value (self->curves->mean_h, state->unit);
      g_free (self->mean_text[i]);
      self->mean_text[i] = g_strdup_printf ("mean H = %s", value);
      elab_model_editor_set_mean_text (self->editors[i], self->mean_text[i]);
    }
}

static void
update_colors (ElabEntropyPage *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  ElabPalette palette = ELAB_PALETTE_DEFAULT;

  if (self->document != NULL)
    palette = elab_document_get_state (self->document)->palette;

  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    {
      GdkRGBA color;

      elab_palette_color (palette, dark, i, &color);
      elab_model_editor_set_color (self->editors[i], &color);
    }
}

/* Every model's value at the hovered x, under its name: the figure marks
 * the points, the panel gives the numbers. */
static void
update_hover (ElabEntropyPage *self)
{
  const ElabState *state;
  double x = elab_plot_view_get_hover_x (self->plot_view);

  if (self->document == NULL)
    return;

  /* The x the figure marks its points at (elab-figure-entropy.c): the
   * hovered x inside the range, else x = 1 kept inside the range. A
   * remembered x would disagree with the figure once the pointer left or
   * the range changed. */
  state = elab_document_get_state (self->document);
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
document_changed_cb (ElabDocument    *document,
                     guint            what,
                     ElabEntropyPage *self)
{
  if (what & ELAB_CHANGE_LOOK)
    update_colors (self);

  if (what & (ELAB_CHANGE_MODELS | ELAB_CHANGE_RANGE | ELAB_CHANGE_UNIT))
    update_means (self);

  if (what & (ELAB_CHANGE_MODELS | ELAB_CHANGE_RANGE | ELAB_CHANGE_UNIT))
    update_hover (self);
}

static void
dark_changed_cb (ElabEntropyPage *self)
{
  update_colors (self);
}

static void
elab_entropy_page_dispose (GObject *object)
{
  ElabEntropyPage *self = ELAB_ENTROPY_PAGE (object);

  elab_entropy_page_set_document (self, NULL);
  g_clear_signal_handler (&self->dark_id, adw_style_manager_get_default ());
  gtk_widget_dispose_template (GTK_WIDGET (object), ELAB_TYPE_ENTROPY_PAGE);
  /* The template's root box is not a bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (elab_entropy_page_parent_class)->dispose (object);
}

static void
elab_entropy_page_finalize (GObject *object)
{
  ElabEntropyPage *self = ELAB_ENTROPY_PAGE (object);

  g_clear_pointer (&self->curves, elab_model_curves_free);
  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    g_free (self->mean_text[i]);

  G_OBJECT_CLASS (elab_entropy_page_parent_class)->finalize (object);
}

static void
elab_entropy_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ElabEntropyPage *self = ELAB_ENTROPY_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
elab_entropy_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ElabEntropyPage *self = ELAB_ENTROPY_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      elab_entropy_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
elab_entropy_page_class_init (ElabEntropyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = elab_entropy_page_dispose;
  object_class->finalize = elab_entropy_page_finalize;
  object_class->get_property = elab_entropy_page_get_property;
  object_class->set_property = elab_entropy_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         ELAB_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entropylab/EntropyLab/ui/elab-entropy-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ElabEntropyPage, editor_a);
  gtk_widget_class_bind_template_child (widget_class, ElabEntropyPage, editor_b);
  gtk_widget_class_bind_template_child (widget_class, ElabEntropyPage, editor_c);
  gtk_widget_class_bind_template_child (widget_class, ElabEntropyPage, range_editor);
  gtk_widget_class_bind_template_child (widget_class, ElabEntropyPage, plot_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (ELAB_TYPE_MODEL_EDITOR);
  g_type_ensure (ELAB_TYPE_RANGE_EDITOR);
  g_type_ensure (ELAB_TYPE_PLOT_VIEW);
}

static void
elab_entropy_page_init (ElabEntropyPage *self)
{
  static const char *names[] = { "A", "B", "C" };
  static const char *params[][3] = {
    { "model-a-theta", "model-a-bias", "model-a-enabled" },
    { "model-b-theta", "model-b-bias", "model-b-enabled" },
    { "model-c-theta", "model-c-bias", "model-c-enabled" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->curves = elab_model_curves_new (ELAB_MAX_SAMPLES);
  self->editors[0] = self->editor_a;
  self->editors[1] = self->editor_b;
  self->editors[2] = self->editor_c;
  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    {
      elab_model_editor_set_name (self->editors[i], names[i]);
      g_object_set (self->editors[i],
                    "theta-param", params[i][0],
                    "bias-param", params[i][1],
                    "enabled-param", params[i][2],
                    NULL);
      g_object_bind_property (self, "document", self->editors[i], "document", G_BINDING_SYNC_CREATE);
    }

  self->dark_id = g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                                            G_CALLBACK (dark_changed_cb), self);
  g_signal_connect_swapped (self->plot_view, "notify::hover-x", G_CALLBACK (update_hover), self);
  update_colors (self);
}

GtkWidget *
elab_entropy_page_new (ElabDocument *document)
{
  return g_object_new (ELAB_TYPE_ENTROPY_PAGE, "document", document, NULL);
}

ElabDocument *
elab_entropy_page_get_document (ElabEntropyPage *self)
{
  g_return_val_if_fail (ELAB_IS_ENTROPY_PAGE (self), NULL);

  return self->document;
}

void
elab_entropy_page_set_document (ElabEntropyPage *self,
                                ElabDocument    *document)
{
  g_return_if_fail (ELAB_IS_ENTROPY_PAGE (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);

  elab_plot_view_set_document (self->plot_view, document);
  elab_range_editor_set_document (self->range_editor, document);

  if (document != NULL)
    {
      self->changed_id = g_signal_connect (document, "changed",
                                           G_CALLBACK (document_changed_cb), self);
      update_means (self);
      update_hover (self);
      update_colors (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

ElabPlotView *
elab_entropy_page_get_plot_view (ElabEntropyPage *self)
{
  g_return_val_if_fail (ELAB_IS_ENTROPY_PAGE (self), NULL);

  return self->plot_view;
}

ElabModelEditor *
elab_entropy_page_get_model_editor (ElabEntropyPage *self,
                                    guint            index)
{
  g_return_val_if_fail (ELAB_IS_ENTROPY_PAGE (self), NULL);
  g_return_val_if_fail (index < ELAB_MAX_MODELS, NULL);

  return self->editors[index];
}

const char *
elab_entropy_page_get_mean_text (ElabEntropyPage *self,
                                 guint            index)
{
  g_return_val_if_fail (ELAB_IS_ENTROPY_PAGE (self), NULL);
  g_return_val_if_fail (index < ELAB_MAX_MODELS, NULL);

  return self->mean_text[index];
}
