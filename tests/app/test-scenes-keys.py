#!/usr/bin/env python3
# test-scenes-keys.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A presenter with a clicker: the real binary opens the shipped lesson with
# --scenario, gets real Page Down / Page Up key presses from the X server
# (xdotool), and quits with Ctrl+Q; the state it saved at close must be
# the scene the keys stepped to. Also: a bad scenario on the command line
# exits 1 with the file named. Needs an X display (the app suite's Xvfb).
# Usage: test-scenes-keys.py ENTROPY_LAB LESSON.elab

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

BINARY, LESSON = sys.argv[1], sys.argv[2]
results = []


def check(name, cond, detail=""):
    results.append((name, bool(cond), detail))


def finish():
    print("1..%d" % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok and detail:
            print("# %s" % str(detail).replace("\n", "\n# "))
    sys.exit(0)


if not os.environ.get("DISPLAY") or shutil.which("xdotool") is None:
    print("1..0 # SKIP needs an X display and xdotool")
    sys.exit(0)

home = tempfile.mkdtemp(prefix="elab-scenes-keys-")
env = {k: v for k, v in os.environ.items() if k not in ("G_DEBUG", "GTK_DEBUG", "GSETTINGS_SCHEMA_DIR")}
env.update({
    "HOME": home,
    "XDG_CONFIG_HOME": os.path.join(home, "config"),
    "XDG_DATA_HOME": os.path.join(home, "data"),
    "XDG_CACHE_HOME": os.path.join(home, "cache"),
    "XDG_STATE_HOME": os.path.join(home, "state"),
    "GSETTINGS_BACKEND": "keyfile",
    "GSK_RENDERER": "cairo",
    "GDK_BACKEND": "x11",
    "NO_AT_BRIDGE": "1",
    "LC_ALL": "C.UTF-8",
})


def xdotool(*args, timeout=10):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=timeout)


def wait_window(pid, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        out = xdotool("search", "--onlyvisible", "--pid", str(pid), "--name", "^Entropy Lab$")
        ids = out.stdout.split()
        if ids:
            return ids[0]
        time.sleep(0.1)
    return None


def saved_state():
    """The [state] group of the last state the app saved (a scenario file)."""
    path = os.path.join(home, "state", "entropy-lab", "last.elab")
    values = {}
    group = None
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line.startswith("["):
                group = line
                continue
            m = re.match(r"^([a-z0-9-]+)=(.*)$", line)
            if m and group == "[state]":
                values[m.group(1)] = m.group(2)
    return values


# Bad scenario files: exit 1, the file named, no window.
bad = os.path.join(home, "bad.elab")
with open(bad, "wb") as f:
    f.write(b"[scenario]\nversion=1\nscenes=1\n[state]\npage=nowhere\n")
p = subprocess.run([BINARY, "--scenario", bad], env=env, capture_output=True, text=True, timeout=30)
check("a bad scenario exits 1 naming the file", p.returncode == 1 and "bad.elab" in p.stderr
      and p.stderr.startswith("entropy-lab: error: "), "rc=%d err=%r" % (p.returncode, p.stderr))

def present(lesson, keys, name):
    """Opens @lesson, presses @keys one by one, quits with Ctrl+Q; the state
    the app saved and what it wrote on stderr."""
    stderr_path = os.path.join(home, name + ".stderr")
    last = os.path.join(home, "state", "entropy-lab", "last.elab")
    if os.path.exists(last):
        os.unlink(last)
    with open(stderr_path, "w") as err:
        proc = subprocess.Popen([BINARY, "--scenario", lesson], env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=err)
    wid = wait_window(proc.pid)
    check("%s: the window opens on the lesson" % name, wid is not None)
    if wid is not None:
        xdotool("windowactivate", "--sync", wid)
        xdotool("windowfocus", "--sync", wid)
        time.sleep(0.5)
        # Each glide takes 0.4 s of frame time; the keys may come faster.
        for key in keys:
            xdotool("key", "--window", wid, key)
            time.sleep(0.6)
        xdotool("key", "--window", wid, "ctrl+q")
    # Safety nets, not speed checks: a busy machine may take long to quit,
    # and a key sent while the window was still settling may be lost, so
    # Ctrl+Q is pressed once more before giving up.
    rc = None
    for attempt in range(2):
        try:
            rc = proc.wait(timeout=60)
            break
        except subprocess.TimeoutExpired:
            if wid is not None and attempt == 0:
                xdotool("windowactivate", "--sync", wid)
                xdotool("key", "--window", wid, "ctrl+q")
    if rc is None:
        proc.kill()
        proc.wait()
    check("%s: Ctrl+Q exits 0" % name, rc == 0, "rc=%r" % rc)
    with open(stderr_path) as f:
        text = f.read()
    check("%s: the app wrote nothing on stderr" % name, text.strip() == "", text)
    return saved_state()


# Scene 1 → 4: three clicks forward, one back, one forward.
state = present(LESSON, ("Next", "Next", "Next", "Prior", "Next"), "clicker")
check("the keys stepped to scene 4: the Cross-entropy page", state.get("page") == "cross-entropy", state)
check("scene 4's p and q (swapped: p θ = 2, q θ = 1)",
      state.get("p-theta") == "2" and state.get("q-theta") == "1", state)

# A question in presentation mode: Page Down asks it, the next Page Down
# reveals its answer on the same scene (both KL gaps shaded), Page Up hides
# it again, Page Down reveals it once more; Escape leaves presenting.
questions = os.path.join(os.path.dirname(LESSON), "lesson-cross-entropy-order.elab")
state = present(questions, ("F5", "Next"), "question asked")
check("before its reveal the question shows one gap", "kl-gap" not in state and
      state.get("page") == "cross-entropy", state)
state = present(questions, ("F5", "Next", "Next", "Prior", "Next", "Escape"), "question revealed")
check("Page Down revealed the answer: both gaps shaded", state.get("kl-gap") == "both", state)
state = present(questions, ("F5", "Next", "Next", "Prior", "Escape"), "answer hidden")
check("Page Up went back to the question", "kl-gap" not in state, state)

shutil.rmtree(home, ignore_errors=True)
finish()
