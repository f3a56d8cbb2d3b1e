/* test-trainer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trainer against closed forms, published fits, finite differences
 * and a naive libm computation; every honest outcome.
 */
#include <math.h>
#include <string.h>

#include "elab-trainer.h"
#include "elab-trainer-private.h"

static ElabTrainer *
train (ElabDataset   *d,
       ElabOptimizer  optimizer,
       gboolean       standardize,
       gboolean       bias,
       double         lr,
       guint          steps)
{
  ElabTrainerSettings s = ELAB_TRAINER_SETTINGS_INIT;
  ElabTrainer *t;

  s.optimizer = optimizer;
  s.standardize = standardize;
  s.use_bias = bias;
  s.learning_rate = lr;
  s.max_steps = steps;
  t = elab_trainer_new (d, &s);
  elab_trainer_step (t, steps);
  return t;
}

static void
assert_rel (double got,
            double want,
            double tol)
{
  if (!(fabs (got - want) <= tol * fabs (want)))
    g_error ("got %.17g, want %.17g (relative %.3g > %.3g)", got, want, fabs (got - want) / fabs (want), tol);
}

static void
assert_all_finite (const ElabTrainer *t)
{
  gsize n;
  const ElabTrainPoint *h = elab_trainer_get_history (t, &n);

  g_assert_true (isfinite (elab_trainer_get_w (t)));
  g_assert_true (isfinite (elab_trainer_get_b (t)));
  g_assert_true (isfinite (elab_trainer_get_loss (t)));
  g_assert_true (isfinite (elab_trainer_get_grad_norm (t)));
  for (gsize i = 0; i < n; i++)
    g_assert_true (isfinite (h[i].loss) && isfinite (h[i].w) && isfinite (h[i].b) && isfinite (h[i].grad_norm));
}

/* Newton reproduces the published fits (four decimals as published). */
static void
test_published (void)
{
  const char *names[] = { "challenger", "hours-studied" };

  for (gsize k = 0; k < G_N_ELEMENTS (names); k++)
    {
      const ElabDatasetInfo *info = elab_dataset_find_builtin (names[k]);
      g_autoptr(ElabDataset) d = elab_dataset_new_builtin (names[k]);
      g_autoptr(ElabTrainer) t = train (d, ELAB_OPTIMIZER_NEWTON, FALSE, TRUE, 0.1, 100);
      double w, b, loss;

      g_assert_cmpint (elab_trainer_get_status (t), ==, ELAB_TRAIN_STATUS_CONVERGED);
      g_assert_true (elab_trainer_get_converged (t));
      g_assert_cmpfloat (fabs (elab_trainer_get_w (t) - info->published_w), <, 1e-4);
      g_assert_cmpfloat (fabs (elab_trainer_get_b (t) - info->published_b), <, 1e-4);
      g_assert_true (elab_trainer_get_optimum (t, &w, &b, &loss));
      assert_rel (w, elab_trainer_get_w (t), 1e-7);
      assert_rel (b, elab_trainer_get_b (t), 1e-7);
      assert_rel (loss, elab_trainer_get_loss (t), 1e-12);
    }
}

/* Standardised gradient descent (lr 1) and momentum reach the Newton
 * optimum, reported on the data's own scale. */
static void
test_standardized (void)
{
  const char *names[] = { "challenger", "hours-studied", "iris-versicolor-virginica" };

  for (gsize k = 0; k < G_N_ELEMENTS (names); k++)
    for (int opt = ELAB_OPTIMIZER_GD; opt <= ELAB_OPTIMIZER_MOMENTUM; opt++)
      {
        g_autoptr(ElabDataset) d = elab_dataset_new_builtin (names[k]);
        g_autoptr(ElabTrainer) t = train (d, opt, TRUE, TRUE, opt == ELAB_OPTIMIZER_GD ? 1.0 : 0.1, 100000);
        double w, b, loss;

        g_assert_true (elab_trainer_get_optimum (t, &w, &b, &loss));
        g_assert_cmpint (elab_trainer_get_status (t), ==, ELAB_TRAIN_STATUS_CONVERGED);
        assert_rel (elab_trainer_get_w (t), w, 1e-5);
        assert_rel (elab_trainer_get_b (t), b, 1e-5);
        assert_rel (elab_trainer_get_loss (t), loss, 1e-10);
      }
}

/* The gradient the trainer reports equals central finite differences of
 * the loss it reports, at many points, with and without a bias. */
static void
test_gradient (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("hours-studied");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (int bias = 0; bias <= 1; bias++)
    for (int k = 0; k < 20; k++)
      {
        ElabTrainerSettings s = ELAB_TRAINER_SETTINGS_INIT;
        g_autoptr(ElabTrainer) t = NULL;
        double w = g_rand_double_range (rand, -3, 3), b = bias ? g_rand_double_range (rand, -5, 5) : 0.0;
        double h = 1e-5, dw, db, fd_w, fd_b;

        s.use_bias = bias;
        s.init_w = w;
        s.init_b = b;
        t = elab_trainer_new (d, &s);
        elab_trainer_get_gradient (t, &dw, &db);
        fd_w = (elab_trainer_loss_at (t, w + h, b) - elab_trainer_loss_at (t, w - h, b)) / (2 * h);
        g_assert_cmpfloat (fabs (dw - fd_w), <, 1e-8 * MAX (1, fabs (dw)));
        if (bias)
          {
            fd_b = (elab_trainer_loss_at (t, w, b + h) - elab_trainer_loss_at (t, w, b - h)) / (2 * h);
            g_assert_cmpfloat (fabs (db - fd_b), <, 1e-8 * MAX (1, fabs (db)));
          }
        else
          g_assert_cmpfloat (db, ==, 0.0);
      }
}

static double
naive_loss (const ElabDataset *d,
            double             w,
            double             b)
{
  /* Long double accumulation: the reference's own rounding must be well
   * below the tolerance even over 200,000 rows. */
  long double sum = 0.0;

  for (gsize i = 0; i < d->n_rows; i++)
    {
      double z = w * d->x[i] + b;
      sum += (long double) ((z > 0 ? z : 0) - d->y[i] * z) + log1pl (expl (-fabsl ((long double) z)));
    }
  return (double) (sum / d->n_rows);
}

/* The vectorised pass (and its two-thread split for large data) agrees
 * with libm, also at extreme logits where a naive log(σ) would give ∞. */
static void
check_pass_accuracy (void)
{
  gsize sizes[] = { 1, 7, 23, 1000, 200003 };
  double params[][2] = { { 0, 0 }, { 1.5, -0.5 }, { 40, 3 }, { -1000, 7 }, { 1e-9, 1e-9 }, { 400, -2000 } };

  for (gsize k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(ElabDataset) d = elab_dataset_new_synthetic (sizes[k], 1.0, 0.25, 11 + k);
      g_autoptr(ElabTrainer) t = elab_trainer_new (d, NULL);

      for (gsize p = 0; p < G_N_ELEMENTS (params); p++)
        {
          double got = elab_trainer_loss_at (t, params[p][0], params[p][1]);
          double want = naive_loss (d, params[p][0], params[p][1]);

          g_assert_true (isfinite (got));
          if (!(fabs (got - want) <= 1e-13 * want + 1e-300))
            g_error ("rows %zu, w %g, b %g: %.17g vs %.17g", sizes[k], params[p][0], params[p][1], got, want);
        }
    }
}

/* At θ = 0 every prediction is ½: the loss is exactly log 2 nats. */
static void
test_closed_form (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("challenger");
  g_autoptr(ElabTrainer) t = elab_trainer_new (d, NULL);
  g_autofree double *per = g_new (double, d->n_rows);
  double mean = 0, dw, db, want_db = 0;

  assert_rel (elab_trainer_get_loss (t), G_LN2, 1e-15);
  elab_trainer_get_example_losses (t, per, d->n_rows);
  for (gsize i = 0; i < d->n_rows; i++)
    {
      assert_rel (per[i], G_LN2, 1e-15);
      mean += per[i] / d->n_rows;
      want_db += (0.5 - d->y[i]) / d->n_rows;
    }
  elab_trainer_get_gradient (t, &dw, &db);
  assert_rel (db, want_db, 1e-14);
}

/* Separable data: no finite optimum, converged false, every number finite. */
static void
test_separable (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("iris-setosa");

  for (int opt = ELAB_OPTIMIZER_GD; opt <= ELAB_OPTIMIZER_NEWTON; opt++)
    for (int std = 0; std <= 1; std++)
      {
        g_autoptr(ElabTrainer) t = train (d, opt, std, TRUE, 1.0, 3000);
        double w, b, loss;

        g_assert_true (elab_trainer_is_separable (t));
        g_assert_cmpint (elab_trainer_get_status (t), ==, ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM);
        g_assert_false (elab_trainer_get_converged (t));
        g_assert_false (elab_trainer_get_optimum (t, &w, &b, &loss));
        g_assert_nonnull (strstr (elab_trainer_get_message (t), "separable"));
        /* Setosa (y = 1) are the short petals: w < 0, and the loss fell. */
        g_assert_cmpfloat (elab_trainer_get_w (t), <, 0);
        g_assert_cmpfloat (elab_trainer_get_loss (t), <, 0.1);
        assert_all_finite (t);
      }

  /* One class only is separable too (b → ±∞), and so is a sign split
   * without a bias. */
  {
    double x[] = { 1, 2, 3 }, y1[] = { 1, 1, 1 }, xs[] = { -2, -1, 0, 1, 3 }, ys[] = { 0, 0, 1, 1, 1 };
    g_autoptr(ElabDataset) one = elab_dataset_new ("one", "x", "y", x, y1, 3);
    g_autoptr(ElabDataset) sign = elab_dataset_new ("sign", "x", "y", xs, ys, 5);
    g_autoptr(ElabTrainer) t1 = train (one, ELAB_OPTIMIZER_NEWTON, FALSE, TRUE, 0.1, 200);
    g_autoptr(ElabTrainer) t2 = train (sign, ELAB_OPTIMIZER_GD, FALSE, FALSE, 0.5, 200);

    g_assert_cmpint (elab_trainer_get_status (t1), ==, ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM);
    g_assert_cmpint (elab_trainer_get_status (t2), ==, ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM);
    g_assert_cmpfloat (elab_trainer_get_b (t2), ==, 0.0);
    assert_all_finite (t1);
    assert_all_finite (t2);
  }
}

/* A learning rate far too large: diverged, stopped, explained. */
static void
test_diverged (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("challenger");
  double lrs[] = { 1.0, 100.0, 1e12, 1e300 };

  for (gsize k = 0; k < G_N_ELEMENTS (lrs); k++)
    for (int opt = ELAB_OPTIMIZER_GD; opt <= ELAB_OPTIMIZER_MOMENTUM; opt++)
      {
        g_autoptr(ElabTrainer) t = train (d, opt, FALSE, TRUE, lrs[k], 1000);

        g_assert_cmpint (elab_trainer_get_status (t), ==, ELAB_TRAIN_STATUS_DIVERGED);
        g_assert_false (elab_trainer_get_converged (t));
        g_assert_cmpuint (elab_trainer_get_steps (t), <, 1000);
        g_assert_nonnull (strstr (elab_trainer_get_message (t), "smaller"));
        assert_all_finite (t);
      }
}

/* A step count is a step count; step() after the end does nothing. */
static void
test_max_steps (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("challenger");
  g_autoptr(ElabTrainer) t = train (d, ELAB_OPTIMIZER_GD, FALSE, TRUE, 1e-4, 50);
  gsize n;
  const ElabTrainPoint *h;

  g_assert_cmpint (elab_trainer_get_status (t), ==, ELAB_TRAIN_STATUS_MAX_STEPS);
  g_assert_cmpuint (elab_trainer_get_steps (t), ==, 50);
  g_assert_cmpuint (elab_trainer_step (t, 10), ==, 0);
  h = elab_trainer_get_history (t, &n);
  g_assert_cmpuint (n, ==, 51);
  g_assert_cmpuint (h[0].step, ==, 0);
  g_assert_cmpuint (h[50].step, ==, 50);
  g_assert_cmpfloat (h[50].loss, <, h[0].loss);

  /* Reset: back to the start, deterministically the same path. */
  elab_trainer_reset (t, NULL);
  g_assert_cmpuint (elab_trainer_get_steps (t), ==, 0);
  elab_trainer_step (t, 50);
  h = elab_trainer_get_history (t, &n);
  g_assert_cmpfloat (h[50].loss, ==, elab_trainer_get_loss (t));
}

/* No bias: b stays 0 and the optimum is the 1-D one. */
static void
test_no_bias (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_synthetic (500, 2.0, 0.0, 5);
  g_autoptr(ElabTrainer) n = train (d, ELAB_OPTIMIZER_NEWTON, FALSE, FALSE, 1.0, 100);
  g_autoptr(ElabTrainer) g = train (d, ELAB_OPTIMIZER_GD, TRUE, FALSE, 1.0, 100000);
  double dw;

  g_assert_cmpint (elab_trainer_get_status (n), ==, ELAB_TRAIN_STATUS_CONVERGED);
  g_assert_cmpint (elab_trainer_get_status (g), ==, ELAB_TRAIN_STATUS_CONVERGED);
  g_assert_cmpfloat (elab_trainer_get_b (n), ==, 0.0);
  g_assert_cmpfloat (elab_trainer_get_b (g), ==, 0.0);
  assert_rel (elab_trainer_get_w (g), elab_trainer_get_w (n), 1e-6);
  elab_trainer_get_gradient (n, &dw, NULL);
  g_assert_cmpfloat (fabs (dw), <, 1e-8);
}

/* The landscape grid is the loss at each grid point. */
static void
test_grid (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("hours-studied");
  g_autoptr(ElabTrainer) t = elab_trainer_new (d, NULL);
  double grid[5 * 4];

  elab_trainer_loss_grid_of (t, elab_trainer_get_settings (t)->loss, &(ElabLossGrid) { -1, 3, 5, -6, 0, 4 }, grid);
  for (guint j = 0; j < 4; j++)
    for (guint i = 0; i < 5; i++)
      assert_rel (grid[j * 5 + i], elab_trainer_loss_at (t, -1.0 + i, -6.0 + 2.0 * j), 1e-14);
}

/* A singular Hessian (every x the same): Newton falls back to gradient
 * steps and still ends with finite numbers at an optimum of the loss. */
static void
test_singular_hessian (void)
{
  double x[] = { 2, 2, 2, 2, 2 }, y[] = { 0, 1, 0, 1, 1 };
  g_autoptr(ElabDataset) d = elab_dataset_new ("flat", "x", "y", x, y, 5);
  g_autoptr(ElabTrainer) t = train (d, ELAB_OPTIMIZER_NEWTON, FALSE, TRUE, 0.5, 5000);
  double want = -(0.4 * log (0.4) + 0.6 * log (0.6));

  g_assert_false (elab_trainer_is_separable (t));
  g_assert_cmpint (elab_trainer_get_status (t), ==, ELAB_TRAIN_STATUS_CONVERGED);
  assert_all_finite (t);
  /* Only w·2 + b is identified: it must be logit(0.6). */
  assert_rel (2 * elab_trainer_get_w (t) + elab_trainer_get_b (t), log (0.6 / 0.4), 1e-6);
  assert_rel (elab_trainer_get_loss (t), want, 1e-10);
}

/* New settings: a new generation (the landscape cache key) and step 0. */
static void
test_reset_settings (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("hours-studied");
  g_autoptr(ElabTrainer) t = train (d, ELAB_OPTIMIZER_GD, FALSE, TRUE, 0.1, 10);
  ElabTrainerSettings s = *elab_trainer_get_settings (t);
  guint gen = elab_trainer_get_generation (t);
  gsize n;

  s.use_bias = FALSE;
  elab_trainer_reset (t, &s);
  g_assert_cmpuint (elab_trainer_get_generation (t), !=, gen);
  g_assert_cmpuint (elab_trainer_get_steps (t), ==, 0);
  elab_trainer_get_history (t, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (elab_trainer_get_settings (t)->use_bias);
  gen = elab_trainer_get_generation (t);
  elab_trainer_reset (t, NULL);
  g_assert_cmpuint (elab_trainer_get_generation (t), ==, gen);
}

/* Where a run ended: every number bit for bit. */
typedef struct
{
  double w, b, loss, dw, db;
  guint64 steps;
} RunEnd;

static void
run_end (ElabTrainer *t,
         RunEnd      *res)
{
  memset (res, 0, sizeof *res);
  res->w = elab_trainer_get_w (t);
  res->b = elab_trainer_get_b (t);
  res->loss = elab_trainer_get_loss (t);
  elab_trainer_get_gradient (t, &res->dw, &res->db);
  res->steps = elab_trainer_get_steps (t);
}

/* @steps steps of @optimizer. */
static void
run_steps (ElabDataset   *d,
           ElabOptimizer  optimizer,
           guint          steps,
           RunEnd        *res)
{
  ElabTrainerSettings s = ELAB_TRAINER_SETTINGS_INIT;
  g_autoptr(ElabTrainer) t = NULL;

  s.optimizer = optimizer;
  s.standardize = optimizer != ELAB_OPTIMIZER_NEWTON;
  s.learning_rate = 0.5;
  s.max_steps = 0;
  s.tolerance = 0.0;
  t = elab_trainer_new (d, &s);
  elab_trainer_step (t, steps);
  run_end (t, res);
}

/* The vectorised pass against the scalar reference, row by row in the
 * plainest form: the loss to 1e-13 relative (each is a sum of terms ≥ 0),
 * the gradient's and Hessian's sums to 1e-13 of the sum of their terms'
 * magnitudes, at sizes that are not whole numbers of vectors, and with
 * a centre and scale as the trainer uses them. */
static void
check_pass_matches_reference (void)
{
  gsize sizes[] = { 1, 2, 3, 5, 8, 13, 129, 1031, 70001 };
  double params[][4] = {
    { 0, 0, 0, 1 }, { 1.5, -0.5, 0, 1 }, { 40, 3, 0.2, 0.5 }, { -1000, 7, -1, 2 },
    { 1e-9, 1e-9, 0, 1 }, { 400, -2000, 0, 1 }, { 3, 0.5, 1e3, 1e-3 }, { -0.7, 0.1, 0.5, 3 },
  };

  for (gsize k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(ElabDataset) d = elab_dataset_new_synthetic (sizes[k], 1.0, 0.25, 31 + k);

      for (gsize p = 0; p < G_N_ELEMENTS (params); p++)
        for (int hessian = 0; hessian <= 1; hessian++)
          {
            double w = params[p][0], b = params[p][1], c = params[p][2], sc = params[p][3];
            double loss, want_loss, mag = 0, mag_x = 0, mag_xx = 0;
            PassAt at = { .x = d->x, .y = d->y, .n = d->n_rows, .w = w, .b = b, .c = c, .k = sc, .hessian = hessian };
            Sums got, want;

            _elab_trainer_pass (ELAB_LOSS_CROSS_ENTROPY, &at, &got);
            _elab_trainer_pass_reference (ELAB_LOSS_CROSS_ENTROPY, &at, &want);
            loss = got.lin + got.log1p + got.log2_count * G_LN2;
            want_loss = want.lin + want.log1p + want.log2_count * G_LN2;
            /* The vector exp stops at e^−708 (the trainer takes the
             * reference below a loss of 1e-270). */
            if (!(fabs (loss - want_loss) <= 1e-13 * want_loss + 1e-307 * sizes[k]))
              g_error ("rows %zu, w %g, b %g: loss sum %.17g, reference %.17g", sizes[k], w, b, loss, want_loss);
            for (gsize i = 0; i < d->n_rows; i++)
              {
                double xs = fabs ((d->x[i] - c) * sc);

                mag += 1;
                mag_x += xs;
                mag_xx += xs * xs;
              }
            g_assert_cmpfloat (fabs (got.s0 - want.s0), <=, 1e-13 * mag);
            g_assert_cmpfloat (fabs (got.s1 - want.s1), <=, 1e-13 * mag_x);
            g_assert_cmpfloat (fabs (got.h11 - want.h11), <=, 1e-13 * mag);
            g_assert_cmpfloat (fabs (got.h01 - want.h01), <=, 1e-13 * mag_x);
            g_assert_cmpfloat (fabs (got.h00 - want.h00), <=, 1e-13 * mag_xx);
            if (!hessian)
              g_assert_cmpfloat (got.h00 + got.h01 + got.h11, ==, 0.0);
          }
    }
}

static void
test_pass_accuracy (void)
{
  check_pass_accuracy ();
}

static void
test_pass_reference (void)
{
  check_pass_matches_reference ();
}
static double
rel_diff (double a,
          double b)
{
  return fabs (a - b) / MAX (fabs (b), 1e-300);
}

/* Every build of the pass this CPU runs (4 doubles a vector with AVX2,
 * 2 anywhere) meets the same accuracy and matches the scalar reference;
 * the widths agree with each other to rounding (the order of the sums
 * differs), step after step. */
static void
test_vector_widths (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_synthetic (ELAB_TRAINER_PARALLEL_ROWS + 4321, -1.25, 0.75, 17);
  guint widths[] = { 2, 4 };
  RunEnd reference = { 0, };
  guint n_run = 0;

  for (gsize k = 0; k < G_N_ELEMENTS (widths); k++)
    {
      RunEnd end;

      if (elab_trainer_set_vector_width (widths[k]) != widths[k])
        {
          g_test_message ("this CPU does not run the %u-wide pass", widths[k]);
          continue;
        }
      n_run++;
      check_pass_accuracy ();
      check_pass_matches_reference ();
      run_steps (d, ELAB_OPTIMIZER_MOMENTUM, 25, &end);
      if (widths[k] == 2)
        reference = end;
      else
        {
          g_assert_cmpuint (end.steps, ==, reference.steps);
          g_assert_cmpfloat (rel_diff (end.loss, reference.loss), <, 1e-13);
          g_assert_cmpfloat (rel_diff (end.w, reference.w), <, 1e-12);
          g_assert_cmpfloat (rel_diff (end.b, reference.b), <, 1e-12);
          g_assert_cmpfloat (fabs (end.dw - reference.dw), <, 1e-12 * MAX (1.0, fabs (reference.dw)));
          g_assert_cmpfloat (fabs (end.db - reference.db), <, 1e-12 * MAX (1.0, fabs (reference.db)));
        }
    }
  /* The 2-wide pass runs on every CPU. */
  g_assert_cmpuint (n_run, >=, 1);
  g_assert_cmpuint (elab_trainer_set_vector_width (3), ==, 0);
  g_assert_cmpuint (elab_trainer_set_vector_width (0), >=, 2);
}

/* The mean loss in long double (64-bit mantissa), each row's loss
 * y·softplus(−z) + (1 − y)·softplus(z) by log1pl: a reference 2000 times
 * finer than the 1e-12 bar. */
static double
reference_loss (const ElabDataset *d,
                double             w,
                double             b)
{
  long double sum = 0;

  for (gsize i = 0; i < d->n_rows; i++)
    {
      long double z = (long double) w * d->x[i] + b;
      long double sp = (z > 0 ? z : 0) + log1pl (expl (-fabsl (z)));
      long double sp_neg = (z < 0 ? -z : 0) + log1pl (expl (-fabsl (z)));

      sum += d->y[i] != 0 ? sp_neg : sp;
    }
  return (double) (sum / d->n_rows);
}

/* At w = b = 0 the loss is exactly the double nearest log 2 (1 bit in
 * bits, not 1.0000000000000002), on every data set size and vector
 * width's remainder. */
static void
test_loss_at_zero_exact (void)
{
  gsize sizes[] = { 1, 3, 7, 20, 23, 100, 1000, 200003 };

  for (gsize k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(ElabDataset) d = elab_dataset_new_synthetic (sizes[k], 1.0, 0.25, 5 + k);
      g_autoptr(ElabTrainer) t = elab_trainer_new (d, NULL);

      g_assert_cmpfloat (elab_trainer_get_loss (t), ==, G_LN2);
      g_assert_cmpfloat (elab_trainer_get_loss (t) * elab_unit_factor (ELAB_UNIT_BITS), ==, 1.0);
    }
}

/* In the separable regime the loss is tiny and keeps its relative
 * precision (it was 1e-8 relative off where each row's loss is ~1e-8),
 * down to losses near the smallest normal double. */
static void
test_tiny_loss_relative (void)
{
  g_autoptr(ElabDataset) setosa = elab_dataset_new_builtin ("iris-setosa");
  g_autoptr(ElabDataset) big = elab_dataset_new_synthetic (100003, 30.0, 0.0, 9);
  g_autoptr(ElabTrainer) t = elab_trainer_new (setosa, NULL);
  g_autoptr(ElabTrainer) tb = elab_trainer_new (big, NULL);
  /* the threshold is near 2.45 cm: z = w·(2.45 − x) */
  double ws[] = { 1, 5, 10, 20, 50, 100, 250, 500, 620, 650 };
  double worst = 0;

  for (gsize k = 0; k < G_N_ELEMENTS (ws); k++)
    {
      double w = -ws[k], b = ws[k] * 2.45;
      double got = elab_trainer_loss_at (t, w, b), want = reference_loss (setosa, w, b);

      g_assert_cmpfloat (want, >, 1e-300);
      worst = MAX (worst, fabs (got - want) / want);
      if (!(fabs (got - want) <= 1e-12 * want))
        g_error ("w %g: loss %.17g, reference %.17g", w, got, want);
    }
  g_test_message ("worst relative error of tiny losses: %.3g", worst);

  /* a large separable-ish data set far along its slope */
  for (double w = 30; w <= 3000; w *= 10)
    {
      double got = elab_trainer_loss_at (tb, w, 0.0), want = reference_loss (big, w, 0.0);

      if (!(fabs (got - want) <= 1e-12 * want))
        g_error ("w %g: loss %.17g, reference %.17g", w, got, want);
    }
}

/* Newton's fit of Challenger in °F, and of the same data with x scaled by
 * 10^s: the fits are the same model (w scaled by 10^−s), and every one
 * reports convergence (an absolute gradient tolerance never did at
 * x ≈ 1e10, and took the Hessian for singular at x ≈ 1e-150). Gradient
 * descent on standardised x gets the same loss however x is scaled:
 * the mean and spread do not overflow or underflow. */
static void
test_scale_invariant (void)
{
  const ElabDatasetInfo *info = elab_dataset_find_builtin ("challenger");
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("challenger");
  g_autoptr(ElabTrainer) ref = train (d, ELAB_OPTIMIZER_NEWTON, FALSE, TRUE, 0.1, 100);
  double scales[] = { 1e10, 1e-10, 1e-150, 1e-160, 1e-300, 1e150, 1e160, 1e300 };
  double w0 = elab_trainer_get_w (ref), b0 = elab_trainer_get_b (ref), l0 = elab_trainer_get_loss (ref);
  g_autoptr(ElabTrainer) gd_ref = train (d, ELAB_OPTIMIZER_GD, TRUE, TRUE, 1.0, 3000);

  g_assert_cmpint (elab_trainer_get_status (ref), ==, ELAB_TRAIN_STATUS_CONVERGED);
  for (gsize k = 0; k < G_N_ELEMENTS (scales); k++)
    {
      double x[64];
      g_autoptr(ElabDataset) ds = NULL;
      g_autoptr(ElabTrainer) t = NULL;
      g_autoptr(ElabTrainer) gd = NULL;

      for (gsize i = 0; i < info->n_rows; i++)
        x[i] = info->x[i] * scales[k];
      ds = elab_dataset_new ("scaled", "x", "y", x, info->y, info->n_rows);
      t = train (ds, ELAB_OPTIMIZER_NEWTON, FALSE, TRUE, 0.1, 100);
      if (elab_trainer_get_status (t) != ELAB_TRAIN_STATUS_CONVERGED)
        g_error ("x·%g: %s: %s", scales[k], elab_train_status_to_string (elab_trainer_get_status (t)),
                 elab_trainer_get_message (t));
      assert_rel (elab_trainer_get_w (t) * scales[k], w0, 1e-9);
      assert_rel (elab_trainer_get_b (t), b0, 1e-9);
      assert_rel (elab_trainer_get_loss (t), l0, 1e-12);

      gd = train (ds, ELAB_OPTIMIZER_GD, TRUE, TRUE, 1.0, 3000);
      g_assert_cmpint (elab_trainer_get_status (gd), !=, ELAB_TRAIN_STATUS_DIVERGED);
      assert_rel (elab_trainer_get_loss (gd), elab_trainer_get_loss (gd_ref), 1e-9);
    }
}

/* Nearly separable data: one class-0 point among the class-1 points. The
 * optimum is far out and flat; Newton must not stop until the fit is
 * exact (the gradient test stopped with b off by 1.25e-5). The reference
 * is Newton in long double, iterated to a fixed point. */
static void
test_nearly_separable (void)
{
  double x[40], y[40];
  g_autoptr(ElabDataset) d = NULL;
  g_autoptr(ElabTrainer) t = NULL;
  long double w = 0, b = 0;

  for (int i = 0; i < 40; i++)
    {
      x[i] = i * 0.25;
      y[i] = i >= 20 ? 1 : 0;
    }
  y[20] = 0;
  y[19] = 1;
  d = elab_dataset_new ("nearly", "x", "y", x, y, 40);
  t = train (d, ELAB_OPTIMIZER_NEWTON, FALSE, TRUE, 0.1, 500);
  g_assert_cmpint (elab_trainer_get_status (t), ==, ELAB_TRAIN_STATUS_CONVERGED);

  for (int it = 0; it < 200; it++)
    {
      long double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0, det;

      for (int i = 0; i < 40; i++)
        {
          long double z = w * x[i] + b, p = 1 / (1 + expl (-z)), q = p * (1 - p);

          g0 += (p - y[i]) * x[i];
          g1 += p - y[i];
          h00 += q * x[i] * x[i];
          h01 += q * x[i];
          h11 += q;
        }
      det = h00 * h11 - h01 * h01;
      w -= (h11 * g0 - h01 * g1) / det;
      b -= (h00 * g1 - h01 * g0) / det;
    }
  assert_rel (elab_trainer_get_w (t), (double) w, 1e-9);
  assert_rel (elab_trainer_get_b (t), (double) b, 1e-9);
}

/* With a singular Hessian Newton's method never uses the learning rate
 * (its help says it ignores it): the same result at any --lr, and the
 * message says what happened. */
static void
test_singular_honest (void)
{
  double x[] = { 2, 2, 2, 2, 2 }, y[] = { 0, 1, 0, 1, 1 };
  g_autoptr(ElabDataset) d = elab_dataset_new ("flat", "x", "y", x, y, 5);
  g_autoptr(ElabTrainer) a = train (d, ELAB_OPTIMIZER_NEWTON, FALSE, TRUE, 0.5, 5000);
  g_autoptr(ElabTrainer) b = train (d, ELAB_OPTIMIZER_NEWTON, FALSE, TRUE, 1e6, 5000);

  g_assert_cmpfloat (elab_trainer_get_w (a), ==, elab_trainer_get_w (b));
  g_assert_cmpfloat (elab_trainer_get_b (a), ==, elab_trainer_get_b (b));
  g_assert_cmpint (elab_trainer_get_status (b), ==, ELAB_TRAIN_STATUS_CONVERGED);
  g_assert_nonnull (strstr (elab_trainer_get_message (b), "singular"));
}

/* The status text tells the truth: an unstable rate is not told to go
 * higher; quasi-separated data level off, one-class data move b. */
static void
test_messages (void)
{
  g_autoptr(ElabDataset) ch = elab_dataset_new_builtin ("challenger");
  g_autoptr(ElabTrainer) unstable = train (ch, ELAB_OPTIMIZER_GD, FALSE, TRUE, 0.005, 200);
  g_autoptr(ElabTrainer) slow = train (ch, ELAB_OPTIMIZER_GD, TRUE, TRUE, 1e-4, 50);
  double xq[] = { 0, 1, 2, 2, 3, 4 }, yq[] = { 0, 0, 0, 1, 1, 1 };
  double x1[] = { 0, 1, 2, 3 }, y1[] = { 1, 1, 1, 1 };
  g_autoptr(ElabDataset) dq = elab_dataset_new ("quasi", "x", "y", xq, yq, 6);
  g_autoptr(ElabDataset) d1 = elab_dataset_new ("one", "x", "y", x1, y1, 4);
  g_autoptr(ElabTrainer) tq = train (dq, ELAB_OPTIMIZER_GD, FALSE, TRUE, 0.5, 3000);
  g_autoptr(ElabTrainer) t1 = train (d1, ELAB_OPTIMIZER_GD, FALSE, TRUE, 0.5, 3000);
  const char *m;

  m = elab_trainer_get_message (unstable);
  g_test_message ("lr 0.005: %s: %s", elab_train_status_to_string (elab_trainer_get_status (unstable)), m);
  g_assert_null (strstr (m, "raise"));
  m = elab_trainer_get_message (slow);
  g_assert_cmpint (elab_trainer_get_status (slow), ==, ELAB_TRAIN_STATUS_MAX_STEPS);
  g_assert_nonnull (strstr (m, "raise the learning rate"));

  g_assert_cmpint (elab_trainer_get_status (tq), ==, ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM);
  m = elab_trainer_get_message (tq);
  g_assert_nonnull (strstr (m, "levels off"));
  g_assert_null (strstr (m, "towards 0"));
  /* and it does level off: two of six examples at x = 2 keep log 2 each */
  g_assert_cmpfloat (elab_trainer_get_loss (tq), >, 0.9 * 2 * G_LN2 / 6);

  g_assert_cmpint (elab_trainer_get_status (t1), ==, ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM);
  m = elab_trainer_get_message (t1);
  g_assert_nonnull (strstr (m, "b grows"));
}

/* The rate a divergence message advises does converge: on every built-in
 * data set, raw and standardised, gradient descent at it never raises the
 * loss and momentum at it never diverges. */
static void
test_advised_rate_converges (void)
{
  guint n_builtins;
  const ElabDatasetInfo *infos = elab_dataset_get_builtins (&n_builtins);
  ElabOptimizer optimizers[] = { ELAB_OPTIMIZER_GD, ELAB_OPTIMIZER_MOMENTUM };

  for (guint k = 0; k < n_builtins; k++)
    for (int std = 0; std <= 1; std++)
      for (gsize o = 0; o < G_N_ELEMENTS (optimizers); o++)
        {
          g_autoptr(ElabDataset) d = elab_dataset_new_builtin (infos[k].name);
          g_autoptr(ElabTrainer) bad = train (d, optimizers[o], std, TRUE, 1e3, 500);
          g_autoptr(ElabTrainer) good = NULL;
          const char *m = elab_trainer_get_message (bad), *at;
          const ElabTrainPoint *h;
          double rate;
          gsize n;

          /* separable data, standardised, may reach a tiny loss first */
          if (elab_trainer_get_status (bad) != ELAB_TRAIN_STATUS_DIVERGED)
            {
              g_assert_true (elab_trainer_is_separable (bad));
              continue;
            }
          at = strstr (m, "try ");
          g_assert_nonnull (at);
          rate = g_ascii_strtod (at + 4, NULL);
          g_test_message ("%s%s %s: advised %g", infos[k].name, std ? " (standardised)" : "",
                          optimizers[o] == ELAB_OPTIMIZER_GD ? "gd" : "momentum", rate);
          g_assert_cmpfloat (rate, >, 0);
          good = train (d, optimizers[o], std, TRUE, rate, 2000);
          g_assert_cmpint (elab_trainer_get_status (good), !=, ELAB_TRAIN_STATUS_DIVERGED);
          h = elab_trainer_get_history (good, &n);
          g_assert_cmpfloat (h[n - 1].loss, <, h[0].loss);
          if (optimizers[o] == ELAB_OPTIMIZER_GD)
            for (gsize i = 1; i < n; i++)
              g_assert_cmpfloat (h[i].loss, <=, h[i - 1].loss * (1 + 1e-15));
        }
}

static ElabTrainer *
train_loss (ElabDataset   *d,
            ElabLoss       loss,
            ElabOptimizer  optimizer,
            double         init_w,
            double         init_b,
            guint          steps)
{
  ElabTrainerSettings s = ELAB_TRAINER_SETTINGS_INIT;
  ElabTrainer *t;

  s.loss = loss;
  s.optimizer = optimizer;
  s.standardize = TRUE;
  s.learning_rate = 1.0;
  s.max_steps = steps;
  s.init_w = init_w;
  s.init_b = init_b;
  t = elab_trainer_new (d, &s);
  elab_trainer_step (t, steps);
  return t;
}

/* The squared error's gradient is the derivative of the loss it reports,
 * at ordinary points and where σ saturates; the loss stays in [0, 1]. */
static void
test_squared_gradient (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("challenger");
  double points[][2] = { { 0, 0 }, { -0.3, 19.26 }, { 0.1, -5 }, { 1, -70 }, { 2, -140 }, { -1, 60 } };

  for (gsize k = 0; k < G_N_ELEMENTS (points); k++)
    {
      g_autoptr(ElabTrainer) t = train_loss (d, ELAB_LOSS_SQUARED, ELAB_OPTIMIZER_GD,
                                             points[k][0], points[k][1], 0);
      double w = points[k][0], b = points[k][1], h = 1e-6, dw, db, fd_w, fd_b;

      elab_trainer_get_gradient (t, &dw, &db);
      fd_w = (elab_trainer_loss_at (t, w + h, b) - elab_trainer_loss_at (t, w - h, b)) / (2 * h);
      fd_b = (elab_trainer_loss_at (t, w, b + h) - elab_trainer_loss_at (t, w, b - h)) / (2 * h);
      g_test_message ("(%g, %g): loss %.6g, ∂L/∂w %.6g (fd %.6g), ∂L/∂b %.6g (fd %.6g)", w, b,
                      elab_trainer_get_loss (t), dw, fd_w, db, fd_b);
      g_assert_cmpfloat (fabs (dw - fd_w), <, 1e-7 * MAX (1, fabs (dw)));
      g_assert_cmpfloat (fabs (db - fd_b), <, 1e-7 * MAX (1, fabs (db)));
      g_assert_cmpfloat (elab_trainer_get_loss (t), >=, 0.0);
      g_assert_cmpfloat (elab_trainer_get_loss (t), <=, 1.0);
    }
}

/* At w = b = 0 every prediction is ½, so the squared error is ¼ exactly
 * and ∂L/∂b = mean(2(½ − y)·¼) = (½ − mean y)/2. Far out, finite. */
static void
test_squared_closed_form (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("challenger");
  g_autoptr(ElabTrainer) t = train_loss (d, ELAB_LOSS_SQUARED, ELAB_OPTIMIZER_GD, 0, 0, 0);
  double mean_y = 0, db;

  for (gsize i = 0; i < d->n_rows; i++)
    mean_y += d->y[i] / d->n_rows;
  elab_trainer_get_gradient (t, NULL, &db);
  g_assert_cmpfloat (elab_trainer_get_loss (t), ==, 0.25);
  assert_rel (db, (0.5 - mean_y) / 2, 1e-15);

  for (double w = -1e6; w <= 1e6; w += 5e5)
    for (double b = -1e6; b <= 1e6; b += 5e5)
      {
        double dz, l = elab_trainer_loss_at (t, w, b);

        g_assert_true (isfinite (l) && l >= 0 && l <= 1);
        g_assert_true (isfinite (elab_trainer_example_squared_error (70, 1, w, b, &dz)) && isfinite (dz));
      }
}

/* Newton on the squared error: from the lesson's start its Hessian stays
 * positive definite and it lands on the minimum gradient descent creeps
 * towards; from a saturated wrong start it is not, and the message says
 * so (the steps there are safe gradient steps, never a Newton step up a
 * concave slope). */
static void
test_squared_newton (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("challenger");
  g_autoptr(ElabTrainer) nt = train_loss (d, ELAB_LOSS_SQUARED, ELAB_OPTIMIZER_NEWTON, 0, 0, 50);
  g_autoptr(ElabTrainer) gd = train_loss (d, ELAB_LOSS_SQUARED, ELAB_OPTIMIZER_GD, 0, 0, 20000);
  g_autoptr(ElabTrainer) bad = train_loss (d, ELAB_LOSS_SQUARED, ELAB_OPTIMIZER_NEWTON, 2, -140, 100000);
  double ow, ob, ol;

  g_assert_cmpint (elab_trainer_get_status (nt), ==, ELAB_TRAIN_STATUS_CONVERGED);
  g_assert_null (strstr (elab_trainer_get_message (nt), "positive definite"));
  g_assert_cmpfloat (elab_trainer_get_grad_norm (nt), <, 1e-9);
  g_assert_true (elab_trainer_get_optimum (nt, &ow, &ob, &ol));
  assert_rel (elab_trainer_get_w (nt), ow, 1e-6);
  assert_rel (elab_trainer_get_b (nt), ob, 1e-6);
  assert_rel (elab_trainer_get_loss (gd), ol, 1e-9);
  assert_rel (elab_trainer_get_w (gd), ow, 1e-4);
  g_test_message ("squared-error optimum w %.9g b %.9g loss %.9g; Newton %" G_GUINT64_FORMAT " steps",
                  ow, ob, ol, elab_trainer_get_steps (nt));

  g_test_message ("Newton from (2, −140): %s after %" G_GUINT64_FORMAT " steps: %s",
                  elab_train_status_to_string (elab_trainer_get_status (bad)), elab_trainer_get_steps (bad),
                  elab_trainer_get_message (bad));
  g_assert_nonnull (strstr (elab_trainer_get_message (bad), "not positive definite"));
  assert_all_finite (bad);
  g_assert_cmpfloat (elab_trainer_get_loss (bad), <=, 0.5641);
}

/* The lesson: from a confidently wrong start, gradient descent on the
 * cross-entropy reaches its minimum in a few hundred steps while on the
 * squared error, whose gradient carries σ′ ≈ 0 there, it barely moves. */
static void
test_squared_stalls (void)
{
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("challenger");
  g_autoptr(ElabTrainer) ce = train_loss (d, ELAB_LOSS_CROSS_ENTROPY, ELAB_OPTIMIZER_GD, 2, -140, 2000);
  g_autoptr(ElabTrainer) sq = train_loss (d, ELAB_LOSS_SQUARED, ELAB_OPTIMIZER_GD, 2, -140, 2000);
  g_autoptr(ElabTrainer) sq0 = train_loss (d, ELAB_LOSS_SQUARED, ELAB_OPTIMIZER_GD, 2, -140, 0);
  double opt_loss;

  g_assert_cmpint (elab_trainer_get_status (ce), ==, ELAB_TRAIN_STATUS_CONVERGED);
  g_assert_cmpuint (elab_trainer_get_steps (ce), <, 400);
  g_assert_cmpint (elab_trainer_get_status (sq), ==, ELAB_TRAIN_STATUS_MAX_STEPS);
  g_assert_true (elab_trainer_get_optimum (sq, NULL, NULL, &opt_loss));
  g_test_message ("squared error from (2, −140): %.6g → %.6g in 2000 steps (minimum %.6g); "
                  "gradient norm at the start %.3g",
                  elab_trainer_get_loss (sq0), elab_trainer_get_loss (sq), opt_loss,
                  elab_trainer_get_grad_norm (sq0));
  g_assert_cmpfloat (elab_trainer_get_loss (sq), >, 0.99 * elab_trainer_get_loss (sq0));
  g_assert_cmpfloat (elab_trainer_get_loss (sq), >, 3 * opt_loss);
  g_assert_nonnull (strstr (elab_trainer_get_message (sq), "σ′"));
}

/* The squared error's vector pass, at each width this CPU runs, against
 * its plain reference: the loss to 1e-13 relative, the gradient's and
 * Hessian's sums to 1e-13 of their terms' size, from ordinary logits to
 * saturated ones (|z| past the exp's clamp at 708), odd row counts
 * included (the scalar tail). */
static void
test_squared_pass (void)
{
  gsize sizes[] = { 1, 7, 23, 1001, 70001 };
  double params[][2] = { { 0, 0 }, { 1.5, -0.5 }, { 40, 3 }, { -1000, 7 }, { 1e-9, 1e-9 }, { 400, -2000 } };
  guint widths[] = { 2, 4 };

  for (gsize wi = 0; wi < G_N_ELEMENTS (widths); wi++)
    {
      if (elab_trainer_set_vector_width (widths[wi]) != widths[wi])
        continue;
      for (gsize k = 0; k < G_N_ELEMENTS (sizes); k++)
        {
          g_autoptr(ElabDataset) d = elab_dataset_new_synthetic (sizes[k], 1.0, 0.25, 5 + k);

          for (gsize p = 0; p < G_N_ELEMENTS (params); p++)
            {
              PassAt at = {
                .x = d->x, .y = d->y, .n = d->n_rows,
                .w = params[p][0], .b = params[p][1], .c = 0.3, .k = 1.7, .hessian = TRUE,
              };
              Sums got, want;
              double scale = 2.0 * d->n_rows;   /* |ℓ′|, |ℓ″| ≤ ½ a row, |xs| ≲ 4 */

              _elab_trainer_pass (ELAB_LOSS_SQUARED, &at, &got);
              _elab_trainer_pass_reference (ELAB_LOSS_SQUARED, &at, &want);
              if (!(fabs (got.lin - want.lin) <= 1e-13 * want.lin + 1e-300))
                g_error ("width %u, rows %zu, w %g, b %g: loss %.17g vs %.17g", widths[wi], sizes[k],
                         params[p][0], params[p][1], got.lin, want.lin);
              g_assert_cmpfloat (fabs (got.s0 - want.s0), <=, 1e-13 * scale);
              g_assert_cmpfloat (fabs (got.s1 - want.s1), <=, 1e-13 * scale * 8);
              g_assert_cmpfloat (fabs (got.h11 - want.h11), <=, 1e-13 * scale);
              g_assert_cmpfloat (fabs (got.h01 - want.h01), <=, 1e-13 * scale * 8);
              g_assert_cmpfloat (fabs (got.h00 - want.h00), <=, 1e-13 * scale * 64);
            }
        }
    }
  g_assert_cmpuint (elab_trainer_set_vector_width (0), >=, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/core/Trainer/published-fits", test_published);
  g_test_add_func ("/elab/core/Trainer/standardized", test_standardized);
  g_test_add_func ("/elab/core/Trainer/gradient", test_gradient);
  g_test_add_func ("/elab/core/Trainer/pass-accuracy", test_pass_accuracy);
  g_test_add_func ("/elab/core/Trainer/closed-form", test_closed_form);
  g_test_add_func ("/elab/core/Trainer/separable", test_separable);
  g_test_add_func ("/elab/core/Trainer/diverged", test_diverged);
  g_test_add_func ("/elab/core/Trainer/max-steps", test_max_steps);
  g_test_add_func ("/elab/core/Trainer/no-bias", test_no_bias);
  g_test_add_func ("/elab/core/Trainer/grid", test_grid);
  g_test_add_func ("/elab/core/Trainer/singular-hessian", test_singular_hessian);
  g_test_add_func ("/elab/core/Trainer/loss-at-zero-exact", test_loss_at_zero_exact);
  g_test_add_func ("/elab/core/Trainer/tiny-loss-relative", test_tiny_loss_relative);
  g_test_add_func ("/elab/core/Trainer/scale-invariant", test_scale_invariant);
  g_test_add_func ("/elab/core/Trainer/nearly-separable", test_nearly_separable);
  g_test_add_func ("/elab/core/Trainer/singular-honest", test_singular_honest);
  g_test_add_func ("/elab/core/Trainer/messages", test_messages);
  g_test_add_func ("/elab/core/Trainer/advised-rate-converges", test_advised_rate_converges);
  g_test_add_func ("/elab/core/Trainer/reset-settings", test_reset_settings);
  g_test_add_func ("/elab/core/Trainer/pass-reference", test_pass_reference);
  g_test_add_func ("/elab/core/Trainer/vector-widths", test_vector_widths);
  g_test_add_func ("/elab/core/Trainer/squared-gradient", test_squared_gradient);
  g_test_add_func ("/elab/core/Trainer/squared-closed-form", test_squared_closed_form);
  g_test_add_func ("/elab/core/Trainer/squared-newton", test_squared_newton);
  g_test_add_func ("/elab/core/Trainer/squared-stalls", test_squared_stalls);
  g_test_add_func ("/elab/core/Trainer/squared-pass", test_squared_pass);

  return g_test_run ();
}
