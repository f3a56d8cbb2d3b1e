/* elab-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's own actions and key bindings, installed on the class:
 * export and copy the visible figure, Alt+1…4 for the pages and the
 * Training page's keys (unit, palette and notation follow the document:
 * elab-window.c). The lecture kit adds its actions
 * in elab-window-scenes.c.
 */
#define G_LOG_DOMAIN "elab-window-actions"

#include "elab-config.h"

#include "elab-export-dialog.h"
#include "elab-page.h"
#include "elab-window-private.h"

typedef struct
{
  GtkWidget       *page;
  guint            n;
  graphene_rect_t  bounds;     /* of the shown figures, in the page */
} ShownFigures;

static void
add_shown_cb (gpointer view,
              gpointer user_data)
{
  ShownFigures *shown = user_data;
  graphene_rect_t r;

  if (!gtk_widget_get_mapped (view) || !gtk_widget_compute_bounds (view, shown->page, &r))
    return;
  if (shown->n++ == 0)
    shown->bounds = r;
  else
    graphene_rect_union (&shown->bounds, &r, &shown->bounds);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ElabWindow *self = ELAB_WINDOW (widget);
  ElabPlotView *view = elab_window_get_visible_plot_view (self);
  ElabExportDialog *dialog;
  ShownFigures shown = { NULL, 0, GRAPHENE_RECT_INIT (0, 0, 0, 0) };
  ElabFigureKind kind;
  int width, height;

  if (view == NULL)
    return;
  shown.page = gtk_widget_get_ancestor (GTK_WIDGET (view), ELAB_TYPE_PAGE);

  kind = elab_plot_view_get_figure_kind (view);
  width = gtk_widget_get_width (GTK_WIDGET (view));
  height = gtk_widget_get_height (GTK_WIDGET (view));
  /* The Training page showing its fit and its landscape offers the two
   * side by side first, at the size they take together. */
  if (elab_figure_kind_is_training (kind) && shown.page != NULL)
    {
      elab_page_foreach_plot_view (ELAB_PAGE (shown.page), add_shown_cb, &shown);
      if (shown.n > 1)
        {
          kind = ELAB_FIGURE_TRAINING_BOTH;
          width = (int) shown.bounds.size.width;
          height = (int) shown.bounds.size.height;
        }
    }

  dialog = elab_export_dialog_new (GTK_WINDOW (self), self->document, kind,
                                   elab_plot_view_get_training_run (view),
                                   width, height);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_figure_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ElabWindow *self = ELAB_WINDOW (widget);
  ElabPlotView *view = elab_window_get_visible_plot_view (self);
  g_autoptr(ElabFigure) figure = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  ElabFigureStyle style;
  int width, height, scale;

  if (view == NULL)
    return;

  width = MAX (gtk_widget_get_width (GTK_WIDGET (view)), 320);
  height = MAX (gtk_widget_get_height (GTK_WIDGET (view)), 240);
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (view));

  /* What is on screen, minus the cross-hair, at the screen's pixel density. */
  elab_plot_view_get_style (view, &style);
  figure = elab_figure_new (elab_plot_view_get_figure_kind (view));
  png = elab_export_png_bytes (figure,
                               &(ElabExportRequest) {
                                 elab_document_get_state (self->document), &style, width, height, scale,
                               },
                               elab_plot_view_get_trainer (view));
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, &error);

  if (texture == NULL)
    {
      elab_window_show_toast (self, "Could not copy the figure");
      return;
    }

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  elab_window_show_toast (self, "Figure copied");
}

static gboolean
switch_page_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  elab_window_set_page (ELAB_WINDOW (widget), g_variant_get_int32 (args));
  return TRUE;
}

/* Space, S and R drive training whenever the Training page is shown, not
 * only while a control of the page has the focus (in presentation mode
 * none has). A binding of the window runs after the focused widget, so a
 * focused button or text field keeps its own Space. */
static gboolean
training_key_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  ElabWindow *self = ELAB_WINDOW (widget);
  GtkWidget *page = adw_bin_get_child (self->training_slot);

  if (page == NULL || !gtk_widget_get_mapped (page) ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "training") != 0)
    return FALSE;

  return gtk_widget_activate_action (page, g_variant_get_string (args, NULL), NULL);
}

/* GtkWindow binds Space to activating the focused widget, ahead of the
 * window's own bindings, and takes the key whether anything was
 * activated or not: with no focus (presentation mode, once the floating
 * controls have gone) or the focus on a slider, Space did nothing. What
 * the focus does not take, Space's training binding gets. */
static void
activate_focus (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr(GVariant) args = g_variant_ref_sink (g_variant_new_string ("train.toggle-play"));

  if (focus != NULL && gtk_widget_is_sensitive (focus) && gtk_widget_activate (focus))
    return;
  training_key_cb (GTK_WIDGET (window), args, NULL);
}

void
_elab_window_class_actions_init (ElabWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  GTK_WINDOW_CLASS (klass)->activate_focus = activate_focus;

  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.copy-figure", NULL, copy_figure_action);

  /* Ctrl+C as a bubble-phase binding: a focused text field with a
   * selection copies its text first; otherwise the figure is copied. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "win.copy-figure", NULL);

  for (guint i = 0; i < ELAB_PAGE_SOFTMAX + 1; i++)
    gtk_widget_class_add_binding (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                  switch_page_cb, "i", (gint32) i);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, training_key_cb, "s", "train.toggle-play");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, 0, training_key_cb, "s", "train.step");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_r, 0, training_key_cb, "s", "train.reset");
}
