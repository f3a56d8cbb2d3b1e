/* elab-dataset.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A one-feature data set with 0/1 labels: the built-in lesson data or a
 * CSV file. Reference counted and immutable once made, so the window, a
 * worker thread and a trainer can share one without copies.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ElabDataset ElabDataset;

struct _ElabDataset
{
  /*< public, read-only >*/
  char   *name;      /* built-in name, or the CSV path */
  char   *title;     /* one line for a chooser */
  char   *source;    /* where the numbers come from */
  char   *caveat;    /* what not to conclude from them; may be NULL */
  char   *x_name;
  char   *y_name;
  double *x;         /* n_rows contiguous values */
  double *y;         /* n_rows values, each 0.0 or 1.0 */
  gsize   n_rows;
  /* A CSV's label values as written: [0] is class 0, [1] class 1 (either
   * may be NULL: one value only); both NULL for the built-ins. */
  char   *labels[2];
  /* TRUE when class 1 of text labels was picked by the default rule. */
  gboolean positive_guessed;
  /*< private >*/
  gatomicrefcount ref_count;
};

/* A built-in data set's description. @published_w/@published_b are a
 * published maximum-likelihood fit (NAN when there is none). */
typedef struct
{
  const char   *name;
  const char   *title;
  const char   *source;
  const char   *caveat;
  const char   *x_name;
  const char   *y_name;
  const double *x;
  const double *y;
  gsize         n_rows;
  double        published_w;
  double        published_b;
} ElabDatasetInfo;

/* The built-ins: challenger, hours-studied, iris-versicolor-virginica,
 * iris-setosa. @n_res receives how many. */
const ElabDatasetInfo *elab_dataset_get_builtins   (guint          *n_res);
const ElabDatasetInfo *elab_dataset_find_builtin   (const char     *name);

/* A new data set holding copies of @x and @y (n rows; y must be 0/1). */
ElabDataset  *elab_dataset_new           (const char     *name,
                                          const char     *x_name,
                                          const char     *y_name,
                                          const double   *x,
                                          const double   *y,
                                          gsize           n_rows);
ElabDataset  *elab_dataset_new_builtin   (const char     *name);

/* A built-in @name_or_path, or else a CSV file read with @x_column and
 * @y_column (NULL: first and last) and @positive, the label value that is
 * class 1 (NULL: as elab_csv_parse() picks it; ignored for a built-in).
 * Errors are `FILE:LINE: …` GErrors of ELAB_CSV_ERROR. */
ElabDataset  *elab_dataset_load          (const char     *name_or_path,
                                          const char     *x_column,
                                          const char     *y_column,
                                          const char     *positive,
                                          GError        **error);

/* @n_rows points: x uniform in [−3, 3], y ~ Bernoulli(σ(w·x + b)),
 * reproducible from @seed. For benchmarks and scale tests. */
ElabDataset  *elab_dataset_new_synthetic (gsize           n_rows,
                                          double          w,
                                          double          b,
                                          guint32         seed);

/* The entropy of the labels, H(ȳ) with ȳ the fraction of 1s, in nats:
 * the mean cross-entropy of the model that always predicts the base rate,
 * the loss any use of x has to beat. 0 for an empty or one-class set. */
double        elab_dataset_label_entropy (const ElabDataset *dataset);
ElabDataset  *elab_dataset_ref           (ElabDataset    *dataset);
void          elab_dataset_unref         (ElabDataset    *dataset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElabDataset, elab_dataset_unref)

G_END_DECLS
