/* elab-settings.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "elab-scenario.h"
#include "elab-state.h"

G_BEGIN_DECLS

typedef struct _ElabSettings ElabSettings;

/* Where the window's size and speed live. The installed GSettings schema when
 * there is one; else the schema compiled into the build dir, stored in a
 * keyfile under the user config dir (so a run from the build tree neither
 * aborts nor writes into the desktop's dconf); else a plain keyfile. Never
 * fails. GSETTINGS_BACKEND, when set, is respected. */
ElabSettings *elab_settings_new          (void);
void          elab_settings_free         (ElabSettings    *self);
/* "gsettings", "build-schema" or "keyfile": for tests. */
const char   *elab_settings_get_kind     (ElabSettings    *self);
/* The last state's file: last.elab in the user's state directory. */
const char   *elab_settings_get_state_path (ElabSettings  *self);
/* Sets @state from the last state's file, and returns the open lesson's
 * scenes (with the exercises a student solved): NULL when the last state
 * had none. A bad value keeps its default (with a message naming the
 * key); a file that cannot be read at all is moved aside (last.elab.bad,
 * or with the time added) and leaves @state untouched. Without a file,
 * the setup an earlier version kept in GSettings is read, and saved as
 * the file. */
ElabScenario *elab_settings_load_lesson  (ElabSettings    *self,
                                          ElabState       *state);
/* Writes the last state's file atomically, with @lesson's scenes (or
 * none), and pending window settings. */
void          elab_settings_save_lesson  (ElabSettings       *self,
                                          const ElabState    *state,
                                          const ElabScenario *lesson);
void          elab_settings_get_window   (ElabSettings    *self,
                                          int             *width,
                                          int             *height,
                                          gboolean        *maximized);
void          elab_settings_set_window   (ElabSettings    *self,
                                          int              width,
                                          int              height,
                                          gboolean         maximized);
double        elab_settings_get_training_speed (ElabSettings *self,
                                                double        fallback);
void          elab_settings_set_training_speed (ElabSettings *self,
                                                double        speed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElabSettings, elab_settings_free)

G_END_DECLS
