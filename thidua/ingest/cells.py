"""Cells of real office forms that look empty or look like data but are neither.

calamine reads a formula cell by its saved value: a workbook written by a program and never
opened in Excel has no saved value, so the cell reads as empty, and an Excel error (``#N/A``,
``#REF!``…) reads as empty too. Both would pass as blanks. ``formula_cells`` reads the sheet
XML of an .xlsx itself (zipfile and a streaming parse, no full DOM) and returns those cells by
position, so the reader can say what they are. ``is_column_numbers_row`` recognises the row of
column numbers ``(1) (2) (3)…`` that many forms put under the header. Marks are the cells the
reader reports: (Excel row, canonical column, kind, value), staged as ``stg_cell_marks``.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import iterparse

from thidua.contract.textnorm import cell_text

# Excel's error values: a formula that failed. They never import as blanks.
ERROR_VALUES = ("#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!",
                "#SPILL!", "#CALC!", "#GETTING_DATA")
FORMULA_NO_VALUE, ERROR_VALUE, UNDECODABLE = "formula_no_value", "error_value", "undecodable"
UNPLAIN_CODE, TOO_LONG = "unplain_code", "too_long"  # always errors (queries/checks/cell_marks)
XLSX_SUFFIXES = {".xlsx", ".xlsm"}

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REF = re.compile(r"([A-Z]+)(\d+)")
_COLUMN_NUMBER = re.compile(r"\(?\s*(\d{1,3})\s*\)?")

# (0-based row, 0-based column) -> (kind, value shown to the user)
CellFlags = dict[tuple[int, int], tuple[str, str | None]]


def _cell_position(ref: str) -> tuple[int, int] | None:
    match = _REF.fullmatch(ref)
    if not match:
        return None
    letters, digits = match.groups()
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(digits) - 1, col - 1


def sheet_parts(book: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the path of its XML part inside the package."""
    rels = {}
    with book.open("xl/_rels/workbook.xml.rels") as handle:
        for _event, el in iterparse(handle):
            if el.tag == f"{_PKG_REL}Relationship":
                target = el.get("Target", "")
                path = (target.lstrip("/") if target.startswith("/")
                        else str(PurePosixPath("xl") / target))
                rels[el.get("Id")] = path
    parts = {}
    with book.open("xl/workbook.xml") as handle:
        for _event, el in iterparse(handle):
            if el.tag == f"{_MAIN}sheet" and el.get(f"{_REL}id") in rels:
                parts[el.get("name")] = rels[el.get(f"{_REL}id")]
    return parts


def _flag(cell) -> tuple[str, str | None] | None:
    """A formula without its saved value, or an error value; None for any other cell."""
    kind, value = cell.get("t"), cell.find(f"{_MAIN}v")
    text = value.text if value is not None else None
    if kind == "e":
        return ERROR_VALUE, text or "#N/A"
    has_formula = cell.find(f"{_MAIN}f") is not None
    # An empty <v/> is a saved empty string only for a string result (t="str").
    if has_formula and (value is None or (not text and kind not in ("str", "inlineStr"))):
        return FORMULA_NO_VALUE, None
    return None


def _scan_sheet(handle) -> CellFlags:
    flags: CellFlags = {}
    for _event, el in iterparse(handle):
        if el.tag == f"{_MAIN}c":
            flag = _flag(el)
            position = _cell_position(el.get("r", "")) if flag else None
            if position is not None:
                flags[position] = flag
        elif el.tag == f"{_MAIN}row":
            el.clear()
    return flags


def _may_hold_flags(handle) -> bool:
    """Whether a sheet's XML holds a formula or an error cell at all, read a megabyte at a
    time (a million-row sheet is hundreds of megabytes unzipped)."""
    tail = b""
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        window = tail + chunk
        if b"<f" in window or b't="e"' in window:
            return True
        tail = chunk[-5:]
    return False


def formula_cells(path: Path) -> dict[str, CellFlags]:
    """Sheet name -> its formula cells without a saved value and its error cells (.xlsx and
    .xlsm only; an unreadable package yields nothing, calamine reports it)."""
    if path.suffix.lower() not in XLSX_SUFFIXES:
        return {}
    try:
        with zipfile.ZipFile(path) as book:
            out = {}
            for name, part in sheet_parts(book).items():
                with book.open(part) as probe:
                    if not _may_hold_flags(probe):
                        continue  # no formula, no error: nothing to parse
                with book.open(part) as handle:
                    out[name] = _scan_sheet(handle)
            return out
    except (zipfile.BadZipFile, KeyError, OSError, SyntaxError):
        return {}


def is_column_numbers_row(cells: list[object]) -> bool:
    """True for a row of column numbers: ``(1) (2) (3)…`` or ``1 2 3…``, consecutive integers
    (possibly in parentheses) in most of its non-empty cells, e.g. ``(4)=(2)+(3)`` among them."""
    texts = [t for t in (cell_text(c) for c in cells) if t and t.strip()]
    numbered = []
    for rank, text in enumerate(texts):
        match = _COLUMN_NUMBER.fullmatch(text.strip())
        if match:
            numbered.append(int(match.group(1)) - rank)
    return len(numbered) >= 2 and 2 * len(numbered) > len(texts) and len(set(numbered)) == 1
