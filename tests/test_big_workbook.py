"""A workbook read in bounded batches of rows, and the upload child's memory limit (issue 9).

The batches must not change what an import says: the same issues at the same sheet rows and
columns whatever the batch size. A million-row workbook (``tests/bigbook``, built once per
session) imports through the same child process the import page uses; a child that runs out of
its memory limit yields the memory sentence at once.
"""

from __future__ import annotations

import xlsxwriter

from tests.bigbook import BIG_STAFF, write_big_workbook
from tests.conftest import read_tiny
from thidua.contract import reference as ref
from thidua.ingest import sheet
from thidua.ingest.load import load
from thidua.ingest.sandbox import load_isolated
from thidua.store.database import connect_read_only

import pytest


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
