/* elab-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A strict, one-pass reader for the two-column slice of a CSV file that the
 * trainer needs: a header row, comma separated, RFC 4180 quoting, UTF-8
 * with or without a byte-order mark, LF, CRLF or CR line ends, blank lines
 * skipped, the last line's newline optional. Every problem is a GError
 * whose message reads `FILE:LINE: what is wrong`, LINE counting from 1.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ELAB_CSV_ERROR (elab_csv_error_quark ())

typedef enum
{
  ELAB_CSV_ERROR_IO,             /* the file cannot be opened or read */
  ELAB_CSV_ERROR_EMPTY,          /* no header at all */
  ELAB_CSV_ERROR_NO_ROWS,        /* a header and no data rows */
  ELAB_CSV_ERROR_BINARY,         /* NUL, control bytes or invalid UTF-8 */
  ELAB_CSV_ERROR_QUOTE,          /* unterminated or misplaced quote */
  ELAB_CSV_ERROR_LINE_TOO_LONG,  /* a record over ELAB_CSV_MAX_LINE bytes */
  ELAB_CSV_ERROR_RAGGED,         /* a row with the wrong number of fields */
  ELAB_CSV_ERROR_NUMBER,         /* not a decimal number */
  ELAB_CSV_ERROR_NOT_FINITE,     /* NaN or infinity written out */
  ELAB_CSV_ERROR_OVERFLOW,       /* a number beyond the range of a double */
  ELAB_CSV_ERROR_LABEL,          /* not two label values, or no such positive value */
  ELAB_CSV_ERROR_COLUMN,         /* no such column, or too few columns */
} ElabCsvError;

/* Longest record accepted, in bytes: a sane bound so that a file of one
 * enormous line is an error, not an allocation of its whole size. */
#define ELAB_CSV_MAX_LINE (1024 * 1024)

/* Column-major result: @x and @y are contiguous arrays of @n_rows doubles
 * (struct of arrays, so a pass over them streams memory). */
typedef struct
{
  double   *x;
  double   *y;        /* every value exactly 0.0 or 1.0 */
  gsize     n_rows;
  char     *x_name;   /* header names of the columns chosen */
  char     *y_name;
  /* The label column's values as first written (trimmed): labels[0] is
   * class 0, labels[1] class 1; one of them NULL when the column holds a
   * single value. */
  char     *labels[2];
  /* TRUE when the labels are text and class 1 was picked by the default
   * rule rather than named, so a caller can say which it chose. */
  gboolean  positive_guessed;
} ElabCsvData;

/* Which columns hold x and the labels (header names: exact, then
 * case-insensitive), and which label value is class 1; NULL or "" for
 * each is the default described at elab_csv_parse(). */
typedef struct
{
  const char *x_column;
  const char *y_column;
  const char *positive;
} ElabCsvColumns;

GQuark       elab_csv_error_quark    (void);

/* Parses @length bytes of @text (not necessarily NUL-terminated) in one
 * linear pass. @columns (may be NULL: every default) picks the columns by
 * header name; by default x is the first column and y the last. @display_name is used in error messages. Returns FALSE and
 * sets @error on the first problem; @res is then left zeroed.
 *
 * The label column holds exactly two distinct values, both numbers or
 * both text (malignant/benign, yes/no, M/B); 0 or 1 alone is accepted
 * too. Its positive names the value that is class 1 (exact, then by
 * number, then case-insensitive); by default the larger number (1 for 0/1
 * labels), or for text the later of the two in case-insensitive
 * alphabetical order (malignant over benign, yes over no, true over false,
 * M over B). */
gboolean     elab_csv_parse          (const char            *text,
                                      gsize                  length,
                                      const char            *display_name,
                                      const ElabCsvColumns  *columns,
                                      ElabCsvData           *res,
                                      GError               **error);

/* Maps @path and parses it as elab_csv_parse() does. */
gboolean     elab_csv_load           (const char            *path,
                                      const ElabCsvColumns  *columns,
                                      ElabCsvData           *res,
                                      GError               **error);

/* The header's column names (trimmed), for a column picker; a
 * NULL-terminated array to free with g_strfreev(). */
char       **elab_csv_read_columns   (const char   *path,
                                      GError      **error);

/* Frees the arrays and names of @data and zeroes it; NULL-safe. */
void         elab_csv_data_clear     (ElabCsvData  *data);

G_END_DECLS
