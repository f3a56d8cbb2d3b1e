/* test-scenario.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "elab-presets.h"
#include "elab-scenario.h"

static ElabScenario *
lesson (void)
{
  ElabScenario *sc;
  ElabState s;

  elab_presets_apply ("cross-entropy", &s);
  s.q.bias = 0.1;                     /* not exactly representable */
  s.x_min = -7.25;
  s.unit = ELAB_UNIT_NATS;
  g_strlcpy (s.x_column, "Temperature (°F)", sizeof s.x_column);
  g_strlcpy (s.y_column, " leading space, = sign; and \\ backslash", sizeof s.y_column);
  sc = elab_scenario_new (&s);

  elab_presets_apply ("bernoulli-asymmetry", &s);
  elab_scenario_add_scene (sc, &s, "p = 0.5 vs q = 0.1:\nthe order matters");
  elab_presets_apply ("four-symbol-code", &s);
  s.temperature = 1.0 / 3.0;
  s.theme = ELAB_THEME_DARK;
  s.palette = ELAB_PALETTE_COLORBLIND;
  s.notation = ELAB_NOTATION_SUBSCRIPT;
  elab_scenario_add_scene (sc, &s, "H(q,p) = 2.25 bits");
  elab_presets_apply ("challenger-raw", &s);
  s.init_w = -1e-300;
  s.optimizer = ELAB_OPTIMIZER_MOMENTUM;
  s.loss_scale = ELAB_LOSS_SCALE_LOG;
  elab_scenario_add_scene (sc, &s, NULL);
  return sc;
}

static void
test_round_trip (void)
{
  g_autoptr (ElabScenario) sc = lesson ();
  g_autoptr (ElabScenario) back = NULL;
  g_autoptr (ElabScenario) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  gsize len = 0, len2 = 0;

  data = elab_scenario_to_data (sc, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (data), ==, len);
  g_test_message ("%s", data);

  /* human-readable: short numbers, names not codes */
  g_assert_nonnull (strstr (data, "\nq-bias=0.1\n"));
  g_assert_nonnull (strstr (data, "\npage=cross-entropy\n"));
  g_assert_nonnull (strstr (data, "\nunit=nats\n"));
  g_assert_nonnull (strstr (data, "\nlogits=2,1,0.1\n"));
  g_assert_nonnull (strstr (data, "\nversion=1\n"));
  g_assert_nonnull (strstr (data, "\n[scene 3]\n"));
  /* A key newer than version 1 only where it is not the default, so a
   * file that does not use it opens in older builds. */
  g_assert_null (strstr (data, "\nloss-scale=linear\n"));
  g_assert_nonnull (strstr (strstr (data, "\n[scene 3]\n"), "\nloss-scale=log\n"));

  back = elab_scenario_from_data (data, len, "lesson.elab", &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_true (elab_scenario_equal (sc, back));
  g_assert_cmpuint (back->scenes->len, ==, 3);
  g_assert_cmpstr (((ElabScene *) back->scenes->pdata[0])->caption, ==,
                   "p = 0.5 vs q = 0.1:\nthe order matters");
  g_assert_cmpstr (((ElabScene *) back->scenes->pdata[2])->caption, ==, "");
  g_assert_cmpfloat (((ElabScene *) back->scenes->pdata[1])->state.temperature, ==, 1.0 / 3.0);
  g_assert_cmpint (((ElabScene *) back->scenes->pdata[2])->state.loss_scale, ==, ELAB_LOSS_SCALE_LOG);
  g_assert_cmpint (back->state.loss_scale, ==, ELAB_LOSS_SCALE_LINEAR);

  /* and writing it again gives the same bytes */
  data2 = elab_scenario_to_data (back, &len2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (data, ==, data2);

  /* equality notices a change */
  ((ElabScene *) back->scenes->pdata[2])->state.loss_scale = ELAB_LOSS_SCALE_LINEAR;
  g_assert_false (elab_scenario_equal (sc, back));
  ((ElabScene *) back->scenes->pdata[2])->state.loss_scale = ELAB_LOSS_SCALE_LOG;
  g_assert_true (elab_scenario_equal (sc, back));
  ((ElabScene *) back->scenes->pdata[2])->state.init_w = 0;
  g_assert_false (elab_scenario_equal (sc, back));
}

static void
test_file (void)
{
  g_autoptr (ElabScenario) sc = lesson ();
  g_autoptr (ElabScenario) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("elab-scenario-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lesson.elab", NULL);
  g_autofree char *missing = g_build_filename (dir, "nope", "lesson.elab", NULL);

  g_assert_no_error (error);
  g_assert_true (elab_scenario_save_file (sc, path, &error));
  g_assert_no_error (error);
  back = elab_scenario_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (elab_scenario_equal (sc, back));

  /* a state that does not validate is never written */
  sc->state.temperature = -1;
  g_assert_false (elab_scenario_save_file (sc, path, &error));
  g_assert_error (error, ELAB_SCENARIO_ERROR, ELAB_SCENARIO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "temperature"));
  g_clear_error (&error);
  g_clear_pointer (&back, elab_scenario_free);
  back = elab_scenario_load_file (path, &error);     /* the old file is intact */
  g_assert_no_error (error);
  sc->state.temperature = 1;

  /* unwritable: an error naming the path, nothing left behind */
  g_assert_false (elab_scenario_save_file (sc, missing, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* unreadable */
  g_clear_pointer (&back, elab_scenario_free);
  back = elab_scenario_load_file (missing, &error);
  g_assert_null (back);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "lesson.elab"));
  g_clear_error (&error);
  back = elab_scenario_load_file (dir, &error);
  g_assert_null (back);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);       /* no temporary left behind */
}

/* A saved lesson with one line replaced (or removed, or added), read back
 * expecting an error that starts with @prefix. */
typedef struct
{
  const char *find;       /* a line of the saved file, with its "\n" */
  const char *replace;    /* what replaces it */
  const char *expect;     /* the message starts with this */
  gint        code;
} BadCase;

static const BadCase bad_cases[] = {
  /* unknown groups and keys */
  { "[scene 2]\n", "[scene two]\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "[scene 2]\n", "[Scene 2]\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "temperature=1\n", "temperature=1\ntempreature=1\n",
    "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "version=1\n", "version=1\ntitle=x\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "[state]\n", "[state]\ncaption=no captions here\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  /* duplicates and gaps */
  { "unit=nats\n", "unit=nats\nunit=bits\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "[scene 3]\n", "[scene 2]\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "[scene 3]\n", "[scene 4]\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "[scene 3]\n", "[scene 03]\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "scenes=3\n", "scenes=4\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  /* versions */
  { "version=1\n", "version=2\n", "lesson.elab:", ELAB_SCENARIO_ERROR_VERSION },
  { "version=1\n", "version=one\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "version=1\n", "", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "[scenario]\n", "[scenari0]\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  /* wrong types */
  { "x-min=-7.25\n", "x-min=minus seven\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "x-min=-7.25\n", "x-min=-7.25abc\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "x-min=-7.25\n", "x-min=\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "samples=241\n", "samples=241.5\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "samples=241\n", "samples=-3\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "model-a-enabled=true\n", "model-a-enabled=yes\n", "lesson.elab:",
    ELAB_SCENARIO_ERROR_INVALID },
  { "unit=nats\n", "unit=decibans\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "page=cross-entropy\n", "page=3\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "logits=2,1,0.1\n", "logits=2,,0.1\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "logits=2,1,0.1\n", "logits=2 1 0.1\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  /* out of range, non-finite */
  { "x-min=-7.25\n", "x-min=nan\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "x-min=-7.25\n", "x-min=inf\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "x-min=-7.25\n", "x-min=1e999\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "x-min=-7.25\n", "x-min=7\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "samples=241\n", "samples=1\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "samples=241\n", "samples=99999999999999999999999\n", "lesson.elab:",
    ELAB_SCENARIO_ERROR_INVALID },
  { "temperature=1\n", "temperature=0\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "q-bias=0.1\n", "q-bias=1e7\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "target=1,0,0\n", "target=1,0\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "target=1,0,0\n", "target=0.5,0,0\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "target=1,0,0\n", "target=2,-1,0\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "logits=2,1,0.1\n", "logits=1,2,3,4,5,6,7,8,9\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "logits=2,1,0.1\n", "logits=2\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "learning-rate=1\n", "learning-rate=-1\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "momentum=0.9\n", "momentum=1\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "steps=1000\n", "steps=0\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "dataset=challenger\n", "dataset=\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  /* loss-scale may be absent (older files), but never wrong or doubled */
  { "loss-scale=log\n", "loss-scale=logarithmic\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "loss-scale=log\n", "loss-scale=Log\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "loss-scale=log\n", "loss-scale=1\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "loss-scale=log\n", "loss-scale=\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
  { "loss-scale=log\n", "loss-scale=log\nloss-scale=linear\n", "lesson.elab:",
    ELAB_SCENARIO_ERROR_INVALID },
  /* syntax: truncated and damaged lines */
  { "[scene 2]\n", "[scene 2\n", "lesson.elab:", ELAB_SCENARIO_ERROR_PARSE },
  { "[scene 2]\n", "[]\n", "lesson.elab:", ELAB_SCENARIO_ERROR_PARSE },
  { "temperature=1\n", "temperature\n", "lesson.elab:", ELAB_SCENARIO_ERROR_PARSE },
  { "temperature=1\n", "=1\n", "lesson.elab:", ELAB_SCENARIO_ERROR_PARSE },
  { "temperature=1\n", "", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },   /* missing */
  /* binary */
  { "temperature=1\n", "temperature=1\xff\xfe\n", "lesson.elab:", ELAB_SCENARIO_ERROR_PARSE },
  { "temperature=1\n", "tempera\x01ture=1\n", "lesson.elab:", ELAB_SCENARIO_ERROR_INVALID },
};

/* The saved lesson, rebuilt as text so a replacement can target the Nth
 * occurrence of a line: the first is in [state]. */
static void
test_bad_cases (void)
{
  g_autoptr (ElabScenario) sc = lesson ();
  g_autofree char *data = elab_scenario_to_data (sc, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      const char *at = strstr (data, c->find);
      g_autoptr (GError) error = NULL;
      g_autoptr (ElabScenario) back = NULL;
      g_autofree char *bad = NULL;
      gsize len;

      if (at == NULL)
        g_error ("case %u: the saved lesson has no line %s", i, c->find);
      bad = g_strdup_printf ("%.*s%s%s", (int) (at - data), data, c->replace,
                             at + strlen (c->find));
      len = strlen (bad);
      back = elab_scenario_from_data (bad, len, "lesson.elab", &error);
      if (back != NULL)
        g_error ("case %u (%s → %s): accepted", i, c->find, c->replace);
      g_assert_nonnull (error);
      g_test_message ("case %u: %s", i, error->message);
      if (!g_str_has_prefix (error->message, c->expect) || error->code != c->code)
        g_error ("case %u (%s): expected code %d and a message starting %s, got %d: %s", i,
                 c->find, c->code, c->expect, error->code, error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

/* The message names the file, the line, the group and the key. */
static void
test_messages (void)
{
  g_autoptr (ElabScenario) sc = lesson ();
  g_autofree char *data = elab_scenario_to_data (sc, NULL, NULL);
  const char *scene2 = strstr (data, "[scene 2]");
  const char *t = strstr (scene2, "temperature=");
  g_autofree char *bad = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *expect = NULL;
  guint line = 1;

  for (const char *c = data; c < t; c++)
    line += *c == '\n';
  bad = g_strdup_printf ("%.*stemperature=-1%s", (int) (t - data), data, strchr (t, '\n'));
  g_assert_null (elab_scenario_from_data (bad, strlen (bad), "lesson.elab", &error));
  expect = g_strdup_printf ("lesson.elab:%u: [scene 2] temperature: must be > 0", line);
  if (!g_str_has_prefix (error->message, expect))
    g_error ("expected %s…, got %s", expect, error->message);
  g_clear_error (&error);

  /* unknown key, with its line */
  g_clear_pointer (&bad, g_free);
  bad = g_strdup_printf ("%s[scene 4]\n", data);
  g_assert_null (elab_scenario_from_data (bad, strlen (bad), NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "scenario:"));
  g_clear_error (&error);

  {
    const char *text = "[scenario]\nversion=1\nscenes=0\n[state]\nunit=bits\nwat=1\n";

    g_assert_null (elab_scenario_from_data (text, strlen (text), "a.elab", &error));
  }
  g_assert_cmpstr (error->message, ==, "a.elab:6: [state] unknown key 'wat'");
  g_clear_error (&error);

  /* a bad loss-scale names its file, line, group and the choices */
  {
    const char *ls = strstr (strstr (data, "[scene 3]"), "loss-scale=log\n");

    line = 1;
    for (const char *c = data; c < ls; c++)
      line += *c == '\n';
    g_clear_pointer (&bad, g_free);
    g_clear_pointer (&expect, g_free);
    bad = g_strdup_printf ("%.*sloss-scale=log2%s", (int) (ls - data), data, strchr (ls, '\n'));
    g_assert_null (elab_scenario_from_data (bad, strlen (bad), "lesson.elab", &error));
    g_assert_error (error, ELAB_SCENARIO_ERROR, ELAB_SCENARIO_ERROR_INVALID);
    expect = g_strdup_printf ("lesson.elab:%u: [scene 3] loss-scale: must be one of linear, log "
                              "(got 'log2')", line);
    g_assert_cmpstr (error->message, ==, expect);
    g_clear_error (&error);
  }
}

/* A file saved before loss-scale existed opens, with a linear loss axis;
 * the key is written only where it is not linear. */
static void
test_without_loss_scale (void)
{
  g_autoptr (ElabScenario) sc = lesson ();
  g_autofree char *data = elab_scenario_to_data (sc, NULL, NULL);
  g_autoptr (GString) old = g_string_new (NULL);
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  g_autoptr (ElabScenario) back = NULL;
  g_autoptr (GError) error = NULL;
  guint removed = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "loss-scale="))
        {
          removed++;
          continue;
        }
      g_string_append (old, lines[i]);
      if (lines[i + 1] != NULL)
        g_string_append_c (old, '\n');
    }
  g_assert_cmpuint (removed, ==, 1);   /* only scene 3 is on a log scale */

  back = elab_scenario_from_data (old->str, old->len, "old.elab", &error);
  g_assert_no_error (error);
  g_assert_cmpint (((ElabScene *) back->scenes->pdata[2])->state.loss_scale, ==, ELAB_LOSS_SCALE_LINEAR);
  ((ElabScene *) sc->scenes->pdata[2])->state.loss_scale = ELAB_LOSS_SCALE_LINEAR;
  g_assert_true (elab_scenario_equal (sc, back));
}

/* A syntax error GKeyFile reports quotes its line whole; ours quotes a
 * bounded part, on one line. The file is the one the fuzzer found, whose
 * message was 1,100 characters long. */
static void
test_long_bad_line (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus-scenario",
                                                 "crash-long-key-name.elab", NULL);
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ElabScenario) sc = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  sc = elab_scenario_from_data (data, len, "long.elab", &error);
  g_assert_null (sc);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "long.elab:"));
  g_assert_cmpuint (strlen (error->message), <, 600);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_garbage (void)
{
  const struct { const char *data; gsize len; } cases[] = {
    { "", 0 },
    { "\n\n# nothing\n", 12 },
    { "[scenario]\nversion=1\n", 21 },                   /* no [state] */
    { "[state]\nunit=bits\n", 18 },                      /* no [scenario] */
    { "\0\0\0\0", 4 },
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16 },
    { "[scenario]\nversion=1\n[scenario]\nversion=1\n", 40 },
    { "key=value\n[scenario]\n", 21 },
    { "[scenario]\nversion=1\nscenes=1001\n", 33 },
    { "[scenario]\nversion=18446744073709551617\n", 40 },
    { "[scenario]\r\nversion=1\r\n[state]\r\n", 32 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ElabScenario) sc = elab_scenario_from_data (cases[i].data, cases[i].len,
                                                             "g.elab", &error);

      g_assert_null (sc);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "g.elab:"));
      g_test_message ("garbage %u: %s", i, error->message);
    }

  /* too large */
  {
    gsize len = ELAB_SCENARIO_MAX_BYTES + 1;
    g_autofree char *big = g_malloc (len);
    g_autoptr (GError) error = NULL;

    memset (big, '#', len);
    g_assert_null (elab_scenario_from_data (big, len, "big.elab", &error));
    g_assert_error (error, ELAB_SCENARIO_ERROR, ELAB_SCENARIO_ERROR_PARSE);
  }

  /* every prefix of a good file (a truncated save) fails cleanly or, cut
   * at a line end, parses to a valid state */
  {
    g_autoptr (ElabScenario) sc = lesson ();
    gsize len = 0;
    g_autofree char *data = elab_scenario_to_data (sc, &len, NULL);
    guint accepted = 0;

    for (gsize cut = 0; cut < len; cut++)
      {
        g_autoptr (GError) error = NULL;
        g_autoptr (ElabScenario) back = elab_scenario_from_data (data, cut, "t.elab", &error);

        if (back != NULL)
          {
            accepted++;
            g_assert_true (elab_state_validate (&back->state, NULL));
          }
        else
          g_assert_nonnull (error);
      }
    /* only cuts inside the last value (e.g. "init-b=0" → "init-b=") can pass */
    g_assert_cmpuint (accepted, <=, 2);
  }
}

/* Hand-written files: CRLF, blanks around '=', comments, ';' lists. */
static void
test_hand_written (void)
{
  g_autoptr (ElabScenario) sc = lesson ();
  g_autofree char *data = elab_scenario_to_data (sc, NULL, NULL);
  g_autoptr (GString) s = g_string_new (NULL);
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  g_autoptr (ElabScenario) back = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *eq = strchr (lines[i], '=');

      if (g_strcmp0 (lines[i], "logits=2,1,0.1") == 0)
        g_string_append (s, "logits = 2; 1; 0.1;\r\n");
      else if (eq != NULL && lines[i][0] != '#' && !g_str_has_prefix (lines[i], "caption") &&
               !strstr (lines[i], "-column") && !g_str_has_prefix (lines[i], "dataset"))
        g_string_append_printf (s, "  %.*s = %s\r\n", (int) (eq - lines[i]), lines[i], eq + 1);
      else
        g_string_append_printf (s, "%s\r\n", lines[i]);
      if (i == 3)
        g_string_append (s, "# a comment\r\n\r\n");
    }

  back = elab_scenario_from_data (s->str, s->len, "hand.elab", &error);
  g_assert_no_error (error);
  g_assert_true (elab_scenario_equal (sc, back));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elab/core/Scenario/round-trip", test_round_trip);
  g_test_add_func ("/elab/core/Scenario/file", test_file);
  g_test_add_func ("/elab/core/Scenario/bad-cases", test_bad_cases);
  g_test_add_func ("/elab/core/Scenario/messages", test_messages);
  g_test_add_func ("/elab/core/Scenario/garbage", test_garbage);
  g_test_add_func ("/elab/core/Scenario/long-bad-line", test_long_bad_line);
  g_test_add_func ("/elab/core/Scenario/hand-written", test_hand_written);
  g_test_add_func ("/elab/core/Scenario/without-loss-scale", test_without_loss_scale);

  return g_test_run ();
}
