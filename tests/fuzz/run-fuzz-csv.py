#!/usr/bin/python3
# run-fuzz-csv.py SOURCE_ROOT [SECONDS]
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds tests/fuzz/fuzz-csv.c with clang's libFuzzer (plus ASan and UBSan)
# and fuzzes the CSV reader for a short time from the seed corpus. TAP
# output; a TAP SKIP when clang or libFuzzer is not available.

import glob
import os
import shutil
import subprocess
import sys
import tempfile

root = sys.argv[1]
seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 20

clang = shutil.which("clang")
flags = subprocess.run(["pkg-config", "--cflags", "--libs", "glib-2.0"], capture_output=True, text=True)
if clang is None or flags.returncode != 0:
    print("1..0 # SKIP clang (libFuzzer) not available")
    sys.exit(0)

with tempfile.TemporaryDirectory(prefix="elab-fuzz-csv-") as tmp:
    exe = os.path.join(tmp, "fuzz-csv")
    build = subprocess.run([clang, "-g", "-O1", "-fsanitize=fuzzer,address,undefined",
                            "-fno-sanitize-recover=all",
                            "-I", os.path.join(root, "src", "core"),
                            os.path.join(root, "tests", "fuzz", "fuzz-csv.c"),
                            ] + sorted(glob.glob(os.path.join(root, "src", "core", "*.c"))) + [
                            "-o", exe] + flags.stdout.split() + ["-lm"],
                           capture_output=True, text=True)
    if build.returncode != 0:
        # clang is here, so a failed build is the tree's fault, not the machine's.
        print("1..1\nnot ok 1 - building fuzz-csv with libFuzzer failed")
        for line in build.stderr.strip().splitlines()[-20:]:
            print("# " + line)
        sys.exit(1)

    corpus = os.path.join(tmp, "corpus")
    shutil.copytree(os.path.join(root, "tests", "fuzz", "corpus-csv"), corpus)
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = "detect_leaks=0"
    # A fixed seed: the same inputs on every run, so make check does not
    # pass or fail by luck; longer runs by hand explore further.
    r = subprocess.run([exe, "-seed=1", "-max_total_time=%d" % seconds, "-max_len=4096", "-timeout=10",
                        "-rss_limit_mb=1024", "-print_final_stats=1", corpus],
                       capture_output=True, text=True, env=env, cwd=tmp, errors="replace")
    print("1..2")
    print("ok 1 - built fuzz-csv with libFuzzer, ASan and UBSan")
    runs = [l for l in r.stderr.splitlines() if l.startswith("stat::number_of_executed_units")]
    if r.returncode == 0:
        print("ok 2 - fuzzed the CSV reader for %d s, no crash (%s)" % (seconds, runs[0] if runs else "?"))
        sys.exit(0)
    print("not ok 2 - the fuzzer found a problem (exit %d)" % r.returncode)
    for line in r.stderr.splitlines()[-60:]:
        print("# " + line)
    sys.exit(1)
