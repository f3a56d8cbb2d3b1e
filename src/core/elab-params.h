/* elab-params.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one description of every parameter of an ElabState. Each row gives
 * the parameter's name (the scenario key, the sweep name and the long
 * flag), an older spelling kept as an alias, its type, where it lives in
 * the state, its range or choices, its change group, how a scene glides
 * it and a line of help. Defaults are never restated here: they come from
 * elab_state_init_default().
 *
 * Everything that handles parameters loops over this table: validation,
 * equality, scenario files (and the saved last state, which is one),
 * sweeps, scene gliding and diffs, the command-line flags and the window's
 * bindings. The few rules that tie several fields together (x-min <
 * x-max, a target that sums to 1, as many target values as logits) stay
 * as named code in elab_state_validate().
 */
#pragma once

#include <glib.h>

#include "elab-state.h"

G_BEGIN_DECLS

/* What part of the state a parameter belongs to, so that a listener redoes
 * only what it must. */
typedef enum
{
  ELAB_CHANGE_MODELS   = 1 << 0,  /* Entropy page: models A, B, C */
  ELAB_CHANGE_PAIR     = 1 << 1,  /* Cross-entropy page: p and q */
  ELAB_CHANGE_SOFTMAX  = 1 << 2,  /* K, logits, temperature, target */
  ELAB_CHANGE_RANGE    = 1 << 3,  /* x range and samples */
  ELAB_CHANGE_UNIT     = 1 << 4,
  ELAB_CHANGE_LOOK     = 1 << 5,  /* theme, palette, notation */
  ELAB_CHANGE_PAGE     = 1 << 6,
  ELAB_CHANGE_TRAINING = 1 << 7,
  ELAB_CHANGE_ALL      = 0xff,
} ElabChange;

typedef enum
{
  ELAB_PARAM_DOUBLE,
  ELAB_PARAM_UINT,
  ELAB_PARAM_BOOL,
  ELAB_PARAM_ENUM,
  ELAB_PARAM_STRING,
  ELAB_PARAM_LIST,     /* up to ELAB_SOFTMAX_MAX_K doubles, as many as state->k */
} ElabParamType;

/* How a scene moves from one value to the next. */
typedef enum
{
  ELAB_GLIDE_STEP,     /* jumps to the new value at the start */
  ELAB_GLIDE_LINEAR,
  ELAB_GLIDE_LOG,      /* linear in log(value): 0.1 → 10 spends as long below 1 */
} ElabGlide;

typedef enum
{
  ELAB_PARAM_FLAG_NONE     = 0,
  /* Added after version 1 of the scenario format: may be absent from a
   * file (the default then), and written only when not the default. */
  ELAB_PARAM_FLAG_OPTIONAL = 1 << 0,
  ELAB_PARAM_FLAG_MIN_OPEN = 1 << 1,   /* value > min rather than ≥ */
  ELAB_PARAM_FLAG_MAX_OPEN = 1 << 2,   /* value < max rather than ≤ */
  /* The list's length is state->k (the logits row owns k). */
  ELAB_PARAM_FLAG_OWNS_K   = 1 << 3,
  /* A string that may be empty ("" = a default choice). */
  ELAB_PARAM_FLAG_EMPTY_OK = 1 << 4,
  /* A list entry may be −∞ ("-inf"): the logit of a probability 0. */
  ELAB_PARAM_FLAG_NEG_INF_OK = 1 << 5,
} ElabParamFlags;

typedef struct _ElabParam ElabParam;

struct _ElabParam
{
  const char    *name;      /* scenario key, sweep name, long flag */
  const char    *alias;     /* the older flag and sweep spelling, or NULL */
  const char    *element;   /* LIST: one entry's name with %u (1-based), e.g. "logit-%u" */
  ElabParamType  type;
  gsize          offset;    /* in ElabState */
  gsize          size;      /* bytes owned in ElabState */
  double         min;       /* DOUBLE, UINT, LIST entries */
  double         max;
  const char  *(*to_string) (int value);   /* ENUM: NULL past the last value */
  ElabChange     group;
  ElabGlide      glide;
  ElabParamFlags flags;
  const char    *arg;       /* metavariable in --help, e.g. "θ" */
  const char    *help;      /* one line, no default: --help adds the real one */
};

/* The table, in the order scenario files write it. */
const ElabParam *elab_params                (guint            *n_params);
/* The row named @name (or its alias). For a LIST entry name such as
 * "logit-3" the list's row, with @res_index set to 2; otherwise
 * @res_index (may be NULL) is set to -1. NULL when unknown. */
const ElabParam *elab_param_lookup          (const char       *name,
                                             int              *res_index);

/* Text of the value as a scenario file writes it (fewest digits that read
 * back to the same double; enums by name; lists comma-separated). */
char            *elab_param_format          (const ElabParam  *param,
                                             const ElabState  *state);
/* Parses @text (the whole of it) into @state's field. Checks the type and
 * the row's own range, not the rules between fields. @index ≥ 0 sets one
 * entry of a LIST. G_OPTION_ERROR_BAD_VALUE "NAME: …" on failure. */
gboolean         elab_param_parse           (const ElabParam  *param,
                                             int               index,
                                             const char       *text,
                                             ElabState        *state,
                                             GError          **error);
/* Checks @state's field against the row: finite, in range, a known
 * choice, a terminated valid UTF-8 string. */
gboolean         elab_param_validate        (const ElabParam  *param,
                                             const ElabState  *state,
                                             GError          **error);
gboolean         elab_param_equal           (const ElabParam  *param,
                                             const ElabState  *a,
                                             const ElabState  *b);
/* Copies the row's field (a LIST with its length) from @src to @dst. */
void             elab_param_copy            (const ElabParam  *param,
                                             ElabState        *dst,
                                             const ElabState  *src);

/* A numeric view of DOUBLE, UINT, BOOL (0/1), ENUM (its value) and one
 * LIST entry (@index ≥ 0; NAN beyond k). */
double           elab_param_get_number      (const ElabParam  *param,
                                             int               index,
                                             const ElabState  *state);
/* Sets the field from a number (UINT rounded), then checks the row's
 * range. */
gboolean         elab_param_set_number      (const ElabParam  *param,
                                             int               index,
                                             double            value,
                                             ElabState        *state,
                                             GError          **error);
/* "within ±1e+06", "> 0", "in [0, 1)", "between 2 and 100000",
 * "bits or nats": what a message says is allowed. */
char            *elab_param_describe_range  (const ElabParam  *param);
/* The choices of an ENUM, comma-separated ("gd, momentum, newton"). */
char            *elab_param_choices         (const ElabParam  *param);

/* Sets G_OPTION_ERROR_BAD_VALUE "NAME: what" and returns FALSE. */
gboolean         elab_param_fail            (GError          **error,
                                             const char       *name,
                                             const char       *format,
                                             ...) G_GNUC_PRINTF (3, 4);

/* A printable, bounded copy of untrusted text for a message: control bytes
 * escaped, at most @limit bytes ("…" when cut, never inside a UTF-8
 * sequence), between two @marks. */
char            *elab_printable             (const char       *text,
                                             gsize             length,
                                             gsize             limit,
                                             const char       *mark);
/* elab_printable() in single quotes, at most 60 bytes. */
char            *elab_param_quote           (const char       *text,
                                             gsize             length);
/* Reads the whole of @text as a number in the C locale, with no space
 * before it. "inf" and "nan" read too: the caller says what it accepts.
 * FALSE, @res untouched, for anything else. */
gboolean         elab_param_read_double     (const char       *text,
                                             double           *res);
/* The fewest "%.Ng" digits that read back to exactly @value, in the C
 * locale (0.1 stays "0.1"). @buf holds G_ASCII_DTOSTR_BUF_SIZE bytes. */
void             elab_param_format_double   (char             *buf,
                                             gsize             size,
                                             double            value);

/* The softmax model given as its probabilities P₁…P_n instead of logits
 * (the four-symbol code 0.125, 0.5, 0.125, 0.25): 2…8 values ≥ 0 whose
 * sum is within @tolerance of 1. Sets k = n, the logits to ln(P_i / max P)
 * (the largest 0, a probability 0 a logit of −∞) and the temperature to
 * 1, so that softmax gives P back, renormalised where the sum was off by
 * rounding. The target is left as it is (it may no longer have k values).
 * On failure @state is unchanged and @error says why ("value 2 must be ≥
 * 0", "the values sum to 0.9; a distribution sums to 1"). */
gboolean         elab_state_set_probabilities (ElabState      *state,
                                               const double   *p,
                                               guint           n,
                                               double          tolerance,
                                               GError        **error);
/* Same from text, as a scenario file writes a list ("0.125, 0.5,
 * 0.125, 0.25"); messages start "probabilities: ". */
gboolean         elab_state_parse_probabilities (ElabState    *state,
                                                 const char   *text,
                                                 double        tolerance,
                                                 GError      **error);

/* The groups whose parameters differ between @a and @b. */
ElabChange       elab_state_diff            (const ElabState  *a,
                                             const ElabState  *b);
/* The state @t of the way from @a to @b (0 ≤ t ≤ 1), each parameter as its
 * row glides it; every intermediate state is valid. */
void             elab_state_interpolate     (const ElabState  *a,
                                             const ElabState  *b,
                                             double            t,
                                             ElabState        *res);

G_END_DECLS
