/* test-settings-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An upgrade: an earlier version kept the lesson in GSettings, under an
 * installed schema that may lack a key this build knows (here loss-scale;
 * GSettings aborts on an unknown key). With no saved file yet, the values
 * a person stored are read once, what the old schema lacks keeps its
 * default, and from then on the lesson is the saved file.
 */
#include "elab-config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "elab-settings.h"

#include "app-test-util.h"

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
  g_autoptr(GSettings) old = NULL;
  ElabSettings *settings;
  ElabState loaded, defaults;
  const double theta[] = { 3.25, 2, 0.5 };
  const guchar enabled[] = { TRUE, FALSE, TRUE };
  const double logits[] = { 0.5, -1, 2, 4, 9, 9, 9, 9 };
  const double target[] = { 0, 0.25, 0.75, 0, 0, 0, 0, 0 };

  elab_state_init_default (&defaults);

  /* What the earlier version left behind. */
  old = g_settings_new (ELAB_APP_ID);
  g_settings_set_string (old, "unit", "nats");
  g_settings_set_value (old, "model-theta",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, theta, 3, sizeof (double)));
  g_settings_set_double (old, "p-bias", -1.5);
  g_settings_set_uint (old, "steps", 77);
  g_settings_set_value (old, "model-enabled", g_variant_new_fixed_array (G_VARIANT_TYPE_BOOLEAN, enabled, 3,
                                                                          sizeof (guchar)));
  /* All eight logits and target values were kept, K apart. */
  g_settings_set_uint (old, "softmax-k", 4);
  g_settings_set_value (old, "logits", g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, logits, 8, sizeof (double)));
  g_settings_set_value (old, "target", g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, target, 8, sizeof (double)));
  g_settings_set_string (old, "optimizer", "momentum");

  settings = elab_settings_new ();
  /* The installed (older) schema is the one in use. */
  g_assert_cmpstr (elab_settings_get_kind (settings), ==, "gsettings");
  g_assert_false (g_file_test (elab_settings_get_state_path (settings), G_FILE_TEST_EXISTS));

  elab_state_init_default (&loaded);
  g_assert_null (elab_settings_load_lesson (settings, &loaded));

  /* What the old schema has comes back; what nobody set, or the old
   * schema lacks, keeps its default. */
  g_assert_cmpint (loaded.unit, ==, ELAB_UNIT_NATS);
  g_assert_cmpfloat (loaded.models[0].theta, ==, 3.25);
  g_assert_cmpfloat (loaded.p.bias, ==, -1.5);
  g_assert_cmpuint (loaded.steps, ==, 77);
  g_assert_true (loaded.model_enabled[0] && !loaded.model_enabled[1] && loaded.model_enabled[2]);
  g_assert_cmpuint (loaded.k, ==, 4);
  g_assert_cmpfloat (loaded.logits[0], ==, 0.5);
  g_assert_cmpfloat (loaded.logits[3], ==, 4);
  g_assert_cmpfloat (loaded.target[2], ==, 0.75);
  g_assert_cmpint (loaded.optimizer, ==, ELAB_OPTIMIZER_MOMENTUM);
  g_assert_cmpfloat (loaded.q.theta, ==, defaults.q.theta);
  g_assert_cmpint (loaded.loss_scale, ==, ELAB_LOSS_SCALE_LINEAR);

  /* Read once: it is now the saved file, which wins from then on. */
  g_assert_true (g_file_test (elab_settings_get_state_path (settings), G_FILE_TEST_EXISTS));
  g_settings_set_string (old, "unit", "bits");
  elab_state_init_default (&loaded);
  g_assert_null (elab_settings_load_lesson (settings, &loaded));
  g_assert_cmpint (loaded.unit, ==, ELAB_UNIT_NATS);
  g_assert_cmpuint (loaded.steps, ==, 77);

  /* The window's own settings still live in GSettings. */
  elab_settings_set_training_speed (settings, 125);
  elab_settings_free (settings);
  g_assert_cmpfloat (g_settings_get_double (old, "training-speed"), ==, 125);
}

/* A fresh install: no file, nothing stored; nothing is written until
 * there is something to keep. */
static void
test_nothing_to_migrate (void)
{
  ElabSettings *settings;
  ElabState loaded, defaults;
  g_autofree char *path = NULL;

  settings = elab_settings_new ();
  path = g_strdup (elab_settings_get_state_path (settings));
  g_remove (path);
  elab_settings_free (settings);

  {
    g_autoptr(GSettings) old = g_settings_new (ELAB_APP_ID);
    const char *keys[] = { "unit", "model-theta", "p-bias", "steps", "model-enabled", "softmax-k", "logits",
                           "target", "optimizer" };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      g_settings_reset (old, keys[i]);
  }

  settings = elab_settings_new ();
  elab_state_init_default (&defaults);
  elab_state_init_default (&loaded);
  g_assert_null (elab_settings_load_lesson (settings, &loaded));
  g_assert_true (elab_state_equal (&loaded, &defaults));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  elab_settings_free (settings);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  isolate_state_dir ();
  g_test_init (&argc, &argv, NULL);

  /* Before anything reads the default schema source. */
  schema_dir = make_old_schema ();
  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_add_func ("/elab/app/Settings/older-installed-schema", test_old_schema);
  g_test_add_func ("/elab/app/Settings/nothing-to-migrate", test_nothing_to_migrate);
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
