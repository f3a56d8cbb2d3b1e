/* elab-params.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "elab-params.h"

/* int-typed adapters, so every enum goes through one function pointer
 * type without calling a function through a mismatched type. */
#define ENUM_ADAPTER(prefix, Type)                                      \
  static const char *                                                   \
  prefix##_name (int value)                                             \
  {                                                                     \
    return prefix##_to_string ((Type) value);                           \
  }

ENUM_ADAPTER (elab_page_kind, ElabPageKind)
ENUM_ADAPTER (elab_unit, ElabUnit)
ENUM_ADAPTER (elab_theme, ElabThemeKind)
ENUM_ADAPTER (elab_palette, ElabPalette)
ENUM_ADAPTER (elab_notation, ElabNotation)
ENUM_ADAPTER (elab_optimizer, ElabOptimizer)
ENUM_ADAPTER (elab_loss_scale, ElabLossScale)
ENUM_ADAPTER (elab_kl_gap, ElabKlGap)
ENUM_ADAPTER (elab_loss, ElabLoss)
ENUM_ADAPTER (elab_output, ElabOutput)

G_STATIC_ASSERT (sizeof (ElabPageKind) == sizeof (int));
G_STATIC_ASSERT (sizeof (ElabUnit) == sizeof (int));
G_STATIC_ASSERT (sizeof (ElabThemeKind) == sizeof (int));
G_STATIC_ASSERT (sizeof (ElabPalette) == sizeof (int));
G_STATIC_ASSERT (sizeof (ElabNotation) == sizeof (int));
G_STATIC_ASSERT (sizeof (ElabOptimizer) == sizeof (int));
G_STATIC_ASSERT (sizeof (ElabLossScale) == sizeof (int));
G_STATIC_ASSERT (sizeof (ElabKlGap) == sizeof (int));
G_STATIC_ASSERT (sizeof (ElabLoss) == sizeof (int));
G_STATIC_ASSERT (sizeof (ElabOutput) == sizeof (int));
G_STATIC_ASSERT (sizeof (gboolean) == sizeof (int));

#define OFF(field)  offsetof (ElabState, field)
#define SIZE(field) sizeof (((ElabState *) 0)->field)
#define P           ELAB_MAX_ABS_PARAM

#define ROW_ENUM(name, field, prefix, group, help) \
  { name, NULL, NULL, ELAB_PARAM_ENUM, OFF (field), SIZE (field), 0, 0, prefix##_name, \
    group, ELAB_GLIDE_STEP, 0, "NAME", help }
#define ROW_DOUBLE(name, alias, field, lo, hi, group, glide, flags, arg, help) \
  { name, alias, NULL, ELAB_PARAM_DOUBLE, OFF (field), SIZE (field), lo, hi, NULL, \
    group, glide, flags, arg, help }
#define ROW_UINT(name, field, lo, hi, group, arg, help) \
  { name, NULL, NULL, ELAB_PARAM_UINT, OFF (field), SIZE (field), lo, hi, NULL, \
    group, ELAB_GLIDE_STEP, 0, arg, help }
#define ROW_BOOL(name, alias, field, group, help) \
  { name, alias, NULL, ELAB_PARAM_BOOL, OFF (field), SIZE (field), 0, 1, NULL, \
    group, ELAB_GLIDE_STEP, 0, NULL, help }
#define ROW_STRING(name, alias, field, flags, group, arg, help) \
  { name, alias, NULL, ELAB_PARAM_STRING, OFF (field), SIZE (field), 0, 0, NULL, \
    group, ELAB_GLIDE_STEP, flags, arg, help }

/* An enum added after version 1 of the scenario format. */
#define ROW_ENUM_OPTIONAL(name, field, prefix, group, help) \
  { name, NULL, NULL, ELAB_PARAM_ENUM, OFF (field), SIZE (field), 0, 0, prefix##_name, \
    group, ELAB_GLIDE_STEP, ELAB_PARAM_FLAG_OPTIONAL, "NAME", help }

#define MODEL_ROWS(letter, LETTER, m)                                               \
  ROW_DOUBLE ("model-" letter "-theta", "theta-" letter, models[m].theta, -P, P,     \
              ELAB_CHANGE_MODELS, ELAB_GLIDE_LINEAR, 0, "θ",                          \
              "Entropy figure: slope θ of model " LETTER " = σ(θx + b)"),             \
  ROW_DOUBLE ("model-" letter "-bias", "bias-" letter, models[m].bias, -P, P,         \
              ELAB_CHANGE_MODELS, ELAB_GLIDE_LINEAR, 0, "b",                          \
              "Entropy figure: bias b of model " LETTER),                             \
  ROW_BOOL ("model-" letter "-enabled", NULL, model_enabled[m], ELAB_CHANGE_MODELS,    \
            "Entropy figure: show model " LETTER),                                     \
  ROW_ENUM_OPTIONAL ("output-" letter, models[m].output, elab_output, ELAB_CHANGE_MODELS, \
                     "Entropy figure: model " LETTER "'s output σ(θx + b) (logistic) or "  \
                     "(tanh(θx + b) + 1)/2 = σ(2(θx + b)) (tanh)")

/* The order in which scenario files write the keys. */
static const ElabParam params[] = {
  ROW_ENUM ("page", page, elab_page_kind, ELAB_CHANGE_PAGE, "The page (figure) shown"),
  ROW_ENUM ("unit", unit, elab_unit, ELAB_CHANGE_UNIT,
            "Entropies in bits (log2) or nats (ln)"),
  ROW_DOUBLE ("x-min", NULL, x_min, -ELAB_MAX_ABS_X, ELAB_MAX_ABS_X, ELAB_CHANGE_RANGE,
              ELAB_GLIDE_LINEAR, 0, "X", "Left end of the x range"),
  ROW_DOUBLE ("x-max", NULL, x_max, -ELAB_MAX_ABS_X, ELAB_MAX_ABS_X, ELAB_CHANGE_RANGE,
              ELAB_GLIDE_LINEAR, 0, "X", "Right end of the x range, > x-min"),
  ROW_UINT ("samples", samples, 2, ELAB_MAX_SAMPLES, ELAB_CHANGE_RANGE, "N",
            "Number of points over the x range"),
  ROW_ENUM ("theme", theme, elab_theme, ELAB_CHANGE_LOOK,
            "Light (projector-safe) or dark figure"),
  ROW_ENUM ("palette", palette, elab_palette, ELAB_CHANGE_LOOK,
            "Default colours, or a colour-blind-safe palette where every curve also "
            "differs by dash pattern"),
  ROW_ENUM ("notation", notation, elab_notation, ELAB_CHANGE_LOOK,
            "Cross-entropy written H(p, q) (standard) or H_q(p) (subscript)"),
  { "formula", NULL, NULL, ELAB_PARAM_BOOL, OFF (formula), SIZE (formula), 0, 1, NULL,
    ELAB_CHANGE_LOOK, ELAB_GLIDE_STEP, ELAB_PARAM_FLAG_OPTIONAL, NULL,
    "Entropy and Cross-entropy figures: the worked formula with the numbers at "
    "formula-at substituted" },
  ROW_DOUBLE ("formula-at", NULL, formula_at, -ELAB_MAX_ABS_X, ELAB_MAX_ABS_X, ELAB_CHANGE_LOOK,
              ELAB_GLIDE_LINEAR, ELAB_PARAM_FLAG_OPTIONAL, "X",
              "The x whose numbers the worked formula shows (giving it shows the formula)"),
  MODEL_ROWS ("a", "A", 0),
  MODEL_ROWS ("b", "B", 1),
  MODEL_ROWS ("c", "C", 2),
  ROW_DOUBLE ("p-theta", "theta-p", p.theta, -P, P, ELAB_CHANGE_PAIR, ELAB_GLIDE_LINEAR, 0,
              "θ", "Slope θ of the true model p(x) = σ(θx + b)"),
  ROW_DOUBLE ("p-bias", "bias-p", p.bias, -P, P, ELAB_CHANGE_PAIR, ELAB_GLIDE_LINEAR, 0,
              "b", "Bias b of p"),
  ROW_DOUBLE ("q-theta", "theta-q", q.theta, -P, P, ELAB_CHANGE_PAIR, ELAB_GLIDE_LINEAR, 0,
              "θ", "Slope θ of the model q"),
  ROW_DOUBLE ("q-bias", "bias-q", q.bias, -P, P, ELAB_CHANGE_PAIR, ELAB_GLIDE_LINEAR, 0,
              "b", "Bias b of q"),
  ROW_ENUM_OPTIONAL ("output-p", p.output, elab_output, ELAB_CHANGE_PAIR,
                     "Cross-entropy figure: p's output, logistic or normalised tanh"),
  ROW_ENUM_OPTIONAL ("output-q", q.output, elab_output, ELAB_CHANGE_PAIR,
                     "Cross-entropy figure: q's output, logistic or normalised tanh"),
  ROW_ENUM_OPTIONAL ("kl-gap", kl_gap, elab_kl_gap, ELAB_CHANGE_PAIR,
                     "Cross-entropy figure: shade KL(p‖q) (pq), KL(q‖p) (qp), both or none"),
  { "logits", NULL, "logit-%u", ELAB_PARAM_LIST, OFF (logits), SIZE (logits), -P, P, NULL,
    ELAB_CHANGE_SOFTMAX, ELAB_GLIDE_LINEAR, ELAB_PARAM_FLAG_OWNS_K | ELAB_PARAM_FLAG_NEG_INF_OK, "Z1,Z2,…",
    "2 to 8 softmax logits, comma-separated (-inf: a class of probability 0)" },
  ROW_DOUBLE ("temperature", NULL, temperature, 0, G_MAXDOUBLE, ELAB_CHANGE_SOFTMAX,
              ELAB_GLIDE_LOG, ELAB_PARAM_FLAG_MIN_OPEN, "T", "Softmax temperature"),
  { "target", NULL, "target-%u", ELAB_PARAM_LIST, OFF (target), SIZE (target), 0, G_MAXDOUBLE,
    NULL, ELAB_CHANGE_SOFTMAX, ELAB_GLIDE_LINEAR, 0, "P1,P2,…",
    "Target distribution, one value per logit, ≥ 0, summing to 1" },
  { "softmax-terms", NULL, NULL, ELAB_PARAM_BOOL, OFF (softmax_terms), SIZE (softmax_terms), 0, 1,
    NULL, ELAB_CHANGE_SOFTMAX, ELAB_GLIDE_STEP, ELAB_PARAM_FLAG_OPTIONAL, NULL,
    "Softmax figure: each class's terms −t·log P and t·log(t/P) beside the probabilities" },
  ROW_STRING ("dataset", "data", dataset, 0, ELAB_CHANGE_TRAINING, "NAME|FILE.csv",
              "Training data: a built-in data set (see `entropy-lab datasets`) or a CSV file"),
  ROW_STRING ("x-column", "x", x_column, ELAB_PARAM_FLAG_EMPTY_OK, ELAB_CHANGE_TRAINING,
              "COLUMN", "CSV column for x (empty: the first)"),
  ROW_STRING ("y-column", "y", y_column, ELAB_PARAM_FLAG_EMPTY_OK, ELAB_CHANGE_TRAINING,
              "COLUMN", "CSV column for the label, two distinct values (empty: the last)"),
  ROW_STRING ("positive", NULL, positive, ELAB_PARAM_FLAG_EMPTY_OK | ELAB_PARAM_FLAG_OPTIONAL,
              ELAB_CHANGE_TRAINING, "VALUE",
              "The label value that is class 1 (empty: 1, the larger number, or the later "
              "text in alphabetical order)"),
  ROW_ENUM_OPTIONAL ("loss", loss, elab_loss, ELAB_CHANGE_TRAINING,
                     "The loss training minimises: the mean cross-entropy, or the mean squared "
                     "error (σ(w·x + b) − y)², whose gradient vanishes where σ saturates"),
  { "compare-losses", NULL, NULL, ELAB_PARAM_BOOL, OFF (compare_losses), SIZE (compare_losses), 0, 1,
    NULL, ELAB_CHANGE_TRAINING, ELAB_GLIDE_STEP, ELAB_PARAM_FLAG_OPTIONAL, NULL,
    "Landscape figure: the cross-entropy and the squared error side by side over the same "
    "(w, b), each with the path of its own run; Training figure: both runs' losses on the "
    "loss plot, the other loss on a right axis" },
  ROW_ENUM ("optimizer", optimizer, elab_optimizer, ELAB_CHANGE_TRAINING,
            "Plain gradient descent, momentum, or Newton's method (the reference)"),
  ROW_DOUBLE ("learning-rate", "lr", learning_rate, 0, ELAB_MAX_LEARNING_RATE,
              ELAB_CHANGE_TRAINING, ELAB_GLIDE_STEP, ELAB_PARAM_FLAG_MIN_OPEN, "RATE",
              "Learning rate of gradient descent and momentum"),
  ROW_DOUBLE ("momentum", NULL, momentum, 0, 1, ELAB_CHANGE_TRAINING, ELAB_GLIDE_STEP,
              ELAB_PARAM_FLAG_MAX_OPEN, "BETA", "Momentum coefficient β"),
  ROW_UINT ("steps", steps, 1, ELAB_MAX_STEPS, ELAB_CHANGE_TRAINING, "N",
            "Training steps"),
  ROW_BOOL ("standardize", NULL, standardize, ELAB_CHANGE_TRAINING,
            "Train on standardised x (w and b are reported on the data's own scale)"),
  ROW_BOOL ("use-bias", "bias", use_bias, ELAB_CHANGE_TRAINING,
            "Fit σ(w·x + b) with a bias (--no-bias: σ(w·x))"),
  /* Not last: a save truncated before it loses required keys too, so a cut
   * file is never read as one that merely predates the key. */
  { "loss-scale", NULL, NULL, ELAB_PARAM_ENUM, OFF (loss_scale), SIZE (loss_scale), 0, 0,
    elab_loss_scale_name, ELAB_CHANGE_TRAINING, ELAB_GLIDE_STEP, ELAB_PARAM_FLAG_OPTIONAL,
    "NAME", "Training figure: the loss over the steps on a linear or a log axis" },
  ROW_DOUBLE ("init-w", NULL, init_w, -P, P, ELAB_CHANGE_TRAINING, ELAB_GLIDE_STEP, 0,
              "W", "Starting w of a training run"),
  ROW_DOUBLE ("init-b", NULL, init_b, -P, P, ELAB_CHANGE_TRAINING, ELAB_GLIDE_STEP, 0,
              "B", "Starting b of a training run"),
};

#define FIELD(state, param, type) ((type *) ((char *) (state) + (param)->offset))
#define CFIELD(state, param, type) ((const type *) ((const char *) (state) + (param)->offset))

const ElabParam *
elab_params (guint *n_params)
{
  if (n_params != NULL)
    *n_params = G_N_ELEMENTS (params);
  return params;
}

/* "logit-3" against "logit-%u": the 0-based index, or -1. */
static int
element_index (const ElabParam *param,
               const char      *name)
{
  const char *pct = param->element != NULL ? strstr (param->element, "%u") : NULL;
  gsize prefix_len;
  guint64 n;

  if (pct == NULL)
    return -1;
  prefix_len = (gsize) (pct - param->element);
  if (strncmp (name, param->element, prefix_len) != 0 || name[prefix_len] == '0')
    return -1;
  if (!g_ascii_string_to_unsigned (name + prefix_len, 10, 1, ELAB_SOFTMAX_MAX_K, &n, NULL))
    return -1;
  return (int) n - 1;
}

const ElabParam *
elab_param_lookup (const char *name,
                   int        *res_index)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (res_index != NULL)
    *res_index = -1;

  for (gsize i = 0; i < G_N_ELEMENTS (params); i++)
    {
      const ElabParam *param = &params[i];
      int index;

      if (strcmp (param->name, name) == 0 ||
          (param->alias != NULL && strcmp (param->alias, name) == 0))
        return param;

      index = element_index (param, name);
      if (index >= 0)
        {
          if (res_index != NULL)
            *res_index = index;
          return param;
        }
    }
  return NULL;
}

/* ---- Text ----------------------------------------------------------- */

char *
elab_printable (const char *s,
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
      /* Do not cut a UTF-8 sequence in half. */
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

char *
elab_param_quote (const char *s,
                  gsize       len)
{
  return elab_printable (s, len, 60, "'");
}

void
elab_param_format_double (char   *buf,
                          gsize   size,
                          double  v)
{
  /* The shortest "%.Ng" that reads back to exactly @v: 0.1 stays "0.1"
   * rather than "0.10000000000000001"; 17 digits when needed. */
  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, size, format, v);
      if (g_ascii_strtod (buf, NULL) == v)
        return;
    }
}

/**
 * elab_param_read_double:
 * @text: the text
 * @res: (out): the number
 *
 * The one strict reading of a number, for flags, files and sweeps: the
 * whole of @text, in the C locale. strtod() would skip a leading space, but
 * a quoted " 1" is almost always a typo, so it is refused. An overflow
 * ("1e999") reads as ±∞, so a check for finite values catches it too.
 *
 * Returns: FALSE, with @res untouched, when @text is not a number
 */
gboolean
elab_param_read_double (const char *text,
                        double     *res)
{
  char *end = NULL;
  double v;

  if (text == NULL || text[0] == '\0' || g_ascii_isspace (text[0]))
    return FALSE;
  v = g_ascii_strtod (text, &end);
  if (*end != '\0')
    return FALSE;
  *res = v;
  return TRUE;
}

/**
 * elab_param_fail:
 * @error: return location for a #GError
 * @name: the parameter or flag, as the message should name it
 * @format: printf() format of what is wrong
 *
 * Sets G_OPTION_ERROR_BAD_VALUE "NAME: what", the form of every message
 * about a parameter or a flag ("learning-rate: …", "--width: …").
 *
 * Returns: FALSE, so that a check can return it
 */
gboolean
elab_param_fail (GError     **error,
                 const char  *name,
                 const char  *format,
                 ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "%s: %s", name, what);
  return FALSE;
}

static guint
list_length (const ElabParam *param,
             const ElabState *state)
{
  (void) param;
  return MIN (state->k, (guint) ELAB_SOFTMAX_MAX_K);
}

char *
elab_param_choices (const ElabParam *param)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (param->type == ELAB_PARAM_ENUM, g_string_free (s, FALSE));

  for (int v = 0; param->to_string (v) != NULL; v++)
    g_string_append_printf (s, "%s%s", v > 0 ? ", " : "", param->to_string (v));
  return g_string_free (s, FALSE);
}

char *
elab_param_describe_range (const ElabParam *param)
{
  char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean min_open = (param->flags & ELAB_PARAM_FLAG_MIN_OPEN) != 0;
  gboolean max_open = (param->flags & ELAB_PARAM_FLAG_MAX_OPEN) != 0;

  switch (param->type)
    {
    case ELAB_PARAM_BOOL:
      return g_strdup ("true or false");
    case ELAB_PARAM_ENUM:
      {
        g_autofree char *choices = elab_param_choices (param);
        return g_strdup_printf ("one of %s", choices);
      }
    case ELAB_PARAM_STRING:
      return g_strdup_printf ("text of at most %" G_GSIZE_FORMAT " bytes", param->size - 1);
    case ELAB_PARAM_UINT:
      return g_strdup_printf ("between %.0f and %.0f", param->min, param->max);
    case ELAB_PARAM_DOUBLE:
    case ELAB_PARAM_LIST:
    default:
      break;
    }

  elab_param_format_double (lo, sizeof lo, param->min);
  elab_param_format_double (hi, sizeof hi, param->max);
  if (param->max == G_MAXDOUBLE)
    return g_strdup_printf ("%s %s", min_open ? ">" : "≥", lo);
  if (param->min == -param->max && !min_open && !max_open)
    return g_strdup_printf ("within ±%s", hi);
  return g_strdup_printf ("in %c%s, %s%c", min_open ? '(' : '[', lo, hi, max_open ? ')' : ']');
}

static gboolean
in_range (const ElabParam *param,
          double           v)
{
  if (v == -INFINITY && (param->flags & ELAB_PARAM_FLAG_NEG_INF_OK))
    return TRUE;
  if (!isfinite (v))
    return FALSE;
  if ((param->flags & ELAB_PARAM_FLAG_MIN_OPEN) ? !(v > param->min) : !(v >= param->min))
    return FALSE;
  if ((param->flags & ELAB_PARAM_FLAG_MAX_OPEN) ? !(v < param->max) : !(v <= param->max))
    return FALSE;
  return TRUE;
}

static gboolean
check_number (const ElabParam *param,
              int              index,
              double           v,
              GError         **error)
{
  char got[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *range = NULL;
  g_autofree char *entry = index >= 0 ? g_strdup_printf ("value %d ", index + 1) : g_strdup ("");

  if (in_range (param, v))
    return TRUE;

  elab_param_format_double (got, sizeof got, v);
  if (!isfinite (v))
    return elab_param_fail (error, param->name, "%smust be a finite number (got %s)", entry, got);
  range = elab_param_describe_range (param);
  return elab_param_fail (error, param->name, "%smust be %s (got %s)", entry, range, got);
}

char *
elab_param_format (const ElabParam *param,
                   const ElabState *state)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (param != NULL && state != NULL, NULL);

  switch (param->type)
    {
    case ELAB_PARAM_DOUBLE:
      elab_param_format_double (buf, sizeof buf, *CFIELD (state, param, double));
      return g_strdup (buf);
    case ELAB_PARAM_UINT:
      return g_strdup_printf ("%u", *CFIELD (state, param, guint));
    case ELAB_PARAM_BOOL:
      return g_strdup (*CFIELD (state, param, gboolean) ? "true" : "false");
    case ELAB_PARAM_ENUM:
      return g_strdup (param->to_string (*CFIELD (state, param, int)));
    case ELAB_PARAM_STRING:
      return g_strndup (CFIELD (state, param, char), param->size - 1);
    case ELAB_PARAM_LIST:
      {
        GString *s = g_string_new (NULL);
        const double *values = CFIELD (state, param, double);

        for (guint i = 0; i < list_length (param, state); i++)
          {
            elab_param_format_double (buf, sizeof buf, values[i]);
            if (i > 0)
              g_string_append_c (s, ',');
            g_string_append (s, buf);
          }
        return g_string_free (s, FALSE);
      }
    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse_number (const ElabParam *param,
              const char      *text,
              double          *res,
              GError         **error)
{
  g_autofree char *q = elab_param_quote (text, strlen (text));
  double v;

  if (text[0] == '\0')
    return elab_param_fail (error, param->name, "empty value, a number is needed");
  if (!elab_param_read_double (text, &v))
    return elab_param_fail (error, param->name, "not a number: %s", q);
  if (!isfinite (v) && !(v == -INFINITY && (param->flags & ELAB_PARAM_FLAG_NEG_INF_OK)))
    return elab_param_fail (error, param->name, "must be a finite number (got %s)", q);

  *res = v;
  return TRUE;
}

/* "2,1,0.1" (',' or GKeyFile's ';', spaces around items, one trailing
 * separator allowed) into at most ELAB_SOFTMAX_MAX_K numbers. */
static gboolean
parse_list (const ElabParam *param,
            const char      *text,
            double          *values,
            guint           *n_values,
            GError         **error)
{
  g_auto (GStrv) parts = g_strsplit_set (text, ",;", -1);
  guint n = g_strv_length (parts);

  if (n > 1 && g_strstrip (parts[n - 1])[0] == '\0')
    n--;
  if (n > ELAB_SOFTMAX_MAX_K || (n < 2 && (param->flags & ELAB_PARAM_FLAG_OWNS_K)))
    return elab_param_fail (error, param->name, "must have between 2 and %d values (got %u)",
                            ELAB_SOFTMAX_MAX_K, n);

  for (guint i = 0; i < n; i++)
    {
      const char *part = g_strstrip (parts[i]);

      if (part[0] == '\0')
        return elab_param_fail (error, param->name, "value %u is empty", i + 1);
      if (!parse_number (param, part, &values[i], error))
        return FALSE;
    }

  *n_values = n;
  return TRUE;
}

gboolean
elab_param_parse (const ElabParam  *param,
                  int               index,
                  const char       *text,
                  ElabState        *state,
                  GError          **error)
{
  g_autofree char *q = NULL;

  g_return_val_if_fail (param != NULL && text != NULL && state != NULL, FALSE);

  q = elab_param_quote (text, strlen (text));

  switch (param->type)
    {
    case ELAB_PARAM_DOUBLE:
      {
        double v;

        if (!parse_number (param, text, &v, error) || !check_number (param, -1, v, error))
          return FALSE;
        *FIELD (state, param, double) = v;
        return TRUE;
      }

    case ELAB_PARAM_UINT:
      {
        const char *p = text;
        guint64 u;

        for (p = text; g_ascii_isdigit (*p); p++)
          ;
        if (p == text || *p != '\0')
          return elab_param_fail (error, param->name, "not a whole number: %s", q);
        /* All digits: too many of them is out of range, not malformed. */
        if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &u, NULL) ||
            u < param->min || u > param->max)
          return elab_param_fail (error, param->name, "must be between %.0f and %.0f (got %s)",
                                  param->min, param->max, text);
        *FIELD (state, param, guint) = (guint) u;
        return TRUE;
      }

    case ELAB_PARAM_BOOL:
      if (strcmp (text, "true") == 0 || strcmp (text, "1") == 0)
        *FIELD (state, param, gboolean) = TRUE;
      else if (strcmp (text, "false") == 0 || strcmp (text, "0") == 0)
        *FIELD (state, param, gboolean) = FALSE;
      else
        return elab_param_fail (error, param->name, "must be true or false (got %s)", q);
      return TRUE;

    case ELAB_PARAM_ENUM:
      for (int v = 0; param->to_string (v) != NULL; v++)
        if (strcmp (param->to_string (v), text) == 0)
          {
            *FIELD (state, param, int) = v;
            return TRUE;
          }
      {
        g_autofree char *choices = elab_param_choices (param);
        return elab_param_fail (error, param->name, "must be one of %s (got %s)", choices, q);
      }

    case ELAB_PARAM_STRING:
      if (strlen (text) >= param->size)
        return elab_param_fail (error, param->name, "too long (at most %" G_GSIZE_FORMAT " bytes)",
                                param->size - 1);
      if (!g_utf8_validate (text, -1, NULL))
        return elab_param_fail (error, param->name, "must be valid UTF-8");
      if (text[0] == '\0' && !(param->flags & ELAB_PARAM_FLAG_EMPTY_OK))
        return elab_param_fail (error, param->name, "must not be empty");
      memset (FIELD (state, param, char), 0, param->size);
      memcpy (FIELD (state, param, char), text, strlen (text));
      return TRUE;

    case ELAB_PARAM_LIST:
      {
        double values[ELAB_SOFTMAX_MAX_K] = { 0 };
        guint n = 0;

        if (index >= 0)
          {
            double v;

            if ((guint) index >= list_length (param, state))
              return elab_param_fail (error, param->name, "has %u values, so there is no value %d",
                                      list_length (param, state), index + 1);
            if (!parse_number (param, text, &v, error) || !check_number (param, index, v, error))
              return FALSE;
            FIELD (state, param, double)[index] = v;
            return TRUE;
          }

        if (!parse_list (param, text, values, &n, error))
          return FALSE;
        for (guint i = 0; i < n; i++)
          if (!check_number (param, (int) i, values[i], error))
            return FALSE;
        if (param->flags & ELAB_PARAM_FLAG_OWNS_K)
          state->k = n;
        else if (n != state->k)
          return elab_param_fail (error, param->name, "has %u values but logits has %u", n, state->k);
        memcpy (FIELD (state, param, double), values, sizeof values);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

gboolean
elab_param_validate (const ElabParam  *param,
                     const ElabState  *state,
                     GError          **error)
{
  g_return_val_if_fail (param != NULL && state != NULL, FALSE);

  switch (param->type)
    {
    case ELAB_PARAM_DOUBLE:
      return check_number (param, -1, *CFIELD (state, param, double), error);

    case ELAB_PARAM_UINT:
      {
        guint v = *CFIELD (state, param, guint);

        if (v < param->min || v > param->max)
          return elab_param_fail (error, param->name, "must be between %.0f and %.0f (got %u)",
                                  param->min, param->max, v);
        return TRUE;
      }

    case ELAB_PARAM_BOOL:
      {
        int v = *CFIELD (state, param, gboolean);

        if (v != TRUE && v != FALSE)
          return elab_param_fail (error, param->name, "must be true or false (got %d)", v);
        return TRUE;
      }

    case ELAB_PARAM_ENUM:
      {
        int v = *CFIELD (state, param, int);

        if (v < 0 || param->to_string (v) == NULL)
          {
            g_autofree char *choices = elab_param_choices (param);
            return elab_param_fail (error, param->name, "must be one of %s (got %d)", choices, v);
          }
        return TRUE;
      }

    case ELAB_PARAM_STRING:
      {
        const char *buf = CFIELD (state, param, char);

        if (memchr (buf, '\0', param->size) == NULL)
          return elab_param_fail (error, param->name, "must be shorter than %" G_GSIZE_FORMAT " bytes",
                                  param->size);
        if (!(param->flags & ELAB_PARAM_FLAG_EMPTY_OK) && buf[0] == '\0')
          return elab_param_fail (error, param->name, "must not be empty");
        if (!g_utf8_validate (buf, -1, NULL))
          return elab_param_fail (error, param->name, "must be valid UTF-8");
        return TRUE;
      }

    case ELAB_PARAM_LIST:
      if ((param->flags & ELAB_PARAM_FLAG_OWNS_K) &&
          (state->k < 2 || state->k > ELAB_SOFTMAX_MAX_K))
        return elab_param_fail (error, param->name, "must have between 2 and %d values (got %u)",
                                ELAB_SOFTMAX_MAX_K, state->k);
      for (guint i = 0; i < list_length (param, state); i++)
        if (!check_number (param, (int) i, CFIELD (state, param, double)[i], error))
          return FALSE;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

gboolean
elab_param_equal (const ElabParam *param,
                  const ElabState *a,
                  const ElabState *b)
{
  g_return_val_if_fail (param != NULL && a != NULL && b != NULL, FALSE);

  switch (param->type)
    {
    case ELAB_PARAM_DOUBLE:
      return *CFIELD (a, param, double) == *CFIELD (b, param, double);
    case ELAB_PARAM_UINT:
      return *CFIELD (a, param, guint) == *CFIELD (b, param, guint);
    case ELAB_PARAM_BOOL:
      return !*CFIELD (a, param, gboolean) == !*CFIELD (b, param, gboolean);
    case ELAB_PARAM_ENUM:
      return *CFIELD (a, param, int) == *CFIELD (b, param, int);
    case ELAB_PARAM_STRING:
      return strncmp (CFIELD (a, param, char), CFIELD (b, param, char), param->size) == 0;
    case ELAB_PARAM_LIST:
      if ((param->flags & ELAB_PARAM_FLAG_OWNS_K) && a->k != b->k)
        return FALSE;
      for (guint i = 0; i < list_length (param, a) && i < list_length (param, b); i++)
        if (CFIELD (a, param, double)[i] != CFIELD (b, param, double)[i])
          return FALSE;
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

void
elab_param_copy (const ElabParam *param,
                 ElabState       *dst,
                 const ElabState *src)
{
  g_return_if_fail (param != NULL && dst != NULL && src != NULL);

  memcpy (FIELD (dst, param, char), CFIELD (src, param, char), param->size);
  if (param->flags & ELAB_PARAM_FLAG_OWNS_K)
    dst->k = src->k;
}

double
elab_param_get_number (const ElabParam *param,
                       int              index,
                       const ElabState *state)
{
  g_return_val_if_fail (param != NULL && state != NULL, NAN);

  switch (param->type)
    {
    case ELAB_PARAM_DOUBLE:
      return *CFIELD (state, param, double);
    case ELAB_PARAM_UINT:
      return *CFIELD (state, param, guint);
    case ELAB_PARAM_BOOL:
      return *CFIELD (state, param, gboolean) ? 1.0 : 0.0;
    case ELAB_PARAM_ENUM:
      return *CFIELD (state, param, int);
    case ELAB_PARAM_LIST:
      if (index < 0 || (guint) index >= list_length (param, state))
        return NAN;
      return CFIELD (state, param, double)[index];
    case ELAB_PARAM_STRING:
    default:
      return NAN;
    }
}

gboolean
elab_param_set_number (const ElabParam  *param,
                       int               index,
                       double            value,
                       ElabState        *state,
                       GError          **error)
{
  ElabState copy;

  g_return_val_if_fail (param != NULL && state != NULL, FALSE);

  copy = *state;
  switch (param->type)
    {
    case ELAB_PARAM_DOUBLE:
      *FIELD (&copy, param, double) = value;
      break;
    case ELAB_PARAM_UINT:
      if (!(value >= param->min && value <= param->max))
        {
          char got[G_ASCII_DTOSTR_BUF_SIZE];

          elab_param_format_double (got, sizeof got, value);
          return elab_param_fail (error, param->name, "must be between %.0f and %.0f (got %s)",
                                  param->min, param->max, got);
        }
      *FIELD (&copy, param, guint) = (guint) round (value);
      break;
    case ELAB_PARAM_BOOL:
      *FIELD (&copy, param, gboolean) = value != 0.0;
      break;
    case ELAB_PARAM_ENUM:
      if (!(value >= 0 && value <= G_MAXINT))
        return elab_param_fail (error, param->name, "unknown choice");
      *FIELD (&copy, param, int) = (int) value;
      break;
    case ELAB_PARAM_LIST:
      if (index < 0 || (guint) index >= list_length (param, state))
        return elab_param_fail (error, param->name, "has %u values, so there is no value %d",
                                list_length (param, state), index + 1);
      if (!check_number (param, index, value, error))
        return FALSE;
      FIELD (&copy, param, double)[index] = value;
      break;
    case ELAB_PARAM_STRING:
    default:
      return elab_param_fail (error, param->name, "is not a number");
    }

  if (param->type != ELAB_PARAM_LIST && !elab_param_validate (param, &copy, error))
    return FALSE;
  *state = copy;
  return TRUE;
}

/* ---- Whole states ---------------------------------------------------- */

ElabChange
elab_state_diff (const ElabState *a,
                 const ElabState *b)
{
  ElabChange what = 0;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  for (gsize i = 0; i < G_N_ELEMENTS (params); i++)
    if (!(what & params[i].group) && !elab_param_equal (&params[i], a, b))
      what |= params[i].group;
  return what;
}

static double
lerp (double a,
      double b,
      double t)
{
  /* Exact at both ends, whatever rounding does in between. */
  if (t <= 0.0)
    return a;
  if (t >= 1.0)
    return b;
  return a + (b - a) * t;
}

static double
glide (ElabGlide glide,
       double    a,
       double    b,
       double    t)
{
  if (glide == ELAB_GLIDE_LOG && a > 0.0 && b > 0.0)
    return t >= 1.0 ? b : exp (lerp (log (a), log (b), t));
  /* A logit of −∞ (a probability 0) has no way there: it steps. */
  if (!isfinite (a) || !isfinite (b))
    return t >= 1.0 ? b : a;
  return lerp (a, b, t);
}

void
elab_state_interpolate (const ElabState *a,
                        const ElabState *b,
                        double           t,
                        ElabState       *res)
{
  ElabState out;

  g_return_if_fail (a != NULL && b != NULL && res != NULL);

  if (t <= 0.0)
    {
      *res = *a;
      return;
    }

  /* Whatever steps takes the new value at once. */
  out = *b;
  if (t >= 1.0)
    {
      *res = out;
      return;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (params); i++)
    {
      const ElabParam *param = &params[i];

      if (param->glide == ELAB_GLIDE_STEP)
        continue;
      if (param->type == ELAB_PARAM_DOUBLE)
        *FIELD (&out, param, double) = glide (param->glide, *CFIELD (a, param, double),
                                              *CFIELD (b, param, double), t);
      else if (param->type == ELAB_PARAM_LIST && a->k == b->k)
        for (guint j = 0; j < list_length (param, b); j++)
          FIELD (&out, param, double)[j] = glide (param->glide, CFIELD (a, param, double)[j],
                                                  CFIELD (b, param, double)[j], t);
    }

  /* The rules between fields: both ends of the range move together, so
   * keep it ordered; a convex combination of two distributions is one, up
   * to rounding. */
  if (!(out.x_min < out.x_max))
    {
      out.x_min = b->x_min;
      out.x_max = b->x_max;
    }
  if (a->k == b->k)
    {
      double sum = 0.0;

      for (guint j = 0; j < b->k && j < ELAB_SOFTMAX_MAX_K; j++)
        sum += out.target[j];
      if (sum > 0.0)
        for (guint j = 0; j < b->k && j < ELAB_SOFTMAX_MAX_K; j++)
          out.target[j] /= sum;
    }

  *res = out;
}

gboolean
elab_state_set_probabilities (ElabState     *state,
                              const double  *p,
                              guint          n,
                              double         tolerance,
                              GError       **error)
{
  double sum = 0.0, top = 0.0;

  g_return_val_if_fail (state != NULL && p != NULL, FALSE);

  if (n < 2 || n > ELAB_SOFTMAX_MAX_K)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "must have between 2 and %d values (got %u)", ELAB_SOFTMAX_MAX_K, n);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      if (!(p[i] >= 0.0) || !isfinite (p[i]))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "value %u must be \xe2\x89\xa5 0", i + 1);
          return FALSE;
        }
      sum += p[i];
      top = MAX (top, p[i]);
    }
  if (!(fabs (sum - 1.0) <= tolerance))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      elab_param_format_double (buf, sizeof buf, sum);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "the values sum to %s; a distribution sums to 1", buf);
      return FALSE;
    }
  /* Relative to the largest, whose logit is then exactly 0. */
  state->k = n;
  for (guint i = 0; i < n; i++)
    state->logits[i] = log (p[i] / top);
  state->temperature = 1.0;
  return TRUE;
}

gboolean
elab_state_parse_probabilities (ElabState   *state,
                                const char  *text,
                                double       tolerance,
                                GError     **error)
{
  /* Not a row of the table (the logits are): only its name for messages
   * and the list reader's rules. */
  static const ElabParam row = {
    .name = "probabilities", .type = ELAB_PARAM_LIST, .min = 0, .max = 1,
    .group = ELAB_CHANGE_SOFTMAX, .flags = ELAB_PARAM_FLAG_OWNS_K,
  };
  double values[ELAB_SOFTMAX_MAX_K];
  guint n = 0;

  g_return_val_if_fail (state != NULL && text != NULL, FALSE);

  if (!parse_list (&row, text, values, &n, error))
    return FALSE;
  if (!elab_state_set_probabilities (state, values, n, tolerance, error))
    {
      g_prefix_error (error, "probabilities: ");
      return FALSE;
    }
  return TRUE;
}
