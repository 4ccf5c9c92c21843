"""The unit filter: a list for an Office, a way down the hierarchy and a search for a province.

An Office (no unit below another, a few dozen units) keeps the multiselect of every unit. A
campaign with a hierarchy or with more units than ``levels.PICKER_LIMIT`` gets instead: the
chosen unit's path as breadcrumbs (each a button that goes back up to it), the units one level
below it to pick from, and a search box over codes and names (``marts/unit_search``, at most
``SEARCH_LIMIT`` matches). So the browser never holds a list of thousands of units. A choice
goes into the address (``units=``) and the page runs again with it; the pages' drill-down
(``choose``) does the same.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.ui import state
from dashboard.ui.widgets import md_escape
from thidua.catalogue import t
from thidua.metrics import levels

SEARCH_LIMIT = 50


def units_of(campaign: str) -> pd.DataFrame:
    """Every unit of the campaign (code, name, parent, level, staff), cached."""
    return state.query("marts/table_units", campaign_code=campaign, unit_codes=None)


def uses_hierarchy(units: pd.DataFrame) -> bool:
    """Whether the campaign needs the level picker rather than one list of every unit."""
    return len(units) > levels.PICKER_LIMIT or bool(units["parent_unit"].notna().any())


def choose(code: str | None) -> None:
    """Put ``code`` (None: every unit) in the address; the rerun applies it."""
    if code:
        st.query_params["units"] = code
    else:
        st.query_params.pop("units", None)


def _on_pick(key: str) -> None:
    choose(st.session_state.get(key))


def hierarchy_picker(sidebar, units: pd.DataFrame, chosen: list[str], campaign: str,
                     lang: str) -> list[str]:
    """Breadcrumbs, the level below and a search; returns the units chosen (from the URL)."""
    view = levels.level_view(units, tuple(chosen))
    names = dict(zip(units["unit_code"], units["unit_name"], strict=True))
    sidebar.markdown(f"**{t('filter_units', lang)}**")
    crumbs = [(None, t("filter_units_all", lang)), *view.path]
    if len(chosen) > 1:
        crumbs.append(("", t("filter_units_many", lang, n=len(chosen))))
    for depth, (code, name) in enumerate(crumbs):
        label = ("› " * min(depth, 1)) + md_escape(name)
        if depth == len(crumbs) - 1:
            sidebar.markdown(f"{'&nbsp;' * 2 * depth}**{label}**")
        else:
            sidebar.button(label, key=f"crumb_{campaign}_{depth}", on_click=choose,
                           args=(code,), type="tertiary", icon=":material/arrow_upward:")
    if view.children and len(view.children) <= levels.PICKER_LIMIT:
        key = f"below_{campaign}_{','.join(chosen)}"
        codes = [c for c, _ in view.children]
        sidebar.selectbox(t("filter_units_below", lang), codes, index=None, key=key,
                          format_func=lambda c: names.get(c, c), on_change=_on_pick,
                          args=(key,), placeholder=t("filter_units_below_hint", lang,
                                                     n=len(codes)))
    text = sidebar.text_input(t("filter_units_search", lang), key=f"unit_search_{campaign}",
                              placeholder=t("filter_units_search_hint", lang))
    if text.strip():
        found = state.query("marts/unit_search", campaign_code=campaign, search=text.strip(),
                            limit=SEARCH_LIMIT)
        if found.empty:
            sidebar.caption(t("filter_units_none_found", lang))
        else:
            key = f"found_{campaign}_{text.strip()}"
            sidebar.selectbox(
                t("filter_units_found", lang, n=len(found)), list(found["unit_code"]),
                index=None, key=key, on_change=_on_pick, args=(key,),
                format_func=lambda c: f"{names.get(c, c)} ({c})",
                placeholder=t("filter_units_found_hint", lang))
    return chosen
