/* elab-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "elab-application"

#include "elab-config.h"

#include "elab-application.h"

struct _ElabApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (ElabApplication, elab_application, ADW_TYPE_APPLICATION)

static void
elab_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (app)));
      gtk_window_set_title (window, "Entropy Lab");
      gtk_window_set_default_size (window, 1280, 800);
    }

  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
elab_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { .name = "quit", .activate = quit_activated },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (elab_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
elab_application_class_init (ElabApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = elab_application_activate;
  app_class->startup = elab_application_startup;
}

static void
elab_application_init (ElabApplication *self)
{
}

ElabApplication *
elab_application_new (void)
{
  return g_object_new (ELAB_TYPE_APPLICATION,
                       "application-id", ELAB_APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}
