/* elab-export-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "elab-export.h"

G_BEGIN_DECLS

/* The index in @extensions (NULL-terminated, ".png" style, any case) of
 * @path's extension, or -1: no match, no extension, or a dot file. */
int       _elab_export_extension_index (const char        *path,
                                        const char *const *extensions);

/* elab_export_figure_full(); a sweep removes stale temporaries once for
 * the whole directory rather than once a frame, so @remove_stale is
 * FALSE there. */
gboolean  _elab_export_figure          (ElabFigure              *figure,
                                        const ElabExportRequest *req,
                                        const ElabTrainer       *trainer,
                                        ElabExportFormat         format,
                                        const char              *path,
                                        gboolean                 remove_stale,
                                        GCancellable            *cancellable,
                                        GError                 **error);

G_END_DECLS
