/* test-lecture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a lecturer does in the window, through its real dialogs and keys:
 * export a sweep from the dialog, drive training from the keyboard, fit a
 * 1024×768 screen, present.
 */
#include "elab-config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "app-test-util.h"
#include "elab-application.h"
#include "elab-export-dialog.h"
#include "elab-training-page.h"
#include "elab-scene-player.h"
#include "elab-window-scenes.h"
#include "elab-window.h"

typedef struct
{
  GtkWidget  *window;
  GtkWidget  *not;       /* the sweep dialog itself */
} SweepWait;

/* The window says the frames are written, or an error dialog came up. */
static gboolean
sweep_done (gpointer data)
{
  SweepWait *wait = data;

  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, wait->not) != NULL ||
         find_label_full (wait->window, "Wrote ", TRUE) != NULL;
}

static gboolean
toast_gone (gpointer data)
{
  return find_label_full (data, "Exporting the frames…", TRUE) == NULL;
}

/* Opens Export Sweep… on @window's Entropy page, sets the frames, their
 * size and the parameter's ends, and answers "Choose Folder…". */
static void
fill_sweep_dialog (ElabWindow *window,
                   guint       param,
                   double      from,
                   double      to,
                   int         frames)
{
  GtkWidget *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (window), "export-sweep", NULL);
  wait_until (have_message_dialog, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (control_of (dialog, "_Parameter")), param);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control_of (dialog, "_From")), from);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control_of (dialog, "_To")), to);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control_of (dialog, "F_rames")), frames);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control_of (dialog, "_Width (px)")), 64);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control_of (dialog, "_Height (px)")), 48);
  click_response (dialog, "_Choose Folder…");
}

/* The folder chooser answers Export on @folder, which is removed first
 * if @remove. */
static void
choose_folder (const char *folder,
               gboolean    remove)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  GtkWidget *chooser;
  Selection selection;

  wait_until (have_file_chooser, NULL);
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  selection.chooser = chooser;
  selection.file = file;
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  /* The chooser selects it once it has read the folder around it. */
  wait_until (has_selection, &selection);
  if (remove)
    g_assert_cmpint (g_rmdir (folder), ==, 0);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

static void
close_dialog (GtkWidget *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

/* Export Sweep… writes the frames the dialog asked for (the spin buttons
 * were read after the dialog had gone: 0 frames, always an error); an
 * error names no command-line flag, and "Exporting…" goes when it shows. */
static void
test_sweep_dialog (void)
{
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  g_autofree char *dir = g_dir_make_tmp ("elab-sweep-XXXXXX", NULL);
  g_autofree char *gone = g_build_filename (dir, "gone", NULL);
  SweepWait wait = { GTK_WIDGET (window), NULL };
  GtkWidget *error;
  const char *body;

  elab_window_set_page (window, ELAB_PAGE_ENTROPY);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  /* θ of model A over 4 frames. */
  fill_sweep_dialog (window, 0, 0.5, 3.0, 4);
  choose_folder (dir, FALSE);
    wait_until (sweep_done, &wait);
  error = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  if (error != NULL)
    g_error ("the sweep failed: %s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error)));
  g_assert_cmpuint (count_files (dir), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("frame-%04u.png", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GdkTexture) frame = gdk_texture_new_from_filename (path, NULL);

      g_assert_nonnull (frame);
      g_assert_cmpint (gdk_texture_get_width (frame), ==, 64);
      g_assert_cmpint (gdk_texture_get_height (frame), ==, 48);
      g_unlink (path);
    }
  wait_until (toast_gone, window);

  /* A folder that went away meanwhile: one error, in words, and no
   * "Exporting…" behind it. */
  g_assert_cmpint (g_mkdir (gone, 0700), ==, 0);
  fill_sweep_dialog (window, 0, 0.5, 3.0, 3);
  /* The chooser starts where the last sweep went. */
  {
    GtkWidget *chooser = wait_for_chooser_folder ();
    g_autoptr(GFile) start = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));

    g_assert_nonnull (start);
    g_assert_cmpstr (g_file_peek_path (start), ==, dir);
  }
  choose_folder (gone, TRUE);
  wait_until (have_message_dialog, NULL);
  error = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (error);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error));
  g_assert_null (strstr (body, "--"));
  wait_until (toast_gone, window);
  close_dialog (error);

  /* Ends the figure cannot take: said before a folder is asked for, and
   * without a flag either (x from 8 to 9 is past x-max = 6). */
  fill_sweep_dialog (window, 6, 8.0, 9.0, 3);
    wait_until (have_message_dialog, NULL);
  error = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error));
  g_test_message ("error: %s", body);
  g_assert_null (strstr (body, "--"));
  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
  close_dialog (error);

  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* Every page fits a 1024×768 screen: the window's minimum size on each
 * page (the Cross-entropy and Training pages asked for 1156 px), and the
 * Training page's step and loss show without scrolling at the default
 * 1280×800. */
static void
test_fits_small_screen (void)
{
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  GtkWidget *step, *panel;
  graphene_rect_t bounds;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  for (ElabPageKind page = 0; page <= ELAB_PAGE_SOFTMAX; page++)
    {
      int min_width, min_height;

      elab_window_set_page (window, page);
      spin ();
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, 1024, &min_height, NULL, NULL, NULL);
      g_test_message ("page %d: at least %d×%d", page, min_width, min_height);
      g_assert_cmpint (min_width, <=, 1024);
      g_assert_cmpint (min_height, <=, 768);
    }

  /* The run's read-outs: above the fold of the side panel. */
  elab_window_set_page (window, ELAB_PAGE_TRAINING);
  while (gtk_widget_get_width (GTK_WIDGET (elab_window_get_visible_plot_view (window))) == 0)
    g_main_context_iteration (NULL, TRUE);
  spin ();
  step = find_label (GTK_WIDGET (window), "Gradient norm |∇L|");
  g_assert_nonnull (step);
  panel = gtk_widget_get_ancestor (step, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_true (gtk_widget_compute_bounds (step, panel, &bounds));
  g_test_message ("the gradient norm's bottom at %g px of a %d px panel",
                  bounds.origin.y + bounds.size.height, gtk_widget_get_height (panel));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (panel));

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* Presentation mode gives the screen to the figure: on every scene of the
 * shipped lesson the figure takes at least 80 % of a 1280×720 screen (the
 * floating controls over it), stays where it is from scene to scene, and
 * its title and subtitle are whole at 1920×1080, 1280×720 and 1024×768
 * (the subtitle "… = KL(p‖q) ≥ 0" was cut on scenes 4 and 5). */
static void
test_presentation_figure (void)
{
  static const int sizes[][2] = { { 1920, 1080 }, { 1280, 720 }, { 1024, 768 } };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "scenarios",
                                                 "lesson-cross-entropy.elab", NULL);
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  ElabScenePlayer *player = elab_window_get_scene_player (window);
  GtkWidget *label = GTK_WIDGET (template_child (window, ELAB_TYPE_WINDOW, "scene_label"));
  graphene_rect_t first = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  guint n;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (elab_window_open_scenario_file (window, path));
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  n = elab_scene_player_get_n_scenes (player);
  g_assert_cmpuint (n, >=, 5);

  for (guint scene = 1; scene <= n; scene++)
    {
      ElabPlotView *view;
      graphene_rect_t bounds;
      ElabFigureStyle style;
      double share;
      guint frames;

      elab_scene_player_go_to (player, scene, FALSE);
      elab_scene_player_finish (player);
      view = elab_window_get_visible_plot_view (window);
      /* Laid out and drawn at its presentation size. */
      frames = frames_of (view);
      gtk_widget_queue_draw (GTK_WIDGET (view));
      wait_for_frame (view, frames);
      spin ();

      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view), GTK_WIDGET (window), &bounds));
      share = bounds.size.width * bounds.size.height / (1280.0 * 720.0);
      g_test_message ("scene %u: the figure is %g×%g at (%g, %g), %.1f %% of 1280×720", scene,
                      bounds.size.width, bounds.size.height, bounds.origin.x, bounds.origin.y, 100 * share);
      g_assert_cmpfloat (share, >=, 0.80);
      if (scene == 1)
        first = bounds;
      else
        g_assert_true (graphene_rect_equal (&first, &bounds));
      /* The indicator is small: a line of small type. */
      g_assert_cmpint (gtk_widget_get_height (label), <=, 24);

      elab_plot_view_get_style (view, &style);
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          g_autoptr(ElabFigure) figure = elab_figure_new (elab_plot_view_get_figure_kind (view));
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[i][0], sizes[i][1]);
          cairo_t *cr = cairo_create (surface);

          elab_figure_draw (figure, cr, sizes[i][0], sizes[i][1],
                            elab_document_get_state (elab_window_get_document (window)),
                            elab_plot_view_get_trainer (view), &style);
          if (elab_figure_get_heading_cut (figure))
            g_error ("scene %u at %d×%d: the title or subtitle is cut", scene, sizes[i][0], sizes[i][1]);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
    }

  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static gboolean
no_cross_hair (gpointer data)
{
  return isnan (elab_plot_view_get_hover_x (data));
}

/* In presentation mode the hover cross-hair goes when the pointer rests on
 * the figure, and comes back when it moves. */
static void
test_cross_hair_rests (void)
{
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  ElabPlotView *view;
  double x, y;
  guint frames;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  elab_window_set_page (window, ELAB_PAGE_CROSS_ENTROPY);
  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  view = elab_window_get_visible_plot_view (window);
  frames = frames_of (view);
  gtk_widget_queue_draw (GTK_WIDGET (view));
  wait_for_frame (view, frames);

  /* A third of the way across, halfway down: inside the plot. */
  x = gtk_widget_get_width (GTK_WIDGET (view)) / 3.0;
  y = gtk_widget_get_height (GTK_WIDGET (view)) / 2.0;
  emit_motion (GTK_WIDGET (view), "motion", x, y);
  g_assert_false (isnan (elab_plot_view_get_hover_x (view)));
  wait_until (no_cross_hair, view);
  g_assert_true (isnan (elab_plot_view_get_hover_x (view)));
  /* A pointer that moves brings it back. (GTK's own repeats of a still
   * pointer's position do not; the X server's real pointer, which a test
   * cannot hold still, makes that unfit for a test.) */
  emit_motion (GTK_WIDGET (view), "motion", x + 5, y);
  g_assert_false (isnan (elab_plot_view_get_hover_x (view)));

  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* The Entropy page's cards read the models at the x the figure marks: the
 * hovered x, else x = 1 inside the range; not the last hovered x once the
 * pointer has left or the range has moved. */
static void
test_entropy_cards_follow_figure (void)
{
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  ElabDocument *document = elab_window_get_document (window);
  ElabPlotView *view;
  GtkWidget *card;
  g_autofree char *hovered = NULL;
  guint frames;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  elab_window_set_page (window, ELAB_PAGE_ENTROPY);
  gtk_window_present (GTK_WINDOW (window));
  view = elab_window_get_visible_plot_view (window);
  frames = frames_of (view);
  gtk_widget_queue_draw (GTK_WIDGET (view));
  wait_for_frame (view, frames);

  card = find_label_full (GTK_WIDGET (window), "at x = ", TRUE);
  g_assert_nonnull (card);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (card)), "at x = 1:"));

  emit_motion (GTK_WIDGET (view), "motion",
               gtk_widget_get_width (GTK_WIDGET (view)) / 5.0, gtk_widget_get_height (GTK_WIDGET (view)) / 4.0);
  g_assert_false (isnan (elab_plot_view_get_hover_x (view)));
  hovered = g_strdup (gtk_label_get_label (GTK_LABEL (card)));
  g_test_message ("hovered: %s", hovered);
  g_assert_false (g_str_has_prefix (hovered, "at x = 1:"));

  emit_motion (GTK_WIDGET (view), "leave", 0, 0);
  g_test_message ("left: %s", gtk_label_get_label (GTK_LABEL (card)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (card)), "at x = 1:"));

  /* x from 2 to 6: the figure marks x = 2. */
  elab_document_edit (document)->x_min = 2.0;
  elab_document_changed (document, ELAB_CHANGE_RANGE);
  g_test_message ("range [2, 6]: %s", gtk_label_get_label (GTK_LABEL (card)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (card)), "at x = 2:"));

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* One registered application for the tests that need one: a process
 * exports its application's object path once. Not unique: another test
 * process may hold the application's name. */
static ElabApplication *
get_app (void)
{
  static ElabApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = elab_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
    }
  return app;
}

static guint
count_shortcuts_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      n += GTK_IS_SHORTCUTS_WINDOW (window);
    }
  return n;
}

/* F1 twice: one Shortcuts window, raised again, not two. */
static void
test_one_shortcuts_window (void)
{
  ElabApplication *app = get_app ();
  ElabWindow *window;

  window = elab_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  spin ();
  g_assert_cmpuint (count_shortcuts_windows (), ==, 1);

  /* Closed, it opens again. */
  for (guint i = 0; i < 2; i++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint k = 0; k < g_list_model_get_n_items (toplevels); k++)
        {
          g_autoptr(GObject) w = g_list_model_get_item (toplevels, k);

          if (GTK_IS_SHORTCUTS_WINDOW (w))
            {
              gtk_window_destroy (GTK_WINDOW (w));
              break;
            }
        }
      spin ();
      g_assert_cmpuint (count_shortcuts_windows (), ==, 0);
      if (i == 0)
        {
          g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
          spin ();
          g_assert_cmpuint (count_shortcuts_windows (), ==, 1);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* "." blanks the screen while presenting (and only then), and brings it
 * back; leaving presentation mode never leaves it black. The key goes
 * through the window's own shortcut, as a clicker's would. */
static void
test_blank_screen (void)
{
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  GtkWidget *blank = GTK_WIDGET (template_child (window, ELAB_TYPE_WINDOW, "blank_screen"));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkShortcut *period = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && period == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)) && period == NULL; k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_period)
            period = shortcut;
        }
    }
  g_assert_nonnull (period);

  gtk_window_present (GTK_WINDOW (window));
  /* Not presenting: "." is not ours. */
  g_assert_false (gtk_shortcut_action_activate (gtk_shortcut_get_action (period), 0, GTK_WIDGET (window), NULL));
  g_assert_false (gtk_widget_get_visible (blank));

  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (period), 0, GTK_WIDGET (window), NULL));
  g_assert_true (gtk_widget_get_visible (blank));
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (period), 0, GTK_WIDGET (window), NULL));
  g_assert_false (gtk_widget_get_visible (blank));
  gtk_shortcut_action_activate (gtk_shortcut_get_action (period), 0, GTK_WIDGET (window), NULL);
  g_assert_true (gtk_widget_get_visible (blank));
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  g_assert_false (gtk_widget_get_visible (blank));

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* The About dialog's icon (and the window's) is found when run from the
 * build tree, where no icon is installed: it is in the resources. */
static void
test_app_icon (void)
{
  get_app ();
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                          "io.github.entropylab.EntropyLab"));
}

/* The export dialog takes a size of one's own (a projector's 1400×1050),
 * its row shown only while "Custom size" is chosen. */
static void
test_export_custom_size (void)
{
  g_autofree char *dir = g_dir_make_tmp ("elab-export-custom-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "figure.png", NULL);
  ElabDocument *document = elab_document_new ();
  ElabExportDialog *dialog = elab_export_dialog_new (NULL, document, ELAB_FIGURE_ENTROPY, NULL, 800, 600);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *row = find_label (GTK_WIDGET (dialog), "Width × _height (px)");

  g_assert_nonnull (row);
  row = gtk_widget_get_ancestor (row, ADW_TYPE_ACTION_ROW);
  g_assert_false (gtk_widget_get_visible (row));
  choose_custom_size (GTK_WIDGET (dialog), 1400, 1050);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (elab_export_dialog_export_to (dialog, path, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1400);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1050);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (document);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv);

  g_test_add_func ("/elab/app/Lecture/sweep-dialog", test_sweep_dialog);
  g_test_add_func ("/elab/app/Lecture/fits-small-screen", test_fits_small_screen);
  g_test_add_func ("/elab/app/Lecture/presentation-figure", test_presentation_figure);
  g_test_add_func ("/elab/app/Lecture/cross-hair-rests", test_cross_hair_rests);
  g_test_add_func ("/elab/app/Lecture/entropy-cards-follow-figure", test_entropy_cards_follow_figure);
  g_test_add_func ("/elab/app/Lecture/one-shortcuts-window", test_one_shortcuts_window);
  g_test_add_func ("/elab/app/Lecture/blank-screen", test_blank_screen);
  g_test_add_func ("/elab/app/Lecture/app-icon", test_app_icon);
  g_test_add_func ("/elab/app/Lecture/export-custom-size", test_export_custom_size);

  return g_test_run ();
}
