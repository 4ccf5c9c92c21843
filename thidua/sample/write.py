"""Writing the sample the way a user would hand it to ``thidua load``.

* scale ``office``: ONE .xlsx workbook, a sheet per table named by its Vietnamese label,
  Vietnamese column labels, real date cells. The file is byte-stable: the same sample gives the
  same bytes (a fixed creation date), so regenerating the bundled workbook changes nothing in git
  unless its data changed.
* scales ``province`` and ``national``: a folder with one ``<table>.csv`` (or ``.parquet``) per
  table, Vietnamese column labels, units in a hierarchy, generated in DuckDB
  (``thidua.sample.large``): about 1,500 units / 120,000 staff / 2.3 million evaluations and
  25,000 units / 2 million staff / 38 million evaluations.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from thidua import formats
from thidua.contract.reference import DATE, MONTH, NUMBER, PCT, TABLES, Table
from thidua.sample.build import build_sample
from thidua.sample.plan import CAMPAIGN_START, DEFAULT_SEED
from thidua.theme import SPREADSHEET

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook

FOLDER_FORMATS: tuple[str, ...] = ("csv", "parquet")
DEFAULT_DIR = Path("data/sample")
OFFICE_FILE = "thidua_mau.xlsx"
# The workbook's "created" property: fixed, or every write would differ (and git would see it).
WORKBOOK_CREATED = dt.datetime.combine(CAMPAIGN_START, dt.time())


def _write_sheet(book: Workbook, formats_by_kind: dict[str, Any], table: Table,
                 df: pd.DataFrame) -> None:
    """One table as a sheet: labelled header, date cells, widths to fit, frozen, filterable."""
    sheet = book.add_worksheet(table.label_vi)
    for j, column in enumerate(table.columns):
        values = df[column.name].tolist()
        sheet.write_string(0, j, column.label_vi, formats_by_kind["header"])
        if column.type == DATE:
            fmt, width = formats_by_kind["date"], 12
        elif column.type == MONTH:
            fmt, width = formats_by_kind["month"], 10
        else:
            lengths = [len(str(v)) for v in values if not formats.is_missing(v)]
            width = max(lengths, default=0)
            fmt = formats_by_kind["wrap"] if width > 60 else None
        width = min(max(width, len(column.label_vi), 8) + 2, 62)
        sheet.set_column(j, j, width, fmt)
        for i, value in enumerate(values, 1):
            if formats.is_missing(value):
                continue
            if column.type in (DATE, MONTH):
                sheet.write_datetime(i, j, value, fmt)
            elif column.type in (NUMBER, PCT):
                sheet.write_number(i, j, int(value))
            else:
                sheet.write_string(i, j, str(value), fmt)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(df), len(table.columns) - 1)


def _write_workbook(tables: dict[str, pd.DataFrame], path: Path) -> None:
    import xlsxwriter

    path.parent.mkdir(parents=True, exist_ok=True)
    with xlsxwriter.Workbook(str(path)) as book:
        book.set_properties({"created": WORKBOOK_CREATED})
        formats_by_kind = {
            "header": book.add_format({"bold": True, "bg_color": SPREADSHEET.header_fill,
                                       "border": 1, "text_wrap": True, "valign": "top"}),
            "date": book.add_format({"num_format": formats.date_style("date", "vi").excel,
                                     "align": "left"}),
            "month": book.add_format({"num_format": formats.date_style("month", "vi").excel,
                                      "align": "left"}),
            "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        }
        for table in TABLES:
            _write_sheet(book, formats_by_kind, table, tables[table.name])


def write_sample(
    out: Path | None = None, scale: str = "office", seed: int = DEFAULT_SEED, fmt: str = "csv",
    rows_factor: float = 1.0,
) -> Path:
    """Write the sample and return where it went.

    ``office`` writes one workbook: ``out`` if it ends in .xlsx, ``out/thidua_mau.xlsx`` if it is
    a folder, ``data/sample/thidua_mau.xlsx`` if None (``fmt`` does not apply). The larger scales
    write a folder (``out`` or ``data/sample/<scale>/``) of ``<table>.csv`` or ``.parquet``;
    ``rows_factor`` (0–1] shrinks their counts (tests).
    """
    if fmt not in FOLDER_FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(FOLDER_FORMATS)}, not {fmt!r}")
    if scale == "office":
        tables = build_sample(scale, seed)
        if out is None:
            path = DEFAULT_DIR / OFFICE_FILE
        elif out.suffix.lower() == ".xlsx" and not out.is_dir():
            path = out
        else:
            path = out / OFFICE_FILE
        _write_workbook(tables, path)
        return path
    from thidua.sample.large import generate

    folder = out if out is not None else DEFAULT_DIR / scale
    return generate(folder, scale, seed, fmt, rows_factor)
