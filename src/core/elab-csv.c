/* elab-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "elab-csv.h"
#include "elab-file.h"
#include "elab-params.h"

G_DEFINE_QUARK (elab-csv-error-quark, elab_csv_error)

typedef struct
{
  const char *p;
  const char *end;
  const char *name;     /* for messages */
  guint       line;     /* physical line of p, from 1 */
} Reader;

G_GNUC_PRINTF (5, 6) static void
set_error (GError     **error,
           const Reader *r,
           guint         line,
           ElabCsvError  code,
           const char   *format,
           ...)
{
  va_list args;
  g_autofree char *what = NULL;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, ELAB_CSV_ERROR, code, "%s:%u: %s", r->name, line, what);
}

/* A short, printable excerpt of a field for an error message. */
static char *
excerpt (const char *text)
{
  g_autofree char *cut = NULL;
  glong n = g_utf8_strlen (text, -1);

  if (n <= 32)
    return g_strescape (text, NULL);
  cut = g_malloc0 (4 * 32 + 1);
  g_utf8_strncpy (cut, text, 32);
  {
    g_autofree char *esc = g_strescape (cut, NULL);
    return g_strconcat (esc, "…", NULL);
  }
}

/* Counts line ends in [start, stop) the way the reader does: LF, CRLF
 * and a lone CR each end one line. */
static guint
count_lines (const char *start,
             const char *stop)
{
  guint n = 0;

  for (const char *q = start; q < stop; q++)
    if (*q == '\n' || (*q == '\r' && (q + 1 >= stop || q[1] != '\n')))
      n++;
  return n;
}

static gboolean
is_control (guchar c)
{
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
}

/* Moves past the bytes before the first @stop, line end or control byte
 * (or @limit), appending them to @dest if there is one; returns where it
 * stopped. */
static const char *
take_until (Reader     *r,
            const char *limit,
            char        stop,
            GString    *dest)
{
  const char *q = r->p;

  while (q < limit && *q != stop && *q != '\n' && *q != '\r' && !is_control (*q))
    q++;
  if (dest != NULL)
    g_string_append_len (dest, r->p, q - r->p);
  r->p = q;
  return q;
}

static gboolean
fail_binary (const Reader  *r,
             char           c,
             GError       **error)
{
  set_error (error, r, r->line, ELAB_CSV_ERROR_BINARY,
             "control byte 0x%02x: this looks like binary data, not CSV text", (guchar) c);
  return FALSE;
}

/* Consumes one line end at r->p (LF, CRLF or CR) if there is one. */
static void
eat_newline (Reader *r)
{
  if (r->p < r->end && *r->p == '\r')
    {
      r->p++;
      if (r->p < r->end && *r->p == '\n')
        r->p++;
      r->line++;
    }
  else if (r->p < r->end && *r->p == '\n')
    {
      r->p++;
      r->line++;
    }
}

/* Skips blank lines (empty or only spaces and tabs). Returns FALSE at
 * the end of the input. */
static gboolean
skip_blank_lines (Reader *r)
{
  while (r->p < r->end)
    {
      const char *q = r->p;

      while (q < r->end && (*q == ' ' || *q == '\t'))
        q++;
      if (q == r->end)
        {
          r->p = q;
          return FALSE;
        }
      if (*q != '\n' && *q != '\r')
        return TRUE;
      r->p = q;
      eat_newline (r);
    }
  return FALSE;
}

typedef struct
{
  /* Header mode: every field is kept. */
  GPtrArray *all;
  /* Data mode: only two fields are kept. */
  guint      xi;
  guint      yi;
  GString   *xs;
  GString   *ys;
  guint      x_line;
  guint      y_line;
} Capture;

/* Reads one record starting at r->p (not at a blank line). Fills
 * *n_fields and the captured fields. */
static gboolean
read_record (Reader   *r,
             Capture  *cap,
             guint    *n_fields,
             GError  **error)
{
  const char *rec_start = r->p;
  guint rec_line = r->line;
  /* Scanning stops here: a record longer than the maximum is an error
   * and no more of it is read. */
  const char *limit = r->end;
  guint index = 0;

  if ((gsize) (r->end - rec_start) > ELAB_CSV_MAX_LINE)
    limit = rec_start + ELAB_CSV_MAX_LINE;

  for (;;)
    {
      GString *dest = NULL;
      guint field_line = r->line;

      if (cap->all != NULL)
        {
          dest = g_string_new (NULL);
          g_ptr_array_add (cap->all, dest);
        }
      else if (index == cap->xi)
        {
          dest = cap->xs;
          cap->x_line = field_line;
        }
      else if (index == cap->yi)
        {
          dest = cap->ys;
          cap->y_line = field_line;
        }
      if (dest != NULL)
        g_string_truncate (dest, 0);

      /* Spaces before an opening quote are tolerated (a common
       * spreadsheet export), so `a, "b, c"` is two fields. */
      {
        const char *q = r->p;
        while (q < limit && (*q == ' ' || *q == '\t'))
          q++;
        if (q < limit && *q == '"')
          r->p = q;
      }
      if (r->p < limit && *r->p == '"')
        {
          r->p++;
          for (;;)
            {
              const char *q = take_until (r, limit, '"', dest);

              if (q >= limit)
                {
                  if (limit < r->end)
                    set_error (error, r, field_line, ELAB_CSV_ERROR_QUOTE,
                               "a quoted field opened on this line runs past %d bytes (unterminated quote?)",
                               ELAB_CSV_MAX_LINE);
                  else
                    set_error (error, r, field_line, ELAB_CSV_ERROR_QUOTE,
                               "unterminated quote: the quoted field opened on this line never closes");
                  return FALSE;
                }
              if (is_control (*q))
                return fail_binary (r, *q, error);
              if (*q == '\n' || *q == '\r')
                {
                  /* A line end inside quotes belongs to the field. */
                  if (dest != NULL)
                    g_string_append_c (dest, '\n');
                  eat_newline (r);
                  continue;
                }
              /* A quote: doubled means a literal quote, single closes. */
              if (q + 1 < limit && q[1] == '"')
                {
                  if (dest != NULL)
                    g_string_append_c (dest, '"');
                  r->p = q + 2;
                  continue;
                }
              r->p = q + 1;
              break;
            }
          /* Spaces after a closing quote are tolerated, nothing else. */
          while (r->p < limit && (*r->p == ' ' || *r->p == '\t'))
            r->p++;
          if (r->p < limit && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
            {
              set_error (error, r, r->line, ELAB_CSV_ERROR_QUOTE,
                         "unexpected character after a closing quote (a quote inside a field must be doubled)");
              return FALSE;
            }
        }
      else
        {
          const char *q = take_until (r, limit, ',', dest);

          if (q < limit && is_control (*q))
            return fail_binary (r, *q, error);
        }

      index++;

      if (r->p >= limit && limit < r->end)
        {
          set_error (error, r, rec_line, ELAB_CSV_ERROR_LINE_TOO_LONG,
                     "line is longer than %d bytes", ELAB_CSV_MAX_LINE);
          return FALSE;
        }
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      eat_newline (r);
      break;
    }

  *n_fields = index;
  return TRUE;
}

static char *
trim_dup (const char *s)
{
  return g_strstrip (g_strdup (s));
}

static gboolean
find_column (const Reader *r,
             guint         header_line,
             char        **names,
             guint         n,
             const char   *wanted,
             const char   *flag,
             guint        *res,
             GError      **error)
{
  g_autofree char *trimmed = trim_dup (wanted);
  g_autofree char *list = NULL;
  int found = -1;

  for (guint i = 0; i < n && found < 0; i++)
    if (strcmp (names[i], trimmed) == 0)
      found = i;
  for (guint i = 0; i < n && found < 0; i++)
    if (g_ascii_strcasecmp (names[i], trimmed) == 0)
      found = i;
  if (found >= 0)
    {
      *res = found;
      return TRUE;
    }

  list = g_strjoinv ("', '", names);
  set_error (error, r, header_line, ELAB_CSV_ERROR_COLUMN,
             "no column named '%s' for %s (the columns are '%s')", trimmed, flag, list);
  return FALSE;
}

/* Strict decimal syntax: [+-] digits [. digits] [(e|E) [+-] digits], at
 * least one mantissa digit. Rejects hex floats and words strtod takes. */
static gboolean
is_decimal (const char *s)
{
  gboolean digits = FALSE;

  if (*s == '+' || *s == '-')
    s++;
  while (g_ascii_isdigit (*s))
    s++, digits = TRUE;
  if (*s == '.')
    {
      s++;
      while (g_ascii_isdigit (*s))
        s++, digits = TRUE;
    }
  if (!digits)
    return FALSE;
  if (*s == 'e' || *s == 'E')
    {
      s++;
      if (*s == '+' || *s == '-')
        s++;
      if (!g_ascii_isdigit (*s))
        return FALSE;
      while (g_ascii_isdigit (*s))
        s++;
    }
  return *s == '\0';
}

static gboolean
is_non_finite_word (const char *s)
{
  if (*s == '+' || *s == '-')
    s++;
  return g_ascii_strcasecmp (s, "nan") == 0 ||
         g_ascii_strcasecmp (s, "inf") == 0 ||
         g_ascii_strcasecmp (s, "infinity") == 0;
}

static gboolean
parse_number (const Reader *r,
              GString      *field,
              guint         line,
              const char   *column,
              double       *res,
              GError      **error)
{
  char *s = g_strstrip (field->str);
  double v;

  if (*s == '\0')
    {
      set_error (error, r, line, ELAB_CSV_ERROR_NUMBER, "column '%s' is empty, a number is needed", column);
      return FALSE;
    }
  if (is_non_finite_word (s))
    {
      set_error (error, r, line, ELAB_CSV_ERROR_NOT_FINITE, "column '%s' is '%s': only finite numbers are allowed", column, s);
      return FALSE;
    }
  if (!is_decimal (s))
    {
      g_autofree char *shown = excerpt (s);
      set_error (error, r, line, ELAB_CSV_ERROR_NUMBER, "column '%s' has '%s', which is not a number", column, shown);
      return FALSE;
    }

  errno = 0;
  v = g_ascii_strtod (s, NULL);
  if (!isfinite (v) || (errno == ERANGE && fabs (v) > 1.0))
    {
      g_autofree char *shown = excerpt (s);
      set_error (error, r, line, ELAB_CSV_ERROR_OVERFLOW, "column '%s' has '%s', which overflows a double", column, shown);
      return FALSE;
    }
  /* An underflow to zero or a subnormal is a tiny number, kept as is. */
  *res = v;
  return TRUE;
}

/* One distinct value of the label column. */
typedef struct
{
  char     *text;      /* as first written, trimmed */
  gboolean  numeric;
  double    value;     /* when numeric */
  guint     line;      /* where it first appears */
} LabelValue;

typedef struct
{
  LabelValue values[2];
  guint      n;
} Labels;

static void
labels_clear (Labels *labels)
{
  for (guint i = 0; i < labels->n; i++)
    g_free (labels->values[i].text);
  labels->n = 0;
}

static char *
quote_label (const char *text)
{
  return elab_printable (text, strlen (text), 40, "'");
}

/* Reads one label field into *res, the index of its value among the
 * distinct values seen so far (a new one is added). Numbers are compared
 * by value, so 1 and 1.0 are one label; text exactly. Which index is
 * class 1 is decided once the whole column is known. */
static gboolean
parse_label (const Reader *r,
             GString      *field,
             guint         line,
             const char   *column,
             Labels       *labels,
             double       *res,
             GError      **error)
{
  char *s = g_strstrip (field->str);
  gboolean numeric;
  double v = 0.0;

  if (*s == '\0')
    {
      set_error (error, r, line, ELAB_CSV_ERROR_NUMBER, "column '%s' is empty, a label is needed", column);
      return FALSE;
    }
  numeric = is_decimal (s) || is_non_finite_word (s);
  if (numeric && !parse_number (r, field, line, column, &v, error))
    return FALSE;

  for (guint i = 0; i < labels->n; i++)
    {
      const LabelValue *l = &labels->values[i];

      if (numeric ? (l->numeric && l->value == v) : (!l->numeric && strcmp (l->text, s) == 0))
        {
          *res = i;
          return TRUE;
        }
    }

  /* Text among numbers is more likely a typo or a missing value than a
   * label, and the other way round. */
  if (labels->n > 0 && labels->values[0].numeric && !numeric)
    {
      g_autofree char *shown = quote_label (s);
      set_error (error, r, line, ELAB_CSV_ERROR_NUMBER,
                 "column '%s' has %s, which is not a number (its other values are numbers)", column, shown);
      return FALSE;
    }
  if (labels->n > 0 && !labels->values[0].numeric && numeric)
    {
      g_autofree char *shown = quote_label (s);
      g_autofree char *other = quote_label (labels->values[0].text);
      set_error (error, r, line, ELAB_CSV_ERROR_LABEL,
                 "column '%s' has %s, a number, but its other values are text (%s)", column, shown, other);
      return FALSE;
    }
  if (labels->n == 2)
    {
      g_autofree char *a = quote_label (labels->values[0].text);
      g_autofree char *b = quote_label (labels->values[1].text);
      g_autofree char *c = quote_label (s);
      set_error (error, r, line, ELAB_CSV_ERROR_LABEL,
                 "column '%s' has more than two values (%s, %s, %s); a label needs exactly two",
                 column, a, b, c);
      return FALSE;
    }

  labels->values[labels->n].text = g_strdup (s);
  labels->values[labels->n].numeric = numeric;
  labels->values[labels->n].value = v;
  labels->values[labels->n].line = line;
  *res = labels->n++;
  return TRUE;
}

static gboolean
label_matches_casefold (const char *a,
                        const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return strcmp (fa, fb) == 0;
}

/* Which of the distinct values is class 1: the index, or -1 when none is
 * (a column of 0s alone). */
static gboolean
pick_positive (const Reader  *r,
               guint          header_line,
               const char    *column,
               const Labels  *labels,
               const char    *positive,
               int           *res,
               gboolean      *guessed,
               GError       **error)
{
  const LabelValue *v = labels->values;

  *guessed = FALSE;

  if (positive != NULL && *positive != '\0')
    {
      g_autofree char *wanted = trim_dup (positive);
      g_autofree char *list = NULL;
      g_autofree char *shown = quote_label (wanted);

      for (guint i = 0; i < labels->n; i++)
        if (strcmp (v[i].text, wanted) == 0)
          return (*res = i, TRUE);
      if (is_decimal (wanted))
        for (guint i = 0; i < labels->n; i++)
          if (v[i].numeric && v[i].value == g_ascii_strtod (wanted, NULL))
            return (*res = i, TRUE);
      for (guint i = 0; i < labels->n; i++)
        if (label_matches_casefold (v[i].text, wanted))
          return (*res = i, TRUE);

      {
        g_autofree char *a = quote_label (v[0].text);
        g_autofree char *b = labels->n > 1 ? quote_label (v[1].text) : NULL;

        list = b != NULL ? g_strdup_printf ("its values are %s and %s", a, b)
                         : g_strdup_printf ("its only value is %s", a);
      }
      set_error (error, r, header_line, ELAB_CSV_ERROR_LABEL,
                 "column '%s' has no value %s to be class 1 (%s)", column, shown, list);
      return FALSE;
    }

  if (labels->n == 2 && v[0].numeric)
    {
      *res = v[1].value > v[0].value ? 1 : 0;
      return TRUE;
    }
  if (labels->n == 2)
    {
      /* Simple and predictable, and right for the usual pairs: the later
       * value alphabetically (malignant/benign, yes/no, true/false, M/B,
       * positive/negative, pass/fail). */
      g_autofree char *a = g_utf8_casefold (v[0].text, -1);
      g_autofree char *b = g_utf8_casefold (v[1].text, -1);
      int order = strcmp (a, b);

      if (order == 0)
        order = strcmp (v[0].text, v[1].text);
      *res = order < 0 ? 1 : 0;
      *guessed = TRUE;
      return TRUE;
    }

  /* One value: 0 or 1 alone is what it says (a sample of one class). */
  if (v[0].numeric && (v[0].value == 0.0 || v[0].value == 1.0))
    {
      *res = v[0].value == 1.0 ? 0 : -1;
      return TRUE;
    }
  {
    g_autofree char *a = quote_label (v[0].text);

    set_error (error, r, v[0].line, ELAB_CSV_ERROR_LABEL,
               "column '%s' has only one value (%s); a label needs two values, or 0 or 1 alone",
               column, a);
  }
  return FALSE;
}

/* Past a UTF-8 byte-order mark (allowed and ignored) and the blank lines
 * before the header; FALSE, with the error, for a file with nothing else. */
static gboolean
skip_to_header (Reader  *r,
                GError **error)
{
  if (r->end - r->p >= 3 && memcmp (r->p, "\xef\xbb\xbf", 3) == 0)
    r->p += 3;
  if (!skip_blank_lines (r))
    {
      set_error (error, r, 1, ELAB_CSV_ERROR_EMPTY, "the file is empty (a header row and data rows are needed)");
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_text (const Reader *r,
            const char   *text,
            gsize         length,
            GError      **error)
{
  const char *bad = NULL;

  if (g_utf8_validate_len (text, length, &bad))
    return TRUE;

  {
    guint line = 1 + count_lines (text, bad);
    if (*bad == '\0')
      set_error (error, r, line, ELAB_CSV_ERROR_BINARY, "NUL byte: this looks like binary data, not CSV text");
    else
      set_error (error, r, line, ELAB_CSV_ERROR_BINARY, "byte 0x%02x is not UTF-8 text (binary data, or another encoding?)",
                 (guchar) *bad);
  }
  return FALSE;
}

static void
grow (ElabCsvData *res,
      gsize       *capacity)
{
  *capacity = MAX (1024, *capacity * 2);
  res->x = g_realloc_n (res->x, *capacity, sizeof (double));
  res->y = g_realloc_n (res->y, *capacity, sizeof (double));
}

gboolean
elab_csv_parse (const char            *text,
                gsize                  length,
                const char            *display_name,
                const ElabCsvColumns  *columns,
                ElabCsvData           *res,
                GError               **error)
{
  static const ElabCsvColumns defaults = { NULL, NULL, NULL };
  Reader r = { "", NULL, display_name ? display_name : "<data>", 1 };
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func ((GDestroyNotify) g_free);
  g_autoptr(GPtrArray) header_fields = g_ptr_array_new ();
  g_autoptr(GString) xs = g_string_new (NULL);
  g_autoptr(GString) ys = g_string_new (NULL);
  Capture cap = { 0, };
  ElabCsvData out = { 0, };
  Labels labels = { 0, };
  gsize capacity = 0;
  guint n_columns, header_line, xi, yi;
  int positive_index;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (res != NULL, FALSE);

  memset (res, 0, sizeof *res);
  if (columns == NULL)
    columns = &defaults;

  /* An empty mapped file has no address at all: NULL + 0 is undefined. */
  if (text != NULL)
    r.p = text;
  r.end = r.p + (text != NULL ? length : 0);

  if (!check_text (&r, r.p, r.end - r.p, error))
    return FALSE;

  if (!skip_to_header (&r, error))
    return FALSE;

  header_line = r.line;
  cap.all = header_fields;
  if (!read_record (&r, &cap, &n_columns, error))
    {
      for (guint i = 0; i < header_fields->len; i++)
        g_string_free (g_ptr_array_index (header_fields, i), TRUE);
      return FALSE;
    }
  for (guint i = 0; i < header_fields->len; i++)
    g_ptr_array_add (header, g_strstrip (g_string_free (g_ptr_array_index (header_fields, i), FALSE)));
  g_ptr_array_add (header, NULL);

  if (n_columns < 2)
    {
      set_error (error, &r, header_line, ELAB_CSV_ERROR_COLUMN,
                 "the header has %u column; two are needed (x and a label)", n_columns);
      return FALSE;
    }

  xi = 0;
  yi = n_columns - 1;
  if (columns->x_column != NULL && *columns->x_column != '\0' &&
      !find_column (&r, header_line, (char **) header->pdata, n_columns, columns->x_column, "x", &xi, error))
    return FALSE;
  if (columns->y_column != NULL && *columns->y_column != '\0' &&
      !find_column (&r, header_line, (char **) header->pdata, n_columns, columns->y_column, "y", &yi, error))
    return FALSE;
  if (xi == yi)
    {
      set_error (error, &r, header_line, ELAB_CSV_ERROR_COLUMN,
                 "x and y are the same column '%s'", (char *) header->pdata[xi]);
      return FALSE;
    }

  cap.all = NULL;
  cap.xi = xi;
  cap.yi = yi;
  cap.xs = xs;
  cap.ys = ys;

  while (skip_blank_lines (&r))
    {
      guint rec_line = r.line;
      guint n_fields = 0;
      double xv, yv;

      if (!read_record (&r, &cap, &n_fields, error))
        goto fail;
      if (n_fields != n_columns)
        {
          set_error (error, &r, rec_line, ELAB_CSV_ERROR_RAGGED,
                     "this row has %u field%s but the header has %u columns",
                     n_fields, n_fields == 1 ? "" : "s", n_columns);
          goto fail;
        }
      if (!parse_number (&r, xs, cap.x_line, header->pdata[xi], &xv, error) ||
          !parse_label (&r, ys, cap.y_line, header->pdata[yi], &labels, &yv, error))
        goto fail;

      if (out.n_rows == capacity)
        grow (&out, &capacity);
      out.x[out.n_rows] = xv;
      out.y[out.n_rows] = yv;
      out.n_rows++;
    }

  if (out.n_rows == 0)
    {
      set_error (error, &r, header_line, ELAB_CSV_ERROR_NO_ROWS, "there is a header but no data rows");
      goto fail;
    }

  if (!pick_positive (&r, header_line, header->pdata[yi], &labels, columns->positive,
                      &positive_index, &out.positive_guessed, error))
    goto fail;
  /* The rows hold the index of their value; class 1 must read 1. */
  if (positive_index == 0)
    for (gsize i = 0; i < out.n_rows; i++)
      out.y[i] = 1.0 - out.y[i];
  for (guint i = 0; i < labels.n; i++)
    out.labels[(int) i == positive_index ? 1 : 0] = g_steal_pointer (&labels.values[i].text);

  /* Give back the slack of the doubling. */
  out.x = g_realloc_n (out.x, out.n_rows, sizeof (double));
  out.y = g_realloc_n (out.y, out.n_rows, sizeof (double));
  out.x_name = g_strdup (header->pdata[xi]);
  out.y_name = g_strdup (header->pdata[yi]);
  *res = out;
  labels_clear (&labels);
  return TRUE;

fail:
  labels_clear (&labels);
  elab_csv_data_clear (&out);
  return FALSE;
}

gboolean
elab_csv_load (const char            *path,
               const ElabCsvColumns  *columns,
               ElabCsvData           *res,
               GError               **error)
{
  g_autoptr(GMappedFile) map = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (res != NULL, FALSE);

  memset (res, 0, sizeof *res);
  map = elab_file_map_regular (path, ELAB_FILE_CSV_MAX_BYTES, &local);
  if (map == NULL)
    {
      g_set_error_literal (error, ELAB_CSV_ERROR, ELAB_CSV_ERROR_IO, local->message);
      return FALSE;
    }
  return elab_csv_parse (g_mapped_file_get_contents (map),
                         g_mapped_file_get_length (map),
                         path, columns, res, error);
}

char **
elab_csv_read_columns (const char  *path,
                       GError     **error)
{
  g_autoptr(GMappedFile) map = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  GPtrArray *names;
  Capture cap = { 0, };
  Reader r;
  guint n = 0;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  map = elab_file_map_regular (path, ELAB_FILE_CSV_MAX_BYTES, &local);
  if (map == NULL)
    {
      g_set_error_literal (error, ELAB_CSV_ERROR, ELAB_CSV_ERROR_IO, local->message);
      return NULL;
    }
  length = g_mapped_file_get_length (map);
  r.p = length ? g_mapped_file_get_contents (map) : "";
  r.end = r.p + length;
  r.name = path;
  r.line = 1;
  /* Only the header needs to be text for the picker; the rows are
   * checked when the file is loaded. */
  {
    const char *nl = memchr (r.p, '\n', MIN (length, (gsize) ELAB_CSV_MAX_LINE));
    gsize head = nl ? (gsize) (nl - r.p) : MIN (length, (gsize) ELAB_CSV_MAX_LINE);
    if (!check_text (&r, r.p, head, error))
      return NULL;
  }
  if (!skip_to_header (&r, error))
    return NULL;
  cap.all = fields;
  if (!read_record (&r, &cap, &n, error))
    {
      for (guint i = 0; i < fields->len; i++)
        g_string_free (g_ptr_array_index (fields, i), TRUE);
      return NULL;
    }
  names = g_ptr_array_new ();
  for (guint i = 0; i < fields->len; i++)
    g_ptr_array_add (names, g_strstrip (g_string_free (g_ptr_array_index (fields, i), FALSE)));
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

void
elab_csv_data_clear (ElabCsvData *data)
{
  if (data == NULL)
    return;
  g_free (data->x);
  g_free (data->y);
  g_free (data->x_name);
  g_free (data->y_name);
  g_free (data->labels[0]);
  g_free (data->labels[1]);
  memset (data, 0, sizeof *data);
}
