/* test-last-state.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The last state, saved as a scenario file in the user's state directory:
 * every parameter comes back at the next start, a bad value costs only
 * itself, and a file that cannot be read is kept aside, never overwritten.
 */
#include "elab-config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "elab-application.h"
#include "elab-params.h"
#include "elab-scenario.h"
#include "elab-settings.h"
#include "elab-window.h"

#include "app-test-util.h"

/* A value of @param's own kind next to its default, inside its range. */
static void
change_param (const ElabParam *param,
              ElabState       *state)
{
  double v = elab_param_get_number (param, -1, state);
  double next;

  switch (param->type)
    {
    case ELAB_PARAM_DOUBLE:
    case ELAB_PARAM_UINT:
      next = v + (param->type == ELAB_PARAM_UINT ? 1 : 0.125);
      if (!elab_param_set_number (param, -1, next, state, NULL))
        g_assert_true (elab_param_set_number (param, -1, 2 * v - next, state, NULL));
      break;
    case ELAB_PARAM_BOOL:
      g_assert_true (elab_param_set_number (param, -1, v == 0, state, NULL));
      break;
    case ELAB_PARAM_ENUM:
      g_assert_true (elab_param_set_number (param, -1, param->to_string ((int) v + 1) ? v + 1 : 0,
                                            state, NULL));
      break;
    case ELAB_PARAM_STRING:
    case ELAB_PARAM_LIST:
    default:
      break;   /* below, by name: they have rules of their own */
    }
}

/* A state in which every parameter differs from its default: the numbers,
 * switches and choices through the table, so a new one needs nothing
 * here; the lists and texts by hand. */
static void
init_all_changed (ElabState *state)
{
  ElabState defaults;
  const ElabParam *params;
  guint n_params = 0;

  elab_state_init_default (&defaults);
  *state = defaults;

  params = elab_params (&n_params);
  for (guint i = 0; i < n_params; i++)
    change_param (&params[i], state);

  state->k = 4;
  state->logits[0] = 0.5;
  state->logits[1] = -1;
  state->logits[2] = 3;
  state->logits[3] = 0.25;
  state->target[0] = 0.25;
  state->target[1] = 0.25;
  state->target[2] = 0.5;
  state->target[3] = 0;
  /* A built-in, so the restarted window's Training page keeps it. */
  g_strlcpy (state->dataset, "hours-studied", sizeof state->dataset);
  g_strlcpy (state->x_column, "hours studied", sizeof state->x_column);
  g_strlcpy (state->y_column, "passed", sizeof state->y_column);
  g_strlcpy (state->positive, "1", sizeof state->positive);

  g_assert_true (elab_state_validate (state, NULL));

  /* The test proves something only if no parameter is left at its
   * default, including one added after this test was written. */
  for (guint i = 0; i < n_params; i++)
    if (elab_param_equal (&params[i], state, &defaults))
      g_error ("%s: set it in init_all_changed()", params[i].name);
}

static char *
state_path (void)
{
  g_autoptr(ElabSettings) settings = elab_settings_new ();

  return g_strdup (elab_settings_get_state_path (settings));
}

static void
remove_state_files (void)
{
  g_autofree char *path = state_path ();
  g_autofree char *dir_path = g_path_get_dirname (path);
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir_path, name, NULL);

      g_remove (file);
    }
  g_dir_close (dir);
}

static void
test_round_trip (void)
{
  g_autoptr(ElabSettings) settings = NULL;
  g_autoptr(ElabScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  ElabState state, loaded;

  remove_state_files ();
  init_all_changed (&state);

  settings = elab_settings_new ();
  elab_settings_save_lesson (settings, &state, NULL);
  g_clear_pointer (&settings, elab_settings_free);

  /* A scenario file like any other: the strict reader takes it. */
  settings = elab_settings_new ();
  scenario = elab_scenario_load_file (elab_settings_get_state_path (settings), &error);
  g_assert_no_error (error);
  g_assert_true (elab_state_equal (&scenario->state, &state));

  elab_state_init_default (&loaded);
  g_assert_null (elab_settings_load_lesson (settings, &loaded));
  g_assert_true (elab_state_equal (&loaded, &state));
}

static void
replace_line (GString    *text,
              const char *key,
              const char *line)
{
  g_autofree char *start_text = g_strconcat ("\n", key, "=", NULL);
  const char *start = strstr (text->str, start_text);
  const char *end;

  g_assert_nonnull (start);
  start++;
  end = strchr (start, '\n');
  g_string_erase (text, start - text->str, end - start);
  g_string_insert (text, start - text->str, line);
}

static void
test_bad_value (void)
{
  g_autoptr(ElabSettings) settings = elab_settings_new ();
  g_autofree char *data = NULL;
  g_autoptr(GString) text = NULL;
  ElabState state, defaults, loaded;

  remove_state_files ();
  init_all_changed (&state);
  elab_state_init_default (&defaults);
  elab_settings_save_lesson (settings, &state, NULL);

  g_assert_true (g_file_get_contents (elab_settings_get_state_path (settings), &data, NULL, NULL));
  text = g_string_new (data);
  replace_line (text, "temperature", "temperature=-1");
  g_assert_true (g_file_set_contents (elab_settings_get_state_path (settings), text->str, -1, NULL));

  /* One message, naming the key; every other value is kept. */
  g_test_expect_message ("elab-settings", G_LOG_LEVEL_MESSAGE, "*temperature*-1*default*");
  elab_state_init_default (&loaded);
  g_assert_null (elab_settings_load_lesson (settings, &loaded));
  g_test_assert_expected_messages ();

  g_assert_cmpfloat (loaded.temperature, ==, defaults.temperature);
  loaded.temperature = state.temperature;
  g_assert_true (elab_state_equal (&loaded, &state));

  /* Two bad values: two messages, two defaults. */
  replace_line (text, "temperature", "temperature=0.7");
  replace_line (text, "steps", "steps=4294967295");
  replace_line (text, "p-theta", "p-theta=nan");
  g_assert_true (g_file_set_contents (elab_settings_get_state_path (settings), text->str, -1, NULL));
  g_test_expect_message ("elab-settings", G_LOG_LEVEL_MESSAGE, "*p-theta*");
  g_test_expect_message ("elab-settings", G_LOG_LEVEL_MESSAGE, "*steps*");
  g_assert_null (elab_settings_load_lesson (settings, &loaded));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (loaded.steps, ==, defaults.steps);
  g_assert_cmpfloat (loaded.p.theta, ==, defaults.p.theta);
  g_assert_cmpfloat (loaded.temperature, ==, 0.7);
  g_assert_cmpfloat (loaded.q.theta, ==, state.q.theta);
}

static void
test_unreadable_moved_aside (void)
{
  g_autoptr(ElabSettings) settings = elab_settings_new ();
  const char *path = elab_settings_get_state_path (settings);
  g_autofree char *backup = g_strconcat (path, ".bad", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  static const char garbage[] = "\x7f" "ELF\x02\x01 not a scenario\n[";
  g_autofree char *kept = NULL;
  gsize kept_len = 0;
  ElabState state, loaded, defaults;
  guint n_backups = 0;
  GDir *listing;
  const char *name;

  remove_state_files ();
  elab_state_init_default (&defaults);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage - 1, NULL));

  g_test_expect_message ("elab-settings", G_LOG_LEVEL_MESSAGE, "*could not be read*last.elab.bad*");
  elab_state_init_default (&loaded);
  g_assert_null (elab_settings_load_lesson (settings, &loaded));
  g_test_assert_expected_messages ();
  g_assert_true (elab_state_equal (&loaded, &defaults));

  /* Kept byte for byte next to where it was; the next save writes a new
   * file and leaves the backup alone. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (backup, &kept, &kept_len, NULL));
  g_assert_cmpmem (kept, kept_len, garbage, sizeof garbage - 1);

  init_all_changed (&state);
  elab_settings_save_lesson (settings, &state, NULL);
  g_assert_null (elab_settings_load_lesson (settings, &loaded));
  g_assert_true (elab_state_equal (&loaded, &state));
  g_clear_pointer (&kept, g_free);
  g_assert_true (g_file_get_contents (backup, &kept, &kept_len, NULL));
  g_assert_cmpmem (kept, kept_len, garbage, sizeof garbage - 1);

  /* A second unreadable file does not overwrite the first backup. */
  g_assert_true (g_file_set_contents (path, "[state]\npage=entropy\n\x01\x02", -1, NULL));
  g_test_expect_message ("elab-settings", G_LOG_LEVEL_MESSAGE, "*could not be read*last.elab.bad-*");
  g_assert_null (elab_settings_load_lesson (settings, &loaded));
  g_test_assert_expected_messages ();
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    n_backups += g_str_has_prefix (name, "last.elab.bad");
  g_dir_close (listing);
  g_assert_cmpuint (n_backups, ==, 2);
}

static ElabApplication *
get_app (void)
{
  static ElabApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = elab_application_new ();
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
    }
  return app;
}

static void
close_window (GtkWidget *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Every parameter set in one window comes back in the next. */
static void
test_restart (void)
{
  ElabApplication *app = get_app ();
  ElabWindow *window;
  ElabState state;

  remove_state_files ();
  init_all_changed (&state);

  window = elab_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  elab_document_set_state (elab_window_get_document (window), &state);
  close_window (GTK_WIDGET (window));

  window = elab_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (elab_state_equal (elab_document_get_state (elab_window_get_document (window)),
                                   &state));
  close_window (GTK_WIDGET (window));
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv);

  g_test_add_func ("/elab/app/LastState/round-trip", test_round_trip);
  g_test_add_func ("/elab/app/LastState/bad-value", test_bad_value);
  g_test_add_func ("/elab/app/LastState/unreadable-moved-aside", test_unreadable_moved_aside);
  g_test_add_func ("/elab/app/LastState/restart", test_restart);

  return g_test_run ();
}
