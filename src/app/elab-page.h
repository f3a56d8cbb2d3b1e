/* elab-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "elab-binding.h"
#include "elab-document.h"
#include "elab-plot-view.h"

G_BEGIN_DECLS

#define ELAB_TYPE_PAGE (elab_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (ElabPage, elab_page, ELAB, PAGE, GtkWidget)

struct _ElabPageClass
{
  GtkWidgetClass parent_class;

  /* The document changed (@what: ElabChange bits); with ELAB_CHANGE_ALL
   * when the page is given a document, and with ELAB_CHANGE_LOOK when the
   * desktop turns dark or light. Never called without a document. */
  void (*document_changed) (ElabPage *self,
                            guint     what);
  /* The x under the pointer on the page's first plot (NAN: elsewhere). */
  void (*hover_changed)    (ElabPage *self,
                            double    hover_x);

  gpointer padding[8];
};

ElabDocument     *elab_page_get_document  (ElabPage     *self);
void              elab_page_set_document  (ElabPage     *self,
                                           ElabDocument *document);
/* The page's controls bound to parameters by name; follows the document. */
ElabBindingGroup *elab_page_get_bindings  (ElabPage     *self);
/* Called from a page's init for each plot of its template, the first
 * being the one whose hover the page follows: the views follow the
 * document and presentation mode. */
void              elab_page_add_plot_view (ElabPage     *self,
                                           ElabPlotView *view);
/* The first plot view the page shows (a page may hide one of two), else
 * its first; NULL for a page without a plot. */
ElabPlotView     *elab_page_get_plot_view (ElabPage     *self);
/* For a page class's class_init, after its template: what a page's
 * template may use. Its side_panel and panel_separator (either may be
 * missing) are panels; notation_markup (document's notation, text) is the
 * text in the notation the document asks for, as markup: H(p,q) or
 * H<sub>q</sub>(p). */
void              elab_page_class_bind_template (GtkWidgetClass *widget_class);
/* @text as markup in @notation: H(p,q) as it is, or H<sub>q</sub>(p). */
char             *elab_notation_markup    (ElabNotation    notation,
                                           const char     *text);
/* A widget beside the plots, which presentation mode folds away, or
 * floats over the figure when it holds a control the scene keeps. */
void              elab_page_add_panel     (ElabPage     *self,
                                           GtkWidget    *panel);
/* Calls @func on each of the page's panels: the side panel first. */
void              elab_page_foreach_panel (ElabPage *self,
                                           GFunc     func,
                                           gpointer  user_data);
/* Calls @func on each of the page's plot views, in the order added. */
void              elab_page_foreach_plot_view (ElabPage *self,
                                               GFunc     func,
                                               gpointer  user_data);
/* Model @index's colour in the document's palette on the desktop's
 * style: what the figure draws that model's curve in. */
void              elab_page_get_model_color (ElabPage *self,
                                             guint     index,
                                             GdkRGBA  *color);

G_END_DECLS
