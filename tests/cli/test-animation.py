#!/usr/bin/env python3
# test-animation.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `entropy-lab export --sweep … --out FILE.gif|FILE.webm|FILE.mp4`: each
# format as ffprobe reads it (codec, frame count, size, frame rate), the
# hold and loop settings, the poster, colours against the PNG export, and
# every bad input giving one line, the right exit status and nothing left
# behind. Usage: test-animation.py ENTROPY_LAB_CLI

import os
import pty
import select
import shutil
import subprocess
import sys
import tempfile

import media
from media import CODECS, TOLERANCE, colour_diff, probe, skip_without_ffmpeg, terminate_while_writing

CLI = sys.argv[1]
ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
results = []
W, H = 320, 200
SIZE = ["--width", str(W), "--height", str(H)]
SWEEP = ["--figure", "cross-entropy", "--sweep", "theta-q:0.5:4"]


def run(*args, env=None):
    p = subprocess.run([CLI, *args], env=env or ENV, capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def check(name, cond, detail=""):
    results.append((name, bool(cond), detail))


def rgb_frame(path, index, width=W, height=H):
    return media.rgb_frame(path, index, width, height)


skip_without_ffmpeg()

with tempfile.TemporaryDirectory() as tmp:
    ref_first = os.path.join(tmp, "first.png")
    ref_last = os.path.join(tmp, "last.png")
    # The sweep holds the y range of its highest frame, TO's: 0…2 bits.
    Y = ["--y-min", "0", "--y-max", "2"]
    run("export", "--figure", "cross-entropy", "--theta-q", "0.5", "--out", ref_first, *SIZE, *Y)
    run("export", "--figure", "cross-entropy", "--theta-q", "4", "--out", ref_last, *SIZE, *Y)

    for ext, codec in CODECS.items():
        out = os.path.join(tmp, "sweep." + ext)
        rc, _, err = run("export", *SWEEP, "--frames", "12", "--fps", "25", "--out", out, *SIZE)
        check("%s: exits 0" % ext, rc == 0 and err == "", err)
        info = probe(out)
        check("%s: codec %s" % (ext, codec), info.get("codec_name") == codec, info)
        check("%s: 12 frames" % ext, info.get("nb_read_frames") == "12", info)
        check("%s: %d×%d" % (ext, W, H), (info.get("width"), info.get("height")) == (W, H), info)
        check("%s: 25 frames per second" % ext, info.get("r_frame_rate") == "25/1", info)
        if ext == "mp4":
            check("mp4: yuv420p", info.get("pix_fmt") == "yuv420p", info)
        for index, ref in ((0, ref_first), (11, ref_last)):
            got, want = rgb_frame(out, index), rgb_frame(ref, 0)
            if got is None or want is None:
                check("%s: frame %d decodes" % (ext, index), False)
                continue
            mean_abs, channel = colour_diff(got, want)
            limit = TOLERANCE[ext]
            check("%s: frame %d matches the PNG export (mean |Δ| %.2f, channel mean Δ %.2f)"
                  % (ext, index, mean_abs, channel), mean_abs <= limit[0] and channel <= limit[1])
            if ext == "gif":
                # The background is a palette colour, kept exactly: no
                # dithering noise left behind where the curves moved on.
                white = [i for i in range(0, len(want), 3) if want[i:i + 3] == b"\xff\xff\xff"]
                trail = sum(1 for i in white if got[i:i + 3] != b"\xff\xff\xff")
                check("gif: frame %d is white wherever the PNG export is (%d of %d pixels are not)"
                      % (index, trail, len(white)), white and trail == 0)
        left = sorted(n for n in os.listdir(tmp) if n.startswith(".") or n.startswith("sweep." + ext + "."))
        check("%s: no temporary left" % ext, not left, left)

    out = os.path.join(tmp, "hold.mp4")
    rc, _, err = run("export", *SWEEP, "--frames", "5", "--fps", "10", "--hold", "2", "--out", out, *SIZE)
    info = probe(out)
    check("mp4 --hold 2 at 10 fps adds 20 frames of the last", rc == 0 and info.get("nb_read_frames") == "25",
          (err, info))

    out = os.path.join(tmp, "hold.gif")
    rc, _, err = run("export", *SWEEP, "--frames", "5", "--fps", "10", "--hold", "2", "--out", out, *SIZE)
    info = probe(out)
    check("gif --hold 2 lasts 0.5 + 2 s", rc == 0 and abs(info["duration"] - 2.5) < 0.02, (err, info))
    with open(out, "rb") as f:
        check("a GIF loops by default (NETSCAPE2.0)", b"NETSCAPE2.0" in f.read())
    out = os.path.join(tmp, "once.gif")
    rc, _, err = run("export", *SWEEP, "--frames", "3", "--no-loop", "--out", out, *SIZE)
    with open(out, "rb") as f:
        check("--no-loop: a GIF without the loop block", rc == 0 and b"NETSCAPE2.0" not in f.read(), err)

    out = os.path.join(tmp, "p.webm")
    poster = os.path.join(tmp, "poster.png")
    rc, _, err = run("export", *SWEEP, "--frames", "3", "--poster", poster, "--out", out, *SIZE)
    with open(poster, "rb") as a, open(ref_first, "rb") as b:
        check("--poster is the PNG export of the first frame", rc == 0 and a.read() == b.read(), err)


def left_strip(rgb, width=W, height=H, columns=48):
    """The y axis: its tick labels and line, the figure's left columns."""
    return b"".join(rgb[(y * width) * 3:(y * width + columns) * 3] for y in range(height))


# Steady axes: one y range for the whole sweep, in an animation and in a
# PNG sequence. Plain exports at FROM and TO have different axes (the
# curves at TO rise higher), so the check can tell.
with tempfile.TemporaryDirectory() as tmp:
    first, last = os.path.join(tmp, "from.png"), os.path.join(tmp, "to.png")
    run("export", "--figure", "cross-entropy", "--theta-q", "0.5", "--out", first, *SIZE)
    run("export", "--figure", "cross-entropy", "--theta-q", "4", "--out", last, *SIZE)
    check("plain exports at FROM and TO differ on the y axis",
          left_strip(rgb_frame(first, 0)) != left_strip(rgb_frame(last, 0)))

    gif = os.path.join(tmp, "s.gif")
    rc, _, err = run("export", *SWEEP, "--frames", "9", "--out", gif, *SIZE)
    a, b = rgb_frame(gif, 0), rgb_frame(gif, 8)
    check("GIF: the first and last frames have the same y axis",
          rc == 0 and a and b and left_strip(a) == left_strip(b), err)
    check("GIF: the last frame's axis is TO's own (the union of all frames)",
          b and colour_diff(left_strip(b), left_strip(rgb_frame(last, 0)))[0] < 1.0)

    pattern = os.path.join(tmp, "f-%d.png")
    rc, _, err = run("export", *SWEEP, "--frames", "5", "--out", pattern, *SIZE)
    check("PNG sequence: the first and last frames have the same y axis",
          rc == 0 and left_strip(rgb_frame(pattern % 0, 0)) == left_strip(rgb_frame(pattern % 4, 0)), err)

    fixed = os.path.join(tmp, "fixed.png")
    rc, _, err = run("export", *SWEEP, "--frames", "5", "--y-max", "3", "--out", pattern, *SIZE)
    run("export", "--figure", "cross-entropy", "--theta-q", "4", "--y-max", "3", "--out", fixed, *SIZE)
    with open(fixed, "rb") as f, open(pattern % 4, "rb") as g:
        check("--y-max by hand: the last frame is the plain export with the same --y-max",
              rc == 0 and f.read() == g.read(), err)

# On a terminal, stderr shows the frames as they are written, then clears
# its line; off a terminal (every run above) it stays silent.
with tempfile.TemporaryDirectory() as tmp:
    leader, follower = pty.openpty()
    proc = subprocess.Popen([CLI, "export", *SWEEP, "--frames", "20", "--out", os.path.join(tmp, "t.gif"), *SIZE],
                            env=ENV, stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    shown = b""
    while True:
        try:
            ready, _, _ = select.select([leader], [], [], 120)
            chunk = os.read(leader, 4096) if ready else b""
        except OSError:  # the process closed the terminal
            chunk = b""
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    rc = proc.wait(timeout=120)
    check("on a terminal: a progress bar up to frame 20/20, 100 %, then the line cleared",
          rc == 0 and b"frame 1/20" in shown and b"frame 20/20" in shown and b"100%" in shown
          and shown.rstrip(b" \r").endswith(b"100%"), shown[-300:])

    # Stopped half way: SIGTERM once the temporary is there leaves nothing.
    out = os.path.join(tmp, "long.gif")
    started, rc, err = terminate_while_writing([CLI, "export", *SWEEP, "--frames", "100000", "--out", out, *SIZE],
                                               ENV, tmp, ".long.gif.")
    left = [n for n in os.listdir(tmp) if n != "t.gif"]
    check("SIGTERM while writing a GIF exits 143 and leaves no file",
          started and rc == 143 and not left, (rc, err, left))

# Bad input: one line, the right status, nothing in the directory.
with tempfile.TemporaryDirectory() as tmp:
    def bad(name, args, want, needle=None, env=None):
        rc, _, err = run("export", *args, env=env)
        lines = err.splitlines()
        check(name, rc == want and len(lines) == 1 and lines[0].startswith("entropy-lab: error: ")
              and (needle is None or needle in err) and not os.listdir(tmp), "rc=%d err=%r left=%r"
              % (rc, err, os.listdir(tmp)))

    out = os.path.join(tmp, "a.mp4")
    bad("unknown extension exits 2", [*SWEEP, "--out", os.path.join(tmp, "a.avi")], 2, ".avi")
    bad("--frames 0 exits 2", [*SWEEP, "--frames", "0", "--out", out], 2, "--frames")
    bad("--frames -3 exits 2", [*SWEEP, "--frames", "-3", "--out", out], 2, "--frames")
    bad("an odd MP4 size exits 2 and names the even one", [*SWEEP, "--width", "321", "--height", "200",
                                                           "--out", out], 2, "322×200")
    bad("an odd MP4 size from --scale exits 2", [*SWEEP, "--width", "300", "--height", "201", "--out", out], 2,
        "even")
    bad("a missing directory exits 1", [*SWEEP, "--out", os.path.join(tmp, "no", "a.gif"), *SIZE], 1)
    bad("an animation needs --sweep", ["--figure", "entropy", "--out", out], 2, "--sweep")
    bad("--loop on MP4 exits 2", [*SWEEP, "--loop", "--out", out, *SIZE], 2, "--loop")
    bad("--transparent exits 2", [*SWEEP, "--transparent", "--out", out, *SIZE], 2, "--transparent")
    bad("GIF above 50 fps exits 2", [*SWEEP, "--fps", "60", "--out", os.path.join(tmp, "a.gif"), *SIZE], 2)
    bad("--fps 0 exits 2", [*SWEEP, "--fps", "0", "--out", out, *SIZE], 2, "--fps")
    bad("--hold -1 exits 2", [*SWEEP, "--hold", "-1", "--out", out, *SIZE], 2, "--hold")
    bad("--y-max below --y-min exits 2", [*SWEEP, "--y-min", "1", "--y-max", "0.5", "--out", out, *SIZE], 2,
        "--y-max")
    bad("--poster must be a PNG", [*SWEEP, "--poster", os.path.join(tmp, "p.jpg"), "--out", out, *SIZE], 2,
        "--poster")
    bad("--fps is only for animations", ["--figure", "entropy", "--fps", "10",
                                         "--out", os.path.join(tmp, "a.png")], 2, "--fps")
    bad("a sweep out of range exits 2", ["--figure", "softmax", "--sweep", "temperature:1:-1",
                                         "--out", out, *SIZE], 2, "temperature")
    # No GStreamer plugins at all: the line names the package to install.
    empty = os.path.join(tmp, "..", os.path.basename(tmp) + "-plugins")
    os.makedirs(empty, exist_ok=True)
    env = dict(ENV, GST_PLUGIN_SYSTEM_PATH_1_0=empty, GST_PLUGIN_PATH_1_0=empty,
               GST_REGISTRY_1_0=os.path.join(empty, "registry.bin"))
    bad("a missing encoder plugin exits 1 naming the Debian package", [*SWEEP, "--out", out, *SIZE], 1,
        "install the Debian package gstreamer1.0-", env=env)
    shutil.rmtree(empty)

print("1..%d" % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok and detail:
        print("# %s" % str(detail).replace("\n", "\n# "))
sys.exit(0)
