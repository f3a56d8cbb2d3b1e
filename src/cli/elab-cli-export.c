/* elab-cli-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `entropy-lab export`: one figure to PNG, SVG or PDF, drawn by the same
 * figure code as the window.
 */
#include <math.h>
#include <string.h>

#include "elab-cli-animation.h"
#include "elab-cli-options.h"
#include "elab-cli-private.h"
#include "elab-cli-signals.h"
#include "elab-cli-sweep.h"
#include "elab-export.h"
#include "elab-figure.h"
#include "elab-params.h"
#include "elab-presets.h"
#include "elab-quantities.h"
#include "elab-trainer.h"

static GString *
figure_names (void)
{
  GString *names = g_string_new (NULL);

  for (int kind = 0; kind < ELAB_N_FIGURES; kind++)
    g_string_append_printf (names, "%s%s", kind ? ", " : "", elab_figure_kind_to_string (kind));

  return names;
}

/* Parses --figure for export and bench alike. */
int
_elab_cli_figure_from_string (const char     *name,
                              ElabFigureKind *res)
{
  g_autoptr(GString) names = NULL;

  if (elab_figure_kind_from_string (name, res))
    return -1;

  names = figure_names ();
  return elab_cli_fail (ELAB_EXIT_USAGE, "--figure: unknown figure '%s' (one of: %s)", name, names->str);
}

ElabFigureKind
_elab_cli_figure_for_page (ElabPageKind page)
{
  switch (page)
    {
    case ELAB_PAGE_ENTROPY:
      return ELAB_FIGURE_ENTROPY;
    case ELAB_PAGE_TRAINING:
      return ELAB_FIGURE_TRAINING;
    case ELAB_PAGE_SOFTMAX:
      return ELAB_FIGURE_SOFTMAX;
    case ELAB_PAGE_CROSS_ENTROPY:
    default:
      return ELAB_FIGURE_CROSS_ENTROPY;
    }
}

ElabTrainer *
_elab_cli_trainer_for_state (const ElabState  *state,
                             gboolean          run,
                             GError          **error)
{
  ElabTrainer *trainer = elab_trainer_new_for_state (state, error);

  if (trainer == NULL)
    return NULL;
  elab_cli_note_labels (elab_trainer_get_dataset (trainer));
  if (run)
    elab_trainer_step (trainer, state->steps);

  return trainer;
}

int
elab_cli_export (int    argc,
                 char **argv)
{
  g_autoptr(ElabCliParser) parser = NULL;
  g_autoptr(ElabFigure) figure = NULL;
  g_autoptr(ElabTrainer) trainer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *caption = NULL;
  ElabAnswer answer;
  g_autofree char *caption_room = NULL;
  ElabCliStateFlags flags = { 0 };
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  ElabExportFormat format;
  ElabFigureKind kind;
  const char *figure_name = NULL;
  const char *out = NULL;
  gint64 width = 1920;
  gint64 height = 1080;
  double scale = 1.0;
  gboolean transparent = FALSE;
  ElabState state;
  int status;
  /* A sweep, and the training run the training figures show. */
  const char *sweep_text = NULL;
  gint64 frames = 30;
  gboolean frames_seen = FALSE;
  /* A training run recorded: a frame every so many steps. */
  gint64 every = 1;
  gboolean every_seen = FALSE;
  ElabSweep sweep;
  ElabSweepRequest req;
  /* An animation: GIF, WebM or MP4. */
  ElabCliAnimationFlags anim = ELAB_CLI_ANIMATION_FLAGS_INIT;
  ElabAnimationFormat anim_format;
  gboolean animation;
  /* The y axis held fixed by hand (NAN: the figure's own; a value given
   * is always finite). */
  double y_min = NAN, y_max = NAN;
  gboolean y_min_seen = FALSE, y_max_seen = FALSE;

  parser = elab_cli_parser_new ("export",
                                "Write a figure as PNG, SVG or PDF.",
                                "The figure is drawn by the same code as the window, so the same parameters give "
                                "the same pixels.\nThe format follows the extension of --out (.png, .svg or .pdf). "
                                "The file is written under a\ntemporary name and renamed into place: a failed "
                                "export leaves nothing behind.\n\n"
                                "--width and --height are in figure units (pixels of a PNG at --scale 1, points "
                                "of an SVG or PDF);\n--scale multiplies a PNG's pixel size (at most 16384 "
                                "pixels either way) and is ignored by SVG and PDF.\n\n"
                                "Figures: entropy, cross-entropy, softmax, training, landscape, training-both (see "
                                "`entropy-lab presets`).\nFlags given override --preset and --scenario. With --preset, --figure defaults "
                                "to the preset's figure;\nwith --scenario, to the figure of the page the scenario "
                                "was saved on, and --scene N draws scene N\nwith its caption.\n\n"
                                "Examples:\n"
                                "  entropy-lab export --figure cross-entropy --theta-q 0.5 --out slide.png\n"
                                "  entropy-lab export --figure softmax --logits 3,1,0.2,0 --temperature 2 "
                                "--out softmax.pdf\n"
                                "  entropy-lab export --figure cross-entropy --sweep theta-q:0.5:4 --frames 60 "
                                "--out frames/frame-%04d.png\n"
                                "  entropy-lab export --figure training --data challenger --standardize --lr 1 "
                                "--sweep steps:1:200 --frames 50 --out run/step-%03d.png\n\n"
                                "--sweep PARAM:FROM:TO moves one parameter linearly over --frames N frames "
                                "(FROM at the first,\nTO at the last), writing one numbered file per frame; "
                                "--out holds one %d, %Nd or %0Nd.\n"
                                "PARAM: theta-a … theta-c, bias-a … bias-c, theta-p, bias-p, theta-q, bias-q, "
                                "temperature,\nlogit-1 … logit-8, x-min, x-max, and for the training figures "
                                "steps, lr, momentum, init-w, init-b.\n"
                                "A failed or interrupted sweep removes the frames it created, never a file that "
                                "was there before;\nCtrl-C or SIGTERM also removes a half-written export "
                                "(exit 130 or 143).");
  /* What a lesson's questions and exercises can name. */
  {
    g_autoptr (GString) more = g_string_new ("Quantities that question (guess=) and exercise (goal=) scenes can "
                                             "name, besides every numeric parameter:\n");
    guint n;
    const ElabQuantity *q = elab_quantities (&n);

    for (guint i = 0; i < n; i++)
      g_string_append_printf (more, "  %-22s %s\n", q[i].name, q[i].help);
    elab_cli_parser_append_description (parser, more->str);
  }
  elab_cli_parser_add_string (parser, "figure", &figure_name,
                              "The figure to draw (required without --preset or --scenario, which imply theirs)",
                              "NAME");
  elab_cli_parser_add_string (parser, "out", &out, "Output file: FILE.png, FILE.svg or FILE.pdf (required)",
                              "FILE");
  elab_cli_parser_add_int (parser, "width", ELAB_CLI_MAX_PX, &width, NULL,
                           "Width in figure units, 1…16384 (default 1920)", "W");
  elab_cli_parser_add_int (parser, "height", ELAB_CLI_MAX_PX, &height, NULL,
                           "Height in figure units, 1…16384 (default 1080)", "H");
  elab_cli_parser_add_double (parser, "scale", &scale, NULL, "Pixel scale of a PNG, > 0 (default 1)", "S");
  elab_cli_parser_add_flag (parser, "transparent", &transparent, "No background: fully transparent");
  elab_cli_parser_add_string (parser, "sweep", &sweep_text,
                              "Sweep one parameter over the frames (see below)", "PARAM:FROM:TO");
  elab_cli_parser_add_int (parser, "frames", ELAB_SWEEP_MAX_FRAMES, &frames, &frames_seen,
                           "Number of frames of a sweep (default 30)", "N");
  elab_cli_parser_add_int (parser, "every", ELAB_MAX_STEPS, &every, &every_seen,
                           "A recorded training run's frame every K steps, 1…--steps (default 1)", "K");
  _elab_cli_animation_flags_add (parser, &anim);
  elab_cli_parser_add_double (parser, "y-min", &y_min, &y_min_seen,
                              "Bottom of the y axis (cross-entropy; default 0)", "Y");
  elab_cli_parser_add_double (parser, "y-max", &y_max, &y_max_seen,
                              "Top of the y axis (cross-entropy; default: the curves', one range for all "
                              "frames of a sweep)", "Y");
  elab_cli_state_flags_add (parser, &flags,
                            ELAB_CLI_STATE_PRESET | ELAB_CLI_STATE_SCENARIO | ELAB_CLI_STATE_LOOK |
                            ELAB_CLI_STATE_CURVES | ELAB_CLI_STATE_MODELS | ELAB_CLI_STATE_SOFTMAX |
                            ELAB_CLI_STATE_UNIT | ELAB_CLI_STATE_TRAINING);

  status = elab_cli_parser_parse (parser, argc, argv);
  if (status >= 0)
    return status;

  /* A preset is made for one figure, and a scenario was saved on one
   * page: either implies its figure, so --figure is only needed alone. */
  if (flags.preset != NULL && elab_presets_lookup (flags.preset) == NULL)
    return elab_cli_fail (ELAB_EXIT_USAGE, "--preset: no preset '%s' (see `entropy-lab presets`)", flags.preset);
  if (figure_name == NULL && flags.preset != NULL)
    figure_name = elab_presets_lookup (flags.preset)->figure;
  if (figure_name == NULL && flags.scenario == NULL)
    return elab_cli_fail (ELAB_EXIT_USAGE, "export: --figure NAME is required without --preset or --scenario "
                          "(see `entropy-lab presets`)");
  if (figure_name != NULL)
    {
      status = _elab_cli_figure_from_string (figure_name, &kind);
      if (status >= 0)
        return status;
    }

  if (out == NULL)
    return elab_cli_fail (ELAB_EXIT_USAGE, "export: --out FILE.png|FILE.svg|FILE.pdf is required");
  animation = elab_animation_format_from_path (out, &anim_format);
  if (animation)
    format = ELAB_EXPORT_PNG;
  else if ((status = _elab_cli_animation_flags_check_unused (&anim)) >= 0)
    return status;
  if (!animation && !elab_export_format_from_path (out, &format))
    {
      const char *dot = strrchr (out, '.');
      const char *slash = strrchr (out, '/');

      const char *base = slash ? slash + 1 : out;

      if (*base == '\0' || dot == base)
        return elab_cli_fail (ELAB_EXIT_USAGE, "--out: '%s' needs a file name (e.g. slide.png)", out);
      if (dot == NULL || (slash != NULL && dot < slash))
        return elab_cli_fail (ELAB_EXIT_USAGE, "--out: '%s' has no extension (use .png, .svg, .pdf, .gif, .webm or .mp4)", out);
      return elab_cli_fail (ELAB_EXIT_USAGE, "--out: unsupported file extension '%s' (use .png, .svg, .pdf, .gif, .webm or .mp4)",
                            dot);
    }

  if (!(scale > 0.0))
    return elab_cli_fail (ELAB_EXIT_USAGE, "--scale: must be greater than 0");
  if (format == ELAB_EXPORT_PNG)
    {
      double px_w = round (width * scale);
      double px_h = round (height * scale);

      if (px_w < 1 || px_h < 1 || px_w > ELAB_CLI_MAX_PX || px_h > ELAB_CLI_MAX_PX)
        return elab_cli_fail (ELAB_EXIT_USAGE,
                              "--scale: %" G_GINT64_FORMAT "×%" G_GINT64_FORMAT " at scale %g is %.0f×%.0f "
                              "pixels; each side must be 1…%d",
                              width, height, scale, px_w, px_h, ELAB_CLI_MAX_PX);
    }

  if (!(y_max > (y_min_seen ? y_min : 0)) && y_max_seen)
    return elab_cli_fail (ELAB_EXIT_USAGE, "--y-max: must be above --y-min (%g)", y_min_seen ? y_min : 0.0);
  if (sweep_text != NULL && !elab_sweep_parse (sweep_text, &sweep, &error))
    return elab_cli_fail (ELAB_EXIT_USAGE, "%s", error->message);
  if (sweep_text == NULL && frames_seen)
    return elab_cli_fail (ELAB_EXIT_USAGE, "--frames: only with --sweep PARAM:FROM:TO");
  if (every_seen && sweep_text != NULL)
    return elab_cli_fail (ELAB_EXIT_USAGE, "--every: records one training run; a --sweep trains a run per frame "
                          "instead (give one of them)");
  if (every_seen && !animation)
    return elab_cli_fail (ELAB_EXIT_USAGE, "--every: only when recording a training run to --out FILE.gif, "
                          "FILE.webm or FILE.mp4");
  /* The sweep sets its parameter on every frame: a flag for the same
   * parameter would be silently overridden. */
  if (sweep_text != NULL)
    {
      int index = -1;
      const ElabParam *param = elab_param_lookup (sweep.param, &index);
      guint row = param != NULL ? (guint) (param - elab_params (NULL)) : G_MAXUINT;

      /* --logits 1,2 with --sweep logit-1:…: the list gives the others. */
      if (row < ELAB_CLI_MAX_PARAMS && flags.text[row] != NULL && index < 0)
        return elab_cli_fail (ELAB_EXIT_USAGE, "%s: the --sweep sets %s on every frame (give one of them)",
                              flags.flag[row], sweep.param);
    }

  status = elab_cli_state_flags_apply (&flags, &state, &caption, &caption_room, &answer);
  if (status >= 0)
    return status;

  /* A scenario without --figure: the figure of the page it was saved on. */
  if (figure_name == NULL)
    kind = _elab_cli_figure_for_page (state.page);
  if (sweep_text != NULL)
    {
      const ElabParam *param = elab_param_lookup (sweep.param, NULL);

      if (param != NULL && !elab_figure_kind_shows (kind, param->group))
        return elab_cli_fail (ELAB_EXIT_USAGE, "--sweep %s: the %s figure does not show it (every frame would "
                              "be the same)", sweep.param, elab_figure_kind_to_string (kind));
    }

  style.theme = state.theme;
  style.palette = state.palette;
  style.transparent = transparent;
  style.caption = caption;
  style.truth = answer;
  style.caption_room = caption_room;
  style.y_min = y_min;
  style.y_max = y_max;

  /* Without a sweep, the training figures record their run. */
  if (animation && sweep_text == NULL && !elab_figure_kind_is_training (kind))
    return elab_cli_fail (ELAB_EXIT_USAGE, "--out: a %s animation needs --sweep PARAM:FROM:TO (or --figure "
                          "training, landscape or training-both to record a training run)",
                          elab_animation_format_name (anim_format));
  if (animation && sweep_text == NULL && every > state.steps)
    return elab_cli_fail (ELAB_EXIT_USAGE, "--every: %" G_GINT64_FORMAT " is more than the run's %u --steps",
                          every, state.steps);
  req = (ElabSweepRequest) {
    .sweep = sweep_text != NULL ? &sweep : NULL,
    .n_frames = (guint) frames,
    .kind = kind,
    .figure = { &state, &style, (int) width, (int) height, scale },
  };
  if (animation)
    return _elab_cli_export_animation (&anim, anim_format, &req, (guint) every, out);
  if (sweep_text != NULL)
    return _elab_cli_export_sweep (&req, out);

  /* The training figures show the state's run, trained for its steps. */
  if (elab_figure_kind_is_training (kind))
    {
      trainer = _elab_cli_trainer_for_state (&state, TRUE, &error);
      if (trainer == NULL)
        return elab_cli_fail (ELAB_EXIT_DATA, "%s", error->message);
    }

  figure = elab_figure_new (kind);
  if (!elab_export_figure_full (figure, &req.figure, trainer, format, out, elab_cli_signals_watch (), &error))
    {
      /* Interrupted: the temporary is gone, and so is the process. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return elab_cli_signals_exit_status ();
      return elab_cli_fail (ELAB_EXIT_DATA, "%s", error->message);
    }

  return ELAB_EXIT_OK;
}
