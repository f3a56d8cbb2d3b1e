#!/bin/sh
# run-fuzz-scenario.sh SOURCE_ROOT [SECONDS]
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds tests/fuzz/fuzz-scenario.c with clang's libFuzzer, AddressSanitizer
# and UndefinedBehaviorSanitizer straight from the core's sources, then
# fuzzes the scenario reader from the seed corpus for SECONDS (default 20),
# with a fixed seed so that make check does not pass or fail by luck.
# TAP output; a TAP SKIP when clang or libFuzzer is missing.

root=${1:?usage: run-fuzz-scenario.sh SOURCE_ROOT [SECONDS]}
seconds=${2:-20}
clang=$(command -v clang || true)

if [ -z "$clang" ] || ! glib=$(pkg-config --cflags --libs glib-2.0 2>/dev/null); then
  echo "1..0 # SKIP clang (libFuzzer) or glib-2.0 development files not available"
  exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/elab-fuzz-scenario-XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

core="$root/src/core"
# shellcheck disable=SC2086 # $glib is a list of flags
if ! "$clang" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
     -I"$core" "$root/tests/fuzz/fuzz-scenario.c" "$core"/*.c \
     -o "$tmp/fuzz-scenario" $glib -lm >"$tmp/build.log" 2>&1; then
  # clang is here, so a failed build is the tree's fault, not the machine's.
  echo "1..1"
  echo "not ok 1 - building fuzz-scenario with libFuzzer failed"
  tail -n 20 "$tmp/build.log" | sed 's/^/# /'
  exit 1
fi

echo "1..2"
echo "ok 1 - built fuzz-scenario with libFuzzer, ASan and UBSan"

mkdir "$tmp/corpus"
cp "$root"/tests/fuzz/corpus-scenario/* "$tmp/corpus/"
cd "$tmp" || exit 1
if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
   ./fuzz-scenario -seed=1 -max_total_time="$seconds" -max_len=8192 -timeout=10 \
     -rss_limit_mb=1024 -print_final_stats=1 \
     -dict="$root/tests/fuzz/scenario.dict" corpus >fuzz.log 2>&1; then
  runs=$(grep '^stat::number_of_executed_units' fuzz.log | head -n 1)
  echo "ok 2 - fuzzed the scenario reader for $seconds s, no crash, leak or round-trip mismatch ($runs)"
  exit 0
fi

echo "not ok 2 - the fuzzer found a problem; the input is in the log below"
tail -n 60 fuzz.log | sed 's/^/# /'
for crash in crash-* leak-* timeout-* oom-*; do
  [ -f "$crash" ] && echo "# input (base64): $(base64 -w0 "$crash")"
done
exit 1
