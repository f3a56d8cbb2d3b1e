/* test-axis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "elab-figure-private.h"

#include <float.h>
#include <string.h>

static void
check_ticks (double        min,
             double        max,
             guint         max_ticks,
             double        step,
             const double *expected,
             guint         n_expected)
{
  double ticks[ELAB_AXIS_MAX_TICKS], res_step;
  guint n = _elab_axis_nice_ticks (min, max, max_ticks, ticks, &res_step);

  g_assert_cmpuint (n, ==, n_expected);
  g_assert_cmpfloat_with_epsilon (res_step, step, step * 1e-12);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (ticks[i], expected[i], step * 1e-9);
}

static void
test_nice_ticks (void)
{
  check_ticks (0, 1, 6, 0.2, (double[]) { 0, 0.2, 0.4, 0.6, 0.8, 1.0 }, 6);
  check_ticks (-6, 6, 7, 2, (double[]) { -6, -4, -2, 0, 2, 4, 6 }, 7);
  check_ticks (-6, 6, 5, 5, (double[]) { -5, 0, 5 }, 3);
  check_ticks (0, 1.06, 6, 0.2, (double[]) { 0, 0.2, 0.4, 0.6, 0.8, 1.0 }, 6);
  check_ticks (0, 0.7347, 5, 0.2, (double[]) { 0, 0.2, 0.4, 0.6 }, 4);
  check_ticks (0.5, 3.5, 11, 0.5, (double[]) { 0.5, 1, 1.5, 2, 2.5, 3, 3.5 }, 7);
  check_ticks (-1e-3, 1e-3, 3, 1e-3, (double[]) { -1e-3, 0, 1e-3 }, 3);
  check_ticks (0, 8.6e6, 6, 2e6, (double[]) { 0, 2e6, 4e6, 6e6, 8e6 }, 5);
  check_ticks (1000, 1001, 3, 0.5, (double[]) { 1000, 1000.5, 1001 }, 3);
}

static void
test_ticks_always_nice (void)
{
  /* Over many ranges and budgets: the step is 1, 2 or 5 × 10^k, the
   * budget is kept, and every tick lies in the range. */
  for (int a = -40; a <= 40; a += 3)
    for (int w = 1; w < 400; w = w * 3 + 1)
      for (guint max_ticks = 2; max_ticks <= 11; max_ticks++)
        {
          double min = a * 0.37, max = min + w * 0.013;
          double ticks[ELAB_AXIS_MAX_TICKS], step, mant;
          guint n = _elab_axis_nice_ticks (min, max, max_ticks, ticks, &step);

          g_assert_cmpuint (n, <=, max_ticks);
          g_assert_cmpuint (n, >=, 1);
          mant = step / pow (10, floor (log10 (step) + 1e-9));
          g_assert_true (fabs (mant - 1) < 1e-9 || fabs (mant - 2) < 1e-9 || fabs (mant - 5) < 1e-9);
          for (guint i = 0; i < n; i++)
            {
              g_assert_cmpfloat (ticks[i], >=, min - step * 1e-9);
              g_assert_cmpfloat (ticks[i], <=, max + step * 1e-9);
              if (i > 0)
                g_assert_cmpfloat_with_epsilon (ticks[i] - ticks[i - 1], step, step * 1e-6);
            }
        }
}

static void
test_degenerate (void)
{
  double ticks[ELAB_AXIS_MAX_TICKS], step = 1;
  ElabAxis axis;

  g_assert_cmpuint (_elab_axis_nice_ticks (1, 1, 5, ticks, &step), ==, 0);
  g_assert_cmpuint (_elab_axis_nice_ticks (2, 1, 5, ticks, &step), ==, 0);
  g_assert_cmpuint (_elab_axis_nice_ticks (NAN, 1, 5, ticks, &step), ==, 0);
  g_assert_cmpuint (_elab_axis_nice_ticks (0, INFINITY, 5, ticks, &step), ==, 0);
  g_assert_cmpuint (_elab_axis_nice_ticks (-DBL_MAX, DBL_MAX, 5, ticks, &step), ==, 0);

  /* An axis given nonsense falls back to [0, 1] instead of dividing by 0. */
  _elab_axis_set (&axis, NAN, NAN, 10, 110, 6);
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 1);
  g_assert_cmpfloat_with_epsilon (_elab_axis_to_px (&axis, 0.5), 60, 1e-12);
  g_assert_cmpfloat_with_epsilon (_elab_axis_from_px (&axis, 60), 0.5, 1e-12);
}

static void
test_nice_max (void)
{
  g_assert_cmpfloat_with_epsilon (_elab_axis_nice_max (0, 1.04, 7), 1.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (_elab_axis_nice_max (0, 9.3, 7), 10, 1e-12);
  g_assert_cmpfloat_with_epsilon (_elab_axis_nice_max (0, 1.0, 6), 1.0, 1e-12);
}

static void
test_format (void)
{
  ElabAxis axis;
  char buf[64];

  _elab_axis_set (&axis, -6, 6, 0, 600, 7);
  _elab_axis_format (&axis, -4, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "\xe2\x88\x92" "4");
  _elab_axis_format (&axis, -1e-17, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "0");

  _elab_axis_set (&axis, 0, 1, 0, 600, 6);
  _elab_axis_format (&axis, axis.ticks[3], buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "0.6");
  _elab_axis_format (&axis, 0.30000000000000004, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "0.3");

  _elab_axis_set (&axis, 0, 0.01, 0, 600, 6);
  _elab_axis_format (&axis, 0.004, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "0.004");
}

static void
test_format_value (void)
{
  char buf[64];

  _elab_format_value (INFINITY, "bits", buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "\xe2\x88\x9e bits");
  _elab_format_value (-INFINITY, NULL, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "\xe2\x88\x92\xe2\x88\x9e");
  _elab_format_value (NAN, NULL, buf, sizeof buf);
  g_assert_null (strstr (buf, "nan"));
  _elab_format_value (0.73605, "nats", buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "0.736 nats");
  _elab_format_value (-12.5, NULL, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "\xe2\x88\x92" "12.50");
  _elab_format_value (1e300, NULL, buf, sizeof buf);
  g_assert_null (strstr (buf, "inf"));
  g_assert_cmpstr (buf, ==, "1.0\xc3\x97" "10\xc2\xb3\xe2\x81\xb0\xe2\x81\xb0");   /* 1.0×10³⁰⁰ */
  /* A loss on its way to 0 keeps its digits instead of reading 0.000. */
  _elab_format_value (7e-9, "bits", buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "7.0\xc3\x97" "10\xe2\x81\xbb\xe2\x81\xb9 bits");   /* 7.0×10⁻⁹ */
  _elab_format_value (9.96e-5, NULL, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "1.0\xc3\x97" "10\xe2\x81\xbb\xe2\x81\xb4");   /* 1.0×10⁻⁴ */
  _elab_format_value (0.0005, NULL, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "0.001");
  _elab_format_value (0.0, "bits", buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "0.000 bits");
  _elab_format_value (4.9406564584124654e-324, NULL, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "4.9\xc3\x97" "10\xe2\x81\xbb\xc2\xb3\xc2\xb2\xe2\x81\xb4");   /* 4.9×10⁻³²⁴ */
  _elab_format_value (-3e-7, NULL, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "\xe2\x88\x92" "3.0\xc3\x97" "10\xe2\x81\xbb\xe2\x81\xb7");
}

static void
test_format_affine (void)
{
  char buf[96];

  _elab_format_affine (1, 0, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "x");
  _elab_format_affine (2, -1, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "2x \xe2\x88\x92 1");
  _elab_format_affine (-1, 0.5, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "\xe2\x88\x92x + 0.5");
  _elab_format_affine (0, -2, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "\xe2\x88\x92" "2");
  _elab_format_affine (NAN, 1, buf, sizeof buf);
  g_assert_null (strstr (buf, "nan"));
}

static void
test_metrics_scale (void)
{
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  ElabMetrics big, small, window, present;

  _elab_metrics_compute (1920, 1080, &style, &big);
  _elab_metrics_compute (1024, 768, &style, &small);
  _elab_metrics_compute (900, 600, &style, &window);
  style.type_scale = 1.5;
  style.line_scale = 2.0;
  _elab_metrics_compute (900, 600, &style, &present);

  /* Type grows with the output, never below a window's readable minimum,
   * and presentation mode enlarges type and lines. */
  g_assert_cmpfloat (big.base_px, >, small.base_px);
  g_assert_cmpfloat (small.base_px, >=, window.base_px);
  g_assert_cmpfloat (window.base_px, >=, 13.0);
  g_assert_cmpfloat_with_epsilon (big.base_px, 1080 / 40.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (present.base_px, 1.5 * window.base_px, 1e-9);
  g_assert_cmpfloat_with_epsilon (present.line_w, 2.0 * window.line_w, 1e-9);
  g_assert_cmpfloat (big.line_w, >, window.line_w);
}

/* Log ticks: @expected are the tick values (not their logs). */
static void
check_log_ticks (double        vmin,
                 double        vmax,
                 guint         max_ticks,
                 const double *expected,
                 guint         n_expected,
                 guint         n_minor_expected)
{
  double ticks[ELAB_AXIS_MAX_TICKS], minor[ELAB_AXIS_MAX_MINOR];
  guint n_minor = 99;
  guint n = _elab_axis_log_ticks (log10 (vmin), log10 (vmax), max_ticks, ticks, minor, &n_minor);

  g_assert_cmpuint (n, ==, n_expected);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (pow (10, ticks[i]), expected[i], expected[i] * 1e-9);
  g_assert_cmpuint (n_minor, ==, n_minor_expected);
}

static void
test_log_ticks (void)
{
  /* Under a decade (GD on the Challenger data: 1 bit down to 0.637):
   * every 1…9 × 10^k, labelled. */
  check_log_ticks (0.625, 1.02, 7, (double[]) { 0.7, 0.8, 0.9, 1 }, 4, 0);
  /* A decade and a bit: 1, 2, 5 labelled, the other mantissas minor. */
  check_log_ticks (0.04, 1.1, 5, (double[]) { 0.05, 0.1, 0.2, 0.5, 1 }, 5, 11);
  /* Three decades: 1-3, then plain decades when the budget is small. */
  check_log_ticks (1e-3, 1, 7, (double[]) { 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1 }, 7, 21);
  check_log_ticks (1e-3, 1, 4, (double[]) { 1e-3, 1e-2, 0.1, 1 }, 4, 24);
  /* Newton on separable data, 1 → 7e-9: every second decade, the others
   * minor. */
  check_log_ticks (3e-9, 2, 7, (double[]) { 1e-8, 1e-6, 1e-4, 1e-2, 1 }, 5, 4);
  /* 300 decades: no 2…9 × 10^k, and not too many labels */
  {
    double ticks[ELAB_AXIS_MAX_TICKS], minor[ELAB_AXIS_MAX_MINOR];
    guint n_minor = 0;
    guint n = _elab_axis_log_ticks (-300, 0, 6, ticks, minor, &n_minor);

    g_assert_cmpuint (n, >=, 2);
    g_assert_cmpuint (n, <=, 6);
    g_assert_cmpuint (n_minor, ==, 0);   /* 240 would not fit: none, not some */
    for (guint i = 0; i < n; i++)
      g_assert_cmpfloat (ticks[i], ==, round (ticks[i]));
  }
  /* So narrow that not two of 1…9 × 10^k fit: linear nice ticks. */
  check_log_ticks (0.6371, 0.6402, 4, (double[]) { 0.638, 0.639, 0.640 }, 3, 0);
  /* Nonsense */
  {
    double ticks[ELAB_AXIS_MAX_TICKS], minor[ELAB_AXIS_MAX_MINOR];
    guint n_minor = 7;

    g_assert_cmpuint (_elab_axis_log_ticks (0, 0, 5, ticks, minor, &n_minor), ==, 0);
    g_assert_cmpuint (n_minor, ==, 0);
    g_assert_cmpuint (_elab_axis_log_ticks (NAN, 1, 5, ticks, minor, &n_minor), ==, 0);
    g_assert_cmpuint (_elab_axis_log_ticks (-INFINITY, 1, 5, ticks, minor, &n_minor), ==, 0);
  }
}

static void
test_log_ticks_always_valid (void)
{
  /* Over many ranges and budgets: at least two labels (one gives no
   * scale) and at most max_ticks, increasing, inside the range; minor
   * ticks inside the range and never on a label. */
  for (int a = -200; a <= 40; a += 7)
    for (int w = 1; w < 4000; w = w * 2 + 1)
      for (guint max_ticks = 2; max_ticks <= 11; max_ticks += 3)
        {
          double lmin = a * 0.13, lmax = lmin + w * 0.0137;
          double ticks[ELAB_AXIS_MAX_TICKS], minor[ELAB_AXIS_MAX_MINOR];
          guint n_minor = 0;
          guint n = _elab_axis_log_ticks (lmin, lmax, max_ticks, ticks, minor, &n_minor);

          g_assert_cmpuint (n, >=, 2);
          g_assert_cmpuint (n, <=, max_ticks);
          g_assert_cmpuint (n_minor, <=, ELAB_AXIS_MAX_MINOR);
          for (guint i = 0; i < n; i++)
            {
              g_assert_true (isfinite (ticks[i]));
              g_assert_cmpfloat (ticks[i], >=, lmin - 1e-6);
              g_assert_cmpfloat (ticks[i], <=, lmax + 1e-6);
              if (i > 0)
                g_assert_cmpfloat (ticks[i], >, ticks[i - 1]);
            }
          for (guint i = 0; i < n_minor; i++)
            {
              g_assert_cmpfloat (minor[i], >=, lmin - 1e-6);
              g_assert_cmpfloat (minor[i], <=, lmax + 1e-6);
              for (guint j = 0; j < n; j++)
                g_assert_cmpfloat (fabs (minor[i] - ticks[j]), >, 1e-6);
            }
        }
}

/* A flat loss in a short panel: once a single label. */
static void
test_log_ticks_narrow (void)
{
  double ticks[ELAB_AXIS_MAX_TICKS];

  g_assert_cmpuint (_elab_axis_log_ticks (log10 (1.535e-37), log10 (2.236e-37), 3, ticks, NULL, NULL), >=, 2);
  g_assert_cmpuint (_elab_axis_log_ticks (log10 (1.26e-37), log10 (3e-36), 2, ticks, NULL, NULL), >=, 2);
}

static void
test_log_axis (void)
{
  ElabAxis axis;
  char buf[64];

  _elab_axis_set_log (&axis, 1e-3, 10, 300, 0, 7);
  g_assert_true (axis.log);
  g_assert_cmpfloat_with_epsilon (axis.min, -3, 1e-12);
  g_assert_cmpfloat_with_epsilon (axis.max, 1, 1e-12);
  /* Values map through log10; 0, negatives, values below the axis and
   * −∞ land on the bottom, +∞ on the top, NaN stays NaN: never −∞. */
  g_assert_cmpfloat_with_epsilon (_elab_axis_to_px (&axis, _elab_axis_value (&axis, 0.01)), 225, 1e-9);
  g_assert_cmpfloat (_elab_axis_value (&axis, 0), ==, axis.min);
  g_assert_cmpfloat (_elab_axis_value (&axis, -3), ==, axis.min);
  g_assert_cmpfloat (_elab_axis_value (&axis, -INFINITY), ==, axis.min);
  g_assert_cmpfloat (_elab_axis_value (&axis, 1e-300), ==, axis.min);
  g_assert_cmpfloat (_elab_axis_value (&axis, 5e-324), ==, axis.min);
  g_assert_cmpfloat (_elab_axis_value (&axis, INFINITY), ==, axis.max);
  g_assert_true (isnan (_elab_axis_value (&axis, NAN)));
  g_assert_cmpfloat (_elab_axis_to_px (&axis, _elab_axis_value (&axis, 0)), ==, 300);

  /* Labels: decimals from 0.001 up ... */
  g_assert_false (axis.powers);
  _elab_axis_format (&axis, -2, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "0.01");
  _elab_axis_format (&axis, log10 (0.3), buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "0.3");
  _elab_axis_format (&axis, 0, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "1");
  _elab_axis_format (&axis, 3, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "1000");
  _elab_axis_format (&axis, log10 (0.637), buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "0.637");
  _elab_axis_format (&axis, 1 - 1e-13, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "10");

  /* ... and powers of ten for every label once one is beyond them. */
  _elab_axis_set_log (&axis, 1e-9, 2, 300, 0, 7);
  g_assert_true (axis.powers);
  _elab_axis_format (&axis, -6, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "10\xe2\x81\xbb\xe2\x81\xb6");                /* 10⁻⁶ */
  _elab_axis_format (&axis, log10 (2e-7), buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "2\xc3\x97" "10\xe2\x81\xbb\xe2\x81\xb7");   /* 2×10⁻⁷ */
  _elab_axis_format (&axis, 0, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "10\xe2\x81\xb0");                            /* 10⁰ */
  _elab_axis_format (&axis, -12, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, "10\xe2\x81\xbb\xc2\xb9\xc2\xb2");             /* 10⁻¹² */

  /* Nonsense ranges fall back to something drawable. */
  _elab_axis_set_log (&axis, 0, 1, 300, 0, 7);
  g_assert_cmpfloat_with_epsilon (axis.min, -1, 1e-12);
  g_assert_cmpfloat_with_epsilon (axis.max, 0, 1e-12);
  _elab_axis_set_log (&axis, NAN, -1, 300, 0, 7);
  g_assert_true (axis.max > axis.min);
  _elab_axis_set_log (&axis, 0.5, 0.5, 300, 0, 7);
  g_assert_cmpfloat_with_epsilon (axis.max - axis.min, 1, 1e-12);
  g_assert_cmpuint (axis.n_ticks, >=, 2);

  /* A linear axis set after a log one is linear again. */
  _elab_axis_set (&axis, 0, 1, 300, 0, 6);
  g_assert_false (axis.log);
  g_assert_cmpuint (axis.n_minor, ==, 0);
  g_assert_cmpfloat (_elab_axis_value (&axis, -3), ==, -3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/plot/Axis/nice-ticks", test_nice_ticks);
  g_test_add_func ("/elab/plot/Axis/always-nice", test_ticks_always_nice);
  g_test_add_func ("/elab/plot/Axis/degenerate", test_degenerate);
  g_test_add_func ("/elab/plot/Axis/nice-max", test_nice_max);
  g_test_add_func ("/elab/plot/Axis/format", test_format);
  g_test_add_func ("/elab/plot/Axis/format-value", test_format_value);
  g_test_add_func ("/elab/plot/Axis/metrics", test_metrics_scale);
  g_test_add_func ("/elab/plot/Axis/format-affine", test_format_affine);
  g_test_add_func ("/elab/plot/Axis/log-ticks", test_log_ticks);
  g_test_add_func ("/elab/plot/Axis/log-ticks-always-valid", test_log_ticks_always_valid);
  g_test_add_func ("/elab/plot/Axis/log-ticks-narrow", test_log_ticks_narrow);
  g_test_add_func ("/elab/plot/Axis/log-axis", test_log_axis);

  return g_test_run ();
}
