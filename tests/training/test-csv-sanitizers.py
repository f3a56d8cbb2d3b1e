#!/usr/bin/python3
# test-csv-sanitizers.py SOURCE_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the CSV reader and a tiny driver with AddressSanitizer and
# UndefinedBehaviorSanitizer (clang, else gcc), runs every malformed file
# and a few good ones, and checks the error line and that the sanitizers
# stayed silent. TAP output.

import glob
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import badcsv  # noqa: E402

root = sys.argv[1]
n = 0
failed = 0


def report(ok, name, detail=""):
    global n, failed
    n += 1
    print(("ok %d - %s" if ok else "not ok %d - %s") % (n, name))
    if not ok:
        failed += 1
        for line in detail.splitlines():
            print("# " + line)


def sanitizer_noise(text):
    return any(w in text for w in ("runtime error", "AddressSanitizer", "LeakSanitizer", "SUMMARY:"))


with tempfile.TemporaryDirectory(prefix="elab-asan-") as tmp:
    cc = shutil.which("clang") or shutil.which("gcc") or shutil.which("cc")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "glib-2.0"],
                           capture_output=True, text=True)
    exe = os.path.join(tmp, "csv-driver")
    build = None
    if cc and flags.returncode == 0:
        cmd = [cc, "-std=gnu11", "-g", "-O1", "-fno-omit-frame-pointer",
               "-fsanitize=address,undefined", "-fno-sanitize-recover=all",
               "-I", os.path.join(root, "src", "core"),
               os.path.join(root, "tests", "training", "csv-driver.c")]
        # The reader quotes labels through the parameter table's helpers,
        # which need the rest of core: build all of it.
        cmd += sorted(glob.glob(os.path.join(root, "src", "core", "*.c")))
        cmd += ["-o", exe] + flags.stdout.split() + ["-lm"]
        build = subprocess.run(cmd, capture_output=True, text=True)
    if build is None or build.returncode != 0:
        print("1..0 # SKIP no compiler with -fsanitize=address,undefined (%s)"
              % (build.stderr.strip().splitlines()[-1] if build and build.stderr else "none"))
        sys.exit(0)

    env = dict(os.environ)
    env["ASAN_OPTIONS"] = "detect_leaks=1:exitcode=99"
    env["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1:exitcode=98"
    # LeakSanitizer needs ptrace; where a sandbox forbids it, run without it.
    probe = subprocess.run([exe, "/nonexistent"], capture_output=True, text=True, env=env)
    if "LeakSanitizer does not work" in probe.stderr:
        env["ASAN_OPTIONS"] = "detect_leaks=0:exitcode=99"

    cases = badcsv.write_cases(tmp)
    print("1..%d" % (len(cases) + len(badcsv.GOOD) + 1))
    report(True, "built %s with ASan+UBSan" % os.path.basename(cc))

    for path, line, word in cases:
        r = subprocess.run([exe, path], capture_output=True, text=True, env=env, errors="replace")
        prefix = "entropy-lab: error: %s:%d: " % (path, line)
        lines = r.stderr.splitlines()
        ok = (r.returncode == 1 and len(lines) == 1 and lines[0].startswith(prefix)
              and word in lines[0] and not sanitizer_noise(r.stderr))
        report(ok, "bad %s -> line %d" % (os.path.basename(path), line),
               "exit %d\n%s" % (r.returncode, r.stderr[:2000]))

    for name, content, rows in badcsv.GOOD:
        path = os.path.join(tmp, name + ".csv")
        with open(path, "wb") as f:
            f.write(content)
        r = subprocess.run([exe, path], capture_output=True, text=True, env=env)
        ok = r.returncode == 0 and r.stdout.strip() == "%d rows" % rows and not sanitizer_noise(r.stderr)
        report(ok, "good %s" % name, "exit %d\n%s%s" % (r.returncode, r.stdout, r.stderr[:2000]))

sys.exit(1 if failed else 0)
