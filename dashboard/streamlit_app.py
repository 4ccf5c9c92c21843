"""The dashboard's entry: page config, the global filters (kept in the URL), navigation.

Thin on purpose: the filters are resolved here once per run and handed to the pages through
``st.session_state["filters"]``; the pages only lay out what the named queries return. With
``?mode=trinh-chieu`` the same filters drive the presentation mode instead (no sidebar).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import streamlit as st

if __package__ in (None, ""):  # `streamlit run dashboard/streamlit_app.py` runs it as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.ui import state
from thidua.catalogue import LANGS, t
from thidua.formats import as_date
from thidua.metrics.filters import PRESENTATION_MODE, Filters, from_query, to_query

PAGES = (  # (file, catalogue key, icon, url path)
    ("app_pages/overview.py", "page_overview", ":material/dashboard:", "tong-quan"),
    ("app_pages/participation.py", "page_participation", ":material/group:", "tham-gia"),
    ("app_pages/criteria.py", "page_criteria", ":material/fact_check:", "tieu-chi"),
    ("app_pages/nominations.py", "page_nominations", ":material/workspace_premium:",
     "khen-thuong"),
    ("app_pages/reports.py", "page_reports", ":material/description:", "bao-cao"),
    ("app_pages/tables.py", "page_tables", ":material/table:", "du-lieu"),
    ("app_pages/import_data.py", "page_import", ":material/upload_file:", "nhap-du-lieu"),
)
PRESENTATION_PAGE = "app_pages/presentation.py"
HERE = Path(__file__).resolve().parent


def _date_bounds(campaigns, campaign: str) -> tuple[dt.date, dt.date, dt.date]:
    """(first, last, default) as-of dates a campaign's date picker offers."""
    latest = as_date(state.query("metrics/default_as_of", campaign_code=campaign,
                                 today=dt.date(9999, 12, 31))["as_of"].iloc[0])
    default = as_date(state.query("metrics/default_as_of", campaign_code=campaign,
                                  today=dt.date.today())["as_of"].iloc[0])
    row = campaigns.set_index("campaign_code").loc[campaign]
    first = min(as_date(row["start_date"]), default)
    return first, max(latest, default, as_date(row["end_date"])), default


def _resolve(initial: Filters, campaigns, widgets: bool) -> tuple[Filters, dt.date | None]:
    """The filters of this run: from the sidebar widgets, or from the URL alone."""
    sidebar = st.sidebar
    lang = initial.lang
    if widgets:
        lang = sidebar.segmented_control(
            t("filter_lang", initial.lang), LANGS, default=initial.lang, key="lang",
            format_func=lambda code: t(f"lang_{code}", code), required=True) or initial.lang
    if campaigns.empty:
        return Filters(lang=lang, extra=dict(initial.extra)), None
    codes = list(campaigns["campaign_code"])
    names = dict(zip(campaigns["campaign_code"], campaigns["campaign_name"], strict=True))
    campaign = initial.campaign if initial.campaign in codes else codes[0]
    units = state.query("marts/table_units", campaign_code=campaign, unit_codes=None)
    unit_names = dict(zip(units["unit_code"], units["unit_name"], strict=True))
    chosen = [u for u in initial.units if u in unit_names]
    first, last, default = _date_bounds(campaigns, campaign)
    as_of = initial.as_of if initial.as_of and first <= initial.as_of <= last else default
    if widgets:
        sidebar.subheader(t("filters_title", lang))
        campaign = sidebar.selectbox(
            t("filter_campaign", lang), codes, index=codes.index(campaign),
            format_func=lambda c: f"{c} · {names[c][:60]}", key="campaign")
        if campaign != (initial.campaign if initial.campaign in codes else codes[0]):
            units = state.query("marts/table_units", campaign_code=campaign, unit_codes=None)
            unit_names = dict(zip(units["unit_code"], units["unit_name"], strict=True))
            first, last, default = _date_bounds(campaigns, campaign)
            chosen, as_of = [], default
        chosen = sidebar.multiselect(
            t("filter_units", lang), list(unit_names), default=chosen,
            format_func=lambda c: unit_names.get(c, c),
            placeholder=t("filter_units_all", lang), key=f"units_{campaign}")
        as_of = sidebar.date_input(t("filter_as_of", lang), value=as_of, min_value=first,
                                   max_value=last,
                                   format="DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD",
                                   key=f"as_of_{campaign}")
        sidebar.divider()
        if sidebar.button(t("present_start", lang), icon=":material/slideshow:",
                          key="present_start"):
            st.query_params["mode"] = PRESENTATION_MODE
            st.rerun()
    return Filters(campaign, tuple(chosen), as_of, lang, dict(initial.extra)), default


def main() -> None:
    initial = from_query(st.query_params.to_dict())
    presenting = initial.mode == PRESENTATION_MODE
    st.set_page_config(page_title="thidua", page_icon=":material/military_tech:",
                       layout="wide",
                       initial_sidebar_state="collapsed" if presenting else "expanded")
    campaigns = state.query("metrics/campaigns")
    filters, default_as_of = _resolve(initial, campaigns, widgets=not presenting)
    st.session_state["filters"] = filters
    st.session_state["campaigns"] = campaigns
    if presenting:
        page = st.navigation([st.Page(HERE / PRESENTATION_PAGE, title=t("present_title",
                                                                          filters.lang))],
                             position="hidden")
    else:
        page = st.navigation([
            st.Page(HERE / path, title=t(key, filters.lang), icon=icon, url_path=url,
                    default=(i == 0)) for i, (path, key, icon, url) in enumerate(PAGES)])
    query = to_query(filters)
    if filters.as_of == default_as_of:  # "today" stays "today" in a bookmarked link
        query.pop("as_of", None)
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)
    page.run()


main()
