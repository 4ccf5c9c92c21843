"""One level of units on a page: its rows, the worst/best N setting and the way down.

The pages that chart units (participation, criteria) show the level the unit filter points at
(``thidua.metrics.levels``): the top units, or the units below the chosen one. At most the N
worst and N best rows are drawn (N a setting on the page, offered only when the level has more
rows than that), with a line saying how many of how many are shown; a unit with units below
it can be opened from under the chart (its units become the level shown).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.ui import unit_picker
from thidua import formats
from thidua.catalogue import t
from thidua.metrics import levels
from thidua.metrics.filters import Filters


def current(filters: Filters) -> levels.LevelView:
    """The level the unit filter points at."""
    return levels.level_view(unit_picker.units_of(filters.campaign), filters.units)


def own_labelled(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The chosen unit's own row named as such (its subtree is the rest of the level)."""
    if df.empty or "is_own" not in df:
        return df
    out = df.copy()
    own = out["is_own"].fillna(False).astype(bool)
    out.loc[own, "unit_name"] = [t("level_own_row", lang, name=name)
                                 for name in out.loc[own, "unit_name"]]
    return out


def rows_setting(total: int, lang: str, key: str) -> int:
    """The worst/best N of the page (a setting only when the level has more rows than 2 N)."""
    if total <= 2 * levels.ROW_CHOICES[0]:
        return levels.DEFAULT_ROWS
    return st.segmented_control(t("level_rows", lang), levels.ROW_CHOICES,
                                default=levels.DEFAULT_ROWS, key=key,
                                required=True) or levels.DEFAULT_ROWS


def capped(df: pd.DataFrame, column: str, n: int, lang: str, measure_key: str) -> pd.DataFrame:
    """At most the n worst and n best rows by ``column``, said in a caption when cut."""
    shown = levels.worst_and_best(df, column, n)
    if shown.shown < shown.total:
        st.caption(t("level_showing", lang, shown=formats.count(shown.shown, lang),
                     total=formats.count(shown.total, lang), n=formats.count(n, lang),
                     measure=t(measure_key, lang).lower()))
    return shown.rows


def _on_drill(key: str) -> None:
    unit_picker.choose(st.session_state.get(key))


def drill_down(view: levels.LevelView, df: pd.DataFrame, lang: str, key: str) -> None:
    """A choice of the level's units that have units below them: opening one shows those."""
    if df.empty or "descendant_count" not in df:
        return
    openable = df[(df["descendant_count"] > 0) & ~df["is_own"].fillna(False).astype(bool)]
    if openable.empty:
        return
    names = dict(zip(openable["unit_code"], openable["unit_name"], strict=True))
    st.selectbox(t("level_drill", lang), list(names), index=None, key=key,
                 format_func=lambda c: names.get(c, c), on_change=_on_drill, args=(key,),
                 placeholder=t("level_drill_hint", lang))
