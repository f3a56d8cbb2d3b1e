/* elab-prewarm.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The widget whose whole subtree is redrawn (the visible page), or NULL. */
typedef GtkWidget *(*ElabPrewarmRegionFunc) (GtkWidget *owner);

typedef struct _ElabPrewarm ElabPrewarm;

ElabPrewarm *elab_prewarm_new        (GtkWidget             *owner,
                                      ElabPrewarmRegionFunc  region);
void         elab_prewarm_free       (ElabPrewarm           *self);
void         elab_prewarm_schedule   (ElabPrewarm           *self);
void         elab_prewarm_postpone   (ElabPrewarm           *self);
gboolean     elab_prewarm_take_frame (ElabPrewarm           *self);
guint        elab_prewarm_get_runs   (ElabPrewarm           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElabPrewarm, elab_prewarm_free)

G_END_DECLS
