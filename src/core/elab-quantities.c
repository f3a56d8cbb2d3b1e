/* elab-quantities.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "elab-curves.h"
#include "elab-params.h"
#include "elab-quantities.h"
#include "elab-softmax.h"
#include "elab-trainer.h"

static const ElabQuantity quantities[] = {
  { "mean-entropy-a", ELAB_PAGE_ENTROPY, FALSE, "model A's mean entropy over the x range" },
  { "mean-entropy-b", ELAB_PAGE_ENTROPY, FALSE, "model B's mean entropy over the x range" },
  { "mean-entropy-c", ELAB_PAGE_ENTROPY, FALSE, "model C's mean entropy over the x range" },
  { "mean-h-p", ELAB_PAGE_CROSS_ENTROPY, FALSE, "mean H(p) over the x range" },
  { "mean-h-q", ELAB_PAGE_CROSS_ENTROPY, FALSE, "mean H(q) over the x range" },
  { "mean-h-pq", ELAB_PAGE_CROSS_ENTROPY, FALSE, "mean H(p, q) over the x range" },
  { "mean-h-qp", ELAB_PAGE_CROSS_ENTROPY, FALSE, "mean H(q, p) over the x range" },
  { "mean-kl-pq", ELAB_PAGE_CROSS_ENTROPY, FALSE, "mean KL(p‖q) over the x range" },
  { "mean-kl-qp", ELAB_PAGE_CROSS_ENTROPY, FALSE, "mean KL(q‖p) over the x range" },
  { "argmax-kl-pq", ELAB_PAGE_CROSS_ENTROPY, TRUE, "the x where KL(p‖q) is largest" },
  { "argmax-kl-qp", ELAB_PAGE_CROSS_ENTROPY, TRUE, "the x where KL(q‖p) is largest" },
  { "softmax-entropy", ELAB_PAGE_SOFTMAX, FALSE, "entropy of the softmax probabilities" },
  { "softmax-max-entropy", ELAB_PAGE_SOFTMAX, FALSE, "log K, the largest possible entropy" },
  { "target-entropy", ELAB_PAGE_SOFTMAX, FALSE, "entropy of the target distribution" },
  { "softmax-cross-entropy", ELAB_PAGE_SOFTMAX, FALSE, "cross-entropy H(target, softmax)" },
  { "softmax-kl", ELAB_PAGE_SOFTMAX, FALSE, "KL(target ‖ softmax)" },
  { "loss", ELAB_PAGE_TRAINING, FALSE, "the mean cross-entropy loss after the run's steps" },
  { "steps-taken", ELAB_PAGE_TRAINING, FALSE, "the steps the run took (fewer when it converged)" },
  { "converged", ELAB_PAGE_TRAINING, FALSE, "1 when the run converged, else 0" },
  { "diverged", ELAB_PAGE_TRAINING, FALSE, "1 when the run diverged, else 0" },
};

const ElabQuantity *
elab_quantities (guint *n_quantities)
{
  if (n_quantities != NULL)
    *n_quantities = G_N_ELEMENTS (quantities);
  return quantities;
}

static const ElabQuantity *
find (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (quantities); i++)
    if (strcmp (quantities[i].name, name) == 0)
      return &quantities[i];
  return NULL;
}

/* A numeric parameter: a double, a whole number or one logit. */
static const ElabParam *
find_param (const char *name,
            int        *index)
{
  const ElabParam *param = elab_param_lookup (name, index);

  if (param == NULL)
    return NULL;
  if (param->type == ELAB_PARAM_DOUBLE || param->type == ELAB_PARAM_UINT ||
      (param->type == ELAB_PARAM_LIST && *index >= 0))
    return param;
  return NULL;
}

gboolean
elab_quantity_exists (const char *name)
{
  int index;

  g_return_val_if_fail (name != NULL, FALSE);

  return find (name) != NULL || find_param (name, &index) != NULL;
}

static double
pair_value (const char      *name,
            const ElabState *state)
{
  g_autoptr (ElabPairCurves) c = elab_pair_curves_new (state->samples);
  const double *kl;
  double best = -1, at = NAN;

  elab_pair_curves_compute (c, &state->p, &state->q, state->x_min, state->x_max,
                            state->samples, state->unit);
  if (strcmp (name, "mean-h-p") == 0)
    return c->mean_h_p;
  if (strcmp (name, "mean-h-q") == 0)
    return c->mean_h_q;
  if (strcmp (name, "mean-h-pq") == 0)
    return c->mean_h_pq;
  if (strcmp (name, "mean-h-qp") == 0)
    return c->mean_h_qp;
  if (strcmp (name, "mean-kl-pq") == 0)
    return c->mean_kl_pq;
  if (strcmp (name, "mean-kl-qp") == 0)
    return c->mean_kl_qp;

  kl = strcmp (name, "argmax-kl-pq") == 0 ? c->kl_pq : c->kl_qp;
  for (guint i = 0; i < c->n; i++)
    if (kl[i] > best)
      {
        best = kl[i];
        at = c->x[i];
      }
  return at;
}

static double
softmax_value (const char      *name,
               const ElabState *state)
{
  double factor = elab_unit_factor (state->unit);

  if (strcmp (name, "softmax-entropy") == 0)
    return elab_softmax_entropy_in_unit (state->logits, state->k, state->temperature, state->unit);
  if (strcmp (name, "softmax-max-entropy") == 0)
    return elab_softmax_max_entropy (state->k, state->unit);
  if (strcmp (name, "target-entropy") == 0)
    return elab_entropy (state->target, state->k) * factor;
  if (strcmp (name, "softmax-cross-entropy") == 0)
    return elab_softmax_cross_entropy (state->target, state->logits, state->k, state->temperature) * factor;
  return elab_softmax_kl (state->target, state->logits, state->k, state->temperature) * factor;
}

static gboolean
training_value (const char       *name,
                const ElabState  *state,
                double           *res,
                GError          **error)
{
  g_autoptr (ElabTrainer) trainer = elab_trainer_new_for_state (state, error);
  ElabTrainStatus status;

  if (trainer == NULL)
    return FALSE;
  elab_trainer_step (trainer, state->steps);
  status = elab_trainer_get_status (trainer);

  if (strcmp (name, "loss") == 0)
    *res = elab_trainer_get_loss (trainer) * elab_unit_factor (state->unit);
  else if (strcmp (name, "steps-taken") == 0)
    *res = (double) elab_trainer_get_steps (trainer);
  else if (strcmp (name, "converged") == 0)
    *res = status == ELAB_TRAIN_STATUS_CONVERGED;
  else
    *res = status == ELAB_TRAIN_STATUS_DIVERGED;
  return TRUE;
}

gboolean
elab_quantity_eval (const char       *name,
                    const ElabState  *state,
                    double           *res,
                    GError          **error)
{
  const ElabQuantity *q;
  const ElabParam *param;
  int index;

  g_return_val_if_fail (name != NULL && state != NULL && res != NULL, FALSE);

  q = find (name);
  if (q == NULL)
    {
      param = find_param (name, &index);
      if (param == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "unknown quantity '%s' (see `entropy-lab export --help`)", name);
          return FALSE;
        }
      *res = elab_param_get_number (param, index, state);
      return TRUE;
    }

  switch (q->page)
    {
    case ELAB_PAGE_ENTROPY:
      {
        g_autoptr (ElabModelCurves) c = elab_model_curves_new (state->samples);

        elab_model_curves_compute (c, &state->models[name[strlen (name) - 1] - 'a'],
                                   state->x_min, state->x_max, state->samples, state->unit);
        *res = c->mean_h;
        return TRUE;
      }
    case ELAB_PAGE_CROSS_ENTROPY:
      *res = pair_value (name, state);
      return TRUE;
    case ELAB_PAGE_SOFTMAX:
      *res = softmax_value (name, state);
      return TRUE;
    case ELAB_PAGE_TRAINING:
    default:
      return training_value (name, state, res, error);
    }
}

/* ---- Goals ------------------------------------------------------------ */

/* The comparison at @at ("<", "<=", ">", ">=", "="); its length in @len. */
static ElabGoalOp
read_op (const char *at,
         gsize      *len)
{
  gboolean or_equal = at[1] == '=';

  *len = or_equal && at[0] != '=' ? 2 : 1;
  switch (at[0])
    {
    case '<':
      return or_equal ? ELAB_GOAL_LE : ELAB_GOAL_LT;
    case '>':
      return or_equal ? ELAB_GOAL_GE : ELAB_GOAL_GT;
    default:
      return ELAB_GOAL_EQ;
    }
}

gboolean
elab_goal_parse (const char  *text,
                 ElabGoal    *res,
                 GError     **error)
{
  g_auto (GStrv) terms = NULL;
  ElabGoal goal = { 0 };

  g_return_val_if_fail (text != NULL && res != NULL, FALSE);

  terms = g_strsplit (text, " and ", -1);
  for (guint i = 0; terms[i] != NULL; i++)
    {
      char *term = g_strstrip (terms[i]);
      const char *at = strpbrk (term, "<>=");
      g_autofree char *name = NULL;
      ElabGoalOp op;
      gsize len;
      double value;

      if (goal.n_terms == ELAB_GOAL_MAX_TERMS)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "at most %d comparisons joined by 'and'", ELAB_GOAL_MAX_TERMS);
          return FALSE;
        }
      if (at == NULL)
        {
          g_autofree char *q = elab_param_quote (term, strlen (term));
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "%s is not a comparison such as 'mean-kl-pq <= 0.05'", q);
          return FALSE;
        }
      op = read_op (at, &len);

      name = g_strstrip (g_strndup (term, (gsize) (at - term)));
      if (!elab_quantity_exists (name))
        {
          g_autofree char *q = elab_param_quote (name, strlen (name));
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "unknown quantity %s (see `entropy-lab export --help`)", q);
          return FALSE;
        }
      at = g_strchug ((char *) at + len);
      if (!elab_param_read_double (at, &value) || !isfinite (value))
        {
          g_autofree char *q = elab_param_quote (at, strlen (at));
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "%s: %s is not a finite number", name, q);
          return FALSE;
        }
      g_strlcpy (goal.terms[goal.n_terms].name, name, sizeof goal.terms[0].name);
      goal.terms[goal.n_terms].op = op;
      goal.terms[goal.n_terms].value = value;
      goal.n_terms++;
    }

  *res = goal;
  return TRUE;
}

gboolean
elab_goal_check (const ElabGoal   *goal,
                 const ElabState  *state,
                 double            tolerance,
                 gboolean         *res_met,
                 GError          **error)
{
  gboolean met = TRUE;

  g_return_val_if_fail (goal != NULL && state != NULL && res_met != NULL, FALSE);

  for (guint i = 0; i < goal->n_terms; i++)
    {
      double v, want = goal->terms[i].value;

      if (!elab_quantity_eval (goal->terms[i].name, state, &v, error))
        return FALSE;
      switch (goal->terms[i].op)
        {
        case ELAB_GOAL_LT:
          met &= v < want + tolerance;
          break;
        case ELAB_GOAL_LE:
          met &= v <= want + tolerance;
          break;
        case ELAB_GOAL_GT:
          met &= v > want - tolerance;
          break;
        case ELAB_GOAL_GE:
          met &= v >= want - tolerance;
          break;
        case ELAB_GOAL_EQ:
        default:
          met &= fabs (v - want) <= tolerance;
          break;
        }
    }
  *res_met = met;
  return TRUE;
}
