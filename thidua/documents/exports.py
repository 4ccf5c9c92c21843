"""Downloads of the dashboard's tables: CSV (UTF-8 with BOM) and formatted XLSX, in memory.

Both formats are safe to open in a spreadsheet: text that a spreadsheet would read as a formula
(``=``, ``+``, ``-``, ``@``, tab, carriage return at the start) gets a leading apostrophe, and
the XLSX writes every text cell as a string. A download speaks the language it was asked in:
dates and booleans are written by :mod:`thidua.formats` (``24/11/2026`` and ``Có`` in Vietnamese,
``24 Nov 2026`` and ``Yes`` in English; in the XLSX, real Excel dates in that pattern), the sheet
is named from the catalogue. Numbers in a CSV stay machine numbers (``7.5``, ``-5``) so any tool
reads them back; a missing value is an empty field. ``export_file_name`` names a download after
its campaign, table, units and date, in plain ASCII. Nothing here touches Streamlit.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

import pandas as pd

from thidua import formats
from thidua.catalogue import DEFAULT_LANG, t
from thidua.documents.cells import as_text, plain, safe_cell
from thidua.documents.xlsx import new_workbook, write_table_sheet

__all__ = ["export_file_name", "safe_cell", "slugify", "to_csv_bytes", "to_xlsx_bytes"]


def _labelled(df: pd.DataFrame, labels: dict[str, str] | None) -> list[str]:
    return [str((labels or {}).get(c, c)) for c in df.columns]


def _csv_text(value: Any, lang: str, bool_labels: Sequence[str] | None) -> Any:
    value = plain(value)
    if isinstance(value, bool) and bool_labels:
        return bool_labels[0] if value else bool_labels[1]
    if isinstance(value, float) and value.is_integer():
        return int(value)  # an integer column with gaps arrives as float: no trailing ".0"
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    return safe_cell(as_text(value, lang))


def to_csv_bytes(df: pd.DataFrame, labels: dict[str, str] | None = None, *,
                 bool_labels: tuple[str, str] | None = None, lang: str = DEFAULT_LANG) -> bytes:
    """``df`` as CSV in UTF-8 with a BOM (so Excel reads the diacritics).

    Columns are renamed by ``labels`` (unlisted ones keep their name); dates, moments and
    booleans are written the way of ``lang`` (booleans as ``bool_labels`` (yes, no) when
    given); numbers stay plain numbers; text goes through ``safe_cell``; missing values are
    empty.
    """
    out = pd.DataFrame(
        {i: [_csv_text(v, lang, bool_labels) for v in df.iloc[:, i].tolist()]
         for i in range(df.shape[1])},
        index=range(len(df)), dtype=object)
    out.columns = [safe_cell(c) for c in _labelled(df, labels)]
    text = out.to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def to_xlsx_bytes(df: pd.DataFrame, *, title: str, filter_lines: list[str],
                  labels: dict[str, str] | None = None, sheet_name: str | None = None,
                  bool_labels: tuple[str, str] | None = None,
                  lang: str = DEFAULT_LANG) -> bytes:
    """``df`` as a one-sheet workbook: title, applied filters, then a filterable table.

    The layout and cell types are :func:`thidua.documents.xlsx.write_table_sheet`'s; the sheet
    is named ``sheet_name`` (default: the catalogue's word for data in ``lang``), booleans are
    ``bool_labels`` (yes, no), by default the words of ``lang``.
    """
    buffer = io.BytesIO()
    workbook = new_workbook(buffer)
    write_table_sheet(workbook, df, name=sheet_name or t("export_sheet_data", lang), title=title,
                      filter_lines=filter_lines, labels=_labelled(df, labels), lang=lang,
                      bool_labels=bool_labels)
    workbook.close()
    return buffer.getvalue()


def slugify(text: str, lower: bool = True) -> str:
    """ASCII words joined by hyphens: diacritics dropped (đ → d), everything else a separator."""
    text = str(text).replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")
    return slug.lower() if lower else slug


def file_day(as_of: Any) -> str:
    """The as-of date in a file name: ISO ``yyyy-mm-dd`` (sorts by date, ASCII)."""
    day = formats.as_date(as_of)
    return day.isoformat() if day else "undated"


def export_file_name(campaign_code: str, table: str, as_of: dt.date,
                     unit_codes: list[str] | None, ext: str) -> str:
    """``thidua_<campaign>_<table>_<units>_<yyyy-mm-dd>.<ext>``, ASCII only.

    Units: their codes joined by hyphens (up to three), ``<n>-don-vi`` for more, and
    ``tat-ca-don-vi`` without a unit filter. Codes keep their case; the table is lower case.
    """
    units = units_part(unit_codes) or "tat-ca-don-vi"
    parts = ["thidua", slugify(campaign_code, lower=False) or "dot", slugify(table) or "du-lieu",
             units, file_day(as_of)]
    return "_".join(parts) + "." + slugify(ext.lstrip("."))


def units_part(unit_codes: list[str] | None) -> str:
    """Unit codes in a file name: joined by hyphens up to three, ``<n>-don-vi`` beyond."""
    codes = [c for c in dict.fromkeys(slugify(u, lower=False) for u in unit_codes or []) if c]
    if len(codes) > 3:
        return f"{len(codes)}-don-vi"
    return "-".join(codes)
