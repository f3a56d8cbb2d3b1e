/* elab-cli-animation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "elab-cli-options.h"
#include "elab-sweep-animation.h"

G_BEGIN_DECLS

/* export's flags for GIF, WebM and MP4 output. */
typedef struct
{
  gint64       fps;
  gboolean     fps_seen;
  gboolean     loop;
  gboolean     no_loop;
  double       hold_s;
  gboolean     hold_seen;
  const char  *poster;
} ElabCliAnimationFlags;

#define ELAB_CLI_ANIMATION_FLAGS_INIT { 30, FALSE, FALSE, FALSE, 0.0, FALSE, NULL }

void  _elab_cli_animation_flags_add (ElabCliParser               *parser,
                                     ElabCliAnimationFlags       *flags);
/* Exit status 2 with the message printed when a flag of @flags is given
 * for an --out that is not an animation; -1 otherwise. */
int   _elab_cli_animation_flags_check_unused (const ElabCliAnimationFlags *flags);

/* Writes @req's sweep as one animation into @out, or when its sweep is
 * NULL the training run of its state recorded a frame every @every steps;
 * returns an exit status (ELAB_EXIT_*), the message already printed. A
 * progress bar goes to stderr when it is a terminal. */
int   _elab_cli_export_animation    (const ElabCliAnimationFlags *flags,
                                     ElabAnimationFormat          format,
                                     const ElabSweepRequest      *req,
                                     guint                        every,
                                     const char                  *out);

G_END_DECLS
