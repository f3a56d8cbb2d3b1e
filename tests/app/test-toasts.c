/* test-toasts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export's toast when the toast before it is still going away.
 *
 * libadwaita 1.2's toast overlay shows a toast that replaces a hiding one
 * in 500 ms and hides one in 300 ms; a toast dismissed less than 200 ms
 * after it began to show is freed by its hide animation while its show
 * animation still runs, and the show animation's end then writes to the
 * freed toast (a use after free, fixed upstream in 1.3). An export that
 * ends at once did exactly that to its "Exporting…" toast. meson runs
 * this test with glibc's malloc filling freed memory and keeping no
 * per-thread cache, so that such a write crashes at once instead of now
 * and then. The folder's name has an '&', which a toast's title (markup)
 * must escape.
 */
#include "elab-config.h"

#include <adwaita.h>

#include "app-test-util.h"
#include "elab-animation-dialog.h"
#include "elab-window.h"

#define ROUNDS 8

/* An export that takes no time: one frame written, or an error. */
static gboolean
quick_job (gpointer                   job,
           const ElabAnimationOutput *out,
           guint                     *frames,
           GError                   **error)
{
  if (GPOINTER_TO_INT (job) == 2)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on the device");
      return FALSE;
    }
  *frames = 1;
  return TRUE;
}

/* The overlay's toast widgets (showing or hiding), as GTK draws them. */
static guint
count_toast_widgets (GtkWidget *widget)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, g_type_from_name ("AdwToastWidget")) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_toast_widgets (child);
  return n;
}

static gboolean
no_toasts (gpointer data)
{
  return count_toast_widgets (data) == 0;
}

typedef struct
{
  const char **what;
  gint64       frame;   /* the frame @y was seen in, or -1 */
  float        y;
} Settle;

/* The toast titled @what[1] stood still from one frame to the next: it
 * has finished sliding in (while it shows, every frame moves it). */
static gboolean
toast_still (gpointer data)
{
  Settle *settle = data;
  GtkWidget *label = find_label_full (GTK_WIDGET (settle->what[0]), settle->what[1], TRUE);
  GtkWidget *toast, *overlay;
  graphene_rect_t bounds;
  gint64 frame;

  if (label == NULL)
    return FALSE;
  toast = gtk_widget_get_ancestor (label, g_type_from_name ("AdwToastWidget"));
  overlay = gtk_widget_get_ancestor (toast, ADW_TYPE_TOAST_OVERLAY);
  g_assert_true (gtk_widget_compute_bounds (toast, overlay, &bounds));
  frame = gdk_frame_clock_get_frame_counter (gtk_widget_get_frame_clock (toast));
  if (frame == settle->frame)
    return FALSE;
  if (settle->frame >= 0 && bounds.origin.y == settle->y)
    return TRUE;
  settle->frame = frame;
  settle->y = bounds.origin.y;
  return FALSE;
}

static gboolean
keep_drawing (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  return G_SOURCE_CONTINUE;
}

/* Waits until the toast titled @what[1] in @what[0] has finished showing,
 * frames being drawn meanwhile (with nothing moving, none would be). */
static void
wait_toast_shown (const char **what)
{
  Settle settle = { what, -1, 0 };
  guint tick = gtk_widget_add_tick_callback (GTK_WIDGET (what[0]), keep_drawing, NULL, NULL);

  wait_until (toast_still, &settle);
  gtk_widget_remove_tick_callback (GTK_WIDGET (what[0]), tick);
}

/* The close button of the toast titled @data[1]. */
static GtkWidget *
close_button (const char **what)
{
  GtkWidget *label = find_label_full (GTK_WIDGET (what[0]), what[1], TRUE);
  GtkWidget *toast = gtk_widget_get_ancestor (label, g_type_from_name ("AdwToastWidget"));

  for (GtkWidget *child = gtk_widget_get_first_child (toast);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) &&
        g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "window-close-symbolic") == 0)
      return child;
  g_assert_not_reached ();
}

/* The pointer comes to rest on the toast titled @what[1], as a person's
 * does on the way to its close button: libadwaita keeps a toast under
 * the pointer up, where an outcome's goes after 5 s, however long the
 * test took to come to it. */
static void
point_at (const char **what)
{
  GtkWidget *label = find_label_full (GTK_WIDGET (what[0]), what[1], TRUE);

  emit_motion (gtk_widget_get_ancestor (label, g_type_from_name ("AdwToastWidget")), "enter", 1, 1);
}

/* Each round, a toast of the window's goes away (closed by the user)
 * just as an export starts, and the export ends at once, written or
 * failed: the window does not crash, the outcome shows and nothing says
 * "Exporting…" any more. */
static void
test_export_while_toast_hides (void)
{
  ElabWindow *window = g_object_new (ELAB_TYPE_WINDOW, NULL);
  g_autofree char *dir = g_dir_make_tmp ("elab-toasts-&-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  const char *before[] = { (const char *) window, "Copied" };
  const char *exporting[] = { (const char *) window, "Exporting the" };
  const char *wrote[] = { (const char *) window, "Wrote 1 " };

  elab_window_set_page (window, ELAB_PAGE_ENTROPY);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  if (!adw_get_enable_animations (GTK_WIDGET (window)))
    {
      g_test_skip ("animations are off: toasts come and go at once");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  for (int round = 1; round <= ROUNDS; round++)
    {
      gboolean fail = round % 2 == 0;
      AdwToast *toast = adw_toast_new ("Copied");
      Selection selection = { NULL, folder };

      g_test_message ("round %d: %s", round, fail ? "an error" : "written");
      wait_until (no_toasts, window);
      elab_window_add_toast (window, toast);
      wait_toast_shown (before);
      /* Up until the user closes it, however long the chooser takes. */
      point_at (before);

      elab_animation_dialog_save (GTK_WINDOW (window), "Export", NULL, quick_job, GINT_TO_POINTER (fail ? 2 : 1), NULL);
      wait_until (have_file_chooser, NULL);
      selection.chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
      g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (selection.chooser), folder, NULL));
      wait_until (has_selection, &selection);

      /* The user closes the toast and exports: the export's toast
       * replaces one that is hiding. */
      adw_toast_dismiss (toast);
      g_object_unref (toast);
      gtk_dialog_response (GTK_DIALOG (selection.chooser), GTK_RESPONSE_ACCEPT);

      if (fail)
        {
          GtkWidget *error;
          const char *failed[] = { (const char *) window, "Could not export the frames" };

          wait_until (have_label, failed);
          point_at (failed);
          wait_until (have_message_dialog, NULL);
          error = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
          g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error)), ==,
                           "No space left on the device");
          wait_until (no_label, exporting);
          click_response (error, "_Close");
          /* The toast says it failed, until closed. */
          wait_toast_shown (failed);
          g_signal_emit_by_name (close_button (failed), "clicked");
        }
      else
        {
          wait_until (have_label, wrote);
          point_at (wrote);
          wait_until (no_label, exporting);
          wait_toast_shown (wrote);
          g_signal_emit_by_name (close_button (wrote), "clicked");
        }
    }
  /* Every animation ends, with nothing left behind. */
  wait_until (no_toasts, window);
  g_assert_cmpuint (count_files (dir), ==, 0);

  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv);

  g_test_add_func ("/elab/app/Toasts/export-while-toast-hides", test_export_while_toast_hides);

  return g_test_run ();
}
