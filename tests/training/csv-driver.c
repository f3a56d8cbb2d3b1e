/* csv-driver.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tiny driver of the CSV reader for the sanitizer test: reads FILE (with
 * optional X and Y column names) and prints the error the way the command
 * line does, or the row count.
 */
#include <stdio.h>

#include "elab-csv.h"

int
main (int    argc,
      char **argv)
{
  const ElabCsvColumns columns = {
    argc > 2 ? argv[2] : NULL, argc > 3 ? argv[3] : NULL, argc > 4 ? argv[4] : NULL,
  };
  g_autoptr(GError) error = NULL;
  ElabCsvData data;

  if (argc < 2)
    {
      fprintf (stderr, "usage: csv-driver FILE [X [Y]]\n");
      return 2;
    }
  if (!elab_csv_load (argv[1], &columns, &data, &error))
    {
      fprintf (stderr, "entropy-lab: error: %s\n", error->message);
      return 1;
    }
  printf ("%zu rows\n", data.n_rows);
  elab_csv_data_clear (&data);
  return 0;
}
