#!/bin/sh
# Frame times while a slider is dragged with real pointer events: the
# window at 1920×1080 under Xvfb, model A's θ slider dragged back and forth
# with one xdotool process, every frame's time (the change → end of paint, GSK render
# included) reported by the window itself (ELAB_FRAME_STATS).
#   tests/bench/drag.sh [BUILD_DIR]
set -eu

bench_name=drag.sh
bench_build=${1:-_build}
# shellcheck source=window-lib.sh
. "$(cd "$(dirname "$0")" && pwd)/window-lib.sh"

settings window-width=1920 window-height=1080
start_window
sleep 2

# Model A's θ knob sits at the middle of its slider (θ = 1 of ±20) in the
# side panel; drag it right and left across the slider.
eval "$(xdotool getwindowgeometry --shell "$w")"
kx=$((X + 135)); ky=$((Y + 172))
# One xdotool process for the whole drag: a process per move would take
# the CPU the window is being measured on.
moves=
for pass in 1 2 3; do
  for dx in $(seq 0 2 60) $(seq 60 -2 -60) $(seq -60 2 0); do
    moves="$moves mousemove $((kx + dx)) $ky sleep 0.008"
  done
done
# shellcheck disable=SC2086
xdotool mousemove "$kx" "$ky" mousedown 1 $moves mouseup 1
sleep 0.5
finish_window
