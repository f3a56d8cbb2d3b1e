/* elab-renderer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Why OpenGL would be drawn by the CPU here, or NULL if a GPU may be there. */
const char *elab_renderer_software_gl_reason (void);

/* Picks GTK's renderer before GTK starts: see elab-renderer.c. */
void        elab_renderer_choose            (void);

G_END_DECLS
