"""A workbook read in bounded batches of rows, and the upload child's memory limit (issue 9).

The batches must not change what an import says: the same issues at the same sheet rows and
columns whatever the batch size. A million-row workbook (``tests/bigbook``, built once per
session) imports through the same child process the import page uses; a child that runs out of
its memory limit yields the memory sentence at once.
"""

from __future__ import annotations

import errno

import pytest
import xlsxwriter

from tests.bigbook import BIG_STAFF, write_big_workbook
from tests.conftest import TINY, read_tiny
from thidua.contract import reference as ref
from thidua.ingest import sheet
from thidua.ingest.load import load
from thidua.ingest.sandbox import load_isolated
from thidua.store.database import connect_read_only


@pytest.fixture(scope="session")
def big_workbook(tmp_path_factory):
    """The tiny campaign with a million generated staff rows, written once per session."""
    return write_big_workbook(tmp_path_factory.mktemp("big") / "big.xlsx")


def _marked_workbook(path):
    """The tiny campaign, its staff sheet with an error value, a formula without a saved value
    and a row without a code below the tiny staff (rows 2.. are the tiny staff)."""
    tiny = read_tiny()
    book = xlsxwriter.Workbook(str(path))
    for table in ref.TABLES:
        ws = book.add_worksheet(table.label_vi)
        names = [c.name for c in table.columns]
        ws.write_row(0, 0, [c.label_vi for c in table.columns])
        for r, row in enumerate(tiny[table.name], start=1):
            ws.write_row(r, 0, [row.get(name) or None for name in names])
        if table.name == "staff":
            r = len(tiny["staff"]) + 1
            unit = tiny["units"][0]["unit_code"]
            ws.write_row(r, 0, ["X001", "Lê Thị Lỗi", unit, "Chuyên viên", "Công chức", "Nữ"])
            ws.write_formula(r, 3, "=1/0", None, "#DIV/0!")
            ws.write_row(r + 1, 0, ["X002", "Trần Văn Công Thức", unit])
            ws.write_formula(r + 1, 3, "=A1&B1", None, "")
            ws.write_row(r + 2, 1, ["Người lập biểu"])
    book.close()
    return path


def _said(outcome) -> list[tuple]:
    return [(i.severity, i.code, i.origin, i.row, i.column, i.value)
            for i in outcome.errors + outcome.warnings]


def test_batches_change_nothing_an_import_says(tmp_path, monkeypatch):
    path = _marked_workbook(tmp_path / "marked.xlsx")
    whole = load(path, tmp_path / "whole.duckdb", "en")
    monkeypatch.setattr(sheet, "BATCH_ROWS", 2)
    batched = load(path, tmp_path / "batched.duckdb", "en")
    assert _said(batched) == _said(whole)
    staff_rows = len(read_tiny()["staff"])
    said = _said(whole)
    assert ("warning", "skipped_row", "Cán bộ", staff_rows + 4, None, "Người lập biểu") in said
    marked = {(code, row, column) for _s, code, origin, row, column, _v in said
              if origin == "Cán bộ" and code != "skipped_row"}
    assert {(row, column) for _code, row, column in marked} >= {
        (staff_rows + 2, "position"), (staff_rows + 3, "position")}, said
    assert batched.outcome == whole.outcome


@pytest.mark.parametrize(("lang", "sentence"), [
    ("vi", "Tệp «tiny.xlsx» cần nhiều bộ nhớ hơn mức một lần nhập được dùng (128 MB). Chưa ghi "
           "gì vào cơ sở dữ liệu. Hãy gửi các bảng dưới dạng thư mục tệp CSV (mỗi trang tính "
           "một tệp), hoặc đề nghị quản trị viên nâng thiết lập THIDUA_IMPORT_MEMORY_MB."),
    ("en", "The file 'tiny.xlsx' needs more memory than an import may use (128 MB). Nothing was "
           "written. Send its tables as a folder of CSV files (one file per sheet), or ask the "
           "administrator to raise the setting THIDUA_IMPORT_MEMORY_MB."),
])
def test_a_child_out_of_its_memory_limit_says_so(tiny_workbook, db_path, monkeypatch, lang,
                                                 sentence):
    monkeypatch.setenv("THIDUA_IMPORT_MEMORY_MB", "128")  # less than DuckDB needs to start
    outcome = load_isolated(tiny_workbook, db_path, lang)
    assert (outcome.outcome, outcome.exit_code, outcome.message) == ("unreadable", 2, sentence)
    assert [i.code for i in outcome.errors] == ["unreadable_isolated"]


def _raised(exc: BaseException, inside: BaseException | None = None) -> BaseException:
    """``exc`` as raised, with ``inside`` as its context (raised while handling it)."""
    try:
        try:
            if inside is not None:
                raise inside
        finally:
            raise exc
    except BaseException as caught:  # the test wants it whatever it is
        return caught


@pytest.mark.parametrize(("exc", "memory"), [
    (MemoryError(), True),
    (OSError(errno.ENOMEM, "Cannot allocate memory"), True),  # os.scandir at the limit (CI)
    (_raised(RuntimeError("reader failed"), MemoryError()), True),
    (RuntimeError("can't start new thread"), True),  # its stack did not fit
    (OSError(errno.EACCES, "Permission denied"), False),
    (ValueError("bad cell"), False),
])
def test_a_child_tells_a_failed_allocation_from_a_crash(exc, memory):
    """Under its address-space limit the child's allocations fail in several shapes; each is
    "needs more memory" (what to do instead), anything else a crash."""
    from thidua.ingest.sandbox import _out_of_memory

    assert _out_of_memory(exc) is memory


def test_a_million_row_workbook_imports_through_the_upload_child(big_workbook, tmp_path):
    db, read = tmp_path / "big.duckdb", []
    outcome = load_isolated(big_workbook, db, "en", on_rows=read.append)
    assert (outcome.outcome, outcome.exit_code, outcome.error_count) == ("imported", 0, 0), \
        outcome.message
    tiny = read_tiny()
    assert outcome.rows["staff"] == BIG_STAFF + len(tiny["staff"])
    data_rows = BIG_STAFF + sum(len(rows) for rows in tiny.values())
    assert read == sorted(read) and read[-1] == data_rows  # heard batch by batch, to the end
    assert read[2] - read[1] == sheet.BATCH_ROWS  # staff: a batch of rows at a time
    assert len(read) > BIG_STAFF // sheet.BATCH_ROWS  # once per batch, not once at the end
    con = connect_read_only(db)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT unit_code) FROM staff WHERE "
                           "staff_code LIKE 'GS%'").fetchone() == (BIG_STAFF, len(tiny["units"]))
        assert con.execute("SELECT full_name, gender FROM staff WHERE staff_code = 'GS0999999'"
                           ).fetchone() == ("Nguyễn Văn 999999", "Nam")
    finally:
        con.close()


def test_a_child_out_of_its_memory_limit_says_so_at_once(big_workbook, tmp_path, monkeypatch):
    """700 MB imports the tiny campaign but not a million rows: the reader's failed allocation
    aborts the child, which is seen when it dies and named as the memory it needed."""
    monkeypatch.setenv("THIDUA_IMPORT_MEMORY_MB", "700")
    assert load_isolated(TINY, tmp_path / "tiny.duckdb").outcome == "imported"
    db = tmp_path / "big.duckdb"
    outcome = load_isolated(big_workbook, db, "vi")
    assert (outcome.outcome, outcome.exit_code, outcome.message) == ("unreadable", 2, (
        "Tệp «big.xlsx» cần nhiều bộ nhớ hơn mức một lần nhập được dùng (700 MB). Chưa ghi gì "
        "vào cơ sở dữ liệu. Hãy gửi các bảng dưới dạng thư mục tệp CSV (mỗi trang tính một "
        "tệp), hoặc đề nghị quản trị viên nâng thiết lập THIDUA_IMPORT_MEMORY_MB."))
    english = load_isolated(big_workbook, db, "en", max_memory_mb=700)
    assert english.message.startswith("The file 'big.xlsx' needs more memory than an import "
                                      "may use (700 MB). Nothing was written. Send its tables "
                                      "as a folder of CSV files")
    con = connect_read_only(db)
    try:
        assert con.execute("SELECT count(*) FROM staff").fetchone() == (0,)
        assert [row[0] for row in con.execute("SELECT outcome FROM imports").fetchall()] == [
            "unreadable", "unreadable"]
    finally:
        con.close()
