/* elab-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elab-file.h"

GMappedFile *
elab_file_map_regular (const char  *path,
                       gsize        max_bytes,
                       GError     **error)
{
  g_autofree char *display = NULL;
  GMappedFile *map;
  struct stat st;
  int fd;
  int saved;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);

  /* O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer
   * forever. It has no effect on a regular file's reads. */
  fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", display,
                   g_strerror (saved));
      return NULL;
    }

  /* Checked on the descriptor, so the file cannot change between the
   * check and the read. */
  if (fstat (fd, &st) != 0)
    {
      saved = errno;
      close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", display,
                   g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, "%s: is a directory", display);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: not a regular file", display);
      return NULL;
    }
  if ((guint64) st.st_size > max_bytes)
    {
      g_autofree char *size = g_format_size_full ((guint64) st.st_size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);

      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s is larger than the limit of %s", display,
                   size, limit);
      return NULL;
    }

  map = g_mapped_file_new_from_fd (fd, FALSE, error);
  close (fd);
  if (map == NULL)
    g_prefix_error (error, "%s: ", display);
  return map;
}
