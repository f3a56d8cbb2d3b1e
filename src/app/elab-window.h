/* elab-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "elab-document.h"
#include "elab-plot-view.h"

G_BEGIN_DECLS

#define ELAB_TYPE_WINDOW (elab_window_get_type ())

G_DECLARE_FINAL_TYPE (ElabWindow, elab_window, ELAB, WINDOW, AdwApplicationWindow)

ElabWindow   *elab_window_new                   (GtkApplication *application);
ElabDocument *elab_window_get_document          (ElabWindow     *self);
void          elab_window_set_page              (ElabWindow     *self,
                                                 ElabPageKind    page);
/* Calls @func on each page (an ElabPage) built so far, in the
 * switcher's order: pages are built on first show. */
void          elab_window_foreach_page          (ElabWindow     *self,
                                                 GFunc           func,
                                                 gpointer        user_data);
/* The plot of the visible page, or NULL (a page without a figure). */
ElabPlotView *elab_window_get_visible_plot_view (ElabWindow     *self);
/* A transient message (plain text) at the bottom of the window. */
void          elab_window_show_toast            (ElabWindow     *self,
                                                 const char     *message);
/* @toast at the bottom of the window; added again while up, it restarts
 * its timeout. A toast dismissed within 200 ms of showing crashes
 * libadwaita 1.2 (see elab-animation-dialog.c): let it go by its timeout
 * rather than dismiss it. */
void          elab_window_add_toast             (ElabWindow     *self,
                                                 AdwToast       *toast);

G_END_DECLS
