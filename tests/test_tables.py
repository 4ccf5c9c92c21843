"""Which tables carry a Styler: those with numbers or dates, whose values sort apart
from their strings; a table of text alone is its display strings (cheaper, same order)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from pandas.io.formats.style import Styler

from dashboard.ui.tables import display_frame, styled

TEXT = pd.DataFrame({"unit_code": ["TH", "KT", None], "full_name": ["Lan", "", "Bình"],
                     "status": ["de_xuat", "da_trinh", None]})


def test_a_table_of_text_is_its_display_strings():
    for lang in ("vi", "en"):
        shown = styled(TEXT, lang)
        assert not isinstance(shown, Styler)
        pd.testing.assert_frame_equal(shown, display_frame(TEXT, lang), check_dtype=False)
        assert list(shown.iloc[:, 0]) == ["TH", "KT", "—"]


def test_small_counts_go_as_numbers_beside_the_strings():
    df = TEXT.assign(results_expected=[0, 12, 999])
    for lang in ("vi", "en"):
        shown = styled(df, lang)
        assert not isinstance(shown, Styler)
        assert shown.iloc[:, -1].dtype.kind == "i"  # sorts as numbers
        assert [str(v) for v in shown.iloc[:, -1]] == list(display_frame(df, lang).iloc[:, -1])
        assert list(shown.iloc[:, 0]) == ["TH", "KT", "—"]
    for other in ([0, 12, 1000], [0, -1, 5]):  # 1.000 / 1,000 and a minus need writing
        assert isinstance(styled(TEXT.assign(results_expected=other), "vi"), Styler)
    with_missing = TEXT.assign(results_expected=pd.array([1, None, 3], dtype="Int64"))
    assert isinstance(styled(with_missing, "vi"), Styler)  # a missing count reads "—"


def test_yes_no_is_sent_as_its_words_not_as_a_checkbox():
    """Streamlit's grid draws a bool column as greyed checkboxes whatever a Styler says; the
    cells go as the words the downloads use, and a table of them needs no Styler."""
    df = TEXT.assign(is_registered=[True, False, None])
    for lang, words in (("vi", ["Có", "Không", "—"]), ("en", ["Yes", "No", "—"])):
        shown = styled(df, lang)
        assert not isinstance(shown, Styler)
        assert list(shown.iloc[:, -1]) == words
    beside_numbers = styled(df.assign(completeness_pct=[87.0, None, 5.5]), "vi")
    assert isinstance(beside_numbers, Styler)
    assert list(beside_numbers.data.iloc[:, -2]) == ["Có", "Không", "—"]
    assert beside_numbers.data.iloc[:, -2].dtype.kind != "b"


def _cells(styler: Styler) -> list[list[str]]:
    body = styler._translate(False, False)["body"]
    return [[cell["display_value"] for cell in row if cell["type"] == "td"] for row in body]


def test_numbers_dates_and_yes_no_keep_their_values_under_the_strings():
    for column in ({"staff_total": [1234, 5, 7]}, {"completeness_pct": [87.0, None, 5.5]},
                   {"since": [dt.date(2026, 3, 5), None, dt.date(2025, 1, 1)]}):
        df = TEXT.assign(**column)
        for lang in ("vi", "en"):
            shown = styled(df, lang)
            assert isinstance(shown, Styler), column
            values = shown.data.iloc[:, -1]
            assert list(values.fillna(-1)) == list(df.iloc[:, -1].fillna(-1))  # sorts as values
            assert _cells(shown) == display_frame(df, lang).values.tolist()
