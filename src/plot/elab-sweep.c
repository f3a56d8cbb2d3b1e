/* elab-sweep.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A slider sweep as a numbered image sequence, for lecturers who cut it
 * into a video. Every frame goes through the same elab_export_figure() as
 * a single export (written under a temporary name, renamed into place), so
 * frame 0 is byte for byte the export at FROM. A sweep that fails half way
 * removes the frames it wrote: nothing half-done is left behind.
 */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "elab-dataset.h"
#include "elab-sweep.h"
#include "elab-trainer.h"

typedef enum
{
  P_THETA,
  P_BIAS,
  P_TEMPERATURE,
  P_LOGIT,
  P_X_MIN,
  P_X_MAX,
  P_STEPS,
  P_LEARNING_RATE,
  P_MOMENTUM,
  P_INIT_W,
  P_INIT_B,
} ParamKind;

static const struct {
  const char *name;
  ParamKind   kind;
} params[] = {
  { "theta-a", P_THETA }, { "bias-a", P_BIAS },
  { "theta-b", P_THETA }, { "bias-b", P_BIAS },
  { "theta-c", P_THETA }, { "bias-c", P_BIAS },
  { "theta-p", P_THETA }, { "bias-p", P_BIAS },
  { "theta-q", P_THETA }, { "bias-q", P_BIAS },
  { "temperature", P_TEMPERATURE },
  { "logit-N", P_LOGIT },
  { "x-min", P_X_MIN }, { "x-max", P_X_MAX },
  { "steps", P_STEPS }, { "lr", P_LEARNING_RATE }, { "momentum", P_MOMENTUM },
  { "init-w", P_INIT_W }, { "init-b", P_INIT_B },
};

char *
elab_sweep_param_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", params[i].name);
  return g_string_free (names, FALSE);
}

/* The table entry for @name and, for logit-N, N (1-based). */
static gboolean
lookup_param (const char *name,
              guint      *res_index,
              guint      *res_logit)
{
  *res_logit = 0;

  if (g_str_has_prefix (name, "logit-"))
    {
      const char *digits = name + strlen ("logit-");
      guint64 n = 0;

      if (!g_ascii_string_to_unsigned (digits, 10, 1, ELAB_SOFTMAX_MAX_K, &n, NULL))
        return FALSE;
      *res_logit = (guint) n;
      name = "logit-N";
    }

  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    if (strcmp (params[i].name, name) == 0)
      {
        *res_index = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_number (const char  *what,
              const char  *text,
              double      *res,
              GError     **error)
{
  char *end = NULL;

  if (*text != '\0' && !g_ascii_isspace (*text))
    {
      *res = g_ascii_strtod (text, &end);
      if (end != text && *end == '\0' && isfinite (*res))
        return TRUE;
    }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "--sweep: %s: '%s' is not a finite number", what, text);
  return FALSE;
}

gboolean
elab_sweep_parse (const char  *text,
                  ElabSweep   *res,
                  GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint index, logit;

  g_return_val_if_fail (text != NULL && res != NULL, FALSE);

  parts = g_strsplit (text, ":", -1);
  if (g_strv_length (parts) != 3)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--sweep: expected PARAM:FROM:TO (e.g. theta-q:0.5:4), got '%s'", text);
      return FALSE;
    }

  if (!lookup_param (parts[0], &index, &logit) || strlen (parts[0]) >= sizeof res->param)
    {
      g_autofree char *names = elab_sweep_param_names ();

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--sweep: unknown parameter '%s' (one of: %s; N = 1…%d)",
                   parts[0], names, ELAB_SOFTMAX_MAX_K);
      return FALSE;
    }

  if (!parse_number ("FROM", parts[1], &res->from, error) ||
      !parse_number ("TO", parts[2], &res->to, error))
    return FALSE;

  g_strlcpy (res->param, parts[0], sizeof res->param);
  return TRUE;
}

gboolean
elab_sweep_param_is_valid (const char *param)
{
  guint index, logit;

  g_return_val_if_fail (param != NULL, FALSE);

  return lookup_param (param, &index, &logit);
}

static ElabLogistic *
model_for (const char *param,
           ElabState  *state)
{
  char who = param[strlen (param) - 1];

  return who == 'p' ? &state->p : who == 'q' ? &state->q : &state->models[who - 'a'];
}

double
elab_sweep_get_value (const char      *param,
                      const ElabState *state)
{
  ElabState copy = *state;
  guint index, logit;

  g_return_val_if_fail (param != NULL && state != NULL, NAN);

  if (!lookup_param (param, &index, &logit))
    return NAN;

  switch (params[index].kind)
    {
    case P_THETA:
      return model_for (param, &copy)->theta;
    case P_BIAS:
      return model_for (param, &copy)->bias;
    case P_TEMPERATURE:
      return state->temperature;
    case P_LOGIT:
      return logit <= state->k ? state->logits[logit - 1] : NAN;
    case P_X_MIN:
      return state->x_min;
    case P_X_MAX:
      return state->x_max;
    case P_STEPS:
      return state->steps;
    case P_LEARNING_RATE:
      return state->learning_rate;
    case P_MOMENTUM:
      return state->momentum;
    case P_INIT_W:
      return state->init_w;
    case P_INIT_B:
      return state->init_b;
    default:
      return NAN;
    }
}

double
elab_sweep_value (const ElabSweep *sweep,
                  guint            i,
                  guint            n)
{
  if (n <= 1 || i == 0)
    return sweep->from;
  if (i >= n - 1)
    return sweep->to;
  return sweep->from + (sweep->to - sweep->from) * ((double) i / (double) (n - 1));
}

gboolean
elab_sweep_apply (const ElabSweep  *sweep,
                  double            value,
                  ElabState        *state,
                  GError          **error)
{
  guint index, logit;
  ElabLogistic *model = NULL;

  if (!lookup_param (sweep->param, &index, &logit))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--sweep: unknown parameter '%s'",
                   sweep->param);
      return FALSE;
    }

  /* theta-X / bias-X: the model named by the last letter. */
  if (params[index].kind == P_THETA || params[index].kind == P_BIAS)
    model = model_for (sweep->param, state);

  switch (params[index].kind)
    {
    case P_THETA:
      model->theta = value;
      break;
    case P_BIAS:
      model->bias = value;
      break;
    case P_TEMPERATURE:
      state->temperature = value;
      break;
    case P_LOGIT:
      if (logit > state->k)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--sweep: %s: there are only %u logits", sweep->param, state->k);
          return FALSE;
        }
      state->logits[logit - 1] = value;
      break;
    case P_X_MIN:
      state->x_min = value;
      break;
    case P_X_MAX:
      state->x_max = value;
      break;
    case P_STEPS:
      if (!(value >= 0.0 && value <= ELAB_MAX_STEPS))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--sweep: steps: must be 0…%d (got %g)", ELAB_MAX_STEPS, value);
          return FALSE;
        }
      state->steps = (guint) round (value);
      break;
    case P_LEARNING_RATE:
      state->learning_rate = value;
      break;
    case P_MOMENTUM:
      state->momentum = value;
      break;
    case P_INIT_W:
      state->init_w = value;
      break;
    case P_INIT_B:
      state->init_b = value;
      break;
    default:
      g_assert_not_reached ();
    }

  return elab_state_validate (state, error);
}

char *
elab_sweep_frame_path (const char  *pattern,
                       guint        i,
                       GError     **error)
{
  GString *path = g_string_new (NULL);
  guint conversions = 0;

  for (const char *c = pattern; *c != '\0'; c++)
    {
      gboolean zero = FALSE;
      guint width = 0;

      if (*c != '%')
        {
          g_string_append_c (path, *c);
          continue;
        }
      c++;
      if (*c == '%')
        {
          g_string_append_c (path, '%');
          continue;
        }
      if (*c == '0')
        {
          zero = TRUE;
          c++;
        }
      while (g_ascii_isdigit (*c) && width < 100)
        width = width * 10 + (guint) (*c++ - '0');
      if (*c != 'd' || width >= 100)
        {
          g_string_free (path, TRUE);
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--out: '%s': only %%d, %%Nd or %%0Nd (and %%%%) may follow %% in a sweep's file name",
                       pattern);
          return NULL;
        }
      conversions++;
      g_string_append_printf (path, zero ? "%0*u" : "%*u", (int) width, i);
    }

  if (conversions != 1)
    {
      g_string_free (path, TRUE);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--out: '%s' needs exactly one frame number such as %%04d (e.g. frames/frame-%%04d.png)",
                   pattern);
      return NULL;
    }

  return g_string_free (path, FALSE);
}

static void
remove_frames (GPtrArray *written)
{
  for (guint i = 0; i < written->len; i++)
    g_unlink (g_ptr_array_index (written, i));
}

static ElabTrainer *
trainer_for_state (const ElabState  *state,
                   GError          **error)
{
  ElabTrainer *trainer = elab_trainer_new_for_state (state, error);

  if (trainer == NULL)
    return NULL;
  elab_trainer_step (trainer, state->steps);
  return trainer;
}

gboolean
elab_sweep_export (const ElabSweep       *sweep,
                   guint                  n_frames,
                   const char            *pattern,
                   ElabFigureKind         kind,
                   const ElabState       *state,
                   const ElabFigureStyle *style,
                   int                    width,
                   int                    height,
                   double                 scale,
                   ElabExportFormat       format,
                   GCancellable          *cancellable,
                   guint                 *res_written,
                   GError               **error)
{
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ElabFigure) figure = NULL;
  g_autofree char *first = NULL;
  g_autofree char *dir = NULL;
  ElabTrainer *trainer = NULL;
  gboolean training = kind == ELAB_FIGURE_TRAINING || kind == ELAB_FIGURE_LANDSCAPE;
  gboolean ok = TRUE;

  g_return_val_if_fail (sweep != NULL && pattern != NULL && state != NULL && style != NULL, FALSE);

  if (res_written != NULL)
    *res_written = 0;

  if (n_frames < 1 || n_frames > ELAB_SWEEP_MAX_FRAMES)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--frames: must be 1…%d (got %u)", ELAB_SWEEP_MAX_FRAMES, n_frames);
      return FALSE;
    }

  /* Every usage error before the first file: the pattern, and each frame's
   * state (a temperature sweep through 0 fails here, not at frame 30). */
  first = elab_sweep_frame_path (pattern, 0, error);
  if (first == NULL)
    return FALSE;
  for (guint i = 0; i < n_frames; i++)
    {
      ElabState frame = *state;
      g_autoptr(GError) local = NULL;

      if (!elab_sweep_apply (sweep, elab_sweep_value (sweep, i, n_frames), &frame, &local))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--sweep %s at frame %u: %s", sweep->param, i, local->message);
          return FALSE;
        }
    }

  dir = g_path_get_dirname (first);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "directory '%s' does not exist", dir);
      return FALSE;
    }
  if (access (dir, W_OK) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "cannot write to directory '%s': %s",
                   dir, g_strerror (saved));
      return FALSE;
    }

  figure = elab_figure_new (kind);
  for (guint i = 0; i < n_frames && ok; i++)
    {
      ElabState frame = *state;
      g_autofree char *path = elab_sweep_frame_path (pattern, i, NULL);
      g_autoptr(GError) local = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }

      elab_sweep_apply (sweep, elab_sweep_value (sweep, i, n_frames), &frame, NULL);

      if (training)
        {
          /* Each frame trains its own run from step 0, even in a steps
           * sweep: the run's step budget shows in the figure (its status
           * line), so frame i must be exactly the export at that budget. */
          g_clear_pointer (&trainer, elab_trainer_free);
          trainer = trainer_for_state (&frame, error);
          if (trainer == NULL)
            {
              ok = FALSE;
              break;
            }
        }

      if (!elab_export_figure (figure, &frame, trainer, style, width, height, scale, format, path, &local))
        {
          g_set_error (error, local->domain, local->code, "frame %u: %s", i, local->message);
          ok = FALSE;
          break;
        }
      g_ptr_array_add (written, g_steal_pointer (&path));
    }

  g_clear_pointer (&trainer, elab_trainer_free);
  if (!ok)
    remove_frames (written);
  else if (res_written != NULL)
    *res_written = written->len;
  return ok;
}
