/* elab-window-scenes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "elab-window-scenes"

#include "elab-config.h"

#include <string.h>

#include "elab-file-chooser.h"
#include "elab-quantities.h"
#include "elab-sweep-dialog.h"
#include "elab-training-page.h"
#include "elab-window-private.h"
#include "elab-window-scenes.h"

void
_elab_window_scenes_dispose (ElabWindow *self)
{
  if (self->player != NULL)
    {
      elab_scene_player_set_widget (self->player, NULL);
      g_signal_handlers_disconnect_by_data (self->player, self);
    }
  g_clear_object (&self->player);
  g_clear_pointer (&self->presentation, elab_presentation_free);
  g_clear_object (&self->presentation_action);
}

ElabScenePlayer *
elab_window_get_scene_player (ElabWindow *window)
{
  g_return_val_if_fail (ELAB_IS_WINDOW (window), NULL);

  return window->player;
}

/* Moves what the controls of @bit (one ElabPresentationKeep bit) edit,
 * far enough that any read-out depending on it changes. */
static void
nudge (ElabState *state,
       guint      bit)
{
  ElabLogistic *model;

  switch (bit)
    {
    case ELAB_PRESENTATION_KEEP_LOGITS:
      state->logits[0] += 0.7;
      state->temperature *= 1.3;
      return;
    case ELAB_PRESENTATION_KEEP_RUN:
      state->learning_rate *= 1.3;
      state->momentum *= 0.7;
      state->steps += 1;
      return;
    case ELAB_PRESENTATION_KEEP_P:
      model = &state->p;
      break;
    case ELAB_PRESENTATION_KEEP_Q:
      model = &state->q;
      break;
    default:
      model = &state->models[g_bit_nth_lsf (bit, -1)];
    }
  model->theta += 0.7;
  model->bias += 0.3;
}

/* The controls the quantity @name depends on at @state, found by moving
 * each one's parameters: what a student needs to change it. A training
 * read-out (the loss after a run) depends on the run's settings; it is
 * not run again for each. */
static guint
quantity_keep (const char      *name,
               const ElabState *state)
{
  static const guint bits[] = {
    ELAB_PRESENTATION_KEEP_A, ELAB_PRESENTATION_KEEP_B, ELAB_PRESENTATION_KEEP_C,
    ELAB_PRESENTATION_KEEP_P, ELAB_PRESENTATION_KEEP_Q,
    ELAB_PRESENTATION_KEEP_LOGITS, ELAB_PRESENTATION_KEEP_RUN,
  };
  const ElabQuantity *q;
  guint n, keep = 0;
  double value;

  q = elab_quantities (&n);
  for (guint i = 0; i < n; i++)
    if (q[i].page == ELAB_PAGE_TRAINING && strcmp (q[i].name, name) == 0)
      return ELAB_PRESENTATION_KEEP_RUN;

  if (!elab_quantity_eval (name, state, &value, NULL))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (bits); i++)
    {
      ElabState moved = *state;
      double now;

      nudge (&moved, bits[i]);
      if (elab_quantity_eval (name, &moved, &now, NULL) && now != value)
        keep |= bits[i];
    }
  return keep;
}

/* The controls the current scene needs in presentation mode: the models
 * it moves, against the scene before it, so the lecturer can move them
 * on; and for an exercise, what its goal reads, so the students can meet
 * it. */
static guint
scene_keep (ElabScenePlayer *player)
{
  const ElabScenario *scenario = elab_scene_player_get_scenario (player);
  const ElabScene *scene = elab_scene_player_get_scene (player);
  guint index = elab_scene_player_get_index (player);
  const ElabState *now, *before;
  ElabGoal goal;
  guint keep = 0;

  if (scene == NULL)
    return 0;

  now = &scene->state;
  before = index >= 2 ? &((const ElabScene *) g_ptr_array_index (scenario->scenes, index - 2))->state
                      : &scenario->state;

  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    if (memcmp (&now->models[i], &before->models[i], sizeof now->models[i]) != 0 ||
        now->model_enabled[i] != before->model_enabled[i])
      keep |= ELAB_PRESENTATION_KEEP_A << i;
  if (memcmp (&now->p, &before->p, sizeof now->p) != 0)
    keep |= ELAB_PRESENTATION_KEEP_P;
  if (memcmp (&now->q, &before->q, sizeof now->q) != 0)
    keep |= ELAB_PRESENTATION_KEEP_Q;

  if (scene->kind == ELAB_SCENE_EXERCISE && scene->goal != NULL &&
      elab_goal_parse (scene->goal, &goal, NULL))
    for (guint i = 0; i < goal.n_terms; i++)
      keep |= quantity_keep (goal.terms[i].name, now);
  return keep;
}

/* The caption belongs to its scene's page: another page shown by hand
 * goes without. A question that asks for a place on the x axis: a click
 * places the guess until the reveal, which draws the answer beside it.
 * Also when the page shown changes: a page may have filled its slot
 * since, and its plots take the caption. */
static void
update_caption (ElabWindow *self)
{
  const ElabScene *scene = elab_scene_player_get_scene (self->player);
  const char *caption = elab_scene_player_get_caption (self->player);
  g_autofree char *room = NULL;
  guint index = elab_scene_player_get_index (self->player);
  gboolean revealed = elab_scene_player_get_revealed (self->player);
  gboolean guessing = scene != NULL && elab_scene_guesses_x (scene) && !revealed;
  ElabAnswer truth = ELAB_ANSWER_INIT;

  if (scene != NULL && scene->state.page != elab_document_get_state (self->document)->page)
    caption = NULL;
  if (scene != NULL)
    elab_scene_get_answer (scene, revealed, &truth);
  /* A question keeps room for its answer from the start: the figure does
   * not move at the reveal. (One being written in the lesson panel may
   * have neither choices nor a quantity yet: no answer to make room for.) */
  if (caption != NULL && scene != NULL && scene->kind == ELAB_SCENE_QUESTION
      && (scene->choices != NULL || scene->guess != NULL))
    room = elab_scene_card_text (scene, TRUE);
  elab_presentation_set_scene (self->presentation, caption, room, guessing, &truth, index != self->guess_index);
  self->guess_index = index;
}

static void
scene_changed_cb (ElabScenePlayer *player,
                  GParamSpec      *pspec,
                  ElabWindow      *self)
{
  g_autofree char *position = elab_scene_player_dup_position (player);

  g_object_set (self, "scene-keep", scene_keep (player), NULL);
  update_caption (self);
  gtk_label_set_label (self->scene_label, position != NULL ? position : "");
  gtk_widget_set_visible (GTK_WIDGET (self->scene_label), position != NULL);
}

/* A scene on the Training page plays its run, as if the lecturer pressed
 * Play: new settings left the run at step 0, and a run that never starts
 * shows none of what the caption says. A scene with the settings of the
 * one before leaves the run where it is. */
static void
scene_landed_cb (ElabScenePlayer *player,
                 ElabWindow      *self)
{
  GtkWidget *page = adw_bin_get_child (self->training_slot);
  ElabTrainingRun *run;

  if (elab_document_get_state (self->document)->page != ELAB_PAGE_TRAINING ||
      page == NULL || !ELAB_IS_TRAINING_PAGE (page))
    return;

  run = elab_training_page_get_run (ELAB_TRAINING_PAGE (page));
  elab_training_run_play_if_new (run);
}

void
elab_window_open_scenario (ElabWindow   *window,
                           ElabScenario *scenario)
{
  g_return_if_fail (ELAB_IS_WINDOW (window));
  g_return_if_fail (scenario != NULL);

  elab_scene_player_set_scenario (window->player, scenario);
  elab_window_set_page (window, elab_document_get_state (elab_window_get_document (window))->page);
}

static void
show_error (ElabWindow *window,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", "_Close");
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
elab_window_open_scenario_file (ElabWindow *window,
                                const char *path)
{
  g_autoptr(GError) error = NULL;
  ElabScenario *scenario;

  g_return_val_if_fail (ELAB_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  scenario = elab_scenario_load_file (path, &error);
  if (scenario == NULL)
    {
      show_error (window, "Could Not Open the Scenario", error->message);
      return FALSE;
    }

  elab_window_open_scenario (window, scenario);
  return TRUE;
}

gboolean
elab_window_save_scenario_file (ElabWindow  *window,
                                const char  *path,
                                GError     **error)
{
  ElabScenePlayer *player;
  const ElabScenario *open;
  g_autoptr(ElabScenario) scenario = NULL;

  g_return_val_if_fail (ELAB_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  player = window->player;
  /* Mid-glide the document holds an in-between state: save where it goes. */
  elab_scene_player_finish (player);

  /* Every scene as it is, questions and exercises included; the window's
   * state is what the file opens on. */
  open = elab_scene_player_get_scenario (player);
  scenario = open != NULL ? elab_scenario_copy (open) : elab_scenario_new (NULL);
  scenario->state = *elab_document_get_state (elab_window_get_document (window));

  return elab_scenario_save_file (scenario, path, error);
}

/* The local path of what the chooser returned, or NULL: cancelled (the
 * file is NULL too when the window went, which is then not touched), or
 * a file that is not local, which @window says under @heading. */
static char *
chosen_path (ElabWindow *window,
             GFile      *file,
             const char *heading,
             const char *message)
{
  char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (file != NULL && path == NULL)
    show_error (window, heading, message);
  return path;
}

static void
open_chosen_cb (GFile    *file,
                gpointer  data)
{
  ElabWindow *window = data;
  g_autofree char *path = chosen_path (window, file, "Could Not Open the Scenario",
                                       "Only local files can be opened.");

  if (path != NULL)
    elab_window_open_scenario_file (window, path);
}

static void
save_chosen_cb (GFile    *file,
                gpointer  data)
{
  ElabWindow *window = data;
  g_autofree char *path = chosen_path (window, file, "Could Not Save the Scenario",
                                       "Only local files can be written.");
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  if (!elab_window_save_scenario_file (window, path, &error))
    show_error (window, "Could Not Save the Scenario", error->message);
  else
    elab_window_show_toast (window, "Scenario saved");
}

/* A modal chooser of scenario files. */
static void
show_scenario_chooser (ElabWindow            *window,
                       ElabFileChooserAction  action,
                       const char            *title,
                       const char            *accept,
                       const char            *name,
                       ElabFileChooserFunc    callback)
{
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GCancellable) closing = g_cancellable_new ();
  ElabFileChooserRequest request = { action, title, accept, NULL, name, G_LIST_MODEL (filters) };

  gtk_file_filter_set_name (filter, "Entropy Lab scenarios");
  gtk_file_filter_add_pattern (filter, "*.elab");
  g_list_store_append (filters, filter);
  /* The chooser holds no reference: it closes with the window ("destroy"
   * comes at its dispose), which no answer outlives. */
  g_signal_connect_object (window, "destroy", G_CALLBACK (g_cancellable_cancel), closing,
                           G_CONNECT_SWAPPED);
  elab_file_chooser_ask (GTK_WINDOW (window), &request, closing, callback, window);
}

static void
open_scenario_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  show_scenario_chooser (user_data, ELAB_FILE_CHOOSER_OPEN, "Open Scenario", "_Open", NULL, open_chosen_cb);
}

static void
save_scenario_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  show_scenario_chooser (user_data, ELAB_FILE_CHOOSER_SAVE, "Save Scenario", "_Save", "lesson.elab",
                         save_chosen_cb);
}

static void
export_sweep_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  ElabWindow *window = user_data;
  ElabPlotView *view = elab_window_get_visible_plot_view (window);

  if (view == NULL)
    return;

  elab_scene_player_finish (window->player);
  elab_sweep_dialog_present (GTK_WINDOW (window), elab_window_get_document (window),
                             elab_plot_view_get_figure_kind (view), elab_plot_view_get_caption (view));
}

/* win.next-scene and win.previous-scene. */
static void
step_scene_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  ElabWindow *self = user_data;

  if (g_str_equal (g_action_get_name (G_ACTION (action)), "next-scene"))
    elab_scene_player_next (self->player);
  else
    elab_scene_player_previous (self->player);
}

/* From the presenting property's setter, before the pages and the header
 * bar follow it. */
void
_elab_window_set_presenting (ElabWindow *self,
                             gboolean    presenting)
{
  self->presenting = presenting;
  /* The figure owns the screen: the lesson panel steps aside. */
  if (presenting)
    adw_flap_set_reveal_flap (self->lesson_flap, FALSE);
  elab_presentation_set_active (self->presentation, presenting);
  g_simple_action_set_state (self->presentation_action, g_variant_new_boolean (presenting));
}

/* F5 and the menu's item. Not a GPropertyAction: that would hold the
 * window, which holds it. */
static void
presentation_change_state (GSimpleAction *action,
                           GVariant      *value,
                           gpointer       user_data)
{
  g_object_set (user_data, "presenting", g_variant_get_boolean (value), NULL);
}

/* Building a lesson: the panel at the side edits the player's scenes. It
 * starts folded away, so it is built when first revealed, not for the
 * first frame; it takes the current notation as a page does.
 *
 * Measured while folded away, the lesson panel asked the window for its
 * full height (911 px, more than a 768 px screen): it is shown only while
 * it is, or is becoming, seen. */
static void
lesson_flap_cb (ElabWindow *self)
{
  gboolean reveal = adw_flap_get_reveal_flap (self->lesson_flap);
  GAction *action;

  if (reveal && self->lesson_panel == NULL)
    {
      self->lesson_panel = ELAB_LESSON_PANEL (elab_lesson_panel_new (self->player, self->document));
      gtk_scrolled_window_set_child (self->lesson_scroller, GTK_WIDGET (self->lesson_panel));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->lesson_scroller),
                          reveal || adw_flap_get_reveal_progress (self->lesson_flap) > 0);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "lesson-panel");
  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (reveal));
}

/* Ctrl+L and the menu's item. Not a GPropertyAction: that would hold the
 * flap, and with it the pages and the document, for as long as anything
 * holds the window's actions, which a file chooser left open over a
 * closed window did. */
static void
lesson_panel_change_state (GSimpleAction *action,
                           GVariant      *value,
                           gpointer       user_data)
{
  ElabWindow *self = user_data;

  adw_flap_set_reveal_flap (self->lesson_flap, g_variant_get_boolean (value));
}

/* Escape leaves presentation mode; outside it, Escape means something
 * else. */
static gboolean
leave_presentation_cb (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  ElabWindow *self = ELAB_WINDOW (widget);

  if (!self->presenting)
    return FALSE;

  g_object_set (self, "presenting", FALSE, NULL);
  return TRUE;
}

/* "." as a clicker's "blank screen" button sends it: black until the next
 * ".", only while presenting. */
static gboolean
blank_screen_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  ElabWindow *self = ELAB_WINDOW (widget);

  if (!self->presenting)
    return FALSE;

  elab_presentation_set_blank (self->presentation, !gtk_widget_get_visible (self->blank_screen));
  return TRUE;
}

void
_elab_window_scenes_init (ElabWindow *self)
{
  static const GActionEntry entries[] = {
    { .name = "open-scenario", .activate = open_scenario_activated },
    { .name = "save-scenario", .activate = save_scenario_activated },
    { .name = "next-scene", .activate = step_scene_activated },
    { .name = "previous-scene", .activate = step_scene_activated },
    { .name = "export-sweep", .activate = export_sweep_activated },
    { .name = "lesson-panel", .state = "false", .change_state = lesson_panel_change_state },
  };
  GtkEventController *shortcuts;

  self->player = elab_scene_player_new (self->document);
  self->presentation = elab_presentation_new (self);

  elab_scene_player_attach (self->player, GTK_WIDGET (self));
  g_signal_connect (self->player, "notify::index", G_CALLBACK (scene_changed_cb), self);
  g_signal_connect (self->player, "notify::n-scenes", G_CALLBACK (scene_changed_cb), self);
  /* A question's reveal and a solved exercise change the text, not the index. */
  g_signal_connect (self->player, "notify::caption", G_CALLBACK (scene_changed_cb), self);
  g_signal_connect (self->player, "landed", G_CALLBACK (scene_landed_cb), self);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (update_caption),
                           self, G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);

  g_signal_connect_swapped (self->lesson_flap, "notify::reveal-flap", G_CALLBACK (lesson_flap_cb), self);
  g_signal_connect_swapped (self->lesson_flap, "notify::reveal-progress", G_CALLBACK (lesson_flap_cb), self);
  lesson_flap_cb (self);

  self->presentation_action = g_simple_action_new_stateful ("presentation", NULL,
                                                            g_variant_new_boolean (FALSE));
  g_signal_connect (self->presentation_action, "change-state", G_CALLBACK (presentation_change_state), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (self->presentation_action));

  /* F5 as in every slide program; Escape leaves only what F5 entered. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F5, 0),
                                                          gtk_named_action_new ("win.presentation")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_l, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("win.lesson-panel")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("win.export-sweep")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (leave_presentation_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_period, 0),
                                                          gtk_callback_action_new (blank_screen_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
