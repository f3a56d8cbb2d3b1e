/* elab-cli-progress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <unistd.h>

#include "elab-cli-progress.h"

void
_elab_cli_progress_init (ElabCliProgress *bar)
{
  bar->tty = isatty (STDERR_FILENO);
  bar->last_us = 0;
  bar->last_width = 0;
}

void
_elab_cli_progress_update (ElabCliProgress *bar,
                           guint            done,
                           guint            total,
                           const char      *note)
{
  gint64 now = g_get_monotonic_time ();
  const int width = 30;
  int filled = total > 0 ? (int) ((guint64) done * width / total) : width;
  g_autoptr(GString) line = g_string_new ("\r");
  int shown;

  if (!bar->tty)
    return;
  if (done < total && now - bar->last_us < G_USEC_PER_SEC / 20)
    return;
  bar->last_us = now;

  g_string_append_printf (line, "frame %u/%u [", done, total);
  for (int i = 0; i < width; i++)
    g_string_append_c (line, i < filled ? '#' : ' ');
  g_string_append_printf (line, "] %3u%%", total > 0 ? (guint) ((guint64) done * 100 / total) : 100);
  if (note != NULL)
    g_string_append_printf (line, "  %s", note);
  shown = (int) g_utf8_strlen (line->str, -1) - 1;
  /* A shorter line than the last leaves no tail of the old one behind. */
  for (int i = shown; i < bar->last_width; i++)
    g_string_append_c (line, ' ');
  bar->last_width = MAX (shown, bar->last_width);
  if (write (STDERR_FILENO, line->str, line->len) < 0)
    return;
}

void
_elab_cli_progress_clear (ElabCliProgress *bar)
{
  g_autofree char *blank = NULL;

  if (!bar->tty || bar->last_width == 0)
    return;
  blank = g_strnfill (bar->last_width, ' ');
  fprintf (stderr, "\r%s\r", blank);
  bar->last_width = 0;
}
