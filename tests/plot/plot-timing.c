/* plot-timing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: times recompute + render of each figure into an image
 * surface, a parameter changing every frame as a slider drag would, and
 * optionally writes PNGs of every figure for looking at.
 *
 *   plot-timing [--frames N] [--width W] [--height H] [--hover] [--rgb24]
 *               [--png DIR] [--figure NAME]
 */

#include <stdlib.h>
#include <string.h>

#include "elab-export.h"
#include "elab-figure.h"
#include "elab-trainer.h"

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
drag (ElabState      *state,
      ElabFigureKind  kind,
      int             frame)
{
  double t = 0.5 + 1.5 * (frame % 100) / 100.0;

  switch (kind)
    {
    case ELAB_FIGURE_ENTROPY:
      state->models[0].theta = t;
      break;
    case ELAB_FIGURE_CROSS_ENTROPY:
      state->q.theta = 1 + t;
      break;
    case ELAB_FIGURE_SOFTMAX:
      state->logits[0] = t;
      break;
    default:
      state->init_w = t;
      break;
    }
}

int
main (int    argc,
      char **argv)
{
  int frames = 300, width = 1920, height = 1080, rows = 0;
  gboolean hover = FALSE, rgb24 = FALSE, no_text = FALSE;
  g_autofree char *png_dir = NULL;
  g_autofree char *only = NULL;
  GOptionEntry entries[] = {
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames per figure", "N" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Width", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Height", "H" },
    { "hover", 0, 0, G_OPTION_ARG_NONE, &hover, "Hover at x = 1.3", NULL },
    { "no-text", 0, 0, G_OPTION_ARG_NONE, &no_text, "Draw no text", NULL },
    { "rgb24", 0, 0, G_OPTION_ARG_NONE, &rgb24, "Opaque RGB24 surface", NULL },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &png_dir, "Write PNGs here", "DIR" },
    { "figure", 0, 0, G_OPTION_ARG_STRING, &only, "Only this figure", "NAME" },
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Training figures: a synthetic data set of N rows, one step per frame (else they are skipped)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  ElabState state;
  g_autoptr(ElabDataset) dataset = NULL;
  ElabTrainer *trainer = NULL;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  elab_state_init_default (&state);
  state.model_enabled[2] = TRUE;
  if (rows > 0)
    {
      ElabTrainerSettings settings = ELAB_TRAINER_SETTINGS_INIT;

      dataset = elab_dataset_new_synthetic (rows, 1.3, -0.4, 1);
      trainer = elab_trainer_new (dataset, &settings);
    }

  for (ElabFigureKind kind = 0; kind < ELAB_N_FIGURES; kind++)
    {
      const char *name = elab_figure_kind_to_string (kind);
      g_autoptr(ElabFigure) figure = elab_figure_new (kind);
      ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
      cairo_surface_t *surface;
      g_autofree double *ms = g_new (double, MAX (frames, 1));
      cairo_t *cr;

      if (only && strcmp (only, name) != 0)
        continue;
      if (hover)
        style.hover_x = 1.3;
      style.draw_text = !no_text;

      if (png_dir)
        {
          static const struct { ElabThemeKind theme; ElabPalette palette; const char *tag; } looks[] = {
            { ELAB_THEME_LIGHT, ELAB_PALETTE_DEFAULT, "light" },
            { ELAB_THEME_DARK, ELAB_PALETTE_DEFAULT, "dark" },
            { ELAB_THEME_LIGHT, ELAB_PALETTE_COLORBLIND, "light-cb" },
            { ELAB_THEME_DARK, ELAB_PALETTE_COLORBLIND, "dark-cb" },
          };

          for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
            {
              g_autofree char *file = g_strdup_printf ("%s/%s-%s-%dx%d.png", png_dir, name,
                                                       looks[i].tag, width, height);
              ElabFigureStyle s = style;

              s.theme = looks[i].theme;
              s.palette = looks[i].palette;
              if (!elab_export_figure (figure, &(ElabExportRequest) { &state, &s, width, height, 1.0 },
                                       NULL, ELAB_EXPORT_PNG, file, &error))
                {
                  g_printerr ("%s\n", error->message);
                  return 1;
                }
              g_print ("%s\n", file);
            }
          continue;
        }

      surface = cairo_image_surface_create (rgb24 ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32,
                                            width, height);
      cr = cairo_create (surface);
      /* Warm-up: first frame shapes every text and fills the glyph cache. */
      elab_figure_draw (figure, cr, width, height, &state, trainer, &style);

      for (int f = 0; f < frames; f++)
        {
          gint64 t0, t1;

          if (trainer)
            elab_trainer_step (trainer, 1);
          else
            drag (&state, kind, f);
          t0 = g_get_monotonic_time ();
          elab_figure_draw (figure, cr, width, height, &state, trainer, &style);
          cairo_surface_flush (surface);
          t1 = g_get_monotonic_time ();
          ms[f] = (t1 - t0) / 1000.0;
        }
      qsort (ms, frames, sizeof (double), cmp_double);
      g_print ("%-14s %dx%d  ms/frame  min %.3f  median %.3f  max %.3f\n",
               name, width, height, ms[0], ms[frames / 2], ms[frames - 1]);
      elab_state_init_default (&state);
      state.model_enabled[2] = TRUE;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  if (trainer)
    elab_trainer_free (trainer);
  return 0;
}
