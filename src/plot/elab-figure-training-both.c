/* elab-figure-training-both.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Training page as it shows both figures: the fit and loss figure on
 * the left, the loss landscape on the right, split as the page's paned
 * splits them at first. Each half is its own figure with its own caches,
 * drawn at the full height so type and lines are as large as in either
 * figure alone.
 */

#include "elab-figure-private.h"

/* The page gives the fit and loss figure (two columns) this share. */
#define LEFT_SHARE 0.56

typedef struct
{
  ElabFigure *parts[2];
} BothCache;

static void
both_cache_free (gpointer data)
{
  BothCache *c = data;

  elab_figure_free (c->parts[0]);
  elab_figure_free (c->parts[1]);
  g_free (c);
}

void
_elab_figure_draw_training_both (ElabFigure        *figure,
                                 cairo_t           *cr,
                                 const ElabState   *state,
                                 const ElabTrainer *trainer)
{
  BothCache *c = figure->extra;
  ElabFigureStyle style = figure->style;
  double split = round (figure->width * LEFT_SHARE);

  if (c == NULL)
    {
      c = g_new0 (BothCache, 1);
      c->parts[0] = elab_figure_new (ELAB_FIGURE_TRAINING);
      c->parts[1] = elab_figure_new (ELAB_FIGURE_LANDSCAPE);
      figure->extra = c;
      figure->extra_free = both_cache_free;
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, split, figure->height);
  cairo_clip (cr);
  elab_figure_draw (c->parts[0], cr, split, figure->height, state, trainer, &style);
  cairo_restore (cr);

  /* A scene's caption once, over the left half where the lesson is. */
  style.caption = NULL;
  cairo_save (cr);
  cairo_translate (cr, split, 0);
  cairo_rectangle (cr, 0, 0, figure->width - split, figure->height);
  cairo_clip (cr);
  elab_figure_draw (c->parts[1], cr, figure->width - split, figure->height, state, trainer, &style);
  cairo_restore (cr);

  figure->heading_cut = elab_figure_get_heading_cut (c->parts[0]) || elab_figure_get_heading_cut (c->parts[1]);
}
