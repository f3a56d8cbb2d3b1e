/* test-binding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document by name, and widgets bound to it: a parameter set by name
 * reaches its widget, a widget moved by a person sets its parameter once
 * (no echo back, no loop), a refused value puts the widget back.
 */
#include "elab-config.h"

#include <math.h>
#include <gtk/gtk.h>

#include "elab-binding.h"
#include "elab-document.h"
#include "elab-model-editor.h"
#include "elab-range-editor.h"
#include "elab-softmax-page.h"

#include "app-test-util.h"

typedef struct
{
  guint changed;
  guint param_changed;
  guint p_theta;
  char *last;
} Counts;

static void
changed_cb (ElabDocument *document,
            guint         what,
            Counts       *counts)
{
  counts->changed++;
}

static void
param_changed_cb (ElabDocument    *document,
                  const ElabParam *param,
                  Counts          *counts)
{
  counts->param_changed++;
  g_free (counts->last);
  counts->last = g_strdup (param->name);
}

static void
p_theta_cb (ElabDocument    *document,
            const ElabParam *param,
            Counts          *counts)
{
  counts->p_theta++;
}

static void
test_document_by_name (void)
{
  ElabDocument *document = elab_document_new ();
  Counts counts = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_signal_connect (document, "changed", G_CALLBACK (changed_cb), &counts);
  g_signal_connect (document, "param-changed", G_CALLBACK (param_changed_cb), &counts);
  g_signal_connect (document, "param-changed::p-theta", G_CALLBACK (p_theta_cb), &counts);

  g_assert_true (elab_document_set_number (document, "p-theta", -1, 1.5, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (elab_document_get_state (document)->p.theta, ==, 1.5);
  g_assert_cmpfloat (elab_document_get_number (document, "p-theta", -1), ==, 1.5);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.param_changed, ==, 1);
  g_assert_cmpuint (counts.p_theta, ==, 1);
  g_assert_cmpstr (counts.last, ==, "p-theta");

  /* The value already there: nothing to say. */
  g_assert_true (elab_document_set_number (document, "p-theta", -1, 1.5, NULL));
  g_assert_cmpuint (counts.changed, ==, 1);

  /* Another row: the detail keeps p-theta's listener asleep. */
  g_assert_true (elab_document_set_number (document, "q-bias", -1, -2, NULL));
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_cmpuint (counts.p_theta, ==, 1);
  g_assert_cmpstr (counts.last, ==, "q-bias");

  /* A list entry by its own name, and by the list's name and index. */
  g_assert_true (elab_document_set_number (document, "logit-3", -1, 4.25, NULL));
  g_assert_cmpfloat (elab_document_get_state (document)->logits[2], ==, 4.25);
  g_assert_cmpstr (counts.last, ==, "logits");
  g_assert_cmpfloat (elab_document_get_number (document, "logits", 2), ==, 4.25);
  g_assert_true (isnan (elab_document_get_number (document, "logit-8", -1)));

  /* An alias, an enum and a string, from their file text. */
  g_assert_true (elab_document_set_number (document, "lr", -1, 0.5, NULL));
  g_assert_cmpfloat (elab_document_get_state (document)->learning_rate, ==, 0.5);
  g_assert_true (elab_document_set_string (document, "optimizer", "newton", NULL));
  g_assert_cmpint (elab_document_get_state (document)->optimizer, ==, ELAB_OPTIMIZER_NEWTON);
  g_assert_true (elab_document_set_string (document, "dataset", "iris-setosa", NULL));
  text = elab_document_dup_string (document, "dataset");
  g_assert_cmpstr (text, ==, "iris-setosa");

  /* Refused: out of range, a rule between fields, an unknown name. The
   * state stays as it was and nobody hears anything. */
  counts.changed = 0;
  g_assert_false (elab_document_set_number (document, "temperature", -1, -1, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "temperature"));
  g_clear_error (&error);
  g_assert_false (elab_document_set_number (document, "x-min", -1, 100, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (elab_document_set_number (document, "no-such-thing", -1, 1, &error));
  g_assert_nonnull (error);
  g_assert_cmpfloat (elab_document_get_state (document)->x_min, ==, -6);
  g_assert_cmpuint (counts.changed, ==, 0);

  /* An edit in place still names what it changed. */
  counts.p_theta = 0;
  elab_document_edit (document)->p.theta = 7;
  elab_document_changed (document, ELAB_CHANGE_PAIR);
  g_assert_cmpuint (counts.p_theta, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 1);

  g_signal_handlers_disconnect_by_data (document, &counts);
  g_free (counts.last);
  g_assert_finalize_object (document);
}

static void
notation_cb (GObject    *object,
             GParamSpec *pspec,
             guint      *n)
{
  (*n)++;
}

static void
test_document_notation (void)
{
  ElabDocument *document = elab_document_new ();
  guint n = 0;
  ElabState state;
  int notation = -1;

  g_signal_connect (document, "notify::notation", G_CALLBACK (notation_cb), &n);
  elab_document_set_number (document, "notation", -1, ELAB_NOTATION_SUBSCRIPT, NULL);
  g_assert_cmpuint (n, ==, 1);
  g_object_get (document, "notation", &notation, NULL);
  g_assert_cmpint (notation, ==, ELAB_NOTATION_SUBSCRIPT);

  /* A new state that brings another notation notifies too. */
  elab_state_init_default (&state);
  elab_document_set_state (document, &state);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (elab_document_get_notation (document), ==, ELAB_NOTATION_STANDARD);

  g_assert_finalize_object (document);
}

static void
count_value_changed_cb (GtkAdjustment *adjustment,
                        guint         *n)
{
  (*n)++;
}

static void
test_binding_adjustment (void)
{
  ElabDocument *document = elab_document_new ();
  ElabBindingGroup *group = elab_binding_group_new ();
  GtkAdjustment *adjustment = g_object_ref_sink (gtk_adjustment_new (0, -20, 20, 0.05, 1, 0));
  Counts counts = { 0 };
  guint value_changed = 0;

  elab_binding_group_bind_adjustment (group, "p-theta", adjustment);
  /* Bound before the document: the widget follows when one arrives. */
  elab_binding_group_set_document (group, document);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 1.0);

  g_signal_connect (document, "changed", G_CALLBACK (changed_cb), &counts);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (count_value_changed_cb), &value_changed);

  /* Set by name → the widget follows, once. */
  elab_document_set_number (document, "p-theta", -1, 1.5, NULL);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 1.5);
  g_assert_cmpuint (value_changed, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 1);

  /* A person moves the widget → the document changes once, and nothing
   * comes back to the widget. */
  counts.changed = 0;
  value_changed = 0;
  gtk_adjustment_set_value (adjustment, -3.25);
  g_assert_cmpfloat (elab_document_get_state (document)->p.theta, ==, -3.25);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (value_changed, ==, 1);

  /* Beyond the slider's span: the span widens instead of clamping. */
  elab_document_set_number (document, "p-theta", -1, 42.5, NULL);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 42.5);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, 43);

  /* Unbound from the document: the widget no longer edits it. */
  elab_binding_group_set_document (group, NULL);
  gtk_adjustment_set_value (adjustment, 2);
  g_assert_cmpfloat (elab_document_get_state (document)->p.theta, ==, 42.5);

  g_signal_handlers_disconnect_by_data (document, &counts);
  g_signal_handlers_disconnect_by_data (adjustment, &value_changed);
  g_assert_finalize_object (group);
  g_assert_finalize_object (adjustment);
  g_assert_finalize_object (document);
}

static void
test_binding_refused (void)
{
  ElabDocument *document = elab_document_new ();
  g_autoptr(ElabBindingGroup) group = elab_binding_group_new ();
  g_autoptr(GtkAdjustment) temperature = g_object_ref_sink (gtk_adjustment_new (1, -5, 5, 0.1, 1, 0));
  g_autoptr(GtkAdjustment) samples = g_object_ref_sink (gtk_adjustment_new (0, 0, 1000, 1, 10, 0));
  Counts counts = { 0 };

  elab_binding_group_set_document (group, document);
  elab_binding_group_bind_adjustment (group, "temperature", temperature);
  elab_binding_group_bind_adjustment (group, "samples", samples);
  g_signal_connect (document, "changed", G_CALLBACK (changed_cb), &counts);

  /* A temperature ≤ 0 is refused: the slider goes back to the document's. */
  gtk_adjustment_set_value (temperature, -2);
  g_assert_cmpfloat (elab_document_get_state (document)->temperature, ==, 1.0);
  g_assert_cmpfloat (gtk_adjustment_get_value (temperature), ==, 1.0);
  g_assert_cmpuint (counts.changed, ==, 0);

  /* A whole number is rounded, and the widget shows what was kept. */
  gtk_adjustment_set_value (samples, 100.4);
  g_assert_cmpuint (elab_document_get_state (document)->samples, ==, 100);
  g_assert_cmpfloat (gtk_adjustment_get_value (samples), ==, 100);
  g_assert_cmpuint (counts.changed, ==, 1);

  g_signal_handlers_disconnect_by_data (document, &counts);
  g_clear_object (&group);
  g_assert_finalize_object (document);
}

static double
to_log10 (double   value,
          gpointer user_data)
{
  return log10 (value);
}

static double
from_log10 (double   value,
            gpointer user_data)
{
  return pow (10, value);
}

static void
test_binding_widgets (void)
{
  ElabDocument *document = elab_document_new ();
  g_autoptr(ElabBindingGroup) group = elab_binding_group_new ();
  GtkWidget *sw = g_object_ref_sink (gtk_switch_new ());
  GtkWidget *check = g_object_ref_sink (gtk_check_button_new ());
  GtkDropDown *drop_down = g_object_ref_sink (GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL)));
  GtkLabel *label = g_object_ref_sink (GTK_LABEL (gtk_label_new (NULL)));
  GtkLabel *plain = g_object_ref_sink (GTK_LABEL (gtk_label_new (NULL)));
  g_autoptr(GtkAdjustment) lr = g_object_ref_sink (gtk_adjustment_new (0, -4, 2, 0.1, 1, 0));
  g_autoptr(GtkAdjustment) gated = g_object_ref_sink (gtk_adjustment_new (0, -20, 20, 0.1, 1, 0));
  GtkWidget *gate = g_object_ref_sink (gtk_button_new ());
  GListModel *model;
  ElabBinding *binding;

  elab_binding_group_set_document (group, document);
  elab_binding_group_bind_toggle (group, "model-b-enabled", sw);
  elab_binding_group_bind_toggle (group, "standardize", check);
  elab_binding_group_bind_drop_down (group, "optimizer", drop_down);
  elab_binding_group_bind_label (group, "temperature", label, "T = %.2f");
  elab_binding_group_bind_label (group, "logit-2", plain, NULL);
  binding = elab_binding_group_bind (group, "learning-rate", lr, "value");
  elab_binding_set_transform (binding, to_log10, from_log10, NULL);
  binding = elab_binding_group_bind_adjustment (group, "model-c-theta", gated);
  elab_binding_set_gate (binding, gate);

  /* The drop-down's choices come from the row. */
  model = gtk_drop_down_get_model (drop_down);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 2), ==, "newton");

  /* Document → widgets. */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
  elab_document_set_string (document, "model-b-enabled", "false", NULL);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
  elab_document_set_string (document, "optimizer", "momentum", NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down), ==, ELAB_OPTIMIZER_MOMENTUM);
  elab_document_set_number (document, "temperature", -1, 0.5, NULL);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "T = 0.50");
  g_assert_cmpstr (gtk_label_get_text (plain), ==, "1");
  elab_document_set_number (document, "logits", 1, 0.25, NULL);
  g_assert_cmpstr (gtk_label_get_text (plain), ==, "0.25");
  elab_document_set_number (document, "learning-rate", -1, 0.01, NULL);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (lr), -2, 1e-12);

  /* Widgets → document. */
  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  g_assert_true (elab_document_get_state (document)->model_enabled[1]);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_false (elab_document_get_state (document)->standardize);
  gtk_drop_down_set_selected (drop_down, ELAB_OPTIMIZER_NEWTON);
  g_assert_cmpint (elab_document_get_state (document)->optimizer, ==, ELAB_OPTIMIZER_NEWTON);
  gtk_adjustment_set_value (lr, 0);
  g_assert_cmpfloat (elab_document_get_state (document)->learning_rate, ==, 1);

  /* Through a gate: an insensitive control cannot edit. */
  gtk_adjustment_set_value (gated, 3);
  g_assert_cmpfloat (elab_document_get_state (document)->models[2].theta, ==, 3);
  gtk_widget_set_sensitive (gate, FALSE);
  gtk_adjustment_set_value (gated, 7);
  g_assert_cmpfloat (elab_document_get_state (document)->models[2].theta, ==, 3);
  g_assert_cmpfloat (gtk_adjustment_get_value (gated), ==, 3);

  /* A widget that goes away takes its binding's half with it. */
  g_assert_finalize_object (sw);
  elab_document_set_string (document, "model-b-enabled", "false", NULL);

  g_clear_object (&group);
  g_assert_finalize_object (check);
  g_assert_finalize_object (drop_down);
  g_assert_finalize_object (label);
  g_assert_finalize_object (plain);
  g_assert_finalize_object (gate);
  g_assert_finalize_object (document);
}

/* The editor knows its model only by the parameters' names. */
static void
test_model_editor (void)
{
  ElabDocument *document = elab_document_new ();
  ElabBindingGroup *group = elab_binding_group_new ();
  ElabModelEditor *editor = g_object_ref_sink (g_object_new (ELAB_TYPE_MODEL_EDITOR, NULL));
  ElabModelEditor *p = g_object_ref_sink (g_object_new (ELAB_TYPE_MODEL_EDITOR, NULL));
  GtkAdjustment *theta = GTK_ADJUSTMENT (template_child (editor, ELAB_TYPE_MODEL_EDITOR, "theta_adjustment"));
  GtkAdjustment *bias = GTK_ADJUSTMENT (template_child (editor, ELAB_TYPE_MODEL_EDITOR, "bias_adjustment"));
  GtkSwitch *sw = GTK_SWITCH (template_child (editor, ELAB_TYPE_MODEL_EDITOR, "enabled_switch"));
  Counts counts = { 0 };

  elab_model_editor_bind (editor, group,
                          &(ElabModelParams) { "model-b-theta", "model-b-bias", "model-b-enabled", NULL });
  elab_model_editor_bind (p, group, &(ElabModelParams) { "p-theta", "p-bias", NULL, "output-p" });
  elab_binding_group_set_document (group, document);
  g_assert_cmpfloat (gtk_adjustment_get_value (theta), ==, 2.0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sw)));
  g_signal_connect (document, "changed", G_CALLBACK (changed_cb), &counts);

  elab_document_set_number (document, "model-b-bias", -1, -1.5, NULL);
  g_assert_cmpfloat (gtk_adjustment_get_value (bias), ==, -1.5);
  gtk_adjustment_set_value (theta, 0.75);
  g_assert_cmpfloat (elab_document_get_state (document)->models[1].theta, ==, 0.75);
  g_assert_cmpuint (counts.changed, ==, 2);

  /* Off: the controls are insensitive, and a value an assistive
   * technology sets anyway is put back. */
  gtk_switch_set_active (sw, FALSE);
  g_assert_false (elab_document_get_state (document)->model_enabled[1]);
  gtk_adjustment_set_value (theta, 5);
  g_assert_cmpfloat (elab_document_get_state (document)->models[1].theta, ==, 0.75);
  g_assert_cmpfloat (gtk_adjustment_get_value (theta), ==, 0.75);
  elab_document_set_string (document, "model-b-enabled", "true", NULL);
  g_assert_true (gtk_switch_get_active (sw));

  /* The same controls named for p edit p, and p cannot be switched off. */
  theta = GTK_ADJUSTMENT (template_child (p, ELAB_TYPE_MODEL_EDITOR, "theta_adjustment"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (template_child (p, ELAB_TYPE_MODEL_EDITOR, "enabled_switch"))));
  g_assert_cmpfloat (gtk_adjustment_get_value (theta), ==, 1.0);
  gtk_adjustment_set_value (theta, -2);
  g_assert_cmpfloat (elab_document_get_state (document)->p.theta, ==, -2);
  g_assert_cmpfloat (elab_document_get_state (document)->models[1].theta, ==, 0.75);

  g_signal_handlers_disconnect_by_data (document, &counts);
  g_assert_finalize_object (group);
  g_assert_finalize_object (editor);
  g_assert_finalize_object (p);
  g_assert_finalize_object (document);
}

/* Both ends bound, the rule between them kept: an end moved past the
 * other pushes it along, and a new range from elsewhere moves both. */
static void
test_range_editor (void)
{
  ElabDocument *document = elab_document_new ();
  ElabRangeEditor *editor = g_object_ref_sink (g_object_new (ELAB_TYPE_RANGE_EDITOR, NULL));
  ElabBindingGroup *group = elab_binding_group_new ();
  GtkAdjustment *lo = GTK_ADJUSTMENT (template_child (editor, ELAB_TYPE_RANGE_EDITOR, "min_adjustment"));
  GtkAdjustment *hi = GTK_ADJUSTMENT (template_child (editor, ELAB_TYPE_RANGE_EDITOR, "max_adjustment"));
  Counts counts = { 0 };

  elab_range_editor_bind (editor, group);
  elab_binding_group_set_document (group, document);
  g_signal_connect (document, "changed", G_CALLBACK (changed_cb), &counts);

  gtk_adjustment_set_value (hi, -8);
  g_assert_cmpfloat (elab_document_get_state (document)->x_min, ==, -9);
  g_assert_cmpfloat (elab_document_get_state (document)->x_max, ==, -8);
  g_assert_cmpfloat (gtk_adjustment_get_value (lo), ==, -9);
  g_assert_cmpuint (counts.changed, ==, 1);

  /* A range far away, set whole: neither end pushes the other. */
  counts.changed = 0;
  elab_document_set_x_range (document, 10, 20);
  g_assert_cmpfloat (gtk_adjustment_get_value (lo), ==, 10);
  g_assert_cmpfloat (gtk_adjustment_get_value (hi), ==, 20);
  g_assert_cmpfloat (elab_document_get_state (document)->x_max, ==, 20);
  g_assert_cmpuint (counts.changed, ==, 1);

  g_signal_handlers_disconnect_by_data (document, &counts);
  g_assert_finalize_object (group);
  g_assert_finalize_object (editor);
  g_assert_finalize_object (document);
}

/* A new K and target from elsewhere (a preset, a scene) reach the page
 * without the page writing anything back: the target's choices are
 * rebuilt for the new K, which moves the drop-down's selection, and that
 * must not count as a person's choice. */
static void
test_softmax_page (void)
{
  ElabDocument *document = elab_document_new ();
  GtkWidget *page = g_object_ref_sink (elab_softmax_page_new (document));
  ElabSoftmaxPage *self = ELAB_SOFTMAX_PAGE (page);
  GtkGrid *logits = GTK_GRID (template_child (self, ELAB_TYPE_SOFTMAX_PAGE, "logits_grid"));
  ElabState state = *elab_document_get_state (document);
  Counts counts = { 0 };

  state.k = 5;
  for (guint i = 0; i < 5; i++)
    {
      state.logits[i] = i - 2.0;
      state.target[i] = i == 1 ? 0.6 : 0.1;
    }
  g_assert_true (elab_state_validate (&state, NULL));
  g_signal_connect (document, "changed", G_CALLBACK (changed_cb), &counts);
  elab_document_set_state (document, &state);

  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_true (elab_state_equal (elab_document_get_state (document), &state));
  g_assert_cmpfloat (gtk_adjustment_get_value (GTK_ADJUSTMENT (gtk_widget_get_template_child (GTK_WIDGET (self), ELAB_TYPE_SOFTMAX_PAGE, "k_adjustment"))), ==, 5);
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_range_get_adjustment (GTK_RANGE (gtk_grid_get_child_at (logits, 1, 4)))),
                     ==, 2);

  /* A logit dragged: one change, only that logit. */
  gtk_adjustment_set_value (gtk_range_get_adjustment (GTK_RANGE (gtk_grid_get_child_at (logits, 1, 0))), 1.25);
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_cmpfloat (elab_document_get_state (document)->logits[0], ==, 1.25);
  g_assert_cmpfloat (elab_document_get_state (document)->target[1], ==, 0.6);

  /* The page's own K keeps the target's kind: custom is renormalised. */
  gtk_adjustment_set_value (GTK_ADJUSTMENT (gtk_widget_get_template_child (GTK_WIDGET (self), ELAB_TYPE_SOFTMAX_PAGE, "k_adjustment")), 3);
  g_assert_cmpuint (elab_document_get_state (document)->k, ==, 3);
  g_assert_cmpfloat_with_epsilon (elab_document_get_state (document)->target[1], 0.75, 1e-12);
  g_assert_cmpuint (counts.changed, ==, 3);

  g_signal_handlers_disconnect_by_data (document, &counts);
  g_assert_finalize_object (page);
  g_assert_finalize_object (document);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/app/Document/by-name", test_document_by_name);
  g_test_add_func ("/elab/app/Document/notation", test_document_notation);
  g_test_add_func ("/elab/app/Binding/adjustment", test_binding_adjustment);
  g_test_add_func ("/elab/app/Binding/refused", test_binding_refused);
  g_test_add_func ("/elab/app/Binding/widgets", test_binding_widgets);
  g_test_add_func ("/elab/app/Binding/model-editor", test_model_editor);
  g_test_add_func ("/elab/app/Binding/range-editor", test_range_editor);
  g_test_add_func ("/elab/app/Binding/softmax-page", test_softmax_page);

  return g_test_run ();
}
