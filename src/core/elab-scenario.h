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
 * A scene may be a question or an exercise (keys added after version 1,
 * so files without them read as before):
 *
 *   kind=question
 *   question=Where is KL(p‖q) largest?
 *   choices=Near x = 0;In the tails;Everywhere the same
 *   answer=B                   or guess=argmax-kl-pq (a quantity)
 *   explanation=Where q is confident and wrong …
 *   after.q-theta=4            the state the reveal glides to (any key)
 *
 *   kind=exercise
 *   goal=mean-kl-pq <= 0.05 and q-theta >= 2
 *   tolerance=0.005
 *   hint=Move θ_q towards θ_p.
 *   explanation=…
 *   solved=true                the student's progress (the saved last state)
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

#include "elab-quantities.h"
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

/* What a scene does when it is shown. */
typedef enum
{
  ELAB_SCENE_CAPTION,    /* shows its state with its caption */
  ELAB_SCENE_QUESTION,   /* asks first; the next click reveals the answer */
  ELAB_SCENE_EXERCISE,   /* sets a goal on the live read-outs */
} ElabSceneKind;

#define ELAB_SCENE_MAX_CHOICES 4

typedef struct
{
  ElabState      state;        /* the "before" state */
  char          *caption;      /* UTF-8, never NULL ("" when none) */
  ElabSceneKind  kind;

  /* A question: the text, and either 2–4 choices with the answer's index,
   * or the name of a quantity to guess on the figure (elab-quantities.h). */
  char          *question;     /* NULL unless a question */
  char         **choices;      /* NULL-terminated, or NULL */
  int            answer;       /* 0-based index into choices, −1 when none */
  char          *guess;        /* a quantity, or NULL */
  /* The state the reveal glides to (a question's "after"). */
  gboolean       has_after;
  ElabState      after;
  /* What the reveal (or a solved exercise) explains; NULL when none. */
  char          *explanation;

  /* An exercise: a goal on the read-outs, its tolerance, a hint. */
  char          *goal;         /* NULL unless an exercise */
  double         tolerance;
  char          *hint;         /* NULL when none */
  gboolean       solved;       /* a student met the goal once (their progress) */
} ElabScene;

typedef struct
{
  ElabState  state;     /* what the window shows when the file is opened */
  GPtrArray *scenes;    /* (element-type ElabScene) (owned), in order */
  char      *comment;   /* the file's opening comment without its '#'s, or NULL
                         * for the default one; kept so a lesson saved again
                         * reads as its author wrote it */
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
/* Deep copies. */
ElabScene    *elab_scene_copy           (const ElabScene     *scene);
ElabScenario *elab_scenario_copy        (const ElabScenario  *scenario);
/* The scene's state as shown: the "after" state once @revealed. */
const ElabState *elab_scene_get_state   (const ElabScene     *scene,
                                         gboolean             revealed);
/* The text a figure shows under the plot for the scene: the caption, a
 * question with its lettered choices (the answer marked and the
 * explanation added once @revealed), or an exercise's goal in words. */
char         *elab_scene_card_text      (const ElabScene     *scene,
                                         gboolean             revealed);
/* The same for a printed handout: a guess is marked on paper, and the
 * answer is on the next page. */
char         *elab_scene_handout_text   (const ElabScene     *scene,
                                         gboolean             revealed);
/* TRUE for a question whose guess is a place on the x axis (an arg-max):
 * placed on the figure, its answer drawn there. */
gboolean      elab_scene_guesses_x      (const ElabScene     *scene);
/* The answer such a question marks on the figure once @revealed: every x
 * where the arg-max is reached in the revealed state. FALSE (and @res
 * empty) before the reveal, or for any other scene. */
gboolean      elab_scene_get_answer     (const ElabScene     *scene,
                                         gboolean             revealed,
                                         ElabAnswer          *res);
/* elab_scene_kind_to_string(), _from_string(): the "kind=…" spellings
 * caption, question, exercise. */
ELAB_DECLARE_ENUM_STRINGS (elab_scene_kind, ElabSceneKind)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElabScenario, elab_scenario_free)

G_END_DECLS
