#!/usr/bin/env bash
# Installs LibreOffice Writer without its GUI (Debian's libreoffice-writer-nogui), for the
# test that opens a reviewed Word copy in LibreOffice headless (npm run test:docx).
#
#   bash scripts/install-libreoffice.sh
#
# Idempotent: skips itself when soffice is already there (the GUI build that
# scripts/docx-screenshot.sh installs does as well). Debian packages
# only; needs root or passwordless sudo the first time. Safe with CI=true and no stdin.
set -Eeuo pipefail
exec </dev/null

if command -v soffice >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "install-libreoffice: soffice is missing and installing it needs root (or passwordless sudo)." >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
start=$SECONDS
echo "[install-libreoffice] apt-get update; installing libreoffice-writer-nogui, fonts-dejavu-core"
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-dejavu-core >/dev/null
echo "[install-libreoffice] done in $((SECONDS - start)) s: $(soffice --version 2>/dev/null | head -1)"
