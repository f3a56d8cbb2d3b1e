/* elab-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two kinds of memory. What is about the window (its size, whether it is
 * maximised, the training speed) goes to GSettings, or to a GKeyFile
 * when there is no schema, through the small get/set helpers below. The
 * lesson (every parameter of the state) is a scenario file in the user's
 * state directory, written atomically and read leniently: it holds every
 * parameter by construction, a bad value costs only that value, and a
 * file that cannot be read at all is moved aside, kept, rather than
 * overwritten.
 *
 * Earlier versions kept the lesson in GSettings; those keys stay in the
 * schema (GSettings cannot read a key its schema lacks) and are read once,
 * when there is no saved file yet, so nobody loses their setup.
 */
#define G_LOG_DOMAIN "elab-settings"

#include "elab-config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "elab-params.h"
#include "elab-scenario.h"
#include "elab-settings.h"

#define GROUP "state"
#define STATE_BASENAME "last.elab"

struct _ElabSettings
{
  GSettings       *settings;   /* NULL when using the plain keyfile */
  GSettingsSchema *schema;     /* the schema of settings */
  GKeyFile   *keyfile;
  char       *keyfile_path;
  const char *kind;
  gboolean    dirty;

  char       *state_path;  /* the lesson: last.elab */
  /* Reading the earlier versions' keys: only values a person stored
   * count (a schema default is no setup to keep). */
  gboolean    migrating;
  gboolean    migrated;    /* at least one such value was found */
};

static char *
config_path (const char *basename)
{
  return g_build_filename (g_get_user_config_dir (), "entropy-lab", basename, NULL);
}

ElabSettings *
elab_settings_new (void)
{
  ElabSettings *self = g_new0 (ElabSettings, 1);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, ELAB_APP_ID, TRUE);

  if (schema != NULL)
    {
      self->settings = g_settings_new_full (schema, NULL, NULL);
      self->schema = g_settings_schema_ref (schema);
      self->kind = "gsettings";
    }
  else
    {
      g_autoptr(GSettingsSchemaSource) build = NULL;

      build = g_settings_schema_source_new_from_directory (ELAB_BUILD_DATADIR, source, FALSE, NULL);
      if (build != NULL)
        schema = g_settings_schema_source_lookup (build, ELAB_APP_ID, FALSE);

      if (schema != NULL)
        {
          g_autoptr(GSettingsBackend) backend = NULL;

          if (g_getenv ("GSETTINGS_BACKEND") == NULL)
            {
              g_autofree char *path = config_path ("settings.ini");
              backend = g_keyfile_settings_backend_new (path, "/io/github/entropylab/EntropyLab/", GROUP);
            }
          self->settings = g_settings_new_full (schema, backend, NULL);
          self->schema = g_settings_schema_ref (schema);
          self->kind = "build-schema";
        }
    }

  if (self->settings != NULL)
    {
      /* One write per save, not one per key. */
      g_settings_delay (self->settings);
    }
  else
    {
      self->keyfile = g_key_file_new ();
      self->keyfile_path = config_path ("state.ini");
      /* A missing or unreadable file just means the defaults. */
      g_key_file_load_from_file (self->keyfile, self->keyfile_path, G_KEY_FILE_NONE, NULL);
      self->kind = "keyfile";
    }

  self->state_path = g_build_filename (g_get_user_state_dir (), "entropy-lab", STATE_BASENAME, NULL);

  return self;
}

/* Writes pending window settings now. */
static void
sync_settings (ElabSettings *self)
{
  if (!self->dirty)
    return;
  self->dirty = FALSE;

  if (self->settings != NULL)
    {
      g_settings_apply (self->settings);
      return;
    }

  {
    g_autofree char *dir = g_path_get_dirname (self->keyfile_path);
    g_autoptr(GError) error = NULL;

    /* Losing the last state is not worth a dialog; say it once, quietly. */
    if (g_mkdir_with_parents (dir, 0700) != 0 ||
        !g_key_file_save_to_file (self->keyfile, self->keyfile_path, &error))
      g_debug ("Could not save %s: %s", self->keyfile_path,
               error ? error->message : g_strerror (errno));
  }
}

void
elab_settings_free (ElabSettings *self)
{
  if (self == NULL)
    return;

  sync_settings (self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->schema, g_settings_schema_unref);
  g_clear_pointer (&self->keyfile, g_key_file_free);
  g_free (self->keyfile_path);
  g_free (self->state_path);
  g_free (self);
}

const char *
elab_settings_get_kind (ElabSettings *self)
{
  return self->kind;
}

const char *
elab_settings_get_state_path (ElabSettings *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->state_path;
}

/* A schema installed by an older version may lack a key this build
 * reads or writes, and GSettings aborts on an unknown key: such a key
 * keeps its default and is not saved. */
static gboolean
has_key (ElabSettings *self,
         const char   *key)
{
  g_autoptr(GVariant) stored = NULL;

  if (self->settings == NULL || !g_settings_schema_has_key (self->schema, key))
    return FALSE;
  if (!self->migrating)
    return TRUE;
  stored = g_settings_get_user_value (self->settings, key);
  self->migrated |= stored != NULL;
  return stored != NULL;
}

/* While migrating, a keyfile's key counts when it is there at all. */
static gboolean
in_keyfile (ElabSettings *self,
            const char   *key)
{
  gboolean found = self->keyfile != NULL && g_key_file_has_key (self->keyfile, GROUP, key, NULL);

  if (self->migrating)
    self->migrated |= found;
  return found;
}

/* @key's value: GSettings' own (of the schema's type, which callers
 * check), else the keyfile's text read as @type; NULL when missing or
 * malformed. */
static GVariant *
get_value (ElabSettings       *self,
           const char         *key,
           const GVariantType *type)
{
  g_autofree char *text = NULL;

  if (has_key (self, key))
    return g_settings_get_value (self->settings, key);
  if (!in_keyfile (self, key))
    return NULL;
  text = g_key_file_get_value (self->keyfile, GROUP, key, NULL);
  return text != NULL ? g_variant_parse (type, text, NULL, NULL, NULL) : NULL;
}

/* Stores @value (floating) under @key; in a keyfile as the text
 * get_value() reads back. */
static void
set_value (ElabSettings *self,
           const char   *key,
           GVariant     *value)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (value);
  g_autofree char *text = NULL;

  if (has_key (self, key))
    g_settings_set_value (self->settings, key, owned);
  else if (self->keyfile != NULL)
    {
      text = g_variant_print (owned, FALSE);
      g_key_file_set_value (self->keyfile, GROUP, key, text);
    }
}

/* The text of one stored value as a scenario file writes it. */
static char *
variant_text (GVariant *value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? "true" : "false");
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    return g_strdup_printf ("%u", g_variant_get_uint32 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    return g_strdup_printf ("%d", g_variant_get_int32 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    {
      elab_param_format_double (buf, sizeof buf, g_variant_get_double (value));
      return g_strdup (buf);
    }
  return NULL;
}

/* What is stored under @key as text: one value, or each entry of a
 * @list; NULL when nothing is. */
static GStrv
get_texts (ElabSettings *self,
           const char   *key,
           gboolean      list)
{
  g_autoptr(GVariant) value = NULL;
  GPtrArray *texts;

  if (!has_key (self, key))
    {
      if (!in_keyfile (self, key))
        return NULL;
      if (list)
        return g_key_file_get_string_list (self->keyfile, GROUP, key, NULL, NULL);
      texts = g_ptr_array_new ();
      g_ptr_array_add (texts, g_key_file_get_string (self->keyfile, GROUP, key, NULL));
    }
  else
    {
      value = g_settings_get_value (self->settings, key);
      texts = g_ptr_array_new ();
      if (!g_variant_is_container (value))
        g_ptr_array_add (texts, variant_text (value));
      else
        for (gsize i = 0; i < g_variant_n_children (value); i++)
          {
            g_autoptr(GVariant) entry = g_variant_get_child_value (value, i);

            g_ptr_array_add (texts, variant_text (entry));
          }
    }
  g_ptr_array_add (texts, NULL);
  return (GStrv) g_ptr_array_free (texts, FALSE);
}

/* Leaves *res alone when the key is missing or malformed. An older
 * schema may keep the size unsigned. */
static void
get_int (ElabSettings *self,
         const char   *key,
         int          *res)
{
  g_autoptr(GVariant) value = get_value (self, key, G_VARIANT_TYPE_INT32);

  if (value == NULL)
    return;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    *res = (int) MIN (g_variant_get_uint32 (value), G_MAXINT);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    *res = g_variant_get_int32 (value);
}

/* The lesson as earlier versions stored it, over @state: under the
 * parameter table's names, but for K, a key of its own beside all eight
 * logits and target values, and each model field, an array over A, B
 * and C. A bad value costs only itself. */
static void
migrate_state (ElabSettings *self,
               ElabState    *state)
{
  static const char *model_fields[] = { "theta", "bias", "enabled" };
  ElabState s = *state;
  guint n_params = 0;
  const ElabParam *params = elab_params (&n_params);
  g_auto(GStrv) k = NULL;
  guint64 stored_k;

  self->migrating = TRUE;

  k = get_texts (self, "softmax-k", FALSE);
  if (k != NULL && k[0] != NULL && g_ascii_string_to_unsigned (k[0], 10, 2, ELAB_SOFTMAX_MAX_K, &stored_k, NULL))
    s.k = (guint) stored_k;

  for (guint i = 0; i < n_params; i++)
    {
      gboolean list = params[i].type == ELAB_PARAM_LIST;
      g_auto(GStrv) texts = get_texts (self, params[i].name, list);
      g_autofree char *text = NULL;

      if (texts == NULL || texts[0] == NULL)
        continue;
      /* The first K entries (the logits' list sets K again). */
      if (list && g_strv_length (texts) > s.k)
        g_clear_pointer (&texts[s.k], g_free);
      text = list ? g_strjoinv (",", texts) : g_strdup (texts[0]);
      elab_param_parse (&params[i], -1, text, &s, NULL);
    }

  for (guint f = 0; f < G_N_ELEMENTS (model_fields); f++)
    {
      g_autofree char *key = g_strconcat ("model-", model_fields[f], NULL);
      g_auto(GStrv) texts = get_texts (self, key, TRUE);

      for (guint m = 0; texts != NULL && m < ELAB_MAX_MODELS && texts[m] != NULL; m++)
        {
          g_autofree char *name = g_strdup_printf ("model-%c-%s", 'a' + m, model_fields[f]);

          elab_param_parse (elab_param_lookup (name, NULL), -1, texts[m], &s, NULL);
        }
    }

  self->migrating = FALSE;

  /* A hand-edited or stale setup must never reach the figures. */
  if (elab_state_validate (&s, NULL))
    *state = s;
}

/* Keeps a file that cannot be read next to where it was, under a name
 * of its own, so that the next save does not overwrite it. */
static void
move_aside (ElabSettings *self,
            const char   *why)
{
  g_autofree char *backup = g_strconcat (self->state_path, ".bad", NULL);

  if (g_file_test (backup, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

      g_free (backup);
      backup = g_strdup_printf ("%s.bad-%s", self->state_path, stamp);
      for (guint n = 2; g_file_test (backup, G_FILE_TEST_EXISTS); n++)
        {
          g_free (backup);
          backup = g_strdup_printf ("%s.bad-%s-%u", self->state_path, stamp, n);
        }
    }

  if (g_rename (self->state_path, backup) == 0)
    g_message ("The last state could not be read (%s); it is kept as %s and the defaults are used",
               why, backup);
  else
    g_message ("The last state could not be read (%s), nor moved aside (%s); the defaults are used",
               why, g_strerror (errno));
}

ElabScenario *
elab_settings_load_lesson (ElabSettings *self,
                           ElabState    *state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(ElabScenario) scenario = NULL;
  g_autofree char *data = NULL;
  g_autofree char *display = NULL;
  gsize length = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (state != NULL, NULL);

  if (!g_file_get_contents (self->state_path, &data, &length, &error))
    {
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          /* No saved file yet: the setup an earlier version kept, once. */
          self->migrated = FALSE;
          migrate_state (self, state);
          if (self->migrated)
            elab_settings_save_lesson (self, state, NULL);
        }
      else
        move_aside (self, error->message);
      return NULL;
    }

  display = g_filename_display_name (self->state_path);
  warnings = g_ptr_array_new_with_free_func (g_free);
  scenario = elab_scenario_from_data_lenient (data, length, display, warnings, &error);
  if (scenario == NULL)
    {
      move_aside (self, error->message);
      return NULL;
    }

  /* A bad value costs only itself: it keeps its default. */
  for (guint i = 0; i < warnings->len; i++)
    g_message ("%s; that value is set to its default", (const char *) g_ptr_array_index (warnings, i));

  *state = scenario->state;
  return scenario->scenes->len > 0 ? g_steal_pointer (&scenario) : NULL;
}

void
elab_settings_save_lesson (ElabSettings       *self,
                           const ElabState    *state,
                           const ElabScenario *lesson)
{
  g_autoptr(ElabScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (state != NULL);

  dir = g_path_get_dirname (self->state_path);
  /* The open lesson's scenes come along, with the exercises solved. */
  scenario = lesson != NULL ? elab_scenario_copy (lesson) : elab_scenario_new (state);
  scenario->state = *state;
  g_clear_pointer (&scenario->comment, g_free);
  /* Losing the last state is not worth a dialog; say it once, quietly. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_debug ("Could not create %s: %s", dir, g_strerror (errno));
  else if (!elab_scenario_save_file (scenario, self->state_path, &error))
    g_debug ("Could not save the last state: %s", error->message);

  sync_settings (self);
}

/* The Training page's animation speed, steps per second: a view setting,
 * not part of ElabState (scenarios do not carry it). */
double
elab_settings_get_training_speed (ElabSettings *self,
                                  double        fallback)
{
  g_autoptr(GVariant) value = NULL;
  double speed;

  g_return_val_if_fail (self != NULL, fallback);

  value = get_value (self, "training-speed", G_VARIANT_TYPE_DOUBLE);
  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return fallback;
  speed = g_variant_get_double (value);
  return isfinite (speed) && speed >= 1.0 && speed <= 1000.0 ? speed : fallback;
}

void
elab_settings_set_training_speed (ElabSettings *self,
                                  double        speed)
{
  g_return_if_fail (self != NULL);

  if (!isfinite (speed))
    return;
  set_value (self, "training-speed", g_variant_new_double (CLAMP (speed, 1.0, 1000.0)));
  self->dirty = TRUE;
}

void
elab_settings_get_window (ElabSettings *self,
                          int          *width,
                          int          *height,
                          gboolean     *maximized)
{
  g_autoptr(GVariant) max = NULL;

  g_return_if_fail (self != NULL);

  get_int (self, "window-width", width);
  get_int (self, "window-height", height);
  max = get_value (self, "window-maximized", G_VARIANT_TYPE_BOOLEAN);
  if (max != NULL && g_variant_is_of_type (max, G_VARIANT_TYPE_BOOLEAN))
    *maximized = g_variant_get_boolean (max);
}

void
elab_settings_set_window (ElabSettings *self,
                          int           width,
                          int           height,
                          gboolean      maximized)
{
  g_return_if_fail (self != NULL);

  set_value (self, "window-width", g_variant_new_int32 (width));
  set_value (self, "window-height", g_variant_new_int32 (height));
  set_value (self, "window-maximized", g_variant_new_boolean (maximized));
  self->dirty = TRUE;
}
