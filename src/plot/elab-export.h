/* elab-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a figure to PNG, SVG or PDF through Cairo's surfaces. The file is
 * written to a temporary name beside the target and renamed into place,
 * so a failure never leaves a half-written file behind.
 */
#pragma once

#include <glib.h>

#include "elab-figure.h"

G_BEGIN_DECLS

typedef enum
{
  ELAB_EXPORT_PNG,
  ELAB_EXPORT_SVG,
  ELAB_EXPORT_PDF,
} ElabExportFormat;

#define ELAB_EXPORT_MAX_PX 16384

/* From the file name's extension (case-insensitive). */
gboolean  elab_export_format_from_path (const char             *path,
                                        ElabExportFormat       *res);

/* width × height in figure units; @scale multiplies the pixel size of a
 * PNG (vector formats ignore it). Errors are G_IO_ERROR / G_FILE_ERROR. */
gboolean  elab_export_figure           (ElabFigure             *figure,
                                        const ElabState        *state,
                                        const ElabTrainer      *trainer,
                                        const ElabFigureStyle  *style,
                                        int                     width,
                                        int                     height,
                                        double                  scale,
                                        ElabExportFormat        format,
                                        const char             *path,
                                        GError                **error);

/* PNG bytes in memory, for the clipboard. */
GBytes   *elab_export_png_bytes        (ElabFigure             *figure,
                                        const ElabState        *state,
                                        const ElabTrainer      *trainer,
                                        const ElabFigureStyle  *style,
                                        int                     width,
                                        int                     height,
                                        double                  scale);

G_END_DECLS
