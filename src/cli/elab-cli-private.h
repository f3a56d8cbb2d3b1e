/* elab-cli-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "elab-cli.h"
#include "elab-dataset.h"

G_BEGIN_DECLS

#define ELAB_EXIT_OK    0
#define ELAB_EXIT_DATA  1   /* bad data, I/O */
#define ELAB_EXIT_USAGE 2   /* bad flag or argument */

/* Prints `entropy-lab: error: <message>` on stderr and returns @status. */
int  elab_cli_fail           (int          status,
                              const char  *format,
                              ...) G_GNUC_PRINTF (2, 3);

/* The known word nearest a mistyped one: a subcommand, an option. */
typedef struct
{
  const char *best;       /* NULL: none near enough */
  guint       distance;
} ElabCliSuggestion;

#define ELAB_CLI_SUGGESTION_INIT { NULL, G_MAXUINT }

/* Keeps @candidate in @suggestion if it is nearer @word than the best so
 * far and near enough to be a typo of it. */
void elab_cli_suggestion_consider (ElabCliSuggestion *suggestion,
                                   const char        *word,
                                   const char        *candidate);

/* When @dataset's text labels had class 1 picked for them, says which on
 * stderr as `entropy-lab: note: …`, naming --positive. */
void elab_cli_note_labels    (const ElabDataset *dataset);

int  elab_cli_curves         (int argc, char **argv);
int  elab_cli_softmax        (int argc, char **argv);
int  elab_cli_export         (int argc, char **argv);
int  elab_cli_presets        (int argc, char **argv);
int  elab_cli_train          (int argc, char **argv);
int  elab_cli_datasets       (int argc, char **argv);
int  elab_cli_handout        (int argc, char **argv);

G_END_DECLS
