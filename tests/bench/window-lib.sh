# window-lib.sh: sourced by the window benchmarks (drag.sh,
# train-window.sh), which set bench_name and bench_build first. After
# `. window-lib.sh` the script runs under its own Xvfb at 1920×1080 with a
# throw-away home, and has:
#   $app, $tmp          the binary and a scratch directory (removed at exit)
#   settings LINES...   writes the window's saved state (keyfile lines)
#   start_window        starts $app and waits for its window: $pid, $w
#   finish_window       Ctrl+Q, waits, prints the window's frame statistics
# shellcheck shell=sh

app="$bench_build/src/app/entropy-lab"
[ -x "$app" ] || { echo "$bench_name: no $app (build first)" >&2; exit 2; }

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/.config" ELAB_FRAME_STATS=1 NO_AT_BRIDGE=1
unset GSETTINGS_BACKEND

settings () {
  mkdir -p "$tmp/.config/entropy-lab"
  { echo '[state]'; for line in "$@"; do echo "$line"; done; } > "$tmp/.config/entropy-lab/settings.ini"
}

start_window () {
  "$app" > "$tmp/out" 2> "$tmp/err" &
  pid=$!
  w=
  for i in $(seq 1 150); do
    w=$(xdotool search --onlyvisible --name '^Entropy Lab$' 2>/dev/null | head -1) || true
    [ -n "$w" ] && break
    sleep 0.2
  done
  [ -n "$w" ] || { echo "$bench_name: no window" >&2; kill "$pid"; exit 1; }
}

finish_window () {
  xdotool key ctrl+q || echo "$bench_name: could not press Ctrl+Q" >&2
  wait "$pid" || true
  grep elab-frame-stats "$tmp/out" || echo "$bench_name: no frame statistics" >&2
  if [ -s "$tmp/err" ]; then echo "stderr:"; cat "$tmp/err"; fi
}
