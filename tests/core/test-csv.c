/* test-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CSV reader: every accepted form, and every malformed file with the
 * right error code and line number.
 */
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "elab-csv.h"
#include "elab-dataset.h"

static void
parse_ok (const char  *text,
          gsize        length,
          const char  *x_column,
          const char  *y_column,
          ElabCsvData *res)
{
  g_autoptr(GError) error = NULL;

  const ElabCsvColumns columns = { x_column, y_column, NULL };

  if (!elab_csv_parse (text, length, "t.csv", &columns, res, &error))
    g_error ("unexpected error: %s", error->message);
}

static void
test_basic (void)
{
  const char *text = "temp,label\n1.5,0\n-2e1,1\n3,1\n";
  ElabCsvData d;

  parse_ok (text, strlen (text), NULL, NULL, &d);
  g_assert_cmpuint (d.n_rows, ==, 3);
  g_assert_cmpfloat (d.x[0], ==, 1.5);
  g_assert_cmpfloat (d.x[1], ==, -20.0);
  g_assert_cmpfloat (d.x[2], ==, 3.0);
  g_assert_cmpfloat (d.y[0], ==, 0.0);
  g_assert_cmpfloat (d.y[1], ==, 1.0);
  g_assert_cmpstr (d.x_name, ==, "temp");
  g_assert_cmpstr (d.y_name, ==, "label");
  elab_csv_data_clear (&d);
  g_assert_null (d.x);
}

static void
test_forms (void)
{
  /* BOM, CRLF, blank lines (also of spaces), no final newline, quoted
   * fields with commas, doubled quotes and a line end, spaces around
   * numbers, a text column that is never parsed, and labels written 1.0. */
  const char *text =
    "\xef\xbb\xbf" "id,\"Temperature (°F)\",note,\"y, label\"\r\n"
    "\r\n"
    "a, 66 ,\"said \"\"hi\"\"\",0\r\n"
    "   \r\n"
    "b,\"70\",\"two\nlines\",1.0\r\n"
    "\n"
    "c,-1.25e-1,plain,0";
  ElabCsvData d;

  parse_ok (text, strlen (text), "Temperature (°F)", "y, label", &d);
  g_assert_cmpuint (d.n_rows, ==, 3);
  g_assert_cmpfloat (d.x[0], ==, 66.0);
  g_assert_cmpfloat (d.x[1], ==, 70.0);
  g_assert_cmpfloat (d.x[2], ==, -0.125);
  g_assert_cmpfloat (d.y[0], ==, 0.0);
  g_assert_cmpfloat (d.y[1], ==, 1.0);
  g_assert_cmpfloat (d.y[2], ==, 0.0);
  g_assert_cmpstr (d.x_name, ==, "Temperature (°F)");
  elab_csv_data_clear (&d);

  /* Case-insensitive fallback, and the default y is the last column. */
  parse_ok (text, strlen (text), "temperature (°f)", NULL, &d);
  g_assert_cmpstr (d.y_name, ==, "y, label");
  g_assert_cmpuint (d.n_rows, ==, 3);
  elab_csv_data_clear (&d);

  /* Old Mac line ends (CR only) are line ends too. */
  parse_ok ("x,y\r1,0\r2,1", 11, NULL, NULL, &d);
  g_assert_cmpuint (d.n_rows, ==, 2);
  g_assert_cmpfloat (d.x[1], ==, 2.0);
  elab_csv_data_clear (&d);

  /* Not NUL-terminated: only @length bytes are read. */
  parse_ok ("x,y\n1,0\n2,1garbage", 11, NULL, NULL, &d);
  g_assert_cmpuint (d.n_rows, ==, 2);
  g_assert_cmpfloat (d.y[1], ==, 1.0);
  elab_csv_data_clear (&d);

  /* A tiny number underflows to a subnormal or zero, and is kept. */
  parse_ok ("x,y\n1e-400,1\n", 13, NULL, NULL, &d);
  g_assert_cmpfloat (d.x[0], ==, 0.0);
  elab_csv_data_clear (&d);
}

static void
parse_labels (const char  *text,
              const char  *positive,
              ElabCsvData *res)
{
  g_autoptr(GError) error = NULL;

  const ElabCsvColumns columns = { NULL, NULL, positive };

  if (!elab_csv_parse (text, strlen (text), "t.csv", &columns, res, &error))
    g_error ("unexpected error: %s", error->message);
}

/* The y column of @d as a string of 0s and 1s. */
static char *
classes (const ElabCsvData *d)
{
  GString *s = g_string_new (NULL);

  for (gsize i = 0; i < d->n_rows; i++)
    {
      g_assert_true (d->y[i] == 0.0 || d->y[i] == 1.0);
      g_string_append_c (s, d->y[i] == 1.0 ? '1' : '0');
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  const char *text;
  const char *positive;
  const char *classes;
  const char *class0;
  const char *class1;
  gboolean    guessed;
} LabelCase;

static const LabelCase label_cases[] = {
  /* Text: the later alphabetically, case aside, unless named. */
  { "x,diagnosis\n1,malignant\n2,benign\n3,benign\n", NULL, "100", "benign", "malignant", TRUE },
  { "x,diagnosis\n1,malignant\n2,benign\n3,benign\n", "benign", "011", "malignant", "benign", FALSE },
  { "x,diagnosis\n1,malignant\n2,benign\n3,benign\n", "  Benign ", "011", "malignant", "benign", FALSE },
  { "x,y\n1,no\n2,yes\n", NULL, "01", "no", "yes", TRUE },
  { "x,y\n1,true\n2,false\n", NULL, "10", "false", "true", TRUE },
  { "x,y\n1,M\n2,b\n3, \"M\" \n", NULL, "101", "b", "M", TRUE },
  { "x,y\n1,Yes\n2,yes\n", NULL, "01", "Yes", "yes", TRUE },
  { "x,y\n1,bénin\n2,malin\n", NULL, "01", "bénin", "malin", TRUE },
  /* Numbers by value: 0/1 as always, then the larger, or the one named. */
  { "x,y\n1,1\n2,0\n3,1.0\n", NULL, "101", "0", "1", FALSE },
  { "x,y\n1,1\n2,0\n3,1.0\n", "0", "010", "1", "0", FALSE },
  { "x,y\n1,-1\n2,1\n", NULL, "01", "-1", "1", FALSE },
  { "x,y\n1,2\n2,1\n", "1.0", "01", "2", "1", FALSE },
  /* One value: 0 or 1 alone, or the one named. */
  { "x,y\n1,0\n2,0\n", NULL, "00", "0", NULL, FALSE },
  { "x,y\n1,1\n", NULL, "1", NULL, "1", FALSE },
  { "x,y\n1,yes\n", "yes", "1", NULL, "yes", FALSE },
};

static void
test_text_labels (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (label_cases); i++)
    {
      const LabelCase *c = &label_cases[i];
      g_autofree char *got = NULL;
      ElabCsvData d;

      parse_labels (c->text, c->positive, &d);
      got = classes (&d);
      g_assert_cmpstr (got, ==, c->classes);
      g_assert_cmpstr (d.labels[0], ==, c->class0);
      g_assert_cmpstr (d.labels[1], ==, c->class1);
      g_assert_cmpint (d.positive_guessed, ==, c->guessed);
      elab_csv_data_clear (&d);
      g_assert_null (d.labels[1]);
    }
}

typedef struct
{
  const char  *text;
  const char  *positive;
  ElabCsvError code;
  const char  *message;
} LabelBadCase;

static const LabelBadCase label_bad_cases[] = {
  { "x,diagnosis\n1,malignant\n2,benign\n\n3,unknown\n4,x\n", NULL, ELAB_CSV_ERROR_LABEL,
    "t.csv:5: column 'diagnosis' has more than two values ('malignant', 'benign', 'unknown'); "
    "a label needs exactly two" },
  { "x,y\n1,0\n2,1\n3,2\n", NULL, ELAB_CSV_ERROR_LABEL,
    "t.csv:4: column 'y' has more than two values ('0', '1', '2'); a label needs exactly two" },
  { "x,y\n1,yes\n2,yes\n", NULL, ELAB_CSV_ERROR_LABEL,
    "t.csv:2: column 'y' has only one value ('yes'); a label needs two values, or 0 or 1 alone" },
  { "x,y\n1,yes\n2,no\n", "maybe", ELAB_CSV_ERROR_LABEL,
    "t.csv:1: column 'y' has no value 'maybe' to be class 1 (its values are 'yes' and 'no')" },
  { "x,y\n1,yes\n2,no\n3,1\n", NULL, ELAB_CSV_ERROR_LABEL,
    "t.csv:4: column 'y' has '1', a number, but its other values are text ('yes')" },
  { "x,y\n1,0\n2,yes\n", NULL, ELAB_CSV_ERROR_NUMBER,
    "t.csv:3: column 'y' has 'yes', which is not a number (its other values are numbers)" },
  { "x,y\n1,yes\n2, \n", NULL, ELAB_CSV_ERROR_NUMBER,
    "t.csv:3: column 'y' is empty, a label is needed" },
  { "x,y\n1,yes\n2,NaN\n", NULL, ELAB_CSV_ERROR_NOT_FINITE,
    "t.csv:3: column 'y' is 'NaN': only finite numbers are allowed" },
};

static void
test_text_labels_bad (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (label_bad_cases); i++)
    {
      const LabelBadCase *c = &label_bad_cases[i];
      g_autoptr(GError) error = NULL;
      ElabCsvData d;

      const ElabCsvColumns columns = { NULL, NULL, c->positive };

      g_assert_false (elab_csv_parse (c->text, strlen (c->text), "t.csv", &columns, &d, &error));
      g_assert_error (error, ELAB_CSV_ERROR, (int) c->code);
      g_assert_cmpstr (error->message, ==, c->message);
      g_assert_null (d.labels[0]);
      g_assert_null (d.y);
    }
}

/* A data set keeps the labels, so the window and the command line can
 * say which value is class 1. */
static void
test_dataset_labels (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ElabDataset) d = NULL;
  g_autoptr(ElabDataset) named = NULL;
  g_autoptr(ElabDataset) builtin = NULL;
  int fd;

  fd = g_file_open_tmp ("elab-csv-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, "radius,diagnosis\n17.99,M\n13.54,B\n20.57,M\n", -1, &error);
  g_assert_no_error (error);

  d = elab_dataset_load (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (d->labels[0], ==, "B");
  g_assert_cmpstr (d->labels[1], ==, "M");
  g_assert_true (d->positive_guessed);
  g_assert_cmpfloat (d->y[0], ==, 1.0);
  g_assert_cmpfloat (d->y[1], ==, 0.0);

  named = elab_dataset_load (path, NULL, NULL, "B", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (named->labels[1], ==, "B");
  g_assert_false (named->positive_guessed);
  g_assert_cmpfloat (named->y[0], ==, 0.0);
  g_unlink (path);

  builtin = elab_dataset_load ("challenger", NULL, NULL, "whatever", &error);
  g_assert_no_error (error);
  g_assert_null (builtin->labels[0]);
  g_assert_null (builtin->labels[1]);
}

typedef struct
{
  const char  *name;
  const char  *text;      /* NULL: built by the test */
  const char  *x_column;
  ElabCsvError code;
  guint        line;
} BadCase;

static const BadCase bad_cases[] = {
  { "empty",            "",                                  NULL, ELAB_CSV_ERROR_EMPTY,    1 },
  { "blank-only",       "\n\n  \n",                          NULL, ELAB_CSV_ERROR_EMPTY,    1 },
  { "header-only",      "x,y\n",                             NULL, ELAB_CSV_ERROR_NO_ROWS,  1 },
  { "header-only-late", "\n\nx,y\n\n",                       NULL, ELAB_CSV_ERROR_NO_ROWS,  3 },
  { "non-number",       "x,y\n1,0\nabc,1\n",                 NULL, ELAB_CSV_ERROR_NUMBER,   3 },
  { "hex",              "x,y\n1,0\n2,1\n0x10,1\n",           NULL, ELAB_CSV_ERROR_NUMBER,   4 },
  { "empty-field",      "x,y\n1,0\n,1\n",                    NULL, ELAB_CSV_ERROR_NUMBER,   3 },
  { "trailing-junk",    "x,y\n1.5kg,0\n",                    NULL, ELAB_CSV_ERROR_NUMBER,   2 },
  { "ragged-short",     "x,y,z\n1,2,0\n1,2\n",               NULL, ELAB_CSV_ERROR_RAGGED,   3 },
  { "ragged-long",      "x,y\n1,0\n1,0\n1,0,5\n",            NULL, ELAB_CSV_ERROR_RAGGED,   4 },
  { "nan",              "x,y\n1,0\nNaN,1\n",                 NULL, ELAB_CSV_ERROR_NOT_FINITE, 3 },
  { "inf",              "x,y\n-inf,1\n",                     NULL, ELAB_CSV_ERROR_NOT_FINITE, 2 },
  { "infinity-label",   "x,y\n1,Infinity\n",                 NULL, ELAB_CSV_ERROR_NOT_FINITE, 2 },
  { "label-2",          "x,y\n1,0\n2,1\n3,2\n",              NULL, ELAB_CSV_ERROR_LABEL,    4 },
  { "label-half",       "x,y\n1,0.5\n",                      NULL, ELAB_CSV_ERROR_LABEL,    2 },
  { "label-minus",      "x,y\n1,-1\n",                       NULL, ELAB_CSV_ERROR_LABEL,    2 },
  { "nul-byte",         NULL,                                NULL, ELAB_CSV_ERROR_BINARY,   3 },
  { "control-byte",     "x,y\n1,0\n2\x01,1\n",               NULL, ELAB_CSV_ERROR_BINARY,   3 },
  { "invalid-utf8",     "x,y\n1,0\n\xff\xfe,1\n",            NULL, ELAB_CSV_ERROR_BINARY,   3 },
  { "unterminated",     "x,y\n1,0\n\"2,1\n3,0\n",            NULL, ELAB_CSV_ERROR_QUOTE,    3 },
  { "after-quote",      "x,y\n\"1\"x,0\n",                   NULL, ELAB_CSV_ERROR_QUOTE,    2 },
  { "overflow",         "x,y\n1,0\n1e400,1\n",               NULL, ELAB_CSV_ERROR_OVERFLOW, 3 },
  { "overflow-neg",     "x,y\n-2e308,1\n",                   NULL, ELAB_CSV_ERROR_OVERFLOW, 2 },
  { "unknown-column",   "x,y\n1,0\n",                        "z",  ELAB_CSV_ERROR_COLUMN,   1 },
  { "one-column",       "x\n1\n",                            NULL, ELAB_CSV_ERROR_COLUMN,   1 },
  { "same-column",      "x,y\n1,0\n",                        "y",  ELAB_CSV_ERROR_COLUMN,   1 },
  { "long-line",        NULL,                                NULL, ELAB_CSV_ERROR_LINE_TOO_LONG, 3 },
  { "long-quote",       NULL,                                NULL, ELAB_CSV_ERROR_QUOTE,    2 },
  { "crlf-line-count",  "x,y\r\n1,0\r\n\r\n2,zz\r\n",        NULL, ELAB_CSV_ERROR_NUMBER,   4 },
  { "quoted-newlines",  "x,y\n\"1\n\n\",0\n2,x\n",           NULL, ELAB_CSV_ERROR_NUMBER,   5 },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *built = NULL;
  g_autofree char *prefix = NULL;
  const char *text = c->text;
  gsize length;
  ElabCsvData d;

  if (strcmp (c->name, "nul-byte") == 0)
    {
      built = g_memdup2 ("x,y\n1,0\n2\0,1\n", 13);
      text = built;
      length = 13;
    }
  else if (strcmp (c->name, "long-line") == 0)
    {
      /* 3 MiB of digits on one line. */
      gsize n = 3 * 1024 * 1024;
      built = g_malloc (n + 32);
      strcpy (built, "x,y\n1,0\n");
      memset (built + 8, '7', n);
      strcpy (built + 8 + n, ",1\n");
      text = built;
      length = strlen (built);
    }
  else if (strcmp (c->name, "long-quote") == 0)
    {
      gsize n = 2 * 1024 * 1024;
      built = g_malloc (n + 32);
      strcpy (built, "x,y\n\"");
      memset (built + 5, 'a', n);
      strcpy (built + 5 + n, "\n");
      text = built;
      length = strlen (built);
    }
  else
    length = strlen (text);

  g_assert_false (elab_csv_parse (text, length, "bad.csv", &(ElabCsvColumns) { c->x_column, NULL, NULL },
                                  &d, &error));
  g_assert_error (error, ELAB_CSV_ERROR, (int) c->code);
  prefix = g_strdup_printf ("bad.csv:%u: ", c->line);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("%s: expected prefix '%s', got '%s'", c->name, prefix, error->message);
  /* The result is left empty on error. */
  g_assert_null (d.x);
  g_assert_cmpuint (d.n_rows, ==, 0);
}

static void
test_large (void)
{
  /* 200,000 rows read in one pass (a quadratic reader would take
   * minutes here); values and count come back exactly. */
  GString *s = g_string_new ("x,y\n");
  ElabCsvData d;
  guint n = 200000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%u.25,%u\n", i, i % 2);
  parse_ok (s->str, s->len, NULL, NULL, &d);
  g_assert_cmpuint (d.n_rows, ==, n);
  g_assert_cmpfloat (d.x[n - 1], ==, (n - 1) + 0.25);
  g_assert_cmpfloat (d.y[n - 1], ==, (n - 1) % 2);
  elab_csv_data_clear (&d);
  g_string_free (s, TRUE);
}

static void
test_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) columns = NULL;
  ElabCsvData d;
  int fd;

  fd = g_file_open_tmp ("elab-csv-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, "a (cm), \"b, c\" ,label\n1,x,0\n2,y,1\n", -1, &error);
  g_assert_no_error (error);

  columns = elab_csv_read_columns (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (columns), ==, 3);
  g_assert_cmpstr (columns[0], ==, "a (cm)");
  g_assert_cmpstr (columns[1], ==, "b, c");

  g_assert_true (elab_csv_load (path, &(ElabCsvColumns) { "a (cm)", "label", NULL }, &d, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (d.n_rows, ==, 2);
  g_assert_cmpfloat (d.x[1], ==, 2.0);
  elab_csv_data_clear (&d);
  g_unlink (path);

  g_assert_false (elab_csv_load (path, NULL, &d, &error));
  g_assert_error (error, ELAB_CSV_ERROR, ELAB_CSV_ERROR_IO);
}

/* The CSV copies in data/datasets/ hold exactly the built-in arrays. */
static void
test_builtin_files (void)
{
  guint n;
  const ElabDatasetInfo *info = elab_dataset_get_builtins (&n);

  g_assert_cmpuint (n, ==, 4);
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *file = g_strdup_printf ("%s.csv", info[k].name);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "datasets", file, NULL);
      ElabCsvData d;

      g_assert_true (elab_csv_load (path, NULL, &d, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (d.n_rows, ==, info[k].n_rows);
      g_assert_cmpstr (d.x_name, ==, info[k].x_name);
      g_assert_cmpstr (d.y_name, ==, info[k].y_name);
      for (gsize i = 0; i < d.n_rows; i++)
        {
          g_assert_cmpfloat (d.x[i], ==, info[k].x[i]);
          g_assert_cmpfloat (d.y[i], ==, info[k].y[i]);
        }
      elab_csv_data_clear (&d);
    }
}

/* The published facts about the built-ins. */
static void
test_builtin_data (void)
{
  const ElabDatasetInfo *c = elab_dataset_find_builtin ("challenger");
  const ElabDatasetInfo *h = elab_dataset_find_builtin ("hours-studied");
  const ElabDatasetInfo *vv = elab_dataset_find_builtin ("iris-versicolor-virginica");
  const ElabDatasetInfo *se = elab_dataset_find_builtin ("iris-setosa");
  double min_t = INFINITY, sum_y = 0, sum_vv = 0, sum_se = 0, max_setosa = -INFINITY;

  g_assert_nonnull (c);
  g_assert_cmpuint (c->n_rows, ==, 23);
  for (gsize i = 0; i < c->n_rows; i++)
    min_t = MIN (min_t, c->x[i]), sum_y += c->y[i];
  g_assert_cmpfloat (min_t, ==, 53.0);   /* the caveat: nothing below 53 °F */
  g_assert_cmpfloat (sum_y, ==, 7.0);    /* seven flights with an incident */
  g_assert_nonnull (strstr (c->caveat, "53"));
  g_assert_nonnull (strstr (c->caveat, "31"));

  g_assert_cmpuint (h->n_rows, ==, 20);
  g_assert_cmpuint (vv->n_rows, ==, 100);
  g_assert_cmpuint (se->n_rows, ==, 150);
  for (gsize i = 0; i < vv->n_rows; i++)
    sum_vv += vv->y[i];
  for (gsize i = 0; i < se->n_rows; i++)
    {
      sum_se += se->y[i];
      if (se->y[i] != 0)
        max_setosa = MAX (max_setosa, se->x[i]);
    }
  g_assert_cmpfloat (sum_vv, ==, 50.0);
  g_assert_cmpfloat (sum_se, ==, 50.0);
  g_assert_cmpfloat (max_setosa, ==, 1.9);
  g_assert_null (elab_dataset_find_builtin ("no-such-set"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/core/Csv/basic", test_basic);
  g_test_add_func ("/elab/core/Csv/forms", test_forms);
  g_test_add_func ("/elab/core/Csv/large", test_large);
  g_test_add_func ("/elab/core/Csv/file", test_file);
  g_test_add_func ("/elab/core/Csv/text-labels", test_text_labels);
  g_test_add_func ("/elab/core/Csv/text-labels-bad", test_text_labels_bad);
  g_test_add_func ("/elab/core/Dataset/labels", test_dataset_labels);
  g_test_add_func ("/elab/core/Csv/builtin-files", test_builtin_files);
  g_test_add_func ("/elab/core/Dataset/builtin-data", test_builtin_data);
  for (gsize i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/elab/core/Csv/bad/%s", bad_cases[i].name);
      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }

  return g_test_run ();
}
