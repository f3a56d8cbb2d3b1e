/* elab-presentation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presentation mode works on the widget tree rather than on each page: it
 * finds the plots, and hides everything that is neither a plot nor holds
 * one, level by level up to the page. A page added later, or a panel a
 * page grows, is folded the same way without the page knowing.
 */
#define G_LOG_DOMAIN "elab-presentation"

#include "elab-config.h"

#include <adwaita.h>

#include "elab-cross-entropy-page.h"
#include "elab-entropy-page.h"
#include "elab-model-editor.h"
#include "elab-presentation.h"

#define PROJECTOR_CLASS "elab-projector"

struct _ElabPresentation
{
  /* Borrowed */
  GtkWindow      *window;

  /* Owned */
  GPtrArray      *hidden;       /* (element-type GtkWidget): folded away by us */
  char           *caption;

  gboolean        active;
  AdwColorScheme  saved_scheme;
  guint           keep;         /* ElabPresentationKeep: editors left out */
};

#define KEEP_KEY "elab-presentation-keep"

void
elab_presentation_foreach_plot_view (GtkWidget *root,
                                     GFunc      func,
                                     gpointer   user_data)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (ELAB_IS_PLOT_VIEW (root))
    {
      func (root, user_data);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    elab_presentation_foreach_plot_view (child, func, user_data);
}

static void
contains_cb (gpointer view,
             gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
holds_plot (GtkWidget *widget)
{
  gboolean found = FALSE;

  elab_presentation_foreach_plot_view (widget, contains_cb, &found);
  return found;
}

static void
hide (ElabPresentation *self,
      GtkWidget        *widget)
{
  if (!gtk_widget_get_visible (widget))
    return;

  gtk_widget_set_visible (widget, FALSE);
  g_ptr_array_add (self->hidden, g_object_ref (widget));
}

static gboolean
is_page_boundary (GtkWidget *widget)
{
  /* A page's root sits in a stack; the window's chrome is above it. */
  return widget == NULL || GTK_IS_STACK (widget) || ADW_IS_VIEW_STACK (widget) ||
         GTK_IS_WINDOW (widget);
}

/* Tags the model editors of the Entropy (A, B, C) and Cross-entropy (p, q)
 * pages, in their order on the page, with the ElabPresentationKeep bit of
 * the model each edits. */
static void
tag_editors (GtkWidget *widget,
             guint     *next_bit)
{
  if (ELAB_IS_MODEL_EDITOR (widget))
    {
      g_object_set_data (G_OBJECT (widget), KEEP_KEY, GUINT_TO_POINTER (*next_bit));
      *next_bit <<= 1;
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tag_editors (child, next_bit);
}

static void
tag_pages (GtkWidget *widget)
{
  guint bit;

  if (ELAB_IS_ENTROPY_PAGE (widget) || ELAB_IS_CROSS_ENTROPY_PAGE (widget))
    {
      bit = ELAB_IS_ENTROPY_PAGE (widget) ? ELAB_PRESENTATION_KEEP_A : ELAB_PRESENTATION_KEEP_P;
      tag_editors (widget, &bit);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tag_pages (child);
}

static gboolean
is_kept (ElabPresentation *self,
         GtkWidget        *widget)
{
  return (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), KEEP_KEY)) & self->keep) != 0;
}

static gboolean
holds_kept (ElabPresentation *self,
            GtkWidget        *widget)
{
  if (is_kept (self, widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (holds_kept (self, child))
      return TRUE;
  return FALSE;
}

/* Inside a panel that holds a control the scene changes: hide the rest. */
static void
fold_inside (ElabPresentation *self,
             GtkWidget        *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (is_kept (self, child) || GTK_IS_POPOVER (child) || GTK_IS_SCROLLBAR (child))
        continue;
      if (holds_kept (self, child))
        fold_inside (self, child);
      else
        hide (self, child);
    }
}

static void
fold_around_cb (gpointer view,
                gpointer user_data)
{
  ElabPresentation *self = user_data;

  for (GtkWidget *w = view; !is_page_boundary (gtk_widget_get_parent (w)); w = gtk_widget_get_parent (w))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);

      for (GtkWidget *sibling = gtk_widget_get_first_child (parent);
           sibling != NULL;
           sibling = gtk_widget_get_next_sibling (sibling))
        {
          if (sibling == w || holds_plot (sibling) || GTK_IS_POPOVER (sibling))
            continue;
          if (holds_kept (self, sibling))
            fold_inside (self, sibling);
          else
            hide (self, sibling);
        }
    }
}

static void
unfold (ElabPresentation *self)
{
  for (guint i = 0; i < self->hidden->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->hidden, i), TRUE);
  g_ptr_array_set_size (self->hidden, 0);
}

static void
fold_chrome (ElabPresentation *self,
             GtkWidget        *widget)
{
  /* The header bar and the bottom switcher: Alt+1…4 and the scene keys
   * still work, and the plot gets the whole screen. */
  if (ADW_IS_HEADER_BAR (widget) || GTK_IS_HEADER_BAR (widget) || ADW_IS_VIEW_SWITCHER_BAR (widget))
    {
      hide (self, widget);
      return;
    }
  if (ADW_IS_VIEW_STACK (widget) || GTK_IS_STACK (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fold_chrome (self, child);
}

typedef struct
{
  ElabPresentation *self;
  GHashTable       *captioned;   /* page roots whose first plot has the caption */
} StylePass;

static GtkWidget *
page_root (GtkWidget *widget)
{
  while (!is_page_boundary (gtk_widget_get_parent (widget)))
    widget = gtk_widget_get_parent (widget);
  return widget;
}

static void
style_view_cb (gpointer view,
               gpointer user_data)
{
  StylePass *pass = user_data;
  GtkWidget *page = page_root (view);

  elab_plot_view_set_presentation (view, pass->self->active);
  /* One caption per page: the Training page's second plot goes without. */
  if (g_hash_table_add (pass->captioned, page))
    elab_plot_view_set_caption (view, pass->self->caption);
  else
    elab_plot_view_set_caption (view, NULL);
}

static void
style_views (ElabPresentation *self)
{
  StylePass pass = { self, g_hash_table_new (NULL, NULL) };

  elab_presentation_foreach_plot_view (GTK_WIDGET (self->window), style_view_cb, &pass);
  g_hash_table_unref (pass.captioned);
}

void
elab_presentation_refresh (ElabPresentation *self)
{
  g_return_if_fail (self != NULL);

  style_views (self);
  if (self->active)
    {
      /* Fold afresh: what a scene keeps may have changed. */
      unfold (self);
      tag_pages (GTK_WIDGET (self->window));
      elab_presentation_foreach_plot_view (GTK_WIDGET (self->window), fold_around_cb, self);
      fold_chrome (self, GTK_WIDGET (self->window));
    }
}

void
elab_presentation_set_keep (ElabPresentation *self,
                            guint             keep)
{
  g_return_if_fail (self != NULL);

  if (self->keep == keep)
    return;

  self->keep = keep;
  if (self->active)
    elab_presentation_refresh (self);
}

static void
ensure_css (GdkDisplay *display)
{
  static gboolean loaded;
  static const char css[] =
    "window." PROJECTOR_CLASS ", window." PROJECTOR_CLASS " .background {"
    "  background-color: #ffffff; color: #000000; }\n"
    /* In a row of its own under the plot: no margin above it. */
    ".elab-scene-label { font-size: 13pt; font-weight: bold; padding: 2px 10px;"
    "  margin: 0 8px 4px 8px; border-radius: 6px; background-color: alpha(@window_bg_color, 0.85); }\n"
    "window." PROJECTOR_CLASS " .elab-scene-label { font-size: 20pt; color: #000000;"
    "  background-color: alpha(#ffffff, 0.9); }\n";
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded)
    return;
  loaded = TRUE;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
elab_presentation_set_active (ElabPresentation *self,
                              gboolean          active)
{
  AdwStyleManager *manager;

  g_return_if_fail (self != NULL);

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  manager = adw_style_manager_get_default ();

  if (active)
    {
      /* The projector theme is light whatever the desktop prefers. */
      self->saved_scheme = adw_style_manager_get_color_scheme (manager);
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_widget_add_css_class (GTK_WIDGET (self->window), PROJECTOR_CLASS);
      elab_presentation_refresh (self);
      gtk_window_fullscreen (self->window);
    }
  else
    {
      unfold (self);

      gtk_widget_remove_css_class (GTK_WIDGET (self->window), PROJECTOR_CLASS);
      adw_style_manager_set_color_scheme (manager, self->saved_scheme);
      elab_presentation_refresh (self);
      gtk_window_unfullscreen (self->window);
    }
}

gboolean
elab_presentation_get_active (ElabPresentation *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->active;
}

void
elab_presentation_set_caption (ElabPresentation *self,
                               const char       *caption)
{
  g_return_if_fail (self != NULL);

  if (g_strcmp0 (self->caption, caption) == 0)
    return;

  g_free (self->caption);
  self->caption = g_strdup (caption);
  style_views (self);
}

ElabPresentation *
elab_presentation_new (GtkWindow *window)
{
  ElabPresentation *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  self = g_new0 (ElabPresentation, 1);
  self->window = window;
  self->hidden = g_ptr_array_new_with_free_func (g_object_unref);
  self->saved_scheme = ADW_COLOR_SCHEME_DEFAULT;
  ensure_css (gtk_widget_get_display (GTK_WIDGET (window)));
  return self;
}

void
elab_presentation_free (ElabPresentation *self)
{
  if (self == NULL)
    return;

  /* A window closed in presentation mode must not leave the whole
   * application forced light. */
  if (self->active)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), self->saved_scheme);

  g_ptr_array_unref (self->hidden);
  g_free (self->caption);
  g_free (self);
}
