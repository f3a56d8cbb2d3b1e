/* elab-cli-progress.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A progress bar on stderr for the long exports (a sweep, an animation),
 * drawn only when stderr is a terminal: a pipe or a log gets nothing.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gboolean tty;
  gint64   last_us;
  int      last_width;
} ElabCliProgress;

/* Whether stderr is a terminal, and a bar not drawn yet. */
void  _elab_cli_progress_init   (ElabCliProgress *bar);

/* "frame @done/@total [####    ]  40%", then @note (may be NULL, e.g. an
 * estimate of what is left); redrawn at most 20 times a second, and
 * always at the end. */
void  _elab_cli_progress_update (ElabCliProgress *bar,
                                 guint            done,
                                 guint            total,
                                 const char      *note);

/* Clears the bar so that the prompt or an error starts clean. */
void  _elab_cli_progress_clear  (ElabCliProgress *bar);

G_END_DECLS
