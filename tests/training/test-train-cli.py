#!/usr/bin/python3
# test-train-cli.py ENTROPY_LAB_CLI
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `entropy-lab train` and `entropy-lab datasets` from the outside: output
# formats, units, outcomes, and every usage and data error with its exit
# code and message. Runs with no display. TAP output.

import csv
import io
import json
import math
import os
import shutil
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import badcsv  # noqa: E402

cli = sys.argv[1]
env = dict(os.environ)
env.pop("DISPLAY", None)
env.pop("WAYLAND_DISPLAY", None)
env["LC_ALL"] = "C.UTF-8"

results = []


def check(ok, name, detail=""):
    results.append((bool(ok), name, detail))


def run(*args):
    return subprocess.run([cli] + list(args), capture_output=True, text=True, env=env, errors="replace")


def train_json(*args):
    r = run("train", "--format", "json", *args)
    return r, (json.loads(r.stdout) if r.returncode == 0 else None)


def one_error_line(r, prefix=""):
    lines = r.stderr.splitlines()
    return len(lines) == 1 and lines[0].startswith("entropy-lab: error: " + prefix)


# Usage errors: exit 2, one error line, nothing on stdout.
usage = [
    ("--lr 0", ["--data", "challenger", "--lr", "0"]),
    ("--lr -1", ["--data", "challenger", "--lr", "-1"]),
    ("--lr abc", ["--data", "challenger", "--lr", "abc"]),
    ("--lr nan", ["--data", "challenger", "--lr", "nan"]),
    ("--momentum 1", ["--data", "challenger", "--momentum", "1"]),
    ("--optimizer sgd", ["--data", "challenger", "--optimizer", "sgd"]),
    ("--steps -5", ["--data", "challenger", "--steps", "-5"]),
    ("--steps 1.5", ["--data", "challenger", "--steps", "1.5"]),
    ("--every 0", ["--data", "challenger", "--every", "0"]),
    ("--unit furlongs", ["--data", "challenger", "--unit", "furlongs"]),
    ("--format xml", ["--data", "challenger", "--format", "xml"]),
    ("unknown flag", ["--data", "challenger", "--frobnicate"]),
    ("--x on a built-in", ["--data", "challenger", "--x", "pressure"]),
]
for name, args in usage:
    r = run("train", *args)
    check(r.returncode == 2 and one_error_line(r) and r.stdout == "", "usage error: " + name,
          "exit %d stdout %r stderr %r" % (r.returncode, r.stdout[:200], r.stderr))

with tempfile.TemporaryDirectory(prefix="elab-train-") as tmp:
    # Data errors: exit 1, `entropy-lab: error: FILE:LINE: …`.
    for path, line, word in badcsv.write_cases(tmp):
        r = run("train", "--data", path, "--steps", "1")
        ok = (r.returncode == 1 and one_error_line(r, "%s:%d: " % (path, line)) and word in r.stderr
              and r.stdout == "")
        check(ok, "data error: %s -> line %d" % (os.path.basename(path), line),
              "exit %d stderr %r" % (r.returncode, r.stderr[:300]))

    r = run("train", "--data", os.path.join(tmp, "missing.csv"))
    check(r.returncode == 1 and one_error_line(r) and "challenger" in r.stderr, "missing file: exit 1, lists built-ins")

    good = os.path.join(tmp, "good.csv")
    with open(good, "w") as f:
        f.write("id,\"Temperature (°F)\",label\n")
        for i, (t, y) in enumerate([(66, 0), (70, 1), (69, 0), (68, 0), (67, 0), (72, 0), (73, 0), (70, 0),
                                    (57, 1), (63, 1), (70, 1), (78, 0), (67, 0), (53, 1), (67, 0), (75, 0),
                                    (70, 0), (81, 0), (76, 0), (79, 0), (75, 1), (76, 0), (58, 1)]):
            f.write("f%d,%d,%d\r\n" % (i, t, y))

    r = run("train", "--data", good, "--x", "nope")
    check(r.returncode == 2 and one_error_line(r, good + ":1: ") and "Temperature (°F)" in r.stderr,
          "unknown column: exit 2 with the header's names", r.stderr)

    # A CSV picked by column names with spaces and parentheses fits like the built-in.
    r, doc = train_json("--data", good, "--x", "Temperature (°F)", "--y", "label", "--optimizer", "newton")
    ok = doc is not None and abs(doc["result"]["w"] + 0.2322) < 1e-4 and abs(doc["result"]["b"] - 15.0429) < 1e-4
    check(ok, "CSV columns by name reproduce the Challenger fit", r.stdout[-300:] + r.stderr)

    # Text labels: the same flights with the label written as a word. With no
    # --positive the later word alphabetically ('yes') is class 1 and a note
    # says so; --positive names the other class, which mirrors the fit.
    words = os.path.join(tmp, "words.csv")
    with open(good) as f, open(words, "w") as g:
        for i, line in enumerate(f):
            head, _, y = line.rstrip("\r\n").rpartition(",")
            g.write("%s,%s\n" % (head, "incident" if i == 0 else ("yes" if y == "1" else "no")))
    r, doc = train_json("--data", words, "--x", "Temperature (°F)", "--optimizer", "newton")
    ok = doc is not None and abs(doc["result"]["w"] + 0.2322) < 1e-4 and abs(doc["result"]["b"] - 15.0429) < 1e-4
    check(ok, "yes/no labels: 'yes' is class 1 and the fit is the 0/1 fit", r.stdout[-300:] + r.stderr)
    check("entropy-lab: note: column 'incident' has the labels 'no' and 'yes'; 'yes' is class 1" in r.stderr
          and "--positive" in r.stderr, "yes/no labels: a note names class 1 and --positive", r.stderr)
    r, doc = train_json("--data", words, "--x", "Temperature (°F)", "--optimizer", "newton", "--positive", "no")
    ok = doc is not None and abs(doc["result"]["w"] - 0.2322) < 1e-4 and abs(doc["result"]["b"] + 15.0429) < 1e-4
    check(ok and "note" not in r.stderr, "--positive no: the mirrored fit, no note", r.stdout[-300:] + r.stderr)
    r = run("train", "--data", words, "--x", "Temperature (°F)", "--positive", "maybe", "--steps", "1")
    check(r.returncode == 1 and one_error_line(r, words + ":1: ") and "'maybe'" in r.stderr
          and "its values are 'no' and 'yes'" in r.stderr,
          "--positive that is not a value: exit 1 naming the values", r.stderr)
    png = os.path.join(tmp, "words.png")
    r = run("export", "--figure", "training", "--data", words, "--x", "Temperature (°F)", "--positive", "yes",
            "--steps", "5", "--width", "320", "--height", "200", "--out", png)
    check(r.returncode == 0 and os.path.getsize(png) > 0 and "note" not in r.stderr,
          "export --positive draws text labels", r.stderr)
    r = run("export", "--figure", "training", "--data", words, "--x", "Temperature (°F)",
            "--steps", "5", "--width", "320", "--height", "200", "--out", png)
    check(r.returncode == 0 and "'yes' is class 1" in r.stderr, "export without --positive notes class 1", r.stderr)

# CSV output: header, rows every --every steps and the last one, summary on stderr.
r = run("train", "--data", "challenger", "--lr", "1e-5", "--steps", "50", "--every", "20")
rows = list(csv.reader(io.StringIO(r.stdout)))
ok = (r.returncode == 0 and rows[0] == ["step", "loss", "w", "b", "grad_norm"]
      and [int(x[0]) for x in rows[1:]] == [0, 20, 40, 50]
      and all(math.isfinite(float(v)) for x in rows[1:] for v in x)
      and "max-steps at step" in r.stderr)
check(ok, "CSV rows every 20 steps plus the last, summary on stderr", r.stdout + r.stderr)
check(float(rows[-1][1]) < float(rows[1][1]), "loss falls over the run")
check(all(len(v) <= 25 and ("e" in v or "." in v or v.lstrip("-").isdigit()) for x in rows[1:] for v in x),
      "numbers printed round-trip style")

# JSON: one object, 17 significant digits, units.
r, bits = train_json("--data", "hours-studied", "--optimizer", "newton", "--steps", "50")
r2, nats = train_json("--data", "hours-studied", "--optimizer", "newton", "--steps", "50", "--unit", "nats")
ok = (bits is not None and set(bits) == {"history", "result"}
      and {"w", "b", "loss", "steps", "grad_norm", "converged", "status"} <= set(bits["result"])
      and bits["result"]["status"] == "converged" and bits["result"]["converged"] is True
      and all(set(h) == {"step", "loss", "w", "b", "grad_norm"} for h in bits["history"]))
check(ok, "JSON document shape, Newton converges", r.stdout[:500])
check(nats and abs(bits["result"]["loss"] * math.log(2) - nats["result"]["loss"]) < 1e-12,
      "--unit bits is nats / ln 2")
check(nats and abs(nats["result"]["w"] - 1.5046) < 1e-4 and abs(nats["result"]["b"] + 4.0777) < 1e-4,
      "hours-studied published fit")
check(r.stdout.count("\n") == 1 and "0.40149392" not in r.stdout, "JSON on one line, loss in bits")

# One set of defaults: with no flag, train runs what the window and
# `export --figure training` run (Challenger, standardised, rate 1), and
# every flag comes from the parameter table with its real default.
r, doc = train_json()
r2, doc2 = train_json("--data", "challenger", "--standardize", "--lr", "1")
check(doc and doc["result"]["status"] == "converged" and doc == doc2,
      "train with no flag = the window's defaults (converges)", r.stdout[-300:] + r.stderr)
r, doc = train_json("--no-standardize", "--steps", "5")
check(doc and doc["result"]["status"] == "diverged", "--no-standardize on raw °F at rate 1 diverges", r.stdout[-300:])
r = run("train", "--help")
check("--no-standardize" in r.stdout and "--learning-rate=RATE" in r.stdout and "(default 1;" in r.stdout
      and "(default challenger" in r.stdout, "train --help: table flags with real defaults", r.stdout)
r = run("export", "--help")
check("--no-standardize" in r.stdout and "(default 1; also --lr)" in r.stdout and "--no-use-bias" in r.stdout,
      "export --help states the defaults it uses", r.stdout)
# train and export --figure training with the same flags describe the same
# run: the figure's "now: w = …, b = …" and its loss are train's result.
with tempfile.TemporaryDirectory() as tmp:
    for flags in ([], ["--optimizer", "momentum", "--lr", "0.3"], ["--data", "hours-studied", "--no-standardize", "--lr", "0.05"]):
        r, doc = train_json("--steps", "50", *flags)
        pdf = os.path.join(tmp, "run.pdf")
        e = run("export", "--figure", "training", "--steps", "50", "--out", pdf, *flags)
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout \
            if e.returncode == 0 and shutil.which("pdftotext") else ""
        m = re.search(r"now: w = (\S+), b = (\S+)\s+(\S+) bits", text)
        def near(value, shown):
            # The figure rounds to three or four digits.
            return abs(value - float(shown.replace("\u2212", "-"))) <= 5e-3 * abs(value) + 5e-4

        same = (doc is not None and m is not None and near(doc["result"]["w"], m.group(1))
                and near(doc["result"]["b"], m.group(2)) and near(doc["result"]["loss"], m.group(3)))
        check(same, "train and export --figure training: the same run %s" % " ".join(flags),
              "%s\n%s" % (doc and doc["result"], m and m.groups()))

with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "t.svg")
    r = run("export", "--figure", "training", "--no-standardize", "--steps", "5", "--out", out)
    check(r.returncode == 0 and os.path.getsize(out) > 0, "export --no-standardize works", r.stderr)

# The run's message is on the figure whole, its advice included: it was
# cut with "…" after "Take more steps;" at 1024×768.
if shutil.which("pdftotext"):
    with tempfile.TemporaryDirectory() as tmp:
        for flags, advice in ((["--data", "challenger", "--lr", "20"], "lower it to 4."),
                              (["--preset", "squared-error-stall"], "(safe on these data).")):
            for size in (["--width", "1024", "--height", "768"], ["--width", "1920", "--height", "1080"]):
                pdf = os.path.join(tmp, "m.pdf")
                e = run("export", "--figure", "training", "--out", pdf, *size, *flags)
                text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout \
                    if e.returncode == 0 else ""
                flat = " ".join(text.split())
                check(advice in flat and "\u2026" not in flat[flat.find("Not converged"):],
                      "export %s at %s: the message's advice is shown, not cut" % (" ".join(flags), size[1]),
                      flat[-400:])

# Standardised gradient descent reports w, b on the data's scale.
r, doc = train_json("--data", "challenger", "--standardize", "--lr", "1", "--steps", "5000", "--every", "1000")
check(doc and doc["result"]["status"] == "converged" and abs(doc["result"]["w"] + 0.2322) < 1e-4
      and abs(doc["result"]["b"] - 15.0429) < 1e-3, "--standardize: raw-scale w, b", r.stdout[-400:])

# --no-bias: b is 0 everywhere.
r, doc = train_json("--data", "hours-studied", "--no-bias", "--optimizer", "newton", "--init-b", "3")
check(doc and doc["result"]["b"] == 0 and all(h["b"] == 0 for h in doc["history"])
      and doc["result"]["status"] == "converged", "--no-bias keeps b = 0", r.stdout[-300:])

# Honest outcomes.
r, doc = train_json("--data", "challenger", "--lr", "100")
check(r.returncode == 0 and doc and doc["result"]["status"] == "diverged" and doc["result"]["converged"] is False
      and "smaller" in doc["result"]["message"] and doc["result"]["steps"] < 1000
      and all(math.isfinite(doc["result"][k]) for k in ("w", "b", "loss", "grad_norm")),
      "huge learning rate: diverged, explained, finite", r.stdout[-400:])
r = run("train", "--data", "challenger", "--lr", "100")
check("diverged" in r.stderr and "smaller" in r.stderr, "diverged summary suggests a smaller rate", r.stderr)
r, doc = train_json("--data", "iris-setosa", "--optimizer", "newton")
check(doc and doc["result"]["status"] == "no-finite-optimum" and doc["result"]["converged"] is False
      and all(math.isfinite(doc["result"][k]) for k in ("w", "b", "loss", "grad_norm")),
      "separable iris: no finite optimum, finite numbers", r.stdout[-400:])
r, doc = train_json("--data", "challenger", "--lr", "1e-6", "--steps", "10")
check(doc and doc["result"]["status"] == "max-steps" and doc["result"]["steps"] == 10, "max-steps")

# The loss at w = b = 0 is exactly 1 bit as printed (it was 1.0000000000000002).
for data in ["challenger", "hours-studied", "iris-versicolor-virginica", "iris-setosa"]:
    r, doc = train_json("--data", data, "--steps", "1")
    check(doc and doc["history"][0]["loss"] == 1.0, "%s: loss at w = b = 0 is 1 bit" % data,
          r.stdout[:300])

# A divergence's advice is a rate that then converges (Challenger in °F: lr 0.1
# advised 0.01, which diverged at step 3).
for extra in [["--no-standardize"], ["--standardize"], ["--optimizer", "momentum", "--no-standardize"],
              ["--optimizer", "momentum", "--standardize"]]:
    r, doc = train_json("--data", "challenger", "--lr", "1000", "--steps", "500", *extra)
    msg = doc["result"]["message"] if doc else ""
    rate = None
    if "try " in msg:
        try:
            rate = float(msg.split("try ", 1)[1].split()[0])
        except ValueError:
            rate = None
    r2, doc2 = (train_json("--data", "challenger", "--lr", repr(rate), "--steps", "3000", *extra)
                if rate else (None, None))
    check(doc and doc["result"]["status"] == "diverged" and rate and doc2
          and doc2["result"]["status"] != "diverged"
          and doc2["result"]["loss"] < doc2["history"][0]["loss"],
          "challenger %s: the advised rate %r converges" % (" ".join(extra), rate), msg)

# Newton on x scaled by 1e10 reports convergence with the same fit.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "scaled.csv")
    r0, doc0 = train_json("--data", "challenger", "--optimizer", "newton")
    # the 23 launches: temperature (°F) and O-ring incident
    temps = [66, 70, 69, 68, 67, 72, 73, 70, 57, 63, 70, 78, 67, 53, 67, 75, 70, 81, 76, 79, 75, 76, 58]
    fail = [0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1]
    with open(path, "w") as f:
        f.write("x,y\n")
        for t, y in zip(temps, fail):
            f.write("%r,%d\n" % (t * 1e10, y))
    r, doc = train_json("--data", path, "--optimizer", "newton")
    check(doc and doc["result"]["status"] == "converged"
          and abs(doc["result"]["w"] * 1e10 / doc0["result"]["w"] - 1) < 1e-9
          and abs(doc["result"]["loss"] / doc0["result"]["loss"] - 1) < 1e-12,
          "newton on x·1e10 converges to the same fit", r.stdout[-400:] + r.stderr)

# datasets
r = run("datasets")
names = ["challenger", "hours-studied", "iris-versicolor-virginica", "iris-setosa"]
check(r.returncode == 0 and all(n in r.stdout for n in names) and r.stdout.count("Caveat:") == 4
      and "31 °F" in r.stdout and "15.0429" in r.stdout, "datasets lists sources and caveats", r.stdout)
r = run("datasets", "--format", "json")
doc = json.loads(r.stdout) if r.returncode == 0 else []
check([d["name"] for d in doc] == names and all(d["source"] and d["caveat"] and d["rows"] > 0 for d in doc)
      and doc[0]["rows"] == 23 and doc[1]["rows"] == 20 and doc[2]["rows"] == 100 and doc[3]["rows"] == 150,
      "datasets --format json")
r = run("datasets", "--format", "csv")
rows = list(csv.reader(io.StringIO(r.stdout)))
check(r.returncode == 0 and rows[0][:2] == ["name", "rows"] and len(rows) == 5 and all(len(x) == 7 for x in rows),
      "datasets --format csv (RFC 4180 quoting)")
r = run("datasets", "--format", "yaml")
check(r.returncode == 2 and one_error_line(r), "datasets bad format: exit 2")

print("1..%d" % len(results))
for i, (ok, name, detail) in enumerate(results, 1):
    print(("ok %d - %s" if ok else "not ok %d - %s") % (i, name))
    if not ok:
        for line in str(detail).splitlines()[:30]:
            print("# " + line)
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
