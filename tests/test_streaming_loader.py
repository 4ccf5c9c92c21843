"""The rules of the contract hold at every size: the same cases on the tiny fixture and on the
tiny fixture embedded below 150,000 generated valid rows (issue 10, the streaming loader).

CSV and Parquet rows go straight into DuckDB (``ingest.body``), so a rule written for one size
and not the other (a row number counted in Python, a cap applied after a fetch, a blank line
DuckDB drops, a rewrite for another encoding) shows as a case that passes small and fails
large. The large folder is built once per session with DuckDB: 250 units, 25,000 staff and their
registrations, 100,000 evaluations, then the tiny fixture's rows (changed by the case) below
them; every expected row number is the tiny row's plus the generated rows above it.
"""

from __future__ import annotations

import copy
import csv
import functools
import io
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from tests.conftest import read_tiny
from tests.variants import to_cp1258_form
from thidua.contract import reference as ref
from thidua.ingest.load import load
from thidua.ingest.messages import issue_message

SIZES = ("small", "large")
GENERATED = {  # table -> SQL of its generated rows, in the tiny fixture's columns
    "units": "select 'GU' || lpad(i::varchar, 4, '0'), 'Đơn vị sinh ' || i, 'Phòng' "
             "from range(250) t(i)",
    "staff": "select 'GS' || lpad(i::varchar, 6, '0'), 'Nguyễn Văn ' || i, "
             "'GU' || lpad((i % 250)::varchar, 4, '0'), 'Chuyên viên', 'Công chức', "
             "case when i % 2 = 0 then 'Nữ' else 'Nam' end from range(25000) t(i)",
    "registrations": "select 'Cá nhân', 'GS' || lpad(i::varchar, 6, '0'), '15/10/2025', "
                     "null from range(25000) t(i)",
    "evaluations": "select p, 'Cá nhân', 'GS' || lpad(i::varchar, 6, '0'), c, "
                   "case when i % 7 = 0 then 'Không đạt' else 'Đạt' end, 80 + i % 20, null "
                   "from range(25000) t(i), (values ('CN1'), ('CN2')) a(c), "
                   "(values ('2025-11'), ('2025-12')) b(p)",
}


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> dict[str, bytes]:
    """table -> its generated rows as UTF-8 CSV lines (no header), written by DuckDB."""
    folder = tmp_path_factory.mktemp("generated")
    con = duckdb.connect()
    out = {}
    for table, query in GENERATED.items():
        path = folder / f"{table}.csv"
        con.execute(f"copy ({query}) to '{path}' (header false, delimiter ',')")
        out[table] = path.read_bytes()
    con.close()
    return out


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def write_folder(folder: Path, tables: dict, size: str, generated: dict[str, bytes],
                 encode: Callable[[str], bytes] = lambda s: s.encode("utf-8"),
                 blank_line_in: str | None = None) -> Path:
    """Every table as ``<table>.csv``: the header, the generated rows (large), the tiny rows;
    ``blank_line_in`` puts a blank line just above that table's tiny rows."""
    folder.mkdir(parents=True)
    for table in ref.TABLES:
        names = [c.name for c in table.columns]
        head = _csv([names])
        above = generated.get(table.name, b"").decode("utf-8") if size == "large" else ""
        if table.name == blank_line_in:
            above += "\n"
        rows = _csv([[row.get(n) or "" for n in names] for row in tables[table.name]])
        (folder / f"{table.name}.csv").write_bytes(encode(head + above + rows))
    return folder


def offset(table: str, size: str, blank_line_in: str | None = None) -> int:
    """Rows above the tiny rows below the header: the generated ones (large), a blank line."""
    generated = 0
    if size == "large" and table in GENERATED:
        generated = {"units": 250, "staff": 25000, "registrations": 25000,
                     "evaluations": 100000}[table]
    return generated + (table == blank_line_in)


def tiny_row(table: str, index: int, size: str, blank_line_in: str | None = None) -> int:
    """The row number the user sees of the tiny fixture's row ``index`` of ``table``."""
    return 2 + offset(table, size, blank_line_in) + index


@pytest.fixture(params=SIZES)
def size(request) -> str:
    return request.param


def _load(tmp_path: Path, size: str, generated, change=None, **options):
    tables = copy.deepcopy(read_tiny())
    if change:
        change(tables)
    folder = write_folder(tmp_path / "src", tables, size, generated, **options)
    return load(folder, tmp_path / "thidua.duckdb", "en")


def located(result, code: str) -> list[tuple]:
    return [(i.origin, i.row, i.column, i.value) for i in result.errors + result.warnings
            if i.code == code]


def test_a_clean_folder_imports_every_row(tmp_path, size, generated):
    result = _load(tmp_path, size, generated)
    assert (result.outcome, result.error_count, result.warning_count) == ("imported", 0, 0)
    tiny = read_tiny()
    assert result.rows == {t.name: len(tiny[t.name]) + offset(t.name, size)
                           for t in ref.TABLES}


CASES = {
    "unknown_reference": (lambda t: t["staff"][1].update(unit_code="XX"),
                          ("staff.csv", ("staff", 1), "unit_code", "XX")),
    "bad_date": (lambda t: t["registrations"][2].update(registered_on="31/02/2025"),
                 ("registrations.csv", ("registrations", 2), "registered_on", "31/02/2025")),
    "required": (lambda t: t["units"][1].update(unit_name="  \u00a0 "),
                 ("units.csv", ("units", 1), "unit_name", None)),
    "bad_result": (lambda t: t["evaluations"][3].update(result="Tốt"),
                   ("evaluations.csv", ("evaluations", 3), "result", "Tốt")),
    "unplain_code": (lambda t: t["staff"][0].update(staff_code="CB\u202e01"),
                     ("staff.csv", ("staff", 0), "staff_code", "CB\u202e01")),
    "too_long": (lambda t: t["staff"][2].update(full_name="Nguyễn " * 5000),
                 ("staff.csv", ("staff", 2), "full_name", "Nguyễn " * 5 + "Nguyễ…")),
    "error_value": (lambda t: t["evaluations"][0].update(note=" #N/A "),
                    ("evaluations.csv", ("evaluations", 0), "note", "#N/A")),
}


@pytest.mark.parametrize("case", CASES)
def test_a_rule_names_the_same_place_at_every_size(tmp_path, size, generated, case):
    change, (origin, (table, index), column, value) = CASES[case]
    result = _load(tmp_path, size, generated, change)
    assert located(result, case) == [(origin, tiny_row(table, index, size), column, value)]
    assert result.outcome == ("imported" if case == "error_value" else "rejected")


def test_a_duplicate_names_both_rows(tmp_path, size, generated):
    result = _load(tmp_path, size, generated,
                   lambda t: t["evaluations"].append(dict(t["evaluations"][4])))
    [issue] = [i for i in result.errors if i.code == "duplicate_key"]
    n = len(read_tiny()["evaluations"])
    assert (issue.row, issue.detail) == (tiny_row("evaluations", n, size),
                                         str(tiny_row("evaluations", 4, size)))


def test_signature_rows_are_skipped_listed_and_capped(tmp_path, size, generated):
    """25 key-less rows under the table: the first 20 listed, then one 'and 5 more'."""
    def change(tables):
        tables["staff"] += [{"full_name": f"Người lập biểu {k}"} for k in range(25)]

    result = _load(tmp_path, size, generated, change)
    assert result.outcome == "imported"
    skipped = [i for i in result.warnings if i.code == "skipped_row"]
    first = tiny_row("staff", len(read_tiny()["staff"]), size)
    assert [(i.origin, i.row, i.value) for i in skipped] == [
        ("staff.csv", first + k, f"Người lập biểu {k}") for k in range(20)]
    [more] = [i for i in result.warnings if i.code == "more_issues"]
    assert (more.value, more.detail, more.table) == ("5", "skipped_row", "staff")


def test_a_blank_line_counts_as_a_row(tmp_path, size, generated):
    """DuckDB drops blank lines; the loader keeps the user's row numbers below one."""
    result = _load(tmp_path, size, generated,
                   lambda t: t["evaluations"][2].update(criterion_code="ZZ"),
                   blank_line_in="evaluations")
    assert located(result, "unknown_reference") == [
        ("evaluations.csv", tiny_row("evaluations", 2, size, "evaluations"), "criterion_code",
         "ZZ")]
    assert result.rows["evaluations"] == 0 or result.outcome == "rejected"


@functools.cache
def cp1258_char(ch: str) -> str:
    return to_cp1258_form(ch)


def test_windows_1258_with_its_lost_byte(tmp_path, size, generated):
    """Windows-1258 is rewritten as UTF-8 streaming; a byte it has no character for is named
    at its row, at every size."""
    def encode(text: str) -> bytes:
        data = "".join(map(cp1258_char, text)).encode("cp1258")
        return data.replace(b"BKCT", b"BK\x81T")  # 0x81 has no character in Windows-1258

    result = _load(tmp_path, size, generated, encode=encode)
    undecodable = [(i.origin, i.row, i.column) for i in result.errors if i.code == "undecodable"]
    rows = [i for i, row in enumerate(read_tiny()["nominations"]) if row["award_code"] == "BKCT"]
    assert undecodable == [("nominations.csv", tiny_row("nominations", i, size), "award_code")
                           for i in rows]
    assert all(issue_message(i, "en") for i in result.errors)


def test_parquet_keeps_real_dates_and_whole_numbers(tmp_path, size, generated):
    """A Parquet table goes through DuckDB too: real DATE cells, whole-number doubles."""
    src = write_folder(tmp_path / "src", read_tiny(), size, generated)
    csv_path = src / "evaluations.csv"
    con = duckdb.connect()
    con.execute(f"copy (select * replace (cast(score as double) as score) from read_csv("
                f"'{csv_path}', all_varchar = true)) to '{src / 'evaluations.parquet'}'")
    con.execute(f"copy (select * replace (coalesce(try_strptime(registered_on, '%Y-%m-%d'), "
                f"strptime(registered_on, '%d/%m/%Y'))::date as registered_on) from "
                f"read_csv('{src / 'registrations.csv'}', all_varchar = true)) to "
                f"'{src / 'registrations.parquet'}'")
    con.close()
    csv_path.unlink()
    (src / "registrations.csv").unlink()
    result = load(src, tmp_path / "thidua.duckdb", "en")
    assert (result.outcome, result.error_count) == ("imported", 0), result.errors[:3]
    assert result.rows["evaluations"] == len(read_tiny()["evaluations"]) + offset(
        "evaluations", size)
    con = duckdb.connect(str(tmp_path / "thidua.duckdb"), read_only=True)
    scores = con.execute("select score from evaluations where subject_code = 'KT' "
                         "order by period, criterion_code").fetchall()
    con.close()
    assert scores[0] == (90.0,)
