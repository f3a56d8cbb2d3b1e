/* test-trainer-longrun.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An hour of animation, accelerated: 60 frames per second for 3600 s with
 * several steps per frame, on a trainer that never stops. The stored
 * history must stay bounded and the process must grow by less than 5 MB.
 */
#include <stdio.h>
#include <unistd.h>

#include "elab-trainer.h"

/* Resident set size in bytes, from /proc/self/statm. */
static gsize
rss_bytes (void)
{
  g_autofree char *text = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &text, NULL, NULL) ||
      sscanf (text, "%lu %lu", &size, &resident) != 2)
    return 0;
  return resident * (gsize) sysconf (_SC_PAGESIZE);
}

static void
test_hour (void)
{
  const guint fps = 60, seconds = 3600, steps_per_frame = 4;
  g_autoptr(ElabDataset) d = elab_dataset_new_builtin ("iris-versicolor-virginica");
  g_autoptr(ElabTrainer) t = NULL;
  ElabTrainerSettings s = ELAB_TRAINER_SETTINGS_INIT;
  gsize rss_before, rss_after, n, max_n = 0;
  const ElabTrainPoint *h;

  /* Plain gradient descent, unstandardised, no tolerance and no step
   * limit: this run keeps going for the whole hour. */
  s.learning_rate = 1e-3;
  s.max_steps = 0;
  s.tolerance = 0.0;
  t = elab_trainer_new (d, &s);

  /* Warm up one minute first so that one-time allocations are not
   * counted as growth. */
  for (guint f = 0; f < fps * 60; f++)
    elab_trainer_step (t, steps_per_frame);
  rss_before = rss_bytes ();

  for (guint f = 0; f < fps * seconds; f++)
    {
      elab_trainer_step (t, steps_per_frame);
      if (f % 997 == 0)
        {
          elab_trainer_get_history (t, &n);
          max_n = MAX (max_n, n);
        }
    }
  rss_after = rss_bytes ();

  g_assert_false (elab_trainer_is_done (t));
  g_assert_cmpuint (elab_trainer_get_steps (t), ==, (guint64) fps * (seconds + 60) * steps_per_frame);

  h = elab_trainer_get_history (t, &n);
  g_assert_cmpuint (MAX (n, max_n), <=, ELAB_TRAINER_HISTORY_CAP);
  g_assert_cmpuint (n, >=, ELAB_TRAINER_HISTORY_CAP / 2);
  /* First and latest points kept, steps increasing. */
  g_assert_cmpuint (h[0].step, ==, 0);
  g_assert_cmpuint (h[n - 1].step, ==, elab_trainer_get_steps (t));
  for (gsize i = 1; i < n; i++)
    g_assert_cmpuint (h[i].step, >, h[i - 1].step);

  g_test_message ("RSS before %zu kB, after %zu kB", rss_before / 1024, rss_after / 1024);
  g_assert_cmpuint (rss_before, >, 0);
  g_assert_cmpint ((gssize) rss_after - (gssize) rss_before, <, 5 * 1024 * 1024);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/elab/core/Trainer/hour-of-animation", test_hour);
  return g_test_run ();
}
