/* elab-cli-output.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the subcommands print: JSON that every parser accepts (numbers with
 * 17 significant digits, written by us rather than json-glib, whose
 * doubles come out as "1e-10.0"), streamed when a document is long, and a
 * check at exit that standard output really took what was written.
 */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* A finite double as a JSON number with 17 significant digits ("%.17g" in
 * the C locale, which is always valid JSON: "1e-10", "-0", "5e-324");
 * +∞ and −∞ as the strings "Infinity" and "-Infinity" (JSON has no
 * infinity, and a string keeps the document valid); NaN, which no
 * computation here should produce, as null. */
void  elab_cli_json_write_number (FILE       *out,
                                  double      value);
/* @text (UTF-8) as a JSON string, quotes and escapes included. */
void  elab_cli_json_write_string (FILE       *out,
                                  const char *text);

/* Flushes standard output: 0, or 1 (the exit status for I/O) after
 * printing `entropy-lab: error: write error: …` when a write failed. */
int   elab_cli_output_finish        (void);
/* Registers, once, a check at exit: standard output is flushed and, when
 * a write failed (a full disk, /dev/full), `entropy-lab: error: write
 * error: …` goes to stderr and the exit status becomes 1. Covers paths
 * that exit from inside GLib, such as --help. */
void  elab_cli_output_check_at_exit (void);

G_END_DECLS
