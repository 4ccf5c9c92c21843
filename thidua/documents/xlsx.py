"""The one writer of a titled table sheet: the XLSX downloads and the progress report's sheets.

A sheet holds the title in bold, the applied filters one per line, an empty row, the header row
(bold, filled, wrapped, with an autofilter) and the data, with the panes frozen below the
header. Cells are typed: dates are real Excel dates in the language's date pattern
(``formats.date_style``), numbers stay numbers, booleans are the language's words (Có/Không,
Yes/No), missing values stay empty, and every text cell is written as a string after
``safe_cell`` (a name typed as ``=...`` never becomes a formula). Column widths follow the
content, at most :data:`MAX_WIDTH` characters; longer text wraps.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

import pandas as pd
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from thidua import formats
from thidua.catalogue import DEFAULT_LANG
from thidua.documents.cells import is_date_only, plain, safe_cell
from thidua.theme import SPREADSHEET

MAX_WIDTH = 60
MIN_WIDTH = 8
A4 = 9  # xlsxwriter's paper code
WORKBOOK_OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                    "strings_to_numbers": False, "remove_timezone": True}


def new_workbook(target: IO[bytes]) -> Workbook:
    """A workbook writing to ``target`` that never turns text into formulas, links or numbers."""
    return xlsxwriter.Workbook(target, dict(WORKBOOK_OPTIONS))


@dataclass(frozen=True)
class TableFormats:
    """The cell formats of a table sheet, added once per workbook and language."""

    title: Format
    note: Format
    header: Format
    date: Format
    datetime: Format
    wrap: Format
    lang: str

    @classmethod
    def of(cls, workbook: Workbook, lang: str = DEFAULT_LANG) -> TableFormats:
        """The formats added to ``workbook``, dates in the pattern of ``lang``."""
        def dated(kind: str) -> Format:
            return workbook.add_format({"num_format": formats.date_style(kind, lang).excel,
                                        "align": "left"})

        return cls(
            title=workbook.add_format({"bold": True, "font_size": 14}),
            note=workbook.add_format({"italic": True, "font_color": SPREADSHEET.note_text}),
            header=workbook.add_format({"bold": True, "bg_color": SPREADSHEET.header_fill,
                                        "text_wrap": True, "valign": "top", "border": 1}),
            date=dated("date"), datetime=dated("datetime"),
            wrap=workbook.add_format({"text_wrap": True, "valign": "top"}), lang=lang)


def sheet_name(name: str) -> str:
    """``name`` as Excel accepts it: no ``[]:*?/\\``, no edge apostrophes, 31 characters."""
    cleaned = re.sub(r"[\[\]:*?/\\]", "-", name).strip("'") or "Sheet1"
    return cleaned[:31]


def shown_width(value: Any) -> int:
    """Characters a written cell needs: the longest line of its text as shown."""
    if value is None:
        return 0
    if isinstance(value, float):
        return len(f"{value:,.2f}".rstrip("0").rstrip("."))
    return max((len(line) for line in str(value).splitlines()), default=0)


def _write_cell(sheet: Worksheet, row: int, col: int, value: Any, fmt: TableFormats,
                bool_labels: Sequence[str]) -> Any:
    """Write one plain value typed; returns what the cell shows (for its column's width)."""
    if isinstance(value, bool):
        value = bool_labels[0] if value else bool_labels[1]
        sheet.write_string(row, col, safe_cell(value))
    elif isinstance(value, dt.datetime):
        day = is_date_only(value)
        sheet.write_datetime(row, col, value, fmt.date if day else fmt.datetime)
        return formats.date(value, fmt.lang) if day else formats.datetime(value, fmt.lang)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, value, fmt.date)
        return formats.date(value, fmt.lang)
    elif isinstance(value, int | float) and not math.isfinite(value):
        value = "∞" if value > 0 else "-∞"
        sheet.write_string(row, col, value)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value)
    else:
        value = safe_cell(value)
        sheet.write_string(row, col, value)
    return value


def _write_columns(sheet: Worksheet, first_row: int, frame: pd.DataFrame, widths: list[int],
                   fmt: TableFormats, bool_labels: Sequence[str]) -> list[bool]:
    """The data below the header, column by column; widens ``widths``, says which wrap."""
    wraps = [False] * len(widths)
    for col in range(frame.shape[1]):
        for offset, raw in enumerate(frame.iloc[:, col].tolist()):
            value = plain(raw)
            if value is None:
                continue
            shown = _write_cell(sheet, first_row + offset, col, value, fmt, bool_labels)
            width = shown_width(shown) + 2
            wraps[col] = wraps[col] or width > MAX_WIDTH
            widths[col] = max(widths[col], min(MAX_WIDTH, width))
    return wraps


def write_table_sheet(workbook: Workbook, frame: pd.DataFrame, *, name: str, title: str,
                      filter_lines: Sequence[str], labels: Sequence[str],
                      lang: str = DEFAULT_LANG, fmt: TableFormats | None = None,
                      bool_labels: Sequence[str] | None = None,
                      printable: bool = True) -> Worksheet:
    """``frame`` as a new sheet ``name`` under ``title`` and ``filter_lines``.

    ``labels`` are the header's words, one per column. Booleans are written as ``bool_labels``
    (yes, no), by default the words of ``lang``. ``printable`` (the default, for the downloads
    and the report alike) sets A4 landscape, one page wide, the header repeated on every page:
    a 16-column table prints on one page's width, not over three.
    """
    fmt = fmt or TableFormats.of(workbook, lang)
    bool_labels = bool_labels or (formats.yes_no(True, lang), formats.yes_no(False, lang))
    sheet = workbook.add_worksheet(sheet_name(name))
    sheet.write_string(0, 0, safe_cell(title), fmt.title)
    for i, line in enumerate(filter_lines, start=1):
        sheet.write_string(i, 0, safe_cell(line), fmt.note)
    header_row = len(filter_lines) + 2
    names = [str(label) for label in labels]
    widths = [max(MIN_WIDTH, min(MAX_WIDTH, max((len(w) for w in n.split()), default=0)))
              for n in names]
    for col, label in enumerate(names):
        sheet.write_string(header_row, col, safe_cell(label), fmt.header)
    wraps = _write_columns(sheet, header_row + 1, frame, widths, fmt, bool_labels)
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width, fmt.wrap if wraps[col] else None)
    if names:
        sheet.autofilter(header_row, 0, header_row + len(frame), len(names) - 1)
    sheet.freeze_panes(header_row + 1, 0)
    if printable:
        sheet.repeat_rows(header_row)
        sheet.set_landscape()
        sheet.set_paper(A4)
        sheet.fit_to_pages(1, 0)
    return sheet
