#!/bin/sh
# Start-up time: entropy-lab against a bare libadwaita window (bare-window.c:
# AdwApplication, AdwApplicationWindow, a header bar and a label), side by
# side under one Xvfb, alternately, each timed from just before exec to its
# first painted frame.
#   tests/bench/startup.sh [BUILD_DIR] [RUNS]
# Prints each run, the medians and the ratio (bar: ratio ≤ 1.5), first
# with each program's default renderer, then both set up as Entropy Lab
# sets itself up where OpenGL would be software.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-_build}
runs=${2:-11}
app="$build/src/app/entropy-lab"
[ -x "$app" ] || { echo "startup.sh: no $app (build first)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
cc -O2 -o "$tmp/bare-window" "$here/bare-window.c" $(pkg-config --cflags --libs libadwaita-1)

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi

export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" GSETTINGS_BACKEND=memory
export ELAB_STARTUP_PROBE=1 NO_AT_BRIDGE=1
mkdir -p "$HOME"

measure () {
  ELAB_STARTUP_T0_NS=$(date +%s%N) "$@" 2>/dev/null | sed -n 's/^startup-ms //p'
}

median () { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# compare LABEL: both programs alternately, RUNS times each, after one
# warm-up each so both see warm font and icon caches.
compare () {
  label=$1
  measure "$tmp/bare-window" >/dev/null
  measure "$app" >/dev/null
  : > "$tmp/bare"; : > "$tmp/app"
  i=0
  while [ $i -lt "$runs" ]; do
    measure "$tmp/bare-window" >> "$tmp/bare"
    measure "$app" >> "$tmp/app"
    i=$((i + 1))
  done
  bare=$(median "$tmp/bare")
  elab=$(median "$tmp/app")
  echo "$label"
  echo "  bare libadwaita ms: $(tr '\n' ' ' < "$tmp/bare")"
  echo "  entropy-lab     ms: $(tr '\n' ' ' < "$tmp/app")"
  awk -v b="$bare" -v a="$elab" 'BEGIN { printf "  median: bare %.1f ms, entropy-lab %.1f ms, ratio %.2f (bar 1.5)\n", b, a, a / b }'
}

# As each starts by default: GTK picks its renderer for the bare window,
# Entropy Lab picks Cairo where OpenGL would be software (elab-renderer.c).
unset GSK_RENDERER
compare "default renderers:"
# Like for like: both the way Entropy Lab starts where OpenGL would be
# software, Cairo renderer and no OpenGL set up at all: what is left is
# what Entropy Lab itself costs over a bare window.
GSK_RENDERER=cairo GDK_DEBUG=gl-disable
export GSK_RENDERER GDK_DEBUG
compare "both with GSK_RENDERER=cairo GDK_DEBUG=gl-disable:"
