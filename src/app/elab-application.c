/* elab-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "elab-application"

#include "elab-config.h"

#include "elab-application.h"
#include "elab-debug.h"
#include "elab-presets.h"
#include "elab-scenario.h"
#include "elab-window.h"
#include "elab-window-scenes.h"

struct _ElabApplication
{
  AdwApplication parent_instance;

  char          *preset;
  ElabScenario  *scenario;

  /* Borrowed: the open Shortcuts window, if any (a weak pointer). */
  GtkWindow     *shortcuts;
};

G_DEFINE_FINAL_TYPE (ElabApplication, elab_application, ADW_TYPE_APPLICATION)

static void
elab_application_activate (GApplication *app)
{
  ElabApplication *self = ELAB_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  elab_debug_trace ("activate");

  if (window == NULL)
    {
      ElabWindow *win = elab_window_new (GTK_APPLICATION (app));

      if (self->preset != NULL)
        {
          ElabDocument *document = elab_window_get_document (win);
          ElabState state = *elab_document_get_state (document);

          /* Checked in handle_local_options, so this cannot fail. */
          elab_presets_apply (self->preset, &state);
          elab_document_set_state (document, &state);
        }
      /* A scenario is a whole state: it wins over a preset. Its scenes
       * are what Page Down steps through. (The window shows the page of
       * either, as it follows the document's.) */
      if (self->scenario != NULL)
        elab_window_open_scenario (win, g_steal_pointer (&self->scenario));
      window = GTK_WINDOW (win);
    }

  elab_debug_trace ("present0");
  gtk_window_present (window);
  elab_debug_trace ("present1");
}

static int
elab_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  ElabApplication *self = ELAB_APPLICATION (app);
  const char *preset = NULL;
  const char *scenario = NULL;

  if (g_variant_dict_lookup (options, "preset", "&s", &preset))
    {
      if (elab_presets_lookup (preset) == NULL)
        {
          g_printerr ("entropy-lab: error: unknown preset '%s' (see `entropy-lab presets`)\n", preset);
          return 2;
        }
      g_free (self->preset);
      self->preset = g_strdup (preset);
    }

  if (g_variant_dict_lookup (options, "scenario", "^&ay", &scenario))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ElabScenario) loaded = elab_scenario_load_file (scenario, &error);

      if (loaded == NULL)
        {
          g_printerr ("entropy-lab: error: %s\n", error->message);
          return 1;
        }
      g_clear_pointer (&self->scenario, elab_scenario_free);
      self->scenario = g_steal_pointer (&loaded);
    }

  return G_APPLICATION_CLASS (elab_application_parent_class)->handle_local_options (app, options);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Save through the normal close path so the state comes back. Closing
   * a window takes it out of the application's list, so walk a copy that
   * holds each window alive. */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (ELAB_IS_WINDOW (l->data))
      g_ptr_array_add (windows, g_object_ref (l->data));
  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));

  g_application_quit (G_APPLICATION (app));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Entropy Lab authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", "Entropy Lab",
                        "application-icon", ELAB_APP_ID,
                        "version", ELAB_VERSION,
                        "developer-name", "The Entropy Lab authors",
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", "Entropy, cross-entropy and softmax with plots that follow every slider.",
                        "website", "https://github.com/entropylab/entropy-lab",
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), "Data sets",
                                       (const char *[]) {
                                         "Challenger O-ring data: Dalal, Fowlkes and Hoadley, JASA 1989",
                                         "Iris: R. A. Fisher, 1936",
                                         NULL });
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  ElabApplication *self = ELAB_APPLICATION (user_data);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *window;

  /* One Shortcuts window: F1 again raises it rather than stack a copy. */
  if (self->shortcuts != NULL)
    {
      GtkWindow *active = gtk_application_get_active_window (app);

      if (active != NULL && active != self->shortcuts)
        gtk_window_set_transient_for (self->shortcuts, active);
      gtk_window_present (self->shortcuts);
      return;
    }

  builder = gtk_builder_new_from_resource ("/io/github/entropylab/EntropyLab/ui/elab-shortcuts.ui");
  window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (window, gtk_application_get_active_window (app));
  gtk_window_set_application (window, app);
  self->shortcuts = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->shortcuts);
  gtk_window_present (window);
}

/* GTK 4.8 reads the icon theme in a thread as the display opens, but
 * libadwaita's start-up then adds its own icons, and the theme was read
 * again on the main thread at the window's first icon. Read here, in a
 * thread, it is read while the window is being built; where the theme is
 * already read this is one lookup. */
static void
read_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  gtk_icon_theme_has_icon (GTK_ICON_THEME (source_object), "elab-entropy-symbolic");
  g_task_return_boolean (task, TRUE);
}

static void
elab_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { .name = "quit", .activate = quit_activated },
    { .name = "about", .activate = about_activated },
    { .name = "shortcuts", .activate = shortcuts_activated },
  };
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.shortcuts", { "F1", "<Control>question", NULL } },
    { "win.export", { "<Control>e", NULL } },
  };
  g_autoptr(GTask) task = NULL;

  elab_debug_trace ("startup0");
  G_APPLICATION_CLASS (elab_application_parent_class)->startup (app);
  elab_debug_trace ("startup1");

  task = g_task_new (gtk_icon_theme_get_for_display (gdk_display_get_default ()), NULL, NULL, NULL);
  g_task_run_in_thread (task, read_icon_theme_thread);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
elab_application_finalize (GObject *object)
{
  ElabApplication *self = ELAB_APPLICATION (object);

  g_free (self->preset);
  g_clear_pointer (&self->scenario, elab_scenario_free);

  g_clear_weak_pointer (&self->shortcuts);

  G_OBJECT_CLASS (elab_application_parent_class)->finalize (object);
}

static void
elab_application_class_init (ElabApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = elab_application_finalize;

  app_class->activate = elab_application_activate;
  app_class->startup = elab_application_startup;
  app_class->handle_local_options = elab_application_handle_local_options;
}

static void
elab_application_init (ElabApplication *self)
{
  static const GOptionEntry options[] = {
    { "preset", 0, 0, G_OPTION_ARG_STRING, NULL,
      "Open with a named preset (see `entropy-lab presets`)", "NAME" },
    { "scenario", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "Open a scenario file", "FILE" },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), "[SUBCOMMAND …]");
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            "Without a subcommand, opens the window. Subcommands run "
                                            "headless: curves, softmax, train, export, handout, presets, datasets.");
}

ElabApplication *
elab_application_new (void)
{
  return g_object_new (ELAB_TYPE_APPLICATION,
                       "application-id", ELAB_APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}
