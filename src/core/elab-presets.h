/* elab-presets.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Named presets that reproduce the lesson's figures. Each one starts from
 * elab_state_init_default() and changes what its figure needs.
 */
#pragma once

#include <glib.h>

#include "elab-state.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;         /* e.g. "bernoulli-asymmetry" */
  const char *figure;       /* the figure it is made for, e.g. "cross-entropy" */
  const char *description;  /* one line, shown by `entropy-lab presets` */
  void      (*apply)        (ElabState *state);
} ElabPreset;

const ElabPreset *elab_presets_get_all   (gsize       *n_presets);
const ElabPreset *elab_presets_lookup    (const char  *name);
/* Resets @state to the defaults and applies the preset. FALSE if unknown. */
gboolean          elab_presets_apply     (const char  *name,
                                          ElabState   *state);

G_END_DECLS
