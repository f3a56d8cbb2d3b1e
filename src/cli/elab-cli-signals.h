/* elab-cli-signals.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SIGINT (Ctrl-C) and SIGTERM while `export` or `train` runs: the work
 * stops at its next frame, row or write, removes what this run wrote and
 * the process exits with 128 + the signal's number (130, 143).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Blocks SIGINT and SIGTERM in this thread and in every thread created
 * after it, and starts a thread that waits for them: the first cancels
 * the returned cancellable (owned here, never freed), a second one ends
 * the process at once with 128 + its number. Call before any thread is
 * created; later calls return the same cancellable. */
GCancellable *elab_cli_signals_watch       (void);
/* For work that wrote nothing to remove (rows on standard output): the
 * first signal ends the process at once with 128 + its number, also when
 * it is blocked writing to a pipe no one reads. */
void          elab_cli_signals_exit_at_once (void);
/* 128 + the signal received, or 0 when none has been. */
int           elab_cli_signals_exit_status (void);

G_END_DECLS
