/* elab-file-chooser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that asks for a file or a folder: GtkFileDialog from
 * GTK 4.10, the native file chooser before it.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  ELAB_FILE_CHOOSER_OPEN,
  ELAB_FILE_CHOOSER_SAVE,
  ELAB_FILE_CHOOSER_FOLDER,
} ElabFileChooserAction;

/* What to ask. The chooser starts in the @folder path (NULL: where the
 * platform likes) with @name suggested when saving, and offers @filters
 * (a list of GtkFileFilter, the first chosen; NULL: none). */
typedef struct
{
  ElabFileChooserAction  action;
  const char            *title;
  const char            *accept_label;
  const char            *folder;
  const char            *name;
  GListModel            *filters;
} ElabFileChooserRequest;

/* Called once: with the file or folder chosen, or NULL when the person
 * cancelled or the ask's cancellable was cancelled (then perhaps from
 * within g_cancellable_cancel(), so a dialog may cancel in its dispose
 * and pass itself unreferenced as @user_data). */
typedef void (*ElabFileChooserFunc) (GFile    *file,
                                     gpointer  user_data);

/* A modal chooser over @parent. Cancelling @cancellable (may be NULL)
 * closes it, so nothing the callback's data holds outlives its owner. */
void elab_file_chooser_ask (GtkWindow                    *parent,
                            const ElabFileChooserRequest *request,
                            GCancellable                 *cancellable,
                            ElabFileChooserFunc           callback,
                            gpointer                      user_data);

G_END_DECLS
