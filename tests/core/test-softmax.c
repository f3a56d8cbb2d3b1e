/* test-softmax.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "elab-entropy.h"
#include "elab-softmax.h"

static double
sum (const double *v,
     gsize         k)
{
  double s = 0.0;

  for (gsize i = 0; i < k; i++)
    s += v[i];
  return s;
}

static void
test_sums_to_one (void)
{
  const double logits[] = { 2, 1, 0.1, -3, 700, -700, 1e6, -1e6 };
  const double temps[] = { 1e-6, 0.1, 1, 7, 1e6 };
  double probs[ELAB_SOFTMAX_MAX_K];

  for (gsize k = 2; k <= ELAB_SOFTMAX_MAX_K; k++)
    for (guint t = 0; t < G_N_ELEMENTS (temps); t++)
      {
        elab_softmax (logits, k, temps[t], probs);
        g_assert_cmpfloat_with_epsilon (sum (probs, k), 1.0, 1e-15);
        for (gsize i = 0; i < k; i++)
          {
            g_assert_false (isnan (probs[i]));
            g_assert_cmpfloat (probs[i], >=, 0.0);
          }
      }

  /* the classic example: softmax(2, 1, 0.1) */
  elab_softmax (logits, 3, 1.0, probs);
  g_assert_cmpfloat_with_epsilon (probs[0], 0.6590011388859679, 1e-15);
  g_assert_cmpfloat_with_epsilon (probs[1], 0.2424329707047139, 1e-15);
  g_assert_cmpfloat_with_epsilon (probs[2], 0.09856589040931818, 1e-15);
}

static void
test_temperature_limits (void)
{
  const double logits[] = { 0.3, 2.0, -1.0, 1.9 };
  double probs[4];

  /* T → 0: one-hot on the largest logit */
  elab_softmax (logits, 4, 1e-4, probs);
  g_assert_cmpfloat (probs[1], ==, 1.0);
  g_assert_cmpfloat (probs[0] + probs[2], ==, 0.0);
  g_assert_cmpfloat (probs[3], <, 1e-300);
  g_assert_cmpfloat (elab_softmax_entropy (logits, 4, 1e-4), <, 1e-300);
  g_assert_cmpfloat (elab_softmax_entropy (logits, 4, 1e-300), ==, 0.0);

  /* T → ∞: uniform, entropy → log K */
  elab_softmax (logits, 4, 1e12, probs);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat_with_epsilon (probs[i], 0.25, 1e-11);
  g_assert_cmpfloat_with_epsilon (elab_softmax_entropy (logits, 4, 1e12), log (4.0), 1e-12);

  /* entropy grows with T */
  {
    double prev = 0.0;

    for (double t = 0.05; t < 100; t *= 1.7)
      {
        double h = elab_softmax_entropy (logits, 4, t);
        g_assert_cmpfloat (h, >, prev);
        g_assert_cmpfloat (h, <=, log (4.0));
        prev = h;
      }
  }

  /* ties share the mass as T → 0 */
  {
    const double tied[] = { 5, 1, 5 };

    elab_softmax (tied, 3, 1e-9, probs);
    g_assert_cmpfloat (probs[0], ==, 0.5);
    g_assert_cmpfloat (probs[2], ==, 0.5);
    g_assert_cmpfloat_with_epsilon (elab_softmax_entropy (tied, 3, 1e-9), log (2.0), 1e-15);
  }
}

/* K = 2 is the logistic case: softmax(z1, z2)₁ = σ((z1 − z2)/T). */
static void
test_two_is_sigmoid (void)
{
  double probs[2];

  for (double z = -40; z <= 40; z += 1.3)
    for (double t = 0.5; t <= 2; t *= 2)
      {
        const double logits[] = { z, 0.7 };
        double zz = (z - 0.7) / t;

        elab_softmax (logits, 2, t, probs);
        g_assert_cmpfloat_with_epsilon (probs[0] / elab_sigmoid (zz), 1.0, 1e-14);
        g_assert_cmpfloat_with_epsilon (probs[1] / elab_sigmoid (-zz), 1.0, 1e-14);
        g_assert_cmpfloat_with_epsilon (elab_softmax_entropy (logits, 2, t),
                                        elab_binary_entropy_logit (zz),
                                        1e-14 * elab_binary_entropy_logit (zz) + 1e-300);
      }
}

static void
test_cross_entropy (void)
{
  /* the four-symbol code: softmax p = (½, ¼, ⅛, ⅛), target q = (⅛, ½, ⅛, ¼) */
  const double logits[] = { log (0.5), log (0.25), log (0.125), log (0.125) };
  const double target[] = { 0.125, 0.5, 0.125, 0.25 };
  const double one_hot[] = { 0, 0, 1, 0 };
  double bits = elab_unit_factor (ELAB_UNIT_BITS);

  g_assert_cmpfloat_with_epsilon (elab_softmax_entropy (logits, 4, 1) * bits, 1.75, 1e-14);
  g_assert_cmpfloat_with_epsilon (elab_softmax_cross_entropy (target, logits, 4, 1) * bits,
                                  2.25, 1e-14);
  g_assert_cmpfloat_with_epsilon (elab_softmax_kl (target, logits, 4, 1) * bits, 0.5, 1e-14);
  g_assert_cmpfloat_with_epsilon (elab_softmax_cross_entropy (one_hot, logits, 4, 1) * bits,
                                  3.0, 1e-14);

  /* a probability that underflows keeps its finite log: the cross-entropy
   * is the exact 2e6 nats, not ∞ */
  {
    const double far[] = { 0, 2000 };
    const double first[] = { 1, 0 };
    const double second[] = { 0, 1 };

    g_assert_cmpfloat_with_epsilon (elab_softmax_cross_entropy (first, far, 2, 1e-3), 2e6, 1e-9);
    g_assert_cmpfloat (elab_softmax_cross_entropy (second, far, 2, 1e-3), ==, 0.0);
    /* only a log-probability that is itself −∞ gives +∞, never NaN */
    g_assert_cmpfloat (elab_softmax_cross_entropy (first, far, 2, 1e-306), ==, INFINITY);
    g_assert_cmpfloat (elab_softmax_kl (first, far, 2, 1e-306), ==, INFINITY);
    g_assert_cmpfloat (elab_softmax_kl (second, far, 2, 1e-306), ==, 0.0);
  }

  /* KL to itself is exactly representable as 0 and never negative */
  {
    const double z[] = { 1, 2, 3 };
    double p[3];

    elab_softmax (z, 3, 1, p);
    g_assert_cmpfloat (elab_softmax_kl (p, z, 3, 1), >=, 0.0);
    g_assert_cmpfloat (elab_softmax_kl (p, z, 3, 1), <, 1e-15);
  }
}

/* The entropy is never shown above its maximum, and the maximum is log K
 * computed in the unit: exactly 3 bits for eight equal logits. */
static void
test_max_entropy (void)
{
  double logits[ELAB_SOFTMAX_MAX_K];

  g_assert_cmpfloat (elab_softmax_max_entropy (8, ELAB_UNIT_BITS), ==, 3.0);
  g_assert_cmpfloat (elab_softmax_max_entropy (4, ELAB_UNIT_BITS), ==, 2.0);
  g_assert_cmpfloat (elab_softmax_max_entropy (3, ELAB_UNIT_NATS), ==, log (3.0));
  for (gsize k = 1; k <= ELAB_SOFTMAX_MAX_K; k++)
    for (double v = -5; v <= 5; v += 0.37)
      {
        for (gsize i = 0; i < k; i++)
          logits[i] = v;
        for (ElabUnit u = ELAB_UNIT_BITS; u <= ELAB_UNIT_NATS; u++)
          g_assert_cmpfloat (elab_softmax_entropy_in_unit (logits, k, 1.0, u), <=,
                             elab_softmax_max_entropy (k, u));
        g_assert_cmpfloat (elab_softmax_entropy (logits, k, 0.7), <=, log ((double) k));
      }
  for (gsize i = 0; i < 8; i++)
    logits[i] = 0.25;
  g_assert_cmpfloat_with_epsilon (elab_softmax_entropy_in_unit (logits, 8, 1.0, ELAB_UNIT_BITS), 3.0, 5e-16);
}

/* KL near a match keeps relative precision: for P = softmax(z) and a
 * target t = P·(1 + εᵢ) the KL is Σ tᵢ·log(1 + εᵢ) ≈ Σ Pᵢεᵢ²/2, which
 * summing tᵢ·(log tᵢ − log Pᵢ) loses to rounding (5e-17 absolute). */
static void
test_kl_near_match (void)
{
  const double logits[] = { 2, 1, 0.1 };
  double p[3], t[3];
  const double eps[] = { 1e-3, 1e-5 };

  elab_softmax (logits, 3, 1.0, p);
  for (guint k = 0; k < G_N_ELEMENTS (eps); k++)
    {
      double e = eps[k], approx;

      /* t = P + e·(P₁, −P₀, 0)/… keeps Σ t = 1 up to rounding */
      t[0] = p[0] * (1 + e);
      t[1] = p[1] - p[0] * e;
      t[2] = 1.0 - t[0] - t[1];
      /* second-order estimate: Σ (tᵢ − Pᵢ)² / (2Pᵢ) */
      approx = 0.0;
      for (guint i = 0; i < 3; i++)
        approx += (t[i] - p[i]) * (t[i] - p[i]) / (2 * p[i]);
      g_assert_cmpfloat (fabs (elab_softmax_kl (t, logits, 3, 1.0) - approx), <=, 10 * e * approx);
      g_assert_cmpfloat (elab_softmax_kl (t, logits, 3, 1.0), >, 0.0);
    }
  g_assert_cmpfloat (elab_softmax_kl (p, logits, 3, 1.0), <=, 1e-30);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/core/Softmax/sums-to-one", test_sums_to_one);
  g_test_add_func ("/elab/core/Softmax/temperature-limits", test_temperature_limits);
  g_test_add_func ("/elab/core/Softmax/two-is-sigmoid", test_two_is_sigmoid);
  g_test_add_func ("/elab/core/Softmax/cross-entropy", test_cross_entropy);
  g_test_add_func ("/elab/core/Softmax/max-entropy", test_max_entropy);
  g_test_add_func ("/elab/core/Softmax/kl-near-match", test_kl_near_match);

  return g_test_run ();
}
