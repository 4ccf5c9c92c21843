"""Pieces every page shares: the title and data line, KPI cards, tables, Markdown-safe data."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from dashboard.ui import figures
from dashboard.ui.page_css import KPI_ROW_KEY
from dashboard.ui.tables import styled
from thidua import formats
from thidua.catalogue import t
from thidua.metrics.filters import Filters

# Every ASCII character Markdown (and Streamlit's :directive[...] / $math$) may act upon.
_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()<>#+-.!|~:$=\"'&")


def md_escape(value: object) -> str:
    """Data put into Markdown, shown as it is: every special character backslash-escaped."""
    text = formats.MISSING if formats.is_missing(value) else str(value)
    return "".join(f"\\{c}" if c in _MARKDOWN_SPECIAL else c for c in text)


def empty_state(lang: str, key: str = "empty_state") -> None:
    st.info(t(key, lang), icon=":material/info:")


def data_line(campaign: dict, filters: Filters, lang: str) -> None:
    """'Số liệu đến ngày … · nhập lúc … từ tệp …' under every page title."""
    line = t("data_line", lang, as_of=formats.date(filters.as_of, lang),
             imported_at=formats.datetime(campaign.get("imported_at"), lang),
             file=campaign.get("file_name") or formats.MISSING)
    units = ", ".join(filters.units) if filters.units else t("filter_units_all", lang)
    st.caption(f"{line} · {t('data_line_units', lang, units=units)}")


def kpi_row():
    """The row the KPI cards (``kpi``) share; they wrap onto a second one when the window is
    narrow (its styles are every page's, ``dashboard.ui.page_css.KPI_CSS``: one element less
    a run)."""
    return st.container(horizontal=True, gap="small", key=KPI_ROW_KEY)


def kpi(row, label: str, value: str, detail: str | None = None) -> None:
    """One card: its label, its figure and, under the figure, what it counts (grey, no arrow:
    Streamlit's "delta" line with its colour and arrow off). The detail inside the card, not a
    caption beside it, makes a card one element: six cards were 19 messages to the browser, each
    a render of the page there, now 7."""
    row.metric(label, value, delta=md_escape(detail) if detail else None, delta_color="off",
               delta_arrow="off", border=True)


def show_table(df: pd.DataFrame, lang: str, height: int | None = None) -> None:
    """A sortable table that reads like the language: labels, ``87,0%``, dates, ``—``.

    The cells show :func:`dashboard.ui.tables.display_frame`'s strings over the real values,
    so sorting a column sorts its numbers and dates, not their text (a table of text and small
    counts is sent as its strings and counts: :func:`dashboard.ui.tables.styled`).
    """
    data = styled(df, lang)
    counts = {} if isinstance(data, Styler) else {  # digits, as formats.count writes 0 to 999
        name: st.column_config.NumberColumn(format="%d") for name in data.columns
        if data[name].dtype.kind in "iu"}
    st.dataframe(data, hide_index=True, column_config=counts or None, placeholder=formats.MISSING,
                 height=height if height and len(df) > 15 else "auto")


def page_start(title_key: str) -> tuple[Filters, dict]:
    """Title, data line and the current filters; stops the page when there is no data yet."""
    filters: Filters = st.session_state.get("filters") or Filters()
    lang = filters.lang
    st.title(t(title_key, lang))
    campaigns = st.session_state.get("campaigns")
    if not filters.campaign or campaigns is None or campaigns.empty:
        if title_key != "page_import":
            st.warning(t("no_database", lang), icon=":material/database:")
            st.stop()
        return filters, {}
    campaign = campaigns.set_index("campaign_code").loc[filters.campaign].to_dict()
    campaign["campaign_code"] = filters.campaign
    data_line(campaign, filters, lang)
    return filters, campaign


def chart(build, df: pd.DataFrame | None, lang: str, **options) -> None:
    """The figure ``build(df, lang=lang, **options)`` with the shared configuration, built
    once for every session showing the same rows (:mod:`dashboard.ui.figures`), drawn in
    thidua's chart element, which keeps its place and updates in place when the figure
    changes (:mod:`dashboard.ui.chart_element`)."""
    from dashboard.ui import chart_element

    chart_element.show(figures.figure(build, df, lang, **options), key=build.__name__,
                       lang=lang)
