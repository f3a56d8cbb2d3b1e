/* elab-quantities.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "elab-curves.h"
#include "elab-number.h"
#include "elab-params.h"
#include "elab-quantities.h"
#include "elab-softmax.h"
#include "elab-trainer.h"

static const ElabQuantity quantities[] = {
  { "mean-entropy-a", ELAB_PAGE_ENTROPY, FALSE, "model A's mean entropy over the x range",
    "model A's mean entropy H", NULL, TRUE },
  { "mean-entropy-b", ELAB_PAGE_ENTROPY, FALSE, "model B's mean entropy over the x range",
    "model B's mean entropy H", NULL, TRUE },
  { "mean-entropy-c", ELAB_PAGE_ENTROPY, FALSE, "model C's mean entropy over the x range",
    "model C's mean entropy H", NULL, TRUE },
  { "mean-h-p", ELAB_PAGE_CROSS_ENTROPY, FALSE, "mean H(p) over the x range", "the mean of H(p)", NULL, TRUE },
  { "mean-h-q", ELAB_PAGE_CROSS_ENTROPY, FALSE, "mean H(q) over the x range", "the mean of H(q)", NULL, TRUE },
  { "mean-h-pq", ELAB_PAGE_CROSS_ENTROPY, FALSE, "mean H(p, q) over the x range", "the mean of H(p, q)",
    NULL, TRUE },
  { "mean-h-qp", ELAB_PAGE_CROSS_ENTROPY, FALSE, "mean H(q, p) over the x range", "the mean of H(q, p)",
    NULL, TRUE },
  { "mean-kl-pq", ELAB_PAGE_CROSS_ENTROPY, FALSE, "mean KL(p‖q) over the x range", "the mean of KL(p‖q)",
    NULL, TRUE },
  { "mean-kl-qp", ELAB_PAGE_CROSS_ENTROPY, FALSE, "mean KL(q‖p) over the x range", "the mean of KL(q‖p)",
    NULL, TRUE },
  { "argmax-kl-pq", ELAB_PAGE_CROSS_ENTROPY, TRUE, "the x where KL(p‖q) is largest",
    "the x where KL(p‖q) is largest", NULL, FALSE },
  { "argmax-kl-qp", ELAB_PAGE_CROSS_ENTROPY, TRUE, "the x where KL(q‖p) is largest",
    "the x where KL(q‖p) is largest", NULL, FALSE },
  { "softmax-entropy", ELAB_PAGE_SOFTMAX, FALSE, "entropy of the softmax probabilities",
    "the softmax's entropy H", NULL, TRUE },
  { "softmax-max-entropy", ELAB_PAGE_SOFTMAX, FALSE, "log K, the largest possible entropy", "log K", NULL, TRUE },
  { "target-entropy", ELAB_PAGE_SOFTMAX, FALSE, "entropy of the target distribution",
    "the target's entropy H", NULL, TRUE },
  { "softmax-cross-entropy", ELAB_PAGE_SOFTMAX, FALSE, "cross-entropy H(target, softmax)",
    "the cross-entropy H(target, softmax)", NULL, TRUE },
  { "softmax-kl", ELAB_PAGE_SOFTMAX, FALSE, "KL(target ‖ softmax)", "KL(target ‖ softmax)", NULL, TRUE },
  { "loss", ELAB_PAGE_TRAINING, FALSE, "the mean cross-entropy loss after the run's steps",
    "the loss after the run", NULL, TRUE },
  { "steps-taken", ELAB_PAGE_TRAINING, FALSE, "the steps the run took (fewer when it converged)",
    "the run's steps", NULL, FALSE },
  { "converged", ELAB_PAGE_TRAINING, FALSE, "1 when the run converged, else 0",
    "the run converges", "the run does not converge", FALSE },
  { "diverged", ELAB_PAGE_TRAINING, FALSE, "1 when the run diverged, else 0",
    "the run diverges", "the run does not diverge", FALSE },
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

/* Every x where @y (n samples over @x) is largest, ties within
 * ELAB_ANSWER_TIE of the largest; runs of adjacent tied samples are one
 * span. A NaN never ties (the curves have none). */
static void
arg_max (const double *x,
         const double *y,
         guint         n,
         ElabAnswer   *res)
{
  double best = -INFINITY;
  gboolean in_run = FALSE;

  for (guint i = 0; i < n; i++)
    if (y[i] > best)
      best = y[i];

  res->n = 0;
  for (guint i = 0; i < n; i++)
    {
      /* == first: at best = ±∞ the difference is NaN. */
      gboolean tied = y[i] == best || fabs (y[i] - best) <= ELAB_ANSWER_TIE * fabs (best);

      if (tied && in_run)
        res->at[res->n - 1].hi = x[i];
      else if (tied && res->n < ELAB_ANSWER_MAX)
        {
          res->at[res->n].lo = res->at[res->n].hi = x[i];
          res->n++;
        }
      else if (tied)
        break;
      in_run = tied;
    }
}

static void
pair_value (const char      *name,
            const ElabState *state,
            ElabAnswer      *res)
{
  g_autoptr (ElabPairCurves) c = elab_pair_curves_new (state->samples);
  double v;

  elab_pair_curves_compute (c, &state->p, &state->q, state->x_min, state->x_max,
                            state->samples, state->unit);
  if (strcmp (name, "argmax-kl-pq") == 0 || strcmp (name, "argmax-kl-qp") == 0)
    {
      arg_max (c->x, strcmp (name, "argmax-kl-pq") == 0 ? c->kl_pq : c->kl_qp, c->n, res);
      return;
    }

  if (strcmp (name, "mean-h-p") == 0)
    v = c->mean_h_p;
  else if (strcmp (name, "mean-h-q") == 0)
    v = c->mean_h_q;
  else if (strcmp (name, "mean-h-pq") == 0)
    v = c->mean_h_pq;
  else if (strcmp (name, "mean-h-qp") == 0)
    v = c->mean_h_qp;
  else if (strcmp (name, "mean-kl-pq") == 0)
    v = c->mean_kl_pq;
  else
    v = c->mean_kl_qp;
  res->n = 1;
  res->at[0].lo = res->at[0].hi = v;
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
elab_quantity_eval_answer (const char       *name,
                           const ElabState  *state,
                           ElabAnswer       *res,
                           GError          **error)
{
  const ElabQuantity *q;
  const ElabParam *param;
  double v;
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
      v = elab_param_get_number (param, index, state);
    }
  else
    switch (q->page)
      {
      case ELAB_PAGE_ENTROPY:
        {
          g_autoptr (ElabModelCurves) c = elab_model_curves_new (state->samples);

          elab_model_curves_compute (c, &state->models[name[strlen (name) - 1] - 'a'],
                                     state->x_min, state->x_max, state->samples, state->unit);
          v = c->mean_h;
          break;
        }
      case ELAB_PAGE_CROSS_ENTROPY:
        pair_value (name, state, res);
        return TRUE;
      case ELAB_PAGE_SOFTMAX:
        v = softmax_value (name, state);
        break;
      case ELAB_PAGE_TRAINING:
      default:
        if (!training_value (name, state, &v, error))
          return FALSE;
        break;
      }

  res->n = 1;
  res->at[0].lo = res->at[0].hi = v;
  return TRUE;
}

gboolean
elab_quantity_eval (const char       *name,
                    const ElabState  *state,
                    double           *res,
                    GError          **error)
{
  ElabAnswer answer;

  g_return_val_if_fail (name != NULL && state != NULL && res != NULL, FALSE);

  if (!elab_quantity_eval_answer (name, state, &answer, error))
    return FALSE;
  *res = answer.n > 0 ? answer.at[0].lo : NAN;
  return TRUE;
}

char *
elab_quantity_dup_label (const char *name)
{
  const ElabQuantity *q;
  const ElabParam *param;
  const char *help, *colon, *end;
  char *label;
  int index;

  g_return_val_if_fail (name != NULL, NULL);

  if ((q = find (name)) != NULL)
    return g_strdup (q->label);
  if ((param = find_param (name, &index)) == NULL)
    return g_strdup (name);

  /* "logit-3": "logit 3". */
  if (index >= 0)
    return g_strdelimit (g_strdup (name), "-", ' ');
  /* "Entropy figure: slope θ of model A = σ(θx + b)": the subject alone,
   * "slope θ of model A", as it reads within a sentence. */
  help = param->help;
  if ((colon = strstr (help, ": ")) != NULL)
    help = colon + 2;
  end = help + strlen (help);
  for (const char *const *cut = (const char *const[]) { " = ", " (", ", ", NULL }; *cut != NULL; cut++)
    {
      const char *at = strstr (help, *cut);

      if (at != NULL && at < end)
        end = at;
    }
  label = g_strndup (help, (gsize) (end - help));
  label[0] = g_ascii_tolower (label[0]);
  return label;
}

double
elab_answer_distance (const ElabAnswer *answer,
                      double            x)
{
  double best = INFINITY;

  g_return_val_if_fail (answer != NULL, INFINITY);

  for (guint i = 0; i < answer->n; i++)
    {
      double d = x < answer->at[i].lo ? answer->at[i].lo - x : x > answer->at[i].hi ? x - answer->at[i].hi : 0;

      best = MIN (best, d);
    }
  return best;
}

gboolean
elab_answer_is_close (const ElabAnswer *answer,
                      double            x,
                      double            x_min,
                      double            x_max)
{
  g_return_val_if_fail (answer != NULL, FALSE);

  return elab_answer_distance (answer, x) <= ELAB_ANSWER_CLOSE * fabs (x_max - x_min);
}

char *
elab_answer_format (const ElabAnswer *answer,
                    const char       *variable)
{
  GString *s;
  char a[ELAB_NUMBER_BUF_SIZE], b[ELAB_NUMBER_BUF_SIZE];

  g_return_val_if_fail (answer != NULL, NULL);

  s = g_string_new (NULL);
  if (answer->n == 0)
    return g_string_free (s, FALSE);

  if (variable != NULL)
    g_string_append_printf (s, "%s %s ", variable,
                            answer->n == 1 && answer->at[0].lo < answer->at[0].hi ? "from" : "=");

  /* Two opposite points, as a person reads them: "±1.9". */
  elab_number_format (fabs (answer->at[0].lo), ELAB_NUMBER_PARAMETER, a, sizeof a);
  elab_number_format (fabs (answer->at[answer->n - 1].hi), ELAB_NUMBER_PARAMETER, b, sizeof b);
  if (answer->n == 2 && answer->at[0].lo == answer->at[0].hi && answer->at[1].lo == answer->at[1].hi &&
      answer->at[0].lo < 0 && answer->at[1].lo > 0 && strcmp (a, b) == 0)
    {
      g_string_append_printf (s, "±%s", a);
      return g_string_free (s, FALSE);
    }

  for (guint i = 0; i < answer->n; i++)
    {
      if (i > 0)
        g_string_append (s, i == answer->n - 1 ? " or " : ", ");
      elab_number_format (answer->at[i].lo, ELAB_NUMBER_PARAMETER, a, sizeof a);
      g_string_append (s, a);
      if (answer->at[i].lo < answer->at[i].hi)
        {
          elab_number_format (answer->at[i].hi, ELAB_NUMBER_PARAMETER, b, sizeof b);
          g_string_append_printf (s, " to %s", b);
        }
    }
  return g_string_free (s, FALSE);
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

char *
elab_goal_describe (const ElabGoal *goal,
                    ElabUnit        unit)
{
  static const char *ops[] = { "<", "≤", ">", "≥", "=" };
  GString *s;

  g_return_val_if_fail (goal != NULL, NULL);

  s = g_string_new (NULL);
  for (guint i = 0; i < goal->n_terms; i++)
    {
      const ElabQuantity *q = find (goal->terms[i].name);
      g_autofree char *label = elab_quantity_dup_label (goal->terms[i].name);
      double want = goal->terms[i].value;
      ElabGoalOp op = goal->terms[i].op;
      char buf[ELAB_NUMBER_BUF_SIZE];

      if (i > 0)
        g_string_append (s, " and ");
      /* A 0/1 read-out is a statement: "converged = 1", "the run converges". */
      if (q != NULL && q->label_not != NULL &&
          ((op == ELAB_GOAL_EQ && (want == 0 || want == 1)) || (op == ELAB_GOAL_GE && want == 1) ||
           (op == ELAB_GOAL_LE && want == 0)))
        {
          g_string_append (s, want == 1 ? q->label : q->label_not);
          continue;
        }
      elab_number_format (want, ELAB_NUMBER_PARAMETER, buf, sizeof buf);
      g_string_append_printf (s, "%s %s %s", label, ops[op], buf);
      if (q != NULL && q->in_unit)
        {
          const char *name = elab_unit_to_string (unit);

          /* "1 bit", "0.5 bits". */
          g_string_append_printf (s, " %.*s", (int) strlen (name) - (strcmp (buf, "1") == 0), name);
        }
    }
  return g_string_free (s, FALSE);
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
      ElabAnswer answer;

      if (!elab_quantity_eval_answer (goal->terms[i].name, state, &answer, error))
        return FALSE;
      if (answer.n == 0)
        {
          met = FALSE;
          continue;
        }
      /* Of several maxima, the one that comes nearest to meeting the term:
       * the smallest for < and ≤, the largest for > and ≥, the nearest for =. */
      switch (goal->terms[i].op)
        {
        case ELAB_GOAL_LT:
        case ELAB_GOAL_LE:
          v = answer.at[0].lo;
          break;
        case ELAB_GOAL_GT:
        case ELAB_GOAL_GE:
          v = answer.at[answer.n - 1].hi;
          break;
        case ELAB_GOAL_EQ:
        default:
          v = answer.at[0].lo;
          for (guint j = 0; j < answer.n; j++)
            {
              double at = CLAMP (want, answer.at[j].lo, answer.at[j].hi);

              if (fabs (at - want) < fabs (v - want))
                v = at;
            }
          break;
        }
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
