/* elab-cross-entropy-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The true distribution p and the model q, a swap that shows H(p,q) is not
 * H(q,p), the means over the x range, and the formula at the hovered x
 * with its numbers substituted.
 */
#define G_LOG_DOMAIN "elab-cross-entropy-page"

#include "elab-config.h"

#include <math.h>

#include "elab-cross-entropy-page.h"
#include "elab-curves.h"
#include "elab-format.h"
#include "elab-model-editor.h"
#include "elab-number.h"
#include "elab-range-editor.h"

struct _ElabCrossEntropyPage
{
  ElabPage         parent_instance;

  /* Template widgets */
  ElabModelEditor *editor_p;
  ElabModelEditor *editor_q;
  GtkButton       *swap_button;
  GtkDropDown     *kl_gap_dropdown;
  GtkWidget       *formula_switch;
  GtkLabel        *h_p_label;
  GtkLabel        *h_q_label;
  GtkLabel        *h_pq_label;
  GtkLabel        *h_qp_label;
  GtkLabel        *kl_pq_label;
  GtkLabel        *kl_qp_label;
  GtkLabel        *formula_title;
  GtkLabel        *formula_label;
  ElabRangeEditor *range_editor;
  ElabPlotView    *plot_view;

  /* Owned */
  ElabPairCurves  *curves;

  double           readout_x;
};

G_DEFINE_FINAL_TYPE (ElabCrossEntropyPage, elab_cross_entropy_page, ELAB_TYPE_PAGE)

static void
set_value_label (GtkLabel *label,
                 double    value,
                 ElabUnit  unit)
{
  g_autofree char *text = elab_format_value (value, unit);

  elab_label_set (label, text);
}

static void
update_means (ElabCrossEntropyPage *self)
{
  const ElabState *state = elab_document_get_state (elab_page_get_document (ELAB_PAGE (self)));
  ElabPairCurves *c = self->curves;

  elab_pair_curves_compute (c, &state->p, &state->q, state->x_min, state->x_max,
                            MIN (state->samples, ELAB_MAX_SAMPLES), state->unit);
  set_value_label (self->h_p_label, c->mean_h_p, state->unit);
  set_value_label (self->h_q_label, c->mean_h_q, state->unit);
  set_value_label (self->h_pq_label, c->mean_h_pq, state->unit);
  set_value_label (self->h_qp_label, c->mean_h_qp, state->unit);
  set_value_label (self->kl_pq_label, c->mean_kl_pq, state->unit);
  set_value_label (self->kl_qp_label, c->mean_kl_qp, state->unit);
}

/* One line "−[a·log b + (1−a)·log (1−b)] = v unit" from probabilities given
 * with their complements, which are computed from the logits so that they
 * keep their tails. */
static char *
format_term (const char *name,
             double      a,
             double      a_bar,
             double      b,
             double      b_bar,
             double      value,
             ElabUnit    unit)
{
  g_autofree char *sa = elab_number_dup (a, ELAB_NUMBER_SHORT);
  g_autofree char *sa_bar = elab_number_dup (a_bar, ELAB_NUMBER_SHORT);
  g_autofree char *sb = elab_number_dup (b, ELAB_NUMBER_SHORT);
  g_autofree char *sb_bar = elab_number_dup (b_bar, ELAB_NUMBER_SHORT);
  g_autofree char *sv = elab_number_dup (value, ELAB_NUMBER_SHORT);
  const char *log = elab_format_log (unit);

  return g_strdup_printf ("%s = −[%s·%s %s + %s·%s %s] = %s %s",
                          name, sa, log, sb, sa_bar, log, sb_bar, sv,
                          elab_unit_to_string (unit));
}

static void
update_formula (ElabCrossEntropyPage *self)
{
  const ElabState *state = elab_document_get_state (elab_page_get_document (ELAB_PAGE (self)));
  double x = self->readout_x;
  double zp = elab_logistic_logit (&state->p, x);
  double zq = elab_logistic_logit (&state->q, x);
  double p = elab_sigmoid (zp), p_bar = elab_sigmoid (-zp);
  double q = elab_sigmoid (zq), q_bar = elab_sigmoid (-zq);
  ElabPairPoint pt;
  g_autofree char *sx = elab_number_dup (x, ELAB_NUMBER_PARAMETER);
  g_autofree char *title = NULL;
  g_autofree char *l_hp = NULL;
  g_autofree char *l_hpq = NULL;
  g_autofree char *l_hqp = NULL;
  g_autofree char *kl_pq = NULL;
  g_autofree char *kl_qp = NULL;
  g_autofree char *formula = NULL;
  gboolean sub = state->notation == ELAB_NOTATION_SUBSCRIPT;

  elab_pair_point (&state->p, &state->q, x, state->unit, &pt);

  title = g_strdup_printf ("At x = %s", sx);
  /* The notation switch: H(p,q) or the subscript form H_q(p) (markup). */
  l_hp = format_term ("H(p)   ", p, p_bar, p, p_bar, pt.h_p, state->unit);
  l_hpq = format_term (sub ? "H<sub>q</sub>(p)  " : "H(p,q) ", p, p_bar, q, q_bar, pt.h_pq, state->unit);
  l_hqp = format_term (sub ? "H<sub>p</sub>(q)  " : "H(q,p) ", q, q_bar, p, p_bar, pt.h_qp, state->unit);
  kl_pq = elab_number_dup (pt.kl_pq, ELAB_NUMBER_SHORT);
  kl_qp = elab_number_dup (pt.kl_qp, ELAB_NUMBER_SHORT);

  formula = g_strdup_printf ("%s\n%s\n%s\n"
                                   "KL(p‖q) = %s − H(p) = %s %s\n"
                                   "KL(q‖p) = %s − H(q) = %s %s",
                                   l_hp, l_hpq, l_hqp,
                                   sub ? "H<sub>q</sub>(p)" : "H(p,q)", kl_pq, elab_unit_to_string (state->unit),
                                   sub ? "H<sub>p</sub>(q)" : "H(q,p)", kl_qp, elab_unit_to_string (state->unit));
  elab_label_set (self->formula_title, title);
  /* Only our own numbers and names go in: safe as markup. */
  elab_label_set_markup (self->formula_label, formula);
}

static void
update_colors (ElabCrossEntropyPage *self)
{
  GdkRGBA color;

  elab_page_get_model_color (ELAB_PAGE (self), 0, &color);
  elab_model_editor_set_color (self->editor_p, &color);
  /* The figure draws H(q) in its third series colour. */
  elab_page_get_model_color (ELAB_PAGE (self), 2, &color);
  elab_model_editor_set_color (self->editor_q, &color);
}

static void
elab_cross_entropy_page_document_changed (ElabPage *page,
                                          guint     what)
{
  ElabCrossEntropyPage *self = ELAB_CROSS_ENTROPY_PAGE (page);

  if (what & ELAB_CHANGE_LOOK)
    {
      update_colors (self);
      update_formula (self);
    }

  if (what & (ELAB_CHANGE_PAIR | ELAB_CHANGE_RANGE | ELAB_CHANGE_UNIT))
    {
      update_means (self);
      update_formula (self);
    }
}

static void
elab_cross_entropy_page_hover_changed (ElabPage *page,
                                       double    x)
{
  ElabCrossEntropyPage *self = ELAB_CROSS_ENTROPY_PAGE (page);

  /* Keep the last hovered x when the pointer leaves, so the numbers stay
   * up while the teacher talks about them. */
  if (isnan (x))
    return;

  self->readout_x = x;
  update_formula (self);
}

/* Exchanges p and q: H(p,q) is not H(q,p). */
static void
swap_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ElabDocument *document = elab_page_get_document (ELAB_PAGE (widget));
  ElabState *state;
  ElabLogistic tmp;

  if (document == NULL)
    return;

  state = elab_document_edit (document);
  tmp = state->p;
  state->p = state->q;
  state->q = tmp;
  elab_document_changed (document, ELAB_CHANGE_PAIR);
}

static void
elab_cross_entropy_page_finalize (GObject *object)
{
  ElabCrossEntropyPage *self = ELAB_CROSS_ENTROPY_PAGE (object);

  g_clear_pointer (&self->curves, elab_pair_curves_free);

  G_OBJECT_CLASS (elab_cross_entropy_page_parent_class)->finalize (object);
}

static void
elab_cross_entropy_page_class_init (ElabCrossEntropyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ElabPageClass *page_class = ELAB_PAGE_CLASS (klass);

  object_class->finalize = elab_cross_entropy_page_finalize;

  page_class->document_changed = elab_cross_entropy_page_document_changed;
  page_class->hover_changed = elab_cross_entropy_page_hover_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entropylab/EntropyLab/ui/elab-cross-entropy-page.ui");
  elab_page_class_bind_template (widget_class);
  elab_page_class_set_panel_keep (widget_class, ELAB_PRESENTATION_KEEP_P | ELAB_PRESENTATION_KEEP_Q);
  gtk_widget_class_bind_template_child (widget_class, ElabCrossEntropyPage, editor_p);
  gtk_widget_class_bind_template_child (widget_class, ElabCrossEntropyPage, editor_q);
  gtk_widget_class_bind_template_child (widget_class, ElabCrossEntropyPage, swap_button);
  gtk_widget_class_bind_template_child (widget_class, ElabCrossEntropyPage, kl_gap_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ElabCrossEntropyPage, formula_switch);
  gtk_widget_class_bind_template_child (widget_class, ElabCrossEntropyPage, h_p_label);
  gtk_widget_class_bind_template_child (widget_class, ElabCrossEntropyPage, h_q_label);
  gtk_widget_class_bind_template_child (widget_class, ElabCrossEntropyPage, h_pq_label);
  gtk_widget_class_bind_template_child (widget_class, ElabCrossEntropyPage, h_qp_label);
  gtk_widget_class_bind_template_child (widget_class, ElabCrossEntropyPage, kl_pq_label);
  gtk_widget_class_bind_template_child (widget_class, ElabCrossEntropyPage, kl_qp_label);
  gtk_widget_class_bind_template_child (widget_class, ElabCrossEntropyPage, formula_title);
  gtk_widget_class_bind_template_child (widget_class, ElabCrossEntropyPage, formula_label);
  gtk_widget_class_bind_template_child (widget_class, ElabCrossEntropyPage, range_editor);
  gtk_widget_class_bind_template_child (widget_class, ElabCrossEntropyPage, plot_view);

  gtk_widget_class_install_action (widget_class, "cross-entropy.swap", NULL, swap_action);

  g_type_ensure (ELAB_TYPE_MODEL_EDITOR);
  g_type_ensure (ELAB_TYPE_RANGE_EDITOR);
}

static void
elab_cross_entropy_page_init (ElabCrossEntropyPage *self)
{
  ElabBindingGroup *bindings = elab_page_get_bindings (ELAB_PAGE (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  elab_page_add_plot_view (ELAB_PAGE (self), self->plot_view);
  elab_range_editor_bind (self->range_editor, bindings);

  /* At x = 1 the lesson's defaults read H(p,q) = −[0.73·log₂ 0.88 + …]. */
  self->readout_x = 1.0;
  self->curves = elab_pair_curves_new (ELAB_MAX_SAMPLES);

  elab_model_editor_set_name (self->editor_p, "p");
  elab_model_editor_set_subtitle (self->editor_p, "the true distribution");
  elab_model_editor_set_name (self->editor_q, "q");
  elab_model_editor_set_subtitle (self->editor_q, "the model");
  elab_model_editor_bind (self->editor_p, bindings,
                          &(ElabModelParams) { "p-theta", "p-bias", NULL, "output-p" });
  elab_model_editor_bind (self->editor_q, bindings,
                          &(ElabModelParams) { "q-theta", "q-bias", NULL, "output-q" });

  /* The gap shaded, the formula on the figure. */
  elab_binding_group_bind_drop_down (bindings, "kl-gap", self->kl_gap_dropdown);
  elab_binding_group_bind_toggle (bindings, "formula", self->formula_switch);
}

GtkWidget *
elab_cross_entropy_page_new (ElabDocument *document)
{
  return g_object_new (ELAB_TYPE_CROSS_ENTROPY_PAGE, "document", document, NULL);
}
