/* test-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The animation dialogs through the real window: Record… on the Training
 * page saves the run through the file chooser and the file has the frames
 * asked for; the toast's Cancel stops a long recording and leaves no file;
 * Export Sweep… writes one GIF when its format says so. Every wait is for
 * what the window shows (a dialog, a toast's text), with a long safety net.
 */
#include "elab-config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "app-test-util.h"
#include "elab-page.h"
#include "elab-training-page.h"
#include "elab-window.h"

static gboolean
written_or_error (gpointer data)
{
  const char *what[] = { data, "Wrote " };

  return have_label (what) || have_message_dialog (NULL);
}

/* Waits for the window to say "Wrote …" (or fails on an error dialog). */
static void
wait_written (GtkWidget *window)
{
  GtkWidget *error;

  wait_until (written_or_error, window);
  error = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  if (error != NULL)
    g_error ("the export failed: %s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error)));
}

/* The save chooser (GTK 4.8's fallback of the native one) answers Export
 * on @path, once it shows @path's folder: it takes a folder
 * asynchronously, and answered before it has, it saves into the folder
 * it showed before (the one last used, maybe gone since) or refuses.
 * @path's folder is asked for once the chooser shows the one it starts
 * in, which a folder asked for sooner loses to. */
static void
choose_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Selection selection = { NULL, file };

  selection.chooser = wait_for_chooser_folder ();
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (selection.chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (selection.chooser), base);
  wait_until (has_selection, &selection);
  gtk_dialog_response (GTK_DIALOG (selection.chooser), GTK_RESPONSE_ACCEPT);
}

/* ffprobe's count of the video frames in @path; -1 without ffprobe. */
static int
count_frames (const char *path)
{
  g_autofree char *ffprobe = g_find_program_in_path ("ffprobe");
  g_autofree char *out = NULL;
  const char *argv[] = { NULL, "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                         "stream=nb_read_frames", "-of", "csv=p=0", path, NULL };
  int status = 0;

  if (ffprobe == NULL)
    return -1;
  argv[0] = ffprobe;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               &status, NULL));
  return atoi (out);
}

static ElabWindow *
training_window (GtkWidget **res_page)
{
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);

  elab_window_set_page (window, ELAB_PAGE_TRAINING);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  *res_page = find_type (GTK_WIDGET (window), ELAB_TYPE_TRAINING_PAGE);
  g_assert_nonnull (*res_page);
  return window;
}

/* Record…, as a user does it: the button, the dialog, the chooser. */
static GtkWidget *
fill_record_dialog (GtkWidget  *page,
                    int         steps,
                    int         every,
                    guint       format)
{
  GtkWidget *dialog;
  GtkWidget *button = find_label (page, "_Record…");

  g_assert_nonnull (button);
  g_signal_emit_by_name (gtk_widget_get_ancestor (button, GTK_TYPE_BUTTON), "clicked");
  wait_until (have_message_dialog, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (control_of (dialog, "F_igure")), 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control_of (dialog, "_Steps")), steps);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control_of (dialog, "A frame _every (steps)")), every);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (control_of (dialog, "F_ormat")), format);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control_of (dialog, "_Width (px)")), 160);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control_of (dialog, "_Height (px)")), 90);
  return dialog;
}

/* 12 steps, a frame every 3: steps 0, 3, 6, 9 and 12. */
static void
test_record_run (void)
{
  g_autofree char *dir = g_dir_make_tmp ("elab-record-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "run.gif", NULL);
  GtkWidget *page, *dialog;
  ElabWindow *window = training_window (&page);
  int frames;

  dialog = fill_record_dialog (page, 12, 3, 0 /* GIF */);
  click_response (dialog, "_Choose File…");
  choose_file (path);
  wait_written (GTK_WIDGET (window));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  frames = count_frames (path);
  g_test_message ("%s: %d frames", path, frames);
  g_assert_true (frames == 5 || frames == -1);
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* The window closed while Record…'s file chooser is open: the chooser
 * closes with it, and what it was asked for keeps neither the window nor
 * its document. */
static void
test_record_closed_while_choosing (void)
{
  GtkWidget *page, *dialog;
  ElabWindow *window = training_window (&page);
  ElabDocument *document = elab_page_get_document (ELAB_PAGE (page));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);
  dialog = fill_record_dialog (page, 12, 3, 0 /* GIF */);
  click_response (dialog, "_Choose File…");
  wait_until (have_file_chooser, NULL);
  g_test_message ("the chooser is up; closing the window");

  gtk_window_destroy (GTK_WINDOW (window));
  wait_until (no_file_chooser, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (window);
  g_assert_null (document);
}

/* A run far too long to finish: the toast's Cancel stops it and no file
 * (not even a temporary) stays. */
static void
test_record_cancel (void)
{
  g_autofree char *dir = g_dir_make_tmp ("elab-record-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.mp4", NULL);
  const char *exporting[2];
  const char *cancelled[2];
  GtkWidget *page, *dialog, *cancel;
  ElabWindow *window = training_window (&page);

  exporting[0] = cancelled[0] = (const char *) window;
  exporting[1] = "Exporting the animation… frame";
  cancelled[1] = "Export cancelled";

  /* Raw x at a small rate never converges in 10⁶ steps. */
  g_assert_true (elab_document_set_number (elab_page_get_document (ELAB_PAGE (page)),
                                           "learning-rate", -1, 1e-4, NULL));
  dialog = fill_record_dialog (page, 1000000, 1, 2 /* MP4 */);
  click_response (dialog, "_Choose File…");
  choose_file (path);
  /* Frames are being written: the toast counts them. */
  wait_until (have_label, exporting);
  cancel = gtk_widget_get_ancestor (find_label (GTK_WIDGET (window), "_Cancel"), GTK_TYPE_BUTTON);
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");
  wait_until (have_label, cancelled);
  wait_until (no_label, exporting);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_cmpuint (count_files (dir), ==, 0);

  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* Enter typed in one of Record…'s numbers records, as the dialog's
 * default says, with the number typed: the file chooser comes. */
static void
test_record_enter (void)
{
  GtkWidget *page, *dialog, *steps;
  GtkEditable *text;
  ElabWindow *window = training_window (&page);

  dialog = fill_record_dialog (page, 12, 3, 0 /* GIF */);
  steps = control_of (dialog, "_Steps");
  text = gtk_editable_get_delegate (GTK_EDITABLE (steps));
  /* Typed into, as a person clicks into the number and types. */
  gtk_widget_grab_focus (GTK_WIDGET (text));
  gtk_editable_set_text (text, "30");
  /* What Enter does in the number's text. */
  g_signal_emit_by_name (text, "activate");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (steps)), ==, 30);
  wait_until (have_file_chooser, NULL);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_until (no_file_chooser, NULL);
  spin ();
}

/* Export Sweep… with the GIF format: one file of the frames asked for. */
static void
test_sweep_gif (void)
{
  g_autofree char *dir = g_dir_make_tmp ("elab-sweep-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sweep.gif", NULL);
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  GtkWidget *dialog;
  int frames;

  elab_window_set_page (window, ELAB_PAGE_CROSS_ENTROPY);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  g_action_group_activate_action (G_ACTION_GROUP (window), "export-sweep", NULL);
  wait_until (have_message_dialog, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control_of (dialog, "F_rames")), 6);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control_of (dialog, "_Width (px)")), 160);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control_of (dialog, "_Height (px)")), 90);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (control_of (dialog, "F_ormat")), 1 /* GIF */);
  /* An animation is one file: the dialog asks for a file, not a folder. */
  click_response (dialog, "_Choose File…");
  choose_file (path);
  wait_written (GTK_WIDGET (window));
  frames = count_frames (path);
  g_test_message ("%s: %d frames", path, frames);
  g_assert_true (frames == 6 || frames == -1);
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv);

  g_test_add_func ("/elab/app/Record/run", test_record_run);
  g_test_add_func ("/elab/app/Record/cancel", test_record_cancel);
  g_test_add_func ("/elab/app/Record/closed-while-choosing", test_record_closed_while_choosing);
  g_test_add_func ("/elab/app/Record/sweep-gif", test_sweep_gif);
  g_test_add_func ("/elab/app/Record/enter", test_record_enter);

  return g_test_run ();
}
