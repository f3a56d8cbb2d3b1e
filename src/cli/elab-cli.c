/* elab-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Subcommand dispatch.
 */
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "elab-cli-private.h"

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
  { "bench",    elab_cli_bench,    "time a figure's frame against matplotlib" },
};

int
elab_cli_fail (int         status,
               const char *format,
               ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fflush (stdout);
  fprintf (stderr, "entropy-lab: error: %s\n", message);
  return status;
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

static void
print_usage (FILE *out)
{
  fprintf (out, "Usage:\n  entropy-lab [--preset NAME] [--scenario FILE]   open the window\n"
                "  entropy-lab SUBCOMMAND [OPTION…]                 run headless\n\n"
                "Subcommands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    fprintf (out, "  %-9s %s\n", subcommands[i].name, subcommands[i].summary);
  fprintf (out, "\n`entropy-lab SUBCOMMAND --help` shows a subcommand's options.\n");
}

int
elab_cli_main (int    argc,
               char **argv)
{
  /* Numbers are printed and parsed in the C locale whatever the user's. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_set_prgname ("entropy-lab");

  if (argc < 2 || strcmp (argv[1], "help") == 0)
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
      return subcommands[i].run (argc - 1, argv + 1);

  return elab_cli_fail (ELAB_EXIT_USAGE, "unknown subcommand '%s' (see `entropy-lab help`)", argv[1]);
}
