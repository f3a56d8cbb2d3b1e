#!/bin/sh
# TAP: validate the data files in the build tree, then install into a
# temporary DESTDIR and validate what a distribution would ship.
# Usage: test-data.sh SOURCE_ROOT BUILD_ROOT APP_ID
src=$1 build=$2 id=$3
n=0 failed=0
ok ()   { n=$((n + 1)); echo "ok $n - $1"; }
bad ()  { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
check () { name=$1; shift; if out=$("$@" 2>&1); then ok "$name"; else bad "$name"; echo "$out" | sed 's/^/# /'; fi; }

echo "1..11"

if command -v desktop-file-validate >/dev/null; then
  check "desktop file validates" desktop-file-validate "$build/data/$id.desktop"
else
  skip "desktop file validates" "desktop-file-validate missing"
fi
if command -v appstreamcli >/dev/null; then
  check "metainfo validates (no network)" appstreamcli validate --no-net --pedantic "$build/data/$id.metainfo.xml"
else
  skip "metainfo validates (no network)" "appstreamcli missing"
fi
check "GSettings schema compiles strictly" glib-compile-schemas --strict --dry-run "$src/data"

dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
if meson install -C "$build" --no-rebuild --destdir "$dest" >"$dest.log" 2>&1; then
  ok "meson install --destdir"
else
  bad "meson install --destdir"; sed 's/^/# /' "$dest.log"
fi
rm -f "$dest.log"
root=$(find "$dest" -type d -path '*/share/applications' | head -n 1)
share=${root%/applications}
bin=$(find "$dest" -type f -name entropy-lab -perm -u+x | head -n 1)

[ -n "$bin" ] && ok "installed binary" || bad "installed binary"
if [ -n "$bin" ] && env -u DISPLAY -u WAYLAND_DISPLAY "$bin" presets | grep -q bernoulli-asymmetry; then
  ok "installed binary runs headless"
else
  bad "installed binary runs headless"
fi
[ -f "$share/applications/$id.desktop" ] && ok "installed desktop file" || bad "installed desktop file"
[ -f "$share/metainfo/$id.metainfo.xml" ] && ok "installed metainfo" || bad "installed metainfo"
[ -f "$share/glib-2.0/schemas/$id.gschema.xml" ] && ok "installed GSettings schema" || bad "installed GSettings schema"
if [ -f "$share/icons/hicolor/scalable/apps/$id.svg" ] && [ -f "$share/icons/hicolor/symbolic/apps/$id-symbolic.svg" ]; then
  ok "installed scalable and symbolic icons"
else
  bad "installed scalable and symbolic icons"
fi
man=$(find "$dest" -name 'entropy-lab.1*' | head -n 1)
if [ -n "$man" ]; then ok "installed man page"; else bad "installed man page"; fi
exit 0
