/* test-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Export dialog writes the same pixels as `entropy-lab export` given
 * the same parameters: the window and the command line share one figure
 * code path, and this proves the dialog does not drift from it.
 */
#include "elab-config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "app-test-util.h"
#include "elab-export-dialog.h"
#include "elab-training-page.h"
#include "elab-window.h"

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static void
assert_same_pixels (const char *a,
                    const char *b)
{
  cairo_surface_t *sa = load_png (a);
  cairo_surface_t *sb = load_png (b);
  int height = cairo_image_surface_get_height (sa);
  int stride = cairo_image_surface_get_stride (sa);

  g_assert_cmpint (cairo_image_surface_get_width (sa), ==, cairo_image_surface_get_width (sb));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (sb));
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (sb));
  g_assert_cmpmem (cairo_image_surface_get_data (sa), stride * height,
                   cairo_image_surface_get_data (sb), stride * height);

  cairo_surface_destroy (sa);
  cairo_surface_destroy (sb);
}

static void
run_cli (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  int status = -1;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("ENTROPY_LAB_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_export_matches_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("elab-export-XXXXXX", NULL);
  g_autofree char *ours = g_build_filename (dir, "window.png", NULL);
  g_autofree char *theirs = g_build_filename (dir, "cli.png", NULL);
  ElabDocument *document = elab_document_new ();
  ElabExportDialog *dialog;
  ElabState *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_nonnull (g_getenv ("ENTROPY_LAB_CLI"));

  /* A state a teacher might have dragged to. */
  state = elab_document_edit (document);
  state->p.theta = 0.5;
  state->q.theta = 3;
  state->q.bias = -1.25;
  elab_document_changed (document, ELAB_CHANGE_PAIR);

  dialog = elab_export_dialog_new (NULL, document, ELAB_FIGURE_CROSS_ENTROPY, NULL, 800, 600);
  name = elab_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (name, ==, "cross-entropy.png");

  /* Defaults: PNG, 1920 × 1080, scale 1, light theme. */
  g_assert_true (elab_export_dialog_export_to (dialog, ours, &error));
  g_assert_no_error (error);

  run_cli ((const char *[]) { "export", "--figure", "cross-entropy", "--out", theirs,
                              "--theta-p", "0.5", "--theta-q", "3", "--bias-q", "-1.25", NULL });
  assert_same_pixels (ours, theirs);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (document);

  g_unlink (ours);
  g_unlink (theirs);
  g_rmdir (dir);
}

/* The dialog holds the Training page's run, not its trainer: new data
 * that land while it is open replace the trainer under it, and the page
 * may go; it exports the run as it is then. */
static void
test_export_holds_run (void)
{
  g_autofree char *dir = g_dir_make_tmp ("elab-export-run-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "training.png", NULL);
  ElabDocument *document = elab_document_new ();
  ElabTrainingPage *page = g_object_ref_sink (ELAB_TRAINING_PAGE (elab_training_page_new (document)));
  ElabTrainingRun *run = elab_training_page_get_run (page);
  guint n_builtins = 0;
  const ElabDatasetInfo *builtins = elab_dataset_get_builtins (&n_builtins);
  const ElabTrainer *before = elab_training_run_get_trainer (run);
  ElabExportDialog *dialog;
  g_autoptr(GError) error = NULL;
  ElabState *state;

  g_assert_nonnull (before);
  g_assert_cmpuint (n_builtins, >, 1);
  dialog = elab_export_dialog_new (NULL, document, ELAB_FIGURE_TRAINING, run, 640, 480);
  choose_custom_size (GTK_WIDGET (dialog), 320, 240);

  state = elab_document_edit (document);
  g_strlcpy (state->dataset, builtins[1].name, sizeof state->dataset);
  elab_document_changed (document, ELAB_CHANGE_TRAINING);
  g_assert_cmpstr (elab_trainer_get_dataset (elab_training_run_get_trainer (run))->name, ==,
                   builtins[1].name);

  g_assert_finalize_object (page);
  g_assert_true (elab_export_dialog_export_to (dialog, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (document);
  g_unlink (path);
  g_rmdir (dir);
}

/* On the Training page the dialog offers its three figures: the fit, the
 * landscape, and both side by side; the one chosen is the one written
 * (the same pixels as the plot layer's export of that figure), and the
 * other pages' dialogs offer no choice. */
static void
test_export_training_figures (void)
{
  g_autofree char *dir = g_dir_make_tmp ("elab-export-figures-XXXXXX", NULL);
  g_autofree char *ours = g_build_filename (dir, "dialog.png", NULL);
  g_autofree char *direct = g_build_filename (dir, "direct.png", NULL);
  ElabDocument *document = elab_document_new ();
  ElabTrainingPage *page = g_object_ref_sink (ELAB_TRAINING_PAGE (elab_training_page_new (document)));
  ElabTrainingRun *run = elab_training_page_get_run (page);
  static const struct {
    ElabFigureKind kind;
    const char *name;
  } figures[] = {
    { ELAB_FIGURE_TRAINING, "training.png" },
    { ELAB_FIGURE_LANDSCAPE, "landscape.png" },
    { ELAB_FIGURE_TRAINING_BOTH, "training-both.png" },
  };
  ElabExportDialog *dialog;
  AdwComboRow *figure_row;
  g_autofree char *first = NULL;
  g_autofree char *softmax = NULL;

  dialog = elab_export_dialog_new (NULL, document, ELAB_FIGURE_TRAINING_BOTH, run, 900, 500);
  figure_row = ADW_COMBO_ROW (template_child (dialog, ELAB_TYPE_EXPORT_DIALOG, "figure_row"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (figure_row)));
  first = elab_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (first, ==, "training-both.png");
  choose_custom_size (GTK_WIDGET (dialog), 640, 360);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autoptr(ElabFigure) figure = elab_figure_new (figures[i].kind);
      g_autofree char *name = NULL;
      ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
      ElabState state = *elab_document_get_state (document);
      g_autoptr(GError) error = NULL;

      /* The figure row lists them in this order. */
      adw_combo_row_set_selected (figure_row, i);
      name = elab_export_dialog_suggest_name (dialog);
      g_assert_cmpstr (name, ==, figures[i].name);

      g_assert_true (elab_export_dialog_export_to (dialog, ours, &error));
      g_assert_no_error (error);
      /* The dialog's defaults: light theme, default palette, scale 1. */
      state.theme = style.theme;
      state.palette = style.palette;
      g_assert_true (elab_export_figure (figure, &(ElabExportRequest) { &state, &style, 640, 360, 1.0 },
                                         elab_training_run_get_trainer (run), ELAB_EXPORT_PNG, direct, &error));
      g_assert_no_error (error);
      assert_same_pixels (ours, direct);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Another page's figure: no choice to make. */
  dialog = elab_export_dialog_new (NULL, document, ELAB_FIGURE_SOFTMAX, NULL, 800, 600);
  figure_row = ADW_COMBO_ROW (template_child (dialog, ELAB_TYPE_EXPORT_DIALOG, "figure_row"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (figure_row)));
  adw_combo_row_set_selected (figure_row, 1);
  softmax = elab_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (softmax, ==, "softmax.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_finalize_object (page);
  g_assert_finalize_object (document);
  g_unlink (ours);
  g_unlink (direct);
  g_rmdir (dir);
}

/* A dialog closed while its file chooser is open closes the chooser, and
 * nothing the chooser was asked for keeps the dialog or its document. */
static void
test_export_closed_while_choosing (void)
{
  ElabDocument *document = elab_document_new ();
  ElabExportDialog *dialog = elab_export_dialog_new (NULL, document, ELAB_FIGURE_ENTROPY, NULL, 800, 600);
  GtkWidget *export_button;

  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_object_unref (document);
  gtk_window_present (GTK_WINDOW (dialog));
  export_button = gtk_widget_get_ancestor (find_label (GTK_WIDGET (dialog), "_Export…"), GTK_TYPE_BUTTON);
  g_signal_emit_by_name (export_button, "clicked");
  wait_until (have_file_chooser, NULL);
  g_test_message ("the chooser is up; closing the dialog");

  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (no_file_chooser, NULL);
  spin ();
  g_assert_null (dialog);
  g_assert_null (document);
}

static gboolean
have_export_dialog (gpointer data)
{
  GtkWidget *dialog = find_toplevel (ELAB_TYPE_EXPORT_DIALOG, NULL);

  return dialog != NULL && gtk_widget_get_mapped (dialog);
}

/* Ctrl+E, then Enter: the dialog exports (the file chooser comes), as
 * GNOME's dialogs do. Enter goes to the focused widget, which must be the
 * dialog's default, Export, not Cancel, where the focus started. */
static void
test_export_enter (void)
{
  ElabWindow *window;
  GtkWidget *dialog, *focus;

  forget_last_state ();
  window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  wait_until (have_export_dialog, NULL);
  dialog = find_toplevel (ELAB_TYPE_EXPORT_DIALOG, NULL);

  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == gtk_window_get_default_widget (GTK_WINDOW (dialog)));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_nonnull (find_label (focus, "_Export…"));

  /* What Enter does to a focused button. */
  gtk_widget_activate (focus);
  wait_until (have_file_chooser, NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (no_file_chooser, NULL);

  /* And in a number: the scale typed, then Enter, exports at it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  wait_until (have_export_dialog, NULL);
  dialog = find_toplevel (ELAB_TYPE_EXPORT_DIALOG, NULL);
  {
    GObject *scale = template_child (dialog, ELAB_TYPE_EXPORT_DIALOG, "scale_spin");
    GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (scale));

    gtk_widget_grab_focus (GTK_WIDGET (text));
    gtk_editable_set_text (text, "2");
    g_signal_emit_by_name (text, "activate");
    g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (scale)), ==, 2);
  }
  wait_until (have_file_chooser, NULL);

  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (no_file_chooser, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv);

  g_test_add_func ("/elab/app/ExportDialog/matches-cli", test_export_matches_cli);
  g_test_add_func ("/elab/app/ExportDialog/holds-run", test_export_holds_run);
  g_test_add_func ("/elab/app/ExportDialog/training-figures", test_export_training_figures);
  g_test_add_func ("/elab/app/ExportDialog/closed-while-choosing", test_export_closed_while_choosing);
  g_test_add_func ("/elab/app/ExportDialog/enter-exports", test_export_enter);

  return g_test_run ();
}
