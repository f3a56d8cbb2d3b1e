/* elab-cli-curves.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `entropy-lab curves`: every pairwise quantity of two logistic models over
 * an x range, as CSV or JSON.
 */
#include <stdio.h>

#include "elab-cli-options.h"
#include "elab-cli-output.h"
#include "elab-cli-private.h"
#include "elab-curves.h"

static const char *columns[] = { "x", "p", "q", "H_p", "H_q", "H_pq", "H_qp", "KL_pq", "KL_qp" };

static void
row_values (const ElabPairCurves *curves,
            guint                 i,
            double                res[G_N_ELEMENTS (columns)])
{
  res[0] = curves->x[i];
  res[1] = curves->p[i];
  res[2] = curves->q[i];
  res[3] = curves->h_p[i];
  res[4] = curves->h_q[i];
  res[5] = curves->h_pq[i];
  res[6] = curves->h_qp[i];
  res[7] = curves->kl_pq[i];
  res[8] = curves->kl_qp[i];
}

static void
print_csv (const ElabPairCurves *curves)
{
  for (gsize c = 0; c < G_N_ELEMENTS (columns); c++)
    printf ("%s%s", c ? "," : "", columns[c]);
  putchar ('\n');

  for (guint i = 0; i < curves->n; i++)
    {
      double values[G_N_ELEMENTS (columns)];

      row_values (curves, i, values);
      for (gsize c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          if (c)
            putchar (',');
          elab_cli_print_number (stdout, values[c]);
        }
      putchar ('\n');
    }
}

static void
add_model (JsonBuilder        *builder,
           const char         *name,
           const ElabLogistic *model)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  elab_cli_json_add_member (builder, "theta", model->theta);
  elab_cli_json_add_member (builder, "bias", model->bias);
  json_builder_end_object (builder);
}

static void
print_json (const ElabState      *state,
            const ElabPairCurves *curves)
{
  g_autoptr(JsonBuilder) builder = elab_cli_json_begin (state->unit);

  add_model (builder, "p", &state->p);
  add_model (builder, "q", &state->q);
  elab_cli_json_add_member (builder, "x_min", state->x_min);
  elab_cli_json_add_member (builder, "x_max", state->x_max);
  json_builder_set_member_name (builder, "samples");
  json_builder_add_int_value (builder, curves->n);

  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < curves->n; i++)
    {
      double values[G_N_ELEMENTS (columns)];

      row_values (curves, i, values);
      json_builder_begin_object (builder);
      for (gsize c = 0; c < G_N_ELEMENTS (columns); c++)
        elab_cli_json_add_member (builder, columns[c], values[c]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "means");
  json_builder_begin_object (builder);
  elab_cli_json_add_member (builder, "H_p", curves->mean_h_p);
  elab_cli_json_add_member (builder, "H_q", curves->mean_h_q);
  elab_cli_json_add_member (builder, "H_pq", curves->mean_h_pq);
  elab_cli_json_add_member (builder, "H_qp", curves->mean_h_qp);
  elab_cli_json_add_member (builder, "KL_pq", curves->mean_kl_pq);
  elab_cli_json_add_member (builder, "KL_qp", curves->mean_kl_qp);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  /* Compact: a 100,000-row document is read by programs, not people. */
  elab_cli_json_print (builder, FALSE);
}

int
elab_cli_curves (int    argc,
                 char **argv)
{
  g_autoptr(ElabCliParser) parser = NULL;
  g_autoptr(ElabPairCurves) curves = NULL;
  ElabCliStateFlags flags = { 0 };
  int format = ELAB_CLI_FORMAT_CSV;
  ElabState state;
  int status;

  parser = elab_cli_parser_new ("curves",
                                "Print p(x) = σ(θ_p·x + b_p), q(x) = σ(θ_q·x + b_q) and every entropy between "
                                "them over an x range.",
                                "Columns: x,p,q,H_p,H_q,H_pq,H_qp,KL_pq,KL_qp where H_pq = H(p, q) is the "
                                "cross-entropy of q\n"
                                "under the true p and KL_pq = KL(p‖q) = H(p, q) − H(p). Samples are evenly "
                                "spaced, both ends included.\n\n"
                                "CSV has a header row and one row per sample. JSON is one object:\n"
                                "  {\"unit\", \"p\": {\"theta\", \"bias\"}, \"q\": {…}, \"x_min\", \"x_max\", "
                                "\"samples\",\n"
                                "   \"rows\": [{\"x\", \"p\", …, \"KL_qp\"}, …],\n"
                                "   \"means\": {\"H_p\", \"H_q\", \"H_pq\", \"H_qp\", \"KL_pq\", \"KL_qp\"}}\n"
                                "the means being trapezoid means over [x_min, x_max].\n\n"
                                "Numbers have 17 significant digits so that they read back exactly. Every value "
                                "is finite for\nfinite parameters; an infinite one would print as inf in CSV "
                                "and as the string \"Infinity\" in JSON.\n\n"
                                "Example:\n  entropy-lab curves --theta-q 0.5 --samples 5 --unit nats");
  elab_cli_state_flags_add_report (parser, &flags, ELAB_CLI_STATE_CURVES, &format);

  status = elab_cli_state_flags_parse (parser, argc, argv, &flags, &state);
  if (status >= 0)
    return status;

  curves = elab_pair_curves_new (state.samples);
  elab_pair_curves_compute (curves, &state.p, &state.q, state.x_min, state.x_max, state.samples, state.unit);

  if (format == ELAB_CLI_FORMAT_JSON)
    print_json (&state, curves);
  else
    print_csv (curves);

  if (elab_cli_output_finish () != 0)
    return ELAB_EXIT_DATA;

  return ELAB_EXIT_OK;
}
