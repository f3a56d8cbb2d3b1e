/* elab-record-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built in code as Export Sweep… is: a message dialog with a small grid
 * as its extra child. The run is recorded by the plot layer's
 * elab_run_export_animation(), the same as the command line.
 */
#define G_LOG_DOMAIN "elab-record-dialog"

#include "elab-config.h"

#include <math.h>

#include "elab-animation-dialog.h"
#include "elab-record-dialog.h"
#include "elab-run-animation.h"

#define FPS 30

static const struct
{
  const char     *label;
  ElabFigureKind  kind;
  const char     *name;
} figures[] = {
  { "Both figures", ELAB_FIGURE_TRAINING_BOTH, "training-run" },
  { "Fit and loss", ELAB_FIGURE_TRAINING, "training-fit" },
  { "Loss landscape", ELAB_FIGURE_LANDSCAPE, "training-landscape" },
};

typedef struct
{
  ElabState       state;
  ElabFigureKind  kind;
  guint           every;
  int             width;
  int             height;
} RecordJob;

typedef struct
{
  ElabState       state;
  GtkDropDown    *figure;
  GtkSpinButton  *steps;
  GtkSpinButton  *every;
  GtkDropDown    *format;
  GtkSpinButton  *width;
  GtkSpinButton  *height;
} DialogData;

static void
dialog_data_free (gpointer  data,
                  GClosure *closure)
{
  g_free (data);
}

/* On the export's thread. */
static gboolean
record_run (gpointer                   data,
            const ElabAnimationOutput *out,
            guint                     *res_frames,
            GError                   **error)
{
  RecordJob *job = data;
  ElabAnimationOutput at_fps = *out;
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  ElabExportRequest figure = { &job->state, &style, job->width, job->height, 1.0 };

  at_fps.options.fps = FPS;
  elab_animation_dialog_fit (&figure, &style, out->format);
  return elab_run_export_animation (job->kind, &figure, NULL, job->every, &at_fps, res_frames, error);
}

static void
steps_changed_cb (GtkSpinButton *steps,
                  DialogData    *d)
{
  /* A frame at most every run. */
  gtk_spin_button_set_range (d->every, 1, MAX (1, gtk_spin_button_get_value_as_int (steps)));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             DialogData       *d)
{
  RecordJob *job;
  guint figure = gtk_drop_down_get_selected (d->figure);
  guint format = gtk_drop_down_get_selected (d->format);
  g_autofree char *name = NULL;
  static const char *extensions[] = { ".gif", ".webm", ".mp4" };

  if (g_strcmp0 (response, "record") != 0 || figure >= G_N_ELEMENTS (figures) || format > ELAB_ANIMATION_MP4)
    return;

  job = g_new0 (RecordJob, 1);
  job->state = d->state;
  job->state.steps = (guint) gtk_spin_button_get_value_as_int (d->steps);
  job->every = (guint) gtk_spin_button_get_value_as_int (d->every);
  job->kind = figures[figure].kind;
  job->width = gtk_spin_button_get_value_as_int (d->width);
  job->height = gtk_spin_button_get_value_as_int (d->height);
  name = g_strconcat (figures[figure].name, extensions[format], NULL);

  elab_animation_dialog_save (gtk_window_get_transient_for (GTK_WINDOW (dialog)), "Record the Training Run", name,
                              record_run, job, g_free);
}

static GtkSpinButton *
add_spin (GtkGrid    *grid,
          int         row,
          const char *label,
          double      min,
          double      max,
          double      value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  return GTK_SPIN_BUTTON (elab_animation_dialog_add_row (grid, row, label, spin));
}

void
elab_record_dialog_present (GtkWindow    *parent,
                            ElabDocument *document,
                            double        steps_per_second)
{
  DialogData *d = g_new0 (DialogData, 1);
  const char *figure_labels[G_N_ELEMENTS (figures) + 1];
  GtkWidget *dialog;
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  double every;

  d->state = *elab_document_get_state (document);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    figure_labels[i] = figures[i].label;
  figure_labels[G_N_ELEMENTS (figures)] = NULL;

  d->figure = GTK_DROP_DOWN (elab_animation_dialog_add_row (grid, 0, "F_igure",
                                                            gtk_drop_down_new_from_strings (figure_labels)));
  d->steps = add_spin (grid, 1, "_Steps", 1, ELAB_MAX_STEPS, d->state.steps);
  /* As the page plays it: its steps per second at 30 frames a second. */
  every = CLAMP (round (steps_per_second / FPS), 1, d->state.steps);
  d->every = add_spin (grid, 2, "A frame _every (steps)", 1, MAX (1, d->state.steps), every);
  d->format = GTK_DROP_DOWN (elab_animation_dialog_add_row (grid, 3, "F_ormat", gtk_drop_down_new_from_strings (
                                                              elab_animation_dialog_format_names ())));
  gtk_drop_down_set_selected (d->format, ELAB_ANIMATION_MP4);
  d->width = add_spin (grid, 4, "_Width (px)", 16, 16384, 1920);
  d->height = add_spin (grid, 5, "_Height (px)", 16, 16384, 1080);
  g_signal_connect (d->steps, "value-changed", G_CALLBACK (steps_changed_cb), d);

  dialog = elab_animation_dialog_new (parent, "Record the Training Run",
                                      "The run from step 0 as the page plays it, a frame every so many steps "
                                      "and one at the last, saved as a video or a GIF for a slide.",
                                      grid, "record", "_Choose File…");
  /* The data goes with the dialog, answered or not. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), d, dialog_data_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}
