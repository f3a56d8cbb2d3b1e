#!/usr/bin/python3
# test-robust.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The command line at its edges: JSON that parses over every magnitude a
# double has, `train --format json` in bounded memory, files that are not
# regular files, signals and a full disk during an export or a sweep, and
# usage errors in our own format. Prints TAP.
#
# Usage: test-robust.py PATH/TO/entropy-lab-cli PATH/TO/entropy-lab

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import traceback

CLI = os.path.abspath(sys.argv[1])
APP = os.path.abspath(sys.argv[2])
TMP = tempfile.mkdtemp(prefix="elab-robust-test-")
ENV = dict(os.environ)
for var in ("DISPLAY", "WAYLAND_DISPLAY"):
    ENV.pop(var, None)
ENV["LC_ALL"] = "C.UTF-8"
# The exponents of ten from the smallest subnormal decade to the largest.
EXPONENTS = range(-320, 309)

cases = []


def case(name):
    def register(function):
        cases.append((name, function))
        return function
    return register


def default_signals():
    # The runner may start us with SIGINT ignored, which a child inherits.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def run(*args, expect=0, binary=None, **kwargs):
    proc = subprocess.run([binary or CLI, *args], env=ENV, capture_output=True, text=True, timeout=300, **kwargs)
    assert proc.returncode == expect, (
        f"{' '.join(args)}: exit {proc.returncode}, wanted {expect}\n"
        f"stdout: {proc.stdout[:500]}\nstderr: {proc.stderr[:500]}")
    return proc


def run_error(args, status=2, binary=None, **kwargs):
    """A failing command: its exit status and exactly one line on stderr
    with the error prefix, nothing on stdout."""
    proc = run(*args, expect=status, binary=binary, **kwargs)
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, f"{args}: wanted one line on stderr, got {proc.stderr!r}"
    assert lines[0].startswith("entropy-lab: error: "), f"{args}: {lines[0]!r}"
    assert proc.stdout == "", f"{args}: stdout not empty: {proc.stdout[:200]!r}"
    return lines[0]


def fresh_dir(name):
    path = os.path.join(TMP, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def is_complete_png(path):
    with open(path, "rb") as f:
        data = f.read()
    return data[:8] == b"\x89PNG\r\n\x1a\n" and data[-8:-4] == b"IEND"


def temporaries(directory):
    return [n for n in os.listdir(directory) if ".elab-tmp-" in n]


def wait_for(predicate, proc, what):
    """Polls until @predicate holds; fails if the process ends first (no
    fixed sleep decides anything: the process's own progress does)."""
    while not predicate():
        if proc.poll() is not None:
            raise AssertionError(f"the process ended (exit {proc.returncode}) before {what}")
        time.sleep(0.01)


# ---- JSON that parses ----------------------------------------------------

def parse_json(text, what):
    def no_constant(name):
        raise AssertionError(f"{what}: JSON has the bare constant {name}")
    return json.loads(text, parse_constant=no_constant)


@case("softmax JSON parses and round-trips the temperature at every power of ten 1e-320…1e308")
def _():
    for e in EXPONENTS:
        t = f"1e{e}"
        doc = parse_json(run("softmax", "--temperature", t, "--format", "json").stdout, t)
        assert doc["temperature"] == float(t), (t, doc["temperature"])
        for p in doc["probabilities"]:
            assert isinstance(p, (int, float)) and 0 <= p <= 1, (t, p)
    # Logits that make the probabilities themselves subnormal or zero.
    for e in range(0, 7):
        doc = parse_json(run("softmax", "--logits", f"0,-1e{e}", "--format", "json").stdout, e)
        assert doc["logits"][1] == -float(f"1e{e}")
    print(f"# softmax: {len(EXPONENTS)} temperatures parsed")


@case("curves JSON parses over x ranges and slopes 1e-320…1e6 (the largest the state accepts)")
def _():
    n = 0
    for e in EXPONENTS:
        if e > 6:
            break
        v = f"1e{e}"
        doc = parse_json(run("curves", "--x-min", "-" + v, "--x-max", v, "--samples", "5",
                             "--format", "json").stdout, v)
        assert doc["x_max"] == float(v) and doc["rows"][-1]["x"] == float(v)
        doc = parse_json(run("curves", "--theta-q", v, "--theta-p", "-" + v, "--samples", "5",
                             "--format", "json").stdout, v)
        assert doc["q"]["theta"] == float(v)
        for row in doc["rows"]:
            for key in ("H_pq", "KL_pq", "KL_qp"):
                assert isinstance(row[key], (int, float)) or row[key] in ("Infinity",), (v, key, row[key])
        n += 1
    print(f"# curves: {n} magnitudes parsed")


@case("train JSON parses with data at every other power of ten 1e-320…1e308, history and result")
def _():
    n = 0
    for e in list(EXPONENTS)[::2]:
        path = os.path.join(TMP, "scaled.csv")
        with open(path, "w") as f:
            f.write("x,y\n")
            for x, y in ((1, 0), (2, 1), (3, 0), (4, 1), (5, 1)):
                f.write(f"0.{x}e{e},{y}\n")
        doc = parse_json(run("train", "--data", path, "--steps", "3", "--format", "json").stdout, e)
        # Some scales diverge at once: the history stops there, consistently.
        steps = [r["step"] for r in doc["history"]]
        assert steps == list(range(len(steps))) and 2 <= len(steps) <= 4, doc["history"]
        assert doc["result"]["steps"] == steps[-1] and isinstance(doc["result"]["converged"], bool)
        for value in [doc["result"]["w"], doc["result"]["b"], doc["result"]["loss"]]:
            assert isinstance(value, (int, float)) or value in ("Infinity", "-Infinity") or value is None
        n += 1
    print(f"# train: {n} data scales parsed")


@case("datasets JSON parses")
def _():
    doc = parse_json(run("datasets", "--format", "json").stdout, "datasets")
    assert len(doc) >= 1


@case("the help documents how JSON shows infinity")
def _():
    assert '"Infinity"' in run("softmax", "--help").stdout


# ---- Memory ----------------------------------------------------------------

@case("train --format json streams: 10^6 steps take about the memory of 10^4")
def _():
    args = ["train", "--data", "challenger", "--standardize", "--tolerance", "0", "--format", "json"]
    rss = {}
    # ru_maxrss of a process's children is the largest of them all: each
    # run is measured from a fresh Python of its own.
    measure = ("import resource, subprocess, sys\n"
               "with open(sys.argv[1], 'w') as f:\n"
               "    subprocess.run(sys.argv[2:], stdout=f, check=True)\n"
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    for steps in (10_000, 1_000_000):
        out = os.path.join(TMP, "history.json")
        proc = run("-c", measure, out, CLI, *args, "--steps", str(steps), binary=sys.executable)
        rss[steps] = int(proc.stdout)
        if steps == 1_000_000:
            with open(out) as f:
                doc = json.load(f)
            assert len(doc["history"]) == steps + 1 and doc["result"]["steps"] == steps
        os.unlink(out)
    print(f"# max RSS: {rss[10_000]} KiB at 10^4 steps, {rss[1_000_000]} KiB at 10^6")
    # Keeping the history grows by about 1 KiB a row: 10^6 rows would be ~1 GB.
    assert rss[1_000_000] - rss[10_000] < 16 * 1024, rss


# ---- Files that are not regular files -------------------------------------

@case("a FIFO, a device, a directory or a pipe as --data is refused with one line, at once")
def _():
    fifo = os.path.join(TMP, "fifo.csv")
    if not os.path.exists(fifo):
        os.mkfifo(fifo)
    for path in (fifo, "/dev/zero", "/dev/null"):
        line = run_error(["train", "--data", path], 1)
        assert line == f"entropy-lab: error: {path}: not a regular file", line
    line = run_error(["train", "--data", TMP], 1)
    assert line == f"entropy-lab: error: {TMP}: is a directory", line
    # A pipe handed over as /dev/fd/N, as `--data <(cat x.csv)` does.
    r, w = os.pipe()
    os.write(w, b"x,y\n1,0\n2,1\n")
    try:
        line = run_error(["train", "--data", f"/dev/fd/{r}"], 1, pass_fds=(r,))
        assert line == f"entropy-lab: error: /dev/fd/{r}: not a regular file", line
    finally:
        os.close(r)
        os.close(w)


@case("a lesson whose dataset= is a FIFO is refused, not waited on")
def _():
    fifo = os.path.join(TMP, "lesson-fifo.csv")
    if not os.path.exists(fifo):
        os.mkfifo(fifo)
    # The shipped lesson's first state, its data set swapped for the FIFO.
    source = os.path.join(os.path.dirname(__file__), "..", "..", "data", "scenarios", "lesson-cross-entropy.elab")
    with open(source) as f:
        text = f.read()
    state = text[:text.index("\n[", text.index("[state]"))]
    state = state.replace("scenes=5", "scenes=0").replace("dataset=challenger", f"dataset={fifo}")
    assert f"dataset={fifo}" in state
    lesson = os.path.join(TMP, "fifo.elab")
    with open(lesson, "w") as f:
        f.write(state + "\n")
    out = os.path.join(TMP, "fifo-lesson.png")
    line = run_error(["export", "--scenario", lesson, "--figure", "training", "--out", out], 1)
    assert "not a regular file" in line, line
    assert not os.path.exists(out)
    # A scenario that is itself a FIFO.
    line = run_error(["export", "--scenario", fifo, "--out", out], 1)
    assert line == f"entropy-lab: error: {fifo}: not a regular file", line


@case("a CSV over the stated size limit is refused before it is read")
def _():
    big = os.path.join(TMP, "big.csv")
    with open(big, "wb") as f:
        f.write(b"x,y\n")
        f.truncate(513 * 1024 * 1024)     # sparse: no disk used
    try:
        line = run_error(["train", "--data", big], 1)
        # GLib puts a no-break space between a size and its unit.
        assert line.replace("\u00a0", " ").endswith("big.csv: 513.0 MiB is larger than the limit of 512.0 MiB"), line
    finally:
        os.unlink(big)


# ---- Signals, kills and a full disk ----------------------------------------

def export_slow(out):
    # Large enough that drawing takes a while on any machine; the test
    # waits for the temporary file, never for a fixed time.
    return subprocess.Popen([CLI, "export", "--figure", "landscape", "--width", "4000", "--height", "4000",
                             "--out", out], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=default_signals)


@case("SIGTERM and SIGINT during an export: exit 143/130, the older file intact, no temporary left")
def _():
    for sig, status in ((signal.SIGTERM, 143), (signal.SIGINT, 130)):
        d = fresh_dir("signal-export")
        out = os.path.join(d, "slide.png")
        with open(out, "wb") as f:
            f.write(b"the lecturer's older slide")
        proc = export_slow(out)
        wait_for(lambda: temporaries(d), proc, "the temporary appeared")
        proc.send_signal(sig)
        proc.communicate(timeout=300)
        assert proc.returncode == status, (sig, proc.returncode)
        with open(out, "rb") as f:
            assert f.read() == b"the lecturer's older slide"
        assert os.listdir(d) == ["slide.png"], os.listdir(d)


@case("SIGKILL during an export leaves no file under the final name; the next export cleans the temporary")
def _():
    d = fresh_dir("kill-export")
    out = os.path.join(d, "slide.png")
    proc = export_slow(out)
    wait_for(lambda: temporaries(d), proc, "the temporary appeared")
    proc.kill()
    proc.communicate(timeout=60)
    left = os.listdir(d)
    assert "slide.png" not in left, left
    assert len(temporaries(d)) == 1 and left[0].startswith(".slide.png.elab-tmp-"), left
    run("export", "--figure", "entropy", "--width", "320", "--height", "200", "--out", out)
    assert os.listdir(d) == ["slide.png"], os.listdir(d)
    assert is_complete_png(out)


@case("SIGINT during a sweep: exit 130, only this run's new frames removed, older frames kept")
def _():
    d = fresh_dir("signal-sweep")
    pattern = os.path.join(d, "f-%04d.png")
    for i in (0, 1):
        with open(pattern % i, "wb") as f:
            f.write(b"old")
    with open(os.path.join(d, "notes.txt"), "w") as f:
        f.write("not a frame")
    proc = subprocess.Popen([CLI, "export", "--figure", "cross-entropy", "--sweep", "theta-q:0.5:4",
                             "--frames", "5000", "--width", "320", "--height", "200", "--out", pattern],
                            env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=default_signals)
    wait_for(lambda: os.path.exists(pattern % 4), proc, "frame 4 was written")
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=300)
    assert proc.returncode == 130, proc.returncode
    left = sorted(os.listdir(d))
    assert left == ["f-0000.png", "f-0001.png", "notes.txt"], left
    for i in (0, 1):
        # Replaced only by a complete frame, or not at all.
        with open(pattern % i, "rb") as f:
            data = f.read()
        assert data == b"old" or is_complete_png(pattern % i), data[:20]


@case("SIGTERM and SIGINT during train exit 143/130, also while its output pipe is full")
def _():
    for sig, status in ((signal.SIGTERM, 143), (signal.SIGINT, 130)):
        proc = subprocess.Popen([CLI, "train", "--data", "challenger", "--tolerance", "0", "--steps", "10000000"],
                                env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                preexec_fn=default_signals)
        # One row read, then no more: the pipe fills and train blocks in write.
        assert proc.stdout.readline() == b"step,loss,w,b,grad_norm\n"
        proc.send_signal(sig)
        proc.wait(timeout=300)
        proc.stdout.close()
        proc.stderr.close()
        assert proc.returncode == status, (sig, proc.returncode)


@case("a sweep onto a full disk fails with one line and deletes no older file")
def _():
    d = fresh_dir("full-disk")
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", d],
                                           capture_output=True).returncode != 0:
        return "SKIP cannot mount a 1 MiB tmpfs here (needs root and mount rights)"
    try:
        pattern = os.path.join(d, "f%02d.png")
        for i in (0, 1):
            with open(pattern % i, "wb") as f:
                f.write(b"old")
        line = run_error(["export", "--figure", "cross-entropy", "--sweep", "theta-q:0.5:4", "--frames", "60",
                          "--width", "1024", "--height", "768", "--out", pattern], 1)
        # The first frame tells that 60 will not fit: the sweep stops there
        # and says what it needs (a disk that fills later still fails with
        # the system's "No space left on device").
        assert "not enough space: 60 frames of about" in line and "free" in line, line
        left = sorted(os.listdir(d))
        assert left == ["f00.png", "f01.png"], left
        for i in (0, 1):
            with open(pattern % i, "rb") as f:
                data = f.read()
            assert data == b"old" or is_complete_png(pattern % i), data[:20]
    finally:
        subprocess.run(["umount", d], check=True)


@case("a sweep beyond the pixel budget is refused before anything is written")
def _():
    d = fresh_dir("huge-sweep")
    line = run_error(["export", "--figure", "cross-entropy", "--sweep", "theta-q:0:1", "--frames", "100000",
                      "--width", "16384", "--height", "16384", "--out", os.path.join(d, "f%05d.png")])
    assert "pixels" in line, line
    assert os.listdir(d) == []


@case("a sweep of a parameter the figure does not show, or of a logit beyond K, is refused")
def _():
    d = fresh_dir("pointless-sweep")
    line = run_error(["export", "--figure", "entropy", "--sweep", "q-theta:0.5:4", "--frames", "5",
                      "--out", os.path.join(d, "e.gif")])
    assert "--sweep q-theta: the entropy figure does not show it" in line, line
    line = run_error(["export", "--figure", "softmax", "--logits", "1,2", "--sweep", "logit-3:0:1",
                      "--frames", "3", "--out", os.path.join(d, "s%d.png")])
    assert "no value 3" in line, line
    assert os.listdir(d) == []
    run(*["export", "--figure", "softmax", "--logits", "1,2", "--sweep", "logit-2:0:1", "--frames", "2",
         "--out", os.path.join(d, "s%d.png")])
    assert sorted(os.listdir(d)) == ["s0.png", "s1.png"], os.listdir(d)


@case("export --preset with an unknown name says so; handout names the file it cannot write")
def _():
    line = run_error(["export", "--preset", "nosuch", "--out", "x.png"])
    assert line == "entropy-lab: error: --preset: no preset 'nosuch' (see `entropy-lab presets`)", line
    lesson = os.path.join(os.path.dirname(__file__), "..", "..", "data", "scenarios", "lesson-cross-entropy.elab")
    line = run_error(["handout", "--scenario", lesson, "--out", "/nonexistent/h.pdf"], 1)
    assert "'/nonexistent/h.pdf'" in line and "does not exist" in line, line


# ---- Usage errors in our format --------------------------------------------

@case("the window's command line: unknown options and mistyped subcommands are usage errors, exit 2")
def _():
    line = run_error(["--bogus"], binary=APP)
    assert line == "entropy-lab: error: unknown option '--bogus' (see `entropy-lab --help`)", line
    line = run_error(["--preset"], binary=APP)
    assert line.startswith("entropy-lab: error: --preset: needs a value"), line
    for typo, meant in (("curve", "curves"), ("trian", "train"), ("exprot", "export"), ("softmx", "softmax")):
        line = run_error([typo, "--data", "x"], binary=APP)
        assert line == f"entropy-lab: error: unknown subcommand '{typo}' (did you mean '{meant}'?)", line
        line = run_error([typo], binary=CLI)
        assert line == f"entropy-lab: error: unknown subcommand '{typo}' (did you mean '{meant}'?)", line
    line = run_error(["frobnicate"], binary=APP)
    assert line == "entropy-lab: error: unknown subcommand 'frobnicate' (see `entropy-lab help`)", line


@case("a mistyped option names the option meant, as a mistyped subcommand does; a far one does not guess")
def _():
    for args, meant in ((["curves", "--samles", "5"], "--samples"),
                        (["train", "--learning-rat", "0.1"], "--learning-rate"),
                        (["export", "--figur", "entropy", "--out", "x.png"], "--figure"),
                        (["curves", "--samples=5", "--sampls=3"], "--samples")):
        line = run_error(args, binary=CLI)
        typo = next(a for a in args[1:] if a.startswith("--") and a.split("=")[0] != meant).split("=")[0]
        assert line.startswith(f"entropy-lab: error: {args[0]}: ") and typo in line, line
        assert line.endswith(f" (did you mean {meant}?)"), line
    line = run_error(["curves", "--zzz"], binary=CLI)
    assert line == "entropy-lab: error: curves: Unknown option --zzz", line
    line = run_error(["--secnario=lesson.elab"], binary=APP)
    assert line == "entropy-lab: error: unknown option '--secnario' (did you mean --scenario?)", line


@case("a lesson file as a plain argument is opened as the window's scenario")
def _():
    broken = os.path.join(TMP, "broken lesson.elab")
    with open(broken, "w") as f:
        f.write("[scenario]\nversion=1\n\n[state]\npage=nowhere\n")
    # The scenario reader's own error, before any window: the file was taken
    # as a lesson, not as an unknown subcommand.
    line = run_error([broken], 1, binary=APP)
    assert broken in line and "subcommand" not in line, line
    line = run_error([os.path.join(TMP, "missing.elab")], 1, binary=APP)
    assert "missing.elab" in line and "subcommand" not in line, line


@case("train --x and --y naming one column, --init-w out of range: usage errors")
def _():
    csv = os.path.join(TMP, "xy.csv")
    with open(csv, "w") as f:
        f.write("x,y\n1,0\n2,1\n")
    line = run_error(["train", "--data", csv, "--x", "x", "--y", "x"])
    assert "'x'" in line, line
    for flag in ("--init-w", "--init-b"):
        line = run_error(["train", "--data", "challenger", flag, "1e308"])
        assert line.startswith(f"entropy-lab: error: {flag}: must be within"), line


@case("export --out .png needs a file name; --transparent=no is refused")
def _():
    d = fresh_dir("usage-export")
    line = run_error(["export", "--figure", "entropy", "--out", os.path.join(d, ".png")])
    assert "needs a file name" in line, line
    line = run_error(["export", "--figure", "entropy", "--out", os.path.join(d, "t.png"), "--transparent=no"])
    assert "--transparent takes no value" in line, line
    assert os.listdir(d) == []
    for flag in ("--standardize=no", "--no-standardize=yes"):
        line = run_error(["train", "--data", "challenger", flag])
        assert "takes no value" in line, line


@case("a write error on standard output (/dev/full) exits 1 with one line, --help included")
def _():
    for binary, args in ((CLI, ["--help"]), (CLI, ["curves", "--help"]), (APP, ["--help"]),
                         (CLI, ["curves"]), (CLI, ["train", "--data", "challenger", "--format", "json"]),
                         (CLI, ["train", "--data", "challenger"]), (CLI, ["softmax"]), (CLI, ["datasets"]),
                         (CLI, ["presets"])):
        with open("/dev/full", "w") as full:
            proc = subprocess.run([binary, *args], env=ENV, stdout=full, stderr=subprocess.PIPE, text=True,
                                  timeout=120)
        lines = proc.stderr.splitlines()
        assert proc.returncode == 1, (args, proc.returncode, proc.stderr)
        assert len(lines) == 1 and lines[0].startswith("entropy-lab: error: "), (args, proc.stderr)
        assert lines[0] == "entropy-lab: error: write error: No space left on device", (args, lines[0])


@case("export --preset implies the preset's figure, for every preset")
def _():
    d = fresh_dir("presets")
    names = [line.split()[0] for line in run("presets").stdout.split("Presets:")[1].splitlines()[2:]
             if line.strip()]
    assert len(names) >= 5, names
    for name in names:
        out = os.path.join(d, name + ".png")
        run("export", "--preset", name, "--width", "320", "--height", "200", "--out", out)
        assert is_complete_png(out), name


def main():
    print(f"1..{len(cases)}")
    failed = 0
    for number, (name, function) in enumerate(cases, 1):
        try:
            result = function()
            if isinstance(result, str) and result.startswith("SKIP"):
                print(f"ok {number} - {name} # {result}")
            else:
                print(f"ok {number} - {name}")
        except Exception:
            failed += 1
            print(f"not ok {number} - {name}")
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
        sys.stdout.flush()
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
