#!/usr/bin/python3
"""Reads meson's testlog.json and prints `N passed, M failed`.

A TAP test counts each of its `ok` / `not ok` lines; any other test counts
once. A TAP test that failed without a `not ok` line (a crash) counts one
failure more. Exit status 1 when anything failed."""
import json
import re
import sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        line = line.strip()
        if not line:
            continue
        test = json.loads(line)
        result = test.get("result", "")
        if result == "SKIP":
            skipped += 1
            continue
        ok = bad = 0
        # Meson does not record the protocol: a stdout with a TAP plan is TAP.
        stdout = test.get("stdout") or ""
        if re.search(r"^1\.\.\d+", stdout, re.M):
            for out in stdout.splitlines():
                if re.match(r"^ok\b", out) and "# SKIP" not in out:
                    ok += 1
                elif re.match(r"^not ok\b", out) and "# TODO" not in out:
                    bad += 1
                elif re.match(r"^ok\b", out):
                    skipped += 1
        if ok + bad == 0:
            if result in ("OK", "EXPECTEDFAIL"):
                ok = 1
            else:
                bad = 1
        elif result not in ("OK", "EXPECTEDFAIL") and bad == 0:
            bad = 1
        passed += ok
        failed += bad

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed else 0)
