/* elab-cli-animation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `export --sweep … --out FILE.gif|FILE.webm|FILE.mp4` and a training
 * run recorded (`export --figure training --steps N --every K --out
 * run.mp4`): the plot layer's elab_sweep_export_animation() and
 * elab_run_export_animation() with their flags, a progress bar and their
 * errors mapped to exit statuses (usage 2, I/O, data and a missing
 * encoder 1).
 */
#include <string.h>
#include <unistd.h>

#include "elab-cli-animation.h"
#include "elab-cli-private.h"
#include "elab-cli-signals.h"
#include "elab-cli-sweep.h"
#include "elab-export.h"
#include "elab-run-animation.h"
#include "elab-trainer.h"

void
_elab_cli_animation_flags_add (ElabCliParser         *parser,
                               ElabCliAnimationFlags *flags)
{
  elab_cli_parser_append_description (parser,
                                      "With --out FILE.gif, FILE.webm or FILE.mp4 a sweep is one animation "
                                      "instead of numbered files:\n"
                                      "  entropy-lab export --figure cross-entropy --sweep theta-q:0.5:4 --frames 60 "
                                      "--out sweep.mp4\n"
                                      "MP4 is H.264 (yuv420p, so its width and height in pixels must be even), WebM "
                                      "is VP8, a GIF has one\npalette for the whole animation. --poster also writes "
                                      "the first frame as a PNG, for the slide\nto show before it plays.\n\n"
                                      "The training figures (training, landscape, training-both) without --sweep "
                                      "record the run as it plays,\nfrom step 0: a frame every --every K steps and "
                                      "one at the last step (--steps N, or where training\nstopped), "
                                      "⌈N/K⌉ + 1 frames, with the axes of the whole run from the first frame:\n"
                                      "  entropy-lab export --figure training-both --data challenger --standardize "
                                      "--lr 1 --steps 60 --every 2\n    --out run.mp4");
  elab_cli_parser_add_int (parser, "fps", ELAB_ANIMATION_MAX_FPS, &flags->fps, &flags->fps_seen,
                           "Frames per second of a GIF, WebM or MP4, 1…120 (GIF ≤ 50; default 30)", "N");
  elab_cli_parser_add_flag (parser, "loop", &flags->loop, "A GIF plays forever (the default)");
  elab_cli_parser_add_flag (parser, "no-loop", &flags->no_loop, "A GIF plays once and stops on its last frame");
  elab_cli_parser_add_double (parser, "hold", &flags->hold_s, &flags->hold_seen,
                              "Seconds the animation stays on its last frame, 0…600 (default 0)", "S");
  elab_cli_parser_add_string (parser, "poster", &flags->poster,
                              "Also write the animation's first frame as this PNG", "FILE.png");
}

int
_elab_cli_animation_flags_check_unused (const ElabCliAnimationFlags *flags)
{
  const char *flag = flags->fps_seen ? "--fps" : flags->loop ? "--loop" : flags->no_loop ? "--no-loop"
                     : flags->hold_seen ? "--hold" : flags->poster ? "--poster" : NULL;

  if (flag == NULL)
    return -1;
  return elab_cli_fail (ELAB_EXIT_USAGE, "%s: only for an animation (--out FILE.gif, FILE.webm or FILE.mp4)",
                        flag);
}

typedef struct
{
  gint64 last_us;
  int    last_width;
} Bar;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Bar *bar = user_data;
  gint64 now = g_get_monotonic_time ();
  int width = 30;
  int filled = (int) ((guint64) done * width / total);
  char line[128];
  int n;

  /* At most 20 redraws a second, and always the last one. */
  if (done < total && now - bar->last_us < G_USEC_PER_SEC / 20)
    return;
  bar->last_us = now;

  n = g_snprintf (line, sizeof line, "\rframe %u/%u [", done, total);
  for (int i = 0; i < width && n < (int) sizeof line - 8; i++)
    line[n++] = i < filled ? '#' : ' ';
  n += g_snprintf (line + n, sizeof line - n, "] %3u%%", (guint) ((guint64) done * 100 / total));
  bar->last_width = n;
  if (write (STDERR_FILENO, line, n) < 0)
    return;
}

int
_elab_cli_export_animation (const ElabCliAnimationFlags *flags,
                            ElabAnimationFormat          format,
                            const ElabSweepRequest      *req,
                            guint                        every,
                            const char                  *out)
{
  ElabAnimationOutput output = {
    .path = out,
    .format = format,
    .options = ELAB_ANIMATION_OPTIONS_INIT,
    .poster = flags->poster,
    .cancellable = elab_cli_signals_watch (),
  };
  g_autoptr(GError) error = NULL;
  ElabExportFormat poster_format;
  Bar bar = { 0, 0 };
  gboolean tty = isatty (STDERR_FILENO);
  gboolean ok;

  if (flags->loop && flags->no_loop)
    return elab_cli_fail (ELAB_EXIT_USAGE, "--loop and --no-loop: give one of them");
  if ((flags->loop || flags->no_loop) && format != ELAB_ANIMATION_GIF)
    return elab_cli_fail (ELAB_EXIT_USAGE,
                          "%s: %s files carry no loop setting (a slide program or browser decides); "
                          "only a GIF does", flags->loop ? "--loop" : "--no-loop",
                          elab_animation_format_name (format));
  if (!(flags->hold_s >= 0 && flags->hold_s <= ELAB_ANIMATION_MAX_HOLD_S))
    return elab_cli_fail (ELAB_EXIT_USAGE, "--hold: must be 0…%g seconds", ELAB_ANIMATION_MAX_HOLD_S);
  if (req->figure.style->transparent)
    return elab_cli_fail (ELAB_EXIT_USAGE, "--transparent: %s has no transparent background",
                          elab_animation_format_name (format));
  if (flags->poster != NULL
      && (!elab_export_format_from_path (flags->poster, &poster_format) || poster_format != ELAB_EXPORT_PNG))
    return elab_cli_fail (ELAB_EXIT_USAGE, "--poster: '%s' must be a .png file", flags->poster);

  output.options.fps = (guint) flags->fps;
  output.options.loop = !flags->no_loop;
  output.options.hold_s = flags->hold_s;
  output.progress = tty ? progress_cb : NULL;
  output.progress_data = &bar;

  if (req->sweep != NULL)
    ok = elab_sweep_export_animation (req, &output, &error);
  else
    {
      g_autoptr(ElabTrainer) trainer = _elab_cli_trainer_for_state (req->figure.state, FALSE, &error);

      /* The data set's own errors (FILE:LINE) as a plain export gives them. */
      if (trainer == NULL)
        return elab_cli_fail (ELAB_EXIT_DATA, "%s", error->message);
      ok = elab_run_export_animation (req->kind, &req->figure, elab_trainer_get_dataset (trainer), every, &output,
                                      NULL, &error);
    }
  if (tty && bar.last_width > 0)
    {
      /* Clear the bar so that the prompt or an error starts clean. */
      g_autofree char *blank = g_strnfill (bar.last_width, ' ');

      fprintf (stderr, "\r%s\r", blank);
    }
  if (ok)
    return ELAB_EXIT_OK;

  return _elab_cli_sweep_fail (error);
}
