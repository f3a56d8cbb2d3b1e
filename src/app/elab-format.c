/* elab-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "elab-format"

#include "elab-config.h"

#include <math.h>
#include <string.h>

#include "elab-figure-private.h"
#include "elab-format.h"

char *
elab_format_number (double value,
                    int    digits)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("—");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "−∞");
  if (value != 0 && fabs (value) < 0.5 * pow (10, -digits))
    {
      g_autofree char *s = g_strdup_printf ("%.1e", value);
      return s[0] == '-' ? g_strconcat ("−", s + 1, NULL) : g_steal_pointer (&s);
    }

  g_snprintf (buf, sizeof buf, "%.*f", digits, value);
  /* A typographic minus reads better than a hyphen on a projector; and
   * "-0.000" is just zero. */
  if (buf[0] == '-')
    {
      if (strspn (buf + 1, "0.") == strlen (buf + 1))
        return g_strdup (buf + 1);
      return g_strconcat ("−", buf + 1, NULL);
    }
  return g_strdup (buf);
}

char *
elab_format_value (double   value,
                   ElabUnit unit)
{
  g_autofree char *num = elab_format_number (value, 3);

  return g_strdup_printf ("%s %s", num, elab_unit_to_string (unit));
}

const char *
elab_format_log (ElabUnit unit)
{
  return unit == ELAB_UNIT_NATS ? "ln" : "log₂";
}

void
elab_palette_color (ElabPalette palette,
                    gboolean    dark,
                    guint       index,
                    GdkRGBA    *res)
{
  ElabTheme theme;
  const ElabRgba *c;

  /* Ask the plot layer itself, so a swatch is always its curve's colour. */
  _elab_theme_get (dark ? ELAB_THEME_DARK : ELAB_THEME_LIGHT, palette, &theme);
  c = _elab_theme_series (&theme, index);
  *res = (GdkRGBA) { c->r, c->g, c->b, 1.0 };
}

void
elab_label_set (GtkLabel   *label,
                const char *text)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

void
elab_label_set_markup (GtkLabel   *label,
                       const char *markup)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  if (!gtk_label_get_use_markup (label) || g_strcmp0 (gtk_label_get_label (label), markup) != 0)
    gtk_label_set_markup (label, markup);
}
