/* elab-cli-output.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <math.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "elab-cli-options.h"
#include "elab-cli-output.h"

void
elab_cli_json_write_number (FILE   *out,
                            double  value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    fputs ("null", out);
  else if (isinf (value))
    fputs (value > 0 ? "\"Infinity\"" : "\"-Infinity\"", out);
  else
    fputs (g_ascii_formatd (buf, sizeof buf, "%.17g", value), out);
}

void
elab_cli_json_write_string (FILE       *out,
                            const char *text)
{
  /* JSON's two-character escapes; every other control character as
   * \u00XX; UTF-8 passes as is. */
  static const char special[] = "\"\\\n\r\t";
  static const char escaped[] = "\"\\nrt";

  putc ('"', out);
  for (const unsigned char *c = (const unsigned char *) (text ? text : ""); *c != '\0'; c++)
    {
      const char *s = strchr (special, *c);

      if (s != NULL)
        {
          putc ('\\', out);
          putc (escaped[s - special], out);
        }
      else if (*c < 0x20 || *c == 0x7f)
        fprintf (out, "\\u%04x", *c);
      else
        putc (*c, out);
    }
  putc ('"', out);
}

static void
newline (FILE *out,
         int   indent)
{
  if (indent < 0)
    return;
  putc ('\n', out);
  for (int i = 0; i < indent; i++)
    fputs ("  ", out);
}

/* @node and everything under it, members in insertion order; @indent < 0
 * writes it on one line, else pretty with two spaces a level. */
static void
write_node (FILE     *out,
            JsonNode *node,
            int       indent)
{
  int inner = indent < 0 ? -1 : indent + 1;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        putc ('{', out);
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              putc (',', out);
            first = FALSE;
            newline (out, inner);
            elab_cli_json_write_string (out, name);
            fputs (indent < 0 ? ":" : ": ", out);
            write_node (out, member, inner);
          }
        if (!first)
          newline (out, indent);
        putc ('}', out);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        putc ('[', out);
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              putc (',', out);
            newline (out, inner);
            write_node (out, json_array_get_element (array, i), inner);
          }
        if (n > 0)
          newline (out, indent);
        putc (']', out);
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          fprintf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          elab_cli_json_write_number (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          fputs (json_node_get_boolean (node) ? "true" : "false", out);
          break;
        case G_TYPE_STRING:
          elab_cli_json_write_string (out, json_node_get_string (node));
          break;
        default:
          fputs ("null", out);
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      fputs ("null", out);
      break;
    }
}

void
elab_cli_json_print (JsonBuilder *builder,
                     gboolean     pretty)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  write_node (stdout, root, pretty ? 0 : -1);
  putc ('\n', stdout);
}

/* Flushes standard output; on a write error, now or earlier, says so in
 * one line and returns TRUE. */
static gboolean
report_stdout_error (void)
{
  gboolean failed = ferror (stdout) != 0;
  int saved = 0;

  errno = 0;
  if (fflush (stdout) != 0)
    {
      failed = TRUE;
      saved = errno;
    }
  /* A write that failed earlier (GLib flushes --help itself) left its
   * errno behind long ago: the output is already broken, so one more byte
   * through the descriptor tells which error it was. */
  if (failed && saved == 0 && write (STDOUT_FILENO, "\n", 1) < 0)
    saved = errno;
  if (!failed)
    return FALSE;

  fprintf (stderr, "entropy-lab: error: write error%s%s\n", saved ? ": " : "", saved ? g_strerror (saved) : "");
  /* Said once: what is still buffered would only fail again at exit. */
  clearerr (stdout);
  __fpurge (stdout);
  return TRUE;
}

int
elab_cli_output_finish (void)
{
  return report_stdout_error () ? 1 : 0;
}

static void
check_stdout_cb (void)
{
  if (report_stdout_error ())
    _exit (1);
}

void
elab_cli_output_check_at_exit (void)
{
  static gboolean registered = FALSE;

  if (registered)
    return;
  registered = TRUE;
  atexit (check_stdout_cb);
}
