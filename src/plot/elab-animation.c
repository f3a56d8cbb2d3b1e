/* elab-animation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * MP4 and WebM go through GStreamer (appsrc ! encoder ! muxer ! filesink,
 * the frames converted to I420 here), so the codecs are the ones every GNOME media app
 * uses. Debian 12's GStreamer has no GIF encoder (gst-plugins-rs is not
 * packaged and gst-libav leaves FFmpeg's out), so a GIF is quantised by
 * libimagequant (pngquant's library) to one palette for the whole
 * animation, so colours do not flicker between frames, and written by
 * giflib: each frame only as the rectangle that changed, with unchanged
 * pixels transparent, which keeps a sweep's GIF small. The frames are
 * mapped onto that palette here with Floyd–Steinberg dithering rather than
 * by libimagequant's remapper, which works in floating point to place
 * colours that are nearly all exactly in the palette (README.md,
 * Measured, has the time it took).
 *
 * The file is written to ".NAME.elab-tmp-XXXXXX" beside the target (the
 * same name and lock an export uses, so a killed run's leftover is found
 * and removed the same way) and renamed over NAME at the end.
 */
#include "elab-animation.h"
#include "elab-export-private.h"

#include <errno.h>
#include <fcntl.h>
#include <gif_lib.h>
#include <glib/gstdio.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>
#include <libimagequant.h>
#include <math.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

/* A GIF's palette comes from this many frames spread over the animation:
 * its colours are the theme's and their antialiased blends, which a
 * handful of frames already hold. */
#define GIF_SAMPLES 4

/* GIF: index 255 marks a pixel that did not change since the last frame. */
#define GIF_TRANSPARENT 255
/* Open addressing for the palette's own colours, a quarter full. */
#define EXACT_SLOTS 1024

struct _ElabAnimation
{
  ElabAnimationFormat  format;
  ElabAnimationOptions options;
  int                  width;
  int                  height;
  char                *path;
  char                *tmp;
  char                *display;
  int                  fd;
  guint                n_frames;
  gboolean             finished;

  /* MP4, WebM */
  GstElement          *pipeline;
  GstElement          *src;
  GstBuffer           *last;
  GstBufferPool       *pool;          /* I420 frames, used again once encoded */
  gsize                u_offset;      /* GStreamer's I420 layout */
  gsize                v_offset;
  int                  y_stride;
  int                  uv_stride;

  /* GIF */
  liq_attr            *attr;
  liq_histogram       *histogram;
  liq_result          *quant;
  GifFileType         *gif;
  int                  write_errno;
  guint8              *out;           /* bytes for the file, written 64 KiB at a time */
  gsize                out_len;
  cairo_surface_t     *previous;      /* the last frame, held, to find what changed */
  guint8              *indices;       /* the frame mapped to the palette, its rectangle written one frame later */
  int                 *span_a;        /* each row's first and last changed pixel (none: a > b) */
  int                 *span_b;
  int                 *errors[2];     /* dithering: this row's and the next row's error, ×16 */
  int                  errors_lo[2];  /* the slots of each that hold an error */
  int                  errors_hi[2];
  guint8               palette[256][3];
  int                  n_palette;
  guint32              exact_key[EXACT_SLOTS];
  guint8               exact_index[EXACT_SLOTS];
  gint16              *cell;          /* nearest entry per 6-bit colour cell, −1 until needed */
  gboolean             pending;       /* indices holds a frame not yet written */
  int                  px, py, pw, ph;
};

gboolean
elab_animation_format_from_path (const char          *path,
                                 ElabAnimationFormat *res)
{
  static const char *const extensions[] = {
    [ELAB_ANIMATION_GIF] = ".gif",
    [ELAB_ANIMATION_WEBM] = ".webm",
    [ELAB_ANIMATION_MP4] = ".mp4",
    NULL
  };
  G_STATIC_ASSERT (sizeof (ElabAnimationFormat) == sizeof (int));

  return _elab_export_format_from_extension (path, extensions, (int *) res);
}

const char *
elab_animation_format_name (ElabAnimationFormat format)
{
  switch (format)
    {
    case ELAB_ANIMATION_GIF:
      return "GIF";
    case ELAB_ANIMATION_WEBM:
      return "WebM";
    case ELAB_ANIMATION_MP4:
    default:
      return "MP4";
    }
}

/* The GStreamer elements each format needs and the Debian package that
 * ships them, for the one line a missing plugin gets. */
static const struct
{
  ElabAnimationFormat format;
  const char         *element;
  const char         *package;
} needed_elements[] = {
  { ELAB_ANIMATION_MP4, "appsrc", "gstreamer1.0-plugins-base" },
  { ELAB_ANIMATION_MP4, "x264enc", "gstreamer1.0-plugins-ugly" },
  { ELAB_ANIMATION_MP4, "h264parse", "gstreamer1.0-plugins-bad" },
  { ELAB_ANIMATION_MP4, "mp4mux", "gstreamer1.0-plugins-good" },
  { ELAB_ANIMATION_MP4, "filesink", "libgstreamer1.0-0" },
  { ELAB_ANIMATION_WEBM, "appsrc", "gstreamer1.0-plugins-base" },
  { ELAB_ANIMATION_WEBM, "vp8enc", "gstreamer1.0-plugins-good" },
  { ELAB_ANIMATION_WEBM, "webmmux", "gstreamer1.0-plugins-good" },
  { ELAB_ANIMATION_WEBM, "filesink", "libgstreamer1.0-0" },
};

static gboolean
gst_ready (GError **error)
{
  static gsize once = 0;
  static gboolean ok;
  static char *message;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GError) local = NULL;

      ok = gst_init_check (NULL, NULL, &local);
      if (!ok)
        message = g_strdup (local ? local->message : "unknown error");
      g_once_init_leave (&once, 1);
    }
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "GStreamer could not start: %s", message);
  return ok;
}

gboolean
elab_animation_check (ElabAnimationFormat         format,
                      int                         width_px,
                      int                         height_px,
                      const ElabAnimationOptions *options,
                      GError                    **error)
{
  g_return_val_if_fail (options != NULL, FALSE);

  if (options->fps < 1 || options->fps > ELAB_ANIMATION_MAX_FPS
      || (format == ELAB_ANIMATION_GIF && options->fps > ELAB_ANIMATION_MAX_GIF_FPS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s plays 1…%d frames per second (got %u)", elab_animation_format_name (format),
                   format == ELAB_ANIMATION_GIF ? ELAB_ANIMATION_MAX_GIF_FPS : ELAB_ANIMATION_MAX_FPS,
                   options->fps);
      return FALSE;
    }
  if (!(options->hold_s >= 0 && options->hold_s <= ELAB_ANIMATION_MAX_HOLD_S))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "the hold on the last frame must be 0…%g seconds (got %g)", ELAB_ANIMATION_MAX_HOLD_S,
                   options->hold_s);
      return FALSE;
    }
  /* H.264 in 4:2:0 halves both chroma sides: slide programs and browsers
   * refuse an odd size rather than guess. */
  if (format == ELAB_ANIMATION_MP4 && (width_px % 2 != 0 || height_px % 2 != 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "MP4 (H.264, yuv420p) needs an even width and height in pixels; %d×%d is odd (try %d×%d)",
                   width_px, height_px, width_px + width_px % 2, height_px + height_px % 2);
      return FALSE;
    }
  if (format == ELAB_ANIMATION_GIF)
    {
      if (width_px > 65535 || height_px > 65535)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "GIF is at most 65535 pixels a side (got %d×%d)", width_px, height_px);
          return FALSE;
        }
      return TRUE;
    }

  if (!gst_ready (error))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (needed_elements); i++)
    {
      g_autoptr(GstElementFactory) factory = NULL;

      if (needed_elements[i].format != format)
        continue;
      factory = gst_element_factory_find (needed_elements[i].element);
      if (factory == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "%s needs the GStreamer element %s: install the Debian package %s",
                       elab_animation_format_name (format), needed_elements[i].element,
                       needed_elements[i].package);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
fail_errno (ElabAnimation  *self,
            int             saved,
            GError        **error)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               "Could not write “%s”: %s", self->display, g_strerror (saved));
  return FALSE;
}

/* --------------------------------------------------------------- GStreamer */

static gboolean
bus_error (ElabAnimation  *self,
           GstClockTime    timeout,
           GError        **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;

  message = gst_bus_timed_pop_filtered (bus, timeout, GST_MESSAGE_ERROR | GST_MESSAGE_EOS);
  if (message == NULL || GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS)
    return FALSE;

  gst_message_parse_error (message, &gst_error, &debug);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write “%s”: %s", self->display,
               gst_error ? gst_error->message : "encoder error");
  return TRUE;
}

static gboolean
video_open (ElabAnimation  *self,
            GError        **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstElement) sink = NULL;
  GstStructure *config;
  int chroma_h = (self->height + 1) / 2;
  const char *description;
  guint threads = MAX (1, g_get_num_processors ());

  /* Slides are flat colour and thin lines: x264's "animation" tuning and
   * a constant quality keep edges sharp. The ultrafast preset (Main
   * profile, no CABAC) costs a third of veryfast's CPU for a file about
   * 1.5× larger, still a fraction of the PNG frames' size. VP8's realtime
   * deadline at its fastest setting (cpu-used 16) does the same. The
   * BT.709 matrix is what players assume for HD and what the caps
   * announce, so colours match the PNG export. */
  if (self->format == ELAB_ANIMATION_MP4)
    description = "appsrc name=src ! "
                  "x264enc speed-preset=ultrafast psy-tune=animation pass=quant quantizer=20 "
                  "key-int-max=60 ! video/x-h264,profile=main ! h264parse ! "
                  "mp4mux faststart=true ! filesink name=sink";
  else
    description = "appsrc name=src ! "
                  "vp8enc name=enc deadline=1 cpu-used=16 end-usage=cq cq-level=10 target-bitrate=8000000 "
                  "keyframe-max-dist=60 ! webmmux ! filesink name=sink";

  self->pipeline = gst_parse_launch (description, &parse_error);
  if (self->pipeline == NULL || parse_error != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Could not set up the %s encoder: %s",
                   elab_animation_format_name (self->format),
                   parse_error ? parse_error->message : "unknown error");
      return FALSE;
    }

  self->src = gst_bin_get_by_name (GST_BIN (self->pipeline), "src");
  sink = gst_bin_get_by_name (GST_BIN (self->pipeline), "sink");
  g_object_set (sink, "location", self->tmp, "async", FALSE, NULL);
  if (self->format == ELAB_ANIMATION_WEBM)
    {
      g_autoptr(GstElement) enc = gst_bin_get_by_name (GST_BIN (self->pipeline), "enc");

      /* libvpx's VP8 row threads wait for each other by spinning: on
       * a machine whose cores also draw the frames they burned twice
       * the CPU of one thread (2.3 s against 1.1 s for a 60-frame
       * 1080p sweep on 2 cores) and took longer too. One thread per
       * four cores leaves the drawing its share. */
      g_object_set (enc, "threads", MAX (1, threads / 4), NULL);
    }

  /* I420 as GStreamer lays it out by default (rows of 4-byte multiples,
   * the chroma planes after the luma one), so no video meta is needed. */
  self->y_stride = GST_ROUND_UP_4 (self->width);
  self->uv_stride = GST_ROUND_UP_4 ((self->width + 1) / 2);
  self->u_offset = (gsize) self->y_stride * GST_ROUND_UP_2 (self->height);
  self->v_offset = self->u_offset + (gsize) self->uv_stride * chroma_h;
  caps = gst_caps_new_simple ("video/x-raw",
                              "format", G_TYPE_STRING, "I420",
                              "colorimetry", G_TYPE_STRING, "bt709",
                              "width", G_TYPE_INT, self->width,
                              "height", G_TYPE_INT, self->height,
                              "framerate", GST_TYPE_FRACTION, (int) self->options.fps, 1,
                              NULL);
  /* A few frames in flight at most: the producer waits for the encoder. */
  g_object_set (self->src,
                "caps", caps,
                "format", GST_FORMAT_TIME,
                "block", TRUE,
                "max-bytes", (guint64) (self->v_offset + (gsize) self->uv_stride * chroma_h) * 3,
                NULL);
  self->pool = gst_buffer_pool_new ();
  config = gst_buffer_pool_get_config (self->pool);
  gst_buffer_pool_config_set_params (config, caps, (guint) (self->v_offset + (gsize) self->uv_stride * chroma_h), 2,
                                     0);
  gst_buffer_pool_set_config (self->pool, config);
  gst_buffer_pool_set_active (self->pool, TRUE);

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      if (!bus_error (self, 0, error))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not start the %s encoder for “%s”",
                     elab_animation_format_name (self->format), self->display);
      return FALSE;
    }
  return TRUE;
}

static gboolean
video_push (ElabAnimation  *self,
            GstBuffer      *buffer,
            guint           index,
            gboolean        keep,
            GError        **error)
{
  guint64 fps = self->options.fps;
  GstClockTime pts = gst_util_uint64_scale (index, GST_SECOND, fps);

  buffer = gst_buffer_make_writable (buffer);
  GST_BUFFER_PTS (buffer) = pts;
  GST_BUFFER_DTS (buffer) = GST_CLOCK_TIME_NONE;
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (index + 1, GST_SECOND, fps) - pts;
  /* The last frame again for the hold. Taken only now: a buffer shared
   * before it is stamped would be copied, and its memory, shared then,
   * not used again by the pool. */
  if (keep)
    {
      gst_clear_buffer (&self->last);
      self->last = gst_buffer_ref (buffer);
    }

  if (gst_app_src_push_buffer (GST_APP_SRC (self->src), buffer) != GST_FLOW_OK)
    {
      if (!bus_error (self, 0, error))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write “%s”: the encoder stopped",
                     self->display);
      return FALSE;
    }
  return TRUE;
}

/* BT.709 in limited range, what the caps announce and players assume for
 * HD, from the frame's (sRGB) values as they are, as GStreamer's own
 * converter does; chroma from the mean of each 2×2 block. Fixed point:
 * luma ×2¹⁵, chroma ×2¹⁵ of a sum of four. Here rather than in
 * videoconvert, whose generic path is several times slower (README.md,
 * Measured). */
#define Y_R    5983
#define Y_G   20127
#define Y_B    2032
#define U_R  (-3298)
#define U_G (-11094)
#define U_B   14392
#define V_R   14392
#define V_G (-13072)
#define V_B  (-1320)

/* GCC vectorizes these loops only at -O3 (its -O2 model leaves loops
 * with a remainder alone); Clang does at -O2. */
#if defined(__GNUC__) && !defined(__clang__)
#define VECTORIZE __attribute__ ((optimize ("O3")))
#else
#define VECTORIZE
#endif

static VECTORIZE void
luma_row (const guint32 *restrict src,
          guint8        *restrict dst,
          int                     n)
{
  for (int x = 0; x < n; x++)
    {
      int r = (int) ((src[x] >> 16) & 0xff), g = (int) ((src[x] >> 8) & 0xff), b = (int) (src[x] & 0xff);

      dst[x] = (guint8) ((Y_R * r + Y_G * g + Y_B * b + (16 << 15) + (1 << 14)) >> 15);
    }
}

/* @n pairs of columns of two rows; the sums are of four pixels. */
static VECTORIZE void
chroma_row (const guint32 *restrict row0,
            const guint32 *restrict row1,
            guint8        *restrict u,
            guint8        *restrict v,
            int                     n)
{
  for (int i = 0; i < n; i++)
    {
      guint32 a = row0[2 * i], b = row0[2 * i + 1], c = row1[2 * i], d = row1[2 * i + 1];
      int rs = (int) (((a >> 16) & 0xff) + ((b >> 16) & 0xff) + ((c >> 16) & 0xff) + ((d >> 16) & 0xff));
      int gs = (int) (((a >> 8) & 0xff) + ((b >> 8) & 0xff) + ((c >> 8) & 0xff) + ((d >> 8) & 0xff));
      int bs = (int) ((a & 0xff) + (b & 0xff) + (c & 0xff) + (d & 0xff));

      u[i] = (guint8) ((U_R * rs + U_G * gs + U_B * bs + (128 << 17) + (1 << 16)) >> 17);
      v[i] = (guint8) ((V_R * rs + V_G * gs + V_B * bs + (128 << 17) + (1 << 16)) >> 17);
    }
}

static void
to_i420 (ElabAnimation   *self,
         const guint8    *data,
         int              stride,
         guint8          *out)
{
  int w = self->width, h = self->height;

  for (int y = 0; y < h; y++)
    luma_row ((const guint32 *) (data + (gsize) y * stride), out + (gsize) y * self->y_stride, w);

  for (int y = 0; y < h; y += 2)
    {
      const guint32 *row0 = (const guint32 *) (data + (gsize) y * stride);
      /* An odd last row pairs with itself, an odd last column too. */
      const guint32 *row1 = (const guint32 *) (data + (gsize) MIN (y + 1, h - 1) * stride);
      guint8 *u = out + self->u_offset + (gsize) (y / 2) * self->uv_stride;
      guint8 *v = out + self->v_offset + (gsize) (y / 2) * self->uv_stride;

      chroma_row (row0, row1, u, v, w / 2);
      if (w % 2 != 0)
        {
          guint32 last[2] = { row0[w - 1], row0[w - 1] }, next[2] = { row1[w - 1], row1[w - 1] };

          chroma_row (last, next, u + w / 2, v + w / 2, 1);
        }
    }
}

static gboolean
video_add (ElabAnimation    *self,
           cairo_surface_t  *frame,
           GError          **error)
{
  GstBuffer *buffer = NULL;
  GstMapInfo map;

  if (gst_buffer_pool_acquire_buffer (self->pool, &buffer, NULL) != GST_FLOW_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write “%s”: out of memory", self->display);
      return FALSE;
    }
  gst_buffer_map (buffer, &map, GST_MAP_WRITE);
  to_i420 (self, cairo_image_surface_get_data (frame), cairo_image_surface_get_stride (frame), map.data);
  gst_buffer_unmap (buffer, &map);

  return video_push (self, buffer, self->n_frames, TRUE, error);
}

static gboolean
video_finish (ElabAnimation  *self,
              GError        **error)
{
  guint hold = (guint) lround (self->options.hold_s * self->options.fps);

  /* The hold is the last frame again: every player shows it, where a
   * long last-frame duration is shown differently by each. */
  for (guint i = 0; i < hold && self->last != NULL; i++)
    if (!video_push (self, gst_buffer_copy (self->last), self->n_frames + i, FALSE, error))
      return FALSE;
  gst_clear_buffer (&self->last);

  gst_app_src_end_of_stream (GST_APP_SRC (self->src));
  if (bus_error (self, GST_CLOCK_TIME_NONE, error))
    return FALSE;
  gst_element_set_state (self->pipeline, GST_STATE_NULL);
  return TRUE;
}

/* --------------------------------------------------------------------- GIF */

/* giflib hands over a sub-block of at most 255 bytes at a time: they are
 * gathered here and written in large pieces. */
#define GIF_OUT_SIZE (64 * 1024)

static gboolean
gif_flush (ElabAnimation *self)
{
  const guint8 *data = self->out;
  gsize left = self->out_len;

  while (left > 0)
    {
      ssize_t n = write (self->fd, data, left);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          self->write_errno = errno;
          return FALSE;
        }
      data += n;
      left -= (gsize) n;
    }
  self->out_len = 0;
  return TRUE;
}

static int
gif_write_cb (GifFileType       *gif,
              const GifByteType *data,
              int                length)
{
  ElabAnimation *self = gif->UserData;
  gsize left = (gsize) length;

  while (left > 0)
    {
      gsize n = MIN (left, GIF_OUT_SIZE - self->out_len);

      memcpy (self->out + self->out_len, data, n);
      self->out_len += n;
      data += n;
      left -= n;
      if (self->out_len == GIF_OUT_SIZE && !gif_flush (self))
        return 0;
    }
  return length;
}

static gboolean
gif_fail (ElabAnimation  *self,
          int             gif_error,
          GError        **error)
{
  if (self->write_errno != 0)
    return fail_errno (self, self->write_errno, error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write “%s”: %s", self->display,
               GifErrorString (gif_error) ? GifErrorString (gif_error) : "GIF error");
  return FALSE;
}

/* Open addressing over colours | 1 << 24 (0 is an empty slot). */
typedef struct
{
  guint32 *keys;
  guint   *counts;
  guint    bits;      /* 2^bits slots */
  gsize    used;
} ColourCount;

static void
colour_count_add (ColourCount *table,
                  guint32      colour,
                  guint        n)
{
  guint32 key = (colour & 0xffffff) | 0x1000000;
  gsize mask = ((gsize) 1 << table->bits) - 1;
  /* Fibonacci hashing: the product's high bits depend on every bit of the key. */
  gsize h = (guint32) (key * 2654435761u) >> (32 - table->bits);

  while (table->keys[h] != 0 && table->keys[h] != key)
    h = (h + 1) & mask;
  if (table->keys[h] != 0)
    {
      table->counts[h] += n;
      return;
    }
  table->keys[h] = key;
  table->counts[h] = n;
  /* Grows at half full, so a probe stays short. */
  if (++table->used * 2 > mask + 1)
    {
      ColourCount old = *table;

      table->bits++;
      table->used = 0;
      table->keys = g_new0 (guint32, (gsize) 1 << table->bits);
      table->counts = g_new (guint, (gsize) 1 << table->bits);
      for (gsize i = 0; i <= mask; i++)
        if (old.keys[i] != 0)
          colour_count_add (table, old.keys[i], old.counts[i]);
      g_free (old.keys);
      g_free (old.counts);
    }
}

/* A GIF's sample @frame, before the first gif_add(): its colours go into
 * the palette's histogram as colours and counts. A figure is flat colour
 * and antialiased edges, a few thousand colours in long runs, which this
 * pass counts in a fraction of the time libimagequant takes to convert
 * every pixel of an image to floating point for liq_histogram_add_image(). */
static void
gif_add_sample (ElabAnimation   *self,
                cairo_surface_t *frame)
{
  ColourCount table = { g_new0 (guint32, 1 << 12), g_new (guint, 1 << 12), 12, 0 };
  liq_histogram_entry *entries;
  const guint8 *data;
  int stride;
  gsize n = 0;

  cairo_surface_flush (frame);
  data = cairo_image_surface_get_data (frame);
  stride = cairo_image_surface_get_stride (frame);
  for (int y = 0; y < self->height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);
      guint32 run = row[0];
      guint count = 0;

      for (int x = 0; x < self->width; x++)
        {
          if (row[x] != run)
            {
              colour_count_add (&table, run, count);
              run = row[x];
              count = 0;
            }
          count++;
        }
      colour_count_add (&table, run, count);
    }

  entries = g_new (liq_histogram_entry, table.used);
  for (gsize i = 0; i < (gsize) 1 << table.bits; i++)
    if (table.keys[i] != 0)
      {
        entries[n].color.r = (guint8) (table.keys[i] >> 16);
        entries[n].color.g = (guint8) (table.keys[i] >> 8);
        entries[n].color.b = (guint8) table.keys[i];
        entries[n].color.a = 255;
        entries[n].count = table.counts[i];
        n++;
      }
  liq_histogram_add_colors (self->histogram, self->attr, entries, (int) n, 0);
  g_free (entries);
  g_free (table.keys);
  g_free (table.counts);
}

static gboolean
gif_start (ElabAnimation  *self,
           GError        **error)
{
  const liq_palette *palette;
  ColorMapObject *map;
  int gif_error = 0;

  if (liq_histogram_quantize (self->histogram, self->attr, &self->quant) != LIQ_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not make a GIF palette for “%s”", self->display);
      return FALSE;
    }
  palette = liq_get_palette (self->quant);

  map = GifMakeMapObject (256, NULL);
  memset (map->Colors, 0, 256 * sizeof (GifColorType));
  self->n_palette = (int) MIN (palette->count, GIF_TRANSPARENT);
  for (int i = 0; i < self->n_palette; i++)
    {
      guint32 key = ((guint32) palette->entries[i].r << 16) | ((guint32) palette->entries[i].g << 8)
                    | palette->entries[i].b;
      guint h = (key * 2654435761u) >> 22;

      self->palette[i][0] = palette->entries[i].r;
      self->palette[i][1] = palette->entries[i].g;
      self->palette[i][2] = palette->entries[i].b;
      while (self->exact_key[h] != 0)
        h = (h + 1) & (EXACT_SLOTS - 1);
      self->exact_key[h] = key | 0x1000000;
      self->exact_index[h] = (guint8) i;

      map->Colors[i].Red = palette->entries[i].r;
      map->Colors[i].Green = palette->entries[i].g;
      map->Colors[i].Blue = palette->entries[i].b;
    }

  self->gif = EGifOpen (self, gif_write_cb, &gif_error);
  if (self->gif == NULL)
    {
      GifFreeMapObject (map);
      return gif_fail (self, gif_error, error);
    }
  EGifSetGifVersion (self->gif, true);
  if (EGifPutScreenDesc (self->gif, self->width, self->height, 8, 0, map) == GIF_ERROR)
    {
      GifFreeMapObject (map);
      return gif_fail (self, self->gif->Error, error);
    }
  GifFreeMapObject (map);

  if (self->options.loop)
    {
      /* The NETSCAPE2.0 block every browser and slide program reads:
       * loop count 0 = forever. */
      static const GifByteType app[] = "NETSCAPE2.0";
      static const GifByteType count[] = { 1, 0, 0 };

      if (EGifPutExtensionLeader (self->gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR
          || EGifPutExtensionBlock (self->gif, 11, app) == GIF_ERROR
          || EGifPutExtensionBlock (self->gif, 3, count) == GIF_ERROR
          || EGifPutExtensionTrailer (self->gif) == GIF_ERROR)
        return gif_fail (self, self->gif->Error, error);
    }
  return TRUE;
}


/* Writes the pending frame with its delay, in hundredths of a second: the
 * frame's span on the frame clock, rounded per frame so that the total
 * stays exact at rates that are not a whole number of hundredths. The
 * rectangle's pixels outside each row's changed span are transparent. */
static gboolean
gif_write_pending (ElabAnimation  *self,
                   gboolean        last,
                   GError        **error)
{
  GraphicsControlBlock gcb = { 0 };
  GifByteType ext[4];
  guint i = self->n_frames - 1;
  guint fps = self->options.fps;
  long delay = lround ((double) (i + 1) * 100 / fps) - lround ((double) i * 100 / fps);
  int x_end = self->px + self->pw - 1;

  if (last)
    delay += lround (self->options.hold_s * 100);
  gcb.DisposalMode = DISPOSE_DO_NOT;
  gcb.UserInputFlag = false;
  gcb.DelayTime = (int) MIN (delay, 65535);
  gcb.TransparentColor = i == 0 ? NO_TRANSPARENT_COLOR : GIF_TRANSPARENT;
  EGifGCBToExtension (&gcb, ext);

  if (EGifPutExtension (self->gif, GRAPHICS_EXT_FUNC_CODE, 4, ext) == GIF_ERROR
      || EGifPutImageDesc (self->gif, self->px, self->py, self->pw, self->ph, false, NULL) == GIF_ERROR)
    return gif_fail (self, self->gif->Error, error);
  for (int y = self->py; y < self->py + self->ph; y++)
    {
      guint8 *out = self->indices + (gsize) y * self->width;
      int a = MAX (self->span_a[y], self->px), b = MIN (self->span_b[y], x_end);

      if (b < a)
        memset (out + self->px, GIF_TRANSPARENT, self->pw);
      else
        {
          memset (out + self->px, GIF_TRANSPARENT, a - self->px);
          memset (out + b + 1, GIF_TRANSPARENT, x_end - b);
        }
      if (EGifPutLine (self->gif, out + self->px, self->pw) == GIF_ERROR)
        return gif_fail (self, self->gif->Error, error);
    }

  self->pending = FALSE;
  return TRUE;
}


/* The palette entry that is exactly @key (0xRRGGBB), or −1. */
static int
exact (ElabAnimation *self,
       guint32        key)
{
  guint h = (key * 2654435761u) >> 22;

  while (self->exact_key[h] != 0)
    {
      if ((self->exact_key[h] & 0xffffff) == key)
        return self->exact_index[h];
      h = (h + 1) & (EXACT_SLOTS - 1);
    }
  return -1;
}

/* The palette entry nearest to (r, g, b): a colour of the palette itself
 * is found exactly; any other through a table of 64 levels a channel
 * filled as colours turn up, whose error the dithering then carries to
 * the neighbours. */
static guint8
nearest (ElabAnimation *self,
         int            r,
         int            g,
         int            b)
{
  int index = exact (self, ((guint32) r << 16) | ((guint32) g << 8) | (guint32) b);
  guint cell;

  if (index >= 0)
    return (guint8) index;

  cell = ((guint) (r >> 2) << 12) | ((guint) (g >> 2) << 6) | (guint) (b >> 2);
  if (self->cell[cell] < 0)
    {
      int cr = (r & ~3) + 2, cg = (g & ~3) + 2, cb = (b & ~3) + 2;
      int best = 0, best_d = G_MAXINT;

      for (int i = 0; i < self->n_palette; i++)
        {
          int dr = cr - self->palette[i][0], dg = cg - self->palette[i][1], db = cb - self->palette[i][2];
          /* Green weighs most and blue least, roughly as the eye does. */
          int d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;

          if (d < best_d)
            {
              best_d = d;
              best = i;
            }
        }
      self->cell[cell] = (gint16) best;
    }
  return (guint8) self->cell[cell];
}


/* Zeroes the slots of error row @which that hold an error. */
static void
errors_clear (ElabAnimation *self,
              int            which)
{
  if (self->errors_hi[which] >= self->errors_lo[which])
    memset (self->errors[which] + 3 * self->errors_lo[which], 0,
            sizeof (int) * 3 * (gsize) (self->errors_hi[which] - self->errors_lo[which] + 1));
  self->errors_lo[which] = G_MAXINT;
  self->errors_hi[which] = -1;
}

/* Floyd–Steinberg over pixels @a … @b of a row into @out. @cur holds this
 * row's error and @next gathers the next row's, slot x + 1 for pixel x.
 * Pixels that did not change since the last frame become transparent
 * (the viewer keeps what it shows) and pass no error on, so a still part
 * of the figure keeps exactly the same indices from frame to frame. */
static void
gif_remap_row (ElabAnimation *self,
               const guint32 *row,
               const guint32 *prev,
               guint8        *out,
               int            a,
               int            b,
               int           *cur,
               int           *next)
{
  for (int x = a; x <= b; x++)
    {
      guint32 pixel = row[x];
      int *e = cur + 3 * (x + 1);
      int c[3];
      int exact_i;
      guint8 index;

      /* Most of a changed row is still: a run at a time. */
      if (prev != NULL && pixel == prev[x])
        {
          int x0 = x;

          /* Eight pixels a compare while they last (a vector compare:
           * the rows do not fit in the cache). */
          while (x + 9 <= b + 1 && memcmp (row + x + 1, prev + x + 1, 8 * sizeof (guint32)) == 0)
            x += 8;
          while (x + 1 <= b && row[x + 1] == prev[x + 1])
            x++;
          memset (out + x0, GIF_TRANSPARENT, x - x0 + 1);
          continue;
        }
      /* A colour of the palette itself (the background, a grid line, a
       * flat fill) is kept exactly and takes no error from its
       * neighbours: dithering noise there would stay behind as a faint
       * trail once a curve moved on, since a pixel that no longer
       * changes is not written again. */
      if ((exact_i = exact (self, pixel & 0xffffff)) >= 0)
        {
          out[x] = (guint8) exact_i;
          continue;
        }
      c[0] = (int) ((pixel >> 16) & 0xff);
      c[1] = (int) ((pixel >> 8) & 0xff);
      c[2] = (int) (pixel & 0xff);
      if (e[0] | e[1] | e[2])
        for (int k = 0; k < 3; k++)
          c[k] = CLAMP (c[k] + e[k] / 16, 0, 255);

      index = nearest (self, c[0], c[1], c[2]);
      out[x] = index;
      for (int k = 0; k < 3; k++)
        {
          int err = c[k] - self->palette[index][k];

          if (err == 0)
            continue;
          e[3 + k] += 7 * err;
          next[3 * x + k] += 3 * err;
          next[3 * (x + 1) + k] += 5 * err;
          next[3 * (x + 2) + k] += err;
        }
    }
}

/* One pass over the frame, a row at a time while it is in the cache:
 * where the row differs from the last frame's, mapped onto the palette;
 * the changed rectangle is the union of the rows' spans. */
static gboolean
gif_add (ElabAnimation    *self,
         cairo_surface_t  *frame,
         GError          **error)
{
  const guint8 *data = cairo_image_surface_get_data (frame);
  int stride = cairo_image_surface_get_stride (frame);
  const guint8 *prev_data = NULL;
  int prev_stride = 0;
  int w = self->width;
  int x0 = w, x1 = -1, y0 = -1, y1 = -1;
  int cur = 0;

  if (self->quant == NULL && !gif_start (self, error))
    return FALSE;
  if (self->pending && !gif_write_pending (self, FALSE, error))
    return FALSE;

  if (self->previous != NULL)
    {
      prev_data = cairo_image_surface_get_data (self->previous);
      prev_stride = cairo_image_surface_get_stride (self->previous);
    }
  errors_clear (self, 0);
  errors_clear (self, 1);
  for (int y = 0; y < self->height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);
      const guint32 *prev = prev_data ? (const guint32 *) (prev_data + (gsize) y * prev_stride) : NULL;
      int next = 1 - cur;
      int a = 0, b = w - 1;

      if (prev != NULL)
        {
          if (memcmp (row, prev, (gsize) w * 4) == 0)
            a = w, b = -1;
          else
            {
              while (a + 8 <= w && memcmp (row + a, prev + a, 8 * sizeof (guint32)) == 0)
                a += 8;
              while (row[a] == prev[a])
                a++;
              while (b - 8 > a && memcmp (row + b - 7, prev + b - 7, 8 * sizeof (guint32)) == 0)
                b -= 8;
              while (row[b] == prev[b])
                b--;
            }
        }
      self->span_a[y] = a;
      self->span_b[y] = b;

      errors_clear (self, next);
      if (a <= b)
        {
          gif_remap_row (self, row, prev, self->indices + (gsize) y * w, a, b, self->errors[cur],
                         self->errors[next]);
          /* This row's error reached slots a + 2 … b + 2, the next row's a … b + 2. */
          self->errors_lo[cur] = MIN (self->errors_lo[cur], a + 2);
          self->errors_hi[cur] = MAX (self->errors_hi[cur], b + 2);
          self->errors_lo[next] = a;
          self->errors_hi[next] = b + 2;
          x0 = MIN (x0, a);
          x1 = MAX (x1, b);
          if (y0 < 0)
            y0 = y;
          y1 = y;
        }
      cur = next;
    }
  if (x1 < 0)
    {
      /* Nothing changed: one transparent pixel carries the frame's delay. */
      x0 = x1 = y0 = y1 = 0;
    }

  self->px = x0;
  self->py = y0;
  self->pw = x1 - x0 + 1;
  self->ph = y1 - y0 + 1;
  g_clear_pointer (&self->previous, cairo_surface_destroy);
  self->previous = cairo_surface_reference (frame);
  self->pending = TRUE;
  return TRUE;
}

static gboolean
gif_finish (ElabAnimation  *self,
            GError        **error)
{
  int gif_error = 0;
  GifFileType *gif;

  if (self->pending && !gif_write_pending (self, TRUE, error))
    return FALSE;
  gif = g_steal_pointer (&self->gif);
  if (gif != NULL && EGifCloseFile (gif, &gif_error) == GIF_ERROR)
    return gif_fail (self, gif_error, error);
  if (!gif_flush (self))
    return gif_fail (self, 0, error);
  return TRUE;
}

/* ---------------------------------------------------------------- Public */

ElabAnimation *
elab_animation_new (ElabAnimationFormat         format,
                    const char                 *path,
                    int                         width_px,
                    int                         height_px,
                    const ElabAnimationOptions *options,
                    GError                    **error)
{
  g_autoptr(ElabAnimation) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL && options != NULL, NULL);

  if (!elab_animation_check (format, width_px, height_px, options, error))
    return NULL;

  self = g_new0 (ElabAnimation, 1);
  self->format = format;
  self->options = *options;
  self->width = width_px;
  self->height = height_px;
  self->path = g_strdup (path);
  self->display = g_filename_display_name (path);
  self->fd = -1;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  self->tmp = g_strdup_printf ("%s%s.%s.elab-tmp-XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  self->fd = g_mkstemp_full (self->tmp, O_RDWR | O_CLOEXEC, 0666);
  if (self->fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&self->tmp, g_free);
      fail_errno (self, saved, error);
      return NULL;
    }
  /* Marks the temporary as being written, as an export does. */
  flock (self->fd, LOCK_EX | LOCK_NB);

  if (format == ELAB_ANIMATION_GIF)
    {
      self->attr = liq_attr_create ();
      /* 255 colours: index 255 is "unchanged". Speed 5 of 10 is
       * libimagequant's default trade; the histogram of a few frames of
       * flat colour quantises in milliseconds either way. */
      liq_set_max_colors (self->attr, 255);
      liq_set_speed (self->attr, 8);
      self->histogram = liq_histogram_create (self->attr);
      self->out = g_malloc (GIF_OUT_SIZE);
      self->indices = g_malloc ((gsize) width_px * height_px);
      self->span_a = g_new (int, height_px);
      self->span_b = g_new (int, height_px);
      for (int i = 0; i < 2; i++)
        {
          self->errors[i] = g_new0 (int, 3 * ((gsize) width_px + 2));
          self->errors_lo[i] = G_MAXINT;
          self->errors_hi[i] = -1;
        }
      self->cell = g_new (gint16, 1 << 18);
      memset (self->cell, 0xff, sizeof (gint16) << 18);
    }
  else if (!video_open (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* A GIF keeps a reference to @frame until the next one, to find what
 * changed: the frame pool draws the next frame into another surface (it
 * reuses only surfaces no one else holds). */
static gboolean
add_frame (ElabAnimation    *self,
           cairo_surface_t  *frame,
           GError          **error)
{
  gboolean ok;

  cairo_surface_flush (frame);
  if (self->format == ELAB_ANIMATION_GIF)
    ok = gif_add (self, frame, error);
  else
    ok = video_add (self, frame, error);
  if (ok)
    self->n_frames++;
  return ok;
}

gboolean
elab_animation_encode (ElabAnimation          *self,
                       guint                   n_frames,
                       const ElabFrameDrawer  *drawer,
                       GCancellable           *cancellable,
                       ElabProgressFunc        progress,
                       gpointer                progress_data,
                       GError                **error)
{
  g_autofree guint *indices = g_new (guint, (gsize) n_frames + GIF_SAMPLES + 1);
  cairo_surface_t *held[GIF_SAMPLES] = { NULL };
  guint sample_index[GIF_SAMPLES];
  guint n_samples = 0, n = 0, s;
  ElabFramePool *pool;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL && !self->finished && drawer != NULL, FALSE);

  /* A GIF's sample frames are drawn first, by the same pool, and kept
   * for their turn rather than drawn twice. */
  if (self->format == ELAB_ANIMATION_GIF && self->quant == NULL)
    {
      n_samples = MIN (GIF_SAMPLES, n_frames);
      for (s = 0; s < n_samples; s++)
        sample_index[s] = indices[n++] = n_samples > 1 ? (guint) ((guint64) s * (n_frames - 1) / (n_samples - 1)) : 0;
    }
  s = 0;
  for (guint i = 0; i < n_frames; i++)
    {
      if (s < n_samples && sample_index[s] == i)
        s++;
      else
        indices[n++] = i;
    }

  pool = elab_frame_pool_new (indices, n, self->width, self->height, 0, drawer);
  for (s = 0; s < n_samples && ok; s++)
    {
      held[s] = elab_frame_pool_next (pool, error);
      if (held[s] == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        gif_add_sample (self, held[s]);
    }

  s = 0;
  for (guint i = 0; i < n_frames && ok; i++)
    {
      cairo_surface_t *frame;

      if (s < n_samples && sample_index[s] == i)
        frame = g_steal_pointer (&held[s++]);
      else
        frame = elab_frame_pool_next (pool, error);
      if (frame == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = add_frame (self, frame, error);
      g_clear_pointer (&frame, cairo_surface_destroy);
      if (ok && progress != NULL)
        progress (i + 1, n_frames, progress_data);
    }
  for (s = 0; s < G_N_ELEMENTS (held); s++)
    g_clear_pointer (&held[s], cairo_surface_destroy);
  elab_frame_pool_free (pool);
  return ok;
}

gboolean
elab_animation_finish (ElabAnimation  *self,
                       GError        **error)
{
  int saved;

  g_return_val_if_fail (self != NULL && !self->finished, FALSE);

  if (self->n_frames == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Could not write “%s”: no frames",
                   self->display);
      return FALSE;
    }
  if (self->format == ELAB_ANIMATION_GIF ? !gif_finish (self, error) : !video_finish (self, error))
    return FALSE;

  if (fsync (self->fd) != 0 && errno != EINVAL && errno != EROFS)
    return fail_errno (self, errno, error);
  if (g_rename (self->tmp, self->path) != 0)
    return fail_errno (self, errno, error);
  self->finished = TRUE;
  saved = close (self->fd) == 0 ? 0 : errno;
  self->fd = -1;
  if (saved != 0)
    {
      g_unlink (self->path);
      return fail_errno (self, saved, error);
    }
  return TRUE;
}

void
elab_animation_free (ElabAnimation *self)
{
  if (self == NULL)
    return;

  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      gst_clear_object (&self->src);
      gst_object_unref (self->pipeline);
    }
  gst_clear_buffer (&self->last);
  if (self->pool != NULL)
    {
      gst_buffer_pool_set_active (self->pool, FALSE);
      gst_object_unref (self->pool);
    }
  if (self->gif != NULL)
    EGifCloseFile (self->gif, NULL);
  if (self->quant != NULL)
    liq_result_destroy (self->quant);
  if (self->histogram != NULL)
    liq_histogram_destroy (self->histogram);
  if (self->attr != NULL)
    liq_attr_destroy (self->attr);
  if (!self->finished && self->tmp != NULL)
    g_unlink (self->tmp);
  if (self->fd >= 0)
    close (self->fd);
  g_clear_pointer (&self->previous, cairo_surface_destroy);
  g_free (self->out);
  g_free (self->indices);
  g_free (self->span_a);
  g_free (self->span_b);
  g_free (self->errors[0]);
  g_free (self->errors[1]);
  g_free (self->cell);
  g_free (self->tmp);
  g_free (self->path);
  g_free (self->display);
  g_free (self);
}
