/* test-entropy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "elab-entropy.h"
#include "elab-logistic.h"

#define BITS(nats) ((nats) / ELAB_LN2)

static void
test_units (void)
{
  ElabUnit unit;

  g_assert_cmpfloat_with_epsilon (elab_unit_factor (ELAB_UNIT_BITS), 1.0 / log (2.0), 1e-16);
  g_assert_cmpfloat (elab_unit_factor (ELAB_UNIT_NATS), ==, 1.0);
  g_assert_cmpstr (elab_unit_to_string (ELAB_UNIT_BITS), ==, "bits");
  g_assert_cmpstr (elab_unit_to_string (ELAB_UNIT_NATS), ==, "nats");
  g_assert_true (elab_unit_from_string ("nats", &unit));
  g_assert_cmpint (unit, ==, ELAB_UNIT_NATS);
  g_assert_true (elab_unit_from_string ("bits", &unit));
  g_assert_cmpint (unit, ==, ELAB_UNIT_BITS);
  g_assert_false (elab_unit_from_string ("Bits", &unit));
  g_assert_false (elab_unit_from_string ("", &unit));
  g_assert_false (elab_unit_from_string (NULL, &unit));
}

static void
test_softplus_sigmoid (void)
{
  g_assert_cmpfloat_with_epsilon (elab_softplus (0.0), log (2.0), 1e-16);
  /* the tail: softplus(z) ≈ e^z for very negative z, not 0 */
  g_assert_cmpfloat_with_epsilon (elab_softplus (-700.0) / exp (-700.0), 1.0, 1e-15);
  g_assert_cmpfloat (elab_softplus (1e300), ==, 1e300);
  g_assert_cmpfloat (elab_softplus (-1e300), ==, 0.0);
  g_assert_cmpfloat (elab_softplus (INFINITY), ==, INFINITY);
  g_assert_cmpfloat (elab_softplus (-INFINITY), ==, 0.0);

  g_assert_cmpfloat (elab_sigmoid (0.0), ==, 0.5);
  g_assert_cmpfloat (elab_sigmoid (1e300), ==, 1.0);
  g_assert_cmpfloat (elab_sigmoid (-1e300), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (elab_sigmoid (-700.0) / exp (-700.0), 1.0, 1e-15);
  /* σ(z) + σ(−z) = 1 */
  for (double z = -40; z <= 40; z += 0.37)
    g_assert_cmpfloat_with_epsilon (elab_sigmoid (z) + elab_sigmoid (-z), 1.0, 4.5e-16);

  g_assert_cmpfloat_with_epsilon (elab_log_sigmoid (0.0), -log (2.0), 1e-16);
  /* log σ(−800) = −800 (σ itself underflows) */
  g_assert_cmpfloat_with_epsilon (elab_log_sigmoid (-800.0), -800.0, 1e-12);
}

static void
test_half_is_one_bit (void)
{
  g_assert_cmpfloat_with_epsilon (BITS (elab_binary_entropy (0.5)), 1.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (BITS (elab_binary_entropy_logit (0.0)), 1.0, 1e-15);
  g_assert_cmpfloat (elab_binary_entropy (0.0), ==, 0.0);
  g_assert_cmpfloat (elab_binary_entropy (1.0), ==, 0.0);
  g_assert_true (isnan (elab_binary_entropy (1.5)));
  g_assert_true (isnan (elab_binary_entropy (-0.1)));
  /* H(0.1) = 0.4689955935892812 bits */
  g_assert_cmpfloat_with_epsilon (BITS (elab_binary_entropy (0.1)), 0.4689955935892812, 1e-15);
  g_assert_cmpfloat_with_epsilon (BITS (elab_binary_entropy_logit (-log (9.0))),
                                  0.4689955935892812, 1e-15);
  /* symmetric, maximal at p = ½ */
  for (double z = 0.25; z < 30; z *= 1.5)
    {
      g_assert_cmpfloat_with_epsilon (elab_binary_entropy_logit (z),
                                      elab_binary_entropy_logit (-z), 1e-15);
      g_assert_cmpfloat (elab_binary_entropy_logit (z), <, log (2.0));
      g_assert_cmpfloat (elab_binary_entropy_logit (z), <,
                         elab_binary_entropy_logit (z / 1.5));
    }
}

static void
test_kl_self_is_zero (void)
{
  const double zs[] = { -550, -50, -1, -1e-3, 0, 1e-3, 1, 50, 550 };

  for (guint i = 0; i < G_N_ELEMENTS (zs); i++)
    {
      g_assert_cmpfloat (elab_binary_kl_logits (zs[i], zs[i]), ==, 0.0);
      g_assert_cmpfloat_with_epsilon (elab_binary_cross_entropy_logits (zs[i], zs[i]),
                                      elab_binary_entropy_logit (zs[i]), 1e-15);
    }
}

/* H(p, q) = H(p) + KL(p‖q), KL ≥ 0, and the order matters. */
static void
test_gibbs (void)
{
  const double zs[] = { -30, -5, -1, -0.1, 0, 0.02, 0.7, 3, 12, 30 };

  for (guint i = 0; i < G_N_ELEMENTS (zs); i++)
    for (guint j = 0; j < G_N_ELEMENTS (zs); j++)
      {
        double h = elab_binary_entropy_logit (zs[i]);
        double ce = elab_binary_cross_entropy_logits (zs[i], zs[j]);
        double kl = elab_binary_kl_logits (zs[i], zs[j]);

        g_assert_cmpfloat (kl, >=, 0.0);
        if (i != j)
          g_assert_cmpfloat (kl, >, 0.0);
        g_assert_cmpfloat_with_epsilon (ce, h + kl, 1e-13 * MAX (1.0, ce));
      }

  /* Bernoulli asymmetry p = 0.5, q = 0.1 (the lesson's numbers, bits) */
  {
    double zq = -log (9.0);

    g_assert_cmpfloat_with_epsilon (BITS (elab_binary_cross_entropy_logits (0, zq)),
                                    1.7369655941662063, 1e-14);
    g_assert_cmpfloat_with_epsilon (BITS (elab_binary_cross_entropy_logits (zq, 0)), 1.0, 1e-15);
    g_assert_cmpfloat_with_epsilon (BITS (elab_binary_kl_logits (0, zq)),
                                    0.7369655941662062, 1e-14);
    g_assert_cmpfloat_with_epsilon (BITS (elab_binary_kl_logits (zq, 0)),
                                    0.5310044064107188, 1e-14);
  }
}

/* Where the series and the direct formula meet, KL is continuous and
 * matches the ½·σ′·d² leading term. */
static void
test_kl_small_difference (void)
{
  for (double z = -20; z <= 20; z += 2.5)
    {
      double s = elab_sigmoid (z) * elab_sigmoid (-z);
      double below = elab_binary_kl_logits (z, z + 1.0 / 64.0 * (1 - 1e-15));
      double above = elab_binary_kl_logits (z, z + 1.0 / 64.0 * (1 + 1e-15));

      g_assert_cmpfloat_with_epsilon (below / above, 1.0, 1e-12);
      g_assert_cmpfloat_with_epsilon (elab_binary_kl_logits (z, z + 1e-6) / (0.5 * s * 1e-12),
                                      1.0, 1e-6);
      g_assert_cmpfloat (elab_binary_kl_logits (z, z + 1e-6), >, 0.0);
    }
}

static void
test_no_nan (void)
{
  const double zs[] = { -1e300, -1e200, -1e16, -800, -710, -37, -1e-300, 0,
                        1e-300, 37, 710, 800, 1e16, 1e200, 1e300 };

  for (guint i = 0; i < G_N_ELEMENTS (zs); i++)
    {
      double h = elab_binary_entropy_logit (zs[i]);

      g_assert_true (isfinite (h) && h >= 0.0);
      g_assert_true (isfinite (elab_softplus (zs[i])));
      g_assert_true (isfinite (elab_sigmoid (zs[i])));
      g_assert_true (isfinite (elab_tanh_output (zs[i])));
      for (guint j = 0; j < G_N_ELEMENTS (zs); j++)
        {
          double ce = elab_binary_cross_entropy_logits (zs[i], zs[j]);
          double kl = elab_binary_kl_logits (zs[i], zs[j]);

          g_assert_false (isnan (ce));
          g_assert_false (isnan (kl));
          g_assert_cmpfloat (ce, >=, 0.0);
          g_assert_cmpfloat (kl, >=, 0.0);
          /* finite logits give finite values (up to overflow of |z| itself) */
          g_assert_true (isfinite (ce));
          g_assert_true (isfinite (kl));
        }
    }

  /* infinite logits: ∞ where the math is infinite, never NaN */
  g_assert_cmpfloat (elab_binary_entropy_logit (INFINITY), ==, 0.0);
  g_assert_cmpfloat (elab_binary_entropy_logit (-INFINITY), ==, 0.0);
  g_assert_cmpfloat (elab_binary_cross_entropy_logits (0, INFINITY), ==, INFINITY);
  g_assert_cmpfloat (elab_binary_cross_entropy_logits (INFINITY, INFINITY), ==, 0.0);
  g_assert_cmpfloat (elab_binary_kl_logits (0, -INFINITY), ==, INFINITY);
  g_assert_cmpfloat (elab_binary_kl_logits (INFINITY, INFINITY), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (elab_binary_kl_logits (INFINITY, 0), log (2.0), 1e-15);
  /* an exact 0 or 1 against a model far in the same tail: KL is that
   * model's tail mass, not NaN; the other way it is infinite */
  for (double z = 601; z < 760; z += 7.5)
    {
      g_assert_true (isfinite (elab_binary_kl_logits (-INFINITY, -z)));
      g_assert_true (isfinite (elab_binary_kl_logits (INFINITY, z)));
      g_assert_cmpfloat (elab_binary_kl_logits (-z, -INFINITY), ==, INFINITY);
      g_assert_cmpfloat (elab_binary_kl_logits (z, INFINITY), ==, INFINITY);
    }
}

static void
test_categorical (void)
{
  const double p[] = { 0.5, 0.25, 0.125, 0.125 };
  const double q[] = { 0.125, 0.5, 0.125, 0.25 };
  const double one_hot[] = { 1, 0, 0, 0 };
  const double zero_first[] = { 0, 0.5, 0.25, 0.25 };

  g_assert_cmpfloat_with_epsilon (BITS (elab_entropy (p, 4)), 1.75, 1e-15);
  g_assert_cmpfloat_with_epsilon (BITS (elab_entropy (q, 4)), 1.75, 1e-15);
  g_assert_cmpfloat_with_epsilon (BITS (elab_cross_entropy (p, q, 4)), 2.375, 1e-15);
  g_assert_cmpfloat_with_epsilon (BITS (elab_cross_entropy (q, p, 4)), 2.25, 1e-15);
  g_assert_cmpfloat_with_epsilon (BITS (elab_kl (p, q, 4)), 0.625, 1e-15);
  g_assert_cmpfloat_with_epsilon (BITS (elab_kl (q, p, 4)), 0.5, 1e-15);
  g_assert_cmpfloat (elab_kl (p, p, 4), ==, 0.0);

  /* 0·log 0 = 0 */
  g_assert_cmpfloat (elab_entropy (one_hot, 4), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (BITS (elab_cross_entropy (one_hot, p, 4)), 1.0, 1e-15);
  /* a zero model probability where the truth has mass: +∞, not NaN */
  g_assert_cmpfloat (elab_cross_entropy (one_hot, zero_first, 4), ==, INFINITY);
  g_assert_cmpfloat (elab_kl (one_hot, zero_first, 4), ==, INFINITY);
  /* ... and where it has none: finite */
  g_assert_cmpfloat_with_epsilon (BITS (elab_cross_entropy (zero_first, zero_first, 4)), 1.5, 1e-15);
  g_assert_true (isfinite (elab_kl (zero_first, p, 4)));

  /* a subnormal model probability: the ratio overflows, the KL does not */
  {
    const double truth[] = { 1.0 - 1e-300, 1e-300 };
    const double model[] = { 1e-310, 1.0 - 1e-310 };
    double kl = elab_kl (truth, model, 2);

    g_assert_cmpfloat_with_epsilon (kl, -log (1e-310), 1e-9);
    g_assert_cmpfloat_with_epsilon (elab_kl (model, truth, 2), -log (1e-300), 1e-9);
  }
}

static void
test_tanh_output (void)
{
  for (double z = -5; z <= 5; z += 0.25)
    g_assert_cmpfloat_with_epsilon (elab_tanh_output (z), (tanh (z) + 1) / 2, 2e-16);
  g_assert_cmpfloat (elab_tanh_output (0), ==, 0.5);
  g_assert_cmpfloat (elab_tanh_output_logit (1.5), ==, 3.0);
  /* the left tail survives: (tanh(−30)+1)/2 would round to 0 */
  g_assert_cmpfloat_with_epsilon (elab_tanh_output (-30) / exp (-60), 1.0, 1e-14);
}

static void
test_logistic (void)
{
  ElabLogistic m = ELAB_LOGISTIC_INIT (2.0, -1.0);

  g_assert_cmpfloat (elab_logistic_logit (&m, 3.0), ==, 5.0);
  g_assert_cmpfloat (elab_logistic_prob (&m, 0.5), ==, 0.5);
  g_assert_cmpfloat_with_epsilon (elab_logistic_prob (&m, 1.0), 1 / (1 + exp (-1.0)), 1e-16);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/core/Entropy/units", test_units);
  g_test_add_func ("/elab/core/Entropy/softplus-sigmoid", test_softplus_sigmoid);
  g_test_add_func ("/elab/core/Entropy/half-is-one-bit", test_half_is_one_bit);
  g_test_add_func ("/elab/core/Entropy/kl-self-is-zero", test_kl_self_is_zero);
  g_test_add_func ("/elab/core/Entropy/gibbs", test_gibbs);
  g_test_add_func ("/elab/core/Entropy/kl-small-difference", test_kl_small_difference);
  g_test_add_func ("/elab/core/Entropy/no-nan", test_no_nan);
  g_test_add_func ("/elab/core/Entropy/categorical", test_categorical);
  g_test_add_func ("/elab/core/Logistic/tanh-output", test_tanh_output);
  g_test_add_func ("/elab/core/Logistic/logit", test_logistic);

  return g_test_run ();
}
