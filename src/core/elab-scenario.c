/* elab-scenario.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GKeyFile does the escaping and the value syntax; a line pass of our own
 * runs first, because GKeyFile forgives what a strict reader must not
 * (duplicate keys and groups are silently merged) and does not say on
 * which line a key sits. That pass also rejects binary input before
 * GKeyFile sees it.
 */

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "elab-enum-private.h"
#include "elab-file.h"
#include "elab-number.h"
#include "elab-params.h"
#include "elab-quantities.h"
#include "elab-scenario.h"

G_DEFINE_QUARK (elab-scenario-error-quark, elab_scenario_error)

/* ---- Writing ----------------------------------------------------------- */

static void
write_state (GKeyFile        *kf,
             const char      *group,
             const ElabState *state)
{
  ElabState defaults;
  const ElabParam *params;
  guint n_params;

  elab_state_init_default (&defaults);
  params = elab_params (&n_params);
  for (guint i = 0; i < n_params; i++)
    {
      g_autofree char *text = NULL;

      /* A key added after version 1 is written only when it differs from
       * its default, so a file that does not use it still opens in a
       * build that predates it. */
      if ((params[i].flags & ELAB_PARAM_FLAG_OPTIONAL) &&
          elab_param_equal (&params[i], state, &defaults))
        continue;

      text = elab_param_format (&params[i], state);
      if (params[i].type == ELAB_PARAM_STRING)
        g_key_file_set_string (kf, group, params[i].name, text);
      else
        g_key_file_set_value (kf, group, params[i].name, text);
    }
}

static const char *const scene_kinds[] = {
  [ELAB_SCENE_CAPTION] = "caption",
  [ELAB_SCENE_QUESTION] = "question",
  [ELAB_SCENE_EXERCISE] = "exercise",
};

ELAB_DEFINE_ENUM_STRINGS (elab_scene_kind, ElabSceneKind, scene_kinds)

/* What a question or an exercise adds to a scene; nothing for a plain
 * caption scene, so such files read and write as before. */
static gboolean
write_scene_extras (GKeyFile         *kf,
                    const char       *group,
                    const ElabScene  *scene,
                    GError          **error)
{
  g_autoptr (GError) local_error = NULL;
  const ElabParam *params;
  guint n_params;

  if (scene->kind == ELAB_SCENE_CAPTION)
    return TRUE;

  g_key_file_set_value (kf, group, "kind", elab_scene_kind_to_string (scene->kind));
  if (scene->kind == ELAB_SCENE_QUESTION)
    {
      g_key_file_set_string (kf, group, "question", scene->question ? scene->question : "");
      if (scene->choices != NULL)
        {
          char letter[2] = { (char) ('A' + scene->answer), '\0' };

          g_key_file_set_string_list (kf, group, "choices", (const char * const *) scene->choices,
                                      g_strv_length (scene->choices));
          g_key_file_set_value (kf, group, "answer", letter);
        }
      if (scene->guess != NULL)
        g_key_file_set_value (kf, group, "guess", scene->guess);
    }
  else
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      ElabGoal goal;

      if (scene->goal == NULL || !elab_goal_parse (scene->goal, &goal, &local_error))
        {
          g_set_error (error, ELAB_SCENARIO_ERROR, ELAB_SCENARIO_ERROR_INVALID, "[%s] goal: %s", group,
                       local_error ? local_error->message : "missing");
          return FALSE;
        }
      g_key_file_set_string (kf, group, "goal", scene->goal);
      elab_param_format_double (buf, sizeof buf, scene->tolerance);
      g_key_file_set_value (kf, group, "tolerance", buf);
      if (scene->hint != NULL)
        g_key_file_set_string (kf, group, "hint", scene->hint);
      if (scene->solved)
        g_key_file_set_value (kf, group, "solved", "true");
    }
  if (scene->explanation != NULL)
    g_key_file_set_string (kf, group, "explanation", scene->explanation);

  if (scene->has_after)
    {
      if (!elab_state_validate (&scene->after, &local_error))
        {
          g_set_error (error, ELAB_SCENARIO_ERROR, ELAB_SCENARIO_ERROR_INVALID, "[%s] after.%s", group,
                       local_error->message);
          return FALSE;
        }
      params = elab_params (&n_params);
      for (guint i = 0; i < n_params; i++)
        if (!elab_param_equal (&params[i], &scene->state, &scene->after))
          {
            g_autofree char *key = g_strconcat ("after.", params[i].name, NULL);
            g_autofree char *text = elab_param_format (&params[i], &scene->after);

            if (params[i].type == ELAB_PARAM_STRING)
              g_key_file_set_string (kf, group, key, text);
            else
              g_key_file_set_value (kf, group, key, text);
          }
    }
  return TRUE;
}

char *
elab_scenario_to_data (const ElabScenario  *scenario,
                       gsize               *length,
                       GError             **error)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (GError) local_error = NULL;
  g_autoptr (ElabScenario) check = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  char buf[32];

  g_return_val_if_fail (scenario != NULL, NULL);

  if (!elab_state_validate (&scenario->state, &local_error))
    {
      g_set_error (error, ELAB_SCENARIO_ERROR, ELAB_SCENARIO_ERROR_INVALID,
                   "[state] %s", local_error->message);
      return NULL;
    }

  g_key_file_set_integer (kf, "scenario", "version", ELAB_SCENARIO_VERSION);
  g_snprintf (buf, sizeof buf, "%u", scenario->scenes->len);
  g_key_file_set_value (kf, "scenario", "scenes", buf);
  g_key_file_set_comment (kf, "scenario", NULL,
                          scenario->comment != NULL
                          ? scenario->comment
                          : " Entropy Lab scenario. Open it with: entropy-lab --scenario FILE\n"
                            " Every [scene N] is a full state with a caption; Page Down steps.",
                          NULL);

  write_state (kf, "state", &scenario->state);

  for (guint i = 0; i < scenario->scenes->len; i++)
    {
      const ElabScene *scene = g_ptr_array_index (scenario->scenes, i);
      g_autofree char *group = g_strdup_printf ("scene %u", i + 1);

      if (!elab_state_validate (&scene->state, &local_error))
        {
          g_set_error (error, ELAB_SCENARIO_ERROR, ELAB_SCENARIO_ERROR_INVALID,
                       "[%s] %s", group, local_error->message);
          return NULL;
        }
      g_key_file_set_string (kf, group, "caption", scene->caption);
      if (!write_scene_extras (kf, group, scene, error))
        return NULL;
      write_state (kf, group, &scene->state);
    }

  data = g_key_file_to_data (kf, &len, NULL);

  /* Nothing unreadable is ever written: what the strict reader refuses
   * (a question without its choices, say) is refused here, in its words. */
  check = elab_scenario_from_data (data, len, "scenario", &local_error);
  if (check == NULL)
    {
      /* "scenario:LINE: [scene 3] …": the line is of text never shown. */
      const char *what = local_error->message;

      if (g_str_has_prefix (what, "scenario:") && strstr (what, ": ") != NULL)
        what = strstr (what, ": ") + 2;
      g_set_error (error, ELAB_SCENARIO_ERROR, ELAB_SCENARIO_ERROR_INVALID, "%s", what);
      return NULL;
    }
  if (length != NULL)
    *length = len;
  return g_steal_pointer (&data);
}

gboolean
elab_scenario_save_file (const ElabScenario  *scenario,
                         const char          *path,
                         GError             **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = elab_scenario_to_data (scenario, &length, error);
  if (data == NULL)
    return FALSE;

  /* g_file_set_contents writes a temporary file and renames it. */
  return g_file_set_contents (path, data, (gssize) length, error);
}

/* ---- Reading ----------------------------------------------------------- */

typedef struct
{
  const char *filename;
  GHashTable *lines;        /* "group\nkey" or "group" → line number */
  GPtrArray  *groups;       /* group names in file order */
  GPtrArray  *warnings;     /* lenient: what was set aside; NULL: strict */
  GKeyFile   *kf;           /* the file, once the line pass has let it through */
} Reader;

static char *
line_key (const char *group,
          const char *key)
{
  return key != NULL ? g_strconcat (group, "\n", key, NULL) : g_strdup (group);
}

static guint
line_of (Reader     *r,
         const char *group,
         const char *key)
{
  g_autofree char *k = line_key (group, key);

  return GPOINTER_TO_UINT (g_hash_table_lookup (r->lines, k));
}


/* Sets @error to "FILE:LINE: [group] what", leaving out what is unknown
 * (line 0, group NULL). */
G_GNUC_PRINTF (6, 7) static gboolean
reader_fail (Reader      *r,
             GError     **error,
             gint         code,
             guint        line,
             const char  *group,
             const char  *format,
             ...)
{
  g_autofree char *what = NULL;
  g_autofree char *where = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* GKeyFile's own messages may quote a whole line of the file */
  if (strlen (what) > 400)
    {
      char *shorter = elab_printable (what, strlen (what), 400, "");
      g_free (what);
      what = shorter;
    }

  if (line > 0)
    where = g_strdup_printf ("%s:%u:", r->filename, line);
  else
    where = g_strdup_printf ("%s:", r->filename);

  if (group != NULL)
    {
      /* the group comes from the file: keep it short and printable */
      g_autofree char *g = elab_printable (group, strlen (group), 60, "");

      g_set_error (error, ELAB_SCENARIO_ERROR, code, "%s [%s] %s", where, g, what);
    }
  else
    g_set_error (error, ELAB_SCENARIO_ERROR, code, "%s %s", where, what);
  return FALSE;
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* The line pass: text only, every line a comment, a [group] or a key=value
 * inside a group, no duplicates. Records where every group and key is. */
static gboolean
scan_lines (Reader      *r,
            const char  *data,
            gsize        length,
            GError     **error)
{
  const char *end = data + length;
  const char *p = data;
  const char *group = NULL;
  guint line = 0;
  const char *nul = memchr (data, '\0', length);
  const char *bad_utf8 = NULL;

  if (nul != NULL || !g_utf8_validate_len (data, length, &bad_utf8))
    {
      const char *at = nul != NULL ? nul : bad_utf8;
      guint n = 1;

      for (const char *c = data; c < at; c++)
        n += *c == '\n';
      return reader_fail (r, error, ELAB_SCENARIO_ERROR_PARSE, n, NULL,
                          "%s: this is not a text file, so not a scenario",
                          nul != NULL ? "a NUL byte" : "invalid UTF-8");
    }

  while (p < end)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      const char *s = p, *e;
      g_autofree char *k = NULL;
      gpointer first;

      if (eol == NULL)
        eol = end;
      e = eol;
      p = eol < end ? eol + 1 : end;
      line++;

      if (e > s && e[-1] == '\r')
        e--;
      while (s < e && is_blank (*s))
        s++;
      if (s == e || *s == '#')
        continue;

      if (*s == '[')
        {
          const char *close = memchr (s, ']', (gsize) (e - s));
          const char *t;

          if (close == NULL)
            {
              g_autofree char *q = elab_param_quote (s, (gsize) (e - s));
              return reader_fail (r, error, ELAB_SCENARIO_ERROR_PARSE, line, NULL,
                                  "unterminated group header %s (missing ']')", q);
            }
          for (t = close + 1; t < e && is_blank (*t); t++)
            ;
          if (t != e || close == s + 1 || memchr (s + 1, '[', (gsize) (close - s - 1)) != NULL)
            {
              g_autofree char *q = elab_param_quote (s, (gsize) (e - s));
              return reader_fail (r, error, ELAB_SCENARIO_ERROR_PARSE, line, NULL,
                                  "bad group header %s", q);
            }

          k = g_strndup (s + 1, (gsize) (close - s - 1));
          if (g_hash_table_lookup_extended (r->lines, k, NULL, &first))
            {
              g_autofree char *q = elab_param_quote (k, strlen (k));
              return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line, NULL,
                                  "duplicate group %s (first on line %u)", q,
                                  GPOINTER_TO_UINT (first));
            }
          g_ptr_array_add (r->groups, g_strdup (k));
          group = g_ptr_array_index (r->groups, r->groups->len - 1);
          g_hash_table_insert (r->lines, g_steal_pointer (&k), GUINT_TO_POINTER (line));
          continue;
        }

      {
        const char *eq = memchr (s, '=', (gsize) (e - s));
        const char *ke;

        if (eq == NULL)
          {
            g_autofree char *q = elab_param_quote (s, (gsize) (e - s));
            return reader_fail (r, error, ELAB_SCENARIO_ERROR_PARSE, line, NULL,
                                "%s is not a key=value pair, a [group] or a # comment "
                                "(is the file truncated?)", q);
          }
        for (ke = eq; ke > s && is_blank (ke[-1]); ke--)
          ;
        if (ke == s)
          return reader_fail (r, error, ELAB_SCENARIO_ERROR_PARSE, line, group,
                              "a value with no key before '='");
        if (group == NULL)
          {
            g_autofree char *q = elab_param_quote (s, (gsize) (ke - s));
            return reader_fail (r, error, ELAB_SCENARIO_ERROR_PARSE, line, NULL,
                                "key %s before any [group]", q);
          }

        {
          g_autofree char *name = g_strndup (s, (gsize) (ke - s));

          k = line_key (group, name);
          if (g_hash_table_lookup_extended (r->lines, k, NULL, &first))
            {
              g_autofree char *q = elab_param_quote (name, strlen (name));
              return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line, group,
                                  "duplicate key %s (first on line %u)", q,
                                  GPOINTER_TO_UINT (first));
            }
          g_hash_table_insert (r->lines, g_steal_pointer (&k), GUINT_TO_POINTER (line));
        }
      }
    }

  return TRUE;
}

/* The value of @name in @group with surrounding blanks removed. */
static char *
raw_value (Reader     *r,
           const char *group,
           const char *name)
{
  g_autofree char *v = g_key_file_get_value (r->kf, group, name, NULL);

  return g_strstrip (g_steal_pointer (&v) ?: g_strdup (""));
}

static gboolean
read_key (Reader          *r,
          const char      *group,
          const ElabParam *param,
          ElabState       *state,
          GError         **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *text = NULL;
  guint line = line_of (r, group, param->name);

  /* Strings go through GKeyFile's unescaping; every other value is read
   * as written, so nothing is silently rounded or reinterpreted. */
  if (param->type == ELAB_PARAM_STRING)
    {
      text = g_key_file_get_string (r->kf, group, param->name, &local_error);
      if (text == NULL)
        return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line, group,
                            "%s: %s", param->name, local_error->message);
    }
  else
    text = raw_value (r, group, param->name);

  if (!elab_param_parse (param, -1, text, state, &local_error))
    return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line, group,
                        "%s", local_error->message);
  return TRUE;
}

/* In a lenient read (the saved last state) a problem costs only what it
 * is about: its message joins the warnings and the reader goes on. */
static gboolean
reader_tolerate (Reader  *r,
                 GError **local_error,
                 GError **error)
{
  if (r->warnings != NULL)
    {
      g_ptr_array_add (r->warnings, g_strdup ((*local_error)->message));
      g_clear_error (local_error);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (local_error));
  return FALSE;
}

/* The rules between fields, with a lenient reader's way out: the fields
 * the rule ties together go back to their defaults. */
static gboolean
check_state (Reader      *r,
             const char  *group,
             ElabState   *state,
             GError     **error)
{
  static const char *const ties[][3] = {
    { "x-min", "x-max", NULL },
    { "logits", "target", NULL },
  };
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GError) located = NULL;
  ElabState defaults;
  const char *colon;
  g_autofree char *name = NULL;
  guint line;

  if (elab_state_validate (state, &local_error))
    return TRUE;

  /* The validator's message starts with the parameter's name. */
  colon = strchr (local_error->message, ':');
  name = colon != NULL ? g_strndup (local_error->message, (gsize) (colon - local_error->message)) : NULL;
  line = name != NULL ? line_of (r, group, name) : 0;
  reader_fail (r, &located, ELAB_SCENARIO_ERROR_INVALID,
               line > 0 ? line : line_of (r, group, NULL), group, "%s", local_error->message);
  if (!reader_tolerate (r, &located, error))
    return FALSE;

  elab_state_init_default (&defaults);
  for (gsize t = 0; t < G_N_ELEMENTS (ties); t++)
    {
      gboolean hit = FALSE;

      for (guint i = 0; ties[t][i] != NULL; i++)
        hit |= name != NULL && strcmp (name, ties[t][i]) == 0;
      if (hit)
        for (guint i = 0; ties[t][i] != NULL; i++)
          elab_param_copy (elab_param_lookup (ties[t][i], NULL), state, &defaults);
    }

  g_clear_error (&local_error);
  if (!elab_state_validate (state, &local_error))
    {
      /* Nothing specific helped: the defaults are valid by construction. */
      g_ptr_array_add (r->warnings, g_strdup (local_error->message));
      *state = defaults;
    }
  return TRUE;
}

/* A scene's own keys, besides those of its state. */
static const char *const scene_keys[] = {
  "caption", "kind", "question", "choices", "answer", "guess", "explanation",
  "goal", "tolerance", "hint", "solved",
};

static gboolean
is_scene_key (const char *key)
{
  const ElabParam *param;

  for (gsize i = 0; i < G_N_ELEMENTS (scene_keys); i++)
    if (strcmp (key, scene_keys[i]) == 0)
      return TRUE;
  if (!g_str_has_prefix (key, "after."))
    return FALSE;
  param = elab_param_lookup (key + strlen ("after."), NULL);
  return param != NULL && strcmp (param->name, key + strlen ("after.")) == 0;
}

/* A text key of a scene: NULL when absent, an error when not valid text
 * or too long. */
static gboolean
read_text (Reader      *r,
           const char  *group,
           const char  *key,
           char       **res,
           GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *text = NULL;

  *res = NULL;
  if (!g_key_file_has_key (r->kf, group, key, NULL))
    return TRUE;
  text = g_key_file_get_string (r->kf, group, key, &local_error);
  if (text == NULL)
    return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, key), group,
                        "%s: %s", key, local_error->message);
  if (strlen (text) > ELAB_SCENARIO_CAPTION_MAX)
    return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, key), group,
                        "%s: too long (at most %d bytes)", key, ELAB_SCENARIO_CAPTION_MAX);
  *res = g_steal_pointer (&text);
  return TRUE;
}

/* The keys only a question (or only an exercise) may have. */
static gboolean
refuse_keys (Reader             *r,
             const char         *group,
             const char         *kind,
             const char *const  *keys,
             GError            **error)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_key_file_has_key (r->kf, group, keys[i], NULL))
      return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, keys[i]), group,
                          "%s: not in a scene of kind=%s", keys[i], kind);
  return TRUE;
}

static gboolean
read_scene_extras (Reader     *r,
                   const char *group,
                   ElabScene  *scene,
                   GError    **error)
{
  static const char *const question_keys[] = { "question", "choices", "answer", "guess", NULL };
  static const char *const exercise_keys[] = { "goal", "tolerance", "hint", "solved", NULL };
  static const char *const reveal_keys[] = { "explanation", NULL };
  g_autoptr (GError) local_error = NULL;
  g_auto (GStrv) keys = g_key_file_get_keys (r->kf, group, NULL, NULL);
  g_autofree char *kind = raw_value (r, group, "kind");

  scene->kind = ELAB_SCENE_CAPTION;
  scene->answer = -1;
  if (g_key_file_has_key (r->kf, group, "kind", NULL) && !elab_scene_kind_from_string (kind, &scene->kind))
    {
      g_autofree char *q = elab_param_quote (kind, strlen (kind));
      return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, "kind"), group,
                          "kind: must be one of caption, question, exercise (got %s)", q);
    }

  if (scene->kind != ELAB_SCENE_QUESTION &&
      !refuse_keys (r, group, scene_kinds[scene->kind], question_keys, error))
    return FALSE;
  if (scene->kind != ELAB_SCENE_EXERCISE &&
      !refuse_keys (r, group, scene_kinds[scene->kind], exercise_keys, error))
    return FALSE;
  if (scene->kind == ELAB_SCENE_CAPTION && !refuse_keys (r, group, "caption", reveal_keys, error))
    return FALSE;

  if (!read_text (r, group, "explanation", &scene->explanation, error))
    return FALSE;

  if (scene->kind == ELAB_SCENE_QUESTION)
    {
      gboolean has_choices = g_key_file_has_key (r->kf, group, "choices", NULL);
      gboolean has_guess = g_key_file_has_key (r->kf, group, "guess", NULL);

      if (!read_text (r, group, "question", &scene->question, error))
        return FALSE;
      if (scene->question == NULL || scene->question[0] == '\0')
        return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, NULL), group,
                            "question: missing (a scene of kind=question asks one)");
      if (has_choices == has_guess)
        return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, "question"), group,
                            "a question needs either choices= with answer=, or guess=");
      if (has_choices)
        {
          g_autofree char *answer = raw_value (r, group, "answer");
          gsize n = 0;

          scene->choices = g_key_file_get_string_list (r->kf, group, "choices", &n, &local_error);
          if (scene->choices == NULL || n < 2 || n > ELAB_SCENE_MAX_CHOICES)
            return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, "choices"), group,
                                "choices: 2 to %d choices separated by ';' are needed (got %" G_GSIZE_FORMAT ")",
                                ELAB_SCENE_MAX_CHOICES, n);
          for (gsize i = 0; i < n; i++)
            if (g_strstrip (scene->choices[i])[0] == '\0')
              return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, "choices"),
                                  group, "choices: choice %c is empty", (char) ('A' + i));
          if (!g_key_file_has_key (r->kf, group, "answer", NULL))
            return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, "choices"), group,
                                "answer: missing (the letter of the right choice, A–%c)", (char) ('A' + n - 1));
          if (strlen (answer) != 1 || answer[0] < 'A' || answer[0] >= (char) ('A' + n))
            {
              g_autofree char *q = elab_param_quote (answer, strlen (answer));
              return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, "answer"), group,
                                  "answer: %s is not one of the %" G_GSIZE_FORMAT " choices (A–%c)",
                                  q, n, (char) ('A' + n - 1));
            }
          scene->answer = answer[0] - 'A';
        }
      else
        {
          g_autofree char *guess = raw_value (r, group, "guess");

          if (!elab_quantity_exists (guess))
            {
              g_autofree char *q = elab_param_quote (guess, strlen (guess));
              return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, "guess"), group,
                                  "guess: %s is not a quantity the figures show "
                                  "(see `entropy-lab export --help`)", q);
            }
          scene->guess = g_steal_pointer (&guess);
        }
    }

  if (scene->kind == ELAB_SCENE_EXERCISE)
    {
      ElabGoal goal;

      if (!read_text (r, group, "goal", &scene->goal, error) ||
          !read_text (r, group, "hint", &scene->hint, error))
        return FALSE;
      if (scene->goal == NULL)
        return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, NULL), group,
                            "goal: missing (an exercise sets one, e.g. goal=mean-kl-pq <= 0.05)");
      if (!elab_goal_parse (scene->goal, &goal, &local_error))
        return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, "goal"), group,
                            "goal: %s", local_error->message);
      if (g_key_file_has_key (r->kf, group, "solved", NULL))
        {
          g_autofree char *text = raw_value (r, group, "solved");

          if (strcmp (text, "true") != 0 && strcmp (text, "false") != 0)
            {
              g_autofree char *q = elab_param_quote (text, strlen (text));
              return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, "solved"),
                                  group, "solved: must be true or false (got %s)", q);
            }
          scene->solved = strcmp (text, "true") == 0;
        }
      if (g_key_file_has_key (r->kf, group, "tolerance", NULL))
        {
          g_autofree char *text = raw_value (r, group, "tolerance");

          if (!elab_param_read_double (text, &scene->tolerance) || !isfinite (scene->tolerance) ||
              scene->tolerance < 0)
            {
              g_autofree char *q = elab_param_quote (text, strlen (text));
              return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, "tolerance"),
                                  group, "tolerance: must be a number ≥ 0 (got %s)", q);
            }
        }
    }

  /* after.KEY: the state the reveal glides to, from the "before" state. */
  scene->after = scene->state;
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      const char *name = keys[i] + strlen ("after.");
      const ElabParam *param;
      g_autofree char *text = NULL;

      if (!g_str_has_prefix (keys[i], "after."))
        continue;
      if (scene->kind == ELAB_SCENE_CAPTION)
        return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, keys[i]), group,
                            "%s: not in a scene of kind=caption (nothing is revealed)", keys[i]);
      param = elab_param_lookup (name, NULL);
      /* An unknown key was reported by read_state() (and kept out of a
       * lenient read); only a row's own name is a key. */
      if (param == NULL || strcmp (param->name, name) != 0)
        continue;
      text = param->type == ELAB_PARAM_STRING ? g_key_file_get_string (r->kf, group, keys[i], NULL)
                                              : raw_value (r, group, keys[i]);
      if (text == NULL || !elab_param_parse (param, -1, text, &scene->after, &local_error))
        return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, keys[i]), group,
                            "after.%s", local_error ? local_error->message : "not valid text");
      scene->has_after = TRUE;
    }
  if (scene->has_after && !elab_state_validate (&scene->after, &local_error))
    return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, NULL), group,
                        "after.%s", local_error->message);

  return TRUE;
}

/* One state group: every key present and well-formed, nothing unknown,
 * and a state that validates. */
static gboolean
read_state (Reader      *r,
            const char  *group,
            ElabState   *state,
            char       **caption,
            GError     **error)
{
  g_auto (GStrv) keys = g_key_file_get_keys (r->kf, group, NULL, NULL);
  g_autoptr (GError) local_error = NULL;
  const ElabParam *params;
  guint n_params;
  ElabState defaults;

  elab_state_init_default (state);
  defaults = *state;
  params = elab_params (&n_params);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      const ElabParam *param = elab_param_lookup (keys[i], NULL);

      /* Only a row's own name is a key; aliases are for flags. */
      if ((param == NULL || strcmp (param->name, keys[i]) != 0) &&
          !(caption != NULL && is_scene_key (keys[i])))
        {
          g_autofree char *q = elab_param_quote (keys[i], strlen (keys[i]));
          reader_fail (r, &local_error, ELAB_SCENARIO_ERROR_INVALID,
                       line_of (r, group, keys[i]), group, "unknown key %s", q);
          if (!reader_tolerate (r, &local_error, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < n_params; i++)
    {
      const ElabParam *param = &params[i];

      if (!g_key_file_has_key (r->kf, group, param->name, NULL))
        {
          if (param->flags & ELAB_PARAM_FLAG_OPTIONAL)
            continue;
          reader_fail (r, &local_error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, NULL),
                       group, "%s: missing (every key of a state must be given; "
                       "is the file truncated?)", param->name);
          if (!reader_tolerate (r, &local_error, error))
            return FALSE;
          continue;
        }
      if (!read_key (r, group, param, state, &local_error))
        {
          if (!reader_tolerate (r, &local_error, error))
            return FALSE;
          elab_param_copy (param, state, &defaults);
        }
    }

  if (!check_state (r, group, state, error))
    return FALSE;

  if (caption != NULL)
    {
      if (!read_text (r, group, "caption", caption, error))
        return FALSE;
      if (*caption == NULL)
        *caption = g_strdup ("");
    }

  return TRUE;
}

/* "scene N" with N a plain decimal 1 … ELAB_SCENARIO_MAX_SCENES. */
static guint
scene_number (const char *group)
{
  guint64 n;

  if (!g_str_has_prefix (group, "scene ") || group[6] == '0')
    return 0;
  if (!g_ascii_string_to_unsigned (group + 6, 10, 1, ELAB_SCENARIO_MAX_SCENES, &n, NULL))
    return 0;
  return (guint) n;
}

static gboolean
read_scenario_group (Reader      *r,
                     guint       *n_scenes,
                     gboolean    *has_n_scenes,
                     GError     **error)
{
  const char *group = "scenario";
  g_auto (GStrv) keys = g_key_file_get_keys (r->kf, group, NULL, NULL);
  g_autofree char *version = NULL;
  guint64 v;

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (strcmp (keys[i], "version") != 0 && strcmp (keys[i], "scenes") != 0)
      {
        g_autofree char *q = elab_param_quote (keys[i], strlen (keys[i]));
        return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID,
                            line_of (r, group, keys[i]), group, "unknown key %s", q);
      }

  if (!g_key_file_has_key (r->kf, group, "version", NULL))
    return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, NULL), group,
                        "version: missing");
  version = raw_value (r, group, "version");
  if (!g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT, &v, NULL))
    {
      g_autofree char *q = elab_param_quote (version, strlen (version));
      return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID,
                          line_of (r, group, "version"), group,
                          "version: must be a whole number ≥ 1 (got %s)", q);
    }
  if (v > ELAB_SCENARIO_VERSION)
    return reader_fail (r, error, ELAB_SCENARIO_ERROR_VERSION, line_of (r, group, "version"),
                        group, "version: %s is newer than this Entropy Lab reads (%d); "
                        "update Entropy Lab", version, ELAB_SCENARIO_VERSION);

  *has_n_scenes = g_key_file_has_key (r->kf, group, "scenes", NULL);
  if (*has_n_scenes)
    {
      g_autofree char *text = raw_value (r, group, "scenes");
      guint64 n;

      if (!g_ascii_string_to_unsigned (text, 10, 0, ELAB_SCENARIO_MAX_SCENES, &n, NULL))
        {
          g_autofree char *q = elab_param_quote (text, strlen (text));
          return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID,
                              line_of (r, group, "scenes"), group,
                              "scenes: must be a whole number from 0 to %d (got %s)",
                              ELAB_SCENARIO_MAX_SCENES, q);
        }
      *n_scenes = (guint) n;
    }

  return TRUE;
}

static ElabScenario *
scenario_from_data (const char  *data,
                    gsize        length,
                    const char  *filename,
                    GPtrArray   *warnings,
                    GError     **error)
{
  g_autoptr (GKeyFile) kf = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (ElabScenario) scenario = NULL;
  g_autoptr (GHashTable) lines = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autofree gboolean *seen = NULL;
  Reader r;
  guint n_scene_groups = 0, n_scenes = 0;
  gboolean has_n_scenes = FALSE, has_scenario = FALSE, has_state = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  groups = g_ptr_array_new_with_free_func (g_free);
  r.filename = filename != NULL ? filename : "scenario";
  r.lines = lines;
  r.groups = groups;
  r.warnings = warnings;
  r.kf = NULL;

  if (length > ELAB_SCENARIO_MAX_BYTES)
    {
      reader_fail (&r, error, ELAB_SCENARIO_ERROR_PARSE, 0, NULL,
                   "too large for a scenario (%" G_GSIZE_FORMAT " bytes; at most %d)",
                   length, ELAB_SCENARIO_MAX_BYTES);
      return NULL;
    }

  if (!scan_lines (&r, data != NULL ? data : "", length, error))
    return NULL;

  if (groups->len == 0)
    {
      reader_fail (&r, error, ELAB_SCENARIO_ERROR_PARSE, 0, NULL,
                   "empty: not an Entropy Lab scenario (no [scenario] group)");
      return NULL;
    }

  kf = g_key_file_new ();
  r.kf = kf;
  if (!g_key_file_load_from_data (kf, data, length, G_KEY_FILE_KEEP_COMMENTS, &local_error))
    {
      /* GKeyFile quotes the offending line whole, however long it is. */
      g_autofree char *what = elab_printable (local_error->message, strlen (local_error->message), 200, "");

      reader_fail (&r, error, ELAB_SCENARIO_ERROR_PARSE, 0, NULL, "%s", what);
      return NULL;
    }

  /* Which groups: [scenario], [state], [scene 1] … [scene N], nothing else. */
  seen = g_new0 (gboolean, ELAB_SCENARIO_MAX_SCENES + 1);
  for (guint i = 0; i < groups->len; i++)
    {
      const char *group = g_ptr_array_index (groups, i);
      guint n;

      if (strcmp (group, "scenario") == 0)
        has_scenario = TRUE;
      else if (strcmp (group, "state") == 0)
        has_state = TRUE;
      else if ((n = scene_number (group)) > 0)
        {
          seen[n] = TRUE;
          n_scene_groups++;
        }
      else
        {
          g_autofree char *q = elab_param_quote (group, strlen (group));
          reader_fail (&r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (&r, group, NULL), NULL,
                       "unknown group %s (expected [scenario], [state] or [scene N])", q);
          return NULL;
        }
    }

  if (!has_scenario)
    {
      reader_fail (&r, error, ELAB_SCENARIO_ERROR_PARSE, 0, NULL,
                   "no [scenario] group with version=%d: not an Entropy Lab scenario",
                   ELAB_SCENARIO_VERSION);
      return NULL;
    }
  if (!read_scenario_group (&r, &n_scenes, &has_n_scenes, error))
    return NULL;
  if (!has_state)
    {
      reader_fail (&r, error, ELAB_SCENARIO_ERROR_INVALID, 0, NULL,
                   "no [state] group (is the file truncated?)");
      return NULL;
    }
  for (guint i = 1; i <= n_scene_groups; i++)
    if (!seen[i])
      {
        reader_fail (&r, error, ELAB_SCENARIO_ERROR_INVALID, 0, NULL,
                     "no [scene %u]: scenes are numbered 1, 2, 3 … without gaps", i);
        return NULL;
      }
  if (has_n_scenes && n_scenes != n_scene_groups)
    {
      reader_fail (&r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (&r, "scenario", "scenes"),
                   "scenario", "scenes: says %u but the file has %u [scene N] groups "
                   "(is it truncated?)", n_scenes, n_scene_groups);
      return NULL;
    }

  scenario = elab_scenario_new (NULL);
  if (!read_state (&r, "state", &scenario->state, NULL, error))
    return NULL;

  for (guint i = 1; i <= n_scene_groups; i++)
    {
      g_autofree char *group = g_strdup_printf ("scene %u", i);
      ElabScene *scene = g_new0 (ElabScene, 1);

      g_ptr_array_add (scenario->scenes, scene);
      if (!read_state (&r, group, &scene->state, &scene->caption, error) ||
          !read_scene_extras (&r, group, scene, error))
        return NULL;
    }

  /* The comment above [scenario], as GKeyFile keeps it: the lines without
   * their '#'. */
  scenario->comment = g_key_file_get_comment (kf, "scenario", NULL, NULL);
  if (scenario->comment != NULL)
    {
      gsize len = strlen (scenario->comment);

      /* GKeyFile hands it back with a final newline it adds again. */
      if (len > 0 && scenario->comment[len - 1] == '\n')
        scenario->comment[len - 1] = '\0';
      if (scenario->comment[0] == '\0')
        g_clear_pointer (&scenario->comment, g_free);
    }

  return g_steal_pointer (&scenario);
}

ElabScenario *
elab_scenario_from_data (const char  *data,
                         gsize        length,
                         const char  *filename,
                         GError     **error)
{
  return scenario_from_data (data, length, filename, NULL, error);
}

ElabScenario *
elab_scenario_from_data_lenient (const char  *data,
                                 gsize        length,
                                 const char  *filename,
                                 GPtrArray   *warnings,
                                 GError     **error)
{
  g_return_val_if_fail (warnings != NULL, NULL);

  return scenario_from_data (data, length, filename, warnings, error);
}

ElabScenario *
elab_scenario_load_file (const char  *path,
                         GError     **error)
{
  g_autoptr (GMappedFile) file = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, "%s: is a directory, not a scenario",
                   display);
      return NULL;
    }

  /* Mapping reads nothing up front, so an absurdly large file is refused
   * by its size rather than read into memory; a FIFO or a device is
   * refused before anything waits on it. */
  file = elab_file_map_regular (path, G_MAXSIZE, &local_error);
  if (file == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return elab_scenario_from_data (g_mapped_file_get_contents (file),
                                  g_mapped_file_get_length (file), display, error);
}

/* ---- Plain data -------------------------------------------------------- */

void
elab_scene_free (ElabScene *scene)
{
  if (scene == NULL)
    return;
  g_free (scene->caption);
  g_free (scene->question);
  g_strfreev (scene->choices);
  g_free (scene->guess);
  g_free (scene->explanation);
  g_free (scene->goal);
  g_free (scene->hint);
  g_free (scene);
}

ElabScene *
elab_scene_copy (const ElabScene *scene)
{
  ElabScene *copy;

  g_return_val_if_fail (scene != NULL, NULL);

  copy = g_new0 (ElabScene, 1);
  *copy = *scene;
  copy->caption = g_strdup (scene->caption);
  copy->question = g_strdup (scene->question);
  copy->choices = g_strdupv (scene->choices);
  copy->guess = g_strdup (scene->guess);
  copy->explanation = g_strdup (scene->explanation);
  copy->goal = g_strdup (scene->goal);
  copy->hint = g_strdup (scene->hint);
  return copy;
}

ElabScenario *
elab_scenario_copy (const ElabScenario *scenario)
{
  ElabScenario *copy;

  g_return_val_if_fail (scenario != NULL, NULL);

  copy = elab_scenario_new (&scenario->state);
  copy->comment = g_strdup (scenario->comment);
  for (guint i = 0; i < scenario->scenes->len; i++)
    g_ptr_array_add (copy->scenes, elab_scene_copy (g_ptr_array_index (scenario->scenes, i)));
  return copy;
}

ElabScenario *
elab_scenario_new (const ElabState *state)
{
  ElabScenario *scenario = g_new0 (ElabScenario, 1);

  if (state != NULL)
    scenario->state = *state;
  else
    elab_state_init_default (&scenario->state);
  scenario->scenes = g_ptr_array_new_with_free_func ((GDestroyNotify) elab_scene_free);
  return scenario;
}

void
elab_scenario_free (ElabScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_ptr_array_unref (scenario->scenes);
  g_free (scenario->comment);
  g_free (scenario);
}

ElabScene *
elab_scenario_add_scene (ElabScenario    *scenario,
                         const ElabState *state,
                         const char      *caption)
{
  ElabScene *scene;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (state != NULL, NULL);

  scene = g_new0 (ElabScene, 1);
  scene->state = *state;
  scene->after = *state;
  scene->answer = -1;
  scene->caption = g_strdup (caption != NULL ? caption : "");
  g_ptr_array_add (scenario->scenes, scene);
  return scene;
}

gboolean
elab_scenario_equal (const ElabScenario *a,
                     const ElabScenario *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!elab_state_equal (&a->state, &b->state) || a->scenes->len != b->scenes->len)
    return FALSE;

  for (guint i = 0; i < a->scenes->len; i++)
    {
      const ElabScene *sa = g_ptr_array_index (a->scenes, i);
      const ElabScene *sb = g_ptr_array_index (b->scenes, i);

      if (!elab_state_equal (&sa->state, &sb->state) || g_strcmp0 (sa->caption, sb->caption) != 0 ||
          sa->kind != sb->kind || g_strcmp0 (sa->question, sb->question) != 0 ||
          !(sa->choices == NULL ? sb->choices == NULL
                                : sb->choices != NULL && g_strv_equal ((const char * const *) sa->choices,
                                                                       (const char * const *) sb->choices)) ||
          sa->answer != sb->answer || g_strcmp0 (sa->guess, sb->guess) != 0 ||
          g_strcmp0 (sa->explanation, sb->explanation) != 0 || g_strcmp0 (sa->goal, sb->goal) != 0 ||
          g_strcmp0 (sa->hint, sb->hint) != 0 || sa->tolerance != sb->tolerance ||
          !sa->solved != !sb->solved ||
          !elab_state_equal (elab_scene_get_state (sa, TRUE), elab_scene_get_state (sb, TRUE)))
        return FALSE;
    }
  return TRUE;
}

const ElabState *
elab_scene_get_state (const ElabScene *scene,
                      gboolean         revealed)
{
  g_return_val_if_fail (scene != NULL, NULL);

  return revealed && scene->has_after ? &scene->after : &scene->state;
}

/* The goal as a person reads it: "the mean of KL(p‖q) ≤ 0.05 bits"; a
 * goal that does not parse (never saved: the reader checks it) as written. */
static char *
goal_for_people (const ElabScene *scene)
{
  ElabGoal goal;

  if (elab_goal_parse (scene->goal, &goal, NULL))
    return elab_goal_describe (&goal, scene->state.unit);
  return g_strdup (scene->goal);
}

/* The card, for the screen or for @paper, where a guess is marked with a
 * pen and its answer is on the next page. */
static char *
card_text (const ElabScene *scene,
           gboolean         revealed,
           gboolean         paper)
{
  GString *s = g_string_new (scene->caption);

  if (scene->kind == ELAB_SCENE_QUESTION)
    {
      if (s->len > 0)
        g_string_append_c (s, '\n');
      g_string_append_printf (s, "Question: %s", scene->question != NULL ? scene->question : "");
      if (scene->choices != NULL)
        for (guint i = 0; scene->choices[i] != NULL; i++)
          {
            gboolean right = revealed && (int) i == scene->answer;

            /* Two choices a line, so four fit the caption strip. */
            g_string_append (s, i % 2 == 0 ? "\n" : "      ");
            /* The mark is held to its letter by a no-break space: a
             * caption wrapped on a narrow screen must not leave it at the
             * end of the choice before. */
            g_string_append_printf (s, "%s%c  %s", right ? "✓\xc2\xa0" : "", (char) ('A' + i),
                                    scene->choices[i]);
          }
      else if (scene->guess == NULL)
        ;   /* being written in the lesson panel: no choices or quantity yet */
      else if (revealed)
        {
          g_autofree char *what = elab_quantity_dup_label (scene->guess);
          ElabAnswer answer;

          /* In words ("the x where KL(p‖q) is largest: x = ±1.9"), every
           * x where an arg-max is reached. */
          if (elab_quantity_eval_answer (scene->guess, elab_scene_get_state (scene, TRUE), &answer, NULL))
            {
              g_autofree char *text = elab_answer_format (&answer, elab_scene_guesses_x (scene) ? "x" : NULL);

              g_string_append_printf (s, "\nAnswer: %s: %s", what, text);
            }
        }
      else if (elab_scene_guesses_x (scene))
        g_string_append (s, paper ? "\nYour guess? Mark it on the figure; the answer is on the next page."
                                  : "\nYour guess? Click it on the figure; Page Down reveals the answer.");
      else
        g_string_append (s, paper ? "\nYour guess? Write it down; the answer is on the next page."
                                  : "\nYour guess? Page Down reveals the answer.");
    }
  else if (scene->kind == ELAB_SCENE_EXERCISE)
    {
      g_autofree char *goal = goal_for_people (scene);

      if (s->len > 0)
        g_string_append_c (s, '\n');
      /* Each term a statement ("the run converges", "model A's mean
       * entropy H ≤ 0.2 bits"), which reads the same before and after. */
      g_string_append_printf (s, "%s %s", revealed ? "✓ Goal met:" : "Goal:", goal);
    }

  if (revealed && scene->explanation != NULL && scene->explanation[0] != '\0')
    g_string_append_printf (s, "\n%s", scene->explanation);
  return g_string_free (s, FALSE);
}

char *
elab_scene_card_text (const ElabScene *scene,
                      gboolean         revealed)
{
  g_return_val_if_fail (scene != NULL, NULL);

  return card_text (scene, revealed, FALSE);
}

char *
elab_scene_handout_text (const ElabScene *scene,
                         gboolean         revealed)
{
  g_return_val_if_fail (scene != NULL, NULL);

  return card_text (scene, revealed, TRUE);
}

gboolean
elab_scene_guesses_x (const ElabScene *scene)
{
  guint n;
  const ElabQuantity *q = elab_quantities (&n);

  g_return_val_if_fail (scene != NULL, FALSE);

  if (scene->kind != ELAB_SCENE_QUESTION || scene->guess == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (q[i].is_x && strcmp (q[i].name, scene->guess) == 0)
      return TRUE;
  return FALSE;
}

gboolean
elab_scene_get_answer (const ElabScene *scene,
                       gboolean         revealed,
                       ElabAnswer      *res)
{
  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (res != NULL, FALSE);

  *res = ELAB_ANSWER_INIT;
  return revealed && elab_scene_guesses_x (scene) &&
         elab_quantity_eval_answer (scene->guess, elab_scene_get_state (scene, TRUE), res, NULL) && res->n > 0;
}
