/* test-settings-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A newer build next to an older installed schema: the installed schema
 * lacks a key this build knows (here loss-scale). GSettings aborts on an
 * unknown key, so the settings must skip it: the state still loads and
 * saves, and the missing key keeps its default.
 */
#include "elab-config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "elab-settings.h"

static char *schema_dir;

/* Compiles the project's schema without its loss-scale key into a
 * temporary directory: the schema of an older version. */
static char *
make_old_schema (void)
{
  g_autofree char *src = g_build_filename (ELAB_SOURCE_DATADIR, ELAB_APP_ID ".gschema.xml", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *dst = NULL;
  g_autoptr(GError) error = NULL;
  char *dir, *start, *end;
  const char *argv[] = { "glib-compile-schemas", "--strict", NULL, NULL };
  int status;

  g_assert_true (g_file_get_contents (src, &xml, NULL, &error));
  start = strstr (xml, "<key name=\"loss-scale\"");
  g_assert_nonnull (start);
  end = strstr (start, "</key>");
  g_assert_nonnull (end);
  end += strlen ("</key>");
  memmove (start, end, strlen (end) + 1);

  dir = g_dir_make_tmp ("elab-old-schema-XXXXXX", &error);
  g_assert_no_error (error);
  dst = g_build_filename (dir, ELAB_APP_ID ".gschema.xml", NULL);
  g_assert_true (g_file_set_contents (dst, xml, -1, &error));
  argv[2] = dir;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return dir;
}

static void
test_old_schema (void)
{
  ElabSettings *settings;
  ElabState state, loaded;

  elab_state_init_default (&state);
  elab_state_init_default (&loaded);
  settings = elab_settings_new ();
  /* The installed (older) schema is the one in use. */
  g_assert_cmpstr (elab_settings_get_kind (settings), ==, "gsettings");

  state.unit = ELAB_UNIT_NATS;
  state.models[0].theta = 3.25;
  state.loss_scale = ELAB_LOSS_SCALE_LOG;
  elab_settings_save_state (settings, &state);
  elab_settings_load_state (settings, &loaded);
  elab_settings_free (settings);

  /* What the old schema has comes back; what it lacks keeps its default. */
  g_assert_cmpint (loaded.unit, ==, ELAB_UNIT_NATS);
  g_assert_cmpfloat (loaded.models[0].theta, ==, 3.25);
  g_assert_cmpint (loaded.loss_scale, ==, ELAB_LOSS_SCALE_LINEAR);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* Before anything reads the default schema source. */
  schema_dir = make_old_schema ();
  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_add_func ("/elab/app/Settings/older-installed-schema", test_old_schema);
  ret = g_test_run ();

  {
    g_autofree char *compiled = g_build_filename (schema_dir, "gschemas.compiled", NULL);
    g_autofree char *xml = g_build_filename (schema_dir, ELAB_APP_ID ".gschema.xml", NULL);

    g_unlink (compiled);
    g_unlink (xml);
    g_rmdir (schema_dir);
    g_free (schema_dir);
  }
  return ret;
}
