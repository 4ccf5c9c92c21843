"""Nothing lost by a valid-looking import: kept versions, restore, and mass removal confirmed.

Every import that changes the data keeps the file it replaced in ``<db>.versions/``;
``thidua imports`` lists them and ``thidua restore ID`` puts one back (itself kept as a version,
recorded in ``imports``). An import that would remove most of a campaign's rows from a table of
20 rows or more is refused with exit code 3 until ``--replace-all`` confirms it.
"""

from __future__ import annotations

import errno
import hashlib
import shutil
import types
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import TINY
from tests.variants import imports, snapshot
from thidua.cli import app
from thidua.ingest.load import load, restore_version
from thidua.ingest.publish import Removal
from thidua.store import versions

runner = CliRunner()


def with_cb07(folder: Path) -> Path:
    """The tiny campaign with a seventh staff member."""
    shutil.copytree(TINY, folder)
    with open(folder / "staff.csv", "a", encoding="utf-8", newline="") as handle:
        handle.write("CB07,Vũ Thị Hoa,TH,Chuyên viên,Công chức,Nữ\n")
    return folder


def with_evaluations(folder: Path, keep: int) -> Path:
    """The tiny campaign with only the first ``keep`` of its 25 evaluations."""
    shutil.copytree(TINY, folder)
    lines = (TINY / "evaluations.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "evaluations.csv").write_text("".join(lines[:1 + keep]), encoding="utf-8")
    return folder


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def staff_count(db: Path) -> int:
    return len(snapshot(db)["staff"])


def cells(text: str) -> list[list[str]]:
    return [[c.strip() for c in line.split("│")[1:-1]]
            for line in text.splitlines() if line.startswith("│")]


def kept(db: Path) -> list[tuple]:
    return [(v.version_id, v.file_name, v.campaign_code, v.outcome, v.import_id,
             v.restored_from) for v in versions.list_versions(db)]


def test_an_import_keeps_the_file_it_replaces_and_restore_puts_it_back(tiny_db, tmp_path):
    empty = runner.invoke(app, ["imports", "--db", str(tiny_db), "--lang", "en"])
    assert (empty.exit_code, empty.stdout.strip()) == (
        0, f"No version of '{tiny_db}' is kept yet.")
    b = with_cb07(tmp_path / "b")
    assert load(b, tiny_db).outcome == "imported"
    assert load(b, tiny_db).outcome == "unchanged"  # no change: no version
    assert load(tmp_path / "missing", tiny_db).outcome == "unreadable"
    assert kept(tiny_db) == [(1, "b", "TD25", "imported", 2, None)]
    listed = runner.invoke(app, ["imports", "--db", str(tiny_db), "--lang", "en"])
    assert listed.exit_code == 0
    saved = versions.list_versions(tiny_db)[0].saved_at.replace("T", " ")
    assert cells(listed.stdout) == [["1", saved, "b", "TD25", "import #2"]]
    assert staff_count(tiny_db) == 7

    back = runner.invoke(app, ["restore", "1", "--db", str(tiny_db), "--lang", "en"])
    assert (back.exit_code, back.stdout.strip()) == (0, (
        f"Restored version 1 into '{tiny_db}' (recorded as import #5); the data it replaced "
        f"is kept as version 2."))
    assert staff_count(tiny_db) == 6
    assert [(r["import_id"], r["outcome"]) for r in imports(tiny_db)] == [
        (1, "imported"), (5, "restored")]
    assert kept(tiny_db) == [(2, None, None, "restored", 5, 1),
                             (1, "b", "TD25", "imported", 2, None)]
    again = runner.invoke(app, ["restore", "2", "--db", str(tiny_db)])
    assert again.exit_code == 0, again.output
    assert staff_count(tiny_db) == 7
    assert [r["import_id"] for r in imports(tiny_db)][-1] == 6
    vi = runner.invoke(app, ["imports", "--db", str(tiny_db)])
    assert [row[0::2] for row in cells(vi.stdout)] == [
        ["3", "", "khôi phục phiên bản 2"], ["2", "", "khôi phục phiên bản 1"],
        ["1", "b", "lần nhập #2"]]


def test_restoring_an_unknown_version_is_refused(tiny_db):
    before = snapshot(tiny_db)
    result = runner.invoke(app, ["restore", "9", "--db", str(tiny_db), "--lang", "en"])
    assert (result.exit_code, result.stderr.strip()) == (
        2, f"There is no version 9 of '{tiny_db}' (see 'thidua imports').")
    assert snapshot(tiny_db) == before


def test_restore_refuses_a_read_only_database(tiny_db, tmp_path):
    load(with_cb07(tmp_path / "b"), tiny_db)
    tiny_db.chmod(0o444)
    outcome = restore_version(1, tiny_db, "en")
    assert (outcome.outcome, outcome.exit_code, outcome.message) == ("failed", 2, (
        f"the database file '{tiny_db}' is read-only, so it was not replaced. Make it writable "
        f"(or choose another file with --db) and import again."))
    assert staff_count(tiny_db) == 7


def test_only_the_last_versions_are_kept(tiny_db, tmp_path, monkeypatch):
    monkeypatch.setenv("THIDUA_KEEP_VERSIONS", "2")
    b = with_cb07(tmp_path / "b")
    for source in (b, TINY, b, TINY):
        assert load(source, tiny_db).outcome == "imported"
    assert kept(tiny_db) == [(4, "tiny", "TD25", "imported", 5, None),
                             (3, "b", "TD25", "imported", 4, None)]
    assert sorted(p.name.split("_")[0] for p in versions.versions_dir(tiny_db).iterdir()) == [
        "3", "3", "4", "4"]


def test_an_import_that_empties_the_evaluations_needs_confirmation(tiny_db, tmp_path):
    source = with_evaluations(tmp_path / "b", keep=0)
    before = snapshot(tiny_db)
    refused = runner.invoke(app, ["load", str(source), "--db", str(tiny_db)])
    assert refused.exit_code == 3
    assert refused.stderr.splitlines() == [
        "Chưa nhập «b»: lần nhập này sẽ xoá phần lớn dữ liệu của đợt «TD25» — bảng «Đánh giá» "
        "từ 25 dòng còn 0 dòng. Dữ liệu cũ vẫn nguyên vẹn.",
        "Nếu đúng là muốn thay toàn bộ, nhập lại với --replace-all."]
    assert snapshot(tiny_db) == before
    assert imports(tiny_db)[-1]["outcome"] == "needs_confirmation"
    outcome = load(source, tiny_db, "en")
    assert (outcome.outcome, outcome.exit_code, outcome.removals, outcome.message) == (
        "needs_confirmation", 3, [Removal("evaluations", 25, 0)],
        "'b' was not imported: it would remove most of campaign 'TD25''s rows — table "
        "'Evaluations' from 25 rows to 0. The data is as it was.")
    confirmed = runner.invoke(app, ["load", str(source), "--db", str(tiny_db), "--replace-all"])
    assert confirmed.exit_code == 0, confirmed.output
    assert snapshot(tiny_db)["evaluations"] == []


@pytest.mark.parametrize("keep, outcome, removals", [
    (13, "imported", []),  # 12 of 25 removed: not more than half
    (12, "needs_confirmation", [Removal("evaluations", 25, 12)]),
])
def test_more_than_half_is_most(tiny_db, tmp_path, keep, outcome, removals):
    result = load(with_evaluations(tmp_path / "b", keep), tiny_db)
    assert (result.outcome, result.removals) == (outcome, removals)
    assert len(snapshot(tiny_db)["evaluations"]) == (keep if outcome == "imported" else 25)


def _no_links(*args):
    raise OSError(errno.EXDEV, "Invalid cross-device link")


def test_where_links_are_impossible_the_version_is_a_copy(tiny_db, tmp_path, monkeypatch):
    monkeypatch.setattr(versions.os, "link", _no_links)
    before = digest(tiny_db)
    assert load(with_cb07(tmp_path / "b"), tiny_db).outcome == "imported"
    [version] = versions.list_versions(tiny_db)
    copy = versions.version_file(tiny_db, version)
    assert (digest(copy), copy.stat().st_nlink) == (before, 1)


def test_a_version_that_cannot_be_kept_stops_the_import(tiny_db, tmp_path, monkeypatch):
    def disk_full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(versions.os, "link", _no_links)
    monkeypatch.setattr(versions, "shutil", types.SimpleNamespace(copyfile=disk_full))
    before = digest(tiny_db)
    outcome = load(with_cb07(tmp_path / "b"), tiny_db, "en")
    assert (outcome.outcome, outcome.exit_code, outcome.message) == ("failed", 2, (
        f"the disk holding '{tiny_db}' is full; the partial copy was removed. Free some space "
        f"and import again."))
    assert digest(tiny_db) == before
    assert list(versions.versions_dir(tiny_db).iterdir()) == []
    assert sorted(p.name for p in tiny_db.parent.glob(f".{tiny_db.name}.*")) == []


def test_a_restore_is_recorded_in_the_audit_log(tiny_db, tmp_path):
    import getpass

    from thidua.accounts import AuditLog, accounts_path

    load(with_cb07(tmp_path / "b"), tiny_db)
    assert runner.invoke(app, ["restore", "1", "--db", str(tiny_db)]).exit_code == 0
    assert runner.invoke(app, ["restore", "9", "--db", str(tiny_db)]).exit_code == 2
    entries = AuditLog(accounts_path(tiny_db)).entries(event="restore")
    assert [(e["user"], e["details"]) for e in entries] == [
        (getpass.getuser(), {"version": 9, "outcome": "failed"}),
        (getpass.getuser(), {"version": 1, "outcome": "restored"})]
