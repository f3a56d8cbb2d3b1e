/* elab-cli-sweep.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `export --sweep`: the plot layer's elab_sweep_export(), with its errors
 * mapped to exit statuses (usage 2, I/O and data 1).
 */
#include "elab-cli-private.h"
#include "elab-cli-signals.h"
#include "elab-cli-sweep.h"

int
_elab_cli_export_sweep (const ElabSweep       *sweep,
                        guint                  n_frames,
                        const char            *pattern,
                        ElabFigureKind         kind,
                        const ElabState       *state,
                        const ElabFigureStyle *style,
                        int                    width,
                        int                    height,
                        double                 scale,
                        ElabExportFormat       format)
{
  g_autoptr(GError) error = NULL;

  if (elab_sweep_export (sweep, n_frames, pattern, kind, state, style, width, height, scale, format,
                         elab_cli_signals_watch (), NULL, &error))
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
