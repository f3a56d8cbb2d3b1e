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
  g_assert_nonnull (strstr (buf, "10^300"));
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

  return g_test_run ();
}
