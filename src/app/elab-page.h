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

/* Which controls of a side panel stay out in presentation mode: the
 * editors of the models the current scene changes, so the lecturer can
 * still move them, those an exercise's goal reads, so the students can
 * meet it, and those every scene needs. */
typedef enum
{
  ELAB_PRESENTATION_KEEP_A = 1 << 0,
  ELAB_PRESENTATION_KEEP_B = 1 << 1,
  ELAB_PRESENTATION_KEEP_C = 1 << 2,
  ELAB_PRESENTATION_KEEP_P = 1 << 3,
  ELAB_PRESENTATION_KEEP_Q = 1 << 4,
  /* Whatever the scene: the Training page's Play, Step and Reset. */
  ELAB_PRESENTATION_KEEP_ALWAYS = 1 << 5,
  /* The softmax logits and temperature. */
  ELAB_PRESENTATION_KEEP_LOGITS = 1 << 6,
  /* The training run's settings: optimizer, learning rate, step limit. */
  ELAB_PRESENTATION_KEEP_RUN = 1 << 7,
} ElabPresentationKeep;

/* A flags type, so a template names a bit ("p") rather than its value. */
#define ELAB_TYPE_PRESENTATION_KEEP (elab_presentation_keep_get_type ())
GType elab_presentation_keep_get_type (void) G_GNUC_CONST;

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

  /* ElabPresentationKeep: the controls the side panel can keep in
   * presentation mode (elab_page_class_set_panel_keep()). */
  guint    panel_keep;

  gpointer padding[7];
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
 * missing) stand beside the figure, the panel at the left; the panel is
 * the template's last child, so that in presentation mode it floats over
 * the figure's bottom left corner, drawn over it and taking the pointer
 * first. notation_markup (document's notation, text) is the text in the
 * notation the document asks for, as markup: H(p,q) or H<sub>q</sub>(p).
 * kept_shown (presenting, scene-keep, keep) is whether a control whose
 * ElabPresentationKeep bits are keep shows: always, or while presenting
 * only when the scene moves its model. */
void              elab_page_class_bind_template (GtkWidgetClass *widget_class);
/* For a page class's class_init: the ElabPresentationKeep bits of the
 * controls its side panel keeps in presentation mode (the models its
 * editors edit, ELAB_PRESENTATION_KEEP_ALWAYS). The panel floats while
 * the scene keeps one of them and goes with the rest otherwise. */
void              elab_page_class_set_panel_keep (GtkWidgetClass *widget_class,
                                                  guint           keep);
/* @text as markup in @notation: H(p,q) as it is, or H<sub>q</sub>(p). */
char             *elab_notation_markup    (ElabNotation    notation,
                                           const char     *text);
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
