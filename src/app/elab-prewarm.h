/* elab-prewarm.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _ElabPrewarm ElabPrewarm;

ElabPrewarm *elab_prewarm_new        (GtkWidget   *owner);
void         elab_prewarm_free       (ElabPrewarm *self);
void         elab_prewarm_schedule   (ElabPrewarm *self);
void         elab_prewarm_postpone   (ElabPrewarm *self);
void         elab_prewarm_snapshot   (ElabPrewarm *self,
                                      GtkSnapshot *snapshot);
gboolean     elab_prewarm_take_frame (ElabPrewarm *self);
guint        elab_prewarm_get_runs   (ElabPrewarm *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElabPrewarm, elab_prewarm_free)

G_END_DECLS
