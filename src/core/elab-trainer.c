/* elab-trainer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gradient descent, momentum and Newton's method on the mean
 * cross-entropy or the mean squared error, in standardised coordinates
 * where that makes them
 * independent of the data's scale. Each step is one pass over the rows
 * (elab-trainer-pass.c) on the caller's thread.
 */
#include <math.h>
#include <string.h>

#include "elab-trainer.h"
#include "elab-trainer-private.h"

/* How the labels are separated, when they are: which way the loss has no
 * finite minimiser decides what the user is told. */
typedef enum
{
  SEPARATION_NONE,
  SEPARATION_ONE_CLASS,   /* every label the same: b → ±∞, loss → 0 */
  SEPARATION_COMPLETE,    /* a threshold splits the classes: loss → 0 as |w| → ∞ */
  SEPARATION_QUASI,       /* split but for ties at the threshold: the loss levels off above 0 */
} Separation;

/* The loss, gradient and Hessian one pass finds at a point. */
typedef struct
{
  double loss;
  double dw;   /* raw gradient */
  double db;
  double gs;   /* ∂L/∂u in standardised coordinates: mean((ŷ−y)·xs) */
  double h00, h01, h11;  /* standardised Hessian */
} Eval;

struct _ElabTrainer
{
  ElabDataset         *dataset;
  ElabTrainerSettings  settings;
  guint                generation;

  /* Fixed by the data: centre and scale of x. */
  double               center;      /* mean x with a bias, 0 without */
  double               scale;       /* sd of x (rms without a bias), 1 if 0 */
  double               inv_scale;   /* 1 / scale, or 1 where that overflows */
  double               safe_rate;   /* 1 / the loss's curvature bound, raw x */
  double               safe_rate_std; /* the same on standardised x */
  gboolean             separable;
  Separation           separation;
  gboolean             has_optimum;
  double               opt_w;
  double               opt_b;
  double               opt_loss;

  /* The current point and what one pass found there. */
  double               w;
  double               b;
  Eval                 at;         /* the Hessian for Newton only */
  double               vel_w;      /* momentum, in the optimizer's coordinates */
  double               vel_b;
  double               loss0;
  guint64              steps;
  guint64              singular_steps; /* Newton steps taken by gradient */
  ElabTrainStatus      status;
  char                *message;

  ElabTrainPoint      *history;
  gsize                n_history;
  guint64              stride;       /* history keeps steps that are multiples */
  gboolean             last_transient;

};


/* ln 2 as the double nearest it plus the rest. */
#define LN2_HI 0x1.62e42fefa39efp-1
#define LN2_LO 0x1.abc9e3b39803fp-56

/* The mean loss (lin + log1p + E·ln 2)/n, in double-double before the
 * one rounding of the quotient: at w = b = 0 every row adds ln 2, and the
 * mean is then the double nearest ln 2 exactly (1 bit, not
 * 1.0000000000000002). */
static double
loss_of_sums (const Sums *s,
              double      n)
{
  double e = s->log2_count;
  double hi = e * LN2_HI;
  double lo = fma (e, LN2_HI, -hi) + e * LN2_LO;
  double rest = s->lin + s->log1p;
  double t = hi + rest;
  double bb = t - hi;
  double q, r;

  lo += (hi - (t - bb)) + (rest - bb);
  hi = t;
  q = hi / n;
  if (!isfinite (q))
    return q;
  r = fma (-q, n, hi) + lo;
  return q + r / n;
}

static void
evaluate (const ElabTrainer *self,
          double             w,
          double             b,
          gboolean           hessian,
          Eval              *res)
{
  const ElabDataset *d = self->dataset;
  double n = (double) d->n_rows;
  PassAt at = {
    .x = d->x, .y = d->y, .n = d->n_rows,
    .w = w, .b = b, .c = self->center, .k = self->inv_scale,
    .hessian = hessian,
  };
  Sums s;

  _elab_trainer_pass (self->settings.loss, &at, &s);
  res->loss = loss_of_sums (&s, n);
  /* Below this the vector exp's clamp at e^−708 would show: the plain
   * pass keeps a tiny loss to full relative precision. */
  if (res->loss < 1e-270)
    {
      _elab_trainer_pass_reference (self->settings.loss, &at, &s);
      res->loss = loss_of_sums (&s, n);
    }
  res->gs = s.s1 / n;
  res->db = self->settings.use_bias ? s.s0 / n : 0.0;
  /* x = xs/k + c, so ∂L/∂w = mean((ŷ−y)·x) = gs/k + c·mean(ŷ−y). */
  res->dw = res->gs / self->inv_scale + self->center * s.s0 / n;
  res->h00 = s.h00 / n;
  res->h01 = s.h01 / n;
  res->h11 = s.h11 / n;
}

static double
norm2 (double a,
       double b)
{
  return hypot (a, b);
}

/* ------------------------------------------------------------------ */

const char *
elab_train_status_to_string (ElabTrainStatus status)
{
  switch (status)
    {
    case ELAB_TRAIN_STATUS_RUNNING:           return "running";
    case ELAB_TRAIN_STATUS_CONVERGED:         return "converged";
    case ELAB_TRAIN_STATUS_MAX_STEPS:         return "max-steps";
    case ELAB_TRAIN_STATUS_DIVERGED:          return "diverged";
    case ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM: return "no-finite-optimum";
    default:                                  return "unknown";
    }
}

static Separation
check_separable (const ElabDataset *d,
                 gboolean           use_bias)
{
  if (use_bias)
    {
      double max0 = -INFINITY, min0 = INFINITY, max1 = -INFINITY, min1 = INFINITY;

      for (gsize i = 0; i < d->n_rows; i++)
        {
          double x = d->x[i];
          if (d->y[i] != 0.0)
            max1 = MAX (max1, x), min1 = MIN (min1, x);
          else
            max0 = MAX (max0, x), min0 = MIN (min0, x);
        }
      /* One class only: b → ±∞. */
      if (isinf (max0) || isinf (max1))
        return SEPARATION_ONE_CLASS;
      if (max0 < min1 || max1 < min0)
        return SEPARATION_COMPLETE;
      /* A threshold t with class 0 on one side and class 1 on the other,
       * both classes at t itself (quasi-separation) as long as some point
       * is off the threshold: those at t keep their loss, the rest's
       * falls to 0. */
      if (max0 == min1 && !(min0 == max0 && max1 == min1))
        return SEPARATION_QUASI;
      if (max1 == min0 && !(min1 == max1 && max0 == min0))
        return SEPARATION_QUASI;
      return SEPARATION_NONE;
    }
  else
    {
      /* z = w·x: separable when sign(x)·(2y−1) has one sign and some x
       * is non-zero; rows at x = 0 keep log 2 each whatever w. */
      gboolean pos_ok = TRUE, neg_ok = TRUE, any = FALSE, zero = FALSE;

      for (gsize i = 0; i < d->n_rows; i++)
        {
          double m = d->x[i] * (d->y[i] != 0.0 ? 1.0 : -1.0);
          if (m < 0)
            pos_ok = FALSE;
          if (m > 0)
            neg_ok = FALSE;
          if (m != 0)
            any = TRUE;
          else
            zero = TRUE;
        }
      if (!(any && (pos_ok || neg_ok)))
        return SEPARATION_NONE;
      return zero ? SEPARATION_QUASI : SEPARATION_COMPLETE;
    }
}

/* Newton's step (Δu, Δv) in standardised coordinates (u, v), z = u·xs + v,
 * where the Hessian's conditioning does not depend on the data's scale
 * (x near 1e10 or 1e-150 alike). FALSE when the Hessian is singular to
 * working precision, relative to its own entries. */
static gboolean
newton_direction_std (const ElabTrainer *self,
                      const Eval        *ev,
                      double            *res_du,
                      double            *res_dv)
{
  if (self->settings.use_bias)
    {
      double det = ev->h00 * ev->h11 - ev->h01 * ev->h01;

      if (!(ev->h00 > 0 && ev->h11 > 0 && det > 1e-12 * ev->h00 * ev->h11))
        return FALSE;
      *res_du = -(ev->h11 * ev->gs - ev->h01 * ev->db) / det;
      *res_dv = -(ev->h00 * ev->db - ev->h01 * ev->gs) / det;
    }
  else
    {
      if (!(ev->h00 > 0))
        return FALSE;
      *res_du = -ev->gs / ev->h00;
      *res_dv = 0.0;
    }
  return isfinite (*res_du) && isfinite (*res_dv);
}

/* A step (Δu, Δv) in standardised coordinates, as (Δw, Δb) on the
 * data's scale: w = u·k, b = v − w·c. */
static void
std_to_raw_step (const ElabTrainer *self,
                 double             du,
                 double             dv,
                 double            *res_dw,
                 double            *res_db)
{
  *res_dw = du * self->inv_scale;
  *res_db = self->settings.use_bias ? dv - *res_dw * self->center : 0.0;
}

/* Newton's convergence test, free of the data's scale: the step is
 * measured in standardised coordinates against the parameters there.
 * Newton converges quadratically, so taking a step this small leaves an
 * error near its square: the fit to the last digits. */
static gboolean
step_is_negligible (const ElabTrainer *self,
                    double             w,
                    double             b,
                    double             du,
                    double             dv,
                    double             rel)
{
  double u = w / self->inv_scale, v = b + w * self->center;

  return fabs (du) <= rel * (1.0 + fabs (u)) && fabs (dv) <= rel * (1.0 + fabs (v));
}

/* Moves from @w, @b (evaluated in @ev, Hessian included) along the
 * standardised direction (du, dv), halving until the loss does not grow.
 * Returns the step size taken, 0 when no step lowers the loss. */
static double
line_search (const ElabTrainer *self,
             double            *w,
             double            *b,
             Eval              *ev,
             double             du,
             double             dv)
{
  double dw, db;

  std_to_raw_step (self, du, dv, &dw, &db);
  for (int k = 0; k < 60; k++)
    {
      double a = ldexp (1.0, -k);
      double nw = *w + a * dw, nb = *b + a * db;
      Eval next;

      evaluate (self, nw, nb, TRUE, &next);
      if (isfinite (next.loss) && next.loss <= ev->loss)
        {
          *w = nw;
          *b = nb;
          *ev = next;
          return a;
        }
    }
  return 0.0;
}

/* The loss's curvature is at most L = λmax(¼·mean(x̃x̃ᵀ)), x̃ = (x, 1)
 * (σ′ ≤ ¼), so gradient descent with a rate up to 1/L never raises the
 * loss. The squared error's |ℓ″| = |2σ²(1−σ)(2−3σ)| (y = 0; y = 1 is its
 * mirror) is at most 0.154, below ¼, so the same rate is safe for it. Returns 1/L for x̃ = ((x − c)·k, 1), computed with x scaled by its
 * largest magnitude so that nothing overflows; 0 where L itself
 * overflows. */
static double
safe_rate_for (const ElabDataset *d,
               gboolean           use_bias,
               double             c,
               double             k)
{
  double big = 0.0, sxx = 0.0, sx = 0.0, n = (double) d->n_rows;
  double a, bb, cc, lmax;

  for (gsize i = 0; i < d->n_rows; i++)
    big = fmax (big, fabs ((d->x[i] - c) * k));
  if (!isfinite (big))
    return 0.0;
  if (big == 0.0)
    return use_bias ? 4.0 : INFINITY;
  for (gsize i = 0; i < d->n_rows; i++)
    {
      double t = (d->x[i] - c) * k / big;

      sxx += t * t;
      sx += t;
    }
  /* The 2×2 matrix [[big²·sxx, big·sx], [big·sx, 1]]/n, or its first
   * entry without a bias. */
  a = big * big * (sxx / n);
  if (!use_bias)
    lmax = a;
  else
    {
      bb = big * (sx / n);
      cc = 1.0;
      lmax = 0.5 * (a + cc) + hypot (0.5 * (a - cc), bb);
    }
  lmax *= 0.25;
  return isfinite (lmax) && lmax > 0 ? 1.0 / lmax : 0.0;
}

/* From the cross-entropy's optimum, where the squared error's minimum
 * usually is close, Newton's steps where the squared error's Hessian is
 * positive definite and steps at the safe rate (see safe_rate_for())
 * where it is not, each kept only if it lowers the loss. Returns FALSE
 * when no step ended it within the budget. */
static gboolean
refine_squared (const ElabTrainer *self,
                double            *w,
                double            *b,
                Eval              *ev)
{
  evaluate (self, *w, *b, TRUE, ev);
  for (int it = 0; it < 2000; it++)
    {
      double du, dv, a;
      gboolean newton = newton_direction_std (self, ev, &du, &dv);

      if (newton && step_is_negligible (self, *w, *b, du, dv, 1e-9))
        return TRUE;
      if (!newton)
        {
          du = -self->safe_rate_std * ev->gs;
          dv = self->settings.use_bias ? -self->safe_rate_std * ev->db : 0.0;
        }
      a = line_search (self, w, b, ev, du, dv);
      if (a == 0.0)
        return TRUE;
    }
  return FALSE;
}

static void
find_optimum (ElabTrainer *self)
{
  const ElabDataset *d = self->dataset;
  ElabLoss loss = self->settings.loss;
  double w = 0.0, b = 0.0, mean_y = 0.0;
  Eval ev;

  self->has_optimum = FALSE;
  self->opt_w = self->opt_b = self->opt_loss = NAN;
  if (self->separable)
    return;

  /* The cross-entropy's optimum first (evaluate() reads the loss from
   * the settings), then the squared error's from there. */
  self->settings.loss = ELAB_LOSS_CROSS_ENTROPY;

  for (gsize i = 0; i < d->n_rows; i++)
    mean_y += d->y[i];
  mean_y /= d->n_rows;
  if (self->settings.use_bias && mean_y > 0 && mean_y < 1)
    b = log (mean_y / (1 - mean_y));

  evaluate (self, w, b, TRUE, &ev);
  for (int it = 0; it < 200; it++)
    {
      double du, dv, a;
      gboolean negligible;

      if (!newton_direction_std (self, &ev, &du, &dv))
        break;
      negligible = step_is_negligible (self, w, b, du, dv, 1e-9);
      a = line_search (self, &w, &b, &ev, du, dv);
      if (a == 0.0 || negligible)
        break;
    }
  self->settings.loss = loss;
  if (loss == ELAB_LOSS_SQUARED && isfinite (w) && isfinite (b) && !refine_squared (self, &w, &b, &ev))
    return;
  self->has_optimum = isfinite (w) && isfinite (b) && isfinite (ev.loss);
  if (self->has_optimum)
    {
      self->opt_w = w;
      self->opt_b = b;
      self->opt_loss = ev.loss;
    }
}

/* ------------------------------------------------------------------ */
/* History                                                             */

static void
history_record (ElabTrainer *self)
{
  ElabTrainPoint pt = { self->steps, self->at.loss, self->w, self->b, norm2 (self->at.dw, self->at.db) };

  if (self->last_transient && self->n_history > 0)
    self->n_history--;

  if (self->n_history == ELAB_TRAINER_HISTORY_CAP)
    {
      /* Keep every other point (the first one included) and record half
       * as often from now on. */
      gsize j = 0;
      for (gsize i = 0; i < self->n_history; i += 2)
        self->history[j++] = self->history[i];
      self->n_history = j;
      self->stride *= 2;
    }

  self->history[self->n_history++] = pt;
  self->last_transient = (pt.step % self->stride) != 0;
}

/* ------------------------------------------------------------------ */

static void
set_message (ElabTrainer *self,
             char        *message)
{
  g_free (self->message);
  self->message = message;
}

/* Centre and spread of x, computed on x / max|x| so that neither the
 * squares (|x| ≳ 1e154) nor the spread itself (|x| ≲ 1e-154) leave the
 * range of doubles; two passes, the second on the centred values. */
static void
compute_scale (ElabTrainer *self)
{
  const ElabDataset *d = self->dataset;
  double big = 0.0, mean = 0.0, ss = 0.0, n = (double) d->n_rows;

  for (gsize i = 0; i < d->n_rows; i++)
    big = fmax (big, fabs (d->x[i]));

  self->center = 0.0;
  self->scale = 1.0;
  self->inv_scale = 1.0;
  if (!(big > 0) || !isfinite (big))
    return;

  if (self->settings.use_bias)
    {
      for (gsize i = 0; i < d->n_rows; i++)
        mean += d->x[i] / big;
      mean /= n;
    }
  for (gsize i = 0; i < d->n_rows; i++)
    {
      double t = d->x[i] / big - mean;

      ss += t * t;
    }
  ss = sqrt (ss / n);

  self->center = mean * big;
  if (ss > 0 && isfinite (ss * big) && ss * big > 0 && isfinite (1.0 / (ss * big)))
    {
      self->scale = ss * big;
      self->inv_scale = 1.0 / self->scale;
    }
}

static void
start (ElabTrainer *self)
{
  Eval ev;

  self->w = self->settings.init_w;
  self->b = self->settings.use_bias ? self->settings.init_b : 0.0;
  self->vel_w = self->vel_b = 0.0;
  self->steps = 0;
  self->singular_steps = 0;
  self->status = ELAB_TRAIN_STATUS_RUNNING;
  set_message (self, g_strdup ("Ready."));

  evaluate (self, self->w, self->b, self->settings.optimizer == ELAB_OPTIMIZER_NEWTON, &ev);
  self->at = ev;
  self->loss0 = ev.loss;

  self->n_history = 0;
  self->stride = 1;
  self->last_transient = FALSE;
  history_record (self);
}

static void
setup (ElabTrainer               *self,
       const ElabTrainerSettings *settings)
{
  self->settings = *settings;
  if (!isfinite (self->settings.init_w))
    self->settings.init_w = 0.0;
  if (!isfinite (self->settings.init_b))
    self->settings.init_b = 0.0;
  if (!(self->settings.learning_rate > 0) || !isfinite (self->settings.learning_rate))
    self->settings.learning_rate = 0.1;
  if (!(self->settings.momentum >= 0 && self->settings.momentum < 1))
    self->settings.momentum = 0.9;
  if (self->settings.loss != ELAB_LOSS_SQUARED)
    self->settings.loss = ELAB_LOSS_CROSS_ENTROPY;
  if (!(self->settings.tolerance >= 0))
    self->settings.tolerance = 1e-8;
  {
    /* Unique over all trainers, so (address, generation) never repeats
     * even when a freed trainer's memory is reused. */
    static gint counter;
    self->generation = (guint) g_atomic_int_add (&counter, 1) + 1;
  }

  compute_scale (self);
  self->separation = check_separable (self->dataset, self->settings.use_bias);
  self->separable = self->separation != SEPARATION_NONE;
  self->safe_rate = safe_rate_for (self->dataset, self->settings.use_bias, 0.0, 1.0);
  self->safe_rate_std = safe_rate_for (self->dataset, self->settings.use_bias, self->center,
                                       self->inv_scale);
  find_optimum (self);
  start (self);
}

ElabTrainer *
elab_trainer_new (ElabDataset               *dataset,
                  const ElabTrainerSettings *settings)
{
  ElabTrainer *self;
  ElabTrainerSettings defaults = ELAB_TRAINER_SETTINGS_INIT;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (dataset->n_rows > 0, NULL);

  self = g_new0 (ElabTrainer, 1);
  self->dataset = elab_dataset_ref (dataset);
  self->history = g_new (ElabTrainPoint, ELAB_TRAINER_HISTORY_CAP);
  setup (self, settings ? settings : &defaults);
  return self;
}

void
elab_trainer_free (ElabTrainer *self)
{
  if (self == NULL)
    return;
  elab_dataset_unref (self->dataset);
  g_free (self->history);
  g_free (self->message);
  g_free (self);
}

void
elab_trainer_reset (ElabTrainer               *self,
                    const ElabTrainerSettings *settings)
{
  g_return_if_fail (self != NULL);

  if (settings != NULL)
    setup (self, settings);
  else
    start (self);
}

/* A rate known to be safe for the optimizer in use, rounded down to one
 * significant digit: gradient descent at up to 1/L never raises the loss
 * (see safe_rate_for()); heavy-ball momentum β converges up to
 * 2(1 − β)/L, so (1 − β)/L is advised. 0 when unknown (x too large for
 * the bound to be a double). */
static double
advised_rate (const ElabTrainer *self,
              gboolean           standardized)
{
  const ElabTrainerSettings *s = &self->settings;
  double r = standardized ? self->safe_rate_std : self->safe_rate;
  double unit;

  if (s->optimizer == ELAB_OPTIMIZER_MOMENTUM)
    r *= 1.0 - s->momentum;
  if (!(r > 0) || !isfinite (r))
    return 0.0;
  unit = pow (10.0, floor (log10 (r)));
  r = floor (r / unit * (1.0 + 1e-12)) * unit;
  /* the rounding of pow and the product must not lift it over the bound */
  return r;
}

/* "try 0.0002 or smaller, which cannot raise the loss on these data" and
 * the standardisation hint, or a plain "try a smaller one" when no safe
 * rate below the current one is known. */
static char *
rate_advice (const ElabTrainer *self)
{
  const ElabTrainerSettings *s = &self->settings;
  double safe = advised_rate (self, s->standardize);
  double safe_std = advised_rate (self, TRUE);
  GString *str = g_string_new (NULL);

  if (safe > 0 && safe < s->learning_rate)
    g_string_append_printf (str, "try %g or smaller: the loss's curvature on these data is bounded, and %s "
                            "at that rate cannot make the loss grow",
                            safe, s->optimizer == ELAB_OPTIMIZER_MOMENTUM ? "momentum" : "gradient descent");
  else
    g_string_append (str, "try a smaller one");
  if (!s->standardize)
    {
      if (safe_std > 0)
        g_string_append_printf (str, ", or standardise x (then up to %g is safe)", safe_std);
      else
        g_string_append (str, ", or standardise x");
    }
  return g_string_free (str, FALSE);
}

static void
finish (ElabTrainer     *self,
        ElabTrainStatus  status)
{
  const ElabTrainerSettings *s = &self->settings;
  g_autofree char *singular = NULL;

  if (self->singular_steps > 0 && s->loss == ELAB_LOSS_SQUARED)
    singular = g_strdup_printf (" The squared error's Hessian was not positive definite at %" G_GUINT64_FORMAT
                                " of the steps (the loss is not convex there, and Newton's step could climb "
                                "or head for a saddle), so Newton's method did not apply: those were gradient "
                                "steps at a rate that cannot raise the loss (not the learning rate, which "
                                "Newton's method does not use).",
                                self->singular_steps);
  else if (self->singular_steps > 0)
    singular = g_strdup_printf (" Newton's Hessian was singular at %" G_GUINT64_FORMAT " of the steps; "
                                "those were gradient steps at a rate that cannot raise the loss "
                                "(not the learning rate, which Newton's method does not use).",
                                self->singular_steps);

  self->status = status;
  switch (status)
    {
    case ELAB_TRAIN_STATUS_CONVERGED:
      if (s->optimizer == ELAB_OPTIMIZER_NEWTON)
        set_message (self, g_strdup_printf ("Converged after %" G_GUINT64_FORMAT " steps: Newton's last step "
                                            "changed w and b by less than a billionth of their size.%s",
                                            self->steps, singular ? singular : ""));
      else
        set_message (self, g_strdup_printf ("Converged after %" G_GUINT64_FORMAT " steps: the gradient norm fell below %g.",
                                            self->steps, s->tolerance));
      break;
    case ELAB_TRAIN_STATUS_MAX_STEPS:
      if (s->optimizer == ELAB_OPTIMIZER_NEWTON)
        set_message (self, g_strdup_printf ("Not converged within %u step%s (gradient norm %.3g); take more steps.%s",
                                            s->max_steps, s->max_steps == 1 ? "" : "s",
                                            norm2 (self->at.dw, self->at.db), singular ? singular : ""));
      else
        {
          /* Raising the rate is advice only where it is known to be safe:
           * below half the rate that cannot raise the loss. Above twice
           * that rate, gradient descent may oscillate: lower it. */
          double safe = advised_rate (self, s->standardize);
          double bound = s->standardize ? self->safe_rate_std : self->safe_rate;
          gboolean overshoot = FALSE;
          g_autofree char *hint = NULL;

          if (s->optimizer == ELAB_OPTIMIZER_MOMENTUM)
            bound *= 1.0 - s->momentum;
          if (safe > 0 && s->learning_rate < 0.5 * safe)
            hint = g_strdup_printf (", or raise the learning rate up to %g (safe on these data)%s", safe,
                                    s->standardize ? "" : ", or standardise x");
          else if ((overshoot = bound > 0 && s->learning_rate > 2.0 * bound))
            hint = g_strdup_printf ("the learning rate %g is above the stable range for these data, so the "
                                    "steps overshoot: lower it to %g%s", s->learning_rate, safe,
                                    s->standardize ? "" : " or standardise x");
          else
            hint = g_strdup (s->standardize ? "" : ", or standardise x");
          /* The squared error's own reason comes first: a figure's text
           * box may show only the first lines. */
          /* Overshooting, more steps will not help: the rate's advice alone. */
          if (overshoot)
            set_message (self, g_strdup_printf ("Not converged within %u step%s (gradient norm %.3g): %s.",
                                                s->max_steps, s->max_steps == 1 ? "" : "s",
                                                norm2 (self->at.dw, self->at.db), hint));
          else
            set_message (self, g_strdup_printf ("Not converged within %u step%s (gradient norm %.3g).%s "
                                                "Take more steps%s.",
                                                s->max_steps, s->max_steps == 1 ? "" : "s",
                                                norm2 (self->at.dw, self->at.db),
                                                s->loss == ELAB_LOSS_SQUARED ?
                                                " The squared error's gradient carries σ′ = σ(1 − σ), near 0 "
                                                "where the model is confidently wrong, so gradient descent crawls "
                                                "across those plateaus; the cross-entropy's gradient does not." : "",
                                                hint));
        }
      break;
    case ELAB_TRAIN_STATUS_DIVERGED:
      {
        g_autofree char *advice = rate_advice (self);

        /* A ratio, so the message reads the same in bits and in nats. */
        set_message (self, g_strdup_printf ("Diverged at step %" G_GUINT64_FORMAT ": the loss grew %.3g-fold. "
                                            "The learning rate %g is too large for these data; %s.",
                                            self->steps, self->at.loss / MAX (self->loss0, 1e-300), s->learning_rate,
                                            advice));
      }
      break;
    case ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM:
      switch (self->separation)
        {
        case SEPARATION_ONE_CLASS:
          set_message (self, g_strdup ("No finite optimum: every example has the same label, so the loss keeps "
                                       "falling towards 0 as b grows without end (w does not matter) and no "
                                       "finite b minimises it."));
          break;
        case SEPARATION_QUASI:
          set_message (self, g_strdup ("No finite optimum: the classes are separable except for examples that sit "
                                       "exactly on the threshold, so as |w| grows the loss keeps falling and levels "
                                       "off at what those examples cost (above 0); no finite w, b minimise it."));
          break;
        case SEPARATION_COMPLETE:
        case SEPARATION_NONE:
        default:
          set_message (self, g_strdup ("No finite optimum: the classes are perfectly separable, so the loss keeps "
                                       "falling towards 0 as |w| grows and no finite w, b minimise it."));
          break;
        }
      break;
    case ELAB_TRAIN_STATUS_RUNNING:
    default:
      break;
    }
}

/* One Newton step from the current point, standardised Hessian in hand.
 * A singular Hessian gets a gradient step at the rate that cannot raise
 * the loss (1/L on standardised x), never the learning rate, and is
 * counted for the final message. Sets @res_converged when the step was a
 * full one and negligible (Newton's scale-free test) or when no step
 * lowers the loss any more. */
static void
newton_once (ElabTrainer *self,
             double      *w,
             double      *b,
             Eval        *ev,
             gboolean    *res_converged)
{
  double du, dv, a;

  *ev = (Eval) { self->at.loss, self->at.dw, self->at.db, self->at.gs, self->at.h00, self->at.h01, self->at.h11 };
  *res_converged = FALSE;

  if (newton_direction_std (self, ev, &du, &dv))
    {
      /* Newton converges quadratically: the step from here measures the
       * distance to the optimum, and once it is a billionth of the
       * parameters the step lands within rounding of it. */
      *res_converged = step_is_negligible (self, *w, *b, du, dv, 1e-9);
      a = line_search (self, w, b, ev, du, dv);
      *res_converged = *res_converged || a == 0.0;
      return;
    }

  self->singular_steps++;
  du = -self->safe_rate_std * ev->gs;
  dv = self->settings.use_bias ? -self->safe_rate_std * ev->db : 0.0;
  a = line_search (self, w, b, ev, du, dv);
  *res_converged = a == 0.0 || norm2 (ev->gs, ev->db) < MAX (self->settings.tolerance, 1e-300);
}

/* Whether the start is already the optimum: for Newton its first step is
 * negligible; for gradient descent the gradient is below the tolerance. */
static gboolean
converged_at_start (const ElabTrainer *self)
{
  if (self->separable)
    return FALSE;
  if (self->settings.optimizer == ELAB_OPTIMIZER_NEWTON)
    {
      Eval ev = { self->at.loss, self->at.dw, self->at.db, self->at.gs, self->at.h00, self->at.h01, self->at.h11 };
      double du, dv;

      return newton_direction_std (self, &ev, &du, &dv) &&
             step_is_negligible (self, self->w, self->b, du, dv, 1e-12);
    }
  return norm2 (self->at.dw, self->at.db) < self->settings.tolerance;
}

/* One optimizer step from the current point; FALSE when training ended. */
static gboolean
step_once (ElabTrainer *self)
{
  const ElabTrainerSettings *s = &self->settings;
  gboolean bias = s->use_bias;
  gboolean newton_converged = FALSE;
  double w = self->w, b = self->b;
  Eval ev;

  switch (s->optimizer)
    {
    case ELAB_OPTIMIZER_NEWTON:
      newton_once (self, &w, &b, &ev, &newton_converged);
      break;

    case ELAB_OPTIMIZER_GD:
    case ELAB_OPTIMIZER_MOMENTUM:
    default:
      {
        /* The optimizer's coordinates: standardised (u, v) with
         * z = u·(x − c)·k + v, or the raw (w, b). */
        double gu, gv, u, v;
        double k = self->inv_scale, c = self->center;

        if (s->standardize)
          {
            gu = self->at.gs;
            gv = self->at.db;
            u = w / k;
            v = b + w * c;
          }
        else
          {
            gu = self->at.dw;
            gv = self->at.db;
            u = w;
            v = b;
          }
        if (s->optimizer == ELAB_OPTIMIZER_MOMENTUM)
          {
            self->vel_w = s->momentum * self->vel_w - s->learning_rate * gu;
            self->vel_b = s->momentum * self->vel_b - s->learning_rate * gv;
            u += self->vel_w;
            v += bias ? self->vel_b : 0.0;
          }
        else
          {
            u -= s->learning_rate * gu;
            v -= bias ? s->learning_rate * gv : 0.0;
          }
        if (s->standardize)
          {
            w = u * k;
            b = bias ? v - w * c : 0.0;
          }
        else
          {
            w = u;
            b = bias ? v : 0.0;
          }
        evaluate (self, w, b, FALSE, &ev);
      }
      break;
    }

  self->steps++;

  if (!isfinite (w) || !isfinite (b) || !isfinite (ev.loss) || !isfinite (ev.dw) || !isfinite (ev.db))
    {
      g_autofree char *advice = rate_advice (self);

      /* Keep the last finite point: every reported number stays finite. */
      finish (self, ELAB_TRAIN_STATUS_DIVERGED);
      set_message (self, g_strdup_printf ("Diverged at step %" G_GUINT64_FORMAT ": w, b or the loss stopped being finite "
                                          "numbers. The learning rate %g is too large for these data; %s.",
                                          self->steps, s->learning_rate, advice));
      return FALSE;
    }

  self->w = w;
  self->b = b;
  self->at = ev;
  history_record (self);

  /* Logistic loss cannot grow much under a sane step: ten times the
   * starting loss (plus a margin for a start near 0) means it blew up. */
  if (self->at.loss > 10.0 * self->loss0 + 1.0)
    {
      finish (self, ELAB_TRAIN_STATUS_DIVERGED);
      return FALSE;
    }
  if (self->separable && (norm2 (self->at.dw, self->at.db) < s->tolerance || self->at.loss < 1e-9))
    {
      finish (self, ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM);
      return FALSE;
    }
  if (!self->separable &&
      (s->optimizer == ELAB_OPTIMIZER_NEWTON ? newton_converged : norm2 (self->at.dw, self->at.db) < s->tolerance))
    {
      finish (self, ELAB_TRAIN_STATUS_CONVERGED);
      return FALSE;
    }
  if (s->max_steps > 0 && self->steps >= s->max_steps)
    {
      finish (self, self->separable ? ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM : ELAB_TRAIN_STATUS_MAX_STEPS);
      return FALSE;
    }
  return TRUE;
}

guint
elab_trainer_step (ElabTrainer *self,
                   guint        n_steps)
{
  guint done = 0;

  g_return_val_if_fail (self != NULL, 0);

  while (done < n_steps && self->status == ELAB_TRAIN_STATUS_RUNNING)
    {
      /* Already at the optimum: end without moving. */
      if (self->steps == 0 && converged_at_start (self))
        {
          finish (self, ELAB_TRAIN_STATUS_CONVERGED);
          break;
        }
      done++;
      if (!step_once (self))
        break;
    }
  return done;
}

void
elab_trainer_set_threads (ElabTrainer *self,
                          guint        n_threads)
{
  g_return_if_fail (self != NULL);

  /* One thread always: kept so callers need not change. */
}

gboolean
elab_trainer_is_done (const ElabTrainer *self)
{
  return self->status != ELAB_TRAIN_STATUS_RUNNING;
}

ElabTrainStatus
elab_trainer_get_status (const ElabTrainer *self)
{
  return self->status;
}

gboolean
elab_trainer_get_converged (const ElabTrainer *self)
{
  return self->status == ELAB_TRAIN_STATUS_CONVERGED;
}

const char *
elab_trainer_get_message (const ElabTrainer *self)
{
  return self->message;
}

guint64
elab_trainer_get_steps (const ElabTrainer *self)
{
  return self->steps;
}

double
elab_trainer_get_w (const ElabTrainer *self)
{
  return self->w;
}

double
elab_trainer_get_b (const ElabTrainer *self)
{
  return self->b;
}

double
elab_trainer_get_loss (const ElabTrainer *self)
{
  return self->at.loss;
}

void
elab_trainer_get_gradient (const ElabTrainer *self,
                           double            *res_dw,
                           double            *res_db)
{
  if (res_dw)
    *res_dw = self->at.dw;
  if (res_db)
    *res_db = self->at.db;
}

double
elab_trainer_get_grad_norm (const ElabTrainer *self)
{
  return norm2 (self->at.dw, self->at.db);
}

ElabDataset *
elab_trainer_get_dataset (const ElabTrainer *self)
{
  return self->dataset;
}

const ElabTrainerSettings *
elab_trainer_get_settings (const ElabTrainer *self)
{
  return &self->settings;
}

guint
elab_trainer_get_generation (const ElabTrainer *self)
{
  return self->generation;
}

const ElabTrainPoint *
elab_trainer_get_history (const ElabTrainer *self,
                          gsize             *n_res)
{
  *n_res = self->n_history;
  return self->history;
}

gboolean
elab_trainer_get_optimum (const ElabTrainer *self,
                          double            *res_w,
                          double            *res_b,
                          double            *res_loss)
{
  if (res_w)
    *res_w = self->opt_w;
  if (res_b)
    *res_b = self->opt_b;
  if (res_loss)
    *res_loss = self->opt_loss;
  return self->has_optimum;
}

gboolean
elab_trainer_is_separable (const ElabTrainer *self)
{
  return self->separable;
}

/* y·softplus(−z) + (1 − y)·softplus(z): terms ≥ 0, so a tiny loss keeps
 * its relative precision. The Training figure's loss bars use it too. */
double
elab_trainer_example_loss (double x,
                           double y,
                           double w,
                           double b)
{
  double z = w * x + b;
  double l1 = log1p (exp (-fabs (z)));
  double sp = fmax (z, 0.0) + l1, sp_neg = fmax (-z, 0.0) + l1;

  return (y != 0.0 ? y * sp_neg : 0.0) + (y != 1.0 ? (1.0 - y) * sp : 0.0);
}

double
elab_trainer_loss_at (const ElabTrainer *self,
                      double             w,
                      double             b)
{
  Eval ev;

  evaluate (self, w, self->settings.use_bias ? b : 0.0, FALSE, &ev);
  return ev.loss;
}

void
elab_trainer_loss_grid_of (const ElabTrainer  *self,
                           ElabLoss            loss,
                           const ElabLossGrid *grid,
                           double             *res)
{
  const ElabDataset *d = self->dataset;
  gsize n = MIN (d->n_rows, (gsize) 8192);
  double step = (double) d->n_rows / n;
  g_autofree double *xs = g_new (double, n);
  g_autofree double *ys = g_new (double, n);

  for (gsize k = 0; k < n; k++)
    {
      gsize i = MIN ((gsize) (k * step), d->n_rows - 1);
      xs[k] = d->x[i];
      ys[k] = d->y[i];
    }

  for (guint j = 0; j < grid->n_b; j++)
    {
      double b = grid->n_b > 1 ? grid->b_min + (grid->b_max - grid->b_min) * j / (grid->n_b - 1) : grid->b_min;
      for (guint i = 0; i < grid->n_w; i++)
        {
          double w = grid->n_w > 1 ? grid->w_min + (grid->w_max - grid->w_min) * i / (grid->n_w - 1) : grid->w_min;
          PassAt at = { .x = xs, .y = ys, .n = n, .w = w, .b = b, .c = 0.0, .k = 1.0 };
          Sums s;

          _elab_trainer_pass (loss, &at, &s);
          res[(gsize) j * grid->n_w + i] = loss_of_sums (&s, (double) n);
        }
    }
}

void
elab_trainer_get_example_losses (const ElabTrainer *self,
                                 double            *res,
                                 gsize              n)
{
  const ElabDataset *d = self->dataset;

  n = MIN (n, d->n_rows);
  for (gsize i = 0; i < n; i++)
    res[i] = self->settings.loss == ELAB_LOSS_SQUARED ?
             elab_trainer_example_squared_error (d->x[i], d->y[i], self->w, self->b, NULL) :
             elab_trainer_example_loss (d->x[i], d->y[i], self->w, self->b);
}

double
elab_trainer_example_squared_error (double  x,
                                    double  y,
                                    double  w,
                                    double  b,
                                    double *res_dz)
{
  return _elab_squared_error_row (w * x + b, y, res_dz, NULL);
}

double
elab_trainer_loss_factor (ElabLoss loss,
                          ElabUnit unit)
{
  return loss == ELAB_LOSS_SQUARED ? 1.0 : elab_unit_factor (unit);
}

const char *
elab_loss_describe (ElabLoss loss)
{
  return loss == ELAB_LOSS_SQUARED ? "squared error" : "cross-entropy";
}

void
elab_trainer_settings_from_state (const ElabState     *state,
                                  ElabTrainerSettings *res)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (res != NULL);

  *res = ELAB_TRAINER_SETTINGS_INIT;
  res->optimizer = state->optimizer;
  res->learning_rate = state->learning_rate;
  res->momentum = state->momentum;
  res->max_steps = state->steps;
  res->standardize = state->standardize;
  res->use_bias = state->use_bias;
  res->init_w = state->init_w;
  res->init_b = state->init_b;
  res->loss = state->loss;
}

ElabTrainer *
elab_trainer_new_for_state (const ElabState  *state,
                            GError          **error)
{
  g_autoptr(ElabDataset) dataset = NULL;
  ElabTrainerSettings settings;

  g_return_val_if_fail (state != NULL, NULL);

  dataset = elab_dataset_load (state->dataset,
                               state->x_column[0] ? state->x_column : NULL,
                               state->y_column[0] ? state->y_column : NULL,
                               state->positive,
                               error);
  if (dataset == NULL)
    return NULL;

  elab_trainer_settings_from_state (state, &settings);
  return elab_trainer_new (dataset, &settings);
}
