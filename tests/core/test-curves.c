/* test-curves.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "elab-curves.h"

/* Filling the arrays again must reuse them: same pointers, same capacity,
 * so a slider drag never allocates. */
static void
test_no_allocation (void)
{
  g_autoptr (ElabPairCurves) pc = elab_pair_curves_new (500);
  g_autoptr (ElabModelCurves) mc = elab_model_curves_new (500);
  ElabLogistic p = ELAB_LOGISTIC_INIT (1, 0);
  ElabLogistic q = ELAB_LOGISTIC_INIT (2, 0);
  double *arrays[] = { pc->x, pc->p, pc->q, pc->h_p, pc->h_q, pc->h_pq, pc->h_qp,
                       pc->kl_pq, pc->kl_qp };
  double *mx = mc->x, *mp = mc->p, *mh = mc->h;

  for (guint frame = 0; frame < 50; frame++)
    {
      double *after[9];

      p.theta = -20 + frame;
      elab_pair_curves_compute (pc, &p, &q, -6, 6, 2 + frame * 10, ELAB_UNIT_BITS);
      elab_model_curves_compute (mc, &p, -6, 6, 2 + frame * 10, ELAB_UNIT_NATS);

      after[0] = pc->x; after[1] = pc->p; after[2] = pc->q; after[3] = pc->h_p;
      after[4] = pc->h_q; after[5] = pc->h_pq; after[6] = pc->h_qp; after[7] = pc->kl_pq;
      after[8] = pc->kl_qp;
      for (guint i = 0; i < 9; i++)
        g_assert_true (after[i] == arrays[i]);
      g_assert_true (mc->x == mx && mc->p == mp && mc->h == mh);
      g_assert_cmpuint (pc->capacity, ==, 500);
      g_assert_cmpuint (pc->n, ==, 2 + frame * 10);
    }
}

static void
test_sampling (void)
{
  g_autoptr (ElabModelCurves) mc = elab_model_curves_new (241);
  ElabLogistic m = ELAB_LOGISTIC_INIT (1, 0);

  elab_model_curves_compute (mc, &m, -6, 6, 241, ELAB_UNIT_BITS);
  g_assert_cmpuint (mc->n, ==, 241);
  g_assert_cmpfloat (mc->x[0], ==, -6.0);
  g_assert_cmpfloat (mc->x[240], ==, 6.0);
  g_assert_cmpfloat (mc->x[120], ==, 0.0);
  g_assert_cmpfloat_with_epsilon (mc->x[1] - mc->x[0], 0.05, 1e-14);
  g_assert_cmpfloat (mc->p[120], ==, 0.5);
  g_assert_cmpfloat_with_epsilon (mc->h[120], 1.0, 1e-15);   /* 1 bit at p = ½ */
  for (guint i = 0; i < 241; i++)
    g_assert_cmpfloat (mc->h[i], <=, mc->h[120]);
}

/* Trapezoid means on a known case: a constant model θ = 0 has constant
 * curves, so every mean equals the pointwise value; and the mean of H for
 * θ = 1 over [−6, 6] matches a fine Simpson integral of the same curve. */
static void
test_means (void)
{
  g_autoptr (ElabPairCurves) pc = elab_pair_curves_new (1001);
  g_autoptr (ElabModelCurves) mc = elab_model_curves_new (1001);
  ElabLogistic p = ELAB_LOGISTIC_INIT (0, 0);
  ElabLogistic q = ELAB_LOGISTIC_INIT (0, -log (9.0));
  ElabLogistic s = ELAB_LOGISTIC_INIT (1, 0);
  double simpson = 0.0;
  const guint n = 20000;

  elab_pair_curves_compute (pc, &p, &q, -3, 5, 17, ELAB_UNIT_BITS);
  g_assert_cmpfloat_with_epsilon (pc->mean_h_p, 1.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (pc->mean_h_q, 0.4689955935892812, 1e-15);
  g_assert_cmpfloat_with_epsilon (pc->mean_h_pq, 1.7369655941662063, 1e-14);
  g_assert_cmpfloat_with_epsilon (pc->mean_h_qp, 1.0, 1e-14);
  g_assert_cmpfloat_with_epsilon (pc->mean_kl_pq, 0.7369655941662062, 1e-14);
  g_assert_cmpfloat_with_epsilon (pc->mean_kl_qp, 0.5310044064107188, 1e-14);

  /* Simpson's rule on 20000 intervals as the independent reference. */
  for (guint i = 0; i <= n; i++)
    {
      double x = -6 + 12.0 * i / n;
      double w = (i == 0 || i == n) ? 1 : (i % 2 ? 4 : 2);
      simpson += w * elab_binary_entropy_logit (x);
    }
  simpson = simpson * (12.0 / n) / 3.0 / 12.0;

  elab_model_curves_compute (mc, &s, -6, 6, 1001, ELAB_UNIT_NATS);
  g_assert_cmpfloat_with_epsilon (mc->mean_h, simpson, 1e-6);
  /* and it is not just the plain average of the samples */
  {
    double plain = 0.0;

    for (guint i = 0; i < 1001; i++)
      plain += mc->h[i];
    plain /= 1001;
    g_assert_cmpfloat (fabs (plain - simpson), >, fabs (mc->mean_h - simpson));
  }
}

static void
test_pair_point (void)
{
  ElabLogistic p = ELAB_LOGISTIC_INIT (1, 0);
  ElabLogistic q = ELAB_LOGISTIC_INIT (2, 0);
  g_autoptr (ElabPairCurves) pc = elab_pair_curves_new (13);
  ElabPairPoint pt;

  /* the curves and the read-out agree sample by sample */
  elab_pair_curves_compute (pc, &p, &q, -6, 6, 13, ELAB_UNIT_NATS);
  for (guint i = 0; i < 13; i++)
    {
      elab_pair_point (&p, &q, pc->x[i], ELAB_UNIT_NATS, &pt);
      g_assert_cmpfloat (pt.h_pq, ==, pc->h_pq[i]);
      g_assert_cmpfloat (pt.kl_qp, ==, pc->kl_qp[i]);
      g_assert_cmpfloat_with_epsilon (pt.h_pq, pt.h_p + pt.kl_pq, 1e-14);
      g_assert_cmpfloat_with_epsilon (pt.h_qp, pt.h_q + pt.kl_qp, 1e-14);
    }

  /* the design's example read-out at x = 1: p = 0.73, q = 0.88 */
  elab_pair_point (&p, &q, 1.0, ELAB_UNIT_BITS, &pt);
  g_assert_cmpfloat_with_epsilon (pt.p, 0.7310585786300049, 1e-15);
  g_assert_cmpfloat_with_epsilon (pt.q, 0.8807970779778823, 1e-15);
  g_assert_cmpfloat_with_epsilon (pt.h_pq,
                                  -(pt.p * log2 (pt.q) + (1 - pt.p) * log2 (1 - pt.q)), 1e-14);
  g_assert_cmpfloat (pt.h_pq, !=, pt.h_qp);   /* order matters */

  /* a slider at θ = 40 (and far beyond) keeps every value finite */
  p.theta = 40;
  q.theta = -1e6;
  q.bias = 1e6;
  elab_pair_curves_compute (pc, &p, &q, -1e6, 1e6, 13, ELAB_UNIT_BITS);
  for (guint i = 0; i < 13; i++)
    {
      g_assert_true (isfinite (pc->h_p[i]) && isfinite (pc->h_q[i]));
      g_assert_true (isfinite (pc->h_pq[i]) && isfinite (pc->h_qp[i]));
      g_assert_true (isfinite (pc->kl_pq[i]) && isfinite (pc->kl_qp[i]));
    }
  g_assert_true (isfinite (pc->mean_h_pq) && isfinite (pc->mean_kl_qp));
}

/* Over a span of a few ulps every grid stays in [x_min, x_max] and never
 * goes backwards; its ends are the ends exactly. */
static void
test_tiny_span_monotone (void)
{
  g_autoptr(ElabPairCurves) pc = elab_pair_curves_new (50);
  g_autoptr(ElabModelCurves) mc = elab_model_curves_new (50);
  ElabLogistic p = { 1, 0 }, q = { 2, 0 };
  GRand *rng = g_rand_new_with_seed (20261206);

  for (guint k = 0; k < 200; k++)
    {
      double x_min = k == 0 ? 9630.01817810748 : g_rand_double_range (rng, -1e4, 1e4);
      double x_max = k == 0 ? 9630.01817810749 : x_min;
      guint ulps = g_rand_int_range (rng, 1, 40);
      guint n = g_rand_int_range (rng, 3, 51);

      if (k > 0)
        for (guint u = 0; u < ulps; u++)
          x_max = nextafter (x_max, INFINITY);
      elab_pair_curves_compute (pc, &p, &q, x_min, x_max, n, ELAB_UNIT_BITS);
      elab_model_curves_compute (mc, &p, x_min, x_max, n, ELAB_UNIT_BITS);
      g_assert_cmpfloat (pc->x[0], ==, x_min);
      g_assert_cmpfloat (pc->x[n - 1], ==, x_max);
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpfloat (pc->x[i], >=, x_min);
          g_assert_cmpfloat (pc->x[i], <=, x_max);
          g_assert_cmpfloat (mc->x[i], ==, pc->x[i]);
          if (i > 0)
            g_assert_cmpfloat (pc->x[i], >=, pc->x[i - 1]);
        }
    }

  /* and a span too wide to subtract */
  elab_pair_curves_compute (pc, &p, &q, -1e308, 1e308, 5, ELAB_UNIT_NATS);
  g_assert_cmpfloat (pc->x[0], ==, -1e308);
  g_assert_cmpfloat (pc->x[2], ==, 0.0);
  g_assert_cmpfloat (pc->x[4], ==, 1e308);
  g_rand_free (rng);
}

/* Values the lesson bounds are never printed beyond their bounds: H ≤ 1 bit
 * (log 2 nats) where rounding near p = ½ overshot by an ulp, and H(p, q) ≥
 * H(p), KL ≥ 0 as printed, in both units. */
static void
test_bounds (void)
{
  g_autoptr(ElabPairCurves) pc = elab_pair_curves_new (201);
  GRand *rng = g_rand_new_with_seed (7);
  ElabLogistic p = { 1, 0 }, q = { 1, 0 };

  for (guint k = 0; k < 400; k++)
    {
      ElabUnit unit = k % 2 ? ELAB_UNIT_NATS : ELAB_UNIT_BITS;
      double bound = unit == ELAB_UNIT_BITS ? 1.0 : ELAB_LN2;
      double span = ldexp (1.0, -g_rand_int_range (rng, 1, 40));

      if (k > 0)
        {
          p.theta = g_rand_double_range (rng, -2, 2);
          p.bias = g_rand_double_range (rng, -1e-6, 1e-6);
          q.theta = p.theta * (1 + g_rand_double_range (rng, -1e-9, 1e-9));
          q.bias = p.bias;
        }
      elab_pair_curves_compute (pc, &p, &q, -span, span, 201, unit);
      for (guint i = 0; i < 201; i++)
        {
          g_assert_cmpfloat (pc->h_p[i], <=, bound);
          g_assert_cmpfloat (pc->h_q[i], <=, bound);
          g_assert_cmpfloat (pc->h_pq[i], >=, pc->h_p[i]);
          g_assert_cmpfloat (pc->h_qp[i], >=, pc->h_q[i]);
          g_assert_cmpfloat (pc->kl_pq[i], >=, 0.0);
          g_assert_cmpfloat (pc->kl_qp[i], >=, 0.0);
        }
    }
  g_rand_free (rng);

  /* the case: three samples in [−1e-9, 1e-9] at θ = 1 */
  p = (ElabLogistic) { 1, 0 };
  elab_pair_curves_compute (pc, &p, &p, -1e-9, 1e-9, 3, ELAB_UNIT_BITS);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpfloat (pc->h_p[i], <=, 1.0);
      g_assert_cmpfloat (pc->h_pq[i], ==, pc->h_p[i]);   /* KL = 0 */
    }
  g_assert_cmpfloat (elab_binary_entropy (0.5 + 1e-12) * elab_unit_factor (ELAB_UNIT_BITS), <=, 1.0);
  for (double z = -1e-7; z <= 1e-7; z += 1.37e-10)
    g_assert_cmpfloat (elab_binary_entropy_logit (z), <=, ELAB_LN2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/core/Curves/no-allocation", test_no_allocation);
  g_test_add_func ("/elab/core/Curves/sampling", test_sampling);
  g_test_add_func ("/elab/core/Curves/means", test_means);
  g_test_add_func ("/elab/core/Curves/pair-point", test_pair_point);
  g_test_add_func ("/elab/core/Curves/tiny-span-monotone", test_tiny_span_monotone);
  g_test_add_func ("/elab/core/Curves/bounds", test_bounds);

  return g_test_run ();
}
