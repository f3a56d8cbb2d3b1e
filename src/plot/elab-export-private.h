/* elab-export-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "elab-export.h"

G_BEGIN_DECLS

/* TRUE when @path's extension is one of @extensions (NULL-terminated,
 * ".png" style, any case; a dot file has none), with its index in *@res
 * (may be NULL): the format, for an enum (int-sized) whose values index
 * @extensions. */
gboolean  _elab_export_format_from_extension (const char        *path,
                                              const char *const *extensions,
                                              int               *res);

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
