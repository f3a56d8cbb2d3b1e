/* elab-trace.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ELAB_STARTUP_TRACE=1 with ELAB_STARTUP_T0_NS (as tests/bench/startup.sh
 * sets it) prints milestones of start-up, in ms since exec, to stderr.
 */
#pragma once

#include <glib.h>

static inline void
elab_trace (const char *what)
{
  static int enabled = -1;
  const char *t0;

  if (enabled < 0)
    enabled = g_getenv ("ELAB_STARTUP_TRACE") != NULL;
  if (!enabled || (t0 = g_getenv ("ELAB_STARTUP_T0_NS")) == NULL)
    return;
  g_printerr ("elab-startup: %-12s %.1f ms\n", what,
              (g_get_real_time () * 1000.0 - g_ascii_strtod (t0, NULL)) / 1e6);
}
