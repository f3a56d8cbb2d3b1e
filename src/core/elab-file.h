/* elab-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a file the user named (a CSV, a scenario, a lesson's data set)
 * without trusting what it is: only a regular file of a bounded size is
 * read, so a FIFO, a device or a directory gives one clear error instead
 * of a hang or an endless read.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest CSV read: a million rows of a few columns take 20–60 MB,
 * so this leaves room for wide files without letting a stray log file
 * exhaust memory. */
#define ELAB_FILE_CSV_MAX_BYTES ((gsize) 512 * 1024 * 1024)

/* Maps @path read-only after checking, on the opened descriptor, that it
 * is a regular file of at most @max_bytes. The open never blocks (a FIFO
 * with no writer is refused, not waited on). Errors are G_FILE_ERROR and
 * read "PATH: not a regular file", "PATH: is a directory", "PATH: 1.2 GB
 * is larger than the limit of 512 MB" or "PATH: <strerror>". */
GMappedFile *elab_file_map_regular (const char  *path,
                                    gsize        max_bytes,
                                    GError     **error);

G_END_DECLS
