/* elab-renderer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Why GTK @gtk_major.@gtk_minor would draw with OpenGL on the CPU here,
 * or NULL if a GPU may be there or that GTK chooses by itself (4.14 on). */
const char *elab_renderer_software_gl_reason (guint gtk_major,
                                              guint gtk_minor);

/* Picks GTK's renderer before GTK starts: see elab-renderer.c. */
void        elab_renderer_choose            (void);

G_END_DECLS
