#!/bin/sh
# Frame times while a slider is dragged with real pointer events: the
# window at 1920×1080 under Xvfb, model A's θ slider dragged back and forth
# with one xdotool process, every frame's time (the change → end of paint, GSK render
# included) reported by the window itself (ELAB_FRAME_STATS).
#   tests/bench/drag.sh [BUILD_DIR] [PAGE]
# PAGE is entropy (model A's θ, the default), cross-entropy (model p's θ)
# or softmax (logit z₁).
set -eu

bench_name=drag.sh
bench_build=${1:-_build}
page=${2:-entropy}
# Where the slider's knob is at 1920×1080, from the window's corner.
case $page in
  entropy)       knob="135 172" ;;
  cross-entropy) knob="184 129" ;;
  softmax)       knob="178 132" ;;
  *) echo "drag.sh: no page $page (entropy, cross-entropy, softmax)" >&2; exit 2 ;;
esac
# shellcheck source=window-lib.sh
. "$(cd "$(dirname "$0")" && pwd)/window-lib.sh"

settings window-width=1920 window-height=1080 "page=$page"
start_window
sleep 2

# The knob sits on its slider in the side panel; drag it right and left
# across the slider.
eval "$(xdotool getwindowgeometry --shell "$w")"
set -- $knob
kx=$((X + $1)); ky=$((Y + $2))
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
