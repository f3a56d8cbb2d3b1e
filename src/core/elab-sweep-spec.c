/* elab-sweep-spec.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "elab-params.h"
#include "elab-sweep-spec.h"

/* Only numbers slide: doubles, whole numbers and list entries. */
static const ElabParam *
lookup (const char *name,
        int        *index)
{
  const ElabParam *param = elab_param_lookup (name, index);

  if (param == NULL)
    return NULL;
  if (param->type == ELAB_PARAM_DOUBLE || param->type == ELAB_PARAM_UINT)
    return param;
  /* A logit slides alone; a target's entries only move together. */
  if (param->type == ELAB_PARAM_LIST && *index >= 0 && (param->flags & ELAB_PARAM_FLAG_OWNS_K))
    return param;
  return NULL;
}

char *
elab_sweep_param_names (void)
{
  GString *names = g_string_new (NULL);
  const ElabParam *params;
  guint n_params;

  params = elab_params (&n_params);
  for (guint i = 0; i < n_params; i++)
    {
      gboolean list = params[i].element != NULL && (params[i].flags & ELAB_PARAM_FLAG_OWNS_K);

      if (names->len > 0 && (list || params[i].type == ELAB_PARAM_DOUBLE ||
                             params[i].type == ELAB_PARAM_UINT))
        g_string_append (names, ", ");
      if (list)
        {
          /* "logit-%u" → "logit-N" */
          const char *pct = strstr (params[i].element, "%u");

          g_string_append_len (names, params[i].element, pct - params[i].element);
          g_string_append (names, "N");
        }
      else if (params[i].type == ELAB_PARAM_DOUBLE || params[i].type == ELAB_PARAM_UINT)
        g_string_append (names, params[i].name);
    }
  return g_string_free (names, FALSE);
}

static gboolean
parse_number (const char  *what,
              const char  *text,
              double      *res,
              GError     **error)
{
  if (elab_param_read_double (text, res) && isfinite (*res))
    return TRUE;

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
  int index;

  g_return_val_if_fail (text != NULL && res != NULL, FALSE);

  parts = g_strsplit (text, ":", -1);
  if (g_strv_length (parts) != 3)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--sweep: expected PARAM:FROM:TO (e.g. q-theta:0.5:4), got '%s'", text);
      return FALSE;
    }

  if (lookup (parts[0], &index) == NULL || strlen (parts[0]) >= sizeof res->param)
    {
      g_autofree char *names = elab_sweep_param_names ();
      g_autofree char *q = elab_param_quote (parts[0], strlen (parts[0]));

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--sweep: unknown parameter %s (one of: %s; N = 1…%d)",
                   q, names, ELAB_SOFTMAX_MAX_K);
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
  int index;

  g_return_val_if_fail (param != NULL, FALSE);

  return lookup (param, &index) != NULL;
}

double
elab_sweep_get_value (const char      *param,
                      const ElabState *state)
{
  const ElabParam *row;
  int index;

  g_return_val_if_fail (param != NULL && state != NULL, NAN);

  row = lookup (param, &index);
  return row != NULL ? elab_param_get_number (row, index, state) : NAN;
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
  g_autoptr (GError) local_error = NULL;
  const ElabParam *row;
  int index;

  row = lookup (sweep->param, &index);
  if (row == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--sweep: unknown parameter '%s'",
                   sweep->param);
      return FALSE;
    }

  if (!elab_param_set_number (row, index, value, state, &local_error) ||
      !elab_state_validate (state, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
