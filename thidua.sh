#!/usr/bin/env bash
# The `thidua` command from this checkout, in any terminal: `./thidua.sh summary --json`.
# A fresh Debian login does not have ~/.local/bin (where scripts/bootstrap.sh links uv) on PATH
# until the next login, so a bare `uv run thidua` fails in a new terminal after `make run`. This
# finds uv on PATH or in ~/.local/bin, sets everything up first if it is missing, trusts the
# system certificate store (office TLS proxies) and runs the locked environment's `thidua`.
# Paths on the command line stay relative to where you are; the database defaults to the one
# `make run` uses (data/thidua.duckdb in this checkout) unless --db or THIDUA_DB says otherwise.
# (The name is thidua.sh because thidua/ is the package's folder.)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export PATH="$HOME/.local/bin:$PATH"
export UV_SYSTEM_CERTS="${UV_SYSTEM_CERTS:-1}" UV_NATIVE_TLS="${UV_NATIVE_TLS:-1}"
export THIDUA_DB="${THIDUA_DB:-$ROOT/data/thidua.duckdb}"

if ! command -v uv >/dev/null 2>&1 || [[ ! -x "$ROOT/.venv/bin/thidua" ]]; then
  bash "$ROOT/scripts/bootstrap.sh" >&2
fi
exec uv run --project "$ROOT" --frozen --quiet thidua "$@"
