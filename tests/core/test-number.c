/* test-number.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one number formatter: each style's digits, the switch to ×10ⁿ at
 * both ends, the minus sign, and what is never printed ("nan", "inf",
 * "−0", "e+04").
 */
#include <math.h>
#include <string.h>

#include "elab-number.h"

static void
check (double          value,
       ElabNumberStyle style,
       const char     *expected)
{
  char buf[ELAB_NUMBER_BUF_SIZE];
  g_autofree char *dup = NULL;

  elab_number_format (value, style, buf, sizeof buf);
  g_assert_cmpstr (buf, ==, expected);
  dup = elab_number_dup (value, style);
  g_assert_cmpstr (dup, ==, expected);
}

static void
test_value (void)
{
  check (0, ELAB_NUMBER_VALUE, "0.000");
  check (-0.0, ELAB_NUMBER_VALUE, "0.000");
  check (0.6931471805599453, ELAB_NUMBER_VALUE, "0.693");
  check (-0.6931471805599453, ELAB_NUMBER_VALUE, "\xe2\x88\x92" "0.693");
  check (1, ELAB_NUMBER_VALUE, "1.000");
  check (5e-4, ELAB_NUMBER_VALUE, "0.001");
  check (4.9e-4, ELAB_NUMBER_VALUE, "4.9\xc3\x97" "10\xe2\x81\xbb\xe2\x81\xb4");
  check (-2.5e-7, ELAB_NUMBER_VALUE, "\xe2\x88\x92" "2.5\xc3\x97" "10\xe2\x81\xbb\xe2\x81\xb7");
  check (43.07, ELAB_NUMBER_VALUE, "43.07");
  check (637.25, ELAB_NUMBER_VALUE, "637.2");
  check (15040.4, ELAB_NUMBER_VALUE, "15040");
  check (2e6, ELAB_NUMBER_VALUE, "2.0\xc3\x97" "10\xe2\x81\xb6");
  /* A mantissa that rounds to 10 moves to the next power. */
  check (9.96e-5, ELAB_NUMBER_VALUE, "1.0\xc3\x97" "10\xe2\x81\xbb\xe2\x81\xb4");
  /* The smallest subnormal still has an exponent. */
  check (5e-324, ELAB_NUMBER_VALUE, "4.9\xc3\x97" "10\xe2\x81\xbb\xc2\xb3\xc2\xb2\xe2\x81\xb4");
}

static void
test_short_and_precise (void)
{
  check (0.5, ELAB_NUMBER_SHORT, "0.50");
  check (-1.005, ELAB_NUMBER_SHORT, "\xe2\x88\x92" "1.00");
  check (0.004, ELAB_NUMBER_SHORT, "4\xc3\x97" "10\xe2\x81\xbb\xc2\xb3");
  check (9.6e-14, ELAB_NUMBER_SHORT, "1\xc3\x97" "10\xe2\x81\xbb\xc2\xb9\xc2\xb3");
  check (12.345, ELAB_NUMBER_SHORT, "12.3");
  check (0.5, ELAB_NUMBER_PRECISE, "0.500000");
  check (0.7310585786300049, ELAB_NUMBER_PRECISE, "0.731059");
}

static void
test_parameter (void)
{
  check (1, ELAB_NUMBER_PARAMETER, "1");
  check (0, ELAB_NUMBER_PARAMETER, "0");
  check (-0.0, ELAB_NUMBER_PARAMETER, "0");
  check (0.5, ELAB_NUMBER_PARAMETER, "0.5");
  check (-2.25, ELAB_NUMBER_PARAMETER, "\xe2\x88\x92" "2.25");
  check (-6, ELAB_NUMBER_PARAMETER, "\xe2\x88\x92" "6");
  check (1.23456, ELAB_NUMBER_PARAMETER, "1.235");
  check (0.001, ELAB_NUMBER_PARAMETER, "0.001");
  check (9999, ELAB_NUMBER_PARAMETER, "9999");
  check (9999.7, ELAB_NUMBER_PARAMETER, "1.0\xc3\x97" "10\xe2\x81\xb4");
  check (1e-5, ELAB_NUMBER_PARAMETER, "1.0\xc3\x97" "10\xe2\x81\xbb\xe2\x81\xb5");
}

static void
test_never (void)
{
  static const double values[] = { NAN, INFINITY, -INFINITY, 0, -0.0, 1e-300, -1e300, 9999.5, 0.99999 };

  check (NAN, ELAB_NUMBER_VALUE, "\xe2\x80\x94");
  check (INFINITY, ELAB_NUMBER_PARAMETER, "\xe2\x88\x9e");
  check (-INFINITY, ELAB_NUMBER_SHORT, "\xe2\x88\x92\xe2\x88\x9e");

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    for (ElabNumberStyle style = ELAB_NUMBER_VALUE; style <= ELAB_NUMBER_PARAMETER; style++)
      {
        char buf[ELAB_NUMBER_BUF_SIZE];

        elab_number_format (values[i], style, buf, sizeof buf);
        g_assert_null (strstr (buf, "nan"));
        g_assert_null (strstr (buf, "inf"));
        g_assert_null (strstr (buf, "e+"));
        g_assert_null (strstr (buf, "e-"));
        g_assert_null (strchr (buf, '-'));
        g_assert_false (g_str_has_prefix (buf, "\xe2\x88\x92" "0") && strspn (buf + 3, "0.") == strlen (buf + 3));
      }

  /* A short buffer is cut, never overrun. */
  {
    char small[4] = "xxx";

    elab_number_format (123.456, ELAB_NUMBER_VALUE, small, 3);
    g_assert_cmpstr (small, ==, "12");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/core/Number/value", test_value);
  g_test_add_func ("/elab/core/Number/short-and-precise", test_short_and_precise);
  g_test_add_func ("/elab/core/Number/parameter", test_parameter);
  g_test_add_func ("/elab/core/Number/never", test_never);

  return g_test_run ();
}
