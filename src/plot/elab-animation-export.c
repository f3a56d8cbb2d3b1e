/* elab-animation-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "elab-animation-export.h"

#include <glib/gstdio.h>
#include <math.h>

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
elab_animation_check_figure (const ElabAnimationOutput *out,
                             const ElabExportRequest   *req,
                             int                       *res_width_px,
                             int                       *res_height_px,
                             GError                   **error)
{
  g_autoptr(GError) local = NULL;
  int width_px, height_px;

  g_return_val_if_fail (out != NULL && req != NULL, FALSE);

  if (!(req->scale > 0) || req->width < 1 || req->height < 1
      || ceil (req->width * req->scale) > ELAB_EXPORT_MAX_PX || ceil (req->height * req->scale) > ELAB_EXPORT_MAX_PX)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--scale: %d×%d at scale %g is outside 1…%d pixels a side", req->width, req->height,
                   req->scale, ELAB_EXPORT_MAX_PX);
      return FALSE;
    }
  width_px = (int) ceil (req->width * req->scale);
  height_px = (int) ceil (req->height * req->scale);
  if (!elab_animation_check (out->format, width_px, height_px, &out->options, &local))
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "%s", local->message);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (res_width_px)
    *res_width_px = width_px;
  if (res_height_px)
    *res_height_px = height_px;
  return TRUE;
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

  if (!elab_animation_check_figure (out, req, &width_px, &height_px, error))
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
