/* elab-cli-handout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `entropy-lab handout`: a lesson as one PDF for students, a page per
 * scene drawn by the same figure code as the window, a question's page
 * followed by its answer page, captions and explanations under the
 * figures.
 */
#include <cairo-pdf.h>
#include <errno.h>
#include <unistd.h>
#include <string.h>

#include "elab-cli-options.h"
#include "elab-cli-private.h"
#include "elab-figure.h"
#include "elab-scenario.h"
#include "elab-trainer.h"

/* A4 landscape, in points. */
#define PAGE_WIDTH  842.0
#define PAGE_HEIGHT 595.0

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
draw_page (cairo_t          *cr,
           const ElabScene  *scene,
           gboolean          revealed,
           GError          **error)
{
  const ElabState *state = elab_scene_get_state (scene, revealed);
  g_autoptr (ElabFigure) figure = elab_figure_new (_elab_cli_figure_for_page (state->page));
  g_autoptr (ElabTrainer) trainer = NULL;
  g_autofree char *card = elab_scene_handout_text (scene, revealed);
  /* The question's page and its answer's have the same plots. */
  g_autofree char *room = scene->kind == ELAB_SCENE_QUESTION ? elab_scene_handout_text (scene, TRUE) : NULL;
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;

  if (state->page == ELAB_PAGE_TRAINING)
    {
      trainer = _elab_cli_trainer_for_state (state, TRUE, error);
      if (trainer == NULL)
        return FALSE;
    }

  /* Print is light whatever the lesson's screen theme. */
  style.theme = ELAB_THEME_LIGHT;
  style.palette = state->palette;
  style.caption = card[0] != '\0' ? card : NULL;
  style.caption_room = room;
  /* The answer page marks the answer where the window draws it. */
  elab_scene_get_answer (scene, revealed, &style.truth);
  elab_figure_draw (figure, cr, PAGE_WIDTH, PAGE_HEIGHT, state, trainer, &style);
  cairo_show_page (cr);
  return cairo_status (cr) == CAIRO_STATUS_SUCCESS;
}

int
elab_cli_handout (int    argc,
                  char **argv)
{
  g_autoptr (ElabCliParser) parser = NULL;
  g_autoptr (ElabScenario) scenario = NULL;
  g_autoptr (GByteArray) pdf = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  const char *path = NULL, *out = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint pages = 0;
  int status;

  parser = elab_cli_parser_new ("handout",
                                "Write a lesson as one PDF: a page per scene, each question's answer on the "
                                "page after it.",
                                "Every page is the scene's figure, drawn by the same code as the window, with "
                                "its caption,\nquestion and choices under it; the page after a question shows "
                                "its reveal (the answer\nmarked, the after state, the explanation). An exercise "
                                "page states its goal.\n\n"
                                "Example:\n  entropy-lab handout --scenario data/scenarios/lesson-cross-entropy.elab "
                                "--out lesson.pdf");
  elab_cli_parser_add_string (parser, "scenario", &path, "The lesson (a scenario file with scenes)", "FILE");
  elab_cli_parser_add_string (parser, "out", &out, "The PDF to write", "FILE.pdf");

  status = elab_cli_parser_parse (parser, argc, argv);
  if (status >= 0)
    return status;
  if (path == NULL)
    return elab_cli_fail (ELAB_EXIT_USAGE, "handout: --scenario FILE is required");
  if (out == NULL || !g_str_has_suffix (out, ".pdf"))
    return elab_cli_fail (ELAB_EXIT_USAGE, "handout: --out FILE.pdf is required");

  scenario = elab_scenario_load_file (path, &error);
  if (scenario == NULL)
    return elab_cli_fail (ELAB_EXIT_DATA, "%s", error->message);
  if (scenario->scenes->len == 0)
    return elab_cli_fail (ELAB_EXIT_DATA, "%s: has no scenes, so no handout pages", path);

  /* Drawn into memory first: a data error half way leaves no file. */
  surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Entropy Lab");
  cr = cairo_create (surface);
  for (guint i = 0; i < scenario->scenes->len && error == NULL; i++)
    {
      const ElabScene *scene = g_ptr_array_index (scenario->scenes, i);

      if (draw_page (cr, scene, FALSE, &error))
        pages++;
      if (error == NULL && scene->kind == ELAB_SCENE_QUESTION && draw_page (cr, scene, TRUE, &error))
        pages++;
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (error != NULL)
    return elab_cli_fail (ELAB_EXIT_DATA, "%s", error->message);
  if (status != CAIRO_STATUS_SUCCESS)
    return elab_cli_fail (ELAB_EXIT_DATA, "%s: %s", out, cairo_status_to_string (status));

  /* A temporary file renamed into place; its folder is checked first, so
   * the message names the file asked for, not the temporary. */
  {
    g_autofree char *dir = g_path_get_dirname (out);

    if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
      return elab_cli_fail (ELAB_EXIT_DATA, "--out: cannot write '%s': directory '%s' does not exist", out, dir);
    if (access (dir, W_OK) != 0)
      return elab_cli_fail (ELAB_EXIT_DATA, "--out: cannot write '%s': %s", out, g_strerror (errno));
  }
  if (!g_file_set_contents (out, (const char *) pdf->data, (gssize) pdf->len, &error))
    return elab_cli_fail (ELAB_EXIT_DATA, "--out: cannot write '%s': %s", out, error->message);
  fprintf (stderr, "%s: %u pages\n", out, pages);
  return ELAB_EXIT_OK;
}
