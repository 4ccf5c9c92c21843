"""The one formats module: exact strings for every kind of value, in both languages."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from thidua import formats


@pytest.mark.parametrize(("value", "vi", "en"), [
    (87, "87,0%", "87.0%"),
    (1234.5, "1.234,5%", "1,234.5%"),
    (94.44, "94,4%", "94.4%"),
    (5.25, "5,3%", "5.3%"),  # half up, as people round
    (-0.04, "0,0%", "0.0%"),  # never "-0"
    (np.float64(50), "50,0%", "50.0%"),
    (None, "—", "—"),
    (float("nan"), "—", "—"),
])
def test_pct(value, vi, en):
    assert formats.pct(value, "vi") == vi
    assert formats.pct(value, "en") == en


@pytest.mark.parametrize(("value", "vi", "en"), [
    (1234.5, "1.234,5", "1,234.5"),
    (94.4, "94,4", "94.4"),
    (100.0, "100", "100"),
    (2.25, "2,3", "2.3"),
    (pd.NA, "—", "—"),
])
def test_number(value, vi, en):
    assert formats.number(value, "vi") == vi
    assert formats.number(value, "en") == en


def test_count_groups_thousands():
    assert formats.count(1234567, "vi") == "1.234.567"
    assert formats.count(1234567, "en") == "1,234,567"
    assert formats.count(np.int64(148), "vi") == "148"
    assert formats.count(None, "vi") == "—"


def test_dates_months_and_times():
    day = dt.date(2026, 3, 5)
    assert formats.date(day, "vi") == "05/03/2026"
    assert formats.date(day, "en") == "5 Mar 2026"
    assert formats.date(pd.Timestamp(day), "vi") == "05/03/2026"
    assert formats.date(pd.NaT, "vi") == "—"
    assert formats.month(dt.date(2026, 3, 1), "vi") == "03/2026"
    assert formats.month(dt.date(2026, 3, 1), "en") == "Mar 2026"
    assert formats.datetime(dt.datetime(2026, 3, 5, 14, 5), "vi") == "14:05 05/03/2026"
    assert formats.datetime(dt.datetime(2026, 3, 5, 14, 5), "en") == "5 Mar 2026 14:05"
    # Decree 30/2020: leading zeros for days below 10 and months 1 and 2 only.
    assert formats.date(day, "vi", "long") == "ngày 05 tháng 3 năm 2026"
    assert formats.date(dt.date(2026, 2, 14), "vi", "long") == "ngày 14 tháng 02 năm 2026"
    assert formats.date(day, "en", "long") == "5 March 2026"


def test_date_styles_agree_across_renderers():
    """The d3, moment and Excel patterns write the same day as the Babel pattern."""
    day = dt.date(2026, 3, 5)
    vi, en = formats.date_style("date", "vi"), formats.date_style("date", "en")
    assert day.strftime(vi.d3) == formats.date(day, "vi")
    assert day.strftime(en.d3) == formats.date(day, "en")
    assert (vi.moment, vi.excel) == ("DD/MM/YYYY", "dd/mm/yyyy")
    assert (en.moment, en.excel) == ("D MMM YYYY", "d mmm yyyy")
    assert dt.date(2026, 3, 1).strftime(formats.date_style("month", "en").d3) == "Mar 2026"


def test_words_and_labels():
    assert (formats.yes_no(True, "vi"), formats.yes_no(False, "vi")) == ("Có", "Không")
    assert (formats.yes_no(True, "en"), formats.yes_no(False, "en")) == ("Yes", "No")
    assert formats.result(True, "vi") == "Đạt"
    assert formats.result(None, "vi") == "—"
    assert formats.status_label("da_khen_thuong", "vi") == "Đã có quyết định khen thưởng"
    assert formats.status_label("da_khen_thuong", "en") == "Awarded"
    assert formats.award_label("BKCT", "vi") == "Bằng khen của Chủ tịch UBND tỉnh"
    assert formats.subject_label("ca_nhan", "en") == "Individual"
    assert formats.status_label("unknown", "vi") == "unknown"


def test_value_by_type():
    assert formats.value(np.int64(1500), "vi") == "1.500"
    assert formats.value(94.4, "vi") == "94,4"
    assert formats.value(True, "en") == "Yes"
    assert formats.value(dt.date(2026, 3, 5), "en") == "5 Mar 2026"
    assert formats.value(pd.Timestamp("2026-03-05 14:05"), "vi") == "14:05 05/03/2026"
    assert formats.value(None, "en") == "—"
    assert formats.value("Phòng Kinh tế", "en") == "Phòng Kinh tế"


def test_ratio_pct_divides_by_zero_as_none():
    assert formats.ratio_pct(566, 615) == 92.0
    assert formats.ratio_pct(1, 0) is None
    assert formats.ratio_pct(None, 5) is None


def test_numbers_are_written_as_babel_writes_them():
    """``formats`` writes numbers without Babel's per-value pattern parsing: the same strings."""
    from babel.numbers import format_decimal

    rng = np.random.default_rng(7)
    values = [0, 1, -1, 5, 9.95, 0.05, -0.05, 5.25, 999.95, 999_999.95, 1234.5, -1234.5,
              12_345_678, 87, 87.04, 1e12 + 0.5, *rng.uniform(-2e6, 2e6, 400),
              *rng.integers(-10**9, 10**9, 200), *(rng.uniform(0, 100, 200).round(2))]
    for lang, locale in formats.LOCALES.items():
        for value in values:
            for decimals in (0, 1, 2):
                rounded = formats._rounded(value, decimals)
                places = "." + "0" * decimals if decimals else ""
                loose = "." + "#" * decimals if decimals else ""
                assert formats.pct(value, lang, decimals) == \
                    format_decimal(rounded, "#,##0" + places, locale=locale) + "%"
                assert formats.number(value, lang, decimals) == \
                    format_decimal(rounded, "#,##0" + loose, locale=locale)
            assert formats.count(int(value), lang) == \
                format_decimal(int(value), "#,##0", locale=locale)
