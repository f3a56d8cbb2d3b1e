/* bare-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The start-up baseline: a bare libadwaita application, an AdwApplication
 * showing an AdwApplicationWindow with a header bar and one label (the
 * bones of GNOME Builder's libadwaita template), at Entropy Lab's
 * default size and timed to its first painted frame exactly as entropy-lab
 * times itself (ELAB_STARTUP_T0_NS, after-paint).
 */
#include <adwaita.h>

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  const char *t0 = g_getenv ("ELAB_STARTUP_T0_NS");

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
  if (t0 != NULL)
    g_print ("startup-ms %.1f\n", (g_get_real_time () * 1000.0 - g_ascii_strtod (t0, NULL)) / 1e6);
  g_application_quit (G_APPLICATION (user_data));
}

static void
map_cb (GtkWidget *window,
        gpointer   app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), app);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Hello, World!");

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.entropylab.Bare",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
