/* elab-animation-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "elab-animation-export.h"

#include <glib/gstdio.h>

cairo_status_t
elab_animation_draw_figure (ElabFigure              *figure,
                            cairo_surface_t         *surface,
                            const ElabExportRequest *req,
                            const ElabTrainer       *trainer)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_scale (cr, req->scale, req->scale);
  elab_figure_draw (figure, cr, req->width, req->height, req->state, trainer, req->style);
  status = cairo_status (cr);
  cairo_destroy (cr);
  return status;
}

gboolean
elab_animation_export_figure (const ElabAnimationOutput *out,
                              const ElabExportRequest   *req,
                              ElabFigureKind             kind,
                              const ElabTrainer         *first_trainer,
                              guint                      n_frames,
                              const ElabFrameDrawer     *drawer,
                              GError                   **error)
{
  g_autoptr(ElabAnimation) animation = NULL;
  int width_px, height_px;

  if (!elab_animation_check_figure (out->format, req->width, req->height, req->scale, &out->options, &width_px,
                                    &height_px, error))
    return FALSE;
  animation = elab_animation_new (out->format, out->path, width_px, height_px, &out->options, error);
  if (animation == NULL)
    return FALSE;
  if (!elab_animation_encode (animation, n_frames, drawer, out->cancellable, out->progress, out->progress_data,
                              error))
    return FALSE;
  if (!elab_animation_finish (animation, error))
    return FALSE;

  if (out->poster != NULL)
    {
      g_autoptr(ElabFigure) figure = elab_figure_new (kind);

      if (!elab_export_figure (figure, req, first_trainer, ELAB_EXPORT_PNG, out->poster, error))
        {
          g_unlink (out->path);
          return FALSE;
        }
    }
  return TRUE;
}
