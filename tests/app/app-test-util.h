/* app-test-util.h: main-loop and widget-finding helpers shared by the
 * widget tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "elab-plot-view.h"

/* A g_timeout_add_seconds() callback that raises the flag it is given. */
static inline gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* How many figures @view has drawn. */
static inline guint
frames_of (ElabPlotView *view)
{
  guint n = 0;

  elab_plot_view_get_draw_stats (view, NULL, NULL, &n);
  return n;
}

/* Spins the main loop until @view has drawn more than @frames figures;
 * fails after 20 s. */
static inline void
wait_for_frame (ElabPlotView *view,
                guint         frames)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);

  while (frames_of (view) <= frames && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static char *isolated_state_dir;

static inline void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
          g_free (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

static inline void
remove_isolated_state_dir (void)
{
  if (isolated_state_dir != NULL)
    remove_tree (isolated_state_dir);
  g_clear_pointer (&isolated_state_dir, g_free);
}

/* A window about to be made starts from the defaults: no last state (and
 * no lesson) saved by an earlier window of this process. */
static inline void
forget_last_state (void)
{
  char *path = g_build_filename (g_get_user_state_dir (), "entropy-lab", "last.elab", NULL);

  g_remove (path);
  g_free (path);
}

/* Gives this process a state directory of its own (where windows save
 * the last state), removed at exit: a test neither starts from what an
 * earlier run left nor races with another test, as with the memory
 * GSettings backend. Call before anything asks GLib for the directory. */
static inline void
isolate_state_dir (void)
{
  isolated_state_dir = g_dir_make_tmp ("elab-state-XXXXXX", NULL);
  g_assert_nonnull (isolated_state_dir);
  g_setenv ("XDG_STATE_HOME", isolated_state_dir, TRUE);
  atexit (remove_isolated_state_dir);
}

static inline GtkWidget *find_toplevel (GType      type,
                                        GtkWidget *not);

/* GTK 4.8's file chooser can draw its path bar before the path bar's
 * scroll button has a size, and then warns "Trying to snapshot GtkButton
 * … without a current allocation" (seen with the chooser's file queries
 * slowed by 30 ms): GTK's own widget, before a test has done anything to
 * the chooser, so no wait avoids it. That warning, while a file chooser
 * is up, is written as a test message and is not fatal; every other
 * message goes to GLib's writer as before (GTK logs structured). */
static inline GLogWriterOutput
log_writer_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (fields[i].length < 0 && strcmp (fields[i].key, "GLIB_DOMAIN") == 0)
      domain = fields[i].value;
    else if (fields[i].length < 0 && strcmp (fields[i].key, "MESSAGE") == 0)
      message = fields[i].value;

  if (g_strcmp0 (domain, "Gtk") == 0 && (log_level & G_LOG_LEVEL_WARNING) != 0 && message != NULL
      && g_str_has_prefix (message, "Trying to snapshot GtkButton ")
      && g_str_has_suffix (message, " without a current allocation")
      && find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL) != NULL)
    {
      g_test_message ("GTK 4.8's file chooser, not fatal here: %s", message);
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* What every window test's main() starts with: its own state directory,
 * GTK in test mode, and libadwaita. */
static inline void
app_test_init (int    *argc,
               char ***argv)
{
  g_log_set_writer_func (log_writer_cb, NULL, NULL);
  isolate_state_dir ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/* A control by its id in @widget's template of @type: as a person finds
 * it on screen, without an accessor for each. */
static inline GObject *
template_child (gpointer    widget,
                GType       type,
                const char *id)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, id);

  g_assert_nonnull (object);
  return object;
}

/* Emits @signal ("enter", "motion" or "leave") on @widget's motion
 * controllers, with the pointer at @x, @y ("leave" takes no place): the
 * pointer as the widget hears it, which the X server's real pointer,
 * wherever it rests, does not change. */
static inline void
emit_motion (GtkWidget  *widget,
             const char *signal,
             double      x,
             double      y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        g_signal_emit_by_name (controller, signal, x, y);
    }
}

/* Runs what the main loop has ready, without waiting for more. */
static inline void
spin (void)
{
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Writes to stderr each toplevel and the labels it shows: what a person
 * would have seen when a wait gave up. */
static inline void
describe_labels (GtkWidget *widget,
                 GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_label (GTK_LABEL (widget)) != '\0')
    g_string_append_printf (out, " \"%s\"", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    describe_labels (child, out);
}

static inline void
describe_screen (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      g_autoptr(GString) labels = g_string_new (NULL);

      describe_labels (window, labels);
      g_printerr ("# on screen: %s%s, labels:%s\n", G_OBJECT_TYPE_NAME (window),
                  gtk_widget_get_visible (window) ? "" : " (hidden)", labels->str);
    }
}

/* Spins the main loop until @done (@data) holds. The 120 s are a safety
 * net for a loaded machine, not a measure; if they run out, the failure
 * names the wait and what was on screen. */
#define wait_until(done, data) wait_until_at (G_STRLOC, #done, (done), (data))

static inline void
wait_until_at (const char  *where,
               const char  *what,
               gboolean   (*done) (gpointer),
               gpointer     data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (120, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    {
      describe_screen ();
      g_error ("%s: waited 120 s for %s", where, what);
    }
  g_source_remove (id);
}

/* The first widget of @type under @widget, itself included, or NULL. */
static inline GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label under @widget whose text is @text (or begins so, if
 * @prefix), or NULL. */
static inline GtkWidget *
find_label_full (GtkWidget  *widget,
                 const char *text,
                 gboolean    prefix)
{
  const char *label = GTK_IS_LABEL (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : NULL;

  if (label != NULL && (prefix ? g_str_has_prefix (label, text) : strcmp (label, text) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_full (child, text, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  return find_label_full (widget, text, FALSE);
}

/* The control a mnemonic label such as "F_rames" names. */
static inline GtkWidget *
control_of (GtkWidget  *widget,
            const char *mnemonic)
{
  GtkWidget *label = find_label (widget, mnemonic);

  g_assert_nonnull (label);
  return gtk_label_get_mnemonic_widget (GTK_LABEL (label));
}

/* wait_until() data: { window, text }; a label under the window whose
 * text starts with text. */
static inline gboolean
have_label (gpointer data)
{
  const char **what = data;

  return find_label_full (GTK_WIDGET (what[0]), what[1], TRUE) != NULL;
}

static inline gboolean
no_label (gpointer data)
{
  return !have_label (data);
}

/* wait_until() data: a file chooser that has selected a file. */
typedef struct
{
  GtkWidget *chooser;
  GFile     *file;
} Selection;

static inline gboolean
has_selection (gpointer data)
{
  Selection *s = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (s->chooser));

  return file != NULL && g_file_equal (file, s->file);
}

/* The first shown toplevel of @type other than @not, or NULL. */
static inline GtkWidget *
find_toplevel (GType      type,
               GtkWidget *not)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && window != not &&
          gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* For wait_until(): a message dialog other than @data is up. */
static inline gboolean
have_message_dialog (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, data) != NULL;
}

/* For wait_until(): a file chooser is up (GTK 4.8's fallback of the
 * native one). */
static inline gboolean
have_file_chooser (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL) != NULL;
}

static inline gboolean
no_file_chooser (gpointer data)
{
  return !have_file_chooser (data);
}

/* For wait_until(): the file chooser @data shows a folder. */
static inline gboolean
shows_folder (gpointer data)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (data));

  return folder != NULL;
}

/* Waits for a file chooser that starts in a folder (a save chooser
 * always does: the one it is given, or the working directory) and
 * returns it once it shows that folder. GTK 4.8's takes it
 * asynchronously and shows none until then; a folder asked for meanwhile
 * loses to it, as a folder change cancelled by a newer one still goes on
 * to its folder's parent (update_current_folder_get_info_cb), after the
 * newer one has landed. */
static inline GtkWidget *
wait_for_chooser_folder (void)
{
  GtkWidget *chooser;

  wait_until (have_file_chooser, NULL);
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  wait_until (shows_folder, chooser);
  return chooser;
}

/* Clicks @dialog's button labelled @label, which closes it: the dialog
 * must go with its widgets, no reference here keeping them alive. */
static inline void
click_response (GtkWidget  *dialog,
                const char *label)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (gtk_widget_get_ancestor (find_label (dialog, label), GTK_TYPE_BUTTON), "clicked");
  spin ();
  g_assert_null (dialog);
}

/* How many entries the folder @dir has. */
static inline guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Picks "Custom size", the last of the export dialog @dialog's sizes, at
 * @width × @height pixels, as a person would. */
static inline void
choose_custom_size (GtkWidget *dialog,
                    int        width,
                    int        height)
{
  GType type = G_OBJECT_TYPE (dialog);
  AdwComboRow *size = ADW_COMBO_ROW (template_child (dialog, type, "size_row"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (template_child (dialog, type, "custom_width_spin")), width);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (template_child (dialog, type, "custom_height_spin")), height);
  adw_combo_row_set_selected (size, g_list_model_get_n_items (adw_combo_row_get_model (size)) - 1);
}
