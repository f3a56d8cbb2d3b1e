/* elab-training-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gradient descent on the cross-entropy loss, animated: a view of one
 * ElabTrainingRun. The data set chooser (a built-in or a CSV file), the
 * optimizer's settings bound to the document, Play/Step/Reset, the run's
 * numbers and status, and two figures of it: the data with the fitted
 * curve and the loss over the steps, and the loss landscape with the
 * path. The page's frame clock drives the run while it is shown.
 */
#define G_LOG_DOMAIN "elab-training-page"

#include "elab-config.h"

#include <math.h>
#include <adwaita.h>

#include "elab-data-chooser.h"
#include "elab-format.h"
#include "elab-number.h"
#include "elab-record-dialog.h"
#include "elab-training-page.h"

struct _ElabTrainingPage
{
  ElabPage          parent_instance;

  /* Template widgets */
  ElabDataChooser  *data_chooser;
  GtkToggleButton  *play_button;
  GtkImage         *play_icon;
  GtkLabel         *play_label;
  GtkAdjustment    *speed_adjustment;
  GtkLabel         *speed_label;
  GtkDropDown      *loss_dropdown;
  GtkSwitch        *compare_losses_switch;
  GtkDropDown      *optimizer_dropdown;
  GtkWidget        *lr_row;
  GtkAdjustment    *lr_log_adjustment;
  GtkAdjustment    *lr_adjustment;
  GtkWidget        *momentum_row;
  GtkAdjustment    *momentum_adjustment;
  GtkAdjustment    *steps_adjustment;
  GtkSwitch        *standardize_switch;
  GtkSwitch        *bias_switch;
  GtkLabel         *step_value;
  GtkLabel         *loss_value;
  GtkLabel         *w_value;
  GtkLabel         *b_value;
  GtkLabel         *grad_value;
  GtkRevealer      *message_revealer;
  GtkImage         *message_icon;
  GtkLabel         *message_title;
  GtkLabel         *message_label;
  ElabPlotView     *training_view;
  ElabPlotView     *landscape_view;
  GtkPaned         *paned;
  GtkToggleButton  *show_fit_button;
  GtkToggleButton  *show_landscape_button;
  GtkSwitch        *log_scale_switch;

  /* Owned */
  ElabTrainingRun  *run;
  char             *message;       /* as shown, for tests and a11y */

  guint             tick_id;
  gboolean          loss_log_scale;  /* the state's, as last notified */
  int               paned_last;
  gboolean          paned_dragged;
};

enum {
  PROP_0,
  PROP_LOSS_LOG_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ElabTrainingPage, elab_training_page, ELAB_TYPE_PAGE)

static ElabDocument *
document_of (ElabTrainingPage *self)
{
  return elab_page_get_document (ELAB_PAGE (self));
}

/* Read-outs ------------------------------------------------------------- */

/* As the figure's legend writes the same numbers. */
static void
set_label_number (GtkLabel *label,
                  double    value)
{
  char buf[ELAB_NUMBER_BUF_SIZE];

  elab_number_format (value, ELAB_NUMBER_VALUE, buf, sizeof buf);
  elab_label_set (label, buf);
}

static void
update_readouts (ElabTrainingPage *self)
{
  const ElabTrainer *trainer = elab_training_run_get_trainer (self->run);
  const ElabState *state;
  g_autofree char *loss = NULL;
  char buf[64];

  if (trainer == NULL || document_of (self) == NULL)
    {
      elab_label_set (self->step_value, "–");
      elab_label_set (self->loss_value, "–");
      elab_label_set (self->w_value, "–");
      elab_label_set (self->b_value, "–");
      elab_label_set (self->grad_value, "–");
      return;
    }

  state = elab_document_get_state (document_of (self));
  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, elab_trainer_get_steps (trainer));
  elab_label_set (self->step_value, buf);
  /* A squared error has no unit: plain digits. */
  if (elab_trainer_get_settings (trainer)->loss == ELAB_LOSS_SQUARED)
    {
      elab_number_format (elab_trainer_get_loss (trainer), ELAB_NUMBER_VALUE, buf, sizeof buf);
      loss = g_strdup (buf);
    }
  else
    loss = elab_format_value (elab_trainer_get_loss (trainer) * elab_unit_factor (state->unit),
                              state->unit);
  elab_label_set (self->loss_value, loss);
  set_label_number (self->w_value, elab_trainer_get_w (trainer));
  set_label_number (self->b_value, elab_trainer_get_b (trainer));
  set_label_number (self->grad_value, elab_trainer_get_grad_norm (trainer));
}

static void
update_message (ElabTrainingPage *self)
{
  /* By ElabTrainingNotice: the icon, its style class and its name for
   * screen readers (the icon says what kind of message this is). */
  static const struct { const char *icon, *css, *name; } looks[] = {
    { NULL, NULL, NULL },
    { "dialog-error-symbolic", "error", "Error" },
    { "document-open-symbolic", "accent", "Information" },
    { "object-select-symbolic", "success", "Done" },
    { "dialog-information-symbolic", "accent", "Information" },
    { "dialog-warning-symbolic", "warning", "Warning" },
    { "dialog-information-symbolic", "warning", "Warning" },
  };
  const char *title = NULL;
  g_autofree char *body = NULL;
  ElabTrainingNotice notice = elab_training_run_dup_notice (self->run, &title, &body);
  g_autofree char *message = title != NULL ? g_strdup_printf ("%s %s", title, body != NULL ? body : "") : NULL;

  /* Called every frame: touch the widgets only when the text changes. */
  if (g_strcmp0 (message, self->message) == 0)
    return;

  for (guint i = 1; i < G_N_ELEMENTS (looks); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_icon), looks[i].css);

  g_clear_pointer (&self->message, g_free);
  if (title == NULL)
    {
      gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
      return;
    }

  self->message = g_steal_pointer (&message);
  gtk_image_set_from_icon_name (self->message_icon, looks[notice].icon);
  gtk_widget_add_css_class (GTK_WIDGET (self->message_icon), looks[notice].css);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, looks[notice].name, -1);
  gtk_label_set_text (self->message_title, title);
  gtk_label_set_text (self->message_label, body != NULL ? body : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), body != NULL && *body);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_revealer),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->message, -1);
}

static void
update_actions (ElabTrainingPage *self)
{
  const ElabTrainer *trainer = elab_training_run_get_trainer (self->run);
  gboolean have = trainer != NULL && !elab_training_run_is_loading (self->run);
  gboolean more = have && !elab_trainer_is_done (trainer);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "train.toggle-play", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "train.step", more);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "train.reset", have);
  gtk_widget_set_sensitive (GTK_WIDGET (self->play_button), have);
}

static void
update_play_button (ElabTrainingPage *self)
{
  gboolean playing = elab_training_run_get_playing (self->run);
  const char *icon = playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic";

  /* Its toggled handler asks for what is already so: a no-op. */
  gtk_toggle_button_set_active (self->play_button, playing);
  /* Called every frame while playing: a new icon only on play or pause. */
  if (g_strcmp0 (gtk_image_get_icon_name (self->play_icon), icon) == 0)
    return;
  gtk_image_set_from_icon_name (self->play_icon, icon);
  gtk_label_set_text (self->play_label, playing ? "Pause" : "Play");
}

/* The Training figure tells where the run is (step and playing, paused,
 * converged…), read-outs or none: presentation mode folds them away.
 * Paused, stepped or reset, at once; while playing, as often as the view
 * takes it. */
static void
update_status (ElabTrainingPage *self)
{
  g_autofree char *summary = elab_training_run_dup_summary (self->run);

  elab_plot_view_set_status (self->training_view, summary, !elab_training_run_get_playing (self->run));
}

static void update_tick (ElabTrainingPage *self);

/* The figures redraw themselves as the run moves. */
static void
update_run (ElabTrainingPage *self)
{
  update_tick (self);
  update_play_button (self);
  update_readouts (self);
  update_status (self);
  update_message (self);
  update_actions (self);
}

/* Widgets from the state ------------------------------------------------ */

static void
update_speed_label (ElabTrainingPage *self)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%.0f steps/s", elab_training_run_get_speed (self->run));
  gtk_label_set_text (self->speed_label, buf);
}

static void
update_sensitivity (ElabTrainingPage *self)
{
  const ElabState *state = elab_document_get_state (document_of (self));

  /* Newton's step needs no learning rate; only momentum uses β. */
  gtk_widget_set_sensitive (self->lr_row, state->optimizer != ELAB_OPTIMIZER_NEWTON);
  gtk_widget_set_sensitive (self->momentum_row, state->optimizer == ELAB_OPTIMIZER_MOMENTUM);
  gtk_widget_set_sensitive (GTK_WIDGET (self->standardize_switch),
                            state->optimizer != ELAB_OPTIMIZER_NEWTON);
}

/* The loss-log-scale property follows the state whoever changed it (a
 * scenario, a scene, restored settings), so the train.loss-log-scale
 * action's state and the switch follow too. */
static void
sync_loss_scale (ElabTrainingPage *self)
{
  gboolean log_scale = document_of (self) != NULL &&
    elab_document_get_state (document_of (self))->loss_scale == ELAB_LOSS_SCALE_LOG;

  if (log_scale == self->loss_log_scale)
    return;
  self->loss_log_scale = log_scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOSS_LOG_SCALE]);
}

static void
set_loss_log_scale (ElabTrainingPage *self,
                    gboolean          log_scale)
{
  ElabLossScale scale = log_scale ? ELAB_LOSS_SCALE_LOG : ELAB_LOSS_SCALE_LINEAR;
  ElabState *state;

  if (document_of (self) == NULL)
    return;

  state = elab_document_edit (document_of (self));
  if (state->loss_scale != scale)
    {
      /* Only how the loss is drawn: the run goes on where it is. The
       * figures redraw on the document's change. */
      state->loss_scale = scale;
      elab_document_changed (document_of (self), ELAB_CHANGE_TRAINING);
    }
  sync_loss_scale (self);
}

static void
update_all (ElabTrainingPage *self)
{
  if (document_of (self) == NULL)
    return;

  /* The settings' controls follow through their bindings. */
  sync_loss_scale (self);
  update_sensitivity (self);
  elab_data_chooser_sync (self->data_chooser);
  update_run (self);
}

/* Animation ------------------------------------------------------------- */

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  elab_training_run_advance (ELAB_TRAINING_PAGE (widget)->run, gdk_frame_clock_get_frame_time (clock));
  return G_SOURCE_CONTINUE;
}

static void
update_tick (ElabTrainingPage *self)
{
  gboolean want = elab_training_run_get_playing (self->run) && gtk_widget_get_mapped (GTK_WIDGET (self));

  if (want && self->tick_id == 0)
    {
      elab_training_run_restart_clock (self->run);
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
    }
  else if (!want && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

/* Shown with the focus outside the page (on the page switcher, say):
 * give it to Play, so that Space plays and pauses, and S and R reach the
 * page's key bindings. */
static void
focus_play (ElabTrainingPage *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !gtk_widget_get_sensitive (GTK_WIDGET (self->play_button)))
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->play_button));
}

/* Actions --------------------------------------------------------------- */

static void
toggle_play_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ElabTrainingPage *self = ELAB_TRAINING_PAGE (widget);

  elab_training_run_set_playing (self->run, !elab_training_run_get_playing (self->run));
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  elab_training_run_step (ELAB_TRAINING_PAGE (widget)->run);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  elab_training_run_reset (ELAB_TRAINING_PAGE (widget)->run);
}

/* Record…: the run saved as this page plays it, at its speed. */
static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ElabTrainingPage *self = ELAB_TRAINING_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (document_of (self) != NULL)
    elab_record_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, document_of (self),
                                elab_training_run_get_speed (self->run));
}

/* The learning rate's slider moves over log10 of the rate, in steps of two
 * significant digits: 0.1, 0.25, 3.2 rather than 0.251188643. */
static double
lr_to_log (double   lr,
           gpointer user_data)
{
  return log10 (lr);
}

static double
lr_from_log (double   v,
             gpointer user_data)
{
  char buf[32];

  g_ascii_formatd (buf, sizeof buf, "%.2g", pow (10.0, v));
  return g_ascii_strtod (buf, NULL);
}

/* Template callbacks ---------------------------------------------------- */

static void
play_toggled_cb (ElabTrainingPage *self)
{
  elab_training_run_set_playing (self->run, gtk_toggle_button_get_active (self->play_button));
}

static void
speed_changed_cb (ElabTrainingPage *self)
{
  double speed = round (pow (10.0, gtk_adjustment_get_value (self->speed_adjustment)));

  elab_training_run_set_speed (self->run, CLAMP (speed, 1.0, 1000.0));
  update_speed_label (self);
}

static void
paned_max_cb (GtkPaned         *paned,
              GParamSpec       *pspec,
              ElabTrainingPage *self)
{
  int max = 0;

  /* The fit and loss figure has two columns, the landscape one: give the
   * first about three fifths, until someone drags the handle. */
  g_object_get (paned, "max-position", &max, NULL);
  if (!self->paned_dragged && max > 0)
    {
      /* paned_position_cb tells this from a drag: it lands on paned_last. */
      self->paned_last = MIN (max, (int) round (0.56 * gtk_widget_get_width (GTK_WIDGET (paned))));
      gtk_paned_set_position (paned, self->paned_last);
    }
}

static void
paned_position_cb (GtkPaned         *paned,
                   GParamSpec       *pspec,
                   ElabTrainingPage *self)
{
  gboolean set = FALSE;

  g_object_get (paned, "position-set", &set, NULL);
  if (set && gtk_paned_get_position (paned) != self->paned_last)
    self->paned_dragged = TRUE;
}

/* Both figures side by side, or one of them over the whole width (on a
 * small screen, or to talk about one). */
static void
show_toggled_cb (ElabTrainingPage *self)
{
  gboolean fit_only = gtk_toggle_button_get_active (self->show_fit_button);
  gboolean landscape_only = gtk_toggle_button_get_active (self->show_landscape_button);

  gtk_widget_set_visible (GTK_WIDGET (self->training_view), !landscape_only);
  gtk_widget_set_visible (GTK_WIDGET (self->landscape_view), !fit_only);
}

/* Document ---------------------------------------------------------------- */

static void
elab_training_page_document_changed (ElabPage *page,
                                     guint     what)
{
  ElabTrainingPage *self = ELAB_TRAINING_PAGE (page);

  if (what & ELAB_CHANGE_TRAINING)
    {
      /* A control, a preset, a scenario or restored settings: the run
       * follows them first, then the controls show what it made of them. */
      elab_training_run_follow (self->run, elab_page_get_document (page));
      update_all (self);
    }
  else if (what & ELAB_CHANGE_UNIT)
    update_readouts (self);
}

/* GObject ----------------------------------------------------------------- */

static void
elab_training_page_map (GtkWidget *widget)
{
  ElabTrainingPage *self = ELAB_TRAINING_PAGE (widget);

  GTK_WIDGET_CLASS (elab_training_page_parent_class)->map (widget);
  update_tick (self);
  focus_play (self);
}

static void
elab_training_page_unmap (GtkWidget *widget)
{
  ElabTrainingPage *self = ELAB_TRAINING_PAGE (widget);

  /* Another page is showing: the run waits where it is. */
  elab_training_run_set_playing (self->run, FALSE);

  GTK_WIDGET_CLASS (elab_training_page_parent_class)->unmap (widget);
}

static void
elab_training_page_dispose (GObject *object)
{
  ElabTrainingPage *self = ELAB_TRAINING_PAGE (object);

  /* Unmapped by now: the run stopped playing and took the tick along. */
  if (self->run != NULL)
    {
      /* Whoever still holds the run (an export dialog) keeps what it
       * shows; it no longer loads or plays for a page that is gone. */
      g_signal_handlers_disconnect_by_data (self->run, self);
      elab_training_run_follow (self->run, NULL);
      g_clear_object (&self->run);
    }
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (elab_training_page_parent_class)->dispose (object);
}

static void
elab_training_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ElabTrainingPage *self = ELAB_TRAINING_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOSS_LOG_SCALE:
      g_value_set_boolean (value, self->loss_log_scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
elab_training_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ElabTrainingPage *self = ELAB_TRAINING_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOSS_LOG_SCALE:
      set_loss_log_scale (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
elab_training_page_class_init (ElabTrainingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ElabPageClass *page_class = ELAB_PAGE_CLASS (klass);

  object_class->dispose = elab_training_page_dispose;
  object_class->get_property = elab_training_page_get_property;
  object_class->set_property = elab_training_page_set_property;

  widget_class->map = elab_training_page_map;
  widget_class->unmap = elab_training_page_unmap;

  page_class->document_changed = elab_training_page_document_changed;

  /* The loss over the steps on a log axis: the state's loss_scale, kept
   * in the document so it is saved and restored with everything else.
   * The stateful action train.loss-log-scale (the "Loss on a log scale"
   * switch, the L key) sets it; it never touches the run. */
  properties[PROP_LOSS_LOG_SCALE] =
    g_param_spec_boolean ("loss-log-scale", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entropylab/EntropyLab/ui/elab-training-page.ui");
  elab_page_class_bind_template (widget_class);
  elab_page_class_set_panel_keep (widget_class, ELAB_PRESENTATION_KEEP_ALWAYS | ELAB_PRESENTATION_KEEP_RUN);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, data_chooser);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, play_button);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, play_icon);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, play_label);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, speed_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, speed_label);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, loss_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, compare_losses_switch);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, optimizer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, lr_row);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, lr_log_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, lr_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, momentum_row);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, momentum_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, steps_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, standardize_switch);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, bias_switch);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, step_value);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, loss_value);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, w_value);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, b_value);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, grad_value);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, message_icon);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, message_title);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, training_view);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, landscape_view);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, paned);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, show_fit_button);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, show_landscape_button);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, log_scale_switch);

  gtk_widget_class_bind_template_callback (widget_class, play_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, speed_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_toggled_cb);

  gtk_widget_class_install_action (widget_class, "train.toggle-play", NULL, toggle_play_action);
  gtk_widget_class_install_action (widget_class, "train.step", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "train.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "train.record", NULL, record_action);
  /* Stateful (boolean): the switch shows and toggles it, L toggles it. */
  gtk_widget_class_install_property_action (widget_class, "train.loss-log-scale", "loss-log-scale");

  /* Bubble phase: a focused text field or button keeps its own keys. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "train.toggle-play", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, 0, "train.step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, 0, "train.reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, 0, "train.loss-log-scale", NULL);

  g_type_ensure (ELAB_TYPE_DATA_CHOOSER);
}

static void
elab_training_page_init (ElabTrainingPage *self)
{
  ElabBindingGroup *bindings = elab_page_get_bindings (ELAB_PAGE (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  elab_page_add_plot_view (ELAB_PAGE (self), self->training_view);
  elab_page_add_plot_view (ELAB_PAGE (self), self->landscape_view);

  /* The page's: the run follows the page's document (document_changed). */
  self->run = elab_training_run_new ();
  elab_plot_view_set_training_run (self->training_view, self->run);
  elab_plot_view_set_training_run (self->landscape_view, self->run);
  elab_data_chooser_set_run (self->data_chooser, self->run);
  g_signal_connect_swapped (self->run, "changed", G_CALLBACK (update_run), self);
  g_signal_connect_swapped (self->run, "loaded", G_CALLBACK (focus_play), self);

  g_signal_connect (self->paned, "notify::max-position", G_CALLBACK (paned_max_cb), self);
  g_signal_connect (self->paned, "notify::position", G_CALLBACK (paned_position_cb), self);
  gtk_adjustment_set_value (self->speed_adjustment, log10 (elab_training_run_get_speed (self->run)));

  /* The training settings' controls. */
  elab_binding_group_bind_drop_down (bindings, "loss", self->loss_dropdown);
  elab_binding_group_bind_toggle (bindings, "compare-losses", GTK_WIDGET (self->compare_losses_switch));
  elab_binding_group_bind_drop_down (bindings, "optimizer", self->optimizer_dropdown);
  elab_binding_group_bind_adjustment (bindings, "learning-rate", self->lr_adjustment);
  elab_binding_set_transform (elab_binding_group_bind_adjustment (bindings, "learning-rate",
                                                                  self->lr_log_adjustment),
                              lr_to_log, lr_from_log, NULL);
  elab_binding_group_bind_adjustment (bindings, "momentum", self->momentum_adjustment);
  elab_binding_group_bind_adjustment (bindings, "steps", self->steps_adjustment);
  elab_binding_group_bind_toggle (bindings, "standardize", GTK_WIDGET (self->standardize_switch));
  elab_binding_group_bind_toggle (bindings, "use-bias", GTK_WIDGET (self->bias_switch));
  update_speed_label (self);
  update_play_button (self);
  update_actions (self);
  update_readouts (self);
}

/* Public ------------------------------------------------------------------ */

GtkWidget *
elab_training_page_new (ElabDocument *document)
{
  return g_object_new (ELAB_TYPE_TRAINING_PAGE, "document", document, NULL);
}

ElabTrainingRun *
elab_training_page_get_run (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), NULL);

  return self->run;
}

void
elab_training_page_set_speed (ElabTrainingPage *self,
                              double            steps_per_second)
{
  g_return_if_fail (ELAB_IS_TRAINING_PAGE (self));
  g_return_if_fail (steps_per_second > 0);

  gtk_adjustment_set_value (self->speed_adjustment,
                            log10 (CLAMP (steps_per_second, 1.0, 1000.0)));
  /* Exactly what was asked, not the slider's rounding of it. */
  elab_training_run_set_speed (self->run, steps_per_second);
  update_speed_label (self);
}

const char *
elab_training_page_get_message (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), NULL);

  return self->message;
}
