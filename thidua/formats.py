"""Every number, percent, date, month and label the user reads, in Vietnamese and English.

One place on purpose: a page table, a chart's hover text, a CSV or XLSX download, the progress
report and the ``thidua`` CLI all call these functions, so the same value reads the same way
everywhere (``87,0%`` and ``05/03/2026`` in Vietnamese; ``87.0%`` and ``5 Mar 2026`` in English).
The locale rules (decimal comma, grouping dot, month names) come from Babel's CLDR data, not from
hand-written replacements. Where a renderer formats by itself (Plotly's axis ticks, Streamlit's
date columns, Excel cells), the pattern it needs is kept here next to the Babel pattern it
mirrors, in :data:`DATE_STYLES`.

Values arrive as DuckDB hands them over through pandas (numpy scalars, ``NaN``, ``NaT``, ``date``
as ``object``); every function accepts those and shows a missing value as :data:`MISSING`.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

from thidua.catalogue import DEFAULT_LANG, t
from thidua.contract import reference as ref

MISSING = "—"
LOCALES = {"vi": "vi_VN", "en": "en_GB"}
# Plotly's `separators`: the decimal mark, then the thousands mark (the same as Babel's).
PLOTLY_SEPARATORS = {"vi": ",.", "en": ".,"}


@dataclass(frozen=True)
class DateStyle:
    """One way of writing a date, in the pattern language of each renderer that needs it."""

    babel: str  # CLDR pattern: what Python writes (tables, hover text, documents, CLI)
    d3: str  # Plotly axis ticks (d3-time-format)
    moment: str  # Streamlit DateColumn / DatetimeColumn (moment.js)
    excel: str  # XLSX number format of a date cell


DATE_STYLES: dict[tuple[str, str], DateStyle] = {
    ("date", "vi"): DateStyle("dd/MM/y", "%d/%m/%Y", "DD/MM/YYYY", "dd/mm/yyyy"),
    ("date", "en"): DateStyle("d MMM y", "%-d %b %Y", "D MMM YYYY", "d mmm yyyy"),
    ("month", "vi"): DateStyle("MM/y", "%m/%Y", "MM/YYYY", "mm/yyyy"),
    ("month", "en"): DateStyle("MMM y", "%b %Y", "MMM YYYY", "mmm yyyy"),
    ("datetime", "vi"): DateStyle("HH:mm dd/MM/y", "%H:%M %d/%m/%Y", "HH:mm DD/MM/YYYY",
                                  "hh:mm dd/mm/yyyy"),
    ("datetime", "en"): DateStyle("d MMM y HH:mm", "%-d %b %Y %H:%M", "D MMM YYYY HH:mm",
                                  "d mmm yyyy hh:mm"),
    ("long", "vi"): DateStyle("'ngày' dd 'tháng' MM 'năm' y", "%d/%m/%Y", "DD/MM/YYYY",
                              "dd/mm/yyyy"),
    ("long", "en"): DateStyle("d MMMM y", "%-d %B %Y", "D MMMM YYYY", "d mmmm yyyy"),
}


def _lang(lang: str) -> str:
    return "en" if lang == "en" else DEFAULT_LANG


def date_style(kind: str, lang: str) -> DateStyle:
    """The :class:`DateStyle` of ``kind`` (date, month, datetime, long) in ``lang``."""
    return DATE_STYLES[(kind, _lang(lang))]


def is_missing(value: Any) -> bool:
    """None, NA, NaT or NaN: a value shown as :data:`MISSING` (or left out of a chart)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT and pd.NA are not equal to themselves
    except (TypeError, ValueError):  # pd.NA refuses bool(); arrays refuse the comparison
        return value.__class__.__name__ in ("NAType", "NaTType")


def as_date(value: Any) -> dt.date | None:
    """A DuckDB DATE as pandas hands it over (date, Timestamp, datetime64 or NaT) as a date."""
    if is_missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date()
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    import pandas as pd  # numpy datetime64 and the like: only then is pandas needed

    return pd.Timestamp(value).date()


def _as_datetime(value: Any) -> dt.datetime | None:
    if is_missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().replace(tzinfo=None)
    return dt.datetime.fromisoformat(str(value))


def _rounded(value: Any, decimals: int) -> Decimal:
    """Half up, as people round (5,25 → 5,3), not the float's half-to-even; never "-0"."""
    number = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    return abs(number) if number == 0 else number


@functools.cache
def _symbols(lang: str) -> tuple[str, str, str]:
    """Babel's grouping mark, decimal mark and minus sign of ``lang`` (CLDR)."""
    locale = LOCALES[_lang(lang)]
    return get_group_symbol(locale), get_decimal_symbol(locale), get_minus_sign_symbol(locale)


def _grouped(value: Decimal | int, lang: str, decimals: int = 0, fixed: bool = False) -> str:
    """What Babel writes for the pattern ``#,##0`` with ``decimals`` places (``.00`` when
    ``fixed``, ``.##`` otherwise) of an already rounded value, in Babel's own symbols.

    Babel parses the pattern and the locale again for every value (about 150 µs); a table
    of 50,000 cells wrote its numbers for seconds. ``tests/test_formats.py`` holds this to
    Babel's output over a wide range of values.
    """
    text = f"{abs(value):,.{decimals}f}"
    if decimals and not fixed:
        text = text.rstrip("0").rstrip(".")
    group, point, minus = _symbols(lang)
    text = text.translate({ord(","): group, ord("."): point})
    return minus + text if value < 0 else text


def number(value: Any, lang: str = DEFAULT_LANG, decimals: int = 1) -> str:
    """``1.234,5`` (vi) / ``1,234.5`` (en); whole numbers without decimals."""
    if is_missing(value):
        return MISSING
    if isinstance(value, bool):
        return yes_no(value, lang)
    if not math.isfinite(float(value)):
        return MISSING
    return _grouped(_rounded(value, decimals), lang, decimals)


def count(value: Any, lang: str = DEFAULT_LANG) -> str:
    """A whole number with the language's grouping: ``12.345`` (vi) / ``12,345`` (en)."""
    if is_missing(value):
        return MISSING
    return _grouped(int(value), lang)


def pct(value: Any, lang: str = DEFAULT_LANG, decimals: int = 1) -> str:
    """A percentage held as 0–100: ``87,0%`` (vi) / ``87.0%`` (en), always ``decimals`` places."""
    if is_missing(value) or not math.isfinite(float(value)):
        return MISSING
    return f"{_grouped(_rounded(value, decimals), lang, decimals, fixed=True)}%"


def ratio_pct(numerator: Any, denominator: Any) -> float | None:
    """``numerator / denominator`` as a percentage rounded to one decimal; None for ÷ 0."""
    if is_missing(numerator) or is_missing(denominator) or not denominator:
        return None
    return float(_rounded(100 * float(numerator) / float(denominator), 1))


def date(value: Any, lang: str = DEFAULT_LANG, kind: str = "date") -> str:
    """``05/03/2026`` (vi) / ``5 Mar 2026`` (en); ``kind`` = date, month or long."""
    day = as_date(value)
    if day is None:
        return MISSING
    pattern = date_style(kind, lang).babel
    if kind == "long" and _lang(lang) == "vi" and day.month > 2:
        # Decree 30/2020/NĐ-CP: a leading zero for days below 10 and for months 1 and 2 only.
        pattern = pattern.replace("MM", "M")
    return _babel_date(day, pattern, locale=LOCALES[_lang(lang)])


def month(value: Any, lang: str = DEFAULT_LANG) -> str:
    """An evaluation period: ``03/2026`` (vi) / ``Mar 2026`` (en)."""
    return date(value, lang, "month")


def datetime(value: Any, lang: str = DEFAULT_LANG) -> str:
    """``14:05 05/03/2026`` (vi) / ``5 Mar 2026 14:05`` (en)."""
    moment = _as_datetime(value)
    if moment is None:
        return MISSING
    return _babel_datetime(moment, date_style("datetime", lang).babel,
                           locale=LOCALES[_lang(lang)])


def yes_no(value: Any, lang: str = DEFAULT_LANG) -> str:
    """A boolean as a word: ``Có``/``Không`` (vi), ``Yes``/``No`` (en)."""
    if is_missing(value):
        return MISSING
    return t("bool_yes" if value else "bool_no", lang)


def result(value: Any, lang: str = DEFAULT_LANG) -> str:
    """An evaluation result: ``Đạt`` / ``Không đạt``, or :data:`MISSING` when not evaluated."""
    if is_missing(value):
        return MISSING
    return t("result_met" if value else "result_not_met", lang)


def status_label(code: Any, lang: str = DEFAULT_LANG) -> str:
    """The reference label of a nomination status (the code itself if unknown)."""
    status = ref.STATUSES_BY_CODE.get(code)
    if status is None:
        return MISSING if is_missing(code) else str(code)
    return status.label_en if _lang(lang) == "en" else status.label_vi


def award_label(code: Any, lang: str = DEFAULT_LANG) -> str:
    """The reference label of an award form (the code itself if unknown)."""
    award = ref.AWARDS_BY_CODE.get(code)
    if award is None:
        return MISSING if is_missing(code) else str(code)
    return award.label_en if _lang(lang) == "en" else award.label_vi


def subject_label(code: Any, lang: str = DEFAULT_LANG) -> str:
    """``Tập thể`` / ``Cá nhân`` (vi), ``Collective`` / ``Individual`` (en)."""
    if code not in ref.SUBJECT_TYPES:
        return MISSING if is_missing(code) else str(code)
    vi, en, _ = ref.SUBJECT_TYPES[code]
    return en if _lang(lang) == "en" else vi


def value(value: Any, lang: str = DEFAULT_LANG) -> str:
    """Any cell of a result table as text, by its Python type (the table and CSV fallback)."""
    if is_missing(value):
        return MISSING
    if isinstance(value, bool):
        return yes_no(value, lang)
    if isinstance(value, dt.datetime) or value.__class__.__name__ == "Timestamp":
        moment = _as_datetime(value)
        if moment is not None and moment.time() == dt.time():
            return date(moment, lang)
        return datetime(value, lang)
    if isinstance(value, dt.date):
        return date(value, lang)
    if isinstance(value, int) or (hasattr(value, "dtype") and value.dtype.kind in "iu"):
        return count(value, lang)
    if isinstance(value, float) or (hasattr(value, "dtype") and value.dtype.kind == "f"):
        return number(value, lang)
    return str(value)
