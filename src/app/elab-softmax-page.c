/* elab-softmax-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * K logits, a temperature and a target; the probabilities as bars, their
 * entropy against the log K maximum, and the cross-entropy and KL to the
 * target. A toggle shows that K = 2 is the logistic model in disguise.
 */
#define G_LOG_DOMAIN "elab-softmax-page"

#include "elab-config.h"

#include <math.h>
#include <string.h>

#include "elab-format.h"
#include "elab-number.h"
#include "elab-params.h"
#include "elab-softmax-page.h"

/* Entries of the target drop-down after the K one-hot classes. */
enum {
  TARGET_UNIFORM = 0,
  TARGET_CUSTOM  = 1,
};

struct _ElabSoftmaxPage
{
  ElabPage        parent_instance;

  /* Template widgets */
  GtkAdjustment  *k_adjustment;
  GtkSpinButton  *k_spin;
  GtkGrid        *logits_grid;
  GtkAdjustment  *temperature_adjustment;
  GtkDropDown    *target_dropdown;
  GtkWidget      *terms_switch;
  GtkEntry       *target_entry;
  GtkEntry       *probabilities_entry;
  GtkLabel       *probabilities_message;
  GtkSwitch      *logistic_switch;
  GtkLabel       *logistic_label;
  GtkLabel       *entropy_label;
  GtkLabel       *max_label;
  GtkLabel       *cross_entropy_label;
  GtkLabel       *kl_label;
  GtkLevelBar    *entropy_bar;
  ElabPlotView   *plot_view;

  /* Owned */
  GtkStringList  *target_model;
  char           *probabilities_shown;  /* what the entry was last set to */

  GtkWidget      *logit_rows[ELAB_SOFTMAX_MAX_K][3];
  guint           target_model_k;   /* the K the target's choices are for; 0 while rebuilt */
};

G_DEFINE_FINAL_TYPE (ElabSoftmaxPage, elab_softmax_page, ELAB_TYPE_PAGE)

static ElabDocument *
document_of (ElabSoftmaxPage *self)
{
  return elab_page_get_document (ELAB_PAGE (self));
}

static int
one_hot_index (const ElabState *state)
{
  int hot = -1;

  for (guint i = 0; i < state->k; i++)
    {
      if (state->target[i] == 1.0 && hot < 0)
        hot = i;
      else if (state->target[i] != 0.0)
        return -1;
    }
  return hot;
}

static gboolean
is_uniform (const ElabState *state)
{
  for (guint i = 0; i < state->k; i++)
    if (fabs (state->target[i] - 1.0 / state->k) > 1e-12)
      return FALSE;
  return TRUE;
}

static void
rebuild_target_model (ElabSoftmaxPage *self,
                      guint            k)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  if (self->target_model_k == k)
    return;

  /* Splicing moves the selection: not a person's choice. */
  self->target_model_k = 0;
  for (guint i = 0; i < k; i++)
    g_ptr_array_add (items, g_strdup_printf ("One-hot on class %u", i + 1));
  g_ptr_array_add (items, g_strdup ("Uniform"));
  g_ptr_array_add (items, g_strdup ("Custom (typed below)"));
  g_ptr_array_add (items, NULL);

  gtk_string_list_splice (self->target_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->target_model)),
                          (const char * const *) items->pdata);
  self->target_model_k = k;
}

static void
update_numbers (ElabSoftmaxPage *self)
{
  const ElabState *state = elab_document_get_state (document_of (self));
  double factor = elab_unit_factor (state->unit);
  double h = elab_softmax_entropy_in_unit (state->logits, state->k, state->temperature, state->unit);
  double h_max = elab_softmax_max_entropy (state->k, state->unit);
  double ce = elab_softmax_cross_entropy (state->target, state->logits, state->k,
                                          state->temperature) * factor;
  double kl = elab_softmax_kl (state->target, state->logits, state->k, state->temperature) * factor;
  g_autofree char *sh = elab_format_value (h, state->unit);
  g_autofree char *smax = elab_format_value (h_max, state->unit);
  g_autofree char *sce = elab_format_value (ce, state->unit);
  g_autofree char *skl = elab_format_value (kl, state->unit);
  g_autofree char *max_text = g_strdup_printf ("of at most %s K = %s", elab_format_log (state->unit), smax);
  g_autofree char *logistic = NULL;

  elab_label_set (self->entropy_label, sh);
  elab_label_set (self->max_label, max_text);
  elab_label_set (self->cross_entropy_label, sce);
  elab_label_set (self->kl_label, skl);
  gtk_level_bar_set_value (self->entropy_bar, h_max > 0 ? CLAMP (h / h_max, 0, 1) : 0);

  if (gtk_switch_get_active (self->logistic_switch) && state->k == 2)
    {
      double probs[ELAB_SOFTMAX_MAX_K];
      double sigma = elab_sigmoid ((state->logits[0] - state->logits[1]) / state->temperature);
      g_autofree char *s_sigma = NULL;
      g_autofree char *s_p1 = NULL;

      elab_softmax (state->logits, state->k, state->temperature, probs);
      s_sigma = elab_number_dup (sigma, ELAB_NUMBER_PRECISE);
      s_p1 = elab_number_dup (probs[0], ELAB_NUMBER_PRECISE);
      logistic = g_strdup_printf ("σ((z₁ − z₂)/T) = %s\nP₁ = %s\n%s",
                                  s_sigma, s_p1,
                                  fabs (sigma - probs[0]) <= 1e-12 ? "The same: softmax over two classes is σ."
                                                                   : "They differ.");
    }
  elab_label_set (self->logistic_label, logistic != NULL ? logistic : "");
  gtk_widget_set_visible (GTK_WIDGET (self->logistic_label), logistic != NULL);
}

/* The model's probabilities in the entry ("0.659, 0.2424, 0.09857"),
 * unless a person is typing there or it holds a refused text; and under
 * it, the typing's error, or else a class the target needs that has
 * probability 0: the support mismatch that makes H(t, P) infinite. */
static void
sync_probabilities (ElabSoftmaxPage *self,
                    const ElabState *state)
{
  GtkWidget *entry = GTK_WIDGET (self->probabilities_entry);
  const char *error = gtk_widget_get_tooltip_text (entry);
  g_autofree char *note = NULL;

  if (!gtk_widget_has_focus (entry) && !gtk_widget_has_css_class (entry, "error"))
    {
      double probs[ELAB_SOFTMAX_MAX_K];
      GString *text = g_string_new (NULL);

      elab_softmax (state->logits, state->k, state->temperature, probs);
      for (guint i = 0; i < state->k; i++)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append_printf (text, i > 0 ? ", %s" : "%s",
                                  g_ascii_formatd (buf, sizeof buf, "%.4g", probs[i]));
        }
      g_free (self->probabilities_shown);
      self->probabilities_shown = g_string_free (text, FALSE);
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), self->probabilities_shown) != 0)
        gtk_editable_set_text (GTK_EDITABLE (entry), self->probabilities_shown);
    }

  for (guint i = 0; i < state->k && note == NULL; i++)
    if (state->target[i] > 0.0 && state->logits[i] == -INFINITY)
      {
        char t[G_ASCII_DTOSTR_BUF_SIZE];

        note = g_strdup_printf ("Support mismatch: the target puts %s on class %u, where P = 0, "
                                "so \xe2\x88\x92log 0 = \xe2\x88\x9e and H(t, P) and the KL are infinite.",
                                g_ascii_formatd (t, sizeof t, "%.4g", state->target[i]), i + 1);
      }

  gtk_widget_remove_css_class (GTK_WIDGET (self->probabilities_message), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->probabilities_message), "warning");
  if (gtk_widget_has_css_class (entry, "error") && error != NULL)
    {
      gtk_label_set_text (self->probabilities_message, error);
      gtk_widget_add_css_class (GTK_WIDGET (self->probabilities_message), "error");
    }
  else if (note != NULL)
    {
      gtk_label_set_text (self->probabilities_message, note);
      gtk_widget_add_css_class (GTK_WIDGET (self->probabilities_message), "warning");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->probabilities_message),
                          gtk_widget_has_css_class (entry, "error") || note != NULL);
}

/* "−∞" in a logit's spin button: a probability typed as 0, where the
 * button would show the bottom of its scale. The text goes to the
 * button's own text (its first child, the "text" node of its CSS
 * nodes): a numeric spin button refuses "−∞" typed into it. */
static const char minus_infinity[] = "\xe2\x88\x92\xe2\x88\x9e";

static gboolean
logit_output_cb (GtkSpinButton   *spin,
                 ElabSoftmaxPage *self)
{
  const ElabState *state = elab_document_get_state (document_of (self));
  GtkWidget *text = gtk_widget_get_first_child (GTK_WIDGET (spin));

  for (guint i = 0; i < state->k; i++)
    if (self->logit_rows[i][2] == GTK_WIDGET (spin) && state->logits[i] == -INFINITY && GTK_IS_TEXT (text))
      {
        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (text)), minus_infinity) != 0)
          gtk_editable_set_text (GTK_EDITABLE (text), minus_infinity);
        return TRUE;
      }
  return FALSE;
}

/* Left or activated, "−∞" means the value the button holds: no change. */
static int
logit_input_cb (GtkSpinButton *spin,
                double        *new_value,
                gpointer       user_data)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), minus_infinity) != 0)
    return FALSE;
  *new_value = gtk_spin_button_get_value (spin);
  return TRUE;
}

/* The logits' buttons say what the document holds, also where the
 * value under them did not move: −∞ after the bottom of the scale, or a
 * value at the bottom after −∞. */
static void
sync_logit_texts (ElabSoftmaxPage *self)
{
  for (guint i = 0; i < ELAB_SOFTMAX_MAX_K; i++)
    {
      GtkSpinButton *spin = GTK_SPIN_BUTTON (self->logit_rows[i][2]);

      if (!logit_output_cb (spin, self)
          && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), minus_infinity) == 0)
        {
          g_autofree char *value = g_strdup_printf ("%.*f", gtk_spin_button_get_digits (spin),
                                                    gtk_spin_button_get_value (spin));

          gtk_editable_set_text (GTK_EDITABLE (spin), value);
        }
    }
}

/* What the bindings do not cover: K (the logits' length), the rows shown,
 * the kind of target. Each setter here is a no-op when the widget already
 * agrees, and each handler below a no-op when the state already agrees,
 * so no guard is needed. */
static void
sync_from_document (ElabSoftmaxPage *self)
{
  const ElabState *state = elab_document_get_state (document_of (self));
  int hot = one_hot_index (state);
  guint selected;

  gtk_adjustment_set_value (self->k_adjustment, state->k);
  for (guint i = 0; i < ELAB_SOFTMAX_MAX_K; i++)
    for (guint j = 0; j < 3; j++)
      gtk_widget_set_visible (self->logit_rows[i][j], i < state->k);

  rebuild_target_model (self, state->k);
  if (hot >= 0)
    selected = hot;
  else if (is_uniform (state))
    selected = state->k + TARGET_UNIFORM;
  else
    selected = state->k + TARGET_CUSTOM;
  gtk_drop_down_set_selected (self->target_dropdown, selected);

  /* The entry shows the target in force, unless a person is typing one. */
  if (!gtk_widget_has_focus (GTK_WIDGET (self->target_entry)) &&
      !gtk_widget_has_css_class (GTK_WIDGET (self->target_entry), "error"))
    {
      g_autofree char *text = elab_param_format (elab_param_lookup ("target", NULL), state);
      g_auto(GStrv) parts = g_strsplit (text, ",", -1);
      g_autofree char *spaced = g_strjoinv (", ", parts);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->target_entry)), spaced) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->target_entry), spaced);
    }

  sync_probabilities (self, state);
  sync_logit_texts (self);

  if (state->k != 2 && gtk_switch_get_active (self->logistic_switch))
    gtk_switch_set_active (self->logistic_switch, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->k_spin), !gtk_switch_get_active (self->logistic_switch));

  update_numbers (self);
}

static void
elab_softmax_page_document_changed (ElabPage *page,
                                    guint     what)
{
  ElabSoftmaxPage *self = ELAB_SOFTMAX_PAGE (page);

  if (what & ELAB_CHANGE_SOFTMAX)
    sync_from_document (self);
  else if (what & (ELAB_CHANGE_SOFTMAX | ELAB_CHANGE_UNIT))
    update_numbers (self);
}

/* The target for @state's new K, @uniform when it was uniform for the
 * old one: one-hot stays one-hot (on class 1 if its class went away),
 * uniform stays uniform, anything else is renormalised. */
static void
fit_target (ElabState *state,
            gboolean   uniform)
{
  guint k = state->k;
  double sum = 0;

  if (uniform)
    {
      for (guint i = 0; i < ELAB_SOFTMAX_MAX_K; i++)
        state->target[i] = i < k ? 1.0 / k : 0.0;
    }
  else
    {
      for (guint i = k; i < ELAB_SOFTMAX_MAX_K; i++)
        state->target[i] = 0.0;
      for (guint i = 0; i < k; i++)
        sum += state->target[i];
      if (sum <= 0)
        state->target[0] = 1.0;
      else
        for (guint i = 0; i < k; i++)
          state->target[i] /= sum;
    }
}

static void
set_k (ElabSoftmaxPage *self,
       guint            k)
{
  ElabState *state = elab_document_edit (document_of (self));
  gboolean uniform = is_uniform (state);

  k = CLAMP (k, 2, ELAB_SOFTMAX_MAX_K);
  if (k == state->k)
    return;

  state->k = k;
  fit_target (state, uniform);
  elab_document_changed (document_of (self), ELAB_CHANGE_SOFTMAX);
}

static void
k_changed_cb (ElabSoftmaxPage *self)
{
  if (document_of (self) == NULL)
    return;

  set_k (self, (guint) gtk_adjustment_get_value (self->k_adjustment));
}

static void
target_selected_cb (ElabSoftmaxPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->target_dropdown);
  const ElabState *state;
  double target[ELAB_SOFTMAX_MAX_K];

  if (document_of (self) == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  state = elab_document_get_state (document_of (self));
  if (self->target_model_k != state->k)
    return;

  if (selected < state->k)
    {
      for (guint i = 0; i < ELAB_SOFTMAX_MAX_K; i++)
        target[i] = i == selected ? 1.0 : 0.0;
    }
  else if (selected == state->k + TARGET_UNIFORM)
    {
      for (guint i = 0; i < ELAB_SOFTMAX_MAX_K; i++)
        target[i] = i < state->k ? 1.0 / state->k : 0.0;
    }
  else
    return;  /* "Custom" only names what a preset set. */

  if (memcmp (target, state->target, sizeof target) == 0)
    return;
  memcpy (elab_document_edit (document_of (self))->target, target, sizeof target);
  elab_document_changed (document_of (self), ELAB_CHANGE_SOFTMAX);
}

/* A typed target: one value per class, each ≥ 0, summing to 1 (a sum
 * off by rounding only is renormalised, as the command line does).
 * Anything else marks the entry and says why in its tooltip; the state
 * keeps its target. */
static void
target_entry_activate_cb (ElabSoftmaxPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->target_entry));
  const ElabParam *param = elab_param_lookup ("target", NULL);
  g_autoptr(GError) error = NULL;
  ElabState copy;
  double sum = 0.0;

  if (document_of (self) == NULL)
    return;

  copy = *elab_document_get_state (document_of (self));
  if (elab_param_parse (param, -1, text, &copy, &error))
    {
      for (guint i = 0; i < copy.k; i++)
        sum += copy.target[i];
      if (sum > 0.0 && fabs (sum - 1.0) <= 1e-6 && sum != 1.0)
        for (guint i = 0; i < copy.k; i++)
          copy.target[i] /= sum;
      elab_state_validate (&copy, &error);
    }

  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->target_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->target_entry), error->message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->target_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->target_entry),
                               "Any target: one probability per class, summing to 1; Enter applies it");
  if (memcmp (copy.target, elab_document_get_state (document_of (self))->target, sizeof copy.target) == 0)
    return;
  memcpy (elab_document_edit (document_of (self))->target, copy.target, sizeof copy.target);
  elab_document_changed (document_of (self), ELAB_CHANGE_SOFTMAX);
}

#define PROBABILITIES_TOOLTIP "The model as probabilities instead of logits: one per class, summing to 1; " \
                              "Enter sets the logits to ln P at T = 1 (a 0 is \xe2\x88\x92\xe2\x88\x9e)"

/* The model typed as probabilities: K values ≥ 0 summing to 1 (within
 * the rounding of four typed digits each, then renormalised) become the
 * logits ln(P_i / max P) at temperature 1, as `softmax --probabilities`
 * makes them; a new K refits the target as the K spin button does.
 * Anything else marks the entry and says why under it; the state keeps
 * its model. The rows the model and target own are copied through the
 * parameter table. */
static void
probabilities_entry_activate_cb (ElabSoftmaxPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->probabilities_entry));
  GtkWidget *entry = GTK_WIDGET (self->probabilities_entry);
  g_autoptr(GError) error = NULL;
  const ElabState *state;
  ElabState copy;
  const ElabParam *params;
  guint n_params;
  ElabChange changed;

  if (document_of (self) == NULL)
    return;
  /* Enter on the probabilities shown changes nothing (they are rounded). */
  if (g_strcmp0 (text, self->probabilities_shown) == 0 && !gtk_widget_has_css_class (entry, "error"))
    return;

  state = elab_document_get_state (document_of (self));
  copy = *state;
  if (elab_state_parse_probabilities (&copy, text, 1e-3, &error))
    {
      if (copy.k != state->k)
        fit_target (&copy, is_uniform (state));
      elab_state_validate (&copy, &error);
    }

  if (error != NULL)
    {
      /* "probabilities: the values sum to 0.99; …" → "The values sum to 0.99; …" */
      const char *why = g_str_has_prefix (error->message, "probabilities: ") ?
                        error->message + strlen ("probabilities: ") : error->message;
      g_autofree char *message = g_strdup_printf ("%c%s", g_ascii_toupper (why[0]), why + 1);

      gtk_widget_add_css_class (entry, "error");
      gtk_widget_set_tooltip_text (entry, message);
      sync_probabilities (self, state);
      return;
    }

  gtk_widget_remove_css_class (entry, "error");
  gtk_widget_set_tooltip_text (entry, PROBABILITIES_TOOLTIP);
  g_free (self->probabilities_shown);
  self->probabilities_shown = g_strdup (text);
  changed = elab_state_diff (state, &copy);
  if (changed == 0)
    {
      sync_probabilities (self, state);
      return;
    }
  params = elab_params (&n_params);
  {
    ElabState *edit = elab_document_edit (document_of (self));

    for (guint i = 0; i < n_params; i++)
      if (params[i].group & ELAB_CHANGE_SOFTMAX)
        elab_param_copy (&params[i], edit, &copy);
  }
  elab_document_changed (document_of (self), changed);
}

static void
logistic_toggled_cb (ElabSoftmaxPage *self)
{
  gboolean active = gtk_switch_get_active (self->logistic_switch);

  if (document_of (self) == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->k_spin), !active);
  if (active && elab_document_get_state (document_of (self))->k != 2)
    set_k (self, 2);
  else
    update_numbers (self);
}

/* A row for each logit, its slider and spin button bound to logit-1 …
 * logit-8; those past K are hidden. */
static void
build_logit_rows (ElabSoftmaxPage *self)
{
  static const char *subscripts[] = { "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈" };
  ElabBindingGroup *bindings = elab_page_get_bindings (ELAB_PAGE (self));

  for (guint i = 0; i < ELAB_SOFTMAX_MAX_K; i++)
    {
      g_autofree char *text = g_strdup_printf ("z%s", subscripts[i]);
      g_autofree char *name = g_strdup_printf ("Logit %u", i + 1);
      g_autofree char *param = g_strdup_printf ("logit-%u", i + 1);
      GtkAdjustment *adj = gtk_adjustment_new (0, -10, 10, 0.05, 1, 0);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, adj);
      GtkWidget *spin = gtk_spin_button_new (adj, 0.05, 2);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "param-label");
      gtk_scale_set_draw_value (GTK_SCALE (scale), FALSE);
      gtk_range_set_round_digits (GTK_RANGE (scale), 2);
      gtk_widget_set_hexpand (scale, TRUE);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      g_signal_connect (spin, "output", G_CALLBACK (logit_output_cb), self);
      g_signal_connect (spin, "input", G_CALLBACK (logit_input_cb), NULL);
      gtk_editable_set_width_chars (GTK_EDITABLE (spin), 6);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (scale),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

      gtk_grid_attach (self->logits_grid, label, 0, i, 1, 1);
      gtk_grid_attach (self->logits_grid, scale, 1, i, 1, 1);
      gtk_grid_attach (self->logits_grid, spin, 2, i, 1, 1);

      elab_binding_group_bind_adjustment (bindings, param, adj);
      self->logit_rows[i][0] = label;
      self->logit_rows[i][1] = scale;
      self->logit_rows[i][2] = spin;
    }
}

static void
elab_softmax_page_finalize (GObject *object)
{
  ElabSoftmaxPage *self = ELAB_SOFTMAX_PAGE (object);

  g_clear_pointer (&self->probabilities_shown, g_free);

  G_OBJECT_CLASS (elab_softmax_page_parent_class)->finalize (object);
}

static void
elab_softmax_page_class_init (ElabSoftmaxPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ElabPageClass *page_class = ELAB_PAGE_CLASS (klass);

  object_class->finalize = elab_softmax_page_finalize;

  page_class->document_changed = elab_softmax_page_document_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entropylab/EntropyLab/ui/elab-softmax-page.ui");
  elab_page_class_bind_template (widget_class);
  elab_page_class_set_panel_keep (widget_class, ELAB_PRESENTATION_KEEP_LOGITS);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, k_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, k_spin);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, logits_grid);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, temperature_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, target_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, terms_switch);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, target_model);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, target_entry);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, probabilities_entry);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, probabilities_message);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, logistic_switch);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, logistic_label);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, entropy_label);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, max_label);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, cross_entropy_label);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, kl_label);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, entropy_bar);
  gtk_widget_class_bind_template_child (widget_class, ElabSoftmaxPage, plot_view);
  gtk_widget_class_bind_template_callback (widget_class, k_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, probabilities_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, logistic_toggled_cb);
}

static void
elab_softmax_page_init (ElabSoftmaxPage *self)
{
  ElabBindingGroup *bindings = elab_page_get_bindings (ELAB_PAGE (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  elab_page_add_plot_view (ELAB_PAGE (self), self->plot_view);
  build_logit_rows (self);
  elab_binding_group_bind_adjustment (bindings, "temperature", self->temperature_adjustment);
  elab_binding_group_bind_toggle (bindings, "softmax-terms", self->terms_switch);
}

GtkWidget *
elab_softmax_page_new (ElabDocument *document)
{
  return g_object_new (ELAB_TYPE_SOFTMAX_PAGE, "document", document, NULL);
}
