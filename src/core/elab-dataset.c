/* elab-dataset.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "elab-csv.h"
#include "elab-dataset.h"
#include "elab-entropy.h"

/* The 23 shuttle flights before Challenger with a recovered booster, in
 * flight order (STS-1 … 61-C, STS-4's boosters were lost): launch
 * temperature in °F and whether any field joint O-ring showed thermal
 * distress. Dalal, Fowlkes & Hoadley (1989), JASA 84(408), table 1. */
static const double challenger_x[] = {
  66, 70, 69, 68, 67, 72, 73, 70, 57, 63, 70, 78,
  67, 53, 67, 75, 70, 81, 76, 79, 75, 76, 58,
};
static const double challenger_y[] = {
  0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0,
  0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1,
};

/* Hours studied and whether the student passed: the 20-student example
 * of Wikipedia's "Logistic regression" article. */
static const double hours_x[] = {
  0.50, 0.75, 1.00, 1.25, 1.50, 1.75, 1.75, 2.00, 2.25, 2.50,
  2.75, 3.00, 3.25, 3.50, 4.00, 4.25, 4.50, 4.75, 5.00, 5.50,
};
static const double hours_y[] = {
  0, 0, 0, 0, 0, 0, 1, 0, 1, 0,
  1, 0, 1, 0, 1, 1, 1, 1, 1, 1,
};

/* Fisher's iris (Anderson's measurements), petal length in cm, in the
 * standard 150-row order (50 setosa, 50 versicolor, 50 virginica);
 * generated from and checked against sklearn.datasets.load_iris(). */
static const double iris_petal_length[] = {
  1.4, 1.4, 1.3, 1.5, 1.4, 1.7, 1.4, 1.5, 1.4, 1.5,
  1.5, 1.6, 1.4, 1.1, 1.2, 1.5, 1.3, 1.4, 1.7, 1.5,
  1.7, 1.5, 1.0, 1.7, 1.9, 1.6, 1.6, 1.5, 1.4, 1.6,
  1.6, 1.5, 1.5, 1.4, 1.5, 1.2, 1.3, 1.4, 1.3, 1.5,
  1.3, 1.3, 1.3, 1.6, 1.9, 1.4, 1.6, 1.4, 1.5, 1.4,
  4.7, 4.5, 4.9, 4.0, 4.6, 4.5, 4.7, 3.3, 4.6, 3.9,
  3.5, 4.2, 4.0, 4.7, 3.6, 4.4, 4.5, 4.1, 4.5, 3.9,
  4.8, 4.0, 4.9, 4.7, 4.3, 4.4, 4.8, 5.0, 4.5, 3.5,
  3.8, 3.7, 3.9, 5.1, 4.5, 4.5, 4.7, 4.4, 4.1, 4.0,
  4.4, 4.6, 4.0, 3.3, 4.2, 4.2, 4.2, 4.3, 3.0, 4.1,
  6.0, 5.1, 5.9, 5.6, 5.8, 6.6, 4.5, 6.3, 5.8, 6.1,
  5.1, 5.3, 5.5, 5.0, 5.1, 5.3, 5.5, 6.7, 6.9, 5.0,
  5.7, 4.9, 6.7, 4.9, 5.7, 6.0, 4.8, 4.9, 5.6, 5.8,
  6.1, 6.4, 5.6, 5.1, 5.6, 6.1, 5.6, 5.5, 4.8, 5.4,
  5.6, 5.1, 5.1, 5.9, 5.7, 5.2, 5.0, 5.2, 5.4, 5.1,
};
/* Versicolor and virginica: the last 100 rows, virginica (1) the second 50. */
#define iris_vv_x (iris_petal_length + 50)
static const double iris_vv_y[100] = { [50 ... 99] = 1.0 };
/* Setosa (1), the first 50 rows, against the rest (0). */
static const double iris_setosa_y[150] = { [0 ... 49] = 1.0 };

static const ElabDatasetInfo builtins[] = {
  {
    "challenger",
    "Challenger O-rings: launch temperature vs O-ring incident",
    "The 23 shuttle launches before Challenger (1981–1985); Dalal, Fowlkes & Hoadley, "
    "JASA 84 (1989). Published fit: logit = 15.0429 − 0.2322·T.",
    "Every launch was at 53 °F or warmer, so the 31 °F of the Challenger launch is an "
    "extrapolation far outside the data.",
    "temperature (°F)", "O-ring incident",
    challenger_x, challenger_y, G_N_ELEMENTS (challenger_x),
    -0.2322, 15.0429,
  },
  {
    "hours-studied",
    "Hours studied vs passing the exam",
    "The 20-student example of Wikipedia's \"Logistic regression\" article. "
    "Published fit: logit = −4.0777 + 1.5046·hours.",
    "Made-up teaching data: 20 students say nothing about studying in general.",
    "hours studied", "passed",
    hours_x, hours_y, G_N_ELEMENTS (hours_x),
    1.5046, -4.0777,
  },
  {
    "iris-versicolor-virginica",
    "Iris: versicolor (0) vs virginica (1) by petal length",
    "Fisher's iris data (Anderson 1935, Fisher 1936), the 100 versicolor and virginica flowers.",
    "The classes overlap between 4.5 and 5.1 cm: no threshold is perfect.",
    "petal length (cm)", "virginica",
    iris_vv_x, iris_vv_y, G_N_ELEMENTS (iris_vv_y),
    NAN, NAN,
  },
  {
    "iris-setosa",
    "Iris: setosa (1) vs the rest (0) by petal length",
    "Fisher's iris data (Anderson 1935, Fisher 1936), all 150 flowers.",
    "Perfectly separable (setosa ≤ 1.9 cm, the rest ≥ 3 cm): the loss tends to 0 as |w| "
    "grows, so there is no finite optimum.",
    "petal length (cm)", "setosa",
    iris_petal_length, iris_setosa_y, G_N_ELEMENTS (iris_setosa_y),
    NAN, NAN,
  },
};

G_STATIC_ASSERT (G_N_ELEMENTS (challenger_x) == 23 && G_N_ELEMENTS (challenger_y) == 23);
G_STATIC_ASSERT (G_N_ELEMENTS (hours_x) == 20 && G_N_ELEMENTS (hours_y) == 20);
G_STATIC_ASSERT (G_N_ELEMENTS (iris_petal_length) == 150);

const ElabDatasetInfo *
elab_dataset_get_builtins (guint *n_res)
{
  if (n_res != NULL)
    *n_res = G_N_ELEMENTS (builtins);
  return builtins;
}

const ElabDatasetInfo *
elab_dataset_find_builtin (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    if (strcmp (builtins[i].name, name) == 0)
      return &builtins[i];
  return NULL;
}

static ElabDataset *
dataset_alloc (void)
{
  ElabDataset *self = g_new0 (ElabDataset, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

ElabDataset *
elab_dataset_new (const char   *name,
                  const char   *x_name,
                  const char   *y_name,
                  const double *x,
                  const double *y,
                  gsize         n_rows)
{
  ElabDataset *self = dataset_alloc ();

  g_return_val_if_fail (n_rows == 0 || (x != NULL && y != NULL), NULL);

  self->name = g_strdup (name ? name : "data");
  self->title = g_strdup (self->name);
  self->source = g_strdup ("");
  self->x_name = g_strdup (x_name ? x_name : "x");
  self->y_name = g_strdup (y_name ? y_name : "y");
  self->x = g_memdup2 (x, n_rows * sizeof (double));
  self->y = g_memdup2 (y, n_rows * sizeof (double));
  self->n_rows = n_rows;
  return self;
}

ElabDataset *
elab_dataset_new_builtin (const char *name)
{
  const ElabDatasetInfo *info = elab_dataset_find_builtin (name);
  ElabDataset *self;

  if (info == NULL)
    return NULL;
  self = elab_dataset_new (info->name, info->x_name, info->y_name, info->x, info->y, info->n_rows);
  g_free (self->title);
  g_free (self->source);
  self->title = g_strdup (info->title);
  self->source = g_strdup (info->source);
  self->caveat = g_strdup (info->caveat);
  return self;
}

ElabDataset *
elab_dataset_load (const char  *name_or_path,
                   const char  *x_column,
                   const char  *y_column,
                   const char  *positive,
                   GError     **error)
{
  const ElabCsvColumns columns = { x_column, y_column, positive };
  ElabCsvData data;
  ElabDataset *self;

  g_return_val_if_fail (name_or_path != NULL, NULL);

  if (elab_dataset_find_builtin (name_or_path) != NULL)
    return elab_dataset_new_builtin (name_or_path);

  if (!elab_csv_load (name_or_path, &columns, &data, error))
    return NULL;

  self = dataset_alloc ();
  self->name = g_strdup (name_or_path);
  self->title = g_path_get_basename (name_or_path);
  self->source = g_strdup_printf ("CSV file %s", name_or_path);
  self->x_name = g_steal_pointer (&data.x_name);
  self->y_name = g_steal_pointer (&data.y_name);
  self->x = g_steal_pointer (&data.x);
  self->y = g_steal_pointer (&data.y);
  self->n_rows = data.n_rows;
  self->labels[0] = g_steal_pointer (&data.labels[0]);
  self->labels[1] = g_steal_pointer (&data.labels[1]);
  self->positive_guessed = data.positive_guessed;
  return self;
}

ElabDataset *
elab_dataset_new_synthetic (gsize   n_rows,
                            double  w,
                            double  b,
                            guint32 seed)
{
  ElabDataset *self = dataset_alloc ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  self->name = g_strdup_printf ("synthetic-%" G_GSIZE_FORMAT, n_rows);
  self->title = g_strdup_printf ("%" G_GSIZE_FORMAT " synthetic rows", n_rows);
  self->source = g_strdup_printf ("x ~ U(−3, 3), y ~ Bernoulli(σ(%g·x + %g)), seed %u", w, b, seed);
  self->x_name = g_strdup ("x");
  self->y_name = g_strdup ("y");
  self->x = g_new (double, MAX (n_rows, 1));
  self->y = g_new (double, MAX (n_rows, 1));
  self->n_rows = n_rows;
  for (gsize i = 0; i < n_rows; i++)
    {
      double x = g_rand_double_range (rand, -3.0, 3.0);
      double p = 1.0 / (1.0 + exp (-(w * x + b)));

      self->x[i] = x;
      self->y[i] = g_rand_double (rand) < p ? 1.0 : 0.0;
    }
  return self;
}

ElabDataset *
elab_dataset_ref (ElabDataset *dataset)
{
  g_return_val_if_fail (dataset != NULL, NULL);
  g_atomic_ref_count_inc (&dataset->ref_count);
  return dataset;
}

void
elab_dataset_unref (ElabDataset *dataset)
{
  if (dataset == NULL || !g_atomic_ref_count_dec (&dataset->ref_count))
    return;
  g_free (dataset->name);
  g_free (dataset->title);
  g_free (dataset->source);
  g_free (dataset->caveat);
  g_free (dataset->x_name);
  g_free (dataset->y_name);
  g_free (dataset->x);
  g_free (dataset->y);
  g_free (dataset->labels[0]);
  g_free (dataset->labels[1]);
  g_free (dataset);
}

/**
 * elab_dataset_label_entropy:
 * @dataset: a data set
 *
 * H(ȳ) = −ȳ·log ȳ − (1 − ȳ)·log(1 − ȳ) in nats, ȳ the fraction of rows
 * labelled 1: what the constant model σ(b) with b = logit ȳ (the maximum-
 * likelihood fit without x) loses on average, so a cross-entropy below it
 * is what the feature has bought. The count is exact; 0·log 0 = 0.
 */
double
elab_dataset_label_entropy (const ElabDataset *dataset)
{
  gsize ones = 0;

  g_return_val_if_fail (dataset != NULL, NAN);

  if (dataset->n_rows == 0)
    return 0.0;
  for (gsize i = 0; i < dataset->n_rows; i++)
    if (dataset->y[i] != 0.0)
      ones++;
  return elab_binary_entropy ((double) ones / (double) dataset->n_rows);
}
