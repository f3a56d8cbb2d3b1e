/* elab-animation-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The end both animation dialogs share (Export Sweep… as GIF, WebM or
 * MP4, and the Training page's Record…): where to save, then the frames
 * drawn and encoded in a thread, with a toast that counts them and can
 * cancel.
 */
#pragma once

#include <adwaita.h>

#include "elab-animation.h"

G_BEGIN_DECLS

/* "MP4 video", "WebM video", "GIF", in ElabAnimationFormat order. */
const char * const *elab_animation_dialog_format_names (void);

/* Writes the animation to @path in a worker thread; @progress must be
 * passed on to the plot layer. Returns the number of frames written. */
typedef gboolean (*ElabAnimationJobFunc) (gpointer             job,
                                          const char          *path,
                                          ElabAnimationFormat  format,
                                          GCancellable        *cancellable,
                                          ElabProgressFunc     progress,
                                          gpointer             progress_data,
                                          guint               *res_frames,
                                          GError             **error);

/* Asks for a file (GtkFileDialog from GTK 4.10, the file chooser
 * before) starting at @name in the folder of the last export, then runs
 * @run on @job in a thread. A name ending in .gif, .webm or .mp4 chooses
 * its format; any other gets @format's extension. Takes @job (freed with
 * @job_free). */
void                elab_animation_dialog_save         (GtkWindow            *parent,
                                                        const char           *title,
                                                        const char           *name,
                                                        ElabAnimationFormat   format,
                                                        ElabAnimationJobFunc  run,
                                                        gpointer              job,
                                                        GDestroyNotify        job_free);

G_END_DECLS
