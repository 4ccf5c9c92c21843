"""How a result table reads on screen: catalogue column names and every cell in ``thidua.formats``.

A named query hands over codes, numbers, booleans and dates; a person reads labels, ``87,0%``,
``1.234``, ``Có``, ``Đạt``, ``05/03/2026`` and ``—``. This module decides, column by column,
which :mod:`thidua.formats` function writes a column, and nothing else: no streamlit here, so
the display strings are unit-tested. :func:`styled` keeps the real values under those strings
(a pandas Styler), so a click on a column header still sorts numbers as numbers and dates as
dates (a table of text and small counts alone needs no Styler: they read as their values);
:func:`display_frame` gives the strings themselves; :func:`label_columns` gives the
labelled values the CSV and XLSX downloads are built from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from thidua import formats
from thidua.catalogue import MESSAGES, t

Formatter = Callable[[Any], str]
# Code columns shown as their reference label (the label is the value: it sorts as it reads).
LABELS: dict[str, Callable[[Any, str], str]] = {
    "status": formats.status_label,
    "award_code": formats.award_label,
    "subject_type": formats.subject_label,
}
HEADER_KEYS = {"award_code": "col_award"}  # column -> catalogue key where not ``col_<column>``
# A Styler costs about 6 ms per 1,000 cells to build; beyond this the strings alone are shown.
STYLER_MAX_CELLS = 100_000
PLAIN_COUNT_BELOW = 1000  # counts under this are their digits in vi and en (no separator)


def column_labels(columns: list[str], lang: str) -> dict[str, str]:
    """Column name -> its catalogue header (columns without one keep their name)."""
    keys = {c: HEADER_KEYS.get(c, f"col_{c}") for c in columns}
    return {c: t(key, lang) for c, key in keys.items() if key in MESSAGES}


def _text(value: Any) -> str:
    blank = formats.is_missing(value) or (isinstance(value, str) and not value.strip())
    return formats.MISSING if blank else str(value)


def _has_time(series: pd.Series) -> bool:
    stamps = pd.to_datetime(series.dropna())
    return bool((stamps != stamps.dt.normalize()).any())


def _first_value(series: pd.Series) -> Any:
    present = series.dropna()
    return present.iloc[0] if len(present) else None


def column_formatter(name: str, series: pd.Series, lang: str) -> Formatter:
    """The :mod:`thidua.formats` function that writes the cells of column ``name``."""
    if name == "result":
        return partial(formats.result, lang=lang)
    if name == "period":
        return partial(formats.month, lang=lang)
    if name.endswith("_pct"):
        return partial(formats.pct, lang=lang)
    kind = series.dtype.kind
    first = _first_value(series)
    if kind == "b" or isinstance(first, bool):
        return partial(formats.yes_no, lang=lang)
    if kind in "iu":
        return partial(formats.count, lang=lang)
    if kind == "f":
        return partial(formats.number, lang=lang)
    if kind == "M" or isinstance(first, dt.date | pd.Timestamp):
        if _has_time(series):
            return partial(formats.datetime, lang=lang)
        return partial(formats.date, lang=lang)
    return _text


def column_text(values: pd.Series, fmt: Formatter) -> np.ndarray:
    """``fmt`` of every cell of a column, computed once per distinct value (a column repeats
    its periods, scores and codes) and spread back over the rows in one step."""
    try:
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
    except TypeError:  # unhashable cells (lists): cell by cell
        return np.array([fmt(v) for v in values], dtype=object)
    texts = np.array([fmt(v) for v in uniques] + [formats.MISSING], dtype=object)
    return texts[codes]


def relabel(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``df`` with its code columns (status, award, subject type) as reference labels."""
    out = df.copy()
    for name, label in LABELS.items():
        if name in out:
            out[name] = column_text(out[name], partial(label, lang=lang))
    return out


def _remembered(fmt: Formatter) -> Formatter:
    """``fmt`` writing each distinct value once (a column repeats its periods, scores, codes)."""
    seen: dict[Any, str] = {}

    def write(value: Any) -> str:
        try:
            return seen[value]
        except KeyError:
            text = seen[value] = fmt(value)
            return text
        except TypeError:  # an unhashable cell
            return fmt(value)

    return write


def formatters(df: pd.DataFrame, lang: str) -> dict[str, Formatter]:
    """Column name -> the function writing its cells (for a frame already :func:`relabel`-ed)."""
    return {name: _remembered(column_formatter(name, df[name], lang)) for name in df.columns}


def _texts(labelled: pd.DataFrame, fmts: dict[str, Formatter], lang: str) -> pd.DataFrame:
    out = pd.DataFrame({name: column_text(labelled[name], fmts[name]) for name in labelled},
                       index=labelled.index, dtype=object)
    return out.rename(columns=column_labels(list(out.columns), lang))


def display_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """What the reader sees: every cell as its display string, under the catalogue headers."""
    labelled = relabel(df, lang)
    return _texts(labelled, {name: column_formatter(name, labelled[name], lang)
                             for name in labelled.columns}, lang)


def _reads_as_itself(fmt: Formatter, series: pd.Series) -> bool:
    """Whether the cells of a column read as its values do and sort as its values do: text
    (a blank shown as ``—``), or whole counts from 0 to 999, written as their digits in either
    language (from 1.000 / 1,000 on, a separator; a missing count is ``—``)."""
    if fmt is _text:
        return True
    counts = isinstance(fmt, partial) and fmt.func is formats.count
    return bool(counts and series.dtype.kind in "iu" and series.notna().all()
                and series.between(0, PLAIN_COUNT_BELOW - 1).all())


def styled(df: pd.DataFrame, lang: str) -> Styler | pd.DataFrame:
    """The real values (for sorting) shown as :func:`display_frame` shows them.

    A table whose every column reads as its values (:func:`_reads_as_itself`: names, codes,
    labels, small counts) needs no Styler: its text columns go as their display strings and its
    counts as numbers (shown as digits), the same cells sorted the same way, at an eighth of
    the cost (the Styler's cell-by-cell marshalling: 67 against 8 ms for 2,000 rows of 7
    columns). Above :data:`STYLER_MAX_CELLS` cells the strings are returned: readable, sorted
    as text.
    """
    labelled = relabel(df, lang)
    fmts = {name: column_formatter(name, labelled[name], lang) for name in labelled.columns}
    for name, fmt in fmts.items():  # the grid draws a bool as a greyed checkbox, whatever the
        if isinstance(fmt, partial) and fmt.func is formats.yes_no:  # Styler writes: send words
            labelled[name] = column_text(labelled[name], fmt)  # ("Có" sorts apart from "Không")
            fmts[name] = _text
    if df.size > STYLER_MAX_CELLS:
        return _texts(labelled, fmts, lang)
    if all(_reads_as_itself(fmt, labelled[name]) for name, fmt in fmts.items()):
        text = {name: fmt for name, fmt in fmts.items() if fmt is _text}
        out = labelled.copy()
        for name, fmt in text.items():
            out[name] = column_text(labelled[name], fmt)
        return out.rename(columns=column_labels(list(out.columns), lang))
    names = column_labels(list(labelled.columns), lang)
    frame = labelled.rename(columns=names)
    return frame.style.format({names.get(c, c): _remembered(fmt) for c, fmt in fmts.items()})


def label_columns(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The values of a download: labels for codes, results and periods, catalogue headers.

    Numbers and dates stay numbers and dates (the file formats them as its cells).
    """
    out = relabel(df, lang)
    if "result" in out:
        out["result"] = column_text(out["result"], partial(formats.result, lang=lang))
    if "period" in out:
        out["period"] = column_text(out["period"], partial(formats.month, lang=lang))
    return out.rename(columns=column_labels(list(out.columns), lang))
