/* elab-file-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Debian 12 ships GTK 4.8, whose GtkFileChooserNative GTK 4.10
 * deprecates for GtkFileDialog: each dialog of the app asks through here,
 * so the version check is written once.
 *
 * A dialog that goes while its chooser is open cancels the ask: the
 * callback's data must not keep the dialog (and its document) alive
 * until someone answers a chooser that belongs to nothing any more.
 */
#define G_LOG_DOMAIN "elab-file-chooser"

#include "elab-config.h"

#include "elab-file-chooser.h"

typedef struct
{
  ElabFileChooserAction  action;
  ElabFileChooserFunc    callback;
  gpointer               user_data;
  GCancellable          *cancellable;
#if !GTK_CHECK_VERSION (4, 10, 0)
  GtkFileChooserNative  *chooser;
  gulong                 cancelled_id;
#endif
} Ask;

/* Answers @ask once and frees it. */
static void
ask_finish (Ask   *ask,
            GFile *file)
{
  /* A choice that lands as the ask is cancelled is no answer any more. */
  if (ask->cancellable != NULL && g_cancellable_is_cancelled (ask->cancellable))
    file = NULL;
#if !GTK_CHECK_VERSION (4, 10, 0)
  /* This may run within the cancellable's "cancelled" emission, where a
   * plain handler can be disconnected (a g_cancellable_connect() one would
   * deadlock). */
  g_clear_signal_handler (&ask->cancelled_id, ask->cancellable);
  g_signal_handlers_disconnect_by_data (ask->chooser, ask);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (ask->chooser));
  g_clear_object (&ask->chooser);
#endif
  ask->callback (file, ask->user_data);
  g_clear_object (&ask->cancellable);
  g_free (ask);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
dialog_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      data)
{
  GtkFileDialog *dialog = GTK_FILE_DIALOG (object);
  Ask *ask = data;
  g_autoptr(GFile) file = NULL;

  switch (ask->action)
    {
    case ELAB_FILE_CHOOSER_OPEN:
      file = gtk_file_dialog_open_finish (dialog, result, NULL);
      break;
    case ELAB_FILE_CHOOSER_SAVE:
      file = gtk_file_dialog_save_finish (dialog, result, NULL);
      break;
    case ELAB_FILE_CHOOSER_FOLDER:
    default:
      file = gtk_file_dialog_select_folder_finish (dialog, result, NULL);
      break;
    }
  ask_finish (ask, file);
}
#else
static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         data)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  ask_finish (data, file);
}

static void
chooser_cancelled_cb (GCancellable *cancellable,
                      gpointer      data)
{
  ask_finish (data, NULL);
}
#endif

void
elab_file_chooser_ask (GtkWindow                    *parent,
                       const ElabFileChooserRequest *request,
                       GCancellable                 *cancellable,
                       ElabFileChooserFunc           callback,
                       gpointer                      user_data)
{
  g_autoptr(GFile) start = NULL;
  ElabFileChooserAction action;
  GListModel *filters;
  Ask *ask;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (request != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (callback != NULL);

  if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    {
      callback (NULL, user_data);
      return;
    }

  action = request->action;
  filters = request->filters;
  if (request->folder != NULL)
    start = g_file_new_for_path (request->folder);
  ask = g_new0 (Ask, 1);
  ask->action = action;
  ask->callback = callback;
  ask->user_data = user_data;
  ask->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, request->title);
    gtk_file_dialog_set_accept_label (dialog, request->accept_label);
    gtk_file_dialog_set_modal (dialog, TRUE);
    if (start != NULL)
      gtk_file_dialog_set_initial_folder (dialog, start);
    if (request->name != NULL && action == ELAB_FILE_CHOOSER_SAVE)
      gtk_file_dialog_set_initial_name (dialog, request->name);
    if (filters != NULL && g_list_model_get_n_items (filters) > 0)
      {
        g_autoptr(GtkFileFilter) first = g_list_model_get_item (filters, 0);

        gtk_file_dialog_set_filters (dialog, filters);
        gtk_file_dialog_set_default_filter (dialog, first);
      }
    switch (action)
      {
      case ELAB_FILE_CHOOSER_OPEN:
        gtk_file_dialog_open (dialog, parent, cancellable, dialog_ready_cb, ask);
        break;
      case ELAB_FILE_CHOOSER_SAVE:
        gtk_file_dialog_save (dialog, parent, cancellable, dialog_ready_cb, ask);
        break;
      case ELAB_FILE_CHOOSER_FOLDER:
      default:
        gtk_file_dialog_select_folder (dialog, parent, cancellable, dialog_ready_cb, ask);
        break;
      }
  }
#else
  {
    static const GtkFileChooserAction actions[] = {
      [ELAB_FILE_CHOOSER_OPEN] = GTK_FILE_CHOOSER_ACTION_OPEN,
      [ELAB_FILE_CHOOSER_SAVE] = GTK_FILE_CHOOSER_ACTION_SAVE,
      [ELAB_FILE_CHOOSER_FOLDER] = GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
    };
    GtkFileChooser *chooser;

    ask->chooser = gtk_file_chooser_native_new (request->title, parent, actions[action], request->accept_label,
                                                "_Cancel");
    chooser = GTK_FILE_CHOOSER (ask->chooser);
    if (start != NULL)
      gtk_file_chooser_set_current_folder (chooser, start, NULL);
    if (request->name != NULL && action == ELAB_FILE_CHOOSER_SAVE)
      gtk_file_chooser_set_current_name (chooser, request->name);
    for (guint i = 0; filters != NULL && i < g_list_model_get_n_items (filters); i++)
      {
        g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

        gtk_file_chooser_add_filter (chooser, filter);
      }
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), ask);
    /* Only the main thread cancels (GTK's), so a plain handler will do. */
    if (cancellable != NULL)
      ask->cancelled_id = g_signal_connect (cancellable, "cancelled", G_CALLBACK (chooser_cancelled_cb), ask);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}
