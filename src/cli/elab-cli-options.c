/* elab-cli-options.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GOptionContext's own G_OPTION_ARG_DOUBLE accepts "nan" and "inf", and
 * G_OPTION_ARG_INT silently takes "12abc" on some versions: every value
 * here goes through a callback that parses it strictly instead.
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "elab-cli-options.h"
#include "elab-cli-private.h"
#include "elab-presets.h"
#include "elab-scenario.h"

const ElabCliChoice elab_cli_unit_choices[] = {
  { "bits", ELAB_UNIT_BITS },
  { "nats", ELAB_UNIT_NATS },
  { NULL, 0 },
};

const ElabCliChoice elab_cli_format_choices[] = {
  { "csv", ELAB_CLI_FORMAT_CSV },
  { "json", ELAB_CLI_FORMAT_JSON },
  { NULL, 0 },
};

const ElabCliChoice elab_cli_theme_choices[] = {
  { "light", ELAB_THEME_LIGHT },
  { "dark", ELAB_THEME_DARK },
  { NULL, 0 },
};

const ElabCliChoice elab_cli_palette_choices[] = {
  { "default", ELAB_PALETTE_DEFAULT },
  { "colorblind", ELAB_PALETTE_COLORBLIND },
  { NULL, 0 },
};

const ElabCliChoice elab_cli_loss_scale_choices[] = {
  { "linear", ELAB_LOSS_SCALE_LINEAR },
  { "log", ELAB_LOSS_SCALE_LOG },
  { NULL, 0 },
};

typedef enum
{
  OPTION_DOUBLE,
  OPTION_INT,
  OPTION_LIST,
  OPTION_CHOICE,
  OPTION_STRING,
} OptionKind;

typedef struct
{
  OptionKind           kind;
  char                *flag;      /* "--theta-p" */
  gpointer             target;
  gboolean            *seen;
  gint64               min;
  gint64               max;
  const ElabCliChoice *choices;
  char                *value;     /* OPTION_STRING's copy */
} Option;

struct _ElabCliParser
{
  char           *command;
  GOptionContext *context;
  GOptionGroup   *group;      /* owned by context */
  GPtrArray      *options;    /* Option* */
  GStringChunk   *strings;    /* help texts and names outlive the entries */
};

static void
option_free (gpointer data)
{
  Option *option = data;

  g_free (option->flag);
  g_free (option->value);
  g_free (option);
}

static GError *
bad_value (const char *flag,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static GError *
bad_value (const char *flag,
           const char *format,
           ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return g_error_new (G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "%s: %s", flag, message);
}

gboolean
elab_cli_parse_double (const char  *flag,
                       const char  *text,
                       double      *res,
                       GError     **error)
{
  char *end = NULL;
  double value;

  g_return_val_if_fail (flag != NULL, FALSE);
  g_return_val_if_fail (res != NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      g_propagate_error (error, bad_value (flag, "a number is needed"));
      return FALSE;
    }

  /* strtod skips leading space; a quoted " 1" is almost always a typo. */
  if (g_ascii_isspace (*text))
    {
      g_propagate_error (error, bad_value (flag, "'%s' is not a number", text));
      return FALSE;
    }

  errno = 0;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    {
      g_propagate_error (error, bad_value (flag, "'%s' is not a number", text));
      return FALSE;
    }

  /* Overflow ("1e999") comes back as ±HUGE_VAL and is caught here too;
   * underflow to a subnormal or zero is a faithful reading and accepted. */
  if (!isfinite (value))
    {
      g_propagate_error (error, bad_value (flag, "'%s' is not a finite number", text));
      return FALSE;
    }

  *res = value;
  return TRUE;
}

gboolean
elab_cli_parse_int (const char  *flag,
                    const char  *text,
                    gint64       min,
                    gint64       max,
                    gint64      *res,
                    GError     **error)
{
  char *end = NULL;
  gint64 value;

  g_return_val_if_fail (flag != NULL, FALSE);
  g_return_val_if_fail (res != NULL, FALSE);

  if (text == NULL || *text == '\0' || g_ascii_isspace (*text))
    {
      g_propagate_error (error, bad_value (flag, "'%s' is not a whole number", text ? text : ""));
      return FALSE;
    }

  errno = 0;
  value = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    {
      g_propagate_error (error, bad_value (flag, "'%s' is not a whole number", text));
      return FALSE;
    }

  if (errno == ERANGE || value < min || value > max)
    {
      g_propagate_error (error, bad_value (flag, "%s is out of range (%" G_GINT64_FORMAT "…%" G_GINT64_FORMAT ")",
                                           text, min, max));
      return FALSE;
    }

  *res = value;
  return TRUE;
}

gboolean
elab_cli_parse_list (const char   *flag,
                     const char   *text,
                     ElabCliList  *res,
                     GError      **error)
{
  g_auto(GStrv) items = NULL;
  guint n;

  g_return_val_if_fail (flag != NULL, FALSE);
  g_return_val_if_fail (res != NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      g_propagate_error (error, bad_value (flag, "a comma-separated list of numbers is needed"));
      return FALSE;
    }

  items = g_strsplit (text, ",", -1);
  n = g_strv_length (items);
  if (n > ELAB_CLI_LIST_MAX)
    {
      g_propagate_error (error, bad_value (flag, "too many values (%u; at most %d)", n, ELAB_CLI_LIST_MAX));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      const char *item = g_strstrip (items[i]);

      if (*item == '\0')
        {
          g_propagate_error (error, bad_value (flag, "empty item %u in '%s'", i + 1, text));
          return FALSE;
        }
      if (!elab_cli_parse_double (flag, item, &res->values[i], error))
        return FALSE;
    }

  res->n = n;
  return TRUE;
}

static Option *
find_option (ElabCliParser *parser,
             const char    *option_name)
{
  for (guint i = 0; i < parser->options->len; i++)
    {
      Option *option = g_ptr_array_index (parser->options, i);

      if (strcmp (option->flag, option_name) == 0)
        return option;
    }

  return NULL;
}

static gboolean
option_cb (const char  *option_name,
           const char  *value,
           gpointer     user_data,
           GError     **error)
{
  ElabCliParser *parser = user_data;
  Option *option = find_option (parser, option_name);

  g_return_val_if_fail (option != NULL, FALSE);

  switch (option->kind)
    {
    case OPTION_DOUBLE:
      if (!elab_cli_parse_double (option->flag, value, option->target, error))
        return FALSE;
      break;

    case OPTION_INT:
      if (!elab_cli_parse_int (option->flag, value, option->min, option->max, option->target, error))
        return FALSE;
      break;

    case OPTION_LIST:
      if (!elab_cli_parse_list (option->flag, value, option->target, error))
        return FALSE;
      break;

    case OPTION_CHOICE:
      {
        g_autoptr(GString) names = g_string_new (NULL);
        gboolean found = FALSE;

        for (const ElabCliChoice *c = option->choices; c->name != NULL; c++)
          {
            g_string_append_printf (names, "%s%s", names->len ? ", " : "", c->name);
            if (!found && g_strcmp0 (value, c->name) == 0)
              {
                *(int *) option->target = c->value;
                found = TRUE;
              }
          }

        if (!found)
          {
            g_propagate_error (error, bad_value (option->flag, "unknown value '%s' (one of: %s)",
                                                 value ? value : "", names->str));
            return FALSE;
          }
      }
      break;

    case OPTION_STRING:
      if (value == NULL || *value == '\0')
        {
          g_propagate_error (error, bad_value (option->flag, "an empty value is not allowed"));
          return FALSE;
        }
      g_free (option->value);
      option->value = g_strdup (value);
      *(const char **) option->target = option->value;
      break;

    default:
      g_assert_not_reached ();
    }

  if (option->seen != NULL)
    *option->seen = TRUE;

  return TRUE;
}

ElabCliParser *
elab_cli_parser_new (const char *command,
                     const char *summary,
                     const char *description)
{
  ElabCliParser *parser = g_new0 (ElabCliParser, 1);

  parser->command = g_strdup (command);
  parser->options = g_ptr_array_new_with_free_func (option_free);
  parser->strings = g_string_chunk_new (512);
  parser->context = g_option_context_new (NULL);
  parser->group = g_option_group_new (command, summary, "Show help options", parser, NULL);
  g_option_context_set_main_group (parser->context, parser->group);
  g_option_context_set_summary (parser->context, summary);
  if (description != NULL)
    g_option_context_set_description (parser->context, description);

  return parser;
}

void
elab_cli_parser_free (ElabCliParser *parser)
{
  if (parser == NULL)
    return;

  g_option_context_free (parser->context);
  g_ptr_array_unref (parser->options);
  g_string_chunk_free (parser->strings);
  g_free (parser->command);
  g_free (parser);
}

static void
add_entry (ElabCliParser *parser,
           const char    *name,
           GOptionArg     arg,
           gpointer       arg_data,
           const char    *description,
           const char    *arg_description)
{
  GOptionEntry entries[2] = { { 0 }, { 0 } };

  entries[0].long_name = g_string_chunk_insert (parser->strings, name);
  entries[0].arg = arg;
  entries[0].arg_data = arg_data;
  entries[0].description = g_string_chunk_insert (parser->strings, description);
  entries[0].arg_description = arg_description ? g_string_chunk_insert (parser->strings, arg_description) : NULL;
  g_option_group_add_entries (parser->group, entries);
}

static Option *
add_option (ElabCliParser *parser,
            OptionKind     kind,
            const char    *name,
            gpointer       target,
            gboolean      *seen,
            const char    *description,
            const char    *arg_description)
{
  Option *option = g_new0 (Option, 1);

  option->kind = kind;
  option->flag = g_strconcat ("--", name, NULL);
  option->target = target;
  option->seen = seen;
  g_ptr_array_add (parser->options, option);
  add_entry (parser, name, G_OPTION_ARG_CALLBACK, (gpointer) option_cb, description, arg_description);

  return option;
}

void
elab_cli_parser_add_double (ElabCliParser *parser,
                            const char    *name,
                            double        *target,
                            gboolean      *seen,
                            const char    *description,
                            const char    *arg_description)
{
  add_option (parser, OPTION_DOUBLE, name, target, seen, description, arg_description ? arg_description : "NUM");
}

void
elab_cli_parser_add_int (ElabCliParser *parser,
                         const char    *name,
                         gint64         min,
                         gint64         max,
                         gint64        *target,
                         gboolean      *seen,
                         const char    *description,
                         const char    *arg_description)
{
  Option *option = add_option (parser, OPTION_INT, name, target, seen, description,
                               arg_description ? arg_description : "N");

  option->min = min;
  option->max = max;
}

void
elab_cli_parser_add_list (ElabCliParser *parser,
                          const char    *name,
                          ElabCliList   *target,
                          gboolean      *seen,
                          const char    *description,
                          const char    *arg_description)
{
  add_option (parser, OPTION_LIST, name, target, seen, description, arg_description ? arg_description : "A,B,…");
}

void
elab_cli_parser_add_choice (ElabCliParser       *parser,
                            const char          *name,
                            const ElabCliChoice *choices,
                            int                 *target,
                            gboolean            *seen,
                            const char          *description)
{
  g_autoptr(GString) arg = g_string_new (NULL);
  Option *option;

  for (const ElabCliChoice *c = choices; c->name != NULL; c++)
    g_string_append_printf (arg, "%s%s", arg->len ? "|" : "", c->name);

  option = add_option (parser, OPTION_CHOICE, name, target, seen, description, arg->str);
  option->choices = choices;
}

void
elab_cli_parser_add_string (ElabCliParser  *parser,
                            const char     *name,
                            const char    **target,
                            const char     *description,
                            const char     *arg_description)
{
  add_option (parser, OPTION_STRING, name, target, NULL, description, arg_description);
}

void
elab_cli_parser_add_flag (ElabCliParser *parser,
                          const char    *name,
                          gboolean      *target,
                          const char    *description)
{
  add_entry (parser, name, G_OPTION_ARG_NONE, target, description, NULL);
}

int
elab_cli_parser_parse (ElabCliParser  *parser,
                       int             argc,
                       char          **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("entropy-lab %s", parser->command);
  g_autofree char **args = g_new0 (char *, argc + 1);
  int n_args = argc;

  /* GOption removes what it parsed; work on a shallow copy. */
  memcpy (args, argv, sizeof (char *) * argc);

  /* The help's "Usage:" line reads "entropy-lab curves [OPTION…]". */
  g_set_prgname (prgname);
  if (!g_option_context_parse (parser->context, &n_args, &args, &error))
    {
      g_set_prgname ("entropy-lab");
      return elab_cli_fail (ELAB_EXIT_USAGE, "%s: %s", parser->command, error->message);
    }
  g_set_prgname ("entropy-lab");

  if (n_args > 1)
    return elab_cli_fail (ELAB_EXIT_USAGE, "%s: unexpected argument '%s' (see `entropy-lab %s --help`)",
                          parser->command, args[1], parser->command);

  return -1;
}

void
elab_cli_state_flags_add (ElabCliParser      *parser,
                          ElabCliStateFlags  *flags,
                          ElabCliStateGroups  groups)
{
  flags->groups = groups;

  if (groups & ELAB_CLI_STATE_PRESET)
    elab_cli_parser_add_string (parser, "preset", &flags->preset,
                                "Start from a named preset (see `entropy-lab presets`); flags given override it",
                                "NAME");
  if (groups & ELAB_CLI_STATE_SCENARIO)
    {
      elab_cli_parser_add_string (parser, "scenario", &flags->scenario,
                                  "Start from a scenario file saved by the window; flags given override it",
                                  "FILE");
      elab_cli_parser_add_int (parser, "scene", 1, ELAB_SCENARIO_MAX_SCENES, &flags->scene, &flags->scene_seen,
                               "With --scenario: start from its scene N (1 is the first), caption included",
                               "N");
    }
  if (groups & ELAB_CLI_STATE_CURVES)
    {
      elab_cli_parser_add_double (parser, "theta-p", &flags->theta_p, &flags->theta_p_seen,
                                  "Slope θ of the true model p(x) = σ(θx + b) (default 1)", "NUM");
      elab_cli_parser_add_double (parser, "bias-p", &flags->bias_p, &flags->bias_p_seen,
                                  "Bias b of p (default 0)", "NUM");
      elab_cli_parser_add_double (parser, "theta-q", &flags->theta_q, &flags->theta_q_seen,
                                  "Slope θ of the model q (default 2)", "NUM");
      elab_cli_parser_add_double (parser, "bias-q", &flags->bias_q, &flags->bias_q_seen,
                                  "Bias b of q (default 0)", "NUM");
      elab_cli_parser_add_double (parser, "x-min", &flags->x_min, &flags->x_min_seen,
                                  "Left end of the x range (default −6)", "NUM");
      elab_cli_parser_add_double (parser, "x-max", &flags->x_max, &flags->x_max_seen,
                                  "Right end of the x range, > x-min (default 6)", "NUM");
      elab_cli_parser_add_int (parser, "samples", 2, ELAB_MAX_SAMPLES, &flags->samples, &flags->samples_seen,
                               "Number of points over the x range, 2…100000 (default 241)", "N");
    }
  if (groups & ELAB_CLI_STATE_MODELS)
    {
      static const char *const letters[ELAB_MAX_MODELS] = { "a", "b", "c" };
      static const char *const defaults[ELAB_MAX_MODELS] = { "1", "2", "0.5" };

      for (int m = 0; m < ELAB_MAX_MODELS; m++)
        {
          g_autofree char *theta = g_strdup_printf ("theta-%s", letters[m]);
          g_autofree char *bias = g_strdup_printf ("bias-%s", letters[m]);
          g_autofree char *theta_help = g_strdup_printf ("Entropy figure: slope θ of model %c (default %s%s)",
                                                         g_ascii_toupper (letters[m][0]), defaults[m],
                                                         m == 2 ? "; giving it shows model C" : "");
          g_autofree char *bias_help = g_strdup_printf ("Entropy figure: bias b of model %c (default 0)",
                                                        g_ascii_toupper (letters[m][0]));

          elab_cli_parser_add_double (parser, theta, &flags->model_theta[m], &flags->model_theta_seen[m],
                                      theta_help, "NUM");
          elab_cli_parser_add_double (parser, bias, &flags->model_bias[m], &flags->model_bias_seen[m],
                                      bias_help, "NUM");
        }
    }
  if (groups & ELAB_CLI_STATE_SOFTMAX)
    {
      elab_cli_parser_add_list (parser, "logits", &flags->logits, &flags->logits_seen,
                                "2 to 8 logits, comma-separated (default 2,1,0.1)", "Z1,Z2,…");
      elab_cli_parser_add_double (parser, "temperature", &flags->temperature, &flags->temperature_seen,
                                  "Softmax temperature T > 0 (default 1)", "T");
      elab_cli_parser_add_list (parser, "target", &flags->target, &flags->target_seen,
                                "Target distribution, one value per logit, ≥ 0, summing to 1 "
                                "(default one-hot on the first class)", "P1,P2,…");
    }
  if (groups & ELAB_CLI_STATE_UNIT)
    elab_cli_parser_add_choice (parser, "unit", elab_cli_unit_choices, &flags->unit, &flags->unit_seen,
                                "Entropies in bits (log2, default) or nats (ln)");
  if (groups & ELAB_CLI_STATE_LOOK)
    {
      elab_cli_parser_add_choice (parser, "theme", elab_cli_theme_choices, &flags->theme, &flags->theme_seen,
                                  "Light (projector-safe, default) or dark");
      elab_cli_parser_add_choice (parser, "palette", elab_cli_palette_choices, &flags->palette,
                                  &flags->palette_seen,
                                  "Default colours, or a colour-blind-safe palette where every curve also "
                                  "differs by dash pattern");
    }
}

static int
apply_softmax (const ElabCliStateFlags *flags,
               ElabState               *state)
{
  guint k = state->k;

  if (flags->logits_seen)
    {
      k = flags->logits.n;
      if (k < 2 || k > ELAB_SOFTMAX_MAX_K)
        return elab_cli_fail (ELAB_EXIT_USAGE, "--logits: %u values given; between 2 and %d are needed",
                              k, ELAB_SOFTMAX_MAX_K);

      /* A preset's target only fits logits of its own length; otherwise
       * the target is one-hot on the first class, as documented. */
      if (!flags->target_seen && k != state->k)
        {
          memset (state->target, 0, sizeof state->target);
          state->target[0] = 1.0;
        }
      state->k = k;
      memset (state->logits, 0, sizeof state->logits);
      memcpy (state->logits, flags->logits.values, k * sizeof (double));
    }

  if (flags->target_seen)
    {
      double sum = 0.0;

      if (flags->target.n != k)
        return elab_cli_fail (ELAB_EXIT_USAGE, "--target: %u values for %u logits; give one per logit",
                              flags->target.n, k);

      for (guint i = 0; i < k; i++)
        {
          if (flags->target.values[i] < 0.0)
            return elab_cli_fail (ELAB_EXIT_USAGE, "--target: value %u is negative; a distribution is needed",
                                  i + 1);
          sum += flags->target.values[i];
        }

      if (!(fabs (sum - 1.0) <= ELAB_CLI_SUM_TOLERANCE))
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          elab_cli_format_number (buf, sizeof buf, sum);
          return elab_cli_fail (ELAB_EXIT_USAGE, "--target: the values sum to %s; a distribution sums to 1", buf);
        }

      /* Values as typed when they sum to 1 up to rounding (0.7 + 0.2 + 0.1
       * is 0.9999999999999999): dividing would print 0.70000000000000007. */
      if (fabs (sum - 1.0) <= 1e-12)
        sum = 1.0;
      memset (state->target, 0, sizeof state->target);
      for (guint i = 0; i < k; i++)
        state->target[i] = flags->target.values[i] / sum;
    }

  if (flags->temperature_seen)
    {
      if (!(flags->temperature > 0.0))
        return elab_cli_fail (ELAB_EXIT_USAGE, "--temperature: must be greater than 0");
      state->temperature = flags->temperature;
    }

  return -1;
}

/* elab_state_validate() names the state's fields ("p-theta: …"); on the
 * command line the flag that sets the field is the name the user knows. */
static const char *
validation_message (const char *message)
{
  static const char *const fields[][2] = {
    { "p-theta", "--theta-p" }, { "p-bias", "--bias-p" },
    { "q-theta", "--theta-q" }, { "q-bias", "--bias-q" },
    { "model-a-theta", "--theta-a" }, { "model-a-bias", "--bias-a" },
    { "model-b-theta", "--theta-b" }, { "model-b-bias", "--bias-b" },
    { "model-c-theta", "--theta-c" }, { "model-c-bias", "--bias-c" },
    { "x-min", "--x-min" }, { "x-max", "--x-max" }, { "samples", "--samples" },
    { "logits", "--logits" }, { "target", "--target" }, { "temperature", "--temperature" },
  };
  static char buf[512];

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gsize len = strlen (fields[i][0]);

      if (strncmp (message, fields[i][0], len) == 0 && message[len] == ':')
        {
          g_snprintf (buf, sizeof buf, "%s%s", fields[i][1], message + len);
          return buf;
        }
    }

  return message;
}

int
elab_cli_state_flags_apply (const ElabCliStateFlags  *flags,
                            ElabState                *state,
                            char                    **res_caption)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (res_caption != NULL)
    *res_caption = NULL;

  elab_state_init_default (state);

  if (flags->preset != NULL && flags->scenario != NULL)
    return elab_cli_fail (ELAB_EXIT_USAGE, "--preset and --scenario: give one or the other");
  if (flags->scene_seen && flags->scenario == NULL)
    return elab_cli_fail (ELAB_EXIT_USAGE, "--scene: needs --scenario FILE");

  if (flags->preset != NULL && !elab_presets_apply (flags->preset, state))
    return elab_cli_fail (ELAB_EXIT_USAGE, "--preset: unknown preset '%s' (see `entropy-lab presets`)",
                          flags->preset);

  if (flags->scenario != NULL)
    {
      g_autoptr(ElabScenario) scenario = elab_scenario_load_file (flags->scenario, &error);

      /* The reader's messages name the file and line already. */
      if (scenario == NULL)
        return elab_cli_fail (ELAB_EXIT_DATA, "%s", error->message);

      if (flags->scene_seen)
        {
          const ElabScene *scene;

          if ((guint64) flags->scene > scenario->scenes->len)
            return elab_cli_fail (ELAB_EXIT_USAGE, "--scene: %s has %u scene%s, not %" G_GINT64_FORMAT,
                                  flags->scenario, scenario->scenes->len,
                                  scenario->scenes->len == 1 ? "" : "s", flags->scene);
          scene = g_ptr_array_index (scenario->scenes, flags->scene - 1);
          *state = scene->state;
          if (res_caption != NULL && scene->caption[0] != '\0')
            *res_caption = g_strdup (scene->caption);
        }
      else
        *state = scenario->state;
    }

  if (flags->theta_p_seen)
    state->p.theta = flags->theta_p;
  if (flags->bias_p_seen)
    state->p.bias = flags->bias_p;
  if (flags->theta_q_seen)
    state->q.theta = flags->theta_q;
  if (flags->bias_q_seen)
    state->q.bias = flags->bias_q;
  for (int m = 0; m < ELAB_MAX_MODELS; m++)
    {
      if (flags->model_theta_seen[m])
        state->models[m].theta = flags->model_theta[m];
      if (flags->model_bias_seen[m])
        state->models[m].bias = flags->model_bias[m];
      if (flags->model_theta_seen[m] || flags->model_bias_seen[m])
        state->model_enabled[m] = TRUE;
    }
  if (flags->x_min_seen)
    state->x_min = flags->x_min;
  if (flags->x_max_seen)
    state->x_max = flags->x_max;
  if (flags->samples_seen)
    state->samples = (guint) flags->samples;
  if (flags->unit_seen)
    state->unit = (ElabUnit) flags->unit;
  if (flags->theme_seen)
    state->theme = (ElabThemeKind) flags->theme;
  if (flags->palette_seen)
    state->palette = (ElabPalette) flags->palette;

  if (!(state->x_min < state->x_max))
    {
      char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];

      elab_cli_format_number (lo, sizeof lo, state->x_min);
      elab_cli_format_number (hi, sizeof hi, state->x_max);
      return elab_cli_fail (ELAB_EXIT_USAGE, "--x-min %s must be less than --x-max %s", lo, hi);
    }

  /* Both ends finite does not make the width finite: 1e308 − (−1e308). */
  if (!isfinite (state->x_max - state->x_min))
    return elab_cli_fail (ELAB_EXIT_USAGE, "--x-min/--x-max: the x range is too wide");

  status = apply_softmax (flags, state);
  if (status >= 0)
    return status;

  /* The core has the last word on ranges the flags above do not know. */
  if (!elab_state_validate (state, &error))
    return elab_cli_fail (ELAB_EXIT_USAGE, "%s", validation_message (error->message));

  return -1;
}

void
elab_cli_format_number (char   *buf,
                        gsize   size,
                        double  value)
{
  if (isnan (value))
    g_strlcpy (buf, "nan", size);
  else if (isinf (value))
    g_strlcpy (buf, value > 0 ? "inf" : "-inf", size);
  else
    g_ascii_formatd (buf, size, "%.17g", value);
}

void
elab_cli_print_number (FILE   *out,
                       double  value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  elab_cli_format_number (buf, sizeof buf, value);
  fputs (buf, out);
}

void
elab_cli_json_add_number (JsonBuilder *builder,
                          double       value)
{
  if (isnan (value))
    json_builder_add_null_value (builder);
  else if (isinf (value))
    json_builder_add_string_value (builder, value > 0 ? "Infinity" : "-Infinity");
  else
    json_builder_add_double_value (builder, value);
}

void
elab_cli_json_add_member (JsonBuilder *builder,
                          const char  *name,
                          double       value)
{
  json_builder_set_member_name (builder, name);
  elab_cli_json_add_number (builder, value);
}

void
elab_cli_json_print (JsonBuilder *builder,
                     gboolean     pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, pretty);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}
