# media.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the animation tests (test-animation.py, test-record.py) share: the
# files as ffprobe and ffmpeg read them, colours compared with the PNG
# export, and a command stopped by SIGTERM while it writes.

import json
import os
import shutil
import signal
import subprocess
import sys

CODECS = {"gif": "gif", "webm": "vp8", "mp4": "h264"}
# GIF colours are dithered to a palette; the videos are 4:2:0 (a chroma
# sample per 2×2 pixels, so edges blur) in BT.709 limited range.
TOLERANCE = {"gif": (1.5, 1.0), "webm": (6.0, 4.5), "mp4": (6.0, 4.5)}


def skip_without_ffmpeg():
    if shutil.which("ffprobe") is None or shutil.which("ffmpeg") is None:
        print("1..0 # SKIP ffmpeg/ffprobe not installed (Debian package ffmpeg)")
        sys.exit(0)


def probe(path):
    """The first video stream's codec, size, rate, frame count, pixel format, and the duration."""
    p = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                        "-show_entries", "stream=codec_name,width,height,r_frame_rate,nb_read_frames,pix_fmt"
                        ":format=duration", "-of", "json", path], capture_output=True, text=True, timeout=120)
    data = json.loads(p.stdout or "{}")
    stream = (data.get("streams") or [{}])[0]
    stream["duration"] = float(data.get("format", {}).get("duration", "nan"))
    return stream


def rgb_frame(path, index, width, height):
    """Frame @index decoded to RGB bytes by ffmpeg (PNGs too); None if it is not width × height."""
    p = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-vf", "select=eq(n\\,%d)" % index, "-vframes", "1",
                        "-f", "rawvideo", "-pix_fmt", "rgb24", "-"], capture_output=True, timeout=120)
    return p.stdout if len(p.stdout) == width * height * 3 else None


def colour_diff(a, b):
    """Mean absolute difference per byte, and the largest difference of a channel's mean."""
    n = len(a)
    mean_abs = sum(abs(x - y) for x, y in zip(a, b)) / n
    channel = max(abs(sum(a[c::3]) - sum(b[c::3])) / (n / 3) for c in range(3))
    return mean_abs, channel


def terminate_while_writing(argv, env, folder, prefix):
    """Runs @argv, sends SIGTERM once its temporary file (a name in @folder
    starting with @prefix) is there; returns (whether it was still running
    then, its exit status, its stderr)."""
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL))
    while proc.poll() is None and not any(n.startswith(prefix) for n in os.listdir(folder)):
        try:
            proc.wait(timeout=0.05)
        except subprocess.TimeoutExpired:
            pass
    started = proc.poll() is None
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=300)
    return started, proc.returncode, err
