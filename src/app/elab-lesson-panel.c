/* elab-lesson-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building a lesson in the window: the scenes of the open scenario (or of
 * a new one) as a list, and the selected scene's caption, kind, question
 * and choices, or exercise goal, edited in place. A scene takes what the
 * window shows when it is added, or when asked to; a question's reveal
 * likewise. Every edit can be undone: the panel keeps copies of the
 * scenario from before each change (typing in one field is one change).
 */
#define G_LOG_DOMAIN "elab-lesson-panel"

#include "elab-config.h"

#include <string.h>

#include "elab-lesson-panel.h"
#include "elab-page.h"
#include "elab-quantities.h"

#define MAX_UNDO 100

typedef struct
{
  ElabScenario *scenario;
  guint         index;
} Snapshot;

struct _ElabLessonPanel
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkWidget       *box;
  GtkListBox      *scene_list;
  GtkWidget       *editor;
  GtkTextView     *caption_view;
  GtkDropDown     *kind_dropdown;
  GtkWidget       *question_box;
  GtkEditable     *question_entry;
  GtkEditable     *choice_a;
  GtkEditable     *choice_b;
  GtkEditable     *choice_c;
  GtkEditable     *choice_d;
  GtkDropDown     *answer_dropdown;
  GtkWidget       *exercise_box;
  GtkEditable     *goal_entry;
  GtkLabel        *goal_error;
  GtkSpinButton   *tolerance_spin;
  GtkEditable     *hint_entry;
  GtkEditable     *explanation_entry;

  /* Owned */
  ElabScenePlayer *player;
  ElabDocument    *document;
  GPtrArray       *undo;        /* Snapshot* */
  GPtrArray       *redo;
  gconstpointer    last_field;  /* typing in one field is one undo step */
  gboolean         loading;     /* the fields are being filled from a scene */
  guint            n_rows;      /* in scene_list */
};

G_DEFINE_FINAL_TYPE (ElabLessonPanel, elab_lesson_panel, GTK_TYPE_WIDGET)

static void
snapshot_free (gpointer data)
{
  Snapshot *s = data;

  elab_scenario_free (s->scenario);
  g_free (s);
}

static Snapshot *
snapshot_take (ElabLessonPanel *self)
{
  Snapshot *s = g_new0 (Snapshot, 1);

  s->scenario = elab_scenario_copy (elab_scene_player_edit_scenario (self->player));
  s->index = elab_scene_player_get_index (self->player);
  return s;
}

static void
update_actions (ElabLessonPanel *self)
{
  guint n = self->player ? elab_scene_player_get_n_scenes (self->player) : 0;
  guint index = self->player ? elab_scene_player_get_index (self->player) : 0;
  gboolean has = index >= 1 && index <= n;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.undo", self->undo->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.redo", self->redo->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.add", self->player != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.duplicate", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.delete", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.move-up", has && index > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.move-down", has && index < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.set-state", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.set-reveal", has);
  gtk_widget_set_sensitive (self->editor, has);
}

/* Before a change: keep the scenario as it was. Typing on in the same
 * field adds to the change already kept. */
static void
begin_change (ElabLessonPanel *self,
              gconstpointer    field)
{
  if (field == NULL || field != self->last_field)
    {
      g_ptr_array_add (self->undo, snapshot_take (self));
      if (self->undo->len > MAX_UNDO)
        g_ptr_array_remove_index (self->undo, 0);
      g_ptr_array_set_size (self->redo, 0);
    }
  self->last_field = field;
}

static ElabScene *
current_scene (ElabLessonPanel *self)
{
  ElabScenario *scenario;
  guint index;

  if (self->player == NULL)
    return NULL;
  scenario = elab_scene_player_edit_scenario (self->player);
  index = elab_scene_player_get_index (self->player);
  if (index < 1 || index > scenario->scenes->len)
    return NULL;
  return g_ptr_array_index (scenario->scenes, index - 1);
}

static char *
caption_text (ElabLessonPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->caption_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_text (GtkEditable *editable,
          const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

static GtkEditable *
choice_entry (ElabLessonPanel *self,
              guint            i)
{
  GtkEditable *entries[ELAB_SCENE_MAX_CHOICES] = { self->choice_a, self->choice_b, self->choice_c,
                                                   self->choice_d };

  return entries[i];
}

/* The widgets show the current scene. Every handler compares before it
 * changes anything, so showing a scene edits nothing. */
/* The scene a field's change edits: none while the fields are being
 * filled from the scene shown. Setting an entry's text passes through
 * an empty one, which is not an edit; taken as one, it changed the scene
 * being read (its choices freed under the loop that filled them). */
static ElabScene *
scene_to_edit (ElabLessonPanel *self)
{
  return self->loading ? NULL : current_scene (self);
}

static void
load_scene (ElabLessonPanel *self)
{
  ElabScene *scene = current_scene (self);
  g_autofree char *caption = NULL;

  update_actions (self);
  if (scene == NULL)
    return;

  self->loading = TRUE;
  caption = caption_text (self);
  if (strcmp (caption, scene->caption) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->caption_view), scene->caption, -1);
  if (gtk_drop_down_get_selected (self->kind_dropdown) != (guint) scene->kind)
    gtk_drop_down_set_selected (self->kind_dropdown, scene->kind);
  set_text (self->question_entry, scene->question);
  for (guint i = 0; i < ELAB_SCENE_MAX_CHOICES; i++)
    set_text (choice_entry (self, i),
              scene->choices != NULL && i < g_strv_length (scene->choices) ? scene->choices[i] : NULL);
  if (scene->answer >= 0 && gtk_drop_down_get_selected (self->answer_dropdown) != (guint) scene->answer)
    gtk_drop_down_set_selected (self->answer_dropdown, scene->answer);
  set_text (self->goal_entry, scene->goal);
  if (gtk_spin_button_get_value (self->tolerance_spin) != scene->tolerance)
    gtk_spin_button_set_value (self->tolerance_spin, scene->tolerance);
  set_text (self->hint_entry, scene->hint);
  set_text (self->explanation_entry, scene->explanation);
  gtk_widget_set_visible (self->question_box, scene->kind == ELAB_SCENE_QUESTION);
  gtk_widget_set_visible (self->exercise_box, scene->kind == ELAB_SCENE_EXERCISE);
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_entry), scene->kind != ELAB_SCENE_CAPTION);
  self->loading = FALSE;
}

static GtkWidget *
row_new (ElabLessonPanel *self,
         const ElabScene *scene,
         guint            number)
{
  static const char *const kinds[] = { "", " · question", " · exercise" };
  g_autofree char *first = g_strdup (scene->caption[0] ? scene->caption
                                     : scene->question ? scene->question : "(no caption)");
  g_autofree char *text = NULL;
  GtkWidget *label;
  char *newline = strchr (first, '\n');

  if (newline != NULL)
    *newline = '\0';
  text = g_strdup_printf ("%u. %s%s", number, first, kinds[scene->kind]);
  label = gtk_label_new (text);
  /* A caption names a cross-entropy as the pages do. */
  if (self->document != NULL && elab_document_get_notation (self->document) == ELAB_NOTATION_SUBSCRIPT)
    {
      g_autofree char *markup = elab_notation_markup (ELAB_NOTATION_SUBSCRIPT, text);
      g_auto(GStrv) opened = NULL;
      g_auto(GStrv) closed = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *lowered = NULL;

      /* Pango 1.50 cannot cut a line short inside <sub> ("Leftover font
       * scales"), and a row is cut to the panel's width: its subscripts
       * are a smaller, lowered span instead. */
      opened = g_strsplit (markup, "<sub>", -1);
      joined = g_strjoinv ("<span size=\"smaller\" rise=\"-3pt\">", opened);
      closed = g_strsplit (joined, "</sub>", -1);
      lowered = g_strjoinv ("</span>", closed);
      gtk_label_set_markup (GTK_LABEL (label), lowered);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  return label;
}

/* The list is rebuilt when the scenes change; the selection follows the
 * player's current scene. */
static void
reload_list (ElabLessonPanel *self)
{
  const ElabScenario *scenario = self->player ? elab_scene_player_get_scenario (self->player) : NULL;
  guint index = self->player ? elab_scene_player_get_index (self->player) : 0;
  GtkListBoxRow *first;

  while ((first = gtk_list_box_get_row_at_index (self->scene_list, 0)) != NULL)
    gtk_list_box_remove (self->scene_list, GTK_WIDGET (first));
  self->n_rows = scenario != NULL ? scenario->scenes->len : 0;
  for (guint i = 0; i < self->n_rows; i++)
    gtk_list_box_append (self->scene_list, row_new (self, g_ptr_array_index (scenario->scenes, i), i + 1));
  if (index >= 1)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->scene_list, (int) index - 1);

      if (row != NULL && gtk_list_box_get_selected_row (self->scene_list) != row)
        gtk_list_box_select_row (self->scene_list, row);
    }
  load_scene (self);
}

/* After a change to the scenes: the player announces it, the list shows it. */
static void
edited (ElabLessonPanel *self,
        guint            index,
        gboolean         structure)
{
  elab_scene_player_scenario_edited (self->player, index);
  if (structure)
    {
      self->last_field = NULL;
      reload_list (self);
    }
  else
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->scene_list, (int) index - 1);
      ElabScene *scene = current_scene (self);

      if (row != NULL && scene != NULL)
        gtk_list_box_row_set_child (row, row_new (self, scene, index));
      update_actions (self);
    }
}

static void
row_selected_cb (ElabLessonPanel *self,
                 GtkListBoxRow   *row)
{
  guint index;

  if (row == NULL || self->player == NULL)
    return;
  index = (guint) gtk_list_box_row_get_index (row) + 1;
  self->last_field = NULL;
  if (index != elab_scene_player_get_index (self->player))
    elab_scene_player_go_to (self->player, index, TRUE);
  load_scene (self);
}

/* ---- Field edits ------------------------------------------------------ */

static gboolean
replace_string (char       **field,
                const char  *text)
{
  const char *value = text != NULL && text[0] != '\0' ? text : NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Sets one text field of the current scene from @editable, as one undo
 * step per field. */
static void
text_field_changed (ElabLessonPanel *self,
                    GtkEditable     *editable,
                    gsize            offset)
{
  ElabScene *scene = scene_to_edit (self);
  char **field;

  if (scene == NULL)
    return;
  field = (char **) ((char *) scene + offset);
  if (g_strcmp0 (*field, gtk_editable_get_text (editable)[0] ? gtk_editable_get_text (editable) : NULL) == 0)
    return;
  begin_change (self, editable);
  replace_string (field, gtk_editable_get_text (editable));
  edited (self, elab_scene_player_get_index (self->player), FALSE);
}

static void
caption_changed_cb (ElabLessonPanel *self)
{
  ElabScene *scene = scene_to_edit (self);
  g_autofree char *caption = caption_text (self);

  if (scene == NULL || strcmp (scene->caption, caption) == 0)
    return;
  begin_change (self, self->caption_view);
  g_free (scene->caption);
  scene->caption = g_steal_pointer (&caption);
  edited (self, elab_scene_player_get_index (self->player), FALSE);
}

static void
question_changed_cb (ElabLessonPanel *self)
{
  text_field_changed (self, self->question_entry, G_STRUCT_OFFSET (ElabScene, question));
}

static void
explanation_changed_cb (ElabLessonPanel *self)
{
  text_field_changed (self, self->explanation_entry, G_STRUCT_OFFSET (ElabScene, explanation));
}

static void
hint_changed_cb (ElabLessonPanel *self)
{
  text_field_changed (self, self->hint_entry, G_STRUCT_OFFSET (ElabScene, hint));
}

/* A goal is kept only once it reads; until then the entry says why not. */
static void
goal_changed_cb (ElabLessonPanel *self)
{
  g_autoptr (GError) error = NULL;
  const char *text = gtk_editable_get_text (self->goal_entry);
  ElabGoal goal;

  /* An exercise always has a goal: an emptied entry keeps the last one. */
  if (text[0] == '\0' || !elab_goal_parse (text, &goal, &error))
    {
      gtk_label_set_label (self->goal_error, error != NULL ? error->message : "An exercise needs a goal.");
      return;
    }
  gtk_label_set_label (self->goal_error, "");
  text_field_changed (self, self->goal_entry, G_STRUCT_OFFSET (ElabScene, goal));
}

static void
tolerance_changed_cb (ElabLessonPanel *self)
{
  ElabScene *scene = scene_to_edit (self);
  double value = gtk_spin_button_get_value (self->tolerance_spin);

  if (scene == NULL || scene->tolerance == value)
    return;
  begin_change (self, self->tolerance_spin);
  scene->tolerance = value;
  edited (self, elab_scene_player_get_index (self->player), FALSE);
}

/* Choice @i typed: each entry edits its own choice, so showing a scene
 * (which sets the entries one by one) never mixes two scenes' choices.
 * Choices fill A, B, C, D in order; an emptied one drops out. */
static void
choice_changed_cb (ElabLessonPanel *self,
                   GtkEditable     *editable)
{
  ElabScene *scene = scene_to_edit (self);
  const char *slots[ELAB_SCENE_MAX_CHOICES + 1] = { "", "", "", "", NULL };
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  const char *text = gtk_editable_get_text (editable);
  guint n = 0, i = 0;

  if (scene == NULL)
    return;
  while (i < ELAB_SCENE_MAX_CHOICES && choice_entry (self, i) != editable)
    i++;
  for (n = 0; scene->choices != NULL && scene->choices[n] != NULL && n < ELAB_SCENE_MAX_CHOICES; n++)
    slots[n] = scene->choices[n];
  if (i == ELAB_SCENE_MAX_CHOICES || strcmp (slots[i], text) == 0)
    return;

  begin_change (self, editable);
  for (n = 0; scene->choices != NULL && scene->choices[n] != NULL && n < ELAB_SCENE_MAX_CHOICES; n++)
    slots[n] = scene->choices[n];
  slots[i] = text;
  for (n = 0; n < ELAB_SCENE_MAX_CHOICES; n++)
    if (slots[n][0] != '\0')
      g_strv_builder_add (builder, slots[n]);
  g_strfreev (scene->choices);
  scene->choices = g_strv_builder_end (builder);
  if (scene->choices[0] == NULL)
    g_clear_pointer (&scene->choices, g_strfreev);
  if (scene->choices == NULL)
    scene->answer = -1;
  else if (scene->answer < 0 || (guint) scene->answer >= g_strv_length (scene->choices))
    scene->answer = 0;
  edited (self, elab_scene_player_get_index (self->player), FALSE);
}

static void
answer_changed_cb (ElabLessonPanel *self)
{
  ElabScene *scene = scene_to_edit (self);
  int answer = (int) gtk_drop_down_get_selected (self->answer_dropdown);

  if (scene == NULL || scene->choices == NULL || scene->answer == answer ||
      (guint) answer >= g_strv_length (scene->choices))
    return;
  begin_change (self, NULL);
  scene->answer = answer;
  edited (self, elab_scene_player_get_index (self->player), FALSE);
}

static void
kind_changed_cb (ElabLessonPanel *self)
{
  ElabScene *scene = scene_to_edit (self);
  ElabSceneKind kind = (ElabSceneKind) gtk_drop_down_get_selected (self->kind_dropdown);

  if (scene == NULL || scene->kind == kind || kind > ELAB_SCENE_EXERCISE)
    return;
  begin_change (self, NULL);
  scene->kind = kind;
  /* What a new question or exercise needs to be saved at all. */
  if (kind == ELAB_SCENE_QUESTION && scene->question == NULL)
    scene->question = g_strdup ("?");
  if (kind == ELAB_SCENE_EXERCISE && scene->goal == NULL)
    scene->goal = g_strdup ("mean-kl-pq <= 0.05");
  edited (self, elab_scene_player_get_index (self->player), TRUE);
}

/* ---- Actions ---------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  ElabLessonPanel *self = ELAB_LESSON_PANEL (widget);
  ElabScenario *scenario;
  guint index;
  ElabScene *scene;

  begin_change (self, NULL);
  scenario = elab_scene_player_edit_scenario (self->player);
  index = MIN (elab_scene_player_get_index (self->player), scenario->scenes->len);
  scene = elab_scenario_add_scene (scenario, elab_document_get_state (self->document), "");
  /* After the current scene, not at the end. */
  g_ptr_array_steal_index (scenario->scenes, scenario->scenes->len - 1);
  g_ptr_array_insert (scenario->scenes, (int) index, scene);
  edited (self, index + 1, TRUE);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  ElabLessonPanel *self = ELAB_LESSON_PANEL (widget);
  ElabScene *scene = current_scene (self);
  guint index = elab_scene_player_get_index (self->player);

  if (scene == NULL)
    return;
  begin_change (self, NULL);
  g_ptr_array_insert (elab_scene_player_edit_scenario (self->player)->scenes, (int) index,
                      elab_scene_copy (scene));
  edited (self, index + 1, TRUE);
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  ElabLessonPanel *self = ELAB_LESSON_PANEL (widget);
  guint index = elab_scene_player_get_index (self->player);

  if (current_scene (self) == NULL)
    return;
  begin_change (self, NULL);
  g_ptr_array_remove_index (elab_scene_player_edit_scenario (self->player)->scenes, index - 1);
  edited (self, MAX (index - 1, 1), TRUE);
}

/* lesson.move-up and lesson.move-down. */
static void
move_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  ElabLessonPanel *self = ELAB_LESSON_PANEL (widget);
  ElabScenario *scenario = elab_scene_player_edit_scenario (self->player);
  guint index = elab_scene_player_get_index (self->player);
  guint to = g_str_equal (name, "lesson.move-up") ? index - 1 : index + 1;
  gpointer scene;

  if (current_scene (self) == NULL || to < 1 || to > scenario->scenes->len)
    return;
  begin_change (self, NULL);
  scene = g_ptr_array_steal_index (scenario->scenes, index - 1);
  g_ptr_array_insert (scenario->scenes, (int) to - 1, scene);
  edited (self, to, TRUE);
}

/* The scene takes what the window shows; for a question, its "before". */
static void
set_state_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  ElabLessonPanel *self = ELAB_LESSON_PANEL (widget);
  const ElabState *now = elab_document_get_state (self->document);
  ElabScene *scene = current_scene (self);

  if (scene == NULL || elab_state_equal (&scene->state, now))
    return;
  begin_change (self, NULL);
  scene->state = *now;
  if (!scene->has_after)
    scene->after = *now;
  edited (self, elab_scene_player_get_index (self->player), FALSE);
}

/* A question's reveal glides to what the window shows now. */
static void
set_reveal_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  ElabLessonPanel *self = ELAB_LESSON_PANEL (widget);
  ElabScene *scene = current_scene (self);

  if (scene == NULL)
    return;
  begin_change (self, NULL);
  scene->after = *elab_document_get_state (self->document);
  scene->has_after = !elab_state_equal (&scene->after, &scene->state);
  edited (self, elab_scene_player_get_index (self->player), FALSE);
}

/* lesson.undo and lesson.redo: the scenario goes back to the last copy
 * of one list, and the copy of what it was goes on the other. */
static void
history_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  ElabLessonPanel *self = ELAB_LESSON_PANEL (widget);
  gboolean undo = g_str_equal (name, "lesson.undo");
  GPtrArray *from = undo ? self->undo : self->redo;
  GPtrArray *to = undo ? self->redo : self->undo;
  Snapshot *s;

  if (from->len == 0)
    return;
  g_ptr_array_add (to, snapshot_take (self));
  s = g_ptr_array_steal_index (from, from->len - 1);
  elab_scene_player_replace_scenario (self->player, g_steal_pointer (&s->scenario), s->index);
  g_free (s);
  self->last_field = NULL;
  reload_list (self);
}

/* ---- Life ------------------------------------------------------------- */

static void
player_changed_cb (ElabLessonPanel *self)
{
  GtkListBoxRow *row;
  guint index = elab_scene_player_get_index (self->player);
  guint n = elab_scene_player_get_n_scenes (self->player);

  /* Another scenario was opened, or a key stepped the scenes. */
  if (self->n_rows != n)
    {
      reload_list (self);
      return;
    }
  row = index >= 1 ? gtk_list_box_get_row_at_index (self->scene_list, (int) index - 1) : NULL;
  if (row != NULL && gtk_list_box_get_selected_row (self->scene_list) != row)
    gtk_list_box_select_row (self->scene_list, row);
  load_scene (self);
}

GtkWidget *
elab_lesson_panel_new (ElabScenePlayer *player,
                       ElabDocument    *document)
{
  ElabLessonPanel *self;

  g_return_val_if_fail (ELAB_IS_SCENE_PLAYER (player), NULL);
  g_return_val_if_fail (ELAB_IS_DOCUMENT (document), NULL);

  self = g_object_new (ELAB_TYPE_LESSON_PANEL, NULL);
  self->player = g_object_ref (player);
  self->document = g_object_ref (document);
  g_signal_connect_swapped (player, "notify::index", G_CALLBACK (player_changed_cb), self);
  g_signal_connect_swapped (player, "notify::n-scenes", G_CALLBACK (player_changed_cb), self);
  g_signal_connect_swapped (document, "notify::notation", G_CALLBACK (reload_list), self);
  reload_list (self);
  return GTK_WIDGET (self);
}

static void
elab_lesson_panel_dispose (GObject *object)
{
  ElabLessonPanel *self = ELAB_LESSON_PANEL (object);

  if (self->player != NULL)
    g_signal_handlers_disconnect_by_data (self->player, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ELAB_TYPE_LESSON_PANEL);
  g_clear_object (&self->player);
  g_clear_object (&self->document);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (elab_lesson_panel_parent_class)->dispose (object);
}

static void
elab_lesson_panel_class_init (ElabLessonPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = elab_lesson_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entropylab/EntropyLab/ui/elab-lesson-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "elab-lesson-panel");

  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, box);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, scene_list);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, editor);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, caption_view);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, question_box);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, question_entry);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, choice_a);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, choice_b);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, choice_c);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, choice_d);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, answer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, exercise_box);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, goal_entry);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, goal_error);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, tolerance_spin);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, hint_entry);
  gtk_widget_class_bind_template_child (widget_class, ElabLessonPanel, explanation_entry);

  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, question_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, answer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, goal_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tolerance_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, hint_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, explanation_changed_cb);

  gtk_widget_class_install_action (widget_class, "lesson.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "lesson.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "lesson.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "lesson.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "lesson.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "lesson.set-state", NULL, set_state_action);
  gtk_widget_class_install_action (widget_class, "lesson.set-reveal", NULL, set_reveal_action);
  gtk_widget_class_install_action (widget_class, "lesson.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "lesson.redo", NULL, history_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "lesson.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "lesson.redo", NULL);
}

static void
elab_lesson_panel_init (ElabLessonPanel *self)
{
  self->undo = g_ptr_array_new_with_free_func (snapshot_free);
  self->redo = g_ptr_array_new_with_free_func (snapshot_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->caption_view), "changed",
                           G_CALLBACK (caption_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}
