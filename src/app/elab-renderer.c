/* elab-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK draws with OpenGL by default. Where OpenGL has no GPU behind it
 * (Mesa's llvmpipe: a virtual machine without a GPU, Xvfb, Xvnc) that is
 * the slowest way to fill the screen: a slider drag at 1920×1080 took a
 * median 165 ms per frame with the GL renderer on llvmpipe and 8 ms with
 * the Cairo renderer on the same machine, and the window appeared 300 ms
 * later. So when OpenGL could only be software, the window uses the Cairo
 * renderer, and GDK is told not to set up OpenGL at all (GTK 4.8 does it
 * when it opens an X display, to pick a visual, even for the Cairo
 * renderer). GSK_RENDERER or GDK_DEBUG, when the user sets them, win.
 */
#define G_LOG_DOMAIN "elab-renderer"

#include "elab-config.h"

#if ELAB_HAVE_X11
# include <X11/Xlib.h>
#endif

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

/* An X server without DRI3 or DRI2 (Xvfb, Xvnc) cannot give a client
 * direct rendering: GLX falls back to software. NVIDIA's own driver
 * renders directly through its NV-GLX extension instead. */
static gboolean
x_server_has_dri (const char *display_name)
{
#if ELAB_HAVE_X11
  Display *display = XOpenDisplay (display_name);
  int opcode, event, error;
  gboolean dri;

  if (display == NULL)
    return TRUE;   /* GTK will say what is wrong; assume nothing */
  dri = XQueryExtension (display, "DRI3", &opcode, &event, &error)
        || XQueryExtension (display, "DRI2", &opcode, &event, &error)
        || XQueryExtension (display, "NV-GLX", &opcode, &event, &error);
  XCloseDisplay (display);
  return dri;
#else
  return TRUE;
#endif
}

static gboolean
backend_is_x11 (void)
{
  const char *backend = g_getenv ("GDK_BACKEND");

  if (g_getenv ("DISPLAY") == NULL)
    return FALSE;
  if (backend != NULL && backend[0] != '\0' && backend[0] != '*')
    return g_str_has_prefix (backend, "x11");
  return g_getenv ("WAYLAND_DISPLAY") == NULL;
}

const char *
elab_renderer_software_gl_reason (void)
{
  if (env_is_true ("LIBGL_ALWAYS_SOFTWARE"))
    return "LIBGL_ALWAYS_SOFTWARE is set";
  if (!have_gpu_device ())
    return "no GPU render node in /dev/dri";
  if (backend_is_x11 () && !x_server_has_dri (g_getenv ("DISPLAY")))
    return "the X server offers no direct rendering (DRI3/DRI2)";
  return NULL;
}

void
elab_renderer_choose (void)
{
  const char *reason;

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  reason = elab_renderer_software_gl_reason ();
  if (reason == NULL)
    return;

  /* Before GTK starts: no other thread can be reading the environment. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_debug ("Cairo renderer: %s", reason);
}
