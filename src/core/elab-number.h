/* elab-number.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a number is shown to a person. Every style writes a real minus
 * sign (U+2212), never "−0", "∞" or "−∞" for infinities, "—" for NaN,
 * and ×10ⁿ with a superscript exponent where digits would not fit. */
typedef enum
{
  /* A computed value (an entropy, a loss, a probability, a weight): three
   * decimals below 10, one fewer per decade above, whole numbers from
   * 1000; ×10ⁿ below 0.0005 and from 10⁶. */
  ELAB_NUMBER_VALUE,
  /* A term of a worked formula: the same with two decimals, and ×10ⁿ
   * below 0.005 with a whole mantissa ("4×10⁻³"). */
  ELAB_NUMBER_SHORT,
  /* The same with six decimals, to show that two values agree. */
  ELAB_NUMBER_PRECISE,
  /* A parameter as a person types it (θ, b, a logit, a range end): up to
   * four significant digits without trailing zeros, "1", "0.5", "−2.25";
   * ×10ⁿ below 0.001 and from 10⁴. */
  ELAB_NUMBER_PARAMETER,
} ElabNumberStyle;

/* The longest text elab_number_format() writes, with its NUL. */
#define ELAB_NUMBER_BUF_SIZE 48

void   elab_number_format             (double           value,
                                       ElabNumberStyle  style,
                                       char            *buf,
                                       gsize            len);
/* Newly allocated, for labels. */
char  *elab_number_dup                (double           value,
                                       ElabNumberStyle  style);
/* Appends the exponent @e as Unicode superscripts: ⁻¹², ⁰, ³. */
void   elab_number_append_superscript (GString         *s,
                                       int              e);

G_END_DECLS
