/* elab-animation-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The frames come from the plot layer (the same functions as `entropy-lab
 * export`), on a GTask's thread. Progress reaches the main loop through
 * one idle at a time, whatever the rate of frames; the toast's Cancel
 * button cancels the task's GCancellable, which the plot layer checks
 * between frames and answers by removing its temporary file.
 *
 * The outcome ("Wrote …", "Export cancelled…") takes the place of
 * "Exporting…" in the same toast, which then goes on its own timeout: an
 * export that ends at once must not dismiss the toast it has just shown.
 * libadwaita 1.2's overlay shows a toast that replaces a hiding one in
 * 500 ms and hides one in 300 ms; a toast dismissed within 200 ms of
 * showing is freed at the end of its hide while its show animation still
 * runs, whose end then writes to the freed toast and crashes (fixed in
 * libadwaita 1.3). A toast the user closed, or left by its Cancel, is
 * not touched again: the outcome gets a new toast.
 */
#define G_LOG_DOMAIN "elab-animation-dialog"

#include "elab-config.h"

#include <string.h>

#include "elab-animation-dialog.h"
#include "elab-export-dialog.h"
#include "elab-file-chooser.h"
#include "elab-window.h"

static const char *extensions[] = {
  [ELAB_ANIMATION_GIF] = ".gif",
  [ELAB_ANIMATION_WEBM] = ".webm",
  [ELAB_ANIMATION_MP4] = ".mp4",
};

const char * const *
elab_animation_dialog_format_names (void)
{
  static const char *names[] = {
    [ELAB_ANIMATION_GIF] = "GIF",
    [ELAB_ANIMATION_WEBM] = "WebM video",
    [ELAB_ANIMATION_MP4] = "MP4 video",
    NULL
  };

  return names;
}

typedef struct
{
  GWeakRef              parent;      /* the window that reports: a closed one is let go */
  ElabAnimationFormat   format;
  gboolean              frames;      /* PNG frames into a folder */
  ElabAnimationJobFunc  run;
  gpointer              job;
  GDestroyNotify        job_free;
  char                 *path;
  GCancellable         *choosing;    /* the file chooser's, cancelled when the window goes */
  GCancellable         *cancellable;
  AdwToast             *toast;       /* a ref, while it says "Exporting…" and is up */
  /* Written by the worker, read by the main loop. */
  guint                 done;
  guint                 total;
  gboolean              idle_pending;
} Save;

/* How long the outcome stays, as for the window's other toasts. */
#define OUTCOME_TIMEOUT 5

static Save *
save_ref (Save *save)
{
  return g_atomic_rc_box_acquire (save);
}

/* The toast is no longer the export's to change. */
static void
let_go_of_toast (Save *save)
{
  if (save->toast == NULL)
    return;
  g_signal_handlers_disconnect_by_data (save->toast, save);
  g_clear_object (&save->toast);
}

static void
save_clear (Save *save)
{
  let_go_of_toast (save);
  g_weak_ref_clear (&save->parent);
  g_clear_object (&save->choosing);
  g_clear_object (&save->cancellable);
  if (save->job_free != NULL && save->job != NULL)
    save->job_free (save->job);
  g_free (save->path);
}

static void
save_unref (Save *save)
{
  g_atomic_rc_box_release_full (save, (GDestroyNotify) save_clear);
}

void
elab_animation_dialog_fit (ElabExportRequest   *figure,
                           ElabFigureStyle     *style,
                           ElabAnimationFormat  format)
{
  /* As the command line draws it. */
  style->theme = figure->state->theme;
  style->palette = figure->state->palette;
  figure->style = style;
  if (format == ELAB_ANIMATION_MP4)
    {
      figure->width += figure->width % 2;
      figure->height += figure->height % 2;
    }
}

GtkWidget *
elab_animation_dialog_new (GtkWindow  *parent,
                           const char *heading,
                           const char *body,
                           GtkGrid    *form,
                           const char *response,
                           const char *response_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  gtk_grid_set_row_spacing (form, 6);
  gtk_grid_set_column_spacing (form, 12);
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (form));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", "_Cancel",
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return GTK_WIDGET (dialog);
}

GtkWidget *
elab_animation_dialog_add_row (GtkGrid    *form,
                               int         row,
                               const char *label,
                               GtkWidget  *control)
{
  GtkWidget *name = gtk_label_new_with_mnemonic (label);

  gtk_widget_set_hexpand (control, TRUE);
  /* Enter in a number exports, as in the rest of the dialog: GTK 4.8's
   * spin button takes the number and keeps the Enter (its text updates
   * the value before it activates the default). */
  if (GTK_IS_SPIN_BUTTON (control))
    gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (control))), TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (name), control);
  gtk_grid_attach (form, name, 0, row, 1, 1);
  gtk_grid_attach (form, control, 1, row, 1, 1);
  return control;
}

void
elab_animation_dialog_show_error (GtkWindow  *parent,
                                  const char *heading,
                                  const char *message)
{
  GtkWidget *dialog;

  /* The plot layer words usage errors for the command line ("--every:
   * …"); a dialog has no flags to name. */
  if (g_str_has_prefix (message, "--") && strstr (message, ": ") != NULL)
    message = strstr (message, ": ") + 2;
  dialog = adw_message_dialog_new (parent, heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", "_Close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
what (Save *save)
{
  return save->frames ? "frames" : "animation";
}

/* Says @message in the window's toast: in the export's own toast while it
 * is up, which then goes by itself (never dismissed from here, see the
 * top of the file), else in a new one. */
static void
report (Save       *save,
        const char *message)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&save->parent);

  if (!ELAB_IS_WINDOW (parent))
    ;
  else if (save->toast != NULL)
    {
      /* A toast's title is markup; a file's name may hold an '&'. */
      g_autofree char *title = g_markup_escape_text (message, -1);

      adw_toast_set_title (save->toast, title);
      adw_toast_set_button_label (save->toast, NULL);
      adw_toast_set_timeout (save->toast, OUTCOME_TIMEOUT);
      /* Added again, a toast that is up starts its new timeout; a queued
       * one moves forward. */
      elab_window_add_toast (ELAB_WINDOW (parent), save->toast);
    }
  else
    elab_window_show_toast (ELAB_WINDOW (parent), message);
  let_go_of_toast (save);
}

static void
report_error (Save       *save,
              const char *message)
{
  g_autofree char *failed = g_strdup_printf ("Could not export the %s", what (save));
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&save->parent);

  /* The dialog tells why; the toast stops saying "Exporting…". */
  report (save, failed);
  if (parent != NULL)
    elab_animation_dialog_show_error (parent, save->frames ? "Could Not Export the Frames"
                                                           : "Could Not Export the Animation", message);
}

static gboolean
progress_idle_cb (gpointer data)
{
  Save *save = data;
  g_autofree char *title = NULL;
  guint done, total;

  g_atomic_int_set (&save->idle_pending, FALSE);
  done = g_atomic_int_get (&save->done);
  total = g_atomic_int_get (&save->total);
  if (save->toast != NULL && total > 0)
    {
      title = g_strdup_printf ("Exporting the %s… frame %u of %u", what (save), done, total);
      adw_toast_set_title (save->toast, title);
    }
  return G_SOURCE_REMOVE;
}

/* On the worker's thread. */
static void
progress_cb (guint    done,
             guint    total,
             gpointer data)
{
  Save *save = data;

  g_atomic_int_set (&save->done, done);
  g_atomic_int_set (&save->total, total);
  if (g_atomic_int_compare_and_exchange (&save->idle_pending, FALSE, TRUE))
    g_idle_add_full (G_PRIORITY_DEFAULT, progress_idle_cb, save_ref (save), (GDestroyNotify) save_unref);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Save *save = task_data;
  ElabAnimationOutput out = {
    save->path, save->format, ELAB_ANIMATION_OPTIONS_INIT, NULL, cancellable, progress_cb, save,
  };
  GError *error = NULL;
  guint frames = 0;

  if (save->run (save->job, &out, &frames, &error))
    g_task_return_int (task, frames);
  else
    g_task_return_error (task, error);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Save *save = user_data;
  g_autoptr(GError) error = NULL;
  gssize frames = g_task_propagate_int (G_TASK (result), &error);

  if (frames < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    report (save, "Export cancelled: nothing was written");
  else if (frames < 0)
    report_error (save, error->message);
  else
    {
      g_autofree char *base = g_path_get_basename (save->path);
      g_autofree char *message = g_strdup_printf ("Wrote %" G_GSSIZE_FORMAT " %s to %s", frames,
                                                  frames == 1 ? "frame" : "frames", base);

      report (save, message);
    }
  save_unref (save);
}

static void
cancel_clicked_cb (AdwToast *toast,
                   Save     *save)
{
  g_cancellable_cancel (save->cancellable);
  /* The toast dismisses itself next. */
  let_go_of_toast (save);
}

/* Closed by the user, or gone after its Cancel. */
static void
toast_dismissed_cb (AdwToast *toast,
                    Save     *save)
{
  let_go_of_toast (save);
}

static void
start (Save  *save,
       GFile *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&save->parent);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *dir = NULL;
  g_autofree char *exporting = NULL;
  ElabAnimationFormat format;

  if (path == NULL)
    {
      report_error (save, save->frames ? "Only local folders can be written." : "Only local files can be written.");
      save_unref (save);
      return;
    }
  /* The name's extension chooses the format; without one, the dialog's. */
  if (save->frames)
    ;
  else if (elab_animation_format_from_path (path, &format))
    save->format = format;
  else
    {
      char *full = g_strconcat (path, extensions[save->format], NULL);

      g_free (path);
      path = full;
    }
  save->path = g_steal_pointer (&path);
  dir = save->frames ? g_strdup (save->path) : g_path_get_dirname (save->path);
  elab_export_dialog_remember_folder (dir);

  save->cancellable = g_cancellable_new ();
  exporting = g_strdup_printf ("Exporting the %s…", what (save));
  save->toast = adw_toast_new (exporting);
  adw_toast_set_timeout (save->toast, 0);
  adw_toast_set_button_label (save->toast, "_Cancel");
  g_signal_connect (save->toast, "button-clicked", G_CALLBACK (cancel_clicked_cb), save);
  g_signal_connect (save->toast, "dismissed", G_CALLBACK (toast_dismissed_cb), save);
  if (ELAB_IS_WINDOW (parent))
    elab_window_add_toast (ELAB_WINDOW (parent), save->toast);

  task = g_task_new (NULL, save->cancellable, save_done_cb, save);
  g_task_set_source_tag (task, elab_animation_dialog_save);
  g_task_set_task_data (task, save_ref (save), (GDestroyNotify) save_unref);
  g_task_run_in_thread (task, save_thread);
}

static void
file_chosen_cb (GFile    *file,
                gpointer  data)
{
  Save *save = data;

  /* Let go on the main thread, where its handler on the window was
   * connected, not with the rest of the save on the export's thread. */
  g_clear_object (&save->choosing);
  if (file == NULL)
    save_unref (save);
  else
    start (save, file);
}

void
elab_animation_dialog_save (GtkWindow            *parent,
                            const char           *title,
                            const char           *name,
                            ElabAnimationJobFunc  run,
                            gpointer              job,
                            GDestroyNotify        job_free)
{
  Save *save;
  ElabAnimationFormat format = 0;
  gboolean known;
  g_autofree char *folder = elab_export_dialog_dup_folder ();
  ElabFileChooserRequest request = {
    name == NULL ? ELAB_FILE_CHOOSER_FOLDER : ELAB_FILE_CHOOSER_SAVE, title, "_Export", folder, name, NULL,
  };

  g_return_if_fail (run != NULL);
  /* The suggested name says the format, unless the name chosen has
   * another: it ends in one of the animations' extensions. */
  known = name == NULL || elab_animation_format_from_path (name, &format);
  g_return_if_fail (known);

  save = g_atomic_rc_box_new0 (Save);
  g_weak_ref_init (&save->parent, parent);
  save->frames = name == NULL;
  save->format = format;
  save->run = run;
  save->job = job;
  save->job_free = job_free;

  /* The chooser closes with the window ("destroy" comes at its dispose),
   * so an unanswered one keeps neither the window nor the job. */
  save->choosing = g_cancellable_new ();
  if (parent != NULL)
    g_signal_connect_object (parent, "destroy", G_CALLBACK (g_cancellable_cancel), save->choosing,
                             G_CONNECT_SWAPPED);
  elab_file_chooser_ask (parent, &request, save->choosing, file_chosen_cb, save);
}
