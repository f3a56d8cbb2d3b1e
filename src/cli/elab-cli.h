/* elab-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headless subcommands. Never initialises GTK: runs with no display.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @name is a subcommand (curves, softmax, train, export, presets,
 * datasets) or a top-level --help/--version the CLI answers. */
gboolean elab_cli_is_subcommand (const char *name);
/* The window's command line, checked before GApplication sees it: an
 * unknown option, a missing value or a mistyped subcommand is a usage
 * error in our format (returns 2 after printing it); a lesson file given
 * as a plain argument, as a file manager does, becomes --scenario FILE
 * (@argc and @argv are then replaced by a new array, never freed).
 * Returns -1 when the window should open. */
int      elab_cli_window_args   (int        *argc,
                                 char     ***argv);
/* argv[1] is the subcommand. Returns the process exit status: 0, 1 for bad
 * data or I/O, 2 for bad usage. */
int      elab_cli_main          (int         argc,
                                 char      **argv);

G_END_DECLS
