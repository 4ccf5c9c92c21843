"""Property test of the whole loader over generated CSV folders and workbooks (hypothesis).

Each example is the tiny fixture with a few random mutations: random Unicode in random cells,
dates and numbers in random forms, columns dropped or repeated, rows dropped or repeated, a
table's file emptied or left out, another delimiter. It is loaded by the real loader into a
fresh copy of a database already holding the clean tiny campaign. Whatever the input: no
exception escapes ``load``, the exit code is a documented one, a load that is not imported
leaves every data table exactly as it was, every error says where it is (the file, and the row
for a problem of one row), and every issue can be put into words in both languages. The
workbook examples (fewer: each is also an .xlsx write) take random cells, numbers and dates as
typed cells, hidden sheets and files cut short.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import TINY, read_tiny
from tests.variants import clean_sheets, snapshot, write_sheets
from thidua.contract import reference as ref
from thidua.ingest.load import load
from thidua.ingest.messages import issue_message

# Problems of a whole file, sheet or column: located by their origin only.
NOT_ROW_LEVEL = {"missing_table", "missing_column", "duplicate_sheet", "duplicate_column",
                 "legacy_font", "campaign_rows", "more_issues", "unknown_file",
                 "unknown_sheet", "end_before_start"}
TABLE_NAMES = [t.name for t in ref.TABLES]
COLUMNS = {t.name: [c.name for c in t.columns] for t in ref.TABLES}

any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
date_text = st.dates(dt.date(1899, 1, 1), dt.date(2100, 12, 31)).flatmap(
    lambda d: st.sampled_from([d.isoformat(), d.strftime("%d/%m/%Y"), d.strftime("%m/%d/%y"),
                               f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}",
                               str((d - dt.date(1899, 12, 30)).days)]))
number_text = st.one_of(st.integers(-10**12, 10**12).map(str),
                        st.floats(allow_nan=True, allow_infinity=True).map(repr),
                        st.decimals(-1000, 1000, places=3).map(lambda x: str(x).replace(".", ",")))
cell_value = st.one_of(any_text, date_text, number_text, st.sampled_from(
    ["", " ", "#N/A", "#REF!", "Đạt", "x", "Tập thể", "Cá nhân", "KT", "CB01", "TT1", "HS01"]))


def _mutation():
    table = st.sampled_from(TABLE_NAMES)
    index = st.integers(0, 50)
    return st.one_of(
        st.tuples(st.just("cell"), table, index, index, cell_value),
        st.tuples(st.just("drop_column"), table, index),
        st.tuples(st.just("repeat_column"), table, index),
        st.tuples(st.just("drop_row"), table, index),
        st.tuples(st.just("repeat_row"), table, index),
        st.tuples(st.just("empty_file"), table),
        st.tuples(st.just("no_file"), table),
        st.tuples(st.just("delimiter"), table, st.sampled_from([";", "\t", "|"])),
    )


def write_mutated(folder: Path, mutations: list[tuple]) -> Path:
    """The tiny fixture with ``mutations`` applied, as a folder of CSV files."""
    tables = copy.deepcopy(read_tiny())
    headers = {name: list(cols) for name, cols in COLUMNS.items()}
    delimiters = dict.fromkeys(TABLE_NAMES, ",")
    empty, missing = set(), set()
    for kind, name, *args in mutations:
        rows, header = tables[name], headers[name]
        if kind == "cell" and rows:
            row, col, value = args
            rows[row % len(rows)][header[col % len(header)] if header else "x"] = value
        elif kind == "drop_column" and header:
            header.pop(args[0] % len(header))
        elif kind == "repeat_column" and header:
            header.append(header[args[0] % len(header)])
        elif kind == "drop_row" and rows:
            rows.pop(args[0] % len(rows))
        elif kind == "repeat_row" and rows:
            rows.append(dict(rows[args[0] % len(rows)]))
        elif kind == "empty_file":
            empty.add(name)
        elif kind == "no_file":
            missing.add(name)
        elif kind == "delimiter":
            delimiters[name] = args[0]
    folder.mkdir()
    for name in TABLE_NAMES:
        if name in missing:
            continue
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiters[name], lineterminator="\n")
        writer.writerow(headers[name])
        writer.writerows([row.get(col, "") for col in headers[name]] for row in tables[name])
        text = "" if name in empty else out.getvalue()
        (folder / f"{name}.csv").write_bytes(text.encode("utf-8"))
    return folder


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> tuple[Path, dict]:
    """One database holding the clean tiny campaign, and its snapshot; copied per example."""
    db = tmp_path_factory.mktemp("fuzz") / "base.duckdb"
    assert load(TINY, db).outcome == "imported"
    return db, snapshot(db)


def assert_survived(source: Path, db: Path, before: dict, lang: str) -> None:
    """The properties every load keeps, whatever ``source`` holds."""
    result = load(source, db, lang)
    assert result.exit_code in (0, 1, 2, 3), result
    if result.exit_code == 0:
        assert result.outcome in ("imported", "unchanged")
    else:
        assert result.outcome != "imported"
        assert snapshot(db) == before
    if result.exit_code == 1:  # rejected: at least one error, every one in the report
        assert result.error_count > 0 and result.errors
    for issue in result.errors:
        assert issue.origin, issue
        if issue.code not in NOT_ROW_LEVEL and not issue.code.startswith("unreadable_"):
            assert issue.row is not None, issue
    for issue in result.errors + result.warnings:
        assert issue_message(issue, lang)


@settings(max_examples=500 if os.environ.get("CI") else 60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutations=st.lists(_mutation(), min_size=1, max_size=4),
       lang=st.sampled_from(["vi", "en"]))
def test_the_loader_survives_any_mutated_folder(loaded, mutations, lang):
    base_db, before = loaded
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "thidua.duckdb"
        shutil.copyfile(base_db, db)
        assert_survived(write_mutated(Path(tmp) / "src", mutations), db, before, lang)


typed_cell = st.one_of(cell_value, st.integers(-10**6, 10**6),
                       st.floats(allow_nan=False, allow_infinity=False),
                       st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)), st.none())


@settings(max_examples=100 if os.environ.get("CI") else 20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(cells=st.lists(st.tuples(st.integers(0, 7), st.integers(0, 12), st.integers(0, 9),
                                typed_cell), max_size=6),
       hidden=st.sets(st.integers(1, 7), max_size=2), cut=st.one_of(st.none(), st.floats(0, 1)),
       lang=st.sampled_from(["vi", "en"]))
def test_the_loader_survives_any_mutated_workbook(loaded, cells, hidden, cut, lang):
    base_db, before = loaded
    with tempfile.TemporaryDirectory() as tmp:
        db, book = Path(tmp) / "thidua.duckdb", Path(tmp) / "tiny.xlsx"
        shutil.copyfile(base_db, db)
        sheets = clean_sheets(read_tiny())
        for sheet_index, row, col, value in cells:
            rows = sheets[sheet_index].rows
            line = rows[row % len(rows)]
            line.extend([None] * (col + 1 - len(line)))
            line[col] = value
        write_sheets(book, sheets)
        if hidden:
            _hide_sheets(book, [sheets[i].name for i in hidden])
        if cut is not None:
            data = book.read_bytes()
            book.write_bytes(data[:int(len(data) * cut)])
        assert_survived(book, db, before, lang)


def _hide_sheets(book: Path, names: list[str]) -> None:
    """Mark the sheets ``names`` of ``book`` hidden (workbook.xml rewritten in place)."""
    with zipfile.ZipFile(book) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    text = parts["xl/workbook.xml"].decode("utf-8")
    for name in names:
        text = text.replace(f'<sheet name="{name}"', f'<sheet state="hidden" name="{name}"')
    parts["xl/workbook.xml"] = text.encode("utf-8")
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)


def test_a_mutated_folder_is_written_as_asked(tmp_path):
    """The generator itself: a dropped column, an emptied file and a delimiter take effect."""
    folder = write_mutated(tmp_path / "src", [("drop_column", "units", 1),
                                              ("empty_file", "staff"),
                                              ("delimiter", "criteria", ";"),
                                              ("no_file", "registrations")])
    assert (folder / "units.csv").read_text(encoding="utf-8").splitlines()[:2] == [
        "unit_code,unit_type,parent_unit", "KT,Phòng,"]
    assert (folder / "staff.csv").read_bytes() == b""
    assert (folder / "criteria.csv").read_text(encoding="utf-8").startswith(
        "criterion_code;applies_to;criterion_name;weight\n")
    assert not (folder / "registrations.csv").exists()
