"""Dữ liệu: every table with the filters applied, sortable, downloadable (UI only).

Named tables (people, registrations, results, nominations) are cut to a unit head's own unit
after the shared cache (``access.scoped``), before they are shown or offered for download.
"""

from __future__ import annotations

import streamlit as st

from dashboard.ui import access, named_list, state
from dashboard.ui.downloads import download_buttons
from dashboard.ui.widgets import page_start, show_table
from thidua import formats
from thidua.catalogue import t

filters, campaign = page_start("page_tables")
lang = filters.lang
params = filters.params()

NAMED = {  # choice -> the column naming the unit a named row belongs to
    "table_staff": "unit_code", "table_registrations": "unit_code",
    "table_evaluations": "unit_code", "table_nominations": "proposing_unit",
    "table_unregistered": "unit_code"}
TABLES = {  # choice -> (query, file slug)
    "table_unit_metrics": ("metrics/unit_metrics", "chi-so-don-vi"),
    "table_units": ("marts/table_units", "don-vi"),
    "table_staff": ("marts/table_staff", "can-bo"),
    "table_registrations": ("marts/table_registrations", "dang-ky"),
    "table_evaluations": ("marts/table_evaluations", "danh-gia"),
    "table_nominations": ("marts/nomination_list", "ho-so-khen-thuong"),
    "table_unregistered": ("marts/unregistered_staff", "danh-sach-chua-dang-ky"),
}
choice = st.segmented_control(t("table_choice", lang), list(TABLES),
                              default="table_unit_metrics", format_func=lambda k: t(k, lang),
                              key="table_choice", required=True)
query_name, slug = TABLES[choice]

period = None
if choice in ("table_evaluations", "table_unit_metrics"):
    periods = [formats.as_date(p) for p in state.query("metrics/evaluation_periods",
                                               campaign_code=filters.campaign)["period"]]
    periods = [p for p in periods if p <= filters.as_of]
    options = [None, *periods] if choice == "table_evaluations" else periods
    if options:
        period = st.selectbox(t("filter_period", lang), options, index=len(options) - 1,
                              format_func=lambda p: t("all_periods", lang) if p is None
                              else formats.month(p, lang), key=f"period_{choice}")

# The first rows of the list (named rows cut to a unit head's units in the query); not
# counted: at the country, counting a period's evaluations alone takes seconds.
table = named_list.fetch(query_name, filters.campaign, NAMED.get(choice), count=False,
                         **params, period=period)
if choice in NAMED:
    access.scope_caption(lang)
if choice == "table_nominations":
    table = table.shaped(lambda df: df.drop(
        columns=["award_label_vi", "award_label_en", "status_label_vi", "status_label_en",
                 "proposing_unit"]).rename(columns={"proposing_unit_name": "proposing_unit"}))
if table.more:
    named_list.caption(table, lang)
else:
    st.caption(t("rows_count", lang, n=formats.count(len(table.rows), lang)))
show_table(table.rows, lang, height=560)
download_buttons(table.every_row, slug, t(choice, lang), filters, campaign, period=period,
                 named=choice in NAMED)
