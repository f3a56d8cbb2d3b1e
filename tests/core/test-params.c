/* test-params.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parameter table is whole (every byte of ElabState belongs to one
 * row), its rows round-trip, its ranges are what validation enforces, and
 * the consumers that loop over it (scenario files, the lenient reader of
 * the saved state, scene gliding, diffs) reach the same field by name.
 */

#include <math.h>
#include <string.h>

#include "elab-params.h"
#include "elab-scenario.h"

/* Every byte of the state is owned by exactly one row; the rest is padding
 * (a gap shorter than a double that ends on a double's alignment). */
static void
test_table_whole (void)
{
  guchar owner[sizeof (ElabState)] = { 0 };
  const ElabParam *params;
  guint n_params;

  params = elab_params (&n_params);
  for (guint i = 0; i < n_params; i++)
    {
      for (gsize b = params[i].offset; b < params[i].offset + params[i].size; b++)
        {
          g_assert_cmpuint (b, <, sizeof (ElabState));
          if (owner[b] != 0)
            g_error ("%s overlaps %s", params[i].name, params[owner[b] - 1].name);
          owner[b] = (guchar) (i + 1);
        }
      if (params[i].flags & ELAB_PARAM_FLAG_OWNS_K)
        for (gsize b = offsetof (ElabState, k); b < offsetof (ElabState, k) + sizeof (guint); b++)
          {
            g_assert_cmpuint (owner[b], ==, 0);
            owner[b] = (guchar) (i + 1);
          }
    }

  for (gsize b = 0; b < sizeof (ElabState); )
    {
      gsize end = b;

      if (owner[b] != 0)
        {
          b++;
          continue;
        }
      while (end < sizeof (ElabState) && owner[end] == 0)
        end++;
      if (end - b >= sizeof (double) || (end % sizeof (double)) != 0)
        g_error ("bytes %" G_GSIZE_FORMAT "…%" G_GSIZE_FORMAT " of ElabState belong to no "
                 "parameter: add a row to elab-params.c", b, end - 1);
      b = end;
    }
}

/* Names are unique across names, aliases and list entries. */
static void
test_names_unique (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const ElabParam *params;
  guint n_params;

  params = elab_params (&n_params);
  for (guint i = 0; i < n_params; i++)
    {
      int index;

      g_assert_false (g_hash_table_contains (seen, params[i].name));
      g_hash_table_add (seen, (gpointer) params[i].name);
      g_assert_true (elab_param_lookup (params[i].name, &index) == &params[i]);
      g_assert_cmpint (index, ==, -1);
      if (params[i].alias != NULL)
        {
          g_assert_false (g_hash_table_contains (seen, params[i].alias));
          g_hash_table_add (seen, (gpointer) params[i].alias);
          g_assert_true (elab_param_lookup (params[i].alias, NULL) == &params[i]);
        }
      if (params[i].element != NULL)
        for (int e = 0; e < ELAB_SOFTMAX_MAX_K; e++)
          {
            g_autofree char *name = g_strdup_printf (params[i].element, e + 1);

            g_assert_true (elab_param_lookup (name, &index) == &params[i]);
            g_assert_cmpint (index, ==, e);
          }
      g_assert_nonnull (params[i].help);
      g_assert_cmpuint (params[i].group, !=, 0);
    }
  g_assert_null (elab_param_lookup ("logit-0", NULL));
  g_assert_null (elab_param_lookup ("logit-9", NULL));
  g_assert_null (elab_param_lookup ("nonsense", NULL));
}

/* A state in which every parameter differs from its default and is
 * valid. */
static void
state_all_changed (ElabState *s)
{
  const ElabParam *params;
  guint n_params;
  ElabState defaults;

  elab_state_init_default (&defaults);
  *s = defaults;
  s->unit = ELAB_UNIT_NATS;
  s->x_min = -2.5;
  s->x_max = 3.25;
  s->samples = 97;
  s->page = ELAB_PAGE_SOFTMAX;
  s->theme = ELAB_THEME_DARK;
  s->palette = ELAB_PALETTE_COLORBLIND;
  s->notation = ELAB_NOTATION_SUBSCRIPT;
  s->formula = TRUE;
  s->formula_at = -0.75;
  for (guint m = 0; m < ELAB_MAX_MODELS; m++)
    {
      s->models[m].theta = 0.1 + m;
      s->models[m].bias = -0.3 * (m + 1);
      s->model_enabled[m] = !defaults.model_enabled[m];
      s->models[m].output = ELAB_OUTPUT_TANH;
    }
  s->p.theta = 1.5; s->p.bias = 0.25; s->q.theta = -0.75; s->q.bias = 1e-3;
  s->kl_gap = ELAB_KL_GAP_BOTH;
  s->p.output = ELAB_OUTPUT_TANH;
  s->q.output = ELAB_OUTPUT_TANH;
  s->k = 4;
  s->logits[0] = 0.5; s->logits[1] = -1; s->logits[2] = 3; s->logits[3] = 1e-7;
  s->target[0] = 0.25; s->target[1] = 0.25; s->target[2] = 0.125; s->target[3] = 0.375;
  s->temperature = 0.3;
  s->softmax_terms = TRUE;
  g_strlcpy (s->dataset, "iris-versicolor", sizeof s->dataset);
  g_strlcpy (s->x_column, "petal length", sizeof s->x_column);
  g_strlcpy (s->y_column, "label=1", sizeof s->y_column);
  g_strlcpy (s->positive, "malignant; M", sizeof s->positive);
  s->loss = ELAB_LOSS_SQUARED;
  s->compare_losses = TRUE;
  s->optimizer = ELAB_OPTIMIZER_MOMENTUM;
  s->learning_rate = 0.03;
  s->momentum = 0.5;
  s->steps = 77;
  s->standardize = !defaults.standardize;
  s->use_bias = !defaults.use_bias;
  s->init_w = -1.25;
  s->init_b = 2;
  s->loss_scale = ELAB_LOSS_SCALE_LOG;

  params = elab_params (&n_params);
  for (guint i = 0; i < n_params; i++)
    if (elab_param_equal (&params[i], s, &defaults))
      g_error ("the test's state leaves %s at its default", params[i].name);
  g_assert_true (elab_state_validate (s, NULL));
}

static void
test_round_trip (void)
{
  const ElabParam *params;
  guint n_params;
  ElabState changed, s;

  state_all_changed (&changed);
  params = elab_params (&n_params);
  for (guint i = 0; i < n_params; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *text = elab_param_format (&params[i], &changed);

      elab_state_init_default (&s);
      if (params[i].type == ELAB_PARAM_LIST && !(params[i].flags & ELAB_PARAM_FLAG_OWNS_K))
        s.k = changed.k;
      g_assert_true (elab_param_parse (&params[i], -1, text, &s, &error));
      g_assert_no_error (error);
      g_assert_true (elab_param_equal (&params[i], &s, &changed));
    }
}

/* Each row's range is exactly what validation accepts. */
static void
test_ranges (void)
{
  const ElabParam *params;
  guint n_params;

  params = elab_params (&n_params);
  for (guint i = 0; i < n_params; i++)
    {
      const ElabParam *p = &params[i];
      gboolean min_open = (p->flags & ELAB_PARAM_FLAG_MIN_OPEN) != 0;
      gboolean max_open = (p->flags & ELAB_PARAM_FLAG_MAX_OPEN) != 0;
      int index = p->type == ELAB_PARAM_LIST ? 0 : -1;
      double below, above, lo, hi;
      ElabState s;

      if (p->type != ELAB_PARAM_DOUBLE && p->type != ELAB_PARAM_UINT && p->type != ELAB_PARAM_LIST)
        continue;

      lo = min_open ? nextafter (p->min, INFINITY) : p->min;
      hi = max_open ? nextafter (p->max, -INFINITY) : p->max;
      below = p->type == ELAB_PARAM_UINT ? p->min - 1 : nextafter (lo, -INFINITY);
      above = p->type == ELAB_PARAM_UINT ? p->max + 1 : nextafter (hi, INFINITY);

      elab_state_init_default (&s);
      g_assert_true (elab_param_set_number (p, index, lo, &s, NULL));
      g_assert_true (elab_param_validate (p, &s, NULL));
      g_assert_true (elab_param_set_number (p, index, hi, &s, NULL));
      g_assert_true (elab_param_validate (p, &s, NULL));

      if (p->type != ELAB_PARAM_UINT || p->min > 0)
        {
          g_autoptr (GError) error = NULL;

          g_assert_false (elab_param_set_number (p, index, below, &s, &error));
          g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
          g_assert_true (g_str_has_prefix (error->message, p->name));
        }
      if (isfinite (above))
        {
          g_autoptr (GError) error = NULL;

          if (elab_param_set_number (p, index, above, &s, &error))
            g_error ("%s accepts %.17g", p->name, above);
          g_assert_true (g_str_has_prefix (error->message, p->name));
        }
      g_assert_false (elab_param_set_number (p, index, NAN, &s, NULL));
    }
}

/* Every parameter set by name reaches the field the scenario file, the
 * lenient reader and the diff see. */
static void
test_consumers_agree (void)
{
  const ElabParam *params;
  guint n_params;
  ElabState changed, defaults;

  state_all_changed (&changed);
  elab_state_init_default (&defaults);
  params = elab_params (&n_params);
  for (guint i = 0; i < n_params; i++)
    {
      g_autoptr (ElabScenario) sc = NULL;
      g_autoptr (ElabScenario) back = NULL;
      g_autoptr (ElabScenario) lenient = NULL;
      g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *data = NULL;
      g_autofree char *text = elab_param_format (&params[i], &changed);
      ElabState s = defaults;
      gsize len;

      /* By name, as a flag or a sweep sets it. */
      if (params[i].type == ELAB_PARAM_LIST && !(params[i].flags & ELAB_PARAM_FLAG_OWNS_K))
        elab_param_copy (elab_param_lookup ("logits", NULL), &s, &changed);
      g_assert_true (elab_param_parse (elab_param_lookup (params[i].name, NULL), -1, text, &s, NULL));
      if (strcmp (params[i].name, "logits") == 0)
        elab_param_copy (elab_param_lookup ("target", NULL), &s, &changed);
      g_assert_true (elab_state_validate (&s, NULL));
      g_assert_true (elab_state_diff (&defaults, &s) & params[i].group);

      /* Through a scenario file, strict and lenient. */
      sc = elab_scenario_new (&s);
      data = elab_scenario_to_data (sc, &len, NULL);
      g_assert_nonnull (data);
      g_assert_nonnull (strstr (data, params[i].name));
      back = elab_scenario_from_data (data, len, "t.elab", NULL);
      g_assert_nonnull (back);
      g_assert_true (elab_param_equal (&params[i], &back->state, &changed));
      g_assert_true (elab_state_equal (&back->state, &s));
      lenient = elab_scenario_from_data_lenient (data, len, "t.elab", warnings, NULL);
      g_assert_nonnull (lenient);
      g_assert_cmpuint (warnings->len, ==, 0);
      g_assert_true (elab_state_equal (&lenient->state, &s));
    }
}

/* The saved state: one bad value costs only that value. */
static void
test_lenient (void)
{
  g_autoptr (ElabScenario) sc = NULL;
  g_autoptr (ElabScenario) back = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  GString *bad;
  ElabState changed;
  gsize len;

  state_all_changed (&changed);
  sc = elab_scenario_new (&changed);
  data = elab_scenario_to_data (sc, &len, NULL);
  bad = g_string_new (data);
  g_string_replace (bad, "temperature=0.3", "temperature=-1", 1);
  g_string_replace (bad, "steps=77", "steps=4294967295", 1);
  g_string_replace (bad, "x-max=3.25", "x-max=-3", 1);
  g_string_append (bad, "from-the-future=1\n");

  g_assert_null (elab_scenario_from_data (bad->str, bad->len, "last.elab", &error));
  g_assert_error (error, ELAB_SCENARIO_ERROR, ELAB_SCENARIO_ERROR_INVALID);

  back = elab_scenario_from_data_lenient (bad->str, bad->len, "last.elab", warnings, NULL);
  g_assert_nonnull (back);
  g_assert_cmpuint (warnings->len, ==, 4);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "last.elab:"));
  g_assert_cmpfloat (back->state.temperature, ==, 1);     /* its default */
  g_assert_cmpuint (back->state.steps, ==, 1000);
  g_assert_cmpfloat (back->state.x_min, ==, -6);          /* the pair, reset together */
  g_assert_cmpfloat (back->state.x_max, ==, 6);
  g_assert_cmpfloat (back->state.p.theta, ==, changed.p.theta);   /* the rest kept */
  g_assert_cmpstr (back->state.dataset, ==, changed.dataset);
  g_assert_cmpint (back->state.loss_scale, ==, changed.loss_scale);
  g_assert_true (elab_state_validate (&back->state, NULL));
  g_string_free (bad, TRUE);
}

/* A logit may be −∞, the logit of a probability 0 (typed "-inf"): it
 * reads, writes back, steps in a glide, and not every logit may be. */
static void
test_logit_minus_infinity (void)
{
  const ElabParam *logits = elab_param_lookup ("logits", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ElabState a, b, mid;

  elab_state_init_default (&a);
  g_assert_true (elab_param_parse (logits, -1, "-inf,0,-0.5", &a, &error));
  g_assert_no_error (error);
  g_assert_true (isinf (a.logits[0]) && a.logits[0] < 0);
  g_assert_true (elab_state_validate (&a, NULL));
  text = elab_param_format (logits, &a);
  g_assert_cmpstr (text, ==, "-inf,0,-0.5");

  b = a;
  b.logits[0] = 1.0;
  elab_state_interpolate (&a, &b, 0.5, &mid);
  g_assert_true (isinf (mid.logits[0]));
  g_assert_cmpfloat (mid.logits[2], ==, -0.5);
  elab_state_interpolate (&a, &b, 1.0, &mid);
  g_assert_cmpfloat (mid.logits[0], ==, 1.0);

  g_assert_false (elab_param_parse (logits, -1, "inf,0", &a, NULL));
  g_assert_false (elab_param_parse (logits, -1, "nan,0", &a, NULL));
  g_assert_true (elab_param_parse (logits, -1, "-inf,-inf", &a, NULL));
  g_assert_false (elab_state_validate (&a, &error));
  g_assert_nonnull (strstr (error->message, "at least one must be finite"));
  /* Other numbers stay finite. */
  g_assert_false (elab_param_parse (elab_param_lookup ("temperature", NULL), -1, "-inf", &a, NULL));
}

static void
test_interpolate (void)
{
  ElabState a, b, mid;

  elab_state_init_default (&a);
  state_all_changed (&b);
  b.k = a.k;
  memcpy (b.target, a.target, sizeof a.target);
  b.target[0] = 0.5; b.target[1] = 0.5;
  elab_state_interpolate (&a, &b, 0.5, &mid);
  g_assert_true (elab_state_validate (&mid, NULL));
  g_assert_cmpfloat_with_epsilon (mid.p.theta, (a.p.theta + b.p.theta) / 2, 1e-15);
  /* The temperature glides in log: halfway from 1 to 0.3 is sqrt(0.3). */
  g_assert_cmpfloat_with_epsilon (mid.temperature, sqrt (0.3), 1e-15);
  /* What steps has its new value at once. */
  g_assert_cmpint (mid.page, ==, b.page);
  g_assert_cmpfloat (mid.learning_rate, ==, b.learning_rate);
  elab_state_interpolate (&a, &b, 0, &mid);
  g_assert_true (elab_state_equal (&mid, &a));
  elab_state_interpolate (&a, &b, 1, &mid);
  g_assert_true (elab_state_equal (&mid, &b));
}

/* The softmax model typed as probabilities: the four-symbol code comes
 * back exactly, a 0 is a logit of −∞, a sum off by rounding only is
 * renormalised, and anything else is refused with the state unchanged. */
static void
test_probabilities (void)
{
  static const double code[] = { 0.125, 0.5, 0.125, 0.25 };
  ElabState state, before;

  elab_state_init_default (&state);
  state.temperature = 2.0;
  g_assert_true (elab_state_parse_probabilities (&state, "0.125, 0.5, 0.125, 0.25", 1e-6, NULL));
  g_assert_cmpuint (state.k, ==, 4);
  g_assert_cmpfloat (state.temperature, ==, 1.0);
  g_assert_cmpfloat (state.logits[1], ==, 0.0);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat_with_epsilon (exp (state.logits[i]) / 2.0, code[i], 1e-15);

  g_assert_true (elab_state_parse_probabilities (&state, "0,0.5,0.5", 1e-6, NULL));
  g_assert_cmpuint (state.k, ==, 3);
  g_assert_true (isinf (state.logits[0]) && state.logits[0] < 0);

  /* Typed to four digits: 2/3 and 1/3 sum to 1 within 1e-3 (the window's
   * tolerance); 0.33 three times, off by 0.01, is refused. */
  g_assert_true (elab_state_parse_probabilities (&state, "0.6667,0.3333", 1e-3, NULL));
  g_assert_cmpuint (state.k, ==, 2);
  before = state;
  {
    static const struct { const char *text; const char *message; } bad[] = {
      { "0.33,0.33,0.33", "probabilities: the values sum to 0.99; a distribution sums to 1" },
      { "-0.5,1.5", "probabilities: value 1 must be \xe2\x89\xa5 0" },
      { "1", "probabilities: must have between 2 and 8 values (got 1)" },
      { "0.5,x", "probabilities: not a number: 'x'" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) error = NULL;

        g_assert_false (elab_state_parse_probabilities (&state, bad[i].text, 1e-3, &error));
        g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
        g_assert_cmpstr (error->message, ==, bad[i].message);
        g_assert_true (memcmp (&state, &before, sizeof state) == 0);
      }
  }
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/core/Params/whole", test_table_whole);
  g_test_add_func ("/elab/core/Params/names-unique", test_names_unique);
  g_test_add_func ("/elab/core/Params/round-trip", test_round_trip);
  g_test_add_func ("/elab/core/Params/logit-minus-infinity", test_logit_minus_infinity);
  g_test_add_func ("/elab/core/Params/ranges", test_ranges);
  g_test_add_func ("/elab/core/Params/consumers-agree", test_consumers_agree);
  g_test_add_func ("/elab/core/Params/lenient", test_lenient);
  g_test_add_func ("/elab/core/Params/interpolate", test_interpolate);
  g_test_add_func ("/elab/core/Params/probabilities", test_probabilities);

  return g_test_run ();
}
