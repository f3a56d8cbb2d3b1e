/* accuracy-dump.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The C half of the accuracy test: reads query lines on stdin and prints
 * the core's answers with 17 significant digits, for test-accuracy.py to
 * compare with a 50-digit mpmath reference. Query lines:
 *   pair THETA_P BIAS_P THETA_Q BIAS_Q X   -> p q H_p H_q H_pq H_qp KL_pq KL_qp (nats)
 *   bits THETA_P BIAS_P THETA_Q BIAS_Q X   -> the same in bits
 *   tanh Z                                 -> (tanh z + 1)/2 and its entropy (nats)
 *   softmax T K Z1..ZK T1..TK              -> P1..PK H CE KL (nats)
 *   sqerr X Y W B                          -> (σ(wx + b) − y)² and its d/dz
 *   dataset NAME                           -> x1 y1 x2 y2 … of a built-in set
 *   sqdata NAME W B                        -> the trainer's mean squared error
 *                                             and its ∂L/∂w, ∂L/∂b there
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elab-curves.h"
#include "elab-dataset.h"
#include "elab-entropy.h"
#include "elab-logistic.h"
#include "elab-softmax.h"
#include "elab-trainer.h"

static double
next_number (char **tokens,
             guint *i)
{
  const char *s = tokens[(*i)++];
  char *end = NULL;
  double v;

  if (s == NULL)
    {
      fprintf (stderr, "accuracy-dump: line too short\n");
      exit (2);
    }
  v = g_ascii_strtod (s, &end);
  if (end == s || *end != '\0')
    {
      fprintf (stderr, "accuracy-dump: not a number: %s\n", s);
      exit (2);
    }
  return v;
}

int
main (void)
{
  char line[4096];

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      g_auto (GStrv) tokens = NULL;
      guint i = 1;

      g_strstrip (line);
      if (line[0] == '\0')
        continue;
      tokens = g_strsplit_set (line, " ", -1);

      if (strcmp (tokens[0], "pair") == 0 || strcmp (tokens[0], "bits") == 0
          || strcmp (tokens[0], "pairo") == 0)
        {
          ElabLogistic p = { 0 }, q = { 0 };
          ElabPairPoint pt;
          double x;

          /* "pairo OUT_P OUT_Q …": each model's output (0 logistic, 1 tanh). */
          if (tokens[0][4] == 'o')
            {
              p.output = (ElabOutput) next_number (tokens, &i);
              q.output = (ElabOutput) next_number (tokens, &i);
            }

          p.theta = next_number (tokens, &i);
          p.bias = next_number (tokens, &i);
          q.theta = next_number (tokens, &i);
          q.bias = next_number (tokens, &i);
          x = next_number (tokens, &i);
          elab_pair_point (&p, &q, x,
                           tokens[0][0] == 'b' ? ELAB_UNIT_BITS : ELAB_UNIT_NATS, &pt);
          printf ("%.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g\n",
                  pt.p, pt.q, pt.h_p, pt.h_q, pt.h_pq, pt.h_qp, pt.kl_pq, pt.kl_qp,
                  pt.pq_one, pt.pq_zero);
        }
      else if (strcmp (tokens[0], "tanh") == 0)
        {
          double z = next_number (tokens, &i);

          printf ("%.17g %.17g\n", elab_tanh_output (z),
                  elab_binary_entropy_logit (elab_tanh_output_logit (z)));
        }
      else if (strcmp (tokens[0], "softmax") == 0)
        {
          double logits[ELAB_SOFTMAX_MAX_K], target[ELAB_SOFTMAX_MAX_K];
          double probs[ELAB_SOFTMAX_MAX_K];
          double t = next_number (tokens, &i);
          guint k = (guint) next_number (tokens, &i);

          if (k < 1 || k > ELAB_SOFTMAX_MAX_K)
            return 2;
          for (guint j = 0; j < k; j++)
            logits[j] = next_number (tokens, &i);
          for (guint j = 0; j < k; j++)
            target[j] = next_number (tokens, &i);
          elab_softmax (logits, k, t, probs);
          for (guint j = 0; j < k; j++)
            printf ("%.17g ", probs[j]);
          printf ("%.17g %.17g %.17g",
                  elab_softmax_entropy (logits, k, t),
                  elab_softmax_cross_entropy (target, logits, k, t),
                  elab_softmax_kl (target, logits, k, t));
          /* then each class's two terms */
          {
            double ce[ELAB_SOFTMAX_MAX_K], kl[ELAB_SOFTMAX_MAX_K];

            elab_softmax_terms (target, logits, k, t, ce, kl);
            for (guint j = 0; j < k; j++)
              printf (" %.17g", ce[j]);
            for (guint j = 0; j < k; j++)
              printf (" %.17g", kl[j]);
          }
          printf ("\n");
        }
      else if (strcmp (tokens[0], "sqerr") == 0)
        {
          double x = next_number (tokens, &i), y = next_number (tokens, &i);
          double w = next_number (tokens, &i), b = next_number (tokens, &i);
          double dz = NAN;
          double l = elab_trainer_example_squared_error (x, y, w, b, &dz);

          printf ("%.17g %.17g\n", l, dz);
        }
      else if (strcmp (tokens[0], "dataset") == 0 || strcmp (tokens[0], "sqdata") == 0)
        {
          g_autoptr (ElabDataset) d = elab_dataset_load (tokens[1] ? tokens[1] : "", NULL, NULL, "", NULL);

          i++;
          if (d == NULL)
            return 2;
          if (tokens[0][0] == 'd')
            {
              for (gsize r = 0; r < d->n_rows; r++)
                printf ("%s%.17g %.17g", r ? " " : "", d->x[r], d->y[r]);
              printf ("\n");
            }
          else
            {
              ElabTrainerSettings s = ELAB_TRAINER_SETTINGS_INIT;
              g_autoptr (ElabTrainer) t = NULL;
              double dw, db;

              s.loss = ELAB_LOSS_SQUARED;
              s.init_w = next_number (tokens, &i);
              s.init_b = next_number (tokens, &i);
              t = elab_trainer_new (d, &s);
              elab_trainer_get_gradient (t, &dw, &db);
              printf ("%.17g %.17g %.17g\n", elab_trainer_get_loss (t), dw, db);
            }
        }
      else
        {
          fprintf (stderr, "accuracy-dump: unknown query %s\n", tokens[0]);
          return 2;
        }
    }

  return 0;
}
