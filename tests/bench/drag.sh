#!/bin/sh
# Frame times while a slider is dragged with real pointer events: the
# window at 1920×1080 under Xvfb, model A's θ slider dragged back and forth
# with one xdotool process, every frame's time (the change → end of paint, GSK render
# included) reported by the window itself (ELAB_FRAME_STATS).
#   tests/bench/drag.sh [BUILD_DIR]
set -eu

build=${1:-_build}
app="$build/src/app/entropy-lab"
[ -x "$app" ] || { echo "drag.sh: no $app (build first)" >&2; exit 2; }

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/.config" ELAB_FRAME_STATS=1 NO_AT_BRIDGE=1
unset GSETTINGS_BACKEND
mkdir -p "$tmp/.config/entropy-lab"
printf '[state]\nwindow-width=1920\nwindow-height=1080\n' > "$tmp/.config/entropy-lab/settings.ini"

"$app" > "$tmp/out" 2> "$tmp/err" &
pid=$!
w=
for i in $(seq 1 150); do
  w=$(xdotool search --onlyvisible --name '^Entropy Lab$' 2>/dev/null | head -1) || true
  [ -n "$w" ] && break
  sleep 0.2
done
[ -n "$w" ] || { echo "drag.sh: no window" >&2; kill "$pid"; exit 1; }
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
xdotool key ctrl+q || echo "drag.sh: could not press Ctrl+Q" >&2
wait "$pid" || true
grep elab-frame-stats "$tmp/out" || echo "drag.sh: no frame statistics" >&2
if [ -s "$tmp/err" ]; then echo "stderr:"; cat "$tmp/err"; fi
