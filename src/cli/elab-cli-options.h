/* elab-cli-options.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every subcommand parses the same way: strict numbers, comma-separated
 * lists, choices such as --unit and --format, the model parameters shared
 * by `curves`, `softmax` and `export`, and printing numbers so that they
 * round-trip. A subcommand builds one ElabCliParser (a GOptionContext with
 * strict callbacks underneath), parses, then merges the flags it saw over
 * the defaults, a preset or a scenario.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "elab-figure.h"
#include "elab-params.h"
#include "elab-state.h"
#include "elab-trainer.h"

G_BEGIN_DECLS

/* The largest width or height in pixels the command line accepts. */
#define ELAB_CLI_MAX_PX   16384
/* A target distribution must sum to 1 within this; it is then renormalised. */
#define ELAB_CLI_SUM_TOLERANCE 1e-6

typedef enum
{
  ELAB_CLI_FORMAT_CSV,
  ELAB_CLI_FORMAT_JSON,
} ElabCliFormat;

typedef struct
{
  const char *name;
  int         value;
} ElabCliChoice;

typedef struct _ElabCliParser ElabCliParser;

ElabCliParser *elab_cli_parser_new         (const char          *command,
                                            const char          *summary,
                                            const char          *description);
void           elab_cli_parser_free        (ElabCliParser       *parser);
/* Adds a paragraph to the end of --help. */
void           elab_cli_parser_append_description (ElabCliParser *parser,
                                                   const char    *text);

/* Each add_* registers --@name. @seen (may be NULL) becomes TRUE when the
 * flag is given, so that a flag overrides a preset only when present. */
void           elab_cli_parser_add_double  (ElabCliParser       *parser,
                                            const char          *name,
                                            double              *target,
                                            gboolean            *seen,
                                            const char          *description,
                                            const char          *arg_description);
/* A whole number from 1 to @max. */
void           elab_cli_parser_add_int     (ElabCliParser       *parser,
                                            const char          *name,
                                            gint64               max,
                                            gint64              *target,
                                            gboolean            *seen,
                                            const char          *description,
                                            const char          *arg_description);
/* @choices ends with a { NULL, 0 } entry and must outlive the parser. */
void           elab_cli_parser_add_choice  (ElabCliParser       *parser,
                                            const char          *name,
                                            const ElabCliChoice *choices,
                                            int                 *target,
                                            const char          *description);
/* The string stays owned by the parser. */
void           elab_cli_parser_add_string  (ElabCliParser       *parser,
                                            const char          *name,
                                            const char         **target,
                                            const char          *description,
                                            const char          *arg_description);
void           elab_cli_parser_add_flag    (ElabCliParser       *parser,
                                            const char          *name,
                                            gboolean            *target,
                                            const char          *description);

/* Parses argv (argv[0] is the subcommand). Returns -1 when the caller
 * should go on, or the exit status to return: 2 after printing a usage
 * error. `--help` prints the help and exits 0. */
int            elab_cli_parser_parse       (ElabCliParser       *parser,
                                            int                  argc,
                                            char               **argv);

/* Groups of the parameter table's rows a subcommand takes as flags: the
 * rows' own ElabChange bits, and above them two groups of the command
 * line's own. Each row gives its flag: --NAME (and its older spelling),
 * --NAME and --no-NAME for a boolean, with the real default in --help. */
typedef enum
{
  ELAB_CLI_STATE_CURVES   = ELAB_CHANGE_PAIR | ELAB_CHANGE_RANGE,  /* p, q, the x range and samples */
  ELAB_CLI_STATE_SOFTMAX  = ELAB_CHANGE_SOFTMAX,   /* logits, temperature, target */
  ELAB_CLI_STATE_UNIT     = ELAB_CHANGE_UNIT,      /* --unit */
  ELAB_CLI_STATE_LOOK     = ELAB_CHANGE_LOOK,      /* theme, palette, notation */
  ELAB_CLI_STATE_MODELS   = ELAB_CHANGE_MODELS,    /* models A, B, C (entropy figure) */
  ELAB_CLI_STATE_TRAINING = ELAB_CHANGE_TRAINING,  /* data set, optimizer, learning rate … */
  ELAB_CLI_STATE_PRESET   = 1 << 8,                /* --preset */
  ELAB_CLI_STATE_SCENARIO = 1 << 9,                /* --scenario --scene */
} ElabCliStateGroups;

/* The two groups of the command line's own sit above every change bit. */
G_STATIC_ASSERT (((ELAB_CLI_STATE_PRESET | ELAB_CLI_STATE_SCENARIO) & ELAB_CHANGE_ALL) == 0);

#define ELAB_CLI_MAX_PARAMS 64

typedef struct
{
  ElabCliStateGroups groups;
  const char  *text[ELAB_CLI_MAX_PARAMS];  /* per table row: the value given, or NULL */
  const char  *flag[ELAB_CLI_MAX_PARAMS];  /* per table row: the flag as typed, "--lr" */
  const char  *preset;
  const char  *scenario;
  gint64       scene;          /* 1-based; 0: the scenario's own state */
  gboolean     reveal;         /* the scene after its reveal */
  const char  *probabilities;  /* the softmax model typed as P1,P2,… */
} ElabCliStateFlags;

void           elab_cli_state_flags_add    (ElabCliParser       *parser,
                                            ElabCliStateFlags   *flags,
                                            ElabCliStateGroups   groups);
/* The flags of a subcommand that prints what a state computes (`curves`,
 * `softmax`): a preset or a scenario, @groups' parameters, --unit, and
 * --format into @format (CSV with a header row, or one JSON object). */
void           elab_cli_state_flags_add_report (ElabCliParser     *parser,
                                                ElabCliStateFlags *flags,
                                                ElabCliStateGroups groups,
                                                int               *format);
/* Defaults, then the preset or the scenario (or one of its scenes), then
 * every flag given; then checks the result. @res_caption (may be NULL)
 * receives the scene's caption, or NULL; @res_caption_room (may be NULL)
 * a question's revealed caption, which the figure keeps room for
 * (style.caption_room), or NULL; @res_answer (may be NULL) what
 * a revealed question marks on the figure (elab_scene_get_answer()), or
 * nothing. Returns -1 on success, else an exit status after printing the
 * error (2 for usage, 1 for a scenario file that cannot be read). */
int            elab_cli_state_flags_apply  (const ElabCliStateFlags *flags,
                                            ElabState           *state,
                                            char               **res_caption,
                                            char               **res_caption_room,
                                            ElabAnswer          *res_answer);

/* elab_cli_parser_parse() of @argv, then elab_cli_state_flags_apply()
 * of @flags to @state (no caption): -1 to go on, else the exit status of
 * the first that stopped (0 after --help). */
int            elab_cli_state_flags_parse  (ElabCliParser       *parser,
                                            int                  argc,
                                            char               **argv,
                                            const ElabCliStateFlags *flags,
                                            ElabState           *state);

/* --figure NAME for export and bench: -1 when known, else the exit status
 * after printing the error with the list of figures. */
int            _elab_cli_figure_from_string (const char         *name,
                                             ElabFigureKind     *res);

/* The figure of a page: what a scenario draws without --figure. */
ElabFigureKind _elab_cli_figure_for_page    (ElabPageKind       page);

/* A trainer on @state's data set with its settings, run for its steps
 * when @run (the training and landscape figures). NULL with a data error
 * (`FILE:LINE: …`) when the data set cannot be read. */
ElabTrainer   *_elab_cli_trainer_for_state (const ElabState    *state,
                                             gboolean            run,
                                             GError            **error);

/* --format csv|json */
extern const ElabCliChoice elab_cli_format_choices[];

/* Printing. "%.17g" in the C locale so that every number round-trips;
 * "inf" / "-inf" in CSV. */
void           elab_cli_format_number      (char                *buf,
                                            gsize                size,
                                            double               value);
void           elab_cli_print_number       (FILE                *out,
                                            double               value);
/* A new builder with the document's object begun and its first member,
 * "unit": how the commands' JSON documents start. */
JsonBuilder   *elab_cli_json_begin         (ElabUnit             unit);
/* A number in JSON: finite values as numbers with 17 significant digits;
 * ±∞ as the strings "Infinity" / "-Infinity" (JSON has no infinity), NaN
 * (which no computation here should produce) as null. */
void           elab_cli_json_add_number    (JsonBuilder         *builder,
                                            double               value);
void           elab_cli_json_add_member    (JsonBuilder         *builder,
                                            const char          *name,
                                            double               value);
/* Prints the builder's root, pretty or compact, followed by a newline. */
void           elab_cli_json_print         (JsonBuilder         *builder,
                                            gboolean             pretty);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElabCliParser, elab_cli_parser_free)

G_END_DECLS
