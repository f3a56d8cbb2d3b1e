/* elab-sweep-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built in code: a message dialog with a small grid as its extra child.
 * The frames go through the plot layer's elab_sweep_export(), the same as
 * the command line, so the window's sweep and `export --sweep` agree.
 */
#define G_LOG_DOMAIN "elab-sweep-dialog"

#include "elab-config.h"

#include <math.h>

#include "elab-animation-dialog.h"
#include "elab-sweep-animation.h"
#include "elab-sweep-dialog.h"

#define FRAME_PATTERN "frame-%04d.png"

const char * const *
elab_sweep_dialog_params_for (ElabFigureKind   kind,
                              const ElabState *state)
{
  static const char *entropy[] = { "theta-a", "bias-a", "theta-b", "bias-b", "theta-c", "bias-c",
                                   "x-min", "x-max", NULL };
  static const char *cross[] = { "theta-q", "bias-q", "theta-p", "bias-p", "x-min", "x-max", NULL };
  static const char *softmax[] = { "temperature", "logit-1", "logit-2", "logit-3", "logit-4",
                                   "logit-5", "logit-6", "logit-7", "logit-8", NULL };
  static const char *softmax_k[ELAB_SOFTMAX_MAX_K + 2];
  static const char *training[] = { "steps", "lr", "init-w", "init-b", NULL };

  switch (kind)
    {
    case ELAB_FIGURE_ENTROPY:
      return entropy;
    case ELAB_FIGURE_CROSS_ENTROPY:
      return cross;
    case ELAB_FIGURE_SOFTMAX:
      /* Only the logits there are. */
      for (guint i = 0; i <= MIN (state->k, ELAB_SOFTMAX_MAX_K); i++)
        softmax_k[i] = softmax[i];
      softmax_k[MIN (state->k, ELAB_SOFTMAX_MAX_K) + 1] = NULL;
      return softmax_k;
    case ELAB_FIGURE_TRAINING:
    case ELAB_FIGURE_LANDSCAPE:
    case ELAB_N_FIGURES:
    default:
      return training;
    }
}

/* A sensible sweep of @param from its value in @state. */
static void
suggest (const char      *param,
         const ElabState *state,
         ElabSweep       *res)
{
  double v = elab_sweep_get_value (param, state);

  g_strlcpy (res->param, param, sizeof res->param);
  if (!isfinite (v))
    v = 0.0;
  res->from = v;

  if (g_str_equal (param, "temperature") || g_str_equal (param, "lr"))
    res->to = v * 4.0;
  else if (g_str_equal (param, "steps"))
    {
      res->from = 1.0;
      res->to = MAX (v, 2.0);
    }
  else
    res->to = v + 3.0;
}

typedef struct
{
  ElabSweep       sweep;
  guint           n_frames;
  ElabFigureKind  kind;
  ElabState       state;
  char           *caption;
  int             width;
  int             height;
  gboolean        frames;        /* PNG frames into a folder, not an animation */
} SweepJob;

static void
sweep_job_free (gpointer data)
{
  SweepJob *job = data;

  g_free (job->caption);
  g_free (job);
}

static void
frame_written_cb (guint    done,
                  guint    total,
                  guint64  bytes,
                  double   seconds_left,
                  gpointer data)
{
  const ElabAnimationOutput *out = data;

  if (out->progress != NULL)
    out->progress (done, total, out->progress_data);
}

/* On the export's thread: PNG frames into the folder @out names, or one
 * animation file. */
static gboolean
write_sweep (gpointer                   data,
             const ElabAnimationOutput *out,
             guint                     *res_frames,
             GError                   **error)
{
  SweepJob *job = data;
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  ElabSweepRequest req = {
    &job->sweep, job->n_frames, job->kind, { &job->state, &style, job->width, job->height, 1.0 },
  };
  g_autofree char *pattern = NULL;

  elab_animation_dialog_fit (&req.figure, &style, out->format);
  style.caption = job->caption;
  if (job->frames)
    {
      pattern = g_build_filename (out->path, FRAME_PATTERN, NULL);
      return elab_sweep_export (&req, pattern, out->cancellable, frame_written_cb,
                                (gpointer) out, res_frames, error);
    }
  if (!elab_sweep_export_animation (&req, out, error))
    return FALSE;
  *res_frames = job->n_frames;
  return TRUE;
}

typedef struct
{
  ElabState       state;
  ElabFigureKind  kind;
  char           *caption;
  const char * const *params;
  GtkDropDown    *param;
  GtkSpinButton  *from;
  GtkSpinButton  *to;
  GtkSpinButton  *frames;
  GtkSpinButton  *width;
  GtkSpinButton  *height;
  GtkDropDown    *format;        /* PNG frames, then the animation formats */
} DialogData;

static void
dialog_data_free (gpointer  data,
                  GClosure *closure)
{
  DialogData *d = data;

  g_free (d->caption);
  g_free (d);
}

static void
format_changed_cb (GtkDropDown      *format,
                   GParamSpec       *pspec,
                   AdwMessageDialog *dialog)
{
  /* PNG frames go to a folder, an animation to one file. */
  adw_message_dialog_set_response_label (dialog, "export", gtk_drop_down_get_selected (format) == 0
                                                           ? "_Choose Folder…" : "_Choose File…");
}

static void
param_changed_cb (GtkDropDown *dropdown,
                  GParamSpec  *pspec,
                  DialogData  *d)
{
  guint i = gtk_drop_down_get_selected (dropdown);
  ElabSweep suggestion;

  if (i == GTK_INVALID_LIST_POSITION || d->params[i] == NULL)
    return;

  suggest (d->params[i], &d->state, &suggestion);
  gtk_spin_button_set_value (d->from, suggestion.from);
  gtk_spin_button_set_value (d->to, suggestion.to);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             DialogData       *d)
{
  static const char *names[] = { "sweep.gif", "sweep.webm", "sweep.mp4" };
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  guint i = gtk_drop_down_get_selected (d->param);
  guint format = gtk_drop_down_get_selected (d->format);
  g_autoptr(GError) error = NULL;
  ElabState last = d->state;
  SweepJob *job;

  if (g_strcmp0 (response, "export") != 0 || i == GTK_INVALID_LIST_POSITION)
    return;

  /* Read now: the dialog and its spin buttons go once this returns. */
  job = g_new0 (SweepJob, 1);
  g_strlcpy (job->sweep.param, d->params[i], sizeof job->sweep.param);
  job->sweep.from = gtk_spin_button_get_value (d->from);
  job->sweep.to = gtk_spin_button_get_value (d->to);
  job->n_frames = gtk_spin_button_get_value_as_int (d->frames);
  job->kind = d->kind;
  job->state = d->state;
  job->caption = g_strdup (d->caption);
  job->width = gtk_spin_button_get_value_as_int (d->width);
  job->height = gtk_spin_button_get_value_as_int (d->height);
  job->frames = !(format >= 1 && format <= 1 + ELAB_ANIMATION_MP4);

  /* The ends are the extremes of a linear sweep: if both validate, every
   * frame does. Say so now rather than after choosing a folder. */
  if (!elab_sweep_apply (&job->sweep, job->sweep.from, &last, &error) ||
      !elab_sweep_apply (&job->sweep, job->sweep.to, &last, &error))
    {
      elab_animation_dialog_show_error (parent, "Could Not Export the Sweep", error->message);
      sweep_job_free (job);
    }
  else if (job->frames)
    elab_animation_dialog_save (parent, "Choose a Folder for the Frames", NULL, write_sweep, job, sweep_job_free);
  else
    elab_animation_dialog_save (parent, "Export the Sweep as an Animation", names[format - 1], write_sweep, job,
                                sweep_job_free);
}

static GtkSpinButton *
add_spin (GtkGrid    *grid,
          int         row,
          const char *label,
          double      min,
          double      max,
          double      step,
          guint       digits,
          double      value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  return GTK_SPIN_BUTTON (elab_animation_dialog_add_row (grid, row, label, spin));
}

void
elab_sweep_dialog_present (GtkWindow      *parent,
                           ElabDocument   *document,
                           ElabFigureKind  kind,
                           const char     *caption)
{
  DialogData *d = g_new0 (DialogData, 1);
  GtkWidget *dialog;
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  const char * const *animations = elab_animation_dialog_format_names ();
  const char *formats[ELAB_ANIMATION_MP4 + 3] = { "PNG frames (a folder)" };
  ElabSweep suggestion;

  d->state = *elab_document_get_state (document);
  d->kind = kind;
  d->caption = g_strdup (caption);
  d->params = elab_sweep_dialog_params_for (kind, &d->state);
  suggest (d->params[0], &d->state, &suggestion);

  d->param = GTK_DROP_DOWN (elab_animation_dialog_add_row (grid, 0, "_Parameter", gtk_drop_down_new_from_strings (
                                                             (const char * const *) d->params)));
  d->from = add_spin (grid, 1, "_From", -ELAB_MAX_ABS_PARAM, ELAB_MAX_ABS_PARAM, 0.1, 3, suggestion.from);
  d->to = add_spin (grid, 2, "_To", -ELAB_MAX_ABS_PARAM, ELAB_MAX_ABS_PARAM, 0.1, 3, suggestion.to);
  d->frames = add_spin (grid, 3, "F_rames", 2, 10000, 1, 0, 60);
  d->width = add_spin (grid, 4, "_Width (px)", 16, 16384, 1, 0, 1920);
  d->height = add_spin (grid, 5, "_Height (px)", 16, 16384, 1, 0, 1080);
  g_signal_connect (d->param, "notify::selected", G_CALLBACK (param_changed_cb), d);
  for (guint i = 0; i <= ELAB_ANIMATION_MP4; i++)
    formats[i + 1] = animations[i];
  formats[ELAB_ANIMATION_MP4 + 2] = NULL;
  d->format = GTK_DROP_DOWN (elab_animation_dialog_add_row (grid, 6, "F_ormat", gtk_drop_down_new_from_strings (formats)));

  dialog = elab_animation_dialog_new (parent, "Export Sweep",
                                      "One parameter moves from From to To over the frames: as PNG frames, "
                                      "frame-0000.png, frame-0001.png, … in a folder you choose next, or as one "
                                      "MP4, WebM or GIF file for a slide.",
                                      grid, "export", "_Choose Folder…");
  /* The data goes with the dialog, answered or not. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), d, (GClosureNotify) dialog_data_free, 0);
  g_signal_connect (d->format, "notify::selected", G_CALLBACK (format_changed_cb), dialog);

  gtk_window_present (GTK_WINDOW (dialog));
}
