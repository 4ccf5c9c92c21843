"""Khen thưởng: the nomination pipeline during and after the campaign (UI only)."""

from __future__ import annotations

import streamlit as st

from dashboard.ui import access, named_list, state
from dashboard.ui.downloads import download_buttons
from dashboard.ui.widgets import chart, empty_state, page_start, show_table
from thidua import charts, formats
from thidua.catalogue import t

filters, campaign = page_start("page_nominations")
lang = filters.lang
params = filters.params()

# the list names people: a unit head sees their units only (cut in the query)
nominations = named_list.fetch("marts/nomination_list", filters.campaign, "proposing_unit",
                               count="marts/nomination_count", **params)
if nominations.rows.empty:
    empty_state(lang, "no_nominations")
    st.stop()

# Full width, bars across: the stages' and the award forms' long names stay level and whole
# (side by side, half a page each, the stages' names stood on end under a plot 74 px tall).
st.subheader(t("heading_pipeline", lang))
chart(charts.nomination_pipeline, state.query("metrics/nominations_by_status", **params), lang,
      horizontal=True)
st.subheader(t("heading_award_status", lang))
chart(charts.nominations_award_status, state.query("marts/nominations_award_status", **params),
      lang)

st.subheader(t("heading_status_weekly", lang))
window = (formats.as_date(campaign["start_date"]), formats.as_date(campaign["end_date"]))
chart(charts.nomination_status_weekly, state.query("marts/nomination_status_weekly", **params),
      lang, window=window)

st.subheader(t("heading_stage_durations", lang))
chart(charts.stage_durations, state.query("marts/stage_durations", **params), lang,
      horizontal=True)

st.subheader(t("heading_nomination_list", lang))
columns = ["nomination_code", "subject_name", "subject_type", "proposing_unit_name",
           "award_code", "proposed_on", "status", "status_since", "days_in_status",
           "decision_ref"]
access.scope_caption(lang)
table = nominations.shaped(lambda df: df[columns].rename(
    columns={"proposing_unit_name": "proposing_unit"}))
named_list.caption(table, lang)
show_table(table.rows, lang)
download_buttons(table.every_row, "ho-so-khen-thuong", t("table_nominations", lang), filters,
                 campaign, named=True)
