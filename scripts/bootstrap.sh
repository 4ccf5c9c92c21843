#!/usr/bin/env bash
# Installs what thidua needs on a fresh machine: uv (from PyPI) and the locked environment.
# With --browser it also installs Debian's Chromium (end-to-end tests, static charts for PDF
# reports) and poppler-utils (pdftoppm: the tests turn report PDFs into page images).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v uv >/dev/null 2>&1; then
  echo "bootstrap: installing uv from PyPI" >&2
  python3 -m pip install --quiet --user uv 2>/dev/null || python3 -m pip install --quiet uv
  export PATH="$HOME/.local/bin:$PATH"
fi
uv sync --frozen --quiet

if [[ "${1:-}" == "--browser" ]] && { [[ ! -x /usr/bin/chromium ]] || ! command -v pdftoppm >/dev/null; }; then
  echo "bootstrap: installing Debian chromium and poppler-utils for the browser tests" >&2
  SUDO=""; [[ "$(id -u)" != 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium poppler-utils >/dev/null
fi
