/* elab-bench-trainer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trainer's scale bar: one gradient step over a million rows against
 * the memory-bandwidth bound of reading the same two arrays, measured in
 * the same run. The bound is the faster of a one-thread and a two-thread
 * plain sum with several accumulators (the best the machine does at just
 * reading the rows), so the ratio is not flattered by a slow baseline.
 * The step is the median step of short runs of steps taken back to back,
 * as training takes them.
 */
#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "elab-bench.h"
#include "elab-dataset.h"
#include "elab-trainer.h"

/* Steps per run, and the busy wait before each bound measurement. */
#define BENCH_RUN_STEPS 5
#define BENCH_SETTLE_MS 1.0

typedef struct
{
  const double *x;
  const double *y;
  gsize         n;
  double        sum;
  gboolean      done;
  GMutex        mutex;
  GCond         cond;
} SumJob;

static double
plain_sum (const double *x,
           const double *y,
           gsize         n)
{
  double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
  gsize i = 0;

  for (; i + 4 <= n; i += 4)
    {
      a0 += x[i];
      a1 += x[i + 1];
      a2 += x[i + 2];
      a3 += x[i + 3];
      a4 += y[i];
      a5 += y[i + 1];
      a6 += y[i + 2];
      a7 += y[i + 3];
    }
  for (; i < n; i++)
    a0 += x[i] + y[i];
  return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
}

static void
sum_job_cb (gpointer data,
            gpointer user_data)
{
  SumJob *job = data;
  double s = plain_sum (job->x, job->y, job->n);

  g_mutex_lock (&job->mutex);
  job->sum = s;
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);
}

static double
two_thread_sum (GThreadPool  *pool,
                const double *x,
                const double *y,
                gsize         n)
{
  SumJob job = { 0, };
  gsize half = n / 2;
  double s;

  job.x = x + half;
  job.y = y + half;
  job.n = n - half;
  g_mutex_init (&job.mutex);
  g_cond_init (&job.cond);
  g_thread_pool_push (pool, &job, NULL);
  s = plain_sum (x, y, half);
  g_mutex_lock (&job.mutex);
  while (!job.done)
    g_cond_wait (&job.cond, &job.mutex);
  g_mutex_unlock (&job.mutex);
  g_mutex_clear (&job.mutex);
  g_cond_clear (&job.cond);
  return s + job.sum;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof (double), compare_doubles);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

gboolean
elab_bench_trainer (guint    n_rows,
                        guint    repeats,
                        double  *res_step_ms,
                        double  *res_bound_ms,
                        GError **error)
{
  g_autoptr(ElabDataset) dataset = NULL;
  g_autoptr(ElabTrainer) trainer = NULL;
  g_autofree double *step_ms = NULL;
  g_autofree double *one_ms = NULL;
  g_autofree double *two_ms = NULL;
  ElabTrainerSettings settings = ELAB_TRAINER_SETTINGS_INIT;
  GThreadPool *pool;
  volatile double sink = 0.0;
  double one, two;

  if (n_rows == 0 || repeats == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "the trainer benchmark needs rows and repeats");
      return FALSE;
    }

  dataset = elab_dataset_new_synthetic (n_rows, 1.5, -0.5, 2024);
  settings.max_steps = 0;      /* never stop on a step count */
  settings.tolerance = 0.0;    /* nor on convergence */
  trainer = elab_trainer_new (dataset, &settings);
  pool = g_thread_pool_new (sum_job_cb, NULL, 1, FALSE, NULL);

  step_ms = g_new (double, (gsize) repeats * BENCH_RUN_STEPS);
  one_ms = g_new (double, repeats);
  two_ms = g_new (double, repeats);

  /* Warm up caches, page mappings and the sum's pool thread. */
  elab_trainer_step (trainer, 3);
  sink += plain_sum (dataset->x, dataset->y, dataset->n_rows);
  sink += two_thread_sum (pool, dataset->x, dataset->y, dataset->n_rows);

  /* Interleaved, so that a burst of load from elsewhere hits all three. */
  for (guint r = 0; r < repeats; r++)
    {
      double t0, t1, t1b, t2;

      /* This core stays busy before the bound is timed (a core back from
       * idle reads slower). */
      t0 = now_ms ();
      while (now_ms () - t0 < BENCH_SETTLE_MS)
        sink += plain_sum (dataset->x, dataset->y, dataset->n_rows);
      t0 = now_ms ();
      sink += plain_sum (dataset->x, dataset->y, dataset->n_rows);
      t1 = now_ms ();
      /* Once untimed, so that the second core is awake, as it is for the
       * trainer's steps. */
      sink += two_thread_sum (pool, dataset->x, dataset->y, dataset->n_rows);
      t1b = now_ms ();
      sink += two_thread_sum (pool, dataset->x, dataset->y, dataset->n_rows);
      t2 = now_ms ();
      one_ms[r] = t1 - t0;
      two_ms[r] = t2 - t1b;

      for (guint k = 0; k < BENCH_RUN_STEPS; k++)
        {
          t0 = now_ms ();
          elab_trainer_step (trainer, 1);
          step_ms[r * BENCH_RUN_STEPS + k] = now_ms () - t0;
        }
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  (void) sink;

  one = median (one_ms, repeats);
  two = median (two_ms, repeats);
  *res_step_ms = median (step_ms, repeats * BENCH_RUN_STEPS);
  *res_bound_ms = MIN (one, two);
  return TRUE;
}
