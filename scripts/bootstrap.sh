#!/usr/bin/env bash
# Installs what thidua needs on a fresh machine, without root: uv (from PyPI, into a private
# virtual environment under ~/.local/share/thidua, linked as ~/.local/bin/uv) and the locked
# environment (.venv). Works with a distribution's "externally managed" Python (PEP 668: Debian
# 12, Ubuntu 23.04+), which refuses `pip install --user`.
# With --browser it also installs Debian's Chromium (end-to-end tests, static charts for PDF
# reports), poppler-utils (pdftoppm) and nginx (the reverse-proxy test): that step needs root
# (or sudo) and apt.
set -euo pipefail
cd "$(dirname "$0")/.."

# uv ships its own root certificates; an office network's TLS proxy is trusted only by the
# system store (as pip and curl use it). UV_NATIVE_TLS is the older uv's name for the same.
export UV_SYSTEM_CERTS="${UV_SYSTEM_CERTS:-1}" UV_NATIVE_TLS="${UV_NATIVE_TLS:-1}"

TOOLS="${XDG_DATA_HOME:-$HOME/.local/share}/thidua"
BIN="$HOME/.local/bin"

find_uv() {
  if command -v uv >/dev/null 2>&1; then command -v uv
  elif [[ -x "$BIN/uv" ]]; then echo "$BIN/uv"
  else return 1
  fi
}

install_uv() {
  echo "bootstrap: installing uv from PyPI into $TOOLS" >&2
  mkdir -p "$TOOLS" "$BIN"
  if python3 -m venv "$TOOLS/uv-venv" 2>"$TOOLS/venv.log"; then
    "$TOOLS/uv-venv/bin/python" -m pip install --quiet --disable-pip-version-check uv
    ln -sf "$TOOLS/uv-venv/bin/uv" "$BIN/uv"
  else
    # No ensurepip (Debian without python3-venv): a plain folder install needs no venv.
    echo "bootstrap: python3 -m venv failed ($(tail -1 "$TOOLS/venv.log")); using pip --target" >&2
    python3 -m pip install --quiet --disable-pip-version-check --target "$TOOLS/uv-pkgs" uv
    ln -sf "$TOOLS/uv-pkgs/bin/uv" "$BIN/uv"
  fi
}

UV="$(find_uv)" || { install_uv; UV="$BIN/uv"; }
"$UV" --version >&2
"$UV" sync --frozen --quiet --compile-bytecode  # .pyc now: no compiling at each start

if [[ "${1:-}" == "--browser" ]] && { [[ ! -x /usr/bin/chromium ]] || ! command -v pdftoppm >/dev/null \
    || [[ ! -x /usr/sbin/nginx ]] || ! command -v openssl >/dev/null; }; then
  # nginx (and openssl, for its throw-away certificate): the proxy test runs the real one.
  echo "bootstrap: installing Debian chromium, poppler-utils and nginx for the browser tests (root)" >&2
  SUDO=""; [[ "$(id -u)" != 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium poppler-utils nginx \
    openssl >/dev/null
fi
