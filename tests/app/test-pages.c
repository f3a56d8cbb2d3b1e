/* test-pages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Widget tests of the pages: move a control as a person would (through
 * its GtkAdjustment or a click), then check the shared state, the read-outs
 * and the pixels the plot widget draws.
 */
#include "elab-config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "elab-application.h"
#include "elab-cross-entropy-page.h"
#include "elab-entropy-page.h"
#include "elab-model-editor.h"
#include "elab-range-editor.h"
#include "elab-settings.h"
#include "elab-softmax-page.h"
#include "elab-window.h"

#include "app-test-util.h"

/* The widget's own snapshot, rendered to pixels. */
static GBytes *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *bytes;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       cairo_image_surface_get_stride (surface) * height);
  cairo_surface_destroy (surface);
  return bytes;
}

static GtkWindow *
show_in_window (GtkWidget *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1100, 760);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  return window;
}

static void
destroy_and_check (GtkWindow    *window,
                   GtkWidget    *page,
                   ElabDocument *document)
{
  g_object_ref (page);
  gtk_window_destroy (window);
  g_assert_finalize_object (page);
  g_assert_finalize_object (document);
}

/* The mean-entropy read-out of the model editor @id ("editor_a"), as
 * it shows it. */
static const char *
mean_text (ElabEntropyPage *page,
           const char      *id)
{
  GObject *editor = template_child (page, ELAB_TYPE_ENTROPY_PAGE, id);

  return gtk_label_get_label (GTK_LABEL (template_child (editor, ELAB_TYPE_MODEL_EDITOR, "mean_label")));
}

static void
test_entropy_page_slider (void)
{
  ElabDocument *document = elab_document_new ();
  GtkWidget *page = elab_entropy_page_new (document);
  ElabEntropyPage *self = ELAB_ENTROPY_PAGE (page);
  ElabPlotView *view = elab_page_get_plot_view (ELAB_PAGE (self));
  GtkWindow *window = show_in_window (page);
  GObject *editor = template_child (self, ELAB_TYPE_ENTROPY_PAGE, "editor_a");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *mean_before = NULL;
  guint frames;

  wait_for_frame (view, 0);
  before = render (GTK_WIDGET (view));
  mean_before = g_strdup (mean_text (self, "editor_a"));
  g_assert_nonnull (strstr (mean_before, "bits"));

  frames = frames_of (view);
  gtk_adjustment_set_value (GTK_ADJUSTMENT (template_child (editor, ELAB_TYPE_MODEL_EDITOR, "theta_adjustment")), 4.5);
  gtk_adjustment_set_value (GTK_ADJUSTMENT (template_child (editor, ELAB_TYPE_MODEL_EDITOR, "bias_adjustment")), -1.25);

  g_assert_cmpfloat (elab_document_get_state (document)->models[0].theta, ==, 4.5);
  g_assert_cmpfloat (elab_document_get_state (document)->models[0].bias, ==, -1.25);
  /* The read-out follows at once, without waiting for a frame. */
  g_assert_cmpstr (mean_text (self, "editor_a"), !=, mean_before);

  wait_for_frame (view, frames);
  after = render (GTK_WIDGET (view));
  g_assert_false (g_bytes_equal (before, after));

  /* The switch hides model B. */
  editor = template_child (self, ELAB_TYPE_ENTROPY_PAGE, "editor_b");
  gtk_switch_set_active (GTK_SWITCH (template_child (editor, ELAB_TYPE_MODEL_EDITOR, "enabled_switch")), FALSE);
  g_assert_false (elab_document_get_state (document)->model_enabled[1]);

  /* An edit made elsewhere (a preset, another page) reaches the controls. */
  elab_document_edit (document)->models[2].theta = -3;
  elab_document_changed (document, ELAB_CHANGE_MODELS);
  editor = template_child (self, ELAB_TYPE_ENTROPY_PAGE, "editor_c");
  g_assert_cmpfloat (gtk_adjustment_get_value (GTK_ADJUSTMENT (template_child (editor, ELAB_TYPE_MODEL_EDITOR,
                                                                               "theta_adjustment"))),
                     ==, -3);

  destroy_and_check (window, page, document);
}

static void
test_entropy_page_unit (void)
{
  ElabDocument *document = elab_document_new ();
  GtkWidget *page = elab_entropy_page_new (document);
  ElabEntropyPage *self = ELAB_ENTROPY_PAGE (page);
  g_autofree char *bits = NULL;
  double v_bits, v_nats;

  g_object_ref_sink (page);
  bits = g_strdup (mean_text (self, "editor_a"));
  elab_document_set_unit (document, ELAB_UNIT_NATS);
  g_assert_nonnull (strstr (mean_text (self, "editor_a"), "nats"));

  /* "mean H = 0.391 bits" → the number, which scales by ln 2. */
  v_bits = g_ascii_strtod (strchr (bits, '=') + 1, NULL);
  v_nats = g_ascii_strtod (strchr (mean_text (self, "editor_a"), '=') + 1, NULL);
  g_assert_cmpfloat_with_epsilon (v_nats, v_bits * G_LN2, 2e-3);

  g_assert_finalize_object (page);
  g_assert_finalize_object (document);
}

/* Its own drop-down for the KL gap and switch for the worked formula,
 * bound to their parameters both ways. */
static GtkWidget *
find_shown (GtkWidget *widget,
            GType      type)
{
  /* Shown ones only: a model editor keeps its (hidden) on/off switch. */
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_shown (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every shown widget of @type under @widget, in tree order. */
static void
find_all (GtkWidget *widget,
          GType      type,
          GPtrArray *res)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (res, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    find_all (c, type, res);
}

/* p's and q's output drop-downs, then the KL gap's; the formula's switch. */
static void
test_cross_entropy_gap_and_formula (void)
{
  ElabDocument *document = elab_document_new ();
  GtkWidget *page = elab_cross_entropy_page_new (document);
  GtkWindow *window = show_in_window (page);
  g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
  GtkDropDown *gap, *output_q;
  GtkSwitch *formula = GTK_SWITCH (find_shown (page, GTK_TYPE_SWITCH));

  find_all (page, GTK_TYPE_DROP_DOWN, drop_downs);
  g_assert_cmpuint (drop_downs->len, ==, 3);
  output_q = g_ptr_array_index (drop_downs, 1);
  gap = g_ptr_array_index (drop_downs, 2);
  g_assert_nonnull (formula);

  /* The normalised tanh output, both ways. */
  g_assert_cmpuint (gtk_drop_down_get_selected (output_q), ==, ELAB_OUTPUT_LOGISTIC);
  gtk_drop_down_set_selected (output_q, ELAB_OUTPUT_TANH);
  g_assert_cmpint (elab_document_get_state (document)->q.output, ==, ELAB_OUTPUT_TANH);
  g_assert_true (elab_document_set_string (document, "output-q", "logistic", NULL));
  g_assert_cmpuint (gtk_drop_down_get_selected (output_q), ==, ELAB_OUTPUT_LOGISTIC);

  g_assert_cmpuint (gtk_drop_down_get_selected (gap), ==, ELAB_KL_GAP_PQ);
  g_assert_true (elab_document_set_string (document, "kl-gap", "both", NULL));
  g_assert_cmpuint (gtk_drop_down_get_selected (gap), ==, ELAB_KL_GAP_BOTH);
  gtk_drop_down_set_selected (gap, ELAB_KL_GAP_QP);
  g_assert_cmpint (elab_document_get_state (document)->kl_gap, ==, ELAB_KL_GAP_QP);

  g_assert_cmpint (gtk_switch_get_active (formula), ==, elab_document_get_state (document)->formula);
  gtk_switch_set_active (formula, !gtk_switch_get_active (formula));
  g_assert_cmpint (gtk_switch_get_active (formula), ==, elab_document_get_state (document)->formula);

  gtk_window_destroy (window);
  g_object_unref (document);
}

static void
test_cross_entropy_swap (void)
{
  ElabDocument *document = elab_document_new ();
  GtkWidget *page = elab_cross_entropy_page_new (document);
  ElabCrossEntropyPage *self = ELAB_CROSS_ENTROPY_PAGE (page);
  ElabPlotView *view = elab_page_get_plot_view (ELAB_PAGE (self));
  GtkWindow *window = show_in_window (page);
  GObject *p = template_child (self, ELAB_TYPE_CROSS_ENTROPY_PAGE, "editor_p");
  GObject *q = template_child (self, ELAB_TYPE_CROSS_ENTROPY_PAGE, "editor_q");
  GtkLabel *formula_label = GTK_LABEL (template_child (self, ELAB_TYPE_CROSS_ENTROPY_PAGE, "formula_label"));
  GObject *swap = template_child (self, ELAB_TYPE_CROSS_ENTROPY_PAGE, "swap_button");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *formula = NULL;
  guint frames;

  /* The lesson's defaults at x = 1 give the example numbers:
   * p = σ(1) = 0.731, q = σ(2) = 0.881, and −[0.731·log₂ 0.881 +
   * 0.269·log₂ 0.119] = 0.960 bits (the "1.17" was a slip). */
  g_assert_nonnull (strstr (gtk_label_get_label (formula_label),
                            "H(p,q)  = −[0.73·log₂ 0.88 + 0.27·log₂ 0.12] = 0.96 bits"));

  wait_for_frame (view, 0);
  gtk_adjustment_set_value (GTK_ADJUSTMENT (template_child (p, ELAB_TYPE_MODEL_EDITOR, "theta_adjustment")), 0.5);
  gtk_adjustment_set_value (GTK_ADJUSTMENT (template_child (q, ELAB_TYPE_MODEL_EDITOR, "bias_adjustment")), 1.5);
  g_assert_cmpfloat (elab_document_get_state (document)->p.theta, ==, 0.5);
  g_assert_cmpfloat (elab_document_get_state (document)->q.bias, ==, 1.5);

  frames = frames_of (view);
  wait_for_frame (view, frames);
  before = render (GTK_WIDGET (view));
  formula = g_strdup (gtk_label_get_label (formula_label));

  frames = frames_of (view);
  g_signal_emit_by_name (swap, "clicked");

  g_assert_cmpfloat (elab_document_get_state (document)->p.theta, ==, 2.0);
  g_assert_cmpfloat (elab_document_get_state (document)->p.bias, ==, 1.5);
  g_assert_cmpfloat (elab_document_get_state (document)->q.theta, ==, 0.5);
  g_assert_cmpfloat (elab_document_get_state (document)->q.bias, ==, 0.0);
  g_assert_cmpfloat (gtk_adjustment_get_value (GTK_ADJUSTMENT (template_child (p, ELAB_TYPE_MODEL_EDITOR, "theta_adjustment"))),
                     ==, 2.0);
  g_assert_cmpfloat (gtk_adjustment_get_value (GTK_ADJUSTMENT (template_child (q, ELAB_TYPE_MODEL_EDITOR, "theta_adjustment"))),
                     ==, 0.5);
  g_assert_cmpstr (gtk_label_get_label (formula_label), !=, formula);

  wait_for_frame (view, frames);
  after = render (GTK_WIDGET (view));
  g_assert_false (g_bytes_equal (before, after));

  /* Swapping twice is the identity. */
  g_signal_emit_by_name (swap, "clicked");
  g_assert_cmpfloat (elab_document_get_state (document)->p.theta, ==, 0.5);
  g_assert_cmpstr (gtk_label_get_label (formula_label), ==, formula);

  destroy_and_check (window, page, document);
}

/* Logit @index's adjustment: its slider's, in its row of the logits. */
static GtkAdjustment *
logit_adjustment (ElabSoftmaxPage *page,
                  guint            index)
{
  GtkGrid *grid = GTK_GRID (template_child (page, ELAB_TYPE_SOFTMAX_PAGE, "logits_grid"));

  return gtk_range_get_adjustment (GTK_RANGE (gtk_grid_get_child_at (grid, 1, index)));
}

/* Presses or releases every slider under @widget, as a drag does. */
static void
set_sliders_active (GtkWidget *widget,
                    gboolean   active)
{
  if (GTK_IS_RANGE (widget))
    {
      if (active)
        gtk_widget_set_state_flags (widget, GTK_STATE_FLAG_ACTIVE, FALSE);
      else
        gtk_widget_unset_state_flags (widget, GTK_STATE_FLAG_ACTIVE);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_sliders_active (child, active);
}

/* The side panel's read-outs change length as the numbers change (a minus
 * sign, another digit, 10⁻⁹, ∞); the plot beside them keeps its width, or
 * it would jump during a drag and be laid out and drawn anew at another
 * size in the middle of it. */
static void
check_plot_width_stable (GtkWidget    *page,
                         ElabDocument *document,
                         ElabPlotView *view)
{
  static const double odd[] = { -19.99, 19.99, 1e-9, -1e-9, 1e6, 0.001, 7.5, -0.004, 12.0, 3.0 };
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  int width;

  gtk_window_set_default_size (window, 1400, 900);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  wait_for_frame (view, 0);
  width = gtk_widget_get_width (GTK_WIDGET (view));
  g_assert_cmpint (width, >, 700);

  /* A slider pressed and dragged across its range (model A, p, z₁), then
   * odd values (tiny, huge) in bits and in nats, then released. */
  for (guint i = 0; i <= 100; i++)
    {
      ElabState state = *elab_document_get_state (document);
      double v = i < 80 ? -3.0 + 0.1 * i : i < 100 ? odd[i % G_N_ELEMENTS (odd)] : 1.0;
      guint frames = frames_of (view);

      state.models[0].theta = state.p.theta = v;
      state.models[0].bias = state.p.bias = i < 80 ? 0.0 : v / 2;
      state.logits[0] = v;
      state.unit = i >= 90 && i < 100 ? ELAB_UNIT_NATS : ELAB_UNIT_BITS;
      elab_document_set_state (document, &state);
      set_sliders_active (page, i < 100);
      wait_for_frame (view, frames);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), ==, width);
    }
  destroy_and_check (window, page, document);
}

static void
test_plot_width_stable (void)
{
  ElabDocument *document = elab_document_new ();
  GtkWidget *page = elab_entropy_page_new (document);

  check_plot_width_stable (page, document,
                           elab_page_get_plot_view (ELAB_PAGE (page)));

  document = elab_document_new ();
  page = elab_cross_entropy_page_new (document);
  check_plot_width_stable (page, document,
                           elab_page_get_plot_view (ELAB_PAGE (page)));

  document = elab_document_new ();
  page = elab_softmax_page_new (document);
  check_plot_width_stable (page, document,
                           elab_page_get_plot_view (ELAB_PAGE (page)));
}

static void
test_softmax_page (void)
{
  ElabDocument *document = elab_document_new ();
  GtkWidget *page = elab_softmax_page_new (document);
  ElabSoftmaxPage *self = ELAB_SOFTMAX_PAGE (page);
  ElabPlotView *view = elab_page_get_plot_view (ELAB_PAGE (self));
  GtkWindow *window = show_in_window (page);
  const ElabState *state = elab_document_get_state (document);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  double sum = 0;
  guint frames;

  wait_for_frame (view, 0);
  before = render (GTK_WIDGET (view));

  frames = frames_of (view);
  gtk_adjustment_set_value (logit_adjustment (self, 0), -2.5);
  gtk_adjustment_set_value (GTK_ADJUSTMENT (template_child (self, ELAB_TYPE_SOFTMAX_PAGE, "temperature_adjustment")), 2.0);
  g_assert_cmpfloat (state->logits[0], ==, -2.5);
  g_assert_cmpfloat (state->temperature, ==, 2.0);
  wait_for_frame (view, frames);
  after = render (GTK_WIDGET (view));
  g_assert_false (g_bytes_equal (before, after));

  gtk_adjustment_set_value (GTK_ADJUSTMENT (template_child (self, ELAB_TYPE_SOFTMAX_PAGE, "k_adjustment")), 5);
  g_assert_cmpuint (state->k, ==, 5);
  for (guint i = 0; i < state->k; i++)
    sum += state->target[i];
  g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-12);
  g_assert_true (elab_state_validate (state, NULL));

  /* The switch for each class's terms on the figure (the first switch;
   * the logistic case's comes after it). */
  {
    g_autoptr(GPtrArray) switches = g_ptr_array_new ();
    GtkSwitch *terms;

    find_all (page, GTK_TYPE_SWITCH, switches);
    g_assert_cmpuint (switches->len, ==, 2);
    terms = g_ptr_array_index (switches, 0);
    g_assert_false (gtk_switch_get_active (terms));
    gtk_switch_set_active (terms, TRUE);
    g_assert_true (state->softmax_terms);
    g_assert_true (elab_document_set_string (document, "softmax-terms", "false", NULL));
    g_assert_false (gtk_switch_get_active (terms));
  }

  gtk_drop_down_set_selected (GTK_DROP_DOWN (template_child (self, ELAB_TYPE_SOFTMAX_PAGE, "target_dropdown")), 3);
  g_assert_cmpfloat (state->target[3], ==, 1.0);
  g_assert_cmpfloat (state->target[0], ==, 0.0);

  /* Any target, typed: label smoothing on K = 5; the entry shows the one in
   * force; a target that does not sum to 1 is refused and marked. */
  {
    GtkEntry *entry = GTK_ENTRY (template_child (self, ELAB_TYPE_SOFTMAX_PAGE, "target_entry"));
    GtkEditable *editable = GTK_EDITABLE (entry);

    g_assert_cmpstr (gtk_editable_get_text (editable), ==, "0, 0, 0, 1, 0");
    gtk_editable_set_text (editable, "0.9, 0.025, 0.025, 0.025, 0.025");
    g_signal_emit_by_name (entry, "activate");
    g_assert_cmpfloat (state->target[0], ==, 0.9);
    g_assert_cmpfloat (state->target[4], ==, 0.025);
    g_assert_true (elab_state_validate (state, NULL));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));

    gtk_editable_set_text (editable, "0.5, 0.5, 0.5, 0, 0");
    g_signal_emit_by_name (entry, "activate");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
    g_assert_cmpfloat (state->target[0], ==, 0.9);
    gtk_editable_set_text (editable, "0.9, 0.1");
    g_signal_emit_by_name (entry, "activate");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (entry)), "target"));
    g_assert_cmpuint (state->k, ==, 5);
    gtk_editable_set_text (editable, "0.9, 0.025, 0.025, 0.025, 0.025");
    g_signal_emit_by_name (entry, "activate");
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  }

  /* The logistic toggle takes K to 2 and shows σ agreeing with P₁. */
  gtk_switch_set_active (GTK_SWITCH (template_child (self, ELAB_TYPE_SOFTMAX_PAGE, "logistic_switch")), TRUE);
  g_assert_cmpuint (state->k, ==, 2);
  g_assert_true (elab_state_validate (state, NULL));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (template_child (self, ELAB_TYPE_SOFTMAX_PAGE, "logistic_label"))),
                            "The same"));

  destroy_and_check (window, page, document);
}

/* The model typed as probabilities in the window, as `softmax
 * --probabilities` takes it: the four-symbol code gives P back with K = 4
 * and T = 1 and the figure redraws; a list that does not sum to 1 is
 * refused, marked and explained under the entry; a 0 where the target
 * has mass is a logit of −∞, an infinite cross-entropy and a support
 * mismatch named under the entry. */
static void
test_softmax_probabilities (void)
{
  static const double code[] = { 0.125, 0.5, 0.125, 0.25 };
  ElabDocument *document = elab_document_new ();
  GtkWidget *page = elab_softmax_page_new (document);
  ElabSoftmaxPage *self = ELAB_SOFTMAX_PAGE (page);
  ElabPlotView *view = elab_page_get_plot_view (ELAB_PAGE (self));
  GtkWindow *window = show_in_window (page);
  const ElabState *state = elab_document_get_state (document);
  GtkEntry *entry = GTK_ENTRY (template_child (self, ELAB_TYPE_SOFTMAX_PAGE, "probabilities_entry"));
  GtkWidget *message = GTK_WIDGET (template_child (self, ELAB_TYPE_SOFTMAX_PAGE, "probabilities_message"));
  double probs[ELAB_SOFTMAX_MAX_K];
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  guint frames;

  wait_for_frame (view, 0);
  before = render (GTK_WIDGET (view));
  /* It shows the model in force: the default logits 2, 1, 0.1. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "0.659, 0.2424, 0.09857");
  g_assert_false (gtk_widget_get_visible (message));

  frames = frames_of (view);
  gtk_editable_set_text (GTK_EDITABLE (entry), "0.125, 0.5, 0.125, 0.25");
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpuint (state->k, ==, 4);
  g_assert_cmpfloat (state->temperature, ==, 1.0);
  elab_softmax (state->logits, state->k, state->temperature, probs);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat_with_epsilon (probs[i], code[i], 1e-15);
  g_assert_true (elab_state_validate (state, NULL));
  g_assert_cmpfloat (state->target[0], ==, 1.0);   /* one-hot on class 1 still */
  g_assert_false (gtk_widget_get_visible (message));
  wait_for_frame (view, frames);
  after = render (GTK_WIDGET (view));
  g_assert_false (g_bytes_equal (before, after));

  /* Refused: the model stays, the reason is on the page. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "0.5, 0.6");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpuint (state->k, ==, 4);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_true (gtk_widget_has_css_class (message, "error"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==,
                   "The values sum to 1.1; a distribution sums to 1");
  gtk_editable_set_text (GTK_EDITABLE (entry), "0.5, -0.5, 1");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==, "Value 2 must be \xe2\x89\xa5 0");

  /* log 0 made visible: class 1 has the target's mass and P = 0. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "0, 0.5, 0.25, 0.25");
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_true (isinf (state->logits[0]) && state->logits[0] < 0);
  /* Its slider goes to the bottom of its scale, not left where it was. */
  {
    GtkAdjustment *z1 = logit_adjustment (self, 0);

    GtkGrid *grid = GTK_GRID (template_child (self, ELAB_TYPE_SOFTMAX_PAGE, "logits_grid"));
    GtkWidget *spin = gtk_grid_get_child_at (grid, 2, 0);

    g_assert_cmpfloat (gtk_adjustment_get_value (z1), ==, gtk_adjustment_get_lower (z1));
    /* Its spin button says −∞, as the figure does, not the scale's −10;
     * read back, as when the focus leaves it, that changes nothing. */
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "\xe2\x88\x92\xe2\x88\x9e");
    gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
    g_assert_true (isinf (state->logits[0]) && state->logits[0] < 0);
    /* A finite logit again shows its number. */
    gtk_editable_set_text (GTK_EDITABLE (entry), "0.00001, 0.5, 0.25, 0.24999");
    g_signal_emit_by_name (entry, "activate");
    g_assert_true (isfinite (state->logits[0]));
    {
      g_autofree char *shown = g_strdup_printf ("%.2f", state->logits[0]);

      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, shown);
    }
    gtk_editable_set_text (GTK_EDITABLE (entry), "0, 0.5, 0.25, 0.25");
    g_signal_emit_by_name (entry, "activate");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "\xe2\x88\x92\xe2\x88\x9e");
  }
  g_assert_true (isinf (elab_softmax_cross_entropy (state->target, state->logits, state->k, state->temperature)));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_false (gtk_widget_has_css_class (message, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "Support mismatch: the target puts 1 on class 1"));
  /* A target off class 1 ends the mismatch, and its note. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (template_child (self, ELAB_TYPE_SOFTMAX_PAGE, "target_dropdown")), 1);
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "0, 0.5, 0.25, 0.25");

  destroy_and_check (window, page, document);
}

static void
test_range_editor (void)
{
  ElabDocument *document = elab_document_new ();
  ElabRangeEditor *editor = g_object_ref_sink (g_object_new (ELAB_TYPE_RANGE_EDITOR, NULL));
  ElabBindingGroup *group = elab_binding_group_new ();
  const ElabState *state = elab_document_get_state (document);
  GtkAdjustment *max = GTK_ADJUSTMENT (template_child (editor, ELAB_TYPE_RANGE_EDITOR, "max_adjustment"));

  elab_range_editor_bind (editor, group);
  elab_binding_group_set_document (group, document);
  gtk_adjustment_set_value (max, 10);
  g_assert_cmpfloat (state->x_max, ==, 10);

  /* A minimum moved past the maximum pushes it along: never an empty range. */
  gtk_adjustment_set_value (GTK_ADJUSTMENT (template_child (editor, ELAB_TYPE_RANGE_EDITOR, "min_adjustment")), 12);
  g_assert_cmpfloat (state->x_min, ==, 12);
  g_assert_cmpfloat (state->x_max, >, state->x_min);
  g_assert_cmpfloat (gtk_adjustment_get_value (max), ==, state->x_max);

  g_assert_finalize_object (group);
  g_assert_finalize_object (editor);
  g_assert_finalize_object (document);
}

static void
test_settings_round_trip (void)
{
  ElabState state, loaded;
  ElabSettings *settings;
  int width = 0, height = 0;
  gboolean maximized = FALSE;

  elab_state_init_default (&state);
  state.models[1].theta = 7.25;
  state.q.bias = -2;
  state.unit = ELAB_UNIT_NATS;
  state.page = ELAB_PAGE_SOFTMAX;
  state.k = 4;
  state.x_min = -3;
  state.steps = 250;
  state.loss_scale = ELAB_LOSS_SCALE_LOG;
  g_strlcpy (state.x_column, "temperature", sizeof state.x_column);
  g_strlcpy (state.y_column, "damaged", sizeof state.y_column);

  settings = elab_settings_new ();
  /* The tests run uninstalled: the schema compiled into the build dir. */
  g_assert_cmpstr (elab_settings_get_kind (settings), ==, "build-schema");
  elab_settings_set_training_speed (settings, 125);
  elab_settings_set_window (settings, 1234, 777, TRUE);
  elab_settings_save_lesson (settings, &state, NULL);
  elab_settings_free (settings);

  settings = elab_settings_new ();
  elab_state_init_default (&loaded);
  g_assert_null (elab_settings_load_lesson (settings, &loaded));
  g_assert_cmpfloat (elab_settings_get_training_speed (settings, 60), ==, 125);
  elab_settings_get_window (settings, &width, &height, &maximized);
  g_assert_cmpint (width, ==, 1234);
  g_assert_cmpint (height, ==, 777);
  g_assert_true (maximized);
  elab_settings_free (settings);

  g_assert_cmpfloat (loaded.models[1].theta, ==, 7.25);
  g_assert_cmpfloat (loaded.q.bias, ==, -2);
  g_assert_cmpint (loaded.unit, ==, ELAB_UNIT_NATS);
  g_assert_cmpint (loaded.page, ==, ELAB_PAGE_SOFTMAX);
  g_assert_cmpuint (loaded.k, ==, 4);
  g_assert_cmpfloat (loaded.x_min, ==, -3);
  g_assert_cmpuint (loaded.steps, ==, 250);
  g_assert_cmpint (loaded.loss_scale, ==, ELAB_LOSS_SCALE_LOG);
  g_assert_cmpstr (loaded.x_column, ==, "temperature");
  g_assert_cmpstr (loaded.y_column, ==, "damaged");
}

/* app.quit closes every window through its close path (which saves the
 * state). Closing takes a window out of the application's list while the
 * action walks it: a walk of the live list read freed memory and could
 * hang or leave the second window open. */
/* One registered application for the tests that need one: a process
 * registers its application id once. */
static ElabApplication *
get_app (void)
{
  static ElabApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = elab_application_new ();
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
    }
  return app;
}

static void
test_quit_closes_every_window (void)
{
  ElabApplication *app = get_app ();
  GtkWidget *windows[2];
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      windows[i] = GTK_WIDGET (elab_window_new (GTK_APPLICATION (app)));
      g_object_add_weak_pointer (G_OBJECT (windows[i]), (gpointer *) &windows[i]);
      gtk_window_present (GTK_WINDOW (windows[i]));
    }
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (windows[0]);
  g_assert_null (windows[1]);
}

/* The bottom switcher, revealed only in a window too narrow for the
 * header's, is given the pages when first revealed. */
static void
test_narrow_switcher (void)
{
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  GtkWidget *bar, *stack;

  gtk_window_present (GTK_WINDOW (window));
  bar = find_shown (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
  stack = find_shown (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  g_assert_nonnull (bar);
  g_assert_nonnull (stack);
  if (!adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)))
    g_assert_null (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)));
  adw_view_switcher_bar_set_reveal (ADW_VIEW_SWITCHER_BAR (bar), TRUE);
  g_assert_true (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)) == ADW_VIEW_STACK (stack));
  gtk_window_destroy (GTK_WINDOW (window));
}

static double
saved_theta (void)
{
  ElabSettings *settings = elab_settings_new ();
  ElabState state;
  double theta;

  elab_state_init_default (&state);
  elab_scenario_free (elab_settings_load_lesson (settings, &state));
  theta = state.models[0].theta;
  elab_settings_free (settings);
  return theta;
}

static gboolean
quit_loop_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
spin_for (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_loop_cb, loop);
  g_main_loop_run (loop);
}

/* A drag changes the state every frame; the window writes it once the
 * drag has settled, never in the middle of it (a write in the middle of a
 * drag took a frame over 16 ms). */
static void
test_save_waits_for_drag_end (void)
{
  ElabApplication *app = get_app ();
  ElabWindow *win;
  ElabDocument *document;
  double before;

  win = elab_window_new (GTK_APPLICATION (app));
  document = elab_window_get_document (win);
  before = saved_theta ();

  /* 1.5 s of "drag" at 20 changes a second, well past the save delay. */
  for (guint i = 0; i < 30; i++)
    {
      ElabState state = *elab_document_get_state (document);

      state.models[0].theta = 3.0 + 0.01 * i;
      elab_document_set_state (document, &state);
      spin_for (50);
      g_assert_cmpfloat (saved_theta (), ==, before);
    }
  spin_for (1000);
  g_assert_cmpfloat_with_epsilon (saved_theta (), 3.29, 1e-12);
  gtk_window_destroy (GTK_WINDOW (win));
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv);

  g_test_add_func ("/elab/app/EntropyPage/slider", test_entropy_page_slider);
  g_test_add_func ("/elab/app/EntropyPage/unit", test_entropy_page_unit);
  g_test_add_func ("/elab/app/CrossEntropyPage/swap", test_cross_entropy_swap);
  g_test_add_func ("/elab/app/CrossEntropyPage/gap-and-formula", test_cross_entropy_gap_and_formula);
  g_test_add_func ("/elab/app/SoftmaxPage/controls", test_softmax_page);
  g_test_add_func ("/elab/app/SoftmaxPage/probabilities", test_softmax_probabilities);
  g_test_add_func ("/elab/app/Pages/plot-width-stable", test_plot_width_stable);
  g_test_add_func ("/elab/app/RangeEditor/push", test_range_editor);
  g_test_add_func ("/elab/app/Settings/round-trip", test_settings_round_trip);
  g_test_add_func ("/elab/app/Application/quit-closes-every-window", test_quit_closes_every_window);
  g_test_add_func ("/elab/app/Window/save-waits-for-drag-end", test_save_waits_for_drag_end);
  g_test_add_func ("/elab/app/Window/narrow-switcher", test_narrow_switcher);

  return g_test_run ();
}
