"""Reading an import: a workbook or a folder of CSV/Parquet files into raw text columns.

This is the Python half of DATA_CONTRACT section 2: find each table's sheet or file by name,
decode CSV bytes, find the header row below any title rows (one- or two-row headers), match
column labels, and drop blank rows and key-less rows (reporting the latter). Values leave here
as text with their Excel row numbers; typing and every check happen in DuckDB (``validation``),
so this module never judges a value.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from itertools import islice, zip_longest
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from python_calamine import CalamineWorkbook

from thidua.contract.reference import TABLES, Table
from thidua.contract.textnorm import cell_text, fold, is_legacy_font

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
HEADER_SCAN_ROWS = 30
# Sheets of our own template that hold no data.
IGNORED_SHEETS = {fold("Hướng dẫn"), fold("Instructions"), fold("Danh mục"), fold("Lists")}
STT_KEYS = {"stt", "tt", "sott", "sothutu"}
CSV_DELIMITERS = (",", ";", "\t")
# A cell holding nothing but these is empty: the white space queries/macros/clean_text.sql removes.
BLANK_CELL = r"^[\s\p{Z}\x{200B}-\x{200D}\x{2060}\x{FEFF}]*$"


class UnreadableInput(Exception):
    """The input is no workbook or folder we can read (exit code 2)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key, self.params = key, params


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


@dataclass
class ReadResult:
    tables: dict[str, RawTable] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)


def _column_keys(table: Table) -> dict[str, str]:
    keys: dict[str, str] = {}
    for col in table.columns:
        for name in (col.name, col.label_vi, col.label_en, *col.aliases):
            keys.setdefault(fold(name), col.name)
    return keys


def match_table(name: str) -> Table | None:
    """The table a sheet or file stem names, by canonical name or label."""
    key = fold(name)
    for table in TABLES:
        if key in {fold(table.name), fold(table.label_vi), fold(table.label_en),
                   *map(fold, table.aliases)}:
            return table
    return None


def _match_header(cells: list[object], keys: dict[str, str]) -> dict[int, str]:
    matched: dict[int, str] = {}
    for i, cell in enumerate(cells):
        name = keys.get(fold(cell_text(cell)))
        if name and name not in matched.values():
            matched[i] = name
    return matched


def _find_header(rows: list[list[object]], table: Table) -> tuple[int, int, list[str]] | None:
    """(first header row index, header height 1|2, labels per position), or None."""
    keys, required = _column_keys(table), set(table.required_columns)
    for r in range(min(len(rows), HEADER_SCAN_ROWS)):
        single = _match_header(rows[r], keys)
        if r + 1 < len(rows):
            upper = [cell_text(c) or "" for c in rows[r]]
            lower = [cell_text(c) or "" for c in rows[r + 1]]
            width = max(len(upper), len(lower))
            upper += [""] * (width - len(upper))
            lower += [""] * (width - len(lower))
            combined = [lo or up for up, lo in zip(upper, lower, strict=True)]
            double = _match_header(combined, keys)
            lower_is_labels = any(keys.get(fold(c)) for c in lower if c) and all(
                not lower[i] or keys.get(fold(lower[i])) == name for i, name in single.items())
            # The upper row must give a label of its own (one merged down over the empty lower
            # cell): a blank or title row right above a complete header is no header row.
            upper_has_labels = any(not lower[i] for i in single)
            if (len(double) > len(single) and lower_is_labels and upper_has_labels
                    and required <= set(double.values())):
                return r, 2, combined
        if required <= set(single.values()):
            return r, 1, [cell_text(c) or "" for c in rows[r]]
    return None


def _best_guess_header(rows: list[list[object]], table: Table) -> tuple[int, set[str]]:
    keys = _column_keys(table)
    best = max(range(min(len(rows), HEADER_SCAN_ROWS)),
               key=lambda r: len(_match_header(rows[r], keys)), default=0)
    return best, set(_match_header(rows[best], keys).values()) if rows else set()


def extract_table(rows: list[list[object]], table: Table, origin: str, result: ReadResult,
                  first_row_number: int = 1) -> None:
    """Find the header in ``rows`` (row i is Excel row ``first_row_number + i``), keep the data."""
    found = _find_header(rows, table)
    if found is None:
        top_text = [cell_text(c) for row in rows[:HEADER_SCAN_ROWS] for c in row]
        if any(is_legacy_font(t) for t in top_text):
            result.issues.append(Issue("error", "legacy_font", origin, table=table.name))
            return
        guess, present = _best_guess_header(rows, table)
        for name in table.required_columns:
            if name not in present:
                col = table.column(name)
                result.issues.append(Issue("error", "missing_column", origin,
                                           guess + first_row_number if rows else None,
                                           name, col.label_vi, table=table.name))
        return
    r, height, labels = found
    keys = _column_keys(table)
    positions: dict[str, int] = {}
    user_labels: dict[str, str] = {}
    for i, label in enumerate(labels):
        if not label:
            continue
        name = keys.get(fold(label))
        if name is None:
            code = "stt_column" if fold(label) in STT_KEYS else "unknown_column"
            result.issues.append(Issue("warning" if code == "unknown_column" else "info", code,
                                       origin, r + first_row_number, None, label,
                                       table=table.name))
        elif name in positions:
            result.issues.append(Issue("error", "duplicate_column", origin, r + first_row_number,
                                       name, label, detail=user_labels[name], table=table.name))
        else:
            positions[name], user_labels[name] = i, label
    data = rows[r + height:]
    first_number = r + height + first_row_number
    width = max(max((len(row) for row in data), default=0), len(labels))
    by_position = list(zip_longest(*data, fillvalue=None)) if data else [()] * width
    arrays = {i: _text_array(by_position[i]) if i < len(by_position) else None
              for i in range(width)}
    n = len(data)
    present = [pc.is_valid(a) for a in arrays.values() if a is not None]
    any_content = _reduce(pc.or_, present, n, False)
    key_pos = [positions[k] for k in table.key if k in positions] or list(positions.values())
    key_blank = _reduce(pc.and_, [pc.is_null(arrays[i]) for i in key_pos
                                  if arrays.get(i) is not None], n, True)
    skipped = pc.and_(key_blank, any_content)
    for index in pc.indices_nonzero(skipped).to_pylist():
        content = " | ".join(t for t in (cell_text(c) for c in data[index]) if t)
        result.issues.append(Issue("warning", "skipped_row", origin, first_number + index,
                                   value=content[:120], table=table.name))
    keep = pc.invert(key_blank)
    numbers = pa.array(range(first_number, first_number + n), pa.int32()).filter(keep)
    columns = {name: (arrays[i] if arrays[i] is not None
                      else pa.nulls(n, pa.string())).filter(keep)
               for name, i in positions.items()}
    result.tables[table.name] = RawTable(table, origin, r + first_row_number, user_labels,
                                         columns, numbers)


def _text_array(values: tuple) -> pa.Array:
    """A column of cells as strings, NULL for empty or white-space-only cells (zero-width
    characters count as white space, as in the clean_text macro)."""
    arr = pa.array([v if v.__class__ is str else cell_text(v) for v in values], pa.string())
    blank = pc.match_substring_regex(arr, BLANK_CELL)
    return pc.if_else(blank, pa.scalar(None, pa.string()), arr)


def _reduce(op, arrays: list, n: int, empty: bool) -> pa.Array:
    if not arrays:
        return pa.array([empty] * n, pa.bool_())
    out = arrays[0]
    for arr in arrays[1:]:
        out = op(out, arr)
    return out


def decode_csv(data: bytes, origin: str) -> str:
    """CSV bytes as text: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1258."""
    if not data.strip():
        raise UnreadableInput("unreadable_empty", path=origin)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


def _csv_delimiter(text: str, table: Table) -> str:
    """The delimiter (``,`` ``;`` or tab) under which the table's header row shows the most
    labels; ``,`` on a tie. Excel with Vietnamese regional settings saves CSV with ``;``, and
    csv.Sniffer is fooled by title rows above the header and by text holding ``;`` or ``,``."""
    keys, head = _column_keys(table), text[:1 << 16]

    def labels_found(delimiter: str) -> int:
        try:
            rows = islice(csv.reader(io.StringIO(head, newline=""), delimiter=delimiter),
                          HEADER_SCAN_ROWS)
            return max((len(_match_header(row, keys)) for row in rows), default=0)
        except csv.Error:
            return 0

    return max(CSV_DELIMITERS, key=labels_found)


def _read_csv_rows(path: Path, table: Table) -> list[list[object]]:
    text = decode_csv(path.read_bytes(), path.name)
    delimiter = _csv_delimiter(text, table)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _read_parquet(path: Path, table: Table, result: ReadResult) -> None:
    import duckdb

    try:
        con = duckdb.connect()
        rel = con.read_parquet(str(path))
        header = list(rel.columns)
        records = con.execute(
            "select * from read_parquet($path)", {"path": str(path)}).fetchall()
    except duckdb.Error as exc:
        raise UnreadableInput("unreadable_file", path=path.name, reason=str(exc)) from exc
    # Parquet has no title rows: the header is line 1, data from line 2 as in a CSV.
    extract_table([header, *[list(r) for r in records]], table, path.name, result)


def read_workbook(path: Path) -> ReadResult:
    result = ReadResult()
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for every broken file
        raise UnreadableInput("unreadable_workbook", path=path.name, reason=str(exc)) from exc
    for sheet_name in workbook.sheet_names:
        table = match_table(sheet_name)
        if table is None:
            if fold(sheet_name) not in IGNORED_SHEETS:
                result.issues.append(Issue("warning", "unknown_sheet", sheet_name))
            continue
        if table.name in result.tables:
            result.issues.append(Issue("error", "duplicate_sheet", sheet_name, table=table.name,
                                       detail=result.tables[table.name].origin))
            continue
        rows = workbook.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
        extract_table(rows, table, sheet_name, result)
    return result


def read_folder(path: Path) -> ReadResult:
    result = ReadResult()
    files = sorted(p for p in path.iterdir() if p.suffix.lower() in {".csv", ".parquet"})
    if not files:
        raise UnreadableInput("unreadable_empty_folder", path=str(path))
    for file in files:
        table = match_table(file.stem)
        if table is None:
            result.issues.append(Issue("warning", "unknown_file", file.name))
            continue
        if table.name in result.tables:
            result.issues.append(Issue("error", "duplicate_sheet", file.name, table=table.name,
                                       detail=result.tables[table.name].origin))
            continue
        if file.suffix.lower() == ".parquet":
            _read_parquet(file, table, result)
        else:
            extract_table(_read_csv_rows(file, table), table, file.name, result)
    return result


def read_source(path: Path) -> ReadResult:
    """Read a workbook or a folder; missing required tables are reported as errors."""
    if not path.exists():
        raise UnreadableInput("unreadable_missing", path=str(path))
    if path.is_dir():
        result = read_folder(path)
    elif path.suffix.lower() in WORKBOOK_SUFFIXES:
        if path.stat().st_size == 0:
            raise UnreadableInput("unreadable_empty", path=path.name)
        result = read_workbook(path)
    else:
        raise UnreadableInput("unreadable_kind", path=path.name)
    reported = {i.table for i in result.issues if i.severity == "error"}
    for table in TABLES:
        if table.name not in result.tables and not table.optional and table.name not in reported:
            result.issues.append(Issue("error", "missing_table", path.name,
                                       value=table.label_vi, table=table.name))
    return result
