"""Reading an import: a workbook or a folder of CSV/Parquet files into raw text columns.

This is the Python half of DATA_CONTRACT section 2: find each table's sheet or file by name,
decode CSV bytes, find the header row below any title rows (``header``), match column labels,
skip a row of column numbers under it, drop blank rows and rows without identifying codes
(``rows``, reporting the latter) and mark formula, error and undecodable cells (``cells``).
Values leave here as text with their Excel row numbers; typing (``stage``) and every check
(``check``) happen in DuckDB. It is the first step of the import; ``load`` runs the steps.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from thidua.contract.reference import TABLES, Table
from thidua.contract.textnorm import cell_text, fold, is_legacy_font
from thidua.ingest import stream
from thidua.ingest.cells import is_column_numbers_row
from thidua.ingest.header import (
    HEADER_SCAN_ROWS,
    STT_KEYS,
    Header,
    best_guess_header,
    column_keys,
    find_header,
)
from thidua.ingest.limits import (
    UnreadableInput,
    cap_issues,
)
from thidua.ingest.rows import row_content

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
# Sheets of our own template that hold no data.
IGNORED_SHEETS = {fold("Hướng dẫn"), fold("Instructions"), fold("Danh mục"), fold("Lists")}
CSV_DELIMITERS = (",", ";", "\t")
# Where the skipped rows of a streamed table go in the report, until DuckDB has found them.
SKIPPED_ROWS_PENDING = "skipped_rows_pending"
# A cell holding nothing but these is empty: the white space queries/macros/clean_text.sql removes.
BLANK_CELL = r"^[\s\p{Z}\x{200B}-\x{200D}\x{2060}\x{FEFF}]*$"


@dataclass
class Issue:
    """One line of the import report; ``column`` is canonical, ``label`` the user's header."""

    severity: str  # "error" | "warning" | "info"
    code: str
    origin: str = ""
    row: int | None = None
    column: str | None = None
    label: str | None = None
    value: str | None = None
    detail: str | None = None
    table: str | None = None


@dataclass
class RawTable:
    table: Table
    origin: str
    header_row: int
    labels: dict[str, str]
    columns: dict[str, pa.Array]  # canonical column -> string array, NULL for empty cells
    row_numbers: pa.Array  # int32: the Excel row number of each kept row
    # (Excel row, column, kind, value) of cells to report: ``cells`` (formulas, errors, bytes)
    marks: list[tuple[int, str, str, str | None]] = field(default_factory=list)
    body: stream.Body | None = None  # a CSV or Parquet table: its rows are DuckDB's to read


@dataclass
class ReadResult:
    tables: dict[str, RawTable] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    scratch_dir: Path | None = None  # the CSV copies of this read (``stream``), if any

    def scratch(self) -> Path:
        """A private folder for the copies, made on first use; ``close`` removes it."""
        if self.scratch_dir is None:
            self.scratch_dir = Path(tempfile.mkdtemp(prefix="thidua-read-"))
        return self.scratch_dir

    def close(self) -> None:
        if self.scratch_dir is not None:
            shutil.rmtree(self.scratch_dir, ignore_errors=True)
            self.scratch_dir = None


def _report_no_header(rows: list[list[object]], table: Table, origin: str,
                      result: ReadResult, first_row_number: int) -> None:
    """No header row found: a sheet typed in a legacy font, else every missing column."""
    top_text = [cell_text(c) for row in rows[:HEADER_SCAN_ROWS] for c in row]
    if any(is_legacy_font(t) for t in top_text):
        result.issues.append(Issue("error", "legacy_font", origin, table=table.name))
        return
    guess, present = best_guess_header(rows, table)
    for name in table.required_columns:
        if name not in present:
            result.issues.append(Issue("error", "missing_column", origin,
                                       guess + first_row_number if rows else None,
                                       name, table.column(name).label_vi, table=table.name))


def _column_positions(header: Header, table: Table, origin: str, row_number: int,
                      result: ReadResult) -> tuple[dict[str, int], dict[str, str]]:
    """Canonical column -> cell position and -> the user's label; other labels reported."""
    keys = column_keys(table)
    positions: dict[str, int] = {}
    user_labels: dict[str, str] = {}
    for i, label in enumerate(header.labels):
        if not label:
            continue
        name = keys.get(fold(label))
        if name is None:
            stt = fold(label) in STT_KEYS
            result.issues.append(Issue("info" if stt else "warning",
                                       "stt_column" if stt else "unknown_column",
                                       origin, row_number, None, label, table=table.name))
        elif name in positions:
            result.issues.append(Issue("error", "duplicate_column", origin, row_number, name,
                                       label, detail=user_labels[name], table=table.name))
        else:
            positions[name], user_labels[name] = i, label
    return positions, user_labels


def locate_header(rows: list[list[object]], table: Table, origin: str, result: ReadResult,
            first_row_number: int) -> tuple[Header, int, dict, dict, int] | None:
    """(the header, its Excel row, column positions, the user's labels, index of the first data
    row in ``rows``), the labels reported; None (and the reason reported) without a header."""
    header = find_header(rows, table)
    if header is None:
        _report_no_header(rows, table, origin, result, first_row_number)
        return None
    header_number = header.row + first_row_number
    positions, user_labels = _column_positions(header, table, origin, header_number, result)
    start = header.row + header.height
    if start < len(rows) and is_column_numbers_row(rows[start]):
        result.issues.append(Issue("warning", "column_numbers_row", origin,
                                   start + first_row_number, value=row_content(rows[start]),
                                   table=table.name))
        start += 1
    return header, header_number, positions, user_labels, start


def text_array(values: tuple) -> pa.Array:
    """A column of cells as strings, NULL for empty or white-space-only cells (zero-width
    characters count as white space, as in the clean_text macro)."""
    arr = pa.array([v if v.__class__ is str else cell_text(v) for v in values], pa.string())
    blank = pc.match_substring_regex(arr, BLANK_CELL)
    return pc.if_else(blank, pa.scalar(None, pa.string()), arr)


def read_source(path: Path, on_rows: Callable[[int], None] | None = None) -> ReadResult:
    """Read a workbook or a folder; missing required tables are reported as errors.
    ``on_rows`` hears how many rows of a workbook's sheets have been read so far."""
    if not path.exists():
        raise UnreadableInput("unreadable_missing", path=str(path))
    if path.is_dir():
        from thidua.ingest.folder import read_folder  # it builds on this module

        result = read_folder(path)
    elif path.suffix.lower() in WORKBOOK_SUFFIXES:
        if path.stat().st_size == 0:
            raise UnreadableInput("unreadable_empty", path=path.name)
        from thidua.ingest.sheet import read_workbook  # it builds on this module

        result = read_workbook(path, on_rows)
    else:
        raise UnreadableInput("unreadable_kind", path=path.name)
    result.issues = cap_issues(result.issues)
    reported = {i.table for i in result.issues if i.severity == "error"}
    for table in TABLES:
        if table.name not in result.tables and not table.optional and table.name not in reported:
            result.issues.append(Issue("error", "missing_table", path.name,
                                       value=table.label_vi, table=table.name))
    return result

