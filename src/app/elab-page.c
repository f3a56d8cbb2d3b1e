/* elab-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every page shares: the document it edits and follows, the group
 * that binds its controls to parameters, its plot views and the hover on
 * the first of them, the desktop's light or dark style, and disposal of
 * its template. A page keeps only what is its own.
 *
 * It also lays out its side panel: beside the figure, or in presentation
 * mode floating over the figure's bottom left corner at its natural size,
 * fading when the pointer rests and back when it moves, so that the
 * figure has the screen's whole width.
 */
#define G_LOG_DOMAIN "elab-page"

#include "elab-config.h"

#include <adwaita.h>

#include "elab-format.h"
#include "elab-page.h"

/* The floating panel goes when the pointer has rested this long; so does
 * the cross-hair (elab-plot-view.c). */
#define REST_SECONDS 3
#define FADE_MS 250

typedef struct
{
  /* Owned */
  ElabDocument     *document;
  ElabBindingGroup *bindings;
  gulong            changed_id;
  gulong            dark_id;

  /* Presentation mode */
  gboolean          presenting;
  guint             scene_keep;
  gboolean          panel_revealed;
  AdwAnimation     *fade;         /* the floating panel's opacity */
  GtkEventController *on_panel;   /* the pointer on the panel: it stays */
  guint             rest_source;
  double            pointer_x;
  double            pointer_y;
  graphene_rect_t   panel_box;    /* where it last floated */

  /* Borrowed: template children */
  GPtrArray        *plot_views;
  GtkWidget        *side_panel;
  GtkWidget        *panel_separator;
} ElabPagePrivate;

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PRESENTING,
  PROP_SCENE_KEEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE_WITH_PRIVATE (ElabPage, elab_page, GTK_TYPE_WIDGET)

G_DEFINE_FLAGS_TYPE (ElabPresentationKeep, elab_presentation_keep,
                     G_DEFINE_ENUM_VALUE (ELAB_PRESENTATION_KEEP_A, "a"),
                     G_DEFINE_ENUM_VALUE (ELAB_PRESENTATION_KEEP_B, "b"),
                     G_DEFINE_ENUM_VALUE (ELAB_PRESENTATION_KEEP_C, "c"),
                     G_DEFINE_ENUM_VALUE (ELAB_PRESENTATION_KEEP_P, "p"),
                     G_DEFINE_ENUM_VALUE (ELAB_PRESENTATION_KEEP_Q, "q"),
                     G_DEFINE_ENUM_VALUE (ELAB_PRESENTATION_KEEP_ALWAYS, "always"),
                     G_DEFINE_ENUM_VALUE (ELAB_PRESENTATION_KEEP_LOGITS, "logits"),
                     G_DEFINE_ENUM_VALUE (ELAB_PRESENTATION_KEEP_RUN, "run"))

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
  g_clear_handle_id (&priv->rest_source, g_source_remove);
  g_clear_object (&priv->fade);
  g_clear_pointer (&priv->plot_views, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), G_OBJECT_TYPE (object));
  /* The template's root box is not a bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (elab_page_parent_class)->dispose (object);
}

/* Presentation mode: whether the side panel floats over the figure, and
 * whether it is shown at all (a scene keeping none of its controls). */
static gboolean
floats (ElabPagePrivate *priv)
{
  return priv->presenting && priv->side_panel != NULL;
}

static gboolean
panel_kept (ElabPage *self)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  return (ELAB_PAGE_GET_CLASS (self)->panel_keep & (priv->scene_keep | ELAB_PRESENTATION_KEEP_ALWAYS)) != 0;
}

/* The children that stand side by side, in their order on screen: the
 * side panel and its separator (unless the panel floats), then the rest
 * in the template's order. */
static GPtrArray *
beside_children (ElabPage *self)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);
  GPtrArray *res = g_ptr_array_new ();

  if (!floats (priv))
    {
      if (priv->side_panel != NULL && gtk_widget_should_layout (priv->side_panel))
        g_ptr_array_add (res, priv->side_panel);
      if (priv->panel_separator != NULL && gtk_widget_should_layout (priv->panel_separator))
        g_ptr_array_add (res, priv->panel_separator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != priv->side_panel && child != priv->panel_separator && gtk_widget_should_layout (child))
      g_ptr_array_add (res, child);
  return res;
}

/* Widths for @children side by side in @width, as a horizontal GtkBox
 * gives them: each its minimum, then towards its natural width, then
 * what is left shared by those that expand. */
static void
share_width (GPtrArray *children,
             int        width,
             int        height,
             int       *res)
{
  g_autofree GtkRequestedSize *sizes = g_new0 (GtkRequestedSize, MAX (children->len, 1));
  int extra = width;
  guint n_expand = 0;
  int each, more;

  for (guint i = 0; i < children->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (children, i);

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, height,
                          &sizes[i].minimum_size, &sizes[i].natural_size, NULL, NULL);
      extra -= sizes[i].minimum_size;
      n_expand += gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
    }
  extra = gtk_distribute_natural_allocation (MAX (extra, 0), children->len, sizes);
  each = n_expand > 0 ? extra / n_expand : 0;
  more = n_expand > 0 ? extra % n_expand : 0;
  for (guint i = 0; i < children->len; i++)
    {
      res[i] = sizes[i].minimum_size;
      if (gtk_widget_compute_expand (g_ptr_array_index (children, i), GTK_ORIENTATION_HORIZONTAL))
        {
          res[i] += each;
          if (more > 0)
            {
              res[i]++;
              more--;
            }
        }
    }
}

/* Side by side, as a box; the floating panel is over the figure and asks
 * for no room of its own. */
static void
elab_page_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  g_autoptr(GPtrArray) children = beside_children (ELAB_PAGE (widget));
  g_autofree int *widths = g_new0 (int, MAX (children->len, 1));

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    share_width (children, for_size, -1, widths);

  for (guint i = 0; i < children->len; i++)
    {
      int min, nat;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          gtk_widget_measure (g_ptr_array_index (children, i), orientation, for_size, &min, &nat, NULL, NULL);
          *minimum += min;
          *natural += nat;
        }
      else
        {
          gtk_widget_measure (g_ptr_array_index (children, i), orientation, for_size >= 0 ? widths[i] : -1,
                              &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
    }
}

static void
queue_draw_cb (gpointer view,
               gpointer user_data)
{
  gtk_widget_queue_draw (view);
}

static void
elab_page_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  ElabPage *self = ELAB_PAGE (widget);
  ElabPagePrivate *priv = elab_page_get_instance_private (self);
  g_autoptr(GPtrArray) children = beside_children (self);
  g_autofree int *widths = g_new0 (int, MAX (children->len, 1));
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int x = 0;

  share_width (children, width, height, widths);
  for (guint i = 0; i < children->len; i++)
    {
      gtk_widget_size_allocate (g_ptr_array_index (children, i),
                                &(GtkAllocation) { rtl ? width - x - widths[i] : x, 0, widths[i], height }, -1);
      x += widths[i];
    }

  if (floats (priv) && gtk_widget_should_layout (priv->side_panel))
    {
      GtkRequisition size;
      graphene_rect_t box;

      /* At its natural size, as tall as what is left in it, in the
       * corner: the caption of the figure under it keeps clear. */
      gtk_widget_get_preferred_size (priv->side_panel, NULL, &size);
      size.width = MIN (size.width, width);
      size.height = MIN (size.height, height);
      box = GRAPHENE_RECT_INIT (rtl ? width - size.width : 0, height - size.height, size.width, size.height);
      gtk_widget_size_allocate (priv->side_panel,
                                &(GtkAllocation) { box.origin.x, box.origin.y, size.width, size.height }, -1);
      if (!graphene_rect_equal (&box, &priv->panel_box))
        {
          priv->panel_box = box;
          g_ptr_array_foreach (priv->plot_views, queue_draw_cb, NULL);
        }
    }
}

static void
fade_done_cb (ElabPage *self)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  /* Out of sight, it lets the focus go: the keys are the window's again,
   * as in a lecture. */
  if (!priv->panel_revealed && priv->side_panel != NULL)
    gtk_widget_set_child_visible (priv->side_panel, FALSE);
}

static void
reveal_panel (ElabPage *self,
              gboolean  reveal)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  if (priv->fade == NULL || priv->panel_revealed == reveal)
    return;

  priv->panel_revealed = reveal;
  if (reveal)
    gtk_widget_set_child_visible (priv->side_panel, TRUE);
  adw_timed_animation_set_value_from (ADW_TIMED_ANIMATION (priv->fade), gtk_widget_get_opacity (priv->side_panel));
  adw_timed_animation_set_value_to (ADW_TIMED_ANIMATION (priv->fade), reveal ? 1 : 0);
  adw_animation_play (priv->fade);
}

static gboolean
rest_cb (gpointer user_data)
{
  ElabPage *self = user_data;
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  priv->rest_source = 0;
  /* Not while the pointer is on it: someone is using it. */
  if (!gtk_event_controller_motion_contains_pointer (GTK_EVENT_CONTROLLER_MOTION (priv->on_panel)))
    reveal_panel (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* The floating panel in view, until the pointer rests. */
static void
wake_panel (ElabPage *self)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  g_clear_handle_id (&priv->rest_source, g_source_remove);
  if (!floats (priv))
    return;
  reveal_panel (self, TRUE);
  priv->rest_source = g_timeout_add_seconds (REST_SECONDS, rest_cb, self);
}

static void
pointer_moved_cb (GtkEventControllerMotion *motion,
                  double                    x,
                  double                    y,
                  ElabPage                 *self)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  /* GTK repeats the pointer's position when the layout under it
   * changes (a scene, a key): only a pointer that moved counts. */
  if (x == priv->pointer_x && y == priv->pointer_y)
    return;
  priv->pointer_x = x;
  priv->pointer_y = y;
  wake_panel (self);
}

/* Named, so a screen reader (and a test) can tell the floating panel
 * from the figure; only on the page in view, as a page out of view keeps
 * the place it had. */
static void
update_panel_name (ElabPage *self)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  if (priv->side_panel == NULL)
    return;
  if (priv->presenting && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_accessible_update_property (GTK_ACCESSIBLE (priv->side_panel),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, "Scene controls", -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (priv->side_panel), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
elab_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (elab_page_parent_class)->map (widget);
  update_panel_name (ELAB_PAGE (widget));
  /* A page shown while presenting shows its controls first. */
  wake_panel (ELAB_PAGE (widget));
}

static void
elab_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (elab_page_parent_class)->unmap (widget);
  update_panel_name (ELAB_PAGE (widget));
}

/* The separator goes with the panel; the panel floats while the scene
 * keeps one of its controls, and goes otherwise. The caption of a figure
 * keeps clear of it as it is now. */
static void
update_panel (ElabPage *self)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  if (priv->panel_separator != NULL)
    gtk_widget_set_visible (priv->panel_separator, !priv->presenting);
  if (priv->side_panel != NULL)
    gtk_widget_set_visible (priv->side_panel, !priv->presenting || panel_kept (self));
  g_ptr_array_foreach (priv->plot_views, queue_draw_cb, NULL);
}

/* Presentation mode: the figure takes the page's whole width, and the
 * template's widgets that bind their visibility to it fold away. */
static void
set_presenting (ElabPage *self,
                gboolean  presenting)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);
  GtkWidget *panel;

  presenting = !!presenting;
  if (priv->presenting == presenting)
    return;

  priv->presenting = presenting;
  panel = priv->side_panel;
  for (guint i = 0; i < priv->plot_views->len; i++)
    {
      ElabPlotView *view = g_ptr_array_index (priv->plot_views, i);

      elab_plot_view_set_presentation (view, presenting);
      elab_plot_view_set_caption_cover (view, presenting ? panel : NULL);
    }

  if (panel != NULL)
    {
      if (presenting)
        gtk_widget_add_css_class (panel, "elab-floating-controls");
      else
        {
          gtk_widget_remove_css_class (panel, "elab-floating-controls");
          /* Beside the figure it is always in view. */
          adw_animation_reset (priv->fade);
          priv->panel_revealed = TRUE;
          gtk_widget_set_opacity (panel, 1);
          gtk_widget_set_child_visible (panel, TRUE);
        }
      /* Floating, as tall as what is left in it, not as the screen. */
      if (GTK_IS_SCROLLED_WINDOW (panel))
        gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (panel), presenting);
    }
  update_panel (self);
  update_panel_name (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  wake_panel (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
}

/* The scene changed what it moves (@keep: ElabPresentationKeep bits). */
static void
set_scene_keep (ElabPage *self,
                guint     keep)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  if (priv->scene_keep == keep)
    return;

  priv->scene_keep = keep;
  update_panel (self);
  /* The controls the new scene moves: in view while they move. */
  wake_panel (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENE_KEEP]);
}

static void
elab_page_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (ELAB_PAGE (object));

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, priv->document);
      break;
    case PROP_PRESENTING:
      g_value_set_boolean (value, priv->presenting);
      break;
    case PROP_SCENE_KEEP:
      g_value_set_uint (value, priv->scene_keep);
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
    case PROP_PRESENTING:
      set_presenting (self, g_value_get_boolean (value));
      break;
    case PROP_SCENE_KEEP:
      set_scene_keep (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The template is bound by now: the side panel can be watched. */
static void
elab_page_constructed (GObject *object)
{
  ElabPage *self = ELAB_PAGE (object);
  ElabPagePrivate *priv = elab_page_get_instance_private (self);
  GtkEventController *motion;

  G_OBJECT_CLASS (elab_page_parent_class)->constructed (object);

  motion = gtk_event_controller_motion_new ();
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  g_signal_connect (motion, "motion", G_CALLBACK (pointer_moved_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  if (priv->side_panel == NULL)
    return;
  priv->on_panel = gtk_event_controller_motion_new ();
  gtk_widget_add_controller (priv->side_panel, priv->on_panel);
  priv->fade = adw_timed_animation_new (GTK_WIDGET (self), 1, 1, FADE_MS,
                                        adw_property_animation_target_new (G_OBJECT (priv->side_panel), "opacity"));
  g_signal_connect_swapped (priv->fade, "done", G_CALLBACK (fade_done_cb), self);
}

static void
elab_page_class_init (ElabPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = elab_page_constructed;
  object_class->dispose = elab_page_dispose;
  object_class->get_property = elab_page_get_property;
  object_class->set_property = elab_page_set_property;

  widget_class->measure = elab_page_measure;
  widget_class->size_allocate = elab_page_size_allocate;
  widget_class->map = elab_page_map;
  widget_class->unmap = elab_page_unmap;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         ELAB_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Presentation mode and the ElabPresentationKeep bits of the models the
   * current scene changes, both bound from the window; the templates bind
   * their controls' visibility to them. */
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENE_KEEP] =
    g_param_spec_uint ("scene-keep", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ELAB_TYPE_PLOT_VIEW);
  g_type_ensure (ELAB_TYPE_PRESENTATION_KEEP);
}

static void
elab_page_init (ElabPage *self)
{
  ElabPagePrivate *priv = elab_page_get_instance_private (self);

  priv->bindings = elab_binding_group_new ();
  priv->plot_views = g_ptr_array_new ();
  priv->panel_revealed = TRUE;
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
  elab_plot_view_set_presentation (view, priv->presenting);
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

/* In presentation mode a control stays only while the scene moves what it
 * edits (@keep: its ElabPresentationKeep bits). */
static gboolean
kept_shown (gpointer this,
            gboolean presenting,
            guint    scene_keep,
            guint    keep)
{
  return !presenting || (scene_keep & keep) != 0;
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
  gtk_widget_class_bind_template_callback_full (widget_class, "kept_shown", G_CALLBACK (kept_shown));
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

void
elab_page_class_set_panel_keep (GtkWidgetClass *widget_class,
                                guint           keep)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), ELAB_TYPE_PAGE));

  ELAB_PAGE_CLASS (widget_class)->panel_keep = keep;
}
