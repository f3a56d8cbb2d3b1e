/* test-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "elab-export.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  char       *dir;
  ElabFigure *figure;
  ElabState   state;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("elab-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->figure = elab_figure_new (ELAB_FIGURE_CROSS_ENTROPY);
  elab_state_init_default (&f->state);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d))
    n++;
  return n;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  elab_figure_free (f->figure);
}

static void
test_format_from_path (void)
{
  ElabExportFormat format;

  g_assert_true (elab_export_format_from_path ("a.png", &format));
  g_assert_cmpint (format, ==, ELAB_EXPORT_PNG);
  g_assert_true (elab_export_format_from_path ("/x/y.SVG", &format));
  g_assert_cmpint (format, ==, ELAB_EXPORT_SVG);
  g_assert_true (elab_export_format_from_path ("fig.Pdf", &format));
  g_assert_cmpint (format, ==, ELAB_EXPORT_PDF);
  g_assert_false (elab_export_format_from_path ("fig.jpg", &format));
  g_assert_false (elab_export_format_from_path ("png", &format));
  g_assert_false (elab_export_format_from_path (".png", &format));
  g_assert_false (elab_export_format_from_path ("dir.png/fig", &format));
}

static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "fig.png", NULL);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *s;

  g_assert_true (elab_export_figure (f->figure, &(ElabExportRequest) { &f->state, &style, 320, 200, 2.0 },
                                     NULL, ELAB_EXPORT_PNG, path, &error));
  g_assert_no_error (error);

  s = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (s), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (s), ==, 400);
  /* The light theme's white, fully opaque. */
  cairo_surface_flush (s);
  g_assert_cmphex (*(guint32 *) cairo_image_surface_get_data (s), ==, 0xffffffff);
  cairo_surface_destroy (s);
  /* Nothing else left in the directory: the temporary file was renamed. */
  g_assert_cmpuint (count_entries (f->dir), ==, 1);
}

static void
test_transparent (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "t.png", NULL);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *s;
  const guint8 *px;
  int stride;

  style.transparent = TRUE;
  g_assert_true (elab_export_figure (f->figure, &(ElabExportRequest) { &f->state, &style, 300, 200, 1.0 },
                                     NULL, ELAB_EXPORT_PNG, path, &error));
  g_assert_no_error (error);
  s = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (s);
  px = cairo_image_surface_get_data (s);
  stride = cairo_image_surface_get_stride (s);
  g_assert_cmphex (((const guint32 *) px)[0] >> 24, ==, 0);
  g_assert_cmphex (((const guint32 *) (px + 199 * stride))[299] >> 24, ==, 0);
  cairo_surface_destroy (s);
}

static void
check_prefix (const char *path,
              const char *prefix,
              const char *contains)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (contents, prefix));
  if (contains)
    g_assert_nonnull (memmem (contents, len, contains, strlen (contains)));
}

static void
test_svg (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "fig.svg", NULL);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (elab_export_figure (f->figure, &(ElabExportRequest) { &f->state, &style, 1024, 768, 3.0 },
                                     NULL, ELAB_EXPORT_SVG, path, &error));
  g_assert_no_error (error);
  check_prefix (path, "<?xml", "<svg");
  check_prefix (path, "<?xml", "viewBox=\"0 0 1024 768\"");
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "fig.pdf", NULL);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (elab_export_figure (f->figure, &(ElabExportRequest) { &f->state, &style, 1920, 1080, 1.0 },
                                     NULL, ELAB_EXPORT_PDF, path, &error));
  g_assert_no_error (error);
  check_prefix (path, "%PDF-", "%%EOF");
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "no-such-dir", "fig.png", NULL);
  g_autofree char *subdir = g_build_filename (f->dir, "sub", NULL);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  g_autoptr(GError) error = NULL;

  /* The directory does not exist: no temporary file can be made. */
  g_assert_false (elab_export_figure (f->figure, &(ElabExportRequest) { &f->state, &style, 320, 200, 1.0 },
                                      NULL, ELAB_EXPORT_PNG, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_cmpuint (count_entries (f->dir), ==, 0);
  g_clear_error (&error);

  /* The target is a directory: the file is written, the rename fails,
   * and the temporary file must not be left behind (this holds even when
   * the tests run as root, unlike a read-only directory). */
  g_assert_cmpint (g_mkdir (subdir, 0755), ==, 0);
  for (ElabExportFormat format = ELAB_EXPORT_PNG; format <= ELAB_EXPORT_PDF; format++)
    {
      g_assert_false (elab_export_figure (f->figure, &(ElabExportRequest) { &f->state, &style, 320, 200, 1.0 },
                                          NULL, format, subdir, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
      g_assert_nonnull (strstr (error->message, subdir));
      g_clear_error (&error);
      g_assert_cmpuint (count_entries (f->dir), ==, 1);
      g_assert_true (g_file_test (subdir, G_FILE_TEST_IS_DIR));
    }
}

static void
test_bad_size (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "fig.png", NULL);
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  static const struct { int w, h; double scale; } cases[] = {
    { 0, 100, 1 }, { 100, -1, 1 }, { ELAB_EXPORT_MAX_PX + 1, 100, 1 },
    { 100, ELAB_EXPORT_MAX_PX + 1, 1 }, { 100, 100, 0 }, { 100, 100, -2 },
    { 100, 100, NAN }, { 10000, 100, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (elab_export_figure (f->figure,
                                          &(ElabExportRequest) { &f->state, &style, cases[i].w, cases[i].h, cases[i].scale },
                                          NULL, ELAB_EXPORT_PNG, path, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_null (elab_export_png_bytes (f->figure,
                                            &(ElabExportRequest) { &f->state, &style, cases[i].w, cases[i].h, cases[i].scale },
                                            NULL));
    }
  g_assert_cmpuint (count_entries (f->dir), ==, 0);
}

static void
test_png_bytes (Fixture       *f,
                gconstpointer  data)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const guint8 *data_ptr;

  bytes = elab_export_png_bytes (f->figure, &(ElabExportRequest) { &f->state, &style, 200, 100, 1.5 }, NULL);
  g_assert_nonnull (bytes);
  data_ptr = g_bytes_get_data (bytes, &len);
  g_assert_cmpuint (len, >, 100);
  g_assert_cmpmem (data_ptr, 8, signature, 8);
  /* IHDR width and height, big-endian, right after the signature. */
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data_ptr + 16)), ==, 300);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data_ptr + 20)), ==, 150);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/plot/Export/format-from-path", test_format_from_path);
#define ADD(path, func) g_test_add ("/elab/plot/Export/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("png", test_png);
  ADD ("transparent", test_transparent);
  ADD ("svg", test_svg);
  ADD ("pdf", test_pdf);
  ADD ("unwritable", test_unwritable);
  ADD ("bad-size", test_bad_size);
  ADD ("png-bytes", test_png_bytes);
#undef ADD

  return g_test_run ();
}
