/* elab-cli-softmax.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `entropy-lab softmax`: the softmax of a few logits at a temperature, its
 * entropy against the log K maximum, and the cross-entropy and KL from a
 * target distribution.
 */
#include <math.h>
#include <stdio.h>

#include "elab-cli-options.h"
#include "elab-cli-output.h"
#include "elab-cli-private.h"
#include "elab-entropy.h"
#include "elab-softmax.h"

typedef struct
{
  guint  k;
  double probabilities[ELAB_SOFTMAX_MAX_K];
  double entropy;
  double max_entropy;
  double cross_entropy;
  double target_entropy;
  double kl;
  double ce_terms[ELAB_SOFTMAX_MAX_K];   /* −tᵢ·log Pᵢ */
  double kl_terms[ELAB_SOFTMAX_MAX_K];   /* tᵢ·log(tᵢ/Pᵢ) */
} SoftmaxResult;

static void
compute (const ElabState *state,
         SoftmaxResult   *res)
{
  double factor = elab_unit_factor (state->unit);

  res->k = state->k;
  elab_softmax (state->logits, state->k, state->temperature, res->probabilities);

  res->entropy = elab_softmax_entropy_in_unit (state->logits, state->k, state->temperature, state->unit);
  res->max_entropy = elab_softmax_max_entropy (state->k, state->unit);
  res->cross_entropy = elab_softmax_cross_entropy (state->target, state->logits, state->k,
                                                   state->temperature) * factor;
  /* H(target): what H(target, P) − KL leaves, so the gap can be read off. */
  res->target_entropy = elab_entropy (state->target, state->k) * factor;
  res->kl = elab_softmax_kl (state->target, state->logits, state->k, state->temperature) * factor;
  elab_softmax_terms (state->target, state->logits, state->k, state->temperature,
                      res->ce_terms, res->kl_terms);
  for (guint i = 0; i < state->k; i++)
    {
      res->ce_terms[i] *= factor;
      res->kl_terms[i] *= factor;
    }
}

static void
print_csv (const SoftmaxResult *res)
{
  for (guint i = 0; i < res->k; i++)
    printf ("p_%u,", i + 1);
  printf ("entropy,max_entropy,cross_entropy,target_entropy,kl");
  for (guint i = 0; i < res->k; i++)
    printf (",ce_%u", i + 1);
  for (guint i = 0; i < res->k; i++)
    printf (",kl_%u", i + 1);
  putchar ('\n');

  for (guint i = 0; i < res->k; i++)
    {
      elab_cli_print_number (stdout, res->probabilities[i]);
      putchar (',');
    }
  elab_cli_print_number (stdout, res->entropy);
  putchar (',');
  elab_cli_print_number (stdout, res->max_entropy);
  putchar (',');
  elab_cli_print_number (stdout, res->cross_entropy);
  putchar (',');
  elab_cli_print_number (stdout, res->target_entropy);
  putchar (',');
  elab_cli_print_number (stdout, res->kl);
  for (guint i = 0; i < res->k; i++)
    {
      putchar (',');
      elab_cli_print_number (stdout, res->ce_terms[i]);
    }
  for (guint i = 0; i < res->k; i++)
    {
      putchar (',');
      elab_cli_print_number (stdout, res->kl_terms[i]);
    }
  putchar ('\n');
}

static void
add_array (JsonBuilder  *builder,
           const char   *name,
           const double *values,
           guint         n)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    elab_cli_json_add_number (builder, values[i]);
  json_builder_end_array (builder);
}

static void
print_json (const ElabState     *state,
            const SoftmaxResult *res)
{
  g_autoptr(JsonBuilder) builder = elab_cli_json_begin (state->unit);

  add_array (builder, "logits", state->logits, state->k);
  elab_cli_json_add_member (builder, "temperature", state->temperature);
  add_array (builder, "target", state->target, state->k);
  add_array (builder, "probabilities", res->probabilities, res->k);
  elab_cli_json_add_member (builder, "entropy", res->entropy);
  elab_cli_json_add_member (builder, "max_entropy", res->max_entropy);
  elab_cli_json_add_member (builder, "cross_entropy", res->cross_entropy);
  elab_cli_json_add_member (builder, "target_entropy", res->target_entropy);
  elab_cli_json_add_member (builder, "kl", res->kl);
  add_array (builder, "cross_entropy_terms", res->ce_terms, res->k);
  add_array (builder, "kl_terms", res->kl_terms, res->k);
  json_builder_end_object (builder);

  elab_cli_json_print (builder, TRUE);
}

int
elab_cli_softmax (int    argc,
                  char **argv)
{
  g_autoptr(ElabCliParser) parser = NULL;
  ElabCliStateFlags flags = { 0 };
  int format = ELAB_CLI_FORMAT_CSV;
  SoftmaxResult res;
  ElabState state;
  int status;

  parser = elab_cli_parser_new ("softmax",
                                "Softmax probabilities P_i = exp(z_i/T) / Σ_j exp(z_j/T), their entropy, and the "
                                "cross-entropy and KL from a target.",
                                "Fields: probabilities, entropy = H(P), max_entropy = log K, "
                                "cross_entropy = H(target, P) = −Σ target_i·log P_i,\n"
                                "target_entropy = H(target) = −Σ target_i·log target_i, "
                                "kl = KL(target‖P) = H(target, P) − H(target);\neach class's terms "
                                "ce_i = −target_i·log P_i and kl_i = target_i·log(target_i/P_i), exact from "
                                "the logits where P_i underflows.\n\n"
                                "CSV is a header row p_1,…,p_K,entropy,max_entropy,cross_entropy,target_entropy,kl,"
                                "ce_1,…,ce_K,kl_1,…,kl_K\nand one row of values.\nJSON is one object {\"unit\", "
                                "\"logits\", \"temperature\", \"target\", \"probabilities\", \"entropy\",\n"
                                "\"max_entropy\", \"cross_entropy\", \"target_entropy\", \"kl\", "
                                "\"cross_entropy_terms\", \"kl_terms\"}.\n\n"
                                "Numbers have 17 significant digits. A cross-entropy or KL that is infinite (a "
                                "target mass on a\nprobability that is exactly 0) prints as inf in CSV and as "
                                "the string \"Infinity\" in JSON.\n\n"
                                "Example:\n  entropy-lab softmax --logits 2,1,0.1 --target 0.7,0.2,0.1 "
                                "--format json");
  elab_cli_state_flags_add_report (parser, &flags, ELAB_CLI_STATE_SOFTMAX, &format);

  status = elab_cli_state_flags_parse (parser, argc, argv, &flags, &state);
  if (status >= 0)
    return status;

  compute (&state, &res);
  if (format == ELAB_CLI_FORMAT_JSON)
    print_json (&state, &res);
  else
    print_csv (&res);

  if (elab_cli_output_finish () != 0)
    return ELAB_EXIT_DATA;

  /* log 0 made visible: which class makes the cross-entropy infinite. */
  for (guint i = 0; i < res.k; i++)
    if (state.target[i] > 0.0 && state.logits[i] == -INFINITY)
      {
        fprintf (stderr, "entropy-lab: note: the target puts %g on class %u, where P = 0 (a support "
                 "mismatch): −log 0 = ∞, so the cross-entropy and the KL are infinite\n",
                 state.target[i], i + 1);
        break;
      }

  return ELAB_EXIT_OK;
}
