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

# `uv run` checks the environment before every command (a sixth of a `thidua summary`), so the
# check is made only when it can find something: when uv.lock, pyproject.toml or this script
# changed since the last sync it made (the stamp .venv/.thidua-synced); otherwise the
# environment's `thidua` runs directly. The sync compiles the packages to bytecode, and then
# thidua's own modules (an editable install: the sync leaves them out), so that a run where
# Python may not write .pyc files (PYTHONDONTWRITEBYTECODE) does not compile them each time. A
# module edited since is compiled in memory as usual (Python checks each source's time).
VENV="$ROOT/.venv" STAMP="$ROOT/.venv/.thidua-synced"
if ! command -v uv >/dev/null 2>&1 || [[ ! -x "$VENV/bin/thidua" ]]; then
  bash "$ROOT/scripts/bootstrap.sh" >&2
fi
if [[ ! -f "$STAMP" || "$ROOT/uv.lock" -nt "$STAMP" || "$ROOT/pyproject.toml" -nt "$STAMP"
      || "$ROOT/thidua.sh" -nt "$STAMP" ]]; then
  uv sync --project "$ROOT" --frozen --quiet --compile-bytecode >&2
  "$VENV/bin/python" -m compileall -q "$ROOT/thidua" >&2 || true
  touch "$STAMP"
fi
exec "$VENV/bin/thidua" "$@"
