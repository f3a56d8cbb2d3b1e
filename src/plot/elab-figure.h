/* elab-figure.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One function per figure that draws on any cairo_t at any size. The
 * window's plot widget, the exporter, the benchmark and the tests all draw
 * through elab_figure_draw(), so the command line's figures are the
 * window's pixels. An ElabFigure owns the sample arrays it reuses from one
 * frame to the next, so drawing never allocates per frame.
 */
#pragma once

#include <cairo.h>
#include <math.h>
#include <glib.h>

#include "elab-params.h"
#include "elab-quantities.h"
#include "elab-state.h"

G_BEGIN_DECLS

typedef struct _ElabTrainer ElabTrainer;   /* src/core/elab-trainer.h */
typedef struct _ElabFigure  ElabFigure;

typedef enum
{
  ELAB_FIGURE_ENTROPY,
  ELAB_FIGURE_CROSS_ENTROPY,
  ELAB_FIGURE_SOFTMAX,
  ELAB_FIGURE_TRAINING,
  ELAB_FIGURE_LANDSCAPE,
  ELAB_FIGURE_TRAINING_BOTH,  /* the Training page's two figures side by side */
  ELAB_N_FIGURES
} ElabFigureKind;

typedef struct
{
  ElabThemeKind theme;
  ElabPalette   palette;
  gboolean      transparent;  /* no background fill at all */
  gboolean      draw_text;    /* FALSE for golden images: fonts differ by machine */
  double        type_scale;   /* 1.0; presentation mode enlarges type */
  double        line_scale;   /* 1.0; presentation mode thickens lines */
  double        hover_x;      /* data x under the pointer, or NAN */
  double        hover_p;      /* for the H(p) arch panel, or NAN */
  const char   *caption;      /* a scene's caption drawn over the plot, or NULL */
  double        pixel_scale;  /* device pixels per unit of a target that does not
                               * know (GTK's recording of a HiDPI window); 1 */
  double        y_min;        /* the main panel's y range held fixed (every frame of */
  double        y_max;        /* an animation the same), or NAN: the figure's own */
  double        guess_x;      /* a question's guess on the x axis, or NAN */
  ElabAnswer    truth;        /* its answer, once revealed (n = 0: hidden) */
  const ElabTrainer *run;     /* a recorded run at its last step, or NULL: the
                               * training figures' axes cover all of it from
                               * the first frame (steps, loss, the landscape's
                               * rectangle), so a recording's axes hold still */
  gboolean      formula;      /* the worked formula on the Entropy and Cross-entropy
                               * figures whatever the state says (presenting) */
  double        caption_left; /* the caption keeps right of this x: controls float
                               * over the figure's bottom left up to it; 0 */
  const char   *caption_room; /* a caption the strip under the plots makes room
                               * for besides @caption (a question's caption once
                               * revealed), so the plots do not move at the
                               * reveal; NULL: @caption's own */
  gboolean      paused;       /* the run was stopped by hand (the Training page's
                               * Pause, or steps taken one by one): a run that
                               * has begun and not ended reads "paused", not
                               * "running"; FALSE */
} ElabFigureStyle;

#define ELAB_FIGURE_STYLE_INIT \
  ((ElabFigureStyle) { ELAB_THEME_LIGHT, ELAB_PALETTE_DEFAULT, FALSE, TRUE, 1.0, 1.0, NAN, NAN, NULL, 1.0, NAN, NAN, \
                       NAN, { 0 }, NULL, FALSE, 0.0, NULL, FALSE })

const char     *elab_figure_kind_to_string   (ElabFigureKind          kind);
gboolean        elab_figure_kind_from_string (const char             *str,
                                              ElabFigureKind         *res);

/* TRUE for the figures that draw a training run (training, landscape,
 * training-both): they need a trainer. */
gboolean        elab_figure_kind_is_training (ElabFigureKind          kind);
/* Whether a parameter of change group @group (one bit) can change a
 * figure of @kind: q-theta cannot change the Entropy figure, the unit
 * and the look change every figure. */
gboolean        elab_figure_kind_shows       (ElabFigureKind          kind,
                                              ElabChange              group);

ElabFigure     *elab_figure_new              (ElabFigureKind          kind);
void            elab_figure_free             (ElabFigure             *figure);

/* Draws the whole figure, background included, into the rectangle
 * (0, 0, width, height) of @cr's user space. @trainer is only read by the
 * training figures (training, landscape, training-both) and may be NULL
 * for the others. */
void            elab_figure_draw             (ElabFigure             *figure,
                                              cairo_t                *cr,
                                              double                  width,
                                              double                  height,
                                              const ElabState        *state,
                                              const ElabTrainer      *trainer,
                                              const ElabFigureStyle  *style);

/* After a draw: the data coordinates under the point (px, py) in the same
 * user space. For a panel whose horizontal axis is x, sets *res_x and
 * leaves *res_p NAN; for the H(p) arch, sets *res_p. FALSE outside every
 * plot area. */
gboolean        elab_figure_pick             (const ElabFigure       *figure,
                                              double                  px,
                                              double                  py,
                                              double                 *res_x,
                                              double                 *res_p);

/* After a draw: whether the title or the subtitle's formula had to be cut
 * (end in "…") even with its type stepped down, as far as it may, to the
 * width. */
gboolean        elab_figure_get_heading_cut  (const ElabFigure       *figure);

/* After a draw: the scene caption's box (x, y, width, height in the
 * figure's user space); FALSE when the frame had no caption. */
gboolean        elab_figure_get_caption_box  (const ElabFigure       *figure,
                                              double                 *res_box);

/* After a draw: the y range the figure chose by itself for its main panel
 * (before any ElabFigureStyle.y_min / y_max), which follows the data. FALSE
 * for figures whose y range is fixed by their math (probabilities,
 * entropies of at most one bit). */
gboolean        elab_figure_get_auto_y_range (const ElabFigure       *figure,
                                              double                 *res_min,
                                              double                 *res_max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElabFigure, elab_figure_free)

G_END_DECLS
