/* elab-bench.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The trainer's part of the bench (elab-bench-trainer.c): one gradient
 * step over @n_rows rows against the memory-bandwidth bound of reading
 * the same arrays. Fills ms per step (median) and ms per plain sum. */
gboolean elab_bench_trainer (guint    n_rows,
                             guint    repeats,
                             double  *res_step_ms,
                             double  *res_bound_ms,
                             GError **error);

G_END_DECLS
