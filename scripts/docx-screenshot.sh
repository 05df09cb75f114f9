#!/usr/bin/env bash
# Takes docs/images/docx-review-libreoffice.png: the example readout as a Word document,
# reviewed by `verbatim review`, open in LibreOffice Writer with Verbatim's comments in the
# margin. Not part of npm test.
#
#   npm run build && bash scripts/docx-screenshot.sh
#
# LibreOffice 7.4 (Debian 12) exports comments to PDF only as annotation icons (exporting
# them in the margin came in a later release), so a PDF rendered with pdftoppm would not show
# them. The screenshot is of the real Writer window instead, under Xvfb. That needs
# LibreOffice with its X11 interface (libreoffice-writer, which replaces the -nogui build the
# tests install; the tests run on either), xvfb, x11-apps (xwd), x11-utils (xwininfo) and
# netpbm, all from Debian, installed here if missing (root or passwordless sudo).
set -Eeuo pipefail
exec </dev/null
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -f out/test/support/docx.js ] && [ -f dist/cli.js ] || { echo "docx-screenshot: build first (npm run build)" >&2; exit 2; }
out="${1:-docs/images/docx-review-libreoffice.png}"

missing=()
for pair in soffice:libreoffice-writer Xvfb:xvfb xwd:x11-apps xwininfo:x11-utils xwdtopnm:netpbm; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
# The -nogui build has no window to show.
dpkg -s libreoffice-writer >/dev/null 2>&1 || missing+=(libreoffice-writer)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
  echo "[docx-screenshot] installing ${missing[*]}"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
fi

work="$(mktemp -d)"
display=":$((90 + RANDOM % 100))"
xvfb_pid=""; so_pid=""
cleanup() {
  [ -n "$so_pid" ] && kill -- "-$so_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

node out/test/support/docx.js --plain examples/readout-draft.md "$work/readout-draft.docx"
node bin/verbatim.js review "$work/readout-draft.docx" --output "$work/readout-draft.reviewed.docx"

Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 50); do DISPLAY="$display" xwininfo -root >/dev/null 2>&1 && break; sleep 0.2; done
# Its own process group, so that stopping it stops soffice.bin too.
DISPLAY="$display" SAL_USE_VCLPLUGIN=gen HOME="$work" setsid soffice --norestore --nologo --nofirststartwizard \
  "-env:UserInstallation=file://$work/profile" "$work/readout-draft.reviewed.docx" >"$work/soffice.log" 2>&1 &
so_pid=$!
for _ in $(seq 1 120); do
  DISPLAY="$display" xwininfo -root -tree 2>/dev/null | grep -q 'readout-draft.reviewed.docx - LibreOffice Writer' && break
  sleep 0.5
done
DISPLAY="$display" xwininfo -root -tree | grep -q 'LibreOffice Writer' || { echo "docx-screenshot: Writer did not open" >&2; cat "$work/soffice.log" >&2; exit 1; }
# The window is mapped before its comments are laid out in the margin.
sleep 4
mkdir -p "$(dirname "$out")"
DISPLAY="$display" xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng >"$out"
echo "[docx-screenshot] wrote $out"
