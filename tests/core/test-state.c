/* test-state.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "elab-state.h"

static void
test_defaults (void)
{
  ElabState s;
  g_autoptr (GError) error = NULL;

  elab_state_init_default (&s);
  g_assert_true (elab_state_validate (&s, &error));
  g_assert_no_error (error);

  g_assert_cmpint (s.unit, ==, ELAB_UNIT_BITS);
  g_assert_cmpfloat (s.x_min, ==, -6);
  g_assert_cmpfloat (s.x_max, ==, 6);
  g_assert_cmpuint (s.samples, ==, 241);
  g_assert_cmpfloat (s.models[0].theta, ==, 1);
  g_assert_cmpfloat (s.models[1].theta, ==, 2);
  g_assert_cmpfloat (s.models[2].theta, ==, 0.5);
  g_assert_true (s.model_enabled[0] && s.model_enabled[1] && !s.model_enabled[2]);
  g_assert_cmpfloat (s.p.theta, ==, 1);
  g_assert_cmpfloat (s.q.theta, ==, 2);
  g_assert_cmpuint (s.k, ==, 3);
  g_assert_cmpfloat (s.logits[0], ==, 2);
  g_assert_cmpfloat (s.logits[2], ==, 0.1);
  g_assert_cmpfloat (s.temperature, ==, 1);
  g_assert_cmpfloat (s.target[0], ==, 1);
  g_assert_cmpfloat (s.target[1], ==, 0);
  g_assert_cmpstr (s.dataset, ==, "challenger");
  g_assert_cmpint (s.optimizer, ==, ELAB_OPTIMIZER_GD);
  g_assert_true (s.use_bias);
  g_assert_cmpint (s.loss_scale, ==, ELAB_LOSS_SCALE_LINEAR);
}

typedef void (*Mutate) (ElabState *s);

#define BAD(name, body) static void name (ElabState *s) { body; }
BAD (bad_unit, s->unit = 7)
BAD (bad_x_min_nan, s->x_min = NAN)
BAD (bad_x_max_inf, s->x_max = INFINITY)
BAD (bad_x_order, s->x_min = 2; s->x_max = 2)
BAD (bad_x_huge, s->x_max = 1e300)
BAD (bad_samples_low, s->samples = 1)
BAD (bad_samples_high, s->samples = ELAB_MAX_SAMPLES + 1)
BAD (bad_page, s->page = 9)
BAD (bad_theme, s->theme = 2)
BAD (bad_palette, s->palette = 5)
BAD (bad_notation, s->notation = 3)
BAD (bad_model_theta, s->models[1].theta = 2e6)
BAD (bad_model_bias, s->models[2].bias = NAN)
BAD (bad_model_enabled, s->model_enabled[0] = 5)
BAD (bad_p_theta, s->p.theta = -INFINITY)
BAD (bad_q_bias, s->q.bias = -1e7)
BAD (bad_k_low, s->k = 1)
BAD (bad_k_high, s->k = 9)
BAD (bad_logit, s->logits[2] = NAN)
BAD (bad_temperature_zero, s->temperature = 0)
BAD (bad_temperature_neg, s->temperature = -1)
BAD (bad_temperature_nan, s->temperature = NAN)
BAD (bad_target_neg, s->target[0] = 1.5; s->target[1] = -0.5)
BAD (bad_target_sum, s->target[0] = 0.9)
BAD (bad_target_nan, s->target[1] = NAN)
BAD (bad_dataset_empty, s->dataset[0] = '\0')
BAD (bad_dataset_unterminated, memset (s->dataset, 'a', sizeof s->dataset))
BAD (bad_column_utf8, strcpy (s->x_column, "\xff\xfe"))
BAD (bad_optimizer, s->optimizer = 3)
BAD (bad_lr_zero, s->learning_rate = 0)
BAD (bad_lr_nan, s->learning_rate = NAN)
BAD (bad_momentum, s->momentum = 1)
BAD (bad_steps, s->steps = 0)
BAD (bad_standardize, s->standardize = 2)
BAD (bad_init_w, s->init_w = INFINITY)
BAD (bad_loss_scale, s->loss_scale = 2)

static const struct
{
  Mutate      mutate;
  const char *key;
} bad_cases[] = {
  { bad_unit, "unit" },
  { bad_x_min_nan, "x-min" },
  { bad_x_max_inf, "x-max" },
  { bad_x_order, "x-max" },
  { bad_x_huge, "x-max" },
  { bad_samples_low, "samples" },
  { bad_samples_high, "samples" },
  { bad_page, "page" },
  { bad_theme, "theme" },
  { bad_palette, "palette" },
  { bad_notation, "notation" },
  { bad_model_theta, "model-b-theta" },
  { bad_model_bias, "model-c-bias" },
  { bad_model_enabled, "model-a-enabled" },
  { bad_p_theta, "p-theta" },
  { bad_q_bias, "q-bias" },
  { bad_k_low, "logits" },
  { bad_k_high, "logits" },
  { bad_logit, "logits" },
  { bad_temperature_zero, "temperature" },
  { bad_temperature_neg, "temperature" },
  { bad_temperature_nan, "temperature" },
  { bad_target_neg, "target" },
  { bad_target_sum, "target" },
  { bad_target_nan, "target" },
  { bad_dataset_empty, "dataset" },
  { bad_dataset_unterminated, "dataset" },
  { bad_column_utf8, "x-column" },
  { bad_optimizer, "optimizer" },
  { bad_lr_zero, "learning-rate" },
  { bad_lr_nan, "learning-rate" },
  { bad_momentum, "momentum" },
  { bad_steps, "steps" },
  { bad_standardize, "standardize" },
  { bad_init_w, "init-w" },
  { bad_loss_scale, "loss-scale" },
};

static void
test_validate_rejects (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      ElabState s;
      g_autoptr (GError) error = NULL;
      g_autofree char *prefix = g_strconcat (bad_cases[i].key, ": ", NULL);

      elab_state_init_default (&s);
      bad_cases[i].mutate (&s);
      g_assert_false (elab_state_validate (&s, &error));
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("case %u: expected the message to name %s, got: %s", i,
                 bad_cases[i].key, error->message);
    }
}

static void
test_validate_accepts (void)
{
  ElabState s;
  g_autoptr (GError) error = NULL;

  elab_state_init_default (&s);
  s.k = 8;
  for (guint i = 0; i < 8; i++)
    {
      s.logits[i] = -1e6 + i;
      s.target[i] = 0.125;
    }
  s.temperature = 1e-300;
  s.x_min = -1e6;
  s.x_max = 1e6;
  s.samples = ELAB_MAX_SAMPLES;
  s.models[0].theta = 1e6;
  s.momentum = 0;
  /* entries beyond k are ignored */
  s.k = 2;
  s.target[0] = 0.5;
  s.target[1] = 0.5 + 1e-12;
  s.target[5] = NAN;
  g_assert_true (elab_state_validate (&s, &error));
  g_assert_no_error (error);
}

static void
test_enum_strings (void)
{
  const char *pages[] = { "entropy", "cross-entropy", "training", "softmax" };
  ElabPageKind page;
  ElabThemeKind theme;
  ElabOptimizer opt;
  ElabPalette palette;
  ElabNotation notation;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_true (elab_page_kind_from_string (pages[i], &page));
      g_assert_cmpstr (elab_page_kind_to_string (page), ==, pages[i]);
    }
  g_assert_cmpint (ELAB_PAGE_CROSS_ENTROPY, ==, (elab_page_kind_from_string ("cross-entropy", &page), page));
  g_assert_false (elab_page_kind_from_string ("Entropy", &page));
  g_assert_null (elab_page_kind_to_string (42));

  g_assert_true (elab_theme_from_string ("dark", &theme));
  g_assert_cmpint (theme, ==, ELAB_THEME_DARK);
  g_assert_cmpstr (elab_theme_to_string (ELAB_THEME_LIGHT), ==, "light");
  g_assert_false (elab_theme_from_string ("grey", &theme));

  g_assert_true (elab_optimizer_from_string ("newton", &opt));
  g_assert_cmpint (opt, ==, ELAB_OPTIMIZER_NEWTON);
  g_assert_cmpstr (elab_optimizer_to_string (ELAB_OPTIMIZER_MOMENTUM), ==, "momentum");
  g_assert_cmpstr (elab_optimizer_to_string (ELAB_OPTIMIZER_GD), ==, "gd");
  g_assert_false (elab_optimizer_from_string ("adam", &opt));
  g_assert_false (elab_optimizer_from_string (NULL, &opt));

  g_assert_true (elab_palette_from_string ("colorblind", &palette));
  g_assert_cmpint (palette, ==, ELAB_PALETTE_COLORBLIND);
  g_assert_true (elab_notation_from_string ("subscript", &notation));
  g_assert_cmpint (notation, ==, ELAB_NOTATION_SUBSCRIPT);
  g_assert_cmpstr (elab_notation_to_string (ELAB_NOTATION_STANDARD), ==, "standard");

  {
    ElabLossScale scale = ELAB_LOSS_SCALE_LINEAR;

    g_assert_true (elab_loss_scale_from_string ("log", &scale));
    g_assert_cmpint (scale, ==, ELAB_LOSS_SCALE_LOG);
    g_assert_true (elab_loss_scale_from_string ("linear", &scale));
    g_assert_cmpint (scale, ==, ELAB_LOSS_SCALE_LINEAR);
    g_assert_cmpstr (elab_loss_scale_to_string (ELAB_LOSS_SCALE_LOG), ==, "log");
    g_assert_false (elab_loss_scale_from_string ("Log", &scale));
    g_assert_false (elab_loss_scale_from_string ("log10", &scale));
    g_assert_false (elab_loss_scale_from_string (NULL, &scale));
    g_assert_null (elab_loss_scale_to_string (2));
  }
}

static void
test_equal (void)
{
  ElabState a, b;

  elab_state_init_default (&a);
  b = a;
  g_assert_true (elab_state_equal (&a, &b));
  b.logits[5] = 3;              /* beyond k: ignored */
  g_assert_true (elab_state_equal (&a, &b));
  b.q.bias = 1e-300;
  g_assert_false (elab_state_equal (&a, &b));
  b = a;
  g_strlcpy (b.y_column, "pass", sizeof b.y_column);
  g_assert_false (elab_state_equal (&a, &b));
  b = a;
  b.loss_scale = ELAB_LOSS_SCALE_LOG;
  g_assert_false (elab_state_equal (&a, &b));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/core/State/defaults", test_defaults);
  g_test_add_func ("/elab/core/State/validate-rejects", test_validate_rejects);
  g_test_add_func ("/elab/core/State/validate-accepts", test_validate_accepts);
  g_test_add_func ("/elab/core/State/enum-strings", test_enum_strings);
  g_test_add_func ("/elab/core/State/equal", test_equal);

  return g_test_run ();
}
