/* elab-file-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Debian 12 ships GTK 4.8, whose GtkFileChooserNative GTK 4.10
 * deprecates for GtkFileDialog: each dialog of the app asks through here,
 * so the version check is written once.
 */
#define G_LOG_DOMAIN "elab-file-chooser"

#include "elab-config.h"

#include "elab-file-chooser.h"

typedef struct
{
  ElabFileChooserAction action;
  ElabFileChooserFunc   callback;
  gpointer              user_data;
} Ask;

#if GTK_CHECK_VERSION (4, 10, 0)
static void
dialog_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      data)
{
  GtkFileDialog *dialog = GTK_FILE_DIALOG (object);
  g_autofree Ask *ask = data;
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
  ask->callback (file, ask->user_data);
}
#else
static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         data)
{
  g_autofree Ask *ask = data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  ask->callback (file, ask->user_data);
}
#endif

void
elab_file_chooser_ask (GtkWindow             *parent,
                       ElabFileChooserAction  action,
                       const char            *title,
                       const char            *accept_label,
                       const char            *folder,
                       const char            *name,
                       GListModel            *filters,
                       ElabFileChooserFunc    callback,
                       gpointer               user_data)
{
  g_autoptr(GFile) start = folder != NULL ? g_file_new_for_path (folder) : NULL;
  Ask *ask;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (callback != NULL);

  ask = g_new0 (Ask, 1);
  ask->action = action;
  ask->callback = callback;
  ask->user_data = user_data;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_accept_label (dialog, accept_label);
    gtk_file_dialog_set_modal (dialog, TRUE);
    if (start != NULL)
      gtk_file_dialog_set_initial_folder (dialog, start);
    if (name != NULL && action == ELAB_FILE_CHOOSER_SAVE)
      gtk_file_dialog_set_initial_name (dialog, name);
    if (filters != NULL && g_list_model_get_n_items (filters) > 0)
      {
        g_autoptr(GtkFileFilter) first = g_list_model_get_item (filters, 0);

        gtk_file_dialog_set_filters (dialog, filters);
        gtk_file_dialog_set_default_filter (dialog, first);
      }
    switch (action)
      {
      case ELAB_FILE_CHOOSER_OPEN:
        gtk_file_dialog_open (dialog, parent, NULL, dialog_ready_cb, ask);
        break;
      case ELAB_FILE_CHOOSER_SAVE:
        gtk_file_dialog_save (dialog, parent, NULL, dialog_ready_cb, ask);
        break;
      case ELAB_FILE_CHOOSER_FOLDER:
      default:
        gtk_file_dialog_select_folder (dialog, parent, NULL, dialog_ready_cb, ask);
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
    GtkFileChooserNative *chooser;

    chooser = gtk_file_chooser_native_new (title, parent, actions[action], accept_label, "_Cancel");
    if (start != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), start, NULL);
    if (name != NULL && action == ELAB_FILE_CHOOSER_SAVE)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    for (guint i = 0; filters != NULL && i < g_list_model_get_n_items (filters); i++)
      {
        g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      }
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), ask);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}
