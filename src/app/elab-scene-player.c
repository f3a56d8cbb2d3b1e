/* elab-scene-player.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scenario's scenes, stepped with a presenter's keys. A step animates the
 * document from where it is to the next scene over a fraction of a second,
 * driven by the frame clock's time (a tick callback), so a slow frame skips
 * ahead instead of slowing the animation down. Discrete settings (page, K,
 * unit, look, training settings) switch at the first frame; only continuous
 * parameters glide, which keeps every intermediate state valid.
 */
#define G_LOG_DOMAIN "elab-scene-player"

#include "elab-config.h"

#include <math.h>
#include <string.h>

#include "elab-quantities.h"
#include "elab-scene-player.h"

struct _ElabScenePlayer
{
  GObject       parent_instance;

  /* Owned */
  ElabDocument *document;
  ElabScenario *scenario;

  /* Borrowed (weak) */
  GtkWidget    *widget;

  guint         index;          /* 1-based, 0: before the first scene */
  gboolean      revealed;       /* a question's answer shown */
  gboolean      solved;         /* an exercise's goal met by the live state */
  gboolean      hint_shown;     /* an exercise's hint, asked for with H */
  char         *card;           /* the text under the figure, or NULL */
  gulong        changed_id;
  guint         tick_id;
  gboolean      animating;
  gboolean      landing;        /* a step's state still on its way */
  gint64        start_us;       /* -1 until the first frame of a step */
  ElabState     from;
  ElabState     to;
};

enum {
  PROP_0,
  PROP_INDEX,
  PROP_N_SCENES,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LANDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ElabScenePlayer, elab_scene_player, G_TYPE_OBJECT)

double
elab_scene_ease (double t)
{
  if (!(t > 0.0))
    return 0.0;
  if (t >= 1.0)
    return 1.0;
  return t < 0.5 ? 4.0 * t * t * t : 1.0 - pow (-2.0 * t + 2.0, 3.0) / 2.0;
}

static void
apply_state (ElabScenePlayer *self,
             const ElabState *state)
{
  ElabState *current = elab_document_edit (self->document);
  ElabChange what = elab_state_diff (current, state);

  if (what == 0)
    return;

  *current = *state;
  elab_document_changed (self->document, what);
}

static void check_exercise (ElabScenePlayer *self);

/* The end of a step: the document holds the scene's state. */
static void
land (ElabScenePlayer *self)
{
  self->animating = FALSE;
  apply_state (self, &self->to);
  check_exercise (self);
  if (self->landing)
    {
      self->landing = FALSE;
      g_signal_emit (self, signals[LANDED], 0);
    }
}

static void
stop_ticking (ElabScenePlayer *self)
{
  if (self->tick_id != 0 && self->widget != NULL)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
}

void
elab_scene_player_finish (ElabScenePlayer *self)
{
  g_return_if_fail (ELAB_IS_SCENE_PLAYER (self));

  if (!self->animating)
    return;

  stop_ticking (self);
  land (self);
}

gboolean
elab_scene_player_advance (ElabScenePlayer *self,
                           gint64           frame_time_us)
{
  ElabState state;
  double t;

  g_return_val_if_fail (ELAB_IS_SCENE_PLAYER (self), FALSE);

  if (!self->animating)
    return FALSE;

  if (self->start_us < 0)
    self->start_us = frame_time_us;

  t = (double) (frame_time_us - self->start_us) / ELAB_SCENE_PLAYER_DURATION_US;
  if (t >= 1.0)
    {
      land (self);
      return FALSE;
    }

  elab_state_interpolate (&self->from, &self->to, elab_scene_ease (t), &state);
  apply_state (self, &state);
  return TRUE;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  ElabScenePlayer *self = user_data;

  if (elab_scene_player_advance (self, gdk_frame_clock_get_frame_time (clock)))
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
animations_enabled (GtkWidget *widget)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (widget), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

const ElabScene *
elab_scene_player_get_scene (ElabScenePlayer *self)
{
  g_return_val_if_fail (ELAB_IS_SCENE_PLAYER (self), NULL);

  if (self->index < 1 || self->index > elab_scene_player_get_n_scenes (self))
    return NULL;
  return g_ptr_array_index (self->scenario->scenes, self->index - 1);
}

/* The text under the figure follows the scene, its reveal and, for an
 * exercise, whether the live state meets the goal. */
static void
update_card (ElabScenePlayer *self)
{
  const ElabScene *scene = elab_scene_player_get_scene (self);
  g_autofree char *card = NULL;

  if (scene != NULL)
    card = elab_scene_card_text (scene, self->revealed || self->solved);
  if (card != NULL && scene->kind == ELAB_SCENE_EXERCISE && scene->hint != NULL && !self->solved)
    {
      g_autofree char *with = g_strdup_printf ("%s\n%s", card,
                                               self->hint_shown ? scene->hint : "(press H for a hint)");

      g_free (card);
      card = g_steal_pointer (&with);
    }
  if (card != NULL && card[0] == '\0')
    g_clear_pointer (&card, g_free);
  if (g_strcmp0 (card, self->card) == 0)
    return;
  g_free (self->card);
  self->card = g_steal_pointer (&card);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

/* An exercise is checked against every change a person makes. */
static void
check_exercise (ElabScenePlayer *self)
{
  const ElabScene *scene = elab_scene_player_get_scene (self);
  gboolean solved = FALSE;
  ElabGoal goal;

  if (scene != NULL && scene->kind == ELAB_SCENE_EXERCISE && scene->goal != NULL && !self->animating &&
      elab_goal_parse (scene->goal, &goal, NULL))
    elab_goal_check (&goal, elab_document_get_state (self->document), scene->tolerance, &solved, NULL);

  /* Progress is kept in the lesson: saved with the last state. */
  if (solved && !scene->solved)
    ((ElabScene *) scene)->solved = TRUE;
  self->solved = solved;
  update_card (self);
}

static void
document_changed_cb (ElabDocument    *document,
                     guint            what,
                     ElabScenePlayer *self)
{
  check_exercise (self);
}

static void
set_index (ElabScenePlayer *self,
           guint            index,
           gboolean         revealed)
{
  gboolean index_changed = self->index != index;

  self->index = index;
  self->revealed = revealed;
  if (index_changed)
    {
      self->hint_shown = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
    }
  check_exercise (self);
}

/* Scene @index, before or after its reveal. */
static gboolean
show (ElabScenePlayer *self,
      guint            index,
      gboolean         revealed,
      gboolean         animate)
{
  const ElabScene *scene;

  if (index < 1 || index > elab_scene_player_get_n_scenes (self))
    return FALSE;

  scene = g_ptr_array_index (self->scenario->scenes, index - 1);
  revealed = revealed && scene->kind == ELAB_SCENE_QUESTION;

  /* A step during a step starts from wherever the glide has got to. */
  stop_ticking (self);
  self->from = *elab_document_get_state (self->document);
  self->to = *elab_scene_get_state (scene, revealed);
  self->start_us = -1;
  self->animating = TRUE;
  self->landing = TRUE;
  set_index (self, index, revealed);

  if (!animate || (self->widget != NULL && !animations_enabled (self->widget)))
    {
      elab_scene_player_finish (self);
      return TRUE;
    }

  /* The page switches at once, so the glide is seen on the new page. */
  if (self->from.page != self->to.page)
    {
      elab_document_edit (self->document)->page = self->to.page;
      self->from.page = self->to.page;
      elab_document_changed (self->document, ELAB_CHANGE_PAGE);
    }

  if (self->widget != NULL)
    self->tick_id = gtk_widget_add_tick_callback (self->widget, tick_cb, self, NULL);

  return TRUE;
}

gboolean
elab_scene_player_go_to (ElabScenePlayer *self,
                         guint            index,
                         gboolean         animate)
{
  g_return_val_if_fail (ELAB_IS_SCENE_PLAYER (self), FALSE);

  return show (self, index, FALSE, animate);
}

/* A question reveals its answer before the next scene comes. */
gboolean
elab_scene_player_next (ElabScenePlayer *self)
{
  const ElabScene *scene;

  g_return_val_if_fail (ELAB_IS_SCENE_PLAYER (self), FALSE);

  scene = elab_scene_player_get_scene (self);
  if (scene != NULL && scene->kind == ELAB_SCENE_QUESTION && !self->revealed)
    return show (self, self->index, TRUE, TRUE);
  return show (self, self->index + 1, FALSE, TRUE);
}

/* Back from a reveal to its question; back to a question from the scene
 * after it lands on its answer, as it was left. */
gboolean
elab_scene_player_previous (ElabScenePlayer *self)
{
  g_return_val_if_fail (ELAB_IS_SCENE_PLAYER (self), FALSE);

  if (self->revealed)
    return show (self, self->index, FALSE, TRUE);
  if (self->index <= 1)
    return FALSE;
  return show (self, self->index - 1, TRUE, TRUE);
}

gboolean
elab_scene_player_get_revealed (ElabScenePlayer *self)
{
  g_return_val_if_fail (ELAB_IS_SCENE_PLAYER (self), FALSE);

  return self->revealed;
}

gboolean
elab_scene_player_get_solved (ElabScenePlayer *self)
{
  g_return_val_if_fail (ELAB_IS_SCENE_PLAYER (self), FALSE);

  return self->solved;
}

gboolean
elab_scene_player_is_animating (ElabScenePlayer *self)
{
  g_return_val_if_fail (ELAB_IS_SCENE_PLAYER (self), FALSE);

  return self->animating;
}

void
elab_scene_player_set_scenario (ElabScenePlayer *self,
                                ElabScenario    *scenario)
{
  guint index = 0;

  g_return_if_fail (ELAB_IS_SCENE_PLAYER (self));

  stop_ticking (self);
  self->animating = FALSE;
  self->landing = FALSE;
  g_clear_pointer (&self->scenario, elab_scenario_free);
  self->scenario = scenario;

  if (scenario != NULL)
    {
      for (guint i = 0; i < scenario->scenes->len; i++)
        {
          const ElabScene *scene = g_ptr_array_index (scenario->scenes, i);

          if (elab_state_equal (&scene->state, &scenario->state))
            {
              index = i + 1;
              break;
            }
        }
      elab_document_set_state (self->document, &scenario->state);
    }

  /* Force the notifications: a new scenario may keep the same index. */
  self->index = G_MAXUINT;
  set_index (self, index, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SCENES]);
}

ElabScenario *
elab_scene_player_edit_scenario (ElabScenePlayer *self)
{
  g_return_val_if_fail (ELAB_IS_SCENE_PLAYER (self), NULL);

  if (self->scenario == NULL)
    {
      self->scenario = elab_scenario_new (elab_document_get_state (self->document));
      self->index = 0;
    }
  return self->scenario;
}

void
elab_scene_player_scenario_edited (ElabScenePlayer *self,
                                   guint            index)
{
  g_return_if_fail (ELAB_IS_SCENE_PLAYER (self));

  index = MIN (index, elab_scene_player_get_n_scenes (self));
  if (self->index != index)
    {
      self->index = index;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SCENES]);
  check_exercise (self);
}

void
elab_scene_player_replace_scenario (ElabScenePlayer *self,
                                    ElabScenario    *scenario,
                                    guint            index)
{
  g_return_if_fail (ELAB_IS_SCENE_PLAYER (self));
  g_return_if_fail (scenario != NULL);

  stop_ticking (self);
  self->animating = FALSE;
  self->landing = FALSE;
  g_clear_pointer (&self->scenario, elab_scenario_free);
  self->scenario = scenario;
  self->index = G_MAXUINT;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SCENES]);
  if (!show (self, index, FALSE, FALSE))
    elab_scene_player_scenario_edited (self, index);
}

const ElabScenario *
elab_scene_player_get_scenario (ElabScenePlayer *self)
{
  g_return_val_if_fail (ELAB_IS_SCENE_PLAYER (self), NULL);

  return self->scenario;
}

guint
elab_scene_player_get_n_scenes (ElabScenePlayer *self)
{
  g_return_val_if_fail (ELAB_IS_SCENE_PLAYER (self), 0);

  return self->scenario != NULL ? self->scenario->scenes->len : 0;
}

guint
elab_scene_player_get_index (ElabScenePlayer *self)
{
  g_return_val_if_fail (ELAB_IS_SCENE_PLAYER (self), 0);

  return self->index;
}

const char *
elab_scene_player_get_caption (ElabScenePlayer *self)
{
  g_return_val_if_fail (ELAB_IS_SCENE_PLAYER (self), NULL);

  return self->card;
}

char *
elab_scene_player_dup_position (ElabScenePlayer *self)
{
  guint n;

  g_return_val_if_fail (ELAB_IS_SCENE_PLAYER (self), NULL);

  n = elab_scene_player_get_n_scenes (self);
  if (n == 0)
    return NULL;
  if (self->index == 0)
    return g_strdup_printf ("%u scenes: Page Down starts", n);
  return g_strdup_printf ("scene %u / %u", self->index, n);
}

gboolean
elab_scene_player_handle_key (ElabScenePlayer *self,
                              guint            keyval,
                              GdkModifierType  modifiers,
                              GtkWidget       *focus)
{
  gboolean arrow = FALSE;
  gboolean forward;

  g_return_val_if_fail (ELAB_IS_SCENE_PLAYER (self), FALSE);

  if (elab_scene_player_get_n_scenes (self) == 0)
    return FALSE;
  if (modifiers & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      forward = TRUE;
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      forward = FALSE;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      forward = TRUE;
      arrow = TRUE;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      forward = FALSE;
      arrow = TRUE;
      break;
    case GDK_KEY_h:
    case GDK_KEY_H:
      /* An exercise's hint, on request; a letter typed into a field is the field's. */
      {
        const ElabScene *scene = elab_scene_player_get_scene (self);

        if (scene == NULL || scene->kind != ELAB_SCENE_EXERCISE || scene->hint == NULL)
          return FALSE;
        for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
          if (GTK_IS_EDITABLE (w) || GTK_IS_TEXT_VIEW (w))
            return FALSE;
        self->hint_shown = !self->hint_shown;
        update_card (self);
        return TRUE;
      }
    default:
      return FALSE;
    }

  /* Left and Right belong to whatever edits a value with them. */
  if (arrow && focus != NULL)
    for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
      if (GTK_IS_EDITABLE (w) || GTK_IS_RANGE (w) || GTK_IS_SPIN_BUTTON (w) ||
          GTK_IS_TEXT_VIEW (w) || GTK_IS_DROP_DOWN (w))
        return FALSE;

  /* At either end the key is still ours: a clicker must not start
   * scrolling a panel or moving a slider behind the lecturer's back. */
  if (forward)
    elab_scene_player_next (self);
  else
    elab_scene_player_previous (self);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        modifiers,
                ElabScenePlayer       *self)
{
  GtkWidget *window = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *focus = GTK_IS_ROOT (window) ? gtk_root_get_focus (GTK_ROOT (window)) : NULL;

  return elab_scene_player_handle_key (self, keyval, modifiers & gtk_accelerator_get_default_mod_mask (),
                                       focus);
}

void
elab_scene_player_attach (ElabScenePlayer *self,
                          GtkWidget       *window)
{
  GtkEventController *keys;

  g_return_if_fail (ELAB_IS_SCENE_PLAYER (self));
  g_return_if_fail (GTK_IS_WIDGET (window));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (window, keys);

  elab_scene_player_set_widget (self, window);
}

void
elab_scene_player_set_widget (ElabScenePlayer *self,
                              GtkWidget       *widget)
{
  g_return_if_fail (ELAB_IS_SCENE_PLAYER (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  if (self->widget == widget)
    return;

  stop_ticking (self);
  if (self->widget != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->widget), (gpointer *) &self->widget);
  self->widget = widget;
  if (self->widget != NULL)
    g_object_add_weak_pointer (G_OBJECT (self->widget), (gpointer *) &self->widget);

  if (self->animating && self->widget != NULL)
    self->tick_id = gtk_widget_add_tick_callback (self->widget, tick_cb, self, NULL);
}

static void
elab_scene_player_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ElabScenePlayer *self = ELAB_SCENE_PLAYER (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_N_SCENES:
      g_value_set_uint (value, elab_scene_player_get_n_scenes (self));
      break;
    case PROP_CAPTION:
      g_value_set_string (value, elab_scene_player_get_caption (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
elab_scene_player_dispose (GObject *object)
{
  ElabScenePlayer *self = ELAB_SCENE_PLAYER (object);

  elab_scene_player_set_widget (self, NULL);
  g_clear_pointer (&self->scenario, elab_scenario_free);
  g_clear_pointer (&self->card, g_free);
  g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (elab_scene_player_parent_class)->dispose (object);
}

static void
elab_scene_player_class_init (ElabScenePlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = elab_scene_player_dispose;
  object_class->get_property = elab_scene_player_get_property;

  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SCENES] =
    g_param_spec_uint ("n-scenes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A step (a scene, a reveal or back) has put its state in place, at
   * the end of its glide or at once: what a scene starts (a training
   * run) starts from there. */
  signals[LANDED] =
    g_signal_new ("landed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
elab_scene_player_init (ElabScenePlayer *self)
{
  self->start_us = -1;
}

ElabScenePlayer *
elab_scene_player_new (ElabDocument *document)
{
  ElabScenePlayer *self;

  g_return_val_if_fail (ELAB_IS_DOCUMENT (document), NULL);

  self = g_object_new (ELAB_TYPE_SCENE_PLAYER, NULL);
  self->document = g_object_ref (document);
  self->changed_id = g_signal_connect (document, "changed", G_CALLBACK (document_changed_cb), self);
  return self;
}
