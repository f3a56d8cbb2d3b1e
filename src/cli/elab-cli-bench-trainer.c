/* elab-cli-bench-trainer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>

#include "elab-cli-private.h"

gboolean
elab_cli_bench_trainer (guint    n_rows,
                        guint    repeats,
                        double  *res_step_ms,
                        double  *res_bound_ms,
                        GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "the trainer benchmark is not implemented yet");
  return FALSE;
}
