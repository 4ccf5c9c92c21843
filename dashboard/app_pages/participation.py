"""Tham gia: who has registered, per unit, over time, by gender and staff type (UI only)."""

from __future__ import annotations

import streamlit as st

from dashboard.ui import access, level_view, named_list, state
from dashboard.ui.downloads import download_buttons
from dashboard.ui.widgets import chart, page_start, show_table
from thidua import charts, formats
from thidua.catalogue import t

filters, campaign = page_start("page_participation")
lang = filters.lang
params = filters.params()
target = campaign.get("target_participation_pct") or 100

view = level_view.current(filters)  # one level of units: the top, or those below the choice
units = level_view.own_labelled(
    state.query("metrics/unit_rollups", **params, period=None, **view.params()), lang)
st.subheader(t("heading_participation_by_unit", lang))
n = level_view.rows_setting(len(units), lang, "participation_rows")
shown = level_view.capped(units, "staff_participation_pct", n, lang, "kpi_staff_participation")
chart(charts.participation_by_unit, shown, lang, target_pct=target)
level_view.drill_down(view, units, lang, f"participation_drill_{','.join(filters.units)}")

left, right = st.columns(2)
with left:
    st.subheader(t("heading_registrations_over_time", lang))
    chart(charts.registrations_over_time, state.query("marts/registrations_over_time", **params),
          lang, target_pct=target)
with right:
    st.subheader(t("heading_breakdown", lang))
    chart(charts.participation_breakdown, state.query("marts/participation_breakdown", **params),
          lang)

st.subheader(t("heading_unregistered", lang))
access.scope_caption(lang)
# named rows: a unit head sees their units only (cut in the query)
missing = named_list.fetch("marts/unregistered_staff", filters.campaign, "unit_code", **params)
if missing.rows.empty:
    st.success(t("all_registered", lang))
else:
    st.caption(t("unregistered_caption", lang, n=formats.count(missing.total, lang)))
    named_list.caption(missing, lang)
    show_table(missing.rows, lang)
    download_buttons(missing.every_row, "danh-sach-chua-dang-ky", t("table_unregistered", lang),
                     filters, campaign, named=True)
