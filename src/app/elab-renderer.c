/* elab-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK draws with OpenGL by default. Where OpenGL has no GPU behind it
 * (Mesa's llvmpipe: a virtual machine without a GPU) it is the slowest
 * way to fill the screen, several times slower than GTK's Cairo
 * renderer. GTK 4.14 and later refuse software OpenGL by themselves;
 * before that, the window picks the Cairo renderer when OpenGL could only
 * be software, and GDK is told not to set up OpenGL at all (GTK 4.8 does
 * it when it opens an X display, even for the Cairo renderer).
 * GSK_RENDERER or GDK_DEBUG, when the user sets them, win.
 */
#define G_LOG_DOMAIN "elab-renderer"

#include <gtk/gtk.h>

#include "elab-renderer.h"

/* As Mesa reads it: 1, true, y or yes. */
static gboolean
env_is_true (const char *name)
{
  const char *value = g_getenv (name);

  return value != NULL
         && (g_strcmp0 (value, "1") == 0 || g_ascii_strcasecmp (value, "true") == 0
             || g_ascii_strcasecmp (value, "y") == 0 || g_ascii_strcasecmp (value, "yes") == 0);
}

/* Any GPU driver Mesa can use exposes a DRM render node; NVIDIA's own
 * driver may not, but has its control device. */
static gboolean
have_gpu_device (void)
{
#ifdef __linux__
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test ("/dev/nvidiactl", G_FILE_TEST_EXISTS))
    return TRUE;
  dir = g_dir_open ("/dev/dri", 0, NULL);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;
  return FALSE;
#else
  return TRUE;   /* no way to tell: leave GTK's choice alone */
#endif
}

const char *
elab_renderer_software_gl_reason (guint gtk_major,
                                  guint gtk_minor)
{
  if (gtk_major > 4 || (gtk_major == 4 && gtk_minor >= 14))
    return NULL;
  if (env_is_true ("LIBGL_ALWAYS_SOFTWARE"))
    return "LIBGL_ALWAYS_SOFTWARE is set";
  if (!have_gpu_device ())
    return "no GPU render node in /dev/dri";
  return NULL;
}

void
elab_renderer_choose (void)
{
  const char *reason;

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  /* The GTK the program runs with, which may be newer than the one it
   * was built with; these only read constants, before gtk_init(). */
  reason = elab_renderer_software_gl_reason (gtk_get_major_version (), gtk_get_minor_version ());
  if (reason == NULL)
    return;

  /* Before GTK starts: no other thread can be reading the environment. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_debug ("Cairo renderer: %s", reason);
}
