/* elab-png.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A Cairo image surface as PNG bytes through libpng, with settings chosen
 * for speed: a slide is written in a fraction of the time Cairo's own
 * writer (libpng's defaults) takes, for a slightly larger file.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Writes @surface (an ARGB32 or RGB24 image surface, flushed) as an
 * 8-bit PNG to @write_func: RGB when every pixel is opaque, otherwise
 * RGBA un-premultiplied exactly as cairo_surface_write_to_png() does, so
 * a decoder sees the same pixels as from Cairo's writer. Returns the
 * status @write_func returned first, or CAIRO_STATUS_NO_MEMORY /
 * CAIRO_STATUS_INVALID_FORMAT. */
cairo_status_t  elab_png_write (cairo_surface_t    *surface,
                                cairo_write_func_t  write_func,
                                void               *closure);

G_END_DECLS
