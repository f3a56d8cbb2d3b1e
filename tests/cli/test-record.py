#!/usr/bin/env python3
# test-record.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `entropy-lab export --figure training|landscape|training-both --steps N
# --every K --out FILE.gif|FILE.webm|FILE.mp4` records a training run: a
# frame at steps 0, K, 2K, … and at the run's last step (⌈N/K⌉ + 1 frames,
# fewer when training stops early), as ffprobe counts them; the last frame's
# colours match the PNG export of the same step, the poster is frame 0;
# bad combinations give one line and exit 2, failures exit 1, and neither
# leaves a file behind. Usage: test-record.py ENTROPY_LAB_CLI

import json
import os
import subprocess
import sys
import tempfile

import media
from media import CODECS, TOLERANCE, colour_diff, probe, skip_without_ffmpeg, terminate_while_writing

CLI = sys.argv[1]
ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
W, H = 480, 270
SIZE = ["--width", str(W), "--height", str(H)]
RUN = ["--data", "challenger", "--standardize", "--lr", "1"]
count = 0
failed = 0


def run(*args, env=None):
    p = subprocess.run([CLI, *args], env=env or ENV, capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def check(name, cond, detail=""):
    """Prints each result as it comes, so the TAP stream flows."""
    global count, failed
    count += 1
    if not cond:
        failed += 1
    print("%s %d - %s" % ("ok" if cond else "not ok", count, name), flush=True)
    if not cond and detail:
        print("# %s" % str(detail).replace("\n", "\n# "), flush=True)


def rgb_frame(path, index, width=W, height=H):
    return media.rgb_frame(path, index, width, height)


def last_step(*args):
    """Where `train` stops with these flags (its own summary)."""
    rc, out, err = run("train", *args, "--format", "json")
    return json.loads(out)["result"]["steps"] if rc == 0 else None


skip_without_ffmpeg()

with tempfile.TemporaryDirectory() as tmp:
    # 12 steps, a frame every 3: steps 0, 3, 6, 9, 12.
    for (ext, codec), figure in zip(CODECS.items(), ("training", "landscape", "training-both")):
        out = os.path.join(tmp, "run." + ext)
        poster = os.path.join(tmp, "poster-%s.png" % ext)
        rc, _, err = run("export", "--figure", figure, *RUN, "--steps", "12", "--every", "3", "--poster", poster,
                         "--out", out, *SIZE)
        check("%s %s: exits 0 silently" % (figure, ext), rc == 0 and err == "", err)
        info = probe(out)
        check("%s: codec %s, %d×%d" % (ext, codec, W, H),
              (info.get("codec_name"), info.get("width"), info.get("height")) == (codec, W, H), info)
        check("%s: --steps 12 --every 3 gives 12/3 + 1 = 5 frames" % ext, info.get("nb_read_frames") == "5", info)

        ref = os.path.join(tmp, "step12-%s.png" % figure)
        run("export", "--figure", figure, *RUN, "--steps", "12", "--out", ref, *SIZE)
        for index, want_path in ((4, ref), (0, poster)):
            got, want = rgb_frame(out, index), rgb_frame(want_path, 0)
            if got is None or want is None:
                check("%s: frame %d decodes" % (ext, index), False)
                continue
            mean_abs, channel = colour_diff(got, want)
            limit = TOLERANCE[ext]
            check("%s: frame %d matches %s (mean |Δ| %.2f, channel mean Δ %.2f)"
                  % (ext, index, "the PNG export at step 12" if index else "the poster", mean_abs, channel),
                  mean_abs <= limit[0] and channel <= limit[1])
        left = sorted(n for n in os.listdir(tmp) if n.startswith("."))
        check("%s: no temporary left" % ext, not left, left)

    # The run's message (here 'Not converged within 12 steps …') appears
    # in the last frame only, but every frame is laid out for it: the
    # plots do not jump at the end. The y axis's labels and ticks, the
    # figure's left columns above where the message goes, are the same in
    # the last two frames (a GIF's unchanged pixels are exact).
    for figure, w, h in (("training", W, H), ("training-both", 1280, 600)):
        out = os.path.join(tmp, "steady.gif")
        rc, _, err = run("export", "--figure", figure, *RUN, "--steps", "12", "--every", "3", "--out", out,
                         "--width", str(w), "--height", str(h))
        frames = [rgb_frame(out, i, w, h) for i in (3, 4)]
        strips = [b"".join(f[y * w * 3:(y * w + 48) * 3] for y in range(h * 2 // 3)) if f else None for f in frames]
        check("%s at %d×%d: the plots hold still when the run's message appears" % (figure, w, h),
              rc == 0 and strips[0] is not None and strips[0] == strips[1], err)

    # Not a multiple: steps 0, 4, 8 and the last, 10.
    out = os.path.join(tmp, "odd.mp4")
    rc, _, err = run("export", "--figure", "training", *RUN, "--steps", "10", "--every", "4", "--out", out, *SIZE)
    info = probe(out)
    check("--steps 10 --every 4: steps 0, 4, 8, 10 are 4 frames", rc == 0 and info.get("nb_read_frames") == "4",
          (err, info))

    # Newton stops long before --steps: the recording ends where it did.
    newton = ["--data", "challenger", "--optimizer", "newton", "--steps", "50"]
    end = last_step(*newton)
    out = os.path.join(tmp, "newton.gif")
    rc, _, err = run("export", "--figure", "landscape", *newton, "--every", "2", "--out", out, *SIZE)
    info = probe(out)
    want = (end + 1) // 2 + 1 if end is not None else None
    check("a run that converges at step %s records up to there: %s frames" % (end, want),
          rc == 0 and end is not None and end < 50 and info.get("nb_read_frames") == str(want), (err, info))

    # --every 1 by default.
    out = os.path.join(tmp, "every1.webm")
    rc, _, err = run("export", "--figure", "training", *RUN, "--steps", "3", "--out", out, *SIZE)
    info = probe(out)
    check("without --every, a frame every step: 4 frames for 3 steps", rc == 0 and info.get("nb_read_frames") == "4",
          (err, info))

# Bad input: one line, the right status, nothing in the directory.
with tempfile.TemporaryDirectory() as tmp:
    def bad(name, args, want, needle=None):
        rc, _, err = run("export", *args)
        lines = err.splitlines()
        check(name, rc == want and len(lines) == 1 and lines[0].startswith("entropy-lab: error: ")
              and (needle is None or needle in err) and not os.listdir(tmp),
              "rc=%d err=%r left=%r" % (rc, err, os.listdir(tmp)))

    out = os.path.join(tmp, "run.mp4")
    TRAIN = ["--figure", "training", *RUN]
    bad("--steps 0 exits 2", [*TRAIN, "--steps", "0", "--out", out, *SIZE], 2, "--steps")
    bad("--every 0 exits 2", [*TRAIN, "--steps", "10", "--every", "0", "--out", out, *SIZE], 2, "--every")
    bad("--every above --steps exits 2", [*TRAIN, "--steps", "10", "--every", "11", "--out", out, *SIZE], 2,
        "--every")
    bad("--every with --sweep exits 2", [*TRAIN, "--every", "2", "--sweep", "lr:0.5:1", "--out", out, *SIZE], 2,
        "--every")
    bad("--sweep steps with --steps exits 2", [*TRAIN, "--steps", "10", "--sweep", "steps:1:10",
                                               "--out", out, *SIZE], 2, "--steps")
    bad("--every for a PNG exits 2", [*TRAIN, "--every", "2", "--out", os.path.join(tmp, "a.png"), *SIZE], 2,
        "--every")
    bad("--every for a figure that is not a run exits 2", ["--figure", "entropy", "--every", "2",
                                                           "--out", out, *SIZE], 2, "training")
    bad("a data set that does not exist exits 1", ["--figure", "training", "--data",
                                                   os.path.join(tmp, "missing.csv"), "--out", out, *SIZE], 1)
    # A directory that cannot be written (root writes anywhere: a path
    # through a file then).
    if os.geteuid() != 0:
        locked = os.path.join(tmp, "locked")
        os.mkdir(locked, 0o555)
        rc, _, err = run("export", *TRAIN, "--steps", "4", "--out", os.path.join(locked, "run.gif"), *SIZE)
        check("an unwritable directory exits 1 and stays empty",
              rc == 1 and len(err.splitlines()) == 1 and not os.listdir(locked), (rc, err))
        os.rmdir(locked)
    else:
        with open(os.path.join(tmp, "notes.txt"), "w") as f:
            f.write("not a directory")
        rc, _, err = run("export", *TRAIN, "--steps", "4", "--out", os.path.join(tmp, "notes.txt", "run.gif"),
                         *SIZE)
        check("an unwritable path exits 1", rc == 1 and len(err.splitlines()) == 1, (rc, err))
        os.unlink(os.path.join(tmp, "notes.txt"))
        check("and leaves nothing", not os.listdir(tmp), os.listdir(tmp))

    # Stopped half way: SIGTERM once the temporary is there.
    # Raw x at a small rate: far from converged after 100000 steps.
    started, rc, err = terminate_while_writing([CLI, "export", "--figure", "training", "--data", "challenger",
                                                "--lr", "0.0001", "--steps", "100000", "--out", out, *SIZE],
                                               ENV, tmp, ".run.mp4.")
    check("SIGTERM while recording exits 143 and leaves no file",
          started and rc == 143 and not os.listdir(tmp), (rc, err, os.listdir(tmp)))

print("1..%d" % count)
sys.exit(0)
