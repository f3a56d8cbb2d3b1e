/* elab-png.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PNG through libpng with speed settings. A figure is mostly flat colour
 * with antialiased edges, and zlib's plain matching already finds its
 * redundancy (a flat row repeats the row above, 5,760 bytes back for a
 * 1920-pixel row, well inside the 32 KiB window). libpng's defaults, as
 * Cairo's writer uses them (level 6, all five filters tried on every row),
 * spend most of an export's time for a file only a little smaller.
 *
 * Level 3 without filters: the Sub and Up filters and zlib's run-length
 * strategy each made the file both slower to write and larger here.
 */
#include "elab-png.h"

#include <png.h>
#include <setjmp.h>
#include <string.h>
#include <zlib.h>

#define COMPRESSION_LEVEL 3

typedef struct
{
  cairo_write_func_t write_func;
  void              *closure;
  cairo_status_t     status;
} Writer;

static void
write_cb (png_structp  png,
          png_bytep    data,
          png_size_t   length)
{
  Writer *writer = png_get_io_ptr (png);

  while (length > 0)
    {
      /* Cairo's write functions take an unsigned int length. */
      unsigned int chunk = length > G_MAXUINT ? G_MAXUINT : (unsigned int) length;

      writer->status = writer->write_func (writer->closure, data, chunk);
      if (writer->status != CAIRO_STATUS_SUCCESS)
        png_error (png, "write failed");
      data += chunk;
      length -= chunk;
    }
}

static void
flush_cb (png_structp png)
{
}

static void
error_cb (png_structp     png,
          png_const_charp message)
{
  png_longjmp (png, 1);
}

static void
warning_cb (png_structp     png,
            png_const_charp message)
{
}

static gboolean
is_opaque (const unsigned char *data,
           int                  width,
           int                  height,
           int                  stride)
{
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if ((row[x] >> 24) != 0xff)
          return FALSE;
    }
  return TRUE;
}

/* A row of Cairo's premultiplied pixels as the PNG's RGB (@opaque) or
 * RGBA bytes, un-premultiplied as Cairo's own writer does (cairo-png.c),
 * so the pixels a decoder sees are those of cairo_surface_write_to_png().
 * An opaque pixel is its own colour; RGB24 leaves its alpha byte unset. */
static void
row_to_png (const guint32 *in,
            guint8        *out,
            int            width,
            gboolean       opaque)
{
  for (int x = 0; x < width; x++)
    {
      guint32 pixel = in[x];
      guint alpha = opaque ? 0xff : pixel >> 24;

      if (alpha == 0xff)
        {
          out[0] = (guint8) (pixel >> 16);
          out[1] = (guint8) (pixel >> 8);
          out[2] = (guint8) pixel;
        }
      else if (alpha == 0)
        {
          out[0] = out[1] = out[2] = 0;
        }
      else
        {
          out[0] = (guint8) ((((pixel >> 16) & 0xff) * 255 + alpha / 2) / alpha);
          out[1] = (guint8) ((((pixel >> 8) & 0xff) * 255 + alpha / 2) / alpha);
          out[2] = (guint8) (((pixel & 0xff) * 255 + alpha / 2) / alpha);
        }
      if (!opaque)
        out[3] = (guint8) alpha;
      out += opaque ? 3 : 4;
    }
}

cairo_status_t
elab_png_write (cairo_surface_t    *surface,
                cairo_write_func_t  write_func,
                void               *closure)
{
  Writer writer = { write_func, closure, CAIRO_STATUS_SUCCESS };
  const unsigned char *data;
  cairo_format_t format;
  int width, height, stride;
  gboolean opaque;
  png_structp png;
  png_infop info = NULL;
  /* volatile: read after a longjmp out of libpng. */
  guint8 *volatile row = NULL;

  g_return_val_if_fail (surface != NULL && write_func != NULL, CAIRO_STATUS_NULL_POINTER);

  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_IMAGE)
    return CAIRO_STATUS_SURFACE_TYPE_MISMATCH;
  format = cairo_image_surface_get_format (surface);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return CAIRO_STATUS_INVALID_FORMAT;

  data = cairo_image_surface_get_data (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  if (data == NULL || width <= 0 || height <= 0)
    return CAIRO_STATUS_INVALID_SIZE;

  /* An opaque figure needs no alpha channel: a quarter fewer bytes to
   * filter and compress. */
  opaque = format == CAIRO_FORMAT_RGB24 || is_opaque (data, width, height, stride);

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, error_cb, warning_cb);
  if (png == NULL)
    return CAIRO_STATUS_NO_MEMORY;
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      return CAIRO_STATUS_NO_MEMORY;
    }

  if (setjmp (png_jmpbuf (png)))
    {
      g_free (row);
      png_destroy_write_struct (&png, &info);
      return writer.status != CAIRO_STATUS_SUCCESS ? writer.status : CAIRO_STATUS_NO_MEMORY;
    }

  row = g_malloc ((gsize) width * (opaque ? 3 : 4));

  png_set_write_fn (png, &writer, write_cb, flush_cb);
  png_set_compression_level (png, COMPRESSION_LEVEL);
  png_set_compression_strategy (png, Z_DEFAULT_STRATEGY);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  /* Fewer, larger writes to the file. */
  png_set_compression_buffer_size (png, 256 * 1024);
  png_set_IHDR (png, info, (png_uint_32) width, (png_uint_32) height, 8,
                opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
  png_write_info (png, info);

  for (int y = 0; y < height; y++)
    {
      row_to_png ((const guint32 *) (data + (gsize) y * stride), row, width, opaque);
      png_write_row (png, row);
    }

  png_write_end (png, info);
  g_free (row);
  png_destroy_write_struct (&png, &info);
  return writer.status;
}
