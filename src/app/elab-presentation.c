/* elab-presentation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What presentation mode does to the window as a whole: full screen, the
 * projector's light theme, the screen kept awake, "." blanking it, and
 * the scene's caption on each page's figure. The pages fold and float
 * their own panels (elab-page.c).
 */
#define G_LOG_DOMAIN "elab-presentation"

#include "elab-config.h"

#include <adwaita.h>

#include "elab-page.h"
#include "elab-presentation.h"
#include "elab-window-private.h"

#define PROJECTOR_CLASS "elab-projector"

struct _ElabPresentation
{
  /* Borrowed */
  ElabWindow     *window;

  /* Owned */
  gboolean        guessing;      /* the captioned view takes a click as a guess */
  ElabAnswer      truth;
  gboolean        forget_guess;
  char           *caption;
  char           *caption_room;  /* a question's revealed caption, kept room for */
  guint           inhibit_cookie;
  GtkApplication *inhibitor;

  gboolean        active;
  AdwColorScheme  saved_scheme;
};

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

  if (view == pass->captioned)
    {
      elab_plot_view_set_caption (view, pass->self->caption, pass->self->caption_room);
      elab_plot_view_set_guess (view, pass->self->guessing, &pass->self->truth, pass->self->forget_guess);
    }
  else
    elab_plot_view_set_caption (view, NULL, NULL);
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
    /* A side panel floating over the figure (elab-page.c). */
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

void
elab_presentation_set_blank (ElabPresentation *self,
                             gboolean          blank)
{
  g_return_if_fail (self != NULL);

  gtk_widget_set_visible (self->window->blank_screen, blank && self->active);
}

/* The screen must not blank or lock in the middle of a lecture. The
 * application is held with the cookie: a window that is destroyed has
 * left it before the presentation is freed. */
static void
inhibit_idle (ElabPresentation *self,
              gboolean          inhibit)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self->window));

  if (inhibit && self->inhibit_cookie == 0 && application != NULL)
    {
      self->inhibit_cookie = gtk_application_inhibit (application, GTK_WINDOW (self->window),
                                                      GTK_APPLICATION_INHIBIT_IDLE, "Presenting");
      if (self->inhibit_cookie != 0)
        g_set_object (&self->inhibitor, application);
    }
  else if (!inhibit && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (self->inhibitor, self->inhibit_cookie);
      self->inhibit_cookie = 0;
      g_clear_object (&self->inhibitor);
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
      gtk_window_fullscreen (GTK_WINDOW (self->window));
      inhibit_idle (self, TRUE);
    }
  else
    {
      elab_presentation_set_blank (self, FALSE);
      inhibit_idle (self, FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->window), PROJECTOR_CLASS);
      adw_style_manager_set_color_scheme (manager, self->saved_scheme);
      gtk_window_unfullscreen (GTK_WINDOW (self->window));
    }
}

void
elab_presentation_set_scene (ElabPresentation *self,
                             const char       *caption,
                             const char       *caption_room,
                             gboolean          guessing,
                             const ElabAnswer *truth,
                             gboolean          forget_guess)
{
  g_return_if_fail (self != NULL);

  g_free (self->caption);
  self->caption = g_strdup (caption);
  g_free (self->caption_room);
  self->caption_room = g_strdup (caption_room);
  self->guessing = guessing;
  self->truth = truth != NULL ? *truth : ELAB_ANSWER_INIT;
  self->forget_guess = forget_guess;
  elab_window_foreach_page (self->window, style_page_cb, self);
  self->forget_guess = FALSE;
}

ElabPresentation *
elab_presentation_new (ElabWindow *window)
{
  ElabPresentation *self;

  g_return_val_if_fail (ELAB_IS_WINDOW (window), NULL);

  self = g_new0 (ElabPresentation, 1);
  self->window = window;
  self->saved_scheme = ADW_COLOR_SCHEME_DEFAULT;
  self->truth = ELAB_ANSWER_INIT;
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
  inhibit_idle (self, FALSE);

  g_free (self->caption);
  g_free (self->caption_room);
  g_free (self);
}
