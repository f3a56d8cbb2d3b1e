#!/usr/bin/env python3
# test-sweep.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `entropy-lab export --sweep PARAM:FROM:TO --frames N --out DIR/frame-%04d.png`:
# N numbered frames of the right size, frame 0 byte for byte the plain export
# at FROM and the last at TO, usage errors exit 2 and I/O errors exit 1 with
# nothing left behind. Usage: test-sweep.py ENTROPY_LAB_CLI

import os
import struct
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
results = []


def run(*args):
    p = subprocess.run([CLI, *args], env=ENV, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", head[16:24])


def read(path):
    with open(path, "rb") as f:
        return f.read()


def check(name, cond, detail=""):
    results.append((name, bool(cond), detail))


SIZE = ["--width", "320", "--height", "200"]
# A sweep holds one y range over its frames; a plain export shows the same
# pixels when given that range by hand.
Y = ["--y-min", "0", "--y-max", "2"]

with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "frame-%04d.png")
    rc, _, err = run("export", "--figure", "cross-entropy", "--sweep", "theta-q:0.5:4",
                     "--frames", "7", "--out", out, *SIZE, *Y)
    names = sorted(os.listdir(tmp))
    check("sweep exits 0", rc == 0, err)
    check("sweep writes N frames with numbered names",
          names == ["frame-%04d.png" % i for i in range(7)], names)
    check("every frame has the requested size",
          all(png_size(os.path.join(tmp, n)) == (320, 200) for n in names))
    check("the frames differ (the parameter moves)",
          len({read(os.path.join(tmp, n)) for n in names}) == 7)

    one = os.path.join(tmp, "one.png")
    rc, _, err = run("export", "--figure", "cross-entropy", "--theta-q", "0.5", "--out", one, *SIZE, *Y)
    check("frame 0 equals a plain export at FROM",
          rc == 0 and read(one) == read(os.path.join(tmp, "frame-0000.png")), err)
    rc, _, err = run("export", "--figure", "cross-entropy", "--theta-q", "4", "--out", one, *SIZE, *Y)
    check("the last frame equals a plain export at TO",
          rc == 0 and read(one) == read(os.path.join(tmp, "frame-0006.png")), err)
    rc, _, err = run("export", "--figure", "cross-entropy", "--theta-q", "1.0833333333333333",
                     "--out", one, *SIZE, *Y)
    check("frame 1 is FROM + (TO − FROM)/(N − 1)",
          rc == 0 and read(one) == read(os.path.join(tmp, "frame-0001.png")), err)

with tempfile.TemporaryDirectory() as tmp:
    pattern = os.path.join(tmp, "s-%d.png")
    rc, _, err = run("export", "--figure", "softmax", "--sweep", "logit-2:-1:3", "--frames", "3",
                     "--out", pattern, *SIZE)
    check("logit-N sweeps a softmax, %d without padding",
          rc == 0 and sorted(os.listdir(tmp)) == ["s-0.png", "s-1.png", "s-2.png"], err)

with tempfile.TemporaryDirectory() as tmp:
    pattern = os.path.join(tmp, "t-%03d.png")
    rc, _, err = run("export", "--figure", "training", "--data", "challenger", "--standardize", "--lr", "1",
                     "--sweep", "steps:1:41", "--frames", "3", "--out", pattern, *SIZE)
    check("a training run swept over steps", rc == 0 and len(os.listdir(tmp)) == 3, err)
    one = os.path.join(tmp, "one.png")
    rc, _, err = run("export", "--figure", "training", "--data", "challenger", "--standardize", "--lr", "1",
                     "--steps", "21", "--out", one, *SIZE)
    check("training frame 1 equals a plain export at steps 21",
          rc == 0 and read(one) == read(os.path.join(tmp, "t-001.png")), err)

with tempfile.TemporaryDirectory() as tmp:
    pattern = os.path.join(tmp, "f-%d.png")
    for name, args, want in [
        ("unknown PARAM exits 2", ["--sweep", "theta-z:0:1"], 2),
        ("malformed sweep exits 2", ["--sweep", "theta-q:0"], 2),
        ("non-finite FROM exits 2", ["--sweep", "theta-q:nan:1"], 2),
        ("a state out of range at some frame exits 2", ["--figure", "softmax", "--sweep", "temperature:2:0"], 2),
        ("logit beyond K exits 2", ["--figure", "softmax", "--sweep", "logit-7:0:1"], 2),
        ("--frames 0 exits 2", ["--sweep", "theta-q:0:1", "--frames", "0"], 2),
        ("--frames without --sweep exits 2", ["--frames", "3"], 2),
    ]:
        argv = ["export", "--out", pattern, *SIZE] + args
        if "--figure" not in args:
            argv += ["--figure", "cross-entropy"]
        rc, _, err = run(*argv)
        check(name, rc == want and err.startswith("entropy-lab: error: ") and not os.listdir(tmp),
              "rc=%d err=%r" % (rc, err))

    for bad in ["nonum.png", "two-%d-%d.png", "bad-%s.png", "big-%0100d.png"]:
        rc, _, err = run("export", "--figure", "entropy", "--sweep", "theta-a:1:2", "--frames", "2",
                         "--out", os.path.join(tmp, bad), *SIZE)
        check("pattern %s exits 2" % bad, rc == 2 and not os.listdir(tmp), err)

    rc, _, err = run("export", "--figure", "entropy", "--sweep", "theta-a:1:2", "--frames", "2",
                     "--out", os.path.join(tmp, "missing", "f-%d.png"), *SIZE)
    check("a missing directory exits 1", rc == 1 and "missing" in err and not os.listdir(tmp), err)

    # Frames 0 and 1 land, frame 2's directory is missing: all of them go.
    os.mkdir(os.path.join(tmp, "d0"))
    os.mkdir(os.path.join(tmp, "d1"))
    rc, _, err = run("export", "--figure", "entropy", "--sweep", "theta-a:1:2", "--frames", "4",
                     "--out", os.path.join(tmp, "d%d", "f.png"), *SIZE)
    left = [f for d in ("d0", "d1") for f in os.listdir(os.path.join(tmp, d))]
    check("a sweep failing at frame 2 exits 1 and removes frames 0 and 1", rc == 1 and not left,
          "rc=%d left=%r err=%r" % (rc, left, err))

print("1..%d" % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok and detail:
        print("# %s" % str(detail).replace("\n", "\n# "))
sys.exit(0)
