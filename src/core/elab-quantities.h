/* elab-quantities.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The read-outs a lesson can ask about: what a question's guess names and
 * an exercise's goal checks. Each is a number the figures already show
 * (a mean over the x range, the softmax entropy, the training loss …),
 * computed from a state alone, in the state's unit; every numeric
 * parameter of the table (q-theta, temperature …) is a quantity too.
 *
 * A goal is one or more comparisons joined by "and":
 *   mean-kl-pq <= 0.05 and q-theta >= 2
 * with <, <=, >, >= or = (= holds within the exercise's tolerance).
 */
#pragma once

#include <glib.h>

#include "elab-state.h"

G_BEGIN_DECLS

typedef struct
{
  const char   *name;
  ElabPageKind  page;
  gboolean      is_x;     /* a position on the x axis (argmax-…) rather than a value */
  const char   *help;
} ElabQuantity;

/* The read-outs (not the parameters), in the order --help lists them. */
const ElabQuantity *elab_quantities        (guint            *n_quantities);
/* TRUE when @name is a read-out or a numeric parameter. */
gboolean            elab_quantity_exists   (const char       *name);
/* The value of @name for @state; G_OPTION_ERROR_BAD_VALUE when unknown,
 * or when training data cannot be read (its message). */
gboolean            elab_quantity_eval     (const char       *name,
                                            const ElabState  *state,
                                            double           *res,
                                            GError          **error);

#define ELAB_GOAL_MAX_TERMS 4

typedef enum
{
  ELAB_GOAL_LT,
  ELAB_GOAL_LE,
  ELAB_GOAL_GT,
  ELAB_GOAL_GE,
  ELAB_GOAL_EQ,
} ElabGoalOp;

typedef struct
{
  guint n_terms;
  struct
  {
    char       name[64];
    ElabGoalOp op;
    double     value;
  } terms[ELAB_GOAL_MAX_TERMS];
} ElabGoal;

/* Parses a goal; every name must exist. G_OPTION_ERROR_BAD_VALUE naming
 * what is wrong. */
gboolean            elab_goal_parse        (const char       *text,
                                            ElabGoal         *res,
                                            GError          **error);
/* Whether @state meets every term (= within @tolerance, the others with
 * @tolerance of slack). */
gboolean            elab_goal_check        (const ElabGoal   *goal,
                                            const ElabState  *state,
                                            double            tolerance,
                                            gboolean         *res_met,
                                            GError          **error);

G_END_DECLS
