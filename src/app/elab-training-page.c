/* elab-training-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gradient descent on the cross-entropy loss, animated: a data set (a
 * built-in or a CSV file), the optimizer's settings, Play/Step/Reset, and
 * two figures drawn from one ElabTrainer: the data with the fitted curve
 * and the loss over the steps, and the loss landscape with the path.
 *
 * The animation is a tick callback that takes speed × elapsed steps, so
 * where a run gets to depends only on the number of steps, never on how
 * frames were timed. A frame passes over at most
 * ELAB_TRAINING_ROWS_PER_FRAME rows; behind that, the clock is rebased
 * instead of piling up a debt, so a million-row file slows the run, not
 * the window. CSV files are read (and the Newton optimum found) in a
 * worker thread.
 */
#define G_LOG_DOMAIN "elab-training-page"

#include "elab-binding.h"
#include "elab-config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "elab-csv.h"
#include "elab-debug.h"
#include "elab-format.h"
#include "elab-number.h"
#include "elab-record-dialog.h"
#include "elab-training-page.h"

#define SPEED_DEFAULT 60.0

struct _ElabTrainingPage
{
  ElabPage          parent_instance;

  /* Template widgets */
  GtkDropDown      *dataset_dropdown;
  GtkStringList    *dataset_model;
  GtkButton        *open_button;
  GtkWidget        *columns_grid;
  GtkDropDown      *x_dropdown;
  GtkDropDown      *y_dropdown;
  GtkStringList    *x_model;
  GtkStringList    *y_model;
  GtkWidget        *positive_title;
  GtkDropDown      *positive_dropdown;
  GtkStringList    *positive_model;
  GtkLabel         *dataset_label;
  GtkToggleButton  *play_button;
  GtkImage         *play_icon;
  GtkLabel         *play_label;
  GtkAdjustment    *speed_adjustment;
  GtkLabel         *speed_label;
  GtkDropDown      *loss_dropdown;
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
  ElabTrainer      *trainer;
  ElabTrainerSettings applied;     /* what the trainer was made or reset with */
  gboolean          rebuilding;    /* a big data set's new settings, in a worker */
  guint             rebuild_serial;
  char             *data_name;     /* what the trainer's data were loaded from */
  char             *data_x;
  char             *data_y;
  char             *data_positive;  /* "" when the reader picked class 1 */
  char            **csv_columns;   /* header of the CSV shown, for the picker */
  char             *error_text;    /* the last failed load, until the next action */
  char             *message;       /* as shown, for tests and a11y */
  GCancellable     *cancellable;
  char             *loading_path;
  guint             load_serial;
  gboolean          loading;

  gboolean          playing;
  guint             tick_id;
  gint64            t0;            /* frame time the step count is counted from; < 0: next frame */
  guint64           steps_at_t0;
  double            speed;

  /* ELAB_FRAME_STATS: the time each frame's steps took, µs. */
  gint64            step_us[4096];
  guint             n_step_us;

  guint             n_builtins;
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

static void update_all (ElabTrainingPage *self);
static void column_selected_cb (ElabTrainingPage *self);
static void focus_play (ElabTrainingPage *self);
static void start_load (ElabTrainingPage *self,
                        const char       *path,
                        const char       *x_column,
                        const char       *y_column,
                        const char       *positive);

/* Settings and state ------------------------------------------------------ */

static gboolean
settings_equal (const ElabTrainerSettings *a,
                const ElabTrainerSettings *b)
{
  return a->loss == b->loss &&
         a->optimizer == b->optimizer &&
         a->learning_rate == b->learning_rate &&
         a->momentum == b->momentum &&
         a->max_steps == b->max_steps &&
         !a->standardize == !b->standardize &&
         !a->use_bias == !b->use_bias &&
         a->init_w == b->init_w &&
         a->init_b == b->init_b &&
         a->tolerance == b->tolerance;
}

static gboolean
is_builtin (const char *name)
{
  return name != NULL && elab_dataset_find_builtin (name) != NULL;
}

static void
clear_error (ElabTrainingPage *self)
{
  g_clear_pointer (&self->error_text, g_free);
}

/* Back to the start (time base included), so a run replays exactly. */
static void
rebase_clock (ElabTrainingPage *self)
{
  self->t0 = -1;
  self->steps_at_t0 = self->trainer != NULL ? elab_trainer_get_steps (self->trainer) : 0;
}

static void
install_trainer (ElabTrainingPage          *self,
                 ElabTrainer               *trainer,
                 const ElabTrainerSettings *settings)
{
  ElabTrainer *old = self->trainer;

  self->trainer = trainer;
  self->applied = *settings;
  /* A worker's settings for the old run are moot now. */
  self->rebuild_serial++;
  self->rebuilding = FALSE;
  /* The views borrow it: hand them the new one before the old one goes. */
  elab_plot_view_set_trainer (self->training_view, trainer);
  elab_plot_view_set_trainer (self->landscape_view, trainer);
  g_clear_pointer (&old, elab_trainer_free);
  rebase_clock (self);
}

static void start_rebuild (ElabTrainingPage          *self,
                           const ElabTrainerSettings *settings);

/* Resets the run when the state's settings differ from the trainer's.
 * New settings cost a few passes over the data (the Newton optimum):
 * with many rows that happens in a worker, one at a time, while the old
 * run stays on screen. */
static void
apply_settings (ElabTrainingPage *self)
{
  ElabTrainerSettings s;

  if (self->trainer == NULL || document_of (self) == NULL)
    return;

  elab_trainer_settings_from_state (elab_document_get_state (document_of (self)), &s);
  if (settings_equal (&s, &self->applied))
    return;

  if (elab_trainer_get_dataset (self->trainer)->n_rows >= ELAB_TRAINER_PARALLEL_ROWS)
    {
      /* Done in turn: the one in flight calls back here when it lands. */
      if (!self->rebuilding)
        start_rebuild (self, &s);
      return;
    }

  elab_trainer_reset (self->trainer, &s);
  self->applied = s;
  rebase_clock (self);
}

/* Makes the trainer match the state: new data when the data set or its
 * columns changed, else new settings. */
static void
apply_state (ElabTrainingPage *self)
{
  const ElabState *state;

  if (document_of (self) == NULL)
    return;

  state = elab_document_get_state (document_of (self));
  if (self->trainer != NULL &&
      g_strcmp0 (self->data_name, state->dataset) == 0 &&
      (is_builtin (state->dataset) ||
       (g_strcmp0 (self->data_x, state->x_column) == 0 &&
        g_strcmp0 (self->data_y, state->y_column) == 0 &&
        g_strcmp0 (self->data_positive, state->positive) == 0)))
    {
      apply_settings (self);
      return;
    }

  if (self->loading && g_strcmp0 (self->loading_path, state->dataset) == 0)
    return;

  if (is_builtin (state->dataset))
    {
      g_autoptr(ElabDataset) dataset = elab_dataset_new_builtin (state->dataset);
      ElabTrainerSettings s;

      /* A built-in wins over a CSV still loading. */
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->load_serial++;
      self->loading = FALSE;

      elab_trainer_settings_from_state (state, &s);
      g_free (self->data_name);
      self->data_name = g_strdup (state->dataset);
      g_clear_pointer (&self->data_x, g_free);
      g_clear_pointer (&self->data_y, g_free);
      g_clear_pointer (&self->data_positive, g_free);
      g_clear_pointer (&self->csv_columns, g_strfreev);
      install_trainer (self, elab_trainer_new (dataset, &s), &s);
    }
  else if (state->dataset[0] != '\0')
    {
      start_load (self, state->dataset,
                  state->x_column[0] ? state->x_column : NULL,
                  state->y_column[0] ? state->y_column : NULL,
                  state->positive);
    }
}

/* Tells the listeners (this page among them) what the page wrote into
 * the state. */
static void
commit_state (ElabTrainingPage *self)
{
  if (document_of (self) == NULL)
    return;

  elab_document_changed (document_of (self), ELAB_CHANGE_TRAINING);
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
  const ElabState *state;
  g_autofree char *loss = NULL;
  char buf[64];

  if (self->trainer == NULL || document_of (self) == NULL)
    {
      elab_label_set (self->step_value, "–");
      elab_label_set (self->loss_value, "–");
      elab_label_set (self->w_value, "–");
      elab_label_set (self->b_value, "–");
      elab_label_set (self->grad_value, "–");
      return;
    }

  state = elab_document_get_state (document_of (self));
  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, elab_trainer_get_steps (self->trainer));
  elab_label_set (self->step_value, buf);
  /* A squared error has no unit: plain digits. */
  if (elab_trainer_get_settings (self->trainer)->loss == ELAB_LOSS_SQUARED)
    {
      elab_number_format (elab_trainer_get_loss (self->trainer), ELAB_NUMBER_VALUE, buf, sizeof buf);
      loss = g_strdup (buf);
    }
  else
    loss = elab_format_value (elab_trainer_get_loss (self->trainer) * elab_unit_factor (state->unit),
                              state->unit);
  elab_label_set (self->loss_value, loss);
  set_label_number (self->w_value, elab_trainer_get_w (self->trainer));
  set_label_number (self->b_value, elab_trainer_get_b (self->trainer));
  set_label_number (self->grad_value, elab_trainer_get_grad_norm (self->trainer));
}

static void
show_message (ElabTrainingPage *self,
              const char       *icon,
              const char       *css,
              const char       *title,
              const char       *body)
{
  static const char *classes[] = { "error", "warning", "success", "accent" };
  g_autofree char *message = title != NULL ? g_strdup_printf ("%s %s", title, body != NULL ? body : "") : NULL;

  /* Called every frame: touch the widgets only when the text changes. */
  if (g_strcmp0 (message, self->message) == 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_icon), classes[i]);

  g_clear_pointer (&self->message, g_free);
  if (title == NULL)
    {
      gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
      return;
    }

  self->message = g_steal_pointer (&message);
  gtk_image_set_from_icon_name (self->message_icon, icon);
  if (css != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_icon), css);
  /* The icon says what kind of message this is: name it for screen readers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_strcmp0 (css, "error") == 0 ? "Error" :
                                  g_strcmp0 (css, "warning") == 0 ? "Warning" :
                                  g_strcmp0 (css, "success") == 0 ? "Done" : "Information",
                                  -1);
  gtk_label_set_text (self->message_title, title);
  gtk_label_set_text (self->message_label, body != NULL ? body : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), body != NULL && *body);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_revealer),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->message,
                                  -1);
}

static void
update_message (ElabTrainingPage *self)
{
  g_autofree char *body = NULL;

  if (self->error_text != NULL)
    {
      show_message (self, "dialog-error-symbolic", "error",
                    "Could not read the data", self->error_text);
      return;
    }
  if (self->loading)
    {
      show_message (self, "document-open-symbolic", "accent", "Reading the data…", NULL);
      return;
    }
  if (self->trainer == NULL)
    {
      show_message (self, NULL, NULL, NULL, NULL);
      return;
    }

  switch (elab_trainer_get_status (self->trainer))
    {
    case ELAB_TRAIN_STATUS_CONVERGED:
      show_message (self, "object-select-symbolic", "success", "Converged",
                    elab_trainer_get_message (self->trainer));
      break;
    case ELAB_TRAIN_STATUS_MAX_STEPS:
      show_message (self, "dialog-information-symbolic", "accent", "Stopped at the step limit",
                    elab_trainer_get_message (self->trainer));
      break;
    case ELAB_TRAIN_STATUS_DIVERGED:
      show_message (self, "dialog-warning-symbolic", "warning",
                    "Diverged: the learning rate is too large",
                    elab_trainer_get_message (self->trainer));
      break;
    case ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM:
      /* The trainer's message says which way the parameters run off
       * (w for separated classes, b for one class) and whether the loss
       * falls to 0 or levels off. */
      body = g_strdup_printf ("%s Training was stopped rather than let the parameters grow without end.",
                              elab_trainer_get_message (self->trainer));
      show_message (self, "dialog-information-symbolic", "warning",
                    "No finite optimum: the data are separable", body);
      break;
    case ELAB_TRAIN_STATUS_RUNNING:
    default:
      show_message (self, NULL, NULL, NULL, NULL);
      break;
    }
}

static void
update_actions (ElabTrainingPage *self)
{
  gboolean have = self->trainer != NULL && !self->loading;
  gboolean more = have && !elab_trainer_is_done (self->trainer);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "train.toggle-play", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "train.step", more);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "train.reset", have);
  gtk_widget_set_sensitive (GTK_WIDGET (self->play_button), have);
}

static void
update_dataset_label (ElabTrainingPage *self)
{
  const ElabDataset *d;
  g_autoptr(GString) text = NULL;

  if (self->trainer == NULL)
    {
      gtk_label_set_text (self->dataset_label, "");
      return;
    }

  d = elab_trainer_get_dataset (self->trainer);
  text = g_string_new (NULL);
  g_string_append_printf (text, "%" G_GSIZE_FORMAT " rows · x: %s · y: %s",
                          d->n_rows, d->x_name, d->y_name);
  /* Text labels: say which value is class 1, and why when it was picked. */
  if (d->labels[0] != NULL && d->labels[1] != NULL &&
      (d->positive_guessed || g_strcmp0 (d->labels[1], "1") != 0))
    g_string_append_printf (text, "\nClass 1: %s, class 0: %s%s", d->labels[1], d->labels[0],
                            d->positive_guessed ? " (picked: the later alphabetically)" : "");
  if (d->source != NULL && *d->source)
    g_string_append_printf (text, "\nSource: %s", d->source);
  if (d->caveat != NULL && *d->caveat)
    g_string_append_printf (text, "\nCaveat: %s", d->caveat);
  gtk_label_set_text (self->dataset_label, text->str);
}

static void
update_play_button (ElabTrainingPage *self)
{
  /* Its toggled handler asks for what is already so: a no-op. */
  gtk_toggle_button_set_active (self->play_button, self->playing);
  gtk_image_set_from_icon_name (self->play_icon, self->playing ? "media-playback-pause-symbolic"
                                                                : "media-playback-start-symbolic");
  gtk_label_set_text (self->play_label, self->playing ? "Pause" : "Play");
}

static void
update_run (ElabTrainingPage *self)
{
  update_readouts (self);
  update_message (self);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->training_view));
  gtk_widget_queue_draw (GTK_WIDGET (self->landscape_view));
}

/* Widgets from the state ------------------------------------------------ */

static void
set_string_list (GtkStringList      *list,
                 const char * const *items)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  gtk_string_list_splice (list, 0, n, items);
}

static void positive_selected_cb (ElabTrainingPage *self);

/* The class 1 chooser: the label column's two values in alphabetical
 * order (so the list does not reorder as the choice changes), the one
 * that is class 1 selected; shown for a CSV whose label has two values. */
static void
sync_positive_chooser (ElabTrainingPage *self,
                       gboolean          csv)
{
  const ElabDataset *d = self->trainer != NULL ? elab_trainer_get_dataset (self->trainer) : NULL;
  gboolean two = csv && d != NULL && d->labels[0] != NULL && d->labels[1] != NULL;

  gtk_widget_set_visible (self->positive_title, two);
  gtk_widget_set_visible (GTK_WIDGET (self->positive_dropdown), two);
  if (!two)
    return;

  {
    g_autofree char *a = g_utf8_casefold (d->labels[0], -1);
    g_autofree char *b = g_utf8_casefold (d->labels[1], -1);
    gboolean first_is_0 = strcmp (a, b) < 0 || (strcmp (a, b) == 0 && strcmp (d->labels[0], d->labels[1]) < 0);
    const char *items[] = { first_is_0 ? d->labels[0] : d->labels[1],
                            first_is_0 ? d->labels[1] : d->labels[0], NULL };

    g_signal_handlers_block_by_func (self->positive_dropdown, positive_selected_cb, self);
    set_string_list (self->positive_model, items);
    gtk_drop_down_set_selected (self->positive_dropdown, first_is_0 ? 1 : 0);
    g_signal_handlers_unblock_by_func (self->positive_dropdown, positive_selected_cb, self);
  }
}

static void
sync_dataset_chooser (ElabTrainingPage *self)
{
  const ElabState *state = elab_document_get_state (document_of (self));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->dataset_model));
  const char *name = self->data_name != NULL ? self->data_name : state->dataset;
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n_builtins = 0;
  const ElabDatasetInfo *builtins = elab_dataset_get_builtins (&n_builtins);
  gboolean csv = name != NULL && *name && !is_builtin (name);

  /* One extra entry for a CSV file, after the built-ins. Selecting what
   * the state holds is a no-op for dataset_selected_cb. */
  if (csv)
    {
      g_autofree char *base = g_path_get_basename (name);
      const char *items[] = { base, NULL };

      gtk_string_list_splice (self->dataset_model, self->n_builtins, n - self->n_builtins, items);
      selected = self->n_builtins;
    }
  else
    {
      gtk_string_list_splice (self->dataset_model, self->n_builtins, n - self->n_builtins, NULL);
      for (guint i = 0; i < n_builtins; i++)
        if (g_strcmp0 (builtins[i].name, name) == 0)
          selected = i;
    }
  gtk_drop_down_set_selected (self->dataset_dropdown, selected);

  gtk_widget_set_visible (self->columns_grid, csv && self->csv_columns != NULL);
  if (csv && self->csv_columns != NULL && self->trainer != NULL)
    {
      const ElabDataset *d = elab_trainer_get_dataset (self->trainer);
      guint x_sel = 0, y_sel = 0;

      /* Refilling a list moves its selection, which is nobody's choice
       * of column: the handler waits until both show the loaded ones. */
      g_signal_handlers_block_by_func (self->x_dropdown, column_selected_cb, self);
      g_signal_handlers_block_by_func (self->y_dropdown, column_selected_cb, self);
      set_string_list (self->x_model, (const char * const *) self->csv_columns);
      set_string_list (self->y_model, (const char * const *) self->csv_columns);
      for (guint i = 0; self->csv_columns[i] != NULL; i++)
        {
          if (g_strcmp0 (self->csv_columns[i], d->x_name) == 0)
            x_sel = i;
          if (g_strcmp0 (self->csv_columns[i], d->y_name) == 0)
            y_sel = i;
        }
      gtk_drop_down_set_selected (self->x_dropdown, x_sel);
      gtk_drop_down_set_selected (self->y_dropdown, y_sel);
      g_signal_handlers_unblock_by_func (self->x_dropdown, column_selected_cb, self);
      g_signal_handlers_unblock_by_func (self->y_dropdown, column_selected_cb, self);
    }
  sync_positive_chooser (self, csv);
}

static void
update_speed_label (ElabTrainingPage *self)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%.0f steps/s", self->speed);
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
sync_from_state (ElabTrainingPage *self)
{
  /* The settings' controls follow through their bindings. */
  sync_loss_scale (self);
  update_sensitivity (self);
}

static void
update_all (ElabTrainingPage *self)
{
  if (document_of (self) == NULL)
    return;

  sync_from_state (self);
  sync_dataset_chooser (self);
  update_dataset_label (self);
  update_play_button (self);
  update_run (self);
}

/* Loading a CSV file in a worker ------------------------------------------ */

typedef struct
{
  char                *path;
  char                *x_column;
  char                *y_column;
  char                *positive;
  ElabTrainerSettings  settings;
  guint                serial;

  ElabTrainer         *trainer;
  char               **columns;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->path);
  g_free (job->x_column);
  g_free (job->y_column);
  g_free (job->positive);
  g_clear_pointer (&job->trainer, elab_trainer_free);
  g_strfreev (job->columns);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(ElabDataset) dataset = NULL;
  GError *error = NULL;

  if (strlen (job->path) >= ELAB_DATASET_NAME_MAX)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FILENAME_TOO_LONG,
                               "%s: the path is too long", job->path);
      return;
    }

  job->columns = elab_csv_read_columns (job->path, &error);
  if (job->columns == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  dataset = elab_dataset_load (job->path, job->x_column, job->y_column, job->positive, &error);
  if (dataset == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_boolean (task, FALSE);
      return;
    }
  /* The Newton optimum takes a few passes: here, not on the main loop. */
  job->trainer = elab_trainer_new (dataset, &job->settings);
  g_task_return_boolean (task, TRUE);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ElabTrainingPage *self = ELAB_TRAINING_PAGE (source);
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  ElabState *state;

  /* Superseded by a later load or a built-in, or the page is gone. */
  if (job->serial != self->load_serial || document_of (self) == NULL)
    return;

  self->loading = FALSE;
  g_clear_object (&self->cancellable);

  if (!ok)
    {
      g_free (self->error_text);
      self->error_text = g_strdup (error != NULL ? error->message : "Cancelled");
      /* Nothing loaded yet (a file restored from last time has gone):
       * fall back to the first built-in, so there is a run to show. */
      if (self->trainer == NULL)
        {
          guint n_builtins = 0;
          const ElabDatasetInfo *builtins = elab_dataset_get_builtins (&n_builtins);
          char *text = g_strdup_printf ("%s%s Showing the built-in “%s” data instead.",
                                        self->error_text,
                                        g_str_has_suffix (self->error_text, ".") ? "" : ".",
                                        builtins[0].title);

          state = elab_document_edit (document_of (self));
          g_strlcpy (state->dataset, builtins[0].name, sizeof state->dataset);
          state->x_column[0] = '\0';
          state->y_column[0] = '\0';
          state->positive[0] = '\0';
          /* A change of the state clears the last error: say it after. */
          commit_state (self);
          g_free (self->error_text);
          self->error_text = text;
          update_all (self);
          return;
        }

      /* Keep the data we had; the chooser goes back to them. */
      if (self->trainer != NULL)
        {
          const ElabDataset *d = elab_trainer_get_dataset (self->trainer);

          g_free (self->data_name);
          self->data_name = g_strdup (d->name);
        }
      state = elab_document_edit (document_of (self));
      if (self->data_name != NULL && g_strcmp0 (state->dataset, self->data_name) != 0)
        {
          g_autofree char *error_text = g_steal_pointer (&self->error_text);

          g_strlcpy (state->dataset, self->data_name, sizeof state->dataset);
          g_strlcpy (state->x_column, self->data_x ? self->data_x : "", sizeof state->x_column);
          g_strlcpy (state->y_column, self->data_y ? self->data_y : "", sizeof state->y_column);
          g_strlcpy (state->positive, self->data_positive ? self->data_positive : "",
                     sizeof state->positive);
          commit_state (self);
          self->error_text = g_steal_pointer (&error_text);
        }
      update_all (self);
      return;
    }

  clear_error (self);
  g_free (self->data_name);
  self->data_name = g_strdup (job->path);
  g_free (self->data_x);
  self->data_x = g_strdup (job->x_column ? job->x_column : "");
  g_free (self->data_y);
  self->data_y = g_strdup (job->y_column ? job->y_column : "");
  g_free (self->data_positive);
  self->data_positive = g_strdup (job->positive ? job->positive : "");
  g_strfreev (self->csv_columns);
  self->csv_columns = g_steal_pointer (&job->columns);
  install_trainer (self, g_steal_pointer (&job->trainer), &job->settings);

  state = elab_document_edit (document_of (self));
  g_strlcpy (state->dataset, self->data_name, sizeof state->dataset);
  g_strlcpy (state->x_column, self->data_x, sizeof state->x_column);
  g_strlcpy (state->y_column, self->data_y, sizeof state->y_column);
  g_strlcpy (state->positive, self->data_positive, sizeof state->positive);
  commit_state (self);

  /* The settings may have moved while the file was read. */
  apply_settings (self);
  update_all (self);
  focus_play (self);
}

static void
start_load (ElabTrainingPage *self,
            const char       *path,
            const char       *x_column,
            const char       *y_column,
            const char       *positive)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (LoadJob, 1);
  job->path = g_strdup (path);
  job->x_column = g_strdup (x_column);
  job->y_column = g_strdup (y_column);
  job->positive = g_strdup (positive);
  job->serial = ++self->load_serial;
  g_free (self->loading_path);
  self->loading_path = g_strdup (path);
  elab_trainer_settings_from_state (elab_document_get_state (document_of (self)), &job->settings);

  self->loading = TRUE;
  elab_training_page_set_playing (self, FALSE);
  update_message (self);
  update_actions (self);

  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, job, load_job_free);
  g_task_run_in_thread (task, load_thread);
}

typedef struct
{
  ElabDataset         *dataset;
  ElabTrainerSettings  settings;
  guint                serial;
  ElabTrainer         *trainer;
} RebuildJob;

static void
rebuild_job_free (gpointer data)
{
  RebuildJob *job = data;

  g_clear_pointer (&job->dataset, elab_dataset_unref);
  g_clear_pointer (&job->trainer, elab_trainer_free);
  g_free (job);
}

static void
rebuild_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RebuildJob *job = task_data;

  job->trainer = elab_trainer_new (job->dataset, &job->settings);
  g_task_return_boolean (task, TRUE);
}

static void
rebuild_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ElabTrainingPage *self = ELAB_TRAINING_PAGE (source);
  RebuildJob *job = g_task_get_task_data (G_TASK (result));

  if (job->serial != self->rebuild_serial)
    return;
  self->rebuilding = FALSE;
  if (document_of (self) == NULL || self->trainer == NULL ||
      elab_trainer_get_dataset (self->trainer) != job->dataset)
    return;

  install_trainer (self, g_steal_pointer (&job->trainer), &job->settings);
  /* The controls may have moved on while this one was made. */
  apply_settings (self);
  update_run (self);
}

static void
start_rebuild (ElabTrainingPage          *self,
               const ElabTrainerSettings *settings)
{
  g_autoptr(GTask) task = NULL;
  RebuildJob *job = g_new0 (RebuildJob, 1);

  job->dataset = elab_dataset_ref (elab_trainer_get_dataset (self->trainer));
  job->settings = *settings;
  job->serial = ++self->rebuild_serial;
  self->rebuilding = TRUE;

  task = g_task_new (self, NULL, rebuild_done_cb, NULL);
  g_task_set_source_tag (task, start_rebuild);
  g_task_set_task_data (task, job, rebuild_job_free);
  g_task_run_in_thread (task, rebuild_thread);
}

/* Animation ------------------------------------------------------------- */

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  elab_training_page_advance (ELAB_TRAINING_PAGE (widget), gdk_frame_clock_get_frame_time (clock));
  return G_SOURCE_CONTINUE;
}

static void
update_tick (ElabTrainingPage *self)
{
  gboolean want = self->playing && gtk_widget_get_mapped (GTK_WIDGET (self));

  if (want && self->tick_id == 0)
    {
      rebase_clock (self);
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
    }
  else if (!want && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

void
elab_training_page_advance (ElabTrainingPage *self,
                            gint64            frame_time_us)
{
  const ElabDataset *d;
  guint64 now_steps, target;
  guint cap, want;

  g_return_if_fail (ELAB_IS_TRAINING_PAGE (self));

  if (!self->playing || self->trainer == NULL || self->loading)
    return;

  now_steps = elab_trainer_get_steps (self->trainer);
  if (self->t0 < 0 || frame_time_us < self->t0)
    {
      /* The first frame only sets the time base. */
      self->t0 = frame_time_us;
      self->steps_at_t0 = now_steps;
      return;
    }

  target = self->steps_at_t0 +
           (guint64) floor (self->speed * (double) (frame_time_us - self->t0) / G_USEC_PER_SEC);
  if (target <= now_steps)
    return;

  d = elab_trainer_get_dataset (self->trainer);
  cap = (guint) MAX ((gsize) 1, ELAB_TRAINING_ROWS_PER_FRAME / MAX (d->n_rows, (gsize) 1));
  want = (guint) MIN (target - now_steps, (guint64) cap);
  if (want < target - now_steps)
    {
      /* Behind: count from here rather than run up a debt. */
      self->t0 = frame_time_us;
      self->steps_at_t0 = now_steps + want;
    }

  {
    gint64 start = g_get_monotonic_time ();

    elab_trainer_step (self->trainer, want);
    self->step_us[self->n_step_us++ % G_N_ELEMENTS (self->step_us)] = g_get_monotonic_time () - start;
  }
  if (elab_trainer_is_done (self->trainer))
    {
      self->playing = FALSE;
      update_tick (self);
      update_play_button (self);
    }
  update_run (self);
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

  elab_training_page_set_playing (self, !self->playing);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ElabTrainingPage *self = ELAB_TRAINING_PAGE (widget);

  if (self->trainer == NULL || self->loading)
    return;

  clear_error (self);
  elab_training_page_set_playing (self, FALSE);
  elab_trainer_step (self->trainer, 1);
  rebase_clock (self);
  update_run (self);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ElabTrainingPage *self = ELAB_TRAINING_PAGE (widget);

  if (self->trainer == NULL || self->loading)
    return;

  clear_error (self);
  elab_trainer_reset (self->trainer, NULL);
  rebase_clock (self);
  update_run (self);
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
    elab_record_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, document_of (self), self->speed);
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
  elab_training_page_set_playing (self, gtk_toggle_button_get_active (self->play_button));
}

static void
speed_changed_cb (ElabTrainingPage *self)
{
  self->speed = round (pow (10.0, gtk_adjustment_get_value (self->speed_adjustment)));
  self->speed = CLAMP (self->speed, 1.0, 1000.0);
  rebase_clock (self);
  update_speed_label (self);
}

static void
dataset_selected_cb (ElabTrainingPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->dataset_dropdown);
  guint n_builtins = 0;
  const ElabDatasetInfo *builtins = elab_dataset_get_builtins (&n_builtins);
  ElabState *state;

  if (document_of (self) == NULL || selected >= n_builtins)
    return;

  state = elab_document_edit (document_of (self));
  if (g_strcmp0 (state->dataset, builtins[selected].name) == 0)
    return;
  g_strlcpy (state->dataset, builtins[selected].name, sizeof state->dataset);
  state->x_column[0] = '\0';
  state->y_column[0] = '\0';
  state->positive[0] = '\0';
  elab_training_page_set_playing (self, FALSE);
  /* The page follows the state in document_changed_cb. */
  commit_state (self);
}

static void
column_selected_cb (ElabTrainingPage *self)
{
  guint x = gtk_drop_down_get_selected (self->x_dropdown);
  guint y = gtk_drop_down_get_selected (self->y_dropdown);
  guint n;

  if (document_of (self) == NULL || self->csv_columns == NULL ||
      self->data_name == NULL || is_builtin (self->data_name))
    return;

  n = g_strv_length (self->csv_columns);
  if (x >= n || y >= n)
    return;
  if (g_strcmp0 (self->csv_columns[x], self->data_x) == 0 &&
      g_strcmp0 (self->csv_columns[y], self->data_y) == 0)
    return;

  clear_error (self);
  /* Class 1 is a value of the label column: another column picks anew. */
  start_load (self, self->data_name, self->csv_columns[x], self->csv_columns[y],
              g_strcmp0 (self->csv_columns[y], self->data_y) == 0 ? self->data_positive : NULL);
}

/* A person names the value that is class 1: the file is read again with it. */
static void
positive_selected_cb (ElabTrainingPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->positive_dropdown);
  const char *value;
  const ElabDataset *d;

  if (document_of (self) == NULL || self->trainer == NULL || self->data_name == NULL ||
      is_builtin (self->data_name) || selected == GTK_INVALID_LIST_POSITION)
    return;

  value = gtk_string_list_get_string (self->positive_model, selected);
  d = elab_trainer_get_dataset (self->trainer);
  /* Already class 1 (also when it was picked): nothing to read again. */
  if (value == NULL || g_strcmp0 (value, d->labels[1]) == 0)
    return;

  clear_error (self);
  start_load (self, self->data_name,
              self->data_x != NULL && *self->data_x ? self->data_x : NULL,
              self->data_y != NULL && *self->data_y ? self->data_y : NULL, value);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
open_finish_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ElabTrainingPage) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path != NULL)
    elab_training_page_open_csv (self, path, NULL, NULL);
}
#else
static void
open_response_cb (GtkNativeDialog  *dialog,
                  int               response,
                  ElabTrainingPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        elab_training_page_open_csv (self, path, NULL, NULL);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}
#endif

static void
open_clicked_cb (ElabTrainingPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, "CSV files");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, "All files");
  gtk_file_filter_add_pattern (all, "*");

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, csv);
    g_list_store_append (filters, all);
    gtk_file_dialog_set_title (dialog, "Open CSV");
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_set_default_filter (dialog, csv);
    gtk_file_dialog_open (dialog, parent, NULL, open_finish_cb, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *dialog;

    dialog = gtk_file_chooser_native_new ("Open CSV", parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                          "_Open", "_Cancel");
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
    g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  }
#endif
}

/* The chooser's button shows the title on one ellipsized line (the
 * titles are long); its list shows them whole, wrapped. */
static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 44);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      string != NULL ? gtk_string_object_get_string (string) : "");
}

static GtkListItemFactory *
label_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  return factory;
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
      /* A control, a preset, a scenario or restored settings: follow
       * them. Any such change makes the last failed load old news. */
      clear_error (self);
      apply_state (self);
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
  self->playing = FALSE;
  update_tick (self);
  update_play_button (self);

  GTK_WIDGET_CLASS (elab_training_page_parent_class)->unmap (widget);
}

static void
print_step_stats (ElabTrainingPage *self)
{
  elab_debug_step_stats (self->step_us, MIN (self->n_step_us, G_N_ELEMENTS (self->step_us)),
                         self->trainer != NULL ? elab_trainer_get_dataset (self->trainer)->n_rows : 0);
  self->n_step_us = 0;
}

static void
elab_training_page_dispose (GObject *object)
{
  ElabTrainingPage *self = ELAB_TRAINING_PAGE (object);

  print_step_stats (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->load_serial++;
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  elab_page_set_document (ELAB_PAGE (self), NULL);
  if (self->training_view != NULL)
    {
      elab_plot_view_set_trainer (self->training_view, NULL);
      elab_plot_view_set_trainer (self->landscape_view, NULL);
    }

  G_OBJECT_CLASS (elab_training_page_parent_class)->dispose (object);
}

static void
elab_training_page_finalize (GObject *object)
{
  ElabTrainingPage *self = ELAB_TRAINING_PAGE (object);

  g_clear_pointer (&self->trainer, elab_trainer_free);
  g_free (self->data_name);
  g_free (self->data_x);
  g_free (self->data_y);
  g_free (self->data_positive);
  g_strfreev (self->csv_columns);
  g_free (self->error_text);
  g_free (self->message);
  g_free (self->loading_path);

  G_OBJECT_CLASS (elab_training_page_parent_class)->finalize (object);
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
      elab_training_page_set_loss_log_scale (self, g_value_get_boolean (value));
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
  object_class->finalize = elab_training_page_finalize;
  object_class->get_property = elab_training_page_get_property;
  object_class->set_property = elab_training_page_set_property;

  widget_class->map = elab_training_page_map;
  widget_class->unmap = elab_training_page_unmap;

  page_class->document_changed = elab_training_page_document_changed;

  /* The loss over the steps on a log axis: the state's loss_scale, kept
   * in the document so it is saved and restored with everything else. */
  properties[PROP_LOSS_LOG_SCALE] =
    g_param_spec_boolean ("loss-log-scale", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entropylab/EntropyLab/ui/elab-training-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, dataset_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, dataset_model);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, columns_grid);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, x_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, y_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, positive_title);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, positive_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, positive_model);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, x_model);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, y_model);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, dataset_label);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, play_button);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, play_icon);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, play_label);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, speed_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, speed_label);
  gtk_widget_class_bind_template_child (widget_class, ElabTrainingPage, loss_dropdown);
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

  gtk_widget_class_bind_template_callback (widget_class, dataset_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, positive_selected_cb);
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
}

static void
elab_training_page_init (ElabTrainingPage *self)
{
  guint n_builtins = 0;
  const ElabDatasetInfo *builtins = elab_dataset_get_builtins (&n_builtins);
  ElabBindingGroup *bindings = elab_page_get_bindings (ELAB_PAGE (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  elab_page_add_plot_view (ELAB_PAGE (self), self->training_view);
  elab_page_add_plot_view (ELAB_PAGE (self), self->landscape_view);

  self->speed = SPEED_DEFAULT;
  self->t0 = -1;

  for (guint i = 0; i < n_builtins; i++)
    gtk_string_list_append (self->dataset_model, builtins[i].title);
  self->n_builtins = n_builtins;
  {
    g_autoptr(GtkListItemFactory) button = label_factory_new (TRUE);
    g_autoptr(GtkListItemFactory) list = label_factory_new (FALSE);

    gtk_drop_down_set_factory (self->dataset_dropdown, button);
    gtk_drop_down_set_list_factory (self->dataset_dropdown, list);
  }
  g_signal_connect (self->paned, "notify::max-position", G_CALLBACK (paned_max_cb), self);
  g_signal_connect (self->paned, "notify::position", G_CALLBACK (paned_position_cb), self);
  gtk_adjustment_set_value (self->speed_adjustment, log10 (SPEED_DEFAULT));

  /* The training settings' controls. */
  elab_binding_group_bind_drop_down (bindings, "loss", self->loss_dropdown);
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

ElabPlotView *
elab_training_page_get_plot_view (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), NULL);

  return self->training_view;
}

ElabPlotView *
elab_training_page_get_landscape_view (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), NULL);

  return self->landscape_view;
}

const ElabTrainer *
elab_training_page_get_trainer (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), NULL);

  return self->trainer;
}

gboolean
elab_training_page_get_playing (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), FALSE);

  return self->playing;
}

void
elab_training_page_set_playing (ElabTrainingPage *self,
                                gboolean          playing)
{
  g_return_if_fail (ELAB_IS_TRAINING_PAGE (self));

  playing = !!playing && self->trainer != NULL && !self->loading;
  if (playing && elab_trainer_is_done (self->trainer))
    {
      /* Play after the end replays the run from the start. */
      elab_trainer_reset (self->trainer, NULL);
      update_run (self);
    }
  if (playing)
    clear_error (self);

  if (self->playing != playing)
    {
      self->playing = playing;
      rebase_clock (self);
      update_tick (self);
    }
  update_play_button (self);
  update_message (self);
}

double
elab_training_page_get_speed (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), SPEED_DEFAULT);

  return self->speed;
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
  self->speed = CLAMP (steps_per_second, 1.0, 1000.0);
  update_speed_label (self);
}

void
elab_training_page_open_csv (ElabTrainingPage *self,
                             const char       *path,
                             const char       *x_column,
                             const char       *y_column)
{
  g_return_if_fail (ELAB_IS_TRAINING_PAGE (self));
  g_return_if_fail (path != NULL);

  if (document_of (self) == NULL)
    return;

  clear_error (self);
  start_load (self, path, x_column, y_column, NULL);
}

gboolean
elab_training_page_is_loading (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), FALSE);

  return self->loading;
}

const char *
elab_training_page_get_message (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), NULL);

  return self->message;
}

GtkAdjustment *
elab_training_page_get_learning_rate_adjustment (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), NULL);

  return self->lr_adjustment;
}

GtkDropDown *
elab_training_page_get_loss_dropdown (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), NULL);

  return self->loss_dropdown;
}

GtkDropDown *
elab_training_page_get_optimizer_dropdown (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), NULL);

  return self->optimizer_dropdown;
}

GtkDropDown *
elab_training_page_get_dataset_dropdown (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), NULL);

  return self->dataset_dropdown;
}

GtkSwitch *
elab_training_page_get_standardize_switch (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), NULL);

  return self->standardize_switch;
}

GtkDropDown *
elab_training_page_get_positive_dropdown (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), NULL);

  return self->positive_dropdown;
}

GtkDropDown *
elab_training_page_get_column_dropdown (ElabTrainingPage *self,
                                        guint             axis)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), NULL);
  g_return_val_if_fail (axis < 2, NULL);

  return axis == 0 ? self->x_dropdown : self->y_dropdown;
}

gboolean
elab_training_page_get_loss_log_scale (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), FALSE);

  return self->loss_log_scale;
}

void
elab_training_page_set_loss_log_scale (ElabTrainingPage *self,
                                       gboolean          log_scale)
{
  ElabLossScale scale = log_scale ? ELAB_LOSS_SCALE_LOG : ELAB_LOSS_SCALE_LINEAR;
  ElabState *state;

  g_return_if_fail (ELAB_IS_TRAINING_PAGE (self));

  if (document_of (self) == NULL)
    return;

  state = elab_document_edit (document_of (self));
  if (state->loss_scale != scale)
    {
      /* Only how the loss is drawn: the run goes on where it is. The
       * figures redraw on the document's change. */
      state->loss_scale = scale;
      commit_state (self);
    }
  sync_loss_scale (self);
}

GtkSwitch *
elab_training_page_get_log_scale_switch (ElabTrainingPage *self)
{
  g_return_val_if_fail (ELAB_IS_TRAINING_PAGE (self), NULL);

  return self->log_scale_switch;
}
