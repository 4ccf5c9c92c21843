"""A running reader and `thidua load` share the database file (see thidua.store.database).

The reader is another process holding a read-only connection, as the dashboard does: the load
must neither fail nor wait for it, the reader keeps its consistent snapshot, and a reader that
reconnects sees the new import whole.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import TINY
from thidua.ingest.load import load
from thidua.store.database import connect_read_only, snapshot_token

READER = textwrap.dedent("""
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    count = "select count(*) from staff"
    print(con.execute(count).fetchone()[0], flush=True)
    sys.stdin.readline()                      # the test loads a new version meanwhile
    print(con.execute(count).fetchone()[0], flush=True)   # still the old snapshot
    con.close()
    con = duckdb.connect(sys.argv[1], read_only=True)
    print(con.execute(count).fetchone()[0], flush=True)   # reconnected: the new import
""")


def _without_one_staff(tmp_path: Path) -> Path:
    folder = tmp_path / "v2"
    folder.mkdir()
    for f in TINY.iterdir():
        text = f.read_text(encoding="utf-8")
        if f.name == "staff.csv":
            text = "".join(line for line in text.splitlines(keepends=True)
                           if not line.startswith("CB06"))
        (folder / f.name).write_text(text, encoding="utf-8")
    return folder


def test_load_while_a_reader_holds_the_file(tiny_db: Path, tmp_path: Path):
    reader = subprocess.Popen([sys.executable, "-c", READER, str(tiny_db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "6"
        before = snapshot_token(tiny_db)
        outcome = load(_without_one_staff(tmp_path), tiny_db)
        assert outcome.outcome == "imported"
        assert snapshot_token(tiny_db) != before
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "6"
        assert reader.stdout.readline().strip() == "5"
    finally:
        reader.stdin.close()
        assert reader.wait(timeout=30) == 0
    con = connect_read_only(tiny_db)
    assert con.execute("select count(*) from staff").fetchone()[0] == 5
    con.close()


def test_failed_import_leaves_no_temp_file(tiny_db: Path, tmp_path: Path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    assert load(bad, tiny_db).outcome == "unreadable"
    leftovers = [p.name for p in tiny_db.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
