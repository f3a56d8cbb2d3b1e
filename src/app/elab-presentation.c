/* elab-presentation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presentation mode works on the window's pages, the plot views each page
 * holds and the panels it names beside them: the panels fold away, all
 * but the controls the scene keeps, which float over the figure. A page
 * added later is folded the same way.
 */
#define G_LOG_DOMAIN "elab-presentation"

#include "elab-config.h"

#include <string.h>
#include <adwaita.h>

#include "elab-model-editor.h"
#include "elab-page.h"
#include "elab-presentation.h"
#include "elab-window-private.h"

#define PROJECTOR_CLASS "elab-projector"
/* A widget of a page with this style class stays out in presentation mode
 * whatever the scene (the Training page's Play, Step and Reset). */
#define KEEP_CLASS "presentation-control"
/* The controls float over the figure and go when the pointer has rested
 * this long; so does the cross-hair (elab-plot-view.c). */
#define REST_SECONDS 3

typedef struct
{
  GtkWidget *widget;             /* a ref */
  GtkWidget *parent;             /* a ref: where it goes back to */
  GtkWidget *prev;               /* a ref or NULL: after this sibling */
  GtkWidget *page;               /* borrowed: the page it came from */
  GHashTable *groups;            /* prefix → the page's actions forwarded */
  gboolean   propagate_height;
} Floated;

static void
floated_free (gpointer data)
{
  Floated *f = data;

  g_clear_object (&f->widget);
  g_clear_object (&f->parent);
  g_clear_object (&f->prev);
  g_clear_pointer (&f->groups, g_hash_table_unref);
  g_free (f);
}

struct _ElabPresentation
{
  /* Borrowed */
  ElabWindow     *window;

  /* Owned */
  GPtrArray      *hidden;       /* (element-type GtkWidget): folded away by us */
  gboolean        guessing;      /* the captioned view takes a click as a guess */
  double          truth_x;
  gboolean        forget_guess;
  char           *caption;

  GPtrArray      *floated;      /* (element-type Floated): side panels over the figure */
  GtkOverlay     *overlay;      /* borrowed: over the page stack */
  GtkWidget      *controls;     /* in the overlay: a revealer of a box of floated panels */
  GtkWidget      *controls_box;
  GtkWidget      *blank;        /* in the overlay: "." covers the screen */
  GtkEventController *motion;   /* on the window: the controls come back */
  GtkEventController *on_controls; /* on the controls: they stay while in use */
  guint           rest_source;
  double          pointer_x;    /* where the pointer last was */
  double          pointer_y;
  guint           inhibit_cookie;

  gboolean        active;
  AdwColorScheme  saved_scheme;
  guint           keep;         /* ElabPresentationKeep: editors left out */
};

typedef struct
{
  GFunc    func;
  gpointer user_data;
} ForeachPass;

static void
foreach_page_view_cb (gpointer page,
                      gpointer user_data)
{
  ForeachPass *pass = user_data;

  elab_page_foreach_plot_view (page, pass->func, pass->user_data);
}

/* Every plot view of every page built so far. */
static void
foreach_plot_view (ElabPresentation *self,
                   GFunc             func,
                   gpointer          user_data)
{
  ForeachPass pass = { func, user_data };

  elab_window_foreach_page (self->window, foreach_page_view_cb, &pass);
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
is_kept (ElabPresentation *self,
         GtkWidget        *widget)
{
  /* A model editor says which model it edits. */
  return (ELAB_IS_MODEL_EDITOR (widget) &&
          (elab_model_editor_get_presentation_keep (ELAB_MODEL_EDITOR (widget)) & self->keep) != 0) ||
         gtk_widget_has_css_class (widget, KEEP_CLASS);
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

typedef struct
{
  ElabPresentation *self;
  ElabPage         *page;        /* the page being folded */
  GPtrArray        *to_float;    /* (element-type GtkWidget): panels of the shown page */
  guint             floated;
} FoldPass;

/* A panel beside the plots goes; one that holds a control the scene
 * keeps is folded to that control instead. */
static void
fold_panel_cb (gpointer panel,
               gpointer user_data)
{
  FoldPass *pass = user_data;
  ElabPresentation *self = pass->self;

  if (!holds_kept (self, panel))
    {
      hide (self, panel);
      return;
    }
  fold_inside (self, panel);
  /* Beside the figure it would take the figure's width: on the page in
   * view it floats over it instead. */
  if (gtk_widget_get_mapped (GTK_WIDGET (pass->page)) && self->overlay != NULL)
    g_ptr_array_add (pass->to_float, panel);
}

typedef struct
{
  GtkWidget  *page;              /* borrowed: outlives the floating */
  const char *name;              /* the page class's: "train.step" */
} Forward;

static void
forward_free (gpointer  data,
              GClosure *closure)
{
  g_free (data);
}

static void
forward_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   Forward       *forward)
{
  gtk_widget_activate_action_variant (forward->page, forward->name, parameter);
}

/* Out of its page, a panel's buttons no longer find the page's actions
 * (train.step…) up the widget tree: the floating panel gets action groups
 * of the same names that hand each activation to the page. Stateful
 * property actions stay behind, with the controls that use them. */
static void
forward_actions (Floated *f)
{
  GtkWidget *page = f->page;
  GHashTable *groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  GHashTableIter iter;
  gpointer prefix, group;
  const char *full;
  const GVariantType *parameter_type;
  const char *property;
  GType owner;

  for (guint i = 0;
       gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (page), i, &owner, &full, &parameter_type,
                                      &property);
       i++)
    {
      const char *dot = strchr (full, '.');
      g_autofree char *group_name = NULL;
      GSimpleActionGroup *actions;
      GSimpleAction *action;
      Forward *forward;

      if (dot == NULL || property != NULL)
        continue;
      group_name = g_strndup (full, dot - full);
      actions = g_hash_table_lookup (groups, group_name);
      if (actions == NULL)
        {
          actions = g_simple_action_group_new ();
          g_hash_table_insert (groups, g_strdup (group_name), actions);
        }
      action = g_simple_action_new (dot + 1, parameter_type);
      forward = g_new (Forward, 1);
      forward->page = page;
      forward->name = full;
      g_signal_connect_data (action, "activate", G_CALLBACK (forward_action_cb), forward, forward_free, 0);
      g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (action));
      g_object_unref (action);
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &prefix, &group))
    gtk_widget_insert_action_group (f->widget, prefix, group);
  f->groups = groups;
}

static void
unforward_actions (Floated *f)
{
  GHashTableIter iter;
  gpointer prefix;

  if (f->groups == NULL)
    return;
  g_hash_table_iter_init (&iter, f->groups);
  while (g_hash_table_iter_next (&iter, &prefix, NULL))
    gtk_widget_insert_action_group (f->widget, prefix, NULL);
  g_clear_pointer (&f->groups, g_hash_table_unref);
}

static void restart_rest (ElabPresentation *self);

static void
float_panel (ElabPresentation *self,
             GtkWidget        *widget,
             ElabPage         *page)
{
  Floated *f = g_new0 (Floated, 1);
  GtkWidget *prev = gtk_widget_get_prev_sibling (widget);

  f->page = GTK_WIDGET (page);
  f->widget = g_object_ref (widget);
  f->parent = g_object_ref (gtk_widget_get_parent (widget));
  f->prev = prev != NULL ? g_object_ref (prev) : NULL;
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      /* As tall as what is left in it, not as the screen. */
      f->propagate_height = gtk_scrolled_window_get_propagate_natural_height (GTK_SCROLLED_WINDOW (widget));
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (widget), TRUE);
    }
  g_ptr_array_add (self->floated, f);

  if (GTK_IS_BOX (f->parent))
    gtk_box_remove (GTK_BOX (f->parent), widget);
  else
    gtk_widget_unparent (widget);
  gtk_widget_add_css_class (widget, "elab-floating-controls");
  gtk_box_append (GTK_BOX (self->controls_box), widget);
  forward_actions (f);
}

static void
land_panels (ElabPresentation *self)
{
  /* Back where they were, last floated first. */
  for (guint i = self->floated->len; i > 0; i--)
    {
      Floated *f = g_ptr_array_index (self->floated, i - 1);

      unforward_actions (f);
      gtk_box_remove (GTK_BOX (self->controls_box), f->widget);
      gtk_widget_remove_css_class (f->widget, "elab-floating-controls");
      if (GTK_IS_SCROLLED_WINDOW (f->widget))
        gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (f->widget),
                                                          f->propagate_height);
      if (GTK_IS_BOX (f->parent))
        gtk_box_insert_child_after (GTK_BOX (f->parent), f->widget, f->prev);
      else
        gtk_widget_insert_after (f->widget, f->parent, f->prev);
    }
  g_ptr_array_set_size (self->floated, 0);
}

static void
fold_page_cb (gpointer page,
              gpointer user_data)
{
  FoldPass *pass = user_data;

  pass->page = page;
  elab_page_foreach_panel (page, fold_panel_cb, pass);
  /* Only the shown page has panels to float. */
  for (guint i = 0; i < pass->to_float->len; i++)
    float_panel (pass->self, g_ptr_array_index (pass->to_float, i), page);
  pass->floated += pass->to_float->len;
  g_ptr_array_set_size (pass->to_float, 0);
}

static void
fold_pages (ElabPresentation *self)
{
  FoldPass pass = { self, NULL, g_ptr_array_new (), 0 };

  elab_window_foreach_page (self->window, fold_page_cb, &pass);
  if (self->controls != NULL)
    gtk_widget_set_visible (self->controls, pass.floated > 0);
  g_ptr_array_unref (pass.to_float);
}

static void
unfold (ElabPresentation *self)
{
  land_panels (self);
  for (guint i = 0; i < self->hidden->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->hidden, i), TRUE);
  g_ptr_array_set_size (self->hidden, 0);
}

/* The header bar and the bottom switcher: Alt+1…4 and the scene keys
 * still work, and the plot gets the whole screen. */
static void
fold_chrome (ElabPresentation *self)
{
  hide (self, GTK_WIDGET (self->window->header_bar));
  hide (self, GTK_WIDGET (self->window->switcher_bar));
}

typedef struct
{
  ElabPresentation *self;
  gpointer          captioned;   /* the plot of the page being styled that has the caption */
} StylePass;

static void
last_view_cb (gpointer view,
              gpointer user_data)
{
  *(gpointer *) user_data = view;
}

static void
style_view_cb (gpointer view,
               gpointer user_data)
{
  StylePass *pass = user_data;

  elab_plot_view_set_presentation (view, pass->self->active);
  if (view == pass->captioned)
    {
      elab_plot_view_set_caption (view, pass->self->caption);
      elab_plot_view_set_caption_cover (view, pass->self->active ? pass->self->controls : NULL);
      elab_plot_view_set_guess (view, pass->self->guessing, pass->self->truth_x, pass->self->forget_guess);
    }
  else
    {
      elab_plot_view_set_caption (view, NULL);
      elab_plot_view_set_caption_cover (view, NULL);
    }
}

/* One caption per page, on its last plot: the Training page's is the
 * loss landscape on the right, which the floating controls at the bottom
 * left never cover, so the caption has the figure's whole width. */
static void
style_page_cb (gpointer page,
               gpointer user_data)
{
  StylePass pass = { user_data, NULL };

  elab_page_foreach_plot_view (page, last_view_cb, &pass.captioned);
  elab_page_foreach_plot_view (page, style_view_cb, &pass);
}

static void
queue_draw_cb (gpointer view,
               gpointer user_data)
{
  gtk_widget_queue_draw (view);
}

static void
style_views (ElabPresentation *self)
{
  elab_window_foreach_page (self->window, style_page_cb, self);
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
      fold_pages (self);
      fold_chrome (self);
      /* The floating controls may have changed size: the caption keeps
       * clear of them as they are now. */
      foreach_plot_view (self, queue_draw_cb, NULL);
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
    {
      elab_presentation_refresh (self);
      /* The controls the new scene moves: in view while they move. */
      if (self->controls != NULL)
        gtk_revealer_set_reveal_child (GTK_REVEALER (self->controls), TRUE);
      restart_rest (self);
    }
}

static void
ensure_css (GdkDisplay *display)
{
  static gboolean loaded;
  static const char css[] =
    "window." PROJECTOR_CLASS ", window." PROJECTOR_CLASS " .background {"
    "  background-color: #ffffff; color: #000000; }\n"
    /* Small, in the corner over the figure's margin: the figure keeps the
     * screen's every row. */
    ".elab-scene-label { font-size: 9pt; padding: 0 4px; margin: 2px;"
    "  border-radius: 4px; color: alpha(currentColor, 0.6);"
    "  background-color: alpha(@window_bg_color, 0.7); }\n"
    "window." PROJECTOR_CLASS " .elab-scene-label { font-size: 11pt; color: alpha(#000000, 0.55);"
    "  margin: 3px; background-color: alpha(#ffffff, 0.7); }\n"
    ".elab-floating-controls { background-color: alpha(#ffffff, 0.92); border-radius: 12px;"
    "  border: 1px solid alpha(#000000, 0.15); margin: 12px; font-size: 13pt; }\n"
    ".elab-blank { background-color: #000000; }\n"
    /* Without a compositor GTK frames a window with a solid border it
     * keeps in full screen (5 px of grey round the figure under openbox):
     * the figure takes the screen's edge rows too. */
    "window." PROJECTOR_CLASS ".solid-csd { margin: 0; padding: 0; border-width: 0;"
    "  box-shadow: none; border-radius: 0; }\n";
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded)
    return;
  loaded = TRUE;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static gboolean
rest_cb (gpointer user_data)
{
  ElabPresentation *self = user_data;

  self->rest_source = 0;
  /* Not while the pointer is on them: someone is using them. */
  if (self->controls != NULL && !gtk_event_controller_motion_contains_pointer (GTK_EVENT_CONTROLLER_MOTION (self->on_controls)))
    gtk_revealer_set_reveal_child (GTK_REVEALER (self->controls), FALSE);
  return G_SOURCE_REMOVE;
}

static void
restart_rest (ElabPresentation *self)
{
  g_clear_handle_id (&self->rest_source, g_source_remove);
  if (self->active)
    self->rest_source = g_timeout_add_seconds (REST_SECONDS, rest_cb, self);
}

static void
pointer_moved_cb (GtkEventControllerMotion *motion,
                  double                    x,
                  double                    y,
                  ElabPresentation         *self)
{
  /* GTK repeats the pointer's position when the layout under it
   * changes (a scene, a key): only a pointer that moved counts. */
  if (x == self->pointer_x && y == self->pointer_y)
    return;
  self->pointer_x = x;
  self->pointer_y = y;
  if (!self->active || self->controls == NULL)
    return;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->controls), TRUE);
  restart_rest (self);
}

void
elab_presentation_set_overlay (ElabPresentation *self,
                               GtkOverlay       *overlay)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_OVERLAY (overlay));
  g_return_if_fail (self->overlay == NULL);

  self->overlay = overlay;

  /* Named, so a screen reader (and a test) can tell them from the page. */
  self->controls_box = g_object_new (GTK_TYPE_BOX,
                                     "orientation", GTK_ORIENTATION_VERTICAL,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                     NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->controls_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "Scene controls", -1);
  self->controls = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->controls), GTK_REVEALER_TRANSITION_TYPE_CROSSFADE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->controls), TRUE);
  gtk_revealer_set_child (GTK_REVEALER (self->controls), self->controls_box);
  self->on_controls = gtk_event_controller_motion_new ();
  gtk_widget_add_controller (self->controls_box, self->on_controls);
  gtk_widget_set_halign (self->controls, GTK_ALIGN_START);
  gtk_widget_set_valign (self->controls, GTK_ALIGN_END);
  gtk_widget_set_visible (self->controls, FALSE);
  gtk_overlay_add_overlay (overlay, self->controls);

  self->blank = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->blank, "elab-blank");
  gtk_widget_set_visible (self->blank, FALSE);
  gtk_overlay_add_overlay (overlay, self->blank);

  self->motion = gtk_event_controller_motion_new ();
  gtk_event_controller_set_propagation_phase (self->motion, GTK_PHASE_CAPTURE);
  g_signal_connect (self->motion, "motion", G_CALLBACK (pointer_moved_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->window), self->motion);
}

gboolean
elab_presentation_get_controls_shown (ElabPresentation *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->controls != NULL && gtk_widget_get_visible (self->controls) &&
         gtk_revealer_get_reveal_child (GTK_REVEALER (self->controls));
}

void
elab_presentation_set_blank (ElabPresentation *self,
                             gboolean          blank)
{
  g_return_if_fail (self != NULL);

  if (self->blank != NULL)
    gtk_widget_set_visible (self->blank, blank && self->active);
}

gboolean
elab_presentation_get_blank (ElabPresentation *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->blank != NULL && gtk_widget_get_visible (self->blank);
}

/* The screen must not blank or lock in the middle of a lecture. */
static void
inhibit_idle (ElabPresentation *self,
              gboolean          inhibit)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self->window));

  if (application == NULL)
    return;
  if (inhibit && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (application, GTK_WINDOW (self->window),
                                                    GTK_APPLICATION_INHIBIT_IDLE, "Presenting");
  else if (!inhibit && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (application, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
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
      gtk_window_fullscreen (GTK_WINDOW (self->window));
      inhibit_idle (self, TRUE);
      if (self->controls != NULL)
        gtk_revealer_set_reveal_child (GTK_REVEALER (self->controls), TRUE);
      restart_rest (self);
    }
  else
    {
      g_clear_handle_id (&self->rest_source, g_source_remove);
      elab_presentation_set_blank (self, FALSE);
      inhibit_idle (self, FALSE);
      unfold (self);

      gtk_widget_remove_css_class (GTK_WIDGET (self->window), PROJECTOR_CLASS);
      adw_style_manager_set_color_scheme (manager, self->saved_scheme);
      elab_presentation_refresh (self);
      gtk_window_unfullscreen (GTK_WINDOW (self->window));
    }
}

gboolean
elab_presentation_get_active (ElabPresentation *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->active;
}

void
elab_presentation_set_guess (ElabPresentation *self,
                             gboolean          guessing,
                             double            truth_x,
                             gboolean          forget)
{
  g_return_if_fail (self != NULL);

  self->guessing = guessing;
  self->truth_x = truth_x;
  self->forget_guess = forget;
  style_views (self);
  self->forget_guess = FALSE;
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
elab_presentation_new (ElabWindow *window)
{
  ElabPresentation *self;

  g_return_val_if_fail (ELAB_IS_WINDOW (window), NULL);

  self = g_new0 (ElabPresentation, 1);
  self->window = window;
  self->hidden = g_ptr_array_new_with_free_func (g_object_unref);
  self->floated = g_ptr_array_new_with_free_func (floated_free);
  self->saved_scheme = ADW_COLOR_SCHEME_DEFAULT;
  self->truth_x = NAN;
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
  g_clear_handle_id (&self->rest_source, g_source_remove);
  inhibit_idle (self, FALSE);

  g_ptr_array_unref (self->floated);
  g_ptr_array_unref (self->hidden);
  g_free (self->caption);
  g_free (self);
}
