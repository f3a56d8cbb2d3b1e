#!/bin/sh
# The Training page with a million rows: the window at 1920×1080 under
# Xvfb trains by gradient descent on a 1,000,000-row CSV for SECONDS
# seconds (Space plays, Space pauses) and reports, from the window itself
# (ELAB_FRAME_STATS), the time of every frame that drew a new figure and
# the time the optimizer's steps took in each frame, and how many such
# frames a second the window showed (per_s; the run may converge before
# SECONDS are up). 60 frames per second is 16.7 ms a frame.
#   tests/bench/train-window.sh [BUILD_DIR] [SECONDS]
set -eu

build=${1:-_build}
seconds=${2:-10}
app="$build/src/app/entropy-lab"
[ -x "$app" ] || { echo "train-window.sh: no $app (build first)" >&2; exit 2; }

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/.config" ELAB_FRAME_STATS=1 NO_AT_BRIDGE=1
unset GSETTINGS_BACKEND

# hours,passed: a logistic truth (−4 + 1.5·hours) sampled a million times.
awk 'BEGIN {
  srand(7); print "hours,passed";
  for (i = 0; i < 1000000; i++) {
    x = 6 * rand(); p = 1 / (1 + exp(-(-4 + 1.5 * x)));
    printf "%.4f,%d\n", x, (rand() < p) ? 1 : 0;
  }
}' > "$tmp/million.csv"

mkdir -p "$tmp/.config/entropy-lab"
# 240 steps/s asks for more than one step per frame: the page then takes
# one step (a million rows) every frame, so every frame draws new figures.
# A learning rate of 0.1 keeps the run going for all of SECONDS.
printf '[state]\nwindow-width=1920\nwindow-height=1080\npage=training\ndataset=%s\ntraining-speed=240.0\nlearning-rate=0.1\nsteps=100000\n' \
  "$tmp/million.csv" > "$tmp/.config/entropy-lab/settings.ini"

"$app" > "$tmp/out" 2> "$tmp/err" &
pid=$!
w=
for i in $(seq 1 150); do
  w=$(xdotool search --onlyvisible --name '^Entropy Lab$' 2>/dev/null | head -1) || true
  [ -n "$w" ] && break
  sleep 0.2
done
[ -n "$w" ] || { echo "train-window.sh: no window" >&2; kill "$pid"; exit 1; }
sleep 4   # the CSV is read and the Newton optimum found in a worker thread

# Play has the focus on the Training page.
eval "$(xdotool getwindowgeometry --shell "$w")"
xdotool mousemove "$((X + 960))" "$((Y + 600))"
xdotool key space
sleep "$seconds"
xdotool key space
sleep 0.5
xdotool key ctrl+q || echo "train-window.sh: could not press Ctrl+Q" >&2
wait "$pid" || true
grep elab-frame-stats "$tmp/out" || echo "train-window.sh: no frame statistics" >&2
if [ -s "$tmp/err" ]; then echo "stderr:"; cat "$tmp/err"; fi
