/* fuzz-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the CSV reader: any bytes either parse into finite
 * x values with 0/1 labels, or give a `NAME:LINE: …` error. Never a crash.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "elab-csv.h"

static void
check (const uint8_t *data,
       size_t         size,
       const char    *x_column,
       const char    *y_column)
{
  const ElabCsvColumns columns = { x_column, y_column, NULL };
  GError *error = NULL;
  ElabCsvData d;

  if (elab_csv_parse ((const char *) data, size, "fuzz.csv", &columns, &d, &error))
    {
      if (error != NULL || d.n_rows == 0 || d.x_name == NULL || d.y_name == NULL)
        abort ();
      for (gsize i = 0; i < d.n_rows; i++)
        if (!isfinite (d.x[i]) || (d.y[i] != 0.0 && d.y[i] != 1.0))
          abort ();
      elab_csv_data_clear (&d);
    }
  else
    {
      if (error == NULL || error->domain != ELAB_CSV_ERROR ||
          strncmp (error->message, "fuzz.csv:", 9) != 0 || d.x != NULL)
        abort ();
      g_error_free (error);
    }
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  check (data, size, NULL, NULL);
  check (data, size, "x", "y");
  return 0;
}
