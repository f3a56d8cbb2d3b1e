/* test-presentation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presentation mode: win.presentation folds the controls and the header
 * away, asks for full screen, draws every plot large, thick and light
 * whatever the desktop's style, and Leave puts everything back.
 */
#include "elab-config.h"

#include <string.h>
#include <adwaita.h>

#include "elab-entropy-page.h"
#include "elab-model-editor.h"
#include "elab-softmax-page.h"
#include "elab-settings.h"
#include "elab-training-page.h"
#include "elab-window-scenes.h"
#include "elab-window.h"

#include "app-test-util.h"

typedef struct
{
  guint presenting;
  guint total;
} ViewCount;

static void
count_view_cb (gpointer view,
               gpointer user_data)
{
  ViewCount *count = user_data;
  ElabFigureStyle style;

  elab_plot_view_get_style (view, &style);
  count->total++;
  /* Larger type (less so on the Training page's two figures), thicker lines. */
  if (style.type_scale > 1.2 && style.line_scale > 1.5 && style.theme == ELAB_THEME_LIGHT)
    count->presenting++;
}

static void
count_page_cb (gpointer page,
               gpointer user_data)
{
  elab_page_foreach_plot_view (page, count_view_cb, user_data);
}

static gboolean
action_state (ElabWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "presentation");

  return g_variant_get_boolean (state);
}

/* What the pages and the header bar follow. */
static gboolean
presenting (ElabWindow *window)
{
  gboolean presenting = FALSE;

  g_object_get (window, "presenting", &presenting, NULL);
  return presenting;
}

static void
test_toggle (void)
{
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  AdwColorScheme scheme = adw_style_manager_get_color_scheme (manager);
  ViewCount count = { 0 };
  GtkWidget *header, *panel;
  ElabPlotView *view;

  /* A projector of 1600 px: wide enough for the worked formula. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (window));
  elab_window_set_page (window, ELAB_PAGE_ENTROPY);
  spin ();

  header = find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  view = elab_window_get_visible_plot_view (window);
  /* The Entropy page's controls sit in a scrolled panel beside the plot. */
  panel = find_type (gtk_widget_get_parent (GTK_WIDGET (view)), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (header);
  g_assert_nonnull (panel);
  g_assert_true (gtk_widget_get_visible (header));
  g_assert_true (gtk_widget_get_visible (panel));

  /* F5's action. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  spin ();
  g_assert_true (action_state (window));
  g_assert_true (presenting (window));
  g_assert_false (gtk_widget_get_visible (header));
  g_assert_false (gtk_widget_get_visible (panel));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "elab-projector"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* Every plot, on every page, draws for the projector: pages built on
   * first show too. */
  for (guint i = ELAB_PAGE_ENTROPY; i <= ELAB_PAGE_SOFTMAX; i++)
    {
      elab_window_set_page (window, i);
      spin ();
    }
  elab_window_set_page (window, ELAB_PAGE_ENTROPY);
  spin ();
  elab_window_foreach_page (window, count_page_cb, &count);
  g_assert_cmpuint (count.total, >=, 3);
  g_assert_cmpuint (count.presenting, ==, count.total);
  /* The worked formula is on for the back row while presenting freely; a
   * lesson's scene (its caption) decides for itself. */
  {
    ElabFigureStyle style;

    elab_plot_view_get_style (view, &style);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >=, 1100);
    g_assert_true (style.formula);
    elab_plot_view_set_caption (view, "A question", NULL);
    elab_plot_view_get_style (view, &style);
    g_assert_false (style.formula);
    elab_plot_view_set_caption (view, NULL, NULL);
  }
  /* Full screen needs a window manager to confirm; when one answers, it
   * must have been asked. Without one (bare Xvfb) the request is all. */
  if (gtk_window_is_fullscreen (GTK_WINDOW (window)))
    g_test_message ("the window manager confirmed full screen");

  /* Even with the desktop asking for dark, the plots stay light. */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  count = (ViewCount) { 0 };
  elab_window_foreach_page (window, count_page_cb, &count);
  g_assert_cmpuint (count.presenting, ==, count.total);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* Leave (what Escape does) restores everything. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "presentation", g_variant_new_boolean (FALSE));
  spin ();
  g_assert_false (action_state (window));
  g_assert_false (presenting (window));
  g_assert_true (gtk_widget_get_visible (header));
  g_assert_true (gtk_widget_get_visible (panel));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "elab-projector"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, scheme);
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  count = (ViewCount) { 0 };
  elab_window_foreach_page (window, count_page_cb, &count);
  g_assert_cmpuint (count.presenting, ==, 0);
  {
    ElabFigureStyle style;

    elab_plot_view_get_style (view, &style);
    g_assert_false (style.formula);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static void
collect_editors (GtkWidget *widget,
                 GPtrArray *res)
{
  if (ELAB_IS_MODEL_EDITOR (widget))
    g_ptr_array_add (res, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_editors (child, res);
}

/* Shown on screen: it and every ancestor visible. */
static gboolean
shown (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget))
      return FALSE;
  return TRUE;
}

static void
test_keep_scene_controls (void)
{
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  ElabScenario *scenario;
  g_autoptr(GPtrArray) editors = g_ptr_array_new ();
  ElabState s1, s2;

  elab_state_init_default (&s1);
  s1.page = ELAB_PAGE_ENTROPY;
  s2 = s1;
  s2.models[1].theta = 5.0;       /* scene 2 moves model B only */
  scenario = elab_scenario_new (&s1);
  elab_scenario_add_scene (scenario, &s1, "first");
  elab_scenario_add_scene (scenario, &s2, "B gets steeper");

  gtk_window_present (GTK_WINDOW (window));
  elab_window_open_scenario (window, scenario);
  collect_editors (gtk_widget_get_parent (GTK_WIDGET (elab_window_get_visible_plot_view (window))), editors);
  g_assert_cmpuint (editors->len, ==, 3);

  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  spin ();
  /* Scene 1 changes nothing: every control is folded away. */
  for (guint i = 0; i < editors->len; i++)
    g_assert_false (shown (g_ptr_array_index (editors, i)));

  g_action_group_activate_action (G_ACTION_GROUP (window), "next-scene", NULL);
  elab_scene_player_finish (elab_window_get_scene_player (window));
  spin ();
  g_assert_false (shown (g_ptr_array_index (editors, 0)));
  g_assert_true (shown (g_ptr_array_index (editors, 1)));
  g_assert_false (shown (g_ptr_array_index (editors, 2)));

  /* Leaving shows them all again. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "presentation", g_variant_new_boolean (FALSE));
  spin ();
  for (guint i = 0; i < editors->len; i++)
    g_assert_true (shown (g_ptr_array_index (editors, i)));

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* The control with template id @id on the page of @type that the window
 * shows. */
static GtkWidget *
page_control (ElabWindow *window,
              GType       type,
              const char *id)
{
  GtkWidget *page = find_type (GTK_WIDGET (window), type);

  g_assert_nonnull (page);
  return GTK_WIDGET (template_child (page, type, id));
}

static void
next_scene (ElabWindow *window)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "next-scene", NULL);
  elab_scene_player_finish (elab_window_get_scene_player (window));
  spin ();
}

/* An exercise moves nothing, yet its students need the controls its goal
 * reads, and only those: the logits and temperature for the softmax's
 * entropy, model B's editor for its mean entropy, the run's settings for
 * a run that must converge. */
static void
test_exercise_controls (void)
{
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  ElabScenario *scenario;
  ElabScene *scene;
  ElabState softmax, entropy, training;

  elab_state_init_default (&softmax);
  softmax.page = ELAB_PAGE_SOFTMAX;
  entropy = softmax;
  entropy.page = ELAB_PAGE_ENTROPY;
  training = softmax;
  training.page = ELAB_PAGE_TRAINING;
  scenario = elab_scenario_new (&softmax);
  elab_scenario_add_scene (scenario, &softmax, "look");
  scene = elab_scenario_add_scene (scenario, &softmax, "your turn");
  scene->kind = ELAB_SCENE_EXERCISE;
  scene->goal = g_strdup ("softmax-entropy = 1");
  scene = elab_scenario_add_scene (scenario, &entropy, "your turn");
  scene->kind = ELAB_SCENE_EXERCISE;
  scene->goal = g_strdup ("mean-entropy-b <= 0.1");
  scene = elab_scenario_add_scene (scenario, &training, "your turn");
  scene->kind = ELAB_SCENE_EXERCISE;
  scene->goal = g_strdup ("converged = 1 and steps-taken <= 60");

  gtk_window_present (GTK_WINDOW (window));
  elab_window_open_scenario (window, scenario);
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  spin ();
  g_assert_false (shown (page_control (window, ELAB_TYPE_SOFTMAX_PAGE, "logits_grid")));

  next_scene (window);
  g_assert_true (shown (page_control (window, ELAB_TYPE_SOFTMAX_PAGE, "logits_grid")));
  g_assert_false (shown (page_control (window, ELAB_TYPE_SOFTMAX_PAGE, "target_dropdown")));

  next_scene (window);
  g_assert_false (shown (page_control (window, ELAB_TYPE_ENTROPY_PAGE, "editor_a")));
  g_assert_true (shown (page_control (window, ELAB_TYPE_ENTROPY_PAGE, "editor_b")));
  g_assert_false (shown (page_control (window, ELAB_TYPE_ENTROPY_PAGE, "editor_c")));

  next_scene (window);
  g_assert_true (shown (page_control (window, ELAB_TYPE_TRAINING_PAGE, "lr_row")));
  g_assert_true (shown (page_control (window, ELAB_TYPE_TRAINING_PAGE, "play_button")));

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* Labels whose text (markup included) holds @needle. */
static guint
count_labels (GtkWidget  *widget,
              const char *needle)
{
  guint n = GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), needle) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, needle);
  return n;
}

static void
test_notation (void)
{
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  ElabDocument *document = elab_window_get_document (window);
  g_autoptr(GVariant) state = NULL;

  g_action_group_change_action_state (G_ACTION_GROUP (window), "notation", g_variant_new_string ("subscript"));
  g_assert_cmpint (elab_document_get_state (document)->notation, ==, ELAB_NOTATION_SUBSCRIPT);
  /* Pages are built on first show: one built after the switch follows too. */
  elab_window_set_page (window, ELAB_PAGE_CROSS_ENTROPY);
  /* The read-outs follow: the static names and the formula. */
  g_assert_cmpuint (count_labels (GTK_WIDGET (window), "H<sub>q</sub>(p)"), >=, 2);
  g_assert_cmpuint (count_labels (GTK_WIDGET (window), "KL(p‖q) = H<sub>q</sub>(p) − H(p)"), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (window), "H(p,q)"), ==, 0);

  /* A scenario bringing its own notation moves the menu's radio item. */
  {
    ElabState s = *elab_document_get_state (document);

    s.notation = ELAB_NOTATION_STANDARD;
    elab_document_set_state (document, &s);
  }
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "notation");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "standard");
  g_assert_cmpuint (count_labels (GTK_WIDGET (window), "H<sub>q</sub>(p)"), ==, 0);
  g_assert_cmpuint (count_labels (GTK_WIDGET (window), "KL(p‖q) = H(p,q) − H(p)"), ==, 1);

  /* The notation comes back at the next start, like the palette. */
  {
    ElabSettings *settings = elab_settings_new ();
    ElabState s, loaded;

    elab_state_init_default (&s);
    s.notation = ELAB_NOTATION_SUBSCRIPT;
    elab_settings_save_lesson (settings, &s, NULL);
    elab_state_init_default (&loaded);
    g_assert_null (elab_settings_load_lesson (settings, &loaded));
    g_assert_cmpint (loaded.notation, ==, ELAB_NOTATION_SUBSCRIPT);
    s.notation = ELAB_NOTATION_STANDARD;
    elab_settings_save_lesson (settings, &s, NULL);
    g_assert_null (elab_settings_load_lesson (settings, &loaded));
    g_assert_cmpint (loaded.notation, ==, ELAB_NOTATION_STANDARD);
    elab_settings_free (settings);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* The primary menu is built on first opening: it must still open, with
 * its items. */
static void
test_primary_menu (void)
{
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  GtkMenuButton *button;
  GMenuModel *model;

  gtk_window_present (GTK_WINDOW (window));
  spin ();
  button = GTK_MENU_BUTTON (find_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  spin ();
  model = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (model);
  g_assert_cmpint (g_menu_model_get_n_items (model), >=, 4);
  g_assert_nonnull (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  gtk_menu_button_popdown (button);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* Export and Copy take the figure on screen: with the Training page
 * showing only the landscape, that is the landscape. */
static void
test_visible_plot_view (void)
{
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  ElabTrainingPage *page;
  ElabPlotView *view;

  gtk_window_present (GTK_WINDOW (window));
  elab_window_set_page (window, ELAB_PAGE_TRAINING);
  spin ();
  page = ELAB_TRAINING_PAGE (find_type (GTK_WIDGET (window), ELAB_TYPE_TRAINING_PAGE));
  g_assert_nonnull (page);
  view = elab_window_get_visible_plot_view (window);
  g_assert_true (view == ELAB_PLOT_VIEW (template_child (page, ELAB_TYPE_TRAINING_PAGE, "training_view")));

  gtk_widget_set_visible (GTK_WIDGET (ELAB_PLOT_VIEW (template_child (page, ELAB_TYPE_TRAINING_PAGE, "training_view"))), FALSE);
  view = elab_window_get_visible_plot_view (window);
  g_assert_true (view == ELAB_PLOT_VIEW (template_child (page, ELAB_TYPE_TRAINING_PAGE, "landscape_view")));
  g_assert_cmpint (elab_plot_view_get_figure_kind (view), ==, ELAB_FIGURE_LANDSCAPE);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* Whether the shortcuts window (F1) lists @keyval with @mods: one of an
 * accelerator's space-separated keys, or within its "a...b" range. */
static gboolean
listed (GtkBuilder      *builder,
        guint            keyval,
        GdkModifierType  mods)
{
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  keyval = gdk_keyval_to_lower (keyval);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) keys = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, NULL);
      keys = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          g_auto(GStrv) ends = g_strsplit (keys[i], "...", 2);
          guint lo = 0, hi = 0;
          GdkModifierType m = 0, m_hi = 0;

          if (!gtk_accelerator_parse (ends[0], &lo, &m))
            continue;
          hi = lo;
          if (ends[1] != NULL && !gtk_accelerator_parse (ends[1], &hi, &m_hi))
            continue;
          if (m == mods && gdk_keyval_to_lower (lo) <= keyval && keyval <= gdk_keyval_to_lower (hi))
            return TRUE;
        }
    }
  return FALSE;
}

/* The keys @widget's shortcut controllers answer, as "<Control>l". */
static GPtrArray *
answered_keys (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GPtrArray *res = g_ptr_array_new_with_free_func ((GDestroyNotify) g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          GtkShortcut *shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (GTK_IS_KEYVAL_TRIGGER (gtk_shortcut_get_trigger (shortcut)))
            g_ptr_array_add (res, shortcut);
          else
            g_object_unref (shortcut);
        }
    }
  return res;
}

static gboolean
same_trigger (gconstpointer a,
              gconstpointer b)
{
  return gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger ((GtkShortcut *) a),
                                     gtk_shortcut_get_trigger ((GtkShortcut *) b));
}

/* Every key the window answers (its shortcuts and key bindings, beyond
 * what any GtkWindow has) is in the shortcuts window (F1), as are the
 * lesson panel's Undo and Redo and the scene player's keys. */
static void
test_shortcuts_listed (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/entropylab/EntropyLab/ui/elab-shortcuts.ui");
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  GtkWidget *plain = gtk_window_new ();
  g_autoptr(GPtrArray) ours = answered_keys (GTK_WIDGET (window));
  g_autoptr(GPtrArray) gtk_own = answered_keys (plain);
  guint n = 0;

  for (guint i = 0; i < ours->len; i++)
    {
      GtkKeyvalTrigger *trigger = GTK_KEYVAL_TRIGGER (gtk_shortcut_get_trigger (g_ptr_array_index (ours, i)));
      g_autofree char *name = gtk_shortcut_trigger_to_string (GTK_SHORTCUT_TRIGGER (trigger));

      if (g_ptr_array_find_with_equal_func (gtk_own, g_ptr_array_index (ours, i), same_trigger, NULL))
        continue;
      g_test_message ("the window answers %s", name);
      if (!listed (builder, gtk_keyval_trigger_get_keyval (trigger), gtk_keyval_trigger_get_modifiers (trigger)))
        g_error ("%s is not in the shortcuts window", name);
      n++;
    }
  g_assert_cmpuint (n, >=, 10);
  g_assert_true (listed (builder, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_true (listed (builder, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_true (listed (builder, GDK_KEY_h, 0));
  g_assert_true (listed (builder, GDK_KEY_Page_Down, 0));
  g_assert_true (listed (builder, GDK_KEY_Right, 0));

  gtk_window_destroy (GTK_WINDOW (plain));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv);

  g_test_add_func ("/elab/app/Presentation/toggle", test_toggle);
  g_test_add_func ("/elab/app/Presentation/keep-scene-controls", test_keep_scene_controls);
  g_test_add_func ("/elab/app/Presentation/exercise-controls", test_exercise_controls);
  g_test_add_func ("/elab/app/Presentation/notation", test_notation);
  g_test_add_func ("/elab/app/Window/primary-menu", test_primary_menu);
  g_test_add_func ("/elab/app/Window/visible-plot-view", test_visible_plot_view);
  g_test_add_func ("/elab/app/Window/shortcuts-listed", test_shortcuts_listed);

  return g_test_run ();
}
