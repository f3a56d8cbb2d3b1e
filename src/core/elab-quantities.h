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
  /* What a lesson's text calls it ("model A's mean entropy H"); a 0/1
   * read-out is the statement that holds at 1 ("the run converges"),
   * with @label_not the one at 0. */
  const char   *label;
  const char   *label_not;
  gboolean      in_unit;  /* in bits or nats (the state's unit) */
} ElabQuantity;

/* The read-outs (not the parameters), in the order --help lists them. */
const ElabQuantity *elab_quantities        (guint            *n_quantities);
/* TRUE when @name is a read-out or a numeric parameter. */
gboolean            elab_quantity_exists   (const char       *name);
/* The value of @name for @state; G_OPTION_ERROR_BAD_VALUE when unknown,
 * or when training data cannot be read (its message). An arg-max with
 * several equal maxima gives the leftmost: elab_quantity_eval_answer()
 * gives them all. */
gboolean            elab_quantity_eval     (const char       *name,
                                            const ElabState  *state,
                                            double           *res,
                                            GError          **error);
/* What a person reads @name as: its label, or for a parameter its help
 * line's subject ("slope θ of the model q", "logit 3"). */
char               *elab_quantity_dup_label (const char      *name);

/* ---- Answers ------------------------------------------------------------ */

#define ELAB_ANSWER_MAX 8

/* Two samples tie for the largest when they differ by at most this,
 * relative to the largest. Maxima equal in the math (KL(p‖q) at ±1.9 when
 * p and q share their centre) are computed from different logits and may
 * differ by a few ulps (the accuracy bar allows 1e-12), so == would miss
 * one; neighbouring samples of one smooth peak differ by about f″·h²/2,
 * 3.5e-4 relative for the lesson's σ(x) and σ(2x) at 241 samples. */
#define ELAB_ANSWER_TIE 1e-9

/* A guess within this fraction of the x range of the answer is right:
 * a twentieth (0.6 on [−6, 6]) is where a person sees the line, at the
 * precision of a click on a plot a few hundred pixels wide. */
#define ELAB_ANSWER_CLOSE 0.05

/* What a question's guess is judged against: every x where an arg-max is
 * reached, as spans of adjacent tied samples (lo == hi: one sample; a
 * flat curve, p = q, is one span over the whole range), in ascending
 * order; or, for a value, that value. The first ELAB_ANSWER_MAX count. */
typedef struct
{
  guint n;                /* 0: none (an answer not revealed) */
  struct
  {
    double lo;
    double hi;
  } at[ELAB_ANSWER_MAX];
} ElabAnswer;

#define ELAB_ANSWER_INIT ((ElabAnswer) { 0 })

/* Every value of @name for @state, as elab_quantity_eval(): one for a
 * value, all the equal maxima for an arg-max. Never NaN: the maxima are
 * samples of the curves, compared as they are computed. */
gboolean            elab_quantity_eval_answer (const char      *name,
                                               const ElabState *state,
                                               ElabAnswer      *res,
                                               GError         **error);
/* How far @x is from the nearest of @answer's spans (0 inside one);
 * +∞ when @answer is empty. */
double              elab_answer_distance   (const ElabAnswer *answer,
                                            double            x);
/* Whether a guess at @x is right: within ELAB_ANSWER_CLOSE of the
 * x range [@x_min, @x_max] of the nearest answer. */
gboolean            elab_answer_is_close   (const ElabAnswer *answer,
                                            double            x,
                                            double            x_min,
                                            double            x_max);
/* The answer as a person reads it: "±1.9" for two opposite values,
 * "−1.9 or 1.9", "−2, 0 or 2", "−6 to 6" for a span; preceded by
 * "@variable = " (or "@variable from " for one span) unless NULL. */
char               *elab_answer_format     (const ElabAnswer *answer,
                                            const char       *variable);

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
/* The goal as a person reads it, each term by its label, in @unit where
 * the quantity is: "model A's mean entropy H ≤ 0.2 bits and the run
 * converges". */
char               *elab_goal_describe     (const ElabGoal   *goal,
                                            ElabUnit          unit);
/* Whether @state meets every term (= within @tolerance, the others with
 * @tolerance of slack). An arg-max with several maxima meets a term when
 * one of them does. */
gboolean            elab_goal_check        (const ElabGoal   *goal,
                                            const ElabState  *state,
                                            double            tolerance,
                                            gboolean         *res_met,
                                            GError          **error);

G_END_DECLS
