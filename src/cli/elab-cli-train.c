/* elab-cli-train.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `entropy-lab train`: gradient descent (or momentum, or Newton's method)
 * on the mean cross-entropy (or the mean squared error) of a logistic
 * model, printing the path.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "elab-cli-options.h"
#include "elab-cli-output.h"
#include "elab-cli-private.h"
#include "elab-csv.h"
#include "elab-dataset.h"
#include "elab-trainer.h"

typedef struct
{
  double   factor;   /* nats → the unit asked for; 1 for a squared error */
  int      format;
  guint64  n_rows;
} Output;

/* JSON is streamed like CSV: a row is written as soon as it exists, so a
 * run of 10⁸ steps needs no more memory than one of 10. */
static void
json_member (const char *name,
             double      value)
{
  putchar (',');
  elab_cli_json_write_string (stdout, name);
  putchar (':');
  elab_cli_json_write_number (stdout, value);
}

static void
emit_row (Output            *out,
          const ElabTrainer *trainer)
{
  double loss = elab_trainer_get_loss (trainer) * out->factor;

  if (out->format == ELAB_CLI_FORMAT_JSON)
    {
      printf ("%s{\"step\":%" G_GUINT64_FORMAT, out->n_rows ? "," : "", elab_trainer_get_steps (trainer));
      json_member ("loss", loss);
      json_member ("w", elab_trainer_get_w (trainer));
      json_member ("b", elab_trainer_get_b (trainer));
      json_member ("grad_norm", elab_trainer_get_grad_norm (trainer));
      putchar ('}');
    }
  else
    {
      printf ("%" G_GUINT64_FORMAT ",", elab_trainer_get_steps (trainer));
      elab_cli_print_number (stdout, loss);
      putchar (',');
      elab_cli_print_number (stdout, elab_trainer_get_w (trainer));
      putchar (',');
      elab_cli_print_number (stdout, elab_trainer_get_b (trainer));
      putchar (',');
      elab_cli_print_number (stdout, elab_trainer_get_grad_norm (trainer));
      putchar ('\n');
    }
  out->n_rows++;
}

static char *
builtin_list (void)
{
  guint n;
  const ElabDatasetInfo *info = elab_dataset_get_builtins (&n);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", info[i].name);
  return g_string_free (s, FALSE);
}

int
elab_cli_train (int    argc,
                char **argv)
{
  g_autoptr(ElabCliParser) parser = NULL;
  g_autoptr(ElabDataset) dataset = NULL;
  g_autoptr(ElabTrainer) trainer = NULL;
  g_autoptr(GError) error = NULL;
  ElabTrainerSettings settings = ELAB_TRAINER_SETTINGS_INIT;
  ElabCliStateFlags flags;
  ElabState state;
  const ElabDatasetInfo *builtin;
  const char *data, *x_column, *y_column;
  int format = ELAB_CLI_FORMAT_CSV;
  double tolerance = settings.tolerance;
  gint64 steps, every = 1;
  ElabUnit unit;
  guint64 last_emitted = G_MAXUINT64;
  Output out;
  int status;

  parser = elab_cli_parser_new ("train",
                                "Fit p(x) = σ(w·x + b) to a data set by minimising the mean cross-entropy "
                                "(or, with --loss squared-error, the mean squared error).",
                                "--dataset (or --data) is a built-in data set (see `entropy-lab datasets`) or a CSV file with a "
                                "header row;\n"
                                "--x-column and --y-column (or --x, --y) pick its columns by header name (default: the first and the last). "
                                "The label column has two distinct values: 0/1, two other numbers\n"
                                "(the larger is class 1) or two words such as malignant/benign; --positive VALUE names class 1 "
                                "(default for words:\nthe later alphabetically, and a note on stderr says which).\n\n"
                                "CSV output: rows step,loss,w,b,grad_norm every --every steps (and the last step), "
                                "then a summary on stderr.\n"
                                "JSON output: {\"history\": [{\"step\", \"loss\", \"w\", \"b\", \"grad_norm\"}, …],\n"
                                "              \"result\": {\"w\", \"b\", \"loss\", \"steps\", \"grad_norm\", "
                                "\"converged\", \"status\", \"message\"}}\n"
                                "status is converged, max-steps, diverged or no-finite-optimum (separable data).\n\n"
                                "w and b are always on the data's own scale, also with --standardize. The cross-entropy "
                                "is in --unit, the squared error\nmean((ŷ−y)²) has no unit; "
                                "grad_norm is the norm of the gradient of the loss in nats (∂L/∂w = mean((ŷ−y)·x), "
                                "∂L/∂b = mean(ŷ−y);\nthe squared error's carries σ′: ∂L/∂w = mean(2(ŷ−y)·ŷ(1−ŷ)·x)).\n"
                                "Newton's method ignores --learning-rate. Numbers have 17 significant digits; an "
                                "infinite loss is inf in CSV\nand the string \"Infinity\" in JSON. The JSON is "
                                "streamed: memory does not grow with --steps.\n\n"
                                "Example:\n  entropy-lab train --data challenger --optimizer newton --steps 20");
  elab_cli_state_flags_add (parser, &flags,
                            ELAB_CLI_STATE_PRESET | ELAB_CLI_STATE_SCENARIO | ELAB_CLI_STATE_TRAINING |
                            ELAB_CLI_STATE_UNIT);
  elab_cli_parser_add_double (parser, "tolerance", &tolerance, NULL,
                              "converged when the gradient norm is below this (default 1e-8)", "TOL");
  elab_cli_parser_add_int (parser, "every", G_MAXINT32, &every, NULL, "print every N-th step (default 1)", "N");
  elab_cli_parser_add_choice (parser, "format", elab_cli_format_choices, &format,
                              "CSV rows (default) or one JSON object");

  /* The same defaults, preset or scenario as the window and `export`, so
   * the same data and flags give the same run everywhere. */
  status = elab_cli_state_flags_parse (parser, argc, argv, &flags, &state);
  if (status >= 0)
    return status;
  if (!(tolerance >= 0))
    return elab_cli_fail (ELAB_EXIT_USAGE, "--tolerance must be 0 or more, not %g", tolerance);

  data = state.dataset;
  x_column = state.x_column[0] ? state.x_column : NULL;
  y_column = state.y_column[0] ? state.y_column : NULL;
  steps = state.steps;
  unit = state.unit;

  if (x_column != NULL && y_column != NULL && strcmp (x_column, y_column) == 0)
    return elab_cli_fail (ELAB_EXIT_USAGE, "--x and --y both name column '%s'; the label needs its own column",
                          x_column);

  builtin = elab_dataset_find_builtin (data);
  if (builtin != NULL)
    {
      if (x_column != NULL && *x_column && g_strcmp0 (x_column, builtin->x_name) != 0)
        return elab_cli_fail (ELAB_EXIT_USAGE, "--x does not apply to the built-in data set '%s' (its x is '%s')",
                              data, builtin->x_name);
      if (y_column != NULL && *y_column && g_strcmp0 (y_column, builtin->y_name) != 0)
        return elab_cli_fail (ELAB_EXIT_USAGE, "--y does not apply to the built-in data set '%s' (its y is '%s')",
                              data, builtin->y_name);
    }
  else if (!g_file_test (data, G_FILE_TEST_EXISTS))
    {
      g_autofree char *names = builtin_list ();
      return elab_cli_fail (ELAB_EXIT_DATA, "%s: no such file, and not a built-in data set (%s)", data, names);
    }

  dataset = elab_dataset_load (data, x_column, y_column, state.positive, &error);
  if (dataset == NULL)
    {
      /* A column that does not exist is a bad flag, not bad data. */
      gboolean usage = g_error_matches (error, ELAB_CSV_ERROR, ELAB_CSV_ERROR_COLUMN) &&
                       ((x_column && *x_column) || (y_column && *y_column)) &&
                       strstr (error->message, "no column named") != NULL;
      return elab_cli_fail (usage ? ELAB_EXIT_USAGE : ELAB_EXIT_DATA, "%s", error->message);
    }
  elab_cli_note_labels (dataset);

  elab_trainer_settings_from_state (&state, &settings);
  settings.tolerance = tolerance;
  trainer = elab_trainer_new (dataset, &settings);

  out.factor = elab_trainer_loss_factor (state.loss, unit);
  out.format = format;
  out.n_rows = 0;
  if (format == ELAB_CLI_FORMAT_JSON)
    fputs ("{\"history\":[", stdout);
  else
    printf ("step,loss,w,b,grad_norm\n");

  emit_row (&out, trainer);
  last_emitted = 0;
  if (steps == 0)
    elab_trainer_step (trainer, 0);
  while (!elab_trainer_is_done (trainer) && steps > 0)
    {
      guint64 at = elab_trainer_get_steps (trainer);
      /* At most a few thousand steps between looks at the output, so a
       * write error ends a run with a large --every quickly. */
      guint n = (guint) MIN (every - (gint64) (at % every), 4096);

      if (ferror (stdout))
        break;

      elab_trainer_step (trainer, n);
      if (elab_trainer_get_steps (trainer) != last_emitted &&
          (elab_trainer_get_steps (trainer) % every == 0 || elab_trainer_is_done (trainer)))
        {
          emit_row (&out, trainer);
          last_emitted = elab_trainer_get_steps (trainer);
        }
    }

  /* A run no one can read ends here, with the write error alone. */
  if (ferror (stdout))
    {
      elab_cli_output_finish ();
      return ELAB_EXIT_DATA;
    }

  {
    ElabTrainStatus st = elab_trainer_get_status (trainer);
    const char *status_name = st == ELAB_TRAIN_STATUS_RUNNING ? "max-steps" : elab_train_status_to_string (st);
    double loss = elab_trainer_get_loss (trainer) * out.factor;
    double label_h = elab_dataset_label_entropy (elab_trainer_get_dataset (trainer)) * elab_unit_factor (unit);

    if (format == ELAB_CLI_FORMAT_JSON)
      {
        fputs ("],\"result\":{\"w\":", stdout);
        elab_cli_json_write_number (stdout, elab_trainer_get_w (trainer));
        json_member ("b", elab_trainer_get_b (trainer));
        json_member ("loss", loss);
        printf (",\"steps\":%" G_GUINT64_FORMAT, elab_trainer_get_steps (trainer));
        json_member ("grad_norm", elab_trainer_get_grad_norm (trainer));
        json_member ("label_entropy", label_h);
        printf (",\"converged\":%s,\"status\":", elab_trainer_get_converged (trainer) ? "true" : "false");
        elab_cli_json_write_string (stdout, status_name);
        fputs (",\"unit\":", stdout);
        elab_cli_json_write_string (stdout, elab_unit_to_string (unit));
        fputs (",\"loss_function\":", stdout);
        elab_cli_json_write_string (stdout, elab_loss_to_string (state.loss));
        fputs (",\"message\":", stdout);
        elab_cli_json_write_string (stdout, elab_trainer_get_message (trainer));
        fputs ("}}\n", stdout);
      }
    else
      {
        char w_buf[64], b_buf[64], loss_buf[64], h_buf[64];

        elab_cli_format_number (w_buf, sizeof w_buf, elab_trainer_get_w (trainer));
        elab_cli_format_number (b_buf, sizeof b_buf, elab_trainer_get_b (trainer));
        elab_cli_format_number (loss_buf, sizeof loss_buf, loss);
        elab_cli_format_number (h_buf, sizeof h_buf, label_h);
        fflush (stdout);
        /* The status says whether it converged: "converged at step 6: …". */
        fprintf (stderr, "%s at step %" G_GUINT64_FORMAT ": w = %s, b = %s, loss = %s %s\n%s\n"
                 "label entropy (the loss of always predicting the base rate) = %s %s\n",
                 status_name, elab_trainer_get_steps (trainer), w_buf, b_buf, loss_buf,
                 state.loss == ELAB_LOSS_SQUARED ? "(squared error)" : elab_unit_to_string (unit),
                 elab_trainer_get_message (trainer), h_buf, elab_unit_to_string (unit));
      }
  }

  if (elab_cli_output_finish () != 0)
    return ELAB_EXIT_DATA;
  return ELAB_EXIT_OK;
}
