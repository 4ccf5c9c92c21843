"""Downloads of the dashboard's tables: CSV (UTF-8 with BOM) and formatted XLSX, in memory.

Both formats are safe to open in a spreadsheet: text that a spreadsheet would read as a formula
(``=``, ``+``, ``-``, ``@``, tab, carriage return at the start) gets a leading apostrophe, and
the XLSX writes every text cell as a string. Dates are ISO in CSV and real Excel dates shown
dd/mm/yyyy in XLSX. ``export_file_name`` names a download after its campaign, table, units and
date, in plain ASCII. Nothing here touches Streamlit.
"""

from __future__ import annotations

import datetime as dt
import decimal
import io
import math
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_MAX_WIDTH = 60
_MIN_WIDTH = 8
DATE_FORMAT_XLSX = "dd/mm/yyyy"
DATETIME_FORMAT_XLSX = "dd/mm/yyyy hh:mm"
DEFAULT_BOOL_LABELS = ("Có", "Không")


def safe_cell(value: Any) -> Any:
    """``value`` with a leading apostrophe if it is text a spreadsheet would run as a formula.

    Only ``str`` is touched; numbers, dates, booleans and missing values come back unchanged.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float | np.floating):
        return math.isnan(value)
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _is_date_only(value: dt.datetime) -> bool:
    return value.time() == dt.time(0) and value.tzinfo is None


def _plain(value: Any) -> Any:
    """A cell as a plain Python value: None, bool, int/float, date, datetime or str."""
    if _is_missing(value):
        return None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value).to_pydatetime()
    if isinstance(value, dt.datetime | dt.date | str):
        return value
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating | decimal.Decimal):
        return float(value)
    if isinstance(value, int | float):
        return value
    return str(value)


def _labelled(df: pd.DataFrame, labels: dict[str, str] | None) -> list[str]:
    return [str((labels or {}).get(c, c)) for c in df.columns]


def _csv_text(value: Any, bool_labels: Sequence[str] | None) -> Any:
    value = _plain(value)
    if value is None:
        return None
    if isinstance(value, bool):
        return (bool_labels[0] if value else bool_labels[1]) if bool_labels else value
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if _is_date_only(value) else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)  # an integer column with gaps arrives as float: no trailing ".0"
    return safe_cell(value)


def to_csv_bytes(df: pd.DataFrame, labels: dict[str, str] | None = None, *,
                 bool_labels: tuple[str, str] | None = None) -> bytes:
    """``df`` as CSV in UTF-8 with a BOM (so Excel reads the diacritics).

    Columns are renamed by ``labels`` (unlisted ones keep their name), dates are ISO
    (yyyy-mm-dd, with the time only when there is one), text goes through ``safe_cell``,
    missing values are empty. Booleans become ``bool_labels`` (yes, no) when given.
    """
    out = pd.DataFrame(
        {i: [_csv_text(v, bool_labels) for v in df.iloc[:, i].tolist()]
         for i in range(df.shape[1])},
        index=range(len(df)), dtype=object)
    out.columns = [safe_cell(c) for c in _labelled(df, labels)]
    text = out.to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def _shown_width(value: Any) -> int:
    """Characters a cell needs: the longest line of its text as shown."""
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 10 if _is_date_only(value) else 16
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, float):
        return len(f"{value:,.2f}".rstrip("0").rstrip("."))
    return max((len(line) for line in str(value).splitlines()), default=0)


def _sheet_name(name: str) -> str:
    cleaned = re.sub(r"[\[\]:*?/\\]", "-", name).strip("'") or "Sheet1"
    return cleaned[:31]


def to_xlsx_bytes(df: pd.DataFrame, *, title: str, filter_lines: list[str],
                  labels: dict[str, str] | None = None, sheet_name: str = "Dữ liệu",
                  bool_labels: tuple[str, str] | None = DEFAULT_BOOL_LABELS) -> bytes:
    """``df`` as a one-sheet workbook: title, applied filters, then a filterable table.

    Row 1 holds ``title`` in bold, the next rows one ``filter_lines`` entry each, then an
    empty row, the header row (bold, filled, wrapped, with an autofilter) and the data.
    Panes are frozen below the header; column widths follow the content (at most 60
    characters, longer text wraps). Dates are real Excel dates shown dd/mm/yyyy, numbers stay
    numbers, booleans are written as ``bool_labels`` (yes, no) (``None``: TRUE/FALSE), missing
    values stay empty, and every text cell is written as a string after ``safe_cell``.
    """
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
        "remove_timezone": True,
    })
    sheet = workbook.add_worksheet(_sheet_name(sheet_name))
    bold_title = workbook.add_format({"bold": True, "font_size": 14})
    note = workbook.add_format({"italic": True, "font_color": "#444444"})
    header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "text_wrap": True,
                                  "valign": "top", "border": 1})
    date_format = workbook.add_format({"num_format": DATE_FORMAT_XLSX, "align": "left"})
    datetime_format = workbook.add_format({"num_format": DATETIME_FORMAT_XLSX,
                                           "align": "left"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})

    sheet.write_string(0, 0, safe_cell(title), bold_title)
    for i, line in enumerate(filter_lines, start=1):
        sheet.write_string(i, 0, safe_cell(line), note)
    header_row = len(filter_lines) + 2
    names = _labelled(df, labels)
    widths = [max(_MIN_WIDTH, min(_MAX_WIDTH, max((len(w) for w in n.split()), default=0)))
              for n in names]
    for col, name in enumerate(names):
        sheet.write_string(header_row, col, safe_cell(name), header)

    needs_wrap = [False] * len(names)
    rows = [[_plain(v) for v in df.iloc[:, i].tolist()] for i in range(df.shape[1])]
    for col, values in enumerate(rows):
        for offset, value in enumerate(values):
            row = header_row + 1 + offset
            if value is None:
                continue
            if isinstance(value, bool):
                if bool_labels is None:
                    sheet.write_boolean(row, col, value)
                    value = str(value).upper()
                else:
                    value = bool_labels[0] if value else bool_labels[1]
                    sheet.write_string(row, col, safe_cell(value))
            elif isinstance(value, dt.datetime):
                sheet.write_datetime(row, col, value,
                                     date_format if _is_date_only(value) else datetime_format)
            elif isinstance(value, dt.date):
                sheet.write_datetime(row, col, value, date_format)
            elif isinstance(value, int | float):
                if math.isinf(value):
                    value = "∞" if value > 0 else "-∞"
                    sheet.write_string(row, col, safe_cell(value))
                else:
                    sheet.write_number(row, col, value)
            else:
                value = safe_cell(value)
                sheet.write_string(row, col, value)
            width = _shown_width(value) + 2
            if width > _MAX_WIDTH:
                needs_wrap[col] = True
            widths[col] = max(widths[col], min(_MAX_WIDTH, width))
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width, wrap if needs_wrap[col] else None)
    if names:
        sheet.autofilter(header_row, 0, header_row + len(df), len(names) - 1)
    sheet.freeze_panes(header_row + 1, 0)
    workbook.close()
    return buffer.getvalue()


def slugify(text: str, lower: bool = True) -> str:
    """ASCII words joined by hyphens: diacritics dropped (đ → d), everything else a separator."""
    text = str(text).replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")
    return slug.lower() if lower else slug


def export_file_name(campaign_code: str, table: str, as_of: dt.date,
                     unit_codes: list[str] | None, ext: str) -> str:
    """``thidua_<campaign>_<table>_<units>_<yyyy-mm-dd>.<ext>``, ASCII only.

    Units: their codes joined by hyphens (up to three), ``<n>-don-vi`` for more, and
    ``tat-ca-don-vi`` without a unit filter. Codes keep their case; the table is lower case.
    """
    codes = list(dict.fromkeys(slugify(c, lower=False) for c in unit_codes or []))
    codes = [c for c in codes if c]
    if not codes:
        units = "tat-ca-don-vi"
    elif len(codes) > 3:
        units = f"{len(codes)}-don-vi"
    else:
        units = "-".join(codes)
    parts = [
        "thidua",
        slugify(campaign_code, lower=False) or "dot",
        slugify(table) or "du-lieu",
        units,
        pd.Timestamp(as_of).date().isoformat(),
    ]
    return "_".join(parts) + "." + slugify(ext.lstrip("."))
