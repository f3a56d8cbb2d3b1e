/* elab-enum-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An enum's spellings (those of the command line and scenarios) written
 * once, as a table indexed by its values, give both directions of its
 * conversion to text.
 */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

static inline const char *
_elab_enum_name (const char *const *names,
                 guint              n_names,
                 int                value)
{
  if (value < 0 || (guint) value >= n_names)
    return NULL;
  return names[value];
}

static inline gboolean
_elab_enum_value (const char *const *names,
                  guint              n_names,
                  const char        *str,
                  int               *res)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    if (strcmp (names[i], str) == 0)
      {
        *res = (int) i;
        return TRUE;
      }
  return FALSE;
}

/* PREFIX_to_string (NULL past the table) and PREFIX_from_string (FALSE,
 * and the result untouched, for anything else, NULL included). */
#define ELAB_DEFINE_ENUM_STRINGS(prefix, Type, names)                   \
  const char *                                                          \
  prefix##_to_string (Type value)                                       \
  {                                                                     \
    return _elab_enum_name (names, G_N_ELEMENTS (names), (int) value);  \
  }                                                                     \
                                                                        \
  gboolean                                                              \
  prefix##_from_string (const char *str,                                \
                        Type       *res)                                \
  {                                                                     \
    int v;                                                              \
                                                                        \
    if (!_elab_enum_value (names, G_N_ELEMENTS (names), str, &v))       \
      return FALSE;                                                     \
    *res = (Type) v;                                                    \
    return TRUE;                                                        \
  }

G_END_DECLS
