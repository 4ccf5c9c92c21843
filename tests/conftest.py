"""Shared fixtures: every test builds its own database with the real loader from committed files.

``tiny`` is the hand-checkable campaign in ``tests/fixtures/tiny`` (CSV, one file per table);
``tiny_workbook`` is the same data written as an .xlsx workbook with Vietnamese sheet names and
labels. Expected numbers for both are in ``tests/expected.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
import xlsxwriter

from thidua.contract import reference as ref
from thidua.ingest.load import load
from thidua.store.database import connect_read_only

FIXTURES = Path(__file__).parent / "fixtures"
TINY = FIXTURES / "tiny"


def read_tiny() -> dict[str, list[dict[str, str]]]:
    """The tiny fixture as {table: [row dicts with canonical keys]}."""
    tables = {}
    for table in ref.TABLES:
        with open(TINY / f"{table.name}.csv", encoding="utf-8", newline="") as handle:
            tables[table.name] = list(csv.DictReader(handle))
    return tables


def write_workbook(path: Path, tables: dict[str, list[dict[str, str]]],
                   real_dates: bool = True) -> Path:
    """Write ``tables`` as a clean workbook: Vietnamese sheet names and headers in row 1."""
    workbook = xlsxwriter.Workbook(str(path))
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    for table in ref.TABLES:
        sheet = workbook.add_worksheet(table.label_vi)
        for c, col in enumerate(table.columns):
            sheet.write_string(0, c, col.label_vi)
        for r, row in enumerate(tables[table.name], start=1):
            for c, col in enumerate(table.columns):
                value = row.get(col.name) or ""
                if not value:
                    continue
                if real_dates and col.type == ref.DATE:
                    sheet.write_datetime(r, c, dt.datetime.fromisoformat(value), date_format)
                else:
                    sheet.write_string(r, c, value)
    workbook.close()
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "thidua.duckdb"


@pytest.fixture
def tiny_workbook(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "tiny.xlsx", read_tiny())


@pytest.fixture
def tiny_db(db_path: Path) -> Path:
    outcome = load(TINY, db_path)
    assert outcome.outcome == "imported", [e.code for e in outcome.errors]
    return db_path


@pytest.fixture
def tiny_con(tiny_db: Path):
    con = connect_read_only(tiny_db)
    yield con
    con.close()
