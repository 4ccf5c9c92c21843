"""Cell values as a spreadsheet or a CSV file takes them: plain Python values, formula-safe text.

DuckDB hands rows over through pandas (numpy scalars, ``NaN``, ``NaT``, ``Timestamp``, ``Decimal``);
both writers of tables (``exports`` for CSV, ``xlsx`` for every workbook) first turn a cell into
one of None, bool, int, float, date, datetime or str here, so they decide on the same types.
Text a spreadsheet would run as a formula gets a leading apostrophe (:func:`safe_cell`).
"""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

import numpy as np
import pandas as pd

from thidua import formats

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` with a leading apostrophe if it is text a spreadsheet would run as a formula.

    Only ``str`` is touched; numbers, dates, booleans and missing values come back unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def is_date_only(value: dt.datetime) -> bool:
    """A moment at midnight without a time zone: a DATE that pandas made a Timestamp."""
    return value.time() == dt.time(0) and value.tzinfo is None


def plain(value: Any) -> Any:
    """A cell as a plain Python value: None, bool, int/float, date, datetime or str."""
    if formats.is_missing(value):
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


def as_text(value: Any, lang: str) -> str | None:
    """A plain date, moment or boolean written the language's way (None when missing)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return formats.yes_no(value, lang)
    if isinstance(value, dt.datetime):
        return formats.date(value, lang) if is_date_only(value) else formats.datetime(value, lang)
    if isinstance(value, dt.date):
        return formats.date(value, lang)
    return str(value)
