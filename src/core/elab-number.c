/* elab-number.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place numbers become text for people: the side panels, the
 * figures' legends and read-outs and the worked formula all call it, so
 * one value never reads two ways on one screen.
 */
#include "elab-number.h"

#include <math.h>

#define MINUS "\xe2\x88\x92"

void
elab_number_append_superscript (GString *s,
                                int      e)
{
  static const char *const digits[] = {
    "\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3", "\xe2\x81\xb4",
    "\xe2\x81\xb5", "\xe2\x81\xb6", "\xe2\x81\xb7", "\xe2\x81\xb8", "\xe2\x81\xb9",
  };
  char num[16];

  g_return_if_fail (s != NULL);

  if (e < 0)
    g_string_append (s, "\xe2\x81\xbb");
  g_snprintf (num, sizeof num, "%d", ABS (e));
  for (const char *c = num; *c; c++)
    g_string_append (s, digits[*c - '0']);
}

/* "2.5×10⁻⁷": one decimal of mantissa (@decimals) is enough for a value
 * that is shown this way because it is tiny or huge. */
static void
format_power (const char *minus,
              double      mag,
              int         decimals,
              char       *buf,
              gsize       len)
{
  g_autoptr(GString) s = g_string_new (minus);
  int e = (int) floor (log10 (mag));
  /* 10^e itself underflows for the smallest subnormals. */
  double m = e < -300 ? mag * 1e300 / pow (10, e + 300) : mag / pow (10, e);
  double scale = pow (10, decimals);

  if (round (m * scale) >= 10 * scale)
    {
      m /= 10;
      e++;
    }
  g_string_append_printf (s, "%.*f\xc3\x97" "10", decimals, m);
  elab_number_append_superscript (s, e);
  g_strlcpy (buf, s->str, len);
}

/* Fixed decimals: @decimals below 10, one fewer per decade, none from
 * 1000; ×10ⁿ where the last decimal could not show the value. */
static void
format_fixed (const char *minus,
              double      mag,
              int         decimals,
              char       *buf,
              gsize       len)
{
  if (mag == 0)
    g_snprintf (buf, len, "%.*f", decimals, 0.0);
  else if (mag < 0.5 * pow (10, -decimals) || mag >= 1e6)
    /* Two decimals is the formula's short style: a whole mantissa, so
     * "4×10⁻¹⁴" takes no more room than the decimals it replaces. */
    format_power (minus, mag, decimals <= 2 ? 0 : 1, buf, len);
  else if (mag < 10)
    g_snprintf (buf, len, "%s%.*f", minus, decimals, mag);
  else if (mag < 100)
    g_snprintf (buf, len, "%s%.*f", minus, MAX (decimals - 1, 0), mag);
  else if (mag < 1000)
    g_snprintf (buf, len, "%s%.*f", minus, MAX (decimals - 2, 0), mag);
  else
    g_snprintf (buf, len, "%s%.0f", minus, mag);
}

/**
 * elab_number_format:
 * Writes @value in @style into @buf (at most @len bytes, always
 * terminated; ELAB_NUMBER_BUF_SIZE holds any of them). Never prints
 * "nan" or "inf", and never a minus sign before a zero.
 */
void
elab_number_format (double           value,
                    ElabNumberStyle  style,
                    char            *buf,
                    gsize            len)
{
  const char *minus = value < 0 ? MINUS : "";
  double mag = fabs (value);

  g_return_if_fail (buf != NULL && len > 0);

  if (isnan (value))
    {
      g_strlcpy (buf, "\xe2\x80\x94", len);
      return;
    }
  if (isinf (value))
    {
      g_snprintf (buf, len, "%s\xe2\x88\x9e", minus);
      return;
    }

  switch (style)
    {
    case ELAB_NUMBER_SHORT:
      format_fixed (minus, mag, 2, buf, len);
      break;
    case ELAB_NUMBER_PRECISE:
      format_fixed (minus, mag, 6, buf, len);
      break;
    case ELAB_NUMBER_PARAMETER:
      if (mag == 0)
        g_strlcpy (buf, "0", len);
      /* %.4g would itself switch to "1e+04" from 9999.5 on. */
      else if (mag < 1e-3 || mag >= 9999.5)
        format_power (minus, mag, 1, buf, len);
      else
        g_snprintf (buf, len, "%s%.4g", minus, mag);
      break;
    case ELAB_NUMBER_VALUE:
    default:
      format_fixed (minus, mag, 3, buf, len);
      break;
    }
}

char *
elab_number_dup (double          value,
                 ElabNumberStyle style)
{
  char buf[ELAB_NUMBER_BUF_SIZE];

  elab_number_format (value, style, buf, sizeof buf);
  return g_strdup (buf);
}
