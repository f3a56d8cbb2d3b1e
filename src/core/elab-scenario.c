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

#include "elab-scenario.h"

G_DEFINE_QUARK (elab-scenario-error-quark, elab_scenario_error)

/* ---- The keys of a state ---------------------------------------------- */

typedef enum
{
  KEY_DOUBLE,
  KEY_UINT,
  KEY_BOOL,
  KEY_ENUM,
  KEY_STRING,
  KEY_LOGITS,
  KEY_TARGET,
} KeyType;

typedef const char *(*EnumToString)   (int value);
typedef gboolean    (*EnumFromString) (const char *str,
                                       int        *res);

typedef struct
{
  const char     *name;
  KeyType         type;
  gsize           offset;
  gsize           size;       /* KEY_STRING: buffer size; KEY_UINT: min */
  guint           max;        /* KEY_UINT */
  EnumToString    to_string;  /* KEY_ENUM */
  EnumFromString  from_string;
  const char     *choices;    /* KEY_ENUM, for messages */
  gboolean        optional;   /* added after version 1: the default when absent */
} StateKey;

/* int-typed adapters, so every enum goes through one pair of function
 * pointer types without calling a function through a mismatched type. */
#define ENUM_ADAPTERS(prefix, Type)                                     \
  static const char *                                                   \
  prefix##_to (int value)                                               \
  {                                                                     \
    return prefix##_to_string ((Type) value);                           \
  }                                                                     \
                                                                        \
  static gboolean                                                       \
  prefix##_from (const char *str,                                       \
                 int        *res)                                       \
  {                                                                     \
    Type v;                                                             \
                                                                        \
    if (!prefix##_from_string (str, &v))                                \
      return FALSE;                                                     \
    *res = (int) v;                                                     \
    return TRUE;                                                        \
  }

ENUM_ADAPTERS (elab_page, ElabPage)
ENUM_ADAPTERS (elab_unit, ElabUnit)
ENUM_ADAPTERS (elab_theme, ElabThemeKind)
ENUM_ADAPTERS (elab_palette, ElabPalette)
ENUM_ADAPTERS (elab_notation, ElabNotation)
ENUM_ADAPTERS (elab_optimizer, ElabOptimizer)
ENUM_ADAPTERS (elab_loss_scale, ElabLossScale)

G_STATIC_ASSERT (sizeof (ElabPage) == sizeof (int));
G_STATIC_ASSERT (sizeof (ElabUnit) == sizeof (int));
G_STATIC_ASSERT (sizeof (ElabOptimizer) == sizeof (int));
G_STATIC_ASSERT (sizeof (ElabLossScale) == sizeof (int));

#define OFF(field) offsetof (ElabState, field)
#define ENUM(name, field, prefix, choices) \
  { name, KEY_ENUM, OFF (field), 0, 0, prefix##_to, prefix##_from, choices }
/* A key newer than the version-1 format: files written before it existed
 * stay readable and get the default; a value that is given is checked as
 * strictly as any other. */
#define OPTIONAL_ENUM(name, field, prefix, choices) \
  { name, KEY_ENUM, OFF (field), 0, 0, prefix##_to, prefix##_from, choices, TRUE }
#define DOUBLE(name, field) { name, KEY_DOUBLE, OFF (field), 0, 0, NULL, NULL, NULL }
#define BOOL(name, field) { name, KEY_BOOL, OFF (field), 0, 0, NULL, NULL, NULL }
#define UINT(name, field, min, max) { name, KEY_UINT, OFF (field), min, max, NULL, NULL, NULL }
#define STRING(name, field) \
  { name, KEY_STRING, OFF (field), sizeof (((ElabState *) 0)->field), 0, NULL, NULL, NULL }

/* The order in which keys are written. */
static const StateKey state_keys[] = {
  ENUM ("page", page, elab_page, "entropy, cross-entropy, training, softmax"),
  ENUM ("unit", unit, elab_unit, "bits, nats"),
  DOUBLE ("x-min", x_min),
  DOUBLE ("x-max", x_max),
  UINT ("samples", samples, 2, ELAB_MAX_SAMPLES),
  ENUM ("theme", theme, elab_theme, "light, dark"),
  ENUM ("palette", palette, elab_palette, "default, colorblind"),
  ENUM ("notation", notation, elab_notation, "standard, subscript"),
  DOUBLE ("model-a-theta", models[0].theta),
  DOUBLE ("model-a-bias", models[0].bias),
  BOOL ("model-a-enabled", model_enabled[0]),
  DOUBLE ("model-b-theta", models[1].theta),
  DOUBLE ("model-b-bias", models[1].bias),
  BOOL ("model-b-enabled", model_enabled[1]),
  DOUBLE ("model-c-theta", models[2].theta),
  DOUBLE ("model-c-bias", models[2].bias),
  BOOL ("model-c-enabled", model_enabled[2]),
  DOUBLE ("p-theta", p.theta),
  DOUBLE ("p-bias", p.bias),
  DOUBLE ("q-theta", q.theta),
  DOUBLE ("q-bias", q.bias),
  { "logits", KEY_LOGITS, OFF (logits), 0, 0, NULL, NULL, NULL },
  DOUBLE ("temperature", temperature),
  { "target", KEY_TARGET, OFF (target), 0, 0, NULL, NULL, NULL },
  STRING ("dataset", dataset),
  STRING ("x-column", x_column),
  STRING ("y-column", y_column),
  ENUM ("optimizer", optimizer, elab_optimizer, "gd, momentum, newton"),
  DOUBLE ("learning-rate", learning_rate),
  DOUBLE ("momentum", momentum),
  UINT ("steps", steps, 1, ELAB_MAX_STEPS),
  BOOL ("standardize", standardize),
  BOOL ("use-bias", use_bias),
  /* Not last: a save truncated before it loses required keys too, so a
   * cut file is never read as one that merely predates the key. */
  OPTIONAL_ENUM ("loss-scale", loss_scale, elab_loss_scale, "linear, log"),
  DOUBLE ("init-w", init_w),
  DOUBLE ("init-b", init_b),
};

#define FIELD(state, key, type) ((type *) ((char *) (state) + (key)->offset))
#define CFIELD(state, key, type) ((const type *) ((const char *) (state) + (key)->offset))

static const StateKey *
find_state_key (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (state_keys); i++)
    if (strcmp (state_keys[i].name, name) == 0)
      return &state_keys[i];
  return NULL;
}

/* ---- Writing ----------------------------------------------------------- */

/* The shortest "%.Ng" that reads back to exactly @v: 0.1 stays "0.1"
 * rather than "0.10000000000000001", and 17 digits are used when needed. */
static void
format_double (char   *buf,
               gsize   size,
               double  v)
{
  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, size, format, v);
      if (g_ascii_strtod (buf, NULL) == v)
        return;
    }
}

static char *
format_list (const double *values,
             guint         n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      format_double (buf, sizeof buf, values[i]);
      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append (s, buf);
    }
  return g_string_free (s, FALSE);
}

static void
write_state (GKeyFile        *kf,
             const char      *group,
             const ElabState *state)
{
  for (gsize i = 0; i < G_N_ELEMENTS (state_keys); i++)
    {
      const StateKey *key = &state_keys[i];
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *list = NULL;

      /* A key added after version 1 is written only when it differs from
       * its default (an enum's first value), so a file that does not use
       * it still opens in a build that predates it. */
      if (key->optional && key->type == KEY_ENUM && *CFIELD (state, key, int) == 0)
        continue;

      switch (key->type)
        {
        case KEY_DOUBLE:
          format_double (buf, sizeof buf, *CFIELD (state, key, double));
          g_key_file_set_value (kf, group, key->name, buf);
          break;
        case KEY_UINT:
          g_snprintf (buf, sizeof buf, "%u", *CFIELD (state, key, guint));
          g_key_file_set_value (kf, group, key->name, buf);
          break;
        case KEY_BOOL:
          g_key_file_set_value (kf, group, key->name,
                                *CFIELD (state, key, gboolean) ? "true" : "false");
          break;
        case KEY_ENUM:
          g_key_file_set_value (kf, group, key->name,
                                key->to_string (*CFIELD (state, key, int)));
          break;
        case KEY_STRING:
          g_key_file_set_string (kf, group, key->name, CFIELD (state, key, char));
          break;
        case KEY_LOGITS:
        case KEY_TARGET:
          list = format_list (CFIELD (state, key, double), state->k);
          g_key_file_set_value (kf, group, key->name, list);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

char *
elab_scenario_to_data (const ElabScenario  *scenario,
                       gsize               *length,
                       GError             **error)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (GError) local_error = NULL;
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
                          " Entropy Lab scenario. Open it with: entropy-lab --scenario FILE\n"
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
      write_state (kf, group, &scene->state);
    }

  return g_key_file_to_data (kf, length, NULL);
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

/* A printable, bounded copy of untrusted text for a message. */
static char *
printable (const char *s,
           gsize       len,
           gsize       limit,
           const char *mark)
{
  GString *out = g_string_new (mark);
  gsize max = MIN (len, limit);

  for (gsize i = 0; i < max; i++)
    {
      guchar c = (guchar) s[i];

      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, (char) c);
    }
  if (len > max)
    {
      /* don't cut a UTF-8 sequence in half */
      gsize start = strlen (mark);

      while (out->len > start && ((guchar) out->str[out->len - 1] & 0xc0) == 0x80)
        g_string_truncate (out, out->len - 1);
      if (out->len > start && (guchar) out->str[out->len - 1] >= 0xc0)
        g_string_truncate (out, out->len - 1);
      g_string_append (out, "…");
    }
  g_string_append (out, mark);
  return g_string_free (out, FALSE);
}

static char *
quote (const char *s,
       gsize       len)
{
  return printable (s, len, 60, "'");
}

/* Sets @error to "FILE:LINE: [group] what", leaving out what is unknown
 * (line 0, group NULL). */
static gboolean
reader_fail (Reader      *r,
             GError     **error,
             gint         code,
             guint        line,
             const char  *group,
             const char  *format,
             ...) G_GNUC_PRINTF (6, 7);

static gboolean
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
      char *shorter = printable (what, strlen (what), 400, "");
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
      g_autofree char *g = printable (group, strlen (group), 60, "");

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
              g_autofree char *q = quote (s, (gsize) (e - s));
              return reader_fail (r, error, ELAB_SCENARIO_ERROR_PARSE, line, NULL,
                                  "unterminated group header %s (missing ']')", q);
            }
          for (t = close + 1; t < e && is_blank (*t); t++)
            ;
          if (t != e || close == s + 1 || memchr (s + 1, '[', (gsize) (close - s - 1)) != NULL)
            {
              g_autofree char *q = quote (s, (gsize) (e - s));
              return reader_fail (r, error, ELAB_SCENARIO_ERROR_PARSE, line, NULL,
                                  "bad group header %s", q);
            }

          k = g_strndup (s + 1, (gsize) (close - s - 1));
          if (g_hash_table_lookup_extended (r->lines, k, NULL, &first))
            {
              g_autofree char *q = quote (k, strlen (k));
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
            g_autofree char *q = quote (s, (gsize) (e - s));
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
            g_autofree char *q = quote (s, (gsize) (ke - s));
            return reader_fail (r, error, ELAB_SCENARIO_ERROR_PARSE, line, NULL,
                                "key %s before any [group]", q);
          }

        {
          g_autofree char *name = g_strndup (s, (gsize) (ke - s));

          k = line_key (group, name);
          if (g_hash_table_lookup_extended (r->lines, k, NULL, &first))
            {
              g_autofree char *q = quote (name, strlen (name));
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
raw_value (GKeyFile   *kf,
           const char *group,
           const char *name)
{
  g_autofree char *v = g_key_file_get_value (kf, group, name, NULL);

  return g_strstrip (g_steal_pointer (&v) ?: g_strdup (""));
}

static gboolean
parse_number (Reader      *r,
              const char  *group,
              const char  *name,
              const char  *text,
              double      *res,
              GError     **error)
{
  char *end = NULL;
  double v;

  if (text[0] == '\0')
    return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, name), group,
                        "%s: empty value, a number is needed", name);

  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    {
      g_autofree char *q = quote (text, strlen (text));
      return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, name), group,
                          "%s: not a number: %s", name, q);
    }
  if (!isfinite (v))
    {
      g_autofree char *q = quote (text, strlen (text));
      return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, name), group,
                          "%s: must be a finite number (got %s)", name, q);
    }

  *res = v;
  return TRUE;
}

/* "2,1,0.1" (or with ';', GKeyFile's list separator; one trailing
 * separator allowed) into at most ELAB_SOFTMAX_MAX_K numbers. */
static gboolean
parse_list (Reader      *r,
            const char  *group,
            const char  *name,
            const char  *text,
            double      *res,
            guint       *n_res,
            GError     **error)
{
  g_auto (GStrv) parts = g_strsplit_set (text, ",;", -1);
  guint n = g_strv_length (parts);

  /* "1,2," has an empty last part: the trailing separator */
  if (n > 1 && g_strstrip (parts[n - 1])[0] == '\0')
    n--;
  if (n > ELAB_SOFTMAX_MAX_K)
    return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, name), group,
                        "%s: must have between 2 and %d values (got %u)", name,
                        ELAB_SOFTMAX_MAX_K, n);

  for (guint i = 0; i < n; i++)
    {
      const char *part = g_strstrip (parts[i]);

      if (part[0] == '\0')
        return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, name),
                            group, "%s: value %u is empty", name, i + 1);
      if (!parse_number (r, group, name, part, &res[i], error))
        return FALSE;
    }

  *n_res = n;
  return TRUE;
}

static gboolean
read_key (Reader          *r,
          GKeyFile        *kf,
          const char      *group,
          const StateKey  *key,
          ElabState       *state,
          guint           *n_target,
          GError         **error)
{
  g_autofree char *text = raw_value (kf, group, key->name);
  guint line = line_of (r, group, key->name);
  g_autofree char *q = quote (text, strlen (text));
  guint64 u;

  switch (key->type)
    {
    case KEY_DOUBLE:
      return parse_number (r, group, key->name, text, FIELD (state, key, double), error);

    case KEY_UINT:
      if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &u, NULL))
        return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line, group,
                            "%s: not a whole number: %s", key->name, q);
      if (u < key->size || u > key->max)
        return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line, group,
                            "%s: must be between %" G_GSIZE_FORMAT " and %u (got %s)",
                            key->name, key->size, key->max, text);
      *FIELD (state, key, guint) = (guint) u;
      return TRUE;

    case KEY_BOOL:
      if (strcmp (text, "true") == 0 || strcmp (text, "1") == 0)
        *FIELD (state, key, gboolean) = TRUE;
      else if (strcmp (text, "false") == 0 || strcmp (text, "0") == 0)
        *FIELD (state, key, gboolean) = FALSE;
      else
        return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line, group,
                            "%s: must be true or false (got %s)", key->name, q);
      return TRUE;

    case KEY_ENUM:
      {
        int v;

        if (!key->from_string (text, &v))
          return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line, group,
                              "%s: must be one of %s (got %s)", key->name, key->choices, q);
        *FIELD (state, key, int) = v;
        return TRUE;
      }

    case KEY_STRING:
      {
        g_autoptr (GError) local_error = NULL;
        g_autofree char *str = g_key_file_get_string (kf, group, key->name, &local_error);

        if (str == NULL)
          return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line, group,
                              "%s: %s", key->name, local_error->message);
        if (strlen (str) >= key->size)
          return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line, group,
                              "%s: too long (at most %" G_GSIZE_FORMAT " bytes)",
                              key->name, key->size - 1);
        memset (FIELD (state, key, char), 0, key->size);
        memcpy (FIELD (state, key, char), str, strlen (str));
        return TRUE;
      }

    case KEY_LOGITS:
      {
        double values[ELAB_SOFTMAX_MAX_K] = { 0 };
        guint n = 0;

        if (!parse_list (r, group, key->name, text, values, &n, error))
          return FALSE;
        if (n < 2)
          return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line, group,
                              "%s: must have between 2 and %d values (got %u)", key->name,
                              ELAB_SOFTMAX_MAX_K, n);
        state->k = n;
        memcpy (state->logits, values, sizeof values);
        return TRUE;
      }

    case KEY_TARGET:
      {
        double values[ELAB_SOFTMAX_MAX_K] = { 0 };

        if (!parse_list (r, group, key->name, text, values, n_target, error))
          return FALSE;
        memcpy (state->target, values, sizeof values);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/* One state group: every key present and well-formed, nothing unknown,
 * and a state that validates. */
static gboolean
read_state (Reader      *r,
            GKeyFile    *kf,
            const char  *group,
            ElabState   *state,
            char       **caption,
            GError     **error)
{
  g_auto (GStrv) keys = g_key_file_get_keys (kf, group, NULL, NULL);
  g_autoptr (GError) local_error = NULL;
  guint n_target = 0;

  elab_state_init_default (state);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (find_state_key (keys[i]) == NULL &&
        !(caption != NULL && strcmp (keys[i], "caption") == 0))
      {
        g_autofree char *q = quote (keys[i], strlen (keys[i]));
        return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID,
                            line_of (r, group, keys[i]), group, "unknown key %s", q);
      }

  for (gsize i = 0; i < G_N_ELEMENTS (state_keys); i++)
    {
      if (state_keys[i].optional && !g_key_file_has_key (kf, group, state_keys[i].name, NULL))
        continue;
      if (!g_key_file_has_key (kf, group, state_keys[i].name, NULL))
        return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, NULL),
                            group, "%s: missing (every key of a state must be given; "
                            "is the file truncated?)", state_keys[i].name);
      if (!read_key (r, kf, group, &state_keys[i], state, &n_target, error))
        return FALSE;
    }

  if (n_target != state->k)
    return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, "target"),
                        group, "target: has %u values but logits has %u", n_target, state->k);

  if (!elab_state_validate (state, &local_error))
    {
      /* The validator's message starts with the key's name. */
      const char *colon = strchr (local_error->message, ':');
      g_autofree char *name = colon != NULL
        ? g_strndup (local_error->message, (gsize) (colon - local_error->message))
        : NULL;
      guint line = name != NULL ? line_of (r, group, name) : 0;

      return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID,
                          line > 0 ? line : line_of (r, group, NULL), group,
                          "%s", local_error->message);
    }

  if (caption != NULL)
    {
      g_autofree char *text = NULL;

      if (g_key_file_has_key (kf, group, "caption", NULL))
        {
          text = g_key_file_get_string (kf, group, "caption", &local_error);
          if (text == NULL)
            return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID,
                                line_of (r, group, "caption"), group, "caption: %s",
                                local_error->message);
          if (strlen (text) > ELAB_SCENARIO_CAPTION_MAX)
            return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID,
                                line_of (r, group, "caption"), group,
                                "caption: too long (at most %d bytes)",
                                ELAB_SCENARIO_CAPTION_MAX);
        }
      *caption = text != NULL ? g_steal_pointer (&text) : g_strdup ("");
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
                     GKeyFile    *kf,
                     guint       *n_scenes,
                     gboolean    *has_n_scenes,
                     GError     **error)
{
  const char *group = "scenario";
  g_auto (GStrv) keys = g_key_file_get_keys (kf, group, NULL, NULL);
  g_autofree char *version = NULL;
  guint64 v;

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (strcmp (keys[i], "version") != 0 && strcmp (keys[i], "scenes") != 0)
      {
        g_autofree char *q = quote (keys[i], strlen (keys[i]));
        return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID,
                            line_of (r, group, keys[i]), group, "unknown key %s", q);
      }

  if (!g_key_file_has_key (kf, group, "version", NULL))
    return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID, line_of (r, group, NULL), group,
                        "version: missing");
  version = raw_value (kf, group, "version");
  if (!g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT, &v, NULL))
    {
      g_autofree char *q = quote (version, strlen (version));
      return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID,
                          line_of (r, group, "version"), group,
                          "version: must be a whole number ≥ 1 (got %s)", q);
    }
  if (v > ELAB_SCENARIO_VERSION)
    return reader_fail (r, error, ELAB_SCENARIO_ERROR_VERSION, line_of (r, group, "version"),
                        group, "version: %s is newer than this Entropy Lab reads (%d); "
                        "update Entropy Lab", version, ELAB_SCENARIO_VERSION);

  *has_n_scenes = g_key_file_has_key (kf, group, "scenes", NULL);
  if (*has_n_scenes)
    {
      g_autofree char *text = raw_value (kf, group, "scenes");
      guint64 n;

      if (!g_ascii_string_to_unsigned (text, 10, 0, ELAB_SCENARIO_MAX_SCENES, &n, NULL))
        {
          g_autofree char *q = quote (text, strlen (text));
          return reader_fail (r, error, ELAB_SCENARIO_ERROR_INVALID,
                              line_of (r, group, "scenes"), group,
                              "scenes: must be a whole number from 0 to %d (got %s)",
                              ELAB_SCENARIO_MAX_SCENES, q);
        }
      *n_scenes = (guint) n;
    }

  return TRUE;
}

ElabScenario *
elab_scenario_from_data (const char  *data,
                         gsize        length,
                         const char  *filename,
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
  if (!g_key_file_load_from_data (kf, data, length, G_KEY_FILE_NONE, &local_error))
    {
      /* GKeyFile quotes the offending line whole, however long it is. */
      g_autofree char *what = printable (local_error->message, strlen (local_error->message), 200, "");

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
          g_autofree char *q = quote (group, strlen (group));
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
  if (!read_scenario_group (&r, kf, &n_scenes, &has_n_scenes, error))
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
  if (!read_state (&r, kf, "state", &scenario->state, NULL, error))
    return NULL;

  for (guint i = 1; i <= n_scene_groups; i++)
    {
      g_autofree char *group = g_strdup_printf ("scene %u", i);
      ElabScene *scene = g_new0 (ElabScene, 1);

      g_ptr_array_add (scenario->scenes, scene);
      if (!read_state (&r, kf, group, &scene->state, &scene->caption, error))
        return NULL;
    }

  return g_steal_pointer (&scenario);
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
   * by its size rather than read into memory. */
  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", display,
                   local_error->message);
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
  g_free (scene);
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

      if (!elab_state_equal (&sa->state, &sb->state) || g_strcmp0 (sa->caption, sb->caption) != 0)
        return FALSE;
    }
  return TRUE;
}
