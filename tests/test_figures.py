"""Built figures are shared by every session with the same rows, and only with the same rows.

A figure is cached by a digest of the rows it draws (``dashboard.ui.figures``): a unit's rows,
another unit's rows, another language, the projector: each is its own figure, and the figure
served always draws the rows asked about.
"""

from __future__ import annotations

import functools

import pandas as pd
import pytest

from dashboard.ui import chart_element, figures
from tests.test_charts import look, units_frame
from thidua import charts


@pytest.fixture(autouse=True)
def empty_cache():
    figures.clear()
    yield
    figures.clear()


def counted(build):
    calls: list[pd.DataFrame] = []

    @functools.wraps(build)
    def wrapper(df, **kwargs):
        calls.append(df)
        return build(df, **kwargs)

    wrapper.calls = calls
    return wrapper


def names_drawn(fig) -> list[str]:
    return list(fig.layout.yaxis.ticktext)


def test_the_same_rows_are_built_once():
    build = counted(charts.participation_by_unit)
    first = figures.figure(build, units_frame(), "vi", target_pct=90)
    again = figures.figure(build, units_frame(), "vi", target_pct=90)
    assert again is first
    assert len(build.calls) == 1


def test_other_rows_never_get_a_figure_built_for_others():
    build = counted(charts.participation_by_unit)
    office = units_frame()
    one_unit = office[office["unit_code"] == office["unit_code"].iloc[0]].reset_index(drop=True)
    fig_office = figures.figure(build, office, "vi", target_pct=90)
    fig_unit = figures.figure(build, one_unit, "vi", target_pct=90)
    assert fig_unit is not fig_office
    assert names_drawn(fig_unit) == [one_unit["unit_name"].iloc[0]]
    assert len(names_drawn(fig_office)) == len(office) > 1
    assert figures.figure(build, office, "vi", target_pct=90) is fig_office
    assert len(build.calls) == 2


def test_one_changed_cell_is_another_figure():
    changed = units_frame()
    changed.loc[0, "unit_name"] = "Phòng Khác"
    assert figures.frame_key(changed) != figures.frame_key(units_frame())
    fig = figures.figure(charts.participation_by_unit, changed, "vi", target_pct=90)
    assert "Phòng Khác" in names_drawn(fig)


def test_the_key_covers_every_row_of_a_large_frame():
    # Streamlit's own hashing samples frames of 100,000 rows or more.
    big = pd.DataFrame({"unit_code": [f"U{i}" for i in range(150_000)], "n": range(150_000)})
    other = big.copy()
    other.loc[123_457, "n"] = -1
    assert figures.frame_key(big) != figures.frame_key(other)
    assert figures.frame_key(big) == figures.frame_key(big.copy())


def test_columns_types_and_order_are_part_of_the_key():
    df = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
    keys = {figures.frame_key(df), figures.frame_key(df.rename(columns={"a": "c"})),
            figures.frame_key(df.astype(float)), figures.frame_key(df.iloc[::-1]),
            figures.frame_key(df.iloc[0:0]), figures.frame_key(None)}
    assert len(keys) == 6


def test_language_options_and_screen_are_part_of_the_key():
    build = counted(charts.participation_by_unit)
    vi = figures.figure(build, units_frame(), "vi", target_pct=90)
    en = figures.figure(build, units_frame(), "en", target_pct=90)
    other_target = figures.figure(build, units_frame(), "vi", target_pct=80)
    room = figures.figure(build, units_frame(), "vi", projector=True, target_pct=90)
    assert len({id(vi), id(en), id(other_target), id(room)}) == 4
    assert vi.layout.separators == ",." and en.layout.separators == ".,"
    assert [a.text for a in other_target.layout.annotations] == ["Chỉ tiêu 80,0%"]
    assert look(room, "paper_bgcolor") == charts.PROJECTOR.background
    assert look(vi, "paper_bgcolor") == "white"  # the desk figure is not the projector's


def test_two_sessions_with_the_same_filters_build_the_trend_once(tiny_app, monkeypatch):
    build = counted(charts.fulfilment_trend)
    monkeypatch.setattr(charts, "fulfilment_trend", build)
    first, second = tiny_app(), tiny_app()
    assert not first.exception and not second.exception
    assert len(chart_element.specs(first)) == len(chart_element.specs(second)) == 1
    assert chart_element.specs(first) == chart_element.specs(second)
    assert len(build.calls) == 1


def test_a_shown_figure_reads_as_the_figure_it_was_built_from():
    import plotly.io as pio

    built = charts.participation_by_unit(units_frame(), lang="vi", target_pct=90)
    shown = figures.figure(charts.participation_by_unit, units_frame(), "vi", target_pct=90)
    assert isinstance(shown, figures.ShownFigure)
    assert pio.to_json(shown.to_dict(), validate=False) == pio.to_json(built, validate=False)
    first, second = shown.to_dict(), shown.to_dict()
    first["data"][0]["uid"] = "x"  # what one chart call does to its copy stays there
    assert "uid" not in second["data"][0] and "uid" not in shown.to_dict()["data"][0]


def test_cells_pickle_cannot_write_still_have_a_key():
    df = pd.DataFrame({"f": [lambda: 1, lambda: 2]})
    assert figures.frame_key(df) == figures.frame_key(df)
    assert figures.frame_key(df) != figures.frame_key(df.iloc[:1])
