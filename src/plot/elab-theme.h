/* elab-theme.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plot layer's colours for the rest of the program (a swatch beside a
 * slider is its curve's colour).
 */
#pragma once

#include <glib.h>

#include "elab-state.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue;   /* 0–1 */
} ElabColor;

/* The colour figures draw series @index in (0 = the first model) with
 * @palette on a light or dark figure. */
void elab_theme_series_color (ElabThemeKind  theme,
                              ElabPalette    palette,
                              guint          index,
                              ElabColor     *res);

G_END_DECLS
