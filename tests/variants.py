"""Builders of import files for the loader tests: the tiny fixture rewritten the way real office
files look (title rows, merged headers, other encodings, other spellings) or broken on purpose.

Every builder starts from ``conftest.read_tiny()`` ({table: [row dicts with canonical keys and
ISO dates]}) and writes into a folder the test owns, so nothing here depends on committed
variant files. A workbook is described as ``Sheet`` objects (absolute rows of cells and merged
ranges) and written with xlsxwriter; a CSV folder is written as bytes in a chosen encoding.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import itertools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import xlsxwriter

from thidua.contract import reference as ref

Tables = dict[str, list[dict[str, str]]]
# (first row, first column, last row, last column), 0-based, as xlsxwriter's merge_range.
Merge = tuple[int, int, int, int]

DATA_TABLES = ("campaigns", "units", "staff", "criteria", "registrations", "evaluations",
               "nominations", "nomination_events")
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"
AGENCY = "VĂN PHÒNG UBND TỈNH"


@dataclass
class Sheet:
    name: str
    rows: list[list[object]]
    merges: list[Merge] = field(default_factory=list)


def strip_diacritics(text: str) -> str:
    """'Đăng ký thi đua' -> 'Dang ky thi dua'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in unicodedata.normalize("NFD", text)
                   if unicodedata.category(ch) != "Mn")


_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258_form(text: str) -> str:
    """The decomposed form Windows-1258 can encode: base letters with their circumflex, breve
    or horn precomposed (â, ă, ê, ô, ơ, ư are in the code page), tone marks as combining
    characters after them. Plain NFD would leave U+0302 etc., which cp1258 has no byte for."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
        out.append(base + tones)
    return "".join(out)


def table_rows(table: ref.Table, data: list[dict[str, str]],
               label: Callable[[ref.Column], str] = lambda col: col.label_vi,
               cell: Callable[[ref.Column, str, int], object] | None = None,
               columns: list[ref.Column] | None = None) -> list[list[object]]:
    """[header, *data rows] of one table, in the order of ``columns``; ``cell(col, text, i)``
    turns the non-blank fixture value of data row ``i`` into the cell written (blank stays
    None)."""
    cols = list(columns or table.columns)
    out: list[list[object]] = [[label(c) for c in cols]]
    for i, row in enumerate(data):
        line: list[object] = []
        for col in cols:
            text = row.get(col.name) or ""
            line.append(cell(col, text, i) if cell and text else (text or None))
        out.append(line)
    return out


def clean_sheets(tables: Tables) -> list[Sheet]:
    """The tiny fixture as the clean workbook: Vietnamese sheet names and labels in row 1."""
    return [Sheet(t.label_vi, table_rows(t, tables[t.name])) for t in ref.TABLES]


def with_title_rows(sheet: Sheet) -> Sheet:
    """Government-form rows above the header: agency and motto, a merged title, a blank row."""
    width = max(len(r) for r in sheet.rows)
    title = f"DANH SÁCH {sheet.name.upper()}"
    above: list[list[object]] = [
        [AGENCY, None, None, MOTTO],
        [None, None, None, MOTTO_2],
        [title, *[None] * (width - 1)],
        [],
    ]
    shift = len(above)
    merges = [(2, 0, 2, width - 1)] + [(r1 + shift, c1, r2 + shift, c2)
                                       for r1, c1, r2, c2 in sheet.merges]
    return Sheet(sheet.name, above + sheet.rows, merges)


def write_sheets(path: Path, sheets: list[Sheet]) -> Path:
    """Write ``sheets`` with xlsxwriter: text as text, numbers as numbers, dates as date cells."""
    workbook = xlsxwriter.Workbook(str(path))
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    for sheet in sheets:
        ws = workbook.add_worksheet(sheet.name)
        covered = set()
        for r1, c1, r2, c2 in sheet.merges:
            ws.merge_range(r1, c1, r2, c2, sheet.rows[r1][c1])
            covered |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        for r, line in enumerate(sheet.rows):
            for c, value in enumerate(line):
                if value is None or (r, c) in covered:
                    continue
                if isinstance(value, str):
                    ws.write_string(r, c, value)
                elif isinstance(value, dt.date):
                    ws.write_datetime(r, c, value, date_format)
                else:
                    ws.write_number(r, c, value)
    workbook.close()
    return path


def csv_text(table: ref.Table, data: list[dict[str, str]],
             label: Callable[[ref.Column], str] = lambda col: col.name,
             delimiter: str = ",", titles: bool = False) -> str:
    """One table as CSV text, as Excel saves a sheet (every line as wide as the widest)."""
    sheet = Sheet(table.label_vi, table_rows(table, data, label=label))
    if titles:
        sheet = with_title_rows(sheet)
    width = max(len(line) for line in sheet.rows)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for line in sheet.rows:
        writer.writerow(["" if v is None else v for v in line] + [""] * (width - len(line)))
    return buffer.getvalue()


def write_csv_folder(folder: Path, tables: Tables, encode: Callable[[str], bytes],
                     file_name: Callable[[ref.Table], str] = lambda t: f"{t.name}.csv",
                     label: Callable[[ref.Column], str] = lambda col: col.name,
                     delimiter: str = ",", titles: bool = False) -> Path:
    """One CSV file per table, its text turned into bytes by ``encode``; ``titles`` puts the
    government-form rows above the header."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in ref.TABLES:
        text = csv_text(table, tables[table.name], label, delimiter, titles)
        (folder / file_name(table)).write_bytes(encode(text))
    return folder


def cycle_cells(forms: dict[str, list[Callable[[str], object]]]
                ) -> Callable[[ref.Column, str, int], object]:
    """A ``cell`` function that writes the values of each column type in turn in every form
    listed for that type (``forms[type]``); other columns stay as text."""
    counters = {kind: itertools.cycle(fns) for kind, fns in forms.items()}

    def cell(col: ref.Column, text: str, _i: int) -> object:
        if col.type in counters:
            return next(counters[col.type])(text)
        return text

    return cell


def with_campaign(tables: Tables, code: str) -> Tables:
    """A deep copy of ``tables`` whose campaign has another code."""
    out = copy.deepcopy(tables)
    out["campaigns"][0]["campaign_code"] = code
    return out


def _sort_key(row: tuple) -> tuple:
    return tuple((v is None, str(v)) for v in row)


def snapshot(db: Path, campaign_code: str | None = None) -> dict[str, list[tuple]]:
    """Every data table of ``db`` as sorted rows (bookkeeping columns such as import_id too),
    only ``campaign_code``'s rows when given.

    Read through DuckDB's relational API: the tests hold no SQL text of their own."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {}
        for name in DATA_TABLES:
            rel = con.table(name)
            at = rel.columns.index("campaign_code")
            rows = [r for r in rel.fetchall() if campaign_code in (None, r[at])]
            tables[name] = sorted(rows, key=_sort_key)
        return tables
    finally:
        con.close()


def imports(db: Path) -> list[dict[str, object]]:
    """The ``imports`` table in attempt order, one dict per attempt."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rel = con.table("imports").order("import_id")
        return [dict(zip(rel.columns, row, strict=True)) for row in rel.fetchall()]
    finally:
        con.close()
