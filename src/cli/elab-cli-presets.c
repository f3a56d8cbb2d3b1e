/* elab-cli-presets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `entropy-lab presets`: the figures `export` and `bench` know, and the
 * named presets that reproduce the lesson's figures.
 */
#include <stdio.h>
#include <string.h>

#include "elab-cli-options.h"
#include "elab-cli-output.h"
#include "elab-cli-private.h"
#include "elab-figure.h"
#include "elab-presets.h"

static const char *
figure_description (ElabFigureKind kind)
{
  switch (kind)
    {
    case ELAB_FIGURE_ENTROPY:
      return "σ(θx + b) of up to three models, their entropy over x, and the H(p) arch";
    case ELAB_FIGURE_CROSS_ENTROPY:
      return "H(p), H(q), H(p,q) and H(q,p) over x with the KL(p‖q) gap shaded";
    case ELAB_FIGURE_SOFTMAX:
      return "softmax probabilities as bars, entropy against log K, target and cross-entropy";
    case ELAB_FIGURE_TRAINING:
      return "data, the fitted σ(w·x + b) and the loss over iterations";
    case ELAB_FIGURE_LANDSCAPE:
      return "the loss over (w, b) with the optimizer's path";
    case ELAB_FIGURE_TRAINING_BOTH:
      return "training and landscape side by side, as the Training page shows them";
    case ELAB_N_FIGURES:
    default:
      return "";
    }
}

int
elab_cli_presets (int    argc,
                  char **argv)
{
  g_autoptr(ElabCliParser) parser = NULL;
  const ElabPreset *presets;
  gsize n_presets = 0;
  int name_width = (int) strlen ("NAME");
  int figure_width = (int) strlen ("FIGURE");
  int status;

  parser = elab_cli_parser_new ("presets",
                                "List the figures and the named presets.",
                                "Figures are what `export --figure` draws. A preset is used "
                                "as\n`entropy-lab export --preset NAME --figure FIGURE --out FILE` or "
                                "`entropy-lab --preset NAME`.");
  status = elab_cli_parser_parse (parser, argc, argv);
  if (status >= 0)
    return status;

  printf ("Figures:\n");
  for (int kind = 0; kind < ELAB_N_FIGURES; kind++)
    {
      const char *name = elab_figure_kind_to_string (kind);

      figure_width = MAX (figure_width, (int) strlen (name));
    }
  for (int kind = 0; kind < ELAB_N_FIGURES; kind++)
    printf ("  %-*s  %s\n", figure_width, elab_figure_kind_to_string (kind), figure_description (kind));

  presets = elab_presets_get_all (&n_presets);
  for (gsize i = 0; i < n_presets; i++)
    {
      name_width = MAX (name_width, (int) strlen (presets[i].name));
      figure_width = MAX (figure_width, (int) strlen (presets[i].figure));
    }

  printf ("\nPresets:\n  %-*s  %-*s  %s\n", name_width, "NAME", figure_width, "FIGURE", "DESCRIPTION");
  for (gsize i = 0; i < n_presets; i++)
    printf ("  %-*s  %-*s  %s\n", name_width, presets[i].name, figure_width, presets[i].figure,
            presets[i].description);

  if (elab_cli_output_finish () != 0)
    return ELAB_EXIT_DATA;

  return ELAB_EXIT_OK;
}
