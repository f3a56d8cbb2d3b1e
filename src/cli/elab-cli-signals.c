/* elab-cli-signals.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A signal handler may not take locks, free memory or unlink what GLib
 * knows about; a thread that sigwait()s may. So the signals are blocked
 * and one thread receives them as ordinary events, cancels the work's
 * GCancellable, and the work cleans up on its own path.
 */
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include "elab-cli-signals.h"

static GCancellable *cancellable;
static int received;
static int exit_at_once;

static gpointer
watch_thread (gpointer data)
{
  sigset_t *set = data;

  for (;;)
    {
      int sig = 0;

      if (sigwait (set, &sig) != 0)
        continue;

      /* The second Ctrl-C is the user insisting: the work may be stuck in
       * a write that never returns. */
      if (g_atomic_int_get (&received) != 0 || g_atomic_int_get (&exit_at_once))
        _exit (128 + sig);

      g_atomic_int_set (&received, sig);
      g_cancellable_cancel (cancellable);
    }

  return NULL;
}

GCancellable *
elab_cli_signals_watch (void)
{
  static sigset_t set;

  if (cancellable != NULL)
    return cancellable;

  sigemptyset (&set);
  sigaddset (&set, SIGINT);
  sigaddset (&set, SIGTERM);
  pthread_sigmask (SIG_BLOCK, &set, NULL);

  cancellable = g_cancellable_new ();
  g_thread_unref (g_thread_new ("elab-signals", watch_thread, &set));

  return cancellable;
}

int
elab_cli_signals_exit_status (void)
{
  int sig = g_atomic_int_get (&received);

  return sig != 0 ? 128 + sig : 0;
}

void
elab_cli_signals_exit_at_once (void)
{
  g_atomic_int_set (&exit_at_once, TRUE);
}
