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
#include "elab-params.h"
#include "elab-presets.h"
#include "elab-scenario.h"

/* The longest list a flag such as --probabilities accepts before the
 * subcommand checks its own range (2..8 for softmax). */
#define LIST_MAX 64

typedef struct
{
  guint  n;
  double values[LIST_MAX];
} List;

const ElabCliChoice elab_cli_format_choices[] = {
  { "csv", ELAB_CLI_FORMAT_CSV },
  { "json", ELAB_CLI_FORMAT_JSON },
  { NULL, 0 },
};

typedef enum
{
  OPTION_DOUBLE,
  OPTION_INT,
  OPTION_CHOICE,
  OPTION_STRING,
  OPTION_FLAG,      /* a gboolean set to TRUE by --NAME */
  OPTION_PARAM,     /* a row of the parameter table, kept as text until applied */
} OptionKind;

typedef struct
{
  OptionKind           kind;
  const char          *flag;      /* "--theta-p", in the parser's strings */
  gpointer             target;
  gboolean            *seen;
  gint64               max;       /* OPTION_INT, from 1 */
  const ElabCliChoice *choices;
  const ElabParam     *param;     /* OPTION_PARAM */
  const char          *fixed;     /* OPTION_PARAM of a BOOL: "true" or "false" */
  gboolean             no_arg;    /* --NAME alone: OPTION_FLAG, or @fixed */
} Option;

struct _ElabCliParser
{
  const char     *command;    /* in strings */
  GOptionContext *context;
  GOptionGroup   *group;      /* owned by context */
  GPtrArray      *options;    /* Option* */
  GStringChunk   *strings;    /* help texts, names and values outlive the entries */
};

/* "--NAME", kept as long as the parser. */
static const char *
flag_name (ElabCliParser *parser,
           const char    *name)
{
  g_autofree char *flag = g_strconcat ("--", name, NULL);

  return g_string_chunk_insert (parser->strings, flag);
}

/* A finite number, the whole of @text; @flag names the flag in the
 * error, e.g. "--width". */
static gboolean
parse_double (const char  *flag,
              const char  *text,
              double      *res,
              GError     **error)
{
  double value;

  if (text == NULL || *text == '\0')
    return elab_param_fail (error, flag, "a number is needed");
  if (!elab_param_read_double (text, &value))
    return elab_param_fail (error, flag, "'%s' is not a number", text);
  if (!isfinite (value))
    return elab_param_fail (error, flag, "'%s' is not a finite number", text);

  *res = value;
  return TRUE;
}

/* A decimal integer from 1 to @max. */
static gboolean
parse_int (const char  *flag,
           const char  *text,
           gint64       max,
           gint64      *res,
           GError     **error)
{
  char *end = NULL;
  gint64 value;

  if (text == NULL || *text == '\0' || g_ascii_isspace (*text))
    return elab_param_fail (error, flag, "'%s' is not a whole number", text ? text : "");

  errno = 0;
  value = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    return elab_param_fail (error, flag, "'%s' is not a whole number", text);

  if (errno == ERANGE || value < 1 || value > max)
    return elab_param_fail (error, flag, "%s is out of range (1…%" G_GINT64_FORMAT ")", text, max);

  *res = value;
  return TRUE;
}

/* Comma-separated finite numbers, spaces around items allowed. */
static gboolean
parse_list (const char  *flag,
            const char  *text,
            List        *res,
            GError     **error)
{
  g_auto(GStrv) items = NULL;
  guint n;

  if (text == NULL || *text == '\0')
    return elab_param_fail (error, flag, "a comma-separated list of numbers is needed");

  items = g_strsplit (text, ",", -1);
  n = g_strv_length (items);
  if (n > LIST_MAX)
    return elab_param_fail (error, flag, "too many values (%u; at most %d)", n, LIST_MAX);

  for (guint i = 0; i < n; i++)
    {
      const char *item = g_strstrip (items[i]);

      if (*item == '\0')
        return elab_param_fail (error, flag, "empty item %u in '%s'", i + 1, text);
      if (!parse_double (flag, item, &res->values[i], error))
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
      if (!parse_double (option->flag, value, option->target, error))
        return FALSE;
      break;

    case OPTION_INT:
      if (!parse_int (option->flag, value, option->max, option->target, error))
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
          return elab_param_fail (error, option->flag, "unknown value '%s' (one of: %s)",
                                  value ? value : "", names->str);
      }
      break;

    case OPTION_PARAM:
      {
        ElabCliStateFlags *flags = option->target;
        guint row = (guint) (option->param - elab_params (NULL));

        /* Parsed when applied, in the table's order (the target's length
         * depends on the logits'); here only kept, the last one winning. */
        flags->text[row] = g_string_chunk_insert (parser->strings, option->fixed ? option->fixed : value);
        flags->flag[row] = option->flag;
      }
      break;

    case OPTION_STRING:
      if (value == NULL || *value == '\0')
        return elab_param_fail (error, option->flag, "an empty value is not allowed");
      *(const char **) option->target = g_string_chunk_insert (parser->strings, value);
      break;

    case OPTION_FLAG:
      *(gboolean *) option->target = TRUE;
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

  parser->options = g_ptr_array_new_with_free_func (g_free);
  parser->strings = g_string_chunk_new (512);
  parser->command = g_string_chunk_insert (parser->strings, command);
  parser->context = g_option_context_new (NULL);
  parser->group = g_option_group_new (command, summary, "Show help options", parser, NULL);
  g_option_context_set_main_group (parser->context, parser->group);
  g_option_context_set_summary (parser->context, summary);
  if (description != NULL)
    g_option_context_set_description (parser->context, description);

  return parser;
}

void
elab_cli_parser_append_description (ElabCliParser *parser,
                                    const char    *text)
{
  const char *old = g_option_context_get_description (parser->context);
  g_autofree char *both = g_strconcat (old ? old : "", old ? "\n\n" : "", text, NULL);

  g_option_context_set_description (parser->context, both);
}

void
elab_cli_parser_free (ElabCliParser *parser)
{
  if (parser == NULL)
    return;

  g_option_context_free (parser->context);
  g_ptr_array_unref (parser->options);
  g_string_chunk_free (parser->strings);
  g_free (parser);
}

/* --@name, its value checked by option_cb(); @flags are the entry's GOptionFlags. */
static Option *
add_option (ElabCliParser *parser,
            OptionKind     kind,
            const char    *name,
            gpointer       target,
            gboolean      *seen,
            int            flags,
            const char    *description,
            const char    *arg_description)
{
  Option *option = g_new0 (Option, 1);
  GOptionEntry entries[2] = { { 0 }, { 0 } };

  option->kind = kind;
  option->flag = flag_name (parser, name);
  option->target = target;
  option->seen = seen;
  option->no_arg = (flags & G_OPTION_FLAG_NO_ARG) != 0;
  g_ptr_array_add (parser->options, option);

  entries[0].long_name = g_string_chunk_insert (parser->strings, name);
  entries[0].flags = flags;
  entries[0].arg = G_OPTION_ARG_CALLBACK;
  entries[0].arg_data = (gpointer) option_cb;
  entries[0].description = g_string_chunk_insert (parser->strings, description);
  entries[0].arg_description = arg_description ? g_string_chunk_insert (parser->strings, arg_description) : NULL;
  g_option_group_add_entries (parser->group, entries);

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
  add_option (parser, OPTION_DOUBLE, name, target, seen, 0, description, arg_description ? arg_description : "NUM");
}

void
elab_cli_parser_add_int (ElabCliParser *parser,
                         const char    *name,
                         gint64         max,
                         gint64        *target,
                         gboolean      *seen,
                         const char    *description,
                         const char    *arg_description)
{
  Option *option = add_option (parser, OPTION_INT, name, target, seen, 0, description,
                               arg_description ? arg_description : "N");

  option->max = max;
}

void
elab_cli_parser_add_choice (ElabCliParser       *parser,
                            const char          *name,
                            const ElabCliChoice *choices,
                            int                 *target,
                            const char          *description)
{
  g_autoptr(GString) arg = g_string_new (NULL);
  Option *option;

  for (const ElabCliChoice *c = choices; c->name != NULL; c++)
    g_string_append_printf (arg, "%s%s", arg->len ? "|" : "", c->name);

  option = add_option (parser, OPTION_CHOICE, name, target, NULL, 0, description, arg->str);
  option->choices = choices;
}

void
elab_cli_parser_add_string (ElabCliParser  *parser,
                            const char     *name,
                            const char    **target,
                            const char     *description,
                            const char     *arg_description)
{
  add_option (parser, OPTION_STRING, name, target, NULL, 0, description, arg_description);
}

void
elab_cli_parser_add_flag (ElabCliParser *parser,
                          const char    *name,
                          gboolean      *target,
                          const char    *description)
{
  add_option (parser, OPTION_FLAG, name, target, NULL, G_OPTION_FLAG_NO_ARG, description, NULL);
}

/* The option nearest the first unknown "--NAME" of @argv, as "--NAME",
 * or NULL when none is near enough to be a typo of it. */
static const char *
nearest_option (ElabCliParser  *parser,
                int             argc,
                char          **argv)
{
  for (int i = 1; i < argc && strcmp (argv[i], "--") != 0; i++)
    {
      g_autofree char *name = NULL;
      ElabCliSuggestion suggestion = ELAB_CLI_SUGGESTION_INIT;
      gboolean known = FALSE;

      if (!g_str_has_prefix (argv[i], "--"))
        continue;
      name = g_strndup (argv[i], strcspn (argv[i], "="));
      for (guint j = 0; j < parser->options->len && !known; j++)
        {
          const Option *option = g_ptr_array_index (parser->options, j);

          known = strcmp (name, option->flag) == 0;
          elab_cli_suggestion_consider (&suggestion, name, option->flag);
        }
      if (!known && strcmp (name, "--help") != 0 && strcmp (name, "--help-all") != 0)
        return suggestion.best;
    }
  return NULL;
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

  /* GOption ignores "=no" after a flag that takes no value, so
   * --transparent=no would make a transparent PNG: refuse it instead. */
  for (int i = 1; i < argc; i++)
    {
      const char *eq = strchr (argv[i], '=');
      gsize len = eq ? (gsize) (eq - argv[i]) : 0;
      const char *name = NULL;

      if (strcmp (argv[i], "--") == 0)
        break;
      if (!g_str_has_prefix (argv[i], "--") || eq == NULL)
        continue;
      for (guint j = 0; j < parser->options->len && name == NULL; j++)
        {
          const Option *option = g_ptr_array_index (parser->options, j);

          if (option->no_arg && strlen (option->flag) == len && strncmp (argv[i], option->flag, len) == 0)
            name = option->flag;
        }
      if (name != NULL)
        return elab_cli_fail (ELAB_EXIT_USAGE, "%s: %s takes no value (got '=%s'); give the flag alone",
                              parser->command, name, eq + 1);
    }

  /* The help's "Usage:" line reads "entropy-lab curves [OPTION…]". */
  g_set_prgname (prgname);
  if (!g_option_context_parse (parser->context, &n_args, &args, &error))
    {
      const char *nearest = g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION)
                            ? nearest_option (parser, argc, argv) : NULL;

      g_set_prgname ("entropy-lab");
      if (nearest != NULL)
        return elab_cli_fail (ELAB_EXIT_USAGE, "%s: %s (did you mean %s?)", parser->command, error->message,
                              nearest);
      return elab_cli_fail (ELAB_EXIT_USAGE, "%s: %s", parser->command, error->message);
    }
  g_set_prgname ("entropy-lab");

  if (n_args > 1)
    return elab_cli_fail (ELAB_EXIT_USAGE, "%s: unexpected argument '%s' (see `entropy-lab %s --help`)",
                          parser->command, args[1], parser->command);

  return -1;
}

/* --NAME for a row, and --ALIAS, hidden, when it has one. @fixed is a
 * boolean's value: "true" for --NAME, "false" for --no-NAME; those take
 * no value. */
static void
add_param_option (ElabCliParser     *parser,
                  ElabCliStateFlags *flags,
                  const ElabParam   *param,
                  const char        *fixed,
                  const char        *description,
                  const char        *arg_description)
{
  const char *prefix = g_strcmp0 (fixed, "false") == 0 ? "no-" : "";
  int no_arg = fixed != NULL ? G_OPTION_FLAG_NO_ARG : 0;

  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? param->name : param->alias;
      g_autofree char *flag = NULL;
      Option *option;

      if (name == NULL)
        continue;
      flag = g_strconcat (prefix, name, NULL);
      option = add_option (parser, OPTION_PARAM, flag, flags, NULL, no_arg | (i > 0 ? G_OPTION_FLAG_HIDDEN : 0),
                           description, arg_description);
      option->param = param;
      option->fixed = fixed;
    }
}

/* --NAME (and its alias, hidden) for one row; --NAME and --no-NAME for a
 * boolean. The help ends with the real default. */
static void
add_param_flags (ElabCliParser     *parser,
                 ElabCliStateFlags *flags,
                 const ElabParam   *param,
                 const ElabState   *defaults)
{
  g_autofree char *value = elab_param_format (param, defaults);
  g_autofree char *arg = NULL;
  g_autofree char *help = NULL;
  g_autofree char *also = param->alias != NULL ? g_strdup_printf ("; also --%s", param->alias) : g_strdup ("");

  if (param->type == ELAB_PARAM_BOOL)
    {
      gboolean on = strcmp (value, "true") == 0;
      g_autofree char *no_help = g_strdup_printf ("The opposite of --%s%s", param->name, on ? "" : " (default)");

      help = g_strdup_printf ("%s%s", param->help, on ? " (default)" : "");
      add_param_option (parser, flags, param, "true", help, NULL);
      add_param_option (parser, flags, param, "false", no_help, NULL);
      return;
    }

  if (param->type == ELAB_PARAM_ENUM)
    {
      g_autofree char *choices = elab_param_choices (param);
      g_auto (GStrv) names = g_strsplit (choices, ", ", -1);

      arg = g_strjoinv ("|", names);
    }
  else
    arg = g_strdup (param->arg);

  if (value[0] == '\0')
    help = g_strdup_printf ("%s%s", param->help, also);
  else
    help = g_strdup_printf ("%s (default %s%s)", param->help, value, also);
  add_param_option (parser, flags, param, NULL, help, arg);
}

void
elab_cli_state_flags_add (ElabCliParser      *parser,
                          ElabCliStateFlags  *flags,
                          ElabCliStateGroups  groups)
{
  ElabChange change = groups & ELAB_CHANGE_ALL;
  const ElabParam *params;
  guint n_params;
  ElabState defaults;

  memset (flags, 0, sizeof *flags);
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
      elab_cli_parser_add_int (parser, "scene", ELAB_SCENARIO_MAX_SCENES, &flags->scene, NULL,
                               "With --scenario: start from its scene N (1 is the first), caption included",
                               "N");
      elab_cli_parser_add_flag (parser, "reveal", &flags->reveal,
                                "With --scene: a question after its reveal (its after state, the answer "
                                "marked), an exercise as solved");
    }

  elab_state_init_default (&defaults);
  params = elab_params (&n_params);
  g_assert (n_params <= ELAB_CLI_MAX_PARAMS);
  for (guint i = 0; i < n_params; i++)
    if (params[i].group & change)
      add_param_flags (parser, flags, &params[i], &defaults);
  /* Not a parameter of its own: another way to type the logits. */
  if (groups & ELAB_CLI_STATE_SOFTMAX)
    elab_cli_parser_add_string (parser, "probabilities", &flags->probabilities,
                                "The softmax model typed as its probabilities instead of logits, summing to 1: "
                                "the logits become ln P_i at temperature 1 (a 0 is a logit of -inf, and a target "
                                "mass on it makes the cross-entropy infinite)", "P1,P2,…");
}

void
elab_cli_state_flags_add_report (ElabCliParser      *parser,
                                 ElabCliStateFlags  *flags,
                                 ElabCliStateGroups  groups,
                                 int                *format)
{
  elab_cli_state_flags_add (parser, flags,
                            groups | ELAB_CLI_STATE_PRESET | ELAB_CLI_STATE_SCENARIO | ELAB_CLI_STATE_UNIT);
  elab_cli_parser_add_choice (parser, "format", elab_cli_format_choices, format,
                              "CSV with a header row (default) or one JSON object");
}

static gboolean
given (const ElabCliStateFlags *flags,
       const char              *name)
{
  return flags->text[elab_param_lookup (name, NULL) - elab_params (NULL)] != NULL;
}

/* --probabilities P1,P2,…: the logits ln P_i at temperature 1, so that
 * softmax gives back P exactly where it can. */
static int
apply_probabilities (const ElabCliStateFlags *flags,
                     ElabState               *state)
{
  g_autoptr(GError) error = NULL;
  List list;

  if (given (flags, "logits") || given (flags, "temperature"))
    return elab_cli_fail (ELAB_EXIT_USAGE, "--probabilities: give the model as probabilities or as "
                          "--logits and --temperature, not both");
  if (!parse_list ("--probabilities", flags->probabilities, &list, &error))
    return elab_cli_fail (ELAB_EXIT_USAGE, "%s", error->message);
  if (!elab_state_set_probabilities (state, list.values, list.n, ELAB_CLI_SUM_TOLERANCE, &error))
    return elab_cli_fail (ELAB_EXIT_USAGE, "--probabilities: %s", error->message);
  return -1;
}

/* A message "NAME: what" about a parameter, with the parameter named as
 * the user wrote it when it came from a flag ("--lr: …"). */
static int
fail_param (const ElabCliStateFlags *flags,
            const char              *message)
{
  const char *colon = strchr (message, ':');
  g_autofree char *name = colon != NULL ? g_strndup (message, (gsize) (colon - message)) : NULL;
  const ElabParam *param = name != NULL ? elab_param_lookup (name, NULL) : NULL;
  const char *flag = NULL;

  if (param != NULL)
    flag = flags->flag[param - elab_params (NULL)];
  if (flag != NULL)
    return elab_cli_fail (ELAB_EXIT_USAGE, "%s%s", flag, colon);
  return elab_cli_fail (ELAB_EXIT_USAGE, "%s", message);
}

/* The rules that tie flags together, after every flag is in @state. */
static int
apply_rules (const ElabCliStateFlags *flags,
             guint                    old_k,
             ElabState               *state)
{
  /* Giving a model's θ or b shows the model. */
  for (char letter = 'a'; letter < 'a' + ELAB_MAX_MODELS; letter++)
    {
      g_autofree char *theta = g_strdup_printf ("model-%c-theta", letter);
      g_autofree char *bias = g_strdup_printf ("model-%c-bias", letter);
      g_autofree char *enabled = g_strdup_printf ("model-%c-enabled", letter);

      if ((given (flags, theta) || given (flags, bias)) && !given (flags, enabled))
        state->model_enabled[letter - 'a'] = TRUE;
    }

  /* Giving the x of the worked formula shows it. */
  if (given (flags, "formula-at") && !given (flags, "formula"))
    state->formula = TRUE;

  /* Another data set's columns do not apply to the new one. */
  if (given (flags, "dataset"))
    {
      if (!given (flags, "x-column"))
        state->x_column[0] = '\0';
      if (!given (flags, "y-column"))
        state->y_column[0] = '\0';
      if (!given (flags, "positive"))
        state->positive[0] = '\0';
    }

  /* A target only fits logits of its own length: otherwise one-hot on the
   * first class, as documented. */
  if (state->k != old_k && !given (flags, "target"))
    {
      memset (state->target, 0, sizeof state->target);
      state->target[0] = 1.0;
    }

  if (given (flags, "target"))
    {
      double sum = 0.0;

      for (guint i = 0; i < state->k; i++)
        sum += state->target[i];
      if (!(fabs (sum - 1.0) <= ELAB_CLI_SUM_TOLERANCE))
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          g_autofree char *message = NULL;

          elab_cli_format_number (buf, sizeof buf, sum);
          message = g_strdup_printf ("target: the values sum to %s; a distribution sums to 1", buf);
          return fail_param (flags, message);
        }
      /* Values as typed when they sum to 1 up to rounding (0.7 + 0.2 + 0.1
       * is 0.9999999999999999): dividing would print 0.70000000000000007. */
      if (fabs (sum - 1.0) > 1e-12)
        for (guint i = 0; i < state->k; i++)
          state->target[i] /= sum;
    }

  /* Both ends finite does not make the width finite: 1e308 − (−1e308). */
  if (state->x_min < state->x_max && !isfinite (state->x_max - state->x_min))
    return elab_cli_fail (ELAB_EXIT_USAGE, "--x-min/--x-max: the x range is too wide");

  return -1;
}

int
elab_cli_state_flags_apply (const ElabCliStateFlags  *flags,
                            ElabState                *state,
                            char                    **res_caption,
                            char                    **res_caption_room,
                            ElabAnswer               *res_answer)
{
  g_autoptr(GError) error = NULL;
  const ElabParam *params;
  guint n_params, old_k;
  int status;

  if (res_caption != NULL)
    *res_caption = NULL;
  if (res_caption_room != NULL)
    *res_caption_room = NULL;
  if (res_answer != NULL)
    *res_answer = ELAB_ANSWER_INIT;

  elab_state_init_default (state);

  if (flags->preset != NULL && flags->scenario != NULL)
    return elab_cli_fail (ELAB_EXIT_USAGE, "--preset and --scenario: give one or the other");
  if (flags->scene != 0 && flags->scenario == NULL)
    return elab_cli_fail (ELAB_EXIT_USAGE, "--scene: needs --scenario FILE");
  if (flags->reveal && flags->scene == 0)
    return elab_cli_fail (ELAB_EXIT_USAGE, "--reveal: needs --scenario FILE --scene N");

  if (flags->preset != NULL && !elab_presets_apply (flags->preset, state))
    return elab_cli_fail (ELAB_EXIT_USAGE, "--preset: unknown preset '%s' (see `entropy-lab presets`)",
                          flags->preset);

  if (flags->scenario != NULL)
    {
      g_autoptr(ElabScenario) scenario = elab_scenario_load_file (flags->scenario, &error);

      /* The reader's messages name the file and line already. */
      if (scenario == NULL)
        return elab_cli_fail (ELAB_EXIT_DATA, "%s", error->message);

      if (flags->scene != 0)
        {
          const ElabScene *scene;

          if ((guint64) flags->scene > scenario->scenes->len)
            return elab_cli_fail (ELAB_EXIT_USAGE, "--scene: %s has %u scene%s, not %" G_GINT64_FORMAT,
                                  flags->scenario, scenario->scenes->len,
                                  scenario->scenes->len == 1 ? "" : "s", flags->scene);
          scene = g_ptr_array_index (scenario->scenes, flags->scene - 1);
          *state = *elab_scene_get_state (scene, flags->reveal);
          if (res_answer != NULL)
            elab_scene_get_answer (scene, flags->reveal, res_answer);
          if (res_caption != NULL)
            {
              *res_caption = elab_scene_card_text (scene, flags->reveal);
              if (**res_caption == '\0')
                g_clear_pointer (res_caption, g_free);
            }
          /* A question's export and its answer's have the same plots. */
          if (res_caption_room != NULL && scene->kind == ELAB_SCENE_QUESTION)
            *res_caption_room = elab_scene_card_text (scene, TRUE);
        }
      else
        *state = scenario->state;
    }

  /* Every flag given, in the table's order: the logits (or the
   * probabilities) before the target that must match their number. */
  old_k = state->k;
  if (flags->probabilities != NULL && (status = apply_probabilities (flags, state)) >= 0)
    return status;
  params = elab_params (&n_params);
  for (guint i = 0; i < n_params; i++)
    {
      if (flags->text[i] == NULL)
        continue;
      if (!elab_param_parse (&params[i], -1, flags->text[i], state, &error))
        return fail_param (flags, error->message);
    }

  status = apply_rules (flags, old_k, state);
  if (status >= 0)
    return status;

  /* The rules between fields have the last word. */
  if (!elab_state_validate (state, &error))
    return fail_param (flags, error->message);

  return -1;
}

int
elab_cli_state_flags_parse (ElabCliParser           *parser,
                            int                      argc,
                            char                   **argv,
                            const ElabCliStateFlags *flags,
                            ElabState               *state)
{
  int status = elab_cli_parser_parse (parser, argc, argv);

  if (status >= 0)
    return status;
  return elab_cli_state_flags_apply (flags, state, NULL, NULL, NULL);
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

JsonBuilder *
elab_cli_json_begin (ElabUnit unit)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, elab_unit_to_string (unit));
  return builder;
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
