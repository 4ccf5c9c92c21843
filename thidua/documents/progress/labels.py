"""How a table of the progress report reads: column headers, codes as words, cells as text.

The HTML (and so the PDF) writes every cell as text through :mod:`thidua.formats`; the XLSX
keeps numbers and dates typed but shares the headers and the words for codes with the HTML.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from thidua import formats
from thidua.catalogue import MESSAGES, t

# Query columns whose header is not simply ``col_<name>``.
_HEADER_KEYS = {"award_code": "col_award", "proposing_unit_name": "col_proposing_unit"}
# Columns holding codes that are shown as words.
_LABELLERS = {"status": formats.status_label, "award_code": formats.award_label,
              "subject_type": formats.subject_label, "period": formats.month}


def column_label(name: str, lang: str) -> str:
    """The catalogue label of a query column (``col_<name>``, then ``report_progress_col_``)."""
    for key in (_HEADER_KEYS.get(name), f"col_{name}", f"report_progress_col_{name}"):
        if key in MESSAGES:
            return t(key, lang)
    return name


def labelled_values(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Codes shown as words (statuses, award forms, subject types, periods), as on the pages."""
    out = frame.copy()
    for column, label in _LABELLERS.items():
        if column in out:
            out[column] = pd.Series([label(v, lang) for v in out[column]], index=out.index,
                                    dtype=object)
    return out


def is_code_column(name: Any) -> bool:
    """A ``*_code`` column (kept on one line); the award form is shown as its label."""
    return str(name).endswith("_code") and name != "award_code"


def cell_text(value: Any, lang: str) -> tuple[str, str]:
    """A table cell as shown: (text, CSS class: "num" right-aligned, "nw" kept on one line)."""
    if formats.is_missing(value):
        return formats.MISSING, ""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return formats.yes_no(bool(value), lang), ""
    if isinstance(value, pd.Timestamp | dt.date):
        return formats.value(value, lang), "nw"
    if isinstance(value, int | float) or type(value).__name__.startswith(("int", "uint", "float")):
        return formats.value(value, lang), "num"
    return str(value), ""
