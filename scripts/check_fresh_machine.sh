#!/usr/bin/env bash
# Day one on a fresh machine, the way it fails: a clone of the last commit (HEAD: uncommitted
# changes are not in it), an empty HOME, the minimal PATH of a new Debian login (no
# ~/.local/bin), the system Python. `make run` must set everything up and serve the dashboard;
# then a NEW shell, with the same HOME and PATH, must run the README's command
# (`./thidua.sh summary --json`) and get the sample's summary; the clone must stay clean.
# Takes minutes (uv and every package are downloaded): run by .ci/run, not by pytest.
# Usage: bash scripts/check_fresh_machine.sh    (exit 0 only when every check passed)
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
COMMIT="$(git -C "$REPO" rev-parse HEAD)"
WORK="$(mktemp -d)"
FRESH_HOME="$WORK/home"
CLONE="$WORK/thidua"
LOG="$WORK/make_run.log"
WAIT_SECONDS="${FRESH_WAIT_SECONDS:-1500}"  # setup downloads everything; bounded all the same
SERVER=""

say() { echo "check_fresh_machine: $*" >&2; }
die() { say "FAIL: $*"; exit 1; }

cleanup() {
  local rc=$?
  if [[ -n "$SERVER" ]] && kill -0 "$SERVER" 2>/dev/null; then
    kill -TERM -- "-$SERVER" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$SERVER" 2>/dev/null || true
  fi
  if [[ $rc -ne 0 && -f "$LOG" ]]; then
    say "last lines of make run:"; tail -n 40 "$LOG" >&2 || true
  fi
  chmod -R u+w "$WORK" 2>/dev/null || true
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT

# A new terminal of a fresh login: nothing but HOME and the system PATH (and the network's
# proxy settings, if this machine has any, as /etc/environment would give them).
FRESH_ENV=(HOME="$FRESH_HOME" PATH=/usr/sbin:/usr/bin:/sbin:/bin)
for var in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
  if [[ -n "${!var:-}" ]]; then FRESH_ENV+=("$var=${!var}"); fi
done
fresh() { env -i "${FRESH_ENV[@]}" "$@"; }

mkdir -p "$FRESH_HOME"
say "clone of $COMMIT into $CLONE"
git init --quiet "$CLONE"
git -C "$CLONE" fetch --quiet "$REPO" "$COMMIT"
git -C "$CLONE" checkout --quiet --detach FETCH_HEAD
[[ "$(git -C "$CLONE" rev-parse HEAD)" == "$COMMIT" ]] || die "the clone is not at $COMMIT"

# The point of the check: the fresh shell does not have uv (nor thidua) on its PATH.
if fresh bash -c 'command -v uv || command -v thidua' >/dev/null; then
  die "uv or thidua is on the minimal PATH already: this machine cannot show day one"
fi
[[ -x /usr/bin/python3 ]] || die "no system Python at /usr/bin/python3"

PORT="$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0));
print(s.getsockname()[1])')"
say "make run on port $PORT (log: $LOG)"
# In its own session (setsid), so that stopping it stops make, uv, thidua and streamlit.
setsid env -i "${FRESH_ENV[@]}" make -C "$CLONE" run PORT="$PORT" >"$LOG" 2>&1 </dev/null &
SERVER=$!

health() {
  /usr/bin/python3 - "$PORT" <<'PY'
import sys, urllib.request
try:
    with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/_stcore/health", timeout=5) as r:
        sys.exit(0 if r.read().strip() == b"ok" else 1)
except OSError:
    sys.exit(1)
PY
}

start=$SECONDS
until health; do
  kill -0 "$SERVER" 2>/dev/null || die "make run stopped before the dashboard answered"
  (( SECONDS - start < WAIT_SECONDS )) || die "no 'ok' from /_stcore/health in ${WAIT_SECONDS}s"
  sleep 3
done
say "the dashboard answers ok after $((SECONDS - start))s"
grep -q "http://127.0.0.1:$PORT" "$LOG" || die "make run did not print the dashboard's address"
[[ -x "$FRESH_HOME/.local/bin/uv" ]] || die "bootstrap did not install uv into the fresh HOME"
[[ -x "$CLONE/.venv/bin/thidua" ]] || die "bootstrap did not build the clone's environment"

# A NEW terminal: same HOME, same minimal PATH, nothing inherited from make run.
say "new shell: ./thidua.sh summary --json"
fresh bash -c 'cd "$1" && ./thidua.sh summary --json' _ "$CLONE" >"$WORK/summary.json" \
  2>"$WORK/summary.err" || { cat "$WORK/summary.err" >&2; die "./thidua.sh summary --json failed"; }
/usr/bin/python3 - "$WORK/summary.json" <<'PY' || die "the summary is not the sample's"
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
got = {k: data[k] for k in ("campaign_code", "staff_total", "units_total", "units_registered",
                            "nominations_total")}
want = {"campaign_code": "DH14", "staff_total": 148, "units_total": 10, "units_registered": 10,
        "nominations_total": 27}
print(f"summary: {got}", file=sys.stderr)
sys.exit(0 if got == want and len(data["units"]) == 10 else 1)
PY

say "new shell: ./thidua.sh template --out out/mau_nhap_lieu.xlsx"
fresh bash -c 'cd "$1" && ./thidua.sh template --out out/mau_nhap_lieu.xlsx' _ "$CLONE" \
  >/dev/null || die "./thidua.sh template failed"
[[ -s "$CLONE/out/mau_nhap_lieu.xlsx" ]] || die "the template was not written to out/"

dirty="$(git -C "$CLONE" status --porcelain)"
[[ -z "$dirty" ]] || die "the commands left the checkout dirty:"$'\n'"$dirty"
say "OK: make run and the README's commands work on a fresh machine"
