"""One import = one campaign, replaced as one step (DATA_CONTRACT sections 1, 4 and 5).

Loading the same file again changes nothing; a new version of a campaign replaces that campaign
only; the nomination history is the one thing that accumulates across imports; every attempt,
whatever its outcome, is a row of ``imports``; and a failure half-way through publishing leaves
the database file exactly as it was.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest

from tests import expected
from tests.conftest import TINY, read_tiny, write_workbook
from tests.variants import clean_sheets, imports, snapshot, with_campaign, write_sheets
from thidua.ingest import publish as publisher
from thidua.ingest.load import file_sha256, load
from thidua.metrics.summary import build_summary
from thidua.store.database import connect_read_only
from thidua.store.sql import fetch_rows

TODAY = dt.date(2026, 11, 24)
TINY_ROWS = {"campaigns": 1, "units": 3, "staff": 6, "criteria": 4, "registrations": 7,
             "evaluations": 25, "nominations": 3, "nomination_events": 6}


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def without_cb06(tables):
    """The tiny campaign with one staff member fewer (CB06 of BTCD, who never registered)."""
    tables = copy.deepcopy(tables)
    tables["staff"] = [r for r in tables["staff"] if r["staff_code"] != "CB06"]
    return tables


def summary(db: Path, campaign: str | None = None, **kwargs) -> dict:
    con = connect_read_only(db)
    try:
        return build_summary(con, campaign, **kwargs)
    finally:
        con.close()


def test_same_file_again_is_unchanged(tmp_path, db_path):
    book = write_workbook(tmp_path / "tiny.xlsx", read_tiny())
    first = load(book, db_path)
    assert (first.outcome, first.exit_code, first.rows) == ("imported", 0, TINY_ROWS)
    before = snapshot(db_path)
    again = load(book, db_path)
    assert (again.outcome, again.exit_code, again.campaign_code, again.rows, again.errors) == (
        "unchanged", 0, "TD25", {}, [])
    assert snapshot(db_path) == before
    assert [(a["import_id"], a["outcome"], a["sha256"]) for a in imports(db_path)] == [
        (1, "imported", sha256_of(book)), (2, "unchanged", sha256_of(book))]


def test_same_folder_again_is_unchanged(db_path):
    assert load(TINY, db_path).outcome == "imported"
    before = snapshot(db_path)
    assert load(TINY, db_path).outcome == "unchanged"
    assert snapshot(db_path) == before
    assert [a["outcome"] for a in imports(db_path)] == ["imported", "unchanged"]


def test_new_version_replaces_its_campaign_only(tmp_path, db_path):
    tables = read_tiny()
    other = write_workbook(tmp_path / "td26.xlsx", with_campaign(tables, "TD26"))
    assert load(other, db_path).outcome == "imported"
    assert load(TINY, db_path).outcome == "imported"
    td26 = snapshot(db_path, "TD26")
    assert [r[1] for r in td26["staff"]] == ["CB01", "CB02", "CB03", "CB04", "CB05", "CB06"]

    smaller = write_workbook(tmp_path / "td25_v2.xlsx", without_cb06(tables))
    result = load(smaller, db_path)
    assert (result.outcome, result.rows) == ("imported", {**TINY_ROWS, "staff": 5})

    td25 = snapshot(db_path, "TD25")
    assert [r[1] for r in td25["staff"]] == ["CB01", "CB02", "CB03", "CB04", "CB05"]
    assert [len(rows) for rows in td25.values()] == [1, 3, 5, 4, 7, 25, 3, 10]
    assert td25["campaigns"][0][-1] == 3  # the import that last replaced it
    assert snapshot(db_path, "TD26") == td26
    assert summary(db_path, "TD25", today=TODAY) == {
        **expected.SUMMARY_DEFAULT,
        "staff_total": 5, "staff_registered": 5, "staff_participation_pct": 100.0,
        "units": [expected.unit("BTCD", 0, 0, 0, 0, None, 0, 0, None, None),
                  *expected.SUMMARY_DEFAULT["units"][1:]],
    }
    assert summary(db_path, "TD26", today=TODAY) == {**expected.SUMMARY_DEFAULT,
                                                      "campaign_code": "TD26"}


def test_earlier_file_again_after_a_newer_version_is_imported(tmp_path, db_path):
    tables = read_tiny()
    old = write_workbook(tmp_path / "v1.xlsx", tables)
    new = write_workbook(tmp_path / "v2.xlsx", without_cb06(tables))
    assert [load(p, db_path).outcome for p in (old, new, old)] == [
        "imported", "imported", "imported"]
    assert summary(db_path, today=TODAY) == expected.SUMMARY_DEFAULT


def status_as_of(db: Path, day: str) -> dict[str, str]:
    con = connect_read_only(db)
    try:
        rows = fetch_rows(con, "metrics/nomination_status_as_of", campaign_code="TD25",
                          as_of=dt.date.fromisoformat(day), unit_codes=None)
    finally:
        con.close()
    return {r["nomination_code"]: r["status_as_of"] for r in rows}


def test_nomination_history_accumulates(tmp_path, db_path):
    assert load(TINY, db_path).outcome == "imported"
    tables = read_tiny()
    tables["nomination_events"] = [r for r in tables["nomination_events"]
                                   if r["nomination_code"] != "HS02"]
    tables["nominations"][1].update(status="da_trinh", status_date="2026-02-20")
    result = load(write_workbook(tmp_path / "td25_later.xlsx", tables), db_path)
    assert (result.outcome, result.rows["nomination_events"]) == ("imported", 5)

    history = snapshot(db_path)["nomination_events"]
    assert sorted((r[2], str(r[3]), r[5], r[6]) for r in history if r[1] == "HS02") == [
        ("da_trinh", "2026-02-20", "status", 2),
        ("de_xuat", "2026-01-30", "proposal", 1),
        ("hoi_dong", "2026-02-05", "event", 1),  # from the first import only
    ]
    assert len(history) == 11  # the first import's 10 entries and HS02's new status
    assert status_as_of(db_path, "2026-02-10") == {
        "HS01": "da_trinh", "HS02": "hoi_dong", "HS03": "de_xuat"}
    assert status_as_of(db_path, "2026-02-20") == {
        "HS01": "da_trinh", "HS02": "da_trinh", "HS03": "de_xuat"}
    assert summary(db_path, as_of=dt.date(2026, 2, 10))["nominations_by_status"] == {
        **expected.STATUS_ZEROS, "de_xuat": 1, "hoi_dong": 1, "da_trinh": 1}


def test_imports_records_every_attempt(tmp_path, db_path):
    tables = read_tiny()
    bad_tables = copy.deepcopy(tables)
    bad_tables["staff"][4]["unit_code"] = "XYZ"
    bad = write_workbook(tmp_path / "bad.xlsx", bad_tables)
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    smaller = write_workbook(tmp_path / "smaller.xlsx", without_cb06(tables))
    # A rejected file is checked again (and rejected again), never "unchanged"; the first
    # file after a newer version of its campaign is imported again.
    attempts = [(TINY, "imported"), (TINY, "unchanged"), (bad, "rejected"), (bad, "rejected"),
                (empty, "unreadable"), (smaller, "imported"), (TINY, "imported")]
    assert [load(path, db_path).outcome for path, _ in attempts] == [o for _, o in attempts]

    rows = imports(db_path)
    assert all(re.fullmatch(r"[0-9a-f]{64}", r["sha256"]) for r in rows)
    assert [(r["import_id"], r["campaign_code"], r["file_name"], r["sha256"], r["outcome"],
             json.loads(r["rows_per_table"]), r["error_count"], r["warning_count"])
            for r in rows] == [
        (1, "TD25", "tiny", file_sha256(TINY), "imported", TINY_ROWS, 0, 0),
        (2, "TD25", "tiny", file_sha256(TINY), "unchanged", {}, 0, 0),
        (3, "TD25", "bad.xlsx", sha256_of(bad), "rejected", TINY_ROWS, 1, 0),
        (4, "TD25", "bad.xlsx", sha256_of(bad), "rejected", TINY_ROWS, 1, 0),
        (5, None, "empty.xlsx", hashlib.sha256(b"").hexdigest(), "unreadable", {}, 1, 0),
        (6, "TD25", "smaller.xlsx", sha256_of(smaller), "imported", {**TINY_ROWS, "staff": 5},
         0, 0),
        (7, "TD25", "tiny", file_sha256(TINY), "imported", TINY_ROWS, 0, 0),
    ]
    assert json.loads(rows[2]["errors"]) == [{
        "sheet": "Cán bộ", "table": "staff", "row": 6, "column": "Mã đơn vị", "value": "XYZ",
        "code": "unknown_reference",
        "message": "Trang «Cán bộ», dòng 6, cột «Mã đơn vị»: mã «XYZ» không có trong trang "
                   "«Đơn vị»"}]
    assert rows[3]["errors"] == rows[2]["errors"]
    assert json.loads(rows[4]["errors"]) == [{
        "sheet": "empty.xlsx", "table": None, "row": None, "column": None,
        "value": "Tệp «empty.xlsx» rỗng, không có dữ liệu.", "code": "unreadable_empty",
        "message": "Tệp «empty.xlsx»: Tệp «empty.xlsx» rỗng, không có dữ liệu."}]
    assert [json.loads(r["warnings"]) for r in rows] == [[]] * 7


def test_warnings_are_recorded_with_the_import(tmp_path, db_path):
    sheets = clean_sheets(read_tiny())
    sheets[1].rows[0].append("Ghi chú nội bộ")
    result = load(write_sheets(tmp_path / "extra.xlsx", sheets), db_path)
    assert (result.outcome, result.warning_count) == ("imported", 1)
    assert json.loads(imports(db_path)[0]["warnings"]) == [{
        "sheet": "Đơn vị", "table": "units", "row": 1, "column": "Ghi chú nội bộ", "value": None,
        "code": "unknown_column",
        "message": "Trang «Đơn vị», dòng 1, cột «Ghi chú nội bộ»: cột «Ghi chú nội bộ» không "
                   "thuộc mẫu, đã bỏ qua"}]


def test_failure_while_publishing_leaves_the_file_as_it_was(tmp_path, db_path, monkeypatch):
    assert load(TINY, db_path).outcome == "imported"
    before = snapshot(db_path)
    publish = publisher.publish_campaign

    def publish_then_fail(con, campaign_code, import_id):
        publish(con, campaign_code, import_id)  # the old rows are gone in the private copy
        raise RuntimeError("disk full")

    monkeypatch.setattr(publisher, "publish_campaign", publish_then_fail)
    smaller = write_workbook(tmp_path / "smaller.xlsx", without_cb06(read_tiny()))
    with pytest.raises(RuntimeError, match="disk full"):
        load(smaller, db_path)
    assert snapshot(db_path) == before
    assert [a["outcome"] for a in imports(db_path)] == ["imported"]
    assert sorted(p.name for p in db_path.parent.iterdir()) == [
        "smaller.xlsx", "thidua.duckdb", "thidua.duckdb.lock"]
