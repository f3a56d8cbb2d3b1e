/* elab-sweep-spec.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a slider sweep moves: one numeric parameter of the table (by its
 * name or older spelling, or a list entry such as logit-2) from FROM to
 * TO over N frames. Writing the frames is the export code's business.
 */
#pragma once

#include <glib.h>

#include "elab-state.h"

G_BEGIN_DECLS

typedef struct
{
  char   param[32];
  double from;
  double to;
} ElabSweep;

/* Parses "PARAM:FROM:TO" (PARAM as listed by elab_sweep_param_names();
 * FROM and TO finite). G_OPTION_ERROR_BAD_VALUE on failure. */
gboolean  elab_sweep_parse           (const char       *text,
                                      ElabSweep        *res,
                                      GError          **error);
/* "model-a-theta, …, logit-N, …": every parameter a sweep can move. */
char     *elab_sweep_param_names     (void);
/* TRUE when @param names a numeric parameter of the table (logit-N with
 * N ≤ 8 included). */
gboolean  elab_sweep_param_is_valid  (const char       *param);
/* @state's current value of @param, or NAN when it has none (a logit
 * beyond K). */
double    elab_sweep_get_value       (const char       *param,
                                      const ElabState  *state);
/* Sets @sweep's parameter in @state to @value (whole numbers rounded) and
 * validates the result: G_OPTION_ERROR_BAD_VALUE naming the key when the
 * value is out of range (a temperature of 0, a logit beyond K). */
gboolean  elab_sweep_apply           (const ElabSweep  *sweep,
                                      double            value,
                                      ElabState        *state,
                                      GError          **error);
/* The value at frame @i of @n (0-based): exactly FROM at 0 and TO at
 * n − 1, linear in between. */
double    elab_sweep_value           (const ElabSweep  *sweep,
                                      guint             i,
                                      guint             n);

G_END_DECLS
