"""Tổng quan: progress at a glance for Office leadership (UI only).

The figures, the units needing attention and their order come from ``thidua.metrics.kpis``
(the same as the slides, the progress report and ``thidua summary``); this page lays them out.
"""

from __future__ import annotations

import streamlit as st

from dashboard.ui import state
from dashboard.ui.widgets import chart, kpi, kpi_row, md_escape, page_start
from thidua import charts, formats
from thidua.catalogue import t
from thidua.metrics import kpis

filters, campaign = page_start("page_overview")
lang = filters.lang
params = filters.params()
period = formats.as_date(state.query("metrics/evaluation_period", **params)["period"].iloc[0])
headline = kpis.headline(state.rows, params, period)
k = headline.kpis


def count(value: object) -> str:
    return formats.count(value, lang)


start, end = formats.as_date(campaign["start_date"]), formats.as_date(campaign["end_date"])
window = {"start": formats.date(start, lang), "end": formats.date(end, lang),
          "as_of": formats.date(filters.as_of, lang)}  # days counted to the data date, said so
if filters.as_of < start:
    st.markdown(t("window_not_started_as_of", lang, **window))
elif filters.as_of <= end:
    total_days = (end - start).days
    elapsed = (filters.as_of - start).days
    st.progress(min(elapsed / total_days, 1.0) if total_days else 1.0,
                text=t("window_running_as_of", lang, **window, elapsed=elapsed,
                       left=(end - filters.as_of).days))
else:
    st.progress(1.0, text=t("window_ended_as_of", lang, **window,
                            days=(filters.as_of - end).days))

row = kpi_row()
kpi(row, t("kpi_staff_participation", lang), formats.pct(k.staff_participation_pct, lang),
    t("kpi_of_target", lang, count=count(k.staff_registered), total=count(k.staff_total),
      target=formats.number(k.target_participation_pct, lang)))
kpi(row, t("kpi_unit_participation", lang), formats.pct(k.unit_participation_pct, lang),
    t("kpi_count_of", lang, count=count(k.units_registered), total=count(k.units_total)))
period_text = t("kpi_period", lang, period=formats.month(period, lang))
kpi(row, t("kpi_collective", lang), formats.pct(k.collective_fulfilment_pct, lang),
    f"{count(k.collective_met)}/{count(k.collective_evaluated)} · {period_text}")
kpi(row, t("kpi_individual", lang), formats.pct(k.individual_fulfilment_pct, lang),
    f"{count(k.individual_met)}/{count(k.individual_evaluated)} · {period_text}")
kpi(row, t("kpi_completeness", lang), formats.pct(k.completeness_pct, lang),
    f"{count(k.results_evaluated)}/{count(k.results_expected)} · {period_text}")
kpi(row, t("kpi_nominations", lang), count(k.nominations_total),
    t("kpi_nomination_outcome", lang, awarded=count(k.nominations_awarded),
      rejected=count(k.nominations_not_awarded), pending=count(k.nominations_pending)))

left, right = st.columns([3, 2])
with left:
    st.subheader(t("heading_trend", lang))
    chart(charts.fulfilment_trend, state.query("marts/fulfilment_trend", **params), lang)
with right:
    st.subheader(t("heading_attention", lang))
    if not headline.attention:
        st.info(t("no_period", lang))
    else:
        # The caption and the list in one element (each element is a message to the browser
        # and a render of the page there); names are data: escaped, never read as Markdown.
        caption = md_escape(t("attention_caption", lang, period=formats.month(period, lang)))
        st.markdown("\n\n".join([f":gray[:small[{caption}]]", *(
            f"**{md_escape(row['unit_name'])}** — {t('kpi_completeness', lang)}: "
            f"{formats.pct(row['completeness_pct'], lang)} · {t('kpi_collective', lang)}: "
            f"{formats.pct(row['collective_fulfilment_pct'], lang)} · "
            f"{t('kpi_individual', lang)}: "
            f"{formats.pct(row['individual_fulfilment_pct'], lang)}"
            for row in headline.attention)]))
