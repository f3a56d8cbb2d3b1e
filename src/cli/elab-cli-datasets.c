/* elab-cli-datasets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `entropy-lab datasets`: the built-in data sets with their source and
 * caveat.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "elab-cli-options.h"
#include "elab-cli-output.h"
#include "elab-cli-private.h"
#include "elab-dataset.h"

enum { FORMAT_TEXT = 100 };

static const ElabCliChoice format_choices[] = {
  { "text", FORMAT_TEXT },
  { "csv",  ELAB_CLI_FORMAT_CSV },
  { "json", ELAB_CLI_FORMAT_JSON },
  { NULL, 0 }
};

/* RFC 4180: quote a field that holds a comma, quote or line end. */
static void
print_csv_field (const char *s)
{
  if (s == NULL)
    s = "";
  if (strpbrk (s, ",\"\r\n") == NULL)
    {
      fputs (s, stdout);
      return;
    }
  putchar ('"');
  for (; *s; s++)
    {
      if (*s == '"')
        putchar ('"');
      putchar (*s);
    }
  putchar ('"');
}

int
elab_cli_datasets (int    argc,
                   char **argv)
{
  g_autoptr(ElabCliParser) parser = NULL;
  int format = FORMAT_TEXT;
  const ElabDatasetInfo *info;
  guint n;
  int status;

  parser = elab_cli_parser_new ("datasets",
                                "List the built-in data sets with their source and caveat.",
                                "Use a name with `entropy-lab train --data NAME`.\n"
                                "CSV columns: name,rows,x,y,title,source,caveat. JSON: an array of objects "
                                "with the same members\n"
                                "(plus published_w and published_b where a published fit exists).");
  elab_cli_parser_add_choice (parser, "format", format_choices, &format,
                              "text (default), csv or json");
  status = elab_cli_parser_parse (parser, argc, argv);
  if (status >= 0)
    return status;

  info = elab_dataset_get_builtins (&n);

  if (format == ELAB_CLI_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          /* The members after "rows", in the CSV's column order. */
          const char *const texts[][2] = {
            { "x", info[i].x_name },
            { "y", info[i].y_name },
            { "title", info[i].title },
            { "source", info[i].source },
            { "caveat", info[i].caveat },
          };

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, info[i].name);
          json_builder_set_member_name (b, "rows");
          json_builder_add_int_value (b, info[i].n_rows);
          for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
            {
              json_builder_set_member_name (b, texts[t][0]);
              json_builder_add_string_value (b, texts[t][1]);
            }
          if (!isnan (info[i].published_w))
            {
              elab_cli_json_add_member (b, "published_w", info[i].published_w);
              elab_cli_json_add_member (b, "published_b", info[i].published_b);
            }
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      elab_cli_json_print (b, TRUE);
    }
  else if (format == ELAB_CLI_FORMAT_CSV)
    {
      printf ("name,rows,x,y,title,source,caveat\n");
      for (guint i = 0; i < n; i++)
        {
          print_csv_field (info[i].name);
          printf (",%" G_GSIZE_FORMAT ",", info[i].n_rows);
          print_csv_field (info[i].x_name);
          putchar (',');
          print_csv_field (info[i].y_name);
          putchar (',');
          print_csv_field (info[i].title);
          putchar (',');
          print_csv_field (info[i].source);
          putchar (',');
          print_csv_field (info[i].caveat);
          putchar ('\n');
        }
    }
  else
    {
      for (guint i = 0; i < n; i++)
        printf ("%s%s  (%" G_GSIZE_FORMAT " rows; x: %s, y: %s)\n  %s\n  Source: %s\n  Caveat: %s\n",
                i ? "\n" : "", info[i].name, info[i].n_rows, info[i].x_name, info[i].y_name,
                info[i].title, info[i].source, info[i].caveat);
    }

  if (elab_cli_output_finish () != 0)
    return ELAB_EXIT_DATA;
  return ELAB_EXIT_OK;
}
