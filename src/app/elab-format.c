/* elab-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "elab-format"

#include "elab-config.h"

#include <math.h>
#include <string.h>

#include "elab-format.h"
#include "elab-number.h"
#include "elab-theme.h"

char *
elab_format_value (double   value,
                   ElabUnit unit)
{
  char num[ELAB_NUMBER_BUF_SIZE];

  elab_number_format (value, ELAB_NUMBER_VALUE, num, sizeof num);
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
  ElabColor c;

  /* Ask the plot layer itself, so a swatch is always its curve's colour. */
  elab_theme_series_color (dark ? ELAB_THEME_DARK : ELAB_THEME_LIGHT, palette, index, &c);
  *res = (GdkRGBA) { c.red, c.green, c.blue, 1.0 };
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
