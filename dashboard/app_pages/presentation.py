"""Trình chiếu: the big-screen mode for review meetings (UI only).

One view per slide, large type on a high-contrast background, no sidebar or chrome. The slide
number, play/pause and the interval live in the URL as well as in the session, so a reload
keeps the place. A fragment re-runs every few seconds: it advances the slide when playing and
re-reads the (cached) queries, so a new import appears within a minute without losing the slide.
Only nominees' names are shown as personal data. The figures and the best units come from
``thidua.metrics.kpis`` (the overview's own); every data value put into HTML is escaped.
"""

from __future__ import annotations

import time
from html import escape

import streamlit as st

from dashboard.ui import state
from thidua import charts, formats
from thidua.catalogue import t
from thidua.metrics import kpis
from thidua.theme import PROJECTOR, Projector

SLIDES = ("kpis", "participation", "heatmap", "pipeline", "commend")
INTERVALS = (10, 20, 30, 60, 120)
REFRESH_S = 5  # how often the fragment looks at the clock and the data


def projector_css(p: Projector = PROJECTOR) -> str:
    """The slides' style sheet, its colours from ``thidua.theme.PROJECTOR``."""
    return f"""
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
footer {{display: none !important;}}
.stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {{
  background: {p.background} !important; color: {p.text} !important;}}
.block-container {{padding: 1.2rem 2.4rem 0.6rem 2.4rem !important; max-width: 100% !important;}}
.stApp h1, .stApp h2, .stApp h3, .stApp p, .stApp li, .stApp label, .stApp span {{
  color: {p.text} !important;}}
.stApp h1 {{font-size: clamp(2.2rem, 3.4vw, 4rem) !important; padding: 0.2rem 0 0.6rem 0;}}
.strip {{font-size: clamp(1rem, 1.25vw, 1.5rem); color: {p.muted_text} !important;
  border-bottom: 2px solid {p.grid}; padding-bottom: 0.4rem; margin-bottom: 0.6rem;}}
.kpi {{background: {p.panel}; border: 2px solid {p.grid}; border-radius: 14px;
  padding: 1.2rem 1.4rem; margin-bottom: 1rem;}}
.kpi .label {{font-size: clamp(1.1rem, 1.6vw, 2rem); color: {p.muted_text};}}
.kpi .value {{font-size: clamp(3rem, 6vw, 7rem); font-weight: 700; line-height: 1.1;
  color: {p.text};}}
.kpi .detail {{font-size: clamp(1rem, 1.3vw, 1.6rem); color: {p.muted_text};}}
.big-list {{font-size: clamp(1.2rem, 1.7vw, 2.1rem); line-height: 1.5;}}
.stButton button {{font-size: 1.2rem; background: {p.panel}; color: {p.text};
  border: 2px solid {p.button_border};}}
</style>
"""


filters = st.session_state["filters"]
lang = filters.lang
st.html(projector_css())


def count(value: object) -> str:
    return formats.count(value, lang)


def _query_int(key: str, default: int, choices: tuple[int, ...] | None = None) -> int:
    try:
        value = int(filters.extra.get(key, default))
    except ValueError:
        return default
    return value if choices is None or value in choices else default


if "slide" not in st.session_state:
    st.session_state["slide"] = _query_int("slide", 1) - 1
    st.session_state["playing"] = filters.extra.get("play", "1") != "0"
    st.session_state["every"] = _query_int("every", 20, INTERVALS)
    st.session_state["shown_at"] = time.monotonic()


def _go(step: int) -> None:
    st.session_state["slide"] = (st.session_state["slide"] + step) % len(SLIDES)
    st.session_state["shown_at"] = time.monotonic()


def _toggle() -> None:
    st.session_state["playing"] = not st.session_state["playing"]
    st.session_state["shown_at"] = time.monotonic()


def _exit() -> None:
    for key in ("mode", "slide", "play", "every"):
        st.query_params.pop(key, None)


def kpi_card(label: str, value: str, detail: str = "") -> str:
    """One figure as HTML; every part is escaped (labels are words, values are data)."""
    return (f'<div class="kpi"><div class="label">{escape(label)}</div>'
            f'<div class="value">{escape(value)}</div>'
            f'<div class="detail">{escape(detail)}</div></div>')


def slide_kpis(headline: kpis.Headline) -> None:
    st.title(t("slide_kpis", lang))
    k = headline.kpis
    period_text = t("kpi_period", lang, period=formats.month(headline.period, lang))
    cards = [
        kpi_card(t("kpi_staff_participation", lang),
                 formats.pct(k.staff_participation_pct, lang),
                 f"{count(k.staff_registered)}/{count(k.staff_total)}"),
        kpi_card(t("kpi_unit_participation", lang),
                 formats.pct(k.unit_participation_pct, lang),
                 f"{count(k.units_registered)}/{count(k.units_total)}"),
        kpi_card(t("kpi_individual", lang), formats.pct(k.individual_fulfilment_pct, lang),
                 period_text),
        kpi_card(t("kpi_completeness", lang), formats.pct(k.completeness_pct, lang),
                 period_text),
        kpi_card(t("kpi_nominations", lang), count(k.nominations_total),
                 t("kpi_nomination_outcome", lang, awarded=count(k.nominations_awarded),
                   rejected=count(k.nominations_not_awarded),
                   pending=count(k.nominations_pending))),
    ]
    top, bottom = st.columns(3), st.columns(2)
    for column, card in zip([*top, *bottom], cards, strict=True):
        column.markdown(card, unsafe_allow_html=True)


def slide_participation(params: dict, campaign: dict) -> None:
    st.title(t("slide_participation", lang))
    units = state.query("metrics/unit_metrics", **params, period=None)
    fig = charts.participation_by_unit(
        units, target_pct=campaign.get("target_participation_pct") or 100, lang=lang)
    st.plotly_chart(charts.for_projector(fig), config=charts.PLOTLY_CONFIG, theme=None)


def slide_heatmap(params: dict, period) -> None:
    st.title(t("slide_heatmap", lang, period=formats.month(period, lang)))
    cells = state.query("marts/criteria_fulfilment", **params, period=period,
                        subject_type="tap_the")
    st.plotly_chart(charts.for_projector(charts.criteria_heatmap(cells, lang=lang)),
                    config=charts.PLOTLY_CONFIG, theme=None)


def slide_pipeline(params: dict) -> None:
    st.title(t("slide_pipeline", lang))
    fig = charts.nomination_pipeline(state.query("metrics/nominations_by_status", **params),
                                     lang=lang, horizontal=True)
    st.plotly_chart(charts.for_projector(fig), config=charts.PLOTLY_CONFIG, theme=None)


def slide_commend(params: dict, headline: kpis.Headline) -> None:
    st.title(t("slide_commend", lang))
    left, right = st.columns([2, 3])
    with left:
        st.subheader(t("slide_top_units", lang, period=formats.month(headline.period, lang)))
        lines = [f"{i}. <b>{escape(row['unit_name'])}</b> — "
                 f"{escape(formats.pct(row['score_pct'], lang))}"
                 for i, row in enumerate(headline.ranking, start=1)]
        st.markdown(f'<div class="big-list">{"<br>".join(lines)}</div>', unsafe_allow_html=True)
    with right:
        st.subheader(t("slide_nominees", lang))
        nominees = state.query("marts/nomination_list", **params)
        nominees = nominees[nominees["status"] != "khong_khen_thuong"]
        if nominees.empty:
            st.markdown(t("slide_no_nominees", lang))
            return
        lines = []
        for award, group in nominees.groupby("award_code", sort=False):
            names = ", ".join(
                escape(str(row.subject_name)) + (" ✓" if row.status == "da_khen_thuong" else "")
                for row in group.sort_values("subject_name").itertuples())
            lines.append(f"<b>{escape(formats.award_label(award, lang))}</b> "
                         f"({count(len(group))}): {names}")
        st.markdown(f'<div class="big-list">{"<br>".join(lines)}</div>',
                    unsafe_allow_html=True)
        st.caption(f"✓ {formats.status_label('da_khen_thuong', lang)}")


campaigns = st.session_state.get("campaigns")
if not filters.campaign or campaigns is None or campaigns.empty:
    st.title(t("present_title", lang))
    st.markdown(t("no_database", lang))
    st.stop()

controls = st.columns([1.3, 1.6, 1.3, 2, 1.3, 3])
controls[0].button(t("present_prev", lang), icon=":material/chevron_left:", shortcut="Left",
                   on_click=_go, args=(-1,), key="present_prev")
controls[1].button(t("present_pause" if st.session_state["playing"] else "present_play", lang),
                   icon=":material/pause:" if st.session_state["playing"]
                   else ":material/play_arrow:", shortcut="Space", on_click=_toggle,
                   key="present_toggle")
controls[2].button(t("present_next", lang), icon=":material/chevron_right:", shortcut="Right",
                   on_click=_go, args=(1,), key="present_next")
every = controls[3].selectbox(
    t("present_every", lang), INTERVALS, index=INTERVALS.index(st.session_state["every"]),
    format_func=lambda n: t("present_seconds", lang, n=n), key="present_every",
    label_visibility="collapsed")
st.session_state["every"] = every
controls[4].button(t("present_exit", lang), icon=":material/close:", shortcut="Esc",
                   on_click=_exit, key="present_exit")


@st.fragment(run_every=REFRESH_S)
def show_slide() -> None:
    """The current slide; advances it when playing and its time is up."""
    if (st.session_state["playing"]
            and time.monotonic() - st.session_state["shown_at"] >= st.session_state["every"]):
        _go(1)
    index = st.session_state["slide"]
    st.query_params["slide"] = str(index + 1)
    st.query_params["play"] = "1" if st.session_state["playing"] else "0"
    st.query_params["every"] = str(st.session_state["every"])
    campaigns = state.query("metrics/campaigns").set_index("campaign_code")
    campaign = campaigns.loc[filters.campaign].to_dict()
    params = filters.params()
    period = formats.as_date(state.query("metrics/evaluation_period", **params)["period"].iloc[0])
    headline = kpis.headline(state.rows, params, period)
    units = ", ".join(filters.units) if filters.units else t("filter_units_all", lang)
    strip = t("present_strip", lang, campaign=f"{filters.campaign} · "
              f"{campaign['campaign_name'][:90]}", units=units,
              as_of=formats.date(filters.as_of, lang))
    slide_of = t("present_slide_of", lang, n=index + 1, total=len(SLIDES))
    st.markdown(f'<div class="strip">{escape(strip)} · {escape(slide_of)}</div>',
                unsafe_allow_html=True)
    name = SLIDES[index]
    if name == "kpis":
        slide_kpis(headline)
    elif name == "participation":
        slide_participation(params, campaign)
    elif name == "heatmap":
        slide_heatmap(params, period)
    elif name == "pipeline":
        slide_pipeline(params)
    else:
        slide_commend(params, headline)


show_slide()
