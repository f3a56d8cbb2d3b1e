/* elab-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Subcommand dispatch.
 */
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <string.h>

#include <glib/gprintf.h>

#include "elab-cli-output.h"
#include "elab-cli-private.h"
#include "elab-cli-signals.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Subcommand;

static const Subcommand subcommands[] = {
  { "curves",   elab_cli_curves,   "print H(p), H(q), H(p,q), H(q,p) and KL over x" },
  { "softmax",  elab_cli_softmax,  "softmax probabilities, entropy, cross-entropy and KL" },
  { "train",    elab_cli_train,    "gradient descent on the mean cross-entropy" },
  { "export",   elab_cli_export,   "write a figure as PNG, SVG or PDF" },
  { "handout",  elab_cli_handout,  "a lesson as a PDF: a page per scene, answers after questions" },
  { "presets",  elab_cli_presets,  "list the presets and figures" },
  { "datasets", elab_cli_datasets, "list the built-in data sets" },
};

int
elab_cli_fail (int         status,
               const char *format,
               ...)
{
  va_list args;

  fflush (stdout);
  fputs ("entropy-lab: error: ", stderr);
  va_start (args, format);
  g_vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  return status;
}

void
elab_cli_note_labels (const ElabDataset *dataset)
{
  if (dataset == NULL || !dataset->positive_guessed ||
      dataset->labels[0] == NULL || dataset->labels[1] == NULL)
    return;

  fflush (stdout);
  fprintf (stderr, "entropy-lab: note: column '%s' has the labels '%s' and '%s'; '%s' is class 1 "
           "(the later alphabetically; --positive VALUE chooses)\n",
           dataset->y_name, dataset->labels[0], dataset->labels[1], dataset->labels[1]);
}

gboolean
elab_cli_is_subcommand (const char *name)
{
  if (name == NULL)
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (strcmp (name, subcommands[i].name) == 0)
      return TRUE;

  return strcmp (name, "help") == 0 || strcmp (name, "--version") == 0;
}

/* Edits (insert, delete, substitute, swap two neighbours) from @a to @b,
 * case aside: "trian" is 1 from "train", "samles" 1 from "samples". */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  guint d[32][32];

  if (la >= 32 || lb >= 32)
    return G_MAXUINT;

  for (gsize i = 0; i <= la; i++)
    d[i][0] = i;
  for (gsize j = 0; j <= lb; j++)
    d[0][j] = j;
  for (gsize i = 1; i <= la; i++)
    for (gsize j = 1; j <= lb; j++)
      {
        guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;
        guint best = MIN (MIN (d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);

        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          best = MIN (best, d[i - 2][j - 2] + 1);
        d[i][j] = best;
      }

  return d[la][lb];
}

void
elab_cli_suggestion_consider (ElabCliSuggestion *suggestion,
                              const char        *word,
                              const char        *candidate)
{
  guint distance = edit_distance (word, candidate);

  /* Fewer than 3 edits, and fewer than half the word's letters. */
  if (distance < MIN (suggestion->distance, 3) && 2 * distance < strlen (word))
    {
      suggestion->best = candidate;
      suggestion->distance = distance;
    }
}

static int
unknown_subcommand (const char *name)
{
  ElabCliSuggestion suggestion = ELAB_CLI_SUGGESTION_INIT;

  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    elab_cli_suggestion_consider (&suggestion, name, subcommands[i].name);

  if (suggestion.best != NULL)
    return elab_cli_fail (ELAB_EXIT_USAGE, "unknown subcommand '%s' (did you mean '%s'?)", name, suggestion.best);
  return elab_cli_fail (ELAB_EXIT_USAGE, "unknown subcommand '%s' (see `entropy-lab help`)", name);
}

/* The options the window's GApplication takes, with a value each. */
static const char *const window_options[] = { "--preset", "--scenario" };

int
elab_cli_window_args (int    *argc,
                      char ***argv)
{
  GPtrArray *args;
  const char *lesson = NULL;

  g_return_val_if_fail (argc != NULL && argv != NULL, ELAB_EXIT_USAGE);

  elab_cli_output_check_at_exit ();

  /* GApplication would answer these in its own words and with exit 1;
   * everything it does not know is caught here, in ours, with exit 2. */
  for (int i = 1; i < *argc; i++)
    {
      const char *arg = (*argv)[i];
      gboolean known = FALSE;

      if (strcmp (arg, "--") == 0)
        return elab_cli_fail (ELAB_EXIT_USAGE, "unexpected argument '--' (see `entropy-lab --help`)");

      if (arg[0] != '-' || arg[1] == '\0')
        {
          /* A file manager opens a lesson by passing its path. */
          if (lesson == NULL && g_str_has_suffix (arg, ".elab"))
            {
              lesson = arg;
              continue;
            }
          if (i == 1 && !g_file_test (arg, G_FILE_TEST_EXISTS))
            return unknown_subcommand (arg);
          return elab_cli_fail (ELAB_EXIT_USAGE, "unexpected argument '%s' (a lesson file ends in .elab; "
                                "see `entropy-lab --help`)", arg);
        }

      if (strcmp (arg, "-h") == 0 || strcmp (arg, "-?") == 0 || g_str_has_prefix (arg, "--help"))
        continue;

      for (gsize o = 0; o < G_N_ELEMENTS (window_options); o++)
        {
          gsize len = strlen (window_options[o]);

          if (strncmp (arg, window_options[o], len) != 0)
            continue;
          if (arg[len] == '=')
            {
              if (arg[len + 1] == '\0')
                return elab_cli_fail (ELAB_EXIT_USAGE, "%s: an empty value is not allowed", window_options[o]);
              known = TRUE;
            }
          else if (arg[len] == '\0')
            {
              if (i + 1 >= *argc || (*argv)[i + 1][0] == '\0')
                return elab_cli_fail (ELAB_EXIT_USAGE, "%s: needs a value (%s)", window_options[o],
                                      o == 0 ? "NAME, see `entropy-lab presets`" : "FILE");
              i++;
              known = TRUE;
            }
        }

      if (!known)
        {
          g_autofree char *name = g_strndup (arg, strcspn (arg, "="));
          ElabCliSuggestion suggestion = ELAB_CLI_SUGGESTION_INIT;

          for (gsize o = 0; o < G_N_ELEMENTS (window_options); o++)
            elab_cli_suggestion_consider (&suggestion, name, window_options[o]);
          if (suggestion.best != NULL)
            return elab_cli_fail (ELAB_EXIT_USAGE, "unknown option '%s' (did you mean %s?)", name, suggestion.best);
          return elab_cli_fail (ELAB_EXIT_USAGE, "unknown option '%s' (see `entropy-lab --help`)", arg);
        }
    }

  if (lesson == NULL)
    return -1;

  /* The lesson becomes --scenario FILE, which the window already opens. */
  args = g_ptr_array_new ();
  for (int i = 0; i < *argc; i++)
    {
      if ((*argv)[i] == lesson)
        g_ptr_array_add (args, (char *) "--scenario");
      g_ptr_array_add (args, (*argv)[i]);
    }
  g_ptr_array_add (args, NULL);
  *argc = (int) args->len - 1;
  *argv = (char **) g_ptr_array_free (args, FALSE);
  return -1;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "Usage:\n  entropy-lab [--preset NAME] [--scenario FILE]   open the window\n"
                "  entropy-lab SUBCOMMAND [OPTION…]                 run headless\n\n"
                "Subcommands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    fprintf (out, "  %-9s %s\n", subcommands[i].name, subcommands[i].summary);
  fprintf (out, "\n`entropy-lab SUBCOMMAND --help` shows a subcommand's options.\n"
                "  entropy-lab LESSON.elab opens the window on a lesson.\n\n"
                "Numbers in CSV and JSON have 17 significant digits; in JSON an infinite value is the\n"
                "string \"Infinity\" or \"-Infinity\" (CSV: inf, -inf), so the document stays valid JSON.\n"
                "Exit status: 0, 1 for bad data or I/O, 2 for bad usage, 130/143 after Ctrl-C/SIGTERM.\n");
}

int
elab_cli_main (int    argc,
               char **argv)
{
  /* Numbers are printed and parsed in the C locale whatever the user's. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_set_prgname ("entropy-lab");
  elab_cli_output_check_at_exit ();

  /* Before any thread exists, so that every thread blocks the signals
   * and only the watcher receives them. */
  if (argc >= 2 && (strcmp (argv[1], "train") == 0 || strcmp (argv[1], "export") == 0))
    elab_cli_signals_watch ();
  /* train writes only to standard output: nothing to remove. */
  if (argc >= 2 && strcmp (argv[1], "train") == 0)
    elab_cli_signals_exit_at_once ();

  if (argc < 2 || strcmp (argv[1], "help") == 0 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? ELAB_EXIT_USAGE : ELAB_EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("entropy-lab %s\n", "0.1.0");
      return ELAB_EXIT_OK;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (strcmp (argv[1], subcommands[i].name) == 0)
      {
        int status = subcommands[i].run (argc - 1, argv + 1);

        /* A subcommand that failed said why; the check at exit would say
         * it twice for a write error. */
        if (status != ELAB_EXIT_OK)
          {
            clearerr (stdout);
            __fpurge (stdout);
          }
        return status;
      }

  return unknown_subcommand (argv[1]);
}
