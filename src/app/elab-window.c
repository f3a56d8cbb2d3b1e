/* elab-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: a view switcher over the four pages, the primary menu,
 * one ElabDocument every page edits, and the state saved on change
 * (debounced) and at close.
 */
#define G_LOG_DOMAIN "elab-window"

#include "elab-config.h"

#include "elab-cross-entropy-page.h"
#include "elab-entropy-page.h"
#include "elab-softmax-page.h"
#include "elab-training-page.h"
#include "elab-window-private.h"
#include "elab-window-scenes.h"

#define SAVE_DELAY_MS 400

enum {
  PROP_0,
  PROP_PRESENTING,
  PROP_SCENE_KEEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ElabWindow, elab_window, ADW_TYPE_APPLICATION_WINDOW)

/* Pages are built on first show: only the visible one costs start-up time.
 * The stack pages (names, titles, icons) exist from the start, so the view
 * switcher is complete; each holds an empty AdwBin slot until then. */
static const struct
{
  const char *name;                              /* the stack page's */
  gsize       slot;                              /* its AdwBin in ElabWindow */
  GtkWidget *(*new) (ElabDocument *document);
} pages[] = {
  [ELAB_PAGE_ENTROPY]       = { "entropy",       G_STRUCT_OFFSET (ElabWindow, entropy_slot),       elab_entropy_page_new },
  [ELAB_PAGE_CROSS_ENTROPY] = { "cross-entropy", G_STRUCT_OFFSET (ElabWindow, cross_entropy_slot), elab_cross_entropy_page_new },
  [ELAB_PAGE_TRAINING]      = { "training",      G_STRUCT_OFFSET (ElabWindow, training_slot),      elab_training_page_new },
  [ELAB_PAGE_SOFTMAX]       = { "softmax",       G_STRUCT_OFFSET (ElabWindow, softmax_slot),       elab_softmax_page_new },
};

/* The header's unit buttons and the menu's look items: each action is a
 * row of the document's parameter table, its state the row's text, or
 * for a switch (one with @on) whether the row holds @on rather than @off. */
static const struct
{
  const char *action;
  const char *param;
  const char *on;
  const char *off;
} look_actions[] = {
  { "unit", "unit", NULL, NULL },
  { "colorblind", "palette", "colorblind", "default" },
  { "notation", "notation", NULL, NULL },
};

static GVariant *
look_state (ElabWindow *self,
            guint       i)
{
  g_autofree char *text = elab_document_dup_string (self->document, look_actions[i].param);

  if (look_actions[i].on != NULL)
    return g_variant_new_boolean (g_strcmp0 (text, look_actions[i].on) == 0);
  return g_variant_new_string (text);
}

/* The state follows the document (a preset or a scenario brings its own
 * look too): document_changed_cb. */
static void
look_change_state (GSimpleAction *action,
                   GVariant      *value,
                   gpointer       user_data)
{
  ElabWindow *self = user_data;

  for (guint i = 0; i < G_N_ELEMENTS (look_actions); i++)
    if (g_str_equal (g_action_get_name (G_ACTION (action)), look_actions[i].action))
      elab_document_set_string (self->document, look_actions[i].param,
                                look_actions[i].on == NULL ? g_variant_get_string (value, NULL)
                                : g_variant_get_boolean (value) ? look_actions[i].on : look_actions[i].off,
                                NULL);
}

static AdwBin *
page_slot (ElabWindow   *self,
           ElabPageKind  page)
{
  return page < G_N_ELEMENTS (pages) ? G_STRUCT_MEMBER (AdwBin *, self, pages[page].slot) : NULL;
}

static void
ensure_page (ElabWindow   *self,
             ElabPageKind  page)
{
  AdwBin *slot = page_slot (self, page);
  GtkWidget *child;
  gint64 t0;

  if (slot == NULL || adw_bin_get_child (slot) != NULL)
    return;

  t0 = g_get_monotonic_time ();
  child = pages[page].new (self->document);
  if (page == ELAB_PAGE_TRAINING)
    elab_training_page_set_speed (ELAB_TRAINING_PAGE (child),
                                  elab_settings_get_training_speed (self->settings,
                                                                    elab_training_run_get_speed (elab_training_page_get_run (ELAB_TRAINING_PAGE (child)))));
  g_object_bind_property (self, "presenting", child, "presenting", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "scene-keep", child, "scene-keep", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (slot, child);
  if (g_getenv ("ELAB_STARTUP_TRACE") != NULL)
    g_printerr ("elab-startup: page %s built in %.1f ms\n", pages[page].name,
                (g_get_monotonic_time () - t0) / 1000.0);
}

void
elab_window_foreach_page (ElabWindow *self,
                          GFunc       func,
                          gpointer    user_data)
{
  g_return_if_fail (ELAB_IS_WINDOW (self));

  for (ElabPageKind kind = ELAB_PAGE_ENTROPY; kind <= ELAB_PAGE_SOFTMAX; kind++)
    {
      GtkWidget *page = adw_bin_get_child (page_slot (self, kind));

      if (page != NULL)
        func (page, user_data);
    }
}

ElabPlotView *
elab_window_get_visible_plot_view (ElabWindow *self)
{
  AdwBin *slot;
  GtkWidget *page;

  g_return_val_if_fail (ELAB_IS_WINDOW (self), NULL);

  slot = ADW_BIN (adw_view_stack_get_visible_child (self->stack));
  page = slot != NULL ? adw_bin_get_child (slot) : NULL;
  return page != NULL ? elab_page_get_plot_view (ELAB_PAGE (page)) : NULL;
}

/* The last state, with the open lesson and the exercises solved in it,
 * now instead of after the debounce. */
static void
save_state (ElabWindow *self)
{
  GtkWidget *page = adw_bin_get_child (self->training_slot);

  g_clear_handle_id (&self->save_source, g_source_remove);
  /* The speed is the run's, not the document's: keep it with the state. */
  if (page != NULL && ELAB_IS_TRAINING_PAGE (page))
    elab_settings_set_training_speed (self->settings,
                                      elab_training_run_get_speed (elab_training_page_get_run (ELAB_TRAINING_PAGE (page))));
  elab_settings_save_lesson (self->settings, elab_document_get_state (self->document),
                             self->player != NULL ? elab_scene_player_get_scenario (self->player) : NULL);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  ElabWindow *self = user_data;

  /* Still changing: look again later rather than write now. */
  if (g_get_monotonic_time () - self->last_change_us < SAVE_DELAY_MS * 1000)
    return G_SOURCE_CONTINUE;

  self->save_source = 0;
  save_state (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (ElabDocument *document,
                     guint         what,
                     ElabWindow   *self)
{
  const ElabState *state = elab_document_get_state (document);

  if (what & (ELAB_CHANGE_UNIT | ELAB_CHANGE_LOOK))
    for (guint i = 0; i < G_N_ELEMENTS (look_actions); i++)
      g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), look_actions[i].action)),
                                 look_state (self, i));
  if ((what & ELAB_CHANGE_PAGE) && state->page < G_N_ELEMENTS (pages))
    {
      const char *name = adw_view_stack_get_visible_child_name (self->stack);

      if (g_strcmp0 (name, pages[state->page].name) != 0)
        adw_view_stack_set_visible_child_name (self->stack, pages[state->page].name);
    }

  /* A drag emits many changes a second; write once it settles, not in
   * the middle of it (a write took a frame over 16 ms). */
  self->last_change_us = g_get_monotonic_time ();
  if (self->save_source == 0)
    self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
visible_child_cb (ElabWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);
  ElabState *state;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (name, pages[i].name) == 0)
      ensure_page (self, i);
  state = elab_document_edit (self->document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 elab_window_get_visible_plot_view (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-figure",
                                 elab_window_get_visible_plot_view (self) != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (name, pages[i].name) == 0 && state->page != (ElabPageKind) i)
      {
        state->page = i;
        elab_document_changed (self->document, ELAB_CHANGE_PAGE);
      }
}

void
elab_window_set_page (ElabWindow   *self,
                      ElabPageKind  page)
{
  g_return_if_fail (ELAB_IS_WINDOW (self));
  g_return_if_fail (page < G_N_ELEMENTS (pages));

  adw_view_stack_set_visible_child_name (self->stack, pages[page].name);
}

void
elab_window_show_toast (ElabWindow *self,
                        const char *message)
{
  g_autofree char *title = NULL;

  g_return_if_fail (ELAB_IS_WINDOW (self));

  /* A toast's title is markup; a file's name may hold an '&'. */
  title = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
elab_window_add_toast (ElabWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (ELAB_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

/* The primary menu's popover is some twenty widgets nobody needs for the
 * first frame: build it when the menu is first opened (click or F10). */
static void
create_menu_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  ElabWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static gboolean
close_request_cb (ElabWindow *self)
{
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    elab_settings_set_window (self->settings, width, height,
                              gtk_window_is_maximized (GTK_WINDOW (self)));
  /* Mid-glide the document holds an in-between state: save the scene it
   * was going to, which is where the next start should be. */
  elab_scene_player_finish (elab_window_get_scene_player (self));
  save_state (self);
  return FALSE;
}

static void
elab_window_map (GtkWidget *widget)
{
  elab_debug_trace ("map");
  GTK_WIDGET_CLASS (elab_window_parent_class)->map (widget);
}

static void
elab_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ElabWindow *self = ELAB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;
    case PROP_SCENE_KEEP:
      g_value_set_uint (value, self->scene_keep);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
elab_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ElabWindow *self = ELAB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      if (self->presenting != g_value_get_boolean (value))
        {
          _elab_window_set_presenting (self, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SCENE_KEEP:
      if (self->scene_keep != g_value_get_uint (value))
        {
          self->scene_keep = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
elab_window_dispose (GObject *object)
{
  ElabWindow *self = ELAB_WINDOW (object);

  if (self->save_source != 0)
    save_state (self);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);

  /* The template first: the stack, as it goes, still tells visible_child_cb,
   * which reads the document. */
  gtk_widget_dispose_template (GTK_WIDGET (object), ELAB_TYPE_WINDOW);
  _elab_window_scenes_dispose (self);
  g_clear_pointer (&self->settings, elab_settings_free);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (elab_window_parent_class)->dispose (object);
}

static void
elab_window_class_init (ElabWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = elab_window_dispose;
  object_class->get_property = elab_window_get_property;
  object_class->set_property = elab_window_set_property;

  widget_class->map = elab_window_map;

  /* Presentation mode (F5, win.presentation): the pages and the header
   * bar bind to it. */
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The ElabPresentationKeep bits of the models the current scene
   * changes: their editors stay out while presenting. */
  properties[PROP_SCENE_KEEP] =
    g_param_spec_uint ("scene-keep", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entropylab/EntropyLab/ui/elab-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ElabWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ElabWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ElabWindow, scene_label);
  gtk_widget_class_bind_template_child (widget_class, ElabWindow, blank_screen);
  gtk_widget_class_bind_template_child (widget_class, ElabWindow, lesson_flap);
  gtk_widget_class_bind_template_child (widget_class, ElabWindow, lesson_scroller);
  gtk_widget_class_bind_template_child (widget_class, ElabWindow, entropy_slot);
  gtk_widget_class_bind_template_child (widget_class, ElabWindow, cross_entropy_slot);
  gtk_widget_class_bind_template_child (widget_class, ElabWindow, training_slot);
  gtk_widget_class_bind_template_child (widget_class, ElabWindow, softmax_slot);
  gtk_widget_class_bind_template_child (widget_class, ElabWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ElabWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ElabWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);

  _elab_window_class_actions_init (klass);
}

/* The bottom switcher shows only where the header's does not fit (a
 * narrow window): it makes its page buttons when first revealed, not for
 * the first frame. */
static void
switcher_bar_reveal_cb (ElabWindow *self)
{
  if (adw_view_switcher_bar_get_reveal (self->switcher_bar)
      && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->stack);
}

static void
elab_window_init (ElabWindow *self)
{
  g_autoptr (ElabScenario) lesson = NULL;
  ElabState state;
  int width = 1280, height = 800;
  gboolean maximized = FALSE;

  elab_debug_trace ("win-init");
  self->document = elab_document_new ();
  self->settings = elab_settings_new ();
  elab_debug_trace ("settings");

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->switcher_bar, "notify::reveal", G_CALLBACK (switcher_bar_reveal_cb), self);
  switcher_bar_reveal_cb (self);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_popup_cb, self, NULL);
  elab_debug_trace ("template");

  elab_settings_get_window (self->settings, &width, &height, &maximized);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               CLAMP (width, 640, 8192), CLAMP (height, 480, 8192));
  if (maximized)
    gtk_window_maximize (GTK_WINDOW (self));

  state = *elab_document_get_state (self->document);
  lesson = elab_settings_load_lesson (self->settings, &state);
  elab_document_set_state (self->document, &state);
  for (guint i = 0; i < G_N_ELEMENTS (look_actions); i++)
    {
      g_autoptr(GSimpleAction) action =
        g_simple_action_new_stateful (look_actions[i].action,
                                      look_actions[i].on == NULL ? G_VARIANT_TYPE_STRING : NULL,
                                      look_state (self, i));

      g_signal_connect (action, "change-state", G_CALLBACK (look_change_state), self);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
    }

  elab_debug_trace ("loaded");
  elab_window_set_page (self, state.page);
  elab_debug_trace ("set_page");
  elab_debug_watch_frames (GTK_WIDGET (self), self->document);
  self->changed_id = g_signal_connect (self->document, "changed",
                                       G_CALLBACK (document_changed_cb), self);
  visible_child_cb (self);
  /* Scenarios, scenes, presentation mode: elab-window-scenes.c */
  elab_debug_trace ("pre-scenes");
  _elab_window_scenes_init (self);
  /* The lesson that was open, where it was left. */
  if (lesson != NULL)
    elab_window_open_scenario (self, g_steal_pointer (&lesson));
  elab_debug_trace ("scenes");
  /* Nothing to save yet: what was just loaded is what is stored. */
  g_clear_handle_id (&self->save_source, g_source_remove);
}

ElabWindow *
elab_window_new (GtkApplication *application)
{
  return g_object_new (ELAB_TYPE_WINDOW, "application", application, NULL);
}

ElabDocument *
elab_window_get_document (ElabWindow *self)
{
  g_return_val_if_fail (ELAB_IS_WINDOW (self), NULL);

  return self->document;
}
