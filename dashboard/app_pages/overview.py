"""Tổng quan: progress at a glance for Office leadership (UI only)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.ui import state
from dashboard.ui.widgets import as_date, chart, fmt_date, fmt_pct, fmt_period, kpi, page_start
from thidua import charts
from thidua.catalogue import t
from thidua.metrics.summary import build_summary_from_frames

filters, campaign = page_start("page_overview")
lang = filters.lang
params = filters.params()
period = as_date(state.query("metrics/evaluation_period", **params)["period"].iloc[0])
unit_rows = state.query("metrics/unit_metrics", **params, period=period)
summary = build_summary_from_frames(
    filters.campaign, filters.as_of, period,
    totals=state.query("metrics/participation_totals", **params),
    units=unit_rows,
    by_status=state.query("metrics/nominations_by_status", **params),
    by_award=state.query("metrics/nominations_by_award", **params))

start, end = as_date(campaign["start_date"]), as_date(campaign["end_date"])
window = {"start": fmt_date(start, lang), "end": fmt_date(end, lang)}
if filters.as_of < start:
    st.markdown(t("window_not_started", lang, **window))
elif filters.as_of <= end:
    total_days = (end - start).days
    elapsed = (filters.as_of - start).days
    st.progress(min(elapsed / total_days, 1.0) if total_days else 1.0,
                text=t("window_running", lang, **window, elapsed=elapsed,
                       left=(end - filters.as_of).days))
else:
    st.progress(1.0, text=t("window_ended", lang, **window, days=(filters.as_of - end).days))

units = pd.DataFrame(summary["units"])
target = campaign.get("target_participation_pct") or 100
met = {k: int(units[f"{k}_met"].sum()) if len(units) else 0
       for k in ("collective", "individual")}
evaluated = {k: int(units[f"{k}_evaluated"].sum()) if len(units) else 0
             for k in ("collective", "individual")}
expected = int(unit_rows["results_expected"].sum()) if len(unit_rows) else 0
got = int(unit_rows["results_evaluated"].sum()) if len(unit_rows) else 0
by_status = summary["nominations_by_status"]
awarded = by_status.get("da_khen_thuong", 0)
rejected = by_status.get("khong_khen_thuong", 0)

c1, c2, c3, c4, c5, c6 = st.columns(6)
kpi(c1, t("kpi_staff_participation", lang), fmt_pct(summary["staff_participation_pct"], lang),
    t("kpi_of_target", lang, count=summary["staff_registered"], total=summary["staff_total"],
      target=f"{target:g}"))
kpi(c2, t("kpi_unit_participation", lang), fmt_pct(summary["unit_participation_pct"], lang),
    t("kpi_count_of", lang, count=summary["units_registered"], total=summary["units_total"]))
period_text = t("kpi_period", lang, period=fmt_period(period))
for column, key in ((c3, "collective"), (c4, "individual")):
    pct = round(100 * met[key] / evaluated[key], 1) if evaluated[key] else None
    kpi(column, t(f"kpi_{key}", lang), fmt_pct(pct, lang),
        f"{met[key]}/{evaluated[key]} · {period_text}")
kpi(c5, t("kpi_completeness", lang),
    fmt_pct(round(100 * got / expected, 1) if expected else None, lang),
    f"{got}/{expected} · {period_text}")
kpi(c6, t("kpi_nominations", lang), str(summary["nominations_total"]),
    t("kpi_nomination_outcome", lang, awarded=awarded, rejected=rejected,
      pending=summary["nominations_total"] - awarded - rejected))

left, right = st.columns([3, 2])
with left:
    st.subheader(t("heading_trend", lang))
    chart(charts.fulfilment_trend(state.query("marts/fulfilment_trend", **params), lang=lang))
with right:
    st.subheader(t("heading_attention", lang))
    if period is None or unit_rows.empty:
        st.info(t("no_period", lang))
    else:
        st.caption(t("attention_caption", lang, period=fmt_period(period)))
        attention = unit_rows.assign(
            worst=unit_rows[["completeness_pct", "individual_fulfilment_pct",
                             "collective_fulfilment_pct"]].min(axis=1, skipna=True).fillna(-1)
        ).sort_values(["worst", "unit_code"]).head(5)
        for row in attention.itertuples():
            st.markdown(
                f"**{row.unit_name}** — {t('kpi_completeness', lang)}: "
                f"{fmt_pct(row.completeness_pct, lang)} · {t('kpi_collective', lang)}: "
                f"{fmt_pct(row.collective_fulfilment_pct, lang)} · "
                f"{t('kpi_individual', lang)}: {fmt_pct(row.individual_fulfilment_pct, lang)}")
