/* elab-scenario.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scenarios: a state, and optionally an ordered list of scenes (each a full
 * state with a caption), saved to and read from a small human-readable
 * GKeyFile:
 *
 *   # Entropy Lab scenario
 *   [scenario]
 *   version=1
 *   scenes=1
 *
 *   [state]
 *   page=cross-entropy
 *   unit=bits
 *   x-min=-6
 *   …                       every key of the state (see elab-scenario.c)
 *   logits=2,1,0.1          k is the number of logits
 *   target=1,0,0
 *
 *   [scene 1]
 *   caption=H(p, q) is not H(q, p)
 *   page=cross-entropy
 *   …                       again every key
 *
 * Keys added after version 1 (loss-scale=linear|log) may be absent, so
 * older files still open with the default; every other key is required.
 *
 * Reading is strict: an unknown group or key, a duplicate, a missing key,
 * a wrong type, an out-of-range or non-finite value, a truncated or binary
 * file all give an ELAB_SCENARIO_ERROR naming the file, the line, the group
 * and the key, e.g. "lesson.elab:42: [scene 2] temperature: must be > 0
 * (got -1)". Nothing in a file, however malformed, can crash the reader
 * (it is fuzzed: tests/fuzz/fuzz-scenario.c).
 */
#pragma once

#include <glib.h>

#include "elab-state.h"

G_BEGIN_DECLS

#define ELAB_SCENARIO_VERSION     1
#define ELAB_SCENARIO_MAX_BYTES   (1024 * 1024)
#define ELAB_SCENARIO_MAX_SCENES  1000
#define ELAB_SCENARIO_CAPTION_MAX 4096   /* bytes */

#define ELAB_SCENARIO_ERROR (elab_scenario_error_quark ())

typedef enum
{
  ELAB_SCENARIO_ERROR_PARSE,    /* not a key file: binary, truncated, bad line */
  ELAB_SCENARIO_ERROR_INVALID,  /* unknown/missing/duplicate key, bad value */
  ELAB_SCENARIO_ERROR_VERSION,  /* written by a newer Entropy Lab */
} ElabScenarioError;

typedef struct
{
  ElabState  state;
  char      *caption;   /* UTF-8, never NULL ("" when none) */
} ElabScene;

typedef struct
{
  ElabState  state;     /* what the window shows when the file is opened */
  GPtrArray *scenes;    /* (element-type ElabScene) (owned), in order */
} ElabScenario;

GQuark        elab_scenario_error_quark (void);

/* A scenario holding a copy of @state (NULL: the defaults) and no scenes. */
ElabScenario *elab_scenario_new         (const ElabState     *state);
void          elab_scenario_free        (ElabScenario        *scenario);
/* Appends a scene holding copies of @state and @caption (NULL: ""). */
ElabScene    *elab_scenario_add_scene   (ElabScenario        *scenario,
                                         const ElabState     *state,
                                         const char          *caption);
gboolean      elab_scenario_equal       (const ElabScenario  *a,
                                         const ElabScenario  *b);

/* The file's text (UTF-8, NUL-terminated). Every number is written with
 * the fewest digits that read back to the same double. NULL, with @error
 * set, if a state does not validate (nothing unreadable is ever written). */
char         *elab_scenario_to_data     (const ElabScenario  *scenario,
                                         gsize               *length,
                                         GError             **error);
/* Parses @length bytes of @data (need not be NUL-terminated; may hold any
 * bytes). @filename only names the source in error messages (NULL:
 * "scenario"). */
ElabScenario *elab_scenario_from_data   (const char          *data,
                                         gsize                length,
                                         const char          *filename,
                                         GError             **error);
/* As elab_scenario_from_data(), but a bad, unknown or missing key costs
 * only itself: it keeps its default and its message (file, line, key) is
 * appended to @warnings (element-type utf8). Rules between fields that
 * fail reset the fields involved. A file that is not a scenario at all
 * still fails. For the saved last state, where one bad value must not
 * lose the rest. */
ElabScenario *elab_scenario_from_data_lenient (const char    *data,
                                               gsize          length,
                                               const char    *filename,
                                               GPtrArray     *warnings,
                                               GError       **error);

/* Writes atomically (a temporary file renamed over @path), so a failure
 * leaves any previous file intact and no half-written one behind. */
gboolean      elab_scenario_save_file   (const ElabScenario  *scenario,
                                         const char          *path,
                                         GError             **error);
/* Reads @path (at most ELAB_SCENARIO_MAX_BYTES); errors name @path. */
ElabScenario *elab_scenario_load_file   (const char          *path,
                                         GError             **error);

void          elab_scene_free           (ElabScene           *scene);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElabScenario, elab_scenario_free)

G_END_DECLS
