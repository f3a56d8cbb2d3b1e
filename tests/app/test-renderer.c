/* test-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderer choice made before GTK starts: on GTK older than 4.14, the
 * Cairo renderer where OpenGL could only be software; newer GTK chooses
 * by itself; the user's GSK_RENDERER always kept. Each case that changes
 * the environment runs in a subprocess.
 */
#include <string.h>
#include <gtk/gtk.h>

#include "elab-renderer.h"

static void
test_user_choice_wins (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("GSK_RENDERER", "gl", TRUE);
      g_unsetenv ("GDK_DEBUG");
      g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
      elab_renderer_choose ();
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
      g_assert_null (g_getenv ("GDK_DEBUG"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_software_gl_picks_cairo (void)
{
  if (gtk_get_major_version () > 4 || gtk_get_minor_version () >= 14)
    {
      g_test_skip ("GTK 4.14 and later choose their renderer themselves");
      return;
    }
  if (g_test_subprocess ())
    {
      GtkWidget *window;
      GskRenderer *renderer;

      g_unsetenv ("GSK_RENDERER");
      g_unsetenv ("GDK_DEBUG");
      g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
      g_assert_nonnull (strstr (elab_renderer_software_gl_reason (4, 8), "LIBGL_ALWAYS_SOFTWARE"));
      elab_renderer_choose ();
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
      g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");

      /* And GTK takes it: the window really draws with Cairo, and GDK
       * set up no OpenGL (a GL context cannot be made). */
      gtk_init ();
      window = gtk_window_new ();
      gtk_widget_realize (window);
      renderer = gtk_native_get_renderer (GTK_NATIVE (window));
      g_assert_true (GSK_IS_CAIRO_RENDERER (renderer));
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GdkGLContext) context =
          gdk_surface_create_gl_context (gtk_native_get_surface (GTK_NATIVE (window)), &error);

        g_assert_null (context);
        g_assert_nonnull (error);
      }
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_false_values_are_not_software (void)
{
  if (g_test_subprocess ())
    {
      const char *reason;

      static const char *const no[] = { "0", "false", "no", "n", "" };

      /* It may still be software for another reason (this machine may
       * have no GPU), but never because of the variable. */
      for (guint i = 0; i < G_N_ELEMENTS (no); i++)
        {
          g_setenv ("LIBGL_ALWAYS_SOFTWARE", no[i], TRUE);
          reason = elab_renderer_software_gl_reason (4, 8);
          g_assert_true (reason == NULL || strstr (reason, "LIBGL_ALWAYS_SOFTWARE") == NULL);
        }
      g_setenv ("LIBGL_ALWAYS_SOFTWARE", "yes", TRUE);
      g_assert_nonnull (strstr (elab_renderer_software_gl_reason (4, 8), "LIBGL_ALWAYS_SOFTWARE"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_no_gpu_device_is_software (void)
{
  if (!g_file_test ("/dev/dri", G_FILE_TEST_IS_DIR) && !g_file_test ("/dev/nvidiactl", G_FILE_TEST_EXISTS))
    {
      g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");
      g_assert_nonnull (strstr (elab_renderer_software_gl_reason (4, 8), "/dev/dri"));
    }
  else
    g_test_skip ("this machine has a GPU device");
}

/* GTK 4.14 and later refuse software OpenGL themselves: no reason is
 * given for them, whatever the machine, so nothing is changed. */
static void
test_new_gtk_chooses_itself (void)
{
  if (g_test_subprocess ())
    {
      g_unsetenv ("GSK_RENDERER");
      g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
      g_assert_nonnull (elab_renderer_software_gl_reason (4, 13));
      g_assert_null (elab_renderer_software_gl_reason (4, 14));
      g_assert_null (elab_renderer_software_gl_reason (4, 20));
      g_assert_null (elab_renderer_software_gl_reason (5, 0));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/app/Renderer/user-choice-wins", test_user_choice_wins);
  g_test_add_func ("/elab/app/Renderer/software-gl-picks-cairo", test_software_gl_picks_cairo);
  g_test_add_func ("/elab/app/Renderer/false-values", test_false_values_are_not_software);
  g_test_add_func ("/elab/app/Renderer/no-gpu-device", test_no_gpu_device_is_software);
  g_test_add_func ("/elab/app/Renderer/new-gtk-chooses-itself", test_new_gtk_chooses_itself);

  return g_test_run ();
}
