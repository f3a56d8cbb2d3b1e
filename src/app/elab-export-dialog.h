/* elab-export-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "elab-document.h"
#include "elab-export.h"
#include "elab-training-run.h"

G_BEGIN_DECLS

#define ELAB_TYPE_EXPORT_DIALOG (elab_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ElabExportDialog, elab_export_dialog, ELAB, EXPORT_DIALOG, AdwWindow)

/* @window_width × @window_height is the "window's size" preset; @run
 * (referenced, may be NULL) is what the training figures draw. */
ElabExportDialog *elab_export_dialog_new         (GtkWindow         *parent,
                                                  ElabDocument      *document,
                                                  ElabFigureKind     kind,
                                                  ElabTrainingRun   *run,
                                                  int                window_width,
                                                  int                window_height);
/* Writes the figure as the dialog is set up, without asking for a file:
 * what the Export button does once a file is chosen. */
gboolean          elab_export_dialog_export_to   (ElabExportDialog  *self,
                                                  const char        *path,
                                                  GError           **error);
/* The file name offered in the file chooser, e.g. "cross-entropy.svg". */
char             *elab_export_dialog_suggest_name (ElabExportDialog *self);
/* Where an export dialog starts: the folder of the last export or sweep
 * in this run, else the Pictures folder (NULL if neither exists). */
char             *elab_export_dialog_dup_folder   (void);
void              elab_export_dialog_remember_folder (const char    *folder);

G_END_DECLS
