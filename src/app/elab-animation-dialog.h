/* elab-animation-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The end both animation dialogs share (Export Sweep… as PNG frames,
 * GIF, WebM or MP4, and the Training page's Record…): where to save, then
 * the frames drawn and encoded in a thread, with a toast that counts them
 * and can cancel.
 */
#pragma once

#include <adwaita.h>

#include "elab-animation-export.h"
#include "elab-export.h"

G_BEGIN_DECLS

/* "MP4 video", "WebM video", "GIF", in ElabAnimationFormat order. */
const char * const *elab_animation_dialog_format_names (void);

/* Both dialogs are a message dialog over @parent with @form (a GtkGrid
 * of rows from elab_animation_dialog_add_row()) as its extra child, and
 * Cancel beside @response (@response_label), the default. */
GtkWidget          *elab_animation_dialog_new          (GtkWindow            *parent,
                                                        const char           *heading,
                                                        const char           *body,
                                                        GtkGrid              *form,
                                                        const char           *response,
                                                        const char           *response_label);
/* Puts @control in @form's @row after a label @label, whose mnemonic
 * focuses it; returns @control. */
GtkWidget          *elab_animation_dialog_add_row      (GtkGrid              *form,
                                                        int                   row,
                                                        const char           *label,
                                                        GtkWidget            *control);

/* Writes @out in a worker thread (for PNG frames, @out's path is their
 * folder). Returns the number of frames written. */
typedef gboolean (*ElabAnimationJobFunc) (gpointer                   job,
                                          const ElabAnimationOutput *out,
                                          guint                     *res_frames,
                                          GError                   **error);

/* How a dialog draws its frames: @figure with @style, set to its state's
 * theme and palette, and its sides rounded up to even for MP4 (H.264 in
 * 4:2:0 needs even sides; a dialog rounds up rather than refuse). */
void                elab_animation_dialog_fit          (ElabExportRequest    *figure,
                                                        ElabFigureStyle      *style,
                                                        ElabAnimationFormat   format);

/* Asks for a file starting at @name (ending in .gif, .webm or .mp4) in
 * the folder of the last export, then runs @run on @job in a thread. The
 * name chosen chooses the format by its extension; without one it gets
 * @name's. With @name NULL it asks for a folder, for PNG frames. Takes
 * @job (freed with @job_free). */
void                elab_animation_dialog_save         (GtkWindow            *parent,
                                                        const char           *title,
                                                        const char           *name,
                                                        ElabAnimationJobFunc  run,
                                                        gpointer              job,
                                                        GDestroyNotify        job_free);
/* A dialog that stays, headed @heading, saying @message without the
 * command-line flag the plot layer names ("--frames: …"). */
void                elab_animation_dialog_show_error   (GtkWindow            *parent,
                                                        const char           *heading,
                                                        const char           *message);

G_END_DECLS
