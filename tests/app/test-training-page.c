/* test-training-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Widget tests of the Training page: its actions, the animation driven
 * by a simulated frame clock, the honest outcomes shown on the page, and
 * CSV files good and bad.
 */
#include "elab-config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "elab-data-chooser.h"
#include "elab-export.h"
#include "elab-training-page.h"
#include "../plot/plot-test-util.h"
#include "elab-window.h"

#include "app-test-util.h"

#define FRAME_US 16667

static void
wait_for_load (ElabTrainingPage *page)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while (elab_training_run_is_loading (elab_training_page_get_run (page)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

/* A page with the given training settings (on the Challenger data). */
static ElabTrainingPage *
new_page (ElabDocument *document,
          const char   *dataset,
          gboolean      standardize,
          double        learning_rate)
{
  ElabState *state = elab_document_edit (document);
  GtkWidget *page;

  g_strlcpy (state->dataset, dataset, sizeof state->dataset);
  state->standardize = standardize;
  state->learning_rate = learning_rate;
  page = elab_training_page_new (document);
  g_object_ref_sink (page);
  return ELAB_TRAINING_PAGE (page);
}

static void
free_page (ElabTrainingPage *page,
           ElabDocument     *document)
{
  g_assert_finalize_object (page);
  g_assert_finalize_object (document);
}

/* Plays for @n frames of a 60 Hz clock starting at @t0. */
static void
play_frames (ElabTrainingPage *page,
             gint64            t0,
             guint             n)
{
  elab_training_run_set_playing (elab_training_page_get_run (page), TRUE);
  for (guint i = 0; i <= n; i++)
    elab_training_run_advance (elab_training_page_get_run (page), t0 + (gint64) i * FRAME_US);
}

static void
test_step_reset (void)
{
  ElabDocument *document = elab_document_new ();
  ElabTrainingPage *page = new_page (document, "challenger", TRUE, 1.0);
  const ElabTrainer *trainer = elab_training_run_get_trainer (elab_training_page_get_run (page));
  double loss0, loss1;

  g_assert_nonnull (trainer);
  g_assert_cmpuint (elab_trainer_get_steps (trainer), ==, 0);
  loss0 = elab_trainer_get_loss (trainer);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "train.step", NULL));
  g_assert_cmpuint (elab_trainer_get_steps (trainer), ==, 1);
  loss1 = elab_trainer_get_loss (trainer);
  g_assert_cmpfloat (loss1, <, loss0);

  for (guint i = 0; i < 9; i++)
    gtk_widget_activate_action (GTK_WIDGET (page), "train.step", NULL);
  g_assert_cmpuint (elab_trainer_get_steps (trainer), ==, 10);
  g_assert_cmpfloat (elab_trainer_get_loss (trainer), <, loss1);
  g_assert_cmpfloat (elab_trainer_get_w (trainer), !=, 0.0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "train.reset", NULL));
  g_assert_cmpuint (elab_trainer_get_steps (trainer), ==, 0);
  g_assert_cmpfloat (elab_trainer_get_w (trainer), ==, 0.0);
  g_assert_cmpfloat (elab_trainer_get_b (trainer), ==, 0.0);
  g_assert_cmpfloat (elab_trainer_get_loss (trainer), ==, loss0);

  /* Play/pause through its action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "train.toggle-play", NULL));
  g_assert_true (elab_training_run_get_playing (elab_training_page_get_run (page)));
  gtk_widget_activate_action (GTK_WIDGET (page), "train.toggle-play", NULL);
  g_assert_false (elab_training_run_get_playing (elab_training_page_get_run (page)));

  free_page (page, document);
}

static void
test_play_deterministic (void)
{
  double w[2], b[2];
  guint64 steps[2];

  for (guint k = 0; k < 2; k++)
    {
      ElabDocument *document = elab_document_new ();
      ElabTrainingPage *page = new_page (document, "challenger", TRUE, 0.5);
      const ElabTrainer *trainer = elab_training_run_get_trainer (elab_training_page_get_run (page));

      elab_training_page_set_speed (page, 30);
      /* Different clock origins and a jittery frame: same steps, same fit. */
      if (k == 0)
        play_frames (page, 1000000, 60);
      else
        {
          elab_training_run_set_playing (elab_training_page_get_run (page), TRUE);
          elab_training_run_advance (elab_training_page_get_run (page), 5000);
          elab_training_run_advance (elab_training_page_get_run (page), 5000 + 400000);
          elab_training_run_advance (elab_training_page_get_run (page), 5000 + 400000 + 7);
          elab_training_run_advance (elab_training_page_get_run (page), 5000 + 60 * FRAME_US);
        }
      steps[k] = elab_trainer_get_steps (trainer);
      w[k] = elab_trainer_get_w (trainer);
      b[k] = elab_trainer_get_b (trainer);
      g_assert_true (elab_training_run_get_playing (elab_training_page_get_run (page)));
      free_page (page, document);
    }

  /* 30 steps a second for 60 frames of 1/60 s: 30 steps (give or take
   * the rounding of the frame period). */
  g_assert_cmpuint (steps[0], ==, steps[1]);
  g_assert_cmpuint (steps[0], >=, 29);
  g_assert_cmpuint (steps[0], <=, 30);
  g_assert_cmpfloat (w[0], ==, w[1]);
  g_assert_cmpfloat (b[0], ==, b[1]);
}

static void
test_diverged (void)
{
  ElabDocument *document = elab_document_new ();
  /* Raw temperatures in °F with η = 0.1: the first step overshoots. */
  ElabTrainingPage *page = new_page (document, "challenger", FALSE, 0.1);
  const ElabTrainer *trainer = elab_training_run_get_trainer (elab_training_page_get_run (page));
  const char *message;

  g_assert_null (elab_training_page_get_message (page));
  play_frames (page, 0, 30);

  g_assert_cmpint (elab_trainer_get_status (trainer), ==, ELAB_TRAIN_STATUS_DIVERGED);
  g_assert_false (elab_training_run_get_playing (elab_training_page_get_run (page)));
  g_assert_true (isfinite (elab_trainer_get_w (trainer)));
  g_assert_true (isfinite (elab_trainer_get_b (trainer)));
  message = elab_training_page_get_message (page);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Diverged"));
  g_assert_nonnull (strstr (message, "loss grew"));
  g_assert_nonnull (strstr (message, "smaller"));
  /* Nothing more to step. */
  {
    guint64 steps = elab_trainer_get_steps (trainer);

    gtk_widget_activate_action (GTK_WIDGET (page), "train.step", NULL);
    g_assert_cmpuint (elab_trainer_get_steps (trainer), ==, steps);
  }

  /* A smaller learning rate, moved on the control: a fresh run, no message. */
  gtk_adjustment_set_value (GTK_ADJUSTMENT (template_child (page, ELAB_TYPE_TRAINING_PAGE, "lr_adjustment")), 0.001);
  g_assert_cmpfloat (elab_document_get_state (document)->learning_rate, ==, 0.001);
  g_assert_cmpuint (elab_trainer_get_steps (trainer), ==, 0);
  g_assert_null (elab_training_page_get_message (page));

  free_page (page, document);
}

static void
test_separable (void)
{
  ElabDocument *document = elab_document_new ();
  ElabTrainingPage *page = new_page (document, "challenger", TRUE, 1.0);
  const ElabTrainer *trainer;
  GtkDropDown *dropdown = GTK_DROP_DOWN (template_child (template_child (page, ELAB_TYPE_TRAINING_PAGE, "data_chooser"), ELAB_TYPE_DATA_CHOOSER, "dataset_dropdown"));
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint n_builtins = 0;
  const ElabDatasetInfo *builtins = elab_dataset_get_builtins (&n_builtins);
  guint setosa = G_MAXUINT;
  const char *message;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_builtins);
  for (guint i = 0; i < n_builtins; i++)
    if (g_str_equal (builtins[i].name, "iris-setosa"))
      setosa = i;
  g_assert_cmpuint (setosa, <, n_builtins);

  /* Choose the data set as a person would. */
  gtk_drop_down_set_selected (dropdown, setosa);
  g_assert_cmpstr (elab_document_get_state (document)->dataset, ==, "iris-setosa");
  trainer = elab_training_run_get_trainer (elab_training_page_get_run (page));
  g_assert_cmpstr (elab_trainer_get_dataset (trainer)->name, ==, "iris-setosa");

  elab_training_page_set_speed (page, 1000);
  play_frames (page, 0, 200);

  g_assert_cmpint (elab_trainer_get_status (trainer), ==, ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM);
  g_assert_false (elab_training_run_get_playing (elab_training_page_get_run (page)));
  g_assert_true (isfinite (elab_trainer_get_w (trainer)));
  message = elab_training_page_get_message (page);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "No finite optimum"));
  g_assert_nonnull (strstr (message, "separable"));

  free_page (page, document);
}

static void
test_state_sync (void)
{
  ElabDocument *document = elab_document_new ();
  ElabTrainingPage *page = new_page (document, "challenger", TRUE, 1.0);
  const ElabTrainer *trainer = elab_training_run_get_trainer (elab_training_page_get_run (page));
  ElabState *state;

  /* Control → state → trainer. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (template_child (page, ELAB_TYPE_TRAINING_PAGE, "optimizer_dropdown")), ELAB_OPTIMIZER_NEWTON);
  g_assert_cmpint (elab_document_get_state (document)->optimizer, ==, ELAB_OPTIMIZER_NEWTON);
  g_assert_cmpint (elab_trainer_get_settings (trainer)->optimizer, ==, ELAB_OPTIMIZER_NEWTON);
  gtk_switch_set_active (GTK_SWITCH (template_child (page, ELAB_TYPE_TRAINING_PAGE, "standardize_switch")), FALSE);
  g_assert_false (elab_document_get_state (document)->standardize);

  /* State (a preset, restored settings) → controls and trainer. */
  state = elab_document_edit (document);
  state->optimizer = ELAB_OPTIMIZER_MOMENTUM;
  state->learning_rate = 0.25;
  state->momentum = 0.5;
  state->steps = 77;
  state->use_bias = FALSE;
  g_strlcpy (state->dataset, "hours-studied", sizeof state->dataset);
  elab_document_changed (document, ELAB_CHANGE_TRAINING);

  trainer = elab_training_run_get_trainer (elab_training_page_get_run (page));
  g_assert_cmpstr (elab_trainer_get_dataset (trainer)->name, ==, "hours-studied");
  g_assert_cmpint (elab_trainer_get_settings (trainer)->optimizer, ==, ELAB_OPTIMIZER_MOMENTUM);
  g_assert_cmpfloat (elab_trainer_get_settings (trainer)->momentum, ==, 0.5);
  g_assert_cmpuint (elab_trainer_get_settings (trainer)->max_steps, ==, 77);
  g_assert_false (elab_trainer_get_settings (trainer)->use_bias);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (template_child (page, ELAB_TYPE_TRAINING_PAGE, "optimizer_dropdown"))),
                    ==, ELAB_OPTIMIZER_MOMENTUM);
  g_assert_cmpfloat (gtk_adjustment_get_value (GTK_ADJUSTMENT (template_child (page, ELAB_TYPE_TRAINING_PAGE, "lr_adjustment"))),
                     ==, 0.25);

  free_page (page, document);
}

/* The Loss drop-down is bound to the loss parameter both ways, and a new
 * loss is a new run on it. */
static void
test_loss_choice (void)
{
  ElabDocument *document = elab_document_new ();
  ElabTrainingPage *page = new_page (document, "challenger", TRUE, 1.0);
  GtkDropDown *loss = GTK_DROP_DOWN (template_child (page, ELAB_TYPE_TRAINING_PAGE, "loss_dropdown"));
  const ElabTrainer *trainer;
  ElabState *state;

  g_assert_cmpuint (gtk_drop_down_get_selected (loss), ==, ELAB_LOSS_CROSS_ENTROPY);
  gtk_drop_down_set_selected (loss, ELAB_LOSS_SQUARED);
  g_assert_cmpint (elab_document_get_state (document)->loss, ==, ELAB_LOSS_SQUARED);
  trainer = elab_training_run_get_trainer (elab_training_page_get_run (page));
  g_assert_cmpint (elab_trainer_get_settings (trainer)->loss, ==, ELAB_LOSS_SQUARED);
  /* At w = b = 0 every prediction is ½: a squared error of ¼. */
  g_assert_cmpfloat (elab_trainer_get_loss (trainer), ==, 0.25);

  state = elab_document_edit (document);
  state->loss = ELAB_LOSS_CROSS_ENTROPY;
  elab_document_changed (document, ELAB_CHANGE_TRAINING);
  g_assert_cmpuint (gtk_drop_down_get_selected (loss), ==, ELAB_LOSS_CROSS_ENTROPY);
  trainer = elab_training_run_get_trainer (elab_training_page_get_run (page));
  g_assert_cmpint (elab_trainer_get_settings (trainer)->loss, ==, ELAB_LOSS_CROSS_ENTROPY);

  /* The landscape's comparison: a look, not a new run. */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (template_child (page, ELAB_TYPE_TRAINING_PAGE, "compare_losses_switch"))));
  gtk_switch_set_active (GTK_SWITCH (template_child (page, ELAB_TYPE_TRAINING_PAGE, "compare_losses_switch")), TRUE);
  g_assert_true (elab_document_get_state (document)->compare_losses);
  g_assert_true (elab_training_run_get_trainer (elab_training_page_get_run (page)) == trainer);

  free_page (page, document);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static gboolean
get_loss_log_scale (ElabTrainingPage *page)
{
  gboolean log_scale;

  g_object_get (page, "loss-log-scale", &log_scale, NULL);
  return log_scale;
}

/* The "Loss on a log scale" switch, its action and the state: each moves
 * the others, and none of them touches the run. */
static void
test_loss_scale (void)
{
  ElabDocument *document = elab_document_new ();
  ElabTrainingPage *page = new_page (document, "iris-setosa", TRUE, 1.0);
  const ElabTrainer *trainer = elab_training_run_get_trainer (elab_training_page_get_run (page));
  GtkSwitch *sw = GTK_SWITCH (template_child (page, ELAB_TYPE_TRAINING_PAGE, "log_scale_switch"));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  guint notified = 0;
  double loss;
  ElabState *state;

  /* The switch reaches the page's actions once it is in a window. */
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);

    while (!gtk_widget_get_sensitive (GTK_WIDGET (sw)) && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timed_out);
    g_source_remove (id);
  }

  g_signal_connect (page, "notify::loss-log-scale", G_CALLBACK (count_notify_cb), &notified);
  for (guint i = 0; i < 10; i++)
    gtk_widget_activate_action (GTK_WIDGET (page), "train.step", NULL);
  loss = elab_trainer_get_loss (trainer);
  g_assert_false (get_loss_log_scale (page));
  g_assert_false (gtk_switch_get_active (sw));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (sw)), ==, "train.loss-log-scale");

  /* Switch → action → state; the run stays at step 10. */
  gtk_switch_set_active (sw, TRUE);
  g_assert_cmpint (elab_document_get_state (document)->loss_scale, ==, ELAB_LOSS_SCALE_LOG);
  g_assert_true (get_loss_log_scale (page));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (elab_training_run_get_trainer (elab_training_page_get_run (page)) == trainer);
  g_assert_cmpuint (elab_trainer_get_steps (trainer), ==, 10);
  g_assert_cmpfloat (elab_trainer_get_loss (trainer), ==, loss);

  /* The stateful action toggles it back, and the switch follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "train.loss-log-scale", NULL));
  g_assert_cmpint (elab_document_get_state (document)->loss_scale, ==, ELAB_LOSS_SCALE_LINEAR);
  g_assert_false (gtk_switch_get_active (sw));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (elab_trainer_get_steps (trainer), ==, 10);

  /* State (a scenario, a scene, restored settings) → switch. */
  state = elab_document_edit (document);
  state->loss_scale = ELAB_LOSS_SCALE_LOG;
  elab_document_changed (document, ELAB_CHANGE_TRAINING);
  g_assert_true (gtk_switch_get_active (sw));
  g_assert_true (get_loss_log_scale (page));
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpuint (elab_trainer_get_steps (trainer), ==, 10);

  /* Setting what it already is notifies nothing. */
  g_object_set (page, "loss-log-scale", TRUE, NULL);
  g_assert_cmpuint (notified, ==, 3);

  g_signal_handlers_disconnect_by_func (page, count_notify_cb, &notified);
  gtk_window_destroy (window);
  free_page (page, document);
}

/* The view's pixels, through the window's renderer. */
static GBytes *
render_view (GtkWindow *window,
             GtkWidget *view)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (view);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int w = gtk_widget_get_width (view), h = gtk_widget_get_height (view);
  guchar *data;

  g_assert_cmpint (w, >, 100);
  g_assert_cmpint (h, >, 100);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  data = g_malloc ((gsize) w * h * 4);
  gdk_texture_download (texture, data, (gsize) w * 4);
  return g_bytes_new_take (data, (gsize) w * h * 4);
}

/* In a window: the L key toggles the log scale and the training figure
 * redraws with other pixels; back to linear gives the first ones again. */
static void
test_loss_scale_redraws (void)
{
  ElabDocument *document = elab_document_new ();
  ElabTrainingPage *page = new_page (document, "iris-setosa", TRUE, 1.0);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ElabPlotView *view = ELAB_PLOT_VIEW (template_child (page, ELAB_TYPE_TRAINING_PAGE, "training_view"));
  g_autoptr(GBytes) linear = NULL;
  g_autoptr(GBytes) log = NULL;
  g_autoptr(GBytes) again = NULL;
  guint n;

  gtk_window_set_default_size (window, 1400, 900);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  for (guint i = 0; i < 200; i++)
    gtk_widget_activate_action (GTK_WIDGET (page), "train.step", NULL);
  wait_for_frame (view, 0);
  linear = render_view (window, GTK_WIDGET (view));

  n = frames_of (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "train.loss-log-scale", NULL));
  g_assert_cmpint (elab_document_get_state (document)->loss_scale, ==, ELAB_LOSS_SCALE_LOG);
  wait_for_frame (view, n);
  log = render_view (window, GTK_WIDGET (view));
  g_assert_false (g_bytes_equal (linear, log));

  n = frames_of (view);
  gtk_switch_set_active (GTK_SWITCH (template_child (page, ELAB_TYPE_TRAINING_PAGE, "log_scale_switch")), FALSE);
  wait_for_frame (view, n);
  again = render_view (window, GTK_WIDGET (view));
  g_assert_true (g_bytes_equal (linear, again));

  gtk_window_destroy (window);
  g_assert_finalize_object (page);
  g_assert_finalize_object (document);
}

/* In this process's own directory, removed at exit: two runs of the
 * test at once do not write over each other's files. */
static char *
write_file (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (isolated_state_dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
record_dataset_cb (ElabDocument *document,
                   guint         what,
                   GPtrArray    *seen)
{
  g_ptr_array_add (seen, g_strdup (elab_document_get_state (document)->dataset));
}

/* Last time's CSV file has gone: say so, and show a built-in. */
static void
test_csv_gone (void)
{
  ElabDocument *document = elab_document_new ();
  ElabTrainingPage *page = new_page (document, "/nonexistent/elab-gone.csv", TRUE, 1.0);
  guint n_builtins = 0;
  const ElabDatasetInfo *builtins = elab_dataset_get_builtins (&n_builtins);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  const char *message;

  g_assert_true (elab_training_run_is_loading (elab_training_page_get_run (page)));
  g_assert_null (elab_training_run_get_trainer (elab_training_page_get_run (page)));
  g_signal_connect (document, "changed", G_CALLBACK (record_dataset_cb), seen);
  wait_for_load (page);
  g_signal_handlers_disconnect_by_func (document, record_dataset_cb, seen);
  /* Straight to the first built-in: the data chooser dropping the file's
   * entry is nobody's choice of another data set. */
  g_assert_cmpuint (seen->len, >, 0);
  for (guint i = 0; i < seen->len; i++)
    g_assert_cmpstr (g_ptr_array_index (seen, i), ==, builtins[0].name);
  message = elab_training_page_get_message (page);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "elab-gone.csv"));
  g_assert_nonnull (elab_training_run_get_trainer (elab_training_page_get_run (page)));
  g_assert_cmpstr (elab_document_get_state (document)->dataset, ==,
                   elab_trainer_get_dataset (elab_training_run_get_trainer (elab_training_page_get_run (page)))->name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "train.step", NULL));
  g_assert_cmpuint (elab_trainer_get_steps (elab_training_run_get_trainer (elab_training_page_get_run (page))), ==, 1);

  free_page (page, document);
}

/* What a scene asks of the run: play it if new data or settings left it
 * at step 0; a CSV still loading plays once it has loaded. */
static void
test_play_if_new (void)
{
  ElabDocument *document = elab_document_new ();
  ElabTrainingPage *page = new_page (document, "challenger", TRUE, 1.0);
  ElabTrainingRun *run = elab_training_page_get_run (page);
  g_autofree char *good = write_file ("elab-test-training-play.csv",
                                      "hours,passed\n0.5,0\n1,0\n2,1\n1.5,0\n3,1\n2.5,1\n1.75,1\n2.25,0\n");

  elab_training_run_play_if_new (run);
  g_assert_true (elab_training_run_get_playing (run));
  /* Under way, or paused mid-way: left as it is. */
  elab_training_run_step (run);
  g_assert_false (elab_training_run_get_playing (run));
  elab_training_run_play_if_new (run);
  g_assert_false (elab_training_run_get_playing (run));
  g_assert_cmpuint (elab_trainer_get_steps (elab_training_run_get_trainer (run)), ==, 1);

  elab_training_run_open_csv (run, good, NULL, NULL, NULL);
  g_assert_true (elab_training_run_is_loading (run));
  elab_training_run_play_if_new (run);
  g_assert_false (elab_training_run_get_playing (run));
  wait_for_load (page);
  g_assert_cmpstr (elab_training_run_get_data_name (run), ==, good);
  g_assert_true (elab_training_run_get_playing (run));
  g_assert_cmpuint (elab_trainer_get_steps (elab_training_run_get_trainer (run)), ==, 0);

  /* Paused while it loads: it stays paused. */
  elab_training_run_set_playing (run, FALSE);
  elab_training_run_open_csv (run, good, NULL, "passed", NULL);
  elab_training_run_play_if_new (run);
  elab_training_run_set_playing (run, FALSE);
  wait_for_load (page);
  g_assert_false (elab_training_run_get_playing (run));

  g_unlink (good);
  free_page (page, document);
}

static void
test_csv (void)
{
  ElabDocument *document = elab_document_new ();
  ElabTrainingPage *page = new_page (document, "challenger", TRUE, 1.0);
  g_autofree char *bad = write_file ("elab-test-training-bad.csv", "hours,passed\n1,0\n2,1\n3,2\n");
  g_autofree char *good = write_file ("elab-test-training-good.csv",
                                      "id,hours (weekly),passed\n1,0.5,0\n2,1,0\n3,2,1\n4,1.5,0\n5,3,1\n6,2.5,1\n7,1.75,1\n8,2.25,0\n");
  g_autofree char *missing = g_build_filename (isolated_state_dir, "elab-test-no-such-file.csv", NULL);
  const ElabTrainer *trainer;
  const char *message;

  /* A third label value: an error on the page, the old data kept. */
  elab_training_run_open_csv (elab_training_page_get_run (page), bad, NULL, NULL, NULL);
  g_assert_true (elab_training_run_is_loading (elab_training_page_get_run (page)));
  wait_for_load (page);
  message = elab_training_page_get_message (page);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Could not read"));
  g_assert_nonnull (strstr (message, "elab-test-training-bad.csv:4:"));
  g_assert_nonnull (strstr (message, "more than two values ('0', '1', '2')"));
  trainer = elab_training_run_get_trainer (elab_training_page_get_run (page));
  g_assert_nonnull (trainer);
  g_assert_cmpstr (elab_trainer_get_dataset (trainer)->name, ==, "challenger");
  g_assert_cmpstr (elab_document_get_state (document)->dataset, ==, "challenger");

  /* A file that is not there. */
  elab_training_run_open_csv (elab_training_page_get_run (page), missing, NULL, NULL, NULL);
  wait_for_load (page);
  g_assert_nonnull (strstr (elab_training_page_get_message (page), "Could not read"));
  g_assert_cmpstr (elab_document_get_state (document)->dataset, ==, "challenger");

  /* A good file, with columns picked by name. */
  elab_training_run_open_csv (elab_training_page_get_run (page), good, "hours (weekly)", "passed", NULL);
  wait_for_load (page);
  g_assert_null (elab_training_page_get_message (page));
  trainer = elab_training_run_get_trainer (elab_training_page_get_run (page));
  g_assert_cmpuint (elab_trainer_get_dataset (trainer)->n_rows, ==, 8);
  g_assert_cmpstr (elab_trainer_get_dataset (trainer)->x_name, ==, "hours (weekly)");
  g_assert_cmpstr (elab_document_get_state (document)->dataset, ==, good);
  g_assert_cmpstr (elab_document_get_state (document)->x_column, ==, "hours (weekly)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "train.step", NULL));
  g_assert_cmpuint (elab_trainer_get_steps (trainer), ==, 1);

  /* The column picker lists the header and picks what was asked. */
  {
    GtkDropDown *x = GTK_DROP_DOWN (template_child (template_child (page, ELAB_TYPE_TRAINING_PAGE, "data_chooser"), ELAB_TYPE_DATA_CHOOSER, "x_dropdown"));
    GtkDropDown *y = GTK_DROP_DOWN (template_child (template_child (page, ELAB_TYPE_TRAINING_PAGE, "data_chooser"), ELAB_TYPE_DATA_CHOOSER, "y_dropdown"));

    g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (x))));
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (x)), ==, 3);
    g_assert_cmpuint (gtk_drop_down_get_selected (x), ==, 1);
    g_assert_cmpuint (gtk_drop_down_get_selected (y), ==, 2);

    /* Another x column, picked as a person would. */
    gtk_drop_down_set_selected (x, 0);
    wait_for_load (page);
    g_assert_null (elab_training_page_get_message (page));
    trainer = elab_training_run_get_trainer (elab_training_page_get_run (page));
    g_assert_cmpstr (elab_trainer_get_dataset (trainer)->x_name, ==, "id");
    g_assert_cmpfloat (elab_trainer_get_dataset (trainer)->x[7], ==, 8.0);
    g_assert_cmpstr (elab_document_get_state (document)->x_column, ==, "id");
    g_assert_cmpuint (gtk_drop_down_get_selected (x), ==, 0);
  }

  /* No such column. */
  elab_training_run_open_csv (elab_training_page_get_run (page), good, "minutes", NULL, NULL);
  wait_for_load (page);
  g_assert_nonnull (strstr (elab_training_page_get_message (page), "minutes"));
  g_assert_true (elab_training_run_get_trainer (elab_training_page_get_run (page)) == trainer);

  g_unlink (bad);
  g_unlink (good);
  free_page (page, document);
}

/* Many rows: each frame passes over at most ELAB_TRAINING_ROWS_PER_FRAME
 * rows, however far the clock ran ahead. */
/* A CSV whose label is a word: the page reads it, shows which value it
 * picked as class 1, and a person picks the other in the class 1 chooser. */
static void
test_csv_text_labels (void)
{
  ElabDocument *document = elab_document_new ();
  ElabTrainingPage *page = new_page (document, "challenger", TRUE, 1.0);
  g_autofree char *path = write_file ("elab-test-training-words.csv",
                                      "radius,diagnosis\n17.99,malignant\n13.54,benign\n20.57,malignant\n"
                                      "11.4,benign\n14.2,malignant\n12.1,benign\n");
  GtkDropDown *positive = GTK_DROP_DOWN (template_child (template_child (page, ELAB_TYPE_TRAINING_PAGE, "data_chooser"), ELAB_TYPE_DATA_CHOOSER, "positive_dropdown"));
  GListModel *model = gtk_drop_down_get_model (positive);
  const ElabDataset *d;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (positive)));

  elab_training_run_open_csv (elab_training_page_get_run (page), path, NULL, NULL, NULL);
  wait_for_load (page);
  g_assert_null (elab_training_page_get_message (page));
  d = elab_trainer_get_dataset (elab_training_run_get_trainer (elab_training_page_get_run (page)));
  g_assert_cmpstr (d->labels[1], ==, "malignant");
  g_assert_true (d->positive_guessed);
  g_assert_cmpfloat (d->y[0], ==, 1.0);
  g_assert_cmpstr (elab_document_get_state (document)->positive, ==, "");

  /* Both values, alphabetically, the picked one selected. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (positive)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "benign");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), ==, "malignant");
  g_assert_cmpuint (gtk_drop_down_get_selected (positive), ==, 1);

  /* The other value, as a person picks it. */
  gtk_drop_down_set_selected (positive, 0);
  g_assert_true (elab_training_run_is_loading (elab_training_page_get_run (page)));
  wait_for_load (page);
  g_assert_null (elab_training_page_get_message (page));
  d = elab_trainer_get_dataset (elab_training_run_get_trainer (elab_training_page_get_run (page)));
  g_assert_cmpstr (d->labels[1], ==, "benign");
  g_assert_false (d->positive_guessed);
  g_assert_cmpfloat (d->y[0], ==, 0.0);
  g_assert_cmpstr (elab_document_get_state (document)->positive, ==, "benign");
  g_assert_cmpuint (gtk_drop_down_get_selected (positive), ==, 0);

  /* A built-in has no chooser. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (template_child (template_child (page, ELAB_TYPE_TRAINING_PAGE, "data_chooser"), ELAB_TYPE_DATA_CHOOSER, "dataset_dropdown")), 0);
  while (elab_trainer_get_dataset (elab_training_run_get_trainer (elab_training_page_get_run (page)))->labels[0] != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (positive)));
  g_assert_cmpstr (elab_document_get_state (document)->positive, ==, "");

  g_unlink (path);
  free_page (page, document);
}

/* Open CSV… on @path, as a person answers the file chooser. */
static void
open_csv (ElabTrainingPage *page,
          const char       *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Selection selection = { NULL, file };

  g_signal_emit_by_name (gtk_widget_get_ancestor (find_label (GTK_WIDGET (page), "Open CSV…"), GTK_TYPE_BUTTON),
                         "clicked");
  wait_until (have_file_chooser, NULL);
  selection.chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (selection.chooser), file, NULL));
  /* The chooser selects it once it has read the folder around it. */
  wait_until (has_selection, &selection);
  gtk_dialog_response (GTK_DIALOG (selection.chooser), GTK_RESPONSE_ACCEPT);
}

/* Open CSV… with a word for a label asks, as part of opening, which word
 * is class 1: the two values as the answers, the reader's pick the
 * default; the answer is read into the data. Numeric labels are not
 * asked about. */
static void
test_csv_asks_positive (void)
{
  ElabDocument *document = elab_document_new ();
  ElabTrainingPage *page = new_page (document, "challenger", TRUE, 1.0);
  g_autofree char *words = write_file ("elab-test-training-ask.csv",
                                       "radius,diagnosis\n17.99,malignant\n13.54,benign\n20.57,malignant\n"
                                       "11.4,benign\n14.2,malignant\n12.1,benign\n");
  g_autofree char *numbers = write_file ("elab-test-training-ask-01.csv",
                                         "x,y\n1,0\n2,1\n3,0\n4,1\n");
  AdwMessageDialog *question;
  const ElabDataset *d;

  open_csv (page, words);
  wait_until (have_message_dialog, NULL);
  question = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_cmpstr (adw_message_dialog_get_response_label (question, "first"), ==, "benign");
  g_assert_cmpstr (adw_message_dialog_get_response_label (question, "second"), ==, "malignant");
  /* Until answered, the reader's pick holds, and is the default. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "second");
  d = elab_trainer_get_dataset (elab_training_run_get_trainer (elab_training_page_get_run (page)));
  g_assert_cmpstr (d->labels[1], ==, "malignant");
  g_assert_true (d->positive_guessed);

  adw_message_dialog_response (question, "first");
  if (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL) != NULL)
    gtk_window_destroy (GTK_WINDOW (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL)));
  wait_for_load (page);
  d = elab_trainer_get_dataset (elab_training_run_get_trainer (elab_training_page_get_run (page)));
  g_assert_cmpstr (d->labels[1], ==, "benign");
  g_assert_false (d->positive_guessed);
  g_assert_cmpfloat (d->y[0], ==, 0.0);
  g_assert_cmpstr (elab_document_get_state (document)->positive, ==, "benign");
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));

  /* 0 and 1 need no question. */
  open_csv (page, numbers);
  wait_for_load (page);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  d = elab_trainer_get_dataset (elab_training_run_get_trainer (elab_training_page_get_run (page)));
  g_assert_cmpstr (d->name, ==, numbers);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));

  g_unlink (words);
  g_unlink (numbers);
  free_page (page, document);
}

static void
test_bounded_frames (void)
{
  ElabDocument *document = elab_document_new ();
  ElabTrainingPage *page = new_page (document, "challenger", TRUE, 1.0);
  gsize n_rows = ELAB_TRAINING_ROWS_PER_FRAME / 4;
  g_autoptr(GString) csv = g_string_new ("x,y\n");
  g_autofree char *path = NULL;
  const ElabTrainer *trainer;
  guint64 last = 0;

  for (gsize i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "%.3f,%d\n", -3.0 + 6.0 * i / n_rows, (int) ((i * 7919) % 13 < (i * 13) / n_rows));
  path = write_file ("elab-test-training-big.csv", csv->str);

  elab_training_run_open_csv (elab_training_page_get_run (page), path, NULL, NULL, NULL);
  wait_for_load (page);
  g_assert_null (elab_training_page_get_message (page));
  trainer = elab_training_run_get_trainer (elab_training_page_get_run (page));
  g_assert_cmpuint (elab_trainer_get_dataset (trainer)->n_rows, ==, n_rows);

  elab_training_page_set_speed (page, 1000);
  elab_training_run_set_playing (elab_training_page_get_run (page), TRUE);
  for (guint i = 0; i <= 10 && elab_training_run_get_playing (elab_training_page_get_run (page)); i++)
    {
      guint64 now;

      /* A slow frame: a whole second late. */
      elab_training_run_advance (elab_training_page_get_run (page), (gint64) i * G_USEC_PER_SEC);
      now = elab_trainer_get_steps (trainer);
      g_assert_cmpuint (now - last, <=, 4);
      last = now;
    }
  g_assert_cmpuint (last, >, 0);

  /* New settings on many rows are worked out off the main loop; the
   * run shows them once ready, from step 0. */
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

    gtk_adjustment_set_value (GTK_ADJUSTMENT (template_child (page, ELAB_TYPE_TRAINING_PAGE, "lr_adjustment")), 0.5);
    gtk_adjustment_set_value (GTK_ADJUSTMENT (template_child (page, ELAB_TYPE_TRAINING_PAGE, "lr_adjustment")), 0.25);
    while (!timed_out &&
           elab_trainer_get_settings (elab_training_run_get_trainer (elab_training_page_get_run (page)))->learning_rate != 0.25)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timed_out);
    g_source_remove (id);
    trainer = elab_training_run_get_trainer (elab_training_page_get_run (page));
    g_assert_cmpuint (elab_trainer_get_steps (trainer), ==, 0);
    g_assert_cmpuint (elab_trainer_get_dataset (trainer)->n_rows, ==, n_rows);
  }

  g_unlink (path);
  free_page (page, document);
}

static void
test_in_window (void)
{
  ElabDocument *document = elab_document_new ();
  ElabTrainingPage *page = new_page (document, "challenger", TRUE, 1.0);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ElabPlotView *view = ELAB_PLOT_VIEW (template_child (page, ELAB_TYPE_TRAINING_PAGE, "training_view"));
  ElabPlotView *landscape = ELAB_PLOT_VIEW (template_child (page, ELAB_TYPE_TRAINING_PAGE, "landscape_view"));
  gboolean timed_out = FALSE;
  guint id;
  guint n = 0, m = 0;

  gtk_window_set_default_size (window, 1400, 900);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);

  /* The real frame clock drives the run and both figures draw it. */
  g_assert_true (elab_plot_view_get_trainer (view) == elab_training_run_get_trainer (elab_training_page_get_run (page)));
  g_assert_true (elab_plot_view_get_trainer (landscape) == elab_training_run_get_trainer (elab_training_page_get_run (page)));
  elab_training_page_set_speed (page, 1000);
  elab_training_run_set_playing (elab_training_page_get_run (page), TRUE);
  id = g_timeout_add_seconds (20, timeout_cb, &timed_out);
  while (elab_trainer_get_steps (elab_training_run_get_trainer (elab_training_page_get_run (page))) < 5 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  while ((n < 2 || m < 2) && !timed_out)
    {
      g_main_context_iteration (NULL, TRUE);
      elab_plot_view_get_draw_stats (view, NULL, NULL, &n);
      elab_plot_view_get_draw_stats (landscape, NULL, NULL, &m);
    }
  g_assert_false (timed_out);
  g_source_remove (id);

  gtk_window_destroy (window);
  g_assert_finalize_object (page);
  g_assert_finalize_object (document);
}

/* The text of what @view draws now, with its own style (as its snapshot
 * and Copy do), through a PDF. */
static char *
drawn_text (ElabPlotView *view,
            ElabDocument *document)
{
  g_autoptr(ElabFigure) figure = elab_figure_new (elab_plot_view_get_figure_kind (view));
  ElabFigureStyle style;

  elab_plot_view_get_style (view, &style);
  return figure_pdf_text (figure,
                          &(ElabExportRequest) { elab_document_get_state (document), &style, 1280, 720, 1.0 },
                          elab_plot_view_get_trainer (view));
}

/* Stepped three times and not playing, the run waits for the person: the
 * Training figure's subtitle and the landscape's legend say "paused",
 * never "running" beside a Play button; playing, they say it runs. */
static void
test_paused_words (void)
{
  ElabWindow *window;
  ElabTrainingPage *page;
  ElabDocument *document;
  ElabPlotView *views[2];
  const ElabTrainer *trainer;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext is missing");
      return;
    }
  forget_last_state ();
  window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  document = elab_window_get_document (window);
  gtk_window_present (GTK_WINDOW (window));
  elab_window_set_page (window, ELAB_PAGE_TRAINING);
  spin ();
  page = ELAB_TRAINING_PAGE (find_type (GTK_WIDGET (window), ELAB_TYPE_TRAINING_PAGE));
  g_assert_nonnull (page);
  wait_for_load (page);
  views[0] = ELAB_PLOT_VIEW (template_child (page, ELAB_TYPE_TRAINING_PAGE, "training_view"));
  views[1] = ELAB_PLOT_VIEW (template_child (page, ELAB_TYPE_TRAINING_PAGE, "landscape_view"));
  trainer = elab_training_run_get_trainer (elab_training_page_get_run (page));

  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "train.step", NULL));
  g_assert_cmpuint (elab_trainer_get_steps (trainer), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *text = drawn_text (views[i], document);

      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, "paused"));
      g_assert_null (strstr (text, "running"));
    }
  {
    g_autofree char *text = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "train.toggle-play", NULL));
    text = drawn_text (views[0], document);
    g_assert_null (strstr (text, "paused"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "train.toggle-play", NULL));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static gsize
resident_kb (void)
{
  g_autofree char *text = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &text, NULL, NULL) ||
      sscanf (text, "%lu %lu", &size, &resident) != 2)
    return 0;
  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

/* An hour of animation at 60 frames a second, on an accelerated clock:
 * the run keeps going (no step limit reached), and memory stays flat. */
static void
test_hour (void)
{
  ElabDocument *document = elab_document_new ();
  ElabTrainingPage *page;
  const ElabTrainer *trainer;
  ElabState *state = elab_document_edit (document);
  gsize before, after;
  const guint frames = 60 * 60 * 60;

  /* Momentum with a tiny rate on the separable iris data never
   * converges within the hour. */
  state->optimizer = ELAB_OPTIMIZER_MOMENTUM;
  state->steps = ELAB_MAX_STEPS;
  page = new_page (document, "iris-setosa", FALSE, 1e-4);
  trainer = elab_training_run_get_trainer (elab_training_page_get_run (page));
  elab_training_page_set_speed (page, 60);

  /* Warm up (the history reaches its cap), then measure. */
  elab_training_run_set_playing (elab_training_page_get_run (page), TRUE);
  for (guint i = 0; i <= 10000; i++)
    elab_training_run_advance (elab_training_page_get_run (page), (gint64) i * FRAME_US);
  before = resident_kb ();
  for (guint i = 10001; i <= frames; i++)
    elab_training_run_advance (elab_training_page_get_run (page), (gint64) i * FRAME_US);
  after = resident_kb ();

  g_test_message ("hour: %" G_GUINT64_FORMAT " steps, RSS %" G_GSIZE_FORMAT " -> %" G_GSIZE_FORMAT " kB",
                  elab_trainer_get_steps (trainer), before, after);
  g_assert_true (elab_training_run_get_playing (elab_training_page_get_run (page)));
  g_assert_cmpuint (elab_trainer_get_steps (trainer), >=, (guint64) frames - 2);
  g_assert_cmpuint (after, <, before + 5 * 1024);

  free_page (page, document);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv);

  g_test_add_func ("/elab/app/TrainingPage/step-reset", test_step_reset);
  g_test_add_func ("/elab/app/TrainingPage/play-deterministic", test_play_deterministic);
  g_test_add_func ("/elab/app/TrainingPage/diverged", test_diverged);
  g_test_add_func ("/elab/app/TrainingPage/separable", test_separable);
  g_test_add_func ("/elab/app/TrainingPage/state-sync", test_state_sync);
  g_test_add_func ("/elab/app/TrainingPage/loss-choice", test_loss_choice);
  g_test_add_func ("/elab/app/TrainingPage/loss-scale", test_loss_scale);
  g_test_add_func ("/elab/app/TrainingPage/loss-scale-redraws", test_loss_scale_redraws);
  g_test_add_func ("/elab/app/TrainingPage/play-if-new", test_play_if_new);
  g_test_add_func ("/elab/app/TrainingPage/csv", test_csv);
  g_test_add_func ("/elab/app/TrainingPage/csv-gone", test_csv_gone);
  g_test_add_func ("/elab/app/TrainingPage/csv-text-labels", test_csv_text_labels);
  g_test_add_func ("/elab/app/TrainingPage/csv-asks-positive", test_csv_asks_positive);
  g_test_add_func ("/elab/app/TrainingPage/bounded-frames", test_bounded_frames);
  g_test_add_func ("/elab/app/TrainingPage/in-window", test_in_window);
  g_test_add_func ("/elab/app/TrainingPage/paused-words", test_paused_words);
  g_test_add_func ("/elab/app/TrainingPage/hour", test_hour);

  return g_test_run ();
}
