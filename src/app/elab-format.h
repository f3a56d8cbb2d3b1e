/* elab-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "elab-state.h"

G_BEGIN_DECLS

/* "0.693 bits", "∞ bits": a value shown to a person (a bare number is
 * elab_number_dup() in src/core/elab-number.h). */
char    *elab_format_value      (double       value,
                                 ElabUnit     unit);
/* "log₂" or "ln". */
const char *elab_format_log     (ElabUnit     unit);
/* The plot palette's colour of curve @index (0 = first model), as the
 * plot layer draws it on the given theme. */
void     elab_palette_color     (ElabPalette  palette,
                                 gboolean     dark,
                                 guint        index,
                                 GdkRGBA     *res);

/* Set a read-out's label (as gtk_label_set_label() would) or markup only
 * when it differs: GTK shapes and lays out a label again on every set,
 * even to the same text, and a drag sets every read-out of a page once a
 * frame. */
void     elab_label_set         (GtkLabel    *label,
                                 const char  *text);
void     elab_label_set_markup  (GtkLabel    *label,
                                 const char  *markup);

G_END_DECLS
