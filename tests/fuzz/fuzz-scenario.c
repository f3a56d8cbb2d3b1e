/* fuzz-scenario.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the scenario reader. Any input must either be
 * rejected with an error or give a scenario whose every state validates
 * and which survives a save/read round trip unchanged.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "elab-scenario.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ElabScenario) scenario = NULL;
  g_autoptr (ElabScenario) again = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  /* The lenient reader of the saved state: whatever it keeps is valid. */
  {
    g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
    g_autoptr (ElabScenario) lenient = elab_scenario_from_data_lenient ((const char *) data, size,
                                                                        "fuzz.elab", warnings, NULL);

    if (lenient != NULL && !elab_state_validate (&lenient->state, NULL))
      abort ();
  }

  scenario = elab_scenario_from_data ((const char *) data, size, "fuzz.elab", &error);
  if (scenario == NULL)
    {
      /* a rejection always explains itself, briefly, on one line, in
       * UTF-8, naming the file */
      if (error == NULL || !g_utf8_validate (error->message, -1, NULL) ||
          !g_str_has_prefix (error->message, "fuzz.elab:") ||
          strlen (error->message) > 1024 || strchr (error->message, '\n') != NULL)
        abort ();
      return 0;
    }

  if (error != NULL || !elab_state_validate (&scenario->state, NULL))
    abort ();
  for (guint i = 0; i < scenario->scenes->len; i++)
    {
      const ElabScene *scene = g_ptr_array_index (scenario->scenes, i);

      if (!elab_state_validate (&scene->state, NULL) || scene->caption == NULL)
        abort ();
    }

  text = elab_scenario_to_data (scenario, &length, NULL);
  if (text == NULL)
    abort ();
  again = elab_scenario_from_data (text, length, "fuzz.elab", NULL);
  if (again == NULL || !elab_scenario_equal (scenario, again))
    abort ();

  return 0;
}
