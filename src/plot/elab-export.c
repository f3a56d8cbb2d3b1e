/* elab-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PNG, SVG and PDF through Cairo's stream surfaces, written to a
 * temporary file beside the target and renamed into place.
 *
 * The temporary is ".NAME.elab-tmp-XXXXXX": hidden, in the target's
 * directory (the rename stays within one file system), and locked with
 * flock() while it is written. A process killed outright (SIGKILL, a power
 * cut) leaves it behind under that name and never under NAME; the lock
 * dies with the process, so the next export to that directory can tell a
 * stale temporary from one another export is still writing.
 */

#include "elab-export.h"
#include "elab-export-private.h"
#include "elab-figure-private.h"
#include "elab-png.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

gboolean
_elab_export_format_from_extension (const char        *path,
                                    const char *const *extensions,
                                    int               *res)
{
  const char *base, *dot;

  if (path == NULL)
    return FALSE;
  base = strrchr (path, G_DIR_SEPARATOR);
  base = base ? base + 1 : path;
  dot = strrchr (base, '.');
  if (dot == NULL || dot == base)
    return FALSE;

  for (int i = 0; extensions[i] != NULL; i++)
    if (g_ascii_strcasecmp (dot, extensions[i]) == 0)
      {
        if (res != NULL)
          *res = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * elab_export_format_from_path:
 * The format named by @path's extension, ".png", ".svg" or ".pdf" in any
 * case; FALSE for anything else (including no extension).
 */
gboolean
elab_export_format_from_path (const char       *path,
                              ElabExportFormat *res)
{
  static const char *const extensions[] = {
    [ELAB_EXPORT_PNG] = ".png",
    [ELAB_EXPORT_SVG] = ".svg",
    [ELAB_EXPORT_PDF] = ".pdf",
    NULL
  };
  G_STATIC_ASSERT (sizeof (ElabExportFormat) == sizeof (int));

  return _elab_export_format_from_extension (path, extensions, (int *) res);
}

typedef struct
{
  int           fd;
  int           saved_errno;
  GByteArray   *bytes;
  GCancellable *cancellable;
} Sink;

#define TEMP_INFIX ".elab-tmp-"

static cairo_status_t
sink_write_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  /* Cairo writes a large PNG in many pieces: stop at the next one. */
  if (g_cancellable_is_cancelled (sink->cancellable))
    {
      sink->saved_errno = ECANCELED;
      return CAIRO_STATUS_WRITE_ERROR;
    }

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
render (ElabFigure              *figure,
        const ElabExportRequest *req,
        const ElabTrainer       *trainer,
        ElabExportFormat         format,
        Sink                    *sink)
{
  int width = req->width, height = req->height;
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
                                            (int) ceil (width * req->scale),
                                            (int) ceil (height * req->scale));
      break;
    }

  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      cr = cairo_create (surface);
      if (format == ELAB_EXPORT_PNG)
        cairo_scale (cr, req->scale, req->scale);
      elab_figure_draw (figure, cr, width, height, req->state, trainer, req->style);
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

/* TRUE when @name is "." @base TEMP_INFIX and six more characters, or
 * any such name when @base is NULL. */
static gboolean
is_temp_name (const char *name,
              const char *base)
{
  const char *infix;
  gsize len = strlen (name);

  if (name[0] != '.' || len < 1 + strlen (TEMP_INFIX) + 6)
    return FALSE;
  infix = name + len - 6 - strlen (TEMP_INFIX);
  if (strncmp (infix, TEMP_INFIX, strlen (TEMP_INFIX)) != 0 || infix == name + 1)
    return FALSE;
  if (base == NULL)
    return TRUE;
  return (gsize) (infix - name - 1) == strlen (base) && strncmp (name + 1, base, strlen (base)) == 0;
}

/**
 * elab_export_remove_stale:
 * Removes the temporaries in @dir that an export killed before it could
 * finish left behind: those no live process holds locked. @base (may be
 * NULL) limits it to the temporaries of one target file name. Returns
 * how many were removed.
 */
guint
elab_export_remove_stale (const char *dir,
                          const char *base)
{
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (dir != NULL, 0);

  listing = g_dir_open (dir, 0, NULL);
  if (listing == NULL)
    return 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_temp_name (name, base))
        continue;

      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
      if (fd < 0)
        continue;
      /* A lock we can take is a lock no writer holds. */
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          if (g_unlink (path) == 0)
            removed++;
        }
      close (fd);
    }

  return removed;
}

static gboolean
fail_errno (GError     **error,
            int          saved,
            const char  *display)
{
  if (saved == ECANCELED)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled writing “%s”", display);
  else
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                 "Could not write “%s”: %s", display, g_strerror (saved));
  return FALSE;
}

gboolean
_elab_export_figure (ElabFigure              *figure,
                     const ElabExportRequest *req,
                     const ElabTrainer       *trainer,
                     ElabExportFormat         format,
                     const char              *path,
                     gboolean                 remove_stale,
                     GCancellable            *cancellable,
                     GError                 **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *display = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  cairo_status_t status;
  Sink sink = { -1, 0, NULL, cancellable };
  int saved;

  g_return_val_if_fail (figure != NULL, FALSE);
  g_return_val_if_fail (req != NULL && req->state != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_size (req->width, req->height, format == ELAB_EXPORT_PNG ? req->scale : 1.0, error))
    return FALSE;

  display = g_filename_display_name (path);
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (remove_stale)
    elab_export_remove_stale (dir, base);

  /* Beside the target, so the final rename stays within one file system. */
  tmp = g_strdup_printf ("%s%s.%s" TEMP_INFIX "XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  sink.fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    return fail_errno (error, errno, display);
  /* Marks the temporary as alive for elab_export_remove_stale(). */
  flock (sink.fd, LOCK_EX | LOCK_NB);

  status = render (figure, req, trainer, format, &sink);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      saved = sink.saved_errno;
      g_unlink (tmp);
      close (sink.fd);
      if (saved != 0)
        return fail_errno (error, saved, display);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not draw “%s”: %s", display, cairo_status_to_string (status));
      return FALSE;
    }

  if (fsync (sink.fd) != 0 && errno != EINVAL && errno != EROFS)
    {
      saved = errno;
      g_unlink (tmp);
      close (sink.fd);
      return fail_errno (error, saved, display);
    }
  /* The last moment a signal can still leave the old file in place. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_unlink (tmp);
      close (sink.fd);
      return fail_errno (error, ECANCELED, display);
    }
  if (g_rename (tmp, path) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      close (sink.fd);
      return fail_errno (error, saved, display);
    }
  /* Closed after the rename, so the lock covers the temporary's whole
   * life; the data are already on disk (fsync above). */
  if (close (sink.fd) != 0)
    {
      saved = errno;
      g_unlink (path);
      return fail_errno (error, saved, display);
    }

  return TRUE;
}

/**
 * elab_export_figure_full:
 * Draws @figure at @req's width × height figure units into @path as PNG
 * (pixel size × @req's scale), SVG or PDF. The bytes go to
 * ".NAME.elab-tmp-XXXXXX" in the same directory, which is renamed over
 * @path only once complete, so a failure (bad size, unwritable
 * directory, full disk) or a cancel (G_IO_ERROR_CANCELLED, checked
 * between writes) leaves neither @path's new content nor a temporary
 * file behind; an older file at @path stays as it was. Stale temporaries of @path from a killed export are removed
 * first. Errors name the path.
 */
gboolean
elab_export_figure_full (ElabFigure              *figure,
                         const ElabExportRequest *req,
                         const ElabTrainer       *trainer,
                         ElabExportFormat         format,
                         const char              *path,
                         GCancellable            *cancellable,
                         GError                 **error)
{
  return _elab_export_figure (figure, req, trainer, format, path, TRUE, cancellable, error);
}

/**
 * elab_export_figure:
 * elab_export_figure_full() without a cancellable.
 */
gboolean
elab_export_figure (ElabFigure              *figure,
                    const ElabExportRequest *req,
                    const ElabTrainer       *trainer,
                    ElabExportFormat         format,
                    const char              *path,
                    GError                 **error)
{
  return _elab_export_figure (figure, req, trainer, format, path, TRUE, NULL, error);
}

/**
 * elab_export_png_bytes:
 * The figure as PNG bytes in memory (for the clipboard); NULL when the
 * size or scale is out of range or drawing fails.
 */
GBytes *
elab_export_png_bytes (ElabFigure              *figure,
                       const ElabExportRequest *req,
                       const ElabTrainer       *trainer)
{
  Sink sink = { -1, 0, NULL, NULL };
  cairo_status_t status;

  g_return_val_if_fail (figure != NULL, NULL);
  g_return_val_if_fail (req != NULL && req->state != NULL, NULL);

  if (!check_size (req->width, req->height, req->scale, NULL))
    return NULL;

  sink.bytes = g_byte_array_new ();
  status = render (figure, req, trainer, ELAB_EXPORT_PNG, &sink);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (sink.bytes);
      return NULL;
    }
  return g_byte_array_free_to_bytes (sink.bytes);
}
