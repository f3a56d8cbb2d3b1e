/* elab-cli-sweep.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `export --sweep PARAM:FROM:TO --frames N --out DIR/frame-%04d.png`: one
 * parameter moved linearly over N frames, each frame a numbered file.
 */
#pragma once

#include <glib.h>

#include "elab-export.h"
#include "elab-figure.h"
#include "elab-state.h"

G_BEGIN_DECLS

#define ELAB_SWEEP_MAX_FRAMES 100000

typedef struct
{
  char   param[32];
  double from;
  double to;
} ElabSweep;

/* Parses "PARAM:FROM:TO" (PARAM as listed by elab_sweep_param_names()).
 * G_OPTION_ERROR_BAD_VALUE on failure. */
gboolean  elab_sweep_parse           (const char       *text,
                                      ElabSweep        *res,
                                      GError          **error);
/* "theta-p, bias-p, …", for messages. */
char     *elab_sweep_param_names     (void);
/* Sets @sweep's parameter in @state to @value ("steps" is rounded; a
 * logit-N beyond K is an error). */
gboolean  elab_sweep_apply           (const ElabSweep  *sweep,
                                      double            value,
                                      ElabState        *state,
                                      GError          **error);
/* The value at frame @i of @n (0-based): FROM at 0, TO at n − 1. */
double    elab_sweep_value           (const ElabSweep  *sweep,
                                      guint             i,
                                      guint             n);
/* Checks that @pattern holds exactly one %d, %Nd or %0Nd (and any number
 * of %%), and returns frame @i's name from it; NULL with @error otherwise. */
char     *elab_sweep_frame_path      (const char       *pattern,
                                      guint             i,
                                      GError          **error);

/* Writes the frames; on failure removes the frames it wrote. Returns an
 * exit status (ELAB_EXIT_*), the message already printed. */
int       _elab_cli_export_sweep     (const ElabSweep       *sweep,
                                      guint                  n_frames,
                                      const char            *pattern,
                                      ElabFigureKind         kind,
                                      const ElabState       *state,
                                      const ElabFigureStyle *style,
                                      int                    width,
                                      int                    height,
                                      double                 scale,
                                      ElabExportFormat       format);

G_END_DECLS
