/* test-flags.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line cannot drift from the parameter table: for every row,
 * its flag (and its older spelling), a sweep of it and a scenario file all
 * reach the same field of the state.
 */

#include <math.h>
#include <string.h>

#include "elab-cli-options.h"
#include "elab-params.h"
#include "elab-scenario.h"
#include "elab-sweep-spec.h"

#define ALL_GROUPS (ELAB_CLI_STATE_CURVES | ELAB_CLI_STATE_SOFTMAX | ELAB_CLI_STATE_UNIT | \
                    ELAB_CLI_STATE_LOOK | ELAB_CLI_STATE_MODELS | ELAB_CLI_STATE_TRAINING)

/* A valid value for @param that is not its default. */
static void
changed_value (const ElabParam *param,
               ElabState       *state)
{
  switch (param->type)
    {
    case ELAB_PARAM_DOUBLE:
      g_assert_true (elab_param_set_number (param, -1,
                                            elab_param_get_number (param, -1, state) * 0.5 + 0.125,
                                            state, NULL));
      break;
    case ELAB_PARAM_UINT:
      g_assert_true (elab_param_set_number (param, -1, elab_param_get_number (param, -1, state) + 1,
                                            state, NULL));
      break;
    case ELAB_PARAM_BOOL:
      g_assert_true (elab_param_set_number (param, -1, 1 - elab_param_get_number (param, -1, state),
                                            state, NULL));
      break;
    case ELAB_PARAM_ENUM:
      g_assert_true (elab_param_set_number (param, -1, 1, state, NULL));
      break;
    case ELAB_PARAM_STRING:
      g_assert_true (elab_param_parse (param, -1, "hours-studied", state, NULL));
      break;
    case ELAB_PARAM_LIST:
      if (param->flags & ELAB_PARAM_FLAG_OWNS_K)
        g_assert_true (elab_param_parse (param, -1, "0.5,-1,3", state, NULL));
      else
        g_assert_true (elab_param_parse (param, -1, "0.25,0.25,0.5", state, NULL));
      break;
    default:
      g_assert_not_reached ();
    }
}

static int
parse_flags (const char *flag,
             const char *value,
             ElabState  *state)
{
  g_autoptr (ElabCliParser) parser = elab_cli_parser_new ("export", "test", NULL);
  g_autofree char *arg = value != NULL ? g_strdup_printf ("--%s=%s", flag, value) : g_strdup_printf ("--%s", flag);
  char *argv[] = { (char *) "export", arg, NULL };
  ElabCliStateFlags flags;
  int status;

  elab_cli_state_flags_add (parser, &flags, ALL_GROUPS | ELAB_CLI_STATE_PRESET);
  status = elab_cli_parser_parse (parser, 2, argv);
  if (status >= 0)
    return status;
  return elab_cli_state_flags_apply (&flags, state, NULL, NULL, NULL);
}

static void
test_every_row (void)
{
  const ElabParam *params;
  guint n_params;
  ElabState defaults;

  elab_state_init_default (&defaults);
  params = elab_params (&n_params);
  for (guint i = 0; i < n_params; i++)
    {
      const ElabParam *param = &params[i];
      g_autofree char *text = NULL;
      const char *names[] = { param->name, param->alias };
      ElabState want = defaults;

      if (param->group == ELAB_CHANGE_PAGE)
        continue;   /* the page is chosen with --figure */

      changed_value (param, &want);
      text = elab_param_format (param, &want);
      g_assert_false (elab_param_equal (param, &want, &defaults));

      for (guint n = 0; n < G_N_ELEMENTS (names) && names[n] != NULL; n++)
        {
          ElabState got;

          if (param->type == ELAB_PARAM_BOOL)
            {
              g_autofree char *flag = g_strconcat (strcmp (text, "true") == 0 ? "" : "no-", names[n], NULL);
              g_assert_cmpint (parse_flags (flag, NULL, &got), ==, -1);
            }
          else
            g_assert_cmpint (parse_flags (names[n], text, &got), ==, -1);
          if (!elab_param_equal (param, &got, &want))
            g_error ("--%s=%s does not reach %s", names[n], text, param->name);
        }

      /* A sweep of a numeric row reaches the same field. */
      if (param->type == ELAB_PARAM_DOUBLE || param->type == ELAB_PARAM_UINT)
        {
          ElabSweep sweep = { { 0 }, 0, 0 };
          ElabState got = defaults;
          double v = elab_param_get_number (param, -1, &want);

          g_strlcpy (sweep.param, param->name, sizeof sweep.param);
          sweep.from = sweep.to = v;
          g_assert_true (elab_sweep_param_is_valid (param->name));
          g_assert_true (elab_sweep_apply (&sweep, v, &got, NULL));
          g_assert_true (elab_param_equal (param, &got, &want));
          g_assert_cmpfloat (elab_sweep_get_value (param->name, &got), ==, v);
        }
    }
}

/* Values the table refuses are usage errors naming the flag as typed. */
static void
test_bad_values (void)
{
  ElabState state;

  if (g_test_subprocess ())
    {
      g_assert_cmpint (parse_flags ("lr", "-1", &state), ==, 2);
      g_assert_cmpint (parse_flags ("temperature", "0", &state), ==, 2);
      g_assert_cmpint (parse_flags ("steps", "99999999999999999999", &state), ==, 2);
      g_assert_cmpint (parse_flags ("logits", "1", &state), ==, 2);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*--lr: must be in (0, 1e+06] (got -1)*"
                             "*--temperature: must be > 0 (got 0)*"
                             "*--steps: must be between 1 and 10000000 (got 99999999999999999999)*"
                             "*--logits: must have between 2 and 8 values (got 1)*");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/cli/Flags/every-row", test_every_row);
  g_test_add_func ("/elab/cli/Flags/bad-values", test_bad_values);

  return g_test_run ();
}
