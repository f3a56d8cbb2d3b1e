/* test-png.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fast PNG writer gives a decoder the same pixels as Cairo's own
 * writer, opaque and transparent, and passes a write error on.
 */

#include "elab-png.h"
#include "elab-figure.h"

#include <string.h>

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
fail_cb (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_WRITE_ERROR;
}

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         pos;
} Reader;

static cairo_status_t
read_cb (void          *closure,
         unsigned char *data,
         unsigned int   length)
{
  Reader *r = closure;

  if (r->len - r->pos < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, r->data + r->pos, length);
  r->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode (GByteArray *bytes)
{
  Reader r = { bytes->data, bytes->len, 0 };
  cairo_surface_t *s = cairo_image_surface_create_from_png_stream (read_cb, &r);

  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (s);
  return s;
}

static cairo_surface_t *
draw (gboolean transparent)
{
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  ElabFigure *figure = elab_figure_new (ELAB_FIGURE_CROSS_ENTROPY);
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 480, 270);
  ElabState state;
  cairo_t *cr;

  elab_state_init_default (&state);
  style.transparent = transparent;
  cr = cairo_create (s);
  elab_figure_draw (figure, cr, 480, 270, &state, NULL, &style);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  elab_figure_free (figure);
  return s;
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int width = cairo_image_surface_get_width (a);

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  /* Cairo decodes an RGB file to RGB24, whose unused byte may differ:
   * compare the colour bytes and alpha as ARGB32 values. */
  for (int y = 0; y < height; y++)
    {
      const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
      const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));
      guint32 ma = cairo_image_surface_get_format (a) == CAIRO_FORMAT_RGB24 ? 0xff000000 : 0;
      guint32 mb = cairo_image_surface_get_format (b) == CAIRO_FORMAT_RGB24 ? 0xff000000 : 0;

      for (int x = 0; x < width; x++)
        if ((ra[x] | ma) != (rb[x] | mb))
          g_error ("pixel %d,%d: %08x against Cairo's %08x", x, y, ra[x] | ma, rb[x] | mb);
    }
}

static void
check (gboolean transparent)
{
  g_autoptr(GByteArray) ours = g_byte_array_new ();
  g_autoptr(GByteArray) cairos = g_byte_array_new ();
  cairo_surface_t *s = draw (transparent);
  cairo_surface_t *a, *b;

  g_assert_cmpint (elab_png_write (s, append_cb, ours), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_write_to_png_stream (s, append_cb, cairos), ==, CAIRO_STATUS_SUCCESS);
  /* IHDR colour type: 2 = RGB for an opaque figure, 6 = RGBA. */
  g_assert_cmpuint (ours->data[25], ==, transparent ? 6 : 2);

  a = decode (ours);
  b = decode (cairos);
  assert_same_pixels (a, b);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  cairo_surface_destroy (s);
}

static void
test_opaque (void)
{
  check (FALSE);
}

static void
test_transparent (void)
{
  check (TRUE);
}

static void
test_write_error (void)
{
  cairo_surface_t *s = draw (FALSE);

  g_assert_cmpint (elab_png_write (s, fail_cb, NULL), ==, CAIRO_STATUS_WRITE_ERROR);
  cairo_surface_destroy (s);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/plot/Png/opaque", test_opaque);
  g_test_add_func ("/elab/plot/Png/transparent", test_transparent);
  g_test_add_func ("/elab/plot/Png/write-error", test_write_error);

  return g_test_run ();
}
