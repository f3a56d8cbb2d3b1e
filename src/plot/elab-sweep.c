/* elab-sweep.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A slider sweep as a numbered image sequence, for lecturers who cut it
 * into a video. Every frame goes through the same elab_export_figure() as
 * a single export (written under a temporary name, renamed into place), so
 * frame 0 is byte for byte the export at FROM. A sweep that fails half way
 * removes the frames it created: nothing half-done is left behind. A file
 * that was already there under a frame's name is replaced only by that
 * frame complete and is never removed: it may be the lecturer's older
 * sweep, and no one asked to delete it.
 */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elab-dataset.h"
#include "elab-export-private.h"
#include "elab-sweep.h"
#include "elab-sweep-range.h"
#include "elab-trainer.h"

/* Frame @i's file name from @pattern, which must hold exactly one %d,
 * %Nd or %0Nd (N < 100) and any number of %%; NULL with
 * G_OPTION_ERROR_BAD_VALUE otherwise. */
static char *
frame_path (const char  *pattern,
            guint        i,
            GError     **error)
{
  GString *path = g_string_new (NULL);
  guint conversions = 0;

  for (const char *c = pattern; *c != '\0'; c++)
    {
      gboolean zero = FALSE;
      guint width = 0;

      if (*c != '%')
        {
          g_string_append_c (path, *c);
          continue;
        }
      c++;
      if (*c == '%')
        {
          g_string_append_c (path, '%');
          continue;
        }
      if (*c == '0')
        {
          zero = TRUE;
          c++;
        }
      while (g_ascii_isdigit (*c) && width < 100)
        width = width * 10 + (guint) (*c++ - '0');
      if (*c != 'd' || width >= 100)
        {
          g_string_free (path, TRUE);
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--out: '%s': only %%d, %%Nd or %%0Nd (and %%%%) may follow %% in a sweep's file name",
                       pattern);
          return NULL;
        }
      conversions++;
      g_string_append_printf (path, zero ? "%0*u" : "%*u", (int) width, i);
    }

  if (conversions != 1)
    {
      g_string_free (path, TRUE);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--out: '%s' needs exactly one frame number such as %%04d (e.g. frames/frame-%%04d.png)",
                   pattern);
      return NULL;
    }

  return g_string_free (path, FALSE);
}

/* G_OPTION_ERROR_BAD_VALUE when @n_frames frames of width × height
 * × @scale² pixels are more than ELAB_SWEEP_MAX_PIXELS. */
static gboolean
check_size (guint    n_frames,
            int      width,
            int      height,
            double   scale,
            GError **error)
{
  double pixels = (double) n_frames * ceil (width * scale) * ceil (height * scale);

  if (pixels > ELAB_SWEEP_MAX_PIXELS)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--frames: %u frames of %.0f×%.0f pixels are %.2g pixels, more than a sweep draws "
                   "(%.2g, e.g. 30,000 frames at 1920×1080); use fewer frames or a smaller size",
                   n_frames, ceil (width * scale), ceil (height * scale), pixels, (double) ELAB_SWEEP_MAX_PIXELS);
      return FALSE;
    }
  return TRUE;
}

static void
remove_frames (GPtrArray *created)
{
  for (guint i = 0; i < created->len; i++)
    g_unlink (g_ptr_array_index (created, i));
}

void
elab_sweep_frame_state (const ElabSweepRequest *req,
                        guint                   i,
                        ElabState              *res)
{
  *res = *req->figure.state;
  elab_sweep_apply (req->sweep, elab_sweep_value (req->sweep, i, req->n_frames), res, NULL);
}

ElabTrainer *
elab_sweep_frame_trainer (const ElabSweepRequest  *req,
                          const ElabState         *frame,
                          GError                 **error)
{
  ElabTrainer *trainer;

  if (!elab_figure_kind_is_training (req->kind))
    return NULL;
  trainer = elab_trainer_new_for_state (frame, error);
  if (trainer != NULL)
    elab_trainer_step (trainer, frame->steps);
  return trainer;
}

gboolean
elab_sweep_check_frames (const ElabSweepRequest  *req,
                         GError                 **error)
{
  if (req->n_frames < 1 || req->n_frames > ELAB_SWEEP_MAX_FRAMES)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--frames: must be 1…%d (got %u)", ELAB_SWEEP_MAX_FRAMES, req->n_frames);
      return FALSE;
    }
  for (guint i = 0; i < req->n_frames; i++)
    {
      ElabState frame = *req->figure.state;
      g_autoptr(GError) local = NULL;

      if (!elab_sweep_apply (req->sweep, elab_sweep_value (req->sweep, i, req->n_frames), &frame, &local))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--sweep %s at frame %u: %s", req->sweep->param, i, local->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* The free space where @dir is, or G_MAXUINT64 when the file system
 * does not say. */
static guint64
free_space (const char *dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GFileInfo) info = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_FREE, NULL, NULL);

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE))
    return G_MAXUINT64;
  return g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE);
}

gboolean
elab_sweep_export (const ElabSweepRequest *req,
                   const char             *pattern,
                   GCancellable           *cancellable,
                   ElabSweepProgressFunc   progress,
                   gpointer                progress_data,
                   guint                  *res_written,
                   GError                **error)
{
  ElabFigureStyle steady;
  ElabExportRequest frame_req;
  ElabExportFormat format;
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_free);
  guint n_frames = req->n_frames;
  guint n_written = 0;
  g_autoptr(ElabFigure) figure = NULL;
  g_autofree char *first = NULL;
  g_autofree char *dir = NULL;
  ElabTrainer *trainer = NULL;
  gboolean ok = TRUE;
  guint64 bytes = 0;
  gint64 start_us;

  g_return_val_if_fail (req != NULL && req->sweep != NULL && pattern != NULL, FALSE);
  g_return_val_if_fail (req->figure.state != NULL && req->figure.style != NULL, FALSE);

  if (res_written != NULL)
    *res_written = 0;

  /* Every usage error before the first file: the frames' count and each
   * frame's state (a temperature sweep through 0 fails here, not at
   * frame 30), the size, and the pattern. */
  if (!elab_sweep_check_frames (req, error))
    return FALSE;
  if (!elab_export_format_from_path (pattern, &format))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "'%s' does not end in .png, .svg or .pdf", pattern);
      return FALSE;
    }
  if (!check_size (n_frames, req->figure.width, req->figure.height,
                   format == ELAB_EXPORT_PNG ? req->figure.scale : 1.0, error))
    return FALSE;
  first = frame_path (pattern, 0, error);
  if (first == NULL)
    return FALSE;

  dir = g_path_get_dirname (first);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "directory '%s' does not exist", dir);
      return FALSE;
    }
  if (access (dir, W_OK) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "cannot write to directory '%s': %s",
                   dir, g_strerror (saved));
      return FALSE;
    }

  elab_export_remove_stale (dir, NULL);
  /* One y range for every frame: the axis holds still while curves move. */
  elab_sweep_steady_style (req, &steady);
  figure = elab_figure_new (req->kind);
  frame_req = req->figure;
  frame_req.style = &steady;
  start_us = g_get_monotonic_time ();
  for (guint i = 0; i < n_frames && ok; i++)
    {
      ElabState frame;
      g_autofree char *path = frame_path (pattern, i, NULL);
      g_autoptr(GError) local = NULL;
      GStatBuf st;
      gboolean existed;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }

      elab_sweep_frame_state (req, i, &frame);
      frame_req.state = &frame;

      /* Each frame trains its own run from step 0, even in a steps sweep:
       * the run's step budget shows in the figure (its status line), so
       * frame i must be exactly the export at that budget. */
      g_clear_pointer (&trainer, elab_trainer_free);
      trainer = elab_sweep_frame_trainer (req, &frame, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          ok = FALSE;
          break;
        }

      /* Whether the name is new is decided before the frame is written:
       * only a name this run brought into being may be removed later. */
      existed = g_lstat (path, &st) == 0;
      if (!_elab_export_figure (figure, &frame_req, trainer, format, path, FALSE, cancellable, &local))
        {
          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local));
          else
            g_set_error (error, local->domain, local->code, "frame %u: %s", i, local->message);
          ok = FALSE;
          break;
        }
      n_written++;
      if (g_lstat (path, &st) == 0)
        bytes += st.st_size;
      if (!existed)
        g_ptr_array_add (created, g_steal_pointer (&path));

      /* The frames so far tell what the whole sweep takes. The first
       * frame is enough to know whether the rest will fit on the disk:
       * better to say so now than to fill the disk and then fail. */
      if (i == 0 && n_frames > 1)
        {
          guint64 need = bytes * (n_frames - 1);
          guint64 avail = free_space (dir);

          if (need > avail)
            {
              g_autofree char *each = g_format_size (bytes);
              g_autofree char *total = g_format_size (need + bytes);
              g_autofree char *have = g_format_size (avail);

              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           "not enough space: %u frames of about %s need about %s, "
                           "and '%s' has %s free", n_frames, each, total, dir, have);
              ok = FALSE;
              break;
            }
        }
      if (progress != NULL)
        {
          double elapsed = (g_get_monotonic_time () - start_us) / (double) G_USEC_PER_SEC;

          progress (i + 1, n_frames, bytes / (i + 1) * (guint64) n_frames,
                    elapsed / (i + 1) * (n_frames - i - 1), progress_data);
        }
    }

  g_clear_pointer (&trainer, elab_trainer_free);
  if (!ok)
    remove_frames (created);
  else if (res_written != NULL)
    *res_written = n_written;
  return ok;
}
