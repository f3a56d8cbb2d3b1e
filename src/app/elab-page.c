/* elab-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every page shares: the document it edits and follows, the group
 * that binds its controls to parameters, its plot views and the hover on
 * the first of them, the desktop's light or dark style, and disposal of
 * its template. A page keeps only what is its own.
 */
#define G_LOG_DOMAIN "elab-page"

#include "elab-config.h"

#include <adwaita.h>

#include "elab-format.h"
#include "elab-page.h"

typedef struct
{
  /* Owned */
  ElabDocument     *document;
  ElabBindingGroup *bindings;
  gulong            changed_id;
  gulong            dark_id;

  /* Borrowed: template children */
  GPtrArray        *plot_views;
  GtkWidget        *side_panel;
  GtkWidget        *panel_separator;
  GPtrArray        *panels;      /* more, added by the page */
} ElabPagePrivate;

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE_WITH_PRIVATE (ElabPage, elab_page, GTK_TYPE_WIDGET)

static void
document_changed (ElabPage *self,
                  guint     what)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);
  ElabPageClass *klass = ELAB_PAGE_GET_CLASS (self);

  if (priv->document != NULL && klass->document_changed != NULL)
    klass->document_changed (self, what);
}

static void
document_changed_cb (ElabDocument *document,
                     guint         what,
                     ElabPage     *self)
{
  document_changed (self, what);
}

static void
dark_changed_cb (ElabPage *self)
{
  document_changed (self, ELAB_CHANGE_LOOK);
}

static void
hover_changed_cb (ElabPage *self)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);
  ElabPageClass *klass = ELAB_PAGE_GET_CLASS (self);

  if (priv->document != NULL && klass->hover_changed != NULL && priv->plot_views->len > 0)
    klass->hover_changed (self, elab_plot_view_get_hover_x (g_ptr_array_index (priv->plot_views, 0)));
}

static void
elab_page_dispose (GObject *object)
{
  ElabPage *self = ELAB_PAGE (object);
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  elab_page_set_document (self, NULL);
  g_clear_object (&priv->bindings);
  g_clear_signal_handler (&priv->dark_id, adw_style_manager_get_default ());
  g_ptr_array_set_size (priv->plot_views, 0);
  g_ptr_array_set_size (priv->panels, 0);
  gtk_widget_dispose_template (GTK_WIDGET (object), G_OBJECT_TYPE (object));
  /* The template's root box is not a bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (elab_page_parent_class)->dispose (object);
}

static void
elab_page_finalize (GObject *object)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (ELAB_PAGE (object));

  g_ptr_array_unref (priv->plot_views);
  g_ptr_array_unref (priv->panels);

  G_OBJECT_CLASS (elab_page_parent_class)->finalize (object);
}

static void
elab_page_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ElabPage *self = ELAB_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, elab_page_get_document (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
elab_page_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ElabPage *self = ELAB_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      elab_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
elab_page_class_init (ElabPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = elab_page_dispose;
  object_class->finalize = elab_page_finalize;
  object_class->get_property = elab_page_get_property;
  object_class->set_property = elab_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         ELAB_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Inherited by every page: its template's root box fills it. */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (ELAB_TYPE_PLOT_VIEW);
}

static void
elab_page_init (ElabPage *self)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  priv->bindings = elab_binding_group_new ();
  priv->plot_views = g_ptr_array_new ();
  priv->panels = g_ptr_array_new ();
  priv->dark_id = g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                                            G_CALLBACK (dark_changed_cb), self);
}

ElabDocument *
elab_page_get_document (ElabPage *self)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  g_return_val_if_fail (ELAB_IS_PAGE (self), NULL);

  return priv->document;
}

void
elab_page_set_document (ElabPage     *self,
                        ElabDocument *document)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  g_return_if_fail (ELAB_IS_PAGE (self));
  g_return_if_fail (document == NULL || ELAB_IS_DOCUMENT (document));

  if (priv->document == document)
    return;

  if (priv->document != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->document);
  g_set_object (&priv->document, document);

  for (guint i = 0; i < priv->plot_views->len; i++)
    elab_plot_view_set_document (g_ptr_array_index (priv->plot_views, i), document);
  if (priv->bindings != NULL)
    elab_binding_group_set_document (priv->bindings, document);

  if (document != NULL)
    {
      priv->changed_id = g_signal_connect (document, "changed",
                                           G_CALLBACK (document_changed_cb), self);
      document_changed (self, ELAB_CHANGE_ALL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

ElabBindingGroup *
elab_page_get_bindings (ElabPage *self)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  g_return_val_if_fail (ELAB_IS_PAGE (self), NULL);

  return priv->bindings;
}

void
elab_page_add_plot_view (ElabPage     *self,
                         ElabPlotView *view)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  g_return_if_fail (ELAB_IS_PAGE (self));
  g_return_if_fail (ELAB_IS_PLOT_VIEW (view));

  if (priv->plot_views->len == 0)
    g_signal_connect_object (view, "notify::hover-x", G_CALLBACK (hover_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_ptr_array_add (priv->plot_views, view);
  elab_plot_view_set_document (view, priv->document);
}

/* The names the pages' labels and tooltips use, and their subscript
 * forms. The formula read-outs are rebuilt by their pages. */
static const struct {
  const char *standard;
  const char *subscript;
} notation_names[] = {
  { "H(p,q)", "H<sub>q</sub>(p)" },
  { "H(q,p)", "H<sub>p</sub>(q)" },
  { "H(p, q)", "H<sub>q</sub>(p)" },
  { "H(q, p)", "H<sub>p</sub>(q)" },
  { "H(target, P)", "H<sub>P</sub>(target)" },
};

char *
elab_notation_markup (ElabNotation  notation,
                      const char   *text)
{
  char *res = g_markup_escape_text (text != NULL ? text : "", -1);

  for (guint i = 0; notation == ELAB_NOTATION_SUBSCRIPT && i < G_N_ELEMENTS (notation_names); i++)
    {
      g_auto(GStrv) parts = g_strsplit (res, notation_names[i].standard, -1);

      g_free (res);
      res = g_strjoinv (notation_names[i].subscript, parts);
    }
  return res;
}

static char *
notation_markup (gpointer    this,
                 int         notation,
                 const char *text)
{
  return elab_notation_markup (notation, text);
}

void
elab_page_class_bind_template (GtkWidgetClass *widget_class)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), ELAB_TYPE_PAGE));

  gtk_widget_class_bind_template_child_full (widget_class, "side_panel", FALSE,
                                             G_PRIVATE_OFFSET (ElabPage, side_panel));
  gtk_widget_class_bind_template_child_full (widget_class, "panel_separator", FALSE,
                                             G_PRIVATE_OFFSET (ElabPage, panel_separator));
  gtk_widget_class_bind_template_callback_full (widget_class, "notation_markup", G_CALLBACK (notation_markup));
}

void
elab_page_add_panel (ElabPage  *self,
                     GtkWidget *panel)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  g_return_if_fail (ELAB_IS_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (panel));

  g_ptr_array_add (priv->panels, panel);
}

void
elab_page_foreach_panel (ElabPage *self,
                         GFunc     func,
                         gpointer  user_data)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  g_return_if_fail (ELAB_IS_PAGE (self));

  if (priv->side_panel != NULL)
    func (priv->side_panel, user_data);
  if (priv->panel_separator != NULL)
    func (priv->panel_separator, user_data);
  g_ptr_array_foreach (priv->panels, func, user_data);
}

static gboolean
is_shown (GtkWidget *widget,
          GtkWidget *top)
{
  for (; widget != NULL && widget != top; widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
      return FALSE;
  return TRUE;
}

ElabPlotView *
elab_page_get_plot_view (ElabPage *self)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  g_return_val_if_fail (ELAB_IS_PAGE (self), NULL);

  for (guint i = 0; i < priv->plot_views->len; i++)
    if (is_shown (g_ptr_array_index (priv->plot_views, i), GTK_WIDGET (self)))
      return g_ptr_array_index (priv->plot_views, i);
  return priv->plot_views->len > 0 ? g_ptr_array_index (priv->plot_views, 0) : NULL;
}

void
elab_page_foreach_plot_view (ElabPage *self,
                             GFunc     func,
                             gpointer  user_data)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  g_return_if_fail (ELAB_IS_PAGE (self));

  g_ptr_array_foreach (priv->plot_views, func, user_data);
}

void
elab_page_get_model_color (ElabPage *self,
                           guint     index,
                           GdkRGBA  *color)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);
  ElabPalette palette = ELAB_PALETTE_DEFAULT;

  g_return_if_fail (ELAB_IS_PAGE (self));

  if (priv->document != NULL)
    palette = elab_document_get_state (priv->document)->palette;
  elab_palette_color (palette, adw_style_manager_get_dark (adw_style_manager_get_default ()),
                      index, color);
}
