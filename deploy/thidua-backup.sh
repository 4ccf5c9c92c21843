#!/usr/bin/env bash
# Back up thidua's data while it serves: the analytics database, its kept versions and the
# accounts store (accounts, sessions, audit log), into a new folder DEST/thidua-<date-time>.
#   sudo -u thidua /opt/thidua/deploy/thidua-backup.sh /var/backups/thidua
# The database is safe to copy at any time: an import never writes the live file, it renames a
# finished copy over it, and a copy already reading keeps reading the old file. The accounts
# store is SQLite in WAL mode, written by every server process: it is copied with SQLite's
# online backup (a consistent snapshot even while it is written), never with cp.
# Restore: docs/deployment.md, "Back up and restore". Tested by tests/browser/test_proxy_browser.py.
set -euo pipefail

dest_root="${1:?usage: thidua-backup.sh DEST_FOLDER}"
db="${THIDUA_DB:-/var/lib/thidua/thidua.duckdb}"
name="$(basename "$db")"
accounts="${THIDUA_ACCOUNTS:-$(dirname "$db")/${name%.*}.accounts.sqlite}"
versions="$db.versions"

[[ -f "$db" ]] || { echo "thidua-backup: no database at $db (set THIDUA_DB)" >&2; exit 2; }
dest="$dest_root/thidua-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$dest"
cp -p "$db" "$dest/$name"
if [[ -d "$versions" ]]; then
  cp -pR "$versions" "$dest/$name.versions"
fi
if [[ -f "$accounts" ]]; then
  python3 - "$accounts" "$dest/$(basename "$accounts")" <<'PY'
import sqlite3
import sys

source, target = (sqlite3.connect(path) for path in sys.argv[1:3])
with target:
    source.backup(target)  # SQLite's online backup: one consistent snapshot
source.close()
target.close()
PY
fi
(cd "$dest" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum \
  > SHA256SUMS)
echo "$dest"
