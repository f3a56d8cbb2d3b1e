/* elab-bench.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `make bench` (tests/bench/elab-bench): what one frame of a slider drag
 * costs. Each frame changes a parameter, recomputes the figure's samples
 * and renders the whole figure into an offscreen image surface. The
 * same figure is then redrawn by matplotlib (tests/bench/mpl_bench.py),
 * the slider-demo way and the blitting way, and the ratios printed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "elab-bench.h"
#include "elab-cli-options.h"
#include "elab-cli-output.h"
#include "elab-cli-private.h"
#include "elab-figure.h"
#include "elab-presets.h"

#define BENCH_DEFAULT_FRAMES     200
#define BENCH_DEFAULT_MPL_FRAMES 40
#define BENCH_WARMUP_FRAMES      3
#define BENCH_TRAINER_ROWS       1000000
#define BENCH_TRAINER_REPEATS    20
#define BAR_FULL_RATIO           30.0

typedef struct
{
  gboolean available;
  double   min_ms;
  double   median_ms;
  double   max_ms;
} Timing;

typedef struct
{
  ElabFigureKind kind;
  gboolean       skipped;       /* needs what the bench cannot give it */
  const char    *skip_reason;
  Timing         ours;
  Timing         mpl_full;
  Timing         mpl_blit;
} FigureResult;

typedef struct
{
  gboolean  available;
  char     *version;
  char     *error;
} MplInfo;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
timing_from_samples (double *ms,
                     guint   n,
                     Timing *res)
{
  qsort (ms, n, sizeof (double), compare_doubles);
  res->available = TRUE;
  res->min_ms = ms[0];
  res->max_ms = ms[n - 1];
  res->median_ms = n % 2 ? ms[n / 2] : 0.5 * (ms[n / 2 - 1] + ms[n / 2]);
}

/* A slider drag: the parameter goes back and forth over its range, one
 * step per frame, so every frame's curves differ from the last. */
static double
sweep (guint frame,
       double lo,
       double hi)
{
  const guint period = 60;
  double t = (double) (frame % period) / (period / 2);

  if (t > 1.0)
    t = 2.0 - t;
  return lo + (hi - lo) * t;
}

static void
drag (ElabFigureKind  kind,
      ElabState      *state,
      ElabTrainer    *trainer,
      guint           frame)
{
  switch (kind)
    {
    case ELAB_FIGURE_ENTROPY:
      state->models[1].theta = sweep (frame, 0.25, 4.0);
      break;
    case ELAB_FIGURE_CROSS_ENTROPY:
      state->q.theta = sweep (frame, 0.25, 4.0);
      break;
    case ELAB_FIGURE_SOFTMAX:
      state->logits[0] = sweep (frame, -2.0, 4.0);
      break;
    case ELAB_FIGURE_TRAINING:
    case ELAB_FIGURE_LANDSCAPE:
      /* The animation: one optimizer step per frame, from the start
       * again when the run ends. */
      if (elab_trainer_is_done (trainer))
        elab_trainer_reset (trainer, NULL);
      elab_trainer_step (trainer, 1);
      break;
    case ELAB_N_FIGURES:
    default:
      break;
    }
}

static void
bench_ours (FigureResult *result,
            guint         frames,
            int           width,
            int           height,
            double       *ms)
{
  g_autoptr(ElabFigure) figure = elab_figure_new (result->kind);
  g_autoptr(ElabTrainer) trainer = NULL;
  g_autoptr(GError) error = NULL;
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  cairo_surface_t *surface;
  ElabState state;
  cairo_t *cr;

  elab_state_init_default (&state);
  if (result->kind == ELAB_FIGURE_TRAINING || result->kind == ELAB_FIGURE_LANDSCAPE)
    {
      /* The lesson's run that converges (standardised, learning rate 1):
       * the defaults diverge at the first step, which is no animation. */
      elab_presets_apply ("challenger", &state);
      trainer = _elab_cli_trainer_for_state (&state, FALSE, &error);
      if (trainer == NULL)
        {
          result->skipped = TRUE;
          result->skip_reason = "the default data set cannot be read";
          g_printerr ("entropy-lab: warning: %s\n", error->message);
          return;
        }
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);

  for (guint i = 0; i < BENCH_WARMUP_FRAMES + frames; i++)
    {
      double start, end;

      start = now_ms ();
      drag (result->kind, &state, trainer, i);
      cairo_save (cr);
      elab_figure_draw (figure, cr, width, height, &state, trainer, &style);
      cairo_restore (cr);
      cairo_surface_flush (surface);
      end = now_ms ();

      if (i >= BENCH_WARMUP_FRAMES)
        ms[i - BENCH_WARMUP_FRAMES] = end - start;
    }

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    g_printerr ("entropy-lab: warning: %s: cairo: %s\n", elab_figure_kind_to_string (result->kind),
                cairo_status_to_string (cairo_status (cr)));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The script: $ELAB_MPL_BENCH, else the one beside this file. */
static char *
find_mpl_script (void)
{
  const char *env = g_getenv ("ELAB_MPL_BENCH");
  g_autofree char *source = g_build_filename (ELAB_BENCH_SOURCE_DIR, "mpl_bench.py", NULL);

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (source, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&source);

  return NULL;
}

static void
read_timing (JsonObject *object,
             const char *member,
             Timing     *res)
{
  JsonObject *timing;

  if (object == NULL || !json_object_has_member (object, member))
    return;
  timing = json_object_get_object_member (object, member);
  if (timing == NULL)
    return;

  res->available = TRUE;
  res->min_ms = json_object_get_double_member_with_default (timing, "min_ms", NAN);
  res->median_ms = json_object_get_double_member_with_default (timing, "median_ms", NAN);
  res->max_ms = json_object_get_double_member_with_default (timing, "max_ms", NAN);
}

/* Runs matplotlib once for every figure; fills what it measured. A
 * missing python3-matplotlib is reported, not an error. */
static void
bench_matplotlib (FigureResult *results,
                  guint         n_results,
                  guint         frames,
                  int           width,
                  int           height,
                  guint         samples,
                  MplInfo      *info)
{
  const char *python = g_getenv ("ELAB_PYTHON");
  g_autofree char *script = find_mpl_script ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GString) figures = g_string_new (NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  JsonObject *root, *figures_object;
  int wait_status = 0;

  if (python == NULL || *python == '\0')
    python = "/usr/bin/python3";
  g_clear_pointer (&info->error, g_free);

  if (script == NULL)
    {
      info->error = g_strdup ("tests/bench/mpl_bench.py not found (set ELAB_MPL_BENCH)");
      return;
    }
  if (!g_file_test (python, G_FILE_TEST_IS_EXECUTABLE))
    {
      info->error = g_strdup_printf ("%s not found", python);
      return;
    }

  for (guint i = 0; i < n_results; i++)
    if (!results[i].skipped)
      g_string_append_printf (figures, "%s%s", figures->len ? "," : "", elab_figure_kind_to_string (results[i].kind));
  if (figures->len == 0)
    return;

  g_ptr_array_add (args, g_strdup (python));
  g_ptr_array_add (args, g_strdup (script));
  g_ptr_array_add (args, g_strdup_printf ("--figures=%s", figures->str));
  g_ptr_array_add (args, g_strdup_printf ("--frames=%u", frames));
  g_ptr_array_add (args, g_strdup_printf ("--width=%d", width));
  g_ptr_array_add (args, g_strdup_printf ("--height=%d", height));
  g_ptr_array_add (args, g_strdup_printf ("--samples=%u", samples));
  g_ptr_array_add (args, NULL);

  if (!g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status,
                     &error) ||
      !g_spawn_check_wait_status (wait_status, &error))
    {
      g_strstrip (err);
      info->error = g_strdup_printf ("%s%s%s", error->message, err && *err ? ": " : "",
                                     err && *err ? err : "");
      return;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, out, -1, &error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      info->error = g_strdup_printf ("unreadable output from %s: %s", script,
                                     error ? error->message : "not an object");
      return;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_get_boolean_member_with_default (root, "available", FALSE))
    {
      info->error = g_strdup (json_object_get_string_member_with_default (root, "error", "matplotlib is missing"));
      return;
    }

  info->available = TRUE;
  g_free (info->version);
  info->version = g_strdup (json_object_get_string_member_with_default (root, "version", "?"));
  figures_object = json_object_get_object_member (root, "figures");
  for (guint i = 0; i < n_results && figures_object != NULL; i++)
    {
      const char *name = elab_figure_kind_to_string (results[i].kind);
      JsonObject *figure;

      if (results[i].skipped || !json_object_has_member (figures_object, name))
        continue;
      figure = json_object_get_object_member (figures_object, name);
      read_timing (figure, "full", &results[i].mpl_full);
      read_timing (figure, "blit", &results[i].mpl_blit);
    }
}

static double
ratio (const Timing *theirs,
       const Timing *ours)
{
  if (!theirs->available || !ours->available || !(ours->median_ms > 0.0))
    return NAN;
  return theirs->median_ms / ours->median_ms;
}

/* Best frame against best frame: on a machine shared with other work the
 * minimum is the least disturbed estimate of both sides. */
static double
ratio_min (const Timing *theirs,
           const Timing *ours)
{
  if (!theirs->available || !ours->available || !(ours->min_ms > 0.0))
    return NAN;
  return theirs->min_ms / ours->min_ms;
}

static const char *
yes_no (double value,
        double bar)
{
  if (isnan (value))
    return "-";
  return value >= bar ? "yes" : "NO";
}

static char *
format_timing (const Timing *timing,
               gboolean      all)
{
  if (!timing->available)
    return g_strdup ("-");
  if (!all)
    return g_strdup_printf ("%.2f", timing->median_ms);
  return g_strdup_printf ("%.2f / %.2f / %.2f", timing->min_ms, timing->median_ms, timing->max_ms);
}

static char *
format_ratio (double value)
{
  if (isnan (value))
    return g_strdup ("-");
  return g_strdup_printf ("%.1f×", value);
}

/* printf pads bytes; these cells hold UTF-8 (×, ≥), so pad by characters. */
static void
print_cell (const char *text,
            int         width,
            gboolean    left)
{
  int pad = MAX (0, width - (int) g_utf8_strlen (text, -1));

  if (left)
    printf ("%s%*s", text, pad, "");
  else
    printf ("%*s%s", pad, "", text);
}

static void
print_row (const char *figure,
           const char *ours,
           const char *full,
           const char *blit,
           const char *ratio_full,
           const char *ratio_blit,
           const char *bar_full,
           const char *bar_blit)
{
  print_cell (figure, 15, TRUE);
  print_cell (ours, 23, TRUE);
  print_cell (full, 9, FALSE);
  print_cell (blit, 9, FALSE);
  print_cell (ratio_full, 10, FALSE);
  print_cell (ratio_blit, 10, FALSE);
  print_cell (bar_full, 11, FALSE);
  print_cell (bar_blit, 11, FALSE);
  putchar ('\n');
}

static void
print_table (const FigureResult *results,
             guint               n_results,
             guint               frames,
             guint               mpl_frames,
             int                 width,
             int                 height,
             const MplInfo      *mpl,
             gboolean            mpl_wanted)
{
  printf ("Entropy Lab bench: recompute + render of a whole figure into a %d×%d image surface,\n"
          "one parameter changed per frame (a slider drag); ms per frame, median unless noted;\n"
          "ratios are medians over medians.\n",
          width, height);
  if (mpl->available)
    printf ("matplotlib %s (Agg), same figure, same size, same points: 'full' = set_ydata + canvas.draw()\n"
            "(its slider demo), 'blit' = curves only over a cached background (its best case).\n"
            "Frames: %u ours, %u matplotlib.\n\n",
            mpl->version, frames, mpl_frames);
  else if (mpl_wanted)
    printf ("matplotlib: not available (%s)\nFrames: %u.\n\n", mpl->error ? mpl->error : "unknown", frames);
  else
    printf ("matplotlib: skipped (--no-matplotlib)\nFrames: %u.\n\n", frames);

  print_row ("figure", "ours min/median/max", "mpl full", "mpl blit", "full/ours", "blit/ours", "≥30× full",
             "beats blit");
  for (guint i = 0; i < n_results; i++)
    {
      const FigureResult *r = &results[i];
      g_autofree char *ours = NULL, *full = NULL, *blit = NULL, *rf = NULL, *rb = NULL;
      double ratio_full, ratio_blit;

      if (r->skipped)
        {
          printf ("%-14s skipped: %s\n", elab_figure_kind_to_string (r->kind), r->skip_reason);
          continue;
        }

      ratio_full = ratio (&r->mpl_full, &r->ours);
      ratio_blit = ratio (&r->mpl_blit, &r->ours);
      ours = format_timing (&r->ours, TRUE);
      full = format_timing (&r->mpl_full, FALSE);
      blit = format_timing (&r->mpl_blit, FALSE);
      rf = format_ratio (ratio_full);
      rb = format_ratio (ratio_blit);
      print_row (elab_figure_kind_to_string (r->kind), ours, full, blit, rf, rb,
                 yes_no (ratio_full, BAR_FULL_RATIO), yes_no (ratio_blit, 1.0));
    }

  if (mpl->available)
    {
      printf ("\nBest frame against best frame (min/min), full/ours and blit/ours:");
      for (guint i = 0; i < n_results; i++)
        {
          double rf = ratio_min (&results[i].mpl_full, &results[i].ours);
          double rb = ratio_min (&results[i].mpl_blit, &results[i].ours);

          if (!results[i].skipped && !isnan (rf))
            printf ("\n  %-14s %.1f× and %.1f×", elab_figure_kind_to_string (results[i].kind), rf, rb);
        }
      putchar ('\n');
    }
}

static void
add_timing (JsonBuilder  *builder,
            const char   *name,
            const Timing *timing)
{
  json_builder_set_member_name (builder, name);
  if (!timing->available)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  elab_cli_json_add_member (builder, "min_ms", timing->min_ms);
  elab_cli_json_add_member (builder, "median_ms", timing->median_ms);
  elab_cli_json_add_member (builder, "max_ms", timing->max_ms);
  json_builder_end_object (builder);
}

static void
add_optional_number (JsonBuilder *builder,
                     const char  *name,
                     double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    elab_cli_json_add_number (builder, value);
}

static void
add_optional_bool (JsonBuilder *builder,
                   const char  *name,
                   double       value,
                   double       bar)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, value >= bar);
}

static int
run_bench (int    argc,
           char **argv)
{
  g_autoptr(ElabCliParser) parser = NULL;
  g_autoptr(GError) trainer_error = NULL;
  FigureResult results[ELAB_N_FIGURES];
  MplInfo mpl = { 0 };
  const char *figure_name = NULL;
  gint64 frames = BENCH_DEFAULT_FRAMES;
  gint64 mpl_frames = BENCH_DEFAULT_MPL_FRAMES;
  gint64 width = 1920;
  gint64 height = 1080;
  gboolean json = FALSE;
  gboolean no_matplotlib = FALSE;
  gboolean no_trainer = FALSE;
  gboolean trainer_ok = FALSE;
  gboolean mpl_tried = FALSE;
  double step_ms = NAN, bound_ms = NAN;
  guint n_results = 0;
  ElabState defaults;
  int status;

  parser = elab_cli_parser_new ("bench",
                                "Time one frame of a slider drag: recompute + render of a whole figure, side by "
                                "side with matplotlib.",
                                "Each frame changes one parameter (θ of a model, or a logit) as a drag would, "
                                "recomputes the\nfigure's samples and renders the whole figure into an offscreen "
                                "image surface. When Debian's\npython3-matplotlib is present, "
                                "tests/bench/mpl_bench.py draws the same figure on Agg at the\nsame size: 'full' "
                                "redraws the canvas as matplotlib's slider demo does, 'blit' redraws only\nthe "
                                "curves over a cached background. The bars: at least 30× faster than 'full', and "
                                "faster\nthan 'blit'. Then one gradient step of the trainer over 1,000,000 rows "
                                "against the\nmemory-bandwidth bound of reading the same arrays.\n\n"
                                "Environment: ELAB_MPL_BENCH (the script), ELAB_PYTHON (default /usr/bin/python3).\n"
                                "--json prints one object {\"width\", \"height\", \"frames\", \"matplotlib\", "
                                "\"figures\": […], \"trainer\"}.");
  elab_cli_parser_add_string (parser, "figure", &figure_name, "Only this figure (default: every figure)", "NAME");
  elab_cli_parser_add_int (parser, "frames", 100000, &frames, NULL, "Frames to time (default 200)", "N");
  elab_cli_parser_add_int (parser, "mpl-frames", 100000, &mpl_frames, NULL,
                           "Frames matplotlib draws per mode (default 40)", "N");
  elab_cli_parser_add_int (parser, "width", ELAB_CLI_MAX_PX, &width, NULL, "Surface width (default 1920)", "W");
  elab_cli_parser_add_int (parser, "height", ELAB_CLI_MAX_PX, &height, NULL, "Surface height (default 1080)",
                           "H");
  elab_cli_parser_add_flag (parser, "json", &json, "Print one JSON object instead of a table");
  elab_cli_parser_add_flag (parser, "no-matplotlib", &no_matplotlib, "Do not run matplotlib");
  elab_cli_parser_add_flag (parser, "no-trainer", &no_trainer, "Do not time the trainer");

  status = elab_cli_parser_parse (parser, argc, argv);
  if (status >= 0)
    return status;

  if (figure_name != NULL)
    {
      ElabFigureKind kind;

      status = _elab_cli_figure_from_string (figure_name, &kind);
      if (status >= 0)
        return status;
      results[n_results++] = (FigureResult) { .kind = kind };
    }
  else
    {
      for (int kind = 0; kind < ELAB_N_FIGURES; kind++)
        results[n_results++] = (FigureResult) { .kind = kind };
    }

  elab_state_init_default (&defaults);

  /* Half of our frames, matplotlib's, then the other half, figure by
   * figure: on a machine shared with other work both sides then run under
   * much the same load, which a single long run of each would not give. */
  for (guint i = 0; i < n_results; i++)
    {
      guint first = (guint) frames / 2;
      g_autofree double *ms = g_new (double, frames);

      bench_ours (&results[i], first, (int) width, (int) height, ms);
      if (results[i].skipped)
        continue;
      if (!no_matplotlib && (!mpl_tried || mpl.available))
        {
          bench_matplotlib (&results[i], 1, (guint) mpl_frames, (int) width, (int) height, defaults.samples, &mpl);
          mpl_tried = TRUE;
        }
      bench_ours (&results[i], (guint) frames - first, (int) width, (int) height, ms + first);
      timing_from_samples (ms, (guint) frames, &results[i].ours);
    }

  if (!no_trainer)
    trainer_ok = elab_bench_trainer (BENCH_TRAINER_ROWS, BENCH_TRAINER_REPEATS, &step_ms, &bound_ms,
                                         &trainer_error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "width");
      json_builder_add_int_value (builder, width);
      json_builder_set_member_name (builder, "height");
      json_builder_add_int_value (builder, height);
      json_builder_set_member_name (builder, "frames");
      json_builder_add_int_value (builder, frames);

      json_builder_set_member_name (builder, "matplotlib");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "available");
      json_builder_add_boolean_value (builder, mpl.available);
      json_builder_set_member_name (builder, mpl.available ? "version" : "error");
      if (mpl.available)
        json_builder_add_string_value (builder, mpl.version);
      else if (no_matplotlib)
        json_builder_add_string_value (builder, "skipped (--no-matplotlib)");
      else
        json_builder_add_string_value (builder, mpl.error ? mpl.error : "unknown");
      json_builder_set_member_name (builder, "frames");
      json_builder_add_int_value (builder, mpl_frames);
      json_builder_end_object (builder);

      json_builder_set_member_name (builder, "figures");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_results; i++)
        {
          const FigureResult *r = &results[i];
          double ratio_full = ratio (&r->mpl_full, &r->ours);
          double ratio_blit = ratio (&r->mpl_blit, &r->ours);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "figure");
          json_builder_add_string_value (builder, elab_figure_kind_to_string (r->kind));
          if (r->skipped)
            {
              json_builder_set_member_name (builder, "skipped");
              json_builder_add_string_value (builder, r->skip_reason);
            }
          add_timing (builder, "ours", &r->ours);
          add_timing (builder, "matplotlib_full", &r->mpl_full);
          add_timing (builder, "matplotlib_blit", &r->mpl_blit);
          add_optional_number (builder, "ratio_full", ratio_full);
          add_optional_number (builder, "ratio_blit", ratio_blit);
          add_optional_number (builder, "ratio_full_min", ratio_min (&r->mpl_full, &r->ours));
          add_optional_number (builder, "ratio_blit_min", ratio_min (&r->mpl_blit, &r->ours));
          add_optional_bool (builder, "bar_full_30x", ratio_full, BAR_FULL_RATIO);
          add_optional_bool (builder, "bar_beats_blit", ratio_blit, 1.0);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "trainer");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "available");
      json_builder_add_boolean_value (builder, trainer_ok);
      if (trainer_ok)
        {
          json_builder_set_member_name (builder, "rows");
          json_builder_add_int_value (builder, BENCH_TRAINER_ROWS);
          elab_cli_json_add_member (builder, "step_ms", step_ms);
          elab_cli_json_add_member (builder, "bound_ms", bound_ms);
          add_optional_number (builder, "ratio", bound_ms > 0 ? step_ms / bound_ms : NAN);
        }
      else
        {
          json_builder_set_member_name (builder, "error");
          json_builder_add_string_value (builder, no_trainer ? "skipped (--no-trainer)"
                                           : trainer_error ? trainer_error->message : "unknown");
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);

      elab_cli_json_print (builder, TRUE);
    }
  else
    {
      print_table (results, n_results, (guint) frames, (guint) mpl_frames, (int) width, (int) height, &mpl,
                   !no_matplotlib);
      if (no_trainer)
        printf ("\ntrainer: skipped (--no-trainer)\n");
      else if (trainer_ok)
        printf ("\ntrainer: one gradient step over %d rows: %.3f ms; memory-bandwidth bound %.3f ms; "
                "ratio %.2f (bar ≤ 2)\n",
                BENCH_TRAINER_ROWS, step_ms, bound_ms, bound_ms > 0 ? step_ms / bound_ms : NAN);
      else
        printf ("\ntrainer: not available (%s)\n", trainer_error ? trainer_error->message : "unknown");
    }

  g_free (mpl.version);
  g_free (mpl.error);

  if (elab_cli_output_finish () != 0)
    return ELAB_EXIT_DATA;

  return ELAB_EXIT_OK;
}

int
main (int    argc,
      char **argv)
{
  /* As the command line does: numbers in the C locale, errors and the
   * usage line under the program's own name. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_set_prgname ("entropy-lab");
  return run_bench (argc, argv);
}
