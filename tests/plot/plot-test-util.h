/* plot-test-util.h: pixel access shared by the figure tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "elab-export.h"

/* The ARGB32 pixel at (x, y) of an image surface. */
static inline guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (data + y * stride))[x];
}

/* The text of @figure drawn as a PDF of @req, as pdftotext reads it. */
static inline char *
figure_pdf_text (ElabFigure              *figure,
                 const ElabExportRequest *req,
                 const ElabTrainer       *trainer)
{
  g_autofree char *dir = g_dir_make_tmp ("elab-figure-text-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "figure.pdf", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  char *text = NULL;
  int status = 0;

  g_assert_true (elab_export_figure (figure, req, trainer, ELAB_EXPORT_PDF, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_unlink (pdf);
  g_rmdir (dir);
  return text;
}
