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

seconds=${2:-10}
bench_name=train-window.sh
bench_build=${1:-_build}
# shellcheck source=window-lib.sh
. "$(cd "$(dirname "$0")" && pwd)/window-lib.sh"

# hours,passed: a logistic truth (−4 + 1.5·hours) sampled a million times.
awk 'BEGIN {
  srand(7); print "hours,passed";
  for (i = 0; i < 1000000; i++) {
    x = 6 * rand(); p = 1 / (1 + exp(-(-4 + 1.5 * x)));
    printf "%.4f,%d\n", x, (rand() < p) ? 1 : 0;
  }
}' > "$tmp/million.csv"

# 240 steps/s asks for more than one step per frame: the page then takes
# one step (a million rows) every frame, so every frame draws new figures.
# A learning rate of 0.1 keeps the run going for all of SECONDS.
settings window-width=1920 window-height=1080 page=training "dataset=$tmp/million.csv" \
         training-speed=240.0 learning-rate=0.1 steps=100000
start_window
sleep 4   # the CSV is read and the Newton optimum found in a worker thread

# Play has the focus on the Training page.
eval "$(xdotool getwindowgeometry --shell "$w")"
xdotool mousemove "$((X + 960))" "$((Y + 600))"
xdotool key space
sleep "$seconds"
xdotool key space
sleep 0.5
finish_window
