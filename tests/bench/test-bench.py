#!/usr/bin/python3
# test-bench.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The benchmark program `make bench` runs: headless, its usage errors as
# the command line words them, and one JSON object with --json. Prints TAP.
#
# Usage: test-bench.py PATH/TO/elab-bench

import json
import os
import subprocess
import sys

BENCH = os.path.abspath(sys.argv[1])
ENV = dict(os.environ)
for var in ("DISPLAY", "WAYLAND_DISPLAY"):
    ENV.pop(var, None)
ENV["LC_ALL"] = "C.UTF-8"


def run(*args, expect=0):
    proc = subprocess.run([BENCH, *args], env=ENV, capture_output=True, text=True, timeout=120)
    assert proc.returncode == expect, (
        f"{' '.join(args)}: exit {proc.returncode}, wanted {expect}\n"
        f"stdout: {proc.stdout[:500]}\nstderr: {proc.stderr[:500]}")
    return proc


def usage_errors():
    for args in (["--frames", "0"], ["--figure", "pie"]):
        proc = run(*args, expect=2)
        lines = proc.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("entropy-lab: error: "), proc.stderr
        assert proc.stdout == "", proc.stdout


def help_shows_options():
    assert "--frames" in run("--help").stdout


def json_object():
    doc = json.loads(run("--figure", "cross-entropy", "--frames", "3", "--width", "320",
                         "--height", "180", "--no-matplotlib", "--no-trainer", "--json").stdout)
    figure = doc["figures"][0]
    assert figure["figure"] == "cross-entropy", figure
    ours = figure["ours"]
    assert 0 < ours["min_ms"] <= ours["median_ms"] <= ours["max_ms"], ours
    assert doc["matplotlib"]["available"] is False and doc["trainer"]["available"] is False
    assert figure["matplotlib_full"] is None and figure["ratio_full"] is None, figure
    assert (doc["width"], doc["height"], doc["frames"]) == (320, 180, 3), doc


CASES = [
    ("usage errors exit 2 with one line", usage_errors),
    ("--help shows the options", help_shows_options),
    ("runs headless and prints one JSON object", json_object),
]

print(f"1..{len(CASES)}")
failed = 0
for number, (name, function) in enumerate(CASES, 1):
    try:
        function()
        print(f"ok {number} - {name}")
    except AssertionError as error:
        failed += 1
        print(f"not ok {number} - {name}")
        for line in str(error).splitlines():
            print(f"# {line}")
sys.exit(1 if failed else 0)
