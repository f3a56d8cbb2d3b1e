/* elab-cli-sweep.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `export --sweep`: the plot layer's elab_sweep_export(), with its errors
 * mapped to exit statuses (usage 2, I/O and data 1).
 */
#include "elab-cli-private.h"
#include "elab-cli-progress.h"
#include "elab-cli-signals.h"
#include "elab-cli-sweep.h"

/* The bar says what the whole sweep will take, judged by the frames so
 * far: a course author sees at once that 5,000 frames are 3 GB and
 * twenty minutes, and can stop it. */
static void
progress_cb (guint    done,
             guint    total,
             guint64  bytes,
             double   seconds_left,
             gpointer user_data)
{
  g_autofree char *size = g_format_size (bytes);
  g_autofree char *note = NULL;

  if (seconds_left >= 90)
    note = g_strdup_printf ("%s in all, about %.0f min left", size, seconds_left / 60);
  else
    note = g_strdup_printf ("%s in all, about %.0f s left", size, seconds_left);
  _elab_cli_progress_update (user_data, done, total, note);
}

int
_elab_cli_export_sweep (const ElabSweepRequest *req,
                        const char             *pattern)
{
  g_autoptr(GError) error = NULL;
  ElabCliProgress bar;
  gboolean ok;

  _elab_cli_progress_init (&bar);
  ok = elab_sweep_export (req, pattern, elab_cli_signals_watch (), bar.tty ? progress_cb : NULL, &bar, NULL, &error);
  _elab_cli_progress_clear (&bar);
  if (ok)
    return ELAB_EXIT_OK;

  return _elab_cli_sweep_fail (error);
}

int
_elab_cli_sweep_fail (const GError *error)
{
  /* Interrupted: what this run created is removed already. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && elab_cli_signals_exit_status () != 0)
    return elab_cli_signals_exit_status ();

  if (error->domain == G_OPTION_ERROR)
    return elab_cli_fail (ELAB_EXIT_USAGE, "%s", error->message);
  return elab_cli_fail (ELAB_EXIT_DATA, "--out: %s", error->message);
}
