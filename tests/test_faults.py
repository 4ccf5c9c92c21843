"""Imports under faults: killed at any moment, read-only files, a full disk, a held lock.

The kill test starts the real ``python -m thidua.cli load`` on a database holding version A of
the tiny campaign, loads version B (one more staff member) and SIGKILLs it after a seeded random
delay spread over the load's duration: each time the database must hold exactly A's or B's
numbers, and the next load of B must work and leave no temporary copy. The other tests drive
``thidua load`` (CliRunner) into each failure and check its exact sentence, its exit code and
that the old data is byte for byte as it was.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import getpass
import hashlib
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tests.conftest import TINY
from thidua import formats
from thidua.cli import app
from thidua.ingest import load as loader
from thidua.ingest import publish as publisher
from thidua.ingest.load import load
from thidua.metrics.summary import build_summary
from thidua.store.database import connect_read_only, writer_lock

ROOT = Path(__file__).resolve().parent.parent
KILLS = 20
AS_OF = dt.date(2025, 11, 30)
runner = CliRunner()


def version_b(folder: Path) -> Path:
    """The tiny campaign with a seventh staff member (CB07 of TH)."""
    shutil.copytree(TINY, folder)
    with open(folder / "staff.csv", "a", encoding="utf-8", newline="") as handle:
        handle.write("CB07,Vũ Thị Hoa,TH,Chuyên viên,Công chức,Nữ\n")
    return folder


def numbers(db: Path) -> dict:
    con = connect_read_only(db)
    try:
        return build_summary(con, None, as_of=AS_OF)
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.glob(f".{db.name}.*"))


def cli_load(source: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "thidua.cli", "load", str(source), "--db",
                             str(db)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> tuple[Path, Path, dict, dict]:
    """(A's database, B's folder, A's numbers, B's numbers after A)."""
    base = tmp_path_factory.mktemp("faults")
    db_a = base / "a.duckdb"
    assert load(TINY, db_a).outcome == "imported"
    source_b = version_b(base / "b")
    db_ab = base / "ab.duckdb"
    shutil.copyfile(db_a, db_ab)
    assert load(source_b, db_ab).outcome == "imported"
    expected_a, expected_b = numbers(db_a), numbers(db_ab)
    assert (expected_a["staff_total"], expected_b["staff_total"]) == (6, 7)
    return db_a, source_b, expected_a, expected_b


def test_a_load_killed_at_any_moment_leaves_the_old_or_the_new_campaign(tmp_path, versions):
    db_a, source_b, expected_a, expected_b = versions
    db = tmp_path / "t.duckdb"
    shutil.copyfile(db_a, db)
    started = time.monotonic()
    assert cli_load(source_b, db).wait(timeout=120) == 0
    duration = time.monotonic() - started
    rng = random.Random(9)
    seen = {"A": 0, "B": 0, "while writing its copy": 0}
    for run in range(KILLS):
        db = tmp_path / f"run{run}" / "t.duckdb"
        db.parent.mkdir()
        shutil.copyfile(db_a, db)
        process = cli_load(source_b, db)
        time.sleep(rng.uniform(0, duration))
        process.kill()
        process.wait(timeout=60)
        found = numbers(db)
        assert found in (expected_a, expected_b), f"run {run}: a mix of A and B"
        seen["A" if found == expected_a else "B"] += 1
        seen["while writing its copy"] += any(n.endswith(".tmp") for n in leftovers(db))
        again = load(source_b, db)
        assert again.outcome in ("imported", "unchanged"), (run, again.message)
        assert numbers(db) == expected_b
        assert leftovers(db) == [], run
    print(f"{KILLS} kills survived: {seen}")


def test_stale_copies_of_dead_loads_are_removed_by_the_next_load(tiny_db: Path, tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        names = [f".{tiny_db.name}.{dead.pid}.tmp", f".{tiny_db.name}.{dead.pid}.tmp.wal",
                 f".{tiny_db.name}.{alive.pid}.tmp"]
        for name in names:
            (tiny_db.parent / name).write_bytes(b"half a copy")
        assert load(version_b(tmp_path / "b"), tiny_db).outcome == "imported"
        assert leftovers(tiny_db) == [f".{tiny_db.name}.{alive.pid}.tmp"]
    finally:
        alive.kill()
        alive.wait()


def _refused(db: Path, source: Path, lang: str = "vi", **env: str):
    """``thidua load`` of ``source``; the result, the file's digest before and after."""
    before = digest(db)
    result = runner.invoke(app, ["load", str(source), "--db", str(db), "--lang", lang],
                           env=env or None)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result, before, digest(db)


@pytest.mark.parametrize("lang, sentence", [
    ("vi", "Chưa nhập được, dữ liệu cũ vẫn nguyên vẹn: tệp cơ sở dữ liệu «{db}» chỉ cho phép "
           "đọc nên không được thay. Hãy cấp quyền ghi cho tệp (hoặc chọn tệp khác bằng --db) "
           "rồi nhập lại."),
    ("en", "Not imported, the data is as it was: the database file '{db}' is read-only, so it "
           "was not replaced. Make it writable (or choose another file with --db) and import "
           "again."),
])
def test_a_read_only_database_is_refused_not_replaced(tiny_db: Path, tmp_path, lang, sentence):
    tiny_db.chmod(0o444)
    inode = tiny_db.stat().st_ino
    result, before, after = _refused(tiny_db, version_b(tmp_path / "b"), lang)
    assert result.exit_code == 2
    assert result.stderr.strip() == sentence.format(db=tiny_db)
    assert (after, tiny_db.stat().st_ino) == (before, inode)
    assert leftovers(tiny_db) == []


def test_a_read_only_folder_is_a_message(tiny_db: Path, tmp_path):
    source = version_b(tmp_path / "b")
    tiny_db.parent.chmod(0o555)
    try:
        result, before, after = _refused(tiny_db, source)
    finally:
        tiny_db.parent.chmod(0o755)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"Chưa nhập được, dữ liệu cũ vẫn nguyên vẹn: không ghi được vào thư mục "
        f"«{tiny_db.parent}» (chỉ cho phép đọc). Hãy cấp quyền ghi cho thư mục rồi nhập lại.")
    assert after == before


def test_a_full_disk_is_a_message_and_the_partial_copy_is_removed(tiny_db: Path, tmp_path,
                                                                  monkeypatch):
    source = version_b(tmp_path / "b")

    def half_then_full(src, dst, *args, **kwargs):
        Path(dst).write_bytes(Path(src).read_bytes()[:4096])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", half_then_full)
    result, before, after = _refused(tiny_db, source, "en")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"Not imported, the data is as it was: the disk holding '{tiny_db}' is full; the "
        f"partial copy was removed. Free some space and import again.")
    assert after == before
    assert leftovers(tiny_db) == []


def test_a_disk_that_fills_while_publishing_is_a_message(tiny_db: Path, tmp_path,
                                                         monkeypatch):
    def full(*args, **kwargs):
        raise duckdb.IOException("IO Error: Could not write file: No space left on device")

    monkeypatch.setattr(publisher, "publish_campaign", full)
    result, before, after = _refused(tiny_db, version_b(tmp_path / "b"), "en")
    assert (result.exit_code, after, leftovers(tiny_db)) == (2, before, [])
    assert result.stderr.strip() == (
        f"Not imported, the data is as it was: the disk holding '{tiny_db}' is full; the "
        f"partial copy was removed. Free some space and import again.")


def test_a_lock_held_by_another_import_says_for_whom_it_waits(tiny_db: Path, tmp_path):
    source = version_b(tmp_path / "b")
    user, pid = getpass.getuser(), os.getpid()
    with writer_lock(tiny_db, file_name="khen_thuong.xlsx"):
        vi, before, after = _refused(tiny_db, source, THIDUA_LOCK_TIMEOUT_S="0.3")
        en, _, _ = _refused(tiny_db, source, "en", THIDUA_LOCK_TIMEOUT_S="0.3")
    assert (vi.exit_code, en.exit_code, after) == (2, 2, before)
    assert vi.stderr.splitlines() == [
        f"Đang chờ lần nhập «khen_thuong.xlsx» của người dùng {user} (pid {pid}) xong…",
        f"Chưa nhập được, dữ liệu cũ vẫn nguyên vẹn: lần nhập «khen_thuong.xlsx» của người "
        f"dùng {user} (pid {pid}) vẫn chưa xong sau 0,3 giây. Hãy thử lại khi lần nhập đó kết "
        f"thúc."]
    assert en.stderr.splitlines() == [
        f"Waiting for the import of 'khen_thuong.xlsx' by user {user} (pid {pid})…",
        f"Not imported, the data is as it was: the import of 'khen_thuong.xlsx' by user {user} "
        f"(pid {pid}) was still running after 0.3 seconds. Try again when it has finished."]
    again = runner.invoke(app, ["load", str(source), "--db", str(tiny_db)])
    assert again.exit_code == 0, again.output  # the lock, once free, holds no one's name


def test_a_csv_field_over_the_csv_limit_is_a_message(tiny_db: Path, tmp_path, monkeypatch):
    def too_long(path, *args, **kwargs):
        raise csv.Error(f"field larger than field limit ({csv.field_size_limit()})")

    old_numbers = numbers(tiny_db)
    monkeypatch.setattr(loader, "read_source", too_long)
    result, before, after = _refused(tiny_db, version_b(tmp_path / "b"), "en")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"Cannot import: the file 'b' holds a cell longer than "
        f"{formats.count(csv.field_size_limit(), 'en')} characters (Excel allows 32,767), it "
        f"cannot be read.")
    assert after != before  # the attempt is recorded in imports, the data is untouched
    assert numbers(tiny_db) == old_numbers
