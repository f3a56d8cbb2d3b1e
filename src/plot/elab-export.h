/* elab-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a figure to PNG, SVG or PDF through Cairo's surfaces. The file is
 * written to a temporary name beside the target and renamed into place,
 * so a failure never leaves a half-written file behind.
 */
#pragma once

#include <gio/gio.h>

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

/* A figure as it is written: drawn from @state with @style at
 * width × height figure units; @scale multiplies the pixel size of a
 * PNG or an animation's frames (vector formats ignore it). */
typedef struct
{
  const ElabState       *state;
  const ElabFigureStyle *style;
  int                    width;
  int                    height;
  double                 scale;
} ElabExportRequest;

/* @figure as @req asks, with @trainer (may be NULL) for the training
 * figures. Errors are G_IO_ERROR / G_FILE_ERROR. */
gboolean  elab_export_figure           (ElabFigure              *figure,
                                        const ElabExportRequest *req,
                                        const ElabTrainer       *trainer,
                                        ElabExportFormat         format,
                                        const char              *path,
                                        GError                 **error);

/* elab_export_figure() that stops with G_IO_ERROR_CANCELLED when
 * @cancellable (may be NULL) is cancelled, leaving nothing behind. */
gboolean  elab_export_figure_full      (ElabFigure              *figure,
                                        const ElabExportRequest *req,
                                        const ElabTrainer       *trainer,
                                        ElabExportFormat         format,
                                        const char              *path,
                                        GCancellable            *cancellable,
                                        GError                 **error);

/* Removes the temporaries (".NAME.elab-tmp-XXXXXX") of exports to @dir
 * that were killed before they finished; @base (may be NULL) limits it to
 * target NAME. Returns how many were removed. */
guint     elab_export_remove_stale     (const char             *dir,
                                        const char             *base);

/* PNG bytes in memory, for the clipboard. */
GBytes   *elab_export_png_bytes        (ElabFigure              *figure,
                                        const ElabExportRequest *req,
                                        const ElabTrainer       *trainer);

G_END_DECLS
