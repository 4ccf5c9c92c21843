"""Tiêu chí: criteria fulfilment per department, completeness and who has not submitted (UI only).

The fulfilment trend per period is the Overview's chart; it is not drawn here a second time (a
Plotly chart is the costliest element a page sends to the browser).
"""

from __future__ import annotations

import streamlit as st

from dashboard.ui import access, level_view, named_list, state
from dashboard.ui.downloads import download_buttons
from dashboard.ui.widgets import chart, empty_state, md_escape, page_start, show_table
from thidua import charts, formats
from thidua.catalogue import t

filters, campaign = page_start("page_criteria")
subject_kpi = {"tap_the": "collective", "ca_nhan": "individual"}
lang = filters.lang
params = filters.params()

periods = [formats.as_date(p) for p in state.query("metrics/evaluation_periods",
                                           campaign_code=filters.campaign)["period"]]
periods = [p for p in periods if p <= filters.as_of]
if not periods:
    empty_state(lang, "no_period")
    st.stop()
wanted = filters.extra.get("period")
default = next((p for p in periods if p.isoformat()[:7] == wanted), periods[-1])
row = st.container(horizontal=True, gap="medium")  # one element for the row, not three
period = row.selectbox(t("filter_period", lang), periods, index=periods.index(default), width=320,
                       format_func=lambda p: formats.month(p, lang), key="criteria_period")
subject = row.segmented_control(
    t("filter_subject", lang), ["tap_the", "ca_nhan"],
    default=filters.extra.get("subject") if filters.extra.get("subject") in (
        "tap_the", "ca_nhan") else "tap_the",
    format_func=lambda s: t(f"subject_{s}", lang), key="criteria_subject", required=True)


address = {"period": period.isoformat()[:7], "subject": subject}
if any(st.query_params.get(k) != v for k, v in address.items()):  # each change is a message
    st.query_params.update(address)

st.subheader(t("heading_heatmap", lang, period=formats.month(period, lang)))
view = level_view.current(filters)  # one level of units: the top, or those below the choice
cells = state.query("marts/criteria_fulfilment_by_level", **params, period=period,
                    subject_type=subject, **view.params())
level = level_view.own_labelled(
    state.query("metrics/unit_rollups", **params, period=period, **view.params()), lang)
n = level_view.rows_setting(len(level), lang, "criteria_rows")
measure = "collective_fulfilment_pct" if subject == "tap_the" else "individual_fulfilment_pct"
shown = level_view.capped(level, measure, n, lang, f"kpi_{subject_kpi[subject]}")
names = dict(zip(level["unit_code"], level["unit_name"], strict=True))
heat = cells[cells["unit_code"].isin(shown["unit_code"])].assign(
    unit_name=lambda d: d["unit_code"].map(names))
chart(charts.criteria_heatmap, heat, lang)
level_view.drill_down(view, level, lang, f"criteria_drill_{','.join(filters.units)}")

st.subheader(t("heading_completeness", lang))
chart(charts.completeness_by_unit, shown, lang)

st.subheader(t("heading_missing", lang, period=formats.month(period, lang)))
missing = named_list.fetch("marts/missing_evaluations", filters.campaign, "unit_code",
                          **params, period=period)
if missing.rows.empty:
    st.success(t("all_submitted", lang))
else:
    # The list is drawn when it is opened: a data grid is, after the heatmap, what costs every
    # viewer's browser most on this page, and most visits come for the heatmap.
    total = missing.total if missing.total is not None else len(missing.rows)
    # Its label counts the rows, and a new label is a new expander: it opens as the last one
    # was left (the key's value until this run), so it stays open for another period or date.
    box = st.expander(t("missing_open", lang, n=formats.count(total, lang)),
                      expanded=bool(st.session_state.get("criteria_missing_open")),
                      key="criteria_missing_open", on_change="rerun", icon=":material/list:")
    if box.open:
        with box:
            access.scope_caption(lang)
            named_list.caption(missing, lang)
            show_table(missing.rows, lang)
            download_buttons(missing.every_row, "chua-nop-danh-gia", t(
                "heading_missing", lang, period=formats.month(period, lang)), filters, campaign,
                period=period, named=True)

box = st.expander(t("criteria_list", lang), key="criteria_list_open", on_change="rerun")
if box.open:  # sent only when opened, like the list above
    crit = cells.drop_duplicates("criterion_code")[["criterion_code", "criterion_name"]]
    box.markdown("\n\n".join(  # one element for the list, not one for each criterion
        f"**{md_escape(row.criterion_code)}** — {md_escape(row.criterion_name)}"
        for row in crit.itertuples()))
