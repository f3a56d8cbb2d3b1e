/* elab-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same keys go to GSettings or to a GKeyFile, through the small
 * get/set helpers below, so the rest of the app never asks which.
 */
#define G_LOG_DOMAIN "elab-settings"

#include "elab-config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <gio/gio.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "elab-settings.h"

#define GROUP "state"

struct _ElabSettings
{
  GSettings       *settings;   /* NULL when using the plain keyfile */
  GSettingsSchema *schema;     /* the schema of settings */
  GKeyFile   *keyfile;
  char       *keyfile_path;
  const char *kind;
  gboolean    dirty;
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

  return self;
}

void
elab_settings_free (ElabSettings *self)
{
  if (self == NULL)
    return;

  elab_settings_sync (self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->schema, g_settings_schema_unref);
  g_clear_pointer (&self->keyfile, g_key_file_free);
  g_free (self->keyfile_path);
  g_free (self);
}

const char *
elab_settings_get_kind (ElabSettings *self)
{
  return self->kind;
}

/* A schema installed by an older version may lack a key this build
 * reads or writes, and GSettings aborts on an unknown key: such a key
 * keeps its default and is not saved. */
static gboolean
has_key (ElabSettings *self,
         const char   *key)
{
  return self->settings != NULL && g_settings_schema_has_key (self->schema, key);
}

/* Getters leave *res alone when the key is missing or malformed. */

static void
get_double (ElabSettings *self,
            const char   *key,
            double       *res)
{
  double v = NAN;
  g_autoptr(GError) error = NULL;

  if (has_key (self, key))
    v = g_settings_get_double (self->settings, key);
  else if (self->keyfile != NULL)
    {
      v = g_key_file_get_double (self->keyfile, GROUP, key, &error);
      if (error != NULL)
        return;
    }

  if (isfinite (v))
    *res = v;
}

static void
set_double (ElabSettings *self,
            const char   *key,
            double        value)
{
  if (has_key (self, key))
    g_settings_set_double (self->settings, key, value);
  else if (self->keyfile != NULL)
    g_key_file_set_double (self->keyfile, GROUP, key, value);
}

static void
get_doubles (ElabSettings *self,
             const char   *key,
             double       *res,
             gsize         n)
{
  if (has_key (self, key))
    {
      g_autoptr(GVariant) v = g_settings_get_value (self->settings, key);
      gsize len = 0;
      const double *values = g_variant_get_fixed_array (v, &len, sizeof (double));

      for (gsize i = 0; i < MIN (len, n); i++)
        if (isfinite (values[i]))
          res[i] = values[i];
    }
  else if (self->keyfile != NULL)
    {
      gsize len = 0;
      g_autofree double *values = g_key_file_get_double_list (self->keyfile, GROUP, key, &len, NULL);

      for (gsize i = 0; values != NULL && i < MIN (len, n); i++)
        if (isfinite (values[i]))
          res[i] = values[i];
    }
}

static void
set_doubles (ElabSettings *self,
             const char   *key,
             const double *values,
             gsize         n)
{
  if (has_key (self, key))
    g_settings_set_value (self->settings, key,
                          g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, values, n, sizeof (double)));
  else if (self->keyfile != NULL)
    g_key_file_set_double_list (self->keyfile, GROUP, key, (double *) values, n);
}

static void
get_bools (ElabSettings *self,
           const char   *key,
           gboolean     *res,
           gsize         n)
{
  if (has_key (self, key))
    {
      g_autoptr(GVariant) v = g_settings_get_value (self->settings, key);
      gsize len = 0;
      const guchar *values = g_variant_get_fixed_array (v, &len, sizeof (guchar));

      for (gsize i = 0; i < MIN (len, n); i++)
        res[i] = values[i] != 0;
    }
  else if (self->keyfile != NULL)
    {
      gsize len = 0;
      g_autofree gboolean *values = g_key_file_get_boolean_list (self->keyfile, GROUP, key, &len, NULL);

      for (gsize i = 0; values != NULL && i < MIN (len, n); i++)
        res[i] = values[i];
    }
}

static void
set_bools (ElabSettings   *self,
           const char     *key,
           const gboolean *values,
           gsize           n)
{
  if (has_key (self, key))
    {
      guchar bytes[16];

      for (gsize i = 0; i < MIN (n, G_N_ELEMENTS (bytes)); i++)
        bytes[i] = values[i] != 0;
      g_settings_set_value (self->settings, key,
                            g_variant_new_fixed_array (G_VARIANT_TYPE_BOOLEAN, bytes,
                                                       MIN (n, G_N_ELEMENTS (bytes)), sizeof (guchar)));
    }
  else if (self->keyfile != NULL)
    g_key_file_set_boolean_list (self->keyfile, GROUP, key, (gboolean *) values, n);
}

static char *
get_string (ElabSettings *self,
            const char   *key)
{
  if (has_key (self, key))
    return g_settings_get_string (self->settings, key);
  if (self->keyfile == NULL)
    return NULL;
  return g_key_file_get_string (self->keyfile, GROUP, key, NULL);
}

static void
set_string (ElabSettings *self,
            const char   *key,
            const char   *value)
{
  if (has_key (self, key))
    g_settings_set_string (self->settings, key, value);
  else if (self->keyfile != NULL)
    g_key_file_set_string (self->keyfile, GROUP, key, value);
}

static void
get_int (ElabSettings *self,
         const char   *key,
         int          *res)
{
  g_autoptr(GError) error = NULL;
  int v;

  if (has_key (self, key))
    {
      g_autoptr(GVariant) value = g_settings_get_value (self->settings, key);

      if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
        *res = (int) MIN (g_variant_get_uint32 (value), G_MAXINT);
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
        *res = g_variant_get_int32 (value);
      return;
    }
  if (self->keyfile == NULL)
    return;

  v = g_key_file_get_integer (self->keyfile, GROUP, key, &error);
  if (error == NULL)
    *res = v;
}

static void
set_uint (ElabSettings *self,
          const char   *key,
          guint         value)
{
  if (has_key (self, key))
    g_settings_set_uint (self->settings, key, value);
  else if (self->keyfile != NULL)
    g_key_file_set_integer (self->keyfile, GROUP, key, (int) value);
}

static void
set_int (ElabSettings *self,
         const char   *key,
         int           value)
{
  if (has_key (self, key))
    g_settings_set_int (self->settings, key, value);
  else if (self->keyfile != NULL)
    g_key_file_set_integer (self->keyfile, GROUP, key, value);
}

static void
get_bool (ElabSettings *self,
          const char   *key,
          gboolean     *res)
{
  g_autoptr(GError) error = NULL;
  gboolean v;

  if (has_key (self, key))
    {
      *res = g_settings_get_boolean (self->settings, key);
      return;
    }
  if (self->keyfile == NULL)
    return;

  v = g_key_file_get_boolean (self->keyfile, GROUP, key, &error);
  if (error == NULL)
    *res = v;
}

static void
set_bool (ElabSettings *self,
          const char   *key,
          gboolean      value)
{
  if (has_key (self, key))
    g_settings_set_boolean (self->settings, key, value);
  else if (self->keyfile != NULL)
    g_key_file_set_boolean (self->keyfile, GROUP, key, value);
}

void
elab_settings_load_state (ElabSettings *self,
                          ElabState    *state)
{
  ElabState s = *state;
  double theta[ELAB_MAX_MODELS], bias[ELAB_MAX_MODELS];
  g_autofree char *page = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *palette = NULL;
  g_autofree char *notation = NULL;
  g_autofree char *dataset = NULL;
  g_autofree char *optimizer = NULL;
  g_autofree char *x_column = NULL;
  g_autofree char *y_column = NULL;
  g_autofree char *loss_scale = NULL;
  int k = s.k;
  int steps = (int) s.steps;

  g_return_if_fail (self != NULL);
  g_return_if_fail (state != NULL);

  page = get_string (self, "page");
  if (page != NULL)
    elab_page_from_string (page, &s.page);
  unit = get_string (self, "unit");
  if (unit != NULL)
    elab_unit_from_string (unit, &s.unit);
  palette = get_string (self, "palette");
  if (palette != NULL)
    s.palette = g_str_equal (palette, "colorblind") ? ELAB_PALETTE_COLORBLIND : ELAB_PALETTE_DEFAULT;
  notation = get_string (self, "notation");
  if (notation != NULL)
    elab_notation_from_string (notation, &s.notation);

  get_double (self, "x-min", &s.x_min);
  get_double (self, "x-max", &s.x_max);

  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    {
      theta[i] = s.models[i].theta;
      bias[i] = s.models[i].bias;
    }
  get_doubles (self, "model-theta", theta, ELAB_MAX_MODELS);
  get_doubles (self, "model-bias", bias, ELAB_MAX_MODELS);
  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    {
      s.models[i].theta = theta[i];
      s.models[i].bias = bias[i];
    }
  get_bools (self, "model-enabled", s.model_enabled, ELAB_MAX_MODELS);

  get_double (self, "p-theta", &s.p.theta);
  get_double (self, "p-bias", &s.p.bias);
  get_double (self, "q-theta", &s.q.theta);
  get_double (self, "q-bias", &s.q.bias);

  get_int (self, "softmax-k", &k);
  if (k >= 2 && k <= ELAB_SOFTMAX_MAX_K)
    s.k = k;
  get_doubles (self, "logits", s.logits, ELAB_SOFTMAX_MAX_K);
  get_double (self, "temperature", &s.temperature);
  get_doubles (self, "target", s.target, ELAB_SOFTMAX_MAX_K);

  dataset = get_string (self, "dataset");
  if (dataset != NULL && *dataset && strlen (dataset) < sizeof s.dataset)
    g_strlcpy (s.dataset, dataset, sizeof s.dataset);
  x_column = get_string (self, "x-column");
  if (x_column != NULL && strlen (x_column) < sizeof s.x_column)
    g_strlcpy (s.x_column, x_column, sizeof s.x_column);
  y_column = get_string (self, "y-column");
  if (y_column != NULL && strlen (y_column) < sizeof s.y_column)
    g_strlcpy (s.y_column, y_column, sizeof s.y_column);
  get_int (self, "steps", &steps);
  if (steps >= 1)
    s.steps = (guint) steps;
  optimizer = get_string (self, "optimizer");
  if (optimizer != NULL)
    elab_optimizer_from_string (optimizer, &s.optimizer);
  get_double (self, "learning-rate", &s.learning_rate);
  get_double (self, "momentum", &s.momentum);
  get_bool (self, "standardize", &s.standardize);
  get_bool (self, "use-bias", &s.use_bias);
  loss_scale = get_string (self, "loss-scale");
  if (loss_scale != NULL)
    elab_loss_scale_from_string (loss_scale, &s.loss_scale);

  /* A hand-edited or stale file must never reach the figures. */
  if (elab_state_validate (&s, NULL))
    *state = s;
}

void
elab_settings_save_state (ElabSettings    *self,
                          const ElabState *state)
{
  double theta[ELAB_MAX_MODELS], bias[ELAB_MAX_MODELS];

  g_return_if_fail (self != NULL);
  g_return_if_fail (state != NULL);

  for (guint i = 0; i < ELAB_MAX_MODELS; i++)
    {
      theta[i] = state->models[i].theta;
      bias[i] = state->models[i].bias;
    }

  set_string (self, "page", elab_page_to_string (state->page));
  set_string (self, "unit", elab_unit_to_string (state->unit));
  set_string (self, "palette", state->palette == ELAB_PALETTE_COLORBLIND ? "colorblind" : "default");
  set_string (self, "notation", elab_notation_to_string (state->notation));
  set_double (self, "x-min", state->x_min);
  set_double (self, "x-max", state->x_max);
  set_doubles (self, "model-theta", theta, ELAB_MAX_MODELS);
  set_doubles (self, "model-bias", bias, ELAB_MAX_MODELS);
  set_bools (self, "model-enabled", state->model_enabled, ELAB_MAX_MODELS);
  set_double (self, "p-theta", state->p.theta);
  set_double (self, "p-bias", state->p.bias);
  set_double (self, "q-theta", state->q.theta);
  set_double (self, "q-bias", state->q.bias);
  set_uint (self, "softmax-k", state->k);
  set_doubles (self, "logits", state->logits, ELAB_SOFTMAX_MAX_K);
  set_double (self, "temperature", state->temperature);
  set_doubles (self, "target", state->target, ELAB_SOFTMAX_MAX_K);
  set_string (self, "dataset", state->dataset);
  set_string (self, "x-column", state->x_column);
  set_string (self, "y-column", state->y_column);
  set_uint (self, "steps", state->steps);
  set_string (self, "optimizer", elab_optimizer_to_string (state->optimizer));
  set_double (self, "learning-rate", state->learning_rate);
  set_double (self, "momentum", state->momentum);
  set_bool (self, "standardize", state->standardize);
  set_bool (self, "use-bias", state->use_bias);
  set_string (self, "loss-scale", elab_loss_scale_to_string (state->loss_scale));

  self->dirty = TRUE;
  elab_settings_sync (self);
}

/* The Training page's animation speed, steps per second: a view setting,
 * not part of ElabState (scenarios do not carry it). */
double
elab_settings_get_training_speed (ElabSettings *self,
                                  double        fallback)
{
  double speed = fallback;

  g_return_val_if_fail (self != NULL, fallback);

  get_double (self, "training-speed", &speed);
  return isfinite (speed) && speed >= 1.0 && speed <= 1000.0 ? speed : fallback;
}

void
elab_settings_set_training_speed (ElabSettings *self,
                                  double        speed)
{
  g_return_if_fail (self != NULL);

  if (!isfinite (speed))
    return;
  set_double (self, "training-speed", CLAMP (speed, 1.0, 1000.0));
  self->dirty = TRUE;
}

void
elab_settings_get_window (ElabSettings *self,
                          int          *width,
                          int          *height,
                          gboolean     *maximized)
{
  g_return_if_fail (self != NULL);

  get_int (self, "window-width", width);
  get_int (self, "window-height", height);
  get_bool (self, "window-maximized", maximized);
}

void
elab_settings_set_window (ElabSettings *self,
                          int           width,
                          int           height,
                          gboolean      maximized)
{
  g_return_if_fail (self != NULL);

  set_int (self, "window-width", width);
  set_int (self, "window-height", height);
  set_bool (self, "window-maximized", maximized);
  self->dirty = TRUE;
}

void
elab_settings_sync (ElabSettings *self)
{
  g_return_if_fail (self != NULL);

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
