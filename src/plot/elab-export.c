/* elab-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PNG, SVG and PDF through Cairo's stream surfaces, written to a
 * temporary file beside the target and renamed into place.
 */

#include "elab-export.h"
#include "elab-figure-private.h"
#include "elab-png.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>
#include <unistd.h>

/**
 * elab_export_format_from_path:
 * The format named by @path's extension, ".png", ".svg" or ".pdf" in any
 * case; FALSE for anything else (including no extension).
 */
gboolean
elab_export_format_from_path (const char       *path,
                              ElabExportFormat *res)
{
  const char *base, *dot;
  ElabExportFormat format;

  if (path == NULL)
    return FALSE;
  base = strrchr (path, G_DIR_SEPARATOR);
  base = base ? base + 1 : path;
  dot = strrchr (base, '.');
  if (dot == NULL || dot == base)
    return FALSE;

  if (g_ascii_strcasecmp (dot, ".png") == 0)
    format = ELAB_EXPORT_PNG;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    format = ELAB_EXPORT_SVG;
  else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    format = ELAB_EXPORT_PDF;
  else
    return FALSE;

  if (res)
    *res = format;
  return TRUE;
}

typedef struct
{
  int         fd;
  int         saved_errno;
  GByteArray *bytes;
} Sink;

static cairo_status_t
sink_write_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->bytes)
    {
      g_byte_array_append (sink->bytes, data, length);
      return CAIRO_STATUS_SUCCESS;
    }

  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_size (int      width,
            int      height,
            double   scale,
            GError **error)
{
  if (width <= 0 || height <= 0 || width > ELAB_EXPORT_MAX_PX || height > ELAB_EXPORT_MAX_PX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Figure size %d×%d is out of range (1 to %d units a side)",
                   width, height, ELAB_EXPORT_MAX_PX);
      return FALSE;
    }
  if (!isfinite (scale) || scale <= 0
      || ceil (width * scale) > ELAB_EXPORT_MAX_PX || ceil (height * scale) > ELAB_EXPORT_MAX_PX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Scale %g gives an image larger than %d pixels a side, or is not positive",
                   scale, ELAB_EXPORT_MAX_PX);
      return FALSE;
    }
  return TRUE;
}

/* Draws onto the surface the format needs and streams it to @sink. */
static cairo_status_t
render (ElabFigure             *figure,
        const ElabState        *state,
        const ElabTrainer      *trainer,
        const ElabFigureStyle  *style,
        int                     width,
        int                     height,
        double                  scale,
        ElabExportFormat        format,
        Sink                   *sink)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case ELAB_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (sink_write_cb, sink, width, height);
      /* Pixels, not points: a 1920×1080 figure is 1920×1080 on a slide. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case ELAB_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (sink_write_cb, sink, width, height);
      break;
    case ELAB_EXPORT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      break;
    }

  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      cr = cairo_create (surface);
      if (format == ELAB_EXPORT_PNG)
        cairo_scale (cr, scale, scale);
      elab_figure_draw (figure, cr, width, height, state, trainer, style);
      status = cairo_status (cr);
      cairo_destroy (cr);
    }

  if (status == CAIRO_STATUS_SUCCESS)
    {
      if (format == ELAB_EXPORT_PNG)
        {
          cairo_surface_flush (surface);
          status = elab_png_write (surface, sink_write_cb, sink);
        }
      else
        {
          /* Vector surfaces write their file as they finish. */
          cairo_surface_finish (surface);
          status = cairo_surface_status (surface);
        }
    }

  cairo_surface_destroy (surface);
  return status;
}

/**
 * elab_export_figure:
 * Draws @figure at width × height figure units into @path as PNG (pixel
 * size × @scale), SVG or PDF. The bytes go to "<path>.XXXXXX" in the same
 * directory, which is renamed over @path only once complete, so a failure
 * (bad size, unwritable directory, full disk) leaves neither @path nor a
 * temporary file behind. Errors name the path.
 */
gboolean
elab_export_figure (ElabFigure             *figure,
                    const ElabState        *state,
                    const ElabTrainer      *trainer,
                    const ElabFigureStyle  *style,
                    int                     width,
                    int                     height,
                    double                  scale,
                    ElabExportFormat        format,
                    const char             *path,
                    GError                **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *display = NULL;
  cairo_status_t status;
  Sink sink = { -1, 0, NULL };
  int saved;

  g_return_val_if_fail (figure != NULL, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format != ELAB_EXPORT_PNG)
    scale = 1.0;
  if (!check_size (width, height, scale, error))
    return FALSE;

  display = g_filename_display_name (path);
  /* Beside the target, so the final rename stays within one file system. */
  tmp = g_strconcat (path, ".XXXXXX", NULL);
  sink.fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not write “%s”: %s", display, g_strerror (saved));
      return FALSE;
    }

  status = render (figure, state, trainer, style, width, height, scale, format, &sink);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      saved = sink.saved_errno;
      close (sink.fd);
      g_unlink (tmp);
      if (saved != 0)
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                     "Could not write “%s”: %s", display, g_strerror (saved));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     "Could not draw “%s”: %s", display, cairo_status_to_string (status));
      return FALSE;
    }

  if (fsync (sink.fd) != 0 && errno != EINVAL && errno != EROFS)
    {
      saved = errno;
      close (sink.fd);
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not write “%s”: %s", display, g_strerror (saved));
      return FALSE;
    }
  if (close (sink.fd) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not write “%s”: %s", display, g_strerror (saved));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not write “%s”: %s", display, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/**
 * elab_export_png_bytes:
 * The figure as PNG bytes in memory (for the clipboard); NULL when the
 * size or scale is out of range or drawing fails.
 */
GBytes *
elab_export_png_bytes (ElabFigure             *figure,
                       const ElabState        *state,
                       const ElabTrainer      *trainer,
                       const ElabFigureStyle  *style,
                       int                     width,
                       int                     height,
                       double                  scale)
{
  Sink sink = { -1, 0, NULL };
  cairo_status_t status;

  g_return_val_if_fail (figure != NULL, NULL);
  g_return_val_if_fail (state != NULL, NULL);

  if (!check_size (width, height, scale, NULL))
    return NULL;

  sink.bytes = g_byte_array_new ();
  status = render (figure, state, trainer, style, width, height, scale, ELAB_EXPORT_PNG, &sink);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (sink.bytes);
      return NULL;
    }
  return g_byte_array_free_to_bytes (sink.bytes);
}
